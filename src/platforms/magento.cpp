// Magento's one translation unit: the only place its mapping is instantiated.
#include "mappings/magento.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_magento_converter() {
  return std::make_unique<
      mapped_platform_converter<mappings::magento::order_map, mappings::magento::order_rules>>();
}

}  // namespace

const platform_info& magento_platform() noexcept {
  static constexpr auto order_keys = field_keys<mappings::magento::order_map>();
  static const platform_info info{.id = platform::magento,
                                  .name = "magento",
                                  .marker_keys = mappings::magento::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = mappings::magento::shared_keys,
                                  .not_order_keys = mappings::magento::not_order_keys,
                                  .make_converter = &make_magento_converter};
  return info;
}

}  // namespace ordernorm::detail
