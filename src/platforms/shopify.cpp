// Shopify's translation unit: the only place its REST mapping is
// instantiated, and the `shopify` converter, which reads an order in either
// of its two shapes: Admin REST (mappings/shopify.hpp, snake_case) or GraphQL
// Admin (mappings/shopify_graphql.hpp, camelCase, instantiated in
// shopify_graphql.cpp). The shape is picked per record from its first
// decisive top-level key, then the object is rewound and mapped in one pass.
#include <algorithm>
#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "mappings/shopify.hpp"
#include "platforms/shopify_graphql.hpp"
#include "registry.hpp"

namespace ordernorm::detail {
namespace {

enum class shape : std::uint8_t { undecided, rest, graphql };

// What one top-level key says. REST keys are snake_case, GraphQL's camelCase;
// `__parentId` and `__typename` are GraphQL's own (bulk exports, typed
// selections). One-word lowercase keys (id, name, email, test, phone, note,
// tags, customer, ...) are both shapes': `id` is then told by its value,
// an integer in REST, a "gid://..." string in GraphQL (escaped slashes or
// not); any other id, and an escaped key, decide nothing.
shape shape_of(od::field& f) {
  const char* key = reinterpret_cast<const char*>(f.key().raw());
  if (key[0] == '_' && key[1] == '_') return shape::graphql;
  bool underscore = false;
  bool upper = false;
  // Stage 1 has checked that every string is closed: the key ends at a quote.
  std::size_t n = 0;
  for (; key[n] != '"'; ++n) {
    if (key[n] == '\\') return shape::undecided;
    underscore = underscore || key[n] == '_';
    upper = upper || (key[n] >= 'A' && key[n] <= 'Z');
  }
  if (underscore) return shape::rest;
  if (upper) return shape::graphql;
  if (n != 2 || key[0] != 'i' || key[1] != 'd') return shape::undecided;
  const std::string_view token = f.value().raw_json_token();
  if (token.starts_with("\"gid:")) return shape::graphql;
  if (!token.empty() && ((token[0] >= '0' && token[0] <= '9') || token[0] == '-')) {
    return shape::rest;
  }
  return shape::undecided;
}

// A REST order starts with `"id": <integer>` or a snake_case key, a GraphQL
// one with a camelCase key or `"id": "gid://..."`: the scan reads a key or
// two, never a value but `id`'s first bytes. An object with no decisive key
// is read as REST, as before GraphQL was read.
template <class Walker>
error_code pick_shape(Walker& w, od::object& o, shape& out) {
  out = shape::rest;
  for (auto field_result : o) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) return w.fail_json(e, nullptr);
    const shape s = shape_of(f);
    if (s != shape::undecided) {
      out = s;
      break;
    }
  }
  // The scan read keys only and met no error: the document is alive, and
  // the object can be rewound to its first field.
  bool ignored = false;
  if (auto e = o.reset().get(ignored)) return w.fail_json(e, nullptr);
  return error_code::ok;
}

using rest_converter =
    mapped_platform_converter<mappings::shopify::order_map, mappings::shopify::order_rules>;

class shopify_converter final : public platform_converter {
 public:
  error_code convert(fast_walker& w, od::object& o) override { return run(w, o); }
  error_code convert(reference_walker& w, od::object& o) override { return run(w, o); }
  order& result() noexcept override { return *last_; }

 private:
  template <class Walker>
  error_code run(Walker& w, od::object& o) {
    shape s = shape::rest;
    if (error_code err = pick_shape(w, o, s); err != error_code::ok) return err;
    if (s == shape::graphql) {
      last_ = &graphql_->result();
      return graphql_->convert(w, o);
    }
    last_ = &rest_.result();
    return rest_.convert(w, o);
  }

  rest_converter rest_;
  std::unique_ptr<platform_converter> graphql_ = shopify_graphql_mapping().make_converter();
  order* last_ = &rest_.result();
};

// Each list once, REST's keys first.
std::vector<std::string_view> join(std::span<const std::string_view> a,
                                   std::span<const std::string_view> b) {
  std::vector<std::string_view> out(a.begin(), a.end());
  for (std::string_view key : b) {
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  }
  return out;
}

// A GraphQL id: decisive evidence even in a minimal selection
// ({"id":"gid://shopify/Order/...","name":"..."}).
constexpr std::array<std::string_view, 1> id_prefixes{{"gid://shopify/"}};

}  // namespace

source_mapping shopify_mapping() {
  const source_mapping rest =
      order_mapping<mappings::shopify::order_map, mappings::shopify::order_rules>(
          mappings::shopify::marker_keys, mappings::shopify::shared_keys,
          mappings::shopify::not_order_keys);
  const source_mapping graphql = shopify_graphql_mapping();
  static const std::vector<std::string_view> marker_keys =
      join(rest.marker_keys, graphql.marker_keys);
  static const std::vector<std::string_view> order_keys = join(rest.order_keys, graphql.order_keys);
  static const std::vector<std::string_view> shared_keys =
      join(rest.shared_keys, graphql.shared_keys);
  source_mapping m = rest;
  m.marker_keys = marker_keys;
  m.order_keys = order_keys;
  m.shared_keys = shared_keys;
  m.id_prefixes = id_prefixes;
  m.make_converter = []() -> std::unique_ptr<platform_converter> {
    return std::make_unique<shopify_converter>();
  };
  return m;
}

}  // namespace ordernorm::detail
