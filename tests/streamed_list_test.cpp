// Lists too large to read whole (issue 14, item 1): a JSON array or a list
// envelope that does not end within reader_options::whole_document_bytes is
// streamed element by element. Each element must convert exactly as it does
// when the document is held whole (orders, rejects with their offsets and
// JSON pointers, warnings, record numbers); what only streaming can meet (a
// broken list, an element over the record limit) gets its own test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

std::string shopify_order(int id) {
  return "{\"id\":" + std::to_string(id) +
         ",\"financial_status\":\"paid\",\"currency\":\"USD\",\"total_price\":\"" +
         std::to_string(id) + ".00\",\"created_at\":\"2024-01-01T00:00:00Z\"}";
}

// Options that stream every list: a 1-byte whole_document_bytes and a small
// window, so that elements also cross buffer refills.
reader_options streaming() {
  reader_options o;
  o.window_bytes = 64;
  o.whole_document_bytes = 1;
  return o;
}

struct streamed {
  conversion got;
  std::size_t elements = 0;  // texts the reader handed over as list elements
  std::size_t largest_capacity = 0;
  bool ok = true;
};

// Converts what `in` reads as the CLI does: each text through
// converter::convert, each text the reader could not hand over as a reject.
streamed convert_read(reader in, options opts = {}) {
  streamed r;
  collecting_sink sink(r.got);
  converter conv(opts);
  document_view doc;
  while (in.next(doc)) {
    if (doc.element) ++r.elements;
    if (doc.problem != error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
      continue;
    }
    EXPECT_GE(doc.capacity, doc.size + converter::padding);
    r.largest_capacity = std::max(r.largest_capacity, doc.capacity);
    conv.convert(doc, sink);
  }
  r.ok = in.ok();
  r.got.records = conv.records();
  r.got.converted = conv.converted();
  return r;
}

class temp_file {
 public:
  explicit temp_file(const std::string& content) {
    char name[] = "/tmp/ordernorm_streamed_XXXXXX";
    const int fd = ::mkstemp(name);
    EXPECT_GE(fd, 0);
    path_ = name;
    ::close(fd);
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~temp_file() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

streamed convert_streamed(const std::string& text, reader_options ro = streaming(),
                          options opts = {}) {
  temp_file f(text);
  return convert_read(reader::open_file(f.path(), ro), opts);
}

// Through a pipe, written by another thread: standard input's case.
streamed convert_piped(const std::string& text, std::size_t repeats, reader_options ro) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    for (std::size_t i = 0; i < repeats; ++i) {
      write_all(fds[1], text);
    }
    ::close(fds[1]);
  });
  streamed r = convert_read(reader::from_fd(fds[0], ro));
  writer.join();
  ::close(fds[0]);
  return r;
}

void expect_same(const conversion& whole, const conversion& stream) {
  EXPECT_EQ(stream.ndjson, whole.ndjson);
  EXPECT_EQ(stream.records, whole.records);
  EXPECT_EQ(stream.converted, whole.converted);
  ASSERT_EQ(stream.rejects.size(), whole.rejects.size()) << describe(stream.rejects);
  for (std::size_t i = 0; i < whole.rejects.size(); ++i) {
    const reject_entry& a = whole.rejects[i];
    const reject_entry& b = stream.rejects[i];
    EXPECT_EQ(b.error.code, a.error.code) << i;
    EXPECT_EQ(b.error.message, a.error.message) << i;
    EXPECT_EQ(b.error.byte_offset, a.error.byte_offset) << i;
    EXPECT_EQ(b.error.json_pointer, a.error.json_pointer) << i;
    EXPECT_EQ(b.where.index, a.where.index) << i;
    EXPECT_EQ(b.where.byte_offset, a.where.byte_offset) << i;
  }
  ASSERT_EQ(stream.warnings.size(), whole.warnings.size());
  for (std::size_t i = 0; i < whole.warnings.size(); ++i) {
    EXPECT_EQ(stream.warnings[i].code, whole.warnings[i].code) << i;
    EXPECT_EQ(stream.warnings[i].message, whole.warnings[i].message) << i;
  }
}

// Elements of every kind a list can hold: orders, a scalar, an object of no
// platform, an order with a wrong-typed field, an empty object, a string.
const std::vector<std::string> mixed_elements = {
    shopify_order(1),
    "42",
    R"({"foo":1,"bar":[1,2]})",
    shopify_order(2),
    R"({"id":3,"financial_status":"paid","currency":"USD","total_price":{"x":1}})",
    "{}",
    R"("a string")",
    "null",
    shopify_order(4)};

std::string joined(const std::vector<std::string>& items, std::string_view sep = ",\n  ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += sep;
    out += items[i];
  }
  return out;
}

TEST(StreamedList, ArrayConvertsAsWhenReadWhole) {
  const std::string text = "[\n  " + joined(mixed_elements) + "\n]\n";
  const streamed s = convert_streamed(text);
  EXPECT_EQ(s.elements, mixed_elements.size());
  const conversion whole = convert_text(text);
  expect_same(whole, s.got);
  // Written down, not derived: 3 orders, the rest rejected.
  EXPECT_EQ(s.got.converted, 3u);
  EXPECT_EQ(s.got.records, mixed_elements.size());
  ASSERT_FALSE(s.got.rejects.empty());
  EXPECT_EQ(s.got.rejects[0].error.code, error_code::not_an_object);
  EXPECT_EQ(s.got.rejects[0].error.byte_offset, text.find("42"));
}

TEST(StreamedList, EnvelopeConvertsAsWhenReadWhole) {
  const std::string text = "{\"count\": 9, \"orders\": [" + joined(mixed_elements) +
                           "], \"next\": null, \"meta\": {\"a\": [1, {\"b\": \"]}\"}]}}\n";
  const streamed s = convert_streamed(text);
  EXPECT_EQ(s.elements, mixed_elements.size());
  expect_same(convert_text(text), s.got);
  EXPECT_EQ(s.got.converted, 3u);
}

TEST(StreamedList, SearchHitsAreUnwrappedAsWhenReadWhole) {
  const std::string text = "{\"total\":4,\"hits\":[{\"data\":" + shopify_order(7) +
                           "},{\"other\":1},{\"data\":5},{\"data\":" + shopify_order(8) + "}]}";
  const streamed s = convert_streamed(text);
  EXPECT_EQ(s.elements, 4u);
  expect_same(convert_text(text), s.got);
  EXPECT_EQ(s.got.converted, 2u);
  ASSERT_EQ(s.got.rejects.size(), 2u);
  EXPECT_EQ(s.got.rejects[0].error.json_pointer, "/hits/1");
  EXPECT_EQ(s.got.rejects[1].error.json_pointer, "/hits/2/data");
}

// A Magento order holds its line items under `items`, a list envelope's key:
// the keys before the list say it is an order, so it is read whole.
TEST(StreamedList, AnOrderWhoseKeysComeBeforeItsItemsIsReadWhole) {
  const std::string text =
      R"({"entity_id":5,"increment_id":"000000005","base_currency_code":"USD",)"
      R"("order_currency_code":"USD","state":"new","status":"pending","grand_total":10,)"
      R"("created_at":"2024-01-01 00:00:00","items":[{"item_id":1,"sku":"A","qty_ordered":1,)"
      R"("price":10,"name":"a"}]})";
  const streamed s = convert_streamed(text);
  EXPECT_EQ(s.elements, 0u);
  expect_same(convert_text(text), s.got);
  EXPECT_EQ(s.got.converted, 1u) << describe(s.got.rejects);
}

// Every golden input of every platform, its lists streamed, converts to the
// same records as held whole (and so to its golden output).
TEST(StreamedList, EveryGoldenInputConvertsTheSameWhenItsListIsStreamed) {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  std::size_t streamed_elements = 0;
  for (const auto& dir : fs::directory_iterator(fs::path(ORDERNORM_TESTS_DIR) / "golden")) {
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      const std::string name = entry.path().filename().string();
      if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
      SCOPED_TRACE(entry.path().string());
      const std::string text = read_file(entry.path());
      const streamed s = convert_streamed(text);
      streamed_elements += s.elements;
      expect_same(convert_text(text), s.got);
      ++files;
    }
  }
  EXPECT_GT(files, 50u);
  EXPECT_GT(streamed_elements, 50u);  // the lists really were streamed
}

TEST(StreamedList, MissingCommaIsOneRejectAndTheNextDocumentStillConverts) {
  const std::string text = "[" + shopify_order(1) + "," + shopify_order(2) + " " +
                           shopify_order(3) + "," + shopify_order(4) + "]\n" + shopify_order(5);
  const streamed s = convert_streamed(text);
  EXPECT_EQ(s.got.records, 4u);
  EXPECT_EQ(s.got.converted, 3u);  // 1, 2 and 5; 3 and 4 are the broken list's rest
  ASSERT_EQ(s.got.rejects.size(), 1u);
  EXPECT_EQ(s.got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(s.got.rejects[0].error.byte_offset, text.find("{\"id\":3"));
  EXPECT_NE(s.got.rejects[0].error.message.find("expected ',' or ']'"), std::string::npos);
  EXPECT_NE(s.got.ndjson.find("\"shopify:5\""), std::string::npos);
}

TEST(StreamedList, TrailingCommaIsInvalidJson) {
  const std::string text = "[" + shopify_order(1) + ",\n]";
  const streamed s = convert_streamed(text);
  EXPECT_EQ(s.got.converted, 1u);
  ASSERT_EQ(s.got.rejects.size(), 1u);
  EXPECT_EQ(s.got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(s.got.rejects[0].error.byte_offset, text.rfind(']'));
}

TEST(StreamedList, InputEndingInsideTheListIsInvalidJson) {
  const std::string text = "{\"orders\":[" + shopify_order(1) + "," + shopify_order(2);
  const streamed s = convert_streamed(text);
  EXPECT_EQ(s.got.converted, 2u);
  ASSERT_EQ(s.got.rejects.size(), 1u);
  EXPECT_EQ(s.got.rejects[0].error.code, error_code::invalid_json);
  EXPECT_EQ(s.got.rejects[0].error.byte_offset, text.size());
}

TEST(StreamedList, ElementOverTheRecordLimitIsRecordTooLarge) {
  const std::string big = "{\"id\":2,\"pad\":\"" + std::string(5000, 'x') + "\"}";
  const std::string text = "[" + shopify_order(1) + "," + big + "," + shopify_order(3) + "]";
  reader_options ro = streaming();
  ro.max_record_bytes = 1000;
  const streamed s = convert_streamed(text, ro);
  EXPECT_EQ(s.got.records, 3u);
  EXPECT_EQ(s.got.converted, 2u);
  ASSERT_EQ(s.got.rejects.size(), 1u);
  EXPECT_EQ(s.got.rejects[0].error.code, error_code::record_too_large);
  EXPECT_EQ(s.got.rejects[0].error.byte_offset, text.find("{\"id\":2"));
  EXPECT_EQ(s.got.rejects[0].where.index, 2u);
  EXPECT_LE(s.largest_capacity, 1000u + converter::padding);
}

// The element is 2 levels down in an envelope: a limit its own nesting
// meets can be one the document's breaks (here {"c":1}, at level 5).
TEST(StreamedList, DepthLimitCountsTheLevelsAboveTheElement) {
  const std::string deep = R"({"id":9,"a":{"b":{"c":1}}})";  // 3 levels of its own
  const std::string text = "{\"orders\":[" + shopify_order(1) + "," + deep + "]}";
  options opts;
  opts.limits.max_depth = 4;  // the envelope, its list, the order: 3
  const conversion whole = convert_text(text, opts);
  const streamed s = convert_streamed(text, streaming(), opts);
  expect_same(whole, s.got);
  ASSERT_EQ(s.got.rejects.size(), 1u);
  EXPECT_EQ(s.got.rejects[0].error.code, error_code::depth_limit_exceeded);
  EXPECT_EQ(s.got.rejects[0].error.byte_offset, text.find("{\"c\""));
}

// `jq -c` of an array: one line, no newline, larger than the window.
TEST(StreamedList, OneLineArrayThroughAPipeIsStreamedInBoundedMemory) {
  std::string text = "[";
  for (int i = 0; i < 20000; ++i) {
    if (i != 0) text += ',';
    text += shopify_order(i + 1);
  }
  text += "]";
  reader_options ro;
  ro.window_bytes = 64 << 10;
  ro.whole_document_bytes = 64 << 10;
  const streamed s = convert_piped(text, 1, ro);
  EXPECT_EQ(s.got.converted, 20000u);
  EXPECT_EQ(s.elements, 20000u);
  EXPECT_LE(s.largest_capacity, (std::size_t{64} << 10) + converter::padding);
}

// 40 MB of envelope through a pipe: the buffer never grows past the window.
TEST(StreamedList, EnvelopeThroughAPipeUsesBoundedMemory) {
  std::string chunk;
  for (int i = 0; i < 100; ++i) chunk += shopify_order(i + 1) + ",\n";
  const std::size_t repeats = 40'000'000 / chunk.size();
  // {"orders":[ chunk chunk ... {last}]} written in pieces.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    auto put = [&](const std::string& s) {
      if (!write_all(fds[1], s)) return;
    };
    put("{\"orders\": [\n");
    for (std::size_t i = 0; i < repeats; ++i) put(chunk);
    put(shopify_order(0) + "\n], \"count\": 1}\n");
    ::close(fds[1]);
  });
  reader_options ro;
  ro.window_bytes = 64 << 10;
  ro.whole_document_bytes = 64 << 10;
  const streamed s = convert_read(reader::from_fd(fds[0], ro));
  writer.join();
  ::close(fds[0]);
  EXPECT_EQ(s.got.converted, repeats * 100 + 1);
  EXPECT_TRUE(s.got.rejects.empty());
  EXPECT_LE(s.largest_capacity, (std::size_t{64} << 10) + converter::padding);
}

// A document that ends within whole_document_bytes is held whole, as before.
TEST(StreamedList, SmallListIsReadWhole) {
  const std::string text = "[" + shopify_order(1) + "," + shopify_order(2) + "]";
  const streamed s = convert_streamed(text, reader_options{});
  EXPECT_EQ(s.elements, 0u);
  EXPECT_EQ(s.got.converted, 2u);
}

TEST(StreamedList, TrackerRejectsAStreamedElement) {
  // Longer than the 64-byte window: a list that fits is held whole.
  const std::string pad = std::string(100, 'p');
  const std::string text = "[{\"tracking_code\":\"EZ1\",\"pad\":\"" + pad +
                           "\"},{\"tracking_code\":\"EZ2\",\"pad\":\"" + pad + "\"}]";
  temp_file f(text);
  reader in = reader::open_file(f.path(), streaming());
  tracker t;
  struct sink_t : shipment_sink {
    void on_shipment(const shipment&, const derivation*, const record_position&) override {
      ++shipments;
    }
    void on_reject(const record_error& e, const record_position&) override {
      codes.push_back(e.code);
    }
    int shipments = 0;
    std::vector<error_code> codes;
  } sink;
  document_view doc;
  while (in.next(doc)) t.track(doc, sink);
  EXPECT_EQ(sink.shipments, 0);
  EXPECT_EQ(sink.codes,
            (std::vector<error_code>{error_code::not_an_object, error_code::not_an_object}));
}

}  // namespace
