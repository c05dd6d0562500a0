// One order, two APIs, one answer (issue 15): the same seeded Shopify orders
// (bench/shopify_generator.hpp draws each once) as Admin REST NDJSON, as
// GraphQL Admin API query pages and as Bulk Operation JSONL, grouped and
// interleaved, convert through the public API to the same common orders,
// line by line. Only the raw status fields may differ (they keep each API's
// spelling: "paid" against "PAID"), so they are nulled before comparing.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/ordernorm.hpp"
#include "raw_statuses.hpp"       // bench/
#include "shopify_generator.hpp"  // bench/
#include "test_support.hpp"

namespace {

using ordernorm::testing::conversion;

constexpr std::uint64_t seed = 15;
constexpr std::size_t order_count = 3'000;

struct generated_shapes {
  std::string rest, graphql, bulk_grouped, bulk_interleaved;
};

// Every shape from its own generator with the same seed, as ordernorm_gen
// writes them.
const generated_shapes& shapes() {
  static const generated_shapes all = [] {
    generated_shapes s;
    ordernorm_bench::shopify_generator rest(seed);
    ordernorm_bench::shopify_graphql_pages pages(seed);
    ordernorm_bench::shopify_bulk_export grouped(seed, ordernorm_bench::bulk_layout::grouped);
    ordernorm_bench::shopify_bulk_export interleaved(seed,
                                                     ordernorm_bench::bulk_layout::interleaved);
    for (std::size_t i = 0; i < order_count; ++i) {
      rest.append_order(s.rest);
      s.rest.push_back('\n');
      pages.append_order(s.graphql);
      grouped.append_order(s.bulk_grouped);
      interleaved.append_order(s.bulk_interleaved);
    }
    pages.finish(s.graphql);
    grouped.finish(s.bulk_grouped);
    interleaved.finish(s.bulk_interleaved);
    return s;
  }();
  return all;
}

// --from auto: each shape must be told apart by its own keys.
conversion convert_ndjson(const std::string& text) {
  return ordernorm::testing::convert_lines(text);
}

// A bulk export is read as the CLI reads a file: the reader hands the
// converter each Order with its line items' lines attached.
conversion convert_file(const std::string& text) {
  const ordernorm::testing::scratch_file file(text);
  return ordernorm::testing::convert_path(file.path());
}

std::vector<std::string> blanked_lines(const std::string& ndjson) {
  simdjson::dom::parser parser;
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < ndjson.size()) {
    const std::size_t end = ndjson.find('\n', at);
    const std::string line = ndjson.substr(at, end - at);
    at = end + 1;
    simdjson::dom::element e;
    const auto error = parser.parse(line).get(e);
    EXPECT_EQ(error, simdjson::SUCCESS) << line;
    if (error) continue;
    std::string out;
    ordernorm_bench::write_without_raw_statuses(e, out, 0, false);
    lines.push_back(std::move(out));
  }
  return lines;
}

// A string member by JSON pointer, or what stands in its place.
std::string text_at(simdjson::dom::element e, std::string_view pointer) {
  std::string_view v;
  if (e.at_pointer(pointer).get(v) == simdjson::SUCCESS) return std::string(v);
  return "<no string at " + std::string(pointer) + ">";
}

// Every order converted, none rejected, and the first one as the generator
// wrote it, so that no shape can pass on empty or shifted output.
void expect_every_order(const conversion& got, std::string_view shape) {
  EXPECT_TRUE(got.rejects.empty()) << shape << ": " << got.rejects.size() << " rejects, first "
                                   << ordernorm::testing::describe({got.rejects.front()});
  EXPECT_EQ(got.converted, order_count) << shape;
  EXPECT_EQ(got.records, order_count) << shape;
  simdjson::dom::parser parser;
  const std::string first = got.ndjson.substr(0, got.ndjson.find('\n'));
  simdjson::dom::element o;
  ASSERT_EQ(parser.parse(first).get(o), simdjson::SUCCESS) << shape << ": " << first;
  // The literals are what the generator writes for seed 15: REST's
  // "id":5400031080050, "order_number":1001, "total_price":"47.92" (an older
  // REST order, without *_set), GraphQL's "name":"HCDEV#1001" and
  // "createdAt":"2023-03-01T12:12:57Z" (REST "2023-03-01T07:12:57-05:00"),
  // one line item 1300001863896 at "45.00".
  EXPECT_EQ(text_at(o, "/id"), "shopify:5400031080050") << shape;
  EXPECT_EQ(text_at(o, "/remoteId"), "5400031080050") << shape;
  EXPECT_EQ(text_at(o, "/orderNumber"), "1001") << shape;
  EXPECT_EQ(text_at(o, "/totalPrice"), "47.92") << shape;
  EXPECT_EQ(text_at(o, "/currency"), "USD") << shape;
  EXPECT_EQ(text_at(o, "/remoteCreatedAt"), "2023-03-01T12:12:57.000Z") << shape;
  EXPECT_EQ(text_at(o, "/paymentStatus"), "Paid") << shape;
  EXPECT_EQ(text_at(o, "/lineItems/0/lineItemId"), "1300001863896") << shape;
  EXPECT_EQ(text_at(o, "/lineItems/0/price"), "45.00") << shape;
  EXPECT_EQ(text_at(o, "/lineItems/1/lineItemId"), "<no string at /lineItems/1/lineItemId>")
      << shape;
}

// Line by line; a failure names the first order that differs, with both.
void expect_same_orders(const conversion& got, std::string_view shape, const conversion& want,
                        std::string_view want_shape) {
  const std::vector<std::string> a = blanked_lines(got.ndjson);
  const std::vector<std::string> b = blanked_lines(want.ndjson);
  EXPECT_EQ(a.size(), b.size()) << shape << " against " << want_shape;
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (differ++ == 0) {
      ADD_FAILURE() << "order " << i << " differs\n  " << shape << ": " << a[i] << "\n  "
                    << want_shape << ": " << b[i];
    }
  }
  EXPECT_EQ(differ, 0u) << "orders that differ between " << shape << " and " << want_shape;
}

const conversion& rest_orders() {
  static const conversion rest = convert_ndjson(shapes().rest);
  return rest;
}

TEST(ShopifyShapes, RestGivesEveryGeneratedOrder) { expect_every_order(rest_orders(), "REST"); }

TEST(ShopifyShapes, RestAndGraphqlGiveTheSameOrders) {
  const conversion graphql = convert_ndjson(shapes().graphql);
  expect_every_order(graphql, "GraphQL");
  expect_same_orders(graphql, "GraphQL", rest_orders(), "REST");
}

TEST(ShopifyShapes, RestAndBulkGiveTheSameOrders) {
  const conversion bulk = convert_file(shapes().bulk_grouped);
  expect_every_order(bulk, "bulk");
  expect_same_orders(bulk, "bulk", rest_orders(), "REST");
}

TEST(ShopifyShapes, BulkInterleavedEqualsGrouped) {
  const conversion interleaved = convert_file(shapes().bulk_interleaved);
  expect_every_order(interleaved, "bulk interleaved");
  // Not blanked: the same API's raw statuses must match too.
  EXPECT_TRUE(interleaved.ndjson == convert_file(shapes().bulk_grouped).ndjson);
  expect_same_orders(interleaved, "bulk interleaved", rest_orders(), "REST");
}

// What the stitcher may rely on, of the generator alone: interleaved holds
// grouped's lines, each line item after its Order line and at most 64
// orders after it, siblings in their order.
TEST(ShopifyShapes, BulkInterleavedKeepsLineItemsAfterTheirOrderWithin64Orders) {
  const auto lines = [](const std::string& text) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t end = text.find('\n', at);
      out.emplace_back(text.data() + at, end - at);
      at = end + 1;
    }
    return out;
  };
  std::vector<std::string_view> grouped = lines(shapes().bulk_grouped);
  std::vector<std::string_view> interleaved = lines(shapes().bulk_interleaved);
  // Parent and order of siblings, from the grouped lines.
  simdjson::dom::parser parser;
  const auto id_of = [&parser](std::string_view line, std::string_view key) {
    simdjson::dom::element e;
    EXPECT_EQ(parser.parse(line.data(), line.size()).get(e), simdjson::SUCCESS);
    std::string_view v;
    return e[key].get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
  };
  std::map<std::string, std::vector<std::string>> children;  // parent -> line item ids
  std::size_t order_lines = 0;
  for (std::string_view line : grouped) {
    const std::string parent = id_of(line, "__parentId");
    if (parent.empty()) {
      ++order_lines;
    } else {
      children[parent].push_back(id_of(line, "id"));
    }
  }
  EXPECT_EQ(order_lines, order_count);

  std::map<std::string, std::size_t> order_index;
  std::map<std::string, std::vector<std::string>> seen;
  std::size_t orders = 0, farthest = 0, moved = 0;
  for (std::string_view line : interleaved) {
    const std::string parent = id_of(line, "__parentId");
    if (parent.empty()) {
      order_index[id_of(line, "id")] = orders++;
      continue;
    }
    const auto p = order_index.find(parent);
    ASSERT_NE(p, order_index.end()) << "a line item before its order: " << line;
    const std::size_t later = orders - 1 - p->second;
    farthest = std::max(farthest, later);
    moved += later != 0;
    seen[parent].push_back(id_of(line, "id"));
  }
  EXPECT_EQ(seen, children);
  EXPECT_LE(farthest, 64u);
  EXPECT_GT(moved, grouped.size() / 4) << "interleaved should move most line items";
  std::sort(grouped.begin(), grouped.end());
  std::sort(interleaved.begin(), interleaved.end());
  EXPECT_TRUE(grouped == interleaved) << "interleaved is a permutation of grouped's lines";
}

}  // namespace
