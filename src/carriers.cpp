// Carrier event-code lookup and the description fallback, over the tables in
// mappings/carriers/. Everything here is allocation-free: codes and texts are
// compared in place, ASCII case-insensitively.
#include "ordernorm/detail/carrier_rules.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "mappings/carriers/description.hpp"
#include "mappings/carriers/dhl.hpp"
#include "mappings/carriers/fedex.hpp"
#include "mappings/carriers/ups.hpp"
#include "mappings/carriers/usps.hpp"

namespace ordernorm::detail {
namespace {

namespace carriers = ordernorm::mappings::carriers;

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr bool is_word_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// Whether `pattern` (lower case) occurs in `text` at the start of a word: the
// character before it, if any, is not an ASCII letter or digit.
constexpr bool contains_at_word_start(std::string_view text, std::string_view pattern) noexcept {
  if (pattern.empty() || pattern.size() > text.size()) return false;
  const char first = pattern.front();
  for (std::size_t i = 0; i + pattern.size() <= text.size(); ++i) {
    if (ascii_lower(text[i]) != first) continue;
    if (i > 0 && is_word_char(text[i - 1])) continue;
    if (iequals(text.substr(i, pattern.size()), pattern)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Compile-time checks of the tables.

// EasyPost's 28 status_detail values (tracking.md §1.2) and the research
// additions (§7).
constexpr std::string_view status_details[] = {
    "address_correction",
    "arrived_at_destination",
    "arrived_at_facility",
    "arrived_at_pickup_location",
    "awaiting_information",
    "cancelled",
    "damaged",
    "delayed",
    "delivery_exception",
    "departed_facility",
    "departed_origin_facility",
    "expired",
    "failure",
    "held",
    "in_transit",
    "label_created",
    "lost",
    "missorted",
    "out_for_delivery",
    "received_at_destination_facility",
    "received_at_origin_facility",
    "refused",
    "return",
    "status_update",
    "transferred_to_destination_carrier",
    "transit_exception",
    "unknown",
    "weather_delay",
    // additions
    "attempted_delivery",
    "delivered_to_sender",
    "pickup_missed",
    "customs_hold",
    "held_for_payment",
    "recipient_moved",
};

constexpr bool known_detail(std::string_view detail) {
  for (std::string_view d : status_details) {
    if (d == detail) return true;
  }
  return false;
}

constexpr bool valid_code(std::string_view code) { return !code.empty() && trim(code) == code; }

// Every code present and trimmed, no code twice (ignoring case), every detail
// from the vocabulary.
constexpr bool valid_code_table(std::span<const event_rule> rules) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (!valid_code(rules[i].code) || !known_detail(rules[i].detail)) return false;
    for (std::size_t j = i + 1; j < rules.size(); ++j) {
      if (iequals(rules[i].code, rules[j].code)) return false;
    }
  }
  return true;
}

constexpr bool valid_pattern(std::string_view pattern) {
  if (pattern.empty()) return false;
  // Starts with a word character (the word-start rule needs it); lower case.
  if (!is_word_char(pattern.front())) return false;
  for (char c : pattern) {
    if (c >= 'A' && c <= 'Z') return false;
  }
  return trim(pattern) == pattern;
}

// Every pattern well formed, known detail, and reachable: no earlier pattern
// occurs at a word start inside it (which would always win first).
constexpr bool valid_pattern_table(std::span<const event_rule> rules) {
  for (std::size_t j = 0; j < rules.size(); ++j) {
    if (!valid_pattern(rules[j].code) || !known_detail(rules[j].detail)) return false;
    for (std::size_t i = 0; i < j; ++i) {
      if (contains_at_word_start(rules[j].code, rules[i].code)) return false;
    }
  }
  return true;
}

static_assert(valid_code_table(carriers::usps::rules),
              "mappings/carriers/usps.hpp: empty or untrimmed code, duplicate code, or unknown "
              "status_detail");
static_assert(valid_code_table(carriers::ups::rules),
              "mappings/carriers/ups.hpp: empty or untrimmed code, duplicate code, or unknown "
              "status_detail");
static_assert(valid_code_table(carriers::fedex::rules),
              "mappings/carriers/fedex.hpp: empty or untrimmed code, duplicate code, or unknown "
              "status_detail");
static_assert(valid_code_table(carriers::dhl::rules),
              "mappings/carriers/dhl.hpp: empty or untrimmed code, duplicate code, or unknown "
              "status_detail");
static_assert(valid_pattern_table(carriers::description::rules),
              "mappings/carriers/description.hpp: malformed pattern, unknown status_detail, or a "
              "pattern an earlier one always pre-empts");

// ---------------------------------------------------------------------------

constexpr std::span<const event_rule> table_for(carrier_id carrier) noexcept {
  switch (carrier) {
    case carrier_id::usps:
      return carriers::usps::rules;
    case carrier_id::ups:
      return carriers::ups::rules;
    case carrier_id::fedex:
      return carriers::fedex::rules;
    case carrier_id::dhl:
      return carriers::dhl::rules;
    case carrier_id::unknown:
      break;
  }
  return {};
}

}  // namespace

namespace {
// Codes of up to 8 characters, lower-cased and packed into a word.
constexpr std::uint64_t pack(std::string_view code) noexcept {
  std::uint64_t w = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    w |= std::uint64_t{static_cast<unsigned char>(ascii_lower(code[i]))} << (8 * i);
  }
  return w;
}
template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed_codes(const event_rule (&rules)[N]) {
  std::array<std::uint64_t, N> out{};
  // Longer codes get a word no input can pack to (0xFF is never in
  // valid UTF-8), so they are only found by the slow path.
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = rules[i].code.size() <= 8 ? pack(rules[i].code) : ~std::uint64_t{0};
  }
  return out;
}
constexpr auto usps_packed = packed_codes(carriers::usps::rules);
constexpr auto ups_packed = packed_codes(carriers::ups::rules);
constexpr auto fedex_packed = packed_codes(carriers::fedex::rules);
constexpr auto dhl_packed = packed_codes(carriers::dhl::rules);
std::span<const std::uint64_t> packed_for(carrier_id c) noexcept {
  switch (c) {
    case carrier_id::usps:
      return usps_packed;
    case carrier_id::ups:
      return ups_packed;
    case carrier_id::fedex:
      return fedex_packed;
    case carrier_id::dhl:
      return dhl_packed;
    case carrier_id::unknown:
      break;
  }
  return {};
}
}  // namespace

const event_rule* find_event_rule(carrier_id carrier, std::string_view code) noexcept {
  code = trim(code);
  if (code.empty()) return nullptr;
  const std::span<const event_rule> rules = table_for(carrier);
  if (code.size() <= 8) {
    const std::uint64_t key = pack(code);
    const std::span<const std::uint64_t> packed = packed_for(carrier);
    for (std::size_t i = 0; i < packed.size(); ++i) {
      if (packed[i] == key) return &rules[i];
    }
    return nullptr;
  }
  for (const event_rule& rule : rules) {
    if (iequals(rule.code, code)) return &rule;
  }
  return nullptr;
}

const event_rule* classify_description(std::string_view text) noexcept {
  for (const event_rule& rule : carriers::description::rules) {
    if (contains_at_word_start(text, rule.code)) return &rule;
  }
  return nullptr;
}

}  // namespace ordernorm::detail
