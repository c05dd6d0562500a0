// One order's output without what may differ between Shopify's shapes of
// it: shared by the benchmark's check (shopify_shapes_suite.hpp) and
// tests/shopify_shapes_test.cpp.
#pragma once

#include <simdjson.h>

#include <array>
#include <string>
#include <string_view>

namespace ordernorm_bench {

// The writer's JSON again with the raw status fields null: the order's
// orderStatusRaw, paymentStatusRaw and fulfillmentStatusRaw and each
// shipment's statusRaw keep each API's spelling ("paid" against "PAID"), so
// that is all that may differ between the shapes of one order.
inline void write_without_raw_statuses(simdjson::dom::element e, std::string& out, int depth,
                                       bool in_shipments) {
  static constexpr std::array<std::string_view, 3> order_raw = {
      "orderStatusRaw", "paymentStatusRaw", "fulfillmentStatusRaw"};
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
      out.push_back('{');
      bool first = true;
      for (simdjson::dom::key_value_pair field : e.get_object()) {
        if (!first) out.push_back(',');
        first = false;
        out.append("\"").append(field.key).append("\":");
        // A shipment is an element of the order's shipments list (depth 2).
        bool raw = in_shipments && depth == 2 && field.key == "statusRaw";
        for (std::string_view k : order_raw) raw = raw || (depth == 0 && field.key == k);
        if (raw) {
          out.append("null");
        } else {
          write_without_raw_statuses(field.value, out, depth + 1,
                                     in_shipments || (depth == 0 && field.key == "shipments"));
        }
      }
      out.push_back('}');
      return;
    }
    case simdjson::dom::element_type::ARRAY: {
      out.push_back('[');
      bool first = true;
      for (simdjson::dom::element v : e.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        write_without_raw_statuses(v, out, depth + 1, in_shipments);
      }
      out.push_back(']');
      return;
    }
    default:
      out.append(simdjson::to_string(e));
  }
}

}  // namespace ordernorm_bench
