// order_filter (include/ordernorm/filter.hpp): matching, and reading a
// flag's values.
#include "ordernorm/filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

namespace ordernorm {
namespace {

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

template <class T>
bool one_of(const std::vector<T>& wanted, const T& value) noexcept {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

// A time against a half-open range [after, before): a missing time matches
// no bound. A local time is compared by its reading (timestamp::time holds
// the reading as if it were UTC).
bool in_range(const opt_time& t, const std::optional<timestamp>& after,
              const std::optional<timestamp>& before) noexcept {
  if (!after && !before) return true;
  if (!t) return false;
  if (after && t->time < after->time) return false;
  if (before && !(t->time < before->time)) return false;
  return true;
}

template <class String>
bool matches_order(const basic_order<String>& o, const order_filter& f) noexcept {
  if (!one_of(f.fulfillment_statuses, o.fulfillment_status) ||
      !one_of(f.order_statuses, o.order_status) || !one_of(f.payment_statuses, o.payment_status) ||
      !one_of(f.platforms, o.platform)) {
    return false;
  }
  if (!f.currencies.empty()) {
    const std::string_view currency = o.currency;
    if (currency.empty()) return false;
    if (std::none_of(f.currencies.begin(), f.currencies.end(),
                     [&](const std::string& c) { return equal_ignoring_case(c, currency); })) {
      return false;
    }
  }
  return in_range(o.remote_created_at, f.created_after, f.created_before) &&
         in_range(o.remote_updated_at, f.updated_after, f.updated_before);
}

std::string_view trimmed(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Each value of a comma-separated list, trimmed, through `take`, which
// returns a reason to refuse it or std::nullopt.
template <class Take>
std::optional<std::string> each_value(std::string_view list, std::string_view what, Take take) {
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = list.find(',', start);
    const std::string_view value =
        trimmed(list.substr(start, comma == std::string_view::npos ? list.npos : comma - start));
    if (value.empty()) return fmt::format("an empty {} in '{}'", what, list);
    if (auto refused = take(value)) return refused;
    if (comma == std::string_view::npos) return std::nullopt;
    start = comma + 1;
  }
}

template <class Enum>
std::optional<std::string> add_enums(std::vector<Enum>& into, std::string_view list,
                                     std::string_view what) {
  std::vector<Enum> values = into;
  auto refused = each_value(list, what, [&](std::string_view value) -> std::optional<std::string> {
    const auto& names = enum_names<Enum>::values;
    for (std::size_t i = 0; i < std::size(names); ++i) {
      if (equal_ignoring_case(names[i], value)) {
        const auto e = static_cast<Enum>(i);
        if (std::find(values.begin(), values.end(), e) == values.end()) values.push_back(e);
        return std::nullopt;
      }
    }
    return fmt::format("unknown {} '{}' (allowed: {})", what, value, allowed_spellings<Enum>());
  });
  if (!refused) into = std::move(values);
  return refused;
}

std::optional<std::string> add_currencies(std::vector<std::string>& into, std::string_view list) {
  std::vector<std::string> values = into;
  auto refused =
      each_value(list, "currency", [&](std::string_view value) -> std::optional<std::string> {
        const bool letters =
            value.size() == 3 && std::all_of(value.begin(), value.end(), [](char c) {
              return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            });
        if (!letters) {
          return fmt::format("currency '{}' is not a three-letter code such as USD", value);
        }
        values.emplace_back(value);
        return std::nullopt;
      });
  if (!refused) into = std::move(values);
  return refused;
}

std::optional<std::string> set_bound(std::optional<timestamp>& bound, std::string_view input) {
  const std::string_view value = trimmed(input);
  // RFC 3339 and its relatives begin with a four-digit year and a dash; unix
  // seconds and RFC 2822 dates do not.
  const bool iso_like =
      value.size() >= 10 &&
      std::all_of(value.begin(), value.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
      value[4] == '-';
  const auto t = iso_like ? parse_timestamp(value, naive_time::utc)
                          : result<timestamp>(error_code::invalid_timestamp);
  if (!t) {
    return fmt::format(
        "'{}' is not a timestamp such as 2024-05-01T00:00:00Z, 2024-05-01T02:00:00+02:00 or "
        "2024-05-01",
        input);
  }
  bound = *t;
  return std::nullopt;
}

}  // namespace

bool matches(const order& o, const order_filter& f) noexcept { return matches_order(o, f); }
bool matches(const owned_order& o, const order_filter& f) noexcept { return matches_order(o, f); }

std::optional<std::string> add_filter_values(order_filter& f, filter_field field,
                                             std::string_view input) {
  switch (field) {
    case filter_field::fulfillment_status:
      return add_enums(f.fulfillment_statuses, input, "fulfillmentStatus");
    case filter_field::order_status:
      return add_enums(f.order_statuses, input, "orderStatus");
    case filter_field::payment_status:
      return add_enums(f.payment_statuses, input, "paymentStatus");
    case filter_field::platform:
      return add_enums(f.platforms, input, "platform");
    case filter_field::currency:
      return add_currencies(f.currencies, input);
    case filter_field::created_after:
      return set_bound(f.created_after, input);
    case filter_field::created_before:
      return set_bound(f.created_before, input);
    case filter_field::updated_after:
      return set_bound(f.updated_after, input);
    case filter_field::updated_before:
      return set_bound(f.updated_before, input);
  }
  return "unknown filter field";
}

}  // namespace ordernorm
