#include "output_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>

namespace ordernorm::cli {
namespace {

std::string shown(const std::string& path) { return path == "-" ? "standard output" : path; }

std::string cannot_write(const std::string& path, int error) {
  return fmt::format("cannot write {}: {}", shown(path), std::strerror(error));
}

// Which file a path is, for telling two names of one file apart: a regular
// file by device and inode, a file yet to be created by its canonical path.
// Anything else (a device, a FIFO, a terminal, a pipe) may be shared.
struct identity {
  bool comparable = false;
  dev_t device = 0;
  ino_t inode = 0;
  std::string new_path;  // set for a file yet to be created
};

bool same_file(const identity& a, const identity& b) {
  if (!a.comparable || !b.comparable) return false;
  if (!a.new_path.empty() || !b.new_path.empty()) return a.new_path == b.new_path;
  return a.device == b.device && a.inode == b.inode;
}

identity of(const struct stat& st) {
  identity id;
  if (S_ISREG(st.st_mode)) {
    id.comparable = true;
    id.device = st.st_dev;
    id.inode = st.st_ino;
  }
  return id;
}

identity of_descriptor(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 ? of(st) : identity{};
}

// A path the kernel resolves to an already open descriptor: written where the
// descriptor points, never replaced.
bool names_a_descriptor(std::string_view path) {
  return path == "/dev/stdout" || path == "/dev/stderr" || path.starts_with("/dev/fd/") ||
         path.starts_with("/proc/");
}

// "-o out.ndjson", "--rejects - (standard output)".
std::string described(const named_output& out) {
  return fmt::format("{} {}{}", out.option, out.path, out.path == "-" ? " (standard output)" : "");
}

// Temporary files are removed when a signal ends the run (Ctrl-C, kill, a
// reader of standard output gone): otherwise a hidden file as large as the
// output is left behind. A signal handler reaches only static storage and
// may only call async-signal-safe functions, hence this one piece of
// process-wide state: fixed buffers, a flag per slot, unlink().
struct pending_temporary {
  char path[PATH_MAX];
  volatile std::sig_atomic_t set;
};
pending_temporary pending[8];

void remove_temporaries(int signal) {
  for (const pending_temporary& p : pending) {
    if (p.set != 0) ::unlink(p.path);
  }
  // SA_RESETHAND restored the default action: end as the signal would have.
  ::raise(signal);
}

// Returns the slot that holds `path` (-1 when none is free or it is too
// long: the file is then only not removed on a signal).
int remove_on_signal(const std::string& path) {
  for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction current {};
    // A signal the caller ignores (nohup) stays ignored; installed once.
    if (::sigaction(signal, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) continue;
    struct sigaction action {};
    action.sa_handler = remove_temporaries;
    action.sa_flags = SA_RESETHAND;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
  }
  for (std::size_t i = 0; i < std::size(pending); ++i) {
    if (pending[i].set == 0 && path.size() < sizeof pending[i].path) {
      std::memcpy(pending[i].path, path.c_str(), path.size() + 1);
      pending[i].set = 1;
      return static_cast<int>(i);
    }
  }
  return -1;
}

void keep_on_signal(int& slot) {
  if (slot >= 0) pending[slot].set = 0;
  slot = -1;
}

}  // namespace

std::optional<std::string> check_files(const std::vector<std::string>& inputs,
                                       const std::vector<named_output>& outputs) {
  std::vector<std::pair<std::string, identity>> read;
  for (const std::string& name : inputs.empty() ? std::vector<std::string>{"-"} : inputs) {
    if (name == "-") {
      read.emplace_back("standard input", of_descriptor(STDIN_FILENO));
      continue;
    }
    struct stat st {};
    if (::stat(name.c_str(), &st) != 0 ||
        (!S_ISDIR(st.st_mode) && ::access(name.c_str(), R_OK) != 0)) {
      return fmt::format("cannot open {}: {}", name, std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) return fmt::format("cannot read {}: {}", name, std::strerror(EISDIR));
    read.emplace_back(name, of(st));
  }

  std::vector<std::pair<const named_output*, identity>> written;
  for (const named_output& out : outputs) {
    identity id;
    if (out.path == "-") {
      id = of_descriptor(STDOUT_FILENO);
    } else if (struct stat st{}; ::stat(out.path.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) return cannot_write(out.path, EISDIR);
      id = of(st);
    } else if (errno == ENOENT) {
      // Not there yet: its directory's real path and its name.
      const std::filesystem::path p(out.path);
      const std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
      char* real = ::realpath(dir.c_str(), nullptr);
      if (real == nullptr) return cannot_write(out.path, errno);
      id.comparable = true;
      id.new_path = std::string(real) + "/" + p.filename().string();
      std::free(real);
    } else {
      return cannot_write(out.path, errno);
    }
    for (const auto& [name, input] : read) {
      if (same_file(id, input)) {
        return fmt::format("{} is the input {}: refusing to overwrite an input", described(out),
                           name);
      }
    }
    for (const auto& [other, other_id] : written) {
      if (same_file(id, other_id) || (out.path == "-" && other->path == "-")) {
        return fmt::format("{} and {} are the same file: refusing to write both into it",
                           described(*other), described(out));
      }
    }
    written.emplace_back(&out, id);
  }
  return std::nullopt;
}

std::optional<std::string> output_file::open(const std::string& path) {
  path_ = path;
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    return std::nullopt;
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if ((exists && !S_ISREG(st.st_mode)) || names_a_descriptor(path)) {
    // Cannot be replaced by a rename. Appending keeps what a shell's `>>`
    // behind /dev/stdout already holds; devices and FIFOs ignore it.
    fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd_ < 0) return cannot_write(path, errno);
    owned_ = true;
    return std::nullopt;
  }

  // A rename would replace a file the user may not write: refuse as opening
  // it would.
  if (exists && ::access(path.c_str(), W_OK) != 0) return cannot_write(path, errno);
  target_ = path;
  struct stat link {};
  if (exists && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    // Replace the file the link names, not the link.
    char* real = ::realpath(path.c_str(), nullptr);
    if (real == nullptr) return cannot_write(path, errno);
    target_ = real;
    std::free(real);
  }
  // Beside the target: the same file system, so that rename() is atomic.
  const std::filesystem::path target(target_);
  const std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
  temp_ = dir + "/." + target.filename().string().substr(0, 200) + ".ordernorm-XXXXXX";
  fd_ = ::mkostemp(temp_.data(), O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    temp_.clear();
    if (!exists) return cannot_write(path, error);
    return fmt::format("cannot write {}: cannot create a temporary file beside it: {}", path,
                       std::strerror(error));
  }
  owned_ = true;
  signal_slot_ = remove_on_signal(temp_);
  // mkstemp gives 0600: give what opening the file would have, the existing
  // file's mode (and, when allowed, owner), or 0666 less the umask.
  mode_t mode = 0;
  if (exists) {
    if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) {
      (void)!::fchown(fd_, st.st_uid, st.st_gid);  // only root may; a best effort
    }
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);  // reading the umask means setting it
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd_, mode) != 0) {
    const int error = errno;
    discard();
    return cannot_write(path, error);
  }
  return std::nullopt;
}

bool output_file::flush() {
  if (write_errno_ != 0) return false;
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0 && fd_ >= 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      write_errno_ = errno;
      buffer_.clear();  // the run has failed; do not keep growing it
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  buffer_.clear();
  return true;
}

std::optional<std::string> output_file::finish() {
  if (!flush()) return write_error();  // the caller discards
  if (!owned_) return std::nullopt;    // standard output stays open
  int error = temp_.empty() || ::fsync(fd_) == 0 ? 0 : errno;
  if (::close(fd_) != 0 && error == 0) error = errno;  // NFS reports write errors here
  owned_ = false;
  fd_ = -1;
  if (error != 0) return cannot_write(path_, error);
  return std::nullopt;
}

std::optional<std::string> output_file::commit() {
  if (temp_.empty()) return std::nullopt;
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    const int error = errno;
    discard();
    return cannot_write(path_, error);
  }
  keep_on_signal(signal_slot_);
  temp_.clear();
  return std::nullopt;
}

bool output_file::discard() {
  if (owned_) ::close(fd_);
  owned_ = false;
  fd_ = -1;
  if (temp_.empty()) return false;
  ::unlink(temp_.c_str());
  keep_on_signal(signal_slot_);
  temp_.clear();
  return true;
}

std::string output_file::write_error() const { return cannot_write(path_, write_errno_); }

}  // namespace ordernorm::cli
