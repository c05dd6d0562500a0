// Shopify's other shapes in the suite (bench_suite.cpp): the same orders as
// BM_shopify (same seed, same number of orders) rendered as GraphQL Admin
// API query-response pages and as Bulk Operation JSONL, grouped and
// interleaved (shopify_generator.hpp), so that orders/s compares with the
// REST mapper's on the same orders (issue 15: within 20% of it).
//
//   shopify_shape s = make_graphql_shape(seed, n);         // or make_bulk_shape(...)
//   if (auto why = verify_shape(s, rest_outputs); !why.empty()) ... left out
//   run_shape_converter<writing_sink>(state, s, fast_options(platform::shopify));
//
// GraphQL pages are converted in memory, a page a call, like a platform's
// lines. A bulk export is stitched by the reader, so it goes through a file:
// written once to the temporary directory (removed at exit; in the page
// cache while the suite runs) and read with reader::open_file on every
// iteration, the reader's two passes included.
#pragma once

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "ordernorm/ordernorm.hpp"
#include "raw_statuses.hpp"
#include "shopify_generator.hpp"
#include "suite.hpp"

namespace ordernorm_bench {

// ---------------------------------------------------------------------------
// The data

// A file that is removed when its owner goes, std::exit (die()) included,
// since the owners are static.
class temp_file {
 public:
  explicit temp_file(std::string path) : path_(std::move(path)) {}
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  ~temp_file() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

struct shopify_shape {
  std::string name;  // "shopify-graphql", "shopify-bulk-grouped", ...
  // The text in memory, split into lines (pages, or the export's lines);
  // orders = the REST data's count.
  ndjson_buffer data;
  // Bulk exports: the same text as a file, for the reader.
  std::unique_ptr<temp_file> file;

  bool bulk() const noexcept { return file != nullptr; }
};

inline std::string shape_name(bulk_layout layout) {
  return layout == bulk_layout::grouped ? "shopify-bulk-grouped" : "shopify-bulk-interleaved";
}
inline constexpr std::array<std::string_view, 3> shape_names = {
    "shopify-graphql", "shopify-bulk-grouped", "shopify-bulk-interleaved"};

// `orders` orders of `seed` as query-response pages, as ordernorm_gen
// --platform shopify-graphql --orders N writes them.
inline shopify_shape make_graphql_shape(std::uint64_t seed, std::size_t orders) {
  shopify_shape s;
  s.name = "shopify-graphql";
  std::string text;
  shopify_graphql_pages pages(seed);
  for (std::size_t i = 0; i < orders; ++i) pages.append_order(text);
  pages.finish(text);
  s.data.assign(text);
  s.data.orders = orders;
  return s;
}

// The same as a bulk export in `layout`, in memory and in a file.
inline shopify_shape make_bulk_shape(std::uint64_t seed, std::size_t orders, bulk_layout layout) {
  shopify_shape s;
  s.name = shape_name(layout);
  std::string text;
  shopify_bulk_export bulk(seed, layout);
  for (std::size_t i = 0; i < orders; ++i) bulk.append_order(text);
  bulk.finish(text);
  s.data.assign(text);
  s.data.orders = orders;
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      fmt::format("ordernorm_bench.{}.{}.jsonl", static_cast<long>(::getpid()), s.name);
  s.file = std::make_unique<temp_file>(path.string());
  std::FILE* f = std::fopen(s.file->path().c_str(), "wb");
  if (f == nullptr) die(fmt::format("cannot create {}", s.file->path()));
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !written) die(fmt::format("cannot write {}", s.file->path()));
  return s;
}

// ---------------------------------------------------------------------------
// The check before timing

inline std::vector<std::string> without_raw_statuses(const std::vector<std::string>& orders) {
  simdjson::dom::parser parser;
  std::vector<std::string> out;
  out.reserve(orders.size());
  for (const std::string& o : orders) {
    simdjson::dom::element e;
    if (parser.parse(o).get(e) != simdjson::SUCCESS) die("the writer wrote invalid JSON: " + o);
    write_without_raw_statuses(e, out.emplace_back(), 0, false);
  }
  return out;
}

// Steps over a GraphQL page's frame to its order nodes
// (data.<root field>.edges[].node or .nodes[]) and over each node's
// top-level fields with every value skipped, as the platforms' skip floor
// does for an order a line. Counts the nodes and folds the keys' first bytes
// into `fields` (so that the loop is not optimized away).
namespace {

simdjson::error_code step_fields(od::object& node, std::uint64_t& fields) {
  for (auto field_result : node) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) return e;
    fields += static_cast<unsigned char>(*f.key().raw());
  }
  return simdjson::SUCCESS;
}

simdjson::error_code step_connection(od::object& connection, std::uint64_t& nodes,
                                     std::uint64_t& fields) {
  for (auto field_result : connection) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) return e;
    std::string_view key;
    if (auto e = f.unescaped_key().get(key)) return e;
    const bool edges = key == "edges";
    if (!edges && key != "nodes") continue;  // pageInfo
    od::array list;
    if (auto e = f.value().get_array().get(list)) return e;
    for (auto element : list) {
      od::object o;
      if (auto e = std::move(element).get_object().get(o)) return e;
      if (!edges) {
        ++nodes;
        if (auto e = step_fields(o, fields)) return e;
        continue;
      }
      for (auto edge_field : o) {  // {"cursor":...,"node":{...}}
        od::field g;
        if (auto e = std::move(edge_field).get(g)) return e;
        std::string_view edge_key;
        if (auto e = g.unescaped_key().get(edge_key)) return e;
        if (edge_key != "node") continue;
        od::object node;
        if (auto e = g.value().get_object().get(node)) return e;
        ++nodes;
        if (auto e = step_fields(node, fields)) return e;
      }
    }
  }
  return simdjson::SUCCESS;
}

simdjson::error_code step_page_orders(od::parser& parser, const ndjson_buffer& d, const line& l,
                                      std::uint64_t& nodes, std::uint64_t& fields) {
  od::document doc;
  od::object page;
  if (auto e = open_line(parser, d, l, doc, page)) return e;
  for (auto field_result : page) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) return e;
    std::string_view key;
    if (auto e = f.unescaped_key().get(key)) return e;
    if (key != "data") continue;  // extensions, errors
    od::object data;
    if (auto e = f.value().get_object().get(data)) return e;
    for (auto root_result : data) {  // orders, or an alias
      od::field root;
      if (auto e = std::move(root_result).get(root)) return e;
      od::json_type type;
      if (auto e = root.value().type().get(type)) return e;
      if (type != od::json_type::object) continue;
      od::object connection;
      if (auto e = root.value().get_object().get(connection)) return e;
      if (auto e = step_connection(connection, nodes, fields)) return e;
    }
  }
  return simdjson::SUCCESS;
}

}  // namespace

// Every document of the bulk file through the converter (the CLI's loop:
// a document the reader could not hand over is a reject). Returns the
// reader's error, or "".
template <class Sink>
std::string convert_file(const std::string& path, ordernorm::converter& conv, Sink& sink) {
  ordernorm::reader in = ordernorm::reader::open_file(path);
  ordernorm::document_view doc;
  while (in.next(doc)) {
    if (doc.problem != ordernorm::error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
      continue;
    }
    conv.convert(doc, sink);
  }
  return in.ok() ? std::string() : in.error().message;
}

inline collecting_sink convert_shape(const shopify_shape& s, const ordernorm::options& opts) {
  if (!s.bulk()) return convert_all(s.data, opts);
  ordernorm::converter conv(opts);
  collecting_sink sink;
  sink.outputs.reserve(s.data.orders);
  if (const std::string error = convert_file(s.file->path(), conv, sink); !error.empty()) {
    sink.examples.push_back("the reader failed: " + error);
    ++sink.rejects;
  }
  return sink;
}

// Documents the reader hands over and their bytes; false on a reader error
// or a document it could not hand over.
struct reader_count {
  std::uint64_t documents = 0, bytes = 0;
  bool ok = true;
};
inline reader_count read_all(const std::string& path, bool stitch) {
  ordernorm::reader_options o;
  o.stitch_bulk_exports = stitch;
  ordernorm::reader in = ordernorm::reader::open_file(path, o);
  ordernorm::document_view doc;
  reader_count c;
  while (in.next(doc)) {
    ++c.documents;
    c.bytes += doc.size;
    c.ok = c.ok && doc.problem == ordernorm::error_code::ok;
  }
  c.ok = c.ok && in.ok();
  return c;
}

inline std::string first_chars(const std::string& s) {
  return s.size() <= 600 ? s : s.substr(0, 600) + "...";
}

// The platforms' check (suite.hpp, verify), for a shape: every order
// converts with no reject under the fast mapper (from = shopify), --from
// auto and the reference mapper, to the same bytes and warnings; there are
// as many as REST's; each is REST's order, raw statuses aside
// (`rest_blanked`: REST's fast outputs without them); every line parses
// with simdjson for the floors; a bulk file reads as its lines without
// stitching and as one document per order with it. Returns why not, or "".
inline std::string verify_shape(const shopify_shape& s,
                                const std::vector<std::string>& rest_blanked) {
  const std::size_t n = s.data.orders;
  const auto check = [&](std::string_view mapper, const collecting_sink& c) -> std::string {
    if (c.rejects != 0) {
      std::string first;
      for (const std::string& e : c.examples) first += "\n  " + e;
      return fmt::format("the {} mapper rejected {} records:{}", mapper, c.rejects, first);
    }
    if (c.outputs.size() != n) {
      return fmt::format("the {} mapper gave {} orders for REST's {}", mapper, c.outputs.size(), n);
    }
    return {};
  };
  const collecting_sink fast = convert_shape(s, fast_options(ordernorm::platform::shopify));
  if (std::string why = check("fast", fast); !why.empty()) return why;
  // What issue 15 asks first: the same orders as REST gives.
  const std::vector<std::string> blanked = without_raw_statuses(fast.outputs);
  for (std::size_t i = 0; i < n; ++i) {
    if (blanked[i] != rest_blanked[i]) {
      return fmt::format(
          "order {} differs from REST's (raw statuses nulled in both):\n"
          "  {}: {}\n  REST: {}",
          i + 1, s.name, first_chars(blanked[i]), first_chars(rest_blanked[i]));
    }
  }
  const collecting_sink automatic = convert_shape(s, auto_options());
  if (std::string why = check("fast (--from auto)", automatic); !why.empty()) return why;
  const collecting_sink reference =
      convert_shape(s, reference_options(ordernorm::platform::shopify));
  if (std::string why = check("reference", reference); !why.empty()) return why;
  if (fast.warnings != reference.warnings || fast.warnings != automatic.warnings) {
    return fmt::format("the configurations warn differently: fast {}, --from auto {}, reference {}",
                       fast.warnings.size(), automatic.warnings.size(), reference.warnings.size());
  }
  if (fast.outputs != reference.outputs) return "fast and reference outputs differ";
  if (fast.outputs != automatic.outputs) return "--from shopify and --from auto outputs differ";

  od::parser parser;
  touch_totals t;
  for (const line& l : s.data.lines) {
    if (auto e = touch_document(parser, s.data, l, t)) {
      return fmt::format("line at byte {}: simdjson: {}", l.offset, simdjson::error_message(e));
    }
  }
  if (!s.bulk()) {
    std::uint64_t nodes = 0, fields = 0;
    for (const line& l : s.data.lines) {
      if (auto e = step_page_orders(parser, s.data, l, nodes, fields)) {
        return fmt::format("page at byte {}: simdjson: {}", l.offset, simdjson::error_message(e));
      }
    }
    if (nodes != n) return fmt::format("the pages hold {} order nodes, not {}", nodes, n);
    return {};
  }
  const reader_count lines = read_all(s.file->path(), false);
  if (!lines.ok || lines.documents != s.data.lines.size()) {
    return fmt::format("the reader without stitching gave {} documents for {} lines{}",
                       lines.documents, s.data.lines.size(), lines.ok ? "" : ", with problems");
  }
  const reader_count stitched = read_all(s.file->path(), true);
  if (!stitched.ok || stitched.documents != n) {
    return fmt::format("the reader stitched {} orders, not {}{}", stitched.documents, n,
                       stitched.ok ? "" : ", with problems");
  }
  return {};
}

// ---------------------------------------------------------------------------
// Benchmark bodies: one pass over the shape's orders per iteration,
// single-threaded; bytes_per_second of the shape's bytes, items_per_second
// of orders.

// The converter over the shape: the pages in memory, or the bulk file
// through the reader (opened, and so indexed and stitched, every pass).
template <class Sink>
void run_shape_converter(benchmark::State& state, const shopify_shape& s,
                         const ordernorm::options& opts) {
  if (!s.bulk()) return run_converter<Sink>(state, s.data, opts);
  ordernorm::converter conv(opts);
  Sink sink;
  bool ok = true;
  for (auto _ : state) ok = convert_file(s.file->path(), conv, sink).empty() && ok;
  if (!ok) state.SkipWithError("the reader failed");
  if (sink.rejects != 0) state.SkipWithError("records were rejected");
  report(state, s.data.size, s.data.orders);
}

// The reader alone over the bulk file: with stitching, the two passes and
// the stitched orders handed over; without, its lines (reading the bytes
// through the reader). The difference is what stitching costs the reading
// thread, which at -j N works alone.
inline void run_reader(benchmark::State& state, const shopify_shape& s, bool stitch) {
  bool ok = true;
  for (auto _ : state) {
    const reader_count c = read_all(s.file->path(), stitch);
    ok = ok && c.ok;
    benchmark::DoNotOptimize(c.bytes);
  }
  if (!ok) state.SkipWithError("the reader failed");
  report(state, s.data.size, s.data.orders);
}

// The pages' order floor: the platforms' skip floor per order node (its
// top-level fields stepped over, values skipped) plus the page's frame down
// to the nodes. run_skip_floor on a page steps over only the page's two
// top-level fields (data, extensions) and reads no order; its skips still
// walk every structural inside, so the two floors come out close.
inline void run_order_skip_floor(benchmark::State& state, const ndjson_buffer& d) {
  od::parser parser;
  std::uint64_t errors = 0;
  for (auto _ : state) {
    std::uint64_t nodes = 0, fields = 0;
    for (const line& l : d.lines) {
      errors += step_page_orders(parser, d, l, nodes, fields) != simdjson::SUCCESS;
    }
    benchmark::DoNotOptimize(fields);
    benchmark::DoNotOptimize(nodes);
  }
  if (errors != 0) state.SkipWithError("simdjson reported errors");
  report(state, d);
}

}  // namespace ordernorm_bench
