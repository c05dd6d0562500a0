#include "strict_json.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ordernorm::detail {
namespace {

// The start of a bad token, for a message: at most 24 bytes, cut at a
// character boundary, control bytes escaped (the text can be anything).
std::string shown(const char* p, const char* end) {
  constexpr std::size_t most = 24;
  std::string out;
  std::size_t n = 0;
  for (; p != end && n < most; ++p, ++n) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
    if (c < 0x20 || c == 0x7f) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (p != end && n == most) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80) != 0) out.pop_back();
    out += "...";
  }
  return out;
}

}  // namespace

record_check check_record(structure_checker& checker, bool strict, const char* begin,
                          const char* end, std::span<const std::uint32_t> tokens,
                          const char* record) {
  const auto at = static_cast<std::uint32_t>(record - begin);
  const auto first =
      static_cast<std::size_t>(std::lower_bound(tokens.begin(), tokens.end(), at) - tokens.begin());
  record_check out;
  if (!strict) {
    const structure_check check = checker.check_value(begin, tokens, first);
    out.valid = out.readable = check.ok;
    if (!check.ok) {
      out.where = check.token < tokens.size() ? begin + tokens[check.token] : end;
      out.message = fmt::format("invalid JSON: expected {}", check.expected);
    }
    return out;
  }
  const auto size = static_cast<std::size_t>(end - begin);
  const strict_check check = checker.check_value_strict(begin, size, tokens, first);
  out.valid = check.ok;
  out.readable = check.structure.ok;
  if (check.ok) return out;
  out.where = check.token < tokens.size() ? begin + tokens[check.token] : end;
  const char* token_end = check.token + 1 < tokens.size() ? begin + tokens[check.token + 1] : end;
  const char c = out.where != end ? *out.where : '\0';
  if (check.escape != nullptr) {
    // \u and its 4 hex digits, or \ and one character.
    const char* escape_end =
        std::min(end, check.escape + (check.escape + 1 != end && check.escape[1] == 'u' ? 6 : 2));
    out.message =
        fmt::format("invalid JSON: bad escape '{}' in a string", shown(check.escape, escape_end));
  } else if (check.structure.ok || check.token != check.structure.token) {
    // A bad scalar (a string's only fault can be an escape).
    const bool literal = c == 't' || c == 'f' || c == 'n';
    out.message = fmt::format("invalid JSON: bad {} '{}': {}", literal ? "literal" : "number",
                              shown(out.where, token_end), check.problem);
  } else {
    out.message = fmt::format("invalid JSON: expected {}", check.problem);
  }
  return out;
}

}  // namespace ordernorm::detail
