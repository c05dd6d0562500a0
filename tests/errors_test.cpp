// One test per error kind: each bad input gets its specific error code, the
// JSON pointer and byte offset of the offending value, and a message that
// says what was wrong; the other records of the same input still convert.
#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

using namespace ordernorm;
using namespace ordernorm::testing;

namespace {

const options shopify = options_for(platform::shopify, mapper::fast);

// Converts `bad` between two good orders (NDJSON lines), under both mappers,
// and returns the single reject it must produce.
record_error reject_between_good_orders(const std::string& bad, options opts = {}) {
  const std::string good1 = R"({"id":1,"financial_status":"paid"})";
  const std::string good2 = R"({"id":2,"financial_status":"paid"})";
  const std::string text = good1 + "\n" + bad + "\n" + good2 + "\n";
  record_error first;
  for (const auto m : {mapper::fast, mapper::reference}) {
    opts.mapper = m;
    const conversion got = convert_lines(text, opts);
    EXPECT_EQ(got.converted, 2u) << "the good records around a bad one still convert";
    EXPECT_EQ(got.records, got.converted + got.rejects.size()) << "nothing is lost";
    EXPECT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
    if (got.rejects.size() != 1) return {};
    const reject_entry& r = got.rejects[0];
    EXPECT_EQ(r.where.index, 2u);
    EXPECT_GE(r.error.byte_offset, good1.size() + 1) << "offsets count from the input's start";
    if (m == mapper::fast) {
      first = r.error;
    } else {
      EXPECT_EQ(r.error.code, first.code) << "both mappers reject for the same reason";
      EXPECT_EQ(r.error.json_pointer, first.json_pointer);
      EXPECT_EQ(r.error.byte_offset, first.byte_offset);
    }
  }
  return first;
}

std::uint64_t offset_of(const std::string& bad, std::string_view needle) {
  const std::string good1 = R"({"id":1,"financial_status":"paid"})";
  return good1.size() + 1 + bad.find(needle);
}

TEST(Errors, InvalidJsonIsRejectedWithSimdjsonsReason) {
  const std::string bad = R"({"id":3,"financial_status":"paid",)";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::invalid_json);
  EXPECT_NE(e.message.find("invalid JSON"), std::string::npos) << e.message;
}

TEST(Errors, UnterminatedStringIsInvalidJson) {
  const record_error e = reject_between_good_orders(R"({"id":3,"financial_status":"paid)");
  EXPECT_EQ(e.code, error_code::invalid_json);
}

TEST(Errors, BrokenLiteralInsideAMappedObjectIsInvalidJson) {
  const std::string bad = R"({"id":3,"financial_status":"paid","customer":{"id":5,"email":nul}})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::invalid_json);
}

TEST(Errors, MoneyThatIsNotADecimalIsInvalidMoney) {
  const std::string bad = R"({"id":3,"financial_status":"paid","total_price":"12,50"})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::invalid_money);
  EXPECT_EQ(e.json_pointer, "/total_price");
  EXPECT_EQ(e.byte_offset, offset_of(bad, R"("12,50")"));
  EXPECT_NE(e.message.find("\"12,50\""), std::string::npos) << e.message;
}

TEST(Errors, MoneyWithAThousandDigitsIsOutOfRange) {
  const std::string bad =
      R"({"id":3,"financial_status":"paid","total_price":)" + std::string(1000, '9') + "}";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::money_out_of_range);
  EXPECT_EQ(e.json_pointer, "/total_price");
  EXPECT_LT(e.message.size(), 200u) << "long values are cut in messages";
}

TEST(Errors, MoneyThatIsAnObjectIsWrongType) {
  const std::string bad = R"({"id":3,"financial_status":"paid","total_tax":{"amount":"1.00"}})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/total_tax");
  EXPECT_NE(e.message.find("an object"), std::string::npos) << e.message;
}

TEST(Errors, MoneyInsideALineItemPointsIntoTheArray) {
  const std::string bad =
      R"({"id":3,"financial_status":"paid","line_items":[{"id":1,"price":"1.00"},{"id":2,"price":"x"}]})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::invalid_money);
  EXPECT_EQ(e.json_pointer, "/line_items/1/price");
  EXPECT_EQ(e.byte_offset, offset_of(bad, R"("x")"));
}

TEST(Errors, UnparseableDateIsInvalidTimestamp) {
  const std::string bad = R"({"id":3,"financial_status":"paid","created_at":"yesterday"})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::invalid_timestamp);
  EXPECT_EQ(e.json_pointer, "/created_at");
}

TEST(Errors, DateInYear99999IsOutOfRange) {
  const std::string bad =
      R"({"id":3,"financial_status":"paid","updated_at":"99999-01-01T00:00:00Z"})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::timestamp_out_of_range);
  EXPECT_EQ(e.json_pointer, "/updated_at");
}

TEST(Errors, ShopifyTimeWithoutOffsetIsNaiveTimestamp) {
  const std::string bad =
      R"({"id":3,"financial_status":"paid","created_at":"2024-01-01 10:00:00"})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::naive_timestamp);
}

// A fractional quantity is a quantity (Quantity.* in writer_test.cpp); one
// that is not a number at all is still rejected where it stands.
TEST(Errors, QuantityThatIsNotANumberIsInvalidNumber) {
  const std::string bad =
      R"({"id":3,"financial_status":"paid","line_items":[{"id":1,"quantity":"1,5"}]})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::invalid_number);
  EXPECT_EQ(e.json_pointer, "/line_items/0/quantity");
}

TEST(Errors, FractionalIdIsInvalidNumber) {
  const record_error e = reject_between_good_orders(R"({"id":3.5,"financial_status":"paid"})");
  EXPECT_EQ(e.code, error_code::invalid_number);
  EXPECT_EQ(e.json_pointer, "/id");
}

TEST(Errors, LineItemsThatAreAnObjectIsWrongType) {
  const std::string bad = R"({"id":3,"financial_status":"paid","line_items":{"id":1}})";
  const record_error e = reject_between_good_orders(bad);
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/line_items");
}

TEST(Errors, CustomerThatIsAStringIsWrongType) {
  const record_error e =
      reject_between_good_orders(R"({"id":3,"financial_status":"paid","customer":"bob"})");
  EXPECT_EQ(e.code, error_code::wrong_type);
  EXPECT_EQ(e.json_pointer, "/customer");
}

TEST(Errors, RecordThatIsANumberIsNotAnObject) {
  const record_error e = reject_between_good_orders("42");
  EXPECT_EQ(e.code, error_code::not_an_object);
}

TEST(Errors, RecordThatIsNullIsNotAnObject) {
  const record_error e = reject_between_good_orders("null");
  EXPECT_EQ(e.code, error_code::not_an_object);
}

TEST(Errors, ArrayElementThatIsAStringIsOneRejectedRecord) {
  const std::string text =
      R"([{"id":1,"financial_status":"paid"},"oops",{"id":2,"financial_status":"paid"}])";
  const conversion got = convert_text(text);
  EXPECT_EQ(got.converted, 2u);
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::not_an_object);
  EXPECT_EQ(got.rejects[0].where.index, 2u);
  EXPECT_EQ(got.rejects[0].error.byte_offset, text.find("\"oops\""));
}

TEST(Errors, ObjectOfNoKnownPlatformNamesTheKeysItSaw) {
  const record_error e = reject_between_good_orders(R"({"sku":"A1","qty":3})");
  EXPECT_EQ(e.code, error_code::unknown_platform);
  EXPECT_NE(e.message.find("\"sku\", \"qty\""), std::string::npos) << e.message;
}

TEST(Errors, MalomoOrderGivenAsShopifyIsPlatformMismatch) {
  const record_error e = reject_between_good_orders(
      R"({"alternate_id":"450789469","id":"58f3d13f","number":"1000"})", shopify);
  EXPECT_EQ(e.code, error_code::platform_mismatch);
  EXPECT_NE(e.message.find("malomo"), std::string::npos) << e.message;
}

// Issue 13: a second document glued onto a line is a document of its own
// (it was one trailing_content reject).
TEST(Errors, SecondDocumentOnTheSameLineIsADocumentOfItsOwn) {
  const std::string text =
      R"({"id":1,"financial_status":"paid"} {"id":2,"financial_status":"paid"})";
  const conversion got = convert_text(text);
  EXPECT_EQ(got.converted, 2u) << describe(got.rejects);
  EXPECT_TRUE(got.rejects.empty()) << describe(got.rejects);
  EXPECT_EQ(got.records, 2u);
}

TEST(Errors, DocumentAfterAFailedRecordOnTheSameLineIsStillRead) {
  const std::string text = R"({"id":1,"financial_status":"paid","total_tax":"x"} {"id":2})";
  const conversion got = convert_text(text);
  ASSERT_EQ(got.rejects.size(), 2u) << describe(got.rejects);
  EXPECT_EQ(got.rejects[0].error.code, error_code::invalid_money);
  // {"id":2} has no key that tells its platform.
  EXPECT_EQ(got.rejects[1].error.code, error_code::unknown_platform);
  EXPECT_EQ(got.rejects[1].error.byte_offset, text.find("{\"id\":2}"));
  EXPECT_EQ(got.records, 2u);
}

TEST(Errors, RecordAfterABadOneInAnEnvelopeStillConverts) {
  const std::string text =
      R"({"orders":[{"id":1,"financial_status":"paid","total_tax":"x"},{"id":2,"financial_status":"paid"}]})";
  for (const auto m : {mapper::fast, mapper::reference}) {
    const conversion got = convert_text(text, options_for(std::nullopt, m));
    EXPECT_EQ(got.converted, 1u);
    ASSERT_EQ(got.rejects.size(), 1u);
    EXPECT_EQ(got.rejects[0].where.index, 1u);
    EXPECT_EQ(got.rejects[0].error.json_pointer, "/total_tax");
    EXPECT_NE(got.ndjson.find("\"remoteId\":\"2\""), std::string::npos);
  }
}

TEST(Errors, EnvelopeWhoseOrdersAreAStringIsWrongType) {
  const conversion got = convert_text(R"({"orders":"none"})");
  ASSERT_EQ(got.rejects.size(), 1u);
  EXPECT_EQ(got.rejects[0].error.code, error_code::wrong_type);
  EXPECT_EQ(got.rejects[0].error.json_pointer, "/orders");
}

TEST(Errors, EachLimitHasItsOwnCode) {
  EXPECT_EQ(to_string(error_code::record_too_large), "record_too_large");
  EXPECT_EQ(to_string(error_code::depth_limit_exceeded), "depth_limit_exceeded");
  EXPECT_EQ(to_string(error_code::string_too_long), "string_too_long");
  const input_limits defaults;
  EXPECT_EQ(defaults.max_record_bytes, std::size_t{256} << 20);
  EXPECT_EQ(defaults.max_depth, 1024u);
  EXPECT_EQ(defaults.max_string_bytes, std::size_t{16} << 20);
  EXPECT_EQ(options{}.limits.max_depth, defaults.max_depth) << "options carry the limits";
}

TEST(Errors, EveryErrorCodeHasAStableName) {
  for (int c = 0; c <= static_cast<int>(error_code::io_error); ++c) {
    EXPECT_NE(to_string(static_cast<error_code>(c)), "unknown_error") << c;
  }
  EXPECT_EQ(to_string(error_code::missing_parent), "missing_parent");
}

TEST(Errors, EveryWarningCodeHasAStableName) {
  EXPECT_EQ(to_string(warning_code::presentment_money), "presentment_money");
  for (int c = 0; c <= static_cast<int>(warning_code::presentment_money); ++c) {
    EXPECT_TRUE(c == 0 || to_string(static_cast<warning_code>(c)) != "unclassified") << c;
  }
}

// Issue 13 item 9: an order without its id is never a silent success. Per
// platform: a document the platform is detected from (or given), lacking the
// id key, absent, null or "", is one reject, missing_field, at the id's key.
struct missing_id_case {
  platform from;
  std::string_view id_key;   // the JSON pointer the reject names
  std::string_view without;  // an order of that platform without its id
};

TEST(Orders, MissingIdIsRejectedOnEveryPlatform) {
  // Expectations written out per platform (the key each platform's order id
  // comes in, README "The model"), not read from the mappings.
  const missing_id_case cases[] = {
      {platform::shopify, "/id", R"({"order_number":1001,"financial_status":"paid"})"},
      {platform::malomo, "/id", R"({"number":"1001","customer":null,"shipments":[]})"},
      {platform::magento, "/entity_id", R"({"increment_id":"000000003","state":"new"})"},
      {platform::bigcommerce, "/id", R"({"status_id":11,"currency_code":"USD"})"},
      {platform::woocommerce, "/id", R"({"number":"727","order_key":"wc_order_x"})"},
      {platform::sfcc, "/orderNo", R"({"orderTotal":10.5,"currency":"USD","productItems":[]})"},
      {platform::squarespace, "/id",
       R"({"orderNumber":"1","fulfillmentStatus":"PENDING","grandTotal":{"currency":"USD","value":"1.00"}})"},
      {platform::ebay, "/orderId",
       R"({"legacyOrderId":"1","orderFulfillmentStatus":"NOT_STARTED","orderPaymentStatus":"PAID"})"},
  };
  for (const missing_id_case& c : cases) {
    SCOPED_TRACE(std::string(to_string(c.from)));
    for (const std::string_view id : {"", R"("id":null,)", R"("id":"",)"}) {
      std::string doc(c.without);
      if (!id.empty()) {
        // The same order with its id key present but null or "".
        std::string key(c.id_key.substr(1));
        doc.insert(1, std::string(id).replace(1, 2, key));
      }
      SCOPED_TRACE(doc);
      for (const auto m : {mapper::fast, mapper::reference}) {
        const conversion got = convert_text(doc, options_for(c.from, m));
        EXPECT_TRUE(got.ndjson.empty()) << got.ndjson;
        ASSERT_EQ(got.rejects.size(), 1u) << describe(got.rejects);
        const record_error& e = got.rejects[0].error;
        EXPECT_EQ(e.code, error_code::missing_field);
        EXPECT_EQ(e.json_pointer, c.id_key);
        EXPECT_NE(e.message.find("no id"), std::string::npos) << e.message;
        EXPECT_EQ(to_string(e.code), "missing_field");
      }
    }
  }
}

TEST(Orders, MissingIdRejectsOnlyThatRecord) {
  const std::string bad = R"({"financial_status":"paid","total_price":"1.00"})";
  const record_error e = reject_between_good_orders(bad, shopify);
  EXPECT_EQ(e.code, error_code::missing_field);
  EXPECT_EQ(e.json_pointer, "/id");
  EXPECT_EQ(e.byte_offset, offset_of(bad, "{"));
}

}  // namespace
