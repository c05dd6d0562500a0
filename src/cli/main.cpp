// ordernorm: the command-line front end. The only part of ordernorm that
// talks to the terminal.
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ordernorm/ordernorm.hpp"

namespace {

constexpr std::string_view main_help =
    R"(ordernorm - normalize e-commerce order JSON into one common model

Usage:
  ordernorm convert [options] [FILE...]   convert orders (see: ordernorm convert --help)
  ordernorm track [options] [FILE...]     derive shipment statuses from scan events
                                          (see: ordernorm track --help)
  ordernorm --help                        this text
  ordernorm --version                     the version

Order platforms: shopify, malomo, magento, bigcommerce, woocommerce, sfcc
(Salesforce Commerce Cloud, OCAPI and SCAPI), squarespace, ebay.
Tracking sources: malomo orders, easypost trackers, usps (Tracking API v3),
ups (Track API), fedex (Track API), dhl (Shipment Tracking - Unified).
)";

constexpr std::string_view convert_help =
    R"(Usage: ordernorm convert [--from auto|PLATFORM] [--format ndjson|json]
                         [--mapper fast|reference] [--as-of TIME]
                         [--max-record-bytes N] [--max-depth N]
                         [--max-string-bytes N]
                         [-o FILE] [--rejects FILE] [FILE...]

Reads platform order JSON from each FILE (standard input when there is none,
or for "-") and writes every order in ordernorm's common model.

Input: one JSON document (an order, an array of orders, or a list envelope
such as {"orders":[...]}, {"order":{...}}, {"result":[...]}, {"data":[...]}
or {"hits":[{"data":{...}}]}), or NDJSON with one such
document per line. NDJSON is streamed in bounded memory.

Options:
  --from P       the platform of the input: auto (default: told per document
                 from its shape), shopify, malomo, magento, bigcommerce,
                 woocommerce, sfcc, squarespace or ebay
  --as-of TIME   "now" for time-based shipment rules (a label never scanned
                 for 30 days is `expired`); none apply without it
  --format F     ndjson (default): one order per line; json: one JSON array
  --mapper M     fast (default) or reference (the simple mapper the fast one
                 is checked against; same output, slower)
  --max-record-bytes N
                 reject a record (an NDJSON line, or one order of an array)
                 longer than N bytes: record_too_large (default 256M)
  --max-depth N  reject a record whose objects and arrays nest deeper than N
                 levels, counted from the document's root (an NDJSON line's
                 order is level 1): depth_limit_exceeded (default 1024)
  --max-string-bytes N
                 reject a record with a string (or number) longer than N
                 bytes in a field ordernorm reads: string_too_long
                 (default 16M)
                 Sizes take a suffix K, M or G (KiB, MiB, GiB).
  -o FILE        write orders to FILE instead of standard output
  --rejects FILE write rejected records to FILE as NDJSON, one object per
                 record: input, record, offset, pointer, code, message.
                 Without it, rejects are described on standard error.
  -h, --help     this text

Every input record ends up in the output or in the rejects. A summary line
goes to standard error.

Exit status: 0 all records converted; 1 some records rejected; 2 usage or
I/O error.
)";

constexpr std::string_view track_help =
    R"(Usage: ordernorm track [--from auto|malomo|easypost|usps|ups|fedex|dhl]
                       [--as-of TIME] [--explain] [--mapper fast|reference]
                       [--max-record-bytes N] [--max-depth N]
                       [--max-string-bytes N]
                       [-o FILE] [--rejects FILE] [FILE...]

Reads tracking documents from each FILE (standard input when there is none,
or for "-"): carrier tracking API responses, EasyPost trackers, or orders
with shipments (Malomo), one per document or per NDJSON line. Prints one
shipment per line (NDJSON): the shipment in ordernorm's model, its status
derived from its scan events, plus "decidedBy" (the index in scanEvents of
the event that decided, or null) and "rule" (the rule that decided).

Options:
  --from S       the source: auto (default: told per document from its
                 shape), malomo, easypost, usps, ups, fedex or dhl
  --as-of TIME   "now" for time-based rules (a label never scanned for 30
                 days is `expired`); none apply without it
  --explain      add "explain": per event, where its status came from and
                 whether and why it counted
  --mapper M     fast (default) or reference
  --max-record-bytes N, --max-depth N, --max-string-bytes N
                 the input limits, as for convert (a document is one record):
                 record_too_large, depth_limit_exceeded, string_too_long
  -o FILE        write shipments to FILE instead of standard output
  --rejects FILE write rejected documents to FILE as NDJSON (see convert)
  -h, --help     this text

Exit status: 0 every document read; 1 some rejected; 2 usage or I/O error.
)";

struct cli_options {
  ordernorm::options convert;
  ordernorm::reader_options reader;
  ordernorm::track_options track;
  bool json_array = false;
  std::string output = "-";
  std::string rejects;
  std::vector<std::string> inputs;
};

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", u);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

// Buffered output to a FILE*, flushed in large blocks.
class output_file {
 public:
  bool open(const std::string& path) {
    if (path == "-") {
      file_ = stdout;
      return true;
    }
    file_ = std::fopen(path.c_str(), "wb");
    owned_ = file_ != nullptr;
    return file_ != nullptr;
  }
  ~output_file() {
    if (owned_) std::fclose(file_);
  }
  std::string& buffer() { return buffer_; }
  bool maybe_flush() { return buffer_.size() < (std::size_t{1} << 20) || flush(); }
  bool flush() {
    if (file_ == nullptr) return true;
    if (!buffer_.empty() &&
        std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
      return false;
    }
    buffer_.clear();
    return std::fflush(file_) == 0;
  }

 private:
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  std::string buffer_;
};

// Where rejected records go: a rejects file as NDJSON, or standard error.
class reject_log {
 public:
  explicit reject_log(output_file* file) : file_(file) {}
  void set_input(std::string_view name) { input_ = name; }
  bool write_failed() const { return write_failed_; }

  // Warnings go to standard error in both modes: the rejects file holds
  // only records that did not convert.
  void warn(const ordernorm::record_warning& w, const ordernorm::record_position& where) {
    fmt::print(stderr, "ordernorm: {}: record {} (byte {}){}{}: warning: {}\n", input_, where.index,
               where.byte_offset, w.json_pointer.empty() ? "" : " at ", w.json_pointer, w.message);
  }

  void write(const ordernorm::record_error& e, const ordernorm::record_position& where) {
    if (file_ == nullptr) {
      fmt::print(stderr, "ordernorm: {}: record {} (byte {}){}{}: {}: {}\n", input_, where.index,
                 e.byte_offset, e.json_pointer.empty() ? "" : " at ", e.json_pointer,
                 ordernorm::to_string(e.code), e.message);
      return;
    }
    std::string& buf = file_->buffer();
    buf += "{\"input\":";
    append_json_string(buf, input_);
    fmt::format_to(std::back_inserter(buf),
                   ",\"record\":{},\"offset\":{},\"pointer\":", where.index, e.byte_offset);
    append_json_string(buf, e.json_pointer);
    buf += ",\"code\":";
    append_json_string(buf, ordernorm::to_string(e.code));
    buf += ",\"message\":";
    append_json_string(buf, e.message);
    buf += "}\n";
    if (!file_->maybe_flush()) write_failed_ = true;
  }

 private:
  output_file* file_;
  std::string input_;
  bool write_failed_ = false;
};

class order_printer final : public ordernorm::order_sink {
 public:
  order_printer(output_file& out, reject_log& rejects, bool json_array)
      : out_(out), rejects_(rejects), json_array_(json_array) {}
  bool write_failed() const { return write_failed_; }

  void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
    std::string& buf = out_.buffer();
    if (json_array_) buf += orders_ == 0 ? "[\n" : ",\n";
    ordernorm::write_json(o, buf);
    if (!json_array_) buf.push_back('\n');
    ++orders_;
    if (!out_.maybe_flush()) write_failed_ = true;
  }
  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    rejects_.write(e, where);
  }
  void on_warning(const ordernorm::record_warning& w,
                  const ordernorm::record_position& where) override {
    rejects_.warn(w, where);
  }
  void finish() {
    if (json_array_) out_.buffer() += orders_ == 0 ? "[]\n" : "\n]\n";
  }

 private:
  output_file& out_;
  reject_log& rejects_;
  bool json_array_;
  std::uint64_t orders_ = 0;
  bool write_failed_ = false;
};

std::string_view origin_name(ordernorm::status_origin origin) {
  switch (origin) {
    case ordernorm::status_origin::own_field:
      return "own status";
    case ordernorm::status_origin::carrier_code:
      return "carrier code";
    case ordernorm::status_origin::description:
      return "description";
    case ordernorm::status_origin::none:
      return "none";
  }
  return "none";
}

class shipment_printer final : public ordernorm::shipment_sink {
 public:
  shipment_printer(output_file& out, reject_log& rejects) : out_(out), rejects_(rejects) {}
  bool write_failed() const { return write_failed_; }

  void on_shipment(const ordernorm::shipment& s, const ordernorm::derivation* why,
                   const ordernorm::record_position&) override {
    std::string& buf = out_.buffer();
    ordernorm::write_json(s, buf);
    buf.pop_back();  // reopen the object for the derivation's keys
    if (why != nullptr) {
      if (why->deciding_event) {
        fmt::format_to(std::back_inserter(buf), ",\"decidedBy\":{}", *why->deciding_event);
      } else {
        buf += ",\"decidedBy\":null";
      }
      buf += ",\"rule\":";
      append_json_string(buf, why->rule);
      if (explain_) {
        buf += ",\"explain\":[";
        for (std::size_t i = 0; i < why->events.size(); ++i) {
          const auto& note = why->events[i];
          fmt::format_to(std::back_inserter(buf), "{}{{\"event\":{},\"from\":", i == 0 ? "" : ",",
                         i);
          append_json_string(buf, origin_name(note.origin));
          fmt::format_to(std::back_inserter(buf), ",\"counted\":{},\"why\":", note.counted);
          append_json_string(buf, note.why);
          buf += '}';
        }
        fmt::format_to(std::back_inserter(buf), "],\"duplicatesDropped\":{}",
                       why->duplicates_dropped);
      }
    }
    buf += "}\n";
    if (!out_.maybe_flush()) write_failed_ = true;
  }
  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    rejects_.write(e, where);
  }
  void set_explain(bool explain) { explain_ = explain; }

 private:
  output_file& out_;
  reject_log& rejects_;
  bool explain_ = false;
  bool write_failed_ = false;
};

int usage_error(std::string_view message, std::string_view command = "convert") {
  fmt::print(stderr, "ordernorm: {}\nTry 'ordernorm {} --help'.\n", message, command);
  return 2;
}

struct totals {
  std::uint64_t records = 0;
  std::uint64_t rejected = 0;
  bool io_failed = false;
};

// Reads every input and hands each document to `engine` (a converter or a
// tracker), counting per input.
template <class Engine, class Sink>
totals read_inputs(const std::vector<std::string>& names, const ordernorm::reader_options& reading,
                   Engine& engine, Sink& sink, reject_log& rejects) {
  std::vector<std::string> inputs = names;
  if (inputs.empty()) inputs.push_back("-");
  totals t;
  for (const std::string& name : inputs) {
    const std::string shown = name == "-" ? "<stdin>" : name;
    rejects.set_input(shown);
    engine.reset_counts();
    ordernorm::reader in = ordernorm::reader::open_file(name, reading);
    ordernorm::document_view doc;
    while (in.next(doc)) {
      if (doc.problem != ordernorm::error_code::ok) {
        engine.reject_record(in.problem(doc), sink);
        continue;
      }
      if constexpr (std::is_same_v<Engine, ordernorm::converter>) {
        engine.convert_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
      } else {
        engine.track_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
      }
    }
    t.records += engine.records();
    t.rejected += engine.rejected();
    if (!in.ok()) {
      fmt::print(stderr, "ordernorm: {}: {} (at byte {})\n", shown, in.error().message,
                 in.error().byte_offset);
      t.io_failed = true;
    }
  }
  return t;
}

// Opens the outputs, runs `body(out, rejects)` and reports.
template <class Body>
int with_outputs(const cli_options& opts, Body body) {
  output_file out;
  if (!out.open(opts.output)) {
    fmt::print(stderr, "ordernorm: cannot write {}: {}\n", opts.output, std::strerror(errno));
    return 2;
  }
  output_file rejects_file;
  if (!opts.rejects.empty() && !rejects_file.open(opts.rejects)) {
    fmt::print(stderr, "ordernorm: cannot write {}: {}\n", opts.rejects, std::strerror(errno));
    return 2;
  }
  reject_log rejects(opts.rejects.empty() ? nullptr : &rejects_file);
  const auto [t, write_failed] = body(out, rejects);
  if (!out.flush() || !rejects_file.flush() || write_failed || rejects.write_failed()) {
    fmt::print(stderr, "ordernorm: write failed: {}\n", std::strerror(errno));
    return 2;
  }
  if (t.io_failed) return 2;
  return t.rejected == 0 ? 0 : 1;
}

int run_convert(const cli_options& opts) {
  return with_outputs(opts, [&](output_file& out, reject_log& rejects) {
    order_printer sink(out, rejects, opts.json_array);
    ordernorm::converter conv(opts.convert);
    const totals t = read_inputs(opts.inputs, opts.reader, conv, sink, rejects);
    sink.finish();
    fmt::print(stderr, "ordernorm: {} records: {} converted, {} rejected\n", t.records,
               t.records - t.rejected, t.rejected);
    return std::pair{t, sink.write_failed()};
  });
}

int run_track(const cli_options& opts) {
  return with_outputs(opts, [&](output_file& out, reject_log& rejects) {
    shipment_printer sink(out, rejects);
    sink.set_explain(opts.track.explain);
    ordernorm::track_options track = opts.track;
    track.explain = true;  // decidedBy and rule are always printed
    ordernorm::tracker tracker(track);
    const totals t = read_inputs(opts.inputs, opts.reader, tracker, sink, rejects);
    fmt::print(stderr, "ordernorm: {} documents: {} shipments, {} rejected\n", t.records,
               tracker.shipments(), t.rejected);
    return std::pair{t, sink.write_failed()};
  });
}

// "512", "64K", "16M", "1G" (binary multiples; "16MiB" and "16MB" too);
// std::nullopt for anything else, zero, or an overflow.
std::optional<std::size_t> parse_size(std::string_view text, bool suffix_allowed) {
  std::size_t digits = 0;
  std::uint64_t n = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(text[digits] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string_view suffix = text.substr(digits);
  unsigned shift = 0;
  if (!suffix.empty()) {
    if (!suffix_allowed) return std::nullopt;
    switch (suffix[0]) {
      case 'K':
      case 'k':
        shift = 10;
        break;
      case 'M':
      case 'm':
        shift = 20;
        break;
      case 'G':
      case 'g':
        shift = 30;
        break;
      default:
        return std::nullopt;
    }
    suffix.remove_prefix(1);
    if (suffix != "" && suffix != "B" && suffix != "iB") return std::nullopt;
  }
  if (n == 0 || n > (UINT64_MAX >> shift) || (n << shift) > SIZE_MAX) return std::nullopt;
  return static_cast<std::size_t>(n << shift);
}

std::optional<ordernorm::timestamp> parse_as_of(std::string_view text) {
  const auto t = ordernorm::parse_timestamp(text, ordernorm::naive_time::utc);
  if (!t) return std::nullopt;
  return *t;
}

// Parses the options of `convert` and `track`; returns an exit code when
// the command line ends the run (help or a usage error).
std::optional<int> parse_options(int argc, char** argv, bool tracking, cli_options& opts) {
  const std::string_view command = tracking ? "track" : "convert";
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string_view(argv[++i]);
    };
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", tracking ? track_help : convert_help);
      return 0;
    } else if (arg == "--from") {
      auto v = value();
      if (!v) return usage_error("--from needs a name", command);
      if (*v == "auto") {
        opts.convert.from.reset();
        opts.track.from.reset();
      } else if (tracking) {
        opts.track.from = ordernorm::tracking_input_from_name(*v);
        if (!opts.track.from) return usage_error(fmt::format("unknown source '{}'", *v), command);
      } else {
        opts.convert.from = ordernorm::platform_from_name(*v);
        if (!opts.convert.from) {
          return usage_error(fmt::format("unknown platform '{}'", *v), command);
        }
      }
    } else if (arg == "--format" && !tracking) {
      auto v = value();
      if (!v || (*v != "ndjson" && *v != "json")) return usage_error("--format is ndjson or json");
      opts.json_array = *v == "json";
    } else if (arg == "--mapper") {
      auto v = value();
      if (!v || (*v != "fast" && *v != "reference")) {
        return usage_error("--mapper is fast or reference", command);
      }
      const auto m = *v == "fast" ? ordernorm::mapper::fast : ordernorm::mapper::reference;
      opts.convert.mapper = m;
      opts.track.mapper = m;
    } else if (arg == "--as-of") {
      auto v = value();
      const auto t = v ? parse_as_of(*v) : std::nullopt;
      if (!t) return usage_error("--as-of needs a timestamp (e.g. 2024-05-01T00:00:00Z)", command);
      opts.convert.derive.as_of = t;
      opts.track.derive.as_of = t;
    } else if (arg == "--max-record-bytes" || arg == "--max-string-bytes") {
      auto v = value();
      const auto n = v ? parse_size(*v, true) : std::nullopt;
      if (!n) {
        return usage_error(fmt::format("{} needs a size in bytes, e.g. 64M", arg), command);
      }
      if (arg == "--max-record-bytes") {
        opts.convert.limits.max_record_bytes = *n;
        opts.track.limits.max_record_bytes = *n;
        opts.reader.max_record_bytes = *n;
      } else {
        opts.convert.limits.max_string_bytes = *n;
        opts.track.limits.max_string_bytes = *n;
      }
    } else if (arg == "--max-depth") {
      auto v = value();
      const auto n = v ? parse_size(*v, false) : std::nullopt;
      if (!n) return usage_error("--max-depth needs a number of levels, e.g. 1024", command);
      opts.convert.limits.max_depth = *n;
      opts.track.limits.max_depth = *n;
    } else if (arg == "--explain" && tracking) {
      opts.track.explain = true;
    } else if (arg == "-o" || arg == "--output") {
      auto v = value();
      if (!v) return usage_error("-o needs a file", command);
      opts.output = *v;
    } else if (arg == "--rejects") {
      auto v = value();
      if (!v) return usage_error("--rejects needs a file", command);
      opts.rejects = *v;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return usage_error(fmt::format("unknown option '{}'", arg), command);
    } else {
      opts.inputs.emplace_back(arg);
    }
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "{}", main_help);
    return 2;
  }
  const std::string_view command = argv[1];
  if (command == "-h" || command == "--help" || command == "help") {
    fmt::print("{}", main_help);
    return 0;
  }
  if (command == "--version") {
    fmt::print("ordernorm {}\n", ORDERNORM_VERSION);
    return 0;
  }
  if (command == "convert" || command == "track") {
    const bool tracking = command == "track";
    cli_options opts;
    if (auto code = parse_options(argc - 2, argv + 2, tracking, opts)) return *code;
    return tracking ? run_track(opts) : run_convert(opts);
  }
  return usage_error(fmt::format("unknown command '{}'", command));
}
