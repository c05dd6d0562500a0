// The JSON writer, generated from the model's Hana reflection.
#include <algorithm>
#include <array>
#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/size.hpp>
#include <boost/hana/string.hpp>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

#include "json_names.hpp"
#include "ordernorm/tracking.hpp"
#include "ordernorm/writer.hpp"

namespace ordernorm {
namespace {

namespace hana = boost::hana;

// `{"camelCaseKey":` for a struct's first member and `,"camelCaseKey":` for
// the others, computed at compile time, so that the separator and the key are
// one store of a known size.
template <class HanaString, bool First>
struct json_key {
  static constexpr std::string_view key = json_names::member_key<HanaString>::value;
  static constexpr auto storage = [] {
    std::array<char, key.size() + 4> buf{};
    std::size_t n = 0;
    buf[n++] = First ? '{' : ',';
    buf[n++] = '"';
    for (char c : key) buf[n++] = c;
    buf[n++] = '"';
    buf[n++] = ':';
    return buf;
  }();
  static constexpr std::string_view value{storage.data(), storage.size()};
};

using json_names::is_optional;
using json_names::is_vector;

std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}
std::uint32_t load4(const char* p) noexcept {
  std::uint32_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// True when any byte of `w` is below 0x20, a quote or a backslash (SWAR:
// a byte is "zero" after the xor when it equals the character sought).
constexpr bool needs_escape(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  const bool control = ((w - ones * 0x20) & ~w & highs) != 0;
  return control || has_zero(w ^ (ones * '"')) || has_zero(w ^ (ones * '\\'));
}

// Writes through a raw pointer into `out`'s storage, growing it ahead of
// each write, so that the per-character work is a store, not a call into
// std::string's append and push_back (which check capacity every time).
class json_out {
 public:
  explicit json_out(std::string& out) : out_(out) {
    const std::size_t used = out_.size();
    out_.resize(used + initial_room);
    pos_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }
  ~json_out() { out_.resize(static_cast<std::size_t>(pos_ - out_.data())); }
  json_out(const json_out&) = delete;
  json_out& operator=(const json_out&) = delete;

  void raw(std::string_view s) {
    reserve(s.size());
    std::memcpy(pos_, s.data(), s.size());
    pos_ += s.size();
  }
  void raw(char c) {
    reserve(1);
    *pos_++ = c;
  }

  // Strings arrive unescaped and UTF-8-validated (simdjson checks the input);
  // only the quote, the backslash and control characters need escaping.
  void string(std::string_view s) {
    if (short_string(s)) return;
    raw('"');
    const char* p = s.data();
    const char* const end = p + s.size();
    while (p != end) {
      // A chunk at a time, with room for its worst case (every byte a
      // six-byte \u00XX), so that a huge string never needs six times its
      // size at once.
      const char* const chunk_end = end - p > chunk_bytes ? p + chunk_bytes : end;
      reserve(static_cast<std::size_t>(chunk_end - p) * 6);
      char* out = pos_;
      const char* const chunk_begin = p;
      while (p != chunk_end) {
        // Eight bytes at a time while none needs escaping: most text is plain.
        while (chunk_end - p >= 8) {
          const std::uint64_t w = load8(p);
          if (needs_escape(w)) break;
          std::memcpy(out, &w, 8);
          out += 8;
          p += 8;
        }
        if (p == chunk_end) break;
        // The last 1-7 bytes of a chunk copied so far without escapes: one
        // load of the chunk's last eight bytes, overlapping what is already
        // written (the same bytes at the same places), instead of a loop.
        if (chunk_end - p < 8 && out - pos_ == p - chunk_begin && chunk_end - chunk_begin >= 8) {
          const std::uint64_t w = load8(chunk_end - 8);
          if (!needs_escape(w)) {
            std::memcpy(out + (chunk_end - p) - 8, &w, 8);
            out += chunk_end - p;
            p = chunk_end;
            break;
          }
        }
        const auto c = static_cast<unsigned char>(*p++);
        if (c >= 0x20 && c != '"' && c != '\\') [[likely]] {
          *out++ = static_cast<char>(c);
          continue;
        }
        out = escape(out, c);
      }
      pos_ = out;
    }
    raw('"');
  }

 private:
  static constexpr std::size_t initial_room = 4096;
  static constexpr std::ptrdiff_t chunk_bytes = 4096;

  void reserve(std::size_t n) {
    if (static_cast<std::size_t>(end_ - pos_) < n) [[unlikely]]
      grow(n);
  }
  // resize() zero-fills what it adds, so add only what is asked for (plus
  // the usual room), never a multiple of what the string already holds: a
  // caller appending order after order to a 1 MiB buffer (the CLI) paid a
  // memset of the whole buffer per order that outgrew the room. The
  // capacity still grows geometrically.
  void grow(std::size_t n) {
    const auto used = static_cast<std::size_t>(pos_ - out_.data());
    const std::size_t size = used + std::max(n, initial_room);
    if (size > out_.capacity()) out_.reserve(std::max(size, out_.capacity() * 2));
    out_.resize(size);
    pos_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }

  // A string of 4 to 16 bytes with nothing to escape (most values: codes,
  // names, ids, statuses), quotes included, in two overlapping loads and
  // stores instead of a loop per byte. False, writing nothing, otherwise.
  bool short_string(std::string_view s) {
    const std::size_t n = s.size();
    if (n < 4 || n > 16) return false;
    const char* p = s.data();
    std::uint64_t head, tail;
    if (n >= 8) {
      head = load8(p);
      tail = load8(p + n - 8);
      if (needs_escape(head) || needs_escape(tail)) return false;
    } else {
      // Both halves in one word: every byte of it is the string's.
      head = load4(p);
      tail = load4(p + n - 4);
      if (needs_escape(head | tail << 32)) return false;
    }
    reserve(n + 2);
    char* out = pos_;
    *out++ = '"';
    if (n >= 8) {
      std::memcpy(out, &head, 8);
      std::memcpy(out + n - 8, &tail, 8);
    } else {
      const auto head4 = static_cast<std::uint32_t>(head);
      const auto tail4 = static_cast<std::uint32_t>(tail);
      std::memcpy(out, &head4, 4);
      std::memcpy(out + n - 4, &tail4, 4);
    }
    out += n;
    *out++ = '"';
    pos_ = out;
    return true;
  }

  static char* escape(char* out, unsigned char c) {
    char short_form = 0;
    switch (c) {
      case '"':
        short_form = '"';
        break;
      case '\\':
        short_form = '\\';
        break;
      case '\n':
        short_form = 'n';
        break;
      case '\r':
        short_form = 'r';
        break;
      case '\t':
        short_form = 't';
        break;
      case '\b':
        short_form = 'b';
        break;
      case '\f':
        short_form = 'f';
        break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        std::memcpy(out, u, 6);
        return out + 6;
      }
    }
    *out++ = '\\';
    *out++ = short_form;
    return out;
  }

  std::string& out_;
  char* pos_ = nullptr;
  char* end_ = nullptr;
};

// Money needs the currency's minor units; they flow down from the nearest
// struct that has a `currency` member.
template <class T>
concept has_currency = requires(const T& t) {
  { t.currency } -> std::convertible_to<std::string_view>;
};

template <class T>
void write_value(json_out& w, const T& v, int minor_units);

template <class T, std::size_t... I>
void write_members(json_out& w, const T& s, int minor_units, std::index_sequence<I...>);

template <class T>
void write_struct(json_out& w, const T& s, int minor_units) {
  if constexpr (has_currency<T>) {
    if (!s.currency.empty()) minor_units = currency_minor_units(s.currency);
  }
  write_members(w, s, minor_units,
                std::make_index_sequence<decltype(hana::size(hana::accessors<T>()))::value>{});
  w.raw('}');
}

template <class T, std::size_t... I>
void write_members(json_out& w, const T& s, int minor_units, std::index_sequence<I...>) {
  static_assert(sizeof...(I) > 0, "the first key writes the opening brace");
  constexpr auto accessors = hana::accessors<T>();
  ((w.raw(json_key<std::decay_t<decltype(hana::first(hana::at_c<I>(accessors)))>, I == 0>::value),
    write_value(w, hana::second(hana::at_c<I>(accessors))(s), minor_units)),
   ...);
}

template <class T>
void write_value(json_out& w, const T& v, int minor_units) {
  if constexpr (std::is_same_v<T, text>) {
    if (v.empty()) {
      w.raw("null");
    } else {
      w.string(v);
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    w.raw(v ? std::string_view("true") : std::string_view("false"));
  } else if constexpr (std::is_enum_v<T>) {
    w.raw('"');
    w.raw(to_string(v));  // vocabulary spellings need no escaping
    w.raw('"');
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    char buf[24];
    char* end = buf + sizeof buf;
    char* p = end;
    const bool negative = v < 0;
    // Work in unsigned space so INT64_MIN does not overflow.
    auto u = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    do {
      *--p = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u != 0);
    if (negative) *--p = '-';
    w.raw(std::string_view(p, static_cast<std::size_t>(end - p)));
  } else if constexpr (std::is_same_v<T, decimal>) {
    char buf[decimal::max_chars];
    w.raw('"');
    w.raw(v.format(buf, minor_units));
    w.raw('"');
  } else if constexpr (std::is_same_v<T, quantity>) {
    // A JSON number, not a string: 2 for a whole quantity, 1.5 otherwise.
    if (v.is_whole()) {
      write_value(w, v.value().units(), minor_units);
    } else {
      char buf[decimal::max_chars];
      w.raw(v.format(buf));
    }
  } else if constexpr (std::is_same_v<T, timestamp>) {
    char buf[timestamp::max_chars];
    w.raw('"');
    w.raw(v.format(buf));
    w.raw('"');
  } else if constexpr (is_optional<T>::value) {
    if (v) {
      write_value(w, *v, minor_units);
    } else {
      w.raw("null");
    }
  } else if constexpr (is_vector<T>::value) {
    w.raw('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i != 0) w.raw(',');
      write_value(w, v[i], minor_units);
    }
    w.raw(']');
  } else {
    static_assert(hana::Struct<T>::value, "model members must be Hana structs or known leaf types");
    write_struct(w, v, minor_units);
  }
}

}  // namespace

void write_json(const order& o, std::string& out) {
  json_out w(out);
  write_struct(w, o, -1);
}

void write_json(const shipment& s, std::string& out) {
  json_out w(out);
  write_struct(w, s, -1);
}

void write_json(const shipment& s, const derivation& why, bool explain, std::string& out) {
  write_json(s, out);
  out.pop_back();  // reopen the object for the derivation's keys
  json_out w(out);
  w.raw(",\"decidedBy\":");
  if (why.deciding_event) {
    w.raw(std::to_string(*why.deciding_event));
  } else {
    w.raw("null");
  }
  w.raw(",\"rule\":");
  w.string(why.rule);
  if (explain) {
    w.raw(",\"explain\":[");
    for (std::size_t i = 0; i < why.events.size(); ++i) {
      const derivation::event_note& note = why.events[i];
      w.raw(i == 0 ? "{\"event\":" : ",{\"event\":");
      w.raw(std::to_string(i));
      w.raw(",\"from\":");
      w.string(to_string(note.origin));
      w.raw(note.counted ? ",\"counted\":true,\"why\":" : ",\"counted\":false,\"why\":");
      w.string(note.why);
      w.raw('}');
    }
    w.raw("],\"duplicatesDropped\":");
    w.raw(std::to_string(why.duplicates_dropped));
  }
  w.raw("}\n");
}

}  // namespace ordernorm
