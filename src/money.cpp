// Exact decimal money and ISO 4217 minor units.
//
// parse() runs for every money field of every order, so it is one pass over
// the bytes into a uint64 with overflow checks: no floating point, no
// allocation, no exceptions.
//
// Decisions beyond what the header states:
// - Leading zeros are accepted ("007" is 7, "00.50" is 0.50): the header's
//   grammar says "digits", the value is unambiguous, and a JSON parser has
//   already rejected them in number tokens, so they only come from strings.
// - -9223372036854775808 (INT64_MIN) is accepted exactly; format() writes it
//   back unchanged. Only the magnitude limit depends on the sign.
// - Syntax is checked over the whole text first: "1...1x" is invalid_money
//   even when the digits alone would be out of range.
// - Significant digits (without leading and trailing zeros) must fit in
//   int64, whatever the exponent; otherwise money_out_of_range.
// - The scale kept is the source's (fraction digits minus exponent), clamped
//   to 0-18. Trailing zeros are dropped only as far as needed to fit the
//   scale or the int64 ("9223372036854775807.0" is held at scale 0).
// - Zero is exact at any exponent: "0e999999999999" parses to 0.
// - Exponent digits saturate instead of overflowing; any exponent that large
//   is out of range for a non-zero value.
// - add() keeps the larger scale; if the exact sum only fits by dropping its
//   trailing zeros, they are dropped (as parse does) rather than failing.
// - format() writes at most 18 fraction digits: a larger minor_units is
//   treated as 18, which keeps the worst case ("-9223372036854775808" plus
//   18 zeros) at 39 bytes, within max_chars.
// - A decimal built directly with a scale above 18 breaks the class
//   invariant; format() then writes "<units>e-<scale>" (exact, short), add()
//   returns money_out_of_range, and == still compares numerically.
#include "ordernorm/money.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

namespace ordernorm {
namespace {

__extension__ typedef __int128 int128;  // only on add()'s overflow path

constexpr std::uint64_t powers_of_10[20] = {
    1ULL,
    10ULL,
    100ULL,
    1'000ULL,
    10'000ULL,
    100'000ULL,
    1'000'000ULL,
    10'000'000ULL,
    100'000'000ULL,
    1'000'000'000ULL,
    10'000'000'000ULL,
    100'000'000'000ULL,
    1'000'000'000'000ULL,
    10'000'000'000'000ULL,
    100'000'000'000'000ULL,
    1'000'000'000'000'000ULL,
    10'000'000'000'000'000ULL,
    100'000'000'000'000'000ULL,
    1'000'000'000'000'000'000ULL,
    10'000'000'000'000'000'000ULL,
};

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

// Largest magnitude of units by sign: -2^63 fits, +2^63 does not.
constexpr std::uint64_t max_positive = static_cast<std::uint64_t>(int64_max);
constexpr std::uint64_t max_negative = max_positive + 1;

// Exponent digits stop accumulating here. Any larger exponent already moves
// a non-zero value out of range (texts are far shorter than 10^17 bytes), and
// it keeps the scale arithmetic below in int64.
constexpr std::int64_t exponent_cap = 100'000'000'000'000'000;

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }  // ASCII only

constexpr std::int64_t to_units(std::uint64_t magnitude, bool negative) {
  // Modular conversion (C++20) maps 2^63 to INT64_MIN.
  return static_cast<std::int64_t>(negative ? 0 - magnitude : magnitude);
}

constexpr std::uint64_t magnitude_of(std::int64_t units) {
  const auto u = static_cast<std::uint64_t>(units);
  return units < 0 ? 0 - u : u;
}

// Writes "<units>e-<scale>" for a decimal whose scale breaks the invariant.
std::string_view format_exponent(char* out, std::int64_t units, int scale) {
  char tmp[32];  // "-9223372036854775808e-255" is 25 bytes
  char* const tmp_end = tmp + sizeof tmp;
  char* t = tmp_end;
  auto write_number = [&](std::uint64_t n) {
    do {
      *--t = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n != 0);
  };
  write_number(static_cast<std::uint64_t>(scale));
  *--t = '-';
  *--t = 'e';
  write_number(magnitude_of(units));
  if (units < 0) *--t = '-';
  char* const o = std::copy(t, tmp_end, out);
  return {out, static_cast<std::size_t>(o - out)};
}

}  // namespace

result<decimal> decimal::parse(std::string_view text) noexcept {
  const char* p = text.data();
  const char* const end = p + text.size();

  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  const std::uint64_t limit = negative ? max_negative : max_positive;

  // Digits are read as core * 10^pending_zeros: zeros are only multiplied in
  // when a non-zero digit follows, so trailing zeros never overflow.
  std::uint64_t core = 0;
  std::int64_t pending_zeros = 0;
  bool too_many_digits = false;
  auto take = [&](char c) {
    const unsigned digit = static_cast<unsigned>(c - '0');
    if (digit == 0) {
      if (core != 0) ++pending_zeros;  // leading zeros are not significant
      return;
    }
    if (too_many_digits) return;
    std::uint64_t shifted = 0;
    if (pending_zeros >= 19 ||
        __builtin_mul_overflow(core, powers_of_10[pending_zeros + 1], &shifted) ||
        shifted > limit - digit) {
      too_many_digits = true;
      return;
    }
    core = shifted + digit;
    pending_zeros = 0;
  };

  const char* const int_begin = p;
  while (p != end && is_digit(*p)) take(*p++);
  if (p == int_begin) return error_code::invalid_money;

  std::int64_t fraction_digits = 0;
  if (p != end && *p == '.') {
    const char* const fraction_begin = ++p;
    while (p != end && is_digit(*p)) take(*p++);
    fraction_digits = p - fraction_begin;
    if (fraction_digits == 0) return error_code::invalid_money;
  }

  std::int64_t exponent = 0;
  if (p != end && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool exponent_negative = p != end && *p == '-';
    if (p != end && (*p == '+' || *p == '-')) ++p;
    const char* const exponent_begin = p;
    for (; p != end && is_digit(*p); ++p) {
      if (exponent < exponent_cap) exponent = exponent * 10 + (*p - '0');
    }
    if (p == exponent_begin) return error_code::invalid_money;
    if (exponent_negative) exponent = -exponent;
  }
  if (p != end) return error_code::invalid_money;
  if (too_many_digits) return error_code::money_out_of_range;

  // The scale the text was written with.
  const std::int64_t source_scale = fraction_digits - exponent;
  if (core == 0) {
    return decimal(0, static_cast<int>(std::clamp<std::int64_t>(source_scale, 0, max_scale)));
  }

  // value = core * 10^shift; the smallest scale that holds it exactly is -shift.
  const std::int64_t shift = pending_zeros - source_scale;
  const std::int64_t min_scale = shift < 0 ? -shift : 0;
  if (min_scale > max_scale) return error_code::money_out_of_range;
  std::int64_t scale = std::max(min_scale, std::min<std::int64_t>(source_scale, max_scale));
  for (;;) {
    const std::int64_t zeros = scale + shift;  // >= 0 because scale >= min_scale
    std::uint64_t magnitude = 0;
    if (zeros < 19 && !__builtin_mul_overflow(core, powers_of_10[zeros], &magnitude) &&
        magnitude <= limit) {
      return decimal(to_units(magnitude, negative), static_cast<int>(scale));
    }
    if (scale == min_scale) return error_code::money_out_of_range;
    --scale;  // drop one trailing zero
  }
}

result<decimal> decimal::add(decimal a, decimal b) noexcept {
  if (a.scale_ > max_scale || b.scale_ > max_scale) return error_code::money_out_of_range;
  int scale = std::max(a.scale_, b.scale_);
  const auto a_factor = static_cast<std::int64_t>(powers_of_10[scale - a.scale_]);
  const auto b_factor = static_cast<std::int64_t>(powers_of_10[scale - b.scale_]);

  std::int64_t x = 0;
  std::int64_t y = 0;
  std::int64_t sum = 0;
  if (!__builtin_mul_overflow(a.units_, a_factor, &x) &&
      !__builtin_mul_overflow(b.units_, b_factor, &y) && !__builtin_add_overflow(x, y, &sum)) {
    return decimal(sum, scale);
  }

  // Rare: the exact sum at this scale exceeds int64. |sum| < 2^64 * 10^18,
  // well within int128; drop trailing zeros while that makes it fit.
  int128 exact =
      static_cast<int128>(a.units_) * a_factor + static_cast<int128>(b.units_) * b_factor;
  while (exact > int64_max || exact < int64_min) {
    if (scale == 0 || exact % 10 != 0) return error_code::money_out_of_range;
    exact /= 10;
    --scale;
  }
  return decimal(static_cast<std::int64_t>(exact), scale);
}

std::string_view decimal::format(char* out, int minor_units) const noexcept {
  const int scale = scale_;
  if (scale > max_scale) return format_exponent(out, units_, scale);

  // All digits, right-aligned and zero-padded to at least scale + 1 so that
  // the integer part is never empty ("0.05").
  char digits[24];
  char* const digits_end = digits + sizeof digits;
  char* first = digits_end;
  std::uint64_t magnitude = magnitude_of(units_);
  do {
    *--first = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  while (digits_end - first < scale + 1) *--first = '0';
  const char* const point = digits_end - scale;  // first fraction digit

  int fraction = scale;
  if (minor_units >= 0) {
    int significant = scale;  // trailing zeros may go, other digits never
    while (significant > 0 && point[significant - 1] == '0') --significant;
    fraction = std::max(significant, std::min(minor_units, static_cast<int>(max_scale)));
  }

  char* o = out;
  if (units_ < 0) *o++ = '-';  // never for zero, so never "-0"
  o = std::copy(static_cast<const char*>(first), point, o);
  if (fraction > 0) {
    *o++ = '.';
    const int kept = std::min(fraction, scale);
    o = std::copy(point, point + kept, o);
    o = std::fill_n(o, fraction - kept, '0');
  }
  return {out, static_cast<std::size_t>(o - out)};
}

bool operator==(decimal a, decimal b) noexcept {
  if (a.scale_ == b.scale_) return a.units_ == b.units_;
  if (a.scale_ > b.scale_) std::swap(a, b);
  if (a.units_ == 0) return b.units_ == 0;
  // Rescale a to b's scale. If that overflows int64, |a| is beyond anything
  // b.units_ can hold at that scale, so they differ.
  const int diff = b.scale_ - a.scale_;
  if (diff > 18) return false;  // |a.units_| * 10^19 exceeds int64
  std::int64_t rescaled = 0;
  if (__builtin_mul_overflow(a.units_, static_cast<std::int64_t>(powers_of_10[diff]), &rescaled)) {
    return false;
  }
  return rescaled == b.units_;
}

namespace {

struct currency {
  std::uint32_t key;  // the three letters packed big-endian, so keys sort like codes
  std::int8_t minor_units;
};

constexpr std::uint32_t pack(char a, char b, char c) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(a)) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b)) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(c));
}

constexpr currency entry(const char (&code)[4], int minor_units) {
  return {pack(code[0], code[1], code[2]), static_cast<std::int8_t>(minor_units)};
}

// ISO lists "N.A." for these (precious metals, bond units, SDR, test, none).
constexpr int na = -1;

// ISO 4217 List One, as published by SIX, with amendments through 180
// (2026-01-01), plus the codes withdrawn since 2023 — ANG (amendment 176, XCG
// since 2025-03-31), BGN (180, EUR since 2026-01-01), CUC (178), HRK (174),
// SLL (175, SLE), ZWL (177, ZWG) — because orders placed before the change
// still carry them and keep their minor units. Older withdrawn codes (VEF,
// MRO, STD, LTL, ...) are unknown. Sorted by code.
// clang-format off
constexpr currency currencies[] = {
    entry("AED", 2), entry("AFN", 2), entry("ALL", 2), entry("AMD", 2), entry("ANG", 2), entry("AOA", 2),
    entry("ARS", 2), entry("AUD", 2), entry("AWG", 2), entry("AZN", 2), entry("BAM", 2),
    entry("BBD", 2), entry("BDT", 2), entry("BGN", 2), entry("BHD", 3), entry("BIF", 0), entry("BMD", 2),
    entry("BND", 2), entry("BOB", 2), entry("BOV", 2), entry("BRL", 2), entry("BSD", 2),
    entry("BTN", 2), entry("BWP", 2), entry("BYN", 2), entry("BZD", 2), entry("CAD", 2),
    entry("CDF", 2), entry("CHE", 2), entry("CHF", 2), entry("CHW", 2), entry("CLF", 4),
    entry("CLP", 0), entry("CNY", 2), entry("COP", 2), entry("COU", 2), entry("CRC", 2),
    entry("CUC", 2), entry("CUP", 2), entry("CVE", 2), entry("CZK", 2), entry("DJF", 0), entry("DKK", 2),
    entry("DOP", 2), entry("DZD", 2), entry("EGP", 2), entry("ERN", 2), entry("ETB", 2),
    entry("EUR", 2), entry("FJD", 2), entry("FKP", 2), entry("GBP", 2), entry("GEL", 2),
    entry("GHS", 2), entry("GIP", 2), entry("GMD", 2), entry("GNF", 0), entry("GTQ", 2),
    entry("GYD", 2), entry("HKD", 2), entry("HNL", 2), entry("HRK", 2), entry("HTG", 2), entry("HUF", 2),
    entry("IDR", 2), entry("ILS", 2), entry("INR", 2), entry("IQD", 3), entry("IRR", 2),
    entry("ISK", 0), entry("JMD", 2), entry("JOD", 3), entry("JPY", 0), entry("KES", 2),
    entry("KGS", 2), entry("KHR", 2), entry("KMF", 0), entry("KPW", 2), entry("KRW", 0),
    entry("KWD", 3), entry("KYD", 2), entry("KZT", 2), entry("LAK", 2), entry("LBP", 2),
    entry("LKR", 2), entry("LRD", 2), entry("LSL", 2), entry("LYD", 3), entry("MAD", 2),
    entry("MDL", 2), entry("MGA", 2), entry("MKD", 2), entry("MMK", 2), entry("MNT", 2),
    entry("MOP", 2), entry("MRU", 2), entry("MUR", 2), entry("MVR", 2), entry("MWK", 2),
    entry("MXN", 2), entry("MXV", 2), entry("MYR", 2), entry("MZN", 2), entry("NAD", 2),
    entry("NGN", 2), entry("NIO", 2), entry("NOK", 2), entry("NPR", 2), entry("NZD", 2),
    entry("OMR", 3), entry("PAB", 2), entry("PEN", 2), entry("PGK", 2), entry("PHP", 2),
    entry("PKR", 2), entry("PLN", 2), entry("PYG", 0), entry("QAR", 2), entry("RON", 2),
    entry("RSD", 2), entry("RUB", 2), entry("RWF", 0), entry("SAR", 2), entry("SBD", 2),
    entry("SCR", 2), entry("SDG", 2), entry("SEK", 2), entry("SGD", 2), entry("SHP", 2),
    entry("SLE", 2), entry("SLL", 2), entry("SOS", 2), entry("SRD", 2), entry("SSP", 2), entry("STN", 2),
    entry("SVC", 2), entry("SYP", 2), entry("SZL", 2), entry("THB", 2), entry("TJS", 2),
    entry("TMT", 2), entry("TND", 3), entry("TOP", 2), entry("TRY", 2), entry("TTD", 2),
    entry("TWD", 2), entry("TZS", 2), entry("UAH", 2), entry("UGX", 0), entry("USD", 2),
    entry("USN", 2), entry("UYI", 0), entry("UYU", 2), entry("UYW", 4), entry("UZS", 2),
    entry("VED", 2), entry("VES", 2), entry("VND", 0), entry("VUV", 0), entry("WST", 2),
    entry("XAD", 2), entry("XAF", 0), entry("XAG", na), entry("XAU", na), entry("XBA", na),
    entry("XBB", na), entry("XBC", na), entry("XBD", na), entry("XCD", 2), entry("XCG", 2),
    entry("XDR", na), entry("XOF", 0), entry("XPD", na), entry("XPF", 0), entry("XPT", na),
    entry("XSU", na), entry("XTS", na), entry("XUA", na), entry("XXX", na), entry("YER", 2),
    entry("ZAR", 2), entry("ZMW", 2), entry("ZWG", 2), entry("ZWL", 2),
};
// clang-format on

constexpr const currency* currencies_end = currencies + sizeof currencies / sizeof currencies[0];

constexpr bool strictly_sorted() {
  for (const currency* c = currencies + 1; c != currencies_end; ++c) {
    if (c[-1].key >= c->key) return false;
  }
  return true;
}
static_assert(strictly_sorted(), "the binary search needs codes sorted and unique");

}  // namespace

int currency_minor_units(std::string_view iso_code) noexcept {
  if (iso_code.size() != 3) return -1;
  // Lower case and other bytes simply match no key.
  const std::uint32_t key = pack(iso_code[0], iso_code[1], iso_code[2]);
  const auto* it = std::lower_bound(currencies, currencies_end, key,
                                    [](const currency& c, std::uint32_t k) { return c.key < k; });
  if (it == currencies_end || it->key != key) return -1;
  return it->minor_units;
}

}  // namespace ordernorm
