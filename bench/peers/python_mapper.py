#!/usr/bin/env python3
"""Shopify Admin REST order -> the peers' projection of ordernorm's output
(bench/peers/README.md): json.loads per line and a hand-written mapping.

    python3 python_mapper.py orders.ndjson > projection.ndjson

Money stays text (json parses Shopify's "199.00" strings as strings) and is
summed as integers of minor units, never as floats.
"""
import json
import sys
from datetime import datetime, timezone

# ISO 4217 codes whose minor units are not 2 (ordernorm's table, src/money.cpp).
MINOR_UNITS = {
    **dict.fromkeys("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(), 0),
    **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3),
    **dict.fromkeys("CLF UYW".split(), 4),
}
PAYMENT = {
    "pending": "Pending", "authorized": "Authorized", "partially_paid": "PartiallyPaid",
    "paid": "Paid", "partially_refunded": "PartiallyRefunded", "refunded": "Refunded",
    "voided": "Voided", "expired": "Voided",
}
FULFILLMENT = {"": "unfulfilled", "restocked": "unfulfilled", "partial": "partial",
               "fulfilled": "fulfilled"}
SHIPMENT = {
    "label_printed": "pre_transit", "label_purchased": "pre_transit", "confirmed": "pre_transit",
    "carrier_picked_up": "in_transit", "in_transit": "in_transit", "delayed": "in_transit",
    "attempted_delivery": "in_transit", "out_for_delivery": "out_for_delivery",
    "ready_for_pickup": "available_for_pickup", "picked_up": "delivered",
    "delivered": "delivered", "failure": "failure",
}
DEAD_FULFILLMENTS = {"cancelled", "error", "failure"}


def text(v):
    """"" and null are the same to ordernorm; both come out as null."""
    return None if v is None or v == "" else v


def ident(v):
    return None if v is None or v == "" else str(v)


def money(v, minor):
    """ordernorm's money text: the fraction padded to the currency's minor
    units, trailing zeros beyond them dropped, never a non-zero digit dropped,
    no "-0"."""
    if v is None or v == "":
        return None
    s = v if isinstance(v, str) else repr(v)
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    whole, _, frac = s.partition(".")
    whole = whole.lstrip("0") or "0"
    if minor >= 0:
        frac = frac.rstrip("0")
    zero = whole == "0" and not frac.strip("0")
    if len(frac) < minor:
        frac += "0" * (minor - len(frac))
    return ("-" if negative and not zero else "") + whole + ("." + frac if frac else "")


def decimal_sum(values):
    """The exact sum of decimal texts (None skipped) as text; None when none."""
    units, scale, seen = 0, 0, False
    for v in values:
        if v is None or v == "":
            continue
        s = v if isinstance(v, str) else repr(v)
        _, _, frac = s.partition(".")
        n = int(s.replace(".", ""))
        if len(frac) > scale:
            units *= 10 ** (len(frac) - scale)
            scale = len(frac)
        units += n * 10 ** (scale - len(frac))
        seen = True
    if not seen:
        return None
    digits = str(abs(units)).rjust(scale + 1, "0")
    if scale:
        digits = digits[:-scale] + "." + digits[-scale:]
    return ("-" if units < 0 else "") + digits


def utc(v):
    """RFC 3339 with an offset -> UTC with milliseconds."""
    if not v:
        return None
    t = datetime.fromisoformat(v).astimezone(timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def address(a):
    if not a:
        return None
    out = {
        "firstName": text(a.get("first_name")), "lastName": text(a.get("last_name")),
        "company": text(a.get("company")), "address1": text(a.get("address1")),
        "address2": text(a.get("address2")), "city": text(a.get("city")),
        "region": text(a.get("province_code")) or text(a.get("province")),
        "postalCode": text(a.get("zip")), "countryCode": text(a.get("country_code")),
        "phone": text(a.get("phone")),
    }
    return None if all(v is None for v in out.values()) else out


def customer(o):
    c = o.get("customer")
    if not c:
        return None
    email = text(c.get("email"))
    first, last = text(c.get("first_name")), text(c.get("last_name"))
    if (ident(c.get("id")) is None and first is None and last is None and email is None
            and text(c.get("phone")) is None):
        return None
    if email is None:
        email = text(o.get("email")) or text(o.get("contact_email"))
    return {"email": email, "firstName": first, "lastName": last}


def order_status(o):
    if text(o.get("cancelled_at")):
        return "Cancelled"
    if text(o.get("closed_at")):
        return "Completed"
    if o.get("fulfillment_status") == "fulfilled":
        return "Shipped"
    if o.get("financial_status") == "pending":
        return "Pending"
    return "Active"


def project(o):
    currency = o.get("currency")
    minor = MINOR_UNITS.get(currency, 2) if currency else -1
    shipping = text(((o.get("total_shipping_price_set") or {}).get("shop_money") or {}).get("amount"))
    if shipping is None:
        shipping = decimal_sum(line.get("price") for line in o.get("shipping_lines") or [])
    shipments = []
    for f in o.get("fulfillments") or []:
        if f.get("status") in DEAD_FULFILLMENTS:
            continue
        carrier = text(f.get("tracking_company"))
        status = SHIPMENT.get(f.get("shipment_status") or "", "unknown")
        numbers = f.get("tracking_numbers") or []
        if not numbers and text(f.get("tracking_number")):
            numbers = [f["tracking_number"]]
        if not numbers:
            shipments.append({"trackingCode": None, "carrier": carrier, "status": status})
        for n in numbers:
            shipments.append({"trackingCode": text(n), "carrier": carrier, "status": status})
    remote_id = ident(o.get("id"))
    return {
        "id": None if remote_id is None else "shopify:" + remote_id,
        "orderNumber": ident(o.get("order_number")),
        "currency": text(currency),
        "remoteCreatedAt": utc(o.get("created_at")),
        "remoteUpdatedAt": utc(o.get("updated_at")),
        "orderStatus": order_status(o),
        "paymentStatus": PAYMENT.get(o.get("financial_status") or "", "Unknown"),
        "fulfillmentStatus": FULFILLMENT.get(o.get("fulfillment_status") or "", "unknown"),
        "totalPrice": money(o.get("total_price"), minor),
        "totalTax": money(o.get("total_tax"), minor),
        "totalShipping": money(shipping, minor),
        "totalDiscount": money(o.get("total_discounts"), minor),
        "lineItems": [{
            "lineItemId": ident(li.get("id")), "sku": text(li.get("sku")),
            "title": text(li.get("title")), "quantity": li.get("quantity"),
            "price": money(li.get("price"), minor),
        } for li in o.get("line_items") or []],
        "shippingAddress": address(o.get("shipping_address")),
        "customer": customer(o),
        "shipments": shipments,
    }


def main():
    source = open(sys.argv[1], "rb") if len(sys.argv) > 1 else sys.stdin.buffer
    out = sys.stdout.buffer  # UTF-8 whatever the locale
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    batch = []
    for line in source:
        if line.strip():
            batch.append(dumps(project(json.loads(line))))
        if len(batch) == 1000:  # fewer, larger writes
            out.write(("\n".join(batch) + "\n").encode())
            batch.clear()
    if batch:
        out.write(("\n".join(batch) + "\n").encode())


if __name__ == "__main__":
    main()
