// The CSV writer (include/ordernorm/csv.hpp), generated from the model's
// Hana reflection as the JSON writer is: the same members in the same order,
// the same keys (json_names.hpp), the same spellings of every value.
#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/size.hpp>
#include <boost/hana/string.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "json_names.hpp"
#include "ordernorm/csv.hpp"

namespace ordernorm {
namespace {

namespace hana = boost::hana;
using json_names::is_optional;
using json_names::is_vector;

template <class T>
struct optional_value {
  using type = T;
};
template <class T>
struct optional_value<std::optional<T>> {
  using type = T;
};

// A member that becomes columns of its own: a struct, or an optional one.
template <class T>
constexpr bool is_object = hana::Struct<typename optional_value<T>::type>::value;

template <class T>
concept has_currency = requires(const T& t) {
  { t.currency } -> std::convertible_to<std::string_view>;
};

// A row being written: the separator before every field but the first.
class csv_row {
 public:
  explicit csv_row(std::string& out) : out_(out) {}

  void field(std::string_view value) {
    separate();
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
      out_ += value;
      return;
    }
    out_ += '"';
    for (char c : value) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
  }
  void empty_fields(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) separate();
  }
  void end() { out_ += "\r\n"; }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string& out_;
  bool first_ = true;
};

template <class T>
constexpr std::size_t member_count = decltype(hana::size(hana::accessors<T>()))::value;

template <class T, std::size_t I>
using member_type = std::decay_t<decltype(hana::second(hana::at_c<I>(hana::accessors<T>()))(
    std::declval<const T&>()))>;

template <class T, std::size_t I>
constexpr std::string_view member_key = json_names::member_key<
    std::decay_t<decltype(hana::first(hana::at_c<I>(hana::accessors<T>())))>>::value;

// The columns of struct T: its leaves, its objects' leaves, no lists.
template <class T>
constexpr std::size_t column_count();

template <class M>
constexpr std::size_t columns_of_member() {
  if constexpr (is_vector<M>::value) {
    return 0;
  } else if constexpr (is_object<M>) {
    return column_count<typename optional_value<M>::type>();
  } else {
    return 1;
  }
}

template <class T, std::size_t... I>
constexpr std::size_t column_count_of(std::index_sequence<I...>) {
  return (std::size_t{0} + ... + columns_of_member<member_type<T, I>>());
}

template <class T>
constexpr std::size_t column_count() {
  return column_count_of<T>(std::make_index_sequence<member_count<T>>{});
}

template <class T>
void header_of(csv_row& row, const std::string& prefix);

template <class T, std::size_t... I>
void header_members(csv_row& row, const std::string& prefix, std::index_sequence<I...>) {
  (
      [&] {
        using M = member_type<T, I>;
        const std::string name = prefix + std::string(member_key<T, I>);
        if constexpr (is_vector<M>::value) {
          // lists are tables of their own
        } else if constexpr (is_object<M>) {
          header_of<typename optional_value<M>::type>(row, name + ".");
        } else {
          row.field(name);
        }
      }(),
      ...);
}

template <class T>
void header_of(csv_row& row, const std::string& prefix) {
  header_members<T>(row, prefix, std::make_index_sequence<member_count<T>>{});
}

template <class T>
void write_leaf(csv_row& row, const T& v, int minor_units) {
  if constexpr (std::is_same_v<T, text>) {
    row.field(v);  // empty: null
  } else if constexpr (std::is_same_v<T, bool>) {
    row.field(v ? "true" : "false");
  } else if constexpr (std::is_enum_v<T>) {
    row.field(to_string(v));
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    row.field(std::to_string(v));
  } else if constexpr (std::is_same_v<T, decimal>) {
    char buf[decimal::max_chars];
    row.field(v.format(buf, minor_units));
  } else if constexpr (std::is_same_v<T, quantity>) {
    if (v.is_whole()) {
      row.field(std::to_string(v.value().units()));
    } else {
      char buf[decimal::max_chars];
      row.field(v.format(buf));
    }
  } else if constexpr (std::is_same_v<T, timestamp>) {
    char buf[timestamp::max_chars];
    row.field(v.format(buf));
  } else if constexpr (is_optional<T>::value) {
    if (v) {
      write_leaf(row, *v, minor_units);
    } else {
      row.field({});
    }
  } else {
    static_assert(!sizeof(T*), "a model leaf the CSV writer does not know");
  }
}

template <class T>
void row_of(csv_row& row, const T& s, int minor_units);

template <class T, std::size_t... I>
void row_members(csv_row& row, const T& s, int minor_units, std::index_sequence<I...>) {
  constexpr auto accessors = hana::accessors<T>();
  (
      [&] {
        using M = member_type<T, I>;
        [[maybe_unused]] const M& v = hana::second(hana::at_c<I>(accessors))(s);
        if constexpr (is_vector<M>::value) {
          // lists are tables of their own
        } else if constexpr (is_object<M>) {
          if constexpr (is_optional<M>::value) {
            if (v) {
              row_of(row, *v, minor_units);
            } else {
              row.empty_fields(columns_of_member<M>());
            }
          } else {
            row_of(row, v, minor_units);
          }
        } else {
          write_leaf(row, v, minor_units);
        }
      }(),
      ...);
}

// Money takes the minor units of the nearest struct with a currency, as in
// the JSON writer.
template <class T>
void row_of(csv_row& row, const T& s, int minor_units) {
  if constexpr (has_currency<T>) {
    if (!s.currency.empty()) minor_units = currency_minor_units(s.currency);
  }
  row_members(row, s, minor_units, std::make_index_sequence<member_count<T>>{});
}

int minor_units_of(const order& o) {
  return o.currency.empty() ? -1 : currency_minor_units(o.currency);
}

}  // namespace

void write_csv_header(csv_table table, std::string& out) {
  csv_row row(out);
  if (table == csv_table::orders) {
    header_of<order>(row, "");
  } else {
    row.field("orderId");
    header_of<line_item>(row, "");
  }
  row.end();
}

void write_csv(const order& o, std::string& out) {
  csv_row row(out);
  row_of(row, o, -1);
  row.end();
}

void write_csv_line_items(const order& o, std::string& out) {
  const int minor_units = minor_units_of(o);
  for (const line_item& item : o.line_items) {
    csv_row row(out);
    row.field(o.id);
    row_of(row, item, minor_units);
    row.end();
  }
}

}  // namespace ordernorm
