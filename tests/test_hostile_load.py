"""Hostile and careless input to loading, one test per defect: the path policy (hidden
folders, reports read back, manifests pointing outside), the decoder policy, years, and
errors that were not TrendkzError."""

from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest

import trendkz
from trendkz import CorpusError, InputError, ManifestError, TrendkzWarning

TEXT = "Annual report {y}\n\nIn {y}, the ministry opened {n} new schools in the region.\n"


def _folder(tmp_path, years=(2018, 2019)):
    src = tmp_path / "src"
    src.mkdir()
    for y in years:
        (src / f"r{y}.txt").write_text(TEXT.format(y=y, n=y - 1990))
    return src


def test_a_report_saved_in_its_source_folder_is_not_read_back(tmp_path):
    # before: the report's index.html was loaded as a document on the next run
    src = _folder(tmp_path)
    corpus = trendkz.load_corpus(src)
    trendkz.compare(corpus).save(src / "report")
    again = trendkz.load_corpus(src)
    assert list(again.documents["source"]) == ["r2018.txt", "r2019.txt"]


def test_hidden_folders_are_not_read(tmp_path):
    src = _folder(tmp_path)
    (src / ".git").mkdir()
    (src / ".git" / "r2020.txt").write_text(TEXT.format(y=2020, n=3))
    (src / "sub" / ".cache").mkdir(parents=True)
    (src / "sub" / ".cache" / "x.md").write_text(TEXT.format(y=2021, n=3))
    assert list(trendkz.load_corpus(src).documents["source"]) == ["r2018.txt", "r2019.txt"]


@pytest.mark.parametrize("name", ["../out.txt", "sub/../../out.txt", "ABSOLUTE"])
def test_manifest_paths_stay_inside_the_folder(tmp_path, name):
    # before: a manifest naming ../x.txt or an absolute path put that text in the report
    src = _folder(tmp_path)
    (tmp_path / "out.txt").write_text(TEXT.format(y=2020, n=7))
    name = str(tmp_path / "out.txt") if name == "ABSOLUTE" else name
    (src / "sub").mkdir()
    man = pd.DataFrame({"file": ["r2018.txt", name]})
    with pytest.raises(ManifestError, match="outside the corpus folder"):
        trendkz.load_corpus(src, manifest=man)
    corpus = trendkz.load_corpus(src, manifest=man, allow_outside=True)
    assert len(corpus) == 2


def test_cli_allow_outside(tmp_path, capsys):
    from trendkz.report.cli import build_parser, main

    src = _folder(tmp_path)
    (tmp_path / "out.txt").write_text(TEXT.format(y=2020, n=7))
    man = tmp_path / "man.csv"
    man.write_text("file\nr2018.txt\nr2019.txt\n../out.txt\n")
    args = ["sections", str(src), "--manifest", str(man)]
    assert main(args) == 2
    assert "outside the corpus folder" in capsys.readouterr().err
    assert main([*args, "--allow-outside"]) == 0
    assert "2020" in capsys.readouterr().out
    out = tmp_path / "report"
    report = ["report", str(src), "--manifest", str(man), "--out", str(out), "--quiet"]
    assert main([*report, "--workers", "1"]) == 2
    assert main([*report, "--workers", "1", "--allow-outside"]) == 0
    assert (out / "index.html").is_file()
    helps = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    assert "--allow-outside" in helps["report"].format_help()


def test_a_name_inside_the_folder_may_use_dots(tmp_path):
    src = _folder(tmp_path)
    (src / "sub").mkdir()
    man = pd.DataFrame({"file": ["sub/../r2018.txt", "./r2019.txt"]})
    assert len(trendkz.load_corpus(src, manifest=man)) == 2


def test_mixed_utf8_and_cp1251_warns_naming_the_file(tmp_path):
    # before: decoded as mac_cyrillic with no warning
    src = tmp_path / "src"
    src.mkdir()
    data = (
        "Отчёт 2019\n\n".encode()
        + "В 2019 году открыто 12 новых школ в области.\n".encode("cp1251")
        + "Министерство сообщило о 40 проверках.\n".encode()
    )
    (src / "mixed.txt").write_bytes(data)
    with pytest.warns(TrendkzWarning, match="mixed.txt: mixes UTF-8"):
        corpus = trendkz.load_corpus(
            src, manifest=pd.DataFrame({"file": ["mixed.txt"], "year": [2019]})
        )
    text = corpus.documents.iloc[0]
    assert text["n_words"] > 10
    doc = next(iter(corpus))
    assert "открыто 12 новых школ" in doc.text and "Министерство сообщило" in doc.text


def test_a_confident_legacy_file_gives_no_warning(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    body = (
        "Годовой отчёт 2019\n\n" + "В 2019 году министерство открыло 12 новых школ в области. " * 20
    )
    (src / "r.txt").write_bytes(body.encode("cp1251"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrendkzWarning)
        doc = next(iter(trendkz.load_corpus(src / "r.txt")))
    assert "министерство открыло" in doc.text


def test_control_characters_are_removed_on_every_route(tmp_path):
    # before: NUL characters after the first 8 KB reached the CSVs
    text = TEXT.format(y=2019, n=5) + ("padding words here. " * 500) + "a\x00b c\x07d\n"
    (tmp_path / "r.txt").write_text(text)
    with pytest.warns(TrendkzWarning, match="r.txt: removed 2 control"):
        from_file = next(iter(trendkz.load_corpus(tmp_path / "r.txt"))).text
    with pytest.warns(TrendkzWarning, match="removed 2 control"):
        from_frame = next(iter(trendkz.load_corpus(pd.DataFrame({"text": [text]})))).text
    assert from_file == from_frame and "ab cd" in from_file and "\x00" not in from_file


def test_html_in_a_txt_file_and_entities_as_for_frames(tmp_path):
    page = "<!DOCTYPE html><html><body><h1>Annual report 2019</h1><p>In 2019 it opened 5 schools.</p></body></html>"
    (tmp_path / "page.txt").write_text(page)
    doc = next(iter(trendkz.load_corpus(tmp_path / "page.txt")))
    assert "<p>" not in doc.text and "opened 5 schools" in doc.text
    ents = TEXT.format(y=2019, n=5) + "The &#8220;plan&#8221; &amp; more.\n"
    (tmp_path / "e.txt").write_text(ents)
    from_file = next(iter(trendkz.load_corpus(tmp_path / "e.txt"))).text
    from_frame = next(iter(trendkz.load_corpus(pd.DataFrame({"text": [ents]})))).text
    assert from_file == from_frame and "“plan” & more" in from_file


@pytest.mark.parametrize(
    "year",
    [
        2010.7,
        -5,
        20190,
        True,
        1e10,
        "abc",
        float("inf"),
        pd.Timestamp("2019-01-01"),
        "0000",
        "9999",
        0,
    ],
)
def test_bad_years_are_one_clear_error_on_every_route(tmp_path, year):
    # before: 2010.7, -5, 20190, True, 1e10 accepted; 'abc', inf, a Timestamp raised raw errors
    text = TEXT.format(y=2019, n=5)
    with pytest.raises(ManifestError, match="bad year"):
        trendkz.load_corpus(pd.DataFrame({"text": [text], "year": [year]}))
    (tmp_path / "r.txt").write_text(text)
    with pytest.raises(ManifestError, match="bad year"):
        trendkz.load_corpus(tmp_path, manifest=pd.DataFrame({"file": ["r.txt"], "year": [year]}))


@pytest.mark.parametrize("year", [2019, "2019", " 2019 ", 2019.0, pd.NA, None, float("nan")])
def test_good_and_missing_years(year):
    text = TEXT.format(y=2019, n=5)
    doc = next(iter(trendkz.load_corpus(pd.DataFrame({"text": [text], "year": [year]}))))
    assert doc.year == 2019


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_read(tmp_path):
    # before: a FIFO given as a file blocked forever
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        trendkz.load_corpus([fifo])
    with pytest.raises(ManifestError):
        trendkz.load_corpus(_folder(tmp_path), manifest=fifo)
    with pytest.raises(InputError, match="not a regular file"):
        trendkz.Lexicon.from_file(fifo)


@pytest.mark.parametrize("source", [None, 123, b"text", 1.5, "", [None], [123], {"a": 1}])
def test_load_corpus_of_nonsense_is_a_corpus_error(source):
    # before: TypeError
    with pytest.raises(CorpusError):
        trendkz.load_corpus(source)


def test_bad_manifests_are_manifest_errors(tmp_path):
    src = _folder(tmp_path)
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "folder.csv").mkdir()
    (tmp_path / "latin.csv").write_bytes("file,year\nr2018.txt,2018\n\xe9\n".encode("latin-1"))
    for man in ("empty.csv", "folder.csv", "latin.csv", "missing.csv"):
        with pytest.raises(ManifestError):  # before: EmptyDataError, IsADirectoryError
            trendkz.load_corpus(src, manifest=tmp_path / man)
    with pytest.raises(ManifestError, match="does not exist"):  # before: ValueError
        trendkz.load_corpus(src, manifest=pd.DataFrame({"file": ["nope.txt"]}))


def test_a_lexicon_file_not_in_utf8_is_an_input_error(tmp_path):
    # before: UnicodeDecodeError
    path = tmp_path / "lex.txt"
    path.write_bytes("terror: terror*, террор*\n".encode("cp1251"))
    with pytest.raises(InputError, match="not UTF-8"):
        trendkz.Lexicon.from_file(path)
