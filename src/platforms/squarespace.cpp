// Squarespace's one translation unit: the only place its mapping is instantiated.
#include "mappings/squarespace.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping squarespace_mapping() {
  return order_mapping<mappings::squarespace::order_map, mappings::squarespace::order_rules>(
      mappings::squarespace::marker_keys);
}

}  // namespace ordernorm::detail
