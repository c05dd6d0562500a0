// Error reporting for the mapping walkers: kept out of the templates so that
// the hot path only carries a call.
#include <fmt/format.h>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/mapping.hpp"

namespace ordernorm::detail {
namespace {

// At most `limit` bytes of `s`, cut on a UTF-8 character boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s;
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// What a value looked like, for messages: the scalar's text, or its kind.
std::string describe(od::value& v) {
  const std::string_view token = trim_token(v.raw_json_token());
  if (token.empty()) return "nothing";
  switch (token.front()) {
    case '{':
      return "an object";
    case '[':
      return "an array";
    default:
      break;
  }
  constexpr std::size_t limit = 60;
  const std::string_view shown = utf8_prefix(token, limit);
  return shown.size() < token.size() ? fmt::format("{}... ({} bytes)", shown, token.size())
                                     : std::string(shown);
}

}  // namespace

error_code string_length_slow(walk_state& w, std::string_view token, bool quoted) {
  token = trim_token(token);
  const std::size_t length = quoted && token.size() >= 2 ? token.size() - 2 : token.size();
  if (length <= w.max_string_bytes()) return error_code::ok;
  return w.fail(error_code::string_too_long, token.data(),
                fmt::format("a {} of {} bytes is longer than {} bytes (the limit; raise it with "
                            "--max-string-bytes or input_limits::max_string_bytes)",
                            quoted ? "string" : "number", length, w.max_string_bytes()));
}

std::string walk_state::pointer() const {
  std::string out;
  for (std::size_t i = 0; i < depth_ && i < max_depth; ++i) {
    out.push_back('/');
    if (path_[i].index >= 0) {
      fmt::format_to(std::back_inserter(out), "{}", path_[i].index);
      continue;
    }
    for (char c : path_[i].key) {  // RFC 6901 escapes
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out.push_back(c);
      }
    }
  }
  return out;
}

error_code walk_state::fail(error_code code, const char* where, std::string message) {
  if (error_.code != error_code::ok) return code;  // keep the first failure
  const char* at = where != nullptr ? where : record_;
  error_.code = code;
  error_.message = std::move(message);
  error_.json_pointer = pointer();
  error_.byte_offset = document_offset_ + static_cast<std::uint64_t>(at - document_);
  return code;
}

error_code walk_state::fail(error_code code, od::value& v, std::string_view what) {
  const std::string_view token = v.raw_json_token();
  return fail(code, token.data(), fmt::format("expected {}, got {}", what, describe(v)));
}

error_code walk_state::fail_json(simdjson::error_code e, const char* where) {
  return fail(error_code::invalid_json, where,
              fmt::format("invalid JSON: {}", simdjson::error_message(e)));
}

}  // namespace ordernorm::detail
