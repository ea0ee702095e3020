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
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from .nonfacts import NON_FACT_KINDS, context_kind, glue_kind, pre_patterns
from .numbers import DIGIT_SCALES, NUMBER_STARTS, SCALES, Num, Tok, glued, read_number, tokenize
from .periods import Period
from .qualifiers import interval, postfix_qualifier, prefix_qualifier
from .signs import direction_of, sign_before
from .units import CURRENCY_SIGNS, currency_before, per_share, unit_after

__all__ = ["FACT_KINDS", "NON_FACT_KINDS", "Quantity", "find_quantities"]

NAN = math.nan
FACT_KINDS = ("exact", "approximate", "bound", "range")

_CHANGE = re.compile(
    r"^(?:increas|decreas|rose|rise|rising|fell|fall|drop|grew|grow|reduc|"
    r"lower|rais|cut|climb|declin|jump|doubl|tripl|chang|went|expand|shr[ai]n|"
    r"move|amend|revis|narrow|widen|adjust)"
)
_IN_YEARS = {"years": 1.0, "months": 1 / 12, "weeks": 7 / 365, "days": 1 / 365, "hours": 1 / 8760}
_OLD = re.compile(r"\s*old\b")
_AFTER_A = frozenset([*SCALES, "dozen", "few"])  # what "a" starts a number before
_SPAN = attrgetter("start", "end")
_DIGIT = re.compile(r"\d")
_YEARISH = re.compile(r"1[89]\d\d|20\d\d")  # what _SERIES and the ISO dates cannot do without
_SERIES = re.compile(
    r"(?:\b(?:in|for)\s+)?\b((?:1[89]|20)\d\d)(?:\s+[–—-]\s*|\s*:\s+|[–—]\s*)"
    r"(?=[\w$])"
)


@dataclass(slots=True)
class Quantity:
    """A number of a sentence, classified; offsets are relative to the sentence."""

    start: int
    end: int
    value: float
    low: float
    high: float
    low_open: bool
    high_open: bool
    unit: str
    qualifier: str
    kind: str
    first: int  # token index of the first token of the quantity
    after: int  # token index just after it (where its noun phrase starts)
    series_year: int | None = None
    direction: str = ""  # "up" / "down": a change stated in words ("decreased 3%")

    @property
    def is_fact(self) -> bool:
        return self.kind in FACT_KINDS


def _non_fact(toks, num: Num, kind: str) -> Quantity:
    return Quantity(
        toks[num.i].start,
        toks[num.j - 1].end,
        num.value,
        NAN,
        NAN,
        False,
        False,
        "",
        "",
        kind,
        num.i,
        num.j,
    )


def _accounting(toks, num: Num) -> tuple[str, int, int] | None:
    """ "$(1.2) million": ``(currency, first token, token after)`` of an amount of money in
    accounting parentheses (a negative), or ``None``."""
    i, j = num.i, num.j
    if (
        i >= 2
        and toks[i - 1].text == "("
        and glued(toks, i)
        and toks[i - 2].low in CURRENCY_SIGNS
        and glued(toks, i - 1)
        and j < len(toks)
        and toks[j].text == ")"
        and glued(toks, j)
    ):
        return currency_before(toks, i - 1)[0], i - 2, j + 1
    return None


def _read_fact(toks, text, num: Num) -> Quantity:
    """A fact from ``num``: sign, currency, unit, range, qualifiers, interval, direction."""
    sign = 1.0
    paren = _accounting(toks, num)
    if paren is not None:
        currency, first, k0 = paren
        sign = -1.0
        if k0 < len(toks) and toks[k0].low in DIGIT_SCALES and not num.scaled:
            num = num._replace(value=num.value * DIGIT_SCALES[toks[k0].low], j=k0 + 1)
            k0 += 1  # "$(1.2) million"
        unit, k = unit_after(toks, k0)
    else:
        currency, first = currency_before(toks, num.i)
        unit, k = unit_after(toks, num.j)
        minus = sign_before(toks, first)
        if minus >= 0:
            sign, first = -1.0, minus
    if unit == "cents":
        num = num._replace(value=num.value / 100)
        unit = "" if currency else "USD"
        currency = currency or "USD"
    value, low, high, lo_open, hi_open = num.value * sign, num.low, num.high, False, False
    kind, words = ("approximate", num.vague) if num.vague else ("exact", "")
    end_tok = k
    # ranges: "12-17 years", "five to 15 years", "between 2 and 4 percent", "$67 to $81,000"
    m = k
    if m < len(toks) and toks[m].text == "-" and m + 1 < len(toks) and toks[m + 1].low == "to":
        m += 1  # "one- to three-month"
    before_first = toks[first - 1].low if first > 0 else ""
    conn = toks[m].low if m < len(toks) else ""
    is_range = False
    if (
        conn in ("-", "–", "—", "to", "through", "or", "and")
        and m + 1 < len(toks)
        and not (num.vague)
    ):
        c2 = currency_before(toks, m + 2)[0] if m + 2 < len(toks) else ""
        n = m + 2 if c2 else m + 1
        num2 = read_number(toks, n) if n < len(toks) else None
        unit2, k2 = unit_after(toks, num2.j) if num2 is not None else ("", n)
        both_time = unit in _IN_YEARS and unit2 in _IN_YEARS
        if num2 is not None and not num2.vague and num2.value < value and _ranging(toks, first):
            value, num2 = num2.value, num2._replace(value=value)  # "ranging from 120 to 36"
        u1, u2 = unit or currency, unit2 or c2
        if (
            num2 is not None
            and not num2.vague
            and (
                num2.value * _IN_YEARS[unit2] > value * _IN_YEARS[unit]
                if both_time
                else num2.value > value
            )
            and (conn != "and" or before_first == "between")
            and not (conn in ("-", "–", "—") and num.words != num2.words)
            and not (before_first == "from" and _change_before(toks, first))
            and not (u1 and u2 and u1 != u2 and not both_time)
            and not (conn == "to" and _change_to_level(toks, first, value, num2.value))
        ):
            if both_time and unit != unit2:
                value *= _IN_YEARS[unit] / _IN_YEARS[unit2]  # "three months to two years"
                unit = unit2
            if not unit or not unit2 or unit == unit2:
                scale = num2.value / _bare(toks, num2) if num2.scaled and not num.scaled else 1
                low, high = value * scale, num2.value
                value, kind, is_range = NAN, "range", True
                unit = unit or unit2 or (CURRENCY_SIGNS.get(toks[m + 1].low, "") if c2 else "")
                end_tok = k2
    one = m + 2 if m + 2 < len(toks) and toks[m + 1].text == "-" else m + 1
    if (
        not is_range
        and conn in ("to", ":")
        and one < len(toks)
        and toks[one].text == "1"
        and (conn == ":" or not _change_before(toks, first))
        and not unit
        and not currency
    ):  # "5.0-to-1", "a 1 to 1 ratio", "3:1"
        unit, end_tok = "ratio", one + 1
    if (
        not is_range
        and unit == "years"
        and conn == "to"
        and m + 1 < len(toks)
        and (toks[m + 1].low == "life")
    ):
        low, high, value, kind, words = value, NAN, NAN, "range", "to life"
        hi_open, is_range, end_tok = True, True, m + 2
    if not is_range and unit == "years" and conn == "and" and m + 1 < len(toks):
        num2 = read_number(toks, m + 1)  # "seven years and nine months"
        if num2 is not None and not num2.vague and unit_after(toks, num2.j)[0] == "months":
            value += num2.value / 12
            end_tok = unit_after(toks, num2.j)[1]
    if unit == "multiple" and currency:
        unit = ""
    unit = unit or currency or ("fraction" if num.fraction else "count")
    if unit == currency and currency:
        after_share = per_share(toks, end_tok)
        if after_share > end_tok:
            unit, end_tok = f"{currency} per share", after_share
    if (
        unit == "count"
        and end_tok < len(toks)
        and toks[end_tok].low == "times"
        and _multiple(toks, end_tok, value)
    ):
        unit, end_tok = "multiple", end_tok + 1
    q_words, relation, q_start = prefix_qualifier(text, toks[first].start)
    p_words, p_rel, p_end = (
        ("", "", 0) if is_range else postfix_qualifier(text, toks[end_tok - 1].end)
    )
    if num.vague:
        if q_words:
            words = f"{q_words} {words}"
    elif not is_range:
        rel = relation or p_rel
        low, high, lo_open, hi_open, kind = interval(value, rel)
        words = q_words or p_words
    elif q_words:
        words = q_words
    start = q_start if q_words else toks[first].start
    end = max(toks[end_tok - 1].end, p_end)
    if p_words and not is_range:
        while end_tok < len(toks) and toks[end_tok].start < p_end:
            end_tok += 1
    if num.vague:
        lo_open = hi_open = False
    q_first = _first_tok(toks, start)
    direction = "" if sign < 0 else direction_of(toks, q_first, end_tok)
    return Quantity(
        start,
        end,
        value,
        low,
        high,
        lo_open,
        hi_open,
        unit,
        words.lower(),
        kind,
        q_first,
        end_tok,
        None,
        direction,
    )


_RANGING = frozenset(["ranging", "ranged", "range", "ranges", "varying", "varied"])


def _ranging(toks, first: int) -> bool:
    """ "ranging from" just before token ``first``."""
    return first >= 2 and toks[first - 1].low == "from" and toks[first - 2].low in _RANGING


def _change_to_level(toks, first: int, a: float, b: float) -> bool:
    """ "decreased $9 million to $418 million", "increased by $500 million to $1 billion": a
    change and the level it led to, not a range."""
    k = first - 1
    if k >= 0 and toks[k].low == "by":
        return _change_before(toks, k)
    return k >= 0 and _CHANGE.match(toks[k].low) is not None and b > 3 * a


_MULTIPLE_AFTER = frozenset(
    "the as more higher larger greater bigger over that what in faster".split()
)


def _multiple(toks, k: int, value: float) -> bool:
    """ "times" at token ``k`` makes a multiple ("2.5 times the", "one and a half times"),
    not a count of occasions ("arrested three times")."""
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    return value != int(value) or nxt in _MULTIPLE_AFTER


def _first_tok(toks, start: int) -> int:
    """Index of the first token ending after ``start`` (token ends ascend)."""
    return bisect_right(toks, start, key=_END)


_END = attrgetter("end")


def _bare(toks, num: Num) -> float:
    t = toks[num.i]
    return float(t.text.replace(",", "")) if t.is_digits else num.value


def _change_before(toks, first: int) -> bool:
    return any(_CHANGE.match(toks[k].low) for k in range(max(0, first - 8), first))


def find_quantities(
    text: str,
    periods: list[Period] | Callable[[], list[Period]] = (),
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
    taken = [False] * len(toks)

    def claim(a: int, b: int) -> None:
        for n, t in enumerate(toks):
            if t.start < b and t.end > a:
                taken[n] = True

    has_digit = _DIGIT.search(text) is not None  # every pattern below needs one
    yearish = has_digit and _YEARISH.search(text) is not None
    for kind, pat in pre_patterns(text, yearish) if has_digit else ():
        for m in pat.finditer(text):
            if any(q.start < m.end() and q.end > m.start() for q in out):
                continue
            if _DIGIT.search(m.group()):
                out.append(
                    Quantity(
                        m.start(),
                        m.end(),
                        NAN,
                        NAN,
                        NAN,
                        False,
                        False,
                        "",
                        "",
                        kind,
                        _first_tok(toks, m.start()),
                        _first_tok(toks, m.end()),
                    )
                )
                claim(m.start(), m.end())
    # series inside one sentence: "(2014 – 3, 2015 – 4)", "in 2015 – 150 thousand"
    for m in _SERIES.finditer(text) if yearish else ():
        k = _first_tok(toks, m.end())
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
        yt = _first_tok(toks, m.start(1))
        q = _read_fact(toks, text, num)
        q.series_year = int(m.group(1))
        yq = _non_fact(toks, Num(yt, yt + 1, float(m.group(1))), "year")
        yq.series_year = q.series_year
        out.append(yq)
        out.append(q)
        claim(toks[yt].start, q.end)
    period_spans = None
    ref_until = -10
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
            q = _non_fact(toks, num, kind)
            out.append(q)
            i = num.j
            continue
        q = _read_fact(toks, text, num)
        if q.kind == "range" and q.unit in ("years", "months") and _OLD.match(text, q.end):
            q = _non_fact(toks, num, "age")  # "70 to 80 years old"
        if (
            num.words
            and num.value in (0, 1)
            and not num.scaled
            and q.kind == "exact"
            and (q.unit == "count")
            and (num.value == 1 or q.after < len(toks) and (toks[q.after].low == "tolerance"))
        ):
            q = _non_fact(toks, num, "determiner")
        out.append(q)
        i = max(q.after, num.j)
    out.sort(key=_SPAN)
    return _shared_directions(toks, _counting_ones(toks, text, out))


def _shared_directions(toks: list[Tok], out: list[Quantity]) -> list[Quantity]:
    """ "up 9% or $23 million", "increasing 0.9% and 11.2%": a fact joined to a change by
    "or" / "and" alone shares its direction."""
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
            out[n] = _read_fact(toks, text, Num(i, i + 1, 1.0, words=True))
    return out
