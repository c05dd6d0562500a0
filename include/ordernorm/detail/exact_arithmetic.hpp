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

// `amount / q` for a quantity that may be fractional ("4.50" / 1.5 =
// "3.00"), under the same rule: exact, or nothing. amount / (u * 10^-s) is
// (amount * 10^s) / u, computed at the amount's scale (as for a whole
// quantity, s = 0) when its units can take the factor, else at a smaller one.
constexpr std::optional<decimal> exact_quotient(decimal amount, quantity q) noexcept {
  const decimal d = q.value();
  std::int64_t units = amount.units();
  int s = 0;
  while (s < d.scale() && !__builtin_mul_overflow(units, std::int64_t{10}, &units)) ++s;
  if (s == d.scale()) return exact_quotient(decimal(units, amount.scale()), d.units());
  // The units overflow: spend the amount's fraction digits first (1.00 /
  // 0.125 = 100 / 12.5 = 1000 / 125), then scale up only what is left.
  if (d.scale() <= amount.scale()) {
    return exact_quotient(decimal(amount.units(), amount.scale() - d.scale()), d.units());
  }
  units = amount.units();
  for (int i = amount.scale(); i < d.scale(); ++i) {
    if (__builtin_mul_overflow(units, std::int64_t{10}, &units)) return std::nullopt;
  }
  return exact_quotient(decimal(units, 0), d.units());
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
