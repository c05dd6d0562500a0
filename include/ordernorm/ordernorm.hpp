// ordernorm: e-commerce order JSON from many platforms -> one common model.
//
// The public headers, in the order a reader needs them:
#pragma once

#include "ordernorm/common.hpp"        // mapper, record_position
#include "ordernorm/convert.hpp"       // converter, options, order_sink
#include "ordernorm/convert_file.hpp"  // convert_file: a whole file, as the CLI reads it
#include "ordernorm/convert_one.hpp"   // convert_one, owned_order: one order, kept
#include "ordernorm/csv.hpp"           // write_csv: orders and line items as CSV
#include "ordernorm/error.hpp"         // error_code, result<T>, record_error
#include "ordernorm/filter.hpp"        // order_filter, matches: Alloy's list filters
#include "ordernorm/model.hpp"         // order, line_item, address, customer, shipment, ...
#include "ordernorm/money.hpp"         // decimal (exact money), currency_minor_units
#include "ordernorm/reader.hpp"        // reader: files and streams -> documents
#include "ordernorm/timestamp.hpp"     // timestamp, parse_timestamp, naive_time
#include "ordernorm/tracking.hpp"      // derive_shipment, tracker: shipment status from scan events
#include "ordernorm/version.hpp"       // ORDERNORM_VERSION
#include "ordernorm/writer.hpp"        // write_json: an order as JSON
