from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendkz.terms.lexicon as lexicon_module
from trendkz._core.errors import InputError, OptionError
from trendkz.terms.lexicon import HEDGES, Lexicon, compile_pattern

from .reference import lexicon_find

CT = Lexicon.builtin("counter-terrorism")


def found(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in lex.find(text)]


# -- construction -------------------------------------------------------------------------


def test_from_dict_and_list():
    lex = Lexicon({"extremism": ["extremism", "extremist*"], "jihad": "jihad*"})
    assert lex.terms == ("extremism", "jihad")
    assert lex.patterns("jihad") == ("jihad*",)
    assert len(lex) == 2 and "jihad" in lex and list(lex) == ["extremism", "jihad"]
    assert Lexicon(["jihad*", "caliphate"]).to_dict() == {
        "jihad*": ["jihad*"],
        "caliphate": ["caliphate"],
    }
    assert Lexicon(lex.to_dict()) == lex
    assert lex.hedges == HEDGES
    assert "2 terms" in repr(lex)


@pytest.mark.parametrize(
    "terms", [{"a": ["x"], "b": ["X"]}, {"a": []}, {"": ["x"]}, {"a": [" "]}, {"a": ["what ... x"]}]
)
def test_bad_terms(terms):
    with pytest.raises(InputError):
        Lexicon(terms)


def test_one_string_is_not_a_lexicon():
    with pytest.raises(OptionError, match=r"Lexicon\(\['extremism'\]\)"):
        Lexicon("extremism")


def test_unknown_term():
    with pytest.raises(OptionError, match="not in the lexicon"):
        CT.patterns("nope")


@pytest.mark.parametrize("bad", ["", "...", "a ...", "... a", "a ... b ... c"])
def test_compile_pattern_rejects(bad):
    with pytest.raises(InputError):
        compile_pattern(bad)


# -- matching -----------------------------------------------------------------------------


def test_longest_match_wins_whatever_the_order():
    for terms in (
        {"extremism": "extremis*", "violent extremism": "violent extremis*"},
        {"violent extremism": "violent extremis*", "extremism": "extremis*"},
    ):
        lex = Lexicon(terms)
        assert found(lex, "violent extremism and extremism; violent extremists") == [
            ("violent extremism", "violent extremism"),
            ("extremism", "extremism"),
            ("violent extremists", "violent extremism"),
        ]


def test_case_and_whole_words():
    lex = Lexicon({"terrorism": "terrorism"})
    assert found(lex, "TERRORISM, Terrorism.") == [
        ("TERRORISM", "terrorism"),
        ("Terrorism", "terrorism"),
    ]
    assert found(lex, "counterterrorism terrorisms bioterrorism") == []


def test_wildcard():
    lex = Lexicon({"e": "extremist*"})
    assert [m for m, _ in found(lex, "extremist extremists extremistic extremism")] == [
        "extremist",
        "extremists",
        "extremistic",
    ]


def test_hyphen_is_optional_but_not_a_space():
    lex = Lexicon({"ct": "counter-terror*", "t": "terrorist*"})
    assert found(lex, "counter-terrorism, Counterterrorism, counter‑terrorist") == [
        ("counter-terrorism", "ct"),
        ("Counterterrorism", "ct"),
        ("counter‑terrorist", "ct"),
    ]
    assert found(lex, "to counter terrorist funding") == [("terrorist", "t")]


def test_space_matches_whitespace_and_hyphen():
    lex = Lexicon({"ve": "violent extremist*"})
    assert [m for m, _ in found(lex, "violent-extremist; violent\n  extremists")] == [
        "violent-extremist",
        "violent\n  extremists",
    ]


def test_british_spelling_and_apostrophes():
    lex = Lexicon({"r": "radicalization", "d": "de-radicaliz*", "q": "qa'ida"})
    assert found(lex, "radicalisation, deradicalised, De-radicalization, al-Qa’ida") == [
        ("radicalisation", "r"),
        ("deradicalised", "d"),
        ("De-radicalization", "d"),
        ("Qa’ida", "q"),
    ]


def test_hyphenated_compounds_count():
    assert found(CT, "“extremism”-related; extremism-related; anti-extremism") == [
        ("extremism", "extremism"),
        ("extremism", "extremism"),
        ("extremism", "extremism"),
    ]


def test_text_without_any_needle_is_skipped_but_needles_are_sound():
    lex = Lexicon({"x": "foreign fighter*", "y": "counter-terror*", "z": "terrorism"})
    assert lex.find("Foreign ministers met.") == []
    assert found(lex, "FOREIGN FIGHTERS and counter-terrorism") == [
        ("FOREIGN FIGHTERS", "x"),
        ("counter-terrorism", "y"),
    ]
    # patterns without a usable literal disable the shortcut rather than lose hits
    assert found(Lexicon({"ab": "a b"}), "A  B") == [("A  B", "ab")]


# -- the built-in lexicon ---------------------------------------------------------------------


def test_builtin():
    assert lexicon_module.COUNTER_TERRORISM == CT
    for term in (
        "violent extremism",
        "extremism",
        "radicalization",
        "deradicalization",
        "terrorism",
        "counterterrorism",
        "foreign terrorist fighters",
        "repatriation",
        "rehabilitation",
        "reintegration",
        "terrorist financing",
    ):
        assert term in CT
    with pytest.raises(OptionError, match="counter-terrorism"):
        Lexicon.builtin("nope")


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "returning foreign terrorist fighters (FTFs)",
            [
                ("foreign terrorist fighters", "foreign terrorist fighters"),
                ("FTFs", "foreign terrorist fighters"),
            ],
        ),
        (
            "Countering the Financing of Terrorism; terrorist-financing risks",
            [
                ("Financing of Terrorism", "terrorist financing"),
                ("terrorist-financing", "terrorist financing"),
            ],
        ),
        (
            "the UN Global Counter-Terrorism Strategy and the Anti-Terrorism Center",
            [("Counter-Terrorism", "counterterrorism"), ("Anti-Terrorism", "counterterrorism")],
        ),
        (
            "religious extremism, radicalism and deradicalisation programs",
            [
                ("extremism", "extremism"),
                ("radicalism", "radicalization"),
                ("deradicalisation", "deradicalization"),
            ],
        ),
        (
            "CVE-focused NGOs; women repatriated and reintegrated",
            [("CVE", "CVE"), ("repatriated", "repatriation"), ("reintegrated", "reintegration")],
        ),
    ],
)
def test_builtin_matches(text, expected):
    assert found(CT, text) == expected


# -- files ------------------------------------------------------------------------------------


def test_from_file(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(
        "# my lexicon\n\nextremism: extremism*, extremist*  # forms\n"
        "jihad*\n\n[hedges]\nso-called\nwhat ... calls\n",
        encoding="utf-8",
    )
    lex = Lexicon.from_file(path)
    assert lex.to_dict() == {"extremism": ["extremism*", "extremist*"], "jihad*": ["jihad*"]}
    assert lex.hedges == ("so-called", "what ... calls") and lex.name == "mine"


@pytest.mark.parametrize(
    "content,message",
    [
        ("a: x\n[nope]\n", r"mine\.txt:2:1: unknown block"),
        ("a: x\na: y\n", r"mine\.txt:2:1: term 'a' was already defined"),
        ("a: x,\n", r"mine\.txt:1:1: expected 'term: pattern"),
        ("# nothing\n", "defines no terms"),
        ("a: x\nb: X\n", "given for both"),
    ],
)
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "mine.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        Lexicon.from_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read lexicon file"):
        Lexicon.from_file(tmp_path / "absent.txt")


# -- hedge cues -------------------------------------------------------------------------------


def cue_ends(lex: Lexicon, text: str) -> list[str]:
    return [text[m.start() : m.end(1)] for m in lex.hedge_regex.finditer(text)]


def test_hedge_cues_overlap_and_nearest_tail():
    text = "what the government deemed so-called; described the unrest in January as"
    assert cue_ends(CT, text) == [
        "what the government deemed",
        "deemed",
        "so-called",
        "described the unrest in January as",
    ]
    # the gap stops at the nearest tail, and never crosses a sentence end
    assert cue_ends(CT, "what it considers extremism and what is described") == [
        "what it considers",
        "considers",
        "what is described",
    ]
    assert cue_ends(CT, "what it is. It calls") == []


def test_no_hedges():
    assert cue_ends(Lexicon({"a": "a"}, hedges=()), "so-called") == []


# -- the search near needles against the plain scan --------------------------------------

_PIECES = [
    "terror",
    "terrorism",
    "Terrorist",
    "counter",
    "-",
    "counter-terrorism",
    "anti",
    "financing",
    "of",
    "foreign",
    "fighters",
    "FTF",
    "ftfs",
    "P/CVE",
    "cve",
    " ",
    "  ",
    "\n",
    ", ",
    ".",
    "“",
    "”",
    "re",
    "integration",
    "reintegration",
    "radicalization",
    "radicalisation",
    "extremist",
    "xterror",
    "_",
    "2019",
    "Qa’ida",
    "al-Qa'ida",
    "ß",
    "ﬁghter",
    "İ",
    "jihad",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_search_near_needles_equals_the_plain_scan(text):
    for lex in (
        CT,
        Lexicon(
            {
                "a": ["foreign terrorist fighter*", "terror*"],
                "b": ["re-integrat*", "qa'ida", "al-qa'ida"],
            }
        ),
    ):
        assert lex.find(text) == lexicon_find(lex, text)
