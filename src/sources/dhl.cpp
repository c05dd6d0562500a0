// DHL Shipment Tracking - Unified API's one translation unit: the only place
// its mapping is instantiated.
#include "mappings/carriers/dhl_source.hpp"

#include <memory>

#include "ordernorm/detail/tracking_source.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<tracking_converter> make_dhl_converter() {
  return std::make_unique<mapped_tracking_converter<mappings::dhl_tracking::response_map,
                                                    mappings::dhl_tracking::response_rules>>();
}

}  // namespace

const tracking_source_info& dhl_source() noexcept {
  static const tracking_source_info info{tracking_input::dhl, "dhl",
                                         mappings::dhl_tracking::marker_keys, &make_dhl_converter};
  return info;
}

}  // namespace ordernorm::detail
