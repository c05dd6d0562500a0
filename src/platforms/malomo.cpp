// Malomo's one translation unit: the only place its mapping is instantiated.
#include "mappings/malomo.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_malomo_converter() {
  return std::make_unique<
      mapped_platform_converter<mappings::malomo::order_map, mappings::malomo::order_rules>>();
}

}  // namespace

const platform_info& malomo_platform() noexcept {
  static constexpr auto order_keys = field_keys<mappings::malomo::order_map>();
  static const platform_info info{.id = platform::malomo,
                                  .name = "malomo",
                                  .marker_keys = mappings::malomo::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = {},
                                  .not_order_keys = {},
                                  .make_converter = &make_malomo_converter};
  return info;
}

}  // namespace ordernorm::detail
