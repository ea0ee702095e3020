"""Reading one fact at a number: its sign, currency, unit, range, qualifier, interval and
direction (a :class:`Quantity`); used by :func:`trendkz.facts.quantities.find_quantities`."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

from .numbers import DIGIT_SCALES, PLURAL_SCALES, SCALES, Num, glued, read_number
from .qualifiers import interval, postfix_qualifier, prefix_qualifier
from .signs import MINUS_SIGNS, direction_of, listed_negative, progression, sign_before
from .units import CURRENCY_SIGNS, currency_before, per_share, unit_after

__all__ = ["CHANGE", "FACT_KINDS", "Quantity", "bare", "first_tok", "non_fact", "read_fact"]

NAN = math.nan
FACT_KINDS = ("exact", "approximate", "bound", "range")
CHANGE = re.compile(
    r"^(?:increas|decreas|rose|rise|rising|fell|fall|drop|grew|grow|reduc|"
    r"lower|rais|cut|climb|declin|jump|doubl|tripl|chang|went|expand|shr[ai]n|"
    r"move|amend|revis|narrow|widen|adjust)"
)
_IN_YEARS = {"years": 1.0, "months": 1 / 12, "weeks": 7 / 365, "days": 1 / 365, "hours": 1 / 8760}


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


def bare(start: int, end: int, value: float, kind: str, first: int, after: int) -> Quantity:
    """A quantity with no interval, unit or qualifier: a non-fact of ``kind``."""
    return Quantity(start, end, value, NAN, NAN, False, False, "", "", kind, first, after)


def non_fact(toks, num: Num, kind: str) -> Quantity:
    """The non-fact of ``kind`` at ``num``."""
    return bare(toks[num.i].start, toks[num.j - 1].end, num.value, kind, num.i, num.j)


def _accounting(toks, num: Num) -> tuple[str, int, int] | None:
    """ "$(1.2) million": ``(currency, first token, token after)`` of an amount of money in
    accounting parentheses (a negative), or ``None``."""
    i, j = num.i, num.j
    if i < 2 or toks[i - 1].text != "(":
        return None
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


@dataclass(slots=True)
class _Reading:
    """A fact as the steps of :func:`read_fact` refine it."""

    num: Num
    sign: float  # -1.0 after a minus sign or in accounting parentheses
    currency: str
    first: int  # the fact's first token (a sign or currency before the number)
    unit: str
    value: float
    low: float
    high: float
    kind: str
    words: str  # the qualifier
    end_tok: int  # the token just after the fact
    plus_minus: bool  # "plus or minus" before it
    lo_open: bool = False
    hi_open: bool = False
    is_range: bool = False


def read_fact(toks, text, num: Num) -> Quantity:
    """A fact from ``num``: sign, currency, unit, range, qualifiers, interval, direction.

    The steps: what is around the number (:func:`_head`: sign, currency, unit), what
    follows it (:func:`_range`: a second number; :func:`_other_shapes`: ratios, "to life",
    "plus or minus"), the unit it ends with (:func:`_settle_unit`), then the qualifier and
    interval (:func:`_qualified`)."""
    r = _head(toks, text, num)
    # ranges: "12-17 years", "five to 15 years", "between 2 and 4 percent", "$67 to $81,000"
    m = r.end_tok
    if m < len(toks) and toks[m].text == "-" and m + 1 < len(toks) and toks[m + 1].low == "to":
        m += 1  # "one- to three-month"
    conn = toks[m].low if m < len(toks) else ""
    if (
        conn in ("-", "–", "—", "to", "through", "or", "and")
        and m + 1 < len(toks)
        and not (num.vague)
    ):
        _range(toks, r, m, conn)
    _other_shapes(toks, r, m, conn)
    _settle_unit(toks, text, r)
    return _qualified(toks, text, r)


def _head(toks, text: str, num: Num) -> _Reading:
    """The sign, currency and unit around the number: "$(1.2) million" (accounting
    parentheses), "minus 3%", "$3.20 per share", "plus or minus 2", "5 cents"."""
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
        if currency and not unit and per_share(toks, k) > k:
            unit, k = f"{currency} per share", per_share(toks, k)
        minus = sign_before(toks, first)
        if minus >= 0:
            sign, first = -1.0, minus
        elif listed_negative(toks, text, first, unit):
            sign = -1.0  # "minus 4%, 5%": the sign of the list's first item
    plus_minus = first >= 2 and toks[first - 1].low == "or" and toks[first - 2].low == "plus"
    if plus_minus and sign < 0:
        first -= 2  # "plus or minus 3 basis points"
    if unit == "cents":
        num = num._replace(value=num.value / 100)
        unit = "" if currency else "USD"
        currency = currency or "USD"
    kind, words = ("approximate", num.vague) if num.vague else ("exact", "")
    value = num.value * sign
    return _Reading(
        num, sign, currency, first, unit, value, num.low, num.high, kind, words, k, plus_minus
    )


def _range(toks, r: _Reading, m: int, conn: str) -> None:
    """A range when the connective ``conn`` at token ``m`` leads to a second, larger number
    of the same unit: "12-17 years", "minus 3% to plus 3%", "three months to two years"."""
    c2 = currency_before(toks, m + 2)[0] if m + 2 < len(toks) else ""
    n = m + 2 if c2 else m + 1
    sign2 = 0.0  # an explicit sign before the second number: "minus 3% to plus 3%"
    if n < len(toks) and toks[n].low in ("minus", "negative", "plus"):
        sign2, n = (1.0 if toks[n].low == "plus" else -1.0), n + 1
    elif (
        n + 1 < len(toks)
        and toks[n].text in MINUS_SIGNS
        and glued(toks, n + 1)
        and not glued(toks, n)
    ):
        sign2, n = -1.0, n + 1
    num2 = read_number(toks, n) if n < len(toks) else None
    if num2 is not None and (sign2 < 0 or r.sign < 0 and not sign2):
        num2 = num2._replace(value=-num2.value)  # "negative 3% or 4%"
    between = r.first > 0 and toks[r.first - 1].low == "between"
    if (
        num2 is not None
        and (r.sign < 0 or sign2)
        and num2.value < r.value
        and (conn != "and" or between)  # a swap only where a range can be formed
    ):
        r.value, num2 = num2.value, num2._replace(value=r.value)  # "minus 5% to minus 11%"
    unit2, k2 = unit_after(toks, num2.j) if num2 is not None else ("", n)
    if c2 and not unit2 and per_share(toks, k2) > k2:
        unit2, k2 = f"{c2} per share", per_share(toks, k2)
    if unit2.endswith(" per share") and r.unit == "" and r.currency == unit2[:-10]:
        r.unit = unit2  # "$2.35 to $2.45 per share"
    if num2 is None:
        return
    both_time = r.unit in _IN_YEARS and unit2 in _IN_YEARS
    if not num2.vague and num2.value < r.value and _ranging(toks, r.first):
        r.value, num2 = num2.value, num2._replace(value=r.value)  # "ranging from 120 to 36"
    if not _is_range(toks, r, conn, num2, unit2, c2, both_time):
        return
    if both_time and r.unit != unit2:
        r.value *= _IN_YEARS[r.unit] / _IN_YEARS[unit2]  # "three months to two years"
        r.unit = unit2
    if not r.unit or not unit2 or r.unit == unit2:
        scale = num2.value / _bare(toks, num2) if num2.scaled and not r.num.scaled else 1
        if r.value * scale > num2.value:
            scale = 1  # "5,000 rubles to six million rubles"
        r.low, r.high = r.value * scale, num2.value
        r.value, r.kind, r.is_range = NAN, "range", True
        r.unit = r.unit or unit2 or (CURRENCY_SIGNS.get(toks[m + 1].low, "") if c2 else "")
        r.end_tok = k2


def _is_range(
    toks, r: _Reading, conn: str, num2: Num, unit2: str, c2: str, both_time: bool
) -> bool:
    """``r`` and ``num2`` (its unit ``unit2``, its currency ``c2``) make a range: the
    second is larger, and neither words ("between"), a change ("rose from 3 to 5",
    "decreased $7 million to $236 million") nor different units say otherwise."""
    value, first = r.value, r.first
    before_first = toks[first - 1].low if first > 0 else ""
    u1, u2 = r.unit or r.currency, unit2 or c2
    return (
        not num2.vague
        and (
            num2.value * _IN_YEARS[unit2] > value * _IN_YEARS[r.unit]
            if both_time
            else num2.value > value
        )
        and (conn != "and" or before_first == "between")
        and not (conn in ("-", "–", "—") and r.num.words != num2.words)
        and not (before_first == "from" and _change_before(toks, first))
        and not (u1 and u2 and u1 != u2 and not both_time)
        and not (conn == "to" and _change_to_level(toks, first, value, num2.value))
        and not (conn == "to" and progression(toks, first))
    )


def _other_shapes(toks, r: _Reading, m: int, conn: str) -> None:
    """What else may follow the number when it starts no range: a ratio ("5.0-to-1", "3:1"),
    "to life", "seven years and nine months", or a "plus or minus" before it."""
    one = m + 2 if m + 2 < len(toks) and toks[m + 1].text == "-" else m + 1
    if (
        not r.is_range
        and conn in ("to", ":")
        and one < len(toks)
        and toks[one].text == "1"
        and (conn == ":" or not _change_before(toks, r.first))
        and not r.unit
        and not r.currency
    ):  # "5.0-to-1", "a 1 to 1 ratio", "3:1"
        r.unit, r.end_tok = "ratio", one + 1
    if (
        not r.is_range
        and r.unit == "years"
        and conn == "to"
        and m + 1 < len(toks)
        and (toks[m + 1].low == "life")
    ):
        r.low, r.high, r.value, r.kind, r.words = r.value, NAN, NAN, "range", "to life"
        r.hi_open, r.is_range, r.end_tok = True, True, m + 2
    if not r.is_range and r.unit == "years" and conn == "and" and m + 1 < len(toks):
        num2 = read_number(toks, m + 1)  # "seven years and nine months"
        if num2 is not None and not num2.vague and unit_after(toks, num2.j)[0] == "months":
            r.value += num2.value / 12
            r.end_tok = unit_after(toks, num2.j)[1]
    if r.plus_minus and r.sign < 0 and not r.is_range:
        r.low, r.high, r.value, r.kind, r.is_range = r.value, -r.value, NAN, "range", True
        r.words = "plus or minus"


def _settle_unit(toks, text: str, r: _Reading) -> None:
    """The unit the fact ends with: its currency or a count when nothing else was read,
    "USD per share", "multiple" ("2.5 times the")."""
    currency = r.currency
    if r.unit == "multiple" and currency:
        r.unit = ""
    r.unit = r.unit or currency or ("fraction" if r.num.fraction else "count")
    if r.unit == "count" and _old_money(toks, r.num, text):
        r.unit = "USD"  # "twenty-six millions" of a sentence about revenue and expenditures
    if r.unit == currency and currency:
        after_share = per_share(toks, r.end_tok)
        if after_share > r.end_tok:
            r.unit, r.end_tok = f"{currency} per share", after_share
    if (
        r.unit == "count"
        and r.end_tok < len(toks)
        and toks[r.end_tok].low == "times"
        and _multiple(toks, r.end_tok, r.value)
    ):
        r.unit, r.end_tok = "multiple", r.end_tok + 1


def _qualified(toks, text: str, r: _Reading) -> Quantity:
    """The :class:`Quantity` of ``r`` with its qualifier ("at least", "or more"), the
    interval that qualifier implies, and the direction of a change stated in words."""
    vague, is_range, end_tok = r.num.vague, r.is_range, r.end_tok
    low, high, lo_open, hi_open, kind, words = r.low, r.high, r.lo_open, r.hi_open, r.kind, r.words
    q_words, relation, q_start = prefix_qualifier(text, toks[r.first].start)
    p_words, p_rel, p_end = (
        ("", "", 0) if is_range else postfix_qualifier(text, toks[end_tok - 1].end)
    )
    if vague:
        if q_words:
            words = f"{q_words} {words}"
    elif not is_range:
        rel = relation or p_rel
        low, high, lo_open, hi_open, kind = interval(r.value, rel)
        words = q_words or p_words
    elif q_words:
        words = q_words
    start = q_start if q_words else toks[r.first].start
    end = max(toks[end_tok - 1].end, p_end)
    if p_words and not is_range:
        while end_tok < len(toks) and toks[end_tok].start < p_end:
            end_tok += 1
    if vague:
        lo_open = hi_open = False
    q_first = first_tok(toks, start)
    direction = "" if r.sign < 0 else direction_of(toks, q_first, end_tok)
    return Quantity(
        start,
        end,
        r.value,
        low,
        high,
        lo_open,
        hi_open,
        r.unit,
        words.lower(),
        kind,
        q_first,
        end_tok,
        None,
        direction,
    )


#: words that make a bare "millions" an amount of money (older fiscal prose: "the
#: expenditures will not exceed twenty-six millions")
_MONEY_WORDS = re.compile(
    r"\b(?:revenues?|receipts|expenditures?|disbursements?|debt|dollars|treasury|loans?|"
    r"taxes|appropriations?|costs?|deficit|surplus|budget|sum|amount|income|duties)\b|\$",
    re.I,
)


def _old_money(toks, num: Num, text: str) -> bool:
    """A number with a plural scale word and no unit ("five hundred millions") in a
    sentence about money."""
    return (
        num.scaled
        and toks[num.j - 1].low in PLURAL_SCALES
        and _MONEY_WORDS.search(text) is not None
    )


_RANGING = frozenset(["ranging", "ranged", "range", "ranges", "varying", "varied"])


def _ranging(toks, first: int) -> bool:
    """ "ranging from" (or "ranging in time from") just before token ``first``."""
    return (
        first >= 2
        and toks[first - 1].low == "from"
        and any(t.low in _RANGING for t in toks[max(0, first - 5) : first - 1])
    )


def _change_to_level(toks, first: int, a: float, b: float) -> bool:
    """ "decreased $7 million to $236 million", "increased by $500 million to $1 billion": a
    change and the level it led to, not a range."""
    k = first - 1
    if k >= 0 and toks[k].low == "by":
        return _change_before(toks, k)
    return k >= 0 and CHANGE.match(toks[k].low) is not None and b > 3 * a


_MULTIPLE_AFTER = frozenset(
    "the as more higher larger greater bigger over that what in faster".split()
)


def _multiple(toks, k: int, value: float) -> bool:
    """ "times" at token ``k`` makes a multiple ("2.5 times the", "one and a half times"),
    not a count of occasions ("arrested three times")."""
    if not math.isfinite(value):
        return False  # a range or a vague count: "three to five times"
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    return value != int(value) or nxt in _MULTIPLE_AFTER


def first_tok(toks, start: int) -> int:
    """Index of the first token ending after ``start`` (token ends ascend)."""
    return bisect_right(toks, start, key=_END)


_END = attrgetter("end")


def _bare(toks, num: Num) -> float:
    """The number without its scale word ("three" of "three millions")."""
    t = toks[num.i]
    if t.is_digits:
        return float(t.text.replace(",", ""))
    scale = SCALES.get(toks[num.j - 1].low) or PLURAL_SCALES.get(toks[num.j - 1].low)
    return num.value / scale if scale else num.value


def _change_before(toks, first: int) -> bool:
    return any(CHANGE.match(toks[k].low) for k in range(max(0, first - 8), first))
