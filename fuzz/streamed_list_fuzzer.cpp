// Streamed lists (issue 14): a JSON array or list envelope too large to read
// whole is walked by the reader and converted element by element.
//
// The first input byte picks the list's shape (a bare array, an "orders"
// envelope with keys before and after the list, a "hits" envelope), the
// read window and the record limit; the rest, split at 0x1F bytes, are the
// elements, joined with commas into the list. Checks:
// - streamed with every list streamed (whole_document_bytes = 1), records ==
//   converted + rejected, every reject's offset lies within the input, and
//   positions only grow;
// - when every element is well-formed JSON (simdjson's DOM parser says so)
//   and the reader read the document as one (not as NDJSON lines)
//   the streamed conversion is exactly the conversion of the document held
//   whole: the same orders, rejects (code, message, pointer, offset) and
//   record numbers, in the same order. (Under the record limit knob only
//   when no element is over it: streamed, any element over it is
//   record_too_large; held whole, only an order is measured.)
#include <fuzzer/FuzzedDataProvider.h>
#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

bool well_formed(std::string_view text) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(text);
  return parser.parse(padded).error() == simdjson::SUCCESS;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const auto knobs = provider.ConsumeIntegral<std::uint8_t>();
  const std::string rest = provider.ConsumeRemainingBytesAsString();

  std::vector<std::string_view> elements;
  bool all_well_formed = true;
  std::size_t largest = 0;  // element, surrounding whitespace excluded
  {
    std::string_view left(rest);
    while (!left.empty()) {
      const std::size_t cut = left.find('\x1f');
      const std::string_view element = left.substr(0, cut);
      elements.push_back(element);
      all_well_formed = all_well_formed && well_formed(element);
      const std::size_t first = element.find_first_not_of(" \t\r\n");
      if (first != std::string_view::npos) {
        largest = std::max(largest, element.find_last_not_of(" \t\r\n") + 1 - first);
      }
      if (cut == std::string_view::npos) break;
      left.remove_prefix(cut + 1);
    }
  }
  std::string document;
  switch (knobs & 0x3) {
    case 0:
      document = "[";
      break;
    case 1:
      document = "{\"count\": 3, \"orders\": [";
      break;
    case 2:
      document = "{\"hits\":[";
      break;
    case 3:
      document = "{\"next\": null,\n \"data\" : [\n";
      break;
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (i != 0) document += ",";
    document += elements[i];
  }
  document += (knobs & 0x3) == 0 ? "]" : (knobs & 0x3) == 1 ? "], \"more\": {\"a\": [1]}}" : "]}";

  ordernorm::reader_options ropts;
  ropts.window_bytes = (knobs >> 2) & 0x0f;  // 0-15: tiny, so that refills happen
  ropts.whole_document_bytes = 1;            // every list is streamed
  ordernorm::options copts;
  if ((knobs & 0x40) != 0) {
    ropts.max_record_bytes = 40;
    copts.limits.max_record_bytes = 40;
  }
  if ((knobs & 0x80) != 0) copts.limits.max_depth = 5;

  fuzz::memory_file file(reinterpret_cast<const std::uint8_t*>(document.data()), document.size());
  ordernorm::reader in = ordernorm::reader::from_fd(file.fd(), ropts);
  ordernorm::converter streamed_conv(copts);
  fuzz::recording_sink streamed;
  ordernorm::document_view doc;
  while (in.next(doc)) {
    if (doc.problem != ordernorm::error_code::ok) {
      streamed_conv.reject_record(in.problem(doc), streamed);
      continue;
    }
    fuzz::check(doc.capacity >= doc.size + ordernorm::converter::padding,
                "a streamed element is followed by the padding simdjson needs");
    fuzz::check(doc.offset <= document.size() && doc.size <= document.size() - doc.offset &&
                    std::string_view(doc.data, doc.size) ==
                        std::string_view(document).substr(doc.offset, doc.size),
                "a streamed element's bytes are the input's at its offset");
    streamed_conv.convert(doc, streamed);
  }
  fuzz::check(in.ok(), "reading a memory file does not fail", in.error().message);
  fuzz::check_counts(streamed_conv, streamed);

  // An element that ends a line makes the first line look like NDJSON
  // (reader.hpp's layout rule): lines are records then, not elements.
  if (in.input_layout() == ordernorm::reader::layout::documents && all_well_formed &&
      largest <= ropts.max_record_bytes) {
    ordernorm::converter whole_conv(copts);
    fuzz::recording_sink whole;
    whole_conv.convert(document, whole);
    fuzz::check(streamed.log == whole.log,
                "a list of well-formed elements converts the same streamed as held whole",
                "streamed:\n" + streamed.log + "whole:\n" + whole.log + "document:\n" + document);
  }
  return 0;
}
