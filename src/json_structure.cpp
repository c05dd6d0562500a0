#include "json_structure.hpp"

namespace ordernorm::detail {
namespace {

bool starts_scalar(char c) {
  return c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
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

structure_check structure_checker::check_value(const char* text,
                                               std::span<const std::uint32_t> tokens,
                                               std::size_t first) {
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

}  // namespace ordernorm::detail
