// UPS Track API (REST, GET onlinetools.ups.com/api/track/v1/details/{inquiryNumber})
// -> one shipment per package, with scan events.
//
// Facts and sources: ../shared/research/tracking.md §4.2 (activity types and
// codes, time fields) and §6 (hard cases); UPS-API/api-documentation
// Tracking.yaml (TrackApiResponse, Shipment, Package, Activity, Status,
// DeliveryDate, DeliveryTime, Response/ErrorResponse).
//
// Choices this mapping makes, each tested in tests/ups_source_test.cpp or a
// golden case under tests/golden_tracking/ups/:
// - One shipment per `trackResponse.shipment[].package[]`: carrier "UPS",
//   trackingCode the package's `trackingNumber`, else the shipment's
//   `inquiryNumber`. UPS gives no tracking URL. The service ("UPS Ground") is
//   not the carrier's name and is not kept.
// - statusRaw is the package's `currentStatus.code`, else its
//   `currentStatus.description` (translated per locale, so second choice).
//   status, statusDetail and deliveredAt are the deriver's.
// - Events: `activity` is "in chronological order, with the most recent
//   activity first" and is reversed. status.code (two characters: OR, DP,
//   OT, FS, 48, DM ...) -> carrierCode, else status.type (D, I, X, P, M) when
//   the code is missing; status.description -> description. No activity has
//   a status of our own vocabulary. source is "UPS".
// - Activity time: `date` "20240424" + `time` "160500" is a local time, kept
//   and never shifted; with `gmtDate` + `gmtTime` it is that instant instead
//   (GMT), and with only `gmtOffset` the local time shifted by it. A time is
//   "HHMMSS", which may lose its leading zero ("74700" is 07:47:00, the
//   spec's example), or "HH:MM:SS", which real responses send in `gmtTime`
//   ("11:08:38"; UPS-API/api-documentation issues #99, #187). A date without
//   a time is the local midnight of that day; a time without a date is no
//   time.
// - The local and the GMT pair say the same instant: a field of one that
//   does not parse (or a bad `gmtOffset` beside a good GMT pair) is passed
//   over with a warning naming it, what it held and what was used instead;
//   the document is rejected at the first bad field only when neither pair
//   parses. (tracking_converters.hpp: "A time written twice".)
// - Location: location.address {city, stateProvince -> region, postalCode,
//   countryCode (else country)}; all empty is a null location.
// - estimatedDeliveryAt: the `deliveryDate` of type RDD (rescheduled), else
//   SDD (scheduled), at `deliveryTime.endTime` when UPS gives one for a
//   window or commit time (not for DEL), local.
// - An error body (`{"response": {"errors": [{code, message}]}}`, HTTP 4xx)
//   tracks no package: the document is rejected with UPS's code and message
//   (code source_error: UPS answered with an error instead of data), so that
//   it shows in the rejects instead of vanishing. A document with no package
//   at all is rejected as wrong_type (the object this mapping reads is not
//   there), or as source_error with UPS's warning when it has one. A
//   shipment entry without packages but with a warning (TW0001 "Tracking
//   Information Not Found") and its `inquiryNumber` is a shipment with the
//   warning's code as statusRaw and no events (status unknown), like FedEx's
//   per-number NOTFOUND: a response for several numbers must not lose the
//   others. Without an inquiryNumber it names no parcel and is dropped. A
//   warning beside packages is informational.
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

namespace ordernorm::mappings::ups_tracking {

using namespace ordernorm::detail;  // field, as_text, as_array, ...
namespace hana = boost::hana;

inline constexpr std::string_view carrier_name = "UPS";

// Top-level keys that only a UPS Track API response has, for --from auto.
// (UPS's error body has only the generic `response` key: it is not detected.)
inline constexpr std::array<std::string_view, 1> marker_keys{{"trackResponse"}};

// ---------------------------------------------------------------------------
// UPS's split date and time.

inline constexpr std::string_view date_form = "a date as YYYYMMDD";
inline constexpr std::string_view time_form = "a time as HHMMSS or HH:MM:SS";
inline constexpr std::string_view offset_form = "a UTC offset such as -05:00";

// "YYYYMMDD" -> "YYYY-MM-DD" (in the arena), checked to be a real date.
struct parse_date {
  error_code operator()(string_arena& arena, std::string_view s, text& out) const {
    bool digits = s.size() == 8;
    for (char c : s) digits = digits && is_digit(c);
    if (!digits) return error_code::invalid_timestamp;
    const text date = arena.concat(s.substr(0, 4), "-", s.substr(4, 2), "-", s.substr(6, 2));
    result<timestamp> t = parse_timestamp(date, naive_time::local);
    if (!t) return t.error();
    out = date;
    return error_code::ok;
  }
};

// A time of day (24 h) -> "HH:MM:SS" in the arena. Two forms: "HHMMSS" as
// UPS's spec has it, which loses its leading zero ("74700" is 07:47:00), and
// "HH:MM:SS" (also "H:MM:SS"), which the Track API sends in `gmtTime`.
struct parse_time {
  error_code operator()(string_arena& arena, std::string_view s, text& out) const {
    char hhmmss[6] = {'0', '0', '0', '0', '0', '0'};
    const bool colons = s.find(':') != std::string_view::npos;
    if (colons) {
      // "H:MM:SS" or "HH:MM:SS"
      if (s.size() != 7 && s.size() != 8) return error_code::invalid_timestamp;
      if (s[s.size() - 3] != ':' || s[s.size() - 6] != ':') return error_code::invalid_timestamp;
      const std::size_t h = s.size() - 6;  // digits of the hour
      for (std::size_t i = 0; i < h; ++i) hhmmss[2 - h + i] = s[i];
      hhmmss[2] = s[h + 1];
      hhmmss[3] = s[h + 2];
      hhmmss[4] = s[h + 4];
      hhmmss[5] = s[h + 5];
    } else {
      if (s.size() > 6) return error_code::invalid_timestamp;
      for (std::size_t i = 0; i < s.size(); ++i) hhmmss[6 - s.size() + i] = s[i];
    }
    for (char c : hhmmss) {
      if (!is_digit(c)) return error_code::invalid_timestamp;
    }
    const auto two = [&](int at) { return (hhmmss[at] - '0') * 10 + (hhmmss[at + 1] - '0'); };
    if (two(0) > 23 || two(2) > 59 || two(4) > 59) return error_code::invalid_timestamp;
    const std::string_view d(hhmmss, 6);
    out = arena.concat(d.substr(0, 2), ":", d.substr(2, 2), ":", d.substr(4, 2));
    return error_code::ok;
  }
};

// A date or time that must parse where it is (delivery dates and windows:
// nothing else says the same).
template <class Parse>
struct strict_converter {
  std::string_view kind;  // for a value that is not a string
  std::string_view form;  // for a string that does not parse
  template <class W>
  error_code operator()(W& w, od::value& v, text& out) const {
    std::string_view s;
    if (error_code err = read_string(w, v, s, kind); err != error_code::ok) return err;
    if (s.empty()) return error_code::ok;
    if (error_code err = Parse{}(w.arena(), s, out); err != error_code::ok) {
      return w.fail(err, v, form);
    }
    return error_code::ok;
  }
};
inline constexpr strict_converter<parse_date> as_ups_date{"a date string", date_form};
inline constexpr strict_converter<parse_time> as_ups_time{"a time string", time_form};

// An activity's times, each judged after the pass: the local date and time
// and the GMT date and time say the same instant twice.
inline constexpr checked_converter<parse_date> as_checked_date{"a date string"};
inline constexpr checked_converter<parse_time> as_checked_time{"a time string"};
inline constexpr checked_converter<parse_utc_offset> as_checked_offset{"a UTC offset string"};

// ---------------------------------------------------------------------------
// Source-side scratch.

struct status_source {
  text type;
  text code;
  text description;
};

struct activity_source {
  place_source location;
  status_source status;
  checked<text> date;      // "YYYY-MM-DD"
  checked<text> time;      // "HH:MM:SS"
  checked<text> gmt_date;  // "YYYY-MM-DD"
  checked<text> gmt_time;  // "HH:MM:SS"
  checked<std::optional<int>> gmt_offset;
};

struct delivery_date_source {
  text type;  // SDD, RDD, DEL
  text date;  // "YYYY-MM-DD"
};

struct delivery_time_source {
  text type;  // EOD, CMT, EDW, CDW, IDW, DEL
  text end_time;
};

struct package_source {
  text tracking_number;
  status_source current_status;
  std::vector<activity_source> activity;
  std::vector<delivery_date_source> delivery_date;
  delivery_time_source delivery_time;
};

struct message_source {
  text code;
  text message;
};

struct shipment_source {
  text inquiry_number;
  std::vector<package_source> package;
  std::vector<message_source> warnings;
};

struct track_response_source {
  std::vector<shipment_source> shipment;
};

struct error_response_source {
  std::vector<message_source> errors;
};

struct response_source {
  track_response_source track_response;
  error_response_source response;  // the error body
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

// clang-format off
struct address_map {
  using target = location;
  static constexpr auto fields = hana::make_tuple(
      field("city",          &location::city,         as_text),
      field("stateProvince", &location::region,       as_text),
      field("postalCode",    &location::postal_code,  as_text),
      field("countryCode",   &location::country_code, as_text),
      field("country",       &location::country_code, as_text_fallback));
};

struct status_map {
  using target = status_source;
  static constexpr auto fields = hana::make_tuple(
      field("type",        &status_source::type,        as_text),
      field("code",        &status_source::code,        as_text),
      field("description", &status_source::description, as_text));
};

struct activity_map {
  using target = activity_source;
  static constexpr auto fields = hana::make_tuple(
      field("location",  &activity_source::location,   as_object<place_map<address_map>>),
      field("status",    &activity_source::status,     as_object<status_map>),
      field("date",      &activity_source::date,       as_checked_date),
      field("time",      &activity_source::time,       as_checked_time),
      field("gmtDate",   &activity_source::gmt_date,   as_checked_date),
      field("gmtTime",   &activity_source::gmt_time,   as_checked_time),
      field("gmtOffset", &activity_source::gmt_offset, as_checked_offset));
};

struct delivery_date_map {
  using target = delivery_date_source;
  static constexpr auto fields = hana::make_tuple(
      field("type", &delivery_date_source::type, as_text),
      field("date", &delivery_date_source::date, as_ups_date));
};

struct delivery_time_map {
  using target = delivery_time_source;
  static constexpr auto fields = hana::make_tuple(
      field("type",    &delivery_time_source::type,     as_text),
      field("endTime", &delivery_time_source::end_time, as_ups_time));
};

struct package_map {
  using target = package_source;
  static constexpr auto fields = hana::make_tuple(
      field("trackingNumber", &package_source::tracking_number, as_text),
      field("currentStatus",  &package_source::current_status,  as_object<status_map>),
      field("activity",       &package_source::activity,        as_array<activity_map>),
      field("deliveryDate",   &package_source::delivery_date,   as_array<delivery_date_map>),
      field("deliveryTime",   &package_source::delivery_time,   as_object<delivery_time_map>));
};

struct message_map {
  using target = message_source;
  static constexpr auto fields = hana::make_tuple(
      field("code",    &message_source::code,    as_id),
      field("message", &message_source::message, as_text));
};

struct shipment_map {
  using target = shipment_source;
  static constexpr auto fields = hana::make_tuple(
      field("inquiryNumber", &shipment_source::inquiry_number, as_text),
      field("package",       &shipment_source::package,        as_array<package_map>),
      field("warnings",      &shipment_source::warnings,       as_array<message_map>));
};

struct track_response_map {
  using target = track_response_source;
  static constexpr auto fields = hana::make_tuple(
      field("shipment", &track_response_source::shipment, as_array<shipment_map>));
};

struct error_response_map {
  using target = error_response_source;
  static constexpr auto fields = hana::make_tuple(
      field("errors", &error_response_source::errors, as_array<message_map>));
};

struct response_map {
  using target = response_source;
  static constexpr auto fields = hana::make_tuple(
      field("trackResponse", &response_source::track_response, as_object<track_response_map>),
      field("response",      &response_source::response,       as_object<error_response_map>));
};
// clang-format on

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

// `date` + `time` (validated by their converters) as one timestamp.
template <class Walker>
opt_time combine(Walker& w, text date, text time, naive_time rule) {
  if (date.empty()) return std::nullopt;
  const text joined = time.empty() ? date : w.arena().concat(date, "T", time);
  result<timestamp> t = parse_timestamp(joined, rule);
  return t ? opt_time(*t) : std::nullopt;
}

// An activity's time: gmtDate + gmtTime, else date + time shifted by
// gmtOffset, else date + time as a local time. The two pairs say the same
// instant; when a field of one does not parse and the other pair does, that
// pair is used and the bad field warned about (`shipment` is the index of
// the shipment being built); when none does, the activity is rejected at its
// first bad field. The walker stands at the activity.
template <class Walker>
error_code activity_time(Walker& w, const activity_source& a, opt_time& out, warning_owners& owners,
                         std::size_t shipment) {
  struct named {
    std::string_view key;
    std::string_view form;
    const std::string_view* token;
    error_code error;
  };
  const named fields[] = {{"date", date_form, &a.date.token, a.date.error},
                          {"time", time_form, &a.time.token, a.time.error},
                          {"gmtDate", date_form, &a.gmt_date.token, a.gmt_date.error},
                          {"gmtTime", time_form, &a.gmt_time.token, a.gmt_time.error},
                          {"gmtOffset", offset_form, &a.gmt_offset.token, a.gmt_offset.error}};
  const bool gmt_failed = a.gmt_date.failed() || a.gmt_time.failed();
  const bool gmt_usable = !gmt_failed && a.gmt_date.present() && a.gmt_time.present();
  const bool local_failed = a.date.failed() || a.time.failed() || a.gmt_offset.failed();
  const bool local_usable = !local_failed && a.date.present();
  const auto local = [&] {
    opt_time t = combine(w, a.date.value, a.time.value, naive_time::local);
    if (t && a.gmt_offset.usable() && a.time.present()) t = with_offset(*t, *a.gmt_offset.value);
    return t;
  };
  std::string_view used;
  if (gmt_usable) {
    out = combine(w, a.gmt_date.value, a.gmt_time.value, naive_time::utc);
    used = "gmtDate and gmtTime";
  } else if (!gmt_failed && !local_failed) {
    out = local();  // one pair or none: nothing to fall back from
    return error_code::ok;
  } else if (gmt_failed && local_usable) {
    out = local();
    used = a.gmt_offset.usable() && a.time.present() ? "date and time with gmtOffset"
                                                     : "date and time";
  } else {
    // Nothing that parses says when: reject at the first bad field.
    const named* first = nullptr;
    for (const named& f : fields) {
      if (f.error != error_code::ok &&
          (first == nullptr || f.token->data() < first->token->data())) {
        first = &f;
      }
    }
    at_path<Walker> here(w, {first->key});
    return w.fail(first->error, first->token->data(),
                  "expected " + std::string(first->form) + ", got " + excerpt(*first->token));
  }
  for (const named& f : fields) {
    if (f.error == error_code::ok) continue;
    at_path<Walker> here(w, {f.key});
    owners.warn(w, shipment, warning_code::unreadable_time,
                std::string(f.key) + " " + excerpt(*f.token) + " is not " + std::string(f.form) +
                    "; used " + std::string(used) + " instead" +
                    (out ? " (" + shown(*out) + ")" : std::string()));
  }
  return error_code::ok;
}

// Rescheduled, else scheduled delivery date, at the window's end time.
template <class Walker>
opt_time estimated_delivery(Walker& w, const package_source& p) {
  text date;
  for (std::string_view wanted : {"RDD", "SDD"}) {
    for (const delivery_date_source& d : p.delivery_date) {
      if (date.empty() && d.type == wanted) date = d.date;
    }
  }
  const bool timed = p.delivery_time.type != "DEL";
  return combine(w, date, timed ? p.delivery_time.end_time : text{}, naive_time::local);
}

struct response_rules {
  static void reset(response_source& s) {
    auto shipments = std::move(s.track_response.shipment);
    s = response_source{};
    shipments.clear();  // keep the memory for the next document
    s.track_response.shipment = std::move(shipments);
  }

  template <class Walker>
  static error_code finish(Walker& w, response_source& s, std::vector<shipment>& out,
                           warning_owners& owners) {
    if (!s.response.errors.empty()) {
      const message_source& e = s.response.errors.front();
      return reject(w, "UPS answered with an error, not tracking data:", e);
    }
    const message_source* warning = nullptr;
    const std::size_t first = out.size();
    for (std::size_t si = 0; si < s.track_response.shipment.size(); ++si) {
      const shipment_source& ship = s.track_response.shipment[si];
      if (warning == nullptr && !ship.warnings.empty()) warning = &ship.warnings.front();
      if (ship.package.empty() && !ship.warnings.empty() && !ship.inquiry_number.empty()) {
        // "Tracking Information Not Found": the number, with UPS's answer.
        shipment& sh = out.emplace_back();
        sh.carrier = carrier_name;
        sh.tracking_code = ship.inquiry_number;
        sh.status_raw = ship.warnings.front().code;
        continue;
      }
      for (std::size_t pi = 0; pi < ship.package.size(); ++pi) {
        const package_source& p = ship.package[pi];
        const std::size_t index = out.size();
        shipment& sh = out.emplace_back();
        sh.carrier = carrier_name;
        sh.tracking_code = !p.tracking_number.empty() ? p.tracking_number : ship.inquiry_number;
        sh.status_raw =
            !p.current_status.code.empty() ? p.current_status.code : p.current_status.description;
        sh.estimated_delivery_at = estimated_delivery(w, p);
        // Activities come newest first: the last one is the oldest event.
        const std::size_t n = p.activity.size();
        sh.scan_events.resize(n);
        for (std::size_t ai = 0; ai < n; ++ai) {
          const activity_source& act = p.activity[ai];
          scan_event& e = sh.scan_events[n - 1 - ai];
          at_path<Walker> here(w, {"trackResponse", "shipment", si, "package", pi, "activity", ai});
          if (error_code err = activity_time(w, act, e.scanned_at, owners, index);
              err != error_code::ok) {
            return err;
          }
          e.carrier_code = !act.status.code.empty() ? act.status.code : act.status.type;
          e.description = act.status.description;
          e.location = known_location(act.location.address);
          e.source = carrier_name;
        }
      }
    }
    if (out.size() != first) return error_code::ok;
    if (warning != nullptr) return reject(w, "UPS has no tracking data:", *warning);
    return w.fail(error_code::wrong_type, w.record_begin(),
                  "not a UPS tracking response: no trackResponse.shipment[].package");
  }

 private:
  // UPS's answer instead of data: its error, or the warning of a response
  // that tracks nothing.
  template <class Walker>
  static error_code reject(Walker& w, std::string lead, const message_source& m) {
    return w.fail(error_code::source_error, w.record_begin(),
                  carrier_error_message(std::move(lead), {m.code, m.message}));
  }
};

}  // namespace ordernorm::mappings::ups_tracking
