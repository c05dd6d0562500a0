// Description / message text -> status and status_detail: the fallback the
// deriver uses when an event has neither its own status nor a known carrier
// code (tracking.hpp rule 1).
//
// Each pattern is a lower-case phrase. It matches where it starts a word of
// the text (the character before it, if any, is not an ASCII letter or
// digit), ignoring ASCII case; the first pattern in table order that matches
// decides (src/carriers.cpp). Matching at word starts keeps "lost" out of
// "almost" and "delivered" out of "undelivered". A pattern that an earlier
// one would always pre-empt is a compile error, so every row can win.
//
// The order is the policy, most specific first:
//  1. Delivered back to the sender: return_to_sender/delivered_to_sender.
//  2. Waiting for the recipient to collect: available_for_pickup, before
//     anything that mentions "delivered" ("delivered to pickup point").
//  3. A conditional ("if this item is unclaimed ... will be returned") is an
//     attempt notice, not a return.
//  4. Not collected / unclaimed: return_to_sender/pickup_missed.
//  5. The *recipient* picking up ("picked up by customer/agent", "picked up
//     at post office", USPS 17/43) is delivered. A bare "picked up" is the
//     carrier collecting from the shipper (FedEx "Picked up", DHL "Shipment
//     picked up", USPS "Picked Up by Shipping Partner"): in_transit, group 12.
//  6. Returns ("return to sender", "returned to shipper", ...) before any
//     "delivered" or attempt wording: a return is sticky.
//  7. Guards: "not delivered", "undeliverable", "will be delivered",
//     "delivered to USPS" (a handoff) are not deliveries.
//  8. Failed attempts the carrier retries: in_transit/attempted_delivery.
//  9. Out for delivery.
// 10. "delivered".
// 11. Lost, damaged, destroyed, refused: failure.
// 12. Carrier pickup and shipping partners (first mile): in_transit.
// 13. Label / pre-shipment wording: pre_transit/label_created.
// 14. Cancelled / voided.
// 15. Holds, customs, weather, delays, address, missort, exceptions: all
//     in_transit with the reason in the detail (a delay is never a failure).
// 16. Movement words: in transit, arrived, departed, processed, accepted.
// Status `unknown` rows ("will be delivered") stop the search without saying
// anything, so a later, looser pattern cannot misread the text.
#pragma once

#include "ordernorm/detail/carrier_rules.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::carriers::description {

using enum ordernorm::shipment_status;

// clang-format off
inline constexpr ordernorm::detail::event_rule rules[] = {
    // 1. Delivered back to the sender.
    {"delivered to sender",                return_to_sender,     "delivered_to_sender"},
    {"delivered to the sender",            return_to_sender,     "delivered_to_sender"},
    {"delivered to shipper",               return_to_sender,     "delivered_to_sender"},
    {"delivered to the shipper",           return_to_sender,     "delivered_to_sender"},
    {"delivered to original sender",       return_to_sender,     "delivered_to_sender"},
    {"delivered to the original sender",   return_to_sender,     "delivered_to_sender"},
    {"delivered, to original sender",      return_to_sender,     "delivered_to_sender"},                 // USPS
    {"delivered back to",                  return_to_sender,     "delivered_to_sender"},
    {"return delivered",                   return_to_sender,     "delivered_to_sender"},

    // 2. Waiting for the recipient to collect.
    {"available for pickup",               available_for_pickup, "arrived_at_pickup_location"},
    {"available for pick up",              available_for_pickup, "arrived_at_pickup_location"},
    {"available for pick-up",              available_for_pickup, "arrived_at_pickup_location"},
    {"ready for pickup",                   available_for_pickup, "arrived_at_pickup_location"},
    {"ready for pick up",                  available_for_pickup, "arrived_at_pickup_location"},
    {"ready for pick-up",                  available_for_pickup, "arrived_at_pickup_location"},
    {"ready for recipient pickup",         available_for_pickup, "arrived_at_pickup_location"},          // FedEx HP
    {"available for collection",           available_for_pickup, "arrived_at_pickup_location"},
    {"ready for collection",               available_for_pickup, "arrived_at_pickup_location"},
    {"awaiting collection",                available_for_pickup, "arrived_at_pickup_location"},
    {"awaiting cnee collection",           available_for_pickup, "arrived_at_pickup_location"},          // DHL CC
    {"awaiting consignee collection",      available_for_pickup, "arrived_at_pickup_location"},
    {"held at post office",                available_for_pickup, "arrived_at_pickup_location"},          // USPS
    {"held at the post office",            available_for_pickup, "arrived_at_pickup_location"},
    {"hold at location",                   available_for_pickup, "arrived_at_pickup_location"},          // FedEx HL
    {"arrival at pickup point",            available_for_pickup, "arrived_at_pickup_location"},          // USPS 14
    {"arrived at pickup point",            available_for_pickup, "arrived_at_pickup_location"},
    {"delivered to pickup point",          available_for_pickup, "arrived_at_pickup_location"},
    {"delivered to the pickup point",      available_for_pickup, "arrived_at_pickup_location"},
    {"delivered to service point",         available_for_pickup, "arrived_at_pickup_location"},
    {"delivered to parcel shop",           available_for_pickup, "arrived_at_pickup_location"},
    {"delivered to parcelshop",            available_for_pickup, "arrived_at_pickup_location"},

    // 3. Conditionals: a notice about what happens later.
    {"if this item is unclaimed",          in_transit,           "attempted_delivery"},                  // USPS
    {"if unclaimed",                       in_transit,           "attempted_delivery"},
    {"if not claimed",                     in_transit,           "attempted_delivery"},
    {"if not picked up",                   in_transit,           "attempted_delivery"},
    {"if not collected",                   in_transit,           "attempted_delivery"},

    // 4. Never collected.
    {"not picked up",                      return_to_sender,     "pickup_missed"},                       // USPS 31
    {"not collected",                      return_to_sender,     "pickup_missed"},
    {"uncollected",                        return_to_sender,     "pickup_missed"},
    {"unclaimed",                          return_to_sender,     "pickup_missed"},                       // USPS 27

    // 5. The recipient (or their agent) collected it.
    {"picked up by agent",                 delivered,            "arrived_at_destination"},              // USPS 17
    {"picked up by customer",              delivered,            "arrived_at_destination"},
    {"picked up by the customer",          delivered,            "arrived_at_destination"},
    {"picked up by recipient",             delivered,            "arrived_at_destination"},
    {"picked up by the recipient",         delivered,            "arrived_at_destination"},
    {"picked up by consignee",             delivered,            "arrived_at_destination"},
    {"picked up by receiver",              delivered,            "arrived_at_destination"},
    {"picked up at post office",           delivered,            "arrived_at_destination"},              // USPS 43
    {"picked up at the post office",       delivered,            "arrived_at_destination"},
    {"picked up at postal facility",       delivered,            "arrived_at_destination"},
    {"individual picked up",               delivered,            "arrived_at_destination"},              // USPS 43
    {"customer picked up",                 delivered,            "arrived_at_destination"},
    {"recipient picked up",                delivered,            "arrived_at_destination"},
    {"collected by customer",              delivered,            "arrived_at_destination"},
    {"collected by the customer",          delivered,            "arrived_at_destination"},
    {"collected by recipient",             delivered,            "arrived_at_destination"},
    {"collected by the recipient",         delivered,            "arrived_at_destination"},
    {"collected by consignee",             delivered,            "arrived_at_destination"},

    // 6. Returns: "return(ed/ing) to (the) sender / shipper".
    {"moved, left no address",             return_to_sender,     "recipient_moved"},                     // USPS 23
    {"to sender",                          return_to_sender,     "return"},
    {"to the sender",                      return_to_sender,     "return"},
    {"to shipper",                         return_to_sender,     "return"},
    {"to the shipper",                     return_to_sender,     "return"},
    {"to original sender",                 return_to_sender,     "return"},
    {"to the original sender",             return_to_sender,     "return"},
    {"to consignor",                       return_to_sender,     "return"},                              // DHL RT
    {"return to origin",                   return_to_sender,     "return"},
    {"returned to origin",                 return_to_sender,     "return"},
    {"being returned",                     return_to_sender,     "return"},

    // 7. Mentions of delivery that are not a delivery ("will be delivered" says nothing).
    {"not delivered",                      in_transit,           "delivery_exception"},
    {"not be delivered",                   in_transit,           "delivery_exception"},
    {"undelivered",                        in_transit,           "delivery_exception"},
    {"misdeliver",                         in_transit,           "delivery_exception"},
    {"undeliverable",                      failure,              "delivery_exception"},                  // USPS 05
    {"be delivered",                       unknown,              "status_update"},
    {"delivered to usps",                  in_transit,           "transferred_to_destination_carrier"},
    {"delivered to post office",           in_transit,           "transferred_to_destination_carrier"},
    {"delivered to the post office",       in_transit,           "transferred_to_destination_carrier"},
    {"delivered to local post office",     in_transit,           "transferred_to_destination_carrier"},
    {"delivered to the local post office", in_transit,           "transferred_to_destination_carrier"},

    // 8. Failed attempts the carrier retries.
    {"delivery attempt",                   in_transit,           "attempted_delivery"},
    {"attempted delivery",                 in_transit,           "attempted_delivery"},
    {"attempted to deliver",               in_transit,           "attempted_delivery"},
    {"notice left",                        in_transit,           "attempted_delivery"},
    {"receiver was not available",         in_transit,           "attempted_delivery"},                  // UPS 48
    {"recipient not available",            in_transit,           "attempted_delivery"},
    {"recipient was not available",        in_transit,           "attempted_delivery"},
    {"customer not available",             in_transit,           "attempted_delivery"},                  // FedEx DE
    {"not home",                           in_transit,           "attempted_delivery"},                  // DHL NH
    {"closed on arrival",                  in_transit,           "attempted_delivery"},                  // DHL CA
    {"business closed",                    in_transit,           "attempted_delivery"},                  // USPS 51
    {"no access",                          in_transit,           "attempted_delivery"},                  // USPS 30
    {"no authorized recipient",            in_transit,           "attempted_delivery"},                  // USPS 56
    {"no secure location",                 in_transit,           "attempted_delivery"},                  // USPS 55
    {"receptacle full",                    in_transit,           "attempted_delivery"},                  // USPS 54
    {"receptacle blocked",                 in_transit,           "attempted_delivery"},                  // USPS 53
    {"unable to deliver",                  in_transit,           "delivery_exception"},

    // 9. Out for delivery.
    {"out for delivery",                   out_for_delivery,     "out_for_delivery"},
    {"vehicle for delivery",               out_for_delivery,     "out_for_delivery"},                    // FedEx OD
    {"delivery vehicle",                   out_for_delivery,     "out_for_delivery"},                    // UPS OF
    {"with delivery courier",              out_for_delivery,     "out_for_delivery"},                    // DHL WC
    {"with delivering courier",            out_for_delivery,     "out_for_delivery"},

    // 10. Delivered.
    {"delivered",                          delivered,            "arrived_at_destination"},

    // 11. Terminal failures.
    {"lost",                               failure,              "lost"},
    {"damage",                             failure,              "damaged"},
    {"destroyed",                          failure,              "failure"},
    {"refused",                            failure,              "refused"},

    // 12. The carrier collected it from the shipper (first mile).
    {"picked up by shipping partner",      in_transit,           "received_at_origin_facility"},         // USPS 80
    {"shipping partner",                   in_transit,           "in_transit"},                          // USPS 81/82
    {"picked up",                          in_transit,           "received_at_origin_facility"},
    {"pickup scan",                        in_transit,           "received_at_origin_facility"},
    {"dropped off",                        in_transit,           "received_at_origin_facility"},
    {"tendered at",                        in_transit,           "received_at_origin_facility"},         // FedEx AF

    // 13. Label and pre-shipment information.
    {"label created",                      pre_transit,          "label_created"},
    {"label has been created",             pre_transit,          "label_created"},
    {"label printed",                      pre_transit,          "label_created"},
    {"pre-shipment",                       pre_transit,          "label_created"},                       // USPS MA
    {"preshipment",                        pre_transit,          "label_created"},
    {"shipment information received",      pre_transit,          "label_created"},
    {"shipment information sent",          pre_transit,          "label_created"},                       // FedEx OC
    {"billing information received",       pre_transit,          "label_created"},                       // UPS M
    {"order processed",                    pre_transit,          "label_created"},                       // UPS MP
    {"awaiting item",                      pre_transit,          "label_created"},                       // USPS GX

    // 14. Cancelled ("cancel" also matches canceled, cancellation).
    {"cancel",                             cancelled,            "cancelled"},
    {"voided",                             cancelled,            "cancelled"},

    // 15. Holds, customs, delays and exceptions: in transit, never failure.
    {"held for payment",                   in_transit,           "held_for_payment"},
    {"awaiting payment",                   in_transit,           "held_for_payment"},
    {"clearance delay",                    in_transit,           "customs_hold"},
    {"customs hold",                       in_transit,           "customs_hold"},
    {"held by customs",                    in_transit,           "customs_hold"},
    {"held in customs",                    in_transit,           "customs_hold"},
    {"held",                               in_transit,           "held"},
    {"on hold",                            in_transit,           "held"},
    {"weather",                            in_transit,           "weather_delay"},
    {"delay",                              in_transit,           "delayed"},
    {"rescheduled",                        in_transit,           "delayed"},                             // USPS 71
    {"postponed",                          in_transit,           "delayed"},
    {"running late",                       in_transit,           "delayed"},
    {"delivery status not updated",        in_transit,           "delayed"},                             // USPS DX
    {"customer moved",                     in_transit,           "recipient_moved"},                     // DHL CM
    {"recipient moved",                    in_transit,           "recipient_moved"},
    {"address corrected",                  in_transit,           "address_correction"},
    {"address changed",                    in_transit,           "address_correction"},                  // UPS EG
    {"address updated",                    in_transit,           "address_correction"},
    {"address correction",                 in_transit,           "address_correction"},
    {"forwarded",                          in_transit,           "address_correction"},                  // USPS 06
    {"bad address",                        in_transit,           "awaiting_information"},                // DHL BA
    {"incorrect address",                  in_transit,           "awaiting_information"},
    {"insufficient address",               in_transit,           "awaiting_information"},
    {"information required",               in_transit,           "awaiting_information"},                // UPS EU
    {"missent",                            in_transit,           "missorted"},                           // USPS 08
    {"mis-shipped",                        in_transit,           "missorted"},                           // USPS 15
    {"missort",                            in_transit,           "missorted"},
    {"mis-sort",                           in_transit,           "missorted"},
    {"misrouted",                          in_transit,           "missorted"},
    {"incorrect route",                    in_transit,           "missorted"},                           // DHL IR
    {"exception",                          in_transit,           "delivery_exception"},

    // 16. Movement.
    {"in transit",                         in_transit,           "in_transit"},
    {"on the way",                         in_transit,           "in_transit"},
    {"on its way",                         in_transit,           "in_transit"},
    {"origin scan",                        in_transit,           "received_at_origin_facility"},
    {"accepted",                           in_transit,           "received_at_origin_facility"},
    {"acceptance",                         in_transit,           "received_at_origin_facility"},
    {"in fedex possession",                in_transit,           "received_at_origin_facility"},
    {"left fedex origin",                  in_transit,           "departed_origin_facility"},
    {"departed post office",               in_transit,           "departed_origin_facility"},            // USPS SF
    {"destination scan",                   in_transit,           "received_at_destination_facility"},
    {"destination facility",               in_transit,           "received_at_destination_facility"},
    {"delivery facility",                  in_transit,           "received_at_destination_facility"},    // DHL AR
    {"arrived at destination",             in_transit,           "arrived_at_destination"},
    {"arrival scan",                       in_transit,           "arrived_at_facility"},
    {"arrived",                            in_transit,           "arrived_at_facility"},
    {"arrival",                            in_transit,           "arrived_at_facility"},
    {"departure scan",                     in_transit,           "departed_facility"},
    {"departed",                           in_transit,           "departed_facility"},
    {"departure",                          in_transit,           "departed_facility"},
    {"transferred to",                     in_transit,           "transferred_to_destination_carrier"},
    {"tendered to",                        in_transit,           "transferred_to_destination_carrier"},
    {"sorting complete",                   in_transit,           "status_update"},                       // USPS PC
    {"processing complete",                in_transit,           "status_update"},
    {"processed",                          in_transit,           "in_transit"},
    {"processing",                         in_transit,           "in_transit"},
    {"clearance",                          in_transit,           "in_transit"},
    {"customs",                            in_transit,           "in_transit"},
    {"facility",                           in_transit,           "arrived_at_facility"},
    {"hub",                                in_transit,           "arrived_at_facility"},
};
// clang-format on

}  // namespace ordernorm::mappings::carriers::description
