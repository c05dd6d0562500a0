// The registry's lists, built once from ORDERNORM_SOURCES (registry.hpp) and
// what each source's translation unit provides; the name lookups of the
// public API read them.
#include "registry.hpp"

#include <array>
#include <cstdint>

#include "ordernorm/convert.hpp"

namespace ordernorm::detail {
namespace {

source_info line(source_kind kind, std::string_view name, platform platform_id,
                 std::optional<tracking_input> tracking_id, source_mapping mapping) {
  source_info s;
  static_cast<source_mapping&>(s) = mapping;
  s.kind = kind;
  s.name = name;
  s.platform_id = platform_id;
  s.tracking_id = tracking_id;
  return s;
}

#define ORDERNORM_ORDER_LINE(x) \
  line(source_kind::order, #x, platform::x, std::nullopt, x##_mapping()),
#define ORDERNORM_ORDER_WITH_SHIPMENTS_LINE(x) \
  line(source_kind::order, #x, platform::x, tracking_input::x, x##_mapping()),
#define ORDERNORM_TRACKING_LINE(x) \
  line(source_kind::tracking, #x, platform::unknown, tracking_input::x, x##_mapping()),

const std::array<source_info, source_count>& all_sources() {
  static const std::array<source_info, source_count> all{ORDERNORM_SOURCES(
      ORDERNORM_ORDER_LINE, ORDERNORM_ORDER_WITH_SHIPMENTS_LINE, ORDERNORM_TRACKING_LINE)};
  return all;
}

#undef ORDERNORM_ORDER_LINE
#undef ORDERNORM_ORDER_WITH_SHIPMENTS_LINE
#undef ORDERNORM_TRACKING_LINE

template <std::size_t N, class Keep>
std::array<const source_info*, N> select(Keep keep) {
  std::array<const source_info*, N> out{};
  std::size_t n = 0;
  for (const source_info& s : all_sources()) {
    if (keep(s) && n < N) out[n++] = &s;
  }
  return out;
}

const source_info& by_name(std::string_view name) noexcept {
  for (const source_info& s : all_sources()) {
    if (s.name == name) return s;
  }
  return all_sources()[0];  // not reached: every accessor names a line
}

}  // namespace

std::span<const source_info> sources() noexcept { return all_sources(); }

std::span<const source_info* const> order_platforms() noexcept {
  static const auto list = select<order_platform_count>(
      [](const source_info& s) { return s.kind == source_kind::order; });
  return list;
}

std::span<const source_info* const> tracked_sources() noexcept {
  static const auto list =
      select<tracked_source_count>([](const source_info& s) { return s.tracking_id.has_value(); });
  return list;
}

const source_info* find_platform(platform id) noexcept {
  for (const source_info* s : order_platforms()) {
    if (s->platform_id == id) return s;
  }
  return nullptr;
}

const source_info* find_tracked(tracking_input id) noexcept {
  for (const source_info* s : tracked_sources()) {
    if (s->tracking_id == id) return s;
  }
  return nullptr;
}

#define ORDERNORM_ORDER_ACCESSOR(x) \
  const source_info& x##_platform() noexcept { return by_name(#x); }
#define ORDERNORM_TRACKING_ACCESSOR(x) \
  const source_info& x##_source() noexcept { return by_name(#x); }
ORDERNORM_SOURCES(ORDERNORM_ORDER_ACCESSOR, ORDERNORM_ORDER_ACCESSOR, ORDERNORM_TRACKING_ACCESSOR)
#undef ORDERNORM_ORDER_ACCESSOR
#undef ORDERNORM_TRACKING_ACCESSOR

}  // namespace ordernorm::detail

namespace ordernorm {

std::optional<platform> platform_from_name(std::string_view name) noexcept {
  for (const detail::source_info* s : detail::order_platforms()) {
    if (s->name == name) return s->platform_id;
  }
  return std::nullopt;
}

std::optional<tracking_input> tracking_input_from_name(std::string_view name) noexcept {
  for (const detail::source_info* s : detail::tracked_sources()) {
    if (s->name == name) return s->tracking_id;
  }
  return std::nullopt;
}

std::string_view to_string(tracking_input input) noexcept {
  const detail::source_info* s = detail::find_tracked(input);
  return s != nullptr ? s->name : "unknown";
}

}  // namespace ordernorm
