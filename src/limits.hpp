// The input limits as the converter and the tracker apply them: the string
// limit's per-call scope and the messages of the two limits they check
// themselves (string_too_long is reported by the walkers, walk_state.cpp).
//
// Private to ordernorm (src/ only).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ordernorm/detail/converters.hpp"

namespace ordernorm::detail {

// Sets max_string_bytes (which reaches the converters through a
// thread-local: the walkers have no room for it) for one call of a converter
// or tracker, and puts the previous value back after it, so that another on
// this thread keeps its own.
class string_limit_scope {
 public:
  explicit string_limit_scope(std::size_t limit) noexcept : saved_(max_string_bytes) {
    // Clamped so that the check's "+ 2" for the quotes cannot wrap.
    max_string_bytes = std::min(limit, SIZE_MAX - 2);
  }
  ~string_limit_scope() { max_string_bytes = saved_; }
  string_limit_scope(const string_limit_scope&) = delete;
  string_limit_scope& operator=(const string_limit_scope&) = delete;

 private:
  std::size_t saved_;
};

// A limit in messages: "16 MiB" when it is a whole number of them.
inline std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 30) && bytes % (std::size_t{1} << 30) == 0) {
    return fmt::format("{} GiB", bytes >> 30);
  }
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return fmt::format("{} MiB", bytes >> 20);
  }
  if (bytes >= (std::size_t{1} << 10) && bytes % (std::size_t{1} << 10) == 0) {
    return fmt::format("{} KiB", bytes >> 10);
  }
  return fmt::format("{} bytes", bytes);
}

// record_too_large: `what` is "record" or "document".
inline std::string record_too_large_message(std::string_view what, std::size_t size,
                                            std::size_t limit) {
  return fmt::format(
      "a {} of {} bytes is larger than {} (the limit; raise it with --max-record-bytes or "
      "input_limits::max_record_bytes)",
      what, size, size_text(limit));
}

inline std::string depth_limit_message(std::size_t limit) {
  return fmt::format(
      "objects and arrays nested more than {} levels deep (the limit; raise it with "
      "--max-depth or input_limits::max_depth)",
      limit);
}

}  // namespace ordernorm::detail
