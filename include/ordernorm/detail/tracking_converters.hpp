// Converters and helpers that several carrier tracking mappings share
// (mappings/carriers/<name>_source.hpp). They are here, once, because the
// carriers' APIs write these things the same way and must be read the same
// way: a scan's local time with a separate UTC offset (USPS GMTOffset, UPS
// gmtOffset), an address wrapped in a place object (UPS, DHL), an event
// location that is null when the carrier left every part empty, and a reject
// that carries the carrier's own error code and text.
//
// Private to ordernorm: included by mappings/ only.
#pragma once

#include <boost/hana/tuple.hpp>
#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::detail {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// A UTC offset beside a local time: "+HH:MM", "-H:MM" (as in USPS's own
// example), "+HHMM", "+HH" or "Z", as minutes east of UTC.
struct utc_offset_converter {
  static constexpr std::optional<int> parse(std::string_view s) noexcept {
    if (s == "Z" || s == "z") return 0;
    if (s.empty() || (s[0] != '+' && s[0] != '-')) return std::nullopt;
    const int sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
    std::size_t n = 0;
    int hours = 0;
    while (n < s.size() && n < 2 && is_digit(s[n])) hours = hours * 10 + (s[n++] - '0');
    if (n == 0) return std::nullopt;
    s.remove_prefix(n);
    int minutes = 0;
    if (!s.empty()) {
      if (s[0] == ':') s.remove_prefix(1);
      if (s.size() != 2 || !is_digit(s[0]) || !is_digit(s[1])) return std::nullopt;
      minutes = (s[0] - '0') * 10 + (s[1] - '0');
    }
    if (hours > 23 || minutes > 59) return std::nullopt;
    return sign * (hours * 60 + minutes);
  }

  template <class W>
  error_code operator()(W& w, od::value& v, std::optional<int>& out) const {
    std::string_view s;
    if (error_code err = read_string(w, v, s, "a UTC offset string"); err != error_code::ok) {
      return err;
    }
    if (s.empty()) return error_code::ok;
    const std::optional<int> minutes = parse(s);
    if (!minutes) return w.fail(error_code::invalid_timestamp, v, "a UTC offset such as -05:00");
    out = minutes;
    return error_code::ok;
  }
};
inline constexpr utc_offset_converter as_utc_offset{};

// A local reading shifted by its UTC offset: the instant. Kept local when the
// shift would leave the years 0000-9999.
inline timestamp with_offset(timestamp local, int minutes_east) noexcept {
  using namespace std::chrono;
  timestamp t{local.time - minutes{minutes_east}, false};
  const year y = year_month_day{floor<days>(t.time)}.year();
  return y < year{0} || y > year{9999} ? local : t;
}

// A place object that wraps the address beside keys of its own (UPS
// `location: {address, slic}`, DHL `location: {address, servicePoint}`);
// `AddressMap` reads the carrier's address keys.
struct place_source {
  location address;
};

template <class AddressMap>
struct place_map {
  using target = place_source;
  static constexpr auto fields =
      boost::hana::make_tuple(field("address", &place_source::address, as_object<AddressMap>));
};

// An event's location: none when the carrier left every part of it empty,
// as as_object gives for an optional member.
inline std::optional<location> known_location(const location& where) {
  if (is_blank(where)) return std::nullopt;
  return where;
}

// The message of a reject for a carrier's error answer: `lead`, then each
// part the carrier gave (its code, title, text), space-separated.
inline std::string carrier_error_message(std::string lead,
                                         std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    lead += ' ';
    lead += part;
  }
  return lead;
}

}  // namespace ordernorm::detail
