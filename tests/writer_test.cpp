// The JSON writer on its own: appending to a buffer that already holds
// output (as the CLI does, up to 1 MiB before each flush) and growing it.
#include <gtest/gtest.h>
#include <simdjson.h>

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

}  // namespace
