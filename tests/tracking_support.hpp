// Helpers shared by the tracking tests: run one tracking source's converter
// alone over a document under both mappers, and track documents through
// ordernorm::tracker, collecting what comes out.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/detail/platform.hpp"
#include "ordernorm/detail/tracking_source.hpp"
#include "ordernorm/ordernorm.hpp"
#include "registry.hpp"

namespace ordernorm::testing {

// A tracking source as its translation unit declares it: detail::usps_source,
// detail::fedex_source, ...
using tracking_source = const detail::source_info& (*)() noexcept;

// A time as the writer formats it, "null" for none.
inline std::string formatted(const opt_time& t) {
  if (!t) return "null";
  char buf[timestamp::max_chars];
  return std::string(t->format(buf));
}

// Shipments as NDJSON, to compare two runs.
inline std::string written(const std::vector<shipment>& shipments) {
  std::string out;
  for (const shipment& s : shipments) {
    write_json(s, out);
    out.push_back('\n');
  }
  return out;
}

// The marker keys of every other tracking source and of the order platforms
// the tracker detects, to check that `source`'s own are its alone.
inline std::vector<std::string_view> markers_of_others(tracking_source source) {
  const std::array<tracking_source, 5> sources{detail::easypost_source, detail::usps_source,
                                               detail::ups_source, detail::fedex_source,
                                               detail::dhl_source};
  std::vector<std::string_view> others;
  for (tracking_source s : sources) {
    if (s == source) continue;
    others.insert(others.end(), s().marker_keys.begin(), s().marker_keys.end());
  }
  for (const detail::source_info* p : {&detail::shopify_platform(), &detail::malomo_platform()}) {
    others.insert(others.end(), p->marker_keys.begin(), p->marker_keys.end());
  }
  return others;
}

// ---------------------------------------------------------------------------
// One source's mapping alone (before the tracker merges and derives).

// One document mapped by one walker; the shipments' views point into `json`,
// `parser` and `arena`, which live as long as this.
struct mapped {
  simdjson::padded_string json;
  detail::od::parser parser;
  detail::string_arena arena;
  std::unique_ptr<detail::tracking_converter> converter;
  std::vector<shipment> shipments;
  error_code code = error_code::ok;
  record_error error;
  std::vector<record_warning> warnings;
  std::vector<std::size_t> warning_owners;  // the shipment each warning is about
};

template <class Walker>
std::unique_ptr<mapped> map_with(tracking_source source, std::string_view text) {
  auto m = std::make_unique<mapped>();
  m->json = simdjson::padded_string(text);
  m->converter = source().make_tracking_converter();
  detail::od::document doc;
  detail::od::object obj;
  EXPECT_EQ(m->parser.iterate(m->json).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(doc.get_object().get(obj), simdjson::SUCCESS);
  Walker w;
  w.begin_record(m->json.data(), 0, m->json.data(), &m->arena);
  m->code = m->converter->convert(w, obj, m->shipments);
  m->error = w.take_error();
  m->warnings = w.warnings();
  for (std::size_t i = 0; i < m->warnings.size(); ++i) {
    m->warning_owners.push_back(m->converter->owners().owner(i));
  }
  return m;
}

// Maps with the single-pass walker, checking that the reference walker gives
// the same shipments or the same error.
inline std::unique_ptr<mapped> map_both(tracking_source source, std::string_view text) {
  auto fast = map_with<detail::fast_walker>(source, text);
  auto reference = map_with<detail::reference_walker>(source, text);
  EXPECT_EQ(fast->code, reference->code);
  EXPECT_EQ(fast->error.json_pointer, reference->error.json_pointer);
  EXPECT_EQ(written(fast->shipments), written(reference->shipments)) << "the two mappers disagree";
  EXPECT_EQ(fast->warnings.size(), reference->warnings.size());
  for (std::size_t i = 0; i < fast->warnings.size() && i < reference->warnings.size(); ++i) {
    EXPECT_EQ(fast->warnings[i].message, reference->warnings[i].message);
    EXPECT_EQ(fast->warnings[i].json_pointer, reference->warnings[i].json_pointer);
  }
  EXPECT_EQ(fast->warning_owners, reference->warning_owners);
  return fast;
}

// A fixture over one source, for tests that expect the mapping to succeed
// (`map`) or to fail (`map_error`):
//   using FedExSource = ordernorm::testing::tracking_source_test<detail::fedex_source>;
template <tracking_source Source>
class tracking_source_test : public ::testing::Test {
 protected:
  // The shipments the mapping gives, after checking that both mappers map
  // the document and agree. They live as long as the fixture.
  const std::vector<shipment>& map(std::string_view json) {
    const mapped& m = *kept_.emplace_back(map_both(Source, json));
    EXPECT_EQ(m.code, error_code::ok) << m.error.message;
    return m.shipments;
  }

  // The error both mappers stop at.
  record_error map_error(std::string_view json) { return map_both(Source, json)->error; }

 private:
  std::vector<std::unique_ptr<mapped>> kept_;
};

// ---------------------------------------------------------------------------
// Whole documents through ordernorm::tracker (detected or named, merged and
// derived).

struct tracked {
  std::string ndjson;               // one derived shipment per line
  std::vector<shipment> shipments;  // the same, as given to the sink
  std::vector<record_error> rejects;
  std::vector<record_warning> warnings;
  // Per warning, how many shipments the sink had been given before it.
  std::vector<std::size_t> warned_before;
};

class collect_shipments final : public shipment_sink {
 public:
  explicit collect_shipments(tracked& out) : out_(out) {}
  void on_shipment(const shipment& s, const derivation*, const record_position&) override {
    write_json(s, out_.ndjson);
    out_.ndjson.push_back('\n');
    out_.shipments.push_back(s);
  }
  void on_reject(const record_error& e, const record_position&) override {
    out_.rejects.push_back(e);
  }
  void on_warning(const record_warning& w, const record_position&) override {
    out_.warnings.push_back(w);
    out_.warned_before.push_back(out_.shipments.size());
  }

 private:
  tracked& out_;
};

// Tracks `text`; the shipments' views stay valid while `t` lives.
inline tracked track(tracker& t, std::string_view text) {
  tracked out;
  collect_shipments sink(out);
  t.track(text, sink);
  return out;
}

// Tracks `text` with a tracker of its own. Only `ndjson` and `rejects` are
// kept: the shipments' views would not outlive that tracker.
inline tracked track(std::string_view text, const track_options& opts = {}) {
  tracker t(opts);
  tracked out = track(t, text);
  out.shipments.clear();
  return out;
}

// Options that read `input`, or detect it per document (std::nullopt).
inline track_options from(std::optional<tracking_input> input) {
  track_options o;
  o.from = input;
  return o;
}

}  // namespace ordernorm::testing
