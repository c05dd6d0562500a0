// The messages of the two input limits the converter and the tracker check
// themselves (string_too_long is reported by the walkers, walk_state.cpp,
// against the limit each walker carries).
//
// Private to ordernorm (src/ only).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ordernorm::detail {

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
