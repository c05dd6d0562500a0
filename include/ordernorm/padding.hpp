// The readable bytes that must follow a JSON text handed to the engine
// without a copy (a reader's document_view, converter::convert_padded,
// tracker::track_padded): simdjson reads up to this far past the end. A
// header of its own so that the reader and the tracker need not include
// the converter's.
#pragma once

#include <cstddef>

namespace ordernorm {

inline constexpr std::size_t input_padding = 64;

}  // namespace ordernorm
