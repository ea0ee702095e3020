"""Names read from the shape of a sentence, where no link word joins a number to its noun:

- a **label line**, a table row flattened into a sentence ("Number completely
  reversed/remanded on appeal 4."): the words before the number, when they are all of the
  sentence before it, hold no finite verb and the number ends the sentence;
- a **noun before a bound** ("families with incomes under $30,000", "a population over 80
  percent"): the noun just before "under", "over", "above", "below";
- the **object before "to"** of a verb that sets a level ("bring our facility in Ohio to 2.6
  million square feet", "raise the minimum wage to $10.10");
- a **set named first** without a comma ("Of this fund less than $500,000 has been spent");
- an **aside** between commas before the link ("Sales to other regions, excluding the
  acquisition, decreased 3.4%"): the subject before the aside (see :func:`past_aside`);
- a **far subject** ("The aggregate of the funded debt, composed of ..., has been estimated
  ... at a sum not exceeding $110M"): the noun phrase opening the clause, when a finite verb
  stands between it and an amount of money or a share (see :func:`clause_subject`).

Decided on the development text of the measure samples (the sampled sentences of earlier
judging rounds), not on the sample judged last.
"""

from __future__ import annotations

from .chunks import np_word, participle, read_np, subject_before
from .chunkwords import DET, REPORTING
from .folds import NOUN_FOLD
from .numbers import Tok

__all__ = [
    "by_subject",
    "duration_cue",
    "far_duration",
    "shape_words",
    "change_object",
    "clause_subject",
    "label_line",
    "noun_before_bound",
    "object_to",
    "of_first",
    "past_aside",
]

#: words a label line never holds: finite verbs and pronouns (a clause, not a label)
_CLAUSE = frozenset(
    """is are was were be been has have had will would can could may might must shall should
do does did i we you he she it they this these those there which who that""".split()
)
_BOUNDS = frozenset("under over above below exceeding".split())
#: words before a bound that name nothing ("but little over $100,000,000")
_NOT_BEFORE_BOUND = frozenset("little much well far just slightly only somewhat way".split())
_IMPERATIVE = frozenset("please turn see go let refer".split())
_REFERENCES = frozenset("slide slides page pages chapter section item note figure table".split())
#: verbs that set what they act on to a level ("bring X to N", "raise X to N")
_SET_VERBS = frozenset(
    """bring brings brought bringing raise raises raised raising increase increases increased
increasing reduce reduces reduced reducing lower lowers lowered lowering cut cuts cutting
boost boosts boosted boosting lift lifts lifted lifting take takes took taking push pushes
pushed pushing expand expands expanded expanding limit limits limited limiting set sets
setting fix fixes fixed fixing cap caps capped capping""".split()
)
#: verbs that set a level "at" ("sets the standard workweek at 44 hours")
_AT_VERBS = frozenset("set sets setting fix fixes fixed fixing cap caps capped capping".split())
_ASIDES = frozenset("excluding including except net such which who".split())


def label_line(toks: list[Tok], first: int, after: int) -> list[str]:
    """The label of a flattened table row: every token before ``first`` (at most eight, the
    first capitalised, no digit, no finite verb or pronoun), when nothing but numbers and
    punctuation follows the number."""
    if not 2 <= first <= 8 or not toks[0].text[0].isupper() or toks[0].low in _IMPERATIVE:
        return []
    if toks[first - 1].low in _REFERENCES:
        return []  # "Please see slide 7", "See page 4": a reference
    if any(t.text[0].isalnum() and not t.text[0].isdigit() for t in toks[after:]):
        return []
    words: list[str] = []
    end = first - 1 if toks[first - 1].text == ":" else first  # "Running time: 42 minutes"
    for t in toks[:end]:
        if t.text[0].isdigit() or t.low in _CLAUSE:
            return []
        if t.text == "/" and words:
            words[-1] += "/"
            continue
        if not t.text[0].isalpha() or t.low in DET:
            return []  # "Net debt ended the year at $1.2 billion": a clause, not a label
        if words and words[-1].endswith("/"):
            words[-1] += t.low
        else:
            words.append(t.low)
    if words and words[-1] in _ENDS_NOT:
        return []  # "Revenue rose to 5."
    return words if len(words) >= 2 or words and end < first else []


#: a label ends with a noun, never with a preposition
_ENDS_NOT = frozenset("at to of in for by with from on as than".split())


def noun_before_bound(toks: list[Tok], first: int) -> list[str]:
    """ "incomes under $30,000": the noun just before a bound word at ``first``."""
    if first < 1 or toks[first].low not in _BOUNDS:
        return []
    m = first - 1
    if not np_word(toks, m) or participle(toks[m], m) or not toks[m].text.islower():
        return []
    if toks[m].low in _NOT_BEFORE_BOUND:
        return []
    words = [toks[m].low]
    if m >= 1 and np_word(toks, m - 1) and toks[m - 1].text.islower():
        if not participle(toks[m - 1], m - 1):
            words.insert(0, toks[m - 1].low)  # "household incomes under"
    return words


def object_to(toks: list[Tok], first: int) -> list[str]:
    """ "bring our facility in Ohio to 2.6 million", "sets the standard workweek at 44 hours":
    the object of a verb of :data:`_SET_VERBS` before "to" or of :data:`_AT_VERBS` before "at"
    (at most ten tokens before the number)."""
    if first < 3 or toks[first - 1].low not in ("to", "at"):
        return []
    verbs = _SET_VERBS if toks[first - 1].low == "to" else _AT_VERBS
    for m in range(first - 2, max(-1, first - 12), -1):
        low = toks[m].low
        if toks[m].text in ",;:." or low in ("to", "at") and m < first - 1:
            return []
        if low in verbs:
            k = m + 1
            while k < first and toks[k].low in DET:
                k += 1
            words, end, _ = read_np(toks, k)
            return words if words and end < first else []
    return []


def of_first(toks: list[Tok], first: int) -> list[str]:
    """ "Of this fund less than $500,000": the set named by a sentence that opens with "Of",
    when the number follows its noun phrase directly."""
    if first < 2 or toks[0].low != "of":
        return []
    k = 1
    while k < first and toks[k].low in DET:
        k += 1
    if not 1 <= first - k <= 4 or not all(np_word(toks, i) for i in range(k, first)):
        return []
    return [t.low for t in toks[k:first]]


def past_aside(toks: list[Tok], m: int) -> int:
    """The token before an aside between commas that ends at token ``m`` (a comma):
    ", excluding the acquisition," / ", including the tax bill,"; else ``m``."""
    if m < 3 or toks[m].text != ",":
        return m
    for k in range(m - 1, max(-1, m - 15), -1):
        if toks[k].text == ",":
            if k + 1 < m and toks[k + 1].low in _ASIDES:
                return k - 1
            return m
    return m


#: finite verbs that put an amount in the predicate of the clause's subject
_FINITE = frozenset(
    """is are was were has have had will would shall should may might can could amounted
totaled totalled reached rose fell grew increased decreased declined""".split()
)
_SAYS = REPORTING - {"estimated", "found"}  # "has been estimated ... at a sum": a predicate
#: words that may open a sentence before its subject ("So the total ...")
_OPENERS = frozenset("so and but now yet also then thus".split())
_SUBJECT_DET = frozenset("the a an our its their this these that those".split())
_PRONOUNS = frozenset("i we you he she it they there this that these those what".split())


def clause_subject(toks: list[Tok], first: int) -> list[str]:
    """The noun phrase opening the clause of the number at token ``first`` (the sentence's or
    the part after the last ";"), when a verb of :data:`_FINITE` stands between its end and
    the number (at most 40 tokens): "The amount of Treasury notes which it will be necessary
    to issue ... will ... not exceed four and a half millions"."""
    if first < 3 or participle(toks[first - 1], first - 1) or toks[first - 1].text == "(":
        return []  # the object of a verb ("has spent $5 billion"); a conversion "($374)"
    s = first - 1
    while s >= 0 and toks[s].text != ";" and first - s <= 40:
        s -= 1
    if s >= 0 and toks[s].text != ";":
        return []
    s += 1
    if s < first and toks[s].low in _OPENERS:
        s += 1 + (s + 1 < first and toks[s + 1].text == ",")
    if s >= first or toks[s].low in _PRONOUNS:
        return []
    if s >= first or toks[s].low not in _SUBJECT_DET:
        return []  # "If you just go back", "According to ...", "Natural disasters, including"
    while s < first and toks[s].low in _SUBJECT_DET:
        s += 1
    if s >= first or not toks[s].text.islower():
        return []  # a name ("The Ministry of Labour reported"): who says, not what is counted
    words, end = _subject_words(toks, s, first)
    if words and end < first and toks[end].low == "of":
        k = end + 1
        while k < first and toks[k].low in _SUBJECT_DET:
            k += 1
        more, end2 = _subject_words(toks, k, first, 3)
        if more:
            words, end = (more if words[-1] in _WHOLES else [*words, "of", *more]), end2
    if not words or end >= first or not any(t.low in _FINITE for t in toks[end:first]):
        return []
    if any(t.low in _SAYS or t.low == "that" for t in toks[end:first]):
        return []  # "The report ... shows that the total debt was": in what is said
    return words


#: heads that name only a part or a whole of what follows "of" ("the amount of Treasury
#: notes", "the aggregate of the funded debt")
_WHOLES = frozenset("amount aggregate sum total value number level part share".split())
#: words a subject's noun phrase stops at
_SUBJECT_STOP = (
    _FINITE
    | _PRONOUNS
    | DET
    | frozenset(
        """on in for of to at by with from which who whom whose and or as not no if when while
although because over under since after before during your my his her""".split()
    )
)


def _subject_words(toks: list[Tok], k: int, first: int, most: int = 4) -> tuple[list[str], int]:
    """The words (lower-cased, at most ``most``) from token ``k`` up to a word of
    :data:`_SUBJECT_STOP` or a token that is not a word: ``(words, end)``."""
    words: list[str] = []
    while (
        k < first
        and toks[k].text.isalpha()
        and toks[k].low not in _SUBJECT_STOP
        and len(words) < most
    ):
        words.append(toks[k].low)
        k += 1
    return words, k


def change_object(toks: list[Tok], k: int) -> list[str]:
    """ "a 5% decline in costs", "$2.3 billion increase in the building plan": the noun phrase
    after "in" or "of" at token ``k`` (just after a change noun), when it names a thing."""
    if k >= len(toks) or toks[k].low not in ("in", "of"):
        return []
    k += 1
    while k < len(toks) and toks[k].low in DET:
        k += 1
    if k >= len(toks) or not toks[k].text[0].islower():
        return []
    words, _, _ = read_np(toks, k)
    return [] if not words or words[-1] in _TIME else words


_TIME = frozenset("quarter quarters year years month months period half week weeks".split())


def by_subject(toks: list[Tok], first: int) -> tuple[list[str], str] | None:
    """:func:`trendkz.facts.chunks.subject_before` ("food allowances were increased by"), past a
    time phrase: "Net income and margin for the quarter grew by" names "net income and margin"."""
    found = subject_before(toks, first)
    if not found or found[0][-1] not in _TIME:
        return found
    m = first - 3 - len(found[0])  # the token before the time phrase's words
    while m >= 0 and toks[m].low in DET:
        m -= 1
    if m < 1 or toks[m].low not in ("for", "in", "during"):
        return found
    words: list[str] = []
    m -= 1
    while m >= 0 and np_word(toks, m) and len(words) < 4 and not participle(toks[m], m):
        words.insert(0, toks[m].low)
        m -= 1
        if m >= 1 and toks[m].low == "and" and np_word(toks, m - 1):
            words.insert(0, "and")
            m -= 1
    return (words, found[1]) if words else found


def shape_words(toks: list[Tok], first: int, after: int) -> list[str]:
    """:func:`noun_before_bound`, :func:`of_first` or :func:`label_line`, the first found."""
    return noun_before_bound(toks, first) or of_first(toks, first) or label_line(toks, first, after)


_DETAIN = frozenset("detain detains detained detaining hold holds held holding arrest".split())
_IMPRISON = frozenset("imprison imprisoned jail jailed".split())


def duration_cue(toks: list[Tok], first: int) -> str:
    """What a duration at token ``first`` lasts, from a detention verb before "<persons> for"
    ("detain individuals for a maximum of 84 days"). (The noun before a deadline "within" was
    tried and dropped: it is as often the verb's object, "notify a suspect's family within".)"""
    if first >= 2 and toks[first - 1].low == "for":
        for m in range(first - 2, max(-1, first - 5), -1):
            if toks[m].low in _DETAIN:
                return "detention"
            if toks[m].low in _IMPRISON:
                return "prison term"
    return ""


def far_duration(toks: list[Tok], first: int) -> str:
    """ "the detention of a pretrial detainee, Dende Eriyomi, for more than seven years",
    "Prison sentences for these crimes run between six months and eight years": a detention
    or prison noun up to 13 tokens before, in the same sentence part, with no number between."""
    for m in range(first - 1, max(-1, first - 14), -1):
        t = toks[m]
        if t.text in ".;" or t.text[0].isdigit():
            return ""
        if t.low in ("detention", "custody"):
            return "detention"
        if NOUN_FOLD.get(t.low) == "prison term":
            return "prison term"
    return ""
