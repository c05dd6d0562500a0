// Shared by the benchmark mains (bench_suite.cpp, bench_tracking.cpp): the
// data (generated NDJSON in one padded buffer, split into lines), the check
// every data set passes before anything is timed, the baselines (a plain read
// of the bytes; simdjson On-Demand skipping every value, the floor; On-Demand
// reading every value), the normalization loop, the rates, the command-line
// flags and the build context. One copy, so that every suite measures and
// verifies the same way.
//
//   ordernorm_bench::ndjson_buffer d;
//   ordernorm_bench::load(d, *ordernorm_bench::find_generator("shopify"), 20'000'000, 42);
//   if (auto why = ordernorm_bench::verify(d, ordernorm::platform::shopify); !why.empty()) ...
//   ... run_skip_floor(state, d); run_iterate_all(state, d); run_converter<writing_sink>(...)
#pragma once

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generators.hpp"
#include "ordernorm/convert.hpp"
#include "ordernorm/writer.hpp"

namespace ordernorm_bench {

namespace od = simdjson::ondemand;

// Stop with a message.
[[noreturn]] inline void die(const std::string& message) {
  std::fprintf(stderr, "ordernorm benchmark: %s\n", message.c_str());
  std::exit(1);
}

// ---------------------------------------------------------------------------
// Our own flags, read after Google Benchmark has taken its own.

struct data_flags {
  std::uint64_t bytes = 20'000'000;  // per platform
  std::uint64_t seed = 42;
  std::vector<std::string> platforms;  // empty: every platform with a generator

  bool wants(std::string_view platform) const {
    if (platforms.empty()) return true;
    for (const std::string& p : platforms) {
      if (p == platform) return true;
    }
    return false;
  }
};

// --data_bytes=N (20M, 1G), --data_seed=S, --platforms=a,b (only these:
// platforms with a generator, or a name of `also_known`).
inline data_flags parse_data_flags(int argc, char** argv,
                                   std::span<const std::string_view> also_known = {}) {
  data_flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const std::size_t eq = arg.find('=');
    const std::string_view name = arg.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? "" : arg.substr(eq + 1);
    if (name == "--data_bytes" || name == "--data_seed") {
      const std::optional<std::uint64_t> v = parse_size(value);
      if (!v) die(fmt::format("{}: not a number: \"{}\"", name, value));
      (name == "--data_bytes" ? f.bytes : f.seed) = *v;
    } else if (name == "--platforms") {
      for (std::size_t b = 0; b <= value.size();) {
        const std::size_t e = std::min(value.find(',', b), value.size());
        const std::string_view p = value.substr(b, e - b);
        if (find_generator(p) == nullptr &&
            std::find(also_known.begin(), also_known.end(), p) == also_known.end()) {
          std::string known = generator_names();
          for (std::string_view k : also_known) known += fmt::format(", {}", k);
          die(fmt::format("--platforms: no generator for \"{}\" (known: {})", p, known));
        }
        f.platforms.emplace_back(p);
        b = e + 1;
      }
    } else {
      die(fmt::format(
          "unknown argument \"{}\" (our own: --data_bytes=N --data_seed=S --platforms=a,b)", arg));
    }
  }
  return f;
}

// ---------------------------------------------------------------------------
// The data: one buffer with zeroed padding after its end, and its lines.

inline constexpr std::size_t padding = ordernorm::converter::padding;
static_assert(padding >= simdjson::SIMDJSON_PADDING);

struct line {
  std::size_t offset;
  std::size_t size;
};
struct ndjson_buffer {
  std::unique_ptr<char[]> buffer;
  std::size_t size = 0;  // bytes of NDJSON, newlines included
  std::vector<line> lines;
  // The orders the lines hold, for items_per_second: one a line, as
  // assign() sets it, unless a line holds many (a GraphQL page of 50) or
  // orders span lines (a bulk export's order and line item lines).
  std::size_t orders = 0;

  const char* data(const line& l) const { return buffer.get() + l.offset; }
  // Readable bytes from the line's start: the rest of the buffer + padding,
  // as src/reader.cpp passes them.
  std::size_t capacity(const line& l) const { return size + padding - l.offset; }

  // Copies `ndjson` into a padded buffer and finds its non-empty lines.
  void assign(std::string_view ndjson) {
    size = ndjson.size();
    buffer = std::make_unique<char[]>(size + padding);
    std::memcpy(buffer.get(), ndjson.data(), size);
    std::memset(buffer.get() + size, 0, padding);
    lines.clear();
    std::size_t begin = 0;
    while (begin < size) {
      const void* nl = std::memchr(buffer.get() + begin, '\n', size - begin);
      const std::size_t end =
          nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - buffer.get())
                        : size;
      if (end > begin) lines.push_back({begin, end - begin});
      begin = end + 1;
    }
    orders = lines.size();
  }
};

// About `bytes` of the generator's orders (whole lines).
inline void load(ndjson_buffer& d, const generator_info& g, std::uint64_t bytes,
                 std::uint64_t seed) {
  std::string ndjson;
  ndjson.reserve(static_cast<std::size_t>(bytes) + (1u << 16));
  g.make(seed)->append_ndjson(ndjson, static_cast<std::size_t>(bytes));
  d.assign(ndjson);
}

// ---------------------------------------------------------------------------
// The iterate-all baseline: touch every value of a document with On-Demand.
// Not a limit: a mapper skips the values it does not map, so it can beat it.

struct touch_totals {
  std::uint64_t keys = 0, strings = 0, string_bytes = 0, numbers = 0, literals = 0;
};

// Internal linkage, as when these functions lived in one main, so that the
// compiler inlines them the same way and the figures stay comparable.
namespace {

simdjson::error_code touch(od::value& v, touch_totals& t);

simdjson::error_code touch_object(od::object& obj, touch_totals& t) {
  for (auto field_result : obj) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) return e;
    std::string_view key;
    if (auto e = f.unescaped_key().get(key)) return e;
    ++t.keys;
    t.string_bytes += key.size();
    if (auto e = touch(f.value(), t)) return e;
  }
  return simdjson::SUCCESS;
}

simdjson::error_code touch(od::value& v, touch_totals& t) {
  od::json_type type;
  if (auto e = v.type().get(type)) return e;
  switch (type) {
    case od::json_type::object: {
      od::object obj;
      if (auto e = v.get_object().get(obj)) return e;
      return touch_object(obj, t);
    }
    case od::json_type::array: {
      od::array arr;
      if (auto e = v.get_array().get(arr)) return e;
      for (auto element : arr) {
        od::value child;
        if (auto e = std::move(element).get(child)) return e;
        if (auto e2 = touch(child, t)) return e2;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return e;
      ++t.strings;
      t.string_bytes += s.size();
      return simdjson::SUCCESS;
    }
    case od::json_type::number: {
      od::number n;
      if (auto e = v.get_number().get(n)) return e;
      ++t.numbers;
      benchmark::DoNotOptimize(n);
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool b;
      if (auto e = v.get_bool().get(b)) return e;
      ++t.literals;
      benchmark::DoNotOptimize(b);
      return simdjson::SUCCESS;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (auto e = v.is_null().get(is_null)) return e;
      if (!is_null) return simdjson::INCORRECT_TYPE;
      ++t.literals;
      return simdjson::SUCCESS;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

// A line's top-level object, by the same per-line call ordernorm makes
// (parser.iterate with the padded capacity).
simdjson::error_code open_line(od::parser& parser, const ndjson_buffer& d, const line& l,
                               od::document& doc, od::object& obj) {
  if (auto e = parser.iterate(d.data(l), l.size, d.capacity(l)).get(doc)) return e;
  return doc.get_object().get(obj);
}

// One line, every value.
simdjson::error_code touch_document(od::parser& parser, const ndjson_buffer& d, const line& l,
                                    touch_totals& t) {
  od::document doc;
  od::object obj;
  if (auto e = open_line(parser, d, l, doc, obj)) return e;
  return touch_object(obj, t);
}

}  // namespace

// ---------------------------------------------------------------------------
// Sinks

// The sink every normalization benchmark times: writes each order as JSON
// into one reused string, as a caller writing NDJSON would.
struct writing_sink final : ordernorm::order_sink {
  std::string out;
  std::uint64_t orders = 0, rejects = 0;
  void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
    out.clear();
    ordernorm::write_json(o, out);
    benchmark::DoNotOptimize(out.data());
    ++orders;
  }
  void on_reject(const ordernorm::record_error&, const ordernorm::record_position&) override {
    ++rejects;
  }
};

// The mapping without the writer: what the writer costs is the difference.
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

// For the check: every order's JSON (and, when asked, its shipments' JSON,
// one a line), every warning, the number of rejects and the first of them.
struct collecting_sink final : ordernorm::order_sink {
  bool keep_shipments = false;
  std::vector<std::string> outputs;
  std::vector<std::string> shipments;
  std::vector<std::string> warnings;
  std::uint64_t rejects = 0;
  std::vector<std::string> examples;  // the first rejects

  void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
    ordernorm::write_json(o, outputs.emplace_back());
    if (!keep_shipments) return;
    std::string& s = shipments.emplace_back();
    for (const ordernorm::shipment& sh : o.shipments) {
      ordernorm::write_json(sh, s);
      s.push_back('\n');
    }
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
    warnings.push_back(fmt::format("record {} at byte {}: at \"{}\": {}", where.index,
                                   where.byte_offset, w.json_pointer, w.message));
  }
};

inline collecting_sink convert_all(const ndjson_buffer& d, const ordernorm::options& opts,
                                   bool keep_shipments = false) {
  ordernorm::converter conv(opts);
  collecting_sink sink;
  sink.keep_shipments = keep_shipments;
  sink.outputs.reserve(d.lines.size());
  for (const line& l : d.lines) {
    conv.convert_padded(d.data(l), l.size, d.capacity(l), sink, l.offset);
  }
  return sink;
}

// The three configurations every platform is timed in.
inline ordernorm::options fast_options(ordernorm::platform p) {
  return {.from = p, .mapper = ordernorm::mapper::fast, .derive = {}};
}
inline ordernorm::options auto_options() {
  return {.from = std::nullopt, .mapper = ordernorm::mapper::fast, .derive = {}};
}
inline ordernorm::options reference_options(ordernorm::platform p) {
  return {.from = p, .mapper = ordernorm::mapper::reference, .derive = {}};
}

// The fast mapper with --strict (every value validated, issue 14 item 6), or
// nothing while options has no `strict`: detected, so that the suite builds
// before and after it lands. A template, because a requires-expression on a
// concrete type must be well-formed.
template <class Options = ordernorm::options>
std::optional<Options> strict_options(ordernorm::platform p) {
  if constexpr (requires(Options o) { o.strict = true; }) {
    Options o = fast_options(p);
    o.strict = true;
    return o;
  } else {
    return std::nullopt;
  }
}

// ---------------------------------------------------------------------------
// The check before timing

// "" if the mapper converted every line, else why not.
inline std::string check_mapper(const ndjson_buffer& d, std::string_view name,
                                const collecting_sink& s) {
  if (s.rejects != 0) {
    std::string first;
    for (const std::string& e : s.examples) first += "\n  " + e;
    return fmt::format("the {} mapper rejected {} of {} orders:{}", name, s.rejects, d.lines.size(),
                       first);
  }
  if (s.outputs.size() != d.lines.size()) {
    return fmt::format("the {} mapper gave {} orders for {} lines", name, s.outputs.size(),
                       d.lines.size());
  }
  return {};
}

// Every line converts, with no reject, under the fast mapper, the fast mapper
// with --from auto, the reference mapper (and --strict, once it exists), to
// the same bytes and the same
// warnings (a platform may warn by design, e.g. an eBay fulfillment link
// without its shipment); every line parses for the iterate-all baseline. Returns why
// not, or "".
// `fast_out`, when given, receives the fast mapper's output (with shipments).
inline std::string verify(const ndjson_buffer& d, ordernorm::platform from,
                          collecting_sink* fast_out) {
  if (d.lines.empty()) return "no data";
  const std::string_view title = ordernorm::to_string(from);
  collecting_sink fast = convert_all(d, fast_options(from), fast_out != nullptr);
  if (std::string why = check_mapper(d, "fast", fast); !why.empty()) return why;
  const collecting_sink automatic = convert_all(d, auto_options());
  if (std::string why = check_mapper(d, "fast (--from auto)", automatic); !why.empty()) return why;
  const collecting_sink reference = convert_all(d, reference_options(from));
  if (std::string why = check_mapper(d, "reference", reference); !why.empty()) return why;
  if (fast.warnings != reference.warnings || fast.warnings != automatic.warnings) {
    return fmt::format("the configurations warn differently: fast {}, --from auto {}, reference {}",
                       fast.warnings.size(), automatic.warnings.size(), reference.warnings.size());
  }
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
          i + 1, d.lines[i].offset, title, fast.outputs[i], automatic.outputs[i]);
    }
  }
  if (const auto strict = strict_options(from)) {
    const collecting_sink checked = convert_all(d, *strict);
    if (std::string why = check_mapper(d, "fast (--strict)", checked); !why.empty()) return why;
    if (checked.outputs != fast.outputs || checked.warnings != fast.warnings) {
      return "--strict converts valid orders differently from the fast mapper";
    }
  }
  od::parser parser;
  touch_totals t;
  for (const line& l : d.lines) {
    if (auto e = touch_document(parser, d, l, t)) {
      return fmt::format("line at byte {}: simdjson: {}", l.offset, simdjson::error_message(e));
    }
  }
  if (fast_out != nullptr) *fast_out = std::move(fast);
  return {};
}

// ---------------------------------------------------------------------------
// Benchmark bodies: one pass over every line of `d` per iteration,
// single-threaded.

// bytes_per_second (input bytes) and items_per_second (orders), per pass.
inline void report(benchmark::State& state, std::uint64_t bytes, std::uint64_t orders) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(orders));
}
inline void report(benchmark::State& state, const ndjson_buffer& d) {
  report(state, d.size, d.orders);
}

// Reading the bytes: memchr for '\n' over every line and its newline, which
// reads every byte once, as splitting NDJSON must. A cache-speed figure for
// scale (the data fits L3), not a bound a JSON mapper could approach.
inline void run_read_bytes(benchmark::State& state, const ndjson_buffer& d) {
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
  report(state, d);
}

// The iterate-all baseline: simdjson On-Demand reading every key, string,
// number, bool and null. What a mapper that reads every value would cost; a
// mapper that skips unmapped values beats it, so it bounds nothing.
inline void run_iterate_all(benchmark::State& state, const ndjson_buffer& d) {
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

// The floor: On-Demand stepping over the top-level fields with every value
// skipped (stage 1 + the skips). Any one-pass On-Demand mapper does at least
// this much work, so its time bounds the mapper's from below; the targets
// are stated against it.
inline void run_skip_floor(benchmark::State& state, const ndjson_buffer& d) {
  od::parser parser;
  std::uint64_t errors = 0;
  for (auto _ : state) {
    std::uint64_t fields = 0;
    for (const line& l : d.lines) {
      od::document doc;
      od::object obj;
      if (open_line(parser, d, l, doc, obj)) {
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
  report(state, d);
}

// Normalization: the converter over every line into `Sink`.
template <class Sink>
void run_converter(benchmark::State& state, const ndjson_buffer& d,
                   const ordernorm::options& opts) {
  ordernorm::converter conv(opts);
  Sink sink;
  for (auto _ : state) {
    for (const line& l : d.lines) {
      conv.convert_padded(d.data(l), l.size, d.capacity(l), sink, l.offset);
    }
  }
  if (sink.rejects != 0) state.SkipWithError("records were rejected");
  report(state, d);
}

// ---------------------------------------------------------------------------

// What every result file should say about the build that produced it.
inline void add_build_context() {
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
}

}  // namespace ordernorm_bench
