// The money parser: decimal::parse, format and add.
//
// The input is "A" or "A|B". Checks against a plain model of the header's
// contract, written here without the parser's code:
// - parse accepts exactly the grammar -?digits(.digits)?([eE][+-]?digits)?
//   (anything else is invalid_money);
// - a text in the grammar parses to its exact value when that value has at
//   most 19 significant digits, fits int64 at a scale of 0-18; otherwise it
//   is money_out_of_range;
// - format never drops a non-zero digit: parsing what it wrote gives the same
//   number, for every number of minor units;
// - add is exact (checked in 128 bits) and symmetric.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "common.hpp"

namespace {

using ordernorm::decimal;
using ordernorm::error_code;
__extension__ typedef __int128 int128;

bool digit(char c) { return c >= '0' && c <= '9'; }

// The value of a text in the grammar, as significant digits and a power of
// ten, or nothing when the text is not in the grammar.
struct model {
  bool in_grammar = false;
  bool negative = false;
  std::string significant;  // no leading or trailing zeros; empty for zero
  std::int64_t power = 0;   // value = significant * 10^power
};

model read_model(std::string_view s) {
  model m;
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') {
    m.negative = true;
    ++i;
  }
  std::string digits;
  const std::size_t int_begin = i;
  while (i < s.size() && digit(s[i])) digits += s[i++];
  if (i == int_begin) return m;
  std::int64_t fraction = 0;
  if (i < s.size() && s[i] == '.') {
    const std::size_t begin = ++i;
    while (i < s.size() && digit(s[i])) digits += s[i++];
    fraction = static_cast<std::int64_t>(i - begin);
    if (fraction == 0) return m;
  }
  std::int64_t exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) exponent_negative = s[i++] == '-';
    const std::size_t begin = i;
    // Saturate far beyond anything a fuzz input can bring back into range.
    while (i < s.size() && digit(s[i])) {
      if (exponent < 1'000'000'000'000) exponent = exponent * 10 + (s[i] - '0');
      ++i;
    }
    if (i == begin) return m;
    if (exponent_negative) exponent = -exponent;
  }
  if (i != s.size()) return m;
  m.in_grammar = true;
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return m;  // zero
  const std::size_t last = digits.find_last_not_of('0');
  m.significant = digits.substr(first, last - first + 1);
  m.power = exponent - fraction + static_cast<std::int64_t>(digits.size() - 1 - last);
  return m;
}

// The decimal the model says parse must give, or nothing when out of range.
std::optional<decimal> expected_value(const model& m) {
  if (m.significant.empty()) return decimal(0, 0);
  if (m.significant.size() > 19) return std::nullopt;
  int128 magnitude = 0;
  for (char c : m.significant) magnitude = magnitude * 10 + (c - '0');
  std::int64_t scale = 0;
  if (m.power >= 0) {
    if (m.power > 19) return std::nullopt;
    for (std::int64_t k = 0; k < m.power; ++k) magnitude *= 10;
  } else {
    scale = -m.power;
    if (scale > decimal::max_scale) return std::nullopt;
  }
  const int128 limit = m.negative ? int128{1} << 63 : (int128{1} << 63) - 1;
  if (magnitude > limit) return std::nullopt;
  const int128 units = m.negative ? -magnitude : magnitude;
  return decimal(static_cast<std::int64_t>(units), static_cast<int>(scale));
}

std::string describe(decimal d) {
  char buf[decimal::max_chars];
  return std::string(d.format(buf, -1)) + " (units " + std::to_string(d.units()) + ", scale " +
         std::to_string(d.scale()) + ")";
}

// Parses `text` and checks it against the model; returns the value if any.
std::optional<decimal> check_parse(std::string_view text) {
  const auto parsed = decimal::parse(text);
  const model m = read_model(text);
  const std::string shown(text);
  if (!m.in_grammar) {
    fuzz::check(parsed.error() == error_code::invalid_money,
                "a text outside the grammar is invalid_money", shown);
    return std::nullopt;
  }
  const auto expected = expected_value(m);
  if (!expected) {
    fuzz::check(parsed.error() == error_code::money_out_of_range,
                "a value that cannot be held exactly is money_out_of_range", shown);
    return std::nullopt;
  }
  fuzz::check(parsed.ok(), "a value that can be held exactly parses", shown);
  fuzz::check(*parsed == *expected, "parse gives the exact value",
              shown + " -> " + describe(*parsed) + ", expected " + describe(*expected));
  fuzz::check(parsed->scale() >= 0 && parsed->scale() <= decimal::max_scale, "scale is 0-18",
              shown);

  // Formatting never loses a digit, for any number of minor units.
  for (int minor : {-1, 0, 1, 2, 3, 4, 18, 30}) {
    char buf[decimal::max_chars];
    const std::string_view written = parsed->format(buf, minor);
    fuzz::check(written.size() <= decimal::max_chars, "format stays within max_chars", shown);
    const auto again = decimal::parse(written);
    fuzz::check(
        again.ok() && *again == *parsed, "parse(format(d)) == d",
        shown + " -> " + std::string(written) + " with minor units " + std::to_string(minor));
    if (minor >= 0) {
      const std::size_t point = written.find('.');
      const std::size_t fraction = point == std::string_view::npos ? 0 : written.size() - point - 1;
      fuzz::check(fraction >= static_cast<std::size_t>(std::min(minor, 18)) ||
                      fraction == static_cast<std::size_t>(parsed->scale()),
                  "format pads to the minor units", std::string(written));
    }
    fuzz::check(parsed->units() != 0 || written.front() != '-',
                "minus zero is written without its sign", std::string(written));
  }
  return *parsed;
}

int128 scaled(decimal d, int scale) {
  int128 v = d.units();
  for (int k = d.scale(); k < scale; ++k) v *= 10;
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_parse(text);
  const std::size_t bar = text.find('|');
  if (bar == std::string_view::npos) return 0;
  const auto a = check_parse(text.substr(0, bar));
  const auto b = check_parse(text.substr(bar + 1));
  if (!a || !b) return 0;

  const auto sum = decimal::add(*a, *b);
  const auto flipped = decimal::add(*b, *a);
  fuzz::check(sum.error() == flipped.error() && (!sum.ok() || *sum == *flipped), "add is symmetric",
              std::string(text));
  // The exact sum in 128 bits, at the larger scale.
  const int scale = std::max(a->scale(), b->scale());
  const int128 exact = scaled(*a, scale) + scaled(*b, scale);
  int128 reduced = exact;
  int reduced_scale = scale;
  while (reduced_scale > 0 && reduced % 10 == 0) {
    reduced /= 10;
    --reduced_scale;
  }
  const bool fits = reduced >= std::numeric_limits<std::int64_t>::min() &&
                    reduced <= std::numeric_limits<std::int64_t>::max();
  if (!fits) {
    fuzz::check(sum.error() == error_code::money_out_of_range,
                "a sum beyond int64 is money_out_of_range", std::string(text));
    return 0;
  }
  fuzz::check(sum.ok(), "a sum that fits is exact", std::string(text));
  fuzz::check(*sum == decimal(static_cast<std::int64_t>(reduced), reduced_scale), "add is exact",
              std::string(text) + " -> " + describe(*sum));
  return 0;
}
