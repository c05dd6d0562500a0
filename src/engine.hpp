// The outer engine that the converter and the tracker share: the parser, both
// walkers, the arena and padded buffers, the document being read (its
// extent and offset in the input), the record counts and the way a reject
// reaches the caller's sink. The converter and the tracker are façades over
// it: what they add is what a record is mapped to.
//
// Private to ordernorm (src/ only).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "json_structure.hpp"
#include "limits.hpp"
#include "ordernorm/common.hpp"
#include "ordernorm/detail/arena.hpp"
#include "ordernorm/detail/mapping.hpp"
#include "ordernorm/error.hpp"

namespace ordernorm::detail {

// How one record ended. `unreadable`: it is broken JSON, so where it ends,
// and all that follows it in the document, cannot be told; nothing more of
// the document is read.
enum class record_outcome { converted, rejected, unreadable };

// Where the engine's rejects go: the caller's order_sink or shipment_sink,
// which share no base class (both are public API).
class reject_sink {
 public:
  reject_sink() = default;
  template <class Sink>
  explicit reject_sink(Sink& sink) noexcept
      : sink_(&sink), deliver_([](void* s, const record_error& e, const record_position& where) {
          static_cast<Sink*>(s)->on_reject(e, where);
        }) {}
  void operator()(const record_error& e, const record_position& where) const {
    deliver_(sink_, e, where);
  }

 private:
  void* sink_ = nullptr;
  void (*deliver_)(void*, const record_error&, const record_position&) = nullptr;
};

class document_engine {
 public:
  document_engine(mapper m, const input_limits& limits, bool strict = false)
      : mapper_(m), limits_(limits), strict_(strict) {
    fast_.set_max_string_bytes(limits.max_string_bytes);
    reference_.set_max_string_bytes(limits.max_string_bytes);
  }

  const input_limits& limits() const noexcept { return limits_; }
  // --strict (strict_json.hpp): every record is checked as JSON throughout.
  bool strict() const noexcept { return strict_; }

  // A padded copy of a caller's text, for the std::string_view overloads.
  const char* copy_text(std::string_view text);
  std::size_t text_capacity() const noexcept { return padded_.capacity(); }
  // A padded copy of a second or later document of a text (the first may
  // still be in padded_).
  const char* copy_piece(std::string_view piece);
  std::size_t piece_capacity() const noexcept { return pieces_.capacity(); }

  // Starts the document [data, data + size) at `offset` in the input; its
  // rejects go to `sink`. Then iterate() parses it (stage 1) and finds where
  // it nests too deep, counting `levels_above` it (a list element the reader
  // streamed sits one or two levels down in its document).
  void begin_document(const char* data, std::size_t size, std::uint64_t offset, reject_sink sink);
  simdjson::error_code iterate(std::size_t capacity, std::size_t levels_above = 0);

  od::document& document() noexcept { return doc_; }
  const char* document_begin() const noexcept { return begin_; }
  const char* document_end() const noexcept { return end_; }
  // The root value's first byte.
  const char* root_begin() const noexcept { return root_begin_; }
  std::uint64_t offset_of(const char* p) const noexcept {
    return offset_ + static_cast<std::uint64_t>(p - begin_);
  }
  // The structural characters stage 1 found in the document.
  std::span<const std::uint32_t> tokens() noexcept;
  // Where the document nests deeper than limits().max_depth.
  depth_excursions& too_deep() noexcept { return too_deep_; }
  structure_checker& structure() noexcept { return structure_; }

  // Rewinds an object to its first field; false if the JSON is broken (which
  // shows again, and is reported, when the object is read). Never touches an
  // iterator that broken JSON has already stopped: simdjson forbids it.
  bool rewind(od::object& obj);
  // Steps through every field of `obj` without reading values; false when
  // the JSON is broken.
  bool skip_fields(od::object& obj);
  // Just past the last value the iterator finished (a record's closing
  // brace), or the end of the document.
  const char* finished_up_to();
  // After a root that is not an object or array: where the next value
  // starts, if one does.
  const char* rest_after_scalar(const char* begin) const;
  // After the root value, read to its end: where more tokens follow it, or
  // null.
  const char* rest_after_root();

  // Maps the record that starts at `record_begin` with the walker the
  // options chose: map(walker) runs after the walker and the arena are
  // reset for it, and its result is returned.
  template <class Map>
  auto map_record(const char* record_begin, Map&& map) {
    arena_.reset();
    if (mapper_ == mapper::fast) {
      fast_.begin_record(begin_, offset_, record_begin, &arena_);
      return map(fast_);
    }
    reference_.begin_record(begin_, offset_, record_begin, &arena_);
    return map(reference_);
  }
  // The warnings of the record map_record() last mapped.
  std::vector<record_warning>& warnings() noexcept {
    return mapper_ == mapper::fast ? fast_.warnings() : reference_.warnings();
  }

  // Counts a record that mapped (converted or tracked); returns its number.
  std::uint64_t count_mapped() noexcept { return ++records_; }
  // Counts `error` as a rejected record and hands it to the sink, at
  // `position_offset` (the record's first byte).
  void deliver_reject(const record_error& error, std::uint64_t position_offset);
  void deliver_reject(const record_error& error) { deliver_reject(error, error.byte_offset); }
  // Counts a record the caller could not even hand over (converter::
  // reject_record) as rejected and hands it to `to`.
  void reject_unread(const record_error& error, reject_sink to);
  record_error make_error(error_code code, std::string message, std::uint64_t byte_offset) const;
  // invalid_json at `where`, in simdjson's words.
  record_error make_json_error(const char* where, simdjson::error_code e) const;
  // A rejected record whose error is at `where` in the document.
  void reject(const char* where, error_code code, std::string message, std::string pointer = {});
  void reject_json(const char* where, simdjson::error_code e);

  std::uint64_t records() const noexcept { return records_; }
  std::uint64_t rejected() const noexcept { return rejected_; }
  void reset_counts() noexcept {
    records_ = 0;
    rejected_ = 0;
  }

 private:
  mapper mapper_;
  input_limits limits_;
  bool strict_;
  od::parser parser_;
  fast_walker fast_;
  reference_walker reference_;
  string_arena arena_;
  structure_checker structure_;
  padded_buffer padded_;  // for the std::string_view overloads
  padded_buffer pieces_;  // the second and later documents of a text
  std::uint64_t records_ = 0;
  std::uint64_t rejected_ = 0;

  // The document being read.
  od::document doc_;
  const char* begin_ = nullptr;
  const char* end_ = nullptr;
  const char* root_begin_ = nullptr;
  std::uint64_t offset_ = 0;
  reject_sink sink_;
  depth_excursions too_deep_;
};

}  // namespace ordernorm::detail
