// DHL Shipment Tracking - Unified mapping (mappings/carriers/dhl_source.hpp):
// one test per rule that the golden cases under tests/golden_tracking/dhl/ do
// not make obvious. Mapping-level tests read the shipments as the mapping
// leaves them, before the deriver, with both walkers; tracker-level tests go
// through ordernorm::tracker.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/tracking_source.hpp"
#include "registry.hpp"
#include "tracking_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

// Maps `text` with the DHL converter alone, under both walkers.
std::unique_ptr<mapped> map(std::string_view text) { return map_both(detail::dhl_source, text); }

// A response with the one shipment `shipment` (a JSON object body).
std::string with_shipment(std::string_view shipment) {
  return "{\"shipments\":[{" + std::string(shipment) + "}]}";
}

}  // namespace

TEST(DhlSource, CarrierIsDhlWhateverTheService) {
  auto m = map(R"({"shipments":[{"id":"1","service":"express"},{"id":"2","service":"parcel-de"},
                                 {"id":"3","service":"freight"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  ASSERT_EQ(m->shipments.size(), 3u);
  for (const shipment& s : m->shipments) EXPECT_EQ(s.carrier, "DHL");
}

TEST(DhlSource, IntegerIdIsKeptAsItsDigits) {
  auto m = map(with_shipment(R"("id":7777777770,"service":"express")"));
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(m->shipments.at(0).tracking_code, "7777777770");
}

TEST(DhlSource, ServiceUrlIsTheTrackingUrl) {
  auto m = map(with_shipment(
      R"("id":"00340434161094015902","serviceUrl":"https://www.dhl.de/de/privatkunden.html?piececode=00340434161094015902",
         "rerouteUrl":"https://www.dhl.de/reroute")"));
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(m->shipments.at(0).tracking_url,
            "https://www.dhl.de/de/privatkunden.html?piececode=00340434161094015902");
}

TEST(DhlSource, ReturnFlagMarksTheShipmentAsAReturn) {
  auto flagged = map(with_shipment(R"("id":"1","returnFlag":true)"));
  ASSERT_EQ(flagged->code, error_code::ok);
  EXPECT_TRUE(flagged->shipments.at(0).return_flag);
  auto absent = map(with_shipment(R"("id":"1")"));
  EXPECT_FALSE(absent->shipments.at(0).return_flag);
  auto wrong = map(with_shipment(R"("id":"1","returnFlag":"yes")"));
  EXPECT_EQ(wrong->code, error_code::wrong_type);
}

TEST(DhlSource, StatusCodeIsStatusRawAndCarrierCodeNotOurStatus) {
  auto m = map(with_shipment(
      R"("id":"1","status":{"timestamp":"2024-02-20T11:42:00","statusCode":"delivered"},
      "events":[{"timestamp":"2024-02-20T11:42:00","statusCode":"delivered","status":"Delivered"}])"));
  ASSERT_EQ(m->code, error_code::ok);
  const shipment& s = m->shipments.at(0);
  EXPECT_EQ(s.status_raw, "delivered");
  EXPECT_EQ(s.status, shipment_status::unknown);  // derived, not copied
  ASSERT_EQ(s.scan_events.size(), 1u);
  EXPECT_EQ(s.scan_events[0].carrier_code, "delivered");
  EXPECT_EQ(s.scan_events[0].status, shipment_status::unknown);  // DHL vocabulary: the table's
  EXPECT_EQ(s.scan_events[0].source, "DHL");
}

TEST(DhlSource, DescriptionElseStatusTitleAndRemarkIsMessage) {
  auto m = map(with_shipment(R"("id":"1","events":[
      {"statusCode":"transit","status":"Processed","description":"Processed at LEIPZIG - GERMANY",
       "remark":"The shipment is pending completion of customs inspection."},
      {"statusCode":"transit","status":"The shipment has been loaded onto the delivery vehicle"}])"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].description, "The shipment has been loaded onto the delivery vehicle");
  EXPECT_TRUE(events[0].message.empty());
  EXPECT_EQ(events[1].description, "Processed at LEIPZIG - GERMANY");
  EXPECT_EQ(events[1].message, "The shipment is pending completion of customs inspection.");
}

TEST(DhlSource, TimestampWithoutOffsetStaysLocalAndWithOffsetIsAnInstant) {
  auto m = map(with_shipment(R"("id":"1","events":[
      {"timestamp":"2024-03-12T14:12:00+01:00","statusCode":"transit"},
      {"timestamp":"2024-02-20T11:42:00","statusCode":"transit"}])"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_TRUE(events[0].scanned_at.has_value());
  EXPECT_TRUE(events[0].scanned_at->local);
  EXPECT_EQ(formatted(events[0].scanned_at), "2024-02-20T11:42:00.000");
  EXPECT_EQ(formatted(events[1].scanned_at), "2024-03-12T13:12:00.000Z");
}

TEST(DhlSource, EventsComeOutOldestFirst) {
  auto m = map(with_shipment(R"("id":"1","events":[
      {"timestamp":"2021-05-21T14:48:00","statusCode":"delivered"},
      {"timestamp":"2021-05-21T09:16:00","statusCode":"transit"},
      {"timestamp":"2021-05-20T18:01:00","statusCode":"pre-transit"}])"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].carrier_code, "pre-transit");
  EXPECT_EQ(events[1].carrier_code, "transit");
  EXPECT_EQ(events[2].carrier_code, "delivered");
}

TEST(DhlSource, StatusIsTheOnlyEventOfAShipmentWithoutEvents) {
  auto m = map(with_shipment(R"("id":"1","status":{"timestamp":"2024-07-01T16:20:00+02:00",
      "location":{"address":{"addressLocality":"Hamburg","countryCode":"DE"}},
      "statusCode":"transit","status":"In transit","description":"In transit to the terminal"},
      "events":[])"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].carrier_code, "transit");
  EXPECT_EQ(events[0].description, "In transit to the terminal");
  EXPECT_EQ(formatted(events[0].scanned_at), "2024-07-01T14:20:00.000Z");
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->city, "Hamburg");
}

TEST(DhlSource, StatusIsNotAddedBesideEvents) {
  auto m = map(with_shipment(R"("id":"1",
      "status":{"timestamp":"2018-03-02T07:53:47Z","statusCode":"pre-transit"},
      "events":[{"timestamp":"2018-03-02T07:53:47","statusCode":"pre-transit"}])"));
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(m->shipments.at(0).scan_events.size(), 1u);
}

TEST(DhlSource, ShipmentWithoutStatusOrEventsHasNoEvents) {
  auto m = map(with_shipment(R"("id":"1","service":"express")"));
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_TRUE(m->shipments.at(0).scan_events.empty());
}

TEST(DhlSource, LocationIsTheAddressAsGiven) {
  auto m = map(with_shipment(R"("id":"1","events":[
      {"statusCode":"transit","location":{"address":{"addressLocality":"Prague","addressRegion":"Prague 11",
        "postalCode":"14000","countryCode":"CZ","streetAddress":"Batman Avenue 1040"},
        "servicePoint":{"url":"https://x","label":"Parcel shop"}}},
      {"statusCode":"transit","location":{"address":{"addressLocality":""}}}])"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  EXPECT_FALSE(events[0].location.has_value());
  ASSERT_TRUE(events[1].location.has_value());
  EXPECT_EQ(events[1].location->city, "Prague");
  EXPECT_EQ(events[1].location->region, "Prague 11");
  EXPECT_EQ(events[1].location->postal_code, "14000");
  EXPECT_EQ(events[1].location->country_code, "CZ");
}

TEST(DhlSource, EstimatedTimeOfDeliveryWinsOverTheTimeFrameEnd) {
  auto both = map(with_shipment(R"("id":"1","estimatedTimeOfDelivery":"2018-08-03T00:00:00Z",
      "estimatedDeliveryTimeFrame":{"estimatedFrom":"2018-08-03T00:00:00Z","estimatedThrough":"2018-08-03T22:00:00Z"})"));
  ASSERT_EQ(both->code, error_code::ok);
  EXPECT_EQ(formatted(both->shipments.at(0).estimated_delivery_at), "2018-08-03T00:00:00.000Z");
  auto frame = map(with_shipment(R"("id":"1",
      "estimatedDeliveryTimeFrame":{"estimatedFrom":"2018-08-03T09:00:00","estimatedThrough":"2018-08-03T13:00:00"})"));
  EXPECT_EQ(formatted(frame->shipments.at(0).estimated_delivery_at), "2018-08-03T13:00:00.000");
}

TEST(DhlSource, ErrorBodyIsRejectedWithDhlStatusTitleAndDetail) {
  auto m =
      map(R"({"title":"No result found","detail":"No shipment with given tracking number found.",
                   "status":404,"instance":"/shipment/8264715546"})");
  EXPECT_EQ(m->code, error_code::source_error);
  EXPECT_TRUE(m->shipments.empty());
  EXPECT_NE(
      m->error.message.find("404 No result found No shipment with given tracking number found."),
      std::string::npos)
      << m->error.message;
}

TEST(DhlSource, ResponseWithoutShipmentsIsRejected) {
  auto m = map(R"({"shipments":[],"possibleAdditionalShipmentsUrl":[]})");
  EXPECT_EQ(m->code, error_code::wrong_type);
}

TEST(DhlSource, AutoDetectsByPossibleAdditionalShipmentsUrl) {
  tracker t(from(std::nullopt));
  tracked out = track(t, R"({"shipments":[{"id":"1","events":[{"timestamp":"2024-02-20T11:42:00",
      "statusCode":"transit"}]}],"possibleAdditionalShipmentsUrl":["/track/shipments?trackingNumber=1&service=express"]})");
  ASSERT_TRUE(out.rejects.empty());
  ASSERT_EQ(out.shipments.size(), 1u);
  EXPECT_EQ(out.shipments[0].carrier, "DHL");
}

TEST(DhlSource, AutoDetectsByRootShipmentsWithoutPossibleAdditionalShipmentsUrl) {
  // A query that names its service gets no possibleAdditionalShipmentsUrl:
  // the root is just `shipments`, DHL by shape once no marker decides.
  const std::string doc = R"({"shipments":[{"id":"1","events":[{"timestamp":"2024-02-20T11:42:00",
      "statusCode":"transit"}]}]})";
  tracker t(from(std::nullopt));
  tracked detected = track(t, doc);
  ASSERT_TRUE(detected.rejects.empty());
  ASSERT_EQ(detected.shipments.size(), 1u);
  EXPECT_EQ(detected.shipments[0].carrier, "DHL");
  EXPECT_EQ(detected.shipments[0].tracking_code, "1");
  tracker t2(from(tracking_input::dhl));
  tracked given = track(t2, doc);
  ASSERT_TRUE(given.rejects.empty());
  EXPECT_EQ(given.shipments.size(), 1u);
  // DHL's page links are DHL's keys too.
  tracker t3(from(std::nullopt));
  tracked page = track(t3, R"({"url":"/track/shipments?trackingNumber=1&offset=0&limit=5",
      "nextUrl":"/track/shipments?trackingNumber=1&offset=5&limit=5","shipments":[{"id":"1"}]})");
  ASSERT_TRUE(page.rejects.empty());
  ASSERT_EQ(page.shipments.size(), 1u);
  EXPECT_EQ(page.shipments[0].carrier, "DHL");
  // A shape rule, not a marker: Malomo orders have a root `shipments` too.
  for (std::string_view key : detail::dhl_source().marker_keys) EXPECT_NE(key, "shipments");
}

TEST(DhlSource, MalomoOrderWithRootShipmentsIsStillMalomo) {
  // `shipments` before `alternate_id`: the marker decides wherever it stands.
  tracker t(from(std::nullopt));
  tracked out = track(t, R"({"id":"u-1","number":"1000","shipments":[{"carrier":"UPS",
      "tracking_code":"1Z999AA10123456784","status":"in_transit",
      "scan_events":[{"scanned_at":"2024-02-20T11:42:00","status":"in_transit"}]}],
      "alternate_id":"450789469"})");
  ASSERT_TRUE(out.rejects.empty());
  ASSERT_EQ(out.shipments.size(), 1u);
  EXPECT_EQ(out.shipments[0].carrier, "UPS");
  EXPECT_EQ(out.shipments[0].tracking_code, "1Z999AA10123456784");
}

TEST(DhlSource, OrderWithRootShipmentsIsNotDhl) {
  // Orders are no tracking input: a root `shipments` beside keys DHL's
  // response has not (a Shopify marker; an SFCC order's) does not make one DHL.
  for (std::string_view doc :
       {R"({"id":450789469,"financial_status":"paid","shipments":[{"id":"1"}]})",
        R"({"order_no":"00000101","status":"created","shipments":[{"id":"me",
            "shipping_method":{"id":"001"}}]})"}) {
    tracker t(from(std::nullopt));
    tracked out = track(t, doc);
    ASSERT_EQ(out.rejects.size(), 1u) << doc;
    EXPECT_EQ(out.rejects[0].code, error_code::unknown_platform);
    EXPECT_TRUE(out.shipments.empty());
  }
}

TEST(DhlSource, DeliveredReturnIsDerivedReturnToSender) {
  tracker t(from(tracking_input::dhl));
  tracked out =
      track(t, with_shipment(R"("id":"1","returnFlag":true,"status":{"statusCode":"delivered"},
      "events":[{"timestamp":"2023-10-26T12:08:00","statusCode":"delivered",
                 "description":"The shipment has been successfully delivered"}])"));
  ASSERT_TRUE(out.rejects.empty());
  ASSERT_EQ(out.shipments.size(), 1u);
  EXPECT_EQ(out.shipments[0].status, shipment_status::return_to_sender);
  EXPECT_EQ(out.shipments[0].status_raw, "delivered");
}
