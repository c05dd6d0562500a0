// The WooCommerce mapping (mappings/woocommerce.hpp): one test per status-table
// row and per quirk rule. Every conversion runs under both mappers.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/woocommerce.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

namespace wc = ordernorm::mappings::woocommerce;
constexpr std::optional<platform> woocommerce = platform::woocommerce;
constexpr std::optional<platform> autodetect = std::nullopt;

using probe = order_probe;  // test_support.hpp

// Runs `check` on the one order of `json` under both mappers; returns the
// warnings of the fast run.
std::vector<record_warning> with_order(std::string_view json,
                                       const std::function<void(const order&)>& check,
                                       std::optional<platform> from = woocommerce) {
  std::vector<record_warning> first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    probe p(check);
    converter conv(options_for(from, m));
    conv.convert(json, p);
    EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
    EXPECT_EQ(p.orders, 1);
    if (m == mapper::fast)
      first = p.warnings;
    else
      EXPECT_EQ(p.warnings.size(), first.size());
  }
  return first;
}

// A WooCommerce order with the given members first (the first key wins).
std::string order_with(std::string_view members) {
  std::string o = "{";
  if (!members.empty()) o += std::string(members) + ",";
  o += R"("id":727,"number":"727","order_key":"wc_order_x","status":"processing",)"
       R"("currency":"USD","date_created_gmt":"2017-03-22T19:28:02","total":"29.35",)"
       R"("customer_id":0,"billing":{"email":"john.doe@example.com"}})";
  return o;
}

std::string formatted(const std::optional<timestamp>& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

std::string money(const opt_money& m) {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, -1));
}

struct expected_status {
  order_status order;
  payment_status payment;
  fulfillment_status fulfillment;
};

// The three statuses of an order with `status` (and no date_paid).
void expect_status(std::string_view status, expected_status e, bool deleted = false) {
  with_order(order_with(R"("status":")" + std::string(status) + "\""), [&](const order& o) {
    EXPECT_EQ(o.order_status, e.order);
    EXPECT_EQ(o.payment_status, e.payment);
    EXPECT_EQ(o.fulfillment_status, e.fulfillment);
    EXPECT_EQ(o.order_status_raw, status);
    EXPECT_TRUE(o.payment_status_raw.empty());
    EXPECT_TRUE(o.fulfillment_status_raw.empty());
    EXPECT_EQ(o.remote_deleted, deleted);
  });
}

using os = order_status;
using ps = payment_status;
using fs = fulfillment_status;

// ---------------------------------------------------------------------------
// The status table, a test per row.

TEST(WooCommerceStatus, Pending) {
  expect_status("pending", {os::pending, ps::pending, fs::unfulfilled});
}
TEST(WooCommerceStatus, Processing) {
  expect_status("processing", {os::active, ps::paid, fs::unfulfilled});
}
TEST(WooCommerceStatus, OnHold) {
  expect_status("on-hold", {os::on_hold, ps::pending, fs::unfulfilled});
}
TEST(WooCommerceStatus, Completed) {
  expect_status("completed", {os::completed, ps::paid, fs::fulfilled});
}
TEST(WooCommerceStatus, Cancelled) {
  expect_status("cancelled", {os::cancelled, ps::voided, fs::unfulfilled});
}
TEST(WooCommerceStatus, Refunded) {
  expect_status("refunded", {os::completed, ps::refunded, fs::unknown});
}
TEST(WooCommerceStatus, Failed) {
  expect_status("failed", {os::cancelled, ps::failed, fs::unfulfilled});
}
TEST(WooCommerceStatus, TrashIsRemoteDeleted) {
  expect_status("trash", {os::unknown, ps::unknown, fs::unknown}, true);
}
TEST(WooCommerceStatus, CheckoutDraft) {
  expect_status("checkout-draft", {os::pending, ps::pending, fs::unfulfilled});
}
TEST(WooCommerceStatus, Draft) {
  expect_status("draft", {os::pending, ps::pending, fs::unfulfilled});
}
TEST(WooCommerceStatus, AutoDraft) {
  expect_status("auto-draft", {os::pending, ps::pending, fs::unfulfilled});
}
TEST(WooCommerceStatus, New) { expect_status("new", {os::pending, ps::pending, fs::unfulfilled}); }

TEST(WooCommerceStatus, TableCoversTheOrderStatusEnum) {
  EXPECT_EQ(wc::statuses.size(), 12u);
  for (const wc::status_row& row : wc::statuses) {
    EXPECT_EQ(wc::status_for(row.raw).raw, row.raw);
  }
}

TEST(WooCommerceStatus, PluginStatusShippedIsUnknownWithRawKept) {
  expect_status("shipped", {os::unknown, ps::unknown, fs::unknown});
}

TEST(WooCommerceStatus, EmptyStatusIsUnknownWithoutRaw) {
  with_order(order_with(R"("status":"")"), [](const order& o) {
    EXPECT_EQ(o.order_status, os::unknown);
    EXPECT_TRUE(o.order_status_raw.empty());
  });
}

// ---------------------------------------------------------------------------
// Payment refinements.

TEST(WooCommercePayment, DatePaidMakesPendingOrCancelledPaid) {
  for (std::string_view status : {"on-hold", "cancelled", "pending"}) {
    with_order(order_with(R"("status":")" + std::string(status) +
                          R"(","date_paid_gmt":"2017-03-22T19:28:08")"),
               [](const order& o) { EXPECT_EQ(o.payment_status, ps::paid); });
  }
}

TEST(WooCommercePayment, SiteLocalDatePaidCountsToo) {
  with_order(order_with(R"("status":"on-hold","date_paid":"2017-03-22 16:28:08")"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::paid); });
}

TEST(WooCommercePayment, DatePaidDoesNotOverrideFailedOrUnknown) {
  with_order(order_with(R"("status":"failed","date_paid_gmt":"2017-03-22T19:28:08")"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::failed); });
  with_order(order_with(R"("status":"shipped","date_paid_gmt":"2017-03-22T19:28:08")"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::unknown); });
}

TEST(WooCommercePayment, PartialRefundSummaryIsPartiallyRefunded) {
  with_order(order_with(R"("refunds":[{"id":1,"reason":"","total":"-10.00"}])"),
             [](const order& o) {
               EXPECT_EQ(o.payment_status, ps::partially_refunded);
               EXPECT_EQ(money(o.total_price), "29.35");  // totals as placed
             });
}

TEST(WooCommercePayment, RefundsAddingUpToTotalAreRefunded) {
  with_order(order_with(R"("refunds":[{"id":1,"refund":"","total":"-29.00"},)"
                        R"({"id":2,"refund":"x","total":"-0.35"}])"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::refunded); });
}

TEST(WooCommercePayment, RefundKeyReasonOrRefundConvertAlike) {
  for (std::string_view key : {"reason", "refund"}) {
    with_order(order_with(R"("refunds":[{"id":1,")" + std::string(key) +
                          R"(":"Damaged","total":"-1.00"}])"),
               [](const order& o) { EXPECT_EQ(o.payment_status, ps::partially_refunded); });
  }
}

TEST(WooCommercePayment, ZeroRefundChangesNothing) {
  with_order(order_with(R"("refunds":[{"id":1,"reason":"","total":"-0.00"}])"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::paid); });
}

TEST(WooCommercePayment, RefundWithoutTotalIsPartial) {
  with_order(order_with(R"("total":null,"refunds":[{"id":1,"total":"-5.00"}])"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::partially_refunded); });
}

// ---------------------------------------------------------------------------
// Times.

TEST(WooCommerceTime, GmtIsUtcWithoutZ) {
  with_order(order_with(""), [](const order& o) {
    EXPECT_EQ(formatted(o.remote_created_at), "2017-03-22T19:28:02.000Z");
  });
}

TEST(WooCommerceTime, GmtWinsOverSiteLocalWhicheverComesFirst) {
  with_order(
      order_with(R"("date_created":"2017-03-22T16:28:02","date_modified":"2017-03-22T16:28:08",)"
                 R"("date_modified_gmt":"2017-03-22T19:28:08")"),
      [](const order& o) {
        EXPECT_EQ(formatted(o.remote_created_at), "2017-03-22T19:28:02.000Z");
        EXPECT_EQ(formatted(o.remote_updated_at), "2017-03-22T19:28:08.000Z");
      });
}

TEST(WooCommerceTime, SiteLocalWithoutGmtIsKeptLocalNotShifted) {
  with_order(order_with(R"("date_created_gmt":null,"date_created":"2017-03-22T16:28:02")"),
             [](const order& o) {
               ASSERT_TRUE(o.remote_created_at);
               EXPECT_TRUE(o.remote_created_at->local);
               EXPECT_EQ(formatted(o.remote_created_at), "2017-03-22T16:28:02.000");
             });
}

TEST(WooCommerceTime, GmtWithOffsetIsAnInstant) {
  with_order(order_with(R"("date_created_gmt":"2017-03-22T19:28:02+00:00")"), [](const order& o) {
    EXPECT_EQ(formatted(o.remote_created_at), "2017-03-22T19:28:02.000Z");
  });
}

// ---------------------------------------------------------------------------
// Money and lines.

TEST(WooCommerceLines, PriceIsSubtotalOverQuantityBeforeDiscounts) {
  with_order(
      order_with(
          R"("line_items":[{"id":1,"quantity":2,"subtotal":"20.00","total":"18.00","price":9}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(money(o.line_items[0].price), "10.00");
      });
}

TEST(WooCommerceLines, NumberPriceStandsInWhenUndiscountedQuotientDoesNotTerminate) {
  auto warnings = with_order(
      order_with(R"("line_items":[{"id":1,"quantity":3,"subtotal":"25.21","total":"25.21",)"
                 R"("price":8.403361344537815}])"),
      [](const order& o) { EXPECT_EQ(money(o.line_items[0].price), "8.403361344537815"); });
  EXPECT_TRUE(warnings.empty());
}

TEST(WooCommerceLines, DiscountedNonTerminatingPriceIsNullWithWarning) {
  auto warnings = with_order(
      order_with(
          R"("line_items":[{"id":93,"quantity":3,"subtotal":"10.00","total":"9.00","price":3}])"),
      [](const order& o) { EXPECT_FALSE(o.line_items[0].price); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("line item 93"), std::string::npos);
  EXPECT_EQ(warnings[0].json_pointer, "/line_items/0");
}

TEST(WooCommerceLines, PriceAsStringIsExact) {
  with_order(
      order_with(
          R"("line_items":[{"id":1,"quantity":1,"subtotal":"4.50","total":"4.50","price":"4.50"}])"),
      [](const order& o) { EXPECT_EQ(money(o.line_items[0].price), "4.50"); });
}

TEST(WooCommerceLines, ZeroProductAndVariationIdsAreNull) {
  with_order(order_with(R"("line_items":[{"id":1,"product_id":0,"variation_id":0,"quantity":1}])"),
             [](const order& o) {
               EXPECT_TRUE(o.line_items[0].product_id.empty());
               EXPECT_TRUE(o.line_items[0].variant_id.empty());
               EXPECT_EQ(o.line_items[0].currency, "USD");
             });
}

TEST(WooCommerceLines, HtmlEntitiesInNameAreDecoded) {
  with_order(
      order_with(
          R"("line_items":[{"id":1,"name":"Ship Your Idea &ndash; Black &amp; White &#8217;&#x2019;"}])"),
      [](const order& o) {
        EXPECT_EQ(o.line_items[0].title, "Ship Your Idea \u2013 Black & White \u2019\u2019");
      });
}

TEST(WooCommerceLines, UnknownOrBrokenEntitiesAreKept) {
  std::string out;
  EXPECT_FALSE(wc::decode_html_entities("AT&T", out));
  EXPECT_FALSE(wc::decode_html_entities("Rock &unknown; Roll", out));
  EXPECT_FALSE(wc::decode_html_entities("&#0; &#xD800; &#;", out));
  EXPECT_TRUE(wc::decode_html_entities("AT&T &amp; Co", out));
  EXPECT_EQ(out, "AT&T & Co");
}

TEST(WooCommerceMoney, ExactQuotient) {
  EXPECT_EQ(wc::exact_quotient(decimal(600, 2), 2), decimal(300, 2));
  EXPECT_EQ(wc::exact_quotient(decimal(500, 2), 8), decimal(625, 3));
  EXPECT_FALSE(wc::exact_quotient(decimal(1000, 2), 3));
  EXPECT_FALSE(wc::exact_quotient(decimal(1000, 2), 0));
  EXPECT_EQ(wc::exact_quotient(decimal(-900, 2), 1), decimal(-900, 2));
}

TEST(WooCommerceMoney, MissingShippingAndDiscountTotalsAreSumsOfTheirLines) {
  with_order(order_with(R"("shipping_lines":[{"total":"4.50"},{"total":"1.25"}],)"
                        R"("coupon_lines":[{"discount":"2.00"},{"discount":"0.005"}])"),
             [](const order& o) {
               EXPECT_EQ(money(o.total_shipping), "5.75");
               EXPECT_EQ(money(o.total_discount), "2.005");
             });
}

TEST(WooCommerceMoney, StatedTotalsWinOverLines) {
  with_order(order_with(R"("shipping_total":"10.00","shipping_lines":[{"total":"4.50"}])"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping), "10.00"); });
}

// ---------------------------------------------------------------------------
// Customers and addresses.

TEST(WooCommerceCustomer, GuestIdZeroIsNullButContactKept) {
  with_order(order_with(""), [](const order& o) {
    ASSERT_TRUE(o.customer);
    EXPECT_TRUE(o.customer->customer_id.empty());
    EXPECT_EQ(o.customer->email, "john.doe@example.com");
  });
}

TEST(WooCommerceCustomer, RegisteredCustomerKeepsId) {
  with_order(order_with(R"("customer_id":17)"),
             [](const order& o) { EXPECT_EQ(o.customer->customer_id, "17"); });
}

TEST(WooCommerceCustomer, GuestWithEmptyBillingIsNull) {
  with_order(order_with(R"("billing":{"first_name":"","email":"","phone":""})"),
             [](const order& o) {
               EXPECT_FALSE(o.customer);
               EXPECT_FALSE(o.billing_address);
             });
}

TEST(WooCommerceAddress, AllEmptyShippingBlockIsNull) {
  with_order(
      order_with(R"("shipping":{"first_name":"","last_name":"","address_1":"","country":""})"),
      [](const order& o) { EXPECT_FALSE(o.shipping_address); });
}

TEST(WooCommerceAddress, FreeTextStateKeptAsGiven) {
  with_order(order_with(R"("shipping":{"city":"Dublin","state":"Co. Dublin","country":"IE"})"),
             [](const order& o) {
               ASSERT_TRUE(o.shipping_address);
               EXPECT_EQ(o.shipping_address->region, "Co. Dublin");
               EXPECT_EQ(o.shipping_address->country_code, "IE");
             });
}

// ---------------------------------------------------------------------------
// Tracking.

TEST(WooCommerceTracking, ShipmentTrackingItemsAreShipments) {
  with_order(
      order_with(
          R"("meta_data":[{"id":1,"key":"_wc_shipment_tracking_items","value":[)"
          R"({"tracking_provider":"usps","tracking_number":"9400","date_shipped":"1600128000"},)"
          R"({"tracking_provider":"","custom_tracking_provider":"An Post",)"
          R"("custom_tracking_link":"https://t.example/RX1","tracking_number":"RX1"}]}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 2u);
        EXPECT_EQ(o.shipments[0].carrier, "usps");
        EXPECT_EQ(o.shipments[0].tracking_code, "9400");
        EXPECT_TRUE(o.shipments[0].tracking_url.empty());
        EXPECT_EQ(o.shipments[0].status, shipment_status::unknown);
        EXPECT_EQ(o.shipments[1].carrier, "An Post");
        EXPECT_EQ(o.shipments[1].tracking_url, "https://t.example/RX1");
      });
}

TEST(WooCommerceTracking, MetaValueBeforeKeyIsRead) {
  with_order(
      order_with(R"("meta_data":[{"value":[{"tracking_provider":"ups","tracking_number":"1Z"}],)"
                 R"("key":"_wc_shipment_tracking_items","id":3}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_EQ(o.shipments[0].tracking_code, "1Z");
      });
}

TEST(WooCommerceTracking, ItemsAsPhpObjectWithHoles) {
  with_order(order_with(R"("meta_data":[{"key":"_wc_shipment_tracking_items","value":)"
                        R"({"0":{"tracking_provider":"dhl","tracking_number":"J1"},"2":null}}])"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(o.shipments[0].carrier, "dhl");
             });
}

TEST(WooCommerceTracking, EmptyStringItemsMeanNone) {
  with_order(order_with(R"("meta_data":[{"key":"_wc_shipment_tracking_items","value":""}])"),
             [](const order& o) { EXPECT_TRUE(o.shipments.empty()); });
}

TEST(WooCommerceTracking, LegacySingleKeysOnlyWithoutItems) {
  with_order(
      order_with(
          R"("meta_data":[{"key":"_tracking_provider","value":"fedex"},)"
          R"({"key":"_tracking_number","value":"7712"},{"key":"_date_shipped","value":"1386720000"}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_EQ(o.shipments[0].carrier, "fedex");
        EXPECT_EQ(o.shipments[0].tracking_code, "7712");
      });
}

TEST(WooCommerceTracking, OtherMetaValuesOfAnyShapeAreSkipped) {
  with_order(order_with(R"("meta_data":[{"key":"econt","value":{"a":[1,{"b":null}]}},)"
                        R"({"key":"_x","value":[["nested"]]},{"key":"n","value":12.5}])"),
             [](const order& o) { EXPECT_TRUE(o.shipments.empty()); });
}

TEST(WooCommerceTracking, FulfilledCoreFulfillmentsAreShipmentsDraftsAndDeletedAreNot) {
  with_order(
      order_with(
          R"("fulfillments":[)"
          R"({"id":1,"status":"fulfilled","is_fulfilled":true,"date_deleted":null,"meta_data":[)"
          R"({"key":"_tracking_number","value":"1Z999AA1234567890"},{"key":"_shipping_provider","value":"ups"}]},)"
          R"({"id":2,"status":"unfulfilled","is_fulfilled":false,"meta_data":[{"key":"_tracking_number","value":"D"}]},)"
          R"({"id":3,"status":"fulfilled","is_fulfilled":true,"date_deleted":"2024-01-16T00:00:00",)"
          R"("meta_data":[{"key":"_tracking_number","value":"X"}]}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_EQ(o.shipments[0].carrier, "ups");
        EXPECT_EQ(o.shipments[0].tracking_code, "1Z999AA1234567890");
      });
}

TEST(WooCommerceTracking, CustomFulfillmentStatusCountsWhenFulfilled) {
  with_order(order_with(R"("fulfillments":[{"status":"handed-over","is_fulfilled":true,)"
                        R"("meta_data":[{"key":"_tracking_number","value":"T"}]}])"),
             [](const order& o) { EXPECT_EQ(o.shipments.size(), 1u); });
}

// ---------------------------------------------------------------------------
// Shapes and detection.

TEST(WooCommerceShape, DetectedByMarkerKeys) {
  with_order(
      order_with(""), [](const order& o) { EXPECT_EQ(o.platform, platform::woocommerce); },
      autodetect);
}

TEST(WooCommerceShape, BareArrayAndEnvelopeLists) {
  std::string two = order_with("");
  two += ',';
  two += order_with(R"("id":728)");
  std::string bare = "[";
  bare += two;
  bare += ']';
  std::string envelope = R"({"orders":[)";
  envelope += two;
  envelope += "]}";
  for (const std::string& doc : {bare, envelope}) {
    const conversion got = convert_text(doc, options_for(autodetect, mapper::fast));
    EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
    EXPECT_EQ(got.converted, 2u);
  }
}

TEST(WooCommerceShape, RefundResourceIsNotAnOrder) {
  const conversion got = convert_text(
      R"({"id":726,"date_created":"2017-03-21T17:07:11","date_created_gmt":"2017-03-21T20:07:11",)"
      R"("amount":"10.00","reason":"","refunded_by":1,"refunded_payment":false,"line_items":[]})",
      options_for(autodetect, mapper::fast));
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::unknown_platform);
}

TEST(WooCommerceShape, NumberWithPluginPrefixKeptAsGiven) {
  with_order(order_with(R"("number":"WC-1001")"), [](const order& o) {
    EXPECT_EQ(o.order_number, "WC-1001");
    EXPECT_EQ(o.remote_id, "727");
    EXPECT_EQ(o.id, "woocommerce:727");
  });
}

TEST(WooCommerceShape, WrongTypeIsRejected) {
  const conversion got =
      convert_text(order_with(R"("total":{"x":1})"), options_for(woocommerce, mapper::fast));
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(got.rejects[0].error.json_pointer, "/total");
}

// ---------------------------------------------------------------------------
// Issue 13: fractional quantities, numbers in text fields, composite and
// bundled products.

std::string quantity_text(const std::optional<quantity>& q) {
  if (!q) return "null";
  char buf[decimal::max_chars];
  return std::string(q->format(buf));
}

// Rejects of `json` under both mappers (each must give the same).
std::vector<reject_entry> rejects_of(std::string_view json) {
  std::vector<reject_entry> first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(json, options_for(woocommerce, m));
    if (m == mapper::fast) {
      first = got.rejects;
    } else {
      EXPECT_EQ(got.rejects.size(), first.size());
    }
  }
  return first;
}

// A decimal-quantity plugin's line (the WooCommerce iOS app decodes such a
// quantity): 1.5 kg at 3.00 a kg. The order converts; the quantity is 1.5
// exactly and the unit price is subtotal / 1.5, exactly.
TEST(WooCommerce, FractionalQuantityIsExact) {
  with_order(order_with(R"("line_items":[{"id":1,"quantity":1.5,"subtotal":"4.50",)"
                        R"("total":"4.50","price":3}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(quantity_text(o.line_items[0].quantity), "1.5");
               EXPECT_FALSE(o.line_items[0].quantity->is_whole());
               EXPECT_EQ(money(o.line_items[0].price), "3.00");
             });
}

TEST(WooCommerce, FractionalQuantityUnitPriceThatDoesNotTerminateIsWooCommercesOwn) {
  // 10.00 / 0.3 = 33.33...: not exact; no discount, so `price` stands in.
  with_order(order_with(R"("line_items":[{"id":1,"quantity":0.3,"subtotal":"10.00",)"
                        R"("total":"10.00","price":33.333333333333336}])"),
             [](const order& o) {
               EXPECT_EQ(quantity_text(o.line_items[0].quantity), "0.3");
               EXPECT_EQ(money(o.line_items[0].price), "33.333333333333336");
             });
}

TEST(WooCommerce, WholeQuantityWrittenAsDecimalIsWhole) {
  with_order(order_with(R"("line_items":[{"id":1,"quantity":2.0,"subtotal":"5.00"}])"),
             [](const order& o) {
               EXPECT_TRUE(o.line_items[0].quantity == 2);
               EXPECT_EQ(quantity_text(o.line_items[0].quantity), "2");
               EXPECT_EQ(money(o.line_items[0].price), "2.50");
             });
}

TEST(WooCommerce, NumericSkuIsItsText) {
  with_order(
      order_with(R"("line_items":[{"id":1,"sku":123,"quantity":1},)"
                 R"({"id":2,"sku":1.50,"quantity":1},{"id":3,"sku":12345678901234567890123}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 3u);
        EXPECT_EQ(o.line_items[0].sku, "123");
        EXPECT_EQ(o.line_items[1].sku, "1.50") << "the number's text as written";
        EXPECT_EQ(o.line_items[2].sku, "12345678901234567890123") << "no double";
      });
}

TEST(WooCommerce, NumericNameAndAddressFieldsAreTheirText) {
  with_order(order_with(R"("billing":{"first_name":"Ann","phone":5551234567,"address_1":42,)"
                        R"("email":"a@example.com"},"line_items":[{"id":1,"name":2024}])"),
             [](const order& o) {
               ASSERT_TRUE(o.billing_address.has_value());
               EXPECT_EQ(o.billing_address->phone, "5551234567");
               EXPECT_EQ(o.billing_address->address1, "42");
               EXPECT_EQ(o.line_items[0].title, "2024");
             });
}

TEST(WooCommerce, ArrayOrObjectOrBooleanInATextFieldIsWrongType) {
  for (const std::string_view sku : {"[123]", R"({"a":1})", "true"}) {
    SCOPED_TRACE(sku);
    const auto rejects =
        rejects_of(order_with(R"("line_items":[{"id":1,"sku":)" + std::string(sku) + "}]"));
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].error.code, error_code::wrong_type);
    EXPECT_EQ(rejects[0].error.json_pointer, "/line_items/0/sku");
  }
}

// Composite Products: the container line carries the composite's price and
// `composite_children`; each component names it in `composite_parent`, at
// 0.00 when the components are not priced individually (the 4-line order of
// issue 13). One line: the container's, at the container's price.
TEST(WooCommerce, CompositeChildrenFoldIntoParentLine) {
  with_order(
      order_with(
          R"("line_items":[)"
          R"({"id":501,"name":"Custom PC","product_id":90,"quantity":1,"subtotal":"2300.00",)"
          R"("total":"2300.00","price":2300,"composite_parent":"","composite_children":[502,503,504]},)"
          R"({"id":502,"name":"CPU","product_id":91,"quantity":1,"subtotal":"0.00","total":"0.00",)"
          R"("price":0,"composite_parent":501,"composite_children":[]},)"
          R"({"id":503,"name":"Case","product_id":92,"quantity":1,"subtotal":"0.00","total":"0.00",)"
          R"("price":0,"composite_parent":"501","composite_children":[]},)"
          R"({"id":504,"name":"RAM","product_id":93,"quantity":1,"subtotal":"0.00","total":"0.00",)"
          R"("price":0,"composite_parent":501,"composite_children":[]}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        const line_item& l = o.line_items[0];
        EXPECT_EQ(l.line_item_id, "501");
        EXPECT_EQ(l.product_id, "90");
        EXPECT_EQ(l.title, "Custom PC");
        EXPECT_EQ(quantity_text(l.quantity), "1");
        EXPECT_EQ(money(l.price), "2300.00");
      });
}

// Product Bundles, items priced individually: the container has its base
// price, each bundled item its own line total for all bundles bought. The
// folded line's unit price is everything per bundle: (20.00 + 30.00 + 8.00)
// / 2 = 29.00, so the line still adds up to the order's subtotal (58.00).
TEST(WooCommerce, BundledItemsFoldIntoParentLineIndividuallyPriced) {
  with_order(
      order_with(
          R"("line_items":[)"
          R"({"id":10,"name":"Gift box","product_id":70,"sku":"BOX","quantity":2,"subtotal":"20.00",)"
          R"("total":"20.00","price":10,"bundled_by":"","bundled_item_title":"","bundled_items":[11,12]},)"
          R"({"id":11,"name":"Tea","product_id":71,"quantity":2,"subtotal":"30.00","total":"30.00",)"
          R"("price":15,"bundled_by":10,"bundled_item_title":"Tea","bundled_items":[],)"
          R"("meta_data":[{"id":1,"key":"_bundled_item_priced_individually","value":"yes"}]},)"
          R"({"id":12,"name":"Mug","product_id":72,"quantity":4,"subtotal":"8.00","total":"8.00",)"
          R"("price":2,"bundled_by":10,"bundled_item_title":"Mug","bundled_items":[],)"
          R"("meta_data":[{"id":2,"key":"_bundled_item_priced_individually","value":"yes"}]},)"
          R"({"id":13,"name":"Card","product_id":73,"quantity":1,"subtotal":"3.00","total":"3.00",)"
          R"("price":3,"bundled_by":"","bundled_items":[]}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 2u);
        EXPECT_EQ(o.line_items[0].line_item_id, "10");
        EXPECT_EQ(o.line_items[0].sku, "BOX");
        EXPECT_EQ(quantity_text(o.line_items[0].quantity), "2");
        EXPECT_EQ(money(o.line_items[0].price), "29.00");
        EXPECT_EQ(o.line_items[1].line_item_id, "13") << "a product outside the bundle";
        EXPECT_EQ(money(o.line_items[1].price), "3.00");
      });
}

// Product Bundles, items not priced individually: they come at 0.00 and the
// container's price is the bundle's.
TEST(WooCommerce, BundledItemsFoldIntoParentLineNotIndividuallyPriced) {
  with_order(
      order_with(
          R"("line_items":[)"
          R"({"id":10,"name":"Starter kit","quantity":3,"subtotal":"45.00","total":"45.00",)"
          R"("price":15,"bundled_by":"","bundled_items":[11]},)"
          R"({"id":11,"name":"Brush","quantity":3,"subtotal":"0.00","total":"0.00","price":0,)"
          R"("bundled_by":"10","bundled_items":[],)"
          R"("meta_data":[{"id":1,"key":"_bundled_item_priced_individually","value":"no"}]}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(o.line_items[0].title, "Starter kit");
        EXPECT_EQ(quantity_text(o.line_items[0].quantity), "3");
        EXPECT_EQ(money(o.line_items[0].price), "15.00");
      });
}

// A discounted bundle: the price is before discounts (the subtotals' sum).
TEST(WooCommerce, BundledItemsFoldIntoParentLineBeforeDiscounts) {
  with_order(order_with(R"("line_items":[)"
                        R"({"id":1,"quantity":1,"subtotal":"5.00","total":"4.00","price":4},)"
                        R"({"id":2,"quantity":1,"subtotal":"5.00","total":"4.00","price":4,)"
                        R"("bundled_by":1}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(money(o.line_items[0].price), "10.00");
             });
}

// A bundle inside a composite folds into the outermost container.
TEST(WooCommerce, NestedBundleInCompositeFoldsIntoOutermostLine) {
  with_order(order_with(R"("line_items":[)"
                        R"({"id":1,"quantity":1,"subtotal":"100.00"},)"
                        R"({"id":2,"quantity":1,"subtotal":"10.00","composite_parent":1},)"
                        R"({"id":3,"quantity":2,"subtotal":"6.00","bundled_by":2}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].line_item_id, "1");
               EXPECT_EQ(money(o.line_items[0].price), "116.00");
             });
}

// A component whose container is not in the order (a `_fields=` trimmed
// response) is a line of its own rather than lost; so are two lines that
// name each other.
TEST(WooCommerce, ChildWhoseParentIsMissingIsItsOwnLine) {
  with_order(order_with(R"("line_items":[{"id":2,"quantity":1,"subtotal":"1.00","bundled_by":99},)"
                        R"({"id":3,"quantity":1,"subtotal":"1.00","composite_parent":4},)"
                        R"({"id":4,"quantity":1,"subtotal":"2.00","composite_parent":3}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 3u);
               EXPECT_EQ(o.line_items[0].line_item_id, "2");
               EXPECT_EQ(o.line_items[1].line_item_id, "3");
               EXPECT_EQ(o.line_items[2].line_item_id, "4");
             });
}

}  // namespace
