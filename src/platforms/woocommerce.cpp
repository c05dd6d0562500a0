// WooCommerce's one translation unit: the only place its mapping is instantiated.
#include "mappings/woocommerce.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping woocommerce_mapping() {
  return order_mapping<mappings::woocommerce::order_map, mappings::woocommerce::order_rules>(
      mappings::woocommerce::marker_keys, {}, mappings::woocommerce::not_order_keys);
}

}  // namespace ordernorm::detail
