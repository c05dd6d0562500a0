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
#include "ordernorm/detail/model_reflection.hpp"
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

// A global id, "gid://<app>/<Type>/<tail>" (Shopify's GraphQL ids: "gid://
// shopify/Order/450789469"), split into its parts; nothing when `s` is not
// one. The tail is everything after the type's slash, kept as given (it is
// numeric for Shopify's own objects, but need not be).
struct gid_parts {
  std::string_view app;
  std::string_view type;
  std::string_view tail;
};
constexpr std::optional<gid_parts> split_gid(std::string_view s) noexcept {
  constexpr std::string_view scheme = "gid://";
  if (!s.starts_with(scheme)) return std::nullopt;
  s.remove_prefix(scheme.size());
  const std::size_t app_end = s.find('/');
  if (app_end == std::string_view::npos || app_end == 0) return std::nullopt;
  const std::string_view rest = s.substr(app_end + 1);
  const std::size_t type_end = rest.find('/');
  if (type_end == std::string_view::npos || type_end == 0 || type_end + 1 == rest.size()) {
    return std::nullopt;
  }
  return gid_parts{s.substr(0, app_end), rest.substr(0, type_end), rest.substr(type_end + 1)};
}

// An id that may be a global id: "gid://shopify/LineItem/866550311766439020"
// is "866550311766439020"; any other string or integer is read as as_id
// reads it. A string that starts with "gid://" but lacks a type or a tail is
// wrong_type. Escaped slashes ("gid:\/\/shopify\/...") are the same string
// once parsed.
struct gid_tail_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, text& out) const {
    text s;
    if (error_code err = as_id(w, v, s); err != error_code::ok) return err;
    if (s.starts_with("gid://")) {
      const std::optional<gid_parts> gid = split_gid(s);
      if (!gid) return w.fail(error_code::wrong_type, v, "a global id (gid://<app>/<Type>/<id>)");
      s = gid->tail;
    }
    if (!s.empty()) out = s;
    return error_code::ok;
  }
};
inline constexpr gid_tail_converter as_gid_tail{};

// A text value and where it was, for a rule that checks it after the single
// pass and reports its error at the value (the byte offset of its token).
struct located_text {
  text value;
  const char* at = nullptr;
};
// An id (as as_id reads it) with its place.
struct located_id_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, located_text& out) const {
    text s;
    if (error_code err = as_id(w, v, s); err != error_code::ok) return err;
    if (!s.empty()) out = {s, v.raw_json_token().data()};
    return error_code::ok;
  }
};
inline constexpr located_id_converter as_located_id{};

// The first run of ASCII digits in a text: an order name with the shop's
// prefix or suffix ("#1001", "HCDEV#2611", "1001-A") gives its number
// ("1001", "2611", "1001"); a text without a digit is kept as given.
struct first_digits_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, text& out) const {
    std::string_view s;
    if (error_code err = read_text(w, v, s, "a string"); err != error_code::ok) return err;
    if (s.empty()) return error_code::ok;
    std::size_t begin = 0;
    while (begin < s.size() && (s[begin] < '0' || s[begin] > '9')) ++begin;
    if (begin == s.size()) {
      out = s;
      return error_code::ok;
    }
    std::size_t end = begin;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    out = s.substr(begin, end - begin);
    return error_code::ok;
  }
};
inline constexpr first_digits_converter as_first_digits{};

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

// A GraphQL list of objects, each mapped with `Map` and appended to a vector
// member, in any of the shapes a query returns it in: a plain array
// (`[{...}]`), or a connection, `{"nodes":[{...}]}` or
// `{"edges":[{"node":{...},"cursor":...}]}`. A connection's other members
// (`pageInfo`, `totalCount`, ...) are skipped; when it has both `nodes` and
// `edges` (a query may select both), the first of the two that is not null
// is read and the other skipped, so that no element is read twice. An edge
// without `node` gives no element.
template <class Map>
struct connection_converter {
  template <class W, class Element>
  error_code operator()(W& w, od::value& v, std::vector<Element>& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    // An array, null, or a value of another type (map_array says wrong_type).
    if (type != od::json_type::object) return w.template map_array<Map>(v, out);
    od::object obj;
    if (auto e = v.get_object().get(obj)) return w.fail_json(e, v.raw_json_token().data());
    bool read = false;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return w.fail_json(e, nullptr);
      if (read) continue;
      const bool nodes = f.key().unsafe_is_equal("nodes");
      if (!nodes && !f.key().unsafe_is_equal("edges")) continue;
      od::value& list = f.value();
      if (auto e = list.type().get(type)) return w.fail_json(e, list.raw_json_token().data());
      if (type == od::json_type::null) {
        if (error_code err = check_null(w, list); err != error_code::ok) return err;
        continue;
      }
      read = true;
      w.push_key(nodes ? "nodes" : "edges");
      const error_code err = nodes ? w.template map_array<Map>(list, out) : map_edges(w, list, out);
      w.pop();
      if (err != error_code::ok) return err;
    }
    return error_code::ok;
  }

 private:
  // `edges`: an array of objects, each mapping its `node` (its first `node`
  // key, as for any duplicate key).
  template <class W, class Element>
  static error_code map_edges(W& w, od::value& v, std::vector<Element>& out) {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type != od::json_type::array) return w.fail(error_code::wrong_type, v, "an array of edges");
    od::array arr;
    if (auto e = v.get_array().get(arr)) return w.fail_json(e, v.raw_json_token().data());
    std::int64_t index = 0;
    for (auto element_result : arr) {
      od::value edge;
      if (auto e = std::move(element_result).get(edge)) {
        return w.fail_json(e, v.raw_json_token().data());
      }
      w.push_index(index++);
      const error_code err = map_edge(w, edge, out);
      w.pop();
      if (err != error_code::ok) return err;
    }
    return error_code::ok;
  }

  template <class W, class Element>
  static error_code map_edge(W& w, od::value& edge, std::vector<Element>& out) {
    od::json_type type{};
    if (auto e = edge.type().get(type)) return w.fail_json(e, edge.raw_json_token().data());
    if (type != od::json_type::object) {
      return w.fail(error_code::wrong_type, edge, "an edge object ({\"node\":{...}})");
    }
    od::object obj;
    if (auto e = edge.get_object().get(obj)) return w.fail_json(e, edge.raw_json_token().data());
    bool seen = false;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return w.fail_json(e, nullptr);
      if (seen || !f.key().unsafe_is_equal("node")) continue;
      seen = true;
      w.push_key("node");
      bool present = false;
      error_code err = w.template map_object<Map>(f.value(), out.emplace_back(), present);
      if (err == error_code::ok && !present) {
        err = w.fail(error_code::wrong_type, f.value(), "an object");
      }
      w.pop();
      if (err != error_code::ok) return err;
    }
    return error_code::ok;
  }
};
template <class Map>
inline constexpr connection_converter<Map> as_connection{};

}  // namespace ordernorm::detail
