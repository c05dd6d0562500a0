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
    walk_hit(obj, begin, hit_order_key, element.element_index);
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
  std::string_view envelope_key;
  if (auto e = handler_.classify_root(obj, envelope_key)) {
    reject_unconverted(engine_, begin, engine_.make_json_error(begin, e));
    return false;
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
    if (!walk_list(arr, inner_begin, unwrap)) return false;
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
bool record_walker::walk_list(od::array& arr, const char* begin, std::string_view unwrap_key) {
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
    } else if (!walk_hit(obj, last, unwrap_key, index)) {
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
bool record_walker::walk_hit(od::object& hit, const char* hit_begin, std::string_view key,
                             std::size_t index) {
  od::value inner;
  auto found = hit.find_field_unordered(key).get(inner);
  if (found == simdjson::NO_SUCH_FIELD) {
    engine_.reject(hit_begin, error_code::not_an_object,
                   fmt::format("expected the list element to hold its order under \"{}\"", key),
                   fmt::format("/{}/{}", hit_envelope_key, index));
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
                   fmt::format("/{}/{}/{}", hit_envelope_key, index, key));
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
