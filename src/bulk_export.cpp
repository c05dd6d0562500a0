#include "bulk_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "input_split.hpp"

namespace ordernorm::detail {
namespace {

constexpr std::string_view parent_key = "__parentId";

// The children spliced into their order, by gid type, and the connection
// key a GraphQL query returns them under.
struct spliced_child {
  std::string_view type;
  std::string_view parent_type;
  std::string_view connection;
};
constexpr spliced_child spliced_children[] = {{"LineItem", "Order", "lineItems"}};

const spliced_child* splice_for(std::string_view type, std::string_view parent_type) {
  for (const spliced_child& c : spliced_children) {
    if (c.type == type && c.parent_type == parent_type) return &c;
  }
  return nullptr;
}

const char* skip_space(const char* p, const char* last) noexcept {
  while (p != last && is_json_space(*p)) ++p;
  return p;
}

// The closing quote of the string whose first character is at p, or null.
const char* string_end(const char* p, const char* last) noexcept {
  for (; p != last; ++p) {
    if (*p == '\\') {
      if (++p == last) return nullptr;
    } else if (*p == '"') {
      return p;
    }
  }
  return nullptr;
}

// The string value after a key's closing quote at p: `: "..."`.
std::optional<std::string_view> string_value_after_key(const char* p, const char* last) noexcept {
  p = skip_space(p, last);
  if (p == last || *p != ':') return std::nullopt;
  p = skip_space(p + 1, last);
  if (p == last || *p != '"') return std::nullopt;
  const char* end = string_end(p + 1, last);
  if (end == nullptr) return std::nullopt;
  return std::string_view(p + 1, static_cast<std::size_t>(end - (p + 1)));
}

}  // namespace

std::optional<std::string_view> leading_string_member(std::string_view line,
                                                      std::string_view key) noexcept {
  const char* p = line.data();
  const char* last = p + line.size();
  p = skip_space(p, last);
  if (p == last || *p != '{') return std::nullopt;
  ++p;
  // Top-level members in order; a value is skipped whole (string- and
  // bracket-aware), so a nested `id` is never taken for the line's.
  for (;;) {
    p = skip_space(p, last);
    if (p == last || *p != '"') return std::nullopt;
    const char* key_end = string_end(p + 1, last);
    if (key_end == nullptr) return std::nullopt;
    const std::string_view name(p + 1, static_cast<std::size_t>(key_end - (p + 1)));
    if (name == key) return string_value_after_key(key_end + 1, last);
    p = skip_space(key_end + 1, last);
    if (p == last || *p != ':') return std::nullopt;
    p = skip_space(p + 1, last);
    if (p == last) return std::nullopt;
    p = skip_space(value_end(p, last), last);
    if (p == last || *p != ',') return std::nullopt;
    ++p;
  }
}

std::optional<std::string_view> bulk_parent_of(std::string_view line) noexcept {
  const char* p = line.data();
  const char* last = p + line.size();
  // `"__parentId"`: a quote, two underscores. Orders hold single
  // underscores (PARTIALLY_FULFILLED) but hardly ever two.
  while (p != last) {
    const void* found = std::memchr(p, '_', static_cast<std::size_t>(last - p));
    if (found == nullptr) return std::nullopt;
    const char* u = static_cast<const char*>(found);
    const auto left = static_cast<std::size_t>(last - u);
    if (u != line.data() && u[-1] == '"' && left > parent_key.size() &&
        std::memcmp(u, parent_key.data(), parent_key.size()) == 0 && u[parent_key.size()] == '"') {
      if (auto value = string_value_after_key(u + parent_key.size() + 1, last)) return value;
    }
    p = u + 1;
  }
  return std::nullopt;
}

std::string normalized_gid(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c != '\\') out += c;
  }
  return out;
}

std::string_view gid_type(std::string_view gid) noexcept {
  constexpr std::string_view prefix = "gid://shopify/";
  if (gid.substr(0, prefix.size()) != prefix) return {};
  gid.remove_prefix(prefix.size());
  return gid.substr(0, gid.find('/'));
}

void bulk_index::add_line(std::string_view line, std::uint64_t offset) {
  const auto parent = bulk_parent_of(line);
  const auto id = leading_string_member(line, "id");
  if (!parent) {
    current_.clear();
    if (id) current_.insert(normalized_gid(*id));
    return;
  }
  std::string parent_gid = normalized_gid(*parent);
  if (current_.count(parent_gid) != 0) {
    // Contiguous: its own children right after it are contiguous too.
    if (id) current_.insert(normalized_gid(*id));
    return;
  }
  // Late: the stitcher must hold the parent's order until this line.
  std::uint64_t& last = late_[std::move(parent_gid)];
  last = std::max(last, offset);
}

std::optional<std::uint64_t> bulk_index::last_late_child(const std::string& gid) const {
  const auto it = late_.find(gid);
  if (it == late_.end()) return std::nullopt;
  return it->second;
}

void bulk_stitcher::add(const document_view& line) {
  if (line.problem != error_code::ok) {
    push_problem(line.problem, line.offset, line.size, {});
  } else {
    const std::string_view text(line.data, line.size);
    if (const auto parent = bulk_parent_of(text)) {
      add_child(text, line.offset, *parent);
    } else {
      add_root(text, line.offset);
    }
  }
  passed_ = line.offset + line.size;
}

void bulk_stitcher::finish() { finished_ = true; }

void bulk_stitcher::extend_deadline(group& g, const std::string& gid) {
  if (!index_) return;
  if (const auto last = index_->last_late_child(gid)) g.deadline = std::max(g.deadline, *last);
}

void bulk_stitcher::add_root(std::string_view line, std::uint64_t offset) {
  // A root line ends the contiguous children of every order before it.
  for (group& g : queue_) g.root_line_passed = true;
  group& g = queue_.emplace_back();
  g.offset = offset;
  g.root.assign(line);
  g.deadline = offset;
  if (const auto id = leading_string_member(line, "id")) {
    std::string gid = normalized_gid(*id);
    extend_deadline(g, gid);
    owner_[gid] = front_sequence_ + queue_.size() - 1;
    g.gids.push_back(std::move(gid));
  }
}

void bulk_stitcher::add_child(std::string_view line, std::uint64_t offset,
                              std::string_view parent_raw) {
  const std::string parent = normalized_gid(parent_raw);
  const auto owner = owner_.find(parent);
  if (owner == owner_.end()) {
    push_problem(error_code::missing_parent, offset, line.size(),
                 index_ ? fmt::format("a bulk export line whose parent {} is not before it in "
                                      "the input",
                                      parent)
                        : fmt::format("a bulk export line whose parent {} is not an order still "
                                      "being read: from a stream, an order is complete when the "
                                      "next order line comes, so its children must follow it "
                                      "(convert the file itself to accept any order of lines)",
                                      parent));
    return;
  }
  group& g = queue_[owner->second - front_sequence_];
  const auto id = leading_string_member(line, "id");
  if (!id) return;  // no id, no type: nothing the model holds (a discount application)
  std::string gid = normalized_gid(*id);
  extend_deadline(g, gid);
  const bool under_root = !g.gids.empty() && g.gids.front() == parent;
  const spliced_child* splice = under_root ? splice_for(gid_type(gid), gid_type(parent)) : nullptr;
  owner_[gid] = owner->second;
  g.gids.push_back(std::move(gid));
  if (splice == nullptr) return;
  if (!g.children.empty()) g.children += ',';
  const std::size_t begin = g.children.size();
  // The line without its trailing whitespace (a CR), as one list element.
  std::string_view element = line;
  while (!element.empty() && is_json_space(element.back())) element.remove_suffix(1);
  g.children.append(element);
  g.child_lines.push_back({offset, begin, g.children.size()});
}

void bulk_stitcher::push_problem(error_code code, std::uint64_t offset, std::size_t size,
                                 std::string message) {
  group& g = queue_.emplace_back();
  g.offset = offset;
  g.problem = code;
  g.problem_size = size;
  g.message = std::move(message);
  g.root_line_passed = true;
  g.deadline = offset;
}

bool bulk_stitcher::complete(const group& g) const noexcept {
  if (finished_ || g.problem != error_code::ok) return true;
  // Without an index, an order is complete when the next root line comes.
  return g.root_line_passed && g.deadline < passed_;
}

bool bulk_stitcher::next(document_view& out) {
  if (queue_.empty() || !complete(queue_.front())) return false;
  group g = std::move(queue_.front());
  queue_.pop_front();
  ++front_sequence_;
  for (const std::string& gid : g.gids) owner_.erase(gid);
  compose(g, out);
  return true;
}

// The order line with its children spliced in before its closing brace:
// `{...,"lineItems":{"nodes":[child,...]}}`.
void bulk_stitcher::compose(const group& g, document_view& out) {
  out = document_view{};
  out.offset = g.offset;
  origins_.clear();
  if (g.problem != error_code::ok) {
    problem_message_ = g.message;
    out.problem = g.problem;
    out.size = g.problem_size;
    return;
  }
  text_.assign(g.root);
  std::size_t close = text_.size();
  while (close > 0 && is_json_space(text_[close - 1])) --close;
  if (!g.child_lines.empty() && close > 0 && text_[close - 1] == '}') {
    text_.resize(close - 1);
    std::size_t last = text_.size();
    while (last > 0 && is_json_space(text_[last - 1])) --last;
    const bool empty_object = last > 0 && text_[last - 1] == '{';
    text_ += empty_object ? "\"" : ",\"";
    text_ += spliced_children[0].connection;
    text_ += "\":{\"nodes\":[";
    const std::size_t base = text_.size();
    text_ += g.children;
    text_ += "]}}";
    for (const child_line& c : g.child_lines) origins_.push_back({base + c.begin, c.offset});
    // Bytes after the last child are the stitcher's: name the root's end.
    origins_.push_back({base + g.children.size(), g.offset + close - 1});
  }
  const std::size_t size = text_.size();
  text_.append(input_padding, '\0');
  out.data = text_.data();
  out.size = size;
  out.capacity = text_.size();
  out.origins = origins_;
}

}  // namespace ordernorm::detail
