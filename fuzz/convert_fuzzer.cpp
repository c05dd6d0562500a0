// The whole convert pipeline on arbitrary bytes, as `ordernorm convert
// --from auto` runs it: reader (a small window, so that refills and long
// lines happen) -> converter -> writer.
// Invariants (issue 8, part 3):
// - every input record ends in the output or in the rejects: per document,
//   records == converted + rejected, and the count matches the document's
//   shape where an independent DOM parse can tell it;
// - every order is written as valid UTF-8 and valid JSON;
// - converting the same input again (another read window, a fresh converter,
//   then the same converter once more) gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common.hpp"

namespace {

// Reads `data` through the reader with `window` bytes and converts every
// document, checking counts per document. Returns the sink's log.
// How the reader gets the bytes: a descriptor (a stream to it), the same
// file by its path (read twice where a bulk export needs it), or in place.
enum class via : std::uint8_t { descriptor, path, memory };

std::string run(const std::uint8_t* data, std::size_t size, std::size_t window,
                ordernorm::converter& conv, via how = via::descriptor) {
  fuzz::memory_file file(data, size);
  ordernorm::reader_options ropts;
  ropts.window_bytes = window;
  const std::string held(reinterpret_cast<const char*>(data), size);
  ordernorm::reader in =
      how == via::memory ? ordernorm::reader::from_memory(held, ropts)
      : how == via::path
          ? ordernorm::reader::open_file("/proc/self/fd/" + std::to_string(file.fd()), ropts)
          : ordernorm::reader::from_fd(file.fd(), ropts);
  fuzz::recording_sink sink;
  ordernorm::document_view doc;
  conv.reset_counts();
  while (in.next(doc)) {
    const std::uint64_t before = conv.records();
    if (doc.problem != ordernorm::error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
    } else {
      fuzz::check(doc.capacity >= doc.size + ordernorm::converter::padding,
                  "a document is followed by the padding simdjson needs");
      conv.convert_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
      const std::string_view text(doc.data, doc.size);
      if (const auto expected = fuzz::expected_records(text)) {
        fuzz::check(conv.records() - before == *expected,
                    "in = out + rejected: the document's records",
                    std::to_string(conv.records() - before) + " records, expected " +
                        std::to_string(*expected) + "\n" + std::string(text) + "\n" + sink.log);
      }
    }
    fuzz::check(conv.records() > before || doc.problem == ordernorm::error_code::ok,
                "a record the reader could not hand over is still counted");
  }
  fuzz::check(in.ok(), "reading a memory file does not fail", in.error().message);
  fuzz::check_counts(conv, sink);
  return sink.log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The window depends on the input only, so that a crash reproduces.
  const std::size_t small_window = 1 + size % 61;
  ordernorm::converter first_conv;
  const std::string first = run(data, size, small_window, first_conv);

  ordernorm::converter conv;
  const std::string second = run(data, size, 4096, conv);
  fuzz::check(first == second, "the same input gives the same bytes, whatever the read window",
              first + "\n---- window 4096 ----\n" + second);
  const std::string third = run(data, size, 4096, conv);
  fuzz::check(second == third, "converting the same input twice gives the same bytes",
              second + "\n---- again ----\n" + third);
  const std::string by_path = run(data, size, small_window, conv, via::path);
  const std::string in_place = run(data, size, small_window, conv, via::memory);
  fuzz::check(by_path == in_place, "bytes read in place give what the same file gives",
              by_path + "\n---- from memory ----\n" + in_place);
  return 0;
}
