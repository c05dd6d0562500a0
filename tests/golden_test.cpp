// Golden tests: tests/golden/<platform>/<case>.json (or .jsonl, a bulk
// export read through the reader as the CLI reads it) converts to exactly
// <case>.expected.ndjson, under the fast and the reference mapper alike.
// Each case file is named after the hard case it covers. A case whose input
// holds records that must be rejected lists them in <case>.expected.rejects,
// one "<record> <code> <json pointer>" line each; without that file, no
// record may be rejected.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

struct golden_case {
  std::string platform;
  fs::path input;
  fs::path expected;
};

std::vector<golden_case> find_cases() {
  std::vector<golden_case> cases;
  const fs::path root = ORDERNORM_GOLDEN_DIR;
  for (const auto& platform_dir : fs::directory_iterator(root)) {
    if (!platform_dir.is_directory()) continue;
    for (const auto& entry : fs::directory_iterator(platform_dir.path())) {
      const fs::path p = entry.path();
      // .jsonl: a bulk export, read as a file (the reader stitches it).
      if (p.extension() != ".json" && p.extension() != ".jsonl") continue;
      fs::path expected = p;
      expected.replace_extension(".expected.ndjson");
      cases.push_back({platform_dir.path().filename().string(), p, expected});
    }
  }
  std::sort(cases.begin(), cases.end(),
            [](const golden_case& a, const golden_case& b) { return a.input < b.input; });
  return cases;
}

// Names the case in test logs instead of dumping its bytes.
void PrintTo(const golden_case& c, std::ostream* os) { *os << c.input.string(); }

class Golden : public ::testing::TestWithParam<golden_case> {};

TEST_P(Golden, ConvertsToExpectedOutput) {
  const golden_case& c = GetParam();
  ASSERT_TRUE(fs::exists(c.expected)) << "missing " << c.expected;
  const std::string input = read_file(c.input);
  const std::string expected = read_file(c.expected);
  fs::path rejects_file = c.input;
  rejects_file.replace_extension(".expected.rejects");
  const std::string expected_rejects = fs::exists(rejects_file) ? read_file(rejects_file) : "";
  const auto from = platform_from_name(c.platform);
  ASSERT_TRUE(from.has_value()) << c.platform;

  for (const auto m : {mapper::fast, mapper::reference}) {
    SCOPED_TRACE(m == mapper::fast ? "fast mapper" : "reference mapper");
    for (const auto platform : {std::optional<ordernorm::platform>{}, from}) {
      SCOPED_TRACE(platform ? "--from " + c.platform : "--from auto");
      const conversion got = c.input.extension() == ".jsonl"
                                 ? convert_path(c.input, options_for(platform, m))
                                 : convert_text(input, options_for(platform, m));
      std::string rejects;
      for (const reject_entry& r : got.rejects) {
        rejects += std::to_string(r.where.index) + " " + std::string(to_string(r.error.code)) +
                   " " + r.error.json_pointer + "\n";
      }
      EXPECT_EQ(rejects, expected_rejects) << describe(got.rejects);
      EXPECT_EQ(got.ndjson, expected);
    }
  }
}

std::string case_name(const ::testing::TestParamInfo<golden_case>& info) {
  std::string name = info.param.platform + "_" + info.param.input.stem().string();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(find_cases()), case_name);

}  // namespace
