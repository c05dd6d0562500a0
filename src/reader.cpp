// Input splitting: NDJSON lines or RS texts through a bounded window, or a
// stream of documents split where each top-level value ends.
#include "ordernorm/reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "input.hpp"
#include "input_split.hpp"
#include "limits.hpp"
#include "ordernorm/convert.hpp"

namespace ordernorm {
namespace {

static_assert(converter::padding >= simdjson::SIMDJSON_PADDING,
              "documents must be padded for simdjson");

bool is_blank(const char* p, const char* end) { return std::all_of(p, end, detail::is_json_space); }

// True when [first, last) closes every object and array it opens (outside
// strings): the line holds complete values, as an NDJSON line does. A
// pretty-printed document's first line leaves one open. This replaced a DOM
// parse of the line, which allocated about 14 bytes per input byte: a 50 MB
// first line cost 700 MB just to choose the layout.
bool balanced(const char* first, const char* last) {
  std::int64_t depth = 0;
  bool in_string = false;
  for (const char* p = first; p != last; ++p) {
    const char c = *p;
    if (in_string) {
      if (c == '\\') {
        if (++p == last) break;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth < 0) return false;
    }
  }
  return depth == 0 && !in_string;
}

// NDJSON when the first line is balanced (one complete JSON value, or broken
// without leaving anything open). An unbalanced line that ends the way a
// pretty-printed document's first line does (`{`, `[`, `,`, `:`) starts a
// stream of multi-line documents; any other unbalanced line is a broken first
// record of an NDJSON stream, which must cost that record only, not the
// whole input.
reader::layout first_line_layout(const char* first, const char* line_end) {
  const char* last = line_end;
  while (last != first && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\r')) --last;
  if (last == first) return reader::layout::ndjson;  // empty input
  if (balanced(first, last)) return reader::layout::ndjson;
  switch (last[-1]) {
    case '{':
    case '[':
    case ',':
    case ':':
      return reader::layout::documents;
    default:
      return reader::layout::ndjson;
  }
}

}  // namespace

struct reader::impl {
  impl(std::unique_ptr<detail::byte_source> in, reader_options o)
      : source(std::move(in)), opts(o) {}

  std::unique_ptr<detail::byte_source> source;  // null when the file did not open
  reader_options opts;
  record_error error;
  layout kind = layout::unknown;

  std::unique_ptr<char[]> buffer;
  std::size_t capacity = 0;         // usable bytes, padding excluded
  std::size_t begin = 0, end = 0;   // unread bytes are buffer[begin, end)
  std::uint64_t buffer_offset = 0;  // input offset of buffer[0]
  bool eof = false;
  bool failed = false;  // the source failed: what is buffered is all there is
  bool done = false;
  // The byte after the last document handed over, replaced by 0 until the
  // next call.
  char* patched = nullptr;
  char patched_byte = 0;
  detail::value_scanner scanner;  // the documents layout's current value

  void fail_open() {
    error.code = error_code::io_error;
    error.message = fmt::format("cannot open: {}", std::strerror(errno));
    done = true;
  }

  void read_failed() {
    error.code = error_code::io_error;
    error.message = source->message();
    error.byte_offset = source->error_offset();
    if (source->format() != detail::input_format::plain) {
      // The offset is the compressed one; say how far the decompressed
      // bytes got.
      error.message += fmt::format("; {} bytes were decompressed before it", buffer_offset + end);
    }
    failed = true;
    eof = true;
  }

  void reserve(std::size_t usable) {
    if (usable <= capacity) return;
    auto bigger = std::make_unique<char[]>(usable + converter::padding);
    if (end > begin) std::memcpy(bigger.get(), buffer.get() + begin, end - begin);
    buffer_offset += begin;
    end -= begin;
    begin = 0;
    buffer = std::move(bigger);
    capacity = usable;
    std::memset(buffer.get() + capacity, 0, converter::padding);
  }

  // Moves unread bytes to the front, then reads until the buffer is full or
  // the input ends (or fails: then `failed`, and eof).
  void fill() {
    if (begin > 0) {
      if (end > begin) std::memmove(buffer.get(), buffer.get() + begin, end - begin);
      buffer_offset += begin;
      end -= begin;
      begin = 0;
    }
    while (!eof && end < capacity) {
      const std::ptrdiff_t n = source->read(buffer.get() + end, capacity - end);
      if (n < 0) return read_failed();
      if (n == 0) eof = true;
      end += static_cast<std::size_t>(n);
    }
  }

  // Decides the layout from the first line.
  void start() {
    // At least 3 bytes, so that a byte order mark is seen whole (and a zero
    // window, which could never be filled, does not loop forever).
    reserve(std::max(opts.window_bytes, std::size_t{3}));
    fill();
    // A UTF-8 byte order mark is not JSON: step over it.
    if (end - begin >= 3 && std::memcmp(buffer.get() + begin, "\xEF\xBB\xBF", 3) == 0) begin += 3;
    for (;;) {
      const char* data = buffer.get();
      const char* first = data + begin;
      while (first != data + end && detail::is_json_space(*first)) ++first;
      if (first != data + end && *first == '\x1e') {
        kind = layout::json_seq;
        return;
      }
      const void* newline = std::memchr(first, '\n', static_cast<std::size_t>(data + end - first));
      if (newline != nullptr || eof) {
        const char* line_end = newline != nullptr ? static_cast<const char*>(newline) : data + end;
        kind = first_line_layout(first, line_end);
        return;
      }
      // No newline yet: the first line is long. Grow, within the record limit.
      if (capacity >= opts.max_record_bytes) {
        kind = layout::documents;
        return;
      }
      reserve(std::min(capacity * 2, opts.max_record_bytes));
      fill();
    }
  }

  // The largest document of the layout.
  std::size_t limit() const {
    return kind == layout::ndjson ? opts.max_record_bytes : opts.max_document_bytes;
  }

  void too_large(document_view& out, std::uint64_t offset, std::uint64_t size) {
    out = document_view{};
    out.data = buffer.get() + begin;
    out.offset = offset;
    out.size = static_cast<std::size_t>(size);
    out.problem = error_code::record_too_large;
  }

  // NDJSON lines ('\n') and RS texts ('\x1e'): memchr for the delimiter,
  // nothing else looks at every byte.
  bool next_delimited(document_view& out, char delimiter) {
    for (;;) {
      char* data = buffer.get();
      const void* found = std::memchr(data + begin, delimiter, end - begin);
      if (found == nullptr && !eof) {
        if (end - begin < capacity) {  // room left: read more
          fill();
          continue;
        }
        if (capacity < limit()) {
          reserve(std::min(capacity * 2, limit()));
          fill();
          continue;
        }
        if (skip_long(out, delimiter)) return true;
        continue;  // it was blank
      }
      if (found == nullptr && (begin == end || failed)) {
        // The end; after a read error, an unterminated last piece is cut
        // short: not a document.
        done = true;
        return false;
      }
      const std::size_t line_begin = begin;
      std::size_t line_end =
          found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - data) : end;
      begin = found != nullptr ? line_end + 1 : end;
      if (is_blank(data + line_begin, data + line_end)) continue;
      if (delimiter == '\n' && data[line_end - 1] == '\r') --line_end;
      if (line_end - line_begin > limit()) {
        // Longer than the limit but inside the window (a window larger than
        // the limit): the same answer as a line that overflowed it.
        too_large(out, buffer_offset + line_begin, line_end - line_begin);
        return true;
      }
      out.data = data + line_begin;
      out.size = line_end - line_begin;
      out.capacity = capacity + converter::padding - line_begin;
      out.offset = buffer_offset + line_begin;
      out.problem = error_code::ok;
      return true;
    }
  }

  // A line or text longer than the limit: drop it up to its delimiter and
  // say so, unless it was only whitespace (which is no record).
  bool skip_long(document_view& out, char delimiter) {
    const std::uint64_t offset = buffer_offset + begin;
    std::uint64_t skipped = 0;
    bool blank = true;
    for (;;) {
      const char* data = buffer.get();
      const void* found = std::memchr(data + begin, delimiter, end - begin);
      const std::size_t upto =
          found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - data) : end;
      blank = blank && is_blank(data + begin, data + upto);
      skipped += upto - begin;
      begin = found != nullptr ? upto + 1 : upto;
      if (found != nullptr || eof) break;
      fill();
    }
    if (blank) return false;
    too_large(out, offset, skipped);
    return true;
  }

  // A stream of documents: each ends where its top-level value does.
  bool next_value(document_view& out) {
    // Skip whitespace to the next value.
    for (;;) {
      const char* data = buffer.get();
      while (begin != end && detail::is_json_space(data[begin])) ++begin;
      if (begin != end) break;
      if (eof) {
        done = true;
        return false;
      }
      fill();
    }
    scanner.reset();
    std::size_t scanned = 0;  // bytes of the value scanned so far
    std::size_t size = 0;
    for (;;) {
      const char* data = buffer.get();
      const char* stop = scanner.scan(data + begin + scanned, data + end);
      if (stop != nullptr) {
        size = static_cast<std::size_t>(stop - (data + begin));
        break;
      }
      scanned = end - begin;
      if (eof) {
        // The input ends inside the value: the converter says what is
        // missing. After a read error it was cut short: not a document.
        if (failed) {
          done = true;
          return false;
        }
        size = scanned;
        break;
      }
      if (end - begin < capacity) {
        fill();
      } else if (capacity < opts.max_document_bytes) {
        reserve(std::min(capacity * 2, opts.max_document_bytes));
        fill();
      } else {
        return skip_long_value(out);
      }
    }
    if (size > opts.max_document_bytes) {
      too_large(out, buffer_offset + begin, size);
      begin += size;
      return true;
    }
    out.data = buffer.get() + begin;
    out.size = size;
    out.capacity = capacity + converter::padding - begin;
    out.offset = buffer_offset + begin;
    out.problem = error_code::ok;
    begin += size;
    return true;
  }

  // A document larger than max_document_bytes: scan on to its end without
  // keeping it, and say so.
  bool skip_long_value(document_view& out) {
    const std::uint64_t offset = buffer_offset + begin;
    std::uint64_t skipped = end - begin;  // all scanned already
    begin = end;
    while (!eof) {
      fill();
      const char* data = buffer.get();
      const char* stop = scanner.scan(data + begin, data + end);
      if (stop != nullptr) {
        skipped += static_cast<std::uint64_t>(stop - (data + begin));
        begin = static_cast<std::size_t>(stop - data);
        break;
      }
      skipped += end - begin;
      begin = end;
    }
    too_large(out, offset, skipped);
    return true;
  }

  bool next(document_view& out) {
    if (patched != nullptr) {
      *patched = patched_byte;
      patched = nullptr;
    }
    if (done) return false;
    if (kind == layout::unknown) start();
    bool got = false;
    switch (kind) {
      case layout::ndjson:
        got = next_delimited(out, '\n');
        break;
      case layout::json_seq:
        got = next_delimited(out, '\x1e');
        break;
      case layout::documents:
      case layout::unknown:
        got = next_value(out);
        break;
    }
    if (got && out.problem == error_code::ok) {
      // What follows a document in the buffer (the next line, or stale
      // bytes past the end) must not change how it converts: simdjson reads
      // the first padding byte. 0, as in converter::convert's copy.
      patched = buffer.get() + (out.data - buffer.get()) + out.size;
      patched_byte = *patched;
      *patched = 0;
    }
    return got;
  }
};

reader::reader(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
reader::reader(reader&&) noexcept = default;
reader& reader::operator=(reader&&) noexcept = default;
reader::~reader() = default;

reader reader::open_file(const std::string& path, reader_options opts) {
  if (path == "-") return from_fd(0, opts);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    auto p = std::make_unique<impl>(nullptr, opts);
    p->fail_open();
    return reader(std::move(p));
  }
  return reader(std::make_unique<impl>(detail::open_source(fd, true), opts));
}

reader reader::from_fd(int fd, reader_options opts) {
  return reader(std::make_unique<impl>(detail::open_source(fd, false), opts));
}

bool reader::ok() const noexcept { return impl_->error.code == error_code::ok; }
const record_error& reader::error() const noexcept { return impl_->error; }
reader::layout reader::input_layout() const noexcept { return impl_->kind; }

bool reader::next(document_view& out) { return impl_->next(out); }

record_error reader::problem(const document_view& doc) const {
  record_error e;
  e.code = doc.problem;
  e.byte_offset = doc.offset;
  if (impl_->kind == layout::ndjson) {
    e.message = fmt::format(
        "a line of {} bytes is longer than {} bytes (the limit; raise it with "
        "--max-record-bytes)",
        doc.size, impl_->opts.max_record_bytes);
  } else {
    e.message = fmt::format(
        "a document of {} bytes is larger than {} (the largest document read whole, "
        "reader_options::max_document_bytes)",
        doc.size, detail::size_text(impl_->opts.max_document_bytes));
  }
  return e;
}

}  // namespace ordernorm
