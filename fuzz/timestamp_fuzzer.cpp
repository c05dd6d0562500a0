// The timestamp parser: parse_timestamp under each naive-time rule,
// from_unix_seconds and timestamp::format.
// Checks:
// - the three rules agree: a text with an offset gives the same instant
//   under each; a text without one is naive_timestamp under `reject`, and
//   under `utc` and `local` gives the same wall-clock count (an instant and a
//   local time respectively); a malformed text is invalid under all three;
// - format writes "YYYY-MM-DDTHH:MM:SS.mmm" (+ "Z" for an instant), and
//   parsing that gives the same timestamp back;
// - letter case does not matter (names in any case, 't'/'z' allowed);
// - unix seconds: from_unix_seconds(n) equals parsing n's decimal text, and
//   is in range exactly for years 0000-9999.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common.hpp"

namespace {

using ordernorm::error_code;
using ordernorm::naive_time;
using ordernorm::parse_timestamp;
using ordernorm::timestamp;

std::string describe(const ordernorm::result<timestamp>& r) {
  if (!r.ok()) return std::string(ordernorm::to_string(r.error()));
  char buf[timestamp::max_chars];
  return std::string(r->format(buf)) + (r->local ? " (local)" : "");
}

bool same(const ordernorm::result<timestamp>& a, const ordernorm::result<timestamp>& b) {
  if (a.error() != b.error()) return false;
  return !a.ok() || *a == *b;
}

void check_format(const timestamp& t, const std::string& context) {
  char buf[timestamp::max_chars];
  const std::string_view written = t.format(buf);
  const std::string shown = context + " -> " + std::string(written);
  fuzz::check(written.size() == (t.local ? 23u : 24u), "format's length", shown);
  static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd.ddd";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool ok =
        shape[i] == 'd' ? (written[i] >= '0' && written[i] <= '9') : written[i] == shape[i];
    fuzz::check(ok, "format's shape", shown);
  }
  fuzz::check(t.local || written.back() == 'Z', "an instant ends in Z", shown);
  const auto back = parse_timestamp(written, t.local ? naive_time::local : naive_time::reject);
  fuzz::check(back.ok() && *back == t, "parse(format(t)) == t", shown + " -> " + describe(back));
}

std::string recased(std::string_view s, bool upper) {
  std::string out(s);
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string shown(text);
  const auto strict = parse_timestamp(text, naive_time::reject);
  const auto utc = parse_timestamp(text, naive_time::utc);
  const auto local = parse_timestamp(text, naive_time::local);
  const std::string all = shown + "\nreject: " + describe(strict) + "\nutc: " + describe(utc) +
                          "\nlocal: " + describe(local);

  if (strict.error() == error_code::naive_timestamp) {
    fuzz::check(
        utc.error() != error_code::invalid_timestamp && utc.error() != error_code::naive_timestamp,
        "a naive time is valid under the utc rule unless out of range", all);
    fuzz::check(utc.error() == local.error(), "utc and local rules agree on a naive time", all);
    if (utc.ok()) {
      fuzz::check(!utc->local && local->local, "utc gives an instant, local a local time", all);
      fuzz::check(utc->time == local->time, "utc and local keep the same wall clock", all);
    }
  } else {
    fuzz::check(same(strict, utc) && same(strict, local),
                "a time with an offset (or an invalid one) reads the same under every rule", all);
    fuzz::check(!strict.ok() || !strict->local, "a time with an offset is an instant", all);
  }
  for (const auto* r : {&strict, &utc, &local}) {
    if (r->ok()) check_format(**r, shown);
  }

  fuzz::check(same(strict, parse_timestamp(recased(text, true), naive_time::reject)) &&
                  same(strict, parse_timestamp(recased(text, false), naive_time::reject)),
              "letter case does not matter", all);

  // Unix seconds from the first eight bytes.
  std::int64_t seconds = 0;
  std::memcpy(&seconds, data, std::min<std::size_t>(size, sizeof seconds));
  if (size > 8 && data[8] & 1) seconds %= 400'000'000'000;  // mostly near the valid range
  const auto from_int = ordernorm::from_unix_seconds(seconds);
  const auto from_text = parse_timestamp(std::to_string(seconds), naive_time::reject);
  const std::string unix_shown =
      std::to_string(seconds) + ": " + describe(from_int) + " / " + describe(from_text);
  fuzz::check(same(from_int, from_text), "unix seconds as an integer and as text agree",
              unix_shown);
  constexpr std::int64_t first = -62'167'219'200;  // 0000-01-01T00:00:00Z
  constexpr std::int64_t last = 253'402'300'799;   // 9999-12-31T23:59:59Z
  const bool in_range = seconds >= first && seconds <= last;
  fuzz::check(from_int.ok() == in_range &&
                  (in_range || from_int.error() == error_code::timestamp_out_of_range),
              "unix seconds are in range exactly for years 0000-9999", unix_shown);
  if (from_int.ok()) {
    fuzz::check(from_int->time.time_since_epoch().count() == seconds * 1000,
                "unix seconds keep their value", unix_shown);
    check_format(*from_int, unix_shown);
  }
  return 0;
}
