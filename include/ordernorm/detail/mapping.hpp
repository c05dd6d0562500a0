// The mapping engine: turns a mapping table into JSON-walking code.
//
// A mapping is a type with a `target` type and a `fields` Hana tuple of
// descriptors (source key, target member, converter):
//
//   struct address_map {
//     using target = ordernorm::address;
//     static constexpr auto fields = boost::hana::make_tuple(
//         field("first_name", &address::first_name, as_text),
//         field("zip", &address::postal_code, as_text));
//   };
//
// Two walkers apply a mapping to a simdjson On-Demand object:
// - fast_walker: ONE pass, `for (field : object)`; each raw key is classified
//   by a table built at compile time (bucket on the first byte, then an 8-byte
//   masked compare) and dispatched through a static array of handlers.
// - reference_walker: deliberately simple; the same single pass in document
//   order, but each key is compared with every key of the table in turn. It
//   exists to check the fast one's classifier, handler table and duplicate
//   rule (tests, differential fuzzing, benchmarks). Both read fields in
//   document order on purpose: simdjson validates what it reads and only
//   counts brackets in what it skips, so a walker reading in another order
//   (find_field per key) sees another document when the JSON is broken.
// Both give the same result on every input: the first occurrence of a
// duplicate key wins, keys are matched as raw (escaped) bytes, and both read
// the same values in the same order, so both reject the same broken JSON.
//
// Private to ordernorm: included by src/ and mappings/ only.
#pragma once

#include <simdjson.h>
#include <array>
#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/size.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ordernorm/common.hpp"
#include "ordernorm/detail/arena.hpp"
#include "ordernorm/error.hpp"

namespace ordernorm::detail {

namespace hana = boost::hana;
namespace od = simdjson::ondemand;

// ---------------------------------------------------------------------------
// Descriptors

template <class Owner, class Member, class Converter>
struct field_descriptor {
  std::string_view key;
  Member Owner::*member;
  Converter converter;
};

// One row of a mapping table. `member` may belong to the map's target or to a
// base class of it (platform scratch structs derive from the model types).
template <class Owner, class Member, class Converter>
constexpr auto field(std::string_view key, Member Owner::*member, Converter converter) {
  return field_descriptor<Owner, Member, Converter>{key, member, converter};
}

template <class Map>
inline constexpr std::size_t field_count = decltype(hana::size(Map::fields))::value;

template <class Map>
constexpr auto field_keys() {
  return hana::unpack(Map::fields, [](const auto&... f) {
    return std::array<std::string_view, sizeof...(f)>{f.key...};
  });
}

template <class Map>
constexpr bool keys_are_valid() {
  constexpr auto keys = field_keys<Map>();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].empty()) return false;
    for (char c : keys[i]) {
      if (c == '"' || c == '\\') return false;  // keys are compared raw, unescaped
    }
    for (std::size_t j = i + 1; j < keys.size(); ++j) {
      if (keys[i] == keys[j]) return false;
    }
  }
  return true;
}

template <class Descriptor>
struct descriptor_traits;
template <class Owner, class Member, class Converter>
struct descriptor_traits<field_descriptor<Owner, Member, Converter>> {
  using owner = Owner;
  using member = Member;
  using converter = Converter;
};

// Every row's member belongs to the map's target (or a base of it), and every
// converter accepts that member for this walker.
template <class Map, class Target, class Walker>
constexpr bool rows_fit() {
  return hana::unpack(Map::fields, [](const auto&... f) {
    return ((std::is_base_of_v<typename descriptor_traits<std::remove_cvref_t<decltype(f)>>::owner,
                               Target> &&
             std::is_invocable_r_v<
                 error_code,
                 const typename descriptor_traits<std::remove_cvref_t<decltype(f)>>::converter&,
                 Walker&, od::value&,
                 typename descriptor_traits<std::remove_cvref_t<decltype(f)>>::member&>)&&...);
  });
}

// ---------------------------------------------------------------------------
// Key classifier, built at compile time from the table's keys.

template <class Map>
struct key_classifier {
  static constexpr std::size_t count = field_count<Map>;
  static_assert(count > 0 && count <= 64, "a mapping table holds 1 to 64 keys");
  static_assert(keys_are_valid<Map>(),
                "mapping keys must be unique, non-empty, and free of quotes and backslashes");

  struct candidate {
    std::uint64_t prefix;  // first bytes of `key"` in memory order
    std::uint64_t mask;
    std::uint64_t prefix2;  // bytes 8 to 15 of `key"`, for keys of 8 bytes or more
    std::uint64_t mask2;
    std::uint8_t length;
    std::uint8_t index;
  };
  struct tables {
    std::array<candidate, count> candidates{};  // sorted by first byte
    std::array<std::uint8_t, 257> bucket_start{};
  };

  static constexpr std::uint64_t load_le(std::string_view s, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      v |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
    }
    return v;
  }

  static constexpr tables build() {
    constexpr auto map_keys = field_keys<Map>();
    tables t{};
    std::size_t n = 0;
    for (unsigned first = 0; first < 256; ++first) {
      t.bucket_start[first] = static_cast<std::uint8_t>(n);
      for (std::size_t i = 0; i < count; ++i) {
        if (static_cast<unsigned char>(map_keys[i][0]) != first) continue;
        // Compare the key and its closing quote, up to 8 bytes at once.
        std::string_view k = map_keys[i];
        std::uint64_t prefix = 0;
        std::size_t covered = k.size() + 1 < 8 ? k.size() + 1 : 8;
        for (std::size_t b = 0; b < covered; ++b) {
          char c = b < k.size() ? k[b] : '"';
          prefix |= std::uint64_t{static_cast<unsigned char>(c)} << (8 * b);
        }
        std::uint64_t mask =
            covered == 8 ? ~std::uint64_t{0} : ((std::uint64_t{1} << (8 * covered)) - 1);
        // Keys of 8 to 15 bytes (most long ones: "scanned_at", "postal_code")
        // are then told by a second masked compare instead of a memcmp call.
        std::uint64_t prefix2 = 0, mask2 = 0;
        if (k.size() >= 8) {
          const std::size_t covered2 = k.size() + 1 - 8 < 8 ? k.size() + 1 - 8 : 8;
          for (std::size_t b = 0; b < covered2; ++b) {
            char c = 8 + b < k.size() ? k[8 + b] : '"';
            prefix2 |= std::uint64_t{static_cast<unsigned char>(c)} << (8 * b);
          }
          mask2 = covered2 == 8 ? ~std::uint64_t{0} : ((std::uint64_t{1} << (8 * covered2)) - 1);
        }
        t.candidates[n++] = candidate{prefix,
                                      mask,
                                      prefix2,
                                      mask2,
                                      static_cast<std::uint8_t>(k.size()),
                                      static_cast<std::uint8_t>(i)};
      }
    }
    t.bucket_start[256] = static_cast<std::uint8_t>(n);
    return t;
  }

  static constexpr tables table = build();
  static constexpr auto keys = field_keys<Map>();

  // `raw` points at the first byte of a key inside the padded input (just
  // after its opening quote); at least 16 bytes are always readable there:
  // the input carries simdjson's padding (64 bytes) after its end, and a key
  // whose first 8 bytes match is followed by its quote, a colon, a value and
  // a closing brace.
  // Returns the field index, or -1 for a key the table does not hold.
  static int classify(const char* raw) noexcept {
    std::uint64_t word;
    std::memcpy(&word, raw, sizeof word);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
    const auto first = static_cast<unsigned char>(raw[0]);
    for (unsigned i = table.bucket_start[first]; i < table.bucket_start[first + 1u]; ++i) {
      const candidate& c = table.candidates[i];
      if ((word & c.mask) != c.prefix) continue;
      if (c.length >= 8) {
        std::uint64_t word2;
        std::memcpy(&word2, raw + 8, sizeof word2);
        if constexpr (std::endian::native == std::endian::big) word2 = __builtin_bswap64(word2);
        if ((word2 & c.mask2) != c.prefix2) continue;
        if (c.length >= 16) {
          const std::string_view key = keys[c.index];
          if (std::memcmp(raw + 16, key.data() + 16, key.size() - 16) != 0 ||
              raw[key.size()] != '"') {
            continue;
          }
        }
      }
      return c.index;
    }
    return -1;
  }
};

// ---------------------------------------------------------------------------
// Walking state shared by both walkers: where we are (for JSON pointers), the
// first error, and an arena for strings the mapping composes.

class walk_state {
 public:
  static constexpr std::size_t max_depth = 32;

  // `document` is the first byte of the JSON text being parsed, which sits at
  // `document_offset` in the whole input; `record` is the record's first byte.
  void begin_record(const char* document, std::uint64_t document_offset, const char* record,
                    string_arena* arena) noexcept {
    document_ = document;
    document_offset_ = document_offset;
    record_ = record;
    arena_ = arena;
    depth_ = 0;
    error_ = record_error{};
    warnings_.clear();
  }

  void push_key(std::string_view key) noexcept {
    if (depth_ < max_depth) path_[depth_] = {key, -1};
    ++depth_;
  }
  void push_index(std::int64_t index) noexcept {
    if (depth_ < max_depth) path_[depth_] = {{}, index};
    ++depth_;
  }
  void pop() noexcept { --depth_; }

  string_arena& arena() noexcept { return *arena_; }

  // input_limits::max_string_bytes, which the value converters check
  // (converters.hpp); set once by the converter or tracker that owns the
  // walker. Clamped so that the check's "+ 2" for the quotes cannot wrap.
  void set_max_string_bytes(std::size_t limit) noexcept {
    max_string_bytes_ = limit < SIZE_MAX - 2 ? limit : SIZE_MAX - 2;
  }
  std::size_t max_string_bytes() const noexcept { return max_string_bytes_; }

  // The record converts, but lacks something worth saying (see
  // record_warning); the pointer is the current place in the record.
  void warn(warning_code code, std::string message) {
    warnings_.push_back({std::move(message), pointer(), code});
  }
  void warn(std::string message) { warn(warning_code::unclassified, std::move(message)); }
  std::vector<record_warning>& warnings() noexcept { return warnings_; }
  const char* record_begin() const noexcept { return record_; }

  // Record the first failure with its place (a pointer into the document, or
  // null for "this record") and reason, and return `code` so that callers can
  // `return w.fail(...)`.
  error_code fail(error_code code, const char* where, std::string message);
  // A value of the wrong type or content: "expected <what>, got <excerpt>".
  error_code fail(error_code code, od::value& v, std::string_view what);
  // simdjson's own error (broken JSON, bad escape, ...).
  error_code fail_json(simdjson::error_code e, const char* where);

  const record_error& error() const noexcept { return error_; }
  record_error take_error() noexcept { return std::move(error_); }

 private:
  std::string pointer() const;

  struct step {
    std::string_view key;
    std::int64_t index;
  };
  std::array<step, max_depth> path_{};
  std::size_t depth_ = 0;
  const char* document_ = nullptr;
  std::uint64_t document_offset_ = 0;
  const char* record_ = nullptr;
  string_arena* arena_ = nullptr;
  std::size_t max_string_bytes_ = input_limits{}.max_string_bytes;
  record_error error_;
  std::vector<record_warning> warnings_;
};

// Trims the whitespace simdjson leaves after a raw scalar token.
inline std::string_view trim_token(std::string_view token) noexcept {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' ||
                            token.back() == '\t')) {
    token.remove_suffix(1);
  }
  return token;
}

// On-Demand classifies a value by its first byte only: `nul` or `nullx` looks
// like null. Check the literal before treating the value as absent.
template <class W>
error_code check_null(W& w, od::value& v) {
  bool is_null = false;
  if (v.is_null().get(is_null) != simdjson::SUCCESS || !is_null) {
    return w.fail(error_code::invalid_json, v.raw_json_token().data(),
                  "invalid JSON: a literal that is not null");
  }
  return error_code::ok;
}

// ---------------------------------------------------------------------------
// Walkers

template <class Derived>
class walker_base : public walk_state {
 public:
  // Maps a JSON value that must be an object (null leaves `target` alone and
  // reports `false` in `present`).
  template <class Map, class Target>
  error_code map_object(od::value& v, Target& target, bool& present) {
    od::json_type type{};
    if (auto e = v.type().get(type)) return fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) {
      present = false;
      return check_null(*this, v);
    }
    if (type != od::json_type::object) return fail(error_code::wrong_type, v, "an object");
    od::object obj;
    if (auto e = v.get_object().get(obj)) return fail_json(e, v.raw_json_token().data());
    present = true;
    return static_cast<Derived*>(this)->template map_fields<Map>(obj, target);
  }

  // Maps a JSON array whose elements are objects; null means no elements.
  template <class Map, class Element>
  error_code map_array(od::value& v, std::vector<Element>& out) {
    return map_each<Map>(
        v, [&]() -> Element& { return out.emplace_back(); },
        [](Element&, od::value&) { return error_code::ok; });
  }

  // An array of objects, each mapped by `Map` into the row `next_row()`
  // returns (a fresh one each time), then handed to `on_row(row, element)`;
  // null is no array. For arrays that are folded (summed) rather than kept.
  template <class Map, class NextRow, class OnRow>
  error_code map_each(od::value& v, NextRow next_row, OnRow on_row) {
    od::json_type type{};
    if (auto e = v.type().get(type)) return fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::null) return check_null(*this, v);
    if (type != od::json_type::array) return fail(error_code::wrong_type, v, "an array");
    od::array arr;
    if (auto e = v.get_array().get(arr)) return fail_json(e, v.raw_json_token().data());
    std::int64_t index = 0;
    for (auto element_result : arr) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) {
        return fail_json(e, v.raw_json_token().data());
      }
      push_index(index++);
      auto& row = next_row();
      bool present = false;
      error_code err = map_object<Map>(element, row, present);
      if (err == error_code::ok && !present)
        err = fail(error_code::wrong_type, element, "an object");
      if (err == error_code::ok) err = on_row(row, element);
      pop();
      if (err != error_code::ok) return err;
    }
    return error_code::ok;
  }

 protected:
  template <class Map, std::size_t I, class Target>
  error_code apply(od::value& v, Target& target) {
    const auto& d = hana::at_c<I>(Map::fields);
    return d.converter(static_cast<Derived&>(*this), v, target.*(d.member));
  }
};

class fast_walker : public walker_base<fast_walker> {
 public:
  template <class Map, class Target>
  error_code map_fields(od::object& obj, Target& target) {
    static_assert(rows_fit<Map, Target, fast_walker>(),
                  "a mapping row targets a member of another struct, or its converter cannot "
                  "write that member's type");
    using classifier = key_classifier<Map>;
    static constexpr auto handlers =
        handler_table<Map, Target>(std::make_index_sequence<classifier::count>{});
    std::uint64_t seen = 0;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return fail_json(e, nullptr);
      const int index = classifier::classify(reinterpret_cast<const char*>(f.key().raw()));
      if (index < 0) continue;  // unknown key: its value is skipped by the iterator
      const std::uint64_t bit = std::uint64_t{1} << index;
      if (seen & bit) continue;  // duplicate key: the first occurrence wins
      seen |= bit;
      push_key(classifier::keys[static_cast<std::size_t>(index)]);
      const error_code err = handlers[static_cast<std::size_t>(index)](*this, f.value(), target);
      pop();
      if (err != error_code::ok) return err;
    }
    return error_code::ok;
  }

 private:
  template <class Map, class Target>
  using handler = error_code (*)(fast_walker&, od::value&, Target&);

  template <class Map, class Target, std::size_t... I>
  static constexpr auto handler_table(std::index_sequence<I...>) {
    return std::array<handler<Map, Target>, sizeof...(I)>{
        [](fast_walker& w, od::value& v, Target& t) { return w.apply<Map, I>(v, t); }...};
  }
  friend class walker_base<fast_walker>;
};

class reference_walker : public walker_base<reference_walker> {
 public:
  // Reads the object field by field in document order, as the fast walker
  // does, but finds each key's row by comparing it with every key of the
  // table in turn (no classifier, no handler table, no precomputed masks).
  // It does not use `find_field` in table order: simdjson validates what it
  // reads and only counts brackets in what it skips, so on broken JSON a
  // walker that reads fields in another order sees another document, and the
  // two could not be held to the same verdict.
  template <class Map, class Target>
  error_code map_fields(od::object& obj, Target& target) {
    static_assert(rows_fit<Map, Target, reference_walker>(),
                  "a mapping row targets a member of another struct, or its converter cannot "
                  "write that member's type");
    std::uint64_t seen = 0;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) return fail_json(e, nullptr);
      error_code err = error_code::ok;
      bool matched = false;
      std::size_t index = 0;
      hana::for_each(Map::fields, [&](const auto& d) {
        const std::uint64_t bit = std::uint64_t{1} << index++;
        if (matched || !f.key().unsafe_is_equal(d.key)) return;
        matched = true;
        if (seen & bit) return;  // duplicate key: the first occurrence wins
        seen |= bit;
        push_key(d.key);
        err = d.converter(*this, f.value(), target.*(d.member));
        pop();
      });
      if (err != error_code::ok) return err;
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::detail
