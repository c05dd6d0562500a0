// Shopify Admin REST order -> the peers' projection of ordernorm's output
// (bench/peers/README.md), on nlohmann::json: getline, json::parse per line,
// a hand-written mapping into an ordered_json, dump().
//
//   g++ -std=c++17 -O3 -DNDEBUG nlohmann_mapper.cpp -o nlohmann_mapper
//   ./nlohmann_mapper orders.ndjson > projection.ndjson
//
// Money stays text and is summed as integers of minor units, never doubles.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

// ISO 4217 codes whose minor units are not 2 (ordernorm's table, src/money.cpp).
const std::map<std::string, int, std::less<>> minor_units_table{
    {"BIF", 0}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"ISK", 0}, {"JPY", 0}, {"KMF", 0},
    {"KRW", 0}, {"PYG", 0}, {"RWF", 0}, {"UGX", 0}, {"UYI", 0}, {"VND", 0}, {"VUV", 0},
    {"XAF", 0}, {"XOF", 0}, {"XPF", 0}, {"BHD", 3}, {"IQD", 3}, {"JOD", 3}, {"KWD", 3},
    {"LYD", 3}, {"OMR", 3}, {"TND", 3}, {"CLF", 4}, {"UYW", 4}};
const std::map<std::string, std::string, std::less<>> payment_table{
    {"pending", "Pending"},
    {"authorized", "Authorized"},
    {"partially_paid", "PartiallyPaid"},
    {"paid", "Paid"},
    {"partially_refunded", "PartiallyRefunded"},
    {"refunded", "Refunded"},
    {"voided", "Voided"},
    {"expired", "Voided"}};
const std::map<std::string, std::string, std::less<>> fulfillment_table{
    {"", "unfulfilled"},
    {"restocked", "unfulfilled"},
    {"partial", "partial"},
    {"fulfilled", "fulfilled"}};
const std::map<std::string, std::string, std::less<>> shipment_table{
    {"label_printed", "pre_transit"},
    {"label_purchased", "pre_transit"},
    {"confirmed", "pre_transit"},
    {"carrier_picked_up", "in_transit"},
    {"in_transit", "in_transit"},
    {"delayed", "in_transit"},
    {"attempted_delivery", "in_transit"},
    {"out_for_delivery", "out_for_delivery"},
    {"ready_for_pickup", "available_for_pickup"},
    {"picked_up", "delivered"},
    {"delivered", "delivered"},
    {"failure", "failure"}};

const json null_value;

// o[key], or null when o is not an object or lacks the key.
const json& at(const json& o, const char* key) {
  if (!o.is_object()) return null_value;
  auto it = o.find(key);
  return it == o.end() ? null_value : *it;
}

// The value's text: a string as is, a number as written; "" for null.
std::string str(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  return v.dump();
}

// "" and null are the same to ordernorm; both come out as null.
ordered text(const json& v) {
  std::string s = str(v);
  return s.empty() ? ordered() : ordered(std::move(s));
}

std::string lookup(const std::map<std::string, std::string, std::less<>>& table, const json& v,
                   const char* otherwise) {
  auto it = table.find(str(v));
  return it == table.end() ? otherwise : it->second;
}

// ordernorm's money text: the fraction padded to the currency's minor units,
// trailing zeros beyond them dropped, never a non-zero digit dropped, no "-0".
ordered money(std::string s, int minor) {
  if (s.empty()) return {};
  const bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  const auto dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  if (minor >= 0) frac.erase(frac.find_last_not_of('0') + 1);
  const bool zero = whole == "0" && frac.find_first_not_of('0') == std::string::npos;
  if (minor > 0 && frac.size() < static_cast<std::size_t>(minor)) {
    frac.append(static_cast<std::size_t>(minor) - frac.size(), '0');
  }
  std::string out = negative && !zero ? "-" : "";
  out += whole;
  if (!frac.empty()) out += "." + frac;
  return out;
}

// The exact sum of decimal texts (empties skipped); "" when none.
std::string decimal_sum(const std::vector<std::string>& values) {
  std::int64_t units = 0;
  std::size_t scale = 0;
  bool any = false;
  auto pow10 = [](std::size_t n) {
    std::int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
  };
  for (const std::string& v : values) {
    if (v.empty()) continue;
    const auto dot = v.find('.');
    const std::size_t digits = dot == std::string::npos ? 0 : v.size() - dot - 1;
    std::string plain = v;
    if (dot != std::string::npos) plain.erase(dot, 1);
    const std::int64_t n = std::stoll(plain);
    if (digits > scale) {
      units *= pow10(digits - scale);
      scale = digits;
    }
    units += n * pow10(scale - digits);
    any = true;
  }
  if (!any) return {};
  std::string d = std::to_string(units < 0 ? -units : units);
  if (d.size() < scale + 1) d.insert(0, scale + 1 - d.size(), '0');
  if (scale > 0) d.insert(d.size() - scale, ".");
  return (units < 0 ? "-" : "") + d;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// RFC 3339 with an offset -> UTC with milliseconds ("2023-11-19T17:00:17.000Z").
ordered utc(const json& v) {
  const std::string s = str(v);
  if (s.size() < 20) return {};
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(s.substr(at, n)); };
  std::int64_t seconds = days_from_civil(num(0, 4), static_cast<unsigned>(num(5, 2)),
                                         static_cast<unsigned>(num(8, 2))) *
                             86400 +
                         num(11, 2) * 3600 + num(14, 2) * 60 + num(17, 2);
  std::size_t i = 19;
  int ms = 0;
  if (s[i] == '.') {
    int scale = 100;
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10) {
      ms += (s[i] - '0') * scale;
    }
  }
  if (s[i] != 'Z') {
    const int offset = num(i + 1, 2) * 3600 + num(i + 4, 2) * 60;
    seconds -= s[i] == '-' ? -offset : offset;
  }
  const std::int64_t days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
  const std::int64_t rest = seconds - days * 86400;
  // civil_from_days, the inverse of the above.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[80];  // room for any int64 year, so no truncation warning
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03dZ",
                static_cast<long long>(y), m, d, static_cast<long long>(rest / 3600),
                static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60), ms);
  return buf;
}

// An object whose every field is empty is null in ordernorm's output.
bool blank(const ordered& o) {
  for (const auto& v : o) {
    if (!v.is_null()) return false;
  }
  return true;
}

ordered address(const json& a) {
  if (!a.is_object()) return {};
  ordered out;
  out["firstName"] = text(at(a, "first_name"));
  out["lastName"] = text(at(a, "last_name"));
  out["company"] = text(at(a, "company"));
  out["address1"] = text(at(a, "address1"));
  out["address2"] = text(at(a, "address2"));
  out["city"] = text(at(a, "city"));
  ordered region = text(at(a, "province_code"));
  out["region"] = region.is_null() ? text(at(a, "province")) : region;
  out["postalCode"] = text(at(a, "zip"));
  out["countryCode"] = text(at(a, "country_code"));
  out["phone"] = text(at(a, "phone"));
  return blank(out) ? ordered() : out;
}

ordered customer(const json& o) {
  const json& c = at(o, "customer");
  if (!c.is_object()) return {};
  ordered full;
  full["id"] = text(at(c, "id"));
  full["email"] = text(at(c, "email"));
  full["firstName"] = text(at(c, "first_name"));
  full["lastName"] = text(at(c, "last_name"));
  full["phone"] = text(at(c, "phone"));
  if (blank(full)) return {};
  ordered out;
  out["email"] = full["email"];
  if (out["email"].is_null()) out["email"] = text(at(o, "email"));
  if (out["email"].is_null()) out["email"] = text(at(o, "contact_email"));
  out["firstName"] = full["firstName"];
  out["lastName"] = full["lastName"];
  return out;
}

std::string order_status(const json& o) {
  if (!str(at(o, "cancelled_at")).empty()) return "Cancelled";
  if (!str(at(o, "closed_at")).empty()) return "Completed";
  if (str(at(o, "fulfillment_status")) == "fulfilled") return "Shipped";
  if (str(at(o, "financial_status")) == "pending") return "Pending";
  return "Active";
}

ordered project(const json& o) {
  const std::string currency = str(at(o, "currency"));
  int minor = -1;
  if (!currency.empty()) {
    auto it = minor_units_table.find(currency);
    minor = it == minor_units_table.end() ? 2 : it->second;
  }
  std::string shipping = str(at(at(at(o, "total_shipping_price_set"), "shop_money"), "amount"));
  if (shipping.empty()) {
    std::vector<std::string> prices;
    for (const json& line : at(o, "shipping_lines")) prices.push_back(str(at(line, "price")));
    shipping = decimal_sum(prices);
  }
  const std::string id = str(at(o, "id"));

  ordered out;
  out["id"] = id.empty() ? ordered() : ordered("shopify:" + id);
  out["orderNumber"] = text(at(o, "order_number"));
  out["currency"] = text(at(o, "currency"));
  out["remoteCreatedAt"] = utc(at(o, "created_at"));
  out["remoteUpdatedAt"] = utc(at(o, "updated_at"));
  out["orderStatus"] = order_status(o);
  out["paymentStatus"] = lookup(payment_table, at(o, "financial_status"), "Unknown");
  out["fulfillmentStatus"] = lookup(fulfillment_table, at(o, "fulfillment_status"), "unknown");
  out["totalPrice"] = money(str(at(o, "total_price")), minor);
  out["totalTax"] = money(str(at(o, "total_tax")), minor);
  out["totalShipping"] = money(shipping, minor);
  out["totalDiscount"] = money(str(at(o, "total_discounts")), minor);
  ordered items = ordered::array();
  for (const json& li : at(o, "line_items")) {
    ordered item;
    item["lineItemId"] = text(at(li, "id"));
    item["sku"] = text(at(li, "sku"));
    item["title"] = text(at(li, "title"));
    item["quantity"] = at(li, "quantity");
    item["price"] = money(str(at(li, "price")), minor);
    items.push_back(std::move(item));
  }
  out["lineItems"] = std::move(items);
  out["shippingAddress"] = address(at(o, "shipping_address"));
  out["customer"] = customer(o);
  ordered shipments = ordered::array();
  for (const json& f : at(o, "fulfillments")) {
    const std::string status = str(at(f, "status"));
    if (status == "cancelled" || status == "error" || status == "failure") continue;
    const ordered carrier = text(at(f, "tracking_company"));
    const std::string shipment_status = lookup(shipment_table, at(f, "shipment_status"), "unknown");
    std::vector<ordered> numbers;
    for (const json& n : at(f, "tracking_numbers")) numbers.push_back(text(n));
    if (numbers.empty() && !str(at(f, "tracking_number")).empty()) {
      numbers.push_back(text(at(f, "tracking_number")));
    }
    if (numbers.empty()) numbers.emplace_back();
    for (ordered& n : numbers) {
      ordered s;
      s["trackingCode"] = std::move(n);
      s["carrier"] = carrier;
      s["status"] = shipment_status;
      shipments.push_back(std::move(s));
    }
  }
  out["shipments"] = std::move(shipments);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::ifstream file;
  if (argc > 1) {
    file.open(argv[1], std::ios::binary);
    if (!file) {
      std::cerr << "cannot open " << argv[1] << "\n";
      return 2;
    }
  }
  std::istream& in = argc > 1 ? static_cast<std::istream&>(file) : std::cin;
  std::string line;
  std::string out;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    out += project(json::parse(line)).dump();
    out += '\n';
    if (out.size() > (1u << 20)) {  // fewer, larger writes
      std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  return std::cout.good() ? 0 : 1;
}
