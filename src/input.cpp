// Plain, mapped, gzip and zstd byte sources over a file descriptor, and the
// thread that runs a decoder (or drains a pipe) ahead of the reader
// (input.hpp).
#include "input.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <isa-l/igzip_lib.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>

#include "ordernorm/padding.hpp"

namespace ordernorm::detail {
namespace {

// The descriptor, and how many bytes were read from it: the compressed
// offset that errors name.
class descriptor {
 public:
  // `already` bytes were read before (to tell the format). A read waits for
  // `wake` too when it is a descriptor (a pipe's writer may never write
  // again, and the thread that reads must still stop when told to).
  descriptor(int fd, bool owned, std::size_t already, int wake = -1)
      : fd_(fd), owned_(owned), wake_(wake), total_(already) {}
  ~descriptor() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;

  // As ::read, retried on EINTR; 0 also when woken (stopped).
  std::ptrdiff_t read(void* out, std::size_t size) {
    for (;;) {
      if (wake_ >= 0) {
        pollfd both[2] = {{fd_, POLLIN, 0}, {wake_, POLLIN, 0}};
        if (::poll(both, 2, -1) < 0) {
          if (errno == EINTR) continue;
          return -1;
        }
        if (both[1].revents != 0) return 0;
      }
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
  int wake_;
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
  plain_source(int fd, bool owned, const sniffed& head, int wake = -1)
      : in_(fd, owned, head.size, wake), head_(head) {}

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
  std::uint64_t raw_bytes_read() const noexcept override { return in_.total(); }

 private:
  descriptor in_;
  sniffed head_;
  std::size_t used_ = 0;
};

// A regular uncompressed file, mapped whole (address space only: pages
// become resident as window() asks for them and leave as it moves on).
// An anonymous page follows the file's last page, so that the padding after
// the last byte is readable zeros even when the file ends on a page boundary.
class mapped_source final : public byte_source {
 public:
  // Null when the file cannot be mapped (then it is read()).
  static std::unique_ptr<mapped_source> map(int fd, bool owned, std::uint64_t from,
                                            std::uint64_t file_size) {
    const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    const std::uint64_t start = from / page * page;
    const std::uint64_t length = file_size - start;
    const std::uint64_t reserved = (length + page - 1) / page * page + page;
    void* area =
        ::mmap(nullptr, reserved, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (area == MAP_FAILED) return nullptr;
    if (::mmap(area, length, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, static_cast<off_t>(start)) ==
        MAP_FAILED) {
      ::munmap(area, reserved);
      return nullptr;
    }
    ::madvise(area, length, MADV_SEQUENTIAL);
    auto* base = static_cast<char*>(area);
    return std::unique_ptr<mapped_source>(new mapped_source(
        fd, owned, base, reserved, base + (from - start), from, file_size - from, page));
  }
  ~mapped_source() override {
    ::munmap(base_, reserved_);
    if (owned_) ::close(fd_);
  }
  mapped_source(const mapped_source&) = delete;
  mapped_source& operator=(const mapped_source&) = delete;

  std::ptrdiff_t read(char* out, std::size_t size) override {
    const char* at = window(position_, size);
    const std::size_t n =
        static_cast<std::size_t>(std::min<std::uint64_t>(size, size_ - position_));
    std::memcpy(out, at, n);
    position_ += n;
    reached_ = std::max(reached_, position_);
    return static_cast<std::ptrdiff_t>(n);
  }
  input_format format() const noexcept override { return input_format::plain; }
  // The bytes before the mapping, and as far as window() or read() went.
  std::uint64_t raw_bytes_read() const noexcept override { return from_ + reached_; }

  const char* window(std::uint64_t at, std::size_t size) override {
    at = std::min(at, size_);
    const std::uint64_t end = std::min<std::uint64_t>(size_ - at, size) + at;
    reached_ = std::max(reached_, end);
    // Offsets from base_ (page-aligned).
    const auto lead = static_cast<std::uint64_t>(data_ - base_);
    // Consumed pages leave the resident set, a few MiB at a time.
    const std::uint64_t done = (lead + at) / page_ * page_;
    if (done >= released_ + release_step) {
      ::madvise(base_ + released_, done - released_, MADV_DONTNEED);
      released_ = done;
    }
    // The window's pages are mapped in one call rather than a fault each
    // (Linux 5.14; elsewhere faults do it).
    const std::uint64_t want = (lead + end + page_ - 1) / page_ * page_;
    const std::uint64_t from = std::max(populated_, done);
    if (populate_ && want > from) {
      if (::madvise(base_ + from, want - from, MADV_POPULATE_READ) != 0 && errno == EINVAL) {
        populate_ = false;
      }
      populated_ = want;
    }
    return data_ + at;
  }
  std::uint64_t size() const noexcept override { return size_; }

 private:
  static constexpr std::uint64_t release_step = std::uint64_t{4} << 20;

  mapped_source(int fd, bool owned, char* base, std::uint64_t reserved, char* data,
                std::uint64_t from, std::uint64_t size, std::uint64_t page)
      : fd_(fd),
        owned_(owned),
        base_(base),
        reserved_(reserved),
        data_(data),
        from_(from),
        size_(size),
        page_(page) {}

  int fd_;
  bool owned_;
  char* base_;
  std::uint64_t reserved_;
  char* data_;          // the byte the source starts at (the descriptor's offset)
  std::uint64_t from_;  // that offset
  std::uint64_t size_;
  std::uint64_t page_;
  std::uint64_t position_ = 0;   // read()'s
  std::uint64_t reached_ = 0;    // the furthest byte read() or window() reached
  std::uint64_t released_ = 0;   // from base_: pages before it are released
  std::uint64_t populated_ = 0;  // from base_: pages before it are mapped
  bool populate_ = true;
};

// Compressed input is read in chunks of this size.
constexpr std::size_t compressed_chunk = std::size_t{128} << 10;

const char* isal_error(int code) {
  switch (code) {
    case ISAL_INVALID_BLOCK:
      return "invalid deflate block";
    case ISAL_INVALID_SYMBOL:
      return "invalid deflate symbol";
    case ISAL_INVALID_LOOKBACK:
      return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER:
      return "invalid gzip header";
    case ISAL_UNSUPPORTED_METHOD:
      return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM:
      return "incorrect data check";
    case ISAL_NEED_DICT:
      return "a preset dictionary is needed";
    default:
      return "igzip error";
  }
}

// gzip through ISA-L's igzip: members one after another, each checked
// (header, CRC-32 and length) by igzip itself.
class gzip_source final : public byte_source {
 public:
  gzip_source(int fd, bool owned, const sniffed& head, int wake = -1)
      : in_(fd, owned, head.size, wake),
        buffer_(std::make_unique<unsigned char[]>(compressed_chunk)),
        state_(std::make_unique<inflate_state>()) {
    std::memcpy(buffer_.get(), head.bytes, head.size);
    start_member();
    state_->next_in = buffer_.get();
    state_->avail_in = static_cast<std::uint32_t>(head.size);
  }

  std::ptrdiff_t read(char* out, std::size_t size) override {
    if (failed()) return -1;
    inflate_state& z = *state_;
    // igzip counts in 32 bits.
    size = std::min<std::size_t>(size, std::size_t{1} << 30);
    z.next_out = reinterpret_cast<std::uint8_t*>(out);
    z.avail_out = static_cast<std::uint32_t>(size);
    while (z.avail_out > 0) {
      if (z.avail_in == 0 && !input_ended_ && !refill()) break;
      if (!in_member_) {
        if (z.avail_in == 0) break;  // the end, after a whole member
        // More bytes after a member: another member (`cat a.gz b.gz`), which
        // starts with the magic number.
        if (z.avail_in < 2 && !input_ended_ && !refill()) break;
        member_start_ = consumed();
        if (z.next_in[0] != 0x1f || (z.avail_in > 1 && z.next_in[1] != 0x8b)) {
          fail(fmt::format("corrupt gzip input: the bytes at compressed byte {} follow a "
                           "gzip member but are not another one (incorrect header check)",
                           member_start_),
               member_start_);
          break;
        }
        start_member();
      }
      const std::uint32_t in_before = z.avail_in;
      const std::uint32_t out_before = z.avail_out;
      const int status = isal_inflate(&z);
      member_out_ += out_before - z.avail_out;
      if (status != ISAL_DECOMP_OK) {
        // Nothing of a later member decoded yet: the bytes are not one.
        const bool not_a_member = member_start_ > 0 && member_out_ == 0;
        const std::uint64_t at = not_a_member ? member_start_ : consumed();
        fail(not_a_member
                 ? fmt::format("corrupt gzip input: the bytes at compressed byte {} follow a "
                               "gzip member but are not another one ({})",
                               at, isal_error(status))
                 : fmt::format("corrupt gzip input at compressed byte {}: {}", at,
                               isal_error(status)),
             at);
        break;
      }
      if (z.block_state == ISAL_BLOCK_FINISH) {
        in_member_ = false;
        continue;
      }
      if (z.avail_in == in_before && z.avail_out == out_before) {
        // igzip wrote what the input allows and wants more: with none
        // coming, the member is cut short.
        if (input_ended_) {
          fail(fmt::format("truncated gzip input: it ends inside a gzip member, at compressed "
                           "byte {}",
                           in_.total()),
               in_.total());
          break;
        }
        if (!refill()) break;
      }
    }
    const std::size_t produced = size - z.avail_out;
    if (produced == 0 && failed()) return -1;
    return static_cast<std::ptrdiff_t>(produced);
  }
  input_format format() const noexcept override { return input_format::gzip; }
  std::uint64_t raw_bytes_read() const noexcept override { return in_.total(); }

 private:
  // The compressed bytes igzip has taken. After some errors igzip leaves
  // avail_in wrapped below zero (0xFFFFFFFF, found by fuzz_input), which is
  // more than a refill ever gives it: then every byte read so far.
  std::uint64_t consumed() const noexcept {
    const std::uint64_t left = state_->avail_in <= compressed_chunk ? state_->avail_in : 0;
    return in_.total() - left;
  }

  void start_member() {
    isal_inflate_reset(state_.get());
    state_->crc_flag = ISAL_GZIP;  // igzip reads the header and checks the trailer
    in_member_ = true;
    member_out_ = 0;
  }

  // Keeps what igzip left unread (a header cut by the chunk's end) in front
  // of the next chunk.
  bool refill() {
    inflate_state& z = *state_;
    const std::size_t kept = z.avail_in;
    if (kept > 0 && z.next_in != buffer_.get()) std::memmove(buffer_.get(), z.next_in, kept);
    const std::ptrdiff_t n = in_.read(buffer_.get() + kept, compressed_chunk - kept);
    if (n < 0) {
      fail(read_failed(in_.total()), in_.total());
      return false;
    }
    if (n == 0) input_ended_ = true;
    z.next_in = buffer_.get();
    z.avail_in = static_cast<std::uint32_t>(kept + static_cast<std::size_t>(n));
    return true;
  }

  descriptor in_;
  std::unique_ptr<unsigned char[]> buffer_;
  std::unique_ptr<inflate_state> state_;  // about 100 KiB
  bool input_ended_ = false;
  bool in_member_ = true;
  std::uint64_t member_start_ = 0;  // its compressed offset
  std::uint64_t member_out_ = 0;    // bytes the current member produced
};

class zstd_source final : public byte_source {
 public:
  zstd_source(int fd, bool owned, const sniffed& head, int wake = -1)
      : in_(fd, owned, head.size, wake),
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
  std::uint64_t raw_bytes_read() const noexcept override { return in_.total(); }

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

// Runs another source (a decoder, or a pipe's reads) on a thread of its own,
// up to `blocks` blocks ahead of the reader, so that decompressing (or the
// writer at a pipe's other end) and converting overlap. Memory stays at
// blocks x block_size. Bytes before an error come first, then the error, as
// from the source itself. Destroying it stops and joins the thread, even when
// that thread waits on a pipe whose writer is silent (it polls an eventfd).
class threaded_source final : public byte_source {
 public:
  static constexpr std::size_t blocks = 4;
  static constexpr std::size_t block_size = std::size_t{1} << 20;

  // `make(wake)` builds the source, its reads woken by `wake`.
  explicit threaded_source(const std::function<std::unique_ptr<byte_source>(int)>& make)
      : wake_(::eventfd(0, EFD_CLOEXEC)), inner_(make(wake_)), format_(inner_->format()) {
    for (block& b : ring_) b.data = std::make_unique<char[]>(block_size);
    producer_ = std::thread([this] { produce(); });
  }
  ~threaded_source() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    if (wake_ >= 0) {
      const std::uint64_t one = 1;
      [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
    }
    producer_.join();
    if (wake_ >= 0) ::close(wake_);
  }
  threaded_source(const threaded_source&) = delete;
  threaded_source& operator=(const threaded_source&) = delete;

  std::ptrdiff_t read(char* out, std::size_t size) override {
    if (failed()) return -1;
    std::size_t done = 0;
    while (done < size) {
      if (current_ == nullptr) {
        std::unique_lock<std::mutex> lock(mutex_);
        // Wait only while nothing was copied: what is there is handed over.
        if (produced_ == consumed_ && (done > 0 || finished_)) break;
        changed_.wait(lock, [this] { return produced_ > consumed_ || finished_; });
        if (produced_ == consumed_) break;  // finished, all handed over
        current_ = &ring_[consumed_ % blocks];
        position_ = 0;
      }
      const std::size_t n = std::min(size - done, current_->size - position_);
      std::memcpy(out + done, current_->data.get() + position_, n);
      done += n;
      position_ += n;
      if (position_ == current_->size) {
        current_ = nullptr;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          ++consumed_;
        }
        changed_.notify_all();
      }
    }
    if (done == 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (finished_ && produced_ == consumed_ && inner_->failed()) {
        return fail(inner_->message(), inner_->error_offset());
      }
    }
    return static_cast<std::ptrdiff_t>(done);
  }
  input_format format() const noexcept override { return format_; }
  // As the source's thread last saw its source (up to `blocks` ahead).
  std::uint64_t raw_bytes_read() const noexcept override {
    return raw_bytes_read_.load(std::memory_order_relaxed);
  }

 private:
  struct block {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
  };

  void produce() {
    for (;;) {
      block* b = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return stop_ || produced_ - consumed_ < blocks; });
        if (stop_) break;
        b = &ring_[produced_ % blocks];
      }
      // Off the lock: the reader only touches blocks already produced. A
      // block is filled whole (a pipe's reads are short), as the reader's
      // window would be.
      std::size_t size = 0;
      std::ptrdiff_t n = 0;
      while (size < block_size && (n = inner_->read(b->data.get() + size, block_size - size)) > 0) {
        size += static_cast<std::size_t>(n);
      }
      raw_bytes_read_.store(inner_->raw_bytes_read(), std::memory_order_relaxed);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (size > 0) {
          b->size = size;
          ++produced_;
        }
        if (n <= 0) finished_ = true;  // the end, or an error (inner_ says which)
      }
      changed_.notify_all();
      if (n <= 0) break;
    }
  }

  int wake_;
  std::unique_ptr<byte_source> inner_;
  input_format format_;
  std::array<block, blocks> ring_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t produced_ = 0;  // blocks filled, ever
  std::uint64_t consumed_ = 0;  // blocks handed over, ever
  bool finished_ = false;       // the source ended or failed: no more blocks
  bool stop_ = false;           // the reader is gone
  block* current_ = nullptr;    // the reader's block, being copied out
  std::size_t position_ = 0;
  std::atomic<std::uint64_t> raw_bytes_read_{0};  // the source's, stored by its thread
  std::thread producer_;
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

// A pipe's buffer is 64 KiB by default: the writer and the reader then take
// turns every 64 KiB. Grown to the system's limit (an unprivileged process
// may go up to it); a failure only leaves it as it was.
void grow_pipe(int fd) {
  long limit = 0;
  if (std::FILE* f = std::fopen("/proc/sys/fs/pipe-max-size", "re")) {
    if (std::fscanf(f, "%ld", &limit) != 1) limit = 0;
    std::fclose(f);
  }
  if (limit > 0) ::fcntl(fd, F_SETPIPE_SZ, static_cast<int>(std::min<long>(limit, 1L << 30)));
}

}  // namespace

namespace {

// Caller memory, read in place: a window points into it while the window and
// the 4 KiB after it lie inside it (what the reader reads past a document);
// a window nearer the end is copied, with zeros after it, as a mapped file's
// last page is followed by zeros.
class memory_source final : public byte_source {
 public:
  memory_source(const char* data, std::size_t size) : data_(data), size_(size) {}

  std::ptrdiff_t read(char* out, std::size_t size) override {
    const std::size_t n = std::min(size, size_ - position_);
    if (n > 0) std::memcpy(out, data_ + position_, n);
    position_ += n;
    reached_ = std::max(reached_, position_);
    return static_cast<std::ptrdiff_t>(n);
  }
  input_format format() const noexcept override { return input_format::plain; }
  std::uint64_t raw_bytes_read() const noexcept override { return reached_; }

  const char* window(std::uint64_t at64, std::size_t size) override {
    const auto at = static_cast<std::size_t>(std::min<std::uint64_t>(at64, size_));
    const std::size_t end = at + std::min(size_ - at, size);
    reached_ = std::max(reached_, end);
    if (size_ - end >= readable_after) return data_ + at;
    const std::size_t tail = size_ - at;
    if (!tail_ || tail_capacity_ < tail) {
      tail_capacity_ = tail;
      tail_ = std::make_unique<char[]>(tail + readable_after);
    }
    if (tail > 0) std::memcpy(tail_.get(), data_ + at, tail);  // data_ is null when empty
    std::memset(tail_.get() + tail, 0, readable_after);
    return tail_.get();
  }
  std::uint64_t size() const noexcept override { return size_; }

 private:
  // byte_source::window's promise after the last byte, and the padding
  // simdjson reads past a document.
  static constexpr std::size_t readable_after = 4096 + input_padding;

  const char* data_;
  std::size_t size_;
  std::size_t position_ = 0;
  std::size_t reached_ = 0;
  std::unique_ptr<char[]> tail_;
  std::size_t tail_capacity_ = 0;
};

}  // namespace

std::unique_ptr<byte_source> open_memory(const char* data, std::size_t size, source_options opts) {
  sniffed head;
  head.size = std::min(size, sizeof head.bytes);
  if (head.size > 0) std::memcpy(head.bytes, data, head.size);
  if (opts.detect_compression && head.size > 0 && detect(head) != input_format::plain) {
    return nullptr;
  }
  return std::make_unique<memory_source>(data, size);
}

std::unique_ptr<byte_source> open_source(int fd, bool owned, source_options opts) {
  struct stat st {};
  const bool stated = ::fstat(fd, &st) == 0;
  const bool regular = stated && S_ISREG(st.st_mode);
  if (regular && opts.map_files) {
    // Told from the bytes at the descriptor's offset, without moving it.
    const off_t from = ::lseek(fd, 0, SEEK_CUR);
    if (from >= 0 && from < st.st_size) {
      sniffed head;
      const ssize_t n = ::pread(fd, head.bytes, sizeof head.bytes, from);
      head.size = n > 0 ? static_cast<std::size_t>(n) : 0;
      if (n > 0 && (!opts.detect_compression || detect(head) == input_format::plain)) {
        if (auto mapped = mapped_source::map(fd, owned, static_cast<std::uint64_t>(from),
                                             static_cast<std::uint64_t>(st.st_size))) {
          return mapped;
        }
      }
    }
  }
  // A pipe (or socket): its writer and the converter run side by side, the
  // pipe drained on a thread of its own into the ring, and, for a pipe, a
  // buffer as large as allowed.
  const bool stream = stated && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
  if (stated && S_ISFIFO(st.st_mode)) grow_pipe(fd);

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
  // A regular file never keeps a read waiting: no wake-up needed.
  const bool may_wait = !regular;
  switch (head.failed || !opts.detect_compression ? input_format::plain : detect(head)) {
    case input_format::gzip:
      return std::make_unique<threaded_source>([&](int wake) -> std::unique_ptr<byte_source> {
        return std::make_unique<gzip_source>(fd, owned, head, may_wait ? wake : -1);
      });
    case input_format::zstd:
      return std::make_unique<threaded_source>([&](int wake) -> std::unique_ptr<byte_source> {
        return std::make_unique<zstd_source>(fd, owned, head, may_wait ? wake : -1);
      });
    case input_format::plain:
      break;
  }
  if (stream) {
    return std::make_unique<threaded_source>([&](int wake) -> std::unique_ptr<byte_source> {
      return std::make_unique<plain_source>(fd, owned, head, wake);
    });
  }
  return std::make_unique<plain_source>(fd, owned, head);
}

}  // namespace ordernorm::detail
