// gzip and zstd of a text, made with zlib and libzstd, for the targets that
// feed ordernorm's decoders compressed input (link ZLIB and zstd).
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <string>
#include <string_view>

#include "common.hpp"

namespace fuzz {

inline std::string gzip(std::string_view text) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    fuzz::fail("deflateInit2");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) fuzz::fail("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string zstd(std::string_view text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 1);
  if (ZSTD_isError(n)) fuzz::fail("ZSTD_compress");
  out.resize(n);
  return out;
}

}  // namespace fuzz
