// Platform detection under --from auto (issue 13, item 12): each platform is
// scored on the top-level keys it sees, distinctive keys weighing most; a tie
// or a weak score is a reject that names the candidates and the keys that
// decided. Expected values are written from the payloads, not from the code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "registry.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

const std::optional<platform> autodetect;

record_error only_reject(std::string_view json, std::optional<platform> from = autodetect) {
  const conversion got = convert_text(json, options_for(from, mapper::fast));
  EXPECT_EQ(got.converted, 0u) << got.ndjson;
  EXPECT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
  return got.rejects.empty() ? record_error{} : got.rejects[0].error;
}

void expect_contains(const std::string& text, std::string_view part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing " << part << " in: " << text;
}

// ---------------------------------------------------------------------------
// The two sparse payloads of the issue

TEST(Detection, WooCommerceSparseFieldsResponse) {
  // GET /wc/v3/orders/727?_fields=id,number,status,currency,date_created_gmt,
  // total,line_items,billing: no key of it is WooCommerce's alone, but eight
  // of its keys are WooCommerce order keys against four of Shopify's.
  const std::string json =
      R"({"id":727,"number":"727","status":"processing","currency":"USD",)"
      R"("date_created_gmt":"2017-03-22T19:28:02","total":"29.35",)"
      R"("line_items":[{"id":315,"name":"Woo Single #1","product_id":93,"variation_id":0,)"
      R"("quantity":2,"sku":"","price":3}],)"
      R"("billing":{"first_name":"John","last_name":"Doe","email":"john.doe@example.com",)"
      R"("country":"US"}})";
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(json, options_for(autodetect, m));
    ASSERT_TRUE(got.rejects.empty()) << describe(got.rejects);
    expect_contains(got.ndjson, R"("id":"woocommerce:727","platform":"woocommerce")");
    expect_contains(got.ndjson, R"("orderNumber":"727")");
    expect_contains(got.ndjson, R"("remoteCreatedAt":"2017-03-22T19:28:02.000Z")");
    expect_contains(got.ndjson, R"("orderStatusRaw":"processing")");
    expect_contains(got.ndjson, R"("totalPrice":"29.35")");
    expect_contains(got.ndjson, R"("email":"john.doe@example.com")");
    EXPECT_EQ(got.ndjson, convert_text(json, options_for(platform::woocommerce, m)).ndjson);
  }
}

TEST(Detection, MalomoOrderWithoutAlternateId) {
  // Malomo's documented order (docs.gomalomo.com/resources/order) without its
  // optional alternate_id: `meta` is the one Malomo key left.
  const std::string json =
      R"({"created_at":"2019-01-30T13:30:00Z",)"
      R"("customer":{"email":"john@example.com","first_name":"John","last_name":"Smith"},)"
      R"("email":"john@example.com","id":"58f3d13f-2979-462b-92f8-4b85c6ee6abe",)"
      R"("meta":{"shopify_order":{"order_id":450789469}},"number":"1000",)"
      R"("shipments":[{"carrier":"usps","tracking_code":"9400000000000000000000",)"
      R"("status":"delivered","scan_events":[]}],"updated_at":"2019-01-30T13:30:00Z"})";
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(json, options_for(autodetect, m));
    ASSERT_TRUE(got.rejects.empty()) << describe(got.rejects);
    expect_contains(got.ndjson,
                    R"("id":"malomo:58f3d13f-2979-462b-92f8-4b85c6ee6abe","platform":"malomo")");
    expect_contains(got.ndjson, R"("orderNumber":"1000")");
    expect_contains(got.ndjson, R"("trackingCode":"9400000000000000000000")");
    EXPECT_EQ(got.ndjson, convert_text(json, options_for(platform::malomo, m)).ndjson);
  }
}

TEST(Detection, MalomoGoldenOrdersWithoutAlternateIdAreStillMalomo) {
  // Every Malomo golden order, alternate_id renamed away.
  const fs::path dir = fs::path(ORDERNORM_GOLDEN_DIR) / "malomo";
  int orders = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    std::string json = read_file(entry.path());
    for (std::size_t at; (at = json.find("\"alternate_id\"")) != std::string::npos;) {
      json.replace(at, 14, "\"x_alternate\"");
    }
    fs::path expected = entry.path();
    expected.replace_extension(".expected.ndjson");
    const conversion got = convert_text(json, options_for(autodetect, mapper::fast));
    EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
    EXPECT_EQ(got.ndjson, read_file(expected));
    orders += static_cast<int>(got.converted);
  }
  EXPECT_GT(orders, 8);
}

// ---------------------------------------------------------------------------
// Rejects name the candidates and the keys that decided

TEST(Detection, TieIsARejectNamingCandidatesAndKeys) {
  // One distinctive key of Shopify and one of Magento: 4 against 4.
  const record_error e = only_reject(R"({"financial_status":"paid","increment_id":"000000001"})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, "too close to tell");
  expect_contains(e.message, R"(shopify 4 ("financial_status" +4))");
  expect_contains(e.message, R"(magento 4 ("increment_id" +4))");
}

TEST(Detection, TieOfSharedKeysIsAReject) {
  // Keys that Shopify, Malomo and WooCommerce orders all have.
  const record_error e = only_reject(R"({"id":1,"number":"1001","email":"a@example.com"})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, R"(shopify 3 ("id" +1, "number" +1, "email" +1))");
  expect_contains(e.message, R"(malomo 3 ("id" +1, "number" +1, "email" +1))");
}

TEST(Detection, WeakScoreIsARejectNamingKeys) {
  // Malomo leads (id, number, shipments), but by 1 over Shopify and
  // WooCommerce (id, number): less than one distinctive key.
  const record_error e = only_reject(R"({"id":"u-1","number":"7","shipments":[]})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, "too little evidence");
  expect_contains(e.message, R"(malomo 3 ("id" +1, "number" +1, "shipments" +1))");
  expect_contains(e.message, R"(shopify 2 ("id" +1, "number" +1))");
  expect_contains(e.message, R"(the object has keys "id", "number", "shipments")");
}

TEST(Detection, NoKnownKeyIsARejectSayingSo) {
  const record_error e = only_reject(R"({"sku":"A1","qty":3})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, "none of its keys counts for a known platform");
  expect_contains(e.message, R"(keys "sku", "qty")");
}

TEST(Detection, OneDistinctiveKeyDecides) {
  const conversion got =
      convert_text(R"({"id":5,"status_id":11})", options_for(autodetect, mapper::fast));
  ASSERT_TRUE(got.rejects.empty()) << describe(got.rejects);
  expect_contains(got.ndjson, R"("platform":"bigcommerce")");
}

TEST(Detection, DuplicateKeyCountsOnce) {
  // Three `financial_status` are still one Shopify key: a tie with Magento.
  const record_error e =
      only_reject(R"({"financial_status":"paid","financial_status":"x","financial_status":"y",)"
                  R"("increment_id":"1"})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, "shopify 4");
}

TEST(Detection, EscapedKeyIsNotEvidence) {
  // Keys are compared as raw bytes, as the mappings read them: a key that
  // only unescapes to `financial_status` is not read, so it does not count.
  const record_error e = only_reject(R"({"financial\u005fstatus":"paid","id":1})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
}

TEST(Detection, HugeKeysKeepTheMessageShort) {
  std::string json = R"({"id":1,")" + std::string(1 << 20, 'k') + R"(":1,"number":"2"})";
  const record_error e = only_reject(json);
  EXPECT_EQ(e.code, error_code::unknown_platform);
  EXPECT_LT(e.message.size(), 1024u) << e.message.substr(0, 2000);
}

// ---------------------------------------------------------------------------
// Non-order resources and envelopes

TEST(Detection, WooCommerceRefundIsRuledOutByItsRefundKeys) {
  const record_error e = only_reject(
      R"({"id":726,"date_created":"2017-03-21T17:07:11","date_created_gmt":"2017-03-21T20:07:11",)"
      R"("amount":"10.00","reason":"","refunded_by":1,"refunded_payment":false,)"
      R"("meta_data":[],"line_items":[]})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, R"(woocommerce is ruled out by "refunded_by")");
}

TEST(Detection, WooCommerceCustomerIsNotAnOrder) {
  // GET /wc/v3/customers/25: billing, shipping and the dates are order keys
  // too, but `username` and `role` are a customer's.
  const record_error e = only_reject(
      R"({"id":25,"date_created":"2017-03-21T16:09:28","date_created_gmt":"2017-03-21T19:09:28",)"
      R"("date_modified":"2017-03-21T16:09:30","date_modified_gmt":"2017-03-21T19:09:30",)"
      R"("email":"john.doe@example.com","first_name":"John","last_name":"Doe","role":"customer",)"
      R"("username":"john.doe","billing":{"first_name":"John"},"shipping":{"first_name":"John"},)"
      R"("is_paying_customer":false,"avatar_url":"https://example.com/a.png","meta_data":[]})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, "woocommerce is ruled out by");
}

TEST(Detection, SubResourceRowWithOrderIdIsNotAnOrder) {
  // A BigCommerce products row keeps its order's `order_id`.
  const record_error e = only_reject(
      R"([{"id":1,"order_id":100,"product_id":77,"total_inc_tax":"10.00","total_tax":"0.00",)"
      R"("is_tax_inclusive_pricing":false}])");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  expect_contains(e.message, R"(bigcommerce is ruled out by "order_id")");
}

TEST(Detection, EnvelopeKeyTheOrdersLackMakesAnEnvelope) {
  // `meta` is Malomo's, but a Malomo order has no `data`: this is a list
  // envelope (BigCommerce V3 style) whose element is a Shopify order.
  const std::string json =
      R"({"data":[{"id":1,"order_number":1001,"financial_status":"paid","currency":"USD",)"
      R"("total_price":"1.00","created_at":"2024-01-01T00:00:00Z"}],"meta":{"pagination":{}}})";
  const conversion got = convert_text(json, options_for(autodetect, mapper::fast));
  ASSERT_TRUE(got.rejects.empty()) << describe(got.rejects);
  EXPECT_EQ(got.converted, 1u);
  expect_contains(got.ndjson, R"("id":"shopify:1")");
}

TEST(Detection, MagentoOrderWithItemsIsAnOrder) {
  // `items` is an envelope key, and also a Magento order's: an order.
  const conversion got =
      convert_text(R"({"items":[{"item_id":5,"sku":"A","qty_ordered":1}],"entity_id":3,)"
                   R"("increment_id":"000000003"})",
                   options_for(autodetect, mapper::fast));
  ASSERT_TRUE(got.rejects.empty()) << describe(got.rejects);
  expect_contains(got.ndjson, R"("id":"magento:3")");
}

TEST(Detection, GivenPlatformStillRejectsAnotherPlatformsClearOrder) {
  const record_error e =
      only_reject(R"({"alternate_id":"450789469","id":"58f3d13f","number":"1000","meta":{}})",
                  platform::shopify);
  EXPECT_EQ(e.code, error_code::platform_mismatch);
}

// ---------------------------------------------------------------------------
// The registry

TEST(Detection, NoTwoPlatformsShareADistinctiveKey) {
  // A distinctive key of one platform is no key of any other platform's
  // evidence (distinctive, order_map, shared or not-order), nor a list
  // envelope's key: so a genuine order never scores another platform's
  // distinctive weight, and detection is unambiguous.
  const std::set<std::string_view> envelope_keys{"orders", "order", "items",
                                                 "result", "data",  "hits"};
  const auto platforms = detail::order_platforms();
  ASSERT_EQ(platforms.size(), 8u);
  for (const detail::platform_info* p : platforms) {
    EXPECT_FALSE(p->marker_keys.empty()) << p->name;
    for (std::string_view key : p->marker_keys) {
      EXPECT_FALSE(envelope_keys.count(key)) << p->name << " " << key;
      for (std::string_view own : p->not_order_keys) EXPECT_NE(key, own) << p->name;
      for (const detail::platform_info* q : platforms) {
        if (q == p) continue;
        for (auto list : {q->marker_keys, q->order_keys, q->shared_keys, q->not_order_keys}) {
          for (std::string_view other : list) {
            EXPECT_NE(key, other) << p->name << "'s distinctive key is also " << q->name << "'s";
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Random halves of every golden and conformance order

// Where each top-level member (object) or element (array) of a JSON value
// lies in the text. The inputs are well-formed test payloads.
struct member {
  std::size_t begin, end;  // "key": value, or the element
  std::string key;         // empty for array elements
  std::size_t value;       // where the value starts
};

std::size_t skip_space(const std::string& t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
  return i;
}

std::size_t skip_string(const std::string& t, std::size_t i) {  // at the opening quote
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] == '\\') ++i;
  }
  return i + 1;
}

std::size_t skip_value(const std::string& t, std::size_t i) {
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    for (; i < t.size(); ++i) {
      if (t[i] == '"') {
        i = skip_string(t, i) - 1;
      } else if (t[i] == '{' || t[i] == '[') {
        ++depth;
      } else if ((t[i] == '}' || t[i] == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return i;
  }
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
         t[i] != '\r' && t[i] != '\t') {
    ++i;
  }
  return i;
}

std::vector<member> members(const std::string& t, std::size_t at) {
  std::vector<member> out;
  const bool object = t[at] == '{';
  std::size_t i = skip_space(t, at + 1);
  while (i < t.size() && t[i] != '}' && t[i] != ']') {
    member m{i, 0, {}, i};
    if (object) {
      const std::size_t key_end = skip_string(t, i);
      m.key = t.substr(i + 1, key_end - i - 2);
      m.value = skip_space(t, skip_space(t, key_end) + 1);  // past the colon
    }
    m.end = skip_value(t, m.value);
    out.push_back(m);
    i = skip_space(t, m.end);
    if (i < t.size() && t[i] == ',') i = skip_space(t, i + 1);
  }
  return out;
}

// The objects whose keys a trial strips: the document itself when it is an
// object, and each order of an array or of a list envelope (an OCAPI hit's
// `data`).
std::vector<std::size_t> record_objects(const std::string& t) {
  std::vector<std::size_t> out;
  const std::size_t root = skip_space(t, 0);
  if (t[root] == '[') {
    for (const member& e : members(t, root)) {
      if (t[e.value] == '{') out.push_back(e.value);
    }
    return out;
  }
  out.push_back(root);
  for (const member& m : members(t, root)) {
    if (m.key != "orders" && m.key != "order" && m.key != "items" && m.key != "result" &&
        m.key != "data" && m.key != "hits") {
      continue;
    }
    std::vector<std::size_t> inner;
    if (t[m.value] == '{') inner.push_back(m.value);
    if (t[m.value] == '[') {
      for (const member& e : members(t, m.value)) {
        if (t[e.value] == '{') inner.push_back(e.value);
      }
    }
    for (std::size_t o : inner) {
      if (m.key == "hits") {
        for (const member& h : members(t, o)) {
          if (h.key == "data" && t[h.value] == '{') out.push_back(h.value);
        }
      } else {
        out.push_back(o);
      }
    }
  }
  return out;
}

// Fisher-Yates on mt19937's specified output: the same halves on every
// standard library.
std::vector<bool> random_half(std::size_t n, std::mt19937& rng) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  std::vector<bool> keep(n, true);
  for (std::size_t i = 0; i < n / 2; ++i) keep[order[i]] = false;
  return keep;
}

// `text` with a random half of the keys of the object at `at` removed.
std::string strip_half(const std::string& t, std::size_t at, std::mt19937& rng) {
  const std::vector<member> ms = members(t, at);
  const std::vector<bool> keep = random_half(ms.size(), rng);
  std::string body;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (!keep[i]) continue;
    if (!body.empty()) body += ',';
    body += t.substr(ms[i].begin, ms[i].end - ms[i].begin);
  }
  const std::size_t close = ms.empty() ? skip_space(t, at + 1) : skip_space(t, ms.back().end);
  return t.substr(0, at) + "{" + body + "}" + t.substr(close + 1);
}

struct outcome {
  bool converted = false;
  std::string json;  // the order, or the reject's code and place
  error_code code = error_code::ok;
};

class outcome_sink final : public order_sink {
 public:
  void on_order(const order& o, const record_position& at) override {
    std::string json;
    write_json(o, json);
    got[at.index] = {true, json, error_code::ok};
  }
  void on_reject(const record_error& e, const record_position& at) override {
    got[at.index] = {false,
                     std::string(to_string(e.code)) + " at " + std::to_string(e.byte_offset) + " " +
                         e.json_pointer,
                     e.code};
  }
  std::map<std::uint64_t, outcome> got;
};

std::map<std::uint64_t, outcome> outcomes(const std::string& text, std::optional<platform> from) {
  outcome_sink sink;
  converter conv(options_for(from, mapper::fast));
  conv.convert(text, sink);
  return sink.got;
}

std::uint32_t name_seed(const std::string& name) {  // FNV-1a: stable everywhere
  std::uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

using payload_list = std::vector<std::pair<std::string, fs::path>>;

// Per object of each payload that holds an order (and the document itself),
// `trials` times: remove a random half of its top-level keys, then every
// record --from auto gives must be what --from <its platform> gives (the
// platform picked) or an unknown_platform reject.
void expect_random_halves_never_pick_another_platform(const payload_list& payloads) {
  constexpr int trials = 24;
  std::size_t objects = 0, runs = 0, records = 0, picked = 0, rejected = 0;
  for (const auto& [name, path] : payloads) {
    SCOPED_TRACE(path.string());
    const std::optional<platform> from = platform_from_name(name);
    ASSERT_TRUE(from.has_value());
    const std::string text = read_file(path);
    const std::vector<std::size_t> targets = record_objects(text);
    objects += targets.size();
    std::mt19937 rng(name_seed(path.filename().string()));
    for (std::size_t target : targets) {
      for (int trial = 0; trial < trials; ++trial) {
        const std::string stripped = strip_half(text, target, rng);
        const auto got = outcomes(stripped, autodetect);
        const auto want = outcomes(stripped, from);
        ++runs;
        for (const auto& [index, o] : got) {
          ++records;
          if (!o.converted && o.code == error_code::unknown_platform) {
            ++rejected;
            continue;
          }
          ++picked;
          const auto w = want.find(index);
          ASSERT_NE(w, want.end()) << stripped;
          EXPECT_EQ(o.json, w->second.json) << "record " << index << " of " << stripped;
        }
      }
    }
  }
  std::cout << "[ detection ] " << payloads.size() << " payloads, " << objects
            << " objects stripped, " << runs << " stripped documents, " << records
            << " records: " << picked << " as --from gives, " << rejected << " unknown_platform\n";
}

TEST(Detection, RandomHalfOfKeysNeverPicksAnotherPlatform) {
  // Every golden payload.
  payload_list payloads;
  for (const auto& dir : fs::directory_iterator(ORDERNORM_GOLDEN_DIR)) {
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.path().extension() == ".json") {
        payloads.emplace_back(dir.path().filename().string(), f.path());
      }
    }
  }
  std::sort(payloads.begin(), payloads.end());
  ASSERT_GT(payloads.size(), 100u);
  expect_random_halves_never_pick_another_platform(payloads);
}

TEST(Detection, RandomHalfOfConformanceKeysNeverPicksAnotherPlatform) {
  // Every real payload in ../shared/conformance/<platform>/: skipped, naming
  // the folder, when it is missing, or failed when CI=true.
  const fs::path conformance = shared_dir(ORDERNORM_SHARED_DIR) / "conformance";
  payload_list payloads;
  for (const std::string p :
       {"shopify", "magento", "bigcommerce", "woocommerce", "sfcc", "squarespace", "ebay"}) {
    ORDERNORM_REQUIRE_PAYLOAD(conformance / p);
    for (const auto& f : fs::directory_iterator(conformance / p)) {
      if (f.path().extension() == ".json") payloads.emplace_back(p, f.path());
    }
  }
  std::sort(payloads.begin(), payloads.end());
  ASSERT_FALSE(payloads.empty());
  expect_random_halves_never_pick_another_platform(payloads);
}

}  // namespace
