// BigCommerce's one translation unit: the only place its mapping is instantiated.
#include "mappings/bigcommerce.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_bigcommerce_converter() {
  return std::make_unique<mapped_platform_converter<mappings::bigcommerce::order_map,
                                                    mappings::bigcommerce::order_rules>>();
}

}  // namespace

const platform_info& bigcommerce_platform() noexcept {
  static constexpr auto order_keys = field_keys<mappings::bigcommerce::order_map>();
  static const platform_info info{.id = platform::bigcommerce,
                                  .name = "bigcommerce",
                                  .marker_keys = mappings::bigcommerce::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = {},
                                  .not_order_keys = mappings::bigcommerce::not_order_keys,
                                  .make_converter = &make_bigcommerce_converter};
  return info;
}

}  // namespace ordernorm::detail
