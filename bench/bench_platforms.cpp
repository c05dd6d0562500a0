// ordernorm_bench_platforms: the Shopify suite's sibling for the other order
// platforms (issue 5): Magento 2, WooCommerce and, when its generator is
// present and its orders convert cleanly, BigCommerce.
//
//   ordernorm_bench_platforms --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//                             --benchmark_min_time=1 [--data_bytes=20000000] [--data_seed=42]
//
// For each platform, ~20 MB of generated orders (<platform>_generator.hpp)
// are held in one padded buffer and split into lines once. Every benchmark
// makes one pass over all lines of its platform per iteration,
// single-threaded, and reports bytes/s and orders/s:
//
//   BM_<platform>_parse_limit   simdjson On-Demand, every key, string, number, bool, null
//                               (parse_limit.hpp, the Shopify suite's code)
//   BM_<platform>_fast          converter (fast mapper, from = the platform) + write_json
//   BM_<platform>_fast_auto     the same with platform detection per document
//   BM_<platform>_reference     the reference mapper + write_json
//
// Before timing, every line must convert with no reject and no warning under
// the fast mapper, the fast mapper with --from auto and the reference mapper,
// with byte-identical output, and parse with simdjson; otherwise the program
// stops. BigCommerce is the exception: if its orders fail that check, it is
// left out (with a note on standard error and in the context) instead.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "magento_generator.hpp"
#include "ordernorm/ordernorm.hpp"
#include "parse_limit.hpp"
#include "woocommerce_generator.hpp"
#if __has_include("bigcommerce_generator.hpp")
#include "bigcommerce_generator.hpp"
#define ORDERNORM_BENCH_HAVE_BIGCOMMERCE 1
#else
#define ORDERNORM_BENCH_HAVE_BIGCOMMERCE 0
#endif

namespace {

namespace od = simdjson::ondemand;

using ordernorm_bench::line;
using ordernorm_bench::touch_document;
using ordernorm_bench::touch_totals;
using dataset = ordernorm_bench::ndjson_buffer;

using ordernorm_bench::die;
using ordernorm_bench::parse_flag;

// One platform under test: its generator, its data, and whether a failed
// check stops the program (required) or only leaves the platform out.
struct platform_case {
  std::string_view title;  // "Magento": benchmark names and messages
  ordernorm::platform from;
  std::function<void(std::string&, std::size_t, std::uint64_t)> generate;
  bool required;
  dataset data;
  bool verified = false;
};

std::vector<platform_case>& cases() {
  static std::vector<platform_case> c;
  return c;
}

void add_cases() {
  std::vector<platform_case>& c = cases();
  c.reserve(3);
  c.push_back({"magento",
               ordernorm::platform::magento,
               [](std::string& out, std::size_t bytes, std::uint64_t seed) {
                 ordernorm_bench::magento_generator gen(seed);
                 gen.append_ndjson(out, bytes);
               },
               true,
               {}});
  c.push_back({"woocommerce",
               ordernorm::platform::woocommerce,
               [](std::string& out, std::size_t bytes, std::uint64_t seed) {
                 ordernorm_bench::woocommerce_generator gen(seed);
                 gen.append_ndjson(out, bytes);
               },
               true,
               {}});
#if ORDERNORM_BENCH_HAVE_BIGCOMMERCE
  c.push_back({"bigcommerce",
               ordernorm::platform::bigcommerce,
               [](std::string& out, std::size_t bytes, std::uint64_t seed) {
                 ordernorm_bench::bigcommerce_generator gen(seed);
                 gen.append_ndjson(out, bytes);
               },
               false,
               {}});
#endif
}

void load(platform_case& p, std::size_t bytes, std::uint64_t seed) {
  std::string ndjson;
  ndjson.reserve(bytes + (1u << 16));
  p.generate(ndjson, bytes, seed);
  p.data.assign(ndjson);
}

// ---------------------------------------------------------------------------
// ordernorm sinks

using ordernorm_bench::writing_sink;

// Keeps every order's JSON and the first rejects and warnings, for the check.
struct collecting_sink final : ordernorm::order_sink {
  std::vector<std::string> outputs;
  std::uint64_t rejects = 0, warnings = 0;
  std::vector<std::string> examples;
  void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
    ordernorm::write_json(o, outputs.emplace_back());
  }
  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    if (++rejects <= 5) {
      examples.push_back(fmt::format("reject: record {} at byte {}: {} at \"{}\": {}", where.index,
                                     where.byte_offset, ordernorm::to_string(e.code),
                                     e.json_pointer, e.message));
    }
  }
  void on_warning(const ordernorm::record_warning& w,
                  const ordernorm::record_position& where) override {
    if (++warnings <= 5) {
      examples.push_back(fmt::format("warning: record {} at byte {}: at \"{}\": {}", where.index,
                                     where.byte_offset, w.json_pointer, w.message));
    }
  }
};

ordernorm::options fast_options(const platform_case& p) {
  return {.from = p.from, .mapper = ordernorm::mapper::fast, .derive = {}};
}
ordernorm::options auto_options(const platform_case&) {
  return {.from = std::nullopt, .mapper = ordernorm::mapper::fast, .derive = {}};
}
ordernorm::options reference_options(const platform_case& p) {
  return {.from = p.from, .mapper = ordernorm::mapper::reference, .derive = {}};
}

collecting_sink convert_all(const platform_case& p, const ordernorm::options& opts) {
  const dataset& d = p.data;
  ordernorm::converter conv(opts);
  collecting_sink sink;
  sink.outputs.reserve(d.lines.size());
  for (const line& l : d.lines)
    conv.convert_padded(d.data(l), l.size, d.capacity(l), sink, l.offset);
  return sink;
}

// An empty string if the mapper converted every line cleanly, else why not.
std::string check_mapper(const platform_case& p, const char* name, const collecting_sink& s) {
  const dataset& d = p.data;
  if (s.rejects != 0 || s.warnings != 0) {
    std::string first;
    for (const std::string& e : s.examples) first += "\n  " + e;
    return fmt::format("the {} mapper gave {} rejects and {} warnings on {} orders:{}", name,
                       s.rejects, s.warnings, d.lines.size(), first);
  }
  if (s.outputs.size() != d.lines.size()) {
    return fmt::format("the {} mapper gave {} orders for {} lines", name, s.outputs.size(),
                       d.lines.size());
  }
  return {};
}

// Every line converts under the three configurations, cleanly, to the same
// bytes; every value parses for the parse limit. Returns why not, or "".
std::string verify(const platform_case& p) {
  const dataset& d = p.data;
  if (d.lines.empty()) return "no data";
  const collecting_sink fast = convert_all(p, fast_options(p));
  if (std::string why = check_mapper(p, "fast", fast); !why.empty()) return why;
  const collecting_sink automatic = convert_all(p, auto_options(p));
  if (std::string why = check_mapper(p, "fast (--from auto)", automatic); !why.empty()) return why;
  const collecting_sink reference = convert_all(p, reference_options(p));
  if (std::string why = check_mapper(p, "reference", reference); !why.empty()) return why;
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    if (fast.outputs[i] != reference.outputs[i]) {
      return fmt::format(
          "order {} (line at byte {}): fast and reference outputs differ:\n"
          "fast:      {}\nreference: {}",
          i + 1, d.lines[i].offset, fast.outputs[i], reference.outputs[i]);
    }
    if (fast.outputs[i] != automatic.outputs[i]) {
      return fmt::format(
          "order {} (line at byte {}): --from {} and --from auto outputs differ:\n"
          "from:  {}\nauto:  {}",
          i + 1, d.lines[i].offset, p.title, fast.outputs[i], automatic.outputs[i]);
    }
  }
  od::parser parser;
  touch_totals t;
  for (const line& l : d.lines) {
    if (auto e = touch_document(parser, d, l, t)) {
      return fmt::format("line at byte {}: simdjson: {}", l.offset, simdjson::error_message(e));
    }
  }
  return {};
}

void report(benchmark::State& state, const dataset& d) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(d.size));
  state.counters["orders/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(d.lines.size()),
      benchmark::Counter::kIsRate);
}

// ---------------------------------------------------------------------------
// Benchmarks

void run_parse_limit(benchmark::State& state, const dataset& d) {
  od::parser parser;
  std::uint64_t errors = 0;
  for (auto _ : state) {
    touch_totals t;
    for (const line& l : d.lines) errors += touch_document(parser, d, l, t) != simdjson::SUCCESS;
    benchmark::DoNotOptimize(t);
  }
  if (errors != 0) state.SkipWithError("simdjson reported errors");
  report(state, d);
}

void run_converter(benchmark::State& state, const dataset& d, const ordernorm::options& opts) {
  ordernorm::converter conv(opts);
  writing_sink sink;
  for (auto _ : state) {
    for (const line& l : d.lines) {
      conv.convert_padded(d.data(l), l.size, d.capacity(l), sink, l.offset);
    }
  }
  if (sink.rejects != 0) state.SkipWithError("records were rejected");
  report(state, d);
}

void register_benchmarks(const platform_case& p) {
  const dataset* d = &p.data;
  const std::string prefix = fmt::format("BM_{}_", p.title);
  benchmark::RegisterBenchmark((prefix + "parse_limit").c_str(),
                               [d](benchmark::State& s) { run_parse_limit(s, *d); });
  benchmark::RegisterBenchmark(
      (prefix + "fast").c_str(),
      [d, o = fast_options(p)](benchmark::State& s) { run_converter(s, *d, o); });
  benchmark::RegisterBenchmark(
      (prefix + "fast_auto").c_str(),
      [d, o = auto_options(p)](benchmark::State& s) { run_converter(s, *d, o); });
  benchmark::RegisterBenchmark(
      (prefix + "reference").c_str(),
      [d, o = reference_options(p)](benchmark::State& s) { run_converter(s, *d, o); });
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::uint64_t bytes = 20'000'000, seed = 42;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!parse_flag(arg, "--data_bytes", bytes) && !parse_flag(arg, "--data_seed", seed)) {
      die(fmt::format("unknown argument \"{}\" (our own: --data_bytes=N --data_seed=S)", arg));
    }
  }

  add_cases();
  std::string verified_list;
  for (platform_case& p : cases()) {
    load(p, static_cast<std::size_t>(bytes), seed);
    const std::string why = verify(p);
    if (!why.empty()) {
      if (p.required) die(fmt::format("{}: {}", p.title, why));
      std::fprintf(stderr, "ordernorm_bench_platforms: %.*s left out: %s\n",
                   static_cast<int>(p.title.size()), p.title.data(), why.c_str());
      benchmark::AddCustomContext(fmt::format("data_{}", p.title),
                                  "left out: its orders failed the check");
      p.data = dataset{};
      continue;
    }
    p.verified = true;
    benchmark::AddCustomContext(
        fmt::format("data_{}", p.title),
        fmt::format("{} orders, {} bytes, seed {}", p.data.lines.size(), p.data.size, seed));
    if (!verified_list.empty()) verified_list += ", ";
    verified_list += p.title;
  }
  for (const platform_case& p : cases()) {
    if (p.verified) register_benchmarks(p);
  }

  benchmark::AddCustomContext(
      "simdjson", fmt::format("{}.{}.{}", static_cast<int>(simdjson::SIMDJSON_VERSION_MAJOR),
                              static_cast<int>(simdjson::SIMDJSON_VERSION_MINOR),
                              static_cast<int>(simdjson::SIMDJSON_VERSION_REVISION)));
  benchmark::AddCustomContext("simdjson_active_implementation",
                              simdjson::get_active_implementation()->name());
#ifdef NDEBUG
  benchmark::AddCustomContext("NDEBUG", "defined");
#else
  benchmark::AddCustomContext("NDEBUG", "NOT defined: simdjson On-Demand runs ~2.6x slower");
#endif
  benchmark::AddCustomContext(
      "verified",
      fmt::format("{}: no rejects, no warnings; fast == auto == reference byte for byte",
                  verified_list));

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
