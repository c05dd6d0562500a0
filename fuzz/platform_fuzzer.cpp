// One platform's mapper on arbitrary bytes: the converter with --from fixed
// to ORDERNORM_FUZZ_PLATFORM (a name, set per executable by CMake).
// Checks: records == converted + rejected, the count the document's shape
// implies, every order written as valid UTF-8 JSON and of that platform, and
// the same bytes from a fresh converter and from one reused.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common.hpp"

#ifndef ORDERNORM_FUZZ_PLATFORM
#error "define ORDERNORM_FUZZ_PLATFORM to a platform name"
#endif

namespace {

ordernorm::platform fuzzed_platform() {
  const auto p = ordernorm::platform_from_name(ORDERNORM_FUZZ_PLATFORM);
  if (!p) fuzz::fail("unknown platform name", ORDERNORM_FUZZ_PLATFORM);
  return *p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ordernorm::platform platform = fuzzed_platform();
  static const std::string platform_key =
      std::string(R"("platform":")") + ORDERNORM_FUZZ_PLATFORM + '"';
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  ordernorm::options opts;
  opts.from = platform;

  ordernorm::converter conv(opts);
  fuzz::recording_sink first;
  conv.convert(json, first);
  fuzz::check_counts(conv, first);
  if (const auto expected = fuzz::expected_records(json)) {
    fuzz::check(conv.records() == *expected, "in = out + rejected: the document's records",
                std::to_string(conv.records()) + " records, expected " + std::to_string(*expected) +
                    "\n" + first.log);
  }
  for (const std::string& o : first.order_json) {
    if (!o.empty()) {
      fuzz::check(o.find(platform_key) != std::string::npos,
                  "an order converted with --from P is a P order", o);
    }
  }

  // The same converter again: nothing of the first run may leak into this one.
  conv.reset_counts();
  fuzz::recording_sink second;
  conv.convert(json, second);
  fuzz::check(first.log == second.log, "converting the same input twice gives the same bytes",
              first.log + "\n---- second run ----\n" + second.log);
  return 0;
}
