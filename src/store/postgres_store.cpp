// The PostgreSQL backend of the store (store.hpp), through libpq. Compiled
// only with ORDERNORM_POSTGRES.
//
// Types: money and quantities NUMERIC (it keeps the scale written: "12.50",
// "1.500" and "1500" read back as written; the writer reformats money with
// the currency's minor units anyway); timestamps TEXT COLLATE "C", exactly
// as the writer spelled them: timestamptz cannot give back a carrier's local
// time without the "Z", nor the writer's milliseconds, and "C" makes the
// upsert's and the filters' comparisons bytewise, as in SQLite; integers
// BIGINT, flags SMALLINT, text and enums TEXT.
//
// Load: put() encodes each order into COPY text (one buffer per table) for
// temporary staging tables; every batch_orders orders, in one transaction,
// the buffers go through COPY ... FROM STDIN and one script of set-based
// statements applies the upsert rule of store.hpp to the whole batch: a
// verdict per staged order (inserted, replaced, unchanged, older) from a
// join with the stored orders, the replaced orders updated in place (their
// row_id kept), their children deleted, the new orders inserted in staging
// order (row_id from an identity, so the listing is the load order), the
// children of both inserted, and the counts per verdict read back. An order
// whose key is already staged in the batch flushes what is staged first
// (same transaction), so that the second sees the first, as one put() after
// another does in SQLite. A killed load leaves whole batches (PostgreSQL
// rolls the open transaction back); a re-run finds them unchanged.
//
// Read: where_conditions() with `?` renumbered $1..$n, bound with
// PQexecParams; in one REPEATABLE READ snapshot, pages of orders by row_id,
// and each table's children for a page in one query (order_row = ANY($1)).
//
// Messages name the URL through redact_url(), and libpq's own messages are
// scrubbed of the password.
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "schema.hpp"
#include "store.hpp"

namespace ordernorm::store {
namespace {

std::string_view pg_type(column_kind kind) {
  switch (kind) {
    case column_kind::integer:
      return "BIGINT";
    case column_kind::flag:
    case column_kind::presence:
      return "SMALLINT";
    case column_kind::money:
    case column_kind::quantity:
      return "NUMERIC";
    case column_kind::timestamp:
      return "TEXT COLLATE \"C\"";
    default:
      return "TEXT";
  }
}

// information_schema's data_type for a column_kind, to compare a stored
// table with the generated one.
std::string_view pg_data_type(column_kind kind) {
  switch (kind) {
    case column_kind::integer:
      return "bigint";
    case column_kind::flag:
    case column_kind::presence:
      return "smallint";
    case column_kind::money:
    case column_kind::quantity:
      return "numeric";
    default:
      return "text";
  }
}

const sql_dialect dialect{pg_type, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT"};

// The staging table of `t`: the batch's sequence number ("seq") in place of
// order_row, then the other keys and the columns, without constraints.
std::string stage_name(const table& t) { return "ordernorm_stage_" + t.name; }

std::string create_stage(const table& t) {
  std::string sql =
      "CREATE TEMP TABLE " + sql_identifier(stage_name(t)) + " (\"seq\" BIGINT NOT NULL";
  for (std::size_t i = 1; i < t.keys.size(); ++i)
    sql += ", " + sql_identifier(t.keys[i]) + " BIGINT";
  for (const column& c : t.columns)
    sql += ", " + sql_identifier(c.name) + " " + std::string(pg_type(c.kind));
  return sql + ")";
}

struct result_deleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using result_ptr = std::unique_ptr<PGresult, result_deleter>;

// COPY's text format: backslash, tab, newline and CR escaped; \N is NULL.
void append_copy_text(std::string& out, std::string_view v) {
  std::size_t plain = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    const char* esc = nullptr;
    switch (c) {
      case '\\':
        esc = "\\\\";
        break;
      case '\t':
        esc = "\\t";
        break;
      case '\n':
        esc = "\\n";
        break;
      case '\r':
        esc = "\\r";
        break;
      default:
        continue;
    }
    out.append(v.data() + plain, i - plain);
    out += esc;
    plain = i + 1;
  }
  out.append(v.data() + plain, v.size() - plain);
}

// bind_columns' Out: one COPY row's fields, tab-separated.
struct copy_row {
  std::string& out;
  bool first = true;
  void sep() {
    if (!first) out += '\t';
    first = false;
  }
  void null() {
    sep();
    out += "\\N";
  }
  void text(std::string_view v) {
    sep();
    append_copy_text(out, v);
  }
  void copy(std::string_view v) { text(v); }
  void integer(std::int64_t v) {
    sep();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
};

// read_columns' In: a result row's fields from `next` on.
struct column_reader {
  const PGresult* res;
  int row;
  int next;
  bool is_null() const { return PQgetisnull(res, row, next) != 0; }
  void skip() { ++next; }
  std::string_view text() {
    const char* p = PQgetvalue(res, row, next);
    const int n = PQgetlength(res, row, next);
    ++next;
    return std::string_view(p, static_cast<std::size_t>(n));
  }
  std::int64_t integer() {
    const std::string_view t = text();
    std::int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
};

std::int64_t int_at(const PGresult* res, int row, int col) {
  column_reader in{res, row, col};
  return in.integer();
}

// `?` placeholders renumbered $first, $first+1, ... (the conditions hold no
// string literals, so every `?` is a placeholder).
std::string renumber(std::string_view sql, int& next) {
  std::string out;
  for (const char c : sql) {
    if (c == '?') {
      out += "$" + std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

// Text parameters for PQexecParams, owning their values.
struct params {
  std::vector<std::string> values;
  std::vector<const char*> pointers() const {
    std::vector<const char*> p;
    for (const std::string& v : values) p.push_back(v.c_str());
    return p;
  }
  void add(const std::variant<std::string, std::int64_t>& v) {
    if (const auto* t = std::get_if<std::string>(&v)) {
      values.push_back(*t);
    } else {
      values.push_back(std::to_string(std::get<std::int64_t>(v)));
    }
  }
};

class postgres_store final : public order_store {
 public:
  postgres_store(PGconn* conn, std::string url, std::string password, const store_options& opts)
      : conn_(conn),
        name_(redact_url(url)),
        password_(std::move(password)),
        opts_(opts),
        stages_(order_schema().tables.size()) {}
  ~postgres_store() override {
    if (in_transaction_) exec("ROLLBACK");
    PQfinish(conn_);
  }

  std::optional<std::string> open(open_mode mode) {
    if (!exec("SET client_encoding = 'UTF8'") || !exec("SET client_min_messages = warning")) {
      return error_;
    }
    if (!exec("BEGIN")) return error_;
    // One creator at a time: two first loads into the same database.
    if (mode == open_mode::load && !exec("SELECT pg_advisory_xact_lock(7231017)")) return error_;
    auto refused = check_schema(mode);
    if (!refused && !exec("COMMIT")) refused = error_;
    if (refused) {
      exec("ROLLBACK");
      return refused;
    }
    return std::nullopt;
  }

  std::optional<std::string> put(const order& o) override {
    if (!error_.empty()) return error_;
    if (!staging_ready_ && !prepare_load()) return error_;
    std::string key = std::string(to_string(o.platform));
    key += '\0';
    key += o.remote_id;
    if (staged_keys_.contains(key)) {
      // The same order twice in a batch: the first applied before the second.
      if (!flush()) return error_;
    }
    staged_keys_.insert(std::move(key));
    const std::int64_t seq = static_cast<std::int64_t>(staged_);
    {
      copy_row row{stages_[0]};
      row.integer(seq);
      bind_columns(o, -1, row);
      stages_[0] += '\n';
    }
    const schema& s = order_schema();
    std::vector<std::int64_t> keys{seq};
    auto visit = [&](std::string_view name, const std::vector<std::int64_t>& k, const auto& element,
                     int minor_units) {
      std::size_t index = 0;
      while (s.tables[index].name != name) ++index;
      copy_row row{stages_[index]};
      for (const std::int64_t v : k) row.integer(v);
      bind_columns(element, minor_units, row);
      stages_[index] += '\n';
    };
    for_each_child_row(o, -1, keys, visit);
    ++staged_;
    if (++in_batch_ >= opts_.batch_orders) {
      if (!flush() || !commit()) return error_;
    }
    return std::nullopt;
  }

  std::optional<std::string> finish() override {
    if (!error_.empty()) return error_;
    if (!flush() || !commit()) return error_;
    return std::nullopt;
  }

  const load_counts& counts() const override { return counts_; }

  std::optional<std::string> find(const order_query& q,
                                  const std::function<bool(const owned_order&)>& each,
                                  page& result) override {
    // One snapshot for the whole answer.
    if (!exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")) return error_;
    in_transaction_ = true;
    auto answer = find_in_snapshot(q, each, result);
    exec("COMMIT");
    in_transaction_ = false;
    return answer;
  }

 private:
  // libpq's message, without the password (a connection message may echo
  // parameters) and without its trailing newline.
  std::string scrub(std::string message) const {
    if (!password_.empty()) {
      for (std::size_t at; (at = message.find(password_)) != std::string::npos;) {
        message.replace(at, password_.size(), "***");
      }
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return message;
  }

  std::string fail(const std::string& doing) {
    if (error_.empty()) error_ = name_ + ": " + doing + ": " + scrub(PQerrorMessage(conn_));
    return error_;
  }

  bool ok(const result_ptr& r, const std::string& doing) {
    const ExecStatusType st = PQresultStatus(r.get());
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return true;
    fail(doing);
    return false;
  }

  bool exec(const std::string& sql) {
    const result_ptr r(PQexec(conn_, sql.c_str()));
    return ok(r, "running " + sql.substr(0, sql.find(' ')));
  }

  result_ptr query(const std::string& sql, const params& p) {
    const std::vector<const char*> values = p.pointers();
    return result_ptr(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                   values.data(), nullptr, nullptr, 0));
  }

  std::optional<std::string> check_schema(open_mode mode) {
    const result_ptr meta(PQexec(conn_, "SELECT to_regclass('ordernorm_schema') IS NOT NULL"));
    if (!ok(meta, "reading the schema")) return error_;
    if (std::string_view(PQgetvalue(meta.get(), 0, 0)) != "t") {
      const schema& s = order_schema();
      params names;
      std::string list;
      for (const table& t : s.tables) {
        names.values.push_back(t.name);
        list += (list.size() == 0 ? "" : ",") + t.name;
      }
      const result_ptr clash(
          query("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                "current_schema() AND table_name = ANY(string_to_array($1, ','))",
                params{{list}}));
      if (!ok(clash, "reading the schema")) return error_;
      const bool foreign = int_at(clash.get(), 0, 0) != 0;
      if (mode == open_mode::read || foreign) {
        return name_ + " holds no orders (not an ordernorm database)";
      }
      for (const std::string& ddl : postgres_schema_statements()) {
        if (!exec(ddl)) return error_;
      }
      if (!exec("CREATE TABLE \"ordernorm_schema\" (\"version\" INT NOT NULL)") ||
          !exec("INSERT INTO \"ordernorm_schema\" VALUES (" + std::to_string(schema_version) +
                ")")) {
        return error_;
      }
      return std::nullopt;
    }
    const result_ptr version(PQexec(conn_, "SELECT min(\"version\") FROM \"ordernorm_schema\""));
    if (!ok(version, "reading the schema version")) return error_;
    const int found =
        PQgetisnull(version.get(), 0, 0) ? 0 : static_cast<int>(int_at(version.get(), 0, 0));
    if (found != schema_version) {
      return name_ + " was made with store schema version " + std::to_string(found) +
             "; this ordernorm uses version " + std::to_string(schema_version) +
             " and does not migrate: load into a new database";
    }
    // The same version must mean the same tables (a model changed without a
    // version bump): their columns and types as this build generates them.
    const schema& s = order_schema();
    for (const table& t : s.tables) {
      std::string expected = t.keys.empty() ? "row_id bigint" : "";
      for (const std::string& k : t.keys) {
        expected += (expected.empty() ? "" : ", ") + k + " bigint";
      }
      for (const column& c : t.columns) {
        expected += ", " + c.name + " " + std::string(pg_data_type(c.kind));
      }
      const result_ptr stored(
          query("SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY "
                "ordinal_position) FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = $1",
                params{{t.name}}));
      if (!ok(stored, "reading the schema")) return error_;
      if (PQgetisnull(stored.get(), 0, 0) || PQgetvalue(stored.get(), 0, 0) != expected) {
        return name_ + ": table " + t.name + " is not the one store schema version " +
               std::to_string(schema_version) + " makes; load into a new database";
      }
    }
    return std::nullopt;
  }

  bool prepare_load() {
    const schema& s = order_schema();
    for (const table& t : s.tables) {
      if (!exec(create_stage(t))) return false;
    }
    if (!exec("CREATE TEMP TABLE \"ordernorm_verdict\" (\"seq\" BIGINT PRIMARY KEY, \"row_id\" "
              "BIGINT, \"verdict\" \"char\" NOT NULL)")) {
      return false;
    }
    // The upsert of what is staged, in one script (no parameters: the
    // values are in the staging tables).
    const table& orders = s.tables[0];
    std::string cols, sets, staged_cols;
    for (std::size_t i = 0; i < orders.columns.size(); ++i) {
      const std::string c = sql_identifier(orders.columns[i].name);
      cols += (i == 0 ? "" : ", ") + c;
      staged_cols += std::string(i == 0 ? "" : ", ") + "s." + c;
      sets += (i == 0 ? "" : ", ") + c + " = s." + c;
    }
    const std::string stage = sql_identifier(stage_name(orders));
    std::string sql = "TRUNCATE \"ordernorm_verdict\";\n";
    // The verdict per staged order, store.hpp's rule: no stored order,
    // inserted ('i'); a stored one without a time, replaced ('r'); no new
    // time or an earlier one, older ('o'); the same, unchanged ('u'); a
    // later one, replaced.
    sql +=
        "INSERT INTO \"ordernorm_verdict\" SELECT s.\"seq\", o.\"row_id\", CASE "
        "WHEN o.\"row_id\" IS NULL THEN 'i' "
        "WHEN o.\"remote_updated_at\" IS NULL THEN 'r' "
        "WHEN s.\"remote_updated_at\" IS NULL OR s.\"remote_updated_at\" < o.\"remote_updated_at\" "
        "THEN 'o' "
        "WHEN s.\"remote_updated_at\" = o.\"remote_updated_at\" THEN 'u' ELSE 'r' END FROM " +
        stage +
        " s LEFT JOIN \"orders\" o ON o.\"remote_id\" = s.\"remote_id\" AND o.\"platform\" = "
        "s.\"platform\";\n";
    sql += "UPDATE \"orders\" o SET " + sets + " FROM " + stage +
           " s JOIN \"ordernorm_verdict\" v USING (\"seq\") WHERE v.\"verdict\" = 'r' AND "
           "o.\"row_id\" = v.\"row_id\";\n";
    for (auto t = s.tables.rbegin(); t + 1 != s.tables.rend(); ++t) {
      sql += "DELETE FROM " + sql_identifier(t->name) +
             " c USING \"ordernorm_verdict\" v WHERE v.\"verdict\" = 'r' AND c.\"order_row\" = "
             "v.\"row_id\";\n";
    }
    sql += "INSERT INTO \"orders\" (" + cols + ") SELECT " + staged_cols + " FROM " + stage +
           " s JOIN \"ordernorm_verdict\" v USING (\"seq\") WHERE v.\"verdict\" = 'i' ORDER BY "
           "s.\"seq\";\n";
    sql += "UPDATE \"ordernorm_verdict\" v SET \"row_id\" = o.\"row_id\" FROM " + stage +
           " s, \"orders\" o WHERE v.\"verdict\" = 'i' AND s.\"seq\" = v.\"seq\" AND "
           "o.\"remote_id\" = s.\"remote_id\" AND o.\"platform\" = s.\"platform\";\n";
    for (std::size_t i = 1; i < s.tables.size(); ++i) {
      const table& t = s.tables[i];
      std::string child_cols = "\"order_row\"", child_values = "v.\"row_id\"";
      for (std::size_t k = 1; k < t.keys.size(); ++k) {
        child_cols += ", " + sql_identifier(t.keys[k]);
        child_values += ", c." + sql_identifier(t.keys[k]);
      }
      for (const column& c : t.columns) {
        child_cols += ", " + sql_identifier(c.name);
        child_values += ", c." + sql_identifier(c.name);
      }
      sql += "INSERT INTO " + sql_identifier(t.name) + " (" + child_cols + ") SELECT " +
             child_values + " FROM " + sql_identifier(stage_name(t)) +
             " c JOIN \"ordernorm_verdict\" v USING (\"seq\") WHERE v.\"verdict\" IN ('i', "
             "'r');\n";
    }
    sql +=
        "SELECT count(*) FILTER (WHERE \"verdict\" = 'i'), count(*) FILTER (WHERE \"verdict\" = "
        "'r'), count(*) FILTER (WHERE \"verdict\" = 'u'), count(*) FILTER (WHERE \"verdict\" = "
        "'o') FROM \"ordernorm_verdict\"";
    upsert_sql_ = std::move(sql);
    std::string truncate;
    for (const table& t : s.tables)
      truncate += (truncate.empty() ? "" : ", ") + sql_identifier(stage_name(t));
    truncate_sql_ = "TRUNCATE " + truncate;
    staging_ready_ = true;
    return true;
  }

  // COPY what is staged, then the upsert script; inside the batch's
  // transaction (begun here if it is not open).
  bool flush() {
    if (!error_.empty()) return false;
    if (staged_ == 0) return true;
    if (!in_transaction_) {
      if (!exec("BEGIN")) return false;
      in_transaction_ = true;
      // Loads one at a time (readers go on): each batch's verdicts hold
      // until it commits.
      if (!exec("LOCK TABLE \"orders\" IN SHARE ROW EXCLUSIVE MODE")) return false;
    }
    if (!exec(truncate_sql_)) return false;
    const schema& s = order_schema();
    for (std::size_t i = 0; i < s.tables.size(); ++i) {
      if (stages_[i].empty()) continue;
      if (!copy_in("COPY " + sql_identifier(stage_name(s.tables[i])) + " FROM STDIN", stages_[i])) {
        return false;
      }
      stages_[i].clear();
    }
    // PQexec with several statements returns the last one's result.
    const result_ptr r(PQexec(conn_, upsert_sql_.c_str()));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) != 1) {
      fail("storing orders");
      return false;
    }
    counts_.inserted += static_cast<std::uint64_t>(int_at(r.get(), 0, 0));
    counts_.replaced += static_cast<std::uint64_t>(int_at(r.get(), 0, 1));
    counts_.unchanged += static_cast<std::uint64_t>(int_at(r.get(), 0, 2));
    counts_.older += static_cast<std::uint64_t>(int_at(r.get(), 0, 3));
    staged_ = 0;
    staged_keys_.clear();
    return true;
  }

  bool commit() {
    in_batch_ = 0;
    if (!in_transaction_) return true;
    in_transaction_ = false;
    return exec("COMMIT");
  }

  bool copy_in(const std::string& sql, const std::string& data) {
    {
      const result_ptr start(PQexec(conn_, sql.c_str()));
      if (PQresultStatus(start.get()) != PGRES_COPY_IN) {
        fail("starting COPY");
        return false;
      }
    }
    constexpr std::size_t piece = 1u << 20;
    bool sent = true;
    for (std::size_t at = 0; sent && at < data.size(); at += piece) {
      const std::size_t n = std::min(piece, data.size() - at);
      sent = PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) == 1;
    }
    if (!sent) fail("sending COPY data");
    const bool ended = PQputCopyEnd(conn_, sent ? nullptr : "ordernorm stopped sending") == 1;
    bool done = sent && ended;
    while (PGresult* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK && done) {
        done = false;
        fail("copying orders");
      }
      PQclear(r);
    }
    return done;
  }

  std::optional<std::string> find_in_snapshot(const order_query& q,
                                              const std::function<bool(const owned_order&)>& each,
                                              page& result) {
    if (q.alternate_id && q.filter.platforms.size() != 1) {
      const condition holding = platforms_holding(q);
      int next = 1;
      params p;
      for (const auto& v : holding.params) p.add(v);
      const result_ptr platforms(query(renumber(holding.sql, next), p));
      if (!ok(platforms, "reading orders")) return error_;
      std::vector<std::string> names;
      for (int i = 0; i < PQntuples(platforms.get()); ++i) {
        names.emplace_back(PQgetvalue(platforms.get(), i, 0));
      }
      if (auto ambiguous = ambiguous_alternate_id(q, names)) return ambiguous;
    }
    const schema& s = order_schema();
    std::string base = "SELECT \"row_id\"";
    for (const column& c : s.tables[0].columns) base += ", " + sql_identifier(c.name);
    base += " FROM \"orders\" WHERE \"row_id\" > $1";
    int next = 2;
    params p;
    p.values.emplace_back();  // $1: the page's start
    for (const condition& c : where_conditions(q)) {
      base += " AND " + renumber(c.sql, next);
      for (const auto& v : c.params) p.add(v);
    }
    // Pages of orders in row order, each with its children in one query
    // per table.
    constexpr std::uint64_t page_orders = 1000;
    const std::uint64_t wanted = q.limit ? *q.limit : UINT64_MAX;
    std::uint64_t given = 0;
    std::int64_t last = -1;
    std::string bad;
    const std::string sql = base + " ORDER BY \"row_id\" LIMIT $" + std::to_string(next);
    p.values.emplace_back();
    while (true) {
      const std::uint64_t ask = std::min<std::uint64_t>(page_orders, wanted - given);
      p.values[0] = std::to_string(last);
      p.values.back() = std::to_string(ask + 1);  // one more than asked: whether more remain
      const result_ptr rows(query(sql, p));
      if (!ok(rows, "reading orders")) return error_;
      const int n = PQntuples(rows.get());
      const int use = static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(n), ask));
      std::string row_list = "{";
      for (int i = 0; i < use; ++i) {
        row_list += (i == 0 ? "" : ",") + std::string(PQgetvalue(rows.get(), i, 0));
      }
      row_list += "}";
      children kids;
      if (use > 0 && !fetch_children(row_list, kids)) return error_;
      auto fetch = [&](std::string_view name, const std::vector<std::int64_t>& keys,
                       auto&& each_row) {
        const child_rows& c = kids.find(name)->second;
        const auto range = c.ranges.find(keys);
        if (range == c.ranges.end()) return true;
        const int key_count = static_cast<int>(keys.size()) + 1;
        for (int r = range->second.first; r < range->second.second; ++r) {
          column_reader in{c.res.get(), r, key_count};
          if (!each_row(in, int_at(c.res.get(), r, key_count - 1))) return false;
        }
        return true;
      };
      for (int i = 0; i < use; ++i) {
        const std::int64_t row = int_at(rows.get(), i, 0);
        owned_order o;
        column_reader in{rows.get(), i, 1};
        std::vector<std::int64_t> keys{row};
        if (!read_columns(o, in, bad) || !read_children(o, keys, fetch, bad)) {
          return "order at row " + std::to_string(row) + " of " + name_ + ": " + bad;
        }
        ++given;
        result.last_row = row;
        last = row;
        if (!each(o)) return std::nullopt;
      }
      if (static_cast<std::uint64_t>(n) <= ask) break;  // the last page
      if (given == wanted) {
        result.more = true;
        break;
      }
    }
    return std::nullopt;
  }

  // A child table's rows for a page of orders, sorted by their keys, and
  // where each parent's rows are.
  struct child_rows {
    result_ptr res;
    std::map<std::vector<std::int64_t>, std::pair<int, int>> ranges;
  };
  using children = std::map<std::string, child_rows, std::less<>>;

  bool fetch_children(const std::string& row_list, children& out) {
    const schema& s = order_schema();
    for (std::size_t i = 1; i < s.tables.size(); ++i) {
      const table& t = s.tables[i];
      std::string sql = "SELECT ";
      std::string order;
      for (std::size_t k = 0; k < t.keys.size(); ++k) {
        sql += (k == 0 ? "" : ", ") + sql_identifier(t.keys[k]);
        order += (k == 0 ? "" : ", ") + sql_identifier(t.keys[k]);
      }
      for (const column& c : t.columns) sql += ", " + sql_identifier(c.name);
      sql += " FROM " + sql_identifier(t.name) +
             " WHERE \"order_row\" = ANY($1::BIGINT[]) ORDER BY " + order;
      child_rows& c = out[t.name];
      c.res = query(sql, params{{row_list}});
      if (!ok(c.res, "reading an order's " + t.name)) return false;
      const int n = PQntuples(c.res.get());
      const int parents = static_cast<int>(t.keys.size()) - 1;
      std::vector<std::int64_t> prefix;
      for (int r = 0; r < n; ++r) {
        prefix.clear();
        for (int k = 0; k < parents; ++k) prefix.push_back(int_at(c.res.get(), r, k));
        auto [it, fresh] = c.ranges.try_emplace(prefix, r, r + 1);
        if (!fresh) it->second.second = r + 1;
      }
    }
    return true;
  }

  PGconn* conn_;
  std::string name_;      // the URL, redacted
  std::string password_;  // to scrub from libpq's messages
  store_options opts_;
  std::string error_;
  load_counts counts_;
  bool in_transaction_ = false;
  bool staging_ready_ = false;
  std::size_t in_batch_ = 0;
  std::size_t staged_ = 0;
  std::vector<std::string> stages_;    // COPY text per table, schema order
  std::set<std::string> staged_keys_;  // platform NUL remoteId, staged now
  std::string upsert_sql_;
  std::string truncate_sql_;
};

}  // namespace

std::vector<std::string> postgres_schema_statements() { return schema_statements(dialect); }

std::variant<std::unique_ptr<order_store>, std::string> open_postgres_store(
    const std::string& url, open_mode mode, const store_options& opts) {
  // The password, to scrub from libpq's messages.
  std::string password;
  char* parse_error = nullptr;
  if (PQconninfoOption* options = PQconninfoParse(url.c_str(), &parse_error)) {
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (std::string_view(o->keyword) == "password" && o->val != nullptr) password = o->val;
    }
    PQconninfoFree(options);
  } else {
    std::string message = redact_url(url) + ": not a PostgreSQL connection URL";
    PQfreemem(parse_error);  // it may quote the URL
    return message;
  }
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return redact_url(url) + ": cannot allocate a PostgreSQL connection";
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    if (!password.empty()) {
      for (std::size_t at; (at = message.find(password)) != std::string::npos;) {
        message.replace(at, password.size(), "***");
      }
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return redact_url(url) + ": " + message;
  }
  auto store = std::make_unique<postgres_store>(conn, url, std::move(password), opts);
  if (auto refused = store->open(mode)) return std::move(*refused);
  return std::unique_ptr<order_store>(std::move(store));
}

}  // namespace ordernorm::store
