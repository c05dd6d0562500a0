// The store's tables, generated from the model's reflection
// (detail/model_reflection.hpp, the same the JSON writer walks), and the
// walks that bind an order's values to those tables' columns and read them
// back. Backend-neutral: a backend (sqlite_store.cpp; PostgreSQL later) maps
// a column_kind to its SQL type and supplies the row it binds to or reads
// from.
//
// Shape: a struct is one row; its scalar members are columns named after
// the member (snake_case); an optional sub-object (an address, the
// customer, a scan's location) is flattened into the same row as
// "has_<member>" plus "<member>_<column>" columns; a list member is a child
// table named after the member, keyed by its parent's key and its index in
// the list ("ordinal"). orders has "row_id", its children "order_row";
// scan_events, a shipment's children, "order_row", "shipment_ordinal".
//
// Values: text as given (empty, which the model treats as absent, is NULL);
// enums as their JSON spelling; money as the writer spells it (exact
// decimal text with the currency's minor units, never floating point);
// quantities as the writer's number text; timestamps as the writer's text
// (RFC 3339 UTC with milliseconds and "Z", which sorts, or a carrier's local
// time without the "Z"); flags as 0/1.
#pragma once

#include <boost/hana/accessors.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "json_names.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::store {

namespace hana = boost::hana;

enum class column_kind : std::uint8_t {
  text,         // a string; NULL when empty
  integer,      // a 64-bit integer
  flag,         // a bool, 0 or 1
  enumeration,  // the enumerator's JSON spelling
  money,        // exact decimal text, as the writer spells it
  quantity,     // exact decimal text ("2", "1.5")
  timestamp,    // RFC 3339 text as written
  presence,     // 0/1: whether an optional sub-object is there
};

struct column {
  std::string name;
  column_kind kind;
  bool nullable;
};

struct table {
  std::string name;               // "orders", or the list member's name ("line_items")
  std::vector<std::string> keys;  // children: the parent's key columns, then "ordinal"
  std::vector<column> columns;    // the values, in the model's declaration order
  std::size_t parent = 0;         // index in schema::tables (orders: itself, 0)
};

// Every table, orders first, then children in the order the model declares
// them (line_items, shipments, scan_events): parents before children.
struct schema {
  std::vector<table> tables;
  const table* find(std::string_view name) const {
    for (const table& t : tables) {
      if (t.name == name) return &t;
    }
    return nullptr;
  }
};

// Built once, from the reflection.
const schema& order_schema();

// `name` as a quoted SQL identifier (the schema's names need no escaping).
std::string sql_identifier(std::string_view name);

// How a backend spells the tables: a column kind's SQL type, and the key
// columns' (the orders' own row key, and the children's keys).
struct sql_dialect {
  std::string_view (*type_of)(column_kind);
  std::string_view row_id;    // orders' "row_id" column: its type and constraint
  std::string_view key_type;  // a child's key column, NOT NULL
  bool foreign_keys;          // a child's FOREIGN KEY to its parent, declared
};

// The CREATE TABLE statement of `t` in `dialect`: its keys, its columns,
// and, for a child, its primary key and (if the dialect declares them) the
// foreign key to its parent.
std::string create_table(const schema& s, const table& t, const sql_dialect& dialect);

// Every statement that makes the store's tables in `dialect`: the tables,
// parents first, then the index of the upsert's key (remote_id, platform),
// which also answers --id and --alternate-id.
std::vector<std::string> schema_statements(const sql_dialect& dialect);

// The other lookups' indexes (--number with --customer-email,
// --tracking-code), the same in both dialects. A load into an empty store
// drops them and builds them once at its end, from sorted keys, instead of
// inserting every key in turn (that took a third of a SQLite load); a load
// into a store with orders (or one after a killed first load) makes sure
// they exist before it writes. The statements that drop them (`drop`) or
// make those missing.
std::vector<std::string> lookup_index_statements(bool drop);

namespace detail {

template <class T>
constexpr bool is_string_v = std::is_same_v<T, std::string_view> || std::is_same_v<T, std::string>;

template <class T>
constexpr bool is_struct_v = hana::Struct<T>::value;

template <class T>
struct is_optional_struct : std::false_type {};
template <class T>
struct is_optional_struct<std::optional<T>> : std::bool_constant<hana::Struct<T>::value> {};

template <class T>
constexpr column_kind kind_of() {
  if constexpr (is_string_v<T>) {
    return column_kind::text;
  } else if constexpr (std::is_same_v<T, bool>) {
    return column_kind::flag;
  } else if constexpr (std::is_enum_v<T>) {
    return column_kind::enumeration;
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    return column_kind::integer;
  } else if constexpr (std::is_same_v<T, decimal>) {
    return column_kind::money;
  } else if constexpr (std::is_same_v<T, quantity>) {
    return column_kind::quantity;
  } else {
    static_assert(std::is_same_v<T, timestamp>, "a model leaf the store does not know");
    return column_kind::timestamp;
  }
}

template <class HanaString>
std::string member_name(HanaString s) {
  return hana::to<char const*>(s);
}

// The currency's minor units for money inside `s`, as the writer takes them:
// the nearest struct with a non-empty `currency`.
template <class T>
int minor_units_in(const T& s, int inherited) {
  if constexpr (requires { s.currency; }) {
    if (!s.currency.empty()) return currency_minor_units(s.currency);
  }
  return inherited;
}

}  // namespace detail

// Binds the columns of `s` (not its lists) in table order to `out`:
//   out.null(), out.text(view) (valid until the row is written),
//   out.copy(view) (a temporary: copy it), out.integer(i64).
//   absent: bind NULLs for an absent sub-object's columns.
template <class Out, class T>
void bind_columns(const T& s, int minor_units, Out& out, bool absent = false);

template <class Out, class M>
void bind_value(const M& v, int minor_units, Out& out) {
  using json_names::is_optional;
  using json_names::is_vector;
  if constexpr (is_vector<M>::value) {
    // a child table
  } else if constexpr (is_optional<M>::value) {
    using V = typename M::value_type;
    if constexpr (detail::is_struct_v<V>) {
      out.integer(v ? 1 : 0);
      if (v) {
        bind_columns(*v, minor_units, out);
      } else {
        bind_columns(V{}, minor_units, out, /*absent=*/true);
      }
    } else if (v) {
      bind_value(*v, minor_units, out);
    } else {
      out.null();
    }
  } else if constexpr (detail::is_string_v<M>) {
    if (v.empty()) {
      out.null();
    } else {
      out.text(std::string_view(v));
    }
  } else if constexpr (std::is_same_v<M, bool>) {
    out.integer(v ? 1 : 0);
  } else if constexpr (std::is_enum_v<M>) {
    out.text(to_string(v));  // static storage
  } else if constexpr (std::is_same_v<M, std::int64_t>) {
    out.integer(v);
  } else if constexpr (std::is_same_v<M, decimal>) {
    char buf[decimal::max_chars];
    out.copy(v.format(buf, minor_units));
  } else if constexpr (std::is_same_v<M, quantity>) {
    char buf[decimal::max_chars];
    out.copy(v.format(buf));
  } else {
    static_assert(std::is_same_v<M, timestamp>);
    char buf[timestamp::max_chars];
    out.copy(v.format(buf));
  }
}

template <class Out, class T>
void bind_columns(const T& s, int minor_units, Out& out, bool absent) {
  minor_units = detail::minor_units_in(s, minor_units);
  hana::for_each(hana::accessors<T>(), [&](auto pair) {
    const auto& v = hana::second(pair)(s);
    using M = std::decay_t<decltype(v)>;
    if constexpr (json_names::is_vector<M>::value) {
      return;
    } else if (absent) {
      if constexpr (detail::is_optional_struct<M>::value) {
        out.null();
        bind_columns(typename M::value_type{}, minor_units, out, true);
      } else {
        out.null();
      }
    } else {
      bind_value(v, minor_units, out);
    }
  });
}

// Calls visit(table_name, keys, element, minor_units) for every element of
// every list in `s`, depth first (a shipment, then its scan events), with
// `keys` holding the order's row and each ancestor's ordinal, the
// element's own last.
template <class T, class Visit>
void for_each_child_row(const T& s, int minor_units, std::vector<std::int64_t>& keys,
                        Visit& visit) {
  minor_units = detail::minor_units_in(s, minor_units);
  hana::for_each(hana::accessors<T>(), [&](auto pair) {
    const auto& v = hana::second(pair)(s);
    using M = std::decay_t<decltype(v)>;
    if constexpr (json_names::is_vector<M>::value) {
      static const std::string name = detail::member_name(hana::first(pair));
      for (std::size_t i = 0; i < v.size(); ++i) {
        keys.push_back(static_cast<std::int64_t>(i));
        visit(std::string_view(name), keys, v[i], minor_units);
        for_each_child_row(v[i], minor_units, keys, visit);
        keys.pop_back();
      }
    }
  });
}

// Reading back into an owned struct, the columns in table order from `in`:
//   in.is_null(), in.text() -> string_view, in.integer() -> int64; each
//   call after is_null() consumes the column. Returns false (with `error`)
//   when a stored value is not one the model can hold.
template <class In, class T>
bool read_columns(T& s, In& in, std::string& error);

// Skips the columns of a T (an absent sub-object's, all NULL).
template <class T, class In>
void skip_columns(In& in) {
  hana::for_each(hana::accessors<T>(), [&](auto pair) {
    using M = std::decay_t<decltype(hana::second(pair)(std::declval<const T&>()))>;
    if constexpr (json_names::is_vector<M>::value) {
      return;
    } else if constexpr (detail::is_optional_struct<M>::value) {
      in.skip();
      skip_columns<typename M::value_type>(in);
    } else {
      in.skip();
    }
  });
}

template <class In, class M>
bool read_value(M& v, In& in, std::string& error) {
  using json_names::is_optional;
  if constexpr (is_optional<M>::value) {
    using V = typename M::value_type;
    if constexpr (detail::is_struct_v<V>) {
      bool present = false;
      if (in.is_null()) {
        in.skip();
      } else {
        present = in.integer() != 0;
      }
      if (!present) {
        skip_columns<V>(in);
        v.reset();
        return true;
      }
      V value{};
      if (!read_columns(value, in, error)) return false;
      v = std::move(value);
      return true;
    } else {
      if (in.is_null()) {
        in.skip();
        v.reset();
        return true;
      }
      V value{};
      if (!read_value(value, in, error)) return false;
      v = value;
      return true;
    }
  } else if constexpr (detail::is_string_v<M>) {
    if (in.is_null()) {
      in.skip();
      v.clear();
    } else {
      v.assign(in.text());
    }
    return true;
  } else if constexpr (std::is_same_v<M, bool>) {
    v = in.integer() != 0;
    return true;
  } else if constexpr (std::is_enum_v<M>) {
    const std::string_view spelling = in.text();
    for (std::size_t i = 0; i < std::size(enum_names<M>::values); ++i) {
      if (enum_names<M>::values[i] == spelling) {
        v = static_cast<M>(i);
        return true;
      }
    }
    error = "an enum value this ordernorm does not know: " + std::string(spelling);
    return false;
  } else if constexpr (std::is_same_v<M, std::int64_t>) {
    v = in.integer();
    return true;
  } else if constexpr (std::is_same_v<M, decimal>) {
    const std::string_view t = in.text();
    const auto d = decimal::parse(t);
    if (!d) {
      error = "a money value that is not an exact decimal: " + std::string(t);
      return false;
    }
    v = *d;
    return true;
  } else if constexpr (std::is_same_v<M, quantity>) {
    const std::string_view t = in.text();
    const auto q = quantity::parse(t);
    if (!q) {
      error = "a quantity that is not an exact decimal: " + std::string(t);
      return false;
    }
    v = *q;
    return true;
  } else {
    static_assert(std::is_same_v<M, timestamp>);
    const std::string_view t = in.text();
    // "...Z" is an instant; without the "Z", a local time kept as given.
    const auto ts = parse_timestamp(t, naive_time::local);
    if (!ts) {
      error = "a timestamp that is not RFC 3339: " + std::string(t);
      return false;
    }
    v = *ts;
    return true;
  }
}

template <class In, class T>
bool read_columns(T& s, In& in, std::string& error) {
  bool ok = true;
  hana::for_each(hana::accessors<T>(), [&](auto pair) {
    auto& v = hana::second(pair)(s);
    using M = std::decay_t<decltype(v)>;
    if constexpr (!json_names::is_vector<M>::value) {
      if (ok) ok = read_value(v, in, error);
    }
  });
  return ok;
}

// Fills every list of `s` from its child table: fetch(table_name, keys,
// each) calls each(in, ordinal) per stored row of that table under `keys`,
// in ordinal order. Returns false when fetching or reading failed.
template <class T, class Fetch>
bool read_children(T& s, std::vector<std::int64_t>& keys, Fetch& fetch, std::string& error) {
  bool ok = true;
  hana::for_each(hana::accessors<T>(), [&](auto pair) {
    auto& v = hana::second(pair)(s);
    using M = std::decay_t<decltype(v)>;
    if constexpr (json_names::is_vector<M>::value) {
      if (!ok) return;
      static const std::string name = detail::member_name(hana::first(pair));
      v.clear();
      ok = fetch(std::string_view(name), keys, [&](auto& in, std::int64_t ordinal) {
        auto& element = v.emplace_back();
        if (!read_columns(element, in, error)) return false;
        keys.push_back(ordinal);
        const bool children_ok = read_children(element, keys, fetch, error);
        keys.pop_back();
        return children_ok;
      });
    }
  });
  return ok;
}

}  // namespace ordernorm::store
