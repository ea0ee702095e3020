"""Finding the quantities of a sentence and telling facts from other numbers.

:func:`find_quantities` reads every number of a sentence (see :mod:`trendkz.facts.numbers`) and
classifies it (non-facts: :mod:`trendkz.facts.nonfacts`). A *fact* is a quantity stated about
the world: a count, an amount of money, a share, a duration, a measurement; its ``kind``
says how precisely it is stated (``exact``, ``approximate``, ``bound``, ``range``); a
number that is not a fact gets a kind from :data:`trendkz.facts.nonfacts.NON_FACT_KINDS`.

A series stated inside one sentence ("(2014 – 3, 2015 – 4)", "in 2015 – 150 thousand")
becomes one fact per point, each with its own year (``series_year``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from operator import attrgetter

from .nonfacts import NON_FACT_KINDS, context_kind, glue_kind
from .numbers import NUMBER_STARTS, SCALES, Num, Tok, read_number, tokenize
from .periods import Period
from .prepatterns import pre_patterns
from .reading import FACT_KINDS, Quantity, bare, first_tok, non_fact, read_fact

__all__ = ["FACT_KINDS", "NON_FACT_KINDS", "Quantity", "find_quantities"]

NAN = math.nan
_OLD = re.compile(r"\s*old\b")
#: what "a" starts a number before ("a million", "a dozen", "a few", "a third of")
_AFTER_A = frozenset(
    [*SCALES, "dozen", "few", *"third quarter fourth fifth sixth eighth tenth".split()]
)
_SPAN = attrgetter("start", "end")
_DIGIT = re.compile(r"\d")
_YEARISH = re.compile(r"1[89]\d\d|20\d\d")  # what _SERIES and the ISO dates cannot do without
#: a series point's year ("in 2015 – 150 thousand", "2014 – 3"): only the year and the end
#: of the match are used, so no "in"/"for" before it is matched (three times faster)
_SERIES = re.compile(r"\b((?:1[89]|20)\d\d)(?:\s+[–—-]\s*|\s*:\s+|[–—]\s*)(?=[\w$])")


def find_quantities(
    text: str,
    periods: Sequence[Period] | Callable[[], Sequence[Period]] = (),
    *,
    toks: list[Tok] | None = None,
) -> list[Quantity]:
    """Every number of the sentence ``text``, facts and non-facts, in text order.

    ``periods`` (from :func:`trendkz.facts.periods.find_periods`) claims the numbers inside time
    expressions ("the first nine months", "the past five years"); it may be a function
    returning them, called only when a number could be claimed (many sentences hold only
    years and dates, which never are). ``toks`` are the tokens of ``text`` when already made.
    """
    toks = tokenize(text) if toks is None else toks
    out: list[Quantity] = []
    taken = [False] * len(toks)  # tokens claimed by a span set aside or a series
    has_digit = _DIGIT.search(text) is not None  # every pattern below needs one
    yearish = has_digit and _YEARISH.search(text) is not None
    _set_aside(toks, text, out, taken, yearish, has_digit)
    if yearish:
        _read_series(toks, text, out, taken)
    _read_numbers(toks, text, out, taken, periods)
    out.sort(key=_SPAN)
    return _shared_directions(toks, _counting_ones(toks, text, out))


def _claim(toks: list[Tok], taken: list[bool], a: int, b: int) -> None:
    """Marks the tokens overlapping characters ``a:b`` as taken."""
    for n, t in enumerate(toks):
        if t.start < b and t.end > a:
            taken[n] = True


def _set_aside(
    toks: list[Tok],
    text: str,
    out: list[Quantity],
    taken: list[bool],
    yearish: bool,
    has_digit: bool,
) -> None:
    """Appends to ``out`` the spans of the pre-patterns (URLs, phones, times, ...) that do not
    overlap one found before, and claims their tokens."""
    for kind, pat in pre_patterns(text, yearish, has_digit):
        for m in pat.finditer(text):
            if any(q.start < m.end() and q.end > m.start() for q in out):
                continue
            if kind == "scale" or _DIGIT.search(m.group()):
                a, b = m.start(), m.end()
                out.append(bare(a, b, NAN, kind, first_tok(toks, a), first_tok(toks, b)))
                _claim(toks, taken, a, b)


def _read_series(toks: list[Tok], text: str, out: list[Quantity], taken: list[bool]) -> None:
    """Appends the points of a series inside one sentence, "(2014 – 3, 2015 – 4)", "in 2015 –
    150 thousand": each a year and a fact carrying it (``series_year``)."""
    for m in _SERIES.finditer(text):
        k = first_tok(toks, m.end())
        if k >= len(toks) or taken[k]:
            continue
        num = read_number(toks, k)
        if (
            num is None
            or num.words
            and num.value == 1
            or (not num.scaled and not num.vague and 1000 <= num.value <= 2100)
        ):
            continue
        yt = first_tok(toks, m.start(1))
        q = read_fact(toks, text, num)
        q.series_year = int(m.group(1))
        yq = non_fact(toks, Num(yt, yt + 1, float(m.group(1))), "year")
        yq.series_year = q.series_year
        out.append(yq)
        out.append(q)
        _claim(toks, taken, toks[yt].start, q.end)


def _read_numbers(
    toks: list[Tok],
    text: str,
    out: list[Quantity],
    taken: list[bool],
    periods: Sequence[Period] | Callable[[], Sequence[Period]],
) -> None:
    """Appends every number not yet claimed, read left to right: a non-fact when what it is
    glued to, the words around it or a time expression say so, else a fact."""
    period_spans = None
    ref_until = -10  # the last token of the last reference ("articles 256 and 273")
    i = 0  # the next token not yet read
    claims = True in taken  # claimed above: never below
    last = len(toks) - 1
    # the tokens a number can start at ("a" only before a scale word: "a million")
    for i0 in [
        n
        for n, t in enumerate(toks)
        if t.text[0].isdigit()
        or t.low in NUMBER_STARTS
        and (t.low != "a" or n < last and toks[n + 1].low in _AFTER_A)
    ]:
        if i0 < i or taken[i0]:
            continue
        i = i0
        num = read_number(toks, i)
        if num is None:
            i += 1
            continue
        if claims and True in taken[num.i : num.j]:
            num = Num(num.i, num.i + 1, num.value) if not num.words else None
            if num is None:
                i += 1
                continue
        kind = glue_kind(toks, num) or context_kind(toks, num, text, ref_until)
        if kind is None:
            if period_spans is None:
                period_spans = [
                    (p.start, p.end) for p in (periods() if callable(periods) else periods)
                ]
            if any(a <= toks[i].start < b for a, b in period_spans):
                kind = "period"
        if kind is not None:
            if kind == "reference":
                ref_until = num.j - 1
            out.append(non_fact(toks, num, kind))
            i = num.j
            continue
        q = _fact(toks, text, num)
        out.append(q)
        i = max(q.after, num.j)


def _fact(toks: list[Tok], text: str, num: Num) -> Quantity:
    """The fact read at ``num``, unless what follows shows it is an age ("70 to 80 years
    old") or a bare "one" that does not count ("one tolerance")."""
    q = read_fact(toks, text, num)
    if q.kind == "range" and q.unit in ("years", "months") and _OLD.match(text, q.end):
        return non_fact(toks, num, "age")  # "70 to 80 years old"
    if (
        num.words
        and num.value in (0, 1)
        and not num.scaled
        and q.kind == "exact"
        and (q.unit == "count")
        and (num.value == 1 or q.after < len(toks) and (toks[q.after].low == "tolerance"))
    ):
        return non_fact(toks, num, "determiner")
    return q


def _shared_directions(toks: list[Tok], out: list[Quantity]) -> list[Quantity]:
    """ "up 9% or $23 million", "increasing 0.7% and 8.4%": a fact joined to a change by
    "or" / "and" alone shares its direction."""
    if not any(q.direction for q in out):
        return out
    prev = None
    for q in out:
        if not q.is_fact:
            continue
        if (
            prev is not None
            and prev.direction
            and not q.direction
            and q.value >= 0
            and q.first - prev.after in (1, 2)
            and all(t.low in ("or", "and", ",") for t in toks[prev.after : q.first])
        ):
            q.direction = prev.direction
        prev = q
    return out


_PREPS = frozenset("on in at for from to with by about into onto upon over under".split())


#: "one of the things", "one of the largest", "one of the great": not a count
_GENERIC_OF = frozenset(
    """things thing ways reasons great greatest largest biggest best most main key major
few many first last other""".split()
)


def _generic_partitive(toks: list[Tok], k: int) -> bool:
    return k < len(toks) and (toks[k].low in _GENERIC_OF or toks[k].low.endswith("est"))


def _counting_ones(toks: list[Tok], text: str, out: list[Quantity]) -> list[Quantity]:
    """A bare "one" that counts: "killed one of their own", "One of the three defendants
    was convicted", "one official and nine prisoners were killed", "four ..., and one"."""
    if not any(q.kind == "determiner" for q in out):
        return out
    facts = [n for n, q in enumerate(out) if q.is_fact]
    for n, q in enumerate(out):
        if q.kind != "determiner":
            continue
        i = q.first
        m = i - 1
        while m >= 0 and toks[m].low in ("only", "just", "also"):
            m -= 1
        before = toks[m].low if m >= 0 else ""
        partitive = (
            i + 2 < len(toks)
            and toks[i + 1].low == "of"
            and toks[i + 2].low
            in ("the", "their", "them", "these", "those", "its", "his", "her", "our")
            and before not in _PREPS
            and before not in ("in", "as")
            and not _generic_partitive(toks, i + 3)
        )
        other = i + 1 < len(toks) and toks[i + 1].low in ("other", "more", "additional")
        joined = (
            other
            or (before in ("and", ",") and any(f < n for f in facts))
            or any(
                f > n
                and out[f].first <= i + 4
                and any(t.low == "and" for t in toks[i + 1 : out[f].first])
                for f in facts
            )
        )
        if partitive or joined:
            out[n] = read_fact(toks, text, Num(i, i + 1, 1.0, words=True))
    return out
