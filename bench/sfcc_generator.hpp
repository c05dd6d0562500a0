// A deterministic generator of realistic Salesforce B2C Commerce orders
// (SCAPI camelCase and OCAPI snake_case), for benchmarks and ordernorm_gen.
//
//   ordernorm_bench::sfcc_generator gen(42);
//   std::string ndjson;
//   gen.append_ndjson(ndjson, 20'000'000);  // whole orders, one per line
//   // or: std::string s = ordernorm_bench::generate_sfcc_ndjson(20'000'000, 42);
//
// Same seed, same calls => the same bytes everywhere: the only randomness is
// splitmix64 (shopify_generator.hpp), every number is formatted with integer
// arithmetic, and there is no clock. The output for N bytes is a prefix of the
// output for more bytes.
//
// The orders follow ../shared/research/platforms-woo-sfcc-squarespace-ebay.md §2
// and ../shared/conformance/sfcc/: 65% SCAPI (Shopper Orders / admin Orders
// shape, camelCase, millisecond `Z` times) and 35% OCAPI Shop API (snake_case,
// `_v`/`_type`/`_resource_state` metadata, localized `{"default": ...}`
// shipping method names, minute-precision times in half of them). Money is
// JSON numbers as a double prints them (trailing zeros dropped: 99, 16.49,
// 0.8), with odd precision (3-4 decimals) in ~5% of orders and an exponent
// (`15e1`) now and then. Zero-padded `orderNo`, five status fields
// (status new 42%, completed 20%, created 9%, cancelled 9%, open 6%, failed
// 6%, replaced 3%, an unknown `failed_with_reopen` 1%; the confirmation,
// export, payment and shipping flags drawn to fit, with export `failed` on
// some), 1-10 product items with item and order price adjustments, option
// items, `c_*` custom attributes at every level (strings, numbers, booleans,
// arrays), customerInfo (absent on ~8%: partial-access views), billing
// address, 1-3 shipments each with its address, shipping method (ids naming
// UPS/FedEx/USPS/DHL or not), shippingStatus and a trackingNumber once
// shipped, shipping items, payment instruments. About 30% of the orders
// escape every non-ASCII character as \uXXXX. Orders are 3-9 KB.
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

namespace sfcc_data {

inline constexpr std::string_view statuses[] = {
    "new", "completed", "created", "cancelled", "open", "failed", "replaced", "failed_with_reopen"};
inline constexpr unsigned status_weights[] = {42, 20, 9, 9, 6, 6, 3, 1};

struct method {
  std::string_view id, name;
  bool tracked;  // a carrier service: shipped rows carry a tracking number
};
inline constexpr method methods[] = {
    {"ups-ground", "UPS Ground", true},       {"001", "Ground", true},
    {"002", "2-Day Express", true},           {"fedex-2day", "FedEx 2Day", true},
    {"USPS_PRIORITY", "Priority Mail", true}, {"DHLExpress", "DHL Express Worldwide", true},
    {"EUR001", "Standardversand", true},      {"store-pickup", "Retrait en magasin", false},
};

inline constexpr std::string_view card_types[] = {"Visa", "Master Card", "Amex", "Discover"};
inline constexpr std::string_view promotions[] = {"5ties", "spring-sale", "free-gift", "vip_10pct"};
inline constexpr std::string_view sites[] = {"RefArch", "RefArchGlobal", "SiteGenesis"};
inline constexpr std::string_view options[] = {
    "Gift wrap – recycled paper", "We will plant a tree.", "Monogram ✎", "Extended warranty"};

}  // namespace sfcc_data

class sfcc_generator {
 public:
  explicit sfcc_generator(std::uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 5; ++i) rng_.next();
    next_order_no_ = 100 + rng_.between(0, 90'000);
    clock_ = 1'704'067'200 + rng_.between(0, 86'400);  // 2024-01-01T00:00:00Z
  }

  // Appends one order (a bare order document, as GET .../orders/{orderNo}; no newline).
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
  // The key in the order's spelling: SCAPI camelCase or OCAPI snake_case.
  std::string_view k(std::string_view camel, std::string_view snake) const {
    return ocapi_ ? snake : camel;
  }

  // a + b without `"literal" + std::string&&`, on which GCC 12 -O3 raises a
  // false -Wrestrict.
  static std::string join(std::string_view a, std::string_view b) {
    std::string s(a);
    s += b;
    return s;
  }

  static std::string digits(std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, static_cast<std::size_t>(r.ptr - buf));
  }

  // `minor` units of a currency with `decimals` places, as a double prints:
  // trailing zeros and the point dropped ("99", "16.49", "0.8").
  static std::string number(std::int64_t minor, int decimals) {
    std::string s;
    if (minor < 0) {
      s.push_back('-');
      minor = -minor;
    }
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    s += digits(minor / scale);
    std::int64_t frac = minor % scale;
    if (frac != 0) {
      std::string f(static_cast<std::size_t>(decimals), '0');
      for (int i = decimals - 1; i >= 0; --i) {
        f[static_cast<std::size_t>(i)] = static_cast<char>('0' + frac % 10);
        frac /= 10;
      }
      while (f.back() == '0') f.pop_back();
      s += "." + f;
    }
    return s;
  }

  // A money amount: usually number(); a whole multiple of ten now and then
  // as an exponent ("15e1"), which is valid JSON and must be read exactly.
  std::string amount(std::int64_t minor, int decimals) {
    std::string s = number(minor, decimals);
    if (s.size() > 2 && s.find('.') == std::string::npos && s.back() == '0' && s[0] != '-' &&
        rng_.percent(3)) {
      s.pop_back();
      s += "e1";
    }
    return s;
  }
  void money(json_builder& j, std::string_view camel, std::string_view snake, std::int64_t minor) {
    j.key(k(camel, snake));
    j.number(amount(minor, decimals_));
  }

  // "YYYY-MM-DDTHH:MM:SS.mmmZ", or OCAPI's minute precision "YYYY-MM-DDTHH:MMZ".
  static std::string time(std::int64_t unix_ms, bool minutes_only) {
    const std::int64_t unix_seconds = unix_ms / 1000;
    const std::int64_t days = unix_seconds / 86400;
    std::int64_t secs = unix_seconds % 86400;
    const std::int64_t z = days + 719468;
    const std::int64_t era = z / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[24];
    auto put = [&](int at, std::int64_t v, int width) {
      for (int i = width - 1; i >= 0; --i) {
        buf[at + i] = static_cast<char>('0' + v % 10);
        v /= 10;
      }
    };
    put(0, y, 4);
    buf[4] = '-';
    put(5, m, 2);
    buf[7] = '-';
    put(8, d, 2);
    buf[10] = 'T';
    put(11, secs / 3600, 2);
    buf[13] = ':';
    secs %= 3600;
    put(14, secs / 60, 2);
    if (minutes_only) {
      buf[16] = 'Z';
      return std::string(buf, 17);
    }
    buf[16] = ':';
    put(17, secs % 60, 2);
    buf[19] = '.';
    put(20, unix_ms % 1000, 3);
    return std::string(buf, 23) + "Z";
  }

  std::string hash_id() {
    static constexpr char alphabet[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 26; ++i) s.push_back(alphabet[rng_.below(16)]);
    return s;
  }

  void custom_attributes(json_builder& j) {
    if (!rng_.percent(40)) return;
    switch (rng_.below(4)) {
      case 0:
        j.string("c_strValue", "custom – ☂");
        break;
      case 1:
        j.key("c_loyaltyPoints");
        j.integer(rng_.between(0, 5000));
        break;
      case 2:
        j.boolean("c_isGift", rng_.percent(50));
        break;
      default:
        j.key("c_mediaFormat");
        j.begin_array();
        j.string("dvd");
        j.string("blu-ray");
        j.end_array();
        break;
    }
  }

  void meta(json_builder& j, std::string_view type) {
    if (!ocapi_) return;
    j.string("_type", type);
  }

  void write_address(json_builder& j, std::string_view camel, std::string_view snake,
                     const shopify_data::person& who, const shopify_data::city& c,
                     std::string_view country, std::string_view street, std::string_view phone) {
    j.key(k(camel, snake));
    j.begin_object();
    meta(j, "order_address");
    j.string("address1", street);
    if (!suite_.empty()) j.string("address2", suite_);
    j.string("city", c.name);
    if (company_) j.string(k("companyName", "company_name"), "Müller & Söhne GmbH");
    j.string(k("countryCode", "country_code"), country);
    j.string(k("firstName", "first_name"), who.first);
    j.string(k("fullName", "full_name"), std::string(who.first) + " " + std::string(who.last));
    j.string("id", hash_id());
    j.string(k("lastName", "last_name"), who.last);
    if (!phone.empty()) j.string("phone", phone);
    j.string(k("postalCode", "postal_code"), c.zip);
    if (!c.province_code.empty()) j.string(k("stateCode", "state_code"), c.province_code);
    custom_attributes(j);
    j.end_object();
  }

  void write_order(json_builder& j) {
    namespace sd = shopify_data;
    namespace fd = sfcc_data;
    ocapi_ = rng_.percent(35);
    const unsigned shop_weights[] = {30, 25, 15, 4, 4, 7, 7, 5, 3};
    const sd::shop& shop = sd::shops[rng_.weighted(shop_weights)];
    const sd::region& reg = sd::regions[static_cast<std::size_t>(shop.where)];
    const sd::currency& cur = *shop.money;
    // Odd precision: a site whose prices carry more places than the currency.
    decimals_ = rng_.percent(5) ? cur.decimals + 1 + static_cast<int>(rng_.below(2)) : cur.decimals;
    const std::int64_t to_minor =
        decimals_ > cur.decimals ? (decimals_ - cur.decimals == 1 ? 10 : 100) : 1;
    const std::string_view status = fd::statuses[rng_.weighted(fd::status_weights)];
    const bool placed = status != "created" && status != "failed" && status != "failed_with_reopen";
    clock_ += rng_.between(60, 5400);
    const std::int64_t created_ms = clock_ * 1000 + rng_.between(0, 999);
    const std::int64_t modified_ms = created_ms + rng_.between(5'000, 86'400'000 * 3LL);
    const bool minutes_only = ocapi_ && rng_.percent(50);

    // Statuses drawn to fit the lifecycle state.
    std::string_view shipping_status = "not_shipped";
    if (status == "completed") shipping_status = "shipped";
    if (status == "new" || status == "open") {
      shipping_status =
          rng_.percent(30) ? "shipped" : (rng_.percent(10) ? "part_shipped" : "not_shipped");
    }
    std::string_view payment_status = "not_paid";
    if (placed && status != "cancelled" && status != "replaced") {
      payment_status = rng_.percent(85) ? "paid" : (rng_.percent(50) ? "part_paid" : "not_paid");
    } else if (status == "cancelled" && rng_.percent(40)) {
      payment_status = "paid";
    }
    const std::string_view confirmation =
        placed && rng_.percent(92) ? "confirmed" : "not_confirmed";
    std::string_view export_status = "not_exported";
    if (placed) {
      const std::size_t e = rng_.below(10);
      export_status = e < 6 ? "exported" : (e < 8 ? "ready" : (e < 9 ? "failed" : "not_exported"));
    }

    // Who and where (one person, address and company for every address of the order).
    suite_ = rng_.percent(15) ? join("Suite ", digits(rng_.between(100, 999))) : std::string();
    company_ = rng_.percent(10);
    const sd::person& who = reg.people[rng_.below(reg.people_count)];
    const sd::city& c = reg.cities[rng_.below(reg.city_count)];
    const std::string street =
        digits(rng_.between(1, 999)) + " " + std::string(reg.streets[rng_.below(reg.street_count)]);
    const std::string email = std::string(who.first_ascii) + "." + std::string(who.last_ascii) +
                              "@example." + (shop.where == sd::locale::us ? "com" : "net");
    const std::string phone =
        std::string(reg.phone_prefix) + "555" + digits(rng_.between(1000000, 9999999));

    // Lines (in `decimals_` places).
    struct line {
      const sd::product* product;
      std::int64_t quantity, unit, adjustment, tax;
      std::size_t shipment;
    };
    std::array<line, 10> lines{};
    const auto count =
        static_cast<std::size_t>(1 + rng_.weighted({12, 18, 18, 14, 11, 9, 7, 5, 3, 3}));
    const std::size_t shipment_count = count > 1 && rng_.percent(15) ? 1 + rng_.below(3) : 1;
    std::int64_t sub_total = 0, item_tax = 0;
    for (std::size_t i = 0; i < count; ++i) {
      line& l = lines[i];
      l.product = &sd::products[rng_.below(std::size(sd::products))];
      l.quantity = 1 + static_cast<std::int64_t>(rng_.weighted({60, 25, 8, 4, 3}));
      l.unit = l.product->usd_cents * cur.per_usd_cent_x10000 / 10000 * to_minor;
      if (to_minor > 1) l.unit += rng_.between(0, to_minor - 1);  // 19.995
      if (l.unit == 0) l.unit = 1;
      l.adjustment = rng_.percent(12) ? -(l.unit * l.quantity / 10) : 0;
      l.tax = (l.unit * l.quantity + l.adjustment) * reg.tax_rate_bp / 10000;
      l.shipment = i % shipment_count;
      sub_total += l.unit * l.quantity + l.adjustment;
      item_tax += l.tax;
    }
    const std::int64_t order_adjustment = rng_.percent(15) ? -(sub_total / 20) : 0;
    const std::int64_t product_total = sub_total + order_adjustment;
    const std::int64_t shipping = 599 * cur.per_usd_cent_x10000 / 10000 * to_minor;
    const std::int64_t shipping_tax = shipping * reg.tax_rate_bp / 10000;
    const std::int64_t tax_total = item_tax + shipping_tax;
    const std::int64_t order_total = product_total + shipping + tax_total;

    j.begin_object();
    if (ocapi_) {
      j.string("_v", "25.6");
      j.string("_type", "order");
      j.string("_resource_state", hash_id() + hash_id());
    }
    money(j, "adjustedMerchandizeTotalTax", "adjusted_merchandize_total_tax", item_tax);
    money(j, "adjustedShippingTotalTax", "adjusted_shipping_total_tax", shipping_tax);
    write_address(j, "billingAddress", "billing_address", who, c, reg.country_code, street, phone);
    if (!ocapi_) j.string("channelType", rng_.percent(90) ? "storefront" : "callcenter");
    j.string(k("confirmationStatus", "confirmation_status"), confirmation);
    if (order_adjustment != 0) {
      j.key(k("couponItems", "coupon_items"));
      j.begin_array();
      j.begin_object();
      j.string("code", fd::promotions[rng_.below(std::size(fd::promotions))]);
      j.string(k("statusCode", "status_code"), "applied");
      j.boolean("valid", true);
      j.end_object();
      j.end_array();
    }
    j.string(k("createdBy", "created_by"), "Customer");
    j.string(k("creationDate", "creation_date"), time(created_ms, minutes_only));
    j.string("currency", cur.code);
    const bool partial_access = rng_.percent(8);
    if (!partial_access) {
      j.key(k("customerInfo", "customer_info"));
      j.begin_object();
      meta(j, "customer_info");
      const bool guest = rng_.percent(40);
      j.string(k("customerId", "customer_id"), hash_id());
      j.string(k("customerName", "customer_name"), std::string(rng_.percent(5) ? " " : "") +
                                                       std::string(who.first) + " " +
                                                       std::string(who.last));
      if (!guest)
        j.string(k("customerNo", "customer_no"), join("0000", digits(rng_.between(1000, 9999))));
      j.string("email", email);
      custom_attributes(j);
      j.end_object();
    }
    j.string(k("exportStatus", "export_status"), export_status);
    j.string(k("lastModified", "last_modified"), time(modified_ms, minutes_only));
    money(j, "merchandizeTotalTax", "merchandize_total_tax", item_tax);
    const std::int64_t order_no = next_order_no_;
    next_order_no_ += 1 + rng_.between(0, 2);
    std::string padded = digits(order_no);
    while (padded.size() < 8) padded.insert(padded.begin(), '0');
    j.string(k("orderNo", "order_no"), padded);
    if (order_adjustment != 0) {
      j.key(k("orderPriceAdjustments", "order_price_adjustments"));
      j.begin_array();
      j.begin_object();
      meta(j, "price_adjustment");
      j.string(k("itemText", "item_text"), "5% off your order");
      money(j, "price", "price", order_adjustment);
      j.string(k("priceAdjustmentId", "price_adjustment_id"), hash_id());
      j.string(k("promotionId", "promotion_id"),
               fd::promotions[rng_.below(std::size(fd::promotions))]);
      j.end_object();
      j.end_array();
    }
    j.string(k("orderToken", "order_token"), hash_id() + hash_id());
    money(j, "orderTotal", "order_total", order_total);
    if (!partial_access) {
      j.key(k("paymentInstruments", "payment_instruments"));
      j.begin_array();
      j.begin_object();
      meta(j, "order_payment_instrument");
      // Often 0 on a paid order: never summed for a total (§2.2).
      money(j, "amount", "amount", rng_.percent(20) ? 0 : order_total);
      j.key(k("paymentCard", "payment_card"));
      j.begin_object();
      j.string(k("cardType", "card_type"), fd::card_types[rng_.below(std::size(fd::card_types))]);
      j.boolean(k("creditCardExpired", "credit_card_expired"), false);
      j.key(k("expirationYear", "expiration_year"));
      j.integer(2027 + rng_.between(0, 4));
      j.string(k("maskedNumber", "masked_number"),
               join("************", digits(rng_.between(1000, 9999))));
      j.end_object();
      j.string(k("paymentInstrumentId", "payment_instrument_id"), hash_id());
      j.string(k("paymentMethodId", "payment_method_id"), "CREDIT_CARD");
      custom_attributes(j);
      j.end_object();
      j.end_array();
    }
    j.string(k("paymentStatus", "payment_status"), payment_status);

    j.key(k("productItems", "product_items"));
    j.begin_array();
    for (std::size_t i = 0; i < count; ++i) {
      const line& l = lines[i];
      const std::int64_t line_price = l.unit * l.quantity;
      j.begin_object();
      meta(j, "product_item");
      money(j, "adjustedTax", "adjusted_tax", l.tax);
      money(j, "basePrice", "base_price", l.unit);
      j.boolean(k("bonusProductLineItem", "bonus_product_line_item"), false);
      j.boolean("gift", false);
      j.string(k("itemId", "item_id"), hash_id());
      j.string(k("itemText", "item_text"), l.product->title);
      if (rng_.percent(8)) {
        j.key(k("optionItems", "option_items"));
        j.begin_array();
        j.begin_object();
        money(j, "basePrice", "base_price", 0);
        j.string(k("itemId", "item_id"), hash_id());
        j.string(k("itemText", "item_text"), fd::options[rng_.below(std::size(fd::options))]);
        j.string(k("optionId", "option_id"), "giftOption");
        money(j, "price", "price", 0);
        j.string(k("productId", "product_id"), "000");
        j.key("quantity");
        j.integer(l.quantity);
        j.end_object();
        j.end_array();
      }
      money(j, "price", "price", line_price);
      if (l.adjustment != 0) {
        j.key(k("priceAdjustments", "price_adjustments"));
        j.begin_array();
        j.begin_object();
        meta(j, "price_adjustment");
        money(j, "price", "price", l.adjustment);
        j.string(k("promotionId", "promotion_id"), "10pct-item");
        j.end_object();
        j.end_array();
      }
      money(j, "priceAfterItemDiscount", "price_after_item_discount", line_price + l.adjustment);
      std::string product_id = l.product->sku.empty()
                                   ? join("P", digits(1000 + (l.product - sd::products)))
                                   : std::string(l.product->sku);
      if (rng_.percent(50)) product_id += "M";  // a variant's own id
      j.string(k("productId", "product_id"), product_id);
      j.string(k("productName", "product_name"), l.product->title);
      j.key("quantity");
      if (rng_.percent(10)) {
        j.number(digits(l.quantity) + ".0");  // a double in the OAS
      } else {
        j.integer(l.quantity);
      }
      j.string(k("shipmentId", "shipment_id"),
               l.shipment == 0 ? "me" : join("s", digits(static_cast<std::int64_t>(l.shipment))));
      money(j, "tax", "tax", l.tax);
      money(j, "taxBasis", "tax_basis", line_price + l.adjustment);
      j.key(k("taxClassId", "tax_class_id"));
      if (rng_.percent(20)) {
        j.null();
      } else {
        j.string("standard");
      }
      j.key(k("taxRate", "tax_rate"));
      j.number(number(reg.tax_rate_bp, 4));
      custom_attributes(j);
      j.end_object();
    }
    j.end_array();
    money(j, "productSubTotal", "product_sub_total", sub_total);
    money(j, "productTotal", "product_total", product_total);

    j.key("shipments");
    j.begin_array();
    for (std::size_t s = 0; s < shipment_count; ++s) {
      const fd::method& m = fd::methods[rng_.below(std::size(fd::methods))];
      const bool shipped =
          shipping_status == "shipped" || (shipping_status == "part_shipped" && s == 0);
      j.begin_object();
      meta(j, "shipment");
      j.string(ocapi_ ? "id" : "shipmentId",
               s == 0 ? "me" : join("s", digits(static_cast<std::int64_t>(s))));
      if (!ocapi_)
        j.string("shipmentNo",
                 join("0000", digits(order_no % 10000 + static_cast<std::int64_t>(s))));
      write_address(j, "shippingAddress", "shipping_address", who, c, reg.country_code, street, "");
      j.key(k("shippingMethod", "shipping_method"));
      j.begin_object();
      meta(j, "shipping_method");
      j.string("id", m.id);
      if (ocapi_) {
        j.key("name");
        j.begin_object();
        j.string("default", m.name);
        j.end_object();
      } else {
        j.string("name", m.name);
      }
      money(j, "price", "price", shipping);
      custom_attributes(j);
      j.end_object();
      j.string(k("shippingStatus", "shipping_status"), shipped ? "shipped" : "not_shipped");
      money(j, "shippingTotal", "shipping_total", s == 0 ? shipping : 0);
      if (shipped && m.tracked) {
        j.string(k("trackingNumber", "tracking_number"),
                 join("1Z", digits(rng_.between(100'000'000, 999'999'999)) +
                                digits(rng_.between(1000000, 9999999))));
      }
      j.end_object();
    }
    j.end_array();

    j.key(k("shippingItems", "shipping_items"));
    j.begin_array();
    j.begin_object();
    meta(j, "shipping_item");
    money(j, "adjustedTax", "adjusted_tax", shipping_tax);
    money(j, "basePrice", "base_price", shipping);
    j.string(k("itemId", "item_id"), hash_id());
    j.string(k("itemText", "item_text"), "Shipping");
    money(j, "price", "price", shipping);
    money(j, "priceAfterItemDiscount", "price_after_item_discount", shipping);
    j.string(k("shipmentId", "shipment_id"), "me");
    money(j, "tax", "tax", shipping_tax);
    j.end_object();
    j.end_array();
    j.string(k("shippingStatus", "shipping_status"), shipping_status);
    money(j, "shippingTotal", "shipping_total", shipping);
    money(j, "shippingTotalTax", "shipping_total_tax", shipping_tax);
    j.string(k("siteId", "site_id"), sfcc_data::sites[rng_.below(std::size(sfcc_data::sites))]);
    j.string("status", status);
    j.string("taxation", "net");
    money(j, "taxTotal", "tax_total", tax_total);
    custom_attributes(j);
    j.end_object();
  }

  splitmix64 rng_;
  std::int64_t next_order_no_ = 0;
  std::int64_t clock_ = 0;
  bool ocapi_ = false;
  bool company_ = false;
  std::string suite_;
  int decimals_ = 2;
};

// `bytes` of NDJSON orders (whole orders; at least `bytes`).
inline std::string generate_sfcc_ndjson(std::size_t bytes, std::uint64_t seed) {
  std::string out;
  out.reserve(bytes + 16384);
  sfcc_generator gen(seed);
  gen.append_ndjson(out, bytes);
  return out;
}

}  // namespace ordernorm_bench
