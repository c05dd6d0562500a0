// The EasyPost tracker mapping's rules (mappings/carriers/easypost_source.hpp),
// one test each, on what the mapping itself produces (before the deriver),
// under both mappers; detection and rejects through the tracker.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "mappings/carriers/easypost_source.hpp"
#include "ordernorm/detail/tracking_source.hpp"
#include "registry.hpp"
#include "tracking_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

using st = shipment_status;

using EasyPostSource = ordernorm::testing::tracking_source_test<detail::easypost_source>;

constexpr std::string_view tracker_json = R"({
  "id": "trk_1", "object": "Tracker", "mode": "test",
  "tracking_code": "9400100000000000000001", "status": "in_transit",
  "status_detail": "arrived_at_facility", "est_delivery_date": "2025-03-07T00:00:00Z",
  "carrier": "USPS", "public_url": "https://track.easypost.com/djE6dHJrXzE",
  "signed_by": null, "weight": 17.6,
  "tracking_details": [
    {"object": "TrackingDetail", "message": "Accepted at USPS Origin Facility", "description": "",
     "status": "in_transit", "status_detail": "received_at_origin_facility",
     "datetime": "2025-03-03T23:41:00Z", "source": "USPS", "carrier_code": "OA",
     "tracking_location": {"object": "TrackingLocation", "city": "AUSTIN", "state": "TX",
                           "country": "US", "zip": "78710"}, "est_delivery_date": null},
    {"object": "TrackingDetail", "message": "Arrived at USPS Regional Facility",
     "description": "Arrived", "status": "in_transit", "status_detail": "arrived_at_facility",
     "datetime": "2025-03-04T08:12:00Z", "source": "USPS", "carrier_code": "A1",
     "tracking_location": {"object": "TrackingLocation", "city": null, "state": null,
                           "country": null, "zip": null}, "est_delivery_date": null}
  ]
})";

TEST_F(EasyPostSource, TrackerIsOneShipmentWithItsOwnFields) {
  const auto& out = map(tracker_json);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].carrier, "USPS") << "as EasyPost names it";
  EXPECT_EQ(out[0].tracking_code, "9400100000000000000001");
  EXPECT_EQ(out[0].tracking_url, "https://track.easypost.com/djE6dHJrXzE");
  EXPECT_EQ(out[0].status_raw, "in_transit");
  EXPECT_EQ(formatted(out[0].estimated_delivery_at), "2025-03-07T00:00:00.000Z");
  EXPECT_FALSE(out[0].delivered_at.has_value());
}

TEST_F(EasyPostSource, TrackingDetailsAreTheScanEvents) {
  const auto& out = map(tracker_json);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].scan_events.size(), 2u);
  const scan_event& e = out[0].scan_events[0];
  EXPECT_EQ(formatted(e.scanned_at), "2025-03-03T23:41:00.000Z");
  EXPECT_EQ(e.status, st::in_transit);
  EXPECT_EQ(e.status_detail, "received_at_origin_facility");
  EXPECT_EQ(e.carrier_code, "OA");
  EXPECT_EQ(e.description, "") << "\"\" is no value";
  EXPECT_EQ(e.message, "Accepted at USPS Origin Facility");
  EXPECT_EQ(e.source, "USPS");
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->city, "AUSTIN");
  EXPECT_EQ(e.location->region, "TX");
  EXPECT_EQ(e.location->postal_code, "78710");
  EXPECT_EQ(e.location->country_code, "US");
  EXPECT_EQ(out[0].scan_events[1].description, "Arrived");
}

TEST_F(EasyPostSource, AllNullTrackingLocationIsNoLocation) {
  const auto& out = map(tracker_json);
  ASSERT_EQ(out[0].scan_events.size(), 2u);
  EXPECT_FALSE(out[0].scan_events[1].location.has_value());
}

TEST_F(EasyPostSource, DetailsKeepEasyPostsOrder) {
  // Ordering by time is the deriver's job; the mapping keeps the source order.
  const auto& out = map(R"({"tracking_code": "EZ4", "carrier": "UPS", "tracking_details": [
    {"status": "in_transit", "datetime": "2024-10-08T23:17:00Z", "message": "Origin Scan"},
    {"status": "delivered", "datetime": "2024-10-07T18:33:41Z", "message": "Delivered"}]})");
  ASSERT_EQ(out[0].scan_events.size(), 2u);
  EXPECT_EQ(out[0].scan_events[0].message, "Origin Scan");
  EXPECT_EQ(out[0].scan_events[1].message, "Delivered");
}

TEST_F(EasyPostSource, DetailStatusIsTheEventsOwnStatusByName) {
  const auto& names = enum_names<shipment_status>::values;
  std::string json = R"({"tracking_code": "EZ1", "tracking_details": [)";
  for (std::size_t i = 0; i < std::size(names); ++i) {
    if (i != 0) json += ",";
    json += R"({"status": ")" + std::string(names[i]) + R"("})";
  }
  json += "]}";
  const auto& out = map(json);
  ASSERT_EQ(out[0].scan_events.size(), std::size(names));
  for (std::size_t i = 0; i < std::size(names); ++i) {
    EXPECT_EQ(out[0].scan_events[i].status, static_cast<shipment_status>(i)) << names[i];
  }
}

TEST_F(EasyPostSource, DetailStatusOutsideTheVocabularyIsUnknown) {
  const auto& out = map(R"({"tracking_code": "EZ1", "tracking_details": [
    {"status": "In Transit", "carrier_code": "OF", "message": "Out for Delivery"},
    {"status": "in_progress"}, {"status": null}, {"status": ""}]})");
  ASSERT_EQ(out[0].scan_events.size(), 4u);
  for (const scan_event& e : out[0].scan_events) EXPECT_EQ(e.status, st::unknown);
  EXPECT_EQ(out[0].scan_events[0].carrier_code, "OF") << "left for the code table";
}

TEST_F(EasyPostSource, TimeWithZOrOffsetIsAnInstant) {
  const auto& out = map(R"({"tracking_code": "EZ1", "tracking_details": [
    {"datetime": "2025-01-12T14:03:00Z"}, {"datetime": "2025-01-12T07:03:00-07:00"}]})");
  ASSERT_EQ(out[0].scan_events.size(), 2u);
  EXPECT_EQ(formatted(out[0].scan_events[0].scanned_at), "2025-01-12T14:03:00.000Z");
  EXPECT_EQ(formatted(out[0].scan_events[1].scanned_at), "2025-01-12T14:03:00.000Z")
      << "a geocoded local time is the same instant";
}

TEST_F(EasyPostSource, TimeWithoutOffsetIsLocalAndNeverShifted) {
  const auto& out = map(R"({"tracking_code": "EZ1", "est_delivery_date": "2025-01-14",
    "tracking_details": [{"datetime": "2025-01-12T07:03:00"}]})");
  ASSERT_EQ(out[0].scan_events.size(), 1u);
  ASSERT_TRUE(out[0].scan_events[0].scanned_at.has_value());
  EXPECT_TRUE(out[0].scan_events[0].scanned_at->local);
  EXPECT_EQ(formatted(out[0].scan_events[0].scanned_at), "2025-01-12T07:03:00.000");
  EXPECT_EQ(formatted(out[0].estimated_delivery_at), "2025-01-14T00:00:00.000");
}

TEST_F(EasyPostSource, TrackerWithDetailsLeavesStatusToTheDeriver) {
  const auto& out = map(tracker_json);
  EXPECT_EQ(out[0].status, st::unknown) << "the deriver decides from the events";
  EXPECT_EQ(out[0].status_detail, "") << "EasyPost's conclusion is not copied over the events";
  EXPECT_EQ(out[0].status_raw, "in_transit") << "but kept raw";
}

TEST_F(EasyPostSource, TrackerWithoutDetailsKeepsEasyPostsStatus) {
  const auto& out = map(R"({"tracking_code": "EZ1", "carrier": "USPS", "status": "error",
    "status_detail": "unknown", "tracking_details": []})");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, st::error);
  EXPECT_EQ(out[0].status_detail, "unknown");
  EXPECT_EQ(out[0].status_raw, "error");
}

TEST_F(EasyPostSource, TrackerStatusOutsideTheVocabularyIsUnknown) {
  const auto& out = map(R"({"tracking_code": "EZ1", "status": "return_to_shipper"})");
  EXPECT_EQ(out[0].status, st::unknown);
  EXPECT_EQ(out[0].status_raw, "return_to_shipper");
}

TEST_F(EasyPostSource, TrackersListIsOneShipmentPerTracker) {
  const auto& out = map(R"({"trackers": [
    {"tracking_code": "EZ1000000001", "carrier": "USPS", "status": "pre_transit"},
    {"tracking_code": "EZ4000000004", "carrier": "UPS", "status": "delivered"}],
    "has_more": true})");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].tracking_code, "EZ1000000001");
  EXPECT_EQ(out[1].tracking_code, "EZ4000000004");
  EXPECT_EQ(out[1].carrier, "UPS");
}

TEST_F(EasyPostSource, EmptyTrackersListIsNoShipment) {
  EXPECT_TRUE(map(R"({"trackers": [], "has_more": false})").empty());
  EXPECT_TRUE(map(R"({"trackers": null})").empty());
}

TEST_F(EasyPostSource, TrackersThatAreNotObjectsAreRejected) {
  const record_error e = map_error(R"({"trackers": [{"tracking_code": "EZ1"}, "EZ2"]})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/trackers/1");
}

TEST_F(EasyPostSource, MalformedDatetimeIsRejectedWhereItIs) {
  const record_error e = map_error(R"({"tracking_code": "EZ1", "tracking_details": [
    {"datetime": "2025-01-12T07:03:00Z"}, {"datetime": "yesterday"}]})");
  EXPECT_EQ(e.code, error_code::invalid_timestamp);
  EXPECT_EQ(e.json_pointer, "/tracking_details/1/datetime");
}

// A webhook Event as EasyPost POSTs it (keys in the order of a production
// tracker.updated body): the Event's own `status` and `description` come
// before the tracker under `result`.
constexpr std::string_view event_json = R"({
  "description": "tracker.updated", "mode": "production",
  "previous_attributes": {"status": "out_for_delivery"},
  "created_at": "2023-04-26T19:23:47.000Z", "pending_urls": ["https://example.com/hook"],
  "completed_urls": [], "updated_at": "2023-04-26T19:23:47.000Z", "id": "evt_1",
  "user_id": "user_1", "status": "pending", "object": "Event",
  "result": {
    "id": "trk_1", "object": "Tracker", "mode": "production", "tracking_code": "397280491672",
    "status": "delivered", "status_detail": "arrived_at_destination", "carrier": "FedEx",
    "tracking_details": [
      {"object": "TrackingDetail", "message": "Delivered", "description": "Delivered",
       "status": "delivered", "status_detail": "arrived_at_destination",
       "datetime": "2023-04-26T19:15:54Z", "source": "FedEx", "carrier_code": "DL",
       "tracking_location": {"object": "TrackingLocation", "city": "San Diego", "state": "CA",
                             "country": "US", "zip": "92130"}}],
    "public_url": "https://track.easypost.com/djE6dHJrXzE"
  }
})";

TEST_F(EasyPostSource, WebhookEventReadsTheTrackerUnderResult) {
  const auto& out = map(event_json);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].tracking_code, "397280491672");
  EXPECT_EQ(out[0].carrier, "FedEx");
  EXPECT_EQ(out[0].status_raw, "delivered") << "the tracker's status, not the Event's \"pending\"";
  EXPECT_EQ(out[0].tracking_url, "https://track.easypost.com/djE6dHJrXzE");
  ASSERT_EQ(out[0].scan_events.size(), 1u);
  EXPECT_EQ(out[0].scan_events[0].carrier_code, "DL");
  EXPECT_EQ(formatted(out[0].scan_events[0].scanned_at), "2023-04-26T19:15:54.000Z");
}

TEST_F(EasyPostSource, WebhookEventIsReadWhateverItsKeyOrder) {
  const auto& out = map(R"({"result": {"tracking_code": "EZ4000000004", "object": "Tracker",
    "status": "delivered", "tracking_details": []}, "status": "pending", "object": "Event",
    "description": "tracker.created"})");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].tracking_code, "EZ4000000004");
  EXPECT_EQ(out[0].status, st::delivered) << "no details: EasyPost's own status";
}

TEST_F(EasyPostSource, EventWithoutTrackerIsARejectSayingWhatIsMissing) {
  for (std::string_view json : {R"({"object": "Event", "description": "tracker.updated"})",
                                R"({"object": "Event", "description": "tracker.updated",
                                    "result": null})"}) {
    const record_error e = map_error(json);
    EXPECT_EQ(e.code, error_code::wrong_type) << json;
    EXPECT_EQ(e.message, "EasyPost Event \"tracker.updated\" has no result: no tracker to read");
  }
}

TEST_F(EasyPostSource, EventCarryingAnotherObjectIsARejectNamingIt) {
  const record_error e = map_error(R"({"object": "Event", "description": "batch.updated",
    "result": {"id": "batch_1", "object": "Batch", "state": "purchased"}})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/result");
  EXPECT_EQ(
      e.message,
      "EasyPost Event \"batch.updated\" carries a Batch, not a Tracker: no shipment to track");
}

TEST_F(EasyPostSource, EventWithAnEmptyTrackerIsARejectSayingWhatIsMissing) {
  const record_error e = map_error(R"({"object": "Event", "description": "tracker.updated",
    "result": {"object": "Tracker", "status": "unknown"}})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/result");
  EXPECT_EQ(e.message,
            "EasyPost Event \"tracker.updated\"'s result has no tracking_code and no "
            "tracking_details: nothing to track");
}

TEST_F(EasyPostSource, TrackerWithNoTrackingCodeAndNoDetailsIsRejected) {
  const record_error e = map_error(R"({"object": "Tracker", "status": "unknown",
    "tracking_details": []})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "");
  EXPECT_EQ(e.message, "not an EasyPost tracker: no tracking_code and no tracking_details");
}

TEST_F(EasyPostSource, EventWithoutObjectEventIsNotReadAsAnEvent) {
  // A body stripped of "object" (some relays do) is not guessed at; the
  // reject says where the tracker would be.
  const record_error e = map_error(R"({"description": "tracker.updated",
    "result": {"tracking_code": "EZ1", "status": "in_transit"}})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_NE(e.message.find("a webhook Event has \"object\": \"Event\""), std::string::npos)
      << e.message;
}

TEST_F(EasyPostSource, EmptyTrackerInAListIsRejectedAtItsPlace) {
  const record_error e = map_error(R"({"trackers": [{"tracking_code": "EZ1"},
    {"status": "unknown", "tracking_details": []}], "has_more": false})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/trackers/1");
}

TEST(EasyPostDetection, WebhookEventIsDetectedByTheTrackerUnderResult) {
  const tracked out = track(event_json);
  EXPECT_TRUE(out.rejects.empty());
  EXPECT_EQ(out.ndjson.find(R"({"carrier":"FedEx","trackingCode":"397280491672")"), 0u)
      << out.ndjson;
  EXPECT_NE(out.ndjson.find(R"("status":"delivered")"), std::string::npos);
}

TEST(EasyPostDetection, WebhookEventWithFromEasyPostIsTheSameShipment) {
  EXPECT_EQ(track(event_json, from(tracking_input::easypost)).ndjson, track(event_json).ndjson);
}

TEST(EasyPostDetection, EventWhoseResultIsNotATrackerIsNotDetected) {
  const tracked out = track(R"({"object": "Event", "description": "refund.successful",
    "result": {"object": "Refund", "tracking_code": "9400100000000000000001"}})");
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects[0].code, error_code::unknown_platform);
  EXPECT_EQ(out.rejects[0].message,
            "an EasyPost webhook Event whose result is a Refund, not a Tracker: not tracking data");
}

TEST(EasyPostDetection, EventShapeNeedsObjectEventAndATracker) {
  for (std::string_view json :
       {// "object" and "result" alone are no one's markers
        R"({"object": "event", "result": {"object": "Tracker", "tracking_code": "EZ1"}})",
        R"({"result": {"object": "Tracker", "tracking_code": "EZ1"}})",
        R"({"object": "Event", "result": "trk_1"})",
        R"({"object": "Event", "result": {"id": "trk_1"}})", R"({"object": "Event"})"}) {
    const tracked out = track(json);
    ASSERT_EQ(out.rejects.size(), 1u) << json;
    EXPECT_EQ(out.rejects[0].code, error_code::unknown_platform) << json;
    EXPECT_TRUE(out.ndjson.empty()) << json;
  }
}

TEST(EasyPostDetection, TrackerResultWithoutObjectIsATrackerByItsKeys) {
  const tracked out = track(R"({"object": "Event", "description": "tracker.updated",
    "result": {"tracking_code": "EZ2000000002", "carrier": "USPS", "tracking_details": []}})");
  EXPECT_TRUE(out.rejects.empty());
  EXPECT_EQ(out.ndjson.find(R"({"carrier":"USPS","trackingCode":"EZ2000000002")"), 0u);
}

TEST(EasyPostDetection, TrackerIsDetectedByItsTrackingDetails) {
  const tracked out = track(tracker_json);
  EXPECT_TRUE(out.rejects.empty());
  EXPECT_NE(out.ndjson.find(R"("trackingCode":"9400100000000000000001")"), std::string::npos);
}

TEST(EasyPostDetection, TrackerListIsDetectedByItsTrackersKey) {
  const tracked out = track(R"({"trackers": [{"tracking_code": "EZ1", "carrier": "USPS",
    "status": "unknown", "tracking_details": []}], "has_more": false})");
  EXPECT_TRUE(out.rejects.empty());
  EXPECT_EQ(out.ndjson.find(R"({"carrier":"USPS","trackingCode":"EZ1")"), 0u);
}

TEST(EasyPostDetection, MarkerKeysAreNoOtherSourcesOrPlatformsMarkers) {
  const std::vector<std::string_view> others = markers_of_others(detail::easypost_source);
  for (std::string_view key : detail::easypost_source().marker_keys) {
    for (std::string_view other : others) EXPECT_NE(key, other);
  }
}

}  // namespace
