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

#include "mappings/carriers/dhl_source.hpp"
#include "ordernorm/detail/tracking_source.hpp"
#include "ordernorm/ordernorm.hpp"

using namespace ordernorm;
namespace dhl = ordernorm::mappings::dhl_tracking;

namespace {

using converter_type = detail::mapped_tracking_converter<dhl::response_map, dhl::response_rules>;

// One document mapped by one walker; the shipments' views point into `json`
// and `arena`, which live as long as this.
struct mapped {
  simdjson::padded_string json;
  detail::od::parser parser;
  detail::string_arena arena;
  converter_type converter;
  std::vector<shipment> shipments;
  error_code code = error_code::ok;
  record_error error;
};

template <class Walker>
std::unique_ptr<mapped> map_with(std::string_view text) {
  auto m = std::make_unique<mapped>();
  m->json = simdjson::padded_string(text);
  detail::od::document doc;
  detail::od::object obj;
  EXPECT_EQ(m->parser.iterate(m->json).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(doc.get_object().get(obj), simdjson::SUCCESS);
  Walker w;
  w.begin_record(m->json.data(), 0, m->json.data(), &m->arena);
  m->code = m->converter.convert(w, obj, m->shipments);
  m->error = w.take_error();
  return m;
}

std::string written(const std::vector<shipment>& shipments) {
  std::string out;
  for (const shipment& s : shipments) {
    write_json(s, out);
    out.push_back('\n');
  }
  return out;
}

// Maps with the single-pass walker, checking that the reference walker gives
// the same shipments or the same error.
std::unique_ptr<mapped> map(std::string_view text) {
  auto fast = map_with<detail::fast_walker>(text);
  auto reference = map_with<detail::reference_walker>(text);
  EXPECT_EQ(fast->code, reference->code);
  EXPECT_EQ(fast->error.json_pointer, reference->error.json_pointer);
  EXPECT_EQ(written(fast->shipments), written(reference->shipments));
  return fast;
}

std::string at(const opt_time& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

struct tracked {
  std::vector<shipment> shipments;
  std::vector<record_error> rejects;
};

class collect final : public shipment_sink {
 public:
  explicit collect(tracked& out) : out_(out) {}
  void on_shipment(const shipment& s, const derivation*, const record_position&) override {
    out_.shipments.push_back(s);
  }
  void on_reject(const record_error& e, const record_position&) override {
    out_.rejects.push_back(e);
  }

 private:
  tracked& out_;
};

// Tracks `text`; the shipments' views stay valid while `t` lives.
tracked track(tracker& t, std::string_view text) {
  tracked out;
  collect sink(out);
  t.track(text, sink);
  return out;
}

track_options from(std::optional<tracking_input> input) {
  track_options o;
  o.from = input;
  return o;
}

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
  EXPECT_EQ(at(events[0].scanned_at), "2024-02-20T11:42:00.000");
  EXPECT_EQ(at(events[1].scanned_at), "2024-03-12T13:12:00.000Z");
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
  EXPECT_EQ(at(events[0].scanned_at), "2024-07-01T14:20:00.000Z");
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
  EXPECT_EQ(at(both->shipments.at(0).estimated_delivery_at), "2018-08-03T00:00:00.000Z");
  auto frame = map(with_shipment(R"("id":"1",
      "estimatedDeliveryTimeFrame":{"estimatedFrom":"2018-08-03T09:00:00","estimatedThrough":"2018-08-03T13:00:00"})"));
  EXPECT_EQ(at(frame->shipments.at(0).estimated_delivery_at), "2018-08-03T13:00:00.000");
}

TEST(DhlSource, ErrorBodyIsRejectedWithDhlStatusTitleAndDetail) {
  auto m =
      map(R"({"title":"No result found","detail":"No shipment with given tracking number found.",
                   "status":404,"instance":"/shipment/8264715546"})");
  EXPECT_EQ(m->code, error_code::wrong_type);
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

TEST(DhlSource, RootShipmentsAloneIsNoMarker) {
  // Malomo orders (and other order platforms) have a root `shipments` too:
  // without DHL's own key, --from auto cannot tell, and --from dhl is needed.
  const std::string doc = R"({"shipments":[{"id":"1","events":[{"timestamp":"2024-02-20T11:42:00",
      "statusCode":"transit"}]}]})";
  tracker t(from(std::nullopt));
  tracked detected = track(t, doc);
  ASSERT_EQ(detected.rejects.size(), 1u);
  EXPECT_EQ(detected.rejects[0].code, error_code::unknown_platform);
  tracker t2(from(tracking_input::dhl));
  tracked given = track(t2, doc);
  ASSERT_TRUE(given.rejects.empty());
  EXPECT_EQ(given.shipments.size(), 1u);
  for (std::string_view key : detail::dhl_source().marker_keys) EXPECT_NE(key, "shipments");
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
