// The Salesforce B2C Commerce mapping (mappings/sfcc.hpp): one test per
// status-table row, per status combination that matters and per quirk rule.
// Every conversion runs under both mappers.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/sfcc.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

namespace sf = ordernorm::mappings::sfcc;
constexpr std::optional<platform> sfcc = platform::sfcc;
constexpr std::optional<platform> autodetect = std::nullopt;

using probe = order_probe;  // test_support.hpp

// Runs `check` on every order of `json` under both mappers (expecting
// `count` orders, no rejects, and the same warnings); returns the warnings of
// the fast run.
std::vector<record_warning> with_orders(std::string_view json,
                                        const std::function<void(const order&)>& check,
                                        std::optional<platform> from = sfcc, int count = 1) {
  std::vector<record_warning> first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    probe p(check);
    converter conv(options_for(from, m));
    conv.convert(json, p);
    EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
    EXPECT_EQ(p.orders, count);
    if (m == mapper::fast) {
      first = p.warnings;
    } else {
      EXPECT_EQ(p.warnings.size(), first.size());
      for (std::size_t i = 0; i < first.size() && i < p.warnings.size(); ++i) {
        EXPECT_EQ(p.warnings[i].message, first[i].message);
        EXPECT_EQ(p.warnings[i].json_pointer, first[i].json_pointer);
      }
    }
  }
  return first;
}

std::vector<record_warning> with_order(std::string_view json,
                                       const std::function<void(const order&)>& check,
                                       std::optional<platform> from = sfcc) {
  return with_orders(json, check, from, 1);
}

// A SCAPI order with the given members first (the first of a duplicate key wins).
std::string order_with(std::string_view members) {
  std::string o = "{";
  if (!members.empty()) o += std::string(members) + ",";
  o += R"("orderNo":"00000001","currency":"USD","orderTotal":10.5})";
  return o;
}

std::string money(const opt_money& m, std::string_view currency = "USD") {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, currency_minor_units(currency)));
}

std::string formatted(const opt_time& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

// Built by appending: GCC 12 -O3 raises a false -Wrestrict on "literal" + std::string&&.
std::string quoted(std::string_view s) {
  std::string out(1, '"');
  out += s;
  out += '"';
  return out;
}

// ---------------------------------------------------------------------------
// `status` rows (with no other status field, so the row alone speaks).

struct order_row_case {
  std::string_view raw;
  order_status expected;
};

TEST(SfccStatus, EveryOrderStatusRow) {
  const order_row_case cases[] = {
      {"created", order_status::pending},     {"new", order_status::active},
      {"open", order_status::active},         {"completed", order_status::completed},
      {"cancelled", order_status::cancelled}, {"replaced", order_status::cancelled},
      {"failed", order_status::cancelled},
  };
  ASSERT_EQ(std::size(cases), sf::order_statuses.size());
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.raw));
    with_order(order_with(R"("status":)" + quoted(c.raw)), [&](const order& o) {
      EXPECT_EQ(o.order_status, c.expected);
      EXPECT_EQ(o.order_status_raw, c.raw);
    });
  }
}

TEST(SfccStatus, UnknownOrderStatusKeepsRaw) {
  with_order(order_with(R"("status":"failed_with_reopen")"), [](const order& o) {
    EXPECT_EQ(o.order_status, order_status::unknown);
    EXPECT_EQ(o.order_status_raw, "failed_with_reopen");
  });
}

TEST(SfccStatus, AbsentStatusesAreUnknownWithNullRaw) {
  with_order(order_with(""), [](const order& o) {
    EXPECT_EQ(o.order_status, order_status::unknown);
    EXPECT_EQ(o.payment_status, payment_status::unknown);
    EXPECT_EQ(o.fulfillment_status, fulfillment_status::unknown);
    EXPECT_TRUE(o.order_status_raw.empty());
    EXPECT_TRUE(o.payment_status_raw.empty());
    EXPECT_TRUE(o.fulfillment_status_raw.empty());
  });
}

// `paymentStatus` rows, on a new (placed) order, in both spellings.
TEST(SfccStatus, EveryPaymentStatusRow) {
  const std::pair<std::string_view, payment_status> cases[] = {
      {"not_paid", payment_status::pending},
      {"part_paid", payment_status::partially_paid},
      {"paid", payment_status::paid},
      {"authorized", payment_status::unknown},  // not SFCC's: unknown, raw kept
  };
  for (const auto& row : cases) {  // clang 14 cannot capture a structured binding
    const auto& raw = row.first;
    const auto& expected = row.second;
    for (std::string_view key : {"paymentStatus", "payment_status"}) {
      SCOPED_TRACE(std::string(key) + "=" + std::string(raw));
      with_order(order_with(R"("status":"new",)" + quoted(key) + ":" + quoted(raw)),
                 [&](const order& o) {
                   EXPECT_EQ(o.payment_status, expected);
                   EXPECT_EQ(o.payment_status_raw, raw);
                 });
    }
  }
}

// `shippingStatus` rows, in both spellings.
TEST(SfccStatus, EveryShippingStatusRow) {
  const std::pair<std::string_view, fulfillment_status> cases[] = {
      {"not_shipped", fulfillment_status::unfulfilled},
      {"part_shipped", fulfillment_status::partial},
      {"shipped", fulfillment_status::fulfilled},
      {"in_transit", fulfillment_status::unknown},
  };
  for (const auto& row : cases) {  // clang 14 cannot capture a structured binding
    const auto& raw = row.first;
    const auto& expected = row.second;
    for (std::string_view key : {"shippingStatus", "shipping_status"}) {
      SCOPED_TRACE(std::string(key) + "=" + std::string(raw));
      with_order(order_with(quoted(key) + ":" + quoted(raw)), [&](const order& o) {
        EXPECT_EQ(o.fulfillment_status, expected);
        EXPECT_EQ(o.fulfillment_status_raw, raw);
      });
    }
  }
}

// ---------------------------------------------------------------------------
// Combinations.

struct combination {
  std::string_view members;
  order_status order;
  payment_status payment;
  fulfillment_status fulfillment;
};

TEST(SfccStatus, PlacedOrderRefinedByTheOtherFields) {
  const combination cases[] = {
      // Placed and confirmed: being processed.
      {R"("status":"new","confirmationStatus":"confirmed","exportStatus":"exported")",
       order_status::active, payment_status::unknown, fulfillment_status::unknown},
      // Everything shipped, order still open: Shipped (wins over the rest).
      {R"("status":"new","shippingStatus":"shipped","confirmationStatus":"not_confirmed",)"
       R"("exportStatus":"failed","paymentStatus":"paid")",
       order_status::shipped, payment_status::paid, fulfillment_status::fulfilled},
      {R"("status":"open","shipping_status":"shipped")", order_status::shipped,
       payment_status::unknown, fulfillment_status::fulfilled},
      // Partly shipped is still being processed.
      {R"("status":"new","shippingStatus":"part_shipped")", order_status::active,
       payment_status::unknown, fulfillment_status::partial},
      // Export to the ERP failed: held until re-exported.
      {R"("status":"new","exportStatus":"failed","confirmationStatus":"not_confirmed")",
       order_status::on_hold, payment_status::unknown, fulfillment_status::unknown},
      {R"("status":"open","export_status":"failed")", order_status::on_hold,
       payment_status::unknown, fulfillment_status::unknown},
      // Not (yet) confirmed: placed, awaiting confirmation.
      {R"("status":"new","confirmationStatus":"not_confirmed","paymentStatus":"not_paid")",
       order_status::pending, payment_status::pending, fulfillment_status::unknown},
      {R"("status":"new","confirmation_status":"not_confirmed")", order_status::pending,
       payment_status::unknown, fulfillment_status::unknown},
      // ready / not_exported do not hold an order.
      {R"("status":"new","exportStatus":"ready")", order_status::active, payment_status::unknown,
       fulfillment_status::unknown},
      {R"("status":"new","exportStatus":"not_exported")", order_status::active,
       payment_status::unknown, fulfillment_status::unknown},
      // Final states are not refined: a completed order with flags never
      // maintained stays Completed, its paymentStatus as SFCC says.
      {R"("status":"completed","confirmationStatus":"not_confirmed","exportStatus":"failed",)"
       R"("paymentStatus":"not_paid","shippingStatus":"shipped")",
       order_status::completed, payment_status::pending, fulfillment_status::fulfilled},
      // A created (not placed) order with shipped flags is still not placed.
      {R"("status":"created","shippingStatus":"shipped")", order_status::pending,
       payment_status::unknown, fulfillment_status::fulfilled},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.members));
    with_order(order_with(c.members), [&](const order& o) {
      EXPECT_EQ(o.order_status, c.order);
      EXPECT_EQ(o.payment_status, c.payment);
      EXPECT_EQ(o.fulfillment_status, c.fulfillment);
    });
  }
}

TEST(SfccStatus, FailedOrderPaymentFailedUnlessMoneyCame) {
  const std::pair<std::string_view, payment_status> cases[] = {
      {R"("status":"failed","paymentStatus":"not_paid")", payment_status::failed},
      {R"("status":"failed")", payment_status::failed},
      {R"("status":"failed","paymentStatus":"paid")", payment_status::paid},
      {R"("status":"failed","paymentStatus":"part_paid")", payment_status::partially_paid},
  };
  for (const auto& row : cases) {  // clang 14 cannot capture a structured binding
    const auto& members = row.first;
    const auto& expected = row.second;
    SCOPED_TRACE(std::string(members));
    with_order(order_with(members), [&](const order& o) {
      EXPECT_EQ(o.order_status, order_status::cancelled);
      EXPECT_EQ(o.payment_status, expected);
    });
  }
}

TEST(SfccStatus, CancelledOrReplacedUnpaidOrderIsVoided) {
  const std::pair<std::string_view, payment_status> cases[] = {
      {R"("status":"cancelled","paymentStatus":"not_paid")", payment_status::voided},
      {R"("status":"replaced","payment_status":"not_paid")", payment_status::voided},
      {R"("status":"cancelled","paymentStatus":"paid")", payment_status::paid},
      {R"("status":"cancelled")", payment_status::unknown},  // may have been captured
      {R"("status":"created","paymentStatus":"not_paid")", payment_status::pending},
  };
  for (const auto& row : cases) {  // clang 14 cannot capture a structured binding
    const auto& members = row.first;
    const auto& expected = row.second;
    SCOPED_TRACE(std::string(members));
    with_order(order_with(members), [&](const order& o) { EXPECT_EQ(o.payment_status, expected); });
  }
}

TEST(SfccStatus, FulfillmentFromShipmentsWhenTheOrderDoesNotSay) {
  const std::pair<std::string_view, fulfillment_status> cases[] = {
      {R"("shipments":[{"shippingStatus":"shipped"},{"shippingStatus":"shipped"}])",
       fulfillment_status::fulfilled},
      {R"("shipments":[{"shippingStatus":"shipped"},{"shippingStatus":"not_shipped"}])",
       fulfillment_status::partial},
      {R"("shipments":[{"shipping_status":"not_shipped"}])", fulfillment_status::unfulfilled},
      {R"("shipments":[{"shipmentId":"me"}])", fulfillment_status::unknown},
      {R"("shipments":[])", fulfillment_status::unknown},
  };
  for (const auto& row : cases) {  // clang 14 cannot capture a structured binding
    const auto& members = row.first;
    const auto& expected = row.second;
    SCOPED_TRACE(std::string(members));
    with_order(order_with(members), [&](const order& o) {
      EXPECT_EQ(o.fulfillment_status, expected);
      EXPECT_TRUE(o.fulfillment_status_raw.empty());
    });
  }
  // The order's own field wins over its shipments'.
  with_order(
      order_with(R"("shippingStatus":"not_shipped","shipments":[{"shippingStatus":"shipped"}])"),
      [](const order& o) { EXPECT_EQ(o.fulfillment_status, fulfillment_status::unfulfilled); });
}

// ---------------------------------------------------------------------------
// Ids.

TEST(SfccIds, ZeroPaddedOrderNoStaysAString) {
  with_order(R"({"orderNo":"00000410","currency":"USD"})", [](const order& o) {
    EXPECT_EQ(o.id, "sfcc:00000410");
    EXPECT_EQ(o.remote_id, "00000410");
    EXPECT_EQ(o.order_number, "00000410");
    EXPECT_EQ(o.platform, platform::sfcc);
  });
  with_order(R"({"order_no":"00000101"})", [](const order& o) {
    EXPECT_EQ(o.id, "sfcc:00000101");
    EXPECT_EQ(o.order_number, "00000101");
  });
}

// Issue 13: an order without orderNo is no longer converted with a null id
// and a warning; it is rejected, with the key it lacks.
TEST(SfccIds, OrderWithoutOrderNoIsRejectedAsMissingField) {
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(R"({"productItems":[],"status":"new","currency":"USD"})",
                                        options_for(autodetect, m));
    ASSERT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
    EXPECT_EQ(got.rejects[0].error.code, error_code::missing_field);
    EXPECT_EQ(got.rejects[0].error.json_pointer, "/orderNo");
    EXPECT_EQ(got.rejects[0].error.message,
              "the order has no id: orderNo is absent, null or empty");
    EXPECT_TRUE(got.ndjson.empty());
    EXPECT_TRUE(got.warnings.empty());
  }
}

TEST(SfccIds, NullOrEmptyOrderNoIsRejected) {
  for (std::string_view v : {"null", "\"\""}) {
    for (std::string_view key : {"orderNo", "order_no"}) {
      const conversion got =
          convert_text("{\"" + std::string(key) + "\":" + std::string(v) + R"(,"currency":"USD"})",
                       options_for(sfcc, mapper::fast));
      ASSERT_EQ(got.rejects.size(), 1u);
      EXPECT_EQ(got.rejects[0].error.code, error_code::missing_field);
    }
  }
}

// ---------------------------------------------------------------------------
// Money and times.

TEST(SfccMoney, FloatTokensAreReadExactly) {
  with_order(
      R"({"orderNo":"1","currency":"USD","orderTotal":110.24,"taxTotal":0.30000000000000004,)"
      R"("shippingTotal":1e2,"productItems":[{"basePrice":16.49,"quantity":1}]})",
      [](const order& o) {
        EXPECT_EQ(money(o.total_price), "110.24");
        // Digits beyond the currency's minor units are kept, never rounded.
        EXPECT_EQ(money(o.total_tax), "0.30000000000000004");
        EXPECT_EQ(money(o.total_shipping), "100.00");
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(money(o.line_items[0].price), "16.49");
      });
}

TEST(SfccMoney, CurrencyMinorUnitsAndOcapiTotals) {
  with_order(R"({"order_no":"2","currency":"JPY","order_total":1500,"tax_total":136,)"
             R"("shipping_total":0})",
             [](const order& o) {
               EXPECT_EQ(o.currency, "JPY");
               EXPECT_EQ(money(o.total_price, "JPY"), "1500");
               EXPECT_EQ(money(o.total_tax, "JPY"), "136");
               EXPECT_EQ(money(o.total_shipping, "JPY"), "0");
             });
}

TEST(SfccMoney, MoneyThatIsNotANumberIsRejected) {
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion c =
        convert_text(R"({"orderNo":"1","orderTotal":"ten"})", options_for(sfcc, m));
    ASSERT_EQ(c.rejects.size(), 1u);
    EXPECT_EQ(c.rejects[0].error.code, error_code::invalid_money);
    EXPECT_EQ(c.rejects[0].error.json_pointer, "/orderTotal");
  }
}

TEST(SfccMoney, ShippingTotalFromShippingItemsWhenNotStated) {
  with_order(order_with(R"("shippingItems":[{"price":5.99,"priceAfterItemDiscount":4.99},)"
                        R"({"price":1.01}])"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping), "6.00"); });
  with_order(order_with(R"("shipping_items":[{"price":0.01}])"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping), "0.01"); });
  with_order(order_with(R"("shippingTotal":7,"shippingItems":[{"price":5.99}])"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping), "7.00"); });
  with_order(order_with(""), [](const order& o) { EXPECT_FALSE(o.total_shipping); });
}

TEST(SfccMoney, TotalDiscountIsEveryPriceAdjustmentAsAPositiveAmount) {
  with_order(order_with(R"("orderPriceAdjustments":[{"price":-10,"promotionId":"5ties"}],)"
                        R"("productItems":[{"itemId":"a","priceAdjustments":[{"price":-2.5},)"
                        R"({"price":-0.25}]}],)"
                        R"("shippingItems":[{"price":5,"priceAdjustments":[{"price":-5}]}])"),
             [](const order& o) { EXPECT_EQ(money(o.total_discount), "17.75"); });
  with_order(order_with(R"("order_price_adjustments":[{"price":-1.1}])"),
             [](const order& o) { EXPECT_EQ(money(o.total_discount), "1.10"); });
  // No adjustment rows: SFCC did not say, null rather than "0.00".
  with_order(order_with(R"("orderPriceAdjustments":[])"),
             [](const order& o) { EXPECT_FALSE(o.total_discount); });
}

TEST(SfccTimes, MinutePrecisionMillisecondsAndNoOffsetAreUtc) {
  with_order(
      order_with(
          R"("creation_date":"2014-11-06T13:36Z","lastModified":"2019-10-22T12:17:28.376Z")"),
      [](const order& o) {
        EXPECT_EQ(formatted(o.remote_created_at), "2014-11-06T13:36:00.000Z");
        EXPECT_EQ(formatted(o.remote_updated_at), "2019-10-22T12:17:28.376Z");
      });
  with_order(
      order_with(
          R"("creationDate":"2019-10-22T14:17:28.341+02:00","last_modified":"2020-01-02T03:04:05")"),
      [](const order& o) {
        EXPECT_EQ(formatted(o.remote_created_at), "2019-10-22T12:17:28.341Z");
        EXPECT_EQ(formatted(o.remote_updated_at), "2020-01-02T03:04:05.000Z");
        EXPECT_FALSE(o.remote_updated_at->local);
      });
}

// ---------------------------------------------------------------------------
// Line items.

TEST(SfccLines, ScapiAndOcapiLinesMapAlike) {
  for (
      std::string_view json :
      {R"({"orderNo":"1","currency":"EUR","productItems":[{"itemId":"i1","productId":"701642852179M",)"
       R"("productName":"Pant","itemText":"Pant text","quantity":2,"basePrice":49.5,"price":99}]})",
       R"({"order_no":"1","currency":"EUR","product_items":[{"item_id":"i1","product_id":"701642852179M",)"
       R"("product_name":"Pant","item_text":"Pant text","quantity":2,"base_price":49.5,"price":99}]})"}) {
    with_order(json, [](const order& o) {
      ASSERT_EQ(o.line_items.size(), 1u);
      const line_item& l = o.line_items[0];
      EXPECT_EQ(l.line_item_id, "i1");
      EXPECT_EQ(l.product_id, "701642852179M");
      EXPECT_TRUE(l.variant_id.empty());
      EXPECT_TRUE(l.sku.empty());
      EXPECT_EQ(l.title, "Pant");
      EXPECT_EQ(l.quantity, 2);
      EXPECT_EQ(money(l.price, "EUR"), "49.50");  // basePrice: unit, not the line's 99
      EXPECT_EQ(l.currency, "EUR");
    });
  }
}

TEST(SfccLines, TitleFallsBackToItemText) {
  with_order(order_with(R"("productItems":[{"itemText":"Gift wrap","productName":null}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].title, "Gift wrap");
             });
}

TEST(SfccLines, FloatQuantityIsExactWholeOrFractional) {
  with_order(order_with(R"("productItems":[{"quantity":3.0}])"), [](const order& o) {
    ASSERT_EQ(o.line_items.size(), 1u);
    EXPECT_EQ(o.line_items[0].quantity, 3);
  });
  const auto warnings =
      with_order(order_with(R"("productItems":[{"itemId":"a","quantity":1},{"quantity":1.5}])"),
                 [](const order& o) {
                   ASSERT_EQ(o.line_items.size(), 2u);
                   ASSERT_TRUE(o.line_items[1].quantity.has_value());
                   EXPECT_EQ(o.line_items[1].quantity->value(), decimal(15, 1));
                 });
  EXPECT_TRUE(warnings.empty());
}

TEST(SfccLines, OptionAndBundledItemsAreNotLinesOfTheirOwn) {
  with_order(
      order_with(R"("productItems":[{"itemId":"p","optionItems":[{"itemId":"o","quantity":3}],)"
                 R"("bundledProductItems":[{"itemId":"b","quantity":1}]}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(o.line_items[0].line_item_id, "p");
      });
}

// ---------------------------------------------------------------------------
// Both spellings, custom attributes, localized names.

TEST(SfccSpellings, CamelCaseWinsWhateverTheKeyOrder) {
  for (
      std::string_view json :
      {R"({"order_no":"snake","orderNo":"camel","product_items":[{"item_id":"s"}],"productItems":[{"itemId":"c"}]})",
       R"({"orderNo":"camel","order_no":"snake","productItems":[{"itemId":"c"}],"product_items":[{"item_id":"s"}]})"}) {
    with_order(json, [](const order& o) {
      EXPECT_EQ(o.remote_id, "camel");
      ASSERT_EQ(o.line_items.size(), 1u);
      EXPECT_EQ(o.line_items[0].line_item_id, "c");
    });
  }
  // A blank camelCase value leaves the snake_case one.
  with_order(
      R"({"orderNo":"1","productItems":[],"product_items":[{"item_id":"s"}],"tax_total":1,"taxTotal":null})",
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(o.line_items[0].line_item_id, "s");
        EXPECT_EQ(money(o.total_tax), "1.00");
      });
}

// Rows that merge (adjustment sums, nested structs) must not merge the two
// spellings in one key order and not in the other.
TEST(SfccSpellings, MergingRowsTakeOneSpellingWhole) {
  for (
      std::string_view json :
      {R"({"orderNo":"1","order_price_adjustments":[{"price":-1}],"orderPriceAdjustments":[{"price":-2}],)"
       R"("customer_info":{"customer_no":"snake-no"},"customerInfo":{"email":"c@x.com"},)"
       R"("shipments":[{"shipping_method":{"id":"ups"},"shippingMethod":{"name":"Ground"},"trackingNumber":"T"}]})",
       R"({"orderNo":"1","orderPriceAdjustments":[{"price":-2}],"order_price_adjustments":[{"price":-1}],)"
       R"("customerInfo":{"email":"c@x.com"},"customer_info":{"customer_no":"snake-no"},)"
       R"("shipments":[{"shippingMethod":{"name":"Ground"},"shipping_method":{"id":"ups"},"trackingNumber":"T"}]})"}) {
    SCOPED_TRACE(std::string(json));
    with_order(json, [](const order& o) {
      EXPECT_EQ(money(o.total_discount), "2.00");
      ASSERT_TRUE(o.customer);
      EXPECT_TRUE(o.customer->customer_id.empty());
      EXPECT_EQ(o.customer->email, "c@x.com");
      ASSERT_EQ(o.shipments.size(), 1u);
      EXPECT_TRUE(o.shipments[0].carrier.empty());  // "Ground" alone; the snake id is not merged in
    });
  }
}

TEST(SfccSpellings, CustomAttributesAnywhereAreSkipped) {
  with_order(
      R"({"c_orderNo":"nope","c_status":{"a":[1,2]},"orderNo":"1","status":"new","c_x":[true,null],)"
      R"("billingAddress":{"c_city":"X","city":"Boston","c_strValue":"cTest"},)"
      R"("productItems":[{"c_productId":"q","productId":"p","c_mediaFormat":["a","b"]}],)"
      R"("shipments":[{"shippingMethod":{"c_somestring":"UPS","id":"standard"},"trackingNumber":"T1"}]})",
      [](const order& o) {
        EXPECT_EQ(o.remote_id, "1");
        EXPECT_EQ(o.order_status, order_status::active);
        ASSERT_TRUE(o.billing_address);
        EXPECT_EQ(o.billing_address->city, "Boston");
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(o.line_items[0].product_id, "p");
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_TRUE(o.shipments[0].carrier.empty());  // a c_* attribute does not name it
      });
}

// ---------------------------------------------------------------------------
// Shipments and carriers.

TEST(SfccShipments, CarrierFromTheShippingMethodIdOrName) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {R"({"id":"ups-ground","name":"Ground"})", "UPS"},
      {R"({"id":"001","name":"FedEx 2Day"})", "FedEx"},
      {R"({"id":"USPS_PRIORITY"})", "USPS"},
      {R"({"id":"DHLExpress"})", "DHL"},
      {R"({"id":"EUR001","name":{"default":"DHL Paket"}})", "DHL"},  // OCAPI localized name
      {R"({"id":"001","name":"Ground"})", ""},
      {R"({"id":"DefaultShippingMethod"})", ""},
      {R"({"id":"Groups"})", ""},
      {R"({"id":"ups-or-fedex"})", ""},  // names two carriers: neither
  };
  for (const auto& row : cases) {  // clang 14 cannot capture a structured binding
    const auto& method = row.first;
    const auto& expected = row.second;
    for (std::string_view spelling : {R"("shippingMethod":)", R"("shipping_method":)"}) {
      SCOPED_TRACE(std::string(spelling) + std::string(method));
      with_order(order_with(R"("shipments":[{"trackingNumber":"1Z999",)" + std::string(spelling) +
                            std::string(method) + "}]"),
                 [&](const order& o) {
                   ASSERT_EQ(o.shipments.size(), 1u);
                   EXPECT_EQ(o.shipments[0].carrier, expected);
                   EXPECT_EQ(o.shipments[0].tracking_code, "1Z999");
                   EXPECT_TRUE(o.shipments[0].tracking_url.empty());
                 });
    }
  }
}

TEST(SfccShipments, CarrierWordRules) {
  static_assert(sf::has_word("UPS Ground", "UPS"));
  static_assert(sf::has_word("ups_ground", "UPS"));
  static_assert(sf::has_word("UPSGround", "UPS"));
  static_assert(sf::has_word("myUPS", "UPS"));
  static_assert(sf::has_word("FedEx2Day", "FEDEX"));
  static_assert(!sf::has_word("Groups", "UPS"));
  static_assert(!sf::has_word("GROUPS", "UPS"));
  static_assert(!sf::has_word("Upside", "UPS"));
  static_assert(!sf::has_word("USPS", "UPS"));
  EXPECT_EQ(sf::carrier_from_method("", "UPS Next Day Air"), "UPS");
  EXPECT_EQ(sf::carrier_from_method("fedex-ground", "UPS"), "FedEx");  // the id decides
  EXPECT_EQ(sf::carrier_from_method("standard", ""), "");
}

TEST(SfccShipments, OneShipmentPerShippedOrTrackedRow) {
  with_order(
      order_with(R"("shipments":[{"shipmentId":"me","shippingStatus":"not_shipped"},)"
                 R"({"shipmentId":"s2","shippingStatus":"shipped"},)"
                 R"({"id":"s3","shipping_status":"not_shipped","tracking_number":12345678901}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 2u);
        // Shipped without tracking: one shipment with a null code.
        EXPECT_TRUE(o.shipments[0].tracking_code.empty());
        EXPECT_EQ(o.shipments[0].status, shipment_status::unknown);
        EXPECT_EQ(o.shipments[0].status_raw, "shipped");
        // Tracked, a number token kept as its digits.
        EXPECT_EQ(o.shipments[1].tracking_code, "12345678901");
        EXPECT_EQ(o.shipments[1].status_raw, "not_shipped");
        EXPECT_EQ(o.fulfillment_status, fulfillment_status::partial);
      });
}

TEST(SfccShipments, ShippingAddressIsTheFirstShipmentsAndAnotherOneWarns) {
  const auto warnings = with_order(
      order_with(R"("shipments":[{"shipmentId":"me"},)"
                 R"({"shippingAddress":{"firstName":"A","city":"Boston","postalCode":"02110"}},)"
                 R"({"shippingAddress":{"firstName":"A","city":"Boston","postalCode":"02110"}},)"
                 R"({"shipping_address":{"first_name":"B","city":"Woburn"}}])"),
      [](const order& o) {
        ASSERT_TRUE(o.shipping_address);
        EXPECT_EQ(o.shipping_address->first_name, "A");
        EXPECT_EQ(o.shipping_address->postal_code, "02110");
      });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/shipments/3");
  EXPECT_EQ(warnings[0].message,
            "shipments[3] ships to another address than shipments[1]: shippingAddress is the "
            "first one");
}

// ---------------------------------------------------------------------------
// Addresses and customers.

TEST(SfccAddresses, BothSpellingsAndBlankAddresses) {
  with_order(
      order_with(
          R"("billing_address":{"first_name":"Jeff","last_name":"L","company_name":"Co",)"
          R"("address1":"1 Main","address2":"Apt 2","city":"Boston","state_code":"MA",)"
          R"("postal_code":"01801","country_code":"US","phone":"617","full_name":"Jeff L"})"),
      [](const order& o) {
        ASSERT_TRUE(o.billing_address);
        const address& a = *o.billing_address;
        EXPECT_EQ(a.first_name, "Jeff");
        EXPECT_EQ(a.last_name, "L");
        EXPECT_EQ(a.company, "Co");
        EXPECT_EQ(a.address1, "1 Main");
        EXPECT_EQ(a.address2, "Apt 2");
        EXPECT_EQ(a.city, "Boston");
        EXPECT_EQ(a.region, "MA");
        EXPECT_EQ(a.postal_code, "01801");
        EXPECT_EQ(a.country_code, "US");
        EXPECT_EQ(a.phone, "617");
      });
  with_order(order_with(R"("billingAddress":{"firstName":"","c_x":"y","id":"abc"})"),
             [](const order& o) { EXPECT_FALSE(o.billing_address); });
}

TEST(SfccCustomer, FromCustomerInfoAndTheBillingContact) {
  with_order(
      order_with(
          R"("customerInfo":{"customerId":"abc","customerNo":"0002352","email":"m@x.com",)"
          R"("customerName":" testing"},"billingAddress":{"firstName":"Max","lastName":"M","phone":"617"})"),
      [](const order& o) {
        ASSERT_TRUE(o.customer);
        EXPECT_EQ(o.customer->customer_id, "abc");
        EXPECT_EQ(o.customer->email, "m@x.com");
        EXPECT_EQ(o.customer->first_name, "Max");
        EXPECT_EQ(o.customer->last_name, "M");
        EXPECT_EQ(o.customer->phone, "617");
      });
  // OCAPI without customer_id: the customer number.
  with_order(
      order_with(R"("customer_info":{"customer_no":"jlebowski","email":"jeff@lebowski.com"})"),
      [](const order& o) {
        ASSERT_TRUE(o.customer);
        EXPECT_EQ(o.customer->customer_id, "jlebowski");
        EXPECT_TRUE(o.customer->first_name.empty());
      });
}

TEST(SfccCustomer, PartialAccessOrderWithoutCustomerOrPayment) {
  with_order(R"({"orderNo":"00000410","status":"new","currency":"USD","orderTotal":72.42,)"
             R"("productItems":[{"itemId":"x","quantity":1,"basePrice":72.42}]})",
             [](const order& o) {
               EXPECT_FALSE(o.customer);
               EXPECT_FALSE(o.billing_address);
               EXPECT_FALSE(o.shipping_address);
               EXPECT_EQ(o.payment_status, payment_status::unknown);
               EXPECT_EQ(money(o.total_price), "72.42");
             },
             autodetect);
}

// ---------------------------------------------------------------------------
// Detection and envelopes.

TEST(SfccDetection, EveryMarkerKeyDetectsSfccAlone) {
  for (std::string_view key : sf::marker_keys) {
    SCOPED_TRACE(std::string(key));
    // The marker first, with a value every row reads without error.
    std::string json(1, '{');
    json += quoted(key);
    // An id after the marker, so that the order converts (issue 13: an
    // order without one is rejected); the id keys are markers themselves.
    json += key == "orderNo" || key == "order_no" ? R"(:"1")" : ":null";
    json += R"(,"status":"new","orderNo":"7"})";
    for (const auto m : {mapper::fast, mapper::reference}) {
      const conversion c = convert_text(json, options_for(autodetect, m));
      EXPECT_TRUE(c.rejects.empty()) << describe(c.rejects);
      EXPECT_NE(c.ndjson.find(R"("platform":"sfcc")"), std::string::npos) << c.ndjson;
    }
  }
}

TEST(SfccDetection, EnvelopesUnwrapUnderAutoDetection) {
  const std::string_view envelopes[] = {
      // OCAPI order_search result.
      R"({"_v":"25.6","_type":"order_search_result","count":2,"start":0,"total":2,)"
      R"j("select":"(**)","hits":[{"_type":"order_search_hit","data":{"_type":"order","order_no":"00000001"}},)j"
      R"({"_type":"order_search_hit","data":{"_type":"order","order_no":"00000002"}}]})",
      // Shopper Customers order history.
      R"({"limit":10,"offset":0,"total":2,"data":[{"orderNo":"00000001"},{"orderNo":"00000002"}]})",
      // Admin Orders: data alone.
      R"({"data":[{"orderNo":"00000001"},{"orderNo":"00000002"}]})",
      // A bare array.
      R"([{"orderNo":"00000001"},{"order_no":"00000002"}])",
  };
  for (std::string_view json : envelopes) {
    SCOPED_TRACE(std::string(json));
    int n = 0;
    with_orders(
        json,
        [&](const order& o) {
          EXPECT_EQ(o.platform, platform::sfcc);
          EXPECT_EQ(o.remote_id, n % 2 == 0 ? "00000001" : "00000002");
          ++n;
        },
        autodetect, 2);
  }
}

// ---------------------------------------------------------------------------
// Issue 13: shippingMethod in both documented shapes.

// createOrders request bodies give the shipping method as its id string
// (order responses give an object); both are read, in both spellings.
TEST(Sfcc, ShippingMethodAsIdString) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {R"("ups-ground")", "UPS"},
      {R"("001")", ""},
      {R"("FedEx2Day")", "FedEx"},
      {"null", ""},
  };
  for (const auto& c : cases) {
    // Named copies: clang 14 cannot capture structured bindings in a lambda.
    const std::string_view method = c.first;
    const std::string_view expected = c.second;
    for (std::string_view spelling : {R"("shippingMethod":)", R"("shipping_method":)"}) {
      SCOPED_TRACE(std::string(spelling) + std::string(method));
      with_order(order_with(R"("shipments":[{"shipmentId":"me","trackingNumber":"1Z9",)" +
                            std::string(spelling) + std::string(method) + "}]"),
                 [&](const order& o) {
                   ASSERT_EQ(o.shipments.size(), 1u);
                   EXPECT_EQ(o.shipments[0].carrier, expected);
                   EXPECT_EQ(o.shipments[0].tracking_code, "1Z9");
                 });
    }
  }
}

TEST(Sfcc, ShippingMethodStringAndObjectSpellingsCamelWins) {
  with_order(order_with(R"("shipments":[{"shipping_method":{"id":"fedex-2day"},)"
                        R"("shippingMethod":"ups-ground","trackingNumber":"T"}])"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(o.shipments[0].carrier, "UPS");
             });
}

TEST(Sfcc, ShippingMethodThatIsAnArrayIsWrongType) {
  const conversion got = convert_text(order_with(R"("shipments":[{"shippingMethod":["001"]}])"),
                                      options_for(sfcc, mapper::fast));
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(got.rejects[0].error.json_pointer, "/shipments/0/shippingMethod");
}

TEST(Sfcc, OrderWithoutOrderNoIsRejected) {
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(R"({"currency":"USD","orderTotal":10.5,"productItems":[]})",
                                        options_for(sfcc, m));
    ASSERT_EQ(got.rejects.size(), 1u);
    EXPECT_EQ(got.rejects[0].error.code, error_code::missing_field);
    EXPECT_EQ(got.rejects[0].error.json_pointer, "/orderNo");
    EXPECT_TRUE(got.ndjson.empty());
  }
}

}  // namespace
