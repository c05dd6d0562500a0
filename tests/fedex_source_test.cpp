// The FedEx Track API mapping's rules (mappings/carriers/fedex_source.hpp),
// one test each, on what the mapping itself produces (before the tracker
// merges and derives), under both mappers; detection and rejects through the
// tracker.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "mappings/carriers/fedex_source.hpp"
#include "ordernorm/detail/tracking_source.hpp"
#include "registry.hpp"
#include "tracking_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

using st = shipment_status;

using FedExSource = ordernorm::testing::tracking_source_test<detail::fedex_source>;

// One response, the track results given as JSON text.
std::string response(std::string_view number, std::string_view results) {
  return R"({"transactionId": "624deea6-b709-470c-8c39-4b5511281492",
    "output": {"completeTrackResults": [{"trackingNumber": ")" +
         std::string(number) + R"(", "trackResults": [)" + std::string(results) + "]}]}}";
}

constexpr std::string_view delivered_result = R"({
  "trackingNumberInfo": {"trackingNumber": "794611111101", "carrierCode": "FDXG",
                         "trackingNumberUniqueId": "12024~794611111101~FX"},
  "latestStatusDetail": {"code": "DL", "derivedCode": "DL", "statusByLocale": "Delivered"},
  "dateAndTimes": [{"type": "ACTUAL_DELIVERY", "dateTime": "2024-09-12T14:07:00-04:00"}],
  "scanEvents": [
    {"date": "2024-09-12T14:07:00-04:00", "eventType": "DL", "eventDescription": "Delivered",
     "exceptionCode": "", "exceptionDescription": "Left at front door.",
     "scanLocation": {"streetLines": [""], "city": "RALEIGH", "stateOrProvinceCode": "NC",
                      "postalCode": "27601", "countryCode": "US", "residential": false},
     "derivedStatusCode": "DL", "derivedStatus": "Delivered"},
    {"date": "2024-09-12T07:58:00-04:00", "eventType": "OD",
     "eventDescription": "On FedEx vehicle for delivery", "exceptionDescription": "",
     "scanLocation": {"city": "GARNER", "stateOrProvinceCode": "NC", "postalCode": "27529",
                      "countryCode": "US"}, "derivedStatusCode": "IT"},
    {"date": "2024-09-10T11:02:18-05:00", "eventType": "OC",
     "eventDescription": "Shipment information sent to FedEx",
     "scanLocation": {"streetLines": [""], "residential": false}, "derivedStatusCode": "IN"}
  ]})";

TEST_F(FedExSource, OneShipmentPerTrackResult) {
  const std::string two = std::string(delivered_result) + "," + std::string(delivered_result);
  const auto& out = map(response("794611111101", two));
  EXPECT_EQ(out.size(), 2u) << "two tracking records for one number: the tracker merges them";
}

TEST_F(FedExSource, CarrierIsFedExWhateverTheOperatingCompany) {
  const auto& out = map(response("794611111101", delivered_result));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].carrier, "FedEx") << "not FDXG";
  EXPECT_EQ(out[0].tracking_url, "");
}

TEST_F(FedExSource, TrackingCodeIsTheResultsNumberElseTheRequestedOne) {
  const auto& own = map(response("794611111101", delivered_result));
  EXPECT_EQ(own[0].tracking_code, "794611111101");
  const auto& requested =
      map(response("794600000051", R"({"trackingNumberInfo": {"trackingNumber": ""},
        "error": {"code": "TRACKING.TRACKINGNUMBER.NOTFOUND", "message": "not found"}})"));
  EXPECT_EQ(requested[0].tracking_code, "794600000051");
}

TEST_F(FedExSource, ScanEventsAreReversedToOldestFirst) {
  const auto& out = map(response("794611111101", delivered_result));
  ASSERT_EQ(out[0].scan_events.size(), 3u);
  EXPECT_EQ(out[0].scan_events[0].carrier_code, "OC");
  EXPECT_EQ(out[0].scan_events[1].carrier_code, "OD");
  EXPECT_EQ(out[0].scan_events[2].carrier_code, "DL");
}

TEST_F(FedExSource, ScanEventFields) {
  const auto& out = map(response("794611111101", delivered_result));
  const scan_event& dl = out[0].scan_events[2];
  EXPECT_EQ(formatted(dl.scanned_at), "2024-09-12T18:07:00.000Z");
  EXPECT_EQ(dl.carrier_code, "DL");
  EXPECT_EQ(dl.description, "Delivered");
  EXPECT_EQ(dl.message, "Left at front door.") << "exceptionDescription";
  EXPECT_EQ(dl.source, "FedEx");
  ASSERT_TRUE(dl.location.has_value());
  EXPECT_EQ(dl.location->city, "RALEIGH");
  EXPECT_EQ(dl.location->region, "NC");
  EXPECT_EQ(dl.location->postal_code, "27601");
  EXPECT_EQ(dl.location->country_code, "US");
  EXPECT_EQ(out[0].scan_events[1].message, "") << "an empty exceptionDescription is no message";
  EXPECT_FALSE(out[0].scan_events[0].location.has_value()) << "street lines only: no location";
}

TEST_F(FedExSource, EventsHaveNoStatusOfTheirOwn) {
  // derivedStatusCode is FedEx's summary vocabulary: OD is "IT" there.
  const auto& out = map(response("794611111101", delivered_result));
  for (const scan_event& e : out[0].scan_events) {
    EXPECT_EQ(e.status, st::unknown) << e.carrier_code;
    EXPECT_EQ(e.status_detail, "") << e.carrier_code;
  }
}

TEST_F(FedExSource, StatusRawIsTheDerivedCodeElseTheCode) {
  const auto& derived = map(response("1", R"({"latestStatusDetail": {"code": "FD",
    "derivedCode": "RL", "statusByLocale": "Running Late"}, "scanEvents": []})"));
  EXPECT_EQ(derived[0].status_raw, "RL");
  const auto& code = map(response("1", R"({"latestStatusDetail": {"code": "FD"}})"));
  EXPECT_EQ(code[0].status_raw, "FD");
}

TEST_F(FedExSource, ErrorOfATrackResultIsItsStatusRaw) {
  const auto& out =
      map(response("794600000051", R"({"trackingNumberInfo": {"trackingNumber": "794600000051",
        "trackingNumberUniqueId": "", "carrierCode": ""},
        "error": {"code": "TRACKING.TRACKINGNUMBER.NOTFOUND",
                  "message": "Tracking number cannot be found."}})"));
  ASSERT_EQ(out.size(), 1u) << "still a shipment";
  EXPECT_EQ(out[0].carrier, "FedEx");
  EXPECT_EQ(out[0].status_raw, "TRACKING.TRACKINGNUMBER.NOTFOUND");
  EXPECT_EQ(out[0].status, st::unknown);
  EXPECT_TRUE(out[0].scan_events.empty());
}

TEST_F(FedExSource, EstimatedDeliveryIsTheEstimatedDeliveryDate) {
  const auto& out = map(response("1", R"({"dateAndTimes": [
      {"type": "SHIP", "dateTime": "2024-05-01T00:00:00-06:00"},
      {"type": "ESTIMATED_DELIVERY", "dateTime": "2024-05-03T00:00:00"}],
    "estimatedDeliveryTimeWindow": {"window": {"ends": "2024-05-02T12:00:00-05:00"}}})"));
  EXPECT_EQ(formatted(out[0].estimated_delivery_at), "2024-05-03T00:00:00.000")
      << "a date-only estimate is a local date";
}

TEST_F(FedExSource, EstimatedDeliveryElseTheEndOfTheWindowElseItsBeginning) {
  const auto& ends = map(response("1", R"({"estimatedDeliveryTimeWindow": {"window":
    {"begins": "2024-05-02T08:00:00-05:00", "ends": "2024-05-02T12:00:00-05:00"}},
    "standardTransitTimeWindow": {"window": {"ends": "2024-05-01T10:30:00-05:00"}}})"));
  EXPECT_EQ(formatted(ends[0].estimated_delivery_at), "2024-05-02T17:00:00.000Z");
  const auto& begins = map(response("1", R"({"estimatedDeliveryTimeWindow": {"window":
    {"begins": "2024-05-02T08:00:00-05:00"}}})"));
  EXPECT_EQ(formatted(begins[0].estimated_delivery_at), "2024-05-02T13:00:00.000Z");
  const auto& none = map(response("1", R"({"estimatedDeliveryTimeWindow": {"window": {}},
    "standardTransitTimeWindow": {"window": {"ends": "2024-05-01T10:30:00-05:00"}}})"));
  EXPECT_FALSE(none[0].estimated_delivery_at.has_value())
      << "a standard transit time is no estimate";
}

TEST_F(FedExSource, DateOnlyPlaceholderIsLocalAndNeverShifted) {
  const auto& out = map(response("1", R"({"scanEvents": [
    {"date": "2024-08-15T10:36:00-05:00", "eventType": "OC"},
    {"date": "2024-08-15T00:00:00", "eventType": "PU"}]})"));
  ASSERT_EQ(out[0].scan_events.size(), 2u);
  const scan_event& pu = out[0].scan_events[0];
  ASSERT_TRUE(pu.scanned_at.has_value());
  EXPECT_TRUE(pu.scanned_at->local);
  EXPECT_EQ(formatted(pu.scanned_at), "2024-08-15T00:00:00.000");
  EXPECT_EQ(formatted(out[0].scan_events[1].scanned_at), "2024-08-15T15:36:00.000Z");
}

TEST_F(FedExSource, NumericPostalCodeIsKeptAsItsDigits) {
  const auto& out = map(response("1", R"({"scanEvents": [{"eventType": "AR",
    "scanLocation": {"city": "SEATTLE", "postalCode": 98101, "countryCode": "US"}}]})"));
  ASSERT_TRUE(out[0].scan_events[0].location.has_value());
  EXPECT_EQ(out[0].scan_events[0].location->postal_code, "98101");
}

TEST_F(FedExSource, FractionalPostalCodeIsRejected) {
  const record_error e = map_error(response("1", R"({"scanEvents": [{"eventType": "AR",
    "scanLocation": {"postalCode": 98101.5}}]})"));
  EXPECT_EQ(e.code, error_code::invalid_number);
  EXPECT_EQ(e.json_pointer,
            "/output/completeTrackResults/0/trackResults/0/scanEvents/0/scanLocation/postalCode");
}

TEST_F(FedExSource, ResultWithoutScansTakesItsLatestStatusThroughTheCodeTable) {
  const auto& delivered = map(response("1", R"({
    "latestStatusDetail": {"code": "DL", "derivedCode": "DL"},
    "dateAndTimes": [{"type": "ACTUAL_PICKUP", "dateTime": "2024-10-01T15:10:00-06:00"},
                     {"type": "ACTUAL_DELIVERY", "dateTime": "2024-10-02T13:45:00-06:00"}]})"));
  const detail::event_rule* dl = detail::find_event_rule(carrier_id::fedex, "DL");
  ASSERT_NE(dl, nullptr) << "the FedEx code table knows DL";
  EXPECT_EQ(delivered[0].status, st::delivered);
  EXPECT_EQ(delivered[0].status_detail, dl->detail);
  EXPECT_EQ(formatted(delivered[0].delivered_at), "2024-10-02T19:45:00.000Z");

  const auto& moving = map(response("1", R"({"latestStatusDetail": {"code": "AR",
    "derivedCode": "IT"}, "dateAndTimes": [{"type": "ACTUAL_DELIVERY",
    "dateTime": "2024-10-02T13:45:00-06:00"}]})"));
  EXPECT_EQ(moving[0].status, st::in_transit);
  EXPECT_FALSE(moving[0].delivered_at.has_value()) << "a delivery time goes with a delivery only";
}

TEST_F(FedExSource, ResultWithScansLeavesStatusToTheDeriver) {
  const auto& out = map(response("794611111101", delivered_result));
  EXPECT_EQ(out[0].status, st::unknown);
  EXPECT_EQ(out[0].status_detail, "");
  EXPECT_FALSE(out[0].delivered_at.has_value()) << "ACTUAL_DELIVERY is not copied";
}

TEST_F(FedExSource, ErrorResponseIsRejectedWithFedExsReason) {
  const record_error e = map_error(R"({"transactionId": "624deea6",
    "customerTransactionId": "AnyCo_order123456789",
    "errors": [{"code": "NOT.AUTHORIZED.ERROR", "message": "Access token expired."}]})");
  EXPECT_EQ(e.code, error_code::source_error);
  EXPECT_EQ(e.json_pointer, "/errors/0");
  EXPECT_NE(e.message.find("NOT.AUTHORIZED.ERROR: Access token expired."), std::string::npos)
      << e.message;
}

TEST_F(FedExSource, DocumentWithoutOutputIsRejected) {
  const record_error e = map_error(R"({"transactionId": "624deea6", "output": null})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_NE(e.message.find("no `output`"), std::string::npos) << e.message;
}

TEST_F(FedExSource, EmptyOutputIsNoShipment) {
  EXPECT_TRUE(map(R"({"transactionId": "1", "output": {"completeTrackResults": []}})").empty());
}

TEST(FedExDetection, ResponseIsDetectedWithoutACustomerTransactionId) {
  const tracked out = track(response("794611111101", delivered_result));
  EXPECT_TRUE(out.rejects.empty());
  EXPECT_EQ(out.ndjson.find(R"({"carrier":"FedEx","trackingCode":"794611111101")"), 0u);
}

TEST(FedExDetection, ErrorResponseIsDetectedAndRejected) {
  const tracked out = track(R"({"transactionId": "624deea6",
    "errors": [{"code": "TRACKING.TRACKINGNUMBER.EMPTY",
                "message": "Please provide tracking number."}]})");
  EXPECT_EQ(out.ndjson, "");
  ASSERT_EQ(out.rejects.size(), 1u) << "an error response is a reject, not nothing";
  EXPECT_NE(out.rejects[0].message.find("TRACKING.TRACKINGNUMBER.EMPTY"), std::string::npos);
}

TEST(FedExDetection, MarkerKeysAreNoOtherSourcesOrPlatformsMarkers) {
  const std::vector<std::string_view> others = markers_of_others(detail::fedex_source);
  for (std::string_view key : detail::fedex_source().marker_keys) {
    for (std::string_view other : others) EXPECT_NE(key, other);
  }
}

}  // namespace
