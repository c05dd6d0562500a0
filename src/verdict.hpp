// The broken-JSON verdict on a record that did not convert.
//
// Whether the record is broken JSON, and where, is decided by the structure
// check (json_structure.hpp) rather than by where the walker stopped, so
// that every walker (fast or reference, each reading fields in its own
// order) gives the same verdict and leaves the document in the same state.
//
// Private to ordernorm (src/ only).
#pragma once

#include "engine.hpp"
#include "ordernorm/error.hpp"

namespace ordernorm::detail {

// Rejects the record that starts at `begin`: `error` says why, unless the
// record is broken JSON, which then is the reason. Returns `unreadable` when
// the rest of the document cannot be read (said in the message unless the
// record is the document's root), else `rejected`.
record_outcome reject_unconverted(document_engine& engine, const char* begin, record_error error);

}  // namespace ordernorm::detail
