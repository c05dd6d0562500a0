// The shipment status deriver. The rules are listed, and each is tested by
// name, in include/ordernorm/tracking.hpp.
#include "ordernorm/tracking.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include "ordernorm/detail/carrier_rules.hpp"
#include "ordernorm/detail/derive.hpp"
#include "ordernorm/detail/platform.hpp"
#include "ordernorm/detail/tracking_source.hpp"

namespace ordernorm {
namespace {

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Statuses that mean the carrier has the parcel (or had it).
bool in_carrier_hands(shipment_status s) noexcept {
  switch (s) {
    case shipment_status::in_transit:
    case shipment_status::out_for_delivery:
    case shipment_status::available_for_pickup:
    case shipment_status::delivered:
    case shipment_status::return_to_sender:
    case shipment_status::failure:
      return true;
    default:
      return false;
  }
}

// Rule 1: the event's own status, else carrier + code, else description.
status_origin resolve_event(scan_event& e, carrier_id carrier) noexcept {
  if (e.status != shipment_status::unknown) return status_origin::own_field;
  const detail::event_rule* rule = nullptr;
  status_origin origin = status_origin::none;
  if (!e.carrier_code.empty()) {
    rule = detail::find_event_rule(carrier, e.carrier_code);
    origin = status_origin::carrier_code;
  }
  if (rule == nullptr && !e.description.empty()) {
    rule = detail::classify_description(e.description);
    origin = status_origin::description;
  }
  if (rule == nullptr && !e.message.empty()) {
    rule = detail::classify_description(e.message);
    origin = status_origin::description;
  }
  if (rule == nullptr) return status_origin::none;
  e.status = rule->status;
  if (e.status_detail.empty()) e.status_detail = rule->detail;
  return origin;
}

bool same_location(const std::optional<location>& a, const std::optional<location>& b) noexcept {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  return a->city == b->city && a->region == b->region && a->postal_code == b->postal_code &&
         a->country_code == b->country_code;
}

bool same_event(const scan_event& a, const scan_event& b) noexcept {
  return a.scanned_at == b.scanned_at && a.status == b.status && a.carrier_code == b.carrier_code &&
         a.description == b.description && a.message == b.message &&
         a.status_detail == b.status_detail && same_location(a.location, b.location);
}

std::uint64_t hash_text(std::uint64_t h, std::string_view s) noexcept {
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return (h ^ 0xff) * 0x100000001b3ULL;
}

std::uint64_t hash_event(const scan_event& e) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  if (e.scanned_at) {
    h = (h ^ static_cast<std::uint64_t>(e.scanned_at->time.time_since_epoch().count())) *
        0x100000001b3ULL;
  }
  h = hash_text(h, e.carrier_code);
  h = hash_text(h, e.description);
  return hash_text(h, e.message);
}

// Rule 3: drops later copies of an event, keeping the first. Quadratic for
// the usual handful of events, hashed beyond that so that hostile inputs
// stay linear.
std::size_t drop_duplicates(std::vector<scan_event>& events, std::vector<status_origin>& origins,
                            std::vector<char>& keep) {
  constexpr std::size_t small = 32;
  keep.assign(events.size(), 1);
  if (events.size() <= small) {
    for (std::size_t i = 1; i < events.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (events[i].scanned_at != events[j].scanned_at) continue;
        if (keep[j] && same_event(events[i], events[j])) {
          keep[i] = false;
          break;
        }
      }
    }
  } else {
    std::unordered_multimap<std::uint64_t, std::size_t> seen;
    seen.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
      const std::uint64_t h = hash_event(events[i]);
      auto [first, last] = seen.equal_range(h);
      for (auto it = first; it != last; ++it) {
        if (same_event(events[i], events[it->second])) {
          keep[i] = false;
          break;
        }
      }
      if (keep[i]) seen.emplace(h, i);
    }
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!keep[i]) continue;
    if (out != i) {
      events[out] = std::move(events[i]);
      origins[out] = origins[i];
    }
    ++out;
  }
  const std::size_t dropped = events.size() - out;
  events.resize(out);
  origins.resize(out);
  return dropped;
}

// Rule 2: orders the timed events among the slots they occupy, stable on the
// carrier's order; untimed events stay where they are. Zoned and local times
// are not compared with each other: a shipment with both keeps its order.
void order_events(std::vector<scan_event>& events, std::vector<status_origin>& origins,
                  std::vector<std::size_t>& slots) {
  slots.clear();
  bool any_zoned = false;
  bool any_local = false;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!events[i].scanned_at) continue;
    slots.push_back(i);
    (events[i].scanned_at->local ? any_local : any_zoned) = true;
  }
  if (any_zoned && any_local) return;
  bool in_order = true;
  for (std::size_t k = 1; k < slots.size() && in_order; ++k) {
    in_order = !(events[slots[k]].scanned_at->time < events[slots[k - 1]].scanned_at->time);
  }
  if (in_order) return;
  std::vector<std::size_t> sorted = slots;
  std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) {
    return events[a].scanned_at->time < events[b].scanned_at->time;
  });
  if (sorted == slots) return;
  std::vector<scan_event> moved;
  std::vector<status_origin> moved_origins;
  moved.reserve(sorted.size());
  for (std::size_t i : sorted) {
    moved.push_back(std::move(events[i]));
    moved_origins.push_back(origins[i]);
  }
  for (std::size_t k = 0; k < slots.size(); ++k) {
    events[slots[k]] = std::move(moved[k]);
    origins[slots[k]] = moved_origins[k];
  }
}

struct verdict {
  shipment_status status = shipment_status::unknown;
  text detail;
  std::optional<std::size_t> deciding;
  std::string_view rule;
};

// Rule 4 over the events for which `eligible` holds.
template <class Eligible>
verdict decide(const std::vector<scan_event>& events, Eligible eligible,
               std::vector<derivation::event_note>* notes) {
  verdict v;
  bool possession = false;
  bool delivered = false;
  bool returned = false;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const scan_event& e = events[i];
    auto note = [&](bool counted, std::string_view why) {
      if (notes != nullptr) {
        (*notes)[i].counted = counted;
        (*notes)[i].why = why;
      }
    };
    if (!eligible(e)) {
      note(false, "no time: keeps its place, never the latest");
      continue;
    }
    if (e.status == shipment_status::unknown) {
      note(false, "says nothing about the stage");
      continue;
    }
    if (returned) {
      // Rule 4c: once the parcel is on its way back, a delivery is to the sender.
      v.deciding = i;
      v.detail =
          e.status == shipment_status::delivered ? text("delivered_to_sender") : e.status_detail;
      v.rule = e.status == shipment_status::delivered
                   ? "delivered after a return: back at the sender"
                   : "on its way back to the sender";
      note(true, v.rule);
      continue;
    }
    if (delivered && e.status != shipment_status::return_to_sender) {
      note(false, "after the delivery: delivered holds");
      continue;
    }
    if (e.status == shipment_status::pre_transit && possession) {
      note(false, "label event after the carrier took the parcel");
      continue;
    }
    v.status = e.status;
    v.detail = e.status_detail;
    v.deciding = i;
    v.rule = "the latest event that says something";
    if (in_carrier_hands(e.status)) possession = true;
    if (e.status == shipment_status::delivered) {
      delivered = true;
      v.rule = "delivered";
    }
    if (e.status == shipment_status::return_to_sender) {
      returned = true;
      v.rule = delivered ? "a return after the delivery" : "returned to the sender";
    }
    note(true, v.rule);
  }
  if (returned) v.status = shipment_status::return_to_sender;
  return v;
}

// The latest event time of a shipment, as a count (local times as if UTC);
// the minimum when it has no timed event.
std::int64_t latest_time(const shipment& s) noexcept {
  std::int64_t latest = INT64_MIN;
  for (const scan_event& e : s.scan_events) {
    if (e.scanned_at)
      latest = std::max<std::int64_t>(latest, e.scanned_at->time.time_since_epoch().count());
  }
  return latest;
}

}  // namespace

carrier_id identify_carrier(std::string_view name) noexcept {
  if (name == "usps") return carrier_id::usps;
  if (name == "ups") return carrier_id::ups;
  if (name == "fedex") return carrier_id::fedex;
  if (name == "dhl") return carrier_id::dhl;
  name = trim(name);
  if (istarts_with(name, "usps") || istarts_with(name, "united states postal") ||
      istarts_with(name, "u.s. postal") || iequals(name, "us postal service")) {
    return carrier_id::usps;
  }
  if (iequals(name, "ups") || istarts_with(name, "ups ") || istarts_with(name, "ups_") ||
      istarts_with(name, "united parcel")) {
    return carrier_id::ups;
  }
  if (istarts_with(name, "fedex") || istarts_with(name, "federal express") ||
      iequals(name, "fdxe") || iequals(name, "fdxg") || iequals(name, "fxsp")) {
    return carrier_id::fedex;
  }
  if (istarts_with(name, "dhl")) return carrier_id::dhl;
  return carrier_id::unknown;
}

void derive_shipment(shipment& s, const derive_options& options, derivation* explain) {
  detail::derive_scratch scratch;
  detail::derive_shipment(s, options, explain, scratch);
}

namespace detail {

void derive_shipment(shipment& s, const derive_options& options, derivation* explain,
                     derive_scratch& scratch) {
  if (explain != nullptr) *explain = derivation{};
  std::vector<scan_event>& events = s.scan_events;
  if (events.empty()) return;  // nothing to derive from: the source's status stands

  const carrier_id carrier = identify_carrier(s.carrier);
  std::vector<status_origin>& origins = scratch.origins;
  origins.assign(events.size(), status_origin::none);
  for (std::size_t i = 0; i < events.size(); ++i) origins[i] = resolve_event(events[i], carrier);

  order_events(events, origins, scratch.slots);
  const std::size_t dropped = drop_duplicates(events, origins, scratch.keep);

  std::vector<derivation::event_note>* notes = nullptr;
  if (explain != nullptr) {
    explain->duplicates_dropped = dropped;
    explain->events.resize(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) explain->events[i].origin = origins[i];
    notes = &explain->events;
  }

  verdict v = decide(
      events, [](const scan_event& e) { return e.scanned_at.has_value(); }, notes);
  if (!v.deciding) {
    // No timed event says anything: the untimed ones, in carrier order, do.
    v = decide(
        events, [](const scan_event&) { return true; }, notes);
    if (v.deciding) v.rule = "only untimed events say anything: the last of them";
  }

  if (v.status == shipment_status::delivered && s.return_flag) {
    v.status = shipment_status::return_to_sender;
    v.detail = "delivered_to_sender";
    v.rule = "delivered, and the shipment is flagged as a return";
  }

  // Rule 4e: a label never scanned, older than expire_after at as_of.
  if (v.status == shipment_status::pre_transit && options.as_of) {
    for (const scan_event& e : events) {
      if (e.status != shipment_status::pre_transit || !e.scanned_at) continue;
      // A local label time is taken as UTC here: at most a day off against
      // a threshold of weeks.
      if (options.as_of->time - e.scanned_at->time > options.expire_after) {
        v.detail = "expired";
        v.rule = "label created and never scanned within the expiry period";
      }
      break;  // the first (earliest) label event decides
    }
  }

  s.status = v.status;
  s.status_detail = v.detail;
  s.delivered_at.reset();
  if (v.status == shipment_status::delivered && v.deciding) {
    s.delivered_at = events[*v.deciding].scanned_at;
  }
  if (explain != nullptr) {
    explain->deciding_event = v.deciding;
    explain->rule = v.deciding ? v.rule : "no event says anything about the stage";
  }
}

}  // namespace detail

void merge_duplicate_shipments(std::vector<shipment>& shipments) {
  std::vector<std::size_t> ignored;
  detail::merge_duplicate_shipments(shipments, ignored);
}

namespace detail {

void merge_duplicate_shipments(std::vector<shipment>& shipments,
                               std::vector<std::size_t>& merged_into) {
  merged_into.resize(shipments.size());
  std::iota(merged_into.begin(), merged_into.end(), std::size_t{0});
  if (shipments.size() < 2) return;
  // origin[p]: which input shipment sits at position p now.
  std::vector<std::size_t> origin(merged_into);
  auto same_parcel = [](const shipment& a, const shipment& b) {
    if (a.tracking_code.empty() || a.tracking_code != b.tracking_code) return false;
    const carrier_id ca = identify_carrier(a.carrier);
    const carrier_id cb = identify_carrier(b.carrier);
    return ca != carrier_id::unknown ? ca == cb : iequals(a.carrier, b.carrier);
  };
  for (std::size_t i = 0; i < shipments.size(); ++i) {
    for (std::size_t j = i + 1; j < shipments.size();) {
      if (!same_parcel(shipments[i], shipments[j])) {
        ++j;
        continue;
      }
      shipment& keep = shipments[i];
      shipment& other = shipments[j];
      // The record that saw the parcel last speaks for its overall status and
      // estimate (a stale record's "Running Late" must not sit beside a
      // delivery the other record reports).
      const bool other_is_newer = latest_time(other) > latest_time(keep);
      if (keep.status_raw.empty() || (other_is_newer && !other.status_raw.empty())) {
        keep.status_raw = other.status_raw;
      }
      if (!keep.estimated_delivery_at || (other_is_newer && other.estimated_delivery_at)) {
        keep.estimated_delivery_at = other.estimated_delivery_at;
      }
      for (scan_event& e : other.scan_events) keep.scan_events.push_back(std::move(e));
      if (keep.tracking_url.empty()) keep.tracking_url = other.tracking_url;
      keep.return_flag = keep.return_flag || other.return_flag;
      merged_into[origin[j]] = origin[i];
      shipments.erase(shipments.begin() + static_cast<std::ptrdiff_t>(j));
      origin.erase(origin.begin() + static_cast<std::ptrdiff_t>(j));
    }
  }
  // From the input index of the shipment kept to its position now.
  std::vector<std::size_t> position(merged_into.size(), 0);
  for (std::size_t p = 0; p < origin.size(); ++p) position[origin[p]] = p;
  for (std::size_t& m : merged_into) m = position[m];
}

void derive_order_tracking(order& o, const derive_options& options, derive_scratch& scratch) {
  for (shipment& s : o.shipments) {
    if (!s.scan_events.empty()) derive_shipment(s, options, nullptr, scratch);
  }
  if (!o.fulfillment_status_raw.empty() || o.shipments.empty()) return;
  const bool all_delivered =
      std::all_of(o.shipments.begin(), o.shipments.end(),
                  [](const shipment& s) { return s.status == shipment_status::delivered; });
  if (all_delivered) o.fulfillment_status = fulfillment_status::fulfilled;
}

}  // namespace detail

}  // namespace ordernorm
