// Where top-level JSON values end in a stream of documents separated by
// whitespace (jq's output, pretty-printed or not) or glued together
// (`{...}{...}`): one rule for the reader, which splits such a stream, and
// for the converter and the tracker, which split the rest of an NDJSON line
// or RS text that holds more than one document.
//
// A value that starts with `{` or `[` ends at the bracket that brings the
// nesting back to zero, counting brackets outside strings (of any kind: a
// mismatched one is the converter's to report); one that starts with `"`
// ends at its closing quote; anything else (a number, a literal, garbage) is
// a bare token that ends at whitespace or where a string, object or array
// starts. No value is validated here: the converter says what is wrong with
// each, so that garbage between documents is a counted reject, not lost.
//
// Private to ordernorm (src/ only).
#pragma once

#include <cstdint>

namespace ordernorm::detail {

inline bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Finds the end of one value, possibly over several buffers: reset() at its
// first byte, then scan() each run of bytes in order.
class value_scanner {
 public:
  void reset() noexcept { *this = value_scanner{}; }

  // Scans [p, last), the value's bytes from its first one on. Returns one
  // past its last byte, or null when the value goes on past `last`.
  const char* scan(const char* p, const char* last) noexcept {
    if (p == last) return nullptr;
    if (!started_) {
      started_ = true;
      bare_ = *p != '{' && *p != '[' && *p != '"';
    }
    if (bare_) {
      for (; p != last; ++p) {
        const char c = *p;
        if (is_json_space(c) || c == '{' || c == '[' || c == '"') return p;
      }
      return nullptr;
    }
    for (; p != last; ++p) {
      const char c = *p;
      if (in_string_) {
        if (escaped_) {
          escaped_ = false;
        } else if (c == '\\') {
          escaped_ = true;
        } else if (c == '"') {
          in_string_ = false;
          if (depth_ == 0) return p + 1;
        }
      } else if (c == '"') {
        in_string_ = true;
      } else if (c == '{' || c == '[') {
        ++depth_;
      } else if ((c == '}' || c == ']') && --depth_ == 0) {
        return p + 1;
      }
    }
    return nullptr;
  }

 private:
  std::uint64_t depth_ = 0;
  bool started_ = false;
  bool bare_ = false;
  bool in_string_ = false;
  bool escaped_ = false;
};

// The end of the value that starts at `first` (not whitespace), or `last`
// when it does not end before.
inline const char* value_end(const char* first, const char* last) noexcept {
  value_scanner s;
  const char* end = s.scan(first, last);
  return end != nullptr ? end : last;
}

// Calls f(begin, end) for each value in [p, last), in order, whitespace
// between them skipped.
template <class F>
void for_each_value(const char* p, const char* last, F&& f) {
  for (;;) {
    while (p != last && is_json_space(*p)) ++p;
    if (p == last) return;
    const char* end = value_end(p, last);
    f(p, end);
    p = end;
  }
}

}  // namespace ordernorm::detail
