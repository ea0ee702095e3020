"""Naming what a number counts: the counted noun phrase and its governing verb.

A small rule-based chunker (no model, no download) over the tokens of one sentence:

1. the **counted noun phrase** is read after the number (and its unit): "three *terrorist
   attacks*", "more than 600 *of its nationals*" (partitive), "90 percent *of charges*",
   "115 *complaints of torture*"; hedges and fillers ("alleged", "such", "new") are dropped;
2. the **governing verb** is the verb of the clause whose subject is the number ("600
   citizens ... *were returned*", "238 individuals *died*") or, failing that, the verb whose
   object it is ("the KNB *disrupted* three attacks", "*blocking* more than 11,000");
3. a number with no noun of its own ("blocking more than 11,000", "in 2012 – 500", "(94 for
   Almaty)") takes the noun phrase, or the whole measure, of the fact before it in the
   sentence (or, for counts, earlier in the paragraph: "62 people were convicted ... 19 – in
   the Aktobe region"); "including 19 ..." takes the verb of the fact it details, "20
   students and two staff" the verb of the first; a conversion ("4,339 pula ($434)") the
   measure of the amount it converts; "a ransom of $370,000" names the noun before "of";
4. verbs are put in their past participle and folded with their synonyms
   (:data:`VERB_FOLD`: disrupted / foiled / thwarted -> prevented; returned -> repatriated;
   shut down / closed -> blocked; sentenced / found guilty -> convicted ...), nouns too
   (:data:`NOUN_FOLD`: people / individuals -> persons; citizens -> nationals ...).

The measure is ``"<noun phrase> <verb>"``: "websites blocked", "terrorist attacks prevented",
"terrorist financing cases transferred to court", "nationals repatriated". A duration names
what lasts ("prison term", "state of emergency").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import labels
from .chunks import noun_of, np_word, participle, read_np, verb_after, verb_before
from .chunkwords import DET, NOMINAL, QUOTES, REPORTING
from .folds import NOUN_FOLD, VERB_FOLD
from .numbers import Tok
from .periods import MONTHS
from .quantities import Quantity
from .subjects import (
    CHANGE_NOUNS,
    TIME_WORDS,
    is_measure,
    is_money,
    np_before,
    np_in,
    object_by,
    of_apposition,
    partitive,
    restates,
)
from .units import TIME_UNITS

__all__ = ["NOUN_FOLD", "VERB_FOLD", "context_step", "name_measures", "noun_step", "verb_step"]
#: verbs of a change of level: no part of a measure (``direction`` says them)
_CHANGE_VERB = re.compile(
    r"^(?:increased|decreased|rose|risen|fell|fallen|grew|grown|declined|climbed|jumped|"
    r"improved|expanded|shrunk|shrank|doubled|tripled|up|down|gained|lowered|raised)$"
)
#: verbs that say nothing about what is counted
_EMPTY_VERBS = frozenset(
    """seen made had gotten got reported operated compared totaled totalled reached amounted
stood come represented equaled equalled ended surpassed exceeded topped hit linked been
called mentioned talked said expected guided""".split()
)
#: words after a duration that say when, not what lasts ("10 days in advance", "prior")
_NOT_WHAT = frozenset(
    """advance prior early earlier later ago before after total row time ended ending
times succession average least""".split()
) | frozenset(MONTHS)
_QUOTES_S = QUOTES | {"s"}
_RELATIVE = frozenset(["that", "which", "who"])
#: "Total amortization ... was 20 million": a count after a copula is named before it
_COPULAS = frozenset(["was", "were", "totaled", "reached"])
#: a verb and the nouns it names already ("spending $5 billion in new spending")
_GERUNDS = {"spent": ("spending",), "funded": ("funding",), "financed": ("financing",)}
#: ranks before a measure: no part of its name
_RANKS = frozenset(
    """first second third fourth fifth last next fastest slowest largest smallest highest
lowest biggest greatest strongest weakest""".split()
)
_DURATIONS = frozenset(TIME_UNITS.values())
_TRANSFER_TO = frozenset(["court", "courts", "prosecutor", "prosecutors", "prosecution", "trial"])


def _fold_np(words: list[str]) -> str:
    while len(words) > 1 and words[0] in _RANKS:
        words = words[1:]  # "the second fastest job growth"
    phrase = " ".join(w.replace("’s", "").replace("'s", "") for w in words)
    if phrase in NOUN_FOLD:
        return NOUN_FOLD[phrase]
    for size in (3, 2, 1):
        tail = " ".join(words[-size:])
        if len(words) >= size and tail in NOUN_FOLD and tail not in _WHOLE_ONLY:
            return " ".join(words[:-size] + [NOUN_FOLD[tail]])
    return phrase


#: folds only of a whole phrase: "sites" alone are websites, "RV sites" are not
_WHOLE_ONLY = frozenset(["sites"])


def _fold_verb(verb: str) -> str:
    neg = verb.startswith("not ")
    v = verb[4:] if neg else verb
    return ("not " if neg else "") + VERB_FOLD.get(v, v)


def _complement(toks: list[Tok], verb: str, k: int) -> str:
    """ "to court" after a transfer verb."""
    if verb != "transferred":
        return ""
    for m in range(k, min(len(toks), k + 8)):
        if toks[m].low == "to":
            words, _, _ = read_np(
                toks, m + 1 + (toks[m + 1].low in DET if m + 1 < len(toks) else 0)
            )
            phrase = _fold_np(words)
            if words and words[0] in _TRANSFER_TO:
                return f"to {phrase}"
            return ""
    return ""


def _duration(toks: list[Tok], q: Quantity) -> str:
    cue = labels.duration_cue(toks, q.first) or _fold_np(labels.object_to(toks, q.first))
    if cue:
        return cue  # "detain individuals for", "sets the standard workweek at 44 hours"
    before = _noun_before_for(toks, q)
    if before and q.first >= 1 and toks[q.first - 1].low == "for":
        return before  # "imprisonment for three to eight years in cases of ..."
    k = q.after
    while k < len(toks) and toks[k].text in _QUOTES_S:
        k += 1
    if k < len(toks) and toks[k].low in ("in", "of"):
        k += 1
        if toks[k - 1].low == "of":
            while k < len(toks) and toks[k].low in DET:
                k += 1
    words, _, _ = read_np(toks, k)
    if (
        words
        and words[0] not in _NOT_WHAT
        and not (len(words) == 1 and words[0] in TIME_WORDS)
        and (not toks[k].text[0].isupper() or toks[q.after - 2].text == "-")
    ):
        return _fold_np(words)
    for m in range(max(0, q.first - 4), q.first):
        verb = participle(toks[m], m) or ""
        if VERB_FOLD.get(verb) == "convicted" or verb in ("imprisoned", "jailed"):
            return "prison term"
        if VERB_FOLD.get(verb) == "detained" or verb in ("held", "arrested"):
            return "detention"
        if toks[m].low in ("hold", "detain"):
            return "detention"  # "could legally hold a detainee for 48 hours"
    if before:
        return before  # "our survival for one hundred years", "a term of 5 years"
    label = labels.label_line(toks, q.first, q.after)  # "Running time: 42 minutes"
    far = _fold_np(label) if label else labels.far_duration(toks, q.first)
    if far:
        return far  # "the detention of a pretrial detainee, Dende Eriyomi, for 7 years"
    if (
        q.first >= 2
        and toks[q.first - 1].low == "from"
        and toks[q.first - 2].low in ("ranging", "ranged", "range", "ranges", "varying", "varied")
    ):
        m = q.first - 3
        words = []
        while m >= 0 and np_word(toks, m) and len(words) < 3:
            words.insert(0, toks[m].low)
            m -= 1
        return _fold_np(words)
    return ""


_UNIT_WORDS = frozenset("basis point points percent percentage".split())


def _noun_before_for(toks: list[Tok], q: Quantity) -> str:
    """ "our survival for one hundred years", "a term of 5 years": the noun before."""
    if q.first < 2 or toks[q.first - 1].low not in ("for", "of") or not np_word(toks, q.first - 2):
        return ""
    m, words = q.first - 2, list[str]()
    while m >= 0 and np_word(toks, m) and not participle(toks[m], m) and len(words) < 3:
        words.insert(0, toks[m].low)
        m -= 1
    if words and words[-1] in NOUN_FOLD:
        return NOUN_FOLD[words[-1]]  # "imprisonment" is a prison term, whatever is before
    return _fold_np(words) if words and words[-1] not in TIME_WORDS else ""


def _unit_class(unit: str) -> str:
    return "duration" if unit in _DURATIONS else unit


@dataclass
class _State:
    """What naming carries from one fact to the next: ``last`` (unit class -> (noun phrase,
    measure), also across sentences: the context), ``head`` (measure of the last fact that is
    not a series point), the end and verb of the fact before, the duration named last, the
    last amount of money (for a conversion "4,339 pula ($434)") and the measure before in
    the sentence (for "an increase of $0.05")."""

    last: dict
    head: str | None = None
    prev_end: int = -1
    prev_verb: str = ""
    duration: str = ""
    prev_money: tuple[int, str] | None = None
    prev_measure: str = ""


def noun_step(
    toks: list[Tok], quantities: list[Quantity], nps: list, n: int
) -> tuple[list[str], int, tuple | None, tuple]:
    """Step 1, the noun: what the fact ``n`` counts. ``(words, end of its noun phrase,
    subject (words, verb) of "food allowances were increased by 40 percent", (words, verb)
    of "a number of ...")``. Read after the number first, then before it (see
    :func:`trendkz.facts.subjects.np_before`)."""
    q = quantities[n]
    words, end, _ = nps[n]
    count = q.unit == "count"
    changed = labels.change_object(toks, end) if words and words[-1] in CHANGE_NOUNS else []
    if words and (len(words) < 3 or words[-1] in TIME_WORDS) and not is_measure(words, count):
        words = []  # "2.5% year-to-date", "10 times"
    if words and words[-1] in CHANGE_NOUNS:
        # "40 basis point improvement": a change, not a measure; "a 12.5% EPS improvement":
        # the change of what comes before the change noun
        words = [w for w in words[:-1] if w not in _UNIT_WORDS and "-over-" not in w]
        if words in (["constant", "currency"], ["organic"], ["sequential"]):
            words = []  # "20% year-over-year constant currency growth": of the fact before
    words = words or changed  # "a 5% decline in costs"
    if (
        not words
        and n + 1 < len(quantities)
        and quantities[n + 1].is_fact
        and quantities[n + 1].unit in (q.unit, "percent")
        and 0 < quantities[n + 1].first - q.after <= 2
        and all(t.low in ("or", ",", "and") for t in toks[q.after : quantities[n + 1].first])
    ):
        nxt = nps[n + 1][0]  # "$0.21 or 12.5% EPS improvement": the words of the next
        if nxt and nxt[-1] in CHANGE_NOUNS:
            nxt = [w for w in nxt[:-1] if w not in _UNIT_WORDS and "-over-" not in w]
        words = nxt
    if (
        not words
        and end < len(toks)
        and toks[q.after].low == "of"
        and n + 1 < len(quantities)
        and quantities[n + 1].first <= q.after + 2
    ):
        words = nps[n + 1][0]  # "over 1,400 of more than 1,600 participants"
    subject = None if words else labels.by_subject(toks, q.first)
    if subject:
        words = subject[0]
    nof = (None, None) if words or subject else noun_of(toks, q.first)
    if nof[0] and not is_measure(nof[0]):
        nof = (None, None)  # "record revenue this quarter of $214 million": not "quarter"
    if nof[0]:
        words = nof[0]
    if not words and q.unit not in ("count", "percent", "fraction") and q.after < len(toks):
        words = np_in(toks, q.after)  # "$1.3 billion in savings"
    if not words and q.unit == "fraction" and q.after < len(toks) and toks[q.after].low == "the":
        words = read_np(toks, q.after + 1)[0]  # "more than half the nonmember States"
    # a label before a colon names a count only in a form's line ("Number of appeals
    # received in Fiscal Year: 3"), not before a list ("the north and east: 19 - in ...")
    label = q.first > 0 and toks[q.first - 1].text == ":" and toks[0].low in ("number", "total")
    before = toks[q.first - 1].low if q.first else ""
    if not words and before == "by":
        words = object_by(toks, q.first)  # "understated the plan assets by $1.1 million"
    if not words and before in ("to", "at"):
        words = labels.object_to(toks, q.first)  # "bring our facility to 2.6 million square feet"
    if not words and (q.unit != "count" or label or before in _COPULAS):
        words = np_before(toks, q.first)
    if not words and before == ",":
        words = partitive(toks, q.first, q.after)
    if not words and before == "of":
        words = of_apposition(toks, q.first)  # "Medicaid, an increase of over $3 billion"
    if not words:  # "incomes under $30,000", "Of this fund $500,000", a table row's label
        words = labels.shape_words(toks, q.first, q.after)
    if not words and (is_money(q.unit) or q.unit == "percent"):
        words = labels.clause_subject(toks, q.first)  # "The aggregate of the funded debt ... at"
    return words, end, subject, nof


def verb_step(
    toks: list[Tok], q: Quantity, np: str, end: int, subject, nof, state: _State
) -> tuple[str, int]:
    """Step 2, the verb: what happened to what is counted ("blocked", "convicted"), folded;
    a verb of change ("increased", "fell") is no part of a measure (``direction`` says it).
    ``(verb, end of the verb)``."""
    after = verb_after(toks, end)
    before = verb_before(toks, q.first)
    if subject:
        verb, vend = subject[1], end
    elif nof[0]:
        verb, vend = nof[1] or "", end
    elif (
        after
        and after[1]
        and not (before and any(t.low in _RELATIVE for t in toks[end : after[2]]))
    ):
        verb, vend = after[0], after[2]  # not a relative clause's: "disrupted three attacks that"
    elif before and not (before in REPORTING and after):
        verb, vend = before, end
    elif (
        after
        and not np_word(toks, after[2])
        and not (after[2] < len(toks) and toks[after[2]].low in DET)
    ):
        verb, vend = after[0], after[2]  # intransitive: "238 individuals died"
    else:
        verb, vend = "", end
    head = state.head
    if q.first > 0 and toks[q.first - 1].low in ("including", "among") and not verb and head:
        verb = head.split(" ")[-1] if " " in head else ""
    if (
        not verb
        and q.first > 0
        and toks[q.first - 1].low == "and"
        and state.prev_end == q.first - 1
    ):
        verb = state.prev_verb  # "abducted 20 students and two staff"
    verb = _fold_verb(verb) if verb else ""
    if _CHANGE_VERB.match(verb) or verb in _EMPTY_VERBS:
        verb = ""
    state.prev_end, state.prev_verb = end, verb
    return verb, vend


def context_step(q: Quantity, np: str, verb: str, state: _State) -> str | None:
    """Step 3, the context: a fact with no noun of its own takes the measure of a fact
    before it (a conversion "($434)", "an increase of $0.05 or 9%", the paragraph's last
    measure of the same unit class). ``None``: the fact has its own noun phrase or verb."""
    uc = _unit_class(q.unit)
    if np:
        return None
    if not verb and q.first > 0 and state.prev_money is not None:
        if state.prev_money[0] == q.first - 1:
            return state.prev_money[1]  # a conversion: "4,339 pula ($434)"
    if not verb and state.prev_measure:
        return state.prev_measure  # "a dividend of $0.40 per share, a rise of $0.04"
    prev_np, prev_measure = state.last.get(uc, ("", ""))
    if not verb:
        return prev_measure
    return None if prev_np else ""


def name_measures(
    toks: list[Tok], quantities: list[Quantity], *, context: dict | None = None
) -> list[str]:
    """A measure name for each quantity (``""`` for non-facts and when nothing is found):
    :func:`noun_step`, :func:`verb_step` and :func:`context_step` in turn.

    ``context`` carries, from one sentence to the next of a section, the last noun phrase and
    measure of each unit class; it is updated in place.
    """
    out = [""] * len(quantities)
    state = _State(context if context is not None else {})
    nps = [read_np(toks, q.after) if q.is_fact else ([], q.after, False) for q in quantities]
    for n, q in enumerate(quantities):
        if not q.is_fact:
            continue
        uc = _unit_class(q.unit)
        if uc == "duration":  # carried within the sentence only
            out[n] = _duration(toks, q) or state.duration
            state.duration = out[n] or state.duration
            continue
        words, end, subject, nof = noun_step(toks, quantities, nps, n)
        if (
            words
            and (len(words) < 3 or words[-1] in TIME_WORDS)
            and not is_measure(words, q.unit == "count")
        ):
            words = []  # "rate", "basis points", "below last year": no measure
        lone = ""
        if len(words) == 1 and words[0].endswith("ed") and words[0] not in NOUN_FOLD:
            lone, words = words[0], []  # a participle: "$30 million tied to funding delays"
        np = _fold_np(words)
        if not np and state.prev_measure and restates(toks, quantities, n):
            out[n] = state.prev_measure  # "$214 million, up 9%", "$312.4 million or 27%"
            continue
        if q.series_year is not None and not np:
            out[n] = state.head or state.last.get(uc, ("", ""))[1]
            continue
        verb, vend = verb_step(toks, q, np, end, subject, nof, state)
        if lone and not verb and not _CHANGE_VERB.match(lone) and lone not in _EMPTY_VERBS:
            verb = _fold_verb(lone)
        taken = context_step(q, np, verb, state)
        if taken is not None and (taken or not verb):
            out[n] = taken
            state.prev_measure = taken or state.prev_measure
            continue
        if not np:
            np = state.last.get(uc, ("", ""))[0]
        head = np.rsplit(" ", 1)[-1]
        if np and verb and (head in _GERUNDS.get(verb, ()) or NOMINAL.get(head) == verb):
            verb = ""  # "new spending" is no "new spending spent"
        if verb and verb in np.split(" "):
            verb = ""  # "Number of appeals received 1,204": the label says it already
        comp = _complement(toks, verb, vend)
        if not np and verb:  # a verb alone is no noun phrase: "earned $685,000"
            np = "number" if q.unit == "count" else "amount" if is_money(q.unit) else ""
        measure = " ".join(x for x in (np, verb, comp) if x) if np else ""
        out[n] = measure
        state.prev_money = (q.after, measure) if q.unit not in ("count", "percent") else None
        state.prev_measure = measure
        if np:
            state.last[uc] = (np, measure)
        if q.series_year is None:
            state.head = measure
    return out
