// Shared by the fuzz targets: a failure that libFuzzer records, a sink that
// records what the converter did, the output checks (valid UTF-8, valid
// JSON), an in-memory file for the reader, and an independent count of the
// records a document holds.
#pragma once

#include <simdjson.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/ordernorm.hpp"
#include "registry.hpp"

namespace fuzz {

// A broken invariant: abort, so that libFuzzer keeps the input as a crash.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "\nfuzz invariant broken: %s\n%.*s\n", what,
               static_cast<int>(std::min<std::size_t>(detail.size(), 4000)), detail.data());
  std::abort();
}

// Bytes the reader takes for gzip or zstd (a frame or a skippable frame) by
// their first bytes, and decompresses rather than reads as they are.
inline bool looks_compressed(std::string_view input) {
  const auto byte = [&](std::size_t i) {
    return i < input.size() ? static_cast<unsigned>(input[i]) & 0xff : 256u;
  };
  return (byte(0) == 0x1f && byte(1) == 0x8b) ||
         (byte(0) == 0x28 && byte(1) == 0xb5 && byte(2) == 0x2f && byte(3) == 0xfd) ||
         ((byte(0) & 0xf0) == 0x50 && byte(1) == 0x2a && byte(2) == 0x4d && byte(3) == 0x18);
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

// Output must be valid UTF-8 and one valid JSON value. simdjson's DOM parser
// validates both (stage 1 checks UTF-8, stage 2 the grammar).
inline void check_json(std::string_view json, const char* what) {
  check(simdjson::validate_utf8(json.data(), json.size()), what, json);
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  const auto err = parser.parse(json.data(), json.size()).get(root);
  if (err != simdjson::SUCCESS) {
    fail(what, std::string(simdjson::error_message(err)) + "\n" + std::string(json));
  }
}

// Records every call in order: "O <order json>", "W <warning>", "R <code>
// <pointer> @<offset>: <message>". Each written order is checked.
struct recording_sink final : ordernorm::order_sink {
  std::string log;
  std::uint64_t orders = 0;
  std::uint64_t rejects = 0;
  // One entry per record: true for an order, false for a reject.
  std::vector<bool> accepted;
  std::vector<ordernorm::error_code> codes;  // per record, ok for an order
  std::vector<std::string> order_json;       // per record, empty for a reject
  std::uint64_t last_index = 0;

  void on_order(const ordernorm::order& o, const ordernorm::record_position& where) override {
    std::string json;
    ordernorm::write_json(o, json);
    check_json(json, "an order written as JSON is valid UTF-8 and valid JSON");
    std::string again;
    ordernorm::write_json(o, again);
    check(json == again, "writing the same order twice gives the same bytes", json);
    position(where);
    ++orders;
    accepted.push_back(true);
    codes.push_back(ordernorm::error_code::ok);
    log += "O ";
    log += json;
    log += '\n';
    order_json.push_back(std::move(json));
  }
  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    check(e.code != ordernorm::error_code::ok, "a reject carries an error code");
    position(where);
    ++rejects;
    accepted.push_back(false);
    codes.push_back(e.code);
    order_json.emplace_back();
    log += "R ";
    log += ordernorm::to_string(e.code);
    log += ' ';
    log += e.json_pointer;
    log += " @" + std::to_string(e.byte_offset) + ": ";
    log += e.message;
    log += '\n';
  }
  void on_warning(const ordernorm::record_warning& w,
                  const ordernorm::record_position& where) override {
    check(where.index == last_index + 1, "a warning comes just before its order");
    log += "W " + w.json_pointer + ": " + w.message + '\n';
  }

 private:
  // Records are numbered 1, 2, 3, ... in input order, without gaps.
  void position(const ordernorm::record_position& where) {
    check(where.index == last_index + 1, "records are numbered consecutively",
          std::to_string(where.index) + " after " + std::to_string(last_index));
    last_index = where.index;
  }
};

// The counters and the sink agree: records() == converted() + rejected(),
// and each was delivered exactly once.
inline void check_counts(const ordernorm::converter& conv, const recording_sink& sink) {
  check(conv.records() == conv.converted() + conv.rejected(), "records == converted + rejected");
  check(conv.converted() == sink.orders, "every converted record reached the sink as an order");
  check(conv.rejected() == sink.rejects, "every rejected record reached the sink as a reject");
}

// Bytes as a file descriptor, for the reader (which reads files and streams).
class memory_file {
 public:
  memory_file(const std::uint8_t* data, std::size_t size) {
    fd_ = ::memfd_create("fuzz-input", MFD_CLOEXEC);
    if (fd_ < 0) fail("memfd_create");
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n = ::write(fd_, data + done, size - done);
      if (n <= 0) fail("write to memfd");
      done += static_cast<std::size_t>(n);
    }
    if (::lseek(fd_, 0, SEEK_SET) != 0) fail("lseek");
  }
  memory_file(const memory_file&) = delete;
  memory_file& operator=(const memory_file&) = delete;
  ~memory_file() { ::close(fd_); }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

// ---------------------------------------------------------------------------
// How many records a document holds, worked out from a DOM parse and the
// rules written in convert.hpp and DESIGN.md, not from the converter's code:
// - an array: each element is a record;
// - an object without an envelope key: one record (an order, or a reject);
// - an object whose only known keys are envelope keys: the first met
//   decides: an array value holds one record per element, an object one,
//   null none, anything else one (a reject);
// - a GraphQL response (the first envelope key met is "data" or "errors"):
//   a non-empty or malformed "errors" is one record (a source_error);
//   "data" holds a list (one record per element), one order (its first key
//   an order's), or root fields each holding null (none), a list, a
//   connection (the elements of its "nodes" and "edges" lists) or one order;
// - a scalar: one record.
// std::nullopt when the oracle cannot tell: an object with an envelope key
// beside keys that orders carry (detection decides), the document is not valid JSON
// to the DOM parser, or it holds a backslash (the converter matches keys as
// raw bytes, so an escaped key would need the raw text to judge).

// A key some platform's orders carry (its distinctive, read or shared keys).
inline bool is_order_key(std::string_view key) {
  for (const ordernorm::detail::platform_info* p : ordernorm::detail::order_platforms()) {
    for (auto keys : {p->marker_keys, p->order_keys, p->shared_keys}) {
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) return true;
    }
  }
  return false;
}

inline bool is_envelope(std::string_view key) {
  constexpr std::array<std::string_view, 7> keys{
      {"orders", "order", "items", "result", "data", "hits", "errors"}};
  for (std::string_view k : keys) {
    if (k == key) return true;
  }
  return false;
}

// Records in a list value: its elements; null holds none; else one reject.
inline std::uint64_t list_records(simdjson::dom::element value) {
  simdjson::dom::array arr;
  if (value.get_array().get(arr) == simdjson::SUCCESS) return arr.size();
  return value.is_null() ? 0 : 1;
}

inline std::string_view first_key(simdjson::dom::object obj) {
  for (const simdjson::dom::key_value_pair& kv : obj) return kv.key;
  return {};
}

// A GraphQL response's "data" (see above).
inline std::uint64_t response_data_records(simdjson::dom::element data) {
  simdjson::dom::object obj;
  if (data.get_object().get(obj) != simdjson::SUCCESS) return list_records(data);
  if (is_order_key(first_key(obj))) return 1;
  std::uint64_t n = 0;
  for (const simdjson::dom::key_value_pair& root_field : obj) {
    simdjson::dom::object field;
    if (root_field.value.get_object().get(field) != simdjson::SUCCESS) {
      n += list_records(root_field.value);
      continue;
    }
    const std::string_view first = first_key(field);
    if (first != "nodes" && first != "edges" && first != "pageInfo") {
      ++n;  // one order
      continue;
    }
    for (const simdjson::dom::key_value_pair& kv : field) {
      if (kv.key == "nodes" || kv.key == "edges") n += list_records(kv.value);
    }
  }
  return n;
}

inline std::uint64_t response_records(simdjson::dom::object response) {
  std::uint64_t n = 0;
  for (const simdjson::dom::key_value_pair& kv : response) {
    if (kv.key == "errors") {
      simdjson::dom::array errors;
      const bool list = kv.value.get_array().get(errors) == simdjson::SUCCESS;
      if (!list || errors.size() > 0) ++n;
    } else if (kv.key == "data") {
      n += response_data_records(kv.value);
    }
  }
  return n;
}

inline std::optional<std::uint64_t> expected_records(std::string_view doc) {
  if (doc.find('\\') != std::string_view::npos) return std::nullopt;
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(doc.data(), doc.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::array arr;
  if (root.get_array().get(arr) == simdjson::SUCCESS) return arr.size();
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return 1;
  std::string_view envelope;
  bool order_keys = false;
  for (const simdjson::dom::key_value_pair& kv : obj) {
    if (envelope.empty() && is_envelope(kv.key)) {
      envelope = kv.key;
    } else if (is_order_key(kv.key)) {
      order_keys = true;
    }
  }
  if (envelope.empty()) return 1;
  // An envelope key beside keys that orders carry: detection's scores (and
  // the keys' order, as its scan stops once a lead is settled) decide
  // between an order and an envelope; that is not modelled here.
  if (order_keys) return std::nullopt;
  if (envelope == "data" || envelope == "errors") return response_records(obj);
  for (const simdjson::dom::key_value_pair& kv : obj) {
    if (kv.key != envelope) continue;  // the first occurrence decides
    if (kv.value.get_array().get(arr) == simdjson::SUCCESS) return arr.size();
    if (kv.value.is_null()) return 0;
    return 1;
  }
  return 1;  // not reached: the key was seen above
}

}  // namespace fuzz
