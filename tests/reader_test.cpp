// The reader: layouts (NDJSON, streams of documents, RS texts), compressed
// input, offsets, odd line ends, and bounded memory on long streams.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "compress_support.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

// What a reader with a `window`-byte window made of `repeats` copies of
// `text` written into a pipe by another thread (a stream, not a file).
struct piped_read {
  std::size_t documents = 0;
  std::size_t largest_capacity = 0;
  reader::layout layout = reader::layout::unknown;
};
piped_read read_through_pipe(const std::string& text, std::size_t repeats, std::size_t window,
                             bool stitch_bulk_exports = true) {
  piped_read out;
  int fds[2];
  if (::pipe(fds) != 0) return out;
  std::thread writer([&] {
    for (std::size_t i = 0; i < repeats; ++i) {
      if (::write(fds[1], text.data(), text.size()) != static_cast<ssize_t>(text.size())) break;
    }
    ::close(fds[1]);
  });
  reader_options opts;
  opts.window_bytes = window;
  opts.stitch_bulk_exports = stitch_bulk_exports;
  reader in = reader::from_fd(fds[0], opts);
  document_view doc;
  while (in.next(doc)) {
    ++out.documents;
    out.largest_capacity = std::max(out.largest_capacity, doc.capacity);
  }
  writer.join();
  ::close(fds[0]);
  out.layout = in.input_layout();
  return out;
}

struct split_document {
  std::string text;
  std::uint64_t offset;
  error_code problem;
};

std::vector<split_document> split(reader& in) {
  std::vector<split_document> out;
  document_view doc;
  while (in.next(doc)) {
    // A document must be followed by readable padding.
    if (doc.problem == error_code::ok) {
      EXPECT_GE(doc.capacity, doc.size + converter::padding);
    }
    out.push_back({std::string(doc.data, doc.problem == error_code::ok ? doc.size : 0), doc.offset,
                   doc.problem});
  }
  EXPECT_TRUE(in.ok()) << in.error().message;
  return out;
}

std::vector<split_document> split_text(const std::string& content, reader_options opts = {}) {
  scratch_file f(content);
  reader in = reader::open_file(f.path(), opts);
  return split(in);
}

TEST(Reader, NdjsonLinesComeWithTheirOffsets) {
  const auto docs = split_text("{\"a\":1}\n{\"b\":2}\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "{\"a\":1}");
  EXPECT_EQ(docs[0].offset, 0u);
  EXPECT_EQ(docs[1].text, "{\"b\":2}");
  EXPECT_EQ(docs[1].offset, 8u);
}

TEST(Reader, CrlfLineEndsAreStripped) {
  const auto docs = split_text("{\"a\":1}\r\n{\"b\":2}\r\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "{\"a\":1}");
  EXPECT_EQ(docs[1].text, "{\"b\":2}");
  EXPECT_EQ(docs[1].offset, 9u);
}

TEST(Reader, BlankLinesAreNotRecords) {
  const auto docs = split_text("\n{\"a\":1}\n\n   \n\t\n{\"b\":2}\n\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].offset, 1u);
}

TEST(Reader, LastLineWithoutNewlineIsRead) {
  const auto docs = split_text("{\"a\":1}\n{\"b\":2}");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].text, "{\"b\":2}");
}

TEST(Reader, ByteOrderMarkIsSkippedAndCounted) {
  const auto docs = split_text("\xEF\xBB\xBF{\"a\":1}\n{\"b\":2}\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "{\"a\":1}");
  EXPECT_EQ(docs[0].offset, 3u);
}

TEST(Reader, EmptyInputHasNoDocuments) {
  EXPECT_TRUE(split_text("").empty());
  EXPECT_TRUE(split_text("\n\n  \n").empty());
}

TEST(Reader, PrettyPrintedDocumentIsReadWhole) {
  const std::string text = "{\n  \"orders\": [\n    {\"id\": 1},\n    {\"id\": 2}\n  ]\n}\n";
  scratch_file f(text);
  reader in = reader::open_file(f.path());
  const auto docs = split(in);
  EXPECT_EQ(in.input_layout(), reader::layout::documents);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, text.substr(0, text.size() - 1)) << "up to where the value ends";
}

TEST(Reader, PrettyPrintedArrayIsReadWhole) {
  const auto docs = split_text("[\n  {\"id\": 1},\n  {\"id\": 2}\n]\n");
  ASSERT_EQ(docs.size(), 1u);
}

TEST(Reader, BrokenFirstLineOfNdjsonCostsOnlyThatLine) {
  scratch_file f("{\"a\":1,\n{\"b\":2}\n{\"c\":3}\n");
  reader in = reader::open_file(f.path());
  const auto docs = split(in);
  // The first line ends with ',' like a pretty-printed document would, so
  // this input is read whole; the line-oriented case is the next test.
  EXPECT_EQ(in.input_layout(), reader::layout::documents);
  const auto ndjson = split_text("{\"a\":1,\"x\"}\n{\"b\":2}\n{\"c\":3}\n");
  ASSERT_EQ(ndjson.size(), 3u);
  EXPECT_EQ(ndjson[1].text, "{\"b\":2}");
}

TEST(Reader, LinesSpanningTheWindowAreReassembled) {
  std::string text;
  std::vector<std::string> lines;
  for (int i = 0; i < 200; ++i) {
    lines.push_back("{\"id\":" + std::to_string(i) + ",\"pad\":\"" + std::string(i % 37, 'x') +
                    "\"}");
    text += lines.back() + "\n";
  }
  reader_options small;
  small.window_bytes = 64;  // smaller than many lines: forces refills and growth
  const auto docs = split_text(text, small);
  ASSERT_EQ(docs.size(), lines.size());
  std::uint64_t offset = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(docs[i].text, lines[i]);
    EXPECT_EQ(docs[i].offset, offset);
    offset += lines[i].size() + 1;
  }
}

TEST(Reader, LineLongerThanTheLimitIsSkippedAndReported) {
  reader_options opts;
  opts.window_bytes = 64;
  opts.max_record_bytes = 256;
  const std::string long_line = "{\"pad\":\"" + std::string(1000, 'y') + "\"}";
  const auto docs = split_text("{\"a\":1}\n" + long_line + "\n{\"b\":2}\n", opts);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "{\"a\":1}");
  EXPECT_EQ(docs[1].problem, error_code::record_too_large);
  EXPECT_EQ(docs[1].offset, 8u);
  EXPECT_EQ(docs[2].text, "{\"b\":2}");
  EXPECT_EQ(docs[2].offset, 8u + long_line.size() + 1);
}

TEST(Reader, LineOverTheLimitInsideTheWindowIsReportedToo) {
  reader_options opts;  // the 4 MiB window holds the whole input
  opts.max_record_bytes = 16;
  const auto docs = split_text("{\"a\":1}\n{\"pad\":\"0123456789\"}\n{\"b\":2}\n", opts);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].problem, error_code::ok);
  EXPECT_EQ(docs[1].problem, error_code::record_too_large);
  EXPECT_EQ(docs[1].offset, 8u);
  EXPECT_EQ(docs[2].text, "{\"b\":2}");
}

TEST(Reader, ReaderOptionsFollowTheLimits) {
  input_limits limits;
  limits.max_record_bytes = 1234;
  EXPECT_EQ(reader_options_for(limits).max_record_bytes, 1234u);
}

// The layout is told from whether the first line closes what it opens, so
// brackets inside strings do not count, and a huge first line costs no
// more than its bytes.
TEST(Reader, FirstLineLayoutIgnoresBracketsInStrings) {
  scratch_file f("{\"a\":\"{[\\\"\"}\n{\"b\":2}\n");
  reader in = reader::open_file(f.path());
  EXPECT_EQ(split(in).size(), 2u);
  EXPECT_EQ(in.input_layout(), reader::layout::ndjson);
  scratch_file g("{\"a\":\"}\",\n\"b\":2}\n");
  reader doc = reader::open_file(g.path());
  EXPECT_EQ(split(doc).size(), 1u);
  EXPECT_EQ(doc.input_layout(), reader::layout::documents);
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  scratch_file h(deep + "\n" + deep + "\n");
  reader nested = reader::open_file(h.path());
  EXPECT_EQ(split(nested).size(), 2u);
  EXPECT_EQ(nested.input_layout(), reader::layout::ndjson);
}

// reader::from_memory reads caller memory in place: the same documents, at
// the same offsets, as the same bytes read from a file, whatever the window
// (the last window is copied, so that the padding after the input is zeros).
TEST(Reader, FromMemoryReadsAsTheSameFileDoes) {
  std::string ndjson;
  for (int i = 0; ndjson.size() < 20000; ++i) {
    ndjson += "{\"id\":" + std::to_string(i) + ",\"note\":\"" + std::string(i % 97, 'n') + "\"}\n";
  }
  const std::string last_line_unended = ndjson + R"({"id":"last"})";
  const std::string pretty = "{\n  \"orders\": [\n    {\"id\": 1},\n    {\"id\": 2}\n  ]\n}\n";
  const std::string glued = R"({"id":1}{"id":2} [{"id":3}] 7)";
  const std::string rs = "\x1e{\"id\":1}\n\x1e{\"id\":2}\n";
  for (const std::string* text : std::initializer_list<const std::string*>{
           &ndjson, &last_line_unended, &pretty, &glued, &rs}) {
    for (const std::size_t window : {std::size_t{16}, std::size_t{4096}, std::size_t{4} << 20}) {
      reader_options opts;
      opts.window_bytes = window;
      const std::string copy = *text;  // held by the caller, read in place
      reader in = reader::from_memory(copy, opts);
      const auto got = split(in);
      const auto want = split_text(*text, opts);
      ASSERT_EQ(got.size(), want.size()) << "window " << window << ":\n" << *text;
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].text, want[i].text) << "window " << window << ", document " << i;
        EXPECT_EQ(got[i].offset, want[i].offset) << "window " << window << ", document " << i;
      }
    }
  }
}

TEST(Reader, FromMemoryOfNothingHasNoDocuments) {
  reader in = reader::from_memory({});
  EXPECT_TRUE(split(in).empty());
}

// A part of an NDJSON file cut at a line start (ordernorm.dask's partitions)
// is read line by line whatever its first line holds: a broken line that
// ends like a pretty-printed document's first line, an RS byte, or a byte
// order mark would otherwise change the layout, or be stepped over.
TEST(Reader, NdjsonContinuationIsReadLineByLineWhateverItsFirstLine) {
  reader_options opts;
  opts.ndjson_continuation = true;
  // Found by fuzz_ndjson_parts: a line that starts like a zstd skippable
  // frame (or gzip) was decompressed, and failed, as a part's first line.
  for (const std::string& first :
       {std::string("{\"id\":1,\"lineItems\":["), std::string("\x1e{\"id\":1}"),
        std::string("\xEF\xBB\xBF{\"id\":1}"), std::string("^*M\x18 a line, not a zstd frame"),
        std::string("\x1f\x8b\x08 a line, not gzip")}) {
    const std::string part = first + "\n{\"id\":2}\n";
    reader in = reader::from_memory(part, opts);
    const auto got = split(in);
    EXPECT_EQ(in.input_layout(), reader::layout::ndjson);
    ASSERT_EQ(got.size(), 2u) << first;
    EXPECT_EQ(got[0].text, first);
    EXPECT_EQ(got[0].offset, 0u);
    EXPECT_EQ(got[1].text, "{\"id\":2}");
    EXPECT_EQ(got[1].offset, first.size() + 1);
  }
}

TEST(Reader, BrokenFirstLineEndingInABracketStartsAStreamOfDocumentsWithoutContinuation) {
  const std::string part = "{\"id\":1,\"lineItems\":[\n{\"id\":2}\n";
  reader in = reader::from_memory(part);
  document_view doc;
  ASSERT_TRUE(in.next(doc));
  EXPECT_EQ(in.input_layout(), reader::layout::documents);
}

TEST(Reader, MissingFileIsAnIoError) {
  reader in = reader::open_file("/nonexistent/ordernorm/orders.json");
  document_view doc;
  EXPECT_FALSE(in.next(doc));
  EXPECT_FALSE(in.ok());
  EXPECT_EQ(in.error().code, error_code::io_error);
  EXPECT_NE(in.error().message.find("cannot open"), std::string::npos);
}

// Streams 40 MB of NDJSON through a pipe with a 64 KiB window: the reader's
// buffer never grows past the window, whatever the input's size.
TEST(Reader, NdjsonStreamUsesBoundedMemory) {
  const std::string line = "{\"id\":1,\"pad\":\"" + std::string(200, 'z') + "\"}\n";
  const std::size_t lines = 40'000'000 / line.size();
  // The window bounds memory, whatever the stream's length...
  const piped_read plain = read_through_pipe(line, lines, 64 << 10, false);
  EXPECT_EQ(plain.documents, lines);
  EXPECT_LE(plain.largest_capacity, (std::size_t{64} << 10) + converter::padding);
  // ...once the first 4 MiB have been searched for a bulk export's child line
  // (reader_options::stitch_bulk_exports), read ahead once past a smaller window.
  const piped_read probed = read_through_pipe(line, lines, 64 << 10);
  EXPECT_EQ(probed.documents, lines);
  EXPECT_LE(probed.largest_capacity, (std::size_t{4} << 20) + converter::padding);
}

// ---------------------------------------------------------------------------
// Issue 13: concatenated JSON, RS-delimited texts, compressed input.

// Reads `content` through the reader and converts every document, as the
// CLI does; a document the reader skips is a reject.
struct pipeline_result {
  conversion got;
  bool ok = true;
  record_error error;
  reader::layout layout = reader::layout::unknown;
};

pipeline_result read_and_convert(reader in) {
  pipeline_result r;
  collecting_sink sink(r.got);
  converter conv;
  document_view doc;
  while (in.next(doc)) {
    if (doc.problem != error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
      continue;
    }
    EXPECT_GE(doc.capacity, doc.size + converter::padding);
    conv.convert(doc, sink);
  }
  r.ok = in.ok();
  r.error = in.error();
  r.layout = in.input_layout();
  r.got.records = conv.records();
  r.got.converted = conv.converted();
  EXPECT_EQ(conv.records(), conv.converted() + conv.rejected());
  EXPECT_EQ(conv.rejected(), r.got.rejects.size());
  return r;
}

pipeline_result convert_file(const std::string& content, reader_options opts = {}) {
  scratch_file f(content);
  return read_and_convert(reader::open_file(f.path(), opts));
}

// Writes `content` into a pipe from another thread: standard input's case.
pipeline_result convert_pipe(const std::string& content, reader_options opts = {}) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    write_all(fds[1], content);
    ::close(fds[1]);
  });
  pipeline_result r = read_and_convert(reader::from_fd(fds[0], opts));
  writer.join();
  ::close(fds[0]);
  return r;
}

std::string shopify_order(int id) {
  return "{\"id\":" + std::to_string(id) +
         ",\"financial_status\":\"paid\",\"currency\":\"USD\",\"total_price\":\"" +
         std::to_string(id) + ".00\",\"created_at\":\"2024-01-01T00:00:00Z\"}";
}

// What `jq '.orders[]'` writes for three orders: each one pretty-printed
// over several lines, a newline after each.
const std::string jq_pretty_stream = R"({
  "id": 1,
  "financial_status": "paid",
  "line_items": [
    {
      "id": 7,
      "title": "a } ] \" { [ in a string"
    }
  ]
}
{
  "id": 2,
  "financial_status": "paid"
}
{
  "id": 3,
  "financial_status": "paid"
}
)";

TEST(ConcatenatedJson, JqPrettyPrintedStreamGivesOneRecordPerDocument) {
  for (const std::size_t window : {std::size_t{4} << 20, std::size_t{16}, std::size_t{1}}) {
    SCOPED_TRACE("window " + std::to_string(window));
    reader_options opts;
    opts.window_bytes = window;
    const pipeline_result r = convert_file(jq_pretty_stream, opts);
    EXPECT_EQ(r.layout, reader::layout::documents);
    EXPECT_EQ(r.got.records, 3u);
    EXPECT_EQ(r.got.converted, 3u) << describe(r.got.rejects);
    EXPECT_NE(r.got.ndjson.find("\"remoteId\":\"3\""), std::string::npos);
  }
  const auto docs = split_text(jq_pretty_stream);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].offset, jq_pretty_stream.find("{\n  \"id\": 2"));
  EXPECT_EQ(docs[2].text, "{\n  \"id\": 3,\n  \"financial_status\": \"paid\"\n}");
}

TEST(ConcatenatedJson, GluedDocumentsWithoutWhitespaceAreTwoDocuments) {
  // A multi-line stream, glued (`}{`) and on one line (`} {`).
  const std::string text =
      "{\n\"id\":1,\"financial_status\":\"paid\"}{\"id\":2,"
      "\"financial_status\":\"paid\"} [{\"id\":3,\"financial_status\":"
      "\"paid\"}]";
  const auto docs = split_text(text);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].text, R"({"id":2,"financial_status":"paid"})");
  EXPECT_EQ(docs[2].offset, text.find('['));
  const pipeline_result r = convert_file(text);
  EXPECT_EQ(r.got.converted, 3u) << describe(r.got.rejects);
  EXPECT_EQ(r.got.records, 3u);
}

TEST(ConcatenatedJson, TwoDocumentsOnAnNdjsonLineAreTwoRecords) {
  const std::string a = shopify_order(1), b = shopify_order(2), c = shopify_order(3);
  const pipeline_result r = convert_file(a + b + "\n" + c + " " + a + "\n");
  EXPECT_EQ(r.layout, reader::layout::ndjson);
  EXPECT_EQ(r.got.records, 4u);
  EXPECT_EQ(r.got.converted, 4u) << describe(r.got.rejects);
}

TEST(ConcatenatedJson, BrokenNdjsonLineIsOneRejectAndTheNextLineIsTheNextRecord) {
  const std::string a = shopify_order(1), b = shopify_order(2);
  const std::string text = a + "\n{\"id\":5,\"financial_status\":\"pa\n" + b + "\n";
  const pipeline_result r = convert_file(text);
  EXPECT_EQ(r.layout, reader::layout::ndjson);
  EXPECT_EQ(r.got.records, 3u);
  EXPECT_EQ(r.got.converted, 2u);
  ASSERT_EQ(r.got.rejects.size(), 1u);
  EXPECT_EQ(r.got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(r.got.rejects[0].where.byte_offset, a.size() + 1);
}

TEST(ConcatenatedJson, ScalarsAndGarbageBetweenDocumentsAreCountedRejects) {
  const std::string text =
      "{\n \"id\": 1, \"financial_status\": \"paid\"\n}\n42\n\"text\"\n"
      "garbage\n{\n \"id\": 2, \"financial_status\": \"paid\"\n}\n]\n";
  const pipeline_result r = convert_file(text);
  EXPECT_EQ(r.got.converted, 2u) << describe(r.got.rejects);
  ASSERT_EQ(r.got.rejects.size(), 4u) << describe(r.got.rejects);
  EXPECT_EQ(r.got.records, 6u);
  EXPECT_EQ(r.got.rejects[0].error.code, error_code::not_an_object);
  EXPECT_EQ(r.got.rejects[0].where.byte_offset, text.find("42"));
  EXPECT_EQ(r.got.rejects[1].where.byte_offset, text.find("\"text\""));
  EXPECT_EQ(r.got.rejects[2].error.code, error_code::invalid_json);
  EXPECT_EQ(r.got.rejects[2].where.byte_offset, text.find("garbage"));
  EXPECT_EQ(r.got.rejects[3].where.byte_offset, text.rfind(']'));
}

TEST(ConcatenatedJson, TruncatedLastDocumentIsOneReject) {
  const std::string text = "{\n \"id\": 1, \"financial_status\": \"paid\"\n}\n{\n \"id\": 2,";
  const pipeline_result r = convert_file(text);
  EXPECT_EQ(r.got.converted, 1u);
  ASSERT_EQ(r.got.rejects.size(), 1u);
  EXPECT_EQ(r.got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(r.got.rejects[0].where.byte_offset, text.rfind('{'));
}

TEST(ConcatenatedJson, DocumentOverTheLimitIsSkippedAndTheNextOneRead) {
  reader_options opts;
  opts.window_bytes = 16;
  opts.max_document_bytes = 64;
  const std::string big = "{\n \"id\": 9, \"pad\": \"" + std::string(500, '}') + "\"\n}";
  const std::string text = "{\n\"id\":1,\"financial_status\":\"paid\"}\n" + big + "\n" +
                           R"({"id":2,"financial_status":"paid"})";
  const auto docs = split_text(text, opts);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].problem, error_code::record_too_large);
  EXPECT_EQ(docs[1].offset, text.find(big));
  EXPECT_EQ(docs[2].text, R"({"id":2,"financial_status":"paid"})");
  const pipeline_result r = convert_file(text, opts);
  EXPECT_EQ(r.got.converted, 2u);
  ASSERT_EQ(r.got.rejects.size(), 1u);
  EXPECT_NE(r.got.rejects[0].error.message.find("max_document_bytes"), std::string::npos)
      << r.got.rejects[0].error.message;
}

// Many pretty-printed documents through a pipe with a 64 KiB window: the
// buffer never grows past the window.
TEST(ConcatenatedJson, StreamOfDocumentsUsesBoundedMemory) {
  std::string chunk;
  for (int i = 0; i < 100; ++i)
    chunk += "{\n  \"id\": 1,\n  \"pad\": \"" + std::string(200, 'z') + "\"\n}\n";
  const std::size_t chunks = 1000;  // 2.3 MB
  const piped_read r = read_through_pipe(chunk, chunks, 64 << 10);
  EXPECT_EQ(r.layout, reader::layout::documents);
  EXPECT_EQ(r.documents, chunks * 100);
  EXPECT_LE(r.largest_capacity, (std::size_t{64} << 10) + converter::padding);
}

// The tracker splits a line as the converter does; it used to read the
// first document and drop the rest of the line unseen.
TEST(ConcatenatedJson, TrackerReadsEveryDocumentOfALine) {
  struct counting_sink : shipment_sink {
    void on_shipment(const shipment&, const derivation*, const record_position& at) override {
      records.push_back(at.index);
    }
    void on_reject(const record_error& e, const record_position&) override { rejects.push_back(e); }
    std::vector<std::uint64_t> records;
    std::vector<record_error> rejects;
  };
  const std::string one = R"({"tracking_code":"EZ1","tracking_details":[{"status":"delivered"}]})";
  const std::string two = R"({"tracking_code":"EZ2","tracking_details":[{"status":"in_transit"}]})";
  tracker t;
  counting_sink sink;
  t.track(one + two + " 42 " + one, sink);
  EXPECT_EQ(t.records(), 4u);
  EXPECT_EQ(t.rejected(), 1u);
  EXPECT_EQ(sink.records, (std::vector<std::uint64_t>{1, 2, 4}));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].code, error_code::not_an_object);
  EXPECT_EQ(sink.rejects[0].byte_offset, one.size() + two.size() + 1);
  // A rejected document does not hide the one after it.
  tracker again;
  counting_sink after_reject;
  again.track(R"({"tracking_code":"EZ3","tracking_details":"x"})" + two, after_reject);
  EXPECT_EQ(again.records(), 2u);
  EXPECT_EQ(after_reject.records.size() + after_reject.rejects.size(), 2u);
}

// RFC 7464, as `jq --seq` writes it: RS, a text, LF.
TEST(JsonSeq, RsDelimitedTextsGiveOneRecordEach) {
  const std::string text = "\x1e{\n  \"id\": 1,\n  \"financial_status\": \"paid\"\n}\n\x1e" +
                           shopify_order(2) + "\n\x1e" + shopify_order(3) + "\n";
  const pipeline_result r = convert_file(text);
  EXPECT_EQ(r.layout, reader::layout::json_seq);
  EXPECT_EQ(r.got.records, 3u);
  EXPECT_EQ(r.got.converted, 3u) << describe(r.got.rejects);
  const auto docs = split_text(text);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].offset, text.find("\x1e{\"id\":2") + 1);
}

TEST(JsonSeq, BrokenTextCostsOnlyItself) {
  const std::string broken = "{\"id\":5,\"financial_status\":\"pa\n";
  const std::string text = std::string("\x1e") + shopify_order(1) + "\n\x1e" + broken + "\x1e\x1e" +
                           shopify_order(2) + "\n";
  const pipeline_result r = convert_file(text);
  EXPECT_EQ(r.got.records, 3u);
  EXPECT_EQ(r.got.converted, 2u);
  ASSERT_EQ(r.got.rejects.size(), 1u);
  EXPECT_EQ(r.got.rejects[0].where.byte_offset, text.find(broken));
}

const std::string three_orders =
    shopify_order(1) + "\n" + shopify_order(2) + "\n" + shopify_order(3) + "\n";

TEST(CompressedInput, GzipFileIsDecompressed) {
  const pipeline_result r = convert_file(gzip(three_orders));
  EXPECT_TRUE(r.ok) << r.error.message;
  EXPECT_EQ(r.got.converted, 3u) << describe(r.got.rejects);
  EXPECT_EQ(r.got.records, 3u);
}

TEST(CompressedInput, ZstdFromStandardInput) {
  const pipeline_result r = convert_pipe(zstd(three_orders));
  EXPECT_TRUE(r.ok) << r.error.message;
  EXPECT_EQ(r.got.converted, 3u) << describe(r.got.rejects);
}

TEST(CompressedInput, GzipFromStandardInputAndEveryLayout) {
  for (const std::string& text :
       {jq_pretty_stream, three_orders,
        std::string("\x1e") + shopify_order(1) + "\n\x1e" + shopify_order(2) + "\n"}) {
    const std::size_t expected = text == three_orders || text == jq_pretty_stream ? 3u : 2u;
    EXPECT_EQ(convert_pipe(gzip(text)).got.converted, expected);
    EXPECT_EQ(convert_pipe(zstd(text)).got.converted, expected);
  }
}

TEST(CompressedInput, MultiMemberGzip) {
  // `cat a.gz b.gz c.gz`: one stream, every member read.
  const pipeline_result r =
      convert_file(gzip(shopify_order(1) + "\n") +
                   gzip(shopify_order(2) + "\n" + shopify_order(3) + "\n") + gzip(""));
  EXPECT_TRUE(r.ok) << r.error.message;
  EXPECT_EQ(r.got.converted, 3u) << describe(r.got.rejects);
}

TEST(CompressedInput, MultiFrameZstd) {
  const pipeline_result r = convert_pipe(zstd(shopify_order(1) + "\n") + zstd(shopify_order(2)) +
                                         zstd(std::string("\n") + shopify_order(3) + "\n"));
  EXPECT_TRUE(r.ok) << r.error.message;
  EXPECT_EQ(r.got.converted, 3u) << describe(r.got.rejects);
}

// The reader's offsets count decompressed bytes; a small window makes the
// decompressor refill many times.
TEST(CompressedInput, OffsetsAreInTheDecompressedBytes) {
  std::string text;
  std::vector<std::uint64_t> offsets;
  for (int i = 0; i < 500; ++i) {
    offsets.push_back(text.size());
    text += shopify_order(i) + (i % 3 == 0 ? "\r\n" : "\n");
  }
  reader_options opts;
  opts.window_bytes = 100;
  for (const std::string& packed : {gzip(text), zstd(text)}) {
    scratch_file f(packed);
    reader in = reader::open_file(f.path(), opts);
    const auto docs = split(in);
    ASSERT_EQ(docs.size(), offsets.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      EXPECT_EQ(docs[i].offset, offsets[i]);
      EXPECT_EQ(docs[i].text, shopify_order(static_cast<int>(i)));
    }
  }
}

// The format is told by the bytes, not by a name: a gzip file named .json
// is decompressed, a plain file named .gz is read as it is.
TEST(CompressedInput, DetectedByMagicBytesNotByName) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string packed = (dir / "ordernorm_reader_test_packed.json").string();
  const std::string plain = (dir / "ordernorm_reader_test_plain.ndjson.gz").string();
  std::ofstream(packed, std::ios::binary) << gzip(three_orders);
  std::ofstream(plain, std::ios::binary) << three_orders;
  EXPECT_EQ(read_and_convert(reader::open_file(packed)).got.converted, 3u);
  EXPECT_EQ(read_and_convert(reader::open_file(plain)).got.converted, 3u);
  std::filesystem::remove(packed);
  std::filesystem::remove(plain);
}

TEST(CompressedInput, TruncatedGzipIsAnIoErrorWithOffset) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += shopify_order(i) + "\n";
  const std::string packed = gzip(text);
  const std::string cut = packed.substr(0, packed.size() / 2);
  for (const bool pipe : {false, true}) {
    const pipeline_result r = pipe ? convert_pipe(cut) : convert_file(cut);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.code, error_code::io_error);
    EXPECT_EQ(r.error.byte_offset, cut.size());
    EXPECT_NE(r.error.message.find("truncated gzip"), std::string::npos) << r.error.message;
    EXPECT_NE(r.error.message.find("compressed byte " + std::to_string(cut.size())),
              std::string::npos)
        << r.error.message;
    // The records before the cut still count, each whole; the one it cut
    // short is not a record.
    EXPECT_GT(r.got.converted, 100u);
    EXPECT_LT(r.got.converted, 2000u);
    EXPECT_TRUE(r.got.rejects.empty()) << describe(r.got.rejects);
  }
}

TEST(CompressedInput, TruncatedZstdIsAnIoErrorWithOffset) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += shopify_order(i) + "\n";
  const std::string packed = zstd(text);
  const std::string cut = packed.substr(0, packed.size() - 7);
  const pipeline_result r = convert_file(cut);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, error_code::io_error);
  EXPECT_EQ(r.error.byte_offset, cut.size());
  EXPECT_NE(r.error.message.find("truncated zstd"), std::string::npos) << r.error.message;
  EXPECT_GT(r.got.converted, 100u);
  EXPECT_TRUE(r.got.rejects.empty()) << describe(r.got.rejects);
}

TEST(CompressedInput, CorruptGzipIsAnIoErrorWithOffset) {
  std::string packed = gzip(three_orders);
  packed[12] = static_cast<char>(packed[12] ^ 0x55);  // inside the deflate data
  const pipeline_result r = convert_file(packed);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, error_code::io_error);
  EXPECT_NE(r.error.message.find("gzip"), std::string::npos) << r.error.message;
  EXPECT_NE(r.error.message.find("compressed byte"), std::string::npos) << r.error.message;
  EXPECT_LE(r.error.byte_offset, packed.size());
  // Bytes after a whole member that are not another member are corrupt too.
  const pipeline_result tail = convert_file(gzip(three_orders) + "not gzip");
  EXPECT_FALSE(tail.ok);
  EXPECT_EQ(tail.error.byte_offset, gzip(three_orders).size());
  EXPECT_EQ(tail.got.converted, 3u);
}

TEST(CompressedInput, CorruptZstdIsAnIoErrorWithOffset) {
  const pipeline_result r = convert_file(zstd(three_orders) + "garbage!");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, error_code::io_error);
  EXPECT_NE(r.error.message.find("corrupt zstd input at compressed byte"), std::string::npos)
      << r.error.message;
  EXPECT_EQ(r.got.converted, 3u);
}

// records == converted + rejected, and one record per document, on every
// input form: NDJSON (LF, CRLF), jq's pretty stream, glued documents, RS
// texts, one array, one envelope; plain, gzip (one or several members) and
// zstd; small and large windows; with garbage and broken documents mixed in.
// The expected count is the number of documents the test put in.
TEST(RecordCount, RecordsEqualConvertedPlusRejectedForEveryInputForm) {
  std::mt19937 random(13);
  const std::vector<std::string> junk = {"42", "\"x\"", "garbage", "null", "]", "{\"id\":"};
  for (int round = 0; round < 40; ++round) {
    const int n = 1 + static_cast<int>(random() % 6);
    std::vector<std::string> compact, pretty;
    std::size_t bad = 0;  // documents expected to be rejected
    for (int i = 0; i < n; ++i) {
      if (random() % 4 == 0 && i + 1 < n) {  // never the unclosed one mid-stream
        const std::string& j = junk[random() % (junk.size() - 1)];
        compact.push_back(j);
        pretty.push_back(j);
        ++bad;
      } else {
        compact.push_back(shopify_order(i));
        pretty.push_back("{\n  \"id\": " + std::to_string(i) +
                         ",\n  \"financial_status\": \"paid\"\n}");
      }
    }
    if (random() % 3 == 0) {  // a broken last document
      compact.push_back("{\"id\":");
      pretty.push_back("{\n  \"id\":");
      ++bad;
    }
    const std::size_t docs = compact.size();
    auto join = [](const std::vector<std::string>& v, const std::string& before,
                   const std::string& after) {
      std::string s;
      for (const std::string& d : v) s += before + d + after;
      return s;
    };
    // A first document that is an order, so that every form keeps its layout.
    compact.insert(compact.begin(), shopify_order(100));
    pretty.insert(pretty.begin(), "{\n  \"id\": 100,\n  \"financial_status\": \"paid\"\n}");
    // Glued: two bare tokens (numbers, literals, garbage) in a row would be
    // one token, so a space goes between them.
    std::string glued;
    for (std::size_t i = 0; i < compact.size(); ++i) {
      auto bare = [](const std::string& d) { return d[0] != '{' && d[0] != '"'; };
      if (i > 0 && bare(compact[i - 1]) && bare(compact[i])) glued += ' ';
      glued += compact[i];
    }
    const std::vector<std::pair<std::string, std::string>> forms = {
        {"ndjson", join(compact, "", "\n")},       {"crlf", join(compact, "", "\r\n")},
        {"pretty", join(pretty, "", "\n")},        {"glued", glued},
        {"spaced", join(compact, " ", "")},        {"rs", join(compact, "\x1e", "\n")},
        {"rs-pretty", join(pretty, "\x1e", "\n")},
    };
    for (const auto& [name, text] : forms) {
      for (const int packing : {0, 1, 2, 3}) {
        std::string input = text;
        if (packing == 1) input = gzip(text);
        if (packing == 2) input = zstd(text);
        if (packing == 3) {
          const std::size_t half = text.size() / 2;
          input = gzip(text.substr(0, half)) + gzip(text.substr(half));
        }
        reader_options opts;
        opts.window_bytes = 1 + random() % 200;
        SCOPED_TRACE(name + " packing " + std::to_string(packing) + " window " +
                     std::to_string(opts.window_bytes) + "\n" + text);
        const pipeline_result r = convert_file(input, opts);
        EXPECT_TRUE(r.ok) << r.error.message;
        EXPECT_EQ(r.got.records, r.got.converted + r.got.rejects.size());
        EXPECT_EQ(r.got.records, docs + 1) << describe(r.got.rejects);
        EXPECT_EQ(r.got.rejects.size(), bad) << describe(r.got.rejects);
      }
    }
  }
}

}  // namespace
