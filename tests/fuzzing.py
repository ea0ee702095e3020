"""Shared pieces of the fuzz suite (tests/test_fuzz_*.py): hostile text, example counts.

Each entry point has a CI-sized test and a ``slow`` twin running :data:`SLOW` examples
(``pytest --run-slow -m slow tests/test_fuzz_*.py``, or ``TRENDKZ_SLOW=1``)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: examples per entry point in the slow mode (TRENDKZ_SLOW_EXAMPLES overrides it)
SLOW = int(os.environ.get("TRENDKZ_SLOW_EXAMPLES", "10000"))

_COMMON = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def ci(n: int = 40):
    """Settings of a CI-sized fuzz test."""
    return settings(max_examples=n, **_COMMON)


def slow():
    """Settings of a slow-mode fuzz test."""
    return settings(max_examples=SLOW, **_COMMON)


#: pieces hostile or careless text is made of: superscripts, circled numbers, controls,
#: markup, entities, odd spaces and case, numbers in many shapes, headings, long runs
NASTY = [
    "12,000⁴",
    "600²",
    "45%³",
    "10⁶",
    "①",
    "⑳",
    "¹²³",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\r\n",
    "\r",
    "\f",
    "\u200b",
    "\u00a0",
    "\ufeff",
    "\u202e",
    "e\u0301",
    "İstanbul",
    "ı",
    "ß",
    "ﬁ",
    "\u212a",
    "😀",
    "&#8220;",
    "&#x41;",
    "&amp;",
    "&#99999999;",
    "<html>",
    "<script>x</script>",
    "<p>",
    "1.5e10",
    "$15 million",
    "-3",
    "−4.5",
    "½",
    "1/2",
    "2019–2020",
    "0000",
    "9999",
    "20190",
    "nine hundred",
    "dozens",
    "more than 300",
    "about 1,200",
    "%",
    "## Heading",
    "\n\n1. Introduction\n\n",
    "\n\nSection 2\n",
    "*",
    "...",
    "[12]",
    "a" * 300,
    "ab" * 150,
    "In 2019, the ministry opened 40 new schools.",
    "Terrorism and violent extremism rose.",
    "so-called extremists",
    "“quoted” ‘words’",
    " ",
    "\n",
]

WORDS = st.sampled_from(
    "the a of in year report ministry people were detained arrested schools percent "
    "million thousand more than about under terrorism extremist extremism radical "
    "violent government court police".split()
)

PIECES = st.one_of(
    st.sampled_from(NASTY),
    WORDS,
    st.text(max_size=12),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)

#: hostile text: up to 80 pieces joined by spaces or nothing
HOSTILE = st.builds(
    lambda parts, sep: sep.join(parts),
    st.lists(PIECES, max_size=80),
    st.sampled_from([" ", "", "\n", ". "]),
)

#: hostile text that still names a year early on, so loading can go on to later stages
WITH_YEAR = HOSTILE.map(lambda t: "Annual report 2019\n\nIn 2019 the report says this. " + t)
