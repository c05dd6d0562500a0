// UPS Track API's one translation unit: the only place its mapping is
// instantiated.
#include "mappings/carriers/ups_source.hpp"

#include <memory>

#include "ordernorm/detail/tracking_source.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<tracking_converter> make_ups_converter() {
  return std::make_unique<mapped_tracking_converter<mappings::ups_tracking::response_map,
                                                    mappings::ups_tracking::response_rules>>();
}

}  // namespace

const tracking_source_info& ups_source() noexcept {
  static const tracking_source_info info{tracking_input::ups, "ups",
                                         mappings::ups_tracking::marker_keys, &make_ups_converter};
  return info;
}

}  // namespace ordernorm::detail
