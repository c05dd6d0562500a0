// The seam between the tracker and one carrier tracking API's mapping. Each
// source (EasyPost, USPS, UPS, FedEx, DHL) implements `tracking_converter`
// in its own translation unit (src/sources/<name>.cpp) from a mapping in
// mappings/carriers/<name>_source.hpp, as platforms do for orders;
// src/registry.hpp lists the sources.
//
// Private to ordernorm.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/mapping.hpp"
#include "ordernorm/detail/tracking_converters.hpp"
#include "ordernorm/model.hpp"
#include "ordernorm/tracking.hpp"

namespace ordernorm::detail {

class tracking_converter {
 public:
  virtual ~tracking_converter() = default;
  // Maps one tracking response (its root object) to shipments, appended to
  // `out` with their events in chronological carrier order (oldest first; a
  // source that lists newest first reverses them). The views stay valid
  // until the next call. On failure the walker holds the error.
  virtual error_code convert(fast_walker& w, od::object& root, std::vector<shipment>& out) = 0;
  virtual error_code convert(reference_walker& w, od::object& root, std::vector<shipment>& out) = 0;
  // After convert: which shipment each of the walker's warnings is about.
  virtual const warning_owners& owners() const noexcept = 0;
};

// The converter of a source mapping: `RootMap` maps the response's root
// object into `RootMap::target`; `Rules` provides `static void
// reset(Source&)` and `static error_code finish(Walker&, Source&,
// std::vector<shipment>& out)`, which builds the shipments, or the same with
// a last `warning_owners&` for rules that warn about a shipment.
template <class RootMap, class Rules>
class mapped_tracking_converter final : public tracking_converter {
 public:
  error_code convert(fast_walker& w, od::object& o, std::vector<shipment>& out) override {
    return run(w, o, out);
  }
  error_code convert(reference_walker& w, od::object& o, std::vector<shipment>& out) override {
    return run(w, o, out);
  }
  const warning_owners& owners() const noexcept override { return owners_; }

 private:
  template <class Walker>
  error_code run(Walker& w, od::object& o, std::vector<shipment>& out) {
    Rules::reset(source_);
    owners_.clear();
    const error_code err = w.template map_fields<RootMap>(o, source_);
    if (err != error_code::ok) return err;
    if constexpr (requires { Rules::finish(w, source_, out, owners_); }) {
      return Rules::finish(w, source_, out, owners_);
    } else {
      return Rules::finish(w, source_, out);
    }
  }
  typename RootMap::target source_;
  warning_owners owners_;
};

// Merges duplicate shipments as ordernorm::merge_duplicate_shipments does,
// and says where each went: merged_into[i] is the index, after merging, of
// the shipment that was shipments[i] before.
void merge_duplicate_shipments(std::vector<shipment>& shipments,
                               std::vector<std::size_t>& merged_into);

}  // namespace ordernorm::detail
