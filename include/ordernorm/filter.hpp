// Filtering orders as Alloy's list endpoint does (fulfillmentStatus,
// orderStatus, paymentStatus, currency, platform, created and updated
// ranges): `ordernorm convert`'s filter flags, and any caller that keeps
// some orders only.
//
//   ordernorm::order_filter f;
//   if (auto why = ordernorm::add_filter_values(f, ordernorm::filter_field::order_status,
//                                               "Pending,Active"))
//     std::puts(why->c_str());  // a value that is no orderStatus, and the allowed ones
//   if (ordernorm::matches(o, f)) ...
//
// The rules, the same wherever a filter applies:
// - A field with no values given matches every order. Fields given together
//   must all match (AND); the values of one field are alternatives (OR).
// - Statuses and platforms are their JSON spellings (enum_names<> in
//   model.hpp), ASCII case ignored; `Unknown` is a value like any other.
// - A currency is compared with the order's `currency` ignoring ASCII case;
//   an order without a currency matches no currency filter.
// - Time bounds are half-open: `*_after` keeps the orders at or after the
//   instant (inclusive), `*_before` those strictly before it (exclusive), so
//   that consecutive ranges split a dump without overlap or gap. `created`
//   is remoteCreatedAt, `updated` remoteUpdatedAt. An order without that
//   time matches no bound on it. A time the platform gave without an offset
//   and that is kept as local wall-clock time (timestamp::local) is compared
//   by its reading, as written ("2017-03-22T19:28:02.000" against a bound's
//   UTC reading).
//
// Plain C++17, no Boost.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/export.hpp"
#include "ordernorm/model.hpp"
#include "ordernorm/timestamp.hpp"

namespace ordernorm {

struct order_filter {
  std::vector<ordernorm::fulfillment_status> fulfillment_statuses;
  std::vector<ordernorm::order_status> order_statuses;
  std::vector<ordernorm::payment_status> payment_statuses;
  std::vector<ordernorm::platform> platforms;
  std::vector<std::string> currencies;      // as given; compared ignoring ASCII case
  std::optional<timestamp> created_after;   // remoteCreatedAt >= created_after
  std::optional<timestamp> created_before;  // remoteCreatedAt < created_before
  std::optional<timestamp> updated_after;   // remoteUpdatedAt >= updated_after
  std::optional<timestamp> updated_before;  // remoteUpdatedAt < updated_before

  // True when the filter keeps every order (no field given).
  bool empty() const noexcept {
    return fulfillment_statuses.empty() && order_statuses.empty() && payment_statuses.empty() &&
           platforms.empty() && currencies.empty() && !created_after && !created_before &&
           !updated_after && !updated_before;
  }
};

// True when `o` passes every field of `f` (see the rules above).
ORDERNORM_API bool matches(const order& o, const order_filter& f) noexcept;
ORDERNORM_API bool matches(const owned_order& o, const order_filter& f) noexcept;

// The fields of a filter, one per command-line flag (`convert --order-status`,
// `--created-after`, ...).
enum class filter_field : std::uint8_t {
  fulfillment_status,
  order_status,
  payment_status,
  currency,
  platform,
  created_after,
  created_before,
  updated_after,
  updated_before,
};

// Adds to `f` what a flag says about `field`, as a user writes it:
// - statuses, platforms, currencies: a comma-separated list ("Pending,Active";
//   spaces around a value are ignored), added to the values already given
//   (a flag given twice adds to the list);
// - times: one timestamp, replacing a bound given before. RFC 3339 with any
//   offset ("2024-05-01T00:00:00Z", "2024-05-01T02:00:00+02:00", fractions
//   of a second to milliseconds), or the same without an offset, with a space
//   for the T, or a date alone ("2024-05-01": midnight), all taken as UTC.
//   Unix seconds and RFC 2822 dates are refused: a bare number such as
//   20240501 reads too easily as a date that it is not.
// Returns std::nullopt when every value was taken; otherwise the reason,
// naming the value and, for statuses and platforms, every allowed
// spelling ("unknown orderStatus 'Pendng' (allowed: Unknown, Pending, ...)"),
// and leaves `f` as it was.
ORDERNORM_API std::optional<std::string> add_filter_values(order_filter& f, filter_field field,
                                                           std::string_view input);

// The allowed spellings of an enum, comma-separated ("unknown, unfulfilled,
// partial, fulfilled"), for a message.
template <class Enum>
std::string allowed_spellings() {
  std::string out;
  for (std::string_view name : enum_names<Enum>::values) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace ordernorm
