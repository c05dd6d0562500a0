#include "json_structure.hpp"

namespace ordernorm::detail {
namespace {

bool starts_scalar(char c) {
  return c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
}

}  // namespace

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
