// ordernorm_bench_scanner: detail::value_scanner (64 bytes at a time) against
// detail::reference_value_scanner (a byte at a time) on a JSON array of
// generated orders, every platform's in turn, held in memory.
//
//   ordernorm_bench_scanner --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//                           [--data_bytes=100M] [--data_seed=42]
//
//   BM_scan_array/<scanner>     the array as one value, in 1 MiB pieces (the reader's
//                               window): where the top-level value ends
//   BM_scan_elements/<scanner>  each element from its first byte (the reader streaming a
//                               list: reset at each element, its end, the comma skipped)
//
// bytes_per_second is the array's size. Before timing, both scanners must
// find the array's end at its last byte and the same element ends.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "src/input_split.hpp"
#include "suite.hpp"

namespace {

using ordernorm::detail::reference_value_scanner;
using ordernorm::detail::value_scanner;

std::string array_text;

// Every platform's orders in turn, as `[\n<order>,\n<order>...\n]\n`.
std::string make_array(std::uint64_t bytes, std::uint64_t seed) {
  const auto& gens = ordernorm_bench::generators();
  std::string out = "[\n";
  out.reserve(static_cast<std::size_t>(bytes) + (1u << 20));
  std::string ndjson;
  const std::uint64_t per = bytes / std::max<std::size_t>(gens.size(), 1);
  for (const auto& g : gens) {
    ndjson.clear();
    g.make(seed)->append_ndjson(ndjson, static_cast<std::size_t>(per));
    for (std::size_t b = 0; b < ndjson.size();) {
      const std::size_t e = std::min(ndjson.find('\n', b), ndjson.size());
      if (e > b) {
        if (out.size() > 2) out += ",\n";
        out.append(ndjson, b, e - b);
      }
      b = e + 1;
    }
  }
  out += "\n]\n";
  return out;
}

constexpr std::size_t piece = std::size_t{1} << 20;

template <class Scanner>
std::size_t array_end(const std::string& text) {
  Scanner s;
  s.reset();
  for (std::size_t at = 0; at < text.size(); at += piece) {
    const char* p = text.data() + at;
    if (const char* end = s.scan(p, p + std::min(piece, text.size() - at))) {
      return static_cast<std::size_t>(end - text.data());
    }
  }
  return text.size();
}

// The sum of the element ends (a checksum the two scanners must agree on).
template <class Scanner>
std::uint64_t element_ends(const std::string& text) {
  const char* p = text.data() + 1;  // past `[`
  const char* last = text.data() + text.size();
  std::uint64_t sum = 0;
  Scanner s;
  for (;;) {
    while (p != last && (ordernorm::detail::is_json_space(*p) || *p == ',')) ++p;
    if (p == last || *p == ']') return sum;
    s.reset();
    const char* end = s.scan(p, last);
    if (end == nullptr) return sum;
    sum += static_cast<std::uint64_t>(end - text.data());
    p = end;
  }
}

template <class Scanner>
void run_array(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(array_end<Scanner>(array_text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(array_text.size()));
}

template <class Scanner>
void run_elements(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(element_ends<Scanner>(array_text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(array_text.size()));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ordernorm_bench;
  benchmark::Initialize(&argc, argv);
  data_flags flags = parse_data_flags(argc, argv);
  bool bytes_given = false;
  for (int i = 1; i < argc; ++i) bytes_given |= std::string(argv[i]).starts_with("--data_bytes");
  if (!bytes_given) flags.bytes = 100'000'000;
  array_text = make_array(flags.bytes, flags.seed);

  const std::size_t last_byte = array_text.size() - 1;  // the final '\n'
  if (array_end<reference_value_scanner>(array_text) != last_byte ||
      array_end<value_scanner>(array_text) != last_byte) {
    die("a scanner did not end the array at its `]`");
  }
  if (element_ends<reference_value_scanner>(array_text) !=
      element_ends<value_scanner>(array_text)) {
    die("the scanners disagree on where the elements end");
  }
  benchmark::AddCustomContext("data", fmt::format("a JSON array of every platform's orders, {} "
                                                  "bytes, seed {}",
                                                  array_text.size(), flags.seed));
  add_build_context();
  benchmark::RegisterBenchmark("BM_scan_array/reference", run_array<reference_value_scanner>);
  benchmark::RegisterBenchmark("BM_scan_array/fast", run_array<value_scanner>);
  benchmark::RegisterBenchmark("BM_scan_elements/reference", run_elements<reference_value_scanner>);
  benchmark::RegisterBenchmark("BM_scan_elements/fast", run_elements<value_scanner>);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
