"""Stories: consecutive changed sentences of one passage, told as one digest item.

A reader lists a story, not its sentences: "the CPT reported on its visit" is one change,
whether the report tells it in one sentence or three. :func:`stories` folds the sentence
items of a pair (``sentence added``, ``sentence changed`` and the facts that moved on the
later document's side, ``sentence removed`` on the earlier's) into one item when their
sentences

- follow each other in the document (no unchanged sentence between them),
- stand in the same section and the same paragraph (no blank line between them), and
- are on the same topic: every sentence of their paragraph changed (a new or rewritten
  paragraph), or the later one opens by pointing back ("It", "They", "This", "The
  report" where the sentence before named a report, "Due to", ...), or it shares a word
  with the story (the first :data:`STEM` letters) that the document uses at most
  :data:`RARE` times,

at most :data:`STORY_MAX` sentences and :data:`STORY_CHARS` characters each. Dropped
sentences beside the earlier place of a reworded sentence (in its paragraph, on its
topic) join the reworded sentence's story: a passage rewritten is one change. The item
keeps the kind and headline of its strongest item (a fact's, when a fact outweighs its
sentence) and its score (a story is as strong as its strongest sentence: more
sentences are no more news, measured on the tuned pairs) and cites the
whole passage: from its first sentence's start to its last one's end, on each side where
its sentences have one (``body[start:end] == quote``, the quote not trimmed; on the other
side of reworded sentences, the strongest one's sentence when the passage there would be
longer than :data:`STORY_CHARS`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ..terms.keyness import tokenize

__all__ = ["RARE", "STORY_CHARS", "STORY_MAX", "stories"]

STORY_MAX = 4  # sentences in one story
STORY_CHARS = 800  # characters a story's citation may span
RARE = 5  # a word the document uses at most this often names a topic
_SIDE = {"sentence added": "to", "sentence changed": "to", "sentence removed": "from",
         "fact moved": "to", "qualifier changed": "to"}  # fmt: skip
#: openings that point back to the sentence before
_BACK = frozenset(
    "it its they their them this these that those he she his her such also additionally"
    " moreover furthermore however nevertheless due consequently subsequently later"
    " thereafter therefore thus".split()
)
STEM = 6  # words are compared by their first letters ("resettle", "resettlement")
_BLANK = re.compile(r"\n[ \t]*\n")


class _Doc:
    """One document's sentences, their words and how often it uses each word."""

    def __init__(self, bodies, doc: str):
        self.body = bodies.body(doc)
        self.spans = bodies.sentences(doc)
        self.starts = [s for s, _ in self.spans]
        self.bodies, self.doc = bodies, doc
        self._counts: Counter | None = None

    @property
    def counts(self) -> Counter:
        if self._counts is None:
            self._counts = Counter(t[:STEM] for t in tokenize(self.body))
        return self._counts

    def index(self, span) -> int | None:
        i = bisect.bisect_right(self.starts, span[0]) - 1
        return i if i >= 0 and self.spans[i][0] <= span[0] < self.spans[i][1] else None

    def joined(self, a: int, b: int) -> bool:
        """Whether sentences ``a`` and ``b = a + 1`` stand in one paragraph and section."""
        (s0, e0), (s1, _) = self.spans[a], self.spans[b]
        same = self.bodies.section_span(self.doc, s0) == self.bodies.section_span(self.doc, s1)
        return same and not _BLANK.search(self.body[e0:s1])

    def paragraph(self, i: int) -> range:
        """The sentences of the paragraph that holds sentence ``i``."""
        a, b = i, i
        while a > 0 and self.joined(a - 1, a):
            a -= 1
        while b + 1 < len(self.spans) and self.joined(b, b + 1):
            b += 1
        return range(a, b + 1)

    def on_topic(self, told: set, b: int) -> bool:
        """Whether sentence ``b`` goes on with a story whose words are ``told``."""
        s, e = self.spans[b]
        words = re.findall(r"[\w’'-]+", self.body[s:e][:60].lower())
        if words and words[0] in _BACK:
            return True
        if (
            len(words) > 1
            and words[0] in ("the", "this", "these", "that")
            and (words[1][:STEM] in told)
        ):
            return True
        mine = {t[:STEM] for t in tokenize(self.body[s:e])}
        return any(self.counts[w] <= RARE for w in mine & told)


def _words(d: _Doc, i: int) -> set:
    s, e = d.spans[i]
    return {t[:STEM] for t in tokenize(d.body[s:e])}


def _span(rows: list[dict], side: str):
    spans = [r[f"_sent_{side}"] for r in rows if r.get(f"_sent_{side}") is not None]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _merge(run: list[list[dict]]) -> dict:
    """One item for a story: ``run`` holds, per sentence, the rows that sentence gave."""
    rows = [r for rs in run for r in rs]
    best = max(rows, key=lambda r: r["score"])
    out = dict(best)
    out["score_detail"] = f"{best['score_detail']}; a story of {len(run)} sentences"
    item = dict(best.get("_item") or {})
    for side in ("from", "to"):
        span = _span(rows, side)
        if span is not None and span[1] - span[0] > STORY_CHARS:
            span = best.get(f"_sent_{side}")
        out[f"_sent_{side}"] = span
        item[f"span_{side}"] = span
    item["story"] = True
    out["_item"] = item
    out["_novel"] = set().union(*(r.get("_novel") or set() for r in rows))
    out["_members"] = rows  # what each sentence says (a restatement of one folds too)
    return out


def _join_dropped(runs: list, rows: list[dict], docs: dict, at: dict, bodies) -> None:
    """Dropped sentences beside the earlier place of a reworded one, in its paragraph
    and on its topic, join the reworded one's story (a passage rewritten: the resettlement
    paragraph that drops last year's group and restates the quota)."""
    owner: dict[tuple, int] = {}  # (earlier document, sentence) -> run of a reworded one
    said: dict[int, set] = {}  # what each such run's earlier sentences say
    for k, (_, _, run) in enumerate(runs):
        for n in (n for ns in run for n in ns):
            r = rows[n]
            if r["kind"] == "sentence changed" and r.get("_sent_from") is not None:
                doc = r["doc_from"]
                d = docs.get(doc) or docs.setdefault(doc, _Doc(bodies, doc))
                j = d.index(r["_sent_from"])
                if j is not None:
                    owner.setdefault((doc, j), k)
                    said.setdefault(k, set()).update(_words(d, j))
    if not owner:
        return
    for k, (doc, idx, run) in enumerate(runs):
        if not run or any(rows[n]["kind"] != "sentence removed" for ns in run for n in ns):
            continue
        d = docs[doc]
        told = set().union(*(_words(d, i) for i in idx))
        para = d.paragraph(idx[0])
        new = all((doc, p) in at or (doc, p) in owner for p in para)
        for j in (idx[0] - 1, idx[-1] + 1):
            host = owner.get((doc, j))
            if host is None or j not in para:
                continue
            if new or d.on_topic(said[host], idx[0]) or d.on_topic(told, j):
                runs[host][2].extend(run)
                runs[k] = (doc, idx, [])
                owner.update({(doc, i): host for i in idx})  # the next may join it too
                said[host] |= told
                break


def stories(rows: list[dict], bodies) -> list[dict]:
    """``rows`` with each story's sentence items folded into one (see the module docs);
    the other rows as they were, in their order (a story takes its first one's place)."""
    docs: dict[str, _Doc] = {}
    at: dict[tuple, list[int]] = {}  # (doc, sentence index) -> its row numbers
    for n, r in enumerate(rows):
        side = _SIDE.get(r["kind"])
        span = r.get(f"_sent_{side}") if side else None
        if span is None:
            continue
        doc = r[f"doc_{side}"]
        d = docs.get(doc) or docs.setdefault(doc, _Doc(bodies, doc))
        i = d.index(span)
        if i is not None:
            at.setdefault((doc, i), []).append(n)
    if len(at) < 2:
        return rows
    runs: list[tuple[str, list[int], list[list[int]]]] = []  # doc, sentences, their rows
    done: set[tuple] = set()
    for doc, i in sorted(at):
        if (doc, i) in done:
            continue
        d, run, told, j = docs[doc], [at[(doc, i)]], _words(docs[doc], i), i
        new = all((doc, k) in at for k in d.paragraph(i))  # a new (or rewritten) paragraph
        while len(run) < STORY_MAX and (doc, j + 1) in at and d.joined(j, j + 1):
            if d.spans[j + 1][1] - d.spans[i][0] > STORY_CHARS:
                break
            if not (new or d.on_topic(told, j + 1)):
                break
            j += 1
            run.append(at[(doc, j)])
            done.add((doc, j))
            told |= _words(d, j)
        runs.append((doc, list(range(i, j + 1)), run))
    _join_dropped(runs, rows, docs, at, bodies)
    folded = {min(n for ns in run for n in ns): run for _, _, run in runs if len(run) > 1}
    taken = {n for run in folded.values() for ns in run for n in ns}
    out = []
    for n, r in enumerate(rows):
        if n in folded:
            out.append(_merge([[rows[k] for k in ns] for ns in folded[n]]))
        elif n not in taken:
            out.append(r)
    return out
