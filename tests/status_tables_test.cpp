// Every row of every platform status table in mappings/ (Shopify's are in
// shopify_test.cpp), one test each, with its expected value written here as a
// literal, from the platform's documentation as ../shared/research/
// platforms-*.md cites it; never read from the table. Each table also gets a
// completeness check that enumerates its rows (coverage only) and fails when
// a row has no literal case here.
//
// Expected values are the model's written spellings: orderStatus and
// paymentStatus Capitalized, fulfillmentStatus and shipment status lower case;
// "order/payment/fulfillment" where one raw value sets all three.
#include <gtest/gtest.h>

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/bigcommerce.hpp"
#include "mappings/carriers/easypost_source.hpp"
#include "mappings/ebay.hpp"
#include "mappings/magento.hpp"
#include "mappings/malomo.hpp"
#include "mappings/sfcc.hpp"
#include "mappings/squarespace.hpp"
#include "mappings/woocommerce.hpp"
#include "ordernorm/model.hpp"

namespace {

namespace bc = ordernorm::mappings::bigcommerce;
namespace eb = ordernorm::mappings::ebay;
namespace ep = ordernorm::mappings::easypost;
namespace mg = ordernorm::mappings::magento;
namespace ml = ordernorm::mappings::malomo;
namespace sf = ordernorm::mappings::sfcc;
namespace sq = ordernorm::mappings::squarespace;
namespace wc = ordernorm::mappings::woocommerce;
using ordernorm::fulfillment_status;
using ordernorm::order_status;
using ordernorm::payment_status;
using ordernorm::to_string;

// One raw value and what it must become.
struct row_case {
  std::string_view raw;
  std::string_view expected;
};
void PrintTo(const row_case& c, std::ostream* out) {
  *out << '"' << c.raw << "\" -> " << c.expected;
}

// A test name from a raw value: letters and digits kept, anything else `_`.
std::string name_of(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += alnum ? c : '_';
  }
  return out.empty() ? "empty" : out;
}
std::string case_name(const ::testing::TestParamInfo<row_case>& p) { return name_of(p.param.raw); }

std::string triple(order_status o, payment_status p, fulfillment_status f) {
  std::string s(to_string(o));
  s += '/';
  s += to_string(p);
  s += '/';
  s += to_string(f);
  return s;
}

// Fails for each key of a table that no case names.
void expect_every_row_covered(const std::vector<std::string_view>& keys,
                              std::span<const row_case> cases, std::string_view table) {
  for (std::string_view key : keys) {
    bool covered = false;
    for (const row_case& c : cases) covered = covered || c.raw == key;
    EXPECT_TRUE(covered) << table << " row '" << key << "' has no literal case";
  }
}

template <class Table, class KeyOf>
std::vector<std::string_view> keys_of(const Table& table, KeyOf key_of) {
  std::vector<std::string_view> keys;
  for (const auto& row : table) keys.push_back(key_of(row));
  return keys;
}
constexpr auto first = [](const auto& row) { return std::string_view(row.first); };
constexpr auto raw = [](const auto& row) { return std::string_view(row.raw); };

}  // namespace

// ---------------------------------------------------------------------------
// Magento `status` codes (Sales data-install, PayPal module, merchdocs "Order
// Status"): a status known by code wins over its state.

// clang-format off
const row_case magento_statuses[] = {
    {"pending",                  "Pending"},    // new order, nothing invoiced
    {"pending_payment",          "Pending"},    // waiting for an external gateway
    {"pending_paypal",           "Pending"},    // waiting for PayPal
    {"processing",               "Active"},     // invoiced or shipped, not both
    {"holded",                   "OnHold"},     // "On Hold"
    {"fraud",                    "OnHold"},     // "Suspected Fraud" (state payment_review)
    {"payment_review",           "OnHold"},     // gateway review
    {"paypal_reversed",          "OnHold"},     // buyer dispute / chargeback
    {"paypal_canceled_reversal", "Active"},     // dispute withdrawn: back in processing
    {"complete",                 "Completed"},  // invoiced and shipped
    {"closed",                   "Completed"},  // fully refunded by credit memo: closed
    {"canceled",                 "Cancelled"},
};
// clang-format on

class MagentoStatusRow : public ::testing::TestWithParam<row_case> {};
TEST_P(MagentoStatusRow, Maps) {
  // No state to fall back on: the status code alone decides.
  EXPECT_EQ(to_string(mg::order_status_for("", GetParam().raw, fulfillment_status::unfulfilled)),
            GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, MagentoStatusRow, ::testing::ValuesIn(magento_statuses), case_name);
TEST(MagentoStatusTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(mg::statuses, first), magento_statuses, "magento statuses");
}

// Magento `state` (Order::STATE_*), for a merchant's own status code.
// clang-format off
const row_case magento_states[] = {
    {"new",             "Pending"},
    {"pending_payment", "Pending"},
    {"processing",      "Active"},
    {"holded",          "OnHold"},
    {"payment_review",  "OnHold"},
    {"complete",        "Completed"},
    {"closed",          "Completed"},
    {"canceled",        "Cancelled"},
};
// clang-format on

class MagentoStateRow : public ::testing::TestWithParam<row_case> {};
TEST_P(MagentoStateRow, MapsACustomStatusByItsState) {
  EXPECT_EQ(to_string(mg::order_status_for(GetParam().raw, "ready_for_shipment",
                                           fulfillment_status::unfulfilled)),
            GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, MagentoStateRow, ::testing::ValuesIn(magento_states), case_name);
TEST(MagentoStateTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(mg::states, first), magento_states, "magento states");
}

// ---------------------------------------------------------------------------
// BigCommerce `status_id` 0-14 (V2 /order_statuses): orderStatus,
// paymentStatus (when payment_status is empty) and fulfillmentStatus
// ("unknown": the item counts decide).

struct bigcommerce_case {
  std::string_view id;
  std::string_view name;
  std::string_view expected;
};
void PrintTo(const bigcommerce_case& c, std::ostream* out) {
  *out << c.id << " \"" << c.name << "\" -> " << c.expected;
}

// clang-format off
const bigcommerce_case bigcommerce_statuses[] = {
    {"0",  "Incomplete",                   "Pending/Pending/unfulfilled"},        // payment page, not completed
    {"1",  "Pending",                      "Pending/Pending/unfulfilled"},        // checkout started
    {"2",  "Shipped",                      "Shipped/Paid/fulfilled"},             // Ship Items used
    {"3",  "Partially Shipped",            "Active/Paid/partial"},                // some items shipped
    {"4",  "Refunded",                     "Completed/Refunded/unknown"},         // Refund action used
    {"5",  "Cancelled",                    "Cancelled/Unknown/unknown"},          // cancelled by the seller
    {"6",  "Declined",                     "Cancelled/Failed/unknown"},           // payment declined
    {"7",  "Awaiting Payment",             "Pending/Pending/unfulfilled"},        // payment not confirmed
    {"8",  "Awaiting Pickup",              "Active/Paid/unfulfilled"},            // pulled, buyer collects
    {"9",  "Awaiting Shipment",            "Active/Paid/unfulfilled"},            // packaged, carrier collects
    {"10", "Completed",                    "Completed/Paid/fulfilled"},           // digital, paid, available
    {"11", "Awaiting Fulfillment",         "Active/Paid/unfulfilled"},            // payment confirmed
    {"12", "Manual Verification Required", "OnHold/Unknown/unfulfilled"},         // held for a manual check
    {"13", "Disputed",                     "OnHold/Paid/unknown"},                // PayPal dispute opened
    {"14", "Partially Refunded",           "Active/PartiallyRefunded/unknown"},
};
// clang-format on

class BigcommerceStatusRow : public ::testing::TestWithParam<bigcommerce_case> {};
TEST_P(BigcommerceStatusRow, MapsByIdAndBySystemName) {
  const bigcommerce_case c = GetParam();
  const bc::status_row* by_id = bc::status_for(c.id, "");
  ASSERT_NE(by_id, nullptr) << "status_id " << c.id;
  EXPECT_EQ(triple(by_id->order, by_id->payment, by_id->fulfillment), c.expected);
  const bc::status_row* by_name = bc::status_for("", c.name);
  ASSERT_NE(by_name, nullptr) << "status " << c.name;
  EXPECT_EQ(triple(by_name->order, by_name->payment, by_name->fulfillment), c.expected);
}
INSTANTIATE_TEST_SUITE_P(Row, BigcommerceStatusRow, ::testing::ValuesIn(bigcommerce_statuses),
                         [](const ::testing::TestParamInfo<bigcommerce_case>& p) {
                           return "id" + std::string(p.param.id) + "_" + name_of(p.param.name);
                         });
TEST(BigcommerceStatusTable, EveryRowHasALiteralCase) {
  for (const bc::status_row& row : bc::statuses) {
    bool covered = false;
    for (const bigcommerce_case& c : bigcommerce_statuses) {
      covered = covered || (c.id == row.id && c.name == row.name);
    }
    EXPECT_TRUE(covered) << "bigcommerce statuses row " << row.id << " '" << row.name
                         << "' has no literal case";
  }
}
TEST(BigcommerceStatusTable, UnknownIdIsNotLookedUpByName) {
  EXPECT_EQ(bc::status_for("15", "Pending"), nullptr);
  EXPECT_EQ(bc::status_for("", "Shipped Custom Label"), nullptr);
}

// BigCommerce `payment_status` (order_Resp.payment_status enum).
// clang-format off
const row_case bigcommerce_payments[] = {
    {"authorized",         "Authorized"},
    {"captured",           "Paid"},
    {"capture pending",    "Authorized"},         // authorized, capture not settled
    {"declined",           "Failed"},
    {"held for review",    "Pending"},            // the gateway holds it: not paid yet
    {"paid",               "Paid"},
    {"partially refunded", "PartiallyRefunded"},
    {"pending",            "Pending"},
    {"refunded",           "Refunded"},
    {"void",               "Voided"},
    {"void pending",       "Voided"},             // the authorization is being released
};
// clang-format on

class BigcommercePaymentRow : public ::testing::TestWithParam<row_case> {};
TEST_P(BigcommercePaymentRow, Maps) {
  EXPECT_EQ(to_string(bc::lookup(bc::payment_statuses, GetParam().raw, payment_status::unknown)),
            GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, BigcommercePaymentRow, ::testing::ValuesIn(bigcommerce_payments),
                         case_name);
TEST(BigcommercePaymentTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(bc::payment_statuses, first), bigcommerce_payments,
                           "bigcommerce payment_statuses");
}

// ---------------------------------------------------------------------------
// WooCommerce `status` (OrderStatus enum, REST docs): all three statuses.

// clang-format off
const row_case woocommerce_statuses[] = {
    {"pending",        "Pending/Pending/unfulfilled"},     // received, no payment yet
    {"processing",     "Active/Paid/unfulfilled"},         // paid, stock reduced, to fulfil
    {"on-hold",        "OnHold/Pending/unfulfilled"},      // awaiting payment confirmation
    {"completed",      "Completed/Paid/fulfilled"},        // fulfilled and complete
    {"cancelled",      "Cancelled/Voided/unfulfilled"},    // the payment will not come
    {"refunded",       "Completed/Refunded/unknown"},      // full value refunded; shipped or not
    {"failed",         "Cancelled/Failed/unfulfilled"},    // payment failed or declined
    {"trash",          "Unknown/Unknown/unknown"},         // the status it had is gone
    {"checkout-draft", "Pending/Pending/unfulfilled"},     // block checkout's cart
    {"draft",          "Pending/Pending/unfulfilled"},
    {"auto-draft",     "Pending/Pending/unfulfilled"},
    {"new",            "Pending/Pending/unfulfilled"},
};
// clang-format on

class WoocommerceStatusRow : public ::testing::TestWithParam<row_case> {};
TEST_P(WoocommerceStatusRow, Maps) {
  const wc::status_row row = wc::status_for(GetParam().raw);
  EXPECT_EQ(triple(row.order, row.payment, row.fulfillment), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, WoocommerceStatusRow, ::testing::ValuesIn(woocommerce_statuses),
                         case_name);
TEST(WoocommerceStatusTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(wc::statuses, raw), woocommerce_statuses,
                           "woocommerce statuses");
}
TEST(WoocommerceStatusTable, PluginStatusIsUnknownNotAnError) {
  const wc::status_row row = wc::status_for("shipped");
  EXPECT_EQ(triple(row.order, row.payment, row.fulfillment), "Unknown/Unknown/unknown");
}

// ---------------------------------------------------------------------------
// Salesforce Commerce Cloud (§2.3: SCAPI Orders, dw.order.Order constants).

// `status`, for a confirmed, exported order with nothing shipped.
// clang-format off
const row_case sfcc_order_statuses[] = {
    {"created",   "Pending"},    // exists, not yet placed
    {"new",       "Active"},     // placed
    {"open",      "Active"},     // placed (OCAPI / Script API state)
    {"completed", "Completed"},
    {"cancelled", "Cancelled"},
    {"replaced",  "Cancelled"},  // replaced by another order: this one is not fulfilled
    {"failed",    "Cancelled"},  // rejected or payment failed
};
// clang-format on

class SfccOrderStatusRow : public ::testing::TestWithParam<row_case> {};
TEST_P(SfccOrderStatusRow, Maps) {
  EXPECT_EQ(to_string(sf::order_status_for(GetParam().raw, "confirmed", "exported",
                                           fulfillment_status::unfulfilled)),
            GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, SfccOrderStatusRow, ::testing::ValuesIn(sfcc_order_statuses),
                         case_name);
TEST(SfccOrderStatusTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(sf::order_statuses, raw), sfcc_order_statuses,
                           "sfcc order_statuses");
}

// `paymentStatus` of a placed (`new`) order.
// clang-format off
const row_case sfcc_payment_statuses[] = {
    {"not_paid",  "Pending"},
    {"part_paid", "PartiallyPaid"},
    {"paid",      "Paid"},
};
// clang-format on

class SfccPaymentStatusRow : public ::testing::TestWithParam<row_case> {};
TEST_P(SfccPaymentStatusRow, Maps) {
  EXPECT_EQ(to_string(sf::payment_status_for("new", GetParam().raw)), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, SfccPaymentStatusRow, ::testing::ValuesIn(sfcc_payment_statuses),
                         case_name);
TEST(SfccPaymentStatusTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(sf::payment_statuses, raw), sfcc_payment_statuses,
                           "sfcc payment_statuses");
}

// The order's `shippingStatus`.
// clang-format off
const row_case sfcc_shipping_statuses[] = {
    {"not_shipped",  "unfulfilled"},
    {"part_shipped", "partial"},
    {"shipped",      "fulfilled"},
};
// clang-format on

class SfccShippingStatusRow : public ::testing::TestWithParam<row_case> {};
TEST_P(SfccShippingStatusRow, Maps) {
  EXPECT_EQ(to_string(sf::fulfillment_status_for(GetParam().raw, {})), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, SfccShippingStatusRow, ::testing::ValuesIn(sfcc_shipping_statuses),
                         case_name);
TEST(SfccShippingStatusTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(sf::shipping_statuses, raw), sfcc_shipping_statuses,
                           "sfcc shipping_statuses");
}

// ---------------------------------------------------------------------------
// Squarespace `fulfillmentStatus` (orderStatus/fulfillmentStatus) and
// `paymentState`.

// clang-format off
const row_case squarespace_fulfillment_statuses[] = {
    {"PENDING",   "Active/unfulfilled"},    // placed, awaiting fulfilment
    {"FULFILLED", "Completed/fulfilled"},   // marked fulfilled: the end of the lifecycle
    {"CANCELED",  "Cancelled/unfulfilled"}, // cancelled by the merchant
};
// clang-format on

class SquarespaceFulfillmentRow : public ::testing::TestWithParam<row_case> {};
TEST_P(SquarespaceFulfillmentRow, Maps) {
  const sq::fulfillment_row row = sq::fulfillment_row_for(GetParam().raw);
  EXPECT_EQ(std::string(to_string(row.order)) + "/" + std::string(to_string(row.fulfillment)),
            GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, SquarespaceFulfillmentRow,
                         ::testing::ValuesIn(squarespace_fulfillment_statuses), case_name);
TEST(SquarespaceFulfillmentTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(sq::fulfillment_statuses, raw), squarespace_fulfillment_statuses,
                           "squarespace fulfillment_statuses");
}

// clang-format off
const row_case squarespace_payment_states[] = {
    {"PAID", "Paid"},
};
// clang-format on

class SquarespacePaymentRow : public ::testing::TestWithParam<row_case> {};
TEST_P(SquarespacePaymentRow, Maps) {
  EXPECT_EQ(to_string(sq::payment_state_for(GetParam().raw)), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, SquarespacePaymentRow,
                         ::testing::ValuesIn(squarespace_payment_states), case_name);
TEST(SquarespacePaymentTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(sq::payment_states, raw), squarespace_payment_states,
                           "squarespace payment_states");
}

// ---------------------------------------------------------------------------
// eBay Fulfillment API getOrders.

// `orderFulfillmentStatus` / `lineItemFulfillmentStatus` [S18].
// clang-format off
const row_case ebay_fulfillment_statuses[] = {
    {"NOT_STARTED", "unfulfilled"},
    {"IN_PROGRESS", "partial"},
    {"FULFILLED",   "fulfilled"},
};
// clang-format on

class EbayFulfillmentRow : public ::testing::TestWithParam<row_case> {};
TEST_P(EbayFulfillmentRow, Maps) {
  EXPECT_EQ(to_string(eb::fulfillment_status_for(GetParam().raw)), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, EbayFulfillmentRow, ::testing::ValuesIn(ebay_fulfillment_statuses),
                         case_name);
TEST(EbayFulfillmentTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(eb::fulfillment_statuses, raw), ebay_fulfillment_statuses,
                           "ebay fulfillment_statuses");
}

// `orderPaymentStatus` (OrderPaymentStatusEnum [S21]).
// clang-format off
const row_case ebay_payment_statuses[] = {
    {"PENDING",            "Pending"},
    {"PAID",               "Paid"},
    {"FAILED",             "Failed"},
    {"PARTIALLY_REFUNDED", "PartiallyRefunded"},
    {"FULLY_REFUNDED",     "Refunded"},  // returns and cancellations alike
    {"NOT_APPLICABLE",     "Unknown"},   // reserved for future use
};
// clang-format on

class EbayPaymentRow : public ::testing::TestWithParam<row_case> {};
TEST_P(EbayPaymentRow, Maps) {
  EXPECT_EQ(to_string(eb::payment_status_for(GetParam().raw)), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, EbayPaymentRow, ::testing::ValuesIn(ebay_payment_statuses),
                         case_name);
TEST(EbayPaymentTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(eb::payment_statuses, raw), ebay_payment_statuses,
                           "ebay payment_statuses");
}

// `cancelStatus.cancelState` (CancelStateEnum), as the orderStatus of a paid,
// unshipped order.
// clang-format off
const row_case ebay_cancel_states[] = {
    {"NONE_REQUESTED", "Active"},
    {"IN_PROGRESS",    "OnHold"},     // requested, awaiting the seller
    {"CANCELED",       "Cancelled"},
};
// clang-format on

class EbayCancelStateRow : public ::testing::TestWithParam<row_case> {};
TEST_P(EbayCancelStateRow, Maps) {
  EXPECT_EQ(to_string(eb::order_status_for(eb::cancellation_for(GetParam().raw),
                                           payment_status::paid, fulfillment_status::unfulfilled)),
            GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, EbayCancelStateRow, ::testing::ValuesIn(ebay_cancel_states),
                         case_name);
TEST(EbayCancelStateTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(eb::cancel_states, raw), ebay_cancel_states,
                           "ebay cancel_states");
}

// ---------------------------------------------------------------------------
// Shipment status vocabularies that are the model's own (EasyPost's tracker
// `status`, which Malomo uses too: tracking.md §1.1), by name.

// clang-format off
const row_case tracker_statuses[] = {
    {"unknown",              "unknown"},
    {"pre_transit",          "pre_transit"},
    {"in_transit",           "in_transit"},
    {"out_for_delivery",     "out_for_delivery"},
    {"available_for_pickup", "available_for_pickup"},
    {"delivered",            "delivered"},
    {"return_to_sender",     "return_to_sender"},
    {"failure",              "failure"},
    {"cancelled",            "cancelled"},
    {"error",                "error"},
};
// clang-format on

class MalomoStatusRow : public ::testing::TestWithParam<row_case> {};
TEST_P(MalomoStatusRow, Maps) {
  EXPECT_EQ(to_string(ml::status_for(GetParam().raw)), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, MalomoStatusRow, ::testing::ValuesIn(tracker_statuses), case_name);
TEST(MalomoStatusTable, EveryRowHasALiteralCase) {
  expect_every_row_covered(keys_of(ml::statuses, first), tracker_statuses, "malomo statuses");
}
TEST(MalomoStatusTable, OtherSpellingsAreUnknown) {
  EXPECT_EQ(to_string(ml::status_for("Delivered")), "unknown");
  EXPECT_EQ(to_string(ml::status_for("canceled")), "unknown");
}

class EasypostStatusRow : public ::testing::TestWithParam<row_case> {};
TEST_P(EasypostStatusRow, Maps) {
  EXPECT_EQ(to_string(ep::status_for(GetParam().raw)), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Row, EasypostStatusRow, ::testing::ValuesIn(tracker_statuses), case_name);
TEST(EasypostStatusTable, EveryModelStatusHasALiteralCase) {
  // EasyPost's vocabulary is the model's: its table is the model's names.
  std::vector<std::string_view> keys;
  for (std::string_view name : ordernorm::enum_names<ordernorm::shipment_status>::values) {
    keys.push_back(name);
  }
  expect_every_row_covered(keys, tracker_statuses, "easypost statuses");
}
TEST(EasypostStatusTable, OtherSpellingsAreUnknown) {
  EXPECT_EQ(to_string(ep::status_for("Delivered")), "unknown");
  EXPECT_EQ(to_string(ep::status_for("return_to_shipper")), "unknown");
}
