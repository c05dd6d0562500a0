// Small vocabulary shared by the converter and the tracker.
#pragma once

#include <cstdint>
#include <string>

namespace ordernorm {

// Which mapping engine runs: the single-pass one, or the deliberately simple
// reference used to check it. Both produce the same output on every input.
enum class mapper : std::uint8_t { fast, reference };

// Where a record sits in the input.
struct record_position {
  std::uint64_t index = 0;        // 1-based number of the record in the input
  std::uint64_t byte_offset = 0;  // offset of the record's first byte
};

// Something a converted record lacks that the caller may want to fetch (an
// unexpanded sub-resource link, say). The record still converts.
struct record_warning {
  std::string message;       // e.g. "products is an unexpanded link (.../products): no line items"
  std::string json_pointer;  // where, inside the record
};

}  // namespace ordernorm
