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
// Load: put() encodes each order's rows into COPY text (one buffer per
// table; rows without the order's row id). Every batch_orders orders, in
// one transaction that holds a lock against other loads: one query reads
// the stored versions of the batch's orders (unnest of their keys joined
// through the key index), the verdicts of store.hpp's rule are made here,
// a replaced order's rows are deleted, the new orders' row ids are drawn
// from the identity in one step, and every inserted or replaced order's
// rows go through COPY ... FROM STDIN straight into the tables, its row id
// in front (a replaced order keeps its own, so its place in the listing).
// An order whose key is already staged in the batch flushes what is staged
// first (same transaction), so that the second sees the first, as one put()
// after another does in SQLite. A killed load leaves whole batches
// (PostgreSQL rolls the open transaction back); a re-run finds them
// unchanged. No FOREIGN KEY is declared: PostgreSQL checks one with a
// trigger per child row, which made the children's COPY three times as long;
// an order and its rows are written in one transaction, and only by this.
//
// Read: where_conditions() with `?` renumbered $1..$n, bound with
// PQexecParams; in one REPEATABLE READ snapshot, pages of orders by row_id,
// and each table's children for a page in one query (order_row = ANY($1)).
//
// Messages name the URL through redact_url(), and libpq's own messages are
// scrubbed of the password.
#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>
#include <utility>

#include "ordernorm/convert.hpp"
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
// table with the generated one: pg_type's type name, in lower case.
std::string pg_data_type(column_kind kind) {
  const std::string_view type = pg_type(kind);
  std::string name(type.substr(0, type.find(' ')));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

const sql_dialect dialect{pg_type, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT",
                          false};

struct result_deleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using result_ptr = std::unique_ptr<PGresult, result_deleter>;

// COPY's text format: backslash, tab, newline and CR escaped; \N is NULL.
// False when `v` holds a NUL character, which PostgreSQL text cannot hold
// (the row is not to be sent).
bool append_copy_text(std::string& out, std::string_view v) {
  std::size_t plain = 0;
  bool holdable = true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    const char* esc = nullptr;
    switch (c) {
      case '\0':
        holdable = false;
        continue;
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
  return holdable;
}

// bind_columns' Out: one COPY row's fields, tab-separated.
struct copy_row {
  std::string& out;
  int field = -1;      // the field being written, from 0
  int nul_field = -1;  // the first that held a NUL character, if any
  void sep() {
    if (field++ >= 0) out += '\t';
  }
  void null() {
    sep();
    out += "\\N";
  }
  void text(std::string_view v) {
    sep();
    if (!append_copy_text(out, v) && nul_field < 0) nul_field = field;
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

// libpq's message, without the password (a connection message may echo
// parameters) and without its trailing newline.
std::string scrub(std::string message, std::string_view password) {
  if (!password.empty()) {
    for (std::size_t at; (at = message.find(password)) != std::string::npos;) {
      message.replace(at, password.size(), "***");
    }
  }
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  return message;
}

// An image's piece (postgres_store::stage): its length, then its bytes.
void append_piece(std::string& out, std::string_view v) {
  const auto n = static_cast<std::uint32_t>(v.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(v);
}
std::string_view take_piece(std::string_view& in) {
  std::uint32_t n = 0;
  std::memcpy(&n, in.data(), sizeof n);
  const std::string_view v = in.substr(sizeof n, n);
  in.remove_prefix(sizeof n + n);
  return v;
}

// One staged order: its key and time, for the verdict.
struct staged_order {
  std::string_view platform;
  std::string remote_id;
  std::string updated;  // remoteUpdatedAt as written; empty: none
};

// A batch: its orders, their rows as COPY text per table (schema order;
// rows without the order's row id), and where each order's rows start in
// each table's text (a row of the tables' count per order).
struct staged_batch {
  std::vector<staged_order> orders;
  std::vector<std::size_t> starts;
  std::vector<std::string> text;
  bool commit = false;  // commit once written
  void clear() {
    orders.clear();
    starts.clear();
    for (std::string& t : text) t.clear();
    commit = false;
  }
};

class postgres_store final : public order_store {
 public:
  postgres_store(PGconn* conn, std::string url, std::string password, const store_options& opts)
      : conn_(conn), name_(redact_url(url)), password_(std::move(password)), opts_(opts) {}
  ~postgres_store() override {
    stop_writer();
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
    if (!refused && mode == open_mode::load && !prepare_lookup_indexes()) refused = error_;
    if (!refused && !exec("COMMIT")) refused = error_;
    if (refused) {
      exec("ROLLBACK");
      return refused;
    }
    return std::nullopt;
  }

  std::optional<std::string> put(const order& o, std::string& refused) override {
    image_.clear();
    stage(o, image_);
    return put_staged(image_, refused);
  }

  // The image: why the order cannot be stored (empty: it can), its
  // platform, remoteId and remoteUpdatedAt as written, then its rows as
  // COPY text, per table (rows without the order's row id, which its
  // verdict gives). Each piece is its length, then its bytes.
  void stage(const order& o, std::string& image) const override {
    const schema& s = order_schema();
    std::string why;
    std::vector<std::string> rows(s.tables.size());
    {
      copy_row row{rows[0]};
      bind_columns(o, -1, row);
      rows[0] += '\n';
      if (row.nul_field >= 0) why = not_holdable(s.tables[0], row.nul_field, {0});
    }
    // A child's row: its ancestors' ordinals and its own, then its columns.
    std::vector<std::int64_t> keys{0};
    auto visit = [&](std::string_view name, const std::vector<std::int64_t>& k, const auto& element,
                     int minor_units) {
      std::size_t index = 0;
      while (s.tables[index].name != name) ++index;
      copy_row row{rows[index]};
      for (std::size_t i = 1; i < k.size(); ++i) row.integer(k[i]);
      bind_columns(element, minor_units, row);
      rows[index] += '\n';
      if (row.nul_field >= 0 && why.empty()) why = not_holdable(s.tables[index], row.nul_field, k);
    };
    for_each_child_row(o, -1, keys, visit);
    append_piece(image, why);
    if (!why.empty()) return;
    char buf[timestamp::max_chars];
    append_piece(image, to_string(o.platform));
    append_piece(image, o.remote_id);
    append_piece(image, o.remote_updated_at ? o.remote_updated_at->format(buf) : "");
    for (const std::string& r : rows) append_piece(image, r);
  }

  std::optional<std::string> put_staged(std::string_view image, std::string& refused) override {
    if (!load_error_.empty()) return load_error_;
    if (!writer_.joinable() && !start_writer()) return load_error_;
    const std::string_view why = take_piece(image);
    if (!why.empty()) {
      refused = why;
      return std::nullopt;
    }
    const std::string_view platform = take_piece(image);
    const std::string_view remote_id = take_piece(image);
    const std::string_view updated = take_piece(image);
    std::string key(platform);
    key += '\0';
    key += remote_id;
    if (staged_keys_.contains(key)) {
      // The same order twice in a batch: the first written before the
      // second is staged, in the same transaction.
      if (!hand_over(false)) return load_error_;
    }
    staged_keys_.insert(std::move(key));
    for (std::string& text : filling_.text) {
      filling_.starts.push_back(text.size());
      text += take_piece(image);
    }
    staged_order& st = filling_.orders.emplace_back();
    st.platform = to_string(*platform_from_name(platform));
    st.remote_id = remote_id;
    st.updated = updated;
    if (++in_batch_ >= opts_.batch_orders && !hand_over(true)) return load_error_;
    return std::nullopt;
  }

  std::optional<std::string> finish() override {
    if (!load_error_.empty()) return load_error_;
    if (writer_.joinable()) {
      const bool handed = hand_over(true);
      stop_writer();  // after it wrote the last batch
      if (!handed) return load_error_;
    }
    if (!error_.empty()) return error_;
    if (!add_child_keys()) return error_;
    for (const std::string& sql : lookup_index_statements(false)) {
      if (!exec(sql)) return error_;
    }
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
  std::string fail(const std::string& doing) {
    if (error_.empty())
      error_ = name_ + ": " + doing + ": " + scrub(PQerrorMessage(conn_), password_);
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
        expected += ", " + c.name + " " + pg_data_type(c.kind);
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

  // See lookup_index_statements(): dropped while an empty store is loaded (a reader
  // meanwhile scans), made when it holds orders. The children's primary
  // keys likewise: a load into an empty store copies the rows without them
  // and adds them (sorting once) at its end, or before the first replaced
  // order's rows are deleted (which they serve); that made the children's
  // COPY 40% shorter.
  bool prepare_lookup_indexes() {
    const result_ptr any(PQexec(conn_, "SELECT EXISTS (SELECT 1 FROM \"orders\")"));
    if (!ok(any, "reading the orders")) return false;
    const bool empty = std::string_view(PQgetvalue(any.get(), 0, 0)) != "t";
    for (const std::string& sql : lookup_index_statements(empty)) {
      if (!exec(sql)) return false;
    }
    if (!empty) return add_child_keys();
    const schema& s = order_schema();
    for (std::size_t i = 1; i < s.tables.size(); ++i) {
      if (!exec("ALTER TABLE " + sql_identifier(s.tables[i].name) + " DROP CONSTRAINT IF EXISTS " +
                sql_identifier(s.tables[i].name + "_pkey"))) {
        return false;
      }
    }
    child_keys_dropped_ = true;
    return true;
  }

  // Each child table's primary key, where it is missing.
  bool add_child_keys() {
    const schema& s = order_schema();
    for (std::size_t i = 1; i < s.tables.size(); ++i) {
      const table& t = s.tables[i];
      const result_ptr found(
          query("SELECT to_regclass($1) IS NOT NULL", params{{sql_identifier(t.name + "_pkey")}}));
      if (!ok(found, "reading the schema")) return false;
      if (std::string_view(PQgetvalue(found.get(), 0, 0)) == "t") continue;
      std::string key;
      for (const std::string& k : t.keys) key += (key.empty() ? "" : ", ") + sql_identifier(k);
      if (!exec("ALTER TABLE " + sql_identifier(t.name) + " ADD PRIMARY KEY (" + key + ")")) {
        return false;
      }
    }
    child_keys_dropped_ = false;
    return true;
  }

  // Why a row of `t` cannot be stored: its field `field` (the ordinals
  // first, for a child: `keys` holds the order's 0 and them) held a NUL.
  static std::string not_holdable(const table& t, int field,
                                  const std::vector<std::int64_t>& keys) {
    const std::size_t ordinals = t.keys.empty() ? 0 : keys.size() - 1;
    std::string where = t.name + "." + t.columns[static_cast<std::size_t>(field) - ordinals].name;
    for (std::size_t i = 1; i < keys.size(); ++i) {
      where += (i > 1              ? ", "
                : keys.size() == 2 ? " (ordinal "
                                   : " (ordinals ") +
               std::to_string(keys[i]);
    }
    if (keys.size() > 1) where += ")";
    return where + " holds a NUL character (\\u0000), which PostgreSQL text cannot hold";
  }

  // The writer thread: it writes a batch while the calling thread stages
  // the next (the server's work beside the conversion's; one batch at a
  // time, in order, as put() gave them). Only it uses the connection until
  // it stops; the calling thread reads error_ only while it is idle.
  bool start_writer() {
    prepare_load();
    filling_.text.resize(order_schema().tables.size());
    writing_.text.resize(order_schema().tables.size());
    try {
      writer_ = std::thread([this] { write_batches(); });
    } catch (const std::system_error& e) {
      load_error_ = name_ + ": cannot start the writer thread: " + e.what();
      return false;
    }
    return true;
  }

  void write_batches() {
    std::unique_lock lock(mutex_);
    while (true) {
      changed_.wait(lock, [this] { return busy_ || stopping_; });
      if (!busy_) return;
      lock.unlock();
      if (error_.empty() && write(writing_) && writing_.commit) commit();
      writing_.clear();
      lock.lock();
      busy_ = false;
      changed_.notify_all();
    }
  }

  // Gives the staged batch to the writer once it is idle (false, with
  // load_error_, when an earlier batch failed).
  bool hand_over(bool commit_after) {
    if (commit_after) in_batch_ = 0;
    staged_keys_.clear();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !busy_; });
    if (!error_.empty()) {
      load_error_ = error_;
      return false;
    }
    filling_.commit = commit_after;
    std::swap(filling_, writing_);
    busy_ = true;
    lock.unlock();
    changed_.notify_all();
    return true;
  }

  void stop_writer() {
    if (!writer_.joinable()) return;
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    writer_.join();
  }

  // The statements of a batch, made once.
  void prepare_load() {
    const schema& s = order_schema();
    for (std::size_t i = 0; i < s.tables.size(); ++i) {
      const table& t = s.tables[i];
      std::string cols = t.keys.empty() ? "\"row_id\"" : "";
      for (const std::string& k : t.keys) cols += (cols.empty() ? "" : ", ") + sql_identifier(k);
      for (const column& c : t.columns) cols += ", " + sql_identifier(c.name);
      copy_sql_.push_back("COPY " + sql_identifier(t.name) + " (" + cols + ") FROM STDIN");
    }
    for (auto t = s.tables.rbegin(); t + 1 != s.tables.rend(); ++t) {
      delete_sql_.push_back("DELETE FROM " + sql_identifier(t->name) +
                            " WHERE \"order_row\" = ANY($1::BIGINT[])");
    }
    delete_sql_.emplace_back("DELETE FROM \"orders\" WHERE \"row_id\" = ANY($1::BIGINT[])");
  }

  // The batch, in its transaction (begun here if it is not open): the
  // stored versions of its orders in one query, the verdicts (store.hpp's
  // rule) here, a replaced order's rows deleted, row ids drawn for the new
  // ones, and every inserted or replaced order's rows copied straight into
  // the tables (a replaced order keeps its row id, so its place in the
  // listing).
  bool write(const staged_batch& batch) {
    const std::vector<staged_order>& staged = batch.orders;
    if (staged.empty()) return true;
    if (!in_transaction_) {
      if (!exec("BEGIN")) return false;
      in_transaction_ = true;
      // Loads one at a time (readers go on): each batch's verdicts hold
      // until it commits.
      if (!exec("LOCK TABLE \"orders\" IN SHARE ROW EXCLUSIVE MODE")) return false;
    }
    std::string platforms = "{", remote_ids = "{";
    for (std::size_t i = 0; i < staged.size(); ++i) {
      append_array_element(platforms, staged[i].platform, i);
      append_array_element(remote_ids, staged[i].remote_id, i);
    }
    platforms += '}';
    remote_ids += '}';
    // One index probe per key: the LIMIT keeps the planner from turning the
    // lateral lookup into a hash join over every stored order (which it
    // did: every batch hashed the whole table).
    const result_ptr stored(query(
        "SELECT k.\"n\", o.\"row_id\", o.\"remote_updated_at\" FROM unnest($1::TEXT[], "
        "$2::TEXT[]) WITH ORDINALITY AS k(\"platform\", \"remote_id\", \"n\") CROSS JOIN LATERAL "
        "(SELECT \"row_id\", \"remote_updated_at\" FROM \"orders\" WHERE \"remote_id\" = "
        "k.\"remote_id\" AND \"platform\" = k.\"platform\" LIMIT 1) o",
        params{{platforms, remote_ids}}));
    if (!ok(stored, "reading the stored orders")) return false;
    // Each staged order's row id: 0 until known, -1 when it is not written.
    std::vector<std::int64_t> rows(staged.size(), 0);
    std::string replaced = "{";
    for (int r = 0; r < PQntuples(stored.get()); ++r) {
      const std::size_t i = static_cast<std::size_t>(int_at(stored.get(), r, 0) - 1);
      std::optional<std::string_view> time;
      if (!PQgetisnull(stored.get(), r, 2)) time = PQgetvalue(stored.get(), r, 2);
      const stored_verdict verdict = verdict_for(staged[i].updated, time);
      pending_.count(verdict);
      if (verdict != stored_verdict::replace) {
        rows[i] = -1;
      } else {
        rows[i] = int_at(stored.get(), r, 1);
        replaced += (replaced.size() == 1 ? "" : ",") + std::to_string(rows[i]);
      }
    }
    replaced += '}';
    if (replaced.size() > 2) {
      if (child_keys_dropped_ && !add_child_keys()) return false;
      for (const std::string& sql : delete_sql_) {
        if (!ok(query(sql, params{{replaced}}), "replacing orders")) return false;
      }
    }
    const auto fresh = static_cast<std::int64_t>(std::count(rows.begin(), rows.end(), 0));
    if (fresh > 0) {
      // Drawn from the identity in one step: the new orders' rows in load
      // order, as they are listed.
      const result_ptr drawn(
          query("SELECT setval(pg_get_serial_sequence('\"orders\"', 'row_id'), "
                "nextval(pg_get_serial_sequence('\"orders\"', 'row_id')) + $1::BIGINT - 1)",
                params{{std::to_string(fresh)}}));
      if (!ok(drawn, "numbering orders")) return false;
      std::int64_t next = int_at(drawn.get(), 0, 0) - fresh + 1;
      for (std::int64_t& row : rows) {
        if (row == 0) row = next++;
      }
      pending_.inserted += static_cast<std::uint64_t>(fresh);
    }
    // Each table's rows of the written orders, their row id in front, sent
    // in pieces of about 1 MiB.
    constexpr std::size_t piece = std::size_t{1} << 20;
    const std::size_t tables = batch.text.size();
    for (std::size_t t = 0; t < tables; ++t) {
      const std::string& text = batch.text[t];
      if (text.empty()) continue;
      if (!begin_copy(copy_sql_[t])) return false;
      std::string& out = copy_text_;
      out.clear();
      bool sent = true;
      for (std::size_t i = 0; sent && i < staged.size(); ++i) {
        if (rows[i] < 0) continue;
        const std::size_t end =
            i + 1 < staged.size() ? batch.starts[(i + 1) * tables + t] : text.size();
        char id[24];
        const std::size_t id_size =
            static_cast<std::size_t>(std::to_chars(id, id + sizeof id, rows[i]).ptr - id);
        for (std::size_t line = batch.starts[i * tables + t]; line < end;) {
          const std::size_t line_end = text.find('\n', line) + 1;
          out.append(id, id_size);
          out += '\t';
          out.append(text, line, line_end - line);
          line = line_end;
        }
        if (out.size() >= piece) {
          sent = send_copy(out);
          out.clear();
        }
      }
      if (sent) sent = send_copy(out);
      if (!end_copy(sent)) return false;
    }
    return true;
  }

  // An element of a text array literal, quoted: {"a","b"}.
  static void append_array_element(std::string& out, std::string_view v, std::size_t index) {
    if (index > 0) out += ',';
    out += '"';
    for (const char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }

  bool commit() {
    if (!in_transaction_) return true;
    in_transaction_ = false;
    if (!exec("COMMIT")) return false;
    counts_.add_committed(pending_);
    return true;
  }

  // COPY ... FROM STDIN, its data sent as it is made (the server parses
  // one piece while the next is made): begin_copy(), send_copy() for each
  // piece, end_copy() (which reports the COPY's outcome).
  bool begin_copy(const std::string& sql) {
    const result_ptr start(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(start.get()) == PGRES_COPY_IN) return true;
    fail("starting COPY");
    return false;
  }
  bool send_copy(std::string_view data) {
    if (data.empty() || PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) == 1) {
      return true;
    }
    fail("sending COPY data");
    return false;
  }
  bool end_copy(bool sent) {
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
  load_counts pending_;  // the writer's open transaction's
  bool in_transaction_ = false;
  // Loading. The calling thread stages into filling_ (its in_batch_,
  // staged_keys_, load_error_); the writer writes writing_ (its copy_text_,
  // and the connection, error_, counts_, in_transaction_ until it stops).
  bool child_keys_dropped_ = false;    // see prepare_lookup_indexes()
  std::size_t in_batch_ = 0;           // orders since the last commit
  std::set<std::string> staged_keys_;  // platform NUL remoteId, in filling_
  std::string load_error_;
  std::string image_;  // put()'s, staged in place
  staged_batch filling_;
  staged_batch writing_;
  std::string copy_text_;                // one table's COPY of a batch
  std::vector<std::string> copy_sql_;    // per table
  std::vector<std::string> delete_sql_;  // a replaced order's rows, children first
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable changed_;  // busy_ or stopping_ changed
  bool busy_ = false;                // writing_ holds a batch to write
  bool stopping_ = false;
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
    std::string message = scrub(PQerrorMessage(conn), password);
    PQfinish(conn);
    return redact_url(url) + ": " + message;
  }
  auto store = std::make_unique<postgres_store>(conn, url, std::move(password), opts);
  if (auto refused = store->open(mode)) return std::move(*refused);
  return std::unique_ptr<order_store>(std::move(store));
}

}  // namespace ordernorm::store
