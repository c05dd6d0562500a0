// The `_ordernorm` extension module: the converter and the tracker for
// Python. The package around it (python/ordernorm/) re-exports it.
//
// Every conversion runs with the GIL released. Orders are views valid only
// during the sink's callback, and Python objects need the GIL, so the C++
// side copies each order into owned storage (a batch: the orders plus an
// arena for their strings) and the dicts are built from that, with the GIL,
// in one pass over the reflected model. NDJSON output needs no copy: it is
// written by write_json while the GIL is released.
#include <Python.h>
#include <datetime.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "ordernorm/ordernorm.hpp"
#include "python_dicts.hpp"

namespace py = pybind11;

namespace ordernorm::python {
namespace {

// ---------------------------------------------------------------------------
// Options

output_style parse_style(const std::string& money, const std::string& timestamps) {
  output_style s;
  if (money == "decimal") {
    s.money_decimal = true;
  } else if (money != "str") {
    throw py::value_error("money is \"str\" or \"decimal\", not \"" + money + "\"");
  }
  if (timestamps == "datetime") {
    s.time_datetime = true;
  } else if (timestamps != "str") {
    throw py::value_error("timestamps is \"str\" or \"datetime\", not \"" + timestamps + "\"");
  }
  return s;
}

mapper parse_mapper(const std::string& name) {
  if (name == "fast") return mapper::fast;
  if (name == "reference") return mapper::reference;
  throw py::value_error("mapper is \"fast\" or \"reference\", not \"" + name + "\"");
}

std::optional<timestamp> parse_as_of(const std::optional<std::string>& as_of) {
  if (!as_of) return std::nullopt;
  const auto t = parse_timestamp(*as_of, naive_time::utc);
  if (!t) {
    throw py::value_error("as_of \"" + *as_of +
                          "\" is not a timestamp (e.g. 2024-05-01T00:00:00Z)");
  }
  return *t;
}

input_limits parse_limits(std::int64_t max_record_bytes, std::int64_t max_depth,
                          std::int64_t max_string_bytes) {
  input_limits l;
  const auto set = [](std::size_t& member, std::int64_t v, const char* name) {
    if (v < 0) return;  // -1: the default
    if (v == 0) throw py::value_error(std::string(name) + " must be positive");
    member = static_cast<std::size_t>(v);
  };
  set(l.max_record_bytes, max_record_bytes, "max_record_bytes");
  set(l.max_depth, max_depth, "max_depth");
  set(l.max_string_bytes, max_string_bytes, "max_string_bytes");
  return l;
}

// 0: one per core, as the CLI's -j.
unsigned parse_threads(int threads) {
  if (threads < 0) throw py::value_error("threads must be 0 (one per core) or more");
  if (threads > 0) return static_cast<unsigned>(threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

enum class output_kind { dicts, ndjson };

output_kind parse_output(const std::string& output) {
  if (output == "dicts") return output_kind::dicts;
  if (output == "ndjson") return output_kind::ndjson;
  throw py::value_error("output is \"dicts\" or \"ndjson\", not \"" + output + "\"");
}

// ---------------------------------------------------------------------------
// Input bytes

// The bytes of `data` (bytes, str as UTF-8, or any buffer), held for as long
// as this lives; read without the GIL.
class input_bytes {
 public:
  explicit input_bytes(const py::object& data) {
    if (PyUnicode_Check(data.ptr())) {
      Py_ssize_t size = 0;
      const char* p = PyUnicode_AsUTF8AndSize(data.ptr(), &size);
      if (p == nullptr) throw py::error_already_set();
      owner_ = data;
      data_ = p;
      size_ = static_cast<std::size_t>(size);
    } else if (PyBytes_Check(data.ptr())) {
      owner_ = data;
      data_ = PyBytes_AS_STRING(data.ptr());
      size_ = static_cast<std::size_t>(PyBytes_GET_SIZE(data.ptr()));
    } else if (PyObject_CheckBuffer(data.ptr())) {
      // Exporting the buffer pins it: a bytearray cannot be resized meanwhile.
      buffer_ =
          std::make_unique<py::buffer_info>(py::reinterpret_borrow<py::buffer>(data).request());
      data_ = static_cast<const char*>(buffer_->ptr);
      size_ = static_cast<std::size_t>(buffer_->size * buffer_->itemsize);
    } else {
      throw py::type_error(std::string("data must be bytes, str or a bytes-like object, not ") +
                           Py_TYPE(data.ptr())->tp_name);
    }
  }
  // Read in place (reader::from_memory): no copy of the caller's bytes.
  std::string_view view() const { return {data_, size_}; }

 private:
  py::object owner_;
  std::unique_ptr<py::buffer_info> buffer_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// ---------------------------------------------------------------------------
// Sinks: owned batches (dicts) or NDJSON text, plus rejects and warnings.

struct owned_reject {
  record_error error;
  record_position where;
};
struct owned_warning {
  record_warning warning;
  record_position where;
};

// Positions in the caller's terms: the bytes read were at `base` in a
// larger input (an NDJSON file's part, in ordernorm.dask).
struct position_map {
  std::uint64_t base = 0;
  record_position map(record_position p) const {
    p.byte_offset += base;
    return p;
  }
  std::uint64_t offset(std::uint64_t o) const { return o + base; }
};

struct run_report {
  std::vector<owned_reject> rejects;
  std::vector<owned_warning> warnings;
  std::uint64_t records = 0;
  std::uint64_t converted = 0;
  std::uint64_t rejected = 0;
};

// One call's output, as the orders come: NDJSON text, or owned orders for
// dicts built afterwards (on one thread; file_stream overlaps the two).
class output_sink : public order_sink {
 public:
  output_sink(output_kind kind, position_map map) : kind_(kind), map_(map) {}

  void on_order(const order& o, const record_position&) override {
    ++report.records;
    ++report.converted;
    if (kind_ == output_kind::ndjson) {
      write_json(o, ndjson);
      ndjson.push_back('\n');
    } else {
      orders.add(o);
    }
  }
  void on_reject(const record_error& e, const record_position& where) override {
    ++report.records;
    ++report.rejected;
    owned_reject r{e, map_.map(where)};
    r.error.byte_offset = map_.offset(e.byte_offset);
    report.rejects.push_back(std::move(r));
  }
  void on_warning(const record_warning& w, const record_position& where) override {
    report.warnings.push_back(owned_warning{w, map_.map(where)});
  }

  run_report report;
  std::string ndjson;
  order_batch orders;

 private:
  output_kind kind_;
  position_map map_;
};

// NDJSON output on several threads. Plain NDJSON (not compressed, not a bulk
// export, whose children must meet their order) is cut at line starts into
// one part per thread; each part is read as those lines of the whole input
// are read (reader_options::ndjson_continuation) and converted by a
// converter of its own; the parts' texts are joined and their records
// renumbered in input order: the bytes and reports of one thread.
struct ndjson_run {
  std::string ndjson;
  run_report report;
  std::optional<record_error> failure;
};

// Where each part starts: {0} when the input is not cut.
std::vector<std::size_t> ndjson_part_starts(std::string_view bytes, const reader_options& reading,
                                            unsigned threads) {
  // Smaller parts would cost a thread more than they save.
  constexpr std::size_t min_part_bytes = std::size_t{1} << 20;
  const std::size_t parts = std::min<std::size_t>(threads, bytes.size() / min_part_bytes);
  if (parts < 2) return {0};
  const auto starts_with = [&](std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
  };
  if (starts_with("\x1f\x8b") || starts_with("\x28\xb5\x2f\xfd")) return {0};
  reader probe = reader::from_memory(bytes, reading);
  document_view first;
  probe.next(first);
  if (probe.input_layout() != reader::layout::ndjson || probe.bulk_export()) return {0};
  std::vector<std::size_t> starts{0};
  for (std::size_t k = 1; k < parts; ++k) {
    const std::size_t from = k * (bytes.size() / parts);
    const auto newline = bytes.find('\n', std::max(from, starts.back() + 1) - 1);
    if (newline == std::string_view::npos || newline + 1 >= bytes.size()) break;
    starts.push_back(newline + 1);
  }
  return starts;
}

ndjson_run convert_ndjson(std::string_view bytes, const reader_options& reading,
                          const options& opts, position_map map, unsigned threads) {
  const std::vector<std::size_t> starts = ndjson_part_starts(bytes, reading, threads);
  std::vector<output_sink> sinks;
  std::vector<file_conversion> done(starts.size());
  sinks.reserve(starts.size());
  for (const std::size_t start : starts) {
    sinks.emplace_back(output_kind::ndjson, position_map{map.base + start});
  }
  const auto convert_part = [&](std::size_t k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : bytes.size();
    reader_options part = reading;
    if (starts.size() > 1) {
      part.stitch_bulk_exports = false;  // the whole input is none
      part.ndjson_continuation = part.ndjson_continuation || k > 0;
    }
    try {
      converter conv(opts);
      reader in = reader::from_memory(bytes.substr(starts[k], end - starts[k]), part);
      done[k] = convert_documents(in, conv, sinks[k]);
    } catch (const std::exception& e) {  // out of memory: this part fails, as a read would
      done[k].failure = record_error{error_code::io_error, e.what(), "", 0};
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t k = 1; k < starts.size(); ++k) helpers.emplace_back(convert_part, k);
  convert_part(0);
  for (auto& t : helpers) t.join();

  ndjson_run out;
  std::size_t size = 0;
  for (const auto& sink : sinks) size += sink.ndjson.size();
  out.ndjson.reserve(size);
  std::uint64_t records_before = 0;
  for (std::size_t k = 0; k < sinks.size(); ++k) {
    run_report& part = sinks[k].report;
    out.ndjson += sinks[k].ndjson;
    for (auto& r : part.rejects) {
      r.where.index += records_before;
      out.report.rejects.push_back(std::move(r));
    }
    for (auto& w : part.warnings) {
      w.where.index += records_before;
      out.report.warnings.push_back(std::move(w));
    }
    out.report.records += part.records;
    out.report.converted += part.converted;
    out.report.rejected += part.rejected;
    records_before += part.records;
    if (done[k].failure) {  // what came after a failed read is not reported
      out.failure = done[k].failure;
      out.failure->byte_offset = map.offset(starts[k] + out.failure->byte_offset);
      break;
    }
  }
  return out;
}

// A reject or a warning as the CLI's --rejects and --warnings files write it.
py::dict report_entry(std::uint64_t record, std::uint64_t offset, const std::string& pointer,
                      std::string_view code, const std::string& message) {
  py::dict d;
  d["record"] = record;
  d["offset"] = offset;
  d["pointer"] = pointer;
  d["code"] = std::string(code);
  d["message"] = message;
  return d;
}

py::list report_list_rejects(const std::vector<owned_reject>& rejects) {
  py::list out;
  for (const auto& r : rejects) {
    out.append(report_entry(r.where.index, r.error.byte_offset, r.error.json_pointer,
                            to_string(r.error.code), r.error.message));
  }
  return out;
}

py::list report_list_warnings(const std::vector<owned_warning>& warnings) {
  py::list out;
  for (const auto& w : warnings) {
    // A warning has no offset of its own: the record's (as the CLI writes it).
    out.append(report_entry(w.where.index, w.where.byte_offset, w.warning.json_pointer,
                            to_string(w.warning.code), w.warning.message));
  }
  return out;
}

[[noreturn]] void raise_read_failure(const record_error& e) {
  PyErr_SetString(PyExc_OSError, e.message.c_str());
  throw py::error_already_set();
}

// ---------------------------------------------------------------------------
// Converter

class py_converter {
 public:
  py_converter(const std::string& source, const std::string& mapper_name, bool strict,
               std::int64_t max_record_bytes, std::int64_t max_depth, std::int64_t max_string_bytes,
               const std::optional<std::string>& as_of, const std::string& money,
               const std::string& timestamps, int threads)
      : style_(parse_style(money, timestamps)), threads_(parse_threads(threads)) {
    if (source != "auto") {
      opts_.from = platform_from_name(source);
      if (!opts_.from) {
        throw py::value_error("unknown source \"" + source +
                              "\" (auto, shopify, malomo, magento, bigcommerce, woocommerce, "
                              "sfcc, squarespace, ebay)");
      }
    }
    opts_.mapper = parse_mapper(mapper_name);
    opts_.strict = strict;
    opts_.limits = parse_limits(max_record_bytes, max_depth, max_string_bytes);
    opts_.derive.as_of = parse_as_of(as_of);
  }

  py::object convert(const py::object& data, const std::string& output, std::uint64_t base_offset,
                     bool ndjson_chunk) {
    const output_kind kind = parse_output(output);
    const input_bytes in(data);
    std::unique_lock<std::mutex> busy(busy_, std::try_to_lock);
    if (!busy.owns_lock()) {
      throw py::value_error(
          "this Converter is converting in another thread: use one Converter per thread");
    }
    reader_options reading = reader_options_for(opts_.limits);
    reading.ndjson_continuation = ndjson_chunk;
    const position_map map{base_offset};
    if (kind == output_kind::dicts) return convert_to_dicts(in, reading, map);
    ndjson_run run;
    {
      py::gil_scoped_release release;
      run = convert_ndjson(in.view(), reading, opts_, map, threads_);
    }
    report_ = std::move(run.report);
    if (run.failure) raise_read_failure(*run.failure);
    // One copy, into the bytes object; the text was built once, without the GIL.
    return py::reinterpret_steal<py::object>(checked(
        PyBytes_FromStringAndSize(run.ndjson.data(), static_cast<Py_ssize_t>(run.ndjson.size()))));
  }

  py::list rejects() const { return report_list_rejects(report_.rejects); }
  py::list warnings() const { return report_list_warnings(report_.warnings); }
  std::uint64_t records() const { return report_.records; }
  std::uint64_t converted() const { return report_.converted; }
  std::uint64_t rejected() const { return report_.rejected; }
  const options& opts() const { return opts_; }

 private:
  py::object convert_to_dicts(const input_bytes& in, const reader_options& reading,
                              const position_map& map);

 public:
  output_style style() const { return style_; }

 private:
  // Orders per batch handed from the converting thread: small enough that
  // the dicts start soon, large enough that handing over costs little.
  static constexpr std::size_t dict_batch = 256;

  options opts_;
  output_style style_;
  unsigned threads_;
  run_report report_;
  std::mutex busy_;
};

// ---------------------------------------------------------------------------
// convert_file: a background thread converts, the iterator hands out
// batches, at most `max_queued` of them ahead, so memory stays bounded.

class file_stream {
 public:
  file_stream(const std::string& path, const py_converter& conv, const std::string& output,
              std::size_t batch_size)
      : kind_(parse_output(output)),
        style_(conv.style()),
        batch_size_(std::max<std::size_t>(batch_size, 1)) {
    if (path.empty()) throw py::value_error("path is empty");
    const options opts = conv.opts();
    reader rd = reader::open_file(path, reader_options_for(opts.limits));
    if (!rd.ok()) {
      // FileNotFoundError for a missing file, as open() raises; OSError else.
      std::error_code ec;
      const bool missing = path != "-" && !std::filesystem::exists(path, ec) && !ec;
      if (missing) {
        PyErr_SetObject(PyExc_FileNotFoundError,
                        py::make_tuple(ENOENT, rd.error().message, path).ptr());
      } else {
        PyErr_SetString(PyExc_OSError, (path + ": " + rd.error().message).c_str());
      }
      throw py::error_already_set();
    }
    worker_ =
        std::thread([this, opts, rd = std::move(rd), path]() mutable { run(opts, rd, path); });
  }
  // Over the caller's bytes (Converter.convert), which must outlive the
  // stream; positions reported through `map`.
  file_stream(std::string_view bytes, const reader_options& reading, const options& opts,
              output_style style, std::size_t batch_size, position_map map)
      : kind_(output_kind::dicts), style_(style), batch_size_(batch_size), map_(map) {
    reader rd = reader::from_memory(bytes, reading);
    worker_ = std::thread([this, opts, rd = std::move(rd)]() mutable { run(opts, rd, "<bytes>"); });
  }
  ~file_stream() { stop(); }

  // Every order into `out`, as the thread converts them; then the report,
  // and in `failure` a read failure that ended the input early.
  run_report drain(py::list& out, std::optional<record_error>& failure) {
    for (;;) {
      std::unique_ptr<item> got;
      {
        py::gil_scoped_release release;
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !queue_.empty() || done_; });
        if (!queue_.empty()) {
          got = std::move(queue_.front());
          queue_.pop_front();
          space_.notify_one();
        }
      }
      if (!got) break;
      add_report(*got);
      for (std::size_t i = 0; i < got->orders.size(); ++i) {
        PyObject* d = got->orders.to_dict(i, style_);
        const int rc = PyList_Append(out.ptr(), d);
        Py_DECREF(d);
        if (rc != 0) throw py::error_already_set();
      }
    }
    failure = failure_;
    return std::move(report_);
  }
  file_stream(const file_stream&) = delete;
  file_stream& operator=(const file_stream&) = delete;

  py::object next() {
    for (;;) {
      if (kind_ == output_kind::dicts && current_ && next_index_ < current_->size()) {
        return py::reinterpret_steal<py::object>(current_->to_dict(next_index_++, style_));
      }
      std::unique_ptr<item> got;
      {
        py::gil_scoped_release release;
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !queue_.empty() || done_; });
        if (!queue_.empty()) {
          got = std::move(queue_.front());
          queue_.pop_front();
          space_.notify_one();
        }
      }
      if (!got) {
        if (failure_) {
          const record_error e = *failure_;
          failure_.reset();
          raise_read_failure(e);
        }
        throw py::stop_iteration();
      }
      add_report(*got);
      if (kind_ == output_kind::ndjson) {
        if (got->ndjson.empty()) continue;
        return py::reinterpret_steal<py::object>(PyBytes_FromStringAndSize(
            got->ndjson.data(), static_cast<Py_ssize_t>(got->ndjson.size())));
      }
      current_ = std::make_unique<owned_orders>(std::move(got->orders));
      next_index_ = 0;
    }
  }

  // Stops the thread early (the iterator was dropped or closed).
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      cancelled_ = true;
    }
    space_.notify_all();
    if (worker_.joinable()) {
      py::gil_scoped_release release;
      worker_.join();
    }
    // What was converted ahead is dropped: the iterator ends here.
    queue_.clear();
    current_.reset();
    failure_.reset();
  }

  py::list rejects() const { return report_list_rejects(report_.rejects); }
  py::list warnings() const { return report_list_warnings(report_.warnings); }
  std::uint64_t records() const { return report_.records; }
  std::uint64_t converted() const { return report_.converted; }
  std::uint64_t rejected() const { return report_.rejected; }

 private:
  static constexpr std::size_t max_queued = 4;

  struct item {
    owned_orders orders;
    std::string ndjson;
    run_report report;
  };

  void add_report(item& got);

  class batching_sink : public order_sink {
   public:
    explicit batching_sink(file_stream& s) : s_(s) { fresh(); }
    void on_order(const order& o, const record_position&) override {
      ++cur_->report.records;
      ++cur_->report.converted;
      if (s_.kind_ == output_kind::ndjson) {
        write_json(o, cur_->ndjson);
        cur_->ndjson.push_back('\n');
      } else {
        batch_.add(o);
      }
      if (++count_ >= s_.batch_size_) flush();
    }
    void on_reject(const record_error& e, const record_position& where) override {
      ++cur_->report.records;
      ++cur_->report.rejected;
      owned_reject r{e, s_.map_.map(where)};
      r.error.byte_offset = s_.map_.offset(e.byte_offset);
      cur_->report.rejects.push_back(std::move(r));
    }
    void on_warning(const record_warning& w, const record_position& where) override {
      cur_->report.warnings.push_back(owned_warning{w, s_.map_.map(where)});
    }
    // False when the consumer is gone.
    bool flush() {
      cur_->orders = batch_.take();
      const bool ok = s_.push(std::move(cur_));
      fresh();
      return ok;
    }

   private:
    void fresh() {
      cur_ = std::make_unique<item>();
      count_ = 0;
    }
    file_stream& s_;
    std::unique_ptr<item> cur_;
    order_batch batch_;
    std::size_t count_ = 0;
  };

  bool push(std::unique_ptr<item> it) {
    std::unique_lock<std::mutex> lock(mutex_);
    space_.wait(lock, [&] { return queue_.size() < max_queued || cancelled_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(it));
    ready_.notify_one();
    return true;
  }

  bool cancelled() {
    std::lock_guard<std::mutex> lock(mutex_);
    return cancelled_;
  }

  void run(const options& opts, reader& rd, const std::string& path) {
    std::optional<record_error> failure;
    try {
      converter conv(opts);
      batching_sink sink(*this);
      document_view doc;
      while (!cancelled() && rd.next(doc)) {
        if (doc.problem != error_code::ok) {
          conv.reject_record(rd.problem(doc), sink);
        } else {
          conv.convert(doc, sink);
        }
      }
      sink.flush();
      if (!rd.ok()) {
        failure = rd.error();
        failure->message = path + ": " + failure->message;
      }
    } catch (const std::exception& e) {
      failure = record_error{error_code::io_error, e.what(), "", 0};
    }
    std::lock_guard<std::mutex> lock(mutex_);
    failure_ = std::move(failure);
    done_ = true;
    ready_.notify_all();
  }

  output_kind kind_;
  output_style style_;
  std::size_t batch_size_;
  position_map map_;
  std::thread worker_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::deque<std::unique_ptr<item>> queue_;
  bool done_ = false;
  bool cancelled_ = false;
  std::optional<record_error> failure_;
  // Consumer side, with the GIL.
  std::unique_ptr<owned_orders> current_;
  std::size_t next_index_ = 0;
  run_report report_;
};

void file_stream::add_report(item& got) {
  report_.records += got.report.records;
  report_.converted += got.report.converted;
  report_.rejected += got.report.rejected;
  for (auto& r : got.report.rejects) report_.rejects.push_back(std::move(r));
  for (auto& w : got.report.warnings) report_.warnings.push_back(std::move(w));
}

// Dicts need the GIL and the conversion does not: with more than one thread,
// a thread converts the bytes in batches while this one builds the dicts of
// the batches before, so that the two overlap (on 2 cores, about the time
// of the slower).
py::object py_converter::convert_to_dicts(const input_bytes& in, const reader_options& reading,
                                          const position_map& map) {
  if (threads_ == 1) {  // convert, then build: one thread, as asked
    output_sink sink(output_kind::dicts, map);
    file_conversion done;
    {
      py::gil_scoped_release release;
      converter conv(opts_);
      reader rd = reader::from_memory(in.view(), reading);
      done = convert_documents(rd, conv, sink);
    }
    report_ = std::move(sink.report);
    if (done.failure) raise_read_failure(*done.failure);
    return py::reinterpret_steal<py::object>(sink.orders.to_list(style_));
  }
  py::list out;
  file_stream stream(in.view(), reading, opts_, style_, dict_batch, map);
  std::optional<record_error> failure;
  report_ = {};
  report_ = stream.drain(out, failure);
  if (failure) raise_read_failure(*failure);
  return out;
}

// ---------------------------------------------------------------------------
// Tracker

class py_tracker {
 public:
  py_tracker(const std::string& source, bool explain, const std::string& mapper_name, bool strict,
             std::int64_t max_record_bytes, std::int64_t max_depth, std::int64_t max_string_bytes,
             const std::optional<std::string>& as_of, const std::string& timestamps)
      : style_(parse_style("str", timestamps)), explain_(explain) {
    if (source != "auto") {
      opts_.from = tracking_input_from_name(source);
      if (!opts_.from) {
        throw py::value_error("unknown source \"" + source +
                              "\" (auto, malomo, easypost, usps, ups, fedex, dhl)");
      }
    }
    opts_.explain = true;  // decidedBy and rule are always given, as by the CLI
    opts_.mapper = parse_mapper(mapper_name);
    opts_.strict = strict;
    opts_.limits = parse_limits(max_record_bytes, max_depth, max_string_bytes);
    opts_.derive.as_of = parse_as_of(as_of);
  }

  py::object track(const py::object& data, const std::string& output) {
    const output_kind kind = parse_output(output);
    const input_bytes in(data);
    std::unique_lock<std::mutex> busy(busy_, std::try_to_lock);
    if (!busy.owns_lock()) {
      throw py::value_error(
          "this Tracker is tracking in another thread: use one Tracker per thread");
    }
    shipment_collector sink(kind, explain_);
    std::optional<record_error> failure;
    {
      py::gil_scoped_release release;
      tracker tr(opts_);
      reader_options reading = reader_options_for(opts_.limits);
      reading.stream_lists = false;  // tracking documents are objects, never lists
      reader rd = reader::from_memory(in.view(), reading);
      document_view doc;
      while (rd.next(doc)) {
        if (doc.problem != error_code::ok) {
          tr.reject_record(rd.problem(doc), sink);
        } else {
          tr.track(doc, sink);
        }
      }
      if (!rd.ok()) failure = rd.error();
    }
    report_ = std::move(sink.report);
    if (failure) raise_read_failure(*failure);
    if (kind == output_kind::ndjson) {
      return py::reinterpret_steal<py::object>(PyBytes_FromStringAndSize(
          sink.ndjson.data(), static_cast<Py_ssize_t>(sink.ndjson.size())));
    }
    return py::reinterpret_steal<py::object>(sink.shipments.to_list(style_));
  }

  py::list rejects() const { return report_list_rejects(report_.rejects); }
  py::list warnings() const { return report_list_warnings(report_.warnings); }
  std::uint64_t records() const { return report_.records; }
  std::uint64_t rejected() const { return report_.rejected; }
  std::uint64_t shipments() const { return report_.converted; }

 private:
  class shipment_collector : public shipment_sink {
   public:
    shipment_collector(output_kind kind, bool explain) : kind_(kind), explain_(explain) {}
    void on_shipment(const shipment& s, const derivation* why,
                     const record_position& where) override {
      // A document is one record, however many shipments it has.
      if (where.index != last_index_) {
        last_index_ = where.index;
        ++report.records;
      }
      ++report.converted;
      if (kind_ == output_kind::ndjson) {
        if (why != nullptr) {
          write_json(s, *why, explain_, ndjson);
        } else {
          write_json(s, ndjson);
          ndjson.push_back('\n');
        }
      } else {
        shipments.add(s, why, explain_);
      }
    }
    void on_reject(const record_error& e, const record_position& where) override {
      if (where.index != last_index_) {
        last_index_ = where.index;
        ++report.records;
      }
      ++report.rejected;
      report.rejects.push_back(owned_reject{e, where});
    }
    void on_warning(const record_warning& w, const record_position& where) override {
      report.warnings.push_back(owned_warning{w, where});
    }
    run_report report;
    shipment_batch shipments;
    std::string ndjson;

   private:
    output_kind kind_;
    bool explain_;
    std::uint64_t last_index_ = 0;
  };

  track_options opts_;
  output_style style_;
  bool explain_;
  run_report report_;
  std::mutex busy_;
};

// The reader's layout of the start of an input ("ndjson", "documents",
// "json_seq", "unknown"): ordernorm.dask splits only NDJSON.
std::string input_layout(const py::object& data) {
  const input_bytes in(data);
  py::gil_scoped_release release;
  reader rd = reader::from_memory(in.view());
  document_view doc;
  rd.next(doc);
  if (rd.bulk_export()) return "bulk_export";
  switch (rd.input_layout()) {
    case reader::layout::ndjson:
      return "ndjson";
    case reader::layout::documents:
      return "documents";
    case reader::layout::json_seq:
      return "json_seq";
    case reader::layout::unknown:
      break;
  }
  return "unknown";
}

}  // namespace
}  // namespace ordernorm::python

PYBIND11_MODULE(_ordernorm, m) {
  using namespace ordernorm::python;
  namespace on = ordernorm;
  PyDateTime_IMPORT;
  if (PyDateTimeAPI == nullptr) throw py::error_already_set();

  m.doc() = "ordernorm's C++ core (use the ordernorm package, which re-exports it).";
  m.attr("__version__") = ORDERNORM_VERSION;

  py::class_<py_converter>(m, "Converter", R"doc(
Converts platform order JSON to ordernorm's common Order model.

Converter(source="auto", *, mapper="fast", strict=False, max_record_bytes=-1,
          max_depth=-1, max_string_bytes=-1, as_of=None, money="str",
          timestamps="str", threads=0)

source: "auto" (detect per document) or a platform name (shopify, malomo,
magento, bigcommerce, woocommerce, sfcc, squarespace, ebay). The limits are
the CLI's --max-record-bytes, --max-depth, --max-string-bytes (-1: default).
as_of: "now" for time-based shipment rules, an RFC 3339 text.
money: "str" (exact text, as the CLI writes it) or "decimal" (decimal.Decimal).
timestamps: "str" (RFC 3339, as the CLI writes it) or "datetime" (timezone-
aware in UTC; a carrier's local time without an offset is a naive datetime).
threads: threads a call may use (0: one per core). For output="ndjson",
plain NDJSON input of a few MB or more is cut at line starts, a part per
thread; the output is the same bytes whatever the number. Dicts are built on
the calling thread, while (threads > 1) another converts ahead of it.
ordernorm.dask uses 1: Dask runs the partitions in parallel.

Each convert() is one input: its records are numbered from 1, and .rejects,
.warnings and the counts describe the last call. records == converted +
rejected always. Not for two threads at once: use one Converter per thread
(ordernorm.convert makes one per call).)doc")
      .def(py::init<const std::string&, const std::string&, bool, std::int64_t, std::int64_t,
                    std::int64_t, const std::optional<std::string>&, const std::string&,
                    const std::string&, int>(),
           py::arg("source") = "auto", py::kw_only(), py::arg("mapper") = "fast",
           py::arg("strict") = false, py::arg("max_record_bytes") = -1, py::arg("max_depth") = -1,
           py::arg("max_string_bytes") = -1, py::arg("as_of") = py::none(),
           py::arg("money") = "str", py::arg("timestamps") = "str", py::arg("threads") = 0)
      .def("convert", &py_converter::convert, py::arg("data"), py::arg("output") = "dicts",
           py::kw_only(), py::arg("base_offset") = 0, py::arg("ndjson_chunk") = false,
           R"doc(
Converts `data` (bytes, str or a bytes-like object: NDJSON, a JSON document,
an array or envelope of orders, gzip or zstd bytes) and returns the orders:
a list of dicts (output="dicts", each equal to json.loads of the CLI's line)
or one bytes object of NDJSON (output="ndjson"). The GIL is released while
C++ converts. base_offset: the data's offset in a larger input (byte offsets
are reported in its terms). ndjson_chunk: the data is a run of whole lines
cut from an NDJSON file (read as NDJSON whatever its first line holds).)doc")
      .def_property_readonly("rejects", &py_converter::rejects,
                             "Rejected records of the last call: dicts {record, offset, pointer, "
                             "code, message}, the CLI's --rejects fields.")
      .def_property_readonly("warnings", &py_converter::warnings,
                             "Warnings of the last call, in the same form as rejects.")
      .def_property_readonly("records", &py_converter::records)
      .def_property_readonly("converted", &py_converter::converted)
      .def_property_readonly("rejected", &py_converter::rejected);

  py::class_<file_stream>(m, "FileStream", R"doc(
An iterator over a file's orders (ordernorm.convert_file): a thread converts
ahead in batches while the caller iterates, so the file is never held whole.
After the iteration, .rejects, .warnings and the counts are the file's.)doc")
      .def(py::init<const std::string&, const py_converter&, const std::string&, std::size_t>(),
           py::arg("path"), py::arg("converter"), py::arg("output") = "dicts",
           py::arg("batch_size") = 1024)
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &file_stream::next)
      .def("close", &file_stream::stop, "Stops converting; the iterator ends.")
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](file_stream& s, const py::args&) { s.stop(); })
      .def_property_readonly("rejects", &file_stream::rejects)
      .def_property_readonly("warnings", &file_stream::warnings)
      .def_property_readonly("records", &file_stream::records)
      .def_property_readonly("converted", &file_stream::converted)
      .def_property_readonly("rejected", &file_stream::rejected);

  py::class_<py_tracker>(m, "Tracker", R"doc(
Reads tracking documents (a carrier's response, an EasyPost tracker, a Malomo
order) and returns each shipment, its status derived from its scan events,
as `ordernorm track` prints it (decidedBy and rule; explain=True adds explain
and duplicatesDropped). source: "auto", malomo, easypost, usps, ups, fedex, dhl.)doc")
      .def(py::init<const std::string&, bool, const std::string&, bool, std::int64_t, std::int64_t,
                    std::int64_t, const std::optional<std::string>&, const std::string&>(),
           py::arg("source") = "auto", py::kw_only(), py::arg("explain") = false,
           py::arg("mapper") = "fast", py::arg("strict") = false, py::arg("max_record_bytes") = -1,
           py::arg("max_depth") = -1, py::arg("max_string_bytes") = -1,
           py::arg("as_of") = py::none(), py::arg("timestamps") = "str")
      .def("track", &py_tracker::track, py::arg("data"), py::arg("output") = "dicts",
           "Tracks `data`; returns a list of shipment dicts, or NDJSON bytes.")
      .def_property_readonly("rejects", &py_tracker::rejects)
      .def_property_readonly("warnings", &py_tracker::warnings)
      .def_property_readonly("records", &py_tracker::records)
      .def_property_readonly("rejected", &py_tracker::rejected)
      .def_property_readonly("shipments", &py_tracker::shipments);

  m.def(
      "order_fields",
      [] {
        py::list out;
        for (const auto& [key, kind] : struct_fields<on::order>()) {
          out.append(py::make_tuple(std::string(key), std::string(kind)));
        }
        return out;
      },
      "The keys of an order's dict, in order, each with what it holds (text, bool, "
      "optional_bool, enum, money, timestamp, list, object): the model's reflection.");
  m.def("input_layout", &input_layout, py::arg("data"),
        "How the reader lays out an input that starts with `data`: \"ndjson\", \"bulk_export\" "
        "(NDJSON whose lines it stitches), \"documents\", \"json_seq\" or \"unknown\".");
}
