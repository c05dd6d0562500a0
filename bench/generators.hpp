// Every order generator the benchmarks and ordernorm_gen know, behind one
// interface, so that the suite and the generator tool list the same platforms
// and a new generator is wired in at one place.
//
//   for (const ordernorm_bench::generator_info& g : ordernorm_bench::generators()) ...
//   auto gen = ordernorm_bench::find_generator("magento")->make(42);
//   std::string ndjson;
//   gen->append_ndjson(ndjson, 20'000'000);
//
// Generators of the later platforms (BigCommerce, SFCC, Squarespace, eBay)
// are included only when their header exists, so that the suite builds with
// whatever is there; ORDERNORM_BENCH_WITHOUT_<NAME> (CMake:
// -DORDERNORM_BENCH_WITHOUT=sfcc;ebay) leaves one out while it is being
// written. Depends on the generators only.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "magento_generator.hpp"
#include "malomo_generator.hpp"
#include "shopify_generator.hpp"
#include "woocommerce_generator.hpp"
#if !defined(ORDERNORM_BENCH_WITHOUT_BIGCOMMERCE) && __has_include("bigcommerce_generator.hpp")
#include "bigcommerce_generator.hpp"
#define ORDERNORM_BENCH_HAVE_BIGCOMMERCE 1
#endif
#if !defined(ORDERNORM_BENCH_WITHOUT_SFCC) && __has_include("sfcc_generator.hpp")
#include "sfcc_generator.hpp"
#define ORDERNORM_BENCH_HAVE_SFCC 1
#endif
#if !defined(ORDERNORM_BENCH_WITHOUT_SQUARESPACE) && __has_include("squarespace_generator.hpp")
#include "squarespace_generator.hpp"
#define ORDERNORM_BENCH_HAVE_SQUARESPACE 1
#endif
#if !defined(ORDERNORM_BENCH_WITHOUT_EBAY) && __has_include("ebay_generator.hpp")
#include "ebay_generator.hpp"
#define ORDERNORM_BENCH_HAVE_EBAY 1
#endif

namespace ordernorm_bench {

// A seeded generator: same seed, same calls, same bytes.
class order_generator {
 public:
  virtual ~order_generator() = default;
  // One order, no newline.
  virtual void append_order(std::string& out) = 0;
  // Whole orders, one a line, until `out` holds at least `total_bytes` bytes
  // (the last order crosses the limit); returns how many were appended. The
  // output for N bytes is a prefix of the output for more.
  virtual std::size_t append_ndjson(std::string& out, std::size_t total_bytes) = 0;
};

template <class Generator>
class generator_of final : public order_generator {
 public:
  explicit generator_of(std::uint64_t seed) : g_(seed) {}
  void append_order(std::string& out) override { g_.append_order(out); }
  std::size_t append_ndjson(std::string& out, std::size_t total_bytes) override {
    return g_.append_ndjson(out, total_bytes);
  }

 private:
  Generator g_;
};

struct generator_info {
  std::string_view name;  // the platform's name in ordernorm ("shopify")
  std::string_view help;  // what the orders are, for --help
  // Platforms whose converter is still being written: the suite leaves them
  // out, with a note, when their orders do not convert yet.
  bool provisional;
  std::unique_ptr<order_generator> (*make)(std::uint64_t seed);
};

template <class Generator>
std::unique_ptr<order_generator> make_generator(std::uint64_t seed) {
  return std::make_unique<generator_of<Generator>>(seed);
}

// In the suite's order: Shopify first, as the reference platform.
inline const std::vector<generator_info>& generators() {
  static const std::vector<generator_info> all = {
      {"shopify", "Shopify Admin REST orders (bare order objects, as webhook bodies)", false,
       &make_generator<shopify_generator>},
      {"malomo", "Malomo orders with shipments and 5-15 carrier scan events each", false,
       &make_generator<malomo_generator>},
      {"magento", "Magento 2 REST orders (GET /V1/orders/{id})", false,
       &make_generator<magento_generator>},
#ifdef ORDERNORM_BENCH_HAVE_BIGCOMMERCE
      {"bigcommerce", "BigCommerce V2 orders, products/addresses/shipments expanded", false,
       &make_generator<bigcommerce_generator>},
#endif
      {"woocommerce", "WooCommerce REST v3 orders", false, &make_generator<woocommerce_generator>},
#ifdef ORDERNORM_BENCH_HAVE_SFCC
      {"sfcc", "Salesforce Commerce Cloud (OCAPI/SCAPI) orders", false,
       &make_generator<sfcc_generator>},
#endif
#ifdef ORDERNORM_BENCH_HAVE_SQUARESPACE
      {"squarespace", "Squarespace Commerce API orders", false,
       &make_generator<squarespace_generator>},
#endif
#ifdef ORDERNORM_BENCH_HAVE_EBAY
      {"ebay", "eBay Fulfillment API orders", false, &make_generator<ebay_generator>},
#endif
  };
  return all;
}

inline const generator_info* find_generator(std::string_view name) {
  for (const generator_info& g : generators()) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

// Orders in a shape other than one order a line: Shopify's GraphQL query
// response pages and Bulk Operation JSONL (shopify_generator.hpp). Their
// orders are Shopify's, the same as the REST generator's for a seed, so they
// are shapes, not platforms of the registry: they are not in generators(),
// and neither "all" nor the registry's checks count them.
class order_stream {
 public:
  virtual ~order_stream() = default;
  // Appends the next order with whatever the shape writes around it; returns
  // the bytes that order accounts for (a byte budget counts these).
  virtual std::size_t append_order(std::string& out) = 0;
  // Ends the output (the last page, the lines still due).
  virtual void finish(std::string& out) = 0;
};

class graphql_stream final : public order_stream {
 public:
  explicit graphql_stream(std::uint64_t seed) : pages_(seed) {}
  std::size_t append_order(std::string& out) override { return pages_.append_order(out); }
  void finish(std::string& out) override { pages_.finish(out); }

 private:
  shopify_graphql_pages pages_;
};

class bulk_stream final : public order_stream {
 public:
  bulk_stream(std::uint64_t seed, bulk_layout layout) : bulk_(seed, layout) {}
  std::size_t append_order(std::string& out) override { return bulk_.append_order(out); }
  void finish(std::string& out) override { bulk_.finish(out); }

 private:
  shopify_bulk_export bulk_;
};

struct stream_info {
  std::string_view name;  // --platform's value ("shopify-graphql")
  std::string_view help;
  std::unique_ptr<order_stream> (*make)(std::uint64_t seed, bulk_layout layout);
};

inline const std::vector<stream_info>& order_streams() {
  static const std::vector<stream_info> all = {
      {"shopify-graphql",
       "Shopify orders as GraphQL Admin API query responses, a page of up to 50 a line",
       [](std::uint64_t seed, bulk_layout) -> std::unique_ptr<order_stream> {
         return std::make_unique<graphql_stream>(seed);
       }},
      {"shopify-bulk",
       "Shopify orders as Bulk Operation JSONL: an Order line, then a line per line item",
       [](std::uint64_t seed, bulk_layout layout) -> std::unique_ptr<order_stream> {
         return std::make_unique<bulk_stream>(seed, layout);
       }},
  };
  return all;
}

inline const stream_info* find_stream(std::string_view name) {
  for (const stream_info& s : order_streams()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

// "shopify, malomo, ...": for messages.
inline std::string generator_names() {
  std::string names;
  for (const generator_info& g : generators()) {
    if (!names.empty()) names += ", ";
    names += g.name;
  }
  return names;
}

// "20000000", "20M", "1G", "10k" (powers of 1000): sizes and counts on the
// command lines of the generator tool and the suite.
inline std::optional<std::uint64_t> parse_size(std::string_view s) {
  std::uint64_t multiplier = 1;
  if (!s.empty()) {
    switch (s.back()) {
      case 'k':
      case 'K':
        multiplier = 1'000;
        break;
      case 'M':
        multiplier = 1'000'000;
        break;
      case 'G':
        multiplier = 1'000'000'000;
        break;
      default:
        break;
    }
    if (multiplier != 1) s.remove_suffix(1);
  }
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
  if (v > UINT64_MAX / multiplier) return std::nullopt;
  return v * multiplier;
}

}  // namespace ordernorm_bench
