#include "bulk_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <functional>
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
const char* string_end(const char* first, const char* last) noexcept {
  for (const char* p = first; p != last;) {
    const void* found = std::memchr(p, '"', static_cast<std::size_t>(last - p));
    if (found == nullptr) return nullptr;
    const char* quote = static_cast<const char*>(found);
    // Escaped when an odd number of backslashes precede it.
    const char* run = quote;
    while (run != first && run[-1] == '\\') --run;
    if ((quote - run) % 2 == 0) return quote;
    p = quote + 1;
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

// A gid's hash for the index, never 0 (the empty slot).
std::uint64_t gid_key(std::string_view gid) noexcept {
  const std::uint64_t h = std::hash<std::string_view>{}(gid);
  return h == 0 ? 1 : h;
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

void normalize_gid(std::string_view raw, std::string& out) {
  if (raw.find('\\') == std::string_view::npos) {
    out.assign(raw);
    return;
  }
  out.clear();
  for (char c : raw) {
    if (c != '\\') out += c;
  }
}

std::string_view gid_type(std::string_view gid) noexcept {
  constexpr std::string_view prefix = "gid://shopify/";
  if (gid.substr(0, prefix.size()) != prefix) return {};
  gid.remove_prefix(prefix.size());
  return gid.substr(0, gid.find('/'));
}

bool bulk_index::in_current(const std::string& gid) const noexcept {
  for (std::size_t i = 0; i < current_size_; ++i) {
    if (current_[i] == gid) return true;
  }
  return false;
}

void bulk_index::add_current(std::string_view raw) {
  if (current_size_ == current_.size()) current_.emplace_back();
  normalize_gid(raw, current_[current_size_++]);
}

void bulk_index::add_line(std::string_view line, std::uint64_t offset) {
  const auto parent = bulk_parent_of(line);
  const auto id = leading_string_member(line, "id");
  if (!parent) {
    current_size_ = 0;
    if (id) add_current(*id);
    return;
  }
  normalize_gid(*parent, parent_);
  if (in_current(parent_)) {
    // Contiguous: its own children right after it are contiguous too.
    if (id) add_current(*id);
    return;
  }
  // Late: the stitcher must hold the parent's order until this line.
  if (2 * (late_count_ + 1) > late_.size()) grow();
  const std::uint64_t key = gid_key(parent_);
  std::size_t slot = key & (late_.size() - 1);
  while (late_[slot].first != 0 && late_[slot].first != key) slot = (slot + 1) & (late_.size() - 1);
  if (late_[slot].first == 0) {
    late_[slot].first = key;
    ++late_count_;
  }
  late_[slot].second = std::max(late_[slot].second, offset);
  const std::string_view type = gid_type(parent_);
  if (!has_late_type(type)) late_types_.emplace_back(type);
}

void bulk_index::grow() {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> old(
      std::max<std::size_t>(1024, 2 * late_.size()));
  old.swap(late_);
  for (const auto& entry : old) {
    if (entry.first == 0) continue;
    std::size_t slot = entry.first & (late_.size() - 1);
    while (late_[slot].first != 0) slot = (slot + 1) & (late_.size() - 1);
    late_[slot] = entry;
  }
}

bool bulk_index::has_late_type(std::string_view type) const noexcept {
  return std::find(late_types_.begin(), late_types_.end(), type) != late_types_.end();
}

std::optional<std::uint64_t> bulk_index::last_late_child(const std::string& gid) const {
  // Most gids asked about (line items) are of a type no late parent has:
  // no hash, no cache miss.
  if (late_.empty() || !has_late_type(gid_type(gid))) return std::nullopt;
  const std::uint64_t key = gid_key(gid);
  for (std::size_t slot = key & (late_.size() - 1); late_[slot].first != 0;
       slot = (slot + 1) & (late_.size() - 1)) {
    if (late_[slot].first == key) return late_[slot].second;
  }
  return std::nullopt;
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

bulk_stitcher::group& bulk_stitcher::new_group() {
  if (spare_.empty()) return queue_.emplace_back();
  group& g = queue_.emplace_back(std::move(spare_.back()));
  spare_.pop_back();
  g.root.clear();
  g.gid_count = 0;
  g.in_owner = false;
  g.children.clear();
  g.child_lines.clear();
  g.deadline = 0;
  g.root_line_passed = false;
  g.problem = error_code::ok;
  g.problem_size = 0;
  g.message.clear();
  return g;
}

// The last root line's group, while it is held; problems after it skipped.
bulk_stitcher::group* bulk_stitcher::last_group(std::uint64_t& sequence) noexcept {
  for (std::size_t i = queue_.size(); i-- > 0;) {
    if (queue_[i].problem != error_code::ok) continue;
    if (queue_[i].root_line_passed) return nullptr;
    sequence = front_sequence_ + i;
    return &queue_[i];
  }
  return nullptr;
}

// The group that holds `gid`: the last one (searched directly, the grouped
// layout's only case), or one still waiting for late children.
bulk_stitcher::group* bulk_stitcher::find_group(const std::string& gid, std::uint64_t& sequence) {
  if (group* last = last_group(sequence)) {
    for (std::size_t i = 0; i < last->gid_count; ++i) {
      if (last->gids[i] == gid) return last;
    }
  }
  const auto owner = owner_.find(gid);
  if (owner == owner_.end()) return nullptr;
  sequence = owner->second;
  return &queue_[owner->second - front_sequence_];
}

void bulk_stitcher::add_gid(group& g, std::uint64_t sequence, std::string_view raw) {
  if (g.gid_count == g.gids.size()) g.gids.emplace_back();
  std::string& gid = g.gids[g.gid_count++];
  normalize_gid(raw, gid);
  extend_deadline(g, gid);
  if (g.in_owner) owner_[gid] = sequence;
}

void bulk_stitcher::add_root(std::string_view line, std::uint64_t offset) {
  // A root line ends the contiguous children of the order before it; if
  // that one still waits for late children, its gids go to owner_.
  std::uint64_t sequence = 0;
  if (group* last = last_group(sequence); last != nullptr && !last->root_line_passed) {
    last->root_line_passed = true;
    if (last->deadline >= offset && !last->in_owner) {
      last->in_owner = true;
      for (std::size_t i = 0; i < last->gid_count; ++i) owner_[last->gids[i]] = sequence;
    }
  }
  group& g = new_group();
  g.offset = offset;
  g.root.assign(line);
  g.deadline = offset;
  if (const auto id = leading_string_member(line, "id")) {
    add_gid(g, front_sequence_ + queue_.size() - 1, *id);
  }
}

void bulk_stitcher::add_child(std::string_view line, std::uint64_t offset,
                              std::string_view parent_raw) {
  normalize_gid(parent_raw, parent_);
  std::uint64_t sequence = 0;
  group* found = find_group(parent_, sequence);
  if (found == nullptr) {
    const std::string& parent = parent_;
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
  group& g = *found;
  // Spliced into its order, a line must be one object and nothing more:
  // `{...},{...}` or `{...}]},"totalPriceSet":...` would change the order.
  const char* first = skip_space(line.data(), line.data() + line.size());
  const char* last = line.data() + line.size();
  value_scanner scanner;
  const char* end = first != last && *first == '{' ? scanner.scan(first, last) : nullptr;
  if (end == nullptr || skip_space(end, last) != last) {
    push_problem(error_code::invalid_json, offset, line.size(),
                 "invalid JSON: a bulk export line that is not one JSON object");
    return;
  }
  const auto id = leading_string_member(line, "id");
  if (!id) return;  // no id, no type: nothing the model holds (a discount application)
  const bool under_root = g.gid_count > 0 && g.gids[0] == parent_;
  add_gid(g, sequence, *id);
  const std::string& gid = g.gids[g.gid_count - 1];
  const spliced_child* splice = under_root ? splice_for(gid_type(gid), gid_type(parent_)) : nullptr;
  if (splice == nullptr) return;
  if (!g.children.empty()) g.children += ',';
  const std::size_t begin = g.children.size();
  // The line without its trailing whitespace (a CR), as one list element.
  std::string_view element = line;
  while (!element.empty() && is_json_space(element.back())) element.remove_suffix(1);
  g.children.append(element);
  g.child_lines.push_back({offset, begin});
}

void bulk_stitcher::push_problem(error_code code, std::uint64_t offset, std::size_t size,
                                 std::string message) {
  group& g = new_group();
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
  group& g = queue_.front();
  if (g.in_owner) {
    for (std::size_t i = 0; i < g.gid_count; ++i) owner_.erase(g.gids[i]);
  }
  compose(g, out);
  if (spare_.size() < 256) spare_.push_back(std::move(g));
  queue_.pop_front();
  ++front_sequence_;
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
