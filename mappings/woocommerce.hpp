// WooCommerce REST API v3 order (GET /wp-json/wc/v3/orders[/{id}], and the
// order.* webhook body, which has the same shape) -> common model.
//
// Facts and sources: ../shared/research/platforms-woo-sfcc-squarespace-ebay.md §1
// (REST docs `_orders.md` [S1], the orders controller [C1], the OrderStatus
// enum [S4], Shipment Tracking meta [S5, C2], core Fulfillments [S6]).
//
// Choices this mapping makes, each tested in tests/woocommerce_test.cpp or a
// golden case under tests/golden/woocommerce/:
// - `id` (int) is remoteId and makes id "woocommerce:<id>"; an order without
//   it is rejected (missing_field at /id); `number` (a
//   string, which a sequential-numbering plugin can make differ from `id`,
//   prefix included) is orderNumber as WooCommerce gives it: no prefix is
//   stripped, because none is WooCommerce's own.
// - Times: `date_created_gmt` / `date_modified_gmt` are UTC written without
//   an offset ("2017-03-22T19:28:02"): naive_time::utc. `date_created` /
//   `date_modified` are the site's wall-clock time, also without an offset:
//   used only when the *_gmt twin is absent/null/"" (a `_fields=` trimmed
//   response), and then kept as given, never shifted (naive_time::local,
//   written without Z). Key order does not matter (webhook bodies put the
//   *_gmt keys last). A value that carries an offset is an instant either way.
//   The space-separated form of an old bug ("2016-12-02 14:55:22") parses too.
// - Statuses: WooCommerce has ONE lifecycle `status` (the `wc-` prefix already
//   stripped by the controller). It is orderStatusRaw; `statuses` below maps
//   it to all three normalized statuses. paymentStatusRaw and
//   fulfillmentStatusRaw stay null: WooCommerce has no such fields (as
//   Shopify's orderStatusRaw is null). A status the table does not know
//   (plugin statuses such as `shipped`, `delivered`, `partial-shipped`) gives
//   Unknown / Unknown / unknown with the raw value kept: a plugin's status
//   means what that plugin says, so nothing is guessed from its name.
// - Payment refinements, in this order: (1) a status whose row says Pending or
//   Voided but with `date_paid_gmt`/`date_paid` set is Paid (the money came:
//   WooCommerce sets date_paid in payment_complete()); (2) a Paid order with
//   refunds in its `refunds[]` summary is PartiallyRefunded, or Refunded when
//   the refunds add up to `total` or more. Refund summary totals are negative
//   strings ("-10.00"); their magnitudes are summed exactly. The summary's
//   reason key (`reason`, or `refund` in older controllers) is read by no row:
//   the model has no refund reason; both shapes convert alike.
// - `trash` sets remoteDeleted; the status before trashing is not in the
//   payload, so its three statuses are Unknown / Unknown / unknown.
// - Money: WooCommerce core has one currency per order, `currency`, and every
//   amount is in it (no shop/presentment pair as on Shopify). Order amounts are
//   decimal strings with `dp` places; line `price` is a JSON number. Both are
//   parsed from the token text, never through a double.
// - Totals as placed: total <- `total`, totalTax <- `total_tax` (cart and
//   shipping tax), totalShipping <- `shipping_total` (before tax),
//   totalDiscount <- `discount_total` (before tax). Refunds do not change
//   them. When `shipping_total` / `discount_total` is absent, the exact sum
//   of `shipping_lines[].total` / `coupon_lines[].discount`, else null.
// - Line price is the unit price BEFORE discounts: `subtotal / quantity`,
//   computed exactly. WooCommerce's own `price` is `total / quantity` (after
//   discounts, see the v2/v3 controller's get_order_item_data), so it is used
//   only when the line shows no discount (`subtotal` == `total`) and the
//   quotient does not terminate (tax-inclusive stores: "25.21" / 3); then it is
//   WooCommerce's own figure, digits as given. Otherwise the price is null
//   with a warning naming the line (see "Warnings").
// - Line `quantity` is an exact decimal: decimal-quantity plugins write 1.5
//   (JSON number); "2.0" is 2. The unit price above divides by it exactly.
// - Text fields (sku, name, address fields, ...) take a JSON number as its
//   text as written (`"sku": 123` is "123"), as every mapping does
//   (converters.hpp read_text).
// - Composite Products and Product Bundles: one line per purchased product
//   (DESIGN.md, as Magento's bundles). Each plugin adds to every line item
//   the id of its container line, `composite_parent` / `bundled_by` ("" or
//   absent on other lines; the containers list theirs in
//   `composite_children` / `bundled_items`, not needed here). A line that
//   names a container in the order folds into it (a part of a part into the
//   outermost one): the container's line keeps its id, product, sku, title
//   and quantity, and its `subtotal` / `total` become the sums over the
//   container and its parts. So the unit price is (container subtotal + the
//   parts' subtotals) / container quantity: parts priced individually
//   (`_bundled_item_priced_individually` "yes") add their prices per
//   container unit, parts that are not come at 0.00 and add nothing, and the
//   lines still add up to the order's subtotal. When parts add money, the
//   container's own `price` no longer stands in for an inexact quotient. A
//   line whose container is not in the order (a `_fields=` trimmed response)
//   is a line of its own.
// - Line `name` is the title, with HTML entities decoded (`&ndash;` -> "–",
//   `&amp;`, `&#8217;`, `&#x2019;`, ...); an unknown or malformed entity is
//   kept as written. `variation_id` is variantId; `product_id` /
//   `variation_id` 0 (no variation, or a deleted product) are null.
// - Addresses: `billing` / `shipping` {first_name, last_name, company,
//   address_1, address_2, city, state, postcode, country, phone}. `state` is
//   the ISO code or, for countries without a state list, the text the shopper
//   typed: kept as given. WooCommerce writes "" for empty fields, so an
//   all-"" shipping block (no shipping needed) is a null address.
// - Customer: WooCommerce has no customer object. customerId is
//   `customer_id` (0 = guest -> null); name, email and phone are the billing
//   contact's. A guest who left a billing email is a customer without an id;
//   a customer with no id and no billing contact is null.
// - Shipments, in this order:
//   1. Shipment Tracking / Advanced Shipment Tracking order meta
//      `_wc_shipment_tracking_items`: one shipment per item. carrier is
//      `tracking_provider`, else `custom_tracking_provider`, as written;
//      trackingUrl is `custom_tracking_link` (the plugin builds the URL of a
//      predefined provider from its own template: not inferred here).
//      `date_shipped` (a unix-time string) and `tracking_id` have no model
//      field and are not read. The value may be a JSON object (a PHP array
//      with holes) instead of an array: its members are the items.
//   2. Only when (1) gave none: the legacy single meta keys
//      `_tracking_provider`, `_custom_tracking_provider`, `_tracking_number`,
//      `_custom_tracking_link`: one shipment when any is set.
//   3. Core Fulfillments, expanded inline (DESIGN.md "Inputs that are more
//      than one document": `GET /orders/{id}/fulfillments` placed under
//      `"fulfillments"`): one shipment per fulfillment that is fulfilled
//      (`is_fulfilled` or `status` "fulfilled") and not deleted
//      (`date_deleted` unset); its meta `_tracking_number`,
//      `_shipping_provider` (carrier, e.g. "ups", as written) and
//      `_tracking_url`. Drafts (`unfulfilled`) have not shipped: not shipments.
//   A shipment's status stays unknown with no raw value: neither source says
//   where the parcel is (a fulfillment's `status` is about the fulfillment).
//   Meta entries are read by key whatever order `key` and `value` come in.
// - Not mapped (no model field): order_key, parent_id, created_via, version,
//   prices_include_tax, discount_tax, shipping_tax, cart_tax, customer_note,
//   customer_ip_address, payment_method(_title), transaction_id,
//   date_completed(_gmt), tax_lines, fee_lines, line `taxes`/`meta_data`/
//   `image`, `_links`; unitCost stays null (core has no item cost in v3).
//
// Warnings (record_warning; the order still converts):
// - "line item <id>: no unit price before discounts: ..." when `subtotal`
//   / `quantity` is not an exact decimal (or either is missing) and WooCommerce's
//   own `price` cannot stand in for it.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/exact_arithmetic.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::woocommerce {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only a WooCommerce order carries at its top level. Not `number`
// (Shopify and Malomo have it), not `parent_id` (Magento documents), not
// `date_created_gmt` or `billing` (WooCommerce's refunds and customers have
// them), not `total` (SFCC's list envelopes): those, and every other key of
// order_map, count as shared keys, so that a `_fields=` trimmed response is
// told by how many of them it has. Not-order keys: a refund's
// `refunded_by`/`refunded_payment`, a customer's `username`/`role`/
// `is_paying_customer`/`avatar_url`, a fulfillment record's
// `entity_type`/`is_fulfilled`.
inline constexpr std::array<std::string_view, 22> marker_keys{
    {"order_key",      "created_via",    "cart_hash",           "prices_include_tax",
     "discount_total", "cart_tax",       "customer_ip_address", "payment_method_title",
     "date_paid_gmt",  "date_paid",      "date_completed_gmt",  "date_completed",
     "discount_tax",   "shipping_tax",   "customer_user_agent", "customer_note",
     "coupon_lines",   "fee_lines",      "needs_payment",       "needs_processing",
     "payment_url",    "currency_symbol"}};
inline constexpr std::array<std::string_view, 8> not_order_keys{
    {"refunded_by", "refunded_payment", "username", "role", "is_paying_customer", "avatar_url",
     "entity_type", "is_fulfilled"}};

// ---------------------------------------------------------------------------
// Status vocabulary: `status`, the WooCommerce OrderStatus enum [S4] (the nine
// REST values plus the three draft/legacy ones), onto all three statuses.

struct status_row {
  std::string_view raw;
  order_status order;
  payment_status payment;
  fulfillment_status fulfillment;
};

// clang-format off
inline constexpr std::array<status_row, 12> statuses{{
    // Placed, awaiting payment.
    {"pending",        order_status::pending,   payment_status::pending,  fulfillment_status::unfulfilled},
    // Paid (payment_complete), stock reduced, awaiting fulfilment.
    {"processing",     order_status::active,    payment_status::paid,     fulfillment_status::unfulfilled},
    // Awaiting payment confirmation (e.g. bank transfer), or held by the merchant.
    {"on-hold",        order_status::on_hold,   payment_status::pending,  fulfillment_status::unfulfilled},
    // Fulfilled and complete.
    {"completed",      order_status::completed, payment_status::paid,     fulfillment_status::fulfilled},
    // Cancelled by an admin or the customer; the payment will not come (as a
    // Shopify cancellation voids it). A paid one is Paid (date_paid rule).
    {"cancelled",      order_status::cancelled, payment_status::voided,   fulfillment_status::unfulfilled},
    // The whole order value refunded. The order is closed (Completed, as a
    // refunded Shopify order that is closed); whether it shipped first is
    // not said.
    {"refunded",       order_status::completed, payment_status::refunded, fulfillment_status::unknown},
    // Payment failed or was declined (DESIGN: failed is Cancelled).
    {"failed",         order_status::cancelled, payment_status::failed,   fulfillment_status::unfulfilled},
    // In the trash: remoteDeleted; the status it had is not in the payload.
    {"trash",          order_status::unknown,   payment_status::unknown,  fulfillment_status::unknown},
    // The block checkout's cart, not yet placed; and the legacy/draft states
    // that should rarely reach the API: all before payment.
    {"checkout-draft", order_status::pending,   payment_status::pending,  fulfillment_status::unfulfilled},
    {"draft",          order_status::pending,   payment_status::pending,  fulfillment_status::unfulfilled},
    {"auto-draft",     order_status::pending,   payment_status::pending,  fulfillment_status::unfulfilled},
    {"new",            order_status::pending,   payment_status::pending,  fulfillment_status::unfulfilled},
}};
// clang-format on

inline constexpr status_row unknown_status{
    {}, order_status::unknown, payment_status::unknown, fulfillment_status::unknown};

constexpr status_row status_for(std::string_view raw) noexcept {
  for (const status_row& row : statuses) {
    if (row.raw == raw) return row;
  }
  return unknown_status;
}

// ---------------------------------------------------------------------------
// HTML entities in product names (`&ndash;`, `&amp;`, `&#8217;`, `&#x2019;`).

inline constexpr std::array<std::pair<std::string_view, char32_t>, 31> named_entities{{
    {"amp", U'&'},         {"lt", U'<'},         {"gt", U'>'},          {"quot", U'"'},
    {"apos", U'\''},       {"nbsp", U'\u00A0'},  {"ndash", U'\u2013'},  {"mdash", U'\u2014'},
    {"hellip", U'\u2026'}, {"lsquo", U'\u2018'}, {"rsquo", U'\u2019'},  {"sbquo", U'\u201A'},
    {"ldquo", U'\u201C'},  {"rdquo", U'\u201D'}, {"bdquo", U'\u201E'},  {"laquo", U'\u00AB'},
    {"raquo", U'\u00BB'},  {"times", U'\u00D7'}, {"divide", U'\u00F7'}, {"copy", U'\u00A9'},
    {"reg", U'\u00AE'},    {"trade", U'\u2122'}, {"euro", U'\u20AC'},   {"pound", U'\u00A3'},
    {"yen", U'\u00A5'},    {"cent", U'\u00A2'},  {"deg", U'\u00B0'},    {"middot", U'\u00B7'},
    {"bull", U'\u2022'},   {"prime", U'\u2032'}, {"Prime", U'\u2033'},
}};

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code point of the entity body between '&' and ';' ("ndash", "#8211",
// "#x2013"), or nothing for an unknown or malformed one.
constexpr std::optional<char32_t> entity_code_point(std::string_view body) noexcept {
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return std::nullopt;
    char32_t cp = 0;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return std::nullopt;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    return cp;
  }
  for (const auto& [name, cp] : named_entities) {
    if (name == body) return cp;
  }
  return std::nullopt;
}

// Decodes the entities of `in` into `out`; false (and `out` untouched) when
// there is nothing to decode.
inline bool decode_html_entities(std::string_view in, std::string& out) {
  std::size_t amp = in.find('&');
  if (amp == std::string_view::npos) return false;
  bool changed = false;
  out.clear();
  out.reserve(in.size());
  std::size_t done = 0;
  while (amp != std::string_view::npos) {
    const std::size_t semi = in.find(';', amp + 1);
    if (semi == std::string_view::npos) break;
    const std::optional<char32_t> cp = entity_code_point(in.substr(amp + 1, semi - amp - 1));
    if (cp && semi - amp <= 10) {
      out.append(in.substr(done, amp - done));
      append_utf8(out, *cp);
      done = semi + 1;
      changed = true;
      amp = in.find('&', done);
    } else {
      amp = in.find('&', amp + 1);
    }
  }
  if (!changed) return false;
  out.append(in.substr(done));
  return true;
}

// A string with HTML entities decoded; the decoded text goes to the arena.
struct html_text_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, text& out) const {
    std::string_view s;
    if (error_code err = read_text(w, v, s, "a string"); err != error_code::ok) return err;
    if (s.empty()) return error_code::ok;
    std::string decoded;
    out = decode_html_entities(s, decoded) ? w.arena().concat(decoded) : s;
    return error_code::ok;
  }
};
inline constexpr html_text_converter as_html_text{};

// ---------------------------------------------------------------------------
// Meta data: `meta_data: [{id, key, value}]`, where `value` is a string, an
// array or an object depending on the key. `Reader` says which keys it wants
// (`wants(key)`) and reads their values (`read(w, key, value, target)`); the
// values of other keys are skipped unread. One pass per entry; only when
// `value` comes before `key` is the entry looked at a second time.
template <class Reader>
struct meta_list_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, typename Reader::target& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(w, v);
    if (type != od::json_type::array) return w.fail(error_code::wrong_type, v, "an array");
    od::array arr;
    if (auto e = v.get_array().get(arr)) return w.fail_json(e, v.raw_json_token().data());
    std::int64_t index = 0;
    for (auto element_result : arr) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) {
        return w.fail_json(e, v.raw_json_token().data());
      }
      w.push_index(index++);
      const error_code err = entry(w, element, out);
      w.pop();
      if (err != error_code::ok) return err;
    }
    return error_code::ok;
  }

 private:
  template <class W>
  static error_code entry(W& w, od::value& element, typename Reader::target& out) {
    od::json_type type{};
    if (auto e = element.type().get(type)) return w.fail_json(e, element.raw_json_token().data());
    if (type != od::json_type::object) return w.fail(error_code::wrong_type, element, "an object");
    od::object obj;
    if (auto e = element.get_object().get(obj)) {
      return w.fail_json(e, element.raw_json_token().data());
    }
    std::string_view key;
    bool key_seen = false;
    bool value_seen = false;
    bool value_waiting = false;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return w.fail_json(e, nullptr);
      if (!key_seen && f.key().unsafe_is_equal("key")) {
        key_seen = true;
        w.push_key("key");
        const error_code err = read_string(w, f.value(), key, "a meta key string");
        w.pop();
        if (err != error_code::ok) return err;
      } else if (!value_seen && f.key().unsafe_is_equal("value")) {
        value_seen = true;
        if (!key_seen) {
          value_waiting = true;
        } else if (Reader::wants(key)) {
          w.push_key("value");
          const error_code err = Reader::read(w, key, f.value(), out);
          w.pop();
          if (err != error_code::ok) return err;
        }
      }
    }
    if (!value_waiting || !Reader::wants(key)) return error_code::ok;
    bool ignored;
    if (auto e = obj.reset().get(ignored)) return w.fail_json(e, nullptr);
    od::value value;
    if (auto e = obj.find_field("value").get(value)) return w.fail_json(e, nullptr);
    w.push_key("value");
    const error_code err = Reader::read(w, key, value, out);
    w.pop();
    if (err != error_code::ok) return err;
    // Step over every field once more (an object is iterated from its start
    // only), so that broken JSON after `value` is seen as in one pass.
    if (auto e = obj.reset().get(ignored)) return w.fail_json(e, nullptr);
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return w.fail_json(e, nullptr);
    }
    return error_code::ok;
  }
};

// ---------------------------------------------------------------------------
// Source-side scratch: values that feed rules rather than one model member.

struct billing_source : address {
  text email;
};

struct line_source : line_item {
  opt_money subtotal;  // before discounts, for `quantity` units
  opt_money total;     // after discounts
  // The line item id of this line's container, when the line is a part of
  // a Composite Products or Product Bundles product ("" or absent: none).
  text composite_parent;
  text bundled_by;
};

struct shipping_line {
  opt_money total;
};
struct coupon_line {
  opt_money discount;
};
struct refund_summary {
  opt_money total;  // negative: "-10.00"
};

// One Shipment Tracking item (also the shape of the legacy single keys).
struct tracking_item {
  text tracking_provider;
  text custom_tracking_provider;
  text custom_tracking_link;
  text tracking_number;
};

struct order_meta {
  std::vector<tracking_item> items;  // _wc_shipment_tracking_items
  tracking_item legacy;              // _tracking_provider, _tracking_number, ...
};

struct fulfillment_meta {
  text tracking_number;
  text shipping_provider;
  text tracking_url;
};

struct fulfillment_source {
  text status;
  bool is_fulfilled = false;
  text date_deleted;
  fulfillment_meta meta;
};

struct order_source : order {
  opt_time created_local;
  opt_time modified_local;
  text date_paid_gmt;
  text date_paid;
  text customer_id;
  billing_source billing;
  std::vector<line_source> lines;
  std::vector<shipping_line> shipping_lines;
  std::vector<coupon_line> coupon_lines;
  std::vector<refund_summary> refunds;
  order_meta meta;
  std::vector<fulfillment_source> fulfillments;
  std::vector<std::size_t> line_roots;  // per line: the line it folds into (itself if none)
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto gmt_time = as_time<naive_time::utc>;     // *_gmt: UTC by contract
inline constexpr auto site_time = as_time<naive_time::local>;  // site wall-clock: kept

// clang-format off
struct address_map {
  using target = address;
  static constexpr auto fields = hana::make_tuple(
      field("first_name", &address::first_name,   as_text),
      field("last_name",  &address::last_name,    as_text),
      field("company",    &address::company,      as_text),
      field("address_1",  &address::address1,     as_text),
      field("address_2",  &address::address2,     as_text),
      field("city",       &address::city,         as_text),
      field("state",      &address::region,       as_text),
      field("postcode",   &address::postal_code,  as_postal_code),
      field("country",    &address::country_code, as_text),
      field("phone",      &address::phone,        as_text));
};

struct billing_map {
  using target = billing_source;
  static constexpr auto fields = hana::make_tuple(
      field("first_name", &address::first_name,   as_text),
      field("last_name",  &address::last_name,    as_text),
      field("company",    &address::company,      as_text),
      field("address_1",  &address::address1,     as_text),
      field("address_2",  &address::address2,     as_text),
      field("city",       &address::city,         as_text),
      field("state",      &address::region,       as_text),
      field("postcode",   &address::postal_code,  as_postal_code),
      field("country",    &address::country_code, as_text),
      field("phone",      &address::phone,        as_text),
      field("email",      &billing_source::email, as_text));
};

struct line_item_map {
  using target = line_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",           &line_item::line_item_id, as_id),
      field("product_id",   &line_item::product_id,   as_id),
      field("variation_id", &line_item::variant_id,   as_id),
      field("sku",          &line_item::sku,          as_text),
      field("name",         &line_item::title,        as_html_text),
      field("quantity",     &line_item::quantity,     as_quantity),
      field("price",        &line_item::price,        as_money),
      field("subtotal",     &line_source::subtotal,   as_money),
      field("total",        &line_source::total,      as_money),
      field("composite_parent", &line_source::composite_parent, as_id),
      field("bundled_by",   &line_source::bundled_by, as_id));
};

struct shipping_line_map {
  using target = shipping_line;
  static constexpr auto fields = hana::make_tuple(
      field("total", &shipping_line::total, as_money));
};

struct coupon_line_map {
  using target = coupon_line;
  static constexpr auto fields = hana::make_tuple(
      field("discount", &coupon_line::discount, as_money));
};

struct refund_summary_map {
  using target = refund_summary;
  static constexpr auto fields = hana::make_tuple(
      field("total", &refund_summary::total, as_money));
};

struct tracking_item_map {
  using target = tracking_item;
  static constexpr auto fields = hana::make_tuple(
      field("tracking_provider",        &tracking_item::tracking_provider,        as_text),
      field("custom_tracking_provider", &tracking_item::custom_tracking_provider, as_text),
      field("custom_tracking_link",     &tracking_item::custom_tracking_link,     as_text),
      field("tracking_number",          &tracking_item::tracking_number,          as_id));
};
// clang-format on

// The order's meta keys that carry tracking.
struct order_meta_reader {
  using target = order_meta;
  static constexpr std::string_view items_key = "_wc_shipment_tracking_items";

  static bool wants(std::string_view key) noexcept {
    return key == items_key || key == "_tracking_provider" || key == "_custom_tracking_provider" ||
           key == "_tracking_number" || key == "_custom_tracking_link";
  }

  template <class W>
  static error_code read(W& w, std::string_view key, od::value& v, order_meta& out) {
    if (key == "_tracking_provider") return as_text(w, v, out.legacy.tracking_provider);
    if (key == "_custom_tracking_provider") {
      return as_text(w, v, out.legacy.custom_tracking_provider);
    }
    if (key == "_tracking_number") return as_id(w, v, out.legacy.tracking_number);
    if (key == "_custom_tracking_link") return as_text(w, v, out.legacy.custom_tracking_link);
    return read_items(w, v, out.items);
  }

  // An array of items; or an object whose members are the items (a PHP array
  // with holes is written as an object); "" or null: none.
  template <class W>
  static error_code read_items(W& w, od::value& v, std::vector<tracking_item>& out) {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::string) {
      std::string_view s;
      if (error_code err = read_string(w, v, s, "tracking items"); err != error_code::ok) {
        return err;
      }
      if (s.empty()) return error_code::ok;
      return w.fail(error_code::wrong_type, v, "an array of tracking items");
    }
    if (type != od::json_type::object) return w.template map_array<tracking_item_map>(v, out);
    od::object obj;
    if (auto e = v.get_object().get(obj)) return w.fail_json(e, v.raw_json_token().data());
    std::int64_t index = 0;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return w.fail_json(e, nullptr);
      w.push_index(index++);
      tracking_item& item = out.emplace_back();
      bool present = false;
      error_code err = w.template map_object<tracking_item_map>(f.value(), item, present);
      w.pop();
      if (err != error_code::ok) return err;
      if (!present) out.pop_back();
    }
    return error_code::ok;
  }
};

// A core fulfillment's meta keys.
struct fulfillment_meta_reader {
  using target = fulfillment_meta;

  static bool wants(std::string_view key) noexcept {
    return key == "_tracking_number" || key == "_shipping_provider" || key == "_tracking_url";
  }

  template <class W>
  static error_code read(W& w, std::string_view key, od::value& v, fulfillment_meta& out) {
    if (key == "_tracking_number") return as_id(w, v, out.tracking_number);
    if (key == "_shipping_provider") return as_text(w, v, out.shipping_provider);
    return as_text(w, v, out.tracking_url);
  }
};

inline constexpr meta_list_converter<order_meta_reader> as_order_meta{};
inline constexpr meta_list_converter<fulfillment_meta_reader> as_fulfillment_meta{};

// clang-format off
struct fulfillment_map {
  using target = fulfillment_source;
  static constexpr auto fields = hana::make_tuple(
      field("status",       &fulfillment_source::status,       as_text),
      field("is_fulfilled", &fulfillment_source::is_fulfilled, as_bool),
      field("date_deleted", &fulfillment_source::date_deleted, as_text),
      field("meta_data",    &fulfillment_source::meta,         as_fulfillment_meta));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                &order::remote_id,             as_id),
      field("number",            &order::order_number,          as_id),
      field("status",            &order::order_status_raw,      as_text),
      field("currency",          &order::currency,              as_text),
      field("date_created_gmt",  &order::remote_created_at,     gmt_time),
      field("date_created",      &order_source::created_local,  site_time),
      field("date_modified_gmt", &order::remote_updated_at,     gmt_time),
      field("date_modified",     &order_source::modified_local, site_time),
      field("date_paid_gmt",     &order_source::date_paid_gmt,  as_text),
      field("date_paid",         &order_source::date_paid,      as_text),
      field("total",             &order::total_price,           as_money),
      field("total_tax",         &order::total_tax,             as_money),
      field("shipping_total",    &order::total_shipping,        as_money),
      field("discount_total",    &order::total_discount,        as_money),
      field("customer_id",       &order_source::customer_id,    as_id),
      field("billing",           &order_source::billing,        as_object<billing_map>),
      field("shipping",          &order::shipping_address,      as_object<address_map>),
      field("line_items",        &order_source::lines,          as_array<line_item_map>),
      field("shipping_lines",    &order_source::shipping_lines, as_array<shipping_line_map>),
      field("coupon_lines",      &order_source::coupon_lines,   as_array<coupon_line_map>),
      field("refunds",           &order_source::refunds,        as_array<refund_summary_map>),
      field("meta_data",         &order_source::meta,           as_order_meta),
      field("fulfillments",      &order_source::fulfillments,   as_array<fulfillment_map>));
};
// clang-format on

// ---------------------------------------------------------------------------
// Exact arithmetic for the rules.

// exact_quotient, magnitude_of and accumulate: ordernorm/detail/exact_arithmetic.hpp.

// The unit price before discounts of a line (see the header comment), or
// nothing when it cannot be known exactly.
inline opt_money unit_price_before_discounts(const line_source& line) noexcept {
  if (line.subtotal && line.quantity) {
    if (std::optional<decimal> q = exact_quotient(*line.subtotal, *line.quantity)) return q;
  }
  if (line.price && line.subtotal && line.total && *line.subtotal == *line.total) {
    return line.price;
  }
  return std::nullopt;
}

// paymentStatus: the status row's, then the date_paid and refund rules.
// `refunded` is the sum of the refund magnitudes (unset: no refunds);
// `total` the order total.
inline payment_status payment_status_for(payment_status from_status, bool date_paid,
                                         const opt_money& refunded,
                                         const opt_money& total) noexcept {
  payment_status p = from_status;
  if ((p == payment_status::pending || p == payment_status::voided) && date_paid) {
    p = payment_status::paid;
  }
  if (p != payment_status::paid || !refunded || refunded->units() == 0) return p;
  if (!total) return payment_status::partially_refunded;
  result<decimal> left = decimal::add(*total, decimal(-refunded->units(), refunded->scale()));
  if (!left) return payment_status::partially_refunded;
  return left->units() <= 0 ? payment_status::refunded : payment_status::partially_refunded;
}

// The container a line belongs to, by its plugin's field ("" when none).
inline text container_of(const line_source& line) noexcept {
  return !line.composite_parent.empty() ? line.composite_parent : line.bundled_by;
}

// For each line, the index of the top-level line it folds into (a component
// of a component folds into the outermost container); a line whose container
// is not in the order (a trimmed response) is its own. False when no line
// names a container, the common case, which then costs one scan.
inline bool find_line_roots(std::span<const line_source> lines, std::vector<std::size_t>& roots) {
  bool any = false;
  for (const line_source& line : lines) any = any || !container_of(line).empty();
  if (!any) return false;
  roots.resize(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::size_t at = i;
    bool top = false;
    // At most one step per line: lines that name each other (a cycle, which
    // no plugin writes) stay lines of their own rather than vanish.
    for (std::size_t steps = 0; steps < lines.size() && !top; ++steps) {
      const text parent = container_of(lines[at]);
      std::size_t found = lines.size();
      for (std::size_t j = 0; j < lines.size() && !parent.empty(); ++j) {
        if (j != at && lines[j].line_item_id == parent) {
          found = j;
          break;
        }
      }
      if (found == lines.size()) {
        top = true;
      } else {
        at = found;
      }
    }
    roots[i] = top ? at : i;
  }
  return true;
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
    auto lines = std::move(s.lines);
    auto shipping_lines = std::move(s.shipping_lines);
    auto coupon_lines = std::move(s.coupon_lines);
    auto refunds = std::move(s.refunds);
    auto items = std::move(s.meta.items);
    auto fulfillments = std::move(s.fulfillments);
    auto line_roots = std::move(s.line_roots);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates nothing.
    recycle(line_items, s.line_items);
    recycle(shipments, s.shipments);
    recycle(lines, s.lines);
    recycle(shipping_lines, s.shipping_lines);
    recycle(coupon_lines, s.coupon_lines);
    recycle(refunds, s.refunds);
    recycle(items, s.meta.items);
    recycle(fulfillments, s.fulfillments);
    recycle(line_roots, s.line_roots);
  }

  template <class Walker>
  static error_code overflow(Walker& w, error_code err, std::string_view key, std::string message) {
    w.push_key(key);
    w.fail(err, w.record_begin(), std::move(message));
    w.pop();
    return err;
  }

  static void add_shipment(order_source& s, text carrier, text code, text url) {
    shipment& out = s.shipments.emplace_back();
    out.carrier = carrier;
    out.tracking_code = code;
    out.tracking_url = url;
  }

  // One line of the model from `line` (the source line, or a container
  // folded with its parts), which stands at line_items[index].
  template <class Walker>
  static void add_line(Walker& w, order_source& s, const line_source& line, std::size_t index) {
    line_item& item = s.line_items.emplace_back(static_cast<const line_item&>(line));
    item.currency = s.currency;
    if (item.product_id == "0") item.product_id = {};
    if (item.variant_id == "0") item.variant_id = {};
    item.price = unit_price_before_discounts(line);
    if (!item.price && (line.subtotal || line.price)) {
      w.push_key("line_items");
      w.push_index(static_cast<std::int64_t>(index));
      w.warn(warning_code::inexact_value,
             std::string("line item ") + std::string(item.line_item_id) +
                 ": no unit price before discounts: subtotal / quantity is not an exact decimal, "
                 "and price (after discounts) does not stand in for it");
      w.pop();
      w.pop();
    }
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::woocommerce;
    if (s.remote_id.empty()) return missing_id(w, "id");
    s.id = w.arena().concat("woocommerce:", s.remote_id);

    // Times: the *_gmt value, else the site-local one as given.
    if (!s.remote_created_at) s.remote_created_at = s.created_local;
    if (!s.remote_updated_at) s.remote_updated_at = s.modified_local;

    // Totals the order does not state: the exact sum of their parts.
    if (!s.total_shipping) {
      for (const shipping_line& line : s.shipping_lines) {
        if (!line.total) continue;
        if (error_code err = accumulate(s.total_shipping, *line.total); err != error_code::ok) {
          return overflow(w, err, "shipping_lines", "the sum of shipping_lines[].total overflows");
        }
      }
    }
    if (!s.total_discount) {
      for (const coupon_line& line : s.coupon_lines) {
        if (!line.discount) continue;
        if (error_code err = accumulate(s.total_discount, *line.discount); err != error_code::ok) {
          return overflow(w, err, "coupon_lines", "the sum of coupon_lines[].discount overflows");
        }
      }
    }

    // Statuses.
    const status_row row = status_for(s.order_status_raw);
    s.order_status = row.order;
    s.fulfillment_status = row.fulfillment;
    s.remote_deleted = s.order_status_raw == "trash";
    opt_money refunded;
    for (const refund_summary& r : s.refunds) {
      if (!r.total) continue;
      if (error_code err = accumulate(refunded, magnitude_of(*r.total)); err != error_code::ok) {
        return overflow(w, err, "refunds", "the sum of refunds[].total overflows");
      }
    }
    s.payment_status = payment_status_for(
        row.payment, !s.date_paid_gmt.empty() || !s.date_paid.empty(), refunded, s.total_price);

    // Line items: one per purchased product. A composite's components and a
    // bundle's items fold into their container's line (see the header).
    if (find_line_roots(s.lines, s.line_roots)) {
      line_source folded;  // a container's line with its parts' sums
      for (std::size_t index = 0; index < s.lines.size(); ++index) {
        if (s.line_roots[index] != index) continue;
        folded = s.lines[index];
        for (std::size_t j = 0; j < s.lines.size(); ++j) {
          if (j == index || s.line_roots[j] != index) continue;
          const line_source& part = s.lines[j];
          bool priced = false;
          for (const auto& [sum, add] : {std::pair{&folded.subtotal, &part.subtotal},
                                         std::pair{&folded.total, &part.total}}) {
            if (!*sum || !*add) continue;
            priced = priced || (*add)->units() != 0;
            if (error_code err = accumulate(*sum, **add); err != error_code::ok) {
              return overflow(w, err, "line_items",
                              "the sum of a composite's line totals overflows");
            }
          }
          // The container's own `price` no longer describes the folded line.
          if (priced) folded.price.reset();
        }
        add_line(w, s, folded, index);
      }
    } else {
      for (std::size_t index = 0; index < s.lines.size(); ++index) {
        add_line(w, s, s.lines[index], index);
      }
    }

    // Addresses and the customer (billing contact + customer_id).
    const address& billing = s.billing;
    if (!is_blank(billing)) s.billing_address = billing;
    customer c;
    if (s.customer_id != "0") c.customer_id = s.customer_id;
    c.first_name = billing.first_name;
    c.last_name = billing.last_name;
    c.email = s.billing.email;
    c.phone = billing.phone;
    if (!is_blank(c)) s.customer = c;

    // Shipments: tracking meta items, else the legacy keys; then fulfillments.
    for (const tracking_item& t : s.meta.items) {
      if (t.tracking_provider.empty() && t.custom_tracking_provider.empty() &&
          t.tracking_number.empty() && t.custom_tracking_link.empty()) {
        continue;  // an empty item: nothing to track
      }
      add_shipment(s,
                   !t.tracking_provider.empty() ? t.tracking_provider : t.custom_tracking_provider,
                   t.tracking_number, t.custom_tracking_link);
    }
    if (s.meta.items.empty()) {
      const tracking_item& t = s.meta.legacy;
      if (!t.tracking_provider.empty() || !t.custom_tracking_provider.empty() ||
          !t.tracking_number.empty() || !t.custom_tracking_link.empty()) {
        add_shipment(
            s, !t.tracking_provider.empty() ? t.tracking_provider : t.custom_tracking_provider,
            t.tracking_number, t.custom_tracking_link);
      }
    }
    for (const fulfillment_source& f : s.fulfillments) {
      if (!f.date_deleted.empty()) continue;
      if (!f.is_fulfilled && f.status != "fulfilled") continue;
      add_shipment(s, f.meta.shipping_provider, f.meta.tracking_number, f.meta.tracking_url);
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::woocommerce
