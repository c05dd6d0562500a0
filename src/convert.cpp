// The converter: documents -> records -> platform -> mapping -> sink.
#include "ordernorm/convert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "ordernorm/detail/platform.hpp"

namespace ordernorm {
namespace {

using detail::od::json_type;
namespace od = detail::od;

// Every platform this build knows, for detection and --from names.
const std::array<const detail::platform_info*, 8>& known_platforms() {
  static const std::array<const detail::platform_info*, 8> all{
      &detail::shopify_platform(),     &detail::malomo_platform(),      &detail::magento_platform(),
      &detail::bigcommerce_platform(), &detail::woocommerce_platform(), &detail::sfcc_platform(),
      &detail::squarespace_platform(), &detail::ebay_platform()};
  return all;
}

// List envelopes that wrap orders; the value's type says whether it holds
// one order (object) or many (array). A document is an envelope only when it
// carries no platform marker key of its own (a Magento order has `items`).
// Magento's GET /V1/orders answers {"items":[...],"search_criteria":...};
// Squarespace {"result":[...],"pagination":...}; SFCC SCAPI {"data":[...]}
// and OCAPI order_search {"hits":[{"data":{order}}, ...]}.
constexpr std::array<std::string_view, 6> envelope_keys{
    {"orders", "order", "items", "result", "data", "hits"}};

// Envelopes whose list elements wrap each order one level deeper, under this key.
constexpr std::string_view hit_envelope_key = "hits";
constexpr std::string_view hit_order_key = "data";

// What a key scan of an object found.
struct shape {
  const detail::platform_info* platform = nullptr;
  std::string_view envelope_key;
};

bool raw_key_is(od::field& f, std::string_view key) { return f.key().unsafe_is_equal(key); }

}  // namespace

struct converter::impl {
  explicit impl(options o) : opts(o) {}

  options opts;
  od::parser parser;
  detail::fast_walker fast;
  detail::reference_walker reference;
  detail::string_arena arena;
  // One slot per platform enumerator (unknown .. ebay), indexed by platform id.
  std::array<std::unique_ptr<detail::platform_converter>,
             static_cast<std::size_t>(platform::ebay) + 1>
      converters{};
  detail::padded_buffer padded;  // for the std::string_view overload
  std::uint64_t records = 0;
  std::uint64_t converted = 0;

  // The document being converted.
  const char* doc_begin = nullptr;
  std::uint64_t doc_offset = 0;
  order_sink* sink = nullptr;

  std::uint64_t offset_of(const char* p) const {
    return doc_offset + static_cast<std::uint64_t>(p - doc_begin);
  }

  void reject(const char* where, error_code code, std::string message, std::string pointer = {}) {
    record_error e;
    e.code = code;
    e.message = std::move(message);
    e.json_pointer = std::move(pointer);
    e.byte_offset = offset_of(where);
    sink->on_reject(e, record_position{++records, e.byte_offset});
  }

  void reject_json(const char* where, simdjson::error_code e) {
    reject(where, error_code::invalid_json,
           fmt::format("invalid JSON: {}", simdjson::error_message(e)));
  }

  // Scans an object's keys (values are skipped, not parsed) until a platform
  // marker decides; remembers the first envelope key on the way.
  error_code scan(od::object& obj, shape& out, const char*& error_at, std::string& error_message) {
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) {
        error_at = nullptr;
        error_message = fmt::format("invalid JSON: {}", simdjson::error_message(e));
        return error_code::invalid_json;
      }
      for (const detail::platform_info* p : known_platforms()) {
        for (std::string_view marker : p->marker_keys) {
          if (raw_key_is(f, marker)) {
            out.platform = p;
            return error_code::ok;
          }
        }
      }
      if (out.envelope_key.empty()) {
        for (std::string_view key : envelope_keys) {
          if (raw_key_is(f, key)) out.envelope_key = key;
        }
      }
    }
    return error_code::ok;
  }

  // The first keys of an object, for "what it saw" in detection errors.
  std::string key_list(od::object& obj) {
    bool ignored;
    if (obj.reset().get(ignored)) return "?";
    std::string out;
    std::size_t n = 0;
    for (auto field_result : obj) {
      od::field f;
      if (std::move(field_result).get(f)) break;
      std::string_view key;
      if (f.unescaped_key().get(key)) break;
      if (n == 8) {
        out += ", ...";
        break;
      }
      fmt::format_to(std::back_inserter(out), "{}\"{}\"", n == 0 ? "" : ", ", key);
      ++n;
    }
    return out.empty() ? "no keys" : "keys " + out;
  }

  detail::platform_converter* converter_for(const detail::platform_info& p) {
    auto& slot = converters[static_cast<std::size_t>(p.id)];
    if (!slot && p.make_converter != nullptr) slot = p.make_converter();
    return slot.get();
  }

  // One record: an order object, its platform known or detected. Returns
  // false when the record failed before its object was read to the end.
  bool convert_record(od::object& obj, const char* begin, const detail::platform_info* given) {
    const detail::platform_info* platform = given;
    if (platform == nullptr) {
      shape found;
      const char* error_at = begin;
      std::string message;
      if (error_code err = scan(obj, found, error_at, message); err != error_code::ok) {
        reject(error_at != nullptr ? error_at : begin, err, std::move(message));
        return false;
      }
      if (found.platform == nullptr) {
        reject(begin, error_code::unknown_platform,
               fmt::format("not an order of a known platform: the object has {}", key_list(obj)));
        return false;
      }
      platform = found.platform;
    }
    bool ignored;
    if (auto e = obj.reset().get(ignored)) {
      reject_json(begin, e);
      return false;
    }
    detail::platform_converter* conv = converter_for(*platform);
    if (conv == nullptr) {
      reject(begin, error_code::unsupported_platform,
             fmt::format("a {} order: this build recognizes the platform but cannot "
                         "convert it yet",
                         platform->name));
      return false;
    }
    arena.reset();
    error_code err;
    record_error error;
    if (opts.mapper == mapper::fast) {
      fast.begin_record(doc_begin, doc_offset, begin, &arena);
      err = conv->convert(fast, obj);
      if (err != error_code::ok) error = fast.take_error();
    } else {
      reference.begin_record(doc_begin, doc_offset, begin, &arena);
      err = conv->convert(reference, obj);
      if (err != error_code::ok) error = reference.take_error();
    }
    const record_position where{++records, offset_of(begin)};
    if (err != error_code::ok) {
      sink->on_reject(error, where);
      return false;
    }
    order& result = conv->result();
    detail::derive_order_tracking(result, opts.derive);
    ++converted;
    auto& warnings = opts.mapper == mapper::fast ? fast.warnings() : reference.warnings();
    for (const record_warning& w : warnings) sink->on_warning(w, where);
    sink->on_order(result, where);
    return true;
  }

  const detail::platform_info* given_platform() const {
    if (!opts.from) return nullptr;
    for (const detail::platform_info* p : known_platforms()) {
      if (p->id == *opts.from) return p;
    }
    return nullptr;
  }

  // An array whose elements are records. Returns false when the array itself
  // is broken and the rest of the document cannot be read.
  bool convert_array(od::array& arr, const char* begin, const detail::platform_info* given,
                     std::string_view unwrap_key = {}) {
    const char* last = begin;
    std::size_t index = 0;
    for (auto element_result : arr) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) {
        reject(last, error_code::invalid_json,
               fmt::format("invalid JSON; the rest of the document cannot be read: {}",
                           simdjson::error_message(e)));
        return false;
      }
      last = element.raw_json_token().data();
      od::json_type type{};
      if (auto e = element.type().get(type)) {
        reject_json(last, e);
        return false;
      }
      if (type != json_type::object) {
        reject(last, error_code::not_an_object, "expected an order object");
        ++index;
        continue;
      }
      od::object obj;
      if (auto e = element.get_object().get(obj)) {
        reject_json(last, e);
        return false;
      }
      if (unwrap_key.empty()) {
        convert_record(obj, last, given);
      } else if (!convert_wrapped(obj, last, given, unwrap_key, index)) {
        return false;
      }
      ++index;
    }
    return true;
  }

  // A list element that holds its order under `key` (an OCAPI search hit).
  bool convert_wrapped(od::object& hit, const char* hit_begin, const detail::platform_info* given,
                       std::string_view key, std::size_t index) {
    od::value inner;
    auto found = hit.find_field_unordered(key).get(inner);
    if (found == simdjson::NO_SUCH_FIELD) {
      reject(hit_begin, error_code::not_an_object,
             fmt::format("expected the list element to hold its order under \"{}\"", key),
             fmt::format("/{}/{}", hit_envelope_key, index));
      return true;
    }
    if (found != simdjson::SUCCESS) {
      reject_json(hit_begin, found);
      return false;
    }
    const char* inner_begin = inner.raw_json_token().data();
    od::json_type type{};
    if (auto e = inner.type().get(type)) {
      reject_json(inner_begin, e);
      return false;
    }
    if (type != json_type::object) {
      reject(inner_begin, error_code::not_an_object, "expected an order object",
             fmt::format("/{}/{}/{}", hit_envelope_key, index, key));
      return true;
    }
    od::object obj;
    if (auto e = inner.get_object().get(obj)) {
      reject_json(inner_begin, e);
      return false;
    }
    convert_record(obj, inner_begin, given);
    return true;
  }

  void convert_document(const char* data, std::size_t size, std::size_t capacity, order_sink& out,
                        std::uint64_t base_offset) {
    sink = &out;
    doc_begin = data;
    doc_offset = base_offset;
    const char* begin = data;
    const char* end = data + size;
    while (begin != end && (*begin == ' ' || *begin == '\n' || *begin == '\r' || *begin == '\t')) {
      ++begin;
    }
    od::document doc;
    if (auto e = parser.iterate(data, size, capacity).get(doc)) {
      return reject_json(begin, e);
    }
    od::json_type type{};
    if (auto e = doc.type().get(type)) {
      return reject_json(begin, e);
    }
    const detail::platform_info* given = given_platform();
    bool readable = true;
    if (type == json_type::array) {
      od::array arr;
      if (auto e = doc.get_array().get(arr)) {
        return reject_json(begin, e);
      }
      readable = convert_array(arr, begin, given);
    } else if (type == json_type::object) {
      od::object obj;
      if (auto e = doc.get_object().get(obj)) {
        return reject_json(begin, e);
      }
      readable = convert_top_object(obj, begin, given);
    } else {
      return reject(begin, error_code::not_an_object,
                    "expected an order object, an array of orders or a list envelope");
    }
    // simdjson 3.0.1 has no document::at_end(): a current location that is
    // still inside the input means more tokens follow the root value.
    const char* rest = nullptr;
    if (readable && doc.current_location().get(rest) == simdjson::SUCCESS && rest != nullptr) {
      reject(rest, error_code::trailing_content,
             "unexpected content after the end of the JSON document");
    }
  }

  // Steps through every field of `obj` without reading values; false when the
  // JSON is broken (already reported for the record that failed).
  static bool skip_fields(od::object& obj) {
    bool ignored;
    if (obj.reset().get(ignored)) return false;
    for (auto field_result : obj) {
      if (field_result.error()) return false;
    }
    return true;
  }

  // A top-level object: an order, or an envelope of orders.
  bool convert_top_object(od::object& obj, const char* begin, const detail::platform_info* given) {
    shape found;
    const char* error_at = begin;
    std::string message;
    if (error_code err = scan(obj, found, error_at, message); err != error_code::ok) {
      reject(error_at != nullptr ? error_at : begin, err, std::move(message));
      return false;
    }
    if (found.platform != nullptr || found.envelope_key.empty()) {
      if (given != nullptr && found.platform != nullptr && found.platform != given) {
        reject(begin, error_code::platform_mismatch,
               fmt::format("expected a {} order, but the document is a {} order", given->name,
                           found.platform->name));
        return skip_fields(obj);
      }
      if (given == nullptr && found.platform == nullptr) {
        reject(begin, error_code::unknown_platform,
               fmt::format("not an order of a known platform nor a list of orders: the object "
                           "has {}",
                           key_list(obj)));
        return skip_fields(obj);
      }
      // The marker decided, so convert_record need not scan again.
      bool ignored;
      if (auto e = obj.reset().get(ignored)) {
        reject_json(begin, e);
        return false;
      }
      if (convert_record(obj, begin, found.platform != nullptr ? found.platform : given)) {
        return true;
      }
      // The record stopped half-way: walk the rest of it so that what follows
      // the document (a second, concatenated one) is still seen.
      return skip_fields(obj);
    }
    // An envelope: its orders are the records.
    bool ignored;
    od::value inner;
    if (auto e = obj.reset().get(ignored)) {
      reject_json(begin, e);
      return false;
    }
    if (auto e = obj.find_field(found.envelope_key).get(inner)) {
      reject_json(begin, e);
      return false;
    }
    const char* inner_begin = inner.raw_json_token().data();
    od::json_type type{};
    if (auto e = inner.type().get(type)) {
      reject_json(inner_begin, e);
      return false;
    }
    if (type == json_type::array) {
      od::array arr;
      if (auto e = inner.get_array().get(arr)) {
        reject_json(inner_begin, e);
        return false;
      }
      const std::string_view unwrap =
          found.envelope_key == hit_envelope_key ? hit_order_key : std::string_view{};
      if (!convert_array(arr, inner_begin, given, unwrap)) return false;
    } else if (type == json_type::object) {
      od::object order_obj;
      if (auto e = inner.get_object().get(order_obj)) {
        reject_json(inner_begin, e);
        return false;
      }
      convert_record(order_obj, inner_begin, given);
    } else if (type != json_type::null) {
      reject(inner_begin, error_code::wrong_type,
             fmt::format("expected the orders under \"{}\" to be an object or an array",
                         found.envelope_key),
             fmt::format("/{}", found.envelope_key));
    }
    // Visit the envelope's other keys so that broken JSON around the list is
    // reported rather than silently ignored.
    if (auto e = obj.reset().get(ignored)) {
      reject_json(begin, e);
      return false;
    }
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) {
        reject(
            begin, error_code::invalid_json,
            fmt::format("invalid JSON after the list of orders: {}", simdjson::error_message(e)));
        return false;
      }
    }
    return true;
  }
};

converter::converter(options opts) : impl_(std::make_unique<impl>(opts)) {}
converter::~converter() = default;
converter::converter(converter&&) noexcept = default;
converter& converter::operator=(converter&&) noexcept = default;

void converter::convert(std::string_view json, order_sink& sink, std::uint64_t base_offset) {
  const char* data = impl_->padded.copy(json, padding);
  impl_->convert_document(data, json.size(), impl_->padded.capacity(), sink, base_offset);
}

void converter::convert_padded(const char* data, std::size_t size, std::size_t capacity,
                               order_sink& sink, std::uint64_t base_offset) {
  impl_->convert_document(data, size, capacity, sink, base_offset);
}

void converter::reject_record(const record_error& error, order_sink& sink) {
  sink.on_reject(error, record_position{++impl_->records, error.byte_offset});
}

std::uint64_t converter::records() const noexcept { return impl_->records; }
std::uint64_t converter::converted() const noexcept { return impl_->converted; }
std::uint64_t converter::rejected() const noexcept { return impl_->records - impl_->converted; }
void converter::reset_counts() noexcept {
  impl_->records = 0;
  impl_->converted = 0;
}

std::optional<platform> platform_from_name(std::string_view name) noexcept {
  for (const detail::platform_info* p : known_platforms()) {
    if (p->name == name) return p->id;
  }
  return std::nullopt;
}

}  // namespace ordernorm
