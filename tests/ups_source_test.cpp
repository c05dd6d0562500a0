// UPS Track API mapping (mappings/carriers/ups_source.hpp): one test per rule
// that the golden cases under tests/golden_tracking/ups/ do not make obvious.
// Mapping-level tests read the shipments as the mapping leaves them, before
// the deriver, with both walkers; tracker-level tests go through
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

// Maps `text` with the UPS converter alone, under both walkers.
std::unique_ptr<mapped> map(std::string_view text) { return map_both(detail::ups_source, text); }

// One package whose activity list is `activity` (a JSON array body).
std::string with_activity(std::string_view activity) {
  return std::string(R"({"trackResponse":{"shipment":[{"inquiryNumber":"1Z01","package":[)") +
         R"({"trackingNumber":"1Z01","activity":[)" + std::string(activity) + "]}]}]}}";
}

std::string first_time(std::string_view activity) {
  auto m = map(with_activity(activity));
  EXPECT_EQ(m->code, error_code::ok) << m->error.message;
  if (m->shipments.empty() || m->shipments[0].scan_events.empty()) return "no event";
  return formatted(m->shipments[0].scan_events[0].scanned_at);
}

}  // namespace

TEST(UpsSource, DateAndTimeCombineIntoALocalTime) {
  auto m = map(with_activity(R"({"date":"20240424","time":"160500","status":{"code":"FS"}})"));
  ASSERT_EQ(m->code, error_code::ok);
  const opt_time& t = m->shipments.at(0).scan_events.at(0).scanned_at;
  ASSERT_TRUE(t.has_value());
  EXPECT_TRUE(t->local);
  EXPECT_EQ(formatted(t), "2024-04-24T16:05:00.000");
}

TEST(UpsSource, GmtDateAndTimeWin) {
  EXPECT_EQ(first_time(R"({"date":"20240610","time":"221000","gmtDate":"20240611",
                           "gmtTime":"021000","gmtOffset":"-04:00"})"),
            "2024-06-11T02:10:00.000Z");
}

TEST(UpsSource, GmtOffsetAloneShiftsTheLocalTime) {
  EXPECT_EQ(first_time(R"({"date":"20240610","time":"221000","gmtOffset":"-04:00"})"),
            "2024-06-11T02:10:00.000Z");
  EXPECT_EQ(first_time(R"({"date":"20240610","time":"221000","gmtOffset":"-4:00"})"),
            "2024-06-11T02:10:00.000Z");
}

TEST(UpsSource, GmtDateWithoutGmtTimeIsIgnored) {
  EXPECT_EQ(first_time(R"({"date":"20240610","time":"221000","gmtDate":"20240611"})"),
            "2024-06-10T22:10:00.000");
}

TEST(UpsSource, TimeThatLostItsLeadingZeroIsPadded) {
  EXPECT_EQ(first_time(R"({"date":"20240509","time":"74700"})"), "2024-05-09T07:47:00.000");
  EXPECT_EQ(first_time(R"({"date":"20240509","time":"034700","gmtDate":"20240509",
                           "gmtTime":"74700"})"),
            "2024-05-09T07:47:00.000Z");
}

TEST(UpsSource, DateWithoutTimeIsLocalMidnight) {
  EXPECT_EQ(first_time(R"({"date":"20240509","time":""})"), "2024-05-09T00:00:00.000");
}

TEST(UpsSource, TimeWithoutDateIsNoTime) {
  EXPECT_EQ(first_time(R"({"date":"","time":"101500","status":{"type":"M","code":"MP"}})"), "null");
}

TEST(UpsSource, MalformedDateIsRejectedWhereItIs) {
  auto dashed = map(with_activity(R"({"date":"2024-04-24","time":"160500"})"));
  EXPECT_EQ(dashed->code, error_code::invalid_timestamp);
  EXPECT_EQ(dashed->error.json_pointer, "/trackResponse/shipment/0/package/0/activity/0/date");
  auto impossible = map(with_activity(R"({"date":"20240230","time":"160500"})"));
  EXPECT_EQ(impossible->code, error_code::invalid_timestamp);
}

TEST(UpsSource, MalformedTimeIsRejectedWhereItIs) {
  // No gmtDate + gmtTime beside it to fall back to.
  auto m = map(with_activity(R"({"date":"20240424","time":"256000"})"));
  EXPECT_EQ(m->code, error_code::invalid_timestamp);
  EXPECT_EQ(m->error.json_pointer, "/trackResponse/shipment/0/package/0/activity/0/time");
  EXPECT_EQ(m->error.message, R"(expected a time as HHMMSS or HH:MM:SS, got "256000")");
  auto letters = map(with_activity(R"({"date":"20240424","time":"16h05"})"));
  EXPECT_EQ(letters->code, error_code::invalid_timestamp);
}

// Real Track API responses write gmtTime "HH:MM:SS" (UPS-API/api-documentation
// issues #99 and #187); the spec's example is "74700".
TEST(UpsSource, GmtTimeWithColons) {
  auto m = map(with_activity(R"({"date":"20240320","time":"190838","gmtDate":"20240320",
                                 "gmtOffset":"+08:00","gmtTime":"11:08:38"})"));
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-03-20T11:08:38.000Z");
  EXPECT_TRUE(m->warnings.empty());
}

TEST(UpsSource, GmtTimeWithoutColons) {
  EXPECT_EQ(first_time(R"({"date":"20240320","time":"190838","gmtDate":"20240320",
                           "gmtOffset":"+08:00","gmtTime":"110838"})"),
            "2024-03-20T11:08:38.000Z");
}

TEST(UpsSource, GmtTimeWithColonsAndOneHourDigit) {
  EXPECT_EQ(first_time(R"({"date":"20240509","time":"034700","gmtDate":"20240509",
                           "gmtTime":"7:47:00"})"),
            "2024-05-09T07:47:00.000Z");
}

TEST(UpsSource, EveryTimeFieldTakesBothForms) {
  EXPECT_EQ(first_time(R"({"date":"20240509","time":"03:47:00"})"), "2024-05-09T03:47:00.000");
  auto m = map(R"({"trackResponse":{"shipment":[{"package":[{"trackingNumber":"1Z1",
      "deliveryDate":[{"type":"SDD","date":"20240509"}],
      "deliveryTime":{"type":"EDW","endTime":"13:00:00"}}]}]}})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).estimated_delivery_at), "2024-05-09T13:00:00.000");
}

TEST(UpsSource, TimeWithMisplacedColonsIsNotATime) {
  for (std::string_view bad : {"11:0838", "1108:38", "11:08:3", "111:08:38", "11:08:38:00",
                               "24:00:00", "11:60:00", "ab:cd:ef"}) {
    auto m = map(with_activity(R"({"date":"20240320","time":")" + std::string(bad) + R"("})"));
    EXPECT_EQ(m->code, error_code::invalid_timestamp) << bad;
  }
}

TEST(UpsSource, UnparsableLocalTimeFallsBackToGmtWithWarning) {
  auto m = map(with_activity(R"({"date":"20240320","time":"19h08","gmtDate":"20240320",
                                 "gmtOffset":"+08:00","gmtTime":"11:08:38"})"));
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-03-20T11:08:38.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer, "/trackResponse/shipment/0/package/0/activity/0/time");
  EXPECT_EQ(m->warnings[0].message,
            R"(time "19h08" is not a time as HHMMSS or HH:MM:SS; used gmtDate and gmtTime )"
            R"(instead (2024-03-20T11:08:38.000Z))");
}

TEST(UpsSource, UnparsableLocalDateFallsBackToGmtWithWarning) {
  auto m = map(with_activity(R"({"date":"2024-03-20","time":"190838","gmtDate":"20240320",
                                 "gmtTime":"11:08:38"})"));
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-03-20T11:08:38.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer, "/trackResponse/shipment/0/package/0/activity/0/date");
}

TEST(UpsSource, UnparsableGmtTimeFallsBackToLocalWithWarning) {
  auto m = map(with_activity(R"({"date":"20240320","time":"190838","gmtDate":"20240320",
                                 "gmtOffset":"+08:00","gmtTime":"11h08"})"));
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-03-20T11:08:38.000Z")
      << "the local time shifted by gmtOffset";
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer, "/trackResponse/shipment/0/package/0/activity/0/gmtTime");
  EXPECT_EQ(m->warnings[0].message,
            R"(gmtTime "11h08" is not a time as HHMMSS or HH:MM:SS; used date and time with )"
            R"(gmtOffset instead (2024-03-20T11:08:38.000Z))");
}

TEST(UpsSource, UnparsableGmtDateWithoutOffsetFallsBackToTheLocalTime) {
  auto m = map(with_activity(R"({"date":"20240320","time":"190838","gmtDate":"2024/03/20",
                                 "gmtTime":"11:08:38"})"));
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-03-20T19:08:38.000")
      << "local, never shifted";
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].message,
            R"(gmtDate "2024/03/20" is not a date as YYYYMMDD; used date and time instead )"
            R"((2024-03-20T19:08:38.000))");
}

TEST(UpsSource, UnparsableGmtOffsetBesideGmtTimeIsPassedOverWithWarning) {
  auto m = map(with_activity(R"({"date":"20240320","time":"190838","gmtDate":"20240320",
                                 "gmtOffset":"SGT","gmtTime":"11:08:38"})"));
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  EXPECT_EQ(formatted(m->shipments.at(0).scan_events.at(0).scanned_at), "2024-03-20T11:08:38.000Z");
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer,
            "/trackResponse/shipment/0/package/0/activity/0/gmtOffset");
}

TEST(UpsSource, NeitherTimeParsingIsRejectedAtTheFirstBadField) {
  auto m = map(with_activity(R"({"date":"20240320","gmtTime":"11h08","time":"19h08",
                                 "gmtDate":"20240320"})"));
  EXPECT_EQ(m->code, error_code::invalid_timestamp);
  EXPECT_EQ(m->error.json_pointer, "/trackResponse/shipment/0/package/0/activity/0/gmtTime");
  EXPECT_EQ(m->error.message, R"(expected a time as HHMMSS or HH:MM:SS, got "11h08")");
  EXPECT_TRUE(m->warnings.empty());
}

TEST(UpsSource, TimeThatIsNotAStringIsRejectedEvenBesideAnEquivalent) {
  // Only a string that does not parse falls back; another JSON type is no
  // UPS form at all.
  auto m = map(with_activity(R"({"date":"20240320","time":"190838","gmtDate":"20240320",
                                 "gmtTime":110838})"));
  EXPECT_EQ(m->code, error_code::wrong_type);
  EXPECT_EQ(m->error.json_pointer, "/trackResponse/shipment/0/package/0/activity/0/gmtTime");
  EXPECT_EQ(m->error.message, "expected a time string, got 110838");
}

TEST(UpsSource, WarningIsAboutTheShipmentOfItsPackage) {
  auto m = map(R"({"trackResponse":{"shipment":[{"inquiryNumber":"1ZA","package":[
      {"trackingNumber":"1ZA","activity":[{"date":"20240320","time":"190838"}]},
      {"trackingNumber":"1ZB","activity":[{"date":"20240320","time":"190838"},
        {"date":"20240319","time":"7pm","gmtDate":"20240319","gmtTime":"11:00:00"}]}]}]}})");
  ASSERT_EQ(m->code, error_code::ok) << m->error.message;
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0].json_pointer, "/trackResponse/shipment/0/package/1/activity/1/time");
  EXPECT_EQ(m->warning_owners, std::vector<std::size_t>{1});
}

TEST(UpsSource, ActivitiesComeOutOldestFirstWithoutOwnStatus) {
  auto m = map(with_activity(R"(
      {"date":"20240424","time":"160500","status":{"type":"D","code":"FS","description":"DELIVERED"}},
      {"date":"20240424","time":"083012","status":{"type":"I","code":"OT","description":"Out For Delivery Today"}},
      {"date":"20240422","time":"190000","status":{"type":"I","code":"OR","description":"Origin Scan"}})"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].carrier_code, "OR");
  EXPECT_EQ(events[1].carrier_code, "OT");
  EXPECT_EQ(events[2].carrier_code, "FS");
  EXPECT_EQ(events[2].description, "DELIVERED");
  for (const scan_event& e : events) {
    EXPECT_EQ(e.status, shipment_status::unknown);  // the type letter is not our vocabulary
    EXPECT_EQ(e.source, "UPS");
  }
}

TEST(UpsSource, CarrierCodeIsTheStatusCodeElseTheType) {
  auto m = map(with_activity(R"(
      {"status":{"type":"X","code":"48","description":"The receiver was not available"}},
      {"status":{"type":"M","description":"Shipper created a label"}})"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  EXPECT_EQ(events[0].carrier_code, "M");
  EXPECT_EQ(events[1].carrier_code, "48");
}

TEST(UpsSource, LocationIsTheActivityAddressWithCountryAsFallback) {
  auto m = map(with_activity(R"(
      {"location":{"address":{"city":"Atlanta","stateProvince":"GA","postalCode":"30303",
                              "country":"United States","countryCode":"US"},"slic":"3033"}},
      {"location":{"address":{"country":"US"}}},
      {"location":{"address":{"city":"","countryCode":null}}})"));
  ASSERT_EQ(m->code, error_code::ok);
  const auto& events = m->shipments.at(0).scan_events;
  EXPECT_FALSE(events[0].location.has_value());
  ASSERT_TRUE(events[1].location.has_value());
  EXPECT_EQ(events[1].location->country_code, "US");
  ASSERT_TRUE(events[2].location.has_value());
  EXPECT_EQ(events[2].location->city, "Atlanta");
  EXPECT_EQ(events[2].location->region, "GA");
  EXPECT_EQ(events[2].location->postal_code, "30303");
  EXPECT_EQ(events[2].location->country_code, "US");
}

TEST(UpsSource, OneShipmentPerPackageNumberedByPackageElseInquiry) {
  auto m = map(R"({"trackResponse":{"shipment":[{"inquiryNumber":"1ZINQUIRY","package":[
      {"trackingNumber":"1ZPKG1"},{"trackingNumber":""}]}]}})");
  ASSERT_EQ(m->code, error_code::ok);
  ASSERT_EQ(m->shipments.size(), 2u);
  EXPECT_EQ(m->shipments[0].tracking_code, "1ZPKG1");
  EXPECT_EQ(m->shipments[1].tracking_code, "1ZINQUIRY");
  EXPECT_EQ(m->shipments[0].carrier, "UPS");
  EXPECT_TRUE(m->shipments[0].tracking_url.empty());
}

TEST(UpsSource, StatusRawIsCurrentStatusCodeElseDescription) {
  auto m = map(R"({"trackResponse":{"shipment":[{"package":[
      {"trackingNumber":"1Z1","currentStatus":{"code":"011","description":"Delivered"}},
      {"trackingNumber":"1Z2","currentStatus":{"description":"On the Way"}}]}]}})");
  ASSERT_EQ(m->code, error_code::ok);
  EXPECT_EQ(m->shipments.at(0).status_raw, "011");
  EXPECT_EQ(m->shipments.at(1).status_raw, "On the Way");
}

TEST(UpsSource, EstimatedDeliveryIsRescheduledElseScheduledAtTheWindowEnd) {
  auto m = map(R"({"trackResponse":{"shipment":[{"package":[
      {"trackingNumber":"1Z1","deliveryDate":[{"type":"SDD","date":"20240509"},{"type":"RDD","date":"20240510"}],
       "deliveryTime":{"type":"EDW","startTime":"090000","endTime":"130000"}},
      {"trackingNumber":"1Z2","deliveryDate":[{"type":"SDD","date":"20240509"}],"deliveryTime":{"type":"EOD"}},
      {"trackingNumber":"1Z3","deliveryDate":[{"type":"DEL","date":"20240508"}],
       "deliveryTime":{"type":"DEL","endTime":"101500"}},
      {"trackingNumber":"1Z4","deliveryDate":[{"type":"SDD","date":"20240509"}],
       "deliveryTime":{"type":"DEL","endTime":"101500"}}]}]}})");
  ASSERT_EQ(m->code, error_code::ok);
  ASSERT_EQ(m->shipments.size(), 4u);
  EXPECT_EQ(formatted(m->shipments[0].estimated_delivery_at), "2024-05-10T13:00:00.000");
  EXPECT_EQ(formatted(m->shipments[1].estimated_delivery_at), "2024-05-09T00:00:00.000");
  EXPECT_EQ(formatted(m->shipments[2].estimated_delivery_at), "null");  // DEL is no estimate
  EXPECT_EQ(formatted(m->shipments[3].estimated_delivery_at), "2024-05-09T00:00:00.000");
}

TEST(UpsSource, ErrorBodyIsRejectedWithUpsCodeAndMessage) {
  auto m = map(R"({"response":{"errors":[{"code":"TV1002","message":"Invalid inquiry number"}]}})");
  EXPECT_EQ(m->code, error_code::source_error);
  EXPECT_TRUE(m->shipments.empty());
  EXPECT_NE(m->error.message.find("TV1002 Invalid inquiry number"), std::string::npos)
      << m->error.message;
}

TEST(UpsSource, NotFoundWarningIsAShipmentWithTheWarningAsStatusRaw) {
  auto m = map(R"({"trackResponse":{"shipment":[{"inquiryNumber":"1Z023E2X0214323462",
      "warnings":[{"code":"TW0001","message":"Tracking Information Not Found"}]}]}})");
  ASSERT_EQ(m->code, error_code::ok);
  ASSERT_EQ(m->shipments.size(), 1u);
  EXPECT_EQ(m->shipments[0].tracking_code, "1Z023E2X0214323462");
  EXPECT_EQ(m->shipments[0].status_raw, "TW0001");
  EXPECT_TRUE(m->shipments[0].scan_events.empty());
}

TEST(UpsSource, NotFoundWarningNextToFoundPackagesKeepsBoth) {
  auto m = map(R"({"trackResponse":{"shipment":[
      {"inquiryNumber":"1ZA","warnings":[{"code":"TW0001","message":"Tracking Information Not Found"}]},
      {"inquiryNumber":"1ZB","package":[{"trackingNumber":"1ZB"}],
       "warnings":[{"code":"TW0003","message":"Some information unavailable"}]}]}})");
  ASSERT_EQ(m->code, error_code::ok);
  ASSERT_EQ(m->shipments.size(), 2u);
  EXPECT_EQ(m->shipments[0].tracking_code, "1ZA");
  EXPECT_EQ(m->shipments[0].status_raw, "TW0001");
  EXPECT_EQ(m->shipments[1].tracking_code, "1ZB");
  EXPECT_TRUE(m->shipments[1].status_raw.empty());  // a warning beside a package is not its status
}

TEST(UpsSource, WarningThatNamesNoNumberIsRejectedWhenNothingElseIsTracked) {
  auto m = map(R"({"trackResponse":{"shipment":[
      {"warnings":[{"code":"TW0001","message":"Tracking Information Not Found"}]}]}})");
  EXPECT_EQ(m->code, error_code::source_error);
  EXPECT_NE(m->error.message.find("TW0001 Tracking Information Not Found"), std::string::npos)
      << m->error.message;
}

TEST(UpsSource, ResponseWithoutPackagesIsRejected) {
  auto m = map(R"({"trackResponse":{"shipment":[]}})");
  EXPECT_EQ(m->code, error_code::wrong_type);
}

TEST(UpsSource, AutoDetectsTrackResponseButNotTheErrorBody) {
  tracker t(from(std::nullopt));
  tracked ok =
      track(t, with_activity(R"({"date":"20240424","time":"160500","status":{"code":"FS"}})"));
  ASSERT_TRUE(ok.rejects.empty());
  ASSERT_EQ(ok.shipments.size(), 1u);
  EXPECT_EQ(ok.shipments[0].carrier, "UPS");
  tracker t2(from(std::nullopt));
  tracked error = track(t2, R"({"response":{"errors":[{"code":"250003","message":"Invalid"}]}})");
  ASSERT_EQ(error.rejects.size(), 1u);
  EXPECT_EQ(error.rejects[0].code, error_code::unknown_platform);
}
