// ordernorm_gen: writes deterministic, realistic platform orders as NDJSON
// (one order per line), for benchmarks and for trying ordernorm on volume.
//
//   ordernorm_gen --platform shopify --bytes 1G --seed 42 -o shopify.ndjson
//   ordernorm_gen --platform all --bytes 100M > mix.ndjson
//
// Same seed and size give byte-identical output everywhere (see
// shopify_generator.hpp and its siblings); no clock, no network. The output
// for a size is a prefix of the output for a larger size with the same seed.
#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generators.hpp"

namespace {

constexpr std::string_view usage =
    R"(Usage: ordernorm_gen [--platform P] (--bytes N | --orders N) [--seed S] [-o FILE]

Writes realistic platform orders, one per line, to FILE or standard output.

Options:
  --platform P   the platform (default shopify), or "all": one order of each
                 platform in turn, a mixed dump
  --bytes N      write whole orders until the output holds at least N bytes
                 (suffixes k, M, G: powers of 1000)
  --orders N     write exactly N orders
  --seed S       the seed (default 42); same seed and size, same bytes
  -o FILE        the output file (default: standard output)
  -h, --help     this text

Platforms:
)";

int usage_error(std::string_view message) {
  fmt::print(stderr, "ordernorm_gen: {}\n(see ordernorm_gen --help)\n", message);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using ordernorm_bench::generators;
  std::string_view platform = "shopify";
  std::optional<std::uint64_t> bytes, orders;
  std::uint64_t seed = 42;
  std::string output = "-";

  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", usage);
      for (const auto& g : generators()) fmt::print("  {:13}  {}\n", g.name, g.help);
      return 0;
    }
    if (arg != "--platform" && arg != "--bytes" && arg != "--orders" && arg != "--seed" &&
        arg != "-o") {
      return usage_error(fmt::format("unknown argument \"{}\"", arg));
    }
    if (i + 1 >= argc) return usage_error(fmt::format("{} needs a value", arg));
    const std::string_view v = argv[++i];
    if (arg == "--platform") {
      platform = v;
    } else if (arg == "--bytes") {
      bytes = ordernorm_bench::parse_size(v);
      if (!bytes) return usage_error(fmt::format("--bytes: not a size: \"{}\"", v));
    } else if (arg == "--orders") {
      orders = ordernorm_bench::parse_size(v);
      if (!orders) return usage_error(fmt::format("--orders: not a count: \"{}\"", v));
    } else if (arg == "--seed") {
      const auto s = ordernorm_bench::parse_size(v);
      if (!s) return usage_error(fmt::format("--seed: not a number: \"{}\"", v));
      seed = *s;
    } else {
      output = std::string(v);
    }
  }
  // One generator per platform written, each with the same seed: "all"
  // interleaves them order by order.
  std::vector<std::unique_ptr<ordernorm_bench::order_generator>> gens;
  for (const auto& g : generators()) {
    if (platform == "all" || g.name == platform) gens.push_back(g.make(seed));
  }
  if (gens.empty()) {
    return usage_error(fmt::format("unknown platform \"{}\" (known: {}, all)", platform,
                                   ordernorm_bench::generator_names()));
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
  std::string block;
  block.reserve((1u << 20) + (1u << 16));
  std::uint64_t written = 0, count = 0;
  bool ok = true;
  for (;;) {
    const bool done = bytes ? written >= *bytes : count >= *orders;
    if (done) break;
    gens[count % gens.size()]->append_order(block);
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
