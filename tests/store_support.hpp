// What the store tests (store_test.cpp on SQLite, store_postgres_test.cpp on
// PostgreSQL) share: the CLI run as a user runs it, a dump of every
// platform, and a load started in the background for the kill tests.
#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "generators.hpp"  // bench/
#include "test_support.hpp"

namespace ordernorm::testing {

// `ordernorm <args>` (`args` already quoted for the shell).
inline command_result run_cli(const std::string& args) {
  return run_shell(ORDERNORM_CLI " " + args);
}

// `s` single-quoted for the shell.
inline std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

inline std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

// `orders` orders from the generators of every platform in turn (seeded).
inline std::string mixed_dump(std::size_t orders) {
  std::vector<std::unique_ptr<ordernorm_bench::order_generator>> gens;
  for (const auto& g : ordernorm_bench::generators()) gens.push_back(g.make(20261207));
  std::string out;
  for (std::size_t i = 0; i < orders; ++i) {
    gens[i % gens.size()]->append_order(out);
    out += '\n';
  }
  return out;
}

// `ordernorm load -q -j 2 --db <db> <dump>` started in the background, its
// output discarded: the process to kill.
// A hand-written Shopify order (convert --from shopify), one NDJSON line:
// each SKU a line item priced at `total`, one fulfillment with `tracking`.
// Built by appending: GCC 12 -O3 raises a false -Wrestrict on
// "literal" + std::string&&.
inline std::string shopify_order(const std::string& id, const std::string& updated_at,
                                 const std::string& total, const std::vector<std::string>& skus,
                                 const std::string& email = "maya@example.com",
                                 const std::string& tracking = "TRK-1",
                                 const std::string& currency = "USD") {
  std::string items;
  for (std::size_t i = 0; i < skus.size(); ++i) {
    if (i != 0) items += ',';
    items += "{\"id\":";
    items += std::to_string(100 + i);
    items += ",\"sku\":\"";
    items += skus[i];
    items += "\",\"title\":\"Tee\",\"quantity\":1,\"price\":\"";
    items += total;
    items += "\"}";
  }
  std::string out = "{\"id\":";
  out += id;
  out += ",\"order_number\":";
  out += id;
  out += ",\"updated_at\":";
  out += updated_at.empty() ? "null" : "\"" + updated_at + "\"";
  out += ",\"currency\":\"";
  out += currency;
  out += "\",\"total_price\":\"";
  out += total;
  out += "\",\"customer\":{\"id\":7,\"email\":\"";
  out += email;
  out += "\",\"first_name\":\"Maya\"},\"line_items\":[";
  out += items;
  out += "],\"fulfillments\":[{\"tracking_number\":\"";
  out += tracking;
  out += "\",\"tracking_company\":\"UPS\"}]}\n";
  return out;
}

// Every example and every golden input (not the expected outputs), sorted:
// the inputs both stores must give back as convert printed them.
inline std::vector<std::filesystem::path> example_and_golden_inputs(
    const std::filesystem::path& source_dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(source_dir / "examples")) inputs.push_back(e.path());
  for (const auto& platform : fs::directory_iterator(source_dir / "tests" / "golden")) {
    for (const auto& e : fs::directory_iterator(platform.path())) {
      if (e.path().string().find(".expected.") == std::string::npos) inputs.push_back(e.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

// FNV-1a of the statements, each followed by a newline: what the schema
// version tests pin.
inline std::uint64_t statements_hash(const std::vector<std::string>& statements) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const std::string& statement : statements) {
    for (const char c : statement + "\n") {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
  }
  return hash;
}

inline pid_t start_load(const std::string& db, const std::string& dump) {
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    // Batches of 1000: a kill can land between commits of a 10,000-order dump.
    ::execl(ORDERNORM_CLI, ORDERNORM_CLI, "load", "-q", "-j", "2", "--batch", "1000", "--db",
            db.c_str(), dump.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

}  // namespace ordernorm::testing
