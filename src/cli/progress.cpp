#include "progress.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ordernorm::cli {
namespace {

using std::chrono::steady_clock;
using namespace std::chrono_literals;

// The sum of the inputs' sizes, or 0 when one is not a regular file (a pipe,
// a terminal): then there is no total to tell the time left by.
std::uint64_t total_size(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  auto add = [&](int fd, const std::string* path) {
    struct stat st {};
    const int got = path != nullptr ? ::stat(path->c_str(), &st) : ::fstat(fd, &st);
    if (got != 0) return true;  // it will not open: the run says so, and it adds nothing
    if (!S_ISREG(st.st_mode)) return false;
    total += static_cast<std::uint64_t>(st.st_size);
    return true;
  };
  if (inputs.empty()) return add(0, nullptr) ? total : 0;
  for (const std::string& name : inputs) {
    if (!(name == "-" ? add(0, nullptr) : add(-1, &name))) return 0;
  }
  return total;
}

std::string duration_text(std::uint64_t seconds) {
  if (seconds >= 3600) {
    return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

}  // namespace

std::optional<progress_when> progress_when_from_name(std::string_view name) {
  if (name == "never") return progress_when::never;
  if (name == "auto") return progress_when::automatic;
  if (name == "always") return progress_when::always;
  return std::nullopt;
}

progress::progress(progress_when when, bool quiet, const std::vector<std::string>& inputs,
                   std::FILE* out)
    : out_(out) {
  on_ = when == progress_when::always ||
        (when == progress_when::automatic && !quiet && ::isatty(::fileno(out)) == 1);
  if (!on_) return;
  total_ = total_size(inputs);
  start_ = steady_clock::now();
  last_look_ = start_;
  last_draw_ = start_ - 1s;
}

void progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
  shown_ = false;
}

void progress::look(std::uint64_t input_bytes, std::uint64_t records) {
  const auto now = steady_clock::now();
  // Looks about every 10 ms, whatever a document costs: a clock read is
  // ~20 ns, a document of orders some microseconds.
  const auto since = now - last_look_;
  if (since < 5ms && stride_ < 4096) {
    stride_ *= 2;
  } else if (since > 20ms && stride_ > 1) {
    stride_ /= 2;
  }
  last_look_ = now;
  next_look_ = calls_ + stride_;
  if (now - last_draw_ < 250ms) return;
  last_draw_ = now;

  const std::uint64_t bytes = done_bytes_ + input_bytes;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds >= 0.1 ? static_cast<double>(bytes) / seconds : 0;  // bytes/s
  line_ = "\r\033[K";
  auto to = std::back_inserter(line_);
  if (total_ > 0) {
    const std::uint64_t shown = bytes < total_ ? bytes : total_;
    fmt::format_to(to, "{:.1f} of {:.1f} MB ({}%)", static_cast<double>(shown) / 1e6,
                   static_cast<double>(total_) / 1e6, shown * 100 / total_);
  } else {
    fmt::format_to(to, "{:.1f} MB", static_cast<double>(bytes) / 1e6);
  }
  fmt::format_to(to, ", {} records", records);
  if (rate > 0) {
    fmt::format_to(to, ", {:.1f} MB/s", rate / 1e6);
    if (total_ > bytes) {
      const auto left = static_cast<std::uint64_t>(static_cast<double>(total_ - bytes) / rate);
      fmt::format_to(to, ", {} left", duration_text(left));
    }
  }
  std::fwrite(line_.data(), 1, line_.size(), out_);
  std::fflush(out_);
  shown_ = true;
}

}  // namespace ordernorm::cli
