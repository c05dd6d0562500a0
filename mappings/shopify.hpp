// Shopify Admin REST order (also the orders/* webhook body) -> common model.
//
// Facts and sources: ../shared/research/platforms-shopify-magento-bigcommerce.md §1.
// The GraphQL Admin shape of the same order: mappings/shopify_graphql.hpp,
// which follows every choice below (src/platforms/shopify.cpp picks the shape).
//
// Choices this mapping makes, each tested in tests/shopify_test.cpp (which
// also has a test per row of the status tables below, its expected value a
// literal from Shopify's docs, and a completeness check per table):
// - An order without `id` is rejected (missing_field at /id), as on every
//   platform.
// - Money is shop money: the plain fields (`total_price`, line `price`) and
//   `*_set.shop_money`, in `currency`. `presentment_currency` (what the buyer
//   saw) is ignored: the merchant's books are in shop currency, and mixing the
//   two within one order would make totals meaningless.
// - Totals are as placed: `total_price`, not `current_total_price`.
// - totalShipping is `total_shipping_price_set.shop_money.amount`; payloads
//   older than the *_set fields get the exact sum of `shipping_lines[].price`.
// - Line `price` is Shopify's unit price before discounts (quantity 2 x
//   "7.50", as in Alloy's example); the line total is not in the model
//   because it can be derived and Shopify's own fixtures do not keep it
//   consistent. `title` is the product title, not `name` (title + variant).
// - Timestamps always carry an offset in Shopify's REST and GraphQL shapes;
//   one without an offset is an error (naive_time::reject) rather than a guess.
// - A null customer (guest, POS, or no protected-customer-data access) stays
//   null; when the customer object lacks an email, the order's `email`, then
//   `contact_email`, fills it.
// - Shopify has no order-status field: orderStatusRaw is null and orderStatus
//   is derived (order_status_for below).
#pragma once

#include <algorithm>
#include <array>
#include <boost/hana/tuple.hpp>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::shopify {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only a Shopify order carries at its top level (other platforms name
// these concepts otherwise: Magento increment_id, WooCommerce number/total,
// BigCommerce total_inc_tax), and that Shopify's refunds, transactions and
// fulfillments lack. `admin_graphql_api_id` and `processed_at` are on those
// too, so they only count as shared keys, with `number` (WooCommerce, Malomo)
// and `refunds` (WooCommerce); every key of order_map counts as one as well.
// `order_id` is on every Shopify sub-resource and never on an order.
inline constexpr std::array<std::string_view, 16> marker_keys{
    {"financial_status", "order_number", "total_price", "total_line_items_price",
     "presentment_currency", "cancelled_at", "closed_at", "total_discounts",
     "total_shipping_price_set", "subtotal_price", "contact_email", "taxes_included",
     "total_price_set", "confirmation_number", "cancel_reason", "fulfillment_status"}};
inline constexpr std::array<std::string_view, 4> shared_keys{
    {"number", "refunds", "admin_graphql_api_id", "processed_at"}};
inline constexpr std::array<std::string_view, 1> not_order_keys{{"order_id"}};

// ---------------------------------------------------------------------------
// Source-side scratch: values that feed rules rather than one model member.

struct money_amount {
  opt_money amount;
};
struct money_set {
  money_amount shop_money;
};
struct shipping_line {
  opt_money price;
};
struct fulfillment {
  text status;
  text shipment_status;
  text tracking_company;
  text tracking_number;  // legacy single-number fields
  text tracking_url;
  std::vector<text> tracking_numbers;
  std::vector<text> tracking_urls;
};
struct order_source : order {
  opt_time cancelled_at;
  opt_time closed_at;
  text email;
  text contact_email;
  money_set total_shipping_price_set;
  std::vector<shipping_line> shipping_lines;
  std::vector<fulfillment> fulfillments;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto shopify_time = as_time<naive_time::reject>;

// clang-format off
struct money_amount_map {
  using target = money_amount;
  static constexpr auto fields = hana::make_tuple(
      field("amount", &money_amount::amount, as_money));
};

struct money_set_map {
  using target = money_set;
  static constexpr auto fields = hana::make_tuple(
      field("shop_money", &money_set::shop_money, as_object<money_amount_map>));
};

struct shipping_line_map {
  using target = shipping_line;
  static constexpr auto fields = hana::make_tuple(
      field("price", &shipping_line::price, as_money));
};

struct fulfillment_map {
  using target = fulfillment;
  static constexpr auto fields = hana::make_tuple(
      field("status",           &fulfillment::status,           as_text),
      field("shipment_status",  &fulfillment::shipment_status,  as_text),
      field("tracking_company", &fulfillment::tracking_company, as_text),
      field("tracking_number",  &fulfillment::tracking_number,  as_text),
      field("tracking_url",     &fulfillment::tracking_url,     as_text),
      field("tracking_numbers", &fulfillment::tracking_numbers, as_text_list),
      field("tracking_urls",    &fulfillment::tracking_urls,    as_text_list));
};

struct address_map {
  using target = address;
  static constexpr auto fields = hana::make_tuple(
      field("first_name",    &address::first_name,   as_text),
      field("last_name",     &address::last_name,    as_text),
      field("company",       &address::company,      as_text),
      field("address1",      &address::address1,     as_text),
      field("address2",      &address::address2,     as_text),
      field("city",          &address::city,         as_text),
      field("province_code", &address::region,       as_text),
      field("province",      &address::region,       as_text_fallback),
      field("zip",           &address::postal_code,  as_text),
      field("country_code",  &address::country_code, as_text),
      field("phone",         &address::phone,        as_text));
};

struct customer_map {
  using target = customer;
  static constexpr auto fields = hana::make_tuple(
      field("id",         &customer::customer_id, as_id),
      field("first_name", &customer::first_name,  as_text),
      field("last_name",  &customer::last_name,   as_text),
      field("email",      &customer::email,       as_text),
      field("phone",      &customer::phone,       as_text));
};

struct line_item_map {
  using target = line_item;
  static constexpr auto fields = hana::make_tuple(
      field("id",         &line_item::line_item_id, as_id),
      field("product_id", &line_item::product_id,   as_id),
      field("variant_id", &line_item::variant_id,   as_id),
      field("sku",        &line_item::sku,          as_text),
      field("title",      &line_item::title,        as_text),
      field("quantity",   &line_item::quantity,     as_quantity),
      field("price",      &line_item::price,        as_money));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                       &order::remote_id,              as_id),
      field("order_number",             &order::order_number,           as_id),
      field("created_at",               &order::remote_created_at,      shopify_time),
      field("updated_at",               &order::remote_updated_at,      shopify_time),
      field("cancelled_at",             &order_source::cancelled_at,    shopify_time),
      field("closed_at",                &order_source::closed_at,       shopify_time),
      field("financial_status",         &order::payment_status_raw,     as_text),
      field("test",                     &order::is_test,                as_bool),
      field("fulfillment_status",       &order::fulfillment_status_raw, as_text),
      field("currency",                 &order::currency,               as_text),
      field("total_price",              &order::total_price,            as_money),
      field("total_tax",                &order::total_tax,              as_money),
      field("total_discounts",          &order::total_discount,         as_money),
      field("total_shipping_price_set", &order_source::total_shipping_price_set,
                                        as_object<money_set_map>),
      field("shipping_lines",           &order_source::shipping_lines,  as_array<shipping_line_map>),
      field("line_items",               &order::line_items,             as_array<line_item_map>),
      field("billing_address",          &order::billing_address,        as_object<address_map>),
      field("shipping_address",         &order::shipping_address,       as_object<address_map>),
      field("customer",                 &order::customer,               as_object<customer_map>),
      field("fulfillments",             &order_source::fulfillments,    as_array<fulfillment_map>),
      field("email",                    &order_source::email,           as_text),
      field("contact_email",            &order_source::contact_email,   as_text));
};
// clang-format on

// ---------------------------------------------------------------------------
// Status vocabularies.

// financial_status, by name (shopify.dev OrderDisplayFinancialStatus).
// `expired` is an authorization that lapsed uncaptured: Voided, like a
// cancelled authorization.
inline constexpr std::array<std::pair<std::string_view, payment_status>, 8> financial_statuses{{
    {"pending", payment_status::pending},
    {"authorized", payment_status::authorized},
    {"partially_paid", payment_status::partially_paid},
    {"paid", payment_status::paid},
    {"partially_refunded", payment_status::partially_refunded},
    {"refunded", payment_status::refunded},
    {"voided", payment_status::voided},
    {"expired", payment_status::voided},
}};

// Order-level fulfillment_status. null/absent means nothing fulfilled;
// `restocked` means every item went back to stock, so nothing is fulfilled.
inline constexpr std::array<std::pair<std::string_view, fulfillment_status>, 4>
    fulfillment_statuses{{
        {"", fulfillment_status::unfulfilled},
        {"restocked", fulfillment_status::unfulfilled},
        {"partial", fulfillment_status::partial},
        {"fulfilled", fulfillment_status::fulfilled},
    }};

// Fulfillment `shipment_status` (the carrier's progress as Shopify reports it;
// REST documents nine of these; FulfillmentEventStatus adds carrier_picked_up,
// delayed and picked_up).
inline constexpr std::array<std::pair<std::string_view, shipment_status>, 12> shipment_statuses{{
    {"label_printed", shipment_status::pre_transit},
    {"label_purchased", shipment_status::pre_transit},
    {"confirmed", shipment_status::pre_transit},
    {"carrier_picked_up", shipment_status::in_transit},
    {"in_transit", shipment_status::in_transit},
    {"delayed", shipment_status::in_transit},
    {"attempted_delivery", shipment_status::in_transit},  // the carrier retries
    {"out_for_delivery", shipment_status::out_for_delivery},
    {"ready_for_pickup", shipment_status::available_for_pickup},
    {"picked_up", shipment_status::delivered},  // collected by the buyer
    {"delivered", shipment_status::delivered},
    {"failure", shipment_status::failure},
}};

// Fulfillment `status` values that mean no parcel left: not a shipment.
inline constexpr std::array<std::string_view, 3> dead_fulfillment_statuses{
    {"cancelled", "error", "failure"}};

template <class Enum, std::size_t N>
constexpr Enum lookup(const std::array<std::pair<std::string_view, Enum>, N>& table,
                      std::string_view raw, Enum otherwise) noexcept {
  for (const auto& [name, value] : table) {
    if (name == raw) return value;
  }
  return otherwise;
}

// Cancelled when cancelled_at is set, else Completed when closed_at is set,
// else Shipped when everything is fulfilled, else Pending while payment is
// pending, else Active (DESIGN.md, "Shopify statuses").
constexpr order_status order_status_for(bool cancelled, bool closed, std::string_view fulfillment,
                                        std::string_view financial) noexcept {
  if (cancelled) return order_status::cancelled;
  if (closed) return order_status::completed;
  if (fulfillment == "fulfilled") return order_status::shipped;
  if (financial == "pending") return order_status::pending;
  return order_status::active;
}

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

struct order_rules {
  static void reset(order_source& s) {
    auto line_items = std::move(s.line_items);
    auto shipments = std::move(s.shipments);
    auto shipping_lines = std::move(s.shipping_lines);
    auto fulfillments = std::move(s.fulfillments);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates nothing.
    line_items.clear();
    shipments.clear();
    shipping_lines.clear();
    fulfillments.clear();
    s.line_items = std::move(line_items);
    s.shipments = std::move(shipments);
    s.shipping_lines = std::move(shipping_lines);
    s.fulfillments = std::move(fulfillments);
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::shopify;
    if (s.remote_id.empty()) return missing_id(w, "id");
    s.id = w.arena().concat("shopify:", s.remote_id);

    s.payment_status = lookup(financial_statuses, s.payment_status_raw, payment_status::unknown);
    s.fulfillment_status =
        lookup(fulfillment_statuses, s.fulfillment_status_raw, fulfillment_status::unknown);
    s.order_status = order_status_for(s.cancelled_at.has_value(), s.closed_at.has_value(),
                                      s.fulfillment_status_raw, s.payment_status_raw);

    if (s.total_shipping_price_set.shop_money.amount) {
      s.total_shipping = s.total_shipping_price_set.shop_money.amount;
    } else {
      for (const shipping_line& line : s.shipping_lines) {
        if (!line.price) continue;
        if (!s.total_shipping) {
          s.total_shipping = line.price;
          continue;
        }
        result<decimal> sum = decimal::add(*s.total_shipping, *line.price);
        if (!sum) {
          w.push_key("shipping_lines");
          w.fail(sum.error(), w.record_begin(), "the sum of shipping_lines[].price overflows");
          w.pop();
          return sum.error();
        }
        s.total_shipping = *sum;
      }
    }

    for (line_item& item : s.line_items) item.currency = s.currency;

    if (s.customer && s.customer->email.empty()) {
      s.customer->email = !s.email.empty() ? s.email : s.contact_email;
    }

    // One shipment per tracking number; a shipped fulfillment without one is a
    // single shipment with a null tracking code. URLs pair with numbers by index.
    for (const fulfillment& f : s.fulfillments) {
      bool dead = false;
      for (std::string_view d : dead_fulfillment_statuses) dead = dead || f.status == d;
      if (dead) continue;
      std::span<const text> numbers = f.tracking_numbers;
      std::span<const text> urls = f.tracking_urls;
      if (numbers.empty() && !f.tracking_number.empty()) numbers = {&f.tracking_number, 1};
      if (urls.empty() && !f.tracking_url.empty()) urls = {&f.tracking_url, 1};
      // One per number; a URL without a number of its own is dropped rather
      // than made into a shipment that cannot be tracked by its code.
      const std::size_t count = std::max<std::size_t>(numbers.size(), 1);
      for (std::size_t i = 0; i < count; ++i) {
        shipment& out = s.shipments.emplace_back();
        out.carrier = f.tracking_company;
        out.tracking_code = i < numbers.size() ? numbers[i] : text{};
        out.tracking_url = i < urls.size() ? urls[i] : text{};
        out.status_raw = f.shipment_status;
        out.status = lookup(shipment_statuses, f.shipment_status, shipment_status::unknown);
      }
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::shopify
