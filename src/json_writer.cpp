// The JSON writer, generated from the model's Hana reflection.
#include <array>
#include <boost/hana/accessors.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "ordernorm/writer.hpp"

namespace ordernorm {
namespace {

namespace hana = boost::hana;

// `"camelCaseKey":` for a snake_case member name, computed at compile time.
template <class HanaString>
struct json_key {
  static constexpr std::string_view snake = hana::to<char const*>(HanaString{});
  static constexpr auto storage = [] {
    std::array<char, snake.size() + 4> buf{};
    std::size_t n = 0;
    buf[n++] = '"';
    bool upper = false;
    for (char c : snake) {
      if (c == '_') {
        upper = true;
        continue;
      }
      buf[n++] = (upper && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
    buf[n++] = '"';
    buf[n++] = ':';
    return std::pair{buf, n};
  }();
  static constexpr std::string_view value{storage.first.data(), storage.second};
};

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w;
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

class json_out {
 public:
  explicit json_out(std::string& out) : out_(out) {}

  void raw(std::string_view s) { out_.append(s); }
  void raw(char c) { out_.push_back(c); }

  // Strings arrive unescaped and UTF-8-validated (simdjson checks the input);
  // only the quote, the backslash and control characters need escaping.
  void string(std::string_view s) {
    out_.push_back('"');
    const char* p = s.data();
    const char* end = p + s.size();
    const char* run = p;
    while (p != end) {
      // Eight bytes at a time while none needs escaping: most text is plain.
      while (end - p >= 8 && !needs_escape(load8(p))) p += 8;
      if (p == end) break;
      const auto c = static_cast<unsigned char>(*p);
      if (c >= 0x20 && c != '"' && c != '\\') [[likely]] {
        ++p;
        continue;
      }
      out_.append(run, p);
      escape(c);
      run = ++p;
    }
    out_.append(run, end);
    out_.push_back('"');
  }

 private:
  void escape(unsigned char c) {
    switch (c) {
      case '"':
        out_.append("\\\"");
        return;
      case '\\':
        out_.append("\\\\");
        return;
      case '\n':
        out_.append("\\n");
        return;
      case '\r':
        out_.append("\\r");
        return;
      case '\t':
        out_.append("\\t");
        return;
      case '\b':
        out_.append("\\b");
        return;
      case '\f':
        out_.append("\\f");
        return;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out_.append(u, 6);
      }
    }
  }

  std::string& out_;
};

// Money needs the currency's minor units; they flow down from the nearest
// struct that has a `currency` member.
template <class T>
concept has_currency = requires(const T& t) {
  { t.currency } -> std::convertible_to<std::string_view>;
};

template <class T>
void write_value(json_out& w, const T& v, int minor_units);

template <class T>
void write_struct(json_out& w, const T& s, int minor_units) {
  if constexpr (has_currency<T>) {
    if (!s.currency.empty()) minor_units = currency_minor_units(s.currency);
  }
  w.raw('{');
  bool first = true;
  hana::for_each(hana::accessors<T>(), [&](auto accessor) {
    if (!first) w.raw(',');
    first = false;
    w.raw(json_key<std::decay_t<decltype(hana::first(accessor))>>::value);
    write_value(w, hana::second(accessor)(s), minor_units);
  });
  w.raw('}');
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

}  // namespace ordernorm
