// Tracking golden tests: tests/golden_tracking/<source>/<case>.json tracks to
// exactly <case>.expected.ndjson (one derived shipment per line), under both
// mappers, with --from <source> and --from auto, with the warnings in
// <case>.expected.warnings ("<JSON pointer>\t<message>" per line; no file:
// no warnings). The real payloads in
// ../shared/conformance/tracking/ track to the reviewed outputs in
// tests/conformance/tracking/<file>.expected.ndjson. Those cases are the
// reviewed outputs, so that each is a test by name whether or not ../shared/
// is there: a missing payload is reported as skipped, naming the file, and
// fails when CI=true (ORDERNORM_REQUIRE_PAYLOAD).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "tracking_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;
using ordernorm::testing::read_file;
using ordernorm::testing::shared_dir;
using ordernorm::testing::track;
using ordernorm::testing::tracked;

namespace {

std::string describe(const std::vector<record_error>& rejects) {
  std::string s;
  for (const record_error& e : rejects) {
    s += std::string(to_string(e.code)) + " at " + e.json_pointer + ": " + e.message + "\n";
  }
  return s;
}

struct tracking_case {
  std::string source;  // a tracking_input name, or "" for auto only
  fs::path input;
  fs::path expected;
  fs::path expected_warnings;  // may not exist: no warnings
};

std::string warning_lines(const std::vector<record_warning>& warnings) {
  std::string s;
  for (const record_warning& w : warnings) s += w.json_pointer + "\t" + w.message + "\n";
  return s;
}

void PrintTo(const tracking_case& c, std::ostream* os) { *os << c.input.string(); }

std::vector<tracking_case> find_cases() {
  std::vector<tracking_case> cases;
  const fs::path root = ORDERNORM_TRACKING_GOLDEN_DIR;
  if (fs::is_directory(root)) {
    for (const auto& dir : fs::directory_iterator(root)) {
      if (!dir.is_directory()) continue;
      for (const auto& entry : fs::directory_iterator(dir.path())) {
        if (entry.path().extension() != ".json") continue;
        fs::path expected = entry.path();
        expected.replace_extension(".expected.ndjson");
        fs::path warnings = entry.path();
        warnings.replace_extension(".expected.warnings");
        cases.push_back({dir.path().filename().string(), entry.path(), expected, warnings});
      }
    }
  }
  const fs::path conformance = shared_dir(ORDERNORM_SHARED_DIR) / "conformance" / "tracking";
  const fs::path reviewed = fs::path(ORDERNORM_CONFORMANCE_EXPECTED_DIR) / "tracking";
  const std::string suffix = ".expected.ndjson";
  std::set<std::string> names;  // payload file names
  if (fs::is_directory(reviewed)) {
    for (const auto& entry : fs::directory_iterator(reviewed)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        names.insert(name.substr(0, name.size() - suffix.size()));
      }
    }
  }
  if (fs::is_directory(conformance)) {
    for (const auto& entry : fs::directory_iterator(conformance)) {
      if (entry.path().extension() == ".json") names.insert(entry.path().filename().string());
    }
  }
  for (const std::string& name : names) {
    cases.push_back({"", conformance / name, reviewed / (name + suffix),
                     reviewed / (name + ".expected.warnings")});
  }
  std::sort(cases.begin(), cases.end(),
            [](const tracking_case& a, const tracking_case& b) { return a.input < b.input; });
  return cases;
}

class TrackingGolden : public ::testing::TestWithParam<tracking_case> {};

TEST_P(TrackingGolden, TracksToExpectedShipments) {
  const tracking_case& c = GetParam();
  ORDERNORM_REQUIRE_PAYLOAD(c.input);
  ASSERT_TRUE(fs::exists(c.expected)) << "missing " << c.expected;
  const std::string input = read_file(c.input);
  const std::string expected = read_file(c.expected);
  const std::string expected_warnings =
      fs::exists(c.expected_warnings) ? read_file(c.expected_warnings) : std::string();
  std::vector<std::optional<tracking_input>> froms{std::nullopt};
  if (!c.source.empty()) {
    const auto given = tracking_input_from_name(c.source);
    ASSERT_TRUE(given.has_value()) << c.source;
    froms.push_back(given);
  }
  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    for (const auto& from : froms) {
      SCOPED_TRACE(from ? "--from " + c.source : "--from auto");
      track_options opts;
      opts.from = from;
      opts.mapper = m;
      const tracked got = track(input, opts);
      EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
      EXPECT_EQ(got.ndjson, expected);
      EXPECT_EQ(warning_lines(got.warnings), expected_warnings);
    }
  }
}

std::string case_name(const ::testing::TestParamInfo<tracking_case>& info) {
  std::string name = (info.param.source.empty() ? "conformance" : info.param.source) + "_" +
                     info.param.input.stem().string();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, TrackingGolden, ::testing::ValuesIn(find_cases()), case_name);

}  // namespace
