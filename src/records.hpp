// Records: the one document walker. A text (an NDJSON line, an RS record, a
// document of a stream, a caller's buffer) holds one or more documents
// glued together; each document is one record (an order object), an array
// of records, or a list envelope ({"orders":[...]}, {"order":{...}}, an
// OCAPI search's {"hits":[{"data":{...}}]}, a GraphQL response's
// {"data":{"orders":{"edges":[{"node":{...}}]}}}). The walker applies the limits
// (limits.hpp) and the broken-JSON verdict (verdict.hpp) and hands each
// record that passes them to its handler.
//
// Private to ordernorm (src/ only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine.hpp"
#include "input_split.hpp"
#include "ordernorm/reader.hpp"

namespace ordernorm::detail {

// What the walker asks of its client: what a root object is, and what to
// make of each record.
class record_handler {
 public:
  virtual ~record_handler() = default;
  // What a root object is, from its keys (not its values).
  struct root_class {
    // The key its records are under when it is a list envelope; empty when
    // it is one record.
    std::string_view envelope_key;
    // Its keys name a source: it is a record of that source.
    bool known_record = false;
  };
  // simdjson's error when the object is broken JSON.
  virtual simdjson::error_code classify_root(od::object& root, root_class& out) = 0;
  // Whether an object whose first key is `key` is a record (an order's
  // key, not an envelope's): "data" holding an order rather than a GraphQL
  // response's root fields.
  virtual bool record_key(std::string_view key) = 0;
  // The root object, within the limits, as a record.
  virtual record_outcome root_record(od::object& record, const char* begin) = 0;
  // A record of a list or an envelope, within the limits.
  virtual record_outcome list_record(od::object& record, const char* begin) = 0;
};

// Policy for more than one document in one text (an NDJSON line or RS text:
// `{...}{...}`, `{...} {...}`): each is a document of its own, as in a
// stream of documents (reader.hpp), split by the same rule (input_split.hpp);
// a scalar or garbage among them is its own rejected record. A text that is
// broken JSON where the first document ends is one reject: where the next
// would start cannot be told.
//
// read_first(data, size, capacity, offset) reads the first value of a text
// and returns where more follows it, or null.
template <class ReadFirst>
void for_each_document(document_engine& engine, const char* data, std::size_t size,
                       std::size_t capacity, std::uint64_t offset, ReadFirst&& read_first) {
  const char* rest = read_first(data, size, capacity, offset);
  if (rest == nullptr) return;
  for_each_value(rest, data + size, [&](const char* begin, const char* end) {
    // A copy, padded as the first was: what follows a document must not
    // change how it reads.
    const auto n = static_cast<std::size_t>(end - begin);
    const char* piece = engine.copy_piece(std::string_view(begin, n));
    const std::uint64_t at = offset + static_cast<std::uint64_t>(begin - data);
    if (const char* more = read_first(piece, n, engine.piece_capacity(), at)) {
      // The piece is one value by the splitting rule, but not by
      // simdjson's: broken JSON (a backslash outside a string, `[[\"]]]`,
      // escapes a quote for simdjson and opens a string for the splitter).
      engine.reject(more, error_code::invalid_json,
                    "invalid JSON: unexpected content after the end of the JSON document");
    }
  });
}

class record_walker {
 public:
  record_walker(document_engine& engine, record_handler& handler) noexcept
      : engine_(engine), handler_(handler) {}

  // Every record of the text [data, data + size) (`capacity` readable bytes,
  // at `offset` in the input); rejects go to `sink`.
  void walk(const char* data, std::size_t size, std::size_t capacity, std::uint64_t offset,
            reject_sink sink);
  // One element of a list the reader streamed (document_view::element),
  // read as walk() reads each element of a list it holds whole, so that a
  // list gives the same records either way.
  void walk_element(const document_view& element, reject_sink sink);

 private:
  const char* walk_first(const char* data, std::size_t size, std::size_t capacity,
                         std::uint64_t offset, reject_sink sink);
  bool walk_root_object(od::object& obj, const char* begin);
  bool walk_envelope(od::object& envelope, const char* begin, std::string_view key);
  bool walk_response(od::object& response, const char* begin);
  bool walk_response_data(od::value& data);
  bool walk_graphql_data(od::object& data);
  bool walk_connection(od::object& connection, const char* begin, std::string_view field);
  std::string_view first_key(od::object& obj);
  void reject_response_errors(od::value& errors);
  bool read_other_keys(od::object& envelope, const char* begin);
  bool walk_list(od::array& arr, const char* begin, std::string_view unwrap_key = {},
                 std::string_view list_key = {});
  void reject_non_object(const char* element, const char* next);
  bool walk_hit(od::object& hit, const char* hit_begin, std::string_view list_key,
                std::string_view key, std::size_t index);
  record_outcome walk_record(od::object& obj, const char* begin);

  document_engine& engine_;
  record_handler& handler_;
};

}  // namespace ordernorm::detail
