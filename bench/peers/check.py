#!/usr/bin/env python3
"""Checks a peer's output against ordernorm's on the projection's fields
(bench/peers/README.md), line by line.

    python3 check.py ORDERNORM.ndjson PEER.ndjson [NAME]

ORDERNORM.ndjson is `ordernorm convert` output for the same input; it is cut
down to the projection here, and each peer line must equal it exactly: same
keys, same values, same types ("29.00" is not "29.0", 1 is not "1"). On the
first difference this prints the order, the field and both values, and exits 1.
"""
import json
import sys

# The projection: ordernorm's own key names and nesting, a subset of its output.
ORDER_KEYS = [
    "id", "orderNumber", "currency", "remoteCreatedAt", "remoteUpdatedAt",
    "orderStatus", "paymentStatus", "fulfillmentStatus",
    "totalPrice", "totalTax", "totalShipping", "totalDiscount",
]
LINE_ITEM_KEYS = ["lineItemId", "sku", "title", "quantity", "price"]
ADDRESS_KEYS = ["firstName", "lastName", "company", "address1", "address2", "city",
                "region", "postalCode", "countryCode", "phone"]
CUSTOMER_KEYS = ["email", "firstName", "lastName"]
SHIPMENT_KEYS = ["trackingCode", "carrier", "status"]


def pick(obj, keys):
    return None if obj is None else {k: obj[k] for k in keys}


def project(order):
    """ordernorm's Order -> the projection every peer writes."""
    out = {k: order[k] for k in ORDER_KEYS}
    out["lineItems"] = [pick(li, LINE_ITEM_KEYS) for li in order["lineItems"]]
    out["shippingAddress"] = pick(order["shippingAddress"], ADDRESS_KEYS)
    out["customer"] = pick(order["customer"], CUSTOMER_KEYS)
    out["shipments"] = [pick(s, SHIPMENT_KEYS) for s in order["shipments"]]
    return out


def first_difference(want, got, path):
    """The path of the first difference and the two values there, or None."""
    if isinstance(want, dict) and isinstance(got, dict):
        for k in list(want) + [k for k in got if k not in want]:
            if k not in got:
                return path + "." + k, want[k], "(missing)"
            if k not in want:
                return path + "." + k, "(not in the projection)", got[k]
            d = first_difference(want[k], got[k], path + "." + k)
            if d:
                return d
        return None
    if isinstance(want, list) and isinstance(got, list):
        for i, (w, g) in enumerate(zip(want, got)):
            d = first_difference(w, g, "%s[%d]" % (path, i))
            if d:
                return d
        if len(want) != len(got):
            return path + ".length", len(want), len(got)
        return None
    # type() too: JSON's 1 and 1.0 and true are different values here.
    if type(want) is not type(got) or want != got:
        return path, want, got
    return None


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    name = sys.argv[3] if len(sys.argv) == 4 else sys.argv[2]
    with open(sys.argv[1], "rb") as ours, open(sys.argv[2], "rb") as theirs:
        want_lines = [line for line in ours if line.strip()]
        got_lines = [line for line in theirs if line.strip()]
    for n, (w, g) in enumerate(zip(want_lines, got_lines), 1):
        want = project(json.loads(w))
        try:
            got = json.loads(g)
        except ValueError as e:
            print("%s: line %d is not JSON (%s)" % (name, n, e), file=sys.stderr)
            return 1
        d = first_difference(want, got, "")
        if d:
            path, w_value, g_value = d
            print("%s: order %s (line %d) differs at %s:\n  ordernorm: %s\n  %s: %s" % (
                name, want["id"], n, path.lstrip("."), json.dumps(w_value, ensure_ascii=False),
                name, json.dumps(g_value, ensure_ascii=False)), file=sys.stderr)
            return 1
    if len(want_lines) != len(got_lines):
        print("%s: %d orders, ordernorm %d" % (name, len(got_lines), len(want_lines)),
              file=sys.stderr)
        return 1
    if not want_lines:
        print("%s: no orders to compare" % name, file=sys.stderr)
        return 1
    print("%s: %d orders match ordernorm on every projected field" % (name, len(want_lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
