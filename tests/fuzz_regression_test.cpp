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
  return (std::filesystem::path(ORDERNORM_TESTS_DIR) / "fuzz_regressions" / name).string();
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

// The reader's documents and the converter's verdicts, one line each.
std::vector<std::string> read_and_convert(const std::string& path, reader_options opts) {
  reader in = reader::open_file(path, opts);
  converter conv;
  verdicts out;
  document_view doc;
  while (in.next(doc)) {
    out.log.push_back("doc @" + std::to_string(doc.offset) + " " +
                      (doc.problem == error_code::ok ? std::to_string(doc.size) + " bytes"
                                                     : std::string(to_string(doc.problem))));
    if (doc.problem != error_code::ok) {
      conv.reject_record(in.problem(doc), out);
    } else {
      conv.convert_padded(doc.data, doc.size, doc.capacity, out, doc.offset);
    }
  }
  EXPECT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(conv.records(), conv.converted() + conv.rejected());
  return out.log;
}

// fuzz_convert (optimised build, no seed corpus): an NDJSON input whose
// last line, `[]\x01\x00]`, is not followed by a newline was rejected as
// invalid_json through a 2-byte read window and as trailing_content through
// a 4096-byte one. simdjson reads the first padding byte after a document;
// after the last line that byte was whatever an earlier, smaller read had
// left in the buffer. The reader now puts a 0 there (as converter::convert's
// padded copy has), so a document converts the same whatever the window and
// whatever follows it.
TEST(FuzzRegression, SameVerdictsWhateverTheReadWindow) {
  const std::string path = regression_path("convert_read_window_determinism.bin");
  const std::string input = regression_input("convert_read_window_determinism.bin");
  reader_options large;
  large.window_bytes = 4096;
  const std::vector<std::string> expected = read_and_convert(path, large);
  for (const std::size_t window :
       {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}}) {
    reader_options opts;
    opts.window_bytes = window;
    EXPECT_EQ(read_and_convert(path, opts), expected) << "window " << window;
  }
  // And the same as the last line on its own, converted from a string.
  const std::string last_line = input.substr(input.rfind('\n') + 1);
  ASSERT_EQ(last_line, std::string("[]\x01\x00]", 5));
  converter conv;
  verdicts alone;
  conv.convert(last_line, alone, input.size() - last_line.size());
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(expected.back(), alone.log.back());
}

// fuzz_splitter (optimised build, no seed corpus): with a 3-byte window and
// a 1-byte record limit, the line "\r\r\r" (blank) filled the window without
// its newline and was skipped as a line too long, an extra record_too_large
// that no line accounts for. A line longer than the window that is only
// whitespace is now no record, as a short blank line is not. The
// reproducer's last byte is the fuzzer's knobs (window 3, limit 1), not input.
TEST(FuzzRegression, BlankLineLongerThanTheWindowIsNoRecord) {
  const std::string bytes = regression_input("splitter_blank_line_longer_than_window.bin");
  ASSERT_EQ(static_cast<unsigned char>(bytes.back()), 0xe3u);
  const std::string input = bytes.substr(0, bytes.size() - 1);
  const std::string path = ::testing::TempDir() + "ordernorm_fuzz_regression_blank_line";
  std::ofstream(path, std::ios::binary) << input;
  reader_options opts;
  opts.window_bytes = 3;
  opts.max_record_bytes = 1;
  // Lines: "2" (0), ".\xff\r\r" (2, too large), "\r\r\r" (blank),
  // "6\x08/\xfe\xff\xff\x11" (11, too large).
  const std::vector<std::string> expected{"doc @0 1 bytes", "doc @2 record_too_large",
                                          "doc @11 record_too_large"};
  std::vector<std::string> docs;
  for (const std::string& line : read_and_convert(path, opts)) {
    if (line.rfind("doc ", 0) == 0) docs.push_back(line);
  }
  EXPECT_EQ(docs, expected);
  // So is a line of spaces longer than the window and the record limit.
  std::ofstream(path, std::ios::binary) << "{}\n" << std::string(50, ' ') << "\n{}\n";
  opts.max_record_bytes = 8;
  docs.clear();
  for (const std::string& line : read_and_convert(path, opts)) {
    if (line.rfind("doc ", 0) == 0) docs.push_back(line);
  }
  EXPECT_EQ(docs, (std::vector<std::string>{"doc @0 2 bytes", "doc @54 2 bytes"}));
  std::filesystem::remove(path);
}

}  // namespace

// fuzz_input (2026-12-07): a gzip header followed by a corrupt deflate block
// ("invalid distance too far back" after 7 bytes out). igzip left its input
// count wrapped, and the error named compressed byte 18446744069414584347 of
// a 26-byte file. The offset must lie within the file.
TEST(FuzzRegression, GzipErrorOffsetLiesWithinTheInput) {
  const std::string path = regression_path("input_gzip_error_offset_past_the_input.gz");
  const std::uint64_t size = std::filesystem::file_size(path);
  ASSERT_EQ(size, 26u);
  reader in = reader::open_file(path);
  document_view doc;
  while (in.next(doc)) {
  }
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().code, error_code::io_error);
  EXPECT_LE(in.error().byte_offset, size);
  EXPECT_NE(in.error().message.find("corrupt gzip input at compressed byte"), std::string::npos)
      << in.error().message;
  EXPECT_EQ(in.error().message.find("18446744069414584347"), std::string::npos);
}

// fuzz_splitter (CI, 2026-12-06): a Squarespace list envelope whose list was
// closed early, so that three of an order's keys became the envelope's own.
// Detection picks Squarespace from them, and as Squarespace orders never carry
// "result", the document stays an envelope: one record per listed order. (The
// fuzz oracle, written for marker keys, expected one order.)
TEST(FuzzRegression, EnvelopeKeyBesideAnOrdersKeysStaysAnEnvelope) {
  struct counting_sink : order_sink {
    std::vector<std::string> ids;
    std::size_t rejects = 0;
    void on_order(const order& o, const record_position&) override {
      ids.emplace_back(o.remote_id);
    }
    void on_reject(const record_error&, const record_position&) override { ++rejects; }
  } sink;
  converter conv;
  conv.convert(R"({"result":[{"id":"s1","orderNumber":"101","customerEmail":"a@example.com"},)"
               R"({"id":"s2","orderNumber":"102","customerEmail":"b@example.com"}],)"
               R"("refundedTotal":{"value":"0.00","currency":"USD"},)"
               R"("grandTotal":{"value":"20.00","currency":"USD"},)"
               R"("fulfilledOn":"2024-03-04T09:00:00.000Z"})",
               sink);
  EXPECT_EQ(conv.records(), 2u);
  EXPECT_EQ(sink.ids, (std::vector<std::string>{"s1", "s2"}));
  EXPECT_EQ(sink.rejects, 0u);
}
