#include "verdict.hpp"

#include <utility>

#include "strict_json.hpp"

namespace ordernorm::detail {

namespace {

record_check check(document_engine& engine, bool strict, const char* begin) {
  return check_record(engine.structure(), strict, engine.document_begin(), engine.document_end(),
                      engine.tokens(), begin);
}

}  // namespace

record_outcome reject_unconverted(document_engine& engine, const char* begin, record_error error) {
  record_check verdict = check(engine, engine.strict(), begin);
  // An iterator simdjson abandoned on a record the check finds well formed
  // is not expected; if it happens, the document still cannot go on.
  const bool readable = verdict.readable && engine.document().is_alive();
  if (!verdict.valid) {
    error = engine.make_error(error_code::invalid_json, std::move(verdict.message),
                              engine.offset_of(verdict.where));
  }
  if (!readable && begin != engine.root_begin()) {
    error.message += "; the rest of the document is not read";
  }
  engine.deliver_reject(error, engine.offset_of(begin));
  return readable ? record_outcome::rejected : record_outcome::unreadable;
}

std::optional<record_outcome> strict_reject(document_engine& engine, const char* begin) {
  if (!engine.strict() || check(engine, true, begin).valid) return std::nullopt;
  return reject_unconverted(engine, begin, {});
}

bool strict_rejects_value(document_engine& engine, const char* begin) {
  if (!engine.strict()) return false;
  record_check verdict = check(engine, true, begin);
  if (verdict.valid) return false;
  engine.deliver_reject(engine.make_error(error_code::invalid_json, std::move(verdict.message),
                                          engine.offset_of(verdict.where)),
                        engine.offset_of(begin));
  return true;
}

}  // namespace ordernorm::detail
