// Owned orders (convert_one.hpp): the model copied member by member through
// its reflection, between its views and its owned form, so that a member
// added to the model is copied without touching this file.
#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/zip.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "json_names.hpp"
#include "ordernorm/convert_one.hpp"
#include "ordernorm/detail/model_reflection.hpp"
#include "ordernorm/writer.hpp"

namespace ordernorm {
namespace {

namespace hana = boost::hana;

template <class T>
constexpr bool is_string_v = std::is_same_v<T, std::string_view> || std::is_same_v<T, std::string>;

template <class To, class From>
To copy_value(const From& from);

template <class To, class From>
void copy_members(const From& from, To& to) {
  hana::for_each(hana::zip(hana::accessors<From>(), hana::accessors<To>()), [&](auto pair) {
    const auto& source = hana::second(hana::at_c<0>(pair))(from);
    auto& target = hana::second(hana::at_c<1>(pair))(to);
    target = copy_value<std::decay_t<decltype(target)>>(source);
  });
  // Not reflected (never written), but part of the shipment all the same.
  if constexpr (std::is_same_v<From, shipment> || std::is_same_v<From, owned_shipment>) {
    to.return_flag = from.return_flag;
  }
}

template <class To, class From>
To copy_value(const From& from) {
  if constexpr (is_string_v<From>) {
    return To(from);
  } else if constexpr (json_names::is_optional<From>::value) {
    if (!from) return To{};
    return To(copy_value<typename To::value_type>(*from));
  } else if constexpr (json_names::is_vector<From>::value) {
    To out;
    out.reserve(from.size());
    for (const auto& element : from) out.push_back(copy_value<typename To::value_type>(element));
    return out;
  } else if constexpr (hana::Struct<From>::value) {
    To out{};
    copy_members(from, out);
    return out;
  } else {
    return from;  // enums, money, timestamps, numbers, flags: values already
  }
}

// convert_one's sink: the first order, owned; any further record counted.
class one_order_sink final : public order_sink {
 public:
  explicit one_order_sink(std::vector<record_warning>* warnings) : warnings_(warnings) {}

  void on_order(const order& o, const record_position&) override {
    if (records_++ == 0) order_ = to_owned(o);
  }
  void on_reject(const record_error& e, const record_position&) override {
    if (records_++ == 0) error_ = e;
  }
  void on_warning(const record_warning& w, const record_position&) override {
    if (records_ == 0 && warnings_ != nullptr) warnings_->push_back(w);
  }

  result<owned_order, record_error> take() && {
    if (records_ != 1) {
      record_error e;
      e.code = error_code::wrong_type;
      e.message = records_ == 0
                      ? std::string("expected one order; the document holds none")
                      : fmt::format("expected one order; the document holds {} records", records_);
      return e;
    }
    if (error_.code != error_code::ok) return std::move(error_);
    return std::move(order_);
  }

 private:
  std::vector<record_warning>* warnings_;
  std::uint64_t records_ = 0;
  owned_order order_;
  record_error error_;
};

}  // namespace

owned_order to_owned(const order& o) { return copy_value<owned_order>(o); }

order view_of(const owned_order& o) { return copy_value<order>(o); }

void write_json(const owned_order& o, std::string& out) { write_json(view_of(o), out); }

result<owned_order, record_error> convert_one(std::string_view json, const options& opts,
                                              std::vector<record_warning>* warnings) {
  converter conv(opts);
  one_order_sink sink(warnings);
  conv.convert(json, sink);
  return std::move(sink).take();
}

}  // namespace ordernorm
