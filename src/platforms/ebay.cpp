// eBay's one translation unit: the only place its mapping is instantiated.
#include "mappings/ebay.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_ebay_converter() {
  return std::make_unique<
      mapped_platform_converter<mappings::ebay::order_map, mappings::ebay::order_rules>>();
}

}  // namespace

const platform_info& ebay_platform() noexcept {
  static constexpr auto order_keys = field_keys<mappings::ebay::order_map>();
  static const platform_info info{.id = platform::ebay,
                                  .name = "ebay",
                                  .marker_keys = mappings::ebay::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = {},
                                  .not_order_keys = {},
                                  .make_converter = &make_ebay_converter};
  return info;
}

}  // namespace ordernorm::detail
