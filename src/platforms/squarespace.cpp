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
  static const platform_info info{platform::squarespace, "squarespace",
                                  mappings::squarespace::marker_keys, &make_squarespace_converter};
  return info;
}

}  // namespace ordernorm::detail
