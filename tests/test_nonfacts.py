from hypothesis import given
from hypothesis import strategies as st

from trendkz.facts.nonfacts import PRE_PATTERNS, pre_patterns

_TEXT = st.lists(
    st.sampled_from(
        [
            "2019",
            "12",
            "+7",
            "(727)",
            "250-10-20",
            "10:30",
            "3 p.m.",
            "3 P.M.",
            "[12]",
            "2019-05-01",
            "11.07.2019",
            "5/6/2020",
            "www.",
            "a@b.kz",
            ".gov",
            " ",
            "-",
            ":",
            "(",
            "+",
            "m.",
            "x",
            "1-234-56-78",
            "\u00a0",
        ]
    ),
    max_size=10,
).map("".join)


@given(_TEXT)
def test_pre_patterns_never_skip_a_pattern_that_matches(text):
    tried = pre_patterns(text, True)
    for kind, pattern in PRE_PATTERNS:
        if (kind, pattern) not in tried:
            assert pattern.search(text) is None, kind
