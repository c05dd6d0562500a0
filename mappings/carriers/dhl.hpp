// DHL event codes -> status and status_detail. One table for two code sets
// that cannot collide:
// - the Unified Tracking API `statusCode` (pre-transit, transit, delivered,
//   failure, unknown), on the shipment and on each event;
// - DHL Express checkpoint codes (XML-PI `EventCode`, MyDHL `typeCode`), two
//   letters.
//
// Facts and sources: ../shared/research/tracking.md §4.4 (DHL developer FAQ
// for the Unified statusCode values and the returnFlag rule) and §3.3
// (karrio's DHL Express and DHL Unified tables); the checkpoint code names
// (AD Agreed delivery ... WC With delivering courier) are DHL Express's list
// as reproduced in public XML-PI clients.
//
// Choices, each tested in tests/carriers_test.cpp:
// - Unified `failure` is failure/failure: DHL uses it for undeliverable and
//   for returned shipments alike; a return is recognised from `returnFlag`
//   by the deriver, not from this code. Unified `unknown` says nothing.
// - Failed attempts DHL retries (NH Not home, CA Closed on arrival, ND Not
//   delivered, MD Missed delivery cycle) are in_transit with the reason in
//   the detail. karrio calls several of these delivery_failed.
// - BA Bad address and CM Customer moved are in_transit too (awaiting
//   information / recipient_moved): DHL contacts the parties and either
//   delivers or returns, and the return has its own code (RT).
// - DM Damaged is in_transit/damaged: DHL records the damage and carries on
//   (DD is "Delivered damaged"); destruction has its own code (DS).
// - RD Refused delivery is failure/refused, not return_to_sender: DHL holds
//   the shipment for the shipper's instructions, and RT marks the actual
//   return. failure is not sticky, return_to_sender would be.
// - karrio lists CC among in_transit and DP / IR among failures and delays;
//   DHL's code names are "Awaiting cnee collection" (available_for_pickup),
//   "Denied parties" (a compliance hold: in_transit/held) and "Incorrect
//   route" (in_transit/missorted).
// - OR and IT are karrio's codes (picked_up, in_transit) and are not in DHL's
//   list; PO is "departing origin" in karrio's 2009 DHL fixture.
#pragma once

#include "ordernorm/detail/carrier_rules.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::carriers::dhl {

using enum ordernorm::shipment_status;

// clang-format off
inline constexpr ordernorm::detail::event_rule rules[] = {
    // Unified Tracking API statusCode.
    {"pre-transit", pre_transit,          "label_created"},                       // Awaiting shipment
    {"transit",     in_transit,           "in_transit"},                          // Accepted or picked up, on the way
    {"delivered",   delivered,            "arrived_at_destination"},              // Delivered (see returnFlag)
    {"failure",     failure,              "failure"},                             // Could not be delivered, or returned
    {"unknown",     unknown,              "unknown"},                             // No simplified status available

    // Express: pickup and origin.
    {"PU",          in_transit,           "received_at_origin_facility"},         // Shipment pick up
    {"SA",          in_transit,           "received_at_origin_facility"},         // Shipment acceptance
    {"OR",          in_transit,           "received_at_origin_facility"},         // karrio: picked_up
    {"PO",          in_transit,           "departed_origin_facility"},            // Departing origin (karrio fixture)
    {"RW",          in_transit,           "in_transit"},                          // Weigh & dimension
    {"PL",          in_transit,           "in_transit"},                          // Processed at location

    // Express: moving through the network.
    {"AF",          in_transit,           "arrived_at_facility"},                 // Arrived facility
    {"CI",          in_transit,           "arrived_at_facility"},                 // Facility check-in
    {"DF",          in_transit,           "departed_facility"},                   // Depart facility
    {"AR",          in_transit,           "received_at_destination_facility"},    // Arrival in delivery facility
    {"IT",          in_transit,           "in_transit"},                          // karrio: in_transit
    {"TR",          in_transit,           "in_transit"},                          // Record of transfer
    {"SM",          in_transit,           "in_transit"},                          // Scheduled movement
    {"CU",          in_transit,           "in_transit"},                          // Confirm uplift
    {"LV",          in_transit,           "in_transit"},                          // Load vehicle
    {"UV",          in_transit,           "in_transit"},                          // Unload vehicle
    {"HN",          in_transit,           "in_transit"},                          // Handover
    {"FD",          in_transit,           "in_transit"},                          // Forward destination
    {"TP",          in_transit,           "transferred_to_destination_carrier"},  // Forwarded to 3rd party
    {"PD",          in_transit,           "in_transit"},                          // Partial delivery (rest on the way)

    // Express: customs.
    {"IC",          in_transit,           "in_transit"},                          // In clearance processing
    {"ES",          in_transit,           "in_transit"},                          // Entry submitted
    {"BR",          in_transit,           "in_transit"},                          // Broker release
    {"CR",          in_transit,           "in_transit"},                          // Clearance release
    {"CD",          in_transit,           "customs_hold"},                        // Controllable clearance delay
    {"UD",          in_transit,           "customs_hold"},                        // Uncontrollable clearance delay
    {"BL",          in_transit,           "customs_hold"},                        // Bond location
    {"HP",          in_transit,           "held_for_payment"},                    // Held for payment (duties and taxes)

    // Express: holds, delays and exceptions DHL works through.
    {"OH",          in_transit,           "held"},                                // On hold
    {"SS",          in_transit,           "held"},                                // Shipment stopped
    {"ST",          in_transit,           "held"},                                // Shipment intercept
    {"SI",          in_transit,           "held"},                                // Shipment inspection
    {"HI",          in_transit,           "held"},                                // Lodged into held inventory control
    {"HO",          in_transit,           "in_transit"},                          // Out of held inventory control
    {"DP",          in_transit,           "held"},                                // Denied parties (compliance hold)
    {"TD",          in_transit,           "delayed"},                             // Transport delay
    {"NA",          in_transit,           "delayed"},                             // Not arrived
    {"MD",          in_transit,           "delayed"},                             // Missed delivery cycle
    {"IR",          in_transit,           "missorted"},                           // Incorrect route
    {"MS",          in_transit,           "missorted"},                           // Mis-sort
    {"MC",          in_transit,           "missorted"},                           // Miscode
    {"BA",          in_transit,           "awaiting_information"},                // Bad address
    {"CM",          in_transit,           "recipient_moved"},                     // Customer moved
    {"DM",          in_transit,           "damaged"},                             // Damaged
    {"NH",          in_transit,           "attempted_delivery"},                  // Not home
    {"CA",          in_transit,           "attempted_delivery"},                  // Closed on arrival
    {"ND",          in_transit,           "delivery_exception"},                  // Not delivered

    // Express: last mile.
    {"WC",          out_for_delivery,     "out_for_delivery"},                    // With delivering courier
    {"OK",          delivered,            "arrived_at_destination"},              // Delivery
    {"DD",          delivered,            "arrived_at_destination"},              // Delivered damaged
    {"CC",          available_for_pickup, "arrived_at_pickup_location"},          // Awaiting cnee collection

    // Express: returns and terminal events.
    {"RT",          return_to_sender,     "return"},                              // Returned to consignor
    {"RD",          failure,              "refused"},                             // Refused delivery
    {"DS",          failure,              "failure"},                             // Destroyed / disposal

    // Express: notices, never a stage change.
    {"AD",          unknown,              "status_update"},                       // Agreed delivery
    {"BN",          unknown,              "status_update"},                       // Customer broker notified
    {"DI",          unknown,              "status_update"},                       // Duty invoice
    {"IA",          unknown,              "status_update"},                       // Image available (proof of delivery)
    {"PY",          unknown,              "status_update"},                       // Payment
    {"RR",          unknown,              "status_update"},                       // Response received
    {"SC",          unknown,              "status_update"},                       // Service changed
    {"TI",          unknown,              "status_update"},                       // Trace initiated
    {"TT",          unknown,              "status_update"},                       // Trace terminated
    {"CS",          unknown,              "status_update"},                       // Closed shipment
};
// clang-format on

}  // namespace ordernorm::mappings::carriers::dhl
