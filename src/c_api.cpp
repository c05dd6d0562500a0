// The C interface (include/ordernorm.h) over the C++ API. Every entry point
// catches everything: a C caller has no way to receive a C++ exception.
#include "ordernorm.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "ordernorm/ordernorm.hpp"

namespace {

using ordernorm::error_code;
using ordernorm::warning_code;

// The record codes are ordernorm::error_code's values, so a reject's code is a
// cast; these catch an enumerator added to one and not the other.
static_assert(static_cast<int>(error_code::ok) == ORDERNORM_OK);
static_assert(static_cast<int>(error_code::invalid_json) == ORDERNORM_INVALID_JSON);
static_assert(static_cast<int>(error_code::wrong_type) == ORDERNORM_WRONG_TYPE);
static_assert(static_cast<int>(error_code::not_an_object) == ORDERNORM_NOT_AN_OBJECT);
static_assert(static_cast<int>(error_code::invalid_money) == ORDERNORM_INVALID_MONEY);
static_assert(static_cast<int>(error_code::money_out_of_range) == ORDERNORM_MONEY_OUT_OF_RANGE);
static_assert(static_cast<int>(error_code::invalid_timestamp) == ORDERNORM_INVALID_TIMESTAMP);
static_assert(static_cast<int>(error_code::timestamp_out_of_range) ==
              ORDERNORM_TIMESTAMP_OUT_OF_RANGE);
static_assert(static_cast<int>(error_code::naive_timestamp) == ORDERNORM_NAIVE_TIMESTAMP);
static_assert(static_cast<int>(error_code::invalid_number) == ORDERNORM_INVALID_NUMBER);
static_assert(static_cast<int>(error_code::missing_field) == ORDERNORM_MISSING_FIELD);
static_assert(static_cast<int>(error_code::unknown_platform) == ORDERNORM_UNKNOWN_PLATFORM);
static_assert(static_cast<int>(error_code::unsupported_platform) == ORDERNORM_UNSUPPORTED_PLATFORM);
static_assert(static_cast<int>(error_code::platform_mismatch) == ORDERNORM_PLATFORM_MISMATCH);
static_assert(static_cast<int>(error_code::trailing_content) == ORDERNORM_TRAILING_CONTENT);
static_assert(static_cast<int>(error_code::source_error) == ORDERNORM_SOURCE_ERROR);
static_assert(static_cast<int>(error_code::missing_parent) == ORDERNORM_MISSING_PARENT);
static_assert(static_cast<int>(error_code::record_too_large) == ORDERNORM_RECORD_TOO_LARGE);
static_assert(static_cast<int>(error_code::depth_limit_exceeded) == ORDERNORM_DEPTH_LIMIT_EXCEEDED);
static_assert(static_cast<int>(error_code::string_too_long) == ORDERNORM_STRING_TOO_LONG);
static_assert(static_cast<int>(error_code::io_error) == ORDERNORM_IO_ERROR);
// io_error is the last enumerator: the interface's own codes start above it.
static_assert(ORDERNORM_IO_ERROR < ORDERNORM_INVALID_ARGUMENT);

static_assert(static_cast<int>(warning_code::unclassified) == ORDERNORM_WARNING_UNCLASSIFIED);
static_assert(static_cast<int>(warning_code::unexpanded_link) == ORDERNORM_WARNING_UNEXPANDED_LINK);
static_assert(static_cast<int>(warning_code::other_currency) == ORDERNORM_WARNING_OTHER_CURRENCY);
static_assert(static_cast<int>(warning_code::inexact_value) == ORDERNORM_WARNING_INEXACT_VALUE);
static_assert(static_cast<int>(warning_code::several_addresses) ==
              ORDERNORM_WARNING_SEVERAL_ADDRESSES);
static_assert(static_cast<int>(warning_code::unreadable_time) == ORDERNORM_WARNING_UNREADABLE_TIME);
static_assert(static_cast<int>(warning_code::times_disagree) == ORDERNORM_WARNING_TIMES_DISAGREE);
static_assert(static_cast<int>(warning_code::presentment_money) ==
              ORDERNORM_WARNING_PRESENTMENT_MONEY);

ordernorm_status to_status(error_code code) noexcept { return static_cast<ordernorm_status>(code); }

// Copies `text` into the caller's buffer as snprintf would.
void write_message(char* out, std::size_t out_size, std::string_view text) noexcept {
  if (out == nullptr || out_size == 0) return;
  const std::size_t n = text.size() < out_size - 1 ? text.size() : out_size - 1;
  std::memcpy(out, text.data(), n);
  out[n] = '\0';
}

// Hands each result to the C callbacks. After a callback asks to stop, the
// rest of the document still runs through the converter (it cannot be
// interrupted), but nothing more reaches the caller.
class callback_sink final : public ordernorm::order_sink {
 public:
  explicit callback_sink(const ordernorm_callbacks* callbacks, std::string& json)
      : cb_(callbacks), json_(json) {}

  bool stopped() const noexcept { return stopped_; }

  void on_order(const ordernorm::order& o, const ordernorm::record_position& where) override {
    if (stopped_ || cb_ == nullptr || cb_->on_order == nullptr) return;
    json_.clear();  // the buffer is reused: no allocation per order once it has grown
    ordernorm::write_json(o, json_);
    const ordernorm_position at{where.index, where.byte_offset};
    stopped_ = cb_->on_order(cb_->user, json_.c_str(), json_.size(), &at) != 0;
  }

  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    if (stopped_ || cb_ == nullptr || cb_->on_reject == nullptr) return;
    const std::string_view name = ordernorm::to_string(e.code);  // static, NUL-terminated
    const ordernorm_record_error error{to_status(e.code),      name.data(), e.message.c_str(),
                                       e.json_pointer.c_str(), where.index, e.byte_offset};
    stopped_ = cb_->on_reject(cb_->user, &error) != 0;
  }

  void on_warning(const ordernorm::record_warning& w,
                  const ordernorm::record_position& where) override {
    if (stopped_ || cb_ == nullptr || cb_->on_warning == nullptr) return;
    const std::string_view name = ordernorm::to_string(w.code);
    const ordernorm_record_warning warning{static_cast<ordernorm_warning_code>(w.code),
                                           name.data(),
                                           w.message.c_str(),
                                           w.json_pointer.c_str(),
                                           where.index,
                                           where.byte_offset};
    stopped_ = cb_->on_warning(cb_->user, &warning) != 0;
  }

 private:
  const ordernorm_callbacks* cb_;
  std::string& json_;
  bool stopped_ = false;
};

// What ordernorm_converter_new reads from options, checked; or why not.
struct parsed_options {
  ordernorm::options opts;
  std::string problem;
};

parsed_options parse(const ordernorm_converter_options* given) {
  parsed_options out;
  if (given == nullptr) return out;
  // A caller built against this header passes its size; a larger struct
  // comes from a newer header whose members this library cannot honour.
  if (given->struct_size != sizeof(ordernorm_converter_options)) {
    out.problem = "options.struct_size is " + std::to_string(given->struct_size) +
                  ", this library's ordernorm_converter_options has " +
                  std::to_string(sizeof(ordernorm_converter_options)) +
                  " bytes (call ordernorm_converter_options_init)";
    return out;
  }
  if (given->source != nullptr && std::string_view(given->source) != "auto") {
    out.opts.from = ordernorm::platform_from_name(given->source);
    if (!out.opts.from) {
      out.problem = std::string("unknown source \"") + given->source + "\"";
      return out;
    }
  }
  ordernorm::input_limits& limits = out.opts.limits;
  for (const auto& [value, member] :
       {std::pair{given->max_record_bytes, &limits.max_record_bytes},
        std::pair{given->max_depth, &limits.max_depth},
        std::pair{given->max_string_bytes, &limits.max_string_bytes}}) {
    if (value == 0) continue;
    if (static_cast<std::uint64_t>(static_cast<std::size_t>(value)) != value) {  // 32-bit
      out.problem = "a limit is larger than this platform's size_t";
      return out;
    }
    *member = static_cast<std::size_t>(value);
  }
  if (given->as_of != nullptr) {
    const auto t = ordernorm::parse_timestamp(given->as_of, ordernorm::naive_time::utc);
    if (!t) {
      out.problem = std::string("as_of \"") + given->as_of +
                    "\" is not a timestamp (e.g. 2024-05-01T00:00:00Z)";
      return out;
    }
    out.opts.derive.as_of = *t;
  }
  out.opts.strict = given->strict != 0;
  return out;
}

}  // namespace

struct ordernorm_converter {
  explicit ordernorm_converter(const ordernorm::options& o) : opts(o), conv(o) {}

  ordernorm::options opts;
  ordernorm::converter conv;
  std::string json;     // the order being delivered, reused
  std::string message;  // why the last call failed
  bool busy = false;    // inside a call: a callback calling back in is refused

  void set_message(std::string_view text) noexcept {
    try {
      message.assign(text);
    } catch (...) {
      message.clear();  // no memory for the message: the status still says what
    }
  }

  // Runs one input through the converter, as the CLI's sequential loop does.
  ordernorm_status run(ordernorm::reader& in, const ordernorm_callbacks* callbacks,
                       std::string_view name) {
    conv.reset_counts();
    // As for the options: a struct from another header's layout is refused,
    // never read by this one's.
    if (callbacks != nullptr && callbacks->struct_size != sizeof(ordernorm_callbacks)) {
      set_message("callbacks.struct_size is " + std::to_string(callbacks->struct_size) +
                  ", this library's ordernorm_callbacks has " +
                  std::to_string(sizeof(ordernorm_callbacks)) +
                  " bytes (call ordernorm_callbacks_init)");
      return ORDERNORM_INVALID_ARGUMENT;
    }
    callback_sink sink(callbacks, json);
    ordernorm::document_view doc;
    while (!sink.stopped() && in.next(doc)) {
      if (doc.problem != error_code::ok) {
        conv.reject_record(in.problem(doc), sink);
      } else {
        conv.convert(doc, sink);
      }
    }
    if (sink.stopped()) {
      set_message("a callback stopped the conversion");
      return ORDERNORM_STOPPED;
    }
    if (!in.ok()) {
      set_message(std::string(name) + ": " + in.error().message);
      return to_status(in.error().code);
    }
    return ORDERNORM_OK;
  }

  // Calls `body` with the call's bookkeeping: the re-entrancy check, the
  // message reset, and every exception turned into a status.
  template <class Body>
  ordernorm_status guarded(Body body) noexcept {
    if (busy) return ORDERNORM_INVALID_ARGUMENT;  // the running call's message stays
    busy = true;
    message.clear();
    ordernorm_status s = ORDERNORM_INTERNAL_ERROR;
    try {
      s = body();
    } catch (const std::bad_alloc&) {
      set_message("out of memory");
      s = ORDERNORM_OUT_OF_MEMORY;
    } catch (const std::exception& e) {
      set_message(e.what());
      s = ORDERNORM_INTERNAL_ERROR;
    } catch (...) {
      set_message("unknown failure");
      s = ORDERNORM_INTERNAL_ERROR;
    }
    busy = false;
    return s;
  }
};

extern "C" {

const char* ordernorm_version(void) { return ORDERNORM_VERSION; }

int ordernorm_abi_version(void) { return ORDERNORM_ABI_VERSION; }

const char* ordernorm_status_name(ordernorm_status status) {
  switch (status) {
    case ORDERNORM_INVALID_ARGUMENT:
      return "invalid_argument";
    case ORDERNORM_OUT_OF_MEMORY:
      return "out_of_memory";
    case ORDERNORM_STOPPED:
      return "stopped";
    case ORDERNORM_INTERNAL_ERROR:
      return "internal_error";
    default:
      break;
  }
  if (status < ORDERNORM_OK || status > ORDERNORM_IO_ERROR) return "unknown";
  // to_string's names are string literals: NUL-terminated, static.
  return ordernorm::to_string(static_cast<error_code>(status)).data();
}

void ordernorm_converter_options_init(ordernorm_converter_options* options) {
  if (options == nullptr) return;
  *options = ordernorm_converter_options{};
  options->struct_size = sizeof *options;
}

void ordernorm_callbacks_init(ordernorm_callbacks* callbacks) {
  if (callbacks == nullptr) return;
  *callbacks = ordernorm_callbacks{};
  callbacks->struct_size = sizeof *callbacks;
}

ordernorm_status ordernorm_converter_new(const ordernorm_converter_options* options,
                                         ordernorm_converter** out, char* message,
                                         std::size_t message_size) {
  write_message(message, message_size, "");
  if (out == nullptr) {
    write_message(message, message_size, "out is NULL");
    return ORDERNORM_INVALID_ARGUMENT;
  }
  *out = nullptr;
  try {
    const parsed_options parsed = parse(options);
    if (!parsed.problem.empty()) {
      write_message(message, message_size, parsed.problem);
      return ORDERNORM_INVALID_ARGUMENT;
    }
    *out = new ordernorm_converter(parsed.opts);
    return ORDERNORM_OK;
  } catch (const std::bad_alloc&) {
    write_message(message, message_size, "out of memory");
    return ORDERNORM_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    write_message(message, message_size, e.what());
    return ORDERNORM_INTERNAL_ERROR;
  } catch (...) {
    write_message(message, message_size, "unknown failure");
    return ORDERNORM_INTERNAL_ERROR;
  }
}

void ordernorm_converter_free(ordernorm_converter* converter) { delete converter; }

ordernorm_status ordernorm_convert_bytes(ordernorm_converter* converter, const char* data,
                                         std::size_t size, const ordernorm_callbacks* callbacks) {
  if (converter == nullptr) return ORDERNORM_INVALID_ARGUMENT;
  return converter->guarded([&] {
    if (data == nullptr && size != 0) {
      converter->set_message("data is NULL");
      return ORDERNORM_INVALID_ARGUMENT;
    }
    // Read in place (the caller keeps the bytes for the call).
    ordernorm::reader in = ordernorm::reader::from_memory(
        std::string_view(data, size), ordernorm::reader_options_for(converter->opts.limits));
    return converter->run(in, callbacks, "<bytes>");
  });
}

ordernorm_status ordernorm_convert_file(ordernorm_converter* converter, const char* path,
                                        const ordernorm_callbacks* callbacks) {
  if (converter == nullptr) return ORDERNORM_INVALID_ARGUMENT;
  return converter->guarded([&] {
    if (path == nullptr) {
      converter->set_message("path is NULL");
      return ORDERNORM_INVALID_ARGUMENT;
    }
    ordernorm::reader in =
        ordernorm::reader::open_file(path, ordernorm::reader_options_for(converter->opts.limits));
    return converter->run(in, callbacks, std::string_view(path) == "-" ? "<stdin>" : path);
  });
}

ordernorm_counts ordernorm_converter_counts(const ordernorm_converter* converter) {
  if (converter == nullptr) return ordernorm_counts{0, 0, 0};
  return ordernorm_counts{converter->conv.records(), converter->conv.converted(),
                          converter->conv.rejected()};
}

const char* ordernorm_converter_message(const ordernorm_converter* converter) {
  if (converter == nullptr) return "converter is NULL";
  return converter->message.c_str();
}

}  // extern "C"
