// The store (issue 17): `ordernorm load --db` and `ordernorm orders --db` on
// SQLite, run as a user runs them, each test in a temporary directory of its
// own. Expectations are written by hand, or are what `convert` printed for
// the same input (the store's promise: the same bytes back).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "generators.hpp"  // bench/
#include "store.hpp"       // src/store/
#include "store_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::testing::count_lines;
using ordernorm::testing::mixed_dump;
using ordernorm::testing::read_file;
using ordernorm::testing::shell_quoted;
using ordernorm::testing::shopify_order;
using ordernorm::testing::start_load;

namespace {

const std::string cli = ORDERNORM_CLI;
const fs::path source_dir = ORDERNORM_SOURCE_DIR;

using run_result = ordernorm::testing::command_result;

// A fresh directory per test, removed after it.
class Store : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("ordernorm_store_test_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
    return path(name);
  }

  // Runs the CLI with `args` (already quoted for the shell).
  run_result run(const std::string& args) const { return ordernorm::testing::run_cli(args); }

  fs::path dir_;
};

// Rows of a query on the database, each column as text ("NULL" for NULL).
std::vector<std::vector<std::string>> query(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::vector<std::vector<std::string>> rows;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db;
    sqlite3_close(h);
    return rows;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(h);
  } else {
    while (sqlite3_step(st) == SQLITE_ROW) {
      auto& row = rows.emplace_back();
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        if (sqlite3_column_type(st, i) == SQLITE_NULL) {
          row.emplace_back("NULL");
        } else {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          row.emplace_back(p, static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
        }
      }
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return rows;
}

std::string one(const std::string& db, const std::string& sql) {
  const auto rows = query(db, sql);
  return rows.size() == 1 && rows[0].size() == 1 ? rows[0][0] : "<not one value>";
}

// Every row of every table, in key order: the database's whole content.
std::string content(const std::string& db) {
  std::string out;
  for (const char* sql :
       {"SELECT * FROM orders ORDER BY row_id", "SELECT * FROM line_items ORDER BY 1, 2",
        "SELECT * FROM shipments ORDER BY 1, 2", "SELECT * FROM scan_events ORDER BY 1, 2, 3"}) {
    for (const auto& row : query(db, sql)) {
      for (const auto& v : row) out += v + "\x1f";
      out += "\n";
    }
    out += "--\n";
  }
  return out;
}

// --- byte identity with convert ----------------------------------------

// Every example and golden input: loaded alone, with one job and with
// several, `orders` prints exactly what `convert` printed.
TEST_F(Store, OrdersPrintsWhatConvertPrintedForEveryExampleAndGoldenInput) {
  const std::vector<fs::path> inputs = ordernorm::testing::example_and_golden_inputs(source_dir);
  ASSERT_GT(inputs.size(), 100u);
  std::size_t orders = 0;
  for (const fs::path& input : inputs) {
    const run_result converted = run("convert -q " + shell_quoted(input.string()));
    for (const char* jobs : {"1", "3"}) {
      fs::remove(path("one.db"));
      const run_result loaded =
          run(std::string("load -q -j ") + jobs + " --db " + shell_quoted(path("one.db")) + " " +
              shell_quoted(input.string()));
      ASSERT_EQ(loaded.status, converted.status) << input << "\n" << loaded.err;
      const run_result listed = run("orders --db " + shell_quoted(path("one.db")));
      ASSERT_EQ(listed.status, 0) << input << listed.err;
      EXPECT_EQ(listed.out, converted.out) << input << " -j " << jobs;
    }
    orders += count_lines(converted.out);
  }
  EXPECT_GT(orders, 100u);
}

// --- the upsert ------------------------------------------------------------

TEST_F(Store, ReloadingTheSameDumpChangesNothing) {
  const std::string dump =
      write("dump.ndjson", shopify_order("1", "2024-01-01T00:00:00Z", "5.00", {"A"}) +
                               shopify_order("2", "2024-01-02T00:00:00Z", "10.00", {"B", "C"}) +
                               shopify_order("3", "", "7.00", {}));
  const std::string db = path("o.db");
  const run_result first = run("load --from shopify --db " + db + " " + dump);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("stored 3 new, 0 replaced, 0 unchanged, 0 older skipped"),
            std::string::npos)
      << first.err;
  const std::string before = content(db);
  const std::string listed = run("orders --db " + db).out;

  const run_result again = run("load --from shopify --db " + db + " " + dump);
  ASSERT_EQ(again.status, 0) << again.err;
  // Order 3 has no remoteUpdatedAt: the last loaded wins, with the same values.
  EXPECT_NE(again.err.find("stored 0 new, 1 replaced, 2 unchanged, 0 older skipped"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(content(db), before);
  EXPECT_EQ(run("orders --db " + db).out, listed);
  EXPECT_EQ(one(db, "SELECT count(*) FROM orders"), "3");
  EXPECT_EQ(one(db, "SELECT count(*) FROM line_items"), "3");
}

TEST_F(Store, NewerRemoteUpdatedAtReplacesTheOrderAndAllItsChildren) {
  const std::string db = path("o.db");
  run("load --from shopify --db " + db + " " +
      write("old.json", shopify_order("1", "2024-01-01T00:00:00Z", "10.00", {"A", "B"},
                                      "maya@example.com", "OLD-TRK")));
  run("load --from shopify --db " + db + " " +
      write("other.json", shopify_order("2", "2024-01-01T00:00:00Z", "1.00", {"Z"})));
  const run_result r = run("load --from shopify --db " + db + " " +
                           write("new.json", shopify_order("1", "2024-03-01T12:00:00Z", "20.00",
                                                           {"C"}, "maya@example.com", "NEW-TRK")));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("stored 0 new, 1 replaced, 0 unchanged, 0 older skipped"), std::string::npos)
      << r.err;
  // The order keeps its row (its place in the listing); its values and every
  // child are the new ones, and nothing of the old children is left.
  EXPECT_EQ(
      query(db, "SELECT row_id, total_price, remote_updated_at FROM orders WHERE id = 'shopify:1'"),
      (std::vector<std::vector<std::string>>{{"1", "20.00", "2024-03-01T12:00:00.000Z"}}));
  EXPECT_EQ(query(db, "SELECT ordinal, sku FROM line_items WHERE order_row = 1"),
            (std::vector<std::vector<std::string>>{{"0", "C"}}));
  EXPECT_EQ(query(db, "SELECT tracking_code FROM shipments WHERE order_row = 1"),
            (std::vector<std::vector<std::string>>{{"NEW-TRK"}}));
  EXPECT_EQ(one(db, "SELECT count(*) FROM line_items"), "2");  // C, and order 2's Z
  const run_result listed = run("orders --db " + db);
  EXPECT_EQ(count_lines(listed.out), 2u);
  EXPECT_EQ(listed.out.find("\"id\":\"shopify:1\""), 1u) << "still listed first";
  EXPECT_NE(listed.out.find("\"totalPrice\":\"20.00\""), std::string::npos);
  EXPECT_EQ(run("orders --db " + db + " --tracking-code OLD-TRK").status, 1);
}

TEST_F(Store, OlderRemoteUpdatedAtIsSkippedAndCounted) {
  const std::string db = path("o.db");
  run("load --from shopify --db " + db + " " +
      write("new.json", shopify_order("1", "2024-03-01T00:00:00Z", "20.00", {"C"})));
  const std::string before = content(db);
  const run_result r =
      run("load --from shopify --db " + db + " " +
          write("old.ndjson", shopify_order("1", "2024-01-01T00:00:00Z", "10.00", {"A", "B"}) +
                                  shopify_order("1", "", "11.00", {"A"})));
  ASSERT_EQ(r.status, 0) << r.err;
  // Older, and without a remoteUpdatedAt (older than any time): both skipped.
  EXPECT_NE(r.err.find("stored 0 new, 0 replaced, 0 unchanged, 2 older skipped"), std::string::npos)
      << r.err;
  EXPECT_EQ(content(db), before);
  EXPECT_EQ(one(db, "SELECT total_price FROM orders"), "20.00");
}

TEST_F(Store, SameRemoteUpdatedAtIsLeftUnchanged) {
  const std::string db = path("o.db");
  run("load --from shopify --db " + db + " " +
      write("a.json", shopify_order("1", "2024-03-01T00:00:00Z", "20.00", {"C"})));
  const run_result r =
      run("load --from shopify --db " + db + " " +
          write("b.json", shopify_order("1", "2024-03-01T00:00:00Z", "99.00", {"D"})));
  EXPECT_NE(r.err.find("stored 0 new, 0 replaced, 1 unchanged, 0 older skipped"), std::string::npos)
      << r.err;
  EXPECT_EQ(one(db, "SELECT total_price FROM orders"), "20.00");
}

TEST_F(Store, MoneyAndTimestampsAreStoredAsExactText) {
  const std::string db = path("o.db");
  run("load --db " + db + " " +
      shell_quoted((source_dir / "examples" / "shopify-order.json").string()));
  EXPECT_EQ(query(db,
                  "SELECT typeof(total_price), total_price, typeof(remote_updated_at), "
                  "remote_updated_at, platform, payment_status, payment_status_raw FROM orders"),
            (std::vector<std::vector<std::string>>{
                {"text", "87.45", "text", "2026-03-15T20:02:11.000Z", "shopify", "Paid", "paid"}}));
  EXPECT_EQ(query(db, "SELECT price, quantity FROM line_items ORDER BY ordinal"),
            (std::vector<std::vector<std::string>>{{"24.00", "2"}, {"36.00", "1"}}));
  EXPECT_EQ(one(db, "SELECT billing_address_city FROM orders"), "Toronto");
}

// --- hostile values -----------------------------------------------------------

TEST_F(Store, HostileValuesAreBoundAndReadBackByteIdentical) {
  const std::string injection = "'); DROP TABLE orders; --";
  // JSON-escaped in the input; what the store must hold is the unescaped text.
  const std::string sku_json =
      "\\\"quoted\\\" 'single' ; semi; " + injection + " \\u0001\\u001f\\t\\n\\r end";
  const std::string sku = "\"quoted\" 'single' ; semi; " + injection + " \x01\x1f\t\n\r end";
  const std::string huge(16u << 20, 'x');  // 16 MiB
  std::string order =
      "{\"id\":1,\"order_number\":\"1\",\"updated_at\":\"2024-01-01T00:00:00Z\",\"currency\":"
      "\"USD\","
      "\"customer\":{\"id\":7,\"email\":\"" +
      injection +
      "\",\"first_name\":\"Robert'); DROP TABLE "
      "line_items;--\"},\"billing_address\":{\"address1\":\"" +
      sku_json + "\",\"city\":\"" + huge + "\"},\"line_items\":[{\"id\":1,\"sku\":\"" + sku_json +
      "\",\"title\":\"" + huge + "y\",\"quantity\":1,\"price\":\"1.00\"}]}";
  const std::string input = write("hostile.json", order);
  const std::string db = path("o.db");
  const run_result converted = run("convert --from shopify --max-string-bytes 64M " + input);
  ASSERT_EQ(converted.status, 0) << converted.err;
  const run_result loaded =
      run("load --from shopify --max-string-bytes 64M --db " + db + " " + input);
  ASSERT_EQ(loaded.status, 0) << loaded.err;
  EXPECT_EQ(one(db, "SELECT sku FROM line_items"), sku);
  EXPECT_EQ(one(db, "SELECT length(title) FROM line_items"), std::to_string(huge.size() + 1));
  EXPECT_EQ(one(db, "SELECT title = '" + huge + "y' FROM line_items"), "1");
  EXPECT_EQ(one(db, "SELECT customer_email FROM orders"), injection);
  EXPECT_EQ(one(db, "SELECT billing_address_address1 FROM orders"), sku);
  const run_result listed = run("orders --db " + db);
  EXPECT_EQ(listed.status, 0) << listed.err;
  EXPECT_TRUE(listed.out == converted.out) << "orders differs from convert";
  // Hostile lookups are values too: they match nothing and drop nothing.
  EXPECT_EQ(run("orders --db " + db + " --id " + shell_quoted(injection)).status, 1);
  EXPECT_EQ(run("orders --db " + db + " --tracking-code " + shell_quoted("x' OR '1'='1")).status,
            1);
  EXPECT_EQ(
      run("orders --db " + db + " --number 1 --customer-email " + shell_quoted(injection)).out,
      converted.out);
  EXPECT_EQ(one(db, "SELECT count(*) FROM orders"), "1");
  EXPECT_EQ(one(db, "SELECT count(*) FROM line_items"), "1");
}

// SQLite text holds a NUL character (\u0000), bound with its length: the
// order is stored and read back as convert printed it (PostgreSQL refuses
// it: store_postgres_test).
TEST_F(Store, ANulCharacterIsStoredAndReadBackByteIdentical) {
  const std::string dump = write(
      "dump.ndjson",
      shopify_order("1", "2024-01-01T00:00:00Z", "5.00", {"A\\u0000B"}, "x\\u0000y@example.com"));
  const std::string db = path("o.db");
  const run_result loaded = run("load --from shopify --db " + db + " " + dump);
  ASSERT_EQ(loaded.status, 0) << loaded.err;
  EXPECT_EQ(one(db, "SELECT hex(sku) FROM line_items"), "410042");
  const std::string converted = run("convert -q --from shopify " + dump).out;
  ASSERT_NE(converted.find("A\\u0000B"), std::string::npos) << converted;
  EXPECT_TRUE(run("orders --db " + db).out == converted);
}

// --- lookups -----------------------------------------------------------------

class StoreLookups : public Store {
 protected:
  void SetUp() override {
    Store::SetUp();
    db_ = path("o.db");
    const std::string shopify =
        write("shopify.ndjson", shopify_order("1001", "2024-01-01T00:00:00Z", "5.00", {"A"},
                                              "maya@example.com", "1Z-MAYA") +
                                    shopify_order("1002", "2024-01-01T00:00:00Z", "6.00", {"B"},
                                                  "sam@example.com", "1Z-SAM"));
    const std::string woo = write(
        "woo.json",
        R"({"id":1001,"number":"1001","date_modified_gmt":"2024-01-01T00:00:00","currency":"USD","total":"5.00","line_items":[]})");
    ASSERT_EQ(run("load --from shopify --db " + db_ + " " + shopify).status, 0);
    ASSERT_EQ(run("load --from woocommerce --db " + db_ + " " + woo).status, 0);
  }
  std::vector<std::string> ids(const std::string& out) const {
    std::vector<std::string> found;
    static const std::regex id("^\\{\"id\":\"([^\"]+)\"");
    std::size_t begin = 0;
    while (begin < out.size()) {
      const std::size_t end = out.find('\n', begin);
      std::smatch m;
      const std::string line = out.substr(begin, end - begin);
      if (std::regex_search(line, m, id)) found.push_back(m[1]);
      begin = end == std::string::npos ? out.size() : end + 1;
    }
    return found;
  }
  std::string db_;
};

// Each lookup is answered from an index: the plan SQLite makes for the
// conditions the store builds (where_conditions) searches orders or
// shipments USING an index for every one of them, after a load into an empty
// store (which builds the lookup indexes at its end).
TEST_F(StoreLookups, EachLookupIsAnsweredFromAnIndex) {
  auto plan = [&](const ordernorm::store::order_query& q) {
    std::string sql = "EXPLAIN QUERY PLAN SELECT * FROM orders";
    const auto conditions = ordernorm::store::where_conditions(q);
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      sql += (i == 0 ? " WHERE " : " AND ") + conditions[i].sql;
    }
    std::string details;
    for (const auto& row : query(db_, sql)) details += row.back() + "\n";
    return details;
  };
  ordernorm::store::order_query by_id;
  by_id.id = "shopify:1001";
  EXPECT_NE(plan(by_id).find("SEARCH orders USING INDEX orders_by_remote_id"), std::string::npos)
      << plan(by_id);
  ordernorm::store::order_query by_alternate_id;
  by_alternate_id.alternate_id = "1001";
  EXPECT_NE(plan(by_alternate_id).find("SEARCH orders USING INDEX orders_by_remote_id"),
            std::string::npos)
      << plan(by_alternate_id);
  ordernorm::store::order_query by_tracking_code;
  by_tracking_code.tracking_code = "1Z-MAYA";
  EXPECT_NE(plan(by_tracking_code).find("SEARCH shipments USING INDEX shipments_by_tracking_code"),
            std::string::npos)
      << plan(by_tracking_code);
  ordernorm::store::order_query by_number;
  by_number.number = "1001";
  by_number.customer_email = "maya@example.com";
  EXPECT_NE(plan(by_number).find("SEARCH orders USING INDEX orders_by_number"), std::string::npos)
      << plan(by_number);
}

TEST_F(StoreLookups, EveryOrderWithoutALookupInLoadOrder) {
  const run_result r = run("orders --db " + db_);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(ids(r.out),
            (std::vector<std::string>{"shopify:1001", "shopify:1002", "woocommerce:1001"}));
}

TEST_F(StoreLookups, ById) {
  const run_result r = run("orders --db " + db_ + " --id shopify:1002");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(ids(r.out), (std::vector<std::string>{"shopify:1002"}));
  EXPECT_EQ(run("orders --db " + db_ + " --id shopify:9999").status, 1);
}

TEST_F(StoreLookups, ByAlternateIdWithPlatform) {
  EXPECT_EQ(ids(run("orders --db " + db_ + " --alternate-id 1001 --platform woocommerce").out),
            (std::vector<std::string>{"woocommerce:1001"}));
  EXPECT_EQ(ids(run("orders --db " + db_ + " --alternate-id 1002").out),
            (std::vector<std::string>{"shopify:1002"}));
}

TEST_F(StoreLookups, AmbiguousAlternateIdWithoutPlatformIsAnErrorNamingThePlatforms) {
  const run_result r = run("orders --db " + db_ + " --alternate-id 1001");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("several platforms (shopify, woocommerce): give --platform"),
            std::string::npos)
      << r.err;
}

TEST_F(StoreLookups, ByTrackingCode) {
  EXPECT_EQ(ids(run("orders --db " + db_ + " --tracking-code 1Z-SAM").out),
            (std::vector<std::string>{"shopify:1002"}));
  EXPECT_EQ(run("orders --db " + db_ + " --tracking-code 1Z-NOBODY").status, 1);
}

TEST_F(StoreLookups, ByNumberAndCustomerEmail) {
  EXPECT_EQ(ids(run("orders --db " + db_ + " --number 1001 --customer-email maya@example.com").out),
            (std::vector<std::string>{"shopify:1001"}));
  EXPECT_EQ(run("orders --db " + db_ + " --number 1001 --customer-email sam@example.com").status,
            1);
}

TEST_F(StoreLookups, NumberWithoutCustomerEmailIsAUsageError) {
  for (const char* args : {" --number 1001", " --customer-email maya@example.com"}) {
    const run_result r = run("orders --db " + db_ + args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_NE(r.err.find("--number and --customer-email go together"), std::string::npos) << r.err;
  }
}

TEST_F(StoreLookups, FiltersCombineWithLookups) {
  EXPECT_EQ(ids(run("orders --db " + db_ + " --platform woocommerce").out),
            (std::vector<std::string>{"woocommerce:1001"}));
  EXPECT_EQ(ids(run("orders --db " + db_ + " --currency usd --alternate-id 1002").out),
            (std::vector<std::string>{"shopify:1002"}));
  EXPECT_EQ(ids(run("orders --db " + db_ + " --updated-before 2024-01-01T00:00:00Z").out),
            (std::vector<std::string>{}));
  EXPECT_EQ(ids(run("orders --db " + db_ + " --updated-after 2024-01-01T00:00:00Z").out).size(),
            3u);
  const run_result two =
      run("orders --db " + db_ + " --platform shopify,woocommerce --alternate-id 1001");
  EXPECT_EQ(two.status, 2);
  EXPECT_NE(two.err.find("(shopify, woocommerce): give --platform"), std::string::npos) << two.err;
  EXPECT_EQ(ids(run("orders --db " + db_ + " --platform shopify,ebay --alternate-id 1001").out),
            (std::vector<std::string>{"shopify:1001"}));
  const run_result typo = run("orders --db " + db_ + " --order-status Pendng");
  EXPECT_EQ(typo.status, 2);
  EXPECT_NE(typo.err.find("Pending"), std::string::npos) << typo.err;
}

TEST_F(StoreLookups, LimitAndAfterPageThroughEveryOrderOnce) {
  const run_result first = run("orders --db " + db_ + " --limit 2");
  EXPECT_EQ(first.status, 0);
  EXPECT_EQ(ids(first.out), (std::vector<std::string>{"shopify:1001", "shopify:1002"}));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first.err, m, std::regex("ordernorm: next page: --after (\\S+)\n")))
      << first.err;
  const run_result second = run("orders --db " + db_ + " --limit 2 --after " + m[1].str());
  EXPECT_EQ(ids(second.out), (std::vector<std::string>{"woocommerce:1001"}));
  EXPECT_EQ(second.err.find("next page"), std::string::npos) << "no more pages";
  EXPECT_EQ(first.out + second.out, run("orders --db " + db_).out);
  // A page that ends exactly at the last order says nothing more remains.
  EXPECT_EQ(run("orders --db " + db_ + " --limit 3").err.find("next page"), std::string::npos);
  EXPECT_EQ(run("orders --db " + db_ + " --after bogus").status, 2);
}

// --- versions, URLs, passwords ----------------------------------------------

TEST_F(Store, DatabaseOfAnotherSchemaVersionIsRefused) {
  const std::string db = path("o.db");
  const std::string input =
      write("a.json", shopify_order("1", "2024-01-01T00:00:00Z", "1.00", {"A"}));
  ASSERT_EQ(run("load --from shopify --db " + db + " " + input).status, 0);
  query(db, "PRAGMA user_version = 99");
  for (const std::string& command :
       {"load --from shopify --db " + db + " " + input, "orders --db " + db}) {
    const run_result r = run(command);
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_NE(
        r.err.find("made with store schema version 99; this ordernorm uses version " +
                   std::to_string(ordernorm::store::schema_version) + " and does not migrate"),
        std::string::npos)
        << r.err;
  }
  EXPECT_EQ(one(db, "SELECT count(*) FROM orders"), "1") << "left as it was";

  // The same version number with other tables (a model changed without a
  // version bump) is refused too.
  query(db, "PRAGMA user_version = " + std::to_string(ordernorm::store::schema_version));
  query(db, "ALTER TABLE line_items ADD COLUMN extra TEXT");
  const run_result altered = run("orders --db " + db);
  EXPECT_EQ(altered.status, 2);
  EXPECT_NE(altered.err.find("table line_items is not the one"), std::string::npos) << altered.err;

  // Someone else's SQLite database.
  const std::string other = path("other.db");
  sqlite3* h = nullptr;
  sqlite3_open(other.c_str(), &h);
  sqlite3_exec(h, "CREATE TABLE notes (body TEXT)", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  const run_result foreign = run("load --from shopify --db " + other + " " + input);
  EXPECT_EQ(foreign.status, 2);
  EXPECT_NE(foreign.err.find("(not an ordernorm database)"), std::string::npos) << foreign.err;
  EXPECT_EQ(one(other, "PRAGMA journal_mode"), "delete") << "someone else's database untouched";
  EXPECT_EQ(one(other, "SELECT group_concat(name) FROM sqlite_master"), "notes");
  EXPECT_EQ(run("orders --db " + path("missing.db")).status, 2);
}

// The tables are generated from the model: a member added to the model
// changes them, and a database of the old shape must then be refused by
// its version, not by a mismatch found later. This pins the generated
// statements to the version: when it fails, raise
// ordernorm::store::schema_version (src/store/store.hpp) and record the
// statements' new hash and the new version here.
TEST_F(Store, SchemaVersionIsRaisedWhenTheGeneratedTablesChange) {
  const std::uint64_t hash =
      ordernorm::testing::statements_hash(ordernorm::store::sqlite_schema_statements());
  EXPECT_EQ(std::make_pair(hash, ordernorm::store::schema_version),
            std::make_pair(std::uint64_t{4583799721295944816u}, 2))
      << hash;
  // What the shape is, by hand: children keyed by their parent's key and
  // their ordinal; sub-objects flattened with a presence flag; no REAL.
  const auto statements = ordernorm::store::sqlite_schema_statements();
  ASSERT_GE(statements.size(), 4u);
  EXPECT_TRUE(statements[3].starts_with(
      "CREATE TABLE \"scan_events\" (\"order_row\" INTEGER NOT NULL, \"shipment_ordinal\" "
      "INTEGER NOT NULL, \"ordinal\" INTEGER NOT NULL, \"scanned_at\" TEXT, \"status\" TEXT "
      "NOT NULL"))
      << statements[3];
  EXPECT_NE(
      statements[0].find(", \"has_customer\" INTEGER NOT NULL, \"customer_customer_id\" TEXT"),
      std::string::npos);
  for (const std::string& statement : statements) {
    EXPECT_EQ(statement.find("REAL"), std::string::npos) << statement;
  }
}

TEST_F(Store, PasswordsAreRedactedFromUrls) {
  using ordernorm::store::redact_url;
  EXPECT_EQ(redact_url("postgresql://alice:s3cret@db.example.com:5432/orders"),
            "postgresql://alice:***@db.example.com:5432/orders");
  EXPECT_EQ(redact_url("postgres://alice:p@ss:w0rd@db/orders"), "postgres://alice:***@db/orders");
  EXPECT_EQ(redact_url("postgresql://alice@db/orders"), "postgresql://alice@db/orders");
  EXPECT_EQ(redact_url("postgresql://db/orders?user=alice&password=s3cret&sslmode=require"),
            "postgresql://db/orders?user=alice&password=***&sslmode=require");
  EXPECT_EQ(redact_url("host=db user=alice PASSWORD = 's3 cr\\'et' dbname=orders"),
            "host=db user=alice PASSWORD = *** dbname=orders");
  EXPECT_EQ(redact_url("sqlite:/tmp/orders.db"), "sqlite:/tmp/orders.db");

  // The connections go to a socket directory that does not exist: refused
  // without any packet sent (a server on localhost:5432 must not answer).
  for (const std::string& command :
       {std::string("load --db 'postgresql://alice:s3cret@localhost/orders?host=/nonexistent' -"),
        std::string("orders --db "
                    "'postgres://alice:s3cret@localhost/orders?password=s3cret&host=/nonexistent'"),
        std::string("load --db 'mysql://alice:s3cret@localhost/orders' -")}) {
    const run_result r = run(command + " </dev/null");
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("alice:***@localhost"), std::string::npos) << r.err;
  }
}

TEST_F(Store, BatchNeedsAPositiveNumberOfOrders) {
  const std::string db = path("o.db");
  for (const char* bad : {"0", "-1", "many", ""}) {
    const run_result r = run("load --batch '" + std::string(bad) + "' --db " + db + " /dev/null");
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--batch needs a number of orders, 1 or more"), std::string::npos)
        << r.err;
  }
  EXPECT_FALSE(fs::exists(db)) << "a usage error opens no database";
  // Every batch size stores the same orders.
  const std::string dump = write("dump.ndjson", mixed_dump(50));
  ASSERT_EQ(run("load -q --batch 1 --db " + path("one.db") + " " + dump).status, 0);
  ASSERT_EQ(run("load -q --batch 7 --db " + path("seven.db") + " " + dump).status, 0);
  const std::string expected = run("convert -q " + dump).out;
  EXPECT_EQ(run("orders --db " + path("one.db")).out, expected);
  EXPECT_EQ(run("orders --db " + path("seven.db")).out, expected);
}

TEST_F(Store, LoadNeedsDbAndRefusesOutputOptions) {
  EXPECT_EQ(run("load -").status, 2);
  EXPECT_NE(run("load --db " + path("o.db") + " -o x -").err.find("not an option of load"),
            std::string::npos);
  EXPECT_EQ(run("orders").status, 2);
  EXPECT_EQ(run("orders --db " + path("o.db") + " --platform nowhere").status, 2);
}

// convert's filter flags work on load: what they leave out is not stored.
TEST_F(Store, LoadStoresOnlyWhatConvertsFilterKeeps) {
  const std::string input =
      write("two.ndjson", shopify_order("1", "2024-01-01T00:00:00Z", "1.00", {"A"}) +
                              shopify_order("2", "2024-05-01T00:00:00Z", "2.00", {"B"}));
  const run_result r = run("load --from shopify --updated-after 2024-03-01T00:00:00Z --db " +
                           path("o.db") + " " + input);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("2 records: 2 converted, 0 rejected, 1 filtered out; stored 1 new"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(one(path("o.db"), "SELECT group_concat(id) FROM orders"), "shopify:2");
  EXPECT_EQ(run("load --db " + path("o.db") + " --line-items x.csv -").status, 2);
}

// Rejects and exit codes as for convert.
TEST_F(Store, LoadReportsRejectsAsConvertDoes) {
  const std::string input = (source_dir / "examples" / "shopify-with-bad-record.ndjson").string();
  const run_result converted =
      run("convert --rejects " + path("c.rejects") + " " + shell_quoted(input));
  const run_result loaded = run("load --db " + path("o.db") + " --rejects " + path("l.rejects") +
                                " " + shell_quoted(input));
  EXPECT_EQ(converted.status, 1);
  EXPECT_EQ(loaded.status, 1);
  EXPECT_EQ(read_file(path("l.rejects")), read_file(path("c.rejects")));
  EXPECT_EQ(run("orders --db " + path("o.db")).out, converted.out);
}

// --- crash safety ------------------------------------------------------------

// A mixed dump from the benchmarks' generators (every platform in turn).
// orders with convert's filter flags prints what convert with the same
// flags printed, on a generated dump of every platform.
TEST_F(Store, FilteredOrdersAreWhatConvertFilteredPrinted) {
  const std::string dump = write("dump.ndjson", mixed_dump(1500));
  const std::string db = path("o.db");
  ASSERT_EQ(run("load -q --db " + db + " " + dump).status, 0);
  std::size_t matched = 0;
  for (const char* filter :
       {"--fulfillment-status fulfilled,partial", "--order-status Cancelled,Completed",
        "--payment-status Paid --currency eur,USD", "--platform magento,ebay",
        "--created-after 2024-03-01T00:00:00Z --created-before 2024-09-01T00:00:00+02:00",
        "--updated-after 2024-06-01T00:00:00Z", "--updated-before 2024-06-01T00:00:00Z"}) {
    const run_result converted = run(std::string("convert -q ") + filter + " " + dump);
    const run_result listed = run("orders --db " + db + " " + filter);
    ASSERT_EQ(listed.status, 0) << filter << listed.err;
    EXPECT_TRUE(listed.out == converted.out)
        << filter << ": " << count_lines(listed.out) << " vs " << count_lines(converted.out);
    matched += count_lines(converted.out);
  }
  EXPECT_GT(matched, 100u);
}

// SIGKILL a load at seeded random moments (fractions of a clean load's
// time), each on a new database: each time the database is consistent and
// holds a prefix of the clean load's orders, whole; then re-running the
// same load completes it, to exactly what a clean load holds.
TEST_F(Store, KilledLoadLeavesTheDatabaseConsistentAndARerunCompletesIt) {
  const std::string dump = write("dump.ndjson", mixed_dump(10000));
  const std::string clean = path("clean.db");
  const auto began = std::chrono::steady_clock::now();
  ASSERT_EQ(run("load -q --db " + clean + " " + dump).status, 0);
  const auto took = std::chrono::steady_clock::now() - began;
  const std::string expected = run("orders --db " + clean).out;
  const std::string expected_content = content(clean);
  ASSERT_GT(count_lines(expected), 9000u);

  std::mt19937 rng(17);
  std::uniform_real_distribution<double> at(0.05, 0.95);
  std::size_t partial = 0;
  for (int kill = 0; kill < 5; ++kill) {
    const std::string db = path("killed" + std::to_string(kill) + ".db");
    const pid_t pid = start_load(db, dump);
    std::this_thread::sleep_for(
        std::chrono::duration_cast<std::chrono::microseconds>(took * at(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (fs::exists(db)) {
      EXPECT_EQ(one(db, "PRAGMA integrity_check"), "ok") << "kill " << kill;
      EXPECT_TRUE(query(db, "PRAGMA foreign_key_check").empty()) << "kill " << kill;
      const run_result listed = run("orders --db " + db);
      ASSERT_EQ(listed.status, 0) << listed.err;
      EXPECT_EQ(expected.compare(0, listed.out.size(), listed.out), 0)
          << "kill " << kill << ": not a prefix of whole orders";
      if (listed.out.size() < expected.size()) ++partial;
    }
    const run_result rerun = run("load --db " + db + " " + dump);
    ASSERT_EQ(rerun.status, 0) << rerun.err;
    EXPECT_EQ(run("orders --db " + db).out, expected) << "kill " << kill;
    EXPECT_EQ(content(db), expected_content) << "kill " << kill;
    // A first load killed before its end had not built the lookup indexes
    // yet; the rerun has.
    EXPECT_EQ(one(db,
                  "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE "
                  "type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)"),
              "orders_by_number orders_by_remote_id shipments_by_tracking_code")
        << "kill " << kill;
  }
  EXPECT_GT(partial, 0u) << "no kill landed before the load's end";
}

// README's three-line example runs as written (the CLI and the examples
// where the README has them) and `orders` prints the line `convert` printed.
TEST_F(Store, ReadmeExampleRunsAsWritten) {
  const std::string readme = read_file(source_dir / "README.md");
  const std::size_t section = readme.find("### Into a database: `load` and `orders`");
  ASSERT_NE(section, std::string::npos);
  const std::size_t begin = readme.find("```sh\n", section) + 6;
  const std::string block = readme.substr(begin, readme.find("```", begin) - begin);
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < block.size();) {
    const std::size_t end = block.find('\n', at);
    lines.push_back(block.substr(at, end - at));
    at = end + 1;
  }
  ASSERT_EQ(lines.size(), 3u) << block;
  std::string script = "cd " + shell_quoted(dir_.string());
  for (std::string line : lines) {
    line = std::regex_replace(line, std::regex("\\./build/src/ordernorm"), cli);
    line =
        std::regex_replace(line, std::regex("examples/"), (source_dir / "examples").string() + "/");
    script += " && " + line;
  }
  std::FILE* pipe = ::popen((script + " 2>/dev/null").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  EXPECT_EQ(::pclose(pipe), 0) << script;
  const std::string converted = read_file(dir_ / "orders.ndjson");
  ASSERT_EQ(count_lines(converted), 3u);
  EXPECT_EQ(
      out, converted.substr(converted.find('\n') + 1,
                            converted.find('\n', converted.find('\n') + 1) - converted.find('\n')));
}

}  // namespace
