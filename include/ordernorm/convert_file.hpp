// One call for a whole file: what `ordernorm convert FILE` reads, into a sink.
//
//   print_orders sink;  // an ordernorm::order_sink
//   const ordernorm::file_conversion r = ordernorm::convert_file("orders.jsonl.gz", sink);
//   if (r.failure) std::fprintf(stderr, "%s\n", r.failure->message.c_str());
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ordernorm/convert.hpp"
#include "ordernorm/error.hpp"
#include "ordernorm/export.hpp"
#include "ordernorm/reader.hpp"

namespace ordernorm {

// What convert_file read: records == converted + rejected.
struct file_conversion {
  std::uint64_t records = 0;
  std::uint64_t converted = 0;
  std::uint64_t rejected = 0;
  // The input could not be opened, or its reading failed part way (a
  // truncated gzip stream): what came before it was converted.
  std::optional<record_error> failure;
};

// Converts a file ("-" is standard input) exactly as the CLI reads one:
// NDJSON, pretty or glued documents and RS texts; gzip and zstd; lists too
// large to hold streamed; Shopify bulk exports stitched (reader.hpp). Each
// order, warning and reject goes to `sink`, in input order; a document the
// reader could not hand over (a line over the record limit) is a reject.
// Records are numbered from 1.
ORDERNORM_API file_conversion convert_file(const std::string& path, order_sink& sink,
                                           const options& opts = {});

// The same over a reader already open (reader::from_memory, from_fd, or
// options of your own), with a converter of yours: every document `in`
// hands over, converted by `conv` into `sink`. The counts are this call's
// (conv.records() and the like go on counting across calls).
ORDERNORM_API file_conversion convert_documents(reader& in, converter& conv, order_sink& sink);

}  // namespace ordernorm
