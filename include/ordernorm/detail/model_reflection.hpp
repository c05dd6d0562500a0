// The model's reflection (model.hpp), for the writer, the JSON Schema and the
// mappings: each struct, views and owned alike, as a Boost.Hana Struct whose
// members are listed in declaration order (the order they are written in).
// Private: the public headers need no Boost. shipment::return_flag is not
// listed, so it is never written.
#pragma once

#include <boost/hana/adapt_struct.hpp>
#include <string>
#include <string_view>

#include "ordernorm/model.hpp"

// clang-format off
#define ORDERNORM_DETAIL_REFLECT_MODEL(String);                                             \
  BOOST_HANA_ADAPT_STRUCT(ordernorm::basic_location<String>,                                \
    city, region, postal_code, country_code);                                               \
  BOOST_HANA_ADAPT_STRUCT(ordernorm::basic_scan_event<String>,                              \
    scanned_at, status, status_detail, carrier_code, description, message, location,        \
    source);                                                                                \
  BOOST_HANA_ADAPT_STRUCT(ordernorm::basic_shipment<String>,                                \
    carrier, tracking_code, tracking_url, status, status_raw, status_detail,                \
    estimated_delivery_at, delivered_at, scan_events);                                      \
  BOOST_HANA_ADAPT_STRUCT(ordernorm::basic_address<String>,                                 \
    first_name, last_name, company, address1, address2, city, region, postal_code,          \
    country_code, phone);                                                                   \
  BOOST_HANA_ADAPT_STRUCT(ordernorm::basic_customer<String>,                                \
    customer_id, first_name, last_name, email, phone);                                      \
  BOOST_HANA_ADAPT_STRUCT(ordernorm::basic_line_item<String>,                               \
    line_item_id, product_id, variant_id, sku, title, quantity, price, unit_cost, currency); \
  BOOST_HANA_ADAPT_STRUCT(ordernorm::basic_order<String>,                                   \
    id, platform, remote_id, order_number, remote_created_at, remote_updated_at,            \
    remote_deleted, is_test, order_status, order_status_raw, payment_status,                \
    payment_status_raw, fulfillment_status, fulfillment_status_raw, currency, total_price,  \
    total_tax, total_shipping, total_discount, line_items, billing_address,                 \
    shipping_address, customer, shipments)
// clang-format on

ORDERNORM_DETAIL_REFLECT_MODEL(std::string_view);
ORDERNORM_DETAIL_REFLECT_MODEL(std::string);

#undef ORDERNORM_DETAIL_REFLECT_MODEL
