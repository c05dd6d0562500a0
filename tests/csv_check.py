#!/usr/bin/python3
"""convert --format csv, read by pandas, says what the NDJSON says.

Usage: csv_check.py CLI SOURCE_DIR

For every golden input (tests/golden/*/*.json, *.jsonl) and every example,
the CLI writes NDJSON and, on the same input, CSV with --line-items. pandas
reads both CSV files (every field as text, an empty field as "") and each
cell is checked against the NDJSON: a column "a" is the order's "a", a
column "a.b" its object "a"'s "b" (empty when "a" is null); strings as they
are, null empty, booleans true/false, numbers as the JSON writes them. Each
line item row is checked against the lineItems of the order its orderId
names, in order. Every scalar key of the JSON is a column, and no column is
made up. Independent of the C++ code: it reads only the CLI's two outputs.

Runs under Debian's /usr/bin/python3 with python3-pandas; a missing pandas is
a failure, not a skip.
"""

import json
import pathlib
import subprocess
import sys
import tempfile

try:
    import pandas
except ImportError:
    print("FAIL: the pandas module is missing (apt-get install python3-pandas)")
    sys.exit(1)

cli, source_dir = sys.argv[1], pathlib.Path(sys.argv[2])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def text_of(value, raw):
    """A JSON value as the CSV spells it; `raw` is its JSON text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    return raw  # a number, exactly as written


def raw_numbers(line):
    """`line` parsed with every number kept as its JSON text."""
    return json.loads(line, parse_int=str, parse_float=str)


def cell(order, numbers, column):
    """What the CSV must hold in `column` for `order`."""
    if "." in column:
        head, key = column.split(".", 1)
        sub = order.get(head)
        check(head in order, f"column {column}: no key {head} in the order")
        if sub is None:
            return ""
        check(key in sub, f"column {column}: no key {key} in {head}")
        return text_of(sub.get(key), numbers[head][key] if numbers[head] else None)
    check(column in order, f"column {column}: no such key in the order")
    return text_of(order.get(column), numbers.get(column))


def expected_columns(order):
    """The columns an order's keys call for (objects flattened)."""
    columns = []
    for key, value in order.items():
        if isinstance(value, list):
            continue
        if isinstance(value, dict):
            columns.extend(f"{key}.{sub}" for sub in value)
        else:
            columns.append(key)
    return columns


inputs = sorted(source_dir.glob("tests/golden/*/*.json")) + sorted(
    source_dir.glob("tests/golden/*/*.jsonl")
) + sorted((source_dir / "examples").iterdir())
orders_seen = items_seen = 0
with tempfile.TemporaryDirectory() as scratch:
    items_path = pathlib.Path(scratch) / "items.csv"
    for path in inputs:
        ndjson = subprocess.run([cli, "convert", "-q", str(path)], capture_output=True, text=True)
        csv = subprocess.run(
            [cli, "convert", "-q", "--format", "csv", "--line-items", str(items_path), str(path)],
            capture_output=True,
        )
        check(ndjson.returncode == csv.returncode, f"{path}: exit {ndjson.returncode} vs {csv.returncode}")
        lines = [line for line in ndjson.stdout.split("\n") if line]
        orders = [json.loads(line) for line in lines]
        numbers = [raw_numbers(line) for line in lines]

        raw_csv = csv.stdout
        check(raw_csv.endswith(b"\r\n"), f"{path}: the CSV does not end with CRLF")
        read = dict(dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
        (pathlib.Path(scratch) / "orders.csv").write_bytes(raw_csv)
        table = pandas.read_csv(pathlib.Path(scratch) / "orders.csv", **read)
        items = pandas.read_csv(items_path, **read)

        check(len(table) == len(orders), f"{path}: {len(table)} CSV rows, {len(orders)} orders")
        objects = {column.split(".")[0] for column in table.columns if "." in column}
        for order in orders:
            # A null object (customer: null) has its columns all the same.
            extra = set(expected_columns(order)) - set(table.columns) - objects
            check(not extra, f"{path}: keys without a column: {sorted(extra)}")
        for i, (order, nums) in enumerate(zip(orders, numbers)):
            row = table.iloc[i]
            for column in table.columns:
                want = cell(order, nums, column)
                check(row[column] == want, f"{path}: order {i + 1} {column}: {row[column]!r}, want {want!r}")
            orders_seen += 1

        want_items = [(o["id"], item, n) for o, on in zip(orders, numbers)
                      for item, n in zip(o["lineItems"], on["lineItems"])]
        check(len(items) == len(want_items), f"{path}: {len(items)} line item rows, want {len(want_items)}")
        check(list(items.columns)[:1] == ["orderId"], f"{path}: line items do not begin with orderId")
        for j, (order_id, item, nums) in enumerate(want_items[: len(items)]):
            row = items.iloc[j]
            check(row["orderId"] == order_id, f"{path}: line item {j + 1} orderId {row['orderId']!r}")
            check(set(items.columns[1:]) == set(item), f"{path}: line item columns {list(items.columns)}")
            for column in items.columns[1:]:
                want = text_of(item.get(column), nums.get(column))
                check(row[column] == want, f"{path}: line item {j + 1} {column}: {row[column]!r}, want {want!r}")
            items_seen += 1

check(orders_seen > 100, f"only {orders_seen} orders checked")
check(items_seen > 100, f"only {items_seen} line items checked")
for failure in failures[:50]:
    print("FAIL:", failure)
print(f"{len(inputs)} inputs, {orders_seen} orders, {items_seen} line items; {len(failures)} failures")
sys.exit(1 if failures else 0)
