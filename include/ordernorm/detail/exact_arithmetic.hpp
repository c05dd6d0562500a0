// Exact money arithmetic that the platform rules share (derived totals, unit
// prices from line totals). Never rounds: what cannot be exact is absent.
//
// Private to ordernorm.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>

#include "ordernorm/error.hpp"
#include "ordernorm/money.hpp"

namespace ordernorm::detail {

// `amount / divisor` when the quotient is a decimal of at most 18 fraction
// digits that fits; nothing otherwise ("10.00" / 3, or a divisor <= 0).
constexpr std::optional<decimal> exact_quotient(decimal amount, std::int64_t divisor) noexcept {
  if (divisor <= 0) return std::nullopt;
  constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  const bool negative = amount.units() < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount.units())
                                           : static_cast<std::uint64_t>(amount.units());
  const auto q = static_cast<std::uint64_t>(divisor);
  std::uint64_t quotient = magnitude / q;
  std::uint64_t rest = magnitude % q;
  int scale = amount.scale();
  while (rest != 0) {
    if (scale == decimal::max_scale || quotient > (max - 9) / 10 || rest > max / 10) {
      return std::nullopt;
    }
    rest *= 10;
    quotient = quotient * 10 + rest / q;
    rest %= q;
    ++scale;
  }
  if (quotient > max) return std::nullopt;
  const auto units = static_cast<std::int64_t>(quotient);
  return decimal(negative ? -units : units, scale);
}

constexpr decimal magnitude_of(decimal d) noexcept {
  return d.units() < 0 ? decimal(-d.units(), d.scale()) : d;
}

// Adds `part` to `sum` (unset: starts it); money_out_of_range on overflow.
inline error_code accumulate(std::optional<decimal>& sum, decimal part) noexcept {
  if (!sum) {
    sum = part;
    return error_code::ok;
  }
  result<decimal> r = decimal::add(*sum, part);
  if (!r) return r.error();
  sum = *r;
  return error_code::ok;
}

}  // namespace ordernorm::detail
