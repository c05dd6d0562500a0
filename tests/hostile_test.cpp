// The hostile-input catalogue (issue 8, part 4) and the limits (part 5): one
// test per kind of bad input, each asserting the specific error or behaviour
// it gets. Large inputs are generated here, never stored. Every input goes
// through the reader and the converter as the CLI runs them, under both
// mappers, twice, and must keep the invariants (part 3): every record ends in
// the output or in the rejects; the output is valid UTF-8 and valid JSON; the
// same input gives the same bytes; the fast and reference mappers agree.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

const std::string good1 = R"({"id":1,"financial_status":"paid"})";
const std::string good2 = R"({"id":2,"financial_status":"paid"})";

// The catalogue's orders are Shopify's, as with --from shopify: the bad
// ones often lack the keys that detection looks for.
options shopify() {
  options o;
  o.from = platform::shopify;
  return o;
}

// Reads `text` from a file with the reader and converts each document, as
// the CLI does (a line the reader skips is passed on as a reject).
conversion read_and_convert(const std::string& path, const options& opts) {
  conversion out;
  collecting_sink sink(out);
  converter conv(opts);
  reader in = reader::open_file(path, reader_options_for(opts.limits));
  document_view doc;
  while (in.next(doc)) {
    if (doc.problem != error_code::ok) {
      record_error e;
      e.code = doc.problem;
      e.message = "line skipped by the reader";
      e.byte_offset = doc.offset;
      conv.reject_record(e, sink);
      continue;
    }
    conv.convert_padded(doc.data, doc.size, doc.capacity, sink, doc.offset);
  }
  EXPECT_TRUE(in.ok()) << in.error().message;
  out.records = conv.records();
  out.converted = conv.converted();
  return out;
}

// Part 3's invariants on one conversion.
void expect_invariants(const conversion& got) {
  EXPECT_EQ(got.records, got.converted + got.rejects.size()) << "a record was lost";
  EXPECT_TRUE(simdjson::validate_utf8(got.ndjson.data(), got.ndjson.size()))
      << "the output is not valid UTF-8";
  std::size_t lines = 0;
  simdjson::dom::parser parser;
  std::size_t begin = 0;
  while (begin < got.ndjson.size()) {
    const std::size_t end = got.ndjson.find('\n', begin);
    ASSERT_NE(end, std::string::npos) << "every order ends with a newline";
    simdjson::dom::object obj;
    const auto e = parser.parse(got.ndjson.data() + begin, end - begin).get(obj);
    EXPECT_EQ(e, simdjson::SUCCESS)
        << "output line " << lines + 1 << " is not a JSON object: " << simdjson::error_message(e);
    ++lines;
    begin = end + 1;
  }
  EXPECT_EQ(lines, got.converted) << "one line per converted order";
}

void expect_same(const conversion& a, const conversion& b, std::string_view what) {
  EXPECT_EQ(a.ndjson, b.ndjson) << what;
  EXPECT_EQ(a.records, b.records) << what;
  ASSERT_EQ(a.rejects.size(), b.rejects.size()) << what;
  for (std::size_t i = 0; i < a.rejects.size(); ++i) {
    EXPECT_EQ(a.rejects[i].error.code, b.rejects[i].error.code) << what;
    EXPECT_EQ(a.rejects[i].error.json_pointer, b.rejects[i].error.json_pointer) << what;
    EXPECT_EQ(a.rejects[i].error.byte_offset, b.rejects[i].error.byte_offset) << what;
    EXPECT_EQ(a.rejects[i].where.index, b.rejects[i].where.index) << what;
  }
}

// Runs `text` under both mappers, twice each, checks the invariants and that
// all four runs agree, and returns the fast mapper's result.
conversion hostile(std::string_view text, options opts = shopify()) {
  scratch_file file(text);
  opts.mapper = mapper::fast;
  const conversion fast = read_and_convert(file.path(), opts);
  expect_invariants(fast);
  expect_same(fast, read_and_convert(file.path(), opts), "same input twice, same bytes");
  opts.mapper = mapper::reference;
  const conversion reference = read_and_convert(file.path(), opts);
  expect_invariants(reference);
  expect_same(fast, reference, "the fast and the reference mapper agree");
  return fast;
}

// `bad` as the middle line between two good orders: the good ones convert
// and `bad` is the one reject, which is returned (offsets count from the
// input's start; bad starts at byte good1.size() + 1).
record_error one_reject_between_good(const std::string& bad, options opts = shopify()) {
  const conversion got = hostile(good1 + "\n" + bad + "\n" + good2 + "\n", opts);
  EXPECT_EQ(got.converted, 2u) << "the good records around the bad one still convert";
  EXPECT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
  if (got.rejects.size() != 1) return {};
  EXPECT_EQ(got.rejects[0].where.index, 2u);
  return got.rejects[0].error;
}

const std::uint64_t bad_line = good1.size() + 1;  // where the middle line starts

std::string nest(std::size_t depth, char open = '[', char close = ']') {
  return std::string(depth, open) + std::string(depth, close);
}

TEST(HostileInput, Nesting100000LevelsDeep) {
  const std::string head = R"({"id":3,"financial_status":"paid","extra":)";
  // Under a key no mapping reads, so it is only skipped: still rejected.
  const record_error e = one_reject_between_good(head + nest(100'000) + "}");
  EXPECT_EQ(e.code, error_code::depth_limit_exceeded);
  // The order is level 1, so the 1,024th bracket is level 1,025: the first
  // one past the default limit.
  EXPECT_EQ(e.byte_offset, bad_line + head.size() + 1023);
  EXPECT_EQ(e.json_pointer, "");
  EXPECT_NE(e.message.find("1024"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("--max-depth"), std::string::npos) << e.message;

  // Objects nest alike.
  std::string objects;
  for (int i = 0; i < 100'000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(100'000, '}');
  EXPECT_EQ(one_reject_between_good(head + objects + "}").code, error_code::depth_limit_exceeded);

  // A bare nest as the record: too deep is the more specific reason than
  // "not an object".
  const record_error bare = one_reject_between_good(nest(100'000));
  EXPECT_EQ(bare.code, error_code::depth_limit_exceeded);
  EXPECT_EQ(bare.byte_offset, bad_line + 1024);

  // Opened and never closed: broken JSON (simdjson says so before any
  // depth is counted), one reject, no crash.
  const record_error open = one_reject_between_good(head + std::string(100'000, '['));
  EXPECT_EQ(open.code, error_code::invalid_json);
  EXPECT_EQ(open.byte_offset, bad_line);
}

TEST(HostileInput, DepthLimitIsConfigurable) {
  options opts = shopify();
  opts.limits.max_depth = 4;
  // Levels: order 1, line_items 2, a line item 3, its [[ ]] 4 and 5.
  const std::string deep = R"({"id":3,"line_items":[{"id":9,"x":[[1]]}]})";
  const record_error e = one_reject_between_good(deep, opts);
  EXPECT_EQ(e.code, error_code::depth_limit_exceeded);
  EXPECT_EQ(e.byte_offset, bad_line + deep.find("[1]"));
  EXPECT_NE(e.message.find("more than 4 levels"), std::string::npos) << e.message;
  opts.limits.max_depth = 5;
  EXPECT_EQ(hostile(deep, opts).converted, 1u);

  // Brackets inside strings are not nesting, however many there are.
  std::string shallow = R"({"id":3,"note":"[[[[[[{{{{{{","line_items":[)";
  for (int i = 0; i < 20; ++i) shallow += R"({"id":)" + std::to_string(i) + "},";
  shallow += R"({"id":99}]})";
  EXPECT_EQ(hostile(shallow, opts).converted, 1u);

  // In an array of orders only the deep one is rejected. Levels count from
  // the document's root: the array is 1, its orders 2.
  opts.limits.max_depth = 3;
  const std::string list = "[" + good1 + R"(,{"id":3,"x":[[[1]]]},)" + good2 + "]";
  const conversion got = hostile(list, opts);
  EXPECT_EQ(got.converted, 2u);
  ASSERT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
  EXPECT_EQ(got.rejects[0].error.code, error_code::depth_limit_exceeded);
  EXPECT_EQ(got.rejects[0].where.index, 2u);
  EXPECT_EQ(got.rejects[0].error.byte_offset, list.find("[[[1]]]") + 1);
}

TEST(HostileInput, FiftyMegabyteString) {
  const std::string big(50u << 20, 'x');
  // In a field the mapping reads: string_too_long, with where.
  const std::string bad =
      R"({"id":3,"financial_status":"paid","line_items":[{"id":7,"title":")" + big + "\"}]}";
  const record_error e = one_reject_between_good(bad);
  EXPECT_EQ(e.code, error_code::string_too_long);
  EXPECT_EQ(e.json_pointer, "/line_items/0/title");
  EXPECT_EQ(e.byte_offset, bad_line + bad.find("\"x"));
  EXPECT_NE(e.message.find("52428800 bytes"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("--max-string-bytes"), std::string::npos) << e.message;
  EXPECT_LT(e.message.size(), 300u) << "the message does not quote the string";

  // Under a key no mapping reads it is skipped unread: the order converts.
  const std::string skipped = R"({"id":3,"financial_status":"paid","note":")" + big + "\"}";
  EXPECT_EQ(hostile(skipped).converted, 1u);

  // With the limit raised, it is read and written out whole.
  options raised = shopify();
  raised.limits.max_string_bytes = 64u << 20;
  const conversion got = hostile(bad, raised);
  EXPECT_EQ(got.converted, 1u) << describe(got.rejects);
  EXPECT_GT(got.ndjson.size(), big.size());
}

TEST(HostileInput, StringLimitIsConfigurableAndCountsTheTextAsWritten) {
  options opts = shopify();
  opts.limits.max_string_bytes = 8;
  // Eight bytes between the quotes pass; nine fail; escapes count as written.
  EXPECT_EQ(hostile(R"({"id":3,"email":"12345678"})", opts).converted, 1u);
  const std::string nine = R"({"id":3,"email":"123456789"})";
  const record_error e = one_reject_between_good(nine, opts);
  EXPECT_EQ(e.code, error_code::string_too_long);
  EXPECT_EQ(e.json_pointer, "/email");
  EXPECT_EQ(e.byte_offset, bad_line + nine.find("\"1"));
  EXPECT_EQ(one_reject_between_good(R"({"id":3,"email":"\u0041\u0042"})", opts).code,
            error_code::string_too_long);
  // Numbers read as text (ids, money) count too.
  EXPECT_EQ(one_reject_between_good(R"({"id":1234567890})", opts).code,
            error_code::string_too_long);
}

TEST(HostileInput, NumberWithAThousandDigitsAsAPrice) {
  const std::string digits(1000, '7');
  const std::string as_string = R"({"id":3,"total_price":")" + digits + "\"}";
  const record_error s = one_reject_between_good(as_string);
  EXPECT_EQ(s.code, error_code::money_out_of_range);
  EXPECT_EQ(s.json_pointer, "/total_price");
  EXPECT_EQ(s.byte_offset, bad_line + as_string.find("\"7"));
  EXPECT_LT(s.message.size(), 300u) << "the message does not quote all the digits";
  const std::string as_number = R"({"id":3,"total_price":)" + digits + "}";
  const record_error n = one_reject_between_good(as_number);
  EXPECT_EQ(n.code, error_code::money_out_of_range);
  EXPECT_EQ(n.byte_offset, bad_line + as_number.find('7'));
}

TEST(HostileInput, MillionKeysInOneObject) {
  std::string order = R"({"id":3,"financial_status":"paid")";
  order.reserve(20u << 20);
  for (int i = 0; i < 1'000'000; ++i) order += ",\"k" + std::to_string(i) + "\":0";
  order += ",\"total_price\":\"9.99\"}";
  // Unknown keys are skipped in one pass; a mapped one after them still counts.
  const conversion got = hostile(good1 + "\n" + order + "\n" + good2 + "\n");
  EXPECT_EQ(got.converted, 3u) << describe(got.rejects);
  EXPECT_NE(got.ndjson.find(R"("totalPrice":"9.99")"), std::string::npos);
}

// The first occurrence of a key wins, in both mappers and in platform
// detection alike: the rest are skipped unread, so a broken duplicate after
// a good value does not cost the record.
TEST(HostileInput, DuplicateKeysFirstOccurrenceWins) {
  const conversion got =
      hostile(R"({"id":3,"id":4,"financial_status":"paid","financial_status":"refunded",)"
              R"("total_price":"1.00","total_price":"not money"})");
  ASSERT_EQ(got.converted, 1u) << describe(got.rejects);
  EXPECT_NE(got.ndjson.find(R"("remoteId":"3")"), std::string::npos) << got.ndjson;
  EXPECT_NE(got.ndjson.find(R"("paymentStatus":"Paid")"), std::string::npos) << got.ndjson;
  EXPECT_NE(got.ndjson.find(R"("totalPrice":"1.00")"), std::string::npos) << got.ndjson;
  // A broken first occurrence is the one that counts.
  const std::string bad = R"({"id":3,"total_price":"x","total_price":"1.00"})";
  const record_error e = one_reject_between_good(bad);
  EXPECT_EQ(e.code, error_code::invalid_money);
  EXPECT_EQ(e.byte_offset, bad_line + bad.find("\"x\""));
}

TEST(HostileInput, NulBytesInsideStrings) {
  // A raw NUL must be escaped in JSON: the record is broken.
  const record_error e = one_reject_between_good(std::string("{\"id\":3,\"email\":\"a\0b\"}", 22));
  EXPECT_EQ(e.code, error_code::invalid_json);
  EXPECT_EQ(e.byte_offset, bad_line);
  EXPECT_NE(e.message.find("escaped"), std::string::npos) << e.message;
  // Escaped, it is data, and the output escapes it again.
  const conversion got = hostile(R"({"id":3,"line_items":[{"id":7,"title":"a\u0000b"}]})");
  ASSERT_EQ(got.converted, 1u) << describe(got.rejects);
  EXPECT_NE(got.ndjson.find(R"(a\u0000b)"), std::string::npos) << got.ndjson;
}

TEST(HostileInput, NulBytesBetweenRecords) {
  // A line of NULs is one broken record; NULs glued after a record are
  // trailing damage on that line.
  const conversion got =
      hostile(good1 + "\n" + std::string(3, '\0') + "\n" + good2 + std::string(1, '\0') + "\n");
  EXPECT_EQ(got.converted, 1u) << describe(got.rejects);
  ASSERT_EQ(got.rejects.size(), 2u) << describe(got.rejects);
  EXPECT_EQ(got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(got.rejects[0].error.byte_offset, bad_line);
  EXPECT_EQ(got.rejects[1].error.code, error_code::invalid_json);
  EXPECT_EQ(got.rejects[1].error.byte_offset, bad_line + 4);
}

TEST(HostileInput, InvalidUtf8InsideStrings) {
  for (const std::string bytes :
       {"\xff", "\xc3", "\xed\xa0\x80" /* a UTF-16 surrogate */, "\xc0\xaf" /* overlong "/" */}) {
    const record_error e = one_reject_between_good(R"({"id":3,"email":"a)" + bytes + R"(b"})");
    EXPECT_EQ(e.code, error_code::invalid_json);
    EXPECT_EQ(e.byte_offset, bad_line);
    EXPECT_NE(e.message.find("UTF-8"), std::string::npos) << e.message;
  }
}

TEST(HostileInput, InvalidUtf8BetweenRecords) {
  const record_error e = one_reject_between_good("\xfe\xff\x80");
  EXPECT_EQ(e.code, error_code::invalid_json);
  EXPECT_EQ(e.byte_offset, bad_line);
}

TEST(HostileInput, Utf8ByteOrderMark) {
  // At the start of the input it is skipped, and offsets still count it.
  const conversion got = hostile("\xEF\xBB\xBF" + good1 + "\n" + R"({"id":3,"total_tax":"x"})");
  EXPECT_EQ(got.converted, 1u);
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.byte_offset,
            3 + bad_line + std::string_view(R"({"id":3,"total_tax":)").size());
  // Anywhere else it is not JSON: a reject of its own, and the document
  // glued after it is read (issue 13; the line was one reject).
  const conversion glued = hostile(good1 + "\n\xEF\xBB\xBF" + good2 + "\n");
  EXPECT_EQ(glued.converted, 2u) << describe(glued.rejects);
  ASSERT_EQ(glued.rejects.size(), 1u) << describe(glued.rejects);
  EXPECT_EQ(glued.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(glued.rejects[0].error.byte_offset, bad_line);
  EXPECT_EQ(one_reject_between_good("\xEF\xBB\xBF").code, error_code::invalid_json);
  // A BOM-only input holds no record.
  EXPECT_EQ(hostile("\xEF\xBB\xBF").records, 0u);
}

TEST(HostileInput, CrlfLineEnds) {
  const std::string bad = R"({"id":3,"total_tax":"x"})";
  const conversion got = hostile(good1 + "\r\n" + bad + "\r\n" + good2 + "\r\n");
  EXPECT_EQ(got.converted, 2u);
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.byte_offset, good1.size() + 2 + bad.find("\"x\""));
  EXPECT_EQ(got.ndjson.find('\r'), std::string::npos) << "no CR reaches the output";
}

TEST(HostileInput, BlankLines) {
  const conversion got = hostile("\n\n" + good1 + "\n \t\n\r\n\n" + good2 + "\n\n\n");
  EXPECT_EQ(got.records, 2u) << "blank lines are not records";
  EXPECT_EQ(got.converted, 2u);
}

TEST(HostileInput, TruncatedLastRecord) {
  const std::string cut = R"({"id":3,"financial_status":"pa)";
  const conversion got = hostile(good1 + "\n" + good2 + "\n" + cut);
  EXPECT_EQ(got.converted, 2u);
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(got.rejects[0].error.byte_offset, 2 * bad_line);
  EXPECT_EQ(got.rejects[0].where.index, 3u);
}

// Policy (issue 13; it was one trailing_content reject per line): documents
// glued together on a line, with or without a space, are documents of their
// own, as in a stream of documents; garbage among them is a reject of its own.
TEST(HostileInput, RecordsConcatenatedWithoutANewline) {
  const conversion got = hostile(good1 + good2 + "\n" + good1 + " " + good2 + good2);
  EXPECT_EQ(got.converted, 5u) << describe(got.rejects);
  EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
  EXPECT_EQ(got.records, 5u);
  const conversion garbage = hostile(good1 + " 42 " + good2 + "xyz" + good1 + "\n");
  EXPECT_EQ(garbage.converted, 3u) << describe(garbage.rejects);
  ASSERT_EQ(garbage.rejects.size(), 2u) << describe(garbage.rejects);
  EXPECT_EQ(garbage.rejects[0].error.code, error_code::not_an_object);
  EXPECT_EQ(garbage.rejects[0].error.byte_offset, good1.size() + 1);
  EXPECT_EQ(garbage.rejects[0].where.index, 2u);
  EXPECT_EQ(garbage.rejects[1].error.code, error_code::invalid_json);
  EXPECT_EQ(garbage.rejects[1].error.byte_offset, good1.size() + 4 + good2.size());
  EXPECT_EQ(garbage.rejects[1].where.index, 4u);
}

TEST(HostileInput, EmptyFile) {
  for (const char* text : {"", "\n", "   \r\n\t\n"}) {
    const conversion got = hostile(text);
    EXPECT_EQ(got.records, 0u);
    EXPECT_TRUE(got.ndjson.empty());
  }
}

TEST(HostileInput, RecordThatIsNotAnObject) {
  for (const char* value : {"42", "-1.5e300", R"("an order")", "null", "true"}) {
    SCOPED_TRACE(value);
    const record_error e = one_reject_between_good(value);
    EXPECT_EQ(e.code, error_code::not_an_object);
    EXPECT_EQ(e.byte_offset, bad_line);
  }
  // As elements of an array of orders, each is one record; so a line that
  // is an array of numbers is that many rejected records.
  const conversion got = hostile("[" + good1 + R"(,42,"x",null,)" + good2 + "]\n[1,2]\n");
  EXPECT_EQ(got.converted, 2u);
  EXPECT_EQ(got.rejects.size(), 5u);
  for (const reject_entry& r : got.rejects) EXPECT_EQ(r.error.code, error_code::not_an_object);
}

TEST(HostileInput, MoneyThatIsAnObjectOrArray) {
  const std::string object = R"({"id":3,"total_price":{"amount":"1.00"}})";
  const record_error o = one_reject_between_good(object);
  EXPECT_EQ(o.code, error_code::wrong_type);
  EXPECT_EQ(o.json_pointer, "/total_price");
  EXPECT_EQ(o.byte_offset, bad_line + object.find("{\"amount"));
  const std::string array = R"({"id":3,"line_items":[{"id":7,"price":["1.00"]}]})";
  const record_error a = one_reject_between_good(array);
  EXPECT_EQ(a.code, error_code::wrong_type);
  EXPECT_EQ(a.json_pointer, "/line_items/0/price");
  EXPECT_EQ(a.byte_offset, bad_line + array.find("[\"1.00"));
}

TEST(HostileInput, DateInYear0Or99999) {
  // Year 0 is inside the model's 0000-9999: it converts, written as is.
  const conversion zero = hostile(R"({"id":3,"created_at":"0000-01-01T00:00:00Z"})");
  ASSERT_EQ(zero.converted, 1u) << describe(zero.rejects);
  EXPECT_NE(zero.ndjson.find(R"("remoteCreatedAt":"0000-01-01T00:00:00.000Z")"), std::string::npos)
      << zero.ndjson;
  // ...but not once an offset moves it to year -1 in UTC.
  const std::string before = R"({"id":3,"created_at":"0000-01-01T00:00:00+01:00"})";
  const record_error b = one_reject_between_good(before);
  EXPECT_EQ(b.code, error_code::timestamp_out_of_range);
  EXPECT_EQ(b.json_pointer, "/created_at");
  const std::string far = R"({"id":3,"created_at":"99999-01-01T00:00:00Z"})";
  const record_error f = one_reject_between_good(far);
  EXPECT_EQ(f.code, error_code::timestamp_out_of_range);
  EXPECT_EQ(f.json_pointer, "/created_at");
  EXPECT_EQ(f.byte_offset, bad_line + far.find("\"9"));
}

TEST(HostileInput, SurrogatePairSplitAcrossAnEscape) {
  // A pair written as two escapes is one character, written out as UTF-8.
  const conversion pair = hostile(R"({"id":3,"line_items":[{"id":7,"title":"\ud83d\ude00 mug"}]})");
  ASSERT_EQ(pair.converted, 1u) << describe(pair.rejects);
  EXPECT_NE(pair.ndjson.find("\xF0\x9F\x98\x80 mug"), std::string::npos) << pair.ndjson;
  // Half a pair, the halves swapped, or the second half not an escape: not
  // a character, so not a string; rejected where the value is.
  for (const std::string value : {R"("\ud83d")", R"("\ud83dx")", R"("\ude00\ud83d")",
                                  R"("\ud83d\u0041")", R"("\ude00")", "\"\\ud83d\xed\xb8\x80\""}) {
    SCOPED_TRACE(value);
    const std::string bad = R"({"id":3,"email":)" + value + "}";
    const record_error e = one_reject_between_good(bad);
    EXPECT_EQ(e.code, error_code::invalid_json);
    if (value.find('\xed') == std::string::npos) {  // raw surrogate bytes fail UTF-8 first
      EXPECT_EQ(e.json_pointer, "/email");
      EXPECT_EQ(e.byte_offset, bad_line + bad.find(value));
    }
  }
}

TEST(HostileInput, RecordLargerThanTheLimit) {
  options opts = shopify();
  opts.limits.max_record_bytes = 64;
  const std::string big =
      R"({"id":3,"financial_status":"paid","note":")" + std::string(100, 'n') + "\"}";
  // An NDJSON line: the reader skips it.
  const record_error line = one_reject_between_good(big, opts);
  EXPECT_EQ(line.code, error_code::record_too_large);
  EXPECT_EQ(line.byte_offset, bad_line);
  // One order of an array the converter is handed whole: that order only.
  const std::string list = "[" + good1 + "," + big + "," + good2 + "]";
  for (const auto m : {mapper::fast, mapper::reference}) {
    opts.mapper = m;
    const conversion got = convert_text(list, opts);
    EXPECT_EQ(got.converted, 2u);
    ASSERT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
    EXPECT_EQ(got.rejects[0].error.code, error_code::record_too_large);
    EXPECT_EQ(got.rejects[0].error.byte_offset, list.find(big));
    EXPECT_NE(got.rejects[0].error.message.find("--max-record-bytes"), std::string::npos);
    EXPECT_EQ(got.rejects[0].where.index, 2u);
  }
  // A record exactly at the limit converts.
  opts.limits.max_record_bytes = good1.size();
  EXPECT_EQ(convert_text("[" + good1 + "]", opts).converted, 1u);
}

// ---------------------------------------------------------------------------
// Broken JSON inside a record. Where a walker stops in a broken record
// depends on which fields it reads first, so the verdict comes from a strict
// check of the record's structure instead (src/json_structure.hpp): the
// offset is the first token that breaks the grammar, the same under both
// mappers, and a broken record inside an array ends that document.

// `bad` between two good lines: one invalid_json reject at `at` (an offset
// into `bad`) saying what was expected there.
void expect_broken_at(const std::string& bad, std::size_t at, std::string_view expected) {
  SCOPED_TRACE(bad);
  const record_error e = one_reject_between_good(bad);
  EXPECT_EQ(e.code, error_code::invalid_json);
  EXPECT_EQ(e.byte_offset, bad_line + at);
  EXPECT_EQ(e.message, "invalid JSON: expected " + std::string(expected));
}

TEST(BrokenJson, MissingCommaBetweenMembers) {
  const std::string bad = R"({"id":3 "financial_status":"paid"})";
  expect_broken_at(bad, bad.find("\"financial"), "',' or '}'");
}

TEST(BrokenJson, KeyThatIsNotAString) {
  const std::string bad = R"({"id":3,"financial_status":"paid",7:1})";
  expect_broken_at(bad, bad.find("7:"), "a key (a string)");
}

TEST(BrokenJson, MissingColonAfterAKey) {
  const std::string bad = R"({"id":3,"financial_status" "paid"})";
  expect_broken_at(bad, bad.find("\"paid"), "':' after a key");
}

TEST(BrokenJson, MissingValue) {
  const std::string bad = R"({"id":3,"financial_status":})";
  expect_broken_at(bad, bad.find('}'), "a value");
}

TEST(BrokenJson, BracketOfTheWrongKindClosesAnArray) {
  const std::string bad = R"({"id":3,"financial_status":"paid","line_items":[{"id":9}}})";
  expect_broken_at(bad, bad.find("}}") + 1, "',' or ']'");
}

// simdjson's skip reads a string followed by ':' as a key wherever it is:
// here the first mapper to skip "paid" would find the record well formed.
TEST(BrokenJson, ValueFollowedByAColon) {
  const std::string bad = R"({"id":3,"financial_status":"paid":"x"})";
  expect_broken_at(bad, bad.find(":\"x"), "',' or '}'");
}

TEST(BrokenJson, TrailingCommaBeforeTheClosingBrace) {
  const std::string bad = R"({"id":3,"financial_status":"paid",})";
  expect_broken_at(bad, bad.find(",}") + 1, "a key (a string)");
}

// In an array the records before the broken one convert; after it, where the
// next record starts cannot be told, so the document ends there, and the
// reject says so.
TEST(BrokenJson, BrokenRecordInAnArrayEndsTheDocument) {
  const std::string bad = R"({"id":3,"financial_status":"paid" "x":1})";
  const std::string list = "[" + good1 + "," + bad + "," + good2 + "]";
  const conversion got = hostile(list);
  EXPECT_EQ(got.converted, 1u);
  ASSERT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
  EXPECT_EQ(got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(got.rejects[0].error.byte_offset, list.find("\"x\""));
  EXPECT_EQ(got.rejects[0].error.message,
            "invalid JSON: expected ',' or '}'; the rest of the document is not read");
  EXPECT_EQ(got.rejects[0].where.index, 2u);
}

// A record rejected for its content, not its JSON, does not end the array.
TEST(BrokenJson, WellFormedRejectedRecordInAnArrayDoesNotEndIt) {
  // (A number in a text field is its text: issue 13. An array is not.)
  const std::string bad = R"({"id":3,"financial_status":[5]})";
  const conversion got = hostile("[" + good1 + "," + bad + "," + good2 + "]");
  EXPECT_EQ(got.converted, 2u);
  ASSERT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
  EXPECT_EQ(got.rejects[0].error.code, error_code::wrong_type);
}

// The documented limit of reading On-Demand: a value under a key no mapping
// reads is skipped by counting brackets, not parsed, so broken JSON inside
// it is not seen (the same under both mappers).
TEST(BrokenJson, BrokenJsonInsideAValueNoMappingReadsIsNotSeen) {
  const conversion got = hostile(R"({"id":3,"financial_status":"paid","x_unread":[1 2,,]})");
  EXPECT_EQ(got.converted, 1u);
  EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
}

// ---------------------------------------------------------------------------
// The tracker (`ordernorm track`) takes the same limits; a tracking document
// is one record.

struct tracked : shipment_sink {
  void on_shipment(const shipment&, const derivation*, const record_position&) override {
    ++shipments;
  }
  void on_reject(const record_error& e, const record_position&) override { errors.push_back(e); }
  int shipments = 0;
  std::vector<record_error> errors;
};

// An EasyPost tracker with `extra` spliced in as its last member.
std::string easypost_tracker(const std::string& extra) {
  return R"({"object":"Tracker","tracking_code":"9400100000000000000006","carrier":"USPS",)"
         R"("status":"in_transit","tracking_details":[])" +
         extra + "}";
}

// Tracks `text` under both mappers (which must agree) and returns the fast
// one's result.
tracked track_both(const std::string& text, track_options opts) {
  tracked fast;
  opts.mapper = mapper::fast;
  tracker(opts).track(text, fast);
  tracked reference;
  opts.mapper = mapper::reference;
  tracker(opts).track(text, reference);
  EXPECT_EQ(fast.shipments, reference.shipments);
  EXPECT_EQ(fast.errors.size(), reference.errors.size());
  for (std::size_t i = 0; i < fast.errors.size() && i < reference.errors.size(); ++i) {
    EXPECT_EQ(fast.errors[i].code, reference.errors[i].code);
    EXPECT_EQ(fast.errors[i].byte_offset, reference.errors[i].byte_offset);
  }
  return fast;
}

TEST(TrackerLimits, DocumentLargerThanTheRecordLimit) {
  const std::string doc = easypost_tracker(R"(,"note":")" + std::string(5000, 'x') + "\"");
  track_options opts;
  EXPECT_EQ(track_both(doc, opts).shipments, 1);
  opts.limits.max_record_bytes = 4096;
  const tracked got = track_both(doc, opts);
  EXPECT_EQ(got.shipments, 0);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].code, error_code::record_too_large);
  EXPECT_EQ(got.errors[0].byte_offset, 0u);
  EXPECT_NE(got.errors[0].message.find("--max-record-bytes"), std::string::npos);
}

TEST(TrackerLimits, NestingDeeperThanTheLimit) {
  const std::string head = easypost_tracker("");
  const std::string doc = head.substr(0, head.size() - 1) + R"(,"x":)" + nest(100'000) + "}";
  const tracked got = track_both(doc, track_options{});
  EXPECT_EQ(got.shipments, 0);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].code, error_code::depth_limit_exceeded);
  // The tracker is level 1 and "x" one of its members, so the nest's
  // 1,024th bracket is level 1,025.
  EXPECT_EQ(got.errors[0].byte_offset, doc.find(R"("x":)") + 4 + 1023);
  track_options opts;
  opts.limits.max_depth = 2;  // the tracker and its tracking_details
  EXPECT_EQ(track_both(easypost_tracker(""), opts).shipments, 1);
  opts.limits.max_depth = 1;
  EXPECT_EQ(track_both(easypost_tracker(""), opts).errors.at(0).code,
            error_code::depth_limit_exceeded);
}

TEST(TrackerLimits, StringLongerThanTheLimitInAFieldItReads) {
  const std::string code(300, '9');
  std::string doc = easypost_tracker("");
  doc.replace(doc.find("9400100000000000000006"), 22, code);
  track_options opts;
  opts.limits.max_string_bytes = 299;
  const tracked got = track_both(doc, opts);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].code, error_code::string_too_long);
  opts.limits.max_string_bytes = 300;
  EXPECT_EQ(track_both(doc, opts).shipments, 1);
  // The limit is the tracker's own: a converter's default on the same
  // thread is untouched.
  EXPECT_EQ(hostile(good1).converted, 1u);
}

// Part 3 over every golden case: nothing lost, valid output, deterministic,
// the two mappers agree.
TEST(Invariants, HoldForEveryGoldenCase) {
  const fs::path root = fs::path(ORDERNORM_TESTS_DIR) / "golden";
  std::size_t cases = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().string());
    const conversion got = hostile(read_file(entry.path()), options{});  // --from auto
    // The records a case must reject are listed beside it (golden_test.cpp).
    fs::path rejects = entry.path();
    rejects.replace_extension(".expected.rejects");
    const std::string listed = fs::exists(rejects) ? read_file(rejects) : "";
    EXPECT_EQ(got.rejects.size(),
              static_cast<std::size_t>(std::count(listed.begin(), listed.end(), '\n')))
        << describe(got.rejects);
    ++cases;
  }
  EXPECT_GT(cases, 20u);
}

}  // namespace
