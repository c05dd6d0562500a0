// Shopify Bulk Operation exports (JSONL): one object per line, nested
// connections flattened. A line with `__parentId` is a child of the line
// whose `id` is that gid (a LineItem under its Order, and so on); children
// come after their parent, right after it (the usual, grouped layout) or
// later, among other orders' lines (interleaved, e.g. groupObjects: false).
//
// The reader stitches each order back together before the converter sees
// it: the order line with its LineItem children spliced in as
// `"lineItems":{"nodes":[...]}`, the shape a GraphQL query returns. Children
// the model has no place for (events, fulfillment orders, ...) and their
// own children are read past.
//
// Exact and bounded, in two passes over a file:
// - bulk_index (the first pass) notes each parent that has a child after a
//   later root line (a "late" child), with the offset of its last such
//   child; a grouped export notes nothing.
// - bulk_stitcher (the second) holds an order from its line until the next
//   root line has come and its late children (if any) have been read, then
//   hands it over, in the order of the root lines. Memory: the orders open
//   at once (one, grouped) and the index (the interleaved parents).
// Without an index (standard input), an order is complete when the next
// root line comes; a child that comes later is rejected as missing_parent,
// with a message that says to read the file instead.
//
// Private to ordernorm (src/ only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ordernorm/reader.hpp"

namespace ordernorm::detail {

// The raw (still escaped) text of a line's top-level string member `key`,
// when the line has one before any other object opens; used for `id`, which
// Shopify writes first. nullopt when not found that way.
std::optional<std::string_view> leading_string_member(std::string_view line,
                                                      std::string_view key) noexcept;
// The raw text of the line's `__parentId` string, or nullopt: a root line.
// Looks for the key `"__parentId"` (a double underscore is rare in orders,
// so a memchr for '_' finds it fast).
std::optional<std::string_view> bulk_parent_of(std::string_view line) noexcept;
// A gid as written (`gid:\/\/shopify\/Order\/1`) made comparable: escape
// backslashes dropped (a gid holds no other escapes).
void normalize_gid(std::string_view raw, std::string& out);
// The gid's type: "Order" for gid://shopify/Order/1; empty when not a gid.
std::string_view gid_type(std::string_view normalized) noexcept;

// The first pass: the parents with late children, and where the last of
// those is.
class bulk_index {
 public:
  void add_line(std::string_view line, std::uint64_t offset);
  // Offset of the parent's last late child, or nullopt.
  std::optional<std::uint64_t> last_late_child(const std::string& gid) const;
  std::size_t parents() const noexcept { return late_count_; }

 private:
  bool in_current(const std::string& gid) const noexcept;
  bool has_late_type(std::string_view type) const noexcept;
  void add_current(std::string_view raw);
  void grow();

  // Parents by the 64-bit hash of their gid, open addressing (0: empty).
  // Two gids with one hash share the later offset: an order is then held
  // longer than it needs, never released before its last child.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> late_;
  std::size_t late_count_ = 0;
  std::vector<std::string> late_types_;  // the gid types of late_'s parents
  // The current root and its contiguous descendants: the first
  // current_size_ entries (the strings are kept to reuse their memory).
  std::vector<std::string> current_;
  std::size_t current_size_ = 0;
  std::string parent_;
};

// The second pass. add() each line (or problem) in input order, finish() at
// the end; next() hands over what is ready, in input order.
class bulk_stitcher {
 public:
  explicit bulk_stitcher(std::optional<bulk_index> index) : index_(std::move(index)) {
    owner_.reserve(1024);
  }

  void add(const document_view& line);
  void finish();
  // The next document ready, valid until the next call to add() or next().
  bool next(document_view& out);
  // The message of the last missing_parent handed over.
  const std::string& problem_message() const noexcept { return problem_message_; }

 private:
  struct child_line {
    std::uint64_t offset = 0;
    std::size_t begin = 0;  // in group::children
  };
  struct group {
    std::uint64_t offset = 0;  // of the root line
    std::string root;          // the root line
    // Its gids (the root's first, then its children's): the first gid_count.
    std::vector<std::string> gids;
    std::size_t gid_count = 0;
    bool in_owner = false;  // its gids are in owner_ (it waits for late children)
    std::string children;   // spliced children's text
    std::vector<child_line> child_lines;
    std::uint64_t deadline = 0;     // offset of the last late child known
    bool root_line_passed = false;  // a later root line came: no more contiguous children
    error_code problem = error_code::ok;
    std::size_t problem_size = 0;
    std::string message;  // a missing_parent's
  };

  void add_root(std::string_view line, std::uint64_t offset);
  void add_child(std::string_view line, std::uint64_t offset, std::string_view parent_raw);
  void push_problem(error_code code, std::uint64_t offset, std::size_t size, std::string message);
  group& new_group();
  group* last_group(std::uint64_t& sequence) noexcept;
  group* find_group(const std::string& gid, std::uint64_t& sequence);
  void add_gid(group& g, std::uint64_t sequence, std::string_view raw);
  void extend_deadline(group& g, const std::string& gid);
  bool complete(const group& g) const noexcept;
  void compose(const group& g, document_view& out);

  std::optional<bulk_index> index_;
  // Roots and problems in input order; an open group waits for its
  // children, and everything behind it waits for it.
  std::deque<group> queue_;
  std::uint64_t front_sequence_ = 0;  // the sequence number of queue_.front()
  // gid -> its group's sequence, for the groups before the last that wait for
  // late children; the last group is searched directly.
  std::unordered_map<std::string, std::uint64_t> owner_;
  std::vector<group> spare_;  // released groups, to reuse their memory
  std::string parent_;
  std::uint64_t passed_ = 0;  // every line before this offset has been added
  bool finished_ = false;
  // next()'s document and its origins.
  std::string text_;
  std::vector<text_origin> origins_;
  std::string problem_message_;
};

}  // namespace ordernorm::detail
