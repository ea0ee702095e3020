from __future__ import annotations

import pytest

from trendkz.errors import OptionError
from trendkz.parallel import _chunks, map_parts


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
    def __init__(self, i):
        super().__init__([type("D", (), {"n_words": 10})()])
        self.i = i


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
    distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not "
                                      "installed (pip install '.[dask]')")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_backend_agrees(kz, dask_client):
    parts = kz.by_entity() * 5
    serial = map_parts(_years, parts, backend="serial")
    assert map_parts(_years, parts, backend=dask_client) == serial
    assert map_parts(_years, parts, backend="dask") == serial  # the current client
