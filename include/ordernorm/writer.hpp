// Writing orders as JSON. The writer is generated from the model's reflection
// (model.hpp): every member is written, in declaration order, with its
// camelCase key; an empty value is written as null, an empty list as [].
#pragma once

#include <cstdint>
#include <string>

#include "ordernorm/export.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm {

// Appends `o` as one compact JSON object (no trailing newline) to `out`.
// Money is written with the ISO 4217 minor units of the nearest `currency`
// (the line item's, else the order's). The same order always gives the same bytes.
ORDERNORM_API void write_json(const order& o, std::string& out);

// Appends one shipment, in the same form it has inside an order. Money-free,
// so no currency is needed.
ORDERNORM_API void write_json(const shipment& s, std::string& out);

// The same for an owned order (convert_one.hpp): the same bytes as its views.
ORDERNORM_API void write_json(const owned_order& o, std::string& out);

struct derivation;  // tracking.hpp

// Appends a shipment as `ordernorm track` prints it, newline included:
// write_json's object with the derivation's "decidedBy" and "rule" and, with
// `explain`, its "explain" notes and "duplicatesDropped".
ORDERNORM_API void write_json(const shipment& s, const derivation& why, bool explain,
                              std::string& out);

// The root of json_schema(): an order as write_json writes it, or a shipment
// as `ordernorm track` prints it (write_json's shipment plus its derivation:
// decidedBy, rule and, with --explain, explain and duplicatesDropped).
enum class schema_root : std::uint8_t { of_order, of_shipment };

// A JSON Schema (draft 2020-12) of the output, generated from the same
// reflection, keys and enum spellings as the writer. Both roots carry every
// definition in `$defs` (order, shipment, trackedShipment, lineItem, ...), so
// either document can be referenced for any of them. Pretty-printed, and the
// same bytes on every call.
ORDERNORM_API std::string json_schema(schema_root root = schema_root::of_order);

}  // namespace ordernorm
