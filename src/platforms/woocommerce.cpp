// WooCommerce's one translation unit: the only place its mapping is instantiated.
#include "mappings/woocommerce.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_woocommerce_converter() {
  return std::make_unique<mapped_platform_converter<mappings::woocommerce::order_map,
                                                    mappings::woocommerce::order_rules>>();
}

}  // namespace

const platform_info& woocommerce_platform() noexcept {
  static constexpr auto order_keys = field_keys<mappings::woocommerce::order_map>();
  static const platform_info info{.id = platform::woocommerce,
                                  .name = "woocommerce",
                                  .marker_keys = mappings::woocommerce::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = {},
                                  .not_order_keys = mappings::woocommerce::not_order_keys,
                                  .make_converter = &make_woocommerce_converter};
  return info;
}

}  // namespace ordernorm::detail
