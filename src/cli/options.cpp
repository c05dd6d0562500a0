#include "options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "pipeline.hpp"
#include "store.hpp"

namespace ordernorm::cli {
namespace {

constexpr std::string_view main_help =
    R"(ordernorm - normalize e-commerce order JSON into one common model

Usage:
  ordernorm convert [options] [FILE...]   convert orders (see: ordernorm convert --help)
  ordernorm track [options] [FILE...]     derive shipment statuses from scan events
                                          (see: ordernorm track --help)
  ordernorm schema [--of order|shipment]  the JSON Schema (2020-12) of convert's
                                          orders (default) or track's shipments
  ordernorm load --db URL [options] [FILE...]
                                          convert orders into a database
                                          (see: ordernorm load --help)
  ordernorm orders --db URL [lookups]     print stored orders as convert did
                                          (see: ordernorm orders --help)
  ordernorm help [COMMAND]                this text, or a command's
  ordernorm -V, --version, version        the version

Order platforms: shopify, malomo, magento, bigcommerce, woocommerce, sfcc
(Salesforce Commerce Cloud, OCAPI and SCAPI), squarespace, ebay.
Tracking sources: malomo orders, easypost trackers, usps (Tracking API v3),
ups (Track API), fedex (Track API), dhl (Shipment Tracking - Unified).
)";

constexpr std::string_view convert_help =
    R"(Usage: ordernorm convert [--from auto|PLATFORM] [--format ndjson|json|csv]
                         [--line-items FILE] [FILTER...]
                         [--mapper fast|reference] [--as-of TIME] [--strict]
                         [--max-record-bytes N] [--max-depth N]
                         [--max-string-bytes N] [--progress WHEN] [-o FILE]
                         [--rejects FILE] [--warnings FILE] [-j N] [-q] [--]
                         [FILE...]

Reads platform order JSON from each FILE (standard input when there is none,
or for "-") and writes every order in ordernorm's common model.

Input: one JSON document (an order, an array of orders, or a list envelope
such as {"orders":[...]}, {"order":{...}}, {"result":[...]}, {"data":[...]}
or {"hits":[{"data":{...}}]}), or NDJSON with one such
document per line. NDJSON is streamed in bounded memory.

Options (a value can also be given as --option=VALUE):
  --from P       the platform of the input: auto (default: told per document
                 from its shape), shopify, malomo, magento, bigcommerce,
                 woocommerce, sfcc, squarespace or ebay
  --as-of TIME   "now" for time-based shipment rules (a label never scanned
                 for 30 days is `expired`); none apply without it
  --format F     ndjson (default): one order per line; json: one JSON array;
                 csv: RFC 4180 CSV, a header row, then one row per order with
                 its scalar fields (customer and addresses flattened into
                 columns such as customer.email, shippingAddress.city; no
                 line items or shipments), values spelled as in the JSON,
                 null an empty field, CRLF line ends
  --line-items FILE
                 with --format csv: write the line items to FILE as CSV too,
                 one row per line item, its order's id in column orderId
  --mapper M     fast (default) or reference (the simple mapper the fast one
                 is checked against; same output, slower)
  --strict       reject a record that is not valid JSON throughout as
                 invalid_json, at its first bad token; without it, values
                 under keys ordernorm does not read are skipped unchecked
  --max-record-bytes N
                 reject a record (an NDJSON line, or one order of an array)
                 longer than N bytes: record_too_large (default 256M)
  --max-depth N  reject a record whose objects and arrays nest deeper than N
                 levels, counted from the document's root (an NDJSON line's
                 order is level 1): depth_limit_exceeded (default 1024)
  --max-string-bytes N
                 reject a record with a string (or number) longer than N
                 bytes in a field ordernorm reads: string_too_long
                 (default 16M)
                 Sizes take a suffix K, M or G (KiB, MiB, GiB).
  -o FILE        write orders to FILE instead of standard output ("-")
  --rejects FILE write rejected records to FILE as NDJSON, one object per
                 record: input, record, offset, pointer, code, message.
                 Without it, rejects are described on standard error.
  --warnings FILE
                 write warnings (records that converted but lack something,
                 such as an unexpanded link) to FILE as NDJSON, with the
                 same fields (offset: the record's). Without it, warnings
                 are described on standard error.
  -j, --jobs N   convert on N threads (default: the number of cores); the
                 output is the same bytes whatever N is; -j 1 uses no
                 other thread
  --progress WHEN
                 a progress line on standard error (bytes read of the total,
                 records, MB/s, time left): auto (default: when standard
                 error is a terminal), always or never
  -q, --quiet    no warnings and no summary on standard error; rejects
                 still go there unless --rejects is given
  -h, --help     this text
  -V, --version  the version
  --             the arguments after it are files, even if they start with -

Filters (Alloy's list parameters): only the orders that match are written,
to every output; the others are counted as filtered out in the summary. They
are neither rejected nor lost from the counts: the exit status is the same.
Filters given together must all match; a LIST is one value or several
separated by commas, any of which matches (a flag given twice adds to its
list). Values are spelled as in the output, letter case ignored.
  --fulfillment-status LIST
                 unknown, unfulfilled, partial, fulfilled
  --order-status LIST
                 Unknown, Pending, Active, OnHold, Shipped, Completed,
                 Cancelled
  --payment-status LIST
                 Unknown, Pending, Authorized, PartiallyPaid, Paid,
                 PartiallyRefunded, Refunded, Voided, Failed
  --currency LIST
                 three-letter currency codes, e.g. USD,EUR
  --platform LIST
                 shopify, malomo, magento, bigcommerce, woocommerce, sfcc,
                 squarespace, ebay, unknown
  --created-after TIME, --created-before TIME
                 remoteCreatedAt at or after TIME (inclusive), or strictly
                 before TIME (exclusive): consecutive ranges never overlap
  --updated-after TIME, --updated-before TIME
                 the same for remoteUpdatedAt
                 TIME is RFC 3339 (2024-05-01T00:00:00Z, or with an offset
                 such as +02:00), or a date or time without an offset,
                 taken as UTC (2024-05-01 is its midnight). An order without
                 the time matches no bound on it; a local time the platform
                 gave without an offset is compared as written.

Files given to -o, --rejects, --warnings and --line-items are written to a
temporary file beside them and renamed into place when the run ends with
status 0 or 1: a failed or interrupted run leaves them as they were. An
output that names an input or another output is refused.

Every input record ends up in the output or in the rejects (or is filtered
out). A summary line (records, converted, rejected, filtered out when a
filter is given, warnings by code) goes to standard error.

Exit status: 0 all records converted; 1 some records rejected; 2 usage or
I/O error (no output file written).
)";

constexpr std::string_view track_help =
    R"(Usage: ordernorm track [--from auto|malomo|easypost|usps|ups|fedex|dhl]
                       [--as-of TIME] [--explain] [--mapper fast|reference]
                       [--strict] [--max-record-bytes N] [--max-depth N]
                       [--max-string-bytes N] [--progress WHEN] [-o FILE]
                       [--rejects FILE] [--warnings FILE] [-j N] [-q] [--]
                       [FILE...]

Reads tracking documents from each FILE (standard input when there is none,
or for "-"): carrier tracking API responses, EasyPost trackers, or orders
with shipments (Malomo), one per document or per NDJSON line. Prints one
shipment per line (NDJSON): the shipment in ordernorm's model, its status
derived from its scan events, plus "decidedBy" (the index in scanEvents of
the event that decided, or null) and "rule" (the rule that decided).

Options (a value can also be given as --option=VALUE):
  --from S       the source: auto (default: told per document from its
                 shape), malomo, easypost, usps, ups, fedex or dhl
  --as-of TIME   "now" for time-based rules (a label never scanned for 30
                 days is `expired`); none apply without it
  --explain      add "explain": per event, where its status came from and
                 whether and why it counted
  --mapper M     fast (default) or reference
  --strict       reject a document that is not valid JSON throughout (see
                 convert)
  --max-record-bytes N, --max-depth N, --max-string-bytes N
                 the input limits, as for convert (a document is one record):
                 record_too_large, depth_limit_exceeded, string_too_long
  -o FILE        write shipments to FILE instead of standard output ("-")
  --rejects FILE write rejected documents to FILE as NDJSON (see convert)
  --warnings FILE
                 write warnings to FILE as NDJSON (see convert)
  -j, --jobs N   track on N threads (default: the number of cores); the
                 output is the same bytes whatever N is
  --progress WHEN
                 a progress line on standard error (bytes read of the total,
                 records, MB/s, time left): auto (default: when standard
                 error is a terminal), always or never
  -q, --quiet    no warnings and no summary on standard error; rejects
                 still go there unless --rejects is given
  -h, --help     this text
  -V, --version  the version
  --             the arguments after it are files, even if they start with -

Output files are replaced only when the run ends with status 0 or 1, as for
convert; an output that names an input or another output is refused.

Exit status: 0 every document read; 1 some rejected; 2 usage or I/O error.
)";

constexpr std::string_view load_help =
    R"(Usage: ordernorm load --db URL [--batch N] [convert's input options] [--] [FILE...]

Converts orders as `ordernorm convert` does (the same input options and
filter flags, -j, --rejects, --warnings, summary and exit status; no -o,
--format or --line-items) and stores them in the database at URL instead of
printing them. Orders a filter leaves out are not stored.

URL: sqlite:PATH, or a PATH ending in .db or .sqlite; or a PostgreSQL
URL, postgresql://... or postgres://... (libpq's form; a password in it is
never printed). A new database gets the tables (orders, line_items,
shipments, scan_events); a database made by another store schema version is
refused.

An order is keyed by its platform and remoteId. One not stored yet is
added; one stored with an earlier remoteUpdatedAt is replaced, with its line
items, shipments and scan events; one with the same remoteUpdatedAt is left
unchanged, and one with an earlier (or no) remoteUpdatedAt is skipped and
counted as older. When neither the stored nor the loaded order has a
remoteUpdatedAt, the one loaded last is kept. Loading the same input twice
changes nothing.

An order PostgreSQL cannot hold (a NUL character, \u0000, in a text; SQLite
holds it) is not stored: it is reported where rejects go, with the code
not_stored, counted as "not stored", and the exit status is 1.

Orders are committed in batches (--batch N orders, default 10000): a load
that is interrupted (even killed) leaves the database consistent, holding
whole orders only, and running the same load again completes it.

The summary adds how many orders were stored new, replaced, unchanged and
skipped as older, and how many were not stored, if any.
)";

constexpr std::string_view orders_help =
    R"(Usage: ordernorm orders --db URL [--id ID | --alternate-id ID [--platform P]
                        | --tracking-code CODE | --number N --customer-email E]
                        [FILTER...] [--limit N] [--after CURSOR]

Prints the stored orders that match, one per line, the same bytes
`ordernorm convert` printed for them, in the order they were first loaded.
Without a lookup, every stored order.

Lookups (several combine with AND, and with the filters):
  --id ID              ordernorm's id, e.g. shopify:450789469
  --alternate-id ID    the platform's own order id (remoteId); when orders of
                       several platforms have it, --platform is required
  --tracking-code C    the order with a shipment tracked as C
  --number N --customer-email E
                       the order numbered N of the customer with email E
                       (both required; the email as stored)
Filters: convert's (see ordernorm convert --help), with the same rules:
  --fulfillment-status, --order-status, --payment-status, --currency,
  --platform (lists: S1,S2), --created-after/--created-before,
  --updated-after/--updated-before
Paging:
  --limit N            at most N orders; when more remain, the cursor of the
                       next page is printed on standard error:
                       "ordernorm: next page: --after CURSOR"
  --after CURSOR       the orders after the page that printed CURSOR

Exit status: 0 orders printed, or none stored; 1 a lookup matched no order;
2 usage error or the database cannot be read.
)";

constexpr std::size_t max_jobs = 1024;

// The filter flags (include/ordernorm/filter.hpp, add_filter_values).
struct filter_flag {
  std::string_view name;
  ordernorm::filter_field field;
};
constexpr filter_flag filter_flags[] = {
    {"--fulfillment-status", ordernorm::filter_field::fulfillment_status},
    {"--order-status", ordernorm::filter_field::order_status},
    {"--payment-status", ordernorm::filter_field::payment_status},
    {"--currency", ordernorm::filter_field::currency},
    {"--platform", ordernorm::filter_field::platform},
    {"--created-after", ordernorm::filter_field::created_after},
    {"--created-before", ordernorm::filter_field::created_before},
    {"--updated-after", ordernorm::filter_field::updated_after},
    {"--updated-before", ordernorm::filter_field::updated_before},
};

std::optional<ordernorm::filter_field> filter_flag_named(std::string_view name) {
  for (const filter_flag& flag : filter_flags) {
    if (flag.name == name) return flag.field;
  }
  return std::nullopt;
}

int usage_error(std::string_view message, std::string_view command) {
  fmt::print(stderr, "ordernorm: {}\nTry 'ordernorm{}{} --help'.\n", message,
             command.empty() ? "" : " ", command);
  return 2;
}

int print_version() {
  fmt::print("ordernorm {}\n", ORDERNORM_VERSION);
  return 0;
}

// "512", "64K", "16M", "1G" (binary multiples; "16MiB" and "16MB" too);
// std::nullopt for anything else, zero, or an overflow.
std::optional<std::size_t> parse_size(std::string_view text, bool suffix_allowed) {
  std::size_t digits = 0;
  std::uint64_t n = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(text[digits] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string_view suffix = text.substr(digits);
  unsigned shift = 0;
  if (!suffix.empty()) {
    if (!suffix_allowed) return std::nullopt;
    switch (suffix[0]) {
      case 'K':
      case 'k':
        shift = 10;
        break;
      case 'M':
      case 'm':
        shift = 20;
        break;
      case 'G':
      case 'g':
        shift = 30;
        break;
      default:
        return std::nullopt;
    }
    suffix.remove_prefix(1);
    if (suffix != "" && suffix != "B" && suffix != "iB") return std::nullopt;
  }
  if (n == 0 || n > (UINT64_MAX >> shift) || (n << shift) > SIZE_MAX) return std::nullopt;
  return static_cast<std::size_t>(n << shift);
}

std::optional<ordernorm::timestamp> parse_as_of(std::string_view text) {
  const auto t = ordernorm::parse_timestamp(text, ordernorm::naive_time::utc);
  if (!t) return std::nullopt;
  return *t;
}

// The option of `command` nearest to a mistyped `name` (--frm: --from), if
// one is within two edits.
std::optional<std::string_view> nearest_option(std::string_view name, bool tracking) {
  constexpr std::string_view common[] = {"--from",      "--as-of",
                                         "--mapper",    "--max-record-bytes",
                                         "--max-depth", "--max-string-bytes",
                                         "--output",    "--rejects",
                                         "--warnings",  "--quiet",
                                         "--help",      "--version",
                                         "--jobs",      "--strict",
                                         "--progress"};
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
        diagonal = up;
      }
    }
    return row[b.size()];
  };
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  auto consider = [&](std::string_view option) {
    if (const std::size_t d = distance(name, option); d < best_distance) {
      best = option;
      best_distance = d;
    }
  };
  for (const std::string_view option : common) consider(option);
  consider(tracking ? "--explain" : "--format");
  if (!tracking) {
    consider("--line-items");
    for (const filter_flag& flag : filter_flags) consider(flag.name);
  }
  return best;
}

// The options of `convert` and `track` (argv after the command name).
std::optional<int> parse_options(int argc, char** argv, cli_options& opts) {
  const bool tracking = opts.tracking;
  const std::string_view command = tracking ? "track" : opts.load ? "load" : "convert";
  bool options_ended = false;
  bool format_given = false;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {  // "-" is standard input
      opts.inputs.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    // --name=value, and -oFILE as getopt allows.
    std::string_view name = arg;
    std::optional<std::string_view> attached;
    if (arg.starts_with("--")) {
      if (const std::size_t eq = arg.find('='); eq != std::string_view::npos) {
        name = arg.substr(0, eq);
        attached = arg.substr(eq + 1);
      }
    } else if ((arg.starts_with("-o") || arg.starts_with("-j")) && arg.size() > 2) {
      name = arg.substr(0, 2);
      attached = arg.substr(2);
    }
    auto value = [&]() -> std::optional<std::string_view> {
      if (attached) return attached;
      if (i + 1 >= argc) return std::nullopt;
      return std::string_view(argv[++i]);
    };
    // An option that takes no value refuses one given with '='.
    if (attached && (name == "--help" || name == "--version" || name == "--quiet" ||
                     name == "--explain" || name == "--strict")) {
      return usage_error(fmt::format("{} takes no value", name), command);
    }
    if (opts.load &&
        (name == "-o" || name == "--output" || name == "--format" || name == "--line-items")) {
      return usage_error(fmt::format("{} is not an option of load (orders go to --db)", name),
                         command);
    }
    if (name == "-h" || name == "--help") {
      fmt::print("{}", tracking ? track_help : opts.load ? load_help : convert_help);
      return 0;
    } else if (name == "--db" && opts.load) {
      auto v = value();
      if (!v || v->empty()) return usage_error("--db needs a URL", command);
      opts.db = *v;
    } else if (name == "--batch" && opts.load) {
      auto v = value();
      const auto n = v ? parse_size(*v, false) : std::nullopt;
      if (!n || *n == 0) return usage_error("--batch needs a number of orders, 1 or more", command);
      opts.store.batch_orders = *n;
    } else if (name == "-V" || name == "--version") {
      return print_version();
    } else if (name == "-q" || name == "--quiet") {
      opts.quiet = true;
    } else if (name == "--from") {
      auto v = value();
      if (!v) return usage_error("--from needs a name", command);
      if (*v == "auto") {
        opts.convert.from.reset();
        opts.track.from.reset();
      } else if (tracking) {
        opts.track.from = ordernorm::tracking_input_from_name(*v);
        if (!opts.track.from) return usage_error(fmt::format("unknown source '{}'", *v), command);
      } else {
        opts.convert.from = ordernorm::platform_from_name(*v);
        if (!opts.convert.from) {
          return usage_error(fmt::format("unknown platform '{}'", *v), command);
        }
      }
    } else if (name == "--format" && !tracking) {
      auto v = value();
      if (!v || (*v != "ndjson" && *v != "json" && *v != "csv")) {
        return usage_error("--format is ndjson, json or csv", command);
      }
      const output_format format = *v == "json"  ? output_format::json
                                   : *v == "csv" ? output_format::csv
                                                 : output_format::ndjson;
      // Two formats (--format csv --format json) is a mistake, not a choice.
      if (format_given && format != opts.format) {
        return usage_error("--format given twice with different formats", command);
      }
      format_given = true;
      opts.format = format;
    } else if (name == "--mapper") {
      auto v = value();
      if (!v || (*v != "fast" && *v != "reference")) {
        return usage_error("--mapper is fast or reference", command);
      }
      const auto m = *v == "fast" ? ordernorm::mapper::fast : ordernorm::mapper::reference;
      opts.convert.mapper = m;
      opts.track.mapper = m;
    } else if (name == "--as-of") {
      auto v = value();
      const auto t = v ? parse_as_of(*v) : std::nullopt;
      if (!t) return usage_error("--as-of needs a timestamp (e.g. 2024-05-01T00:00:00Z)", command);
      opts.convert.derive.as_of = t;
      opts.track.derive.as_of = t;
    } else if (name == "--max-record-bytes" || name == "--max-string-bytes") {
      auto v = value();
      const auto n = v ? parse_size(*v, true) : std::nullopt;
      if (!n) {
        return usage_error(fmt::format("{} needs a size in bytes, e.g. 64M", name), command);
      }
      if (name == "--max-record-bytes") {
        opts.convert.limits.max_record_bytes = *n;
        opts.track.limits.max_record_bytes = *n;
        opts.reader.max_record_bytes = *n;
      } else {
        opts.convert.limits.max_string_bytes = *n;
        opts.track.limits.max_string_bytes = *n;
      }
    } else if (name == "--max-depth") {
      auto v = value();
      const auto n = v ? parse_size(*v, false) : std::nullopt;
      if (!n) return usage_error("--max-depth needs a number of levels, e.g. 1024", command);
      opts.convert.limits.max_depth = *n;
      opts.track.limits.max_depth = *n;
    } else if (name == "-j" || name == "--jobs") {
      // An upper bound keeps a typo from starting a million threads.
      auto v = value();
      const auto n = v ? parse_size(*v, false) : std::nullopt;
      if (!n || *n > max_jobs) {
        return usage_error(fmt::format("{} needs a number of threads from 1 to {}", name, max_jobs),
                           command);
      }
      opts.jobs = static_cast<unsigned>(*n);
    } else if (name == "--strict") {
      opts.convert.strict = true;
      opts.track.strict = true;
    } else if (name == "--progress") {
      auto v = value();
      const auto when = v ? progress_when_from_name(*v) : std::nullopt;
      if (!when) return usage_error("--progress is never, auto or always", command);
      opts.progress = *when;
    } else if (const auto field = tracking ? std::nullopt : filter_flag_named(name)) {
      auto v = value();
      if (!v) return usage_error(fmt::format("{} needs a value", name), command);
      if (const auto refused = ordernorm::add_filter_values(opts.filter, *field, *v)) {
        return usage_error(fmt::format("{}: {}", name, *refused), command);
      }
    } else if (name == "--explain" && tracking) {
      opts.track.explain = true;
    } else if (name == "-o" || name == "--output" || name == "--rejects" || name == "--warnings" ||
               (name == "--line-items" && !tracking)) {
      auto v = value();
      if (!v || v->empty()) return usage_error(fmt::format("{} needs a file", name), command);
      (name == "--rejects"      ? opts.rejects
       : name == "--warnings"   ? opts.warnings
       : name == "--line-items" ? opts.line_items
                                : opts.output) = *v;
    } else {
      const auto nearest = nearest_option(name, tracking);
      return usage_error(fmt::format("unknown option '{}'{}", arg,
                                     nearest ? fmt::format(" (did you mean {}?)", *nearest) : ""),
                         command);
    }
  }
  if (!opts.line_items.empty() && opts.format != output_format::csv) {
    return usage_error("--line-items needs --format csv", command);
  }
  return std::nullopt;
}

// `orders --db URL [lookups] [--limit N] [--after CURSOR]`.
std::optional<int> parse_orders_options(int argc, char** argv, cli_options& opts) {
  constexpr std::string_view command = "orders";
  orders_options& ask = opts.ask;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view name = arg;
    std::optional<std::string_view> attached;
    if (const std::size_t eq = arg.find('=');
        arg.starts_with("--") && eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      attached = arg.substr(eq + 1);
    }
    if (name == "-h" || name == "--help") {
      fmt::print("{}", orders_help);
      return 0;
    }
    std::optional<std::string_view> v = attached;
    if (!v && i + 1 < argc) v = std::string_view(argv[++i]);
    if (!v || v->empty()) return usage_error(fmt::format("{} needs a value", name), command);
    const std::string value(*v);
    if (name == "--db") {
      opts.db = value;
    } else if (name == "--id") {
      ask.id = value;
    } else if (name == "--alternate-id") {
      ask.alternate_id = value;
    } else if (name == "--tracking-code") {
      ask.tracking_code = value;
    } else if (name == "--number") {
      ask.number = value;
    } else if (name == "--customer-email") {
      ask.customer_email = value;
    } else if (const auto field = filter_flag_named(name)) {
      if (const auto refused = ordernorm::add_filter_values(opts.filter, *field, value)) {
        return usage_error(fmt::format("{}: {}", name, *refused), command);
      }
    } else if (name == "--limit") {
      const auto n = parse_size(value, false);
      if (!n) return usage_error("--limit needs a number of orders, 1 or more", command);
      ask.limit = *n;
    } else if (name == "--after") {
      ask.after = store::parse_cursor(value);
      if (!ask.after) {
        return usage_error(
            fmt::format("--after needs a cursor that a page printed, not '{}'", value), command);
      }
    } else {
      return usage_error(fmt::format("unknown option '{}'", arg), command);
    }
  }
  if (opts.db.empty()) return usage_error("--db URL is required", command);
  if (ask.number.has_value() != ask.customer_email.has_value()) {
    return usage_error("--number and --customer-email go together (both are required)", command);
  }
  return std::nullopt;
}

// `schema [--of order|shipment]`: nothing to read, so no other option.
std::optional<int> parse_schema_options(int argc, char** argv, cli_options& opts) {
  opts.schema = ordernorm::schema_root::of_order;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::optional<std::string_view> of;
    if (arg == "--of" && i + 1 < argc) {
      of = argv[++i];
    } else if (arg.starts_with("--of=")) {
      of = arg.substr(5);
    } else if (arg == "-h" || arg == "--help") {
      fmt::print("Usage: ordernorm schema [--of order|shipment]\n");
      return 0;
    }
    if (!of || (*of != "order" && *of != "shipment")) {
      return usage_error(
          of ? "--of is order or shipment" : fmt::format("unknown argument '{}'", arg), "schema");
    }
    opts.schema =
        *of == "order" ? ordernorm::schema_root::of_order : ordernorm::schema_root::of_shipment;
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, cli_options& opts) {
  if (argc < 2) {
    fmt::print(stderr, "{}", main_help);
    return 2;
  }
  const std::string_view command = argv[1];
  if (command == "-h" || command == "--help" || command == "help") {
    const std::string_view topic = argc > 2 ? argv[2] : "";
    fmt::print("{}", topic == "convert"  ? convert_help
                     : topic == "track"  ? track_help
                     : topic == "load"   ? load_help
                     : topic == "orders" ? orders_help
                                         : main_help);
    return 0;
  }
  if (command == "-V" || command == "--version" || command == "version") return print_version();
  if (command == "schema") return parse_schema_options(argc - 2, argv + 2, opts);
  if (command == "convert" || command == "track" || command == "load") {
    opts.tracking = command == "track";
    opts.load = command == "load";
    const auto code = parse_options(argc - 2, argv + 2, opts);
    if (opts.jobs == 0) opts.jobs = default_jobs();
    if (!code && opts.load && opts.db.empty()) return usage_error("--db URL is required", "load");
    return code;
  }
  if (command == "orders") {
    opts.orders = true;
    return parse_orders_options(argc - 2, argv + 2, opts);
  }
  if (command.starts_with("-")) {
    return usage_error(fmt::format("unknown option '{}'", command), "");
  }
  return usage_error(fmt::format("unknown command '{}'", command), "");
}

}  // namespace ordernorm::cli
