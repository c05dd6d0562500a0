// The converter: documents -> records -> platform -> mapping -> sink. The
// records walker (records.hpp) splits documents into records; this file
// picks each record's platform and maps it, then derives its statuses.
#include "ordernorm/convert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>

#include "detection.hpp"
#include "engine.hpp"
#include "ordernorm/detail/converters.hpp"
#include "ordernorm/detail/derive.hpp"
#include "ordernorm/detail/platform.hpp"
#include "records.hpp"
#include "verdict.hpp"

namespace ordernorm {
namespace {

const detail::platform_info* platform_named(std::optional<platform> id) {
  return id ? detail::find_platform(*id) : nullptr;
}

// A stitched text (document_view::origins): the offset of an error inside a
// spliced part is where that part was read, not where the text would put it.
class origin_sink final : public order_sink {
 public:
  origin_sink(order_sink& out, const document_view& doc) noexcept : out_(out), doc_(doc) {}

  void on_order(const order& o, const record_position& where) override { out_.on_order(o, where); }
  void on_warning(const record_warning& w, const record_position& where) override {
    out_.on_warning(w, where);
  }
  void on_reject(const record_error& error, const record_position& where) override {
    record_error moved = error;
    moved.byte_offset = input_offset(error.byte_offset);
    out_.on_reject(moved, where);
  }

 private:
  std::uint64_t input_offset(std::uint64_t text_offset) const noexcept {
    if (text_offset < doc_.offset) return text_offset;
    const auto position = static_cast<std::size_t>(text_offset - doc_.offset);
    const auto after =
        std::upper_bound(doc_.origins.begin(), doc_.origins.end(), position,
                         [](std::size_t p, const text_origin& o) { return p < o.position; });
    if (after == doc_.origins.begin()) return text_offset;
    const text_origin& from = *std::prev(after);
    return from.offset + (position - from.position);
  }

  order_sink& out_;
  const document_view& doc_;
};

}  // namespace

// Hidden, though converter is exported: its vtable and type_info are no API.
struct ORDERNORM_LOCAL converter::impl final : detail::record_handler {
  explicit impl(const options& o)
      : opts(o),
        given(platform_named(o.from)),
        engine(o.mapper, o.limits, o.strict),
        records(engine, *this) {}

  options opts;
  const detail::platform_info* given;  // --from, or null to detect
  detail::document_engine engine;
  detail::record_walker records;
  detail::derive_scratch derive_scratch;
  // One slot per platform enumerator (unknown and the registry's), indexed by
  // platform id.
  std::array<std::unique_ptr<detail::platform_converter>, detail::order_platform_count + 1>
      converters{};
  order_sink* sink = nullptr;
  // What classify_root() found of the document's root object.
  detail::object_shape root_shape;

  void convert_text(const char* data, std::size_t size, std::size_t capacity, order_sink& out,
                    std::uint64_t offset) {
    sink = &out;
    records.walk(data, size, capacity, offset, detail::reject_sink(out));
  }

  simdjson::error_code classify_root(detail::od::object& root, root_class& out) override {
    root_shape = {};
    auto e = detail::scan_object(root, root_shape);
    out.envelope_key = root_shape.envelope_key;
    out.known_record = root_shape.platform != nullptr && out.envelope_key.empty();
    return e;
  }

  bool record_key(std::string_view key) override {
    const detail::detection_key* k = detail::order_detector().find(key);
    return k != nullptr && !k->envelope;
  }

  detail::record_outcome root_record(detail::od::object& obj, const char* begin) override {
    const detail::platform_info* found = root_shape.platform;
    // Rejected below for what it is: unless it is not even valid JSON
    // (convert_record checks the others).
    const bool mismatch = given != nullptr && found != nullptr && found != given;
    if (mismatch || (given == nullptr && found == nullptr)) {
      if (const auto bad = detail::strict_reject(engine, begin)) return *bad;
    }
    if (mismatch) {
      engine.reject(begin, error_code::platform_mismatch,
                    fmt::format("expected a {} order, but the document is a {} order", given->name,
                                found->name));
      return detail::record_outcome::rejected;
    }
    if (given == nullptr && found == nullptr) {
      engine.reject(begin, error_code::unknown_platform,
                    fmt::format("not an order of a known platform nor a list of orders: {}",
                                detail::detection_report(engine, obj)));
      return detail::record_outcome::rejected;
    }
    // The scan decided, so convert_record need not scan again.
    return convert_record(obj, begin, found != nullptr ? found : given);
  }

  detail::record_outcome list_record(detail::od::object& obj, const char* begin) override {
    return convert_record(obj, begin, given);
  }

  detail::platform_converter* converter_for(const detail::platform_info& p) {
    auto& slot = converters[static_cast<std::size_t>(p.platform_id)];
    if (!slot && p.make_converter != nullptr) slot = p.make_converter();
    return slot.get();
  }

  // One record: an order object, its platform known or detected.
  detail::record_outcome convert_record(detail::od::object& obj, const char* begin,
                                        const detail::platform_info* platform) {
    if (const auto bad = detail::strict_reject(engine, begin)) return *bad;
    if (platform == nullptr) {
      detail::object_shape found;
      if (auto e = detail::scan_object(obj, found)) {
        return detail::reject_unconverted(engine, begin, engine.make_json_error(begin, e));
      }
      if (found.platform == nullptr) {
        engine.reject(begin, error_code::unknown_platform,
                      fmt::format("not an order of a known platform: {}",
                                  detail::detection_report(engine, obj)));
        return detail::record_outcome::rejected;
      }
      platform = found.platform;
    }
    if (!engine.rewind(obj)) {
      return detail::reject_unconverted(
          engine, begin,
          engine.make_error(error_code::invalid_json, "invalid JSON", engine.offset_of(begin)));
    }
    detail::platform_converter* conv = converter_for(*platform);
    if (conv == nullptr) {
      engine.reject(begin, error_code::unsupported_platform,
                    fmt::format("a {} order: this build recognizes the platform but cannot "
                                "convert it yet",
                                platform->name));
      return detail::record_outcome::rejected;
    }
    return map_order(obj, begin, *conv);
  }

  // Maps a record with its platform's converter, derives the order's
  // statuses and hands it over with its warnings.
  detail::record_outcome map_order(detail::od::object& obj, const char* begin,
                                   detail::platform_converter& conv) {
    record_error error;
    const error_code err = engine.map_record(begin, [&](auto& walker) {
      const error_code e = conv.convert(walker, obj);
      if (e != error_code::ok) error = walker.take_error();
      return e;
    });
    if (err != error_code::ok) return detail::reject_unconverted(engine, begin, std::move(error));
    order& result = conv.result();
    // Each mapping rejects an order without its id at the id's key; this
    // keeps one that does not from passing it on as a silent success.
    if (result.remote_id.empty()) {
      engine.reject(begin, error_code::missing_field, "the order has no id");
      return detail::record_outcome::rejected;
    }
    const record_position where{engine.count_mapped(), engine.offset_of(begin)};
    detail::derive_order_tracking(result, opts.derive, derive_scratch);
    for (const record_warning& w : engine.warnings()) sink->on_warning(w, where);
    sink->on_order(result, where);
    return detail::record_outcome::converted;
  }
};

converter::converter(options opts) : impl_(std::make_unique<impl>(opts)) {}
converter::~converter() = default;
converter::converter(converter&&) noexcept = default;
converter& converter::operator=(converter&&) noexcept = default;

void converter::convert(std::string_view json, order_sink& sink, std::uint64_t base_offset) {
  const char* data = impl_->engine.copy_text(json);
  impl_->convert_text(data, json.size(), impl_->engine.text_capacity(), sink, base_offset);
}

void converter::convert_padded(const char* data, std::size_t size, std::size_t capacity,
                               order_sink& sink, std::uint64_t base_offset) {
  impl_->convert_text(data, size, capacity, sink, base_offset);
}

void converter::convert(const document_view& doc, order_sink& sink) {
  if (!doc.origins.empty()) {
    origin_sink remapped(sink, doc);
    document_view whole = doc;
    whole.origins = {};
    return convert(whole, remapped);
  }
  if (doc.element) {
    impl_->sink = &sink;
    impl_->records.walk_element(doc, detail::reject_sink(sink));
  } else {
    impl_->convert_text(doc.data, doc.size, doc.capacity, sink, doc.offset);
  }
}

void converter::reject_record(const record_error& error, order_sink& sink) {
  impl_->engine.reject_unread(error, detail::reject_sink(sink));
}

std::uint64_t converter::records() const noexcept { return impl_->engine.records(); }
std::uint64_t converter::converted() const noexcept {
  return impl_->engine.records() - impl_->engine.rejected();
}
std::uint64_t converter::rejected() const noexcept { return impl_->engine.rejected(); }
void converter::reset_counts() noexcept { impl_->engine.reset_counts(); }

}  // namespace ordernorm
