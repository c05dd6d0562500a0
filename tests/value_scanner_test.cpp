// detail::value_scanner (src/input_split.hpp), 64 bytes at a time, against
// detail::reference_value_scanner, the byte-at-a-time rule: the same end for
// every value, however its bytes are split into pieces. Each piece is copied
// into its own allocation of exactly its size, so that a read past `last`
// is a sanitizer error.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/input_split.hpp"

namespace {

using ordernorm::detail::reference_value_scanner;
using ordernorm::detail::value_scanner;

// Where the value starting at text[0] ends (offset one past its last byte),
// or npos when it goes on past the text; and the piece that said so.
struct outcome {
  std::size_t end = std::string_view::npos;
  std::size_t piece = std::string_view::npos;
  bool operator==(const outcome&) const = default;
};

std::ostream& operator<<(std::ostream& os, const outcome& o) {
  return os << "{end " << static_cast<long long>(o.end) << ", piece "
            << static_cast<long long>(o.piece) << "}";
}

// Scans `text` in pieces of the given sizes (the rest in one piece).
template <class Scanner>
outcome scan_pieces(std::string_view text, const std::vector<std::size_t>& sizes) {
  std::vector<std::size_t> pieces;
  std::size_t at = 0;
  for (const std::size_t size : sizes) {
    pieces.push_back(std::min(size, text.size() - at));
    at += pieces.back();
  }
  if (at < text.size() || pieces.empty()) pieces.push_back(text.size() - at);
  Scanner s;
  s.reset();
  at = 0;
  for (std::size_t i = 0; i != pieces.size(); ++i) {
    const std::size_t n = pieces[i];
    const auto copy = std::make_unique<char[]>(n);  // exactly n: a read past it is an ASan error
    std::copy_n(text.data() + at, n, copy.get());
    if (const char* end = s.scan(copy.get(), copy.get() + n)) {
      return {at + static_cast<std::size_t>(end - copy.get()), i};
    }
    at += n;
  }
  return {};
}

void expect_same(std::string_view text, const std::vector<std::size_t>& sizes = {}) {
  const outcome want = scan_pieces<reference_value_scanner>(text, sizes);
  const outcome got = scan_pieces<value_scanner>(text, sizes);
  ASSERT_EQ(got, want) << "text (" << text.size() << " bytes): " << text;
}

// Every split into a first piece of `offset` bytes, then pieces of `size`.
void expect_same_every_split(std::string_view text, std::size_t max_size) {
  for (std::size_t size = 1; size <= max_size; ++size) {
    for (std::size_t offset = 0; offset < size; ++offset) {
      std::vector<std::size_t> sizes;
      if (offset != 0) sizes.push_back(offset);
      for (std::size_t at = offset; at < text.size(); at += size) sizes.push_back(size);
      expect_same(text, sizes);
      if (testing::Test::HasFatalFailure()) {
        ADD_FAILURE() << "size " << size << ", offset " << offset;
        return;
      }
    }
  }
}

// Concatenation without operator+ chains (GCC 12 -Wrestrict false positive).
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view part : parts) out.append(part);
  return out;
}

std::size_t end_of(std::string_view text) { return scan_pieces<value_scanner>(text, {}).end; }

TEST(ValueScanner, BackslashRunsOf1To70StraddlingBlockBoundariesBeforeAQuote) {
  for (std::size_t run = 1; run <= 70; ++run) {
    // The run ends anywhere from a little before the first block boundary
    // to past the second, so that it straddles 64 and 128 for every length.
    for (std::size_t run_end = 60; run_end <= 135; ++run_end) {
      if (run_end < run + 2) continue;
      const std::size_t filler = run_end - run - 2;
      // In an array: an odd run escapes the quote, so `]` is in the string.
      const std::string in_array =
          cat({"[\"", std::string(filler, 'x'), std::string(run, '\\'), "\"]\"] "});
      const std::size_t closes = run % 2 == 0 ? run_end + 2 : run_end + 4;
      ASSERT_EQ(end_of(in_array), closes) << "run " << run << " ending at " << run_end;
      expect_same(in_array);
      // A string value.
      const std::string string_value =
          cat({"\"", std::string(filler + 1, 'x'), std::string(run, '\\'), "\"x\" "});
      ASSERT_EQ(end_of(string_value), run % 2 == 0 ? run_end + 1 : run_end + 3);
      expect_same(string_value);
      // Outside a string a backslash escapes nothing: the quote opens a string.
      const std::string outside =
          cat({"[", std::string(filler + 1, ' '), std::string(run, '\\'), "\"]\"]]"});
      ASSERT_EQ(end_of(outside), run_end + 4);
      expect_same(outside);
      // Split at the boundary and one byte either side of it.
      for (std::size_t cut : {run_end - 1, run_end, run_end + 1}) {
        expect_same(in_array, {cut});
        expect_same(string_value, {cut});
        expect_same(outside, {cut});
      }
    }
  }
}

TEST(ValueScanner, QuoteAsThe63rd64thOr65thByte) {
  for (std::size_t quote_at : {61, 62, 63, 64, 65, 126, 127, 128}) {
    // `{"xxx...x"}`: the closing quote at quote_at, `}` right after it.
    std::string object = cat({"{\"", std::string(quote_at - 2, 'x'), "\"}"});
    ASSERT_EQ(end_of(object), quote_at + 2);
    expect_same_every_split(object, 70);
    // The same quote escaped: the object goes on.
    std::string escaped = cat({"{\"", std::string(quote_at - 3, 'x'), "\\\"}"});
    ASSERT_EQ(end_of(escaped), std::string_view::npos);
    expect_same(escaped);
    // A string value whose closing quote is there.
    std::string string_value = cat({"\"", std::string(quote_at - 1, 'x'), "\"  "});
    ASSERT_EQ(end_of(string_value), quote_at + 1);
    expect_same_every_split(string_value, 70);
    // An opening quote there, with brackets on either side of it.
    std::string opening = cat({"[", std::string(quote_at - 1, ' '), "\"]\"]"});
    ASSERT_EQ(end_of(opening), quote_at + 4);
    expect_same_every_split(opening, 70);
  }
}

const char* const order_json =
    R"({"id":1234567,"email":"a\"b\\@example.com","note":"brackets {[ ]} and \\\" in text",)"
    R"("line_items":[{"sku":"X-1","qty":2,"props":[[],{},[{"k":"v"}]]},{"sku":"}]","qty":1}],)"
    R"("tags":["a","b\\","c\\\\\"d"],"total":"12.50","nested":{"a":{"b":{"c":[1,2,[3]]}}}})"
    " trailing {\"x\":1}";

TEST(ValueScanner, ValueSplitIntoPiecesOfEverySize1To130AtEveryOffset) {
  const std::string_view order = order_json;
  ASSERT_EQ(end_of(order), order.find(" trailing"));
  expect_same_every_split(order, 130);
  const std::string string_value = R"("a string with \" and \\ and {[ ]} and more \\\" text" x)";
  expect_same_every_split(string_value, 130);
  expect_same_every_split(cat({std::string(150, '7'), " "}), 130);
}

TEST(ValueScanner, BracketsInsideStrings) {
  EXPECT_EQ(end_of(R"({"a":"}"} )"), 9u);
  EXPECT_EQ(end_of(R"(["]]]]"] )"), 8u);
  EXPECT_EQ(end_of(R"(["\"]"] )"), 7u);
  EXPECT_EQ(end_of(R"({"{{{{":"[[[["})"), 15u);
  EXPECT_EQ(end_of(R"("{[")"), 4u);
  EXPECT_EQ(end_of(cat({"[\"", std::string(100, ']'), "\"]"})), 104u);
  EXPECT_EQ(end_of(cat({"[\"", std::string(100, '['), "\"]"})), 104u);
}

TEST(ValueScanner, UnbalancedClosers) {
  EXPECT_EQ(end_of("[}"), 2u);    // any closer counts
  EXPECT_EQ(end_of("{]]]"), 2u);  // the first that brings nesting to zero
  EXPECT_EQ(end_of("[[}]"), 4u);
  EXPECT_EQ(end_of("{{{"), std::string_view::npos);
  EXPECT_EQ(end_of(cat({std::string(70, '['), std::string(70, '}')})), 140u);
  EXPECT_EQ(end_of(cat({std::string(70, '['), std::string(69, '}')})), std::string_view::npos);
  for (std::size_t depth = 1; depth <= 200; depth += 7) {
    const std::string nested = cat({std::string(depth, '['), std::string(depth, ']'), "]"});
    ASSERT_EQ(end_of(nested), 2 * depth);
    expect_same(nested, {depth});
  }
}

TEST(ValueScanner, BareTokens) {
  EXPECT_EQ(end_of("123 "), 3u);
  EXPECT_EQ(end_of("true{"), 4u);
  EXPECT_EQ(end_of("null\"x\""), 4u);
  EXPECT_EQ(end_of("-1.5e3["), 6u);
  EXPECT_EQ(end_of("}]x\ty"), 3u);  // closers do not end a token
  EXPECT_EQ(end_of("x\\\"y"), 2u);  // nor does a backslash escape in one
  EXPECT_EQ(end_of(" x"), 0u);      // starting at whitespace: empty
  EXPECT_EQ(end_of("12345"), std::string_view::npos);
  for (std::size_t at = 1; at <= 130; ++at) {
    for (const char end : {' ', '\n', '\r', '\t', '{', '[', '"'}) {
      const std::string token = cat({std::string(at, 'a'), std::string_view(&end, 1), "zz"});
      ASSERT_EQ(end_of(token), at);
      expect_same(token, {at / 2});
    }
    ASSERT_EQ(end_of(std::string(at, 'a')), std::string_view::npos);
  }
  expect_same_every_split(cat({std::string(140, 't'), "\r"}), 130);
}

TEST(ValueScanner, ForEachValueAndValueEnd) {
  const std::string text = cat({order_json, "\n  12 \"s\\\"\"[1,{]}]x{\"a\":\"}\"}\t]] true"});
  std::vector<std::pair<std::size_t, std::size_t>> got;
  ordernorm::detail::for_each_value(
      text.data(), text.data() + text.size(),
      [&](const char* b, const char* e) { got.emplace_back(b - text.data(), e - text.data()); });
  // The same split with the reference scanner.
  std::vector<std::pair<std::size_t, std::size_t>> want;
  const char* p = text.data();
  const char* last = p + text.size();
  for (;;) {
    while (p != last && ordernorm::detail::is_json_space(*p)) ++p;
    if (p == last) break;
    reference_value_scanner s;
    const char* e = s.scan(p, last);
    if (e == nullptr) e = last;
    want.emplace_back(p - text.data(), e - text.data());
    p = e;
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(ordernorm::detail::value_end(text.data(), text.data() + 5), text.data() + 5);
}

// JSON-ish bytes: mostly the characters the scanner looks at, in runs, so
// that backslash runs, quotes and brackets meet block boundaries often.
std::string random_text(std::mt19937_64& rng, std::size_t size) {
  static constexpr std::string_view alphabet = "{}[]\"\"\"\\\\\\ ,:a1\n\t";
  std::string out;
  while (out.size() < size) {
    const auto kind = rng() % 10;
    if (kind == 0) {
      out.append(rng() % 80, '\\');
    } else if (kind == 1) {
      out.append(rng() % 100, 'x');
    } else if (kind == 2) {
      out += static_cast<char>(rng() & 0xff);
    } else {
      out += alphabet[rng() % alphabet.size()];
    }
  }
  out.resize(size);
  return out;
}

TEST(ValueScanner, RandomBytesInRandomPiecesAgreeWithTheReference) {
  std::mt19937_64 rng(20261206);
  for (int round = 0; round < 20000; ++round) {
    std::string text = random_text(rng, rng() % 400);
    if (round % 3 == 0 && !text.empty()) text[0] = "{[\""[rng() % 3];
    std::vector<std::size_t> sizes;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t n = rng() % 4 == 0 ? rng() % 3 : rng() % 150;
      sizes.push_back(n);
      at += n;
    }
    expect_same(text, sizes);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
