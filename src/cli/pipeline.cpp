#include "pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>

namespace ordernorm::cli {
namespace {

std::string shown_name(const std::string& name) { return name == "-" ? "<stdin>" : name; }

// The two engines by one name.
void run_engine(converter& engine, const document_view& doc, order_sink& sink) {
  engine.convert(doc, sink);
}
void run_engine(tracker& engine, const document_view& doc, shipment_sink& sink) {
  engine.track(doc, sink);
}
std::uint64_t shipments_of(const converter&) { return 0; }
std::uint64_t shipments_of(const tracker& engine) { return engine.shipments(); }

template <class Engine>
struct engine_types;
template <>
struct engine_types<converter> {
  using settings = options;
  using output = order_output;
};
template <>
struct engine_types<tracker> {
  using settings = track_options;
  using output = shipment_output;
};

// -j 1: today's loop, on the calling thread.
template <class Engine, class Output>
totals read_sequential(const std::vector<std::string>& inputs, const reader_options& reading,
                       Engine& engine, Output& out) {
  totals t;
  for (const std::string& name : inputs) {
    const std::string shown = shown_name(name);
    out.begin_input(shown);
    engine.reset_counts();
    reader in = reader::open_file(name, reading);
    document_view doc;
    while (in.next(doc)) {
      out.on_progress(in.bytes_read(), t.records + engine.records());
      if (doc.problem != error_code::ok) {
        engine.reject_record(in.problem(doc), out);
        continue;
      }
      run_engine(engine, doc, out);
    }
    t.records += engine.records();
    t.rejected += engine.rejected();
    t.shipments += shipments_of(engine);
    if (!in.ok()) t.io_failed = true;
    out.input_read(in.bytes_read());
    out.end_input(shown, in.ok() ? nullptr : &in.error());
  }
  return t;
}

// One thing a sink was told, kept to be told again in input order.
struct event {
  enum class kind : std::uint8_t { item, filtered, reject, warning };
  kind what = kind::item;
  std::uint64_t record = 0;  // as the batch's engine numbered it, from 1
  std::uint64_t byte_offset = 0;
  // item: where its text ends in batch::items; reject, warning: the index
  // in batch::errors or batch::warnings; filtered: nothing.
  std::size_t payload = 0;
  std::size_t second_end = 0;  // an order item: where its text ends in batch::second_items
};

// A document in a batch: the reader's view, with `at` its offset in
// batch::text (the text may move while the batch fills), or, when the reader
// could not hand it over, the index of its reject in batch::problems.
struct slot {
  document_view view;
  std::size_t at = 0;
  std::size_t origins_at = 0;  // view.origins, copied to batch::origins from here
};

struct batch {
  // Filled by the reading thread.
  std::size_t input = 0;  // index in the run's inputs
  bool first_of_input = false;
  bool last_of_input = false;
  std::optional<record_error> failure;  // the input's, on its last batch
  // reader::bytes_read() once the batch was filled (on the last batch of an
  // input, the whole input's), for the progress display.
  std::uint64_t bytes_read = 0;
  std::string text;  // the documents, each followed by converter::padding zero bytes
  std::vector<text_origin> origins;  // the documents' origins (a stitched bulk export order's)
  std::vector<slot> docs;
  std::vector<record_error> problems;
  // Filled by a worker.
  std::string items;         // rendered orders or shipments, back to back
  std::string second_items;  // what rendered orders wrote to a second output
  std::vector<event> events;
  std::vector<record_error> errors;
  std::vector<record_warning> warnings;
  std::uint64_t records = 0;
  std::uint64_t rejected = 0;
  std::uint64_t shipments = 0;
  bool done = false;

  // Keeps the buffers for the next use, unless one document made them much
  // larger than a batch is meant to be.
  void clear(std::size_t kept_bytes) {
    first_of_input = last_of_input = done = false;
    failure.reset();
    bytes_read = 0;
    for (std::string* s : {&text, &items, &second_items}) {
      if (s->capacity() > kept_bytes) {
        std::string().swap(*s);
      } else {
        s->clear();
      }
    }
    docs.clear();
    origins.clear();
    problems.clear();
    events.clear();
    errors.clear();
    warnings.clear();
    records = rejected = shipments = 0;
  }
};

// A worker's sink: records each event into the batch at hand.
template <class Sink>
class capture_base : public Sink {
 public:
  batch* into = nullptr;

  void on_reject(const record_error& e, const record_position& where) override {
    into->errors.push_back(e);
    into->events.push_back(
        {event::kind::reject, where.index, where.byte_offset, into->errors.size() - 1});
  }
  void on_warning(const record_warning& w, const record_position& where) override {
    into->warnings.push_back(w);
    into->events.push_back(
        {event::kind::warning, where.index, where.byte_offset, into->warnings.size() - 1});
  }

 protected:
  void item_rendered(const record_position& where) {
    into->events.push_back({event::kind::item, where.index, where.byte_offset, into->items.size(),
                            into->second_items.size()});
  }
};

class order_capture final : public capture_base<order_sink> {
 public:
  explicit order_capture(const order_output& out) : out_(out) {}
  void on_order(const order& o, const record_position& where) override {
    if (out_.render(o, into->items, into->second_items)) {
      item_rendered(where);
    } else {
      into->events.push_back({event::kind::filtered, where.index, where.byte_offset, 0, 0});
    }
  }

 private:
  const order_output& out_;
};

class shipment_capture final : public capture_base<shipment_sink> {
 public:
  explicit shipment_capture(const shipment_output& out) : out_(out) {}
  void on_shipment(const shipment& s, const derivation* why,
                   const record_position& where) override {
    out_.render(s, why, into->items);
    item_rendered(where);
  }

 private:
  const shipment_output& out_;
};

order_capture capture_for(const order_output& out) { return order_capture(out); }
shipment_capture capture_for(const shipment_output& out) { return shipment_capture(out); }

// -j N, N > 1. Every batch goes through three hands: the reading thread
// fills it, a worker converts it, the calling thread replays it and gives it
// back. The batches are made once; waiting for a free one is the
// backpressure that bounds memory.
template <class Engine>
class parallel_run {
 public:
  using settings = typename engine_types<Engine>::settings;
  using output = typename engine_types<Engine>::output;

  parallel_run(const std::vector<std::string>& inputs, const reader_options& reading,
               const settings& engine_settings, unsigned jobs, output& out,
               const pipeline_tuning& tuning)
      : inputs_(inputs),
        reading_(reading),
        settings_(engine_settings),
        jobs_(jobs),
        out_(out),
        tuning_(tuning) {
    const std::size_t count =
        std::size_t{jobs} * std::max<std::size_t>(tuning.batches_per_job, 1) + 2;
    batches_.resize(count);
    for (auto& b : batches_) {
      b = std::make_unique<batch>();
      free_.push_back(b.get());
    }
  }

  // std::nullopt when the threads could not be started; nothing was read
  // then (the reading thread starts last), and the caller runs on one.
  std::optional<totals> run() {
    std::vector<std::thread> threads;
    threads.reserve(jobs_ + 1);
    try {
      for (unsigned i = 0; i < jobs_; ++i) threads.emplace_back([this] { work(); });
      threads.emplace_back([this] { read_all(); });
    } catch (const std::system_error&) {
      {
        const std::lock_guard lock(mutex_);
        reading_done_ = true;
        work_ready_.notify_all();
      }
      for (std::thread& th : threads) th.join();
      return std::nullopt;
    }
    totals t;
    std::uint64_t base = 0;  // records of the current input before this batch
    while (batch* b = next_in_order()) {
      replay(*b, base, t);
      recycle(b);
    }
    for (std::thread& th : threads) th.join();
    return t;
  }

 private:
  // The reading thread.
  void read_all() {
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      reader in = reader::open_file(inputs_[i], reading_);
      batch* b = acquire();
      b->input = i;
      b->first_of_input = true;
      document_view doc;
      while (in.next(doc)) {
        if (b->docs.size() >= tuning_.batch_documents || b->text.size() >= tuning_.batch_bytes) {
          b->bytes_read = in.bytes_read();
          submit(b);
          b = acquire();
          b->input = i;
        }
        add(*b, in, doc);
      }
      b->last_of_input = true;
      b->bytes_read = in.bytes_read();
      if (!in.ok()) b->failure = in.error();
      submit(b);
    }
    const std::lock_guard lock(mutex_);
    reading_done_ = true;
    work_ready_.notify_all();
    batch_done_.notify_one();
  }

  // Copies the document: the reader's view lasts only until its next().
  static void add(batch& b, const reader& in, const document_view& doc) {
    slot s;
    s.view = doc;
    s.view.data = nullptr;
    if (doc.problem != error_code::ok) {
      s.at = b.problems.size();
      b.problems.push_back(in.problem(doc));
    } else {
      s.at = b.text.size();
      s.origins_at = b.origins.size();
      b.origins.insert(b.origins.end(), doc.origins.begin(), doc.origins.end());
      s.view.capacity = doc.size + converter::padding;
      b.text.append(doc.data, doc.size);
      b.text.resize(b.text.size() + converter::padding);  // zeros: the first must be
    }
    b.docs.push_back(s);
  }

  // A worker.
  void work() {
    Engine engine(settings_);
    auto capture = capture_for(out_);
    while (batch* b = take_work()) {
      engine.reset_counts();  // records are numbered from 1 in each batch
      capture.into = b;
      for (const slot& s : b->docs) {
        if (s.view.problem != error_code::ok) {
          engine.reject_record(b->problems[s.at], capture);
          continue;
        }
        document_view doc = s.view;
        doc.data = b->text.data() + s.at;
        doc.origins = {b->origins.data() + s.origins_at, s.view.origins.size()};
        run_engine(engine, doc, capture);
      }
      b->records = engine.records();
      b->rejected = engine.rejected();
      b->shipments = shipments_of(engine);
      const std::lock_guard lock(mutex_);
      b->done = true;
      batch_done_.notify_one();
    }
  }

  // The calling thread: tells the output what the batch's engine told its
  // sink, numbering records as one engine reading the whole input would.
  void replay(const batch& b, std::uint64_t& base, totals& t) {
    const std::string shown = shown_name(inputs_[b.input]);
    if (b.first_of_input) {
      out_.begin_input(shown);
      base = 0;
    }
    const std::string_view items = b.items;
    const std::string_view second_items = b.second_items;
    std::size_t from = 0;
    std::size_t second_from = 0;
    for (const event& e : b.events) {
      const record_position where{base + e.record, e.byte_offset};
      switch (e.what) {
        case event::kind::item:
          if constexpr (std::is_same_v<Engine, converter>) {
            out_.on_rendered(items.substr(from, e.payload - from),
                             second_items.substr(second_from, e.second_end - second_from), where);
          } else {
            out_.on_rendered(items.substr(from, e.payload - from), where);
          }
          from = e.payload;
          second_from = e.second_end;
          break;
        case event::kind::filtered:
          if constexpr (std::is_same_v<Engine, converter>) out_.on_filtered(where);
          break;
        case event::kind::reject:
          out_.on_reject(b.errors[e.payload], where);
          break;
        case event::kind::warning:
          out_.on_warning(b.warnings[e.payload], where);
          break;
      }
    }
    out_.on_progress(b.bytes_read, t.records + b.records);
    base += b.records;
    t.records += b.records;
    t.rejected += b.rejected;
    t.shipments += b.shipments;
    if (b.last_of_input) {
      if (b.failure) t.io_failed = true;
      out_.input_read(b.bytes_read);
      out_.end_input(shown, b.failure ? &*b.failure : nullptr);
    }
  }

  batch* acquire() {
    std::unique_lock lock(mutex_);
    batch_free_.wait(lock, [this] { return !free_.empty(); });
    batch* b = free_.back();
    free_.pop_back();
    return b;
  }

  void submit(batch* b) {
    const std::lock_guard lock(mutex_);
    in_order_.push_back(b);
    if (b->docs.empty()) {  // an input's end and nothing else: nothing to convert
      b->done = true;
      batch_done_.notify_one();
    } else {
      work_.push_back(b);
      work_ready_.notify_one();
    }
  }

  batch* take_work() {
    std::unique_lock lock(mutex_);
    work_ready_.wait(lock, [this] { return !work_.empty() || reading_done_; });
    if (work_.empty()) return nullptr;
    batch* b = work_.front();
    work_.pop_front();
    return b;
  }

  batch* next_in_order() {
    std::unique_lock lock(mutex_);
    batch_done_.wait(lock, [this] {
      return (!in_order_.empty() && in_order_.front()->done) ||
             (in_order_.empty() && reading_done_);
    });
    if (in_order_.empty()) return nullptr;
    batch* b = in_order_.front();
    in_order_.pop_front();
    return b;
  }

  void recycle(batch* b) {
    b->clear(4 * tuning_.batch_bytes);
    const std::lock_guard lock(mutex_);
    free_.push_back(b);
    batch_free_.notify_one();
  }

  const std::vector<std::string>& inputs_;
  const reader_options& reading_;
  const settings& settings_;
  const unsigned jobs_;
  output& out_;
  const pipeline_tuning tuning_;

  std::vector<std::unique_ptr<batch>> batches_;
  std::mutex mutex_;
  std::condition_variable batch_free_;  // the reading thread waits for a batch to fill
  std::condition_variable work_ready_;  // workers wait for a batch to convert
  std::condition_variable batch_done_;  // the calling thread waits for the next batch in order
  std::vector<batch*> free_;
  std::deque<batch*> work_;      // filled, not yet taken by a worker
  std::deque<batch*> in_order_;  // filled, not yet replayed, in input order
  bool reading_done_ = false;
};

template <class Engine>
totals run_inputs(const std::vector<std::string>& names, const reader_options& reading,
                  const typename engine_types<Engine>::settings& engine_settings, unsigned jobs,
                  typename engine_types<Engine>::output& out, const pipeline_tuning& tuning) {
  std::vector<std::string> inputs = names;
  if (inputs.empty()) inputs.push_back("-");
  if (jobs <= 1) {
    Engine engine(engine_settings);
    return read_sequential(inputs, reading, engine, out);
  }
  parallel_run<Engine> run(inputs, reading, engine_settings, jobs, out, tuning);
  if (const std::optional<totals> t = run.run()) return *t;
  Engine engine(engine_settings);
  return read_sequential(inputs, reading, engine, out);
}

}  // namespace

unsigned default_jobs() noexcept {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

totals convert_inputs(const std::vector<std::string>& inputs, const reader_options& reading,
                      const options& converting, unsigned jobs, order_output& out,
                      const pipeline_tuning& tuning) {
  return run_inputs<converter>(inputs, reading, converting, jobs, out, tuning);
}

totals track_inputs(const std::vector<std::string>& inputs, const reader_options& reading,
                    const track_options& tracking, unsigned jobs, shipment_output& out,
                    const pipeline_tuning& tuning) {
  return run_inputs<tracker>(inputs, reading, tracking, jobs, out, tuning);
}

}  // namespace ordernorm::cli
