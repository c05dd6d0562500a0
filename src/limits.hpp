// The input limits as the converter and the tracker apply them: the
// messages of the two limits they check themselves (string_too_long is
// reported by the walkers, walk_state.cpp, against the limit each walker
// carries), where a document nests too deep and the check of a record's
// extent (limits.cpp).
//
// Private to ordernorm (src/ only).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "json_structure.hpp"
#include "ordernorm/detail/converters.hpp"

namespace ordernorm::detail {

// A limit in messages: "16 MiB" when it is a whole number of them.
inline std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 30) && bytes % (std::size_t{1} << 30) == 0) {
    return fmt::format("{} GiB", bytes >> 30);
  }
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return fmt::format("{} MiB", bytes >> 20);
  }
  if (bytes >= (std::size_t{1} << 10) && bytes % (std::size_t{1} << 10) == 0) {
    return fmt::format("{} KiB", bytes >> 10);
  }
  return fmt::format("{} bytes", bytes);
}

// record_too_large: `what` is "record" or "document".
inline std::string record_too_large_message(std::string_view what, std::size_t size,
                                            std::size_t limit) {
  return fmt::format(
      "a {} of {} bytes is larger than {} (the limit; raise it with --max-record-bytes or "
      "input_limits::max_record_bytes)",
      what, size, size_text(limit));
}

inline std::string depth_limit_message(std::size_t limit) {
  return fmt::format(
      "objects and arrays nested more than {} levels deep (the limit; raise it with "
      "--max-depth or input_limits::max_depth)",
      limit);
}

// simdjson 3.0.1 On-Demand does not enforce a nesting limit (its parser's
// max_depth only matters under SIMDJSON_DEVELOPMENT_CHECKS), and values under
// keys no mapping reads are skipped where ordernorm never sees them. Stage 1
// has already found every structural character, so the depth check walks
// those indexes once per document; each record then takes the excursions
// that fall inside it.
class depth_excursions {
 public:
  // Finds where `text` (with `tokens` its structural indexes) nests deeper
  // than `limit`.
  void find(const char* text, std::size_t size, std::span<const std::uint32_t> tokens,
            std::size_t limit) {
    clear();
    find_deeper_than(text, size, tokens, limit, places_);
  }
  void clear() noexcept {
    places_.clear();
    taken_ = 0;
  }
  // The first bracket past the limit in the document, or null.
  const char* first() const noexcept { return places_.empty() ? nullptr : places_.front(); }
  // The first place in [begin, end) that nests too deep, or null; every such
  // place before `end` counts as accounted for.
  const char* take(const char* begin, const char* end) noexcept {
    const char* found = nullptr;
    while (taken_ < places_.size() && places_[taken_] < end) {
      if (found == nullptr && places_[taken_] >= begin) found = places_[taken_];
      ++taken_;
    }
    return found;
  }
  // Whether any place not yet taken is at or after `begin`.
  bool any_from(const char* begin) const noexcept {
    return taken_ < places_.size() && places_.back() >= begin;
  }

 private:
  // The first bracket of each excursion past the limit, in input order, and
  // how many of them the records read so far have accounted for.
  std::vector<const char*> places_;
  std::size_t taken_ = 0;
};

class document_engine;

// Checks the limits that need a record's extent, before it is mapped: only
// for a document larger than the record limit, or one that nests too deep
// after `begin`. Returns false when the record was rejected (and read to its
// end); otherwise `obj` is rewound, ready to map.
bool record_within_limits(document_engine& engine, od::object& obj, const char* begin);

// Rejects a record (or what lies outside every record) that nests too deep
// at `where`.
void reject_too_deep(document_engine& engine, const char* where, std::string pointer = {});

}  // namespace ordernorm::detail
