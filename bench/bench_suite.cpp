// ordernorm_bench: normalization throughput of every platform against its
// floor and two baselines, on the same bytes.
//
//   ordernorm_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//                   [--data_bytes=20M] [--data_seed=42] [--platforms=shopify,malomo]
//
// For each platform with a generator (generators.hpp), ~20 MB of its orders
// are held in one padded buffer and split into lines once. Every benchmark
// makes one pass over all lines of its platform per iteration,
// single-threaded, and reports bytes_per_second (input NDJSON) and
// items_per_second (orders):
//
//   BM_<platform>/skip_floor       On-Demand stepping over the top-level fields, every value
//                                  skipped: the floor of any one-pass On-Demand mapper (the
//                                  targets: fast >= 50% of it)
//   BM_<platform>/fast             converter (fast mapper, from = the platform) + write_json
//   BM_<platform>/reference        the reference mapper + write_json
//   BM_<platform>/iterate_all      simdjson On-Demand reading every key, string, number, bool,
//                                  null: a baseline, not a limit (the mapper skips what it
//                                  does not map)
//   BM_<platform>/read_bytes       memchr for '\n' over every line: reading the bytes, for scale
//   BM_<platform>/fast_auto        (extra) the fast mapper with platform detection per document
//   BM_<platform>/fast_no_output   (extra) the fast mapper, orders not written: the writer's
//                                  share is 1 - t(no_output) / t(fast)
//   BM_<platform>/fast_strict      (once options::strict exists) the fast mapper with --strict
//
// Before timing, every line of every platform must convert with no reject
// under the fast mapper, the fast mapper with --from auto and the reference
// mapper, with byte-identical output and the same warnings, and parse with
// simdjson;
// otherwise the program stops. Platforms whose converters are still being
// written (generator_info::provisional) are left out instead, with a note on
// standard error and in the context.
//
// Beside BM_shopify, Shopify's other shapes (shopify_shapes_suite.hpp): the
// same orders (same seed, as many as BM_shopify's data holds) rendered as
// GraphQL query-response pages and as a Bulk Operation export, grouped and
// interleaved. bytes_per_second counts the shape's own bytes (a REST order
// is ~3x its bulk lines), so compare the shapes by items_per_second (orders),
// with BM_shopify/fast on the same orders (issue 15: within 20% of it):
//
//   BM_shopify-graphql/fast        converter (fast, from = shopify) + write_json, a page (up to
//                                  50 orders) a call, in memory; /reference, /fast_no_output
//                                  as for a platform
//   BM_shopify-graphql/order_skip_floor  On-Demand down the page's frame to each order node
//                                  (edges[].node or nodes[]) and over the node's top-level
//                                  fields, values skipped: the platform skip floor per order,
//                                  plus the frame. The floor the targets use for pages
//   BM_shopify-graphql/skip_floor  the platforms' skip floor on a page: its top-level fields
//                                  are only data and extensions, so this is stage 1 and two
//                                  skips; a skip still walks every structural inside, so it
//                                  comes out close to order_skip_floor, but it reads no order
//   BM_shopify-graphql/iterate_all, /read_bytes  as for a platform, over the pages
//   BM_shopify-bulk-{grouped,interleaved}/fast  reader::open_file on a temporary copy of the
//                                  export (page cache), its two passes and the stitching, and
//                                  the converter (fast) + write_json on each stitched order;
//                                  /reference, /fast_no_output likewise
//   BM_shopify-bulk-*/reader_stitch   the reader alone, stitching on: two passes, orders out
//   BM_shopify-bulk-*/reader_lines    the reader alone, stitching off: the lines, one pass (the
//                                  file's read_bytes); reader_stitch - reader_lines is what
//                                  stitching costs the one reading thread of the CLI
//   BM_shopify-bulk-*/skip_floor   the platforms' skip floor over every line of the export
//                                  (Order and LineItem lines) in memory: the parse floor of
//                                  the same bytes, without the file or the stitching
//
// A shape is checked as a platform is (every order converts with no reject,
// fast == --from auto == reference, same warnings), and its orders must be
// REST's orders, raw statuses aside. Until the GraphQL mapping is on main
// they are not (today the REST mapping reads a GraphQL node and gives an
// order with nulls, without a reject): the shapes are then left out with the
// first difference on standard error and in the context (left_out), and
// everything else runs. --platforms=shopify-graphql (or another shape's
// name) runs that shape, and BM_shopify for its reference.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>

#include "ordernorm/ordernorm.hpp"
#include "shopify_shapes_suite.hpp"
#include "suite.hpp"

namespace {

using ordernorm_bench::ndjson_buffer;

struct platform_data {
  ordernorm::platform from;
  ndjson_buffer data;
};

// Registers the platform's benchmarks, platform by platform, so that the
// figures compared with each other run close together in time.
void register_benchmarks(const platform_data& p) {
  using namespace ordernorm_bench;
  const ndjson_buffer* d = &p.data;
  const auto name = [&](std::string_view what) {
    return fmt::format("BM_{}/{}", ordernorm::to_string(p.from), what);
  };
  benchmark::RegisterBenchmark(name("skip_floor").c_str(),
                               [d](benchmark::State& s) { run_skip_floor(s, *d); });
  benchmark::RegisterBenchmark(name("read_bytes").c_str(),
                               [d](benchmark::State& s) { run_read_bytes(s, *d); });
  benchmark::RegisterBenchmark(name("iterate_all").c_str(),
                               [d](benchmark::State& s) { run_iterate_all(s, *d); });
  benchmark::RegisterBenchmark(name("fast").c_str(),
                               [d, o = fast_options(p.from)](benchmark::State& s) {
                                 run_converter<writing_sink>(s, *d, o);
                               });
  benchmark::RegisterBenchmark(name("reference").c_str(),
                               [d, o = reference_options(p.from)](benchmark::State& s) {
                                 run_converter<writing_sink>(s, *d, o);
                               });
  benchmark::RegisterBenchmark(
      name("fast_auto").c_str(),
      [d, o = auto_options()](benchmark::State& s) { run_converter<writing_sink>(s, *d, o); });
  benchmark::RegisterBenchmark(name("fast_no_output").c_str(),
                               [d, o = fast_options(p.from)](benchmark::State& s) {
                                 run_converter<counting_sink>(s, *d, o);
                               });
  if (const auto strict = strict_options(p.from)) {
    benchmark::RegisterBenchmark(
        name("fast_strict").c_str(),
        [d, o = *strict](benchmark::State& s) { run_converter<writing_sink>(s, *d, o); });
  }
}

// The shapes' benchmarks, right after BM_shopify's.
void register_shape_benchmarks(const ordernorm_bench::shopify_shape& shape) {
  using namespace ordernorm_bench;
  const shopify_shape* s = &shape;
  const auto name = [&](std::string_view what) { return fmt::format("BM_{}/{}", s->name, what); };
  const ordernorm::platform shopify = ordernorm::platform::shopify;
  benchmark::RegisterBenchmark(name("fast").c_str(),
                               [s, o = fast_options(shopify)](benchmark::State& st) {
                                 run_shape_converter<writing_sink>(st, *s, o);
                               });
  benchmark::RegisterBenchmark(name("reference").c_str(),
                               [s, o = reference_options(shopify)](benchmark::State& st) {
                                 run_shape_converter<writing_sink>(st, *s, o);
                               });
  benchmark::RegisterBenchmark(name("fast_no_output").c_str(),
                               [s, o = fast_options(shopify)](benchmark::State& st) {
                                 run_shape_converter<counting_sink>(st, *s, o);
                               });
  benchmark::RegisterBenchmark(name("skip_floor").c_str(),
                               [s](benchmark::State& st) { run_skip_floor(st, s->data); });
  if (s->bulk()) {
    benchmark::RegisterBenchmark(name("reader_stitch").c_str(),
                                 [s](benchmark::State& st) { run_reader(st, *s, true); });
    benchmark::RegisterBenchmark(name("reader_lines").c_str(),
                                 [s](benchmark::State& st) { run_reader(st, *s, false); });
    return;
  }
  benchmark::RegisterBenchmark(name("order_skip_floor").c_str(),
                               [s](benchmark::State& st) { run_order_skip_floor(st, s->data); });
  benchmark::RegisterBenchmark(name("iterate_all").c_str(),
                               [s](benchmark::State& st) { run_iterate_all(st, s->data); });
  benchmark::RegisterBenchmark(name("read_bytes").c_str(),
                               [s](benchmark::State& st) { run_read_bytes(st, s->data); });
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ordernorm_bench;
  benchmark::Initialize(&argc, argv);
  const data_flags flags = parse_data_flags(argc, argv, shape_names);
  bool any_shape = false;
  for (std::string_view s : shape_names) any_shape = any_shape || flags.wants(s);
  // A shape is listed under its own name, or comes with shopify.
  const auto wants_shape = [&](std::string_view s) {
    return flags.wants(s) || flags.wants("shopify");
  };

  // A deque: the benchmarks keep pointers to the data.
  static std::deque<platform_data> platforms;
  std::string verified, left_out;
  // The shapes, each after the check; a deque, as above.
  static std::deque<shopify_shape> shapes;
  for (const generator_info& g : generators()) {
    // The shapes need REST's orders: their number and their output.
    if (!flags.wants(g.name) && !(g.name == "shopify" && any_shape)) continue;
    const std::optional<ordernorm::platform> from = ordernorm::platform_from_name(g.name);
    if (!from) die(fmt::format("ordernorm knows no platform \"{}\"", g.name));
    platform_data& p = platforms.emplace_back(platform_data{*from, {}});
    load(p.data, g, flags.bytes, flags.seed);
    collecting_sink fast;
    const std::string why = verify(p.data, p.from, &fast);
    if (!why.empty()) {
      if (!g.provisional) die(fmt::format("{}: {}", g.name, why));
      std::fprintf(stderr, "ordernorm_bench: %.*s left out: %s\n", static_cast<int>(g.name.size()),
                   g.name.data(), why.c_str());
      benchmark::AddCustomContext(fmt::format("data_{}", g.name),
                                  "left out: its orders failed the check");
      left_out += left_out.empty() ? "" : ", ";
      left_out += g.name;
      platforms.pop_back();
      continue;
    }
    benchmark::AddCustomContext(
        fmt::format("data_{}", g.name),
        fmt::format("{} orders, {} bytes, seed {}, {} warnings", p.data.lines.size(), p.data.size,
                    flags.seed, fast.warnings.size()));
    if (!fast.warnings.empty()) {
      std::fprintf(stderr,
                   "ordernorm_bench: %.*s: %zu warnings, the same in every configuration; "
                   "the first: %s\n",
                   static_cast<int>(g.name.size()), g.name.data(), fast.warnings.size(),
                   fast.warnings.front().c_str());
    }
    verified += verified.empty() ? "" : ", ";
    verified += g.name;
    if (g.name != "shopify") continue;

    // Shopify's shapes on the same orders. Left out, not fatal, when their
    // check fails: until the GraphQL mapping lands they do not give REST's
    // orders.
    const std::vector<std::string> rest = without_raw_statuses(fast.outputs);
    const std::size_t orders = p.data.lines.size();
    for (std::string_view shape_wanted : shape_names) {
      if (!wants_shape(shape_wanted)) continue;
      shopify_shape& s = shapes.emplace_back(
          shape_wanted == "shopify-graphql"
              ? make_graphql_shape(flags.seed, orders)
              : make_bulk_shape(flags.seed, orders,
                                shape_wanted == "shopify-bulk-grouped" ? bulk_layout::grouped
                                                                       : bulk_layout::interleaved));
      const std::string failed = verify_shape(s, rest);
      if (!failed.empty()) {
        std::fprintf(stderr,
                     "ordernorm_bench: %s left out (its orders are not REST's yet; the Shopify "
                     "GraphQL mapping must land first): %s\n",
                     s.name.c_str(), failed.c_str());
        // The first line of why, for suite_table.py (the rest is above).
        std::string first = failed.substr(0, failed.find('\n'));
        if (first.ends_with(':')) first.pop_back();
        benchmark::AddCustomContext(fmt::format("data_{}", s.name), "left out: " + first);
        left_out += left_out.empty() ? "" : ", ";
        left_out += s.name;
        shapes.pop_back();
        continue;
      }
      benchmark::AddCustomContext(
          fmt::format("data_{}", s.name),
          fmt::format("{} orders (BM_shopify's), {} bytes in {} lines{}, seed {}", orders,
                      s.data.size, s.data.lines.size(), s.bulk() ? " (a temporary file)" : "",
                      flags.seed));
      verified += ", " + s.name + " (= REST's orders, raw statuses aside)";
    }
  }
  if (platforms.empty()) die("no platform to benchmark");
  for (const platform_data& p : platforms) {
    // BM_shopify also when only a shape was asked for: the shapes are
    // compared with BM_shopify/fast.
    register_benchmarks(p);
    if (p.from != ordernorm::platform::shopify) continue;
    for (const shopify_shape& s : shapes) register_shape_benchmarks(s);
  }

  add_build_context();
  benchmark::AddCustomContext(
      "verified",
      fmt::format("{}: no rejects; fast == auto == reference byte for byte, same warnings",
                  verified));
  if (!left_out.empty()) benchmark::AddCustomContext("left_out", left_out);

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
