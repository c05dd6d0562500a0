// Salesforce B2C Commerce's one translation unit: the only place its mapping
// is instantiated.
#include "mappings/sfcc.hpp"

#include <memory>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<platform_converter> make_sfcc_converter() {
  return std::make_unique<
      mapped_platform_converter<mappings::sfcc::order_map, mappings::sfcc::order_rules>>();
}

}  // namespace

const platform_info& sfcc_platform() noexcept {
  static constexpr auto order_keys = field_keys<mappings::sfcc::order_map>();
  static const platform_info info{.id = platform::sfcc,
                                  .name = "sfcc",
                                  .marker_keys = mappings::sfcc::marker_keys,
                                  .order_keys = order_keys,
                                  .shared_keys = {},
                                  .not_order_keys = {},
                                  .make_converter = &make_sfcc_converter};
  return info;
}

}  // namespace ordernorm::detail
