// Adobe Commerce / Magento 2 REST order (salesOrderRepositoryV1:
// GET /V1/orders/{id}, GET /V1/orders?searchCriteria...) -> common model.
//
// Facts and sources: ../shared/research/platforms-shopify-magento-bigcommerce.md §2,
// ../shared/conformance/magento/ and SOURCES.md there.
//
// Choices this mapping makes, each tested in tests/magento_test.cpp or a
// golden case under tests/golden/magento/:
// - Shapes: a bare order (GET /V1/orders/{id}); the list envelope
//   {"items":[...],"search_criteria":...,"total_count":N} and its `fields=`
//   trimmed form {"items":[...]} are unwrapped by the engine (convert.cpp).
//   An order carries `items` too; it is told from an envelope by the marker
//   keys below. A trimmed order must keep one marker key to be detected
//   under --from auto (`increment_id`, as in fields=items[increment_id,...]).
// - An order without `entity_id` (a `fields=` projection that leaves it
//   out) is rejected (missing_field at /entity_id), as on every platform.
// - `entity_id` is remoteId (id "magento:<entity_id>"); `increment_id` (a
//   string, zero-padded or store-prefixed: "000000003") is orderNumber, as
//   given.
// - A document with a top-level `order_id` is one of an order's sales
//   documents (invoice, credit memo, shipment: InvoiceInterface & co. have
//   `order_id`, OrderInterface never does). It is not an order: rejected
//   with unknown_platform, under --from auto and --from magento alike. Its
//   integer `state` (invoice 1/2/3) is read as text so that this rule, not a
//   wrong_type on `state`, decides.
// - Money is the store's base currency: `base_*` amounts, currency
//   `base_currency_code` (DESIGN.md: "Magento base_*"). `order_currency_code`
//   and the plain amounts (`grand_total`, ...) are what the buyer was
//   charged in; they stand in for a missing base_* amount only when the order
//   states both currency codes and they are equal (then the amounts are the
//   same). Without base_currency_code the currency is null. Amounts are JSON
//   numbers (165, -404.4, 59.411), read from the token text, never a double.
// - totalPrice `base_grand_total`; totalTax `base_tax_amount`; totalShipping
//   `base_shipping_amount` (before tax, like the line prices);
//   totalDiscount is `base_discount_amount` with its sign turned: Magento
//   writes the order's discount negative (-404.4), the model holds the
//   discount total as a positive amount like every other platform.
// - Times `created_at` / `updated_at` are "YYYY-MM-DD HH:MM:SS" without a
//   zone, which Magento stores and returns in UTC whatever the store's locale
//   (magento/magento2#24985, closed as intended): naive_time::utc for both.
// - Line items: `items[]` holds every row; a row whose `parent_item_id`
//   names another row of the order is a child (configurable variant, bundle
//   component) and is not a line: one line per purchased product, from the
//   top-level row, so nothing is counted twice (the devdocs order: 9 rows,
//   4 lines summing to subtotal 160). The top-level row gives lineItemId
//   `item_id`, productId `product_id`, sku, title `name` (the product's name;
//   a configurable child's name adds the options), quantity `qty_ordered`,
//   price `base_price` (unit, before discounts, excl. tax; a configurable
//   child has price 0, a dynamic bundle's parent the sum of its children),
//   unitCost `base_cost`. variantId is the product_id of a configurable
//   parent's child row (the simple product bought); null otherwise. A child
//   row whose parent is not in the list (a trimmed response) is a line of its
//   own rather than lost. `parent_item` (a copy of the parent) is not read.
// - `qty_ordered` is a number that may be fractional (is_qty_decimal): the
//   line's quantity is that exact decimal (2.0000 is 2, 1.5 stays 1.5).
// - Statuses: orderStatusRaw is `status` (the merchant's status code; `state`
//   when status is missing, magento/magento2#37807). A status code Magento
//   installs (`statuses` table) maps by the table; any other (a merchant's
//   own, e.g. "delivered") maps by `state` (`states` table); neither known:
//   Unknown, raw kept. An Active order whose items are all shipped is
//   Shipped (DESIGN.md: everything shipped, order still open).
// - paymentStatus: Magento has no payment status field, so raw is null and
//   the status comes from base amounts (payment_status_for): refunded
//   (`base_total_refunded`) against paid (`base_total_paid`, else
//   `payment.base_amount_paid`), paid against `base_grand_total`, state
//   `canceled` with nothing paid is Voided, `payment.base_amount_authorized`
//   is Authorized, a priced order with nothing paid is Pending, else Unknown.
// - fulfillmentStatus: no field either (raw null); from the rows' quantities
//   as Magento reckons what is left to ship: ordered - shipped - refunded -
//   canceled (Order\Item::getSimpleQtyToShip). Virtual rows (`is_virtual`,
//   product_type virtual/downloadable) never ship. A line's progress is its
//   own row's, or its children's when the parent row shows nothing shipped
//   (a bundle shipped separately). All shipped: fulfilled; none: unfulfilled;
//   else partial. Nothing to ship (virtual or cancelled lines only):
//   fulfilled when state is `complete`, else unfulfilled. No rows, or rows
//   without `qty_ordered`: unknown.
// - Customer: `customer_id` (absent for guests), `customer_firstname`,
//   `customer_lastname`, `customer_email`; Magento keeps no customer phone,
//   so phone is the billing address's `telephone`. No customer_* field at
//   all: customer null (the billing phone alone does not make one).
//   `customer_is_guest` is not read: a guest is an order without customer_id.
// - Addresses: billing `billing_address`; shipping only under
//   `extension_attributes.shipping_assignments[].shipping.address` (the first
//   assignment with an address; there is no top-level shipping_address).
//   `street` is an array of lines (a single string in some responses, split
//   on "\n" as Magento stores it): the first non-empty line is address1, the
//   others joined with ", " address2. region is `region_code`, else `region`
//   (free text as given; region_code itself may hold a name); postalCode
//   `postcode`; countryCode `country_id` (ISO alpha-2); phone `telephone`.
// - Shipments are not in the order (GET /V1/shipments). The expanded form
//   (DESIGN.md, "Inputs that are more than one document") is a top-level
//   `shipments` key holding the /V1/shipments `items` array, or that whole
//   search result ({"items":[...],...}). One shipment per `tracks[]` entry:
//   trackingCode `track_number`, carrier `title` (the carrier as the merchant
//   named it; the only name a "custom" carrier has), else `carrier_code`; a
//   shipment without tracks is one shipment with trackingCode null. Magento
//   reports no carrier progress and no tracking URL: status unknown, raw,
//   URL and times null. The order has no link to its shipments, so there is
//   no missing-part warning when they are not expanded.
// - remoteDeleted is false: Magento has no soft delete (deleted orders
//   disappear).
// - Not mapped: `store_*`, `quote_id`, `payment` (other than the amounts
//   above), `status_histories`, `discount_description`, `weight`,
//   `product_option`, item tax and row totals.
#pragma once

#include <array>
#include <boost/hana/tuple.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ordernorm/detail/converters.hpp"
#include "ordernorm/model.hpp"

namespace ordernorm::mappings::magento {

using namespace ordernorm::detail;  // field, as_text, as_money, ...
namespace hana = boost::hana;

// Evidence for --from auto (platform.hpp, "Detection"). Distinctive: keys
// that only a Magento order carries at its top level. Shopify has
// `email`/`currency`/`total_price`, BigCommerce `currency_code`/
// `total_inc_tax`/`billing_address.email`, WooCommerce `currency`/`total`/
// `billing.email`: none of these. `increment_id` also keeps a
// fields=items[increment_id,...] projection detectable; the customer_* keys a
// fields=billing_address,customer_firstname,... one. `entity_id` only counts
// as shared (WooCommerce's fulfillment records have it), as does `subtotal`
// (Squarespace), beside every key of order_map. `order_id` is on Magento's
// invoices, credit memos, shipments and items, never on an order.
inline constexpr std::array<std::string_view, 16> marker_keys{
    {"increment_id", "base_grand_total", "base_currency_code", "order_currency_code",
     "customer_is_guest", "customer_email", "customer_firstname", "customer_lastname",
     "base_subtotal", "base_tax_amount", "base_shipping_amount", "base_discount_amount",
     "base_to_global_rate", "global_currency_code", "store_currency_code", "status_histories"}};
inline constexpr std::array<std::string_view, 1> shared_keys{{"subtotal"}};
inline constexpr std::array<std::string_view, 1> not_order_keys{{"order_id"}};

// ---------------------------------------------------------------------------
// Small converters for Magento's value forms.

// A 0/1 flag (Magento writes booleans as integers: `is_virtual: 0`), or
// true/false. Any non-zero number is true.
struct flag_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, bool& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    switch (type) {
      case od::json_type::null:
        return check_null(w, v);
      case od::json_type::boolean: {
        bool b = false;
        if (auto e = v.get_bool().get(b)) return w.fail_json(e, v.raw_json_token().data());
        out = b;
        return error_code::ok;
      }
      case od::json_type::number: {
        result<decimal> d = decimal::parse(trim_token(v.raw_json_token()));
        if (!d) return w.fail(d.error(), v, "a 0/1 flag");
        out = d->units() != 0;
        return error_code::ok;
      }
      default:
        return w.fail(error_code::wrong_type, v, "a 0/1 flag or true/false");
    }
  }
};
inline constexpr flag_converter as_flag{};

// `street`: an array of lines, or one string whose lines are separated by
// "\n" (Magento's own storage form, seen in some responses).
struct street_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, std::vector<text>& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type != od::json_type::string) return as_text_list(w, v, out);
    std::string_view s;
    if (error_code err = read_string(w, v, s, "a street string"); err != error_code::ok) {
      return err;
    }
    while (!s.empty()) {
      const std::size_t end = s.find('\n');
      out.push_back(s.substr(0, end));
      if (end == std::string_view::npos) break;
      s.remove_prefix(end + 1);
    }
    return error_code::ok;
  }
};
inline constexpr street_converter as_street{};

// `state` as text; a number (an invoice's `state: 2`) is kept as its digits
// so that it is an unknown state, not a type error.
inline constexpr integer_text_converter as_state{.expected = "a state string",
                                                 .integer = "a state"};

// ---------------------------------------------------------------------------
// Source-side scratch: values that feed rules rather than one model member.

struct address_source : address {
  std::vector<text> street;
};
struct shipping_source {
  address_source address;
};
struct shipping_assignment_source {
  shipping_source shipping;
};
struct extension_source {
  std::vector<shipping_assignment_source> shipping_assignments;
};
struct payment_source {
  opt_money base_amount_paid;
  opt_money amount_paid;
  opt_money base_amount_authorized;
  opt_money amount_authorized;
};
struct item_source {
  text item_id;
  text parent_item_id;
  text product_id;
  text product_type;
  text sku;
  text name;
  opt_money qty_ordered;  // numbers that may be fractional (is_qty_decimal)
  opt_money qty_shipped;
  opt_money qty_refunded;
  opt_money qty_canceled;
  opt_money base_price;
  opt_money price;
  opt_money base_cost;
  bool is_virtual = false;
};
struct track_source {
  text track_number;
  text title;
  text carrier_code;
};
struct shipment_source {
  std::vector<track_source> tracks;
};
// The expanded shipments: the /V1/shipments items, or the whole result.
struct shipment_list_source {
  std::vector<shipment_source> items;
};

struct order_source : order {
  text order_id;  // set on invoices, credit memos, shipments: not an order
  text state;
  text status;
  text base_currency_code;
  text order_currency_code;
  opt_money base_grand_total, grand_total;
  opt_money base_tax_amount, tax_amount;
  opt_money base_shipping_amount, shipping_amount;
  opt_money base_discount_amount, discount_amount;
  opt_money base_total_paid, total_paid;
  opt_money base_total_refunded, total_refunded;
  text customer_id;
  text customer_email;
  text customer_firstname;
  text customer_lastname;
  std::vector<item_source> items;
  address_source billing;
  extension_source extension_attributes;
  payment_source payment;
  shipment_list_source shipment_list;
};

// ---------------------------------------------------------------------------
// Tables: source key, target member, converter.

inline constexpr auto magento_time = as_time<naive_time::utc>;  // UTC by contract

// clang-format off
struct address_map {
  using target = address_source;
  static constexpr auto fields = hana::make_tuple(
      field("firstname",   &address::first_name,    as_text),
      field("lastname",    &address::last_name,     as_text),
      field("company",     &address::company,       as_text),
      field("street",      &address_source::street, as_street),
      field("city",        &address::city,          as_text),
      field("region_code", &address::region,        as_text),
      field("region",      &address::region,        as_text_fallback),
      field("postcode",    &address::postal_code,   as_postal_code),
      field("country_id",  &address::country_code, as_text),
      field("telephone",   &address::phone,         as_text));
};

struct shipping_map {
  using target = shipping_source;
  static constexpr auto fields = hana::make_tuple(
      field("address", &shipping_source::address, as_object<address_map>));
};

struct shipping_assignment_map {
  using target = shipping_assignment_source;
  static constexpr auto fields = hana::make_tuple(
      field("shipping", &shipping_assignment_source::shipping, as_object<shipping_map>));
};

struct extension_map {
  using target = extension_source;
  static constexpr auto fields = hana::make_tuple(
      field("shipping_assignments", &extension_source::shipping_assignments,
                                    as_array<shipping_assignment_map>));
};

struct payment_map {
  using target = payment_source;
  static constexpr auto fields = hana::make_tuple(
      field("base_amount_paid",       &payment_source::base_amount_paid,       as_money),
      field("amount_paid",            &payment_source::amount_paid,            as_money),
      field("base_amount_authorized", &payment_source::base_amount_authorized, as_money),
      field("amount_authorized",      &payment_source::amount_authorized,      as_money));
};

struct item_map {
  using target = item_source;
  static constexpr auto fields = hana::make_tuple(
      field("item_id",        &item_source::item_id,        as_id),
      field("parent_item_id", &item_source::parent_item_id, as_id),
      field("product_id",     &item_source::product_id,     as_id),
      field("product_type",   &item_source::product_type,   as_text),
      field("sku",            &item_source::sku,            as_text),
      field("name",           &item_source::name,           as_text),
      field("qty_ordered",    &item_source::qty_ordered,    as_money),
      field("qty_shipped",    &item_source::qty_shipped,    as_money),
      field("qty_refunded",   &item_source::qty_refunded,   as_money),
      field("qty_canceled",   &item_source::qty_canceled,   as_money),
      field("base_price",     &item_source::base_price,     as_money),
      field("price",          &item_source::price,          as_money),
      field("base_cost",      &item_source::base_cost,      as_money),
      field("is_virtual",     &item_source::is_virtual,     as_flag));
};

struct track_map {
  using target = track_source;
  static constexpr auto fields = hana::make_tuple(
      field("track_number", &track_source::track_number, as_text),
      field("title",        &track_source::title,        as_text),
      field("carrier_code", &track_source::carrier_code, as_text));
};

struct shipment_map {
  using target = shipment_source;
  static constexpr auto fields = hana::make_tuple(
      field("tracks", &shipment_source::tracks, as_array<track_map>));
};

struct shipment_list_map {
  using target = shipment_list_source;
  static constexpr auto fields = hana::make_tuple(
      field("items", &shipment_list_source::items, as_array<shipment_map>));
};
// clang-format on

// `shipments`: the array of /V1/shipments items, or the search result
// object that holds it under `items`.
struct shipments_converter {
  template <class W>
  error_code operator()(W& w, od::value& v, shipment_list_source& out) const {
    od::json_type type{};
    if (auto e = v.type().get(type)) return w.fail_json(e, v.raw_json_token().data());
    if (type == od::json_type::object) {
      bool present = false;
      return w.template map_object<shipment_list_map>(v, out, present);
    }
    return w.template map_array<shipment_map>(v, out.items);
  }
};
inline constexpr shipments_converter as_shipments{};

// clang-format off
struct order_map {
  using target = order_source;
  static constexpr auto fields = hana::make_tuple(
      field("entity_id",            &order::remote_id,                  as_id),
      field("increment_id",         &order::order_number,               as_id),
      field("order_id",             &order_source::order_id,            as_id),
      field("created_at",           &order::remote_created_at,          magento_time),
      field("updated_at",           &order::remote_updated_at,          magento_time),
      field("state",                &order_source::state,               as_state),
      field("status",               &order_source::status,              as_text),
      field("base_currency_code",   &order_source::base_currency_code,  as_text),
      field("order_currency_code",  &order_source::order_currency_code, as_text),
      field("base_grand_total",     &order_source::base_grand_total,    as_money),
      field("grand_total",          &order_source::grand_total,         as_money),
      field("base_tax_amount",      &order_source::base_tax_amount,     as_money),
      field("tax_amount",           &order_source::tax_amount,          as_money),
      field("base_shipping_amount", &order_source::base_shipping_amount, as_money),
      field("shipping_amount",      &order_source::shipping_amount,     as_money),
      field("base_discount_amount", &order_source::base_discount_amount, as_money),
      field("discount_amount",      &order_source::discount_amount,     as_money),
      field("base_total_paid",      &order_source::base_total_paid,     as_money),
      field("total_paid",           &order_source::total_paid,          as_money),
      field("base_total_refunded",  &order_source::base_total_refunded, as_money),
      field("total_refunded",       &order_source::total_refunded,      as_money),
      field("customer_id",          &order_source::customer_id,         as_id),
      field("customer_email",       &order_source::customer_email,      as_text),
      field("customer_firstname",   &order_source::customer_firstname,  as_text),
      field("customer_lastname",    &order_source::customer_lastname,   as_text),
      field("items",                &order_source::items,               as_array<item_map>),
      field("billing_address",      &order_source::billing,             as_object<address_map>),
      field("extension_attributes", &order_source::extension_attributes,
                                    as_object<extension_map>),
      field("payment",              &order_source::payment,             as_object<payment_map>),
      field("shipments",            &order_source::shipment_list,       as_shipments));
};
// clang-format on

// ---------------------------------------------------------------------------
// Status vocabularies.

template <class Enum, std::size_t N>
constexpr std::optional<Enum> find(const std::array<std::pair<std::string_view, Enum>, N>& table,
                                   std::string_view raw) noexcept {
  for (const auto& [name, value] : table) {
    if (name == raw) return value;
  }
  return std::nullopt;
}

// The status codes Magento installs (Sales data-install: pending ...
// payment_review; PayPal module: pending_paypal, paypal_reversed,
// paypal_canceled_reversal; merchdocs "Order Status"). A PayPal reversal is
// a buyer's dispute or chargeback: OnHold; its cancellation puts the order
// back in processing: Active. `closed` is a fully refunded order: Completed,
// with the refund in paymentStatus.
inline constexpr std::array<std::pair<std::string_view, order_status>, 12> statuses{{
    {"pending", order_status::pending},
    {"pending_payment", order_status::pending},
    {"pending_paypal", order_status::pending},
    {"processing", order_status::active},
    {"holded", order_status::on_hold},
    {"fraud", order_status::on_hold},
    {"payment_review", order_status::on_hold},
    {"paypal_reversed", order_status::on_hold},
    {"paypal_canceled_reversal", order_status::active},
    {"complete", order_status::completed},
    {"closed", order_status::completed},
    {"canceled", order_status::cancelled},
}};

// The order states (Magento\Sales\Model\Order::STATE_*), for a status code
// the table above does not know: a merchant's own status means its state.
inline constexpr std::array<std::pair<std::string_view, order_status>, 8> states{{
    {"new", order_status::pending},
    {"pending_payment", order_status::pending},
    {"processing", order_status::active},
    {"holded", order_status::on_hold},
    {"payment_review", order_status::on_hold},
    {"complete", order_status::completed},
    {"closed", order_status::completed},
    {"canceled", order_status::cancelled},
}};

// A known status code by its table, else the state, else Unknown; an Active
// order with everything shipped is Shipped.
constexpr order_status order_status_for(std::string_view state, std::string_view status,
                                        fulfillment_status fulfillment) noexcept {
  order_status out = order_status::unknown;
  if (auto by_status = find(statuses, status)) {
    out = *by_status;
  } else if (auto by_state = find(states, state)) {
    out = *by_state;
  }
  if (out == order_status::active && fulfillment == fulfillment_status::fulfilled) {
    out = order_status::shipped;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Exact decimal helpers (quantities and amounts are decimals here).

// -1, 0 or 1 as a is less than, equal to or greater than b, exactly.
inline int compare(decimal a, decimal b) noexcept {
  __extension__ using wide = __int128;
  wide x = a.units();
  wide y = b.units();
  for (int i = a.scale(); i < b.scale(); ++i) x *= 10;
  for (int i = b.scale(); i < a.scale(); ++i) y *= 10;
  return x < y ? -1 : (x > y ? 1 : 0);
}

inline bool positive(const opt_money& d) noexcept { return d && compare(*d, decimal{}) > 0; }

// The amounts payment_status_for reads, all in the base currency.
struct payment_amounts {
  opt_money grand_total;
  opt_money paid;
  opt_money refunded;
  opt_money authorized;
};

// Magento's payment progress, from its amounts (rows tested one by one).
inline payment_status payment_status_for(std::string_view state,
                                         const payment_amounts& a) noexcept {
  if (positive(a.refunded)) {
    const opt_money& whole = a.paid ? a.paid : a.grand_total;
    if (!whole || compare(*a.refunded, *whole) >= 0) return payment_status::refunded;
    return payment_status::partially_refunded;
  }
  if (a.paid && (!a.grand_total || compare(*a.paid, *a.grand_total) >= 0)) {
    if (a.grand_total || positive(a.paid)) return payment_status::paid;
  }
  if (positive(a.paid)) return payment_status::partially_paid;
  if (state == "canceled") return payment_status::voided;
  if (positive(a.authorized)) return payment_status::authorized;
  if (a.grand_total) return payment_status::pending;
  return payment_status::unknown;
}

// How much of one row or line is shipped.
enum class progress : std::uint8_t { nothing_to_ship, none, partial, full, unknown };

// A row's progress as Magento counts what is left to ship
// (Order\Item::getSimpleQtyToShip: ordered - shipped - refunded - canceled).
inline progress row_progress(const item_source& row) noexcept {
  if (!row.qty_ordered) return progress::unknown;
  // left = ordered - shipped - refunded - canceled, compared as
  // ordered > shipped + refunded + canceled.
  decimal taken{};
  for (const opt_money* q : {&row.qty_shipped, &row.qty_refunded, &row.qty_canceled}) {
    if (!*q) continue;
    result<decimal> sum = decimal::add(taken, **q);
    if (!sum) return progress::unknown;
    taken = *sum;
  }
  const bool left = compare(*row.qty_ordered, taken) > 0;
  if (positive(row.qty_shipped)) return left ? progress::partial : progress::full;
  return left ? progress::none : progress::nothing_to_ship;
}

// Several rows' or lines' progress as one.
class progress_sum {
 public:
  void add(progress p) noexcept {
    switch (p) {
      case progress::nothing_to_ship:
        return;
      case progress::unknown:
        unknown_ = true;
        return;
      case progress::none:
        none_ = true;
        return;
      case progress::partial:
        partial_ = true;
        return;
      case progress::full:
        full_ = true;
        return;
    }
  }
  progress total() const noexcept {
    if (unknown_) return progress::unknown;
    if (partial_ || (none_ && full_)) return progress::partial;
    if (full_) return progress::full;
    if (none_) return progress::none;
    return progress::nothing_to_ship;
  }

 private:
  bool unknown_ = false, none_ = false, partial_ = false, full_ = false;
};

inline bool is_virtual_row(const item_source& row) noexcept {
  return row.is_virtual || row.product_type == "virtual" || row.product_type == "downloadable";
}

// True when `row` is a child of another row of the order.
inline bool is_child(std::span<const item_source> rows, const item_source& row) noexcept {
  if (row.parent_item_id.empty()) return false;
  for (const item_source& other : rows) {
    if (&other != &row && other.item_id == row.parent_item_id) return true;
  }
  return false;
}

// The order's fulfillment from its rows (see the header comment).
inline fulfillment_status fulfillment_status_for(std::span<const item_source> rows,
                                                 std::string_view state) noexcept {
  if (rows.empty()) return fulfillment_status::unknown;
  progress_sum lines;
  for (const item_source& row : rows) {
    if (is_child(rows, row) || is_virtual_row(row)) continue;
    progress p = row_progress(row);
    if (p == progress::none && !row.item_id.empty()) {
      progress_sum children;
      bool any = false;
      for (const item_source& child : rows) {
        if (child.parent_item_id != row.item_id || &child == &row || is_virtual_row(child)) {
          continue;
        }
        any = true;
        children.add(row_progress(child));
      }
      const progress c = children.total();
      if (any && (c == progress::partial || c == progress::full)) p = c;
    }
    lines.add(p);
  }
  switch (lines.total()) {
    case progress::full:
      return fulfillment_status::fulfilled;
    case progress::partial:
      return fulfillment_status::partial;
    case progress::none:
      return fulfillment_status::unfulfilled;
    case progress::nothing_to_ship:
      return state == "complete" ? fulfillment_status::fulfilled : fulfillment_status::unfulfilled;
    case progress::unknown:
      break;
  }
  return fulfillment_status::unknown;
}

// ---------------------------------------------------------------------------
// Rules applied after the single pass.

struct order_rules {
  static void reset(order_source& s) {
    auto line_items = std::move(s.line_items);
    auto shipments = std::move(s.shipments);
    auto items = std::move(s.items);
    auto tracks = std::move(s.shipment_list.items);
    s = order_source{};
    // Keep the vectors' memory: steady-state conversion allocates less.
    line_items.clear();
    shipments.clear();
    items.clear();
    tracks.clear();
    s.line_items = std::move(line_items);
    s.shipments = std::move(shipments);
    s.items = std::move(items);
    s.shipment_list.items = std::move(tracks);
  }

  // The model's address from Magento's: street lines into address1/address2;
  // null when nothing is left.
  template <class Walker>
  static std::optional<address> make_address(Walker& w, const address_source& a) {
    address out = a;
    for (text line : a.street) {
      if (line.empty()) continue;
      if (out.address1.empty()) {
        out.address1 = line;
      } else if (out.address2.empty()) {
        out.address2 = line;
      } else {
        out.address2 = w.arena().concat(out.address2, ", ", line);
      }
    }
    if (is_blank(out)) return std::nullopt;
    return out;
  }

  template <class Walker>
  static error_code finish(Walker& w, order_source& s) {
    if (!s.order_id.empty()) {
      return w.fail(error_code::unknown_platform, w.record_begin(),
                    "not a Magento order: a sales document (invoice, credit memo or shipment) "
                    "of order " +
                        std::string(s.order_id) + ", as its order_id says");
    }
    s.platform = platform::magento;
    if (s.remote_id.empty()) return missing_id(w, "entity_id");
    s.id = w.arena().concat("magento:", s.remote_id);

    // Base currency; the order-currency amount only when it is the same.
    s.currency = s.base_currency_code;
    const bool same_currency =
        !s.base_currency_code.empty() && s.base_currency_code == s.order_currency_code;
    const auto base = [same_currency](const opt_money& b, const opt_money& plain) {
      return b ? b : (same_currency ? plain : opt_money{});
    };
    s.total_price = base(s.base_grand_total, s.grand_total);
    s.total_tax = base(s.base_tax_amount, s.tax_amount);
    s.total_shipping = base(s.base_shipping_amount, s.shipping_amount);
    if (opt_money d = base(s.base_discount_amount, s.discount_amount)) {
      if (d->units() == std::numeric_limits<std::int64_t>::min()) {
        w.push_key("base_discount_amount");
        w.fail(error_code::money_out_of_range, w.record_begin(),
               "the discount amount cannot be negated exactly");
        w.pop();
        return error_code::money_out_of_range;
      }
      s.total_discount = decimal{-d->units(), d->scale()};
    }

    // Customer: the order's customer_* fields, phone from the billing address.
    if (!s.customer_id.empty() || !s.customer_email.empty() || !s.customer_firstname.empty() ||
        !s.customer_lastname.empty()) {
      customer& c = s.customer.emplace();
      c.customer_id = s.customer_id;
      c.first_name = s.customer_firstname;
      c.last_name = s.customer_lastname;
      c.email = s.customer_email;
      c.phone = s.billing.phone;
    }

    s.billing_address = make_address(w, s.billing);
    for (const shipping_assignment_source& a : s.extension_attributes.shipping_assignments) {
      s.shipping_address = make_address(w, a.shipping.address);
      if (s.shipping_address) break;
    }

    // One line per top-level row; a configurable's child names the variant.
    const std::span<const item_source> rows = s.items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const item_source& row = rows[i];
      if (is_child(rows, row)) continue;
      line_item& line = s.line_items.emplace_back();
      line.line_item_id = row.item_id;
      line.product_id = row.product_id;
      line.sku = row.sku;
      line.title = row.name;
      line.price = base(row.base_price, row.price);
      line.unit_cost = row.base_cost;
      line.currency = s.currency;
      if (row.qty_ordered) line.quantity = quantity::of(*row.qty_ordered);
      if (row.product_type == "configurable" && !row.item_id.empty()) {
        for (const item_source& child : rows) {
          if (&child != &row && child.parent_item_id == row.item_id) {
            line.variant_id = child.product_id;
            break;
          }
        }
      }
    }

    s.fulfillment_status = fulfillment_status_for(rows, s.state);
    s.order_status_raw = !s.status.empty() ? s.status : s.state;
    s.order_status = order_status_for(s.state, s.status, s.fulfillment_status);
    opt_money paid = base(s.base_total_paid, s.total_paid);
    if (!paid) paid = base(s.payment.base_amount_paid, s.payment.amount_paid);
    s.payment_status = payment_status_for(
        s.state,
        payment_amounts{
            .grand_total = s.total_price,
            .paid = paid,
            .refunded = base(s.base_total_refunded, s.total_refunded),
            .authorized = base(s.payment.base_amount_authorized, s.payment.amount_authorized),
        });

    // One shipment per track; a shipment without tracks is one untracked.
    for (const shipment_source& sh : s.shipment_list.items) {
      if (sh.tracks.empty()) {
        s.shipments.emplace_back();
        continue;
      }
      for (const track_source& t : sh.tracks) {
        shipment& out = s.shipments.emplace_back();
        out.carrier = !t.title.empty() ? t.title : t.carrier_code;
        out.tracking_code = t.track_number;
      }
    }
    return error_code::ok;
  }
};

}  // namespace ordernorm::mappings::magento
