// The reader: layouts (NDJSON, one document), offsets, odd line ends, and
// bounded memory on long streams.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace ordernorm;

namespace {

struct split_document {
  std::string text;
  std::uint64_t offset;
  error_code problem;
};

class temp_file {
 public:
  explicit temp_file(const std::string& content) {
    path_ =
        std::filesystem::temp_directory_path() /
        ("ordernorm_reader_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~temp_file() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
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
  temp_file f(content);
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
  temp_file f(text);
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
  temp_file f("{\"a\":1,\n{\"b\":2}\n{\"c\":3}\n");
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
  temp_file f("{\"a\":\"{[\\\"\"}\n{\"b\":2}\n");
  reader in = reader::open_file(f.path());
  EXPECT_EQ(split(in).size(), 2u);
  EXPECT_EQ(in.input_layout(), reader::layout::ndjson);
  temp_file g("{\"a\":\"}\",\n\"b\":2}\n");
  reader doc = reader::open_file(g.path());
  EXPECT_EQ(split(doc).size(), 1u);
  EXPECT_EQ(doc.input_layout(), reader::layout::documents);
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  temp_file h(deep + "\n" + deep + "\n");
  reader nested = reader::open_file(h.path());
  EXPECT_EQ(split(nested).size(), 2u);
  EXPECT_EQ(nested.input_layout(), reader::layout::ndjson);
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
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string line = "{\"id\":1,\"pad\":\"" + std::string(200, 'z') + "\"}\n";
  const std::size_t lines = 40'000'000 / line.size();
  std::thread writer([&] {
    for (std::size_t i = 0; i < lines; ++i) {
      if (::write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) break;
    }
    ::close(fds[1]);
  });
  reader_options opts;
  opts.window_bytes = 64 << 10;
  reader in = reader::from_fd(fds[0], opts);
  document_view doc;
  std::size_t count = 0;
  std::size_t largest_capacity = 0;
  while (in.next(doc)) {
    ++count;
    largest_capacity = std::max(largest_capacity, doc.capacity);
  }
  writer.join();
  ::close(fds[0]);
  EXPECT_EQ(count, lines);
  EXPECT_LE(largest_capacity, opts.window_bytes + converter::padding);
}

}  // namespace
