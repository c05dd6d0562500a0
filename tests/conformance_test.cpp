// Conformance: every real public payload in ../shared/conformance/<platform>/
// converts, field by field, to the reviewed output in
// tests/conformance/<platform>/<file>.expected.ndjson, under both mappers.
// A payload that is not an order (a Shopify refund resource, a list of
// WooCommerce refunds) has instead a <file>.expected.reject holding the error
// code every record of it must get. Payloads are .json documents and .jsonl
// files (NDJSON: Shopify bulk exports).
//
// The cases are the reviewed outputs, so that each is a test by name whether
// or not ../shared/ is there: a missing payload is reported as skipped, naming
// the file, and fails when CI=true (ORDERNORM_REQUIRE_PAYLOAD). A payload
// without a reviewed output is a case too, and fails.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

struct payload {
  std::string platform;
  fs::path input;
};

const fs::path shared_conformance = shared_dir(ORDERNORM_SHARED_DIR) / "conformance";
const fs::path expected_dir = ORDERNORM_CONFORMANCE_EXPECTED_DIR;

// "<file>.json.expected.ndjson" -> "<file>.json"; "" for other names.
std::string payload_of(const std::string& reviewed) {
  for (const std::string suffix : {".expected.ndjson", ".expected.reject"}) {
    if (reviewed.size() > suffix.size() &&
        reviewed.compare(reviewed.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return reviewed.substr(0, reviewed.size() - suffix.size());
    }
  }
  return "";
}

std::vector<payload> find_payloads() {
  // Every platform folder of tests/conformance/ but tracking
  // (tracking_golden_test.cpp has those).
  std::set<std::pair<std::string, std::string>> cases;  // platform, file name
  for (const auto& dir : fs::directory_iterator(expected_dir)) {
    const std::string platform = dir.path().filename().string();
    if (!dir.is_directory() || platform == "tracking") continue;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      const std::string name = payload_of(entry.path().filename().string());
      if (!name.empty()) cases.insert({platform, name});
    }
    const fs::path shared = shared_conformance / platform;
    if (!fs::is_directory(shared)) continue;
    for (const auto& entry : fs::directory_iterator(shared)) {
      if (entry.path().extension() == ".json" || entry.path().extension() == ".jsonl") {
        cases.insert({platform, entry.path().filename().string()});
      }
    }
  }
  std::vector<payload> out;
  for (const auto& [platform, name] : cases) {
    out.push_back({platform, shared_conformance / platform / name});
  }
  return out;
}

// Names the case in test logs instead of dumping its bytes.
void PrintTo(const payload& c, std::ostream* os) { *os << c.input.string(); }

class Conformance : public ::testing::TestWithParam<payload> {};

TEST_P(Conformance, ConvertsToReviewedOutput) {
  const payload& p = GetParam();
  ORDERNORM_REQUIRE_PAYLOAD(p.input);
  const std::string input = read_file(p.input);
  const fs::path base = expected_dir / p.platform / p.input.filename();
  const fs::path expected_orders = fs::path(base).concat(".expected.ndjson");
  const fs::path expected_reject = fs::path(base).concat(".expected.reject");
  // Documented warnings, one "<json pointer> <message>" per line; none when
  // the file is absent.
  const fs::path expected_warnings = fs::path(base).concat(".expected.warnings");
  ASSERT_TRUE(fs::exists(expected_orders) || fs::exists(expected_reject))
      << "no reviewed output for " << p.input;

  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    const conversion got = convert_text(input, options_for(std::nullopt, m));
    if (fs::exists(expected_orders)) {
      EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
      EXPECT_EQ(got.ndjson, read_file(expected_orders));
    } else {
      std::string code = read_file(expected_reject);
      code.erase(code.find_last_not_of("\n") + 1);
      ASSERT_GE(got.rejects.size(), 1u);
      for (const auto& r : got.rejects) EXPECT_EQ(to_string(r.error.code), code);
      EXPECT_TRUE(got.ndjson.empty());
    }
    std::string warnings;
    for (const auto& w : got.warnings) warnings += w.json_pointer + " " + w.message + "\n";
    EXPECT_EQ(warnings, fs::exists(expected_warnings) ? read_file(expected_warnings) : "");
    EXPECT_EQ(got.records, got.converted + got.rejects.size());
  }
}

std::string payload_name(const ::testing::TestParamInfo<payload>& info) {
  std::string name = info.param.platform + "_" + info.param.input.stem().string();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Payloads, Conformance, ::testing::ValuesIn(find_payloads()), payload_name);

}  // namespace
