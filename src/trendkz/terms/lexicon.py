"""Term lexicons for framing analysis: :class:`Lexicon`, the built-in lexicons, hedge cues.

A lexicon maps **terms** (the names you count by, e.g. ``"violent extremism"``) to
**patterns** (the ways a term is written). Pattern syntax, kept small enough to write by
hand:

- matching ignores case, and a pattern matches whole words only (``terrorism`` does not
  match inside ``counterterrorism``);
- ``*`` stands for any further word characters: ``extremist*`` matches ``extremist``,
  ``extremists``; ``counter-terror*`` matches ``counterterrorism``, ``counter-terrorist``;
- a space matches any run of white space (line breaks included) or a hyphen:
  ``violent extremist*`` also matches ``violent-extremist``;
- a hyphen matches a hyphen or nothing: ``counter-terror*`` also matches
  ``counterterrorism``. (It does not match a space: "to counter terrorist funding" is a
  verb and a noun, not "counter-terrorism". Write ``counter terror*`` if you want that.)
- every word of a pattern holds a letter, digit or sign of its own: ``*``, ``-`` or
  ``violent *`` are refused (they would match empty text or any word). Wildcards match in
  time linear in a word's length, however many a pattern has (``*a*a*b``);
- British and American spellings: ``iz`` before a vowel or ``*`` also matches ``is``
  (``radicalization`` matches ``radicalisation``); an apostrophe matches ``'`` and ``’``.

Overlaps are resolved **leftmost, then longest**: at each position the most specific
pattern wins (more words first, then more letters), and a stretch of text counts once. So
"violent extremism" is one hit of the term ``violent extremism`` and not also one of
``extremism``.

Hedge cues (:data:`HEDGES`) use the same syntax, plus ``...`` for a gap of up to six words
within the sentence (``described ... as`` matches "described the unrest in January as").

Lexicon files are plain text, one term per line::

    # comments start with '#'
    violent extremism: violent extremism*, violent extremist*
    extremism: extremism*, extremist*
    jihad*                      # a line without ':' is a term that is its own pattern

    [hedges]                    # optional: replaces the default hedge cues
    so-called
    what ... considers
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import cast

from .._core.errors import InputError, OptionError, where
from .hedges import HEDGES
from .patterns import (
    GAP,
    GAP_SEP,
    RUN_TEXT,
    compile_pattern,
    fold,
    needles,
    run_starts,
    specificity,
)

__all__ = ["BUILTIN", "HEDGES", "Lexicon", "compile_pattern"]


#: Built-in lexicons: name -> data file (in ``trendkz/data``).
BUILTIN: dict[str, str] = {"counter-terrorism": "lexicon_ct.txt"}


class Lexicon:
    """Terms and the patterns that count as each.

    Parameters
    ----------
    terms
        A mapping ``term -> pattern or list of patterns``, or a list of terms that are
        their own patterns: ``Lexicon({"extremism": ["extremism", "extremist*"]})``,
        ``Lexicon(["jihad*", "caliphate"])``.
    hedges
        Hedge cues (same syntax, plus ``...``); default :data:`HEDGES`.
    name
        A label shown in ``repr``.

    Matching is case-insensitive, whole-word, leftmost-longest and non-overlapping; see
    the module docstring for the pattern syntax. A pattern may belong to one term only.
    """

    def __init__(
        self,
        terms: Mapping[str, str | Iterable[str]] | Iterable[str],
        *,
        hedges: Iterable[str] | None = None,
        name: str | None = None,
    ):
        if isinstance(terms, str):
            raise OptionError(
                "terms must be a mapping or a list of terms, not one string; "
                f"write Lexicon([{terms!r}])"
            )
        items = terms.items() if isinstance(terms, Mapping) else ((t, t) for t in terms)
        self._terms: dict[str, tuple[str, ...]] = {}
        owner: dict[str, str] = {}
        for term, pats in items:
            term = str(term).strip()
            pats = (pats,) if isinstance(pats, str) else tuple(pats)
            if not term:
                raise InputError("a lexicon term has an empty name")
            if term in self._terms:
                raise InputError(f"lexicon term {term!r} is given twice; merge its patterns")
            if not pats:
                raise InputError(f"lexicon term {term!r} has no patterns")
            for p in pats:
                key = " ".join(p.lower().split())
                if not key:
                    raise InputError(f"lexicon term {term!r} has an empty pattern")
                if "..." in key.split():
                    raise InputError(
                        f"pattern {p!r} of {term!r}: '...' is for hedge cues "
                        "only; list the phrases a term is written as"
                    )
                if key in owner:
                    raise InputError(
                        f"pattern {p!r} is given for both {owner[key]!r} and "
                        f"{term!r}; a pattern may belong to one term only"
                    )
                owner[key] = term
                compile_pattern(p)  # rejects empty and zero-width words now, not at first use
            self._terms[term] = tuple(" ".join(p.split()) for p in pats)
        self._hedges = tuple(HEDGES if hedges is None else hedges)
        self.name = name
        self._regex: re.Pattern | None = None
        self._owners: list[str] = []
        self._needles: list[str] | None = None
        self._runs = 0  # word runs a match spans at most (0: scan whole texts)
        self._hedge_regex: re.Pattern | None = None

    # -- constructors ------------------------------------------------------------------
    @classmethod
    def from_file(cls, path: str | Path, *, name: str | None = None) -> Lexicon:
        """Read a lexicon file (format in the module docstring)."""
        if not isinstance(path, (str, Path)):
            raise InputError(f"a lexicon file is a path, not {type(path).__name__}")
        path = Path(path)
        if path.exists() and not path.is_file():  # a folder; a FIFO would block forever
            raise InputError(f"{path}: not a regular file; name a lexicon text file")
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(
                f"{path}: cannot read lexicon file ({exc.strerror}); check the path"
            ) from exc
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: the lexicon file is not UTF-8 (bad byte at offset {exc.start}); "
                "re-save it as UTF-8"
            ) from None
        return cls._parse(text, source=str(path), name=name or path.stem)

    @classmethod
    def coerce(cls, value: object, *, option: str = "lexicon") -> Lexicon:
        """A :class:`Lexicon` from what a user may pass where a lexicon is taken.

        ``None`` → the built-in counter-terrorism lexicon; a ``Lexicon`` → itself; a
        mapping → ``Lexicon(mapping)`` (``term -> patterns``; the recorded form
        ``{"terms": {...}, "hedges": [...]}`` of :meth:`to_record` too); a string or path →
        the name of a built-in lexicon or a lexicon file.
        """
        if value is None:
            return cls.builtin()
        if isinstance(value, Lexicon):
            return value
        if isinstance(value, Mapping):
            if set(value) >= {"terms", "hedges"} and isinstance(value.get("terms"), Mapping):
                return cls(value["terms"], hedges=value["hedges"], name=value.get("name"))
            return cls(value)
        if isinstance(value, str) and value in BUILTIN:
            return cls.builtin(value)
        if isinstance(value, (str, PathLike)):
            path = Path(value)
            if not path.is_file():
                raise OptionError(
                    f"{option}={str(value)!r}: no such lexicon file (nor a built-in lexicon: "
                    + ", ".join(repr(n) for n in BUILTIN)
                    + "); give a path to a 'term: pattern, ...' file, a dict or a Lexicon"
                )
            return cls.from_file(path)
        raise OptionError(
            f"{option}={value!r} is not a lexicon; give a trendkz.Lexicon, a dict "
            "{'term': ['pattern', ...]}, a lexicon file path, or None for the built-in one"
        )

    def to_record(self) -> dict:
        """The lexicon's whole content as plain JSON data: ``{"name", "terms", "hedges"}``;
        :meth:`coerce` rebuilds an equal lexicon from it."""
        return {"name": self.name, "terms": self.to_dict(), "hedges": list(self._hedges)}

    @classmethod
    def builtin(cls, name: str = "counter-terrorism") -> Lexicon:
        """A lexicon bundled with trendkz; ``name`` is one of :data:`BUILTIN`."""
        if name not in BUILTIN:
            raise OptionError(
                f"name={name!r} is not a built-in lexicon; choose one of: "
                + ", ".join(repr(n) for n in BUILTIN)
            )
        text = resources.files("trendkz").joinpath("data", BUILTIN[name]).read_text("utf-8")
        return cls._parse(text, source=f"trendkz/data/{BUILTIN[name]}", name=name)

    @classmethod
    def _parse(cls, text: str, *, source: str, name: str | None) -> Lexicon:
        terms: dict[str, list[str]] = {}
        hedges: list[str] | None = None
        block = "terms"
        offset = 0
        for line in text.splitlines(keepends=True):
            here = where(source, text, offset)
            offset += len(line)
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                block = line[1:-1].strip().lower()
                if block not in ("terms", "hedges"):
                    raise InputError(f"{here}: unknown block [{block}]; use [terms] or [hedges]")
                if block == "hedges":
                    hedges = []
                continue
            if block == "hedges":
                hedges.append(line)  # type: ignore[union-attr]
                continue
            term, sep, rest = line.partition(":")
            term = term.strip()
            pats = [p.strip() for p in rest.split(",")] if sep else [term]
            if not term or any(not p for p in pats):
                raise InputError(f"{here}: expected 'term: pattern, pattern, ...', got {line!r}")
            if term in terms:
                raise InputError(f"{here}: term {term!r} was already defined above")
            terms[term] = pats
        if not terms:
            raise InputError(f"{source}: the lexicon defines no terms")
        try:
            return cls(terms, hedges=hedges, name=name)
        except InputError as exc:
            raise InputError(f"{source}: {exc}") from exc

    # -- inspection --------------------------------------------------------------------
    @property
    def terms(self) -> tuple[str, ...]:
        """Term names, in the order given."""
        return tuple(self._terms)

    @property
    def hedges(self) -> tuple[str, ...]:
        """Hedge cues."""
        return self._hedges

    def patterns(self, term: str) -> tuple[str, ...]:
        """The patterns of ``term``."""
        try:
            return self._terms[term]
        except KeyError:
            raise OptionError(
                f"term={term!r} is not in the lexicon; it has: "
                + ", ".join(repr(t) for t in self._terms)
            ) from None

    def to_dict(self) -> dict[str, list[str]]:
        """``term -> patterns``: ``Lexicon(lex.to_dict())`` rebuilds the lexicon."""
        return {t: list(p) for t, p in self._terms.items()}

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __contains__(self, term: object) -> bool:
        return term in self._terms

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Lexicon)
            and self._terms == other._terms
            and self._hedges == other._hedges
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        label = f"{self.name!r}, " if self.name else ""
        return f"Lexicon({label}{len(self)} terms: {', '.join(self._terms)})"

    # -- matching ----------------------------------------------------------------------
    @property
    def regex(self) -> re.Pattern:
        """One compiled alternation of every pattern, most specific first; group ``k``
        (1-based) is the ``k``-th pattern in that order, see :meth:`term_of`."""
        if self._regex is None:
            order = sorted(
                ((p, t) for t, ps in self._terms.items() for p in ps),
                key=lambda pt: specificity(pt[0]),
            )  # stable: ties keep given order
            self._owners = [t for _, t in order]
            self._needles = needles([p for p, _ in order])
            body = "|".join(f"({compile_pattern(p)})" for p, _ in order)
            firsts = {fold(p[0]) for p, _ in order}
            # a one-character lookahead lets the engine skip most positions cheaply; when
            # every pattern opens with a word character, "no word character before" is a
            # word boundary, which the engine tests faster than a lookbehind
            word_start = all(c.isalnum() for c in firsts)
            head = "\\b(?=[" + "".join(sorted(firsts)) + "])" if word_start else "(?<!\\w)"
            self._regex = re.compile(rf"{head}(?:{body})(?!\w)", re.IGNORECASE)
            if word_start:  # a match starts a word; its words have no gap ("...")
                self._runs = max(len(RUN_TEXT.findall(p)) for p, _ in order)
        return self._regex

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, term)`` of every hit in ``text``, leftmost-longest, in order.

        Texts that contain none of the patterns' literal parts are skipped before the
        regular expression runs (a substring test is some 20 times faster than a regex
        scan, and most text holds no term)."""
        regex = self.regex
        owners = self._owners
        if self._needles is not None:
            folded = fold(text)  # the regex's case policy, position for position
            if not any(n in folded for n in self._needles):
                return []
            if self._runs:
                return [
                    (m.start(), m.end(), owners[cast(int, m.lastindex) - 1])
                    for m in self._near_needles(text, folded)
                ]
        # every pattern is a group: a match has a last one
        return [
            (m.start(), m.end(), owners[cast(int, m.lastindex) - 1]) for m in regex.finditer(text)
        ]

    def _near_needles(self, text: str, folded: str) -> list[re.Match]:
        """``regex.finditer(text)``, trying only where a match can start.

        A match holds a needle (``folded`` is ``text`` case-folded, position for position)
        and spans at most ``_runs`` runs of word characters, the first of which it starts:
        so it starts at one of the ``_runs`` runs that end with a needle's run. Those
        starts are tried in order, as the scan would reach them."""
        at = []
        for n in self._needles or ():
            k = folded.find(n)
            while k >= 0:
                at.append(k)
                k = folded.find(n, k + 1)
        starts = sorted({s for k in at for s in run_starts(text, k, self._runs)})
        out: list[re.Match] = []
        pos = 0
        match = self.regex.match
        for s in starts:
            if s >= pos and (m := match(text, s)):
                out.append(m)
                pos = m.end()
        return out

    @property
    def hedge_regex(self) -> re.Pattern:
        """Compiled hedge cues. It matches by lookahead, so ``finditer`` reports a cue at
        every word where one starts (overlapping); ``m.end(1)`` is where the cue ends.
        Cues ``head ... tail`` sharing a head are merged so the nearest tail wins."""
        if self._hedge_regex is None:
            plain: list[str] = []
            gapped: dict[str, list[str]] = {}
            for cue in self._hedges:
                head, sep, tail = (" " + " ".join(cue.split()) + " ").partition(" ... ")
                if sep:
                    gapped.setdefault(head.strip(), []).append(tail.strip())
                else:
                    plain.append(cue)
            alts = [compile_pattern(c) for c in sorted(plain, key=specificity)]
            for head, tails in gapped.items():
                tail_rx = "|".join(compile_pattern(t) for t in sorted(tails, key=specificity))
                alts.append(f"{compile_pattern(head)}{GAP}{GAP_SEP}(?:{tail_rx})")
            body = "|".join(alts) or "(?!)"
            self._hedge_regex = re.compile(rf"(?<!\w)(?=((?:{body}))(?!\w))", re.IGNORECASE)
        return self._hedge_regex


def __getattr__(name: str) -> Lexicon:  # lazy, so importing trendkz reads no data file
    if name == "COUNTER_TERRORISM":
        lex = Lexicon.builtin("counter-terrorism")
        globals()[name] = lex
        return lex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
