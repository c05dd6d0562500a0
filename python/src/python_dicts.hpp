// Orders and shipments as Python dicts, built from the model's Hana
// reflection as src/json_writer.cpp writes JSON: the same members in the same
// order under the same camelCase keys (json_names.hpp), so that a dict equals
// json.loads of write_json's text. Money and timestamps are that text (str)
// unless Decimal or datetime are asked for.
//
// Orders are views into the converter's buffers, valid during a sink's call;
// an order_batch copies each into owned storage (its strings into an arena)
// without the GIL, and the dicts are built later, with it.
#pragma once

#include <Python.h>
#include <datetime.h>
#include <pybind11/pybind11.h>

#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/size.hpp>
#include <boost/hana/string.hpp>
#include <chrono>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "json_names.hpp"
#include "ordernorm/ordernorm.hpp"

namespace ordernorm::python {

namespace hana = boost::hana;
using json_names::is_optional;
using json_names::is_vector;

struct output_style {
  bool money_decimal = false;  // decimal.Decimal instead of str
  bool time_datetime = false;  // datetime.datetime instead of str
};

// Strings copied out of the converter's buffers, in blocks that never move.
class arena {
 public:
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      const std::size_t size = std::max(s.size(), block_bytes);
      blocks_.push_back(std::make_unique<char[]>(size));
      pos_ = blocks_.back().get();
      left_ = size;
    }
    std::memcpy(pos_, s.data(), s.size());
    const std::string_view out(pos_, s.size());
    pos_ += s.size();
    left_ -= s.size();
    return out;
  }

 private:
  static constexpr std::size_t block_bytes = std::size_t{256} << 10;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* pos_ = nullptr;
  std::size_t left_ = 0;
};

// Points every `text` of `v` at a copy in `a`.
template <class T>
void own(T& v, arena& a);

template <class T, std::size_t... I>
void own_members(T& s, arena& a, std::index_sequence<I...>) {
  constexpr auto accessors = hana::accessors<T>();
  (own(hana::second(hana::at_c<I>(accessors))(s), a), ...);
}

template <class T>
void own(T& v, arena& a) {
  if constexpr (std::is_same_v<T, text>) {
    v = a.copy(v);
  } else if constexpr (is_optional<T>::value) {
    if (v) own(*v, a);
  } else if constexpr (is_vector<T>::value) {
    for (auto& e : v) own(e, a);
  } else if constexpr (hana::Struct<T>::value) {
    own_members(v, a,
                std::make_index_sequence<decltype(hana::size(hana::accessors<T>()))::value>{});
  }
  // Leaves (enums, numbers, money, timestamps) hold no views.
}

// ---------------------------------------------------------------------------
// Building Python objects (the GIL held). Each returns a new reference and
// throws py::error_already_set when Python fails.

inline PyObject* checked(PyObject* o) {
  if (o == nullptr) throw pybind11::error_already_set();
  return o;
}

// The member keys of a struct, interned once (never freed: module lifetime).
template <class T, std::size_t... I>
PyObject* const* struct_keys(std::index_sequence<I...>) {
  static PyObject* const keys[] = {checked(PyUnicode_InternFromString(
      std::string(
          json_names::member_key<
              std::decay_t<decltype(hana::first(hana::at_c<I>(hana::accessors<T>())))>>::value)
          .c_str()))...};
  return keys;
}

template <class Enum>
PyObject* enum_value(Enum e) {
  static PyObject* const* const values = [] {
    constexpr std::size_t n = std::size(enum_names<Enum>::values);
    auto* out = new PyObject*[n];
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view name = enum_names<Enum>::values[i];
      out[i] =
          checked(PyUnicode_FromStringAndSize(name.data(), static_cast<Py_ssize_t>(name.size())));
      PyUnicode_InternInPlace(&out[i]);
    }
    return out;
  }();
  PyObject* v = values[static_cast<std::size_t>(e)];
  Py_INCREF(v);
  return v;
}

inline PyObject* decimal_type() {
  static PyObject* const type = [] {
    PyObject* module = checked(PyImport_ImportModule("decimal"));
    PyObject* t = PyObject_GetAttrString(module, "Decimal");
    Py_DECREF(module);
    return checked(t);
  }();
  return type;
}

inline PyObject* ascii_str(std::string_view s) {
  return checked(PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size())));
}

inline PyObject* py_money(const decimal& d, int minor_units, const output_style& style) {
  char buf[decimal::max_chars];
  PyObject* s = ascii_str(d.format(buf, minor_units));
  if (!style.money_decimal) return s;
  PyObject* out = PyObject_CallOneArg(decimal_type(), s);
  Py_DECREF(s);
  return checked(out);
}

inline PyObject* py_time(const timestamp& t, const output_style& style) {
  using namespace std::chrono;
  if (style.time_datetime) {
    const sys_days day = floor<days>(t.time);
    const year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    // datetime starts at year 1; the model reaches year 0: such a time stays text.
    if (year >= 1) {
      const auto ms = (t.time - day).count();
      PyObject* tz = t.local ? Py_None : PyDateTime_TimeZone_UTC;
      return checked(PyDateTimeAPI->DateTime_FromDateAndTime(
          year, static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(ms / 3600000),
          static_cast<int>(ms / 60000 % 60), static_cast<int>(ms / 1000 % 60),
          static_cast<int>(ms % 1000 * 1000), tz, PyDateTimeAPI->DateTimeType));
    }
  }
  char buf[timestamp::max_chars];
  return ascii_str(t.format(buf));
}

template <class T>
concept has_currency = requires(const T& t) {
  { t.currency } -> std::convertible_to<std::string_view>;
};

template <class T>
PyObject* to_py(const T& v, int minor_units, const output_style& style);

template <class T, std::size_t... I>
PyObject* struct_to_py(const T& s, int minor_units, const output_style& style,
                       std::index_sequence<I...> seq) {
  if constexpr (has_currency<T>) {
    if (!s.currency.empty()) minor_units = currency_minor_units(s.currency);
  }
  PyObject* const* keys = struct_keys<T>(seq);
  // Sized for its keys at once (an order has 24): no rehash while filling.
  pybind11::object dict = pybind11::reinterpret_steal<pybind11::object>(
      checked(_PyDict_NewPresized(static_cast<Py_ssize_t>(sizeof...(I)))));
  constexpr auto accessors = hana::accessors<T>();
  const auto set = [&](std::size_t i, PyObject* value) {
    const int rc = PyDict_SetItem(dict.ptr(), keys[i], value);
    Py_DECREF(value);
    if (rc != 0) throw pybind11::error_already_set();
  };
  (set(I, to_py(hana::second(hana::at_c<I>(accessors))(s), minor_units, style)), ...);
  return dict.release().ptr();
}

template <class T>
PyObject* to_py(const T& v, int minor_units, const output_style& style) {
  if constexpr (std::is_same_v<T, text>) {
    if (v.empty()) Py_RETURN_NONE;
    // simdjson validated the input's UTF-8; surrogateescape keeps any byte
    // rather than failing a whole batch on one.
    return checked(
        PyUnicode_DecodeUTF8(v.data(), static_cast<Py_ssize_t>(v.size()), "surrogateescape"));
  } else if constexpr (std::is_same_v<T, bool>) {
    return Py_NewRef(v ? Py_True : Py_False);
  } else if constexpr (std::is_enum_v<T>) {
    return enum_value(v);
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    return checked(PyLong_FromLongLong(v));
  } else if constexpr (std::is_same_v<T, decimal>) {
    return py_money(v, minor_units, style);
  } else if constexpr (std::is_same_v<T, quantity>) {
    // A JSON number in the output: an int when whole, else the float that
    // json.loads reads from the same text.
    if (v.is_whole()) return checked(PyLong_FromLongLong(v.value().units()));
    char buf[decimal::max_chars + 1];
    const std::string_view s = v.format(buf);
    buf[s.size()] = '\0';
    const double d = PyOS_string_to_double(buf, nullptr, nullptr);
    if (d == -1.0 && PyErr_Occurred()) throw pybind11::error_already_set();
    return checked(PyFloat_FromDouble(d));
  } else if constexpr (std::is_same_v<T, timestamp>) {
    return py_time(v, style);
  } else if constexpr (is_optional<T>::value) {
    if (!v) Py_RETURN_NONE;
    return to_py(*v, minor_units, style);
  } else if constexpr (is_vector<T>::value) {
    pybind11::object list = pybind11::reinterpret_steal<pybind11::object>(
        checked(PyList_New(static_cast<Py_ssize_t>(v.size()))));
    for (std::size_t i = 0; i < v.size(); ++i) {
      PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(i), to_py(v[i], minor_units, style));
    }
    return list.release().ptr();
  } else {
    static_assert(hana::Struct<T>::value, "model members must be Hana structs or known leaf types");
    return struct_to_py(
        v, minor_units, style,
        std::make_index_sequence<decltype(hana::size(hana::accessors<T>()))::value>{});
  }
}

// What a member holds, for a table's column types (ordernorm.dask's meta).
template <class T>
constexpr std::string_view kind_of() {
  if constexpr (std::is_same_v<T, text>) return "text";
  if constexpr (std::is_same_v<T, bool>) return "bool";
  if constexpr (std::is_same_v<T, std::optional<bool>>) return "optional_bool";
  if constexpr (std::is_enum_v<T>) return "enum";
  if constexpr (std::is_same_v<T, opt_money>) return "money";
  if constexpr (std::is_same_v<T, opt_time>) return "timestamp";
  if constexpr (std::is_same_v<T, opt_quantity>) return "quantity";
  if constexpr (is_vector<T>::value) return "list";
  return "object";
}

// The keys of a struct's dict with what each holds, in the dict's order.
template <class T>
std::vector<std::pair<std::string_view, std::string_view>> struct_fields() {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  hana::for_each(hana::accessors<T>(), [&](auto pair) {
    using member = std::decay_t<decltype(hana::second(pair)(std::declval<const T&>()))>;
    out.emplace_back(json_names::member_key<std::decay_t<decltype(hana::first(pair))>>::value,
                     kind_of<member>());
  });
  return out;
}

// ---------------------------------------------------------------------------
// Owned orders

class owned_orders {
 public:
  std::size_t size() const { return orders_.size(); }
  PyObject* to_dict(std::size_t i, const output_style& style) const {
    return to_py(orders_[i], -1, style);
  }
  PyObject* to_list(const output_style& style) const {
    pybind11::object list = pybind11::reinterpret_steal<pybind11::object>(
        checked(PyList_New(static_cast<Py_ssize_t>(orders_.size()))));
    for (std::size_t i = 0; i < orders_.size(); ++i) {
      PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(i), to_dict(i, style));
    }
    return list.release().ptr();
  }

 private:
  friend class order_batch;
  std::vector<order> orders_;
  std::unique_ptr<ordernorm::python::arena> arena_ = std::make_unique<ordernorm::python::arena>();
};

// Collects orders (no GIL needed).
class order_batch {
 public:
  void add(const order& o) {
    owned_.orders_.push_back(o);
    own(owned_.orders_.back(), *owned_.arena_);
  }
  owned_orders take() { return std::exchange(owned_, owned_orders{}); }
  PyObject* to_list(const output_style& style) const { return owned_.to_list(style); }

 private:
  owned_orders owned_;
};

// ---------------------------------------------------------------------------
// Tracked shipments: a shipment plus its derivation, as `ordernorm track`
// prints it (write_json(shipment, derivation, ...) in writer.hpp).

class shipment_batch {
 public:
  void add(const shipment& s, const derivation* why, bool explain) {
    items_.push_back(item{s, why ? std::optional<derivation>(*why) : std::nullopt, explain});
    own(items_.back().s, *arena_);
  }

  PyObject* to_list(const output_style& style) const {
    pybind11::object list = pybind11::reinterpret_steal<pybind11::object>(
        checked(PyList_New(static_cast<Py_ssize_t>(items_.size()))));
    for (std::size_t i = 0; i < items_.size(); ++i) {
      PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(i), to_dict(items_[i], style));
    }
    return list.release().ptr();
  }

 private:
  // The rule and the notes' reasons are static text: no copy needed.
  struct item {
    shipment s;
    std::optional<derivation> why;
    bool explain = false;
  };

  static PyObject* to_dict(const item& it, const output_style& style) {
    pybind11::object d = pybind11::reinterpret_steal<pybind11::object>(to_py(it.s, -1, style));
    if (!it.why) return d.release().ptr();
    namespace py = pybind11;
    const derivation& why = *it.why;
    d[py::str("decidedBy")] =
        why.deciding_event ? py::object(py::int_(*why.deciding_event)) : py::object(py::none());
    d[py::str("rule")] = py::str(std::string(why.rule));
    if (it.explain) {
      py::list notes;
      for (std::size_t i = 0; i < why.events.size(); ++i) {
        py::dict n;
        n["event"] = i;
        n["from"] = std::string(to_string(why.events[i].origin));
        n["counted"] = why.events[i].counted;
        n["why"] = std::string(why.events[i].why);
        notes.append(std::move(n));
      }
      d[py::str("explain")] = std::move(notes);
      d[py::str("duplicatesDropped")] = why.duplicates_dropped;
    }
    return d.release().ptr();
  }

  std::vector<item> items_;
  std::unique_ptr<arena> arena_ = std::make_unique<arena>();
};

}  // namespace ordernorm::python
