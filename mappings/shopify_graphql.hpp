// Shopify GraphQL Admin API `Order` (a query's order node, or a bulk export's
// Order line) -> common model. Not a platform of its own: the second shape
// of `shopify` (src/platforms/shopify.cpp picks REST or GraphQL per record;
// src/platforms/shopify_graphql.cpp instantiates this table).
//
// Facts and sources: ../shared/research/platforms-shopify-magento-bigcommerce.md
// §1.6, and shopify.dev's GraphQL Admin reference (Order, LineItem,
// Fulfillment, FulfillmentTrackingInfo, MoneyBag, MailingAddress, Customer,
// and the enums named at each table below).
//
// The rule: the same order fetched through REST (mappings/shopify.hpp) and
// GraphQL gives the same output, field for field, but for the raw status
// spellings (orderStatusRaw is null in both; paymentStatusRaw,
// fulfillmentStatusRaw and a shipment's statusRaw are GraphQL's UPPER_CASE
// values as given). Choices, each tested in tests/shopify_graphql_test.cpp:
// - Ids (order, line, product, variant, customer) are the gid's tail:
//   "gid://shopify/Order/450789469" is "450789469"; a non-numeric tail is
//   kept as given; escaped slashes are the same string once parsed. The
//   order's id is `id`, else `legacyResourceId`; neither is missing_field at
//   /id, as on every platform.
// - A top-level object whose `id` is a gid of another type than Order is
//   not converted: with `__parentId` it is a bulk export's child line given
//   without its export (missing_parent at /__parentId: the reader stitches
//   children to their parents), without it wrong_type at /id. An Order line
//   with a `__parentId` (an order under a customer) is an order: the key is
//   ignored, on lines too.
// - orderNumber: the Admin Order has no number field; `name` carries the
//   shop's prefix and suffix, so it is the first run of digits in `name`
//   ("#1001", "HCDEV#2611", "1001-A" -> "1001", "2611", "1001"), else `name`.
// - Money is shop money, as REST's plain fields: `<field>Set.shopMoney`, in
//   `currencyCode` (else the first shopMoney `currencyCode`). The older scalar
//   fields (`totalPrice`, `totalTax`, `totalShippingPrice`, `totalDiscounts`,
//   line `originalUnitPrice`), shop money too, are read where the Set's
//   shopMoney is absent. When the order has no shop amount at all (the query
//   selected only presentmentMoney), every amount is presentmentMoney in its
//   own currency (the order's `currency` is then the presentment one), with
//   one presentment_money warning. Beside shop money, an amount given only
//   as presentmentMoney is left out with a presentment_money warning, never
//   mixed in. Amounts are exact ("73.0" is written "73.00" in USD).
// - Totals as placed: totalPriceSet, totalTaxSet, totalShippingPriceSet,
//   totalDiscountsSet; never `current*`. No sum of shipping lines: GraphQL
//   orders always have totalShippingPriceSet to select.
// - Statuses: the REST rule on GraphQL's fields (order_status_for below).
//   A status field the query did not select (absent) or null is Unknown /
//   unknown with a null raw value: in GraphQL absent means "not asked", not
//   "nothing fulfilled" as REST's null fulfillment_status does. So an order
//   without displayFulfillmentStatus is never Shipped, and one without
//   displayFinancialStatus never Pending: such an order is Active unless
//   cancelledAt, closedAt or `closed` says otherwise.
// - Line items from `lineItems` as a connection (nodes or edges[].node) or a
//   plain list; `title`, else `name`; price is `originalUnitPriceSet` (the
//   unit price before discounts, REST's `price`); currency the order's.
// - Addresses: region is `provinceCode`, else `province`; countryCode is
//   `countryCodeV2`, else the older `countryCode`; postalCode is `zip`.
// - Customer: `customer{id, firstName, lastName, email, phone}`, with the
//   2025-04 `defaultEmailAddress.emailAddress` and
//   `defaultPhoneNumber.phoneNumber` where `email`/`phone` are absent. A null
//   customer (guest) stays null; a customer without an email gets the
//   order's `email`, as in REST. GraphQL's Order has no `contactEmail`
//   (REST's second fallback), so that step has nothing to read.
// - Shipments: one per `fulfillments[].trackingInfo[]` entry (carrier =
//   `company` as given, trackingCode = `number`, trackingUrl = `url`); a
//   fulfillment without tracking info is one shipment with a null tracking
//   code; one whose `status` is FAILURE, ERROR or CANCELLED is none.
//   `fulfillments` is a plain list in the schema; a connection is read too.
//   Status from the fulfillment's `displayStatus`, raw as given.
// - Timestamps always carry an offset (GraphQL writes "Z"); one without is
//   an error, as in REST.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mappings/shopify.hpp"  // lookup, shopify_time: the REST mapping's helpers
#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::shopify_graphql {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;
using shopify::lookup;
using shopify::shopify_time;

// Evidence for --from auto, beside the REST shape's (src/platforms/
// shopify.cpp joins them). Distinctive: camelCase keys that only a Shopify
// GraphQL Order carries at its top level; Squarespace, eBay and SFCC's
// camelCase orders name these concepts otherwise (grandTotal, pricingSummary,
// orderTotal, fulfillmentStatus, orderPaymentStatus, ...). The decisive
// evidence of a minimal selection is its `id`, a "gid://shopify/" string
// (src/platforms/shopify.cpp, id_prefixes). Shared: other keys of GraphQL
// orders, as every key of order_map is.
inline constexpr std::array<std::string_view, 17> marker_keys{
    {"displayFinancialStatus", "displayFulfillmentStatus", "legacyResourceId", "totalPriceSet",
     "subtotalPriceSet", "totalTaxSet", "totalShippingPriceSet", "totalDiscountsSet",
     "currentTotalPriceSet", "currentSubtotalPriceSet", "currentTotalTaxSet",
     "currentTotalDiscountsSet", "presentmentCurrencyCode", "totalOutstandingSet",
     "totalReceivedSet", "cancelReason", "confirmationNumber"}};
inline constexpr std::array<std::string_view, 2> shared_keys{{"processedAt", "customAttributes"}};

// ---------------------------------------------------------------------------
// Source-side scratch: values that feed rules rather than one model member.

// MoneyV2 and MoneyBag.
struct money_v2 {
  opt_money amount;
  text currency_code;
};
struct money_bag {
  money_v2 shop_money;
  money_v2 presentment_money;
};
// `variant { id }`, `product { id }`.
struct id_ref {
  text id;
};
struct line_source : line_item {
  money_bag original_unit_price_set;
  id_ref variant;
  id_ref product;
};
struct tracking_info {
  text company;
  text number;
  text url;
};
struct fulfillment {
  text status;
  text display_status;
  std::vector<tracking_info> tracking;
};
struct email_ref {
  text email_address;
};
struct phone_ref {
  text phone_number;
};
struct customer_source : customer {
  email_ref default_email_address;
  phone_ref default_phone_number;
};
struct order_source : order {
  located_text gid;  // `id`
  text legacy_resource_id;
  located_text parent_id;  // `__parentId`
  opt_time cancelled_at;
  opt_time closed_at;
  std::optional<bool> closed;
  text email;
  text currency_code;
  text presentment_currency_code;
  money_bag total_price_set;
  money_bag total_tax_set;
  money_bag total_shipping_price_set;
  money_bag total_discounts_set;
  std::vector<line_source> lines;
  customer_source customer_fields;  // folded into `customer` by the rules
  std::vector<fulfillment> fulfillments;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

// clang-format off
struct money_v2_map {
  using target = money_v2;
  static constexpr auto fields = hana::make_tuple(
      field("amount",       &money_v2::amount,        as_money),
      field("currencyCode", &money_v2::currency_code, as_text));
};

struct money_bag_map {
  using target = money_bag;
  static constexpr auto fields = hana::make_tuple(
      field("shopMoney",        &money_bag::shop_money,        as_object<money_v2_map>),
      field("presentmentMoney", &money_bag::presentment_money, as_object<money_v2_map>));
};

struct id_ref_map {
  using target = id_ref;
  static constexpr auto fields = hana::make_tuple(
      field("id", &id_ref::id, as_gid_tail));
};

struct address_map {
  using target = address;
  static constexpr auto fields = hana::make_tuple(
      field("firstName",     &address::first_name,   as_text),
      field("lastName",      &address::last_name,    as_text),
      field("company",       &address::company,      as_text),
      field("address1",      &address::address1,     as_text),
      field("address2",      &address::address2,     as_text),
      field("city",          &address::city,         as_text),
      field("provinceCode",  &address::region,       as_text),
      field("province",      &address::region,       as_text_fallback),
      field("zip",           &address::postal_code,  as_text),
      field("countryCodeV2", &address::country_code, as_text),
      field("countryCode",   &address::country_code, as_text_fallback),
      field("phone",         &address::phone,        as_text));
};

struct email_ref_map {
  using target = email_ref;
  static constexpr auto fields = hana::make_tuple(
      field("emailAddress", &email_ref::email_address, as_text));
};

struct phone_ref_map {
  using target = phone_ref;
  static constexpr auto fields = hana::make_tuple(
      field("phoneNumber", &phone_ref::phone_number, as_text));
};

struct customer_map {
  using target = customer_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                  &customer::customer_id, as_gid_tail),
      field("firstName",           &customer::first_name,  as_text),
      field("lastName",            &customer::last_name,   as_text),
      field("email",               &customer::email,       as_text),
      field("phone",               &customer::phone,       as_text),
      field("defaultEmailAddress", &customer_source::default_email_address,
                                   as_object<email_ref_map>),
      field("defaultPhoneNumber",  &customer_source::default_phone_number,
                                   as_object<phone_ref_map>));
};

struct line_map {
  using target = line_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                   &line_item::line_item_id, as_gid_tail),
      field("sku",                  &line_item::sku,          as_text),
      field("title",                &line_item::title,        as_text),
      field("name",                 &line_item::title,        as_text_fallback),
      field("quantity",             &line_item::quantity,     as_quantity),
      field("originalUnitPriceSet", &line_source::original_unit_price_set,
                                    as_object<money_bag_map>),
      field("originalUnitPrice",    &line_item::price,        as_money),
      field("variant",              &line_source::variant,    as_object<id_ref_map>),
      field("product",              &line_source::product,    as_object<id_ref_map>));
};

struct tracking_info_map {
  using target = tracking_info;
  static constexpr auto fields = hana::make_tuple(
      field("company", &tracking_info::company, as_text),
      field("number",  &tracking_info::number,  as_text),
      field("url",     &tracking_info::url,     as_text));
};

struct fulfillment_map {
  using target = fulfillment;
  static constexpr auto fields = hana::make_tuple(
      field("status",        &fulfillment::status,         as_text),
      field("displayStatus", &fulfillment::display_status, as_text),
      field("trackingInfo",  &fulfillment::tracking,       as_array<tracking_info_map>));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                       &order_source::gid,                as_located_id),
      field("legacyResourceId",         &order_source::legacy_resource_id, as_id),
      field("__parentId",               &order_source::parent_id,          as_located_id),
      field("name",                     &order::order_number,              as_first_digits),
      field("createdAt",                &order::remote_created_at,         shopify_time),
      field("updatedAt",                &order::remote_updated_at,         shopify_time),
      field("cancelledAt",              &order_source::cancelled_at,       shopify_time),
      field("closedAt",                 &order_source::closed_at,          shopify_time),
      field("closed",                   &order_source::closed,             as_bool),
      field("displayFinancialStatus",   &order::payment_status_raw,        as_text),
      field("displayFulfillmentStatus", &order::fulfillment_status_raw,    as_text),
      field("test",                     &order::is_test,                   as_bool),
      field("currencyCode",             &order_source::currency_code,      as_text),
      field("presentmentCurrencyCode",  &order_source::presentment_currency_code, as_text),
      field("totalPriceSet",            &order_source::total_price_set,    as_object<money_bag_map>),
      field("totalTaxSet",              &order_source::total_tax_set,      as_object<money_bag_map>),
      field("totalShippingPriceSet",    &order_source::total_shipping_price_set,
                                        as_object<money_bag_map>),
      field("totalDiscountsSet",        &order_source::total_discounts_set, as_object<money_bag_map>),
      field("totalPrice",               &order::total_price,               as_money),
      field("totalTax",                 &order::total_tax,                 as_money),
      field("totalShippingPrice",       &order::total_shipping,            as_money),
      field("totalDiscounts",           &order::total_discount,            as_money),
      field("lineItems",                &order_source::lines,              as_connection<line_map>),
      field("billingAddress",           &order::billing_address,           as_object<address_map>),
      field("shippingAddress",          &order::shipping_address,          as_object<address_map>),
      field("customer",                 &order_source::customer_fields,    as_object<customer_map>),
      field("fulfillments",             &order_source::fulfillments,       as_connection<fulfillment_map>),
      field("email",                    &order_source::email,              as_text));
};
// clang-format on

// ---------------------------------------------------------------------------
// Status vocabularies (GraphQL's UPPER_CASE enums, matched as written).

// displayFinancialStatus: OrderDisplayFinancialStatus, by name, as REST's
// financial_status. EXPIRED, an authorization that lapsed uncaptured, is
// Voided, as REST's `expired`.
inline constexpr std::array<std::pair<std::string_view, payment_status>, 8> financial_statuses{{
    {"PENDING", payment_status::pending},
    {"AUTHORIZED", payment_status::authorized},
    {"PARTIALLY_PAID", payment_status::partially_paid},
    {"PAID", payment_status::paid},
    {"PARTIALLY_REFUNDED", payment_status::partially_refunded},
    {"REFUNDED", payment_status::refunded},
    {"VOIDED", payment_status::voided},
    {"EXPIRED", payment_status::voided},
}};

// displayFulfillmentStatus: OrderDisplayFulfillmentStatus (shopify.dev,
// admin-graphql enums/OrderDisplayFulfillmentStatus). FULFILLED: every item
// fulfilled. PARTIALLY_FULFILLED: some are; IN_PROGRESS: some fulfilled or
// requested from the fulfillment service (partial, the rule). The
// rest, nothing fulfilled yet: UNFULFILLED; OPEN and PENDING_FULFILLMENT (the
// older names of UNFULFILLED and IN_PROGRESS requests not yet answered);
// SCHEDULED and ON_HOLD (unfulfilled items scheduled or held); RESTOCKED
// (every item went back to stock, as REST's `restocked`); REQUEST_DECLINED
// (the fulfillment service declined). FULFILLMENT_NOT_REQUIRED (2025+: the
// order has no item to fulfil) is neither unfulfilled nor fulfilled: it is
// left Unknown, raw kept.
inline constexpr std::array<std::pair<std::string_view, fulfillment_status>, 10>
    fulfillment_statuses{{
        {"FULFILLED", fulfillment_status::fulfilled},
        {"PARTIALLY_FULFILLED", fulfillment_status::partial},
        {"IN_PROGRESS", fulfillment_status::partial},
        {"UNFULFILLED", fulfillment_status::unfulfilled},
        {"OPEN", fulfillment_status::unfulfilled},
        {"PENDING_FULFILLMENT", fulfillment_status::unfulfilled},
        {"SCHEDULED", fulfillment_status::unfulfilled},
        {"ON_HOLD", fulfillment_status::unfulfilled},
        {"RESTOCKED", fulfillment_status::unfulfilled},
        {"REQUEST_DECLINED", fulfillment_status::unfulfilled},
    }};

// A fulfillment's displayStatus: FulfillmentDisplayStatus (shopify.dev,
// admin-graphql 2025-10 enums/FulfillmentDisplayStatus, all 18 values). The
// values that are also FulfillmentEventStatus values (REST's
// shipment_status) map as REST's table does. The display-only ones:
// SUBMITTED (sent to the fulfillment service, not yet shipped) is
// pre_transit; NOT_DELIVERED (the carrier could not deliver) is failure;
// CANCELED and LABEL_VOIDED (no parcel will travel on it) are cancelled;
// FULFILLED and MARKED_AS_FULFILLED say the items were fulfilled but nothing
// of a parcel's progress, so they are unknown: REST's shipment_status is
// null for such a fulfillment, and REST gives unknown too. (REST has no
// counterpart for the other display-only values: there it is null and
// unknown.)
inline constexpr std::array<std::pair<std::string_view, shipment_status>, 18> shipment_statuses{{
    {"LABEL_PRINTED", shipment_status::pre_transit},
    {"LABEL_PURCHASED", shipment_status::pre_transit},
    {"CONFIRMED", shipment_status::pre_transit},
    {"SUBMITTED", shipment_status::pre_transit},
    {"CARRIER_PICKED_UP", shipment_status::in_transit},
    {"IN_TRANSIT", shipment_status::in_transit},
    {"DELAYED", shipment_status::in_transit},
    {"ATTEMPTED_DELIVERY", shipment_status::in_transit},  // the carrier retries
    {"OUT_FOR_DELIVERY", shipment_status::out_for_delivery},
    {"READY_FOR_PICKUP", shipment_status::available_for_pickup},
    {"PICKED_UP", shipment_status::delivered},  // collected by the buyer
    {"DELIVERED", shipment_status::delivered},
    {"FAILURE", shipment_status::failure},
    {"NOT_DELIVERED", shipment_status::failure},
    {"CANCELED", shipment_status::cancelled},
    {"LABEL_VOIDED", shipment_status::cancelled},
    {"FULFILLED", shipment_status::unknown},
    {"MARKED_AS_FULFILLED", shipment_status::unknown},
}};

// A fulfillment's `status` (FulfillmentStatus; note CANCELLED, with two Ls,
// unlike FulfillmentDisplayStatus's CANCELED) that means no parcel left: not
// a shipment.
inline constexpr std::array<std::string_view, 3> dead_fulfillment_statuses{
    {"CANCELLED", "ERROR", "FAILURE"}};

// REST's rule on GraphQL's fields: Cancelled when cancelledAt is set, else
// Completed when closedAt is set or `closed` is true, else Shipped when
// everything is fulfilled, else Pending while payment is pending, else
// Active. `fulfillment` and `payment` are the mapped statuses: Unknown (not
// selected) is neither fulfilled nor pending.
constexpr order_status order_status_for(bool cancelled, bool closed, fulfillment_status fulfillment,
                                        payment_status payment) noexcept {
  if (cancelled) return order_status::cancelled;
  if (closed) return order_status::completed;
  if (fulfillment == fulfillment_status::fulfilled) return order_status::shipped;
  if (payment == payment_status::pending) return order_status::pending;
  return order_status::active;
}

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

struct order_rules {
  static void reset(order_source& s) {
    auto line_items = std::move(s.line_items);
    auto shipments = std::move(s.shipments);
    auto lines = std::move(s.lines);
    auto fulfillments = std::move(s.fulfillments);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates nothing.
    line_items.clear();
    shipments.clear();
    lines.clear();
    fulfillments.clear();
    s.line_items = std::move(line_items);
    s.shipments = std::move(shipments);
    s.lines = std::move(lines);
    s.fulfillments = std::move(fulfillments);
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::shopify;
    if (error_code err = identify(w, s); err != error_code::ok) return err;
    s.id = w.arena().concat("shopify:", s.remote_id);

    s.payment_status = lookup(financial_statuses, s.payment_status_raw, payment_status::unknown);
    s.fulfillment_status =
        lookup(fulfillment_statuses, s.fulfillment_status_raw, fulfillment_status::unknown);
    s.order_status =
        order_status_for(s.cancelled_at.has_value(), s.closed_at.has_value() || s.closed == true,
                         s.fulfillment_status, s.payment_status);

    money(w, s);
    fold_customer(s);
    shipments(s);
    return error_code::ok;
  }

 private:
  // remoteId from `id` (a gid's tail) or `legacyResourceId`; what is not an
  // Order is rejected.
  template <class Walker>
  static error_code identify(Walker& w, order_source& s) {
    text remote = s.legacy_resource_id;
    const text id = s.gid.value;
    if (id.starts_with("gid://")) {
      const std::optional<gid_parts> gid = split_gid(id);  // as_located_id kept it whole
      if (!gid) {
        return fail_at(
            w, error_code::wrong_type, "id", s.gid.at,
            "expected an Order's global id (gid://shopify/Order/<id>), got " + std::string(id));
      }
      if (gid->app != "shopify" || gid->type != "Order") {
        if (!s.parent_id.value.empty()) {
          return fail_at(w, error_code::missing_parent, "__parentId", s.parent_id.at,
                         "a Shopify bulk export child line (" + std::string(id) + ") of " +
                             std::string(s.parent_id.value) +
                             ": it must be read with its export, whose reader stitches each "
                             "child line into its parent (ordernorm::reader, or `ordernorm "
                             "convert FILE`)");
        }
        return fail_at(w, error_code::wrong_type, "id", s.gid.at,
                       std::string(id) + " is the id of a " + std::string(gid->app) + " " +
                           std::string(gid->type) +
                           ", not of a Shopify Order: only Order objects convert");
      }
      remote = gid->tail;
    } else if (!id.empty()) {
      remote = id;
    }
    if (remote.empty()) return missing_id(w, "id");
    s.remote_id = remote;
    return error_code::ok;
  }

  template <class Walker>
  static error_code fail_at(Walker& w, error_code code, std::string_view key, const char* at,
                            std::string message) {
    w.push_key(key);
    w.fail(code, at != nullptr ? at : w.record_begin(), std::move(message));
    w.pop();
    return code;
  }

  // The totals' money bags, in the order their currency codes are looked at.
  static std::array<const money_bag*, 4> totals(const order_source& s) {
    return {&s.total_price_set, &s.total_tax_set, &s.total_shipping_price_set,
            &s.total_discounts_set};
  }

  // Whether any amount is shop money: a Set's shopMoney or an older scalar
  // (the line scalar `originalUnitPrice` is read into the line's price).
  static bool has_shop_money(const order_source& s) {
    bool shop = s.total_price || s.total_tax || s.total_shipping || s.total_discount;
    for (const money_bag* b : totals(s)) shop = shop || b->shop_money.amount;
    for (const line_source& l : s.lines) {
      shop = shop || l.price || l.original_unit_price_set.shop_money.amount;
    }
    return shop;
  }

  static bool has_presentment_money(const order_source& s) {
    bool any = false;
    for (const money_bag* b : totals(s)) any = any || b->presentment_money.amount;
    for (const line_source& l : s.lines) {
      any = any || l.original_unit_price_set.presentment_money.amount;
    }
    return any;
  }

  // The first non-empty currency code of `which` money among the order's
  // totals, then its lines.
  static text first_currency(const order_source& s, money_v2 money_bag::*which) {
    for (const money_bag* b : totals(s)) {
      if (!((*b).*which).currency_code.empty()) return ((*b).*which).currency_code;
    }
    for (const line_source& l : s.lines) {
      const money_v2& m = l.original_unit_price_set.*which;
      if (!m.currency_code.empty()) return m.currency_code;
    }
    return {};
  }

  // A warning at /<key>; its message names the amount: `name`, or
  // lineItems[<index>].originalUnitPriceSet for a line (index >= 0).
  template <class Walker>
  static void warn_amount(Walker& w, warning_code code, std::string_view key, std::string_view name,
                          std::int64_t index, std::string_view rest) {
    std::string message;
    message.reserve(96 + rest.size());
    if (index >= 0) {
      message.append("lineItems[").append(std::to_string(index)).append("].");
    }
    message.append(name).append(rest);
    w.push_key(key);
    w.warn(code, std::move(message));
    w.pop();
  }

  // One amount of `bag` into `out`, which holds the older scalar if one was
  // given: shop money, else that scalar; presentment money when the order
  // has nothing else.
  template <class Walker>
  static void pick(Walker& w, opt_money& out, const money_bag& bag, bool presentment, text currency,
                   std::string_view key, std::string_view name, std::int64_t index = -1) {
    if (!presentment) {
      if (bag.shop_money.amount) {
        out = bag.shop_money.amount;
      } else if (!out && bag.presentment_money.amount) {
        warn_amount(w, warning_code::presentment_money, key, name, index,
                    " has presentmentMoney only, and the order's other amounts are shop "
                    "money: left out");
      }
      return;
    }
    const money_v2& m = bag.presentment_money;
    if (!m.amount) return;
    if (!m.currency_code.empty() && !currency.empty() && m.currency_code != currency) {
      warn_amount(w, warning_code::other_currency, key, name, index,
                  " is in " + std::string(m.currency_code) + ", not the order's currency " +
                      std::string(currency) + ": left out");
      return;
    }
    out = m.amount;
  }

  template <class Walker>
  static void money(Walker& w, order_source& s) {
    const bool presentment = !has_shop_money(s) && has_presentment_money(s);
    if (presentment) {
      s.currency = first_currency(s, &money_bag::presentment_money);
      if (s.currency.empty()) s.currency = s.presentment_currency_code;
      std::string message =
          "only presentmentMoney was given (no shopMoney, no older scalar amount): the amounts "
          "are in the presentment currency";
      if (!s.currency.empty()) message.append(" ").append(s.currency);
      message.append(", the buyer's, not the shop's");
      w.warn(warning_code::presentment_money, std::move(message));
    } else {
      s.currency = s.currency_code;
      if (s.currency.empty()) s.currency = first_currency(s, &money_bag::shop_money);
    }
    pick(w, s.total_price, s.total_price_set, presentment, s.currency, "totalPriceSet",
         "totalPriceSet");
    pick(w, s.total_tax, s.total_tax_set, presentment, s.currency, "totalTaxSet", "totalTaxSet");
    pick(w, s.total_shipping, s.total_shipping_price_set, presentment, s.currency,
         "totalShippingPriceSet", "totalShippingPriceSet");
    pick(w, s.total_discount, s.total_discounts_set, presentment, s.currency, "totalDiscountsSet",
         "totalDiscountsSet");

    std::int64_t index = 0;
    for (const line_source& l : s.lines) {
      line_item& item = s.line_items.emplace_back(static_cast<const line_item&>(l));
      item.variant_id = l.variant.id;
      item.product_id = l.product.id;
      item.currency = s.currency;
      pick(w, item.price, l.original_unit_price_set, presentment, s.currency, "lineItems",
           "originalUnitPriceSet", index++);
    }
  }

  // The customer's fields, with the 2025-04 email and phone objects where
  // the older fields are absent; null when nothing is left (a guest); the
  // order's email where the customer has none, as in REST.
  static void fold_customer(order_source& s) {
    customer c = static_cast<const customer&>(s.customer_fields);
    if (c.email.empty()) c.email = s.customer_fields.default_email_address.email_address;
    if (c.phone.empty()) c.phone = s.customer_fields.default_phone_number.phone_number;
    if (is_blank(c)) return;
    if (c.email.empty()) c.email = s.email;
    s.customer = c;
  }

  // One shipment per tracking info entry; a live fulfillment without any is
  // one shipment with a null tracking code.
  static void shipments(order_source& s) {
    for (const fulfillment& f : s.fulfillments) {
      bool dead = false;
      for (std::string_view d : dead_fulfillment_statuses) dead = dead || f.status == d;
      if (dead) continue;
      const shipment_status status =
          lookup(shipment_statuses, f.display_status, shipment_status::unknown);
      if (f.tracking.empty()) {
        shipment& out = s.shipments.emplace_back();
        out.status_raw = f.display_status;
        out.status = status;
        continue;
      }
      for (const tracking_info& t : f.tracking) {
        shipment& out = s.shipments.emplace_back();
        out.carrier = t.company;
        out.tracking_code = t.number;
        out.tracking_url = t.url;
        out.status_raw = f.display_status;
        out.status = status;
      }
    }
  }
};

}  // namespace ordernorm::mappings::shopify_graphql
