// The command line: help texts and option parsing for `convert` and `track`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ordernorm/ordernorm.hpp"
#include "progress.hpp"
#include "store.hpp"

namespace ordernorm::cli {

// convert's output: one order per line, one JSON array, or CSV.
enum class output_format : std::uint8_t { ndjson, json, csv };

// `orders`: the lookups (Malomo's) and the page; its filter is
// cli_options::filter, as convert's.
struct orders_options {
  std::optional<std::string> id;
  std::optional<std::string> alternate_id;
  std::optional<std::string> tracking_code;
  std::optional<std::string> number;
  std::optional<std::string> customer_email;
  std::optional<std::uint64_t> limit;
  std::optional<std::int64_t> after;  // a cursor, parsed
};

struct cli_options {
  bool tracking = false;       // `track` rather than `convert`
  bool load = false;           // `load`: convert's inputs into the store at `db`
  bool orders = false;         // `orders`: print stored orders
  std::string db;              // --db URL
  store::store_options store;  // load --batch
  orders_options ask;
  // `schema`: print the JSON Schema of this root instead of converting.
  std::optional<ordernorm::schema_root> schema;
  ordernorm::options convert;
  ordernorm::reader_options reader;
  ordernorm::track_options track;
  ordernorm::order_filter filter;  // convert: the orders to write (empty: all)
  output_format format = output_format::ndjson;
  bool quiet = false;  // no warnings, no summary on standard error
  unsigned jobs = 0;   // -j: threads that convert; 0 until parsed (the number of cores)
  progress_when progress = progress_when::automatic;
  std::string output = "-";
  std::string rejects;              // empty: described on standard error
  std::string warnings;             // empty: described on standard error (unless quiet)
  std::string line_items;           // convert --format csv: the line items' CSV; empty: none
  std::vector<std::string> inputs;  // empty: standard input
};

// Reads the whole command line. Returns the exit code when it ends the run
// (help, version, a usage error: what to say is already said); std::nullopt
// when `opts` holds a command to run.
std::optional<int> parse_command_line(int argc, char** argv, cli_options& opts);

}  // namespace ordernorm::cli
