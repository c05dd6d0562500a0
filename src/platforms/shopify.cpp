// Shopify's one translation unit: the only place its mapping is instantiated.
#include "mappings/shopify.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_shopify_converter() {
  return std::make_unique<
      mapped_platform_converter<mappings::shopify::order_map, mappings::shopify::order_rules>>();
}

}  // namespace

const platform_info& shopify_platform() noexcept {
  static const platform_info info{platform::shopify, "shopify", mappings::shopify::marker_keys,
                                  &make_shopify_converter};
  return info;
}

}  // namespace ordernorm::detail
