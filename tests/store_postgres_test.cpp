// The store on PostgreSQL (issue 17): `ordernorm load --db postgresql://...`
// and `ordernorm orders --db postgresql://...` against the fixture's real
// PostgreSQL 15, run as a user runs them, each test in a database of its
// own (created on the throwaway cluster, dropped after). The same promises
// as store_test.cpp makes for SQLite: `orders` prints what `convert`
// printed, the upsert rule, hostile values, lookups and paging, filters,
// versions, passwords, and a killed load that a re-run completes.
// Expectations are written by hand, or are what `convert` printed.
#include <libpq-fe.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "generators.hpp"  // bench/
#include "postgres_support.hpp"
#include "store.hpp"  // src/store/
#include "store_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::testing::count_lines;
using ordernorm::testing::mixed_dump;
using ordernorm::testing::postgres_password;
using ordernorm::testing::postgres_url;
using ordernorm::testing::read_file;
using ordernorm::testing::shell_quoted;
using ordernorm::testing::shopify_order;
using ordernorm::testing::start_load;

namespace {

const fs::path source_dir = ORDERNORM_SOURCE_DIR;

using run_result = ordernorm::testing::command_result;

struct conn_deleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using conn_ptr = std::unique_ptr<PGconn, conn_deleter>;
struct result_deleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using result_ptr = std::unique_ptr<PGresult, result_deleter>;

// Rows of a statement on the database at `url`, each column as text
// ("NULL" for NULL).
std::vector<std::vector<std::string>> query(const std::string& url, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  const conn_ptr c(PQconnectdb(url.c_str()));
  if (PQstatus(c.get()) != CONNECTION_OK) {
    ADD_FAILURE() << "cannot connect: " << PQerrorMessage(c.get());
    return rows;
  }
  const result_ptr r(PQexec(c.get(), sql.c_str()));
  const ExecStatusType st = PQresultStatus(r.get());
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    ADD_FAILURE() << sql.substr(0, 200) << ": " << PQerrorMessage(c.get());
    return rows;
  }
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    auto& row = rows.emplace_back();
    for (int j = 0; j < PQnfields(r.get()); ++j) {
      row.push_back(PQgetisnull(r.get(), i, j)
                        ? std::string("NULL")
                        : std::string(PQgetvalue(r.get(), i, j),
                                      static_cast<std::size_t>(PQgetlength(r.get(), i, j))));
    }
  }
  return rows;
}

std::string one(const std::string& url, const std::string& sql) {
  const auto rows = query(url, sql);
  return rows.size() == 1 && rows[0].size() == 1 ? rows[0][0] : "<not one value>";
}

// Every row of every table in key order: the database's whole content.
// Without row ids (`by_id`), children named by their order's id instead:
// a killed load's identity values are used up, so row ids differ from a
// clean load's while their order does not.
std::string content(const std::string& url, bool by_id = false) {
  std::string out;
  const std::vector<std::string> with_rows = {
      "SELECT * FROM orders ORDER BY row_id", "SELECT * FROM line_items ORDER BY 1, 2",
      "SELECT * FROM shipments ORDER BY 1, 2", "SELECT * FROM scan_events ORDER BY 1, 2, 3"};
  const std::vector<std::string> without_rows = {
      "SELECT to_jsonb(t) - 'row_id' FROM orders t ORDER BY row_id",
      "SELECT o.id, to_jsonb(t) - 'order_row' FROM line_items t JOIN orders o ON o.row_id = "
      "t.order_row ORDER BY o.row_id, t.ordinal",
      "SELECT o.id, to_jsonb(t) - 'order_row' FROM shipments t JOIN orders o ON o.row_id = "
      "t.order_row ORDER BY o.row_id, t.ordinal",
      "SELECT o.id, to_jsonb(t) - 'order_row' FROM scan_events t JOIN orders o ON o.row_id = "
      "t.order_row ORDER BY o.row_id, t.shipment_ordinal, t.ordinal"};
  for (const std::string& sql : by_id ? without_rows : with_rows) {
    for (const auto& row : query(url, sql)) {
      for (const auto& v : row) out += v + "\x1f";
      out += "\n";
    }
    out += "--\n";
  }
  return out;
}

// A fresh directory and a fresh database per test, both removed after it.
class PgStore : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    dir_ = fs::temp_directory_path() /
           ("ordernorm_pgstore_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    admin_url_ = postgres_url();
    ASSERT_FALSE(admin_url_.empty());
    db_name_ = "t_";
    for (const char c : name) {
      db_name_ += std::isalnum(static_cast<unsigned char>(c)) != 0
                      ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                      : '_';
    }
    db_name_ = db_name_.substr(0, 50) + "_" + std::to_string(::getpid());
    query(admin_url_, "DROP DATABASE IF EXISTS \"" + db_name_ + "\" WITH (FORCE)");
    query(admin_url_, "CREATE DATABASE \"" + db_name_ + "\"");
    const std::size_t at = admin_url_.find("/ordernorm?");
    ASSERT_NE(at, std::string::npos) << "the fixture's URL names the database ordernorm";
    url_ = admin_url_.substr(0, at) + "/" + db_name_ + admin_url_.substr(at + 10);
  }
  void TearDown() override {
    if (!db_name_.empty()) {
      query(admin_url_, "DROP DATABASE IF EXISTS \"" + db_name_ + "\" WITH (FORCE)");
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // An empty database again (for a test that loads many times afresh).
  void reset() {
    query(url_, "DROP SCHEMA public CASCADE");
    query(url_, "CREATE SCHEMA public");
  }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
    return path(name);
  }

  // Runs the CLI with `args` (already quoted for the shell); the password
  // must never reach its output or its messages.
  run_result run(const std::string& args) const {
    const run_result r = ordernorm::testing::run_cli(args);
    const std::string password = postgres_password();
    EXPECT_EQ(r.err.find(password), std::string::npos) << "the password in a message: " << args;
    EXPECT_EQ(r.out.find(password), std::string::npos) << "the password in the output: " << args;
    return r;
  }

  std::string db() const { return shell_quoted(url_); }

  fs::path dir_;
  std::string admin_url_;
  std::string db_name_;
  std::string url_;
};

// --- byte identity with convert ----------------------------------------

TEST_F(PgStore, OrdersPrintsWhatConvertPrintedForEveryExampleAndGoldenInput) {
  const std::vector<fs::path> inputs = ordernorm::testing::example_and_golden_inputs(source_dir);
  ASSERT_GT(inputs.size(), 100u);
  std::size_t orders = 0;
  for (const fs::path& input : inputs) {
    const run_result converted = run("convert -q " + shell_quoted(input.string()));
    for (const char* jobs : {"1", "3"}) {
      reset();
      const run_result loaded = run(std::string("load -q -j ") + jobs + " --db " + db() + " " +
                                    shell_quoted(input.string()));
      ASSERT_EQ(loaded.status, converted.status) << input << "\n" << loaded.err;
      const run_result listed = run("orders --db " + db());
      ASSERT_EQ(listed.status, 0) << input << listed.err;
      EXPECT_EQ(listed.out, converted.out) << input << " -j " << jobs;
    }
    orders += count_lines(converted.out);
  }
  EXPECT_GT(orders, 100u);
}

// --- types ---------------------------------------------------------------

TEST_F(PgStore, MoneyIsNumericKeepingItsScaleAndTimestampsAreTextAsWritten) {
  ASSERT_EQ(run("load --db " + db() + " " +
                shell_quoted((source_dir / "examples" / "shopify-order.json").string()))
                .status,
            0);
  EXPECT_EQ(
      query(url_,
            "SELECT pg_typeof(total_price)::text, total_price, "
            "pg_typeof(remote_updated_at)::text, remote_updated_at, platform, "
            "payment_status, payment_status_raw FROM orders"),
      (std::vector<std::vector<std::string>>{
          {"numeric", "87.45", "text", "2026-03-15T20:02:11.000Z", "shopify", "Paid", "paid"}}));
  EXPECT_EQ(query(url_,
                  "SELECT price, quantity, pg_typeof(quantity)::text FROM line_items ORDER BY "
                  "ordinal"),
            (std::vector<std::vector<std::string>>{{"24.00", "2", "numeric"},
                                                   {"36.00", "1", "numeric"}}));
  // Currencies of 0 and 3 minor units: NUMERIC keeps what the writer wrote,
  // and `orders` prints what `convert` printed.
  const std::string input = write(
      "minor.ndjson",
      shopify_order("1", "2024-01-01T00:00:00Z", "1500", {"A"}, "maya@example.com", "T1", "JPY") +
          shopify_order("2", "2024-01-01T00:00:00Z", "1.5", {"B"}, "maya@example.com", "T2",
                        "KWD") +
          shopify_order("3", "2024-01-01T00:00:00Z", "12.5", {"C"}));
  reset();
  ASSERT_EQ(run("load --from shopify --db " + db() + " " + input).status, 0);
  EXPECT_EQ(
      query(url_, "SELECT currency, total_price::text FROM orders ORDER BY row_id"),
      (std::vector<std::vector<std::string>>{{"JPY", "1500"}, {"KWD", "1.500"}, {"USD", "12.50"}}));
  const run_result converted = run("convert --from shopify " + input);
  EXPECT_EQ(run("orders --db " + db()).out, converted.out);
  EXPECT_NE(converted.out.find("\"totalPrice\":\"1.500\""), std::string::npos) << converted.out;
}

// --- the upsert ------------------------------------------------------------

TEST_F(PgStore, ReloadingTheSameDumpChangesNothing) {
  const std::string dump =
      write("dump.ndjson", shopify_order("1", "2024-01-01T00:00:00Z", "5.00", {"A"}) +
                               shopify_order("2", "2024-01-02T00:00:00Z", "10.00", {"B", "C"}) +
                               shopify_order("3", "", "7.00", {}));
  const run_result first = run("load --from shopify --db " + db() + " " + dump);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("stored 3 new, 0 replaced, 0 unchanged, 0 older skipped"),
            std::string::npos)
      << first.err;
  const std::string before = content(url_);
  const std::string listed = run("orders --db " + db()).out;
  EXPECT_EQ(count_lines(listed), 3u);
  const run_result again = run("load --from shopify --db " + db() + " " + dump);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("stored 0 new, 1 replaced, 2 unchanged, 0 older skipped"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(content(url_), before);
  EXPECT_EQ(run("orders --db " + db()).out, listed);
  EXPECT_EQ(one(url_, "SELECT count(*) FROM orders"), "3");
  EXPECT_EQ(one(url_, "SELECT count(*) FROM line_items"), "3");
}

TEST_F(PgStore, NewerRemoteUpdatedAtReplacesTheOrderAndAllItsChildren) {
  run("load --from shopify --db " + db() + " " +
      write("old.json", shopify_order("1", "2024-01-01T00:00:00Z", "10.00", {"A", "B"},
                                      "maya@example.com", "OLD-TRK")));
  run("load --from shopify --db " + db() + " " +
      write("other.json", shopify_order("2", "2024-01-01T00:00:00Z", "1.00", {"Z"})));
  const std::string first_row = one(url_, "SELECT row_id FROM orders WHERE id = 'shopify:1'");
  const run_result r = run("load --from shopify --db " + db() + " " +
                           write("new.json", shopify_order("1", "2024-03-01T12:00:00Z", "20.00",
                                                           {"C"}, "maya@example.com", "NEW-TRK")));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("stored 0 new, 1 replaced, 0 unchanged, 0 older skipped"), std::string::npos)
      << r.err;
  EXPECT_EQ(
      query(url_,
            "SELECT row_id, total_price, remote_updated_at FROM orders WHERE id = "
            "'shopify:1'"),
      (std::vector<std::vector<std::string>>{{first_row, "20.00", "2024-03-01T12:00:00.000Z"}}));
  EXPECT_EQ(query(url_, "SELECT ordinal, sku FROM line_items WHERE order_row = " + first_row),
            (std::vector<std::vector<std::string>>{{"0", "C"}}));
  EXPECT_EQ(query(url_, "SELECT tracking_code FROM shipments WHERE order_row = " + first_row),
            (std::vector<std::vector<std::string>>{{"NEW-TRK"}}));
  EXPECT_EQ(one(url_, "SELECT count(*) FROM line_items"), "2");
  const run_result listed = run("orders --db " + db());
  EXPECT_EQ(count_lines(listed.out), 2u);
  EXPECT_EQ(listed.out.find("\"id\":\"shopify:1\""), 1u) << "still listed first";
  EXPECT_NE(listed.out.find("\"totalPrice\":\"20.00\""), std::string::npos);
  EXPECT_EQ(run("orders --db " + db() + " --tracking-code OLD-TRK").status, 1);
}

// A first load (into an empty store) copies the children without their
// primary keys and adds them at its end; an order replaced during it (here
// its newer version later in the same dump) has its old rows deleted
// through those keys, added first. What is stored is what two loads store.
TEST_F(PgStore, AnOrderReplacedDuringAFirstLoadKeepsOnlyItsNewRows) {
  const std::string dump =
      write("dump.ndjson", shopify_order("1", "2024-01-01T00:00:00Z", "10.00", {"A", "B"},
                                         "maya@example.com", "OLD-TRK") +
                               shopify_order("2", "2024-01-01T00:00:00Z", "1.00", {"Z"}) +
                               shopify_order("1", "2024-03-01T12:00:00Z", "20.00", {"C"},
                                             "maya@example.com", "NEW-TRK"));
  const run_result r = run("load --from shopify --db " + db() + " " + dump);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("stored 2 new, 1 replaced, 0 unchanged, 0 older skipped"), std::string::npos)
      << r.err;
  EXPECT_EQ(
      query(url_,
            "SELECT o.id, l.ordinal, l.sku FROM line_items l JOIN orders o ON o.row_id = "
            "l.order_row ORDER BY o.row_id, l.ordinal"),
      (std::vector<std::vector<std::string>>{{"shopify:1", "0", "C"}, {"shopify:2", "0", "Z"}}));
  EXPECT_EQ(
      query(url_,
            "SELECT o.id, s.tracking_code FROM shipments s JOIN orders o ON o.row_id = "
            "s.order_row ORDER BY o.row_id"),
      (std::vector<std::vector<std::string>>{{"shopify:1", "NEW-TRK"}, {"shopify:2", "TRK-1"}}));
  EXPECT_EQ(one(url_,
                "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE "
                "schemaname = current_schema() AND tablename <> 'ordernorm_schema'"),
            "line_items_pkey orders_by_number orders_by_remote_id orders_pkey scan_events_pkey "
            "shipments_by_tracking_code shipments_pkey");
}

// PostgreSQL text cannot hold a NUL character (\u0000): such an order is not
// stored and says so where rejects go (code not_stored, its record, byte
// and field), the exit status is 1, and the load's other orders are stored.
TEST_F(PgStore, AnOrderHoldingANulCharacterIsNotStoredAndSaysWhy) {
  const std::string first = shopify_order("1", "2024-01-01T00:00:00Z", "5.00", {"A"});
  const std::string second = shopify_order("2", "2024-01-01T00:00:00Z", "6.00", {"B\\u0000C"});
  const std::string third =
      shopify_order("3", "2024-01-01T00:00:00Z", "7.00", {"D"}, "x\\u0000y@example.com");
  const std::string fourth = shopify_order("4", "2024-01-01T00:00:00Z", "8.00", {"E"});
  const std::string dump = write("dump.ndjson", first + second + third + fourth);
  const std::string rejects = path("rejects.ndjson");
  const run_result r =
      run("load --from shopify --rejects " + shell_quoted(rejects) + " --db " + db() + " " + dump);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("4 records: 4 converted, 0 rejected; stored 2 new, 0 replaced, 0 "
                       "unchanged, 0 older skipped, 2 not stored"),
            std::string::npos)
      << r.err;
  const std::string log = read_file(rejects);
  ASSERT_EQ(count_lines(log), 2u) << log;
  const std::string second_entry = log.substr(0, log.find('\n'));
  const std::string third_entry = log.substr(log.find('\n') + 1);
  EXPECT_NE(second_entry.find("\"record\":2,\"offset\":" + std::to_string(first.size()) +
                              ",\"pointer\":\"\",\"code\":\"not_stored\""),
            std::string::npos)
      << second_entry;
  EXPECT_NE(second_entry.find("line_items.sku (ordinal 0) holds a NUL character ("),
            std::string::npos)
      << second_entry;
  EXPECT_NE(
      third_entry.find("\"record\":3,\"offset\":" + std::to_string(first.size() + second.size()) +
                       ",\"pointer\":\"\",\"code\":\"not_stored\""),
      std::string::npos)
      << third_entry;
  EXPECT_NE(third_entry.find("orders.customer_email holds a NUL character ("), std::string::npos)
      << third_entry;
  EXPECT_NE(third_entry.find("which PostgreSQL text cannot hold; the order is not stored"),
            std::string::npos)
      << third_entry;
  const std::string converted = run("convert -q --from shopify " + dump).out;
  const std::string first_line = converted.substr(0, converted.find('\n') + 1);
  const std::string last_line = converted.substr(converted.rfind('\n', converted.size() - 2) + 1);
  EXPECT_TRUE(run("orders --db " + db()).out == first_line + last_line);
}

// Two versions of one order in one batch: applied one after the other.
TEST_F(PgStore, OlderRemoteUpdatedAtIsSkippedAndCountedAlsoWithinOneBatch) {
  run("load --from shopify --db " + db() + " " +
      write("new.json", shopify_order("1", "2024-03-01T00:00:00Z", "20.00", {"C"})));
  const std::string before = content(url_);
  const run_result r =
      run("load --from shopify --db " + db() + " " +
          write("old.ndjson", shopify_order("1", "2024-01-01T00:00:00Z", "10.00", {"A", "B"}) +
                                  shopify_order("1", "", "11.00", {"A"})));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("stored 0 new, 0 replaced, 0 unchanged, 2 older skipped"), std::string::npos)
      << r.err;
  EXPECT_EQ(content(url_), before);

  // New, then newer, then the same, then older, all in one batch of a new
  // database: inserted, replaced, unchanged, older.
  reset();
  const run_result batch =
      run("load --from shopify --db " + db() + " " +
          write("all.ndjson", shopify_order("5", "2024-01-01T00:00:00Z", "1.00", {"A"}) +
                                  shopify_order("5", "2024-02-01T00:00:00Z", "2.00", {"B", "C"}) +
                                  shopify_order("5", "2024-02-01T00:00:00Z", "3.00", {"D"}) +
                                  shopify_order("5", "2024-01-15T00:00:00Z", "4.00", {"E"})));
  ASSERT_EQ(batch.status, 0) << batch.err;
  EXPECT_NE(batch.err.find("stored 1 new, 1 replaced, 1 unchanged, 1 older skipped"),
            std::string::npos)
      << batch.err;
  EXPECT_EQ(one(url_, "SELECT total_price FROM orders"), "2.00");
  EXPECT_EQ(one(url_, "SELECT string_agg(sku, ',' ORDER BY ordinal) FROM line_items"), "B,C");
}

TEST_F(PgStore, SameRemoteUpdatedAtIsLeftUnchanged) {
  run("load --from shopify --db " + db() + " " +
      write("a.json", shopify_order("1", "2024-03-01T00:00:00Z", "20.00", {"C"})));
  const run_result r =
      run("load --from shopify --db " + db() + " " +
          write("b.json", shopify_order("1", "2024-03-01T00:00:00Z", "99.00", {"D"})));
  EXPECT_NE(r.err.find("stored 0 new, 0 replaced, 1 unchanged, 0 older skipped"), std::string::npos)
      << r.err;
  EXPECT_EQ(one(url_, "SELECT total_price FROM orders"), "20.00");
}

// --- hostile values -----------------------------------------------------------

TEST_F(PgStore, HostileValuesAreCopiedAndBoundAndReadBackByteIdentical) {
  const std::string injection = "'); DROP TABLE orders; --";
  const std::string sku_json = "\\\"quoted\\\" 'single' ; semi; " + injection +
                               " \\\\N \\\\t back\\\\slash \\u0001\\u001f\\t\\n\\r end";
  const std::string sku =
      "\"quoted\" 'single' ; semi; " + injection + " \\N \\t back\\slash \x01\x1f\t\n\r end";
  const std::string huge(16u << 20, 'x');  // 16 MiB
  std::string order =
      "{\"id\":1,\"order_number\":\"1\",\"updated_at\":\"2024-01-01T00:00:00Z\",\"currency\":"
      "\"USD\",\"customer\":{\"id\":7,\"email\":\"" +
      injection +
      "\",\"first_name\":\"Robert'); DROP TABLE line_items;--\"},\"billing_address\":{"
      "\"address1\":\"" +
      sku_json + "\",\"city\":\"" + huge + "\"},\"line_items\":[{\"id\":1,\"sku\":\"" + sku_json +
      "\",\"title\":\"" + huge + "y\",\"quantity\":1,\"price\":\"1.00\"}]}";
  const std::string input = write("hostile.json", order);
  const run_result converted = run("convert --from shopify --max-string-bytes 64M " + input);
  ASSERT_EQ(converted.status, 0) << converted.err;
  const run_result loaded =
      run("load --from shopify --max-string-bytes 64M --db " + db() + " " + input);
  ASSERT_EQ(loaded.status, 0) << loaded.err;
  EXPECT_TRUE(one(url_, "SELECT sku FROM line_items") == sku);
  EXPECT_EQ(one(url_, "SELECT length(title) FROM line_items"), std::to_string(huge.size() + 1));
  EXPECT_EQ(one(url_, "SELECT title = repeat('x', " + std::to_string(huge.size()) +
                          ") || 'y' FROM line_items"),
            "t");
  EXPECT_EQ(one(url_, "SELECT customer_email FROM orders"), injection);
  EXPECT_TRUE(one(url_, "SELECT billing_address_address1 FROM orders") == sku);
  const run_result listed = run("orders --db " + db());
  EXPECT_EQ(listed.status, 0) << listed.err;
  EXPECT_TRUE(listed.out == converted.out) << "orders differs from convert";
  EXPECT_EQ(run("orders --db " + db() + " --id " + shell_quoted(injection)).status, 1);
  EXPECT_EQ(run("orders --db " + db() + " --tracking-code " + shell_quoted("x' OR '1'='1")).status,
            1);
  EXPECT_TRUE(
      run("orders --db " + db() + " --number 1 --customer-email " + shell_quoted(injection)).out ==
      converted.out);
  EXPECT_EQ(one(url_, "SELECT count(*) FROM orders"), "1");
  EXPECT_EQ(one(url_, "SELECT count(*) FROM line_items"), "1");
}

// --- lookups -----------------------------------------------------------------

class PgStoreLookups : public PgStore {
 protected:
  void SetUp() override {
    PgStore::SetUp();
    const std::string shopify =
        write("shopify.ndjson", shopify_order("1001", "2024-01-01T00:00:00Z", "5.00", {"A"},
                                              "maya@example.com", "1Z-MAYA") +
                                    shopify_order("1002", "2024-01-01T00:00:00Z", "6.00", {"B"},
                                                  "sam@example.com", "1Z-SAM"));
    const std::string woo = write(
        "woo.json",
        R"({"id":1001,"number":"1001","date_modified_gmt":"2024-01-01T00:00:00","currency":"USD","total":"5.00","line_items":[]})");
    ASSERT_EQ(run("load --from shopify --db " + db() + " " + shopify).status, 0);
    ASSERT_EQ(run("load --from woocommerce --db " + db() + " " + woo).status, 0);
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
  using ids_t = std::vector<std::string>;
};

TEST_F(PgStoreLookups, EveryOrderWithoutALookupInLoadOrder) {
  const run_result r = run("orders --db " + db());
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(ids(r.out), (ids_t{"shopify:1001", "shopify:1002", "woocommerce:1001"}));
}

TEST_F(PgStoreLookups, ByIdAlternateIdTrackingCodeAndNumberWithEmail) {
  EXPECT_EQ(ids(run("orders --db " + db() + " --id shopify:1002").out), (ids_t{"shopify:1002"}));
  EXPECT_EQ(run("orders --db " + db() + " --id shopify:9999").status, 1);
  EXPECT_EQ(ids(run("orders --db " + db() + " --alternate-id 1001 --platform woocommerce").out),
            (ids_t{"woocommerce:1001"}));
  EXPECT_EQ(ids(run("orders --db " + db() + " --alternate-id 1002").out), (ids_t{"shopify:1002"}));
  const run_result ambiguous = run("orders --db " + db() + " --alternate-id 1001");
  EXPECT_EQ(ambiguous.status, 2);
  EXPECT_EQ(ambiguous.out, "");
  EXPECT_NE(ambiguous.err.find("several platforms (shopify, woocommerce): give --platform"),
            std::string::npos)
      << ambiguous.err;
  EXPECT_EQ(ids(run("orders --db " + db() + " --tracking-code 1Z-SAM").out),
            (ids_t{"shopify:1002"}));
  EXPECT_EQ(run("orders --db " + db() + " --tracking-code 1Z-NOBODY").status, 1);
  EXPECT_EQ(
      ids(run("orders --db " + db() + " --number 1001 --customer-email maya@example.com").out),
      (ids_t{"shopify:1001"}));
  EXPECT_EQ(run("orders --db " + db() + " --number 1001 --customer-email sam@example.com").status,
            1);
}

TEST_F(PgStoreLookups, FiltersCombineWithLookups) {
  EXPECT_EQ(ids(run("orders --db " + db() + " --platform woocommerce").out),
            (ids_t{"woocommerce:1001"}));
  EXPECT_EQ(ids(run("orders --db " + db() + " --currency usd --alternate-id 1002").out),
            (ids_t{"shopify:1002"}));
  EXPECT_EQ(ids(run("orders --db " + db() + " --updated-before 2024-01-01T00:00:00Z").out),
            (ids_t{}));
  EXPECT_EQ(ids(run("orders --db " + db() + " --updated-after 2024-01-01T00:00:00Z").out).size(),
            3u);
  const run_result two =
      run("orders --db " + db() + " --platform shopify,woocommerce --alternate-id 1001");
  EXPECT_EQ(two.status, 2);
  EXPECT_NE(two.err.find("(shopify, woocommerce): give --platform"), std::string::npos) << two.err;
  EXPECT_EQ(ids(run("orders --db " + db() + " --platform shopify,ebay --alternate-id 1001").out),
            (ids_t{"shopify:1001"}));
}

TEST_F(PgStoreLookups, LimitAndAfterPageThroughEveryOrderOnce) {
  const run_result first = run("orders --db " + db() + " --limit 2");
  EXPECT_EQ(first.status, 0);
  EXPECT_EQ(ids(first.out), (ids_t{"shopify:1001", "shopify:1002"}));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first.err, m, std::regex("ordernorm: next page: --after (\\S+)\n")))
      << first.err;
  const run_result second = run("orders --db " + db() + " --limit 2 --after " + m[1].str());
  EXPECT_EQ(ids(second.out), (ids_t{"woocommerce:1001"}));
  EXPECT_EQ(second.err.find("next page"), std::string::npos) << "no more pages";
  EXPECT_EQ(first.out + second.out, run("orders --db " + db()).out);
  EXPECT_EQ(run("orders --db " + db() + " --limit 3").err.find("next page"), std::string::npos);
  EXPECT_EQ(ids(run("orders --db " + db() + " --limit 1 --platform woocommerce").out),
            (ids_t{"woocommerce:1001"}));
}

// --- versions, passwords -------------------------------------------------------

TEST_F(PgStore, DatabaseOfAnotherSchemaVersionIsRefused) {
  const std::string input =
      write("a.json", shopify_order("1", "2024-01-01T00:00:00Z", "1.00", {"A"}));
  ASSERT_EQ(run("load --from shopify --db " + db() + " " + input).status, 0);
  EXPECT_EQ(one(url_, "SELECT version FROM ordernorm_schema"),
            std::to_string(ordernorm::store::schema_version));
  query(url_, "UPDATE ordernorm_schema SET version = 99");
  for (const std::string& command :
       {"load --from shopify --db " + db() + " " + input, "orders --db " + db()}) {
    const run_result r = run(command);
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_NE(
        r.err.find("made with store schema version 99; this ordernorm uses version " +
                   std::to_string(ordernorm::store::schema_version) + " and does not migrate"),
        std::string::npos)
        << r.err;
  }
  EXPECT_EQ(one(url_, "SELECT count(*) FROM orders"), "1") << "left as it was";

  query(url_, "UPDATE ordernorm_schema SET version = " +
                  std::to_string(ordernorm::store::schema_version));
  query(url_, "ALTER TABLE line_items ADD COLUMN extra TEXT");
  const run_result altered = run("orders --db " + db());
  EXPECT_EQ(altered.status, 2);
  EXPECT_NE(altered.err.find("table line_items is not the one"), std::string::npos) << altered.err;

  // Someone else's database: refused, untouched; and nothing to read in an
  // empty one.
  reset();
  query(url_, "CREATE TABLE orders (body TEXT)");
  const run_result foreign = run("load --from shopify --db " + db() + " " + input);
  EXPECT_EQ(foreign.status, 2);
  EXPECT_NE(foreign.err.find("(not an ordernorm database)"), std::string::npos) << foreign.err;
  EXPECT_EQ(one(url_,
                "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE "
                "table_schema = 'public'"),
            "orders");
  reset();
  EXPECT_EQ(run("orders --db " + db()).status, 2);
  EXPECT_EQ(
      one(url_, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"),
      "0");
}

// The PostgreSQL statements pinned to the version, as store_test pins the
// SQLite ones: when this fails, raise ordernorm::store::schema_version and
// record the new hash (and the SQLite test's) with it.
TEST(PgSchema, VersionIsRaisedWhenTheGeneratedTablesChange) {
  const std::uint64_t hash =
      ordernorm::testing::statements_hash(ordernorm::store::postgres_schema_statements());
  EXPECT_EQ(std::make_pair(hash, ordernorm::store::schema_version),
            std::make_pair(std::uint64_t{9217666790585121822u}, 2))
      << hash;
  // By hand: money NUMERIC, timestamps compared bytewise, no FOREIGN KEY
  // (each would check every child row with a trigger).
  const auto statements = ordernorm::store::postgres_schema_statements();
  ASSERT_GE(statements.size(), 4u);
  EXPECT_NE(statements[0].find("\"total_price\" NUMERIC"), std::string::npos) << statements[0];
  EXPECT_NE(statements[0].find("\"remote_updated_at\" TEXT COLLATE \"C\""), std::string::npos);
  for (const std::string& statement : statements) {
    EXPECT_EQ(statement.find("FOREIGN KEY"), std::string::npos) << statement;
  }
}

TEST_F(PgStore, NeitherTheRightNorAWrongPasswordAppearsInAnyMessage) {
  const std::string password = postgres_password();
  ASSERT_FALSE(password.empty());
  ASSERT_NE(url_.find(password), std::string::npos);
  // Failures after connecting name the URL: redacted. (run() checks every
  // message and output of this file for the password.)
  query(url_, "CREATE TABLE orders (body TEXT)");
  const run_result foreign = run("load --db " + db() + " /dev/null");
  EXPECT_EQ(foreign.status, 2);
  std::string redacted = url_;
  redacted.replace(redacted.find(password), password.size(), "***");
  EXPECT_NE(foreign.err.find(redacted), std::string::npos) << foreign.err;

  // A wrong password: refused, and neither password in the message.
  const std::string wrong_password = "Wr0ng-" + std::string(20, 'q') + "-pw";
  std::string wrong = url_;
  wrong.replace(wrong.find(password), password.size(), wrong_password);
  for (const std::string& command :
       {"load --db " + shell_quoted(wrong) + " /dev/null", "orders --db " + shell_quoted(wrong),
        "orders --db " + shell_quoted(wrong + "&password=" + wrong_password)}) {
    const run_result r = run(command);
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_EQ(r.err.find(wrong_password), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("password authentication failed"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("ordernorm:***@"), std::string::npos) << r.err;
  }
}

// --- a generated dump: filters, crash safety ------------------------------------

TEST_F(PgStore, FilteredOrdersAreWhatConvertFilteredPrinted) {
  const std::string dump = write("dump.ndjson", mixed_dump(1500));
  ASSERT_EQ(run("load -q --db " + db() + " " + dump).status, 0);
  EXPECT_TRUE(run("orders --db " + db()).out == run("convert -q " + dump).out);
  std::size_t matched = 0;
  for (const char* filter :
       {"--fulfillment-status fulfilled,partial", "--order-status Cancelled,Completed",
        "--payment-status Paid --currency eur,USD", "--platform magento,ebay",
        "--created-after 2024-03-01T00:00:00Z --created-before 2024-09-01T00:00:00+02:00",
        "--updated-after 2024-06-01T00:00:00Z", "--updated-before 2024-06-01T00:00:00Z"}) {
    const run_result converted = run(std::string("convert -q ") + filter + " " + dump);
    const run_result listed = run("orders --db " + db() + " " + filter);
    ASSERT_EQ(listed.status, 0) << filter << listed.err;
    EXPECT_TRUE(listed.out == converted.out)
        << filter << ": " << count_lines(listed.out) << " vs " << count_lines(converted.out);
    matched += count_lines(converted.out);
  }
  EXPECT_GT(matched, 100u);
  // Pages of 1000 inside the store and of 700 asked for: every order once.
  const run_result first = run("orders --db " + db() + " --limit 1400");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first.err, m, std::regex("--after (\\S+)\n"))) << first.err;
  const run_result rest = run("orders --db " + db() + " --after " + m[1].str());
  EXPECT_EQ(count_lines(first.out), 1400u);
  EXPECT_TRUE(first.out + rest.out == run("orders --db " + db()).out);
}

// SIGKILL a load at seeded random moments, each into a new database: each
// time the database holds a prefix of the clean load's orders, whole; a
// re-run completes it to exactly what a clean load holds.
TEST_F(PgStore, KilledLoadLeavesTheDatabaseConsistentAndARerunCompletesIt) {
  const std::string dump = write("dump.ndjson", mixed_dump(10000));
  const auto began = std::chrono::steady_clock::now();
  ASSERT_EQ(run("load -q --db " + db() + " " + dump).status, 0);
  const auto took = std::chrono::steady_clock::now() - began;
  const std::string expected = run("orders --db " + db()).out;
  const std::string expected_content = content(url_, /*by_id=*/true);
  ASSERT_GT(count_lines(expected), 9000u);

  std::mt19937 rng(17);
  std::uniform_real_distribution<double> at(0.05, 0.95);
  std::size_t partial = 0;
  for (int kill = 0; kill < 5; ++kill) {
    reset();
    const pid_t pid = start_load(url_, dump);
    std::this_thread::sleep_for(
        std::chrono::duration_cast<std::chrono::microseconds>(took * at(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const run_result listed = run("orders --db " + db());
    if (listed.status == 0) {
      EXPECT_EQ(expected.compare(0, listed.out.size(), listed.out), 0)
          << "kill " << kill << ": not a prefix of whole orders";
      if (listed.out.size() < expected.size()) ++partial;
      // No row without its parent (no FOREIGN KEY says so in PostgreSQL).
      EXPECT_EQ(one(url_,
                    "SELECT (SELECT count(*) FROM line_items l LEFT JOIN orders o ON o.row_id = "
                    "l.order_row WHERE o.row_id IS NULL) + (SELECT count(*) FROM shipments s "
                    "LEFT JOIN orders o ON o.row_id = s.order_row WHERE o.row_id IS NULL) + "
                    "(SELECT count(*) FROM scan_events e LEFT JOIN shipments s ON s.order_row = "
                    "e.order_row AND s.ordinal = e.shipment_ordinal WHERE s.order_row IS NULL)"),
                "0")
          << "kill " << kill;
    } else {
      ++partial;  // killed before the tables were made
    }
    const run_result rerun = run("load --db " + db() + " " + dump);
    ASSERT_EQ(rerun.status, 0) << rerun.err;
    EXPECT_TRUE(run("orders --db " + db()).out == expected) << "kill " << kill;
    EXPECT_TRUE(content(url_, true) == expected_content) << "kill " << kill;
    // A first load killed before its end had not added the children's keys
    // and the lookup indexes yet; the rerun has.
    EXPECT_EQ(one(url_,
                  "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE "
                  "schemaname = current_schema() AND tablename <> 'ordernorm_schema'"),
              "line_items_pkey orders_by_number orders_by_remote_id orders_pkey scan_events_pkey "
              "shipments_by_tracking_code shipments_pkey")
        << "kill " << kill;
  }
  EXPECT_GT(partial, 0u) << "no kill landed before the load's end";
}

}  // namespace
