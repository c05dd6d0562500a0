// The store: orders kept in a database, for `ordernorm load` and
// `ordernorm orders` (issue 17). Private to the CLI (not part of the
// library's API). One interface, order_store; one backend per translation
// unit (sqlite_store.cpp; postgres_store.cpp: per batch, one read of the
// stored versions and COPY straight into the tables, behind the same
// interface). The tables come from the model's reflection (schema.hpp).
//
// Upsert rule, keyed on (platform, remoteId):
//   - not stored yet: inserted;
//   - stored, and the new remoteUpdatedAt is later: the order and all its
//     children replaced (the order keeps its row, so its place in the
//     listing);
//   - the same remoteUpdatedAt: unchanged (not rewritten), so loading a dump
//     twice changes nothing;
//   - an earlier one: skipped, counted as older;
//   - no remoteUpdatedAt: older than any stored time (skipped when the
//     stored order has one); when neither has one the platform gives nothing
//     to compare, and the one loaded last wins (replaced, with the same
//     values when the dump is the same).
// Timestamps compare as written (RFC 3339 UTC text, which sorts).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ordernorm/filter.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::store {

// Where the orders are. `sqlite:PATH`, or a PATH ending in .db or .sqlite;
// `postgresql://...` or `postgres://...` (libpq's URI form), refused when
// built without ORDERNORM_POSTGRES.
struct database_url {
  enum class kind : std::uint8_t { sqlite, postgres };
  kind backend = kind::sqlite;
  std::string target;  // sqlite: the file's path; postgres: the URL
};

// The URL, or a message (with the password redacted) saying why not.
std::variant<database_url, std::string> parse_database_url(std::string_view url);

// `url` with any password replaced by "***": the userinfo's
// (scheme://user:secret@host), a `password=` query or key=value parameter.
// Every message that names a URL names it through this.
std::string redact_url(std::string_view url);

// The upsert rule above, for an order already stored: `loaded` and `stored`
// are the two remoteUpdatedAt as written (RFC 3339 UTC text, which sorts),
// empty or std::nullopt when the order has none.
enum class stored_verdict : std::uint8_t { replace, unchanged, older };
stored_verdict verdict_for(std::string_view loaded, std::optional<std::string_view> stored);

struct load_counts {
  std::uint64_t inserted = 0;
  std::uint64_t replaced = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t older = 0;  // skipped: the stored order is newer

  // One verdict of verdict_for() counted.
  void count(stored_verdict v);

  // A committed transaction's verdicts (`pending`, then emptied): the
  // counts say what the database holds, not what a rolled-back batch did.
  void add_committed(load_counts& pending) {
    inserted += pending.inserted;
    replaced += pending.replaced;
    unchanged += pending.unchanged;
    older += pending.older;
    pending = {};
  }
};

// What `orders` asks for: lookups (Malomo's) and convert's filter (Alloy's,
// filter.hpp, the same rules as matches()), combined with AND, then a page.
struct order_query {
  std::optional<std::string> id;             // ordernorm's id, "shopify:450789469"
  std::optional<std::string> alternate_id;   // remoteId
  order_filter filter;                       // statuses, platforms, currency, time ranges
  std::optional<std::string> tracking_code;  // any of the order's shipments
  std::optional<std::string> number;         // orderNumber, with customer_email
  std::optional<std::string> customer_email;
  std::optional<std::uint64_t> limit;  // none: every match
  std::optional<std::int64_t> after;   // the cursor: orders listed after this one
};

// One condition of a WHERE clause: SQL with `?` for each parameter, and
// the parameters, bound (never spliced into the text). Backend-neutral
// SQL: a backend renumbers the placeholders if it must ($1 in PostgreSQL).
struct condition {
  std::string sql;
  std::vector<std::variant<std::string, std::int64_t>> params;
};

// The query's conditions, in a fixed order; paging (after) included.
std::vector<condition> where_conditions(const order_query& q);

// For an --alternate-id that the filter does not narrow to one platform:
// the query of the platforms that hold it (among those the filter allows),
// one name per row, and the message when there is more than one (none else).
condition platforms_holding(const order_query& q);
std::optional<std::string> ambiguous_alternate_id(const order_query& q,
                                                  const std::vector<std::string>& platforms);

// The cursor for the order listed at `row` (the stored order's position in
// the listing), and back; std::nullopt for text that is not a cursor.
std::string cursor_of(std::int64_t row);
std::optional<std::int64_t> parse_cursor(std::string_view cursor);

class order_store {
 public:
  virtual ~order_store() = default;

  // Loading. put() stores one order per the upsert rule, inside the current
  // batch (committed every batch_orders orders), or refuses it (`refused`
  // says why: the caller reports and counts it) when the database cannot
  // hold one of its values (a NUL character in PostgreSQL text);
  // an error message when the database failed, after which nothing more is
  // stored.
  virtual std::optional<std::string> put(const order& o, std::string& refused) = 0;
  // put() in two steps, for `load -j N`: stage() renders the order into
  // `image` (appended) on any thread, at once on several (it reads only
  // the order); put_staged() stores an image, in input order, on the
  // loading thread, as put() stores the order. By default the image is
  // the order's (order_codec.hpp); a backend may stage more of its work.
  virtual void stage(const order& o, std::string& image) const;
  virtual std::optional<std::string> put_staged(std::string_view image, std::string& refused);
  // Commits the last batch.
  virtual std::optional<std::string> finish() = 0;
  virtual const load_counts& counts() const = 0;

  // Asking. Calls each(order, row) per match in listing order (the order in
  // which orders were first stored) until it returns false. `more` is set
  // when the limit cut the list short; then `last_row` is the row of the
  // last order given. An error message on failure (an ambiguous
  // alternate_id names the platforms that hold it).
  struct page {
    bool more = false;
    std::int64_t last_row = 0;
  };
  virtual std::optional<std::string> find(const order_query& q,
                                          const std::function<bool(const owned_order&)>& each,
                                          page& result) = 0;

 private:
  order decoded_;  // put_staged()'s, by default
};

enum class open_mode : std::uint8_t { load, read };

struct store_options {
  // Orders per transaction (`load --batch`): each commit is a point a
  // killed load resumes from (re-running it skips what is stored); larger
  // batches amortize the commit (a SQLite load of the benchmark dump took
  // 10% longer with 1000).
  std::size_t batch_orders = 10000;
};

// The store at `url`: created (tables, indexes, version) for a load into a
// new database; refused with a message when it was made by another schema
// version, or, for reading, when it does not exist.
std::variant<std::unique_ptr<order_store>, std::string> open_store(std::string_view url,
                                                                   open_mode mode,
                                                                   const store_options& opts = {});

// The version of the tables' shape (PRAGMA user_version in SQLite, the
// table ordernorm_schema in PostgreSQL): raised
// whenever the generated tables change. A database of another version is
// refused: load into a new one.
inline constexpr int schema_version = 2;

// The SQLite backend (sqlite_store.cpp).
std::variant<std::unique_ptr<order_store>, std::string> open_sqlite_store(
    const std::string& path, open_mode mode, const store_options& opts);

// The CREATE statements of the SQLite tables and indexes, as executed.
std::vector<std::string> sqlite_schema_statements();

// The PostgreSQL backend (postgres_store.cpp, built with ORDERNORM_POSTGRES).
// `url` is given to libpq as it is.
std::variant<std::unique_ptr<order_store>, std::string> open_postgres_store(
    const std::string& url, open_mode mode, const store_options& opts);

// The CREATE statements of the PostgreSQL tables and indexes, as executed.
std::vector<std::string> postgres_schema_statements();

}  // namespace ordernorm::store
