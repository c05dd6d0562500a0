// Where ordernorm reaches inside simdjson 3.0.1's On-Demand parser, in one
// translation unit, so that a simdjson upgrade that moves it breaks one file,
// loudly (it stops compiling), never silently.
//
// Private to ordernorm (src/ only).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <span>

namespace ordernorm::detail {

// The structural characters stage 1 found in the document `parser` last
// iterated (positions relative to its first byte). Empty before any.
std::span<const std::uint32_t> structural_indexes(simdjson::ondemand::parser& parser) noexcept;

}  // namespace ordernorm::detail
