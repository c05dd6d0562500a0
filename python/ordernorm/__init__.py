"""ordernorm: platform order JSON -> one common Order model, from Python.

The C++ engine of the ``ordernorm`` command line, for Debian's
``/usr/bin/python3`` (3.11). Each order comes out as a dict equal to
``json.loads`` of the line ``ordernorm convert`` prints for it; money and
timestamps are exact text unless ``money="decimal"`` / ``timestamps="datetime"``
are asked for. The GIL is released while C++ converts.

    import ordernorm
    orders = ordernorm.convert(open("orders.ndjson", "rb").read())
    conv = ordernorm.Converter("shopify")
    orders = conv.convert(data)            # conv.rejects, conv.warnings, conv.records
    for order in ordernorm.convert_file("orders.ndjson.gz"):
        ...
    ndjson = ordernorm.convert(data, output="ndjson")   # bytes, one line per order
"""

import datetime as _datetime
import os as _os

from ._ordernorm import Converter, FileStream, Tracker, __version__, input_layout

__all__ = [
    "Converter",
    "FileStream",
    "Tracker",
    "convert",
    "convert_file",
    "track",
    "input_layout",
    "__version__",
]


def _as_of_text(as_of):
    """as_of may be given as a datetime (naive means UTC) or as RFC 3339 text."""
    if isinstance(as_of, _datetime.datetime):
        if as_of.tzinfo is None:
            as_of = as_of.replace(tzinfo=_datetime.timezone.utc)
        return as_of.isoformat()
    return as_of


def convert(data, source="auto", *, output="dicts", **options):
    """Converts ``data`` (bytes, str or bytes-like: NDJSON, a JSON document,
    an array or envelope of orders, gzip or zstd bytes) and returns the
    orders: a list of dicts, or NDJSON ``bytes`` with ``output="ndjson"``.
    Rejected records are dropped here: use a :class:`Converter` to see them.
    ``options`` are :class:`Converter`'s (mapper, strict, limits, as_of,
    money, timestamps, threads)."""
    if "as_of" in options:
        options["as_of"] = _as_of_text(options["as_of"])
    return Converter(source, **options).convert(data, output)


def convert_file(path, source="auto", *, output="dicts", batch_size=1024, **options):
    """Iterates over the orders of a file (NDJSON, JSON documents, gzip,
    zstd, Shopify bulk exports: what ``ordernorm convert FILE`` reads), as
    dicts, or as NDJSON ``bytes`` chunks of up to ``batch_size`` orders with
    ``output="ndjson"``. A thread converts ahead of the caller, a few batches
    at most, so the file is never held whole. The returned iterator has
    ``.rejects``, ``.warnings`` and the counts once it is exhausted; a read
    failure part way (a truncated gzip file) raises OSError after the orders
    read before it. ``path`` may be ``"-"`` for standard input."""
    if "as_of" in options:
        options["as_of"] = _as_of_text(options["as_of"])
    return FileStream(_os.fspath(path), Converter(source, **options), output, batch_size)


def track(data, source="auto", *, output="dicts", **options):
    """Reads tracking documents (a carrier's response, an EasyPost tracker,
    a Malomo order) and returns each shipment with its status derived from
    its scan events, as ``ordernorm track`` prints it: a list of dicts, or
    NDJSON ``bytes`` with ``output="ndjson"``. ``options`` are
    :class:`Tracker`'s (explain, mapper, strict, limits, as_of, timestamps)."""
    if "as_of" in options:
        options["as_of"] = _as_of_text(options["as_of"])
    return Tracker(source, **options).track(data, output)
