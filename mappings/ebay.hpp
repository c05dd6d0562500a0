// eBay Sell Fulfillment API v1 order (GET /sell/fulfillment/v1/order[/{orderId}])
// -> common model.
//
// Facts and sources: ../shared/research/platforms-woo-sfcc-squarespace-ebay.md §4
// (Sell Fulfillment OAS v1.20.7 [S18], getOrders notes [S19], Order type [S20],
// OrderPaymentStatusEnum [S21]) and the metasfresh captures in
// ../shared/conformance/ebay/.
//
// Choices this mapping makes, each tested in tests/ebay_test.cpp or a golden
// case under tests/golden/ebay/:
// - An order without `orderId` is rejected (missing_field at /orderId), as
//   on every platform.
// - `orderId` is remoteId and orderNumber (DESIGN.md "Field conventions"); id
//   is "ebay:<orderId>". `legacyOrderId` ("itemId-transactionId", a bare
//   number, or orderId again, by era) and `salesRecordReference` have no
//   place in the model and are not read.
// - Times: `creationDate` / `lastModifiedDate` are UTC with `Z` [S18]; a
//   zone-less rendering is UTC by the same contract (naive_time::utc).
// - Statuses: eBay has three independent axes, and one order can be FULFILLED,
//   FULLY_REFUNDED and CANCELED at once (metasfresh-03). Each raw value is kept:
//   fulfillmentStatusRaw `orderFulfillmentStatus`, paymentStatusRaw
//   `orderPaymentStatus`, orderStatusRaw `cancelStatus.cancelState` (eBay's
//   only order-level lifecycle value). fulfillmentStatus and paymentStatus are
//   their tables below by name. orderStatus combines the three, first match:
//     cancelState CANCELED -> Cancelled; IN_PROGRESS (a cancel request awaits
//     the seller) -> OnHold; any other non-empty cancelState but
//     NONE_REQUESTED -> Unknown; payment FAILED -> Cancelled (DESIGN: failed
//     is Cancelled); FULLY_REFUNDED -> Completed (a return or refund closed
//     it, as WooCommerce `refunded`); PENDING -> Pending; fulfillment
//     FULFILLED -> Shipped (eBay has no "closed" marker, so a shipped order
//     stays open, as a Shopify order without closed_at); payment PAID /
//     PARTIALLY_REFUNDED or fulfillment NOT_STARTED / IN_PROGRESS -> Active;
//     else Unknown. A missing cancelStatus (the block is "always present"
//     [S18], so only a trimmed payload lacks it) counts as NONE_REQUESTED: a
//     cancellation would have been recorded; orderStatusRaw stays null.
//   `NOT_APPLICABLE` (reserved, older v1.2 doc [S21]) is a known payment value
//   that says nothing: Unknown, raw kept. Without `orderFulfillmentStatus`, the
//   lines' `lineItemFulfillmentStatus` decide (all FULFILLED -> fulfilled,
//   none started -> unfulfilled, else partial); fulfillmentStatusRaw stays null.
// - Money: every eBay amount is `{value, currency, convertedFromValue?,
//   convertedFromCurrency?}` with no order-level currency. `value`/`currency`
//   is used, never `convertedFrom*`: `value` is in the currency of the seller
//   whose token made the call (Amount.currency "Default: the currency of the
//   authenticated user's country" [S18]), the currency of the seller's books,
//   as DESIGN.md asks; `convertedFrom*` is the buyer-side / listing currency
//   before eBay's conversion (metasfresh: USD from EUR). The order's currency
//   is `pricingSummary.total.currency` (else that of the first other
//   pricingSummary amount, else of the first line's `lineItemCost`). An
//   order-level amount in another currency is left out (null) with a warning:
//   one order's totals are written in one currency. A line keeps the currency
//   of its own `lineItemCost`. Values of variable precision ("10.8", "0.0")
//   are exact decimals; the writer pads them to the currency's minor units.
// - Totals as placed: totalPrice `pricingSummary.total`; totalShipping
//   `deliveryCost` (before the delivery discount); totalDiscount the exact
//   sum of the magnitudes of `priceDiscount` and `deliveryDiscount` (eBay
//   writes discounts negative, "-1.00"; the model's discount total is
//   positive, as WooCommerce `discount_total`); totalTax `pricingSummary.tax`,
//   else the exact sum of the lines' `taxes[].amount` (seller-collected tax),
//   else null. eBay-collected tax (`ebayCollectAndRemitTaxes`) is not in
//   `pricingSummary.total` without TAX_BREAKDOWN [S18] and is not read.
//   `adjustment`, `fee`, `paymentSummary` (payouts, refunds) are not read:
//   refunds show in paymentStatus.
// - Line items: lineItemId, productId `legacyItemId` (the listing),
//   variantId `legacyVariationId`, sku (optional on eBay), title, quantity.
//   price is the unit price before discounts: `lineItemCost` is "unit price x
//   quantity, before discounts" [S18], so price = lineItemCost / quantity,
//   computed exactly; when the quotient is not an exact decimal (or quantity
//   is missing or 0) price is null with a warning. Line `total`,
//   `deliveryCost`, `lineItemFulfillmentStatus` (used only as said above) and
//   the marketplace ids have no model field.
// - Names: eBay gives `fullName` only, with no first/last split [S18]. It goes
//   whole into firstName and lastName stays null: splitting would guess
//   (family-name-first names, multi-word surnames).
// - shippingAddress: the `shipTo` of the first `fulfillmentStartInstructions[]`
//   entry that has one: fullName, companyName -> company, contactAddress
//   {addressLine1, addressLine2, city, stateOrProvince -> region as given,
//   postalCode, countryCode}, primaryPhone.phoneNumber -> phone
//   (`primaryPhone: {}` is no phone). Fields that eBay stops returning after
//   90 days are simply absent: the address has what is left, or is null.
// - billingAddress: `buyer.buyerRegistrationAddress`, the closest equivalent
//   (eBay exposes no payment billing address). `buyer.taxAddress` is a tax
//   jurisdiction, not an address to write to: not read.
// - Customer: customerId `buyer.username` (an opaque immutable id for some US
//   buyers from 2025-09-26 [S20], kept as given); name, email and phone from
//   buyerRegistrationAddress, else from the shipTo contact — except when the
//   order has a `program` (Authenticity Guarantee, eBay vault), whose shipTo
//   is the authenticator or vault, not the buyer [S18].
// - Shipments (DESIGN.md "Inputs that are more than one document"):
//   `fulfillmentHrefs` holds URL strings; the caller may put the expanded
//   ShippingFulfillment objects (GET .../shipping_fulfillment/{id}) in their
//   place, or the whole getShippingFulfillments response
//   (`{"fulfillments":[...],"total":N}`). One shipment per object: carrier
//   `shippingCarrierCode` as eBay names it, trackingCode
//   `shipmentTrackingNumber` (none -> null); no tracking URL or status in the
//   resource (status unknown, raw null). A URL string converts to nothing and
//   a warning (below); `[]` is an order with no shipments, no warning.
//
// Warnings (record_warning; the order still converts):
// - "/fulfillmentHrefs/<i> fulfillmentHrefs[<i>] is an unexpanded link
//   (<url>): the order lacks that shipping fulfillment's shipment" per URL.
// - "/lineItems/<i> line item <id>: no unit price before discounts: ..."
// - "/pricingSummary/<key> pricingSummary.<key> is in <X>, not the order's
//   currency <Y>: left out"; "/lineItems/<i>/taxes lineItems[<i>].taxes is in
//   <X>, not the order's currency <Y>: left out of totalTax".
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/exact_arithmetic.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::ebay {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only an eBay order carries at its top level. Not `orderId` (a common
// word in other APIs' sub-resources and tracking payloads), `lineItems`
// (Squarespace) or `creationDate` (SFCC): those count as shared keys, as
// every key of order_map does. None of these is a key of the getOrders
// envelope or of a ShippingFulfillment.
inline constexpr std::array<std::string_view, 12> marker_keys{
    {"legacyOrderId", "orderFulfillmentStatus", "orderPaymentStatus", "pricingSummary",
     "cancelStatus", "fulfillmentStartInstructions", "fulfillmentHrefs", "salesRecordReference",
     "paymentSummary", "buyerCheckoutNotes", "totalFeeBasisAmount", "totalMarketplaceFee"}};

// ---------------------------------------------------------------------------
// Status vocabularies (§4.3).

template <class Value>
struct status_row {
  std::string_view raw;
  Value value;
};

// `orderFulfillmentStatus` and `lineItemFulfillmentStatus`: none / some / all
// shipping fulfilments done [S18].
inline constexpr std::array<status_row<fulfillment_status>, 3> fulfillment_statuses{{
    {"NOT_STARTED", fulfillment_status::unfulfilled},
    {"IN_PROGRESS", fulfillment_status::partial},
    {"FULFILLED", fulfillment_status::fulfilled},
}};

// `orderPaymentStatus` (OrderPaymentStatusEnum [S21]). FULLY_REFUNDED covers
// returns and cancellations alike.
inline constexpr std::array<status_row<payment_status>, 6> payment_statuses{{
    {"PENDING", payment_status::pending},
    {"PAID", payment_status::paid},
    {"FAILED", payment_status::failed},
    {"PARTIALLY_REFUNDED", payment_status::partially_refunded},
    {"FULLY_REFUNDED", payment_status::refunded},
    {"NOT_APPLICABLE", payment_status::unknown},  // reserved for future use
}};

// `cancelStatus.cancelState` (the Fulfillment API's CancelStateEnum, not the
// Post-Order API's [S22]).
enum class cancellation : std::uint8_t { unknown, none, requested, cancelled };

inline constexpr std::array<status_row<cancellation>, 3> cancel_states{{
    {"NONE_REQUESTED", cancellation::none},
    {"IN_PROGRESS", cancellation::requested},  // requested, awaiting the seller
    {"CANCELED", cancellation::cancelled},
}};

template <class Value, std::size_t N>
constexpr Value lookup(const std::array<status_row<Value>, N>& table, std::string_view raw,
                       Value otherwise) noexcept {
  for (const status_row<Value>& row : table) {
    if (row.raw == raw) return row.value;
  }
  return otherwise;
}

constexpr fulfillment_status fulfillment_status_for(std::string_view raw) noexcept {
  return lookup(fulfillment_statuses, raw, fulfillment_status::unknown);
}
constexpr payment_status payment_status_for(std::string_view raw) noexcept {
  return lookup(payment_statuses, raw, payment_status::unknown);
}
// An absent cancelState counts as none requested (see the header comment).
constexpr cancellation cancellation_for(std::string_view raw) noexcept {
  return raw.empty() ? cancellation::none : lookup(cancel_states, raw, cancellation::unknown);
}

// orderStatus from the three axes; the rule order is the header comment's.
constexpr order_status order_status_for(cancellation cancel, payment_status payment,
                                        fulfillment_status fulfillment) noexcept {
  switch (cancel) {
    case cancellation::cancelled:
      return order_status::cancelled;
    case cancellation::requested:
      return order_status::on_hold;
    case cancellation::unknown:
      return order_status::unknown;
    case cancellation::none:
      break;
  }
  if (payment == payment_status::failed) return order_status::cancelled;
  if (payment == payment_status::refunded) return order_status::completed;
  if (payment == payment_status::pending) return order_status::pending;
  if (fulfillment == fulfillment_status::fulfilled) return order_status::shipped;
  if (payment == payment_status::paid || payment == payment_status::partially_refunded ||
      fulfillment == fulfillment_status::unfulfilled ||
      fulfillment == fulfillment_status::partial) {
    return order_status::active;
  }
  return order_status::unknown;
}

// ---------------------------------------------------------------------------
// Source-side scratch: values that feed rules rather than one model member.

// An eBay Amount. convertedFromValue / convertedFromCurrency are not read.
struct amount {
  opt_money value;
  text currency;
};

struct phone_source {
  text phone_number;
};

// A shipTo or buyerRegistrationAddress.
struct contact {
  text full_name;
  text company_name;
  address postal;  // contactAddress
  phone_source phone;
  text email;
};

struct shipping_step {
  contact ship_to;
};

struct instruction {
  shipping_step step;
};

struct buyer_source {
  text username;
  contact registration;
};

struct cancel_status {
  text cancel_state;
};

struct pricing_summary {
  amount price_subtotal;
  amount price_discount;
  amount delivery_cost;
  amount delivery_discount;
  amount tax;
  amount total;
};

struct tax_row {
  amount tax;
};

// A line's `taxes[].amount`, summed while reading (no per-line vector).
struct line_taxes {
  opt_money sum;
  text currency;       // of the first amount
  bool mixed = false;  // amounts in more than one currency
};

struct line_source : line_item {
  amount cost;  // lineItemCost: unit price x quantity, before discounts
  text fulfillment_status;
  line_taxes taxes;
};

// `fulfillmentHrefs`: the expanded ShippingFulfillment objects, and the URL
// strings that were not expanded (with their index, for the warning).
struct href_link {
  text url;
  std::int64_t index = 0;
};

struct fulfillment_hrefs {
  std::vector<shipment> expanded;
  std::vector<href_link> links;
};

struct order_source : order {
  cancel_status cancel;
  pricing_summary pricing;
  buyer_source buyer;
  std::vector<instruction> instructions;
  std::vector<line_source> lines;
  fulfillment_hrefs hrefs;
  bool has_program = false;
};

// ---------------------------------------------------------------------------
// Converters.

// "always in UTC" [S18]: a zone-less rendering is UTC by contract.
inline constexpr auto ebay_time = as_time<naive_time::utc>;

// clang-format off
struct amount_map {
  using target = amount;
  static constexpr auto fields = hana::make_tuple(
      field("value",    &amount::value,    as_money),
      field("currency", &amount::currency, as_text));
};
// clang-format on

// An Amount object `{value, currency, ...}`; null leaves it unset. A bare
// number or string is not an eBay amount (its currency would be a guess).
struct amount_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, amount& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type != od::json_type::object && type != od::json_type::null) {
      return w.fail(error_code::wrong_type, v, "an amount object {value, currency}");
    }
    bool present = false;
    return w.template map_object<amount_map>(v, out, present);
  }
};
inline constexpr amount_converter as_amount{};

// True when the key is there with a non-null value; the value is not read.
struct presence_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, bool& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(w, v);
    out = true;
    return error_code::ok;
  }
};
inline constexpr presence_converter as_presence{};

// clang-format off
struct shipment_map {
  using target = shipment;
  static constexpr auto fields = hana::make_tuple(
      field("shippingCarrierCode",    &shipment::carrier,       as_text),
      field("shipmentTrackingNumber", &shipment::tracking_code, as_id));
};

// The whole getShippingFulfillments response placed under the key.
struct fulfillments_response_map {
  using target = fulfillment_hrefs;
  static constexpr auto fields = hana::make_tuple(
      field("fulfillments", &fulfillment_hrefs::expanded, as_array<shipment_map>));
};
// clang-format on

// `fulfillmentHrefs`: an array of URL strings and/or expanded
// ShippingFulfillment objects, or a getShippingFulfillments response object.
struct fulfillment_hrefs_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, fulfillment_hrefs& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(w, v);
    if (type == od::json_type::object) {
      bool present = false;
      return w.template map_object<fulfillments_response_map>(v, out, present);
    }
    if (type != od::json_type::array) {
      return w.fail(error_code::wrong_type, v,
                    "an array of fulfillment URLs or ShippingFulfillment objects");
    }
    od::array arr;
    if (auto e = v.get_array().get(arr)) return w.fail_json(e, v.raw_json_token().data());
    std::int64_t index = 0;
    for (auto element_result : arr) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) {
        return w.fail_json(e, v.raw_json_token().data());
      }
      w.push_index(index);
      const error_code err = entry(w, element, index, out);
      w.pop();
      if (err != error_code::ok) return err;
      ++index;
    }
    return error_code::ok;
  }

 private:
  template <class W>
  static error_code entry(W& w, od::value& element, std::int64_t index, fulfillment_hrefs& out) {
    od::json_type type{};
    if (auto e = element.type().get(type)) return w.fail_json(e, element.raw_json_token().data());
    if (type == od::json_type::object) {
      shipment& s = out.expanded.emplace_back();
      bool present = false;
      return w.template map_object<shipment_map>(element, s, present);
    }
    std::string_view url;
    if (error_code err = read_string(w, element, url, "a fulfillment URL or object");
        err != error_code::ok) {
      return err;
    }
    if (!url.empty()) out.links.push_back({url, index});
    return error_code::ok;
  }
};
inline constexpr fulfillment_hrefs_converter as_fulfillment_hrefs{};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

// clang-format off
struct contact_address_map {
  using target = address;
  static constexpr auto fields = hana::make_tuple(
      field("addressLine1",    &address::address1,     as_text),
      field("addressLine2",    &address::address2,     as_text),
      field("city",            &address::city,         as_text),
      field("stateOrProvince", &address::region,       as_text),
      field("postalCode",      &address::postal_code,  as_postal_code),
      field("countryCode",     &address::country_code, as_text));
};

struct phone_map {
  using target = phone_source;
  static constexpr auto fields = hana::make_tuple(
      field("phoneNumber", &phone_source::phone_number, as_text));
};

struct contact_map {
  using target = contact;
  static constexpr auto fields = hana::make_tuple(
      field("fullName",       &contact::full_name,    as_text),
      field("companyName",    &contact::company_name, as_text),
      field("contactAddress", &contact::postal,       as_object<contact_address_map>),
      field("primaryPhone",   &contact::phone,        as_object<phone_map>),
      field("email",          &contact::email,        as_text));
};

struct shipping_step_map {
  using target = shipping_step;
  static constexpr auto fields = hana::make_tuple(
      field("shipTo", &shipping_step::ship_to, as_object<contact_map>));
};

struct instruction_map {
  using target = instruction;
  static constexpr auto fields = hana::make_tuple(
      field("shippingStep", &instruction::step, as_object<shipping_step_map>));
};

struct buyer_map {
  using target = buyer_source;
  static constexpr auto fields = hana::make_tuple(
      field("username",                 &buyer_source::username,     as_text),
      field("buyerRegistrationAddress", &buyer_source::registration, as_object<contact_map>));
};

struct cancel_status_map {
  using target = cancel_status;
  static constexpr auto fields = hana::make_tuple(
      field("cancelState", &cancel_status::cancel_state, as_text));
};

struct pricing_summary_map {
  using target = pricing_summary;
  static constexpr auto fields = hana::make_tuple(
      field("priceSubtotal",    &pricing_summary::price_subtotal,    as_amount),
      field("priceDiscount",    &pricing_summary::price_discount,    as_amount),
      field("deliveryCost",     &pricing_summary::delivery_cost,     as_amount),
      field("deliveryDiscount", &pricing_summary::delivery_discount, as_amount),
      field("tax",              &pricing_summary::tax,               as_amount),
      field("total",            &pricing_summary::total,             as_amount));
};

struct tax_map {
  using target = tax_row;
  static constexpr auto fields = hana::make_tuple(
      field("amount", &tax_row::tax, as_amount));
};
// clang-format on

// `taxes: [{amount}]`, summed exactly into a line_taxes.
struct line_taxes_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, line_taxes& out) const {
    tax_row row;
    return w.template map_each<tax_map>(
        v, [&]() -> tax_row& { return row = tax_row{}; },
        [&](const tax_row& r, od::value&) {
          if (!r.tax.value) return error_code::ok;
          if (out.currency.empty()) {
            out.currency = r.tax.currency;
          } else if (!r.tax.currency.empty() && r.tax.currency != out.currency) {
            out.mixed = true;
          }
          if (!out.sum) {
            out.sum = r.tax.value;
          } else if (result<decimal> sum = decimal::add(*out.sum, *r.tax.value)) {
            out.sum = *sum;
          } else {
            return w.fail(sum.error(), nullptr, "the sum of the line's taxes overflows");
          }
          return error_code::ok;
        });
  }
};
inline constexpr line_taxes_converter as_line_taxes{};

// clang-format off

struct line_item_map {
  using target = line_source;
  static constexpr auto fields = hana::make_tuple(
      field("lineItemId",                &line_item::line_item_id,          as_id),
      field("legacyItemId",              &line_item::product_id,            as_id),
      field("legacyVariationId",         &line_item::variant_id,            as_id),
      field("sku",                       &line_item::sku,                   as_text),
      field("title",                     &line_item::title,                 as_text),
      field("quantity",                  &line_item::quantity,              as_quantity),
      field("lineItemCost",              &line_source::cost,                as_amount),
      field("lineItemFulfillmentStatus", &line_source::fulfillment_status,  as_text),
      field("taxes",                     &line_source::taxes,               as_line_taxes));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("orderId",                      &order::remote_id,              as_id),
      field("creationDate",                 &order::remote_created_at,      ebay_time),
      field("lastModifiedDate",             &order::remote_updated_at,      ebay_time),
      field("orderFulfillmentStatus",       &order::fulfillment_status_raw, as_text),
      field("orderPaymentStatus",           &order::payment_status_raw,     as_text),
      field("cancelStatus",                 &order_source::cancel,          as_object<cancel_status_map>),
      field("pricingSummary",               &order_source::pricing,         as_object<pricing_summary_map>),
      field("buyer",                        &order_source::buyer,           as_object<buyer_map>),
      field("fulfillmentStartInstructions", &order_source::instructions,    as_array<instruction_map>),
      field("lineItems",                    &order_source::lines,           as_array<line_item_map>),
      field("fulfillmentHrefs",             &order_source::hrefs,           as_fulfillment_hrefs),
      field("program",                      &order_source::has_program,     as_presence));
};
// clang-format on

// ---------------------------------------------------------------------------
// Exact arithmetic for the rules.

// exact_quotient, magnitude_of and accumulate: ordernorm/detail/exact_arithmetic.hpp.

// How far the lines got, when the order does not say: all FULFILLED ->
// fulfilled, none started -> unfulfilled, else partial; unknown when a line's
// status is missing or unknown.
inline fulfillment_status fulfillment_by_lines(const std::vector<line_source>& lines) noexcept {
  if (lines.empty()) return fulfillment_status::unknown;
  bool all_done = true;
  bool none_started = true;
  for (const line_source& line : lines) {
    const fulfillment_status f = fulfillment_status_for(line.fulfillment_status);
    if (f == fulfillment_status::unknown) return fulfillment_status::unknown;
    all_done = all_done && f == fulfillment_status::fulfilled;
    none_started = none_started && f == fulfillment_status::unfulfilled;
  }
  if (all_done) return fulfillment_status::fulfilled;
  return none_started ? fulfillment_status::unfulfilled : fulfillment_status::partial;
}

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

struct order_rules {
  template <class T>
  static void recycle(std::vector<T>& from, std::vector<T>& to) {
    from.clear();
    to = std::move(from);
  }

  static void reset(order_source& s) {
    auto line_items = std::move(s.line_items);
    auto shipments = std::move(s.shipments);
    auto instructions = std::move(s.instructions);
    auto lines = std::move(s.lines);
    auto expanded = std::move(s.hrefs.expanded);
    auto links = std::move(s.hrefs.links);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates nothing.
    recycle(line_items, s.line_items);
    recycle(shipments, s.shipments);
    recycle(instructions, s.instructions);
    recycle(lines, s.lines);
    recycle(expanded, s.hrefs.expanded);
    recycle(links, s.hrefs.links);
  }

  // The amount's value when it is in the order's currency; otherwise nothing,
  // and a warning at /<keys...> naming both currencies.
  template <class Walker>
  static opt_money in_currency(Walker& w, const amount& a, text currency, std::string_view key,
                               std::string_view subkey) {
    if (!a.value || a.currency.empty() || currency.empty() || a.currency == currency) {
      return a.value;
    }
    w.push_key(key);
    w.push_key(subkey);
    std::string message;
    message.reserve(96);
    message.append(key).append(".").append(subkey).append(" is in ").append(a.currency);
    message.append(", not the order's currency ").append(currency).append(": left out");
    w.warn(warning_code::other_currency, std::move(message));
    w.pop();
    w.pop();
    return std::nullopt;
  }

  template <class Walker>
  static error_code overflow(Walker& w, error_code err, std::string_view key, std::string message) {
    w.push_key(key);
    w.fail(err, w.record_begin(), std::move(message));
    w.pop();
    return err;
  }

  // The order's currency: the total's, else another pricingSummary amount's,
  // else the first line's.
  static text order_currency(const order_source& s) noexcept {
    const pricing_summary& p = s.pricing;
    for (const amount* a : {&p.total, &p.price_subtotal, &p.delivery_cost, &p.tax,
                            &p.price_discount, &p.delivery_discount}) {
      if (!a->currency.empty()) return a->currency;
    }
    for (const line_source& line : s.lines) {
      if (!line.cost.currency.empty()) return line.cost.currency;
    }
    return {};
  }

  static address address_of(const contact& c) {
    address a = c.postal;
    a.first_name = c.full_name;
    a.company = c.company_name;
    a.phone = c.phone.phone_number;
    return a;
  }

  template <class Walker>
  static error_code totals(Walker& w, order_source& s) {
    const pricing_summary& p = s.pricing;
    s.total_price = in_currency(w, p.total, s.currency, "pricingSummary", "total");
    s.total_shipping =
        in_currency(w, p.delivery_cost, s.currency, "pricingSummary", "deliveryCost");
    s.total_tax = in_currency(w, p.tax, s.currency, "pricingSummary", "tax");
    const opt_money price_discount =
        in_currency(w, p.price_discount, s.currency, "pricingSummary", "priceDiscount");
    const opt_money delivery_discount =
        in_currency(w, p.delivery_discount, s.currency, "pricingSummary", "deliveryDiscount");
    for (const opt_money& d : {price_discount, delivery_discount}) {
      if (!d) continue;
      if (error_code err = accumulate(s.total_discount, magnitude_of(*d)); err != error_code::ok) {
        return overflow(w, err, "pricingSummary", "the sum of the discounts overflows");
      }
    }
    if (p.tax.value) return error_code::ok;
    // No order tax stated: the exact sum of the lines' taxes, if any.
    std::int64_t index = 0;
    for (const line_source& line : s.lines) {
      const line_taxes& t = line.taxes;
      if (!t.sum) {
        ++index;
        continue;
      }
      if (t.mixed || (!t.currency.empty() && !s.currency.empty() && t.currency != s.currency)) {
        w.push_key("lineItems");
        w.push_index(index);
        w.push_key("taxes");
        w.warn(warning_code::other_currency,
               "lineItems[" + std::to_string(index) + "].taxes is in " +
                   (t.mixed ? std::string("several currencies") : std::string(t.currency)) +
                   ", not the order's currency " + std::string(s.currency) +
                   ": left out of totalTax");
        w.pop();
        w.pop();
        w.pop();
      } else if (error_code err = accumulate(s.total_tax, *t.sum); err != error_code::ok) {
        return overflow(w, err, "lineItems", "the sum of lineItems[].taxes overflows");
      }
      ++index;
    }
    return error_code::ok;
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::ebay;
    if (s.remote_id.empty()) return missing_id(w, "orderId");
    s.id = w.arena().concat("ebay:", s.remote_id);
    s.order_number = s.remote_id;
    s.currency = order_currency(s);

    // Statuses: three axes, combined for orderStatus.
    s.order_status_raw = s.cancel.cancel_state;
    s.payment_status = payment_status_for(s.payment_status_raw);
    s.fulfillment_status = !s.fulfillment_status_raw.empty()
                               ? fulfillment_status_for(s.fulfillment_status_raw)
                               : fulfillment_by_lines(s.lines);
    s.order_status = order_status_for(cancellation_for(s.cancel.cancel_state), s.payment_status,
                                      s.fulfillment_status);

    if (error_code err = totals(w, s); err != error_code::ok) return err;

    // Line items: unit price = lineItemCost / quantity, exactly.
    std::int64_t index = 0;
    for (const line_source& line : s.lines) {
      line_item& item = s.line_items.emplace_back(static_cast<const line_item&>(line));
      item.currency = !line.cost.currency.empty() ? line.cost.currency : s.currency;
      if (line.cost.value && line.quantity) {
        item.price = exact_quotient(*line.cost.value, *line.quantity);
      }
      if (!item.price && line.cost.value) {
        w.push_key("lineItems");
        w.push_index(index);
        w.warn(warning_code::inexact_value,
               std::string("line item ") + std::string(item.line_item_id) +
                   ": no unit price before discounts: lineItemCost / quantity is not an exact "
                   "decimal, or quantity is missing or 0");
        w.pop();
        w.pop();
      }
      ++index;
    }

    // Addresses: ship-to from the first instruction that has one; billing
    // from the buyer's registration address.
    const contact* ship_to = nullptr;
    for (const instruction& i : s.instructions) {
      if (is_blank(i.step.ship_to.postal) && i.step.ship_to.full_name.empty() &&
          i.step.ship_to.email.empty() && i.step.ship_to.phone.phone_number.empty()) {
        continue;
      }
      ship_to = &i.step.ship_to;
      break;
    }
    if (ship_to != nullptr) {
      const address a = address_of(*ship_to);
      if (!is_blank(a)) s.shipping_address = a;
    }
    const contact& registration = s.buyer.registration;
    const address billing = address_of(registration);
    if (!is_blank(billing)) s.billing_address = billing;

    // Customer: the username, with the registration contact, else the ship-to
    // contact unless a program makes shipTo someone else.
    customer c;
    c.customer_id = s.buyer.username;
    const contact* who = &registration;
    if (registration.full_name.empty() && registration.email.empty() &&
        registration.phone.phone_number.empty() && ship_to != nullptr && !s.has_program) {
      who = ship_to;
    }
    c.first_name = who->full_name;
    c.email = who->email;
    c.phone = who->phone.phone_number;
    if (!is_blank(c)) s.customer = c;

    // Shipments: the expanded fulfillments; a warning per unexpanded URL.
    for (const shipment& sh : s.hrefs.expanded) s.shipments.push_back(sh);
    for (const href_link& link : s.hrefs.links) {
      w.push_key("fulfillmentHrefs");
      w.push_index(link.index);
      std::string message;
      message.reserve(128 + link.url.size());
      message.append("fulfillmentHrefs[").append(std::to_string(link.index));
      message.append("] is an unexpanded link (").append(link.url);
      message.append("): the order lacks that shipping fulfillment's shipment");
      w.warn(warning_code::unexpanded_link, std::move(message));
      w.pop();
      w.pop();
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::ebay
