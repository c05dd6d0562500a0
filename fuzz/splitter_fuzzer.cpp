// The record splitter: the input layer (src/input.cpp: plain, gzip, zstd),
// the reader (src/reader.cpp: NDJSON lines and RS texts through a bounded
// window, or a stream of documents split where each top-level value ends)
// and the converter's document / array / envelope splitting
// (src/convert.cpp), glued documents on one line included.
//
// The last input byte picks the reader's limits (small windows, so that
// refills and growth happen; small record limits, so that long lines are
// skipped), the one before it how the input is packed (plain, gzip, gzip in
// two members, zstd); the rest is the input. Checks, against a plain split
// of the bytes done here:
// - each document's bytes are the input's bytes at its offset (offsets in
//   the decompressed input), followed by readable padding whose first byte
//   is 0 (or whitespace after a text that ends with '}' or ']': memfd is
//   mapped);
// - NDJSON: the documents are the non-blank lines, in order, CR stripped; a
//   line shorter than the limit comes through whole, a longer one is
//   reported as record_too_large with its offset and length;
// - RS texts: the documents are the non-blank texts between RS bytes;
// - a stream of documents: every byte after a byte order mark is in exactly
//   one document or is whitespace between them; a document starts where a
//   value does, and one that opens an object or array ends where its
//   brackets (outside strings) first balance, unless the input ends first;
//   one larger than max_document_bytes is reported, not handed over;
// - the converter turns each document into the number of records its shape
//   implies (fuzz::expected_records), and the counters agree with the sink.
#include <fuzzer/FuzzedDataProvider.h>
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

// Non-blank texts between RS bytes, from `from` on.
std::vector<line> split_texts(std::string_view input, std::size_t from) {
  std::vector<line> out;
  std::size_t pos = from;
  while (pos < input.size()) {
    std::size_t end = input.find('\x1e', pos);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view text = input.substr(pos, end - pos);
    if (!is_blank(text)) out.push_back({pos, text});
    pos = end + 1;
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where the brackets of the value starting at `text[0]` ('{' or '[') first
// balance, outside strings; npos if never. Written here, not shared with
// the reader, so that the two can disagree.
std::size_t balanced_end(std::string_view text) {
  int64_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const auto knobs = provider.ConsumeIntegral<std::uint8_t>();    // the last byte
  const auto packing = provider.ConsumeIntegral<std::uint8_t>();  // the one before
  const std::vector<std::uint8_t> bytes = provider.ConsumeRemainingBytes<std::uint8_t>();
  const std::string_view input(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  // What the reader reads: the input, or the input compressed. An input that
  // itself starts like gzip or zstd is decompressed (and fails): only the
  // plain packing of inputs that start otherwise is checked against them.
  std::string packed;
  switch (packing & 0x3) {
    case 0:
      packed.assign(input);
      break;
    case 1:
      packed = fuzz::gzip(input);
      break;
    case 2:
      packed = fuzz::gzip(input.substr(0, input.size() / 2)) +
               fuzz::gzip(input.substr(input.size() / 2));
      break;
    case 3:
      packed = fuzz::zstd(input);
      break;
  }
  if ((packing & 0x3) == 0 && fuzz::looks_compressed(input)) return 0;  // not checked here

  ordernorm::reader_options ropts;
  // The plain split is checked here; the stitched one (Shopify bulk exports,
  // whose documents are not the input's lines) by fuzz_bulk_export.
  ropts.stitch_bulk_exports = false;
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

  fuzz::memory_file file(reinterpret_cast<const std::uint8_t*>(packed.data()), packed.size());
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
    {
      // 0, or (a mapped file, which memfd is) JSON whitespace after a text
      // that ends with a bracket (reader.hpp).
      auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
      std::size_t last = doc.size;
      while (last > 0 && space(doc.data[last - 1])) --last;
      const bool closed = last > 0 && (doc.data[last - 1] == '}' || doc.data[last - 1] == ']');
      fuzz::check(doc.data[doc.size] == 0 || (closed && space(doc.data[doc.size])),
                  "a document is followed by a 0, or by whitespace after its closing bracket");
    }
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
  fuzz::check(in.ok(), "reading a memory file does not fail", in.error().message);
  if (layout == ordernorm::reader::layout::documents) {
    // Every byte after the BOM is in one document or is whitespace between
    // them; each document starts a value and, if it opens an object or
    // array, ends where its brackets balance (or at the input's end).
    std::size_t pos = bom;
    for (const got& g : docs) {
      fuzz::check(g.offset >= pos, "documents: in order, not overlapping", got_log);
      for (std::size_t i = pos; i < g.offset; ++i) {
        fuzz::check(is_space(input[i]), "documents: only whitespace between documents", got_log);
      }
      const std::size_t extent = g.too_large ? g.skipped : g.text.size();
      fuzz::check(extent > 0 && g.offset + extent <= input.size() && !is_space(input[g.offset]),
                  "documents: a document starts where a value does", got_log);
      const std::string_view text = input.substr(g.offset, extent);
      if (text[0] == '{' || text[0] == '[') {
        const std::size_t end = balanced_end(text);
        fuzz::check(
            end == extent || (end == std::string_view::npos && g.offset + extent == input.size()),
            "documents: an object or array ends where its brackets balance", got_log);
      }
      // A bare token that fills the whole buffer is only known to end at the
      // next byte: at the limit exactly, it may be reported too large.
      fuzz::check(
          g.too_large ? extent >= ropts.max_document_bytes : extent <= ropts.max_document_bytes,
          "documents: only a document over max_document_bytes is too large", got_log);
      pos = g.offset + extent;
    }
    for (std::size_t i = pos; i < input.size(); ++i) {
      fuzz::check(is_space(input[i]), "documents: nothing after the last document", got_log);
    }
    return 0;
  }
  if (layout == ordernorm::reader::layout::json_seq) {
    const std::vector<line> texts = split_texts(input, bom);
    fuzz::check(docs.size() == texts.size(), "RS: one document per non-blank text", got_log);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      fuzz::check(docs[i].offset == texts[i].offset, "RS: a text's offset", got_log);
      if (docs[i].too_large) {
        // As for NDJSON lines: one that fills the grown buffer exactly may
        // be reported too.
        fuzz::check(texts[i].text.size() >= std::min(ropts.max_document_bytes + 1,
                                                     std::max({ropts.window_bytes, std::size_t{3},
                                                               ropts.max_document_bytes})),
                    "RS: only a text over the limit is too large", got_log);
      } else {
        fuzz::check(docs[i].text == texts[i].text, "RS: a text comes through whole", got_log);
      }
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
