// detail::value_scanner (src/input_split.hpp, 64 bytes at a time) against
// detail::reference_value_scanner (the byte-at-a-time rule) on arbitrary
// bytes. The first input byte says how many of the next bytes are piece
// sizes (at most 7, each 0..255, used in turn); the rest is the text. From
// the text's start and from every value start the walk of the text finds,
// both scanners see the same pieces, each copied into an allocation of
// exactly its size (a read past `last` is an ASan error), and must agree on
// the end and on the piece it is found in. for_each_value over the whole
// text must give the reference's walk.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"
#include "src/input_split.hpp"

namespace {

using ordernorm::detail::reference_value_scanner;
using ordernorm::detail::value_scanner;

// One past the value's end, as an offset in `text`, and the piece that ends
// it; npos when the text ends first.
struct outcome {
  std::size_t end = std::string_view::npos;
  std::size_t piece = std::string_view::npos;
};

template <class Scanner>
outcome scan_pieces(std::string_view text, const std::vector<std::size_t>& sizes) {
  // Pieces of 0 bytes are scanned too; all of them 0 means one piece.
  const bool split = std::any_of(sizes.begin(), sizes.end(), [](std::size_t n) { return n != 0; });
  Scanner s;
  s.reset();
  std::size_t at = 0;
  for (std::size_t i = 0;; ++i) {
    const std::size_t n = split ? std::min(sizes[i % sizes.size()], text.size() - at) : text.size();
    const auto copy = std::make_unique<char[]>(n);
    std::copy_n(text.data() + at, n, copy.get());
    if (const char* end = s.scan(copy.get(), copy.get() + n)) {
      return {at + static_cast<std::size_t>(end - copy.get()), i};
    }
    at += n;
    if (at == text.size()) return {};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t count = std::min<std::size_t>(data[0] % 8, size - 1);
  const std::vector<std::size_t> sizes(data + 1, data + 1 + count);
  const std::string text(reinterpret_cast<const char*>(data) + 1 + count, size - 1 - count);
  const std::string_view all = text;

  // The reference walk: whitespace skipped, each value to its end (or the text's).
  std::vector<std::pair<std::size_t, std::size_t>> walk;
  for (std::size_t p = 0;;) {
    while (p != all.size() && ordernorm::detail::is_json_space(all[p])) ++p;
    if (p == all.size()) break;
    const outcome want = scan_pieces<reference_value_scanner>(all.substr(p), sizes);
    const outcome got = scan_pieces<value_scanner>(all.substr(p), sizes);
    if (got.end != want.end || got.piece != want.piece) {
      fuzz::fail("value_scanner and reference_value_scanner disagree",
                 "at offset " + std::to_string(p) + ": end " + std::to_string(got.end) + " piece " +
                     std::to_string(got.piece) + ", reference end " + std::to_string(want.end) +
                     " piece " + std::to_string(want.piece));
    }
    const std::size_t end = want.end == std::string_view::npos ? all.size() : p + want.end;
    walk.emplace_back(p, end);
    p = end;
  }
  // A value that starts at whitespace too (the scanner is not told it must not).
  if (!all.empty()) {
    const outcome want = scan_pieces<reference_value_scanner>(all, sizes);
    const outcome got = scan_pieces<value_scanner>(all, sizes);
    fuzz::check(got.end == want.end && got.piece == want.piece,
                "value_scanner and reference_value_scanner disagree at offset 0");
  }

  std::vector<std::pair<std::size_t, std::size_t>> each;
  const auto copy = std::make_unique<char[]>(all.size());
  std::copy_n(all.data(), all.size(), copy.get());
  ordernorm::detail::for_each_value(
      copy.get(), copy.get() + all.size(),
      [&](const char* b, const char* e) { each.emplace_back(b - copy.get(), e - copy.get()); });
  fuzz::check(each == walk, "for_each_value differs from the reference walk");
  return 0;
}
