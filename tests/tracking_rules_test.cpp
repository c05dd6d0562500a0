// Deriver and order-level rules that an audit found covered by one golden
// case at most (include/ordernorm/tracking.hpp, README "Tracking"): each
// gets a test named after it, with its expectation written here.
#include <gtest/gtest.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/derive.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

using st = shipment_status;
using fs = fulfillment_status;

// The converter's order-level rule, with working memory of its own.
void derive_order_tracking(order& o) {
  detail::derive_scratch scratch;
  detail::derive_order_tracking(o, {}, scratch);
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out.append(part);
  return out;
}

// A Malomo scan event with its own status.
std::string malomo_event(std::string_view status, std::string_view scanned_at) {
  return cat({R"({"carrier_code":null,"description":null,"message":null,"source":"USPS",)",
              R"("status":")", status, R"(","scanned_at":")", scanned_at, R"("})"});
}

// A Malomo shipment whose events say `statuses`, one a day.
std::string malomo_shipment(std::string_view code,
                            std::initializer_list<std::string_view> statuses) {
  std::string events;
  int day = 1;
  for (std::string_view status : statuses) {
    if (!events.empty()) events += ",";
    const std::string day_text = std::to_string(day++);
    const std::string when = cat({"2019-02-0", day_text, "T10:00:00"});
    events += malomo_event(status, when);
  }
  return cat(
      {R"({"carrier":"usps","tracking_code":")", code, R"(","scan_events":[)", events, "]}"});
}

// A Malomo order (Malomo has no order-level fulfillment status) with `shipments`.
std::string malomo_order(std::string_view shipments) {
  return cat({R"({"alternate_id":"450789469","id":"58f3d13f-2979-462b-92f8-4b85c6ee6abe",)",
              R"("number":"1000","created_at":"2019-01-30T13:30:00Z","shipments":[)", shipments,
              "]}"});
}

// The fulfillment status of the one order converted from `json`, under both mappers.
fs fulfillment_of(std::string_view json, std::optional<platform> from = std::nullopt) {
  std::optional<fs> seen;
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    const std::function<void(const order&)> check = [&](const order& o) {
      if (seen) {
        EXPECT_EQ(o.fulfillment_status, *seen);
      }
      seen = o.fulfillment_status;
    };
    order_probe p(check);
    converter conv(options_for(from, m));
    conv.convert(json, p);
    EXPECT_TRUE(p.rejects.empty()) << describe(p.rejects);
    EXPECT_EQ(p.orders, 1);
  }
  return seen.value_or(fs::unknown);
}

shipment with_status(st status) {
  shipment s{};
  s.carrier = "usps";
  s.status = status;
  return s;
}

timestamp at(std::string_view text) {
  const result<timestamp> t = parse_timestamp(text, naive_time::local);
  EXPECT_TRUE(t.ok()) << text;
  return *t;
}

scan_event event(std::string_view time, st status = st::unknown, std::string_view code = {},
                 std::string_view description = {}, std::string_view message = {}) {
  scan_event e{};
  e.scanned_at = at(time);
  e.status = status;
  e.carrier_code = code;
  e.description = description;
  e.message = message;
  return e;
}

// The status/detail one event resolves to, alone on a shipment of `carrier`.
std::string resolved(scan_event e, std::string_view carrier = "usps") {
  shipment s{};
  s.carrier = carrier;
  s.scan_events.push_back(e);
  derive_shipment(s);
  std::string out(to_string(s.status));
  out += '/';
  out += s.status_detail;
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// An order whose platform gives no fulfillment status is fulfilled when all
// its shipments are delivered: not when some are, not when there are none.

TEST(Tracking, OrderIsFulfilledOnlyWhenAllShipmentsAreDelivered) {
  // End to end, from Malomo orders (no order-level fulfillment status).
  const std::string delivered = malomo_shipment("A1", {"in_transit", "delivered"});
  const std::string delivered_too = malomo_shipment("B2", {"pre_transit", "delivered"});
  const std::string moving = malomo_shipment("C3", {"pre_transit", "in_transit"});
  EXPECT_NE(fulfillment_of(malomo_order(cat({delivered, ",", moving}))), fs::fulfilled)
      << "one delivered, one in transit";
  EXPECT_NE(fulfillment_of(malomo_order(cat({moving, ",", delivered}))), fs::fulfilled)
      << "one in transit, one delivered";
  EXPECT_EQ(fulfillment_of(malomo_order(cat({delivered, ",", delivered_too}))), fs::fulfilled)
      << "all delivered";
  EXPECT_EQ(fulfillment_of(malomo_order(delivered)), fs::fulfilled) << "the one delivered";
  EXPECT_NE(fulfillment_of(malomo_order(moving)), fs::fulfilled) << "the one in transit";
  EXPECT_NE(fulfillment_of(malomo_order("")), fs::fulfilled) << "no shipments";

  // The rule itself, over shipments without events (their status stands).
  order o{};
  o.shipments = {with_status(st::delivered), with_status(st::in_transit)};
  derive_order_tracking(o);
  EXPECT_EQ(o.fulfillment_status, fs::unknown);

  o = order{};
  o.shipments = {with_status(st::in_transit), with_status(st::delivered)};
  derive_order_tracking(o);
  EXPECT_EQ(o.fulfillment_status, fs::unknown);

  o = order{};
  o.shipments = {with_status(st::delivered), with_status(st::delivered)};
  derive_order_tracking(o);
  EXPECT_EQ(o.fulfillment_status, fs::fulfilled);

  o = order{};
  derive_order_tracking(o);
  EXPECT_EQ(o.fulfillment_status, fs::unknown);
}

TEST(Tracking, ReturnedShipmentDoesNotFulfillTheOrder) {
  order o{};
  o.shipments = {with_status(st::delivered), with_status(st::return_to_sender)};
  derive_order_tracking(o);
  EXPECT_EQ(o.fulfillment_status, fs::unknown);
}

TEST(Tracking, PlatformFulfillmentStatusStandsAgainstDeliveredShipments) {
  order o{};
  o.fulfillment_status_raw = "partial";
  o.fulfillment_status = fs::partial;
  o.shipments = {with_status(st::delivered)};
  derive_order_tracking(o);
  EXPECT_EQ(o.fulfillment_status, fs::partial);

  // End to end: Shopify says partial; its one fulfillment reports delivered.
  EXPECT_EQ(fulfillment_of(R"({"id":1,"fulfillment_status":"partial","fulfillments":[)"
                           R"({"status":"success","tracking_number":"A1",)"
                           R"("shipment_status":"delivered"}]})",
                           platform::shopify),
            fs::partial);
}

// ---------------------------------------------------------------------------
// Rule 1: an event's status comes from its own field, else its carrier's
// code table, else its description, else its message.

TEST(Tracking, OwnStatusFieldWinsOverCodeAndDescription) {
  // USPS 01 and "Delivered" would both say delivered.
  EXPECT_EQ(resolved(event("2024-03-01T10:00:00Z", st::in_transit, "01", "Delivered")),
            "in_transit/");
}

TEST(Tracking, CarrierCodeWinsOverDescription) {
  // USPS OF is out for delivery, whatever the text says.
  EXPECT_EQ(resolved(event("2024-03-01T10:00:00Z", st::unknown, "OF", "Delivered")),
            "out_for_delivery/out_for_delivery");
}

TEST(Tracking, CodeIsReadInTheShipmentCarriersTable) {
  // "DL" is FedEx's delivery and UPS's out-for-delivery.
  EXPECT_EQ(resolved(event("2024-03-01T10:00:00Z", st::unknown, "DL"), "FedEx"),
            "delivered/arrived_at_destination");
  EXPECT_EQ(resolved(event("2024-03-01T10:00:00Z", st::unknown, "DL"), "UPS"),
            "out_for_delivery/out_for_delivery");
}

TEST(Tracking, UnknownCodeFallsBackToTheDescription) {
  EXPECT_EQ(resolved(event("2024-03-01T10:00:00Z", st::unknown, "ZZ", "Out for Delivery")),
            "out_for_delivery/out_for_delivery");
}

TEST(Tracking, UnknownCarrierReadsTheDescription) {
  EXPECT_EQ(
      resolved(event("2024-03-01T10:00:00Z", st::unknown, "01", "Arrived at hub"), "Canada Post"),
      "in_transit/arrived_at_facility");
}

TEST(Tracking, DescriptionWinsOverMessage) {
  EXPECT_EQ(
      resolved(event("2024-03-01T10:00:00Z", st::unknown, {}, "Out for Delivery", "Delivered")),
      "out_for_delivery/out_for_delivery");
}

TEST(Tracking, MessageIsReadWhenTheDescriptionSaysNothing) {
  EXPECT_EQ(resolved(event("2024-03-01T10:00:00Z", st::unknown, {}, {}, "Delivered")),
            "delivered/arrived_at_destination");
  EXPECT_EQ(resolved(event("2024-03-01T10:00:00Z", st::unknown, {}, "Signature image recorded",
                           "Delivered")),
            "delivered/arrived_at_destination");
}

TEST(Tracking, EventsOwnDetailIsKeptOverTheTablesDetail) {
  scan_event e = event("2024-03-01T10:00:00Z", st::unknown, "OF");
  e.status_detail = "running_late";
  EXPECT_EQ(resolved(e), "out_for_delivery/running_late");
}

// ---------------------------------------------------------------------------
// Rule 4e: the earliest label event decides expiry.

TEST(Tracking, ExpiryCountsFromTheEarliestLabelEvent) {
  shipment s{};
  s.carrier = "usps";
  s.scan_events = {event("2024-01-01T10:00:00Z", st::pre_transit),
                   event("2024-02-20T10:00:00Z", st::pre_transit)};
  derive_options options;
  options.as_of = at("2024-03-01T10:00:00Z");  // 60 days after the first, 10 after the second
  derive_shipment(s, options);
  EXPECT_EQ(s.status, st::pre_transit);
  EXPECT_EQ(s.status_detail, "expired");
}
