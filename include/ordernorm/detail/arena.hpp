// A string arena for text a mapping composes (e.g. "shopify:450789469").
// Views into it stay valid until reset(); memory is kept for the next record,
// so steady-state conversion allocates nothing.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace ordernorm::detail {

class string_arena {
 public:
  static constexpr std::size_t chunk_size = 4096;

  // Copies the concatenation of `parts` and returns a view of it.
  template <class... Parts>
  std::string_view concat(const Parts&... parts) {
    const std::size_t size = (std::string_view(parts).size() + ... + 0);
    char* out = allocate(size);
    char* p = out;
    ((p = copy(p, std::string_view(parts))), ...);
    return {out, size};
  }

  void reset() noexcept {
    current_ = 0;
    used_ = 0;
    big_.clear();  // oversized pieces are rare: free them rather than let them pile up
  }

 private:
  static char* copy(char* to, std::string_view s) noexcept {
    if (!s.empty()) std::memcpy(to, s.data(), s.size());
    return to + s.size();
  }

  char* allocate(std::size_t size) {
    if (size > chunk_size) {
      // Rare: an oversized piece gets a block of its own until reset().
      big_.push_back(std::make_unique<char[]>(size));
      return big_.back().get();
    }
    if (chunks_.empty() || used_ + size > chunk_size) {
      if (!chunks_.empty()) ++current_;
      if (current_ >= chunks_.size()) chunks_.push_back(std::make_unique<char[]>(chunk_size));
      used_ = 0;
    }
    char* out = chunks_[current_].get() + used_;
    used_ += size;
    return out;
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> big_;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
};

// A reusable copy of a caller's text followed by zeroed padding, for callers
// that cannot promise simdjson's padding themselves. Grows, never shrinks.
class padded_buffer {
 public:
  // Copies `text` and returns the copy; capacity() readable bytes follow it.
  const char* copy(std::string_view text, std::size_t padding) {
    const std::size_t needed = text.size() + padding;
    if (capacity_ < needed) {
      data_ = std::make_unique<char[]>(needed);
      capacity_ = needed;
    }
    if (!text.empty()) std::memcpy(data_.get(), text.data(), text.size());
    std::memset(data_.get() + text.size(), 0, padding);
    return data_.get();
  }
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
};

}  // namespace ordernorm::detail
