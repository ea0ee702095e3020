"""Entities settled across the documents of a folder, and doubts about them told.

A document's own evidence (see :mod:`trendkz.load.entities`) is read alone; here the
documents of one folder are read together:

- **Spellings of one name are joined**: names equal but for case, punctuation, "&" or a
  trailing legal word ("ACME", "Acme, Inc."), or one the other's first or last words ("Acme",
  "Acme Foods", "TD Acme") when the longer names that share them are one chain, take the
  spelling most documents use (ties: the longer).
- **A document whose cover lines name several organisations**, and whose first is a name no
  other document chose, takes the one most documents of the folder chose; when documents
  of the folder choose differently among organisations that one of them names together,
  the choice is doubtful. Countries' names are never respelt or joined.
- **A name only one document gives**, in a folder where most documents share their entity
  with others (a company's calls, a country's reports), is doubtful: often a misspelling, a
  renamed company or a neighbour named in a title.
- **No entity found**: the document takes its folder's (its series, else the folder's
  name); doubtful when other documents of that folder name their own.

Each doubtful document is named, with what was chosen, in one :class:`~trendkz.EntityWarning`.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import pairwise

from .._core.errors import EntityWarning
from .entities import LEGAL_FORMS, canonical_countries

__all__ = ["settle_entities"]

_TRAILING = re.compile(rf"(?:[\s,]+(?i:{'|'.join(LEGAL_FORMS)})\.?)+$")


def _key(name: str) -> str:
    """A name without case, trailing legal words or punctuation ("Acme-Foods, Inc." =
    "ACME FOODS")."""
    words = _PUNCT.sub(" ", _TRAILING.sub("", name).casefold()).split()
    return " ".join("and" if w == "&" else w for w in words)


_PUNCT = re.compile(r"[^\w&]+")


def _join_spellings(names: Counter) -> dict[str, str]:
    """Each name -> the spelling it is joined to (itself when none)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_key[_key(name)].append(name)
    keys = sorted(by_key)
    root = {k: k for k in keys}

    def find(k: str) -> str:
        while root[k] != k:
            k = root[k]
        return k

    for k in keys:  # a name joins the longer ones it starts, when they are one chain
        lo = bisect_left(keys, k + " ")
        hi = bisect_left(keys, k + "!")  # the names that start with k + " ", sorted
        longer = sorted(keys[lo:hi], key=len)
        if longer and all(b.startswith(a + " ") for a, b in pairwise(longer)):
            for o in longer:
                root[find(o)] = find(k)
    ends = sorted(k[::-1] for k in keys)  # and the longer ones it ends ("TD Acme", "Acme")
    for k in keys:
        r = k[::-1]
        longer = sorted(
            (o[::-1] for o in ends[bisect_left(ends, r + " ") : bisect_left(ends, r + "!")]),
            key=len,
        )
        if longer and all(b.endswith(" " + a) for a, b in pairwise(longer)):
            for o in longer:
                root[find(o)] = find(k)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[find(k)] += by_key[k]
    out = {}
    for members in groups.values():
        best = max(members, key=lambda n: (names[n], len(n), n))
        out.update({n: best for n in members})
    return out


def settle_entities(items: list[dict]) -> None:
    """Settle each document's entity against its folder's (see the module docstring); one
    warning names the doubtful ones."""
    doubts: list[tuple[str, str, str]] = []
    folders: dict[object, list[dict]] = defaultdict(list)
    for it in items:
        folders[it.get("_folder")].append(it)
    for docs in folders.values():
        _choose_among_named(docs, doubts)
        _fill_from_folder(docs, doubts)
        _singletons(docs, doubts)
    if doubts:
        _warn(doubts)


def _evidence(it: dict) -> bool:
    return bool(it["entity"]) and it.get("entity_source") not in ("manifest", "folder")


def _choose_among_named(docs: list[dict], doubts: list) -> None:
    named = [it for it in docs if _evidence(it)]
    if not named:
        return
    canonical = canonical_countries()  # a country's name is never respelt
    spelling = _join_spellings(
        Counter(
            n for it in named for n in {it["entity"], *it.get("_names", ())} if n not in canonical
        )
    )
    for it in named:
        it["entity"] = spelling.get(it["entity"], it["entity"])
        it["_names"] = tuple(dict.fromkeys(spelling.get(n, n) for n in it.get("_names", ())))
    chosen = Counter(it["entity"] for it in named)
    for it in named:
        names = it["_names"]
        if len(names) > 1 and chosen[it["entity"]] == 1:  # a name no other document chose:
            # the organisation it names that most documents of the folder chose
            it["entity"] = max(names, key=lambda n: (chosen[n], -names.index(n)))
    chosen = Counter(it["entity"] for it in named)
    rival: dict[str, str] = {}  # chosen name -> another chosen name a document names beside it
    for it in named:
        for n in it["_names"]:
            if n != it["entity"] and chosen[n]:
                rival.setdefault(it["entity"], n)
                rival.setdefault(n, it["entity"])
    for it in named:
        if it["entity"] in rival:
            why = f"documents here name both it and {rival[it['entity']]!r}"
            doubts.append((it["source"], it["entity"], why))


def _fill_from_folder(docs: list[dict], doubts: list) -> None:
    has_named = any(_evidence(it) for it in docs)
    for it in docs:
        if it["entity"]:
            continue
        folder = it.get("_folder")
        if it["series"] or folder:
            it["entity"] = it["series"] or folder
            it["entity_source"] = "folder"
            if has_named:
                doubts.append((it["source"], it["entity"], "names no entity: the folder's"))


def _singletons(docs: list[dict], doubts: list) -> None:
    named = [it for it in docs if _evidence(it)]
    counts = Counter(it["entity"] for it in docs)
    shared = sum(counts[it["entity"]] > 1 for it in named)
    if len(docs) < 4 or shared * 2 < len(named):
        return  # a folder of one document per entity: a single name is the rule
    for it in named:
        if counts[it["entity"]] == 1:
            doubts.append((it["source"], it["entity"], "the only document with this name"))


def _warn(found: list[tuple[str, str, str]]) -> None:
    why: dict[tuple[str, str], list[str]] = {}  # one line per document, its reasons joined
    for src, ent, reason in sorted(found):
        why.setdefault((src, ent), []).append(reason)
    doubts = [(src, ent, "; ".join(rs)) for (src, ent), rs in why.items()]
    shown = [f"{src} -> {ent!r} ({why})" for src, ent, why in doubts[:40]]
    more = f"\n  … {len(doubts) - 40} more" if len(doubts) > 40 else ""
    warnings.warn(
        EntityWarning(
            f"{len(doubts)} document(s) have an entity read from weak or conflicting "
            "evidence (shown with the reason); documents of one entity form its series, so "
            "check them, or give entities in a manifest (columns file,entity):\n  "
            + "\n  ".join(shown)
            + more,
            documents=tuple(d[0] for d in doubts),
            entities={d[0]: d[1] for d in doubts},
            reasons={d[0]: d[2] for d in doubts},
        ),
        stacklevel=5,
    )
