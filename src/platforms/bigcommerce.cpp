// bigcommerce orders: placeholder until its mapping lands (issue 5). Registered so
// that the platform has its name; it detects and converts nothing yet.
#include "ordernorm/detail/platform.hpp"

namespace ordernorm::detail {

const platform_info& bigcommerce_platform() noexcept {
  static const platform_info info{platform::bigcommerce, "bigcommerce", {}, nullptr};
  return info;
}

}  // namespace ordernorm::detail
