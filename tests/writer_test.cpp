// The JSON writer on its own: appending to a buffer that already holds
// output (as the CLI does, up to 1 MiB before each flush) and growing it.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <optional>
#include <string>

#include "ordernorm/ordernorm.hpp"

namespace {

using namespace ordernorm;

// An order whose JSON is far larger than the writer's initial room, with a
// title that is all characters needing escapes (the worst case, 2x or 6x).
order large_order(std::string& storage) {
  storage = std::string(20'000, '"') + std::string(20'000, '\x01') + "end";
  order o{};
  o.id = "shopify:1";
  o.platform = platform::shopify;
  for (int i = 0; i < 50; ++i) {
    line_item& line = o.line_items.emplace_back();
    line.title = storage;
  }
  return o;
}

TEST(Writer, AppendsAfterWhatTheBufferHoldsAndGrowsIt) {
  std::string storage;
  const order o = large_order(storage);
  std::string alone;
  write_json(o, alone);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(alone).get(root), simdjson::SUCCESS);
  std::string_view title;
  ASSERT_EQ(root["lineItems"].at(49)["title"].get(title), simdjson::SUCCESS);
  EXPECT_EQ(title, storage);

  // After a full CLI buffer, and after a buffer of exactly the room.
  for (const std::size_t before : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{0}}) {
    std::string buffer(before, 'x');
    write_json(o, buffer);
    write_json(o, buffer);
    ASSERT_EQ(buffer.size(), before + 2 * alone.size());
    EXPECT_EQ(buffer.find_first_not_of('x'), before) << "what the buffer held is kept";
    EXPECT_EQ(buffer.compare(before, alone.size(), alone), 0);
    EXPECT_EQ(buffer.compare(before + alone.size(), alone.size(), alone), 0);
  }
}

// The writer copies plain text eight bytes at a time, short strings in two
// overlapping loads and a chunk's last bytes in one: every length up to 40
// with a character to escape at every place (and none) must read back as the
// text, with nothing lost or left over around the escape.
TEST(Writer, EscapesAtEveryPlaceInStringsOfEveryLength) {
  simdjson::dom::parser parser;
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      for (const char special : {'"', '\\', '\n', '\x01'}) {
        std::string text;
        for (std::size_t i = 0; i < length; ++i) text.push_back(static_cast<char>('a' + i % 26));
        if (at < length) text[at] = special;  // at == length: nothing to escape
        order o{};
        o.id = "shopify:1";
        o.order_number = text;
        std::string json;
        write_json(o, json);
        simdjson::dom::element root;
        ASSERT_EQ(parser.parse(json).get(root), simdjson::SUCCESS) << json;
        std::string_view back;
        ASSERT_EQ(root["orderNumber"].get(back), simdjson::SUCCESS);
        EXPECT_EQ(back, text) << "length " << length << ", escape at " << at;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Line quantities are exact decimals written as JSON numbers (issue 13).

std::string written_quantity(std::optional<quantity> q) {
  order o{};
  o.id = "shopify:1";
  o.line_items.emplace_back().quantity = q;
  std::string json;
  write_json(o, json);
  const std::size_t at = json.find("\"quantity\":");
  if (at == std::string::npos) return "<no quantity key>";
  const std::size_t begin = at + 11;
  return json.substr(begin, json.find(',', begin) - begin);
}

TEST(Quantity, WholeQuantityWrittenAsInteger) {
  EXPECT_EQ(written_quantity(quantity(2)), "2");
  EXPECT_EQ(written_quantity(quantity::of(decimal(2000, 3))), "2") << "2.000 is 2";
  EXPECT_EQ(written_quantity(quantity(0)), "0");
  EXPECT_EQ(written_quantity(quantity(-1)), "-1");
  EXPECT_EQ(written_quantity(quantity(9223372036854775807)), "9223372036854775807");
  EXPECT_EQ(written_quantity(std::nullopt), "null");
}

TEST(Quantity, FractionalQuantityWrittenAsJsonNumber) {
  EXPECT_EQ(written_quantity(quantity::of(decimal(15, 1))), "1.5");
  EXPECT_EQ(written_quantity(quantity::of(decimal(1500, 3))), "1.5") << "no trailing zeros";
  EXPECT_EQ(written_quantity(quantity::of(decimal(125, 3))), "0.125");
  EXPECT_EQ(written_quantity(quantity::of(decimal(-25, 1))), "-2.5");
  // A JSON number, not a string: a parser reads it back as the same number.
  order o{};
  o.id = "shopify:1";
  o.line_items.emplace_back().quantity = quantity::of(decimal(15, 1));
  std::string json;
  write_json(o, json);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(json).get(root), simdjson::SUCCESS);
  double q = 0;
  ASSERT_EQ(root["lineItems"].at(0)["quantity"].get(q), simdjson::SUCCESS);
  EXPECT_EQ(q, 1.5);
}

}  // namespace
