// Helpers shared by the tests: run a converter over a text and collect what
// comes out.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/ordernorm.hpp"

namespace ordernorm::testing {

struct reject_entry {
  record_error error;
  record_position where;
};

struct conversion {
  std::string ndjson;  // one written order per line
  std::vector<reject_entry> rejects;
  std::vector<record_warning> warnings;
  std::uint64_t records = 0;
  std::uint64_t converted = 0;
};

class collecting_sink final : public order_sink {
 public:
  explicit collecting_sink(conversion& out) : out_(out) {}
  void on_order(const order& o, const record_position&) override {
    write_json(o, out_.ndjson);
    out_.ndjson.push_back('\n');
  }
  void on_reject(const record_error& e, const record_position& where) override {
    out_.rejects.push_back({e, where});
  }
  void on_warning(const record_warning& w, const record_position&) override {
    out_.warnings.push_back(w);
  }

 private:
  conversion& out_;
};

// Hands each converted order to `check` (its views die after the call) and
// collects warnings and rejects; the platform rule tests run it under both
// mappers.
class order_probe final : public order_sink {
 public:
  explicit order_probe(const std::function<void(const order&)>& check) : check_(check) {}
  void on_order(const order& o, const record_position&) override {
    ++orders;
    check_(o);
  }
  void on_warning(const record_warning& w, const record_position&) override {
    warnings.push_back(w);
  }
  void on_reject(const record_error& e, const record_position& where) override {
    rejects.push_back({e, where});
  }
  int orders = 0;
  std::vector<record_warning> warnings;
  std::vector<reject_entry> rejects;

 private:
  const std::function<void(const order&)>& check_;
};

inline options options_for(std::optional<platform> from, mapper m) {
  options o;
  o.from = from;
  o.mapper = m;
  return o;
}

// Converts one whole document (or NDJSON text, line by line, as the reader
// would split it) with the given options.
inline conversion convert_text(std::string_view text, options opts = {}) {
  conversion out;
  collecting_sink sink(out);
  converter conv(opts);
  conv.convert(text, sink);
  out.records = conv.records();
  out.converted = conv.converted();
  return out;
}

inline conversion convert_lines(std::string_view text, options opts = {}) {
  conversion out;
  collecting_sink sink(out);
  converter conv(opts);
  std::size_t offset = 0;
  while (offset < text.size()) {
    std::size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(offset, end - offset);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) conv.convert(line, sink, offset);
    offset = end + 1;
  }
  out.records = conv.records();
  out.converted = conv.converted();
  return out;
}

// A file in the temporary directory holding `content`, removed with the
// object: for the tests that read through ordernorm::reader as the CLI does.
class scratch_file {
 public:
  explicit scratch_file(std::string_view content)
      : path_(std::filesystem::temp_directory_path() /
              ("ordernorm_test_" + std::to_string(::getpid()) + "_" + std::to_string(count_++))) {
    std::ofstream(path_, std::ios::binary)
        .write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  ~scratch_file() { std::filesystem::remove(path_); }
  scratch_file(const scratch_file&) = delete;
  scratch_file& operator=(const scratch_file&) = delete;
  std::string path() const { return path_.string(); }

 private:
  static inline int count_ = 0;
  std::filesystem::path path_;
};

// Converts every document a reader hands over, as the CLI does (a bulk
// export stitched by the reader, lists streamed), each reject the reader
// could not hand over included; the reader's own failure is left in it.
inline conversion convert_documents(reader& in, options opts = {}) {
  conversion out;
  collecting_sink sink(out);
  converter conv(opts);
  const file_conversion counts = ordernorm::convert_documents(in, conv, sink);
  out.records = counts.records;
  out.converted = counts.converted;
  return out;
}

// A file as the CLI reads it (ordernorm::convert_file); a read failure is
// one more reject.
inline conversion convert_path(const std::filesystem::path& path, options opts = {}) {
  conversion out;
  collecting_sink sink(out);
  const file_conversion r = convert_file(path.string(), sink, opts);
  if (r.failure) out.rejects.push_back({*r.failure, {}});
  out.records = r.records;
  out.converted = r.converted;
  return out;
}

// Writes all of `bytes` to `fd` (a pipe another thread reads); false when a
// write fails (the reader went away).
inline bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What a shell command line did: its exit status (-1 when it did not exit
// normally), and what it wrote to standard output and standard error.
struct command_result {
  int status = -1;
  std::string out;
  std::string err;
};

// A directory of its own in the temporary directory, removed with the
// object: for the tests that run the CLI on files.
class scratch_dir {
 public:
  scratch_dir()
      : path_(std::filesystem::temp_directory_path() /
              ("ordernorm_dir_" + std::to_string(::getpid()) + "_" + std::to_string(count_++))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~scratch_dir() {
    std::error_code ignored;  // a test that made a file unremovable must not throw here
    std::filesystem::remove_all(path_, ignored);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;

  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }
  // The names in the directory, sorted: no temporary file may be left over.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) {
      out.push_back(entry.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  static inline int count_ = 0;
  std::filesystem::path path_;
};

// Runs `command` with /bin/sh, its standard output and standard error read
// apart (a redirection inside `command` applies first).
inline command_result run_shell(const std::string& command) {
  command_result r;
  const scratch_dir dir;
  const std::string err = dir / "stderr";
  std::FILE* pipe = ::popen(("(" + command + ") 2>" + err).c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err);
  return r;
}

// The real public payloads (../shared/, `-DORDERNORM_SHARED_DIR=...`) are not
// part of the repository. A test that needs one names it with
// ORDERNORM_REQUIRE_PAYLOAD: when the file is missing, the test is reported
// as skipped, naming the file, or fails when the environment says this is CI
// (CI=true), where a vanished payload must not pass as green.

// True when the environment variable CI is "true" (as CI services set it,
// and .ci/run does).
inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

// The shared folder: $ORDERNORM_SHARED_DIR when set and not empty, else
// `configured` (the path tests/CMakeLists.txt compiled in).
inline std::filesystem::path shared_dir(const char* configured) {
  const char* env = std::getenv("ORDERNORM_SHARED_DIR");
  return env != nullptr && *env != '\0' ? std::filesystem::path(env)
                                        : std::filesystem::path(configured);
}

#define ORDERNORM_REQUIRE_PAYLOAD(file)                                            \
  do {                                                                             \
    const std::filesystem::path ordernorm_payload_ = (file);                       \
    if (!std::filesystem::exists(ordernorm_payload_)) {                            \
      if (::ordernorm::testing::in_ci()) {                                         \
        FAIL() << "missing payload " << ordernorm_payload_.string()                \
               << " (CI=true: a missing payload fails; see ORDERNORM_SHARED_DIR)"; \
      } else {                                                                     \
        GTEST_SKIP() << "missing payload " << ordernorm_payload_.string();         \
      }                                                                            \
    }                                                                              \
  } while (false)

inline std::string describe(const std::vector<reject_entry>& rejects) {
  std::string out;
  for (const reject_entry& r : rejects) {
    out += "record " + std::to_string(r.where.index) + " at byte " +
           std::to_string(r.error.byte_offset) + " " + r.error.json_pointer + ": " +
           std::string(to_string(r.error.code)) + ": " + r.error.message + "\n";
  }
  return out;
}

}  // namespace ordernorm::testing
