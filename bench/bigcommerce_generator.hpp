// A deterministic generator of realistic BigCommerce Orders V2 orders in the
// expanded form (DESIGN.md, "Inputs that are more than one document"), for the
// benchmarks and ordernorm_gen.
//
//   std::string ndjson = ordernorm_bench::generate_bigcommerce_ndjson(20'000'000, 42);
//   // or: ordernorm_bench::bigcommerce_generator gen(42); gen.append_ndjson(out, bytes);
//
// Same seed, same calls => the same bytes everywhere: the only randomness is
// splitmix64 (shopify_generator.hpp), every number is formatted with integer
// arithmetic, and there is no clock. The output for N bytes is a prefix of the
// output for more bytes.
//
// The orders follow the key set and key order of the real V2 order
// (../shared/conformance/bigcommerce/v2-order-100-nango-2026.json) with the
// sub-resources expanded in place of their {url, resource} links: `products`
// (1-10 rows with the key set of v2-order-100-products-nango-2026.json),
// `shipping_addresses` (one row, keys of
// v2-order-100-shipping-addresses-nango-2026.json; an order with several
// converts with a warning, and the benchmark wants none) and, for shipped orders,
// `shipments` (keys of v2-order-shipments-docs-example.json). About 8-9 KB per
// order on average (1-4 rows in 70% of orders, 5-10 in the rest). What the mapping meets:
// - RFC 2822 dates with `+0000`; `""` for an unset `date_shipped`.
// - Money as 4-decimal strings ("109.0000"), exchange rates with 10 decimals;
//   odd precision (prices such as "19.9950", 3-decimal KWD amounts, whole
//   JPY amounts still written "1500.0000").
// - `status_id` over all 15 statuses (weighted like a live store), the system
//   name in `status` and `custom_status`; `payment_status` "" for manual
//   methods, else the gateway's value.
// - `customer_id` 0 for about 35% of orders (guests); `is_deleted` true for 1%;
//   display `currency_code` differing from the transactional one in 5%.
// - Free-text `state` ("TX" or "Texas"), `zip` as a string.
// - Bundled child rows (parent_order_product_id, is_bundled_product) in 5% of
//   orders; custom products with product_id 0 in 4% of rows.
// - About 30% of the orders escape every non-ASCII character as \uXXXX, half
//   of those also escape '/' as "\/" (the 2012-era PHP payloads); the rest
//   carry raw UTF-8.
//
// Depends on the standard library and shopify_generator.hpp only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "shopify_generator.hpp"

namespace ordernorm_bench {

namespace bigcommerce_data {

struct currency {
  std::string_view code;
  int decimals;                 // shown digits; BigCommerce still writes four
  std::int64_t per_usd_x10000;  // units per US dollar, times 10000
};
inline constexpr currency currencies[] = {
    {"USD", 2, 10000},   {"USD", 2, 10000}, {"USD", 2, 10000}, {"EUR", 2, 9200},
    {"GBP", 2, 7900},    {"CAD", 2, 13600}, {"AUD", 2, 15100}, {"JPY", 0, 1500000},
    {"KES", 2, 1290000}, {"KWD", 3, 3070}};

struct person {
  std::string_view first, last, email_user;
};
inline constexpr person people[] = {
    {"Jane", "Doe", "janedoe"},        {"Trishy", "Smith", "trishy"},
    {"José", "García", "jose.garcia"}, {"Zoë", "O'Brien", "zoe"},
    {"Renée", "Tremblay", "renee"},    {"Marcus", "Johnson", "marcus"},
    {"Priya", "Patel", "priya"},       {"Łukasz", "Nowak", "lukasz"},
    {"Søren", "Kierkegaard", "soren"}, {"Hélène", "Lefèvre", "helene"},
    {"太郎", "山田", "taro"},          {"Jürgen", "Müller", "juergen"},
    {"Test", "User", "testuser"},      {"Emily", "Chen", "emily"},
};

struct place {
  std::string_view city, state, zip, country, iso2, street;
};
inline constexpr place places[] = {
    {"Austin", "TX", "78701", "United States", "US", "123 Main St"},
    {"Austin", "Texas", "78751", "United States", "US", "555 Main Street"},
    {"San Antonio", "Texas", "78251", "United States", "US", "666 Sussex St"},
    {"Brooklyn", "New York", "11201", "United States", "US", "77 Atlantic Ave"},
    {"Montréal", "Québec", "H2Y 1Z6", "Canada", "CA", "12 Rue Saint-Paul"},
    {"Sydney", "New South Wales", "2000", "Australia", "AU", "9 George St"},
    {"London", "", "SW1A 1AA", "United Kingdom", "GB", "10 Baker Street"},
    {"München", "Bayern", "80331", "Germany", "DE", "Königsallee 4"},
    {"Nairobi", "Nairobi", "00100", "Kenya", "KE", "Moi Avenue 21"},
    {"Kuwait City", "Al Asimah", "13001", "Kuwait", "KW", "Block 3, Street 12"},
};

struct product {
  std::string_view name, sku;
  std::int64_t usd_x10000;  // base price in US dollars, times 10000
  std::int64_t product_id, variant_id;
};
inline constexpr product products[] = {
    {"[Sample] Orbit Terrarium - Large", "OTL", 1090000, 80, 64},
    {"[Sample] Orbit Terrarium - Small", "OTS", 890000, 81, 65},
    {"Fog Linen Chambray Towel - Beige Stripe", "S-ORAN", 559900, 77, 51},
    {"Able Brewing System", "ABS", 2250000, 86, 66},
    {"BigCommerce T-Shirt", "SKU-201-Red-Small", 2350000, 201, 477},
    {"Dustpan & Brush", "DUST1", 319500, 188, 140},
    {"Journal \"Classic\" / A5", "Jour-BLK", 450000, 127, 99},
    {"Café Mug – 12oz", "MUG-GRY", 199950, 130, 101},
    {"Smith Journal 13", "SM13", 22500, 111, 88},
    {"Chemex Coffeemaker 3 Cup", "CC3C", 495000, 88, 70},
    {"Utility Caddy", "OFSUC", 459500, 93, 75},
    {"Canvas Laundry Cart", "CLC", 2000000, 107, 84},
};

struct status {
  int id;
  std::string_view name;
  unsigned weight;
};
inline constexpr status statuses[] = {
    {0, "Incomplete", 2},
    {1, "Pending", 3},
    {2, "Shipped", 22},
    {3, "Partially Shipped", 3},
    {4, "Refunded", 2},
    {5, "Cancelled", 3},
    {6, "Declined", 1},
    {7, "Awaiting Payment", 5},
    {8, "Awaiting Pickup", 2},
    {9, "Awaiting Shipment", 6},
    {10, "Completed", 20},
    {11, "Awaiting Fulfillment", 26},
    {12, "Manual Verification Required", 1},
    {13, "Disputed", 1},
    {14, "Partially Refunded", 3},
};

inline constexpr std::string_view providers[] = {"usps",      "ups", "fedex",          "auspost",
                                                 "royalmail", "",    "carrier_1234567"};
inline constexpr std::string_view gateway_payment_statuses[] = {
    "captured",        "captured", "captured",    "authorized",         "paid",
    "pending",         "void",     "refunded",    "partially refunded", "capture pending",
    "held for review", "declined", "void pending"};
inline constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
inline constexpr std::string_view weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};

}  // namespace bigcommerce_data

class bigcommerce_generator {
 public:
  explicit bigcommerce_generator(std::uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 4; ++i) rng_.next();
    next_order_id_ = 100 + rng_.between(0, 9'999);
    next_row_id_ = 1 + rng_.between(0, 99'999);
    clock_ = 1'700'000'000 + rng_.between(0, 86'400);  // 2023-11-14
  }

  // Appends one order (a bare V2 order object; no newline).
  void append_order(std::string& out) {
    json_builder j(out);
    write_order(j);
    ++orders_;
  }

  // Appends NDJSON orders until `out` holds at least `total_bytes` bytes (the
  // last order crosses the limit). Returns the number of orders appended.
  std::size_t append_ndjson(std::string& out, std::size_t total_bytes) {
    std::size_t n = 0;
    while (out.size() < total_bytes) {
      append_order(out);
      out.push_back('\n');
      ++n;
    }
    return n;
  }

  std::uint64_t orders() const noexcept { return orders_; }

 private:
  using currency = bigcommerce_data::currency;

  // An integer member. (Written through number(), not json_builder::integer:
  // GCC 12 at -O3 reports a false -Wrestrict in the latter's out-of-line copy.)
  static void integer(json_builder& j, std::string_view key, std::int64_t v) {
    j.number(key, std::to_string(v));
  }

  // "12.3450": `units` ten-thousandths, always four decimals.
  static std::string amount(std::int64_t units) {
    std::string s;
    if (units < 0) {
      s.push_back('-');
      units = -units;
    }
    s += std::to_string(units / 10000);
    s.push_back('.');
    const std::string frac = std::to_string(units % 10000);
    s.append(4 - frac.size(), '0');
    s += frac;
    return s;
  }

  // A price in the currency, rounded to its shown digits (odd cents kept in
  // 10% of prices: "19.9950").
  std::int64_t convert(std::int64_t usd_x10000, const currency& c) {
    std::int64_t v = usd_x10000 * c.per_usd_x10000 / 10000;
    std::int64_t step = 1;
    for (int i = c.decimals; i < 4; ++i) step *= 10;
    if (!(c.decimals == 2 && rng_.percent(10))) v = v / step * step;
    return v;
  }

  // "Thu, 18 Jun 2026 12:05:04 +0000" for unix seconds (days-from-civil
  // inverse, integer arithmetic only).
  static std::string rfc2822(std::int64_t t) {
    const std::int64_t days = t / 86400;
    const std::int64_t secs = t % 86400;
    std::int64_t z = days + 719468;
    const std::int64_t era = z / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    const auto two = [](std::int64_t v) {
      return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
    };
    std::string s(bigcommerce_data::weekdays[days % 7]);
    s += ", " + two(d) + " " + std::string(bigcommerce_data::months[m - 1]) + " " +
         std::to_string(y) + " " + two(secs / 3600) + ":" + two(secs / 60 % 60) + ":" +
         two(secs % 60) + " +0000";
    return s;
  }

  static void link(json_builder& j, std::string_view key, std::int64_t order_id,
                   std::string_view path) {
    const std::string resource = "/orders/" + std::to_string(order_id) + "/" + std::string(path);
    j.key(key);
    j.begin_object();
    j.string("url", "https://api.bigcommerce.com/stores/hc5d9t2irc/v2" + resource);
    j.string("resource", resource);
    j.end_object();
  }

  void address_fields(json_builder& j, const bigcommerce_data::person& p,
                      const bigcommerce_data::place& pl, bool company) {
    j.string("first_name", p.first);
    j.string("last_name", p.last);
    j.string("company", company ? "Acme Pty Ltd" : "");
    j.string("street_1", pl.street);
    j.string("street_2", rng_.percent(20) ? "Suite 4" : "");
    j.string("city", pl.city);
  }

  void write_order(json_builder& j) {
    namespace d = bigcommerce_data;
    const bool ascii = rng_.percent(30);
    j.set_mode(ascii, ascii && rng_.percent(50), rng_.percent(50));

    const std::int64_t id = next_order_id_++;
    clock_ += rng_.between(30, 4'000);
    const std::int64_t created = clock_;
    const std::int64_t modified = created + rng_.between(5, 200'000);
    const d::status& st = d::statuses[rng_.weighted(status_weights())];
    const currency& cur = d::currencies[rng_.below(std::size(d::currencies))];
    const bool guest = rng_.percent(35);
    const bool tax_inclusive = rng_.percent(25);
    const int rate_bp = rng_.percent(40) ? 0 : static_cast<int>(rng_.between(500, 2000));
    const d::person& buyer = d::people[rng_.below(std::size(d::people))];
    const d::place& home = d::places[rng_.below(std::size(d::places))];
    const bool manual = rng_.percent(30);

    // Line rows: price, quantity, totals.
    const std::int64_t lines = rng_.percent(70) ? rng_.between(1, 4) : rng_.between(5, 10);
    const bool bundle = rng_.percent(5);
    struct row {
      const d::product* p;
      std::int64_t qty, price, tax;
      bool custom;
    };
    row rows[11];
    std::int64_t subtotal = 0, items = 0, tax_total = 0;
    for (std::int64_t i = 0; i < lines; ++i) {
      row& r = rows[i];
      r.p = &d::products[rng_.below(std::size(d::products))];
      r.qty = rng_.percent(75) ? 1 : rng_.between(2, 5);
      r.price = convert(r.p->usd_x10000, cur);
      r.tax = r.price * rate_bp / 10000;
      r.custom = rng_.percent(4);
      subtotal += r.price * r.qty;
      tax_total += r.tax * r.qty;
      items += r.qty;
    }
    const std::int64_t shipping = convert(rng_.percent(30) ? 0 : rng_.between(40000, 250000), cur);
    const std::int64_t discount = rng_.percent(20) ? subtotal / 10 : 0;
    const std::int64_t coupon = rng_.percent(10) ? convert(50000, cur) : 0;
    const std::int64_t total_ex = subtotal + shipping - discount - coupon;
    const std::int64_t total_inc = total_ex + tax_total;
    const bool shipped = st.id == 2 || st.id == 3 || st.id == 10;
    const std::int64_t items_shipped = st.id == 2 ? items : st.id == 3 ? items / 2 : 0;
    const bool two_addresses = false;  // see the header: no warnings

    j.begin_object();
    integer(j, "id", id);
    integer(j, "customer_id", guest ? 0 : 1 + static_cast<std::int64_t>(rng_.below(50'000)));
    j.string("date_created", rfc2822(created));
    j.boolean("is_tax_inclusive_pricing", tax_inclusive);
    j.string("date_modified", rfc2822(modified));
    j.string("date_shipped", shipped ? rfc2822(modified) : "");
    integer(j, "status_id", st.id);
    j.string("status", st.name);
    j.string("subtotal_ex_tax", amount(subtotal));
    j.string("subtotal_inc_tax", amount(subtotal + tax_total));
    j.string("subtotal_tax", amount(tax_total));
    j.string("base_shipping_cost", amount(shipping));
    j.string("shipping_cost_ex_tax", amount(shipping));
    j.string("shipping_cost_inc_tax", amount(shipping));
    j.string("shipping_cost_tax", "0.0000");
    integer(j, "shipping_cost_tax_class_id", 0);
    for (std::string_view k : {"base_handling_cost", "handling_cost_ex_tax",
                               "handling_cost_inc_tax", "handling_cost_tax"}) {
      j.string(k, "0.0000");
    }
    integer(j, "handling_cost_tax_class_id", 0);
    for (std::string_view k : {"base_wrapping_cost", "wrapping_cost_ex_tax",
                               "wrapping_cost_inc_tax", "wrapping_cost_tax"}) {
      j.string(k, "0.0000");
    }
    integer(j, "wrapping_cost_tax_class_id", 0);
    j.string("total_ex_tax", amount(total_ex));
    j.string("total_inc_tax", amount(total_inc));
    j.string("total_tax", amount(tax_total));
    integer(j, "items_total", items);
    integer(j, "items_shipped", items_shipped);
    j.string("payment_method", manual ? "Manual" : "Test Payment Gateway");
    j.null("payment_provider_id");
    j.string("payment_status",
             manual
                 ? ""
                 : d::gateway_payment_statuses[rng_.below(std::size(d::gateway_payment_statuses))]);
    j.string("refunded_amount", "0.0000");
    j.boolean("order_is_digital", false);
    j.string("store_credit_amount", "0.0000");
    j.string("gift_certificate_amount", "0.0000");
    j.string("ip_address", guest ? "" : "70.112.53.67");
    j.string("ip_address_v6", "");
    j.string("geoip_country", home.country);
    j.string("geoip_country_iso2", home.iso2);
    const bool other_display = rng_.percent(5);
    integer(j, "currency_id", other_display ? 2 : 1);
    j.string("currency_code", other_display ? "CAD" : cur.code);
    j.string("currency_exchange_rate", other_display ? "1.3600000000" : "1.0000000000");
    integer(j, "default_currency_id", 1);
    j.string("default_currency_code", cur.code);
    j.null("staff_notes");
    if (rng_.percent(15)) {
      j.string("customer_message", "Please leave at the door / ring twice");
    } else {
      j.null("customer_message");
    }
    j.string("discount_amount", amount(discount));
    j.string("coupon_discount", amount(coupon));
    integer(j, "shipping_address_count", two_addresses ? 2 : 1);
    j.boolean("is_deleted", rng_.percent(1));
    j.string("ebay_order_id", "0");
    j.null("cart_id");

    j.key("billing_address");
    j.begin_object();
    address_fields(j, buyer, home, rng_.percent(15));
    j.string("state", home.state);
    j.string("zip", home.zip);
    j.string("country", home.country);
    j.string("country_iso2", home.iso2);
    j.string("phone", rng_.percent(50) ? "555-123-4567" : "");
    j.string("email", std::string(buyer.email_user) + "@example.com");
    j.empty_array("form_fields");
    j.end_object();

    link(j, "fees", id, "fees");
    j.boolean("is_email_opt_in", rng_.percent(30));
    j.null("credit_card_type");
    j.string("order_source", rng_.percent(80) ? "www" : "external");
    integer(j, "channel_id", 1);
    j.null("external_source");
    link(j, "consignments", id, "consignments");

    // products, expanded.
    const std::int64_t first_address_id = next_row_id_;
    j.key("products");
    j.begin_array();
    for (std::int64_t i = 0; i < lines; ++i) {
      const row& r = rows[i];
      const std::int64_t row_id = next_row_id_ + i;
      write_product(j, r.p, row_id, id, first_address_id, r.qty, r.price, r.tax, r.custom,
                    std::int64_t{0}, st.id == 2 ? r.qty : 0);
      if (bundle && i == 0) {
        write_product(j, &d::products[3], row_id + 100, id, first_address_id, r.qty, 0, 0, false,
                      row_id, st.id == 2 ? r.qty : 0);
      }
    }
    j.end_array();

    // shipping_addresses, expanded.
    j.key("shipping_addresses");
    j.begin_array();
    for (int a = 0; a < (two_addresses ? 2 : 1); ++a) {
      const d::person& p = a == 0 ? buyer : d::people[rng_.below(std::size(d::people))];
      const d::place& pl = a == 0 ? home : d::places[rng_.below(std::size(d::places))];
      j.begin_object();
      integer(j, "id", first_address_id + a);
      integer(j, "order_id", id);
      address_fields(j, p, pl, false);
      j.string("zip", pl.zip);
      j.string("country", pl.country);
      j.string("country_iso2", pl.iso2);
      j.string("state", pl.state);
      j.string("email", std::string(p.email_user) + "@example.com");
      j.string("phone", "");
      integer(j, "items_total", a == 0 ? items : 0);
      integer(j, "items_shipped", a == 0 ? items_shipped : 0);
      j.string("shipping_method", shipping == 0 ? "Free Shipping" : "Fixed Shipping");
      j.string("base_cost", amount(a == 0 ? shipping : 0));
      j.string("cost_ex_tax", amount(a == 0 ? shipping : 0));
      j.string("cost_inc_tax", amount(a == 0 ? shipping : 0));
      j.string("cost_tax", "0.0000");
      integer(j, "cost_tax_class_id", 0);
      for (std::string_view k : {"base_handling_cost", "handling_cost_ex_tax",
                                 "handling_cost_inc_tax", "handling_cost_tax"}) {
        j.string(k, "0.0000");
      }
      integer(j, "handling_cost_tax_class_id", 0);
      integer(j, "shipping_zone_id", 1);
      j.string("shipping_zone_name", pl.country);
      link(j, "shipping_quotes", id,
           "shipping_addresses/" + std::to_string(first_address_id + a) + "/shipping_quotes");
      j.empty_array("form_fields");
      j.end_object();
    }
    j.end_array();
    link(j, "coupons", id, "coupons");

    if (shipped) {
      j.key("shipments");
      j.begin_array();
      const std::int64_t count = st.id == 10 ? 1 : rng_.between(1, 2);
      for (std::int64_t s = 0; s < count; ++s) {
        const std::string_view provider = d::providers[rng_.below(std::size(d::providers))];
        std::string tracking = "EJ9" + std::to_string(580'000'000 + rng_.below(400'000'000)) + "US";
        j.begin_object();
        integer(j, "id", next_row_id_ + 200 + s);
        integer(j, "order_id", id);
        integer(j, "customer_id", 0);
        integer(j, "order_address_id", first_address_id);
        j.string("date_created", rfc2822(modified));
        j.string("tracking_number", rng_.percent(5) ? std::string() : tracking);
        j.string("merchant_shipping_cost", "0.0000");
        j.string("shipping_method", "None");
        j.string("comments", s == 0 ? "Ready to go..." : "");
        j.string("shipping_provider", provider);
        j.string("tracking_carrier", provider.empty() ? "dhl" : "");
        j.string("tracking_link",
                 provider.empty() ? "https://track.example.com/?n=" + tracking : "");
        j.key("items");
        j.begin_array();
        j.begin_object();
        integer(j, "order_product_id", next_row_id_);
        integer(j, "product_id", rows[0].p->product_id);
        integer(j, "quantity", rows[0].qty);
        j.end_object();
        j.end_array();
        j.string("shipping_provider_display_name", provider.empty() ? "" : "Carrier");
        j.string("generated_tracking_link", provider.empty()
                                                ? ""
                                                : "https://trkcnfrm1.smi.usps.com/PTSInternetWeb/"
                                                  "InterLabelInquiry.do?strOrigTrackNum=" +
                                                      tracking);
        j.end_object();
      }
      j.end_array();
    }
    next_row_id_ += 300;

    j.null("external_id");
    j.null("external_merchant_id");
    j.string("tax_provider_id", rate_bp == 0 ? "" : "BasicTaxProvider");
    j.string("customer_locale", "en");
    j.string("external_order_id", "");
    j.string("store_default_currency_code", cur.code == "KES" ? "KES" : "USD");
    j.string("store_default_to_transactional_exchange_rate", "1.0000000000");
    j.string("custom_status", st.name);
    j.end_object();
  }

  void write_product(json_builder& j, const bigcommerce_data::product* p, std::int64_t row_id,
                     std::int64_t order_id, std::int64_t address_id, std::int64_t qty,
                     std::int64_t price, std::int64_t tax, bool custom, std::int64_t parent,
                     std::int64_t qty_shipped) {
    j.begin_object();
    integer(j, "id", row_id);
    integer(j, "order_id", order_id);
    integer(j, "product_id", custom ? 0 : p->product_id);
    integer(j, "variant_id", custom ? 0 : p->variant_id);
    integer(j, "order_pickup_method_id", 0);
    integer(j, "order_address_id", address_id);
    j.string("name", p->name);
    j.string("name_customer", p->name);
    j.string("name_merchant", p->name);
    j.string("sku", p->sku);
    j.string("upc", "");
    j.string("type", "physical");
    j.string("base_price", amount(price));
    j.string("price_ex_tax", amount(price));
    j.string("price_inc_tax", amount(price + tax));
    j.string("price_tax", amount(tax));
    j.string("base_total", amount(price * qty));
    j.string("total_ex_tax", amount(price * qty));
    j.string("total_inc_tax", amount((price + tax) * qty));
    j.string("total_tax", amount(tax * qty));
    for (std::string_view k : {"weight", "width", "height", "depth"}) j.string(k, "1.0000");
    integer(j, "quantity", qty);
    j.string("base_cost_price", amount(price / 2));
    j.string("cost_price_inc_tax", amount(price / 2));
    j.string("cost_price_ex_tax", amount(price / 2));
    j.string("cost_price_tax", "0.0000");
    j.boolean("is_refunded", false);
    integer(j, "quantity_refunded", 0);
    j.string("refund_amount", "0.0000");
    integer(j, "return_id", 0);
    integer(j, "wrapping_id", 0);
    j.string("wrapping_name", "");
    for (std::string_view k : {"base_wrapping_cost", "wrapping_cost_ex_tax",
                               "wrapping_cost_inc_tax", "wrapping_cost_tax"}) {
      j.string(k, "0.0000");
    }
    j.string("wrapping_message", "");
    integer(j, "quantity_shipped", qty_shipped);
    j.null("event_name");
    j.null("event_date");
    j.string("fixed_shipping_cost", "0.0000");
    j.string("ebay_item_id", "");
    j.string("ebay_transaction_id", "");
    j.null("option_set_id");
    if (parent != 0) {
      integer(j, "parent_order_product_id", parent);
    } else {
      j.null("parent_order_product_id");
    }
    j.boolean("is_bundled_product", parent != 0);
    j.string("bin_picking_number", "");
    j.string("external_id", "");
    j.string("fulfillment_source", "");
    j.string("brand", "");
    j.null("gift_certificate_id");
    j.empty_array("applied_discounts");
    j.empty_array("product_options");
    j.empty_array("configurable_fields");
    j.string("discounted_total_inc_tax", amount((price + tax) * qty));
    j.end_object();
  }

  static const unsigned (&status_weights())[15] {
    static const unsigned weights[15] = {
        bigcommerce_data::statuses[0].weight,  bigcommerce_data::statuses[1].weight,
        bigcommerce_data::statuses[2].weight,  bigcommerce_data::statuses[3].weight,
        bigcommerce_data::statuses[4].weight,  bigcommerce_data::statuses[5].weight,
        bigcommerce_data::statuses[6].weight,  bigcommerce_data::statuses[7].weight,
        bigcommerce_data::statuses[8].weight,  bigcommerce_data::statuses[9].weight,
        bigcommerce_data::statuses[10].weight, bigcommerce_data::statuses[11].weight,
        bigcommerce_data::statuses[12].weight, bigcommerce_data::statuses[13].weight,
        bigcommerce_data::statuses[14].weight};
    return weights;
  }

  splitmix64 rng_;
  std::int64_t next_order_id_ = 0;
  std::int64_t next_row_id_ = 0;
  std::int64_t clock_ = 0;
  std::uint64_t orders_ = 0;
};

// Whole orders, one per line, until at least `bytes` bytes.
inline std::string generate_bigcommerce_ndjson(std::size_t bytes, std::uint64_t seed) {
  std::string out;
  out.reserve(bytes + 16 * 1024);
  bigcommerce_generator gen(seed);
  gen.append_ndjson(out, bytes);
  return out;
}

}  // namespace ordernorm_bench
