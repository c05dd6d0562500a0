// Magento's one translation unit: the only place its mapping is instantiated.
#include "mappings/magento.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping magento_mapping() {
  return order_mapping<mappings::magento::order_map, mappings::magento::order_rules>(
      mappings::magento::marker_keys, mappings::magento::shared_keys,
      mappings::magento::not_order_keys);
}

}  // namespace ordernorm::detail
