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
  static const platform_info info{platform::magento, "magento", mappings::magento::marker_keys,
                                  &make_magento_converter};
  return info;
}

}  // namespace ordernorm::detail
