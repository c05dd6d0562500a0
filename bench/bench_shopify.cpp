// ordernorm_bench: Shopify normalization against its physical limits.
//
//   ordernorm_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//                   --benchmark_min_time=1 [--data_bytes=20000000] [--data_seed=42]
//
// ~20 MB of generated Shopify orders (shopify_generator.hpp) are held in one
// padded buffer and split into lines once. Every benchmark makes one pass over
// all lines per iteration, single-threaded, and reports bytes/s and orders/s:
//
//   BM_memory_limit              memchr for '\n' over every line: reading the bytes
//   BM_parse_limit               simdjson On-Demand, every key, string, number, bool, null
//   BM_parse_skip_floor          (extra) On-Demand stepping over the top-level keys, every
//                                value skipped: the floor of any one-pass On-Demand mapper
//   BM_ordernorm_fast            converter (fast mapper, --from shopify) + write_json
//   BM_ordernorm_fast_auto       the same with platform detection per document
//   BM_ordernorm_reference       the reference mapper + write_json
//   BM_ordernorm_fast_no_output  the fast mapper, orders not written
//
// Before timing, every line must convert with no reject under both mappers,
// with byte-identical output; otherwise the program stops.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/ordernorm.hpp"
#include "parse_limit.hpp"
#include "shopify_generator.hpp"

namespace {

namespace od = simdjson::ondemand;

using ordernorm_bench::line;
using ordernorm_bench::touch_document;
using ordernorm_bench::touch_totals;
using dataset = ordernorm_bench::ndjson_buffer;

dataset& data() {
  static dataset d;
  return d;
}

using ordernorm_bench::die;
using ordernorm_bench::parse_flag;

void load(std::size_t bytes, std::uint64_t seed) {
  std::string ndjson;
  ndjson.reserve(bytes + (1u << 16));
  ordernorm_bench::shopify_generator gen(seed);
  gen.append_ndjson(ndjson, bytes);
  data().assign(ndjson);
}

// ---------------------------------------------------------------------------
// ordernorm sinks

using ordernorm_bench::writing_sink;

struct counting_sink final : ordernorm::order_sink {
  std::uint64_t orders = 0, rejects = 0;
  void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
    benchmark::DoNotOptimize(&o);
    ++orders;
  }
  void on_reject(const ordernorm::record_error&, const ordernorm::record_position&) override {
    ++rejects;
  }
};

// Keeps every order's JSON and the first rejects, for the startup check.
struct collecting_sink final : ordernorm::order_sink {
  std::vector<std::string> outputs;
  std::vector<std::string> rejects;
  void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
    ordernorm::write_json(o, outputs.emplace_back());
  }
  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    if (rejects.size() < 5) {
      rejects.push_back(fmt::format("record {} at byte {}: {} at \"{}\": {}", where.index,
                                    where.byte_offset, ordernorm::to_string(e.code), e.json_pointer,
                                    e.message));
    } else {
      rejects.emplace_back();
    }
  }
};

constexpr ordernorm::options fast_options{
    .from = ordernorm::platform::shopify, .mapper = ordernorm::mapper::fast, .derive = {}};
constexpr ordernorm::options auto_options{
    .from = std::nullopt, .mapper = ordernorm::mapper::fast, .derive = {}};
constexpr ordernorm::options reference_options{
    .from = ordernorm::platform::shopify, .mapper = ordernorm::mapper::reference, .derive = {}};

collecting_sink convert_all(const ordernorm::options& opts) {
  const dataset& d = data();
  ordernorm::converter conv(opts);
  collecting_sink sink;
  sink.outputs.reserve(d.lines.size());
  for (const line& l : d.lines)
    conv.convert_padded(d.data(l), l.size, d.capacity(l), sink, l.offset);
  return sink;
}

void check_mapper(const char* name, const collecting_sink& s) {
  const dataset& d = data();
  if (!s.rejects.empty()) {
    std::string first;
    for (const std::string& r : s.rejects) {
      if (!r.empty()) first += "\n  " + r;
    }
    die(fmt::format("the {} mapper rejected {} of {} orders:{}", name, s.rejects.size(),
                    d.lines.size(), first));
  }
  if (s.outputs.size() != d.lines.size()) {
    die(fmt::format("the {} mapper gave {} orders for {} lines", name, s.outputs.size(),
                    d.lines.size()));
  }
}

// Every line converts under both mappers, to the same bytes; every value
// parses for the parse limit.
void verify() {
  const dataset& d = data();
  const collecting_sink fast = convert_all(fast_options);
  check_mapper("fast", fast);
  const collecting_sink automatic = convert_all(auto_options);
  check_mapper("fast (--from auto)", automatic);
  const collecting_sink reference = convert_all(reference_options);
  check_mapper("reference", reference);
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    if (fast.outputs[i] != reference.outputs[i]) {
      die(
          fmt::format("order {} (line at byte {}): fast and reference outputs differ:\n"
                      "fast:      {}\nreference: {}",
                      i + 1, d.lines[i].offset, fast.outputs[i], reference.outputs[i]));
    }
    if (fast.outputs[i] != automatic.outputs[i]) {
      die(fmt::format("order {}: --from shopify and --from auto outputs differ", i + 1));
    }
  }
  od::parser parser;
  touch_totals t;
  for (const line& l : d.lines) {
    if (auto e = touch_document(parser, d, l, t)) {
      die(fmt::format("line at byte {}: simdjson: {}", l.offset, simdjson::error_message(e)));
    }
  }
}

void report(benchmark::State& state) {
  const dataset& d = data();
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(d.size));
  state.counters["orders/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(d.lines.size()),
      benchmark::Counter::kIsRate);
}

// ---------------------------------------------------------------------------
// Benchmarks

void BM_memory_limit(benchmark::State& state) {
  const dataset& d = data();
  for (auto _ : state) {
    std::size_t found = 0;
    for (const line& l : d.lines) {
      // The line plus its newline (the last line may have none).
      const std::size_t n = l.offset + l.size < d.size ? l.size + 1 : l.size;
      const void* p = std::memchr(d.data(l), '\n', n);
      found += p != nullptr;
      benchmark::DoNotOptimize(p);
    }
    benchmark::DoNotOptimize(found);
  }
  report(state);
}
BENCHMARK(BM_memory_limit);

void BM_parse_limit(benchmark::State& state) {
  const dataset& d = data();
  od::parser parser;
  std::uint64_t errors = 0;
  for (auto _ : state) {
    touch_totals t;
    for (const line& l : d.lines) errors += touch_document(parser, d, l, t) != simdjson::SUCCESS;
    benchmark::DoNotOptimize(t);
  }
  if (errors != 0) state.SkipWithError("simdjson reported errors");
  report(state);
}
BENCHMARK(BM_parse_limit);

// Extra, for context: what iterating a document costs when nothing is read
// (stage 1 + stepping over the top-level fields; nested values are skipped).
void BM_parse_skip_floor(benchmark::State& state) {
  const dataset& d = data();
  od::parser parser;
  std::uint64_t errors = 0;
  for (auto _ : state) {
    std::uint64_t fields = 0;
    for (const line& l : d.lines) {
      od::document doc;
      od::object obj;
      if (parser.iterate(d.data(l), l.size, d.capacity(l)).get(doc) || doc.get_object().get(obj)) {
        ++errors;
        continue;
      }
      for (auto field_result : obj) {
        od::field f;
        if (std::move(field_result).get(f)) {
          ++errors;
          break;
        }
        fields += static_cast<unsigned char>(*f.key().raw());
      }
    }
    benchmark::DoNotOptimize(fields);
  }
  if (errors != 0) state.SkipWithError("simdjson reported errors");
  report(state);
}
BENCHMARK(BM_parse_skip_floor);

template <class Sink>
void run_converter(benchmark::State& state, const ordernorm::options& opts) {
  const dataset& d = data();
  ordernorm::converter conv(opts);
  Sink sink;
  for (auto _ : state) {
    for (const line& l : d.lines) {
      conv.convert_padded(d.data(l), l.size, d.capacity(l), sink, l.offset);
    }
  }
  if (sink.rejects != 0) state.SkipWithError("records were rejected");
  report(state);
}

void BM_ordernorm_fast(benchmark::State& state) {
  run_converter<writing_sink>(state, fast_options);
}
BENCHMARK(BM_ordernorm_fast);

void BM_ordernorm_fast_auto(benchmark::State& state) {
  run_converter<writing_sink>(state, auto_options);
}
BENCHMARK(BM_ordernorm_fast_auto);

void BM_ordernorm_reference(benchmark::State& state) {
  run_converter<writing_sink>(state, reference_options);
}
BENCHMARK(BM_ordernorm_reference);

void BM_ordernorm_fast_no_output(benchmark::State& state) {
  run_converter<counting_sink>(state, fast_options);
}
BENCHMARK(BM_ordernorm_fast_no_output);

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

  load(static_cast<std::size_t>(bytes), seed);
  verify();

  const dataset& d = data();
  benchmark::AddCustomContext(
      "data", fmt::format("{} Shopify orders, {} bytes, seed {}", d.lines.size(), d.size, seed));
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
  benchmark::AddCustomContext("verified", "no rejects; fast == reference byte for byte");

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
