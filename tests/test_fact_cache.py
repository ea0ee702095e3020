"""FactCache: its keys give back what a fresh reading gives."""

from trendkz.facts.cache import FactCache
from trendkz.facts.extract import _fact_tuples

SENTENCES = [
    "In 2021 there were 50 cases, compared with 40 in 2020.",
    "Last year, 12 websites were blocked and more than 600 nationals returned.",
    "Revenue rose 5% to $1.2 billion; 19 – in the Aktobe region.",
]


def test_cached_readings_equal_fresh_ones_across_years():
    cache = FactCache()
    for year in (2020, 2021, 2020):  # the same text under other years, then again
        for text in SENTENCES:
            context_a: dict = {}
            context_b: dict = {}
            got = _fact_tuples(text, year, context_a, False, cache)
            want = _fact_tuples(text, year, context_b, False, FactCache())
            assert got == want
            assert context_a == context_b


def test_quantities_are_kept_by_text_and_remade_when_periods_differ():
    cache = FactCache()
    text = SENTENCES[1]  # "Last year": its period depends on the report's year
    a = cache.read(text, 2020).quantities
    assert cache.read(text, 2020).quantities is a  # same text, same period spans: reused
    assert cache.read(text, 2021).quantities is not None
    assert text in cache.matches and text in cache.quantities


def test_measures_are_kept_by_text_and_context():
    cache = FactCache()
    text = SENTENCES[1]
    context: dict = {}
    first = cache.read(text, 2020).measures(context)
    after = dict(context)
    context2: dict = {}
    assert cache.read(text, 2020).measures(context2) == first
    assert context2 == after
    assert (text, ()) in cache.measures
