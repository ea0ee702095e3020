"""Units of stated numbers: time and measure units after a number, currencies around it."""

from __future__ import annotations

from .numbers import Tok, glued

__all__ = [
    "CURRENCY_SIGNS",
    "CURRENCY_WORDS",
    "MEASURE_UNITS",
    "TIME_UNITS",
    "currency_before",
    "per_share",
    "unit_after",
]

TIME_UNITS = {
    "year": "years",
    "years": "years",
    "month": "months",
    "months": "months",
    "week": "weeks",
    "weeks": "weeks",
    "day": "days",
    "days": "days",
    "hour": "hours",
    "hours": "hours",
    "minute": "minutes",
    "minutes": "minutes",
    "decade": "decades",
    "decades": "decades",
    "century": "centuries",
    "centuries": "centuries",
}
MEASURE_UNITS = {
    "km": "km",
    "kilometers": "km",
    "kilometres": "km",
    "kilometer": "km",
    "miles": "miles",
    "mile": "miles",
    "meters": "m",
    "metres": "m",
    "meter": "m",
    "kg": "kg",
    "kilograms": "kg",
    "kilogram": "kg",
    "tons": "tons",
    "tonnes": "tons",
    "ton": "tons",
    "hectares": "hectares",
    "acres": "acres",
    "liters": "liters",
    "litres": "liters",
    "degrees": "degrees",
    "ounces": "ounces",
    "ounce": "ounces",
    "oz": "ounces",
    "gallons": "gallons",
    "gallon": "gallons",
    "barrels": "barrels",
    "barrel": "barrels",
    "bushels": "bushels",
    "feet": "feet",
    "foot": "feet",
    "inches": "inches",
    "megawatts": "MW",
    "mw": "MW",
    "gigawatts": "GW",
    "gw": "GW",
    "kwh": "kWh",
    "mwh": "MWh",
}
#: words before a measure unit that name it further ("192 U.S. fluid ounces")
_UNIT_MODIFIERS = {"fluid": "fluid ", "cubic": "cubic ", "square": "square ", "sq": "square "}
#: units of a change of a share ("30 basis points", "2 percentage points")
POINTS = {
    "basis": "basis points",
    "bps": "basis points",
    "bp": "basis points",
    "bips": "basis points",
    "pts": "percentage points",
}
CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "tenge": "KZT",
    "kzt": "KZT",
    "soms": "KGS",
    "som": "KGS",
    "kgs": "KGS",
    "somoni": "TJS",
    "tjs": "TJS",
    "manat": "TMT",
    "manats": "TMT",
    "tmt": "TMT",
    "sums": "UZS",
    "soums": "UZS",
    "uzs": "UZS",
    "rubles": "RUB",
    "roubles": "RUB",
    "rub": "RUB",
    "pounds": "GBP",
    "gbp": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "naira": "NGN",
    "reais": "BRL",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "lari": "GEL",
    "drams": "AMD",
    "dram": "AMD",
    "pesos": "pesos",
    "dinars": "dinars",
    "francs": "francs",
    "shillings": "shillings",
    "rand": "ZAR",
    "yen": "JPY",
    "lira": "TRY",
    "liras": "TRY",
    "afghanis": "AFN",
    "taka": "BDT",
    "taels": "taels",
}
CURRENCY_SIGNS = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₸": "KZT",
    "₦": "NGN",
    "₽": "RUB",
    "₹": "INR",
    "usd": "USD",
    **{c: c.upper() for c in "lrd ttd jmd xcd bbd bzd gyd nad bsd fjd sbd wst".split()},
    "eur": "EUR",
    "kzt": "KZT",
    "gbp": "GBP",
    "rs": "INR",
    "ngn": "NGN",
    "rub": "RUB",
    "kgs": "KGS",
    "uzs": "UZS",
}


def unit_after(toks: list[Tok], k: int) -> tuple[str, int]:
    """Unit written after a number at token ``k``: ``(unit, token index after it)``."""
    if k >= len(toks):
        return "", k
    w = toks[k].low
    if w in _HYPHENS and glued(toks, k) and k + 1 < len(toks) and glued(toks, k + 1):
        nxt = toks[k + 1].low  # "100-percent", "250-basis-points"
        if nxt in ("percent", "basis", "percentage"):
            unit, end = unit_after(toks, k + 1)
            return unit, end
    if w in ("percent", "%", "pct"):
        return "percent", k + 1
    if w in POINTS:
        m = k + 1
        if w == "basis":
            if m < len(toks) and toks[m].text in _HYPHENS:
                m += 1
            if m >= len(toks) or toks[m].low not in ("points", "point"):
                return "", k
            m += 1
        return POINTS[w], m
    if w == "percentage" and k + 1 < len(toks) and toks[k + 1].low == "point":
        return "percentage points", k + 2
    if w in ("cents", "cent") and not (k > 0 and toks[k - 1].low == "per"):
        return "cents", k + 1
    if w == "x" and glued(toks, k) and not (k + 1 < len(toks) and glued(toks, k + 1)):
        return "multiple", k + 1  # "2.5x"
    if w == "of" and k + 1 < len(toks) and toks[k + 1].low in ("dollars", "euros", "pounds"):
        return CURRENCY_WORDS[toks[k + 1].low], k + 2  # "two billions of dollars"
    if w in _UNIT_MODIFIERS and k + 1 < len(toks) and toks[k + 1].low in MEASURE_UNITS:
        return _UNIT_MODIFIERS[w] + MEASURE_UNITS[toks[k + 1].low], k + 2
    if w == "per" and k + 1 < len(toks) and toks[k + 1].low == "cent":
        return "percent", k + 2
    if w == "percentage" and k + 1 < len(toks) and toks[k + 1].low == "points":
        return "percentage points", k + 2
    if w in ("us", "u") and k + 1 < len(toks):  # "US dollars", "U.S. dollars"
        m = k + 1
        while m < len(toks) and toks[m].text in ".S" and m < k + 4:
            m += 1
        if m < len(toks) and toks[m].low in ("dollars", "dollar"):
            return "USD", m + 1
        if (
            m + 1 < len(toks)
            and toks[m].low in _UNIT_MODIFIERS
            and toks[m + 1].low in MEASURE_UNITS
        ):
            return _UNIT_MODIFIERS[toks[m].low] + MEASURE_UNITS[toks[m + 1].low], m + 2
    if w in CURRENCY_WORDS:
        return CURRENCY_WORDS[w], k + 1
    if w in TIME_UNITS:
        if k + 2 < len(toks) and toks[k + 1].text in _HYPHENS and toks[k + 2].low == "over":
            return "", k  # "$310 million year-over-year": a comparison, not a duration
        return TIME_UNITS[w], k + 1
    if w == "-" and glued(toks, k) and k + 1 < len(toks) and glued(toks, k + 1):
        u = toks[k + 1].low
        if u in TIME_UNITS:
            return TIME_UNITS[u], k + 2
    if w in MEASURE_UNITS:
        return MEASURE_UNITS[w], k + 1
    if w == "square" and k + 1 < len(toks) and toks[k + 1].low in MEASURE_UNITS:
        return "square " + MEASURE_UNITS[toks[k + 1].low], k + 2
    return "", k


_HYPHENS = frozenset("-‐‑")
#: what may stand between an amount and "share" ("$0.17 per diluted share")
_SHARE_WORDS = frozenset(["diluted", "basic", "common", "adjusted"])


def per_share(toks: list[Tok], k: int) -> int:
    """Token index after "per share" / "a diluted share" at ``k``, or ``k`` when absent."""
    if k < len(toks) and toks[k].low in ("per", "a"):
        m = k + 1
        while m < len(toks) and toks[m].low in _SHARE_WORDS and m < k + 3:
            m += 1
        if m < len(toks) and toks[m].low == "share":
            return m + 1
    return k


_DOLLARS = {
    "us": "USD",
    "c": "CAD",
    "a": "AUD",
    "s": "SGD",
    "r": "BRL",
    "nz": "NZD",
    "hk": "HKD",
    "nt": "TWD",
    # the dollars of the Caribbean, Africa and the Pacific ("L$100", "TT$500,000", "EC$2")
    "l": "LRD",
    "tt": "TTD",
    "j": "JMD",
    "ec": "XCD",
    "bds": "BBD",
    "bz": "BZD",
    "g": "GYD",
    "n": "NAD",
    "b": "BSD",
    "fj": "FJD",
    "si": "SBD",
    "ws": "WST",
}


def currency_before(toks: list[Tok], i: int) -> tuple[str, int]:
    """Currency sign or code written before the number at token ``i``: ``(unit, start)``."""
    if i == 0:
        return "", i
    p = toks[i - 1]
    if p.low in CURRENCY_SIGNS:
        k = i - 1
        if p.text == "$" and k > 0 and toks[k - 1].low in _DOLLARS and glued(toks, k):
            k -= 1
            return _DOLLARS[toks[k].low], k
        return CURRENCY_SIGNS[p.low], k
    return "", i
