// Shared by the benchmarks: NDJSON held in one padded buffer, split into
// lines, and the parse limit (simdjson On-Demand touching every value of a
// line), so that every suite measures its baseline the same way.
//
//   ordernorm_bench::ndjson_buffer d;
//   d.assign(ndjson);                 // copies, pads, splits
//   ordernorm_bench::touch_totals t;
//   simdjson::ondemand::parser parser;
//   for (const auto& l : d.lines) ordernorm_bench::touch_document(parser, d, l, t);
#pragma once

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/convert.hpp"
#include "ordernorm/writer.hpp"

namespace ordernorm_bench {

namespace od = simdjson::ondemand;

// Shared by the benchmark mains: stop with a message.
[[noreturn]] inline void die(const std::string& message) {
  std::fprintf(stderr, "ordernorm benchmark: %s\n", message.c_str());
  std::exit(1);
}

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

// Our own flags (--name=N), read after Google Benchmark has taken its own.
inline bool parse_flag(std::string_view arg, std::string_view name, std::uint64_t& value) {
  if (arg.substr(0, name.size()) != name || arg.size() <= name.size() || arg[name.size()] != '=') {
    return false;
  }
  const std::string text(arg.substr(name.size() + 1));
  char* end = nullptr;
  value = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') {
    die(std::string(name) + ": not a number: \"" + text + "\"");
  }
  return true;
}

inline constexpr std::size_t padding = ordernorm::converter::padding;
static_assert(padding >= simdjson::SIMDJSON_PADDING);

// The input: one buffer with zeroed padding after its end, and its lines.
struct line {
  std::size_t offset;
  std::size_t size;
};
struct ndjson_buffer {
  std::unique_ptr<char[]> buffer;
  std::size_t size = 0;  // bytes of NDJSON, newlines included
  std::vector<line> lines;

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
  }
};

// ---------------------------------------------------------------------------
// The parse limit: touch every value of a document with On-Demand.

struct touch_totals {
  std::uint64_t keys = 0, strings = 0, string_bytes = 0, numbers = 0, literals = 0;
};

// Internal linkage, as when these functions lived in bench_shopify.cpp, so
// that the compiler inlines them the same way and the figures stay comparable.
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

// One line: the same per-line call ordernorm makes (parser.iterate with the
// padded capacity), then every value.
simdjson::error_code touch_document(od::parser& parser, const ndjson_buffer& d, const line& l,
                                    touch_totals& t) {
  od::document doc;
  if (auto e = parser.iterate(d.data(l), l.size, d.capacity(l)).get(doc)) return e;
  od::object obj;
  if (auto e = doc.get_object().get(obj)) return e;
  return touch_object(obj, t);
}

}  // namespace
}  // namespace ordernorm_bench
