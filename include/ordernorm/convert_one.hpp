// One order in, one order kept: the shortest way to use the library.
//
//   const auto r = ordernorm::convert_one(json);  // --from auto
//   if (!r) return std::fprintf(stderr, "%s\n", r.error().message.c_str()), 1;
//   std::printf("%s %s\n", r->id.c_str(), r->total_price ? "priced" : "no price");
//
// The result owns its strings. For many orders, a converter and an
// order_sink (convert.hpp) stay the fast path: they copy nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/common.hpp"
#include "ordernorm/convert.hpp"
#include "ordernorm/error.hpp"
#include "ordernorm/export.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm {

// Converts a document that holds exactly one order: an order object, a list
// of one, or an envelope of one ({"order":{...}}, a GraphQL response). A
// rejected order gives its record_error; a document with no order or more
// than one gives wrong_type, saying how many it holds. The order's warnings
// are appended to `warnings` when it is given.
ORDERNORM_API result<owned_order, record_error> convert_one(
    std::string_view json, const options& opts = {},
    std::vector<record_warning>* warnings = nullptr);

// The order a sink was handed, with strings of its own, valid after the
// converter moves on.
ORDERNORM_API owned_order to_owned(const order& o);

// Views of an owned order's strings, valid while `o` lives unchanged: for
// what takes an `order` (write_json).
ORDERNORM_API order view_of(const owned_order& o);

}  // namespace ordernorm
