// UPS activity status codes (`activity[].status.code`, two characters) and
// activity status types (`activity[].status.type`, one letter) -> status and
// status_detail.
//
// Facts and sources: ../shared/research/tracking.md §4.2 (real activities in
// Shopify/active_shipping UPS fixtures; UPS-API/api-documentation Tracking.yaml)
// and §3.3 (karrio's UPS table); UPS's own code table as posted in
// UPS-API/api-documentation issue #7 (columns: code, category such as
// IN TRANSIT / UPDATE / DELAY / OUT FOR DELIVERY, and description), used here
// for EJ, ER, EU, EG, CC, C5, 76, 7M, 7V, 7W, LX.
//
// A source should look the two-character code up first and fall back to the
// one-letter type only when the code is unknown: the type is coarse (an
// out-for-delivery activity has type I).
//
// Choices, each tested in tests/carriers_test.cpp:
// - Out for delivery is OF / OT (type I). DS is "Destination Scan"; old UPS
//   responses also sent DS with the description "OUT FOR DELIVERY"
//   (active_shipping out_for_delivery_shipment.xml). The code decides here, so
//   such an event reads in_transit; the delivery scan that follows fixes the
//   shipment status either way.
// - Type X and the X codes are exceptions, but most are delays or updates
//   (UPS's table files them under UPDATE or DELAY): in_transit with the
//   reason in the detail (delayed, weather_delay, attempted_delivery,
//   delivery_exception), never failure.
// - DM "A guaranteed service refund has been submitted" comes *after*
//   delivery and is no stage change: unknown/status_update, so it never
//   counts (tracking.hpp rule 4).
// - karrio labels CA as cancelled and CC as delivery_failed; UPS's own table
//   files CA (small package) as an UPDATE exception and CC as a DELAY. UPS's
//   table wins: CA is in_transit/delivery_exception, CC in_transit/delayed.
// - karrio's delivery_failed codes RF, UR, UF are not in any UPS document we
//   retrieved; karrio uses "delivery_failed" for retried attempts too, so they
//   are in_transit/delivery_exception rather than terminal.
// - MV (manifest / billing information voided) is cancelled: the label was
//   voided. karrio lists it as pending.
// - DD/DO are freight container-freight-station deliveries, not deliveries to
//   the recipient (practitioner reports in the research): in_transit.
//   karrio lists DD as pending.
#pragma once

#include "ordernorm/detail/carrier_rules.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::carriers::ups {

using enum ordernorm::shipment_status;

// clang-format off
inline constexpr ordernorm::detail::event_rule rules[] = {
    // Activity status types (one letter): the fallback when the code is unknown.
    {"M",  pre_transit,          "label_created"},                       // type M: Billing Information Received
    {"P",  in_transit,           "received_at_origin_facility"},         // type P: Pickup
    {"I",  in_transit,           "in_transit"},                          // type I: In transit (incl. OFD scans)
    {"D",  delivered,            "arrived_at_destination"},              // type D: Delivered
    {"X",  in_transit,           "delivery_exception"},                  // type X: Exception (mostly delays)
    {"U",  unknown,              "status_update"},                       // type U: Update (karrio comment)

    // Label and billing information: UPS does not have the package yet.
    {"MP", pre_transit,          "label_created"},                       // Billing Information Received
    {"OA", pre_transit,          "label_created"},                       // karrio: pending
    {"XD", pre_transit,          "label_created"},                       // karrio: pending
    {"MV", cancelled,            "cancelled"},                           // Manifest (billing information) voided

    // Pickup and origin.
    {"OR", in_transit,           "received_at_origin_facility"},         // Origin Scan
    {"PU", in_transit,           "received_at_origin_facility"},         // Pickup Scan
    {"OC", in_transit,           "received_at_origin_facility"},         // karrio: picked_up
    {"OG", in_transit,           "received_at_origin_facility"},         // karrio: picked_up

    // Moving through the network.
    {"DP", in_transit,           "departed_facility"},                   // Departure Scan
    {"AR", in_transit,           "arrived_at_facility"},                 // Arrival Scan
    {"AF", in_transit,           "arrived_at_facility"},                 // Arrived at Facility (karrio: in_transit)
    {"AA", in_transit,           "in_transit"},                          // karrio: in_transit
    {"AL", in_transit,           "in_transit"},                          // karrio: in_transit
    {"AP", in_transit,           "in_transit"},                          // karrio: in_transit
    {"IH", in_transit,           "in_transit"},                          // karrio: in_transit
    {"LC", in_transit,           "in_transit"},                          // Location Scan
    {"IP", in_transit,           "arrived_at_destination"},              // Import Scan (in the destination country)
    {"ER", in_transit,           "in_transit"},                          // Clearance in Progress (IN TRANSIT)
    {"DS", in_transit,           "received_at_destination_facility"},    // Destination Scan (see the OFD note above)
    {"LX", in_transit,           "transferred_to_destination_carrier"},  // Transferred to Local Post Office
    {"DD", in_transit,           "arrived_at_destination"},              // Freight: at destination CFS
    {"DO", in_transit,           "in_transit"},                          // Freight: delivered to origin CFS
    {"EG", in_transit,           "address_correction"},                  // Delivery Address Changed
    {"EU", in_transit,           "awaiting_information"},                // Clearance Information Required

    // Delays and updates: exceptions that are not failures.
    {"2Y", in_transit,           "delayed"},                             // Delay; postponed one business day
    {"CC", in_transit,           "delayed"},                             // Delay (karrio: delivery_failed)
    {"DY", in_transit,           "delayed"},                             // karrio: delivery_delayed
    {"DE", in_transit,           "delayed"},                             // karrio: delivery_delayed
    {"SD", in_transit,           "delayed"},                             // karrio: delivery_delayed
    {"EJ", in_transit,           "weather_delay"},                       // Adverse Weather May Cause Delay
    {"C5", in_transit,           "weather_delay"},                       // Delay: Emergency Situation or Severe Weather
    {"7V", in_transit,           "weather_delay"},                       // Delay: Emergency Situation or Severe Weather
    {"7W", in_transit,           "weather_delay"},                       // Delay: Severe Weather
    {"7M", in_transit,           "held"},                                // Held for Future Delivery
    {"HX", in_transit,           "held"},                                // karrio: on_hold
    {"HD", in_transit,           "held"},                                // karrio: on_hold
    {"HI", in_transit,           "held"},                                // karrio: on_hold
    {"HS", in_transit,           "held"},                                // karrio: on_hold
    {"HU", in_transit,           "held"},                                // karrio: on_hold
    {"NH", in_transit,           "held"},                                // karrio: on_hold
    {"EX", in_transit,           "delivery_exception"},                  // Exception (karrio: on_hold)
    {"CA", in_transit,           "delivery_exception"},                  // Exception (UPS table; karrio: cancelled)
    {"RF", in_transit,           "delivery_exception"},                  // karrio: delivery_failed
    {"UR", in_transit,           "delivery_exception"},                  // karrio: delivery_failed
    {"UF", in_transit,           "delivery_exception"},                  // karrio: delivery_failed
    {"48", in_transit,           "attempted_delivery"},                  // Receiver not available; second attempt

    // Last mile.
    {"OF", out_for_delivery,     "out_for_delivery"},                    // Out for Delivery / Loaded on Vehicle
    {"OT", out_for_delivery,     "out_for_delivery"},                    // Out for Delivery
    {"OD", out_for_delivery,     "out_for_delivery"},                    // karrio: out_for_delivery
    {"DL", out_for_delivery,     "out_for_delivery"},                    // karrio: out_for_delivery
    {"76", out_for_delivery,     "out_for_delivery"},                    // Out for Delivery Today
    {"KB", delivered,            "arrived_at_destination"},              // Delivered (type D)
    {"FS", delivered,            "arrived_at_destination"},              // Delivered (type D)
    {"F4", delivered,            "arrived_at_destination"},              // karrio: delivered

    // Held for the receiver to collect (UPS Access Point, will call).
    {"RP", available_for_pickup, "arrived_at_pickup_location"},          // karrio: ready_for_pickup
    {"UU", available_for_pickup, "arrived_at_pickup_location"},          // karrio: ready_for_pickup
    {"AC", available_for_pickup, "arrived_at_pickup_location"},          // karrio: ready_for_pickup
    {"WC", available_for_pickup, "arrived_at_pickup_location"},          // karrio: ready_for_pickup

    // Returns.
    {"RS", return_to_sender,     "return"},                              // Returned to Shipper
    {"RT", return_to_sender,     "return"},                              // karrio: return_to_sender
    {"RH", return_to_sender,     "return"},                              // karrio: return_to_sender
    {"RU", return_to_sender,     "return"},                              // karrio: return_to_sender

    // Cancelled.
    {"VD", cancelled,            "cancelled"},                           // Voided (karrio: cancelled)
    {"CN", cancelled,            "cancelled"},                           // karrio: cancelled
    {"CV", cancelled,            "cancelled"},                           // karrio: cancelled

    // Informational, after the fact: never a stage change.
    {"DM", unknown,              "status_update"},                       // Guaranteed service refund (after delivery)
};
// clang-format on

}  // namespace ordernorm::mappings::carriers::ups
