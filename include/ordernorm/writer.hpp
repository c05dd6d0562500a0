// Writing orders as JSON. The writer is generated from the model's reflection
// (model.hpp): every member is written, in declaration order, with its
// camelCase key; an empty value is written as null, an empty list as [].
#pragma once

#include <string>

#include "ordernorm/model.hpp"

namespace ordernorm {

// Appends `o` as one compact JSON object (no trailing newline) to `out`.
// Money is written with the ISO 4217 minor units of the nearest `currency`
// (the line item's, else the order's). The same order always gives the same bytes.
void write_json(const order& o, std::string& out);

// Appends one shipment, in the same form it has inside an order. Money-free,
// so no currency is needed.
void write_json(const shipment& s, std::string& out);

}  // namespace ordernorm
