// ordernorm: the command-line front end. The only part of ordernorm that
// talks to the terminal.
#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/ordernorm.hpp"

namespace {

constexpr std::string_view main_help =
    R"(ordernorm - normalize e-commerce order JSON into one common model

Usage:
  ordernorm convert [options] [FILE...]   convert orders (see: ordernorm convert --help)
  ordernorm --help                        this text
  ordernorm --version                     the version

Platforms: shopify (malomo is recognized; its conversion comes with tracking).
)";

constexpr std::string_view convert_help =
    R"(Usage: ordernorm convert [--from auto|shopify] [--format ndjson|json]
                         [--mapper fast|reference] [-o FILE] [--rejects FILE] [FILE...]

Reads platform order JSON from each FILE (standard input when there is none,
or for "-") and writes every order in ordernorm's common model.

Input: one JSON document (an order, an array of orders, or a list envelope
such as {"orders":[...]} or {"order":{...}}), or NDJSON with one such
document per line. NDJSON is streamed in bounded memory.

Options:
  --from P       the platform of the input: auto (default: told per document
                 from its shape) or shopify
  --format F     ndjson (default): one order per line; json: one JSON array
  --mapper M     fast (default) or reference (the simple mapper the fast one
                 is checked against; same output, slower)
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

struct cli_options {
  ordernorm::options convert;
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

class cli_sink final : public ordernorm::order_sink {
 public:
  cli_sink(output_file& out, output_file* rejects, bool json_array)
      : out_(out), rejects_(rejects), json_array_(json_array) {}

  void set_input(std::string_view name) { input_ = name; }
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
    if (rejects_ == nullptr) {
      fmt::print(stderr, "ordernorm: {}: record {} (byte {}){}{}: {}: {}\n", input_, where.index,
                 e.byte_offset, e.json_pointer.empty() ? "" : " at ", e.json_pointer,
                 ordernorm::to_string(e.code), e.message);
      return;
    }
    std::string& buf = rejects_->buffer();
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
    if (!rejects_->maybe_flush()) write_failed_ = true;
  }

  void finish() {
    if (json_array_) out_.buffer() += orders_ == 0 ? "[]\n" : "\n]\n";
  }

 private:
  output_file& out_;
  output_file* rejects_;
  bool json_array_;
  std::string input_;
  std::uint64_t orders_ = 0;
  bool write_failed_ = false;
};

int usage_error(std::string_view message) {
  fmt::print(stderr, "ordernorm: {}\nTry 'ordernorm convert --help'.\n", message);
  return 2;
}

int run_convert(const cli_options& opts) {
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
  cli_sink sink(out, opts.rejects.empty() ? nullptr : &rejects_file, opts.json_array);
  ordernorm::converter conv(opts.convert);

  std::vector<std::string> inputs = opts.inputs;
  if (inputs.empty()) inputs.push_back("-");
  std::uint64_t records = 0, converted = 0;
  bool io_failed = false;
  for (const std::string& name : inputs) {
    const std::string shown = name == "-" ? "<stdin>" : name;
    sink.set_input(shown);
    conv.reset_counts();
    ordernorm::reader in = ordernorm::reader::open_file(name);
    ordernorm::document_view doc;
    while (in.next(doc)) {
      if (doc.problem != ordernorm::error_code::ok) {
        ordernorm::record_error e;
        e.code = doc.problem;
        e.message =
            fmt::format("a line of {} bytes is longer than the longest record allowed", doc.size);
        e.byte_offset = doc.offset;
        conv.reject_record(e, sink);
        continue;
      }
      conv.convert_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
    }
    records += conv.records();
    converted += conv.converted();
    if (!in.ok()) {
      fmt::print(stderr, "ordernorm: {}: {} (at byte {})\n", shown, in.error().message,
                 in.error().byte_offset);
      io_failed = true;
    }
  }
  sink.finish();
  if (!out.flush() || !rejects_file.flush() || sink.write_failed()) {
    fmt::print(stderr, "ordernorm: write failed: {}\n", std::strerror(errno));
    return 2;
  }
  fmt::print(stderr, "ordernorm: {} records: {} converted, {} rejected\n", records, converted,
             records - converted);
  if (io_failed) return 2;
  return records == converted ? 0 : 1;
}

int convert_main(int argc, char** argv) {
  cli_options opts;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string_view flag) -> std::optional<std::string_view> {
      if (i + 1 >= argc) return std::nullopt;
      (void)flag;
      return std::string_view(argv[++i]);
    };
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", convert_help);
      return 0;
    } else if (arg == "--from") {
      auto v = value(arg);
      if (!v) return usage_error("--from needs a platform");
      if (*v == "auto") {
        opts.convert.from.reset();
      } else if (auto p = ordernorm::platform_from_name(*v)) {
        opts.convert.from = *p;
      } else {
        return usage_error(fmt::format("unknown platform '{}'", *v));
      }
    } else if (arg == "--format") {
      auto v = value(arg);
      if (!v || (*v != "ndjson" && *v != "json")) return usage_error("--format is ndjson or json");
      opts.json_array = *v == "json";
    } else if (arg == "--mapper") {
      auto v = value(arg);
      if (!v || (*v != "fast" && *v != "reference")) {
        return usage_error("--mapper is fast or reference");
      }
      opts.convert.mapper = *v == "fast" ? ordernorm::mapper::fast : ordernorm::mapper::reference;
    } else if (arg == "-o" || arg == "--output") {
      auto v = value(arg);
      if (!v) return usage_error("-o needs a file");
      opts.output = *v;
    } else if (arg == "--rejects") {
      auto v = value(arg);
      if (!v) return usage_error("--rejects needs a file");
      opts.rejects = *v;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return usage_error(fmt::format("unknown option '{}'", arg));
    } else {
      opts.inputs.emplace_back(arg);
    }
  }
  return run_convert(opts);
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
  if (command == "convert") return convert_main(argc - 2, argv + 2);
  return usage_error(fmt::format("unknown command '{}'", command));
}
