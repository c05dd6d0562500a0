// eBay's one translation unit: the only place its mapping is instantiated.
#include "mappings/ebay.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping ebay_mapping() {
  return order_mapping<mappings::ebay::order_map, mappings::ebay::order_rules>(
      mappings::ebay::marker_keys);
}

}  // namespace ordernorm::detail
