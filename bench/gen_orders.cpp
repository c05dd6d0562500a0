// ordernorm_gen: writes deterministic, realistic platform orders as NDJSON
// (one order per line), for benchmarks and for trying ordernorm on volume.
//
//   ordernorm_gen --platform shopify --bytes 1G --seed 42 -o shopify.ndjson
//   ordernorm_gen --platform all --bytes 100M > mix.ndjson
//   ordernorm_gen --platform all --bytes 1G --format envelope -o mix-envelope.json
//   ordernorm_gen --platform shopify-graphql --orders 3000 -o pages.ndjson
//   ordernorm_gen --platform shopify-bulk --bulk-layout interleaved --bytes 100M -o bulk.jsonl
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
    R"(Usage: ordernorm_gen [--platform P] (--bytes N | --orders N) [--seed S]
                     [--format ndjson|array|envelope]
                     [--bulk-layout grouped|interleaved] [-o FILE]

Writes realistic platform orders, one per line, to FILE or standard output.

Options:
  --platform P   the platform (default shopify), or "all": one order of each
                 platform in turn, a mixed dump; or one of Shopify's other
                 shapes (below)
  --bytes N      write whole orders until they hold at least N bytes as
                 NDJSON (suffixes k, M, G: powers of 1000); for the other
                 shapes, as they write them (pages or lines)
  --orders N     write exactly N orders
  --seed S       the seed (default 42); same seed and size, same bytes
  --format F     ndjson (default): one order a line; array: one JSON array
                 [order,order,...]; envelope: one {"orders":[...]} document.
                 The orders are the same in every format (one a line,
                 separated by a comma in array and envelope). Platforms only:
                 the other shapes have their own framing
  --bulk-layout L  shopify-bulk only: grouped (default), each order's line
                 item lines right after its Order line; interleaved, each
                 order's line item lines later, among the next orders' lines
                 (at most 64 orders later, always after their order, siblings
                 in order; the rule is in bench/shopify_generator.hpp)
  -o FILE        the output file (default: standard output)
  -h, --help     this text

The same seed gives the same Shopify orders, in the same sequence, in
shopify, shopify-graphql and shopify-bulk.

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
  std::string_view format = "ndjson";
  auto layout = ordernorm_bench::bulk_layout::grouped;
  bool layout_given = false;

  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", usage);
      for (const auto& g : generators()) fmt::print("  {:13}  {}\n", g.name, g.help);
      fmt::print("\nShopify's other shapes (not in \"all\"):\n");
      for (const auto& s : ordernorm_bench::order_streams()) {
        fmt::print("  {:15}  {}\n", s.name, s.help);
      }
      return 0;
    }
    if (arg != "--platform" && arg != "--bytes" && arg != "--orders" && arg != "--seed" &&
        arg != "--format" && arg != "--bulk-layout" && arg != "-o") {
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
    } else if (arg == "--format") {
      if (v != "ndjson" && v != "array" && v != "envelope") {
        return usage_error(fmt::format("--format: ndjson, array or envelope, not \"{}\"", v));
      }
      format = v;
    } else if (arg == "--bulk-layout") {
      if (v != "grouped" && v != "interleaved") {
        return usage_error(fmt::format("--bulk-layout: grouped or interleaved, not \"{}\"", v));
      }
      layout = v == "grouped" ? ordernorm_bench::bulk_layout::grouped
                              : ordernorm_bench::bulk_layout::interleaved;
      layout_given = true;
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
  const ordernorm_bench::stream_info* shape = ordernorm_bench::find_stream(platform);
  if (gens.empty() && shape == nullptr) {
    std::string known = ordernorm_bench::generator_names() + ", all";
    for (const auto& s : ordernorm_bench::order_streams()) known += fmt::format(", {}", s.name);
    return usage_error(fmt::format("unknown platform \"{}\" (known: {})", platform, known));
  }
  if (bytes.has_value() == orders.has_value()) {
    return usage_error("give exactly one of --bytes and --orders");
  }
  if (shape != nullptr && format != "ndjson") {
    return usage_error(fmt::format("--format: {} has its own framing", shape->name));
  }
  if (layout_given && platform != "shopify-bulk") {
    return usage_error("--bulk-layout is for --platform shopify-bulk");
  }

  std::FILE* out = stdout;
  if (output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (out == nullptr) {
      fmt::print(stderr, "ordernorm_gen: cannot open {}: {}\n", output, std::strerror(errno));
      return 2;
    }
  }

  // One document around the orders for array and envelope: the large JSON
  // documents the CLI must stream. An order a line there too, so that the
  // orders are those of the NDJSON form.
  const bool listed = format != "ndjson";
  const std::string_view head = format == "array" ? "[\n" : "{\"orders\":[\n";
  const std::string_view tail = format == "array" ? "\n]\n" : "\n]}\n";

  // Generate in blocks of about 1 MiB; orders are whole lines in each block.
  std::string block;
  block.reserve((1u << 20) + (1u << 16));
  if (listed) block.append(head);
  // --bytes counts the orders as NDJSON (each plus its newline) in every
  // format, so that every format holds the same orders.
  std::uint64_t written = 0, count = 0, ndjson_bytes = 0;
  bool ok = true;
  const auto flush = [&] {
    ok = std::fwrite(block.data(), 1, block.size(), out) == block.size();
    written += block.size();
    block.clear();
  };
  // The other shapes: --bytes counts each order's own bytes as the shape
  // writes them (interleaved bulk writes some of them later).
  const std::unique_ptr<ordernorm_bench::order_stream> stream =
      shape != nullptr ? shape->make(seed, layout) : nullptr;
  for (;;) {
    const bool done = bytes ? ndjson_bytes >= *bytes : count >= *orders;
    if (done) break;
    if (stream) {
      ndjson_bytes += stream->append_order(block);
    } else {
      if (listed && count != 0) block.append(",\n");
      const std::size_t before = block.size();
      gens[count % gens.size()]->append_order(block);
      ndjson_bytes += block.size() - before + 1;
      if (!listed) block.push_back('\n');
    }
    ++count;
    if (block.size() >= (1u << 20)) {
      flush();
      if (!ok) break;
    }
  }
  if (ok) {
    if (listed) block.append(tail);
    if (stream) stream->finish(block);
    flush();
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
