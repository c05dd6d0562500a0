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
  static const platform_info info{platform::sfcc, "sfcc", mappings::sfcc::marker_keys,
                                  &make_sfcc_converter};
  return info;
}

}  // namespace ordernorm::detail
