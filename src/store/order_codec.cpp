// The binary image of an order (order_codec.hpp): each member in
// declaration order; strings as a 64-bit length and the bytes; optionals a
// byte saying whether the value follows; lists a 64-bit count then the
// elements; money as units and scale; timestamps as milliseconds and the
// local flag. Native byte order: the image never leaves the process.
#include "order_codec.hpp"

#include <boost/hana/accessors.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "json_names.hpp"

namespace ordernorm::store {
namespace {

namespace hana = boost::hana;

template <class T>
void put_raw(std::string& out, T v) {
  char buf[sizeof v];
  std::memcpy(buf, &v, sizeof v);
  out.append(buf, sizeof v);
}

template <class T>
void encode(const T& v, std::string& out) {
  if constexpr (std::is_same_v<T, text>) {
    put_raw<std::uint64_t>(out, v.size());
    out.append(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    out.push_back(v ? 1 : 0);
  } else if constexpr (std::is_enum_v<T>) {
    out.push_back(static_cast<char>(v));
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    put_raw(out, v);
  } else if constexpr (std::is_same_v<T, decimal>) {
    put_raw(out, v.units());
    out.push_back(static_cast<char>(v.scale()));
  } else if constexpr (std::is_same_v<T, quantity>) {
    encode(v.value(), out);
  } else if constexpr (std::is_same_v<T, timestamp>) {
    put_raw<std::int64_t>(out, v.time.time_since_epoch().count());
    out.push_back(v.local ? 1 : 0);
  } else if constexpr (json_names::is_optional<T>::value) {
    out.push_back(v ? 1 : 0);
    if (v) encode(*v, out);
  } else if constexpr (json_names::is_vector<T>::value) {
    put_raw<std::uint64_t>(out, v.size());
    for (const auto& element : v) encode(element, out);
  } else {
    hana::for_each(hana::accessors<T>(), [&](auto pair) { encode(hana::second(pair)(v), out); });
  }
}

class image_reader {
 public:
  explicit image_reader(std::string_view image) : rest_(image) {}
  bool ok() const { return ok_; }
  bool at_end() const { return rest_.empty(); }

  template <class T>
  T raw() {
    T v{};
    if (rest_.size() < sizeof v) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, rest_.data(), sizeof v);
    rest_.remove_prefix(sizeof v);
    return v;
  }
  std::string_view bytes(std::uint64_t n) {
    if (rest_.size() < n) {
      ok_ = false;
      return {};
    }
    const std::string_view s = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return s;
  }

 private:
  std::string_view rest_;
  bool ok_ = true;
};

template <class T>
void decode(image_reader& in, T& v) {
  if constexpr (std::is_same_v<T, text>) {
    v = in.bytes(in.raw<std::uint64_t>());
  } else if constexpr (std::is_same_v<T, bool>) {
    v = in.raw<char>() != 0;
  } else if constexpr (std::is_enum_v<T>) {
    v = static_cast<T>(in.raw<std::uint8_t>());
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    v = in.raw<std::int64_t>();
  } else if constexpr (std::is_same_v<T, decimal>) {
    const auto units = in.raw<std::int64_t>();
    v = decimal(units, in.raw<std::uint8_t>());
  } else if constexpr (std::is_same_v<T, quantity>) {
    decimal d;
    decode(in, d);
    v = quantity::of(d);
  } else if constexpr (std::is_same_v<T, timestamp>) {
    v.time = decltype(v.time)(std::chrono::milliseconds(in.raw<std::int64_t>()));
    v.local = in.raw<char>() != 0;
  } else if constexpr (json_names::is_optional<T>::value) {
    if (in.raw<char>() != 0 && in.ok()) {
      decode(in, v.emplace());
    } else {
      v.reset();
    }
  } else if constexpr (json_names::is_vector<T>::value) {
    const auto n = in.raw<std::uint64_t>();
    v.clear();
    for (std::uint64_t i = 0; i < n && in.ok(); ++i) decode(in, v.emplace_back());
  } else {
    hana::for_each(hana::accessors<T>(), [&](auto pair) { decode(in, hana::second(pair)(v)); });
  }
}

}  // namespace

void encode_order(const order& o, std::string& out) { encode(o, out); }

bool decode_order(std::string_view image, order& o) {
  image_reader in(image);
  decode(in, o);
  return in.ok() && in.at_end();
}

}  // namespace ordernorm::store
