// Malomo orders (../shared/seeds/003_*.txt) are recognized so that --from auto
// can tell them from Shopify orders. Their mapping, with shipments and scan
// events, comes with shipment tracking (issue 4); until then converting one
// is an `unsupported_platform` error that says so.
#include <array>
#include <string_view>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {
namespace {

// `alternate_id` (the platform order id Malomo keeps) is Malomo's alone.
constexpr std::array<std::string_view, 1> malomo_marker_keys{{"alternate_id"}};

}  // namespace

const platform_info& malomo_platform() noexcept {
  static const platform_info info{platform::malomo, "malomo", malomo_marker_keys, nullptr};
  return info;
}

}  // namespace ordernorm::detail
