"""``FactCache``: what reading a sentence gives that can be kept for the sentences that recur.

A report repeats much of the year before, and :func:`trendkz.facts.extract.extract_facts`
keeps one cache per entity and series (so memory stays bounded). Three tables, each with a
documented key and a check that what is returned was made from the same input:

==================  =====================================  ===================================
table               key                                    value (and when it is reused)
==================  =====================================  ===================================
``matches``         sentence text                          the period matches of the text
                                                           (they do not depend on the year)
``quantities``      sentence text                          ``(quantities, period spans used,
                                                           has a fact)``; reused when no
                                                           period was asked for, or the
                                                           sentence's periods under this
                                                           report's year have the same spans
``measures``        ``(sentence text, context before)``    ``(quantities, measures, context
                    (the context as a tuple of items)      after)``; reused when made from the
                                                           very same quantities object
==================  =====================================  ===================================

Values are tuples of plain values where they can be: the garbage collector skips those.
"""

from __future__ import annotations

from .measures import name_measures
from .numbers import Tok, tokenize
from .periods import Period, period_matches, resolve_periods
from .quantities import Quantity, find_quantities

__all__ = ["FactCache", "Reading"]


def _spans(periods: list[Period]) -> tuple[tuple[int, int], ...]:
    return tuple([(p.start, p.end) for p in periods])


class Reading:
    """One sentence read under one report year: its periods (found only when asked for),
    tokens (made only when needed) and quantities."""

    __slots__ = ("_periods", "_toks", "cache", "has_fact", "quantities", "text", "year")

    def __init__(self, cache: FactCache, text: str, year: int) -> None:
        self.cache, self.text, self.year = cache, text, year
        self._periods: list[Period] | None = None
        self._toks: list[Tok] | None = None
        self.quantities, self.has_fact = cache.quantities_of(self)

    def periods(self) -> list[Period]:
        """The sentence's periods under the report's year (computed once)."""
        if self._periods is None:
            self._periods = resolve_periods(
                self.text, self.cache.period_matches(self.text), self.year
            )
        return self._periods

    def toks(self) -> list[Tok]:
        if self._toks is None:
            self._toks = tokenize(self.text)
        return self._toks

    def measures(self, context: dict | None) -> list[str]:
        return self.cache.measures_of(self, context)


class FactCache:
    """The three tables of the module docstring; :meth:`read` gives a :class:`Reading`."""

    def __init__(self) -> None:
        self.matches: dict[str, tuple] = {}
        self.quantities: dict[str, tuple] = {}
        self.measures: dict[tuple, tuple] = {}

    def read(self, text: str, year: int) -> Reading:
        return Reading(self, text, year)

    def period_matches(self, text: str) -> tuple:
        """Key: the text. Period matches do not depend on the year."""
        matches = self.matches.get(text)
        if matches is None:
            matches = self.matches[text] = period_matches(text)
        return matches

    def quantities_of(self, r: Reading) -> tuple[list[Quantity], bool]:
        """Key: the text; reused when made with no periods or with the same period spans."""
        known = self.quantities.get(r.text)
        if known is not None and known[1] is not None and known[1] != _spans(r.periods()):
            known = None  # made with other periods
        if known is not None:
            return known[0], known[2]
        asked: list[bool] = []

        def periods_once() -> list[Period]:
            asked.append(True)
            return r.periods()

        quantities = find_quantities(r.text, periods_once, toks=r.toks())
        has_fact = any(q.is_fact for q in quantities)
        self.quantities[r.text] = (quantities, _spans(r.periods()) if asked else None, has_fact)
        return quantities, has_fact

    def measures_of(self, r: Reading, context: dict | None) -> list[str]:
        """Key: ``(text, context before)``; reused when made from the same quantities (the
        context is then set to what it was after)."""
        if context is None:
            return name_measures(r.toks(), r.quantities)
        before = tuple(context.items())
        known = self.measures.get((r.text, before))
        if known is not None and known[0] is r.quantities:
            context.clear()
            context.update(known[2])
            return list(known[1])
        measures = name_measures(r.toks(), r.quantities, context=context)
        self.measures[r.text, before] = (r.quantities, tuple(measures), tuple(context.items()))
        return measures
