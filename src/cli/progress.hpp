// --progress: a one-line display on standard error of how far a run is:
// bytes read (of the total, when the inputs are regular files), records,
// MB/s and the time left. Redrawn in place at most 4 times a second and
// cleared before anything else is written there (a reject, the summary), so
// it never mixes with them; nothing reaches standard output or any file.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ordernorm::cli {

// auto: only when standard error is a terminal (and not under --quiet).
enum class progress_when : std::uint8_t { never, automatic, always };

std::optional<progress_when> progress_when_from_name(std::string_view name);

class progress {
 public:
  // Off unless `when` (and, for automatic, `out` being a terminal) says on.
  // `inputs`: the run's files ("-" standard input), for the total.
  progress(progress_when when, bool quiet, const std::vector<std::string>& inputs,
           std::FILE* out = stderr);
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;
  ~progress() { clear(); }

  explicit operator bool() const noexcept { return on_; }

  // After each document: bytes read from the current input (as reader::
  // bytes_read says) and records so far in the run. The clock is looked at
  // every few calls only, not per record.
  void update(std::uint64_t input_bytes, std::uint64_t records) {
    if (++calls_ < next_look_) return;
    look(input_bytes, records);
  }
  // The current input is read to its end: its bytes count as done.
  void input_done(std::uint64_t input_bytes) { done_bytes_ += input_bytes; }

  // Takes the line off the screen (before other output on the same
  // stream); the next update draws it again.
  void clear();

 private:
  void look(std::uint64_t input_bytes, std::uint64_t records);

  std::FILE* out_;
  bool on_ = false;
  bool shown_ = false;
  std::uint64_t total_ = 0;  // 0: not known (a pipe among the inputs)
  std::uint64_t done_bytes_ = 0;
  std::uint64_t calls_ = 0;
  std::uint64_t next_look_ = 1;  // the first document draws the line
  std::uint64_t stride_ = 16;    // calls between looks at the clock
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_look_;
  std::chrono::steady_clock::time_point last_draw_;
  std::string line_;
};

}  // namespace ordernorm::cli
