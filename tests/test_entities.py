"""Entities: names read from cover lines, settled across a folder, doubts warned."""

from __future__ import annotations

import pickle
import warnings

import pytest

import trendkz
from trendkz.load.entities import country_in, find_entity, is_name, organisation_in


@pytest.mark.parametrize(
    "line, name",
    [
        ("U.S. Department of Health and Human Services", "Department of Health and Human Services"),
        (
            "## OIG Department of Health and Human Services",
            "Department of Health and Human Services",
        ),
        ("I. AGENCY: Office of the Inspector General", "Office of the Inspector General"),
        ("Acme Holdings Inc. announces results", "Acme Holdings"),
        ("Bank of the Ozarks Inc", "Bank of the Ozarks"),
        ("Office of Inspector General", "Office of Inspector General"),
        # a kind word alone, a title's words, a date line: no name
        ("DEPARTMENT", None),
        ("the Office of", None),
        ("I. AGENCY", None),
        ("October 1, 2006-March 31, 2007 Office", None),
        ("Annual Report Office", None),
        ("Improving service Board", None),
    ],
)
def test_organisation_in_a_cover_line(line, name):
    assert organisation_in(line) == name


def test_is_name_needs_a_word_of_its_own():
    assert is_name("Acme Foods") and is_name("Office of Management and Budget")
    assert not is_name("Department") and not is_name("DEPARTMENT")
    assert not is_name("Office") and not is_name("IV. Board")


def test_a_name_broken_over_two_cover_lines_is_read_whole():
    body = "U.S. Department of Health and\nHuman Services\n\nThe office audited 40 grants.\n"
    assert find_entity(None, body) == ("Department of Health and Human Services", "cover")


def test_a_country_alias_with_a_curly_apostrophe():
    """Typeset text writes "People’s": the alias written with a straight one still matches,
    so a report on North Korea is not taken for the "Republic of Korea" inside its name."""
    text = "The Democratic People’s Republic of Korea is an authoritarian state."
    assert country_in(text) == ["North Korea"]
    assert find_entity(None, text + "\n") == ("North Korea", "opening")


def _load(folder, files: dict[str, str]):
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = trendkz.load_corpus(folder, manifest=False)
    found = [w.message for w in caught if isinstance(w.message, trendkz.EntityWarning)]
    assert len(found) <= 1  # one warning per load
    return {d.source: d.entity for d in corpus}, (found[0] if found else None)


def _call(name: str, quarter: int, year: int) -> str:
    return (
        f"Operator: Good morning and welcome to the {name} Q{quarter} {year} Earnings "
        f"Call.\n\nRevenue grew 4% in the quarter ended {year}.\n"
    )


def test_spellings_of_one_company_are_joined(tmp_path):
    files = {
        "a1.txt": _call("Acme Foods", 1, 2021),
        "a2.txt": _call("ACME FOODS", 2, 2021),
        "a6.txt": _call("Acme Foods", 2, 2022),
        "a3.txt": _call("Acme-Foods Inc.", 3, 2021),
        "a4.txt": _call("Acme Foods Company", 4, 2021),
        "a5.txt": _call("Acme", 1, 2022),
        "b1.txt": _call("Widget Works", 1, 2021),
        "b2.txt": _call("Widget Works", 2, 2021),
    }
    got, warned = _load(tmp_path / "calls", files)
    assert {got[f] for f in files if f[0] == "a"} == {"Acme Foods"}
    assert {got["b1.txt"], got["b2.txt"]} == {"Widget Works"}
    assert warned is None


def test_a_short_name_two_longer_names_share_is_not_joined(tmp_path):
    files = {
        "a1.txt": _call("American Widgets", 1, 2021),
        "a2.txt": _call("American Widgets", 2, 2021),
        "b1.txt": _call("American Gears", 1, 2021),
        "b2.txt": _call("American Gears", 2, 2021),
        "c1.txt": _call("American", 3, 2021),
    }
    got, warned = _load(tmp_path / "calls", files)
    assert got["c1.txt"] == "American"  # not given to either company
    assert warned is not None and warned.reasons["c1.txt"].startswith("the only document")


def test_a_name_one_document_gives_beside_series_is_warned(tmp_path):
    files = {f"a{q}.txt": _call("Acme Foods", q, 2021) for q in (1, 2, 3)}
    files |= {f"b{q}.txt": _call("Widget Works", q, 2021) for q in (1, 2, 3)}
    files["b4.txt"] = _call("Widgit Works", 4, 2021)  # misspelt in one call
    got, warned = _load(tmp_path / "calls", files)
    assert got["b4.txt"] == "Widgit Works"
    assert warned is not None and warned.documents == ("b4.txt",)
    assert warned.entities == {"b4.txt": "Widgit Works"}
    assert "b4.txt -> 'Widgit Works' (the only document with this name)" in str(warned)


def test_one_document_per_entity_is_not_doubtful(tmp_path):
    names = ["Acme Foods", "Widget Works", "Gear Group", "Bolt Brothers", "Nut Company"]
    files = {f"{i}.txt": _call(n, 1, 2021) for i, n in enumerate(names)}
    got, warned = _load(tmp_path / "calls", files)
    assert sorted(got.values()) == sorted(names)
    assert warned is None


def test_countries_are_never_joined(tmp_path):
    """ "Guinea" starts "Guinea-Bissau": a country's name is canonical, never respelt."""
    files = {}
    for year in (2020, 2021, 2022):
        for country in ("Guinea", "Guinea-Bissau"):
            files[f"{year}_{country}.txt"] = (
                f"{country.upper()} {year} HUMAN RIGHTS REPORT\n\n{country} held elections "
                f"in {year}. The government detained 12 people.\n"
            )
    got, warned = _load(tmp_path / "hrr", files)
    assert all(got[f] == f.split("_")[1][:-4] for f in files)
    assert warned is None


def test_a_choice_between_organisations_is_settled_or_warned(tmp_path):
    """Reports that name a department and its office on their covers: one whose first name
    no other report chose takes the name the others chose; where reports still choose
    differently between two names one cover holds together, each is named in the warning."""
    office = "Office of Inspector General"
    dept = "Department of Energy"
    files = {
        "r1.txt": f"{office}\n{dept}\n\nIn fiscal year 2011 we audited 40 grants.\n",
        "r2.txt": f"{office}\n{dept}\n\nIn fiscal year 2012 we audited 41 grants.\n",
        "r3.txt": f"Office of Audit Services\n{office}\n\nIn fiscal year 2013 we audited 2 grants.\n",
        "r4.txt": f"{dept}\n\nIn fiscal year 2014 we audited 42 grants.\n",
        "r5.txt": f"{dept}\n\nIn fiscal year 2015 we audited 43 grants.\n",
    }
    got, warned = _load(tmp_path / "oig", files)
    assert got["r3.txt"] == office  # its first name was its own alone
    assert warned is not None
    assert set(warned.documents) == set(files)  # two names chosen, one cover holds both
    assert warned.reasons["r4.txt"] == f"documents here name both it and {office!r}"


def test_entity_warning_travels_from_workers():
    w = trendkz.EntityWarning("m", ("a.txt",), {"a.txt": "Acme"}, {"a.txt": "why"})
    back = pickle.loads(pickle.dumps(w))
    assert (back.documents, back.entities, back.reasons) == (w.documents, w.entities, w.reasons)
    assert issubclass(trendkz.EntityWarning, trendkz.TrendkzWarning)


@pytest.mark.parametrize(
    "body, entity",
    [
        # an editor's note before the opening sentence is passed over
        (
            "EXECUTIVE SUMMARY\n\nNote: Except where noted, figures exclude the north.\n\n"
            "The Republic of Moldova is a parliamentary democracy with free elections.\n",
            "Moldova",
        ),
        # the situation in a country is what the text is about
        (
            "The human rights situation in Algeria deteriorated during the year.\n",
            "Algeria",
        ),
        # official names with an adjective
        ("The Slovak Republic is a multiparty parliamentary democracy.\n", "Slovakia"),
        ("The Lao People’s Democratic Republic is ruled by one party.\n", "Laos"),
        # a sentence on the first line is prose, not a cover line; a place is not a subject
        ("Our plant in China grew 5% during the year.\n\nSales rose in every region.\n", None),
    ],
)
def test_the_opening_names_its_country(body, entity):
    assert find_entity(None, body)[0] == entity


def test_a_document_doubted_twice_is_named_once(tmp_path):
    """A lone name that is also one of two rival organisations: one line, both reasons."""
    office, dept = "Office of Inspector General", "Department of Energy"
    files = {
        "r1.txt": f"{office}\n{dept}\n\nIn fiscal year 2011 we audited 40 grants.\n",
        "r2.txt": f"{office}\n\nIn fiscal year 2012 we audited 41 grants.\n",
        "r3.txt": f"{office}\n\nIn fiscal year 2013 we audited 42 grants.\n",
        "r4.txt": f"{dept}\n\nIn fiscal year 2014 we audited 43 grants.\n",
    }
    got, warned = _load(tmp_path / "oig", files)
    assert [got[f"r{i}.txt"] for i in (1, 2, 3)] == [office] * 3  # a title names it too
    assert got["r4.txt"] == dept
    assert warned.documents.count("r4.txt") == 1
    assert warned.reasons["r4.txt"] == (
        f"documents here name both it and {office!r}; the only document with this name"
    )
