"""A page's lines in reading order where its text layer lists them out of place (for :mod:`.pdf`).

Some PDFs (the 2002-2005 semiannual reports among them) list a page's headings before
its body text, or a box's lines after it. Lines are read in blocks: lines in text-layer
order, each a little below the one before (at most twice the type size) and overlapping it
across the page. A block that lies in the empty space between two blocks that follow each
other in the text layer, one above it and one below it, and that overlaps both across the
page (same column), is moved between them. Table cells (grid lines, see :mod:`.pdf_grid`)
stay where they are, and so do the pieces of a chart or a contents page (more than two
blocks for one gap) and lines in the page's margins. Two text columns do not overlap, so their
order is kept; so is every page whose text layer already reads top to bottom.
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
    if not moved:
        return lines
    out: list[Line] = []
    for k, block in enumerate(blocks):
        if k in moved:
            continue
        out.extend(block)
        for i in sorted(into.get(k, ()), key=lambda j: -boxes[j][0]):
            out.extend(blocks[i])
    return out


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
