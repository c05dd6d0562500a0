// The broken-JSON verdict on a record that did not convert.
//
// Whether the record is broken JSON, and where, is decided by the structure
// check (json_structure.hpp) rather than by where the walker stopped, so
// that every walker (fast or reference, each reading fields in its own
// order) gives the same verdict and leaves the document in the same state.
//
// Private to ordernorm (src/ only).
#pragma once

#include <optional>

#include "engine.hpp"
#include "ordernorm/error.hpp"

namespace ordernorm::detail {

// Rejects the record that starts at `begin`: `error` says why, unless the
// record is broken JSON, which then is the reason. Returns `unreadable` when
// the rest of the document cannot be read (said in the message unless the
// record is the document's root), else `rejected`.
record_outcome reject_unconverted(document_engine& engine, const char* begin, record_error error);

// --strict (strict_json.hpp), for a record the engine would reject for what
// it is (an unknown platform, a platform mismatch) or would go on to map:
// rejects it as reject_unconverted does, and says how, if it is not valid
// JSON throughout; nothing (and no reject) when it is, or without --strict.
std::optional<record_outcome> strict_reject(document_engine& engine, const char* begin);
// The same for a record that is not an object (rejected whatever it holds):
// true when it was rejected as invalid_json, at its first bad token.
bool strict_rejects_value(document_engine& engine, const char* begin);

}  // namespace ordernorm::detail
