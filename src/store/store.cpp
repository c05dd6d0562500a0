// The backend-neutral part of the store (store.hpp): URLs and their
// redaction, the query's conditions, cursors, and opening a backend.
#include "store.hpp"

#include "order_codec.hpp"
#include "ordernorm/convert.hpp"

#include <cctype>
#include <charconv>

namespace ordernorm::store {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string redact_url(std::string_view url) {
  std::string out(url);
  // scheme://user:secret@host/...: the userinfo's password.
  if (const std::size_t scheme_end = out.find("://"); scheme_end != std::string::npos) {
    const std::size_t authority = scheme_end + 3;
    const std::size_t authority_end = out.find_first_of("/?#", authority);
    const std::size_t at =
        out.rfind('@', authority_end == std::string::npos ? std::string::npos : authority_end - 1);
    if (at != std::string::npos && at >= authority) {
      const std::size_t colon = out.find(':', authority);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=secret, as a query parameter (?password=..&) or a key=value
  // connection string (password='a b' host=...), any letter case.
  constexpr std::string_view key = "password";
  for (std::size_t i = 0; i + key.size() <= out.size(); ++i) {
    if (!iequals(std::string_view(out).substr(i, key.size()), key)) continue;
    std::size_t eq = i + key.size();
    while (eq < out.size() && out[eq] == ' ') ++eq;
    if (eq >= out.size() || out[eq] != '=') continue;
    std::size_t begin = eq + 1;
    while (begin < out.size() && out[begin] == ' ') ++begin;
    std::size_t end = begin;
    if (begin < out.size() && out[begin] == '\'') {
      end = begin + 1;
      while (end < out.size() && out[end] != '\'') end += out[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, out.size());
    } else {
      while (end < out.size() && out[end] != '&' && out[end] != ' ' && out[end] != '#') ++end;
    }
    out.replace(begin, end - begin, "***");
    i = begin + 2;
  }
  return out;
}

std::variant<database_url, std::string> parse_database_url(std::string_view url) {
  database_url parsed;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    parsed.backend = database_url::kind::postgres;
    parsed.target = std::string(url);
    return parsed;
  }
  if (url.starts_with("sqlite:")) {
    url.remove_prefix(7);
  } else if (!ends_with(url, ".db") && !ends_with(url, ".sqlite")) {
    return "--db needs sqlite:PATH or a path ending in .db or .sqlite, not '" + redact_url(url) +
           "'";
  }
  if (url.empty()) return std::string("--db sqlite: needs a path");
  parsed.target = std::string(url);
  return parsed;
}

std::vector<condition> where_conditions(const order_query& q) {
  std::vector<condition> out;
  if (q.id) {
    // "<platform>:<remoteId>": found through the upsert's key index.
    const std::size_t colon = q.id->find(':');
    if (colon != std::string::npos && platform_from_name(q.id->substr(0, colon))) {
      out.push_back({"\"remote_id\" = ? AND \"platform\" = ?",
                     {q.id->substr(colon + 1), q.id->substr(0, colon)}});
    }
    out.push_back({"\"id\" = ?", {*q.id}});
  }
  if (q.alternate_id) out.push_back({"\"remote_id\" = ?", {*q.alternate_id}});
  // The filter, as matches() applies it: spellings for enums; currencies
  // ignoring ASCII case; times compared by their reading (the first 23
  // characters, without the "Z"), after inclusive, before exclusive.
  const order_filter& f = q.filter;
  auto any_of = [&out](std::string_view column, const auto& values, auto spelling) {
    if (values.empty()) return;
    condition c{std::string(column) + " IN (", {}};
    for (std::size_t i = 0; i < values.size(); ++i) {
      c.sql += i == 0 ? "?" : ", ?";
      c.params.emplace_back(spelling(values[i]));
    }
    c.sql += ")";
    out.push_back(std::move(c));
  };
  auto spelled = [](auto e) { return std::string(to_string(e)); };
  any_of("\"fulfillment_status\"", f.fulfillment_statuses, spelled);
  any_of("\"order_status\"", f.order_statuses, spelled);
  any_of("\"payment_status\"", f.payment_statuses, spelled);
  any_of("\"platform\"", f.platforms, spelled);
  any_of("upper(\"currency\")", f.currencies, [](const std::string& c) {
    std::string upper = c;
    for (char& ch : upper) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    return upper;
  });
  auto bound = [&out](std::string_view column, std::string_view op,
                      const std::optional<timestamp>& t) {
    if (!t) return;
    char buf[timestamp::max_chars];
    timestamp reading = *t;
    reading.local = true;  // its reading, without the "Z"
    out.push_back({"substr(" + std::string(column) + ", 1, 23) " + std::string(op) + " ?",
                   {std::string(reading.format(buf))}});
  };
  bound("\"remote_created_at\"", ">=", f.created_after);
  bound("\"remote_created_at\"", "<", f.created_before);
  bound("\"remote_updated_at\"", ">=", f.updated_after);
  bound("\"remote_updated_at\"", "<", f.updated_before);
  if (q.tracking_code) {
    out.push_back(
        {"\"row_id\" IN (SELECT \"order_row\" FROM \"shipments\" WHERE \"tracking_code\" = ?)",
         {*q.tracking_code}});
  }
  if (q.number) out.push_back({"\"order_number\" = ?", {*q.number}});
  if (q.customer_email) out.push_back({"\"customer_email\" = ?", {*q.customer_email}});
  if (q.after) out.push_back({"\"row_id\" > ?", {*q.after}});
  return out;
}

condition platforms_holding(const order_query& q) {
  condition out{"SELECT DISTINCT \"platform\" FROM \"orders\" WHERE \"remote_id\" = ?",
                {*q.alternate_id}};
  order_query among;
  among.filter.platforms = q.filter.platforms;
  for (const condition& c : where_conditions(among)) {
    out.sql += " AND " + c.sql;
    out.params.insert(out.params.end(), c.params.begin(), c.params.end());
  }
  out.sql += " ORDER BY 1";
  return out;
}

std::optional<std::string> ambiguous_alternate_id(const order_query& q,
                                                  const std::vector<std::string>& platforms) {
  if (platforms.size() < 2) return std::nullopt;
  std::string list;
  for (const std::string& name : platforms) list += (list.empty() ? "" : ", ") + name;
  return "--alternate-id " + *q.alternate_id + " is an order on several platforms (" + list +
         "): give --platform";
}

stored_verdict verdict_for(std::string_view loaded, std::optional<std::string_view> stored) {
  // A time beats none; neither has one: the last loaded wins.
  if (!stored) return stored_verdict::replace;
  if (loaded.empty() || loaded < *stored) return stored_verdict::older;
  return loaded == *stored ? stored_verdict::unchanged : stored_verdict::replace;
}

void load_counts::count(stored_verdict v) {
  switch (v) {
    case stored_verdict::replace:
      ++replaced;
      break;
    case stored_verdict::unchanged:
      ++unchanged;
      break;
    case stored_verdict::older:
      ++older;
      break;
  }
}

void order_store::stage(const order& o, std::string& image) const { encode_order(o, image); }

std::optional<std::string> order_store::put_staged(std::string_view image, std::string& refused) {
  if (!decode_order(image, decoded_)) return std::string("an order's image did not decode (a bug)");
  return put(decoded_, refused);
}

std::string cursor_of(std::int64_t row) { return std::to_string(row); }

std::optional<std::int64_t> parse_cursor(std::string_view cursor) {
  std::int64_t row = 0;
  const auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), row);
  if (ec != std::errc{} || end != cursor.data() + cursor.size() || row < 0) return std::nullopt;
  return row;
}

std::variant<std::unique_ptr<order_store>, std::string> open_store(std::string_view url,
                                                                   open_mode mode,
                                                                   const store_options& opts) {
  auto parsed = parse_database_url(url);
  if (auto* error = std::get_if<std::string>(&parsed)) return std::move(*error);
  const database_url& db = std::get<database_url>(parsed);
  if (db.backend == database_url::kind::postgres) {
#ifdef ORDERNORM_HAVE_POSTGRES
    return open_postgres_store(db.target, mode, opts);
#else
    return "this ordernorm was built without PostgreSQL (" + redact_url(db.target) +
           "): configure with -DORDERNORM_POSTGRES=ON (needs libpq-dev), or use sqlite:PATH";
#endif
  }
  return open_sqlite_store(db.target, mode, opts);
}

}  // namespace ordernorm::store
