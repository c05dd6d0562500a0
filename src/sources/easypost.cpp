// EasyPost's one translation unit: the only place its mapping is instantiated.
#include "mappings/carriers/easypost_source.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

source_mapping easypost_mapping() {
  return tracking_mapping<mappings::easypost::document_map, mappings::easypost::document_rules>(
      mappings::easypost::marker_keys);
}

}  // namespace ordernorm::detail
