// How the model is spelled in JSON, shared by the writer (json_writer.cpp)
// and the schema (json_schema.cpp): both take a member's key from here, so the
// schema cannot name a key the writer does not write.
#pragma once

#include <array>
#include <boost/hana/string.hpp>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ordernorm/detail/model_reflection.hpp"

namespace ordernorm::json_names {

// The JSON key of a member: its snake_case name (a Hana compile-time string)
// in camelCase ("remote_created_at" -> "remoteCreatedAt"), at compile time.
template <class HanaString>
struct member_key {
  static constexpr std::string_view snake = boost::hana::to<char const*>(HanaString{});
  static constexpr auto storage = [] {
    std::array<char, snake.size()> buf{};
    std::size_t n = 0;
    bool upper = false;
    for (char c : snake) {
      if (c == '_') {
        upper = true;
        continue;
      }
      buf[n++] = (upper && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
    return std::pair{buf, n};
  }();
  static constexpr std::string_view value{storage.first.data(), storage.second};
};

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

}  // namespace ordernorm::json_names
