"""The noun phrase *before* a number that names it: "Net sales in the quarter were $418
million", "an operating margin of 11%", "total production ... of nearly $280 million",
"Number of appeals received in Fiscal Year: 3".

Financial and statistical prose puts what is measured before the amount, linked by a verb
("was", "totaled", "reached", "increased"), "of" or a colon; :func:`np_before` finds it.
A change noun alone ("an increase of $0.05") names nothing: the measure is the one before.
"""

from __future__ import annotations

from .chunks import np_word, participle
from .labels import past_aside
from .numbers import Tok
from .units import CURRENCY_WORDS

__all__ = [
    "CHANGE_NOUNS",
    "NOT_AMOUNTS",
    "NOT_MEASURES",
    "TIME_WORDS",
    "is_measure",
    "is_money",
    "np_before",
    "np_in",
    "object_by",
    "of_apposition",
    "partitive",
    "restates",
]

#: words that link a measure to its amount ("revenue was", "sales totaled", "margin of")
LINKS = frozenset(
    """was were is are be been being of at to by totaled totalled totaling totalling total
reached reaching amounted amounting came stood represented represents representing
increased decreased rose fell grew declined improved dropped climbed jumped gained up down
approximately about nearly almost roughly only just slightly some around over under more
a bit little increasing decreasing rising falling growing declining thus now still also
each exceed exceeds
less than ended ending equal equaled equalled estimated have has had will would between
range from :""".split()
)
#: heads that never name what a number measures: units, fillers, time, comparisons
#: (decided on the development text of the blind gold: "rate", "company", "ways", "less",
#: "basis points", "below last year"); a measure whose noun is one of them has none
NOT_MEASURES = frozenset(
    """rate rates pace level levels basis point points percent percentage times time number
numbers total totals amount amounts figure figures less more fewer least most lot lots bit
range ranges order sort one ones other others yearly annually monthly weekly daily quarterly
sequentially respectively ago year-to-date year-over-year ytd sum closer higher lower better
worse bigger smaller greater larger bucks riyals rials dirhams kwacha cedis birr dong baht
ringgit""".split()
)
#: heads that name what a count counts ("two companies", "in three ways") but never what
#: an amount or a share measures ("the company's", "in many ways")
NOT_AMOUNTS = frozenset(
    """company companies way ways area areas thing things something anything everything part
parts kind kinds type types""".split()
)
#: nouns that name a change, not a measure ("an increase of $0.05")
CHANGE_NOUNS = frozenset(
    """increase increases decrease decreases improvement improvements decline declines drop
growth gain gains reduction reductions rise change""".split()
)
#: words that end a clause when reading back to its subject
_STOPS = frozenset(";,.:()[]—–")
_FILLER = frozenset(
    """in for during this that the our its their his her a an total quarter year month
period q1 q2 q3 q4 fy""".split()
)


#: nouns of time: never what an amount measures ("this quarter of $214 million")
TIME_WORDS = frozenset(
    "quarter quarters year years month months period periods half week weeks day days".split()
)
_TIME = frozenset(
    """in for during this that the quarter year month period half q1 q2 q3 q4 fy fiscal
first second third fourth full""".split()
)
_SCALE_WORDS = frozenset("thousand million billion trillion point points".split())
_ENDED = frozenset("ended closed finished exited ending closing".split())


def np_before(toks: list[Tok], first: int) -> list[str]:
    """Words of the noun phrase naming the number at token ``first`` read back over a link
    ("was", "totaled", "of", ":" ...), or ``[]``."""
    m = first - 1
    links = 0
    while m >= 0 and toks[m].low in LINKS and links < 5:
        if toks[m].text == ":" and links:
            break
        links += 1
        m -= 1
    if not links:
        return []
    m = past_aside(toks, m)  # "Sales to other regions, excluding the acquisition, decreased"
    if toks[m + 1].low == "at" and m >= 3 and toks[m].low in TIME_WORDS:
        if toks[m - 1].low in ("the", "this") and toks[m - 2].low in _ENDED:
            m -= 3  # "Orders ended the quarter at $4.1 billion": the subject of "ended"
    if toks[m + 1].low in ("of", "at") or toks[m + 1].text == ":":
        # "an operating margin of 11%", "Number of appeals received in Fiscal Year: 3"
        words = _back_np(toks, m)
        return [] if _is_change(words) else words
    # a verb link: the subject at the start of the clause ("Net sales in our banana segment
    # decreased $7 million")
    k = _clause_start(toks, m, m)
    if toks[m].text == "," and k == m and m >= 2 and toks[m - 1].text.isdigit():
        # "The total imports for the year ending June 30, 1851, were": past the date's commas
        k = _clause_start(toks, m - 1, m - 1)
        if k >= 1 and toks[k].text == "," and toks[k - 1].text.isdigit():
            k = _clause_start(toks, k - 1, m)
        m = k + 1 + _date_tail(toks, k + 1)
    if (
        k >= 1
        and toks[k].low == "and"
        and np_word(toks, k - 1)
        and (k == 1 or toks[k - 2].text in _STOPS or toks[k - 2].low in _FILLER)
    ):
        k -= 2  # "Depreciation and amortization in Q2 was": one subject
    start = k + 1
    while start <= m and (
        toks[start].low in ("the", "our", "its", "their", "a", "an", "this")
        or toks[start].low in LINKS
        or toks[start].text.isdigit()  # "The 2020 selling expense ratio"
        or len(toks[start].text) == 1  # "Our Q4 services revenues"
    ):
        start += 1
    words = []
    n = start
    while n <= m and len(words) < 4:
        if toks[n].low == "and" and words and n == start + 1 and np_word(toks, n + 1):
            words.append("and")
            n += 1
            continue
        if _hyphen(toks, n) and words:
            words[-1] += f"-{toks[n + 1].low}"  # "Book-to-bill", "year-to-date"
            n += 2
            continue
        if toks[n].low == "per" and words and n + 1 <= m and toks[n + 1].low == "share":
            words += ["per", "share"]  # "Loss per share was $0.27"
            n += 2
            continue
        if (
            toks[n].low == "from"
            and words
            and n + 1 <= m
            and np_word(toks, n + 1)
            and toks[n + 1].low not in LINKS
        ):
            words.append("from")  # "cash flow from operations declined"
            n += 1
            continue
        if not np_word(toks, n) or toks[n].low in LINKS:
            break
        words.append(toks[n].low)
        n += 1
    if not words and toks[start].low in ("we", "i", "they", "you") and m > start:
        words = _back_np(toks, m)  # "we expect adjusted earnings per share to range"
        start = m - len(words) + 1
    if words and participle(toks[start], start) and not words[0].endswith("ing"):
        words = words[1:]  # "compared to 38.6%", "guided closer to 12%": a verb, no subject
    return [] if _is_change(words) else words


_CLAUSE_WORDS = frozenset("and while but which that as where when with".split())


def _clause_start(toks: list[Tok], k: int, m: int) -> int:
    """The token before the clause that ends at token ``k`` (at most 12 back from ``m``)."""
    while k >= 0 and toks[k].text not in _STOPS and m - k < 12 and toks[k].low not in _CLAUSE_WORDS:
        k -= 1
    return k


def _date_tail(toks: list[Tok], k: int) -> int:
    """Tokens from ``k`` up to a time phrase ("for the year ending June 30"): the subject's
    own words only."""
    n = k
    while n < len(toks) and toks[n].low not in ("for", "in", "during", "of") and n - k < 6:
        n += 1
    return max(0, n - k - 1)


def _hyphen(toks: list[Tok], n: int) -> bool:
    """Token ``n`` is a hyphen glued to a word on each side."""
    return (
        n + 1 < len(toks)
        and n > 0
        and toks[n].text == "-"
        and toks[n - 1].end == toks[n].start
        and toks[n].end == toks[n + 1].start
        and toks[n + 1].text.isalpha()
    )


def _back_np(toks: list[Tok], m: int) -> list[str]:
    """The contiguous noun words ending at token ``m`` (at most four), after a time phrase
    ("record revenue this quarter of", "savings for the year of")."""
    words: list[str] = []
    k = m
    while k >= 0 and (toks[k].low in _TIME or toks[k].text[0].isdigit()) and m - k < 5:
        k -= 1
    if k < m and k >= 0 and toks[k + 1].low in ("in", "for", "during", "this", "the"):
        m = k
    while m >= 2 and toks[m - 1].text == "-" and toks[m - 2].end == toks[m - 1].start:
        if not (np_word(toks, m) and np_word(toks, m - 2)) or len(words) > 2:
            break
        words.insert(0, f"{toks[m - 2].low}-{toks[m].low}")  # "domestic-violence"
        m -= 3
    while (
        m >= 0
        and np_word(toks, m)
        and toks[m].low not in _FILLER
        and toks[m].low not in LINKS
        and toks[m].low not in _SCALE_WORDS
        and len(words) < 4
    ):
        words.insert(0, toks[m].low)
        m -= 1
    if words == ["share"] and m >= 1 and toks[m].low == "per":
        head = _back_np(toks, m - 1)  # "adjusted diluted earnings per share to range"
        return [*head[-3:], "per", "share"] if head else []
    if len(words) == 1 and words[0].endswith("ed"):
        return []  # a participle alone ("billion comprised of")
    return words


def _is_change(words: list[str]) -> bool:
    # a change noun alone names nothing ("an increase of"); "job growth at 2.5%" does
    return bool(words) and (
        (words[-1] in CHANGE_NOUNS and (len(words) == 1 or words[-2] in _FILLER))
        or words == ["basis", "points"]
    )


def np_in(toks: list[Tok], k: int) -> list[str]:
    """ "$1.3 billion in savings", "$14.4 billion in Medicare savings": the noun phrase after
    "in" at token ``k`` when it names a thing (its last word in lower case, not a time)."""
    if k >= len(toks) or toks[k].low != "in":
        return []
    n = k + 1
    words: list[str] = []
    last = ""
    while n < len(toks) and np_word(toks, n) and len(words) < 4 and toks[n].low not in LINKS:
        if toks[n].low in ("the", "a", "an", "our", "its", "their"):
            return []  # "in the quarter", "in our segment": a where or a when
        words.append(toks[n].low)
        last = toks[n].text
        n += 1
        while _hyphen(toks, n):
            words[-1] += f"-{toks[n + 1].low}"  # "in pre-tax run-rate benefit"
            last = toks[n + 1].text
            n += 2
    if not words or not last.islower() or words[-1] in TIME_WORDS or words[-1] in _TIME:
        return []
    return words


def is_measure(words: list[str], count: bool = False) -> bool:
    """The words name what a number measures: not empty, not a change ("increase"), a
    time ("last year"), a currency ("Swiss francs") or a head of :data:`NOT_MEASURES`
    alone ("rate", "basis points"; :data:`NOT_AMOUNTS` too unless a ``count``)."""
    if not words:
        return False
    last = words[-1]
    if _is_change(words) or last in TIME_WORDS or last in CURRENCY_WORDS:
        return False
    if len(words) == 1 and (last in NOT_MEASURES or not count and last in NOT_AMOUNTS):
        return False
    return not (len(words) == 2 and words[0] in NOT_MEASURES and last in NOT_MEASURES)


#: what may stand between a fact and the one it restates: a change of it, the same in
#: another unit, or the other side of a comparison ("to 21% from 24.6% in 2020")
_RESTATE = frozenset(
    """, or ( a an and — – - from compared with to versus vs vs. against as up down in
the prior last year quarter period""".split()
)


def restates(toks: list[Tok], quantities: list, n: int) -> bool:
    """The fact ``n`` restates the one before it: a change of it ("$214 million, up 9%",
    "$418.3 million, a decrease of $312.4 million"), the same in another unit ("$529.1
    million or 42%") or the other side of a comparison ("decreased to 21% from 24.6%",
    "35.1% in 2020, compared to 38.6%")."""
    q = quantities[n]
    if q.direction:
        return True
    if n == 0 or not quantities[n - 1].is_fact:
        return False
    between = toks[quantities[n - 1].after : q.first]
    return 0 < len(between) <= 6 and all(
        t.low in _RESTATE or (t.text.isdigit() and len(t.text) == 4) for t in between
    )


def object_by(toks: list[Tok], first: int) -> list[str]:
    """ "understated the plan assets by $1.1 million", "reduced costs by 5%": the object
    of the verb before "by"."""
    if first < 3 or toks[first - 1].low != "by":
        return []
    words = _back_np(toks, first - 2)
    m = first - 2 - len(words)
    while (
        m >= 0
        and (np_word(toks, m) or toks[m].text.isdigit())
        and not participle(toks[m], m)
        and first - m < 10
    ):
        m -= 1  # "the Medicare segment postretirement benefit plan assets", "2020 net sales"
    while m >= 0 and toks[m].low in ("the", "a", "an", "its", "our", "their", "his", "her"):
        m -= 1
    if not words or m < 0 or not participle(toks[m], m) or words[-1] in CHANGE_NOUNS:
        return []
    return words


def partitive(toks: list[Tok], first: int, after: int) -> list[str]:
    """ "Of the complaints, 194 were ...", "537 cases, 99 of which": the set the number is
    part of."""
    if first >= 3 and toks[first - 1].text == ",":
        m = first - 2
        words = _back_np(toks, m)
        k = m - len(words)
        while k >= 0 and toks[k].low in ("the", "these", "those", "all"):
            k -= 1
        if words and k >= 0 and toks[k].low == "of" and (k == 0 or toks[k - 1].text in _STOPS):
            return words  # "Of the complaints, 194"
        if (
            words
            and after + 1 < len(toks)
            and toks[after].low == "of"
            and toks[after + 1].low in ("which", "whom", "them", "these")
        ):
            return words  # "537 domestic-violence related cases, 99 of which"
    return []


def is_money(unit: str) -> bool:
    """A currency code or a per-share amount."""
    return len(unit) == 3 and unit.isupper() or unit.endswith(" per share")


def of_apposition(toks: list[Tok], first: int) -> list[str]:
    """ "full funding of Medicaid, an increase of over $3 billion": a change set beside the
    noun phrase it changes."""
    k = first - 1
    if k < 4 or toks[k].low != "of" or toks[k - 1].low not in CHANGE_NOUNS:
        return []
    if toks[k - 2].low not in ("a", "an") or toks[k - 3].text != ",":
        return []
    return _back_np(toks, k - 4)
