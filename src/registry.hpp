// The registry: every order platform and tracking source this build reads,
// one line each in ORDERNORM_SOURCES below. A line gives the source's kind
// and name; the name is also its enumerator (platform::X, tracking_input::X),
// its translation unit (src/platforms/X.cpp for orders, src/sources/X.cpp for
// tracking APIs, which CMake takes from this list) and its fuzz target. That
// translation unit defines X_mapping(): what needs the mapping header (the
// distinctive keys and the other evidence detection weighs, the factory).
//
// Everything that lists sources takes the list from here: detection (the
// converter's scorer and the tracker's markers), --from names, the fuzz
// targets; what must stay hand-written (the model's enums, the CLI help, the
// README table, the fuzz dictionaries, the benchmark generators) is checked
// against it by tests/registry_test.cpp.
//
// Private to ordernorm (src/ only).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "ordernorm/detail/platform.hpp"
#include "ordernorm/detail/tracking_source.hpp"
#include "ordernorm/model.hpp"
#include "ordernorm/tracking.hpp"

// ORDER(x): an order platform (`convert --from x`). ORDER_WITH_SHIPMENTS(x):
// one whose orders carry shipments with scan events, so `track --from x`
// reads them too. TRACKING(x): a carrier tracking API (`track --from x`).
// Order platforms in the model's enum order, then tracking APIs in
// tracking_input's: the position is the detector's tie order.
// clang-format off
#define ORDERNORM_SOURCES(ORDER, ORDER_WITH_SHIPMENTS, TRACKING) \
  ORDER(shopify)                                                 \
  ORDER_WITH_SHIPMENTS(malomo)                                   \
  ORDER(magento)                                                 \
  ORDER(bigcommerce)                                             \
  ORDER(woocommerce)                                             \
  ORDER(sfcc)                                                    \
  ORDER(squarespace)                                             \
  ORDER(ebay)                                                    \
  TRACKING(easypost)                                             \
  TRACKING(usps)                                                 \
  TRACKING(ups)                                                  \
  TRACKING(fedex)                                                \
  TRACKING(dhl)
// clang-format on

namespace ordernorm::detail {

enum class source_kind : std::uint8_t { order, tracking };

// What a source's translation unit provides: everything that needs its
// mapping header. Detection's evidence (see "Detection" in
// ordernorm/detail/platform.hpp for what each list means and weighs) and the
// factory of its kind.
struct source_mapping {
  // Distinctive keys: only this source's documents carry them.
  std::span<const std::string_view> marker_keys;
  // Order platforms only: the keys its order_map reads, other keys its orders
  // carry that another platform also counts, and keys of its other resources
  // that rule it out.
  std::span<const std::string_view> order_keys;
  std::span<const std::string_view> shared_keys;
  std::span<const std::string_view> not_order_keys;
  // Order platforms only: how a top-level `id` string that only this
  // platform's documents carry starts (Shopify's "gid://shopify/"); such an
  // id weighs as a distinctive key.
  std::span<const std::string_view> id_prefixes;
  std::unique_ptr<platform_converter> (*make_converter)() = nullptr;           // kind order
  std::unique_ptr<tracking_converter> (*make_tracking_converter)() = nullptr;  // kind tracking
};

// One line of the registry with what its translation unit provides.
struct source_info : source_mapping {
  source_kind kind = source_kind::order;
  std::string_view name;
  platform platform_id = platform::unknown;  // kind order
  // What `track --from` reads it as: every tracking API, and the order
  // platforms whose orders carry shipments.
  std::optional<tracking_input> tracking_id;
};
// The line of an order platform, as the converter and detection name it.
using platform_info = source_info;

// A source's translation unit and the registry's accessor for it:
// src/platforms/shopify.cpp defines shopify_mapping(), and
// shopify_platform() is its line of the registry (easypost_source() for a
// tracking API).
#define ORDERNORM_DECLARE_ORDER(x) \
  source_mapping x##_mapping();    \
  const source_info& x##_platform() noexcept;
#define ORDERNORM_DECLARE_TRACKING(x) \
  source_mapping x##_mapping();       \
  const source_info& x##_source() noexcept;
ORDERNORM_SOURCES(ORDERNORM_DECLARE_ORDER, ORDERNORM_DECLARE_ORDER, ORDERNORM_DECLARE_TRACKING)
#undef ORDERNORM_DECLARE_ORDER
#undef ORDERNORM_DECLARE_TRACKING

#define ORDERNORM_COUNT_ONE(x) +1
#define ORDERNORM_COUNT_NONE(x)
// How many order platforms the registry lists; the model's platform enum has
// these and `unknown`.
inline constexpr std::size_t order_platform_count =
    0 ORDERNORM_SOURCES(ORDERNORM_COUNT_ONE, ORDERNORM_COUNT_ONE, ORDERNORM_COUNT_NONE);
// How many sources `track` reads (tracking_input's enumerators).
inline constexpr std::size_t tracked_source_count =
    0 ORDERNORM_SOURCES(ORDERNORM_COUNT_NONE, ORDERNORM_COUNT_ONE, ORDERNORM_COUNT_ONE);
// Every line.
inline constexpr std::size_t source_count =
    0 ORDERNORM_SOURCES(ORDERNORM_COUNT_ONE, ORDERNORM_COUNT_ONE, ORDERNORM_COUNT_ONE);
#undef ORDERNORM_COUNT_ONE
#undef ORDERNORM_COUNT_NONE

// Every source, in the registry's order.
std::span<const source_info> sources() noexcept;
// The order platforms (`convert` detects among these), in the registry's order.
std::span<const source_info* const> order_platforms() noexcept;
// The sources `track` reads (it detects among these), in the registry's order.
std::span<const source_info* const> tracked_sources() noexcept;

const source_info* find_platform(platform id) noexcept;
const source_info* find_tracked(tracking_input id) noexcept;

// What an order platform's translation unit returns as its X_mapping():
// `OrderMap` and `Rules` as for mapped_platform_converter (platform.hpp).
template <class Map>
inline constexpr auto mapped_keys = field_keys<Map>();

template <class OrderMap, class Rules>
source_mapping order_mapping(std::span<const std::string_view> marker_keys,
                             std::span<const std::string_view> shared_keys = {},
                             std::span<const std::string_view> not_order_keys = {}) {
  source_mapping m;
  m.marker_keys = marker_keys;
  m.order_keys = mapped_keys<OrderMap>;
  m.shared_keys = shared_keys;
  m.not_order_keys = not_order_keys;
  m.make_converter = []() -> std::unique_ptr<platform_converter> {
    return std::make_unique<mapped_platform_converter<OrderMap, Rules>>();
  };
  return m;
}

// The same for a tracking API: `RootMap` and `Rules` as for
// mapped_tracking_converter (tracking_source.hpp).
template <class RootMap, class Rules>
source_mapping tracking_mapping(std::span<const std::string_view> marker_keys) {
  source_mapping m;
  m.marker_keys = marker_keys;
  m.make_tracking_converter = []() -> std::unique_ptr<tracking_converter> {
    return std::make_unique<mapped_tracking_converter<RootMap, Rules>>();
  };
  return m;
}

}  // namespace ordernorm::detail
