// ordernorm_read: the reader alone over a file, no converter, so that what
// reading costs (and, for a Shopify bulk export, what stitching adds to it)
// is a figure of its own beside `ordernorm convert` (bench/shopify_shapes.sh
// times both). In the CLI this is the one reading thread's work, at any -j.
//
//   ordernorm_read FILE                # as the CLI reads it: a bulk export stitched
//   ordernorm_read --no-stitch FILE    # reader_options::stitch_bulk_exports = false
//
// Prints "D documents, B bytes" (for a stitched export, D is its orders) on
// standard output; exits 1 when the file cannot be read or a document could
// not be handed over, so that a broken input does not pass for a fast one.
#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "ordernorm/reader.hpp"

int main(int argc, char** argv) {
  ordernorm::reader_options opts;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--no-stitch") {
      opts.stitch_bulk_exports = false;
    } else if (path.empty() && !arg.empty() && (arg == "-" || arg[0] != '-')) {
      path = arg;
    } else {
      fmt::print(stderr, "usage: ordernorm_read [--no-stitch] FILE\n");
      return 2;
    }
  }
  if (path.empty()) {
    fmt::print(stderr, "usage: ordernorm_read [--no-stitch] FILE\n");
    return 2;
  }
  ordernorm::reader in = ordernorm::reader::open_file(path, opts);
  ordernorm::document_view doc;
  std::uint64_t documents = 0, bytes = 0, problems = 0;
  while (in.next(doc)) {
    ++documents;
    bytes += doc.size;
    if (doc.problem != ordernorm::error_code::ok) {
      if (problems++ == 0) {
        fmt::print(stderr, "ordernorm_read: {}: {}\n", path, in.problem(doc).message);
      }
    }
  }
  if (!in.ok()) {
    fmt::print(stderr, "ordernorm_read: {}: {}\n", path, in.error().message);
    return 1;
  }
  fmt::print("{} documents, {} bytes\n", documents, bytes);
  if (problems != 0) {
    fmt::print(stderr, "ordernorm_read: {}: {} documents could not be handed over\n", path,
               problems);
    return 1;
  }
  return 0;
}
