// Salesforce B2C Commerce's one translation unit: the only place its mapping
// is instantiated.
#include "mappings/sfcc.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping sfcc_mapping() {
  return order_mapping<mappings::sfcc::order_map, mappings::sfcc::order_rules>(
      mappings::sfcc::marker_keys);
}

}  // namespace ordernorm::detail
