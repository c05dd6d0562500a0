// Shopify GraphQL Admin API responses (issue 15): which records a response
// holds, under --from shopify and --from auto, and what its errors become;
// and a bulk export stitched by the reader, converted end to end. The
// orders are minimal GraphQL selections; expected ids are the gids' tails.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

const std::string order1 =
    R"({"id":"gid://shopify/Order/1","name":"#1001","displayFinancialStatus":"PAID"})";
const std::string order2 =
    R"({"id":"gid://shopify/Order/2","name":"#1002","displayFinancialStatus":"PENDING"})";

// The remoteIds of the orders converted, in order.
std::vector<std::string> remote_ids(const conversion& c) {
  std::vector<std::string> ids;
  std::size_t at = 0;
  while ((at = c.ndjson.find("\"remoteId\":\"", at)) != std::string::npos) {
    at += 12;
    ids.push_back(c.ndjson.substr(at, c.ndjson.find('"', at) - at));
  }
  return ids;
}

conversion convert_both_ways(const std::string& text) {
  const conversion given = convert_text(text, options_for(platform::shopify, mapper::fast));
  const conversion detected = convert_text(text, options_for(std::nullopt, mapper::fast));
  EXPECT_EQ(given.ndjson, detected.ndjson) << "--from shopify and --from auto differ";
  EXPECT_EQ(given.rejects.size(), detected.rejects.size());
  return given;
}

}  // namespace

TEST(GraphqlResponse, OrdersConnectionAsEdges) {
  const auto c = convert_both_ways(R"({"data":{"orders":{"edges":[{"node":)" + order1 +
                                   R"(,"cursor":"a"},{"node":)" + order2 +
                                   R"(,"cursor":"b"}],"pageInfo":{"hasNextPage":false}}},)"
                                   R"("extensions":{"cost":{"requestedQueryCost":12}}})");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1", "2"}));
}

TEST(GraphqlResponse, OrdersConnectionAsNodes) {
  const auto c =
      convert_both_ways(R"({"data":{"orders":{"nodes":[)" + order1 + "," + order2 + R"(]}}})");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1", "2"}));
}

TEST(GraphqlResponse, SingleOrderRootField) {
  const auto c = convert_both_ways(R"({"data":{"order":)" + order2 + "}}");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"2"}));
}

TEST(GraphqlResponse, OrderByIdentifierRootField) {
  const auto c =
      convert_both_ways(R"({"data":{"orderByIdentifier":)" + order1 + R"(},"extensions":{}})");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1"}));
}

TEST(GraphqlResponse, AliasedRootFieldsEachGiveTheirOrders) {
  const auto c = convert_both_ways(R"({"data":{"first":)" + order1 + R"(,"missing":null,)" +
                                   R"("second":{"nodes":[)" + order2 + "]}}}");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1", "2"}));
}

TEST(GraphqlResponse, NullOrderIsZeroOrdersNotAnError) {
  const auto c = convert_both_ways(R"({"data":{"order":null},"extensions":{"cost":{}}})");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(c.records, 0u);
  EXPECT_EQ(c.ndjson, "");
}

TEST(GraphqlResponse, EmptyConnectionIsZeroOrders) {
  const auto c = convert_both_ways(R"({"data":{"orders":{"edges":[],"pageInfo":{}}}})");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(c.records, 0u);
}

TEST(GraphqlResponse, ThrottledErrorsAreOneSourceError) {
  const auto c =
      convert_both_ways(R"({"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",)"
                        R"("documentation":"https://shopify.dev/api/usage/rate-limits"}}],)"
                        R"("extensions":{"cost":{"requestedQueryCost":752}}})");
  ASSERT_EQ(c.rejects.size(), 1u);
  const record_error& e = c.rejects[0].error;
  EXPECT_EQ(e.code, error_code::source_error);
  EXPECT_EQ(e.json_pointer, "/errors/0");
  EXPECT_NE(e.message.find("THROTTLED"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("Throttled"), std::string::npos) << e.message;
  EXPECT_EQ(e.byte_offset, 11u);  // the first error object
  EXPECT_EQ(c.ndjson, "");
}

TEST(GraphqlResponse, StrictRejectsBrokenErrorsAsInvalidJson) {
  // An unescaped quote inside the error's documentation URL (a fuzzer's
  // find): without --strict the error is still read; with it, the errors are
  // a record that is not valid JSON throughout.
  const std::string text = R"({"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",)"
                           R"("documentation":"https://shopify."x"dev/api"}}]})";
  options strict = options_for(platform::shopify, mapper::fast);
  strict.strict = true;
  const conversion c = convert_text(text, strict);
  ASSERT_EQ(c.rejects.size(), 1u) << describe(c.rejects);
  EXPECT_EQ(c.rejects[0].error.code, error_code::invalid_json) << describe(c.rejects);
  const conversion lenient = convert_text(text, options_for(platform::shopify, mapper::fast));
  ASSERT_EQ(lenient.rejects.size(), 1u) << describe(lenient.rejects);
  EXPECT_EQ(lenient.rejects[0].error.code, error_code::source_error);
}

TEST(GraphqlResponse, ErrorsWithNullDataAreOneSourceError) {
  const auto c =
      convert_both_ways(R"({"data":null,"errors":[{"message":"Access denied for orders field."},)"
                        R"({"message":"second"}]})");
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].error.code, error_code::source_error);
  EXPECT_NE(c.rejects[0].error.message.find("Access denied for orders field."), std::string::npos);
  EXPECT_NE(c.rejects[0].error.message.find("and 1 more"), std::string::npos);
}

TEST(GraphqlResponse, PartialDataConvertsAndItsErrorsAreReported) {
  const auto c = convert_both_ways(R"({"data":{"orders":{"nodes":[)" + order1 +
                                   R"(]}},"errors":[{"message":"field failed",)"
                                   R"("path":["orders","nodes",0,"customer"]}]})");
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1"}));
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].error.code, error_code::source_error);
}

TEST(GraphqlResponse, EmptyErrorsListIsNoError) {
  const auto c = convert_both_ways(R"({"errors":[],"data":{"order":)" + order1 + "}}");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1"}));
}

TEST(GraphqlResponse, NodeThatIsNotAnObjectIsRejectedByItsPointer) {
  const auto c =
      convert_both_ways(R"({"data":{"orders":{"edges":[{"node":)" + order1 + R"(},{"node":7}]}}})");
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1"}));
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].error.code, error_code::not_an_object);
  EXPECT_EQ(c.rejects[0].error.json_pointer, "/data/orders/edges/1/node");
}

TEST(GraphqlResponse, DataHoldingOneOrderDirectly) {
  const auto c = convert_both_ways(R"({"data":)" + order2 + "}");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"2"}));
}

// A bulk export through the reader and the converter, as the CLI runs them.
namespace {

conversion convert_export(const std::string& content) {
  const scratch_file file(content);
  return convert_path(file.path(), options_for(platform::shopify, mapper::fast));
}

const std::string item11 =
    R"({"id":"gid://shopify/LineItem/11","title":"Hat","quantity":2,"sku":"H-1",)"
    R"("originalUnitPriceSet":{"shopMoney":{"amount":"7.5","currencyCode":"USD"}},)"
    R"("__parentId":"gid://shopify/Order/1"})";

}  // namespace

TEST(BulkExportConversion, StitchedOrderCarriesItsLineItems) {
  const auto c = convert_export(order1 + "\n" + order2 + "\n" + item11 + "\n");
  EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"1", "2"}));
  EXPECT_NE(c.ndjson.find(R"("lineItemId":"11")"), std::string::npos) << c.ndjson;
  EXPECT_NE(c.ndjson.find(R"("price":"7.50")"), std::string::npos) << c.ndjson;
  // The second order has none.
  EXPECT_NE(c.ndjson.find(R"("lineItems":[])"), std::string::npos) << c.ndjson;
}

TEST(BulkExportConversion, ChildErrorNamesItsLineAndItsPlaceInTheOrder) {
  const std::string bad = R"({"id":"gid://shopify/LineItem/12","title":"Bad","quantity":"lots",)"
                          R"("__parentId":"gid://shopify/Order/1"})";
  const std::string text = order1 + "\n" + order2 + "\n" + item11 + "\n" + bad + "\n";
  const auto c = convert_export(text);
  ASSERT_EQ(c.rejects.size(), 1u);
  const record_error& e = c.rejects[0].error;
  EXPECT_EQ(e.json_pointer, "/lineItems/nodes/1/quantity");
  // The offset is inside the bad child line, at its quantity's value.
  EXPECT_EQ(e.byte_offset, text.find("\"lots\""));
  EXPECT_EQ(c.rejects[0].where.byte_offset, 0u);  // the order's line
  EXPECT_EQ(remote_ids(c), (std::vector<std::string>{"2"}));
}
