// Tests for the exact decimal money type and ISO 4217 minor units.
#include "ordernorm/money.hpp"

#include "ordernorm/detail/exact_arithmetic.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace {

using ordernorm::currency_minor_units;
using ordernorm::decimal;
using ordernorm::error_code;
using ordernorm::result;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

// A result as one comparable string, so a failure shows what was produced.
// Error names are spelled out here rather than taken from to_string(), so the
// assertions pin the exact enumerator.
std::string describe(const result<decimal>& r) {
  if (r.ok()) {
    std::string s = "units ";
    s += std::to_string(r->units());
    s += " scale ";
    s += std::to_string(r->scale());
    return s;
  }
  switch (r.error()) {
    case error_code::invalid_money:
      return "invalid_money";
    case error_code::money_out_of_range:
      return "money_out_of_range";
    default:
      return "unexpected error";
  }
}

// prefix, then `count` copies of `c`, then suffix: long inputs without
// operator+ on strings (GCC 12 -O3 reports a false -Wrestrict there).
std::string run_of(std::string_view prefix, std::size_t count, char c,
                   std::string_view suffix = "") {
  std::string s(prefix);
  s.append(count, c);
  s += suffix;
  return s;
}

std::string parsed(std::string_view text) { return describe(decimal::parse(text)); }

std::string formatted(decimal d, int minor_units) {
  char buf[decimal::max_chars];  // exactly max_chars: ASan catches any overrun
  return std::string(d.format(buf, minor_units));
}

// Parses then formats; an error comes back as its name in angle brackets.
std::string reformatted(std::string_view text, int minor_units) {
  const auto r = decimal::parse(text);
  if (!r) {
    std::string s = "<";
    s += describe(r);
    s += '>';
    return s;
  }
  return formatted(*r, minor_units);
}

std::string added(std::string_view a, std::string_view b) {
  const auto x = decimal::parse(a);
  const auto y = decimal::parse(b);
  if (!x || !y) return "operand did not parse";
  return describe(decimal::add(*x, *y));
}

decimal must_parse(std::string_view text) {
  const auto r = decimal::parse(text);
  EXPECT_TRUE(r.ok()) << '"' << text << "\": " << describe(r);
  return r.ok() ? *r : decimal();
}

// ---------------------------------------------------------------------------
// The header's examples.

TEST(Money, ParsesDecimalStringWithTwoDecimals) {
  EXPECT_EQ(parsed("199.00"), "units 19900 scale 2");
}

TEST(Money, ParsesDecimalStringWithFourZeroDecimals) {
  EXPECT_EQ(parsed("10.0000"), "units 100000 scale 4");
}

TEST(Money, ParsesJsonInteger) { EXPECT_EQ(parsed("165"), "units 165 scale 0"); }

TEST(Money, ParsesJsonNumberWithOneDecimal) { EXPECT_EQ(parsed("15.5"), "units 155 scale 1"); }

TEST(Money, ParsesNegativeNumber) { EXPECT_EQ(parsed("-404.4"), "units -4044 scale 1"); }

TEST(Money, ParsesZeroPointZero) { EXPECT_EQ(parsed("0.0"), "units 0 scale 1"); }

TEST(Money, ParsesExponentIntoWholeUnits) { EXPECT_EQ(parsed("1.5e2"), "units 150 scale 0"); }

TEST(Money, ParsesMinusZero) { EXPECT_EQ(parsed("-0"), "units 0 scale 0"); }

TEST(Money, HeaderExampleFormatsFifteenPointFiveAsUsd) {
  const auto d = decimal::parse("15.5");
  ASSERT_TRUE(d.ok());
  char buf[decimal::max_chars];
  const std::string_view s = d->format(buf, currency_minor_units("USD"));
  EXPECT_EQ(s, "15.50");
  EXPECT_EQ(static_cast<const void*>(s.data()), static_cast<const void*>(buf));
}

TEST(Money, DropsTrailingFractionZerosBeyondScaleEighteen) {
  EXPECT_EQ(parsed("1.000000000000000000000"), "units 1000000000000000000 scale 18");
  EXPECT_EQ(reformatted("1.000000000000000000000", 2), "1.00");
}

TEST(Money, RejectsLeadingSpace) { EXPECT_EQ(parsed(" 1"), "invalid_money"); }

// ---------------------------------------------------------------------------
// Formatting with a currency's minor units.

TEST(Money, FormatsFourZeroDecimalsAsUsdWithTwo) { EXPECT_EQ(reformatted("10.0000", 2), "10.00"); }

TEST(Money, UnknownCurrencyKeepsSourceDigits) {
  ASSERT_EQ(currency_minor_units("XYZ"), -1);
  EXPECT_EQ(reformatted("10.0000", currency_minor_units("XYZ")), "10.0000");
  EXPECT_EQ(reformatted("165", -1), "165");
  EXPECT_EQ(reformatted("15.5", -1), "15.5");
}

TEST(Money, UsdNeverDropsNonZeroDigit) { EXPECT_EQ(reformatted("10.005", 2), "10.005"); }

TEST(Money, UsdPadsOneDecimal) { EXPECT_EQ(reformatted("15.5", 2), "15.50"); }

TEST(Money, UsdPadsInteger) { EXPECT_EQ(reformatted("165", 2), "165.00"); }

TEST(Money, JpyIntegerHasNoDecimalPoint) { EXPECT_EQ(reformatted("165", 0), "165"); }

TEST(Money, JpyStripsZeroDecimals) { EXPECT_EQ(reformatted("1500.00", 0), "1500"); }

TEST(Money, JpyKeepsNonZeroDecimal) { EXPECT_EQ(reformatted("1500.50", 0), "1500.5"); }

TEST(Money, KwdPadsToThreeDecimals) { EXPECT_EQ(reformatted("7.5", 3), "7.500"); }

TEST(Money, ClfPadsToFourDecimals) { EXPECT_EQ(reformatted("12.5", 4), "12.5000"); }

TEST(Money, FormatsNegativeWithCurrency) { EXPECT_EQ(reformatted("-404.4", 2), "-404.40"); }

TEST(Money, FormatsNegativeBelowOne) {
  EXPECT_EQ(reformatted("-0.5", 2), "-0.50");
  EXPECT_EQ(reformatted("-0.05", -1), "-0.05");
}

TEST(Money, FormatsLeadingFractionZeros) {
  EXPECT_EQ(reformatted("0.05", 2), "0.05");
  EXPECT_EQ(reformatted("0.005", 2), "0.005");
  EXPECT_EQ(reformatted("0.001", 0), "0.001");
}

TEST(Money, MinusZeroWithDecimalsFormatsWithoutSign) {
  EXPECT_EQ(parsed("-0.00"), "units 0 scale 2");
  EXPECT_EQ(reformatted("-0.00", 2), "0.00");
  EXPECT_EQ(reformatted("-0.00", -1), "0.00");
  EXPECT_EQ(reformatted("-0.00", 0), "0");
}

TEST(Money, MinusZeroFormatsWithoutSign) {
  EXPECT_EQ(reformatted("-0", -1), "0");
  EXPECT_EQ(reformatted("-0", 2), "0.00");
}

TEST(Money, FormatsDefaultConstructedAsZero) {
  EXPECT_EQ(formatted(decimal(), -1), "0");
  EXPECT_EQ(formatted(decimal(), 2), "0.00");
}

TEST(Money, FormatsScaleEighteenAsIs) {
  EXPECT_EQ(reformatted("0.000000000000000001", -1), "0.000000000000000001");
  EXPECT_EQ(reformatted("0.000000000000000001", 2), "0.000000000000000001");
  EXPECT_EQ(reformatted("0.123456789012345678", 4), "0.123456789012345678");
}

TEST(Money, FormatsScaleEighteenExtremes) {
  EXPECT_EQ(formatted(decimal(int64_max, 18), -1), "9.223372036854775807");
  EXPECT_EQ(formatted(decimal(int64_min, 18), 2), "-9.223372036854775808");
  EXPECT_EQ(formatted(decimal(-1, 18), 0), "-0.000000000000000001");
}

TEST(Money, FormatsScaleEighteenTrailingZerosForCurrency) {
  EXPECT_EQ(reformatted("1.000000000000000000", 2), "1.00");
  EXPECT_EQ(reformatted("1.000000000000000000", -1), "1.000000000000000000");
  EXPECT_EQ(reformatted("1.500000000000000000", 0), "1.5");
}

TEST(Money, FormatsInt64MinWithCurrency) {
  EXPECT_EQ(formatted(decimal(int64_min, 0), 4), "-9223372036854775808.0000");
}

TEST(Money, FormatCapsMinorUnitsAtEighteen) {
  EXPECT_EQ(formatted(decimal(1, 0), 1000), "1.000000000000000000");
  EXPECT_EQ(formatted(decimal(int64_min, 0), std::numeric_limits<int>::max()),
            "-9223372036854775808.000000000000000000");
}

TEST(Money, FormatNeverWritesPastMaxChars) {
  constexpr char sentinel = '\x7f';
  const decimal worst[] = {decimal(int64_min, 0), decimal(int64_max, 0), decimal(int64_min, 18),
                           decimal(-1, 18),       decimal(-1, 0),        decimal(int64_min, 1)};
  for (const decimal d : worst) {
    for (int minor_units = -3; minor_units <= 40; ++minor_units) {
      char buf[decimal::max_chars + 16];
      std::memset(buf, sentinel, sizeof buf);
      const std::string_view s = d.format(buf, minor_units);
      EXPECT_LE(s.size(), decimal::max_chars);
      for (std::size_t i = s.size(); i < sizeof buf; ++i) {
        ASSERT_EQ(buf[i], sentinel) << "byte " << i << " written for minor_units " << minor_units;
      }
    }
  }
}

TEST(Money, FormatsOutOfContractScaleExactly) {
  // Only reachable through the constructor; must stay exact and in bounds.
  EXPECT_EQ(formatted(decimal(5, 40), 2), "5e-40");
  EXPECT_EQ(formatted(decimal(int64_min, 255), -1), "-9223372036854775808e-255");
}

// ---------------------------------------------------------------------------
// Garbage.

TEST(Money, RejectsEmptyString) { EXPECT_EQ(parsed(""), "invalid_money"); }

TEST(Money, RejectsSingleSpace) { EXPECT_EQ(parsed(" "), "invalid_money"); }

TEST(Money, RejectsLetters) { EXPECT_EQ(parsed("abc"), "invalid_money"); }

TEST(Money, RejectsCommaDecimalSeparator) { EXPECT_EQ(parsed("1,5"), "invalid_money"); }

TEST(Money, RejectsTwoDecimalPoints) { EXPECT_EQ(parsed("1.2.3"), "invalid_money"); }

TEST(Money, RejectsDoubleMinus) { EXPECT_EQ(parsed("--1"), "invalid_money"); }

TEST(Money, RejectsLeadingPlus) { EXPECT_EQ(parsed("+1"), "invalid_money"); }

TEST(Money, RejectsLoneMinus) { EXPECT_EQ(parsed("-"), "invalid_money"); }

TEST(Money, RejectsTrailingPoint) { EXPECT_EQ(parsed("1."), "invalid_money"); }

TEST(Money, RejectsLeadingPoint) { EXPECT_EQ(parsed(".5"), "invalid_money"); }

TEST(Money, RejectsMinusLeadingPoint) { EXPECT_EQ(parsed("-.5"), "invalid_money"); }

TEST(Money, RejectsPointBeforeExponent) { EXPECT_EQ(parsed("1.e5"), "invalid_money"); }

TEST(Money, RejectsExponentWithoutDigits) { EXPECT_EQ(parsed("1e"), "invalid_money"); }

TEST(Money, RejectsExponentSignWithoutDigits) {
  EXPECT_EQ(parsed("1e+"), "invalid_money");
  EXPECT_EQ(parsed("1e-"), "invalid_money");
}

TEST(Money, RejectsExponentWithoutMantissa) { EXPECT_EQ(parsed("e5"), "invalid_money"); }

TEST(Money, RejectsDoubleExponentSign) { EXPECT_EQ(parsed("1e+-5"), "invalid_money"); }

TEST(Money, RejectsFractionalExponent) { EXPECT_EQ(parsed("1e2.5"), "invalid_money"); }

TEST(Money, RejectsHexadecimal) { EXPECT_EQ(parsed("0x10"), "invalid_money"); }

TEST(Money, RejectsNaN) { EXPECT_EQ(parsed("NaN"), "invalid_money"); }

TEST(Money, RejectsInfinity) {
  EXPECT_EQ(parsed("Infinity"), "invalid_money");
  EXPECT_EQ(parsed("-Infinity"), "invalid_money");
}

TEST(Money, RejectsTrailingSpace) { EXPECT_EQ(parsed("1 "), "invalid_money"); }

TEST(Money, RejectsInnerSpace) { EXPECT_EQ(parsed("1 000"), "invalid_money"); }

TEST(Money, RejectsCurrencySymbol) { EXPECT_EQ(parsed("$10.00"), "invalid_money"); }

TEST(Money, RejectsNonAsciiDigits) {
  EXPECT_EQ(parsed("\xd9\xa1\xd9\xa2"), "invalid_money");  // Arabic-Indic "١٢"
  EXPECT_EQ(parsed("\xef\xbc\x91"), "invalid_money");      // fullwidth "１"
}

TEST(Money, RejectsEmbeddedNul) {
  EXPECT_EQ(parsed(std::string_view("1\0", 2)), "invalid_money");
  EXPECT_EQ(parsed(std::string_view("\0"
                                    "1",
                                    2)),
            "invalid_money");
}

TEST(Money, ReadsOnlyTheGivenLength) {
  // The view stops before the garbage, so the garbage must not be read.
  const char text[] = "12.5x";
  EXPECT_EQ(parsed(std::string_view(text, 4)), "units 125 scale 1");
}

TEST(Money, MalformedTextWinsOverTooManyDigits) {
  EXPECT_EQ(parsed(run_of("", 1000, '9', "x")), "invalid_money");
  EXPECT_EQ(parsed(run_of("", 30, '9', ".")), "invalid_money");
}

// ---------------------------------------------------------------------------
// Leading zeros are accepted.

TEST(Money, AcceptsLeadingZeros) {
  EXPECT_EQ(parsed("007"), "units 7 scale 0");
  EXPECT_EQ(parsed("00.50"), "units 50 scale 2");
  EXPECT_EQ(parsed("-000"), "units 0 scale 0");
}

TEST(Money, LeadingZerosAreNotSignificantDigits) {
  EXPECT_EQ(parsed(run_of("", 1000, '0', "9223372036854775807")),
            "units 9223372036854775807 scale 0");
}

// ---------------------------------------------------------------------------
// Range.

TEST(Money, RejectsTwentyDigitInteger) {
  EXPECT_EQ(parsed("12345678901234567890"), "money_out_of_range");
}

TEST(Money, AcceptsInt64Max) {
  EXPECT_EQ(parsed("9223372036854775807"), "units 9223372036854775807 scale 0");
}

TEST(Money, RejectsInt64MaxPlusOne) {
  EXPECT_EQ(parsed("9223372036854775808"), "money_out_of_range");
}

TEST(Money, AcceptsInt64MinExactly) {
  EXPECT_EQ(parsed("-9223372036854775808"), "units -9223372036854775808 scale 0");
  EXPECT_EQ(reformatted("-9223372036854775808", -1), "-9223372036854775808");
  EXPECT_EQ(reformatted("-9223372036854775808", 2), "-9223372036854775808.00");
}

TEST(Money, RejectsBelowInt64Min) {
  EXPECT_EQ(parsed("-9223372036854775809"), "money_out_of_range");
}

TEST(Money, AcceptsInt64MinAtScaleEighteen) {
  EXPECT_EQ(parsed("-9.223372036854775808"), "units -9223372036854775808 scale 18");
}

TEST(Money, RejectsThousandDigitNumber) {
  EXPECT_EQ(parsed(std::string(1000, '9')), "money_out_of_range");
  EXPECT_EQ(parsed(run_of("-", 1000, '1')), "money_out_of_range");
}

TEST(Money, RejectsThousandDigitFraction) {
  EXPECT_EQ(parsed(run_of("0.", 1000, '3')), "money_out_of_range");
}

TEST(Money, AcceptsThousandTrailingFractionZeros) {
  EXPECT_EQ(parsed(run_of("1.", 1000, '0')), "units 1000000000000000000 scale 18");
}

TEST(Money, RejectsThousandTrailingIntegerZeros) {
  EXPECT_EQ(parsed(run_of("1", 1000, '0')), "money_out_of_range");
}

TEST(Money, DropsTrailingZeroToFitInt64) {
  EXPECT_EQ(parsed("9223372036854775807.0"), "units 9223372036854775807 scale 0");
  EXPECT_EQ(parsed("922337203685477580.70"), "units 9223372036854775807 scale 1");
}

TEST(Money, RejectsTwentySignificantDigitsWithFraction) {
  EXPECT_EQ(parsed("9223372036854775807.5"), "money_out_of_range");
}

TEST(Money, RejectsScaleNineteen) {
  EXPECT_EQ(parsed("0.0000000000000000001"), "money_out_of_range");
}

TEST(Money, AcceptsZeroWithManyDecimals) {
  EXPECT_EQ(parsed(run_of("0.", 100, '0')), "units 0 scale 18");
  EXPECT_EQ(reformatted(run_of("-0.", 100, '0'), 2), "0.00");
}

// ---------------------------------------------------------------------------
// Exponents.

TEST(Money, ParsesUpperCaseNegativeExponent) { EXPECT_EQ(parsed("15E-1"), "units 15 scale 1"); }

TEST(Money, ParsesExplicitPositiveExponent) { EXPECT_EQ(parsed("1E+2"), "units 100 scale 0"); }

TEST(Money, ParsesExponentWithLeadingZeros) { EXPECT_EQ(parsed("1e0002"), "units 100 scale 0"); }

TEST(Money, ParsesZeroExponent) { EXPECT_EQ(parsed("1.50e0"), "units 150 scale 2"); }

TEST(Money, ExponentKeepsRemainingSourceDecimals) {
  EXPECT_EQ(parsed("1.50e1"), "units 150 scale 1");
  EXPECT_EQ(parsed("100e-2"), "units 100 scale 2");
}

TEST(Money, ParsesOneETeen) { EXPECT_EQ(parsed("1e18"), "units 1000000000000000000 scale 0"); }

TEST(Money, RejectsOneENineteen) { EXPECT_EQ(parsed("1e19"), "money_out_of_range"); }

TEST(Money, ParsesInt64MaxInExponentForm) {
  EXPECT_EQ(parsed("9.223372036854775807e18"), "units 9223372036854775807 scale 0");
  EXPECT_EQ(parsed("9.223372036854775808e18"), "money_out_of_range");
}

TEST(Money, ParsesOneEMinusEighteen) { EXPECT_EQ(parsed("1e-18"), "units 1 scale 18"); }

TEST(Money, RejectsOneEMinusNineteen) { EXPECT_EQ(parsed("1e-19"), "money_out_of_range"); }

TEST(Money, DropsTrailingZeroToFitNegativeExponent) {
  EXPECT_EQ(parsed("10e-19"), "units 1 scale 18");
  EXPECT_EQ(parsed("1.5e-17"), "units 15 scale 18");
  EXPECT_EQ(parsed("1.5e-18"), "money_out_of_range");
}

TEST(Money, RejectsHugeNegativeExponent) {
  EXPECT_EQ(parsed("1e-999999999999999999999"), "money_out_of_range");
}

TEST(Money, RejectsHugePositiveExponent) {
  EXPECT_EQ(parsed("1e999999999999"), "money_out_of_range");
  EXPECT_EQ(parsed(run_of("-1e+", 500, '9')), "money_out_of_range");
}

TEST(Money, HugeExponentStillNeedsValidSyntax) {
  EXPECT_EQ(parsed("1e999999999999999999999x"), "invalid_money");
}

TEST(Money, ZeroIsExactWithAnyExponent) {
  EXPECT_EQ(parsed("0e999999999999"), "units 0 scale 0");
  EXPECT_EQ(parsed("0.00e-999999999999999999999"), "units 0 scale 18");
  EXPECT_EQ(parsed("0e-2"), "units 0 scale 2");
}

TEST(Money, ExponentCanBringLongFractionBackInRange) {
  EXPECT_EQ(parsed(run_of("0.", 30, '0', "15e33")), "units 150 scale 0");
}

// ---------------------------------------------------------------------------
// add().

TEST(Money, AddsSameScale) { EXPECT_EQ(added("1.50", "2.25"), "units 375 scale 2"); }

TEST(Money, AddsDifferentScales) {
  EXPECT_EQ(added("1.5", "0.25"), "units 175 scale 2");
  EXPECT_EQ(added("0.25", "1.5"), "units 175 scale 2");
}

TEST(Money, AddKeepsLargerScale) { EXPECT_EQ(added("10", "0.000"), "units 10000 scale 3"); }

TEST(Money, AddsNegativeToZero) {
  EXPECT_EQ(added("1.00", "-1"), "units 0 scale 2");
  const auto sum = decimal::add(must_parse("1.00"), must_parse("-1"));
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(formatted(*sum, 2), "0.00");
}

TEST(Money, AddsAcrossScaleEighteen) {
  EXPECT_EQ(added("1", "0.000000000000000001"), "units 1000000000000000001 scale 18");
}

TEST(Money, AddOverflowIsOutOfRange) {
  EXPECT_EQ(describe(decimal::add(decimal(int64_max, 0), decimal(1, 0))), "money_out_of_range");
}

TEST(Money, AddNegativeOverflowIsOutOfRange) {
  EXPECT_EQ(describe(decimal::add(decimal(int64_min, 0), decimal(-1, 0))), "money_out_of_range");
}

TEST(Money, AddReachesInt64Extremes) {
  EXPECT_EQ(describe(decimal::add(decimal(int64_max - 1, 0), decimal(1, 0))),
            "units 9223372036854775807 scale 0");
  EXPECT_EQ(describe(decimal::add(decimal(int64_max, 0), decimal(int64_min, 0))),
            "units -1 scale 0");
}

TEST(Money, AddRescaleOverflowIsOutOfRange) {
  // 9223372036854775807.5 has 20 significant digits.
  EXPECT_EQ(added("9223372036854775807", "0.5"), "money_out_of_range");
  EXPECT_EQ(describe(decimal::add(decimal(1, 0), decimal(1, 18))),
            "units 1000000000000000001 scale 18");
  EXPECT_EQ(describe(decimal::add(decimal(10, 0), decimal(1, 18))), "money_out_of_range");
}

TEST(Money, AddDropsTrailingZerosOnlyToFit) {
  EXPECT_EQ(added("9223372036854775807", "0.0"), "units 9223372036854775807 scale 0");
  EXPECT_EQ(added("900000000000000000.5", "900000000000000000.5"),
            "units 1800000000000000001 scale 0");
  EXPECT_EQ(describe(decimal::add(decimal(int64_min, 0), decimal(0, 18))),
            "units -9223372036854775808 scale 0");
}

TEST(Money, AddRejectsOutOfContractScale) {
  EXPECT_EQ(describe(decimal::add(decimal(1, 19), decimal(1, 0))), "money_out_of_range");
}

// ---------------------------------------------------------------------------
// operator==.

TEST(Money, EqualAcrossScales) {
  EXPECT_TRUE(must_parse("1.50") == must_parse("1.5"));
  EXPECT_TRUE(must_parse("1.5") == must_parse("1.50"));
  EXPECT_TRUE(must_parse("165") == must_parse("165.000"));
}

TEST(Money, NotEqualAcrossScales) {
  EXPECT_FALSE(must_parse("1.5") == must_parse("1.05"));
  EXPECT_TRUE(must_parse("1.5") != must_parse("1.51"));
  EXPECT_FALSE(must_parse("1.5") == must_parse("-1.50"));
}

TEST(Money, ZeroEqualsZeroAtAnyScale) {
  EXPECT_TRUE(must_parse("-0.00") == decimal());
  EXPECT_TRUE(decimal(0, 0) == decimal(0, 18));
  EXPECT_FALSE(decimal(0, 0) == decimal(1, 18));
  EXPECT_FALSE(decimal(1, 18) == decimal(0, 0));
}

TEST(Money, EqualityDoesNotOverflow) {
  EXPECT_FALSE(decimal(int64_max, 0) == decimal(int64_max, 18));
  EXPECT_FALSE(decimal(int64_min, 0) == decimal(int64_min, 1));
  EXPECT_FALSE(decimal(int64_min, 18) == decimal(-9, 0));
  EXPECT_TRUE(decimal(1, 0) == decimal(1'000'000'000'000'000'000, 18));
  EXPECT_TRUE(decimal(-9, 0) == decimal(-9'000'000'000'000'000'000, 18));
}

TEST(Money, EqualityHandlesOutOfContractScales) {
  EXPECT_FALSE(decimal(1, 0) == decimal(1, 40));
  EXPECT_TRUE(decimal(0, 0) == decimal(0, 40));
  EXPECT_TRUE(decimal(10, 20) == decimal(1, 19));
}

// ---------------------------------------------------------------------------
// Round trips.

TEST(Money, RoundTripsGeneratedValuesThroughSourceDigits) {
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;  // fixed LCG
    return state >> 11;
  };
  for (int i = 0; i < 200'000; ++i) {
    // Arithmetic shift spreads magnitudes from 0 to 19 digits, both signs.
    const auto units = static_cast<std::int64_t>(next() << 11) >> (next() % 64);
    const int scale = static_cast<int>(next() % 7);
    const decimal d(units, scale);
    const std::string text = formatted(d, -1);
    const auto back = decimal::parse(text);
    ASSERT_TRUE(back.ok()) << text;
    ASSERT_EQ(back->units(), units) << text;
    ASSERT_EQ(back->scale(), scale) << text;
    ASSERT_TRUE(*back == d) << text;
  }
}

TEST(Money, RoundTripsExtremesAtEveryScale) {
  for (const std::int64_t units : {int64_min, int64_min + 1, std::int64_t{-1}, std::int64_t{0},
                                   std::int64_t{1}, int64_max - 1, int64_max}) {
    for (int scale = 0; scale <= decimal::max_scale; ++scale) {
      const std::string text = formatted(decimal(units, scale), -1);
      EXPECT_EQ(parsed(text), describe(decimal(units, scale))) << text;
    }
  }
}

TEST(Money, CurrencyFormattingKeepsTheValue) {
  std::uint64_t state = 42;
  for (int i = 0; i < 50'000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto units = static_cast<std::int64_t>(state) >> (state % 64);
    const decimal d(units, static_cast<int>((state >> 20) % 19));
    for (const int minor_units : {0, 2, 3, 4}) {
      const std::string text = formatted(d, minor_units);
      const auto back = decimal::parse(text);
      ASSERT_TRUE(back.ok()) << text;
      ASSERT_TRUE(*back == d) << text;
    }
  }
}

// ---------------------------------------------------------------------------
// ISO 4217 minor units.

TEST(CurrencyMinorUnits, UsdHasTwo) { EXPECT_EQ(currency_minor_units("USD"), 2); }

TEST(CurrencyMinorUnits, EurHasTwo) { EXPECT_EQ(currency_minor_units("EUR"), 2); }

TEST(CurrencyMinorUnits, JpyHasNone) { EXPECT_EQ(currency_minor_units("JPY"), 0); }

TEST(CurrencyMinorUnits, KwdHasThree) { EXPECT_EQ(currency_minor_units("KWD"), 3); }

TEST(CurrencyMinorUnits, BhdHasThree) { EXPECT_EQ(currency_minor_units("BHD"), 3); }

TEST(CurrencyMinorUnits, ClfHasFour) { EXPECT_EQ(currency_minor_units("CLF"), 4); }

TEST(CurrencyMinorUnits, IskHasNone) { EXPECT_EQ(currency_minor_units("ISK"), 0); }

TEST(CurrencyMinorUnits, GoldIsNotApplicable) { EXPECT_EQ(currency_minor_units("XAU"), -1); }

TEST(CurrencyMinorUnits, LowerCaseIsUnknown) { EXPECT_EQ(currency_minor_units("usd"), -1); }

TEST(CurrencyMinorUnits, MixedCaseIsUnknown) { EXPECT_EQ(currency_minor_units("Usd"), -1); }

TEST(CurrencyMinorUnits, TwoLettersIsUnknown) { EXPECT_EQ(currency_minor_units("US"), -1); }

TEST(CurrencyMinorUnits, EmptyIsUnknown) { EXPECT_EQ(currency_minor_units(""), -1); }

TEST(CurrencyMinorUnits, FourLettersIsUnknown) { EXPECT_EQ(currency_minor_units("USDX"), -1); }

TEST(CurrencyMinorUnits, UnassignedCodeIsUnknown) {
  EXPECT_EQ(currency_minor_units("XYZ"), -1);
  EXPECT_EQ(currency_minor_units("AAA"), -1);
  EXPECT_EQ(currency_minor_units("ZZZ"), -1);
}

TEST(CurrencyMinorUnits, BytesOutsideLettersAreUnknown) {
  EXPECT_EQ(currency_minor_units(std::string_view("US\0", 3)), -1);
  EXPECT_EQ(currency_minor_units("US "), -1);
  EXPECT_EQ(currency_minor_units("\xff\xff\xff"), -1);
}

TEST(CurrencyMinorUnits, EveryZeroDigitCurrency) {
  for (const char* code : {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
                           "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"}) {
    EXPECT_EQ(currency_minor_units(code), 0) << code;
  }
}

TEST(CurrencyMinorUnits, EveryThreeDigitCurrency) {
  for (const char* code : {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}) {
    EXPECT_EQ(currency_minor_units(code), 3) << code;
  }
}

TEST(CurrencyMinorUnits, EveryFourDigitCurrency) {
  for (const char* code : {"CLF", "UYW"}) EXPECT_EQ(currency_minor_units(code), 4) << code;
}

TEST(CurrencyMinorUnits, EveryNotApplicableCode) {
  for (const char* code : {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU",
                           "XTS", "XUA", "XXX"}) {
    EXPECT_EQ(currency_minor_units(code), -1) << code;
  }
}

TEST(CurrencyMinorUnits, RecentlyAddedCodes) {
  for (const char* code : {"VED", "VES", "SLE", "ZWG", "XCG", "XAD", "MRU", "STN"}) {
    EXPECT_EQ(currency_minor_units(code), 2) << code;
  }
}

TEST(CurrencyMinorUnits, CodesWithdrawnSince2023KeepTheirMinorUnits) {
  // Orders placed before the change still carry them.
  for (const char* code : {"ANG", "BGN", "CUC", "HRK", "SLL", "ZWL"}) {
    EXPECT_EQ(currency_minor_units(code), 2) << code;
  }
}

TEST(CurrencyMinorUnits, OlderWithdrawnCodesAreUnknown) {
  for (const char* code : {"VEF", "MRO", "STD", "LTL"}) {
    EXPECT_EQ(currency_minor_units(code), -1) << code;
  }
}

TEST(CurrencyMinorUnits, FundCodes) {
  for (const char* code : {"BOV", "CHE", "CHW", "COU", "MXV", "USN", "UYU"}) {
    EXPECT_EQ(currency_minor_units(code), 2) << code;
  }
}

TEST(CurrencyMinorUnits, FirstAndLastCodesOfTheTable) {
  EXPECT_EQ(currency_minor_units("AED"), 2);
  EXPECT_EQ(currency_minor_units("ZWL"), 2);
}

// ---------------------------------------------------------------------------
// Quantities (issue 13): exact decimals in lowest terms, and exact money
// arithmetic with them.

TEST(Quantity, ParsesIntegersDigitExact) {
  const auto q = ordernorm::quantity::parse("9223372036854775807");
  ASSERT_TRUE(q.ok());
  EXPECT_TRUE(q->is_whole());
  EXPECT_EQ(q->value().units(), int64_max);
}

TEST(Quantity, ParsesDecimalsExactlyInLowestTerms) {
  const auto q = ordernorm::quantity::parse("1.50");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->value().units(), 15);
  EXPECT_EQ(q->value().scale(), 1);
  const auto whole = ordernorm::quantity::parse("2.000");
  ASSERT_TRUE(whole.ok());
  EXPECT_TRUE(whole->is_whole());
  EXPECT_TRUE(*whole == 2);
  EXPECT_TRUE(ordernorm::quantity::parse("0.1").ok()) << "never via a double";
  EXPECT_EQ(ordernorm::quantity::parse("0.1")->value().units(), 1);
}

TEST(Quantity, RejectsWhatIsNotANumber) {
  EXPECT_FALSE(ordernorm::quantity::parse("1,5").ok());
  EXPECT_FALSE(ordernorm::quantity::parse("").ok());
  EXPECT_FALSE(ordernorm::quantity::parse("12345678901234567890").ok()) << "does not fit";
}

std::string quotient(decimal amount, ordernorm::quantity q) {
  const std::optional<decimal> r = ordernorm::detail::exact_quotient(amount, q);
  if (!r) return "none";
  char buf[decimal::max_chars];
  return std::string(r->format(buf, -1));
}

TEST(Quantity, UnitPriceByFractionalQuantityIsExact) {
  using ordernorm::quantity;
  EXPECT_EQ(quotient(decimal(450, 2), quantity::of(decimal(15, 1))), "3.00");   // 4.50 / 1.5
  EXPECT_EQ(quotient(decimal(100, 2), quantity::of(decimal(125, 3))), "8.00");  // 1.00 / 0.125
  // The amount's units cannot take the factor: fewer fraction digits, still exact.
  EXPECT_EQ(quotient(decimal(int64_max - 7, 2), quantity::of(decimal(1, 1))),
            "922337203685477580.0");
  EXPECT_EQ(quotient(decimal(1000, 2), quantity::of(decimal(3, 1))), "none");  // 10.00 / 0.3
  EXPECT_EQ(quotient(decimal(2000, 2), quantity(2)), "10.00");                 // as for integers
  EXPECT_EQ(quotient(decimal(1000, 2), quantity(3)), "none");
  EXPECT_EQ(quotient(decimal(100, 2), quantity(0)), "none");
  EXPECT_EQ(quotient(decimal(int64_max, 0), quantity::of(decimal(5, 1))), "none") << "overflow";
}

}  // namespace
