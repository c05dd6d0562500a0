// Platform detection for --from auto: scores each order platform on the
// top-level keys of an object, from the evidence each declares (see
// "Detection" in ordernorm/detail/platform.hpp for the weights and the rule).
//
// The table is built once from the registry; per object, a detection_tally
// on the stack adds up the scores, so the hot path does not allocate.
//
// Private to ordernorm (src/ only).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/mapping.hpp"
#include "registry.hpp"

namespace ordernorm::detail {

// Every order platform of the registry: the tally has a score for each.
inline constexpr std::size_t max_detected_platforms = order_platform_count;
static_assert(max_detected_platforms <= 32, "detection_key::rules_out has a bit per platform");

// A key the detector knows: what it weighs for each platform (by registry
// position), which platforms it rules out, and whether it is a list
// envelope's key.
struct detection_key {
  std::string_view key;
  std::array<std::int8_t, max_detected_platforms> weight{};
  std::uint32_t rules_out = 0;  // bit per registry position
  bool envelope = false;
  std::uint16_t index = 0;  // position in the table, to count a key once per object
};

// The scores of one object's keys so far.
class detection_tally {
 public:
  static constexpr std::size_t max_keys = 512;

  // Counts `k` unless the object had it already (a duplicate key counts
  // once, as the first occurrence is the one the mapping reads); true when
  // it counted.
  bool add(const detection_key& k) noexcept {
    std::uint64_t& word = seen_[k.index / 64];
    const std::uint64_t bit = std::uint64_t{1} << (k.index % 64);
    if ((word & bit) != 0) return false;
    word |= bit;
    for (std::size_t i = 0; i < max_detected_platforms; ++i) {
      score_[i] = static_cast<std::int16_t>(score_[i] + k.weight[i]);
    }
    ruled_out_ |= k.rules_out;
    return true;
  }

  // The registry position of the platform, not ruled out, that leads every
  // other one (or zero) by at least `lead`; -1 when none does.
  int leader(std::size_t platforms, int lead) const noexcept {
    int best = -1;
    int top = 0;
    int next = 0;
    for (std::size_t i = 0; i < platforms; ++i) {
      if ((ruled_out_ >> i) & 1u) continue;
      const int s = score_[i];
      if (best < 0 || s > top) {
        if (best >= 0 && top > next) next = top;
        best = static_cast<int>(i);
        top = s;
      } else if (s > next) {
        next = s;
      }
    }
    return best >= 0 && top - next >= lead ? best : -1;
  }

  int score(std::size_t platform) const noexcept { return score_[platform]; }
  bool ruled_out(std::size_t platform) const noexcept {
    return ((ruled_out_ >> platform) & 1u) != 0;
  }

 private:
  std::array<std::int16_t, max_detected_platforms> score_{};
  std::uint32_t ruled_out_ = 0;
  std::array<std::uint64_t, max_keys / 64> seen_{};
};

class platform_detector {
 public:
  // The evidence of `platforms` (at most max_detected_platforms) and the
  // list envelopes' keys.
  platform_detector(std::span<const platform_info* const> platforms,
                    std::span<const std::string_view> envelope_keys);

  // The key whose raw bytes start at `raw` (just after its opening quote,
  // inside simdjson's padded input, as the mapping's classifier reads keys),
  // or null. Keys are compared as raw bytes: an escaped key never matches.
  const detection_key* find_raw(const char* raw) const noexcept;
  const detection_key* find(std::string_view key) const noexcept;

  // The `id` key, if a platform declares id_prefixes (else null); and the
  // evidence an `id` value's raw token (quotes and escapes as written) is:
  // a pseudo-key named `id":"<prefix>` (no JSON key can match it), or null.
  const detection_key* id_key() const noexcept { return id_key_; }
  const detection_key* find_id_value(std::string_view token) const noexcept;

  std::span<const platform_info* const> platforms() const noexcept { return platforms_; }
  std::span<const detection_key> keys() const noexcept { return keys_; }

  // Why these keys (each once) pick no platform, for a reject message: the
  // candidates with their scores and the keys that counted, and what rules
  // a platform out. Bounded: registry keys only, a few per candidate.
  std::string explain(std::span<const detection_key* const> seen) const;

 private:
  static std::size_t hash(std::string_view key) noexcept;
  detection_key& entry(std::string_view key);

  std::span<const platform_info* const> platforms_;
  std::vector<detection_key> keys_;
  // The id prefixes and their pseudo-keys' positions in keys_, whose names
  // live in id_names_.
  struct id_prefix {
    std::string_view prefix;
    std::uint16_t key;
  };
  std::vector<id_prefix> id_prefixes_;
  std::deque<std::string> id_names_;
  const detection_key* id_key_ = nullptr;
  std::vector<std::uint16_t> slots_;  // open addressing: index + 1, 0 = empty
  std::size_t longest_ = 0;
};

class document_engine;

// The scorer over every order platform and the list envelopes' keys: built
// once, read-only after.
const platform_detector& order_detector();

// What a key scan of an object found: the platform picked, if any, and the
// envelope key under which its orders are, if it is an envelope.
struct object_shape {
  const platform_info* platform = nullptr;
  std::string_view envelope_key;
};

// Scores an object's top-level keys (values are skipped, not parsed) and
// picks the platform that leads every other by detection_weight::
// decisive_lead, if one does. Stops early once a lead is settled (the rest
// of a genuine order can only widen it: platform.hpp, "Detection"). Returns
// simdjson's error when the object is broken JSON.
simdjson::error_code scan_object(od::object& obj, object_shape& out);

// Why no platform was picked: the candidates, their scores and the keys
// that counted (all keys, no early stop), then the keys the object has.
std::string detection_report(document_engine& engine, od::object& obj);

// For the reader, which streams a list envelope too large to read whole
// (document_view::element) and so must decide what the object is from the
// keys before its list: the envelope key `key` names (static storage), or
// empty when it is not one; and whether `keys` (the object's keys up to and
// including the list's) make it an envelope rather than an order, by the
// rule the converter applies to a whole object.
std::string_view streamable_envelope_key(std::string_view key) noexcept;
bool keys_make_an_envelope(std::span<const std::string_view> keys);

// Why detection could be ambiguous among `sources`, one sentence per
// problem; empty when it cannot. `envelope_keys` are the list envelopes'
// keys (the converter's). The rules, for the sources of one detector (the
// converter's scorer over the order platforms, the tracker's markers over
// the sources it reads):
// - every source has at least one distinctive key;
// - a distinctive key is listed by one source only, and, for order
//   platforms, is no other platform's evidence nor an envelope's key;
// - an order platform's distinctive keys alone, and all of its evidence (an
//   order with every key it reads or shares, none that rules it out), each
//   make it lead every other platform by detection_weight::decisive_lead
//   under the scoring above.
// tests/registry_test.cpp runs it on the registry, and on fake registries
// to show that it fails.
std::vector<std::string> detection_ambiguities(std::span<const source_info* const> sources,
                                               std::span<const std::string_view> envelope_keys);

}  // namespace ordernorm::detail
