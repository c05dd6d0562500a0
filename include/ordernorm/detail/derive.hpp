// Derivation with its working memory owned by the caller: a converter or
// tracker keeps one derive_scratch and passes it to every call, so deriving
// allocates only when a shipment has more events than any before it, and no
// state hides in the function (ordernorm::derive_shipment, the public one,
// makes a scratch per call).
//
// Private to ordernorm.
#pragma once

#include <cstddef>
#include <vector>

#include "ordernorm/model.hpp"
#include "ordernorm/tracking.hpp"

namespace ordernorm::detail {

struct derive_scratch {
  std::vector<status_origin> origins;  // per event: where its status came from
  std::vector<char> keep;              // per event: not a duplicate
  std::vector<std::size_t> slots;      // the timed events' positions
};

// ordernorm::derive_shipment, with `scratch` as its working memory.
void derive_shipment(shipment& s, const derive_options& options, derivation* explain,
                     derive_scratch& scratch);

// Derives the status of every shipment that has scan events, then, when the
// platform gave no fulfillment status but every shipment is delivered, says
// the order is fulfilled. Runs after a platform's own rules.
void derive_order_tracking(order& o, const derive_options& options, derive_scratch& scratch);

}  // namespace ordernorm::detail
