// ordernorm_bench_tracking: the shipment status deriver against Malomo order
// normalization.
//
//   ordernorm_bench_tracking --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//                            --benchmark_min_time=1 [--data_bytes=20M] [--data_seed=42]
//
// ~20 MB of generated Malomo orders (malomo_generator.hpp: 1-3 shipments per
// order, 5-15 scan events per shipment) are held in one padded buffer and
// split into lines once (suite.hpp). Single-threaded. Every iteration is one
// pass over all orders. Malomo normalization and its limits on the same data
// (same generator, size and seed) are BM_malomo/* in ordernorm_bench.
//
//   BM_derive               derive_shipment alone on the same shipments, as the mapping
//                           hands them to the deriver (events in input order, statuses
//                           unset); only the derive calls are timed (manual time)
//   BM_derive_bulk          (extra) the same, all shipments restored first, then derived
//                           in one timed stretch (events no longer in L1/L2)
//   BM_malomo_map           (extra) the converter's mapping path alone: no deriver, no writer
//   BM_malomo_map_derive    (extra) the same + the deriver, as the converter calls it
//   BM_derive_share         normalize, map, map + derive and derive passes timed within
//                           each iteration; the counter derive/normalize = (t(map +
//                           derive) - t(map)) / t(normalize) is the ratio (<= 10%)
//
// How BM_derive gets its input: the converter derives before it hands an order
// to the sink, so the sink never sees a shipment in its input state. The
// program runs the Malomo mapping itself (ordernorm::detail, the converter's
// own platform converter and walker) and deep-copies every order's shipments
// into storage it owns. The verification derives those copies and requires
// them to equal, byte for byte, the shipments of the converter's output.
//
// Each derive pass first restores the working shipments from the pristine
// copies and reads their texts, 32 orders at a time and outside the timed
// region, then times derive_shipment over those 32 orders: their events are
// in cache, as they are in the converter, where the deriver runs right after
// the mapping. Inside the converter the deriver is still slower than alone
// (its code and branch history are cold after the mapping of each order), so
// the ratio is taken in situ: BM_derive_share.
//
// Before the benchmarks, the program prints what the data holds and a table
// of derived status against Malomo's own shipment status to standard error;
// ORDERNORM_BENCH_EXAMPLES=1 adds the shipments where they differ.
//
// Before timing, the data must pass the suite's check (suite.hpp: no reject,
// the same warnings, fast == --from auto == reference byte for byte, parses with
// simdjson), the deriver on our copies must give the converter's shipments,
// and the derived statuses must not all be unknown; otherwise the program
// stops.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/derive.hpp"
#include "ordernorm/ordernorm.hpp"
#include "registry.hpp"
#include "suite.hpp"

namespace {

namespace od = simdjson::ondemand;
using ordernorm_bench::die;
using ordernorm_bench::line;
using clock_type = std::chrono::steady_clock;

ordernorm_bench::ndjson_buffer& data() {
  static ordernorm_bench::ndjson_buffer d;
  return d;
}

// ---------------------------------------------------------------------------
// Shipments in their input state, in storage of our own.

// Text copies that never move: chunks of 1 MiB.
class text_store {
 public:
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    if (chunks_.empty() || used_ + s.size() > chunk_size) {
      chunks_.push_back(std::make_unique<char[]>(std::max(chunk_size, s.size())));
      used_ = 0;
    }
    char* out = chunks_.back().get() + used_;
    std::memcpy(out, s.data(), s.size());
    used_ += s.size();
    return {out, s.size()};
  }

  // Where the next copy goes (copies are contiguous but for chunk changes).
  struct mark {
    std::size_t chunk, offset;
  };
  mark here() const { return {chunks_.empty() ? 0 : chunks_.size() - 1, used_}; }

  // Reads every cache line copied between two marks, so that those texts are
  // in cache as the input line is when the converter derives.
  std::uint64_t warm(mark from, mark to) const {
    std::uint64_t sum = 0;
    for (std::size_t c = from.chunk; c <= to.chunk && c < chunks_.size(); ++c) {
      const std::size_t begin = c == from.chunk ? from.offset : 0;
      const std::size_t end = c == to.chunk ? to.offset : chunk_size;
      for (std::size_t i = begin; i < end; i += 64)
        sum += static_cast<unsigned char>(chunks_[c][i]);
    }
    return sum;
  }

 private:
  static constexpr std::size_t chunk_size = std::size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0;
};

struct shipment_inputs {
  text_store texts;
  std::vector<ordernorm::shipment> pristine;  // every order's shipments, in input order
  std::vector<std::size_t> order_begin;       // order i: pristine[order_begin[i], order_begin[i+1])
  std::vector<text_store::mark> order_texts;  // order i's texts from order_texts[i]
  std::uint64_t events = 0;                   // scan events (duplicates included)
  std::uint64_t derived_shipments = 0;        // shipments with events: the ones derived

  std::size_t orders() const { return order_begin.size() - 1; }
};

shipment_inputs& inputs() {
  static shipment_inputs in;
  return in;
}

ordernorm::scan_event copy_event(text_store& t, const ordernorm::scan_event& e) {
  ordernorm::scan_event c = e;
  c.status_detail = t.copy(e.status_detail);
  c.carrier_code = t.copy(e.carrier_code);
  c.description = t.copy(e.description);
  c.message = t.copy(e.message);
  c.source = t.copy(e.source);
  if (c.location) {
    c.location->city = t.copy(e.location->city);
    c.location->region = t.copy(e.location->region);
    c.location->postal_code = t.copy(e.location->postal_code);
    c.location->country_code = t.copy(e.location->country_code);
  }
  return c;
}

ordernorm::shipment copy_shipment(text_store& t, const ordernorm::shipment& s) {
  ordernorm::shipment c;
  c.carrier = t.copy(s.carrier);
  c.tracking_code = t.copy(s.tracking_code);
  c.tracking_url = t.copy(s.tracking_url);
  c.status = s.status;
  c.status_raw = t.copy(s.status_raw);
  c.status_detail = t.copy(s.status_detail);
  c.estimated_delivery_at = s.estimated_delivery_at;
  c.delivered_at = s.delivered_at;
  c.return_flag = s.return_flag;
  c.scan_events.reserve(s.scan_events.size());
  for (const ordernorm::scan_event& e : s.scan_events) c.scan_events.push_back(copy_event(t, e));
  return c;
}

// Runs the Malomo mapping without the deriver: the converter's own platform
// converter and single-pass walker (what converter::convert_padded does for
// `--from malomo`, up to detail::derive_order_tracking), and keeps a deep copy
// of every order's shipments.
void collect_inputs() {
  namespace detail = ordernorm::detail;
  const ordernorm_bench::ndjson_buffer& d = data();
  shipment_inputs& in = inputs();
  std::unique_ptr<detail::platform_converter> conv = detail::malomo_platform().make_converter();
  if (conv == nullptr) die("the Malomo platform has no converter");
  detail::fast_walker walker;
  detail::string_arena arena;
  od::parser parser;
  in.order_begin.push_back(0);
  in.order_texts.push_back(in.texts.here());
  for (const line& l : d.lines) {
    od::document doc;
    od::object obj;
    if (auto e = ordernorm_bench::open_line(parser, d, l, doc, obj)) {
      die(fmt::format("line at byte {}: {}", l.offset, simdjson::error_message(e)));
    }
    arena.reset();
    walker.begin_record(d.data(l), l.offset, d.data(l), &arena);
    if (conv->convert(walker, obj) != ordernorm::error_code::ok) {
      const ordernorm::record_error e = walker.take_error();
      die(fmt::format("line at byte {}: the Malomo mapping failed at \"{}\": {}", l.offset,
                      e.json_pointer, e.message));
    }
    for (const ordernorm::shipment& s : conv->result().shipments) {
      in.pristine.push_back(copy_shipment(in.texts, s));
      in.events += s.scan_events.size();
      in.derived_shipments += s.scan_events.empty() ? 0 : 1;
    }
    in.order_begin.push_back(in.pristine.size());
    in.order_texts.push_back(in.texts.here());
  }
}

// The deriver as the converter runs it (detail::derive_order_tracking): every
// shipment with events, with working memory kept from call to call.
void derive_all(std::vector<ordernorm::shipment>& shipments, std::size_t begin, std::size_t end,
                const ordernorm::derive_options& options) {
  static ordernorm::detail::derive_scratch scratch;
  for (std::size_t i = begin; i < end; ++i) {
    ordernorm::shipment& s = shipments[i];
    if (!s.scan_events.empty()) ordernorm::detail::derive_shipment(s, options, nullptr, scratch);
  }
}

// Orders restored and derived per timed block.
constexpr std::size_t orders_per_block = 32;

// Restores `work` from the pristine copies and derives it, `orders_per_block`
// orders at a time; returns the time spent in the deriver alone.
clock_type::duration derive_pass(std::vector<ordernorm::shipment>& work,
                                 const ordernorm::derive_options& options,
                                 std::size_t block = orders_per_block) {
  const shipment_inputs& in = inputs();
  clock_type::duration spent{};
  for (std::size_t o = 0; o < in.orders(); o += block) {
    const std::size_t begin = in.order_begin[o];
    const std::size_t end = in.order_begin[std::min(o + block, in.orders())];
    for (std::size_t i = begin; i < end; ++i) work[i] = in.pristine[i];
    benchmark::DoNotOptimize(
        in.texts.warm(in.order_texts[o], in.order_texts[std::min(o + block, in.orders())]));
    const auto start = clock_type::now();
    derive_all(work, begin, end, options);
    spent += clock_type::now() - start;
  }
  benchmark::DoNotOptimize(work.data());
  return spent;
}

// ---------------------------------------------------------------------------
// ordernorm sinks

using ordernorm_bench::writing_sink;
constexpr ordernorm::derive_options derive_defaults{};
const ordernorm::options fast_options = ordernorm_bench::fast_options(ordernorm::platform::malomo);

// What the data holds and what the deriver made of it, for the report.
struct data_profile {
  std::array<std::uint64_t, 17> events_per_shipment{};  // index: count, 16+: more
  std::array<std::uint64_t, 4> origin{};  // own field, carrier code, description, none
  std::uint64_t events = 0, duplicates = 0, untimed = 0, out_of_order = 0;
  std::uint64_t shipments = 0, orders = 0;
  std::array<std::uint64_t, 5> carriers{};  // by carrier_id: unknown, usps, ups, fedex, dhl
  // derived status (row) by Malomo's own shipment status (column: index of
  // its name among the status names, or 10: other)
  std::array<std::array<std::uint64_t, 11>, 10> verdicts{};
  std::vector<std::string> examples;  // shipments whose derived status differs from Malomo's
};

data_profile& profile() {
  static data_profile p;
  return p;
}

std::size_t status_index(std::string_view name) {
  const auto& names = ordernorm::enum_names<ordernorm::shipment_status>::values;
  for (std::size_t i = 0; i < std::size(names); ++i) {
    if (names[i] == name) return i;
  }
  return 10;
}

std::string describe(const ordernorm::shipment& input, const ordernorm::shipment& derived) {
  std::string out =
      fmt::format("{} {}: Malomo says {}, derived {} / {}", input.carrier, input.tracking_code,
                  input.status_raw, ordernorm::to_string(derived.status), derived.status_detail);
  for (const ordernorm::scan_event& e : input.scan_events) {
    char when[ordernorm::timestamp::max_chars];
    out += fmt::format("\n    {} {:3} {:17} {}", e.scanned_at ? e.scanned_at->format(when) : "-",
                       e.carrier_code, ordernorm::to_string(e.status), e.description);
  }
  return out;
}

// The suite's check (suite.hpp); the deriver applied to our copies gives the
// converter's shipments; the derived statuses are not all unknown.
void verify() {
  const ordernorm_bench::ndjson_buffer& d = data();
  ordernorm_bench::collecting_sink fast;
  if (std::string why = ordernorm_bench::verify(d, ordernorm::platform::malomo, &fast);
      !why.empty()) {
    die("malomo: " + why);
  }

  collect_inputs();
  const shipment_inputs& in = inputs();
  if (in.orders() != d.lines.size()) die("the mapping gave fewer orders than lines");
  std::vector<ordernorm::shipment> work = in.pristine;
  data_profile& p = profile();
  p.orders = in.orders();
  std::string mine;
  for (std::size_t o = 0; o < in.orders(); ++o) {
    mine.clear();
    for (std::size_t i = in.order_begin[o]; i < in.order_begin[o + 1]; ++i) {
      const ordernorm::shipment& input = in.pristine[i];
      ordernorm::shipment& s = work[i];
      ordernorm::derivation why;
      if (!s.scan_events.empty()) ordernorm::derive_shipment(s, derive_defaults, &why);
      ordernorm::write_json(s, mine);
      mine.push_back('\n');

      ++p.shipments;
      ++p.carriers[std::min<std::size_t>(
          static_cast<std::size_t>(ordernorm::identify_carrier(input.carrier)), 4)];
      p.events += input.scan_events.size();
      ++p.events_per_shipment[std::min<std::size_t>(input.scan_events.size(), 16)];
      p.duplicates += why.duplicates_dropped;
      for (const auto& note : why.events) ++p.origin[static_cast<std::size_t>(note.origin)];
      bool sorted = true;
      std::optional<ordernorm::timestamp> last;
      for (const ordernorm::scan_event& e : input.scan_events) {
        if (!e.scanned_at) {
          ++p.untimed;
          continue;
        }
        if (last && e.scanned_at->time < last->time) sorted = false;
        last = e.scanned_at;
      }
      p.out_of_order += sorted ? 0 : 1;
      const std::size_t malomo = status_index(input.status_raw);
      ++p.verdicts[static_cast<std::size_t>(s.status)][malomo];
      const bool agrees = malomo < 10 && static_cast<std::size_t>(s.status) == malomo;
      if (!agrees && p.examples.size() < 40) p.examples.push_back(describe(input, s));
    }
    if (mine != fast.shipments[o]) {
      die(
          fmt::format("order {}: deriving the mapped shipments does not give the converter's:\n"
                      "converter: {}\nhere:      {}",
                      o + 1, fast.shipments[o], mine));
    }
  }
  std::uint64_t known = 0;
  for (std::size_t s = 1; s < p.verdicts.size(); ++s) {
    for (std::uint64_t n : p.verdicts[s]) known += n;
  }
  if (known == 0) die("every derived shipment status is unknown");
}

void print_profile() {
  const data_profile& p = profile();
  const auto pct = [](std::uint64_t n, std::uint64_t total) {
    return total == 0 ? 0.0 : 100.0 * static_cast<double>(n) / static_cast<double>(total);
  };
  std::string hist;
  for (std::size_t n = 0; n < p.events_per_shipment.size(); ++n) {
    if (p.events_per_shipment[n] != 0) {
      hist += fmt::format(" {}:{:.1f}%", n, pct(p.events_per_shipment[n], p.shipments));
    }
  }
  const std::uint64_t kept = p.events - p.duplicates;
  std::fprintf(stderr,
               "data: %llu orders, %llu shipments (%.2f per order), %llu events (%.2f per "
               "shipment)\n",
               static_cast<unsigned long long>(p.orders),
               static_cast<unsigned long long>(p.shipments),
               static_cast<double>(p.shipments) / static_cast<double>(p.orders),
               static_cast<unsigned long long>(p.events),
               static_cast<double>(p.events) / static_cast<double>(p.shipments));
  std::fprintf(stderr, "events per shipment:%s\n", hist.c_str());
  std::fprintf(stderr,
               "carriers: usps %.1f%%, ups %.1f%%, fedex %.1f%%, dhl %.1f%%, other %.1f%%\n"
               "events (after de-duplication) read by: own status %.1f%%, carrier code %.1f%%, "
               "description %.1f%%, nothing %.1f%%\n"
               "duplicates dropped %llu, untimed events %llu, shipments out of order %.1f%%\n",
               pct(p.carriers[1], p.shipments), pct(p.carriers[2], p.shipments),
               pct(p.carriers[3], p.shipments), pct(p.carriers[4], p.shipments),
               pct(p.carriers[0], p.shipments), pct(p.origin[0], kept), pct(p.origin[1], kept),
               pct(p.origin[2], kept), pct(p.origin[3], kept),
               static_cast<unsigned long long>(p.duplicates),
               static_cast<unsigned long long>(p.untimed), pct(p.out_of_order, p.shipments));
  std::fprintf(stderr, "derived status (rows) by Malomo's shipment status (columns):\n%21s", "");
  const auto& names = ordernorm::enum_names<ordernorm::shipment_status>::values;
  for (std::size_t c = 0; c < 7; ++c) std::fprintf(stderr, " %10.10s", names[c].data());
  std::fprintf(stderr, "\n");
  for (std::size_t r = 0; r < p.verdicts.size(); ++r) {
    std::uint64_t row = 0;
    for (std::uint64_t n : p.verdicts[r]) row += n;
    if (row == 0) continue;
    std::fprintf(stderr, "%21s", names[r].data());
    for (std::size_t c = 0; c < 7; ++c) {
      std::fprintf(stderr, " %10llu", static_cast<unsigned long long>(p.verdicts[r][c]));
    }
    std::fprintf(stderr, "\n");
  }
  if (std::getenv("ORDERNORM_BENCH_EXAMPLES") != nullptr) {
    for (const std::string& e : p.examples) std::fprintf(stderr, "%s\n", e.c_str());
  }
}

// Rates per pass over all orders. Bytes (of input NDJSON) only for the
// benchmarks that read them.
void report(benchmark::State& state, bool bytes = true) {
  const ordernorm_bench::ndjson_buffer& d = data();
  const shipment_inputs& in = inputs();
  const auto rate = [&](std::uint64_t per_pass) {
    return benchmark::Counter(
        static_cast<double>(state.iterations()) * static_cast<double>(per_pass),
        benchmark::Counter::kIsRate);
  };
  if (bytes) state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(d.size));
  state.counters["orders/s"] = rate(d.lines.size());
  state.counters["shipments/s"] = rate(in.derived_shipments);
  state.counters["events/s"] = rate(in.events);
}

// ---------------------------------------------------------------------------
// Benchmarks

// One pass of the converter over every order.
void normalize_pass(ordernorm::converter& conv, writing_sink& sink) {
  const ordernorm_bench::ndjson_buffer& d = data();
  for (const line& l : d.lines)
    conv.convert_padded(d.data(l), l.size, d.capacity(l), sink, l.offset);
}

void run_derive(benchmark::State& state, std::size_t block) {
  const shipment_inputs& in = inputs();
  std::vector<ordernorm::shipment> work = in.pristine;
  for (auto _ : state) {
    state.SetIterationTime(
        std::chrono::duration<double>(derive_pass(work, derive_defaults, block)).count());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.events));
  report(state, false);
}

// The converter's own path for `--from malomo` without the writer: its
// platform converter and walker, as collect_inputs runs them, then, when
// `derive`, detail::derive_order_tracking, the call the converter makes after
// mapping. t(map + derive) - t(map) is what derivation costs inside
// normalization, with the caches and branch predictors as the converter
// leaves them.
struct mapping_path {
  std::unique_ptr<ordernorm::detail::platform_converter> conv =
      ordernorm::detail::malomo_platform().make_converter();
  ordernorm::detail::fast_walker walker;
  ordernorm::detail::string_arena arena;
  ordernorm::detail::derive_scratch scratch;
  od::parser parser;
  std::uint64_t errors = 0;

  void pass(bool derive) {
    const ordernorm_bench::ndjson_buffer& d = data();
    for (const line& l : d.lines) {
      od::document doc;
      od::object obj;
      if (ordernorm_bench::open_line(parser, d, l, doc, obj)) {
        ++errors;
        continue;
      }
      arena.reset();
      walker.begin_record(d.data(l), l.offset, d.data(l), &arena);
      if (conv->convert(walker, obj) != ordernorm::error_code::ok) {
        ++errors;
        continue;
      }
      ordernorm::order& o = conv->result();
      if (derive) ordernorm::detail::derive_order_tracking(o, derive_defaults, scratch);
      benchmark::DoNotOptimize(&o);
    }
  }
};

// Extras, for context: the mapping alone, and the mapping with the deriver.
void run_mapping(benchmark::State& state, bool derive) {
  mapping_path m;
  for (auto _ : state) m.pass(derive);
  if (m.errors != 0) state.SkipWithError("records failed");
  report(state);
}

void BM_malomo_map(benchmark::State& state) { run_mapping(state, false); }
BENCHMARK(BM_malomo_map);

void BM_malomo_map_derive(benchmark::State& state) { run_mapping(state, true); }
BENCHMARK(BM_malomo_map_derive);

void BM_derive(benchmark::State& state) { run_derive(state, orders_per_block); }
BENCHMARK(BM_derive)->UseManualTime();

// Extra, for context: every shipment restored first, then all derived in one
// timed stretch. The ~12 MB of events no longer sit in L1/L2 when derived.
void BM_derive_bulk(benchmark::State& state) { run_derive(state, inputs().orders()); }
BENCHMARK(BM_derive_bulk)->UseManualTime();

// The ratio, from passes timed one after another in each iteration
// (the host's speed drifts between benchmarks, less within one iteration):
//   normalize            converter + write_json (derives, as BM_malomo/fast in ordernorm_bench)
//   map, map + derive    the converter's mapping path without the writer,
//                        without and with derive_order_tracking
//   derive               BM_derive's pass (the deriver alone, 32 orders at a time)
// Counters, as ratios of the summed times:
//   derive/normalize           (t(map + derive) - t(map)) / t(normalize): the
//                              deriver inside normalization; the ratio
//   isolated_derive/normalize  t(derive) / t(normalize): the deriver alone
// and the same per order in microseconds.
void BM_derive_share(benchmark::State& state) {
  const shipment_inputs& in = inputs();
  std::vector<ordernorm::shipment> work = in.pristine;
  ordernorm::converter conv(fast_options);
  writing_sink sink;
  mapping_path m;
  clock_type::duration normalizing{}, mapping{}, mapping_deriving{}, deriving{};
  bool derive_first = false;  // alternates, so that neither mapping pass always follows the other
  for (auto _ : state) {
    const auto start = clock_type::now();
    normalize_pass(conv, sink);
    const auto t1 = clock_type::now();
    m.pass(derive_first);
    const auto t2 = clock_type::now();
    m.pass(!derive_first);
    const auto t3 = clock_type::now();
    const clock_type::duration dv = derive_pass(work, derive_defaults);
    normalizing += t1 - start;
    (derive_first ? mapping_deriving : mapping) += t2 - t1;
    (derive_first ? mapping : mapping_deriving) += t3 - t2;
    deriving += dv;
    derive_first = !derive_first;
    state.SetIterationTime(std::chrono::duration<double>(t3 - start + dv).count());
  }
  if (sink.rejects != 0 || m.errors != 0) state.SkipWithError("records were rejected");
  using us = std::chrono::duration<double, std::micro>;
  const double orders = static_cast<double>(state.iterations()) * static_cast<double>(in.orders());
  const double n = us(normalizing).count();
  const double in_situ = us(mapping_deriving - mapping).count();
  state.counters["derive/normalize"] = in_situ / n;
  state.counters["isolated_derive/normalize"] = us(deriving).count() / n;
  state.counters["normalize_us/order"] = n / orders;
  state.counters["derive_us/order"] = in_situ / orders;
  state.counters["isolated_derive_us/order"] = us(deriving).count() / orders;
}
BENCHMARK(BM_derive_share)->UseManualTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const ordernorm_bench::data_flags flags = ordernorm_bench::parse_data_flags(argc, argv);
  ordernorm_bench::load(data(), *ordernorm_bench::find_generator("malomo"), flags.bytes,
                        flags.seed);
  verify();
  print_profile();

  const ordernorm_bench::ndjson_buffer& d = data();
  const data_profile& p = profile();
  benchmark::AddCustomContext(
      "data", fmt::format("{} Malomo orders, {} bytes, seed {}; {} shipments, {} scan events",
                          d.lines.size(), d.size, flags.seed, p.shipments, p.events));
  ordernorm_bench::add_build_context();
  benchmark::AddCustomContext("verified",
                              "no rejects; fast == auto == reference byte for byte, same "
                              "warnings; derive on the mapped copies == converter output");

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
