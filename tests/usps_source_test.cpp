// USPS Tracking API v3 mapping (mappings/carriers/usps_source.hpp): one test
// per rule that the golden cases under tests/golden_tracking/usps/ do not make
// obvious. Mapping-level tests read the shipment as the mapping leaves it,
// before the deriver, with both walkers; tracker-level tests go through
// ordernorm::tracker.
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

// Maps `text` with the USPS converter alone, under both walkers.
std::unique_ptr<mapped> map(std::string_view text) { return map_both(detail::usps_source, text); }

}  // namespace

TEST(UspsSource, GmtTimestampWinsOverEventTimestampAndOffset) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"01","eventTimestamp":"2024-11-22T13:58:00","GMTTimestamp":"2024-11-22T18:58:40Z",
       "GMTOffset":"-05:00"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-11-22T18:58:40.000Z");
}

// From a real v3 response (a shipping-partner scan in Glendale Heights, IL):
// the evening scan's GMTTimestamp is a day behind eventTimestamp + GMTOffset.
TEST(UspsSource, GmtTimestampADayBehindLocalUsesLocalAndWarns) {
  auto m = map(R"({"trackingNumber":"9261290289104185136058","trackingEvents":[
      {"eventType":"Arrived Shipping Partner Facility, USPS Awaiting Item",
       "eventTimestamp":"2024-11-21T23:28:00","GMTTimestamp":"2024-11-21T05:28:33Z",
       "GMTOffset":"-06:00","eventCity":"GLENDALE HEIGHTS","eventCode":"81"}]})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-11-22T05:28:00.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer, "/trackingEvents/0/GMTTimestamp");
  EXPECT_EQ(m->warnings[0].message,
            R"(GMTTimestamp "2024-11-21T05:28:33Z" is 23 h 59 min 27 s earlier than )"
            R"(eventTimestamp "2024-11-21T23:28:00" at GMTOffset "-06:00" )"
            R"((2024-11-22T05:28:00.000Z); used eventTimestamp with GMTOffset instead)");
  EXPECT_EQ(m->warning_owners, std::vector<std::size_t>{0});
}

TEST(UspsSource, AgreeingTimesNoWarning) {
  // GMTTimestamp has seconds, eventTimestamp only minutes: 40 s apart agree.
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"01","eventTimestamp":"2024-11-22T13:58:00","GMTTimestamp":"2024-11-22T18:58:40Z",
       "GMTOffset":"-05:00"},
      {"eventCode":"OF","eventTimestamp":"2024-11-22T09:10:00","GMTTimestamp":"2024-11-22T14:10:00Z",
       "GMTOffset":"-05:00"}]})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_TRUE(m->warnings.empty());
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(1).scanned_at), "2024-11-22T18:58:40.000Z")
      << "GMTTimestamp, which has the seconds";
}

TEST(UspsSource, GmtTimestampAMinuteOrMoreApartUsesLocalAndWarns) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"SF","eventTimestamp":"2024-11-25T18:31:00","GMTTimestamp":"2024-11-26T00:32:00Z",
       "GMTOffset":"-06:00"}]})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-11-26T00:31:00.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_NE(m->warnings[0].message.find("is 1 min 0 s later than"), std::string::npos)
      << m->warnings[0].message;
}

TEST(UspsSource, EventTimestampWithItsOwnOffsetIsComparedAsIs) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"TL","eventTimestamp":"2024-09-11T20:31:00-04:00","GMTTimestamp":"2024-09-11T00:31:00Z"}]})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-09-12T00:31:00.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_NE(m->warnings[0].message.find("; used eventTimestamp instead"), std::string::npos)
      << m->warnings[0].message;
}

TEST(UspsSource, LocalTimeWithoutOffsetCannotDisagree) {
  // Without GMTOffset the local time is no instant to compare: GMTTimestamp.
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"SF","eventTimestamp":"2024-11-25T18:31:00","GMTTimestamp":"2024-11-25T00:31:21Z"}]})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-11-25T00:31:21.000Z");
  EXPECT_TRUE(m->warnings.empty());
}

TEST(UspsSource, UnparsableGmtTimestampFallsBackToLocalWithWarning) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"01","eventTimestamp":"2024-11-22T13:58:00","GMTTimestamp":"22/11/2024 18:58",
       "GMTOffset":"-05:00"}]})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-11-22T18:58:00.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer, "/trackingEvents/0/GMTTimestamp");
  EXPECT_EQ(m->warnings[0].message,
            R"(GMTTimestamp "22/11/2024 18:58" is not a timestamp; used eventTimestamp with )"
            R"(GMTOffset instead (2024-11-22T18:58:00.000Z))");
}

TEST(UspsSource, UnparsableEventTimestampFallsBackToGmtWithWarning) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"01","eventTimestamp":"yesterday","GMTTimestamp":"2024-11-22T18:58:40Z",
       "GMTOffset":"-05:00"}]})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-11-22T18:58:40.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer, "/trackingEvents/0/eventTimestamp");
}

TEST(UspsSource, NoTimeParsingIsRejectedAtTheFirstBadField) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"01","GMTTimestamp":"soon","eventTimestamp":"yesterday"}]})");
  EXPECT_EQ(m->code, error_code::invalid_timestamp);
  EXPECT_EQ(m->error.json_pointer, "/trackingEvents/0/GMTTimestamp");
  EXPECT_EQ(m->error.message, R"(expected a timestamp, got "soon")");
}

TEST(UspsSource, GmtTimestampWithoutOffsetIsGmt) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"OF","GMTTimestamp":"2024-11-22T14:10:45"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-11-22T14:10:45.000Z");
}

TEST(UspsSource, EventTimestampIsShiftedByGmtOffset) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"GX","eventTimestamp":"2025-05-20T15:47:00","GMTOffset":"-07:00"},
      {"eventCode":"GX","eventTimestamp":"2025-05-20T15:47:00","GMTOffset":"-7:00"},
      {"eventCode":"GX","eventTimestamp":"2025-05-20T15:47:00","GMTOffset":"+0530"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(formatted(events[0].scanned_at), "2025-05-20T10:17:00.000Z");  // reversed: +0530 first
  EXPECT_EQ(formatted(events[1].scanned_at),
            "2025-05-20T22:47:00.000Z");  // "-7:00", USPS's own form
  EXPECT_EQ(formatted(events[2].scanned_at), "2025-05-20T22:47:00.000Z");
}

TEST(UspsSource, EventTimestampWithoutGmtFieldsIsLocal) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"TL","eventTimestamp":"2024-09-11T20:31:00"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  const opt_time& t = m->shipments.at(0).scan_events.at(0).scanned_at;
  ASSERT_TRUE(t.has_value());
  EXPECT_TRUE(t->local);
  EXPECT_EQ(formatted(t), "2024-09-11T20:31:00.000");
}

TEST(UspsSource, EventTimestampWithItsOwnOffsetIsNotShiftedAgain) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"TL","eventTimestamp":"2024-09-11T20:31:00-04:00","GMTOffset":"-04:00"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-09-12T00:31:00.000Z");
}

TEST(UspsSource, DateOnlyEventTimestampIsNotShifted) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"10","eventTimestamp":"2024-09-11","GMTOffset":"-04:00"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-09-11T00:00:00.000");
}

TEST(UspsSource, MalformedGmtOffsetIsRejectedWhereItIs) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"OF","eventTimestamp":"2024-11-22T09:10:00"},
      {"eventCode":"01","eventTimestamp":"2024-11-22T13:58:00","GMTOffset":"EST"}]})");
  EXPECT_EQ(m->code, error_code::invalid_timestamp);
  EXPECT_EQ(m->error.json_pointer, "/trackingEvents/1/GMTOffset");
}

TEST(UspsSource, EventsComeOutOldestFirstWithoutOwnStatus) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventType":"Delivered, In/At Mailbox","eventCode":"01","eventTimestamp":"2024-11-22T13:58:00"},
      {"eventType":"Out for Delivery","eventCode":"OF","eventTimestamp":"2024-11-22T09:10:00"},
      {"eventType":"Shipping Label Created, USPS Awaiting Item","eventCode":"GX"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].carrier_code, "GX");
  EXPECT_EQ(events[1].carrier_code, "OF");
  EXPECT_EQ(events[2].carrier_code, "01");
  EXPECT_EQ(events[2].description, "Delivered, In/At Mailbox");
  for (const scan_event& e : events) {
    EXPECT_EQ(e.status, shipment_status::unknown);  // carrier codes are the deriver's to read
    EXPECT_TRUE(e.status_detail.empty());
    EXPECT_TRUE(e.message.empty());
    EXPECT_EQ(e.source, "USPS");
  }
  EXPECT_FALSE(events[0].scanned_at.has_value());
}

TEST(UspsSource, StatusRawIsStatusCategoryElseStatus) {
  auto both = map(R"({"trackingNumber":"9400","status":"Delivered, Parcel Locker",
                      "statusCategory":"Delivered"})");
  ASSERT_EQ(both->code, error_code::ok);
  EXPECT_EQ(both->shipments.at(0).status_raw, "Delivered");
  auto status_only = map(R"({"trackingNumber":"9400","status":"Delivered, Parcel Locker"})");
  ASSERT_EQ(status_only->code, error_code::ok);
  EXPECT_EQ(status_only->shipments.at(0).status_raw, "Delivered, Parcel Locker");
}

TEST(UspsSource, ShipmentNamesUspsAndLeavesDerivedFieldsEmpty) {
  auto m = map(R"({"trackingNumber":"9400111206208764103522","statusCategory":"Delivered"})");
  ASSERT_EQ(m->code, error_code::ok);
  ASSERT_EQ(m->shipments.size(), 1u);
  const shipment& s = m->shipments[0];
  EXPECT_EQ(s.carrier, "USPS");
  EXPECT_EQ(s.tracking_code, "9400111206208764103522");
  EXPECT_TRUE(s.tracking_url.empty());
  EXPECT_EQ(s.status, shipment_status::unknown);
  EXPECT_TRUE(s.status_detail.empty());
  EXPECT_FALSE(s.delivered_at.has_value());
  EXPECT_FALSE(s.return_flag);
}

TEST(UspsSource, EstimatedDeliveryPrefersExpectedTimestampThenDatesInOrder) {
  auto all = map(R"({"trackingNumber":"9400","predictedDeliveryDate":"2024-09-15",
                     "expectedDeliveryDate":"2024-09-14",
                     "expectedDeliveryTimeStamp":"2024-09-13T21:00:00"})");
  ASSERT_EQ(all->code, error_code::ok);
  EXPECT_EQ(formatted(all->shipments.at(0).estimated_delivery_at), "2024-09-13T21:00:00.000");
  auto summary = map(R"({"trackingNumber":"9400","predictedDeliveryDate":"2024-09-15",
                         "expectedDeliveryDate":"2024-09-14"})");
  EXPECT_EQ(formatted(summary->shipments.at(0).estimated_delivery_at), "2024-09-14T00:00:00.000");
  auto predicted =
      map(R"({"trackingNumber":"9400","predictedDeliveryTimeStamp":"2024-09-16T12:00:00Z",
                           "predictedDeliveryDate":"2024-09-15"})");
  EXPECT_EQ(formatted(predicted->shipments.at(0).estimated_delivery_at), "2024-09-15T00:00:00.000");
}

TEST(UspsSource, EventZipCodeIsOnlyAFallbackForEventZip) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"07","eventZIPCode":"43017","eventZIP":"43016","eventCity":"DUBLIN"},
      {"eventCode":"OA","eventZIPCode":"43017"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->postal_code, "43017");
  ASSERT_TRUE(events[1].location.has_value());
  EXPECT_EQ(events[1].location->postal_code, "43016");
  EXPECT_EQ(events[1].location->city, "DUBLIN");
}

TEST(UspsSource, EventWithoutAnyPlaceHasNullLocation) {
  auto m = map(R"({"trackingNumber":"9400","trackingEvents":[
      {"eventCode":"TL","eventCity":null,"eventState":"","eventZIP":null,"eventCountry":null}]})");
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_FALSE(m->shipments.at(0).scan_events.at(0).location.has_value());
}

TEST(UspsSource, SummaryFormEventSummariesBecomeUntimedMessagesOldestFirst) {
  auto m = map(R"({"trackingNumber":"9261290485210","expectedDeliveryDate":"2022-06-22",
      "eventSummaries":[
        "Your item was delivered at the front door or porch at 12:01 pm on June 17, 2022 in FAIRFAX, VA 22032.",
        "Out for Delivery, 06/17/2022, 6:10 am, FAIRFAX, VA 22032"]})");
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].message, "Out for Delivery, 06/17/2022, 6:10 am, FAIRFAX, VA 22032");
  EXPECT_FALSE(events[0].scanned_at.has_value());
  EXPECT_TRUE(events[0].carrier_code.empty());
  EXPECT_EQ(events[1].source, "USPS");
}

TEST(UspsSource, EventSummariesAreIgnoredBesideTrackingEvents) {
  auto m = map(R"({"trackingNumber":"9400","eventSummaries":["Out for Delivery, 06/17/2022"],
                   "trackingEvents":[{"eventCode":"OF","eventType":"Out for Delivery"}]})");
  ASSERT_EQ(m->code, error_code::ok);
  ASSERT_EQ(m->shipments.at(0).scan_events.size(), 1u);
  EXPECT_EQ(m->shipments[0].scan_events[0].carrier_code, "OF");
}

TEST(UspsSource, ErrorBodyIsRejectedWithUspsCodeAndMessage) {
  auto m = map(R"({"apiVersion":"v3","error":{"code":"404","message":"Tracking number not found",
                   "errors":[{"status":"404","title":"Not Found"}]}})");
  EXPECT_EQ(m->code, error_code::source_error);
  EXPECT_TRUE(m->shipments.empty());
  EXPECT_EQ(m->error.json_pointer, "/error");
  EXPECT_NE(m->error.message.find("404 Tracking number not found"), std::string::npos)
      << m->error.message;
}

TEST(UspsSource, OAuthErrorBodyIsRejected) {
  auto m = map(R"({"error":"invalid_client","error_description":"Client authentication failed.",
                   "error_uri":"https://datatracker.ietf.org/doc/html/rfc6749#page-45"})");
  EXPECT_EQ(m->code, error_code::source_error);
  EXPECT_NE(m->error.message.find("invalid_client Client authentication failed."),
            std::string::npos)
      << m->error.message;
}

TEST(UspsSource, DocumentWithoutTrackingNumberOrEventsIsRejected) {
  auto m = map(R"({"apiVersion":"v3"})");
  EXPECT_EQ(m->code, error_code::wrong_type);
  EXPECT_TRUE(m->shipments.empty());
}

TEST(UspsSource, AutoDetectsDetailAndSummaryResponses) {
  tracker t(from(std::nullopt));
  tracked detail = track(t, R"({"trackingNumber":"9400","statusCategory":"In Transit",
      "trackingEvents":[{"eventCode":"TL","eventTimestamp":"2024-09-11T20:31:00"}]})");
  ASSERT_TRUE(detail.rejects.empty());
  ASSERT_EQ(detail.shipments.size(), 1u);
  EXPECT_EQ(detail.shipments[0].carrier, "USPS");
  tracker t2(from(std::nullopt));
  tracked summary = track(t2, R"({"trackingNumber":"9400","eventSummaries":["Out for Delivery"]})");
  ASSERT_TRUE(summary.rejects.empty());
  EXPECT_EQ(summary.shipments.size(), 1u);
}

TEST(UspsSource, ErrorBodyIsARejectNotAShipment) {
  tracker t(from(tracking_input::usps));
  tracked out = track(t, R"({"apiVersion":"v3","error":{"code":"400","message":"Bad Request"}})");
  EXPECT_TRUE(out.shipments.empty());
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects[0].code, error_code::source_error);
}

TEST(UspsSource, MarkerKeysAreUspsOwn) {
  const detail::source_info& info = detail::usps_source();
  EXPECT_EQ(info.tracking_id, tracking_input::usps);
  ASSERT_NE(info.make_tracking_converter, nullptr);
  for (std::string_view key : info.marker_keys) {
    EXPECT_NE(key, "trackingNumber");  // every source has a tracking number
    EXPECT_NE(key, "status");
  }
}
