// FedEx Track API v1 response (POST /track/v1/trackingnumbers, "Basic
// Integrated Visibility") -> shipments.
//
// Facts and sources: ../shared/research/tracking.md §4.3 and §6 (duplicate
// trackResults, date-only placeholders); FedEx's OpenAPI document for the
// Track API (TrackResult, ScanEvent, TrackingDateAndTime, StatusDetail,
// CXSError, ErrorResponseVO); the real payload
// ../shared/conformance/tracking/fedex-duplicate-trackresults-delivered.json.
//
// Choices this mapping makes, each tested in tests/fedex_source_test.cpp or a
// golden case under tests/golden_tracking/fedex/:
// - One shipment per `output.completeTrackResults[].trackResults[]`. FedEx
//   may return several track results for one number (a recycled number, a
//   door tag): they are separate tracking records and each is a shipment; the
//   tracker merges shipments that share carrier and tracking code before it
//   derives, so this mapping does not.
// - `carrier` is "FedEx" on every shipment: the source is FedEx's own API and
//   FedEx is the carrier it names. `trackingNumberInfo.carrierCode` (FDXE,
//   FDXG, ...) is FedEx's operating company, not another carrier; it is empty
//   on not-found results, and using it would give one number two carriers
//   (and two shipments) whenever two records of a number come from different
//   operating companies.
// - `tracking_code` is `trackingNumberInfo.trackingNumber`, else the
//   requested `completeTrackResults[].trackingNumber`.
// - statusRaw is FedEx's own overall status: `latestStatusDetail.derivedCode`
//   (the code behind `statusByLocale`: "DL", "IT", "RL" Running Late, ...),
//   else `latestStatusDetail.code`. `code` is the latest scan's event type,
//   which the events already carry. A track result with an `error`
//   (TRACKING.TRACKINGNUMBER.NOTFOUND, ...) has the error's code as
//   statusRaw: it is still a shipment (a response for 30 numbers with one
//   unknown must not lose the other 29), with no events.
// - estimatedDeliveryAt is `dateAndTimes[]` of type ESTIMATED_DELIVERY, else
//   `estimatedDeliveryTimeWindow.window.ends` (the "by" time), else its
//   `begins`. `standardTransitTimeWindow` is the service's standard promise,
//   not an estimate for this package, and is not read.
// - `scanEvents[]` come newest first; the events are reversed to oldest
//   first. `date` is scannedAt; `eventType` the event's carrierCode (the
//   deriver maps it through mappings/carriers/fedex.hpp); `eventDescription`
//   its description; `exceptionDescription` (the reason: "Customer not
//   available or business closed", "Package delayed") its message;
//   `scanLocation` {city, stateOrProvinceCode, postalCode, countryCode} its
//   location; `source` is "FedEx". An event gets no status of its own:
//   `derivedStatusCode` (IN, PU, IT, DE, DY, DL) is FedEx's summary
//   vocabulary, not the model's, and collapses what the event codes tell
//   apart (FedEx reports "Ready for recipient pickup" and "On FedEx vehicle
//   for delivery" as IT).
// - Times carry an offset, except date-only placeholders such as
//   "2024-04-24T00:00:00", which are local dates: every FedEx time is read
//   with naive_time::local, so an offset makes an instant and no offset a
//   wall-clock time that is never shifted.
// - A track result without scan events (a request with includeDetailedScans
//   false) has nothing to derive from: its status and statusDetail come from
//   `latestStatusDetail.code` through the same FedEx code table the deriver
//   uses, and a delivery's deliveredAt from `dateAndTimes[]` ACTUAL_DELIVERY.
// - An error response (`errors[]` and no `output`: expired token, bad
//   request) tracks no package: the document is rejected with FedEx's code
//   and message, so that it shows in the rejects instead of vanishing. The
//   reject's code is source_error (FedEx answered with an error instead of
//   data); the message carries FedEx's reason. A document with neither is
//   rejected as wrong_type (the object this mapping reads is not there).
// - Not mapped (no model field): `transactionId`, `customerTransactionId`,
//   `output.alerts`, `trackingNumberUniqueId`, `exceptionCode`,
//   `derivedStatus`, `locationId`, `locationType`, `delayDetail`,
//   `returnDetail`, `serviceDetail`, `packageDetails`, `shipmentDetails`,
//   `deliveryDetails`, addresses of shipper, recipient, origin and
//   destination.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/carrier_rules.hpp"
#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::fedex {

using namespace ordernorm::detail;  // field, as_text, as_time, ...
namespace hana = boost::hana;

// Top-level keys of a FedEx Track API response, for --from auto. Its root is
// {transactionId, customerTransactionId, output} (or errors). `output` is
// too common a word to claim. The two transaction ids are camelCase keys
// that no order platform and no other tracking source has at the top level
// (SFCC's paymentTransaction.transactionId is nested); customerTransactionId
// is FedEx's echo of the caller's x-customer-transaction-id header and so is
// only there when the request sent one, while transactionId is in every
// response, success or error.
inline constexpr std::array<std::string_view, 2> marker_keys{
    {"customerTransactionId", "transactionId"}};

// The carrier as this source names it.
inline constexpr std::string_view carrier_name = "FedEx";

// ---------------------------------------------------------------------------
// Source-side scratch.

struct tracking_number_info {
  text tracking_number;
};
struct latest_status {
  text code;          // the latest scan's event type
  text derived_code;  // FedEx's overall status code
};
struct date_and_time {
  text type;
  opt_time date_time;
};
struct time_window {
  opt_time begins;
  opt_time ends;
};
struct delivery_window {
  time_window window;
};
struct track_error {
  text code;
  text message;
};
struct track_result {
  tracking_number_info number;
  latest_status latest;
  std::vector<date_and_time> dates;
  delivery_window eta_window;
  std::vector<scan_event> scan_events;  // newest first, as FedEx lists them
  track_error error;
};
struct complete_track_result {
  text tracking_number;
  std::vector<track_result> results;
};
struct output_source {
  std::vector<complete_track_result> complete_results;
};
struct document_source {
  std::optional<output_source> output;
  std::vector<track_error> errors;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto fedex_time = as_time<naive_time::local>;

// `postalCode` is a string, or a number in some FedEx samples: as_postal_code.
// clang-format off
struct scan_location_map {
  using target = location;
  static constexpr auto fields = hana::make_tuple(
      field("city",                &location::city,         as_text),
      field("stateOrProvinceCode", &location::region,       as_text),
      field("postalCode",          &location::postal_code,  as_postal_code),
      field("countryCode",         &location::country_code, as_text));
};

struct scan_event_map {
  using target = scan_event;
  static constexpr auto fields = hana::make_tuple(
      field("date",                 &scan_event::scanned_at,   fedex_time),
      field("eventType",            &scan_event::carrier_code, as_text),
      field("eventDescription",     &scan_event::description,  as_text),
      field("exceptionDescription", &scan_event::message,      as_text),
      field("scanLocation",         &scan_event::location,     as_object<scan_location_map>));
};

struct number_info_map {
  using target = tracking_number_info;
  static constexpr auto fields = hana::make_tuple(
      field("trackingNumber", &tracking_number_info::tracking_number, as_text));
};

struct latest_map {
  using target = latest_status;
  static constexpr auto fields = hana::make_tuple(
      field("code",        &latest_status::code,         as_text),
      field("derivedCode", &latest_status::derived_code, as_text));
};

struct date_and_time_map {
  using target = date_and_time;
  static constexpr auto fields = hana::make_tuple(
      field("type",     &date_and_time::type,      as_text),
      field("dateTime", &date_and_time::date_time, fedex_time));
};

struct time_window_map {
  using target = time_window;
  static constexpr auto fields = hana::make_tuple(
      field("begins", &time_window::begins, fedex_time),
      field("ends",   &time_window::ends,   fedex_time));
};

struct eta_window_map {
  using target = delivery_window;
  static constexpr auto fields = hana::make_tuple(
      field("window", &delivery_window::window, as_object<time_window_map>));
};

struct error_map {
  using target = track_error;
  static constexpr auto fields = hana::make_tuple(
      field("code",    &track_error::code,    as_text),
      field("message", &track_error::message, as_text));
};

struct track_result_map {
  using target = track_result;
  static constexpr auto fields = hana::make_tuple(
      field("trackingNumberInfo",          &track_result::number,      as_object<number_info_map>),
      field("latestStatusDetail",          &track_result::latest,      as_object<latest_map>),
      field("dateAndTimes",                &track_result::dates,       as_array<date_and_time_map>),
      field("estimatedDeliveryTimeWindow", &track_result::eta_window,  as_object<eta_window_map>),
      field("scanEvents",                  &track_result::scan_events, as_array<scan_event_map>),
      field("error",                       &track_result::error,       as_object<error_map>));
};

struct complete_track_result_map {
  using target = complete_track_result;
  static constexpr auto fields = hana::make_tuple(
      field("trackingNumber", &complete_track_result::tracking_number, as_text),
      field("trackResults",   &complete_track_result::results,         as_array<track_result_map>));
};

struct output_map {
  using target = output_source;
  static constexpr auto fields = hana::make_tuple(
      field("completeTrackResults", &output_source::complete_results,
                                    as_array<complete_track_result_map>));
};

struct document_map {
  using target = document_source;
  static constexpr auto fields = hana::make_tuple(
      field("output", &document_source::output, as_object<output_map>),
      field("errors", &document_source::errors, as_array<error_map>));
};
// clang-format on

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

inline opt_time date_of(const track_result& r, std::string_view type) noexcept {
  for (const date_and_time& d : r.dates) {
    if (d.type == type && d.date_time) return d.date_time;
  }
  return std::nullopt;
}

inline opt_time estimated_delivery(const track_result& r) noexcept {
  if (opt_time t = date_of(r, "ESTIMATED_DELIVERY")) return t;
  const time_window& w = r.eta_window.window;
  return w.ends ? w.ends : w.begins;
}

// The shipment of one track result: events oldest first, nothing derived.
inline void build_shipment(const track_result& r, text requested_number, shipment& out) {
  out.carrier = carrier_name;
  out.tracking_code =
      !r.number.tracking_number.empty() ? r.number.tracking_number : requested_number;
  out.status_raw = !r.error.code.empty()            ? r.error.code
                   : !r.latest.derived_code.empty() ? r.latest.derived_code
                                                    : r.latest.code;
  out.estimated_delivery_at = estimated_delivery(r);
  out.scan_events.assign(r.scan_events.rbegin(), r.scan_events.rend());
  for (scan_event& e : out.scan_events) e.source = carrier_name;
  if (!out.scan_events.empty() || r.latest.code.empty()) return;
  // No scans to derive from: FedEx's latest status code, through the table
  // the deriver would use for a scan with that code.
  if (const event_rule* rule = find_event_rule(carrier_id::fedex, r.latest.code)) {
    out.status = rule->status;
    out.status_detail = rule->detail;
    if (out.status == shipment_status::delivered) out.delivered_at = date_of(r, "ACTUAL_DELIVERY");
  }
}

struct document_rules {
  static void reset(document_source& s) {
    s.output.reset();
    s.errors.clear();
  }

  template <class Walker>
  static error_code finish(Walker& w, document_source& s, std::vector<shipment>& out) {
    if (!s.output) {
      if (s.errors.empty()) {
        return w.fail(error_code::wrong_type, w.record_begin(),
                      "not a FedEx Track API response: no `output` object");
      }
      const track_error& e = s.errors.front();
      w.push_key("errors");
      w.push_index(0);
      const error_code err =
          w.fail(error_code::source_error, w.record_begin(),
                 "a FedEx error response, not tracking results: " + std::string(e.code) + ": " +
                     std::string(e.message));
      w.pop();
      w.pop();
      return err;
    }
    for (const complete_track_result& c : s.output->complete_results) {
      for (const track_result& r : c.results) {
        build_shipment(r, c.tracking_number, out.emplace_back());
      }
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::fedex
