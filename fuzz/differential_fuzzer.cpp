// Differential: the fast (single-pass) mapper against the reference mapper
// on the same bytes, --from auto. Both read each object's fields in document
// order and differ in how they find a key's row (compile-time classifier and
// handler table, against comparing with every key in turn), so they must
// agree on every record, to the end of the input: the same order bytes and
// warnings, or the same reject (code, JSON pointer, byte offset, message). A
// record that fails is checked for broken JSON by one rule for both
// (src/json_structure.hpp), which decides where the document goes on.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

// The sink's log as one entry per record: an order's warnings and JSON, or a
// reject's line.
std::vector<std::string> records(const std::string& log) {
  std::vector<std::string> out;
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
      out.push_back(pending + std::string(line));
      pending.clear();
    } else if (line.substr(0, 2) == "R ") {
      out.push_back(std::string(line));
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

  // Record by record, to the end of the input.
  const std::vector<std::string> a = records(fast_out.log);
  const std::vector<std::string> b = records(reference_out.log);
  const std::string evidence =
      "---- fast ----\n" + fast_out.log + "---- reference ----\n" + reference_out.log;
  fuzz::check(a.size() == b.size(), "the fast and the reference mapper see as many records",
              evidence);
  for (std::size_t i = 0; i < a.size(); ++i) {
    fuzz::check(a[i] == b[i], "the fast and the reference mapper disagree", evidence);
  }
  return 0;
}
