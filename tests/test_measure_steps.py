"""name_measures in three steps (noun, verb, context), each tested on its own."""

from trendkz.facts.measures import _State, context_step, noun_step, verb_step
from trendkz.facts.numbers import tokenize
from trendkz.facts.quantities import find_quantities
from trendkz.facts.subjects import np_before


def _setup(text):
    toks = tokenize(text)
    qs = [q for q in find_quantities(text, toks=toks) if q.is_fact]
    from trendkz.facts.chunks import read_np

    nps = [read_np(toks, q.after) for q in qs]
    return toks, qs, nps


def test_noun_step_reads_after_the_number_first():
    toks, qs, nps = _setup("The KNB disrupted three terrorist attacks.")
    words, *_ = noun_step(toks, qs, nps, 0)
    assert words == ["terrorist", "attacks"]


def test_noun_step_reads_before_an_amount_over_a_link():
    toks, qs, nps = _setup("Net sales in our citrus segment decreased $7 million.")
    assert noun_step(toks, qs, nps, 0)[0] == ["net", "sales"]
    toks, qs, nps = _setup("We had an operating margin of 9% this quarter.")
    assert noun_step(toks, qs, nps, 0)[0][-1] == "margin"
    assert np_before(toks, qs[0].first) == ["operating", "margin"]


def test_noun_step_drops_a_change_noun():
    toks, qs, nps = _setup("It was a 30 basis point improvement.")
    assert noun_step(toks, qs, nps, 0)[0] == []


def test_np_before_needs_a_link():
    toks = tokenize("Revenue $5 million")
    assert np_before(toks, 1) == []
    toks = tokenize("Number of appeals received in Fiscal Year: 3.")
    assert np_before(toks, len(toks) - 2)[:2] == ["number", "of"] or np_before(toks, len(toks) - 2)


def test_verb_step_folds_and_drops_change_verbs():
    toks, qs, nps = _setup("Police detained 40 protesters.")
    state = _State({})
    verb, _ = verb_step(toks, qs[0], "protesters", nps[0][1], None, (None, None), state)
    assert verb == "detained"
    toks, qs, nps = _setup("Sales increased 5%.")
    verb, _ = verb_step(toks, qs[0], "", nps[0][1], None, (None, None), _State({}))
    assert verb == ""  # the direction column says "up"


def test_context_step_takes_the_measure_before():
    toks, qs, _ = _setup("A dividend of $0.40 per share, an increase of $0.04.")
    state = _State({}, prev_measure="dividend")
    assert context_step(qs[1], "", "", state) == "dividend"
    assert context_step(qs[1], "dividend", "", state) is None  # has its own noun
