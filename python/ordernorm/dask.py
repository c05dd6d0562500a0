"""ordernorm on Dask: a dump larger than one machine, converted by a cluster.

    from dask.distributed import Client
    import ordernorm.dask

    client = Client("tcp://scheduler:8786")        # or LocalCluster() on one machine
    bags = ordernorm.dask.read_orders("s3://bucket/dump/*.ndjson*", rejects=True)
    orders, rejects = dask.compute(bags.orders, bags.rejects)
    frame = bags.to_dataframe()                    # a dask DataFrame, one row per order

Files are read through fsspec (local paths, or any filesystem installed for
it), on the workers. A plain NDJSON file is split into byte ranges of
``blocksize`` on line boundaries: a partition owns the records that start in
its range (as dask.bag.read_text does). A gzip or zstd file, a Shopify bulk
export (its children must meet their order) and any other layout (arrays,
pretty JSON) is one partition. Each partition converts with the same engine
and options as ``ordernorm convert``, so the orders and rejects equal the
CLI's on the same files: rejects carry the CLI's --rejects fields (input,
record, offset, pointer, code, message), the record numbered and the offset
counted in the whole file.
"""

import operator

import dask
import dask.bag as db
import dask.dataframe as dd
import fsspec
import pandas as pd
from dask.utils import parse_bytes
from fsspec.implementations.local import LocalFileSystem

from . import Converter, _as_of_text
from ._ordernorm import input_layout, order_fields

__all__ = ["OrderBags", "read_orders", "order_meta", "to_dataframe"]

# How much of a file's start tells how it can be split: the reader decides
# its layout from the first line and a bulk export from its first 4 MiB.
_HEAD_BYTES = 4 << 20
_GZIP = b"\x1f\x8b"
_ZSTD = b"\x28\xb5\x2f\xfd"


class OrderBags:
    """The bags of one read: ``orders`` (order dicts), ``rejects`` and
    ``warnings`` (dicts with the CLI's --rejects / --warnings fields).
    Unpacks as ``orders, rejects``. Compute them together
    (``dask.compute(bags.orders, bags.rejects)``) to convert each partition
    once."""

    def __init__(self, orders, rejects, warnings, timestamps):
        self.orders = orders
        self.rejects = rejects
        self.warnings = warnings
        self._timestamps = timestamps

    def __iter__(self):
        return iter((self.orders, self.rejects))

    def to_dataframe(self):
        """The orders as a dask DataFrame (see :func:`to_dataframe`)."""
        return to_dataframe(self.orders, timestamps=self._timestamps)


def order_meta(timestamps="str"):
    """An empty pandas DataFrame with a column per key of an order's dict, in
    the model's order: ``remoteDeleted`` is bool; text, statuses, money and
    timestamps are objects (str, or Decimal / datetime when asked for);
    ``isTest`` (True, False or None), nested lists and dicts are objects."""
    if timestamps not in ("str", "datetime"):
        raise ValueError(f'timestamps is "str" or "datetime", not "{timestamps}"')
    columns = {}
    for key, kind in order_fields():
        columns[key] = pd.Series([], dtype=bool if kind == "bool" else object)
    return pd.DataFrame(columns)


def _frame(orders, meta):
    frame = pd.DataFrame.from_records(orders, columns=list(meta.columns))
    return frame.astype(meta.dtypes.to_dict()) if len(frame) else meta


def to_dataframe(orders, timestamps="str"):
    """A dask DataFrame of a bag of order dicts, one partition per partition
    of the bag, its meta from the model (:func:`order_meta`)."""
    meta = order_meta(timestamps)
    parts = [dask.delayed(_frame)(part, meta) for part in orders.to_delayed()]
    return dd.from_delayed(parts, meta=meta)


def _line_start(f, pos, size):
    """Where the first line that starts at or after `pos` starts."""
    if pos <= 0:
        return 0
    if pos >= size:
        return size
    f.seek(pos - 1)
    at = pos - 1
    while True:
        chunk = f.read(1 << 16)
        if not chunk:
            return size
        i = chunk.find(b"\n")
        if i >= 0:
            return at + i + 1
        at += len(chunk)


def _convert_part(fs, path, offset, length, size, whole, source, options):
    """Converts one partition; the rejects' and warnings' record numbers are
    still the partition's own (renumbered by _renumber)."""
    conv = Converter(source, **options)
    with fs.open(path, "rb") as f:
        if whole:
            orders = conv.convert(f.read())
        else:
            start = _line_start(f, offset, size)
            end = _line_start(f, offset + length, size)
            f.seek(start)
            data = f.read(end - start) if end > start else b""
            # The first partition starts where the file does (a BOM, the line
            # the reader decided the layout from); the others are runs of lines.
            orders = conv.convert(data, base_offset=start, ndjson_chunk=start > 0)
    # A local file is named as the CLI would name it; others by their URL.
    name = path if isinstance(fs, LocalFileSystem) else fs.unstrip_protocol(path)
    return {
        "orders": orders,
        "rejects": [{"input": name, **r} for r in conv.rejects],
        "warnings": [{"input": name, **w} for w in conv.warnings],
        "records": conv.records,
    }


def _renumber(entries, before):
    """Records numbered in the whole file: after the `before` records of the
    file's partitions before this one."""
    if not before:
        return entries
    return [{**e, "record": e["record"] + before} for e in entries]


def _files(fs, paths):
    out = []
    for path in paths:
        if fs.isdir(path):
            out += sorted(p for p in fs.find(path) if not fs.isdir(p))
        else:
            out.append(path)
    return out


def _splittable(fs, path, size):
    """Only an uncompressed NDJSON file that is no bulk export is split. Told
    on the client, from the file's first 4 MiB at most."""
    with fs.open(path, "rb") as f:
        magic = f.read(4)
        if magic.startswith(_GZIP) or magic.startswith(_ZSTD):
            return False  # told by 4 bytes: a compressed file's head is not read
        head = magic + f.read(min(size, _HEAD_BYTES) - len(magic))
    return input_layout(head) == "ndjson"  # not "bulk_export": its children must meet their order


def read_orders(urlpath, source="auto", blocksize="64MiB", *, rejects=False,
                storage_options=None, **options):
    """Reads orders from files (a path, a glob, a directory or a list of
    them, local or any fsspec URL) into a ``dask.bag.Bag`` of order dicts, in
    file order then input order. ``blocksize`` (bytes or "64MiB"; None: one
    partition per file) splits plain NDJSON files on line boundaries.
    With ``rejects=True`` returns an :class:`OrderBags` (orders, rejects,
    warnings, to_dataframe()) instead. ``options`` are
    :class:`ordernorm.Converter`'s (mapper, strict, limits, as_of, money,
    timestamps; threads is 1 unless given)."""
    if "as_of" in options:
        options["as_of"] = _as_of_text(options["as_of"])
    # One thread per partition: Dask runs partitions in parallel, a thread
    # per core, and more per partition would only compete with them.
    options.setdefault("threads", 1)
    Converter(source, **options)  # bad options fail here, not on a worker
    if isinstance(blocksize, str):
        blocksize = parse_bytes(blocksize)
    if blocksize is not None and blocksize <= 0:
        raise ValueError("blocksize must be positive (or None: one partition per file)")
    fs, _, paths = fsspec.get_fs_token_paths(urlpath, mode="rb",
                                             storage_options=storage_options or {})
    files = _files(fs, paths)
    if not files:
        raise FileNotFoundError(f"no files match {urlpath!r}")

    order_parts, reject_parts, warning_parts = [], [], []
    for path in files:
        size = fs.size(path)
        if blocksize is None or size <= blocksize or not _splittable(fs, path, size):
            ranges = [(0, size, True)]
        else:
            ranges = [(o, blocksize, False) for o in range(0, size, blocksize)]
        before = 0  # records in the file's partitions so far: a chain of sums, not n^2 edges
        for offset, length, whole in ranges:
            part = dask.delayed(_convert_part, pure=True)(fs, path, offset, length, size, whole,
                                                          source, options)
            order_parts.append(part["orders"])
            reject_parts.append(dask.delayed(_renumber, pure=True)(part["rejects"], before))
            warning_parts.append(dask.delayed(_renumber, pure=True)(part["warnings"], before))
            before = dask.delayed(operator.add, pure=True)(before, part["records"])
    orders = db.from_delayed(order_parts)
    if not rejects:
        return orders
    return OrderBags(orders, db.from_delayed(reject_parts), db.from_delayed(warning_parts),
                     options.get("timestamps", "str"))
