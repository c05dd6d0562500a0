// ordernorm: the command-line front end. The only part of ordernorm that
// talks to the terminal: options.cpp reads the command line,
// output_files.cpp writes the outputs without ever destroying data,
// record_log.cpp says what was rejected or warned about; here, the runs.
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "options.hpp"
#include "ordernorm/ordernorm.hpp"
#include "output_files.hpp"
#include "pipeline.hpp"
#include "progress.hpp"
#include "record_log.hpp"

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
  return t.rejected == 0 ? 0 : 1;
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
  return opts.tracking ? ordernorm::cli::run_track(opts) : ordernorm::cli::run_convert(opts);
}
