// The store's tables from the model's reflection (schema.hpp).
#include "schema.hpp"

namespace ordernorm::store {
namespace {

template <class T>
void add_columns(schema& s, std::size_t table_index, const std::string& prefix);

// A list member's element type becomes a child table of `parent`.
template <class T>
void add_table(schema& s, std::string name, std::size_t parent) {
  table t;
  t.name = std::move(name);
  t.parent = parent;
  if (s.tables.empty()) {
    t.parent = 0;
  } else {
    const table& p = s.tables[parent];
    if (p.keys.empty()) {
      t.keys.push_back("order_row");  // orders' own key is row_id
    } else {
      // The parent's keys, its own "ordinal" named after it: a shipment's
      // scan events are keyed (order_row, shipment_ordinal, ordinal).
      t.keys = p.keys;
      std::string singular = p.name;
      if (!singular.empty() && singular.back() == 's') singular.pop_back();
      t.keys.back() = singular + "_ordinal";
    }
    t.keys.push_back("ordinal");
  }
  s.tables.push_back(std::move(t));
  add_columns<T>(s, s.tables.size() - 1, "");
}

template <class T>
void add_columns(schema& s, std::size_t table_index, const std::string& prefix) {
  hana::for_each(hana::accessors<T>(), [&](auto pair) {
    using M = std::decay_t<decltype(hana::second(pair)(std::declval<const T&>()))>;
    const std::string name = prefix + detail::member_name(hana::first(pair));
    if constexpr (json_names::is_vector<M>::value) {
      static_assert(detail::is_struct_v<typename M::value_type>, "a list of objects");
      add_table<typename M::value_type>(s, name, table_index);
    } else if constexpr (json_names::is_optional<M>::value) {
      using V = typename M::value_type;
      if constexpr (detail::is_struct_v<V>) {
        s.tables[table_index].columns.push_back({"has_" + name, column_kind::presence, false});
        add_columns<V>(s, table_index, name + "_");
      } else {
        s.tables[table_index].columns.push_back({name, detail::kind_of<V>(), true});
      }
    } else {
      constexpr column_kind kind = detail::kind_of<M>();
      // Every column of a sub-object is nullable: an absent one is all NULL.
      s.tables[table_index].columns.push_back(
          {name, kind, kind == column_kind::text || !prefix.empty()});
    }
  });
}

}  // namespace

// Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on chains of
// operator+ over short literals.
std::string sql_identifier(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '"';
  out += name;
  out += '"';
  return out;
}

std::string create_table(const schema& s, const table& t, const sql_dialect& dialect) {
  std::string sql = "CREATE TABLE ";
  const auto add_list = [&sql](const std::vector<std::string>& names, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) sql += ", ";
      sql += sql_identifier(names[i]);
    }
  };
  sql += sql_identifier(t.name);
  sql += " (";
  if (t.keys.empty()) {
    sql += "\"row_id\" ";
    sql += dialect.row_id;
  } else {
    for (std::size_t i = 0; i < t.keys.size(); ++i) {
      if (i > 0) sql += ", ";
      sql += sql_identifier(t.keys[i]);
      sql += ' ';
      sql += dialect.key_type;
      sql += " NOT NULL";
    }
  }
  for (const column& c : t.columns) {
    sql += ", ";
    sql += sql_identifier(c.name);
    sql += ' ';
    sql += dialect.type_of(c.kind);
    if (!c.nullable) sql += " NOT NULL";
  }
  if (!t.keys.empty()) {
    // The parent's key: its own keys, or the orders' row_id.
    const table& parent = s.tables[t.parent];
    sql += ", PRIMARY KEY (";
    add_list(t.keys, t.keys.size());
    sql += ')';
    if (dialect.foreign_keys) {
      sql += ", FOREIGN KEY (";
      add_list(t.keys, t.keys.size() - 1);
      sql += ") REFERENCES ";
      sql += sql_identifier(parent.name);
      sql += " (";
      if (parent.keys.empty()) {
        sql += "\"row_id\"";
      } else {
        add_list(parent.keys, parent.keys.size());
      }
      sql += ')';
    }
  }
  sql += ')';
  return sql;
}

std::vector<std::string> schema_statements(const sql_dialect& dialect) {
  const schema& s = order_schema();
  std::vector<std::string> out;
  for (const table& t : s.tables) out.push_back(create_table(s, t, dialect));
  out.emplace_back(
      "CREATE UNIQUE INDEX \"orders_by_remote_id\" ON \"orders\" (\"remote_id\", \"platform\")");
  return out;
}

std::vector<std::string> lookup_index_statements(bool drop) {
  // ordernorm's id is "<platform>:<remoteId>": --id is answered through
  // orders_by_remote_id, not an index of its own.
  const std::pair<std::string_view, std::string_view> indexes[] = {
      {"orders_by_number", "\"orders\" (\"order_number\", \"customer_email\")"},
      {"shipments_by_tracking_code", "\"shipments\" (\"tracking_code\")"},
  };
  std::vector<std::string> out;
  for (const auto& [name, on] : indexes) {
    std::string sql = drop ? "DROP INDEX IF EXISTS " : "CREATE INDEX IF NOT EXISTS ";
    sql += sql_identifier(name);
    if (!drop) {
      sql += " ON ";
      sql += on;
    }
    out.push_back(std::move(sql));
  }
  return out;
}

const schema& order_schema() {
  static const schema built = [] {
    schema s;
    add_table<owned_order>(s, "orders", 0);
    return s;
  }();
  return built;
}

}  // namespace ordernorm::store
