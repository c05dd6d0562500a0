// USPS event codes (Web Tools `EventCode`, v3 `eventCode`) -> status and
// status_detail.
//
// Facts and sources: ../shared/research/tracking.md §4.1 (the USPS Product
// Tracking "Customer Daily Extract" event-code appendix; the code names of
// marlencrabapple/USPS-WebTools-Tracking Codes.pm @ 27117ce1; Shopify
// active_shipping usps.rb ATTEMPTED_DELIVERY_CODES, which adds H0).
//
// Codes are 2 characters and "01".."09" are distinct codes: leading zeros are
// never stripped. Lookup trims surrounding ASCII whitespace and ignores case
// (src/carriers.cpp).
//
// Choices, each tested in tests/carriers_test.cpp:
// - 07 "Arrival at Unit" is in_transit/arrived_at_facility. eHub documents 07
//   as out_for_delivery; AfterShip (InTransit_003) and EasyPost ("Arrived at
//   Post Office" -> arrived_at_facility) do not. We follow the latter: the
//   unit is the delivery post office, the parcel is not on a route yet, and
//   USPS has its own out-for-delivery code (OF).
// - OA "Accepted at USPS Origin Facility" is in_transit/
//   received_at_origin_facility (AfterShip InTransit_002). eHub files it
//   under "Manifested"; we do not, because the name and the USPS extract say
//   the item was physically accepted, i.e. the first carrier possession.
// - DX "Delivery Status Not Updated" is in_transit/delayed. The research
//   note guessed "delivered, unconfirmed"; USPS shows DX with the text "The
//   delivery status of your item has not been updated ... it may arrive later
//   than expected", which is a delay notice, not a delivery. Calling it
//   delivered would also be sticky (delivered holds against later events).
// - A failed attempt USPS will retry (02, 30, 51-56, H0) is in_transit/
//   attempted_delivery, never failure (tracking.hpp rule 4).
// - 04 Refused and the return reasons 09, 21-29, 31, 44 are
//   return_to_sender: USPS returns the item itself. The detail says why where
//   the vocabulary has a word for it (refused, recipient_moved,
//   pickup_missed), else `return`.
// - 05 "Undeliverable as Addressed" is failure/delivery_exception: USPS will
//   not deliver it as addressed; the return leg follows with its own code
//   (09, 21-31), and a failure is not sticky if a delivery follows after all.
// - 80-82 are the *first-mile* shipping-partner events ("Picked Up by Shipping
//   Partner, USPS Awaiting Item"): a carrier has the parcel, USPS does not
//   yet, so they are in_transit with origin-side details, not the
//   transferred_to_destination_carrier the research table suggested. 42 (USPS
//   hands the item to a partner) and 83 (partner tenders it to USPS) are the
//   handoffs.
// - 10 "Processed" is used for both arrival and departure (AfterShip sample
//   maps the same code to InTransit_003 and _007), so its detail stays the
//   neutral in_transit.
#pragma once

#include "ordernorm/detail/carrier_rules.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::carriers::usps {

using enum ordernorm::shipment_status;

// clang-format off
inline constexpr ordernorm::detail::event_rule rules[] = {
    // Label and manifest: USPS does not have the item yet.
    {"GX", pre_transit,          "label_created"},                       // Shipping Label Created, USPS Awaiting Item
    {"MA", pre_transit,          "label_created"},                       // Manifest Ack. / Pre-Shipment Info Sent
    {"89", pre_transit,          "label_created"},                       // Merchant order receipt (eHub: Manifested)
    {"GC", pre_transit,          "status_update"},                       // Return receipt associated (eHub: Manifested)

    // Acceptance: first USPS possession.
    {"03", in_transit,           "received_at_origin_facility"},         // Accept or Pickup (USPS has the item)
    {"OA", in_transit,           "received_at_origin_facility"},         // Accepted at USPS Origin Facility (see above)
    {"UA", in_transit,           "received_at_origin_facility"},         // Accepted at USPS Facility
    {"TM", in_transit,           "received_at_origin_facility"},         // Truck manifest: "Shipment Acceptance"
    {"PA", in_transit,           "received_at_origin_facility"},         // Passive acceptance: "Shipment Acceptance"
    {"AD", in_transit,           "received_at_destination_facility"},    // Acceptance at destination (drop-ship)

    // First-mile shipping partner (consolidator), before USPS has the item.
    {"80", in_transit,           "received_at_origin_facility"},         // Picked Up by Shipping Partner
    {"81", in_transit,           "arrived_at_facility"},                 // Arrived Shipping Partner Facility
    {"82", in_transit,           "departed_facility"},                   // Departed Shipping Partner Facility
    {"83", in_transit,           "transferred_to_destination_carrier"},  // Tendered to Postal Service (by the partner)

    // Moving through the network.
    {"10", in_transit,           "in_transit"},                          // Processed (arrival or departure)
    {"A1", in_transit,           "arrived_at_facility"},                 // Arrived at USPS Regional Facility
    {"T1", in_transit,           "departed_facility"},                   // Departed USPS Regional Facility
    {"EF", in_transit,           "departed_facility"},                   // Departed (USPS) Sort Facility
    {"SF", in_transit,           "departed_origin_facility"},            // Departed Post Office
    {"TL", in_transit,           "in_transit"},                          // In Transit to Next Facility (no location)
    {"19", in_transit,           "arrived_at_facility"},                 // DC eVS Arrive
    {"41", in_transit,           "arrived_at_facility"},                 // Received at Opening Unit (Open & Distribute)
    {"07", in_transit,           "arrived_at_facility"},                 // Arrival at Unit (eHub: OFD; see above)
    {"PC", in_transit,           "status_update"},                       // Sorting / Processing Complete
    {"42", in_transit,           "transferred_to_destination_carrier"},  // USPS Handoff to Shipping Partner
    {"06", in_transit,           "address_correction"},                  // Forwarded
    {"08", in_transit,           "missorted"},                           // Missent
    {"15", in_transit,           "missorted"},                           // Mis-shipped
    {"71", in_transit,           "delayed"},                             // Rescheduled to Next Delivery Day
    {"DX", in_transit,           "delayed"},                             // Delivery Status Not Updated (late)

    // Last mile.
    {"OF", out_for_delivery,     "out_for_delivery"},                    // Out for Delivery
    {"01", delivered,            "arrived_at_destination"},              // Delivered (Mailbox, Parcel Locker, ...)
    {"17", delivered,            "arrived_at_destination"},              // Picked Up By Agent
    {"43", delivered,            "arrived_at_destination"},              // Picked Up (by the recipient, at the PO)

    // Failed attempts USPS will retry: a notice is left.
    {"02", in_transit,           "attempted_delivery"},                  // Attempted / Notice Left
    {"52", in_transit,           "attempted_delivery"},                  // Notice Left
    {"53", in_transit,           "attempted_delivery"},                  // Notice Left (Receptacle Blocked)
    {"54", in_transit,           "attempted_delivery"},                  // Notice Left (Receptacle Full/Oversized)
    {"55", in_transit,           "attempted_delivery"},                  // Notice Left (No Secure Location Available)
    {"56", in_transit,           "attempted_delivery"},                  // Notice Left (No Authorized Recipient)
    {"H0", in_transit,           "attempted_delivery"},                  // Attempted delivery (active_shipping)
    {"30", in_transit,           "attempted_delivery"},                  // Delivery Attempted - No Access
    {"51", in_transit,           "attempted_delivery"},                  // Business Closed

    // Held for the recipient to collect.
    {"14", available_for_pickup, "arrived_at_pickup_location"},          // Arrival at Pickup Point
    {"16", available_for_pickup, "arrived_at_pickup_location"},          // Available for Pickup

    // Returns: USPS sends the item back.
    {"04", return_to_sender,     "refused"},                             // Refused
    {"09", return_to_sender,     "return"},                              // Return to Sender
    {"21", return_to_sender,     "return"},                              // No Such Number
    {"22", return_to_sender,     "return"},                              // Insufficient Address
    {"23", return_to_sender,     "recipient_moved"},                     // Moved, Left No Address
    {"24", return_to_sender,     "return"},                              // Forward Expired
    {"25", return_to_sender,     "return"},                              // Addressee Unknown
    {"26", return_to_sender,     "return"},                              // Vacant
    {"27", return_to_sender,     "pickup_missed"},                       // Unclaimed
    {"28", return_to_sender,     "return"},                              // Deceased
    {"29", return_to_sender,     "return"},                              // Other (return reason)
    {"31", return_to_sender,     "pickup_missed"},                       // Not Picked Up
    {"44", return_to_sender,     "return"},                              // Customer Recall

    // Terminal.
    {"05", failure,              "delivery_exception"},                  // Undeliverable as Addressed
    {"11", failure,              "lost"},                                // Dead Letter
};
// clang-format on

}  // namespace ordernorm::mappings::carriers::usps
