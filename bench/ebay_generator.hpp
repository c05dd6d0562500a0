// A deterministic generator of realistic eBay Sell Fulfillment API v1 orders
// (GET /sell/fulfillment/v1/order/{orderId}), for the platform benchmarks and
// ordernorm_gen.
//
//   ordernorm_bench::ebay_generator gen(42);
//   std::string ndjson;
//   gen.append_ndjson(ndjson, 20'000'000);  // whole orders, one per line
//   // or: std::string s = ordernorm_bench::generate_ebay_ndjson(20'000'000, 42);
//
// Same seed, same calls => the same bytes everywhere: the only randomness is
// splitmix64 (shopify_generator.hpp), every number is formatted with integer
// arithmetic, and there is no clock. The output for N bytes is a prefix of the
// output for more bytes.
//
// The orders follow the key set and key order of the eBay captures in
// ../shared/conformance/ebay/ and the Order type of the Fulfillment OAS
// (../shared/research/platforms-woo-sfcc-squarespace-ebay.md §4): orderId,
// legacyOrderId (itemId-transactionId, or the orderId on newer orders),
// creationDate / lastModifiedDate in UTC with milliseconds, the three status
// axes (every value of each; FULFILLED + FULLY_REFUNDED + CANCELED included),
// buyer (username; a registration address on ~30%), pricingSummary with
// negative discount strings, cancelStatus with cancelRequests, paymentSummary
// (payments, refunds), fulfillmentStartInstructions[0].shippingStep.shipTo
// (primaryPhone `{}` on ~20%; name, street and phone gone on ~15% older than
// 90 days), fulfillmentHrefs expanded into ShippingFulfillment objects with
// tracking numbers (~4% left as URL strings, which convert with a warning),
// 1-10 line items (sku missing on ~20%, variations on ~30%), and the seller
// fee amounts. Every Amount is `{value, currency}` with eBay's variable
// precision ("10.8", "0.0", "1500.0"); ~25% are cross-border and carry
// convertedFromValue / convertedFromCurrency. About 30% of the orders escape
// every non-ASCII character as \uXXXX; the rest carry raw UTF-8.
//
// Depends on the standard library and shopify_generator.hpp only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "shopify_generator.hpp"

namespace ordernorm_bench {

namespace ebay_data {

// The three status axes together, with weights: every value of each axis
// occurs (research notes §4.3).
struct status_combo {
  std::string_view fulfillment, payment, cancel;
};
inline constexpr status_combo combos[] = {
    {"NOT_STARTED", "PAID", "NONE_REQUESTED"},
    {"IN_PROGRESS", "PAID", "NONE_REQUESTED"},
    {"FULFILLED", "PAID", "NONE_REQUESTED"},
    {"FULFILLED", "PARTIALLY_REFUNDED", "NONE_REQUESTED"},
    {"FULFILLED", "FULLY_REFUNDED", "NONE_REQUESTED"},
    {"FULFILLED", "FULLY_REFUNDED", "CANCELED"},
    {"NOT_STARTED", "FULLY_REFUNDED", "CANCELED"},
    {"NOT_STARTED", "PENDING", "NONE_REQUESTED"},
    {"NOT_STARTED", "FAILED", "NONE_REQUESTED"},
    {"NOT_STARTED", "PAID", "IN_PROGRESS"},
};
inline constexpr unsigned combo_weights[] = {28, 8, 40, 4, 3, 2, 4, 5, 2, 4};

struct market {
  std::string_view marketplace;
  std::size_t region;  // index into shopify_data::regions
  const shopify_data::currency* currency;
};
// shopify_data::regions order: us, ca, gb, de, fr, jp, kw.
inline constexpr market markets[] = {
    {"EBAY_US", 0, &shopify_data::usd}, {"EBAY_US", 0, &shopify_data::usd},
    {"EBAY_CA", 1, &shopify_data::cad}, {"EBAY_GB", 2, &shopify_data::gbp},
    {"EBAY_DE", 3, &shopify_data::eur}, {"EBAY_DE", 3, &shopify_data::eur},
    {"EBAY_FR", 4, &shopify_data::eur}, {"EBAY_US", 5, &shopify_data::jpy},
    {"EBAY_US", 6, &shopify_data::kwd},
};
inline constexpr const shopify_data::currency* buyer_currencies[] = {
    &shopify_data::eur, &shopify_data::usd, &shopify_data::gbp, &shopify_data::cad};

inline constexpr std::string_view titles[] = {
    "2 NFC-Sticker NTAG 213, IP68, blau & schwarz",
    "2 NFC Anhänger Polyamid, blau & schwarz",
    "Vintage Leica M3 Kamera – Gehäuse",
    "Apple iPhone 13 128GB \"Midnight\" – Unlocked",
    "LEGO® Technic 42115 Lamborghini Sián",
    "Pokémon TCG Booster Box (Japanese) ポケモン",
    "Nike Air Max 90 – Größe 44½",
    "Café Crème Espresso Beans 1kg",
    "Ørsted Solar Panel 100W <Mono>",
    "Handmade Mug \\ Studio Pottery",
};
inline constexpr std::string_view carriers[] = {
    "USPS", "UPS", "FEDEX", "DHL", "Deutsche Post", "Royal Mail", "Hermes", "JAPAN_POST", "OTHER"};
inline constexpr std::string_view services[] = {"USPSPriority", "UPSGround", "DE_DeutschePostBrief",
                                                "UK_RoyalMailSecondClassStandard",
                                                "JP_StandardShipping"};
inline constexpr std::string_view formats[] = {"FIXED_PRICE", "FIXED_PRICE", "AUCTION"};
inline constexpr std::string_view sellers[] = {"nfctagshop", "vintage-cams", "kicks_outlet",
                                               "tokyo.cards"};
inline constexpr std::string_view notes[] = {"", "", "", "Bitte klingeln 🔔", "Gift – no invoice"};

}  // namespace ebay_data

class ebay_generator {
 public:
  explicit ebay_generator(std::uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 4; ++i) rng_.next();
    next_order_ = 1'000'000 + rng_.between(0, 900'000);
    next_line_ = 10'042'355'000'000 + rng_.between(0, 1'000'000);
    clock_ = 1'704'067'200 + rng_.between(0, 86'400);  // 2024-01-01T00:00:00Z
  }

  // Appends one order (a bare Order object, as getOrder; no newline).
  void append_order(std::string& out) {
    json_builder j(out);
    const bool escape = rng_.percent(30);
    j.set_mode(escape, false, false);
    write_order(j);
  }

  // Appends NDJSON orders until `out` holds at least `total_bytes` bytes.
  std::size_t append_ndjson(std::string& out, std::size_t total_bytes) {
    std::size_t n = 0;
    while (out.size() < total_bytes) {
      append_order(out);
      out.push_back('\n');
      ++n;
    }
    return n;
  }

 private:
  struct money_ctx {
    const shopify_data::currency* seller;
    const shopify_data::currency* buyer;  // null: not cross-border
  };

  // Minor units as eBay writes a value: trailing zeros dropped but one
  // fraction digit kept ("10.8", "0.0", "1500.0").
  static std::string ebay_value(std::int64_t minor, int decimals) {
    std::string s;
    if (minor < 0) {
      s.push_back('-');
      minor = -minor;
    }
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    s += std::to_string(minor / scale);
    s.push_back('.');
    if (decimals == 0) {
      s.push_back('0');
      return s;
    }
    std::string frac = std::to_string(minor % scale);
    frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
    while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
    return s + frac;
  }

  // Minor units of the seller currency in another currency (via US cents).
  static std::int64_t convert(std::int64_t minor, const shopify_data::currency& from,
                              const shopify_data::currency& to) {
    return minor * to.per_usd_cent_x10000 / from.per_usd_cent_x10000;
  }

  void amount(json_builder& j, std::string_view k, std::int64_t minor, const money_ctx& m) {
    j.key(k);
    j.begin_object();
    j.string("value", ebay_value(minor, m.seller->decimals));
    j.string("currency", m.seller->code);
    if (m.buyer != nullptr) {
      j.string("convertedFromValue",
               ebay_value(convert(minor, *m.seller, *m.buyer), m.buyer->decimals));
      j.string("convertedFromCurrency", m.buyer->code);
    }
    j.end_object();
  }

  // "2024-01-02T11:31:05.123Z"
  std::string time_text(std::int64_t utc, unsigned millis) {
    std::int64_t days = utc / 86'400;
    const std::int64_t rest = utc % 86'400;
    // Howard Hinnant's civil_from_days (times here are after 1970).
    const std::int64_t z = days + 719'468;
    const std::int64_t era = z / 146'097;
    const auto doe = static_cast<unsigned>(z - era * 146'097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned mo = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (mo <= 2 ? 1 : 0);
    std::string s;
    s.reserve(24);
    append_digits(s, static_cast<std::uint64_t>(y), 4);
    s.push_back('-');
    append_digits(s, mo, 2);
    s.push_back('-');
    append_digits(s, d, 2);
    s.push_back('T');
    append_digits(s, static_cast<std::uint64_t>(rest / 3600), 2);
    s.push_back(':');
    append_digits(s, static_cast<std::uint64_t>(rest / 60 % 60), 2);
    s.push_back(':');
    append_digits(s, static_cast<std::uint64_t>(rest % 60), 2);
    s.push_back('.');
    append_digits(s, millis, 3);
    s.push_back('Z');
    return s;
  }

  static void append_digits(std::string& s, std::uint64_t v, int width) {
    char buf[20];
    for (int i = width - 1; i >= 0; --i) {
      buf[i] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    s.append(buf, static_cast<std::size_t>(width));
  }

  std::string digits_text(int count) {
    std::string s;
    for (int i = 0; i < count; ++i) s.push_back(static_cast<char>('0' + rng_.below(10)));
    return s;
  }

  void write_contact(json_builder& j, const shopify_data::region& r, bool old, bool with_email,
                     std::string_view email) {
    const shopify_data::person& p = r.people[rng_.below(r.people_count)];
    const shopify_data::city& c = r.cities[rng_.below(r.city_count)];
    j.begin_object();
    if (!old) j.string("fullName", std::string(p.first) + " " + std::string(p.last));
    if (!old && rng_.percent(8)) j.string("companyName", "Müller & Söhne GmbH");
    j.key("contactAddress");
    j.begin_object();
    if (!old) {
      j.string("addressLine1", std::to_string(rng_.between(1, 999)) + " " +
                                   std::string(r.streets[rng_.below(r.street_count)]));
      if (rng_.percent(15)) j.string("addressLine2", "Apt " + std::to_string(rng_.between(1, 40)));
      j.string("city", c.name);
    }
    if (!c.province_code.empty() && rng_.percent(80)) j.string("stateOrProvince", c.province_code);
    if (!old) j.string("postalCode", c.zip);
    j.string("countryCode", r.country_code);
    j.end_object();
    j.key("primaryPhone");
    j.begin_object();
    if (!old && !rng_.percent(20)) {
      j.string("phoneNumber", std::string(r.phone_prefix) + " " + digits_text(9));
    }
    j.end_object();
    if (with_email) j.string("email", email);
    j.end_object();
  }

  void write_order(json_builder& j) {
    using namespace ebay_data;
    const std::int64_t order_seq = next_order_++;
    const std::string order_id = std::to_string(order_seq % 90 + 10) + "-" +
                                 std::to_string(10'000 + order_seq % 90'000) + "-" +
                                 std::to_string(10'000 + (order_seq * 7919) % 90'000);
    const status_combo& status = combos[rng_.weighted(combo_weights)];
    const market& mk = markets[rng_.below(std::size(markets))];
    const shopify_data::region& r = shopify_data::regions[mk.region];
    money_ctx m{mk.currency, nullptr};
    if (rng_.percent(25)) {
      m.buyer = buyer_currencies[rng_.below(std::size(buyer_currencies))];
      if (m.buyer == m.seller) m.buyer = &shopify_data::gbp;
      if (m.buyer == m.seller) m.buyer = &shopify_data::usd;
    }
    const bool old = rng_.percent(15);  // older than 90 days: PII gone
    clock_ += rng_.between(20, 900);
    const std::int64_t created = clock_;
    const std::int64_t modified = created + rng_.between(60, 9 * 86'400);
    const std::string username = std::string(r.people[rng_.below(r.people_count)].last_ascii) +
                                 "_" + std::to_string(rng_.between(1, 9999));
    const std::string email = digits_text(12) + "d8d4dd@members.ebay.com";

    // Lines first: the pricing summary adds them up.
    const int line_count = static_cast<int>(rng_.between(1, 10));
    struct line {
      std::int64_t unit, qty, tax;
    };
    line lines[10];
    std::int64_t subtotal = 0;
    std::int64_t line_tax = 0;
    for (int i = 0; i < line_count; ++i) {
      const std::int64_t unit_usd = rng_.between(99, 25'000);  // US cents
      std::int64_t unit = unit_usd * m.seller->per_usd_cent_x10000 / 10'000;
      if (m.seller->decimals == 0) unit = unit / 10 * 10;
      const std::int64_t qty = rng_.percent(75) ? 1 : rng_.between(2, 5);
      const std::int64_t tax = rng_.percent(12) ? unit * qty * 7 / 100 : 0;
      lines[i] = {unit, qty, tax};
      subtotal += unit * qty;
      line_tax += tax;
    }
    const std::int64_t discount = rng_.percent(15) ? -(subtotal / 10) : 0;
    const std::int64_t delivery =
        rng_.percent(35) ? 0 : rng_.between(100, 1500) * m.seller->per_usd_cent_x10000 / 10'000;
    const std::int64_t delivery_discount = delivery > 0 && rng_.percent(5) ? -delivery : 0;
    const std::int64_t total = subtotal + discount + delivery + delivery_discount + line_tax;

    j.begin_object();
    j.string("orderId", order_id);
    j.string("legacyOrderId", rng_.percent(40) ? order_id
                                               : std::to_string(124'145'389'616 + order_seq) + "-" +
                                                     digits_text(13));
    j.string("creationDate", time_text(created, static_cast<unsigned>(rng_.below(1000))));
    j.string("lastModifiedDate", time_text(modified, static_cast<unsigned>(rng_.below(1000))));
    j.string("orderFulfillmentStatus", status.fulfillment);
    j.string("orderPaymentStatus", status.payment);
    j.string("sellerId", sellers[rng_.below(std::size(sellers))]);

    j.key("buyer");
    j.begin_object();
    j.string("username", username);
    j.key("taxAddress");
    j.begin_object();
    j.string("postalCode", r.cities[0].zip);
    j.string("countryCode", r.country_code);
    j.end_object();
    if (!old && rng_.percent(30)) {
      j.key("buyerRegistrationAddress");
      write_contact(j, r, false, true, email);
    }
    j.end_object();
    const std::string_view note = notes[rng_.below(std::size(notes))];
    if (!note.empty()) j.string("buyerCheckoutNotes", note);

    j.key("pricingSummary");
    j.begin_object();
    amount(j, "priceSubtotal", subtotal, m);
    if (discount != 0) amount(j, "priceDiscount", discount, m);
    amount(j, "deliveryCost", delivery, m);
    if (delivery_discount != 0) amount(j, "deliveryDiscount", delivery_discount, m);
    if (line_tax != 0) amount(j, "tax", line_tax, m);
    amount(j, "total", total, m);
    j.end_object();

    j.key("cancelStatus");
    j.begin_object();
    j.string("cancelState", status.cancel);
    if (status.cancel == "CANCELED") {
      j.string("cancelledDate", time_text(modified, 0));
    }
    j.key("cancelRequests");
    j.begin_array();
    if (status.cancel != "NONE_REQUESTED") {
      j.begin_object();
      j.string("cancelRequestedDate", time_text(modified - 240, 805));
      if (status.cancel == "CANCELED") j.string("cancelCompletedDate", time_text(modified, 0));
      j.string("cancelInitiator", rng_.percent(50) ? "SELLER" : "BUYER");
      j.string("cancelRequestId", digits_text(10));
      j.string("cancelRequestState", status.cancel == "CANCELED" ? "COMPLETED" : "REQUESTED");
      j.end_object();
    }
    j.end_array();
    j.end_object();

    j.key("paymentSummary");
    j.begin_object();
    amount(j, "totalDueSeller", total - total / 8, m);
    j.key("refunds");
    j.begin_array();
    if (status.payment == "FULLY_REFUNDED" || status.payment == "PARTIALLY_REFUNDED") {
      j.begin_object();
      j.string("refundDate", time_text(modified - 120, 0));
      amount(j, "amount", status.payment == "FULLY_REFUNDED" ? total : total / 4, m);
      j.string("refundStatus", "REFUNDED");
      j.string("refundReferenceId", digits_text(10));
      j.end_object();
    }
    j.end_array();
    j.key("payments");
    j.begin_array();
    j.begin_object();
    j.string("paymentMethod", "EBAY");
    j.string("paymentReferenceId", digits_text(6) + "_S");
    if (status.payment != "PENDING") j.string("paymentDate", time_text(created + 30, 0));
    amount(j, "amount", total, m);
    j.string("paymentStatus", status.payment == "PENDING"  ? "PENDING"
                              : status.payment == "FAILED" ? "FAILED"
                                                           : "PAID");
    j.end_object();
    j.end_array();
    j.end_object();

    const std::string_view carrier = carriers[rng_.below(std::size(carriers))];
    j.key("fulfillmentStartInstructions");
    j.begin_array();
    j.begin_object();
    j.string("fulfillmentInstructionsType", "SHIP_TO");
    j.string("minEstimatedDeliveryDate", time_text(created + 3 * 86'400, 0));
    j.string("maxEstimatedDeliveryDate", time_text(created + 6 * 86'400, 0));
    j.boolean("ebaySupportedFulfillment", false);
    j.key("shippingStep");
    j.begin_object();
    j.key("shipTo");
    write_contact(j, r, old, !old && rng_.percent(85), email);
    j.string("shippingCarrierCode", carrier);
    j.string("shippingServiceCode", services[rng_.below(std::size(services))]);
    j.end_object();
    j.end_object();
    j.end_array();

    // Shipping fulfillments: expanded in place of their URLs (DESIGN.md
    // "Inputs that are more than one document"); a few left as URLs.
    j.key("fulfillmentHrefs");
    j.begin_array();
    if (status.fulfillment != "NOT_STARTED") {
      const int count = status.fulfillment == "IN_PROGRESS" || rng_.percent(80) ? 1 : 2;
      for (int f = 0; f < count; ++f) {
        const std::string tracking =
            carrier == "UPS" ? "1Z" + digits_text(16) : "94055" + digits_text(17);
        if (rng_.percent(4)) {
          j.string("https://api.ebay.com/sell/fulfillment/v1/order/" + order_id +
                   "/shipping_fulfillment/" + tracking);
          continue;
        }
        j.begin_object();
        j.string("fulfillmentId", tracking);
        if (!rng_.percent(5)) j.string("shipmentTrackingNumber", tracking);
        j.string("shippingCarrierCode", carrier);
        j.string("shippedDate", time_text(created + 86'400 + f * 3600, 0));
        j.key("lineItems");
        j.begin_array();
        j.begin_object();
        j.string("lineItemId", std::to_string(next_line_));
        j.integer("quantity", lines[0].qty);
        j.end_object();
        j.end_array();
        j.end_object();
      }
    }
    j.end_array();

    j.key("lineItems");
    j.begin_array();
    for (int i = 0; i < line_count; ++i) {
      const line& l = lines[i];
      j.begin_object();
      j.string("lineItemId", std::to_string(next_line_++));
      j.string("legacyItemId", std::to_string(124'145'389'616 + rng_.between(0, 999'999)));
      if (rng_.percent(30)) {
        j.string("legacyVariationId", std::to_string(400'000'000'000 + rng_.between(0, 99'999)));
      }
      if (!rng_.percent(20)) j.string("sku", "SKU-" + digits_text(5));
      j.string("title", titles[rng_.below(std::size(titles))]);
      amount(j, "lineItemCost", l.unit * l.qty, m);
      j.integer("quantity", l.qty);
      j.string("soldFormat", formats[rng_.below(std::size(formats))]);
      j.string("listingMarketplaceId", mk.marketplace);
      j.string("purchaseMarketplaceId", mk.marketplace);
      j.string("lineItemFulfillmentStatus", status.fulfillment);
      amount(j, "total", l.unit * l.qty + l.tax, m);
      j.key("deliveryCost");
      j.begin_object();
      amount(j, "shippingCost", i == 0 ? delivery : 0, m);
      j.end_object();
      j.key("appliedPromotions");
      j.begin_array();
      j.end_array();
      j.key("taxes");
      j.begin_array();
      if (l.tax != 0) {
        j.begin_object();
        amount(j, "amount", l.tax, m);
        j.end_object();
      }
      j.end_array();
      j.key("properties");
      j.begin_object();
      j.boolean("buyerProtection", true);
      j.boolean("soldViaAdCampaign", rng_.percent(10));
      j.end_object();
      j.key("lineItemFulfillmentInstructions");
      j.begin_object();
      j.string("shipByDate", time_text(created + 2 * 86'400, 0));
      j.boolean("guaranteedDelivery", false);
      j.end_object();
      j.end_object();
    }
    j.end_array();

    j.string("salesRecordReference", std::to_string(10'000 + order_seq % 90'000));
    amount(j, "totalFeeBasisAmount", total, m);
    amount(j, "totalMarketplaceFee", total / 8, m);
    j.end_object();
  }

  splitmix64 rng_;
  std::int64_t next_order_ = 0;
  std::int64_t next_line_ = 0;
  std::int64_t clock_ = 0;
};

inline std::string generate_ebay_ndjson(std::size_t bytes, std::uint64_t seed) {
  std::string out;
  out.reserve(bytes + 16384);
  ebay_generator gen(seed);
  gen.append_ndjson(out, bytes);
  return out;
}

}  // namespace ordernorm_bench
