#!/usr/bin/python3
"""Every reviewed output validates against the schema the built CLI prints.

Usage: schema_test.py CLI TESTS_DIR INSTALLED_SCHEMA

The golden and conformance outputs (tests/golden, tests/golden_tracking,
tests/conformance) are what the writer writes, so a writer change the schema
does not follow, or the other way round, fails here. `ordernorm track
--explain` is run on the tracking golden inputs too, for the keys the CLI adds
to each shipment. Negative cases show the schema can fail.

Runs under Debian's /usr/bin/python3 with python3-jsonschema; a missing
jsonschema is a failure, not a skip.
"""

import copy
import datetime
import json
import pathlib
import re
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("FAIL: the jsonschema module is missing (apt-get install python3-jsonschema)")
    sys.exit(1)

cli, tests_dir, installed = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    return subprocess.run([cli, *args], check=True, capture_output=True, text=True).stdout


# A date-time checker of our own: jsonschema checks date-time only with the
# optional rfc3339-validator, which Debian does not install with it.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
format_checker = jsonschema.FormatChecker(formats=())


@format_checker.checks("date-time", raises=ValueError)
def is_date_time(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        raise ValueError("not RFC 3339")
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))  # Feb 30 raises
    return True


def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=format_checker)


order_text = run("schema")
check(run("schema") == order_text, "`ordernorm schema` differs between two runs")
check(run("schema", "--of", "order") == order_text, "--of order is not the default")
check(installed.read_text() == order_text, f"{installed} is not `ordernorm schema`'s output")
orders = validator(json.loads(order_text))
shipments = validator(json.loads(run("schema", "--of", "shipment")))


def errors(v, instance):
    return [e.message for e in v.iter_errors(instance)]


def validate_lines(v, path, text=None):
    count = 0
    text = path.read_text() if text is None else text
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        count += 1
        for message in errors(v, json.loads(line)):
            failures.append(f"{path}:{n}: {message}")
    return count


counts = {"golden orders": 0, "golden shipments": 0, "conformance orders": 0,
          "conformance shipments": 0, "track --explain shipments": 0}
for path in sorted((tests_dir / "golden").glob("**/*.expected.ndjson")):
    counts["golden orders"] += validate_lines(orders, path)
for path in sorted((tests_dir / "golden_tracking").glob("**/*.expected.ndjson")):
    counts["golden shipments"] += validate_lines(shipments, path)
for path in sorted((tests_dir / "conformance").glob("**/*.expected.ndjson")):
    tracking = path.relative_to(tests_dir / "conformance").parts[0] == "tracking"
    key = "conformance shipments" if tracking else "conformance orders"
    counts[key] += validate_lines(shipments if tracking else orders, path)
for path in sorted((tests_dir / "golden_tracking").glob("*/*.json")):
    source = path.parent.name
    result = subprocess.run([cli, "track", "--explain", "-q", "-j", "1", "--from", source,
                             "--as-of", "2025-01-01T00:00:00Z", str(path)],
                            capture_output=True, text=True)
    check(result.returncode in (0, 1), f"track {path}: exit {result.returncode}")
    counts["track --explain shipments"] += validate_lines(shipments, path, result.stdout)
for what, n in counts.items():
    check(n > 0, f"no {what} validated: the test found nothing to read")

# Negative cases: each must be rejected, or the schema checks nothing.
golden = sorted((tests_dir / "golden").glob("**/*.expected.ndjson"))
sample = next(json.loads(line) for p in golden for line in p.read_text().splitlines()
              if '"totalPrice":"' in line and '"remoteCreatedAt":"' in line)


def rejected(v, name, change, base):
    instance = copy.deepcopy(base)
    change(instance)
    check(errors(v, instance), f"accepted: {name}")


def setter(key, value):
    return lambda o: o.__setitem__(key, value)


rejected(orders, "an unknown key", setter("extraKey", 1), sample)
rejected(orders, "orderStatus Bogus", setter("orderStatus", "Bogus"), sample)
rejected(orders, "a missing key", lambda o: o.pop("remoteId"), sample)
rejected(orders, "money as a JSON number", setter("totalPrice", 12.5), sample)
rejected(orders, "money with a comma", setter("totalPrice", "12,50"), sample)
rejected(orders, "money with an exponent", setter("totalPrice", "1e2"), sample)
rejected(orders, "an empty text (the writer writes null)", setter("remoteId", ""), sample)
rejected(orders, "a time without milliseconds", setter("remoteCreatedAt", "2024-01-01T00:00:00Z"),
         sample)
rejected(orders, "an impossible date (format date-time)",
         setter("remoteCreatedAt", "2024-02-30T00:00:00.000Z"), sample)
shipment_sample = next(json.loads(line) for p in sorted(
    (tests_dir / "golden_tracking").glob("**/*.expected.ndjson"))
    for line in p.read_text().splitlines() if line.strip())
rejected(orders, "a shipment with track's derivation keys inside an order",
         setter("shipments", [{**shipment_sample, "decidedBy": 0, "rule": "x"}]), sample)
rejected(shipments, "decidedBy without rule", setter("decidedBy", 0), shipment_sample)
rejected(shipments, "an unknown shipment status", setter("status", "lost"), shipment_sample)
# Money is not always written with the currency's minor units ("10.005" in
# USD keeps its digit; an unknown currency keeps the source's), so "12.5" is
# valid money: the schema must not reject what the writer can write.
check(not errors(orders, {**sample, "totalPrice": "12.5"}), "rejected: money 12.5")

for what, n in counts.items():
    print(f"{n} {what} valid")
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
