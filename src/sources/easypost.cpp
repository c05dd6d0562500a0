// EasyPost's one translation unit: the only place its mapping is instantiated.
#include "mappings/carriers/easypost_source.hpp"

#include <memory>

#include "ordernorm/detail/tracking_source.hpp"

namespace ordernorm::detail {
namespace {

std::unique_ptr<tracking_converter> make_easypost_converter() {
  return std::make_unique<mapped_tracking_converter<mappings::easypost::document_map,
                                                    mappings::easypost::document_rules>>();
}

}  // namespace

const tracking_source_info& easypost_source() noexcept {
  static const tracking_source_info info{tracking_input::easypost, "easypost",
                                         mappings::easypost::marker_keys, &make_easypost_converter};
  return info;
}

}  // namespace ordernorm::detail
