// ordernorm: the command-line front end. The only part of ordernorm that
// talks to the terminal: options.cpp reads the command line,
// output_files.cpp writes the outputs without ever destroying data,
// record_log.cpp says what was rejected or warned about; here, the runs.
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "options.hpp"
#include "ordernorm/ordernorm.hpp"
#include "output_files.hpp"
#include "pipeline.hpp"
#include "progress.hpp"
#include "record_log.hpp"
#include "store.hpp"

namespace ordernorm::cli {
namespace {

// The message names the offset where there is one (not for a file that
// cannot be opened). The progress line is taken off first.
void report_failure(std::string_view name, const record_error* failure, progress& display) {
  if (failure == nullptr) return;
  display.clear();
  fmt::print(stderr, "ordernorm: {}: {}\n", name, failure->message);
}

// What both printers do beside writing: rejects and warnings to the record
// log, the input's name for it, a failed input's message, and progress.
template <class Output>
class logged_output : public Output {
 public:
  logged_output(record_log& log, progress& display) : log_(log), display_(display) {}

  void on_reject(const record_error& e, const record_position& where) override {
    log_.reject(e, where);
  }
  void on_warning(const record_warning& w, const record_position& where) override {
    log_.warn(w, where);
  }
  void begin_input(std::string_view name) override { log_.set_input(name); }
  void end_input(std::string_view name, const record_error* failure) override {
    report_failure(name, failure, display_);
  }
  void on_progress(std::uint64_t input_bytes, std::uint64_t records) override {
    if (display_) display_.update(input_bytes, records);
  }
  void input_read(std::uint64_t input_bytes) override { display_.input_done(input_bytes); }

 protected:
  record_log& log() { return log_; }

 private:
  record_log& log_;
  progress& display_;
};

// convert's output: NDJSON, one JSON array, or CSV (orders, and line items
// to a second file when one is given). Orders a filter leaves out are
// written nowhere, only counted.
class order_printer final : public logged_output<order_output> {
 public:
  // `filter`: the orders to write; null or empty, every one. `line_items`:
  // the line items' CSV file (csv only), or null.
  order_printer(output_file& out, output_file* line_items, record_log& log, progress& display,
                output_format format, const order_filter* filter)
      : logged_output(log, display),
        out_(out),
        line_items_(line_items),
        format_(format),
        filter_(filter != nullptr && !filter->empty() ? filter : nullptr) {
    if (format_ == output_format::csv) {
      write_csv_header(csv_table::orders, out_.buffer());
      if (line_items_ != nullptr) write_csv_header(csv_table::line_items, line_items_->buffer());
    }
  }

  bool render(const order& o, std::string& buf, std::string& second) const override {
    if (!wanted(o)) return false;
    if (format_ == output_format::csv) {
      write_csv(o, buf);
      if (line_items_ != nullptr) write_csv_line_items(o, second);
    } else {
      write_json(o, buf);
    }
    return true;
  }
  void on_order(const order& o, const record_position& where) override {
    if (!wanted(o)) {
      on_filtered(where);
      return;
    }
    if (format_ == output_format::csv) {
      write_csv(o, out_.buffer());
      if (line_items_ != nullptr) write_csv_line_items(o, line_items_->buffer());
    } else {
      write_json(o, begin_order());
    }
    end_order();
  }
  void on_rendered(std::string_view text, std::string_view second,
                   const record_position&) override {
    begin_order() += text;
    if (line_items_ != nullptr) line_items_->buffer() += second;
    end_order();
  }
  void on_filtered(const record_position&) override { ++filtered_; }
  void finish() {
    if (format_ == output_format::json) out_.buffer() += orders_ == 0 ? "[]\n" : "\n]\n";
  }
  std::uint64_t filtered() const noexcept { return filtered_; }

 private:
  bool wanted(const order& o) const noexcept { return filter_ == nullptr || matches(o, *filter_); }
  std::string& begin_order() {
    std::string& buf = out_.buffer();
    if (format_ == output_format::json) buf += orders_ == 0 ? "[\n" : ",\n";
    return buf;
  }
  void end_order() {
    if (format_ == output_format::ndjson) out_.buffer().push_back('\n');
    ++orders_;
    // A write error sticks; the run's end reports it.
    out_.maybe_flush();
    if (line_items_ != nullptr) line_items_->maybe_flush();
  }

  output_file& out_;
  output_file* line_items_;
  output_format format_;
  const order_filter* filter_;
  std::uint64_t orders_ = 0;
  std::uint64_t filtered_ = 0;
};

class shipment_printer final : public logged_output<shipment_output> {
 public:
  shipment_printer(output_file& out, record_log& log, progress& display, bool explain)
      : logged_output(log, display), out_(out), explain_(explain) {}

  void render(const shipment& s, const derivation* why, std::string& buf) const override {
    if (why != nullptr) {
      write_json(s, *why, explain_, buf);
    } else {
      write_json(s, buf);
      buf.push_back('\n');
    }
  }
  void on_shipment(const shipment& s, const derivation* why, const record_position&) override {
    render(s, why, out_.buffer());
    out_.maybe_flush();  // a write error sticks; the run's end reports it
  }
  void on_rendered(std::string_view text, const record_position&) override {
    out_.buffer() += text;
    out_.maybe_flush();
  }

 private:
  output_file& out_;
  bool explain_;
};

// Checks and opens the outputs, runs `body(out, line_items, log, display)`
// (line_items: null without --line-items), then puts every output file in
// place when the run ends normally (exit 0 or 1) or leaves every one as it
// was (exit 2). The summary comes last, after the output is flushed and the
// progress line cleared.
template <class Body>
int with_outputs(const cli_options& opts, Body body) {
  std::vector<named_output> named{{"-o", opts.output}};
  if (!opts.rejects.empty()) named.push_back({"--rejects", opts.rejects});
  if (!opts.warnings.empty()) named.push_back({"--warnings", opts.warnings});
  if (!opts.line_items.empty()) named.push_back({"--line-items", opts.line_items});
  if (const auto refused = check_files(opts.inputs, named)) {
    fmt::print(stderr, "ordernorm: {}\n", *refused);
    return 2;
  }
  output_file out;
  output_file rejects;
  output_file warnings;
  output_file line_items;
  for (const auto& [file, path] :
       {std::pair{&out, &opts.output}, std::pair{&rejects, &opts.rejects},
        std::pair{&warnings, &opts.warnings}, std::pair{&line_items, &opts.line_items}}) {
    if (path->empty()) continue;
    if (const auto failed = file->open(*path)) {
      fmt::print(stderr, "ordernorm: {}\n", *failed);
      return 2;  // the files opened so far are discarded
    }
  }
  record_log log(opts.rejects.empty() ? nullptr : &rejects,
                 opts.warnings.empty() ? nullptr : &warnings, opts.quiet);
  progress display(opts.progress, opts.quiet, opts.inputs);
  log.set_progress(&display);
  const auto [t, summary] =
      body(out, opts.line_items.empty() ? nullptr : &line_items, log, display);
  display.clear();  // before anything else goes to standard error

  bool failed = t.io_failed;
  const auto files = {&out, &rejects, &warnings, &line_items};
  for (output_file* file : files) {
    if (const auto error = failed ? std::nullopt : file->finish()) {
      fmt::print(stderr, "ordernorm: {}\n", *error);
      failed = true;
    }
  }
  for (output_file* file : files) {
    if (failed) {
      if (file->discard()) fmt::print(stderr, "ordernorm: {} left as it was\n", file->path());
    } else if (const auto error = file->commit()) {
      fmt::print(stderr, "ordernorm: {}\n", *error);
      failed = true;
    }
  }
  // Also after a failure: what was read before it.
  if (!opts.quiet) fmt::print(stderr, "ordernorm: {}{}\n", summary, log.warnings_summary());
  if (failed) return 2;
  return t.rejected == 0 && log.not_stored_count() == 0 ? 0 : 1;
}

int run_convert(const cli_options& opts) {
  return with_outputs(opts, [&](output_file& out, output_file* line_items, record_log& log,
                                progress& display) {
    order_printer sink(out, line_items, log, display, opts.format, &opts.filter);
    const totals t = convert_inputs(opts.inputs, opts.reader, opts.convert, opts.jobs, sink);
    sink.finish();
    // Filtered-out orders were converted: they are counted as such, and
    // named only when a filter was given, so that the line is unchanged
    // without one.
    return std::pair{
        t, fmt::format("{}: {} converted, {} rejected{}", count_of(t.records, "record", "records"),
                       t.records - t.rejected, t.rejected,
                       opts.filter.empty() ? std::string()
                                           : fmt::format(", {} filtered out", sink.filtered()))};
  });
}

// `load`'s sink: each order into the store, on the calling thread in input
// order. With -j N a worker stages an order (order_store::stage) and the
// calling thread stores what it staged.
// Orders convert's filter flags leave out are not stored, only counted.
class store_loader final : public logged_output<order_output> {
 public:
  store_loader(store::order_store& db, record_log& log, progress& display,
               const order_filter& filter)
      : logged_output(log, display), db_(db), filter_(filter.empty() ? nullptr : &filter) {}

  bool render(const order& o, std::string& buf, std::string&) const override {
    if (!wanted(o)) return false;
    db_.stage(o, buf);
    return true;
  }
  void on_order(const order& o, const record_position& where) override {
    if (!wanted(o)) {
      on_filtered(where);
      return;
    }
    store([&](std::string& refused) { return db_.put(o, refused); }, where);
  }
  void on_rendered(std::string_view image, std::string_view,
                   const record_position& where) override {
    store([&](std::string& refused) { return db_.put_staged(image, refused); }, where);
  }
  void on_filtered(const record_position&) override { ++filtered_; }
  // The first failure of the database, if any.
  const std::optional<std::string>& failure() const { return failure_; }
  std::uint64_t filtered() const noexcept { return filtered_; }

 private:
  bool wanted(const order& o) const noexcept { return filter_ == nullptr || matches(o, *filter_); }
  // `put` is the store's put() or put_staged(); a refused order is reported
  // (and counted) where rejects go.
  template <class Put>
  void store(const Put& put, const record_position& where) {
    if (failure_) return;  // nothing more is stored after a failure
    refused_.clear();
    failure_ = put(refused_);
    if (!refused_.empty()) log().not_stored(refused_ + "; the order is not stored", where);
  }

  store::order_store& db_;
  const order_filter* filter_;
  std::string refused_;
  std::optional<std::string> failure_;
  std::uint64_t filtered_ = 0;
};

int run_load(const cli_options& opts) {
  auto opened = store::open_store(opts.db, store::open_mode::load, opts.store);
  if (const auto* refused = std::get_if<std::string>(&opened)) {
    fmt::print(stderr, "ordernorm: {}\n", *refused);
    return 2;
  }
  store::order_store& db = *std::get<std::unique_ptr<store::order_store>>(opened);
  return with_outputs(opts, [&](output_file&, output_file*, record_log& log, progress& display) {
    store_loader sink(db, log, display, opts.filter);
    totals t = convert_inputs(opts.inputs, opts.reader, opts.convert, opts.jobs, sink);
    const std::optional<std::string> failure = sink.failure() ? sink.failure() : db.finish();
    if (failure) {
      display.clear();
      fmt::print(stderr, "ordernorm: {}\n", *failure);
      t.io_failed = true;
    }
    const store::load_counts& c = db.counts();
    return std::pair{
        t,
        fmt::format(
            "{}: {} converted, {} rejected{}; stored {} new, {} replaced, {} "
            "unchanged, {} older skipped{}",
            count_of(t.records, "record", "records"), t.records - t.rejected, t.rejected,
            opts.filter.empty() ? std::string() : fmt::format(", {} filtered out", sink.filtered()),
            c.inserted, c.replaced, c.unchanged, c.older,
            log.not_stored_count() == 0 ? std::string()
                                        : fmt::format(", {} not stored", log.not_stored_count()))};
  });
}

int run_orders(const cli_options& opts) {
  auto opened = store::open_store(opts.db, store::open_mode::read);
  if (const auto* refused = std::get_if<std::string>(&opened)) {
    fmt::print(stderr, "ordernorm: {}\n", *refused);
    return 2;
  }
  store::order_store& db = *std::get<std::unique_ptr<store::order_store>>(opened);
  const orders_options& ask = opts.ask;
  store::order_query q;
  q.id = ask.id;
  q.alternate_id = ask.alternate_id;
  q.filter = opts.filter;
  q.tracking_code = ask.tracking_code;
  q.number = ask.number;
  q.customer_email = ask.customer_email;
  q.limit = ask.limit;
  q.after = ask.after;

  std::string buf;
  bool write_failed = false;
  std::uint64_t printed = 0;
  auto flush = [&] {
    if (!write_failed && std::fwrite(buf.data(), 1, buf.size(), stdout) != buf.size()) {
      write_failed = true;
    }
    buf.clear();
  };
  store::order_store::page page;
  const auto failed = db.find(
      q,
      [&](const owned_order& o) {
        write_json(o, buf);
        buf.push_back('\n');
        ++printed;
        if (buf.size() >= (std::size_t{1} << 20)) flush();
        return !write_failed;
      },
      page);
  flush();
  if (std::fflush(stdout) != 0 || write_failed) {
    fmt::print(stderr, "ordernorm: writing standard output failed\n");
    return 2;
  }
  if (failed) {
    fmt::print(stderr, "ordernorm: {}\n", *failed);
    return 2;
  }
  if (page.more) {
    fmt::print(stderr, "ordernorm: next page: --after {}\n", store::cursor_of(page.last_row));
  }
  const bool lookup = q.id || q.alternate_id || q.tracking_code || q.number;
  return lookup && printed == 0 ? 1 : 0;
}

int run_track(const cli_options& opts) {
  return with_outputs(
      opts, [&](output_file& out, output_file*, record_log& log, progress& display) {
        shipment_printer sink(out, log, display, opts.track.explain);
        track_options track = opts.track;
        track.explain = true;  // decidedBy and rule are always printed
        reader_options reading = opts.reader;
        reading.stream_lists = false;  // tracking documents are objects, never lists
        const totals t = track_inputs(opts.inputs, reading, track, opts.jobs, sink);
        return std::pair{
            t, fmt::format("{}: {}, {} rejected", count_of(t.records, "document", "documents"),
                           count_of(t.shipments, "shipment", "shipments"), t.rejected)};
      });
}

}  // namespace
}  // namespace ordernorm::cli

int main(int argc, char** argv) {
  ordernorm::cli::cli_options opts;
  if (const auto code = ordernorm::cli::parse_command_line(argc, argv, opts)) return *code;
  if (opts.schema) {
    // Pretty-printed: a document people read and diff, printed once.
    const std::string schema = ordernorm::json_schema(*opts.schema);
    return std::fwrite(schema.data(), 1, schema.size(), stdout) == schema.size() &&
                   std::fflush(stdout) == 0
               ? 0
               : 2;
  }
  if (opts.load) return ordernorm::cli::run_load(opts);
  if (opts.orders) return ordernorm::cli::run_orders(opts);
  return opts.tracking ? ordernorm::cli::run_track(opts) : ordernorm::cli::run_convert(opts);
}
