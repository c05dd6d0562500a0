// Inputs the fuzzers (fuzz/) found, each kept as a test named after what it
// found. The input is the fuzzer's own reproducer, in tests/fuzz_regressions/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ordernorm/ordernorm.hpp"

namespace {

using namespace ordernorm;

std::string regression_path(const std::string& name) {
  return (std::filesystem::path(__FILE__).parent_path() / "fuzz_regressions" / name).string();
}

std::string regression_input(const std::string& name) {
  const std::string path = regression_path(name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "missing " << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// fuzz_timestamp: a leap second that is not at 23:59 is malformed whatever
// the naive-time rule; under `reject` it was reported as naive_timestamp
// (the rule checked before the form), under `utc` and `local` as invalid.
TEST(FuzzRegression, LeapSecondNotAtMidnightIsInvalidUnderEveryNaiveRule) {
  const std::string text = regression_input("timestamp_leap_second_naive_not_at_midnight");
  for (const naive_time rule : {naive_time::reject, naive_time::utc, naive_time::local}) {
    EXPECT_EQ(parse_timestamp(text, rule).error(), error_code::invalid_timestamp)
        << text << " under rule " << static_cast<int>(rule);
  }
  // The leap second where one can occur is still accepted.
  EXPECT_TRUE(parse_timestamp("2016-12-31T23:59:60", naive_time::utc).ok());
  EXPECT_EQ(parse_timestamp("2016-12-31T23:59:60", naive_time::reject).error(),
            error_code::naive_timestamp);
}

// fuzz_splitter: with a read window under 3 bytes the reader looked for a
// byte order mark before it had 3 bytes, so the BOM stayed in the first
// record (which was then rejected as invalid JSON); a window of 0 never
// filled and looped forever. Any window must give the same documents.
TEST(FuzzRegression, ByteOrderMarkIsSkippedWhateverTheReadWindow) {
  const std::string path = regression_path("reader_bom_with_window_smaller_than_bom.ndjson");
  for (const std::size_t window :
       {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4096}}) {
    SCOPED_TRACE("window " + std::to_string(window));
    reader_options opts;
    opts.window_bytes = window;
    reader in = reader::open_file(path, opts);
    document_view doc;
    ASSERT_TRUE(in.next(doc));
    EXPECT_EQ(doc.offset, 3u);
    EXPECT_EQ(std::string(doc.data, doc.size).substr(0, 7), R"({"id":1)");
    ASSERT_TRUE(in.next(doc));
    EXPECT_EQ(std::string(doc.data, doc.size), R"({"id":2,"financial_status":"paid"})");
    EXPECT_FALSE(in.next(doc));
    EXPECT_TRUE(in.ok());
  }
}

// What one converter made of an input: each record's verdict, in order
// ("O" or the reject's code, offset and message).
struct verdicts : order_sink {
  void on_order(const order&, const record_position&) override { log.push_back("O"); }
  void on_reject(const record_error& e, const record_position&) override {
    log.push_back(std::string(to_string(e.code)) + " @" + std::to_string(e.byte_offset) + ": " +
                  e.message);
  }
  std::vector<std::string> log;
};

std::vector<std::string> convert_with(mapper m, const std::string& input) {
  options opts;
  opts.mapper = m;
  converter conv(opts);
  verdicts out;
  conv.convert(input, out);
  EXPECT_EQ(conv.records(), out.log.size());
  return out.log;
}

// fuzz_differential: `[{"order_no":}]]`, a record whose value is missing,
// then a stray `]`. The fast mapper reported one reject, the reference one
// two (invalid_json, then trailing_content): after a walker failed, the rest
// of the document was read from wherever that walker had stopped. Now the
// structure check decides: the record is broken JSON at the `}` where a
// value belongs, and nothing after it in that document is read.
TEST(FuzzRegression, BothMappersCountTheRecordsOfABrokenArrayAlike) {
  const std::string input = regression_input("differential_broken_value_then_extra_bracket.json");
  const std::vector<std::string> expected{
      "invalid_json @13: invalid JSON: expected a value; the rest of the document is not read"};
  EXPECT_EQ(convert_with(mapper::fast, input), expected);
  EXPECT_EQ(convert_with(mapper::reference, input), expected);
}

// fuzz_differential: in `{"orderNo":"":]}` a value is followed by `:]`.
// The fast mapper rejected it; the reference one converted an SFCC order,
// because its last pass skipped the value, and simdjson's skip reads a
// string followed by ':' as a key. The reference mapper now reads values in
// document order as the fast one does. In a Debug build (simdjson's
// development checks on) the fast mapper also crashed here: after the walker
// failed, the converter rewound an object whose iterator simdjson had
// already abandoned.
TEST(FuzzRegression, ReferenceMapperRejectsAValueFollowedByAColon) {
  const std::string input = regression_input("differential_reference_accepts_broken_object.json");
  const std::vector<std::string> expected{"invalid_json @13: invalid JSON: expected ',' or '}'"};
  EXPECT_EQ(convert_with(mapper::fast, input), expected);
  EXPECT_EQ(convert_with(mapper::reference, input), expected);
}

}  // namespace
