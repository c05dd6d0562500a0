// Shopify's GraphQL shape: the only place its mapping is instantiated
// (src/platforms/shopify.cpp picks it per record).
#include "platforms/shopify_graphql.hpp"

#include "mappings/shopify_graphql.hpp"

namespace ordernorm::detail {

source_mapping shopify_graphql_mapping() {
  return order_mapping<mappings::shopify_graphql::order_map,
                       mappings::shopify_graphql::order_rules>(
      mappings::shopify_graphql::marker_keys, mappings::shopify_graphql::shared_keys);
}

}  // namespace ordernorm::detail
