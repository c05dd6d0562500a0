// Reading inputs: splits a file or stream into JSON documents for the
// converter, with their byte offsets.
//
// gzip and zstd input (files or standard input, told by their first bytes,
// not by a name) is decompressed as it is read; offsets are offsets in the
// decompressed bytes. The layout is told from the first line:
// - RFC 7464 JSON text sequences (the input starts with RS, 0x1E, as
//   `jq --seq` writes): each text between RS bytes is one document; a broken
//   text costs only itself;
// - NDJSON, when the first line holds one complete JSON value: one document
//   per line, streamed through a window of bounded size; a broken line costs
//   only itself;
// - otherwise a stream of JSON documents, each ending where its top-level
//   value ends (string-aware bracket counting), separated by whitespace or
//   not at all: one pretty-printed document (an order, an array of orders,
//   a list envelope) or many (`jq '.orders[]'`). A scalar or garbage between
//   documents is a document of its own, for the converter to reject.
// Blank lines, CRLF line ends and a UTF-8 byte order mark are accepted.
// A JSON array or list envelope that does not end within
// reader_options::whole_document_bytes is streamed: each element of its
// list is handed over on its own (document_view::element). Memory stays
// bounded by the window, the largest element and the largest other document.
//
//   ordernorm::reader in = ordernorm::reader::open_file("orders.ndjson.gz");
//   ordernorm::document_view doc;
//   while (in.next(doc)) conv.convert(doc, sink);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/error.hpp"
#include "ordernorm/export.hpp"
#include "ordernorm/padding.hpp"

namespace ordernorm {

struct reader_options {
  std::size_t window_bytes = std::size_t{4} << 20;  // the read window to start with
  // Longest NDJSON line; a longer one is skipped and reported as
  // record_too_large.
  std::size_t max_record_bytes = std::size_t{256} << 20;
  // Largest document of a stream or RS text, which is read whole; a larger
  // one is skipped (to where it ends) and reported as record_too_large.
  // Lists streamed element by element (below) are not read whole: they
  // have no size limit, only their elements do (max_record_bytes).
  std::size_t max_document_bytes = std::size_t{4} << 30;
  // A JSON array, or a list envelope of orders ({"orders":[...]}), that
  // does not end within this many bytes is not read whole: the reader
  // streams its list and hands over each element (document_view::element),
  // so memory stays bounded by the largest element, not by the document.
  // Whether an object is an envelope is decided by its keys before the
  // list, with the converter's rule. For the converter only: a tracker
  // rejects elements, so track's reader sets stream_lists = false.
  bool stream_lists = true;
  std::size_t whole_document_bytes = std::size_t{4} << 20;
  // A regular uncompressed file is read through a read-only memory mapping
  // (no copy into the window); false reads it with read() like a pipe. A
  // mapped file must not shrink while it is read (SIGBUS).
  bool map_files = true;
  // A Shopify Bulk Operation export (NDJSON whose first 4 MiB hold a line
  // with `__parentId`; read ahead once if the window is smaller) is handed
  // over one stitched order at a time: the order line with its LineItem
  // child lines as "lineItems":{"nodes":[...]}. A file is read twice (the
  // first pass notes the children that come late, so that memory holds only
  // the orders still waiting for theirs); from a stream, an order is
  // complete when the next order line comes, and a child after that is
  // rejected as missing_parent. See "Bulk exports" in README.md.
  bool stitch_bulk_exports = true;
  // The input is whole lines cut from an NDJSON input after its first byte
  // (a part of a file split for parallel reading): it is read as NDJSON
  // whatever its first line holds, with no byte order mark to step over and
  // never decompressed (a line may start like gzip or zstd), exactly as
  // those lines are read in the whole input.
  bool ndjson_continuation = false;
};

// Reader options that skip the same lines the converter would reject:
// max_record_bytes from `limits`, the rest at their defaults.
inline reader_options reader_options_for(const input_limits& limits) {
  reader_options o;
  o.max_record_bytes = limits.max_record_bytes;
  return o;
}

// Where a part of a text handed over came from: the text's bytes from
// `position` on were read at input offset `offset` onwards.
struct text_origin {
  std::size_t position = 0;
  std::uint64_t offset = 0;
};

// A run of text_origins owned elsewhere (what std::span would be, in C++17).
class text_origins {
 public:
  constexpr text_origins() noexcept = default;
  constexpr text_origins(const text_origin* first, std::size_t count) noexcept
      : first_(first), count_(count) {}
  text_origins(const std::vector<text_origin>& all) noexcept  // NOLINT: implicit, as a span's
      : first_(all.data()), count_(all.size()) {}

  constexpr const text_origin* begin() const noexcept { return first_; }
  constexpr const text_origin* end() const noexcept { return first_ + count_; }
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr const text_origin& operator[](std::size_t i) const noexcept { return first_[i]; }

 private:
  const text_origin* first_ = nullptr;
  std::size_t count_ = 0;
};

// One JSON text to convert, followed by at least input_padding readable
// bytes, the first of them 0 (as converter::convert pads a copy) or JSON
// whitespace after a text whose last byte other than whitespace is '}' or ']'
// (a mapped file's next bytes: they cannot change how such a text converts),
// so that a text converts the same whatever followed it in the input. Valid
// until the next call to reader::next().
struct document_view {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t capacity = 0;
  std::uint64_t offset = 0;  // of data[0] in the input
  // record_too_large: the text was skipped (size = bytes skipped); report it.
  error_code problem = error_code::ok;
  // A document larger than the read window that is a JSON array or a list
  // envelope is not read whole: the reader streams its list and hands over
  // each element as a text of its own, to convert as one record (whose
  // position and JSON pointer name the element in the whole document).
  bool element = false;
  std::uint64_t element_index = 0;  // its index in the list
  // The envelope key the list is under ("orders", "hits", ...; static
  // storage), or empty for a top-level array.
  std::string_view list_key;
  // An order of a bulk export, stitched from lines that were apart in the
  // input (see "Bulk exports" above): where its spliced child lines were
  // read, in increasing position, so that an error inside one names that
  // line's offset. Empty for a text read in one piece.
  text_origins origins;
};

class ORDERNORM_API reader {
 public:
  // documents: a stream of whitespace-separated (or glued) JSON documents,
  // one pretty-printed document included. json_seq: RFC 7464 (RS-prefixed).
  enum class layout : std::uint8_t { unknown, ndjson, documents, json_seq };

  // Opens a file; "-" is standard input. On failure, ok() is false and
  // error() says why.
  static reader open_file(const std::string& path, reader_options opts = {});
  // Reads from a file descriptor the caller owns (standard input is 0).
  static reader from_fd(int fd, reader_options opts = {});
  // Reads bytes the caller holds, in place (no copy but the last window's),
  // as a file with those bytes would be read: every layout, gzip and zstd
  // (decompressed through a memory file), a bulk export stitched. `bytes`
  // must outlive the reader and not change while it reads.
  static reader from_memory(std::string_view bytes, reader_options opts = {});

  reader(reader&&) noexcept;
  reader& operator=(reader&&) noexcept;
  ~reader();

  bool ok() const noexcept;
  const record_error& error() const noexcept;  // io_error or record_too_large
  layout input_layout() const noexcept;
  // True once next() has found the input to be a Shopify bulk export, which
  // it stitches (reader_options::stitch_bulk_exports).
  bool bulk_export() const noexcept;
  // Bytes read from the file so far, for a progress display: for gzip or
  // zstd input the compressed bytes, to set against the file's size. Reading
  // runs ahead of the documents handed over by up to the read window.
  std::uint64_t bytes_read() const noexcept;

  // The next document, or false at the end of the input or on a read error
  // (then ok() is false). After a read error (a truncated or corrupt
  // compressed stream too), the documents before it still come; the one it
  // cut short does not.
  bool next(document_view& out);

  // The reject for a document the reader could not hand over
  // (out.problem != ok): its code, offset and a message naming the limit.
  record_error problem(const document_view& doc) const;

 private:
  struct impl;
  ORDERNORM_LOCAL explicit reader(std::unique_ptr<impl> p);  // not exported: the library's own
  std::unique_ptr<impl> impl_;
};

}  // namespace ordernorm
