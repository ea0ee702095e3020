import pytest

from trendkz.facts.chunks import participle, read_np, verb_after, verb_before
from trendkz.facts.numbers import Tok, tokenize


def _tok(word: str) -> Tok:
    return Tok(word, word.lower(), 0, len(word))


@pytest.mark.parametrize(
    "word, part",
    [
        ("blocked", "blocked"),
        ("blocking", "blocked"),
        ("disrupted", "disrupted"),
        ("returned", "returned"),
        ("identifying", "identified"),
        ("closing", "closed"),
        ("stopping", "stopped"),
        ("freeing", "freed"),
        ("fled", "fled"),
        ("found", "found"),
        ("taken", "taken"),
        ("took", "taken"),
        ("making", "made"),
        ("died", "died"),
        ("dying", "died"),
        ("shut", "shut"),
        ("hundred", None),
        ("during", None),
        ("including", None),
        ("were", None),
        ("websites", None),
    ],
)
def test_participle(word, part):
    assert participle(_tok(word)) == part


def _at(text: str, word: str) -> tuple[list[Tok], int]:
    toks = tokenize(text)
    return toks, next(i for i, t in enumerate(toks) if t.text == word)


@pytest.mark.parametrize(
    "text, number, words",
    [
        ("disrupted three terrorist attacks in 2022", "three", ["terrorist", "attacks"]),
        ("returned more than 600 of its nationals, mostly", "600", ["nationals"]),
        ("killed nine suspected violent extremists who", "nine", ["violent", "extremists"]),
        ("recorded 115 complaints of torture in", "115", ["complaints", "of", "torture"]),
        ("seven such cases were considered", "seven", ["cases"]),
        (
            "2,000 early and forced marriages occur",
            "2,000",
            ["early", "and", "forced", "marriages"],
        ),
        ("at least one prisoner attempted suicide", "one", ["prisoner"]),
        ("11 “terrorist attacks” in 2017", "11", ["terrorist", "attacks"]),
        ("94 for Almaty", "94", []),
    ],
)
def test_read_np(text, number, words):
    toks, i = _at(text, number)
    assert read_np(toks, i + 1)[0] == words


@pytest.mark.parametrize(
    "text, number, verb, aux",
    [
        ("600 citizens of the Republic of Kazakhstan were returned", "citizens", "returned", True),
        (
            "950 websites that promoted violent extremism have been shut down",
            "websites",
            "shut down",
            True,
        ),
        ("238 individuals died because of", "individuals", "died", False),
        (
            "329 criminal cases of torture related to January events were opened",
            "torture",
            "opened",
            True,
        ),
        ("546 recruits were not allowed to depart", "recruits", "not allowed", True),
    ],
)
def test_verb_after(text, number, verb, aux):
    toks, i = _at(text, number)
    got = verb_after(toks, i + 1)
    assert got[0] == verb and got[1] is aux


@pytest.mark.parametrize(
    "text, number, verb",
    [
        ("the KNB disrupted three attacks", "three", "disrupted"),
        ("blocking more than 11,000.", "more", "blocked"),
        ("security services had prevented 11 attacks", "11", "prevented"),
        ("the abduction of 1,972 persons", "1,972", "abducted"),
        ("the killing of 937 residents", "937", "killed"),
        ("There were four detachments", "four", None),
    ],
)
def test_verb_before(text, number, verb):
    toks, i = _at(text, number)
    assert verb_before(toks, i) == verb
