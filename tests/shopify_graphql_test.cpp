// Shopify GraphQL Admin API orders (mappings/shopify_graphql.hpp), read
// under `--from shopify` and `--from auto`: one test per convention of issue
// 15 and per hard case, and a test per row of each status table with a
// completeness check per table. Every expected value is a literal written
// here from the conventions (mappings/shopify_graphql.hpp's header, README
// "Shopify GraphQL orders") and shopify.dev's GraphQL Admin reference, never read
// from the tables. Conversions run end to end, under both mappers.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/shopify_graphql.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;
namespace gq = ordernorm::mappings::shopify_graphql;
namespace fs = std::filesystem;

namespace {

using os = order_status;
using ps = payment_status;
using fs_ = fulfillment_status;
using st = shipment_status;
constexpr std::optional<platform> shopify = platform::shopify;

// Runs `check` on the one order converted from `json` under both mappers,
// given `--from shopify` and detected alike, expecting no reject; returns
// the warnings of the last run.
std::vector<record_warning> with_order(std::string_view json,
                                       const std::function<void(const order&)>& check) {
  std::vector<record_warning> warnings;
  for (const auto m : {mapper::fast, mapper::reference}) {
    for (const auto from : {shopify, std::optional<platform>{}}) {
      SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
      SCOPED_TRACE(from ? "--from shopify" : "--from auto");
      order_probe p(check);
      converter conv(options_for(from, m));
      conv.convert(json, p);
      EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
      EXPECT_EQ(p.orders, 1);
      warnings = p.warnings;
    }
  }
  return warnings;
}

// The one reject of `json` under both mappers (given `--from shopify`).
std::vector<reject_entry> rejects_of(std::string_view json,
                                     std::optional<platform> from = shopify) {
  std::vector<reject_entry> out;
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(json, options_for(from, m));
    EXPECT_EQ(got.converted, 0u);
    out = got.rejects;
  }
  return out;
}

// A minimal GraphQL order with `members` appended (after a comma).
std::string order_with(std::string_view members) {
  std::string json =
      R"({"id":"gid://shopify/Order/450789469","name":"#1001","createdAt":"2024-05-11T13:49:17Z",)"
      R"("currencyCode":"USD","totalPriceSet":{"shopMoney":{"amount":"409.94","currencyCode":"USD"}})";
  if (!members.empty()) json.append(",").append(members);
  return json.append("}");
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out.append(part);
  return out;
}

std::string money(const opt_money& m) {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, -1));
}

std::string written(std::string_view json) {
  return convert_text(json, options_for(shopify, mapper::fast)).ndjson;
}

std::string name_of(std::string_view raw) {
  if (raw.empty()) return "empty";
  std::string out;
  for (char c : raw) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += alnum ? c : '_';
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Ids: the gid's tail, or legacyResourceId.

TEST(ShopifyGraphqlIds, GidTailIsRemoteId) {
  with_order(order_with(""), [](const order& o) {
    EXPECT_EQ(o.remote_id, "450789469");
    EXPECT_EQ(o.id, "shopify:450789469");
    EXPECT_EQ(o.platform, platform::shopify);
  });
}

TEST(ShopifyGraphqlIds, EscapedSlashGid) {
  with_order(R"({"id":"gid:\/\/shopify\/Order\/4930551447741","name":"90002320",)"
             R"("lineItems":{"nodes":[{"id":"gid:\/\/shopify\/LineItem\/7","quantity":1,)"
             R"("variant":{"id":"gid:\/\/shopify\/ProductVariant\/8"}}]}})",
             [](const order& o) {
               EXPECT_EQ(o.remote_id, "4930551447741");
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].line_item_id, "7");
               EXPECT_EQ(o.line_items[0].variant_id, "8");
             });
}

TEST(ShopifyGraphqlIds, NonNumericGidTailKeptAsGiven) {
  with_order(R"({"id":"gid://shopify/Order/A-1001b","name":"#1001"})",
             [](const order& o) { EXPECT_EQ(o.remote_id, "A-1001b"); });
}

TEST(ShopifyGraphqlIds, LegacyResourceIdWhenNoGid) {
  with_order(R"({"legacyResourceId":"450789469","name":"#1001"})",
             [](const order& o) { EXPECT_EQ(o.remote_id, "450789469"); });
}

TEST(ShopifyGraphqlIds, GidWinsOverLegacyResourceIdWhateverTheKeyOrder) {
  with_order(R"({"legacyResourceId":"1","id":"gid://shopify/Order/2","name":"#1001"})",
             [](const order& o) { EXPECT_EQ(o.remote_id, "2"); });
}

TEST(ShopifyGraphqlIds, LineProductVariantAndCustomerIdsAreGidTails) {
  with_order(
      order_with(R"("lineItems":{"nodes":[{"id":"gid://shopify/LineItem/866550311766439020",)"
                 R"("quantity":1,"variant":{"id":"gid://shopify/ProductVariant/808950810"},)"
                 R"("product":{"id":"gid://shopify/Product/632910392"}}]},)"
                 R"("customer":{"id":"gid://shopify/Customer/207119551","firstName":"Bob"})"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(o.line_items[0].line_item_id, "866550311766439020");
        EXPECT_EQ(o.line_items[0].variant_id, "808950810");
        EXPECT_EQ(o.line_items[0].product_id, "632910392");
        ASSERT_TRUE(o.customer.has_value());
        EXPECT_EQ(o.customer->customer_id, "207119551");
      });
}

TEST(ShopifyGraphqlIds, OrderWithoutIdIsMissingField) {
  const auto rejects = rejects_of(R"({"name":"#1001","displayFinancialStatus":"PAID"})");
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::missing_field);
  EXPECT_EQ(rejects[0].error.json_pointer, "/id");
}

TEST(ShopifyGraphqlIds, GidWithoutTailIsWrongType) {
  const auto rejects = rejects_of(R"({"id":"gid://shopify/Order/","name":"#1001"})");
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(rejects[0].error.json_pointer, "/id");
}

// ---------------------------------------------------------------------------
// Objects that are not orders.

TEST(ShopifyGraphqlNotAnOrder, BulkChildLineRejectedAlone) {
  const std::string line = R"({"id":"gid://shopify/LineItem/1","title":"Mug","quantity":1,)"
                           R"("__parentId":"gid://shopify/Order/4930551447741"})";
  for (const auto from : {shopify, std::optional<platform>{}}) {
    const auto rejects = rejects_of(line, from);
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].error.code, error_code::missing_parent);
    EXPECT_EQ(rejects[0].error.json_pointer, "/__parentId");
    EXPECT_NE(rejects[0].error.message.find("child line"), std::string::npos);
    EXPECT_NE(rejects[0].error.message.find("gid://shopify/Order/4930551447741"),
              std::string::npos);
    EXPECT_EQ(rejects[0].error.byte_offset, line.find("\"gid://shopify/Order/"));
    EXPECT_EQ(to_string(rejects[0].error.code), "missing_parent");
  }
}

TEST(ShopifyGraphqlNotAnOrder, OtherGidTypeWithoutParentIsWrongType) {
  const auto rejects = rejects_of(R"({"id":"gid://shopify/Customer/207119551","firstName":"Bob"})");
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(rejects[0].error.json_pointer, "/id");
  EXPECT_NE(rejects[0].error.message.find("Customer"), std::string::npos);
}

TEST(ShopifyGraphqlNotAnOrder, OrderLineWithAParentIsAnOrder) {
  // A bulk export of customers with their orders: the Order line's parent
  // is a Customer, and it is an order all the same.
  with_order(R"({"id":"gid://shopify/Order/5","name":"#1005",)"
             R"("__parentId":"gid://shopify/Customer/207119551"})",
             [](const order& o) { EXPECT_EQ(o.remote_id, "5"); });
}

// ---------------------------------------------------------------------------
// orderNumber: the first run of digits in `name`.

struct name_case {
  std::string_view label;
  std::string_view name;
  std::string_view expected;
};
void PrintTo(const name_case& c, std::ostream* out) { *out << c.name; }
const name_case name_cases[] = {
    {"OrderNumberFromHashName", "#1001", "1001"},
    {"OrderNumberFromPrefixedName", "HCDEV#2611", "2611"},
    {"OrderNumberFromSuffixedName", "1001-A", "1001"},
    {"OrderNumberFromUnprefixedName", "90002320", "90002320"},
    {"NameWithoutDigitsKeptAsGiven", "Gift order", "Gift order"},
};

class ShopifyGraphqlOrderNumber : public ::testing::TestWithParam<name_case> {};

TEST_P(ShopifyGraphqlOrderNumber, FromName) {
  const name_case c = GetParam();
  with_order(cat({R"({"id":"gid://shopify/Order/1","name":")", c.name, R"("})"}),
             [&](const order& o) { EXPECT_EQ(o.order_number, c.expected); });
}

INSTANTIATE_TEST_SUITE_P(Names, ShopifyGraphqlOrderNumber, ::testing::ValuesIn(name_cases),
                         [](const auto& p) { return std::string(p.param.label); });

// ---------------------------------------------------------------------------
// Money.

TEST(ShopifyGraphqlMoney, ShopMoneyNotPresentment) {
  // A USD shop, the buyer paid in EUR (research §1.3's REST twin).
  const auto warnings = with_order(
      R"({"id":"gid://shopify/Order/1","currencyCode":"USD","presentmentCurrencyCode":"EUR",)"
      R"("totalPriceSet":{"shopMoney":{"amount":"124.36","currencyCode":"USD"},)"
      R"("presentmentMoney":{"amount":"115.9","currencyCode":"EUR"}},)"
      R"("lineItems":{"nodes":[{"quantity":1,"title":"Mug","originalUnitPriceSet":{)"
      R"("presentmentMoney":{"amount":"111.24","currencyCode":"EUR"},)"
      R"("shopMoney":{"amount":"119.36","currencyCode":"USD"}}}]}})",
      [](const order& o) {
        EXPECT_EQ(o.currency, "USD");
        EXPECT_EQ(money(o.total_price), "124.36");
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(money(o.line_items[0].price), "119.36");
        EXPECT_EQ(o.line_items[0].currency, "USD");
      });
  EXPECT_TRUE(warnings.empty());
}

TEST(ShopifyGraphqlMoney, PresentmentOnlyWarns) {
  const auto warnings =
      with_order(R"({"id":"gid://shopify/Order/1","currencyCode":"USD",)"
                 R"("totalPriceSet":{"presentmentMoney":{"amount":"115.9","currencyCode":"EUR"}},)"
                 R"("totalTaxSet":{"presentmentMoney":{"amount":"18.5","currencyCode":"EUR"}},)"
                 R"("lineItems":{"nodes":[{"quantity":1,"originalUnitPriceSet":{)"
                 R"("presentmentMoney":{"amount":"97.4","currencyCode":"EUR"}}}]}})",
                 [](const order& o) {
                   EXPECT_EQ(o.currency, "EUR");
                   EXPECT_EQ(money(o.total_price), "115.9");
                   EXPECT_EQ(money(o.total_tax), "18.5");
                   ASSERT_EQ(o.line_items.size(), 1u);
                   EXPECT_EQ(money(o.line_items[0].price), "97.4");
                   EXPECT_EQ(o.line_items[0].currency, "EUR");
                 });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, warning_code::presentment_money);
  EXPECT_NE(warnings[0].message.find("EUR"), std::string::npos);
  EXPECT_EQ(to_string(warnings[0].code), "presentment_money");
}

TEST(ShopifyGraphqlMoney, PresentmentOnlyAmountBesideShopMoneyIsLeftOut) {
  const auto warnings = with_order(
      order_with(R"("totalTaxSet":{"presentmentMoney":{"amount":"18.5","currencyCode":"EUR"}})"),
      [](const order& o) {
        EXPECT_EQ(o.currency, "USD");
        EXPECT_EQ(money(o.total_price), "409.94");
        EXPECT_EQ(money(o.total_tax), "null");
      });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, warning_code::presentment_money);
  EXPECT_EQ(warnings[0].json_pointer, "/totalTaxSet");
}

TEST(ShopifyGraphqlMoney, ScalarTotalPriceWhenSetAbsent) {
  with_order(R"({"id":"gid://shopify/Order/1","currencyCode":"USD","totalPrice":"409.94",)"
             R"("totalTax":"10.0","totalShippingPrice":"5.0","totalDiscounts":"3.0"})",
             [](const order& o) {
               EXPECT_EQ(money(o.total_price), "409.94");
               EXPECT_EQ(money(o.total_tax), "10.0");
               EXPECT_EQ(money(o.total_shipping), "5.0");
               EXPECT_EQ(money(o.total_discount), "3.0");
             });
}

TEST(ShopifyGraphqlMoney, SetWinsOverScalarWhateverTheKeyOrder) {
  with_order(R"({"id":"gid://shopify/Order/1","totalPrice":"1.00",)"
             R"("totalPriceSet":{"shopMoney":{"amount":"2.00","currencyCode":"USD"}}})",
             [](const order& o) { EXPECT_EQ(money(o.total_price), "2.00"); });
}

TEST(ShopifyGraphqlMoney, AmountInMinorUnits) {
  const std::string out =
      written(R"({"id":"gid://shopify/Order/1","currencyCode":"USD",)"
              R"("totalPriceSet":{"shopMoney":{"amount":"73.0","currencyCode":"USD"}},)"
              R"("totalTaxSet":{"shopMoney":{"amount":"0.0","currencyCode":"USD"}}})");
  EXPECT_NE(out.find(R"("totalPrice":"73.00")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("totalTax":"0.00")"), std::string::npos) << out;
  const std::string yen =
      written(R"({"id":"gid://shopify/Order/1","currencyCode":"JPY",)"
              R"("totalPriceSet":{"shopMoney":{"amount":"1500.0","currencyCode":"JPY"}}})");
  EXPECT_NE(yen.find(R"("totalPrice":"1500")"), std::string::npos) << yen;
}

TEST(ShopifyGraphqlMoney, TotalsAreTheirSets) {
  with_order(
      order_with(R"("totalTaxSet":{"shopMoney":{"amount":"10.0","currencyCode":"USD"}},)"
                 R"("totalShippingPriceSet":{"shopMoney":{"amount":"9.99","currencyCode":"USD"}},)"
                 R"("totalDiscountsSet":{"shopMoney":{"amount":"3.0","currencyCode":"USD"}})"),
      [](const order& o) {
        EXPECT_EQ(money(o.total_price), "409.94");
        EXPECT_EQ(money(o.total_tax), "10.0");
        EXPECT_EQ(money(o.total_shipping), "9.99");
        EXPECT_EQ(money(o.total_discount), "3.0");
      });
}

TEST(ShopifyGraphqlMoney, CurrentTotalsIgnored) {
  with_order(order_with(R"("currentTotalPriceSet":{"shopMoney":{"amount":"200.0"}},)"
                        R"("currentTotalTaxSet":{"shopMoney":{"amount":"5.0"}},)"
                        R"("currentTotalDiscountsSet":{"shopMoney":{"amount":"0.0"}})"),
             [](const order& o) {
               EXPECT_EQ(money(o.total_price), "409.94");
               EXPECT_EQ(money(o.total_tax), "null");
               EXPECT_EQ(money(o.total_discount), "null");
             });
}

TEST(ShopifyGraphqlMoney, CurrencyCodeElseShopMoneyCurrencyCode) {
  with_order(R"({"id":"gid://shopify/Order/1",)"
             R"("totalPriceSet":{"shopMoney":{"amount":"1.0","currencyCode":"CAD"}}})",
             [](const order& o) { EXPECT_EQ(o.currency, "CAD"); });
  with_order(R"({"id":"gid://shopify/Order/1","currencyCode":"USD",)"
             R"("totalPriceSet":{"shopMoney":{"amount":"1.0","currencyCode":"CAD"}}})",
             [](const order& o) { EXPECT_EQ(o.currency, "USD"); });
}

// ---------------------------------------------------------------------------
// orderStatus: REST's rule on GraphQL's fields.

TEST(ShopifyGraphqlOrderStatus, CancelledAtWinsOverClosedFulfilledAndPending) {
  with_order(
      order_with(R"("cancelledAt":"2024-05-12T10:00:00Z","closedAt":"2024-05-13T10:00:00Z",)"
                 R"("displayFulfillmentStatus":"FULFILLED","displayFinancialStatus":"PENDING")"),
      [](const order& o) { EXPECT_EQ(o.order_status, os::cancelled); });
}

TEST(ShopifyGraphqlOrderStatus, ClosedAtIsCompleted) {
  with_order(
      order_with(R"("closedAt":"2024-05-13T10:00:00Z","displayFulfillmentStatus":"FULFILLED")"),
      [](const order& o) { EXPECT_EQ(o.order_status, os::completed); });
}

TEST(ShopifyGraphqlOrderStatus, ClosedTrueIsCompleted) {
  with_order(order_with(R"("closed":true,"displayFinancialStatus":"PENDING")"),
             [](const order& o) { EXPECT_EQ(o.order_status, os::completed); });
}

TEST(ShopifyGraphqlOrderStatus, ClosedFalseAndNullTimesAreOpen) {
  with_order(
      order_with(R"("closed":false,"closedAt":null,"cancelledAt":null,)"
                 R"("displayFinancialStatus":"PAID","displayFulfillmentStatus":"UNFULFILLED")"),
      [](const order& o) { EXPECT_EQ(o.order_status, os::active); });
}

TEST(ShopifyGraphqlOrderStatus, FulfilledIsShippedEvenWhilePaymentIsPending) {
  with_order(
      order_with(R"("displayFulfillmentStatus":"FULFILLED","displayFinancialStatus":"PENDING")"),
      [](const order& o) { EXPECT_EQ(o.order_status, os::shipped); });
}

TEST(ShopifyGraphqlOrderStatus, PendingPaymentIsPending) {
  with_order(
      order_with(R"("displayFulfillmentStatus":"UNFULFILLED","displayFinancialStatus":"PENDING")"),
      [](const order& o) { EXPECT_EQ(o.order_status, os::pending); });
}

TEST(ShopifyGraphqlOrderStatus, AbsentFulfillmentStatusIsNotShipped) {
  with_order(order_with(R"("displayFinancialStatus":"PAID")"),
             [](const order& o) { EXPECT_EQ(o.order_status, os::active); });
}

TEST(ShopifyGraphqlOrderStatus, AbsentFinancialStatusIsNotPending) {
  with_order(order_with(R"("displayFulfillmentStatus":"UNFULFILLED")"),
             [](const order& o) { EXPECT_EQ(o.order_status, os::active); });
}

TEST(ShopifyGraphqlOrderStatus, RawIsNullBecauseShopifyHasNoOrderStatusField) {
  with_order(order_with(R"("displayFinancialStatus":"PAID")"),
             [](const order& o) { EXPECT_EQ(o.order_status_raw, ""); });
}

TEST(ShopifyGraphqlOrderStatus, PrecedenceOfTheRuleFunction) {
  EXPECT_EQ(gq::order_status_for(true, true, fs_::fulfilled, ps::pending), os::cancelled);
  EXPECT_EQ(gq::order_status_for(false, true, fs_::fulfilled, ps::pending), os::completed);
  EXPECT_EQ(gq::order_status_for(false, false, fs_::fulfilled, ps::pending), os::shipped);
  EXPECT_EQ(gq::order_status_for(false, false, fs_::partial, ps::pending), os::pending);
  EXPECT_EQ(gq::order_status_for(false, false, fs_::unknown, ps::unknown), os::active);
  EXPECT_EQ(gq::order_status_for(false, false, fs_::unfulfilled, ps::paid), os::active);
}

// ---------------------------------------------------------------------------
// Statuses not selected, or null: Unknown with a null raw value.

TEST(ShopifyGraphqlStatuses, StatusNotSelectedIsUnknown) {
  with_order(order_with(""), [](const order& o) {
    EXPECT_EQ(o.payment_status, ps::unknown);
    EXPECT_EQ(o.payment_status_raw, "");
    EXPECT_EQ(o.fulfillment_status, fs_::unknown);
    EXPECT_EQ(o.fulfillment_status_raw, "");
    EXPECT_EQ(o.order_status, os::active);
  });
  const std::string out = written(order_with(""));
  EXPECT_NE(out.find(R"("paymentStatus":"Unknown","paymentStatusRaw":null)"), std::string::npos);
  EXPECT_NE(out.find(R"("fulfillmentStatus":"unknown","fulfillmentStatusRaw":null)"),
            std::string::npos);
}

TEST(ShopifyGraphqlStatuses, NullStatusIsUnknown) {
  with_order(order_with(R"("displayFinancialStatus":null,"displayFulfillmentStatus":null)"),
             [](const order& o) {
               EXPECT_EQ(o.payment_status, ps::unknown);
               EXPECT_EQ(o.fulfillment_status, fs_::unknown);
             });
}

TEST(ShopifyGraphqlStatuses, RestSpellingsAreUnknownAndKeptRaw) {
  with_order(
      order_with(R"("displayFinancialStatus":"paid","displayFulfillmentStatus":"fulfilled")"),
      [](const order& o) {
        EXPECT_EQ(o.payment_status, ps::unknown);
        EXPECT_EQ(o.payment_status_raw, "paid");
        EXPECT_EQ(o.fulfillment_status, fs_::unknown);
      });
}

// displayFinancialStatus: OrderDisplayFinancialStatus, every value, by name.

struct financial_case {
  std::string_view raw;
  ps expected;
};
void PrintTo(const financial_case& c, std::ostream* out) { *out << c.raw; }
// clang-format off
const financial_case financial_cases[] = {
    {"PENDING",            ps::pending},
    {"AUTHORIZED",         ps::authorized},
    {"PARTIALLY_PAID",     ps::partially_paid},
    {"PAID",               ps::paid},
    {"PARTIALLY_REFUNDED", ps::partially_refunded},
    {"REFUNDED",           ps::refunded},
    {"VOIDED",             ps::voided},
    {"EXPIRED",            ps::voided},
};
// clang-format on

class ShopifyGraphqlFinancialStatus : public ::testing::TestWithParam<financial_case> {};

TEST_P(ShopifyGraphqlFinancialStatus, MapsByName) {
  const financial_case c = GetParam();
  with_order(order_with(cat({R"("displayFinancialStatus":")", c.raw, R"(")"})),
             [&](const order& o) {
               EXPECT_EQ(o.payment_status, c.expected);
               EXPECT_EQ(o.payment_status_raw, c.raw);
             });
}

INSTANTIATE_TEST_SUITE_P(Row, ShopifyGraphqlFinancialStatus, ::testing::ValuesIn(financial_cases),
                         [](const auto& p) { return name_of(p.param.raw); });

TEST(ShopifyGraphqlFinancialStatusTable, EveryRowHasALiteralCase) {
  for (const auto& [raw, value] : gq::financial_statuses) {
    bool covered = false;
    for (const financial_case& c : financial_cases) covered = covered || c.raw == raw;
    EXPECT_TRUE(covered) << "financial_statuses row '" << raw << "' has no case in this file";
  }
}

// displayFulfillmentStatus: OrderDisplayFulfillmentStatus, every value.

struct fulfillment_case {
  std::string_view raw;
  fs_ expected;
};
void PrintTo(const fulfillment_case& c, std::ostream* out) { *out << c.raw; }
// clang-format off
const fulfillment_case fulfillment_cases[] = {
    {"FULFILLED",                fs_::fulfilled},
    {"PARTIALLY_FULFILLED",      fs_::partial},
    {"IN_PROGRESS",              fs_::partial},
    {"UNFULFILLED",              fs_::unfulfilled},
    {"OPEN",                     fs_::unfulfilled},
    {"PENDING_FULFILLMENT",      fs_::unfulfilled},
    {"SCHEDULED",                fs_::unfulfilled},
    {"ON_HOLD",                  fs_::unfulfilled},
    {"RESTOCKED",                fs_::unfulfilled},
    {"REQUEST_DECLINED",         fs_::unfulfilled},
    {"FULFILLMENT_NOT_REQUIRED", fs_::unknown},  // nothing to fulfil: neither
};
// clang-format on

class ShopifyGraphqlFulfillmentStatus : public ::testing::TestWithParam<fulfillment_case> {};

TEST_P(ShopifyGraphqlFulfillmentStatus, Maps) {
  const fulfillment_case c = GetParam();
  with_order(order_with(cat({R"("displayFulfillmentStatus":")", c.raw, R"(")"})),
             [&](const order& o) {
               EXPECT_EQ(o.fulfillment_status, c.expected);
               EXPECT_EQ(o.fulfillment_status_raw, c.raw);
             });
}

INSTANTIATE_TEST_SUITE_P(Row, ShopifyGraphqlFulfillmentStatus,
                         ::testing::ValuesIn(fulfillment_cases),
                         [](const auto& p) { return name_of(p.param.raw); });

TEST(ShopifyGraphqlFulfillmentStatusTable, EveryRowHasALiteralCase) {
  for (const auto& [raw, value] : gq::fulfillment_statuses) {
    bool covered = false;
    for (const fulfillment_case& c : fulfillment_cases) covered = covered || c.raw == raw;
    EXPECT_TRUE(covered) << "fulfillment_statuses row '" << raw << "' has no case in this file";
  }
}

// A fulfillment's displayStatus: FulfillmentDisplayStatus, all 18 values
// (shopify.dev admin-graphql 2025-10). Those that are also REST
// shipment_status values map as REST's do (shopify_test.cpp).

struct shipment_case {
  std::string_view raw;
  st expected;
};
void PrintTo(const shipment_case& c, std::ostream* out) { *out << c.raw; }
// clang-format off
const shipment_case shipment_cases[] = {
    {"LABEL_PRINTED",       st::pre_transit},
    {"LABEL_PURCHASED",     st::pre_transit},
    {"CONFIRMED",           st::pre_transit},
    {"SUBMITTED",           st::pre_transit},
    {"CARRIER_PICKED_UP",   st::in_transit},
    {"IN_TRANSIT",          st::in_transit},
    {"DELAYED",             st::in_transit},
    {"ATTEMPTED_DELIVERY",  st::in_transit},
    {"OUT_FOR_DELIVERY",    st::out_for_delivery},
    {"READY_FOR_PICKUP",    st::available_for_pickup},
    {"PICKED_UP",           st::delivered},
    {"DELIVERED",           st::delivered},
    {"FAILURE",             st::failure},
    {"NOT_DELIVERED",       st::failure},
    {"CANCELED",            st::cancelled},
    {"LABEL_VOIDED",        st::cancelled},
    {"FULFILLED",           st::unknown},
    {"MARKED_AS_FULFILLED", st::unknown},
};
// clang-format on

class ShopifyGraphqlShipmentStatus : public ::testing::TestWithParam<shipment_case> {};

TEST_P(ShopifyGraphqlShipmentStatus, Maps) {
  const shipment_case c = GetParam();
  with_order(order_with(cat({R"("fulfillments":[{"status":"SUCCESS","displayStatus":")", c.raw,
                             R"(","trackingInfo":[{"company":"USPS",)"
                             R"("number":"9400100000000000000000","url":null}]}])"})),
             [&](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(o.shipments[0].status, c.expected);
               EXPECT_EQ(o.shipments[0].status_raw, c.raw);
             });
}

INSTANTIATE_TEST_SUITE_P(Row, ShopifyGraphqlShipmentStatus, ::testing::ValuesIn(shipment_cases),
                         [](const auto& p) { return name_of(p.param.raw); });

TEST(ShopifyGraphqlShipmentStatusTable, EveryRowHasALiteralCase) {
  for (const auto& [raw, value] : gq::shipment_statuses) {
    bool covered = false;
    for (const shipment_case& c : shipment_cases) covered = covered || c.raw == raw;
    EXPECT_TRUE(covered) << "shipment_statuses row '" << raw << "' has no case in this file";
  }
}

TEST(ShopifyGraphqlShipmentStatusTable, AbsentDisplayStatusIsUnknownWithNullRaw) {
  with_order(order_with(R"("fulfillments":[{"status":"SUCCESS","trackingInfo":[]}])"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(o.shipments[0].status, st::unknown);
               EXPECT_EQ(o.shipments[0].status_raw, "");
             });
}

// ---------------------------------------------------------------------------
// Line items.

TEST(ShopifyGraphqlLineItems, LineItemsAsNodes) {
  with_order(
      order_with(R"("lineItems":{"nodes":[{"id":"gid://shopify/LineItem/1","quantity":2,)"
                 R"("title":"A"},{"id":"gid://shopify/LineItem/2","quantity":1,"title":"B"}],)"
                 R"("pageInfo":{"hasNextPage":false,"endCursor":"eyJ9"}})"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 2u);
        EXPECT_EQ(o.line_items[0].line_item_id, "1");
        EXPECT_EQ(o.line_items[0].quantity, 2);
        EXPECT_EQ(o.line_items[1].title, "B");
      });
}

TEST(ShopifyGraphqlLineItems, LineItemsAsEdges) {
  with_order(
      order_with(R"("lineItems":{"pageInfo":{"hasNextPage":false},"edges":[)"
                 R"({"cursor":"c1","node":{"id":"gid://shopify/LineItem/1","quantity":2}},)"
                 R"({"node":{"id":"gid://shopify/LineItem/2","quantity":1},"cursor":"c2"}]})"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 2u);
        EXPECT_EQ(o.line_items[0].line_item_id, "1");
        EXPECT_EQ(o.line_items[1].line_item_id, "2");
      });
}

TEST(ShopifyGraphqlLineItems, LineItemsAsAPlainList) {
  with_order(order_with(R"("lineItems":[{"id":"gid://shopify/LineItem/1","quantity":2}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].line_item_id, "1");
             });
}

TEST(ShopifyGraphqlLineItems, NodesAndEdgesTogetherAreReadOnce) {
  with_order(order_with(R"("lineItems":{"nodes":null,"edges":[{"node":{"quantity":1}}],)"
                        R"("nodes":[{"quantity":7}]})"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].quantity, 1);
             });
}

TEST(ShopifyGraphqlLineItems, EdgeWithoutNodeIsNoLine) {
  with_order(order_with(R"("lineItems":{"edges":[{"cursor":"c1"},{"node":{"quantity":3}}]})"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].quantity, 3);
             });
}

TEST(ShopifyGraphqlLineItems, LineItemsOfTheWrongTypeAreWrongType) {
  const auto rejects = rejects_of(order_with(R"("lineItems":{"edges":{"node":{}}})"));
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(rejects[0].error.json_pointer, "/lineItems/edges");
}

TEST(ShopifyGraphqlLineItems, LineItemTitleElseName) {
  with_order(
      order_with(R"("lineItems":{"nodes":[)"
                 R"({"name":"IPod Nano - 8GB - Pink","title":"IPod Nano - 8GB","quantity":1},)"
                 R"({"name":"Gift wrap","quantity":1}]})"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 2u);
        EXPECT_EQ(o.line_items[0].title, "IPod Nano - 8GB");
        EXPECT_EQ(o.line_items[1].title, "Gift wrap");
      });
}

TEST(ShopifyGraphqlLineItems, PriceIsTheOriginalUnitPriceInShopMoney) {
  with_order(
      order_with(R"("lineItems":{"nodes":[{"sku":"IPOD2008PINK","quantity":2,)"
                 R"("discountedUnitPriceSet":{"shopMoney":{"amount":"6.5"}},)"
                 R"("originalUnitPriceSet":{"shopMoney":{"amount":"7.5","currencyCode":"USD"},)"
                 R"("presentmentMoney":{"amount":"6.9","currencyCode":"EUR"}}}]})"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(o.line_items[0].sku, "IPOD2008PINK");
        EXPECT_EQ(money(o.line_items[0].price), "7.5");
        EXPECT_EQ(o.line_items[0].currency, "USD");
      });
}

TEST(ShopifyGraphqlLineItems, ScalarOriginalUnitPriceWhenSetAbsent) {
  with_order(order_with(R"("lineItems":{"nodes":[{"quantity":1,"originalUnitPrice":"7.5"}]})"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(money(o.line_items[0].price), "7.5");
             });
}

TEST(ShopifyGraphqlLineItems, ParentIdOfAStitchedLineIsIgnored) {
  with_order(order_with(R"("lineItems":{"nodes":[{"id":"gid://shopify/LineItem/1","quantity":1,)"
                        R"("__parentId":"gid://shopify/Order/450789469"}]})"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].line_item_id, "1");
             });
}

// ---------------------------------------------------------------------------
// Customer and addresses.

TEST(ShopifyGraphqlCustomer, GuestCustomerNull) {
  with_order(order_with(R"("customer":null,"email":"guest@example.com")"),
             [](const order& o) { EXPECT_FALSE(o.customer.has_value()); });
  with_order(order_with(""), [](const order& o) { EXPECT_FALSE(o.customer.has_value()); });
}

TEST(ShopifyGraphqlCustomer, CustomerFields) {
  with_order(order_with(R"("customer":{"id":"gid://shopify/Customer/207119551","firstName":"Bob",)"
                        R"("lastName":"Norman","email":"bob.norman@mail.example.com",)"
                        R"("phone":"+16136120707"})"),
             [](const order& o) {
               ASSERT_TRUE(o.customer.has_value());
               EXPECT_EQ(o.customer->customer_id, "207119551");
               EXPECT_EQ(o.customer->first_name, "Bob");
               EXPECT_EQ(o.customer->last_name, "Norman");
               EXPECT_EQ(o.customer->email, "bob.norman@mail.example.com");
               EXPECT_EQ(o.customer->phone, "+16136120707");
             });
}

TEST(ShopifyGraphqlCustomer, MissingEmailFallsBackToOrderEmail) {
  with_order(order_with(R"("email":"a@example.com","customer":{"id":"gid://shopify/Customer/1"})"),
             [](const order& o) {
               ASSERT_TRUE(o.customer.has_value());
               EXPECT_EQ(o.customer->email, "a@example.com");
             });
}

TEST(ShopifyGraphqlCustomer, DefaultEmailAddressAndPhoneNumberWhenTheOlderFieldsAreAbsent) {
  with_order(order_with(R"("email":"order@example.com","customer":{"firstName":"Bob",)"
                        R"("defaultEmailAddress":{"emailAddress":"bob@example.com"},)"
                        R"("defaultPhoneNumber":{"phoneNumber":"+16136120707"}})"),
             [](const order& o) {
               ASSERT_TRUE(o.customer.has_value());
               EXPECT_EQ(o.customer->email, "bob@example.com");
               EXPECT_EQ(o.customer->phone, "+16136120707");
             });
}

TEST(ShopifyGraphqlAddresses, ProvinceCodeElseProvince) {
  with_order(
      order_with(R"("shippingAddress":{"firstName":"Bob","city":"Louisville",)"
                 R"("province":"Kentucky","provinceCode":"KY","zip":"40202","countryCodeV2":"US"},)"
                 R"("billingAddress":{"provinceCode":null,"province":"Kentucky"})"),
      [](const order& o) {
        ASSERT_TRUE(o.shipping_address.has_value());
        EXPECT_EQ(o.shipping_address->region, "KY");
        EXPECT_EQ(o.shipping_address->postal_code, "40202");
        EXPECT_EQ(o.shipping_address->first_name, "Bob");
        ASSERT_TRUE(o.billing_address.has_value());
        EXPECT_EQ(o.billing_address->region, "Kentucky");
      });
}

TEST(ShopifyGraphqlAddresses, CountryCodeV2ElseCountryCode) {
  with_order(order_with(R"("shippingAddress":{"countryCode":"CA","countryCodeV2":"US"},)"
                        R"("billingAddress":{"countryCode":"CA"})"),
             [](const order& o) {
               ASSERT_TRUE(o.shipping_address.has_value());
               EXPECT_EQ(o.shipping_address->country_code, "US");
               ASSERT_TRUE(o.billing_address.has_value());
               EXPECT_EQ(o.billing_address->country_code, "CA");
             });
}

TEST(ShopifyGraphqlAddresses, NullAddressIsNull) {
  with_order(order_with(R"("shippingAddress":null,"billingAddress":{"company":null})"),
             [](const order& o) {
               EXPECT_FALSE(o.shipping_address.has_value());
               EXPECT_FALSE(o.billing_address.has_value());
             });
}

// ---------------------------------------------------------------------------
// Shipments.

TEST(ShopifyGraphqlShipments, TrackingInfoOneShipmentEach) {
  with_order(order_with(R"("fulfillments":[{"status":"SUCCESS","displayStatus":"IN_TRANSIT",)"
                        R"("trackingInfo":[{"company":"UPS","number":"1Z1","url":"https://u/1"},)"
                        R"({"company":"FedEx","number":"7489","url":null}]}])"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 2u);
               EXPECT_EQ(o.shipments[0].carrier, "UPS");
               EXPECT_EQ(o.shipments[0].tracking_code, "1Z1");
               EXPECT_EQ(o.shipments[0].tracking_url, "https://u/1");
               EXPECT_EQ(o.shipments[1].carrier, "FedEx");
               EXPECT_EQ(o.shipments[1].tracking_code, "7489");
               EXPECT_EQ(o.shipments[1].tracking_url, "");
               for (const shipment& s : o.shipments) EXPECT_EQ(s.status, st::in_transit);
             });
}

TEST(ShopifyGraphqlShipments, CarrierIsTheCompanyAsGiven) {
  with_order(
      order_with(R"("fulfillments":[{"status":"SUCCESS","trackingInfo":[)"
                 R"({"company":"Other","number":"N1","url":"https://www.ups.com/t?n=N1"}]}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_EQ(o.shipments[0].carrier, "Other");
      });
}

struct dead_case {
  std::string_view status;
  bool is_shipment;
};
void PrintTo(const dead_case& c, std::ostream* out) { *out << c.status; }
// FulfillmentStatus: SUCCESS, CANCELLED, ERROR, FAILURE (OPEN and PENDING
// deprecated).
const dead_case dead_cases[] = {
    {"SUCCESS", true},  {"OPEN", true},   {"PENDING", true},
    {"FAILURE", false}, {"ERROR", false}, {"CANCELLED", false},
};

class ShopifyGraphqlFulfillmentState : public ::testing::TestWithParam<dead_case> {};

TEST_P(ShopifyGraphqlFulfillmentState, FailedFulfillmentNotAShipment) {
  const dead_case c = GetParam();
  with_order(order_with(cat({R"("fulfillments":[{"status":")", c.status,
                             R"(","trackingInfo":[{"number":"1Z999AA10123456784"}]}])"})),
             [&](const order& o) { EXPECT_EQ(o.shipments.size(), c.is_shipment ? 1u : 0u); });
}

INSTANTIATE_TEST_SUITE_P(Row, ShopifyGraphqlFulfillmentState, ::testing::ValuesIn(dead_cases),
                         [](const auto& p) { return name_of(p.param.status); });

TEST(ShopifyGraphqlFulfillmentStateTable, EveryDeadStatusHasALiteralCase) {
  for (std::string_view raw : gq::dead_fulfillment_statuses) {
    bool covered = false;
    for (const dead_case& c : dead_cases) covered = covered || (c.status == raw && !c.is_shipment);
    EXPECT_TRUE(covered) << "dead_fulfillment_statuses row '" << raw << "' has no case";
  }
}

TEST(ShopifyGraphqlShipments, SuccessFulfillmentWithoutTrackingInfo) {
  for (std::string_view tracking : {R"(,"trackingInfo":[])", ""}) {
    with_order(order_with(cat({R"("fulfillments":[{"status":"SUCCESS","displayStatus":"FULFILLED")",
                               tracking, "}]"})),
               [](const order& o) {
                 ASSERT_EQ(o.shipments.size(), 1u);
                 EXPECT_EQ(o.shipments[0].tracking_code, "");
                 EXPECT_EQ(o.shipments[0].carrier, "");
                 EXPECT_EQ(o.shipments[0].status, st::unknown);
                 EXPECT_EQ(o.shipments[0].status_raw, "FULFILLED");
               });
  }
}

TEST(ShopifyGraphqlShipments, FulfillmentsAsAConnection) {
  with_order(order_with(R"("fulfillments":{"nodes":[{"status":"SUCCESS",)"
                        R"("trackingInfo":[{"number":"1Z1"}]}]})"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(o.shipments[0].tracking_code, "1Z1");
             });
}

TEST(ShopifyGraphqlShipments, NoFulfillmentsNoShipments) {
  with_order(order_with(R"("fulfillments":[])"),
             [](const order& o) { EXPECT_TRUE(o.shipments.empty()); });
}

// ---------------------------------------------------------------------------
// Times and flags.

TEST(ShopifyGraphqlTimes, UtcTimesWithMilliseconds) {
  with_order(order_with(R"("updatedAt":"2024-05-11T15:49:17+02:00")"), [](const order& o) {
    char buf[timestamp::max_chars];
    ASSERT_TRUE(o.remote_created_at.has_value());
    EXPECT_EQ(std::string(o.remote_created_at->format(buf)), "2024-05-11T13:49:17.000Z");
    ASSERT_TRUE(o.remote_updated_at.has_value());
    EXPECT_EQ(std::string(o.remote_updated_at->format(buf)), "2024-05-11T13:49:17.000Z");
  });
}

TEST(ShopifyGraphqlTimes, TimeWithoutOffsetIsRejectedNotGuessed) {
  const auto rejects =
      rejects_of(R"({"id":"gid://shopify/Order/1","createdAt":"2024-05-11T13:49:17"})");
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.json_pointer, "/createdAt");
}

TEST(ShopifyGraphqlFlags, TestIsIsTest) {
  with_order(order_with(R"("test":true)"),
             [](const order& o) { EXPECT_EQ(o.is_test, std::optional<bool>(true)); });
}

// ---------------------------------------------------------------------------
// The shape is picked per record; detection.

TEST(ShopifyGraphqlShape, RestOrdersStillConvertAsRest) {
  // The first decisive key: `id` an integer, or a snake_case key.
  with_order(R"({"id":1,"name":"#1001","order_number":1001,"financial_status":"paid"})",
             [](const order& o) {
               EXPECT_EQ(o.order_number, "1001");
               EXPECT_EQ(o.payment_status, ps::paid);
             });
  with_order(R"({"name":"#1001","financial_status":"paid","id":"7"})", [](const order& o) {
    EXPECT_EQ(o.remote_id, "7");
    EXPECT_EQ(o.payment_status, ps::paid);
  });
}

TEST(ShopifyGraphqlShape, CamelCaseKeyBeforeTheIdDecides) {
  with_order(R"({"name":"#1001","displayFinancialStatus":"PAID","id":"gid://shopify/Order/3"})",
             [](const order& o) {
               EXPECT_EQ(o.remote_id, "3");
               EXPECT_EQ(o.payment_status, ps::paid);
             });
}

TEST(ShopifyGraphqlShape, MixedRestAndGraphqlOrdersInOneInput) {
  const std::string text = cat({R"({"id":1,"order_number":1001,"financial_status":"paid"})", "\n",
                                order_with(R"("displayFinancialStatus":"REFUNDED")"), "\n",
                                R"({"id":2,"order_number":1002,"financial_status":"voided"})"});
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(text, options_for(std::nullopt, m));
    EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
    EXPECT_EQ(got.converted, 3u);
    EXPECT_NE(got.ndjson.find(R"("paymentStatus":"Paid")"), std::string::npos);
    EXPECT_NE(got.ndjson.find(R"("paymentStatus":"Refunded","paymentStatusRaw":"REFUNDED")"),
              std::string::npos);
    EXPECT_NE(got.ndjson.find(R"("paymentStatus":"Voided")"), std::string::npos);
  }
}

TEST(ShopifyGraphqlDetection, AutoDetectsMinimalGraphqlOrder) {
  // The hotwax bulk export's first line, as a minimal selection.
  const std::string minimal = R"({"id":"gid:\/\/shopify\/Order\/4930551447741","name":"90002320",)"
                              R"("customAttributes":[{"key":"配送日","value":"希望なし"}]})";
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(minimal, options_for(std::nullopt, m));
    EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
    EXPECT_NE(got.ndjson.find(R"("platform":"shopify","remoteId":"4930551447741",)"
                              R"("orderNumber":"90002320")"),
              std::string::npos)
        << got.ndjson;
  }
  with_order(R"({"id":"gid://shopify/Order/9","name":"#1009"})",
             [](const order& o) { EXPECT_EQ(o.remote_id, "9"); });
}

TEST(ShopifyGraphqlDetection, AutoDetectsByGraphqlOnlyKeys) {
  with_order(R"({"legacyResourceId":"5","displayFinancialStatus":"PAID"})",
             [](const order& o) { EXPECT_EQ(o.remote_id, "5"); });
}

TEST(ShopifyGraphqlDetection, OtherPlatformsIdsAreNoShopifyEvidence) {
  // A gid of another app is not Shopify's.
  const auto rejects = rejects_of(R"({"id":"gid://partners/Order/1","name":"#1"})", std::nullopt);
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::unknown_platform);
}

// ---------------------------------------------------------------------------
// The same order through REST and GraphQL.

namespace {

// The order's JSON with the raw status spellings cleared (the one thing the
// two shapes may write differently).
std::string without_raw_statuses(std::string_view json) {
  std::string out;
  const std::function<void(const order&)> keep = [&](const order& o) {
    order copy = o;
    copy.order_status_raw = {};
    copy.payment_status_raw = {};
    copy.fulfillment_status_raw = {};
    for (shipment& s : copy.shipments) s.status_raw = {};
    write_json(copy, out);
    out.push_back('\n');
  };
  order_probe p(keep);
  converter conv(options_for(std::nullopt, mapper::fast));
  conv.convert(json, p);
  EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
  EXPECT_EQ(p.orders, 1);
  return out;
}

void expect_same_order(const std::string& rest_payload, const std::string& graphql_case) {
  const fs::path rest = shared_dir(ORDERNORM_SHARED_DIR) / "conformance/shopify" / rest_payload;
  ORDERNORM_REQUIRE_PAYLOAD(rest);
  const fs::path graphql = fs::path(ORDERNORM_TESTS_DIR) / "golden/shopify" / graphql_case;
  const std::string rest_out = without_raw_statuses(read_file(rest));
  const std::string graphql_out = without_raw_statuses(read_file(graphql));
  EXPECT_FALSE(rest_out.empty());
  EXPECT_EQ(graphql_out, rest_out);
}

}  // namespace

TEST(ShopifyGraphqlSameOrder, RestAndGraphqlSameOrderSameOutput) {
  expect_same_order("order-2025-01-fulfilled-shopify-app-js.json",
                    "graphql_same_order_as_rest_2025_01_fulfilled.json");
}

TEST(ShopifyGraphqlSameOrder, RestAndGraphqlSamePendingOrderSameOutput) {
  expect_same_order("order-2025-01-pending-shopify-app-js.json",
                    "graphql_same_order_as_rest_2025_01_pending.json");
}
