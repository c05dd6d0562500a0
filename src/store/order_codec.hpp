// A compact binary image of an order, for `load -j N`: a worker encodes the
// order it converted (its views die with the worker's next record) and the
// calling thread decodes it, in input order, into views of the image, to
// store. Generated from the model's reflection, so a member added to the
// model travels untouched. Not a storage format: both ends are this build.
#pragma once

#include <string>
#include <string_view>

#include "ordernorm/model.hpp"

namespace ordernorm::store {

// Appends `o`'s image to `out`.
void encode_order(const order& o, std::string& out);

// The order in `image` (what encode_order appended), its strings views into
// `image`. False when `image` is not one whole image.
bool decode_order(std::string_view image, order& o);

}  // namespace ordernorm::store
