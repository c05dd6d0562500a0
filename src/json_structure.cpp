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
    // Compared in line: a libc memcmp call per literal cost 3% of a run.
    const auto left = end - p;
    const bool ok = *p == 't' ? left >= 4 && p[1] == 'r' && p[2] == 'u' && p[3] == 'e'
                    : *p == 'f'
                        ? left >= 5 && p[1] == 'a' && p[2] == 'l' && p[3] == 's' && p[4] == 'e'
                        : left >= 4 && p[1] == 'u' && p[2] == 'l' && p[3] == 'l';
    if (!ok) return "not true, false or null";
    p += *p == 'f' ? 5 : 4;
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
  // One block per place in the grammar, joined by goto as simdjson's stage
  // 2 is: each block's branches see one kind of token, so they predict well
  // (--strict runs this on every record; ~2x faster than a switch over an
  // `expect` state). in_object_ holds 1 per open object, 0 per open array.
  in_object_.clear();
  const std::size_t n = tokens.size();
  std::size_t k = first;
  char c = 0;

value:  // a value at k
  if (k >= n) goto text_ended;
  c = text[tokens[k]];
  if (c == '{') goto object_begin;
  if (c == '[') goto array_begin;
  if (!starts_scalar(c)) return {false, k, "a value"};
  if constexpr (Scalars) {
    // The first bad scalar is noted, and the walk goes on to tell whether
    // the structure is sound (whether the document can be read on past
    // the value).
    if (c != '"' && scalar_fault->problem[0] == '\0') {
      const char* end = text + (k + 1 < n ? tokens[k + 1] : size);
      if (const char* problem = bad_scalar(text + tokens[k], end)) {
        scalar_fault->token = k;
        scalar_fault->problem = problem;
      }
    }
  }
  ++k;
  goto after_value;

object_begin:  // k is at '{'
  in_object_.push_back(1);
  if (++k == n) goto text_ended;
  c = text[tokens[k]];
  if (c == '}') {
    ++k;
    goto closed;
  }
  goto key;

object_next:  // after ',' in an object
  if (k == n) goto text_ended;
  c = text[tokens[k]];
key:  // c is the token at k
  if (c != '"') return {false, k, "a key (a string)"};
  if (++k == n) goto text_ended;
  if (text[tokens[k]] != ':') return {false, k, "':' after a key"};
  ++k;
  goto value;

array_begin:  // k is at '['
  in_object_.push_back(0);
  if (++k == n) goto text_ended;
  if (text[tokens[k]] == ']') {
    ++k;
    goto closed;
  }
  goto value;

closed:  // a container was closed
  in_object_.pop_back();
after_value:
  if (in_object_.empty()) return {true, k, ""};
  if (k == n) goto text_ended;
  c = text[tokens[k]];
  if (c == ',') {
    ++k;
    if (in_object_.back() != 0) goto object_next;
    goto value;
  }
  if (in_object_.back() != 0) {
    if (c != '}') return {false, k, "',' or '}'"};
  } else if (c != ']') {
    return {false, k, "',' or ']'"};
  }
  ++k;
  goto closed;

text_ended:
  return {false, n, in_object_.empty() ? "a value" : "the rest of the value"};
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
    // Up to where the next token starts: a value that is one string ends
    // there, not one byte past its opening quote.
    const char* stop = stop_token < tokens.size() ? text + tokens[stop_token] : text + size;
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
