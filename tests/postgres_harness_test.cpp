// The PostgreSQL test harness (issue 17): the fixture's cluster is a real
// PostgreSQL 15 reached through a Unix socket only, and libpq carries
// hostile text (COPY ... FROM STDIN in, a parameterized query out) and exact
// numerics through it unchanged. Every expectation is written by hand.
#include <libpq-fe.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "postgres_support.hpp"

namespace {

using ordernorm::testing::postgres_password;
using ordernorm::testing::postgres_url;

struct result_deleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using result_ptr = std::unique_ptr<PGresult, result_deleter>;

struct conn_deleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};

class PostgresHarness : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = postgres_url();
    ASSERT_FALSE(url.empty());
    conn_.reset(PQconnectdb(url.c_str()));
    ASSERT_NE(conn_, nullptr);
    ASSERT_EQ(PQstatus(conn_.get()), CONNECTION_OK) << PQerrorMessage(conn_.get());
  }

  PGconn* conn() { return conn_.get(); }

  // A statement without parameters that returns no rows.
  void command(const std::string& sql) {
    const result_ptr r(PQexec(conn(), sql.c_str()));
    ASSERT_EQ(PQresultStatus(r.get()), PGRES_COMMAND_OK) << sql << ": " << PQerrorMessage(conn());
  }

  // One text value from a query with text parameters; "<NULL>" for NULL.
  std::string value(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const std::string& p : params) values.push_back(p.c_str());
    const result_ptr r(PQexecParams(conn(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) != 1 ||
        PQnfields(r.get()) != 1) {
      ADD_FAILURE() << sql << ": " << PQresStatus(PQresultStatus(r.get())) << ", "
                    << PQntuples(r.get()) << " rows: " << PQerrorMessage(conn());
      return "<FAILED>";
    }
    if (PQgetisnull(r.get(), 0, 0)) return "<NULL>";
    return std::string(PQgetvalue(r.get(), 0, 0),
                       static_cast<std::size_t>(PQgetlength(r.get(), 0, 0)));
  }

  // COPY table FROM STDIN with `data` (text format), sent in pieces of
  // `piece` bytes; "" when the server took it, its message otherwise.
  std::string copy_in(const std::string& copy_sql, const std::string& data,
                      std::size_t piece = 64 * 1024) {
    const result_ptr start(PQexec(conn(), copy_sql.c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN) return PQerrorMessage(conn());
    for (std::size_t at = 0; at < data.size(); at += piece) {
      const std::size_t n = std::min(piece, data.size() - at);
      if (PQputCopyData(conn(), data.data() + at, static_cast<int>(n)) != 1) {
        return PQerrorMessage(conn());
      }
    }
    if (PQputCopyEnd(conn(), nullptr) != 1) return PQerrorMessage(conn());
    const result_ptr end(PQgetResult(conn()));
    const std::string error =
        PQresultStatus(end.get()) == PGRES_COMMAND_OK ? "" : PQerrorMessage(conn());
    while (PGresult* rest = PQgetResult(conn())) PQclear(rest);
    return error;
  }

 private:
  std::unique_ptr<PGconn, conn_deleter> conn_;
};

TEST_F(PostgresHarness, IsPostgres15OnAUnixSocketOnly) {
  EXPECT_EQ(PQserverVersion(conn()) / 10000, 15);
  EXPECT_EQ(value("SHOW server_version_num").substr(0, 2), "15");
  // No TCP: the server listens on no address, and this session came
  // through a socket (no server address), in a directory (not a host name).
  EXPECT_EQ(value("SHOW listen_addresses"), "");
  EXPECT_EQ(value("SELECT inet_server_addr()"), "<NULL>");
  const std::string host = PQhost(conn());
  EXPECT_EQ(host.rfind("/tmp/ordernorm-pg.", 0), 0u) << host;
  EXPECT_EQ(value("SHOW unix_socket_directories"), host);
  // The password from the URL was needed: the socket takes no trust.
  EXPECT_EQ(value("SELECT current_user"), "ordernorm");
  EXPECT_EQ(value("SELECT current_database()"), "ordernorm");
  EXPECT_EQ(value("SHOW password_encryption"), "scram-sha-256");
  EXPECT_EQ(value("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = $1",
                  {"ordernorm"}),
            "t");
  EXPECT_EQ(PQconnectionUsedPassword(conn()), 1);
  EXPECT_EQ(postgres_password().size(), 32u);
  EXPECT_EQ(value("SHOW server_encoding"), "UTF8");
  EXPECT_EQ(value("SHOW TimeZone"), "UTC");
}

TEST_F(PostgresHarness, RefusesAWrongPassword) {
  std::string url = postgres_url();
  const std::string password = postgres_password();
  const std::size_t at = url.find(":" + password + "@");
  ASSERT_NE(at, std::string::npos) << "the URL carries the password";
  url.replace(at + 1, password.size(), "not-the-password");
  const std::unique_ptr<PGconn, conn_deleter> wrong(PQconnectdb(url.c_str()));
  EXPECT_EQ(PQstatus(wrong.get()), CONNECTION_BAD);
  EXPECT_NE(std::string(PQerrorMessage(wrong.get())).find("password authentication failed"),
            std::string::npos)
      << PQerrorMessage(wrong.get());
}

TEST_F(PostgresHarness, CopyInAndParameterizedReadKeepHostileTextByteIdentical) {
  command("CREATE TEMP TABLE hostile (id integer PRIMARY KEY, v text)");
  // COPY's text format, escaped by hand: \t, \n, \r and \\ inside a value,
  // \N for NULL, a tab between columns.
  const std::string data =
      "1\t'); DROP TABLE hostile; --\n"
      "2\tsay \"hi\"; it's a \\\\\"quote\\\\\"\\tand a tab\\nand a line\\r\\nand C:\\\\dir\\\\\n"
      "3\t\n"
      "4\t\\N\n"
      "5\tZo\xc3\xab \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x9a\x9a\n"
      "6\t\\\\N is not NULL; \\\\t is not a tab\n"
      "7\t\x01\x1f\x7f control characters\n";
  ASSERT_EQ(copy_in("COPY hostile (id, v) FROM STDIN", data), "");

  const std::string quotes =
      "say \"hi\"; it's a \\\"quote\\\"\tand a tab\nand a line\r\nand C:\\dir\\";
  const std::string by_id = "SELECT v FROM hostile WHERE id = $1";
  EXPECT_EQ(value(by_id, {"1"}), "'); DROP TABLE hostile; --");
  EXPECT_EQ(value(by_id, {"2"}), quotes);
  EXPECT_EQ(value(by_id, {"3"}), "");
  EXPECT_EQ(value(by_id, {"4"}), "<NULL>");
  EXPECT_EQ(value(by_id, {"5"}), "Zo\xc3\xab \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x9a\x9a");
  EXPECT_EQ(value(by_id, {"6"}), "\\N is not NULL; \\t is not a tab");
  EXPECT_EQ(value(by_id, {"7"}), "\x01\x1f\x7f control characters");
  EXPECT_EQ(value("SELECT count(*) FROM hostile"), "7");

  // The same values as bound parameters, never SQL text: found by value.
  const std::string by_value = "SELECT id FROM hostile WHERE v = $1";
  EXPECT_EQ(value(by_value, {"'); DROP TABLE hostile; --"}), "1");
  EXPECT_EQ(value(by_value, {quotes}), "2");
  EXPECT_EQ(value(by_value, {"\\N is not NULL; \\t is not a tab"}), "6");
}

TEST_F(PostgresHarness, CopyInCarriesA16MiBValueWhole) {
  command("CREATE TEMP TABLE big (id integer, v text)");
  std::string text(16u << 20, 'x');
  for (std::size_t i = 0; i < text.size(); i += 4096) text[i] = ';';
  text.back() = '\'';
  ASSERT_EQ(copy_in("COPY big (id, v) FROM STDIN", "1\t" + text + "\n", 1u << 20), "");
  EXPECT_EQ(value("SELECT length(v) FROM big WHERE id = $1", {"1"}), "16777216");
  EXPECT_EQ(value("SELECT md5(v) = md5($1) FROM big", {text}), "t");
  EXPECT_TRUE(value("SELECT v FROM big") == text) << "not printed: 16 MiB";
}

TEST_F(PostgresHarness, NumericRoundTripsExactly) {
  command("CREATE TEMP TABLE money (id integer, amount numeric)");
  ASSERT_EQ(copy_in("COPY money (id, amount) FROM STDIN",
                    "1\t12345678901234567890.123456789\n2\t-0.10\n"),
            "");
  const std::string by_id = "SELECT amount::text FROM money WHERE id = $1";
  EXPECT_EQ(value(by_id, {"1"}), "12345678901234567890.123456789");
  EXPECT_EQ(value(by_id, {"2"}), "-0.10") << "the scale is kept";
  EXPECT_EQ(value("SELECT amount FROM money WHERE amount = $1::numeric",
                  {"12345678901234567890.123456789"}),
            "12345678901234567890.123456789");
  // Decimal arithmetic, not binary floating point.
  EXPECT_EQ(value("SELECT ($1::numeric + $2::numeric)::text", {"0.1", "0.2"}), "0.3");
  EXPECT_EQ(value("SELECT sum(amount)::text FROM money"), "12345678901234567890.023456789");
}

}  // namespace
