// USPS Tracking API v3 (GET apis.usps.com/tracking/v3/tracking/{trackingNumber},
// `expand=DETAIL` or the default SUMMARY) -> one shipment with scan events.
//
// Facts and sources: ../shared/research/tracking.md §4.1 (event codes) and
// §6 (hard cases); the USPS OpenAPI "Package Tracking and Notification" 3.2.x
// (schemas TrackingDetails, TrackingSummary, TrackingEvent, ErrorMessage).
//
// Choices this mapping makes, each tested in tests/usps_source_test.cpp or a
// golden case under tests/golden_tracking/usps/:
// - carrier is "USPS" (the deriver reads USPS's code table by it);
//   trackingCode is `trackingNumber`; USPS gives no tracking URL.
// - statusRaw is `statusCategory` (USPS's own overall category: "Delivered",
//   "In Transit", "Alert", ...), else `status` (the latest event's text).
//   status, statusDetail and deliveredAt are the deriver's.
// - Events: `trackingEvents` come newest first ("in reverse chronological
//   order") and are reversed. eventCode -> carrierCode (USPS's code, mapped by
//   mappings/carriers/usps.hpp), eventType -> description; no event has a
//   status of its own. source is "USPS".
// - Event time, best first: `GMTTimestamp` (an instant; one without an offset
//   is GMT by its name); else `eventTimestamp` shifted by `GMTOffset`
//   ("-05:00", also "-7:00" as in USPS's own example); else `eventTimestamp`
//   as a local time, kept and never shifted. An eventTimestamp with an offset
//   of its own is an instant. A date without a time is never shifted.
// - When GMTTimestamp and eventTimestamp (+ GMTOffset) are both instants and
//   a minute or more apart (eventTimestamp has no seconds), the local time
//   with its offset wins and the event gets a warning: real v3 responses
//   stamp evening scans with a GMTTimestamp one day early (local
//   2024-11-21T23:28 at -06:00 beside GMT 2024-11-21T05:28:33Z). A time
//   field that does not parse while the other form does is passed over with
//   a warning; the event is rejected at its first bad field only when no
//   form parses. (tracking_converters.hpp: "A time written twice".)
// - Location: eventCity, eventState -> region, eventZIP (eventZIPCode in some
//   versions), eventCountry, each as given; all empty is a null location.
// - estimatedDeliveryAt: `expectedDeliveryTimeStamp`, else
//   `expectedDeliveryDate` (summary form), else `predictedDeliveryDate`,
//   else `predictedDeliveryTimeStamp`; local when without an offset.
// - The SUMMARY form has only `eventSummaries` (sentences, newest first): each
//   becomes an untimed event with the sentence as its message, oldest first,
//   when there are no trackingEvents.
// - An error body (`{"apiVersion", "error": {code, message, errors}}`, or the
//   OAuth form `{"error": "invalid_client", "error_description": ...}`)
//   tracks no parcel: it is rejected with USPS's code and message, so that it
//   shows in the rejects instead of vanishing (code source_error, as for
//   FedEx's: USPS answered with an error instead of data). A document with
//   neither trackingNumber nor events is rejected too, as wrong_type (the
//   object this mapping reads is not there). USPS answers one number per
//   request, so there is no per-number "not found" to keep as a shipment.
// - Not mapped (no model field): mailClass, origin*/destination*, services,
//   firm/name/authorizedAgent, actionCode/reasonCode, proof-of-delivery flags.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/tracking_converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::usps_tracking {

using namespace ordernorm::detail;  // field, as_text, as_time, ...
namespace hana = boost::hana;

inline constexpr std::string_view carrier_name = "USPS";

// Top-level keys that only a USPS v3 tracking response has, for --from auto
// (DETAIL: trackingEvents, statusCategory, statusSummary; SUMMARY:
// eventSummaries). Other sources spell theirs otherwise (EasyPost
// tracking_details, UPS trackResponse, DHL shipments).
inline constexpr std::array<std::string_view, 4> marker_keys{
    {"trackingEvents", "statusCategory", "statusSummary", "eventSummaries"}};

// ---------------------------------------------------------------------------
// Converters for USPS's own forms.

// `eventTimestamp`: a local wall-clock time, remembered with whether it has a
// clock time at all (a bare date is never shifted by GMTOffset).
struct local_time {
  opt_time at;
  bool date_only = false;
};

struct parse_local_time {
  error_code operator()(string_arena&, std::string_view s, local_time& out) const {
    result<timestamp> t = parse_timestamp(s, naive_time::local);
    if (!t) return t.error();
    out.at = *t;
    out.date_only = s.size() == 10;  // YYYY-MM-DD
    return error_code::ok;
  }
};

// `GMTTimestamp`: GMT by its name when it has no offset.
struct parse_gmt_time {
  error_code operator()(string_arena&, std::string_view s, opt_time& out) const {
    result<timestamp> t = parse_timestamp(s, naive_time::utc);
    if (!t) return t.error();
    out = *t;
    return error_code::ok;
  }
};

// An event's three time fields, judged after the pass (see event_time).
inline constexpr checked_converter<parse_local_time> as_event_timestamp{"a timestamp string"};
inline constexpr checked_converter<parse_gmt_time> as_gmt_timestamp{"a timestamp string"};
inline constexpr checked_converter<parse_utc_offset> as_gmt_offset{"a UTC offset string"};

// ---------------------------------------------------------------------------
// Source-side scratch.

struct error_source {
  text code;
  text message;
  const char* at = nullptr;  // the `error` value, for the reject's offset
  bool present = false;
};

struct event_source {
  text event_type;
  text event_code;
  checked<local_time> event_timestamp;
  checked<opt_time> gmt_timestamp;
  checked<std::optional<int>> gmt_offset;
  text city;
  text state;
  text zip;
  text country;
};

struct response_source {
  text tracking_number;
  text status_category;
  text status;
  opt_time expected_delivery_timestamp;
  opt_time expected_delivery_date;
  opt_time predicted_delivery_date;
  opt_time predicted_delivery_timestamp;
  std::vector<event_source> events;
  std::vector<text> event_summaries;
  error_source error;
  text error_description;  // OAuth error form
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto carrier_time = as_time<naive_time::local>;  // wall-clock, kept

// clang-format off
struct error_map {
  using target = error_source;
  static constexpr auto fields = hana::make_tuple(
      field("code",    &error_source::code,    as_id),
      field("message", &error_source::message, as_text));
};
// clang-format on

// `error`: an object (USPS ErrorMessage) or a string (OAuth error code).
struct error_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, error_source& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    out.at = v.raw_json_token().data();
    if (type == od::json_type::object) {
      bool present = false;
      const error_code err = w.template map_object<error_map>(v, out, present);
      out.present = present;
      return err;
    }
    std::string_view s;
    if (error_code err = read_string(w, v, s, "an error object or string"); err != error_code::ok) {
      return err;
    }
    out.present = !s.empty();
    out.code = s;
    return error_code::ok;
  }
};
inline constexpr error_converter as_error{};

// clang-format off
struct event_map {
  using target = event_source;
  static constexpr auto fields = hana::make_tuple(
      field("eventType",      &event_source::event_type,      as_text),
      field("eventCode",      &event_source::event_code,      as_text),
      field("eventTimestamp", &event_source::event_timestamp, as_event_timestamp),
      field("GMTTimestamp",   &event_source::gmt_timestamp,   as_gmt_timestamp),
      field("GMTOffset",      &event_source::gmt_offset,      as_gmt_offset),
      field("eventCity",      &event_source::city,            as_text),
      field("eventState",     &event_source::state,           as_text),
      field("eventZIP",       &event_source::zip,             as_text),
      field("eventZIPCode",   &event_source::zip,             as_text_fallback),
      field("eventCountry",   &event_source::country,         as_text));
};

struct response_map {
  using target = response_source;
  static constexpr auto fields = hana::make_tuple(
      field("trackingNumber",             &response_source::tracking_number,              as_text),
      field("statusCategory",             &response_source::status_category,              as_text),
      field("status",                     &response_source::status,                       as_text),
      field("expectedDeliveryTimeStamp",  &response_source::expected_delivery_timestamp,  carrier_time),
      field("expectedDeliveryDate",       &response_source::expected_delivery_date,       carrier_time),
      field("predictedDeliveryDate",      &response_source::predicted_delivery_date,      carrier_time),
      field("predictedDeliveryTimeStamp", &response_source::predicted_delivery_timestamp, carrier_time),
      field("trackingEvents",             &response_source::events,                       as_array<event_map>),
      field("eventSummaries",             &response_source::event_summaries,              as_text_list),
      field("error",                      &response_source::error,                        as_error),
      field("error_description",          &response_source::error_description,            as_text));
};
// clang-format on

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

// An event's time. GMTTimestamp, else eventTimestamp shifted by GMTOffset,
// else eventTimestamp as given (an instant when it has an offset of its
// own). Both forms say the same instant, to the minute (eventTimestamp has
// no seconds): when both are there and disagree by a minute or more, the
// local time with its offset is used and the disagreement warned about
// (USPS sends evening scans with a GMTTimestamp a day early); when a field
// of one form does not parse and the other form does, that one is used with
// a warning; when none does, the event is rejected at its first bad field.
// `shipment` is the index of the shipment being built; the walker stands at
// the event.
template <class Walker>
error_code event_time(Walker& w, const event_source& e, opt_time& out, warning_owners& owners,
                      std::size_t shipment) {
  const auto& local = e.event_timestamp;
  const auto& gmt = e.gmt_timestamp;
  const auto& offset = e.gmt_offset;
  // The local form as an instant where it makes one, else as given.
  opt_time from_local = local.value.at;
  std::string_view local_form = "eventTimestamp";
  if (from_local && from_local->local && !local.value.date_only && offset.usable()) {
    from_local = with_offset(*from_local, *offset.value);
    local_form = "eventTimestamp with GMTOffset";
  }
  const bool local_failed = local.failed() || offset.failed();
  if (gmt.failed() || local_failed) {
    const bool use_gmt = !gmt.failed() && gmt.present();
    const bool use_local = !use_gmt && !local_failed && local.present();
    if (!use_gmt && !use_local) {
      // Reject at the first bad field.
      const std::string_view* first = nullptr;
      std::string_view key;
      error_code code = error_code::ok;
      const auto consider = [&](std::string_view k, const std::string_view& token, error_code c) {
        if (c == error_code::ok || (first != nullptr && first->data() < token.data())) return;
        first = &token;
        key = k;
        code = c;
      };
      consider("eventTimestamp", local.token, local.error);
      consider("GMTTimestamp", gmt.token, gmt.error);
      consider("GMTOffset", offset.token, offset.error);
      at_path<Walker> here(w, {key});
      return w.fail(
          code, first->data(),
          "expected " +
              std::string(key == "GMTOffset" ? "a UTC offset such as -05:00" : "a timestamp") +
              ", got " + excerpt(*first));
    }
    out = use_gmt ? gmt.value : from_local;
    const std::string used = use_gmt ? "GMTTimestamp" : std::string(local_form);
    const auto warn_bad = [&](std::string_view k, const std::string_view& token, error_code c,
                              std::string_view form) {
      if (c == error_code::ok) return;
      at_path<Walker> here(w, {k});
      owners.warn(w, shipment, warning_code::unreadable_time,
                  std::string(k) + " " + excerpt(token) + " is not " + std::string(form) +
                      "; used " + used + " instead" + (out ? " (" + shown(*out) + ")" : ""));
    };
    warn_bad("eventTimestamp", local.token, local.error, "a timestamp");
    warn_bad("GMTTimestamp", gmt.token, gmt.error, "a timestamp");
    warn_bad("GMTOffset", offset.token, offset.error, "a UTC offset such as -05:00");
    return error_code::ok;
  }
  if (!gmt.present()) {
    out = from_local;
    return error_code::ok;
  }
  out = gmt.value;
  if (from_local && !from_local->local) {
    using namespace std::chrono;
    const auto apart = gmt.value->time - from_local->time;
    if (apart >= minutes{1} || apart <= -minutes{1}) {
      out = from_local;
      at_path<Walker> here(w, {"GMTTimestamp"});
      owners.warn(
          w, shipment, warning_code::times_disagree,
          "GMTTimestamp " + excerpt(gmt.token) + " is " + gap(gmt.value->time, from_local->time) +
              (apart < milliseconds{0} ? " earlier" : " later") + " than eventTimestamp " +
              excerpt(local.token) +
              (offset.present() && local_form != "eventTimestamp"
                   ? " at GMTOffset " + excerpt(offset.token)
                   : std::string()) +
              " (" + shown(*from_local) + "); used " + std::string(local_form) + " instead");
    }
  }
  return error_code::ok;
}

struct response_rules {
  static void reset(response_source& s) {
    auto events = std::move(s.events);
    auto summaries = std::move(s.event_summaries);
    s = response_source{};
    events.clear();  // keep the memory for the next document
    summaries.clear();
    s.events = std::move(events);
    s.event_summaries = std::move(summaries);
  }

  template <class Walker>
  static error_code finish(Walker& w, response_source& s, std::vector<shipment>& out,
                           warning_owners& owners) {
    if (s.error.present) {
      w.push_key("error");
      const error_code err =
          w.fail(error_code::source_error, s.error.at,
                 carrier_error_message("USPS answered with an error, not tracking data:",
                                       {s.error.code, s.error.message, s.error_description}));
      w.pop();
      return err;
    }
    if (s.tracking_number.empty() && s.events.empty() && s.event_summaries.empty()) {
      return w.fail(error_code::wrong_type, w.record_begin(),
                    "not a USPS tracking response: no trackingNumber and no events");
    }

    const std::size_t index = out.size();
    shipment& sh = out.emplace_back();
    sh.carrier = carrier_name;
    sh.tracking_code = s.tracking_number;
    sh.status_raw = !s.status_category.empty() ? s.status_category : s.status;
    for (const opt_time& t : {s.expected_delivery_timestamp, s.expected_delivery_date,
                              s.predicted_delivery_date, s.predicted_delivery_timestamp}) {
      if (t) {
        sh.estimated_delivery_at = t;
        break;
      }
    }

    // Events come newest first: the last one is the oldest event.
    const std::size_t n = s.events.size();
    sh.scan_events.reserve(s.events.empty() ? s.event_summaries.size() : n);
    sh.scan_events.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const event_source& ev = s.events[i];
      scan_event& e = sh.scan_events[n - 1 - i];
      at_path<Walker> here(w, {"trackingEvents", i});
      if (error_code err = event_time(w, ev, e.scanned_at, owners, index); err != error_code::ok) {
        return err;
      }
      e.carrier_code = ev.event_code;
      e.description = ev.event_type;
      e.location = known_location({ev.city, ev.state, ev.zip, ev.country});
      e.source = carrier_name;
    }
    if (s.events.empty()) {
      for (auto it = s.event_summaries.rbegin(); it != s.event_summaries.rend(); ++it) {
        if (it->empty()) continue;
        scan_event& e = sh.scan_events.emplace_back();
        e.message = *it;
        e.source = carrier_name;
      }
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::usps_tracking
