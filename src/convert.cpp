// The converter: documents -> records -> platform -> mapping -> sink.
#include "ordernorm/convert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "detection.hpp"
#include "input_split.hpp"
#include "json_structure.hpp"
#include "limits.hpp"
#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/derive.hpp"
#include "ordernorm/detail/platform.hpp"
#include "simdjson_internals.hpp"

namespace ordernorm {
namespace {

using detail::od::json_type;
namespace od = detail::od;

// List envelopes that wrap orders; the value's type says whether it holds
// one order (object) or many (array). A document is an envelope only when it
// is not itself an order: no platform is picked, or the one picked does not
// carry that key in its orders (a Magento order has `items`).
// Magento's GET /V1/orders answers {"items":[...],"search_criteria":...};
// Squarespace {"result":[...],"pagination":...}; SFCC SCAPI {"data":[...]}
// and OCAPI order_search {"hits":[{"data":{order}}, ...]}.
constexpr std::array<std::string_view, 6> envelope_keys{
    {"orders", "order", "items", "result", "data", "hits"}};

// The scorer over every order platform and the envelopes' keys: built once,
// read-only after.
const detail::platform_detector& order_detector() {
  static const detail::platform_detector detector(detail::order_platforms(), envelope_keys);
  return detector;
}

// Envelopes whose list elements wrap each order one level deeper, under this key.
constexpr std::string_view hit_envelope_key = "hits";
constexpr std::string_view hit_order_key = "data";

// What a key scan of an object found: the platform picked, if any, and the
// envelope key under which its orders are, if it is an envelope.
struct shape {
  const detail::platform_info* platform = nullptr;
  std::string_view envelope_key;
};

// How one record ended. `unreadable`: it is broken JSON, so where it ends,
// and all that follows it in the document, cannot be told; nothing more of
// the document is read.
enum class record_outcome { converted, rejected, unreadable };

// simdjson 3.0.1 On-Demand does not enforce a nesting limit (its parser's
// max_depth only matters under SIMDJSON_DEVELOPMENT_CHECKS), and values under
// keys no mapping reads are skipped where ordernorm never sees them. Stage 1
// has already found every structural character, so the depth check walks
// those indexes (detail::structural_indexes).
using detail::structural_indexes;

}  // namespace

namespace detail {

std::string_view streamable_envelope_key(std::string_view key) noexcept {
  for (std::string_view k : envelope_keys) {
    if (k == key) return k;
  }
  return {};
}

bool keys_make_an_envelope(std::span<const std::string_view> keys) {
  const detail::platform_detector& detector = order_detector();
  detail::detection_tally tally;
  const detail::detection_key* envelope = nullptr;
  for (std::string_view k : keys) {
    const detail::detection_key* key = detector.find(k);
    if (key == nullptr) continue;
    if (key->envelope && envelope == nullptr) envelope = key;
    tally.add(*key);
  }
  if (envelope == nullptr) return false;
  const int leader =
      tally.leader(detector.platforms().size(), detail::detection_weight::decisive_lead);
  return leader < 0 || envelope->weight[static_cast<std::size_t>(leader)] == 0;
}

}  // namespace detail

struct converter::impl {
  explicit impl(options o) : opts(o) {
    fast.set_max_string_bytes(opts.limits.max_string_bytes);
    reference.set_max_string_bytes(opts.limits.max_string_bytes);
  }

  options opts;
  od::parser parser;
  detail::fast_walker fast;
  detail::reference_walker reference;
  detail::string_arena arena;
  detail::structure_checker structure;
  detail::derive_scratch derive_scratch;
  // One slot per platform enumerator (unknown and the registry's), indexed by
  // platform id.
  std::array<std::unique_ptr<detail::platform_converter>, detail::order_platform_count + 1>
      converters{};
  detail::padded_buffer padded;  // for the std::string_view overload
  detail::padded_buffer pieces;  // the second and later documents of a text
  std::uint64_t records = 0;
  std::uint64_t converted = 0;

  // The document being converted.
  od::document doc;
  const char* doc_begin = nullptr;
  const char* doc_end = nullptr;
  const char* root_begin = nullptr;  // the root value's first byte
  std::uint64_t doc_offset = 0;
  order_sink* sink = nullptr;
  // Where the document nests deeper than limits.max_depth: the first bracket
  // of each excursion past it, in input order, and how many of them the
  // records read so far have accounted for.
  std::vector<const char*> too_deep;
  std::size_t too_deep_done = 0;
  std::size_t depth_base = 0;  // levels above the text's root (a streamed list element)

  std::uint64_t offset_of(const char* p) const {
    return doc_offset + static_cast<std::uint64_t>(p - doc_begin);
  }

  void reject(const char* where, error_code code, std::string message, std::string pointer = {}) {
    record_error e = make_error(code, std::move(message), offset_of(where));
    e.json_pointer = std::move(pointer);
    sink->on_reject(e, record_position{++records, e.byte_offset});
  }

  record_error make_error(error_code code, std::string message, std::uint64_t byte_offset) const {
    record_error e;
    e.code = code;
    e.message = std::move(message);
    e.byte_offset = byte_offset;
    return e;
  }

  void reject_json(const char* where, simdjson::error_code e) {
    reject(where, error_code::invalid_json,
           fmt::format("invalid JSON: {}", simdjson::error_message(e)));
  }

  // Finds where the document nests deeper than the limit. A list element
  // the reader streamed sits `depth_base` levels down in its document.
  void find_too_deep() {
    too_deep.clear();
    too_deep_done = 0;
    const std::size_t limit =
        opts.limits.max_depth > depth_base ? opts.limits.max_depth - depth_base : 0;
    detail::find_deeper_than(doc_begin, static_cast<std::size_t>(doc_end - doc_begin),
                             structural_indexes(parser), limit, too_deep);
  }

  // The first place in [begin, end) that nests too deep, or null; every such
  // place before `end` counts as accounted for.
  const char* take_too_deep(const char* begin, const char* end) {
    const char* found = nullptr;
    while (too_deep_done < too_deep.size() && too_deep[too_deep_done] < end) {
      if (found == nullptr && too_deep[too_deep_done] >= begin) found = too_deep[too_deep_done];
      ++too_deep_done;
    }
    return found;
  }
  bool too_deep_from(const char* begin) const {
    return too_deep_done < too_deep.size() && too_deep.back() >= begin;
  }

  void reject_too_deep(const char* where, std::string pointer = {}) {
    reject(where, error_code::depth_limit_exceeded,
           detail::depth_limit_message(opts.limits.max_depth), std::move(pointer));
  }

  // Just past the last value the iterator finished (a record's closing
  // brace), or the end of the document.
  const char* finished_up_to() {
    const char* at = nullptr;
    if (doc.current_location().get(at) != simdjson::SUCCESS || at == nullptr) at = doc_end;
    while (at != doc_begin && detail::is_json_space(at[-1])) --at;
    return at;
  }

  // Checks the limits that need a record's extent, before it is mapped:
  // only for a document larger than the record limit, or one that nests too
  // deep after `begin`. Returns false when the record was rejected (and read
  // to its end); otherwise `obj` is rewound, ready to map.
  bool record_within_limits(od::object& obj, const char* begin) {
    const bool check_size =
        static_cast<std::size_t>(doc_end - begin) > opts.limits.max_record_bytes;
    if (!check_size && !too_deep_from(begin)) return true;
    if (!rewind(obj)) return true;  // broken: mapping reports it
    for (auto field_result : obj) {
      if (field_result.error()) return true;  // broken: mapping reports it
    }
    const char* end = finished_up_to();
    const char* deep = take_too_deep(begin, end);
    const auto size = static_cast<std::size_t>(end - begin);
    if (size > opts.limits.max_record_bytes) {
      reject(begin, error_code::record_too_large,
             detail::record_too_large_message("record", size, opts.limits.max_record_bytes));
      return false;
    }
    if (deep != nullptr) {
      reject_too_deep(deep);
      return false;
    }
    rewind(obj);
    return true;
  }

  // Rewinds an object to its first field; false if the JSON is broken (which
  // shows again, and is reported, when the object is read). Never touches an
  // iterator that broken JSON has already stopped: simdjson forbids it.
  bool rewind(od::object& obj) {
    bool ignored;
    return doc.is_alive() && obj.reset().get(ignored) == simdjson::SUCCESS;
  }

  // A record that did not convert: `error` says why, unless the record is
  // broken JSON. Whether it is, and where, is decided by the structure check
  // rather than by where the walker stopped, so that every walker (fast or
  // reference, each reading fields in its own order) gives the same verdict
  // and leaves the document in the same state.
  record_outcome reject_record(const char* begin, record_error error) {
    const std::span<const std::uint32_t> tokens = structural_indexes(parser);
    const auto at = static_cast<std::uint32_t>(begin - doc_begin);
    const auto first = static_cast<std::size_t>(std::lower_bound(tokens.begin(), tokens.end(), at) -
                                                tokens.begin());
    const detail::structure_check check = structure.check_value(doc_begin, tokens, first);
    // An iterator simdjson abandoned on a record the check finds well formed
    // is not expected; if it happens, the document still cannot go on.
    const bool readable = check.ok && doc.is_alive();
    if (!check.ok) {
      const char* where = check.token < tokens.size() ? doc_begin + tokens[check.token] : doc_end;
      error =
          make_error(error_code::invalid_json,
                     fmt::format("invalid JSON: expected {}", check.expected), offset_of(where));
    }
    if (!readable && begin != root_begin) error.message += "; the rest of the document is not read";
    sink->on_reject(error, record_position{++records, offset_of(begin)});
    return readable ? record_outcome::rejected : record_outcome::unreadable;
  }

  // Scores an object's top-level keys (values are skipped, not parsed) and
  // picks the platform that leads every other by detection_weight::
  // decisive_lead, if one does. Stops early once a lead is settled (the rest
  // of a genuine order can only widen it: platform.hpp, "Detection").
  error_code scan(od::object& obj, shape& out, const char*& error_at, std::string& error_message) {
    const detail::platform_detector& detector = order_detector();
    const std::size_t platforms = detector.platforms().size();
    detail::detection_tally tally;
    const detail::detection_key* envelope = nullptr;
    for (auto field_result : obj) {
      od::field f;
      if (auto e = std::move(field_result).get(f)) {
        error_at = nullptr;
        error_message = fmt::format("invalid JSON: {}", simdjson::error_message(e));
        return error_code::invalid_json;
      }
      const detail::detection_key* key =
          detector.find_raw(reinterpret_cast<const char*>(f.key().raw()));
      if (key == nullptr) continue;
      if (key->envelope && envelope == nullptr) envelope = key;
      if (tally.add(*key) && tally.leader(platforms, detail::detection_weight::settled_lead) >= 0) {
        break;
      }
    }
    const int leader = tally.leader(platforms, detail::detection_weight::decisive_lead);
    if (leader >= 0) out.platform = detector.platforms()[static_cast<std::size_t>(leader)];
    if (envelope != nullptr &&
        (leader < 0 || envelope->weight[static_cast<std::size_t>(leader)] == 0)) {
      out.envelope_key = envelope->key;
    }
    return error_code::ok;
  }

  // Why no platform was picked: the candidates, their scores and the keys
  // that counted (all keys, no early stop), then the keys the object has.
  std::string detection_report(od::object& obj) {
    std::vector<const detail::detection_key*> seen;
    if (rewind(obj)) {
      const detail::platform_detector& detector = order_detector();
      for (auto field_result : obj) {
        od::field f;
        if (std::move(field_result).get(f)) break;
        const detail::detection_key* key =
            detector.find_raw(reinterpret_cast<const char*>(f.key().raw()));
        if (key != nullptr && std::find(seen.begin(), seen.end(), key) == seen.end()) {
          seen.push_back(key);
        }
      }
      return fmt::format("{}; the object has {}", detector.explain(seen), key_list(obj));
    }
    return fmt::format("the object has {}", key_list(obj));
  }

  // The first keys of an object, for "what it saw" in detection errors.
  std::string key_list(od::object& obj) {
    if (!rewind(obj)) return "?";
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
      // A hostile key can be megabytes long: show its start only.
      constexpr std::size_t shown = 40;
      std::string_view head = key.substr(0, shown);
      while (head.size() < key.size() && !head.empty() &&
             (static_cast<unsigned char>(key[head.size()]) & 0xC0) == 0x80) {
        head.remove_suffix(1);
      }
      fmt::format_to(std::back_inserter(out), "{}\"{}{}\"", n == 0 ? "" : ", ", head,
                     head.size() < key.size() ? "..." : "");
      ++n;
    }
    return out.empty() ? "no keys" : "keys " + out;
  }

  detail::platform_converter* converter_for(const detail::platform_info& p) {
    auto& slot = converters[static_cast<std::size_t>(p.platform_id)];
    if (!slot && p.make_converter != nullptr) slot = p.make_converter();
    return slot.get();
  }

  // One record: an order object, its platform known or detected.
  record_outcome convert_record(od::object& obj, const char* begin,
                                const detail::platform_info* given) {
    if (!record_within_limits(obj, begin)) return record_outcome::rejected;
    const detail::platform_info* platform = given;
    if (platform == nullptr) {
      shape found;
      const char* error_at = begin;
      std::string message;
      if (error_code err = scan(obj, found, error_at, message); err != error_code::ok) {
        record_error error =
            make_error(err, std::move(message), offset_of(error_at != nullptr ? error_at : begin));
        return reject_record(begin, std::move(error));
      }
      if (found.platform == nullptr) {
        reject(begin, error_code::unknown_platform,
               fmt::format("not an order of a known platform: {}", detection_report(obj)));
        return record_outcome::rejected;
      }
      platform = found.platform;
    }
    if (!rewind(obj)) {
      record_error error = make_error(error_code::invalid_json, "invalid JSON", offset_of(begin));
      return reject_record(begin, std::move(error));
    }
    detail::platform_converter* conv = converter_for(*platform);
    if (conv == nullptr) {
      reject(begin, error_code::unsupported_platform,
             fmt::format("a {} order: this build recognizes the platform but cannot "
                         "convert it yet",
                         platform->name));
      return record_outcome::rejected;
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
    if (err != error_code::ok) return reject_record(begin, std::move(error));
    order& result = conv->result();
    // Each mapping rejects an order without its id at the id's key; this
    // keeps one that does not from passing it on as a silent success.
    if (result.remote_id.empty()) {
      reject(begin, error_code::missing_field, "the order has no id");
      return record_outcome::rejected;
    }
    const record_position where{++records, offset_of(begin)};
    detail::derive_order_tracking(result, opts.derive, derive_scratch);
    ++converted;
    auto& warnings = opts.mapper == mapper::fast ? fast.warnings() : reference.warnings();
    for (const record_warning& w : warnings) sink->on_warning(w, where);
    sink->on_order(result, where);
    return record_outcome::converted;
  }

  const detail::platform_info* given_platform() const {
    if (!opts.from) return nullptr;
    return detail::find_platform(*opts.from);
  }

  // An array whose elements are records. Returns false when the array itself
  // is broken and the rest of the document cannot be read.
  bool convert_array(od::array& arr, const char* begin, const detail::platform_info* given,
                     std::string_view unwrap_key = {}) {
    const char* last = begin;
    std::size_t index = 0;
    // A non-object element is rejected once the next one starts, when its
    // extent is known: nested too deep is the more specific reason.
    const char* pending = nullptr;
    auto reject_pending = [&](const char* next) {
      if (pending == nullptr) return;
      if (const char* deep = take_too_deep(pending, next)) {
        reject_too_deep(deep);
      } else {
        reject(pending, error_code::not_an_object, "expected an order object");
      }
      pending = nullptr;
    };
    for (auto element_result : arr) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) {
        reject_pending(doc_end);
        reject(last, error_code::invalid_json,
               fmt::format("invalid JSON; the rest of the document cannot be read: {}",
                           simdjson::error_message(e)));
        return false;
      }
      last = element.raw_json_token().data();
      reject_pending(last);
      od::json_type type{};
      if (auto e = element.type().get(type)) {
        reject_json(last, e);
        return false;
      }
      if (type != json_type::object) {
        pending = last;
        ++index;
        continue;
      }
      od::object obj;
      if (auto e = element.get_object().get(obj)) {
        reject_json(last, e);
        return false;
      }
      if (unwrap_key.empty()) {
        if (convert_record(obj, last, given) == record_outcome::unreadable) return false;
      } else if (!convert_wrapped(obj, last, given, unwrap_key, index)) {
        return false;
      }
      ++index;
    }
    reject_pending(finished_up_to());
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
    return convert_record(obj, inner_begin, given) != record_outcome::unreadable;
  }

  // Policy for more than one document in one text (an NDJSON line or RS
  // text: `{...}{...}`, `{...} {...}`): each is a document of its own, as in
  // a stream of documents (reader.hpp), split by the same rule
  // (input_split.hpp); a scalar or garbage among them is its own rejected
  // record. A text that is broken JSON where the first document ends is one
  // reject: where the next would start cannot be told.
  void convert_document(const char* data, std::size_t size, std::size_t capacity, order_sink& out,
                        std::uint64_t base_offset) {
    const char* rest = convert_first(data, size, capacity, out, base_offset);
    if (rest == nullptr) return;
    detail::for_each_value(rest, data + size, [&](const char* begin, const char* end) {
      // A copy, padded as convert() pads: what follows a document must not
      // change how it converts.
      const auto n = static_cast<std::size_t>(end - begin);
      const char* piece = pieces.copy(std::string_view(begin, n), padding);
      const std::uint64_t at = base_offset + static_cast<std::uint64_t>(begin - data);
      if (const char* more = convert_first(piece, n, pieces.capacity(), out, at)) {
        // Not expected: the piece is one value by the splitting rule.
        reject(more, error_code::trailing_content,
               "unexpected content after the end of the JSON document");
      }
    });
  }

  // Converts the first JSON value of the text. Returns where more follows
  // it, when that can be told, or null.
  const char* convert_first(const char* data, std::size_t size, std::size_t capacity,
                            order_sink& out, std::uint64_t base_offset) {
    sink = &out;
    doc_begin = data;
    doc_end = data + size;
    doc_offset = base_offset;
    too_deep.clear();
    too_deep_done = 0;
    const char* begin = data;
    while (begin != doc_end && detail::is_json_space(*begin)) ++begin;
    root_begin = begin;
    if (auto e = parser.iterate(data, size, capacity).get(doc)) {
      reject_json(begin, e);
      return nullptr;
    }
    find_too_deep();
    od::json_type type{};
    if (auto e = doc.type().get(type)) {
      reject_json(begin, e);
      return rest_after_scalar(begin);
    }
    const detail::platform_info* given = given_platform();
    bool readable = true;
    if (type == json_type::array) {
      od::array arr;
      if (auto e = doc.get_array().get(arr)) {
        reject_json(begin, e);
        return nullptr;
      }
      readable = convert_array(arr, begin, given);
    } else if (type == json_type::object) {
      od::object obj;
      if (auto e = doc.get_object().get(obj)) {
        reject_json(begin, e);
        return nullptr;
      }
      readable = convert_top_object(obj, begin, given);
    } else {
      reject(begin, error_code::not_an_object,
             "expected an order object, an array of orders or a list envelope");
      return rest_after_scalar(begin);
    }
    // simdjson 3.0.1 has no document::at_end(): a current location that is
    // still inside the input means more tokens follow the root value.
    const char* rest = nullptr;
    const bool trailing =
        readable && doc.current_location().get(rest) == simdjson::SUCCESS && rest != nullptr;
    // Too deep outside every record (an envelope's other keys): one more
    // rejected entry, so that the limit is never exceeded silently.
    if (const char* deep = take_too_deep(doc_begin, trailing ? rest : doc_end);
        readable && deep != nullptr) {
      reject_too_deep(deep);
    }
    return trailing ? rest : nullptr;
  }

  // One element of a list the reader streamed (document_view::element):
  // converted as convert_array converts each element of a list it holds
  // whole, so that a list gives the same records either way.
  void convert_element(const document_view& d, order_sink& out) {
    sink = &out;
    doc_begin = d.data;
    doc_end = d.data + d.size;
    doc_offset = d.offset;
    root_begin = d.data;
    depth_base = d.list_key.empty() ? 1 : 2;
    convert_element_value(d);
    depth_base = 0;
  }

  void convert_element_value(const document_view& d) {
    const char* begin = doc_begin;
    if (auto e = parser.iterate(d.data, d.size, d.capacity).get(doc)) {
      reject_json(begin, e);
      return;
    }
    find_too_deep();
    od::json_type type{};
    if (auto e = doc.type().get(type)) {
      reject_json(begin, e);
      return;
    }
    if (type != json_type::object) {
      if (const char* deep = take_too_deep(begin, doc_end)) {
        reject_too_deep(deep);
      } else {
        reject(begin, error_code::not_an_object, "expected an order object");
      }
      return;
    }
    od::object obj;
    if (auto e = doc.get_object().get(obj)) {
      reject_json(begin, e);
      return;
    }
    if (d.list_key == hit_envelope_key) {
      convert_wrapped(obj, begin, given_platform(), hit_order_key, d.element_index);
    } else {
      convert_record(obj, begin, given_platform());
    }
  }

  // After a root that is not an object or array: where the next value
  // starts, if one does.
  const char* rest_after_scalar(const char* begin) const {
    const char* rest = detail::value_end(begin, doc_end);
    while (rest != doc_end && detail::is_json_space(*rest)) ++rest;
    return rest != doc_end ? rest : nullptr;
  }

  // Steps through every field of `obj` without reading values; false when the
  // JSON is broken (already reported for the record that failed).
  bool skip_fields(od::object& obj) {
    if (!rewind(obj)) return false;
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
      record_error error =
          make_error(err, std::move(message), offset_of(error_at != nullptr ? error_at : begin));
      reject_record(begin, std::move(error));
      return false;
    }
    if (found.envelope_key.empty()) {
      // A record: a limit it breaks is its one reason, before what it is.
      if (!record_within_limits(obj, begin)) return true;
      if (given != nullptr && found.platform != nullptr && found.platform != given) {
        reject(begin, error_code::platform_mismatch,
               fmt::format("expected a {} order, but the document is a {} order", given->name,
                           found.platform->name));
        return skip_fields(obj);
      }
      if (given == nullptr && found.platform == nullptr) {
        reject(begin, error_code::unknown_platform,
               fmt::format("not an order of a known platform nor a list of orders: {}",
                           detection_report(obj)));
        return skip_fields(obj);
      }
      // The scan decided, so convert_record need not scan again.
      switch (convert_record(obj, begin, found.platform != nullptr ? found.platform : given)) {
        case record_outcome::converted:
          return true;
        case record_outcome::rejected:
          // The record stopped half-way: walk the rest of it so that what
          // follows the document (a second, concatenated one) is still seen.
          return skip_fields(obj);
        case record_outcome::unreadable:
          return false;
      }
      return false;
    }
    // An envelope: its orders are the records.
    od::value inner;
    if (!rewind(obj)) {
      reject(begin, error_code::invalid_json, "invalid JSON");
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
      if (convert_record(order_obj, inner_begin, given) == record_outcome::unreadable) {
        return false;
      }
    } else if (type != json_type::null) {
      reject(inner_begin, error_code::wrong_type,
             fmt::format("expected the orders under \"{}\" to be an object or an array",
                         found.envelope_key),
             fmt::format("/{}", found.envelope_key));
    }
    // Visit the envelope's other keys so that broken JSON around the list is
    // reported rather than silently ignored.
    if (!rewind(obj)) {
      reject(begin, error_code::invalid_json, "invalid JSON");
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

void converter::convert(const document_view& doc, order_sink& sink) {
  if (doc.element) {
    impl_->convert_element(doc, sink);
  } else {
    impl_->convert_document(doc.data, doc.size, doc.capacity, sink, doc.offset);
  }
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

}  // namespace ordernorm
