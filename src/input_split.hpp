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

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ordernorm::detail {

inline bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

namespace scan_block {

// One 64-byte block as bit masks, bit i for byte i.
struct masks {
  std::uint64_t quote = 0;
  std::uint64_t backslash = 0;
  std::uint64_t open = 0;   // `{` or `[`
  std::uint64_t close = 0;  // `}` or `]`
};

#if defined(__SSE2__)
inline std::uint64_t bits16(__m128i eq, int chunk) {
  return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(eq)))
         << (16 * chunk);
}

inline masks classify(const char* b) noexcept {
  // `{` `[` and `}` `]` differ only in bit 0x20: one compare each after setting it.
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i open = _mm_set1_epi8('{');
  const __m128i close = _mm_set1_epi8('}');
  masks m;
  for (int i = 0; i < 4; ++i) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 16 * i));
    const __m128i folded = _mm_or_si128(v, case_bit);
    m.quote |= bits16(_mm_cmpeq_epi8(v, quote), i);
    m.backslash |= bits16(_mm_cmpeq_epi8(v, backslash), i);
    m.open |= bits16(_mm_cmpeq_epi8(folded, open), i);
    m.close |= bits16(_mm_cmpeq_epi8(folded, close), i);
  }
  return m;
}

// Where a bare token ends: whitespace, `{`, `[` or `"`.
inline std::uint64_t bare_ends(const char* b) noexcept {
  std::uint64_t m = 0;
  for (int i = 0; i < 4; ++i) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 16 * i));
    __m128i e =
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    e = _mm_or_si128(e, _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
    e = _mm_or_si128(e, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
    e = _mm_or_si128(e, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    e = _mm_or_si128(e, _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('{')));
    m |= bits16(e, i);
  }
  return m;
}
#else
// Portable fallback: the same masks, a byte at a time.
inline masks classify(const char* b) noexcept {
  masks m;
  for (int i = 0; i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    switch (b[i]) {
      case '"':
        m.quote |= bit;
        break;
      case '\\':
        m.backslash |= bit;
        break;
      case '{':
      case '[':
        m.open |= bit;
        break;
      case '}':
      case ']':
        m.close |= bit;
        break;
      default:
        break;
    }
  }
  return m;
}

inline std::uint64_t bare_ends(const char* b) noexcept {
  std::uint64_t m = 0;
  for (int i = 0; i < 64; ++i) {
    const char c = b[i];
    if (is_json_space(c) || c == '{' || c == '[' || c == '"') m |= std::uint64_t{1} << i;
  }
  return m;
}
#endif

// Bit i set when byte i follows an odd run of backslashes (simdjson's stage 1
// trick: add the run starts to the runs to find where each run ends, parity
// from whether it started on an even or odd bit). `carry` says byte 0 is
// escaped, and comes back saying whether the byte after bit 63 is.
inline std::uint64_t escaped_bytes(std::uint64_t backslash, bool& carry) noexcept {
  const std::uint64_t in = carry ? 1 : 0;
  if (backslash == 0) {
    carry = false;
    return in;
  }
  constexpr std::uint64_t even_bits = 0x5555555555555555ULL;
  backslash &= ~in;  // an escaped backslash starts no run
  const std::uint64_t follows_escape = (backslash << 1) | in;
  const std::uint64_t odd_starts = backslash & ~even_bits & ~follows_escape;
  std::uint64_t even_starts_ends = 0;
  carry = __builtin_add_overflow(odd_starts, backslash, &even_starts_ends);
  const std::uint64_t invert = even_starts_ends << 1;
  return (even_bits ^ invert) & follows_escape;
}

// Bit i: the XOR of bits 0..i (inside a string after byte i, from its quotes).
inline std::uint64_t prefix_xor(std::uint64_t x) noexcept {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

}  // namespace scan_block

// Finds the end of one value, possibly over several buffers: reset() at its
// first byte, then scan() each run of bytes in order.
//
// 64 bytes at a time: bit masks of quotes, backslashes and brackets, the
// string interiors from the unescaped quotes, then only the brackets outside
// strings are walked. Computes exactly what reference_value_scanner (the
// byte-at-a-time rule) does, which the tests and fuzz_value_scanner check.
class value_scanner {
 public:
  void reset() noexcept { *this = value_scanner{}; }

  // Scans [p, last), the value's bytes from its first one on. Returns one
  // past its last byte, or null when the value goes on past `last`.
  const char* scan(const char* p, const char* last) noexcept {
    if (p == last) return nullptr;
    if (!started_) {
      started_ = true;
      const char c = *p;
      bare_ = c != '{' && c != '[' && c != '"';
      if (bare_) return scan_bare(p, last);
      // From here depth 0 means a string value: it ends at its closing quote.
      if (c == '"') {
        in_string_ = true;
      } else {
        depth_ = 1;
      }
      ++p;
    }
    return bare_ ? scan_bare(p, last) : scan_nested(p, last);
  }

 private:
  static constexpr std::size_t block_size = 64;
  static constexpr int goes_on = -1;

  const char* scan_bare(const char* p, const char* last) noexcept {
    for (; static_cast<std::size_t>(last - p) >= block_size; p += block_size) {
      if (const std::uint64_t ends = scan_block::bare_ends(p)) return p + std::countr_zero(ends);
    }
    if (p == last) return nullptr;
    // The tail through a zeroed copy, so that nothing past `last` is read;
    // 0 ends no token.
    alignas(16) char tail[block_size] = {};
    std::memcpy(tail, p, static_cast<std::size_t>(last - p));
    const std::uint64_t ends = scan_block::bare_ends(tail);
    return ends != 0 ? p + std::countr_zero(ends) : nullptr;
  }

  const char* scan_nested(const char* p, const char* last) noexcept {
    for (; static_cast<std::size_t>(last - p) >= block_size; p += block_size) {
      const int at = nested_block(p, block_size);
      if (at != goes_on) return p + at + 1;
    }
    if (p == last) return nullptr;
    // Zero padding holds no quote, backslash or bracket: it changes nothing.
    const auto n = static_cast<std::size_t>(last - p);
    alignas(16) char tail[block_size] = {};
    std::memcpy(tail, p, n);
    const int at = nested_block(tail, n);
    return at != goes_on ? p + at + 1 : nullptr;
  }

  // The index of the value's last byte in the block's first n bytes, or
  // goes_on (state updated for the next block).
  int nested_block(const char* b, std::size_t n) noexcept {
    const scan_block::masks m = scan_block::classify(b);
    bool carry = escaped_;
    const std::uint64_t escaped = scan_block::escaped_bytes(m.backslash, carry);
    // In a partial block the run that decides the next byte ends at n - 1.
    if (n < block_size) carry = ((escaped >> n) & 1) != 0;
    const std::uint64_t quotes = m.quote & ~escaped;
    if (depth_ == 0) {
      // Inside a string value: its first unescaped quote closes it.
      if (quotes != 0) return std::countr_zero(quotes);
      escaped_ = carry;
      return goes_on;
    }
    const std::uint64_t in_string =
        scan_block::prefix_xor(quotes) ^ (in_string_ ? ~std::uint64_t{0} : 0);
    // A backslash escapes only inside a string: outside, the quote after an
    // odd run opens one. Never in JSON; garbage goes byte by byte.
    if ((m.quote & escaped & ~in_string) != 0) return scalar_block(b, n);
    std::uint64_t depth = depth_;
    for (std::uint64_t brackets = (m.open | m.close) & ~in_string; brackets != 0;
         brackets &= brackets - 1) {
      const std::uint64_t bit = brackets & (0 - brackets);
      if ((m.close & bit) != 0) {
        if (--depth == 0) return std::countr_zero(bit);
      } else {
        ++depth;
      }
    }
    depth_ = depth;
    in_string_ = (in_string >> 63) != 0;
    escaped_ = in_string_ && carry;  // a backslash run outside a string escapes nothing
    return goes_on;
  }

  // The reference rule over one block, from the state at its start.
  int scalar_block(const char* b, std::size_t n) noexcept {
    for (std::size_t i = 0; i != n; ++i) {
      const char c = b[i];
      if (in_string_) {
        if (escaped_) {
          escaped_ = false;
        } else if (c == '\\') {
          escaped_ = true;
        } else if (c == '"') {
          in_string_ = false;
          if (depth_ == 0) return static_cast<int>(i);
        }
      } else if (c == '"') {
        in_string_ = true;
      } else if (c == '{' || c == '[') {
        ++depth_;
      } else if ((c == '}' || c == ']') && --depth_ == 0) {
        return static_cast<int>(i);
      }
    }
    return goes_on;
  }

  std::uint64_t depth_ = 0;
  bool started_ = false;
  bool bare_ = false;
  bool in_string_ = false;
  bool escaped_ = false;  // inside a string, after an odd run of backslashes
};

// The byte-at-a-time rule that value_scanner computes 64 bytes at a time:
// the oracle of its tests, fuzz target and benchmark.
class reference_value_scanner {
 public:
  void reset() noexcept { *this = reference_value_scanner{}; }

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
