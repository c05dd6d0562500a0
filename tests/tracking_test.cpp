// The deriver's rules, one test per hard case (include/ordernorm/tracking.hpp),
// and its properties: the result does not depend on the input order of
// events, and an identical duplicate changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "tracking_support.hpp"

using namespace ordernorm;

namespace {

timestamp at(std::string_view text) {
  const result<timestamp> t = parse_timestamp(text, naive_time::local);
  EXPECT_TRUE(t.ok()) << text;
  return *t;
}

scan_event event(shipment_status status, std::string_view time, std::string_view detail = {},
                 std::string_view code = {}, std::string_view description = {}) {
  scan_event e;
  e.status = status;
  if (!time.empty()) e.scanned_at = at(time);
  e.status_detail = detail;
  e.carrier_code = code;
  e.description = description;
  return e;
}

shipment with_events(std::vector<scan_event> events, std::string_view carrier = "usps") {
  shipment s;
  s.carrier = carrier;
  s.tracking_code = "9400100000000000000000";
  s.scan_events = std::move(events);
  return s;
}

std::string formatted(const std::optional<timestamp>& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

using st = shipment_status;

TEST(Tracking, EventsOutOfOrderAreOrderedByTime) {
  shipment s = with_events({
      event(st::delivered, "2024-03-05T14:00:00Z"),
      event(st::pre_transit, "2024-03-01T09:00:00Z"),
      event(st::in_transit, "2024-03-02T09:00:00Z"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::delivered);
  ASSERT_EQ(s.scan_events.size(), 3u);
  EXPECT_EQ(s.scan_events[0].status, st::pre_transit);
  EXPECT_EQ(s.scan_events[2].status, st::delivered);
  EXPECT_EQ(formatted(s.delivered_at), "2024-03-05T14:00:00.000Z");
}

TEST(Tracking, LatestEventDecidesWhenNothingIsDelivered) {
  shipment s = with_events({
      event(st::out_for_delivery, "2024-03-04T08:00:00Z", "out_for_delivery"),
      event(st::in_transit, "2024-03-03T08:00:00Z", "arrived_at_facility"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::out_for_delivery);
  EXPECT_EQ(s.status_detail, "out_for_delivery");
  EXPECT_FALSE(s.delivered_at.has_value());
}

TEST(Tracking, DuplicateScansAreDroppedOnce) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-02T09:00:00Z", "in_transit", "TL", "In Transit"),
      event(st::in_transit, "2024-03-02T09:00:00Z", "in_transit", "TL", "In Transit"),
      event(st::in_transit, "2024-03-02T09:00:00Z", "in_transit", "TL", "In Transit"),
      event(st::in_transit, "2024-03-02T10:00:00Z", "in_transit", "TL", "In Transit"),
  });
  derivation why;
  derive_shipment(s, {}, &why);
  EXPECT_EQ(s.scan_events.size(), 2u) << "same code at another time is another event";
  EXPECT_EQ(why.duplicates_dropped, 2u);
}

TEST(Tracking, EventWithoutTimestampKeepsItsPlaceAndIsNeverTheLatest) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-03T09:00:00Z"),
      event(st::pre_transit, ""),  // a label event with no date (UPS)
      event(st::in_transit, "2024-03-02T09:00:00Z"),
      event(st::out_for_delivery, ""),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::in_transit) << "untimed events never count as the latest";
  EXPECT_FALSE(s.scan_events[1].scanned_at.has_value()) << "untimed event kept its slot";
  EXPECT_FALSE(s.scan_events[3].scanned_at.has_value()) << "untimed event kept its slot";
  EXPECT_EQ(formatted(s.scan_events[0].scanned_at), "2024-03-02T09:00:00.000Z");
}

TEST(Tracking, OnlyUntimedEventsDecideInCarrierOrder) {
  shipment s = with_events({event(st::pre_transit, ""), event(st::in_transit, "")});
  derive_shipment(s);
  EXPECT_EQ(s.status, st::in_transit);
}

TEST(Tracking, MixedOffsetsCompareAsInstants) {
  shipment s = with_events({
      // 10:30-04:00 is 14:30Z, after 09:00-05:00 = 14:00Z.
      event(st::out_for_delivery, "2024-03-04T10:30:00-04:00"),
      event(st::in_transit, "2024-03-04T09:00:00-05:00"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::out_for_delivery);
  EXPECT_EQ(s.scan_events[1].status, st::out_for_delivery);
}

TEST(Tracking, LocalTimesWithoutOffsetAreNeverShifted) {
  shipment s = with_events({
      event(st::delivered, "2019-01-30T13:30:00"),
      event(st::out_for_delivery, "2019-01-30T09:16:00"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::delivered);
  EXPECT_EQ(formatted(s.delivered_at), "2019-01-30T13:30:00.000") << "local: no Z, not shifted";
  EXPECT_EQ(formatted(s.scan_events[0].scanned_at), "2019-01-30T09:16:00.000");
}

TEST(Tracking, MixedZonedAndLocalTimesKeepCarrierOrder) {
  // FedEx: a pickup stamped at local midnight placeholder, after an order
  // created at 10:36-05:00; compared as if UTC it would sort first.
  shipment s = with_events(
      {
          event(st::pre_transit, "2024-04-24T10:36:00-05:00", "", "OC"),
          event(st::in_transit, "2024-04-24T00:00:00", "", "PU"),
      },
      "fedex");
  derive_shipment(s);
  EXPECT_EQ(s.scan_events[0].carrier_code, "OC") << "carrier order kept";
  EXPECT_EQ(s.status, st::in_transit);
}

TEST(Tracking, InformationalScanAfterDeliveredDeliveredHolds) {
  shipment s = with_events({
      event(st::delivered, "2024-03-05T14:00:00Z", "arrived_at_destination"),
      event(st::unknown, "2024-03-05T15:00:00Z", "status_update", "", "Signature image recorded"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::delivered);
  EXPECT_EQ(s.status_detail, "arrived_at_destination");
}

TEST(Tracking, ExceptionScanAfterDeliveredDeliveredHolds) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-04T08:00:00Z"),
      event(st::delivered, "2024-03-05T14:00:00Z"),
      event(st::failure, "2024-03-06T09:00:00Z", "delivery_exception"),
      event(st::in_transit, "2024-03-06T10:00:00Z"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::delivered);
  EXPECT_EQ(formatted(s.delivered_at), "2024-03-05T14:00:00.000Z");
}

TEST(Tracking, LaterDeliveryScanDoesNotMoveDeliveredAt) {
  shipment s = with_events({
      event(st::delivered, "2024-03-05T14:00:00Z"),
      event(st::delivered, "2024-03-05T18:00:00Z"),
  });
  derive_shipment(s);
  EXPECT_EQ(formatted(s.delivered_at), "2024-03-05T14:00:00.000Z");
}

TEST(Tracking, ReturnAfterDeliveryIsReturnToSender) {
  shipment s = with_events({
      event(st::delivered, "2024-03-05T14:00:00Z"),
      event(st::return_to_sender, "2024-03-07T09:00:00Z", "return"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::return_to_sender);
  EXPECT_EQ(s.status_detail, "return");
  EXPECT_FALSE(s.delivered_at.has_value()) << "deliveredAt is a delivery to the recipient";
}

TEST(Tracking, DeliveredWithReturnFlagIsReturnToSender) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-04T08:00:00Z"),
      event(st::delivered, "2024-03-05T14:00:00Z"),
  });
  s.return_flag = true;
  derive_shipment(s);
  EXPECT_EQ(s.status, st::return_to_sender);
  EXPECT_EQ(s.status_detail, "delivered_to_sender");
}

TEST(Tracking, DeliveredAfterAReturnIsDeliveredToTheSender) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-04T08:00:00Z"),
      event(st::return_to_sender, "2024-03-05T08:00:00Z", "refused"),
      event(st::in_transit, "2024-03-06T08:00:00Z"),
      event(st::delivered, "2024-03-08T08:00:00Z"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::return_to_sender);
  EXPECT_EQ(s.status_detail, "delivered_to_sender");
}

TEST(Tracking, FailedAttemptThatWillBeRetriedIsInTransit) {
  shipment s = with_events({
      event(st::out_for_delivery, "2024-03-05T08:00:00Z"),
      event(st::in_transit, "2024-03-05T17:00:00Z", "attempted_delivery"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::in_transit);
  EXPECT_EQ(s.status_detail, "attempted_delivery") << "the detail says why";
}

TEST(Tracking, FailedAttemptThenDeliveredIsDelivered) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-05T17:00:00Z", "attempted_delivery"),
      event(st::delivered, "2024-03-06T11:00:00Z"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::delivered);
}

TEST(Tracking, ReadyForPickupThenDeliveredIsDelivered) {
  shipment s = with_events({
      event(st::available_for_pickup, "2024-03-05T10:00:00Z", "arrived_at_pickup_location"),
      event(st::delivered, "2024-03-07T16:20:00Z"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::delivered);
  EXPECT_EQ(formatted(s.delivered_at), "2024-03-07T16:20:00.000Z");
}

TEST(Tracking, ReadyForPickupIsAvailableForPickup) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-04T10:00:00Z"),
      event(st::available_for_pickup, "2024-03-05T10:00:00Z"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::available_for_pickup);
}

TEST(Tracking, LabelCreatedAndNeverScannedIsPreTransit) {
  shipment s = with_events({event(st::pre_transit, "2024-03-01T09:00:00Z", "label_created")});
  derive_options opts;
  opts.as_of = at("2024-03-10T00:00:00Z");
  derive_shipment(s, opts);
  EXPECT_EQ(s.status, st::pre_transit);
  EXPECT_EQ(s.status_detail, "label_created") << "9 days: not expired yet";
}

TEST(Tracking, LabelCreatedAndNeverScannedFor30DaysIsExpired) {
  shipment s = with_events({event(st::pre_transit, "2024-03-01T09:00:00Z", "label_created")});
  derive_options opts;
  opts.as_of = at("2024-04-01T00:00:00Z");
  derive_shipment(s, opts);
  EXPECT_EQ(s.status, st::pre_transit);
  EXPECT_EQ(s.status_detail, "expired");
}

TEST(Tracking, ExpiryNeedsAnAsOfTime) {
  shipment s = with_events({event(st::pre_transit, "2001-03-01T09:00:00Z", "label_created")});
  derive_shipment(s);  // no clock inside: without as_of nothing expires
  EXPECT_EQ(s.status_detail, "label_created");
}

TEST(Tracking, ScannedParcelNeverExpires) {
  shipment s = with_events({
      event(st::pre_transit, "2024-03-01T09:00:00Z", "label_created"),
      event(st::in_transit, "2024-03-02T09:00:00Z", "received_at_origin_facility"),
  });
  derive_options opts;
  opts.as_of = at("2024-06-01T00:00:00Z");
  derive_shipment(s, opts);
  EXPECT_EQ(s.status, st::in_transit);
  EXPECT_EQ(s.status_detail, "received_at_origin_facility");
}

TEST(Tracking, LabelEventAfterPickupDoesNotGoBackToPreTransit) {
  // USPS label times are sometimes stamped in UTC: "created" after acceptance.
  shipment s = with_events({
      event(st::in_transit, "2024-03-01T19:27:00Z", "received_at_origin_facility"),
      event(st::pre_transit, "2024-03-01T21:26:00Z", "label_created"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::in_transit);
}

TEST(Tracking, CancelledLabelIsCancelled) {
  shipment s = with_events({
      event(st::pre_transit, "2024-03-01T09:00:00Z", "label_created"),
      event(st::cancelled, "2024-03-01T12:00:00Z", "cancelled"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::cancelled);
}

TEST(Tracking, UnknownEventsSayNothing) {
  shipment s = with_events({
      event(st::in_transit, "2024-03-02T09:00:00Z"),
      event(st::unknown, "2024-03-03T09:00:00Z", "", "ZZ", "Something new"),
  });
  derive_shipment(s);
  EXPECT_EQ(s.status, st::in_transit);
  EXPECT_EQ(s.scan_events[1].carrier_code, "ZZ") << "the raw code is kept";
  EXPECT_EQ(s.scan_events[1].status, st::unknown);
}

TEST(Tracking, OnlyUnknownEventsGiveUnknown) {
  shipment s = with_events({event(st::unknown, "2024-03-03T09:00:00Z", "", "ZZ")});
  s.status = st::in_transit;  // whatever the source said is replaced by what events say
  derive_shipment(s);
  EXPECT_EQ(s.status, st::unknown);
}

TEST(Tracking, ShipmentWithoutEventsKeepsItsStatus) {
  shipment s;
  s.status = st::in_transit;
  s.status_raw = "in_transit";
  derive_shipment(s);
  EXPECT_EQ(s.status, st::in_transit);
}

TEST(Tracking, TwoTrackingRecordsForOneNumberAreMerged) {
  std::vector<shipment> shipments;
  shipments.push_back(with_events({event(st::in_transit, "2024-03-02T09:00:00Z")}, "FedEx"));
  shipments.push_back(with_events(
      {event(st::in_transit, "2024-03-02T09:00:00Z"), event(st::delivered, "2024-03-03T09:00:00Z")},
      "fedex"));
  shipments.back().tracking_url = "https://example.com/t";
  shipments.push_back(with_events({event(st::pre_transit, "2024-03-02T09:00:00Z")}, "FedEx"));
  shipments.back().tracking_code = "another";
  merge_duplicate_shipments(shipments);
  ASSERT_EQ(shipments.size(), 2u);
  EXPECT_EQ(shipments[0].tracking_url, "https://example.com/t");
  derive_shipment(shipments[0]);
  EXPECT_EQ(shipments[0].status, st::delivered);
  EXPECT_EQ(shipments[0].scan_events.size(), 2u) << "the shared event counted once";
}

TEST(Tracking, MergedRecordsTakeTheRawStatusOfTheNewerRecord) {
  std::vector<shipment> shipments;
  shipments.push_back(with_events({event(st::in_transit, "2024-03-02T09:00:00Z")}, "FedEx"));
  shipments.back().status_raw = "RL";  // Running Late, from a stale record
  shipments.push_back(with_events({event(st::delivered, "2024-03-03T09:00:00Z")}, "FedEx"));
  shipments.back().status_raw = "DL";
  merge_duplicate_shipments(shipments);
  ASSERT_EQ(shipments.size(), 1u);
  EXPECT_EQ(shipments[0].status_raw, "DL");
}

TEST(Tracking, ExplainNamesTheDecidingEventAndTheRule) {
  shipment s = with_events({
      event(st::delivered, "2024-03-05T14:00:00Z"),
      event(st::in_transit, "2024-03-04T08:00:00Z"),
      event(st::failure, "2024-03-06T09:00:00Z"),
  });
  derivation why;
  derive_shipment(s, {}, &why);
  ASSERT_TRUE(why.deciding_event.has_value());
  EXPECT_EQ(*why.deciding_event, 1u);
  EXPECT_EQ(why.rule, "delivered");
  ASSERT_EQ(why.events.size(), 3u);
  EXPECT_TRUE(why.events[1].counted);
  EXPECT_FALSE(why.events[2].counted);
  EXPECT_EQ(why.events[2].why, "after the delivery: delivered holds");
  EXPECT_EQ(why.events[0].origin, status_origin::own_field);
}

TEST(Tracking, CarrierNamesAreIdentified) {
  EXPECT_EQ(identify_carrier("USPS"), carrier_id::usps);
  EXPECT_EQ(identify_carrier("usps"), carrier_id::usps);
  EXPECT_EQ(identify_carrier("United States Postal Service"), carrier_id::usps);
  EXPECT_EQ(identify_carrier("UPS"), carrier_id::ups);
  EXPECT_EQ(identify_carrier("UPS Mail Innovations"), carrier_id::ups);
  EXPECT_EQ(identify_carrier("FedEx"), carrier_id::fedex);
  EXPECT_EQ(identify_carrier("FDXE"), carrier_id::fedex);
  EXPECT_EQ(identify_carrier("DHL Express"), carrier_id::dhl);
  EXPECT_EQ(identify_carrier("dhl_ecommerce"), carrier_id::dhl);
  EXPECT_EQ(identify_carrier("Canada Post"), carrier_id::unknown);
  EXPECT_EQ(identify_carrier("UPSx"), carrier_id::unknown);
  EXPECT_EQ(identify_carrier(""), carrier_id::unknown);
}

// A fixed set of events with distinct times, in every order a small LCG
// shuffle produces: the derived shipment is the same every time.
std::vector<scan_event> varied_events() {
  return {
      event(st::pre_transit, "2024-03-01T09:00:00Z", "label_created", "GX"),
      event(st::in_transit, "2024-03-01T19:00:00Z", "received_at_origin_facility", "OA"),
      event(st::in_transit, "2024-03-02T03:00:00Z", "arrived_at_facility", "10"),
      event(st::unknown, "2024-03-02T04:00:00Z", "", "ZZ"),
      event(st::out_for_delivery, "2024-03-03T08:00:00Z", "out_for_delivery", "OF"),
      event(st::in_transit, "2024-03-03T17:00:00Z", "attempted_delivery", "02"),
      event(st::out_for_delivery, "2024-03-04T08:00:00Z", "out_for_delivery", "OF"),
      event(st::delivered, "2024-03-04T13:30:00Z", "arrived_at_destination", "01"),
      event(st::in_transit, "2024-03-04T18:00:00Z", "status_update", "PC"),
  };
}

std::string derived_json(shipment s) {
  derive_shipment(s);
  std::string out;
  write_json(s, out);
  return out;
}

// ---------------------------------------------------------------------------
// The tracker (ordernorm::tracker): what it adds around the sources.

TEST(Tracker, ShipmentWithNoTrackingCodeAndNoEventsIsRejected) {
  // A UPS package with neither trackingNumber nor inquiryNumber and no
  // activity names no parcel: no empty `unknown` shipment, a reject.
  for (const auto m : {mapper::fast, mapper::reference}) {
    track_options opts = ordernorm::testing::from(std::nullopt);
    opts.mapper = m;
    const ordernorm::testing::tracked out = ordernorm::testing::track(
        R"({"trackResponse":{"shipment":[{"package":[{"currentStatus":{"code":"011"}}]}]}})", opts);
    EXPECT_TRUE(out.ndjson.empty()) << out.ndjson;
    ASSERT_EQ(out.rejects.size(), 1u);
    EXPECT_EQ(out.rejects[0].code, error_code::wrong_type);
    EXPECT_EQ(out.rejects[0].message,
              "ups shipment 1 of 1 has no tracking code and no scan events: nothing to track");
  }
}

TEST(Tracker, ShipmentWithATrackingCodeButNoEventsIsKept) {
  const ordernorm::testing::tracked out = ordernorm::testing::track(
      R"({"trackResponse":{"shipment":[{"inquiryNumber":"1Z023E2X0214323462",
          "warnings":[{"code":"TW0001","message":"Tracking Information Not Found"}]}]}})");
  EXPECT_TRUE(out.rejects.empty());
  EXPECT_NE(out.ndjson.find(R"("trackingCode":"1Z023E2X0214323462")"), std::string::npos);
}

TEST(Tracker, WarningsComeJustBeforeTheirShipment) {
  ordernorm::testing::tracked out = ordernorm::testing::track(
      R"({"trackResponse":{"shipment":[{"package":[
          {"trackingNumber":"1ZA","activity":[{"date":"20240320","time":"190838"}]},
          {"trackingNumber":"1ZB","activity":[
            {"date":"20240320","time":"19h08","gmtDate":"20240320","gmtTime":"11:08:38"}]}]}]}})");
  EXPECT_TRUE(out.rejects.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warned_before, std::vector<std::size_t>{1}) << "after 1ZA, before 1ZB";
  EXPECT_EQ(out.warnings[0].json_pointer, "/trackResponse/shipment/0/package/1/activity/0/time");
}

TEST(Tracker, WarningsOfMergedRecordsComeBeforeTheMergedShipment) {
  // Two records for one number are one shipment: the second record's
  // warning is that shipment's.
  ordernorm::testing::tracked out = ordernorm::testing::track(
      R"({"trackResponse":{"shipment":[
          {"package":[{"trackingNumber":"1ZA","activity":[{"date":"20240320","time":"190838"}]}]},
          {"package":[{"trackingNumber":"1ZB","activity":[{"date":"20240320","time":"190838"}]}]},
          {"package":[{"trackingNumber":"1ZB","activity":[
            {"date":"20240321","time":"19h08","gmtDate":"20240321","gmtTime":"11:08:38"}]}]}]}})");
  EXPECT_TRUE(out.rejects.empty());
  EXPECT_EQ(out.ndjson.find("1ZB"), out.ndjson.rfind("1ZB")) << "merged into one shipment";
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warned_before, std::vector<std::size_t>{1});
}

TEST(Tracker, RejectedDocumentHasNoWarnings) {
  ordernorm::testing::tracked out = ordernorm::testing::track(
      R"({"trackResponse":{"shipment":[{"package":[
          {"trackingNumber":"1ZA","activity":[
            {"date":"20240320","time":"19h08","gmtDate":"20240320","gmtTime":"11:08:38"}]},
          {"trackingNumber":"1ZB","activity":[{"date":"20240320","time":"19h08"}]}]}]}})");
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_TRUE(out.warnings.empty());
}

TEST(TrackingProperty, StatusDoesNotDependOnTheInputOrderOfEvents) {
  const std::string expected = derived_json(with_events(varied_events()));
  std::uint64_t state = 42;
  for (int round = 0; round < 200; ++round) {
    std::vector<scan_event> events = varied_events();
    for (std::size_t i = events.size() - 1; i > 0; --i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      std::swap(events[i], events[(state >> 33) % (i + 1)]);
    }
    EXPECT_EQ(derived_json(with_events(events)), expected) << "round " << round;
  }
}

TEST(TrackingProperty, AddingAnIdenticalDuplicateChangesNothing) {
  const std::string expected = derived_json(with_events(varied_events()));
  const std::vector<scan_event> base = varied_events();
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::vector<scan_event> events = base;
    events.push_back(base[i]);
    EXPECT_EQ(derived_json(with_events(events)), expected) << "duplicate of event " << i;
  }
}

TEST(TrackingProperty, ManyDuplicatesStayLinear) {
  std::vector<scan_event> events;
  for (int i = 0; i < 20000; ++i) events.push_back(event(st::in_transit, "2024-03-02T09:00:00Z"));
  shipment s = with_events(std::move(events));
  derive_shipment(s);
  EXPECT_EQ(s.scan_events.size(), 1u);
}

}  // namespace

// write_json(shipment, derivation, explain): the shipment's object with the
// derivation's keys after its own, as `ordernorm track` prints it.
TEST(TrackedShipmentJson, DerivationKeysFollowTheShipmentsOwn) {
  shipment s;
  s.tracking_code = "1Z999";
  std::string plain;
  write_json(s, plain);
  ASSERT_EQ(plain.back(), '}');
  const std::string body = plain.substr(0, plain.size() - 1);

  derivation why;
  why.deciding_event = 1;
  why.rule = "a \"quoted\" rule";
  why.events = {{status_origin::carrier_code, false, "superseded"},
                {status_origin::own_field, true, "latest"}};
  why.duplicates_dropped = 2;
  std::string explained;
  write_json(s, why, true, explained);
  EXPECT_EQ(explained,
            body + R"(,"decidedBy":1,"rule":"a \"quoted\" rule","explain":[)"
                   R"({"event":0,"from":"carrier code","counted":false,"why":"superseded"},)"
                   R"({"event":1,"from":"own status","counted":true,"why":"latest"}],)"
                   R"("duplicatesDropped":2})"
                   "\n");

  derivation undecided;
  undecided.rule = "no events";
  std::string brief;
  write_json(s, undecided, false, brief);
  EXPECT_EQ(brief, body + R"(,"decidedBy":null,"rule":"no events"})" + "\n");
}
