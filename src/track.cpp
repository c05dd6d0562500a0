// The tracker: tracking documents -> shipments -> derived statuses -> sink.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "engine.hpp"
#include "limits.hpp"
#include "ordernorm/detail/derive.hpp"
#include "ordernorm/tracking.hpp"
#include "records.hpp"
#include "registry.hpp"
#include "strict_json.hpp"

namespace ordernorm {
namespace {

namespace od = detail::od;

// The keys of a DHL Unified response's root (TrackingShipments in DHL's
// OpenAPI): its shipments, the other DHL services to ask, and page links.
// For the shape rule in `detect`.
constexpr std::array<std::string_view, 7> dhl_root_keys{
    {"shipments", "possibleAdditionalShipmentsUrl", "url", "prevUrl", "nextUrl", "firstUrl",
     "lastUrl"}};

// Order platforms whose orders carry shipments with scan events.
const detail::source_info* platform_for(tracking_input input) {
  const detail::source_info* s = detail::find_tracked(input);
  return s != nullptr && s->kind == detail::source_kind::order ? s : nullptr;
}

const detail::source_info* source_for(tracking_input input) {
  const detail::source_info* s = detail::find_tracked(input);
  return s != nullptr && s->kind == detail::source_kind::tracking ? s : nullptr;
}

}  // namespace

struct tracker::impl {
  explicit impl(const track_options& o) : opts(o), engine(o.mapper, o.limits, o.strict) {}

  track_options opts;
  detail::document_engine engine;
  std::array<std::unique_ptr<detail::tracking_converter>, detail::tracked_source_count> sources{};
  // Converters of order platforms whose orders carry shipments (Malomo's).
  std::array<std::unique_ptr<detail::platform_converter>, detail::tracked_source_count> orders{};
  std::vector<shipment> shipments;
  // Per warning of the document, the shipment it is about (index after
  // merging), or warning_owners::document.
  std::vector<std::size_t> warning_for;
  std::vector<std::size_t> merged_into;
  std::vector<record_warning> warnings;
  derivation why;
  detail::derive_scratch derive_scratch;
  std::uint64_t shipment_count = 0;
  shipment_sink* sink = nullptr;

  // What detection saw of an EasyPost webhook Event, for the shape rule and
  // for the message when its result is not a tracker.
  struct event_shape {
    bool is_event = false;      // "object": "Event"
    bool has_tracker = false;   // "result" is a Tracker
    std::string result_object;  // the result's "object", when not a Tracker
  };

  // Whether an Event's `result` is a tracker: its "object" is "Tracker", or,
  // without an "object", it has a tracker's own keys.
  static bool is_tracker(od::value v, std::string& object, simdjson::error_code& json_error) {
    od::json_type type{};
    if ((json_error = v.type().get(type)) || type != od::json_type::object) return false;
    od::object result;
    if ((json_error = v.get_object().get(result))) return false;
    bool tracker_keys = false;
    bool named = false;
    for (auto field_result : result) {
      od::field f;
      if ((json_error = std::move(field_result).get(f))) return false;
      if (f.key().unsafe_is_equal("tracking_details") || f.key().unsafe_is_equal("tracking_code")) {
        tracker_keys = true;
      } else if (!named && f.key().unsafe_is_equal("object")) {
        std::string_view name;
        if (f.value().get_string().get(name) == simdjson::SUCCESS) {
          named = true;
          object = name;
        }
      }
    }
    return named ? object == "Tracker" : tracker_keys;
  }

  // Which input the object is, from its top-level keys: the first
  // distinctive key of a source the tracker reads (registry.hpp) decides.
  //
  // When no marker decides, two shape rules. An EasyPost webhook Event:
  // "object": "Event" with a Tracker under "result" (neither key is a
  // marker: other APIs have both; the pair and the Tracker inside are
  // EasyPost's). A DHL Unified response: a root with `shipments` and no
  // key but those of a DHL Unified response (dhl_root_keys). DHL's
  // marker, possibleAdditionalShipmentsUrl, is only sent when the query
  // names no service; `shipments` alone cannot be a marker, since orders
  // have it too (Malomo's, told by `alternate_id` first; SFCC's). No other
  // tracking input has a root `shipments`, and an order always has keys of
  // its own, so it stays unknown rather than becoming a DHL shipment.
  std::optional<tracking_input> detect(od::object& obj, event_shape& event,
                                       simdjson::error_code& json_error) {
    bool has_shipments = false;
    bool only_dhl_keys = true;
    bool seen_object = false;
    bool seen_result = false;
    for (auto field_result : obj) {
      od::field f;
      if ((json_error = std::move(field_result).get(f))) return std::nullopt;
      for (const detail::source_info* s : detail::tracked_sources()) {
        for (std::string_view marker : s->marker_keys) {
          if (f.key().unsafe_is_equal(marker)) return s->tracking_id;
        }
      }
      bool dhl_key = false;
      for (std::string_view key : dhl_root_keys) dhl_key = dhl_key || f.key().unsafe_is_equal(key);
      only_dhl_keys = only_dhl_keys && dhl_key;
      has_shipments = has_shipments || f.key().unsafe_is_equal("shipments");
      if (!seen_object && f.key().unsafe_is_equal("object")) {  // the first occurrence wins
        seen_object = true;
        std::string_view name;
        event.is_event = f.value().get_string().get(name) == simdjson::SUCCESS && name == "Event";
      } else if (!seen_result && f.key().unsafe_is_equal("result")) {
        seen_result = true;
        event.has_tracker = is_tracker(f.value(), event.result_object, json_error);
        if (json_error) return std::nullopt;
      }
    }
    if (event.is_event && event.has_tracker) return tracking_input::easypost;
    if (has_shipments && only_dhl_keys) return tracking_input::dhl;
    return std::nullopt;
  }

  template <class Walker>
  error_code run(Walker& w, tracking_input input, od::object& obj, const char* begin,
                 record_error& error) {
    shipments.clear();
    error_code err = error_code::unsupported_platform;
    if (const detail::source_info* p = platform_for(input)) {
      auto& slot = orders[static_cast<std::size_t>(input)];
      if (!slot && p->make_converter != nullptr) slot = p->make_converter();
      if (slot) {
        err = slot->convert(w, obj);
        if (err == error_code::ok) shipments = slot->result().shipments;
      }
    } else if (const detail::source_info* s = source_for(input)) {
      auto& slot = sources[static_cast<std::size_t>(input)];
      if (!slot && s->make_tracking_converter != nullptr) slot = s->make_tracking_converter();
      if (slot) err = slot->convert(w, obj, shipments);
      if (err == error_code::ok) err = check_shipments(w, input);
    }
    if (err == error_code::unsupported_platform) {
      error.code = err;
      error.message =
          fmt::format("{} tracking: this build has no mapping for it yet", to_string(input));
      error.byte_offset = engine.offset_of(begin);
    } else if (err != error_code::ok) {
      error = w.take_error();
    }
    if (err == error_code::ok) take_warnings(w, input);
    return err;
  }

  // A shipment with no tracking code and no events names no parcel and saw
  // no scan: written out it would look like a tracked parcel in state
  // `unknown`. The document is rejected instead, saying so (the sources
  // reject what they can tell at its place first; this catches the rest).
  template <class Walker>
  error_code check_shipments(Walker& w, tracking_input input) {
    for (std::size_t i = 0; i < shipments.size(); ++i) {
      if (!shipments[i].tracking_code.empty() || !shipments[i].scan_events.empty()) continue;
      return w.fail(error_code::wrong_type, w.record_begin(),
                    fmt::format("{} shipment {} of {} has no tracking code and no scan events: "
                                "nothing to track",
                                to_string(input), i + 1, shipments.size()));
    }
    return error_code::ok;
  }

  // The walker's warnings, and which shipment (after merging) each is about.
  template <class Walker>
  void take_warnings(Walker& w, tracking_input input) {
    warnings.clear();
    warning_for.clear();
    detail::merge_duplicate_shipments(shipments, merged_into);
    const detail::tracking_converter* source =
        platform_for(input) == nullptr ? sources[static_cast<std::size_t>(input)].get() : nullptr;
    for (std::size_t i = 0; i < w.warnings().size(); ++i) {
      const std::size_t owner =
          source != nullptr ? source->owners().owner(i) : detail::warning_owners::document;
      warning_for.push_back(owner < merged_into.size() ? merged_into[owner]
                                                       : detail::warning_owners::document);
      warnings.push_back(std::move(w.warnings()[i]));
    }
  }

  // Hands the warnings about shipment `index` (and, before the first, the
  // document's) to the sink.
  void deliver_warnings(std::size_t index, const record_position& where) {
    for (std::size_t i = 0; i < warnings.size(); ++i) {
      const bool document = warning_for[i] == detail::warning_owners::document;
      if (warning_for[i] == index || (document && index == 0)) sink->on_warning(warnings[i], where);
    }
  }

  void track_object(od::object& obj, const char* begin) {
    std::optional<tracking_input> input = opts.from;
    if (!input) {
      simdjson::error_code json_error = simdjson::SUCCESS;
      event_shape event;
      input = detect(obj, event, json_error);
      if (json_error) return engine.reject_json(begin, json_error);
      if (!input && event.is_event) {
        return engine.reject(
            begin, error_code::unknown_platform,
            event.result_object.empty()
                ? std::string("an EasyPost webhook Event without a Tracker under "
                              "result: not tracking data")
                : fmt::format("an EasyPost webhook Event whose result is a {}, not a "
                              "Tracker: not tracking data",
                              event.result_object));
      }
      if (!input) {
        return engine.reject(begin, error_code::unknown_platform,
                             "not a tracking response, tracker or order with shipments that this "
                             "build knows");
      }
      bool ignored;
      if (auto e = obj.reset().get(ignored)) return engine.reject_json(begin, e);
    }
    record_error error;
    const error_code err = engine.map_record(
        begin, [&](auto& walker) { return run(walker, *input, obj, begin, error); });
    if (err != error_code::ok) return engine.deliver_reject(error);
    const record_position where{engine.count_mapped(), engine.offset_of(begin)};
    if (shipments.empty()) deliver_warnings(0, where);
    for (std::size_t i = 0; i < shipments.size(); ++i) {
      shipment& s = shipments[i];
      detail::derive_shipment(s, opts.derive, opts.explain ? &why : nullptr, derive_scratch);
      ++shipment_count;
      deliver_warnings(i, where);
      sink->on_shipment(s, opts.explain ? &why : nullptr, where);
    }
  }

  // Tracks the first JSON value of the text; returns where more follows it,
  // when that can be told, or null. A document is one record.
  const char* track_first(const char* data, std::size_t size, std::size_t capacity,
                          std::uint64_t base_offset) {
    engine.begin_document(data, size, base_offset, detail::reject_sink(*sink));
    // Also skips NUL bytes (strchr finds the terminator), unlike the
    // converter: kept as it was, the tracker's offsets unchanged.
    const char* begin = data;
    while (begin != data + size && std::strchr(" \t\r\n", *begin) != nullptr) ++begin;
    if (size > opts.limits.max_record_bytes) {
      engine.reject(
          begin, error_code::record_too_large,
          detail::record_too_large_message("document", size, opts.limits.max_record_bytes));
      return nullptr;
    }
    if (auto e = engine.iterate(capacity)) {
      engine.reject_json(begin, e);
      return nullptr;
    }
    if (const char* deep = engine.too_deep().first()) {
      detail::reject_too_deep(engine, deep);
      return nullptr;
    }
    if (engine.strict()) {  // strict_json.hpp
      detail::record_check check =
          detail::check_record(engine.structure(), true, data, data + size, engine.tokens(), begin);
      if (!check.valid) {
        engine.reject(check.where, error_code::invalid_json, std::move(check.message));
        return check.readable ? engine.rest_after_scalar(begin) : nullptr;
      }
    }
    od::object obj;
    if (auto e = engine.document().get_object().get(obj)) {
      if (e == simdjson::INCORRECT_TYPE) {
        engine.reject(begin, error_code::not_an_object, "expected a tracking object");
      } else {
        engine.reject_json(begin, e);
      }
      // Not an object: the scanner tells where it ends.
      return engine.rest_after_scalar(begin);
    }
    track_object(obj, begin);
    // Read the object to its end (a rejected one stopped half-way), unless
    // it is broken JSON: then where the next document starts is not known.
    if (!engine.skip_fields(obj)) return nullptr;
    return engine.rest_after_root();
  }

  // More than one document in one text (`{...}{...}` on an NDJSON line): each
  // is a document of its own, split as the converter splits them.
  void track_text(const char* data, std::size_t size, std::size_t capacity, shipment_sink& out,
                  std::uint64_t offset) {
    sink = &out;
    detail::for_each_document(engine, data, size, capacity, offset,
                              [&](const char* piece, std::size_t n, std::size_t room,
                                  std::uint64_t at) { return track_first(piece, n, room, at); });
  }
};

tracker::tracker(track_options opts) : impl_(std::make_unique<impl>(opts)) {}
tracker::~tracker() = default;
tracker::tracker(tracker&&) noexcept = default;
tracker& tracker::operator=(tracker&&) noexcept = default;

void tracker::track(std::string_view json, shipment_sink& sink, std::uint64_t base_offset) {
  const char* data = impl_->engine.copy_text(json);
  impl_->track_text(data, json.size(), impl_->engine.text_capacity(), sink, base_offset);
}

void tracker::track(const document_view& doc, shipment_sink& sink) {
  if (doc.element) {
    // Tracking documents are objects, never lists: a reader that streams
    // lists (reader_options::stream_lists) is for the converter.
    record_error e;
    e.code = error_code::not_an_object;
    e.message = "expected a tracking object, not an element of a list";
    e.byte_offset = doc.offset;
    reject_record(e, sink);
    return;
  }
  track_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
}

void tracker::track_padded(const char* data, std::size_t size, std::size_t capacity,
                           shipment_sink& sink, std::uint64_t base_offset) {
  impl_->track_text(data, size, capacity, sink, base_offset);
}

void tracker::reject_record(const record_error& error, shipment_sink& sink) {
  impl_->engine.reject_unread(error, detail::reject_sink(sink));
}

std::uint64_t tracker::records() const noexcept { return impl_->engine.records(); }
std::uint64_t tracker::rejected() const noexcept { return impl_->engine.rejected(); }
std::uint64_t tracker::shipments() const noexcept { return impl_->shipment_count; }
void tracker::reset_counts() noexcept {
  impl_->engine.reset_counts();
  impl_->shipment_count = 0;
}

}  // namespace ordernorm
