"""Any saved report is verifiable, and verify notices any edit: lexicons recorded whole,
file lists, DataFrames (kept in the report), subsets, the manifest's own hash."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

import trendkz
from trendkz._core.errors import OptionError, VerifyError
from trendkz.report.cli import main
from trendkz.report.save import manifest_bytes
from trendkz.report.verify import csv_changes, verify_report

LEXICON = "# a phone maker's words\ngrowth: growth, grow*\nrisk: risk*\n"
FAST = {"pngs": False}


def _kz_files() -> list[Path]:
    return sorted(p for p in trendkz.datasets.kazakhstan_path().iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="module")
def lexfile_report(tmp_path_factory):
    """A report of a file list with a custom lexicon file, which is then deleted."""
    tmp = tmp_path_factory.mktemp("lex")
    lex = tmp / "phone.lex"
    lex.write_text(LEXICON, "utf-8")
    files = [tmp / p.name for p in _kz_files()]
    for src, dst in zip(_kz_files(), files, strict=True):
        shutil.copy(src, dst)
    corpus = trendkz.load_corpus(files)
    comparison = trendkz.compare(corpus, lexicon=lex)
    folder = comparison.save(tmp / "report", **FAST)
    lex.unlink()  # the manifest holds the lexicon's content: verify needs no file
    return folder, comparison


def test_lexicon_as_dict_path_and_lexicon_count_alike(kz_sections, tmp_path):
    path = tmp_path / "x.lex"
    path.write_text(LEXICON, "utf-8")
    as_dict = trendkz.count_terms(kz_sections, {"growth": ["growth", "grow*"], "risk": "risk*"})
    as_path = trendkz.count_terms(kz_sections, path)
    as_str = trendkz.count_terms(kz_sections, str(path))
    as_lex = trendkz.count_terms(kz_sections, trendkz.Lexicon.from_file(path))
    for other in (as_path, as_str, as_lex):
        pd.testing.assert_frame_equal(as_dict, other)
    assert set(as_dict["term"]) == {"growth", "risk"}
    k = trendkz.keywords_in_context(kz_sections, "risk", lexicon={"risk": "risk*"})
    assert {"entity", "series"} <= set(k.columns) and (k["entity"] == "Kazakhstan").all()


def test_compare_checks_the_lexicon_before_reading(tmp_path):
    with pytest.raises(OptionError, match="no such lexicon file"):
        trendkz.compare(trendkz.datasets.kazakhstan(), lexicon=tmp_path / "missing.lex")
    # the CLI: a bad lexicon is reported although the source does not even exist
    code = main(["report", str(tmp_path / "no-corpus"), "--lexicon", str(tmp_path / "nope")])
    assert code == 2


def test_custom_lexicon_from_a_file_list_passes_verify(lexfile_report):
    folder, comparison = lexfile_report
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["options"]["lexicon"]["terms"] == {
        "growth": ["growth", "grow*"],
        "risk": ["risk*"],
    }
    assert manifest["source"]["files"][0].startswith("../")
    assert set(comparison.terms["term"]) == {"growth", "risk"}
    assert verify_report(folder) == []


def test_dataframe_corpus_is_kept_in_the_report_and_verifies(kz, tmp_path):
    frame = pd.DataFrame(
        {"file": [d.source for d in kz], "text": [d.text for d in kz], "year": [d.year for d in kz]}
    )
    comparison = trendkz.compare(trendkz.load_corpus(frame))
    folder = comparison.save(tmp_path / "r", **FAST)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["source"] == {"frame": "inputs/corpus.json"}
    assert (folder / "inputs" / "corpus.json").is_file()
    assert verify_report(folder) == []


def test_a_subset_verifies_and_an_unknown_origin_is_refused(kz, tmp_path):
    sub = kz.subset([d.doc_id for d in kz][:3])
    folder = trendkz.compare(sub).save(tmp_path / "sub", **FAST)
    assert json.loads((folder / "manifest.json").read_text())["source"]["doc_ids"]
    assert verify_report(folder) == []
    bare = trendkz.Corpus(list(kz))  # built from Document objects: origin unknown
    folder = trendkz.compare(bare).save(tmp_path / "bare", **FAST)
    assert verify_report(folder, rerun=False) == []
    with pytest.raises(VerifyError, match="cannot be re-run"):
        verify_report(folder)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = trendkz.compare(trendkz.datasets.kazakhstan()).save(
        tmp_path_factory.mktemp("kz") / "r", **FAST
    )
    return folder


def _copy(saved, tmp_path) -> Path:
    dst = tmp_path / "copy"
    shutil.copytree(saved, dst)
    return dst


def _rewrite(folder: Path, edit, rehash: bool = False) -> None:
    path = folder / "manifest.json"
    m = json.loads(path.read_text())
    edit(m)
    if rehash:
        path.write_bytes(manifest_bytes(m))
    else:
        path.write_text(json.dumps(m, indent=2, sort_keys=True) + "\n")


@pytest.mark.parametrize(
    "edit, expect",
    [
        (lambda m: m.update(trendkz="9.9"), "edited"),
        (lambda m: m.update(extra=1), "unknown key"),
        (lambda m: m["dependencies"].update(pandas="0.1"), "edited"),
    ],
)
def test_manifest_edits_are_flagged(saved, tmp_path, edit, expect):
    folder = _copy(saved, tmp_path)
    _rewrite(folder, edit)
    problems = [str(d) for d in verify_report(folder, rerun=False)]
    assert any(expect in p for p in problems), problems


def test_manifest_bad_shapes_are_clear_errors(saved, tmp_path):
    folder = _copy(saved, tmp_path)
    _rewrite(folder, lambda m: m.update(options=[]))
    with pytest.raises(VerifyError, match="'options' holds list"):
        verify_report(folder)
    text = (
        (saved / "manifest.json")
        .read_text()
        .replace('"min_similarity": null', '"min_similarity": NaN')
    )
    (folder / "manifest.json").write_text(text)
    with pytest.raises(VerifyError, match="NaN is not a JSON number"):
        verify_report(folder)


def test_bad_option_names_its_manifest_key(saved, tmp_path):
    folder = _copy(saved, tmp_path)
    _rewrite(folder, lambda m: m["options"].update(terms_by="Doc"), rehash=True)
    with pytest.raises(VerifyError, match=r"manifest key options.terms_by = \"Doc\""):
        verify_report(folder)


def test_an_added_empty_folder_is_flagged(saved, tmp_path):
    folder = _copy(saved, tmp_path)
    (folder / "figures" / "extra").mkdir()
    assert [d.file for d in verify_report(folder, rerun=False)] == ["figures/extra/"]


def test_changed_cells_are_shown_old_to_new(saved, tmp_path):
    folder = _copy(saved, tmp_path)
    path = folder / "tables" / "changes.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    old = frame.loc[2, "status"]
    frame.loc[2, "status"] = "edited by hand"
    frame.to_csv(path, index=False, lineterminator="\n")
    _rewrite(folder, lambda m: None, rehash=True)  # a manifest otherwise intact
    diffs = verify_report(folder)
    fresh = [d for d in diffs if d.problem == "differs from a fresh run"]
    assert [d.file for d in fresh] == ["tables/changes.csv"]
    assert fresh[0].rows == [3]
    assert fresh[0].cells == [f"row 3, status: 'edited by hand' → {old!r}"]
    assert "row 3, status" in str(fresh[0])


def test_csv_changes_handles_added_rows_and_gzip():
    import gzip

    a = b"x,y\n1,2\n"
    b = b"x,y\n1,3\n4,5\n"
    assert csv_changes(a, b) == ([1, 2], ["row 1, y: '2' → '3'", "row 2: only in the fresh run"])
    assert csv_changes(gzip.compress(a), gzip.compress(b), "t.csv.gz")[0] == [1, 2]


def test_hashes_only_does_not_claim_a_fresh_run(saved, capsys):
    assert main(["verify", str(saved), "--hashes-only", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "identical to a fresh run" not in out and "nothing was re-run" in out


def test_verify_progress_and_no_reading_outside(saved, tmp_path, capsys):
    assert main(["verify", str(saved)]) == 0
    err = capsys.readouterr().err
    assert "verify: re-running the comparison of 5 documents" in err
    folder = _copy(saved, tmp_path)
    _rewrite(
        folder,
        lambda m: m.update(
            source={"path": "../../../../../../etc", "manifest": None},
            inputs=[{"doc_id": "x", "source": "../passwd", "sha256": "0"}],
        ),
        rehash=True,
    )
    with pytest.raises(VerifyError, match="outside"):
        verify_report(folder)


def test_tables_and_compression_are_deterministic(tmp_path):
    c = trendkz.compare(trendkz.datasets.kazakhstan())
    a = c.save(tmp_path / "a", tables=["changes", "terms"], compress=True, **FAST)
    b = c.save(tmp_path / "b", tables=["terms", "changes"], compress=True, **FAST)
    names = sorted(p.name for p in (a / "tables").iterdir())
    assert names == ["changes.csv.gz", "terms.csv.gz"]
    for n in names:
        assert (a / "tables" / n).read_bytes() == (b / "tables" / n).read_bytes()
    assert verify_report(a) == []
    with pytest.raises(OptionError, match="unknown table"):
        c.save(tmp_path / "c", tables=["sentence"])
    assert not math.isnan(1.0)
