"""A page's lines in reading order where its text layer lists them out of place (for :mod:`.pdf`).

Some PDFs (the 2002-2005 semiannual reports among them) list a page's headings, or its
boxed side labels, before its body text. Lines are read in blocks: lines in text-layer
order, each a little below the one before (at most twice the type size) and overlapping
it across the page. A short block (two lines at most: a heading, a label) is moved

- into the empty space it stands in, between two blocks that follow each other in the
  text layer, one above it and one below it, both overlapping it across the page (same
  column), with no running text or table row between them (:func:`_gap`);
- else before the line of running text it stands beside, to its right, when that line
  starts a paragraph (a boxed side label, ``Texas``), or over, when that line is the
  first of its column, starts within three lines below it and comes before the block in
  the text layer (:func:`_beside`).

Table cells (grid lines, see :mod:`.pdf_grid`) stay where they are, and so do the pieces
of a chart or a contents page (more than two blocks for one place) and lines in the
page's margins. Two text columns do not overlap, so their order is kept; so is every page
whose text layer already reads top to bottom.
"""

from __future__ import annotations

from .pdf_grid import Line

__all__ = ["reading_order"]

_SLACK = 2.0  # points: character boxes of two touching lines may overlap a little
_FEW = 2  # lines: a block this short may be out of place (a heading); longer ones are text
_PER_GAP = 2  # blocks: more in one gap are a chart's or a contents page's pieces: kept


def _blocks(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    for ln in lines:
        if out:
            prev = out[-1][-1]
            step = prev.bottom - ln.bottom
            if (
                not (prev.margin or ln.margin or prev.grid or ln.grid)
                and 0 < step <= 2 * max(prev.size, ln.size, 1.0)
                and ln.left < prev.right
                and prev.left < ln.right
            ):
                out[-1].append(ln)
                continue
        out.append([ln])
    return out


def _box(block: list[Line]) -> tuple[float, float, float, float]:
    """Top, bottom, left and right of a block."""
    return (
        max(x.top for x in block),
        min(x.bottom for x in block),
        min(x.left for x in block),
        max(x.right for x in block),
    )


def _text_between(blocks, boxes, above: float, below: float, left: float, right: float) -> bool:
    """Whether running text (a block of more than a few lines) or a table's row stands
    between two heights across ``left``..``right``: then the gap is not one place on the
    page (a header and a page number with the whole page between them, two labels with a
    table between them)."""
    return any(
        (len(b) > _FEW or b[0].grid)
        and t <= above + _SLACK
        and bt + _SLACK >= below
        and lf < right
        and r > left
        for b, (t, bt, lf, r) in zip(blocks, boxes, strict=True)
    )


def reading_order(lines: list[Line]) -> list[Line]:
    """The lines with each misplaced block moved into the gap it stands in (see the module)."""
    if len(lines) < 3 or all(
        a.top + _SLACK >= b.top for a, b in zip(lines, lines[1:], strict=False)
    ):
        return lines  # read top to bottom already: nothing can be out of place
    blocks = _blocks(lines)
    if len(blocks) < 3:
        return lines
    boxes = [_box(b) for b in blocks]
    gap = {i: k for i in range(len(blocks)) if (k := _gap(blocks, boxes, i)) is not None}
    into: dict[int, list[int]] = {}  # gap after block k: the blocks that go there
    for i, k in gap.items():
        into.setdefault(k, []).append(i)
    into = {
        k: v
        for k, v in into.items()
        if len(v) <= _PER_GAP and k not in gap and k + 1 not in gap  # a chart's labels: stay
    }
    moved = {i for v in into.values() for i in v}
    flow = [ln for b in blocks if len(b) > _FEW for ln in b]
    nxt = {id(a): b for a, b in zip(lines, lines[1:], strict=False)}
    order = {id(ln): k for k, ln in enumerate(lines)}
    before: dict[int, list[int]] = {}  # a line of text (its id): the blocks that go before it
    for i, block in enumerate(blocks):
        if i in gap or len(block) > _FEW or any(x.grid or x.margin for x in block):
            continue
        f = _beside(block, flow, lines)
        if f is None or nxt.get(id(block[-1])) is f:
            continue
        if f.left < boxes[i][3] and order[id(block[0])] < order[id(f)]:
            continue  # over its text and listed before it: what stands between is out of place
        before.setdefault(id(f), []).append(i)
    before = {f: v for f, v in before.items() if len(v) <= _PER_GAP}
    moved |= {i for v in before.values() for i in v}
    if not moved:
        return lines
    out: list[Line] = []
    for k, block in enumerate(blocks):
        if k in moved:
            continue
        for ln in block:
            for i in sorted(before.get(id(ln), ()), key=lambda j: -boxes[j][0]):
                out.extend(blocks[i])
            out.append(ln)
        for i in sorted(into.get(k, ()), key=lambda j: -boxes[j][0]):
            out.extend(blocks[i])
    return out


def _beside(block: list[Line], flow: list[Line], lines: list[Line]) -> Line | None:
    """The line of running text (``flow``, in the text layer's order) a short block goes
    before: the first one of its column that starts at most a line above the block's top
    and not more than three lines below it, when it stands to the block's right and starts
    a paragraph (the block is its side label) or is its column's first line with nothing
    between them (the block stands over the text)."""
    top, bottom, left, right = _box(block)
    size = max(x.size for x in block)
    first = True
    for f in flow:
        if f.right <= left:
            continue  # another column, to the left
        if f.top < top + size:
            if f.grid or f.top < bottom - 3 * size:
                return None  # a table's row; or far below: other things stand between
            if f.left >= right:  # the block is the side label of a paragraph starting here
                above = [
                    x.bottom - f.top
                    for x in lines
                    if x.top > f.top + _SLACK and x.left < f.right and x.right > f.left
                ]
                return f if not above or min(above) > 0.75 * f.size else None
            between = any(
                x.top < bottom and x.bottom > f.top and x.left < right and x.right > left
                for x in lines
            )
            return f if first and not between else None
        first = first and f.left >= right  # lines beside the block are not over it
    return None


def _gap(blocks: list[list[Line]], boxes: list, i: int) -> int | None:
    """The gap (after block k) block ``i`` stands in, if it is a short block out of place."""
    block = blocks[i]
    if len(block) > _FEW or any(x.grid or x.margin for x in block):
        return None
    top, bottom, left, right = boxes[i]
    for k in range(len(blocks) - 1):
        if k in (i, i - 1):
            continue
        if any(x.grid or x.margin for x in (blocks[k][-1], blocks[k + 1][0])):
            continue  # a table's cells keep the table's order (see .pdf_grid); margins
        p, q = boxes[k], boxes[k + 1]
        if (
            p[1] + _SLACK >= top
            and bottom + _SLACK >= q[0]
            and left < min(p[3], q[3])
            and right > max(p[2], q[2])
            and not _text_between(blocks, boxes, p[1], q[0], left, right)
        ):
            return k
    return None
