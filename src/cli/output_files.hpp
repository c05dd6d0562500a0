// The run's output files (-o, --rejects, --warnings), written so that a run
// never destroys data: a regular file is written to a temporary file beside
// it and renamed onto it only when the run ends normally, and an output that
// is an input or another output is refused before anything is opened.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ordernorm::cli {

// One output as the user named it: the option ("-o") and its path ("-" is
// standard output).
struct named_output {
  std::string_view option;
  std::string path;
};

// Checks, before anything is opened or read, that every input exists and
// can be read as a file, and that no output is an input or another output
// (the same regular file by device and inode, or the same path when it does
// not exist yet; "-" twice). Devices, FIFOs and terminals may be shared.
// Returns what to tell the user when the run must not start.
std::optional<std::string> check_files(const std::vector<std::string>& inputs,
                                       const std::vector<named_output>& outputs);

// Buffered output to standard output, to a file written in place (a device,
// a FIFO, /dev/stdout), or to a temporary file that commit() renames onto the
// regular file named. Without commit() (a failed run), the temporary file is
// removed and the named file is left as it was. Every output of a run is
// finished before any is committed, so that a write error on one leaves all
// the named files as they were.
class output_file {
 public:
  output_file() = default;
  ~output_file() { discard(); }
  output_file(const output_file&) = delete;
  output_file& operator=(const output_file&) = delete;

  // Opens `path` ("-": standard output); on failure returns the message.
  std::optional<std::string> open(const std::string& path);

  std::string& buffer() { return buffer_; }
  // Writes the buffer out once it is large; false on a write error.
  bool maybe_flush() { return buffer_.size() < (std::size_t{1} << 20) || flush(); }
  bool flush();
  // Writes out what is buffered and closes the file; a temporary file is
  // synced first (once renamed it must not turn up empty after a crash).
  // Then only commit() is left. Returns the message on failure.
  std::optional<std::string> finish();
  // Puts the temporary file, finished, in place of the named one. Returns
  // the message on failure, when the named file is left as it was.
  std::optional<std::string> commit();
  // Removes the temporary file; the named file is left as it was. Returns
  // whether a temporary file was removed (the named file is not written).
  bool discard();
  // The message for the last write error, naming the file.
  std::string write_error() const;
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  bool owned_ = false;    // fd_ is ours to close (not standard output)
  std::string path_;      // as given, for messages
  std::string target_;    // what temp_ is renamed onto (symbolic links resolved)
  std::string temp_;      // empty when writing in place
  int signal_slot_ = -1;  // where the signal handler finds temp_ (see .cpp)
  std::string buffer_;
  int write_errno_ = 0;
};

}  // namespace ordernorm::cli
