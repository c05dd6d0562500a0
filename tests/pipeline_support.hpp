// A transcript of everything the pipeline (src/cli/pipeline.hpp) tells its
// output, in the order it tells it: inputs, items with their positions,
// rejects, warnings, failures, and the totals. Two runs agree exactly when
// their transcripts are equal. For tests/pipeline_test.cpp and
// fuzz/pipeline_fuzzer.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ordernorm/filter.hpp"
#include "ordernorm/ordernorm.hpp"
#include "pipeline.hpp"

namespace ordernorm::testing {

inline void append_position(std::string& out, const record_position& where) {
  out += std::to_string(where.index);
  out += " @";
  out += std::to_string(where.byte_offset);
  out += ' ';
}

inline void append_reject(std::string& out, const record_error& e, const record_position& where) {
  out += "reject ";
  append_position(out, where);
  out += to_string(e.code);
  out += ' ';
  out += e.json_pointer;
  out += " @";
  out += std::to_string(e.byte_offset);
  out += ' ';
  out += e.message;
  out += '\n';
}

inline void append_warning(std::string& out, const record_warning& w,
                           const record_position& where) {
  out += "warning ";
  append_position(out, where);
  out += to_string(w.code);
  out += ' ';
  out += w.json_pointer;
  out += ' ';
  out += w.message;
  out += '\n';
}

inline void append_input(std::string& out, std::string_view what, std::string_view name,
                         const record_error* failure) {
  out += what;
  out += ' ';
  out += name;
  if (failure != nullptr) {
    out += " failed: ";
    out += failure->message;
  }
  out += '\n';
}

inline void append_totals(std::string& out, const cli::totals& t) {
  out += "totals " + std::to_string(t.records) + ' ' + std::to_string(t.rejected) + ' ' +
         std::to_string(t.shipments) + (t.io_failed ? " io_failed\n" : "\n");
}

class order_transcript final : public cli::order_output {
 public:
  std::string text;
  const order_filter* filter = nullptr;  // the orders it leaves out are told as "filtered"

  bool csv = false;  // CSV rows and line items rather than JSON

  bool render(const order& o, std::string& out, std::string& second) const override {
    if (filter != nullptr && !matches(o, *filter)) return false;
    if (csv) {
      write_csv(o, out);
      write_csv_line_items(o, second);
    } else {
      write_json(o, out);
    }
    return true;
  }
  void on_order(const order& o, const record_position& where) override {
    std::string json, second;
    if (render(o, json, second)) {
      on_rendered(json, second, where);
    } else {
      on_filtered(where);
    }
  }
  void on_filtered(const record_position& where) override {
    text += "filtered ";
    append_position(text, where);
    text += '\n';
  }
  void on_rendered(std::string_view json, std::string_view second,
                   const record_position& where) override {
    text += "order ";
    append_position(text, where);
    text += json;
    text += '\n';
    if (!second.empty()) {
      text += "second ";
      text += second;
      text += '\n';
    }
  }
  void on_reject(const record_error& e, const record_position& where) override {
    append_reject(text, e, where);
  }
  void on_warning(const record_warning& w, const record_position& where) override {
    append_warning(text, w, where);
  }
  void begin_input(std::string_view name) override { append_input(text, "begin", name, nullptr); }
  void end_input(std::string_view name, const record_error* failure) override {
    append_input(text, "end", name, failure);
  }
};

class shipment_transcript final : public cli::shipment_output {
 public:
  std::string text;

  void render(const shipment& s, const derivation* why, std::string& out) const override {
    write_json(s, out);
    if (why != nullptr) {
      out += " rule=";
      out += why->rule;
      out += " decidedBy=";
      out += why->deciding_event ? std::to_string(*why->deciding_event) : "null";
      for (const derivation::event_note& note : why->events) {
        out += note.counted ? " +" : " -";
        out += note.why;
      }
    }
  }
  void on_shipment(const shipment& s, const derivation* why,
                   const record_position& where) override {
    std::string json;
    render(s, why, json);
    on_rendered(json, where);
  }
  void on_rendered(std::string_view json, const record_position& where) override {
    text += "shipment ";
    append_position(text, where);
    text += json;
    text += '\n';
  }
  void on_reject(const record_error& e, const record_position& where) override {
    append_reject(text, e, where);
  }
  void on_warning(const record_warning& w, const record_position& where) override {
    append_warning(text, w, where);
  }
  void begin_input(std::string_view name) override { append_input(text, "begin", name, nullptr); }
  void end_input(std::string_view name, const record_error* failure) override {
    append_input(text, "end", name, failure);
  }
};

// The transcript of `inputs` through the pipeline on `jobs` threads.
inline std::string convert_transcript(const std::vector<std::string>& inputs, unsigned jobs,
                                      const cli::pipeline_tuning& tuning,
                                      const options& converting = {},
                                      const reader_options& reading = {},
                                      const order_filter* filter = nullptr, bool csv = false) {
  order_transcript out;
  out.filter = filter;
  out.csv = csv;
  const cli::totals t = cli::convert_inputs(inputs, reading, converting, jobs, out, tuning);
  append_totals(out.text, t);
  return out.text;
}

inline std::string track_transcript(const std::vector<std::string>& inputs, unsigned jobs,
                                    const cli::pipeline_tuning& tuning,
                                    const track_options& tracking = {},
                                    const reader_options& reading = {}) {
  shipment_transcript out;
  const cli::totals t = cli::track_inputs(inputs, reading, tracking, jobs, out, tuning);
  append_totals(out.text, t);
  return out.text;
}

}  // namespace ordernorm::testing
