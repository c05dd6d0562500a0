// Salesforce B2C Commerce order -> common model. One table reads both API
// families: SCAPI (camelCase: GET .../checkout/shopper-orders/v1/.../orders/{orderNo},
// the admin Orders API, Shopper Customers order history) and OCAPI (snake_case:
// GET /s/{site}/dw/shop/v{ver}/orders/{order_no}, order_search hits).
//
// Facts and sources: ../shared/research/platforms-woo-sfcc-squarespace-ebay.md §2
// (Shopper Orders OAS [S7], Shopper Customers OAS [S8], OCAPI property
// selection [S9], OCAPI Shop "Get order" [S10], admin Orders OAS [S11],
// custom properties [S12], dw.order.Order constants [S13]).
//
// Choices this mapping makes, each tested in tests/sfcc_test.cpp or a golden
// case under tests/golden/sfcc/:
// - Both spellings of every key are rows of the same tables. When a document
//   carries both spellings of one key, the camelCase value wins when it is
//   not blank (the snake_case row only fills what is still blank, `snake()`;
//   a merging camelCase row replaces rather than merges, `camel()`), so that
//   the result does not depend on the order of the keys.
//   `c_*` custom attributes and `_v`/`_type`/`_resource_state` are skipped as
//   unknown keys: no row starts with "c_" or "_" (static_assert below).
// - `orderNo` / `order_no` is remoteId and orderNumber, a string kept as
//   written ("00000410"; never parsed as a number); id "sfcc:<orderNo>". An
//   order without it (the Shopper Customers history example omits it) is
//   rejected, as on every other platform: missing_field at /orderNo. Nothing
//   else in the order identifies it (orderToken and orderViewCode are
//   secrets for guest lookup, not ids).
// - Times: `creationDate` / `lastModified` (OCAPI creation_date /
//   last_modified) are UTC with Z, at millisecond or minute precision
//   ("2014-11-06T13:36Z"). SFCC stores and returns every instant in UTC (the
//   site time zone is for display only), so a rendering without an offset is
//   UTC too: naive_time::utc.
// - Statuses: SFCC has five status fields (§2.3). orderStatusRaw is `status`,
//   paymentStatusRaw `paymentStatus`, fulfillmentStatusRaw `shippingStatus`;
//   `confirmationStatus` and `exportStatus` have no raw slot in the model
//   and only refine orderStatus. See order_status_for, payment_status_for and
//   fulfillment_status_for below for the combinations, each with its reason.
// - Money: JSON numbers (floats in the OAS) read exactly from the token text
//   (110.24 stays 110.24), all in the order's one `currency`. totalPrice
//   `orderTotal`, totalTax `taxTotal`, totalShipping `shippingTotal` (each net
//   or gross as the site's `taxation` says: as stated). Without
//   `shippingTotal`: the exact sum of `shippingItems[]` prices after item
//   discounts (else `price`); none: null. totalDiscount: SFCC states no
//   discount total; it is the exact sum of every price adjustment (order
//   `orderPriceAdjustments`, item and shipping-item `priceAdjustments`),
//   written as a positive amount ("10.00" for a -10 adjustment); null when
//   the order has no adjustment rows. Payment instrument amounts are never
//   summed (they can be 0 on a paid order).
// - Line items: one per `productItems[]` row. lineItemId `itemId`, productId
//   `productId` (SFCC's product id is the variant's own id; there is no
//   separate variant id or SKU field, so variantId and sku are null), title
//   `productName` else `itemText`, quantity `quantity` (a JSON float, held
//   exactly: 2.0 is 2, 1.5 stays 1.5), price
//   `basePrice` (unit price before adjustments; `price` is the line total and
//   is not used). `optionItems` and `bundledProductItems` belong to their
//   parent line and are not lines of their own. unitCost null.
// - Addresses: `billingAddress`; shippingAddress is the first shipment's
//   `shippingAddress` that has any field (SFCC keeps addresses per shipment).
//   When another shipment ships somewhere else, a warning says so.
//   companyName -> company, stateCode -> region (as given), postalCode kept
//   as a string ("01801"), countryCode as given. fullName, salutation etc.
//   have no model field.
// - Customer: customerId `customerInfo.customerId`, else `customerNo`; email
//   `customerInfo.email`; first/last name and phone from the billing address
//   (customerInfo carries only a one-field `customerName`, which is not split;
//   SFCC has no phone outside addresses). Partial-access views without
//   customerInfo and billing give null.
// - `shippingMethod` / `shipping_method` is read in both shapes the APIs
//   document: an object {id, name, ...} in order responses, and the method's
//   id as a string in createOrders request bodies.
// - Shipments: one per `shipments[]` row that has a `trackingNumber` or whose
//   `shippingStatus` is `shipped` (a not-shipped row without tracking has not
//   shipped: not a shipment). SFCC has no carrier field: carrier is inferred
//   from the shipping method (see carrier_from_method), else null. status is
//   unknown (SFCC does not say where the parcel is); statusRaw is the row's
//   `shippingStatus`. `omsData` (Order Management) is not read.
//
// Warnings (record_warning; the order still converts):
// - "shipments[i] ships to another address than shipments[j]: shippingAddress
//   is the first one" (at /shipments/<i>)
#pragma once

#include <array>
#include <boost/hana/accessors.hpp>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/tuple.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/exact_arithmetic.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::sfcc {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only an SFCC order carries at its top level, in either spelling. Not
// `creationDate` (eBay has it), not `billingAddress` / `shippingTotal` /
// `taxTotal` (Squarespace), not `shipping_total` (WooCommerce), not
// `payment_status` (BigCommerce), not `status` or `currency` (everyone): those
// count as shared keys, as every key of order_map does. None is a key of an
// SFCC list envelope (`data`, `hits`, `total`, `count`, `start`, `select`,
// `limit`, `offset`, `_v`, `_type`), so an envelope is still unwrapped.
// Several, because OCAPI `select` can strip any of them.
inline constexpr std::array<std::string_view, 31> marker_keys{{
    "orderNo",
    "order_no",
    "productItems",
    "product_items",
    "orderTotal",
    "order_total",
    "customerInfo",
    "customer_info",
    "confirmationStatus",
    "confirmation_status",
    "exportStatus",
    "export_status",
    "merchandizeTotalTax",
    "merchandize_total_tax",
    "adjustedMerchandizeTotalTax",
    "adjusted_merchandize_total_tax",
    "productSubTotal",
    "product_sub_total",
    "orderToken",
    "order_token",
    "shippingStatus",
    "shipping_status",
    "paymentStatus",
    "orderPriceAdjustments",
    "order_price_adjustments",
    "shippingItems",
    "shipping_items",
    "productTotal",
    "product_total",
    "paymentInstruments",
    "payment_instruments",
}};

// ---------------------------------------------------------------------------
// Status vocabularies (§2.3: SCAPI Orders description [S11], dw.order.Order
// constants [S13]).

using os = order_status;
using ps = payment_status;
using fs = fulfillment_status;

template <class Value>
struct vocabulary_row {
  std::string_view raw;
  Value value;
};

// `status`: what the order's lifecycle state alone says. new/open are
// refined by the other fields in order_status_for.
// clang-format off
inline constexpr std::array<vocabulary_row<os>, 7> order_statuses{{
    {"created",   os::pending},    // exists, not yet placed (the default)
    {"new",       os::active},     // placed: shipment and invoice numbers made
    {"open",      os::active},     // placed (legacy Script API / OCAPI state)
    {"completed", os::completed},  // business process complete
    {"cancelled", os::cancelled},  // inventory released, coupons removed
    {"replaced",  os::cancelled},  // superseded by another order: not fulfilled
    {"failed",    os::cancelled},  // rejected or payment failed (DESIGN: Cancelled)
}};

// `paymentStatus` (customisation-only, often not maintained: §2.4 item 8).
inline constexpr std::array<vocabulary_row<ps>, 3> payment_statuses{{
    {"not_paid",  ps::pending},
    {"part_paid", ps::partially_paid},
    {"paid",      ps::paid},
}};

// `shippingStatus` of the order (part_shipped) and of a shipment (not_shipped,
// shipped only).
inline constexpr std::array<vocabulary_row<fs>, 3> shipping_statuses{{
    {"not_shipped",  fs::unfulfilled},
    {"part_shipped", fs::partial},
    {"shipped",      fs::fulfilled},
}};
// clang-format on

template <class Value, std::size_t N>
constexpr Value lookup(const std::array<vocabulary_row<Value>, N>& table,
                       std::string_view raw) noexcept {
  for (const auto& row : table) {
    if (row.raw == raw) return row.value;
  }
  return Value::unknown;
}

// orderStatus from `status`, refined for a placed order (new/open):
// everything shipped -> Shipped (DESIGN: shipped, order still open); else an
// export to the ERP/WMS that `failed` -> OnHold (the order is stuck until
// someone re-exports it); else `not_confirmed` -> Pending (placed, the
// confirmation, e.g. of an asynchronous payment, has not come; SFRA's
// checkout confirms on placement); else Active. Other states are final and
// say it all.
constexpr order_status order_status_for(std::string_view status, std::string_view confirmation,
                                        std::string_view export_status,
                                        fulfillment_status fulfillment) noexcept {
  const order_status from_status = lookup(order_statuses, status);
  if (from_status != os::active) return from_status;
  if (fulfillment == fs::fulfilled) return os::shipped;
  if (export_status == "failed") return os::on_hold;
  if (confirmation == "not_confirmed") return os::pending;
  return os::active;
}

// paymentStatus from `paymentStatus`, refined by `status`: a `failed` order
// was failed before placement (failOrder only applies to created orders), so
// no payment came: Failed unless paymentStatus says money came. A cancelled
// or replaced order whose payment was still pending will not be paid:
// Voided (as a WooCommerce cancellation). SFCC has no refund documents, so
// Refunded never comes from SFCC data.
constexpr payment_status payment_status_for(std::string_view status,
                                            std::string_view payment) noexcept {
  const payment_status p = lookup(payment_statuses, payment);
  if (status == "failed" && (p == ps::pending || p == ps::unknown)) return ps::failed;
  if ((status == "cancelled" || status == "replaced") && p == ps::pending) return ps::voided;
  return p;
}

// ---------------------------------------------------------------------------
// Converters of this platform.

// A value whose two spellings are two rows: `snake(conv)` reads the value
// (so that broken values fail alike in both mappers) but keeps it only when
// the member is still blank, so the camelCase row wins in any key order.
template <class Converter>
struct snake_converter {
  Converter converter;
  template <class W, class Member>
  error_code operator()(W& w, od::value& v, Member& out) const {
    if (is_blank(out)) return converter(w, v, out);
    Member ignored{};
    return converter(w, v, ignored);
  }
};
template <class Converter>
constexpr snake_converter<Converter> snake(Converter c) {
  return {c};
}

// The camelCase row of a value whose converter merges into the member (a
// list appends, an adjustment list adds, a nested struct merges field by
// field): when the snake_case twin came first, a non-blank camelCase value
// replaces it rather than merging with it. Converters that simply overwrite
// (as_text, as_money, as_time, as_object into an optional) need no wrapper.
template <class Converter>
struct camel_converter {
  Converter converter;
  template <class W, class Member>
  error_code operator()(W& w, od::value& v, Member& out) const {
    if (is_blank(out)) return converter(w, v, out);
    Member scratch{};
    const error_code err = converter(w, v, scratch);
    if (err == error_code::ok && !is_blank(scratch)) out = std::move(scratch);
    return err;
  }
};
template <class Converter>
constexpr camel_converter<Converter> camel(Converter c) {
  return {c};
}

// OCAPI localizes some names: `{"default": "Base Shipping Method"}` instead
// of a string [S10]. A string, or such an object's "default" text (else its
// first string member).
struct localized_text_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, text& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type != od::json_type::object) return as_text(w, v, out);
    od::object obj;
    if (auto e = v.get_object().get(obj)) return w.fail_json(e, v.raw_json_token().data());
    text first;
    text fallback_text;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return w.fail_json(e, nullptr);
      od::json_type member_type{};
      if (auto e = f.value().type().get(member_type)) return w.fail_json(e, nullptr);
      if (member_type != od::json_type::string) continue;  // skipped by the iterator
      std::string_view s;
      if (error_code err = read_string(w, f.value(), s, "a string"); err != error_code::ok) {
        return err;
      }
      if (f.key().unsafe_is_equal("default")) {
        if (first.empty()) first = s;
      } else if (fallback_text.empty()) {
        fallback_text = s;
      }
    }
    const text chosen = !first.empty() ? first : fallback_text;
    if (!chosen.empty()) out = chosen;
    return error_code::ok;
  }
};
inline constexpr localized_text_converter as_localized_text{};

// exact_quotient, magnitude_of and accumulate: ordernorm/detail/exact_arithmetic.hpp.

// Price adjustments only feed a sum: `priceAdjustments: [{price: -10}, ...]`
// is added up as it is read, without keeping rows. `present` says whether
// the list had rows, so that an order without adjustments gets a null
// totalDiscount rather than "0.00".
struct adjustment_row {
  opt_money price;
};
struct adjustment_total {
  opt_money sum;
  friend bool operator==(const adjustment_total&, const adjustment_total&) = default;
  bool empty() const noexcept { return !sum; }  // for is_blank (snake twins)
};

// clang-format off
struct adjustment_map {
  using target = adjustment_row;
  static constexpr auto fields = hana::make_tuple(
      field("price", &adjustment_row::price, as_money));
};
// clang-format on

struct adjustment_sum_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, adjustment_total& out) const {
    adjustment_row row;
    return w.template map_each<adjustment_map>(
        v, [&]() -> adjustment_row& { return row = adjustment_row{}; },
        [&](const adjustment_row& r, od::value& element) {
          if (!r.price) return error_code::ok;
          const error_code err = accumulate(out.sum, *r.price);
          if (err != error_code::ok) {
            w.fail(err, element.raw_json_token().data(), "the sum of price adjustments overflows");
          }
          return err;
        });
  }
};
inline constexpr adjustment_sum_converter as_adjustment_sum{};

// ---------------------------------------------------------------------------
// Carrier from the shipping method (SFCC shipments have no carrier field).

// True when `word` (upper case) occurs in `s` as a word of its own: not
// preceded by a letter of the same word (start, a non-letter, or a camel-case
// step from lower to upper case) and not followed by a lower-case letter.
// "UPS Ground", "ups_ground", "UPSGround", "FedEx2Day", "fedex-overnight"
// match; "Groups", "Upside", "upsground" do not.
constexpr bool has_word(std::string_view s, std::string_view word) noexcept {
  auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; };
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (word.size() > s.size()) return false;
  for (std::size_t i = 0; i + word.size() <= s.size(); ++i) {
    bool equal = true;
    for (std::size_t j = 0; j < word.size() && equal; ++j) equal = upper(s[i + j]) == word[j];
    if (!equal) continue;
    const bool starts = i == 0 || !is_letter(s[i - 1]) || (is_lower(s[i - 1]) && !is_lower(s[i]));
    const std::size_t end = i + word.size();
    const bool ends = end == s.size() || !is_lower(s[end]);
    if (starts && ends) return true;
  }
  return false;
}

// The carrier a shipping method id or name names ("UPS", "FedEx", "USPS",
// "DHL"), or "" when it names none or more than one. Spelled as
// identify_carrier reads them, so that tracking can find the carrier.
constexpr std::string_view carrier_named_in(std::string_view s) noexcept {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 4> carriers{{
      {"USPS", "USPS"},
      {"UPS", "UPS"},
      {"FEDEX", "FedEx"},
      {"DHL", "DHL"},
  }};
  std::string_view found;
  for (const auto& [word, name] : carriers) {
    if (!has_word(s, word)) continue;
    if (!found.empty()) return {};  // "UPS or FedEx": not one carrier
    found = name;
  }
  return found;
}

// The method's id decides (merchants name ids after the service, "ups-ground"),
// else its display name; "" when neither names a carrier.
constexpr std::string_view carrier_from_method(std::string_view id,
                                               std::string_view name) noexcept {
  const std::string_view from_id = carrier_named_in(id);
  return !from_id.empty() ? from_id : carrier_named_in(name);
}

// ---------------------------------------------------------------------------
// Source-side scratch: values that feed rules rather than one model member.

struct line_source : line_item {
  text item_text;  // the title when productName is missing
  adjustment_total adjustments;
};

struct shipping_item_source {
  opt_money price;
  opt_money price_after_item_discount;
  adjustment_total adjustments;
};

// clang-format off
struct shipping_method_source {
  BOOST_HANA_DEFINE_STRUCT(shipping_method_source,
    (text, id),
    (text, name));
};

struct customer_info_source {
  BOOST_HANA_DEFINE_STRUCT(customer_info_source,
    (text, customer_id),
    (text, customer_no),
    (text, email));
};
// clang-format on

struct shipment_source {
  text shipping_status;
  text tracking_number;
  std::optional<address> shipping_address;
  shipping_method_source method;
};

struct order_source : order {
  text confirmation_status;
  text export_status;
  customer_info_source info;
  adjustment_total order_adjustments;
  std::vector<line_source> lines;
  std::vector<shipping_item_source> shipping_items;
  std::vector<shipment_source> shipment_rows;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter. SCAPI row, then its OCAPI twin.

inline constexpr auto utc_time = as_time<naive_time::utc>;  // SFCC instants are UTC

// clang-format off
struct address_map {
  using target = address;
  static constexpr auto fields = hana::make_tuple(
      field("firstName",    &address::first_name,   as_text),
      field("first_name",   &address::first_name,   snake(as_text)),
      field("lastName",     &address::last_name,    as_text),
      field("last_name",    &address::last_name,    snake(as_text)),
      field("companyName",  &address::company,      as_text),
      field("company_name", &address::company,      snake(as_text)),
      field("address1",     &address::address1,     as_text),
      field("address2",     &address::address2,     as_text),
      field("city",         &address::city,         as_text),
      field("stateCode",    &address::region,       as_text),
      field("state_code",   &address::region,       snake(as_text)),
      field("postalCode",   &address::postal_code,  as_postal_code),
      field("postal_code",  &address::postal_code,  snake(as_postal_code)),
      field("countryCode",  &address::country_code, as_text),
      field("country_code", &address::country_code, snake(as_text)),
      field("phone",        &address::phone,        as_text));
};

struct line_item_map {
  using target = line_source;
  static constexpr auto fields = hana::make_tuple(
      field("itemId",            &line_item::line_item_id,   as_id),
      field("item_id",           &line_item::line_item_id,   snake(as_id)),
      field("productId",         &line_item::product_id,     as_id),
      field("product_id",        &line_item::product_id,     snake(as_id)),
      field("productName",       &line_item::title,          as_text),
      field("product_name",      &line_item::title,          snake(as_text)),
      field("itemText",          &line_source::item_text,    as_text),
      field("item_text",         &line_source::item_text,    snake(as_text)),
      field("quantity",          &line_item::quantity,       as_quantity),
      field("basePrice",         &line_item::price,          as_money),
      field("base_price",        &line_item::price,          snake(as_money)),
      field("priceAdjustments",  &line_source::adjustments,  camel(as_adjustment_sum)),
      field("price_adjustments", &line_source::adjustments,  snake(as_adjustment_sum)));
};

struct shipping_item_map {
  using target = shipping_item_source;
  static constexpr auto fields = hana::make_tuple(
      field("price",                     &shipping_item_source::price,                     as_money),
      field("priceAfterItemDiscount",    &shipping_item_source::price_after_item_discount, as_money),
      field("price_after_item_discount", &shipping_item_source::price_after_item_discount, snake(as_money)),
      field("priceAdjustments",          &shipping_item_source::adjustments,               camel(as_adjustment_sum)),
      field("price_adjustments",         &shipping_item_source::adjustments,               snake(as_adjustment_sum)));
};

struct shipping_method_map {
  using target = shipping_method_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",   &shipping_method_source::id,   as_id),
      field("name", &shipping_method_source::name, as_localized_text));
};

// `shippingMethod` comes in the two shapes the APIs document: an object
// ({"id": "001", "name": ...}) in order responses, and the method's id
// alone ("001") in createOrders request bodies. A string or number is the
// id; anything else goes through the object table (null is no method).
struct shipping_method_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, shipping_method_source& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::string || type == od::json_type::number) return as_id(w, v, out.id);
    return as_object<shipping_method_map>(w, v, out);
  }
};
inline constexpr shipping_method_converter as_shipping_method{};

struct shipment_map {
  using target = shipment_source;
  static constexpr auto fields = hana::make_tuple(
      field("shippingStatus",   &shipment_source::shipping_status,  as_text),
      field("shipping_status",  &shipment_source::shipping_status,  snake(as_text)),
      field("trackingNumber",   &shipment_source::tracking_number,  as_id),
      field("tracking_number",  &shipment_source::tracking_number,  snake(as_id)),
      field("shippingAddress",  &shipment_source::shipping_address, as_object<address_map>),
      field("shipping_address", &shipment_source::shipping_address, snake(as_object<address_map>)),
      field("shippingMethod",   &shipment_source::method,           camel(as_shipping_method)),
      field("shipping_method",  &shipment_source::method,           snake(as_shipping_method)));
};

struct customer_info_map {
  using target = customer_info_source;
  static constexpr auto fields = hana::make_tuple(
      field("customerId",  &customer_info_source::customer_id, as_id),
      field("customer_id", &customer_info_source::customer_id, snake(as_id)),
      field("customerNo",  &customer_info_source::customer_no, as_id),
      field("customer_no", &customer_info_source::customer_no, snake(as_id)),
      field("email",       &customer_info_source::email,       as_text));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("orderNo",                 &order::remote_id,                  as_id),
      field("order_no",                &order::remote_id,                  snake(as_id)),
      field("creationDate",            &order::remote_created_at,          utc_time),
      field("creation_date",           &order::remote_created_at,          snake(utc_time)),
      field("lastModified",            &order::remote_updated_at,          utc_time),
      field("last_modified",           &order::remote_updated_at,          snake(utc_time)),
      field("status",                  &order::order_status_raw,           as_text),
      field("paymentStatus",           &order::payment_status_raw,         as_text),
      field("payment_status",          &order::payment_status_raw,         snake(as_text)),
      field("shippingStatus",          &order::fulfillment_status_raw,     as_text),
      field("shipping_status",         &order::fulfillment_status_raw,     snake(as_text)),
      field("confirmationStatus",      &order_source::confirmation_status, as_text),
      field("confirmation_status",     &order_source::confirmation_status, snake(as_text)),
      field("exportStatus",            &order_source::export_status,       as_text),
      field("export_status",           &order_source::export_status,       snake(as_text)),
      field("currency",                &order::currency,                   as_text),
      field("orderTotal",              &order::total_price,                as_money),
      field("order_total",             &order::total_price,                snake(as_money)),
      field("taxTotal",                &order::total_tax,                  as_money),
      field("tax_total",               &order::total_tax,                  snake(as_money)),
      field("shippingTotal",           &order::total_shipping,             as_money),
      field("shipping_total",          &order::total_shipping,             snake(as_money)),
      field("orderPriceAdjustments",   &order_source::order_adjustments,   camel(as_adjustment_sum)),
      field("order_price_adjustments", &order_source::order_adjustments,   snake(as_adjustment_sum)),
      field("productItems",            &order_source::lines,               camel(as_array<line_item_map>)),
      field("product_items",           &order_source::lines,               snake(as_array<line_item_map>)),
      field("shippingItems",           &order_source::shipping_items,      camel(as_array<shipping_item_map>)),
      field("shipping_items",          &order_source::shipping_items,      snake(as_array<shipping_item_map>)),
      field("shipments",               &order_source::shipment_rows,       as_array<shipment_map>),
      field("billingAddress",          &order::billing_address,            as_object<address_map>),
      field("billing_address",         &order::billing_address,            snake(as_object<address_map>)),
      field("customerInfo",            &order_source::info,                camel(as_object<customer_info_map>)),
      field("customer_info",           &order_source::info,                snake(as_object<customer_info_map>)));
};
// clang-format on

// No row may read a custom attribute (`c_*`) or OCAPI metadata (`_v`,
// `_type`): those keys must stay unknown, and so skipped.
template <class Map>
constexpr bool reads_no_custom_keys() {
  for (std::string_view key : field_keys<Map>()) {
    if (key.starts_with("c_") || key.starts_with("_")) return false;
  }
  return true;
}
static_assert(reads_no_custom_keys<order_map>() && reads_no_custom_keys<address_map>() &&
              reads_no_custom_keys<line_item_map>() && reads_no_custom_keys<shipping_item_map>() &&
              reads_no_custom_keys<shipping_method_map>() && reads_no_custom_keys<shipment_map>() &&
              reads_no_custom_keys<customer_info_map>() && reads_no_custom_keys<adjustment_map>());

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

// fulfillmentStatus: the order's `shippingStatus`; when the order does not
// say (OCAPI `select` stripped it), its shipments' do: all shipped ->
// fulfilled, some -> partial, none -> unfulfilled; no shipment status ->
// unknown.
inline fulfillment_status fulfillment_status_for(
    std::string_view shipping_status, const std::vector<shipment_source>& shipments) noexcept {
  if (!shipping_status.empty()) return lookup(shipping_statuses, shipping_status);
  std::size_t known = 0;
  std::size_t shipped = 0;
  for (const shipment_source& s : shipments) {
    const fulfillment_status f = lookup(shipping_statuses, s.shipping_status);
    if (f == fs::unknown) continue;
    ++known;
    if (f == fs::fulfilled) ++shipped;
  }
  if (known == 0) return fs::unknown;
  if (shipped == 0) return fs::unfulfilled;
  return shipped == shipments.size() ? fs::fulfilled : fs::partial;
}

inline bool same_address(const address& a, const address& b) {
  bool same = true;
  hana::for_each(hana::accessors<address>(), [&](auto accessor) {
    same = same && hana::second(accessor)(a) == hana::second(accessor)(b);
  });
  return same;
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
    auto shipping_items = std::move(s.shipping_items);
    auto shipment_rows = std::move(s.shipment_rows);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates nothing.
    recycle(line_items, s.line_items);
    recycle(shipments, s.shipments);
    recycle(lines, s.lines);
    recycle(shipping_items, s.shipping_items);
    recycle(shipment_rows, s.shipment_rows);
  }

  template <class Walker>
  static error_code overflow(Walker& w, error_code err, std::string message) {
    w.fail(err, w.record_begin(), std::move(message));
    return err;
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::sfcc;
    s.order_number = s.remote_id;
    if (s.remote_id.empty()) return missing_id(w, "orderNo");
    s.id = w.arena().concat("sfcc:", s.remote_id);

    // Statuses.
    s.fulfillment_status = fulfillment_status_for(s.fulfillment_status_raw, s.shipment_rows);
    s.order_status = order_status_for(s.order_status_raw, s.confirmation_status, s.export_status,
                                      s.fulfillment_status);
    s.payment_status = payment_status_for(s.order_status_raw, s.payment_status_raw);

    // Totals: shipping from its items when not stated; discounts from every
    // price adjustment.
    if (!s.total_shipping) {
      for (const shipping_item_source& item : s.shipping_items) {
        const opt_money& price =
            item.price_after_item_discount ? item.price_after_item_discount : item.price;
        if (!price) continue;
        if (error_code err = accumulate(s.total_shipping, *price); err != error_code::ok) {
          return overflow(w, err, "the sum of shipping item prices overflows");
        }
      }
    }
    opt_money adjustments = s.order_adjustments.sum;
    auto add_adjustments = [&](const adjustment_total& part) {
      return part.sum ? accumulate(adjustments, *part.sum) : error_code::ok;
    };
    for (const line_source& line : s.lines) {
      if (error_code err = add_adjustments(line.adjustments); err != error_code::ok) {
        return overflow(w, err, "the sum of price adjustments overflows");
      }
    }
    for (const shipping_item_source& item : s.shipping_items) {
      if (error_code err = add_adjustments(item.adjustments); err != error_code::ok) {
        return overflow(w, err, "the sum of price adjustments overflows");
      }
    }
    if (adjustments) s.total_discount = decimal(-adjustments->units(), adjustments->scale());

    // Line items.
    for (const line_source& line : s.lines) {
      line_item& item = s.line_items.emplace_back(static_cast<const line_item&>(line));
      if (item.title.empty()) item.title = line.item_text;
      item.currency = s.currency;
    }

    // Shipping address: the first shipment's; say so when another differs.
    std::size_t address_from = 0;
    for (std::size_t i = 0; i < s.shipment_rows.size(); ++i) {
      const std::optional<address>& a = s.shipment_rows[i].shipping_address;
      if (!a) continue;
      if (!s.shipping_address) {
        s.shipping_address = a;
        address_from = i;
      } else if (!same_address(*s.shipping_address, *a)) {
        w.push_key("shipments");
        w.push_index(static_cast<std::int64_t>(i));
        w.warn(warning_code::several_addresses,
               "shipments[" + std::to_string(i) + "] ships to another address than shipments[" +
                   std::to_string(address_from) + "]: shippingAddress is the first one");
        w.pop();
        w.pop();
      }
    }

    // Customer: customerInfo, with names and phone from the billing address.
    customer c;
    c.customer_id = !s.info.customer_id.empty() ? s.info.customer_id : s.info.customer_no;
    c.email = s.info.email;
    if (s.billing_address) {
      c.first_name = s.billing_address->first_name;
      c.last_name = s.billing_address->last_name;
      c.phone = s.billing_address->phone;
    }
    if (!is_blank(c)) s.customer = c;

    // Shipments: rows that shipped or carry tracking.
    for (const shipment_source& row : s.shipment_rows) {
      if (row.tracking_number.empty() && row.shipping_status != "shipped") continue;
      shipment& out = s.shipments.emplace_back();
      out.carrier = carrier_from_method(row.method.id, row.method.name);
      out.tracking_code = row.tracking_number;
      out.status_raw = row.shipping_status;
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::sfcc
