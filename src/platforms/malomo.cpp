// Malomo's one translation unit: the only place its mapping is instantiated.
#include "mappings/malomo.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping malomo_mapping() {
  return order_mapping<mappings::malomo::order_map, mappings::malomo::order_rules>(
      mappings::malomo::marker_keys);
}

}  // namespace ordernorm::detail
