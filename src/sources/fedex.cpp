// fedex tracking responses: its one translation unit. Placeholder until its
// mapping lands: recognized by name only, converts nothing.
#include "ordernorm/detail/tracking_source.hpp"

namespace ordernorm::detail {

const tracking_source_info& fedex_source() noexcept {
  static const tracking_source_info info{tracking_input::fedex, "fedex", {}, nullptr};
  return info;
}

}  // namespace ordernorm::detail
