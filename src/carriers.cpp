// Placeholder until the carrier tables land.
#include "ordernorm/detail/carrier_rules.hpp"

namespace ordernorm::detail {

const event_rule* find_event_rule(carrier_id, std::string_view) noexcept { return nullptr; }
const event_rule* classify_description(std::string_view) noexcept { return nullptr; }

}  // namespace ordernorm::detail
