"""ordernorm.convert / Converter / convert_file against the CLI's output on
the same files: every example and golden input."""
import datetime
import decimal
import gzip
import json
import os
import shutil
import subprocess
import threading

import pytest

import ordernorm
from conftest import SOURCE_DIR, run_cli

PLATFORMS = sorted(p.name for p in (SOURCE_DIR / "tests" / "golden").iterdir() if p.is_dir())


def golden_inputs(platform):
    return sorted((SOURCE_DIR / "tests" / "golden" / platform).glob("*.json"))


def without_input(entries):
    return [{k: v for k, v in e.items() if k != "input"} for e in entries]


def python_side(paths, source, **options):
    """Each file converted on its own, as the CLI does per input: orders, and
    rejects and warnings without the CLI's "input" field."""
    orders, rejects, warnings, ndjson = [], [], [], b""
    for path in paths:
        data = path.read_bytes()
        conv = ordernorm.Converter(source, **options)
        got = conv.convert(data)
        assert conv.records == conv.converted + conv.rejected
        assert conv.converted == len(got)
        orders += got
        rejects += conv.rejects
        warnings += conv.warnings
        ndjson += ordernorm.Converter(source, **options).convert(data, "ndjson")
    return orders, rejects, warnings, ndjson


# threads=1 converts and then builds the dicts; 2 overlaps the two.
@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("platform", PLATFORMS)
def test_golden_dicts_equal_cli(cli, tmp_path, platform, threads):
    paths = golden_inputs(platform)
    assert paths
    out, cli_rejects, cli_warnings = run_cli(cli, "convert", paths, "--from", platform,
                                             tmp_path=tmp_path)
    orders, rejects, warnings, ndjson = python_side(paths, platform, threads=threads)
    assert orders == [json.loads(line) for line in out.splitlines()]
    assert ndjson == out
    assert rejects == without_input(cli_rejects)
    assert warnings == without_input(cli_warnings)


@pytest.mark.parametrize("threads", [1, 2])
def test_examples_equal_cli_auto(cli, tmp_path, threads):
    paths = sorted((SOURCE_DIR / "examples").iterdir())
    out, cli_rejects, cli_warnings = run_cli(cli, "convert", paths, tmp_path=tmp_path)
    orders, rejects, warnings, ndjson = python_side(paths, "auto", threads=threads)
    assert orders == [json.loads(line) for line in out.splitlines()]
    assert ndjson == out
    assert rejects == without_input(cli_rejects)
    assert len(rejects) >= 1  # shopify-with-bad-record.ndjson
    assert warnings == without_input(cli_warnings)


def test_reject_fields_and_counts():
    conv = ordernorm.Converter()
    data = (SOURCE_DIR / "examples" / "shopify-with-bad-record.ndjson").read_bytes()
    orders = conv.convert(data)
    assert (conv.records, conv.converted, conv.rejected) == (2, 1, 1)
    assert len(orders) == 1
    (reject,) = conv.rejects
    assert set(reject) == {"record", "offset", "pointer", "code", "message"}
    assert reject["code"] == "invalid_money"
    assert reject["pointer"] == "/total_price"
    assert data[reject["offset"]:].startswith(b'"12,50"')


def test_decimal_and_datetime_on_request():
    data = (SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes()
    plain = ordernorm.convert(data)
    typed = ordernorm.convert(data, money="decimal", timestamps="datetime")
    assert len(plain) == len(typed) == 3
    for p, t in zip(plain, typed):
        assert isinstance(t["totalPrice"], decimal.Decimal)
        assert str(t["totalPrice"]) == p["totalPrice"]
        assert t["lineItems"][0]["price"] == decimal.Decimal(p["lineItems"][0]["price"])
        when = t["remoteCreatedAt"]
        assert isinstance(when, datetime.datetime)
        assert when.tzinfo is datetime.timezone.utc
        assert when.isoformat(timespec="milliseconds").replace("+00:00", "Z") == \
            p["remoteCreatedAt"]


def test_inputs_as_str_and_bytes_like():
    data = (SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes()
    expected = ordernorm.convert(data)
    assert ordernorm.convert(data.decode()) == expected
    assert ordernorm.convert(bytearray(data)) == expected
    assert ordernorm.convert(memoryview(data)) == expected
    assert ordernorm.convert(gzip.compress(data)) == expected
    assert ordernorm.convert(b"") == []


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown source"):
        ordernorm.Converter("amazon")
    with pytest.raises(ValueError, match="money"):
        ordernorm.Converter(money="float")
    with pytest.raises(ValueError, match="timestamps"):
        ordernorm.Converter(timestamps="epoch")
    with pytest.raises(ValueError, match="output"):
        ordernorm.convert(b"{}", output="xml")
    with pytest.raises(ValueError, match="as_of"):
        ordernorm.Converter(as_of="yesterday")
    with pytest.raises(ValueError, match="max_depth"):
        ordernorm.Converter(max_depth=0)
    with pytest.raises(TypeError, match="bytes"):
        ordernorm.convert(12)
    with pytest.raises(TypeError):
        ordernorm.Converter(no_such_limit=1)
    with pytest.raises(OSError):
        ordernorm.convert_file("/nonexistent/orders.ndjson")


def test_limits_reject_not_drop():
    line = b'{"order":{"id":1,"financial_status":"paid","note":"' + b"x" * 5000 + b'"}}\n'
    conv = ordernorm.Converter(max_record_bytes=1000)
    assert conv.convert(line * 3) == []
    assert conv.records == conv.rejected == 3
    assert {r["code"] for r in conv.rejects} == {"record_too_large"}


def test_ndjson_chunk_positions():
    """A run of lines cut from a file converts as in the file, its positions
    in the file's terms (what ordernorm.dask relies on)."""
    data = (SOURCE_DIR / "examples" / "shopify-with-bad-record.ndjson").read_bytes()
    head, sep, tail = data.partition(b"\n")
    whole = ordernorm.Converter()
    whole.convert(data)
    part = ordernorm.Converter()
    part.convert(tail, base_offset=len(head) + 1, ndjson_chunk=True)
    assert part.records == 1
    first = ordernorm.Converter()
    first.convert(head + sep, ndjson_chunk=True)
    assert first.rejects == whole.rejects  # the bad record is the first line
    # A chunk whose first line is broken JSON is still read line by line.
    broken = ordernorm.Converter()
    got = broken.convert(b'{"order":{"id":\n' + tail, ndjson_chunk=True)
    assert broken.records == 2 and len(got) == 1
    assert broken.rejects[0]["record"] == 1 and broken.rejects[0]["code"] == "invalid_json"


def test_ndjson_on_threads_equals_the_cli(cli, tmp_path):
    """output="ndjson" on several threads cuts plain NDJSON at line starts: the
    same bytes, rejects (records numbered, offsets counted in the whole input)
    and warnings as the CLI's, whatever the number of threads. The input is
    large enough to be cut into four parts, with bad lines throughout: a
    broken line that ends like a pretty document's first line (read as a
    stream of documents were it the input's first), blank and CRLF lines."""
    good = (SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes()
    bad = (SOURCE_DIR / "examples" / "shopify-with-bad-record.ndjson").read_bytes()
    blocks = [good, bad, b'{"id":1,"line_items":[\n', b"\n", good.replace(b"\n", b"\r\n")]
    data = b"".join(blocks[i % len(blocks)] for i in range(6000))
    assert len(data) > 4 << 20
    path = tmp_path / "mixed.ndjson"
    path.write_bytes(data)
    out, cli_rejects, cli_warnings = run_cli(cli, "convert", [path], "-j", "1",
                                             tmp_path=tmp_path)
    assert len(cli_rejects) == 2400  # one bad record and one broken line per 5 blocks
    for threads in (1, 2, 3, 4):
        conv = ordernorm.Converter(threads=threads)
        assert conv.convert(data, "ndjson") == out, threads
        assert conv.rejects == without_input(cli_rejects), threads
        assert conv.warnings == without_input(cli_warnings), threads
        assert conv.records == conv.converted + conv.rejected


def test_ndjson_threads_leave_bulk_exports_and_compressed_bytes_whole(tmp_path):
    """A bulk export's children must meet their order, and compressed bytes
    cannot be cut: on any number of threads they convert as on one."""
    lines, n, late = [], 40000, 100
    for i in range(n + late):
        if i < n:
            lines.append(b'{"id":"gid://shopify/Order/%d","name":"#%d"}' % (i, i))
        if i >= late:  # each order's child comes 100 order lines later
            j = i - late
            lines.append(b'{"id":"gid://shopify/LineItem/%d","title":"%s","quantity":1,'
                         b'"__parentId":"gid://shopify/Order/%d"}' % (j, b"x" * 60, j))
    export = b"\n".join(lines) + b"\n"
    assert len(export) > 4 << 20
    conv = ordernorm.Converter(threads=4)
    got = conv.convert(export, "ndjson")
    assert (conv.converted, conv.rejected) == (n, 0)
    orders = [json.loads(line) for line in got.splitlines()]
    assert [o["remoteId"] for o in orders] == [str(i) for i in range(n)]
    assert all(len(o["lineItems"]) == 1 for o in orders)
    assert got == ordernorm.convert(export, output="ndjson", threads=1)
    data = (SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes() * 3000
    packed = gzip.compress(data)
    assert ordernorm.convert(packed, output="ndjson", threads=4) == \
        ordernorm.convert(data, output="ndjson", threads=1)


def test_threads_must_not_be_negative():
    with pytest.raises(ValueError, match="threads"):
        ordernorm.Converter(threads=-1)


@pytest.mark.parametrize("compress", ["none", "gz", "zst"])
def test_convert_file_streams(tmp_path, compress):
    src = SOURCE_DIR / "examples" / "shopify-with-bad-record.ndjson"
    data = (SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes() * 50 + \
        src.read_bytes()
    path = tmp_path / "orders.ndjson"
    path.write_bytes(data)
    if compress == "gz":
        path = tmp_path / "orders.ndjson.gz"
        path.write_bytes(gzip.compress(data))
    elif compress == "zst":
        if not shutil.which("zstd"):
            pytest.skip("no zstd command to make the input")
        subprocess.run(["zstd", "-q", str(path), "-o", str(tmp_path / "orders.ndjson.zst")],
                       check=True)
        path = tmp_path / "orders.ndjson.zst"
    expected = ordernorm.Converter()
    orders = expected.convert(data)
    stream = ordernorm.convert_file(path, batch_size=7)
    assert list(stream) == orders
    assert (stream.records, stream.converted, stream.rejected) == \
        (expected.records, expected.converted, expected.rejected)
    assert stream.rejects == expected.rejects
    chunks = list(ordernorm.convert_file(str(path), output="ndjson", batch_size=7))
    assert len(chunks) > 1
    assert b"".join(chunks) == expected_ndjson(data)


def expected_ndjson(data):
    return ordernorm.convert(data, output="ndjson")


def test_convert_file_closed_early(tmp_path):
    path = tmp_path / "orders.ndjson"
    path.write_bytes((SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes() * 2000)
    with ordernorm.convert_file(path, batch_size=10) as stream:
        first = next(stream)
    assert first["platform"] == "shopify"
    assert list(stream) == []  # closed: no more orders, no hang
    stream = ordernorm.convert_file(path, batch_size=10)
    next(stream)
    del stream  # the thread is stopped and joined


def test_truncated_gzip_raises_after_the_orders_before(tmp_path):
    data = (SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes() * 200
    packed = gzip.compress(data)
    path = tmp_path / "cut.ndjson.gz"
    path.write_bytes(packed[: len(packed) // 2])
    stream = ordernorm.convert_file(path)
    got = []
    with pytest.raises(OSError):
        for order in stream:
            got.append(order)
    assert got


def test_two_threads_convert_correctly():
    """Concurrent use from two threads (the GIL is released while C++
    converts): each gets exactly its own result. Timing is in bench/."""
    data = (SOURCE_DIR / "examples" / "shopify-orders.ndjson").read_bytes() * 300
    expected = ordernorm.convert(data)
    results = [None, None]
    shared = ordernorm.Converter()
    busy = []

    def work(i):
        results[i] = [ordernorm.convert(data) for _ in range(5)]
        try:
            shared.convert(data)
        except ValueError as e:  # the other thread holds it: refused, not corrupted
            busy.append(str(e))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert all(x == expected for x in r)
    for message in busy:
        assert "another thread" in message


TRACKING = sorted(p.name for p in (SOURCE_DIR / "tests" / "golden_tracking").iterdir()
                  if p.is_dir())


@pytest.mark.parametrize("source", TRACKING)
@pytest.mark.parametrize("explain", [False, True])
def test_track_equals_cli(cli, tmp_path, source, explain):
    paths = sorted((SOURCE_DIR / "tests" / "golden_tracking" / source).glob("*.json"))
    options = ["--from", source, "--as-of", "2024-06-01T00:00:00Z"]
    if explain:
        options.append("--explain")
    out, cli_rejects, _ = run_cli(cli, "track", paths, *options, tmp_path=tmp_path)
    shipments, rejects, ndjson = [], [], b""
    for path in paths:
        tracker = ordernorm.Tracker(source, explain=explain, as_of="2024-06-01T00:00:00Z")
        shipments += tracker.track(path.read_bytes())
        rejects += tracker.rejects
        ndjson += ordernorm.track(path.read_bytes(), source, explain=explain,
                                  as_of=datetime.datetime(2024, 6, 1), output="ndjson")
    assert shipments == [json.loads(line) for line in out.splitlines()]
    assert ndjson == out
    assert rejects == without_input(cli_rejects)


def test_installed_package_imports(tmp_path):
    """cmake --install puts the package where Debian's python3 looks:
    <prefix>/lib/python3/dist-packages/ordernorm/, stubs included."""
    build = os.environ.get("ORDERNORM_BUILD_DIR")
    if not build:
        pytest.skip("ORDERNORM_BUILD_DIR is not set: run through ctest")
    subprocess.run(["cmake", "--install", build, "--prefix", str(tmp_path)], check=True,
                   stdout=subprocess.DEVNULL)
    site = tmp_path / "lib" / "python3" / "dist-packages"
    for name in ("__init__.py", "__init__.pyi", "dask.py", "dask.pyi", "py.typed"):
        assert (site / "ordernorm" / name).exists(), name
    done = subprocess.run(
        ["/usr/bin/python3", "-c",
         "import ordernorm, ordernorm.dask; print(ordernorm.__file__); "
         "print(len(ordernorm.convert(b'{\"order\":{\"id\":1,\"financial_status\":\"paid\"}}')))"],
        env={**os.environ, "PYTHONPATH": str(site)}, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [str(site / "ordernorm" / "__init__.py"), "1"]
