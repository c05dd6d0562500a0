// Shipment status from carrier scan events.
//
// derive_shipment() turns what a carrier reported (scan events, in any order,
// with duplicates, gaps and mixed time zones) into the shipment's status,
// statusDetail and deliveredAt, and gives each event the status its source
// left out. It is a pure function of the shipment and the options: there is
// no clock inside; anything time-based takes options::as_of.
//
//   ordernorm::derive_shipment(s, {.as_of = now});
//   s.status;  // ordernorm::shipment_status::in_transit
//
// The rules, each tested by name in tests/tracking_test.cpp:
// 1. Each event's status comes from, in this order: the event's own status
//    (the source's field), the carrier + event code table
//    (mappings/carriers/<carrier>.hpp), the description text. An unknown code
//    keeps its raw value and the event's status is `unknown`.
// 2. Events are ordered by time, stable on the carrier's order. An event
//    without a time keeps its carrier position and is never the latest.
//    Times with an offset compare as instants; local times (no offset) are
//    never shifted and compare as the carrier gives them. A shipment that
//    mixes the two keeps the carrier's order, since comparing them would
//    mean guessing a zone.
// 3. Identical events (same time, code, status, description, message and
//    location) are dropped after their first occurrence.
// 4. The latest event that says something decides (`unknown` events say
//    nothing), except:
//    - a label event (pre_transit) after the carrier took the parcel says
//      nothing: label times are often stamped in another zone;
//    - `delivered` holds against everything later but a return;
//    - a return (return_to_sender), or anything delivered after one, makes
//      the shipment return_to_sender; so does a delivery flagged as a return;
//    - a failed attempt the carrier will retry is in_transit (the tables map
//      it so), its detail saying why;
//    - with only label events, older than options::expire_after at as_of,
//      the detail is `expired` (status stays pre_transit).
// 5. deliveredAt is the time of the delivery that decided.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "ordernorm/common.hpp"
#include "ordernorm/error.hpp"
#include "ordernorm/export.hpp"
#include "ordernorm/model.hpp"
#include "ordernorm/reader.hpp"

namespace ordernorm {

// Carriers with event-code tables.
enum class carrier_id : std::uint8_t { unknown, usps, ups, fedex, dhl };

// "USPS", "usps", "United States Postal Service", "FedEx", "FDXE", "DHL
// Express", ... -> the carrier; anything else -> unknown. Case-insensitive.
ORDERNORM_API carrier_id identify_carrier(std::string_view name) noexcept;

struct derive_options {
  // The time "now" for time-based rules (expiry); without it none applies.
  std::optional<timestamp> as_of;
  // Days (std::chrono::days, spelled for C++17 consumers).
  std::chrono::duration<std::int64_t, std::ratio<86400>> expire_after{30};
};

// Where an event's status came from.
enum class status_origin : std::uint8_t { own_field, carrier_code, description, none };
// Its spelling in `ordernorm track --explain`'s "from" (to_string).
template <>
struct enum_names<status_origin> {
  static constexpr std::string_view values[] = {"own status", "carrier code", "description",
                                                "none"};
};

// Why the shipment has its status: the deciding event and, per event, how it
// was read and whether it counted. For `ordernorm track --explain`.
struct derivation {
  struct event_note {
    status_origin origin = status_origin::none;
    bool counted = false;  // took part in deciding the status
    std::string_view why;  // a short reason, static text
  };
  // Index into shipment::scan_events (after ordering and de-duplication) of
  // the event that decided, if one did.
  std::optional<std::size_t> deciding_event;
  std::string_view rule;           // the rule that decided, static text
  std::vector<event_note> events;  // one per event left, in the final order
  std::size_t duplicates_dropped = 0;
};

// Derives `s.status`, `s.status_detail`, `s.delivered_at` and each event's
// status and detail where its source gave none. Orders the events and drops
// duplicates in place. `s.status_raw` (the source's own overall status) is
// left as it is. When `explain` is not null it receives the reasoning.
ORDERNORM_API void derive_shipment(shipment& s, const derive_options& options = {},
                                   derivation* explain = nullptr);

// What `ordernorm track --from` reads: an order platform with shipments and
// scan events (Malomo), or a carrier tracking API's response.
enum class tracking_input : std::uint8_t { malomo, easypost, usps, ups, fedex, dhl };

// "easypost" -> tracking_input::easypost; std::nullopt for other names.
ORDERNORM_API std::optional<tracking_input> tracking_input_from_name(
    std::string_view name) noexcept;
ORDERNORM_API std::string_view to_string(tracking_input input) noexcept;

// Receives each shipment of a tracking document (derived), or a reject.
class ORDERNORM_API shipment_sink {
 public:
  virtual ~shipment_sink() = default;
  // `why` is set when track_options::explain is.
  virtual void on_shipment(const shipment& s, const derivation* why,
                           const record_position& where) = 0;
  virtual void on_reject(const record_error& error, const record_position& where) = 0;
  // Called before on_shipment for each warning of that shipment; ignored
  // unless overridden.
  virtual void on_warning(const record_warning& warning, const record_position& where) {
    (void)warning;
    (void)where;
  }
};

struct track_options {
  std::optional<tracking_input> from;  // std::nullopt: detect per document
  derive_options derive;
  bool explain = false;
  ordernorm::mapper mapper = mapper::fast;
  // As for the converter; a tracking document is one record.
  input_limits limits;
  // As options::strict: reject a document that is not valid JSON throughout.
  bool strict = false;
};

// Reads tracking documents (a carrier response, an EasyPost tracker, or an
// order with shipments) and delivers each shipment, derived. A document is
// one record: it either yields its shipments or is rejected. Not thread-safe.
class ORDERNORM_API tracker {
 public:
  explicit tracker(track_options opts = {});
  ~tracker();
  tracker(tracker&&) noexcept;
  tracker& operator=(tracker&&) noexcept;

  void track(std::string_view json, shipment_sink& sink, std::uint64_t base_offset = 0);
  // `capacity - size` must be at least input_padding readable bytes.
  void track_padded(const char* data, std::size_t size, std::size_t capacity, shipment_sink& sink,
                    std::uint64_t base_offset = 0);

  // Tracks a text the reader handed over (see converter::convert).
  void track(const document_view& doc, shipment_sink& sink);

  // Counts a record the caller could not hand over (a line too long for
  // the reader) as rejected and passes it to the sink.
  void reject_record(const record_error& error, shipment_sink& sink);

  std::uint64_t records() const noexcept;
  std::uint64_t rejected() const noexcept;
  std::uint64_t shipments() const noexcept;
  void reset_counts() noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// Merges shipments that share a carrier and tracking code (two tracking
// records for one number) into the first of them: events are joined, then
// the caller derives. Order is kept otherwise.
ORDERNORM_API void merge_duplicate_shipments(std::vector<shipment>& shipments);

}  // namespace ordernorm
