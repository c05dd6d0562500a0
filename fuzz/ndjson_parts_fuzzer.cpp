// NDJSON read in parts, as the Python module's threads and ordernorm.dask's
// partitions read it: an input the reader takes for NDJSON, cut at line
// starts, the first part read as an input and the others with
// reader_options::ndjson_continuation, must hand over the whole input's
// documents: the same texts (or the same skipped sizes), problems and
// offsets (the part's start plus the offset within it), in the same order.
//
// The last input byte picks the reader's window and record limit, the three
// before it where to cut (each a fraction of the input, moved on to the next
// line start); the rest is the input.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

struct handed {
  std::uint64_t offset;
  ordernorm::error_code problem;
  std::string text;  // the document, or empty when it was skipped
  std::size_t size;

  bool operator==(const handed& o) const {
    return offset == o.offset && problem == o.problem && text == o.text && size == o.size;
  }
};

// Every document of `in`, offsets moved by `base`.
std::vector<handed> read_all(ordernorm::reader& in, std::uint64_t base) {
  std::vector<handed> out;
  ordernorm::document_view doc;
  while (in.next(doc)) {
    const bool ok = doc.problem == ordernorm::error_code::ok;
    out.push_back(
        {base + doc.offset, doc.problem, ok ? std::string(doc.data, doc.size) : "", doc.size});
  }
  fuzz::check(in.ok(), "reading bytes in memory does not fail");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const auto knobs = provider.ConsumeIntegral<std::uint8_t>();
  std::vector<std::uint8_t> cut_at;
  for (int i = 0; i < 3; ++i) cut_at.push_back(provider.ConsumeIntegral<std::uint8_t>());
  const std::string input = provider.ConsumeRemainingBytesAsString();
  if (fuzz::looks_compressed(input)) return 0;  // decompressed: no lines of these bytes

  ordernorm::reader_options opts;
  opts.stitch_bulk_exports = false;  // an export is never cut (the module asks reader::bulk_export)
  opts.window_bytes = knobs & 0x1f;  // tiny windows: refills and growth everywhere
  switch (knobs >> 5 & 0x3) {
    case 0:
      break;
    case 1:
      opts.max_record_bytes = 8;
      break;
    case 2:
      opts.max_record_bytes = 100;
      break;
    case 3:
      opts.max_record_bytes = 1;
      break;
  }

  ordernorm::reader whole_reader = ordernorm::reader::from_memory(input, opts);
  const std::vector<handed> whole = read_all(whole_reader, 0);
  if (whole_reader.input_layout() != ordernorm::reader::layout::ndjson) return 0;

  // Line starts after the first byte, in increasing order.
  std::vector<std::size_t> starts{0};
  for (const std::uint8_t fraction : cut_at) {
    const std::size_t from = input.size() * fraction / 256;
    const std::size_t newline = input.find('\n', from == 0 ? 0 : from - 1);
    if (newline == std::string::npos || newline + 1 >= input.size()) continue;
    starts.push_back(newline + 1);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  std::vector<handed> parts;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : input.size();
    ordernorm::reader_options part = opts;
    part.ndjson_continuation = k > 0;
    ordernorm::reader in = ordernorm::reader::from_memory(
        std::string_view(input).substr(starts[k], end - starts[k]), part);
    const std::vector<handed> got = read_all(in, starts[k]);
    fuzz::check(k == 0 || in.input_layout() == ordernorm::reader::layout::ndjson,
                "a continuation is read as NDJSON");
    parts.insert(parts.end(), got.begin(), got.end());
  }
  fuzz::check(parts.size() == whole.size(), "the parts hand over as many documents as the whole");
  for (std::size_t i = 0; i < whole.size(); ++i) {
    fuzz::check(parts[i] == whole[i], "each document of the parts is the whole input's");
  }
  return 0;
}
