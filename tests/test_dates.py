"""Dates from evidence, entities from cover lines, manifests with dates, several a year."""

from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest

import trendkz
from trendkz.load.dates import date_key, decimal_year, find_date, parse_date
from trendkz.load.entities import find_entity

from .conftest import FIXTURES, HRR, needs_hrr

STATEMENTS = FIXTURES / "statements"
BODY = "\n\nThe Committee met and decided to keep its policy unchanged for now.\n"


@pytest.mark.parametrize(
    ("text", "date", "source"),
    [
        ("For release at 2:00 p.m. EST, January 25, 2012" + BODY, "2012-01-25", "dateline"),
        ("Washington, March 21, 2000" + BODY, "2000-03-21", "dateline"),
        ("Release Date: 4 May 2018" + BODY, "2018-05-04", "dateline"),
        (
            "Annual report\n\nFor the fiscal year ended September 30, 2021, revenue rose.",
            "2021-09-30",
            "period",
        ),
        (
            "Results for the year ended December 31, 2019 were strong." + BODY,
            "2019-12-31",
            "period",
        ),
        (
            "Semiannual report covering October 1, 2015 – March 31, 2016." + BODY,
            "2016-03-31",
            "period",
        ),
        (
            "Welcome to the Acme Foods Fiscal Year 2022 First Quarter Earnings Call." + BODY,
            "2022-Q1",
            "period",
        ),
        ("Our results for the first quarter of fiscal 2022 were good." + BODY, "2022-Q1", "period"),
        ("Welcome to the fourth quarter and full year 2020 call." + BODY, "2020-Q4", "period"),
        ("Welcome to the Q3 fiscal-year 2021 Acme earnings call." + BODY, "2021-Q3", "period"),
        ("2012 Country Reports on Terrorism:\n\nText." + BODY, "2012", "heading"),
        ("Fraud Control Program\n\nAnnual Report for Fiscal Year 2014" + BODY, "2014", "period"),
        (
            "Control Program\n\n## Annual Report For FY 2005\n\nIn 2006, more." + BODY,
            "2005",
            "period",
        ),
    ],
)
def test_evidence(text, date, source):
    found = find_date(text, None)
    assert (found.date, found.source) == (date, source)
    assert found.year == int(date[:4])


def test_a_release_line_beats_later_years_the_text_names():
    text = (
        "For release at 2:00 p.m. EST, January 25, 2012\n\nRates stay low at least through "
        "late 2014. In 2014 and 2014 and 2014 the Committee expects growth."
    )
    assert find_date(text, None).date == "2012-01-25"


def test_title_year_with_a_fuller_date_of_that_year():
    found = find_date("For release, March 3, 2020" + BODY, "Statement 2020")
    assert (found.date, found.source, found.others) == ("2020-03-03", "title", [])


def test_disagreeing_evidence_is_kept_for_the_warning():
    found = find_date("Washington, March 3, 2019" + BODY, "Annual Report 2020")
    assert (found.date, found.source) == ("2020", "title")
    assert found.others == [("dateline", "2019-03-03")]


def test_mentions_and_file_name_are_the_last_resorts():
    assert find_date("In 2015 and 2015 and again in 2016 we grew.", None).source == "mentions"
    found = find_date("Nothing here names a year.", None, "1790_speech.txt")
    assert (found.date, found.source) == ("1790", "file name")
    assert find_date("Nothing here names a year.", None).date is None


def test_parse_and_order_dates():
    assert [parse_date(x) for x in ("2021-09-30", "2021-09", "2021", "2022-Q1")] == [
        "2021-09-30",
        "2021-09",
        "2021",
        "2022-Q1",
    ]
    for bad in ("2021-02-30", "2021-13", "21-01-01", "2021-Q5", "soon"):
        assert parse_date(bad) is None
    assert sorted(["2012-03-13", "2012", "2012-01-25"]) == ["2012", "2012-01-25", "2012-03-13"]
    assert date_key(None, 2012) == "2012"
    assert decimal_year("2012-07-01") == pytest.approx(2012.5)
    assert decimal_year("2022-Q1") == pytest.approx(2022.125)


def test_a_series_of_statements_dated_by_release_lines():
    with warnings.catch_warnings():
        warnings.simplefilter("error", trendkz.TrendkzWarning)  # strong evidence: no warning
        corpus = trendkz.load_corpus(STATEMENTS)
    docs = corpus.documents
    assert len(docs) == 16 and set(docs["date_source"]) == {"dateline"}
    assert docs.groupby("year").size().to_dict() == {2012: 8, 2013: 8}
    assert docs["date"].is_monotonic_increasing and docs["doc_id"].is_unique
    assert docs["doc_id"].iloc[0] == "statements-2012-01-25"
    assert set(docs["entity"]) == {"statements"}  # no entity found: the folder's


def test_consecutive_comparisons_pair_documents_by_date():
    corpus = trendkz.load_corpus(STATEMENTS)
    result = trendkz.compare(corpus)
    dates = corpus.documents["date"].tolist()
    for frame in (result.changes, result.sentences, result.fact_changes):
        pairs = frame[["date_from", "date_to"]].drop_duplicates()
        for a, b in pairs.itertuples(index=False):
            assert dates.index(b) == dates.index(a) + 1
    assert len(result.changes[["date_from", "date_to"]].drop_duplicates()) == 15
    for name in ("sections", "alignment", "terms", "facts"):
        assert "date" in getattr(result, name).columns
    one_a_year = result.terms.groupby(["term", "year"], as_index=False)[["count", "n_words"]].sum()
    assert len(one_a_year) == 2 * result.terms["term"].nunique()


def test_a_filing_that_mentions_china_forty_times_is_not_china(tmp_path):
    body = " ".join(["Our plant in China grew and sales in China rose."] * 20)
    text = f"ACME HOLDINGS, INC.\n\nAnnual Report 2020\n\n{body}\n\nJordan shoes sold well.\n"
    (tmp_path / "acme.txt").write_text(text)
    doc = next(iter(trendkz.load_corpus(tmp_path)))
    assert doc.entity == "ACME HOLDINGS"
    assert find_entity(None, body)[0] is None  # the body alone names no entity


def test_no_entity_means_the_folder_is_one_entity(tmp_path):
    folder = tmp_path / "widgets"
    folder.mkdir()
    for k, year in enumerate((2019, 2020)):
        (folder / f"{k}.txt").write_text(
            f"Washington, May 2, {year}\n\nSales in China and Brazil and China grew again.\n"
        )
    docs = trendkz.load_corpus(folder).documents
    assert set(docs["entity"]) == {"widgets"}


def test_manifest_dates_and_only_the_rows_of_given_files(tmp_path):
    for k in range(3):
        shutil.copy(STATEMENTS / f"statement-{k + 1:02d}.txt", tmp_path / f"s{k}.txt")
    (tmp_path / "manifest.csv").write_text(
        "file,date,entity\ns0.txt,2012-01-25,Fed\ns1.txt,2012-03-13,Fed\n"
        "s2.txt,2012-04-25,Fed\ngone.txt,2012-06-20,Fed\n"
    )
    corpus = trendkz.load_corpus([tmp_path / "s0.txt", tmp_path / "s1.txt"])  # beside it
    docs = corpus.documents
    assert docs["date"].tolist() == ["2012-01-25", "2012-03-13"]
    assert set(docs["date_source"]) == {"manifest"} and set(docs["entity"]) == {"Fed"}
    assert docs["year"].tolist() == [2012, 2012]  # year from the date


def test_manifest_bad_date_names_the_line(tmp_path):
    shutil.copy(STATEMENTS / "statement-01.txt", tmp_path / "a.txt")
    (tmp_path / "m.csv").write_text("file,date\na.txt,2012-02-30\n")
    with pytest.raises(trendkz.ManifestError, match=r"m\.csv:2: bad date '2012-02-30'"):
        trendkz.load_corpus(tmp_path, manifest=tmp_path / "m.csv")


def test_manifest_contradicting_the_text_wins_with_a_warning(tmp_path):
    shutil.copy(STATEMENTS / "statement-01.txt", tmp_path / "a.txt")
    (tmp_path / "m.csv").write_text("file,date\na.txt,2014-01-25\n")
    with pytest.warns(trendkz.TrendkzWarning, match=r"a\.txt: 2014-01-25 \(manifest\).*m\.csv:2"):
        corpus = trendkz.load_corpus(tmp_path, manifest=tmp_path / "m.csv")
    assert next(iter(corpus)).date == "2014-01-25"


def test_a_year_only_manifest_takes_the_texts_finer_date(tmp_path):
    shutil.copy(STATEMENTS / "statement-02.txt", tmp_path / "a.txt")
    (tmp_path / "m.csv").write_text("file,year\na.txt,2012\n")
    doc = next(iter(trendkz.load_corpus(tmp_path, manifest=tmp_path / "m.csv")))
    assert (doc.year, doc.date, doc.date_source) == (2012, "2012-03-13", "dateline")


def test_dataframe_dates(tmp_path):
    texts = [(STATEMENTS / f"statement-0{k}.txt").read_text() for k in (1, 2)]
    frame = pd.DataFrame(
        {"text": texts, "date": [pd.Timestamp("2012-01-25"), "2012-03-13"], "entity": "Fed"}
    )
    assert trendkz.load_corpus(frame).documents["date"].tolist() == ["2012-01-25", "2012-03-13"]
    with pytest.raises(trendkz.ManifestError, match="row 0: bad date 'soon'"):
        trendkz.load_corpus(frame.assign(date=["soon", "2012"]))


def test_manifest_false_reads_the_text_only(tmp_path):
    shutil.copy(STATEMENTS / "statement-01.txt", tmp_path / "a.txt")
    (tmp_path / "manifest.csv").write_text("file,date\na.txt,2014-01-25\n")
    doc = next(iter(trendkz.load_corpus(tmp_path, manifest=False)))
    assert (doc.date, doc.date_source) == ("2012-01-25", "dateline")


def test_weak_dates_are_warned_in_one_warning(tmp_path):
    for k, y in enumerate((2015, 2016)):
        (tmp_path / f"{k}.txt").write_text(f"In {y} and {y} things happened.\n")
    with pytest.warns(trendkz.TrendkzWarning) as record:
        trendkz.load_corpus(tmp_path)
    assert len(record) == 1
    message = str(record[0].message)
    assert "0.txt: 2015 (mentions)" in message and "1.txt: 2016 (mentions)" in message


@needs_hrr
def test_a_glob_of_hrr_files_beside_their_manifest_takes_its_entities_and_years():
    files = sorted(HRR.glob("20*_russia.txt")) + sorted(HRR.glob("20*_kazakhstan.txt"))
    man = pd.read_csv(HRR / "manifest.csv").set_index("file")
    docs = trendkz.load_corpus(files).documents
    assert len(docs) == len(files) == 18
    for row in docs.itertuples():
        assert (row.entity, row.year) == (
            man.loc[row.source, "entity"],
            man.loc[row.source, "year"],
        )


def test_plot_terms_puts_dates_on_the_axis_with_several_documents_a_year():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    corpus = trendkz.load_corpus(STATEMENTS)
    terms = trendkz.count_terms(
        trendkz.split_sections(corpus), lexicon=trendkz.Lexicon({"inflation": ["inflation"]})
    )
    ax = trendkz.plot_terms(terms, ax=Figure().add_subplot())
    xs = ax.lines[0].get_xdata()
    assert len(xs) == 16 and xs[0] == pytest.approx(decimal_year("2012-01-25"))
    assert ax.get_xlabel() == "date (year)"


CALL = "\n\nOperator\n\n{welcome}\n\nChief Financial Officer\n\n{body}\n"


@pytest.mark.parametrize(
    ("welcome", "body", "date", "doubt"),
    [
        # the call's own quarter with its year decides; comparisons later do not
        (
            "Welcome to the Acme Fourth Quarter 2019 Earnings Call.",
            "Sales rose 4% over the fourth quarter of 2018.",
            "2019-Q4",
            None,
        ),
        # named without its year: the year comes after the compared period, with a doubt
        (
            "Welcome to the Acme first quarter earnings call.",
            "Sales rose 4% over the fourth quarter of 2020.",
            "2021-Q1",
            "without a year",
        ),
        (
            "Welcome to the Acme third quarter earnings call.",
            "Margins were better than in the second quarter of 2021.",
            "2021-Q3",
            "without a year",
        ),
        # the same quarter named again, as the call's, with its year: confident
        (
            "Welcome to the Acme third quarter earnings call.",
            "Thank you for joining our third quarter 2020 conference call today.",
            "2020-Q3",
            None,
        ),
        # the same quarter with a year, not as the call's: maybe last year's, doubtful
        (
            "Welcome to the Acme second quarter earnings call.",
            "Sales were flat against the second quarter of 2020 in every region.",
            "2020-Q2",
            "may be a comparison",
        ),
        # the call's quarter named twice with two years: doubtful
        (
            "Welcome to the Acme Third Quarter 2010 Earnings Conference Call.",
            "We appreciate you joining our third quarter 2020 conference call.",
            "2010-Q3",
            "later as 2020-Q3",
        ),
    ],
)
def test_a_calls_own_quarter(welcome, body, date, doubt):
    found = find_date(CALL.format(welcome=welcome, body=body), None)
    assert (found.date, found.source) == (date, "period")
    assert (found.doubt is None) == (doubt is None)
    if doubt:
        assert doubt in found.doubt


def test_a_quarters_own_end_date_is_kept():
    found = find_date("Results for the first quarter ended March 31, 2021 were good." + BODY, None)
    assert (found.date, found.doubt) == ("2021-03-31", None)


def test_doubtful_quarters_are_named_in_a_date_warning(tmp_path):
    for i, (q, compared) in enumerate([("first", "fourth quarter of 2020"), ("second", None)]):
        welcome = f"Welcome to the Acme {q} quarter earnings call."
        body = f"Sales rose over the {compared}." if compared else "Sales rose in 2021."
        (tmp_path / f"call{i}.txt").write_text(CALL.format(welcome=welcome, body=body))
    (tmp_path / "sure.txt").write_text(
        CALL.format(welcome="Welcome to the Acme Q3 2021 earnings call.", body="Sales rose.")
    )
    with pytest.warns(trendkz.DateWarning) as caught:
        corpus = trendkz.load_corpus(tmp_path)
    w = [c.message for c in caught if isinstance(c.message, trendkz.DateWarning)]
    assert len(w) == 1 and w[0].documents == ("call0.txt", "call1.txt")
    assert w[0].dates == {"call0.txt": "2021-Q1", "call1.txt": "2021-Q2"}
    assert "call0.txt: 2021-Q1 (period): the call names its quarter (Q1) without a year" in str(
        w[0]
    )
    assert isinstance(w[0], trendkz.TrendkzWarning)
    assert corpus.documents["date"].tolist() == ["2021-Q1", "2021-Q2", "2021-Q3"]


def test_a_date_warning_names_every_file_even_past_forty(tmp_path):
    for i in range(45):
        (tmp_path / f"n{i:02d}.txt").write_text(f"Notes\n\nIn {1950 + i} and {1950 + i}, little.\n")
    with pytest.warns(trendkz.DateWarning) as caught:
        trendkz.load_corpus(tmp_path)
    w = [c.message for c in caught if isinstance(c.message, trendkz.DateWarning)][0]
    assert len(w.documents) == 45
    assert all(f"n{i:02d}.txt" in str(w) for i in range(45))
    assert "5 more" in str(w)


def test_ids_carry_no_kind(tmp_path):
    docs = pd.DataFrame(
        {
            "file": ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"],
            "text": ["Some text about the budget and its use."] * 5,
            "entity": ["Acme"] * 5,
            "series": ["Annual", "Annual", "Annual", "Semiannual", "Annual"],
            "kind": ["report", "analysis", "report", "report", "report"],
            "date": ["2019-12-31", "2020-06-30", "2020-12-31", "2020-12-31", "2020-12-31"],
        }
    )
    with pytest.warns(trendkz.DateWarning, match="same Acme, series and date 2020-12-31"):
        corpus = trendkz.load_corpus(docs)
    got = dict(zip(corpus.documents["source"], corpus.documents["doc_id"], strict=True))
    assert got == {
        "a.txt": "acme-2019",  # alone in its year, whatever its kind
        "b.txt": "acme-2020-06-30",
        "c.txt": "acme-2020-12-31-annual",  # equal dates: the series tells them apart
        "e.txt": "acme-2020-12-31-annual-2",  # then a count, in file-name order
        "d.txt": "acme-2020-12-31-semiannual",
    }


def test_a_manifest_that_agrees_with_the_text_is_not_warned(tmp_path):
    # before: "the text's dateline says 2012-01-25; kept the manifest" for equal dates
    shutil.copy(STATEMENTS / "statement-01.txt", tmp_path / "s0.txt")
    man = pd.DataFrame({"file": ["s0.txt"], "date": ["2012-01-25"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error", trendkz.TrendkzWarning)
        corpus = trendkz.load_corpus(tmp_path, manifest=man)
    assert corpus.documents["date"].tolist() == ["2012-01-25"]


def test_a_period_stated_only_deep_in_the_text_is_doubtful():
    filler = "The ministry described its work in the provinces at some length. " * 20
    text = filler + "It recorded 200 cases in the 12-month period ending March 31, 2016." + BODY
    found = find_date(text, None)
    assert (found.date, found.source) == ("2016-03-31", "period")
    assert "deep in the text" in found.doubt
    near = find_date("Results for the year ended December 31, 2019 were strong." + BODY, None)
    assert near.doubt is None


def test_an_entity_guessed_from_the_folder_beside_named_ones_is_warned(tmp_path):
    """A folder whose documents mostly name their entity: one that names none takes the
    folder's (or its series') name, and a warning names that file (never silent)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "KAZAKHSTAN 2019 HUMAN RIGHTS REPORT\n\nExecutive Summary\n\n"
        "Kazakhstan's government detained 40 people in 2019.\n"
    )
    (folder / "b.txt").write_text("In 2019 the office opened 12 new schools during the year.\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = trendkz.load_corpus(folder, manifest=False)
    assert sorted(d.entity for d in corpus) == ["Kazakhstan", "reports"]
    found = [w for w in caught if issubclass(w.category, trendkz.EntityWarning)]
    assert len(found) == 1 and issubclass(found[0].category, trendkz.TrendkzWarning)
    assert "b.txt -> 'reports' (names no entity" in str(found[0].message)
    assert "a.txt" not in str(found[0].message)
    assert found[0].message.documents == ("b.txt",)
