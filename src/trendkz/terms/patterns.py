"""Lexicon pattern syntax compiled to regular expressions, and the literal needles that let
:meth:`trendkz.Lexicon.find` skip text no pattern can match. The syntax is described in
:mod:`trendkz.terms.lexicon`."""

from __future__ import annotations

import re

from .._core.errors import InputError

__all__ = ["compile_pattern", "fold"]

#: the characters outside ASCII that the regex engine, ignoring case, takes for ASCII letters
_ODD = "\u0131\u017f\u212a"  # İ (U+0130) lengthens under lower(), seen from the length
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """Text lower-cased the way matching ignores case, position for position.

    The one case policy of lexicon matching: the literal prefilter compares ``fold(text)``
    with lower-cased ASCII needles, and the regex ignores case; ``fold`` maps every character
    that the regex takes for an ASCII letter (``İ``, ``ı``, ``ſ``, the Kelvin sign) to it, so
    the prefilter never rules out text the regex would match, and offsets stay the same
    (``str.casefold`` turns ``İ`` into two characters)."""
    folded = text.lower()
    if text.isascii() or len(folded) == len(text) and not any(c in text for c in _ODD):
        return folded
    return text.translate(_TO_ASCII).lower()


_HYPHENS_RAW = "-\u2010\u2011"
_HYPHENS = "\\-\u2010\u2011"  # inside a character class
_SEP = f"[\\s{_HYPHENS}]+"  # what a space in a pattern matches
GAP_SEP = r"[^\w.!?;:]+"  # between words of a '...' gap: no sentence punctuation
GAP = rf"(?:{GAP_SEP}[\w'’{_HYPHENS}]+){{0,6}}?"  # '...': up to six words


def compile_pattern(pattern: str) -> str:
    """The regular expression (without word boundaries) for one lexicon pattern or hedge
    cue; the syntax is in the module docstring."""
    words = pattern.strip().split()
    if not words or words[0] == "..." or words[-1] == "..." or words.count("...") > 1:
        raise InputError(
            f"pattern {pattern!r}: write words, with at most one '...' between two of them"
        )
    pieces: list[str] = []
    after_gap = False
    for idx, w in enumerate(words):
        if w != "..." and not w.strip("*" + _HYPHENS_RAW):
            raise InputError(
                f"pattern {pattern!r}: the word {w!r} has no letter, digit or sign of its own, "
                "so it would match empty text or any word; write the word ('extremis*')"
            )
        if w == "...":
            pieces.append(GAP)
            after_gap = True
            continue
        if idx:
            pieces.append(GAP_SEP if after_gap else _SEP)
        pieces.append(_word_regex(w))
        after_gap = False
    return "".join(pieces)


def _word_regex(word: str) -> str:
    """A word's regex, matched in time linear in the word's length.

    A word ``c0*c1*...*ck`` (the ``c`` literal pieces, runs of ``*`` taken as one) becomes
    ``c0`` then, for each middle piece, ``(?>\\w*?ci)``: the nearest place ``ci`` occurs,
    never revisited (the nearest is always a right choice for whole-word matching), then
    ``\\w*?ck(?!\\w)``, or ``\\w*+`` for a trailing ``*``. Nested wildcards thus never
    backtrack into each other (``***x`` or ``*a*a*a*b`` on a 2,000-letter word)."""
    pieces = re.sub(r"\*+", "*", word).split("*")
    if len(pieces) == 1:
        return _literal_regex(word)
    out = [_literal_regex(pieces[0] + "*")]  # the '*' kept for the iz/is rule
    for middle in pieces[1:-1]:
        out.append(rf"(?>\w*?{_literal_regex(middle + '*')})")
    last = pieces[-1]
    out.append(rf"\w*?{_literal_regex(last)}(?!\w)" if last else r"\w*+")
    return "".join(out)


def _literal_regex(word: str) -> str:
    parts = []
    for i, ch in enumerate(word):
        if ch == "*":  # a wildcard at a piece's edge, seen for the iz/is rule only
            continue
        elif ch in _HYPHENS_RAW:
            parts.append(f"[{_HYPHENS}]?")
        elif ch in "'’":
            parts.append("['’]")
        elif (
            ch in "zZ"
            and i
            and word[i - 1] in "iI"
            and word[i + 1 : i + 2]
            and (word[i + 1] in "aeiouAEIOU*")
        ):
            parts.append("[sz]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def needles(patterns: list[str]) -> list[str] | None:
    """Literal strings (case-folded) such that every match of any pattern contains one;
    None when some pattern has no literal part of three ASCII characters or more.

    A pattern's needle is the part it shares with another pattern's needle if it can
    ("counter-terror*" uses "terror", needed for "terrorism" anyway), else its last part
    of four or more characters (the head noun: "foreign fighter*" uses "fighter", rarer
    than "foreign"), else its longest."""
    parts = []
    for p in patterns:
        split = re.split(r"[\s*'’\-\u2010\u2011]+|(?<=[iI])[zZ](?=[aeiouAEIOU*])", p)
        ok = [w.lower() for w in split if len(w) >= 3 and w.isascii()]
        if not ok:
            return None
        parts.append(ok)
    forced = {ok[0] for ok in parts if len(ok) == 1}
    chosen = set()
    for ok in parts:
        shared = [w for w in ok if any(w in f or f in w for f in forced)]
        long = [w for w in ok if len(w) >= 4]
        chosen.add(shared[-1] if shared else long[-1] if long else max(ok, key=len))
    return sorted(n for n in chosen if not any(m != n and m in n for m in chosen))


RUN_TEXT = re.compile(r"[\w*]+")  # the runs of word characters a pattern's text has
_RUN = re.compile(r"\w+")


def run_starts(text: str, k: int, n: int) -> list[int]:
    """Where the ``n`` runs of word characters ending with the run at ``k`` start."""
    reach = 24 * n
    while True:
        lo = max(0, k - reach)
        starts = [m.start() for m in _RUN.finditer(text, lo, k + 1)]
        if len(starts) > n or lo == 0:  # the first run found may be cut short at lo
            return starts[-n:]
        reach *= 4


def specificity(pattern: str) -> tuple[int, int]:
    """Sort key putting more specific patterns first: more words, then more letters."""
    words = re.split(r"[\s\-\u2010\u2011]+", pattern.strip())
    return (-len(words), -sum(len(w.replace("*", "")) for w in words))
