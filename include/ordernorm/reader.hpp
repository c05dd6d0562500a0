// Reading inputs: splits a file or stream into JSON documents for the
// converter, with their byte offsets.
//
// The layout is told from the first line: when it holds one complete JSON
// value the input is NDJSON and is streamed line by line through a window of
// bounded size (memory stays bounded whatever the input's size); otherwise it
// is one JSON document (an order, an array of orders, or a list envelope),
// read whole. Blank lines, CRLF line ends and a UTF-8 byte order mark are
// accepted.
//
//   ordernorm::reader in = ordernorm::reader::open_file("orders.ndjson");
//   ordernorm::document_view doc;
//   while (in.next(doc)) conv.convert_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ordernorm/error.hpp"

namespace ordernorm {

struct reader_options {
  std::size_t window_bytes = std::size_t{4} << 20;  // NDJSON read window
  // Longest NDJSON line; a longer one is skipped and reported as
  // record_too_large.
  std::size_t max_record_bytes = std::size_t{256} << 20;
  // Largest non-NDJSON document, which is read whole.
  std::size_t max_document_bytes = std::size_t{4} << 30;
};

// Reader options that skip the same lines the converter would reject:
// max_record_bytes from `limits`, the rest at their defaults.
inline reader_options reader_options_for(const input_limits& limits) {
  reader_options o;
  o.max_record_bytes = limits.max_record_bytes;
  return o;
}

// One JSON text to convert, followed by at least converter::padding readable
// bytes. Valid until the next call to reader::next().
struct document_view {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t capacity = 0;
  std::uint64_t offset = 0;  // of data[0] in the input
  // record_too_large: the text was skipped (size = bytes skipped); report it.
  error_code problem = error_code::ok;
};

class reader {
 public:
  enum class layout : std::uint8_t { unknown, ndjson, document };

  // Opens a file; "-" is standard input. On failure, ok() is false and
  // error() says why.
  static reader open_file(const std::string& path, reader_options opts = {});
  // Reads from a file descriptor the caller owns (standard input is 0).
  static reader from_fd(int fd, reader_options opts = {});

  reader(reader&&) noexcept;
  reader& operator=(reader&&) noexcept;
  ~reader();

  bool ok() const noexcept;
  const record_error& error() const noexcept;  // io_error or record_too_large
  layout input_layout() const noexcept;

  // The next document, or false at the end of the input or on a read error
  // (then ok() is false).
  bool next(document_view& out);

 private:
  struct impl;
  explicit reader(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

}  // namespace ordernorm
