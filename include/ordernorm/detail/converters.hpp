// Value converters: the third column of a mapping table. Each turns one JSON
// value into one member, with the rules every mapping shares:
// - absent, null and "" mean "no value": the member is left as it is;
// - a value of the wrong JSON type is an error (wrong_type), never guessed at;
// - numbers (money, ids) are read from the token's text, never via a double.
//
// Private to ordernorm: included by mappings/ only.
#pragma once

#include <boost/hana/accessors.hpp>
#include <boost/hana/second.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/mapping.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::detail {

// The slow half of check_text_length: trims what the raw token carries past
// the value, then fails with string_too_long if it is still too long.
error_code string_length_slow(walk_state& w, std::string_view token, bool quoted);

// A string or number text longer than the walker's max_string_bytes() is
// string_too_long.
// The check costs one compare: the raw token (the value as written, quotes
// and escapes included) is at least as long as the value's JSON text.
template <class W>
error_code check_text_length(W& w, od::value& v, bool quoted) {
  const std::string_view token = v.raw_json_token();
  if (token.size() > w.max_string_bytes() + (quoted ? 2 : 0)) [[unlikely]] {
    return string_length_slow(w, token, quoted);
  }
  return error_code::ok;
}

// Reads a string; `null` and "" give an empty view. Other types: wrong_type.
template <class W>
error_code read_string(W& w, od::value& v, std::string_view& out, std::string_view expected) {
  od::json_type type{};
  if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
  if (type == od::json_type::null) {
    out = {};
    return check_null(w, v);
  }
  if (type != od::json_type::string) return w.fail(error_code::wrong_type, v, expected);
  if (error_code err = check_text_length(w, v, true); err != error_code::ok) return err;
  if (auto e = v.get_string().get(out)) return w.fail_json(e, v.raw_json_token().data());
  return error_code::ok;
}

// Reads the text of a string or number token ("12.50" or 12.50): the form
// money and ids come in. Numbers give their exact source digits.
// `type` tells which of the two it was. Always inlined: it runs for every
// money and id field, and GCC's unit-growth limits otherwise leave it a call
// in some platforms' handlers (measured: +3% instructions on WooCommerce).
template <class W>
[[gnu::always_inline]] inline error_code read_scalar_text(W& w, od::value& v, std::string_view& out,
                                                          od::json_type& type,
                                                          std::string_view expected) {
  if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
  switch (type) {
    case od::json_type::null:
      out = {};
      return check_null(w, v);
    case od::json_type::string:
      if (error_code err = check_text_length(w, v, true); err != error_code::ok) return err;
      if (auto e = v.get_string().get(out)) return w.fail_json(e, v.raw_json_token().data());
      return error_code::ok;
    case od::json_type::number:
      if (error_code err = check_text_length(w, v, false); err != error_code::ok) return err;
      out = trim_token(v.raw_json_token());
      return error_code::ok;
    default:
      return w.fail(error_code::wrong_type, v, expected);
  }
}

// Reads a text field: a string, or a JSON number taken as its text exactly as
// written (`"sku": 123` is "123", `"phone": 1234567890` is "1234567890":
// digits never pass through a double). `null` and "" give an empty view;
// true/false, arrays and objects are wrong_type.
template <class W>
error_code read_text(W& w, od::value& v, std::string_view& out, std::string_view expected) {
  od::json_type type{};
  if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
  if (type == od::json_type::string) [[likely]] {
    if (error_code err = check_text_length(w, v, true); err != error_code::ok) return err;
    if (auto e = v.get_string().get(out)) return w.fail_json(e, v.raw_json_token().data());
    return error_code::ok;
  }
  if (type == od::json_type::null) {
    out = {};
    return check_null(w, v);
  }
  if (type != od::json_type::number) return w.fail(error_code::wrong_type, v, expected);
  if (error_code err = check_text_length(w, v, false); err != error_code::ok) return err;
  out = trim_token(v.raw_json_token());
  return error_code::ok;
}

// A string. The primary form writes only a non-empty value, so that a null
// never erases what another key already gave; the fallback form fills the
// member only when no other key did: the second choice of two source keys
// (Shopify `province` when `province_code` is absent). Either way the result
// does not depend on the order of the keys in the document.
template <bool Fallback>
struct text_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, text& out) const {
    std::string_view s;
    if (error_code err = read_text(w, v, s, "a string"); err != error_code::ok) return err;
    if (Fallback ? out.empty() : !s.empty()) out = s;
    return error_code::ok;
  }
};
inline constexpr text_converter<false> as_text{};
inline constexpr text_converter<true> as_text_fallback{};

// A string, or an integer written as a JSON number and kept as its exact
// digits (never through a double; fractions and exponents are not integers).
// Ids come so, and some carriers type a postal code as a number. One
// converter for both, so that the two read numbers alike; each use names
// what it expected, and whether a sign is allowed.
struct integer_text_converter {
  std::string_view expected;  // for a value of another JSON type
  std::string_view integer;   // for a number that is not such an integer
  bool sign = false;          // whether a leading '-' belongs to the digits

  template <class W>
  error_code operator()(W& w, od::value& v, text& out) const {
    std::string_view s;
    od::json_type type{};
    if (error_code err = read_scalar_text(w, v, s, type, expected); err != error_code::ok) {
      return err;
    }
    if (s.empty()) return error_code::ok;
    if (type == od::json_type::number) {
      std::size_t i = sign && s[0] == '-' ? 1 : 0;
      if (i == s.size()) return w.fail(error_code::invalid_number, v, integer);
      for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return w.fail(error_code::invalid_number, v, integer);
      }
    }
    out = s;
    return error_code::ok;
  }
};

// An id: a string, or an integer kept as its exact digits (64-bit ids never
// pass through a double).
inline constexpr integer_text_converter as_id{
    .expected = "a string or an integer id", .integer = "an integer id", .sign = true};

// A postal code: a string, or an integer written as a JSON number, kept as
// its digits.
inline constexpr integer_text_converter as_postal_code{.expected = "a postal code string",
                                                       .integer = "a postal code"};

// Exact money from a decimal string or a JSON number.
struct money_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, opt_money& out) const {
    std::string_view s;
    od::json_type type{};
    if (error_code err = read_scalar_text(w, v, s, type, "a decimal number or string");
        err != error_code::ok) {
      return err;
    }
    if (s.empty()) return error_code::ok;
    result<decimal> d = decimal::parse(s);
    if (!d) return w.fail(d.error(), v, "a decimal amount");
    out = *d;
    return error_code::ok;
  }
};
inline constexpr money_converter as_money{};

// A line quantity: a JSON number (or a decimal string), integer or
// fractional, held exactly (quantity::parse: never through a double). "2.0"
// is 2; 1.5 stays 1.5. Anything that is not such a number is invalid_number.
struct quantity_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, opt_quantity& out) const {
    // Its own reading rather than read_scalar_text's: one more caller there
    // made GCC stop inlining it into the money and id converters.
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    std::string_view s;
    if (type == od::json_type::number) {
      if (error_code err = check_text_length(w, v, false); err != error_code::ok) return err;
      s = trim_token(v.raw_json_token());
      // Most quantities are small counts: their digits are the value.
      if (s.size() <= 18) {
        std::int64_t n = 0;
        std::size_t i = 0;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) n = n * 10 + (s[i] - '0');
        if (i == s.size()) {
          out = quantity(n);
          return error_code::ok;
        }
      }
    } else if (type == od::json_type::string) {
      if (error_code err = read_string(w, v, s, "a quantity"); err != error_code::ok) return err;
      if (s.empty()) return error_code::ok;
    } else if (type == od::json_type::null) {
      return check_null(w, v);
    } else {
      return w.fail(error_code::wrong_type, v, "a quantity");
    }
    result<quantity> q = quantity::parse(s);
    if (!q) return w.fail(error_code::invalid_number, v, "a quantity (an exact decimal number)");
    out = *q;
    return error_code::ok;
  }
};
inline constexpr quantity_converter as_quantity{};

// A timestamp string; `Rule` says what a time without offset means for this
// field (see naive_time).
template <naive_time Rule>
struct time_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, opt_time& out) const {
    std::string_view s;
    if (error_code err = read_string(w, v, s, "a timestamp string"); err != error_code::ok) {
      return err;
    }
    if (s.empty()) return error_code::ok;
    result<timestamp> t = parse_timestamp(s, Rule);
    if (!t) return w.fail(t.error(), v, "a timestamp");
    out = *t;
    return error_code::ok;
  }
};
template <naive_time Rule>
inline constexpr time_converter<Rule> as_time{};

// A JSON integer.
struct int_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, opt_int& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(w, v);
    if (type != od::json_type::number) return w.fail(error_code::wrong_type, v, "an integer");
    std::int64_t n;
    if (v.get_int64().get(n)) return w.fail(error_code::invalid_number, v, "a 64-bit integer");
    out = n;
    return error_code::ok;
  }
};
inline constexpr int_converter as_int{};

// true/false; null leaves the member alone.
struct bool_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, bool& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(w, v);
    if (type != od::json_type::boolean) return w.fail(error_code::wrong_type, v, "true or false");
    bool b;
    if (auto e = v.get_bool().get(b)) return w.fail_json(e, v.raw_json_token().data());
    out = b;
    return error_code::ok;
  }
  template <class W>
  error_code operator()(W& w, od::value& v, std::optional<bool>& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(w, v);
    bool b = false;
    if (error_code e = (*this)(w, v, b); e != error_code::ok) return e;
    out = b;
    return error_code::ok;
  }
};
inline constexpr bool_converter as_bool{};

// An array of strings; nulls and "" inside it are kept as empty entries so
// that parallel arrays (Shopify tracking_numbers / tracking_urls) stay aligned.
struct text_list_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, std::vector<text>& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(w, v);
    if (type != od::json_type::array)
      return w.fail(error_code::wrong_type, v, "an array of strings");
    od::array arr;
    if (auto e = v.get_array().get(arr)) return w.fail_json(e, v.raw_json_token().data());
    std::int64_t index = 0;
    for (auto element_result : arr) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) {
        return w.fail_json(e, v.raw_json_token().data());
      }
      w.push_index(index++);
      std::string_view s;
      const error_code err = read_string(w, element, s, "a string");
      w.pop();
      if (err != error_code::ok) return err;
      out.push_back(s);
    }
    return error_code::ok;
  }
};
inline constexpr text_list_converter as_text_list{};

// An order without its id is never a silent success: the record is rejected
// with missing_field at the id's key (`key` as the platform spells it), so
// that the reject says what was missing and where it was looked for.
template <class W>
error_code missing_id(W& w, std::string_view key) {
  w.push_key(key);
  w.fail(error_code::missing_field, w.record_begin(),
         "the order has no id: " + std::string(key) + " is absent, null or empty");
  w.pop();
  return error_code::missing_field;
}

template <class T>
struct is_std_optional : std::false_type {};
template <class T>
struct is_std_optional<std::optional<T>> : std::true_type {};

// True when a model struct carries no value at all (every text empty, every
// optional unset, every list empty): such an object is written as null.
template <class T>
bool is_blank(const T& v) {
  if constexpr (std::is_same_v<T, text>) {
    return v.empty();
  } else if constexpr (is_std_optional<T>::value) {
    return !v.has_value();
  } else if constexpr (requires { v.empty(); }) {
    return v.empty();
  } else if constexpr (hana::Struct<T>::value) {
    bool blank = true;
    hana::for_each(hana::accessors<T>(),
                   [&](auto accessor) { blank = blank && is_blank(hana::second(accessor)(v)); });
    return blank;
  } else {
    return false;  // a bool or an enumerator always says something
  }
}

// A nested object mapped with `Map`. Into a std::optional member: a null,
// absent or blank object leaves it empty; into a plain struct member: merged
// in place.
template <class Map>
struct object_converter {
  template <class W, class Member>
  error_code operator()(W& w, od::value& v, Member& out) const {
    bool present = false;
    if constexpr (is_std_optional<Member>::value) {
      typename Map::target scratch{};
      const error_code err = w.template map_object<Map>(v, scratch, present);
      if (err == error_code::ok && present && !is_blank(scratch)) out = std::move(scratch);
      return err;
    } else {
      return w.template map_object<Map>(v, out, present);
    }
  }
};
template <class Map>
inline constexpr object_converter<Map> as_object{};

// An array of objects, each mapped with `Map`, appended to a vector member.
template <class Map>
struct array_converter {
  template <class W, class Element>
  error_code operator()(W& w, od::value& v, std::vector<Element>& out) const {
    return w.template map_array<Map>(v, out);
  }
};
template <class Map>
inline constexpr array_converter<Map> as_array{};

}  // namespace ordernorm::detail
