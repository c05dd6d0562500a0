// The scan-event deriver: derive_shipment and merge_duplicate_shipments on
// shipments built from the fuzz input (FuzzedDataProvider), with carriers,
// codes and descriptions drawn from known vocabularies or arbitrary bytes.
// Checks:
// - derivation is idempotent: deriving a derived shipment changes nothing;
// - asking for an explanation does not change the result, and the
//   explanation is consistent (one note per event, the deciding event
//   exists, dropped duplicates + events left = events given);
// - no two events left are duplicates; timed events are in time order unless
//   the shipment mixes instants and local times;
// - deliveredAt is set only for a delivered shipment, from its deciding event;
// - merging keeps every event and leaves no two shipments of one parcel;
// - the shipment writes as valid JSON.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

using ordernorm::scan_event;
using ordernorm::shipment;
using ordernorm::shipment_status;

constexpr std::string_view carriers[] = {
    "USPS",        "usps", "UPS",         "ups", "FedEx",
    "fedex",       "FDXE", "DHL Express", "dhl", "United States Postal Service",
    "Canada Post", ""};
// Codes from the carrier tables and common descriptions, so that the
// deriver's table and description paths are reached quickly; arbitrary
// bytes reach the rest.
constexpr std::string_view words[] = {"DL",
                                      "OD",
                                      "IT",
                                      "PU",
                                      "AR",
                                      "DP",
                                      "OC",
                                      "DE",
                                      "RS",
                                      "CA",
                                      "HL",
                                      "SE",
                                      "01",
                                      "02",
                                      "03",
                                      "07",
                                      "10",
                                      "16",
                                      "21",
                                      "41",
                                      "80",
                                      "D",
                                      "I",
                                      "M",
                                      "P",
                                      "X",
                                      "pre-transit",
                                      "transit",
                                      "delivered",
                                      "Delivered",
                                      "Out for delivery",
                                      "Delivered, In/At Mailbox",
                                      "Shipping Label Created",
                                      "Label created",
                                      "Arrived at facility",
                                      "Departed facility",
                                      "Return to sender",
                                      "Returned to shipper",
                                      "Delivery attempted",
                                      "Available for pickup",
                                      "Exception",
                                      "Cancelled",
                                      "Held at location",
                                      "Customs clearance",
                                      ""};

class builder {
 public:
  explicit builder(FuzzedDataProvider& p) : p_(p) {}

  // Text that stays valid as long as the builder: a known word or bytes
  // (valid UTF-8 only, as a converter would hand over).
  std::string_view text() {
    if (p_.ConsumeBool()) return p_.PickValueInArray(words);
    std::string s = p_.ConsumeRandomLengthString(24);
    if (!simdjson::validate_utf8(s.data(), s.size())) s = "?";
    return store_.emplace_back(std::move(s));
  }

  ordernorm::opt_time time() {
    switch (p_.ConsumeIntegralInRange<int>(0, 3)) {
      case 0:
        return std::nullopt;
      case 1:  // a few distinct times, so that ties and duplicates occur
        return ordernorm::timestamp{
            std::chrono::sys_time<std::chrono::milliseconds>(
                std::chrono::milliseconds(p_.ConsumeIntegralInRange<std::int64_t>(0, 4) * 60000)),
            p_.ConsumeBool()};
      default:
        return ordernorm::timestamp{
            std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(
                p_.ConsumeIntegralInRange<std::int64_t>(-62'167'219'200'000, 253'402'300'799'999))),
            p_.ConsumeIntegralInRange<int>(0, 3) == 0};
    }
  }

  scan_event event() {
    scan_event e{};  // the model's members have no initializers
    e.scanned_at = time();
    e.status = p_.ConsumeIntegralInRange<int>(0, 2) == 0
                   ? static_cast<shipment_status>(p_.ConsumeIntegralInRange<int>(0, 9))
                   : shipment_status::unknown;
    if (p_.ConsumeBool()) e.status_detail = text();
    if (p_.ConsumeBool()) e.carrier_code = text();
    if (p_.ConsumeBool()) e.description = text();
    if (p_.ConsumeIntegralInRange<int>(0, 3) == 0) e.message = text();
    if (p_.ConsumeIntegralInRange<int>(0, 3) == 0) {
      e.location = ordernorm::location{text(), text(), text(), text()};
    }
    return e;
  }

  shipment make_shipment() {
    shipment s{};
    s.carrier = p_.PickValueInArray(carriers);
    if (p_.ConsumeBool()) s.tracking_code = p_.PickValueInArray({"1Z1", "1Z2", "940"});
    s.return_flag = p_.ConsumeIntegralInRange<int>(0, 7) == 0;
    const int n = p_.ConsumeIntegralInRange<int>(0, p_.ConsumeBool() ? 6 : 60);
    for (int i = 0; i < n && p_.remaining_bytes() > 0; ++i) {
      // Repeat an earlier event now and then: duplicates are a rule.
      if (!s.scan_events.empty() && p_.ConsumeIntegralInRange<int>(0, 4) == 0) {
        s.scan_events.push_back(
            s.scan_events[p_.ConsumeIntegralInRange<std::size_t>(0, s.scan_events.size() - 1)]);
      } else {
        s.scan_events.push_back(event());
      }
    }
    return s;
  }

 private:
  FuzzedDataProvider& p_;
  std::deque<std::string> store_;  // deque: growing it keeps earlier strings in place
};

bool same_location(const std::optional<ordernorm::location>& a,
                   const std::optional<ordernorm::location>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->city == b->city && a->region == b->region && a->postal_code == b->postal_code &&
                a->country_code == b->country_code);
}

bool same_event(const scan_event& a, const scan_event& b) {
  return a.scanned_at == b.scanned_at && a.status == b.status &&
         a.status_detail == b.status_detail && a.carrier_code == b.carrier_code &&
         a.description == b.description && a.message == b.message &&
         same_location(a.location, b.location);
}

std::string written(const shipment& s) {
  std::string out;
  ordernorm::write_json(s, out);
  return out;
}

void check_derived(const shipment& given, const ordernorm::derive_options& opts) {
  shipment plain = given;
  ordernorm::derive_shipment(plain, opts);
  const std::string plain_json = written(plain);
  fuzz::check_json(plain_json, "a derived shipment writes as valid JSON");

  shipment explained = given;
  ordernorm::derivation why;
  ordernorm::derive_shipment(explained, opts, &why);
  const std::string explained_json = written(explained);
  fuzz::check(plain_json == explained_json, "an explanation does not change the result",
              plain_json + "\n" + explained_json);

  shipment twice = plain;
  ordernorm::derive_shipment(twice, opts);
  fuzz::check(written(twice) == plain_json, "derivation is idempotent",
              plain_json + "\n" + written(twice));

  const auto& events = plain.scan_events;
  if (given.scan_events.empty()) {
    fuzz::check(plain_json == written(given), "no events: the shipment is left as it is");
    return;
  }
  fuzz::check(why.events.size() == events.size(), "one note per event left", plain_json);
  fuzz::check(why.duplicates_dropped + events.size() == given.scan_events.size(),
              "events left + duplicates dropped = events given", plain_json);
  fuzz::check(!why.deciding_event || *why.deciding_event < events.size(),
              "the deciding event exists", plain_json);
  for (std::size_t i = 0; i < events.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      fuzz::check(!same_event(events[i], events[j]), "no duplicates are left", plain_json);
    }
  }
  bool zoned = false;
  bool local = false;
  for (const scan_event& e : events) {
    if (e.scanned_at) (e.scanned_at->local ? local : zoned) = true;
  }
  if (!(zoned && local)) {
    const scan_event* previous = nullptr;
    for (const scan_event& e : events) {
      if (!e.scanned_at) continue;
      fuzz::check(previous == nullptr || !(e.scanned_at->time < previous->scanned_at->time),
                  "timed events are in time order", plain_json);
      previous = &e;
    }
  }
  if (plain.delivered_at) {
    fuzz::check(plain.status == shipment_status::delivered && why.deciding_event &&
                    events[*why.deciding_event].scanned_at == plain.delivered_at,
                "deliveredAt is the deciding delivery's time", plain_json);
  } else if (plain.status == shipment_status::delivered && why.deciding_event) {
    fuzz::check(!events[*why.deciding_event].scanned_at, "a delivery with a time sets deliveredAt",
                plain_json);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  builder b(provider);
  ordernorm::derive_options opts;
  if (provider.ConsumeBool()) {
    opts.as_of = ordernorm::timestamp{
        std::chrono::sys_time<std::chrono::milliseconds>(
            std::chrono::milliseconds(provider.ConsumeIntegral<std::int32_t>() * 1000LL)),
        false};
    opts.expire_after = std::chrono::days(provider.ConsumeIntegralInRange<int>(0, 60));
  }
  std::vector<shipment> shipments(provider.ConsumeIntegralInRange<std::size_t>(1, 3));
  std::size_t total_events = 0;
  for (shipment& s : shipments) {
    s = b.make_shipment();
    total_events += s.scan_events.size();
    check_derived(s, opts);
  }

  ordernorm::merge_duplicate_shipments(shipments);
  std::size_t merged_events = 0;
  for (std::size_t i = 0; i < shipments.size(); ++i) {
    merged_events += shipments[i].scan_events.size();
    for (std::size_t j = 0; j < i; ++j) {
      const bool same_parcel =
          !shipments[i].tracking_code.empty() &&
          shipments[i].tracking_code == shipments[j].tracking_code &&
          ordernorm::identify_carrier(shipments[i].carrier) ==
              ordernorm::identify_carrier(shipments[j].carrier) &&
          (ordernorm::identify_carrier(shipments[i].carrier) != ordernorm::carrier_id::unknown ||
           shipments[i].carrier == shipments[j].carrier);
      fuzz::check(!same_parcel, "merging leaves no two shipments of one parcel");
    }
  }
  fuzz::check(merged_events == total_events, "merging keeps every event");
  for (const shipment& s : shipments) check_derived(s, opts);
  return 0;
}
