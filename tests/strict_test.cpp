// --strict (options::strict, track_options::strict): a record that is not
// valid JSON throughout is rejected as invalid_json at its first bad token;
// without it, values under keys no mapping reads are skipped unvalidated
// (and the record converts, as before). Expected offsets are found in the
// test's own text, not computed by the code under test.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::testing::conversion;
using ordernorm::testing::convert_text;
using ordernorm::testing::describe;
using ordernorm::testing::read_file;

namespace {

const fs::path source_dir = ORDERNORM_SOURCE_DIR;

ordernorm::options strict_options() {
  ordernorm::options o;
  o.strict = true;
  return o;
}

// The first order of the Shopify example, its closing brace dropped, so that
// a member can be spliced in last.
std::string shopify_open() {
  const std::string text = read_file(source_dir / "examples" / "shopify-orders.ndjson");
  std::string line = text.substr(0, text.find('\n'));
  EXPECT_EQ(line.back(), '}');
  line.pop_back();
  return line;
}

std::string with_junk(const std::string& junk) {
  return shopify_open() + R"(,"junk_not_mapped":)" + junk + "}";
}

struct bad_case {
  const char* name;
  std::string junk;         // the value under an unmapped key
  std::string first_bad;    // the text of the first bad token, found in `junk`
  const char* message_has;  // a part of the message
};

// One test per hard case: rejected under --strict at the bad token, and
// converted without it, as before.
void expect_strict_only_rejects(const bad_case& c) {
  SCOPED_TRACE(c.name);
  const std::string record = with_junk(c.junk);
  const std::size_t junk_at = record.rfind(c.junk);
  const std::size_t bad_at = junk_at + c.junk.find(c.first_bad);

  const conversion lax = convert_text(record);
  EXPECT_EQ(lax.converted, 1u) << describe(lax.rejects);

  const conversion strict = convert_text(record, strict_options());
  EXPECT_EQ(strict.records, 1u);
  EXPECT_EQ(strict.converted, 0u);
  ASSERT_EQ(strict.rejects.size(), 1u);
  const auto& r = strict.rejects[0];
  EXPECT_EQ(r.error.code, ordernorm::error_code::invalid_json);
  EXPECT_EQ(r.error.byte_offset, bad_at) << r.error.message;
  EXPECT_EQ(r.where.byte_offset, 0u) << "the record's position is its start";
  EXPECT_NE(r.error.message.find(c.message_has), std::string::npos) << r.error.message;
  EXPECT_EQ(r.error.message.find("the rest of the document"), std::string::npos);
}

// fuzz_strict (no corpus): `,[[\"]]]`. The splitter took `[[\"]]]` for one
// value, simdjson ended it before the last `]`, and that `]` was a
// trailing_content reject where the bytes are plainly not JSON: under
// --strict and without, each bad record is invalid_json at its first bad
// byte.
TEST(Strict, BracketAfterABackslashOutsideAStringIsInvalidJson) {
  const std::string text = R"(,[[\"]]])";
  const conversion strict = convert_text(text, strict_options());
  ASSERT_EQ(strict.rejects.size(), 3u) << describe(strict.rejects);
  for (const auto& r : strict.rejects) {
    EXPECT_EQ(r.error.code, ordernorm::error_code::invalid_json) << r.error.message;
  }
  // Without --strict the array's element is read as a record first
  // (not_an_object); the stray `]` is invalid JSON either way.
  const conversion lax = convert_text(text);
  for (const conversion& got : {strict, lax}) {
    ASSERT_EQ(got.rejects.size(), 3u) << describe(got.rejects);
    EXPECT_EQ(got.rejects[2].error.code, ordernorm::error_code::invalid_json);
    EXPECT_EQ(got.rejects[2].error.byte_offset, 7u);
  }
}

TEST(Strict, TruUnderAnUnmappedKey) {
  expect_strict_only_rejects({"tru", "[1,2,tru,-x]", "tru", "bad literal 'tru'"});
}
TEST(Strict, MinusWithoutDigits) {
  expect_strict_only_rejects({"-x", R"({"a":-x})", "-x", "bad number '-x'"});
}
TEST(Strict, LeadingZero) {
  expect_strict_only_rejects({"01", "[0,01]", "01", "bad number '01': a leading zero"});
}
TEST(Strict, NoDigitAfterThePoint) {
  expect_strict_only_rejects({"1.", "[1.]", "1.", "no digit after '.'"});
}
TEST(Strict, NoDigitInTheExponent) {
  expect_strict_only_rejects({"1e+", "[1e+,2]", "1e+", "no digit in the exponent"});
}
TEST(Strict, BadEscapeIsReportedAtItsString) {
  expect_strict_only_rejects({"\\x", R"(["ok","a\xb"])", R"("a\xb")", R"(bad escape '\x')"});
}
TEST(Strict, ShortUnicodeEscape) {
  expect_strict_only_rejects({"\\u12", R"({"k":"\u12g4"})", R"("\u12g4")", R"('\u12g4')"});
}
TEST(Strict, BadEscapeInAKey) {
  expect_strict_only_rejects({"key", R"({"\q":1})", R"("\q")", R"(bad escape '\q')"});
}
TEST(Strict, TrailingCommaInAnArray) {
  expect_strict_only_rejects({"[1,]", "[1,2,]", "]", "expected a value"});
}
TEST(Strict, TrailingCommaInAnObject) {
  expect_strict_only_rejects({"{,}", R"({"a":1,})", "}", "expected a key"});
}
TEST(Strict, MissingComma) {
  expect_strict_only_rejects({"[1 2]", "[1 2]", "2]", "expected ',' or ']'"});
}
TEST(Strict, LiteralGluedToMore) {
  expect_strict_only_rejects({"truex", "[truex]", "truex", "bad literal 'truex'"});
}
TEST(Strict, FormFeedIsNotWhitespace) {
  expect_strict_only_rejects({"\\f", "[1,\f2]", "\f", "expected a value"});
}

// The first bad token wins, whatever kind of fault comes later.
TEST(Strict, TheFirstBadTokenIsReported) {
  expect_strict_only_rejects({"first", R"([01, "\x", tru, 1,])", "01", "leading zero"});
  expect_strict_only_rejects({"escape first", R"(["\x", 01])", R"("\x")", "bad escape"});
}

// A raw control character in a string is refused by simdjson's stage 1 for
// the whole document, strict or not: nothing for --strict to add.
TEST(Strict, RawControlCharacterIsRejectedEitherWay) {
  const std::string record = with_junk("\"a\x01z\"");
  EXPECT_EQ(convert_text(record).rejects.size(), 1u);
  const conversion strict = convert_text(record, strict_options());
  ASSERT_EQ(strict.rejects.size(), 1u);
  EXPECT_EQ(strict.rejects[0].error.code, ordernorm::error_code::invalid_json);
}

// Valid JSON that simdjson's number or string parser would refuse to read
// (out of double range, beyond 64 bits, half a surrogate pair) is still
// valid JSON (RFC 8259): --strict accepts it, as jq and Node do.
TEST(Strict, ValidOddValuesConvert) {
  for (const std::string junk : {"1e400", "-0", "0.5e-3", "1E+2", "123456789012345678901234567890",
                                 R"("\ud800")", R"("\u00e9\/\b\f\n\r\t\\\"")", "[]", "{}",
                                 R"([[],{},[{"a":[null,true,false]}]])", " [ 1 , 2 ] "}) {
    SCOPED_TRACE(junk);
    const std::string record = with_junk(junk);
    const conversion lax = convert_text(record);
    const conversion strict = convert_text(record, strict_options());
    EXPECT_EQ(strict.converted, 1u) << describe(strict.rejects);
    EXPECT_EQ(strict.ndjson, lax.ndjson);
  }
}

// In an array, a record with a bad scalar costs itself only; a record whose
// structure breaks ends the document, as without --strict.
TEST(Strict, ArrayElementsAreRecordsOfTheirOwn) {
  const std::string good = with_junk("1");
  const std::string bad = with_junk("[tru]");
  const std::string doc = "[" + good + "," + bad + "," + good + "]";
  const conversion lax = convert_text(doc);
  EXPECT_EQ(lax.converted, 3u);
  const conversion strict = convert_text(doc, strict_options());
  EXPECT_EQ(strict.records, 3u);
  EXPECT_EQ(strict.converted, 2u);
  ASSERT_EQ(strict.rejects.size(), 1u) << describe(strict.rejects);
  EXPECT_EQ(strict.rejects[0].where.index, 2u);
  EXPECT_EQ(strict.rejects[0].where.byte_offset, 1 + good.size() + 1);
  EXPECT_EQ(strict.rejects[0].error.byte_offset, doc.find("tru]"));

  // A non-object element: invalid_json when it is not JSON at all.
  const conversion scalar = convert_text("[" + good + ",-x]", strict_options());
  ASSERT_EQ(scalar.rejects.size(), 1u);
  EXPECT_EQ(scalar.rejects[0].error.code, ordernorm::error_code::invalid_json);
  EXPECT_EQ(convert_text("[" + good + ",-1]", strict_options()).rejects[0].error.code,
            ordernorm::error_code::not_an_object);
  // One that is a lone string with a bad escape (found by fuzz_strict: the
  // escape scan stopped one byte into a value that is one string).
  const std::string bad_string = "[" + good + R"(,"\uified"])";
  const conversion string_element = convert_text(bad_string, strict_options());
  ASSERT_EQ(string_element.rejects.size(), 1u);
  EXPECT_EQ(string_element.rejects[0].error.code, ordernorm::error_code::invalid_json);
  EXPECT_EQ(string_element.rejects[0].error.byte_offset, bad_string.find(R"("\uified")"));
  const conversion root = convert_text(R"("\uified")", strict_options());
  ASSERT_EQ(root.rejects.size(), 1u);
  EXPECT_EQ(root.rejects[0].error.code, ordernorm::error_code::invalid_json);
}

// A record rejected for what it is (no known platform) is first of all not
// JSON, under --strict.
TEST(Strict, InvalidJsonComesBeforeUnknownPlatform) {
  const std::string doc = R"({"what":"not an order","n":01})";
  EXPECT_EQ(convert_text(doc).rejects.at(0).error.code, ordernorm::error_code::unknown_platform);
  const conversion strict = convert_text(doc, strict_options());
  ASSERT_EQ(strict.rejects.size(), 1u);
  EXPECT_EQ(strict.rejects[0].error.code, ordernorm::error_code::invalid_json);
  EXPECT_EQ(strict.rejects[0].error.byte_offset, doc.find("01"));
}

// Converts a file as the CLI reads it, keeping every record's outcome.
conversion convert_file(const fs::path& path, ordernorm::options opts) {
  conversion out;
  ordernorm::testing::collecting_sink sink(out);
  ordernorm::converter conv(opts);
  ordernorm::reader in = ordernorm::reader::open_file(path.string());
  ordernorm::document_view doc;
  while (in.next(doc)) {
    if (doc.problem != ordernorm::error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
    } else {
      conv.convert(doc, sink);
    }
  }
  out.records = conv.records();
  out.converted = conv.converted();
  return out;
}

// Valid input converts byte for byte the same with and without --strict:
// every example, every golden order.
TEST(Strict, ValidInputConvertsTheSame) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(source_dir / "examples")) files.push_back(e.path());
  for (const auto& e : fs::recursive_directory_iterator(source_dir / "tests" / "golden")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  ASSERT_GT(files.size(), 20u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const conversion lax = convert_file(file, {});
    const conversion strict = convert_file(file, strict_options());
    EXPECT_EQ(strict.ndjson, lax.ndjson);
    EXPECT_EQ(describe(strict.rejects), describe(lax.rejects));
    EXPECT_EQ(strict.records, lax.records);
  }
}

struct tracked final : ordernorm::shipment_sink {
  void on_shipment(const ordernorm::shipment&, const ordernorm::derivation*,
                   const ordernorm::record_position&) override {
    ++shipments;
  }
  void on_reject(const ordernorm::record_error& e, const ordernorm::record_position&) override {
    errors.push_back(e);
  }
  int shipments = 0;
  std::vector<ordernorm::record_error> errors;
};

TEST(Strict, TrackerRejectsADocumentThatIsNotJson) {
  const std::string doc =
      R"({"object":"Tracker","tracking_code":"9400100000000000000006","carrier":"USPS",)"
      R"("status":"in_transit","tracking_details":[],"fees":[1.]})";
  tracked lax;
  ordernorm::tracker(ordernorm::track_options{}).track(doc, lax);
  EXPECT_EQ(lax.shipments, 1);
  EXPECT_TRUE(lax.errors.empty());

  ordernorm::track_options opts;
  opts.strict = true;
  tracked strict;
  ordernorm::tracker engine(opts);
  engine.track(doc + "\n", strict);
  EXPECT_EQ(strict.shipments, 0);
  ASSERT_EQ(strict.errors.size(), 1u);
  EXPECT_EQ(strict.errors[0].code, ordernorm::error_code::invalid_json);
  EXPECT_EQ(strict.errors[0].byte_offset, doc.find("1.]"));
  EXPECT_EQ(engine.records(), 1u);
  EXPECT_EQ(engine.rejected(), 1u);

  // A second document glued on is still read: the first one's structure is
  // sound.
  tracked glued;
  ordernorm::tracker again(opts);
  again.track(doc + doc.substr(0, doc.find(",\"fees\"")) + "}", glued);
  EXPECT_EQ(glued.errors.size(), 1u);
  EXPECT_EQ(glued.shipments, 1);
}

// Every golden tracking document tracks the same with --strict.
TEST(Strict, ValidTrackingDocumentsTrackTheSame) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(source_dir / "tests" / "golden_tracking")) {
    if (e.path().extension() != ".json") continue;
    SCOPED_TRACE(e.path().string());
    const std::string doc = read_file(e.path());
    ordernorm::track_options opts;
    tracked lax;
    ordernorm::tracker(opts).track(doc, lax);
    opts.strict = true;
    tracked strict;
    ordernorm::tracker(opts).track(doc, strict);
    EXPECT_EQ(strict.shipments, lax.shipments);
    EXPECT_EQ(strict.errors.size(), lax.errors.size());
    ++n;
  }
  EXPECT_GT(n, 10u);
}

}  // namespace
