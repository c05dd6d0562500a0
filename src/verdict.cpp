#include "verdict.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <span>

namespace ordernorm::detail {

record_outcome reject_unconverted(document_engine& engine, const char* begin, record_error error) {
  const std::span<const std::uint32_t> tokens = engine.tokens();
  const char* text = engine.document_begin();
  const auto at = static_cast<std::uint32_t>(begin - text);
  const auto first =
      static_cast<std::size_t>(std::lower_bound(tokens.begin(), tokens.end(), at) - tokens.begin());
  const structure_check check = engine.structure().check_value(text, tokens, first);
  // An iterator simdjson abandoned on a record the check finds well formed
  // is not expected; if it happens, the document still cannot go on.
  const bool readable = check.ok && engine.document().is_alive();
  if (!check.ok) {
    const char* where =
        check.token < tokens.size() ? text + tokens[check.token] : engine.document_end();
    error = engine.make_error(error_code::invalid_json,
                              fmt::format("invalid JSON: expected {}", check.expected),
                              engine.offset_of(where));
  }
  if (!readable && begin != engine.root_begin()) {
    error.message += "; the rest of the document is not read";
  }
  engine.deliver_reject(error, engine.offset_of(begin));
  return readable ? record_outcome::rejected : record_outcome::unreadable;
}

}  // namespace ordernorm::detail
