// The run's engine: reads every input, hands each document to a converter
// (or a tracker) and delivers what comes out to the CLI's output, in input
// order. With one job this is a plain loop on the calling thread. With more,
// one thread reads and copies documents into batches, `jobs` workers each
// convert whole batches with their own engine and record what the sink would
// have been told, and the calling thread replays the batches in input order,
// numbering records as one engine would have: the output is the same bytes
// whatever the number of jobs. A fixed number of batches is in flight, so
// memory does not grow with the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/ordernorm.hpp"

namespace ordernorm::cli {

// What a run read, over every input.
struct totals {
  std::uint64_t records = 0;
  std::uint64_t rejected = 0;
  std::uint64_t shipments = 0;
  bool io_failed = false;
};

// Where each input begins and how it ended, told on the calling thread in
// input order.
class input_events {
 public:
  virtual ~input_events() = default;
  virtual void begin_input(std::string_view name) = 0;
  // `failure` is set when the input could not be opened or read to its end
  // (its message names the offset where there is one).
  virtual void end_input(std::string_view name, const record_error* failure) = 0;
  // For a progress display (--progress), which must not change the output:
  // after each document (one job) or each batch replayed (more), the bytes
  // of the current input the reader had read by then (reader::bytes_read(),
  // as the reading thread saw it) and the records so far in the run; then,
  // before end_input, the bytes of the whole input.
  virtual void on_progress(std::uint64_t /*input_bytes*/, std::uint64_t /*records*/) {}
  virtual void input_read(std::uint64_t /*input_bytes*/) {}
};

// The CLI's order output. An order is written in two steps so that workers
// can do the first: render() into bytes, then on_rendered() in input order.
class order_output : public order_sink, public input_events {
 public:
  // Appends `o` as this output writes it to `out`, and what it writes of
  // `o` to a second output (convert --line-items) to `second`, and returns
  // true; or, when this output leaves `o` out (a filter), appends nothing
  // and returns false. Called on several threads at once: reads nothing but
  // its arguments and settings fixed before the run.
  virtual bool render(const order& o, std::string& out, std::string& second) const = 0;
  // Writes an order render() made, where on_order would have written it.
  virtual void on_rendered(std::string_view text, std::string_view second,
                           const record_position& where) = 0;
  // An order render() left out, told where on_order would have seen it.
  // on_order (one job) must do what render() then on_rendered() or
  // on_filtered() would.
  virtual void on_filtered(const record_position& /*where*/) {}
};

// The same for `track`'s shipments.
class shipment_output : public shipment_sink, public input_events {
 public:
  virtual void render(const shipment& s, const derivation* why, std::string& out) const = 0;
  virtual void on_rendered(std::string_view text, const record_position& where) = 0;
};

// Private tunables (the fuzz target and the tests make batches tiny so that
// their boundaries fall everywhere).
struct pipeline_tuning {
  // A batch is closed once its documents reach this many bytes or this many
  // documents (many tiny documents, each perhaps a reject with a message,
  // must not make a batch's output large).
  std::size_t batch_bytes = std::size_t{1} << 20;
  std::size_t batch_documents = 1024;
  // Batches in flight per worker (being filled, queued, converted, waiting
  // to be written), besides two: the memory bound.
  std::size_t batches_per_job = 2;
};

// The number of jobs `-j` means by default: the number of cores, at least 1.
unsigned default_jobs() noexcept;

// Reads `inputs` ("-" is standard input; none means standard input) and
// converts every document on `jobs` threads (1: on the calling thread, no
// other thread started).
totals convert_inputs(const std::vector<std::string>& inputs, const reader_options& reading,
                      const options& converting, unsigned jobs, order_output& out,
                      const pipeline_tuning& tuning = {});

totals track_inputs(const std::vector<std::string>& inputs, const reader_options& reading,
                    const track_options& tracking, unsigned jobs, shipment_output& out,
                    const pipeline_tuning& tuning = {});

}  // namespace ordernorm::cli
