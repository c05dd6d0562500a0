// --strict (options::strict) on arbitrary bytes, against a reference.
// Invariants, per record of the strict run:
// - its verdict agrees with a JSON validator written here from RFC 8259
//   (character by character, recursive; no structural indexes): a record
//   strict lets through is valid JSON from its first byte; one strict
//   rejects as invalid_json is not, and the offset strict names is the
//   start of the token (stage 1's, as simdjson's DOM parser finds them)
//   holding the first byte the reference refuses;
// - a record strict does not reject as invalid converts (or is rejected)
//   exactly as it is without --strict;
// - the reference itself agrees with simdjson's DOM parser on every valid
//   record, but for what simdjson's number and string parsers refuse to
//   read while RFC 8259 allows it (1e400, 2^64, half a surrogate pair).
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

// A JSON validator from RFC 8259's grammar. `error` is the first byte it
// refuses: for a number or a literal that is malformed, its first byte
// (the token is wrong as a whole); for a bad escape, the string's quote.
class reference {
 public:
  explicit reference(std::string_view text) : s_(text) {}

  struct verdict {
    bool valid = false;
    bool abstain = false;  // nested too deep to follow, or cannot tell
    std::size_t error = 0;
    std::size_t end = 0;  // one past the value, when valid
  };

  verdict value_at(std::size_t at) {
    p_ = at;
    depth_ = 0;
    abstain_ = false;
    verdict v;
    v.valid = value();
    // A record that is one number or literal: bytes glued on (`2&x`) are
    // part of its token (stage 1 starts a token only after whitespace, an
    // operator or a string), so the record is that whole, bad token. Inside
    // a container the grammar already refuses them.
    if (v.valid && p_ < s_.size() && s_[at] != '"' && s_[at] != '{' && s_[at] != '[') {
      const char c = s_[p_];
      // A quote: inside a document it is glued on too, but the splitter of
      // glued documents ends a bare root value there (input_split.hpp); which
      // one this record is, the fuzzer cannot tell.
      if (c == '"') v.abstain = true;
      if (std::string_view(" \t\n\r{}[]:,\f\x1a").find(c) == std::string_view::npos) {
        v.valid = fail(p_);
      }
    }
    v.abstain = v.abstain || abstain_;
    v.error = error_;
    v.end = p_;
    return v;
  }

 private:
  bool fail(std::size_t at) {
    error_ = at;
    return false;
  }
  void space() {
    while (p_ < s_.size() &&
           (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) {
      ++p_;
    }
  }
  bool digit() const { return p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9'; }

  bool value() {
    space();
    if (p_ == s_.size()) return fail(p_);
    switch (s_[p_]) {
      case '{':
        return container('}');
      case '[':
        return container(']');
      case '"':
        return string();
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number();
    }
  }

  bool container(char close) {
    if (++depth_ > 2000) {
      abstain_ = true;
      return fail(p_);
    }
    ++p_;
    space();
    if (p_ < s_.size() && s_[p_] == close) {
      ++p_;
      --depth_;
      return true;
    }
    for (;;) {
      if (close == '}') {
        space();
        if (p_ == s_.size() || s_[p_] != '"') return fail(p_);
        if (!string()) return false;
        space();
        if (p_ == s_.size() || s_[p_] != ':') return fail(p_);
        ++p_;
      }
      if (!value()) return false;
      space();
      if (p_ == s_.size()) return fail(p_);
      if (s_[p_] == ',') {
        ++p_;
        continue;
      }
      if (s_[p_] != close) return fail(p_);
      ++p_;
      --depth_;
      return true;
    }
  }

  bool string() {
    const std::size_t start = p_++;
    while (p_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return fail(start);
      if (c != '\\') {
        ++p_;
        continue;
      }
      if (++p_ == s_.size()) return fail(start);
      const char e = s_[p_];
      if (e == 'u') {
        for (int i = 1; i <= 4; ++i) {
          if (p_ + static_cast<std::size_t>(i) >= s_.size() ||
              std::string_view("0123456789abcdefABCDEF").find(s_[p_ + i]) ==
                  std::string_view::npos) {
            return fail(start);
          }
        }
        p_ += 5;
      } else if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) {
        ++p_;
      } else {
        return fail(start);
      }
    }
    return fail(start);
  }

  bool literal(std::string_view word) {
    if (s_.substr(p_, word.size()) != word) return fail(p_);
    p_ += word.size();
    return true;
  }

  bool number() {
    const std::size_t start = p_;
    if (p_ < s_.size() && s_[p_] == '-') ++p_;
    if (!digit()) return fail(start);
    if (s_[p_] == '0') {
      ++p_;
    } else {
      while (digit()) ++p_;
    }
    if (p_ < s_.size() && s_[p_] == '.') {
      ++p_;
      if (!digit()) return fail(start);
      while (digit()) ++p_;
    }
    if (p_ < s_.size() && (s_[p_] == 'e' || s_[p_] == 'E')) {
      ++p_;
      if (p_ < s_.size() && (s_[p_] == '+' || s_[p_] == '-')) ++p_;
      if (!digit()) return fail(start);
      while (digit()) ++p_;
    }
    return true;
  }

  std::string_view s_;
  std::size_t p_ = 0;
  std::size_t error_ = 0;
  int depth_ = 0;
  bool abstain_ = false;
};

struct outcome {
  std::uint64_t record = 0;  // its offset
  bool converted = false;
  ordernorm::error_code code = ordernorm::error_code::ok;
  std::uint64_t error_offset = 0;
  std::string message;
  std::string pointer;
  std::string text;  // what the sink got, to compare runs
};

struct collecting final : ordernorm::order_sink {
  std::vector<outcome> all;
  void on_order(const ordernorm::order& o, const ordernorm::record_position& where) override {
    outcome r;
    r.record = where.byte_offset;
    r.converted = true;
    ordernorm::write_json(o, r.text);
    r.text += warnings;
    warnings.clear();
    all.push_back(std::move(r));
  }
  void on_reject(const ordernorm::record_error& e,
                 const ordernorm::record_position& where) override {
    outcome r;
    r.record = where.byte_offset;
    r.code = e.code;
    r.error_offset = e.byte_offset;
    r.message = e.message;
    r.pointer = e.json_pointer;
    r.text = std::string(ordernorm::to_string(e.code)) + " " + e.json_pointer + " @" +
             std::to_string(e.byte_offset) + ": " + e.message;
    all.push_back(std::move(r));
  }
  void on_warning(const ordernorm::record_warning& w, const ordernorm::record_position&) override {
    warnings += "\nW " + w.json_pointer + ": " + w.message;
  }
  std::string warnings;
};

std::vector<outcome> convert(std::string_view text, bool strict) {
  ordernorm::options opts;
  opts.strict = strict;
  ordernorm::converter conv(opts);
  collecting sink;
  conv.convert(text, sink);
  return std::move(sink.all);
}

// A message of strict's check (or of the structure check, which under
// --strict is the same walk): it names the first bad token.
bool names_first_bad_token(const std::string& message) {
  return message.rfind("invalid JSON: bad ", 0) == 0 ||
         message.rfind("invalid JSON: expected ", 0) == 0;
}

// What simdjson's DOM parser refuses in valid JSON: numbers it cannot hold,
// strings with half a surrogate pair.
bool dom_may_refuse(simdjson::error_code e) {
  return e == simdjson::NUMBER_ERROR || e == simdjson::STRING_ERROR || e == simdjson::DEPTH_ERROR;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<outcome> strict = convert(text, true);
  const std::vector<outcome> lax = convert(text, false);
  // Two records can start at one byte (a list element that breaks its
  // list, then the same bytes read again as a glued document): the k-th
  // strict record at a byte is compared with the k-th lax one there.
  std::map<std::uint64_t, std::vector<const outcome*>> lax_at;
  for (const outcome& o : lax) lax_at[o.record].push_back(&o);
  std::map<std::uint64_t, std::size_t> strict_seen;

  // Stage 1's tokens from a record's first byte on, as the converter sees
  // them (a glued document is a copy of a piece of the text, whose first
  // byte starts a token even where, in the whole text, it would not). The
  // token of `byte`: the last one at or before it; the text's end for the
  // end. std::nullopt when stage 1 refuses the rest of the text.
  static simdjson::dom::parser dom;
  auto token_of = [&](std::size_t record, std::size_t byte) -> std::optional<std::uint64_t> {
    if (byte >= size) return size;
    const simdjson::padded_string rest(text.substr(record));
    const simdjson::error_code e = dom.parse(rest).error();
    if (e == simdjson::UTF8_ERROR || e == simdjson::UNCLOSED_STRING ||
        e == simdjson::UNESCAPED_CHARS || !dom.implementation) {
      return std::nullopt;
    }
    const auto& impl = *dom.implementation;
    std::uint64_t found = byte;
    for (std::uint32_t i = 0; i < impl.n_structural_indexes; ++i) {
      const std::uint64_t t = record + impl.structural_indexes[i];
      if (t > byte) break;
      found = t;
    }
    return found;
  };

  reference ref(text);
  for (const outcome& r : strict) {
    const std::size_t occurrence = strict_seen[r.record]++;
    if (r.code == ordernorm::error_code::depth_limit_exceeded ||
        r.code == ordernorm::error_code::record_too_large) {
      continue;
    }
    const bool strict_check =
        r.code == ordernorm::error_code::invalid_json && names_first_bad_token(r.message);
    // Rejects said of a list element's wrapper or of an envelope's value,
    // and errors simdjson's iterator met, are not per-record verdicts.
    const bool other_verdict = r.code == ordernorm::error_code::invalid_json
                                   ? !strict_check
                                   : (r.code == ordernorm::error_code::not_an_object ||
                                      r.code == ordernorm::error_code::wrong_type) &&
                                         !r.pointer.empty();
    if (other_verdict || r.record >= size) continue;
    const reference::verdict v = ref.value_at(r.record);
    if (v.abstain) continue;
    const std::string evidence = "record at " + std::to_string(r.record) + ": " + r.text +
                                 "\nreference: " + (v.valid ? "valid" : "invalid at ") +
                                 (v.valid ? "" : std::to_string(v.error)) + "\n" +
                                 std::string(text.substr(0, 2000));
    if (strict_check) {
      fuzz::check(!v.valid, "strict rejects only what is not valid JSON", evidence);
      const auto expected = token_of(r.record, v.error);
      fuzz::check(!expected || r.error_offset == *expected,
                  "strict names the token of the first byte that is not JSON", evidence);
      continue;
    }
    fuzz::check(v.valid, "strict lets through only valid JSON", evidence);
    const auto same = lax_at.find(r.record);
    if (same != lax_at.end() && occurrence < same->second.size()) {
      const outcome& lax_record = *same->second[occurrence];
      fuzz::check(lax_record.text == r.text,
                  "a record valid throughout converts as it does without --strict",
                  evidence + "\nwithout --strict: " + lax_record.text);
    }
    // The reference against simdjson's DOM parser, on the record alone.
    const simdjson::padded_string alone(text.substr(r.record, v.end - r.record));
    simdjson::dom::element ignored;
    const simdjson::error_code e = dom.parse(alone).get(ignored);
    fuzz::check(e == simdjson::SUCCESS || dom_may_refuse(e),
                "the reference accepts only what simdjson's DOM parser accepts",
                evidence + "\nDOM: " + simdjson::error_message(e));
  }
  return 0;
}
