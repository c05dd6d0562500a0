// The SQLite backend of the store (store.hpp). One connection, statements
// prepared once and reused, orders written in transactions of
// store_options::batch_orders in WAL mode: a killed load leaves the last
// committed batch, and the next open rolls back the rest; re-running the
// load finds what is stored unchanged and stores the remainder. Every value
// is a bound parameter; identifiers are the schema's own, quoted.
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

#include "schema.hpp"
#include "store.hpp"

namespace ordernorm::store {
namespace {

std::string_view sql_type(column_kind kind) {
  switch (kind) {
    case column_kind::integer:
    case column_kind::flag:
    case column_kind::presence:
      return "INTEGER";
    default:
      return "TEXT";  // money and quantities too: exact text, never REAL
  }
}

// Foreign keys declared (SQLite does not enforce them unless asked; they
// name the relation, and PRAGMA foreign_key_check reads them).
const sql_dialect dialect{sql_type, "INTEGER PRIMARY KEY", "INTEGER", true};

std::string create_table(const schema& s, const table& t) {
  return store::create_table(s, t, dialect);
}

// RAII for a prepared statement.
class statement {
 public:
  statement() = default;
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  ~statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt*& handle() { return stmt_; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// bind_columns' Out: parameters from `next` on.
struct binder {
  sqlite3_stmt* stmt;
  int next = 1;
  int rc = SQLITE_OK;
  void check(int r) {
    if (rc == SQLITE_OK) rc = r;
  }
  void null() { check(sqlite3_bind_null(stmt, next++)); }
  void text(std::string_view v) {
    check(sqlite3_bind_text64(stmt, next++, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8));
  }
  void copy(std::string_view v) {
    check(sqlite3_bind_text64(stmt, next++, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void integer(std::int64_t v) { check(sqlite3_bind_int64(stmt, next++, v)); }
};

// read_columns' In: result columns from `next` on.
struct column_reader {
  sqlite3_stmt* stmt;
  int next;
  bool is_null() const { return sqlite3_column_type(stmt, next) == SQLITE_NULL; }
  void skip() { ++next; }
  std::string_view text() {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, next));
    const int n = sqlite3_column_bytes(stmt, next);
    ++next;
    return p == nullptr ? std::string_view() : std::string_view(p, static_cast<std::size_t>(n));
  }
  std::int64_t integer() { return sqlite3_column_int64(stmt, next++); }
};

class sqlite_store final : public order_store {
 public:
  sqlite_store(sqlite3* db, std::string path, const store_options& opts)
      : db_(db), path_(std::move(path)), opts_(opts) {}
  ~sqlite_store() override {
    if (in_transaction_) exec("ROLLBACK");
    children_.clear();
    select_existing_.reset();
    insert_order_.reset();
    update_order_.reset();
    sqlite3_close(db_);
  }

  std::optional<std::string> open(open_mode mode) {
    sqlite3_busy_timeout(db_, 10000);
    // 16 KiB pages for a new database (an existing one keeps its own):
    // fewer page splits and shallower indexes; loading the 1 GB benchmark
    // dump took 9% less time than with 4 KiB.
    if (mode == open_mode::load && !exec("PRAGMA page_size=16384")) return error_;
    if (!exec(mode == open_mode::load ? "BEGIN IMMEDIATE" : "BEGIN")) return error_;
    auto refused = check_schema(mode);
    if (!refused && !exec("COMMIT")) refused = error_;
    if (refused) {
      exec("ROLLBACK");
      return refused;
    }
    // Only once the database is known to be ours: WAL (readers go on while
    // a load writes; a killed load's last batch is rolled back on the next
    // open) and a sync at checkpoints rather than at every commit (a crash
    // of the process loses nothing committed; a power loss at most the last
    // batches, never consistency).
    // A page cache that holds the hot part of the indexes (SQLite's
    // default 2 MiB made it read its own pages back), and a checkpoint
    // every 64 MiB of WAL rather than every 4 MiB.
    if (mode == open_mode::load &&
        (!exec("PRAGMA journal_mode=WAL") || !exec("PRAGMA synchronous=NORMAL") ||
         !exec("PRAGMA cache_size=-131072") || !exec("PRAGMA wal_autocheckpoint=16384") ||
         !prepare_lookup_indexes())) {
      return error_;
    }
    return std::nullopt;
  }

  // Never refuses: SQLite text holds any byte, NUL included (bound with
  // its length).
  std::optional<std::string> put(const order& o, std::string&) override {
    if (!error_.empty()) return error_;
    if (!prepare_load()) return error_;
    if (!in_transaction_) {
      if (!exec("BEGIN IMMEDIATE")) return error_;
      in_transaction_ = true;
    }
    // New orders are the common case: the insert comes first, and the key's
    // unique index makes it nothing when the order is stored; only then is
    // the stored one read and compared.
    sqlite3_stmt* insert = insert_order_->get();
    binder values{insert};
    bind_columns(o, -1, values);
    if (values.rc != SQLITE_OK || !step_done(insert)) return fail("storing an order");
    std::optional<std::int64_t> row;
    if (sqlite3_changes(db_) == 1) {
      row = sqlite3_last_insert_rowid(db_);
      ++pending_.inserted;
    } else {
      sqlite3_stmt* find = select_existing_->get();
      binder key{find};
      key.text(o.remote_id);
      key.text(to_string(o.platform));
      if (sqlite3_step(find) != SQLITE_ROW) {
        sqlite3_reset(find);
        return fail("reading the stored order");
      }
      std::optional<std::string_view> stored;
      if (sqlite3_column_type(find, 1) != SQLITE_NULL) {
        stored = reinterpret_cast<const char*>(sqlite3_column_text(find, 1));
      }
      char buf[timestamp::max_chars];
      const stored_verdict verdict = verdict_for(
          o.remote_updated_at ? o.remote_updated_at->format(buf) : std::string_view(), stored);
      pending_.count(verdict);
      const bool replace = verdict == stored_verdict::replace;
      if (replace) row = sqlite3_column_int64(find, 0);
      sqlite3_reset(find);
      if (replace) {
        sqlite3_stmt* update = update_order_->get();
        binder changed{update};
        bind_columns(o, -1, changed);
        changed.integer(*row);
        if (changed.rc != SQLITE_OK || !step_done(update)) return fail("storing an order");
        for (auto& [name, child] : children_) {
          binder b{child.remove.get()};
          b.integer(*row);
          if (!step_done(child.remove.get())) return fail("replacing an order's " + name);
        }
      }
    }
    if (row) {
      std::vector<std::int64_t> keys{*row};
      bool ok = true;
      auto visit = [&](std::string_view name, const std::vector<std::int64_t>& k,
                       const auto& element, int minor_units) {
        if (!ok) return;
        sqlite3_stmt* child = children_.find(name)->second.insert.get();
        binder b{child};
        for (const std::int64_t v : k) b.integer(v);
        bind_columns(element, minor_units, b);
        ok = b.rc == SQLITE_OK && step_done(child);
      };
      for_each_child_row(o, -1, keys, visit);
      if (!ok) return fail("storing an order's lists");
    }
    if (++in_batch_ >= opts_.batch_orders && !commit()) return error_;
    return std::nullopt;
  }

  std::optional<std::string> finish() override {
    if (!error_.empty()) return error_;
    if (in_transaction_ && !commit()) return error_;
    for (const std::string& sql : lookup_index_statements(false)) {
      if (!exec(sql)) return error_;
    }
    // Fold the WAL into the database file, so that it is one file again.
    exec("PRAGMA wal_checkpoint(TRUNCATE)");
    error_.clear();
    return std::nullopt;
  }

  const load_counts& counts() const override { return counts_; }

  std::optional<std::string> find(const order_query& q,
                                  const std::function<bool(const owned_order&)>& each,
                                  page& result) override {
    if (!prepare_read()) return error_;
    if (!exec("BEGIN")) return error_;  // one snapshot for the whole answer
    auto answer = find_in_snapshot(q, each, result);
    exec("COMMIT");
    return answer;
  }

 private:
  struct child_statements {
    statement insert;
    statement remove;
    statement select;
  };

  std::optional<std::string> find_in_snapshot(const order_query& q,
                                              const std::function<bool(const owned_order&)>& each,
                                              page& result) {
    if (q.alternate_id && q.filter.platforms.size() != 1) {
      const condition holding = platforms_holding(q);
      statement platforms;
      if (!prepare(holding.sql, platforms)) return error_;
      binder b{platforms.get()};
      for (const auto& p : holding.params) b.copy(std::get<std::string>(p));
      std::vector<std::string> names;
      while (sqlite3_step(platforms.get()) == SQLITE_ROW) {
        names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(platforms.get(), 0)));
      }
      if (auto ambiguous = ambiguous_alternate_id(q, names)) return ambiguous;
    }
    const schema& s = order_schema();
    std::string sql = "SELECT \"row_id\"";
    for (const column& c : s.tables[0].columns) sql += ", " + sql_identifier(c.name);
    sql += " FROM \"orders\"";
    const std::vector<condition> conditions = where_conditions(q);
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      sql += (i == 0 ? " WHERE " : " AND ") + conditions[i].sql;
    }
    sql += " ORDER BY \"row_id\"";
    if (q.limit) sql += " LIMIT ?";
    statement select;
    if (!prepare(sql, select)) return error_;
    binder b{select.get()};
    for (const condition& c : conditions) {
      for (const auto& p : c.params) {
        if (const auto* t = std::get_if<std::string>(&p)) {
          b.text(*t);
        } else {
          b.integer(std::get<std::int64_t>(p));
        }
      }
    }
    // One more than asked: whether more remain.
    if (q.limit)
      b.integer(static_cast<std::int64_t>(std::min<std::uint64_t>(*q.limit, INT64_MAX - 1)) + 1);
    if (b.rc != SQLITE_OK) return fail("binding the query");

    auto fetch = [&](std::string_view name, const std::vector<std::int64_t>& keys,
                     auto&& each_row) {
      sqlite3_stmt* st = children_.find(name)->second.select.get();
      binder k{st};
      for (const std::int64_t v : keys) k.integer(v);
      bool ok = true;
      int rc;
      while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        column_reader in{st, 1};
        ok = each_row(in, sqlite3_column_int64(st, 0));
      }
      if (ok && rc != SQLITE_DONE) ok = false;
      sqlite3_reset(st);
      return ok;
    };
    std::uint64_t given = 0;
    int rc;
    std::string bad;
    while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
      const std::int64_t row = sqlite3_column_int64(select.get(), 0);
      if (q.limit && given == *q.limit) {
        result.more = true;
        break;
      }
      owned_order o;
      column_reader in{select.get(), 1};
      std::vector<std::int64_t> keys{row};
      if (!read_columns(o, in, bad) || !read_children(o, keys, fetch, bad)) {
        return "order at row " + std::to_string(row) + " of " + path_ + ": " +
               (bad.empty() ? std::string(sqlite3_errmsg(db_)) : bad);
      }
      ++given;
      result.last_row = row;
      if (!each(o)) return std::nullopt;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail("reading orders");
    return std::nullopt;
  }

  std::optional<std::string> check_schema(open_mode mode) {
    statement version;
    if (!prepare("PRAGMA user_version", version) || sqlite3_step(version.get()) != SQLITE_ROW) {
      return fail("reading the schema version");
    }
    const int found = sqlite3_column_int(version.get(), 0);
    statement tables;
    if (!prepare("SELECT count(*) FROM sqlite_master", tables) ||
        sqlite3_step(tables.get()) != SQLITE_ROW) {
      return fail("reading the schema");
    }
    const bool empty = sqlite3_column_int(tables.get(), 0) == 0;
    if (found == 0 && empty) {
      if (mode == open_mode::read) return path_ + " holds no orders (not an ordernorm database)";
      for (const std::string& ddl : sqlite_schema_statements()) {
        if (!exec(ddl)) return error_;
      }
      if (!exec("PRAGMA user_version=" + std::to_string(schema_version))) return error_;
      return std::nullopt;
    }
    if (found != schema_version) {
      return path_ + " was made with store schema version " + std::to_string(found) +
             (found == 0 ? " (not an ordernorm database)" : "") + "; this ordernorm uses version " +
             std::to_string(schema_version) + " and does not migrate: load into a new database";
    }
    // The same version must mean the same tables: compare them with what
    // this build generates (a model changed without a version bump).
    statement stored;
    if (!prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", stored)) {
      return error_;
    }
    const schema& s = order_schema();
    for (const table& t : s.tables) {
      binder b{stored.get()};
      b.text(t.name);
      const bool same =
          sqlite3_step(stored.get()) == SQLITE_ROW &&
          reinterpret_cast<const char*>(sqlite3_column_text(stored.get(), 0)) == create_table(s, t);
      sqlite3_reset(stored.get());
      if (!same) {
        return path_ + ": table " + t.name + " is not the one store schema version " +
               std::to_string(schema_version) + " makes; load into a new database";
      }
    }
    return std::nullopt;
  }

  // See lookup_index_statements(): dropped while an empty store is loaded (a reader
  // meanwhile scans), made when it holds orders.
  bool prepare_lookup_indexes() {
    if (!exec("BEGIN IMMEDIATE")) return false;
    statement any;
    if (!prepare("SELECT EXISTS (SELECT 1 FROM \"orders\")", any)) return false;
    if (sqlite3_step(any.get()) != SQLITE_ROW) {
      fail("reading the orders");
      return false;
    }
    const bool empty = sqlite3_column_int(any.get(), 0) == 0;
    sqlite3_reset(any.get());
    for (const std::string& sql : lookup_index_statements(empty)) {
      if (!exec(sql)) return false;
    }
    return exec("COMMIT");
  }

  bool commit() {
    if (!exec("COMMIT")) return false;
    in_transaction_ = false;
    in_batch_ = 0;
    counts_.add_committed(pending_);
    return true;
  }

  bool prepare_load() {
    if (insert_order_) return true;
    const schema& s = order_schema();
    const table& orders = s.tables[0];
    std::string names, marks, sets;
    for (std::size_t i = 0; i < orders.columns.size(); ++i) {
      names += (i == 0 ? "" : ", ") + sql_identifier(orders.columns[i].name);
      marks += i == 0 ? "?" : ", ?";
      sets += (i == 0 ? "" : ", ") + sql_identifier(orders.columns[i].name) + " = ?";
    }
    select_existing_ = std::make_unique<statement>();
    insert_order_ = std::make_unique<statement>();
    update_order_ = std::make_unique<statement>();
    if (!prepare("SELECT \"row_id\", \"remote_updated_at\" FROM \"orders\" WHERE \"remote_id\" = ? "
                 "AND \"platform\" = ?",
                 *select_existing_) ||
        !prepare(
            "INSERT INTO \"orders\" (" + names + ") VALUES (" + marks + ") ON CONFLICT DO NOTHING",
            *insert_order_) ||
        !prepare("UPDATE \"orders\" SET " + sets + " WHERE \"row_id\" = ?", *update_order_)) {
      insert_order_.reset();
      return false;
    }
    for (auto t = s.tables.rbegin(); t + 1 != s.tables.rend(); ++t) {
      child_statements& c = children_[t->name];
      std::string cols, child_marks;
      for (std::size_t i = 0; i < t->keys.size(); ++i) {
        cols += (i == 0 ? "" : ", ") + sql_identifier(t->keys[i]);
        child_marks += i == 0 ? "?" : ", ?";
      }
      for (const column& col : t->columns) {
        cols += ", " + sql_identifier(col.name);
        child_marks += ", ?";
      }
      if (!prepare("INSERT INTO " + sql_identifier(t->name) + " (" + cols + ") VALUES (" +
                       child_marks + ")",
                   c.insert) ||
          !prepare("DELETE FROM " + sql_identifier(t->name) + " WHERE \"order_row\" = ?",
                   c.remove)) {
        insert_order_.reset();
        return false;
      }
    }
    return true;
  }

  bool prepare_read() {
    if (read_prepared_) return true;
    const schema& s = order_schema();
    for (std::size_t i = 1; i < s.tables.size(); ++i) {
      const table& t = s.tables[i];
      std::string sql = "SELECT \"ordinal\"";
      for (const column& col : t.columns) sql += ", " + sql_identifier(col.name);
      sql += " FROM " + sql_identifier(t.name) + " WHERE ";
      for (std::size_t k = 0; k + 1 < t.keys.size(); ++k) {
        sql += (k == 0 ? "" : " AND ") + sql_identifier(t.keys[k]) + " = ?";
      }
      sql += " ORDER BY \"ordinal\"";
      if (!prepare(sql, children_[t.name].select)) return false;
    }
    read_prepared_ = true;
    return true;
  }

  bool prepare(const std::string& sql, statement& st) {
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &st.handle(), nullptr) != SQLITE_OK) {
      fail("preparing a statement");
      return false;
    }
    return true;
  }

  bool exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      if (error_.empty()) {
        error_ = path_ + ": " + (message != nullptr ? message : "SQLite failed");
      }
      sqlite3_free(message);
      return false;
    }
    return true;
  }

  bool step_done(sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE;
  }

  std::string fail(const std::string& doing) {
    if (error_.empty()) error_ = path_ + ": " + doing + ": " + sqlite3_errmsg(db_);
    return error_;
  }

  sqlite3* db_;
  std::string path_;
  store_options opts_;
  std::string error_;
  load_counts counts_;
  load_counts pending_;  // the open transaction's
  bool in_transaction_ = false;
  std::size_t in_batch_ = 0;
  bool read_prepared_ = false;
  std::unique_ptr<statement> select_existing_;
  std::unique_ptr<statement> insert_order_;
  std::unique_ptr<statement> update_order_;
  std::map<std::string, child_statements, std::less<>> children_;
};

}  // namespace

std::vector<std::string> sqlite_schema_statements() { return schema_statements(dialect); }

std::variant<std::unique_ptr<order_store>, std::string> open_sqlite_store(
    const std::string& path, open_mode mode, const store_options& opts) {
  std::error_code ec;
  if (mode == open_mode::read && !std::filesystem::exists(path, ec)) {
    return "no database at " + path + " (ordernorm load --db makes one)";
  }
  sqlite3* db = nullptr;
  // SQLite's memory statistics take a global mutex at every allocation
  // (4-9% of a load's time); nothing here reads them. Only possible before SQLite's
  // first use in the process, and refused (harmlessly) after.
  static std::once_flag no_memory_statistics;
  std::call_once(no_memory_statistics, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  // One connection, used by one thread: no SQLite mutexes.
  const int flags = (mode == open_mode::read ? SQLITE_OPEN_READONLY
                                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = path + ": " + (db != nullptr ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    return message;
  }
  auto store = std::make_unique<sqlite_store>(db, path, opts);
  if (auto refused = store->open(mode)) return std::move(*refused);
  return std::unique_ptr<order_store>(std::move(store));
}

}  // namespace ordernorm::store
