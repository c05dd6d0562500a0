// The Magento mapping (mappings/magento.hpp): one test per status-table row
// and per quirk rule. Conversions run under both mappers.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/magento.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;
namespace mg = ordernorm::mappings::magento;

namespace {

using os = order_status;
using ps = payment_status;
using fs = fulfillment_status;
constexpr std::optional<platform> magento = platform::magento;
constexpr std::optional<platform> autodetect = std::nullopt;

// Runs `check` on every order converted from `json` under both mappers and
// expects `expected_orders` orders, no reject, and the same warnings under
// both; returns the warnings' messages.
std::vector<std::string> with_orders(std::string_view json, std::optional<platform> from,
                                     int expected_orders,
                                     const std::function<void(const order&)>& check) {
  std::vector<std::string> warnings;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    order_probe p(check);
    converter conv(options_for(from, m));
    conv.convert(json, p);
    EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
    EXPECT_EQ(p.orders, expected_orders);
    std::vector<std::string> messages;
    for (const record_warning& w : p.warnings) messages.push_back(w.message);
    if (m == mapper::fast) {
      warnings = messages;
    } else {
      EXPECT_EQ(messages, warnings);
    }
  }
  return warnings;
}

std::vector<std::string> with_order(std::string_view json,
                                    const std::function<void(const order&)>& check,
                                    std::optional<platform> from = magento) {
  return with_orders(json, from, 1, check);
}

record_error reject_of(std::string_view json, std::optional<platform> from) {
  record_error first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    const conversion got = convert_text(json, options_for(from, m));
    EXPECT_EQ(got.converted, 0u);
    EXPECT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
    if (got.rejects.size() != 1) return {};
    if (m == mapper::fast) first = got.rejects[0].error;
    EXPECT_EQ(got.rejects[0].error.code, first.code);
  }
  return first;
}

std::string money(const opt_money& m) {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, -1));
}

std::string when(const opt_time& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

// The order status of a state/status pair, nothing shipped.
os status_of(std::string_view state, std::string_view status) {
  return mg::order_status_for(state, status, fs::unfulfilled);
}

}  // namespace

// ---------------------------------------------------------------------------
// `statuses` table: one test per installed status code.

TEST(MagentoStatus, PendingIsPending) { EXPECT_EQ(status_of("new", "pending"), os::pending); }
TEST(MagentoStatus, PendingPaymentIsPending) {
  EXPECT_EQ(status_of("pending_payment", "pending_payment"), os::pending);
}
TEST(MagentoStatus, PendingPaypalIsPending) {
  EXPECT_EQ(status_of("pending_payment", "pending_paypal"), os::pending);
}
TEST(MagentoStatus, ProcessingIsActive) {
  EXPECT_EQ(status_of("processing", "processing"), os::active);
}
TEST(MagentoStatus, HoldedIsOnHold) { EXPECT_EQ(status_of("holded", "holded"), os::on_hold); }
TEST(MagentoStatus, FraudIsOnHoldEvenInProcessingState) {
  EXPECT_EQ(status_of("payment_review", "fraud"), os::on_hold);
  EXPECT_EQ(status_of("processing", "fraud"), os::on_hold);
}
TEST(MagentoStatus, PaymentReviewIsOnHold) {
  EXPECT_EQ(status_of("payment_review", "payment_review"), os::on_hold);
}
TEST(MagentoStatus, PaypalReversedIsOnHold) {
  EXPECT_EQ(status_of("processing", "paypal_reversed"), os::on_hold);
}
TEST(MagentoStatus, PaypalCanceledReversalIsActive) {
  EXPECT_EQ(status_of("processing", "paypal_canceled_reversal"), os::active);
}
TEST(MagentoStatus, CompleteIsCompleted) {
  EXPECT_EQ(status_of("complete", "complete"), os::completed);
}
TEST(MagentoStatus, ClosedIsCompleted) { EXPECT_EQ(status_of("closed", "closed"), os::completed); }
TEST(MagentoStatus, CanceledIsCancelled) {
  EXPECT_EQ(status_of("canceled", "canceled"), os::cancelled);
}
TEST(MagentoStatus, TableHasTwelveRows) { EXPECT_EQ(mg::statuses.size(), 12u); }

// `states` table: one test per state, reached through a merchant's own status.

TEST(MagentoState, NewIsPending) { EXPECT_EQ(status_of("new", "awaiting_call"), os::pending); }
TEST(MagentoState, PendingPaymentIsPending) {
  EXPECT_EQ(status_of("pending_payment", "awaiting_wire"), os::pending);
}
TEST(MagentoState, ProcessingIsActive) {
  EXPECT_EQ(status_of("processing", "ready_for_shipment"), os::active);
}
TEST(MagentoState, HoldedIsOnHold) { EXPECT_EQ(status_of("holded", "backorder"), os::on_hold); }
TEST(MagentoState, PaymentReviewIsOnHold) {
  EXPECT_EQ(status_of("payment_review", "kyc_review"), os::on_hold);
}
TEST(MagentoState, CompleteIsCompleted) {
  EXPECT_EQ(status_of("complete", "delivered"), os::completed);
}
TEST(MagentoState, ClosedIsCompleted) { EXPECT_EQ(status_of("closed", "returned"), os::completed); }
TEST(MagentoState, CanceledIsCancelled) {
  EXPECT_EQ(status_of("canceled", "cancelled_by_customer"), os::cancelled);
}
TEST(MagentoState, TableHasEightRows) { EXPECT_EQ(mg::states.size(), 8u); }

TEST(MagentoStatus, UnknownStatusAndStateIsUnknown) {
  EXPECT_EQ(status_of("archived", "archived_2019"), os::unknown);
  EXPECT_EQ(status_of("", ""), os::unknown);
}

TEST(MagentoStatus, ActiveOrderWithEverythingShippedIsShipped) {
  EXPECT_EQ(mg::order_status_for("processing", "processing", fs::fulfilled), os::shipped);
  EXPECT_EQ(mg::order_status_for("processing", "ready_to_pick", fs::fulfilled), os::shipped);
  EXPECT_EQ(mg::order_status_for("processing", "processing", fs::partial), os::active);
  EXPECT_EQ(mg::order_status_for("complete", "complete", fs::fulfilled), os::completed);
}

TEST(MagentoStatus, CustomStatusKeptRawAndMappedFromState) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","entity_id":1,"state":"complete","status":"delivered"})",
      [](const order& o) {
        EXPECT_EQ(o.order_status, os::completed);
        EXPECT_EQ(o.order_status_raw, "delivered");
      });
}

TEST(MagentoStatus, MissingStatusFallsBackToStateAsRaw) {
  with_order(R"({"entity_id":1,"increment_id":"1","entity_id":1,"state":"holded","status":null})",
             [](const order& o) {
               EXPECT_EQ(o.order_status, os::on_hold);
               EXPECT_EQ(o.order_status_raw, "holded");
             });
}

// ---------------------------------------------------------------------------
// payment_status_for: one test per rule.

namespace {
// The amounts of one case; "" is an amount the order does not state.
mg::payment_amounts amounts(std::string_view grand, std::string_view paid,
                            std::string_view refunded = "", std::string_view authorized = "") {
  const auto d = [](std::string_view s) { return s.empty() ? opt_money{} : *decimal::parse(s); };
  return {d(grand), d(paid), d(refunded), d(authorized)};
}
}  // namespace

TEST(MagentoPayment, RefundedAllThatWasPaidIsRefunded) {
  EXPECT_EQ(mg::payment_status_for("closed", amounts("50", "50", "50.00")), ps::refunded);
}
TEST(MagentoPayment, RefundedLessThanPaidIsPartiallyRefunded) {
  EXPECT_EQ(mg::payment_status_for("processing", amounts("50", "50", "12.5")),
            ps::partially_refunded);
}
TEST(MagentoPayment, PaidTheGrandTotalIsPaid) {
  EXPECT_EQ(mg::payment_status_for("processing", amounts("96.59", "96.59")), ps::paid);
}
TEST(MagentoPayment, FreeOrderWithZeroPaidIsPaid) {
  EXPECT_EQ(mg::payment_status_for("complete", amounts("0", "0")), ps::paid);
}
TEST(MagentoPayment, PaidLessThanTheGrandTotalIsPartiallyPaid) {
  EXPECT_EQ(mg::payment_status_for("processing", amounts("50", "20")), ps::partially_paid);
}
TEST(MagentoPayment, CanceledWithNothingPaidIsVoided) {
  EXPECT_EQ(mg::payment_status_for("canceled", amounts("50", "")), ps::voided);
}
TEST(MagentoPayment, AuthorizedOnlyIsAuthorized) {
  EXPECT_EQ(mg::payment_status_for("processing", amounts("50", "", "", "50")), ps::authorized);
}
TEST(MagentoPayment, NothingPaidIsPending) {
  EXPECT_EQ(mg::payment_status_for("new", amounts("165", "")), ps::pending);
}
TEST(MagentoPayment, NoAmountsIsUnknown) {
  EXPECT_EQ(mg::payment_status_for("new", amounts("", "")), ps::unknown);
}

TEST(MagentoPayment, PaidFromPaymentWhenTheHeaderHasNoTotalPaid) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","entity_id":1,"base_currency_code":"USD","state":"processing",
                 "base_grand_total":50,"payment":{"base_amount_paid":50,"amount_paid":50}})",
      [](const order& o) { EXPECT_EQ(o.payment_status, ps::paid); });
}

// ---------------------------------------------------------------------------
// Fulfillment from item quantities.

TEST(MagentoFulfillment, QuantitiesGiveUnfulfilledPartialFulfilled) {
  const auto status = [](std::string_view items) {
    fs out = fs::unknown;
    with_order(
        std::string(
            R"({"entity_id":1,"increment_id":"1","entity_id":1,"state":"processing","items":)") +
            std::string(items) + "}",
        [&](const order& o) { out = o.fulfillment_status; });
    return out;
  };
  EXPECT_EQ(status(R"([{"item_id":1,"qty_ordered":2,"qty_shipped":0}])"), fs::unfulfilled);
  EXPECT_EQ(status(R"([{"item_id":1,"qty_ordered":2,"qty_shipped":1}])"), fs::partial);
  EXPECT_EQ(status(R"([{"item_id":1,"qty_ordered":2,"qty_shipped":2}])"), fs::fulfilled);
  // Magento's qty to ship: ordered - shipped - refunded - canceled.
  EXPECT_EQ(status(R"([{"item_id":1,"qty_ordered":2,"qty_shipped":1,"qty_canceled":1}])"),
            fs::fulfilled);
  // Virtual rows never ship.
  EXPECT_EQ(status(R"([{"item_id":1,"qty_ordered":1,"qty_shipped":1},
                       {"item_id":2,"qty_ordered":1,"is_virtual":1}])"),
            fs::fulfilled);
  // A bundle shipped separately: its children tell.
  EXPECT_EQ(status(R"([{"item_id":1,"product_type":"bundle","qty_ordered":1,"qty_shipped":0},
                       {"item_id":2,"parent_item_id":1,"qty_ordered":1,"qty_shipped":1}])"),
            fs::fulfilled);
  EXPECT_EQ(status(R"([{"item_id":1,"sku":"A"}])"), fs::unknown);
  EXPECT_EQ(status("[]"), fs::unknown);
}

TEST(MagentoFulfillment, NothingToShipIsFulfilledOnlyWhenComplete) {
  std::vector<mg::item_source> rows(1);
  rows[0].item_id = "1";
  rows[0].qty_ordered = decimal{1, 0};
  rows[0].is_virtual = true;
  EXPECT_EQ(mg::fulfillment_status_for(rows, "complete"), fs::fulfilled);
  EXPECT_EQ(mg::fulfillment_status_for(rows, "processing"), fs::unfulfilled);
}

// ---------------------------------------------------------------------------
// Quirks.

TEST(MagentoQuirks, SearchEnvelopeWithSearchCriteriaAndTotalCount) {
  const std::string_view json = R"({"items":[
      {"base_currency_code":"USD","entity_id":1,"increment_id":"000000001","items":[]},
      {"base_currency_code":"USD","entity_id":2,"increment_id":"000000002","items":[]}],
    "search_criteria":{"filter_groups":[],"page_size":2,"current_page":1},"total_count":9})";
  std::vector<std::string> numbers;
  with_orders(json, autodetect, 2, [&](const order& o) { numbers.emplace_back(o.order_number); });
  EXPECT_EQ(numbers,
            (std::vector<std::string>{"000000001", "000000002", "000000001", "000000002"}));
  with_orders(json, magento, 2, [](const order& o) { EXPECT_EQ(o.platform, platform::magento); });
}

TEST(MagentoQuirks, FieldsTrimmedListIsDetected) {
  with_orders(R"({"items":[{"increment_id":"000000001","entity_id":1},
                           {"increment_id":"WA0003003","entity_id":3003}]})",
              autodetect, 2, [](const order& o) {
                EXPECT_EQ(o.platform, platform::magento);
                EXPECT_FALSE(o.remote_id.empty());
              });
}

TEST(MagentoQuirks, AnOrderWithItemsIsNotAnEnvelope) {
  with_order(R"({"items":[{"item_id":5,"sku":"A","qty_ordered":1}],"entity_id":3,
                 "increment_id":"000000003"})",
             [](const order& o) {
               EXPECT_EQ(o.remote_id, "3");
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].line_item_id, "5");
             },
             autodetect);
}

TEST(MagentoQuirks, InvoiceIsRejectedAsNotAnOrder) {
  const std::string_view invoice = R"({"base_currency_code":"USD","base_grand_total":165,
      "entity_id":3,"increment_id":"000000003","order_id":3,"state":2,"items":[]})";
  for (const auto from : {autodetect, magento}) {
    const record_error e = reject_of(invoice, from);
    EXPECT_EQ(e.code, error_code::unknown_platform);
    EXPECT_NE(e.message.find("order_id"), std::string::npos) << e.message;
  }
}

TEST(MagentoQuirks, MoneyNumbersParsedExactly) {
  with_order(R"({"entity_id":1,"increment_id":"1","entity_id":1,"base_currency_code":"USD",
                 "base_grand_total":165,"base_discount_amount":-404.4,
                 "base_tax_amount":0.30000000000000004,"base_shipping_amount":59.411})",
             [](const order& o) {
               EXPECT_EQ(money(o.total_price), "165");
               EXPECT_EQ(money(o.total_discount), "404.4");
               EXPECT_EQ(money(o.total_tax), "0.30000000000000004");
               EXPECT_EQ(money(o.total_shipping), "59.411");
             });
}

TEST(MagentoQuirks, DiscountIsNegatedToAPositiveTotal) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","base_currency_code":"USD","base_discount_amount":-8.9})",
      [](const order& o) { EXPECT_EQ(money(o.total_discount), "8.9"); });
}

TEST(MagentoQuirks, SqlStyleTimesAreUtc) {
  with_order(R"({"entity_id":1,"increment_id":"1","created_at":"2017-08-21 22:22:19",
                 "updated_at":"2024-02-29 23:59:59"})",
             [](const order& o) {
               EXPECT_EQ(when(o.remote_created_at), "2017-08-21T22:22:19.000Z");
               EXPECT_EQ(when(o.remote_updated_at), "2024-02-29T23:59:59.000Z");
             });
}

TEST(MagentoQuirks, BaseCurrencyNotOrderCurrency) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","base_currency_code":"USD","order_currency_code":"SAR",
                 "base_grand_total":804.33,"grand_total":3016.24,"tax_amount":128.74,
                 "items":[{"item_id":1,"qty_ordered":1,"base_price":250,"price":937.5}]})",
      [](const order& o) {
        EXPECT_EQ(o.currency, "USD");
        EXPECT_EQ(money(o.total_price), "804.33");
        EXPECT_EQ(money(o.total_tax), "null");  // SAR amount never stands in for USD
        ASSERT_EQ(o.line_items.size(), 1u);
        EXPECT_EQ(money(o.line_items[0].price), "250");
        EXPECT_EQ(o.line_items[0].currency, "USD");
      });
}

TEST(MagentoQuirks, PlainAmountStandsInWhenBothCurrenciesAreTheSame) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","base_currency_code":"EUR","order_currency_code":"EUR",
                 "grand_total":49.9,"items":[{"item_id":1,"qty_ordered":1,"price":29}]})",
      [](const order& o) {
        EXPECT_EQ(money(o.total_price), "49.9");
        EXPECT_EQ(money(o.line_items.at(0).price), "29");
      });
}

TEST(MagentoQuirks, ConfigurableParentAndChildAreOneLine) {
  with_order(R"({"entity_id":1,"increment_id":"1","items":[
      {"item_id":11,"parent_item_id":10,"product_id":56,"product_type":"simple",
       "sku":"MH01-S-Gray","name":"Chaz Kangeroo Hoodie-S-Gray","qty_ordered":1,"price":0,"base_price":0},
      {"item_id":10,"product_id":67,"product_type":"configurable","sku":"MH01-S-Gray",
       "name":"Chaz Kangeroo Hoodie","qty_ordered":1,"price":52,"base_price":52}]})",
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               const line_item& l = o.line_items[0];
               EXPECT_EQ(l.line_item_id, "10");
               EXPECT_EQ(l.product_id, "67");
               EXPECT_EQ(l.variant_id, "56");
               EXPECT_EQ(l.title, "Chaz Kangeroo Hoodie");
               EXPECT_EQ(money(l.price), "52");
             });
}

TEST(MagentoQuirks, BundleParentIsTheLineAndItsChildrenAreNotCounted) {
  with_order(R"({"entity_id":1,"increment_id":"1","items":[
      {"item_id":5,"product_id":51,"product_type":"bundle","name":"Kit","qty_ordered":2,"base_price":68},
      {"item_id":6,"parent_item_id":5,"product_id":29,"name":"Ball","qty_ordered":2,"base_price":27},
      {"item_id":7,"parent_item_id":5,"product_id":21,"name":"Brick","qty_ordered":2,"base_price":41}]})",
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].quantity, 2);
               EXPECT_EQ(money(o.line_items[0].price), "68");
               EXPECT_TRUE(o.line_items[0].variant_id.empty());
             });
}

TEST(MagentoQuirks, ChildWhoseParentIsMissingIsItsOwnLine) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","items":[{"item_id":6,"parent_item_id":5,"sku":"B","qty_ordered":1}]})",
      [](const order& o) { EXPECT_EQ(o.line_items.size(), 1u); });
}

TEST(MagentoQuirks, FractionalQuantityIsExact) {
  const auto warnings = with_order(
      R"({"entity_id":1,"increment_id":"1","items":[{"item_id":1,"qty_ordered":1.5},{"item_id":2,"qty_ordered":2.0}]})",
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 2u);
        ASSERT_TRUE(o.line_items[0].quantity.has_value());
        EXPECT_EQ(o.line_items[0].quantity->value(), decimal(15, 1));
        EXPECT_EQ(o.line_items[1].quantity, 2);
      });
  EXPECT_TRUE(warnings.empty());
}

TEST(MagentoQuirks, ShippingAddressOnlyUnderShippingAssignments) {
  with_order(R"({"entity_id":1,"increment_id":"1",
      "shipping_address":{"firstname":"Not","lastname":"Read"},
      "extension_attributes":{"shipping_assignments":[
        {"shipping":{"address":null,"method":"freeshipping_freeshipping"}},
        {"shipping":{"address":{"firstname":"Jane","street":["123 Oak Ave"],"region_code":"NY",
                                "region":"New York","country_id":"US"}}}]}})",
             [](const order& o) {
               ASSERT_TRUE(o.shipping_address.has_value());
               EXPECT_EQ(o.shipping_address->first_name, "Jane");
               EXPECT_EQ(o.shipping_address->address1, "123 Oak Ave");
               EXPECT_EQ(o.shipping_address->region, "NY");
               EXPECT_EQ(o.shipping_address->country_code, "US");
             });
}

TEST(MagentoQuirks, StreetArrayIntoAddressLines) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","billing_address":{"street":["Building 7","","Al Olaya Street","P.O. Box 2241"]}})",
      [](const order& o) {
        ASSERT_TRUE(o.billing_address.has_value());
        EXPECT_EQ(o.billing_address->address1, "Building 7");
        EXPECT_EQ(o.billing_address->address2, "Al Olaya Street, P.O. Box 2241");
      });
}

TEST(MagentoQuirks, StreetStringSplitOnNewlines) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","billing_address":{"street":"350 Fifth Avenue\nFloor 21"}})",
      [](const order& o) {
        ASSERT_TRUE(o.billing_address.has_value());
        EXPECT_EQ(o.billing_address->address1, "350 Fifth Avenue");
        EXPECT_EQ(o.billing_address->address2, "Floor 21");
      });
}

TEST(MagentoQuirks, RegionFreeTextWhenNoRegionCode) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","billing_address":{"region_code":"","region":"Texas","city":"Austin"}})",
      [](const order& o) { EXPECT_EQ(o.billing_address->region, "Texas"); });
}

TEST(MagentoQuirks, IncrementIdIsTheOrderNumberAsGiven) {
  with_order(R"({"entity_id":3,"increment_id":"000000003"})", [](const order& o) {
    EXPECT_EQ(o.id, "magento:3");
    EXPECT_EQ(o.remote_id, "3");
    EXPECT_EQ(o.order_number, "000000003");
  });
}

TEST(MagentoQuirks, GuestHasNoCustomerIdAndPhoneComesFromBilling) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","customer_email":"g@example.com","customer_is_guest":1,
                 "billing_address":{"telephone":"+44 20 7946 0958"}})",
      [](const order& o) {
        ASSERT_TRUE(o.customer.has_value());
        EXPECT_TRUE(o.customer->customer_id.empty());
        EXPECT_EQ(o.customer->email, "g@example.com");
        EXPECT_EQ(o.customer->phone, "+44 20 7946 0958");
      });
}

TEST(MagentoQuirks, NoCustomerFieldsIsANullCustomer) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","customer_email":"","billing_address":{"telephone":"1"}})",
      [](const order& o) { EXPECT_FALSE(o.customer.has_value()); });
}

TEST(MagentoQuirks, ExpandedShipmentsOnePerTrack) {
  with_order(R"({"entity_id":1,"increment_id":"1","shipments":[
      {"order_id":1,"tracks":[{"track_number":"1Z1","title":"United Parcel Service","carrier_code":"ups"},
                              {"track_number":"RR1GB","title":"","carrier_code":"custom"}]},
      {"order_id":1,"tracks":[]}]})",
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 3u);
               EXPECT_EQ(o.shipments[0].carrier, "United Parcel Service");
               EXPECT_EQ(o.shipments[0].tracking_code, "1Z1");
               EXPECT_EQ(o.shipments[1].carrier, "custom");
               EXPECT_TRUE(o.shipments[2].tracking_code.empty());
               EXPECT_EQ(o.shipments[2].status, shipment_status::unknown);
             });
}

TEST(MagentoQuirks, ExpandedShipmentsAsTheSearchResult) {
  with_order(
      R"({"entity_id":1,"increment_id":"1","shipments":{"items":[{"tracks":[{"track_number":"94001","title":"USPS"}]}],
                 "search_criteria":{},"total_count":1}})",
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_EQ(o.shipments[0].tracking_code, "94001");
      });
}

TEST(MagentoQuirks, NoWarningWithoutShipments) {
  const auto warnings =
      with_order(R"({"entity_id":1,"increment_id":"1","entity_id":1})", [](const order&) {});
  EXPECT_TRUE(warnings.empty());
}

TEST(MagentoQuirks, NumericStateIsUnknownNotAnError) {
  with_order(R"({"entity_id":1,"increment_id":"1","state":2})", [](const order& o) {
    EXPECT_EQ(o.order_status, os::unknown);
    EXPECT_EQ(o.order_status_raw, "2");
  });
}

TEST(MagentoQuirks, FlagsAsIntegersOrBooleans) {
  with_order(R"({"entity_id":1,"increment_id":"1","state":"complete","items":[
      {"item_id":1,"qty_ordered":1,"is_virtual":1},{"item_id":2,"qty_ordered":1,"is_virtual":true}]})",
             [](const order& o) { EXPECT_EQ(o.fulfillment_status, fs::fulfilled); });
}

TEST(MagentoDetection, MarkerKeysDoNotClaimAShopifyOrder) {
  with_order(
      R"({"id":1,"email":"a@b.c","financial_status":"paid","order_number":1001,"total_price":"1.00"})",
      [](const order& o) { EXPECT_EQ(o.platform, platform::shopify); }, autodetect);
}

TEST(MagentoDetection, ConformanceOrderIsDetected) {
#ifndef ORDERNORM_SHARED_DIR
  GTEST_SKIP() << "ORDERNORM_SHARED_DIR not defined for this test";
#else
  const std::filesystem::path path = shared_dir(ORDERNORM_SHARED_DIR) / "conformance" / "magento" /
                                     "order-get-v1-orders-3-devdocs.json";
  ORDERNORM_REQUIRE_PAYLOAD(path);
  const std::string input = read_file(path);
  const auto warnings = with_order(
      input,
      [](const order& o) {
        EXPECT_EQ(o.platform, platform::magento);
        EXPECT_EQ(o.line_items.size(), 4u);
      },
      autodetect);
  EXPECT_TRUE(warnings.empty());
#endif
}
