// DHL Shipment Tracking - Unified API (GET api-eu.dhl.com/track/shipments
// ?trackingNumber=...) -> one shipment per `shipments[]` entry, with scan events.
//
// Facts and sources: ../shared/research/tracking.md §4.4 (statusCode
// vocabulary, returnFlag) and §6; DHL's OpenAPI "Shipment Tracking - Unified"
// (TrackingShipments, TrackingShipment, TrackingShipmentStatus / Event,
// SecuredPlace / SecuredAddress); DHL developer support articles 47001197243
// (status codes), 47001251142 and 47001251916 (returnFlag).
//
// Choices this mapping makes, each tested in tests/dhl_source_test.cpp or a
// golden case under tests/golden_tracking/dhl/:
// - carrier is "DHL" for every division: `service` (express, parcel-de,
//   ecommerce, ...) names the division, not another carrier, and the event
//   vocabulary (statusCode) is the same Unified one for all of them; the
//   deriver reads DHL's table by this name. trackingCode is `id` (a string,
//   or an integer in DHL's own example); trackingUrl is `serviceUrl`.
// - statusRaw is `status.statusCode` (pre-transit, transit, delivered,
//   failure, unknown). status, statusDetail and deliveredAt are the deriver's.
// - `returnFlag: true` (the parcel is on its way, or back, to the sender) is
//   shipment::return_flag: a delivery then means delivered back to the sender.
// - Events come newest first and are reversed. Per event: statusCode ->
//   carrierCode (DHL vocabulary, mapped by mappings/carriers/dhl.hpp, not
//   taken as our status), `description` -> description (else the `status`
//   title), `remark` -> message. source is "DHL".
// - Timestamps come with an offset (an instant) or without one (the local
//   time at the scan, e.g. parcel-de "2023-10-26T12:08:00"): kept as given and
//   never shifted.
// - A shipment without `events` has its `status` (the same object DHL uses
//   for an event: the latest one) as its only event, so that it is derived.
// - Location: address {addressLocality -> city, addressRegion -> region,
//   postalCode, countryCode}, as given (addressLocality may be "Germany" or
//   "LEIPZIG - GERMANY"); all empty is a null location.
// - estimatedDeliveryAt: `estimatedTimeOfDelivery`, else the end of
//   `estimatedDeliveryTimeFrame`.
// - An error body (RFC 7807: `{"title", "detail", "status": 404, ...}`; DHL
//   answers "No result found" so, not with an empty list) is rejected with
//   DHL's status, title and detail, so that it shows in the rejects instead
//   of vanishing (code source_error, as for FedEx's: DHL answered with an
//   error instead of data). A response with no shipment is rejected too, as
//   wrong_type (the object this mapping reads is not there).
// - --from auto: `possibleAdditionalShipmentsUrl` (sent when the number may
//   exist in other DHL services, i.e. when the query names no service) is
//   DHL's own marker. The root `shipments` is no marker, since orders have
//   one too (Malomo, SFCC); but when no marker decides, a root with
//   `shipments` and no key that DHL's response root lacks (the page links
//   url, prevUrl, nextUrl, firstUrl, lastUrl are DHL's) is taken for DHL by
//   shape (src/track.cpp, `detect`): no other tracking input has a root
//   `shipments`, and an order has keys of its own. The error body has
//   neither and needs --from dhl.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/tracking_converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::dhl_tracking {

using namespace ordernorm::detail;  // field, as_text, as_time, ...
namespace hana = boost::hana;

inline constexpr std::string_view carrier_name = "DHL";

// Top-level keys that only a DHL Unified response has, for --from auto.
inline constexpr std::array<std::string_view, 1> marker_keys{{"possibleAdditionalShipmentsUrl"}};

// ---------------------------------------------------------------------------
// Source-side scratch.

struct event_source {
  opt_time timestamp;
  place_source location;
  text status_code;
  text status;
  text description;
  text remark;
};

struct time_frame_source {
  opt_time estimated_through;
};

struct shipment_source {
  text id;
  text service_url;
  bool return_flag = false;
  event_source status;
  opt_time estimated_time_of_delivery;
  time_frame_source estimated_delivery_time_frame;
  std::vector<event_source> events;
};

struct response_source {
  std::vector<shipment_source> shipments;
  // The error body (application/problem+json).
  text title;
  text detail;
  text status;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto carrier_time = as_time<naive_time::local>;  // wall-clock, kept

// clang-format off
struct address_map {
  using target = location;
  static constexpr auto fields = hana::make_tuple(
      field("addressLocality", &location::city,         as_text),
      field("addressRegion",   &location::region,       as_text),
      field("postalCode",      &location::postal_code,  as_text),
      field("countryCode",     &location::country_code, as_text));
};

struct event_map {
  using target = event_source;
  static constexpr auto fields = hana::make_tuple(
      field("timestamp",   &event_source::timestamp,   carrier_time),
      field("location",    &event_source::location,    as_object<place_map<address_map>>),
      field("statusCode",  &event_source::status_code, as_text),
      field("status",      &event_source::status,      as_text),
      field("description", &event_source::description, as_text),
      field("remark",      &event_source::remark,      as_text));
};

struct time_frame_map {
  using target = time_frame_source;
  static constexpr auto fields = hana::make_tuple(
      field("estimatedThrough", &time_frame_source::estimated_through, carrier_time));
};

struct shipment_map {
  using target = shipment_source;
  static constexpr auto fields = hana::make_tuple(
      field("id",                         &shipment_source::id,                         as_id),
      field("serviceUrl",                 &shipment_source::service_url,                as_text),
      field("returnFlag",                 &shipment_source::return_flag,                as_bool),
      field("status",                     &shipment_source::status,                     as_object<event_map>),
      field("estimatedTimeOfDelivery",    &shipment_source::estimated_time_of_delivery, carrier_time),
      field("estimatedDeliveryTimeFrame", &shipment_source::estimated_delivery_time_frame,
                                          as_object<time_frame_map>),
      field("events",                     &shipment_source::events,                     as_array<event_map>));
};

struct response_map {
  using target = response_source;
  static constexpr auto fields = hana::make_tuple(
      field("shipments", &response_source::shipments, as_array<shipment_map>),
      field("title",     &response_source::title,     as_text),
      field("detail",    &response_source::detail,    as_text),
      field("status",    &response_source::status,    as_id));
};
// clang-format on

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

inline void fill_event(scan_event& e, const event_source& s) {
  e.scanned_at = s.timestamp;
  e.carrier_code = s.status_code;
  e.description = !s.description.empty() ? s.description : s.status;
  e.message = s.remark;
  e.location = known_location(s.location.address);
  e.source = carrier_name;
}

inline bool has_event(const event_source& s) {
  return s.timestamp || !s.status_code.empty() || !s.status.empty() || !s.description.empty();
}

struct response_rules {
  static void reset(response_source& s) {
    auto shipments = std::move(s.shipments);
    s = response_source{};
    shipments.clear();  // keep the memory for the next document
    s.shipments = std::move(shipments);
  }

  template <class Walker>
  static error_code finish(Walker& w, response_source& s, std::vector<shipment>& out) {
    if (s.shipments.empty()) {
      if (s.title.empty() && s.detail.empty() && s.status.empty()) {
        return w.fail(error_code::wrong_type, w.record_begin(),
                      "not a DHL tracking response: no shipments");
      }
      return w.fail(error_code::source_error, w.record_begin(),
                    carrier_error_message("DHL answered with an error, not tracking data:",
                                          {s.status, s.title, s.detail}));
    }
    for (const shipment_source& src : s.shipments) {
      shipment& sh = out.emplace_back();
      sh.carrier = carrier_name;
      sh.tracking_code = src.id;
      sh.tracking_url = src.service_url;
      sh.status_raw = src.status.status_code;
      sh.estimated_delivery_at = src.estimated_time_of_delivery
                                     ? src.estimated_time_of_delivery
                                     : src.estimated_delivery_time_frame.estimated_through;
      sh.return_flag = src.return_flag;
      sh.scan_events.reserve(src.events.empty() ? 1 : src.events.size());
      for (auto it = src.events.rbegin(); it != src.events.rend(); ++it) {  // newest first
        fill_event(sh.scan_events.emplace_back(), *it);
      }
      if (src.events.empty() && has_event(src.status)) {
        fill_event(sh.scan_events.emplace_back(), src.status);
      }
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::dhl_tracking
