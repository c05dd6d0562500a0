// Input splitting: NDJSON lines or RS texts through a bounded window, or a
// stream of documents split where each top-level value ends.
#include "ordernorm/reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include "bulk_export.hpp"
#include "detection.hpp"
#include "input.hpp"
#include "input_split.hpp"
#include "limits.hpp"
#include "ordernorm/padding.hpp"

namespace ordernorm {
namespace {

static_assert(input_padding >= simdjson::SIMDJSON_PADDING, "documents must be padded for simdjson");

// How much of an NDJSON input is searched for a bulk export's child line.
constexpr std::size_t bulk_probe_bytes = std::size_t{4} << 20;

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

// Where a bare token (a number, a literal, garbage) ends inside a list or
// an object: at whitespace, a separator, or where another value starts; null
// when it goes on past `last`.
const char* bare_token_end(const char* p, const char* last) {
  for (; p != last; ++p) {
    switch (*p) {
      case ' ':
      case '\n':
      case '\r':
      case '\t':
      case ',':
      case ']':
      case '}':
      case '{':
      case '[':
      case '"':
      case ':':
        return p;
      default:
        break;
    }
  }
  return nullptr;
}

bool starts_container_or_string(char c) { return c == '{' || c == '[' || c == '"'; }

const char* skip_space(const char* p, const char* last) {
  while (p != last && detail::is_json_space(*p)) ++p;
  return p;
}

// The closing quote of a string whose first character is at p, or null.
const char* string_end(const char* p, const char* last) {
  for (; p != last; ++p) {
    if (*p == '\\') {
      if (++p == last) return nullptr;
    } else if (*p == '"') {
      return p;
    }
  }
  return nullptr;
}

}  // namespace

struct reader::impl {
  impl(std::unique_ptr<detail::byte_source> in, reader_options o)
      : source(std::move(in)), opts(o), mapped(source != nullptr && source->window(0, 0)) {}

  std::unique_ptr<detail::byte_source> source;  // null when the file did not open
  reader_options opts;
  record_error error;
  layout kind = layout::unknown;

  // The window: memory of the reader's own, or (a regular uncompressed
  // file, source->window()) the file's mapping, read-only.
  struct window_memory {
    std::unique_ptr<char[]> owned;
    char* at = nullptr;
    char* get() const noexcept { return at; }
    char& operator[](std::size_t i) const noexcept { return at[i]; }
  } buffer;
  bool mapped;
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

  // A list being streamed element by element (reader_options::stream_lists).
  enum class list_step : std::uint8_t { element_or_end, element, separator, after_list };
  struct streamed_list {
    bool active = false;
    bool in_object = false;  // an envelope's list: the object closes after it
    std::string_view key;    // the envelope key (static storage), or empty
    std::uint64_t next_index = 0;
    list_step step = list_step::element_or_end;
  } list;
  std::string problem_message;  // for a streamed list's invalid_json, a missing_parent

  // A bulk export (reader_options::stitch_bulk_exports): its orders are
  // stitched from its lines. `path` is kept to read a file twice.
  std::string path;
  std::string_view memory;  // from_memory's bytes: read twice as a file is
  bool bulk_checked = false;
  bool bulk_done = false;
  std::unique_ptr<detail::bulk_stitcher> bulk;

  void fail_open() { fail_open(fmt::format("cannot open: {}", std::strerror(errno))); }
  void fail_open(std::string message) {
    error.code = error_code::io_error;
    error.message = std::move(message);
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
    if (mapped) {
      capacity = usable;
      return slide();
    }
    auto bigger = std::make_unique<char[]>(usable + input_padding);
    if (end > begin) std::memcpy(bigger.get(), buffer.get() + begin, end - begin);
    buffer_offset += begin;
    end -= begin;
    begin = 0;
    buffer.owned = std::move(bigger);
    buffer.at = buffer.owned.get();
    capacity = usable;
    std::memset(buffer.get() + capacity, 0, input_padding);
  }

  // Moves unread bytes to the front, then reads until the buffer is full or
  // the input ends (or fails: then `failed`, and eof).
  void fill() {
    if (mapped) return slide();
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

  // A mapped file: the window moves to the first unread byte and covers
  // `capacity` bytes, or up to the end (then eof). Nothing is copied.
  void slide() {
    const std::uint64_t at = buffer_offset + begin;
    buffer.at = const_cast<char*>(source->window(at, capacity));
    buffer_offset = at;
    begin = 0;
    end = static_cast<std::size_t>(std::min<std::uint64_t>(capacity, source->size() - at));
    eof = at + end == source->size();
  }

  // A document in a mapped file is followed by the file's next bytes, which
  // cannot be replaced by 0 (read-only; and a private copy of the page per
  // record would cost what mapping saves). simdjson reads the byte after a
  // text in two ways: after a number or atom that ends the text (where 0 and
  // whitespace differ), and as the character at its end-of-input index
  // (which a broken text reaches; a '}' there would close an object). So a
  // text is handed over in place only when it ends with '}' or ']'
  // (whitespace aside: no token ends at its end) and is followed by
  // whitespace, which no parser step tells from 0 there: an NDJSON line, a
  // document on a line of its own. Any other (a broken line, a scalar, RS
  // texts, glued documents) is copied into a padded buffer. The mapping is
  // followed by readable zeros, so that the last document has its padding.
  void pad_mapped(document_view& out) {
    const char* window = buffer.get();
    if (out.data >= window && out.data <= window + end) {
      // At the end of the input the window is shorter than `capacity`; the
      // zeros after it are a page at least.
      const auto readable = static_cast<std::size_t>(window + end - out.data) + 4096;
      out.capacity = std::min(out.capacity, readable);
    }
    const char* last = out.data + out.size;
    while (last != out.data && detail::is_json_space(last[-1])) --last;
    const bool closed = last != out.data && (last[-1] == '}' || last[-1] == ']');
    const char next = out.data[out.size];
    if (next == '\0' || (closed && detail::is_json_space(next))) return;
    if (copy_capacity < out.size) {
      copy_capacity = out.size;  // no larger: capacity tells how much is held
      copy = std::make_unique<char[]>(copy_capacity + input_padding);
    }
    std::memcpy(copy.get(), out.data, out.size);
    std::memset(copy.get() + out.size, 0, input_padding);
    out.data = copy.get();
    out.capacity = copy_capacity + input_padding;
  }
  std::unique_ptr<char[]> copy;  // pad_mapped's
  std::size_t copy_capacity = 0;

  // Decides the layout from the first line.
  void start() {
    // At least 3 bytes, so that a byte order mark is seen whole (and a zero
    // window, which could never be filled, does not loop forever).
    reserve(std::max(opts.window_bytes, std::size_t{3}));
    fill();
    if (opts.ndjson_continuation) {
      kind = layout::ndjson;
      return;
    }
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
      // No newline yet: the first line is long. Grow, within the record
      // limit; a list on one line (`jq -c` of an array) that outgrows
      // whole_document_bytes is streamed as a document, not held whole.
      const bool list_line = first != data + end && (*first == '[' || *first == '{');
      if (capacity >= opts.max_record_bytes ||
          (opts.stream_lists && list_line && capacity >= opts.whole_document_bytes)) {
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
      out.capacity = capacity + input_padding - line_begin;
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
    if (list.active) return next_in_list(out);
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
    bool list_checked = false;
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
      if (!list_checked && opts.stream_lists && end - begin >= opts.whole_document_bytes) {
        list_checked = true;
        if (start_list()) return next_in_list(out);
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
    out.capacity = capacity + input_padding - begin;
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

  // The next byte that is not whitespace, reading on as needed; -1 at the
  // end of the input.
  int next_significant() {
    for (;;) {
      const char* data = buffer.get();
      while (begin != end && detail::is_json_space(data[begin])) ++begin;
      if (begin != end) return static_cast<unsigned char>(data[begin]);
      if (eof) return -1;
      fill();
    }
  }

  // Reads on, keeping nothing, to the end of the value `scanner` was fed the
  // start of (or, for a bare token, to where it ends). false when the input
  // ends first.
  bool discard_value(bool bare) {
    for (;;) {
      const char* data = buffer.get();
      const char* stop =
          bare ? bare_token_end(data + begin, data + end) : scanner.scan(data + begin, data + end);
      if (stop != nullptr) {
        begin = static_cast<std::size_t>(stop - data);
        return true;
      }
      begin = end;
      if (eof) return false;
      fill();
    }
  }

  // A document that did not end within whole_document_bytes: a JSON array,
  // or an object whose keys before its first list make it a list envelope
  // (keys_make_an_envelope), is streamed from its list on. false: the
  // document is read whole, as any other. Looks only at what is buffered.
  bool start_list() {
    const char* data = buffer.get();
    const char* last = data + end;
    const char* p = data + begin;
    if (*p == '[') {
      list = streamed_list{true, false, {}, 0, list_step::element_or_end};
      begin += 1;
      return true;
    }
    if (*p != '{') return false;
    std::vector<std::string_view> keys;
    ++p;
    for (;;) {
      p = skip_space(p, last);
      if (p == last || *p != '"') return false;
      const char* key_end = string_end(p + 1, last);
      if (key_end == nullptr) return false;
      keys.emplace_back(p + 1, static_cast<std::size_t>(key_end - (p + 1)));
      p = skip_space(key_end + 1, last);
      if (p == last || *p != ':') return false;
      p = skip_space(p + 1, last);
      if (p == last) return false;
      const std::string_view envelope = detail::streamable_envelope_key(keys.back());
      if (!envelope.empty() && *p == '[') {
        if (!detail::keys_make_an_envelope(keys)) return false;
        list = streamed_list{true, true, envelope, 0, list_step::element_or_end};
        begin = static_cast<std::size_t>(p + 1 - data);
        return true;
      }
      const char* value_end = nullptr;
      if (starts_container_or_string(*p)) {
        detail::value_scanner s;
        value_end = s.scan(p, last);
      } else {
        value_end = bare_token_end(p, last);
      }
      if (value_end == nullptr) return false;
      p = skip_space(value_end, last);
      if (p == last || *p != ',') return false;
      ++p;
    }
  }

  // The next element of the streamed list, a problem found in the list's
  // own syntax, or (after the list and the rest of its document) the next
  // document.
  bool next_in_list(document_view& out) {
    for (;;) {
      const int c = next_significant();
      if (c < 0 && failed) {  // cut short by a read error: reported as that
        done = true;
        return false;
      }
      switch (list.step) {
        case list_step::element_or_end:
        case list_step::element:
          if (c == ']' && list.step == list_step::element_or_end) {
            ++begin;
            list.step = list_step::after_list;
            continue;
          }
          if (c < 0 || c == ',' || c == ']' || c == '}' || c == ':') {
            return list_syntax_error(out, c < 0 ? "the input ends inside the list of orders"
                                                : "expected a value in the list of orders");
          }
          list.step = list_step::separator;
          return take_element(out);
        case list_step::separator:
          if (c == ',') {
            ++begin;
            list.step = list_step::element;
            continue;
          }
          if (c == ']') {
            ++begin;
            list.step = list_step::after_list;
            continue;
          }
          return list_syntax_error(out, c < 0 ? "the input ends inside the list of orders"
                                              : "expected ',' or ']' after an element of the "
                                                "list of orders");
        case list_step::after_list:
          if (!list.in_object || c == '}') {
            if (list.in_object) ++begin;
            list.active = false;
            return next_value(out);
          }
          if (c != ',') {
            return list_syntax_error(out, c < 0 ? "the input ends inside the list envelope"
                                                : "expected ',' or '}' after the list of orders");
          }
          ++begin;
          if (!skip_member()) {
            return list_syntax_error(out, "expected a key and its value in the list envelope");
          }
          continue;
      }
    }
  }

  // One "key": value of the envelope after its list, skipped: only the
  // orders are records. false on broken JSON.
  bool skip_member() {
    if (next_significant() != '"') return false;
    scanner.reset();
    if (!discard_value(false)) return false;
    if (next_significant() != ':') return false;
    ++begin;
    const int c = next_significant();
    if (c < 0 || c == ',' || c == '}' || c == ']' || c == ':') return false;
    scanner.reset();
    return discard_value(!starts_container_or_string(static_cast<char>(c)));
  }

  // The streamed list is broken where `begin` is: one invalid_json problem,
  // and the rest of its document is read to where it ends, unconverted, as
  // the converter does with a document it holds whole.
  bool list_syntax_error(document_view& out, std::string_view what) {
    const std::uint64_t at = buffer_offset + begin;
    problem_message = fmt::format("invalid JSON: {}; the rest of the document is not read", what);
    // The brackets still open around `begin`: the envelope's object and
    // its list, or the array; after the list, the object only.
    std::string_view open = list.step == list_step::after_list ? "{" : list.in_object ? "{[" : "[";
    scanner.reset();
    scanner.scan(open.data(), open.data() + open.size());
    discard_value(false);
    list.active = false;
    out = document_view{};
    out.data = buffer.get() + begin;
    out.offset = at;
    out.problem = error_code::invalid_json;
    return true;
  }

  // The list element that starts at `begin`: handed over whole, or skipped
  // to its end when it is larger than the record limit.
  bool take_element(document_view& out) {
    const bool bare = !starts_container_or_string(buffer[begin]);
    const std::uint64_t index = list.next_index++;
    scanner.reset();
    std::size_t scanned = 0;
    std::size_t size = 0;
    for (;;) {
      const char* data = buffer.get();
      const char* from = data + begin + scanned;
      const char* stop = bare ? bare_token_end(from, data + end) : scanner.scan(from, data + end);
      if (stop != nullptr) {
        size = static_cast<std::size_t>(stop - (data + begin));
        break;
      }
      scanned = end - begin;
      if (eof) {
        if (failed) {  // cut short by a read error: not an element
          done = true;
          return false;
        }
        size = scanned;  // the converter says what is missing
        break;
      }
      if (end - begin < capacity) {
        fill();
      } else if (capacity < opts.max_record_bytes) {
        reserve(std::min(capacity * 2, opts.max_record_bytes));
        fill();
      } else {
        const std::uint64_t offset = buffer_offset + begin;
        begin = end;
        std::uint64_t skipped = scanned;
        const std::uint64_t before = buffer_offset + begin;
        discard_value(bare);
        skipped += buffer_offset + begin - before;
        too_large(out, offset, skipped);
        mark_element(out, index);
        return true;
      }
    }
    if (size > opts.max_record_bytes) {
      too_large(out, buffer_offset + begin, size);
      mark_element(out, index);
      begin += size;
      return true;
    }
    out = document_view{};
    out.data = buffer.get() + begin;
    out.size = size;
    out.capacity = capacity + input_padding - begin;
    out.offset = buffer_offset + begin;
    mark_element(out, index);
    begin += size;
    return true;
  }

  void mark_element(document_view& out, std::uint64_t index) const {
    out.element = true;
    out.element_index = index;
    out.list_key = list.key;
  }

  bool next(document_view& out) {
    if (!bulk_checked && !done) {
      if (kind == layout::unknown) start();
      bulk_checked = true;
      if (kind == layout::ndjson && opts.stitch_bulk_exports && first_window_is_bulk_export()) {
        start_bulk();
      }
    }
    if (!bulk) return next_document(out);
    for (;;) {
      if (bulk->next(out)) {
        if (out.problem == error_code::missing_parent || out.problem == error_code::invalid_json) {
          problem_message = bulk->problem_message();
        }
        return true;
      }
      if (bulk_done) return false;
      document_view line;
      if (next_document(line)) {
        bulk->add(line);
      } else {
        bulk->finish();
        bulk_done = true;
      }
    }
  }

  // Told from the input's first bulk_probe_bytes (or all of it, if
  // shorter), read ahead when the window is smaller: never from the window
  // itself, so that the answer, and the output, do not depend on its size.
  bool first_window_is_bulk_export() {
    if (end - begin < bulk_probe_bytes && !eof) {
      reserve(std::max(capacity, bulk_probe_bytes));
      fill();
    }
    const std::size_t probe = std::min(end - begin, bulk_probe_bytes);
    return detail::bulk_parent_of(std::string_view(buffer.get() + begin, probe)).has_value();
  }

  // The first pass over a file: which children come late (bulk_export.hpp).
  // A stream cannot be read twice; nor can a file that fails the first time
  // (the second pass reports why).
  void start_bulk() {
    std::optional<detail::bulk_index> index;
    if (!path.empty() || memory.data() != nullptr) {
      reader_options first_pass = opts;
      first_pass.stitch_bulk_exports = false;
      reader lines = path.empty() ? reader::from_memory(memory, first_pass)
                                  : reader::open_file(path, first_pass);
      detail::bulk_index noted;
      document_view line;
      while (lines.next(line)) {
        if (line.problem == error_code::ok) noted.add_line({line.data, line.size}, line.offset);
      }
      if (lines.ok()) index = std::move(noted);
    }
    bulk = std::make_unique<detail::bulk_stitcher>(std::move(index));
  }

  bool next_document(document_view& out) {
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
    if (got && out.problem == error_code::ok && mapped) {
      pad_mapped(out);
    } else if (got && out.problem == error_code::ok) {
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

namespace {
// How the reader's options read its bytes: a part of an NDJSON input
// (ndjson_continuation) is never tested for compression.
detail::source_options sourcing(const reader_options& opts) {
  return {opts.map_files, !opts.ndjson_continuation};
}
}  // namespace

reader reader::open_file(const std::string& path, reader_options opts) {
  if (path == "-") return from_fd(0, opts);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    auto p = std::make_unique<impl>(nullptr, opts);
    p->fail_open();
    return reader(std::move(p));
  }
  // Only a regular file can be read a second time (a bulk export's first
  // pass): a FIFO named by a path (`<(zcat ...)`) would be drained by it.
  struct stat st {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  auto p = std::make_unique<impl>(detail::open_source(fd, true, sourcing(opts)), opts);
  if (regular) p->path = path;
  return reader(std::move(p));
}

reader reader::from_fd(int fd, reader_options opts) {
  return reader(std::make_unique<impl>(detail::open_source(fd, false, sourcing(opts)), opts));
}

reader reader::from_memory(std::string_view bytes, reader_options opts) {
  if (auto source = detail::open_memory(bytes.data(), bytes.size(), sourcing(opts))) {
    auto p = std::make_unique<impl>(std::move(source), opts);
    p->memory = bytes;
    return reader(std::move(p));
  }
  // Compressed: decompressed from a memory file, as from a file.
  const int fd = ::memfd_create("ordernorm-compressed", MFD_CLOEXEC);
  std::size_t done = 0;
  while (fd >= 0 && done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  if (fd < 0 || done < bytes.size() || ::lseek(fd, 0, SEEK_SET) != 0) {
    const std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    auto p = std::make_unique<impl>(nullptr, opts);
    p->fail_open("cannot hold the compressed bytes in a memory file: " + why);
    return reader(std::move(p));
  }
  return reader(std::make_unique<impl>(detail::open_source(fd, true, sourcing(opts)), opts));
}

bool reader::ok() const noexcept { return impl_->error.code == error_code::ok; }
const record_error& reader::error() const noexcept { return impl_->error; }
reader::layout reader::input_layout() const noexcept { return impl_->kind; }
bool reader::bulk_export() const noexcept { return impl_->bulk != nullptr; }
std::uint64_t reader::bytes_read() const noexcept {
  return impl_->source ? impl_->source->raw_bytes_read() : 0;
}

bool reader::next(document_view& out) { return impl_->next(out); }

record_error reader::problem(const document_view& doc) const {
  record_error e;
  e.code = doc.problem;
  e.byte_offset = doc.offset;
  if (doc.problem == error_code::invalid_json || doc.problem == error_code::missing_parent) {
    e.message = impl_->problem_message;
  } else if (doc.element) {
    e.message = detail::record_too_large_message("record", doc.size, impl_->opts.max_record_bytes);
  } else if (impl_->kind == layout::ndjson) {
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
