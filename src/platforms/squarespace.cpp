// Squarespace's one translation unit: the only place its mapping is instantiated.
#include "mappings/squarespace.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_squarespace_converter() {
  return std::make_unique<mapped_platform_converter<mappings::squarespace::order_map,
                                                    mappings::squarespace::order_rules>>();
}

}  // namespace

const platform_info& squarespace_platform() noexcept {
  static constexpr auto order_keys = field_keys<mappings::squarespace::order_map>();
  static const platform_info info{.id = platform::squarespace,
                                  .name = "squarespace",
                                  .marker_keys = mappings::squarespace::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = {},
                                  .not_order_keys = {},
                                  .make_converter = &make_squarespace_converter};
  return info;
}

}  // namespace ordernorm::detail
