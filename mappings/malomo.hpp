// Malomo order (api.gomalomo.com /orders, with shipments and scan events) ->
// common model.
//
// Facts and sources: ../shared/seeds/003_*.txt (docs.gomalomo.com/resources/order)
// and ../shared/research/mission-anchors.md §2.
//
// Choices this mapping makes, each tested in tests/malomo_test.cpp or a
// golden case under tests/golden/malomo/:
// - An order without `id` (a create request body) is rejected (missing_field
//   at /id), as on every platform.
// - `id` (Malomo's UUID) is remoteId and makes id "malomo:<uuid>"; `number`
//   is orderNumber.
// - `alternate_id` (the order's id in the shop system, e.g. the Shopify order
//   id) is read by no table row: it is only Malomo's marker for --from auto.
//   The model has no field for another system's id, and putting it in
//   remoteId or orderNumber would make those mean different things per order.
// - Order `created_at` / `updated_at` are Malomo's own record times and come
//   with `Z` ("2019-01-30T13:30:00Z"). Malomo documents no zone for a time
//   without one, so such a value is an error (naive_time::reject), as on
//   Shopify, rather than a guess at UTC.
// - Shipment and scan times (`scanned_at`, `delivered_at`,
//   `estimated_delivered_at`) come without an offset ("2019-01-28T13:23:00"):
//   they are the carrier's local wall-clock, kept as given and never shifted
//   (naive_time::local). One that does carry an offset is an instant.
// - The order has no money, line items, addresses or statuses in Malomo's
//   shape: those stay null / [] / Unknown. fulfillmentStatus stays unknown
//   with no raw value; the converter sets it from the derived shipments.
// - Customer: `customer` {id, email, first_name, last_name}; when it lacks an
//   email, the order's `email` (Malomo's communication address) fills it. A
//   null customer (Malomo removes it with `"customer": null`) stays null.
// - Shipment `carrier` is Malomo's `carrier` ("usps"), not the display name
//   `carrier_name` ("USPS"): `carrier` is the name Malomo keys a shipment by
//   (an order's shipments are its carrier + tracking_code pairs, and creating
//   one takes only those two), so it is in every payload, request or
//   response; `carrier_name` is filled in by Malomo in responses only. It is
//   the fallback when `carrier` is missing. Either way the value is unchanged.
// - Shipment `status` is Malomo's own overall status, kept raw in statusRaw.
//   A shipment with scan events gets status, statusDetail and deliveredAt
//   from the deriver (tracking.hpp), which the converter runs after finish():
//   the mapping leaves those three empty for it, so nothing Malomo computed
//   is copied over what the events say. A shipment without scan events has
//   nothing to derive from: its status is Malomo's `status` by the table
//   below, its statusDetail Malomo's shipment `status_detail`, and its
//   deliveredAt Malomo's `delivered_at` when that status is `delivered`.
// - `is_return` is shipment::return_flag: a delivery of a return shipment is
//   return_to_sender, detail `delivered_to_sender`, no deliveredAt (the
//   deriver's rule; applied here to a shipment without events, by Malomo's
//   own status, so that both kinds of shipment read alike).
// - Scan event `status` is already in the 10-value vocabulary; the table maps
//   it by name and anything else to `unknown` (the model keeps no raw status
//   per event; the deriver may then read the event by carrier code or
//   description). `status_detail` is an open string, copied.
// - Event `location` {city, state, postal_code, country} -> {city, region,
//   postalCode, countryCode}, each as given; all-null is a null location.
// - Not mapped (no model field): `meta`, shipment `id`, `carrier_service`,
//   `origin`, `destination`, `estimated_local_delivered_*`,
//   `guaranteed_delivered_at`, `original_estimated_delivered_at`,
//   `initial_delivery_attempted_at`, `signed_by`, `weight`, `container_type`.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::malomo {

using namespace ordernorm::detail;  // field, as_text, as_time, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only a Malomo order carries at its top level. Malomo writes every key
// of an order, null or not, but `alternate_id` is optional in its API: `meta`
// (the free-form object) is then the one distinctive key left, and the keys
// of order_map (`number`, `shipments`, `customer`, `email`, ...) count as
// shared keys beside it.
inline constexpr std::array<std::string_view, 2> marker_keys{{"alternate_id", "meta"}};

// ---------------------------------------------------------------------------
// Status vocabulary: Malomo's shipment and scan-event `status` (the EasyPost
// Tracker set, mission-anchors.md §2.4), by name. Everything else: unknown.

inline constexpr std::array<std::pair<std::string_view, shipment_status>, 10> statuses{{
    {"unknown", shipment_status::unknown},
    {"pre_transit", shipment_status::pre_transit},
    {"in_transit", shipment_status::in_transit},
    {"out_for_delivery", shipment_status::out_for_delivery},
    {"available_for_pickup", shipment_status::available_for_pickup},
    {"delivered", shipment_status::delivered},
    {"return_to_sender", shipment_status::return_to_sender},
    {"failure", shipment_status::failure},
    {"cancelled", shipment_status::cancelled},
    {"error", shipment_status::error},
}};

constexpr shipment_status status_for(std::string_view raw) noexcept {
  for (const auto& [name, value] : statuses) {
    if (name == raw) return value;
  }
  return shipment_status::unknown;
}

// A scan event's `status` string, through the table above. The model keeps
// no raw status per event, so the table is applied while reading.
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
// Source-side scratch: values that feed rules rather than one model member.

struct order_source : order {
  text email;  // the order's communication email: the customer's fallback
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto record_time = as_time<naive_time::reject>;  // Malomo's own, with Z
inline constexpr auto carrier_time = as_time<naive_time::local>;  // wall-clock, kept

// clang-format off
struct location_map {
  using target = location;
  static constexpr auto fields = hana::make_tuple(
      field("city",        &location::city,         as_text),
      field("state",       &location::region,       as_text),
      field("postal_code", &location::postal_code,  as_text),
      field("country",     &location::country_code, as_text));
};

struct scan_event_map {
  using target = scan_event;
  static constexpr auto fields = hana::make_tuple(
      field("scanned_at",    &scan_event::scanned_at,    carrier_time),
      field("status",        &scan_event::status,        as_status),
      field("status_detail", &scan_event::status_detail, as_text),
      field("carrier_code",  &scan_event::carrier_code,  as_text),
      field("description",   &scan_event::description,   as_text),
      field("message",       &scan_event::message,       as_text),
      field("location",      &scan_event::location,      as_object<location_map>),
      field("source",        &scan_event::source,        as_text));
};

struct shipment_map {
  using target = shipment;
  static constexpr auto fields = hana::make_tuple(
      field("carrier",                &shipment::carrier,               as_text),
      field("carrier_name",           &shipment::carrier,               as_text_fallback),
      field("tracking_code",          &shipment::tracking_code,         as_text),
      field("carrier_url",            &shipment::tracking_url,          as_text),
      field("status",                 &shipment::status_raw,            as_text),
      field("status_detail",          &shipment::status_detail,         as_text),
      field("estimated_delivered_at", &shipment::estimated_delivery_at, carrier_time),
      field("delivered_at",           &shipment::delivered_at,          carrier_time),
      field("is_return",              &shipment::return_flag,           as_bool),
      field("scan_events",            &shipment::scan_events,           as_array<scan_event_map>));
};

struct customer_map {
  using target = customer;
  static constexpr auto fields = hana::make_tuple(
      field("id",         &customer::customer_id, as_id),
      field("email",      &customer::email,       as_text),
      field("first_name", &customer::first_name,  as_text),
      field("last_name",  &customer::last_name,   as_text));
};

struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",         &order::remote_id,         as_id),
      field("number",     &order::order_number,      as_id),
      field("created_at", &order::remote_created_at, record_time),
      field("updated_at", &order::remote_updated_at, record_time),
      field("customer",   &order::customer,          as_object<customer_map>),
      field("email",      &order_source::email,      as_text),
      field("shipments",  &order::shipments,         as_array<shipment_map>));
};
// clang-format on

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

// A shipment without scan events: Malomo's own status is all there is. The
// outcome matches what the deriver makes of events: deliveredAt goes with
// `delivered` only, and a delivered return is back at the sender.
inline void settle_without_events(shipment& s) noexcept {
  s.status = status_for(s.status_raw);
  if (s.status == shipment_status::delivered && s.return_flag) {
    s.status = shipment_status::return_to_sender;
    s.status_detail = "delivered_to_sender";
  }
  if (s.status != shipment_status::delivered) s.delivered_at.reset();
}

// A shipment with scan events: left for the deriver, with nothing of
// Malomo's own conclusions in the members it derives.
inline void leave_to_deriver(shipment& s) noexcept {
  s.status = shipment_status::unknown;
  s.status_detail = {};
  s.delivered_at.reset();
}

struct order_rules {
  static void reset(order_source& s) {
    auto shipments = std::move(s.shipments);
    s = order_source{};
    // Keep the vector's memory: steady-state conversion allocates less.
    shipments.clear();
    s.shipments = std::move(shipments);
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    s.platform = platform::malomo;
    if (s.remote_id.empty()) return missing_id(w, "id");
    s.id = w.arena().concat("malomo:", s.remote_id);

    if (s.customer && s.customer->email.empty()) s.customer->email = s.email;

    for (shipment& sh : s.shipments) {
      if (sh.scan_events.empty()) {
        settle_without_events(sh);
      } else {
        leave_to_deriver(sh);
      }
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::malomo
