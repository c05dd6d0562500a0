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
  static constexpr auto order_keys = field_keys<mappings::shopify::order_map>();
  static const platform_info info{.id = platform::shopify,
                                  .name = "shopify",
                                  .marker_keys = mappings::shopify::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = mappings::shopify::shared_keys,
                                  .not_order_keys = mappings::shopify::not_order_keys,
                                  .make_converter = &make_shopify_converter};
  return info;
}

}  // namespace ordernorm::detail
