// Input splitting: NDJSON lines through a bounded window, or one document.
#include "ordernorm/reader.hpp"

#include <fcntl.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "ordernorm/convert.hpp"

namespace ordernorm {
namespace {

static_assert(converter::padding >= simdjson::SIMDJSON_PADDING,
              "documents must be padded for simdjson");

bool is_blank(const char* p, const char* end) {
  for (; p != end; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') return false;
  }
  return true;
}

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
// multi-line document; any other unbalanced line is a broken first record of
// an NDJSON stream, which must cost that record only, not the whole input.
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
      return reader::layout::document;
    default:
      return reader::layout::ndjson;
  }
}

}  // namespace

struct reader::impl {
  impl(int descriptor, bool owned, reader_options o) : fd(descriptor), owns_fd(owned), opts(o) {}
  ~impl() {
    if (owns_fd && fd >= 0) ::close(fd);
  }

  int fd;
  bool owns_fd;
  reader_options opts;
  record_error error;
  layout kind = layout::unknown;

  std::unique_ptr<char[]> buffer;
  std::size_t capacity = 0;         // usable bytes, padding excluded
  std::size_t begin = 0, end = 0;   // unread bytes are buffer[begin, end)
  std::uint64_t buffer_offset = 0;  // input offset of buffer[0]
  bool eof = false;
  bool done = false;

  bool fail_io(const char* what) {
    error.code = error_code::io_error;
    error.message = std::string(what) + ": " + std::strerror(errno);
    error.byte_offset = buffer_offset + end;
    done = true;
    return false;
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
  // the input ends.
  bool fill() {
    if (begin > 0) {
      if (end > begin) std::memmove(buffer.get(), buffer.get() + begin, end - begin);
      buffer_offset += begin;
      end -= begin;
      begin = 0;
    }
    while (!eof && end < capacity) {
      const ssize_t n = ::read(fd, buffer.get() + end, capacity - end);
      if (n < 0) {
        if (errno == EINTR) continue;
        return fail_io("read failed");
      }
      if (n == 0) eof = true;
      end += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Decides the layout from the first line.
  bool start() {
    // At least 3 bytes, so that a byte order mark is seen whole (and a zero
    // window, which could never be filled, does not loop forever).
    reserve(std::max(opts.window_bytes, std::size_t{3}));
    if (!fill()) return false;
    // A UTF-8 byte order mark is not JSON: step over it.
    if (end - begin >= 3 && std::memcmp(buffer.get() + begin, "\xEF\xBB\xBF", 3) == 0) begin += 3;
    for (;;) {
      const char* data = buffer.get();
      const char* first = data + begin;
      while (first != data + end &&
             (*first == ' ' || *first == '\t' || *first == '\r' || *first == '\n')) {
        ++first;
      }
      const void* newline = std::memchr(first, '\n', static_cast<std::size_t>(data + end - first));
      if (newline != nullptr || eof) {
        const char* line_end = newline != nullptr ? static_cast<const char*>(newline) : data + end;
        kind = first_line_layout(first, line_end);
        return true;
      }
      // No newline yet: the first line is long. Grow, within the record limit.
      if (capacity >= opts.max_record_bytes) {
        kind = layout::document;
        return true;
      }
      reserve(std::min(capacity * 2, opts.max_record_bytes));
      if (!fill()) return false;
    }
  }

  bool next_line(document_view& out) {
    for (;;) {
      char* data = buffer.get();
      const void* found = std::memchr(data + begin, '\n', end - begin);
      if (found == nullptr && !eof) {
        if (end - begin < capacity) {  // room left: read more
          if (!fill()) return false;
          continue;
        }
        if (capacity < opts.max_record_bytes) {
          reserve(std::min(capacity * 2, opts.max_record_bytes));
          if (!fill()) return false;
          continue;
        }
        return skip_long_line(out);
      }
      if (found == nullptr && begin == end) {
        done = true;
        return false;
      }
      const std::size_t line_begin = begin;
      std::size_t line_end =
          found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - data) : end;
      begin = found != nullptr ? line_end + 1 : end;
      if (is_blank(data + line_begin, data + line_end)) continue;
      if (data[line_end - 1] == '\r') --line_end;
      if (line_end - line_begin > opts.max_record_bytes) {
        // Longer than the limit but inside the window (a window larger than
        // the limit): the same answer as a line that overflowed it.
        out = document_view{};
        out.data = data + line_end;
        out.offset = buffer_offset + line_begin;
        out.size = line_end - line_begin;
        out.problem = error_code::record_too_large;
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

  // A line longer than max_record_bytes: drop it up to its newline and say so.
  bool skip_long_line(document_view& out) {
    const std::uint64_t offset = buffer_offset + begin;
    std::uint64_t skipped = 0;
    for (;;) {
      const void* found = std::memchr(buffer.get() + begin, '\n', end - begin);
      if (found != nullptr) {
        const auto upto = static_cast<std::size_t>(static_cast<const char*>(found) - buffer.get());
        skipped += upto - begin;
        begin = upto + 1;
        break;
      }
      skipped += end - begin;
      begin = end;
      if (eof) break;
      if (!fill()) return false;
    }
    out = document_view{};
    out.data = buffer.get() + begin;
    out.offset = offset;
    out.size = static_cast<std::size_t>(skipped);
    out.problem = error_code::record_too_large;
    return true;
  }

  bool next_document(document_view& out) {
    while (!eof) {
      if (end == capacity) {
        if (capacity >= opts.max_document_bytes) {
          error.code = error_code::record_too_large;
          error.message = "the document is larger than the largest document allowed";
          error.byte_offset = buffer_offset;
          done = true;
          return false;
        }
        reserve(std::min(capacity * 2, opts.max_document_bytes));
      }
      if (!fill()) return false;
    }
    done = true;
    if (is_blank(buffer.get() + begin, buffer.get() + end)) return false;
    out.data = buffer.get() + begin;
    out.size = end - begin;
    out.capacity = capacity + converter::padding - begin;
    out.offset = buffer_offset + begin;
    out.problem = error_code::ok;
    return true;
  }
};

reader::reader(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
reader::reader(reader&&) noexcept = default;
reader& reader::operator=(reader&&) noexcept = default;
reader::~reader() = default;

reader reader::open_file(const std::string& path, reader_options opts) {
  if (path == "-") return from_fd(0, opts);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  auto p = std::make_unique<impl>(fd, true, opts);
  if (fd < 0) p->fail_io("cannot open");
  return reader(std::move(p));
}

reader reader::from_fd(int fd, reader_options opts) {
  return reader(std::make_unique<impl>(fd, false, opts));
}

bool reader::ok() const noexcept { return impl_->error.code == error_code::ok; }
const record_error& reader::error() const noexcept { return impl_->error; }
reader::layout reader::input_layout() const noexcept { return impl_->kind; }

bool reader::next(document_view& out) {
  if (impl_->done) return false;
  if (impl_->kind == layout::unknown && !impl_->start()) return false;
  return impl_->kind == layout::ndjson ? impl_->next_line(out) : impl_->next_document(out);
}

}  // namespace ordernorm
