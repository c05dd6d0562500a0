// The input layer under the reader: gzip (igzip) and zstd decoded on a
// thread of their own, pipes drained by a thread, regular files mapped.
// Each test is named after the hard case it covers; the expectations come
// from the texts the tests build, not from the code.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "compress_support.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

std::string order(int id) {
  return "{\"id\":" + std::to_string(id) +
         ",\"financial_status\":\"paid\",\"currency\":\"USD\",\"total_price\":\"" +
         std::to_string(id) + ".00\",\"created_at\":\"2024-01-01T00:00:00Z\"}";
}

// `count` orders, one a line: several MB for the larger counts, so that the
// decoder's ring (4 x 1 MiB) turns over many times.
std::string orders(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += order(i) + "\n";
  return text;
}

// Everything a reader hands out, and how it ended: the documents' bytes,
// offsets and problems, and the reader's error.
struct read_result {
  std::vector<std::string> texts;
  std::vector<std::uint64_t> offsets;
  std::vector<error_code> problems;
  bool ok = true;
  record_error error;
  reader::layout layout = reader::layout::unknown;
};

read_result read_all(reader in) {
  read_result r;
  document_view doc;
  while (in.next(doc)) {
    if (doc.problem == error_code::ok) {
      EXPECT_GE(doc.capacity, doc.size + converter::padding);
      // The padding's first byte is 0, or whitespace after a text that ends
      // with a bracket (reader.hpp).
      std::size_t last = doc.size;
      while (last > 0 &&
             std::string_view(" \t\r\n").find(doc.data[last - 1]) != std::string_view::npos) {
        --last;
      }
      const bool closed = last > 0 && (doc.data[last - 1] == '}' || doc.data[last - 1] == ']');
      const char next = doc.data[doc.size];
      EXPECT_TRUE(next == '\0' ||
                  (closed && std::string_view(" \t\r\n").find(next) != std::string_view::npos))
          << "document at " << doc.offset;
    }
    r.texts.emplace_back(doc.data, doc.problem == error_code::ok ? doc.size : 0);
    r.offsets.push_back(doc.offset);
    r.problems.push_back(doc.problem);
  }
  r.ok = in.ok();
  r.error = in.error();
  r.layout = in.input_layout();
  return r;
}

// What converting every document gives, as one text: the orders written,
// then each reject and warning with its code, message, pointer and offsets.
std::string convert_all(reader in) {
  const conversion got = convert_documents(in);
  std::string out = got.ndjson;
  for (const reject_entry& e : got.rejects) {
    out += "reject " + std::string(to_string(e.error.code)) + " " + e.error.message + " " +
           e.error.json_pointer + " @" + std::to_string(e.error.byte_offset) + " record " +
           std::to_string(e.where.index) + "@" + std::to_string(e.where.byte_offset) + "\n";
  }
  for (const record_warning& w : got.warnings) out += "warning " + w.message + "\n";
  out += "records " + std::to_string(got.records) + " converted " + std::to_string(got.converted) +
         "\n";
  if (!in.ok()) {
    out += "error " + in.error().message + " @" + std::to_string(in.error().byte_offset) + "\n";
  }
  return out;
}

// A pipe fed by a thread of its own, as `cat file | ordernorm convert -`.
class feeding_pipe {
 public:
  explicit feeding_pipe(std::string content) : content_(std::move(content)) {
    EXPECT_EQ(::pipe(fds_), 0);
    writer_ = std::thread([this] {
      write_all(fds_[1], content_);
      ::close(fds_[1]);
    });
  }
  ~feeding_pipe() {
    writer_.join();
    ::close(fds_[0]);
  }
  int fd() const { return fds_[0]; }

 private:
  std::string content_;
  int fds_[2] = {-1, -1};
  std::thread writer_;
};

read_result read_file_with(const std::string& content, bool map, reader_options opts = {}) {
  scratch_file f(content);
  opts.map_files = map;
  return read_all(reader::open_file(f.path(), opts));
}

std::string convert_file_with(const std::string& content, bool map, reader_options opts = {}) {
  scratch_file f(content);
  opts.map_files = map;
  return convert_all(reader::open_file(f.path(), opts));
}

void expect_same(const read_result& a, const read_result& b) {
  EXPECT_EQ(a.texts, b.texts);
  EXPECT_EQ(a.offsets, b.offsets);
  EXPECT_EQ(a.problems, b.problems);
  EXPECT_EQ(a.ok, b.ok);
  EXPECT_EQ(a.error.message, b.error.message);
  EXPECT_EQ(a.layout, b.layout);
}

// Inputs that exercise what follows a document: broken lines that end inside
// a number, an atom or a string (their padding byte matters to simdjson),
// broken lines that end with '}', CRLF, blank lines, scalars, glued and
// pretty-printed documents, RS texts.
std::vector<std::string> tricky_inputs() {
  std::vector<std::string> inputs;
  std::string ndjson;
  for (int i = 0; i < 40; ++i) {
    ndjson += order(i) + (i % 4 == 0 ? "\r\n" : "\n");
    switch (i % 8) {
      case 1:
        ndjson += "{\"id\":12\n";  // ends inside a number; the next line starts with 3
        ndjson += "3\n";
        break;
      case 2:
        ndjson += "{\"id\":7,\"test\":tru\n";
        break;
      case 3:
        ndjson += "{\"id\":8,\"total_price\":\"1}\n";  // '}' inside an unclosed string
        break;
      case 4:
        ndjson += "{\"id\":9,\"x\":[1,2,tru]}\n";  // broken, ends with '}'
        break;
      case 5:
        ndjson += "   \n\n42\n\"text\"\nnull\n";
        break;
      case 6:
        ndjson += order(100 + i) + order(200 + i) + "\n";  // two on a line
        break;
      default:
        break;
    }
  }
  inputs.push_back(ndjson);
  inputs.push_back(ndjson.substr(0, ndjson.size() - 1));     // no trailing newline
  inputs.push_back(ndjson + "{\"id\":5,\"total_price\":1");  // ends inside a number
  std::string pretty;
  for (int i = 0; i < 30; ++i) {
    pretty += "{\n  \"id\": " + std::to_string(i) + ",\n  \"financial_status\": \"paid\"\n}" +
              (i % 3 == 0 ? " 17 " : "") + (i % 5 == 0 ? "" : "\n");
  }
  inputs.push_back(pretty);
  inputs.push_back(pretty + "[1, 2");
  std::string seq;
  for (int i = 0; i < 30; ++i) {
    seq += '\x1e';
    seq += order(i);
    if (i % 7 != 0) seq += '\n';
  }
  inputs.push_back(seq + "\x1e{\"id\":3");
  inputs.push_back("[" + order(1) + "," + order(2) + "]\n");
  return inputs;
}

// ---------------------------------------------------------------------------
// Decoders on their own thread.

TEST(ThreadedDecoding, LargeGzipAndZstdGiveEveryLineAtItsOffset) {
  const std::string text = orders(60000);  // about 7 MB
  ASSERT_GT(text.size(), std::size_t{6} << 20);
  for (const std::string& packed : {gzip(text), zstd(text)}) {
    const read_result r = read_file_with(packed, true);
    ASSERT_TRUE(r.ok) << r.error.message;
    ASSERT_EQ(r.texts.size(), 60000u);
    std::uint64_t at = 0;
    for (int i = 0; i < 60000; i += 997) {
      EXPECT_EQ(r.texts[static_cast<std::size_t>(i)], order(i));
    }
    for (std::size_t i = 0; i < r.offsets.size(); ++i) {
      EXPECT_EQ(r.offsets[i], at);
      at += r.texts[i].size() + 1;
    }
  }
}

// Cut halfway through a stream of many ring blocks: every whole line before
// the cut comes, in order and intact, then the error names the compressed
// size, through a file and through a pipe alike.
TEST(ThreadedDecoding, TruncatedGzipAndZstdGiveTheWholeLinesBeforeTheCut) {
  const std::string text = orders(60000);
  for (const bool use_zstd : {false, true}) {
    const std::string packed = use_zstd ? zstd(text) : gzip(text);
    const std::string cut = packed.substr(0, packed.size() / 2);
    for (const bool pipe : {false, true}) {
      read_result r;
      if (pipe) {
        feeding_pipe p(cut);
        r = read_all(reader::from_fd(p.fd()));
      } else {
        r = read_file_with(cut, true);
      }
      EXPECT_FALSE(r.ok);
      EXPECT_EQ(r.error.code, error_code::io_error);
      EXPECT_EQ(r.error.byte_offset, cut.size());
      EXPECT_NE(r.error.message.find(use_zstd ? "truncated zstd" : "truncated gzip"),
                std::string::npos)
          << r.error.message;
      EXPECT_NE(r.error.message.find("compressed byte " + std::to_string(cut.size())),
                std::string::npos)
          << r.error.message;
      // Half the compressed bytes hold far more than a ring's worth of lines.
      EXPECT_GT(r.texts.size(), 15000u);
      EXPECT_LT(r.texts.size(), 60000u);
      for (std::size_t i = 0; i < r.texts.size(); ++i) {
        ASSERT_EQ(r.texts[i], order(static_cast<int>(i))) << i;
      }
      // The reader says how far decompression got: past every line it gave.
      EXPECT_NE(r.error.message.find("bytes were decompressed before it"), std::string::npos);
    }
  }
}

// A flipped byte deep inside the stream: the lines before it come intact,
// then an io_error naming a compressed byte at or after the flip.
TEST(ThreadedDecoding, CorruptGzipAndZstdMidStreamGiveTheLinesBefore) {
  const std::string text = orders(60000);
  for (const bool use_zstd : {false, true}) {
    std::string packed = use_zstd ? zstd(text) : gzip(text);
    const std::size_t flip = packed.size() * 3 / 4;
    packed[flip] = static_cast<char>(packed[flip] ^ 0x5a);
    const read_result r = read_file_with(packed, true);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.code, error_code::io_error);
    EXPECT_NE(r.error.message.find(use_zstd ? "zstd" : "gzip"), std::string::npos);
    EXPECT_NE(r.error.message.find("compressed byte"), std::string::npos) << r.error.message;
    // A decoder names where it stood: zstd a block (up to 128 KiB) back.
    EXPECT_GE(r.error.byte_offset + (std::size_t{128} << 10), flip);
    EXPECT_LE(r.error.byte_offset, packed.size());
    // zstd checks each block as it goes; gzip's CRC only at the member's end,
    // so garbage may come before the error there. Either way, the first
    // half is intact.
    ASSERT_GT(r.texts.size(), 20000u);
    for (std::size_t i = 0; i < 20000; ++i) ASSERT_EQ(r.texts[i], order(static_cast<int>(i)));
  }
}

// Several members, made by the igzip command (ISA-L's own compressor) when
// it is installed and by zlib otherwise, with members that cross the decoder's
// blocks and an empty one: one stream.
TEST(ThreadedDecoding, MultiMemberGzipThroughIgzip) {
  const std::string a = orders(20000), b = orders(3), c = orders(15000);
  std::string packed;
  const bool have_igzip = std::system("igzip --version > /dev/null 2>&1") == 0;
  for (const std::string* part : {&a, &b, &c}) {
    if (have_igzip) {
      scratch_file plain(*part);
      const std::string out = plain.path() + ".gz";
      ASSERT_EQ(std::system(("igzip -c " + plain.path() + " > " + out).c_str()), 0);
      packed += read_file(out);
      std::filesystem::remove(out);
    } else {
      packed += gzip(*part);
    }
  }
  packed += gzip("");
  const read_result r = read_file_with(packed, true);
  ASSERT_TRUE(r.ok) << r.error.message;
  ASSERT_EQ(r.texts.size(), 35003u);
  EXPECT_EQ(r.texts[19999], order(19999));
  EXPECT_EQ(r.texts[20000], order(0));
  EXPECT_EQ(r.texts[20002], order(2));
  EXPECT_EQ(r.texts[20003], order(0));
  EXPECT_EQ(r.texts.back(), order(14999));
  EXPECT_EQ(r.offsets[20000], a.size());
}

// Reading one document of a large .gz and dropping the reader: the decoder
// thread, blocked on a full ring, is stopped and joined (ASan's leak check
// sees what is left behind).
TEST(ThreadedDecoding, ReaderDestroyedAfterOneDocumentStopsTheDecoder) {
  const std::string packed = gzip(orders(200000));  // about 24 MB unpacked
  scratch_file f(packed);
  const auto started = std::chrono::steady_clock::now();
  for (int round = 0; round < 20; ++round) {
    reader in = reader::open_file(f.path());
    document_view doc;
    ASSERT_TRUE(in.next(doc));
    EXPECT_EQ(std::string(doc.data, doc.size), order(0));
  }
  // 20 readers that decoded everything would take seconds.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

// The same from a pipe whose writer stays open and silent: the thread that
// reads it waits in poll(), and the reader's destruction wakes it.
TEST(ThreadedDecoding, ReaderDestroyedWhileThePipeWriterIsSilentDoesNotHang) {
  // The test's writer gets EPIPE, not a signal, when the read end closes.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  for (const bool packed : {false, true}) {
    const std::string head = orders(70000);  // more than the window and the ring
    const std::string bytes = packed ? gzip(head).substr(0, 2 << 20) : head;
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    std::thread writer([&] { write_all(fds[1], bytes); });
    {
      reader in = reader::from_fd(fds[0]);
      document_view doc;
      ASSERT_TRUE(in.next(doc));
      EXPECT_EQ(std::string(doc.data, doc.size), order(0));
    }                 // the pipe is still open for writing here
    ::close(fds[0]);  // a writer blocked on a full pipe gets EPIPE
    writer.join();
    ::close(fds[1]);
  }
  std::signal(SIGPIPE, previous);
}

// ---------------------------------------------------------------------------
// Pipes and mapped files give what read() gives.

TEST(PipeInput, PipeEqualsFileByteForByte) {
  std::vector<std::string> inputs = tricky_inputs();
  inputs.push_back(orders(50000));
  for (const std::string& text : inputs) {
    const read_result file = read_file_with(text, true);
    read_result piped;
    {
      feeding_pipe p(text);
      piped = read_all(reader::from_fd(p.fd()));
    }
    expect_same(file, piped);
    std::string piped_output;
    {
      feeding_pipe p(text);
      piped_output = convert_all(reader::from_fd(p.fd()));
    }
    EXPECT_EQ(convert_file_with(text, true), piped_output);
  }
}

TEST(MappedFile, SameDocumentsAndRejectsAsRead) {
  for (const std::size_t window : {std::size_t{4} << 20, std::size_t{100}, std::size_t{4096}}) {
    reader_options opts;
    opts.window_bytes = window;
    std::size_t rejects = 0;
    for (const std::string& text : tricky_inputs()) {
      expect_same(read_file_with(text, true, opts), read_file_with(text, false, opts));
      const std::string mapped = convert_file_with(text, true, opts);
      EXPECT_EQ(mapped, convert_file_with(text, false, opts));
      for (std::size_t at = 0; (at = mapped.find("\nreject ", at)) != std::string::npos; ++at) {
        ++rejects;
      }
    }
    EXPECT_GT(rejects, 40u);  // the broken lines are there
  }
}

// The last document ends exactly where a page does (no byte of the file
// follows it in its page): its padding is the zeros after the mapping.
TEST(MappedFile, LastDocumentEndingOnAPageBoundary) {
  for (const std::size_t pages : {1, 2, 3}) {
    for (const bool newline : {false, true}) {
      std::string text;
      int i = 0;
      while (text.size() + order(i).size() + 200 < pages * 4096) text += order(i++) + "\n";
      // The last line: padded with spaces inside a string so that the file
      // (with or without its newline) is exactly `pages` pages.
      const std::size_t room = pages * 4096 - text.size() - (newline ? 1 : 0);
      const std::string head = "{\"id\":9999,\"note\":\"";
      text += head + std::string(room - head.size() - 2, 'x') + "\"}";
      if (newline) text += "\n";
      ASSERT_EQ(text.size(), pages * 4096);
      const read_result r = read_file_with(text, true);
      ASSERT_TRUE(r.ok);
      ASSERT_EQ(r.texts.size(), static_cast<std::size_t>(i) + 1);
      EXPECT_EQ(r.texts.back().substr(0, head.size()), head);
      expect_same(r, read_file_with(text, false));
      // Broken, ending on the boundary inside a number: copied and padded.
      std::string broken = text.substr(0, text.size() - (newline ? 3 : 2)) + "1";
      broken.resize(text.size(), '1');
      const std::string mapped = convert_file_with(broken, true);
      EXPECT_EQ(mapped, convert_file_with(broken, false));
      EXPECT_NE(mapped.find("reject "), std::string::npos);
    }
  }
}

TEST(MappedFile, NoTrailingNewlineAndReadingFromTheDescriptorsOffset) {
  const std::string text = orders(5) + order(5);
  const read_result r = read_file_with(text, true);
  ASSERT_EQ(r.texts.size(), 6u);
  EXPECT_EQ(r.texts.back(), order(5));
  // from_fd starts where the descriptor is: after the first line here.
  scratch_file f(text);
  const int fd = ::open(f.path().c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::lseek(fd, static_cast<off_t>(order(0).size() + 1), SEEK_SET),
            static_cast<off_t>(order(0).size() + 1));
  const read_result rest = read_all(reader::from_fd(fd));
  ::close(fd);
  ASSERT_EQ(rest.texts.size(), 5u);
  EXPECT_EQ(rest.texts[0], order(1));
  EXPECT_EQ(rest.offsets[0], 0u);  // offsets count from where reading started
}

// A text that ends with '}' or ']' is handed over from the mapping with the
// file's next byte after it, whitespace, instead of 0: the claim that this
// cannot change how it converts, checked on broken texts of that shape,
// whose conversion reads past their end. (Another byte could: a '}' after
// `{"a":[{"b":3]}` closes the object for simdjson.)
TEST(MappedFile, TextEndingWithABracketConvertsTheSameFollowedByWhitespace) {
  const std::vector<std::string> texts = {
      "{\"id\":1,\"total_price\":12}",
      "{\"id\":1,\"total_price\":12.}",
      "{\"id\":1,\"total_price\":1e}",
      "{\"id\":1,\"test\":tru}",
      "{\"id\":1,\"test\":nul]",
      "{\"id\":1,\"line_items\":[{\"quantity\":3]}",
      "{\"id\":1,\"total_price\":\"1}",
      "{\"id\":1,\"x\":\"\\u12}",
      "[1,2,-]",
      "{\"id\":1}",
      "[" + order(1) + "," + order(2) + "]",
      "{\"id\":1,\"financial_status\":\"paid\",\"line_items\":[{\"id\":2,\"price\":1.5}]}  ",
  };
  const std::string followers = std::string("\0\n\r \t", 5);
  for (const std::string& text : texts) {
    const std::string reference = convert_text(text).ndjson + describe(convert_text(text).rejects);
    for (const char follower : followers) {
      std::string padded = text + std::string(converter::padding, follower);
      conversion got;
      collecting_sink sink(got);
      converter conv;
      conv.convert_padded(padded.data(), text.size(), padded.size(), sink);
      EXPECT_EQ(got.ndjson + describe(got.rejects), reference)
          << text << " followed by byte " << static_cast<int>(follower);
    }
  }
}

// Peak memory stays bounded by the window, not the file: the mapping's
// consumed pages are released (RSS counts mapped file pages as they are
// touched).
std::uint64_t resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  std::uint64_t value = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> value;
      return value;
    }
    status.ignore(1 << 20, '\n');
  }
  return 0;
}

TEST(MappedFile, ResidentMemoryStaysBoundedOnALargeFile) {
  const std::string line = "{\"id\":1,\"pad\":\"" + std::string(1000, 'z') + "\"}\n";
  std::string text;
  text.reserve(std::size_t{96} << 20);
  while (text.size() < (std::size_t{96} << 20)) text += line;
  scratch_file f(text);
  const std::size_t lines = text.size() / line.size();
  text.clear();
  text.shrink_to_fit();
  const std::uint64_t before = resident_kib();
  std::uint64_t peak = before;
  reader in = reader::open_file(f.path());
  document_view doc;
  std::size_t count = 0;
  while (in.next(doc)) {
    if (++count % 1000 == 0) peak = std::max(peak, resident_kib());
  }
  EXPECT_EQ(count, lines);
  // The 4 MiB window, the releases in steps of 4 MiB and the populate ahead.
  EXPECT_LT(peak - before, std::uint64_t{24} << 10) << "KiB";
}

}  // namespace
