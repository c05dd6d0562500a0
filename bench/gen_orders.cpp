// ordernorm_gen: writes deterministic, realistic platform orders as NDJSON
// (one order per line), for benchmarks and for trying ordernorm on volume.
//
//   ordernorm_gen --platform shopify --bytes 20000000 --seed 42 -o orders.ndjson
//   ordernorm_gen --platform malomo --bytes 20000000 --seed 42 -o malomo.ndjson
//   ordernorm_gen --platform magento --bytes 20000000 --seed 42 -o magento.ndjson
//
// Same seed and size give byte-identical output everywhere (see
// shopify_generator.hpp and its siblings). The output for a size is a prefix of the output
// for a larger size with the same seed.
#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "magento_generator.hpp"
#include "malomo_generator.hpp"
#include "shopify_generator.hpp"
#include "woocommerce_generator.hpp"
#if __has_include("bigcommerce_generator.hpp")
#include "bigcommerce_generator.hpp"
#define ORDERNORM_GEN_HAVE_BIGCOMMERCE 1
#else
#define ORDERNORM_GEN_HAVE_BIGCOMMERCE 0
#endif

namespace {

#if ORDERNORM_GEN_HAVE_BIGCOMMERCE
#define ORDERNORM_GEN_BIGCOMMERCE_USAGE "|bigcommerce"
#define ORDERNORM_GEN_BIGCOMMERCE_HELP                                              \
  "\n                 bigcommerce: BigCommerce V2 orders with products, shipping\n" \
  "                 addresses and shipments expanded in place"
#define ORDERNORM_GEN_BIGCOMMERCE_NAME ", bigcommerce"
#else
#define ORDERNORM_GEN_BIGCOMMERCE_USAGE ""
#define ORDERNORM_GEN_BIGCOMMERCE_HELP ""
#define ORDERNORM_GEN_BIGCOMMERCE_NAME ""
#endif

constexpr std::string_view help =
    "Usage: ordernorm_gen [--platform "
    "shopify|malomo|magento|woocommerce" ORDERNORM_GEN_BIGCOMMERCE_USAGE
    "]\n"
    R"(                     (--bytes N | --orders N) [--seed S] [-o FILE]

Writes realistic platform orders, one per line, to FILE or standard output.

Options:
  --platform P   shopify (the default): Shopify Admin REST orders (bare order
                 objects, as webhook bodies carry them)
                 malomo: Malomo orders with shipments and carrier scan events
                 magento: Magento 2 REST orders (GET /V1/orders/{id})
                 woocommerce: WooCommerce REST v3 orders)" ORDERNORM_GEN_BIGCOMMERCE_HELP R"(
  --bytes N      write whole orders until the output holds at least N bytes
                 (suffixes k, M, G: powers of 1000)
  --orders N     write exactly N orders
  --seed S       the seed (default 42); same seed and size, same bytes
  -o FILE        the output file (default: standard output)
  -h, --help     this text
)";

std::optional<std::uint64_t> parse_count(std::string_view s) {
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

int usage_error(std::string_view message) {
  fmt::print(stderr, "ordernorm_gen: {}\n(see ordernorm_gen --help)\n", message);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string_view platform = "shopify";
  std::optional<std::uint64_t> bytes, orders;
  std::uint64_t seed = 42;
  std::string output = "-";

  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string_view(argv[++i]);
    };
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", help);
      return 0;
    }
    std::optional<std::string_view> v;
    if (arg == "--platform" || arg == "--bytes" || arg == "--orders" || arg == "--seed" ||
        arg == "-o") {
      v = value();
      if (!v) return usage_error(fmt::format("{} needs a value", arg));
    } else {
      return usage_error(fmt::format("unknown argument \"{}\"", arg));
    }
    if (arg == "--platform") {
      platform = *v;
    } else if (arg == "--bytes") {
      bytes = parse_count(*v);
      if (!bytes) return usage_error(fmt::format("--bytes: not a size: \"{}\"", *v));
    } else if (arg == "--orders") {
      orders = parse_count(*v);
      if (!orders) return usage_error(fmt::format("--orders: not a count: \"{}\"", *v));
    } else if (arg == "--seed") {
      const auto s = parse_count(*v);
      if (!s) return usage_error(fmt::format("--seed: not a number: \"{}\"", *v));
      seed = *s;
    } else {
      output = std::string(*v);
    }
  }
  enum class kind { shopify, malomo, magento, woocommerce, bigcommerce };
  kind k = kind::shopify;
  if (platform == "shopify") {
    k = kind::shopify;
  } else if (platform == "malomo") {
    k = kind::malomo;
  } else if (platform == "magento") {
    k = kind::magento;
  } else if (platform == "woocommerce") {
    k = kind::woocommerce;
#if ORDERNORM_GEN_HAVE_BIGCOMMERCE
  } else if (platform == "bigcommerce") {
    k = kind::bigcommerce;
#endif
  } else {
    return usage_error(
        fmt::format("unknown platform \"{}\" (known: shopify, malomo, magento, woocommerce{})",
                    platform, ORDERNORM_GEN_BIGCOMMERCE_NAME));
  }
  if (bytes.has_value() == orders.has_value()) {
    return usage_error("give exactly one of --bytes and --orders");
  }

  std::FILE* out = stdout;
  if (output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (out == nullptr) {
      fmt::print(stderr, "ordernorm_gen: cannot open {}: {}\n", output, std::strerror(errno));
      return 2;
    }
  }

  // Generate in blocks of about 1 MiB; orders are whole lines in each block.
  ordernorm_bench::shopify_generator shopify(seed);
  ordernorm_bench::malomo_generator malomo(seed);
  ordernorm_bench::magento_generator magento(seed);
  ordernorm_bench::woocommerce_generator woocommerce(seed);
#if ORDERNORM_GEN_HAVE_BIGCOMMERCE
  ordernorm_bench::bigcommerce_generator bigcommerce(seed);
#endif
  std::string block;
  block.reserve((1u << 20) + (1u << 16));
  std::uint64_t written = 0, count = 0;
  bool ok = true;
  for (;;) {
    const bool done = bytes ? written >= *bytes : count >= *orders;
    if (done) break;
    switch (k) {
      case kind::shopify:
        shopify.append_order(block);
        break;
      case kind::malomo:
        malomo.append_order(block);
        break;
      case kind::magento:
        magento.append_order(block);
        break;
      case kind::woocommerce:
        woocommerce.append_order(block);
        break;
      case kind::bigcommerce:
#if ORDERNORM_GEN_HAVE_BIGCOMMERCE
        bigcommerce.append_order(block);
#endif
        break;
    }
    block.push_back('\n');
    ++count;
    const bool last = bytes ? written + block.size() >= *bytes : count >= *orders;
    if (block.size() >= (1u << 20) || last) {
      ok = std::fwrite(block.data(), 1, block.size(), out) == block.size();
      written += block.size();
      block.clear();
      if (!ok) break;
    }
  }
  if (std::fflush(out) != 0) ok = false;
  if (out != stdout && std::fclose(out) != 0) ok = false;
  if (!ok) {
    fmt::print(stderr, "ordernorm_gen: write failed: {}\n", std::strerror(errno));
    return 2;
  }
  fmt::print(stderr, "ordernorm_gen: {} orders, {} bytes (seed {})\n", count, written, seed);
  return 0;
}
