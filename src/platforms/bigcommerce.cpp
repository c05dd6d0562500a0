// BigCommerce's one translation unit: the only place its mapping is instantiated.
#include "mappings/bigcommerce.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping bigcommerce_mapping() {
  return order_mapping<mappings::bigcommerce::order_map, mappings::bigcommerce::order_rules>(
      mappings::bigcommerce::marker_keys, {}, mappings::bigcommerce::not_order_keys);
}

}  // namespace ordernorm::detail
