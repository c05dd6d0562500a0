// BigCommerce Orders V2 order (GET /stores/{hash}/v2/orders[/{id}]) -> common
// model.
//
// Facts and sources: ../shared/research/platforms-shopify-magento-bigcommerce.md §3
// and the Orders V2 OpenAPI (bigcommerce/docs reference/orders.v2.oas2.yml:
// order_RespOnly, order_Shared, orderProducts, orderShippingAddress,
// orderShipment, /order_statuses).
//
// Choices this mapping makes, each tested in tests/bigcommerce_test.cpp or a
// golden case under tests/golden/bigcommerce/:
// - An order without `id` is rejected (missing_field at /id), as on every
//   platform.
// - `id` is both remoteId and orderNumber: BigCommerce has no separate
//   display number (DESIGN.md, "Field conventions"). id is "bigcommerce:<id>".
// - `date_created` / `date_modified` are RFC 2822 with `+0000`; the spec says
//   they are "always in UTC in the api response". A zone-less rendering of the
//   same value (an export's "2026-06-18 12:05:04") is therefore UTC by
//   contract: naive_time::utc, as for Magento. `""` (BigCommerce's unset date,
//   e.g. `date_shipped`) is no value. `date_shipped` has no model field.
// - Statuses: one table over `status_id` 0-14 (all fifteen system statuses of
//   GET /v2/order_statuses) gives orderStatus, the fallback paymentStatus and
//   fulfillmentStatus. `status_id` decides because `custom_status` is the
//   merchant's relabelling; orderStatusRaw is `status`, the system name that
//   BigCommerce writes beside the id ("Awaiting Fulfillment"), or the id's
//   digits when `status` is missing. With no `status_id`, the system name is
//   looked up instead. An id the table does not know is Unknown, raw kept.
//   Row choices (the table below says why per row): Incomplete and Awaiting
//   Payment are Pending; Refunded is Completed with the refund in
//   paymentStatus (as Magento `closed`, WooCommerce `refunded`); Cancelled and
//   Declined are Cancelled; Manual Verification Required and Disputed are
//   OnHold; Partially Refunded stays Active.
// - paymentStatus is `payment_status` by its documented vocabulary (raw kept
//   in paymentStatusRaw). It is `""` for manual and offline methods (every
//   Nango order): then the status row's payment column speaks (Awaiting
//   Fulfillment = "payment has been confirmed" -> Paid) and paymentStatusRaw
//   stays null. A non-empty value the table does not know is Unknown.
// - fulfillmentStatus: BigCommerce has no such field (fulfillmentStatusRaw is
//   null). Statuses that say how far shipping got decide (Shipped ->
//   fulfilled, Partially Shipped -> partial, Awaiting * -> unfulfilled ...);
//   for those that do not (Refunded, Cancelled, Declined, Disputed, Partially
//   Refunded, an unknown id) `items_shipped` of `items_total` decides: none
//   -> unfulfilled, some -> partial, all -> fulfilled; no count -> unknown.
// - `is_deleted` (archived) is remoteDeleted.
// - Money: BigCommerce's "default" currency is the transactional one, the
//   currency every amount of a V2 order is stated in: `default_currency_code`
//   names it (`currency_code`, the display currency, only when it is
//   missing: "in v2 display currency is set to the transactional currency").
//   `store_default_currency_code` is not used: restating the amounts in it
//   would take `store_default_to_transactional_exchange_rate`, a rounded
//   rate, and money here is never rounded. Amounts are 4-decimal strings,
//   read exactly from the token text.
// - totalPrice `total_inc_tax` (what the shopper pays); totalTax `total_tax`;
//   totalDiscount the exact sum of `discount_amount` and `coupon_discount`
//   (BigCommerce states no single discount total); totalShipping the charged
//   shipping in the store's tax mode, as Shopify's follows `taxes_included`:
//   `shipping_cost_inc_tax` when `is_tax_inclusive_pricing` is true, else
//   `shipping_cost_ex_tax` (the flag says which of the two is the actual
//   value, the other being estimated); `base_shipping_cost` when that one is
//   missing.
// - Sub-resources (DESIGN.md, "Inputs that are more than one document"):
//   `products`, `shipping_addresses` and `shipments` are either the expanded
//   array (the sub-resource's GET response placed under the key) or a
//   `{url, resource}` link. A link converts to nothing and a warning that
//   names the missing part and the resource to fetch. An expanded `[]` is an
//   order without such rows (BigCommerce answers 204 for an empty list), no
//   warning. `coupons`, `fees` and `consignments` are not read.
// - Line items (`products` rows): lineItemId `id`, productId `product_id`,
//   variantId `variant_id` (0, BigCommerce's "no catalog product / variant" on
//   custom products, is null), sku, title `name` (the customer-facing name;
//   `name_customer` if it is missing), quantity, unitCost `base_cost_price`
//   (as given, "0.0000" included). price is `base_price`, the unit price
//   before discounts as the merchant set it (tax included or not, per the
//   store); when missing, `price_inc_tax` or `price_ex_tax` by
//   `is_tax_inclusive_pricing`. A row bundled into another
//   (`parent_order_product_id` set or `is_bundled_product`) is part of its
//   parent's line, not a line of its own.
// - shippingAddress is the first row of the expanded `shipping_addresses`
//   (one per consignment). An order with several keeps the first and warns
//   that the others are not in the model.
// - Addresses: street_1/street_2 -> address1/address2; `state` is free text
//   ("TX" or "Texas") and goes to region as given, no code invented; `zip`
//   -> postalCode; countryCode `country_iso2` (the `country` name is not
//   used); company, phone.
// - Customer: `customer_id` (0 = guest -> customerId null) with the contact
//   data BigCommerce keeps only in `billing_address` (first_name, last_name,
//   email, phone). A guest with contact data is a customer without an id; no
//   id and no contact data is null.
// - Shipments (expanded `shipments` rows): one per row (one tracking number
//   each; none -> trackingCode null). carrier is `shipping_provider` as
//   BigCommerce names it ("usps", "carrier_1234567"), else the AfterShip slug
//   `tracking_carrier`; the display name is not used. trackingUrl is the
//   merchant's `tracking_link`, else `generated_tracking_link` (BigCommerce
//   fills one or the other). A V2 shipment has no status: unknown, raw null.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::bigcommerce {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only a BigCommerce V2 order carries at its top level: none is a key of
// a sub-resource row (products, shipping addresses, shipments, statuses) nor
// of the other platforms' orders (Shopify total_price, Magento
// base_currency_code / increment_id, WooCommerce number / date_created_gmt).
// `total_inc_tax`, `items_total` and `items_shipped` are on sub-resource rows,
// so they count as shared keys, as every key of order_map does. `order_id` is
// on every sub-resource row and never on an order.
inline constexpr std::array<std::string_view, 16> marker_keys{
    {"status_id", "default_currency_code", "store_default_currency_code", "shipping_address_count",
     "subtotal_ex_tax", "custom_status", "is_tax_inclusive_pricing", "date_shipped",
     "subtotal_inc_tax", "currency_exchange_rate", "default_currency_id", "staff_notes",
     "is_deleted", "shipping_cost_ex_tax", "shipping_cost_inc_tax", "coupon_discount"}};
inline constexpr std::array<std::string_view, 1> not_order_keys{{"order_id"}};

// ---------------------------------------------------------------------------
// Status vocabulary: `status_id` 0-14 (GET /v2/order_statuses) and what each
// says. `payment` is used only when `payment_status` is empty; `fulfillment`
// unknown means "the status does not say: the item counts decide".

struct status_row {
  std::string_view id;
  std::string_view name;  // system_label
  order_status order;
  payment_status payment;
  fulfillment_status fulfillment;
};

using os = order_status;
using ps = payment_status;
using fs = fulfillment_status;

// clang-format off
inline constexpr std::array<status_row, 15> statuses{{
    // Shopper reached the payment page but did not complete the transaction.
    {"0",  "Incomplete",                   os::pending,   ps::pending,            fs::unfulfilled},
    // Checkout started, not completed.
    {"1",  "Pending",                      os::pending,   ps::pending,            fs::unfulfilled},
    // Seller used Ship Items; receipt not confirmed. Follows confirmed payment.
    {"2",  "Shipped",                      os::shipped,   ps::paid,               fs::fulfilled},
    // Some items shipped.
    {"3",  "Partially Shipped",            os::active,    ps::paid,               fs::partial},
    // Seller used the Refund action: a closed order with the refund in
    // paymentStatus (as Magento `closed` and WooCommerce `refunded`).
    {"4",  "Refunded",                     os::completed, ps::refunded,           fs::unknown},
    // Seller cancelled (stock or other reasons); says nothing of the money.
    {"5",  "Cancelled",                    os::cancelled, ps::unknown,            fs::unknown},
    // Declined for lack of manual payment, or other reasons.
    {"6",  "Declined",                     os::cancelled, ps::failed,             fs::unknown},
    // Checkout complete, payment not yet confirmed.
    {"7",  "Awaiting Payment",             os::pending,   ps::pending,            fs::unfulfilled},
    // Pulled, waiting for the customer to collect it.
    {"8",  "Awaiting Pickup",              os::active,    ps::paid,               fs::unfulfilled},
    // Pulled and packaged, waiting for the carrier.
    {"9",  "Awaiting Shipment",            os::active,    ps::paid,               fs::unfulfilled},
    // Paid digital product, files available: complete.
    {"10", "Completed",                    os::completed, ps::paid,               fs::fulfilled},
    // Checkout complete and payment confirmed.
    {"11", "Awaiting Fulfillment",         os::active,    ps::paid,               fs::unfulfilled},
    // On hold while something is confirmed by hand.
    {"12", "Manual Verification Required", os::on_hold,   ps::unknown,            fs::unfulfilled},
    // PayPal dispute opened on the transaction that paid for the order.
    {"13", "Disputed",                     os::on_hold,   ps::paid,               fs::unknown},
    // Seller refunded part of the order; it stays open.
    {"14", "Partially Refunded",           os::active,    ps::partially_refunded, fs::unknown},
}};
// clang-format on

// The row of a `status_id` (its digits), else of a system name; null when
// neither is known.
constexpr const status_row* status_for(std::string_view id, std::string_view name) noexcept {
  if (!id.empty()) {
    for (const status_row& row : statuses) {
      if (row.id == id) return &row;
    }
    return nullptr;
  }
  if (name.empty()) return nullptr;
  for (const status_row& row : statuses) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

// `payment_status` (order_RespOnly.payment_status enum). "capture pending":
// authorized, capture not settled yet; "held for review": the gateway holds
// it, not paid yet; "void pending": the authorization is being released.
inline constexpr std::array<std::pair<std::string_view, payment_status>, 11> payment_statuses{{
    {"authorized", payment_status::authorized},
    {"captured", payment_status::paid},
    {"capture pending", payment_status::authorized},
    {"declined", payment_status::failed},
    {"held for review", payment_status::pending},
    {"paid", payment_status::paid},
    {"partially refunded", payment_status::partially_refunded},
    {"pending", payment_status::pending},
    {"refunded", payment_status::refunded},
    {"void", payment_status::voided},
    {"void pending", payment_status::voided},
}};

template <class Enum, std::size_t N>
constexpr Enum lookup(const std::array<std::pair<std::string_view, Enum>, N>& table,
                      std::string_view raw, Enum otherwise) noexcept {
  for (const auto& [name, value] : table) {
    if (name == raw) return value;
  }
  return otherwise;
}

// How far shipping got by the order's item counts; unknown without a total.
constexpr fulfillment_status fulfillment_by_counts(const opt_int& shipped,
                                                   const opt_int& total) noexcept {
  if (!total || *total <= 0) return fulfillment_status::unknown;
  const std::int64_t done = shipped ? *shipped : 0;
  if (done <= 0) return fulfillment_status::unfulfilled;
  if (done >= *total) return fulfillment_status::fulfilled;
  return fulfillment_status::partial;
}

// ---------------------------------------------------------------------------
// Source-side scratch: values that feed rules rather than one model member.

// A `{url, resource}` sub-resource link.
struct link {
  text url;
  text resource;
};

// A sub-resource key: the expanded rows, or a link (then `linked`).
template <class Row>
struct expandable {
  std::vector<Row> rows;
  bool linked = false;
  link where;
};

struct product_row : line_item {
  opt_money price_ex_tax;
  opt_money price_inc_tax;
  text parent_order_product_id;
  bool is_bundled_product = false;
};

struct billing_source : address {
  text email;
};

struct order_source : order {
  text status_id;  // digits
  text status;     // system name
  text customer_id;
  opt_int items_shipped;
  opt_int items_total;
  bool tax_inclusive = false;
  text default_currency_code;
  text currency_code;
  opt_money shipping_cost_ex_tax;
  opt_money shipping_cost_inc_tax;
  opt_money base_shipping_cost;
  opt_money discount_amount;
  opt_money coupon_discount;
  billing_source billing;
  expandable<product_row> products;
  expandable<address> shipping_addresses;
  expandable<shipment> shipment_rows;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

// "always in UTC in the api response" (order_Shared.date_created).
inline constexpr auto bigcommerce_time = as_time<naive_time::utc>;

// clang-format off
struct link_map {
  using target = link;
  static constexpr auto fields = hana::make_tuple(
      field("url",      &link::url,      as_text),
      field("resource", &link::resource, as_text));
};
// clang-format on

// A sub-resource key: an array of rows mapped with `RowMap`, or a link object
// (remembered, for the warning finish() gives). null: neither.
template <class RowMap>
struct expandable_converter {
  template <class W, class Row>
  error_code operator()(W& w, od::value& v, expandable<Row>& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::object) {
      bool present = false;
      out.linked = true;
      return w.template map_object<link_map>(v, out.where, present);
    }
    if (type != od::json_type::array && type != od::json_type::null) {
      return w.fail(error_code::wrong_type, v, "an array of rows or a {url, resource} link");
    }
    return w.template map_array<RowMap>(v, out.rows);
  }
};
template <class RowMap>
inline constexpr expandable_converter<RowMap> as_expandable{};

// clang-format off
struct address_map {
  using target = address;
  static constexpr auto fields = hana::make_tuple(
      field("first_name",   &address::first_name,   as_text),
      field("last_name",    &address::last_name,    as_text),
      field("company",      &address::company,      as_text),
      field("street_1",     &address::address1,     as_text),
      field("street_2",     &address::address2,     as_text),
      field("city",         &address::city,         as_text),
      field("state",        &address::region,       as_text),
      field("zip",          &address::postal_code,  as_postal_code),
      field("country_iso2", &address::country_code, as_text),
      field("phone",        &address::phone,        as_text));
};

struct billing_map {
  using target = billing_source;
  static constexpr auto fields = hana::make_tuple(
      field("first_name",   &address::first_name,    as_text),
      field("last_name",    &address::last_name,     as_text),
      field("company",      &address::company,       as_text),
      field("street_1",     &address::address1,      as_text),
      field("street_2",     &address::address2,      as_text),
      field("city",         &address::city,          as_text),
      field("state",        &address::region,        as_text),
      field("zip",          &address::postal_code,   as_postal_code),
      field("country_iso2", &address::country_code,  as_text),
      field("phone",        &address::phone,         as_text),
      field("email",        &billing_source::email,  as_text));
};

struct product_map {
  using target = product_row;
  static constexpr auto fields = hana::make_tuple(
      field("id",                      &line_item::line_item_id,                as_id),
      field("product_id",              &line_item::product_id,                  as_id),
      field("variant_id",              &line_item::variant_id,                  as_id),
      field("sku",                     &line_item::sku,                         as_text),
      field("name",                    &line_item::title,                       as_text),
      field("name_customer",           &line_item::title,                       as_text_fallback),
      field("quantity",                &line_item::quantity,                    as_quantity),
      field("base_price",              &line_item::price,                       as_money),
      field("price_ex_tax",            &product_row::price_ex_tax,              as_money),
      field("price_inc_tax",           &product_row::price_inc_tax,             as_money),
      field("base_cost_price",         &line_item::unit_cost,                   as_money),
      field("parent_order_product_id", &product_row::parent_order_product_id,   as_id),
      field("is_bundled_product",      &product_row::is_bundled_product,        as_bool));
};

struct shipment_map {
  using target = shipment;
  static constexpr auto fields = hana::make_tuple(
      field("shipping_provider",       &shipment::carrier,       as_text),
      field("tracking_carrier",        &shipment::carrier,       as_text_fallback),
      field("tracking_number",         &shipment::tracking_code, as_text),
      field("tracking_link",           &shipment::tracking_url,  as_text),
      field("generated_tracking_link", &shipment::tracking_url,  as_text_fallback));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                       &order::remote_id,                     as_id),
      field("customer_id",              &order_source::customer_id,            as_id),
      field("date_created",             &order::remote_created_at,             bigcommerce_time),
      field("date_modified",            &order::remote_updated_at,             bigcommerce_time),
      field("is_tax_inclusive_pricing", &order_source::tax_inclusive,          as_bool),
      field("status_id",                &order_source::status_id,              as_id),
      field("status",                   &order_source::status,                 as_text),
      field("shipping_cost_ex_tax",     &order_source::shipping_cost_ex_tax,   as_money),
      field("shipping_cost_inc_tax",    &order_source::shipping_cost_inc_tax,  as_money),
      field("base_shipping_cost",       &order_source::base_shipping_cost,     as_money),
      field("total_inc_tax",            &order::total_price,                   as_money),
      field("total_tax",                &order::total_tax,                     as_money),
      field("items_total",              &order_source::items_total,            as_int),
      field("items_shipped",            &order_source::items_shipped,          as_int),
      field("payment_status",           &order::payment_status_raw,            as_text),
      field("currency_code",            &order_source::currency_code,          as_text),
      field("default_currency_code",    &order_source::default_currency_code,  as_text),
      field("discount_amount",          &order_source::discount_amount,        as_money),
      field("coupon_discount",          &order_source::coupon_discount,        as_money),
      field("is_deleted",               &order::remote_deleted,                as_bool),
      field("billing_address",          &order_source::billing,                as_object<billing_map>),
      field("products",                 &order_source::products,               as_expandable<product_map>),
      field("shipping_addresses",       &order_source::shipping_addresses,     as_expandable<address_map>),
      field("shipments",                &order_source::shipment_rows,          as_expandable<shipment_map>));
};
// clang-format on

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

// "0" is BigCommerce's "none" for customer, product and variant ids.
constexpr text unless_zero(text id) noexcept { return id == "0" ? text{} : id; }

struct order_rules {
  static void reset(order_source& s) {
    auto line_items = std::move(s.line_items);
    auto shipments = std::move(s.shipments);
    auto products = std::move(s.products.rows);
    auto addresses = std::move(s.shipping_addresses.rows);
    auto shipment_rows = std::move(s.shipment_rows.rows);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates nothing.
    line_items.clear();
    shipments.clear();
    products.clear();
    addresses.clear();
    shipment_rows.clear();
    s.line_items = std::move(line_items);
    s.shipments = std::move(shipments);
    s.products.rows = std::move(products);
    s.shipping_addresses.rows = std::move(addresses);
    s.shipment_rows.rows = std::move(shipment_rows);
  }

  // A link that was not expanded: what the order lacks, and where to get it.
  template <class Walker, class Row>
  static void warn_link(Walker& w, const expandable<Row>& part, std::string_view key,
                        std::string_view lacks) {
    if (!part.linked) return;
    const text where = !part.where.resource.empty() ? part.where.resource : part.where.url;
    std::string message;
    message.reserve(128);
    message.append(key);
    message.append(" is an unexpanded link");
    if (!where.empty()) {
      message.append(" (");
      message.append(where);
      message.append(")");
    }
    message.append(": ");
    message.append(lacks);
    w.push_key(key);
    w.warn(warning_code::unexpanded_link, std::move(message));
    w.pop();
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::bigcommerce;
    if (s.remote_id.empty()) return missing_id(w, "id");
    s.id = w.arena().concat("bigcommerce:", s.remote_id);
    s.order_number = s.remote_id;
    s.currency = !s.default_currency_code.empty() ? s.default_currency_code : s.currency_code;

    // Statuses.
    const status_row* row = status_for(s.status_id, s.status);
    s.order_status_raw = !s.status.empty() ? s.status : s.status_id;
    s.order_status = row != nullptr ? row->order : order_status::unknown;
    if (!s.payment_status_raw.empty()) {
      s.payment_status = lookup(payment_statuses, s.payment_status_raw, payment_status::unknown);
    } else {
      s.payment_status = row != nullptr ? row->payment : payment_status::unknown;
    }
    s.fulfillment_status = row != nullptr ? row->fulfillment : fulfillment_status::unknown;
    if (s.fulfillment_status == fulfillment_status::unknown) {
      s.fulfillment_status = fulfillment_by_counts(s.items_shipped, s.items_total);
    }

    // Totals.
    const opt_money& shipping = s.tax_inclusive ? s.shipping_cost_inc_tax : s.shipping_cost_ex_tax;
    s.total_shipping = shipping ? shipping : s.base_shipping_cost;
    if (s.discount_amount && s.coupon_discount) {
      result<decimal> sum = decimal::add(*s.discount_amount, *s.coupon_discount);
      if (!sum) {
        w.push_key("coupon_discount");
        w.fail(sum.error(), w.record_begin(),
               "the sum of discount_amount and coupon_discount overflows");
        w.pop();
        return sum.error();
      }
      s.total_discount = *sum;
    } else {
      s.total_discount = s.discount_amount ? s.discount_amount : s.coupon_discount;
    }

    // Billing address and customer.
    if (!is_blank(static_cast<const address&>(s.billing))) {
      s.billing_address = static_cast<const address&>(s.billing);
    }
    customer c;
    c.customer_id = unless_zero(s.customer_id);
    c.first_name = s.billing.first_name;
    c.last_name = s.billing.last_name;
    c.email = s.billing.email;
    c.phone = s.billing.phone;
    if (!is_blank(c)) s.customer = c;

    // Line items: one per purchased product; bundled rows belong to their parent.
    for (const product_row& p : s.products.rows) {
      if (p.is_bundled_product || !unless_zero(p.parent_order_product_id).empty()) continue;
      line_item& item = s.line_items.emplace_back(static_cast<const line_item&>(p));
      item.product_id = unless_zero(item.product_id);
      item.variant_id = unless_zero(item.variant_id);
      if (!item.price) item.price = s.tax_inclusive ? p.price_inc_tax : p.price_ex_tax;
      item.currency = s.currency;
    }

    // Shipping address: the first consignment's.
    for (const address& a : s.shipping_addresses.rows) {
      if (is_blank(a)) continue;
      s.shipping_address = a;
      break;
    }
    if (s.shipping_addresses.rows.size() > 1) {
      w.push_key("shipping_addresses");
      w.warn(warning_code::several_addresses,
             "shipping_addresses holds " + std::to_string(s.shipping_addresses.rows.size()) +
                 " addresses: shippingAddress is the first, the others are not in the model");
      w.pop();
    }

    for (const shipment& sh : s.shipment_rows.rows) s.shipments.push_back(sh);

    warn_link(w, s.products, "products", "the order has no line items");
    warn_link(w, s.shipping_addresses, "shipping_addresses", "the order has no shipping address");
    warn_link(w, s.shipment_rows, "shipments", "the order has no shipments");
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::bigcommerce
