// The common Order model: one shape for every platform.
//
// Keys follow Alloy's unified Order (camelCase, ../shared/seeds/000_*.txt) and
// Malomo's shipments with scan events (../shared/seeds/003_*.txt). Members are
// declared with Boost.Hana so that the JSON writer is generated from this file:
// a member added here is written without touching the writer. The JSON key of
// a member is its name in camelCase (`remote_created_at` -> "remoteCreatedAt").
//
// Strings are `text` (std::string_view): views into the input or into the
// converter's buffers, valid until the converter reads its next record. An
// empty `text` means the source had no value (absent, null and "" are the same
// to a mapping) and is written as null.
#pragma once

#include <boost/hana/define_struct.hpp>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ordernorm/money.hpp"
#include "ordernorm/timestamp.hpp"

namespace ordernorm {

using text = std::string_view;
using opt_money = std::optional<decimal>;
using opt_time = std::optional<timestamp>;
using opt_int = std::optional<std::int64_t>;
using opt_quantity = std::optional<quantity>;

// Closed vocabularies, each with `unknown` (the raw platform value is kept
// beside it). Their JSON spellings are in enum_names<> below.
enum class platform : std::uint8_t {
  unknown,
  shopify,
  malomo,
  magento,
  bigcommerce,
  woocommerce,
  sfcc,
  squarespace,
  ebay
};

// Pending: placed, awaiting payment or confirmation. Active: open, being
// processed. OnHold: held, in review, disputed. Shipped: everything shipped,
// order still open. Completed: closed. Cancelled: cancelled, declined, failed.
enum class order_status : std::uint8_t {
  unknown,
  pending,
  active,
  on_hold,
  shipped,
  completed,
  cancelled
};
enum class payment_status : std::uint8_t {
  unknown,
  pending,
  authorized,
  partially_paid,
  paid,
  partially_refunded,
  refunded,
  voided,
  failed
};
enum class fulfillment_status : std::uint8_t { unknown, unfulfilled, partial, fulfilled };
enum class shipment_status : std::uint8_t {
  unknown,
  pre_transit,
  in_transit,
  out_for_delivery,
  available_for_pickup,
  delivered,
  return_to_sender,
  failure,
  cancelled,
  error
};

// JSON spelling of each enumerator, indexed by its value.
template <class Enum>
struct enum_names;
template <>
struct enum_names<platform> {
  static constexpr std::string_view values[] = {"unknown", "shopify",     "malomo",
                                                "magento", "bigcommerce", "woocommerce",
                                                "sfcc",    "squarespace", "ebay"};
};
template <>
struct enum_names<order_status> {
  static constexpr std::string_view values[] = {"Unknown", "Pending",   "Active",   "OnHold",
                                                "Shipped", "Completed", "Cancelled"};
};
template <>
struct enum_names<payment_status> {
  static constexpr std::string_view values[] = {"Unknown",       "Pending", "Authorized",
                                                "PartiallyPaid", "Paid",    "PartiallyRefunded",
                                                "Refunded",      "Voided",  "Failed"};
};
template <>
struct enum_names<fulfillment_status> {
  static constexpr std::string_view values[] = {"unknown", "unfulfilled", "partial", "fulfilled"};
};
template <>
struct enum_names<shipment_status> {
  static constexpr std::string_view values[] = {
      "unknown",   "pre_transit",      "in_transit", "out_for_delivery", "available_for_pickup",
      "delivered", "return_to_sender", "failure",    "cancelled",        "error"};
};

template <class Enum>
constexpr std::string_view to_string(Enum value) noexcept {
  return enum_names<Enum>::values[static_cast<std::size_t>(value)];
}

// clang-format off
struct location {
  BOOST_HANA_DEFINE_STRUCT(location,
    (text, city),
    (text, region),
    (text, postal_code),
    (text, country_code));
};

struct scan_event {
  BOOST_HANA_DEFINE_STRUCT(scan_event,
    (opt_time, scanned_at),  // an instant, or a local time as the carrier gave it
    (shipment_status, status),
    (text, status_detail),
    (text, carrier_code),    // the carrier's own event code, raw
    (text, description),
    (text, message),
    (std::optional<ordernorm::location>, location),
    (text, source));
};

struct shipment {
  BOOST_HANA_DEFINE_STRUCT(shipment,
    (text, carrier),         // as the platform names it, unchanged
    (text, tracking_code),
    (text, tracking_url),
    (shipment_status, status),
    (text, status_raw),      // the platform's or carrier's own overall status
    (text, status_detail),
    (opt_time, estimated_delivery_at),
    (opt_time, delivered_at),
    (std::vector<scan_event>, scan_events));

  // Not written: an input to status derivation. True when the source says
  // the whole shipment is a return (DHL `returnFlag`, Malomo `is_return`), so
  // that a delivery means delivered back to the sender.
  bool return_flag = false;
};

struct address {
  BOOST_HANA_DEFINE_STRUCT(address,
    (text, first_name),
    (text, last_name),
    (text, company),
    (text, address1),
    (text, address2),
    (text, city),
    (text, region),          // subdivision code where the platform gives one, else its text
    (text, postal_code),
    (text, country_code),    // ISO 3166-1 alpha-2
    (text, phone));
};

struct customer {
  BOOST_HANA_DEFINE_STRUCT(customer,
    (text, customer_id),
    (text, first_name),
    (text, last_name),
    (text, email),
    (text, phone));
};

struct line_item {
  BOOST_HANA_DEFINE_STRUCT(line_item,
    (text, line_item_id),
    (text, product_id),
    (text, variant_id),
    (text, sku),
    (text, title),
    (opt_quantity, quantity), // quantity ordered: exact, whole or fractional
    (opt_money, price),      // unit price before discounts
    (opt_money, unit_cost),
    (text, currency));
};

struct order {
  BOOST_HANA_DEFINE_STRUCT(order,
    (text, id),              // "<platform>:<remoteId>", stable across runs
    (ordernorm::platform, platform),
    (text, remote_id),
    (text, order_number),
    (opt_time, remote_created_at),
    (opt_time, remote_updated_at),
    (bool, remote_deleted),
    (std::optional<bool>, is_test), // a test or sandbox order; null when the platform does not say
    (ordernorm::order_status, order_status),
    (text, order_status_raw),
    (ordernorm::payment_status, payment_status),
    (text, payment_status_raw),
    (ordernorm::fulfillment_status, fulfillment_status),
    (text, fulfillment_status_raw),
    (text, currency),
    (opt_money, total_price),
    (opt_money, total_tax),
    (opt_money, total_shipping),
    (opt_money, total_discount),
    (std::vector<line_item>, line_items),
    (std::optional<address>, billing_address),
    (std::optional<address>, shipping_address),
    (std::optional<ordernorm::customer>, customer),
    (std::vector<shipment>, shipments));
};
// clang-format on

}  // namespace ordernorm
