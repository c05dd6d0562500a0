// Converters and helpers that several carrier tracking mappings share
// (mappings/carriers/<name>_source.hpp). They are here, once, because the
// carriers' APIs write these things the same way and must be read the same
// way: a scan's local time with a separate UTC offset (USPS GMTOffset, UPS
// gmtOffset), an address wrapped in a place object (UPS, DHL), an event
// location that is null when the carrier left every part empty, a reject
// that carries the carrier's own error code and text, and the rule for a
// time written twice.
//
// A time written twice (UPS `date`/`time` beside `gmtDate`/`gmtTime`, USPS
// `eventTimestamp` + `GMTOffset` beside `GMTTimestamp`): each field is read
// in the pass as a `checked` value, which keeps what did not parse instead of
// rejecting at once; the mapping's rules decide after the pass, when both
// forms are known. A field that does not parse while its equivalent does is
// passed over with a warning that names the field, what it held and what was
// used instead; when no equivalent parses, the first bad field is rejected
// where it is, as any other bad value.
//
// Private to ordernorm: included by mappings/ only.
#pragma once

#include <boost/hana/tuple.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// Which shipment of a document each of the walker's warnings is about: a
// rule that warns while it builds out[i] says so, so that the tracker hands
// the warning to the sink just before that shipment (merged or not).
// Warnings no rule claimed are the document's.
class warning_owners {
 public:
  static constexpr std::size_t document = static_cast<std::size_t>(-1);

  void clear() noexcept { owners_.clear(); }
  // Warns through the walker (at its current JSON pointer) about out[shipment].
  template <class Walker>
  void warn(Walker& w, std::size_t shipment, warning_code code, std::string message) {
    owners_.resize(w.warnings().size(), document);
    w.warn(code, std::move(message));
    owners_.push_back(shipment);
  }
  template <class Walker>
  void warn(Walker& w, std::size_t shipment, std::string message) {
    warn(w, shipment, warning_code::unclassified, std::move(message));
  }
  // The shipment (index into `out`) that the walker's warning `i` is about.
  std::size_t owner(std::size_t i) const noexcept {
    return i < owners_.size() ? owners_[i] : document;
  }

 private:
  std::vector<std::size_t> owners_;
};

// ---------------------------------------------------------------------------
// Values judged after the pass (see "A time written twice" above).

// A field as read: its value when it parsed, else why not; the JSON token as
// written either way (empty when the field is absent, null or "").
template <class T>
struct checked {
  T value{};
  std::string_view token;
  error_code error = error_code::ok;

  bool present() const noexcept { return !token.empty(); }
  bool failed() const noexcept { return error != error_code::ok; }
  bool usable() const noexcept { return present() && !failed(); }
};

// Reads a string into a checked<T> with `Parse`, a function object
// `error_code(string_arena&, std::string_view, T&)` that must not fail the
// walker. A value that is not a string at all is still a reject here
// ("expected <kind>, got ...").
template <class Parse>
struct checked_converter {
  std::string_view kind;  // "a time string", ...

  template <class W, class T>
  error_code operator()(W& w, od::value& v, checked<T>& out) const {
    std::string_view s;
    if (error_code err = read_string(w, v, s, kind); err != error_code::ok) return err;
    if (s.empty()) return error_code::ok;
    out.token = trim_token(v.raw_json_token());
    out.error = Parse{}(w.arena(), s, out.value);
    return error_code::ok;
  }
};

// A UTC offset (utc_offset_converter's forms), for a checked field.
struct parse_utc_offset {
  error_code operator()(string_arena&, std::string_view s, std::optional<int>& out) const {
    out = utc_offset_converter::parse(s);
    return out ? error_code::ok : error_code::invalid_timestamp;
  }
};

// A JSON token for a message, cut to 60 bytes on a character boundary.
inline std::string excerpt(std::string_view token) {
  constexpr std::size_t limit = 60;
  if (token.size() <= limit) return std::string(token);
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(token[n]) & 0xC0) == 0x80) --n;
  return std::string(token.substr(0, n)) + "... (" + std::to_string(token.size()) + " bytes)";
}

// A time as the writer prints it, for messages.
inline std::string shown(const timestamp& t) {
  char buf[timestamp::max_chars];
  return std::string(t.format(buf));
}

// How far apart two instants are, for messages: "23 h 59 min 27 s".
inline std::string gap(std::chrono::sys_time<std::chrono::milliseconds> a,
                       std::chrono::sys_time<std::chrono::milliseconds> b) {
  using namespace std::chrono;
  const std::int64_t s = std::llabs(duration_cast<seconds>(a - b).count());
  std::string out;
  if (s >= 3600) out += std::to_string(s / 3600) + " h ";
  if (s >= 60) out += std::to_string(s / 60 % 60) + " min ";
  return out + std::to_string(s % 60) + " s";
}

// The walker's JSON pointer extended by `steps` (keys and array indexes) for
// as long as this lives: rules that run after the pass stand at the root,
// and warn or reject about a field deep inside.
template <class W>
class at_path {
 public:
  struct step {
    step(std::string_view k) : key(k) {}                          // NOLINT: a key, implicitly
    step(const char* k) : key(k) {}                               // NOLINT: a key, implicitly
    step(std::size_t i) : index(static_cast<std::int64_t>(i)) {}  // NOLINT: an index
    std::string_view key;
    std::int64_t index = -1;
  };
  at_path(W& w, std::initializer_list<step> steps) : w_(w), depth_(steps.size()) {
    for (const step& s : steps) {
      if (s.index >= 0) {
        w_.push_index(s.index);
      } else {
        w_.push_key(s.key);
      }
    }
  }
  ~at_path() {
    for (std::size_t i = 0; i < depth_; ++i) w_.pop();
  }
  at_path(const at_path&) = delete;
  at_path& operator=(const at_path&) = delete;

 private:
  W& w_;
  std::size_t depth_;
};

}  // namespace ordernorm::detail
