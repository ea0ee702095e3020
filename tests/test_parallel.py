from __future__ import annotations

import pytest

from trendkz._core.errors import OptionError, WorkerError
from trendkz._core.parallel import _chunks, _heaviest_first, map_parts


def _years(corpus):
    return [d.year for d in corpus]


def test_by_entity_is_sorted(kz):
    parts = kz.by_entity()
    assert len(parts) == 1 and _years(parts[0]) == [d.year for d in kz]


def test_chunks_keep_order():
    items = list(range(10))
    got = _chunks([_Fake(i) for i in items], 3)
    assert [f.i for c in got for f in c] == items and len(got) <= 3


class _Fake(list):
    def __init__(self, i, words=10):
        super().__init__([type("D", (), {"n_words": words})()])
        self.i = i


def test_heaviest_chunks_go_first():
    chunks = [[_Fake(0, 5)], [_Fake(1, 50)], [_Fake(2, 5)], [_Fake(3, 20)]]
    assert _heaviest_first(chunks) == [1, 3, 0, 2]  # ties keep their order


def _die(part):
    import os

    os._exit(3)


def test_a_dead_worker_is_a_trendkz_error():
    with pytest.raises(WorkerError, match="__main__"):
        map_parts(_die, [1, 2], workers=2, backend="processes")


def test_serial_and_processes_agree(kz):
    parts = kz.by_entity() * 3
    serial = map_parts(_years, parts, backend="serial")
    procs = map_parts(_years, parts, workers=2, backend="processes")
    assert serial == procs


def test_bad_backend_lists_valid_values():
    with pytest.raises(OptionError, match="'serial'"):
        map_parts(_years, [], backend="threads")
    with pytest.raises(OptionError, match="workers"):
        map_parts(_years, [], workers=0)


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip(
        "dask.distributed", reason="the dask extra is not installed (pip install '.[dask]')"
    )
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_backend_agrees(kz, dask_client):
    parts = kz.by_entity() * 5
    serial = map_parts(_years, parts, backend="serial")
    assert map_parts(_years, parts, backend=dask_client) == serial
    assert map_parts(_years, parts, backend="dask") == serial  # the current client


def _two_entities():
    import pandas as pd

    import trendkz

    rows = []
    for doc in trendkz.datasets.kazakhstan():
        for entity in ("Kazakhstan", "Elsewhere"):
            rows.append(
                {
                    "text": doc.text,
                    "file": f"{entity}-{doc.source}",
                    "entity": entity,
                    "year": doc.year,
                }
            )
    return trendkz.load_corpus(pd.DataFrame(rows))


def _frames_bytes(comparison):
    from trendkz.report.save import csv_bytes

    return {name: csv_bytes(frame) for name, frame in comparison.frames.items()}


def test_compare_is_identical_for_1_and_2_workers_and_dask(dask_client):
    import trendkz

    corpus = _two_entities()
    one = _frames_bytes(trendkz.compare(corpus, workers=1))
    assert one["documents"].count(b"\n") == 11  # header + 10 documents, two entities
    two = _frames_bytes(trendkz.compare(corpus, workers=2, backend="processes"))
    dask = _frames_bytes(trendkz.compare(corpus, backend=dask_client))
    assert one == two == dask


def test_combined_frames_are_in_declared_order():
    import pandas as pd

    import trendkz
    from trendkz._core import schema

    comparison = trendkz.compare(_two_entities())
    for name, frame in comparison.frames.items():
        extra = tuple(c for c in frame.columns if c not in schema.FRAMES[name][0])
        resorted = schema.conform(frame.iloc[::-1], name, extra=extra)
        pd.testing.assert_frame_equal(frame, resorted, check_exact=True, obj=name)


def _warns(part):
    import warnings

    from trendkz._core.errors import TrendkzWarning

    if part % 2:
        warnings.warn(f"odd part {part}", TrendkzWarning, stacklevel=1)
    warnings.warn("every part says this", UserWarning, stacklevel=1)
    return part * 10


def test_worker_warnings_reach_the_caller_in_order_once():
    import warnings

    from trendkz._core.errors import TrendkzWarning

    parts = list(range(7))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = map_parts(_warns, parts, workers=2, backend="processes")
    assert got == [p * 10 for p in parts]
    seen = [(w.category, str(w.message)) for w in caught]
    assert seen == [
        (UserWarning, "every part says this"),
        (TrendkzWarning, "odd part 1"),
        (TrendkzWarning, "odd part 3"),
        (TrendkzWarning, "odd part 5"),
    ]


def test_a_decoding_warning_in_a_worker_reaches_the_caller(tmp_path):
    from trendkz import load_corpus
    from trendkz._core.errors import TrendkzWarning

    for i in range(70):  # 64 files or more are read by worker processes
        (tmp_path / f"r{i:02d}.txt").write_text(
            f"Annual Report {1950 + i}\n\nThe office worked in {1950 + i}.\n", encoding="utf-8"
        )
    mixed = "Annual Report 2030\n\nЗдесь текст 2030.\n".encode() + "Ещё строка.\n".encode("cp1251")
    (tmp_path / "r99.txt").write_bytes(mixed)
    with pytest.warns(TrendkzWarning, match="r99.txt"):
        corpus = load_corpus(tmp_path, workers=2)
    assert len(corpus) == 71


def test_a_pool_broken_while_parts_are_handed_out_is_a_trendkz_error(monkeypatch):
    """Workers that die at start (code piped to ``python -`` cannot be imported by them)
    break the pool while parts are still being submitted: a WorkerError, never the pool's
    own traceback."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    submit = ProcessPoolExecutor.submit
    calls = []

    def breaking(self, *args, **kwargs):
        calls.append(1)
        if len(calls) > 1:
            raise BrokenProcessPool("a child process terminated abruptly")
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", breaking)
    with pytest.raises(WorkerError, match="__main__"):
        map_parts(len, [[i] for i in range(8)], workers=2, backend="processes")
