// squarespace's one translation unit: the only place its mapping is instantiated.
// Placeholder until its mapping lands: detected, not yet converted.
#include <array>
#include <string_view>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {
constexpr std::array<std::string_view, 1> marker_keys{{"orderNumber"}};
}  // namespace

const platform_info& squarespace_platform() noexcept {
  static const platform_info info{platform::squarespace, "squarespace", marker_keys, nullptr};
  return info;
}

}  // namespace ordernorm::detail
