// Shopify's one translation unit: the only place its mapping is instantiated.
#include "mappings/shopify.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping shopify_mapping() {
  return order_mapping<mappings::shopify::order_map, mappings::shopify::order_rules>(
      mappings::shopify::marker_keys, mappings::shopify::shared_keys,
      mappings::shopify::not_order_keys);
}

}  // namespace ordernorm::detail
