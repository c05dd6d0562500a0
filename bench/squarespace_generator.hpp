// A deterministic generator of realistic Squarespace Commerce Orders API v1.0
// orders, for the platform benchmarks and ordernorm_gen.
//
//   ordernorm_bench::squarespace_generator gen(42);
//   std::string ndjson;
//   gen.append_ndjson(ndjson, 20'000'000);  // whole orders, one per line
//   // or: std::string s = ordernorm_bench::generate_squarespace_ndjson(20'000'000, 42);
//
// Same seed, same calls => the same bytes everywhere: the only randomness is
// splitmix64 (shopify_generator.hpp), every number is formatted with integer
// arithmetic, and there is no clock. The output for N bytes is a prefix of the
// output for more bytes.
//
// The orders follow the key set and key order of the documented order
// (../shared/research/platforms-woo-sfcc-squarespace-ebay.md §3 and
// ../shared/conformance/squarespace/): 24-hex ids, `orderNumber` as a string,
// createdOn/modifiedOn in UTC `Z` with milliseconds or (API-created orders)
// without, money as `{"value":str,"currency":str}` in the site's currency
// (USD, CAD, GBP, EUR, JPY, KWD) with odd precision in ~20% of the orders
// ("264.8", "0.0", "123"), billing/shipping addresses that may be `null` or
// hold `null` fields, 1-10 line items with variantOptions/customizations
// (arrays or null), shippingLines, discountLines with promo codes,
// formSubmission, internalNotes, inline fulfillments with carrier, service
// (sometimes null), tracking number and URL, refundedTotal (none, partial or
// full). Statuses: fulfillmentStatus FULFILLED 55%, PENDING 35%, CANCELED 10%;
// paymentState PAID on ~70% (newer field), absent otherwise; channel web /
// pos / external (the latter with channelName and externalOrderReference);
// testmode on ~2%. About 30% of the orders escape every non-ASCII character
// as \uXXXX; the rest carry raw UTF-8. Orders are 1-7 KB (about 3 KB on average).
//
// Depends on the standard library and shopify_generator.hpp only.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "shopify_generator.hpp"

namespace ordernorm_bench {

namespace squarespace_data {

inline constexpr std::string_view fulfillment_statuses[] = {"FULFILLED", "PENDING", "CANCELED"};
inline constexpr unsigned fulfillment_weights[] = {55, 35, 10};

inline constexpr std::string_view shipping_methods[] = {"Flat Rate", "Standard Shipping", "Express",
                                                        "Free Shipping", "Local Pickup"};
inline constexpr std::string_view promo_codes[] = {"FALLSALE", "WELCOME10", "VIP-2024", "FREESHIP",
                                                   "HOLIDAY"};
inline constexpr std::string_view services[] = {"Priority Mail",     "Ground",     "Express Saver",
                                                "Same-Day Delivery", "Tracked 48", "DHL Paket"};
inline constexpr std::string_view emblem_places[] = {"Middle Chest", "Left Sleeve", "Back",
                                                     "Pocket"};
inline constexpr std::string_view note_texts[] = {"Customer called about delivery",
                                                  "Gift – wrap separately", "Bitte klingeln 🔔",
                                                  "Ships after restock"};
inline constexpr std::string_view heard_from[] = {"Facebook", "Instagram", "A friend", "Google",
                                                  "Podcast 🎙️"};
inline constexpr std::string_view channel_names[] = {"DOO Connector", "Etsy Import",
                                                     "Wholesale Portal"};

}  // namespace squarespace_data

class squarespace_generator {
 public:
  explicit squarespace_generator(std::uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 4; ++i) rng_.next();
    next_number_ = 1 + rng_.between(0, 5'000);
    clock_ = 1'704'067'200 + rng_.between(0, 86'400);  // 2024-01-01T00:00:00Z
  }

  // Appends one order (a bare order object, as GET /orders/{id}; no newline).
  void append_order(std::string& out) {
    json_builder j(out);
    escape_ = rng_.percent(30);
    j.set_mode(escape_, false, false);
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
  using currency = shopify_data::currency;
  using region = shopify_data::region;

  // How an order's money values are written: Squarespace says the value
  // "conforms to the currency's precision", but "123" for USD is allowed and
  // "264.8" / "0.0" are seen.
  enum class precision : std::uint8_t { canonical, trimmed, whole };

  struct line {
    const shopify_data::product* product;
    int variant;        // -1: no variant options
    std::int64_t unit;  // minor units
    std::int64_t quantity;
  };

  // Minor units as a decimal string in the order's precision style.
  std::string money_text(std::int64_t minor, int decimals, precision style) const {
    std::string s;
    if (minor < 0) {
      s.push_back('-');
      minor = -minor;
    }
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, minor / scale);
    s.append(buf, static_cast<std::size_t>(r.ptr - buf));
    if (decimals == 0) return s;
    std::string fraction(static_cast<std::size_t>(decimals), '0');
    std::int64_t f = minor % scale;
    for (int i = decimals - 1; i >= 0; --i) {
      fraction[static_cast<std::size_t>(i)] = static_cast<char>('0' + f % 10);
      f /= 10;
    }
    if (style != precision::canonical) {
      while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
      if (style == precision::whole && fraction == "0") return s;  // "123"
    }
    s.push_back('.');
    s += fraction;  // "264.8", "0.0"
    return s;
  }

  void money(json_builder& j, std::string_view key, std::int64_t minor) {
    j.key(key);
    j.begin_object();
    // Both key orders occur in real payloads.
    if (value_first_) {
      j.string("value", money_text(minor, money_->decimals, style_));
      j.string("currency", money_->code);
    } else {
      j.string("currency", money_->code);
      j.string("value", money_text(minor, money_->decimals, style_));
    }
    j.end_object();
  }

  // 24 lower-case hex digits, like Squarespace's object ids.
  std::string hex_id() {
    static constexpr char hex[] = "0123456789abcdef";
    std::string s(24, '0');
    std::uint64_t a = rng_.next();
    std::uint64_t b = rng_.next();
    for (std::size_t i = 0; i < 24; ++i) {
      std::uint64_t& src = i < 16 ? a : b;
      s[i] = hex[src & 15u];
      src >>= 4;
    }
    return s;
  }

  std::string uuid() {
    std::string s = hex_id() + hex_id();
    s.resize(32);
    s.insert(20, 1, '-');
    s.insert(16, 1, '-');
    s.insert(12, 1, '-');
    s.insert(8, 1, '-');
    return s;
  }

  static std::string number_text(std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, static_cast<std::size_t>(r.ptr - buf));
  }

  static void two(std::string& s, std::int64_t v) {
    s.push_back(static_cast<char>('0' + v / 10 % 10));
    s.push_back(static_cast<char>('0' + v % 10));
  }

  // "2024-01-02T03:04:05.678Z", or without the milliseconds.
  static std::string iso_time(std::int64_t unix_ms, bool millis) {
    std::int64_t seconds = unix_ms / 1000;
    const std::int64_t ms = unix_ms % 1000;
    std::int64_t days = seconds / 86'400;
    const std::int64_t rest = seconds % 86'400;
    // Hinnant's civil_from_days (dates after 1970 only).
    days += 719'468;
    const std::int64_t era = days / 146'097;
    const std::int64_t doe = days - era * 146'097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    std::string s = number_text(y);
    s.push_back('-');
    two(s, m);
    s.push_back('-');
    two(s, d);
    s.push_back('T');
    two(s, rest / 3600);
    s.push_back(':');
    two(s, rest / 60 % 60);
    s.push_back(':');
    two(s, rest % 60);
    if (millis) {
      s.push_back('.');
      s.push_back(static_cast<char>('0' + ms / 100));
      two(s, ms % 100);
    }
    s.push_back('Z');
    return s;
  }

  void address(json_builder& j, std::string_view key, const region& r, bool null_fields) {
    const shopify_data::person& who = r.people[rng_.below(r.people_count)];
    const shopify_data::city& town = r.cities[rng_.below(r.city_count)];
    const std::string_view street = r.streets[rng_.below(r.street_count)];
    j.key(key);
    j.begin_object();
    j.string("firstName", who.first);
    j.string("lastName", who.last);
    j.string("address1", number_text(rng_.between(1, 999)) + " " + std::string(street));
    if (rng_.percent(25)) {
      j.string("address2", "Apt " + number_text(rng_.between(1, 40)));
    } else {
      j.null("address2");
    }
    j.string("city", town.name);
    // `state` is free text: the code where the site has one, else a name.
    j.string("state", town.province_code.empty() ? town.province : town.province_code);
    j.string("countryCode", r.country_code);
    if (null_fields || town.zip.empty()) {
      j.null("postalCode");
    } else {
      j.string("postalCode", town.zip);
    }
    if (null_fields || rng_.percent(30)) {
      j.null("phone");
    } else {
      j.string("phone",
               std::string(r.phone_prefix) + " " + number_text(rng_.between(2'000'000, 9'999'999)));
    }
    j.end_object();
  }

  void write_order(json_builder& j) {
    using namespace squarespace_data;
    static constexpr unsigned shop_weights[] = {30, 25, 15, 4, 4, 7, 7, 5, 3};
    static_assert(std::size(shop_weights) == std::size(shopify_data::shops));
    const shopify_data::shop& shop = shopify_data::shops[rng_.weighted(shop_weights)];
    money_ = shop.money;
    const region& home = shopify_data::regions[static_cast<std::size_t>(shop.where)];
    static constexpr unsigned style_weights[] = {80, 14, 6};
    style_ = static_cast<precision>(rng_.weighted(style_weights));
    value_first_ = rng_.percent(60);

    clock_ += rng_.between(30, 900);
    const std::int64_t created_ms = clock_ * 1000 + rng_.between(0, 999);
    const std::string_view status = fulfillment_statuses[rng_.weighted(fulfillment_weights)];
    const bool fulfilled = status == "FULFILLED";
    const bool cancelled = status == "CANCELED";
    const std::int64_t fulfilled_ms =
        fulfilled ? created_ms + rng_.between(3'600, 5 * 86'400) * 1000 : 0;
    const std::int64_t modified_ms = fulfilled ? fulfilled_ms + rng_.between(0, 60'000)
                                               : created_ms + rng_.between(0, 86'400'000);
    const bool api_created = rng_.percent(10);  // no milliseconds, channel external
    const bool newer = rng_.percent(70);        // paymentState, customerId, shippingOption*

    // Lines and money, all in the site's currency minor units.
    const std::int64_t line_count =
        1 + (rng_.percent(60) ? rng_.between(0, 2) : rng_.between(0, 9));
    line lines[10];
    std::int64_t subtotal = 0;
    bool physical = false;
    for (std::int64_t i = 0; i < line_count; ++i) {
      line& l = lines[i];
      l.product = &shopify_data::products[rng_.below(std::size(shopify_data::products))];
      int variants = 0;
      while (variants < 3 && !l.product->variants[variants].empty()) ++variants;
      l.variant = l.product->variants[0] == "Default Title"
                      ? -1
                      : static_cast<int>(rng_.below(static_cast<std::uint64_t>(variants)));
      l.unit = l.product->usd_cents * money_->per_usd_cent_x10000 / 10000;
      if (money_->decimals == 2 && rng_.percent(20)) l.unit = l.unit / 100 * 100;  // whole prices
      l.quantity = rng_.percent(75) ? 1 : rng_.between(2, 5);
      subtotal += l.unit * l.quantity;
      physical = physical || !l.product->gift_card;
    }
    std::int64_t one = 1;
    for (int i = 0; i < money_->decimals; ++i) one *= 10;
    const bool free_shipping = !physical || rng_.percent(20);
    const std::int64_t shipping = free_shipping ? 0 : rng_.between(3, 25) * one;
    const bool has_discount = rng_.percent(25);
    const std::int64_t discount = has_discount ? subtotal * rng_.between(5, 25) / 100 : 0;
    const bool inclusive = home.taxes_included;
    const std::int64_t taxable = subtotal - discount + shipping;
    const std::int64_t tax = inclusive ? taxable * home.tax_rate_bp / (10'000 + home.tax_rate_bp)
                                       : taxable * home.tax_rate_bp / 10'000;
    const std::int64_t grand = inclusive ? taxable : taxable + tax;
    std::int64_t refunded = 0;
    if (cancelled ? rng_.percent(70) : rng_.percent(6)) {
      refunded = grand;  // a full refund
    } else if (rng_.percent(6)) {
      refunded = grand / rng_.between(2, 5);  // a partial one
    }

    j.begin_object();
    j.string("id", hex_id());
    j.string("orderNumber", number_text(next_number_++));
    j.string("createdOn", iso_time(created_ms, !api_created));
    j.string("modifiedOn", iso_time(modified_ms, !api_created || rng_.percent(50)));
    const std::string_view channel = api_created ? "external" : (rng_.percent(88) ? "web" : "pos");
    j.string("channel", channel);
    j.boolean("testmode", rng_.percent(2));
    const shopify_data::person& buyer = home.people[rng_.below(home.people_count)];
    j.string("customerEmail", std::string(buyer.first_ascii) + "." + std::string(buyer.last_ascii) +
                                  number_text(rng_.between(1, 999)) + "@example.com");
    if (newer) {
      if (rng_.percent(80)) {
        j.string("customerId", hex_id());
      } else {
        j.null("customerId");
      }
    }
    if (rng_.percent(5)) {
      j.null("billingAddress");
    } else {
      address(j, "billingAddress", home, rng_.percent(5));
    }
    if (!physical || rng_.percent(5)) {
      j.null("shippingAddress");
    } else {
      address(j, "shippingAddress", home, false);
    }
    j.string("fulfillmentStatus", status);

    j.key("lineItems");
    j.begin_array();
    for (std::int64_t i = 0; i < line_count; ++i) {
      const line& l = lines[i];
      j.begin_object();
      j.string("id", hex_id());
      if (rng_.percent(85)) {
        j.string("variantId", uuid());
      } else {
        j.null("variantId");  // orders before 2019-05-28
      }
      if (l.product->sku.empty() || l.product->gift_card) {
        j.null("sku");
      } else {
        j.string("sku",
                 "SQ" + number_text(1'000'000 + static_cast<std::int64_t>(rng_.below(9'000'000))));
      }
      const bool weighed = !l.product->gift_card && rng_.percent(50);
      j.number("weight", weighed ? std::string_view("1.5") : std::string_view("0"));
      j.number("width", weighed ? std::string_view("2.0") : std::string_view("0"));
      j.number("length", weighed ? std::string_view("3.0") : std::string_view("0"));
      j.number("height", weighed ? std::string_view("4.0") : std::string_view("0"));
      j.string("productId", hex_id());
      j.string("productName", l.product->title);
      j.integer("quantity", l.quantity);
      money(j, "unitPricePaid", l.unit);
      if (l.variant < 0) {
        j.null("variantOptions");
      } else {
        j.key("variantOptions");
        j.begin_array();
        j.begin_object();
        j.string("optionName", "Style");
        j.string("value", l.product->variants[l.variant]);
        j.end_object();
        j.end_array();
      }
      if (rng_.percent(10)) {
        j.key("customizations");
        j.begin_array();
        j.begin_object();
        j.string("label", "Emblem Location");
        j.string("value", rng_.pick(emblem_places));
        j.end_object();
        j.end_array();
      } else {
        j.null("customizations");
      }
      j.string("imageUrl",
               "https://images.squarespace-cdn.com/content/v1/" + hex_id() + "/item.jpg");
      j.string("lineItemType", l.product->gift_card ? "GIFT_CARD" : "PHYSICAL_PRODUCT");
      j.end_object();
    }
    j.end_array();

    j.key("internalNotes");
    j.begin_array();
    if (rng_.percent(15)) {
      j.begin_object();
      j.string("content", rng_.pick(note_texts));
      j.end_object();
    }
    j.end_array();

    j.key("shippingLines");
    j.begin_array();
    if (physical) {
      j.begin_object();
      j.string("method", free_shipping ? "Free Shipping" : rng_.pick(shipping_methods));
      money(j, "amount", shipping);
      j.end_object();
    }
    j.end_array();

    j.key("discountLines");
    j.begin_array();
    if (has_discount) {
      const std::string_view code = rng_.pick(promo_codes);
      j.begin_object();
      j.string("description", code);
      j.string("name", code);
      money(j, "amount", discount);
      j.string("promoCode", code);
      j.end_object();
    }
    j.end_array();

    if (rng_.percent(20)) {
      j.key("formSubmission");
      j.begin_array();
      j.begin_object();
      j.string("label", "How did you hear about us?");
      j.string("value", rng_.pick(heard_from));
      j.end_object();
      j.end_array();
    } else {
      j.null("formSubmission");
    }

    j.key("fulfillments");
    j.begin_array();
    if (fulfilled && physical && rng_.percent(85)) {
      const std::int64_t count = rng_.percent(85) ? 1 : 2;
      for (std::int64_t i = 0; i < count; ++i) {
        const std::string_view carrier = home.carriers[rng_.below(3)];
        const std::string number = number_text(rng_.between(100'000'000'000LL, 999'999'999'999LL)) +
                                   number_text(rng_.between(1'000'000'000LL, 9'999'999'999LL));
        j.begin_object();
        j.string("shipDate", iso_time(fulfilled_ms - (count - i) * 60'000, true));
        j.string("carrierName", carrier);
        if (rng_.percent(30)) {
          j.null("service");
        } else {
          j.string("service", rng_.pick(services));
        }
        j.string("trackingNumber", number);
        if (rng_.percent(20)) {
          j.null("trackingUrl");
        } else {
          j.string("trackingUrl",
                   "https://track.example.com/?carrier=" + std::string(carrier) + "&n=" + number);
        }
        j.end_object();
      }
    }
    j.end_array();

    // API-created orders in a POST response carry only subtotal and grandTotal.
    money(j, "subtotal", subtotal);
    if (!api_created || rng_.percent(50)) {
      money(j, "shippingTotal", shipping);
      money(j, "discountTotal", discount);
      money(j, "taxTotal", tax);
      money(j, "refundedTotal", refunded);
    }
    money(j, "grandTotal", grand);
    if (api_created) {
      j.string("channelName", rng_.pick(channel_names));
      j.string("externalOrderReference", "EXT-" + number_text(rng_.between(100'000, 999'999)));
    } else {
      j.null("channelName");
      j.null("externalOrderReference");
    }
    if (fulfilled) {
      j.string("fulfilledOn", iso_time(fulfilled_ms, true));
    } else {
      j.null("fulfilledOn");
    }
    j.string("priceTaxInterpretation", inclusive ? "INCLUSIVE" : "EXCLUSIVE");
    if (newer) {
      j.string("paymentState", "PAID");
      if (physical && rng_.percent(50)) {
        j.string("shippingOptionName", free_shipping ? "Free Shipping" : "Standard");
        j.string("shippingOptionServiceType", "STANDARD");
      } else {
        j.null("shippingOptionName");
        j.null("shippingOptionServiceType");
      }
    }
    j.end_object();
  }

  splitmix64 rng_;
  std::int64_t next_number_ = 1;
  std::int64_t clock_ = 0;  // UTC seconds of the last order
  const currency* money_ = nullptr;
  precision style_ = precision::canonical;
  bool value_first_ = true;
  bool escape_ = false;
};

// `bytes` of NDJSON orders (whole orders: a little more than `bytes`).
inline std::string generate_squarespace_ndjson(std::size_t bytes, std::uint64_t seed) {
  std::string out;
  out.reserve(bytes + 8192);
  squarespace_generator(seed).append_ndjson(out, bytes);
  return out;
}

}  // namespace ordernorm_bench
