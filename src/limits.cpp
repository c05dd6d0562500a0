// The limits the records walker checks itself: a record's size and nesting
// (string_too_long is the walkers', walk_state.cpp).
#include "limits.hpp"

#include "engine.hpp"

namespace ordernorm::detail {

bool record_within_limits(document_engine& engine, od::object& obj, const char* begin) {
  const std::size_t max_bytes = engine.limits().max_record_bytes;
  const bool check_size = static_cast<std::size_t>(engine.document_end() - begin) > max_bytes;
  if (!check_size && !engine.too_deep().any_from(begin)) return true;
  if (!engine.rewind(obj)) return true;  // broken: mapping reports it
  for (auto field_result : obj) {
    if (field_result.error()) return true;  // broken: mapping reports it
  }
  const char* end = engine.finished_up_to();
  const char* deep = engine.too_deep().take(begin, end);
  const auto size = static_cast<std::size_t>(end - begin);
  if (size > max_bytes) {
    engine.reject(begin, error_code::record_too_large,
                  record_too_large_message("record", size, max_bytes));
    return false;
  }
  if (deep != nullptr) {
    reject_too_deep(engine, deep);
    return false;
  }
  engine.rewind(obj);
  return true;
}

void reject_too_deep(document_engine& engine, const char* where, std::string pointer) {
  engine.reject(where, error_code::depth_limit_exceeded,
                depth_limit_message(engine.limits().max_depth), std::move(pointer));
}

}  // namespace ordernorm::detail
