// Carrier event-code tables and the description-text fallback, as data for
// the deriver. The tables themselves are in mappings/carriers/<carrier>.hpp.
//
// Private to ordernorm.
#pragma once

#include <string_view>

#include "ordernorm/model.hpp"
#include "ordernorm/tracking.hpp"

namespace ordernorm::detail {

// What one carrier event code (or description pattern) means.
struct event_rule {
  std::string_view code;  // the carrier's code, or the description pattern
  shipment_status status;
  std::string_view detail;  // a status_detail value (EasyPost's 28 + research additions)
};

// The rule for `code` in `carrier`'s table, or nullptr when the table does
// not know it (or the carrier has no table).
const event_rule* find_event_rule(carrier_id carrier, std::string_view code) noexcept;

// The rule whose pattern a description or message matches, or nullptr.
const event_rule* classify_description(std::string_view text) noexcept;

}  // namespace ordernorm::detail
