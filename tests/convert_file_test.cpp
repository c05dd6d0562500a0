// ordernorm::convert_file: a whole file in one call, read as the CLI reads
// it. Expected counts and positions are the examples' as README.md shows
// them for `ordernorm convert`.
#include "ordernorm/convert_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "compress_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

const fs::path examples = fs::path(ORDERNORM_SOURCE_DIR) / "examples";

}  // namespace

TEST(ConvertFile, ExampleNdjsonConvertsEveryOrder) {
  conversion got;
  collecting_sink sink(got);
  const file_conversion r = convert_file((examples / "shopify-orders.ndjson").string(), sink);
  EXPECT_FALSE(r.failure.has_value());
  EXPECT_EQ(r.records, 3u);
  EXPECT_EQ(r.converted, 3u);
  EXPECT_EQ(r.rejected, 0u);
  EXPECT_NE(got.ndjson.find(R"("platform":"shopify")"), std::string::npos);
}

TEST(ConvertFile, RejectCarriesItsRecordOffsetAndPointer) {
  // README: record 1, offset 133, /total_price, invalid_money.
  conversion got;
  collecting_sink sink(got);
  const file_conversion r =
      convert_file((examples / "shopify-with-bad-record.ndjson").string(), sink);
  EXPECT_EQ(r.records, 2u);
  EXPECT_EQ(r.rejected, 1u);
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].where.index, 1u);
  EXPECT_EQ(got.rejects[0].error.byte_offset, 133u);
  EXPECT_EQ(got.rejects[0].error.json_pointer, "/total_price");
  EXPECT_EQ(got.rejects[0].error.code, error_code::invalid_money);
}

TEST(ConvertFile, GzipFileAsThePlainOne) {
  const std::string plain = read_file(examples / "shopify-orders.ndjson");
  const scratch_file gz(gzip(plain));
  conversion from_gz;
  conversion from_plain;
  collecting_sink gz_sink(from_gz);
  collecting_sink plain_sink(from_plain);
  EXPECT_EQ(convert_file(gz.path(), gz_sink).converted, 3u);
  convert_file((examples / "shopify-orders.ndjson").string(), plain_sink);
  EXPECT_EQ(from_gz.ndjson, from_plain.ndjson);
}

TEST(ConvertFile, BulkExportIsStitched) {
  const scratch_file bulk(R"({"id":"gid://shopify/Order/7","name":"#1007"})"
                          "\n"
                          R"({"id":"gid://shopify/LineItem/70","title":"Mug","quantity":2,)"
                          R"("__parentId":"gid://shopify/Order/7"})"
                          "\n");
  conversion got;
  collecting_sink sink(got);
  const file_conversion r = convert_file(bulk.path(), sink);
  EXPECT_EQ(r.converted, 1u);
  EXPECT_NE(got.ndjson.find(R"("lineItemId":"70")"), std::string::npos) << got.ndjson;
}

TEST(ConvertFile, LimitsApplyToTheReader) {
  // A line over max_record_bytes is skipped by the reader and reported.
  options opts;
  opts.limits.max_record_bytes = 100;
  conversion got;
  collecting_sink sink(got);
  const file_conversion r = convert_file((examples / "shopify-orders.ndjson").string(), sink, opts);
  EXPECT_EQ(r.converted, 0u);
  ASSERT_EQ(got.rejects.size(), 3u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::record_too_large);
}

TEST(ConvertFile, MissingFileIsAFailureNotAnException) {
  conversion got;
  collecting_sink sink(got);
  const file_conversion r = convert_file("/nonexistent/ordernorm/orders.ndjson", sink);
  ASSERT_TRUE(r.failure.has_value());
  EXPECT_EQ(r.failure->code, error_code::io_error);
  EXPECT_EQ(r.records, 0u);
}

// One converter over two readers: each call's counts are its own, and the
// second input's records go on from the first's numbers, as one run's do.
TEST(ConvertDocuments, CountsAreTheCallsOwnWithOneConverterOverTwoInputs) {
  std::ifstream bad_file(examples / "shopify-with-bad-record.ndjson", std::ios::binary);
  const std::string bad((std::istreambuf_iterator<char>(bad_file)), {});
  ASSERT_FALSE(bad.empty());
  conversion got;
  collecting_sink sink(got);
  converter conv;
  reader first = reader::from_memory(bad);
  const file_conversion a = convert_documents(first, conv, sink);
  reader second = reader::from_memory(bad);
  const file_conversion b = convert_documents(second, conv, sink);
  for (const file_conversion* r : {&a, &b}) {
    EXPECT_FALSE(r->failure.has_value());
    EXPECT_EQ(r->records, 2u);
    EXPECT_EQ(r->converted, 1u);
    EXPECT_EQ(r->rejected, 1u);
  }
  EXPECT_EQ(conv.records(), 4u);
  ASSERT_EQ(got.rejects.size(), 2u);
  EXPECT_EQ(got.rejects[0].where.index, 1u);
  EXPECT_EQ(got.rejects[1].where.index, 3u);
  EXPECT_EQ(got.rejects[1].error.byte_offset, 133u);
}

// A reader that could not be opened is the call's failure, not an exception.
TEST(ConvertDocuments, ReadFailureIsReturned) {
  conversion got;
  collecting_sink sink(got);
  converter conv;
  reader in = reader::open_file((examples / "no-such-file.ndjson").string());
  const file_conversion r = convert_documents(in, conv, sink);
  ASSERT_TRUE(r.failure.has_value());
  EXPECT_EQ(r.failure->code, error_code::io_error);
  EXPECT_EQ(r.records, 0u);
}
