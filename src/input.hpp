// The input layer: bytes from a file descriptor, decompressed when they are
// gzip (ISA-L's igzip) or zstd. The format is told by the first bytes (magic
// numbers), never by a file name, so standard input works the same as a file.
// Decompression runs on a thread of its own, a few blocks ahead of the
// reader; a pipe gets a larger pipe buffer and a thread that drains it; a
// regular uncompressed file is mapped, not copied (window()). The reader
// (src/reader.cpp) splits what this produces into documents; offsets there
// are offsets in the decompressed bytes.
//
// Private to ordernorm (src/ only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace ordernorm::detail {

enum class input_format : std::uint8_t { plain, gzip, zstd };

// A source of bytes. read() never throws; after it fails, failed() is true
// and message()/compressed_offset() say what and where.
class byte_source {
 public:
  virtual ~byte_source() = default;

  // Up to `size` bytes into `out`: how many (0 at the end of the input), or
  // -1 on an error. Bytes produced before an error are returned first; the
  // error comes with the next call.
  virtual std::ptrdiff_t read(char* out, std::size_t size) = 0;

  virtual input_format format() const noexcept = 0;

  // A regular uncompressed file is read through a read-only mapping of the
  // whole file instead of read() copies: window(at, size) makes the input's
  // bytes [at, at + size) resident and returns where byte `at` is, or null
  // when the source is not mapped. The bytes before `at` may be released
  // (their pages leave the resident set, so memory stays bounded by the
  // window). After the last byte come at least 4 KiB of readable zeros.
  // size() is the input's size for a mapped source.
  virtual const char* window(std::uint64_t /*at*/, std::size_t /*size*/) { return nullptr; }
  virtual std::uint64_t size() const noexcept { return 0; }
  bool failed() const noexcept { return failed_; }
  const std::string& message() const noexcept { return message_; }
  // Where the error is in the bytes as read from the descriptor (for a
  // compressed input, the compressed bytes).
  std::uint64_t error_offset() const noexcept { return error_offset_; }
  // How many bytes were read from the descriptor so far (compressed ones
  // for a compressed input): for a progress display against the file size.
  virtual std::uint64_t raw_bytes_read() const noexcept = 0;

 protected:
  std::ptrdiff_t fail(std::string message, std::uint64_t offset) {
    failed_ = true;
    message_ = std::move(message);
    error_offset_ = offset;
    return -1;
  }

 private:
  bool failed_ = false;
  std::string message_;
  std::uint64_t error_offset_ = 0;
};

// How open_source reads.
struct source_options {
  // Map a regular uncompressed file (window()) rather than read() it.
  bool map_files = true;
  // Tell gzip and zstd by their first bytes; false reads every input as
  // plain bytes (a part cut from a larger input, whose start told it).
  bool detect_compression = true;
};

// Reads `fd` (closing it at the end when `owned`), telling plain bytes, gzip
// (one member or several, as `cat a.gz b.gz` makes) and zstd (any number of
// frames, skippable ones included) apart by their first bytes. Never null.
std::unique_ptr<byte_source> open_source(int fd, bool owned, source_options opts = {});

// Plain bytes in caller memory, read in place (window()); the memory must
// outlive the source and not change. Null when the bytes start as gzip or
// zstd does (read those through open_source).
std::unique_ptr<byte_source> open_memory(const char* data, std::size_t size,
                                         source_options opts = {});

}  // namespace ordernorm::detail
