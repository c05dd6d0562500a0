"""ordernorm.dask on a LocalCluster of 2 worker processes (loopback only):
a directory of NDJSON, gzip and pretty JSON files, NDJSON split into many
partitions, gives the CLI's orders and rejects on the same files."""
import gzip
import json

import dask
import pytest
from distributed import Client, LocalCluster

import ordernorm
import ordernorm.dask
from conftest import SOURCE_DIR, run_cli


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def example(name):
    return (SOURCE_DIR / "examples" / name).read_bytes()


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    """Orders with bad records at partition boundaries and inside them."""
    d = tmp_path_factory.mktemp("dump")
    good = example("shopify-orders.ndjson")
    bad = example("shopify-with-bad-record.ndjson")
    broken = b'{"order":{"id":7,"total_price":\n'  # not even JSON: invalid_json
    (d / "a.ndjson").write_bytes(good * 20 + bad + good * 5 + broken + good * 10 + bad)
    (d / "b.ndjson.gz").write_bytes(gzip.compress(bad + good * 30 + bad))
    (d / "c.json").write_bytes(example("shopify-order.json"))
    (d / "d.ndjson").write_bytes(broken + good * 3)  # its first line decides: not NDJSON
    return d


def cli_side(cli, files, tmp_path):
    orders, rejects, warnings = [], [], []
    for path in files:
        out, r, w = run_cli(cli, "convert", [path], tmp_path=tmp_path)
        orders += [json.loads(line) for line in out.splitlines()]
        rejects += r
        warnings += w
    return orders, rejects, warnings


def test_read_orders_equals_cli(client, dump, cli, tmp_path):
    files = sorted(str(p) for p in dump.iterdir())
    bags = ordernorm.dask.read_orders(str(dump), blocksize=1500, rejects=True)
    assert bags.orders.npartitions > len(files) + 5  # a.ndjson is really split
    orders, rejects, warnings = dask.compute(bags.orders, bags.rejects, bags.warnings)
    cli_orders, cli_rejects, cli_warnings = cli_side(cli, files, tmp_path)
    assert len(cli_orders) > 100 and len(cli_rejects) >= 5
    assert orders == cli_orders
    assert rejects == cli_rejects
    assert warnings == cli_warnings


def test_unsplit_and_glob(client, dump, cli, tmp_path):
    orders, rejects = ordernorm.dask.read_orders(str(dump / "*.ndjson*"), blocksize=None,
                                                 rejects=True)
    assert orders.npartitions == 3
    files = sorted(str(p) for p in dump.glob("*.ndjson*"))
    cli_orders, cli_rejects, _ = cli_side(cli, files, tmp_path)
    got_orders, got_rejects = dask.compute(orders, rejects)
    assert got_orders == cli_orders
    assert got_rejects == cli_rejects


def test_to_dataframe(client, dump):
    bags = ordernorm.dask.read_orders(str(dump), blocksize=4000, rejects=True)
    frame = bags.to_dataframe()
    assert list(frame.columns) == [key for key, _ in ordernorm._ordernorm.order_fields()]
    local = frame.compute()
    orders = bags.orders.compute()
    assert len(local) == len(orders)
    assert list(local["id"]) == [o["id"] for o in orders]
    assert local["remoteDeleted"].dtype == bool
    assert list(local["lineItems"].iloc[0]) == orders[0]["lineItems"]


def test_bad_arguments(dump):
    with pytest.raises(ValueError, match="unknown source"):
        ordernorm.dask.read_orders(str(dump), source="amazon")
    with pytest.raises(ValueError, match="blocksize"):
        ordernorm.dask.read_orders(str(dump), blocksize=0)
    with pytest.raises(FileNotFoundError):
        ordernorm.dask.read_orders(str(dump / "nothing-*.ndjson"))
