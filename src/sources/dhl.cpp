// DHL Shipment Tracking - Unified API's one translation unit: the only place
// its mapping is instantiated.
#include "mappings/carriers/dhl_source.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping dhl_mapping() {
  return tracking_mapping<mappings::dhl_tracking::response_map,
                          mappings::dhl_tracking::response_rules>(
      mappings::dhl_tracking::marker_keys);
}

}  // namespace ordernorm::detail
