#include "json_structure.hpp"

#include <algorithm>
#include <cstring>

namespace ordernorm::detail {
namespace {

bool starts_scalar(char c) {
  return c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A number or literal token: `p` its first byte, `end` where the next token
// starts. Stage 1 starts a token at every byte that follows whitespace, so
// after the scalar comes whitespace only, or nothing. Null when it is
// valid, else what is wrong. Strings are not checked here (see bad_escape).
const char* bad_scalar(const char* p, const char* end) {
  if (*p == 't' || *p == 'f' || *p == 'n') {
    const char* word = *p == 't' ? "true" : *p == 'f' ? "false" : "null";
    const std::size_t n = std::strlen(word);
    if (static_cast<std::size_t>(end - p) < n || std::memcmp(p, word, n) != 0) {
      return "not true, false or null";
    }
    p += n;
  } else {
    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    if (p != end && *p == '-') ++p;
    if (p == end || !is_digit(*p)) return "no digit where one must be";
    if (*p++ == '0') {
      if (p != end && is_digit(*p)) return "a leading zero";
    } else {
      while (p != end && is_digit(*p)) ++p;
    }
    if (p != end && *p == '.') {
      if (++p == end || !is_digit(*p)) return "no digit after '.'";
      while (p != end && is_digit(*p)) ++p;
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
      if (++p != end && (*p == '+' || *p == '-')) ++p;
      if (p == end || !is_digit(*p)) return "no digit in the exponent";
      while (p != end && is_digit(*p)) ++p;
    }
  }
  if (p != end && !is_space(*p)) return "more after the value";
  return nullptr;
}

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The first bad escape in [p, end), or null. A backslash can only be in a
// string of a value that is otherwise valid (in a number or a literal, or
// starting a token, it fails those checks first), so one memchr over the
// whole value, not one per string, finds every escape: ~20x fewer calls on
// orders, whose strings are short.
const char* bad_escape(const char* p, const char* end) {
  while (p != end) {
    const void* found = std::memchr(p, '\\', static_cast<std::size_t>(end - p));
    if (found == nullptr) return nullptr;
    p = static_cast<const char*>(found);
    if (end - p < 2) return p;
    switch (p[1]) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        p += 2;
        continue;
      case 'u':
        if (end - p < 6 || !is_hex(p[2]) || !is_hex(p[3]) || !is_hex(p[4]) || !is_hex(p[5])) {
          return p;
        }
        p += 6;
        continue;
      default:
        return p;
    }
  }
  return nullptr;
}

// How many '{' and '[' bytes [p, p + n) holds, strings included: at least
// the depth of any nesting in it. Counted in blocks small enough for 8-bit
// lanes, so that the compiler vectorizes it (AVX2 where the CPU has it).
__attribute__((target_clones("avx2", "default"))) std::size_t count_openers(const char* p,
                                                                            std::size_t n) {
  std::size_t total = 0;
  while (n > 0) {
    const std::size_t block = n < 255 ? n : 255;
    std::uint8_t count = 0;
    for (std::size_t i = 0; i < block; ++i) {
      count = static_cast<std::uint8_t>(count + ((p[i] == '{') | (p[i] == '[')));
    }
    total += count;
    p += block;
    n -= block;
  }
  return total;
}

}  // namespace

void find_deeper_than(const char* text, std::size_t size, std::span<const std::uint32_t> tokens,
                      std::size_t limit, std::vector<const char*>& out) {
  if (tokens.size() / 2 <= limit) return;
  // Ordinary orders of more than 2 x limit tokens (a 10 KB Shopify order
  // has ~2,500) hold far fewer brackets than that: a byte count, ~5x
  // cheaper than walking the tokens, tells.
  if (count_openers(text, size) <= limit) return;
  std::size_t depth = 0;
  for (const std::uint32_t i : tokens) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      if (++depth == limit + 1) out.push_back(text + i);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
}

template <bool Scalars>
structure_check structure_checker::walk(const char* text, std::size_t size,
                                        std::span<const std::uint32_t> tokens, std::size_t first,
                                        strict_check* scalar_fault) {
  // What the next token may be. A value may also close an empty array right
  // after its '[' (value_or_close), a key an empty object after its '{'.
  enum class expect { value, value_or_close, key, key_or_close, colon, comma_or_close };
  in_object_.clear();
  expect next = expect::value;
  for (std::size_t k = first; k < tokens.size(); ++k) {
    const char c = text[tokens[k]];
    switch (next) {
      case expect::value:
      case expect::value_or_close:
        if (c == '{') {
          in_object_.push_back(true);
          next = expect::key_or_close;
          continue;
        }
        if (c == '[') {
          in_object_.push_back(false);
          next = expect::value_or_close;
          continue;
        }
        if (c == ']' && next == expect::value_or_close) break;  // closes, below
        if (!starts_scalar(c)) return {false, k, "a value"};
        if constexpr (Scalars) {
          // The first bad scalar is noted, and the walk goes on to tell
          // whether the structure is sound (whether the document can be
          // read on past the value).
          if (c != '"' && scalar_fault->problem[0] == '\0') {
            const char* end = text + (k + 1 < tokens.size() ? tokens[k + 1] : size);
            if (const char* problem = bad_scalar(text + tokens[k], end)) {
              scalar_fault->token = k;
              scalar_fault->problem = problem;
            }
          }
        }
        if (in_object_.empty()) return {true, k + 1, ""};
        next = expect::comma_or_close;
        continue;
      case expect::key:
      case expect::key_or_close:
        if (c == '"') {
          next = expect::colon;
          continue;
        }
        if (c == '}' && next == expect::key_or_close) break;  // closes, below
        return {false, k, "a key (a string)"};
      case expect::colon:
        if (c != ':') return {false, k, "':' after a key"};
        next = expect::value;
        continue;
      case expect::comma_or_close:
        if (c == ',') {
          next = in_object_.back() ? expect::key : expect::value;
          continue;
        }
        if (c != (in_object_.back() ? '}' : ']')) {
          return {false, k, in_object_.back() ? "',' or '}'" : "',' or ']'"};
        }
        break;  // closes, below
    }
    // `c` closed the innermost container.
    in_object_.pop_back();
    if (in_object_.empty()) return {true, k + 1, ""};
    next = expect::comma_or_close;
  }
  return {false, tokens.size(), in_object_.empty() ? "a value" : "the rest of the value"};
}

structure_check structure_checker::check_value(const char* text,
                                               std::span<const std::uint32_t> tokens,
                                               std::size_t first) {
  return walk<false>(text, 0, tokens, first, nullptr);
}

strict_check structure_checker::check_value_strict(const char* text, std::size_t size,
                                                   std::span<const std::uint32_t> tokens,
                                                   std::size_t first) {
  strict_check out;
  out.structure = walk<true>(text, size, tokens, first, &out);
  // The first failure, by token: a bad scalar, or where the structure broke.
  if (!out.structure.ok && (out.problem[0] == '\0' || out.structure.token < out.token)) {
    out.token = out.structure.token;
    out.problem = out.structure.expected;
  }
  const bool failed = out.problem[0] != '\0';
  // Escapes, up to the failure or the value's end: a bad one before the
  // failing token comes first (one inside it is that token's fault anyway).
  const std::size_t stop_token = failed ? out.token : out.structure.token;
  if (first < tokens.size()) {
    const char* begin = text + tokens[first];
    const char* stop = failed
                           ? (stop_token < tokens.size() ? text + tokens[stop_token] : text + size)
                           : text + tokens[stop_token - 1] + 1;
    if (const char* escape = bad_escape(begin, stop)) {
      // The string it is in: the last token at or before it.
      const auto at = static_cast<std::uint32_t>(escape - text);
      const auto after =
          std::upper_bound(tokens.begin() + static_cast<std::ptrdiff_t>(first), tokens.end(), at);
      out.token = static_cast<std::size_t>(after - tokens.begin()) - 1;
      out.problem = "a valid escape";
      out.escape = escape;
      return out;
    }
  }
  out.ok = !failed;
  return out;
}

}  // namespace ordernorm::detail
