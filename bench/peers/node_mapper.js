#!/usr/bin/env node
// Shopify Admin REST order -> the peers' projection of ordernorm's output
// (bench/peers/README.md): readline + JSON.parse per line and a hand-written
// mapping, the way most unified-API code does it.
//
//   node node_mapper.js orders.ndjson > projection.ndjson
//
// JSON.parse gives doubles, so money is handled as the text Shopify sends
// and summed as integers of minor units; ids (< 2^53 in Shopify) are exact.
'use strict';

const fs = require('fs');
const readline = require('readline');

// ISO 4217 codes whose minor units are not 2 (ordernorm's table, src/money.cpp).
const MINOR_UNITS = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3, CLF: 4, UYW: 4,
};
const minorUnits = (code) => (code ? (MINOR_UNITS[code] ?? 2) : -1);

const PAYMENT = {
  pending: 'Pending', authorized: 'Authorized', partially_paid: 'PartiallyPaid', paid: 'Paid',
  partially_refunded: 'PartiallyRefunded', refunded: 'Refunded', voided: 'Voided',
  expired: 'Voided',
};
const FULFILLMENT = {
  '': 'unfulfilled', restocked: 'unfulfilled', partial: 'partial', fulfilled: 'fulfilled',
};
const SHIPMENT = {
  label_printed: 'pre_transit', label_purchased: 'pre_transit', confirmed: 'pre_transit',
  carrier_picked_up: 'in_transit', in_transit: 'in_transit', delayed: 'in_transit',
  attempted_delivery: 'in_transit', out_for_delivery: 'out_for_delivery',
  ready_for_pickup: 'available_for_pickup', picked_up: 'delivered', delivered: 'delivered',
  failure: 'failure',
};
const DEAD_FULFILLMENTS = new Set(['cancelled', 'error', 'failure']);
const has = (table, key) => Object.prototype.hasOwnProperty.call(table, key);

// "" and null are the same to ordernorm; both come out as null.
const text = (v) => (v === undefined || v === null || v === '' ? null : v);
const id = (v) => (v === undefined || v === null || v === '' ? null : String(v));

// ordernorm's money text: the fraction padded to the currency's minor units,
// trailing zeros beyond them dropped, never a non-zero digit dropped, no "-0".
function money(v, minor) {
  if (v === undefined || v === null || v === '') return null;
  let s = String(v);
  const negative = s[0] === '-';
  if (negative) s = s.slice(1);
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  int = int.replace(/^0+(?=\d)/, '');
  if (minor >= 0) {
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) --end;
    frac = frac.slice(0, end);
  }
  const zero = int === '0' && !/[1-9]/.test(frac);
  if (frac.length < minor) frac += '0'.repeat(minor - frac.length);
  return (negative && !zero ? '-' : '') + int + (frac ? '.' + frac : '');
}

// The exact sum of decimal texts (nulls skipped) as text; null when none.
function decimalSum(values) {
  let units = 0n;
  let scale = 0;
  let any = false;
  for (const v of values) {
    if (v === undefined || v === null || v === '') continue;
    const s = String(v);
    const dot = s.indexOf('.');
    const digits = dot < 0 ? 0 : s.length - dot - 1;
    const n = BigInt(s.replace('.', ''));
    if (digits > scale) {
      units *= 10n ** BigInt(digits - scale);
      scale = digits;
    }
    units += n * 10n ** BigInt(scale - digits);
    any = true;
  }
  if (!any) return null;
  const negative = units < 0n;
  let d = (negative ? -units : units).toString().padStart(scale + 1, '0');
  if (scale > 0) d = d.slice(0, d.length - scale) + '.' + d.slice(d.length - scale);
  return (negative ? '-' : '') + d;
}

// RFC 3339 with an offset -> UTC with milliseconds ("2023-11-19T17:00:17.000Z").
const utc = (v) => (v ? new Date(v).toISOString() : null);

// An object whose every field is empty is null in ordernorm's output.
const blank = (o) => Object.values(o).every((v) => v === null);

function address(a) {
  if (!a) return null;
  const out = {
    firstName: text(a.first_name), lastName: text(a.last_name), company: text(a.company),
    address1: text(a.address1), address2: text(a.address2), city: text(a.city),
    region: text(a.province_code) ?? text(a.province), postalCode: text(a.zip),
    countryCode: text(a.country_code), phone: text(a.phone),
  };
  return blank(out) ? null : out;
}

function customer(o) {
  const c = o.customer;
  if (!c) return null;
  const full = {
    id: id(c.id), firstName: text(c.first_name), lastName: text(c.last_name),
    email: text(c.email), phone: text(c.phone),
  };
  if (blank(full)) return null;
  return {
    email: full.email ?? text(o.email) ?? text(o.contact_email),
    firstName: full.firstName, lastName: full.lastName,
  };
}

function orderStatus(o) {
  if (text(o.cancelled_at)) return 'Cancelled';
  if (text(o.closed_at)) return 'Completed';
  if (o.fulfillment_status === 'fulfilled') return 'Shipped';
  if (o.financial_status === 'pending') return 'Pending';
  return 'Active';
}

function project(o) {
  const minor = minorUnits(o.currency);
  const setShipping = text(o.total_shipping_price_set?.shop_money?.amount);
  const shipments = [];
  for (const f of o.fulfillments ?? []) {
    if (DEAD_FULFILLMENTS.has(f.status)) continue;
    const carrier = text(f.tracking_company);
    const status = has(SHIPMENT, f.shipment_status) ? SHIPMENT[f.shipment_status] : 'unknown';
    let numbers = f.tracking_numbers ?? [];
    if (numbers.length === 0 && text(f.tracking_number)) numbers = [f.tracking_number];
    if (numbers.length === 0) shipments.push({ trackingCode: null, carrier, status });
    for (const n of numbers) shipments.push({ trackingCode: text(n), carrier, status });
  }
  const remoteId = id(o.id);
  const financial = o.financial_status ?? '';
  const fulfillment = o.fulfillment_status ?? '';
  return {
    id: remoteId === null ? null : 'shopify:' + remoteId,
    orderNumber: id(o.order_number),
    currency: text(o.currency),
    remoteCreatedAt: utc(o.created_at),
    remoteUpdatedAt: utc(o.updated_at),
    orderStatus: orderStatus(o),
    paymentStatus: has(PAYMENT, financial) ? PAYMENT[financial] : 'Unknown',
    fulfillmentStatus: has(FULFILLMENT, fulfillment) ? FULFILLMENT[fulfillment] : 'unknown',
    totalPrice: money(o.total_price, minor),
    totalTax: money(o.total_tax, minor),
    totalShipping: money(
      setShipping ?? decimalSum((o.shipping_lines ?? []).map((l) => l.price)), minor),
    totalDiscount: money(o.total_discounts, minor),
    lineItems: (o.line_items ?? []).map((li) => ({
      lineItemId: id(li.id), sku: text(li.sku), title: text(li.title),
      quantity: li.quantity ?? null, price: money(li.price, minor),
    })),
    shippingAddress: address(o.shipping_address),
    customer: customer(o),
    shipments,
  };
}

// Output goes out in ~1 MB chunks: one write per line would make this peer
// measure syscalls rather than mapping.
const input = process.argv[2] ? fs.createReadStream(process.argv[2]) : process.stdin;
const lines = readline.createInterface({ input, crlfDelay: Infinity });
let pending = [];
let pendingBytes = 0;
lines.on('line', (line) => {
  if (line.length === 0) return;
  const out = JSON.stringify(project(JSON.parse(line)));
  pending.push(out);
  pendingBytes += out.length;
  if (pendingBytes > 1 << 20) {
    process.stdout.write(pending.join('\n') + '\n');
    pending = [];
    pendingBytes = 0;
  }
});
lines.on('close', () => {
  if (pending.length) process.stdout.write(pending.join('\n') + '\n');
});
