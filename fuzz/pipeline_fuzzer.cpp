// The CLI's ordered parallel pipeline (src/cli/pipeline.hpp, `-j N`) on
// arbitrary bytes: the input, given twice as two inputs (record numbers
// start again at the second), is converted and tracked on one thread and on
// three, with batches of 1 to 4 documents, a small read window and record
// limit, and lists streamed from a few hundred bytes on, so that batch
// boundaries, reader refills, skipped records and list elements fall
// everywhere.
// Invariant: three jobs tell the output exactly what one job tells it, in
// the same order (orders and shipments as rendered, rejects and warnings
// with their positions, each input's begin and end, the totals).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common.hpp"
#include "pipeline_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::memory_file file(data, size);
  const std::string path = "/proc/self/fd/" + std::to_string(file.fd());
  const std::vector<std::string> inputs = {path, path};

  // Tunables from the input's size only, so that a crash reproduces.
  ordernorm::cli::pipeline_tuning tuning;
  tuning.batch_documents = 1 + size % 4;
  tuning.batch_bytes = 1 + size % 997;
  tuning.batches_per_job = 1 + size % 2;
  ordernorm::reader_options reading;
  reading.window_bytes = 1 + size % 61;
  reading.max_record_bytes = 512 + size % 1024;
  reading.whole_document_bytes = 64 + size % 512;  // lists stream, element by element
  ordernorm::options converting;
  converting.limits.max_record_bytes = reading.max_record_bytes;
  converting.limits.max_depth = 16;
  ordernorm::track_options tracking;
  tracking.limits = converting.limits;
  tracking.explain = true;

  const std::string one =
      ordernorm::testing::convert_transcript(inputs, 1, tuning, converting, reading);
  const std::string three =
      ordernorm::testing::convert_transcript(inputs, 3, tuning, converting, reading);
  fuzz::check(one == three, "convert: -j 3 tells the output what -j 1 tells it",
              one + "\n---- 3 jobs ----\n" + three);

  reading.stream_lists = false;  // as `ordernorm track` reads
  const std::string tracked_one =
      ordernorm::testing::track_transcript(inputs, 1, tuning, tracking, reading);
  const std::string tracked_three =
      ordernorm::testing::track_transcript(inputs, 3, tuning, tracking, reading);
  fuzz::check(tracked_one == tracked_three, "track: -j 3 tells the output what -j 1 tells it",
              tracked_one + "\n---- 3 jobs ----\n" + tracked_three);
  return 0;
}
