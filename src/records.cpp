#include "records.hpp"

#include <fmt/format.h>

#include <utility>

#include "limits.hpp"
#include "verdict.hpp"

namespace ordernorm::detail {
namespace {

using od::json_type;

// Envelopes whose list elements wrap each order one level deeper, under this
// key (an OCAPI order_search's hits).
constexpr std::string_view hit_envelope_key = "hits";
constexpr std::string_view hit_order_key = "data";

// A GraphQL response (Shopify's Admin API): {"data":{<root field>: ...},
// "errors":[...], "extensions":{...}}. SFCC SCAPI's {"data":[...]} is one too,
// with a list for data.
constexpr std::string_view response_data_key = "data";
constexpr std::string_view response_errors_key = "errors";
// A connection's records: {"nodes":[{...}]} or {"edges":[{"node":{...}}]}.
constexpr std::string_view connection_nodes_key = "nodes";
constexpr std::string_view connection_edges_key = "edges";
constexpr std::string_view connection_node_key = "node";
constexpr std::string_view connection_page_info_key = "pageInfo";

// Takes simdjson's `result` (the type of a value, the value as an object,
// ...) into `out`; false, after rejecting the value at `at` as invalid JSON,
// when it holds an error.
template <class Result, class T>
bool read_or_reject(document_engine& engine, Result&& result, const char* at, T& out) {
  if (auto e = std::forward<Result>(result).get(out)) {
    engine.reject_json(at, e);
    return false;
  }
  return true;
}

}  // namespace

void record_walker::walk(const char* data, std::size_t size, std::size_t capacity,
                         std::uint64_t offset, reject_sink sink) {
  for_each_document(engine_, data, size, capacity, offset,
                    [&](const char* piece, std::size_t n, std::size_t room, std::uint64_t at) {
                      return walk_first(piece, n, room, at, sink);
                    });
}

void record_walker::walk_element(const document_view& element, reject_sink sink) {
  engine_.begin_document(element.data, element.size, element.offset, sink);
  const char* begin = element.data;
  // Under an envelope's key, the list is two levels down; a root array, one.
  const std::size_t levels_above = element.list_key.empty() ? 1 : 2;
  if (auto e = engine_.iterate(element.capacity, levels_above)) {
    engine_.reject_json(begin, e);
    return;
  }
  od::document& doc = engine_.document();
  json_type type{};
  if (!read_or_reject(engine_, doc.type(), begin, type)) return;
  if (type != json_type::object) return reject_non_object(begin, engine_.document_end());
  od::object obj;
  if (!read_or_reject(engine_, doc.get_object(), begin, obj)) return;
  if (element.list_key == hit_envelope_key) {
    walk_hit(obj, begin, hit_envelope_key, hit_order_key, element.element_index);
  } else {
    walk_record(obj, begin);
  }
}

// Reads the first JSON value of the text. Returns where more follows it,
// when that can be told, or null.
const char* record_walker::walk_first(const char* data, std::size_t size, std::size_t capacity,
                                      std::uint64_t offset, reject_sink sink) {
  engine_.begin_document(data, size, offset, sink);
  const char* begin = engine_.root_begin();
  if (auto e = engine_.iterate(capacity)) {
    engine_.reject_json(begin, e);
    return nullptr;
  }
  od::document& doc = engine_.document();
  json_type type{};
  if (!read_or_reject(engine_, doc.type(), begin, type)) return engine_.rest_after_scalar(begin);
  bool readable = true;
  if (type == json_type::array) {
    od::array arr;
    if (!read_or_reject(engine_, doc.get_array(), begin, arr)) return nullptr;
    readable = walk_list(arr, begin);
  } else if (type == json_type::object) {
    od::object obj;
    if (!read_or_reject(engine_, doc.get_object(), begin, obj)) return nullptr;
    readable = walk_root_object(obj, begin);
  } else {
    if (!strict_rejects_value(engine_, begin)) {
      engine_.reject(begin, error_code::not_an_object,
                     "expected an order object, an array of orders or a list envelope");
    }
    return engine_.rest_after_scalar(begin);
  }
  const char* rest = readable ? engine_.rest_after_root() : nullptr;
  // Too deep outside every record (an envelope's other keys): one more
  // rejected entry, so that the limit is never exceeded silently.
  const char* deep = engine_.too_deep().take(engine_.document_begin(),
                                             rest != nullptr ? rest : engine_.document_end());
  if (readable && deep != nullptr) reject_too_deep(engine_, deep);
  return rest;
}

// A root object: a record, or an envelope of records. Returns false when the
// rest of the document cannot be read.
bool record_walker::walk_root_object(od::object& obj, const char* begin) {
  record_handler::root_class shape;
  if (auto e = handler_.classify_root(obj, shape)) {
    reject_unconverted(engine_, begin, engine_.make_json_error(begin, e));
    return false;
  }
  const std::string_view envelope_key = shape.envelope_key;
  if (envelope_key == response_data_key || envelope_key == response_errors_key) {
    return walk_response(obj, begin);
  }
  if (!envelope_key.empty()) return walk_envelope(obj, begin, envelope_key);
  // A record: a limit it breaks is its one reason, before what it is.
  if (!record_within_limits(engine_, obj, begin)) return true;
  switch (handler_.root_record(obj, begin)) {
    case record_outcome::converted:
      return true;
    case record_outcome::rejected:
      // The record stopped half-way: walk the rest of it so that what
      // follows the document (a second, concatenated one) is still seen.
      return engine_.skip_fields(obj);
    case record_outcome::unreadable:
      return false;
  }
  return false;
}

// An envelope: the records are under `key`.
bool record_walker::walk_envelope(od::object& envelope, const char* begin, std::string_view key) {
  od::value inner;
  if (!engine_.rewind(envelope)) {
    engine_.reject(begin, error_code::invalid_json, "invalid JSON");
    return false;
  }
  if (!read_or_reject(engine_, envelope.find_field(key), begin, inner)) return false;
  const char* inner_begin = inner.raw_json_token().data();
  json_type type{};
  if (!read_or_reject(engine_, inner.type(), inner_begin, type)) return false;
  if (type == json_type::array) {
    od::array arr;
    if (!read_or_reject(engine_, inner.get_array(), inner_begin, arr)) return false;
    const std::string_view unwrap = key == hit_envelope_key ? hit_order_key : std::string_view{};
    if (!walk_list(arr, inner_begin, unwrap, key)) return false;
  } else if (type == json_type::object) {
    od::object record;
    if (!read_or_reject(engine_, inner.get_object(), inner_begin, record)) return false;
    if (walk_record(record, inner_begin) == record_outcome::unreadable) return false;
  } else if (type != json_type::null) {
    engine_.reject(inner_begin, error_code::wrong_type,
                   fmt::format("expected the orders under \"{}\" to be an object or an array", key),
                   fmt::format("/{}", key));
  }
  return read_other_keys(envelope, begin);
}

// A GraphQL response: the records under "data", and what "errors" says,
// in one pass over its keys (the others, "extensions", are read past, so
// that broken JSON there is still reported). Shopify answers a throttled or
// failed query with errors and no data (or null data); a partial answer has
// both.
bool record_walker::walk_response(od::object& response, const char* begin) {
  if (!engine_.rewind(response)) {
    engine_.reject(begin, error_code::invalid_json, "invalid JSON");
    return false;
  }
  for (auto field_result : response) {
    od::field f;
    std::string_view key;
    if (auto e = std::move(field_result).get(f)) {
      engine_.reject(begin, error_code::invalid_json,
                     fmt::format("invalid JSON in the response: {}", simdjson::error_message(e)));
      return false;
    }
    if (auto e = f.unescaped_key().get(key)) {
      engine_.reject_json(begin, e);
      return false;
    }
    od::value value = f.value();
    if (key == response_errors_key) {
      reject_response_errors(value);
    } else if (key == response_data_key && !walk_response_data(value)) {
      return false;
    }
  }
  return true;
}

// The first key of an object (its text valid until the next string is
// read), the object rewound; empty when it has none or is broken.
std::string_view record_walker::first_key(od::object& obj) {
  std::string_view key;
  for (auto field_result : obj) {
    od::field f;
    if (std::move(field_result).get(f) != simdjson::SUCCESS) break;
    if (f.unescaped_key().get(key) != simdjson::SUCCESS) key = {};
    break;
  }
  return engine_.rewind(obj) ? key : std::string_view{};
}

// "data": a list of records (SCAPI), a GraphQL data object (root fields),
// one record (an order under "data": its first key is an order's), or null
// (a failed query). Told by the first key, so that the records are walked
// once.
bool record_walker::walk_response_data(od::value& data) {
  const char* data_begin = data.raw_json_token().data();
  json_type type{};
  if (!read_or_reject(engine_, data.type(), data_begin, type)) return false;
  if (type == json_type::null) return true;
  if (type == json_type::array) {
    od::array arr;
    if (!read_or_reject(engine_, data.get_array(), data_begin, arr)) return false;
    return walk_list(arr, data_begin, {}, response_data_key);
  }
  if (type != json_type::object) {
    engine_.reject(data_begin, error_code::wrong_type,
                   "expected the response's \"data\" to be an object, an array or null", "/data");
    return true;
  }
  od::object obj;
  if (!read_or_reject(engine_, data.get_object(), data_begin, obj)) return false;
  if (handler_.record_key(first_key(obj))) {
    return walk_record(obj, data_begin) != record_outcome::unreadable;
  }
  return walk_graphql_data(obj);
}

// A GraphQL data object: each root field (`orders`, `order`,
// `orderByIdentifier`, an alias) holds a connection, a list, one record,
// or null (nothing found: zero records, not an error).
bool record_walker::walk_graphql_data(od::object& data) {
  for (auto field_result : data) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) {
      engine_.reject(
          engine_.finished_up_to(), error_code::invalid_json,
          fmt::format("invalid JSON in the response's data: {}", simdjson::error_message(e)));
      return false;
    }
    std::string_view field;
    if (auto e = f.unescaped_key().get(field)) {
      engine_.reject_json(engine_.finished_up_to(), e);
      return false;
    }
    // The key's text lives in the parser's buffer only until the next string.
    const std::string field_name(field);
    od::value value = f.value();
    const char* value_begin = value.raw_json_token().data();
    json_type type{};
    if (!read_or_reject(engine_, value.type(), value_begin, type)) return false;
    if (type == json_type::null) continue;
    if (type == json_type::array) {
      od::array arr;
      if (!read_or_reject(engine_, value.get_array(), value_begin, arr)) return false;
      if (!walk_list(arr, value_begin)) return false;
      continue;
    }
    if (type != json_type::object) {
      engine_.reject(value_begin, error_code::not_an_object,
                     "expected an order object, a connection of orders or null",
                     fmt::format("/data/{}", field_name));
      continue;
    }
    od::object obj;
    if (!read_or_reject(engine_, value.get_object(), value_begin, obj)) return false;
    if (!walk_connection(obj, value_begin, field_name)) return false;
  }
  return true;
}

// A root field's object: a connection ({"nodes":[...]} or {"edges":[{"node":
// ...}]}, with pageInfo beside: told by its first key) or one record.
bool record_walker::walk_connection(od::object& obj, const char* begin, std::string_view field) {
  const std::string_view first = first_key(obj);
  if (first != connection_nodes_key && first != connection_edges_key &&
      first != connection_page_info_key) {
    return walk_record(obj, begin) != record_outcome::unreadable;
  }
  for (auto field_result : obj) {
    od::field f;
    std::string_view key;
    if (auto e = std::move(field_result).get(f)) {
      engine_.reject_json(begin, e);
      return false;
    }
    if (auto e = f.unescaped_key().get(key)) {
      engine_.reject_json(begin, e);
      return false;
    }
    if (key != connection_nodes_key && key != connection_edges_key) continue;
    const bool edges = key == connection_edges_key;
    const std::string pointer = fmt::format("data/{}/{}", field, key);
    od::value list = f.value();
    const char* list_begin = list.raw_json_token().data();
    json_type type{};
    if (!read_or_reject(engine_, list.type(), list_begin, type)) return false;
    if (type == json_type::null) continue;
    if (type != json_type::array) {
      engine_.reject(list_begin, error_code::wrong_type, "expected a list of orders",
                     "/" + pointer);
      continue;
    }
    od::array arr;
    if (!read_or_reject(engine_, list.get_array(), list_begin, arr)) return false;
    if (!walk_list(arr, list_begin, edges ? connection_node_key : std::string_view{}, pointer)) {
      return false;
    }
  }
  return true;
}

// "errors": the first error's message and code (extensions.code, e.g.
// THROTTLED) as one source_error, so that a failed query is never taken for
// an empty answer.
void record_walker::reject_response_errors(od::value& errors) {
  const char* errors_begin = errors.raw_json_token().data();
  // The errors are a record of their own: --strict checks them as any other.
  if (strict_rejects_value(engine_, errors_begin)) return;
  od::array arr;
  if (errors.get_array().get(arr) != simdjson::SUCCESS) {
    engine_.reject(errors_begin, error_code::source_error,
                   "the GraphQL response has \"errors\" that are not a list", "/errors");
    return;
  }
  std::size_t count = 0;
  std::string message;
  std::string code;
  const char* first = errors_begin;
  for (auto element_result : arr) {
    od::value element;
    if (std::move(element_result).get(element) != simdjson::SUCCESS) break;
    if (count++ > 0) continue;
    first = element.raw_json_token().data();
    od::object error;
    if (element.get_object().get(error) != simdjson::SUCCESS) continue;
    std::string_view text;
    if (error.find_field_unordered("message").get_string().get(text) == simdjson::SUCCESS) {
      message = text;
    }
    if (error.find_field_unordered("extensions")
            .find_field_unordered("code")
            .get_string()
            .get(text) == simdjson::SUCCESS) {
      code = text;
    }
  }
  if (count == 0) return;  // "errors": [] is no error
  std::string what =
      code.empty() ? fmt::format("\"{}\"", message) : fmt::format("{}: \"{}\"", code, message);
  if (count > 1) what += fmt::format(" (and {} more)", count - 1);
  engine_.reject(first, error_code::source_error,
                 fmt::format("the GraphQL API answered with an error: {}", what), "/errors/0");
}

// Visits the envelope's other keys so that broken JSON around the list is
// reported rather than silently ignored.
bool record_walker::read_other_keys(od::object& envelope, const char* begin) {
  if (!engine_.rewind(envelope)) {
    engine_.reject(begin, error_code::invalid_json, "invalid JSON");
    return false;
  }
  for (auto field_result : envelope) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) {
      engine_.reject(
          begin, error_code::invalid_json,
          fmt::format("invalid JSON after the list of orders: {}", simdjson::error_message(e)));
      return false;
    }
  }
  return true;
}

// An array whose elements are records (each under `unwrap_key`, when it is
// not empty). Returns false when the array itself is broken and the rest of
// the document cannot be read.
bool record_walker::walk_list(od::array& arr, const char* begin, std::string_view unwrap_key,
                              std::string_view list_key) {
  const char* last = begin;
  std::size_t index = 0;
  // A non-object element is rejected once the next one starts, when its
  // extent is known: nested too deep is the more specific reason.
  const char* pending = nullptr;
  auto reject_pending = [&](const char* next) {
    if (pending != nullptr) reject_non_object(pending, next);
    pending = nullptr;
  };
  for (auto element_result : arr) {
    od::value element;
    if (auto e = std::move(element_result).get(element)) {
      reject_pending(engine_.document_end());
      engine_.reject(last, error_code::invalid_json,
                     fmt::format("invalid JSON; the rest of the document cannot be read: {}",
                                 simdjson::error_message(e)));
      return false;
    }
    last = element.raw_json_token().data();
    reject_pending(last);
    json_type type{};
    if (!read_or_reject(engine_, element.type(), last, type)) return false;
    if (type != json_type::object) {
      pending = last;
      ++index;
      continue;
    }
    od::object obj;
    if (!read_or_reject(engine_, element.get_object(), last, obj)) return false;
    if (unwrap_key.empty()) {
      if (walk_record(obj, last) == record_outcome::unreadable) return false;
    } else if (!walk_hit(obj, last, list_key, unwrap_key, index)) {
      return false;
    }
    ++index;
  }
  reject_pending(engine_.finished_up_to());
  return true;
}

// A list element [element, next) that is not an object.
void record_walker::reject_non_object(const char* element, const char* next) {
  if (const char* deep = engine_.too_deep().take(element, next)) {
    reject_too_deep(engine_, deep);
  } else if (!strict_rejects_value(engine_, element)) {
    engine_.reject(element, error_code::not_an_object, "expected an order object");
  }
}

// A list element that holds its record under `key` (an OCAPI search hit).
bool record_walker::walk_hit(od::object& hit, const char* hit_begin, std::string_view list_key,
                             std::string_view key, std::size_t index) {
  od::value inner;
  auto found = hit.find_field_unordered(key).get(inner);
  if (found == simdjson::NO_SUCH_FIELD) {
    engine_.reject(hit_begin, error_code::not_an_object,
                   fmt::format("expected the list element to hold its order under \"{}\"", key),
                   fmt::format("/{}/{}", list_key, index));
    return true;
  }
  if (found != simdjson::SUCCESS) {
    engine_.reject_json(hit_begin, found);
    return false;
  }
  const char* inner_begin = inner.raw_json_token().data();
  json_type type{};
  if (!read_or_reject(engine_, inner.type(), inner_begin, type)) return false;
  if (type != json_type::object) {
    engine_.reject(inner_begin, error_code::not_an_object, "expected an order object",
                   fmt::format("/{}/{}/{}", list_key, index, key));
    return true;
  }
  od::object obj;
  if (!read_or_reject(engine_, inner.get_object(), inner_begin, obj)) return false;
  return walk_record(obj, inner_begin) != record_outcome::unreadable;
}

// One record of a list: a limit it breaks is its one reason.
record_outcome record_walker::walk_record(od::object& obj, const char* begin) {
  if (!record_within_limits(engine_, obj, begin)) return record_outcome::rejected;
  return handler_.list_record(obj, begin);
}

}  // namespace ordernorm::detail
