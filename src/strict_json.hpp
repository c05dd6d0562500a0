// --strict (options::strict, track_options::strict): a record that is not
// valid JSON throughout is rejected as invalid_json, at its first bad token.
//
// Without it, values under keys no mapping reads are skipped by bracket
// counting, unvalidated, as simdjson On-Demand skips them: {"id":1,
// "junk":[tru,-x]} converts. With it, every record is checked in full before
// it is mapped, over the structural indexes stage 1 has already found (the
// structure checker of json_structure.hpp, extended to scalars), so nothing
// is parsed twice. Valid records convert exactly as they do without it.
//
// Also here: the verdict on a record that did not convert, which names the
// first bad token when there is one (with or without --strict).
//
// Private to ordernorm (src/ only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "json_structure.hpp"

namespace ordernorm::detail {

struct record_check {
  // Valid: well formed JSON (under `strict`, throughout).
  bool valid = false;
  // Its structure is sound, so the document can be read on past it (a bad
  // scalar does not stop that).
  bool readable = false;
  // When not valid: the first bad token (or the document's end, when the
  // text ends inside the record), and "invalid JSON: ..." saying why.
  const char* where = nullptr;
  std::string message;
};

// Checks the record that starts at `record` in the document [begin, end),
// whose structural indexes are `tokens`: its structure only, or (`strict`)
// every scalar too.
record_check check_record(structure_checker& checker, bool strict, const char* begin,
                          const char* end, std::span<const std::uint32_t> tokens,
                          const char* record);

}  // namespace ordernorm::detail
