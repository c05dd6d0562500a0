// A strict check of JSON structure over stage 1's structural indexes.
//
// simdjson On-Demand validates what it reads, but skips what it does not read
// by counting brackets, and reads a string followed by ':' as a key wherever
// it meets one. So where a broken record stops being read, and whether the
// rest of its document can still be trusted, would depend on which fields a
// walker happened to read first. This check decides it instead, the same for
// every walker: brackets match by kind, keys are strings followed by ':',
// members and elements are separated by ',', and every value starts like a
// JSON value. Scalars are checked by their first byte only: their content is
// read (and checked) by the converter that needs them.
//
// It costs about 1.3 ns per token, so it runs only on records the mapping has
// already rejected, never on the converting path, unless --strict asks for
// check_value_strict: the same walk, with every scalar checked in full.
//
// Also here: where a document nests deeper than a limit (the converter's and
// the tracker's --max-depth).
//
// Private to ordernorm (src/ only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ordernorm::detail {

struct structure_check {
  // True when the value is well formed; `token` is then one past its last
  // token. Otherwise `token` is the first token that breaks it (the end of
  // `tokens` when the text ends before the value does) and `expected` says
  // what should have been there.
  bool ok = false;
  std::size_t token = 0;
  const char* expected = "";
};

// Appends to `out` where `text` (size bytes, with `tokens` its structural
// indexes) nests objects and arrays deeper than `limit`: the first bracket of
// each excursion past it, in order. Closed nesting of depth D takes 2D
// structural characters and at least D opening brackets, so most documents
// are cleared by a compare and a vectorised byte count, without a walk.
void find_deeper_than(const char* text, std::size_t size, std::span<const std::uint32_t> tokens,
                      std::size_t limit, std::vector<const char*>& out);

// What check_value_strict found.
struct strict_check {
  // The structure alone, as check_value says: when it is well formed, the
  // document can still be read past the value, even if a scalar is bad.
  structure_check structure;
  // True when the value is valid JSON throughout (RFC 8259).
  bool ok = false;
  // Otherwise: the first bad token (the end of `tokens` when the text ends
  // first), and why. `escape` points at the bad escape when a string's is.
  std::size_t token = 0;
  const char* problem = "";
  const char* escape = nullptr;
};

class structure_checker {
 public:
  // Checks the one JSON value that starts at tokens[first], in `text` (the
  // document whose structural indexes `tokens` are).
  structure_check check_value(const char* text, std::span<const std::uint32_t> tokens,
                              std::size_t first);

  // The same, and every scalar of the value in full (--strict): numbers as
  // RFC 8259 writes them, true/false/null spelt out, every string escape
  // one of \" \\ \/ \b \f \n \r \t \uXXXX. Stage 1 has already checked
  // what is left (UTF-8, unescaped control characters, unclosed strings) for
  // the whole document. `size`: the text's, where its last token ends.
  strict_check check_value_strict(const char* text, std::size_t size,
                                  std::span<const std::uint32_t> tokens, std::size_t first);

 private:
  template <bool Scalars>
  structure_check walk(const char* text, std::size_t size, std::span<const std::uint32_t> tokens,
                       std::size_t first, strict_check* scalar_fault);

  std::vector<std::uint8_t> in_object_;  // one entry per open container, reused
};

}  // namespace ordernorm::detail
