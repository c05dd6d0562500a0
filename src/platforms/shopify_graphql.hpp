// The second shape of the `shopify` platform: GraphQL Admin API orders
// (mappings/shopify_graphql.hpp), instantiated in its own translation unit,
// src/platforms/shopify_graphql.cpp. Not a line of the registry:
// src/platforms/shopify.cpp joins its evidence to the REST shape's and picks
// the shape per record.
//
// Private to ordernorm (src/ only).
#pragma once

#include "registry.hpp"

namespace ordernorm::detail {

// The GraphQL shape's evidence (distinctive, order and shared keys) and the
// factory of its converter, as an order platform's X_mapping() gives them.
source_mapping shopify_graphql_mapping();

}  // namespace ordernorm::detail
