// Converting platform order JSON into the common model.
//
//   ordernorm::converter conv;                       // --from auto, fast mapper
//   struct print : ordernorm::order_sink {
//     void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
//       std::string out;
//       ordernorm::write_json(o, out);
//       std::puts(out.c_str());
//     }
//     void on_reject(const ordernorm::record_error& e, const ordernorm::record_position&) override
//     {}
//   } sink;
//   conv.convert(R"({"order":{"id":1,"financial_status":"paid"}})", sink);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "ordernorm/common.hpp"
#include "ordernorm/error.hpp"
#include "ordernorm/export.hpp"
#include "ordernorm/model.hpp"
#include "ordernorm/reader.hpp"
#include "ordernorm/tracking.hpp"

namespace ordernorm {

struct options {
  // The documents' platform; std::nullopt detects it per document from its
  // shape (--from auto).
  std::optional<ordernorm::platform> from;
  ordernorm::mapper mapper = mapper::fast;
  // Shipments that carry scan events get their status derived from them
  // (see tracking.hpp); these options say how.
  derive_options derive;
  // Largest record, deepest nesting, longest string (see error.hpp). The
  // `= {}` lets callers name only the members before it.
  input_limits limits = {};
  // Reject, as invalid_json, a record that is not valid JSON throughout
  // (RFC 8259), values under keys no mapping reads included: without it,
  // those are skipped unvalidated (--strict).
  bool strict = false;
};

// Receives each converted order or rejected record, in input order. An order
// (and every string it views) is valid only during the call.
class ORDERNORM_API order_sink {
 public:
  virtual ~order_sink() = default;
  virtual void on_order(const order& o, const record_position& where) = 0;
  virtual void on_reject(const record_error& error, const record_position& where) = 0;
  // Called before on_order for each warning of that order; ignored unless
  // overridden.
  virtual void on_warning(const record_warning& warning, const record_position& where) {
    (void)warning;
    (void)where;
  }
};

// Converts JSON documents to orders. A document is one order, an array of
// orders, or a list envelope ({"orders":[...]}, {"order":{...}}); every order
// in it is one record, delivered to the sink as an order or as a reject, never
// dropped. Not thread-safe: use one converter per thread.
class ORDERNORM_API converter {
 public:
  // Readable bytes that must follow a document passed to convert_padded():
  // input_padding (padding.hpp), under the name it had first.
  static constexpr std::size_t padding = input_padding;

  explicit converter(options opts = {});
  ~converter();
  converter(converter&&) noexcept;
  converter& operator=(converter&&) noexcept;

  // Converts one document. `base_offset` is the document's offset in the
  // whole input, so that positions are reported in input terms.
  void convert(std::string_view json, order_sink& sink, std::uint64_t base_offset = 0);

  // Same, without a copy: `capacity - size` must be at least `padding`
  // readable bytes after the document.
  void convert_padded(const char* data, std::size_t size, std::size_t capacity, order_sink& sink,
                      std::uint64_t base_offset = 0);

  // Converts a text the reader handed over: a document, or one element of a
  // list the reader streamed (document_view::element). `doc.problem` must
  // be ok (pass reader::problem(doc) to reject_record otherwise).
  void convert(const document_view& doc, order_sink& sink);

  // Counts a record the caller could not even hand over (say, a line longer
  // than the reader allows) as rejected, and passes it to the sink, so that
  // records() == converted() + rejected() keeps holding.
  void reject_record(const record_error& error, order_sink& sink);

  // Records seen since construction or the last reset_counts(); records()
  // == converted() + rejected() always holds.
  std::uint64_t records() const noexcept;
  std::uint64_t converted() const noexcept;
  std::uint64_t rejected() const noexcept;
  // Starts numbering records from 1 again (a new input).
  void reset_counts() noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// "shopify" -> platform::shopify; std::nullopt for a name it does not know.
ORDERNORM_API std::optional<platform> platform_from_name(std::string_view name) noexcept;

}  // namespace ordernorm
