// Error codes and the result type shared by every part of ordernorm.
//
// The core never throws on the hot path: every fallible function returns an
// `error_code` or a `result<T>`. Record-level failures are described by a
// `record_error`, which says what went wrong, where (JSON pointer and byte
// offset) and in which record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "ordernorm/export.hpp"

namespace ordernorm {

enum class error_code : std::uint8_t {
  ok = 0,
  // JSON
  invalid_json,   // the bytes are not valid JSON (simdjson's reason follows)
  wrong_type,     // a value has a JSON type the mapping cannot use
  not_an_object,  // a record is not a JSON object
  // values
  invalid_money,           // not a decimal number (garbage, empty, misplaced sign)
  money_out_of_range,      // too many digits or an exponent that cannot be held exactly
  invalid_timestamp,       // not a timestamp in any accepted form
  timestamp_out_of_range,  // a real date, but outside years 0000-9999 once in UTC
  naive_timestamp,         // no offset, and the field's rule says one is required
  invalid_number,          // an integer field holds something else or overflows
  missing_field,           // a value the record cannot do without is absent (an order's id)
  // records and documents
  unknown_platform,      // --from auto could not tell what the document is
  unsupported_platform,  // recognized, but this build has no mapping for it
  platform_mismatch,     // --from X given, but the document is plainly another platform's
  trailing_content,      // bytes after the end of a JSON document
  source_error,          // the source answered with an error instead of data
                         // (a carrier's error body)
  missing_parent,        // a bulk export line whose parent object is not in the input before it
  record_too_large,      // a record exceeds input_limits::max_record_bytes
  depth_limit_exceeded,  // objects and arrays nested deeper than input_limits::max_depth
  string_too_long,       // a string longer than input_limits::max_string_bytes
  // I/O
  io_error,
};

// What one record may hold. Each limit has its own error code, and each is
// set on the command line by the flag of the same name (--max-record-bytes,
// --max-depth, --max-string-bytes). The defaults are far above any real
// order and keep a hostile input from costing more than bounded memory.
struct input_limits {
  // A record (an NDJSON line, or one order of an array or envelope) longer
  // than this is record_too_large. The reader skips such a line without
  // buffering it; a document handed to the converter is checked per record.
  std::size_t max_record_bytes = std::size_t{256} << 20;
  // Objects and arrays nested deeper than this anywhere in a document are
  // depth_limit_exceeded; the record that holds them is rejected. Levels
  // count from the document's root value, level 1: an NDJSON order is level
  // 1, an order in an array level 2. Real orders nest 4 to 6 levels.
  std::size_t max_depth = 1024;
  // A string that a mapping reads (a key the mapping knows) whose JSON text
  // between the quotes, escapes as written, is longer than this is
  // string_too_long. Strings under keys no mapping reads are skipped unread,
  // bounded by max_record_bytes only.
  std::size_t max_string_bytes = std::size_t{16} << 20;
};

// Short stable name ("invalid_money"), used in rejects files.
ORDERNORM_API std::string_view to_string(error_code code) noexcept;

// Why one record was rejected, and where.
struct record_error {
  error_code code = error_code::ok;
  std::string message;            // human-readable reason, e.g. "\"12,50\" is not a decimal number"
  std::string json_pointer;       // RFC 6901 pointer inside the record, "" for the record itself
  std::uint64_t byte_offset = 0;  // offset of the offending value in the whole input
};

constexpr error_code code_of(error_code code) noexcept { return code; }
inline error_code code_of(const record_error& error) noexcept { return error.code; }

// A value or an error: an error_code (cheap enough for the hot path, no
// allocation), or a record_error where the caller wants to know why and
// where (convert_one). An error given must not be ok.
template <class T, class E = error_code>
class [[nodiscard]] result {
 public:
  constexpr result(T value) noexcept : value_(std::move(value)) {}  // NOLINT: implicit by design
  constexpr result(E error) noexcept : error_(std::move(error)) {}  // NOLINT: implicit by design

  constexpr bool ok() const noexcept { return code_of(error_) == error_code::ok; }
  constexpr explicit operator bool() const noexcept { return ok(); }
  constexpr const E& error() const noexcept { return error_; }
  // Precondition: ok().
  constexpr const T& value() const& noexcept { return value_; }
  constexpr T& value() & noexcept { return value_; }
  constexpr T&& value() && noexcept { return std::move(value_); }
  constexpr const T& operator*() const& noexcept { return value_; }
  constexpr const T* operator->() const noexcept { return &value_; }

 private:
  T value_{};
  E error_{};
};

}  // namespace ordernorm
