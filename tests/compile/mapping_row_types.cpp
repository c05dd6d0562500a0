// Compiled twice by the test suite: as is, it must compile; with
// ORDERNORM_BREAK_MAPPING defined, a row whose converter cannot write its
// member must be refused at compile time (a static_assert in the engine).
#include <boost/hana/tuple.hpp>

#include "ordernorm/detail/converters.hpp"

namespace {

using namespace ordernorm;
using namespace ordernorm::detail;

struct sample {
  text name;
  opt_money price;
};

struct sample_map {
  using target = sample;
  static constexpr auto fields = boost::hana::make_tuple(
#ifdef ORDERNORM_BREAK_MAPPING
      field("name", &sample::name, as_money),  // money into a text member
#else
      field("name", &sample::name, as_text),
#endif
      field("price", &sample::price, as_money));
};

}  // namespace

error_code map_sample(fast_walker& w, od::object& o, sample& s) {
  return w.map_fields<sample_map>(o, s);
}

int main() { return 0; }
