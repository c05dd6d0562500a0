// Small vocabulary shared by the converter and the tracker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ordernorm/export.hpp"

namespace ordernorm {

// Which mapping engine runs: the single-pass one, or the deliberately simple
// reference used to check it. Both produce the same output on every input.
enum class mapper : std::uint8_t { fast, reference };

// Where a record sits in the input.
struct record_position {
  std::uint64_t index = 0;        // 1-based number of the record in the input
  std::uint64_t byte_offset = 0;  // offset of the record's first byte
};

// What kind of thing a warning reports, so that a caller can count, filter
// or route warnings without parsing their messages. The names (to_string)
// are stable: they appear in warnings files and in the CLI's summary.
enum class warning_code : std::uint8_t {
  unclassified,       // a warning its producer gave no code
  unexpanded_link,    // a sub-resource given as a URL, not its content
  other_currency,     // an amount in another currency than the order's, left out
  inexact_value,      // a value the model cannot hold exactly (a fractional
                      // quantity, a unit price that is no exact decimal), left null
  several_addresses,  // more addresses than the model holds; the first is kept
  unreadable_time,    // a time field that does not parse; its other form was used
  times_disagree,     // two forms of one time disagree; one of them was used
  presentment_money,  // an amount given only in the buyer's (presentment) currency:
                      // used in that currency, or left out beside shop money
};

// "unexpanded_link"; one name per code.
ORDERNORM_API std::string_view to_string(warning_code code) noexcept;

// Something a converted record lacks that the caller may want to fetch (an
// unexpanded sub-resource link, say). The record still converts.
struct record_warning {
  std::string message;       // e.g. "products is an unexpanded link (.../products): no line items"
  std::string json_pointer;  // where, inside the record
  // Last, so that {message, pointer} still builds an unclassified warning.
  warning_code code = warning_code::unclassified;
};

}  // namespace ordernorm
