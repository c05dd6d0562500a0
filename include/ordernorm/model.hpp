// The common Order model: one shape for every platform.
//
// Keys follow Alloy's unified Order (camelCase, ../shared/seeds/000_*.txt) and
// Malomo's shipments with scan events (../shared/seeds/003_*.txt). The JSON
// key of a member is its name in camelCase (`remote_created_at` ->
// "remoteCreatedAt"). The writer, the JSON Schema and the mappings are
// generated from the members' reflection (detail/model_reflection.hpp): a
// member added here, and there, is written without touching the writer.
//
// Each struct comes in two forms. `order` (basic_order<text>) holds views:
// into the input or into the converter's buffers, valid until the converter
// reads its next record; it is what an order_sink receives, the fast path.
// `owned_order` (basic_order<std::string>) owns its strings, for keeping
// (to_owned, convert_one in convert_one.hpp). An empty string means the
// source had no value (absent, null and "" are the same to a mapping) and is
// written as null.
//
// Plain C++17: no Boost, so that the public headers need nothing but the
// standard library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

// `String` is `text` (views) or std::string (owned): the aliases below.
template <class String>
struct basic_location {
  String city;
  String region;
  String postal_code;
  String country_code;
};

template <class String>
struct basic_scan_event {
  opt_time scanned_at;  // an instant, or a local time as the carrier gave it
  shipment_status status = shipment_status::unknown;
  String status_detail;
  String carrier_code;  // the carrier's own event code, raw
  String description;
  String message;
  std::optional<basic_location<String>> location;
  String source;
};

template <class String>
struct basic_shipment {
  String carrier;  // as the platform names it, unchanged
  String tracking_code;
  String tracking_url;
  shipment_status status = shipment_status::unknown;
  String status_raw;  // the platform's or carrier's own overall status
  String status_detail;
  opt_time estimated_delivery_at;
  opt_time delivered_at;
  std::vector<basic_scan_event<String>> scan_events;

  // Not written: an input to status derivation. True when the source says
  // the whole shipment is a return (DHL `returnFlag`, Malomo `is_return`), so
  // that a delivery means delivered back to the sender.
  bool return_flag = false;
};

template <class String>
struct basic_address {
  String first_name;
  String last_name;
  String company;
  String address1;
  String address2;
  String city;
  String region;  // subdivision code where the platform gives one, else its text
  String postal_code;
  String country_code;  // ISO 3166-1 alpha-2
  String phone;
};

template <class String>
struct basic_customer {
  String customer_id;
  String first_name;
  String last_name;
  String email;
  String phone;
};

template <class String>
struct basic_line_item {
  String line_item_id;
  String product_id;
  String variant_id;
  String sku;
  String title;
  opt_quantity quantity;  // quantity ordered: exact, whole or fractional
  opt_money price;        // unit price before discounts
  opt_money unit_cost;
  String currency;
};

template <class String>
struct basic_order {
  String id;  // "<platform>:<remoteId>", stable across runs
  ordernorm::platform platform = ordernorm::platform::unknown;
  String remote_id;
  String order_number;
  opt_time remote_created_at;
  opt_time remote_updated_at;
  bool remote_deleted = false;
  std::optional<bool> is_test;  // a test or sandbox order; null when the platform does not say
  ordernorm::order_status order_status = ordernorm::order_status::unknown;
  String order_status_raw;
  ordernorm::payment_status payment_status = ordernorm::payment_status::unknown;
  String payment_status_raw;
  ordernorm::fulfillment_status fulfillment_status = ordernorm::fulfillment_status::unknown;
  String fulfillment_status_raw;
  String currency;
  opt_money total_price;
  opt_money total_tax;
  opt_money total_shipping;
  opt_money total_discount;
  std::vector<basic_line_item<String>> line_items;
  std::optional<basic_address<String>> billing_address;
  std::optional<basic_address<String>> shipping_address;
  std::optional<basic_customer<String>> customer;
  std::vector<basic_shipment<String>> shipments;
};

// Views: what a converter hands to its sink.
using location = basic_location<text>;
using scan_event = basic_scan_event<text>;
using shipment = basic_shipment<text>;
using address = basic_address<text>;
using customer = basic_customer<text>;
using line_item = basic_line_item<text>;
using order = basic_order<text>;

// Owned: strings of their own, valid as long as the object.
using owned_location = basic_location<std::string>;
using owned_scan_event = basic_scan_event<std::string>;
using owned_shipment = basic_shipment<std::string>;
using owned_address = basic_address<std::string>;
using owned_customer = basic_customer<std::string>;
using owned_line_item = basic_line_item<std::string>;
using owned_order = basic_order<std::string>;

}  // namespace ordernorm
