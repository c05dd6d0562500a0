// The input layer (src/input.cpp) on arbitrary bytes: the gzip (ISA-L's
// igzip) and zstd decoders on their thread, and mapped files.
//
// The last input byte picks the case, the rest is the data:
// - packed: the data gzip'ed (zlib) or zstd'ed, then cut short or followed
//   by garbage: the decoder gives a prefix of the data (all of it when the
//   stream is whole), then, when the stream is cut or followed by garbage,
//   an error naming a compressed byte within the input;
// - raw: the data as it is, given to the decoder its first bytes pick
//   (gzip or zstd magic put in front): no crash, and what comes out agrees
//   with the reference one-shot decoder (zlib inflate / ZSTD_decompressStream)
//   on every byte both produce;
// - plain: the data read through a mapping and through read(): the same
//   documents at the same offsets, the same conversion output and rejects.
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "compress.hpp"
#include "input.hpp"

namespace {

std::string read_all(ordernorm::detail::byte_source& in, bool& failed, std::string& message,
                     std::uint64_t& at) {
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const std::ptrdiff_t n = in.read(buffer, sizeof buffer);
    if (n <= 0) {
      failed = n < 0;
      break;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  message = in.message();
  at = in.error_offset();
  return out;
}

std::string decode(const std::string& packed, bool& failed, std::string& message,
                   std::uint64_t& at) {
  fuzz::memory_file file(reinterpret_cast<const std::uint8_t*>(packed.data()), packed.size());
  auto in = ordernorm::detail::open_source(file.fd(), false);
  return read_all(*in, failed, message, at);
}

// zlib's decoding of gzip members one after another, until the end or an
// error: what it produced, and whether it ended cleanly.
std::string zlib_reference(const std::string& packed, bool& clean) {
  std::string out;
  z_stream z{};
  inflateInit2(&z, 16 + MAX_WBITS);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  clean = false;
  char buffer[1 << 16];
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    const int status = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (status == Z_STREAM_END) {
      if (z.avail_in == 0) {
        clean = true;
        break;
      }
      inflateReset(&z);
      continue;
    }
    if (status != Z_OK) break;
    if (z.avail_in == 0 && z.avail_out != 0) break;  // cut short
  }
  inflateEnd(&z);
  return out;
}

std::string zstd_reference(const std::string& packed, bool& clean) {
  std::string out;
  ZSTD_DCtx* d = ZSTD_createDCtx();
  ZSTD_inBuffer in{packed.data(), packed.size(), 0};
  char buffer[1 << 16];
  std::size_t hint = 1;
  clean = false;
  for (;;) {
    ZSTD_outBuffer o{buffer, sizeof buffer, 0};
    hint = ZSTD_decompressStream(d, &o, &in);
    if (ZSTD_isError(hint)) break;
    out.append(buffer, o.pos);
    if (in.pos == in.size && o.pos < o.size) {
      clean = hint == 0;
      break;
    }
  }
  ZSTD_freeDCtx(d);
  return out;
}

bool prefix(std::string_view a, std::string_view b) {
  return a.size() <= b.size() && b.substr(0, a.size()) == a;
}

struct split {
  std::vector<std::string> texts;
  std::vector<std::uint64_t> offsets;
  std::string output;
};

split read_documents(const std::string& data, bool map) {
  fuzz::memory_file file(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
  ordernorm::reader_options opts;
  opts.window_bytes = 64;  // many slides of the mapping
  opts.map_files = map;
  ordernorm::reader in = ordernorm::reader::from_fd(file.fd(), opts);
  ordernorm::converter conv;
  fuzz::recording_sink sink;
  split out;
  ordernorm::document_view doc;
  while (in.next(doc)) {
    out.texts.emplace_back(doc.data, doc.problem == ordernorm::error_code::ok ? doc.size : 0);
    out.offsets.push_back(doc.offset);
    if (doc.problem != ordernorm::error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
      continue;
    }
    conv.convert_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
  }
  out.output = sink.log + std::to_string(conv.records()) + "/" + std::to_string(conv.converted());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size < 1) return 0;
  const unsigned knobs = bytes[size - 1];
  const std::string data(reinterpret_cast<const char*>(bytes), size - 1);
  switch (knobs % 3) {
    case 0: {  // packed, then cut or followed by garbage
      const bool use_zstd = (knobs & 4) != 0;
      std::string packed = use_zstd ? fuzz::zstd(data) : fuzz::gzip(data);
      const std::size_t whole = packed.size();
      const bool cut = (knobs & 8) != 0 && !data.empty();
      const bool garbage = !cut && (knobs & 16) != 0;
      if (cut) packed.resize(whole * ((knobs >> 5) + 1) / 9);
      if (garbage) packed += "XY" + data.substr(0, 16);
      if (packed.size() < 4) return 0;  // too short to be told from plain bytes
      bool failed = false;
      std::string message;
      std::uint64_t at = 0;
      const std::string out = decode(packed, failed, message, at);
      fuzz::check(prefix(out, data), "a decoder gives a prefix of the packed data");
      if (!cut && !garbage) {
        fuzz::check(!failed && out == data, "a whole stream decodes to its data", message);
      } else {
        fuzz::check(failed, "a stream cut short or followed by garbage is an error");
        fuzz::check(at <= packed.size(), "the error names a byte within the input");
        fuzz::check(message.find("compressed byte") != std::string::npos,
                    "the message names the compressed byte", message);
      }
      if (garbage) fuzz::check(out == data, "the whole stream before garbage decodes");
      break;
    }
    case 1: {  // raw bytes behind a magic number
      const bool use_zstd = (knobs & 4) != 0;
      const std::string packed =
          (use_zstd ? std::string("\x28\xb5\x2f\xfd", 4) : std::string("\x1f\x8b\x08", 3)) + data;
      bool failed = false;
      std::string message;
      std::uint64_t at = 0;
      const std::string out = decode(packed, failed, message, at);
      bool clean = false;
      const std::string reference =
          use_zstd ? zstd_reference(packed, clean) : zlib_reference(packed, clean);
      fuzz::check(prefix(out, reference) || prefix(reference, out),
                  "the decoder and the reference agree on every byte both produce");
      if (clean) {
        fuzz::check(!failed && out == reference, "a stream the reference takes whole decodes whole",
                    message);
      }
      if (failed) fuzz::check(at <= packed.size(), "the error names a byte within the input");
      break;
    }
    default: {  // plain: mapped and read() agree
      const split mapped = read_documents(data, true);
      const split copied = read_documents(data, false);
      fuzz::check(mapped.texts == copied.texts, "mapped and read() give the same documents");
      fuzz::check(mapped.offsets == copied.offsets, "mapped and read() give the same offsets");
      fuzz::check(mapped.output == copied.output, "mapped and read() convert the same",
                  mapped.output + "\n---\n" + copied.output);
      break;
    }
  }
  return 0;
}
