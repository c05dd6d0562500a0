// Timestamps: parsing every form the platforms send, writing RFC 3339.
//
// A `timestamp` is either an instant (UTC) or, when the source gave no offset
// and the field's rule says so, a local wall-clock time that is kept as given
// and never shifted. Precision is milliseconds; finer fractions are truncated
// toward the past.
//
//   auto t = ordernorm::parse_timestamp("2008-01-10T11:00:00-05:00",
//   ordernorm::naive_time::reject); char buf[ordernorm::timestamp::max_chars]; t->format(buf);  //
//   "2008-01-10T16:00:00.000Z"
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ordernorm/error.hpp"
#include "ordernorm/export.hpp"

namespace ordernorm {

// What a time without an offset means. Each mapping names its rule per field.
enum class naive_time : std::uint8_t {
  utc,     // the platform documents such times as UTC (Magento, WooCommerce *_gmt)
  local,   // a wall-clock time in an unknown zone (carrier scans): kept, not shifted
  reject,  // an offset is required: naive_timestamp error
};

struct ORDERNORM_API timestamp {
  // Milliseconds since 1970-01-01T00:00:00 in UTC, or, when `local`, the same
  // count for the wall-clock reading taken as if it were UTC.
  std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds> time{};
  bool local = false;

  // "YYYY-MM-DDTHH:MM:SS.mmm" + "Z" unless local.
  static constexpr std::size_t max_chars = 24;
  // Writes into `out` (at least max_chars bytes); returns the text written.
  std::string_view format(char* out) const noexcept;

  friend bool operator==(const timestamp& a, const timestamp& b) noexcept {
    return a.time == b.time && a.local == b.local;
  }
  friend bool operator!=(const timestamp& a, const timestamp& b) noexcept { return !(a == b); }
};

// Accepted forms (years 0000-9999 once converted to UTC):
//   ISO 8601 / RFC 3339   2008-01-10T11:00:00-05:00, 2024-05-11T13:49:17Z,
//                         2023-11-19T17:00:17.264Z, 2014-11-06T13:36Z (no seconds),
//                         +05:30, +0530, +05 offsets, 't'/'z' in lower case,
//                         2019-01-30T13:30:00 (no offset: the rule applies)
//   SQL style             2017-08-21 22:22:19 (no offset: the rule applies)
//   date only             2019-01-30 (midnight; no offset: the rule applies)
//   RFC 2822              Tue, 20 Nov 2012 00:00:00 +0000 (weekday optional and
//                         checked when present; seconds optional; zones +hhmm,
//                         UT, UTC, GMT, Z, EST/EDT/CST/CDT/MST/MDT/PST/PDT;
//                         names in any letter case)
//   unix seconds          1700000000 (a string of digits; from_unix_seconds takes a
//                         JSON integer). Any all-digit string is unix seconds:
//                         "20240101" is 1970-08-23T06:15:01Z, not a date.
// Errors: invalid_timestamp (malformed, or an impossible date such as Feb 30
// or hour 24), timestamp_out_of_range, naive_timestamp.
ORDERNORM_API result<timestamp> parse_timestamp(std::string_view text, naive_time rule) noexcept;

// Unix seconds given as a JSON integer.
ORDERNORM_API result<timestamp> from_unix_seconds(std::int64_t seconds) noexcept;

}  // namespace ordernorm
