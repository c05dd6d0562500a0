// Exact decimal money, and ISO 4217 minor units.
//
// A `decimal` is `units * 10^-scale` with a 64-bit signed `units` and a scale
// of 0-18. It is parsed from the token's text, never through a double, so
// "10.0000", 165, 15.5 and -404.4 are held exactly. Anything that cannot be
// held exactly is an error, never a rounded number.
//
//   auto d = ordernorm::decimal::parse("15.5");      // units 155, scale 1
//   char buf[ordernorm::decimal::max_chars];
//   std::string_view s = d->format(buf, ordernorm::currency_minor_units("USD"));  // "15.50"
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ordernorm/error.hpp"
#include "ordernorm/export.hpp"

namespace ordernorm {

class ORDERNORM_API decimal {
 public:
  static constexpr int max_scale = 18;
  // Longest text format() writes: sign, 19 digits, point, padding zeros.
  static constexpr std::size_t max_chars = 48;

  constexpr decimal() noexcept = default;
  constexpr decimal(std::int64_t units, int scale) noexcept
      : units_(units), scale_(static_cast<std::uint8_t>(scale)) {}

  // Parses a JSON number's text or a decimal string: optional '-', digits,
  // optional '.' and digits, optional exponent (e/E, sign, digits).
  // Accepted: "199.00", "10.0000", "165", "15.5", "-404.4", "0.0", "1.5e2", "-0".
  // Errors: invalid_money for anything else ("", " 1", "1,5", "+1", "1.",
  // ".5", "0x10", "NaN", "1e"); money_out_of_range when the value needs more
  // than 19 significant digits or a scale outside 0-18 (trailing zeros of the
  // fraction are dropped first, so "1.000000000000000000000" is fine).
  static result<decimal> parse(std::string_view text) noexcept;

  constexpr std::int64_t units() const noexcept { return units_; }
  constexpr int scale() const noexcept { return scale_; }

  // Exact sum; money_out_of_range on overflow.
  static result<decimal> add(decimal a, decimal b) noexcept;

  // Writes the value into `out` (at least max_chars bytes) and returns the
  // text written. With minor_units >= 0 the fraction is padded with zeros or
  // stripped of trailing zeros to exactly minor_units digits, but a non-zero
  // digit is never dropped: 10.005 with USD stays "10.005" rather than being
  // rounded. With minor_units < 0 (unknown currency) the source's digits are
  // kept as parsed. Minus zero is written without its sign.
  std::string_view format(char* out, int minor_units) const noexcept;

  // Numeric equality: 1.50 == 1.5.
  friend ORDERNORM_API bool operator==(decimal a, decimal b) noexcept;

 private:
  std::int64_t units_ = 0;
  std::uint8_t scale_ = 0;
};

// A line quantity: an exact decimal (2, 1.5, 0.25 kg), parsed from the
// token's text like money and never through a double. It is held in lowest
// terms (no trailing zeros in the fraction: "2.0" is 2), so that a whole
// quantity has scale 0; format() writes it as a JSON number: "2", "1.5".
//
//   auto q = ordernorm::quantity::parse("1.50");  // value 1.5, not whole
class quantity {
 public:
  constexpr quantity() noexcept = default;
  constexpr explicit quantity(std::int64_t whole) noexcept : value_(whole, 0) {}

  // `d` in lowest terms.
  static constexpr quantity of(decimal d) noexcept {
    std::int64_t units = d.units();
    int scale = d.scale();
    while (scale > 0 && units % 10 == 0) {
      units /= 10;
      --scale;
    }
    quantity q;
    q.value_ = decimal(units, scale);
    return q;
  }

  // decimal::parse's grammar and errors ("2", "1.5", "2.0", "1e1").
  static result<quantity> parse(std::string_view text) noexcept {
    result<decimal> d = decimal::parse(text);
    if (!d) return d.error();
    return of(*d);
  }

  constexpr decimal value() const noexcept { return value_; }
  constexpr bool is_whole() const noexcept { return value_.scale() == 0; }

  // Writes "2", "-3", "1.5" into `out` (at least decimal::max_chars bytes).
  std::string_view format(char* out) const noexcept { return value_.format(out, -1); }

  // Both sides are in lowest terms, so equal values have equal digits.
  friend constexpr bool operator==(quantity a, quantity b) noexcept {
    return a.value_.units() == b.value_.units() && a.value_.scale() == b.value_.scale();
  }
  friend constexpr bool operator==(quantity a, std::int64_t whole) noexcept {
    return a.is_whole() && a.value_.units() == whole;
  }

 private:
  decimal value_;
};

// ISO 4217 minor units of a currency code ("USD" 2, "JPY" 0, "KWD" 3,
// "CLF" 4), or -1 when the code is not an active ISO 4217 code. Exact match
// on upper-case letters.
ORDERNORM_API int currency_minor_units(std::string_view iso_code) noexcept;

}  // namespace ordernorm
