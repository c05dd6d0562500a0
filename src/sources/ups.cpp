// UPS Track API's one translation unit: the only place its mapping is
// instantiated.
#include "mappings/carriers/ups_source.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping ups_mapping() {
  return tracking_mapping<mappings::ups_tracking::response_map,
                          mappings::ups_tracking::response_rules>(
      mappings::ups_tracking::marker_keys);
}

}  // namespace ordernorm::detail
