#include "record_log.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <vector>

namespace ordernorm::cli {

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", u);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void record_log::append_entry(std::string& buf, const record_position& where, std::uint64_t offset,
                              std::string_view pointer, std::string_view code,
                              std::string_view message) {
  buf += "{\"input\":";
  append_json_string(buf, input_);
  fmt::format_to(std::back_inserter(buf), ",\"record\":{},\"offset\":{},\"pointer\":", where.index,
                 offset);
  append_json_string(buf, pointer);
  buf += ",\"code\":";
  append_json_string(buf, code);
  buf += ",\"message\":";
  append_json_string(buf, message);
  buf += "}\n";
}

void record_log::reject(const record_error& e, const record_position& where) {
  failed_record(e.byte_offset, e.json_pointer, to_string(e.code), e.message, where);
}

void record_log::not_stored(std::string_view message, const record_position& where) {
  ++not_stored_;
  failed_record(where.byte_offset, "", "not_stored", message, where);
}

void record_log::failed_record(std::uint64_t offset, std::string_view pointer,
                               std::string_view code, std::string_view message,
                               const record_position& where) {
  if (rejects_ == nullptr) {
    if (progress_ != nullptr) progress_->clear();
    fmt::print(stderr, "ordernorm: {}: record {} (byte {}){}{}: {}: {}\n", input_, where.index,
               offset, pointer.empty() ? "" : " at ", pointer, code, message);
    return;
  }
  append_entry(rejects_->buffer(), where, offset, pointer, code, message);
  if (!rejects_->maybe_flush()) write_failed_ = true;
}

void record_log::warn(const record_warning& w, const record_position& where) {
  const auto code = static_cast<std::size_t>(w.code);
  ++warning_counts_[code];
  if (warnings_ != nullptr) {
    // A warning has no offset of its own: the record's.
    append_entry(warnings_->buffer(), where, where.byte_offset, w.json_pointer, to_string(w.code),
                 w.message);
    if (!warnings_->maybe_flush()) write_failed_ = true;
  } else if (!quiet_) {
    if (progress_ != nullptr) progress_->clear();
    fmt::print(stderr, "ordernorm: {}: record {} (byte {}){}{}: warning: {}: {}\n", input_,
               where.index, where.byte_offset, w.json_pointer.empty() ? "" : " at ", w.json_pointer,
               to_string(w.code), w.message);
  }
}

std::string record_log::warnings_summary() const {
  std::vector<std::size_t> order;
  std::uint64_t total = 0;
  for (std::size_t c = 0; c < codes; ++c) {
    if (warning_counts_[c] == 0) continue;
    order.push_back(c);
    total += warning_counts_[c];
  }
  if (total == 0) return {};
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return warning_counts_[a] > warning_counts_[b];
  });
  std::string out = "; " + count_of(total, "warning", "warnings") + " (";
  for (std::size_t i = 0; i < order.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "{}{} {}", i == 0 ? "" : ", ",
                   warning_counts_[order[i]], to_string(static_cast<warning_code>(order[i])));
  }
  return out + ")";
}

std::string count_of(std::uint64_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

}  // namespace ordernorm::cli
