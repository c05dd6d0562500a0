// The registry of sources (src/registry.hpp) and everything that must agree
// with it: the model's enums and names, --from and the CLI help, the fuzz
// dictionaries, the benchmark generators; and the check that detection among
// the registry's sources is unambiguous, with fake registries that show the
// check fails when it should. Expected lists are written out by hand.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "detection.hpp"
#include "generators.hpp"  // bench/
#include "ordernorm/ordernorm.hpp"
#include "registry.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;
using ordernorm::detail::source_info;
using ordernorm::detail::source_kind;

namespace {

const fs::path source_dir = ORDERNORM_SOURCE_DIR;

const std::vector<std::string> order_names{"shopify",     "malomo", "magento",     "bigcommerce",
                                           "woocommerce", "sfcc",   "squarespace", "ebay"};
const std::vector<std::string> tracking_names{"easypost", "usps", "ups", "fedex", "dhl"};
// What `track --from` takes: Malomo's orders and the tracking APIs.
const std::vector<std::string> tracked_names{"malomo", "easypost", "usps", "ups", "fedex", "dhl"};
// The converter's list envelopes (README, "Input").
const std::vector<std::string_view> envelope_keys{"orders", "order", "items",
                                                  "result", "data",  "hits"};

std::vector<std::string> names_of(std::span<const source_info* const> list) {
  std::vector<std::string> out;
  for (const source_info* s : list) out.emplace_back(s->name);
  return out;
}

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

std::string lines(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

// ---------------------------------------------------------------------------
// The registry itself

TEST(Registry, ListsEveryOrderPlatformAndTrackingSource) {
  std::vector<std::string> orders, tracking;
  for (const source_info& s : detail::sources()) {
    (s.kind == source_kind::order ? orders : tracking).emplace_back(s.name);
  }
  EXPECT_EQ(orders, order_names);
  EXPECT_EQ(tracking, tracking_names);
  EXPECT_EQ(names_of(detail::order_platforms()), order_names);
  EXPECT_EQ(names_of(detail::tracked_sources()), tracked_names);
}

TEST(Registry, EverySourceHasItsMappingTranslationUnitAndFactory) {
  for (const source_info& s : detail::sources()) {
    SCOPED_TRACE(std::string(s.name));
    const std::string name(s.name);
    EXPECT_FALSE(s.marker_keys.empty());
    if (s.kind == source_kind::order) {
      EXPECT_TRUE(fs::is_regular_file(source_dir / "mappings" / (name + ".hpp")));
      EXPECT_TRUE(fs::is_regular_file(source_dir / "src/platforms" / (name + ".cpp")));
      EXPECT_FALSE(s.order_keys.empty());
      ASSERT_NE(s.make_converter, nullptr);
      EXPECT_NE(s.make_converter(), nullptr);
      EXPECT_EQ(s.make_tracking_converter, nullptr);
    } else {
      EXPECT_TRUE(fs::is_regular_file(source_dir / "src/sources" / (name + ".cpp")));
      ASSERT_NE(s.make_tracking_converter, nullptr);
      EXPECT_NE(s.make_tracking_converter(), nullptr);
      EXPECT_EQ(s.make_converter, nullptr);
    }
  }
}

// The model's enums are public and hand-written: they must name the
// registry's lines, one enumerator each.
TEST(Registry, PlatformEnumAndNamesMatchTheRegistry) {
  const auto& names = enum_names<platform>::values;
  ASSERT_EQ(std::size(names), order_names.size() + 1)
      << "platform's enumerators: unknown + one per line";
  EXPECT_EQ(names[0], "unknown");
  EXPECT_EQ(platform_from_name("unknown"), std::nullopt);
  for (std::size_t i = 1; i < std::size(names); ++i) {
    const auto p = static_cast<platform>(i);
    const source_info* s = detail::find_platform(p);
    ASSERT_NE(s, nullptr) << "platform enumerator " << i << " (" << names[i] << ") has no line";
    EXPECT_EQ(s->name, names[i]);
    EXPECT_EQ(s->name, order_names[i - 1]);
    EXPECT_EQ(platform_from_name(names[i]), p);
  }
  EXPECT_EQ(platform_from_name("Shopify"), std::nullopt);
}

TEST(Registry, TrackingInputEnumAndNamesMatchTheRegistry) {
  for (std::size_t i = 0; i < tracked_names.size(); ++i) {
    const auto t = static_cast<tracking_input>(i);
    const source_info* s = detail::find_tracked(t);
    ASSERT_NE(s, nullptr) << "tracking_input " << i << " has no line";
    EXPECT_EQ(s->name, tracked_names[i]);
    EXPECT_EQ(to_string(t), tracked_names[i]);
    EXPECT_EQ(tracking_input_from_name(tracked_names[i]), t);
  }
  // One past the last enumerator is no source.
  EXPECT_EQ(detail::find_tracked(static_cast<tracking_input>(tracked_names.size())), nullptr);
  EXPECT_EQ(tracking_input_from_name("shopify"), std::nullopt);
  EXPECT_EQ(detail::find_platform(platform::malomo)->tracking_id, tracking_input::malomo);
}

// ---------------------------------------------------------------------------
// The CLI help names every --from value

std::string run(const std::string& command) {
  std::string out;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

// The words of `text` (letters only), without those inside parentheses:
// "sfcc\n(Salesforce Commerce Cloud), squarespace or ebay" -> sfcc,
// squarespace, or, ebay.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth == 0 && c >= 'a' && c <= 'z') {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// The text of `help` from `from` up to `to` (both exclusive); empty when
// either is missing.
std::string_view between(std::string_view help, std::string_view from, std::string_view to) {
  const std::size_t b = help.find(from);
  if (b == std::string_view::npos) return {};
  const std::size_t e = help.find(to, b + from.size());
  if (e == std::string_view::npos) return {};
  return help.substr(b + from.size(), e - b - from.size());
}

std::set<std::string> without(std::vector<std::string> names, std::set<std::string> filler) {
  std::set<std::string> out;
  for (auto& n : names) {
    if (!filler.count(n)) out.insert(n);
  }
  return out;
}

TEST(Registry, CliHelpNamesEveryFromValue) {
  const std::string cli = ORDERNORM_CLI;
  const std::string main_help = run(cli + " help");
  const std::string convert_help = run(cli + " convert --help");
  const std::string track_help = run(cli + " track --help");
  ASSERT_FALSE(main_help.empty());

  // "Order platforms: shopify, ..., sfcc\n(Salesforce ...), squarespace, ebay."
  EXPECT_EQ(without(words(between(main_help, "Order platforms:", "Tracking sources:")), {}),
            as_set(order_names))
      << main_help;
  // "Tracking sources: malomo orders, easypost trackers, usps (...), ...": the
  // first word of each item.
  std::set<std::string> main_tracked;
  std::string_view rest = between(main_help, "Tracking sources:", ".\n");
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::vector<std::string> item = words(rest.substr(0, comma));
    if (!item.empty()) main_tracked.insert(item.front() == "and" ? item.at(1) : item.front());
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  EXPECT_EQ(main_tracked, as_set(tracked_names)) << main_help;

  // convert --help: "--from P  the platform of the input: auto (default: ...),
  // shopify, ..., squarespace or ebay"
  EXPECT_EQ(without(words(between(convert_help, "--from P", "\n  -")),
                    {"the", "platform", "of", "input", "auto", "or"}),
            as_set(order_names))
      << convert_help;

  // track --help: the synopsis and the option.
  std::set<std::string> synopsis;
  for (const std::string& w : words(between(track_help, "[--from auto|", "]"))) synopsis.insert(w);
  EXPECT_EQ(synopsis, as_set(tracked_names)) << track_help;
  EXPECT_EQ(
      without(words(between(track_help, "--from S", "\n  -")), {"the", "source", "auto", "or"}),
      as_set(tracked_names))
      << track_help;
}

// ---------------------------------------------------------------------------
// Fuzzing and benchmarks cover every platform (the fuzz targets themselves
// are made from the registry by fuzz/CMakeLists.txt)

std::set<std::string> dictionary(const fs::path& path) {
  std::set<std::string> entries;
  const std::string text = ordernorm::testing::read_file(path);
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    entries.insert(text.substr(at, end - at));
    at = end + 1;
  }
  return entries;
}

// A dictionary entry for a JSON key: "\"key\"".
std::string entry(std::string_view key) { return "\"\\\"" + std::string(key) + "\\\"\""; }

TEST(Registry, FuzzDictionariesHoldEverySourcesDistinctiveKeys) {
  const fs::path dict = source_dir / "fuzz/dict";
  std::set<std::string> files;
  for (const auto& f : fs::directory_iterator(dict)) files.insert(f.path().stem().string());
  std::set<std::string> want = as_set(order_names);
  want.insert({"tracking", "money", "timestamp", "value_scanner"});
  EXPECT_EQ(files, want)
      << "fuzz/dict/: one per order platform, tracking, money, timestamp, value_scanner";

  for (const source_info* p : detail::order_platforms()) {
    const std::set<std::string> d = dictionary(dict / (std::string(p->name) + ".dict"));
    for (std::string_view key : p->marker_keys) {
      EXPECT_TRUE(d.count(entry(key)))
          << p->name << ".dict lacks " << key << ": run fuzz/make_dict.sh " << p->name;
    }
  }
  const std::set<std::string> tracking = dictionary(dict / "tracking.dict");
  for (const source_info* s : detail::tracked_sources()) {
    for (std::string_view key : s->marker_keys) {
      EXPECT_TRUE(tracking.count(entry(key))) << "tracking.dict lacks " << s->name << "'s " << key
                                              << ": run fuzz/make_dict.sh tracking";
    }
  }
}

TEST(Registry, BenchGeneratorsCoverEveryPlatform) {
  std::vector<std::string> generators;
  for (const ordernorm_bench::generator_info& g : ordernorm_bench::generators()) {
    generators.emplace_back(g.name);
  }
  EXPECT_EQ(as_set(generators), as_set(order_names))
      << "bench/generators.hpp: one generator per order platform";
}

// ---------------------------------------------------------------------------
// Detection is unambiguous

TEST(Registry, DistinctiveKeysMakeOrderDetectionUnambiguous) {
  const std::vector<std::string> problems =
      detail::detection_ambiguities(detail::order_platforms(), envelope_keys);
  EXPECT_TRUE(problems.empty()) << lines(problems);
}

TEST(Registry, DistinctiveKeysMakeTrackingDetectionUnambiguous) {
  const std::vector<std::string> problems =
      detail::detection_ambiguities(detail::tracked_sources(), envelope_keys);
  EXPECT_TRUE(problems.empty()) << lines(problems);
}

// Fake registries: the check must catch each kind of overlap.

using keys = std::vector<std::string_view>;

source_info fake(source_kind kind, std::string_view name, const keys& markers,
                 const keys& order_keys = {}, const keys& not_order_keys = {}) {
  source_info s;
  s.kind = kind;
  s.name = name;
  s.marker_keys = markers;
  s.order_keys = order_keys;
  s.not_order_keys = not_order_keys;
  return s;
}

std::vector<std::string> check(const std::vector<const source_info*>& list) {
  return detail::detection_ambiguities(list, envelope_keys);
}

TEST(Registry, AmbiguityCheckFailsOnAKeyTwoPlatformsCallDistinctive) {
  const keys a_markers{"a_only", "both"};
  const keys b_markers{"both"};
  const keys common{"id", "total"};
  const source_info a = fake(source_kind::order, "alpha", a_markers, common);
  const source_info b = fake(source_kind::order, "beta", b_markers, common);
  const std::vector<std::string> problems = check({&a, &b});
  const std::vector<std::string> want{
      R"("both" is a distinctive key of both alpha and beta)",
      "beta's distinctive keys alone do not make it lead by 4: beta scores 4, alpha 4",
      "beta's keys all together do not make it lead by 4: beta scores 6, alpha 6"};
  EXPECT_EQ(problems, want);
}

TEST(Registry, AmbiguityCheckFailsOnAnIdPrefixTwoPlatformsDeclare) {
  const keys a_markers{"a_only"};
  const keys b_markers{"b_only"};
  const keys common{"id"};
  const keys prefix{"gid://shopify/"};
  source_info a = fake(source_kind::order, "alpha", a_markers, common);
  source_info b = fake(source_kind::order, "beta", b_markers, common);
  a.id_prefixes = prefix;
  EXPECT_TRUE(check({&a, &b}).empty());
  b.id_prefixes = prefix;
  const std::vector<std::string> want{
      R"(an id starting "gid://shopify/" is distinctive for both alpha and beta)"};
  EXPECT_EQ(check({&a, &b}), want);
}

TEST(Registry, AmbiguityCheckFailsOnADistinctiveKeyAnotherPlatformReads) {
  const keys a_markers{"a_only", "gamma_key"};
  const keys a_order{"id"};
  const keys b_markers{"b_only"};
  const keys b_order{"id", "gamma_key"};
  const source_info a = fake(source_kind::order, "alpha", a_markers, a_order);
  const source_info b = fake(source_kind::order, "beta", b_markers, b_order);
  const std::vector<std::string> want{
      R"("gamma_key", distinctive for alpha, is also a key beta weighs)",
      // beta's order: b_only and id for beta (4 + 1), gamma_key for both (1
      // for beta, 4 for alpha), id for alpha (1).
      "beta's keys all together do not make it lead by 4: beta scores 6, alpha 5"};
  EXPECT_EQ(check({&a, &b}), want);
}

TEST(Registry, AmbiguityCheckFailsOnEnvelopeKeysMissingAndSelfRulingKeys) {
  const keys a_markers{"orders", "a_only"};
  const keys a_not_order{"a_only"};
  const keys none;
  const keys b_order{"id"};
  const source_info a = fake(source_kind::order, "alpha", a_markers, none, a_not_order);
  const source_info b = fake(source_kind::order, "beta", none, b_order);
  const std::vector<std::string> want{
      "beta has no distinctive key",
      R"("orders", distinctive for alpha, is a list envelope's key)",
      R"("a_only" is both distinctive for alpha and rules it out)",
      "alpha's distinctive keys alone do not make it lead by 4: alpha scores 4 (ruled out), beta 0",
      "alpha's keys all together do not make it lead by 4: alpha scores 4 (ruled out), beta 0",
      "beta's distinctive keys alone do not make it lead by 4: beta scores 0, alpha 0",
      "beta's keys all together do not make it lead by 4: beta scores 1, alpha 0"};
  EXPECT_EQ(check({&a, &b}), want);
}

TEST(Registry, AmbiguityCheckFailsOnTrackingSourcesSharingAMarker) {
  // The tracker takes the first distinctive key it meets: two sources with
  // one key would depend on the registry's order.
  const keys a_markers{"trackResponse"};
  const keys b_markers{"trackResponse", "b_only"};
  const source_info a = fake(source_kind::tracking, "alpha", a_markers);
  const source_info b = fake(source_kind::tracking, "beta", b_markers);
  const std::vector<std::string> want{
      R"("trackResponse" is a distinctive key of both alpha and beta)"};
  EXPECT_EQ(check({&a, &b}), want);
}

}  // namespace
