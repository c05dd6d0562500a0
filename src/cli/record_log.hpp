// Where rejected records and warnings go (a file as NDJSON, standard error,
// or nowhere for warnings under --quiet), and the summary line's words.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "ordernorm/ordernorm.hpp"
#include "output_files.hpp"
#include "progress.hpp"

namespace ordernorm::cli {

void append_json_string(std::string& out, std::string_view s);

class record_log {
 public:
  // A null file means standard error; `quiet` drops warnings meant for it
  // (never rejects: a reject is always written somewhere).
  record_log(output_file* rejects, output_file* warnings, bool quiet)
      : rejects_(rejects), warnings_(warnings), quiet_(quiet) {}

  void set_input(std::string_view name) { input_ = name; }
  // A progress line to take off standard error before writing there.
  void set_progress(progress* p) { progress_ = p; }
  void reject(const record_error& e, const record_position& where);
  // An order converted but not stored (load): where rejects go, with the
  // code "not_stored".
  void not_stored(std::string_view message, const record_position& where);
  std::uint64_t not_stored_count() const { return not_stored_; }
  void warn(const record_warning& w, const record_position& where);
  bool write_failed() const { return write_failed_; }

  // "; 3 warnings (2 unexpanded_link, 1 other_currency)", the most
  // frequent first; "" without warnings.
  std::string warnings_summary() const;

 private:
  // Every value warning_code's type can hold: no list of codes to keep.
  static constexpr std::size_t codes = std::size_t{1}
                                       << (8 * sizeof(std::underlying_type_t<warning_code>));

  void append_entry(std::string& buf, const record_position& where, std::uint64_t offset,
                    std::string_view pointer, std::string_view code, std::string_view message);
  void failed_record(std::uint64_t offset, std::string_view pointer, std::string_view code,
                     std::string_view message, const record_position& where);

  output_file* rejects_;
  output_file* warnings_;
  bool quiet_;
  std::string input_;
  std::array<std::uint64_t, codes> warning_counts_{};
  bool write_failed_ = false;
  std::uint64_t not_stored_ = 0;
  progress* progress_ = nullptr;
};

// "1 record", "2 records".
std::string count_of(std::uint64_t n, std::string_view singular, std::string_view plural);

}  // namespace ordernorm::cli
