// A deterministic generator of realistic WooCommerce REST API v3 orders, for a
// benchmark sibling of bench_suite.cpp and for ordernorm_gen.
//
//   ordernorm_bench::woocommerce_generator gen(42);
//   std::string ndjson;
//   gen.append_ndjson(ndjson, 20'000'000);  // whole orders, one per line
//   // or: std::string s = ordernorm_bench::generate_woocommerce_ndjson(20'000'000, 42);
//
// Same seed, same calls => the same bytes everywhere: the only randomness is
// splitmix64 (shopify_generator.hpp), every number is formatted with integer
// arithmetic, and there is no clock. The output for N bytes is a prefix of the
// output for more bytes.
//
// The orders follow the key set and key order of a WooCommerce 8/9 REST v3
// order (../shared/research/platforms-woo-sfcc-squarespace-ebay.md §1.2, and
// ../shared/conformance/woocommerce/docs-v3-retrieve-order-processing.json):
// id, parent_id, status, currency, version, prices_include_tax, site-local
// date_* first and the *_gmt twins near the end (as WC 8/9 and webhook bodies
// write them), money as decimal strings with `dp` places (2, or 3-4 in ~10%
// of orders: odd precision), line `price` as a JSON number (PHP float text,
// trailing zeros dropped), tax `taxes[]` not normalised to dp, billing and
// shipping blocks with "" for empty fields (an all-"" shipping block for
// virtual orders), `customer_id` 0 for ~35% guests, 1-10 line items with
// variations and HTML entities in names (`&ndash;`, `&amp;`), order and line
// meta_data, shipping/coupon/fee lines, refund summaries (negative totals),
// `_wc_shipment_tracking_items` meta on most completed orders, and `_links`.
// Statuses: processing 38%, completed 34%, pending 6%, on-hold 5%, cancelled
// 4%, refunded 4%, failed 3%, plugin `shipped` 3%, checkout-draft 2%, trash 1%.
// About 30% of the orders escape every non-ASCII character as \uXXXX and '/'
// as "\/" (PHP json_encode, as wp_json_encode writes by default); the rest
// carry raw UTF-8. Orders are 5-10 KB.
//
// Depends on the standard library and shopify_generator.hpp only.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "shopify_generator.hpp"

namespace ordernorm_bench {

namespace woocommerce_data {

inline constexpr std::string_view symbols[] = {"$", "CA$", "£", "€", "€", "¥", "د.ك"};

struct status_weight {
  std::string_view status;
  unsigned weight;
};
inline constexpr std::string_view status_names[] = {
    "processing", "completed", "pending", "on-hold",        "cancelled",
    "refunded",   "failed",    "shipped", "checkout-draft", "trash"};
inline constexpr unsigned status_weights[] = {38, 34, 6, 5, 4, 4, 3, 3, 2, 1};

struct gateway {
  std::string_view id, title;
  bool has_transaction;
};
inline constexpr gateway gateways[] = {
    {"stripe", "Credit Card (Stripe)", true},
    {"ppcp-gateway", "PayPal", true},
    {"bacs", "Direct bank transfer", false},
    {"cod", "Cash on delivery", false},
    {"woocommerce_payments", "Credit card / debit card", true},
};

inline constexpr std::string_view providers[] = {
    "usps", "ups", "fedex", "dhl", "royal-mail", "deutsche-post", "canada-post", "japan-post"};
inline constexpr std::string_view custom_providers[] = {"An Post", "Colissimo & Co", "Aramex",
                                                        "Yamato Transport"};
inline constexpr std::string_view coupon_codes[] = {"spring10", "welcome", "vip-2024", "freeship"};
inline constexpr std::string_view user_agents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.2 Safari/605.1.15"};
inline constexpr std::string_view notes[] = {
    "", "", "", "Please leave at the back door.", "Gift – no invoice please", "Bitte klingeln 🔔"};
inline constexpr std::string_view versions[] = {"8.0.2", "8.9.3", "9.4.1", "9.8.5"};

}  // namespace woocommerce_data

class woocommerce_generator {
 public:
  explicit woocommerce_generator(std::uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 4; ++i) rng_.next();
    next_order_id_ = 1000 + rng_.between(0, 50'000);
    next_item_id_ = 10 * next_order_id_;
    next_meta_id_ = 100 * next_order_id_;
    clock_ = 1'704'067'200 + rng_.between(0, 86'400);  // 2024-01-01T00:00:00Z
  }

  // Appends one order (a bare order object, as GET /orders/{id}; no newline).
  void append_order(std::string& out) {
    json_builder j(out);
    const bool escape = rng_.percent(30);
    j.set_mode(escape, escape, false);
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
  // Minor units as a decimal string with `dp` places (dp >= decimals).
  static std::string money(std::int64_t minor, int decimals, int dp) {
    std::string s;
    if (minor < 0) {
      s.push_back('-');
      minor = -minor;
    }
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, minor / scale);
    s.append(buf, r.ptr);
    if (dp > 0) {
      s.push_back('.');
      std::int64_t frac = minor % scale;
      std::string digits(static_cast<std::size_t>(decimals), '0');
      for (int i = decimals - 1; i >= 0; --i) {
        digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + frac % 10);
        frac /= 10;
      }
      s += digits.substr(0, static_cast<std::size_t>(std::min(decimals, dp)));
      for (int i = decimals; i < dp; ++i) s.push_back('0');
    }
    return s;
  }
  // A PHP float's text for minor units: trailing zeros (and the point) dropped.
  static std::string php_number(std::int64_t minor, int decimals) {
    std::string s = money(minor, decimals, decimals);
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s;
  }
  static std::string date(std::int64_t unix_seconds) {
    // Civil date from days (Hinnant's algorithm), integer only.
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
    char buf[20];
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
    buf[16] = ':';
    put(17, secs % 60, 2);
    return std::string(buf, 19);
  }
  std::string id_text(std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
  }
  std::string hex(std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s.push_back(digits[rng_.below(16)]);
    return s;
  }

  struct line {
    std::int64_t id, product_id, variation_id, quantity, unit, subtotal, total, tax;
    const shopify_data::product* product;
    std::string_view variant;
  };

  void write_address(json_builder& j, std::string_view k, const shopify_data::person& who,
                     const shopify_data::region& reg, const shopify_data::city& c,
                     std::string_view street, std::string_view company, bool with_email,
                     std::string_view email, std::string_view phone, bool empty) {
    j.key(k);
    j.begin_object();
    j.string("first_name", empty ? "" : who.first);
    j.string("last_name", empty ? "" : who.last);
    j.string("company", empty ? "" : company);
    j.string("address_1", empty ? "" : street);
    j.string("address_2", "");
    j.string("city", empty ? "" : c.name);
    j.string("state", empty ? "" : c.province_code);
    j.string("postcode", empty ? "" : c.zip);
    j.string("country", empty ? "" : reg.country_code);
    if (with_email) j.string("email", empty ? "" : email);
    j.string("phone", empty ? "" : phone);
    j.end_object();
  }

  void links(json_builder& j, std::string_view host, std::int64_t id, std::int64_t customer) {
    const std::string base = "https://" + std::string(host) + "/wp-json/wc/v3/";
    j.key("_links");
    j.begin_object();
    j.key("self");
    j.begin_array();
    j.begin_object();
    j.string("href", base + "orders/" + id_text(id));
    j.end_object();
    j.end_array();
    j.key("collection");
    j.begin_array();
    j.begin_object();
    j.string("href", base + "orders");
    j.end_object();
    j.end_array();
    if (customer != 0) {
      j.key("customer");
      j.begin_array();
      j.begin_object();
      j.string("href", base + "customers/" + id_text(customer));
      j.end_object();
      j.end_array();
    }
    j.end_object();
  }

  void write_order(json_builder& j) {
    namespace sd = shopify_data;
    namespace wd = woocommerce_data;
    const unsigned shop_weights[] = {30, 25, 15, 4, 4, 7, 7, 5, 3};
    const sd::shop& shop = sd::shops[rng_.weighted(shop_weights)];
    const auto where = static_cast<std::size_t>(shop.where);
    const sd::region& reg = sd::regions[where];
    const sd::currency& cur = *shop.money;
    const int dp =
        rng_.percent(10) ? cur.decimals + 1 + static_cast<int>(rng_.below(2)) : cur.decimals;
    const std::string_view status = wd::status_names[rng_.weighted(wd::status_weights)];
    const std::int64_t id = next_order_id_;
    next_order_id_ += 1 + rng_.between(0, 3);
    clock_ += rng_.between(60, 5400);
    const std::int64_t created = clock_;
    const std::int64_t modified = created + rng_.between(5, 86'400 * 3);
    const int offset_s = (rng_.percent(60) ? shop.dst_offset_min : shop.std_offset_min) * 60;
    const bool guest = rng_.percent(35);
    const std::int64_t customer = guest ? 0 : 1 + rng_.between(0, 40'000);
    const sd::person& who = reg.people[rng_.below(reg.people_count)];
    const sd::city& c = reg.cities[rng_.below(reg.city_count)];
    const std::string street = id_text(rng_.between(1, 999)) + " " +
                               std::string(reg.streets[rng_.below(reg.street_count)]);
    const std::string email = std::string(who.first_ascii) + "." + std::string(who.last_ascii) +
                              "@example." + (where == 0 ? "com" : "net");
    const std::string phone =
        std::string(reg.phone_prefix) + " 555 " + id_text(rng_.between(1000, 9999));
    const bool is_virtual = rng_.percent(8);
    const bool paid = status == "processing" || status == "completed" || status == "refunded" ||
                      status == "shipped" || (status == "cancelled" && rng_.percent(30));
    const wd::gateway& pay = wd::gateways[rng_.below(std::size(wd::gateways))];
    const std::string host = std::string(shop.handle) + ".example";

    // Lines.
    std::array<line, 10> lines{};
    const auto count =
        static_cast<std::size_t>(1 + rng_.weighted({12, 18, 18, 14, 11, 9, 7, 5, 3, 3}));
    std::int64_t subtotal_sum = 0, total_sum = 0, tax_sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
      line& l = lines[i];
      l.product = &sd::products[rng_.below(std::size(sd::products))];
      l.id = next_item_id_++;
      l.product_id = 10 + static_cast<std::int64_t>(l.product - sd::products) * 7;
      l.variant = l.product->variants[rng_.below(3)];
      l.variation_id = l.variant.empty() || l.variant == "Default Title"
                           ? 0
                           : l.product_id + 1 + rng_.between(0, 4);
      l.quantity = 1 + rng_.weighted({60, 25, 8, 4, 3});
      l.unit = l.product->usd_cents * cur.per_usd_cent_x10000 / 10000;
      if (l.unit == 0) l.unit = 1;
      l.subtotal = l.unit * l.quantity;
      const std::int64_t unit_discount = rng_.percent(15) ? l.unit / 10 : 0;
      l.total = (l.unit - unit_discount) * l.quantity;
      l.tax = l.total * reg.tax_rate_bp / 10000;
      subtotal_sum += l.subtotal;
      total_sum += l.total;
      tax_sum += l.tax;
    }
    const std::int64_t shipping = is_virtual ? 0 : 499 * cur.per_usd_cent_x10000 / 10000;
    const std::int64_t shipping_tax = shipping * reg.tax_rate_bp / 10000;
    const std::int64_t discount = subtotal_sum - total_sum;
    const std::int64_t total_tax = tax_sum + shipping_tax;
    const std::int64_t total = total_sum + shipping + total_tax;

    j.begin_object();
    j.integer("id", id);
    j.integer("parent_id", 0);
    j.string("status", status);
    j.string("currency", cur.code);
    j.string("version", wd::versions[rng_.below(std::size(wd::versions))]);
    j.boolean("prices_include_tax", reg.taxes_included);
    j.string("date_created", date(created + offset_s));
    j.string("date_modified", date(modified + offset_s));
    j.string("discount_total", money(discount, cur.decimals, dp));
    j.string("discount_tax", money(0, cur.decimals, dp));
    j.string("shipping_total", money(shipping, cur.decimals, dp));
    j.string("shipping_tax", money(shipping_tax, cur.decimals, dp));
    j.string("cart_tax", money(tax_sum, cur.decimals, dp));
    j.string("total", money(total, cur.decimals, dp));
    j.string("total_tax", money(total_tax, cur.decimals, dp));
    j.integer("customer_id", customer);
    const std::string order_key = "wc_order_" + hex(13);
    j.string("order_key", order_key);
    write_address(j, "billing", who, reg, c, street, rng_.percent(15) ? "Acme & Söhne GmbH" : "",
                  true, email, rng_.percent(80) ? std::string_view(phone) : std::string_view(),
                  false);
    write_address(j, "shipping", who, reg, c, street, "", false, "", "", is_virtual);
    j.string("payment_method", pay.id);
    j.string("payment_method_title", pay.title);
    j.string("transaction_id", paid && pay.has_transaction ? "ch_" + hex(24) : "");
    j.string("customer_ip_address", id_text(rng_.between(11, 223)) + "." +
                                        id_text(rng_.between(0, 255)) + ".0." +
                                        id_text(rng_.between(1, 254)));
    j.string("customer_user_agent", wd::user_agents[rng_.below(std::size(wd::user_agents))]);
    j.string("created_via", status == "checkout-draft" ? "store-api" : "checkout");
    j.string("customer_note", wd::notes[rng_.below(std::size(wd::notes))]);
    const bool completed = status == "completed" || status == "shipped";
    const std::int64_t paid_at = created + rng_.between(2, 120);
    if (completed) {
      j.string("date_completed", date(modified + offset_s));
    } else {
      j.null("date_completed");
    }
    if (paid) {
      j.string("date_paid", date(paid_at + offset_s));
    } else {
      j.null("date_paid");
    }
    j.string("cart_hash", hex(32));
    j.string("number", id_text(id));

    // Order meta.
    j.key("meta_data");
    j.begin_array();
    j.begin_object();
    j.integer("id", next_meta_id_++);
    j.string("key", "_wc_order_attribution_source_type");
    j.string("value", rng_.percent(50) ? "organic" : "typein");
    j.end_object();
    for (const auto& [key, value] :
         {std::pair<std::string_view, std::string_view>{"_wc_order_attribution_utm_source",
                                                        "(direct)"},
          {"_wc_order_attribution_session_entry", "https://shop.example/product/tea/"},
          {"_wc_order_attribution_session_start_time", "2024-01-01 10:00:00"},
          {"_wc_order_attribution_session_pages", "4"},
          {"_wc_order_attribution_session_count", "1"},
          {"_wc_order_attribution_device_type", "Desktop"}}) {
      j.begin_object();
      j.integer("id", next_meta_id_++);
      j.string("key", key);
      j.string("value", value);
      j.end_object();
    }
    j.begin_object();
    j.integer("id", next_meta_id_++);
    j.string("key", "_wc_order_attribution_user_agent");
    j.string("value", wd::user_agents[rng_.below(std::size(wd::user_agents))]);
    j.end_object();
    if (completed && !is_virtual && rng_.percent(80)) {
      j.begin_object();
      j.integer("id", next_meta_id_++);
      j.string("key", "_wc_shipment_tracking_items");
      j.key("value");
      j.begin_array();
      const std::int64_t parcels = 1 + rng_.weighted({85, 15});
      for (std::int64_t p = 0; p < parcels; ++p) {
        const bool custom = rng_.percent(15);
        j.begin_object();
        j.string("tracking_provider",
                 custom ? "" : wd::providers[rng_.below(std::size(wd::providers))]);
        j.string("custom_tracking_provider",
                 custom ? wd::custom_providers[rng_.below(std::size(wd::custom_providers))] : "");
        const std::string number = "1Z" + hex(16);
        j.string("custom_tracking_link", custom ? "https://track.example/?n=" + number : "");
        j.string("tracking_number", number);
        j.string("date_shipped", id_text((modified / 86400) * 86400));
        j.string("tracking_id", hex(32));
        j.end_object();
      }
      j.end_array();
      j.end_object();
    }
    j.end_array();

    // Line items.
    j.key("line_items");
    j.begin_array();
    for (std::size_t i = 0; i < count; ++i) {
      const line& l = lines[i];
      std::string name(l.product->title);
      if (l.variation_id != 0) name += " &ndash; " + std::string(l.variant);
      j.begin_object();
      j.integer("id", l.id);
      j.string("name", name);
      j.integer("product_id", l.product_id);
      j.integer("variation_id", l.variation_id);
      j.integer("quantity", l.quantity);
      j.string("tax_class", "");
      j.string("subtotal", money(l.subtotal, cur.decimals, dp));
      j.string("subtotal_tax", money(l.subtotal * reg.tax_rate_bp / 10000, cur.decimals, dp));
      j.string("total", money(l.total, cur.decimals, dp));
      j.string("total_tax", money(l.tax, cur.decimals, dp));
      j.key("taxes");
      j.begin_array();
      if (reg.tax_rate_bp != 0) {
        j.begin_object();
        j.integer("id", 75);
        j.string("total", php_number(l.tax, cur.decimals));
        j.string("subtotal", php_number(l.subtotal * reg.tax_rate_bp / 10000, cur.decimals));
        j.end_object();
      }
      j.end_array();
      j.key("meta_data");
      j.begin_array();
      if (l.variation_id != 0) {
        j.begin_object();
        j.integer("id", next_meta_id_++);
        j.string("key", "pa_option");
        j.string("value", l.variant);
        j.string("display_key", "Option");
        j.string("display_value", l.variant);
        j.end_object();
      }
      j.end_array();
      j.string("sku", l.product->sku.empty()
                          ? std::string()
                          : std::string(l.product->sku) + "-" + id_text(l.variation_id));
      j.number("price", php_number(l.total / l.quantity, cur.decimals));
      j.key("image");
      j.begin_object();
      j.string("id", id_text(l.product_id + 5000));
      j.string("src", "https://" + host + "/wp-content/uploads/2024/01/p" + id_text(l.product_id) +
                          ".jpg");
      j.end_object();
      j.null("parent_name");
      j.end_object();
    }
    j.end_array();

    // Tax, shipping, fee, coupon lines; refunds.
    j.key("tax_lines");
    j.begin_array();
    if (reg.tax_rate_bp != 0) {
      j.begin_object();
      j.integer("id", next_item_id_++);
      j.string("rate_code",
               std::string(reg.country_code) + "-" + std::string(reg.tax_title) + "-1");
      j.integer("rate_id", 75);
      j.string("label", reg.tax_title);
      j.boolean("compound", false);
      j.string("tax_total", money(tax_sum, cur.decimals, dp));
      j.string("shipping_tax_total", money(shipping_tax, cur.decimals, dp));
      j.number("rate_percent", php_number(reg.tax_rate_bp, 2));
      j.empty_array("meta_data");
      j.end_object();
    }
    j.end_array();
    j.key("shipping_lines");
    j.begin_array();
    if (!is_virtual) {
      j.begin_object();
      j.integer("id", next_item_id_++);
      j.string("method_title", "Flat rate");
      j.string("method_id", "flat_rate");
      j.string("instance_id", "2");
      j.string("total", money(shipping, cur.decimals, dp));
      j.string("total_tax", money(shipping_tax, cur.decimals, dp));
      j.empty_array("taxes");
      j.key("meta_data");
      j.begin_array();
      j.begin_object();
      j.integer("id", next_meta_id_++);
      j.string("key", "Items");
      j.string("value",
               std::string(lines[0].product->title) + " &times; " + id_text(lines[0].quantity));
      j.string("display_key", "Items");
      j.string("display_value",
               std::string(lines[0].product->title) + " &times; " + id_text(lines[0].quantity));
      j.end_object();
      j.end_array();
      j.end_object();
    }
    j.end_array();
    j.empty_array("fee_lines");
    j.key("coupon_lines");
    j.begin_array();
    if (discount != 0) {
      j.begin_object();
      j.integer("id", next_item_id_++);
      j.string("code", wd::coupon_codes[rng_.below(std::size(wd::coupon_codes))]);
      j.string("discount", money(discount, cur.decimals, dp));
      j.string("discount_tax", money(0, cur.decimals, dp));
      j.empty_array("meta_data");
      j.end_object();
    }
    j.end_array();
    j.key("refunds");
    j.begin_array();
    if (status == "refunded" || (status == "completed" && rng_.percent(8))) {
      const std::int64_t amount = status == "refunded" ? total : total / 4;
      j.begin_object();
      j.integer("id", next_order_id_++);
      j.string("reason", status == "refunded" ? "Customer changed their mind" : "");
      j.string("total", money(-amount, cur.decimals, dp));
      j.end_object();
    }
    j.end_array();
    j.string("payment_url", "https://" + host + "/checkout/order-pay/" + id_text(id) +
                                "/?pay_for_order=true&key=" + order_key);
    j.boolean("is_editable",
              status == "pending" || status == "on-hold" || status == "checkout-draft");
    j.boolean("needs_payment", !paid && status == "pending");
    j.boolean("needs_processing", !is_virtual);
    j.string("date_created_gmt", date(created));
    j.string("date_modified_gmt", date(modified));
    if (completed) {
      j.string("date_completed_gmt", date(modified));
    } else {
      j.null("date_completed_gmt");
    }
    if (paid) {
      j.string("date_paid_gmt", date(paid_at));
    } else {
      j.null("date_paid_gmt");
    }
    j.string("currency_symbol", wd::symbols[where]);
    links(j, host, id, customer);
    j.end_object();
  }

  splitmix64 rng_;
  std::int64_t next_order_id_ = 0;
  std::int64_t next_item_id_ = 0;
  std::int64_t next_meta_id_ = 0;
  std::int64_t clock_ = 0;
};

// NDJSON of whole orders, at least `bytes` long.
inline std::string generate_woocommerce_ndjson(std::size_t bytes, std::uint64_t seed) {
  std::string out;
  out.reserve(bytes + 16384);
  woocommerce_generator gen(seed);
  gen.append_ndjson(out, bytes);
  return out;
}

}  // namespace ordernorm_bench
