// A deterministic generator of Malomo orders with shipments and carrier scan
// events, for the tracking benchmark (bench_tracking.cpp) and ordernorm_gen
// (gen_orders.cpp --platform malomo).
//
//   ordernorm_bench::malomo_generator gen(42);
//   std::string ndjson;
//   gen.append_ndjson(ndjson, 20'000'000);  // whole orders, one per line
//
// Same seed, same calls => the same bytes everywhere: the only randomness is
// splitmix64 (shopify_generator.hpp), every number is formatted with integer
// arithmetic, and there is no clock. The output for N bytes is a prefix of the
// output for more bytes.
//
// The orders follow the shape and key order of api.gomalomo.com /orders
// responses as in tests/golden/malomo/*.json (keys in alphabetical order,
// every key written, null or not): id (UUID), alternate_id, number,
// created_at / updated_at with Z, customer, email, meta, and 1-3 shipments
// (carrier usps / ups / fedex / dhl) with 5-15 scan events each. What the
// deriver (include/ordernorm/tracking.hpp) meets:
// - scanned_at is the carrier's local wall-clock time without an offset, in
//   the zone of the scan's location (so a westbound leg can look earlier in
//   wall-clock terms); about 15% of label events are stamped in UTC instead.
// - Events are chronological in 75% of shipments, newest first in 15%, and
//   have one or two neighbouring pairs swapped in 10%.
// - 8% of shipments repeat one event exactly (right after it, or at the end);
//   2% have one event with "scanned_at": null.
// - carrier_code is a real code of the carrier (USPS GX OA 10 T1 07 OF 01 ...,
//   UPS MP OR AR DP DS OF KB ..., FedEx OC PU AR DP OD DL ..., DHL PU PL AF DF
//   AR WC OK ...) with its usual description and a message built the way the
//   carrier words it.
// - `status` / `status_detail` (Malomo's reading, EasyPost vocabulary) are on
//   every event of 45% of the shipments, on none of 45% (keys left out, so the
//   deriver reads the carrier code), on about half the events of the rest.
// - Journeys: 64% delivered, 18% in transit, 5% out for delivery, 5% a failed
//   attempt, 4% waiting at a pickup point, 4% returned to the sender (half of
//   those delivered back to it); 2% of shipments are returns (is_return).
//   Malomo's shipment `status` says how the journey ended.
//
// Depends on the standard library and shopify_generator.hpp only.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shopify_generator.hpp"

namespace ordernorm_bench {

namespace malomo_data {

struct place {
  std::string_view city;  // ASCII, title case; carriers upper-case it as they do
  std::string_view state;
  std::string_view zip;
  std::string_view country;       // ISO 3166-1 alpha-2
  std::string_view country_name;  // as DHL writes it
  int std_offset_min, dst_offset_min;
};

// clang-format off
inline constexpr place us_places[] = {
    {"Louisville",     "KY", "40202", "US", "USA", -300, -240},
    {"Brooklyn",       "NY", "11201", "US", "USA", -300, -240},
    {"Austin",         "TX", "78701", "US", "USA", -360, -300},
    {"Seattle",        "WA", "98101", "US", "USA", -480, -420},
    {"Chicago",        "IL", "60614", "US", "USA", -360, -300},
    {"Denver",         "CO", "80202", "US", "USA", -420, -360},
    {"Miami",          "FL", "33101", "US", "USA", -300, -240},
    {"Portland",       "OR", "97201", "US", "USA", -480, -420},
    {"Atlanta",        "GA", "30303", "US", "USA", -300, -240},
    {"Phoenix",        "AZ", "85004", "US", "USA", -420, -420},
    {"Indianapolis",   "IN", "46203", "US", "USA", -300, -240},
    {"Boise",          "ID", "83702", "US", "USA", -420, -360},
    {"Madison",        "WI", "53703", "US", "USA", -360, -300},
    {"Boulder",        "CO", "80302", "US", "USA", -420, -360},
    {"Columbus",       "OH", "43215", "US", "USA", -300, -240},
    {"Nashville",      "TN", "37203", "US", "USA", -360, -300},
    {"Sacramento",     "CA", "95814", "US", "USA", -480, -420},
    {"San Diego",      "CA", "92101", "US", "USA", -480, -420},
    {"Minneapolis",    "MN", "55401", "US", "USA", -360, -300},
    {"Boston",         "MA", "02108", "US", "USA", -300, -240},
    {"Charlotte",      "NC", "28202", "US", "USA", -300, -240},
    {"Albuquerque",    "NM", "87102", "US", "USA", -420, -360},
};
// Warehouses the shops ship from.
inline constexpr place warehouses[] = {
    {"Reno",           "NV", "89502", "US", "USA", -480, -420},
    {"Columbus",       "OH", "43217", "US", "USA", -300, -240},
    {"Salt Lake City", "UT", "84104", "US", "USA", -420, -360},
    {"Edison",         "NJ", "08817", "US", "USA", -300, -240},
    {"Dallas",         "TX", "75247", "US", "USA", -360, -300},
};
inline constexpr place usps_hubs[] = {
    {"Salt Lake City", "UT", "84199", "US", "USA", -420, -360},
    {"Kansas City",    "MO", "64108", "US", "USA", -360, -300},
    {"Chicago",        "IL", "60607", "US", "USA", -360, -300},
    {"Atlanta",        "GA", "30304", "US", "USA", -300, -240},
    {"Denver",         "CO", "80266", "US", "USA", -420, -360},
    {"Los Angeles",    "CA", "90052", "US", "USA", -480, -420},
};
inline constexpr place ups_hubs[] = {
    {"Louisville",     "KY", "40209", "US", "USA", -300, -240},
    {"Hodgkins",       "IL", "60525", "US", "USA", -360, -300},
    {"Ontario",        "CA", "91761", "US", "USA", -480, -420},
    {"Mesquite",       "TX", "75149", "US", "USA", -360, -300},
    {"Salt Lake City", "UT", "84104", "US", "USA", -420, -360},
};
inline constexpr place fedex_hubs[] = {
    {"Memphis",        "TN", "38118", "US", "USA", -360, -300},
    {"Indianapolis",   "IN", "46241", "US", "USA", -300, -240},
    {"Oakland",        "CA", "94621", "US", "USA", -480, -420},
    {"Fort Worth",     "TX", "76177", "US", "USA", -360, -300},
};
inline constexpr place dhl_origins[] = {
    {"Leipzig",        "",   "04435", "DE", "GERMANY",        60, 120},
    {"Cologne",        "",   "51147", "DE", "GERMANY",        60, 120},
    {"East Midlands",  "",   "DE74",  "GB", "UNITED KINGDOM",  0,  60},
    {"Amsterdam",      "",   "1118",  "NL", "NETHERLANDS",    60, 120},
};
// European hubs first, then American ones: a route visits them in order.
inline constexpr place dhl_hubs[] = {
    {"Leipzig",        "",   "04435", "DE", "GERMANY",        60, 120},
    {"Brussels",       "",   "1930",  "BE", "BELGIUM",        60, 120},
    {"Cincinnati Hub", "KY", "41048", "US", "USA",          -300, -240},
    {"New York",       "NY", "11430", "US", "USA",          -300, -240},
};
// clang-format on

// The stages of a journey; each carrier has one or more events per stage.
enum class role : std::uint8_t {
  label,      // label created, carrier does not have the parcel yet
  accept,     // first carrier possession
  arrive,     // arrived at a facility on the way
  depart,     // departed a facility
  dest,       // at the delivery unit / destination facility
  ofd,        // out for delivery
  delivered,  // delivered
  attempt,    // failed attempt, will retry
  pickup,     // waiting at a pickup point
  returned,   // on its way back to the sender
};
inline constexpr std::size_t role_count = 10;

// One kind of carrier event: its code, description and what Malomo says of it.
struct stage {
  std::string_view code, description, status, detail;
};
struct stage_list {
  const stage* items;
  std::size_t count;
};
template <std::size_t N>
constexpr stage_list list(const stage (&s)[N]) {
  return {s, N};
}

enum class message_style : std::uint8_t {
  usps,   // "August 23 3:47 pm Delivered, In/At Mailbox in CHICAGO, IL"
  ups,    // "Arrival Scan in Chicago, IL"
  fedex,  // "Arrived at FedEx location MEMPHIS, TN"
  dhl,    // "Arrived at DHL Sort Facility LEIPZIG - GERMANY"
};

struct carrier {
  std::string_view id, name, source, url_prefix;
  std::string_view services[3];
  message_style style;
  bool upper_city;
  const place* hubs;
  std::size_t hub_count;
  std::array<stage_list, role_count> stages;  // indexed by role
};

// clang-format off
inline constexpr stage usps_label[] = {{"GX", "Shipping Label Created, USPS Awaiting Item", "pre_transit", "label_created"}};
inline constexpr stage usps_accept[] = {{"OA", "Accepted at USPS Origin Facility", "in_transit", "received_at_origin_facility"},
                                        {"03", "USPS in possession of item", "in_transit", "received_at_origin_facility"}};
inline constexpr stage usps_arrive[] = {{"10", "Arrived at USPS Regional Facility", "in_transit", "arrived_at_facility"},
                                        {"A1", "Arrived at USPS Regional Origin Facility", "in_transit", "arrived_at_facility"}};
inline constexpr stage usps_depart[] = {{"T1", "Departed USPS Regional Facility", "in_transit", "departed_facility"},
                                        {"EF", "Departed USPS Facility", "in_transit", "departed_facility"},
                                        {"TL", "In Transit to Next Facility", "in_transit", "in_transit"}};
inline constexpr stage usps_dest[] = {{"07", "Arrived at Post Office", "in_transit", "arrived_at_facility"}};
inline constexpr stage usps_ofd[] = {{"OF", "Out for Delivery", "out_for_delivery", "out_for_delivery"}};
inline constexpr stage usps_delivered[] = {{"01", "Delivered, In/At Mailbox", "delivered", "arrived_at_destination"},
                                           {"01", "Delivered, Front Door/Porch", "delivered", "arrived_at_destination"},
                                           {"01", "Delivered, Parcel Locker", "delivered", "arrived_at_destination"},
                                           {"01", "Delivered, Left with Individual", "delivered", "arrived_at_destination"}};
inline constexpr stage usps_attempt[] = {{"02", "Notice Left (No Authorized Recipient Available)", "in_transit", "attempted_delivery"},
                                         {"30", "Delivery Attempted - No Access to Delivery Location", "in_transit", "attempted_delivery"}};
inline constexpr stage usps_pickup[] = {{"16", "Available for Pickup", "available_for_pickup", "arrived_at_pickup_location"}};
inline constexpr stage usps_returned[] = {{"09", "Return to Sender Processed", "return_to_sender", "return"},
                                          {"21", "Return to Sender - No Such Number", "return_to_sender", "return"}};

inline constexpr stage ups_label[] = {{"MP", "Shipper created a label, UPS has not received the package yet.", "pre_transit", "label_created"}};
inline constexpr stage ups_accept[] = {{"OR", "Origin Scan", "in_transit", "departed_origin_facility"},
                                       {"PU", "Pickup Scan", "in_transit", "received_at_origin_facility"}};
inline constexpr stage ups_arrive[] = {{"AR", "Arrived at Facility", "in_transit", "arrived_at_facility"}};
inline constexpr stage ups_depart[] = {{"DP", "Departed from Facility", "in_transit", "departed_facility"}};
inline constexpr stage ups_dest[] = {{"DS", "Destination Scan", "in_transit", "arrived_at_destination"}};
inline constexpr stage ups_ofd[] = {{"OF", "Out For Delivery Today", "out_for_delivery", "out_for_delivery"}};
inline constexpr stage ups_delivered[] = {{"KB", "Delivered", "delivered", "arrived_at_destination"}};
inline constexpr stage ups_attempt[] = {{"48", "The receiver was not available for delivery. We'll make a second attempt the next business day.", "in_transit", "attempted_delivery"}};
inline constexpr stage ups_pickup[] = {{"RP", "Your package is ready for pickup at the UPS Access Point location.", "available_for_pickup", "arrived_at_pickup_location"}};
inline constexpr stage ups_returned[] = {{"RS", "Returned to Sender", "return_to_sender", "return"}};

inline constexpr stage fedex_label[] = {{"OC", "Shipment information sent to FedEx", "pre_transit", "label_created"}};
inline constexpr stage fedex_accept[] = {{"PU", "Picked up", "in_transit", "received_at_origin_facility"}};
inline constexpr stage fedex_arrive[] = {{"AR", "Arrived at FedEx location", "in_transit", "arrived_at_facility"},
                                         {"IT", "In transit", "in_transit", "in_transit"}};
inline constexpr stage fedex_depart[] = {{"DP", "Departed FedEx location", "in_transit", "departed_facility"}};
inline constexpr stage fedex_dest[] = {{"AR", "At local FedEx facility", "in_transit", "arrived_at_destination"}};
inline constexpr stage fedex_ofd[] = {{"OD", "On FedEx vehicle for delivery", "out_for_delivery", "out_for_delivery"}};
inline constexpr stage fedex_delivered[] = {{"DL", "Delivered", "delivered", "arrived_at_destination"}};
inline constexpr stage fedex_attempt[] = {{"DE", "Customer not available or business closed", "in_transit", "attempted_delivery"}};
inline constexpr stage fedex_pickup[] = {{"HP", "Ready for recipient pickup", "available_for_pickup", "arrived_at_pickup_location"}};
inline constexpr stage fedex_returned[] = {{"RS", "Return to shipper", "return_to_sender", "return"}};

// DHL Express has no label event: its journeys start with the pickup.
inline constexpr stage dhl_label[] = {{"PU", "Shipment picked up", "in_transit", "received_at_origin_facility"}};
inline constexpr stage dhl_accept[] = {{"PU", "Shipment picked up", "in_transit", "received_at_origin_facility"}};
inline constexpr stage dhl_arrive[] = {{"AF", "Arrived at DHL Sort Facility", "in_transit", "arrived_at_facility"}};
inline constexpr stage dhl_depart[] = {{"DF", "Departed Facility in", "in_transit", "departed_facility"},
                                       {"PL", "Processed at", "in_transit", "in_transit"}};
inline constexpr stage dhl_dest[] = {{"AR", "Arrived at Delivery Facility in", "in_transit", "arrived_at_destination"}};
inline constexpr stage dhl_ofd[] = {{"WC", "With delivery courier", "out_for_delivery", "out_for_delivery"}};
inline constexpr stage dhl_delivered[] = {{"OK", "Delivered", "delivered", "arrived_at_destination"}};
inline constexpr stage dhl_attempt[] = {{"NH", "Delivery attempted; recipient not home", "in_transit", "attempted_delivery"},
                                        {"CA", "Delivery attempted; consignee premises closed", "in_transit", "attempted_delivery"}};
inline constexpr stage dhl_pickup[] = {{"CC", "Awaiting collection by recipient as requested", "available_for_pickup", "arrived_at_pickup_location"}};
inline constexpr stage dhl_returned[] = {{"RT", "Returned to shipper", "return_to_sender", "return"}};

inline constexpr carrier carriers[] = {
    {"usps", "USPS", "USPS", "https://tools.usps.com/go/TrackConfirmAction?qtc_tLabels1=",
     {"Priority Mail", "First-Class Package Service", "USPS Ground Advantage"},
     message_style::usps, true, usps_hubs, std::size(usps_hubs),
     {list(usps_label), list(usps_accept), list(usps_arrive), list(usps_depart), list(usps_dest),
      list(usps_ofd), list(usps_delivered), list(usps_attempt), list(usps_pickup), list(usps_returned)}},
    {"ups", "UPS", "UPS", "https://www.ups.com/track?tracknum=",
     {"UPS Ground", "UPS 2nd Day Air", "UPS SurePost"},
     message_style::ups, false, ups_hubs, std::size(ups_hubs),
     {list(ups_label), list(ups_accept), list(ups_arrive), list(ups_depart), list(ups_dest),
      list(ups_ofd), list(ups_delivered), list(ups_attempt), list(ups_pickup), list(ups_returned)}},
    {"fedex", "FedEx", "FedEx", "https://www.fedex.com/fedextrack/?trknbr=",
     {"FedEx Ground", "FedEx Home Delivery", "FedEx 2Day"},
     message_style::fedex, true, fedex_hubs, std::size(fedex_hubs),
     {list(fedex_label), list(fedex_accept), list(fedex_arrive), list(fedex_depart), list(fedex_dest),
      list(fedex_ofd), list(fedex_delivered), list(fedex_attempt), list(fedex_pickup), list(fedex_returned)}},
    {"dhl", "DHL Express", "DHL", "https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=",
     {"DHL Express Worldwide", "DHL Express 12:00", "DHL Express Worldwide"},
     message_style::dhl, true, dhl_hubs, std::size(dhl_hubs),
     {list(dhl_label), list(dhl_accept), list(dhl_arrive), list(dhl_depart), list(dhl_dest),
      list(dhl_ofd), list(dhl_delivered), list(dhl_attempt), list(dhl_pickup), list(dhl_returned)}},
};
// clang-format on

inline constexpr std::string_view months[] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};

inline constexpr std::string_view email_domains[] = {"example.com", "mail.example", "example.org",
                                                     "inbox.example"};

}  // namespace malomo_data

class malomo_generator {
 public:
  explicit malomo_generator(std::uint64_t seed) : rng_(seed ^ 0x6D616C6F6D6Full) {
    for (int i = 0; i < 4; ++i) rng_.next();
    next_alternate_id_ = 5'120'000'000'000 + rng_.between(0, 99'999'999);
    next_number_ = 1000 + rng_.between(0, 5000);
    clock_ = 1'704'067'200 + rng_.between(0, 86'400);  // 2024-01-01T00:00:00Z
  }

  // Appends one order (a bare order object; no newline).
  void append_order(std::string& out) {
    json_builder j(out);
    write_order(j, draw_order());
    ++orders_;
  }

  // Appends NDJSON orders until `out` holds at least `total_bytes` bytes (the
  // last order crosses the limit). Returns the number of orders appended.
  std::size_t append_ndjson(std::string& out, std::size_t total_bytes) {
    std::size_t n = 0;
    while (out.size() < total_bytes) {
      append_order(out);
      out.push_back('\n');
      ++n;
    }
    return n;
  }

  std::uint64_t orders() const noexcept { return orders_; }

 private:
  using place = malomo_data::place;
  using role = malomo_data::role;
  using stage = malomo_data::stage;

  enum class outcome : std::uint8_t {
    delivered,
    in_transit,
    out_for_delivery,
    attempted,
    pickup,
    returned
  };

  struct event {
    const stage* what;
    const place* where;  // nullptr: all-null location
    const place* zone;   // whose wall clock scanned_at shows
    std::int64_t utc;
    bool timed = true;
    bool own_status = false;
    bool label_in_utc = false;
  };
  struct shipment {
    const malomo_data::carrier* c;
    std::size_t service;
    outcome end;
    bool is_return;
    std::string tracking_code;
    std::uint64_t id_hi, id_lo;
    const place* origin;
    const place* destination;
    std::vector<event> events;  // in the order written
    std::int64_t estimated;     // UTC
    std::int64_t delivered_at;  // UTC, 0: null
    std::int64_t first_attempt;
    std::int64_t last_utc;
  };
  struct order {
    std::uint64_t id_hi, id_lo;
    std::int64_t alternate_id, number;
    std::int64_t created, updated;
    const shopify_data::person* who;
    int customer_kind;  // 0: full, 1: email null, 2: customer null
    int meta_kind;      // 0: shopify_order, 1: {}, 2: null
    std::string_view domain;
    std::vector<shipment> shipments;
  };

  // -------------------------------------------------------------------------
  // Drawing

  order draw_order() {
    order o{};
    o.id_hi = rng_.next();
    o.id_lo = rng_.next();
    o.alternate_id = next_alternate_id_;
    next_alternate_id_ += rng_.between(1'000, 4'000'000);
    o.number = next_number_++;
    clock_ += rng_.between(1, 900);
    o.created = clock_;
    o.who = &rng_.pick(shopify_data::us_people);
    static constexpr unsigned customer_weights[] = {95, 3, 2};
    o.customer_kind = static_cast<int>(rng_.weighted(customer_weights));
    static constexpr unsigned meta_weights[] = {70, 25, 5};
    o.meta_kind = static_cast<int>(rng_.weighted(meta_weights));
    o.domain = rng_.pick(malomo_data::email_domains);

    static constexpr unsigned shipment_weights[] = {65, 25, 10};
    const std::size_t count = rng_.weighted(shipment_weights) + 1;
    const place* home = &rng_.pick(malomo_data::us_places);
    const place* warehouse = &rng_.pick(malomo_data::warehouses);
    o.updated = o.created + 60;
    o.shipments.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      o.shipments.push_back(draw_shipment(o.created, warehouse, home));
      if (o.shipments.back().last_utc + 300 > o.updated) {
        o.updated = o.shipments.back().last_utc + rng_.between(60, 1'800);
      }
    }
    return o;
  }

  shipment draw_shipment(std::int64_t order_created, const place* warehouse, const place* home) {
    using namespace malomo_data;
    shipment s{};
    static constexpr unsigned carrier_weights[] = {40, 30, 22, 8};
    s.c = &carriers[rng_.weighted(carrier_weights)];
    s.service = rng_.below(3);
    static constexpr unsigned outcome_weights[] = {64, 18, 5, 5, 4, 4};
    s.end = static_cast<outcome>(rng_.weighted(outcome_weights));
    s.is_return = rng_.percent(2);
    if (s.is_return) s.end = outcome::delivered;
    s.id_hi = rng_.next();
    s.id_lo = rng_.next();
    s.tracking_code = tracking_code(*s.c);
    const bool dhl = s.c->style == message_style::dhl;
    s.origin = dhl ? &rng_.pick(dhl_origins) : warehouse;
    s.destination = home;
    if (s.is_return) std::swap(s.origin, s.destination);
    if (s.is_return && dhl) s.destination = &rng_.pick(dhl_origins);

    // Events per shipment, 5-15, most often 7-10.
    static constexpr unsigned count_weights[] = {6, 9, 12, 13, 13, 12, 10, 8, 7, 5, 5};
    const std::size_t total = rng_.weighted(count_weights) + 5;
    const bool duplicate = rng_.percent(8);
    const std::size_t distinct = duplicate ? total - 1 : total;

    // The journey: head, hub scans, tail.
    role head[2] = {};
    std::size_t head_n = 0;
    if (!dhl && rng_.percent(92)) head[head_n++] = role::label;
    head[head_n++] = role::accept;
    role tail[8] = {};
    std::size_t tail_n = 0;
    auto add = [&](role r) { tail[tail_n++] = r; };
    switch (s.end) {
      case outcome::delivered:
        add(role::dest);
        add(role::ofd);
        add(role::delivered);
        break;
      case outcome::in_transit:
        if (rng_.percent(50)) add(role::dest);
        break;
      case outcome::out_for_delivery:
        add(role::dest);
        add(role::ofd);
        break;
      case outcome::attempted:
        add(role::dest);
        add(role::ofd);
        add(role::attempt);
        break;
      case outcome::pickup:
        add(role::dest);
        if (rng_.percent(50)) {
          add(role::ofd);
          add(role::attempt);
        }
        add(role::pickup);
        break;
      case outcome::returned:
        add(role::dest);
        add(role::ofd);
        add(role::attempt);
        add(role::returned);
        add(role::depart);
        if (rng_.percent(50)) add(role::delivered);  // back at the sender
        break;
    }
    std::size_t middle = distinct > head_n + tail_n ? distinct - head_n - tail_n : 0;

    // Hubs on the way: the middle scans come in arrive / depart pairs, one
    // pair per hub visited. DHL flies through a European hub, then an
    // American one.
    const std::size_t pairs = (middle + 1) / 2;
    const std::size_t hub_start = rng_.below(s.c->hub_count);
    auto hub_of = [&](std::size_t pair) -> const place* {
      if (dhl) {
        const std::size_t side = pair < pairs / 2 ? 0 : 2;
        return &s.c->hubs[side + (hub_start + pair) % 2];
      }
      return &s.c->hubs[(hub_start + pair) % s.c->hub_count];
    };

    std::int64_t t = order_created + rng_.between(2 * 3'600, 48 * 3'600);
    t -= t % 60;
    auto push = [&](role r, const place* where, std::int64_t at) {
      t = at - at % 60;
      const malomo_data::stage_list& options = s.c->stages[static_cast<std::size_t>(r)];
      event e{};
      e.what = &options.items[rng_.below(options.count)];
      e.where = where;
      e.zone = where;
      if (e.what->code == "TL") e.where = nullptr;  // USPS gives no location for it
      e.utc = t;
      e.label_in_utc = r == role::label && rng_.percent(15);
      s.events.push_back(e);
    };
    // The next moment after `t`, at least `min_gap` later, whose wall clock
    // at `p` is between hour_lo and hour_hi (the last mile keeps office hours).
    auto within_hours = [&](const place& p, std::int64_t min_gap, int hour_lo, int hour_hi) {
      const std::int64_t from = t + min_gap;
      const std::int64_t offset = std::int64_t{offset_at(p, from)} * 60;
      const std::int64_t local = from + offset;
      std::int64_t at = local - local % 86'400 + rng_.between(hour_lo * 3'600, hour_hi * 3'600);
      if (at <= local) at += 86'400;
      return at - offset;
    };
    s.events.reserve(total + 1);
    for (std::size_t i = 0; i < head_n; ++i) {
      push(head[i], s.origin,
           t + (head[i] == role::label ? 0 : rng_.between(2 * 3'600, 30 * 3'600)));
    }
    for (std::size_t i = 0; i < middle; ++i) {
      push(i % 2 == 0 ? role::arrive : role::depart, hub_of(i / 2),
           t + rng_.between(2 * 3'600, 12 * 3'600));
    }
    s.estimated = t + rng_.between(1, 3) * 86'400;
    for (std::size_t i = 0; i < tail_n; ++i) {
      const role r = tail[i];
      const bool back = s.end == outcome::returned && i > 3;  // after the return event
      const place* where = back ? s.origin : s.destination;
      switch (r) {
        case role::ofd:
          push(r, where, within_hours(*where, 3'600, 6, 9));
          break;
        case role::delivered:
        case role::attempt:
          push(r, where,
               back ? within_hours(*where, 12 * 3'600, 9, 17) : t + rng_.between(3'600, 9 * 3'600));
          if (r == role::attempt && s.first_attempt == 0) s.first_attempt = t;
          if (r == role::delivered) s.delivered_at = t;
          break;
        case role::pickup:
          push(r, where, within_hours(*where, 3'600, 8, 12));
          break;
        case role::returned:
          push(r, where, within_hours(*where, 3 * 86'400, 8, 17));
          break;
        default:  // dest, or a hub on the way back
          push(r, back ? hub_of(0) : where, t + rng_.between(3 * 3'600, 12 * 3'600));
          break;
      }
    }
    s.last_utc = t;

    // What Malomo filled in: every event, none, or about half.
    static constexpr unsigned own_weights[] = {45, 45, 10};
    const std::size_t own = rng_.weighted(own_weights);
    for (event& e : s.events) e.own_status = own == 0 || (own == 2 && rng_.percent(50));

    // An untimed event (never the first: it keeps its place anyway).
    if (rng_.percent(2) && s.events.size() > 2) {
      s.events[1 + rng_.below(s.events.size() - 2)].timed = false;
    }
    // The order the events arrive in.
    static constexpr unsigned order_weights[] = {75, 15, 10};
    switch (rng_.weighted(order_weights)) {
      case 1:
        for (std::size_t i = 0, k = s.events.size() - 1; i < k; ++i, --k) {
          std::swap(s.events[i], s.events[k]);
        }
        break;
      case 2: {
        const std::size_t swaps = 1 + rng_.below(2);
        for (std::size_t n = 0; n < swaps; ++n) {
          const std::size_t i = rng_.below(s.events.size() - 1);
          std::swap(s.events[i], s.events[i + 1]);
        }
        break;
      }
      default:
        break;
    }
    if (duplicate) {
      const std::size_t i = rng_.below(s.events.size());
      const event copy = s.events[i];
      if (rng_.percent(50)) {
        s.events.insert(s.events.begin() + static_cast<std::ptrdiff_t>(i) + 1, copy);
      } else {
        s.events.push_back(copy);
      }
    }
    return s;
  }

  std::string tracking_code(const malomo_data::carrier& c) {
    std::string code;
    auto digits_of = [&](std::size_t n) {
      for (std::size_t i = 0; i < n; ++i) code.push_back(static_cast<char>('0' + rng_.below(10)));
    };
    switch (c.style) {
      case malomo_data::message_style::usps: {
        static constexpr std::string_view prefixes[] = {"9400", "9405", "9205", "9361"};
        code.append(rng_.pick(prefixes));
        digits_of(18);
        break;
      }
      case malomo_data::message_style::ups: {
        static constexpr char alnum[] = "0123456789ABCDEFGHJKLMNPRSTVWXYZ";
        code.append("1Z");
        for (int i = 0; i < 6; ++i) code.push_back(alnum[rng_.below(sizeof alnum - 1)]);
        digits_of(10);
        break;
      }
      case malomo_data::message_style::fedex:
        code.push_back(static_cast<char>('1' + rng_.below(9)));
        digits_of(11);
        break;
      case malomo_data::message_style::dhl:
        code.push_back(static_cast<char>('1' + rng_.below(9)));
        digits_of(9);
        break;
    }
    return code;
  }

  // -------------------------------------------------------------------------
  // Formatting

  static int offset_at(const place& p, std::int64_t utc) {
    const unsigned month = civil(utc + p.std_offset_min * 60).month;
    return month >= 4 && month <= 10 ? p.dst_offset_min : p.std_offset_min;
  }

  struct civil_time {
    std::int64_t year;
    unsigned month, day, hour, minute, second;
  };
  // Howard Hinnant's civil_from_days.
  static constexpr civil_time civil(std::int64_t seconds) {
    std::int64_t days = seconds / 86'400;
    std::int64_t rest = seconds % 86'400;
    if (rest < 0) {
      rest += 86'400;
      --days;
    }
    const std::int64_t z = days + 719'468;
    const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
    const auto doe = static_cast<unsigned>(z - era * 146'097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    return {y,
            m,
            d,
            static_cast<unsigned>(rest / 3600),
            static_cast<unsigned>(rest / 60 % 60),
            static_cast<unsigned>(rest % 60)};
  }

  static char* digits(char* p, std::uint64_t v, int width) {
    for (int i = width - 1; i >= 0; --i) {
      p[i] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    return p + width;
  }

  // "2024-08-20T18:12:00" (+ "Z" when `zulu`), the wall clock at `offset_min`.
  std::string_view time_text(std::int64_t utc, int offset_min, bool zulu) {
    const civil_time t = civil(utc + offset_min * 60);
    char* p = scratch_;
    p = digits(p, static_cast<std::uint64_t>(t.year), 4);
    *p++ = '-';
    p = digits(p, t.month, 2);
    *p++ = '-';
    p = digits(p, t.day, 2);
    *p++ = 'T';
    p = digits(p, t.hour, 2);
    *p++ = ':';
    p = digits(p, t.minute, 2);
    *p++ = ':';
    p = digits(p, t.second, 2);
    if (zulu) *p++ = 'Z';
    return {scratch_, static_cast<std::size_t>(p - scratch_)};
  }
  std::string_view local_text(std::int64_t utc, const place& p) {
    return time_text(utc, offset_at(p, utc), false);
  }

  static void append_upper(std::string& out, std::string_view s) {
    for (char ch : s)
      out.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch);
  }
  static void append_city(std::string& out, const malomo_data::carrier& c, const place& p) {
    if (c.upper_city) {
      append_upper(out, p.city);
    } else {
      out.append(p.city);
    }
  }

  // "January 28 1:23 pm"
  void append_usps_when(std::string& out, std::int64_t utc, const place& p) {
    const civil_time t = civil(utc + offset_at(p, utc) * 60);
    out.append(malomo_data::months[t.month - 1]);
    out.push_back(' ');
    char buf[8];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, t.day).ptr);
    out.push_back(' ');
    const unsigned h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    out.append(buf, std::to_chars(buf, buf + sizeof buf, h12).ptr);
    out.push_back(':');
    out.append(buf, digits(buf, t.minute, 2));
    out.append(t.hour < 12 ? " am" : " pm");
  }

  std::string_view message(const malomo_data::carrier& c, const event& e) {
    using malomo_data::message_style;
    text_.clear();
    const std::string_view description = e.what->description;
    switch (c.style) {
      case message_style::usps:
        if (e.where != nullptr) {
          append_usps_when(text_, e.utc, *e.zone);
          text_.push_back(' ');
        }
        text_.append(description);
        if (e.where != nullptr) {
          text_.append(" in ");
          append_city(text_, c, *e.where);
          text_.append(", ");
          text_.append(e.where->state);
        }
        break;
      case message_style::ups:
        if (e.what->code == "MP" || e.where == nullptr) {
          text_.append(description);
        } else if (e.what->code == "KB") {
          text_.append("Delivered in ");
          append_city(text_, c, *e.where);
          text_.append(", ");
          text_.append(e.where->state);
          text_.append(". Left at front door.");
        } else {
          text_.append(description);
          text_.append(" in ");
          append_city(text_, c, *e.where);
          text_.append(", ");
          text_.append(e.where->state);
        }
        break;
      case message_style::fedex:
        text_.append(description);
        if (e.where != nullptr) {
          text_.push_back(' ');
          append_city(text_, c, *e.where);
          text_.append(", ");
          text_.append(e.where->state);
        }
        break;
      case message_style::dhl:
        text_.append(description);
        if (e.where != nullptr) {
          text_.push_back(' ');
          append_city(text_, c, *e.where);
          if (!e.where->state.empty()) {
            text_.append(", ");
            text_.append(e.where->state);
          }
          text_.append(" - ");
          text_.append(e.where->country_name);
        }
        break;
    }
    return text_;
  }

  std::string_view uuid(std::uint64_t hi, std::uint64_t lo) {
    static constexpr char hex[] = "0123456789abcdef";
    hi = (hi & ~0xF000ull) | 0x4000ull;                  // version 4
    lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);  // variant 10
    char* p = scratch_;
    for (int i = 0; i < 32; ++i) {
      const std::uint64_t word = i < 16 ? hi : lo;
      const int shift = 60 - 4 * (i % 16);
      if (i == 8 || i == 12 || i == 16 || i == 20) *p++ = '-';
      *p++ = hex[(word >> shift) & 15];
    }
    return {scratch_, static_cast<std::size_t>(p - scratch_)};
  }

  std::string_view number_text(std::int64_t n) {
    return {scratch_, static_cast<std::size_t>(
                          std::to_chars(scratch_, scratch_ + sizeof scratch_, n).ptr - scratch_)};
  }

  std::string_view email(const order& o) {
    text_.clear();
    text_.append(o.who->first_ascii);
    text_.push_back('.');
    text_.append(o.who->last_ascii);
    text_.push_back('@');
    text_.append(o.domain);
    return text_;
  }

  // -------------------------------------------------------------------------
  // Writing, keys in Malomo's (alphabetical) order.

  static std::string_view status_name(outcome end) {
    switch (end) {
      case outcome::delivered:
        return "delivered";
      case outcome::in_transit:
      case outcome::attempted:
        return "in_transit";
      case outcome::out_for_delivery:
        return "out_for_delivery";
      case outcome::pickup:
        return "available_for_pickup";
      case outcome::returned:
        return "return_to_sender";
    }
    return "unknown";
  }

  void write_place(json_builder& j, const place* p, bool with_country) {
    j.begin_object();
    if (p == nullptr) {
      j.null("city");
      j.null("country");
      j.null("postal_code");
      j.null("state");
    } else {
      text_.clear();
      append_upper(text_, p->city);
      j.string("city", text_);
      j.string_or_null("country", with_country ? p->country : "");
      j.string("postal_code", p->zip);
      j.string_or_null("state", p->state);
    }
    j.end_object();
  }

  void write_order(json_builder& j, const order& o) {
    j.begin_object();
    j.string("alternate_id", number_text(o.alternate_id));
    j.string("created_at", time_text(o.created, 0, true));
    if (o.customer_kind == 2) {
      j.null("customer");
    } else {
      j.key("customer");
      j.begin_object();
      if (o.customer_kind == 1) {
        j.null("email");
      } else {
        j.string("email", email(o));
      }
      j.string("first_name", o.who->first);
      j.string("last_name", o.who->last);
      j.end_object();
    }
    j.string("email", email(o));
    j.string("id", uuid(o.id_hi, o.id_lo));
    if (o.meta_kind == 0) {
      j.key("meta");
      j.begin_object();
      j.key("shopify_order");
      j.begin_object();
      j.integer("order_id", o.alternate_id);
      j.end_object();
      j.end_object();
    } else if (o.meta_kind == 1) {
      j.empty_object("meta");
    } else {
      j.null("meta");
    }
    j.string("number", number_text(o.number));
    j.key("shipments");
    j.begin_array();
    for (const shipment& s : o.shipments) write_shipment(j, s);
    j.end_array();
    j.string("updated_at", time_text(o.updated, 0, true));
    j.end_object();
  }

  void write_shipment(json_builder& j, const shipment& s) {
    const malomo_data::carrier& c = *s.c;
    j.begin_object();
    j.null("alternative_carrier_identifier");
    j.string("carrier", c.id);
    j.string("carrier_name", c.name);
    j.string("carrier_service", c.services[s.service]);
    text_.assign(c.url_prefix);
    text_.append(s.tracking_code);
    j.string("carrier_url", text_);
    j.null("container_type");
    if (s.delivered_at != 0 && s.end == outcome::delivered) {
      j.string("delivered_at", local_text(s.delivered_at, *s.destination));
    } else {
      j.null("delivered_at");
    }
    j.key("destination");
    write_place(j, s.destination, s.id_lo % 3 != 0);
    // Estimates: end of the day, in the destination's zone.
    const std::int64_t estimated = s.estimated - s.estimated % 86'400 + 20 * 3'600;
    j.string("estimated_delivered_at", local_text(estimated, *s.destination));
    j.null("estimated_local_delivered_at");
    j.null("estimated_local_delivered_on");
    j.null("guaranteed_delivered_at");
    j.string("id", uuid(s.id_hi, s.id_lo));
    if (s.first_attempt != 0) {
      j.string("initial_delivery_attempted_at", local_text(s.first_attempt, *s.destination));
    } else if (s.delivered_at != 0) {
      j.string("initial_delivery_attempted_at", local_text(s.delivered_at, *s.destination));
    } else {
      j.null("initial_delivery_attempted_at");
    }
    j.boolean("is_return", s.is_return);
    j.key("origin");
    write_place(j, s.origin, s.id_lo % 3 != 0);
    j.string("original_estimated_delivered_at", local_text(estimated, *s.destination));
    j.key("scan_events");
    j.begin_array();
    for (const event& e : s.events) write_event(j, c, e);
    j.end_array();
    j.null("signed_by");
    j.string("status", status_name(s.end));
    j.string("tracking_code", s.tracking_code);
    if (s.id_hi % 4 == 0) {
      j.null("weight");
    } else {
      j.number("weight", number_text(static_cast<std::int64_t>(s.id_hi % 40) + 1));
    }
    j.end_object();
  }

  void write_event(json_builder& j, const malomo_data::carrier& c, const event& e) {
    j.begin_object();
    j.string("carrier_code", e.what->code);
    j.string("description", e.what->description);
    j.key("location");
    j.begin_object();
    if (e.where == nullptr) {
      j.null("city");
      j.null("country");
      j.null("postal_code");
      j.null("state");
    } else {
      text_.clear();
      append_city(text_, c, *e.where);
      j.string("city", text_);
      j.string("country", e.where->country);
      j.string("postal_code", e.where->zip);
      j.string_or_null("state", e.where->state);
    }
    j.end_object();
    j.string("message", message(c, e));
    if (!e.timed) {
      j.null("scanned_at");
    } else if (e.label_in_utc) {
      j.string("scanned_at", time_text(e.utc, 0, false));
    } else {
      j.string("scanned_at", local_text(e.utc, *e.zone));
    }
    j.string("source", c.source);
    if (e.own_status) {
      j.string("status", e.what->status);
      j.string("status_detail", e.what->detail);
    }
    j.end_object();
  }

  splitmix64 rng_;
  std::uint64_t orders_ = 0;
  std::int64_t next_alternate_id_ = 0;
  std::int64_t next_number_ = 0;
  std::int64_t clock_ = 0;
  char scratch_[64] = {};
  std::string text_;
};

}  // namespace ordernorm_bench
