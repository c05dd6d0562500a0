// FedEx scan event codes (`scanEvents[].eventType`, `latestStatusDetail.code`,
// and the `derivedStatusCode` FedEx adds per scan) -> status and
// status_detail.
//
// Facts and sources: ../shared/research/tracking.md §4.3 (Shopify
// active_shipping fedex.rb, "as described in the FedEx Tracking Service WSDL
// Guide"; the real response in shared/conformance/tracking/
// fedex-duplicate-trackresults-delivered.json) and §3.3 (karrio's FedEx table,
// which cites FedEx's "trackingstatuscodes" reference).
//
// Choices, each tested in tests/carriers_test.cpp:
// - DE "Delivery exception" is in_transit/delivery_exception: FedEx retries
//   (the conformance response shows two DE scans, later OD and DL). karrio calls
//   it delivery_failed, but a retried attempt is never failure
//   (tracking.hpp rule 4).
// - SE "Shipment exception" is in_transit/delivery_exception; DY "Delay" and
//   DD "Delivery delay" are in_transit/delayed; CD "Clearance delay" is
//   in_transit/customs_hold (karrio: on_hold).
// - AO / AE ("Shipment arriving On-Time" / "early") are notices, not scans:
//   unknown/status_update, so they never count. Same for CH (location
//   changed), SP (split status), RR (delivery option requested) and the
//   freight vehicle notices DR / DS.
// - AD "At delivery" and ED "Enroute to delivery" are out_for_delivery, as in
//   karrio.
// - HL "Hold at location" and HP "Ready for recipient pickup" are
//   available_for_pickup; HA (hold at location *requested*) is only a
//   request: in_transit/held.
// - EP "Enroute to pickup" is pre_transit/status_update: the courier is on
//   the way, FedEx does not have the package yet (karrio: pending).
// - RD "Return label link expired" is cancelled (karrio): the return label
//   was never used.
#pragma once

#include "ordernorm/detail/carrier_rules.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::carriers::fedex {

using enum ordernorm::shipment_status;

// clang-format off
inline constexpr ordernorm::detail::event_rule rules[] = {
    // Label and shipment information: FedEx does not have the package yet.
    {"OC", pre_transit,          "label_created"},                       // Shipment information sent to FedEx
    {"OX", pre_transit,          "label_created"},                       // Shipment information sent to USPS
    {"MD", pre_transit,          "label_created"},                       // Manifest data (karrio: pending)
    {"IN", pre_transit,          "label_created"},                       // derivedStatusCode: Initiated
    {"EP", pre_transit,          "status_update"},                       // Enroute to pickup

    // Pickup and origin.
    {"PU", in_transit,           "received_at_origin_facility"},         // Picked up
    {"PX", in_transit,           "received_at_origin_facility"},         // Picked up (see details)
    {"AP", in_transit,           "received_at_origin_facility"},         // At pickup
    {"IP", in_transit,           "received_at_origin_facility"},         // In FedEx possession
    {"OF", in_transit,           "received_at_origin_facility"},         // At FedEx origin facility
    {"LO", in_transit,           "departed_origin_facility"},            // Left FedEx origin facility
    {"EO", in_transit,           "in_transit"},                          // Enroute to origin airport

    // Moving through the network.
    {"IT", in_transit,           "in_transit"},                          // In transit
    {"IX", in_transit,           "in_transit"},                          // In transit (see details)
    {"PM", in_transit,           "in_transit"},                          // In progress
    {"TR", in_transit,           "in_transit"},                          // Transfer
    {"AA", in_transit,           "in_transit"},                          // At airport
    {"EA", in_transit,           "in_transit"},                          // Enroute to airport
    {"PF", in_transit,           "in_transit"},                          // Plane in flight
    {"PL", in_transit,           "in_transit"},                          // Plane landed
    {"AR", in_transit,           "arrived_at_facility"},                 // Arrived at FedEx location
    {"AF", in_transit,           "arrived_at_facility"},                 // At local FedEx facility
    {"SF", in_transit,           "arrived_at_facility"},                 // At sort facility
    {"AC", in_transit,           "arrived_at_facility"},                 // At Canada Post facility
    {"DP", in_transit,           "departed_facility"},                   // Departed FedEx location
    {"FD", in_transit,           "received_at_destination_facility"},    // At FedEx destination facility
    {"AX", in_transit,           "transferred_to_destination_carrier"},  // At USPS facility (USPS delivers)
    {"CP", in_transit,           "in_transit"},                          // Clearance in progress
    {"CC", in_transit,           "in_transit"},                          // Cleared customs
    {"CU", in_transit,           "in_transit"},                          // Customs

    // Delays and exceptions FedEx works through: not failures.
    {"DE", in_transit,           "delivery_exception"},                  // Delivery exception (retried)
    {"SE", in_transit,           "delivery_exception"},                  // Shipment exception
    {"DY", in_transit,           "delayed"},                             // Delay
    {"DD", in_transit,           "delayed"},                             // Delivery delay
    {"PY", in_transit,           "delayed"},                             // karrio: delivery_delayed
    {"CD", in_transit,           "customs_hold"},                        // Clearance delay
    {"HA", in_transit,           "held"},                                // Hold at location requested

    // Last mile.
    {"OD", out_for_delivery,     "out_for_delivery"},                    // On FedEx vehicle for delivery
    {"ED", out_for_delivery,     "out_for_delivery"},                    // Enroute to delivery
    {"AD", out_for_delivery,     "out_for_delivery"},                    // At delivery
    {"DL", delivered,            "arrived_at_destination"},              // Delivered

    // Held for the recipient to collect.
    {"HL", available_for_pickup, "arrived_at_pickup_location"},          // Hold at location
    {"HP", available_for_pickup, "arrived_at_pickup_location"},          // Ready for recipient pickup

    // Returns.
    {"RS", return_to_sender,     "return"},                              // Return to shipper
    {"RT", return_to_sender,     "return"},                              // karrio: return_to_sender

    // Cancelled.
    {"CA", cancelled,            "cancelled"},                           // Shipment cancelled
    {"RD", cancelled,            "cancelled"},                           // Return label link expired

    // Notices, not scans: never a stage change.
    {"AO", unknown,              "status_update"},                       // Shipment arriving On-Time
    {"AE", unknown,              "status_update"},                       // Shipment arriving early
    {"CH", unknown,              "status_update"},                       // Location changed
    {"SP", unknown,              "status_update"},                       // Split status (multiple pieces)
    {"RR", unknown,              "status_update"},                       // Delivery option requested
    {"DR", unknown,              "status_update"},                       // Vehicle furnished but not used (freight)
    {"DS", unknown,              "status_update"},                       // Vehicle dispatched (freight)
};
// clang-format on

}  // namespace ordernorm::mappings::carriers::fedex
