#include "simdjson_internals.hpp"

#include <memory>

namespace ordernorm::detail {
namespace {

namespace od = simdjson::ondemand;

// An explicit instantiation may name a private or protected member (the
// access rules do not apply to its template arguments), and a friend it
// defines hands the member pointer out. No copy of the input, no second scan.
template <class Tag, class Member, Member Pointer>
struct expose {
  friend Member member_of(Tag) noexcept { return Pointer; }
};

// simdjson keeps stage 1's output in a private member "for benchmarking
// access".
struct parser_implementation_tag {};
using parser_implementation_member =
    std::unique_ptr<simdjson::internal::dom_parser_implementation> od::parser::*;
parser_implementation_member member_of(parser_implementation_tag) noexcept;
template struct expose<parser_implementation_tag, parser_implementation_member,
                       &od::parser::implementation>;

}  // namespace

std::span<const std::uint32_t> structural_indexes(od::parser& parser) noexcept {
  const auto& implementation = parser.*member_of(parser_implementation_tag{});
  if (!implementation) return {};
  return {implementation->structural_indexes.get(), implementation->n_structural_indexes};
}

}  // namespace ordernorm::detail
