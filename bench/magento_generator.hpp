// A deterministic generator of realistic Adobe Commerce / Magento 2 REST
// orders (GET /V1/orders/{id}), for a Magento benchmark and ordernorm_gen.
//
//   std::string ndjson = ordernorm_bench::generate_magento_ndjson(20'000'000, 42);
//   // or: ordernorm_bench::magento_generator gen(42); gen.append_ndjson(out, bytes);
//
// Same seed, same calls => the same bytes everywhere: the only randomness is
// splitmix64 (shopify_generator.hpp), every number is formatted with integer
// arithmetic, and there is no clock. The output for N bytes is a prefix of the
// output for more bytes.
//
// The orders follow the key set and key order of the devdocs order
// (../shared/conformance/magento/order-get-v1-orders-3-devdocs.json): the
// header's base_* / plain amount pairs as bare JSON numbers (165, 59.411,
// 0.0825 rates), "YYYY-MM-DD HH:MM:SS" UTC times, `items` with every row
// (configurable parent + child with price 0, bundle parent + 2-3 children,
// each child carrying a `parent_item` copy, downloadable rows with
// is_virtual 1), `billing_address`, `payment`, `status_histories`, and the
// shipping address only under extension_attributes.shipping_assignments
// (with the assignment's copy of the items, as Magento writes it). 1-10
// purchased products per order; guests (~25%: customer_is_guest 1, no
// customer_id, no names) and registered customers; ~15% of the orders are
// charged in another currency than the base one (order_currency_code and the
// plain amounts differ from base_*); amounts with 3-4 decimals now and then.
// About 30% of the orders escape every non-ASCII character as \uXXXX and '/'
// as "\/" (PHP json_encode's defaults); the rest carry raw UTF-8.
//
// Depends on the standard library and shopify_generator.hpp only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "shopify_generator.hpp"

namespace ordernorm_bench {

namespace magento_data {

struct product {
  std::string_view sku, name;
  std::int64_t price_e4;  // base currency, 1/10000 units
  int type;               // 0 simple, 1 configurable, 2 bundle, 3 downloadable
};
inline constexpr product products[] = {
    {"WS12", "Radiant Tee", 220000, 1},
    {"MH01", "Chaz Kangeroo Hoodie", 520000, 1},
    {"WJ12", "Olivia 1/4 Zip Light Jacket", 775000, 1},
    {"MT07", "Argus All-Weather Tank", 220000, 1},
    {"WS08", "Minerva LumaTech&trade; V-Tee", 320000, 1},
    {"24-MB01", "Joust Duffle Bag", 340000, 0},
    {"24-WB07", "Overnight Duffle", 450000, 0},
    {"24-MB02", "Fusion Backpack", 590000, 0},
    {"24-UG06", "Affirm Water Bottle", 70000, 0},
    {"24-WG080", "Sprite Yoga Companion Kit", 0, 2},
    {"240-LV08", "Advanced Pilates & Yoga (Strength)", 180000, 3},
    {"24-WG084", "Sprite Foam Yoga Brick", 50000, 0},
    {"MUG-CAFE", "Tasse « Café crème » – édition 2024", 129900, 0},
    {"FOU-TUCH", "Foulard en soie — motif étoilé ✨", 594110, 0},
    {"KRUG-01", "Bierkrug „Münchner Kindl“", 249500, 0},
};
inline constexpr std::string_view sizes[] = {"XS", "S", "M", "L", "XL"};
inline constexpr std::string_view colors[] = {"Blue", "Gray", "Orange", "Purple", "Red"};
inline constexpr std::string_view bundle_parts[] = {"24-WG082-blue", "24-WG084", "24-WG086",
                                                    "24-WG088"};
inline constexpr std::string_view bundle_part_names[] = {
    "Sprite Stasis Ball 65 cm", "Sprite Foam Yoga Brick", "Sprite Yoga Strap 8 foot",
    "Sprite Foam Roller"};
inline constexpr std::int64_t bundle_part_prices[] = {270000, 50000, 170000, 190000};

struct person {
  std::string_view first, last, email_local;
};
inline constexpr person people[] = {
    {"Jane", "Doe", "jdoe"},          {"Veronica", "Costello", "roni_cost"},
    {"José", "García", "jgarcia"},    {"Zoë", "O'Brien", "zobrien"},
    {"Jürgen", "Müller", "jmueller"}, {"Hélène", "Lefèvre", "hlefevre"},
    {"محمد", "العنزي", "malenezi"},   {"太郎", "山田", "tyamada"},
    {"Siobhán", "Murphy", "smurphy"}, {"Łukasz", "Nowak", "lnowak"},
};
struct place {
  std::string_view city, region, region_code, postcode, country, phone;
  std::int64_t region_id;
};
inline constexpr place places[] = {
    {"Purchase", "New York", "NY", "10577", "US", "512-555-1111", 43},
    {"Calder", "Michigan", "MI", "49628-7978", "US", "(555) 229-3326", 33},
    {"Austin", "Texas", "TX", "78701", "US", "+1 512 555 0100", 57},
    {"München", "Bayern", "BY", "80331", "DE", "+49 89 000000", 81},
    {"Paris", "Île-de-France", "", "75001", "FR", "+33 1 00 00 00 00", 0},
    {"Riyadh", "Riyadh Province", "", "12271", "SA", "+966 11 000 0000", 0},
    {"London", "Greater London", "", "NW1 6XE", "GB", "+44 20 7946 0958", 0},
};
inline constexpr std::string_view streets[] = {"123 Oak Ave",         "6146 Honey Bluff Parkway",
                                               "Maximilianstraße 12", "Rue de Rivoli 8",
                                               "King Fahd Road",      "221B Baker Street"};
struct currency {
  std::string_view code;
  int decimals;
};
inline constexpr currency bases[] = {{"USD", 2}, {"USD", 2}, {"EUR", 2}, {"GBP", 2}};
inline constexpr std::string_view charged[] = {"SAR", "CAD", "JPY", "EUR"};
inline constexpr std::int64_t charged_rate_e4[] = {37500, 13600, 1500000, 9200};
struct status_pair {
  std::string_view state, status;
};
inline constexpr status_pair statuses[] = {
    {"new", "pending"},           {"pending_payment", "pending_payment"},
    {"processing", "processing"}, {"processing", "processing"},
    {"complete", "complete"},     {"complete", "complete"},
    {"complete", "delivered"},    {"closed", "closed"},
    {"canceled", "canceled"},     {"holded", "holded"},
    {"payment_review", "fraud"}};

}  // namespace magento_data

class magento_generator {
 public:
  explicit magento_generator(std::uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 4; ++i) rng_.next();
    next_order_ = 1000 + rng_.between(0, 99'999);
    next_item_ = 5000 + rng_.between(0, 99'999);
    clock_ = 1'700'000'000 + rng_.between(0, 86'400);  // 2023-11-14
  }

  // Appends one order (no newline).
  void append_order(std::string& out) {
    json_builder j(out);
    const bool escape = rng_.percent(30);
    j.set_mode(escape, escape, false);
    write_order(j);
    ++orders_;
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

  std::uint64_t orders() const noexcept { return orders_; }

 private:
  struct row {
    std::int64_t id, parent;  // parent 0: top level
    std::int64_t product_id;
    std::string sku, name;
    std::int64_t qty, price_e4;
    int type;
  };

  // A 1/10000 amount as Magento's JSON number: no trailing zeros, no point
  // for whole amounts ("165", "59.411", "-404.4").
  std::string_view num(std::int64_t e4) {
    char* p = scratch_ + sizeof scratch_;
    const bool neg = e4 < 0;
    std::uint64_t v = neg ? static_cast<std::uint64_t>(-e4) : static_cast<std::uint64_t>(e4);
    std::uint64_t frac = v % 10000;
    std::uint64_t whole = v / 10000;
    if (frac != 0) {
      int digits = 4;
      while (frac % 10 == 0) {
        frac /= 10;
        --digits;
      }
      for (int i = 0; i < digits; ++i) {
        *--p = static_cast<char>('0' + frac % 10);
        frac /= 10;
      }
      *--p = '.';
    }
    do {
      *--p = static_cast<char>('0' + whole % 10);
      whole /= 10;
    } while (whole != 0);
    if (neg) *--p = '-';
    return {p, static_cast<std::size_t>(scratch_ + sizeof scratch_ - p)};
  }

  // Unix seconds as "YYYY-MM-DD HH:MM:SS" (UTC), civil-from-days.
  std::string_view sql_time(std::int64_t t) {
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
    const std::int64_t parts[] = {y, m, d, secs / 3600, secs / 60 % 60, secs % 60};
    const int widths[] = {4, 2, 2, 2, 2, 2};
    const char seps[] = {'-', '-', ' ', ':', ':', '\0'};
    char* p = time_;
    for (int i = 0; i < 6; ++i) {
      std::int64_t v = parts[i];
      for (int k = widths[i] - 1; k >= 0; --k) {
        p[k] = static_cast<char>('0' + v % 10);
        v /= 10;
      }
      p += widths[i];
      if (seps[i] != '\0') *p++ = seps[i];
    }
    return {time_, static_cast<std::size_t>(p - time_)};
  }

  // Rounds a 1/10000 amount to the currency's decimals.
  static std::int64_t round_to(std::int64_t e4, int decimals) {
    std::int64_t unit = 1;
    for (int i = decimals; i < 4; ++i) unit *= 10;
    return (e4 + unit / 2) / unit * unit;
  }

  void write_item(json_builder& j, const row& r, std::int64_t order_id, std::string_view created,
                  const row* parent, std::string_view state, std::int64_t rate_e4, bool copy) {
    const bool virt = r.type == 3;
    const std::int64_t price = r.price_e4;
    const std::int64_t charged = round_to(price * rate_e4 / 10000, 2);
    const std::int64_t shipped = (state == "complete" || state == "closed") && !virt ? r.qty : 0;
    const std::int64_t invoiced = state == "new" || state == "pending_payment" ? 0 : r.qty;
    j.begin_object();
    j.number("amount_refunded", "0");
    if (r.parent == 0) j.string("applied_rule_ids", "1");
    j.number("base_amount_refunded", "0");
    if (r.type == 0 && r.parent == 0) j.number("base_cost", num(price * 45 / 100));
    j.number("base_discount_amount", "0");
    j.number("base_discount_invoiced", "0");
    j.number("base_original_price", num(price));
    j.number("base_price", num(price));
    j.number("base_price_incl_tax", num(price * 10825 / 10000));
    j.number("base_row_invoiced", num(price * invoiced));
    j.number("base_row_total", num(price * r.qty));
    j.number("base_tax_amount", num(price * r.qty * 825 / 10000));
    j.number("base_tax_invoiced", "0");
    j.string("created_at", created);
    j.number("discount_amount", "0");
    j.number("discount_invoiced", "0");
    j.number("discount_percent", "0");
    j.integer("free_shipping", 0);
    j.integer("is_qty_decimal", 0);
    j.integer("is_virtual", virt ? 1 : 0);
    j.integer("item_id", r.id);
    j.string("name", r.name);
    j.integer("no_discount", 0);
    j.integer("order_id", order_id);
    j.number("original_price", num(charged));
    if (r.parent != 0) j.integer("parent_item_id", r.parent);
    j.number("price", num(charged));
    j.number("price_incl_tax", num(charged * 10825 / 10000));
    j.integer("product_id", r.product_id);
    j.string("product_type", r.type == 1   ? "configurable"
                             : r.type == 2 ? "bundle"
                             : r.type == 3 ? "downloadable"
                                           : "simple");
    j.number("qty_canceled", state == "canceled" ? num(r.qty * 10000) : "0");
    j.number("qty_invoiced", num(invoiced * 10000));
    j.number("qty_ordered", num(r.qty * 10000));
    j.number("qty_refunded", state == "closed" ? num(r.qty * 10000) : "0");
    j.number("qty_shipped", num(shipped * 10000));
    j.integer("quote_item_id", r.id + 3);
    j.number("row_invoiced", num(charged * invoiced));
    j.number("row_total", num(charged * r.qty));
    j.number("row_weight", virt ? "0" : num(r.qty * 10000));
    j.string("sku", r.sku);
    j.integer("store_id", 1);
    j.number("tax_amount", num(charged * r.qty * 825 / 10000));
    j.number("tax_invoiced", "0");
    j.number("tax_percent", "8.25");
    j.string("updated_at", created);
    if (!virt) j.number("weight", "1");
    if (parent != nullptr && copy) {
      j.key("parent_item");
      write_item(j, *parent, order_id, created, nullptr, state, rate_e4, false);
    }
    j.end_object();
  }

  void write_address(json_builder& j, std::string_view type, std::int64_t id, std::int64_t order_id,
                     const magento_data::person& who, const magento_data::place& where,
                     std::string_view street, std::string_view email, bool two_lines) {
    j.begin_object();
    j.string("address_type", type);
    j.string("city", where.city);
    j.string("country_id", where.country);
    j.string("email", email);
    j.integer("entity_id", id);
    j.string("firstname", who.first);
    j.string("lastname", who.last);
    j.integer("parent_id", order_id);
    j.string("postcode", where.postcode);
    j.string("region", where.region);
    if (!where.region_code.empty()) j.string("region_code", where.region_code);
    if (where.region_id != 0) j.integer("region_id", where.region_id);
    j.key("street");
    j.begin_array();
    j.string(street);
    if (two_lines) j.string("Apt 4B");
    j.end_array();
    j.string("telephone", where.phone);
    j.end_object();
  }

  void write_order(json_builder& j) {
    using namespace magento_data;
    const std::int64_t order_id = next_order_++;
    clock_ += rng_.between(30, 900);
    const std::int64_t created_t = clock_;
    const std::int64_t updated_t = clock_ + rng_.between(1, 3 * 86400);
    const currency& base = bases[rng_.below(std::size(bases))];
    const bool foreign = rng_.percent(15);
    const std::size_t charged_index = rng_.below(std::size(charged));
    const std::string_view order_currency = foreign ? charged[charged_index] : base.code;
    const std::int64_t rate_e4 = foreign ? charged_rate_e4[charged_index] : 10000;
    const status_pair& st = statuses[rng_.below(std::size(statuses))];
    const bool guest = rng_.percent(25);
    const person& who = people[rng_.below(std::size(people))];
    const place& where = places[rng_.below(std::size(places))];
    const std::string_view street = streets[rng_.below(std::size(streets))];

    // Rows: one per purchased product, plus children.
    rows_.clear();
    static constexpr unsigned count_weights[] = {46, 24, 11, 7, 4, 3, 2, 1, 1, 1};
    const std::size_t count = rng_.weighted(count_weights) + 1;
    for (std::size_t i = 0; i < count; ++i) {
      const product& p = products[rng_.below(std::size(products))];
      const std::int64_t qty = rng_.percent(80) ? 1 : rng_.between(2, 4);
      const std::int64_t odd = rng_.percent(10) ? rng_.between(1, 99) : 0;  // 3-4 decimals
      row top{next_item_++,
              0,
              1000 + static_cast<std::int64_t>(&p - products),
              std::string(p.sku),
              std::string(p.name),
              qty,
              round_to(p.price_e4, base.decimals) + odd,
              p.type};
      if (p.type == 1) {
        const std::string_view size = sizes[rng_.below(std::size(sizes))];
        const std::string_view color = colors[rng_.below(std::size(colors))];
        top.sku = std::string(p.sku) + "-" + std::string(size) + "-" + std::string(color);
        rows_.push_back(top);
        rows_.push_back(row{
            next_item_++, top.id, top.product_id + 100, top.sku,
            std::string(p.name) + "-" + std::string(size) + "-" + std::string(color), qty, 0, 0});
      } else if (p.type == 2) {
        const std::size_t parts = 2 + rng_.below(2);
        std::int64_t sum = 0;
        for (std::size_t k = 0; k < parts; ++k) sum += bundle_part_prices[k];
        top.price_e4 = sum;
        rows_.push_back(top);
        for (std::size_t k = 0; k < parts; ++k) {
          rows_.push_back(row{next_item_++, top.id, 2000 + static_cast<std::int64_t>(k),
                              std::string(bundle_parts[k]), std::string(bundle_part_names[k]), qty,
                              bundle_part_prices[k], 0});
        }
      } else {
        rows_.push_back(top);
      }
    }
    std::int64_t subtotal = 0, qty_total = 0;
    for (const row& r : rows_) {
      if (r.parent != 0) continue;
      subtotal += r.price_e4 * r.qty;
      qty_total += r.qty;
    }
    const std::int64_t shipping = round_to(rng_.pick(shipping_choices), base.decimals);
    const std::int64_t discount = rng_.percent(20) ? -round_to(subtotal / 10, base.decimals) : 0;
    const std::int64_t tax = round_to((subtotal + discount) * 825 / 10000, base.decimals);
    const std::int64_t grand = subtotal + shipping + discount + tax;
    const auto in_order = [&](std::int64_t v) { return round_to(v * rate_e4 / 10000, 2); };
    const bool paid = st.state != "new" && st.state != "pending_payment" && st.state != "canceled";

    const std::string created(sql_time(created_t));
    const std::string updated(sql_time(updated_t));
    email_.assign(who.email_local);
    email_ += "@example.com";

    j.begin_object();
    j.string("applied_rule_ids", "1");
    j.string("base_currency_code", base.code);
    j.number("base_discount_amount", num(discount));
    j.number("base_grand_total", num(grand));
    j.number("base_discount_tax_compensation_amount", "0");
    j.number("base_shipping_amount", num(shipping));
    j.number("base_shipping_discount_amount", "0");
    j.number("base_shipping_incl_tax", num(shipping));
    j.number("base_shipping_tax_amount", "0");
    j.number("base_subtotal", num(subtotal));
    j.number("base_subtotal_incl_tax", num(subtotal + tax));
    j.number("base_tax_amount", num(tax));
    if (paid) j.number("base_total_invoiced", num(grand));
    if (paid) j.number("base_total_paid", num(grand));
    if (st.state == "closed") j.number("base_total_refunded", num(grand));
    j.number("base_total_due", paid ? "0" : num(grand));
    j.number("base_to_global_rate", "1");
    j.number("base_to_order_rate", num(rate_e4));
    j.integer("billing_address_id", order_id * 2);
    j.string("created_at", created);
    j.string("customer_email", email_);
    if (!guest) j.string("customer_firstname", who.first);
    j.integer("customer_group_id", guest ? 0 : 1);
    if (!guest) j.integer("customer_id", 100 + static_cast<std::int64_t>(&who - people));
    j.integer("customer_is_guest", guest ? 1 : 0);
    if (!guest) j.string("customer_lastname", who.last);
    j.integer("customer_note_notify", 1);
    j.number("discount_amount", num(in_order(discount)));
    j.integer("email_sent", 1);
    j.integer("entity_id", order_id);
    j.string("global_currency_code", base.code);
    j.number("grand_total", num(in_order(grand)));
    j.number("discount_tax_compensation_amount", "0");
    increment_ = std::to_string(order_id);
    increment_.insert(0, 9 - increment_.size(), '0');
    j.string("increment_id", increment_);
    j.integer("is_virtual", 0);
    j.string("order_currency_code", order_currency);
    j.string("protect_code", "61f76d");
    j.integer("quote_id", order_id + 40);
    j.string("remote_ip", "203.0.113.7");
    j.number("shipping_amount", num(in_order(shipping)));
    j.string("shipping_description", "Best Way - Table Rate");
    j.number("shipping_discount_amount", "0");
    j.number("shipping_discount_tax_compensation_amount", "0");
    j.number("shipping_incl_tax", num(in_order(shipping)));
    j.number("shipping_tax_amount", "0");
    j.string("state", st.state);
    j.string("status", st.status);
    j.string("store_currency_code", base.code);
    j.integer("store_id", 1);
    j.string("store_name", "Main Website\nMain Website Store\nDefault Store View");
    j.number("store_to_base_rate", "0");
    j.number("store_to_order_rate", "0");
    j.number("subtotal", num(in_order(subtotal)));
    j.number("subtotal_incl_tax", num(in_order(subtotal + tax)));
    j.number("tax_amount", num(in_order(tax)));
    if (paid) j.number("total_invoiced", num(in_order(grand)));
    if (paid) j.number("total_paid", num(in_order(grand)));
    if (st.state == "closed") j.number("total_refunded", num(in_order(grand)));
    j.number("total_due", paid ? "0" : num(in_order(grand)));
    j.integer("total_item_count", static_cast<std::int64_t>(rows_.size()));
    j.number("total_qty_ordered", num(qty_total * 10000));
    j.string("updated_at", updated);
    j.number("weight", num(qty_total * 10000));

    const auto write_items = [&](bool copies) {
      j.begin_array();
      for (const row& r : rows_) {
        const row* parent = nullptr;
        for (const row& q : rows_) {
          if (q.id == r.parent) parent = &q;
        }
        write_item(j, r, order_id, created, parent, st.state, rate_e4, copies);
      }
      j.end_array();
    };
    j.key("items");
    write_items(true);
    j.key("billing_address");
    write_address(j, "billing", order_id * 2, order_id, who, where, street, email_, false);
    j.key("payment");
    j.begin_object();
    j.null("account_status");
    j.key("additional_information");
    j.begin_array();
    j.string("Check / Money order");
    j.end_array();
    j.number("amount_ordered", num(in_order(grand)));
    if (paid) j.number("amount_paid", num(in_order(grand)));
    j.number("base_amount_ordered", num(grand));
    if (paid) j.number("base_amount_paid", num(grand));
    j.number("base_shipping_amount", num(shipping));
    j.null("cc_last4");
    j.integer("entity_id", order_id);
    j.string("method", "checkmo");
    j.integer("parent_id", order_id);
    j.number("shipping_amount", num(in_order(shipping)));
    j.end_object();
    j.key("status_histories");
    j.begin_array();
    if (rng_.percent(30)) {
      j.begin_object();
      j.string("comment", "Customer asked for gift wrapping — « emballage cadeau ».");
      j.string("created_at", updated);
      j.integer("entity_id", order_id * 3);
      j.string("entity_name", "order");
      j.integer("is_customer_notified", 0);
      j.integer("is_visible_on_front", 0);
      j.integer("parent_id", order_id);
      j.string("status", st.status);
      j.end_object();
    }
    j.end_array();
    j.key("extension_attributes");
    j.begin_object();
    j.key("shipping_assignments");
    j.begin_array();
    j.begin_object();
    j.key("shipping");
    j.begin_object();
    j.key("address");
    write_address(j, "shipping", order_id * 2 - 1, order_id, who, where, street, email_,
                  rng_.percent(20));
    j.string("method", "tablerate_bestway");
    j.key("total");
    j.begin_object();
    j.number("base_shipping_amount", num(shipping));
    j.number("base_shipping_incl_tax", num(shipping));
    j.number("shipping_amount", num(in_order(shipping)));
    j.number("shipping_incl_tax", num(in_order(shipping)));
    j.end_object();
    j.end_object();
    j.key("items");
    write_items(false);
    j.end_object();
    j.end_array();
    j.end_object();
    j.end_object();
  }

  static constexpr std::int64_t shipping_choices[] = {0, 50000, 50000, 100000, 149900, 75000};

  splitmix64 rng_;
  std::uint64_t orders_ = 0;
  std::int64_t next_order_ = 0;
  std::int64_t next_item_ = 0;
  std::int64_t clock_ = 0;
  char scratch_[32] = {};
  char time_[24] = {};
  std::string email_;
  std::string increment_;
  std::vector<row> rows_;
};

// `bytes` or a little more of NDJSON Magento orders, the same for a seed.
inline std::string generate_magento_ndjson(std::size_t bytes, std::uint64_t seed) {
  std::string out;
  out.reserve(bytes + 32 * 1024);
  magento_generator gen(seed);
  gen.append_ndjson(out, bytes);
  return out;
}

}  // namespace ordernorm_bench
