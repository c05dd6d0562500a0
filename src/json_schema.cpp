// The JSON Schema of the output, generated from the model's Hana reflection
// as the writer is (json_writer.cpp): keys from json_names.hpp, enum values
// through to_string(), one branch per leaf type the writer knows. A member
// added to model.hpp appears here without an edit; a leaf type the writer
// learns and this file does not stops the build (the static_assert below).
#include <boost/hana/accessors.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "json_names.hpp"
#include "ordernorm/tracking.hpp"
#include "ordernorm/writer.hpp"

namespace ordernorm {
namespace {

namespace hana = boost::hana;
using json_names::is_optional;
using json_names::is_vector;

// The name of each struct's definition in `$defs`. Type names are not
// reflected, so they are listed; a struct missing here does not compile.
template <class T>
constexpr std::string_view def_name = T::no_schema_name_for_this_struct;
template <>
constexpr std::string_view def_name<order> = "order";
template <>
constexpr std::string_view def_name<line_item> = "lineItem";
template <>
constexpr std::string_view def_name<address> = "address";
template <>
constexpr std::string_view def_name<customer> = "customer";
template <>
constexpr std::string_view def_name<shipment> = "shipment";
template <>
constexpr std::string_view def_name<scan_event> = "scanEvent";
template <>
constexpr std::string_view def_name<location> = "location";

// decimal::format(): digits, and a fraction when the value has one or the
// currency's minor units ask for one ("12", "12.50", "-0.005"). Not always
// the currency's minor units: an unknown currency keeps the source's digits,
// and a non-zero digit is never rounded away ("10.005" in USD).
constexpr std::string_view money_pattern = R"(^-?(0|[1-9][0-9]*)(\.[0-9]+)?$)";
// timestamp::format(): milliseconds, and "Z" for an instant; a local time
// (a carrier's scan without an offset) has no zone and is not an RFC 3339
// date-time, so it is a branch of its own.
constexpr std::string_view instant_pattern =
    R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$)";
constexpr std::string_view local_time_pattern =
    R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}$)";

// The schema is built as compact JSON text, then indented (pretty()).
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;  // the schema's own text: no control characters
  }
  out += '"';
  return out;
}

using members = std::vector<std::pair<std::string, std::string>>;

std::string object(const members& m) {
  std::string out = "{";
  for (const auto& [key, value] : m) {
    if (out.size() > 1) out += ',';
    out += quoted(key) + ':' + value;
  }
  return out + '}';
}

std::string array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ',';
    out += item;
  }
  return out + ']';
}

std::string ref(std::string_view name) {
  return object({{"$ref", quoted("#/$defs/" + std::string(name))}});
}

std::string nullable(const std::string& schema) {
  return object({{"anyOf", array({schema, object({{"type", quoted("null")}})})}});
}

// Every spelling the writer can give the enum: to_string() of each value.
template <class Enum>
std::string enum_values() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < std::size(enum_names<Enum>::values); ++i) {
    names.push_back(quoted(to_string(static_cast<Enum>(i))));
  }
  return array(names);
}

// An object with exactly the keys of `props` and `extra`, every one of
// `props` required: the writer writes every key, null or [] when empty.
std::string closed_object(const members& props, const members& extra = {}) {
  std::vector<std::string> required;
  members all = props;
  for (const auto& p : props) required.push_back(quoted(p.first));
  all.insert(all.end(), extra.begin(), extra.end());
  return object({{"type", quoted("object")},
                 {"properties", object(all)},
                 {"required", array(required)},
                 {"additionalProperties", "false"}});
}

// The object schemas of the model's structs, in the order first reached.
class definitions {
 public:
  template <class T>
  std::string value_schema() {
    if constexpr (std::is_same_v<T, text>) {
      // An empty text is written as null, so a string is never empty.
      return object({{"type", array({quoted("string"), quoted("null")})}, {"minLength", "1"}});
    } else if constexpr (std::is_same_v<T, bool>) {
      return object({{"type", quoted("boolean")}});
    } else if constexpr (std::is_enum_v<T>) {
      return object({{"type", quoted("string")}, {"enum", enum_values<T>()}});
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      return object({{"type", quoted("integer")}});
    } else if constexpr (std::is_same_v<T, decimal>) {
      return ref("money");
    } else if constexpr (std::is_same_v<T, quantity>) {
      // A JSON number: 2 when whole, else its exact digits (1.5).
      return object({{"type", quoted("number")}});
    } else if constexpr (std::is_same_v<T, timestamp>) {
      return ref("timestamp");
    } else if constexpr (is_optional<T>::value) {
      using inner = typename T::value_type;
      if constexpr (std::is_same_v<inner, bool> || std::is_same_v<inner, std::int64_t> ||
                    std::is_same_v<inner, quantity>) {
        // {"type": [..., "null"]}, as for text, rather than an anyOf.
        const std::string_view type = std::is_same_v<inner, bool>           ? "boolean"
                                      : std::is_same_v<inner, std::int64_t> ? "integer"
                                                                            : "number";
        return object({{"type", array({quoted(type), quoted("null")})}});
      } else {
        return nullable(value_schema<inner>());
      }
    } else if constexpr (is_vector<T>::value) {
      return object({{"type", quoted("array")}, {"items", value_schema<typename T::value_type>()}});
    } else {
      static_assert(hana::Struct<T>::value,
                    "model members must be Hana structs or leaf types the schema knows");
      define<T>();
      return ref(def_name<T>);
    }
  }

  // The members of T as the writer writes them: every key, always.
  template <class T>
  members properties() {
    members props;
    hana::for_each(hana::accessors<T>(), [&](auto accessor) {
      using name = std::decay_t<decltype(hana::first(accessor))>;
      using member = std::decay_t<decltype(hana::second(accessor)(std::declval<const T&>()))>;
      props.emplace_back(std::string(json_names::member_key<name>::value), value_schema<member>());
    });
    return props;
  }

  void add(std::string_view name, std::string schema) {
    defs_.emplace_back(std::string(name), std::move(schema));
  }

  std::string all() const { return object(defs_); }

 private:
  template <class T>
  void define() {
    for (const auto& def : defs_) {
      if (def.first == def_name<T>) return;
    }
    defs_.emplace_back(std::string(def_name<T>), "");  // claimed before recursing
    const std::size_t at = defs_.size() - 1;
    defs_[at].second = closed_object(properties<T>());
  }

  members defs_;
};

// What `ordernorm track` adds to each shipment: its derivation, written by
// write_json(shipment, derivation, ...) (json_writer.cpp); tests/schema_test.py checks
// the CLI's output against this. Not required: write_json(shipment) has none
// of them; dependentRequired says which come together.
members derivation_properties() {
  const std::string count = object({{"type", quoted("integer")}, {"minimum", "0"}});
  const std::string note = object(
      {{"type", quoted("object")},
       {"properties", object({{"event", count},
                              {"from", object({{"type", quoted("string")},
                                               {"enum", enum_values<status_origin>()}})},
                              {"counted", object({{"type", quoted("boolean")}})},
                              {"why", object({{"type", quoted("string")}})}})},
       {"required", array({quoted("event"), quoted("from"), quoted("counted"), quoted("why")})},
       {"additionalProperties", "false"}});
  return {{"decidedBy",
           object({{"type", array({quoted("integer"), quoted("null")})}, {"minimum", "0"}})},
          {"rule", object({{"type", quoted("string")}})},
          {"explain", object({{"type", quoted("array")}, {"items", note}})},
          {"duplicatesDropped", count}};
}

std::string tracked_shipment(definitions& defs) {
  std::string schema = closed_object(defs.properties<shipment>(), derivation_properties());
  schema.pop_back();  // add dependentRequired to the object
  schema += ",\"dependentRequired\":" +
            object({{"decidedBy", array({quoted("rule")})},
                    {"rule", array({quoted("decidedBy")})},
                    {"explain", array({quoted("decidedBy"), quoted("duplicatesDropped")})},
                    {"duplicatesDropped", array({quoted("explain")})}}) +
            '}';
  return schema;
}

// The length of the object or array opening at `at` when it holds no object
// or array (brackets inside strings, such as a pattern's [0-9], do not
// count), else 0.
std::size_t flat_length(std::string_view json, std::size_t at) {
  bool in_string = false;
  for (std::size_t i = at + 1; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      return 0;
    } else if (c == '}' || c == ']') {
      return i + 1 - at;
    }
  }
  return 0;
}

// Two-space indentation of compact JSON. An array of scalars, and a short
// object of scalars, stay on one line (["string","null"], an enum's values,
// {"$ref": ...}) so that the text reads as a table.
std::string pretty(std::string_view compact) {
  constexpr std::size_t one_line_object = 60;
  std::string out;
  int depth = 0;
  bool in_string = false;
  std::size_t flat_end = 0;  // end of the one-line container being copied
  auto newline = [&] {
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  };
  for (std::size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += compact[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    const bool flat = i < flat_end;
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '[':
      case '{':
        out += c;
        if (const std::size_t n = flat_length(compact, i);
            n != 0 && (c == '[' || n <= one_line_object)) {
          flat_end = i + n;
        } else {
          ++depth;
          newline();
        }
        break;
      case ']':
      case '}':
        if (!flat) {
          --depth;
          newline();
        }
        out += c;
        break;
      case ',':
        out += c;
        if (flat) {
          out += ' ';
        } else {
          newline();
        }
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  out += '\n';
  return out;
}

}  // namespace

std::string json_schema(schema_root root) {
  definitions defs;
  // Leaf definitions first, referenced by name from the structs.
  defs.add("money", object({{"type", quoted("string")}, {"pattern", quoted(money_pattern)}}));
  defs.add(
      "timestamp",
      object({{"anyOf",
               array({object({{"description", quoted("an instant, in UTC")},
                              {"type", quoted("string")},
                              {"format", quoted("date-time")},
                              {"pattern", quoted(instant_pattern)}}),
                      object({{"description", quoted("a local time as the carrier gave it, without "
                                                     "an offset, never shifted")},
                              {"type", quoted("string")},
                              {"pattern", quoted(local_time_pattern)}})})}}));
  defs.value_schema<order>();  // defines order and every struct under it
  defs.add("trackedShipment", tracked_shipment(defs));

  const bool is_order = root == schema_root::of_order;
  return pretty(object(
      {{"$schema", quoted("https://json-schema.org/draft/2020-12/schema")},
       {"$id", quoted(is_order ? "urn:ordernorm:schema:order" : "urn:ordernorm:schema:shipment")},
       {"title", quoted(is_order ? "ordernorm order" : "ordernorm shipment")},
       {"description",
        quoted(is_order ? "An order as `ordernorm convert` writes it (one per NDJSON line)."
                        : "A shipment as `ordernorm track` writes it (one per NDJSON line).")},
       {"$ref", quoted(is_order ? "#/$defs/order" : "#/$defs/trackedShipment")},
       {"$defs", defs.all()}}));
}

}  // namespace ordernorm
