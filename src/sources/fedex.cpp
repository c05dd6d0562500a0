// FedEx's one translation unit: the only place its mapping is instantiated.
#include "mappings/carriers/fedex_source.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping fedex_mapping() {
  return tracking_mapping<mappings::fedex::document_map, mappings::fedex::document_rules>(
      mappings::fedex::marker_keys);
}

}  // namespace ordernorm::detail
