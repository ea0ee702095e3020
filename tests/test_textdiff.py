import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz._core.errors import InputError, OptionError
from trendkz.diff.render import readable
from trendkz.diff.result import Opcode, TextDiff
from trendkz.diff.textdiff import diff_text
from trendkz.diff.tokens import tokenize

from .conftest import HRR, needs_hrr


def tags(d):
    return [op.tag for op in d.opcodes]


def toks(s):
    return [t.text for t in tokenize(s)]


# ---------------------------------------------------------------- opcodes and counts


def test_identical_text_is_one_equal_op():
    d = diff_text("A law on extremism.", "A law on extremism.")
    assert isinstance(d, TextDiff)
    assert d.opcodes == (Opcode("equal", 0, 5, 0, 5, 0, 19, 0, 19),)
    assert (d.similarity, d.n_added, d.n_removed, d.n_changed) == (1.0, 0, 0, 0)


def test_empty_texts():
    assert diff_text("", "").opcodes == ()
    assert diff_text("", "").similarity == 1.0
    d = diff_text("", "new words")
    assert tags(d) == ["insert"] and d.n_added == 2 and d.similarity == 0.0
    d = diff_text("old words", "  \n")
    assert tags(d) == ["delete"] and d.n_removed == 2 and d.similarity == 0.0


def test_scare_quotes_are_a_change():
    d = diff_text('laws on "extremism" apply', "laws on “extremism” apply")
    assert tags(d) == ["equal", "replace", "equal", "replace", "equal"]
    assert d.n_changed == 4 and d.n_added == d.n_removed == 0
    assert d.similarity == pytest.approx(2 * 4 / 12)
    d = diff_text("violent extremism", "“extremism”")
    assert tags(d) == ["replace", "equal", "insert"]


def test_whitespace_and_line_wrapping_are_not_changes():
    a = "Kazakhstan remained alert to the\npotential for attacks.  The government"
    b = "Kazakhstan remained alert\nto the potential for attacks.\n\nThe   government"
    d = diff_text(a, b)
    assert tags(d) == ["equal"] and d.similarity == 1.0


def test_adjacent_delete_and_insert_merge_into_replace():
    d = diff_text("the big red dog", "the small red cat")
    assert [(o.tag, o.a_start, o.a_end, o.b_start, o.b_end) for o in d.opcodes] == [
        ("equal", 0, 1, 0, 1),
        ("replace", 1, 2, 1, 2),
        ("equal", 2, 3, 2, 3),
        ("replace", 3, 4, 3, 4),
    ]
    d = diff_text("a b c", "x y z")
    assert tags(d) == ["replace"]


def test_counts_definitions():
    d = diff_text("one two three four five", "one 2 three four five six seven")
    assert tags(d) == ["equal", "replace", "equal", "insert"]
    assert (d.n_added, d.n_removed, d.n_changed, d.n_equal) == (2, 0, 2, 4)
    d = diff_text("one two three", "one three")
    assert (d.n_added, d.n_removed, d.n_changed) == (0, 1, 0)
    total = d.n_tokens_a + d.n_tokens_b
    assert d.n_added + d.n_removed + d.n_changed == total - 2 * d.n_equal


def test_character_ranges():
    a, b = "The KNB  arrested four.", "The KNB detained\nfour people."
    d = diff_text(a, b)
    rep = [o for o in d.opcodes if o.tag == "replace"][0]
    assert a[rep.a_char_start : rep.a_char_end] == "arrested"
    assert b[rep.b_char_start : rep.b_char_end] == "detained"
    ins = [o for o in d.opcodes if o.tag == "insert"][0]
    assert b[ins.b_char_start : ins.b_char_end] == "people"
    # the empty side is the end of the preceding token
    assert ins.a_char_start == ins.a_char_end == a.index("four") + 4


def test_apply_rebuilds_b_tokens():
    a, b = "It is illegal to fight in foreign wars.", "Kazakhstan bans fighting in wars!"
    assert diff_text(a, b).apply() == toks(b)
    assert diff_text(a, b).tokens("b")[0].text == "Kazakhstan"


def test_options_are_validated():
    with pytest.raises(OptionError, match="max_cells"):
        diff_text("a", "b", max_cells=0)
    with pytest.raises(InputError, match="two strings"):
        diff_text("a", None)
    with pytest.raises(OptionError, match="context"):
        diff_text("a", "b").to_text(context=-1)
    with pytest.raises(OptionError, match="side"):
        diff_text("a", "b").tokens("c")


# ---------------------------------------------------------------- anchored (long) texts


def _chapter(k, seed_text):
    return "\n\n".join([seed_text] * k)


def test_long_texts_are_diffed_through_anchors(kz):
    docs = {d.doc_id: d.body for d in kz}
    a = _chapter(4, docs["kazakhstan-2017"])
    b = _chapter(4, docs["kazakhstan-2022"])
    direct = diff_text(a, b, max_cells=10**9)
    anchored = diff_text(a, b, max_cells=50_000)  # forces paragraphs/sentences/fallback
    assert anchored.apply() == toks(b)
    assert anchored.similarity == pytest.approx(direct.similarity, abs=0.06)
    # shared sentences are matched as wholes: a one-word edit stays a one-word diff
    c = a.replace("comprehensive", "broad", 1)
    d = diff_text(a, c, max_cells=1000)
    assert (d.n_added, d.n_removed, d.n_changed) == (0, 0, 2)


def test_diff_is_mirrored_when_sides_swap():
    a, b = "the a b c", "b the x c c"
    for m in (1, 4, 10**6):
        ab, ba = diff_text(a, b, max_cells=m), diff_text(b, a, max_cells=m)
        swap = {"insert": "delete", "delete": "insert"}
        assert [
            (swap.get(o.tag, o.tag), o.b_start, o.b_end, o.a_start, o.a_end) for o in ab.opcodes
        ] == [(o.tag, o.a_start, o.a_end, o.b_start, o.b_end) for o in ba.opcodes]


# ---------------------------------------------------------------- properties

WORDS = [
    "the",
    "a",
    "law",
    "Law",
    "extremism",
    "“",
    "”",
    '"',
    ",",
    ".",
    "Terror.",
    "2.5",
    "so-called",
    "it’s",
    "x. Y",
    "\n\n",
    "\n",
    "  ",
]
TEXT = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
CELLS = st.sampled_from([1, 7, 64, 10**6])


def _check_char_ranges(d, side, text):
    pos = 0
    for op in d.opcodes:
        start, end = getattr(op, f"{side}_char_start"), getattr(op, f"{side}_char_end")
        assert start >= pos and text[pos:start].strip() == ""
        pos = end
    assert text[pos:].strip() == ""


@settings(max_examples=400, deadline=None)
@given(TEXT, TEXT, CELLS)
def test_properties_of_any_pair(a, b, cells):
    d = diff_text(a, b, max_cells=cells)
    assert d.apply() == toks(b)  # applying the opcodes to a rebuilds b
    assert 0.0 <= d.similarity <= 1.0
    assert d.similarity == diff_text(b, a, max_cells=cells).similarity
    _check_char_ranges(d, "a", a)
    _check_char_ranges(d, "b", b)
    # ops alternate between equal and a change, and cover both token lists
    assert all(
        (x.tag == "equal") != (y.tag == "equal")
        for x, y in zip(d.opcodes, d.opcodes[1:], strict=False)
    )
    assert sum(o.a_end - o.a_start for o in d.opcodes) == d.n_tokens_a
    assert sum(o.b_end - o.b_start for o in d.opcodes) == d.n_tokens_b
    for o in d.opcodes:
        if o.tag == "equal":
            assert toks(a)[o.a_start : o.a_end] == toks(b)[o.b_start : o.b_end]


@settings(max_examples=200, deadline=None)
@given(TEXT, CELLS)
def test_diff_with_itself_is_all_equal(a, cells):
    d = diff_text(a, a, max_cells=cells)
    assert all(o.tag == "equal" for o in d.opcodes) and d.similarity == 1.0


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(st.sampled_from([" ", "\n", "  ", "\n\n", "\t"]), min_size=1), CELLS)
def test_respacing_is_not_a_change(a, spaces, cells):
    words = a.split()
    b = "".join(w + spaces[i % len(spaces)] for i, w in enumerate(words))
    d = diff_text(a, b, max_cells=cells)
    assert all(o.tag == "equal" for o in d.opcodes) and d.similarity == 1.0


# ---------------------------------------------------------------- rendering


def test_text_and_markdown_markup():
    d = diff_text("the big red dog, he said.", "the red cat he said")
    assert d.to_text() == "the [-big-] red [-dog,-]{+cat+} he said[-.-]"
    assert d.to_markdown() == "the ~~big~~ red ~~dog,~~**cat** he said~~.~~"
    assert diff_text("big dog", "dog").to_text() == "[-big-] dog"


def test_scare_quotes_render_as_changes():
    d = diff_text('laws on "extremism" apply', "laws on “extremism” apply")
    assert d.to_text() == 'laws on [-"-]{+“+}extremism[-"-]{+”+} apply'
    assert "<del>&quot;</del>" in d.to_html() or '<del>"</del>' in d.to_html()
    assert "<ins>“</ins>" in d.to_html()


def test_html_is_escaped_and_self_contained():
    d = diff_text("a <b> & c", "a <script>alert(1)</script> & c")
    h = d.to_html()
    assert "<script" not in h and "&lt;/script" in h and "&amp;" in h
    assert h.startswith('<div class="trendkz-diff"><style>') and h.endswith("</div>")
    assert d._repr_html_() == h
    assert "similarity" in h


def test_markdown_escapes_markup_and_never_spans_lines():
    d = diff_text("keep *this* one", "keep _that_ one\n\nand more")
    md = d.to_markdown()
    assert r"\*this\*" in md and r"\_that\_" in md
    assert all(line.count("**") % 2 == 0 for line in md.split("\n"))


def test_long_unchanged_runs_collapse():
    words = " ".join(f"w{i}" for i in range(100))
    d = diff_text(words + " old end", words + " new end")
    t = d.to_text(context=5)
    assert t.startswith("… 95 unchanged words … w95 w96")
    assert t.endswith("[-old-]{+new+} end")
    assert "w50" in d.to_text(context=None)
    assert diff_text(words, words).to_text() == "… 100 unchanged words …"


def test_cleanup_absorbs_stray_matches_for_display_only():
    a = "alpha beta gamma the delta epsilon zeta"
    b = "one two three the four five six"
    d = diff_text(a, b)
    assert tags(d) == ["replace", "equal", "replace"]
    assert [o.tag for o in readable(d)] == ["replace"]
    assert d.to_text() == f"[-{a}-]{{+{b}+}}"
    assert d.to_text(cleanup=False) == (
        "[-alpha beta gamma-]{+one two three+} the [-delta epsilon zeta-]{+four five six+}"
    )
    assert d.n_changed == 12  # counts stay those of the minimal diff


def test_every_consecutive_seed_pair_renders(kz):
    reports = sorted((d for d in kz if d.kind == "report"), key=lambda d: d.year)
    for x, y in zip(reports, reports[1:], strict=False):
        d = diff_text(x.body, y.body)
        assert 0 < d.similarity < 1
        h, t = d.to_html(), d.to_text()
        assert "<ins>" in h and "<del>" in h and "{+" in t
        # dropping the markup of deletions gives b back, up to white space
        plain = re.sub(r"\[-.*?-\]", "", t, flags=re.S).replace("{+", "").replace("+}", "")
        assert toks(plain) == toks(y.body)


@needs_hrr
def test_hrr_chapter_diff_html_stays_small():
    a, b = ((HRR / f"{y}_kazakhstan.txt").read_text(encoding="utf-8") for y in (2022, 2023))
    d = diff_text(a, b)
    assert d.apply() == toks(b)
    h = d.to_html()
    assert len(h) < len(a) + len(b)  # collapsing keeps it well under both texts together
    assert "unchanged words" in h


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, min_size=2, max_size=5), CELLS)
def test_differ_equals_diff_text(texts, cells):
    from trendkz.diff.textdiff import Differ

    differ = Differ(max_cells=cells)
    for a, b in zip(texts, texts[1:] + texts[:1], strict=True):  # each text seen twice
        d, ref = differ.diff(a, b), diff_text(a, b, max_cells=cells)
        assert d.opcodes == ref.opcodes
        assert (d.n_added, d.n_removed, d.n_changed, d.n_equal, d.similarity) == (
            ref.n_added,
            ref.n_removed,
            ref.n_changed,
            ref.n_equal,
            ref.similarity,
        )
