// The Malomo mapping (mappings/malomo.hpp): one test per rule or hard case
// that the golden files under tests/golden/malomo/ do not make obvious.
// Every conversion runs under both mappers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/malomo.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

using st = shipment_status;
constexpr std::optional<platform> malomo = platform::malomo;
constexpr std::optional<platform> autodetect = std::nullopt;

using probe = order_probe;  // test_support.hpp

// Runs `check` on every order converted from `json` (the views die after the
// call), under both mappers, and expects `orders` orders and no reject.
void with_orders(std::string_view json, std::optional<platform> from, int expected_orders,
                 const std::function<void(const order&)>& check) {
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    probe p(check);
    converter conv(options_for(from, m));
    conv.convert(json, p);
    EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
    EXPECT_EQ(p.orders, expected_orders);
  }
}

void with_order(std::string_view json, const std::function<void(const order&)>& check,
                std::optional<platform> from = malomo) {
  with_orders(json, from, 1, check);
}

// The single reject of `json`, the same under both mappers.
record_error reject_of(std::string_view json, std::optional<platform> from = malomo) {
  record_error first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    const conversion got = convert_text(json, options_for(from, m));
    EXPECT_EQ(got.converted, 0u);
    EXPECT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
    if (got.rejects.size() != 1) return {};
    if (m == mapper::fast) {
      first = got.rejects[0].error;
    } else {
      EXPECT_EQ(got.rejects[0].error.code, first.code);
      EXPECT_EQ(got.rejects[0].error.json_pointer, first.json_pointer);
    }
  }
  return first;
}

// The NDJSON of `json`, the same under both mappers.
std::string ndjson_of(std::string_view json, std::optional<platform> from = malomo) {
  std::string first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(json, options_for(from, m));
    EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
    if (m == mapper::fast) {
      first = got.ndjson;
    } else {
      EXPECT_EQ(got.ndjson, first) << "the mappers disagree";
    }
  }
  return first;
}

std::string formatted(const std::optional<timestamp>& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

// A Malomo order around the given shipment members.
std::string order_with_shipment(std::string_view shipment_members) {
  return R"({"alternate_id":"450789469","id":"58f3d13f-2979-462b-92f8-4b85c6ee6abe",)"
         R"("number":"1000","created_at":"2019-01-30T13:30:00Z","shipments":[{)" +
         std::string(shipment_members) + "}]}";
}

// One scan event; `extra` adds or overrides members (the first key wins).
std::string event(std::string_view status, std::string_view scanned_at,
                  std::string_view extra = {}) {
  std::string e = "{";
  if (!extra.empty()) e += std::string(extra) + ",";
  e += R"("carrier_code":null,"description":null,"message":null,"source":"USPS",)";
  e += R"("status":")" + std::string(status) + R"(","scanned_at":")" + std::string(scanned_at) +
       R"("})";
  return e;
}

// The seed order of ../shared/seeds/003_*.txt, as its golden case holds it.
const std::filesystem::path seed_path =
    std::filesystem::path(ORDERNORM_TESTS_DIR) / "golden" / "malomo" / "seed_order_delivered.json";

// ---------------------------------------------------------------------------
// Detection

TEST(Malomo, AutoDetectsMalomoByAlternateId) {
  with_order(
      read_file(seed_path), [](const order& o) { EXPECT_EQ(o.platform, platform::malomo); },
      autodetect);
}

TEST(Malomo, AlternateIdKeyDetectsEvenWhenItsValueIsNull) {
  with_order(R"({"alternate_id":null,"id":"u-1","number":"7"})",
             [](const order& o) { EXPECT_EQ(o.platform, platform::malomo); }, autodetect);
}

TEST(Malomo, ShopifyKeysNestedInMetaDoNotMakeItShopify) {
  // Only top-level keys decide; `meta` is Malomo's free-form object.
  with_order(R"({"meta":{"order_number":1000,"financial_status":"paid","total_price":"9.00"},)"
             R"("alternate_id":"450789469","id":"u-1","number":"1000"})",
             [](const order& o) {
               EXPECT_EQ(o.platform, platform::malomo);
               EXPECT_EQ(o.payment_status, payment_status::unknown);
               EXPECT_FALSE(o.total_price.has_value());
             },
             autodetect);
}

TEST(Malomo, ShopifyOrderIsStillShopify) {
  with_order(
      R"({"id":450789469,"order_number":1001,"financial_status":"paid","email":"a@example.com"})",
      [](const order& o) { EXPECT_EQ(o.platform, platform::shopify); }, autodetect);
}

TEST(Malomo, ShopifyOrderGivenAsMalomoIsPlatformMismatch) {
  const record_error e =
      reject_of(R"({"id":450789469,"order_number":1001,"financial_status":"paid"})", malomo);
  EXPECT_EQ(e.code, error_code::platform_mismatch);
  EXPECT_NE(e.message.find("shopify"), std::string::npos) << e.message;
}

TEST(Malomo, OrderWithoutAlternateIdNeedsFromMalomo) {
  // Malomo writes every key, null or not; a document stripped of
  // `alternate_id` has no Malomo marker left and must be named.
  const std::string json = R"({"id":"u-1","number":"7","shipments":[]})";
  EXPECT_EQ(reject_of(json, autodetect).code, error_code::unknown_platform);
  with_order(json, [](const order& o) { EXPECT_EQ(o.order_number, "7"); });
}

// ---------------------------------------------------------------------------
// Ids

TEST(Malomo, UuidIsRemoteIdAndNumberIsOrderNumber) {
  with_order(read_file(seed_path), [](const order& o) {
    EXPECT_EQ(o.id, "malomo:58f3d13f-2979-462b-92f8-4b85c6ee6abe");
    EXPECT_EQ(o.remote_id, "58f3d13f-2979-462b-92f8-4b85c6ee6abe");
    EXPECT_EQ(o.order_number, "1000");
  });
}

TEST(Malomo, AlternateIdAndMetaAreNotInTheOutput) {
  // The shop's own order id is only a marker: no model field holds it.
  const std::string out = ndjson_of(read_file(seed_path));
  EXPECT_EQ(out.find("450789469"), std::string::npos) << out;
}

TEST(Malomo, NumericNumberKeepsItsDigits) {
  with_order(R"({"alternate_id":"1","id":"u-1","number":100000000000000001})",
             [](const order& o) { EXPECT_EQ(o.order_number, "100000000000000001"); });
}

TEST(Malomo, OrderWithoutIdIsRejected) {
  // A create request body has no `id`: alternate_id does not stand in, and
  // an order without its id is never a silent success (issue 13).
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(R"({"alternate_id":"450789469","number":"1000"})",
                                        options_for(std::nullopt, m));
    ASSERT_EQ(got.rejects.size(), 1u);
    EXPECT_EQ(got.rejects[0].error.code, error_code::missing_field);
    EXPECT_EQ(got.rejects[0].error.json_pointer, "/id");
    EXPECT_TRUE(got.ndjson.empty());
  }
}

// ---------------------------------------------------------------------------
// Timestamps

TEST(Malomo, OrderTimesAreInstants) {
  with_order(R"({"alternate_id":"1","id":"u-1","created_at":"2019-01-30T13:30:00Z",)"
             R"("updated_at":"2019-01-30T08:30:00-05:00"})",
             [](const order& o) {
               ASSERT_TRUE(o.remote_created_at.has_value());
               EXPECT_FALSE(o.remote_created_at->local);
               EXPECT_EQ(formatted(o.remote_created_at), "2019-01-30T13:30:00.000Z");
               EXPECT_EQ(formatted(o.remote_updated_at), "2019-01-30T13:30:00.000Z");
             });
}

TEST(Malomo, OrderTimeWithoutOffsetIsRejectedNotGuessed) {
  const record_error e =
      reject_of(R"({"alternate_id":"1","id":"u-1","created_at":"2019-01-30T13:30:00"})");
  EXPECT_EQ(e.code, error_code::naive_timestamp);
  EXPECT_EQ(e.json_pointer, "/created_at");
}

TEST(Malomo, ScanTimeIsKeptLocalNeverShifted) {
  // The process's own zone plays no part either.
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved != nullptr ? saved : "";
  ::setenv("TZ", "Pacific/Auckland", 1);
  ::tzset();
  with_order(order_with_shipment(R"("carrier":"usps","scan_events":[)" +
                                 event("in_transit", "2019-01-28T13:23:00") + "]"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               ASSERT_EQ(o.shipments[0].scan_events.size(), 1u);
               const auto& t = o.shipments[0].scan_events[0].scanned_at;
               ASSERT_TRUE(t.has_value());
               EXPECT_TRUE(t->local);
               EXPECT_EQ(formatted(t), "2019-01-28T13:23:00.000");
             });
  if (saved != nullptr) {
    ::setenv("TZ", saved_tz.c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();
}

TEST(Malomo, ScanTimeWithOffsetIsAnInstant) {
  with_order(order_with_shipment(R"("carrier":"usps","scan_events":[)" +
                                 event("in_transit", "2019-01-28T13:23:00-05:00") + "]"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               const auto& t = o.shipments[0].scan_events.at(0).scanned_at;
               EXPECT_EQ(formatted(t), "2019-01-28T18:23:00.000Z");
             });
}

TEST(Malomo, EstimatedDeliveryIsLocal) {
  with_order(order_with_shipment(R"("carrier":"usps","status":"in_transit",)"
                                 R"("estimated_delivered_at":"2019-01-30T13:30:00")"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(formatted(o.shipments[0].estimated_delivery_at),
                         "2019-01-30T13:30:00.000");
             });
}

// ---------------------------------------------------------------------------
// Carrier

TEST(Malomo, CarrierIsMalomosCarrierNotTheDisplayName) {
  for (const std::string members :
       {R"("carrier":"usps","carrier_name":"USPS")", R"("carrier_name":"USPS","carrier":"usps")"}) {
    SCOPED_TRACE(members);
    with_order(order_with_shipment(members), [](const order& o) {
      ASSERT_EQ(o.shipments.size(), 1u);
      EXPECT_EQ(o.shipments[0].carrier, "usps");
    });
  }
}

TEST(Malomo, CarrierNameFillsInWhenCarrierIsMissing) {
  for (const std::string members :
       {R"("carrier_name":"USPS")", R"("carrier":null,"carrier_name":"USPS")",
        R"("carrier_name":"USPS","carrier":"")"}) {
    SCOPED_TRACE(members);
    with_order(order_with_shipment(members), [](const order& o) {
      ASSERT_EQ(o.shipments.size(), 1u);
      EXPECT_EQ(o.shipments[0].carrier, "USPS");
    });
  }
}

// ---------------------------------------------------------------------------
// Statuses

TEST(Malomo, EveryMalomoStatusMapsByName) {
  // Malomo's vocabulary is the model's: one row per value, each by its name.
  for (const auto& row : mappings::malomo::statuses) {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const std::string_view name = row.first;
    const shipment_status status = row.second;
    SCOPED_TRACE(name);
    EXPECT_EQ(to_string(status), name);
    EXPECT_EQ(mappings::malomo::status_for(name), status);
    // On an event, and on a shipment without events, alike.
    with_order(
        order_with_shipment(R"("carrier":"usps","status":")" + std::string(name) +
                            R"(","scan_events":[)" + event(name, "2019-01-28T13:23:00") + "]"),
        [&](const order& o) {
          ASSERT_EQ(o.shipments.size(), 1u);
          EXPECT_EQ(o.shipments[0].scan_events.at(0).status, status);
        });
    with_order(order_with_shipment(R"("carrier":"usps","status":")" + std::string(name) + "\""),
               [&](const order& o) {
                 ASSERT_EQ(o.shipments.size(), 1u);
                 EXPECT_EQ(o.shipments[0].status, status);
                 EXPECT_EQ(o.shipments[0].status_raw, name);
               });
  }
}

TEST(Malomo, UnknownStatusValuesAreUnknownNeverAnError) {
  for (std::string_view raw : {"delayed", "Delivered", "in_customs"}) {
    SCOPED_TRACE(raw);
    EXPECT_EQ(mappings::malomo::status_for(raw), st::unknown);
  }
  with_order(order_with_shipment(R"("carrier":"usps","status":"in_customs")"), [](const order& o) {
    ASSERT_EQ(o.shipments.size(), 1u);
    EXPECT_EQ(o.shipments[0].status, st::unknown);
    EXPECT_EQ(o.shipments[0].status_raw, "in_customs");
  });
}

TEST(Malomo, ShipmentStatusComesFromEventsNotFromMalomosStatus) {
  // Malomo says delivered, with a delivered_at; the events say in transit.
  with_order(
      order_with_shipment(
          R"("carrier":"usps","status":"delivered","status_detail":"arrived_at_destination",)"
          R"("delivered_at":"2019-01-30T13:30:00","scan_events":[)" +
          event("pre_transit", "2019-01-28T13:23:00", R"("status_detail":"label_created")") + "," +
          event("in_transit", "2019-01-28T20:29:00",
                R"("status_detail":"received_at_origin_facility")") +
          "]"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        const shipment& s = o.shipments[0];
        EXPECT_EQ(s.status, st::in_transit);
        EXPECT_EQ(s.status_raw, "delivered");
        EXPECT_EQ(s.status_detail, "received_at_origin_facility");
        EXPECT_FALSE(s.delivered_at.has_value());
        EXPECT_EQ(o.fulfillment_status, fulfillment_status::unknown);
      });
}

TEST(Malomo, DeliveredAtIsTheDeliveredScanNotMalomosDeliveredAt) {
  with_order(order_with_shipment(R"("carrier":"usps","status":"delivered",)"
                                 R"("delivered_at":"2019-01-31T08:00:00","scan_events":[)" +
                                 event("delivered", "2019-01-30T13:30:00") + "]"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(o.shipments[0].status, st::delivered);
               EXPECT_EQ(formatted(o.shipments[0].delivered_at), "2019-01-30T13:30:00.000");
             });
}

TEST(Malomo, ShipmentWithoutEventsTakesMalomosOwnStatus) {
  with_order(order_with_shipment(R"("carrier":"usps","status":"delivered",)"
                                 R"("status_detail":"arrived_at_destination",)"
                                 R"("delivered_at":"2019-01-30T13:30:00","scan_events":[])"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               const shipment& s = o.shipments[0];
               EXPECT_EQ(s.status, st::delivered);
               EXPECT_EQ(s.status_detail, "arrived_at_destination");
               EXPECT_EQ(formatted(s.delivered_at), "2019-01-30T13:30:00.000");
               EXPECT_TRUE(s.delivered_at->local);
               EXPECT_EQ(o.fulfillment_status, fulfillment_status::fulfilled);
             });
}

TEST(Malomo, ShipmentWithoutEventsHasADeliveryTimeOnlyWhenDelivered) {
  with_order(order_with_shipment(R"("carrier":"usps","status":"out_for_delivery",)"
                                 R"("delivered_at":"2019-01-30T13:30:00")"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               EXPECT_EQ(o.shipments[0].status, st::out_for_delivery);
               EXPECT_FALSE(o.shipments[0].delivered_at.has_value());
             });
}

TEST(Malomo, ReturnShipmentWithDeliveredEventsIsReturnToSender) {
  with_order(order_with_shipment(R"("carrier":"usps","status":"delivered","is_return":true,)"
                                 R"("delivered_at":"2019-02-06T10:00:00","scan_events":[)" +
                                 event("in_transit", "2019-02-04T18:00:00") + "," +
                                 event("delivered", "2019-02-06T10:00:00") + "]"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               const shipment& s = o.shipments[0];
               EXPECT_EQ(s.status, st::return_to_sender);
               EXPECT_EQ(s.status_raw, "delivered");
               EXPECT_NE(o.fulfillment_status, fulfillment_status::fulfilled);
             });
}

TEST(Malomo, ReturnShipmentWithoutEventsDeliveredIsReturnToSender) {
  with_order(order_with_shipment(R"("carrier":"usps","status":"delivered","is_return":true,)"
                                 R"("delivered_at":"2019-02-06T10:00:00")"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               const shipment& s = o.shipments[0];
               EXPECT_EQ(s.status, st::return_to_sender);
               EXPECT_EQ(s.status_detail, "delivered_to_sender");
               EXPECT_FALSE(s.delivered_at.has_value());
               EXPECT_EQ(s.status_raw, "delivered");
             });
}

TEST(Malomo, IsReturnFalseOrNullIsAnOrdinaryDelivery) {
  for (std::string_view flag : {"false", "null"}) {
    SCOPED_TRACE(flag);
    with_order(order_with_shipment(R"("carrier":"usps","is_return":)" + std::string(flag) +
                                   R"(,"scan_events":[)" +
                                   event("delivered", "2019-01-30T13:30:00") + "]"),
               [](const order& o) {
                 ASSERT_EQ(o.shipments.size(), 1u);
                 EXPECT_EQ(o.shipments[0].status, st::delivered);
               });
  }
}

TEST(Malomo, IsReturnThatIsNotABooleanIsRejected) {
  const record_error e = reject_of(order_with_shipment(R"("carrier":"usps","is_return":"yes")"));
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/shipments/0/is_return");
}

TEST(Malomo, EventStatusThatIsNotAStringIsRejected) {
  const record_error e = reject_of(order_with_shipment(
      R"("carrier":"usps","scan_events":[{"status":3,"scanned_at":"2019-01-28T13:23:00"}])"));
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/shipments/0/scan_events/0/status");
}

// ---------------------------------------------------------------------------
// Scan events

TEST(Malomo, EventFieldsAreCopiedAndLocationRenamed) {
  with_order(
      order_with_shipment(
          R"("carrier":"usps","scan_events":[)" +
          event(
              "in_transit", "2019-01-28T20:29:00",
              R"("carrier_code":"OA","description":"Accepted at USPS Origin Facility",)"
              R"("message":"January 28 8:29 pm Accepted","status_detail":"received_at_origin",)"
              R"("location":{"city":"INDIANAPOLIS","country":"US","postal_code":"46203","state":"IN"})") +
          "]"),
      [](const order& o) {
        ASSERT_EQ(o.shipments.size(), 1u);
        const scan_event& e = o.shipments[0].scan_events.at(0);
        EXPECT_EQ(e.carrier_code, "OA");
        EXPECT_EQ(e.description, "Accepted at USPS Origin Facility");
        EXPECT_EQ(e.message, "January 28 8:29 pm Accepted");
        // An open string: kept although EasyPost spells it received_at_origin_facility.
        EXPECT_EQ(e.status_detail, "received_at_origin");
        EXPECT_EQ(e.source, "USPS");
        ASSERT_TRUE(e.location.has_value());
        EXPECT_EQ(e.location->city, "INDIANAPOLIS");
        EXPECT_EQ(e.location->region, "IN");
        EXPECT_EQ(e.location->postal_code, "46203");
        EXPECT_EQ(e.location->country_code, "US");
      });
}

TEST(Malomo, EventLocationNullOrAllNullIsNull) {
  for (std::string_view location :
       {R"("location":null)",
        R"("location":{"city":null,"country":null,"postal_code":"","state":null})",
        R"("location":{})"}) {
    SCOPED_TRACE(location);
    with_order(order_with_shipment(R"("carrier":"usps","scan_events":[)" +
                                   event("in_transit", "2019-01-28T20:29:00", location) + "]"),
               [](const order& o) {
                 ASSERT_EQ(o.shipments.size(), 1u);
                 EXPECT_FALSE(o.shipments[0].scan_events.at(0).location.has_value());
               });
  }
}

// ---------------------------------------------------------------------------
// Customer

TEST(Malomo, CustomerEmailFallsBackToOrderEmail) {
  for (
      const std::string json :
      {R"({"alternate_id":"1","id":"u-1","email":"order@example.com","customer":{"first_name":"Ann"}})",
       R"({"alternate_id":"1","id":"u-1","customer":{"email":null,"first_name":"Ann"},"email":"order@example.com"})"}) {
    SCOPED_TRACE(json);
    with_order(json, [](const order& o) {
      ASSERT_TRUE(o.customer.has_value());
      EXPECT_EQ(o.customer->email, "order@example.com");
      EXPECT_EQ(o.customer->first_name, "Ann");
    });
  }
}

TEST(Malomo, CustomersOwnEmailWinsOverOrderEmail) {
  // Malomo: the order's email "may be different from the Customer email".
  for (
      const std::string json :
      {R"({"alternate_id":"1","id":"u-1","email":"order@example.com","customer":{"email":"me@example.com"}})",
       R"({"alternate_id":"1","id":"u-1","customer":{"email":"me@example.com"},"email":"order@example.com"})"}) {
    SCOPED_TRACE(json);
    with_order(json, [](const order& o) {
      ASSERT_TRUE(o.customer.has_value());
      EXPECT_EQ(o.customer->email, "me@example.com");
    });
  }
}

TEST(Malomo, CustomerIdIsKeptWhenGiven) {
  with_order(
      R"({"alternate_id":"1","id":"u-1","customer":{"id":"c0ffee00-1111-2222-3333-444455556666"}})",
      [](const order& o) {
        ASSERT_TRUE(o.customer.has_value());
        EXPECT_EQ(o.customer->customer_id, "c0ffee00-1111-2222-3333-444455556666");
      });
}

// ---------------------------------------------------------------------------
// Empty and null

TEST(Malomo, BareOrderWritesEveryKeyAsNullOrEmpty) {
  EXPECT_EQ(ndjson_of(R"({"alternate_id":"1","id":"u-1"})", autodetect),
            R"({"id":"malomo:u-1","platform":"malomo","remoteId":"u-1","orderNumber":null,)"
            R"("remoteCreatedAt":null,"remoteUpdatedAt":null,"remoteDeleted":false,"isTest":null,)"
            R"("orderStatus":"Unknown","orderStatusRaw":null,"paymentStatus":"Unknown",)"
            R"("paymentStatusRaw":null,"fulfillmentStatus":"unknown","fulfillmentStatusRaw":null,)"
            R"("currency":null,"totalPrice":null,"totalTax":null,"totalShipping":null,)"
            R"("totalDiscount":null,"lineItems":[],"billingAddress":null,"shippingAddress":null,)"
            R"("customer":null,"shipments":[]})"
            "\n");
}

TEST(Malomo, NullAndEmptyValuesAreAbsent) {
  const std::string with_nulls =
      R"({"alternate_id":null,"id":"u-1","number":"","created_at":null,"updated_at":"",)"
      R"("customer":{"email":"","first_name":null,"last_name":""},"email":null,"meta":null,)"
      R"("shipments":null})";
  const std::string bare = R"({"alternate_id":"1","id":"u-1"})";
  EXPECT_EQ(ndjson_of(with_nulls, autodetect), ndjson_of(bare, autodetect));
}

TEST(Malomo, ShipmentWithNullFieldsIsStillAShipment) {
  with_order(order_with_shipment(
                 R"("carrier":null,"carrier_name":null,"tracking_code":null,"carrier_url":null,)"
                 R"("status":null,"estimated_delivered_at":null,"delivered_at":null,)"
                 R"("is_return":null,"scan_events":null)"),
             [](const order& o) {
               ASSERT_EQ(o.shipments.size(), 1u);
               const shipment& s = o.shipments[0];
               EXPECT_TRUE(s.carrier.empty());
               EXPECT_TRUE(s.tracking_code.empty());
               EXPECT_TRUE(s.status_raw.empty());
               EXPECT_EQ(s.status, st::unknown);
               EXPECT_TRUE(s.scan_events.empty());
               EXPECT_FALSE(s.return_flag);
               EXPECT_EQ(o.fulfillment_status, fulfillment_status::unknown);
             });
}

TEST(Malomo, NextOrderStartsFromNothing) {
  // The converter reuses its scratch order: nothing of the first order's
  // shipments, customer or return flag may leak into the second.
  const std::string first =
      R"({"alternate_id":"1","id":"u-1","customer":{"email":"a@example.com"},)"
      R"("shipments":[{"carrier":"usps","status":"delivered","is_return":true}]})";
  const std::string second = R"({"alternate_id":"2","id":"u-2","shipments":[{"carrier":"ups"}]})";
  int seen = 0;
  with_orders("[" + first + "," + second + "]", malomo, 2, [&](const order& o) {
    if (o.remote_id != "u-2") return;
    ++seen;
    EXPECT_FALSE(o.customer.has_value());
    ASSERT_EQ(o.shipments.size(), 1u);
    EXPECT_EQ(o.shipments[0].carrier, "ups");
    EXPECT_FALSE(o.shipments[0].return_flag);
    EXPECT_EQ(o.shipments[0].status, st::unknown);
  });
  EXPECT_EQ(seen, 2);  // once per mapper
}

}  // namespace
