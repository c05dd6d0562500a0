#include "engine.hpp"

#include "input_split.hpp"
#include "ordernorm/convert.hpp"
#include "simdjson_internals.hpp"

namespace ordernorm::detail {

const char* document_engine::copy_text(std::string_view text) {
  return padded_.copy(text, converter::padding);
}

const char* document_engine::copy_piece(std::string_view piece) {
  return pieces_.copy(piece, converter::padding);
}

void document_engine::begin_document(const char* data, std::size_t size, std::uint64_t offset,
                                     reject_sink sink) {
  sink_ = sink;
  begin_ = data;
  end_ = data + size;
  offset_ = offset;
  too_deep_.clear();
  root_begin_ = data;
  while (root_begin_ != end_ && is_json_space(*root_begin_)) ++root_begin_;
}

simdjson::error_code document_engine::iterate(std::size_t capacity, std::size_t levels_above) {
  const auto size = static_cast<std::size_t>(end_ - begin_);
  if (auto e = parser_.iterate(begin_, size, capacity).get(doc_)) return e;
  const std::size_t max_depth = limits_.max_depth;
  too_deep_.find(begin_, size, tokens(), max_depth > levels_above ? max_depth - levels_above : 0);
  return simdjson::SUCCESS;
}

std::span<const std::uint32_t> document_engine::tokens() noexcept {
  return structural_indexes(parser_);
}

bool document_engine::rewind(od::object& obj) {
  bool ignored;
  return doc_.is_alive() && obj.reset().get(ignored) == simdjson::SUCCESS;
}

bool document_engine::skip_fields(od::object& obj) {
  if (!rewind(obj)) return false;
  for (auto field_result : obj) {
    if (field_result.error()) return false;
  }
  return true;
}

const char* document_engine::finished_up_to() {
  const char* at = nullptr;
  if (doc_.current_location().get(at) != simdjson::SUCCESS || at == nullptr) at = end_;
  while (at != begin_ && is_json_space(at[-1])) --at;
  return at;
}

const char* document_engine::rest_after_scalar(const char* begin) const {
  const char* rest = value_end(begin, end_);
  while (rest != end_ && is_json_space(*rest)) ++rest;
  return rest != end_ ? rest : nullptr;
}

const char* document_engine::rest_after_root() {
  // simdjson 3.0.1 has no document::at_end(): a current location that is
  // still inside the input means more tokens follow the root value.
  const char* rest = nullptr;
  if (doc_.current_location().get(rest) != simdjson::SUCCESS) return nullptr;
  return rest;
}

void document_engine::deliver_reject(const record_error& error, std::uint64_t position_offset) {
  ++rejected_;
  sink_(error, record_position{++records_, position_offset});
}

void document_engine::reject_unread(const record_error& error, reject_sink to) {
  ++rejected_;
  to(error, record_position{++records_, error.byte_offset});
}

record_error document_engine::make_error(error_code code, std::string message,
                                         std::uint64_t byte_offset) const {
  record_error e;
  e.code = code;
  e.message = std::move(message);
  e.byte_offset = byte_offset;
  return e;
}

void document_engine::reject(const char* where, error_code code, std::string message,
                             std::string pointer) {
  record_error e = make_error(code, std::move(message), offset_of(where));
  e.json_pointer = std::move(pointer);
  deliver_reject(e);
}

record_error document_engine::make_json_error(const char* where, simdjson::error_code e) const {
  return make_error(error_code::invalid_json,
                    fmt::format("invalid JSON: {}", simdjson::error_message(e)), offset_of(where));
}

void document_engine::reject_json(const char* where, simdjson::error_code e) {
  deliver_reject(make_json_error(where, e));
}

}  // namespace ordernorm::detail
