// Squarespace Commerce Orders API v1.0 order (GET /1.0/commerce/orders[/{id}],
// one element of its `{"result":[...],"pagination":{...}}` page) -> common
// model.
//
// Facts and sources: ../shared/research/platforms-woo-sfcc-squarespace-ebay.md §3
// (Orders API docs [S14, S15], the AGG973 connector's live captures [C4]).
//
// Choices this mapping makes, each tested in tests/squarespace_test.cpp or a
// golden case under tests/golden/squarespace/:
// - An order without `id` is rejected (missing_field at /id), as on every
//   platform.
// - `id` (24-hex string) is remoteId and makes id "squarespace:<id>";
//   `orderNumber` (a string, "3618") is orderNumber as given.
// - Times: `createdOn` / `modifiedOn` are UTC `Z`, with or without
//   milliseconds; a value without an offset is UTC by the API's contract
//   (naive_time::utc). `fulfilledOn` has no model field.
// - Statuses: Squarespace's one order-level status is `fulfillmentStatus`
//   (PENDING / FULFILLED / CANCELED, one L); it is fulfillmentStatusRaw and
//   `fulfillment_statuses` maps it to orderStatus and fulfillmentStatus.
//   orderStatusRaw stays null: Squarespace has no field of that name (as on
//   Shopify). FULFILLED is Completed, not Shipped: Squarespace has no later
//   "closed" state, FULFILLED is the end of its lifecycle. CANCELED is
//   unfulfilled: its own status says nothing was fulfilled.
//   Refunds do not change orderStatus (DESIGN: refunds show in paymentStatus).
// - paymentStatus: `paymentState` is paymentStatusRaw; `PAID` is the only
//   value documented or observed [C4], so it is the table's only row; any
//   other value is Unknown with the raw value kept. Orders without
//   `paymentState` (it is newer; the docs example lacks it) are Paid: the
//   Orders API lists orders that checkout has charged, or that were imported
//   as sales already made. Then `refundedTotal` decides, whatever the base:
//   a refund > 0 that equals or exceeds `grandTotal` (compared exactly) is
//   Refunded, a smaller one PartiallyRefunded, as is one that cannot be
//   compared (no grandTotal, or another currency). A zero refund changes
//   nothing.
// - Money is `{"value":"10.00","currency":"USD"}` with the value in any
//   precision ("264.8", "0.0", "123"): parsed exactly, written with the
//   currency's minor units. There is no order-level currency: the order's is
//   the first currency found in this fixed order: grandTotal, subtotal,
//   taxTotal, shippingTotal, discountTotal, refundedTotal, lineItems[]
//   unitPricePaid, shippingLines[] amount, discountLines[] amount. A fixed
//   order, not the document's, so that both mappers and every key order
//   agree.
// - Money objects that disagree in currency (Squarespace writes every amount
//   of an order in the site's currency, so this means a broken or hand-made
//   document): the order still converts, with a warning per disagreeing
//   object (see "Warnings"). An order total in another currency is left null
//   rather than written under the wrong currency; a line keeps its price with
//   its own currency (a line has a currency of its own); a shipping or
//   discount line in another currency makes the sum it would enter null.
// - Totals as placed: totalPrice <- grandTotal, totalTax <- taxTotal,
//   totalShipping <- shippingTotal, totalDiscount <- discountTotal. When
//   shippingTotal / discountTotal is absent (API-created orders in the POST
//   response), the exact sum of shippingLines[].amount /
//   discountLines[].amount, else null. refundedTotal changes no total.
// - Line items: id, productId, variantId, sku, productName (title),
//   quantity, unitPricePaid (the unit price; order-level discounts are in
//   discountLines, not folded into it) with its own currency.
//   variantOptions, customizations, lineItemType, imageUrl and the
//   dimensions have no model field and are not read. With
//   `priceTaxInterpretation` INCLUSIVE the unit price includes tax, as given.
// - Addresses: `billingAddress` / `shippingAddress` {firstName, lastName,
//   address1, address2, city, state, countryCode, postalCode, phone}. `null`
//   (or every field null/"") is no address, not an error. `state` is free
//   text ("NY", "West Indies"): kept as given.
// - Customer: `customerId` and `customerEmail`; Squarespace has no customer
//   name, so first/last name and phone are the billing address's.
// - Shipments: one per `fulfillments[]` entry: carrierName (carrier, as
//   written), trackingNumber, trackingUrl. `service` and `shipDate` have no
//   model field. An entry with none of the three is not a shipment. No scan
//   events: Squarespace has none, so the status stays unknown.
// - `testmode` is isTest.
// - Not mapped (no model field): channel, channelName,
//   externalOrderReference, fulfilledOn, priceTaxInterpretation,
//   internalNotes, formSubmission, shippingOptionName/ServiceType,
//   idempotencyKey, discount names and promo codes, shipping methods.
//   remoteDeleted is always false (the API has no deleted orders).
//
// Warnings (record_warning; the order still converts), each at the money
// object's JSON pointer:
// - "<key> is in <XXX>, the order in <YYY>: left null" for an order total.
// - "<key> is in <XXX>, the order in <YYY>: the refund is not compared with
//   grandTotal" for refundedTotal.
// - "line item <id> is in <XXX>, the order in <YYY>" for a line's price.
// - "<key> is in <XXX>, the order in <YYY>: <total> left null" for a
//   shipping or discount line summed into a missing total.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::squarespace {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only a Squarespace order carries at its top level. The first key of
// every order is `id` (shared by most platforms); `orderNumber` follows it in
// every documented and captured order, the rest cover trimmed or reordered
// documents. All camelCase names that no other platform's order uses at its
// top level (eBay has `orderFulfillmentStatus` and `lineItems`, SFCC
// `shippingTotal`, `taxTotal`, `billingAddress`: none of those is here; they
// count as shared keys, as every key of order_map does).
inline constexpr std::array<std::string_view, 18> marker_keys{
    {"orderNumber", "createdOn", "modifiedOn", "fulfillmentStatus", "customerEmail", "grandTotal",
     "refundedTotal", "priceTaxInterpretation", "paymentState", "testmode", "shippingLines",
     "discountLines", "discountTotal", "fulfilledOn", "channelName", "externalOrderReference",
     "formSubmission", "internalNotes"}};

// ---------------------------------------------------------------------------
// Status vocabularies.

struct fulfillment_row {
  std::string_view raw;
  order_status order;
  fulfillment_status fulfillment;
};

// `fulfillmentStatus` [S14]: the order's one lifecycle status.
// clang-format off
inline constexpr std::array<fulfillment_row, 3> fulfillment_statuses{{
    // Placed (and charged), awaiting fulfilment.
    {"PENDING",   order_status::active,    fulfillment_status::unfulfilled},
    // Marked fulfilled, with or without shipments: the end of the lifecycle.
    {"FULFILLED", order_status::completed, fulfillment_status::fulfilled},
    // Cancelled by the merchant (US spelling, one L).
    {"CANCELED",  order_status::cancelled, fulfillment_status::unfulfilled},
}};
// clang-format on

constexpr fulfillment_row fulfillment_row_for(std::string_view raw) noexcept {
  for (const fulfillment_row& row : fulfillment_statuses) {
    if (row.raw == raw) return row;
  }
  return {raw, order_status::unknown, fulfillment_status::unknown};
}

struct payment_row {
  std::string_view raw;
  payment_status payment;
};

// `paymentState` [C4]: only PAID is documented or observed.
inline constexpr std::array<payment_row, 1> payment_states{{{"PAID", payment_status::paid}}};

// The base payment status before the refund rule: absent is Paid (see the
// header comment), an unknown value Unknown.
constexpr payment_status payment_state_for(std::string_view raw) noexcept {
  if (raw.empty()) return payment_status::paid;
  for (const payment_row& row : payment_states) {
    if (row.raw == raw) return row.payment;
  }
  return payment_status::unknown;
}

// paymentStatus from the base and the refund: `refunded` and `grand_total`
// unset when absent or not comparable (another currency).
inline payment_status payment_status_for(payment_status base, const opt_money& refunded,
                                         bool refund_not_comparable,
                                         const opt_money& grand_total) noexcept {
  if (!refunded || refunded->units() <= 0) return base;
  if (refund_not_comparable || !grand_total) return payment_status::partially_refunded;
  result<decimal> left = decimal::add(*grand_total, decimal(-refunded->units(), refunded->scale()));
  if (!left) return payment_status::partially_refunded;
  return left->units() <= 0 ? payment_status::refunded : payment_status::partially_refunded;
}

// ---------------------------------------------------------------------------
// Source-side scratch.

// A money object `{"value":"10.00","currency":"USD"}`.
struct money_object {
  opt_money value;
  text currency;
};

struct line_source : line_item {
  money_object unit_price_paid;
};

struct money_line {
  money_object amount;
};

struct order_source : order {
  money_object grand_total;
  money_object subtotal;
  money_object tax_total;
  money_object shipping_total;
  money_object discount_total;
  money_object refunded_total;
  text customer_email;
  text customer_id;
  std::vector<line_source> lines;
  std::vector<money_line> shipping_lines;
  std::vector<money_line> discount_lines;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto utc_time = as_time<naive_time::utc>;  // always UTC by contract

// clang-format off
struct money_object_map {
  using target = money_object;
  static constexpr auto fields = hana::make_tuple(
      field("value",    &money_object::value,    as_money),
      field("currency", &money_object::currency, as_text));
};
inline constexpr auto as_money_object = as_object<money_object_map>;

struct address_map {
  using target = address;
  static constexpr auto fields = hana::make_tuple(
      field("firstName",   &address::first_name,   as_text),
      field("lastName",    &address::last_name,    as_text),
      field("address1",    &address::address1,     as_text),
      field("address2",    &address::address2,     as_text),
      field("city",        &address::city,         as_text),
      field("state",       &address::region,       as_text),
      field("countryCode", &address::country_code, as_text),
      field("postalCode",  &address::postal_code,  as_postal_code),
      field("phone",       &address::phone,        as_text));
};

struct line_item_map {
  using target = line_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",            &line_item::line_item_id,      as_id),
      field("productId",     &line_item::product_id,        as_id),
      field("variantId",     &line_item::variant_id,        as_id),
      field("sku",           &line_item::sku,               as_text),
      field("productName",   &line_item::title,             as_text),
      field("quantity",      &line_item::quantity,          as_quantity),
      field("unitPricePaid", &line_source::unit_price_paid, as_money_object));
};

struct money_line_map {
  using target = money_line;
  static constexpr auto fields = hana::make_tuple(
      field("amount", &money_line::amount, as_money_object));
};

// A fulfillment is read straight into a shipment.
struct fulfillment_map {
  using target = shipment;
  static constexpr auto fields = hana::make_tuple(
      field("carrierName",    &shipment::carrier,       as_text),
      field("trackingNumber", &shipment::tracking_code, as_id),
      field("trackingUrl",    &shipment::tracking_url,  as_text));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                &order::remote_id,              as_id),
      field("orderNumber",       &order::order_number,           as_id),
      field("createdOn",         &order::remote_created_at,      utc_time),
      field("modifiedOn",        &order::remote_updated_at,      utc_time),
      field("fulfillmentStatus", &order::fulfillment_status_raw, as_text),
      field("paymentState",      &order::payment_status_raw,     as_text),
      field("testmode",          &order::is_test,                as_bool),
      field("customerEmail",     &order_source::customer_email,  as_text),
      field("customerId",        &order_source::customer_id,     as_id),
      field("billingAddress",    &order::billing_address,        as_object<address_map>),
      field("shippingAddress",   &order::shipping_address,       as_object<address_map>),
      field("lineItems",         &order_source::lines,           as_array<line_item_map>),
      field("shippingLines",     &order_source::shipping_lines,  as_array<money_line_map>),
      field("discountLines",     &order_source::discount_lines,  as_array<money_line_map>),
      field("fulfillments",      &order::shipments,              as_array<fulfillment_map>),
      field("subtotal",          &order_source::subtotal,        as_money_object),
      field("shippingTotal",     &order_source::shipping_total,  as_money_object),
      field("discountTotal",     &order_source::discount_total,  as_money_object),
      field("taxTotal",          &order_source::tax_total,       as_money_object),
      field("refundedTotal",     &order_source::refunded_total,  as_money_object),
      field("grandTotal",        &order_source::grand_total,     as_money_object));
};
// clang-format on

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

// The order's currency: the first one found in the fixed order of the header
// comment; empty when no money object names one.
inline text order_currency(const order_source& s) noexcept {
  for (const money_object* a : {&s.grand_total, &s.subtotal, &s.tax_total, &s.shipping_total,
                                &s.discount_total, &s.refunded_total}) {
    if (!a->currency.empty()) return a->currency;
  }
  for (const line_source& line : s.lines) {
    if (!line.unit_price_paid.currency.empty()) return line.unit_price_paid.currency;
  }
  for (const auto* lines : {&s.shipping_lines, &s.discount_lines}) {
    for (const money_line& line : *lines) {
      if (!line.amount.currency.empty()) return line.amount.currency;
    }
  }
  return {};
}

// True when `a` is in the order's currency, or names none (then it is taken
// to be the order's: the API states one currency per amount, never none,
// so a missing one carries no disagreement).
inline bool same_currency(const money_object& a, text currency) noexcept {
  return a.currency.empty() || currency.empty() || a.currency == currency;
}

struct order_rules {
  template <class T>
  static void recycle(std::vector<T>& from, std::vector<T>& to) {
    from.clear();
    to = std::move(from);
  }

  static void reset(order_source& s) {
    auto line_items = std::move(s.line_items);
    auto shipments = std::move(s.shipments);
    auto lines = std::move(s.lines);
    auto shipping_lines = std::move(s.shipping_lines);
    auto discount_lines = std::move(s.discount_lines);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates nothing.
    recycle(line_items, s.line_items);
    recycle(shipments, s.shipments);
    recycle(lines, s.lines);
    recycle(shipping_lines, s.shipping_lines);
    recycle(discount_lines, s.discount_lines);
  }

  // A warning at /<key>/<index?>/<sub?> (empty parts left out).
  template <class Walker>
  static void warn_at(Walker& w, std::string_view key, std::int64_t index, std::string_view sub,
                      std::string message) {
    w.push_key(key);
    if (index >= 0) w.push_index(index);
    if (!sub.empty()) w.push_key(sub);
    w.warn(warning_code::other_currency, std::move(message));
    if (!sub.empty()) w.pop();
    if (index >= 0) w.pop();
    w.pop();
  }

  static std::string disagreement(std::string_view what, text got, text order_currency) {
    std::string m(what);
    m += " is in ";
    m += got;
    m += ", the order in ";
    m += order_currency;
    return m;
  }

  // An order total: its value when in the order's currency, else null with
  // a warning.
  template <class Walker>
  static opt_money order_total(Walker& w, const money_object& a, std::string_view key,
                               text currency) {
    if (same_currency(a, currency)) return a.value;
    warn_at(w, key, -1, {}, disagreement(key, a.currency, currency) + ": left null");
    return std::nullopt;
  }

  // The exact sum of `lines`' amounts, or null when there are none, one is in
  // another currency (with a warning) or the sum overflows.
  template <class Walker>
  static opt_money sum_of(Walker& w, const std::vector<money_line>& lines, std::string_view key,
                          std::string_view total_name, text currency) {
    opt_money sum;
    std::int64_t index = 0;
    for (const money_line& line : lines) {
      if (!same_currency(line.amount, currency)) {
        warn_at(w, key, index, "amount",
                disagreement(key, line.amount.currency, currency) + ": " + std::string(total_name) +
                    " left null");
        return std::nullopt;
      }
      ++index;
      if (!line.amount.value) continue;
      if (!sum) {
        sum = line.amount.value;
        continue;
      }
      result<decimal> r = decimal::add(*sum, *line.amount.value);
      if (!r) return std::nullopt;  // no exact sum: no total rather than a wrong one
      sum = *r;
    }
    return sum;
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::squarespace;
    if (s.remote_id.empty()) return missing_id(w, "id");
    s.id = w.arena().concat("squarespace:", s.remote_id);

    // Currency and totals.
    s.currency = order_currency(s);
    s.total_price = order_total(w, s.grand_total, "grandTotal", s.currency);
    s.total_tax = order_total(w, s.tax_total, "taxTotal", s.currency);
    s.total_shipping =
        s.shipping_total.value
            ? order_total(w, s.shipping_total, "shippingTotal", s.currency)
            : sum_of(w, s.shipping_lines, "shippingLines", "totalShipping", s.currency);
    s.total_discount =
        s.discount_total.value
            ? order_total(w, s.discount_total, "discountTotal", s.currency)
            : sum_of(w, s.discount_lines, "discountLines", "totalDiscount", s.currency);

    // Statuses.
    const fulfillment_row row = fulfillment_row_for(s.fulfillment_status_raw);
    s.order_status = row.order;
    s.fulfillment_status = row.fulfillment;
    const bool refund_not_comparable = !same_currency(s.refunded_total, s.currency);
    if (refund_not_comparable && s.refunded_total.value) {
      warn_at(w, "refundedTotal", -1, {},
              disagreement("refundedTotal", s.refunded_total.currency, s.currency) +
                  ": the refund is not compared with grandTotal");
    }
    s.payment_status =
        payment_status_for(payment_state_for(s.payment_status_raw), s.refunded_total.value,
                           refund_not_comparable, s.total_price);

    // Line items, each in its own price's currency.
    std::int64_t index = 0;
    for (const line_source& line : s.lines) {
      line_item& item = s.line_items.emplace_back(static_cast<const line_item&>(line));
      item.price = line.unit_price_paid.value;
      item.currency =
          line.unit_price_paid.currency.empty() ? s.currency : line.unit_price_paid.currency;
      if (!same_currency(line.unit_price_paid, s.currency)) {
        warn_at(w, "lineItems", index, "unitPricePaid",
                disagreement(std::string("line item ") + std::string(line.line_item_id),
                             line.unit_price_paid.currency, s.currency));
      }
      ++index;
    }

    // The customer: id and email, with the billing contact's name and phone.
    customer c;
    c.customer_id = s.customer_id;
    c.email = s.customer_email;
    if (s.billing_address) {
      c.first_name = s.billing_address->first_name;
      c.last_name = s.billing_address->last_name;
      c.phone = s.billing_address->phone;
    }
    if (!is_blank(c)) s.customer = c;

    // Shipments: a fulfillment with no carrier, number or URL tracks nothing.
    std::erase_if(s.shipments, [](const shipment& sh) {
      return sh.carrier.empty() && sh.tracking_code.empty() && sh.tracking_url.empty();
    });
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::squarespace
