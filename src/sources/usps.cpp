// USPS Tracking API v3's one translation unit: the only place its mapping is
// instantiated.
#include "mappings/carriers/usps_source.hpp"

#include <memory>

#include "ordernorm/detail/tracking_source.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<tracking_converter> make_usps_converter() {
  return std::make_unique<mapped_tracking_converter<mappings::usps_tracking::response_map,
                                                    mappings::usps_tracking::response_rules>>();
}

}  // namespace

const tracking_source_info& usps_source() noexcept {
  static const tracking_source_info info{
      tracking_input::usps, "usps", mappings::usps_tracking::marker_keys, &make_usps_converter};
  return info;
}

}  // namespace ordernorm::detail
