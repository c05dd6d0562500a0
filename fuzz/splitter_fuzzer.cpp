// The record splitter: the reader (src/reader.cpp: NDJSON lines through a
// bounded window, or one whole document) and the converter's document /
// array / envelope splitting (src/convert.cpp).
//
// The last input byte picks the reader's limits (small windows, so that
// refills and growth happen; small record limits, so that long lines are
// skipped); the rest is the input. Checks, against a plain split of the
// bytes done here:
// - each document's bytes are the input's bytes at its offset, followed by
//   readable padding;
// - NDJSON: the documents are the non-blank lines, in order, CR stripped; a
//   line shorter than the limit comes through whole, a longer one is
//   reported as record_too_large with its offset and length;
// - one document: the whole input after a byte order mark;
// - the converter turns each document into the number of records its shape
//   implies (fuzz::expected_records), and the counters agree with the sink.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

struct line {
  std::size_t offset;
  std::string_view text;  // without '\n'; a final '\r' is still there
};

// Non-blank lines of `input` from `from` on.
std::vector<line> split_lines(std::string_view input, std::size_t from) {
  std::vector<line> out;
  std::size_t pos = from;
  while (pos < input.size()) {
    std::size_t end = input.find('\n', pos);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view text = input.substr(pos, end - pos);
    if (!is_blank(text)) out.push_back({pos, text});
    pos = end + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const auto knobs = provider.ConsumeIntegral<std::uint8_t>();  // the last byte
  const std::vector<std::uint8_t> bytes = provider.ConsumeRemainingBytes<std::uint8_t>();
  const std::string_view input(reinterpret_cast<const char*>(bytes.data()), bytes.size());

  ordernorm::reader_options ropts;
  ropts.window_bytes = knobs & 0x1f;  // 0-31: tiny, so that refills happen
  switch (knobs >> 5 & 0x3) {
    case 0:
      break;  // the default limit: nothing is too large
    case 1:
      ropts.max_record_bytes = 8;
      break;
    case 2:
      ropts.max_record_bytes = 100;
      break;
    case 3:
      ropts.max_record_bytes = 1;
      break;
  }
  const bool small_documents = (knobs & 0x80) != 0;
  if (small_documents) ropts.max_document_bytes = 64;

  fuzz::memory_file file(bytes.data(), bytes.size());
  ordernorm::reader in = ordernorm::reader::from_fd(file.fd(), ropts);
  ordernorm::converter conv;
  fuzz::recording_sink sink;

  struct got {
    std::size_t offset;
    std::string_view text;  // empty for a record_too_large
    std::size_t skipped;
    bool too_large;
  };
  std::vector<got> docs;
  std::vector<std::string> copies;  // a document is valid until the next call
  ordernorm::document_view doc;
  while (in.next(doc)) {
    const std::uint64_t before = conv.records();
    if (doc.problem == ordernorm::error_code::record_too_large) {
      docs.push_back({static_cast<std::size_t>(doc.offset), {}, doc.size, true});
      ordernorm::record_error e;
      e.code = doc.problem;
      e.byte_offset = doc.offset;
      conv.reject_record(e, sink);
      continue;
    }
    fuzz::check(doc.problem == ordernorm::error_code::ok, "a document is ok or too large");
    fuzz::check(doc.offset <= input.size() && doc.size <= input.size() - doc.offset,
                "a document lies within the input");
    fuzz::check(std::string_view(doc.data, doc.size) == input.substr(doc.offset, doc.size),
                "a document's bytes are the input's bytes at its offset");
    fuzz::check(doc.capacity >= doc.size + ordernorm::converter::padding,
                "a document is followed by the padding simdjson needs");
    // Touch the padding: AddressSanitizer reports it if it is not there.
    volatile char sink_byte = 0;
    for (std::size_t i = doc.size; i < doc.size + ordernorm::converter::padding; ++i) {
      sink_byte = static_cast<char>(sink_byte ^ doc.data[i]);
    }
    copies.emplace_back(doc.data, doc.size);
    docs.push_back({static_cast<std::size_t>(doc.offset), {}, 0, false});

    conv.convert_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
    if (const auto expected = fuzz::expected_records(copies.back())) {
      fuzz::check(conv.records() - before == *expected, "the document's records are all counted",
                  std::to_string(conv.records() - before) + " records, expected " +
                      std::to_string(*expected) + "\n" + copies.back() + "\n" + sink.log);
    }
  }
  {
    std::size_t c = 0;
    for (got& g : docs) {
      if (!g.too_large) g.text = copies[c++];
    }
  }
  fuzz::check_counts(conv, sink);

  std::string got_log;  // what the reader handed over, for the failure messages
  for (const got& g : docs) {
    got_log += std::to_string(g.offset) +
               (g.too_large ? " <too large: " + std::to_string(g.skipped) + " bytes>"
                            : " " + std::string(g.text));
    got_log += '\n';
  }
  const std::size_t bom = input.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const auto layout = in.input_layout();
  if (!in.ok()) {
    // The only failure a memory file allows: a document over the limit.
    fuzz::check(in.error().code == ordernorm::error_code::record_too_large && small_documents &&
                    layout == ordernorm::reader::layout::document &&
                    input.size() - bom > ropts.max_document_bytes / 2,
                "the reader fails only on a document over the limit", in.error().message);
    fuzz::check(docs.empty(), "a document over the limit is not handed over");
    return 0;
  }
  if (layout == ordernorm::reader::layout::document) {
    if (is_blank(input.substr(bom))) {
      fuzz::check(docs.empty(), "a blank document is no document", got_log);
    } else {
      fuzz::check(docs.size() == 1 && !docs[0].too_large && docs[0].offset == bom &&
                      docs[0].text == input.substr(bom),
                  "a document is the whole input after the byte order mark", got_log);
    }
    return 0;
  }
  fuzz::check(layout == ordernorm::reader::layout::ndjson || input.empty(),
              "the layout is decided once the input is read");

  // NDJSON: the non-blank lines. A line whose text (CR stripped) is longer
  // than max_record_bytes is too large (reader.hpp). The reader's buffer
  // holds `room` bytes (the window, at least 3, grown up to the limit): a
  // line that fills it exactly may also be reported too large, since the
  // reader cannot see past a full window.
  const std::size_t room = std::max({ropts.window_bytes, std::size_t{3}, ropts.max_record_bytes});
  const std::vector<line> lines = split_lines(input, bom);
  const std::string expected_log = [&] {
    std::string s;
    for (const line& l : lines) s += std::to_string(l.offset) + " " + std::string(l.text) + "\n";
    return s;
  }();
  fuzz::check(docs.size() == lines.size(), "NDJSON: one document per non-blank line",
              "expected\n" + expected_log + "got\n" + got_log);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const line& l = lines[i];
    const got& g = docs[i];
    fuzz::check(g.offset == l.offset, "NDJSON: a line's offset",
                "expected\n" + expected_log + "got\n" + got_log);
    std::string_view want = l.text;
    if (!want.empty() && want.back() == '\r') want.remove_suffix(1);
    const std::string evidence = "expected\n" + expected_log + "got\n" + got_log;
    if (g.too_large) {
      fuzz::check(want.size() > ropts.max_record_bytes || l.text.size() >= room,
                  "NDJSON: only a line over the limit is too large", evidence);
      fuzz::check(g.skipped == want.size() || g.skipped == l.text.size(),
                  "NDJSON: a skipped line's length is reported",
                  std::to_string(g.skipped) + " for " + std::to_string(l.text.size()));
    } else {
      fuzz::check(want.size() <= ropts.max_record_bytes,
                  "NDJSON: a line over the limit is not handed over", evidence);
      fuzz::check(g.text == want, "NDJSON: a line comes through whole, without its CR", evidence);
    }
  }
  return 0;
}
