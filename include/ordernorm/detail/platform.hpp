// The seam between the generic engine and one platform's mapping. Each
// platform implements `platform_converter` in its own translation unit
// (src/platforms/<name>.cpp), so mapping templates are instantiated once and
// builds stay parallel; src/registry.hpp lists the platforms.
//
// Private to ordernorm.
#pragma once

#include "ordernorm/detail/mapping.hpp"
#include "ordernorm/model.hpp"
#include "ordernorm/tracking.hpp"

namespace ordernorm::detail {

class platform_converter {
 public:
  virtual ~platform_converter() = default;
  // Maps one order object into the converter's order; on failure the walker
  // holds the error. The order stays valid until the next call.
  virtual error_code convert(fast_walker& w, od::object& order_object) = 0;
  virtual error_code convert(reference_walker& w, od::object& order_object) = 0;
  virtual order& result() noexcept = 0;
};

// Detection (--from auto) scores each platform on the top-level keys of an
// object, from the evidence the platform declares in its mapping header
// (and its translation unit hands to the registry, src/registry.hpp):
// - marker_keys, its distinctive keys: only this platform's orders carry
//   them (no other platform's order, envelope or sub-resource does);
//   weight detection_weight::distinctive each;
// - order_keys (the keys its order_map reads) and shared_keys (other keys
//   its orders carry that another platform also counts): keys that other
//   platforms or other documents carry too; weight detection_weight::shared;
// - not_order_keys: keys of this platform's other resources (refunds,
//   invoices, sub-resource rows) that its orders never carry: one rules the
//   platform out for that object;
// - id_prefixes: how a top-level `id` string only this platform's documents
//   carry starts (Shopify's GraphQL ids, "gid://shopify/..."): such an id
//   weighs as a distinctive key (the one value the scan looks at: the first
//   bytes of `id`'s token; an escaped slash, "gid:\/\/", counts as a slash).
// A platform is picked when it leads every other by at least
// detection_weight::decisive_lead; a tie or a lead below it is a reject
// (src/detection.hpp has the scorer; tests/detection_test.cpp the cases).
// Since a platform lists every key its orders carry that another platform
// counts, the rest of a genuine order can only widen its lead: the scan may
// stop once the lead reaches detection_weight::settled_lead.
struct detection_weight {
  static constexpr int distinctive = 4;
  static constexpr int shared = 1;
  static constexpr int decisive_lead = distinctive;
  static constexpr int settled_lead = 2 * distinctive;
};

// The converter of a mapping: `OrderMap` is its table for the order object,
// `Rules` provides `static void reset(Source&)` (clear for the next record,
// keeping memory) and `static error_code finish(Walker&, Source&)` (the
// rules that run after the single pass: statuses, derived totals, shipments).
template <class OrderMap, class Rules>
class mapped_platform_converter final : public platform_converter {
 public:
  error_code convert(fast_walker& w, od::object& o) override { return run(w, o); }
  error_code convert(reference_walker& w, od::object& o) override { return run(w, o); }
  order& result() noexcept override { return source_; }

 private:
  template <class Walker>
  error_code run(Walker& w, od::object& o) {
    Rules::reset(source_);
    const error_code err = w.template map_fields<OrderMap>(o, source_);
    if (err != error_code::ok) return err;
    return Rules::finish(w, source_);
  }
  typename OrderMap::target source_;
};

}  // namespace ordernorm::detail
