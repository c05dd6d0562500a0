// `convert`'s filter flags and CSV output (issue 17), run as a user would:
// which orders come out, the summary, exit codes and usage errors, the JSON
// array's separators, CSV and --line-items files (checked, written whole
// or not at all), and the CSV golden files in tests/golden_csv/. Every
// expectation is written out by hand; the golden files were made by the CLI
// and checked against the NDJSON goldens (tests/csv_check.py does it on
// every run).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ordernorm/model.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::testing::command_result;
using ordernorm::testing::read_file;
using ordernorm::testing::run_shell;
using ordernorm::testing::scratch_dir;

namespace {

const std::string cli = ORDERNORM_CLI;
const fs::path source_dir = ORDERNORM_SOURCE_DIR;
const std::string examples = (source_dir / "examples").string();

// The four example orders (examples/shopify-order.json, then the three of
// examples/shopify-orders.ndjson):
//   1042  Active     Paid      partial      USD  created 2026-03-14T13:26:53Z  updated
//   2026-03-15T20:02:11Z 1043  Pending    Pending   unfulfilled  EUR  created 2026-03-14T21:41:07Z
//   updated the same 1044  Completed  Paid      fulfilled    JPY  created 2026-03-14T23:03:44Z
//   updated 2026-03-16T01:00:00Z 1045  Cancelled  Refunded  unfulfilled  USD  created
//   2026-03-15T18:12:00Z  updated 2026-03-15T19:30:00Z
const std::string four_orders =
    examples + "/shopify-order.json " + examples + "/shopify-orders.ndjson";

using result = command_result;

// `ordernorm <args>`, standard output and standard error apart.
result run(const std::string& args) { return run_shell(cli + " " + args); }

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The orderNumber of every order in NDJSON or a JSON array, in order.
std::vector<std::string> numbers(const std::string& json) {
  std::vector<std::string> out;
  const std::string key = "\"orderNumber\":\"";
  for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at)) {
    at += key.size();
    out.push_back(json.substr(at, json.find('"', at) - at));
  }
  return out;
}

using list = std::vector<std::string>;

std::vector<std::string> filtered(const std::string& flags) {
  const result r = run("convert -q " + flags + " " + four_orders);
  EXPECT_EQ(r.status, 0) << flags << "\n" << r.err;
  return numbers(r.out);
}

TEST(CliFilters, WithoutFiltersEveryOrder) {
  EXPECT_EQ(filtered(""), (list{"1042", "1043", "1044", "1045"}));
}

TEST(CliFilters, FulfillmentStatusAlone) {
  EXPECT_EQ(filtered("--fulfillment-status unfulfilled"), (list{"1043", "1045"}));
}

TEST(CliFilters, OrderStatusAlone) {
  EXPECT_EQ(filtered("--order-status Completed"), (list{"1044"}));
}

TEST(CliFilters, PaymentStatusAloneIgnoresLetterCase) {
  EXPECT_EQ(filtered("--payment-status paid"), (list{"1042", "1044"}));
}

TEST(CliFilters, CurrencyAlone) { EXPECT_EQ(filtered("--currency USD"), (list{"1042", "1045"})); }

TEST(CliFilters, PlatformAloneThatNoOrderHas) {
  EXPECT_EQ(filtered("--platform magento"), list{});
  EXPECT_EQ(filtered("--platform shopify").size(), 4u);
}

TEST(CliFilters, CommaListIsAnyOfItsValues) {
  EXPECT_EQ(filtered("--currency jpy,EUR"), (list{"1043", "1044"}));
  EXPECT_EQ(filtered("--order-status=Pending,Cancelled"), (list{"1043", "1045"}));
}

TEST(CliFilters, FlagGivenTwiceAddsToItsList) {
  EXPECT_EQ(filtered("--currency JPY --currency EUR"), (list{"1043", "1044"}));
}

TEST(CliFilters, SeveralFiltersMustAllMatch) {
  EXPECT_EQ(filtered("--fulfillment-status unfulfilled --currency USD"), (list{"1045"}));
  EXPECT_EQ(filtered("--payment-status Paid --created-after 2026-03-14T20:00:00Z"), (list{"1044"}));
  EXPECT_EQ(filtered("--order-status Active --currency EUR"), list{});
}

TEST(CliFilters, CreatedAfterIncludesTheExactInstant) {
  EXPECT_EQ(filtered("--created-after 2026-03-14T23:03:44Z"), (list{"1044", "1045"}));
  EXPECT_EQ(filtered("--created-after 2026-03-14T23:03:44.001Z"), (list{"1045"}));
  // The same instant with an offset.
  EXPECT_EQ(filtered("--created-after 2026-03-15T08:03:44+09:00"), (list{"1044", "1045"}));
}

TEST(CliFilters, CreatedBeforeExcludesTheExactInstant) {
  EXPECT_EQ(filtered("--created-before 2026-03-14T23:03:44Z"), (list{"1042", "1043"}));
  EXPECT_EQ(filtered("--created-before 2026-03-14T23:03:44.001Z"), (list{"1042", "1043", "1044"}));
}

TEST(CliFilters, DateAloneIsMidnightUtc) {
  EXPECT_EQ(filtered("--created-after 2026-03-15"), (list{"1045"}));
  EXPECT_EQ(filtered("--created-before 2026-03-15"), (list{"1042", "1043", "1044"}));
}

TEST(CliFilters, UpdatedBoundsUseRemoteUpdatedAt) {
  EXPECT_EQ(filtered("--updated-after 2026-03-15T20:02:11Z"), (list{"1042", "1044"}));
  EXPECT_EQ(filtered("--updated-before 2026-03-15T20:02:11Z"), (list{"1043", "1045"}));
  EXPECT_EQ(filtered("--updated-after 2026-03-15T19:30:00Z --updated-before 2026-03-16"),
            (list{"1042", "1045"}));
}

TEST(CliFilters, OrderWithoutTimestampsMatchesNoTimeBound) {
  scratch_dir dir;
  const std::string input = dir / "no-times.ndjson";
  // Two Shopify orders: the first without created_at/updated_at.
  write_text(input, R"({"id":1,"order_number":1,"financial_status":"paid","currency":"USD"})"
                    "\n"
                    R"({"id":2,"order_number":2,"financial_status":"paid","currency":"USD",)"
                    R"("created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"})"
                    "\n");
  for (const std::string bound : {"--created-after 0001-01-01", "--created-before 9999-12-31",
                                  "--updated-after 0001-01-01", "--updated-before 9999-12-31"}) {
    const result r = run("convert --from shopify " + bound + " " + input);
    EXPECT_EQ(r.status, 0) << bound;
    EXPECT_EQ(numbers(r.out), list{"2"}) << bound;
    EXPECT_EQ(r.err, "ordernorm: 2 records: 2 converted, 0 rejected, 1 filtered out\n") << bound;
  }
  // Without a time bound, the first order is kept.
  EXPECT_EQ(numbers(run("convert --from shopify --payment-status Paid " + input).out),
            (list{"1", "2"}));
}

TEST(CliFilters, SummarySaysHowManyWereFilteredOut) {
  const result r = run("convert --currency USD " + four_orders);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "ordernorm: 4 records: 4 converted, 0 rejected, 2 filtered out\n");
  const result none = run("convert --platform ebay " + four_orders);
  EXPECT_EQ(none.status, 0);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "ordernorm: 4 records: 4 converted, 0 rejected, 4 filtered out\n");
}

TEST(CliFilters, SummaryWithoutAFilterIsUnchanged) {
  const result r = run("convert " + four_orders);
  EXPECT_EQ(r.err, "ordernorm: 4 records: 4 converted, 0 rejected\n");
}

TEST(CliFilters, FilteredOutIsNotARejectAndKeepsTheExitStatus) {
  scratch_dir dir;
  const std::string rejects = dir / "rejects.ndjson";
  // One record rejected (invalid_money), the other converts and is left out.
  const result r = run("convert --order-status Completed --rejects " + rejects + " " + examples +
                       "/shopify-with-bad-record.ndjson");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "ordernorm: 2 records: 1 converted, 1 rejected, 1 filtered out\n");
  EXPECT_NE(read_file(rejects).find("\"code\":\"invalid_money\""), std::string::npos);
}

TEST(CliFilters, EnumTypoIsAUsageErrorListingTheAllowedValues) {
  scratch_dir dir;
  const std::string out = dir / "out.ndjson";
  const result r = run("convert --order-status Pending,Shiped -o " + out + " " + four_orders);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "ordernorm: --order-status: unknown orderStatus 'Shiped' (allowed: Unknown, Pending, "
            "Active, OnHold, Shipped, Completed, Cancelled)\n"
            "Try 'ordernorm convert --help'.\n");
  EXPECT_TRUE(dir.names().empty()) << "nothing written";
  const result f = run("convert --fulfillment-status Fulfiled " + four_orders);
  EXPECT_EQ(f.status, 2);
  EXPECT_NE(f.err.find("(allowed: unknown, unfulfilled, partial, fulfilled)"), std::string::npos)
      << f.err;
  const result p = run("convert --platform shopfiy " + four_orders);
  EXPECT_EQ(p.status, 2);
  EXPECT_NE(p.err.find("unknown platform 'shopfiy' (allowed: unknown, shopify, malomo,"),
            std::string::npos)
      << p.err;
}

TEST(CliFilters, BadValuesAreUsageErrors) {
  for (const std::string bad :
       {"--created-after 20240101", "--created-before yesterday", "--updated-after",
        "--currency US", "--currency USD,,EUR", "--payment-status="}) {
    const result r = run("convert " + bad + " " + four_orders);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_NE(r.err.find("Try 'ordernorm convert --help'."), std::string::npos) << bad;
  }
  EXPECT_EQ(run("convert --created-after 20240101 " + four_orders).err,
            "ordernorm: --created-after: '20240101' is not a timestamp such as "
            "2024-05-01T00:00:00Z, 2024-05-01T02:00:00+02:00 or 2024-05-01\n"
            "Try 'ordernorm convert --help'.\n");
}

TEST(CliFilters, MistypedFlagSuggestsTheFilter) {
  const result r = run("convert --order-stauts Pending " + four_orders);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("(did you mean --order-status?)"), std::string::npos) << r.err;
}

TEST(CliFilters, TrackTakesNoFilter) {
  const result r = run("track --order-status Pending " + examples + "/shopify-order.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown option '--order-status'"), std::string::npos) << r.err;
}

TEST(CliFilters, JsonArrayHasNoStraySeparatorsAroundFilteredOrders) {
  // The first and the third of four left out.
  const result r = run("convert -q --format json --order-status Pending,Cancelled " + four_orders);
  EXPECT_EQ(r.status, 0);
  ASSERT_EQ(numbers(r.out), (list{"1043", "1045"}));
  EXPECT_EQ(r.out.substr(0, 3), "[\n{");
  EXPECT_EQ(r.out.substr(r.out.size() - 4), "}\n]\n");
  EXPECT_EQ(r.out.find("[\n,"), std::string::npos);
  EXPECT_EQ(r.out.find(",\n,"), std::string::npos);
  EXPECT_NE(r.out.find("},\n{\"id\":\"shopify:5938450219337\""), std::string::npos) << r.out;
  const result none = run("convert -q --format json --platform ebay " + four_orders);
  EXPECT_EQ(none.out, "[]\n");
}

TEST(CliFilters, HelpDocumentsTheFilters) {
  const std::string help = run("convert --help").out;
  for (const std::string flag :
       {"--fulfillment-status LIST", "--order-status LIST", "--payment-status LIST",
        "--currency LIST", "--platform LIST", "--created-after TIME, --created-before TIME",
        "--updated-after TIME, --updated-before TIME", "(inclusive)", "(exclusive)",
        "matches no bound"}) {
    EXPECT_NE(help.find(flag), std::string::npos) << flag;
  }
}

// The help lists the spellings by hand: every one the model has, so that a
// status or platform added to the model is not missing there.
template <class Enum>
void expect_help_lists(const std::string& help, const std::string& flag) {
  const std::size_t begin = help.find(flag + " LIST\n");
  ASSERT_NE(begin, std::string::npos) << flag;
  const std::size_t end = help.find("\n  --", begin + 1);
  const std::string section = help.substr(begin, end - begin);
  for (const std::string_view name : ordernorm::enum_names<Enum>::values) {
    EXPECT_NE(section.find(std::string(name)), std::string::npos) << flag << ": " << name;
  }
}

TEST(CliFilters, HelpListsEverySpelling) {
  const std::string help = run("convert --help").out;
  expect_help_lists<ordernorm::fulfillment_status>(help, "--fulfillment-status");
  expect_help_lists<ordernorm::order_status>(help, "--order-status");
  expect_help_lists<ordernorm::payment_status>(help, "--payment-status");
  expect_help_lists<ordernorm::platform>(help, "--platform");
}

// --- CSV ------------------------------------------------------------------

const std::string csv_header =
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
const std::string line_items_header =
    "orderId,lineItemId,productId,variantId,sku,title,quantity,price,unitCost,currency\r\n";

TEST(CliCsv, HeaderRowEvenWithoutOrders) {
  const result r = run("convert --format csv --platform ebay " + four_orders);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, csv_header);
}

TEST(CliCsv, OneRowPerOrderAndLineItemsKeyedById) {
  scratch_dir dir;
  const std::string items = dir / "items.csv";
  const result r = run("convert -q --format csv --line-items " + items + " " + examples +
                       "/shopify-orders.ndjson");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(
      r.out,
      csv_header +
          "shopify:5938450219335,shopify,5938450219335,1043,2026-03-14T21:41:07.000Z,"
          "2026-03-14T21:41:07.000Z,false,,Pending,,Pending,pending,unfulfilled,,EUR,49.90,"
          "7.97,4.90,0.00,J\u00fcrgen,M\u00fcller,,Hauptstra\u00dfe 5,,M\u00fcnchen,,80331,DE,,"
          ",,,,,,,,,,"
          "7364418715974,J\u00fcrgen,M\u00fcller,juergen@example.de,\r\n"
          "shopify:5938450219336,shopify,5938450219336,1044,2026-03-14T23:03:44.000Z,"
          "2026-03-16T01:00:00.000Z,false,,Completed,,Paid,paid,fulfilled,fulfilled,JPY,6800,"
          "618,800,0,,,,,,,,,,,Yui,Sato,,1-2-3 Shibuya,,Shibuya-ku,JP-13,150-0002,JP,,,,,,\r\n"
          "shopify:5938450219337,shopify,5938450219337,1045,2026-03-15T18:12:00.000Z,"
          "2026-03-15T19:30:00.000Z,false,,Cancelled,,Refunded,refunded,unfulfilled,,USD,"
          "19.99,0.00,,0.00,,,,,,,,,,,,,,,,,,,,,7364418748742,Sam,Ortiz,"
          "sam.ortiz@example.com,\r\n");
  EXPECT_EQ(read_file(items),
            line_items_header +
                "shopify:5938450219335,14826731241542,8312754200646,44865412382790,MUG-01,"
                "Stoneware Mug,3,15.00,,EUR\r\n"
                "shopify:5938450219336,14826731274310,8312754233414,44865412415558,TEA-SEN,"
                "Sencha 100g,2,3000,,JPY\r\n"
                "shopify:5938450219337,14826731307078,,,,Gift Card,1,19.99,,USD\r\n");
}

TEST(CliCsv, FiltersApplyToBothTables) {
  scratch_dir dir;
  const std::string items = dir / "items.csv";
  const result r = run("convert --format csv --currency JPY --line-items " + items + " " +
                       examples + "/shopify-orders.ndjson");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "ordernorm: 3 records: 3 converted, 0 rejected, 2 filtered out\n");
  ASSERT_EQ(r.out.substr(0, csv_header.size()), csv_header);
  EXPECT_EQ(r.out.substr(csv_header.size(), 22), "shopify:5938450219336,");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
  EXPECT_EQ(read_file(items), line_items_header +
                                  "shopify:5938450219336,14826731274310,8312754233414,"
                                  "44865412415558,TEA-SEN,Sencha 100g,2,3000,,JPY\r\n");
}

TEST(CliCsv, QuotesCommaQuoteNewlineAndCarriageReturn) {
  scratch_dir dir;
  const std::string input = dir / "hostile.ndjson";
  const std::string items = dir / "items.csv";
  write_text(input,
             R"({"id":9,"order_number":9,"currency":"USD","note":"x",)"
             R"("customer":{"id":5,"first_name":"Ann, \"The\" Ace","last_name":"Line\nBreak",)"
             R"("email":"cr\r@example.com"},"line_items":[{"id":1,"title":"Mug, \"big\"",)"
             R"("sku":"A\r\nB","quantity":1,"price":"2.00"}]})"
             "\n");
  const result r =
      run("convert -q --from shopify --format csv --line-items " + items + " " + input);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, csv_header +
                       "shopify:9,shopify,9,9,,,false,,Active,,Unknown,,unfulfilled,,USD,,,,,"
                       ",,,,,,,,,,"
                       ",,,,,,,,,,"
                       "5,\"Ann, \"\"The\"\" Ace\",\"Line\nBreak\",\"cr\r@example.com\",\r\n");
  EXPECT_EQ(read_file(items),
            line_items_header + "shopify:9,1,,,\"A\r\nB\",\"Mug, \"\"big\"\"\",1,2.00,,USD\r\n");
}

TEST(CliCsv, NullIsAnEmptyFieldNeverTheWordNull) {
  const result r = run("convert -q --format csv " + examples + "/shopify-orders.ndjson");
  EXPECT_EQ(r.out.find("null"), std::string::npos);
  // 1045: isTest null, no shipping total, no addresses: empty fields.
  EXPECT_NE(r.out.find(",false,,Cancelled,,Refunded,refunded,unfulfilled,,USD,19.99,0.00,,0.00,"),
            std::string::npos);
}

TEST(CliCsv, IncompatibleCombinationsAreUsageErrors) {
  scratch_dir dir;
  const std::string items = dir / "items.csv";
  // A copy: an option that took the input for its value must not write over
  // the example.
  const std::string input = dir / "orders.ndjson";
  fs::copy_file(examples + "/shopify-orders.ndjson", input);
  const struct {
    std::string args;
    std::string message;
  } cases[] = {
      {"--format csv --format json", "--format given twice with different formats"},
      {"--format json --format csv", "--format given twice with different formats"},
      {"--line-items " + items, "--line-items needs --format csv"},
      {"--format json --line-items " + items, "--line-items needs --format csv"},
      {"--format tsv", "--format is ndjson, json or csv"},
  };
  for (const auto& c : cases) {
    const result r = run("convert " + c.args + " " + input);
    EXPECT_EQ(r.status, 2) << c.args;
    EXPECT_EQ(r.out, "") << c.args;
    EXPECT_EQ(r.err, "ordernorm: " + c.message + "\nTry 'ordernorm convert --help'.\n") << c.args;
  }
  const result no_file = run("convert --format csv --line-items");
  EXPECT_EQ(no_file.status, 2);
  EXPECT_EQ(no_file.err, "ordernorm: --line-items needs a file\nTry 'ordernorm convert --help'.\n");
  EXPECT_EQ(dir.names(), list{"orders.ndjson"}) << "nothing written";
  // track has neither.
  EXPECT_EQ(run("track --format csv " + input).status, 2);
  EXPECT_EQ(run("track --line-items " + items + " " + input).status, 2);
  // The same format twice is no conflict.
  EXPECT_EQ(run("convert -q --format csv --format csv " + input).status, 0);
}

TEST(CliCsv, LineItemsFileIsCheckedLikeTheOtherOutputs) {
  scratch_dir dir;
  const std::string input = dir / "orders.ndjson";
  fs::copy_file(examples + "/shopify-orders.ndjson", input);
  const std::string out = dir / "orders.csv";
  // Onto an input, onto -o: refused before anything is written.
  for (const std::string& target : {input, out}) {
    const result r =
        run("convert --format csv -o " + out + " --line-items " + target + " " + input);
    EXPECT_EQ(r.status, 2) << target;
    EXPECT_NE(r.err.find("--line-items"), std::string::npos) << r.err;
  }
  EXPECT_EQ(dir.names(), list{"orders.ndjson"});
  // A directory that does not exist: nothing written, -o included.
  const result no_dir = run("convert --format csv -o " + out + " --line-items " +
                            (dir / "no/such/items.csv") + " " + input);
  EXPECT_EQ(no_dir.status, 2);
  EXPECT_EQ(dir.names(), list{"orders.ndjson"});
}

TEST(CliCsv, LineItemsFileWrittenWholeOrNotAtAll) {
  scratch_dir dir;
  const std::string out = dir / "orders.csv";
  const std::string items = dir / "items.csv";
  write_text(out, "yesterday's orders\n");
  write_text(items, "yesterday's items\n");
  // A read error after the first input converted: both files left as they were.
  const result read_error = run("convert --format csv -o " + out + " --line-items " + items + " " +
                                examples + "/shopify-orders.ndjson /proc/self/mem");
  EXPECT_EQ(read_error.status, 2);
  EXPECT_NE(read_error.err.find(items + " left as it was"), std::string::npos) << read_error.err;
  EXPECT_EQ(read_file(out), "yesterday's orders\n");
  EXPECT_EQ(read_file(items), "yesterday's items\n");
  EXPECT_EQ(dir.names(), (list{"items.csv", "orders.csv"})) << "no temporary file left";
  // A write error on -o: the line items are not put in place either.
  const result full = run("convert --format csv -o /dev/full --line-items " + items + " " +
                          examples + "/shopify-orders.ndjson");
  EXPECT_EQ(full.status, 2);
  EXPECT_NE(full.err.find(items + " left as it was"), std::string::npos) << full.err;
  EXPECT_EQ(read_file(items), "yesterday's items\n");
  // And a write error on the line items keeps -o.
  const result items_full = run("convert --format csv -o " + out + " --line-items /dev/full " +
                                examples + "/shopify-orders.ndjson");
  EXPECT_EQ(items_full.status, 2);
  EXPECT_NE(items_full.err.find("cannot write /dev/full"), std::string::npos) << items_full.err;
  EXPECT_EQ(read_file(out), "yesterday's orders\n");
  // A good run replaces both.
  const result good = run("convert -q --format csv -o " + out + " --line-items " + items + " " +
                          examples + "/shopify-orders.ndjson");
  EXPECT_EQ(good.status, 0);
  EXPECT_EQ(read_file(items).substr(0, line_items_header.size()), line_items_header);
  EXPECT_EQ(read_file(out).substr(0, csv_header.size()), csv_header);
  EXPECT_EQ(dir.names(), (list{"items.csv", "orders.csv"}));
}

TEST(CliCsv, HelpDocumentsCsv) {
  const std::string help = run("convert --help").out;
  EXPECT_NE(help.find("[--format ndjson|json|csv]"), std::string::npos);
  EXPECT_NE(help.find("--line-items FILE"), std::string::npos);
  EXPECT_NE(help.find("customer.email"), std::string::npos);
}

// tests/golden_csv/<dir>/<case>.csv (and .line_items.csv): the CSV of
// examples/<case> (dir "examples") or tests/golden/<dir>/<case>.json.
TEST(CliCsv, GoldenFiles) {
  const fs::path root = source_dir / "tests" / "golden_csv";
  std::size_t cases = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".csv") || name.ends_with(".line_items.csv")) continue;
      const std::string stem = name.substr(0, name.size() - 4);
      const std::string source = dir.path().filename().string();
      const fs::path input = source == "examples"
                                 ? source_dir / "examples" / stem
                                 : source_dir / "tests" / "golden" / source / (stem + ".json");
      ASSERT_TRUE(fs::exists(input)) << input;
      scratch_dir scratch;
      const std::string items = scratch / "items.csv";
      const result r =
          run("convert -q --format csv --line-items " + items + " '" + input.string() + "'");
      EXPECT_LE(r.status, 1) << input;
      EXPECT_EQ(r.out, read_file(entry.path())) << entry.path();
      fs::path expected_items = entry.path();
      expected_items.replace_filename(stem + ".line_items.csv");
      EXPECT_EQ(read_file(items), read_file(expected_items)) << expected_items;
      ++cases;
    }
  }
  EXPECT_GE(cases, 11u);
}

}  // namespace
