// Differential: the fast (single-pass) mapper against the reference mapper
// on the same bytes, --from auto. They must agree on every record: the same
// order bytes and warnings, or both a reject. The error code of a reject may
// differ when a record has several faults (the fast mapper meets them in
// document order, the reference one in table order), so only the verdict is
// compared for rejects; and after a record found to be broken JSON the rest
// of that document is not compared.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

struct record {
  std::string text;  // warnings and the order's JSON, or "R" for a reject
  bool invalid_json = false;
};

// The sink's log as one entry per record; a reject keeps only its verdict.
std::vector<record> records(const std::string& log) {
  std::vector<record> out;
  std::string pending;  // warnings wait for their order
  std::size_t pos = 0;
  while (pos < log.size()) {
    std::size_t end = log.find('\n', pos);
    if (end == std::string::npos) end = log.size();
    const std::string_view line(log.data() + pos, end - pos);
    pos = end + 1;
    if (line.substr(0, 2) == "W ") {
      pending += line;
      pending += '\n';
    } else if (line.substr(0, 2) == "O ") {
      out.push_back({pending + std::string(line), false});
      pending.clear();
    } else if (line.substr(0, 2) == "R ") {
      out.push_back({"R", line.substr(2, 13) == "invalid_json "});
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  ordernorm::options fast_opts;
  fast_opts.mapper = ordernorm::mapper::fast;
  ordernorm::options reference_opts;
  reference_opts.mapper = ordernorm::mapper::reference;

  ordernorm::converter fast(fast_opts);
  ordernorm::converter reference(reference_opts);
  fuzz::recording_sink fast_out;
  fuzz::recording_sink reference_out;
  fast.convert(json, fast_out);
  reference.convert(json, reference_out);
  fuzz::check_counts(fast, fast_out);
  fuzz::check_counts(reference, reference_out);

  // Record by record. After a record that either side found to be broken
  // JSON, the rest of the document is not compared: simdjson On-Demand
  // leaves the position in a broken document unspecified, and the two walk
  // it in different orders (see README: differential findings).
  const std::vector<record> a = records(fast_out.log);
  const std::vector<record> b = records(reference_out.log);
  const std::string evidence =
      "---- fast ----\n" + fast_out.log + "---- reference ----\n" + reference_out.log;
  for (std::size_t i = 0;; ++i) {
    if (i == a.size() || i == b.size()) {
      fuzz::check(a.size() == b.size(), "the fast and the reference mapper see as many records",
                  evidence);
      break;
    }
    fuzz::check(a[i].text == b[i].text, "the fast and the reference mapper disagree", evidence);
    if (a[i].invalid_json || b[i].invalid_json) break;
  }
  return 0;
}
