// The Squarespace mapping (mappings/squarespace.hpp): one test per status-table
// row and per quirk rule. Every conversion runs under both mappers.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/squarespace.hpp"
#include "registry.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

namespace sq = ordernorm::mappings::squarespace;
constexpr std::optional<platform> squarespace = platform::squarespace;
constexpr std::optional<platform> autodetect = std::nullopt;

using probe = order_probe;  // test_support.hpp

// Runs `check` on the one order of `json` under both mappers; returns the
// warnings of the fast run (the reference run must give the same ones).
std::vector<record_warning> with_order(std::string_view json,
                                       const std::function<void(const order&)>& check,
                                       std::optional<platform> from = squarespace) {
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
      EXPECT_EQ(p.warnings.size(), first.size());
      for (std::size_t i = 0; i < p.warnings.size() && i < first.size(); ++i) {
        EXPECT_EQ(p.warnings[i].message, first[i].message);
        EXPECT_EQ(p.warnings[i].json_pointer, first[i].json_pointer);
      }
    }
  }
  return first;
}

// A Squarespace order with the given members first (the first key wins).
std::string order_with(std::string_view members) {
  std::string o = "{";
  if (!members.empty()) o += std::string(members) + ",";
  o += R"("id":"585d498fdee9f31a60284a37","orderNumber":"3",)"
       R"("createdOn":"2016-12-23T15:58:07.187Z","fulfillmentStatus":"PENDING",)"
       R"("customerEmail":"foo@example.com",)"
       R"("grandTotal":{"value":"57.70","currency":"USD"}})";
  return o;
}

std::string formatted(const std::optional<timestamp>& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

// As the writer prints it with the currency's minor units.
std::string money(const opt_money& m, std::string_view currency) {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, currency_minor_units(currency)));
}

using os = order_status;
using ps = payment_status;
using fs = fulfillment_status;

// ---------------------------------------------------------------------------
// fulfillmentStatus, a test per row.

void expect_fulfillment(std::string_view raw, os want_order, fs want_fulfillment) {
  with_order(order_with(R"("fulfillmentStatus":")" + std::string(raw) + "\""), [&](const order& o) {
    EXPECT_EQ(o.order_status, want_order);
    EXPECT_EQ(o.fulfillment_status, want_fulfillment);
    EXPECT_EQ(o.fulfillment_status_raw, raw);
    EXPECT_TRUE(o.order_status_raw.empty());  // Squarespace has no such field
    EXPECT_EQ(o.payment_status, ps::paid);    // no paymentState, no refund
  });
}

TEST(SquarespaceFulfillmentStatus, PendingIsActiveUnfulfilled) {
  expect_fulfillment("PENDING", os::active, fs::unfulfilled);
}
TEST(SquarespaceFulfillmentStatus, FulfilledIsCompletedFulfilled) {
  expect_fulfillment("FULFILLED", os::completed, fs::fulfilled);
}
TEST(SquarespaceFulfillmentStatus, CanceledOneLIsCancelledUnfulfilled) {
  expect_fulfillment("CANCELED", os::cancelled, fs::unfulfilled);
}
TEST(SquarespaceFulfillmentStatus, BritishCancelledIsUnknownWithRawKept) {
  expect_fulfillment("CANCELLED", os::unknown, fs::unknown);
}
TEST(SquarespaceFulfillmentStatus, LowerCaseIsUnknownWithRawKept) {
  expect_fulfillment("pending", os::unknown, fs::unknown);
}
TEST(SquarespaceFulfillmentStatus, NullIsUnknownWithoutRaw) {
  with_order(order_with(R"("fulfillmentStatus":null)"), [](const order& o) {
    EXPECT_EQ(o.order_status, os::unknown);
    EXPECT_EQ(o.fulfillment_status, fs::unknown);
    EXPECT_TRUE(o.fulfillment_status_raw.empty());
  });
}
TEST(SquarespaceFulfillmentStatus, TableHoldsTheThreeDocumentedValues) {
  ASSERT_EQ(sq::fulfillment_statuses.size(), 3u);
  for (const sq::fulfillment_row& row : sq::fulfillment_statuses) {
    EXPECT_NE(sq::fulfillment_row_for(row.raw).order, os::unknown) << row.raw;
  }
}

// ---------------------------------------------------------------------------
// paymentState and refundedTotal.

TEST(SquarespacePayment, PaymentStatePaidIsPaidWithRawKept) {
  with_order(order_with(R"("paymentState":"PAID")"), [](const order& o) {
    EXPECT_EQ(o.payment_status, ps::paid);
    EXPECT_EQ(o.payment_status_raw, "PAID");
  });
}
TEST(SquarespacePayment, AbsentPaymentStateIsPaidWithoutRaw) {
  with_order(order_with(""), [](const order& o) {
    EXPECT_EQ(o.payment_status, ps::paid);
    EXPECT_TRUE(o.payment_status_raw.empty());
  });
}
TEST(SquarespacePayment, UnverifiedPaymentStateIsUnknownWithRawKept) {
  with_order(order_with(R"("paymentState":"PENDING")"), [](const order& o) {
    EXPECT_EQ(o.payment_status, ps::unknown);
    EXPECT_EQ(o.payment_status_raw, "PENDING");
  });
}
TEST(SquarespacePayment, ZeroRefundChangesNothing) {
  with_order(
      order_with(R"("paymentState":"PAID","refundedTotal":{"value":"0.00","currency":"USD"})"),
      [](const order& o) { EXPECT_EQ(o.payment_status, ps::paid); });
}
TEST(SquarespacePayment, PartialRefundIsPartiallyRefunded) {
  with_order(order_with(R"("refundedTotal":{"value":"10.00","currency":"USD"})"),
             [](const order& o) {
               EXPECT_EQ(o.payment_status, ps::partially_refunded);
               EXPECT_EQ(money(o.total_price, "USD"), "57.70");  // totals as placed
             });
}
TEST(SquarespacePayment, RefundOneCentShortOfGrandTotalIsPartial) {
  with_order(order_with(R"("refundedTotal":{"value":"57.69","currency":"USD"})"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::partially_refunded); });
}
TEST(SquarespacePayment, RefundEqualToGrandTotalInOtherPrecisionIsRefunded) {
  // "57.7" and "57.70" are the same amount: compared exactly, not as text.
  with_order(order_with(R"("refundedTotal":{"value":"57.7","currency":"USD"})"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::refunded); });
}
TEST(SquarespacePayment, RefundOverridesUnverifiedPaymentState) {
  with_order(
      order_with(
          R"("paymentState":"SOMETHING","refundedTotal":{"value":"57.70","currency":"USD"})"),
      [](const order& o) {
        EXPECT_EQ(o.payment_status, ps::refunded);
        EXPECT_EQ(o.payment_status_raw, "SOMETHING");
      });
}
TEST(SquarespacePayment, RefundWithoutGrandTotalIsPartial) {
  with_order(order_with(R"("grandTotal":null,"refundedTotal":{"value":"5.00","currency":"USD"})"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::partially_refunded); });
}
TEST(SquarespacePayment, RefundOfAFreeOrderIsRefunded) {
  // A 100% promo makes grandTotal 0.00; a refund > 0 is then all of it.
  with_order(order_with(R"("grandTotal":{"value":"0.00","currency":"USD"},)"
                        R"("refundedTotal":{"value":"1.00","currency":"USD"})"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::refunded); });
}
TEST(SquarespacePayment, CanceledAndFullyRefundedKeepsBothStatuses) {
  with_order(order_with(R"("fulfillmentStatus":"CANCELED",)"
                        R"("refundedTotal":{"value":"57.70","currency":"USD"})"),
             [](const order& o) {
               EXPECT_EQ(o.order_status, os::cancelled);
               EXPECT_EQ(o.payment_status, ps::refunded);
             });
}
TEST(SquarespacePayment, RefundInOtherCurrencyIsPartialWithWarning) {
  auto warnings = with_order(order_with(R"("refundedTotal":{"value":"57.70","currency":"EUR"})"),
                             [](const order& o) {
                               EXPECT_EQ(o.payment_status, ps::partially_refunded);
                               EXPECT_EQ(o.currency, "USD");
                             });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/refundedTotal");
  EXPECT_EQ(warnings[0].message,
            "refundedTotal is in EUR, the order in USD: the refund is not compared with "
            "grandTotal");
}

// ---------------------------------------------------------------------------
// Money and currency.

TEST(SquarespaceMoney, OddPrecisionFormattedToMinorUnits) {
  const conversion got = convert_lines(
      R"({"id":"a","orderNumber":"1","grandTotal":{"value":"264.8","currency":"USD"},)"
      R"("taxTotal":{"value":"0.0","currency":"USD"},"shippingTotal":{"value":"5","currency":"USD"}})"
      "\n"
      R"({"id":"b","orderNumber":"2","grandTotal":{"value":"1500.0","currency":"JPY"}})"
      "\n"
      R"({"id":"c","orderNumber":"3","grandTotal":{"value":"1.5","currency":"KWD"}})",
      options_for(squarespace, mapper::fast));
  EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
  EXPECT_NE(got.ndjson.find(R"("currency":"USD","totalPrice":"264.80","totalTax":"0.00",)"
                            R"("totalShipping":"5.00")"),
            std::string::npos)
      << got.ndjson;
  EXPECT_NE(got.ndjson.find(R"("currency":"JPY","totalPrice":"1500",)"), std::string::npos);
  EXPECT_NE(got.ndjson.find(R"("currency":"KWD","totalPrice":"1.500",)"), std::string::npos);
}

TEST(SquarespaceMoney, ValueAsJsonNumberIsExact) {
  with_order(order_with(R"("grandTotal":{"value":19.99,"currency":"USD"})"),
             [](const order& o) { EXPECT_EQ(money(o.total_price, "USD"), "19.99"); });
}

TEST(SquarespaceMoney, CurrencyFromGrandTotalEvenWhenSubtotalComesFirst) {
  auto warnings = with_order(order_with(R"("subtotal":{"value":"10.00","currency":"EUR"})"),
                             [](const order& o) { EXPECT_EQ(o.currency, "USD"); });
  EXPECT_TRUE(warnings.empty());  // subtotal has no model field: nothing is mislabelled
}

TEST(SquarespaceMoney, CurrencyFromSubtotalWithoutGrandTotal) {
  with_order(order_with(R"("grandTotal":null,"subtotal":{"value":"10.00","currency":"GBP"})"),
             [](const order& o) {
               EXPECT_EQ(o.currency, "GBP");
               EXPECT_FALSE(o.total_price);
             });
}

TEST(SquarespaceMoney, CurrencyFromLineItemWhenNoTotals) {
  with_order(order_with(R"("grandTotal":null,"lineItems":[{"id":"l1","quantity":2,)"
                        R"("unitPricePaid":{"value":"500","currency":"JPY"}}])"),
             [](const order& o) {
               EXPECT_EQ(o.currency, "JPY");
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].currency, "JPY");
             });
}

TEST(SquarespaceMoney, NoMoneyObjectMeansNoCurrency) {
  with_order(order_with(R"("grandTotal":null)"), [](const order& o) {
    EXPECT_TRUE(o.currency.empty());
    EXPECT_FALSE(o.total_price);
  });
}

TEST(SquarespaceMoney, TotalInOtherCurrencyIsNullWithWarning) {
  auto warnings =
      with_order(order_with(R"("taxTotal":{"value":"2.70","currency":"CAD"})"), [](const order& o) {
        EXPECT_FALSE(o.total_tax);
        EXPECT_EQ(money(o.total_price, "USD"), "57.70");
      });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/taxTotal");
  EXPECT_EQ(warnings[0].message, "taxTotal is in CAD, the order in USD: left null");
}

TEST(SquarespaceMoney, LineInOtherCurrencyKeepsItsOwnWithWarning) {
  auto warnings = with_order(order_with(R"("lineItems":[{"id":"l1","quantity":1,)"
                                        R"("unitPricePaid":{"value":"9.5","currency":"EUR"}}])"),
                             [](const order& o) {
                               ASSERT_EQ(o.line_items.size(), 1u);
                               EXPECT_EQ(o.line_items[0].currency, "EUR");
                               EXPECT_EQ(money(o.line_items[0].price, "EUR"), "9.50");
                             });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/lineItems/0/unitPricePaid");
  EXPECT_EQ(warnings[0].message, "line item l1 is in EUR, the order in USD");
}

TEST(SquarespaceMoney, AmountWithoutCurrencyTakesTheOrders) {
  auto warnings = with_order(order_with(R"("lineItems":[{"id":"l1","quantity":1,)"
                                        R"("unitPricePaid":{"value":"9.5","currency":null}}])"),
                             [](const order& o) {
                               EXPECT_EQ(o.line_items[0].currency, "USD");
                               EXPECT_EQ(money(o.line_items[0].price, "USD"), "9.50");
                             });
  EXPECT_TRUE(warnings.empty());
}

TEST(SquarespaceMoney, MissingShippingAndDiscountTotalsAreSumsOfTheirLines) {
  with_order(
      order_with(R"("shippingLines":[{"method":"Flat","amount":{"value":"4.5","currency":"USD"}},)"
                 R"({"method":"Gift wrap","amount":{"value":"1.25","currency":"USD"}}],)"
                 R"("discountLines":[{"name":"A","amount":{"value":"2.00","currency":"USD"}},)"
                 R"({"name":"B","amount":{"value":"0.005","currency":"USD"}}])"),
      [](const order& o) {
        EXPECT_EQ(money(o.total_shipping, "USD"), "5.75");
        EXPECT_EQ(money(o.total_discount, "USD"), "2.005");  // never rounded
      });
}

TEST(SquarespaceMoney, StatedTotalsWinOverLines) {
  with_order(order_with(R"("shippingTotal":{"value":"10.00","currency":"USD"},)"
                        R"("shippingLines":[{"amount":{"value":"4.50","currency":"USD"}}])"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping, "USD"), "10.00"); });
}

TEST(SquarespaceMoney, NoLinesAndNoTotalIsNull) {
  with_order(order_with(R"("shippingLines":[],"discountLines":[])"), [](const order& o) {
    EXPECT_FALSE(o.total_shipping);
    EXPECT_FALSE(o.total_discount);
  });
}

TEST(SquarespaceMoney, LineInOtherCurrencyMakesItsSumNullWithWarning) {
  auto warnings =
      with_order(order_with(R"("shippingLines":[{"amount":{"value":"1.00","currency":"USD"}},)"
                            R"({"amount":{"value":"1.00","currency":"EUR"}}])"),
                 [](const order& o) { EXPECT_FALSE(o.total_shipping); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/shippingLines/1/amount");
  EXPECT_EQ(warnings[0].message,
            "shippingLines is in EUR, the order in USD: totalShipping left null");
}

TEST(SquarespaceMoney, MoneyAsPlainStringIsRejected) {
  // Squarespace money is always an object; a bare string is another shape.
  const conversion got =
      convert_text(order_with(R"("grandTotal":"10.00")"), options_for(squarespace, mapper::fast));
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(got.rejects[0].error.json_pointer, "/grandTotal");
}

TEST(SquarespaceMoney, BrokenValueIsRejectedWithItsPointer) {
  const conversion got = convert_text(order_with(R"("taxTotal":{"value":"1,50","currency":"EUR"})"),
                                      options_for(squarespace, mapper::reference));
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.json_pointer, "/taxTotal/value");
}

// ---------------------------------------------------------------------------
// Lines.

TEST(SquarespaceLines, LineFieldsMap) {
  with_order(
      order_with(R"("lineItems":[{"id":"585d4975dee9f31a60284a16",)"
                 R"("variantId":"88c16ee4-547b-445e-a392-bded9991ae30","sku":"SQ3381024",)"
                 R"("weight":1.0,"productId":"565c8f3da7c8a3cf71d5fd0a","productName":"Product",)"
                 R"("quantity":3,"unitPricePaid":{"value":"55.00","currency":"USD"},)"
                 R"("variantOptions":[{"value":"Large","optionName":"Size"}],)"
                 R"("customizations":null,"lineItemType":"PHYSICAL_PRODUCT"}])"),
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        const line_item& l = o.line_items[0];
        EXPECT_EQ(l.line_item_id, "585d4975dee9f31a60284a16");
        EXPECT_EQ(l.product_id, "565c8f3da7c8a3cf71d5fd0a");
        EXPECT_EQ(l.variant_id, "88c16ee4-547b-445e-a392-bded9991ae30");
        EXPECT_EQ(l.sku, "SQ3381024");
        EXPECT_EQ(l.title, "Product");
        EXPECT_EQ(l.quantity, 3);
        EXPECT_EQ(money(l.price, "USD"), "55.00");  // a unit price, not qty x unit
        EXPECT_EQ(l.currency, "USD");
      });
}

TEST(SquarespaceLines, DigitalLineWithNullSkuAndProduct) {
  with_order(
      order_with(R"("lineItems":[{"id":"l","sku":null,"productId":null,"variantId":null,)"
                 R"("productName":"E-book","quantity":1,)"
                 R"("unitPricePaid":{"value":"7","currency":"USD"},"variantOptions":null}])"),
      [](const order& o) {
        const line_item& l = o.line_items[0];
        EXPECT_TRUE(l.sku.empty());
        EXPECT_TRUE(l.product_id.empty());
        EXPECT_TRUE(l.variant_id.empty());
        EXPECT_EQ(money(l.price, "USD"), "7.00");
      });
}

// ---------------------------------------------------------------------------
// Addresses and customer.

TEST(SquarespaceAddress, NullAddressesAreNoAddressNotAnError) {
  with_order(order_with(R"("billingAddress":null,"shippingAddress":null)"), [](const order& o) {
    EXPECT_FALSE(o.billing_address);
    EXPECT_FALSE(o.shipping_address);
    ASSERT_TRUE(o.customer);
    EXPECT_EQ(o.customer->email, "foo@example.com");
    EXPECT_TRUE(o.customer->first_name.empty());
  });
}

TEST(SquarespaceAddress, AddressOfNullAndEmptyFieldsIsNull) {
  with_order(order_with(R"("shippingAddress":{"firstName":null,"lastName":"","address1":null,)"
                        R"("address2":null,"city":null,"state":null,"countryCode":"",)"
                        R"("postalCode":null,"phone":null})"),
             [](const order& o) { EXPECT_FALSE(o.shipping_address); });
}

TEST(SquarespaceAddress, FieldsMapAndFreeTextStateIsKept) {
  with_order(
      order_with(R"("billingAddress":{"firstName":"Ann","lastName":"Lee","address1":"1 Main St",)"
                 R"("address2":null,"city":"Port of Spain","state":"West Indies",)"
                 R"("countryCode":"TT","postalCode":null,"phone":"+1 868 555 0100"})"),
      [](const order& o) {
        ASSERT_TRUE(o.billing_address);
        const address& a = *o.billing_address;
        EXPECT_EQ(a.first_name, "Ann");
        EXPECT_EQ(a.last_name, "Lee");
        EXPECT_EQ(a.address1, "1 Main St");
        EXPECT_TRUE(a.address2.empty());
        EXPECT_EQ(a.city, "Port of Spain");
        EXPECT_EQ(a.region, "West Indies");
        EXPECT_EQ(a.country_code, "TT");
        EXPECT_TRUE(a.postal_code.empty());
        EXPECT_EQ(a.phone, "+1 868 555 0100");
      });
}

TEST(SquarespaceCustomer, IdAndEmailWithBillingNameAndPhone) {
  with_order(
      order_with(R"("customerId":"6a7afd9c3a715540f23e0a54",)"
                 R"("billingAddress":{"firstName":"Bob","lastName":"Loblaw","phone":"5553334444"},)"
                 R"("shippingAddress":{"firstName":"Gift","lastName":"Recipient"})"),
      [](const order& o) {
        ASSERT_TRUE(o.customer);
        EXPECT_EQ(o.customer->customer_id, "6a7afd9c3a715540f23e0a54");
        EXPECT_EQ(o.customer->email, "foo@example.com");
        EXPECT_EQ(o.customer->first_name, "Bob");
        EXPECT_EQ(o.customer->last_name, "Loblaw");
        EXPECT_EQ(o.customer->phone, "5553334444");
      });
}

TEST(SquarespaceCustomer, NoEmailIdOrBillingIsNull) {
  with_order(order_with(R"("customerEmail":null)"),
             [](const order& o) { EXPECT_FALSE(o.customer); });
}

// ---------------------------------------------------------------------------
// Shipments.

TEST(SquarespaceShipments, EachFulfillmentIsAShipmentWithoutScanEvents) {
  with_order(
      order_with(R"("fulfillments":[{"shipDate":"2017-01-28T22:19:26.980Z","carrierName":"USPS",)"
                 R"("service":"Priority Mail","trackingNumber":"9400109699939624119857",)"
                 R"("trackingUrl":"https://tools.usps.com/x"},)"
                 R"({"shipDate":"2017-01-29T22:19:26.980Z","carrierName":"FedEx","service":null,)"
                 R"("trackingNumber":"103932814692659","trackingUrl":null}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 2u);
        EXPECT_EQ(o.shipments[0].carrier, "USPS");
        EXPECT_EQ(o.shipments[0].tracking_code, "9400109699939624119857");
        EXPECT_EQ(o.shipments[0].tracking_url, "https://tools.usps.com/x");
        EXPECT_EQ(o.shipments[1].carrier, "FedEx");
        EXPECT_TRUE(o.shipments[1].tracking_url.empty());
        for (const shipment& s : o.shipments) {
          EXPECT_EQ(s.status, shipment_status::unknown);
          EXPECT_TRUE(s.scan_events.empty());
        }
      });
}

TEST(SquarespaceShipments, FulfillmentWithNothingToTrackIsNoShipment) {
  with_order(
      order_with(R"("fulfillments":[{"shipDate":"2017-01-28T22:19:26.980Z",)"
                 R"("carrierName":null,"service":null,"trackingNumber":null,"trackingUrl":""}])"),
      [](const order& o) { EXPECT_TRUE(o.shipments.empty()); });
}

TEST(SquarespaceShipments, CarrierWithoutTrackingNumberIsOneShipment) {
  with_order(
      order_with(R"("fulfillments":[{"carrierName":"Local courier","trackingNumber":null}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_TRUE(o.shipments[0].tracking_code.empty());
      });
}

// ---------------------------------------------------------------------------
// Ids and times.

TEST(SquarespaceShape, IdAndOrderNumberAreStrings) {
  with_order(order_with(R"("orderNumber":"0042")"), [](const order& o) {
    EXPECT_EQ(o.remote_id, "585d498fdee9f31a60284a37");
    EXPECT_EQ(o.id, "squarespace:585d498fdee9f31a60284a37");
    EXPECT_EQ(o.order_number, "0042");  // a string: leading zeros kept
    EXPECT_EQ(o.platform, platform::squarespace);
    EXPECT_FALSE(o.remote_deleted);
  });
}

TEST(SquarespaceTime, MillisecondsOptionalAlwaysUtc) {
  with_order(
      order_with(R"("createdOn":"2026-08-16T08:14:10Z","modifiedOn":"2026-08-16T08:14:39.705Z")"),
      [](const order& o) {
        EXPECT_EQ(formatted(o.remote_created_at), "2026-08-16T08:14:10.000Z");
        EXPECT_EQ(formatted(o.remote_updated_at), "2026-08-16T08:14:39.705Z");
        EXPECT_FALSE(o.remote_created_at->local);
      });
}

TEST(SquarespaceTime, WithoutOffsetIsUtcByContract) {
  with_order(order_with(R"("createdOn":"2021-01-25T21:26:26.134")"), [](const order& o) {
    EXPECT_EQ(formatted(o.remote_created_at), "2021-01-25T21:26:26.134Z");
    EXPECT_FALSE(o.remote_created_at->local);
  });
}

// ---------------------------------------------------------------------------
// Detection and envelopes.

TEST(SquarespaceShape, DetectedByMarkerKeys) {
  with_order(
      order_with(""), [](const order& o) { EXPECT_EQ(o.platform, platform::squarespace); },
      autodetect);
}

TEST(SquarespaceShape, EachMarkerAloneDetects) {
  for (std::string_view marker : sq::marker_keys) {
    SCOPED_TRACE(std::string(marker));
    const conversion got = convert_text(R"({"id":"x",")" + std::string(marker) + R"(":null})",
                                        options_for(autodetect, mapper::fast));
    EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
    EXPECT_NE(got.ndjson.find(R"("platform":"squarespace")"), std::string::npos);
  }
}

TEST(SquarespaceShape, NoOtherPlatformSharesAMarker) {
  using namespace ordernorm::detail;
  for (const platform_info* other :
       {&shopify_platform(), &malomo_platform(), &magento_platform(), &bigcommerce_platform(),
        &woocommerce_platform(), &sfcc_platform(), &ebay_platform()}) {
    for (std::string_view theirs : other->marker_keys) {
      for (std::string_view ours : sq::marker_keys) EXPECT_NE(theirs, ours) << other->name;
    }
  }
}

// Every top-level key of a documented or captured Squarespace order (research
// notes §3.2 and ../shared/conformance/squarespace/): none may be another
// platform's marker, or a reordered Squarespace order could be taken for it.
TEST(SquarespaceShape, NoOtherPlatformsMarkerIsASquarespaceKey) {
  constexpr std::string_view squarespace_keys[] = {"id",
                                                   "orderNumber",
                                                   "createdOn",
                                                   "modifiedOn",
                                                   "channel",
                                                   "testmode",
                                                   "customerEmail",
                                                   "customerId",
                                                   "billingAddress",
                                                   "shippingAddress",
                                                   "fulfillmentStatus",
                                                   "lineItems",
                                                   "internalNotes",
                                                   "shippingLines",
                                                   "discountLines",
                                                   "formSubmission",
                                                   "fulfillments",
                                                   "subtotal",
                                                   "shippingTotal",
                                                   "discountTotal",
                                                   "taxTotal",
                                                   "refundedTotal",
                                                   "grandTotal",
                                                   "channelName",
                                                   "externalOrderReference",
                                                   "fulfilledOn",
                                                   "priceTaxInterpretation",
                                                   "paymentState",
                                                   "shippingOptionName",
                                                   "shippingOptionServiceType",
                                                   "idempotencyKey"};
  using namespace ordernorm::detail;
  for (const platform_info* other :
       {&shopify_platform(), &malomo_platform(), &magento_platform(), &bigcommerce_platform(),
        &woocommerce_platform(), &sfcc_platform(), &ebay_platform()}) {
    for (std::string_view theirs : other->marker_keys) {
      for (std::string_view key : squarespace_keys) EXPECT_NE(theirs, key) << other->name;
    }
  }
}

TEST(SquarespaceShape, ResultEnvelopeWithPaginationOnEitherSide) {
  const std::string one = order_with("");
  for (const std::string& doc :
       {R"({"pagination":{"hasNextPage":false,"nextPageCursor":null},"result":[)" + one + "," +
            one + "]}",
        R"({"result":[)" + one + "," + one +
            R"(],"pagination":{"nextPageUrl":null,"hasNextPage":false}})",
        "[" + one + "," + one + "]"}) {
    for (const auto m : {mapper::fast, mapper::reference}) {
      const conversion got = convert_text(doc, options_for(autodetect, m));
      EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
      EXPECT_EQ(got.converted, 2u);
    }
  }
}

TEST(SquarespaceShape, WrongTypeIsRejected) {
  const conversion got =
      convert_text(order_with(R"("lineItems":{"id":"x"})"), options_for(squarespace, mapper::fast));
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(got.rejects[0].error.json_pointer, "/lineItems");
}

}  // namespace
