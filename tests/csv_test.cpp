// The CSV writer (include/ordernorm/csv.hpp), through the shared library's
// API: the headers, RFC 4180 quoting of commas, quotes, CR and LF, null as
// an empty field, values spelled as the JSON writer spells them, and line
// items keyed by their order's id. Every expected row is written out by
// hand.
#include <gtest/gtest.h>

#include <string>

#include "ordernorm/csv.hpp"

namespace {

using namespace ordernorm;

// The orders table's 44 columns, in the order of the JSON keys.
const std::string order_header =
    "id,platform,remoteId,orderNumber,remoteCreatedAt,remoteUpdatedAt,remoteDeleted,isTest,"
    "orderStatus,orderStatusRaw,paymentStatus,paymentStatusRaw,fulfillmentStatus,"
    "fulfillmentStatusRaw,currency,totalPrice,totalTax,totalShipping,totalDiscount,"
    "billingAddress.firstName,billingAddress.lastName,billingAddress.company,"
    "billingAddress.address1,billingAddress.address2,billingAddress.city,"
    "billingAddress.region,billingAddress.postalCode,billingAddress.countryCode,"
    "billingAddress.phone,"
    "shippingAddress.firstName,shippingAddress.lastName,shippingAddress.company,"
    "shippingAddress.address1,shippingAddress.address2,shippingAddress.city,"
    "shippingAddress.region,shippingAddress.postalCode,shippingAddress.countryCode,"
    "shippingAddress.phone,"
    "customer.customerId,customer.firstName,customer.lastName,customer.email,customer.phone\r\n";

const std::string line_item_header =
    "orderId,lineItemId,productId,variantId,sku,title,quantity,price,unitCost,currency\r\n";

// Ten empty fields: an address that is null. Five: a null customer.
const std::string no_address = ",,,,,,,,,,";
const std::string no_customer = ",,,,,";

timestamp at(const char* text) {
  const auto t = parse_timestamp(text, naive_time::local);
  EXPECT_TRUE(t.ok()) << text;
  return *t;
}

decimal money(const char* text) {
  const auto d = decimal::parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return *d;
}

// The smallest order: an id and nothing else known.
order bare() {
  order o;
  o.id = "shopify:7";
  o.platform = platform::shopify;
  o.remote_id = "7";
  return o;
}

// The row begins with `head` and a field separator after it.
void expect_starts(const std::string& row, const std::string& head) {
  EXPECT_EQ(row.substr(0, head.size() + 1), head + ",") << row;
}

std::string row_of(const order& o) {
  std::string out;
  write_csv(o, out);
  return out;
}

TEST(CsvHeader, OrdersNameEveryScalarFieldAndFlattenSubObjectsWithDots) {
  std::string out;
  write_csv_header(csv_table::orders, out);
  EXPECT_EQ(out, order_header);
}

TEST(CsvHeader, LineItemsLeadWithOrderId) {
  std::string out;
  write_csv_header(csv_table::line_items, out);
  EXPECT_EQ(out, line_item_header);
}

TEST(CsvRow, NullIsAnEmptyFieldAndFalseIsFalse) {
  // isTest null, remoteDeleted false, statuses Unknown, no times, no money,
  // both addresses and the customer null: empty fields, not "null".
  EXPECT_EQ(row_of(bare()), "shopify:7,shopify,7,,,,false,,Unknown,,Unknown,,unknown,,,,,,," +
                                no_address + no_address + no_customer.substr(1) + "\r\n");
}

TEST(CsvRow, ValuesAreSpelledAsTheJsonWriterSpellsThem) {
  order o = bare();
  o.order_number = "1001";
  o.remote_created_at = at("2023-11-19T17:00:17Z");
  o.remote_updated_at = at("2023-11-19T18:00:17");  // local: no Z, as the JSON writes it
  o.remote_deleted = true;
  o.is_test = false;
  o.order_status = order_status::on_hold;
  o.order_status_raw = "on-hold";
  o.payment_status = payment_status::partially_refunded;
  o.payment_status_raw = "partially_refunded";
  o.fulfillment_status = fulfillment_status::partial;
  o.currency = "USD";
  o.total_price = money("15");
  o.total_tax = money("0.5");
  o.total_shipping = money("5.00");
  o.total_discount = money("-1.2500");
  customer c;
  c.email = "a@example.com";
  o.customer = c;
  EXPECT_EQ(row_of(o),
            "shopify:7,shopify,7,1001,2023-11-19T17:00:17.000Z,2023-11-19T18:00:17.000,true,false,"
            "OnHold,on-hold,PartiallyRefunded,partially_refunded,partial,,USD,15.00,0.50,5.00,"
            "-1.25," +
                no_address + no_address + ",,,a@example.com,\r\n");
}

TEST(CsvRow, MoneyTakesTheCurrencysMinorUnits) {
  order o = bare();
  o.currency = "JPY";
  o.total_price = money("6800");
  o.total_tax = money("618.0");
  EXPECT_EQ(row_of(o), "shopify:7,shopify,7,,,,false,,Unknown,,Unknown,,unknown,,JPY,6800,618,,," +
                           no_address + no_address + no_customer.substr(1) + "\r\n");
}

TEST(CsvRow, FieldWithACommaIsQuoted) {
  order o = bare();
  o.order_number = "A,1";
  expect_starts(row_of(o), "shopify:7,shopify,7,\"A,1\"");
}

TEST(CsvRow, QuoteIsDoubledInsideQuotes) {
  order o = bare();
  o.order_number = "say \"hi\"";
  expect_starts(row_of(o), "shopify:7,shopify,7,\"say \"\"hi\"\"\"");
}

TEST(CsvRow, FieldWithANewlineIsQuoted) {
  order o = bare();
  address a;
  a.address1 = "Line 1\nLine 2";
  o.shipping_address = a;
  EXPECT_EQ(row_of(o), "shopify:7,shopify,7,,,,false,,Unknown,,Unknown,,unknown,,,,,,," +
                           no_address + ",,,\"Line 1\nLine 2\",,,,,,," + no_customer.substr(1) +
                           "\r\n");
}

TEST(CsvRow, FieldWithACarriageReturnIsQuoted) {
  order o = bare();
  o.order_number = "1\r2";
  expect_starts(row_of(o), "shopify:7,shopify,7,\"1\r2\"");
}

TEST(CsvRow, SpacesAndSemicolonsNeedNoQuotes) {
  order o = bare();
  o.order_number = " a; b ";
  expect_starts(row_of(o), "shopify:7,shopify,7, a; b ");
}

TEST(CsvRow, SubObjectWithSomeFieldsFillsItsOwnColumns) {
  order o = bare();
  address billing;
  billing.first_name = "Alice";
  billing.city = "New York";
  billing.country_code = "US";
  o.billing_address = billing;
  customer c;
  c.customer_id = "42";
  c.phone = "+1 555";
  o.customer = c;
  EXPECT_EQ(row_of(o),
            "shopify:7,shopify,7,,,,false,,Unknown,,Unknown,,unknown,,,,,,,"
            "Alice,,,,,New York,,,US,," +
                no_address + "42,,,,+1 555\r\n");
}

TEST(CsvLineItems, OneRowPerLineItemKeyedByTheOrderId) {
  order o = bare();
  o.currency = "USD";
  line_item shirt;
  shirt.line_item_id = "11";
  shirt.product_id = "p1";
  shirt.variant_id = "v1";
  shirt.sku = "SKU,1";
  shirt.title = "Custom \"T\" Shirt";
  shirt.quantity = quantity(2);
  shirt.price = money("7.5");
  shirt.unit_cost = money("5");
  line_item weighed;
  weighed.line_item_id = "12";
  weighed.quantity = *quantity::parse("1.5");
  weighed.price = money("3");
  weighed.currency = "JPY";  // the line's own currency rules its money
  o.line_items = {shirt, weighed};
  std::string out;
  write_csv_line_items(o, out);
  EXPECT_EQ(out,
            "shopify:7,11,p1,v1,\"SKU,1\",\"Custom \"\"T\"\" Shirt\",2,7.50,5.00,\r\n"
            "shopify:7,12,,,,,1.5,3,,JPY\r\n");
}

TEST(CsvLineItems, OrderWithoutLineItemsWritesNoRow) {
  std::string out;
  write_csv_line_items(bare(), out);
  EXPECT_EQ(out, "");
}

TEST(CsvLineItems, LineWithoutAnyCurrencyWritesMoneyAsParsed) {
  order o = bare();  // no currency anywhere: money as the JSON writer writes it
  line_item item;
  item.price = money("7.5");
  o.line_items = {item};
  std::string out;
  write_csv_line_items(o, out);
  EXPECT_EQ(out, "shopify:7,,,,,,,7.5,,\r\n");
}

}  // namespace
