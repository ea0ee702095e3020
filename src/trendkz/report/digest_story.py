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
    """One document's sentences, their paragraphs and words, and how often it uses each
    word (made once per document and kept on its :class:`Bodies`)."""

    def __init__(self, bodies, doc: str, counts: Counter | None = None):
        self.body = bodies.body(doc)
        self.spans = bodies.sentences(doc)
        self.starts = [s for s, _ in self.spans]
        self.bodies, self.doc = bodies, doc
        self._counts = counts
        self._para: list[int] | None = None
        self._bounds: dict[int, range] | None = None
        self._words: dict[int, set] = {}

    @classmethod
    def of(cls, bodies, doc: str, words: dict | None) -> _Doc:
        cache = bodies.cache.setdefault("story", {})
        if doc not in cache:
            counts: Counter | None = None
            if words is not None and doc in words:  # the digest's word counts, by stem
                counts = Counter()
                for t, n in words[doc].counts.items():
                    if "_" not in t:
                        counts[t[:STEM]] += n
            cache[doc] = cls(bodies, doc, counts)
        return cache[doc]

    @property
    def counts(self) -> Counter:
        if self._counts is None:
            self._counts = Counter(t[:STEM] for t in tokenize(self.body))
        return self._counts

    def index(self, span) -> int | None:
        i = bisect.bisect_right(self.starts, span[0]) - 1
        return i if i >= 0 and self.spans[i][0] <= span[0] < self.spans[i][1] else None

    @property
    def para(self) -> list[int]:
        """The paragraph number of each sentence: a new one at a blank line or section."""
        if self._para is None:
            out, n, last = [], 0, None
            for k, (s, _) in enumerate(self.spans):
                sec = self.bodies.section_span(self.doc, s)
                if k and (sec != last or _BLANK.search(self.body[self.spans[k - 1][1] : s])):
                    n += 1
                out.append(n)
                last = sec
            self._para = out
        return self._para

    def joined(self, a: int, b: int) -> bool:
        """Whether sentences ``a`` and ``b`` stand in one paragraph (and section)."""
        return self.para[a] == self.para[b]

    def paragraph(self, i: int) -> range:
        """The sentences of the paragraph that holds sentence ``i``."""
        if self._bounds is None:
            para = self.para
            first: dict[int, int] = {}
            last: dict[int, int] = {}
            for k, n in enumerate(para):
                first.setdefault(n, k)
                last[n] = k
            self._bounds = {n: range(first[n], last[n] + 1) for n in first}
        return self._bounds[self.para[i]]

    def words(self, i: int) -> set:
        """The words of sentence ``i`` (their first :data:`STEM` letters)."""
        if i not in self._words:
            s, e = self.spans[i]
            self._words[i] = {t[:STEM] for t in tokenize(self.body[s:e])}
        return self._words[i]

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
        return any(self.counts[w] <= RARE for w in self.words(b) & told)


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


def _join_dropped(runs: list, rows: list[dict], docs: dict, at: dict, bodies, words) -> None:
    """Dropped sentences beside the earlier place of a reworded one, in its paragraph
    and on its topic, join the reworded one's story (a passage rewritten: the resettlement
    paragraph that drops last year's group and restates the quota)."""
    owner: dict[tuple, int] = {}  # (earlier document, sentence) -> run of a reworded one
    said: dict[int, list] = {}  # each such run's earlier sentences
    for k, (_, _, run) in enumerate(runs):
        for n in (n for ns in run for n in ns):
            r = rows[n]
            if r["kind"] == "sentence changed" and r.get("_sent_from") is not None:
                doc = r["doc_from"]
                d = docs.get(doc) or docs.setdefault(doc, _Doc.of(bodies, doc, words))
                j = d.index(r["_sent_from"])
                if j is not None:
                    owner.setdefault((doc, j), k)
                    said.setdefault(k, []).append(j)
    if not owner:
        return
    for k, (doc, idx, run) in enumerate(runs):
        if not run or any(rows[n]["kind"] != "sentence removed" for ns in run for n in ns):
            continue
        d = docs[doc]
        for j in (idx[0] - 1, idx[-1] + 1):
            host = owner.get((doc, j))
            if host is None or not (0 <= j < len(d.spans)) or not d.joined(j, idx[0]):
                continue
            para = d.paragraph(idx[0])
            new = all((doc, p) in at or (doc, p) in owner for p in para)
            told = set().union(*map(d.words, idx))
            host_told = set().union(*map(d.words, said[host]))
            if new or d.on_topic(host_told, idx[0]) or d.on_topic(told, j):
                runs[host][2].extend(run)
                runs[k] = (doc, idx, [])
                owner.update({(doc, i): host for i in idx})  # the next may join it too
                said[host].extend(idx)
                break


def stories(rows: list[dict], bodies, words: dict | None = None) -> list[dict]:
    """``rows`` with each story's sentence items folded into one (see the module docs);
    the other rows as they were, in their order (a story takes its first one's place).
    ``words``: each document's word counts (``DocWords``), when the caller has them."""
    docs: dict[str, _Doc] = {}
    at: dict[tuple, list[int]] = {}  # (doc, sentence index) -> its row numbers
    for n, r in enumerate(rows):
        side = _SIDE.get(r["kind"])
        span = r.get(f"_sent_{side}") if side else None
        if span is None:
            continue
        doc = r[f"doc_{side}"]
        d = docs.get(doc) or docs.setdefault(doc, _Doc.of(bodies, doc, words))
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
        d, run, j = docs[doc], [at[(doc, i)]], i
        new, told = None, None  # worked out when a next sentence asks
        while len(run) < STORY_MAX and (doc, j + 1) in at and d.joined(j, j + 1):
            if d.spans[j + 1][1] - d.spans[i][0] > STORY_CHARS:
                break
            if new is None:  # a new (or rewritten) paragraph: every sentence changed
                new = all((doc, k) in at for k in d.paragraph(i))
            if not new:
                told = told if told is not None else set().union(*map(d.words, range(i, j + 1)))
                if not d.on_topic(told, j + 1):
                    break
            j += 1
            run.append(at[(doc, j)])
            done.add((doc, j))
            if told is not None:
                told |= d.words(j)
        runs.append((doc, list(range(i, j + 1)), run))
    _join_dropped(runs, rows, docs, at, bodies, words)
    folded = {min(n for ns in run for n in ns): run for _, _, run in runs if len(run) > 1}
    taken = {n for run in folded.values() for ns in run for n in ns}
    out = []
    for n, r in enumerate(rows):
        if n in folded:
            out.append(_merge([[rows[k] for k in ns] for ns in folded[n]]))
        elif n not in taken:
            out.append(r)
    return out
