// Tests for the carrier event-code tables (mappings/carriers/<carrier>.hpp),
// the description fallback (mappings/carriers/description.hpp) and their
// lookup (src/carriers.cpp). One test per notable row or rule.
#include "ordernorm/detail/carrier_rules.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <span>
#include <string>
#include <string_view>

#include "mappings/carriers/description.hpp"
#include "mappings/carriers/dhl.hpp"
#include "mappings/carriers/fedex.hpp"
#include "mappings/carriers/ups.hpp"
#include "mappings/carriers/usps.hpp"
#include "ordernorm/model.hpp"
#include "ordernorm/tracking.hpp"

namespace {

using ordernorm::carrier_id;
using ordernorm::detail::classify_description;
using ordernorm::detail::event_rule;
using ordernorm::detail::find_event_rule;
namespace tables = ordernorm::mappings::carriers;

// "<status>/<detail>" of a rule, or "none", so a failure shows what was found.
std::string describe(const event_rule* rule) {
  if (rule == nullptr) return "none";
  std::string s(ordernorm::to_string(rule->status));
  s += '/';
  s += rule->detail;
  return s;
}

std::string usps(std::string_view code) {
  return describe(find_event_rule(carrier_id::usps, code));
}
std::string ups(std::string_view code) { return describe(find_event_rule(carrier_id::ups, code)); }
std::string fedex(std::string_view code) {
  return describe(find_event_rule(carrier_id::fedex, code));
}
std::string dhl(std::string_view code) { return describe(find_event_rule(carrier_id::dhl, code)); }
std::string text(std::string_view description) {
  return describe(classify_description(description));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

struct carrier_table {
  carrier_id carrier;
  std::span<const event_rule> rules;
};
const carrier_table all_tables[] = {
    {carrier_id::usps, tables::usps::rules},
    {carrier_id::ups, tables::ups::rules},
    {carrier_id::fedex, tables::fedex::rules},
    {carrier_id::dhl, tables::dhl::rules},
};

// ---------------------------------------------------------------------------
// Lookup

TEST(Lookup, EveryCodeMapsToItselfInLowerCaseWithSpaces) {
  for (const carrier_table& t : all_tables) {
    for (const event_rule& rule : t.rules) {
      const std::string padded = " \t" + lower(rule.code) + " \r\n";
      EXPECT_EQ(find_event_rule(t.carrier, padded), &rule) << "code '" << rule.code << "'";
      EXPECT_EQ(find_event_rule(t.carrier, upper(rule.code)), &rule)
          << "code '" << rule.code << "'";
    }
  }
}

TEST(Lookup, UnknownCodesReturnNull) {
  for (const carrier_table& t : all_tables) {
    EXPECT_EQ(find_event_rule(t.carrier, "ZZ9"), nullptr);
    EXPECT_EQ(find_event_rule(t.carrier, ""), nullptr);
    EXPECT_EQ(find_event_rule(t.carrier, " \t "), nullptr);
  }
}

TEST(Lookup, UnknownCarrierHasNoTable) {
  EXPECT_EQ(find_event_rule(carrier_id::unknown, "01"), nullptr);
  EXPECT_EQ(find_event_rule(carrier_id::unknown, "DL"), nullptr);
}

TEST(Lookup, InnerWhitespaceIsKept) {
  EXPECT_EQ(usps("O F"), "none");
  EXPECT_EQ(usps("OF"), "out_for_delivery/out_for_delivery");
}

TEST(Lookup, TablesAreSeparatePerCarrier) {
  EXPECT_EQ(fedex("DL"), "delivered/arrived_at_destination");
  EXPECT_EQ(ups("DL"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(usps("OF"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(fedex("OF"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(usps("KB"), "none");
}

// ---------------------------------------------------------------------------
// USPS

TEST(Usps, LeadingZerosAreNotStripped) {
  EXPECT_EQ(usps("01"), "delivered/arrived_at_destination");
  EXPECT_EQ(usps("1"), "none");
  EXPECT_EQ(usps("001"), "none");
  EXPECT_EQ(usps("04"), "return_to_sender/refused");
  EXPECT_EQ(usps("4"), "none");
}

TEST(Usps, EveryResearchedCodeIsKnown) {
  for (std::string_view code :
       {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "14", "15", "16", "17",
        "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "42", "43", "44", "51",
        "52", "53", "54", "55", "56", "71", "80", "81", "82", "83", "89", "A1", "AD", "DX", "EF",
        "GC", "GX", "MA", "OA", "OF", "PA", "PC", "SF", "T1", "TL", "TM", "UA"}) {
    EXPECT_NE(usps(code), "none") << code;
  }
}

TEST(Usps, ShippingLabelCreatedGxIsPreTransit) {
  EXPECT_EQ(usps("GX"), "pre_transit/label_created");
  EXPECT_EQ(usps("MA"), "pre_transit/label_created");
}

TEST(Usps, OriginAcceptanceOaIsFirstPossessionNotManifested) {
  EXPECT_EQ(usps("OA"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(usps("03"), "in_transit/received_at_origin_facility");
}

TEST(Usps, ArrivalAtUnit07IsInTransitNotOutForDelivery) {
  EXPECT_EQ(usps("07"), "in_transit/arrived_at_facility");
}

TEST(Usps, ProcessedCode10KeepsNeutralDetail) { EXPECT_EQ(usps("10"), "in_transit/in_transit"); }

TEST(Usps, SortingCompletePcIsStatusUpdate) { EXPECT_EQ(usps("PC"), "in_transit/status_update"); }

TEST(Usps, OutForDeliveryOf) { EXPECT_EQ(usps("OF"), "out_for_delivery/out_for_delivery"); }

TEST(Usps, PickedUpByAgentOrAtPostOfficeIsDelivered) {
  EXPECT_EQ(usps("17"), "delivered/arrived_at_destination");
  EXPECT_EQ(usps("43"), "delivered/arrived_at_destination");
}

TEST(Usps, AttemptedDeliveryNoticeLeftIsInTransit) {
  for (std::string_view code : {"02", "52", "53", "54", "55", "56", "H0", "30", "51"}) {
    EXPECT_EQ(usps(code), "in_transit/attempted_delivery") << code;
  }
}

TEST(Usps, ArrivalAtPickupPointAndAvailableForPickup) {
  EXPECT_EQ(usps("14"), "available_for_pickup/arrived_at_pickup_location");
  EXPECT_EQ(usps("16"), "available_for_pickup/arrived_at_pickup_location");
}

TEST(Usps, RefusedIsReturnToSender) { EXPECT_EQ(usps("04"), "return_to_sender/refused"); }

TEST(Usps, ReturnReasonsAreReturnToSender) {
  for (std::string_view code : {"09", "21", "22", "24", "25", "26", "28", "29", "44"}) {
    EXPECT_EQ(usps(code), "return_to_sender/return") << code;
  }
  EXPECT_EQ(usps("23"), "return_to_sender/recipient_moved");
  EXPECT_EQ(usps("27"), "return_to_sender/pickup_missed");
  EXPECT_EQ(usps("31"), "return_to_sender/pickup_missed");
}

TEST(Usps, UndeliverableAsAddressed05IsFailure) {
  EXPECT_EQ(usps("05"), "failure/delivery_exception");
}

TEST(Usps, DeadLetter11IsLost) { EXPECT_EQ(usps("11"), "failure/lost"); }

TEST(Usps, DeliveryStatusNotUpdatedDxIsDelayedNotDelivered) {
  EXPECT_EQ(usps("DX"), "in_transit/delayed");
}

TEST(Usps, RescheduledToNextDelivery71IsDelayed) { EXPECT_EQ(usps("71"), "in_transit/delayed"); }

TEST(Usps, ShippingPartnerEventsAreFirstMile) {
  EXPECT_EQ(usps("80"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(usps("81"), "in_transit/arrived_at_facility");
  EXPECT_EQ(usps("82"), "in_transit/departed_facility");
}

TEST(Usps, HandoffsAreTransfers) {
  EXPECT_EQ(usps("42"), "in_transit/transferred_to_destination_carrier");
  EXPECT_EQ(usps("83"), "in_transit/transferred_to_destination_carrier");
}

TEST(Usps, ForwardedMissentMisshipped) {
  EXPECT_EQ(usps("06"), "in_transit/address_correction");
  EXPECT_EQ(usps("08"), "in_transit/missorted");
  EXPECT_EQ(usps("15"), "in_transit/missorted");
}

TEST(Usps, RegionalFacilityArrivalAndDeparture) {
  EXPECT_EQ(usps("A1"), "in_transit/arrived_at_facility");
  EXPECT_EQ(usps("T1"), "in_transit/departed_facility");
  EXPECT_EQ(usps("SF"), "in_transit/departed_origin_facility");
  EXPECT_EQ(usps("TL"), "in_transit/in_transit");
}

// ---------------------------------------------------------------------------
// UPS

TEST(Ups, OutForDeliveryCodeOfIsOutForDelivery) {
  EXPECT_EQ(ups("OF"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(ups("OT"), "out_for_delivery/out_for_delivery");
}

TEST(Ups, DestinationScanDsIsInTransit) {
  EXPECT_EQ(ups("DS"), "in_transit/received_at_destination_facility");
}

TEST(Ups, DeliveredKbAndFs) {
  EXPECT_EQ(ups("KB"), "delivered/arrived_at_destination");
  EXPECT_EQ(ups("FS"), "delivered/arrived_at_destination");
}

TEST(Ups, BillingInformationMpIsPreTransit) { EXPECT_EQ(ups("MP"), "pre_transit/label_created"); }

TEST(Ups, OriginArrivalDepartureScans) {
  EXPECT_EQ(ups("OR"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(ups("AR"), "in_transit/arrived_at_facility");
  EXPECT_EQ(ups("DP"), "in_transit/departed_facility");
}

TEST(Ups, ReceiverNotAvailable48IsAttemptNotFailure) {
  EXPECT_EQ(ups("48"), "in_transit/attempted_delivery");
}

TEST(Ups, DelayNotice2YIsDelayed) { EXPECT_EQ(ups("2Y"), "in_transit/delayed"); }

TEST(Ups, AdverseWeatherEjIsWeatherDelay) { EXPECT_EQ(ups("EJ"), "in_transit/weather_delay"); }

TEST(Ups, GuaranteedServiceRefundDmNeverCounts) { EXPECT_EQ(ups("DM"), "unknown/status_update"); }

TEST(Ups, ClearanceCodes) {
  EXPECT_EQ(ups("ER"), "in_transit/in_transit");
  EXPECT_EQ(ups("EU"), "in_transit/awaiting_information");
}

TEST(Ups, DeliveryAddressChangedEg) { EXPECT_EQ(ups("EG"), "in_transit/address_correction"); }

TEST(Ups, ExceptionTypeXIsNotFailure) { EXPECT_EQ(ups("X"), "in_transit/delivery_exception"); }

TEST(Ups, NoCodeIsATerminalFailure) {
  for (const event_rule& rule : tables::ups::rules) {
    EXPECT_NE(rule.status, ordernorm::shipment_status::failure) << rule.code;
  }
}

TEST(Ups, CaAndCcFollowUpsTableNotKarrio) {
  EXPECT_EQ(ups("CA"), "in_transit/delivery_exception");
  EXPECT_EQ(ups("CC"), "in_transit/delayed");
}

TEST(Ups, ReturnedToShipperRs) { EXPECT_EQ(ups("RS"), "return_to_sender/return"); }

TEST(Ups, ManifestVoidedMvIsCancelled) { EXPECT_EQ(ups("MV"), "cancelled/cancelled"); }

TEST(Ups, ActivityTypesAreCoarseFallbacks) {
  EXPECT_EQ(ups("D"), "delivered/arrived_at_destination");
  EXPECT_EQ(ups("I"), "in_transit/in_transit");
  EXPECT_EQ(ups("M"), "pre_transit/label_created");
  EXPECT_EQ(ups("P"), "in_transit/received_at_origin_facility");
}

TEST(Ups, TransferredToPostOfficeLx) {
  EXPECT_EQ(ups("LX"), "in_transit/transferred_to_destination_carrier");
}

// ---------------------------------------------------------------------------
// FedEx

TEST(Fedex, DeliveryExceptionIsRetriedNotFailure) {
  EXPECT_EQ(fedex("DE"), "in_transit/delivery_exception");
}

TEST(Fedex, ShipmentExceptionSeIsInTransit) {
  EXPECT_EQ(fedex("SE"), "in_transit/delivery_exception");
}

TEST(Fedex, DelayDyAndClearanceDelayCd) {
  EXPECT_EQ(fedex("DY"), "in_transit/delayed");
  EXPECT_EQ(fedex("CD"), "in_transit/customs_hold");
}

TEST(Fedex, ArrivingOnTimeOrEarlyNoticesNeverCount) {
  EXPECT_EQ(fedex("AO"), "unknown/status_update");
  EXPECT_EQ(fedex("AE"), "unknown/status_update");
}

TEST(Fedex, ShipmentInformationSentOcIsLabelCreated) {
  EXPECT_EQ(fedex("OC"), "pre_transit/label_created");
  EXPECT_EQ(fedex("IN"), "pre_transit/label_created");  // derivedStatusCode of an OC scan
}

TEST(Fedex, PickedUpPuIsFirstPossession) {
  EXPECT_EQ(fedex("PU"), "in_transit/received_at_origin_facility");
}

TEST(Fedex, OutForDeliveryOdEdAd) {
  EXPECT_EQ(fedex("OD"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(fedex("ED"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(fedex("AD"), "out_for_delivery/out_for_delivery");
}

TEST(Fedex, DeliveredDl) { EXPECT_EQ(fedex("DL"), "delivered/arrived_at_destination"); }

TEST(Fedex, HoldAtLocationHlAndReadyForPickupHp) {
  EXPECT_EQ(fedex("HL"), "available_for_pickup/arrived_at_pickup_location");
  EXPECT_EQ(fedex("HP"), "available_for_pickup/arrived_at_pickup_location");
  EXPECT_EQ(fedex("HA"), "in_transit/held");
}

TEST(Fedex, ReturnToShipperRs) { EXPECT_EQ(fedex("RS"), "return_to_sender/return"); }

TEST(Fedex, CancelledCa) { EXPECT_EQ(fedex("CA"), "cancelled/cancelled"); }

TEST(Fedex, EveryCodeInTheConformanceResponseIsKnown) {
  // shared/conformance/tracking/fedex-duplicate-trackresults-delivered.json
  for (std::string_view code : {"AR", "HP", "DY", "DP", "AO", "PU", "OC", "DL", "OD", "AF", "DE"}) {
    EXPECT_NE(fedex(code), "none") << code;
  }
}

// ---------------------------------------------------------------------------
// DHL

TEST(Dhl, UnifiedStatusCodePreTransit) {
  EXPECT_EQ(dhl("pre-transit"), "pre_transit/label_created");
}

TEST(Dhl, UnifiedStatusCodeTransit) { EXPECT_EQ(dhl("transit"), "in_transit/in_transit"); }

TEST(Dhl, UnifiedStatusCodeDelivered) {
  EXPECT_EQ(dhl("delivered"), "delivered/arrived_at_destination");
}

TEST(Dhl, UnifiedStatusCodeFailure) { EXPECT_EQ(dhl("failure"), "failure/failure"); }

TEST(Dhl, UnifiedStatusCodeUnknownSaysNothing) { EXPECT_EQ(dhl("unknown"), "unknown/unknown"); }

TEST(Dhl, UnifiedStatusCodeIgnoresCase) { EXPECT_EQ(dhl("TRANSIT"), "in_transit/in_transit"); }

TEST(Dhl, ExpressWithDeliveringCourierWcIsOutForDelivery) {
  EXPECT_EQ(dhl("WC"), "out_for_delivery/out_for_delivery");
}

TEST(Dhl, ExpressDeliveryOkIsDelivered) {
  EXPECT_EQ(dhl("OK"), "delivered/arrived_at_destination");
  EXPECT_EQ(dhl("DD"), "delivered/arrived_at_destination");
}

TEST(Dhl, ExpressFailedAttemptsAreInTransit) {
  EXPECT_EQ(dhl("NH"), "in_transit/attempted_delivery");
  EXPECT_EQ(dhl("CA"), "in_transit/attempted_delivery");
  EXPECT_EQ(dhl("ND"), "in_transit/delivery_exception");
  EXPECT_EQ(dhl("MD"), "in_transit/delayed");
}

TEST(Dhl, ExpressBadAddressAndCustomerMovedAreInTransit) {
  EXPECT_EQ(dhl("BA"), "in_transit/awaiting_information");
  EXPECT_EQ(dhl("CM"), "in_transit/recipient_moved");
}

TEST(Dhl, ExpressDamagedDmIsInTransit) { EXPECT_EQ(dhl("DM"), "in_transit/damaged"); }

TEST(Dhl, ExpressRefusedDeliveryIsFailureNotReturn) { EXPECT_EQ(dhl("RD"), "failure/refused"); }

TEST(Dhl, ExpressReturnedToConsignorRt) { EXPECT_EQ(dhl("RT"), "return_to_sender/return"); }

TEST(Dhl, ExpressHolds) {
  EXPECT_EQ(dhl("HP"), "in_transit/held_for_payment");
  EXPECT_EQ(dhl("OH"), "in_transit/held");
  EXPECT_EQ(dhl("CD"), "in_transit/customs_hold");
}

TEST(Dhl, ExpressAwaitingCollectionCcIsAvailableForPickup) {
  EXPECT_EQ(dhl("CC"), "available_for_pickup/arrived_at_pickup_location");
}

TEST(Dhl, ExpressKarrioFixtureSequence) {
  // PU -> PO -> RW -> PL -> AF -> DF -> AR -> WC -> OK (tracking.md §4.4).
  EXPECT_EQ(dhl("PU"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(dhl("PO"), "in_transit/departed_origin_facility");
  EXPECT_EQ(dhl("RW"), "in_transit/in_transit");
  EXPECT_EQ(dhl("PL"), "in_transit/in_transit");
  EXPECT_EQ(dhl("AF"), "in_transit/arrived_at_facility");
  EXPECT_EQ(dhl("DF"), "in_transit/departed_facility");
  EXPECT_EQ(dhl("AR"), "in_transit/received_at_destination_facility");
  EXPECT_EQ(dhl("WC"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(dhl("OK"), "delivered/arrived_at_destination");
}

// ---------------------------------------------------------------------------
// Description fallback

TEST(Description, EveryPatternMatchesItself) {
  for (const event_rule& rule : tables::description::rules) {
    EXPECT_EQ(classify_description(upper(rule.code)), &rule) << "pattern '" << rule.code << "'";
    const std::string sentence = "Update: " + std::string(rule.code) + ".";
    EXPECT_EQ(classify_description(sentence), &rule) << "pattern '" << rule.code << "'";
  }
}

TEST(Description, NoMatchIsNull) {
  EXPECT_EQ(text(""), "none");
  EXPECT_EQ(text("Signature image recorded"), "none");
}

TEST(Description, CaseInsensitive) {
  EXPECT_EQ(text("DELIVERED"), "delivered/arrived_at_destination");
  EXPECT_EQ(text("dElIvErEd"), "delivered/arrived_at_destination");
}

TEST(Description, Delivered) {
  EXPECT_EQ(text("Delivered, Front Door/Porch"), "delivered/arrived_at_destination");
  EXPECT_EQ(text("Delivered - Signed for by: J SMITH"), "delivered/arrived_at_destination");
}

TEST(Description, UndeliverableIsNotDelivered) {
  EXPECT_EQ(text("Undeliverable as Addressed"), "failure/delivery_exception");
}

TEST(Description, UndeliveredAndNotDeliveredAreNotDelivered) {
  EXPECT_EQ(text("Undelivered"), "in_transit/delivery_exception");
  EXPECT_EQ(text("Package not delivered"), "in_transit/delivery_exception");
  EXPECT_EQ(text("The package could not be delivered"), "in_transit/delivery_exception");
  EXPECT_EQ(text("Misdelivered to wrong address"), "in_transit/delivery_exception");
}

TEST(Description, DeliveryExceptionIsNotDelivered) {
  EXPECT_EQ(text("Delivery exception"), "in_transit/delivery_exception");
}

TEST(Description, WillBeDeliveredSaysNothing) {
  EXPECT_EQ(text("Your package will be delivered tomorrow"), "unknown/status_update");
}

TEST(Description, DeliveredToUspsIsAHandoff) {
  EXPECT_EQ(text("Delivered to USPS"), "in_transit/transferred_to_destination_carrier");
  EXPECT_EQ(text("Package delivered to local post office"),
            "in_transit/transferred_to_destination_carrier");
}

TEST(Description, ReturnToSenderWinsOverDelivered) {
  EXPECT_EQ(text("Delivered: Returned to Sender"), "return_to_sender/return");
  EXPECT_EQ(text("Return to Sender Processed"), "return_to_sender/return");
  EXPECT_EQ(text("Returned to shipper"), "return_to_sender/return");
  EXPECT_EQ(text("Returning package to shipper"), "return_to_sender/return");
  EXPECT_EQ(text("Returned to consignor"), "return_to_sender/return");
}

TEST(Description, DeliveredToSenderIsDeliveredToSender) {
  EXPECT_EQ(text("Delivered to sender"), "return_to_sender/delivered_to_sender");
  EXPECT_EQ(text("Delivered, To Original Sender"), "return_to_sender/delivered_to_sender");
  EXPECT_EQ(text("Return delivered to shipper"), "return_to_sender/delivered_to_sender");
}

TEST(Description, ThirdAttemptReturnIsReturn) {
  EXPECT_EQ(text("The receiver was not available for the 3rd delivery attempt. The package will "
                 "be returned to the sender."),
            "return_to_sender/return");
}

TEST(Description, UnclaimedConditionalIsNotAReturn) {
  EXPECT_EQ(text("We attempted to deliver your item. If this item is unclaimed by May 3 then it "
                 "will be returned to sender."),
            "in_transit/attempted_delivery");
}

TEST(Description, UnclaimedIsPickupMissed) {
  EXPECT_EQ(text("Unclaimed"), "return_to_sender/pickup_missed");
  EXPECT_EQ(text("Not Picked Up"), "return_to_sender/pickup_missed");
}

TEST(Description, OutForDelivery) {
  EXPECT_EQ(text("Out for Delivery"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(text("On FedEx vehicle for delivery"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(text("Loaded on Delivery Vehicle"), "out_for_delivery/out_for_delivery");
  EXPECT_EQ(text("With delivery courier"), "out_for_delivery/out_for_delivery");
}

TEST(Description, AvailableForPickup) {
  EXPECT_EQ(text("Available for Pickup"), "available_for_pickup/arrived_at_pickup_location");
  EXPECT_EQ(text("Ready for recipient pickup"), "available_for_pickup/arrived_at_pickup_location");
  EXPECT_EQ(text("Held at Post Office, At Customer Request"),
            "available_for_pickup/arrived_at_pickup_location");
  EXPECT_EQ(text("Delivered to pickup point"), "available_for_pickup/arrived_at_pickup_location");
}

TEST(Description, RecipientPickingUpIsDelivered) {
  EXPECT_EQ(text("Picked Up at Post Office"), "delivered/arrived_at_destination");
  EXPECT_EQ(text("Picked Up by Agent"), "delivered/arrived_at_destination");
  EXPECT_EQ(text("Delivered, Individual Picked Up at Postal Facility"),
            "delivered/arrived_at_destination");
  EXPECT_EQ(text("Picked up by customer"), "delivered/arrived_at_destination");
}

TEST(Description, CarrierPickupIsInTransit) {
  EXPECT_EQ(text("Picked up"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(text("Shipment picked up"), "in_transit/received_at_origin_facility");
}

TEST(Description, ShippingPartnerPickupIsFirstMileNotLabel) {
  EXPECT_EQ(text("Picked Up by Shipping Partner, USPS Awaiting Item"),
            "in_transit/received_at_origin_facility");
  EXPECT_EQ(text("Arrived Shipping Partner Facility, USPS Awaiting Item"), "in_transit/in_transit");
}

TEST(Description, AttemptedDeliveryIsInTransit) {
  EXPECT_EQ(text("Delivery Attempted - No Access to Delivery Location"),
            "in_transit/attempted_delivery");
  EXPECT_EQ(text("Attempted delivery"), "in_transit/attempted_delivery");
  EXPECT_EQ(text("Notice Left (No Authorized Recipient Available)"),
            "in_transit/attempted_delivery");
  EXPECT_EQ(text("Delivery attempted; recipient not home"), "in_transit/attempted_delivery");
  EXPECT_EQ(text("THE RECEIVER WAS NOT AVAILABLE AT THE TIME OF THE FIRST DELIVERY ATTEMPT. A "
                 "SECOND ATTEMPT WILL BE MADE."),
            "in_transit/attempted_delivery");
}

TEST(Description, LabelCreatedIsPreTransit) {
  EXPECT_EQ(text("Shipping Label Created, USPS Awaiting Item"), "pre_transit/label_created");
  EXPECT_EQ(text("Pre-Shipment Info Sent to USPS"), "pre_transit/label_created");
  EXPECT_EQ(text("Shipment information sent to FedEx"), "pre_transit/label_created");
  EXPECT_EQ(text("Order Processed: Ready for UPS"), "pre_transit/label_created");
  EXPECT_EQ(text("BILLING INFORMATION RECEIVED"), "pre_transit/label_created");
}

TEST(Description, CancelledAndVoided) {
  EXPECT_EQ(text("Shipment cancelled"), "cancelled/cancelled");
  EXPECT_EQ(text("Label canceled"), "cancelled/cancelled");
  EXPECT_EQ(text("Billing information voided"), "cancelled/cancelled");
}

TEST(Description, WeatherIsADelayNotAFailure) {
  EXPECT_EQ(text("Delay: Severe Weather"), "in_transit/weather_delay");
  EXPECT_EQ(text("Adverse weather may cause delay"), "in_transit/weather_delay");
}

TEST(Description, DelayIsDelayed) {
  EXPECT_EQ(text("YOUR PACKAGE ENCOUNTERED A DELAY"), "in_transit/delayed");
  EXPECT_EQ(text("Rescheduled to Next Delivery Day"), "in_transit/delayed");
}

TEST(Description, ClearanceDelayIsCustomsHold) {
  EXPECT_EQ(text("Clearance delay"), "in_transit/customs_hold");
  EXPECT_EQ(text("Held for payment"), "in_transit/held_for_payment");
}

TEST(Description, ExceptionIsInTransit) {
  EXPECT_EQ(text("Shipment exception"), "in_transit/delivery_exception");
}

TEST(Description, LostAndDamagedAreFailure) {
  EXPECT_EQ(text("Package lost"), "failure/lost");
  EXPECT_EQ(text("Damaged"), "failure/damaged");
}

TEST(Description, DeliveredDamagedIsDelivered) {
  EXPECT_EQ(text("Delivered damaged"), "delivered/arrived_at_destination");
}

TEST(Description, PatternsMatchAtWordStartsOnly) {
  EXPECT_EQ(text("Almost there"), "none");                                 // not "lost"
  EXPECT_EQ(text("Parcel undelivered"), "in_transit/delivery_exception");  // not "delivered"
}

TEST(Description, MovementWords) {
  EXPECT_EQ(text("In Transit to Next Facility"), "in_transit/in_transit");
  EXPECT_EQ(text("Arrived at USPS Regional Facility"), "in_transit/arrived_at_facility");
  EXPECT_EQ(text("Departed USPS Regional Facility"), "in_transit/departed_facility");
  EXPECT_EQ(text("Processed at LONDON-HEATHROW"), "in_transit/in_transit");
  EXPECT_EQ(text("Accepted at USPS Origin Facility"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(text("ORIGIN SCAN"), "in_transit/received_at_origin_facility");
  EXPECT_EQ(text("Arrived at Delivery Facility in BRIGHTON"),
            "in_transit/received_at_destination_facility");
  EXPECT_EQ(text("Sorting Complete"), "in_transit/status_update");
}

TEST(Description, RefusedIsFailure) { EXPECT_EQ(text("Refused"), "failure/refused"); }

TEST(Description, MissortAndAddressCorrection) {
  EXPECT_EQ(text("Missent"), "in_transit/missorted");
  EXPECT_EQ(text("Delivery Address Changed"), "in_transit/address_correction");
  EXPECT_EQ(text("Forwarded"), "in_transit/address_correction");
}

}  // namespace
