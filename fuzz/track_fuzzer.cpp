// The tracker on arbitrary bytes, as `ordernorm track` runs it with --from
// auto: detection, each tracking source's mapping (and Malomo's), merging
// and derivation. Checks:
// - a document is one record: it is rejected, or it gives its shipments;
//   a text of several documents glued together (`{...}{...}`) is one record
//   per document, numbered from 1 in order, and a single JSON value (as
//   simdjson's DOM parser reads it) is one record; the counters agree with
//   what the sink received;
// - every shipment writes as valid UTF-8 and valid JSON;
// - the fast and the reference mapper give the same shipments, or both a
//   reject;
// - asking for explanations changes no shipment, and each explanation has a
//   note per event;
// - tracking the same bytes again gives the same result.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common.hpp"

namespace {

struct shipment_log final : ordernorm::shipment_sink {
  std::string log;  // "S <json>" per shipment, "R" for a reject
  std::uint64_t shipments = 0;
  std::uint64_t rejects = 0;
  std::uint64_t last_index = 0;  // of the last record seen
  bool last_rejected = false;

  // Records come in order, each either rejected once or giving shipments
  // (a record without shipments makes no call: numbers may be skipped).
  void record(std::uint64_t index, bool reject) {
    fuzz::check(index >= 1 && index >= last_index, "records are numbered in order from 1");
    if (index == last_index) {
      fuzz::check(!reject && !last_rejected, "a rejected document gives no shipments", log);
    }
    last_index = index;
    last_rejected = reject;
  }

  void on_shipment(const ordernorm::shipment& s, const ordernorm::derivation* why,
                   const ordernorm::record_position& where) override {
    record(where.index, false);
    std::string json;
    ordernorm::write_json(s, json);
    fuzz::check_json(json, "a shipment written as JSON is valid UTF-8 and valid JSON");
    if (why != nullptr) {
      fuzz::check(why->events.size() == s.scan_events.size(),
                  "an explanation has one note per event", json);
      fuzz::check(!why->deciding_event || *why->deciding_event < s.scan_events.size(),
                  "the deciding event is one of the shipment's events", json);
    }
    ++shipments;
    log += "S " + json + "\n";
  }
  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    fuzz::check(e.code != ordernorm::error_code::ok, "a reject carries an error code");
    record(where.index, true);
    ++rejects;
    log += "R\n";
  }
};

std::string track(std::string_view json, ordernorm::mapper m, bool explain) {
  ordernorm::track_options opts;
  opts.mapper = m;
  opts.explain = explain;
  ordernorm::tracker t(opts);
  shipment_log sink;
  t.track(json, sink);
  fuzz::check(t.records() >= 1 && t.records() >= sink.last_index, "every document is a record",
              sink.log);
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) == simdjson::SUCCESS) {
    fuzz::check(t.records() == 1, "one JSON value is one record", sink.log);
  }
  fuzz::check(t.rejected() == sink.rejects && sink.rejects <= t.records(),
              "the rejected count is what the sink received");
  fuzz::check(t.shipments() == sink.shipments, "the shipment count is what the sink received");
  return sink.log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const std::string fast = track(json, ordernorm::mapper::fast, false);
  const std::string reference = track(json, ordernorm::mapper::reference, false);
  fuzz::check(fast == reference, "the fast and the reference mapper disagree",
              "---- fast ----\n" + fast + "---- reference ----\n" + reference);
  fuzz::check(track(json, ordernorm::mapper::fast, true) == fast,
              "explanations change no shipment");
  fuzz::check(track(json, ordernorm::mapper::fast, false) == fast,
              "the same bytes give the same shipments");
  return 0;
}
