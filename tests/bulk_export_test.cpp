// Shopify Bulk Operation exports through the reader (src/bulk_export.hpp):
// each order handed over once, with its LineItem child lines spliced in as
// "lineItems":{"nodes":[...]}, whatever the order of the lines. Expected
// texts are written out by hand.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "bulk_export.hpp"
#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

struct handed {
  std::string text;
  std::uint64_t offset = 0;
  error_code problem = error_code::ok;
  std::string message;
  std::vector<text_origin> origins;
};

std::vector<handed> drain(reader& in) {
  std::vector<handed> out;
  document_view doc;
  while (in.next(doc)) {
    handed h;
    h.offset = doc.offset;
    h.problem = doc.problem;
    if (doc.problem == error_code::ok) {
      h.text.assign(doc.data, doc.size);
      h.origins.assign(doc.origins.begin(), doc.origins.end());
    } else {
      h.message = in.problem(doc).message;
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<handed> read_file(const std::string& content) {
  scratch_file f(content);
  reader in = reader::open_file(f.path());
  return drain(in);
}

// The same bytes through a pipe: a stream, read once.
std::vector<handed> read_stream(const std::string& content) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  std::thread writer([&] {
    (void)write_all(fds[1], content);
    ::close(fds[1]);
  });
  reader in = reader::from_fd(fds[0]);
  std::vector<handed> out = drain(in);
  writer.join();
  ::close(fds[0]);
  return out;
}

const std::string order1 = R"({"id":"gid://shopify/Order/1","name":"#1001"})";
const std::string order2 = R"({"id":"gid://shopify/Order/2","name":"#1002"})";
const std::string order3 = R"({"id":"gid://shopify/Order/3","name":"#1003"})";
const std::string item11 =
    R"({"id":"gid://shopify/LineItem/11","title":"A","__parentId":"gid://shopify/Order/1"})";
const std::string item12 =
    R"({"id":"gid://shopify/LineItem/12","title":"B","__parentId":"gid://shopify/Order/1"})";
const std::string item21 =
    R"({"id":"gid://shopify/LineItem/21","title":"C","__parentId":"gid://shopify/Order/2"})";

std::string lines(std::initializer_list<std::string> each) {
  std::string out;
  for (const std::string& l : each) out += l + "\n";
  return out;
}

}  // namespace

TEST(BulkExport, GroupedChildrenSplicedAsLineItemNodes) {
  const auto got = read_file(lines({order1, item11, item12, order2, item21}));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(
      got[0].text,
      R"({"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[)"
      R"({"id":"gid://shopify/LineItem/11","title":"A","__parentId":"gid://shopify/Order/1"},)"
      R"({"id":"gid://shopify/LineItem/12","title":"B","__parentId":"gid://shopify/Order/1"})"
      R"(]}})");
  EXPECT_EQ(got[0].offset, 0u);
  EXPECT_EQ(got[1].text,
            R"({"id":"gid://shopify/Order/2","name":"#1002","lineItems":{"nodes":[)"
            R"({"id":"gid://shopify/LineItem/21","title":"C","__parentId":"gid://shopify/Order/2"})"
            R"(]}})");
}

TEST(BulkExport, InterleavedChildrenLandOnTheirOrder) {
  // Order 1's second child comes after orders 2 and 3 began.
  const auto got = read_file(lines({order1, item11, order2, order3, item21, item12}));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_NE(got[0].text.find(R"("title":"A")"), std::string::npos);
  EXPECT_NE(got[0].text.find(R"("title":"B")"), std::string::npos);
  EXPECT_EQ(got[0].text.find(R"("title":"C")"), std::string::npos);
  EXPECT_NE(got[1].text.find(R"("title":"C")"), std::string::npos);
  EXPECT_EQ(got[2].text, order3);  // no children: the line as it was
  // In the order of the order lines.
  EXPECT_EQ(got[0].offset, 0u);
  EXPECT_LT(got[1].offset, got[2].offset);
}

TEST(BulkExport, EscapedSlashParentIdMatches) {
  const std::string escaped =
      R"({"id":"gid:\/\/shopify\/LineItem\/11","title":"A","__parentId":"gid:\/\/shopify\/Order\/1"})";
  const auto got = read_file(lines({order1, escaped}));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].problem, error_code::ok);
  EXPECT_EQ(got[0].text, R"({"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[)" +
                             escaped + "]}}");
}

TEST(BulkExport, ChildWithoutItsOrderIsMissingParent) {
  const std::string orphan =
      R"({"id":"gid://shopify/LineItem/99","__parentId":"gid://shopify/Order/77"})";
  const std::string text = lines({order1, item11, orphan, order2});
  const auto got = read_file(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].problem, error_code::missing_parent);
  EXPECT_EQ(got[1].offset, text.find(orphan));
  EXPECT_NE(got[1].message.find("gid://shopify/Order/77"), std::string::npos) << got[1].message;
  EXPECT_EQ(got[2].text, order2);
}

TEST(BulkExport, StreamedGroupedExportStitches) {
  const auto got = read_stream(lines({order1, item11, item12, order2, item21}));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_NE(got[0].text.find(R"("title":"B")"), std::string::npos);
  EXPECT_NE(got[1].text.find(R"("title":"C")"), std::string::npos);
}

TEST(BulkExport, StreamedLateChildIsMissingParentNotLost) {
  // From a pipe there is no first pass: order 1 is handed over when order 2
  // begins, so its late child is reported, never dropped or misplaced.
  const std::string text = lines({order1, item11, order2, item12});
  const auto got = read_stream(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].problem, error_code::ok);
  EXPECT_EQ(got[2].problem, error_code::missing_parent);
  EXPECT_EQ(got[2].offset, text.find(item12));
  EXPECT_NE(got[2].message.find("convert the file itself"), std::string::npos) << got[2].message;
  // The same bytes from a file: nothing is rejected.
  const auto from_file = read_file(text);
  ASSERT_EQ(from_file.size(), 2u);
  EXPECT_NE(from_file[0].text.find(R"("title":"B")"), std::string::npos);
}

TEST(BulkExport, FifoNamedByAPathIsReadOnce) {
  // `ordernorm convert <(zcat export.jsonl.gz)`: a path, but not a file that
  // can be read twice; a first pass would drain it.
  const auto fifo = std::filesystem::temp_directory_path() /
                    ("ordernorm_bulk_fifo_" + std::to_string(::getpid()));
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string text = lines({order1, item11, item12, order2, item21});
  std::thread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return;
    (void)write_all(fd, text);
    ::close(fd);
  });
  reader in = reader::open_file(fifo.string());
  const auto got = drain(in);
  writer.join();
  std::filesystem::remove(fifo);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_NE(got[0].text.find(R"("title":"B")"), std::string::npos);
  EXPECT_NE(got[1].text.find(R"("title":"C")"), std::string::npos);
}

TEST(BulkExport, OtherChildrenAndGrandchildrenAreReadPast) {
  // A FulfillmentOrder under the order and its line item under it: the model
  // holds neither; a LineItem under another child is not the order's.
  const std::string fo =
      R"({"id":"gid://shopify/FulfillmentOrder/5","status":"OPEN","__parentId":"gid://shopify/Order/1"})";
  const std::string fo_item =
      R"({"id":"gid://shopify/LineItem/55","__parentId":"gid://shopify/FulfillmentOrder/5"})";
  const auto got = read_file(lines({order1, fo, fo_item, item11, order2}));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text, R"({"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[)" +
                             item11 + "]}}");
  EXPECT_EQ(got[1].text, order2);
}

TEST(BulkExport, LateGrandchildKeepsItsOrderOpen) {
  // The fulfillment order's own child comes after order 2 began: order 1 is
  // held until then, so the grandchild finds its parent.
  const std::string fo =
      R"({"id":"gid://shopify/FulfillmentOrder/5","__parentId":"gid://shopify/Order/1"})";
  const std::string fo_item =
      R"({"id":"gid://shopify/FulfillmentOrderLineItem/6","__parentId":"gid://shopify/FulfillmentOrder/5"})";
  const auto got = read_file(lines({order1, order2, fo, order3, fo_item, item11}));
  ASSERT_EQ(got.size(), 3u);
  for (const handed& h : got) EXPECT_EQ(h.problem, error_code::ok) << h.message;
  EXPECT_NE(got[0].text.find(R"("title":"A")"), std::string::npos);
}

TEST(BulkExport, ChildLineThatIsNotOneObjectIsRejectedNotSpliced) {
  // Spliced, it would add a field to the order.
  const std::string injected =
      R"({"id":"gid://shopify/LineItem/13","__parentId":"gid://shopify/Order/1"}]},)"
      R"("totalPriceSet":{"shopMoney":{"amount":"0.0"}},"x":{"y":[{"z":1})";
  const std::string text = lines({order1, item11, injected, order2});
  const auto got = read_file(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].text, R"({"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[)" +
                             item11 + "]}}");
  EXPECT_EQ(got[1].problem, error_code::invalid_json);
  EXPECT_EQ(got[1].offset, text.find(injected));
  EXPECT_NE(got[1].message.find("not one JSON object"), std::string::npos) << got[1].message;
  EXPECT_EQ(got[2].text, order2);
  // A truncated child line (the export's last, cut short) likewise.
  const std::string cut = item12.substr(0, item12.size() - 1);
  const auto truncated = read_file(lines({order1, item11, cut}));
  ASSERT_EQ(truncated.size(), 2u);
  EXPECT_EQ(truncated[0].problem, error_code::ok);
  EXPECT_EQ(truncated[1].problem, error_code::invalid_json);
}

TEST(BulkExport, CrlfLinesSplice) {
  const auto got = read_file(order1 + "\r\n" + item11 + "\r\n");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, R"({"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[)" +
                             item11 + "]}}");
}

TEST(BulkExport, OriginsNameEachSplicedLine) {
  const std::string text = lines({order1, order2, item11, item21});
  const auto got = read_file(text);
  ASSERT_EQ(got.size(), 2u);
  ASSERT_EQ(got[0].origins.size(), 2u);  // the child, then the closing bytes
  const std::size_t child_at = got[0].text.find(item11);
  EXPECT_EQ(got[0].origins[0].position, child_at);
  EXPECT_EQ(got[0].origins[0].offset, text.find(item11));
}

TEST(BulkExport, PlainNdjsonIsHandedOverAsItWas) {
  // No line has __parentId: not an export; lines come as they are.
  const auto got = read_file(lines({order1, order2}));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text, order1);
  EXPECT_TRUE(got[0].origins.empty());
}

TEST(BulkExport, StitchingCanBeTurnedOff) {
  scratch_file f(lines({order1, item11}));
  reader_options o;
  o.stitch_bulk_exports = false;
  reader in = reader::open_file(f.path(), o);
  const auto got = drain(in);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, item11);
}

TEST(BulkExport, TinyReadWindowStillFindsTheFirstChildLine) {
  // The export is told from the input's first bytes, not from the read
  // window: with a window shorter than the first order line, its child is
  // still spliced in (a fuzzer found the window-dependent answer).
  scratch_file f(lines({order1, item11}));
  reader_options o;
  o.window_bytes = 8;
  reader in = reader::open_file(f.path(), o);
  const auto got = drain(in);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, R"({"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[)" +
                             item11 + "]}}");
}

TEST(BulkExport, ChildPastTheFirstFourMiBIsNotStitched) {
  // The documented bound: a first child line after 4 MiB of orders without
  // children is not an export's; the converter rejects it (missing_parent).
  std::string content;
  std::size_t n = 0;
  while (content.size() <= (std::size_t{4} << 20)) {
    content += R"({"id":"gid://shopify/Order/)" + std::to_string(100 + n++) + "\"}\n";
  }
  content += item11 + "\n";
  scratch_file f(content);
  reader in = reader::open_file(f.path());
  const auto got = drain(in);
  ASSERT_EQ(got.size(), n + 1);
  EXPECT_EQ(got.back().text, item11);
}

TEST(BulkExport, FromMemoryStitchesAnInterleavedExportExactly) {
  // Bytes in memory are read twice, as a file is: a child after a later
  // order still lands on its own.
  const std::string content = lines({order1, order2, item21, item11});
  reader in = reader::from_memory(content);
  const auto got = drain(in);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text, R"({"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[)" +
                             item11 + "]}}");
  EXPECT_EQ(got[1].text, R"({"id":"gid://shopify/Order/2","name":"#1002","lineItems":{"nodes":[)" +
                             item21 + "]}}");
}

TEST(BulkExport, TooLongLineKeepsItsPlace) {
  reader_options o;
  o.max_record_bytes = 200;
  const std::string huge =
      R"({"id":"gid://shopify/Order/9","note":")" + std::string(300, 'x') + "\"}";
  scratch_file f(lines({order1, item11, huge, order2}));
  reader in = reader::open_file(f.path(), o);
  const auto got = drain(in);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].problem, error_code::ok);
  EXPECT_EQ(got[1].problem, error_code::record_too_large);
  EXPECT_EQ(got[2].text, order2);
}

TEST(BulkIndex, GroupedExportNotesNothing) {
  detail::bulk_index index;
  std::uint64_t at = 0;
  for (const std::string& l : {order1, item11, item12, order2, item21}) {
    index.add_line(l, at);
    at += l.size() + 1;
  }
  EXPECT_EQ(index.parents(), 0u);
}

TEST(BulkIndex, LateChildNotesItsParentAndLastOffset) {
  detail::bulk_index index;
  index.add_line(order1, 0);
  index.add_line(order2, 100);
  index.add_line(item11, 200);
  index.add_line(item21, 300);  // order 2 is the current root: contiguous
  index.add_line(item12, 400);
  EXPECT_EQ(index.last_late_child("gid://shopify/Order/1"), 400u);
  EXPECT_EQ(index.last_late_child("gid://shopify/Order/2"), std::nullopt);
}

TEST(BulkExportText, ParentFoundOnlyAsAKey) {
  EXPECT_EQ(detail::bulk_parent_of(item11), "gid://shopify/Order/1");
  EXPECT_EQ(detail::bulk_parent_of(R"({"note":"__parentId","x":1})"), std::nullopt);
  EXPECT_EQ(detail::bulk_parent_of(R"({"note":"PARTIALLY_FULFILLED"})"), std::nullopt);
  EXPECT_EQ(detail::bulk_parent_of(R"({"__parentId" : "gid://shopify/Order/1" })"),
            "gid://shopify/Order/1");
}

TEST(BulkExportText, LeadingIdSkipsNestedIds) {
  EXPECT_EQ(
      detail::leading_string_member(
          R"({"customer":{"id":"gid://shopify/Customer/1"},"id":"gid://shopify/Order/2"})", "id"),
      "gid://shopify/Order/2");
  std::string gid;
  detail::normalize_gid(R"(gid:\/\/shopify\/Order\/1)", gid);
  EXPECT_EQ(gid, "gid://shopify/Order/1");
  EXPECT_EQ(detail::gid_type("gid://shopify/LineItem/11"), "LineItem");
  EXPECT_EQ(detail::gid_type("450789469"), "");
}

// reader::bulk_export() says whether the reader stitches: the way a caller
// (the Python module) tells an NDJSON input it may cut into parts from one
// it must not.
TEST(BulkExport, ReaderSaysWhenItStitches) {
  const std::string exported = lines({order1, item11, order2});
  const std::string plain = lines({order1, order2});
  reader stitched = reader::from_memory(exported);
  reader not_stitched = reader::from_memory(plain);
  reader_options off;
  off.stitch_bulk_exports = false;
  reader asked_not_to = reader::from_memory(exported, off);
  document_view doc;
  EXPECT_FALSE(stitched.bulk_export());  // not told before the first document
  ASSERT_TRUE(stitched.next(doc));
  EXPECT_TRUE(stitched.bulk_export());
  ASSERT_TRUE(not_stitched.next(doc));
  EXPECT_FALSE(not_stitched.bulk_export());
  ASSERT_TRUE(asked_not_to.next(doc));
  EXPECT_FALSE(asked_not_to.bulk_export());
}
