#include "ordernorm/timestamp.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace {

using ordernorm::error_code;
using ordernorm::from_unix_seconds;
using ordernorm::naive_time;
using ordernorm::timestamp;

// The formatted time, or the name of the error.
std::string describe(const ordernorm::result<timestamp>& r) {
  if (!r) return std::string(ordernorm::to_string(r.error()));
  char buf[timestamp::max_chars];
  return std::string(r->format(buf));
}

std::string parse(std::string_view text, naive_time rule = naive_time::reject) {
  return describe(ordernorm::parse_timestamp(text, rule));
}

std::int64_t millis(const ordernorm::result<timestamp>& r) {
  return r->time.time_since_epoch().count();
}

timestamp at_millis(std::int64_t ms, bool local = false) {
  return timestamp{std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}},
                   local};
}

// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in unix seconds.
constexpr std::int64_t first_second = -62'167'219'200;
constexpr std::int64_t last_second = 253'402'300'799;

// Header examples and ISO 8601 / RFC 3339.

TEST(Timestamp, ConvertsNegativeOffsetToUtc) {
  EXPECT_EQ(parse("2008-01-10T11:00:00-05:00"), "2008-01-10T16:00:00.000Z");
}

TEST(Timestamp, ConvertsPositiveOffsetToUtc) {
  EXPECT_EQ(parse("2024-06-24T13:55:18+02:00"), "2024-06-24T11:55:18.000Z");
}

TEST(Timestamp, ParsesZulu) {
  EXPECT_EQ(parse("2024-05-11T13:49:17Z"), "2024-05-11T13:49:17.000Z");
}

TEST(Timestamp, ParsesMilliseconds) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.264Z"), "2023-11-19T17:00:17.264Z");
}

TEST(Timestamp, ParsesTimeWithoutSeconds) {
  EXPECT_EQ(parse("2014-11-06T13:36Z"), "2014-11-06T13:36:00.000Z");
}

TEST(Timestamp, ParsesTimeWithoutSecondsWithOffset) {
  EXPECT_EQ(parse("2014-11-06T13:36+01:00"), "2014-11-06T12:36:00.000Z");
}

TEST(Timestamp, ConvertsHalfHourOffsetWithColon) {
  EXPECT_EQ(parse("2024-01-01T05:30:00+05:30"), "2024-01-01T00:00:00.000Z");
}

TEST(Timestamp, ConvertsOffsetWithoutColon) {
  EXPECT_EQ(parse("2024-01-01T05:30:00+0530"), "2024-01-01T00:00:00.000Z");
}

TEST(Timestamp, ConvertsHourOnlyOffset) {
  EXPECT_EQ(parse("2024-01-01T05:30:00+05"), "2024-01-01T00:30:00.000Z");
}

TEST(Timestamp, ConvertsNegativeOffsetWithoutColon) {
  EXPECT_EQ(parse("2024-01-01T05:30:00-0130"), "2024-01-01T07:00:00.000Z");
}

TEST(Timestamp, AcceptsLowerCaseSeparatorAndZulu) {
  EXPECT_EQ(parse("2024-05-11t13:49:17z"), "2024-05-11T13:49:17.000Z");
}

TEST(Timestamp, ReadsMinusZeroOffsetAsUtc) {
  EXPECT_EQ(parse("2024-05-11T13:49:17-00:00"), "2024-05-11T13:49:17.000Z");
}

TEST(Timestamp, OffsetTimeIsUtcWhateverTheRule) {
  const auto r = ordernorm::parse_timestamp("2024-05-11T13:49:17+01:00", naive_time::local);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->local);
  EXPECT_EQ(describe(r), "2024-05-11T12:49:17.000Z");
}

// Times without an offset.

TEST(Timestamp, KeepsNaiveIsoTimeAsLocal) {
  const auto r = ordernorm::parse_timestamp("2019-01-30T13:30:00", naive_time::local);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->local);
  EXPECT_EQ(describe(r), "2019-01-30T13:30:00.000");
}

TEST(Timestamp, TreatsNaiveIsoTimeAsUtc) {
  const auto r = ordernorm::parse_timestamp("2019-01-30T13:30:00", naive_time::utc);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->local);
  EXPECT_EQ(describe(r), "2019-01-30T13:30:00.000Z");
}

TEST(Timestamp, RejectsNaiveIsoTime) {
  EXPECT_EQ(parse("2019-01-30T13:30:00", naive_time::reject), "naive_timestamp");
}

TEST(Timestamp, TreatsSqlStyleAsUtc) {
  EXPECT_EQ(parse("2017-08-21 22:22:19", naive_time::utc), "2017-08-21T22:22:19.000Z");
}

TEST(Timestamp, RejectsSqlStyleUnderRejectRule) {
  EXPECT_EQ(parse("2017-08-21 22:22:19", naive_time::reject), "naive_timestamp");
}

TEST(Timestamp, KeepsSqlStyleAsLocal) {
  EXPECT_EQ(parse("2017-08-21 22:22:19", naive_time::local), "2017-08-21T22:22:19.000");
}

TEST(Timestamp, ConvertsSqlStyleWithOffset) {
  EXPECT_EQ(parse("2017-08-21 22:22:19+02", naive_time::reject), "2017-08-21T20:22:19.000Z");
}

TEST(Timestamp, TreatsDateOnlyAsUtcMidnight) {
  EXPECT_EQ(parse("2019-01-30", naive_time::utc), "2019-01-30T00:00:00.000Z");
}

TEST(Timestamp, KeepsDateOnlyAsLocalMidnight) {
  EXPECT_EQ(parse("2019-01-30", naive_time::local), "2019-01-30T00:00:00.000");
}

TEST(Timestamp, RejectsDateOnlyUnderRejectRule) {
  EXPECT_EQ(parse("2019-01-30", naive_time::reject), "naive_timestamp");
}

// Fractions: truncated toward the past to milliseconds.

TEST(Timestamp, ParsesOneDigitFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.2Z"), "2023-11-19T17:00:17.200Z");
}

TEST(Timestamp, ParsesTwoDigitFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.26Z"), "2023-11-19T17:00:17.260Z");
}

TEST(Timestamp, ParsesThreeDigitFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.026Z"), "2023-11-19T17:00:17.026Z");
}

TEST(Timestamp, TruncatesFourDigitFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.2649Z"), "2023-11-19T17:00:17.264Z");
}

TEST(Timestamp, TruncatesSixDigitFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.264999Z"), "2023-11-19T17:00:17.264Z");
}

TEST(Timestamp, TruncatesNineDigitFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.999999999+01:00"), "2023-11-19T16:00:17.999Z");
}

TEST(Timestamp, FloorsFractionBeforeEpoch) {
  const auto r = ordernorm::parse_timestamp("1969-12-31T23:59:59.9999Z", naive_time::reject);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(millis(r), -1);
  EXPECT_EQ(describe(r), "1969-12-31T23:59:59.999Z");
}

TEST(Timestamp, RejectsEmptyFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17.Z"), "invalid_timestamp");
}

TEST(Timestamp, RejectsFractionWithoutSeconds) {
  EXPECT_EQ(parse("2023-11-19T17:00.5Z"), "invalid_timestamp");
}

TEST(Timestamp, RejectsCommaFraction) {
  EXPECT_EQ(parse("2023-11-19T17:00:17,264Z"), "invalid_timestamp");
}

// RFC 2822.

TEST(Timestamp, ParsesRfc2822WithZeroOffset) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 00:00:00 +0000"), "2012-11-20T00:00:00.000Z");
}

TEST(Timestamp, ConvertsRfc2822NegativeOffset) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 22:30:00 -0500"), "2012-11-21T03:30:00.000Z");
}

TEST(Timestamp, ConvertsRfc2822PositiveOffset) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 01:00:00 +0130"), "2012-11-19T23:30:00.000Z");
}

TEST(Timestamp, ParsesRfc2822Gmt) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 08:15:30 GMT"), "2012-11-20T08:15:30.000Z");
}

TEST(Timestamp, ParsesRfc2822Ut) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 08:15:30 UT"), "2012-11-20T08:15:30.000Z");
}

TEST(Timestamp, ParsesRfc2822Utc) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 08:15:30 UTC"), "2012-11-20T08:15:30.000Z");
}

TEST(Timestamp, ParsesRfc2822Z) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 08:15:30 Z"), "2012-11-20T08:15:30.000Z");
}

TEST(Timestamp, ConvertsRfc2822Est) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 10:00:00 EST"), "2012-11-20T15:00:00.000Z");
}

TEST(Timestamp, ConvertsEveryRfc2822NorthAmericanZone) {
  const struct {
    const char* zone;
    const char* utc;
  } cases[] = {
      {"EDT", "2012-11-20T14:00:00.000Z"}, {"CST", "2012-11-20T16:00:00.000Z"},
      {"CDT", "2012-11-20T15:00:00.000Z"}, {"MST", "2012-11-20T17:00:00.000Z"},
      {"MDT", "2012-11-20T16:00:00.000Z"}, {"PST", "2012-11-20T18:00:00.000Z"},
      {"PDT", "2012-11-20T17:00:00.000Z"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.zone);
    EXPECT_EQ(parse(std::string("Tue, 20 Nov 2012 10:00:00 ") + c.zone), c.utc);
  }
}

TEST(Timestamp, ParsesRfc2822WithoutWeekday) {
  EXPECT_EQ(parse("20 Nov 2012 00:00:00 +0000"), "2012-11-20T00:00:00.000Z");
}

TEST(Timestamp, RejectsRfc2822WithWrongWeekday) {
  EXPECT_EQ(parse("Mon, 20 Nov 2012 00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, ParsesRfc2822WithoutSeconds) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 08:15 +0000"), "2012-11-20T08:15:00.000Z");
}

TEST(Timestamp, ParsesRfc2822OneDigitDay) {
  EXPECT_EQ(parse("Thu, 1 Nov 2012 00:00:00 +0000"), "2012-11-01T00:00:00.000Z");
}

TEST(Timestamp, ParsesRfc2822OneDigitDayWithoutWeekday) {
  EXPECT_EQ(parse("1 Nov 2012 00:00:00 +0000"), "2012-11-01T00:00:00.000Z");
}

TEST(Timestamp, ParsesRfc2822ZeroPaddedDay) {
  EXPECT_EQ(parse("Thu, 01 Nov 2012 00:00:00 +0000"), "2012-11-01T00:00:00.000Z");
}

TEST(Timestamp, AcceptsRfc2822NamesInAnyCase) {
  EXPECT_EQ(parse("tUE, 20 nOV 2012 00:00:00 gmt"), "2012-11-20T00:00:00.000Z");
}

TEST(Timestamp, ChecksRfc2822WeekdayInAnyCase) {
  EXPECT_EQ(parse("MON, 20 NOV 2012 00:00:00 GMT"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822FullMonthName) {
  EXPECT_EQ(parse("20 November 2012 00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822WithoutZone) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 00:00:00", naive_time::utc), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822TwoDigitYear) {
  EXPECT_EQ(parse("Tue, 20 Nov 12 00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822ThreeDigitDay) {
  EXPECT_EQ(parse("120 Nov 2012 00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822MilitaryZone) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 00:00:00 A"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822ColonInOffset) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 00:00:00 +00:00"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822DoubleSpace) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012  00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822Feb30) {
  EXPECT_EQ(parse("30 Feb 2012 00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsRfc2822OffsetHour24) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 00:00:00 +2400"), "invalid_timestamp");
}

// Unix seconds.

TEST(Timestamp, ParsesUnixSecondsString) {
  EXPECT_EQ(parse("1700000000", naive_time::reject), "2023-11-14T22:13:20.000Z");
}

TEST(Timestamp, UnixSecondsStringIsNeverLocal) {
  const auto r = ordernorm::parse_timestamp("1700000000", naive_time::local);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->local);
  EXPECT_EQ(millis(r), 1'700'000'000'000);
}

TEST(Timestamp, ParsesNegativeUnixSecondsString) {
  EXPECT_EQ(parse("-1"), "1969-12-31T23:59:59.000Z");
}

TEST(Timestamp, ParsesZeroUnixSecondsString) { EXPECT_EQ(parse("0"), "1970-01-01T00:00:00.000Z"); }

TEST(Timestamp, ParsesUnixSecondsStringAtYearZero) {
  EXPECT_EQ(parse("-62167219200"), "0000-01-01T00:00:00.000Z");
}

TEST(Timestamp, RejectsUnixSecondsStringBeforeYearZero) {
  EXPECT_EQ(parse("-62167219201"), "timestamp_out_of_range");
}

TEST(Timestamp, ParsesUnixSecondsStringAtEndOfYear9999) {
  EXPECT_EQ(parse("253402300799"), "9999-12-31T23:59:59.000Z");
}

TEST(Timestamp, RejectsUnixSecondsStringAfterYear9999) {
  EXPECT_EQ(parse("253402300800"), "timestamp_out_of_range");
}

TEST(Timestamp, Rejects40DigitUnixSeconds) {
  EXPECT_EQ(parse("1234567890123456789012345678901234567890"), "timestamp_out_of_range");
}

TEST(Timestamp, RejectsNegative40DigitUnixSeconds) {
  EXPECT_EQ(parse("-1234567890123456789012345678901234567890"), "timestamp_out_of_range");
}

TEST(Timestamp, Rejects1000DigitUnixSeconds) {
  EXPECT_EQ(parse(std::string(1000, '9')), "timestamp_out_of_range");
}

TEST(Timestamp, RejectsUnixSecondsWithTrailingJunk) {
  EXPECT_EQ(parse("1700000000x"), "invalid_timestamp");
}

TEST(Timestamp, RejectsHugeUnixSecondsWithTrailingJunk) {
  EXPECT_EQ(parse("1234567890123456789012345678901234567890x"), "invalid_timestamp");
}

TEST(Timestamp, RejectsUnixSecondsWithFraction) {
  EXPECT_EQ(parse("1700000000.5"), "invalid_timestamp");
}

TEST(Timestamp, RejectsUnixSecondsWithPlusSign) {
  EXPECT_EQ(parse("+1700000000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsLoneMinus) { EXPECT_EQ(parse("-"), "invalid_timestamp"); }

TEST(Timestamp, ReadsAllDigitStringAsUnixSeconds) {
  EXPECT_EQ(parse("20240101"), "1970-08-23T06:15:01.000Z");
}

TEST(Timestamp, FromUnixSecondsZeroIsEpoch) {
  const auto r = from_unix_seconds(0);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(millis(r), 0);
  EXPECT_FALSE(r->local);
  EXPECT_EQ(describe(r), "1970-01-01T00:00:00.000Z");
}

TEST(Timestamp, FromUnixSecondsNegative) {
  EXPECT_EQ(describe(from_unix_seconds(-86'401)), "1969-12-30T23:59:59.000Z");
}

TEST(Timestamp, FromUnixSecondsAtYearZero) {
  EXPECT_EQ(describe(from_unix_seconds(first_second)), "0000-01-01T00:00:00.000Z");
}

TEST(Timestamp, FromUnixSecondsBeforeYearZero) {
  EXPECT_EQ(describe(from_unix_seconds(first_second - 1)), "timestamp_out_of_range");
}

TEST(Timestamp, FromUnixSecondsAtEndOfYear9999) {
  EXPECT_EQ(describe(from_unix_seconds(last_second)), "9999-12-31T23:59:59.000Z");
}

TEST(Timestamp, FromUnixSecondsAfterYear9999) {
  EXPECT_EQ(describe(from_unix_seconds(last_second + 1)), "timestamp_out_of_range");
}

TEST(Timestamp, FromUnixSecondsInt64Extremes) {
  EXPECT_EQ(describe(from_unix_seconds(std::numeric_limits<std::int64_t>::max())),
            "timestamp_out_of_range");
  EXPECT_EQ(describe(from_unix_seconds(std::numeric_limits<std::int64_t>::min())),
            "timestamp_out_of_range");
}

// Calendar validation.

TEST(Timestamp, AcceptsLeapDay2024) {
  EXPECT_EQ(parse("2024-02-29T12:00:00Z"), "2024-02-29T12:00:00.000Z");
}

TEST(Timestamp, RejectsLeapDay2023) {
  EXPECT_EQ(parse("2023-02-29T12:00:00Z"), "invalid_timestamp");
}

TEST(Timestamp, RejectsLeapDay1900) {
  EXPECT_EQ(parse("1900-02-29T12:00:00Z"), "invalid_timestamp");
}

TEST(Timestamp, AcceptsLeapDay2000) {
  EXPECT_EQ(parse("2000-02-29T12:00:00Z"), "2000-02-29T12:00:00.000Z");
}

TEST(Timestamp, RejectsFeb30) { EXPECT_EQ(parse("2024-02-30T12:00:00Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsApril31) { EXPECT_EQ(parse("2024-04-31T12:00:00Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsDayZero) { EXPECT_EQ(parse("2024-04-00T12:00:00Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsMonthZero) { EXPECT_EQ(parse("2024-00-10T12:00:00Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsMonth13) { EXPECT_EQ(parse("2024-13-01T12:00:00Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsHour24) { EXPECT_EQ(parse("2024-01-01T24:00:00Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsMinute60) { EXPECT_EQ(parse("2024-01-01T12:60:00Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsSecond61) { EXPECT_EQ(parse("2024-01-01T23:59:61Z"), "invalid_timestamp"); }

TEST(Timestamp, ChecksCalendarBeforeNaiveRule) {
  EXPECT_EQ(parse("2023-02-29", naive_time::reject), "invalid_timestamp");
}

// Leap seconds: accepted at the end of a UTC day, clamped to :59.999.

TEST(Timestamp, ClampsLeapSecond) {
  EXPECT_EQ(parse("2016-12-31T23:59:60Z"), "2016-12-31T23:59:59.999Z");
}

TEST(Timestamp, ClampsLeapSecondWithFraction) {
  EXPECT_EQ(parse("2016-12-31T23:59:60.5Z"), "2016-12-31T23:59:59.999Z");
}

TEST(Timestamp, ClampsLeapSecondReachedThroughOffset) {
  EXPECT_EQ(parse("2016-12-31T18:59:60-05:00"), "2016-12-31T23:59:59.999Z");
}

TEST(Timestamp, ClampsLocalLeapSecond) {
  EXPECT_EQ(parse("2016-12-31T23:59:60", naive_time::local), "2016-12-31T23:59:59.999");
}

TEST(Timestamp, RejectsLeapSecondInsideUtcDay) {
  EXPECT_EQ(parse("2016-12-31T23:59:60+01:00"), "invalid_timestamp");
}

TEST(Timestamp, RejectsLeapSecondBeforeMinute59) {
  EXPECT_EQ(parse("2016-12-31T12:00:60Z"), "invalid_timestamp");
}

TEST(Timestamp, ClampsRfc2822LeapSecond) {
  EXPECT_EQ(parse("Sat, 31 Dec 2016 23:59:60 +0000"), "2016-12-31T23:59:59.999Z");
}

// Offsets.

TEST(Timestamp, RejectsOffsetHour24) {
  EXPECT_EQ(parse("2024-01-01T00:00:00+24:00"), "invalid_timestamp");
}

TEST(Timestamp, RejectsOffsetMinute60) {
  EXPECT_EQ(parse("2024-01-01T00:00:00+05:60"), "invalid_timestamp");
}

TEST(Timestamp, AcceptsLargestOffset) {
  EXPECT_EQ(parse("2024-01-01T23:59:00+23:59"), "2024-01-01T00:00:00.000Z");
}

TEST(Timestamp, RejectsOneDigitOffset) {
  EXPECT_EQ(parse("2024-01-01T00:00:00+5"), "invalid_timestamp");
}

TEST(Timestamp, RejectsOffsetWithOneMinuteDigit) {
  EXPECT_EQ(parse("2024-01-01T00:00:00+05:3"), "invalid_timestamp");
}

TEST(Timestamp, RejectsOffsetWithDanglingColon) {
  EXPECT_EQ(parse("2024-01-01T00:00:00+05:"), "invalid_timestamp");
}

TEST(Timestamp, RejectsThreeDigitOffset) {
  EXPECT_EQ(parse("2024-01-01T00:00:00+053"), "invalid_timestamp");
}

TEST(Timestamp, ConvertsAcrossMidnightAndYear) {
  EXPECT_EQ(parse("2023-12-31T23:30:00-01:00"), "2024-01-01T00:30:00.000Z");
}

TEST(Timestamp, ConvertsBackAcrossMidnightAndYear) {
  EXPECT_EQ(parse("2024-01-01T00:30:00+01:00"), "2023-12-31T23:30:00.000Z");
}

TEST(Timestamp, ConvertsBackIntoLeapDay) {
  EXPECT_EQ(parse("2024-03-01T00:30:00+01:00"), "2024-02-29T23:30:00.000Z");
}

// The range 0000-9999, in UTC.

TEST(Timestamp, AcceptsStartOfYear0000) {
  EXPECT_EQ(parse("0000-01-01T00:00:00Z"), "0000-01-01T00:00:00.000Z");
}

TEST(Timestamp, AcceptsEndOfYear9999) {
  EXPECT_EQ(parse("9999-12-31T23:59:59.999Z"), "9999-12-31T23:59:59.999Z");
}

TEST(Timestamp, AcceptsYear0000ShiftedForward) {
  EXPECT_EQ(parse("0000-01-01T00:00:00-01:00"), "0000-01-01T01:00:00.000Z");
}

TEST(Timestamp, RejectsYear0000ShiftedBeforeRange) {
  EXPECT_EQ(parse("0000-01-01T00:00:00+01:00"), "timestamp_out_of_range");
}

TEST(Timestamp, RejectsYear9999ShiftedAfterRange) {
  EXPECT_EQ(parse("9999-12-31T23:59:59-01:00"), "timestamp_out_of_range");
}

TEST(Timestamp, RejectsFiveDigitYear) {
  EXPECT_EQ(parse("99999-01-01T00:00:00Z"), "timestamp_out_of_range");
}

TEST(Timestamp, RejectsYear10000) {
  EXPECT_EQ(parse("10000-01-01T00:00:00Z"), "timestamp_out_of_range");
}

TEST(Timestamp, AcceptsYear10000ShiftedIntoRange) {
  EXPECT_EQ(parse("10000-01-01T00:30:00+01:00"), "9999-12-31T23:30:00.000Z");
}

TEST(Timestamp, RejectsFortyDigitYear) {
  EXPECT_EQ(parse("1234567890123456789012345678901234567890-01-01T00:00:00Z"),
            "timestamp_out_of_range");
}

TEST(Timestamp, RejectsImpossibleDateInFiveDigitYear) {
  EXPECT_EQ(parse("10100-02-29T00:00:00Z"), "invalid_timestamp");
}

TEST(Timestamp, RangeChecksLeapDayInFiveDigitYear) {
  EXPECT_EQ(parse("10400-02-29T00:00:00Z"), "timestamp_out_of_range");
}

TEST(Timestamp, ChecksWeekdayOfFiveDigitYear) {
  // 12012 is 10000 years (25 whole 400-year cycles) after 2012.
  EXPECT_EQ(parse("Tue, 20 Nov 12012 00:00:00 +0000"), "timestamp_out_of_range");
  EXPECT_EQ(parse("Mon, 20 Nov 12012 00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsFiveDigitYearWithLeadingZero) {
  EXPECT_EQ(parse("09999-01-01T00:00:00Z"), "invalid_timestamp");
}

TEST(Timestamp, ReportsNaiveBeforeRange) {
  EXPECT_EQ(parse("99999-01-01", naive_time::reject), "naive_timestamp");
}

TEST(Timestamp, RangeChecksLocalTimeWithoutShifting) {
  EXPECT_EQ(parse("9999-12-31T23:59:59.999", naive_time::local), "9999-12-31T23:59:59.999");
}

// Malformed text.

TEST(Timestamp, RejectsEmpty) { EXPECT_EQ(parse("", naive_time::utc), "invalid_timestamp"); }

TEST(Timestamp, RejectsLeadingWhitespace) {
  EXPECT_EQ(parse(" 2024-01-01T00:00:00Z"), "invalid_timestamp");
}

TEST(Timestamp, RejectsTrailingWhitespace) {
  EXPECT_EQ(parse("2024-01-01T00:00:00Z "), "invalid_timestamp");
}

TEST(Timestamp, RejectsTrailingNewline) {
  EXPECT_EQ(parse("2024-01-01T00:00:00Z\n"), "invalid_timestamp");
}

TEST(Timestamp, RejectsWhitespaceOnly) { EXPECT_EQ(parse("   "), "invalid_timestamp"); }

TEST(Timestamp, RejectsWhitespaceAroundUnixSeconds) {
  EXPECT_EQ(parse(" 1700000000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsTrailingJunk) {
  EXPECT_EQ(parse("2024-01-01T00:00:00Zjunk"), "invalid_timestamp");
}

TEST(Timestamp, RejectsTrailingJunkAfterDate) {
  EXPECT_EQ(parse("2024-01-01x", naive_time::utc), "invalid_timestamp");
}

TEST(Timestamp, RejectsTrailingJunkAfterRfc2822) {
  EXPECT_EQ(parse("Tue, 20 Nov 2012 00:00:00 GMTx"), "invalid_timestamp");
}

TEST(Timestamp, RejectsGarbage) { EXPECT_EQ(parse("yesterday"), "invalid_timestamp"); }

TEST(Timestamp, Rejects1000CharacterString) {
  EXPECT_EQ(parse(std::string(1000, 'x')), "invalid_timestamp");
}

TEST(Timestamp, AcceptsLongFraction) {
  std::string text = "2024-01-01T00:00:00.";
  text += std::string(1000 - text.size() - 1, '9');
  text += 'Z';
  ASSERT_EQ(text.size(), 1000u);
  EXPECT_EQ(parse(text), "2024-01-01T00:00:00.999Z");
}

TEST(Timestamp, RejectsNonAsciiDigits) {
  EXPECT_EQ(parse("\xef\xbc\x92"
                  "024-01-01T00:00:00Z"),
            "invalid_timestamp");
}

TEST(Timestamp, RejectsNonAsciiZone) {
  EXPECT_EQ(parse("2024-01-01T00:00:00\xef\xbc\xba"), "invalid_timestamp");
}

TEST(Timestamp, RejectsNonAsciiMonthName) {
  EXPECT_EQ(parse("20 N\xc3\xb6v 2012 00:00:00 +0000"), "invalid_timestamp");
}

TEST(Timestamp, RejectsEmbeddedNul) {
  EXPECT_EQ(parse(std::string_view("2024-01-01\0T00:00:00Z", 21)), "invalid_timestamp");
}

TEST(Timestamp, RejectsOneDigitMonth) {
  EXPECT_EQ(parse("2024-1-01T00:00:00Z"), "invalid_timestamp");
}

TEST(Timestamp, RejectsTwoDigitYear) {
  EXPECT_EQ(parse("24-01-01T00:00:00Z"), "invalid_timestamp");
}

TEST(Timestamp, RejectsDateWithZone) { EXPECT_EQ(parse("2024-01-01Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsDanglingSeparator) {
  EXPECT_EQ(parse("2024-01-01T", naive_time::utc), "invalid_timestamp");
}

TEST(Timestamp, RejectsHourOnlyTime) { EXPECT_EQ(parse("2024-01-01T13Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsSpaceBeforeOffset) {
  EXPECT_EQ(parse("2024-01-01 00:00:00 +00:00"), "invalid_timestamp");
}

TEST(Timestamp, RejectsBasicFormat) { EXPECT_EQ(parse("20240101T000000Z"), "invalid_timestamp"); }

TEST(Timestamp, RejectsSlashDate) { EXPECT_EQ(parse("2024/01/01"), "invalid_timestamp"); }

// Formatting.

TEST(Timestamp, FormatsUtcIn24Chars) {
  char buf[timestamp::max_chars];
  const std::string_view text = at_millis(1'700'000'000'123).format(buf);
  EXPECT_EQ(text, "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(text.size(), 24u);
  EXPECT_EQ(text.data(), buf);
}

TEST(Timestamp, FormatsLocalIn23Chars) {
  char buf[timestamp::max_chars];
  const std::string_view text = at_millis(1'700'000'000'123, true).format(buf);
  EXPECT_EQ(text, "2023-11-14T22:13:20.123");
  EXPECT_EQ(text.size(), 23u);
}

TEST(Timestamp, FormatsSmallYearsWithFourDigits) {
  EXPECT_EQ(parse("0099-03-04T05:06:07.008Z"), "0099-03-04T05:06:07.008Z");
}

TEST(Timestamp, FormatsMillisecondBeforeEpoch) {
  char buf[timestamp::max_chars];
  EXPECT_EQ(at_millis(-1).format(buf), "1969-12-31T23:59:59.999Z");
}

TEST(Timestamp, FormatClampsHandBuiltTimesToRange) {
  char buf[timestamp::max_chars];
  EXPECT_EQ(at_millis(std::numeric_limits<std::int64_t>::max()).format(buf),
            "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(at_millis(std::numeric_limits<std::int64_t>::min()).format(buf),
            "0000-01-01T00:00:00.000Z");
}

TEST(Timestamp, RoundTripsThroughFormat) {
  const std::int64_t samples[] = {-62'167'219'200'000, -1, 0, 951'782'400'000, 1'700'000'000'123,
                                  253'402'300'799'999};
  for (const std::int64_t ms : samples) {
    SCOPED_TRACE(ms);
    char buf[timestamp::max_chars];
    const timestamp original = at_millis(ms);
    const auto back = ordernorm::parse_timestamp(original.format(buf), naive_time::reject);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, original);
  }
}

TEST(Timestamp, RoundTripsLocalThroughFormat) {
  char buf[timestamp::max_chars];
  const timestamp original = at_millis(1'700'000'000'123, true);
  const auto back = ordernorm::parse_timestamp(original.format(buf), naive_time::local);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

}  // namespace
