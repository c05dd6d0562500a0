// FedEx's one translation unit: the only place its mapping is instantiated.
#include "mappings/carriers/fedex_source.hpp"

#include <memory>

#include "ordernorm/detail/tracking_source.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<tracking_converter> make_fedex_converter() {
  return std::make_unique<
      mapped_tracking_converter<mappings::fedex::document_map, mappings::fedex::document_rules>>();
}

}  // namespace

const tracking_source_info& fedex_source() noexcept {
  static const tracking_source_info info{tracking_input::fedex, "fedex",
                                         mappings::fedex::marker_keys, &make_fedex_converter};
  return info;
}

}  // namespace ordernorm::detail
