from __future__ import annotations

import shutil

import pandas as pd
import pytest

import trendkz
from trendkz.load.text import normalize

from .conftest import FIXTURES, HRR, needs_hrr

EXPECTED = {  # year, kind, year evidence — by reading each seed
    2009: ("report", "title"),
    2012: ("report", "title"),
    2017: ("report", "title"),
    2019: ("analysis", "mentions"),
    2022: ("report", "heading"),
}


def test_seeds_years_and_kinds(kz):
    docs = kz.documents
    assert docs["year"].tolist() == sorted(EXPECTED)
    for row in docs.itertuples():
        assert (row.kind, row.date_source) == EXPECTED[row.year]
    assert set(docs["entity"]) == {"Kazakhstan"}
    reports = docs[docs.kind == "report"]
    assert set(reports["series"]) == {"Country Reports on Terrorism"}
    assert docs.columns[:6].tolist() == ["doc_id", "entity", "series", "year", "date", "kind"]
    assert isinstance(docs.index, pd.RangeIndex)


def test_file_names_carry_no_meaning(tmp_path):
    for i, p in enumerate(sorted((FIXTURES / "kazakhstan").glob("*.txt"))[::-1]):
        shutil.copy(p, tmp_path / f"{i:02d}_x.txt")
    corpus = trendkz.load_corpus(tmp_path)
    assert corpus.documents["year"].tolist() == sorted(EXPECTED)


def test_chrome_is_kept_not_lost(kz):
    chrome = kz.chrome
    rules = set(chrome["rule"])
    assert {"wrapper", "footer", "footnotes", "title", "copyright"} <= rules
    for doc in kz:
        assert "Search Refworld" not in doc.body
        assert "On This Page" not in doc.body
        assert "Spelling error report" not in doc.body
        for c in doc.chrome:  # each span is verbatim in the normalized text
            assert doc.text[c.start : c.end] == c.text
        kept = sum(len(c.text) for c in doc.chrome)
        assert kept + len(doc.body.strip()) <= len(doc.text)
    cabar = kz["kazakhstan-2019"]
    notes = [c for c in cabar.chrome if c.rule == "footnotes"]
    assert notes and notes[0].text.startswith("[1]") and "[21]" in notes[0].text


def test_quotes_are_kept_exactly():
    raw = 'He said “extremism” and ‘grave harm’ and "x" «y»\u00a0z\r\n'
    assert normalize(raw) == 'He said “extremism” and ‘grave harm’ and "x" «y» z\n'


def test_corpus_protocol_and_repr(kz):
    assert len(kz) == 5
    assert [d.year for d in kz] == sorted(EXPECTED)
    assert "Corpus(5 documents" in repr(kz)
    html = kz._repr_html_()
    assert "<table" in html and len(html) < 5000
    assert kz["kazakhstan-2012"].year == 2012


def test_bundled_dataset_path_is_a_package_resource():
    path = trendkz.datasets.kazakhstan_path()
    assert len(list(path.glob("*.txt"))) == 5


def test_encodings_utf8_bom_and_cp1251(tmp_path):
    text = (
        "Отчет о терроризме 2015\n\n"
        "Казахстан: В 2015 году правительство сообщило о «экстремизме».\n"
    )
    (tmp_path / "a.txt").write_bytes(text.encode("cp1251"))
    md = "Report 2016 - Kazakhstan\n\nKazakhstan said “x” in 2016. Kazakhstan.\n"
    (tmp_path / "b.md").write_bytes(b"\xef\xbb\xbf" + md.encode())
    corpus = trendkz.load_corpus(tmp_path)
    bodies = {d.source: d.body for d in corpus}
    assert "«экстремизме»" in bodies["a.txt"]
    assert bodies["b.md"].startswith("Kazakhstan said “x”")


def test_html_input(tmp_path):
    page = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<h1>Country Reports on Terrorism 2014 - Kazakhstan</h1>"
        "<p>Overview: Kazakhstan&nbsp;said “extremism” in 2014.</p>"
        "<script>var x=1;</script><p>Second paragraph about Kazakhstan.</p></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = next(iter(trendkz.load_corpus(tmp_path)))
    assert doc.year == 2014 and "var x" not in doc.body and "“extremism”" in doc.body


def test_dataframe_source():
    df = pd.DataFrame(
        {
            "text": [
                "Overview: Kazakhstan did a thing in 2010. Kazakhstan.",
                "Overview: Kazakhstan did it again in 2011. Kazakhstan.",
            ],
            "file": ["a", "b"],
        }
    )
    corpus = trendkz.load_corpus(df)
    assert corpus.documents["year"].tolist() == [2010, 2011]


def test_manifest_overrides(tmp_path):
    shutil.copy(FIXTURES / "kazakhstan" / "crt-2012-kazakhstan.txt", tmp_path / "r.txt")
    pd.DataFrame(
        {"file": ["r.txt"], "year": ["2013"], "entity": ["Kazakhstan"], "kind": ["report"]}
    ).to_csv(tmp_path / "m.csv", index=False)
    doc = next(iter(trendkz.load_corpus(tmp_path, manifest=tmp_path / "m.csv")))
    assert (doc.year, doc.date_source) == (2013, "manifest")


@pytest.mark.parametrize(
    "content, match",
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
    ],
)
def test_bad_files(tmp_path, content, match):
    (tmp_path / "bad.txt").write_bytes(content)
    with pytest.raises(trendkz.InputError, match=match) as info:
        trendkz.load_corpus(tmp_path)
    assert "bad.txt" in str(info.value)


def test_undecodable_bytes(tmp_path):
    (tmp_path / "bad.txt").write_bytes(bytes(range(128, 256)) * 3 + b"\x81\x8d\x8f\x90\x9d")
    with pytest.raises(trendkz.TrendkzError, match="bad.txt"):
        trendkz.load_corpus(tmp_path)


def test_folder_without_documents(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(trendkz.CorpusError, match="no documents found"):
        trendkz.load_corpus(tmp_path)


def test_same_series_and_date_warns_and_keeps_both(tmp_path):
    for name in ("one.txt", "two.txt"):
        shutil.copy(FIXTURES / "kazakhstan" / "crt-2012-kazakhstan.txt", tmp_path / name)
    with pytest.warns(trendkz.TrendkzWarning, match="same Kazakhstan, series and date 2012") as w:
        corpus = trendkz.load_corpus(tmp_path)
    assert "one.txt" in str(w[0].message) and "two.txt" in str(w[0].message)
    assert [d.doc_id for d in corpus] == ["kazakhstan-2012", "kazakhstan-2012-2"]
    assert [d.source for d in corpus] == ["one.txt", "two.txt"]


def test_no_year_anywhere(tmp_path):
    (tmp_path / "x.txt").write_text("Kazakhstan did things. Nothing dated here.\n")
    with pytest.raises(trendkz.CorpusError, match=r"x\.txt: no date found.*manifest"):
        trendkz.load_corpus(tmp_path)


def test_manifest_missing_file(tmp_path):
    shutil.copy(FIXTURES / "kazakhstan" / "crt-2012-kazakhstan.txt", tmp_path / "r.txt")
    (tmp_path / "m.csv").write_text("file,year\nr.txt,2012\ngone.txt,2013\n")
    with pytest.raises(trendkz.ManifestError, match=r"m\.csv:3: names 'gone.txt'"):
        trendkz.load_corpus(tmp_path, manifest=tmp_path / "m.csv")


def test_manifest_bad_year(tmp_path):
    shutil.copy(FIXTURES / "kazakhstan" / "crt-2012-kazakhstan.txt", tmp_path / "r.txt")
    (tmp_path / "m.csv").write_text("file,year\nr.txt,twenty\n")
    with pytest.raises(trendkz.ManifestError, match=r"m\.csv:2: bad year 'twenty'"):
        trendkz.load_corpus(tmp_path, manifest=tmp_path / "m.csv")


def test_manifest_without_file_column(tmp_path):
    shutil.copy(FIXTURES / "kazakhstan" / "crt-2012-kazakhstan.txt", tmp_path / "r.txt")
    (tmp_path / "m.csv").write_text("name,year\nr.txt,2012\n")
    with pytest.raises(trendkz.ManifestError, match="'file' column"):
        trendkz.load_corpus(tmp_path, manifest=tmp_path / "m.csv")


def test_missing_source():
    with pytest.raises(trendkz.CorpusError, match="no such file or folder"):
        trendkz.load_corpus("/nonexistent/folder")


@needs_hrr
def test_hrr_loads_with_its_manifest(hrr_central_asia):
    docs = hrr_central_asia.documents
    assert len(docs) == 45
    assert set(docs["date_source"]) == {"manifest"}
    assert docs.groupby("entity").size().tolist() == [9] * 5
    assert (HRR / "manifest.csv").is_file()


def test_kind_reads_what_a_report_calls_itself():
    from trendkz.load.metadata import guess_kind

    # before: an inspector general's semiannual report with "we can" twice was an analysis
    audit = (
        "This semiannual report to the Congress covers the reporting period October 1 to "
        "March 31. The Office of Inspector General issued 40 audit reports. We can recover "
        "funds, and we can do more."
    )
    assert guess_kind(audit, None, None) == "report"
    essay = (
        "In our view the reform failed. The author argues, as in his article, that we can "
        "do better; in conclusion, the annual report of the ministry hides the costs."
    )
    assert guess_kind(essay, None, None) == "analysis"
