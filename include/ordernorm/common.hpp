// Small vocabulary shared by the converter and the tracker.
#pragma once

#include <cstdint>

namespace ordernorm {

// Which mapping engine runs: the single-pass one, or the deliberately simple
// reference used to check it. Both produce the same output on every input.
enum class mapper : std::uint8_t { fast, reference };

// Where a record sits in the input.
struct record_position {
  std::uint64_t index = 0;        // 1-based number of the record in the input
  std::uint64_t byte_offset = 0;  // offset of the record's first byte
};

}  // namespace ordernorm
