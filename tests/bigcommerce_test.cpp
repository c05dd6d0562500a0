// The BigCommerce Orders V2 mapping (mappings/bigcommerce.hpp): one test per
// status-table row and per quirk rule. Every conversion runs under both
// mappers, and each test says which rule it covers in its name.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/bigcommerce.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

constexpr std::optional<platform> bigcommerce = platform::bigcommerce;
constexpr std::optional<platform> autodetect = std::nullopt;

// ../shared/conformance/bigcommerce (tests/CMakeLists.txt passes the shared
// folder; else it is found beside the repository).
#ifdef ORDERNORM_SHARED_DIR
const std::filesystem::path conformance_dir =
    shared_dir(ORDERNORM_SHARED_DIR) / "conformance" / "bigcommerce";
#else
const std::filesystem::path conformance_dir = std::filesystem::path(ORDERNORM_TESTS_DIR) / ".." /
                                              ".." / "shared" / "conformance" / "bigcommerce";
#endif

using probe = order_probe;  // test_support.hpp

// Converts `json` under both mappers, expects one order and no reject, and
// returns the warnings (the same under both mappers).
std::vector<record_warning> with_order(std::string_view json,
                                       const std::function<void(const order&)>& check,
                                       std::optional<platform> from = bigcommerce) {
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
      for (std::size_t i = 0; i < first.size() && i < p.warnings.size(); ++i) {
        EXPECT_EQ(p.warnings[i].message, first[i].message);
        EXPECT_EQ(p.warnings[i].json_pointer, first[i].json_pointer);
      }
    }
  }
  return first;
}

// Every record of `json` is rejected, the same way under both mappers.
std::vector<reject_entry> rejects_of(std::string_view json,
                                     std::optional<platform> from = autodetect) {
  std::vector<reject_entry> first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    const conversion got = convert_text(json, options_for(from, m));
    EXPECT_EQ(got.converted, 0u);
    EXPECT_TRUE(got.ndjson.empty());
    if (m == mapper::fast) {
      first = got.rejects;
    } else {
      EXPECT_EQ(got.rejects.size(), first.size());
    }
  }
  return first;
}

std::string formatted(const std::optional<timestamp>& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

std::string money(const opt_money& m, int minor_units = 2) {
  if (!m) return "null";
  char buf[decimal::max_chars];
  return std::string(m->format(buf, minor_units));
}

// A minimal V2 order: `members` first (the first occurrence of a key wins).
std::string order_with(std::string_view members) {
  std::string s = "{";
  if (!members.empty()) s += std::string(members) + ",";
  s +=
      R"("id":100,"date_created":"Thu, 18 Jun 2026 12:05:04 +0000","default_currency_code":"USD"})";
  return s;
}

// An order in the status `id`, with no payment status of its own.
std::string order_in_status(int id, std::string_view extra = {}) {
  std::string members = R"("status_id":)" + std::to_string(id) + R"(,"payment_status":"")";
  if (!extra.empty()) members = std::string(extra) + "," + members;
  return order_with(members);
}

struct expected_row {
  order_status order;
  payment_status payment;
  fulfillment_status fulfillment;
  std::string_view name;
};

void expect_status_row(int id, const expected_row& want, std::string_view extra = {}) {
  with_order(order_in_status(id, extra), [&](const order& o) {
    EXPECT_EQ(o.order_status, want.order);
    EXPECT_EQ(o.payment_status, want.payment);
    EXPECT_EQ(o.fulfillment_status, want.fulfillment);
    EXPECT_EQ(o.order_status_raw, std::to_string(id));  // no `status`: the id's digits
    EXPECT_TRUE(o.payment_status_raw.empty());
    EXPECT_TRUE(o.fulfillment_status_raw.empty());
  });
  // The table row carries the system name of GET /v2/order_statuses.
  const auto* row = mappings::bigcommerce::status_for(std::to_string(id), {});
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->name, want.name);
}

using os = order_status;
using ps = payment_status;
using fs = fulfillment_status;

// ---------------------------------------------------------------------------
// status_id table: one test per row (GET /v2/order_statuses, ids 0-14).

TEST(BigcommerceStatusId, Row0IncompleteIsPendingUnpaidUnfulfilled) {
  expect_status_row(0, {os::pending, ps::pending, fs::unfulfilled, "Incomplete"});
}
TEST(BigcommerceStatusId, Row1PendingIsPending) {
  expect_status_row(1, {os::pending, ps::pending, fs::unfulfilled, "Pending"});
}
TEST(BigcommerceStatusId, Row2ShippedIsShippedPaidFulfilled) {
  expect_status_row(2, {os::shipped, ps::paid, fs::fulfilled, "Shipped"});
}
TEST(BigcommerceStatusId, Row3PartiallyShippedIsActivePartial) {
  expect_status_row(3, {os::active, ps::paid, fs::partial, "Partially Shipped"});
}
TEST(BigcommerceStatusId, Row4RefundedIsCompletedRefundedFulfillmentByCounts) {
  expect_status_row(4, {os::completed, ps::refunded, fs::unknown, "Refunded"});
  expect_status_row(4, {os::completed, ps::refunded, fs::fulfilled, "Refunded"},
                    R"("items_total":2,"items_shipped":2)");
}
TEST(BigcommerceStatusId, Row5CancelledIsCancelledPaymentUnknownFulfillmentByCounts) {
  expect_status_row(5, {os::cancelled, ps::unknown, fs::unknown, "Cancelled"});
  expect_status_row(5, {os::cancelled, ps::unknown, fs::unfulfilled, "Cancelled"},
                    R"("items_total":1,"items_shipped":0)");
}
TEST(BigcommerceStatusId, Row6DeclinedIsCancelledFailed) {
  expect_status_row(6, {os::cancelled, ps::failed, fs::unknown, "Declined"});
  expect_status_row(6, {os::cancelled, ps::failed, fs::unfulfilled, "Declined"},
                    R"("items_total":3,"items_shipped":0)");
}
TEST(BigcommerceStatusId, Row7AwaitingPaymentIsPending) {
  expect_status_row(7, {os::pending, ps::pending, fs::unfulfilled, "Awaiting Payment"});
}
TEST(BigcommerceStatusId, Row8AwaitingPickupIsActivePaidUnfulfilled) {
  expect_status_row(8, {os::active, ps::paid, fs::unfulfilled, "Awaiting Pickup"});
}
TEST(BigcommerceStatusId, Row9AwaitingShipmentIsActivePaidUnfulfilled) {
  expect_status_row(9, {os::active, ps::paid, fs::unfulfilled, "Awaiting Shipment"});
}
TEST(BigcommerceStatusId, Row10CompletedIsCompletedPaidFulfilled) {
  // Even with no item counted as shipped (a digital order).
  expect_status_row(10, {os::completed, ps::paid, fs::fulfilled, "Completed"},
                    R"("items_total":1,"items_shipped":0)");
}
TEST(BigcommerceStatusId, Row11AwaitingFulfillmentIsActivePaidUnfulfilled) {
  expect_status_row(11, {os::active, ps::paid, fs::unfulfilled, "Awaiting Fulfillment"});
}
TEST(BigcommerceStatusId, Row12ManualVerificationRequiredIsOnHold) {
  expect_status_row(12,
                    {os::on_hold, ps::unknown, fs::unfulfilled, "Manual Verification Required"});
}
TEST(BigcommerceStatusId, Row13DisputedIsOnHoldPaidFulfillmentByCounts) {
  expect_status_row(13, {os::on_hold, ps::paid, fs::unknown, "Disputed"});
  expect_status_row(13, {os::on_hold, ps::paid, fs::partial, "Disputed"},
                    R"("items_total":3,"items_shipped":1)");
}
TEST(BigcommerceStatusId, Row14PartiallyRefundedIsActivePartiallyRefunded) {
  expect_status_row(14, {os::active, ps::partially_refunded, fs::unknown, "Partially Refunded"});
  expect_status_row(14, {os::active, ps::partially_refunded, fs::fulfilled, "Partially Refunded"},
                    R"("items_total":2,"items_shipped":5)");
}

TEST(BigcommerceStatusId, TableNamesMatchTheRealOrderStatusesList) {
  // ../shared/conformance/bigcommerce/v2-order-statuses-nango-2026.json: every
  // id 0-14 with its system_label, in the table in id order.
  const std::filesystem::path path = conformance_dir / "v2-order-statuses-nango-2026.json";
  ORDERNORM_REQUIRE_PAYLOAD(path);
  const std::string text = read_file(path);
  ASSERT_EQ(mappings::bigcommerce::statuses.size(), 15u);
  for (std::size_t i = 0; i < 15; ++i) {
    const auto& row = mappings::bigcommerce::statuses[i];
    EXPECT_EQ(row.id, std::to_string(i));
    const std::string entry = "\"id\": " + std::to_string(i) + ",\n    \"name\": \"" +
                              std::string(row.name) + "\",\n    \"system_label\": \"" +
                              std::string(row.name) + "\"";
    EXPECT_NE(text.find(entry), std::string::npos) << row.name;
  }
}

// ---------------------------------------------------------------------------
// payment_status table: one test per row.

void expect_payment(std::string_view raw, payment_status want) {
  const std::string json =
      order_with(R"("status_id":5,"payment_status":")" + std::string(raw) + "\"");
  with_order(json, [&](const order& o) {
    EXPECT_EQ(o.payment_status, want);
    EXPECT_EQ(o.payment_status_raw, raw);
  });
}

TEST(BigcommercePaymentStatus, AuthorizedIsAuthorized) {
  expect_payment("authorized", ps::authorized);
}
TEST(BigcommercePaymentStatus, CapturedIsPaid) { expect_payment("captured", ps::paid); }
TEST(BigcommercePaymentStatus, CapturePendingIsAuthorized) {
  expect_payment("capture pending", ps::authorized);
}
TEST(BigcommercePaymentStatus, DeclinedIsFailed) { expect_payment("declined", ps::failed); }
TEST(BigcommercePaymentStatus, HeldForReviewIsPending) {
  expect_payment("held for review", ps::pending);
}
TEST(BigcommercePaymentStatus, PaidIsPaid) { expect_payment("paid", ps::paid); }
TEST(BigcommercePaymentStatus, PartiallyRefundedIsPartiallyRefunded) {
  expect_payment("partially refunded", ps::partially_refunded);
}
TEST(BigcommercePaymentStatus, PendingIsPending) { expect_payment("pending", ps::pending); }
TEST(BigcommercePaymentStatus, RefundedIsRefunded) { expect_payment("refunded", ps::refunded); }
TEST(BigcommercePaymentStatus, VoidIsVoided) { expect_payment("void", ps::voided); }
TEST(BigcommercePaymentStatus, VoidPendingIsVoided) { expect_payment("void pending", ps::voided); }

TEST(BigcommercePaymentStatus, EmptyFallsBackToTheStatusRow) {
  // Manual and offline methods leave payment_status "": the status speaks.
  with_order(order_with(R"("status_id":11,"payment_status":"")"), [](const order& o) {
    EXPECT_EQ(o.payment_status, ps::paid);
    EXPECT_TRUE(o.payment_status_raw.empty());
  });
  with_order(order_with(R"("status_id":7,"payment_status":null)"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::pending); });
}

TEST(BigcommercePaymentStatus, NonEmptyValueWinsOverTheStatusRow) {
  with_order(order_with(R"("status_id":11,"payment_status":"authorized")"),
             [](const order& o) { EXPECT_EQ(o.payment_status, ps::authorized); });
}

TEST(BigcommercePaymentStatus, UnknownValueIsUnknownWithRawKept) {
  with_order(order_with(R"("status_id":11,"payment_status":"partially paid")"), [](const order& o) {
    EXPECT_EQ(o.payment_status, ps::unknown);
    EXPECT_EQ(o.payment_status_raw, "partially paid");
  });
}

// ---------------------------------------------------------------------------
// Status quirks

TEST(BigcommerceStatus, RawIsTheSystemNameBesideTheId) {
  with_order(order_with(R"("status_id":2,"status":"Shipped","custom_status":"On its way to you")"),
             [](const order& o) {
               EXPECT_EQ(o.order_status, os::shipped);
               EXPECT_EQ(o.order_status_raw, "Shipped");
             });
}

TEST(BigcommerceStatus, IdDecidesOverARelabelledOrOddName) {
  with_order(order_with(R"("status_id":5,"status":"Something Else")"), [](const order& o) {
    EXPECT_EQ(o.order_status, os::cancelled);
    EXPECT_EQ(o.order_status_raw, "Something Else");
  });
}

TEST(BigcommerceStatus, UnknownStatusIdIsUnknownWithRawKept) {
  with_order(order_with(R"("status_id":99,"status":"Awaiting Review","payment_status":"")"),
             [](const order& o) {
               EXPECT_EQ(o.order_status, os::unknown);
               EXPECT_EQ(o.order_status_raw, "Awaiting Review");
               EXPECT_EQ(o.payment_status, ps::unknown);
               EXPECT_EQ(o.fulfillment_status, fs::unknown);
             });
  with_order(order_with(R"("status_id":-1)"), [](const order& o) {
    EXPECT_EQ(o.order_status, os::unknown);
    EXPECT_EQ(o.order_status_raw, "-1");
  });
}

TEST(BigcommerceStatus, SystemNameDecidesWhenStatusIdIsMissing) {
  with_order(order_with(R"("status":"Awaiting Shipment")"), [](const order& o) {
    EXPECT_EQ(o.order_status, os::active);
    EXPECT_EQ(o.order_status_raw, "Awaiting Shipment");
  });
  with_order(order_with(R"("status":"Custom Label")"),
             [](const order& o) { EXPECT_EQ(o.order_status, os::unknown); });
}

TEST(BigcommerceStatus, StatusIdAsAStringIsReadToo) {
  with_order(order_with(R"("status_id":"3")"),
             [](const order& o) { EXPECT_EQ(o.order_status, os::active); });
}

TEST(BigcommerceStatus, NoStatusAtAllIsUnknownWithNullRaw) {
  with_order(order_with({}), [](const order& o) {
    EXPECT_EQ(o.order_status, os::unknown);
    EXPECT_TRUE(o.order_status_raw.empty());
  });
}

TEST(BigcommerceStatus, FulfillmentByItemCountsNoneSomeAllOrNoTotal) {
  using mappings::bigcommerce::fulfillment_by_counts;
  EXPECT_EQ(fulfillment_by_counts(0, 3), fs::unfulfilled);
  EXPECT_EQ(fulfillment_by_counts(std::nullopt, 3), fs::unfulfilled);
  EXPECT_EQ(fulfillment_by_counts(1, 3), fs::partial);
  EXPECT_EQ(fulfillment_by_counts(3, 3), fs::fulfilled);
  EXPECT_EQ(fulfillment_by_counts(1, std::nullopt), fs::unknown);
  EXPECT_EQ(fulfillment_by_counts(0, 0), fs::unknown);
  with_order(order_with(R"("status_id":99,"items_total":4,"items_shipped":2)"),
             [](const order& o) { EXPECT_EQ(o.fulfillment_status, fs::partial); });
}

TEST(BigcommerceStatus, CountsDoNotOverrideAStatusThatSays) {
  // Awaiting Fulfillment says nothing has shipped; date_shipped is no sign.
  with_order(order_with(R"("status_id":11,"items_total":2,"items_shipped":2,)"
                        R"("date_shipped":"Wed, 21 Nov 2012 17:03:00 +0000")"),
             [](const order& o) { EXPECT_EQ(o.fulfillment_status, fs::unfulfilled); });
}

TEST(BigcommerceStatus, IsDeletedIsRemoteDeleted) {
  with_order(order_with(R"("is_deleted":true)"),
             [](const order& o) { EXPECT_TRUE(o.remote_deleted); });
  with_order(order_with(R"("is_deleted":null)"),
             [](const order& o) { EXPECT_FALSE(o.remote_deleted); });
}

// ---------------------------------------------------------------------------
// Detection and shapes

TEST(BigcommerceShape, AutoDetectsBySingleOrderListAndEnvelope) {
  const std::string one = order_in_status(11);
  with_order(
      one, [](const order& o) { EXPECT_EQ(o.platform, platform::bigcommerce); }, autodetect);
  with_order(
      "[" + one + "]", [](const order& o) { EXPECT_EQ(o.platform, platform::bigcommerce); },
      autodetect);
  with_order(R"({"order":)" + one + "}",
             [](const order& o) { EXPECT_EQ(o.platform, platform::bigcommerce); }, autodetect);
}

TEST(BigcommerceShape, EveryMarkerKeyAloneDetectsTheOrder) {
  for (std::string_view key : mappings::bigcommerce::marker_keys) {
    SCOPED_TRACE(std::string(key));
    with_order(R"({"id":7,")" + std::string(key) + R"(":null})",
               [](const order& o) { EXPECT_EQ(o.platform, platform::bigcommerce); }, autodetect);
  }
}

TEST(BigcommerceShape, SubResourceFilesAreNotOrders) {
  // The real products, shipping addresses, shipments and status lists carry
  // no marker key: each row is an unknown_platform reject, never an order.
  for (const char* name :
       {"v2-order-100-products-nango-2026.json", "v2-order-100-shipping-addresses-nango-2026.json",
        "v2-order-shipments-docs-example.json", "v2-order-statuses-nango-2026.json"}) {
    SCOPED_TRACE(name);
    const std::filesystem::path path = conformance_dir / name;
    ORDERNORM_REQUIRE_PAYLOAD(path);
    const std::vector<reject_entry> rejects = rejects_of(read_file(path));
    EXPECT_FALSE(rejects.empty());
    for (const reject_entry& r : rejects) EXPECT_EQ(r.error.code, error_code::unknown_platform);
  }
}

TEST(BigcommerceShape, ExpandedFormOfTheRealOrder100) {
  // DESIGN.md "Inputs that are more than one document": the real order with
  // its real products and shipping addresses placed under their keys.
  const std::filesystem::path order_path = conformance_dir / "v2-order-100-nango-2026.json";
  ORDERNORM_REQUIRE_PAYLOAD(order_path);
  std::string json = read_file(order_path);
  const std::string products = read_file(conformance_dir / "v2-order-100-products-nango-2026.json");
  const std::string addresses =
      read_file(conformance_dir / "v2-order-100-shipping-addresses-nango-2026.json");
  const auto replace_link = [&](std::string_view key, const std::string& rows) {
    std::string needle = "\"";
    needle += key;
    needle += "\": {";
    const std::size_t at = json.find(needle);
    ASSERT_NE(at, std::string::npos) << key;
    const std::size_t open = json.find('{', at);
    const std::size_t close = json.find('}', open);
    json.replace(open, close - open + 1, rows);
  };
  replace_link("products", products);
  replace_link("shipping_addresses", addresses);
  const auto warnings = with_order(
      json,
      [](const order& o) {
        ASSERT_EQ(o.line_items.size(), 1u);
        const line_item& li = o.line_items[0];
        EXPECT_EQ(li.line_item_id, "1");
        EXPECT_EQ(li.product_id, "80");
        EXPECT_EQ(li.variant_id, "64");
        EXPECT_EQ(li.sku, "OTL");
        EXPECT_EQ(li.title, "[Sample] Orbit Terrarium - Large");
        EXPECT_EQ(li.quantity, 1);
        EXPECT_EQ(money(li.price), "109.00");
        EXPECT_EQ(money(li.unit_cost), "0.00");
        EXPECT_EQ(li.currency, "KES");
        ASSERT_TRUE(o.shipping_address.has_value());
        EXPECT_EQ(o.shipping_address->address1, "123 Main St");
        EXPECT_EQ(o.shipping_address->region, "TX");
        EXPECT_EQ(o.shipping_address->postal_code, "78701");
        EXPECT_EQ(o.shipping_address->country_code, "US");
        EXPECT_TRUE(o.shipping_address->phone.empty());
      },
      autodetect);
  EXPECT_TRUE(warnings.empty());
}

// ---------------------------------------------------------------------------
// Sub-resource links

TEST(BigcommerceLinks, ProductsLinkConvertsWithAWarningNamingIt) {
  const auto warnings = with_order(
      order_with(
          R"("products":{"url":"https://api.bigcommerce.com/stores/x/v2/orders/100/products",)"
          R"("resource":"/orders/100/products"})"),
      [](const order& o) { EXPECT_TRUE(o.line_items.empty()); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/products");
  EXPECT_EQ(warnings[0].message,
            "products is an unexpanded link (/orders/100/products): the order has no line items");
}

TEST(BigcommerceLinks, ShippingAddressesLinkWarns) {
  const auto warnings = with_order(
      order_with(R"("shipping_addresses":{"resource":"/orders/100/shipping_addresses"})"),
      [](const order& o) { EXPECT_FALSE(o.shipping_address.has_value()); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/shipping_addresses");
  EXPECT_NE(warnings[0].message.find("no shipping address"), std::string::npos);
}

TEST(BigcommerceLinks, ShipmentsLinkWarns) {
  const auto warnings =
      with_order(order_with(R"("shipments":{"resource":"/orders/100/shipments"})"),
                 [](const order& o) { EXPECT_TRUE(o.shipments.empty()); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/shipments");
}

TEST(BigcommerceLinks, LinkWithoutResourceNamesItsUrl) {
  const auto warnings = with_order(
      order_with(R"("products":{"url":"https://store.example/api/v2/orders/100/products.json"})"),
      [](const order&) {});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("(https://store.example/api/v2/orders/100/products.json)"),
            std::string::npos)
      << warnings[0].message;
}

TEST(BigcommerceLinks, WarningsComeInAFixedOrderWhateverTheKeyOrder) {
  const auto warnings = with_order(
      order_with(R"("shipments":{"resource":"/s"},"shipping_addresses":{"resource":"/a"},)"
                 R"("products":{"resource":"/p"})"),
      [](const order&) {});
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[0].json_pointer, "/products");
  EXPECT_EQ(warnings[1].json_pointer, "/shipping_addresses");
  EXPECT_EQ(warnings[2].json_pointer, "/shipments");
}

TEST(BigcommerceLinks, ExpandedEmptyOrNullListIsNoWarning) {
  EXPECT_TRUE(with_order(order_with(R"("products":[],"shipping_addresses":null,"shipments":[])"),
                         [](const order&) {})
                  .empty());
}

TEST(BigcommerceLinks, CouponsFeesConsignmentsLinksAreNotWarnedAbout) {
  EXPECT_TRUE(with_order(order_with(R"("coupons":{"resource":"/c"},"fees":{"resource":"/f"},)"
                                    R"("consignments":{"resource":"/k"})"),
                         [](const order&) {})
                  .empty());
}

TEST(BigcommerceLinks, ProductsOfAnotherTypeIsWrongType) {
  const auto rejects = rejects_of(order_with(R"("products":"/orders/100/products")"), bigcommerce);
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(rejects[0].error.json_pointer, "/products");
}

// ---------------------------------------------------------------------------
// Line items

TEST(BigcommerceLineItems, OneLinePerProductRowWithUnitBasePrice) {
  with_order(order_with(R"("products":[{"id":240,"product_id":201,"variant_id":477,)"
                        R"("name":"BigCommerce T-Shirt","name_merchant":"Tee 1","sku":"SKU-201",)"
                        R"("base_price":"235.0000","price_ex_tax":"217.0900",)"
                        R"("price_inc_tax":"235.0000","base_total":"940.0000","quantity":4,)"
                        R"("base_cost_price":"50.0000"}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               const line_item& li = o.line_items[0];
               EXPECT_EQ(li.line_item_id, "240");
               EXPECT_EQ(li.product_id, "201");
               EXPECT_EQ(li.variant_id, "477");
               EXPECT_EQ(li.title, "BigCommerce T-Shirt");
               EXPECT_EQ(li.quantity, 4);
               EXPECT_EQ(money(li.price), "235.00");  // unit, not base_total
               EXPECT_EQ(money(li.unit_cost), "50.00");
               EXPECT_EQ(li.currency, "USD");
             });
}

TEST(BigcommerceLineItems, BundledChildRowsAreNotLinesOfTheirOwn) {
  with_order(order_with(R"("products":[)"
                        R"({"id":65,"product_id":77,"name":"Gift Box","quantity":1,)"
                        R"("base_price":"55.9900","parent_order_product_id":null,)"
                        R"("is_bundled_product":false},)"
                        R"({"id":66,"product_id":86,"name":"Able Brewing System","quantity":1,)"
                        R"("base_price":"0.0000","parent_order_product_id":65,)"
                        R"("is_bundled_product":true},)"
                        R"({"id":67,"product_id":87,"name":"Filter","quantity":1,)"
                        R"("base_price":"0.0000","parent_order_product_id":65}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_EQ(o.line_items[0].line_item_id, "65");
             });
}

TEST(BigcommerceLineItems, CustomProductZeroIdsAreNull) {
  with_order(order_with(R"("products":[{"id":238,"product_id":0,"variant_id":0,)"
                        R"("name":"Journal","base_price":"45.0000","quantity":1}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               EXPECT_TRUE(o.line_items[0].product_id.empty());
               EXPECT_TRUE(o.line_items[0].variant_id.empty());
             });
}

TEST(BigcommerceLineItems, PriceFallsBackByTaxModeWithoutBasePrice) {
  const std::string row =
      R"("products":[{"id":1,"price_ex_tax":"41.5700","price_inc_tax":"45.0000"}])";
  with_order(order_with(row + R"(,"is_tax_inclusive_pricing":true)"),
             [](const order& o) { EXPECT_EQ(money(o.line_items.at(0).price), "45.00"); });
  with_order(order_with(row + R"(,"is_tax_inclusive_pricing":false)"),
             [](const order& o) { EXPECT_EQ(money(o.line_items.at(0).price), "41.57"); });
  with_order(order_with(row), [](const order& o) {
    EXPECT_EQ(money(o.line_items.at(0).price), "41.57");  // absent: exclusive
  });
}

TEST(BigcommerceLineItems, TitleFromNameCustomerWhenNameIsMissing) {
  with_order(
      order_with(R"("products":[{"id":1,"name_merchant":"Internal","name_customer":"Shown"}])"),
      [](const order& o) { EXPECT_EQ(o.line_items.at(0).title, "Shown"); });
}

// ---------------------------------------------------------------------------
// Money and currency

TEST(BigcommerceMoney, FourDecimalStringsAreExact) {
  with_order(order_with(R"("total_inc_tax":"10.1250","total_tax":"0.0001")"), [](const order& o) {
    EXPECT_EQ(money(o.total_price, 2), "10.125");
    EXPECT_EQ(money(o.total_tax, 2), "0.0001");
  });
}

TEST(BigcommerceMoney, CurrencyIsTheTransactionalDefaultCurrency) {
  with_order(R"({"id":1,"status_id":10,"currency_code":"CAD","default_currency_code":"USD",)"
             R"("store_default_currency_code":"EUR","total_inc_tax":"30.0000"})",
             [](const order& o) { EXPECT_EQ(o.currency, "USD"); });
}

TEST(BigcommerceMoney, DisplayCurrencyOnlyWhenDefaultIsMissing) {
  with_order(R"({"id":1,"status_id":10,"currency_code":"GBP","default_currency_code":""})",
             [](const order& o) { EXPECT_EQ(o.currency, "GBP"); });
}

TEST(BigcommerceMoney, ShippingFollowsTheStoreTaxMode) {
  const std::string costs =
      R"("shipping_cost_ex_tax":"10.0000","shipping_cost_inc_tax":"12.0000","base_shipping_cost":"9.0000")";
  with_order(order_with(costs + R"(,"is_tax_inclusive_pricing":true)"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping), "12.00"); });
  with_order(order_with(costs + R"(,"is_tax_inclusive_pricing":false)"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping), "10.00"); });
  with_order(order_with(R"("base_shipping_cost":"9.0000")"),
             [](const order& o) { EXPECT_EQ(money(o.total_shipping), "9.00"); });
  with_order(order_with({}), [](const order& o) { EXPECT_FALSE(o.total_shipping.has_value()); });
}

TEST(BigcommerceMoney, DiscountIsTheSumOfManualAndCoupon) {
  with_order(order_with(R"("discount_amount":"1.5900","coupon_discount":"5.0000")"),
             [](const order& o) { EXPECT_EQ(money(o.total_discount), "6.59"); });
  with_order(order_with(R"("discount_amount":"","coupon_discount":"2.0000")"),
             [](const order& o) { EXPECT_EQ(money(o.total_discount), "2.00"); });
  with_order(order_with({}), [](const order& o) { EXPECT_FALSE(o.total_discount.has_value()); });
}

TEST(BigcommerceMoney, DiscountSumOverflowIsRejected) {
  const auto rejects = rejects_of(
      order_with(R"("discount_amount":"9223372036854775807","coupon_discount":"1")"), bigcommerce);
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::money_out_of_range);
}

// ---------------------------------------------------------------------------
// Times

TEST(BigcommerceTime, Rfc2822DatesAreUtc) {
  with_order(R"({"id":1,"status_id":1,"date_created":"Tue, 20 Nov 2012 00:00:00 +0000",)"
             R"("date_modified":"Sun, 10 Mar 2024 23:30:00 -0500"})",
             [](const order& o) {
               EXPECT_EQ(formatted(o.remote_created_at), "2012-11-20T00:00:00.000Z");
               EXPECT_EQ(formatted(o.remote_updated_at), "2024-03-11T04:30:00.000Z");
             });
}

TEST(BigcommerceTime, EmptyStringDateIsNoDate) {
  with_order(R"({"id":1,"status_id":1,"date_created":"","date_modified":null})",
             [](const order& o) {
               EXPECT_FALSE(o.remote_created_at.has_value());
               EXPECT_FALSE(o.remote_updated_at.has_value());
             });
}

TEST(BigcommerceTime, ZonelessDateIsUtcByContract) {
  with_order(R"({"id":1,"status_id":1,"date_created":"2024-03-05 08:09:10"})", [](const order& o) {
    ASSERT_TRUE(o.remote_created_at.has_value());
    EXPECT_FALSE(o.remote_created_at->local);
    EXPECT_EQ(formatted(o.remote_created_at), "2024-03-05T08:09:10.000Z");
  });
}

TEST(BigcommerceTime, MalformedDateIsRejected) {
  const auto rejects =
      rejects_of(R"({"id":1,"status_id":1,"date_created":"Mon, 18 Jun 2026 12:05:04 +0000"})",
                 bigcommerce);  // 18 Jun 2026 is a Thursday
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.code, error_code::invalid_timestamp);
  EXPECT_EQ(rejects[0].error.json_pointer, "/date_created");
}

// ---------------------------------------------------------------------------
// Customer and addresses

TEST(BigcommerceCustomer, CustomerIdZeroIsAGuestWithBillingContact) {
  with_order(order_with(R"("customer_id":0,"billing_address":{"first_name":"Gus",)"
                        R"("last_name":"Guest","email":"gus@example.com","phone":"555"})"),
             [](const order& o) {
               ASSERT_TRUE(o.customer.has_value());
               EXPECT_TRUE(o.customer->customer_id.empty());
               EXPECT_EQ(o.customer->first_name, "Gus");
               EXPECT_EQ(o.customer->email, "gus@example.com");
               EXPECT_EQ(o.customer->phone, "555");
             });
}

TEST(BigcommerceCustomer, RegisteredCustomerKeepsItsId) {
  with_order(order_with(R"("customer_id":11,"billing_address":{"email":"jane@example.com"})"),
             [](const order& o) {
               ASSERT_TRUE(o.customer.has_value());
               EXPECT_EQ(o.customer->customer_id, "11");
               EXPECT_EQ(o.customer->email, "jane@example.com");
             });
}

TEST(BigcommerceCustomer, GuestWithoutContactIsNull) {
  with_order(order_with(R"("customer_id":0,"billing_address":{"company":"Walk-in"})"),
             [](const order& o) {
               EXPECT_FALSE(o.customer.has_value());
               ASSERT_TRUE(o.billing_address.has_value());
               EXPECT_EQ(o.billing_address->company, "Walk-in");
             });
}

TEST(BigcommerceAddress, StateIsFreeTextAsGivenNoCodeInvented) {
  with_order(order_with(R"("billing_address":{"state":"Texas","country":"United States",)"
                        R"("country_iso2":"US","zip":78751})"),
             [](const order& o) {
               ASSERT_TRUE(o.billing_address.has_value());
               EXPECT_EQ(o.billing_address->region, "Texas");
               EXPECT_EQ(o.billing_address->country_code, "US");
               EXPECT_EQ(o.billing_address->postal_code, "78751");
             });
}

TEST(BigcommerceAddress, CountryNameIsNotACountryCode) {
  with_order(order_with(R"("billing_address":{"city":"Austin","country":"United States"})"),
             [](const order& o) { EXPECT_TRUE(o.billing_address->country_code.empty()); });
}

TEST(BigcommerceAddress, SeveralShippingAddressesFirstWinsWithAWarning) {
  const auto warnings = with_order(
      order_with(R"("shipping_addresses":[{"id":132,"street_1":"666 Sussex St","state":"Texas"},)"
                 R"({"id":133,"street_1":"555 Main Street","state":"Texas"}])"),
      [](const order& o) {
        ASSERT_TRUE(o.shipping_address.has_value());
        EXPECT_EQ(o.shipping_address->address1, "666 Sussex St");
      });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].json_pointer, "/shipping_addresses");
  EXPECT_EQ(warnings[0].message,
            "shipping_addresses holds 2 addresses: shippingAddress is the first, the others are "
            "not in the model");
}

// ---------------------------------------------------------------------------
// Shipments

TEST(BigcommerceShipments, OnePerRowCarrierAsBigCommerceNamesIt) {
  with_order(order_with(R"("shipments":[{"id":6,"tracking_number":"EJ958083578US",)"
                        R"("shipping_provider":"usps","tracking_carrier":"",)"
                        R"("shipping_provider_display_name":"USPS","tracking_link":"",)"
                        R"("generated_tracking_link":"https://trk.example/EJ958083578US"}])"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               const shipment& s = o.shipments[0];
               EXPECT_EQ(s.carrier, "usps");
               EXPECT_EQ(s.tracking_code, "EJ958083578US");
               EXPECT_EQ(s.tracking_url, "https://trk.example/EJ958083578US");
               EXPECT_EQ(s.status, shipment_status::unknown);
               EXPECT_TRUE(s.status_raw.empty());
             });
}

TEST(BigcommerceShipments, TrackingCarrierWhenNoShippingProvider) {
  with_order(order_with(R"("shipments":[{"shipping_provider":"","tracking_carrier":"dhl",)"
                        R"("tracking_number":"JD1"}])"),
             [](const order& o) { EXPECT_EQ(o.shipments.at(0).carrier, "dhl"); });
}

TEST(BigcommerceShipments, MerchantTrackingLinkWinsOverGeneratedOne) {
  with_order(order_with(R"("shipments":[{"generated_tracking_link":"https://gen.example/1",)"
                        R"("tracking_link":"https://custom.example/1"}])"),
             [](const order& o) {
               EXPECT_EQ(o.shipments.at(0).tracking_url, "https://custom.example/1");
             });
}

TEST(BigcommerceShipments, ShipmentWithoutTrackingNumberHasNullCode) {
  with_order(
      order_with(R"("shipments":[{"shipping_provider":"carrier_1234567","tracking_number":""}])"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        EXPECT_TRUE(o.shipments[0].tracking_code.empty());
        EXPECT_EQ(o.shipments[0].carrier, "carrier_1234567");
      });
}

// ---------------------------------------------------------------------------
// Ids

TEST(BigcommerceIds, IdIsRemoteIdAndOrderNumber) {
  with_order(order_with({}), [](const order& o) {
    EXPECT_EQ(o.id, "bigcommerce:100");
    EXPECT_EQ(o.remote_id, "100");
    EXPECT_EQ(o.order_number, "100");
    EXPECT_EQ(o.platform, platform::bigcommerce);
  });
}

TEST(BigcommerceIds, ReusedConverterStartsEachOrderAfresh) {
  // Scratch members (links, rows, billing) must not leak into the next order.
  const std::string first = order_with(
      R"("customer_id":5,"billing_address":{"email":"a@example.com"},"products":[{"id":1}],)"
      R"("shipping_addresses":[{"city":"X"},{"city":"Y"}],"shipments":{"resource":"/s"})");
  const std::string second = R"({"id":2,"status_id":1})";
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got =
        convert_text("[" + first + "," + second + "]", options_for(autodetect, m));
    ASSERT_TRUE(got.rejects.empty()) << describe(got.rejects);
    const std::size_t line = got.ndjson.find('\n');
    EXPECT_EQ(
        got.ndjson.substr(line + 1),
        R"({"id":"bigcommerce:2","platform":"bigcommerce","remoteId":"2","orderNumber":"2",)"
        R"("remoteCreatedAt":null,"remoteUpdatedAt":null,"remoteDeleted":false,"isTest":null,)"
        R"("orderStatus":"Pending","orderStatusRaw":"1","paymentStatus":"Pending",)"
        R"("paymentStatusRaw":null,"fulfillmentStatus":"unfulfilled",)"
        R"("fulfillmentStatusRaw":null,"currency":null,"totalPrice":null,"totalTax":null,)"
        R"("totalShipping":null,"totalDiscount":null,"lineItems":[],"billingAddress":null,)"
        R"("shippingAddress":null,"customer":null,"shipments":[]})"
        "\n");
  }
}

// ---------------------------------------------------------------------------
// Issue 13: a number where text is expected is that number's text.

// The phone typed as a JSON number beside a numeric zip in the same address:
// both are their digits as written (the zip always was).
TEST(BigCommerce, NumericPhoneIsItsText) {
  with_order(order_with(R"("customer_id":0,"billing_address":{"first_name":"Gus",)"
                        R"("phone":1234567890,"zip":78108,"country_iso2":"US",)"
                        R"("email":"gus@example.com"})"),
             [](const order& o) {
               ASSERT_TRUE(o.billing_address.has_value());
               EXPECT_EQ(o.billing_address->phone, "1234567890");
               EXPECT_EQ(o.billing_address->postal_code, "78108");
               ASSERT_TRUE(o.customer.has_value());
               EXPECT_EQ(o.customer->phone, "1234567890");
             });
}

TEST(BigCommerce, FractionalQuantityIsExact) {
  with_order(order_with(R"("products":[{"id":5,"product_id":77,"quantity":2.25,)"
                        R"("base_price":"4.0000"}])"),
             [](const order& o) {
               ASSERT_EQ(o.line_items.size(), 1u);
               ASSERT_TRUE(o.line_items[0].quantity.has_value());
               EXPECT_EQ(o.line_items[0].quantity->value(), decimal(225, 2));
             });
}

}  // namespace
