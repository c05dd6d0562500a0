// Writing orders as CSV (RFC 4180), for spreadsheets and dataframes: a table
// of orders, one row per order, and a table of line items, one row per line
// item, joined to its order by the order's `id`.
//
// The columns are generated from the model's reflection, as the JSON writer
// is (writer.hpp), in the same order as the JSON keys:
// - orders: every scalar member of the order, named by its JSON key
//   ("remoteCreatedAt"); the members of its sub-objects (customer,
//   billingAddress, shippingAddress) flattened into columns named
//   "<object>.<key>" ("customer.email", "shippingAddress.countryCode"), as
//   pandas.json_normalize names them. Lists (lineItems, shipments) are not
//   in this table.
// - line items: "orderId", then every member of the line item by its JSON
//   key ("lineItemId", ..., "currency").
// Values are spelled as write_json spells them: money as its exact decimal
// string in the currency's minor units ("15.00"), timestamps as written
// ("2023-11-19T17:00:17.000Z"), enums by their spelling ("Pending"),
// booleans true/false, quantities as numbers ("2", "1.5"). A null value, a
// sub-object that is null included, is an empty field (the model has no
// empty strings: an empty source value is null). A field holding a comma, a
// double quote, a CR or a LF is quoted, its quotes doubled; every row,
// the header included, ends with CRLF.
#pragma once

#include <cstdint>
#include <string>

#include "ordernorm/export.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm {

enum class csv_table : std::uint8_t { orders, line_items };

// Appends the header row of `table` (column names, CRLF).
ORDERNORM_API void write_csv_header(csv_table table, std::string& out);

// Appends `o` as one row of the orders table.
ORDERNORM_API void write_csv(const order& o, std::string& out);

// Appends one row of the line-items table per line item of `o` (none when
// it has none).
ORDERNORM_API void write_csv_line_items(const order& o, std::string& out);

}  // namespace ordernorm
