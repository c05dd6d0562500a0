// The eBay mapping (mappings/ebay.hpp): one test per status-table row, per
// status combination and per quirk rule. Every conversion runs under both
// mappers.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/ebay.hpp"
#include "registry.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

namespace eb = ordernorm::mappings::ebay;
constexpr std::optional<platform> ebay = platform::ebay;
constexpr std::optional<platform> autodetect = std::nullopt;

using probe = order_probe;  // test_support.hpp

std::string describe(const std::vector<record_warning>& warnings) {
  std::string out;
  for (const record_warning& w : warnings) out += w.json_pointer + " " + w.message + "\n";
  return out;
}

// Runs `check` on the one order of `json` under both mappers; returns the
// warnings of the fast run (the reference run must give the same ones).
std::vector<record_warning> with_order(std::string_view json,
                                       const std::function<void(const order&)>& check,
                                       std::optional<platform> from = ebay) {
  std::vector<record_warning> first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    probe p(check);
    converter conv(options_for(from, m));
    conv.convert(json, p);
    EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
    EXPECT_EQ(p.orders, 1);
    if (m == mapper::fast) {
      first = p.warnings;
    } else {
      EXPECT_EQ(describe(p.warnings), describe(first));
    }
  }
  return first;
}

// The rejects of `json` under both mappers (the fast run's).
std::vector<reject_entry> rejects_of(std::string_view json) {
  std::vector<reject_entry> first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(json, options_for(ebay, m));
    if (m == mapper::fast) {
      first = got.rejects;
    } else {
      EXPECT_EQ(got.rejects.size(), first.size());
    }
  }
  return first;
}

// An eBay order with the given members first (the first key wins).
std::string order_with(std::string_view members) {
  std::string o = "{";
  if (!members.empty()) o += std::string(members) + ",";
  o +=
      R"("orderId":"12-34567-89012","legacyOrderId":"110000000001-2000000000002",)"
      R"("creationDate":"2024-03-01T10:00:00.000Z","lastModifiedDate":"2024-03-02T11:30:00.000Z",)"
      R"("orderFulfillmentStatus":"NOT_STARTED","orderPaymentStatus":"PAID",)"
      R"("buyer":{"username":"buyer_one"},)"
      R"("pricingSummary":{"priceSubtotal":{"value":"20.0","currency":"USD"},)"
      R"("deliveryCost":{"value":"5.0","currency":"USD"},"total":{"value":"25.0","currency":"USD"}},)"
      R"("cancelStatus":{"cancelState":"NONE_REQUESTED","cancelRequests":[]},)"
      R"("fulfillmentHrefs":[],)"
      R"("lineItems":[{"lineItemId":"100","legacyItemId":"200","sku":"S-1","title":"Widget",)"
      R"("quantity":2,"lineItemCost":{"value":"20.0","currency":"USD"},)"
      R"("lineItemFulfillmentStatus":"NOT_STARTED","total":{"value":"25.0","currency":"USD"}}]})";
  return o;
}

std::string with_statuses(std::string_view fulfillment, std::string_view payment,
                          std::string_view cancel) {
  return order_with(R"("orderFulfillmentStatus":")" + std::string(fulfillment) +
                    R"(","orderPaymentStatus":")" + std::string(payment) +
                    R"(","cancelStatus":{"cancelState":")" + std::string(cancel) + R"("})");
}

std::string formatted(const std::optional<timestamp>& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

// As the writer formats it: the currency's minor units.
std::string money(const opt_money& m, std::string_view currency = "USD") {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, currency_minor_units(currency)));
}

using os = order_status;
using ps = payment_status;
using fs = fulfillment_status;

struct expected_status {
  os order;
  ps payment;
  fs fulfillment;
};

void expect_statuses(std::string_view fulfillment, std::string_view payment,
                     std::string_view cancel, expected_status e) {
  SCOPED_TRACE(std::string(fulfillment) + " / " + std::string(payment) + " / " +
               std::string(cancel));
  with_order(with_statuses(fulfillment, payment, cancel), [&](const order& o) {
    EXPECT_EQ(o.order_status, e.order);
    EXPECT_EQ(o.payment_status, e.payment);
    EXPECT_EQ(o.fulfillment_status, e.fulfillment);
    EXPECT_EQ(o.fulfillment_status_raw, fulfillment);
    EXPECT_EQ(o.payment_status_raw, payment);
    EXPECT_EQ(o.order_status_raw, cancel);
  });
}

// ---------------------------------------------------------------------------
// orderFulfillmentStatus, a test per row (paid, nothing cancelled).

TEST(EbayFulfillmentStatus, NotStartedIsUnfulfilled) {
  expect_statuses("NOT_STARTED", "PAID", "NONE_REQUESTED", {os::active, ps::paid, fs::unfulfilled});
}
TEST(EbayFulfillmentStatus, InProgressIsPartial) {
  expect_statuses("IN_PROGRESS", "PAID", "NONE_REQUESTED", {os::active, ps::paid, fs::partial});
}
TEST(EbayFulfillmentStatus, FulfilledIsFulfilledAndShipped) {
  expect_statuses("FULFILLED", "PAID", "NONE_REQUESTED", {os::shipped, ps::paid, fs::fulfilled});
}
TEST(EbayFulfillmentStatus, UnknownValueIsUnknownWithRawKept) {
  expect_statuses("SHIPPED_BY_MAGIC", "PAID", "NONE_REQUESTED",
                  {os::active, ps::paid, fs::unknown});
}

// ---------------------------------------------------------------------------
// orderPaymentStatus, a test per row (not started, nothing cancelled).

TEST(EbayPaymentStatus, PendingIsPending) {
  expect_statuses("NOT_STARTED", "PENDING", "NONE_REQUESTED",
                  {os::pending, ps::pending, fs::unfulfilled});
}
TEST(EbayPaymentStatus, PaidIsPaid) {
  expect_statuses("NOT_STARTED", "PAID", "NONE_REQUESTED", {os::active, ps::paid, fs::unfulfilled});
}
TEST(EbayPaymentStatus, FailedIsFailedAndCancelled) {
  expect_statuses("NOT_STARTED", "FAILED", "NONE_REQUESTED",
                  {os::cancelled, ps::failed, fs::unfulfilled});
}
TEST(EbayPaymentStatus, PartiallyRefundedStaysActive) {
  expect_statuses("NOT_STARTED", "PARTIALLY_REFUNDED", "NONE_REQUESTED",
                  {os::active, ps::partially_refunded, fs::unfulfilled});
}
TEST(EbayPaymentStatus, FullyRefundedWithoutCancelIsRefundedAndCompleted) {
  expect_statuses("NOT_STARTED", "FULLY_REFUNDED", "NONE_REQUESTED",
                  {os::completed, ps::refunded, fs::unfulfilled});
}
TEST(EbayPaymentStatus, NotApplicableIsUnknownWithRawKept) {
  expect_statuses("NOT_STARTED", "NOT_APPLICABLE", "NONE_REQUESTED",
                  {os::active, ps::unknown, fs::unfulfilled});
}
TEST(EbayPaymentStatus, UnknownValueIsUnknownWithRawKept) {
  expect_statuses("NOT_STARTED", "ESCROWED", "NONE_REQUESTED",
                  {os::active, ps::unknown, fs::unfulfilled});
}

// ---------------------------------------------------------------------------
// cancelStatus.cancelState, a test per row (paid, not started).

TEST(EbayCancelState, NoneRequestedLeavesTheOtherAxesToDecide) {
  expect_statuses("NOT_STARTED", "PAID", "NONE_REQUESTED", {os::active, ps::paid, fs::unfulfilled});
}
TEST(EbayCancelState, InProgressIsOnHold) {
  expect_statuses("NOT_STARTED", "PAID", "IN_PROGRESS", {os::on_hold, ps::paid, fs::unfulfilled});
}
TEST(EbayCancelState, CanceledIsCancelled) {
  expect_statuses("NOT_STARTED", "PAID", "CANCELED", {os::cancelled, ps::paid, fs::unfulfilled});
}
TEST(EbayCancelState, UnknownValueIsUnknownWithRawKept) {
  expect_statuses("NOT_STARTED", "PAID", "APPROVAL_PENDING",
                  {os::unknown, ps::paid, fs::unfulfilled});
}
TEST(EbayCancelState, MissingCancelStatusCountsAsNoneRequestedWithoutRaw) {
  with_order(order_with(R"("cancelStatus":null)"), [](const order& o) {
    EXPECT_EQ(o.order_status, os::active);
    EXPECT_TRUE(o.order_status_raw.empty());
  });
}

TEST(EbayStatus, TablesCoverTheDocumentedEnums) {
  EXPECT_EQ(eb::fulfillment_statuses.size(), 3u);
  EXPECT_EQ(eb::payment_statuses.size(), 6u);
  EXPECT_EQ(eb::cancel_states.size(), 3u);
  for (const auto& row : eb::payment_statuses) {
    EXPECT_EQ(eb::payment_status_for(row.raw), row.value) << row.raw;
  }
  for (const auto& row : eb::fulfillment_statuses) {
    EXPECT_EQ(eb::fulfillment_status_for(row.raw), row.value) << row.raw;
  }
}

// ---------------------------------------------------------------------------
// Combinations: the axes are independent and the three statuses say so.

TEST(EbayStatusCombination, FulfilledFullyRefundedAndCanceledAtOnce) {
  expect_statuses("FULFILLED", "FULLY_REFUNDED", "CANCELED",
                  {os::cancelled, ps::refunded, fs::fulfilled});
}
TEST(EbayStatusCombination, NotStartedFullyRefundedAndCanceled) {
  expect_statuses("NOT_STARTED", "FULLY_REFUNDED", "CANCELED",
                  {os::cancelled, ps::refunded, fs::unfulfilled});
}
TEST(EbayStatusCombination, FulfilledAndFullyRefundedWithoutCancelIsAClosedReturn) {
  expect_statuses("FULFILLED", "FULLY_REFUNDED", "NONE_REQUESTED",
                  {os::completed, ps::refunded, fs::fulfilled});
}
TEST(EbayStatusCombination, FulfilledAndPartiallyRefundedIsShipped) {
  expect_statuses("FULFILLED", "PARTIALLY_REFUNDED", "NONE_REQUESTED",
                  {os::shipped, ps::partially_refunded, fs::fulfilled});
}
TEST(EbayStatusCombination, InProgressAndPartiallyRefundedIsActive) {
  expect_statuses("IN_PROGRESS", "PARTIALLY_REFUNDED", "NONE_REQUESTED",
                  {os::active, ps::partially_refunded, fs::partial});
}
TEST(EbayStatusCombination, CancelRequestedAfterShippingIsOnHold) {
  expect_statuses("FULFILLED", "PAID", "IN_PROGRESS", {os::on_hold, ps::paid, fs::fulfilled});
}
TEST(EbayStatusCombination, CanceledBeforeTheRefundStaysPaid) {
  expect_statuses("IN_PROGRESS", "PAID", "CANCELED", {os::cancelled, ps::paid, fs::partial});
}
TEST(EbayStatusCombination, FailedPaymentWinsOverFulfilled) {
  expect_statuses("FULFILLED", "FAILED", "NONE_REQUESTED",
                  {os::cancelled, ps::failed, fs::fulfilled});
}
TEST(EbayStatusCombination, PendingPaymentWinsOverFulfilled) {
  expect_statuses("FULFILLED", "PENDING", "NONE_REQUESTED",
                  {os::pending, ps::pending, fs::fulfilled});
}
TEST(EbayStatusCombination, CanceledWinsWhateverTheOtherAxesSay) {
  for (const auto& f : eb::fulfillment_statuses) {
    for (const auto& p : eb::payment_statuses) {
      EXPECT_EQ(eb::order_status_for(eb::cancellation::cancelled, p.value, f.value), os::cancelled);
      EXPECT_EQ(eb::order_status_for(eb::cancellation::requested, p.value, f.value), os::on_hold);
    }
  }
}
TEST(EbayStatusCombination, NoStatusesAtAllIsUnknown) {
  with_order(order_with(R"("orderFulfillmentStatus":null,"orderPaymentStatus":null,)"
                        R"("lineItems":[])"),
             [](const order& o) {
               EXPECT_EQ(o.order_status, os::unknown);
               EXPECT_EQ(o.payment_status, ps::unknown);
               EXPECT_EQ(o.fulfillment_status, fs::unknown);
               EXPECT_EQ(o.order_status_raw, "NONE_REQUESTED");
             });
}

// Without orderFulfillmentStatus the lines' statuses decide; raw stays null.
TEST(EbayFulfillmentStatus, LinesDecideWhenTheOrderDoesNotSay) {
  auto lines = [](std::string_view a, std::string_view b) {
    return order_with(R"("orderFulfillmentStatus":null,"lineItems":[)"
                      R"({"lineItemId":"1","lineItemFulfillmentStatus":")" +
                      std::string(a) + R"("},{"lineItemId":"2","lineItemFulfillmentStatus":")" +
                      std::string(b) + R"("}])");
  };
  const std::vector<std::pair<std::string, fs>> cases{
      {lines("FULFILLED", "FULFILLED"), fs::fulfilled},
      {lines("NOT_STARTED", "NOT_STARTED"), fs::unfulfilled},
      {lines("FULFILLED", "NOT_STARTED"), fs::partial},
      {lines("IN_PROGRESS", "NOT_STARTED"), fs::partial},
      {lines("FULFILLED", "SOMETHING_ELSE"), fs::unknown},
  };
  for (const auto& row : cases) {  // clang 14 cannot capture a structured binding
    const auto& json = row.first;
    const auto& expected = row.second;
    with_order(json, [&](const order& o) {
      EXPECT_EQ(o.fulfillment_status, expected);
      EXPECT_TRUE(o.fulfillment_status_raw.empty());
    });
  }
}

TEST(EbayFulfillmentStatus, OrderLevelStatusWinsOverLines) {
  with_order(order_with(R"("orderFulfillmentStatus":"FULFILLED")"),
             [](const order& o) { EXPECT_EQ(o.fulfillment_status, fs::fulfilled); });
}

// ---------------------------------------------------------------------------
// Identity and times.

TEST(EbayOrder, OrderIdIsRemoteIdAndOrderNumber) {
  with_order(order_with(""), [](const order& o) {
    EXPECT_EQ(o.id, "ebay:12-34567-89012");
    EXPECT_EQ(o.platform, platform::ebay);
    EXPECT_EQ(o.remote_id, "12-34567-89012");
    EXPECT_EQ(o.order_number, "12-34567-89012");
    EXPECT_FALSE(o.remote_deleted);
  });
}

TEST(EbayTime, CreationAndLastModifiedAreUtc) {
  with_order(order_with(""), [](const order& o) {
    EXPECT_EQ(formatted(o.remote_created_at), "2024-03-01T10:00:00.000Z");
    EXPECT_EQ(formatted(o.remote_updated_at), "2024-03-02T11:30:00.000Z");
  });
}

TEST(EbayTime, ZonelessTimeIsUtcByContract) {
  with_order(order_with(R"("creationDate":"2024-03-01T10:00:00")"), [](const order& o) {
    ASSERT_TRUE(o.remote_created_at);
    EXPECT_FALSE(o.remote_created_at->local);
    EXPECT_EQ(formatted(o.remote_created_at), "2024-03-01T10:00:00.000Z");
  });
}

// ---------------------------------------------------------------------------
// Money.

TEST(EbayMoney, ValueIsUsedNotConvertedFrom) {
  with_order(order_with(R"("pricingSummary":{"priceSubtotal":{"value":"10.8","currency":"USD",)"
                        R"("convertedFromValue":"8.9","convertedFromCurrency":"EUR"},)"
                        R"("total":{"value":"10.8","currency":"USD","convertedFromValue":"8.9",)"
                        R"("convertedFromCurrency":"EUR"}})"),
             [](const order& o) {
               EXPECT_EQ(o.currency, "USD");
               EXPECT_EQ(money(o.total_price), "10.80");
               EXPECT_FALSE(o.total_shipping);
             });
}

TEST(EbayMoney, ConvertedFromKeysFirstDoNotMatter) {
  with_order(order_with(R"("pricingSummary":{"total":{"convertedFromCurrency":"EUR",)"
                        R"("convertedFromValue":"8.9","currency":"USD","value":"10.8"}})"),
             [](const order& o) {
               EXPECT_EQ(o.currency, "USD");
               EXPECT_EQ(money(o.total_price), "10.80");
             });
}

TEST(EbayMoney, NegativeDiscountStringsSumToAPositiveDiscount) {
  with_order(order_with(R"("pricingSummary":{"priceSubtotal":{"value":"20.00","currency":"USD"},)"
                        R"("priceDiscount":{"value":"-1.00","currency":"USD"},)"
                        R"("deliveryCost":{"value":"5.0","currency":"USD"},)"
                        R"("deliveryDiscount":{"value":"-0.5","currency":"USD"},)"
                        R"("total":{"value":"23.5","currency":"USD"}})"),
             [](const order& o) {
               EXPECT_EQ(money(o.total_discount), "1.50");
               EXPECT_EQ(money(o.total_shipping), "5.00");  // before its discount
               EXPECT_EQ(money(o.total_price), "23.50");
             });
}

TEST(EbayMoney, NoDiscountIsNull) {
  with_order(order_with(""), [](const order& o) { EXPECT_FALSE(o.total_discount); });
}

TEST(EbayMoney, TaxFromPricingSummaryWinsOverLineTaxes) {
  with_order(
      order_with(
          R"("pricingSummary":{"tax":{"value":"1.6","currency":"USD"},)"
          R"("total":{"value":"26.6","currency":"USD"}},)"
          R"("lineItems":[{"lineItemId":"1","taxes":[{"amount":{"value":"9.99","currency":"USD"}}]}])"),
      [](const order& o) { EXPECT_EQ(money(o.total_tax), "1.60"); });
}

TEST(EbayMoney, TaxIsTheSumOfLineTaxesWhenTheOrderStatesNone) {
  with_order(
      order_with(
          R"("lineItems":[{"lineItemId":"1","taxes":[{"amount":{"value":"0.1","currency":"USD"}},)"
          R"({"amount":{"value":"0.25","currency":"USD"}}]},)"
          R"({"lineItemId":"2","taxes":[]}])"),
      [](const order& o) { EXPECT_EQ(money(o.total_tax), "0.35"); });
}

TEST(EbayMoney, LineTaxInAnotherCurrencyIsLeftOutWithWarning) {
  auto warnings = with_order(
      order_with(
          R"("lineItems":[{"lineItemId":"1","taxes":[{"amount":{"value":"0.5","currency":"USD"}}]},)"
          R"({"lineItemId":"2","taxes":[{"amount":{"value":"0.7","currency":"CAD"}}]}])"),
      [](const order& o) { EXPECT_EQ(money(o.total_tax), "0.50"); });
  ASSERT_EQ(warnings.size(), 1u) << describe(warnings);
  EXPECT_EQ(warnings[0].json_pointer, "/lineItems/1/taxes");
  EXPECT_EQ(warnings[0].message,
            "lineItems[1].taxes is in CAD, not the order's currency USD: left out of totalTax");
}

TEST(EbayMoney, NoTaxAnywhereIsNull) {
  with_order(order_with(""), [](const order& o) { EXPECT_FALSE(o.total_tax); });
}

TEST(EbayMoney, AmountInAnotherCurrencyIsLeftOutWithWarning) {
  auto warnings =
      with_order(order_with(R"("pricingSummary":{"deliveryCost":{"value":"4.0","currency":"GBP"},)"
                            R"("total":{"value":"25.0","currency":"EUR"}})"),
                 [](const order& o) {
                   EXPECT_EQ(o.currency, "EUR");
                   EXPECT_EQ(money(o.total_price), "25.00");
                   EXPECT_FALSE(o.total_shipping);
                 });
  ASSERT_EQ(warnings.size(), 1u) << describe(warnings);
  EXPECT_EQ(warnings[0].json_pointer, "/pricingSummary/deliveryCost");
  EXPECT_EQ(warnings[0].message,
            "pricingSummary.deliveryCost is in GBP, not the order's currency EUR: left out");
}

TEST(EbayMoney, CurrencyFallsBackToLinesWithoutPricingSummary) {
  with_order(order_with(R"("pricingSummary":null,"lineItems":[{"lineItemId":"1","quantity":1,)"
                        R"("lineItemCost":{"value":"1500.0","currency":"JPY"}}])"),
             [](const order& o) {
               EXPECT_EQ(o.currency, "JPY");
               EXPECT_FALSE(o.total_price);
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(money(o.line_items[0].price, "JPY"), "1500");
             });
}

TEST(EbayMoney, BareStringAmountIsRejected) {
  const auto rejects = rejects_of(order_with(R"("pricingSummary":{"total":"25.00"})"));
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(rejects[0].error.json_pointer, "/pricingSummary/total");
}

TEST(EbayMoney, MalformedValueIsRejected) {
  const auto rejects = rejects_of(order_with(R"("pricingSummary":{"total":{"value":"12,50"}})"));
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.json_pointer, "/pricingSummary/total/value");
}

// ---------------------------------------------------------------------------
// Line items.

TEST(EbayLines, FieldsAndUnitPriceIsCostOverQuantity) {
  with_order(
      order_with(R"("lineItems":[{"lineItemId":"10042355857307","legacyItemId":"124145389616",)"
                 R"("legacyVariationId":"4000","sku":"34324","title":"NFC & Sticker",)"
                 R"("quantity":4,"lineItemCost":{"value":"10.2","currency":"USD"},)"
                 R"("total":{"value":"9.0","currency":"USD"}}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        const line_item& l = o.line_items[0];
        EXPECT_EQ(l.line_item_id, "10042355857307");
        EXPECT_EQ(l.product_id, "124145389616");
        EXPECT_EQ(l.variant_id, "4000");
        EXPECT_EQ(l.sku, "34324");
        EXPECT_EQ(l.title, "NFC & Sticker");
        EXPECT_EQ(l.quantity, 4);
        EXPECT_EQ(money(l.price), "2.55");  // 10.2 / 4, before discounts
        EXPECT_FALSE(l.unit_cost);
        EXPECT_EQ(l.currency, "USD");
      });
}

TEST(EbayLines, MissingSkuAndVariationAreNull) {
  with_order(order_with(R"("lineItems":[{"lineItemId":"1","quantity":1}])"), [](const order& o) {
    EXPECT_TRUE(o.line_items[0].sku.empty());
    EXPECT_TRUE(o.line_items[0].variant_id.empty());
    EXPECT_FALSE(o.line_items[0].price);
  });
}

TEST(EbayLines, NonTerminatingUnitPriceIsNullWithWarning) {
  auto warnings = with_order(order_with(R"("lineItems":[{"lineItemId":"77","quantity":3,)"
                                        R"("lineItemCost":{"value":"10.00","currency":"USD"}}])"),
                             [](const order& o) { EXPECT_FALSE(o.line_items[0].price); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/lineItems/0");
  EXPECT_NE(warnings[0].message.find("line item 77"), std::string::npos);
}

TEST(EbayLines, ZeroQuantityGivesNoPriceWithWarning) {
  auto warnings = with_order(order_with(R"("lineItems":[{"lineItemId":"5","quantity":0,)"
                                        R"("lineItemCost":{"value":"1.00","currency":"USD"}}])"),
                             [](const order& o) { EXPECT_FALSE(o.line_items[0].price); });
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(EbayLines, LineKeepsItsOwnCurrency) {
  with_order(order_with(R"("lineItems":[{"lineItemId":"1","quantity":1,)"
                        R"("lineItemCost":{"value":"9.5","currency":"GBP"}}])"),
             [](const order& o) {
               EXPECT_EQ(o.currency, "USD");
               EXPECT_EQ(o.line_items[0].currency, "GBP");
             });
}

TEST(EbayLines, EscapedUnicodeTitle) {
  with_order(order_with(R"("lineItems":[{"lineItemId":"1","title":"2 NFC Anh\u00e4nger"}])"),
             [](const order& o) { EXPECT_EQ(o.line_items[0].title, "2 NFC Anh\u00e4nger"); });
}

// ---------------------------------------------------------------------------
// Addresses and customer.

constexpr std::string_view ship_to_full =
    R"("fulfillmentStartInstructions":[{"fulfillmentInstructionsType":"SHIP_TO",)"
    R"("shippingStep":{"shipTo":{"fullName":"Carl Consumer","companyName":"ACME GmbH",)"
    R"("contactAddress":{"addressLine1":"Consumer Str. 42","addressLine2":"Hinterhaus",)"
    R"("city":"M\u00fclheim","stateOrProvince":"NW","postalCode":"45481","countryCode":"DE"},)"
    R"("primaryPhone":{"phoneNumber":"+49 208 123456"},)"
    R"("email":"abc@members.ebay.com"},"shippingCarrierCode":"Deutsche Post"}}])";

TEST(EbayAddress, ShipToIsTheShippingAddress) {
  with_order(order_with(ship_to_full), [](const order& o) {
    ASSERT_TRUE(o.shipping_address);
    const address& a = *o.shipping_address;
    EXPECT_EQ(a.first_name, "Carl Consumer");  // fullName whole, never split
    EXPECT_TRUE(a.last_name.empty());
    EXPECT_EQ(a.company, "ACME GmbH");
    EXPECT_EQ(a.address1, "Consumer Str. 42");
    EXPECT_EQ(a.address2, "Hinterhaus");
    EXPECT_EQ(a.city, "M\u00fclheim");
    EXPECT_EQ(a.region, "NW");
    EXPECT_EQ(a.postal_code, "45481");
    EXPECT_EQ(a.country_code, "DE");
    EXPECT_EQ(a.phone, "+49 208 123456");
  });
}

TEST(EbayAddress, EmptyPrimaryPhoneObjectIsNoPhone) {
  with_order(order_with(R"("fulfillmentStartInstructions":[{"shippingStep":{"shipTo":{)"
                        R"("fullName":"A B","primaryPhone":{},)"
                        R"("contactAddress":{"countryCode":"DE"}}}}])"),
             [](const order& o) {
               ASSERT_TRUE(o.shipping_address);
               EXPECT_TRUE(o.shipping_address->phone.empty());
               ASSERT_TRUE(o.customer);
               EXPECT_TRUE(o.customer->phone.empty());
             });
}

TEST(EbayAddress, BuyerDataRemovedAfter90DaysConvertsWithWhatIsLeft) {
  with_order(order_with(R"("buyer":{"username":"old_buyer","taxAddress":{"countryCode":"US"}},)"
                        R"("fulfillmentStartInstructions":[{"shippingStep":{"shipTo":{)"
                        R"("contactAddress":{"stateOrProvince":"CA","countryCode":"US"},)"
                        R"("primaryPhone":{}}}}])"),
             [](const order& o) {
               ASSERT_TRUE(o.shipping_address);
               EXPECT_TRUE(o.shipping_address->first_name.empty());
               EXPECT_TRUE(o.shipping_address->address1.empty());
               EXPECT_EQ(o.shipping_address->region, "CA");
               EXPECT_EQ(o.shipping_address->country_code, "US");
               EXPECT_FALSE(o.billing_address);
               ASSERT_TRUE(o.customer);
               EXPECT_EQ(o.customer->customer_id, "old_buyer");
               EXPECT_TRUE(o.customer->first_name.empty());
               EXPECT_TRUE(o.customer->email.empty());
             });
}

TEST(EbayAddress, EmptyShipToIsNullAndTheNextInstructionIsUsed) {
  with_order(order_with(R"("fulfillmentStartInstructions":[{"shippingStep":{"shipTo":{}}},)"
                        R"({"shippingStep":{"shipTo":{"contactAddress":{"city":"Reno"}}}}])"),
             [](const order& o) {
               ASSERT_TRUE(o.shipping_address);
               EXPECT_EQ(o.shipping_address->city, "Reno");
             });
  with_order(order_with(R"("fulfillmentStartInstructions":[{"shippingStep":{"shipTo":{}}}])"),
             [](const order& o) { EXPECT_FALSE(o.shipping_address); });
}

TEST(EbayAddress, NoInstructionsNoShippingAddress) {
  with_order(order_with(R"("fulfillmentStartInstructions":[])"),
             [](const order& o) { EXPECT_FALSE(o.shipping_address); });
}

TEST(EbayCustomer, UsernameWithShipToContactWhenNoRegistrationAddress) {
  with_order(order_with(ship_to_full), [](const order& o) {
    ASSERT_TRUE(o.customer);
    EXPECT_EQ(o.customer->customer_id, "buyer_one");
    EXPECT_EQ(o.customer->first_name, "Carl Consumer");
    EXPECT_EQ(o.customer->email, "abc@members.ebay.com");
    EXPECT_EQ(o.customer->phone, "+49 208 123456");
    EXPECT_FALSE(o.billing_address);
  });
}

TEST(EbayCustomer, RegistrationAddressIsBillingAndTheCustomerContact) {
  with_order(
      order_with(std::string(R"("buyer":{"username":"u1","buyerRegistrationAddress":{)"
                             R"("fullName":"Rita Registered","email":"rita@example.com",)"
                             R"("primaryPhone":{"phoneNumber":"555-0100"},)"
                             R"("contactAddress":{"addressLine1":"1 Main St",)"
                             R"("city":"Austin","stateOrProvince":"TX","postalCode":"78701",)"
                             R"("countryCode":"US"}}},)") +
                 std::string(ship_to_full)),
      [](const order& o) {
        ASSERT_TRUE(o.billing_address);
        EXPECT_EQ(o.billing_address->first_name, "Rita Registered");
        EXPECT_EQ(o.billing_address->address1, "1 Main St");
        EXPECT_EQ(o.billing_address->region, "TX");
        EXPECT_EQ(o.billing_address->phone, "555-0100");
        ASSERT_TRUE(o.customer);
        EXPECT_EQ(o.customer->customer_id, "u1");
        EXPECT_EQ(o.customer->first_name, "Rita Registered");
        EXPECT_EQ(o.customer->email, "rita@example.com");
        EXPECT_EQ(o.customer->phone, "555-0100");
        ASSERT_TRUE(o.shipping_address);
        EXPECT_EQ(o.shipping_address->first_name, "Carl Consumer");
      });
}

TEST(EbayCustomer, AuthenticityGuaranteeShipToIsNotTheBuyer) {
  with_order(
      order_with(std::string(R"("program":{"authenticityVerification":{"status":"PENDING"}},)") +
                 std::string(ship_to_full)),
      [](const order& o) {
        ASSERT_TRUE(o.customer);
        EXPECT_EQ(o.customer->customer_id, "buyer_one");
        EXPECT_TRUE(o.customer->first_name.empty());
        EXPECT_TRUE(o.customer->email.empty());
        ASSERT_TRUE(o.shipping_address);  // still where the parcel goes
      });
}

TEST(EbayCustomer, NoBuyerNoShipToIsNull) {
  with_order(order_with(R"("buyer":null)"), [](const order& o) { EXPECT_FALSE(o.customer); });
}

// ---------------------------------------------------------------------------
// Shipments from fulfillmentHrefs.

TEST(EbayShipments, ExpandedFulfillmentsAreShipments) {
  auto warnings = with_order(
      order_with(
          R"("fulfillmentHrefs":[{"fulfillmentId":"9405509699937003457459",)"
          R"("shipmentTrackingNumber":"9405509699937003457459","shippingCarrierCode":"USPS",)"
          R"("shippedDate":"2024-03-02T09:00:00.000Z","lineItems":[{"lineItemId":"100","quantity":2}]},)"
          R"({"fulfillmentId":"x","shippingCarrierCode":"DHL"}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 2u);
        EXPECT_EQ(o.shipments[0].carrier, "USPS");
        EXPECT_EQ(o.shipments[0].tracking_code, "9405509699937003457459");
        EXPECT_TRUE(o.shipments[0].tracking_url.empty());
        EXPECT_EQ(o.shipments[0].status, shipment_status::unknown);
        EXPECT_EQ(o.shipments[1].carrier, "DHL");
        EXPECT_TRUE(o.shipments[1].tracking_code.empty());
      });
  EXPECT_TRUE(warnings.empty()) << describe(warnings);
}

TEST(EbayShipments, UnexpandedUrlWarnsAndConverts) {
  auto warnings = with_order(
      order_with(R"("fulfillmentHrefs":["https://api.ebay.com/sell/fulfillment/v1/order/)"
                 R"(12-34567-89012/shipping_fulfillment/999"])"),
      [](const order& o) { EXPECT_TRUE(o.shipments.empty()); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/fulfillmentHrefs/0");
  EXPECT_EQ(warnings[0].message,
            "fulfillmentHrefs[0] is an unexpanded link (https://api.ebay.com/sell/fulfillment/v1/"
            "order/12-34567-89012/shipping_fulfillment/999): the order lacks that shipping "
            "fulfillment's shipment");
}

TEST(EbayShipments, EmptyArrayHasNoWarning) {
  auto warnings = with_order(order_with(R"("fulfillmentHrefs":[])"),
                             [](const order& o) { EXPECT_TRUE(o.shipments.empty()); });
  EXPECT_TRUE(warnings.empty());
}

TEST(EbayShipments, MixedStringsAndObjects) {
  auto warnings = with_order(
      order_with(
          R"("fulfillmentHrefs":[{"shipmentTrackingNumber":"1Z999","shippingCarrierCode":"UPS"},)"
          R"("https://api.ebay.com/x/shipping_fulfillment/2",)"
          R"({"shipmentTrackingNumber":"00340434","shippingCarrierCode":"DHL"}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 2u);
        EXPECT_EQ(o.shipments[0].tracking_code, "1Z999");
        EXPECT_EQ(o.shipments[1].tracking_code, "00340434");
      });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/fulfillmentHrefs/1");
}

TEST(EbayShipments, WholeShippingFulfillmentsResponseUnderTheKey) {
  auto warnings = with_order(
      order_with(R"("fulfillmentHrefs":{"fulfillments":[{"fulfillmentId":"1",)"
                 R"("shipmentTrackingNumber":"LX123","shippingCarrierCode":"Deutsche Post"}],)"
                 R"("total":1})"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_EQ(o.shipments[0].carrier, "Deutsche Post");
        EXPECT_EQ(o.shipments[0].tracking_code, "LX123");
      });
  EXPECT_TRUE(warnings.empty());
}

TEST(EbayShipments, NumberInFulfillmentHrefsIsRejected) {
  const auto rejects = rejects_of(order_with(R"("fulfillmentHrefs":[42])"));
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(rejects[0].error.json_pointer, "/fulfillmentHrefs/0");
}

// ---------------------------------------------------------------------------
// Detection and envelopes.

TEST(EbayDetect, BareOrderIsDetected) {
  with_order(
      order_with(""), [](const order& o) { EXPECT_EQ(o.platform, platform::ebay); }, autodetect);
}

TEST(EbayDetect, GetOrdersEnvelopeIsUnwrapped) {
  const std::string page = R"({"href":"https://api.ebay.com/sell/fulfillment/v1/order?limit=2",)"
                           R"("total":2,"limit":2,"offset":0,"next":"https://x","orders":[)" +
                           order_with("") + "," + order_with(R"("orderId":"99-00000-00001")") +
                           "]}";
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(page, options_for(autodetect, m));
    EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
    EXPECT_EQ(got.converted, 2u);
    EXPECT_NE(got.ndjson.find(R"("id":"ebay:99-00000-00001")"), std::string::npos);
  }
}

TEST(EbayDetect, EmptyLastPageHasNoOrders) {
  const conversion got =
      convert_text(R"({"href":"h","total":0,"limit":50,"offset":0,"orders":[]})", {});
  EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
  EXPECT_EQ(got.converted, 0u);
}

// Every top-level key of an eBay Order (OAS v1.20.7 Order type).
constexpr std::array<std::string_view, 22> ebay_order_keys{{"orderId",
                                                            "legacyOrderId",
                                                            "creationDate",
                                                            "lastModifiedDate",
                                                            "orderFulfillmentStatus",
                                                            "orderPaymentStatus",
                                                            "sellerId",
                                                            "buyer",
                                                            "buyerCheckoutNotes",
                                                            "pricingSummary",
                                                            "cancelStatus",
                                                            "paymentSummary",
                                                            "fulfillmentStartInstructions",
                                                            "fulfillmentHrefs",
                                                            "lineItems",
                                                            "salesRecordReference",
                                                            "totalFeeBasisAmount",
                                                            "totalMarketplaceFee",
                                                            "ebayCollectAndRemitTax",
                                                            "program",
                                                            "taxDetails",
                                                            "warnings"}};

TEST(EbayDetect, NoOtherPlatformMarkerIsAnEbayOrderKey) {
  for (const detail::platform_info* p :
       {&detail::shopify_platform(), &detail::malomo_platform(), &detail::magento_platform(),
        &detail::bigcommerce_platform(), &detail::woocommerce_platform(), &detail::sfcc_platform(),
        &detail::squarespace_platform()}) {
    for (std::string_view marker : p->marker_keys) {
      EXPECT_EQ(std::find(ebay_order_keys.begin(), ebay_order_keys.end(), marker),
                ebay_order_keys.end())
          << p->name << " marker " << marker << " is an eBay order key";
    }
  }
}

TEST(EbayDetect, MarkersAreEbayOrderKeysButNotEnvelopeKeys) {
  for (std::string_view marker : eb::marker_keys) {
    EXPECT_NE(std::find(ebay_order_keys.begin(), ebay_order_keys.end(), marker),
              ebay_order_keys.end())
        << marker;
    for (std::string_view envelope : {"href", "total", "limit", "offset", "next", "prev", "orders",
                                      "warnings", "fulfillments"}) {
      EXPECT_NE(marker, envelope);
    }
  }
}

}  // namespace
