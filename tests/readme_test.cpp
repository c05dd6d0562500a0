// README.md's platform table (between <!-- platform-table:begin --> and
// <!-- platform-table:end -->) against the library's registry, so that the
// README cannot go stale again (issue 13 item 6): its rows are exactly the
// order platforms `convert --from` takes and the tracking sources
// `track --from` takes, found through the public API (the model's platform
// names, platform_from_name, tracking_input_from_name), and the mapping each
// row names exists.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/ordernorm.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;

namespace {

const fs::path source_dir = ORDERNORM_SOURCE_DIR;

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

std::string unquote(std::string s) {  // `name` -> name
  if (s.size() >= 2 && s.front() == '`' && s.back() == '`') s = s.substr(1, s.size() - 2);
  return s;
}

// "| a | b |" -> {"a", "b"}. No cell of the table holds a '|'.
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::string_view rest(line);
  rest = rest.substr(rest.find('|') + 1);
  while (!rest.empty()) {
    const auto bar = rest.find('|');
    if (bar == std::string_view::npos) break;
    out.push_back(trim(rest.substr(0, bar)));
    rest = rest.substr(bar + 1);
  }
  return out;
}

struct table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

table readme_table() {
  const std::string readme = ordernorm::testing::read_file(source_dir / "README.md");
  const std::string begin = "<!-- platform-table:begin -->";
  const std::string end = "<!-- platform-table:end -->";
  const auto b = readme.find(begin);
  const auto e = readme.find(end);
  table t;
  if (b == std::string::npos || e == std::string::npos || e < b) return t;
  std::istringstream lines(readme.substr(b + begin.size(), e - b - begin.size()));
  std::string line;
  while (std::getline(lines, line)) {
    if (trim(line).empty()) continue;
    std::vector<std::string> row = cells(line);
    if (t.header.empty()) {
      t.header = row;
    } else if (row.empty() || row[0].rfind("---", 0) != 0) {
      t.rows.push_back(row);
    }
  }
  return t;
}

std::size_t column(const table& t, std::string_view name) {
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    if (t.header[i] == name) return i;
  }
  ADD_FAILURE() << "README's platform table has no column " << name;
  return 0;
}

// Every platform of the model that convert --from takes.
std::set<std::string> registry_platforms() {
  std::set<std::string> out;
  const auto& names = enum_names<platform>::values;
  for (std::size_t i = 0; i < std::size(names); ++i) {
    const auto p = platform_from_name(names[i]);
    if (p && static_cast<std::size_t>(*p) == i) out.insert(std::string(names[i]));
  }
  return out;
}

// Every tracking source track --from takes: each value of the enum whose name
// reads back as itself.
std::set<std::string> registry_tracking_sources() {
  std::set<std::string> out;
  for (unsigned i = 0; i <= UINT8_MAX; ++i) {
    const auto input = static_cast<tracking_input>(i);
    const std::string_view name = to_string(input);
    if (tracking_input_from_name(name) == input) out.insert(std::string(name));
  }
  return out;
}

std::string joined(const std::set<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

TEST(ReadmePlatformTable, MatchesTheRegistry) {
  const table t = readme_table();
  ASSERT_FALSE(t.header.empty()) << "README.md has no platform table between the markers";
  const std::size_t name_col = column(t, "`--from`");
  const std::size_t convert_col = column(t, "convert");
  const std::size_t track_col = column(t, "track");
  const std::size_t mapping_col = column(t, "mapping");

  std::set<std::string> convert, track, seen;
  for (const auto& row : t.rows) {
    ASSERT_EQ(row.size(), t.header.size())
        << "README platform row with the wrong cell count: " << (row.empty() ? "" : row[0]);
    const std::string name = unquote(row[name_col]);
    EXPECT_TRUE(seen.insert(name).second) << name << " has two rows";
    for (const std::size_t col : {convert_col, track_col}) {
      EXPECT_TRUE(row[col] == "yes" || row[col] == "no")
          << name << ": " << t.header[col] << " is \"" << row[col] << "\", not yes or no";
    }
    if (row[convert_col] == "yes") convert.insert(name);
    if (row[track_col] == "yes") track.insert(name);
    const fs::path mapping = source_dir / unquote(row[mapping_col]);
    EXPECT_TRUE(fs::is_regular_file(mapping)) << name << ": no mapping " << mapping;
  }

  const std::set<std::string> platforms = registry_platforms();
  const std::set<std::string> sources = registry_tracking_sources();
  ASSERT_FALSE(platforms.empty());
  ASSERT_FALSE(sources.empty());
  EXPECT_EQ(joined(convert), joined(platforms))
      << "README.md's platform table (convert = yes) vs the platforms the library converts";
  EXPECT_EQ(joined(track), joined(sources))
      << "README.md's platform table (track = yes) vs the tracking sources the library reads";
}

// The README's convert synopsis names no fixed platform list, which went
// stale before ("--from auto|shopify|malomo").
TEST(ReadmePlatformTable, ConvertSynopsisPointsToTheTable) {
  const std::string readme = ordernorm::testing::read_file(source_dir / "README.md");
  EXPECT_NE(readme.find("ordernorm convert [--from auto|PLATFORM]"), std::string::npos);
  EXPECT_EQ(readme.find("--from auto|shopify|malomo]"), std::string::npos);
}

// A README code block is the tested file from `first_line` on: the block
// that starts with ``` + `fence` + a newline + `first_line`.
void expect_readme_block_is(const char* fence, const char* file_name, const char* first_line) {
  const std::string readme = ordernorm::testing::read_file(source_dir / "README.md");
  const std::string file = ordernorm::testing::read_file(source_dir / "tests" / file_name);
  const auto body = file.find(first_line);
  ASSERT_NE(body, std::string::npos) << file_name;
  const std::string opening = std::string("```") + fence + "\n";
  const auto begin = readme.find(opening + first_line);
  ASSERT_NE(begin, std::string::npos) << "README.md has no block for " << file_name;
  const auto from = begin + opening.size();
  const auto end = readme.find("```", from);
  ASSERT_NE(end, std::string::npos);
  EXPECT_EQ(readme.substr(from, end - from), file.substr(body));
}

// README's C example is tests/c_example.c, less its first comment lines.
TEST(ReadmeCExample, IsTheTestedFile) {
  expect_readme_block_is("c", "c_example.c", "#include <ordernorm.h>");
}

// README's one-order example is tests/cxx17_consumer.cpp from its includes on.
TEST(ReadmeOneOrderExample, IsTheTestedFile) {
  expect_readme_block_is("cpp", "cxx17_consumer.cpp", "#include <cstdio>");
}

}  // namespace
