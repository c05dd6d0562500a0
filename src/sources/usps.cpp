// USPS Tracking API v3's one translation unit: the only place its mapping is
// instantiated.
#include "mappings/carriers/usps_source.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping usps_mapping() {
  return tracking_mapping<mappings::usps_tracking::response_map,
                          mappings::usps_tracking::response_rules>(
      mappings::usps_tracking::marker_keys);
}

}  // namespace ordernorm::detail
