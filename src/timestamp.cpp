// Timestamp parsing and formatting.
//
// This runs for several fields of every order, so the text is scanned by hand
// with fixed-width digit readers (no iostreams, no allocation, no exceptions);
// Howard Hinnant's date library does only the calendar arithmetic.
//
// Decisions beyond what the header states:
// - Fractions keep their first three digits. The calendar fields are all
//   added to a floored day count, so dropping digits is truncation toward the
//   past for times before 1970 as well: the result is the floor, in ms, of
//   the exact instant (1969-12-31T23:59:59.9999Z is -1 ms, not 0).
// - A leap second (:60) is accepted only where one can occur, at 23:59 UTC
//   (or 23:59 on the wall clock of a local time), and is clamped to
//   23:59:59.999. Unix time cannot represent it; clamping keeps the instant in
//   the right minute, day and year and keeps the order of events, while
//   rejecting a valid RFC 3339 time would reject the whole record.
// - RFC 2822 day, month and zone names are matched in any ASCII case: the
//   RFC's ABNF literals are case-insensitive, and senders do vary. Only the
//   three-letter English abbreviations are names; "November" is invalid.
// - RFC 2822 needs its zone (a missing one is invalid, not naive), single
//   spaces, four-digit years, and no comments; military zones other than Z
//   are rejected because RFC 2822 itself says their meaning is unreliable.
// - -00:00 / -0000 ("offset unknown") is read as UTC: the instant is still
//   exactly known.
// - A year of more than four digits is out of range once the rest is valid;
//   it must not start with 0 (no such form exists; 09999 is invalid). Year
//   10000 may still land in 9999 once converted to UTC, and is then accepted.
// - A string of digits, optionally after '-', is always unix seconds:
//   "20240101" is a time in 1970, not an ISO basic-format date.
// - Errors are reported in the order: invalid_timestamp (form or calendar),
//   naive_timestamp, timestamp_out_of_range.
#include "ordernorm/timestamp.hpp"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ordernorm {
namespace {

constexpr std::int64_t ms_per_day = 86'400'000;

constexpr std::int64_t day_ms(date::year_month_day ymd) {
  return static_cast<std::int64_t>(date::sys_days{ymd}.time_since_epoch().count()) * ms_per_day;
}

// 0000-01-01T00:00:00.000 and 9999-12-31T23:59:59.999.
constexpr std::int64_t min_ms = day_ms(date::year{0} / date::January / 1);
constexpr std::int64_t max_ms = day_ms(date::year{10000} / date::January / 1) - 1;
constexpr std::int64_t min_seconds = min_ms / 1000;
constexpr std::int64_t max_seconds = (max_ms + 1) / 1000 - 1;

// Years past this are out of range whatever the offset (offsets are < 24 h).
constexpr unsigned max_year_kept = 10000;

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// ASCII lower case; every other byte is returned as is and matches no name.
constexpr char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

class scanner {
 public:
  explicit scanner(std::string_view text) noexcept
      : p_(text.data()), end_(text.data() + text.size()) {}

  bool done() const noexcept { return p_ == end_; }
  std::size_t left() const noexcept { return static_cast<std::size_t>(end_ - p_); }
  const char* pos() const noexcept { return p_; }
  // '\0' at the end; callers never expect '\0', so it only ever fails a match.
  char peek() const noexcept { return done() ? '\0' : *p_; }
  void skip(std::size_t n) noexcept { p_ += n; }

  bool eat(char c) noexcept {
    if (done() || *p_ != c) return false;
    ++p_;
    return true;
  }

  // Exactly `n` digits.
  bool digits(int n, unsigned& out) noexcept {
    if (left() < static_cast<std::size_t>(n)) return false;
    unsigned v = 0;
    for (int i = 0; i < n; ++i) {
      if (!is_digit(p_[i])) return false;
      v = v * 10 + static_cast<unsigned>(p_[i] - '0');
    }
    p_ += n;
    out = v;
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

// What the text says, before any calendar check.
struct fields {
  unsigned year = 0;          // capped at max_year_kept + 1 (see year_huge)
  bool year_huge = false;     // more than max_year_kept: out of range if valid
  unsigned year_mod_400 = 0;  // enough to check Feb 29 and weekdays of huge years
  unsigned month = 0;
  unsigned day = 0;
  unsigned hour = 0;
  unsigned minute = 0;
  unsigned second = 0;
  unsigned millis = 0;
  int weekday = -1;  // 0 = Sunday; -1 when the text names none
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC
};

// Four digits, or more (without a leading zero) for a year past 9999.
bool scan_year(scanner& s, fields& f) noexcept {
  const char* start = s.pos();
  int count = 0;
  unsigned value = 0;
  unsigned mod_400 = 0;
  while (is_digit(s.peek())) {
    const auto d = static_cast<unsigned>(s.peek() - '0');
    mod_400 = (mod_400 * 10 + d) % 400;
    if (value <= max_year_kept) value = value * 10 + d;  // cannot overflow: stops past 10^5
    ++count;
    s.skip(1);
  }
  if (count < 4 || (count > 4 && *start == '0')) return false;
  f.year_huge = value > max_year_kept;
  f.year = f.year_huge ? max_year_kept + 1 : value;
  f.year_mod_400 = mod_400;
  return true;
}

bool set_offset(fields& f, int sign, unsigned hours, unsigned minutes) noexcept {
  if (hours > 23 || minutes > 59) return false;
  f.has_offset = true;
  f.offset_minutes = sign * static_cast<int>(hours * 60 + minutes);
  return true;
}

// One or more digits; the first three are milliseconds, the rest are dropped.
bool scan_fraction(scanner& s, unsigned& millis) noexcept {
  if (!is_digit(s.peek())) return false;
  unsigned v = 0;
  int count = 0;
  while (is_digit(s.peek())) {
    if (count < 3) v = v * 10 + static_cast<unsigned>(s.peek() - '0');
    ++count;
    s.skip(1);
  }
  for (; count < 3; ++count) v *= 10;
  millis = v;
  return true;
}

// Z, z, +hh:mm, +hhmm, +hh (and the same with '-'), up to the end of the text.
bool scan_iso_offset(scanner& s, fields& f) noexcept {
  if (s.eat('Z') || s.eat('z')) {
    f.has_offset = true;
    return true;
  }
  int sign = 1;
  if (s.eat('-')) {
    sign = -1;
  } else if (!s.eat('+')) {
    return false;
  }
  unsigned hours = 0;
  unsigned minutes = 0;
  if (!s.digits(2, hours)) return false;
  if (s.eat(':')) {
    if (!s.digits(2, minutes)) return false;
  } else if (!s.done() && !s.digits(2, minutes)) {
    return false;
  }
  return set_offset(f, sign, hours, minutes);
}

// YYYY-MM-DD[(T|t| )HH:MM[:SS[.f+]][offset]]
bool scan_iso(scanner& s, fields& f) noexcept {
  if (!scan_year(s, f) || !s.eat('-') || !s.digits(2, f.month) || !s.eat('-') ||
      !s.digits(2, f.day)) {
    return false;
  }
  if (s.done()) return true;  // date only: midnight
  if (!s.eat('T') && !s.eat('t') && !s.eat(' ')) return false;
  if (!s.digits(2, f.hour) || !s.eat(':') || !s.digits(2, f.minute)) return false;
  if (s.eat(':')) {
    if (!s.digits(2, f.second)) return false;
    if (s.eat('.') && !scan_fraction(s, f.millis)) return false;
  }
  if (s.done()) return true;
  return scan_iso_offset(s, f) && s.done();
}

// Index of the three-letter name at the cursor in `names`, or -1.
template <std::size_t N>
int scan_name(scanner& s, const std::string_view (&names)[N]) noexcept {
  if (s.left() < 3) return -1;
  const char* p = s.pos();
  const char a = fold(p[0]);
  const char b = fold(p[1]);
  const char c = fold(p[2]);
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i][0] == a && names[i][1] == b && names[i][2] == c) {
      s.skip(3);
      return static_cast<int>(i);
    }
  }
  return -1;
}

constexpr std::string_view weekday_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::string_view month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

struct named_zone {
  std::string_view name;  // lower case
  int offset_minutes;
};

constexpr named_zone zone_names[] = {
    {"ut", 0},        {"gmt", 0},       {"utc", 0},       {"z", 0},
    {"est", -5 * 60}, {"edt", -4 * 60}, {"cst", -6 * 60}, {"cdt", -5 * 60},
    {"mst", -7 * 60}, {"mdt", -6 * 60}, {"pst", -8 * 60}, {"pdt", -7 * 60},
};

// +hhmm, -hhmm or a zone name, up to the end of the text.
bool scan_rfc2822_zone(scanner& s, fields& f) noexcept {
  const char first = s.peek();
  if (first == '+' || first == '-') {
    s.skip(1);
    unsigned hhmm = 0;
    if (!s.digits(4, hhmm) || !s.done()) return false;
    return set_offset(f, first == '-' ? -1 : 1, hhmm / 100, hhmm % 100);
  }
  const std::size_t n = s.left();
  if (n == 0 || n > 3) return false;
  const char* p = s.pos();
  for (const named_zone& z : zone_names) {
    if (z.name.size() != n) continue;
    bool same = true;
    for (std::size_t i = 0; i < n; ++i) same = same && fold(p[i]) == z.name[i];
    if (same) {
      s.skip(n);
      f.has_offset = true;
      f.offset_minutes = z.offset_minutes;
      return true;
    }
  }
  return false;
}

// [Day, ]D[D] Mon YYYY HH:MM[:SS] zone
bool scan_rfc2822(scanner& s, fields& f) noexcept {
  if (!is_digit(s.peek())) {
    f.weekday = scan_name(s, weekday_names);
    if (f.weekday < 0 || !s.eat(',') || !s.eat(' ')) return false;
  }
  if (!s.digits(2, f.day) && !s.digits(1, f.day)) return false;
  if (!s.eat(' ')) return false;
  const int month = scan_name(s, month_names);
  if (month < 0) return false;
  f.month = static_cast<unsigned>(month) + 1;
  if (!s.eat(' ') || !scan_year(s, f) || !s.eat(' ')) return false;
  if (!s.digits(2, f.hour) || !s.eat(':') || !s.digits(2, f.minute)) return false;
  if (s.eat(':') && !s.digits(2, f.second)) return false;
  return s.eat(' ') && scan_rfc2822_zone(s, f);
}

// Calendar checks, the naive rule, the conversion to UTC and the range.
result<timestamp> resolve(const fields& f, naive_time rule) noexcept {
  // A huge year is checked as a year with the same leap status and weekdays:
  // the Gregorian calendar repeats every 400 years (a whole number of weeks).
  const int calendar_year =
      f.year_huge ? 2000 + static_cast<int>(f.year_mod_400) : static_cast<int>(f.year);
  const date::year_month_day ymd{date::year{calendar_year}, date::month{f.month}, date::day{f.day}};
  if (!ymd.ok() || f.hour > 23 || f.minute > 59 || f.second > 60) {
    return error_code::invalid_timestamp;
  }
  const date::sys_days days{ymd};
  if (f.weekday >= 0 && date::weekday{days} != date::weekday{static_cast<unsigned>(f.weekday)}) {
    return error_code::invalid_timestamp;
  }
  // A leap second only ever ends a UTC day. That depends on the time of day
  // alone, so it is a form error and comes before the naive rule: every rule
  // must call "11:59:60" invalid (tests/fuzz_regression_test.cpp).
  const bool leap_second = f.second == 60;
  if (leap_second) {
    const std::int64_t utc_time_of_day = f.hour * std::int64_t{3'600'000} +
                                         f.minute * std::int64_t{60'000} + 59'999 -
                                         f.offset_minutes * std::int64_t{60'000};
    if (utc_time_of_day - floor_div(utc_time_of_day, ms_per_day) * ms_per_day != ms_per_day - 1) {
      return error_code::invalid_timestamp;
    }
  }
  if (!f.has_offset && rule == naive_time::reject) return error_code::naive_timestamp;
  if (f.year_huge) return error_code::timestamp_out_of_range;

  const std::int64_t second_ms = leap_second ? 59'999 : f.second * 1000 + f.millis;
  const std::int64_t ms = static_cast<std::int64_t>(days.time_since_epoch().count()) * ms_per_day +
                          f.hour * std::int64_t{3'600'000} + f.minute * std::int64_t{60'000} +
                          second_ms - f.offset_minutes * std::int64_t{60'000};
  if (ms < min_ms || ms > max_ms) return error_code::timestamp_out_of_range;
  return timestamp{std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}},
                   !f.has_offset && rule == naive_time::local};
}

// [-]digits, of any length.
result<timestamp> parse_unix_text(std::string_view text) noexcept {
  const bool negative = text.front() == '-';
  std::size_t i = negative ? 1 : 0;
  if (i == text.size()) return error_code::invalid_timestamp;
  // Saturates far past the range, so any number of digits is safe.
  constexpr std::int64_t saturated = std::int64_t{10'000'000'000'000};
  std::int64_t value = 0;
  for (; i < text.size(); ++i) {
    if (!is_digit(text[i])) return error_code::invalid_timestamp;
    if (value < saturated) value = value * 10 + (text[i] - '0');
  }
  return from_unix_seconds(negative ? -value : value);
}

// "00" to "99": formatting writes two digits per lookup instead of one
// division per digit (every scan event's time is formatted).
constexpr auto digit_pairs = [] {
  std::array<char, 200> pairs{};
  for (unsigned i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

char* write_two(char* out, unsigned value) noexcept {
  std::memcpy(out, &digit_pairs[2 * value], 2);
  return out + 2;
}

// Two digits at `p`, or -1: the fast path's reader, no scanner state.
int read_two(const char* p) noexcept {
  if (!is_digit(p[0]) || !is_digit(p[1])) return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

// The form nearly every platform sends, "YYYY-MM-DDTHH:MM:SS" and then a
// fraction, an offset or nothing, read without the general scanner (a digit
// loop, a modulo per year digit). Exactly what scan_iso reads for it; any
// other form (a space or 't' separator, no seconds, a longer year) returns
// false and goes the general way.
bool scan_iso_common(std::string_view text, fields& f, bool& scanned) noexcept {
  if (text.size() < 19) return false;
  const char* t = text.data();
  if (t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':') return false;
  const int century = read_two(t);
  const int year = read_two(t + 2);
  const int month = read_two(t + 5);
  const int day = read_two(t + 8);
  const int hour = read_two(t + 11);
  const int minute = read_two(t + 14);
  const int second = read_two(t + 17);
  if ((century | year | month | day | hour | minute | second) < 0) return false;
  f.year = static_cast<unsigned>(century * 100 + year);
  f.year_mod_400 = f.year % 400;
  f.month = static_cast<unsigned>(month);
  f.day = static_cast<unsigned>(day);
  f.hour = static_cast<unsigned>(hour);
  f.minute = static_cast<unsigned>(minute);
  f.second = static_cast<unsigned>(second);
  scanner s{text};
  s.skip(19);
  scanned = true;
  if (s.eat('.') && !scan_fraction(s, f.millis)) {
    scanned = false;
  } else if (!s.done()) {
    scanned = scan_iso_offset(s, f) && s.done();
  }
  return true;
}

}  // namespace

result<timestamp> parse_timestamp(std::string_view text, naive_time rule) noexcept {
  if (text.empty()) return error_code::invalid_timestamp;
  std::size_t leading_digits = 0;
  while (leading_digits < text.size() && is_digit(text[leading_digits])) ++leading_digits;
  if (text.front() == '-' || leading_digits == text.size()) return parse_unix_text(text);

  fields f;
  if (bool scanned = false; scan_iso_common(text, f, scanned)) {
    if (!scanned) return error_code::invalid_timestamp;
    return resolve(f, rule);
  }
  scanner s{text};
  // "20 Nov 2012 ..." is RFC 2822 without a weekday; any other leading digit
  // starts an ISO year, and a letter starts an RFC 2822 weekday.
  const bool rfc2822 = leading_digits == 0 || (leading_digits <= 2 && text[leading_digits] == ' ');
  const bool scanned = rfc2822 ? scan_rfc2822(s, f) : scan_iso(s, f);
  if (!scanned || !s.done()) return error_code::invalid_timestamp;
  return resolve(f, rule);
}

result<timestamp> from_unix_seconds(std::int64_t seconds) noexcept {
  if (seconds < min_seconds || seconds > max_seconds) return error_code::timestamp_out_of_range;
  return timestamp{
      std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{seconds * 1000}},
      false};
}

std::string_view timestamp::format(char* out) const noexcept {
  // Parsing never yields a time outside the range; a hand-built one is
  // clamped so the output is still well formed.
  const std::int64_t ms = std::clamp<std::int64_t>(time.time_since_epoch().count(), min_ms, max_ms);
  const std::int64_t day_count = floor_div(ms, ms_per_day);
  const auto time_of_day = static_cast<unsigned>(ms - day_count * ms_per_day);
  const date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(day_count)}}};

  const auto year = static_cast<unsigned>(static_cast<int>(ymd.year()));
  char* p = write_two(out, year / 100);
  p = write_two(p, year % 100);
  *p++ = '-';
  p = write_two(p, static_cast<unsigned>(ymd.month()));
  *p++ = '-';
  p = write_two(p, static_cast<unsigned>(ymd.day()));
  *p++ = 'T';
  p = write_two(p, time_of_day / 3'600'000);
  *p++ = ':';
  p = write_two(p, time_of_day / 60'000 % 60);
  *p++ = ':';
  p = write_two(p, time_of_day / 1000 % 60);
  *p++ = '.';
  const unsigned millis = time_of_day % 1000;
  *p++ = static_cast<char>('0' + millis / 100);
  p = write_two(p, millis % 100);
  if (!local) *p++ = 'Z';
  return {out, static_cast<std::size_t>(p - out)};
}

}  // namespace ordernorm
