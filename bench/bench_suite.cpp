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
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>

#include "ordernorm/ordernorm.hpp"
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

}  // namespace

int main(int argc, char** argv) {
  using namespace ordernorm_bench;
  benchmark::Initialize(&argc, argv);
  const data_flags flags = parse_data_flags(argc, argv);

  // A deque: the benchmarks keep pointers to the data.
  static std::deque<platform_data> platforms;
  std::string verified, left_out;
  for (const generator_info& g : generators()) {
    if (!flags.wants(g.name)) continue;
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
  }
  if (platforms.empty()) die("no platform to benchmark");
  for (const platform_data& p : platforms) register_benchmarks(p);

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
