// EasyPost Tracker (GET /v2/trackers/:id) and tracker list (GET /v2/trackers,
// POST /v2/trackers/batch) -> shipments.
//
// Facts and sources: ../shared/research/tracking.md §1 (EasyPost's Tracker
// and TrackingDetail types; the EasyPost/examples responses
// `trackers-retrieve.json`, `trackers-list.json`, `batch.json`).
//
// Choices this mapping makes, each tested in tests/easypost_source_test.cpp
// or a golden case under tests/golden_tracking/easypost/:
// - One shipment per tracker. A document with a `trackers` key is a list
//   ({"trackers": [...], "has_more": ...}): one shipment per element, none
//   for an empty list; any other document is one tracker.
// - `carrier` is kept as EasyPost names it ("USPS", "UPS", "FedEx"),
//   `tracking_code` as given, `public_url` is trackingUrl, `status` (the
//   tracker's own overall status) is statusRaw, `est_delivery_date` is
//   estimatedDeliveryAt.
// - `tracking_details[]` are the scan events, in EasyPost's order (oldest
//   first). Each detail's `status` is already in the model's 10-value
//   vocabulary (EasyPost's is the model's, spelled the same), so it is the
//   event's own status; a value outside it is `unknown`, which lets the
//   deriver read the event by carrier code or text. `status_detail`,
//   `carrier_code`, `description`, `message` and `source` are copied;
//   `tracking_location` {city, state, zip, country} is the location, and an
//   all-null one is a null location.
// - Times. EasyPost writes every `datetime` with `Z` or, for trackers with
//   geocoded time zones, an offset; both are instants. A time without an
//   offset is not in EasyPost's documented shapes: the value comes from a
//   carrier scan, so it is read as the carrier's local wall-clock, kept and
//   never shifted (naive_time::local), as every carrier scan is in this
//   project. Rejecting it instead would drop the whole tracker for one
//   time, and reading it as UTC would be a guess. `est_delivery_date`
//   follows the same rule. `datetime_local` (beta, the same instant in the
//   scan's zone) adds nothing to an instant and is not read.
// - A tracker with tracking details is left to the deriver (tracking.hpp):
//   status, statusDetail and deliveredAt stay empty here, so nothing EasyPost
//   concluded is copied over what the events say. A tracker without details
//   (`unknown`, `error`, or a fresh `pre_transit`) has nothing to derive
//   from: its status is EasyPost's `status` through the same vocabulary and
//   its statusDetail EasyPost's `status_detail`.
// - A webhook Event ({"object": "Event", "description": "tracker.updated",
//   "result": <Tracker>}, as EasyPost POSTs it) is the tracker under
//   `result`; the Event's own keys (its `status` "pending", its
//   `description`) are not the tracker's. An Event whose result is another
//   object (a Batch, a Refund ...) or missing is rejected, saying so.
// - A tracker with neither `tracking_code` nor `tracking_details` names no
//   parcel and saw no scan: it is rejected (wrong_type) rather than written
//   as an empty shipment; in a list, at its place (/trackers/<i>).
// - Not mapped (no model field): `id`, `mode`, `signed_by`, `weight`,
//   `shipment_id`, `fees`, `carrier_detail`, `created_at`, `updated_at`,
//   each detail's `est_delivery_date` and `datetime_local`.
#pragma once

#include <array>
#include <boost/hana/append.hpp>
#include <boost/hana/concat.hpp>
#include <boost/hana/tuple.hpp>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/tracking_converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::easypost {

using namespace ordernorm::detail;  // field, as_text, as_time, ...
namespace hana = boost::hana;

// Top-level keys that only EasyPost trackers and tracker lists have, for
// --from auto. Order platforms keep tracking under fulfillments or shipments,
// Malomo names its events `scan_events`, and the carriers' own APIs use
// camelCase (FedEx, UPS, USPS v3) or `shipments` (DHL).
inline constexpr std::array<std::string_view, 2> marker_keys{{"tracking_details", "trackers"}};

// ---------------------------------------------------------------------------
// Status vocabulary. EasyPost's Tracker / TrackingDetail `status` values are
// the model's shipment statuses, spelled the same: look them up by name.

constexpr shipment_status status_for(std::string_view raw) noexcept {
  constexpr auto& names = enum_names<shipment_status>::values;
  for (std::size_t i = 0; i < std::size(names); ++i) {
    if (names[i] == raw) return static_cast<shipment_status>(i);
  }
  return shipment_status::unknown;
}

// A detail's `status` string, through the vocabulary (the model keeps no raw
// status per event).
struct status_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, shipment_status& out) const {
    std::string_view s;
    if (error_code err = read_string(w, v, s, "a status string"); err != error_code::ok) {
      return err;
    }
    if (!s.empty()) out = status_for(s);
    return error_code::ok;
  }
};
inline constexpr status_converter as_status{};

// ---------------------------------------------------------------------------
// Source-side scratch.

// `trackers`: whether the key was there at all (an empty list is a list, not
// one empty tracker), and its elements.
struct tracker_list {
  bool present = false;
  std::vector<shipment> items;
};

// A webhook Event's `result`: a tracker, if its `object` says so.
struct event_result : shipment {
  text object;
  bool present = false;  // an object at all
};

struct document_source : shipment {
  tracker_list trackers;
  text object;       // "Tracker", or "Event" for a webhook Event
  text description;  // an Event's: "tracker.updated", "batch.created", ...
  event_result result;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto scan_time = as_time<naive_time::local>;

// clang-format off
struct tracking_location_map {
  using target = location;
  static constexpr auto fields = hana::make_tuple(
      field("city",    &location::city,         as_text),
      field("state",   &location::region,       as_text),
      field("zip",     &location::postal_code,  as_text),
      field("country", &location::country_code, as_text));
};

struct tracking_detail_map {
  using target = scan_event;
  static constexpr auto fields = hana::make_tuple(
      field("datetime",          &scan_event::scanned_at,    scan_time),
      field("status",            &scan_event::status,        as_status),
      field("status_detail",     &scan_event::status_detail, as_text),
      field("carrier_code",      &scan_event::carrier_code,  as_text),
      field("description",       &scan_event::description,   as_text),
      field("message",           &scan_event::message,       as_text),
      field("tracking_location", &scan_event::location,      as_object<tracking_location_map>),
      field("source",            &scan_event::source,        as_text));
};

struct tracker_map {
  using target = shipment;
  static constexpr auto fields = hana::make_tuple(
      field("carrier",           &shipment::carrier,               as_text),
      field("tracking_code",     &shipment::tracking_code,         as_text),
      field("public_url",        &shipment::tracking_url,          as_text),
      field("status",            &shipment::status_raw,            as_text),
      field("status_detail",     &shipment::status_detail,         as_text),
      field("est_delivery_date", &shipment::estimated_delivery_at, scan_time),
      field("tracking_details",  &shipment::scan_events,           as_array<tracking_detail_map>));
};
// clang-format on

// `trackers`: an array of trackers, remembered as present even when empty.
struct tracker_list_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, tracker_list& out) const {
    out.present = true;
    return w.template map_array<tracker_map>(v, out.items);
  }
};
inline constexpr tracker_list_converter as_tracker_list{};

// An Event's `result`, as a tracker with its `object`.
struct event_result_map {
  using target = event_result;
  static constexpr auto fields =
      hana::append(tracker_map::fields, field("object", &event_result::object, as_text));
};

struct event_result_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, event_result& out) const {
    return w.template map_object<event_result_map>(v, out, out.present);
  }
};
inline constexpr event_result_converter as_event_result{};

// The document: a tracker's own keys, plus `trackers` for the list shape and
// `object`, `description` and `result` for a webhook Event.
struct document_map {
  using target = document_source;
  static constexpr auto fields =
      hana::concat(tracker_map::fields,
                   hana::make_tuple(field("trackers", &document_source::trackers, as_tracker_list),
                                    field("object", &document_source::object, as_text),
                                    field("description", &document_source::description, as_text),
                                    field("result", &document_source::result, as_event_result)));
};

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

// A tracker with details is the deriver's; one without keeps EasyPost's own
// conclusion, the only one there is.
inline void settle(shipment& s) noexcept {
  if (s.scan_events.empty()) {
    s.status = status_for(s.status_raw);
  } else {
    s.status = shipment_status::unknown;
    s.status_detail = {};
  }
}

struct document_rules {
  static void reset(document_source& s) {
    auto trackers = std::move(s.trackers.items);
    auto events = std::move(s.result.scan_events);
    s = document_source{};
    trackers.clear();  // keep the memory for the next document
    events.clear();
    s.trackers.items = std::move(trackers);
    s.result.scan_events = std::move(events);
  }

  template <class Walker>
  static error_code finish(Walker& w, document_source& s, std::vector<shipment>& out) {
    if (s.object == "Event") return finish_event(w, s, out);
    if (s.trackers.present) {
      for (std::size_t i = 0; i < s.trackers.items.size(); ++i) {
        shipment& tracker = s.trackers.items[i];
        if (is_empty(tracker)) {
          at_path<Walker> here(w, {"trackers", i});
          return w.fail(error_code::wrong_type, w.record_begin(),
                        "an EasyPost tracker with no tracking_code and no tracking_details: "
                        "nothing to track");
        }
        out.push_back(std::move(tracker));
        settle(out.back());
      }
      return error_code::ok;
    }
    if (is_empty(s)) {
      return w.fail(error_code::wrong_type, w.record_begin(),
                    s.result.present
                        ? "not an EasyPost tracker: no tracking_code and no tracking_details (a "
                          "webhook Event has \"object\": \"Event\" and its tracker under result)"
                        : "not an EasyPost tracker: no tracking_code and no tracking_details");
    }
    out.push_back(std::move(static_cast<shipment&>(s)));
    settle(out.back());
    return error_code::ok;
  }

 private:
  // A tracker that names no parcel and saw no scan says nothing.
  static bool is_empty(const shipment& s) noexcept {
    return s.tracking_code.empty() && s.scan_events.empty();
  }

  // A webhook Event: the tracker under `result`, or a reject that says what
  // the Event carries instead.
  template <class Walker>
  static error_code finish_event(Walker& w, document_source& s, std::vector<shipment>& out) {
    const std::string what =
        "EasyPost Event" +
        (s.description.empty() ? std::string() : " \"" + std::string(s.description) + "\"");
    if (!s.result.present) {
      return w.fail(error_code::wrong_type, w.record_begin(),
                    what + " has no result: no tracker to read");
    }
    at_path<Walker> here(w, {"result"});
    if (!s.result.object.empty() && s.result.object != "Tracker") {
      return w.fail(error_code::wrong_type, w.record_begin(),
                    what + " carries a " + std::string(s.result.object) +
                        ", not a Tracker: no shipment to track");
    }
    if (is_empty(s.result)) {
      return w.fail(error_code::wrong_type, w.record_begin(),
                    what +
                        "'s result has no tracking_code and no tracking_details: nothing "
                        "to track");
    }
    out.push_back(std::move(static_cast<shipment&>(s.result)));
    settle(out.back());
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::easypost
