// Plain, gzip and zstd byte sources over a file descriptor (input.hpp).
#include "input.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace ordernorm::detail {
namespace {

// The descriptor, and how many bytes were read from it: the compressed
// offset that errors name.
class descriptor {
 public:
  // `already` bytes were read before (to tell the format).
  descriptor(int fd, bool owned, std::size_t already) : fd_(fd), owned_(owned), total_(already) {}
  ~descriptor() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;

  // As ::read, retried on EINTR.
  std::ptrdiff_t read(void* out, std::size_t size) {
    for (;;) {
      const ssize_t n = ::read(fd_, out, size);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) total_ += static_cast<std::uint64_t>(n);
      return n;
    }
  }
  std::uint64_t total() const noexcept { return total_; }

 private:
  int fd_;
  bool owned_;
  std::uint64_t total_;
};

// Names the offset itself, as the decoders' messages do, so that a caller
// prints the message as it is.
std::string read_failed(std::uint64_t at) {
  return fmt::format("read failed at byte {}: {}", at, std::strerror(errno));
}

// The first bytes, read to tell the format, are handed out again first.
struct sniffed {
  unsigned char bytes[4] = {};
  std::size_t size = 0;
  bool failed = false;
  std::string message;
};

class plain_source final : public byte_source {
 public:
  plain_source(int fd, bool owned, const sniffed& head) : in_(fd, owned, head.size), head_(head) {}

  std::ptrdiff_t read(char* out, std::size_t size) override {
    if (failed()) return -1;
    if (head_.failed) return fail(head_.message, in_.total());
    if (used_ < head_.size) {
      const std::size_t n = std::min(size, head_.size - used_);
      std::memcpy(out, head_.bytes + used_, n);
      used_ += n;
      return static_cast<std::ptrdiff_t>(n);
    }
    const std::ptrdiff_t n = in_.read(out, size);
    if (n < 0) return fail(read_failed(in_.total()), in_.total());
    return n;
  }
  input_format format() const noexcept override { return input_format::plain; }

 private:
  descriptor in_;
  sniffed head_;
  std::size_t used_ = 0;
};

// Compressed input is read in chunks of this size.
constexpr std::size_t compressed_chunk = std::size_t{128} << 10;

class gzip_source final : public byte_source {
 public:
  gzip_source(int fd, bool owned, const sniffed& head)
      : in_(fd, owned, head.size), buffer_(std::make_unique<unsigned char[]>(compressed_chunk)) {
    std::memcpy(buffer_.get(), head.bytes, head.size);
    // 16 + MAX_WBITS: the gzip wrapper only (not zlib's, not raw deflate).
    ready_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
    z_.next_in = buffer_.get();
    z_.avail_in = static_cast<uInt>(head.size);
  }
  ~gzip_source() override {
    if (ready_) inflateEnd(&z_);
  }

  std::ptrdiff_t read(char* out, std::size_t size) override {
    if (failed()) return -1;
    if (!ready_) return fail("cannot start a gzip decoder (out of memory)", 0);
    // zlib counts in 32 bits.
    size = std::min<std::size_t>(size, std::size_t{1} << 30);
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(size);
    while (z_.avail_out > 0) {
      if (z_.avail_in == 0 && !input_ended_ && !refill()) break;
      if (!in_member_) {
        if (z_.avail_in == 0) break;  // the end, after a whole member
        // More bytes after a member: another member (`cat a.gz b.gz`).
        inflateReset(&z_);
        in_member_ = true;
        after_member_ = true;
        member_start_ = consumed();
      }
      const int status = inflate(&z_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        in_member_ = false;
        continue;
      }
      if (status == Z_OK || (status == Z_BUF_ERROR && z_.avail_in == 0)) {
        // Whatever the input allows has been written: with no input left,
        // the member is cut short.
        if (z_.avail_in == 0 && input_ended_ && z_.avail_out > 0) {
          fail(fmt::format("truncated gzip input: it ends inside a gzip member, at compressed "
                           "byte {}",
                           in_.total()),
               in_.total());
          break;
        }
        continue;
      }
      // Nothing of a later member decoded yet: the bytes are not one.
      const bool not_a_member = after_member_ && z_.total_out == 0;
      const std::uint64_t at = not_a_member ? member_start_ : consumed();
      fail(not_a_member
               ? fmt::format("corrupt gzip input: the bytes at compressed byte {} follow a "
                             "gzip member but are not another one ({})",
                             at, z_.msg != nullptr ? z_.msg : "zlib error")
               : fmt::format("corrupt gzip input at compressed byte {}: {}", at,
                             z_.msg != nullptr ? z_.msg : "zlib error"),
           at);
      break;
    }
    const std::size_t produced = size - z_.avail_out;
    if (produced == 0 && failed()) return -1;
    return static_cast<std::ptrdiff_t>(produced);
  }
  input_format format() const noexcept override { return input_format::gzip; }

 private:
  std::uint64_t consumed() const noexcept { return in_.total() - z_.avail_in; }

  bool refill() {
    const std::ptrdiff_t n = in_.read(buffer_.get(), compressed_chunk);
    if (n < 0) {
      fail(read_failed(in_.total()), in_.total());
      return false;
    }
    if (n == 0) input_ended_ = true;
    z_.next_in = buffer_.get();
    z_.avail_in = static_cast<uInt>(n);
    return true;
  }

  descriptor in_;
  std::unique_ptr<unsigned char[]> buffer_;
  z_stream z_{};
  bool ready_ = false;
  bool input_ended_ = false;
  bool in_member_ = true;           // the input starts with a member's magic
  bool after_member_ = false;       // the current member is not the first
  std::uint64_t member_start_ = 0;  // its compressed offset
};

class zstd_source final : public byte_source {
 public:
  zstd_source(int fd, bool owned, const sniffed& head)
      : in_(fd, owned, head.size),
        buffer_(std::make_unique<unsigned char[]>(compressed_chunk)),
        dctx_(ZSTD_createDCtx()) {
    std::memcpy(buffer_.get(), head.bytes, head.size);
    input_ = ZSTD_inBuffer{buffer_.get(), head.size, 0};
  }
  ~zstd_source() override { ZSTD_freeDCtx(dctx_); }

  std::ptrdiff_t read(char* out, std::size_t size) override {
    if (failed()) return -1;
    if (dctx_ == nullptr) return fail("cannot start a zstd decoder (out of memory)", 0);
    ZSTD_outBuffer output{out, size, 0};
    while (output.pos < output.size) {
      if (input_.pos == input_.size && !input_ended_ && !refill()) break;
      const bool no_input = input_.pos == input_.size;
      if (no_input && hint_ == 0) break;  // the end, after a whole frame
      const std::size_t before = output.pos;
      const std::size_t hint = ZSTD_decompressStream(dctx_, &output, &input_);
      if (ZSTD_isError(hint)) {
        const std::uint64_t at = in_.total() - (input_.size - input_.pos);
        fail(fmt::format("corrupt zstd input at compressed byte {}: {}", at,
                         ZSTD_getErrorName(hint)),
             at);
        break;
      }
      hint_ = hint;
      // Without input, a decoder that writes nothing more is waiting for
      // the rest of a frame that never comes.
      if (no_input && output.pos == before && hint_ != 0) {
        fail(fmt::format("truncated zstd input: it ends inside a zstd frame, at compressed "
                         "byte {}",
                         in_.total()),
             in_.total());
        break;
      }
    }
    if (output.pos == 0 && failed()) return -1;
    return static_cast<std::ptrdiff_t>(output.pos);
  }
  input_format format() const noexcept override { return input_format::zstd; }

 private:
  bool refill() {
    const std::ptrdiff_t n = in_.read(buffer_.get(), compressed_chunk);
    if (n < 0) {
      fail(read_failed(in_.total()), in_.total());
      return false;
    }
    if (n == 0) input_ended_ = true;
    input_ = ZSTD_inBuffer{buffer_.get(), static_cast<std::size_t>(n), 0};
    return true;
  }

  descriptor in_;
  std::unique_ptr<unsigned char[]> buffer_;
  ZSTD_DCtx* dctx_;
  ZSTD_inBuffer input_{};
  bool input_ended_ = false;
  std::size_t hint_ = 1;  // 0 once a frame is whole; the input starts one
};

// gzip: 1f 8b (RFC 1952). zstd: a frame, 28 b5 2f fd, or a skippable frame,
// 5? 2a 4d 18 (RFC 8878; pzstd starts with one). No JSON text starts so:
// 0x1f is a control character, '(' and 'P'-'_' are not JSON.
input_format detect(const sniffed& head) {
  const unsigned char* b = head.bytes;
  if (head.size >= 2 && b[0] == 0x1f && b[1] == 0x8b) return input_format::gzip;
  if (head.size >= 4 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd && b[0] == 0x28) {
    return input_format::zstd;
  }
  if (head.size >= 4 && (b[0] & 0xf0) == 0x50 && b[1] == 0x2a && b[2] == 0x4d && b[3] == 0x18) {
    return input_format::zstd;
  }
  return input_format::plain;
}

}  // namespace

std::unique_ptr<byte_source> open_source(int fd, bool owned) {
  sniffed head;
  while (head.size < sizeof head.bytes) {
    const ssize_t n = ::read(fd, head.bytes + head.size, sizeof head.bytes - head.size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      head.failed = true;
      head.message = read_failed(head.size);
      break;
    }
    if (n == 0) break;
    head.size += static_cast<std::size_t>(n);
  }
  switch (head.failed ? input_format::plain : detect(head)) {
    case input_format::gzip:
      return std::make_unique<gzip_source>(fd, owned, head);
    case input_format::zstd:
      return std::make_unique<zstd_source>(fd, owned, head);
    case input_format::plain:
      break;
  }
  return std::make_unique<plain_source>(fd, owned, head);
}

}  // namespace ordernorm::detail
