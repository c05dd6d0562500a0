// json_schema() on the C++ side (issue 16): valid JSON, the same bytes each
// time, every enum spelling the writer has, and a few literal expectations.
// tests/schema_test.py validates every reviewed output against it.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include "ordernorm/ordernorm.hpp"

namespace {

using namespace ordernorm;

class JsonSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = json_schema();
    ASSERT_EQ(parser_.parse(text_).get(root_), simdjson::SUCCESS) << text_;
  }

  simdjson::dom::element def(std::string_view name) { return root_["$defs"][name]; }

  // The values of an `enum` keyword, as a set.
  static std::set<std::string> enum_of(simdjson::dom::element property) {
    std::set<std::string> names;
    simdjson::dom::array values;
    EXPECT_EQ(property["enum"].get(values), simdjson::SUCCESS);
    for (const auto v : values) names.emplace(std::string_view(v));
    return names;
  }

  template <class Enum>
  static void expect_every_name(simdjson::dom::element property) {
    const std::set<std::string> listed = enum_of(property);
    EXPECT_EQ(listed.size(), std::size(enum_names<Enum>::values));
    for (std::size_t i = 0; i < std::size(enum_names<Enum>::values); ++i) {
      EXPECT_TRUE(listed.count(std::string(to_string(static_cast<Enum>(i))))) << i;
    }
  }

  std::string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
};

TEST_F(JsonSchema, IsDraft202012WithOrderAtTheRoot) {
  EXPECT_EQ(std::string_view(root_["$schema"]), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(std::string_view(root_["$ref"]), "#/$defs/order");
  EXPECT_EQ(std::string_view(root_["$id"]), "urn:ordernorm:schema:order");
}

TEST_F(JsonSchema, SameBytesEveryCall) {
  EXPECT_EQ(json_schema(), text_);
  EXPECT_EQ(json_schema(schema_root::of_order), text_);
  EXPECT_EQ(json_schema(schema_root::of_shipment), json_schema(schema_root::of_shipment));
}

TEST_F(JsonSchema, ShipmentRootIsWhatTrackPrints) {
  simdjson::dom::parser parser;
  simdjson::dom::element shipment_root;
  const std::string text = json_schema(schema_root::of_shipment);
  ASSERT_EQ(parser.parse(text).get(shipment_root), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(shipment_root["$ref"]), "#/$defs/trackedShipment");
  // track's keys, beside the shipment's own, and not required
  // (write_json(shipment) has none of them).
  const auto tracked = def("trackedShipment");
  EXPECT_EQ(tracked["properties"]["decidedBy"].error(), simdjson::SUCCESS);
  EXPECT_EQ(tracked["properties"]["trackingCode"].error(), simdjson::SUCCESS);
  for (const auto r : tracked["required"].get_array()) EXPECT_NE(std::string_view(r), "rule");
}

TEST_F(JsonSchema, ListsEveryEnumNameTheWriterHas) {
  expect_every_name<platform>(def("order")["properties"]["platform"]);
  expect_every_name<order_status>(def("order")["properties"]["orderStatus"]);
  expect_every_name<payment_status>(def("order")["properties"]["paymentStatus"]);
  expect_every_name<fulfillment_status>(def("order")["properties"]["fulfillmentStatus"]);
  expect_every_name<shipment_status>(def("shipment")["properties"]["status"]);
  expect_every_name<shipment_status>(def("scanEvent")["properties"]["status"]);
}

// Literal expectations, written by hand: what the writer is known to write.
TEST_F(JsonSchema, LiteralExpectations) {
  const auto order_status = enum_of(def("order")["properties"]["orderStatus"]);
  EXPECT_TRUE(order_status.count("Cancelled"));
  EXPECT_TRUE(order_status.count("Shipped"));
  EXPECT_TRUE(enum_of(def("shipment")["properties"]["status"]).count("out_for_delivery"));

  // Text: a string, or null for an empty one; never "".
  EXPECT_EQ(simdjson::to_string(def("order")["properties"]["remoteId"]),
            R"({"type":["string","null"],"minLength":1})");
  EXPECT_EQ(simdjson::to_string(def("order")["properties"]["totalPrice"]),
            R"({"anyOf":[{"$ref":"#/$defs/money"},{"type":"null"}]})");
  EXPECT_EQ(simdjson::to_string(def("lineItem")["properties"]["quantity"]),
            R"({"type":["number","null"]})");
  EXPECT_EQ(std::string_view(def("order")["properties"]["lineItems"]["items"]["$ref"]),
            "#/$defs/lineItem");
  EXPECT_EQ(std::string_view(def("timestamp")["anyOf"].at(0)["format"]), "date-time");
  EXPECT_FALSE(bool(def("order")["additionalProperties"]));
}

// The writer writes every key: each definition requires all its properties.
TEST_F(JsonSchema, EveryWrittenKeyIsRequired) {
  for (const std::string_view name :
       {"order", "lineItem", "address", "customer", "shipment", "scanEvent", "location"}) {
    SCOPED_TRACE(name);
    simdjson::dom::object properties;
    simdjson::dom::array required;
    ASSERT_EQ(def(name)["properties"].get(properties), simdjson::SUCCESS);
    ASSERT_EQ(def(name)["required"].get(required), simdjson::SUCCESS);
    EXPECT_EQ(properties.size(), required.size());
  }
  // And the order's keys are exactly those write_json writes, in its order.
  std::string written;
  write_json(order{}, written);
  simdjson::dom::parser parser;
  simdjson::dom::object written_order;
  ASSERT_EQ(parser.parse(written).get(written_order), simdjson::SUCCESS);
  std::string keys_written, keys_required;
  for (const auto field : written_order) keys_written += std::string(field.key) + ",";
  for (const auto r : def("order")["required"].get_array()) {
    keys_required += std::string(std::string_view(r)) + ",";
  }
  EXPECT_EQ(keys_written, keys_required);
}

}  // namespace
