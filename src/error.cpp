#include "ordernorm/error.hpp"

#include "ordernorm/common.hpp"

namespace ordernorm {

std::string_view to_string(error_code code) noexcept {
  switch (code) {
    case error_code::ok:
      return "ok";
    case error_code::invalid_json:
      return "invalid_json";
    case error_code::wrong_type:
      return "wrong_type";
    case error_code::not_an_object:
      return "not_an_object";
    case error_code::invalid_money:
      return "invalid_money";
    case error_code::money_out_of_range:
      return "money_out_of_range";
    case error_code::invalid_timestamp:
      return "invalid_timestamp";
    case error_code::timestamp_out_of_range:
      return "timestamp_out_of_range";
    case error_code::naive_timestamp:
      return "naive_timestamp";
    case error_code::invalid_number:
      return "invalid_number";
    case error_code::missing_field:
      return "missing_field";
    case error_code::unknown_platform:
      return "unknown_platform";
    case error_code::unsupported_platform:
      return "unsupported_platform";
    case error_code::platform_mismatch:
      return "platform_mismatch";
    case error_code::trailing_content:
      return "trailing_content";
    case error_code::source_error:
      return "source_error";
    case error_code::missing_parent:
      return "missing_parent";
    case error_code::record_too_large:
      return "record_too_large";
    case error_code::depth_limit_exceeded:
      return "depth_limit_exceeded";
    case error_code::string_too_long:
      return "string_too_long";
    case error_code::io_error:
      return "io_error";
  }
  return "unknown_error";
}

std::string_view to_string(warning_code code) noexcept {
  switch (code) {
    case warning_code::unclassified:
      return "unclassified";
    case warning_code::unexpanded_link:
      return "unexpanded_link";
    case warning_code::other_currency:
      return "other_currency";
    case warning_code::inexact_value:
      return "inexact_value";
    case warning_code::several_addresses:
      return "several_addresses";
    case warning_code::unreadable_time:
      return "unreadable_time";
    case warning_code::times_disagree:
      return "times_disagree";
    case warning_code::presentment_money:
      return "presentment_money";
  }
  return "unclassified";
}

}  // namespace ordernorm
