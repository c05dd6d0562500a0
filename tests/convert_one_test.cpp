// convert_one and owned orders (issue 16): one order kept past its input,
// and the owned form written byte for byte as its views are. Expected values
// are read off examples/shopify-order.json by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ordernorm/convert_one.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

std::string example(const char* name) {
  return read_file(std::filesystem::path(ORDERNORM_TESTS_DIR) / ".." / "examples" / name);
}

std::string money_text(const opt_money& m) {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, 2));
}

// Every order of a golden input, written from its views and from its owned
// copy: `owned` holds the copies, kept after the converter moved on.
struct both_ways final : order_sink {
  std::string from_views;
  std::vector<owned_order> owned;
  void on_order(const order& o, const record_position&) override {
    write_json(o, from_views);
    from_views += '\n';
    owned.push_back(to_owned(o));
  }
  void on_reject(const record_error&, const record_position&) override {}
};

}  // namespace

TEST(ConvertOne, OrderOutlivesItsInput) {
  result<owned_order, record_error> r = record_error{error_code::io_error, "unset", "", 0};
  {
    std::string input = example("shopify-order.json");
    r = convert_one(input);
    input.assign(input.size(), 'x');  // the order must not view these bytes
  }
  ASSERT_TRUE(r) << r.error().message;
  const owned_order& o = *r;
  EXPECT_EQ(o.id, "shopify:5938450219334");
  EXPECT_EQ(o.platform, platform::shopify);
  EXPECT_EQ(o.order_number, "1042");
  EXPECT_EQ(o.payment_status, payment_status::paid);
  EXPECT_EQ(o.currency, "USD");
  EXPECT_EQ(money_text(o.total_price), "87.45");
  ASSERT_EQ(o.line_items.size(), 2u);
  EXPECT_EQ(o.line_items[1].title, "Wool Cap");
  EXPECT_EQ(o.line_items[1].sku, "CAP-WOOL");
  EXPECT_EQ(money_text(o.line_items[1].price), "36.00");
  ASSERT_TRUE(o.customer.has_value());
  EXPECT_EQ(o.customer->email, "maya.lin@example.com");
  ASSERT_TRUE(o.shipping_address.has_value());
  EXPECT_EQ(o.shipping_address->city, "Toronto");
  ASSERT_FALSE(o.shipments.empty());
  EXPECT_EQ(o.shipments[0].carrier, "Canada Post");
}

TEST(ConvertOne, RejectedOrderGivesItsErrorAndPlace) {
  const std::string input =
      R"({"id":1,"financial_status":"paid","total_price":"12,50","currency":"USD"})";
  const auto r = convert_one(input, options_for(platform::shopify, mapper::fast));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, error_code::invalid_money);
  EXPECT_EQ(r.error().json_pointer, "/total_price");
  EXPECT_EQ(r.error().byte_offset, input.find("\"12,50\""));
  EXPECT_NE(r.error().message.find("12,50"), std::string::npos) << r.error().message;
}

TEST(ConvertOne, ListOfTwoIsNotOneOrder) {
  const auto r = convert_one(R"([{"id":1,"financial_status":"paid"},{"id":2}])",
                             options_for(platform::shopify, mapper::fast));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, error_code::wrong_type);
  EXPECT_NE(r.error().message.find("2 records"), std::string::npos) << r.error().message;
}

TEST(ConvertOne, EmptyListHoldsNoOrder) {
  const auto r = convert_one(R"({"orders":[]})", options_for(platform::shopify, mapper::fast));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, error_code::wrong_type);
  EXPECT_NE(r.error().message.find("none"), std::string::npos) << r.error().message;
}

TEST(ConvertOne, EnvelopeOfOneIsItsOrder) {
  const auto r = convert_one(R"({"orders":[{"id":7,"financial_status":"refunded"}]})");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->remote_id, "7");
  EXPECT_EQ(r->payment_status, payment_status::refunded);
}

TEST(ConvertOne, WarningsAreReturnedWhenAsked) {
  // A Shopify GraphQL amount given only in presentment money (issue 15).
  std::vector<record_warning> warnings;
  const auto r = convert_one(R"({"id":"gid://shopify/Order/5","name":"#5","totalPriceSet":)"
                             R"({"presentmentMoney":{"amount":"10.0","currencyCode":"CAD"}}})",
                             options_for(platform::shopify, mapper::fast), &warnings);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, warning_code::presentment_money);
}

TEST(OwnedOrder, WritesTheSameBytesAsItsViewsOnEveryGolden) {
  std::size_t orders = 0;
  for (const auto& dir :
       std::filesystem::directory_iterator(std::filesystem::path(ORDERNORM_TESTS_DIR) / "golden")) {
    for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
      const std::string name = file.path().filename().string();
      if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
      both_ways sink;
      converter conv;
      conv.convert(read_file(file.path()), sink);
      std::string from_owned;
      for (const owned_order& o : sink.owned) {
        write_json(o, from_owned);
        from_owned += '\n';
      }
      EXPECT_EQ(from_owned, sink.from_views) << file.path();
      orders += sink.owned.size();
    }
  }
  EXPECT_GT(orders, 50u);  // the goldens hold many; none silently skipped
}

TEST(OwnedOrder, ShipmentKeepsItsReturnFlag) {
  shipment s;
  s.return_flag = true;
  s.tracking_code = "1Z999";
  order o;
  o.shipments.push_back(s);
  const owned_order kept = to_owned(o);
  ASSERT_EQ(kept.shipments.size(), 1u);
  EXPECT_TRUE(kept.shipments[0].return_flag);
  EXPECT_EQ(kept.shipments[0].tracking_code, "1Z999");
  EXPECT_TRUE(view_of(kept).shipments[0].return_flag);
}
