// Platform detection: the key table the scorer reads, the registry's
// ambiguity check, and the scan of a record's object (with the reports of
// why none was picked).
#include "detection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>

#include "engine.hpp"

namespace ordernorm::detail {

std::size_t platform_detector::hash(std::string_view key) noexcept {
  // The first and last (up to) 8 bytes and the length: registry keys that
  // share a prefix (`base_*`, `shipping_*`) differ in their tail or length.
  auto load = [&](std::size_t from) {
    std::uint64_t v = 0;
    std::memcpy(&v, key.data() + from, std::min<std::size_t>(8, key.size() - from));
    return v;
  };
  std::uint64_t h = load(0) ^ (key.size() > 8 ? load(key.size() - 8) * 0x100000001B3ull : 0);
  h = (h ^ key.size()) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::size_t>(h >> 32);
}

detection_key& platform_detector::entry(std::string_view key) {
  for (detection_key& k : keys_) {
    if (k.key == key) return k;
  }
  detection_key& k = keys_.emplace_back();
  k.key = key;
  k.index = static_cast<std::uint16_t>(keys_.size() - 1);
  return k;
}

platform_detector::platform_detector(std::span<const platform_info* const> platforms,
                                     std::span<const std::string_view> envelope_keys)
    : platforms_(platforms) {
  for (std::size_t i = 0; i < platforms.size() && i < max_detected_platforms; ++i) {
    const platform_info& p = *platforms[i];
    for (auto keys : {p.order_keys, p.shared_keys}) {
      for (std::string_view key : keys) entry(key).weight[i] = detection_weight::shared;
    }
    for (std::string_view key : p.marker_keys) entry(key).weight[i] = detection_weight::distinctive;
    for (std::string_view prefix : p.id_prefixes) {
      detection_key& k = entry(id_names_.emplace_back("id\":\"" + std::string(prefix)));
      k.weight[i] = detection_weight::distinctive;
      id_prefixes_.push_back({prefix, k.index});
    }
    // Not-order keys weigh nothing (Magento's order_map reads `order_id` only
    // to reject an invoice given as an order).
    for (std::string_view key : p.not_order_keys) {
      detection_key& k = entry(key);
      k.weight[i] = 0;
      k.rules_out |= std::uint32_t{1} << i;
    }
  }
  for (std::string_view key : envelope_keys) entry(key).envelope = true;
  // A registry that outgrows the tally is a build error every test shows.
  if (keys_.size() > detection_tally::max_keys || platforms.size() > max_detected_platforms) {
    std::fputs("ordernorm: the detection registry outgrew detection_tally\n", stderr);
    std::abort();
  }
  std::size_t size = 64;
  while (size < 4 * keys_.size()) size *= 2;
  slots_.assign(size, 0);
  for (const detection_key& k : keys_) {
    longest_ = std::max(longest_, k.key.size());
    std::size_t s = hash(k.key) & (size - 1);
    while (slots_[s] != 0) s = (s + 1) & (size - 1);
    slots_[s] = static_cast<std::uint16_t>(k.index + 1);
  }
  if (!id_prefixes_.empty()) id_key_ = find("id");
}

const detection_key* platform_detector::find_id_value(std::string_view token) const noexcept {
  if (token.empty() || token.front() != '"') return nullptr;
  for (const id_prefix& p : id_prefixes_) {
    // Compares the string's raw text with the prefix, `\/` as `/`; stops at
    // the closing quote, which no prefix holds.
    std::size_t at = 1;
    bool match = true;
    for (char c : p.prefix) {
      if (at < token.size() && token[at] == c) {
        ++at;
      } else if (c == '/' && at + 1 < token.size() && token[at] == '\\' && token[at + 1] == '/') {
        at += 2;
      } else {
        match = false;
        break;
      }
    }
    if (match) return &keys_[p.key];
  }
  return nullptr;
}

const detection_key* platform_detector::find(std::string_view key) const noexcept {
  if (key.empty() || key.size() > longest_) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash(key) & mask; slots_[s] != 0; s = (s + 1) & mask) {
    const detection_key& k = keys_[slots_[s] - 1u];
    if (k.key == key) return &k;
  }
  return nullptr;
}

const detection_key* platform_detector::find_raw(const char* raw) const noexcept {
  // Reads up to the closing quote, or longest_ + 1 bytes of a longer key,
  // never past the key: stage 1 has checked that every string is closed.
  std::size_t n = 0;
  while (n <= longest_ && raw[n] != '"') {
    if (raw[n] == '\\') return nullptr;  // escaped: never equal as raw bytes
    ++n;
  }
  return n <= longest_ ? find(std::string_view(raw, n)) : nullptr;
}

std::string platform_detector::explain(std::span<const detection_key* const> seen) const {
  detection_tally tally;
  for (const detection_key* k : seen) tally.add(*k);
  const std::size_t n = std::min(platforms_.size(), max_detected_platforms);
  std::array<std::size_t, max_detected_platforms> order{};
  std::iota(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), std::size_t{0});
  std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n),
                   [&](std::size_t a, std::size_t b) { return tally.score(a) > tally.score(b); });

  std::string out;
  int top = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!tally.ruled_out(i)) top = std::max(top, tally.score(i));
  }
  if (top <= 0) {
    out = "none of its keys counts for a known platform";
  } else {
    fmt::format_to(
        std::back_inserter(out),
        "{} (a platform is picked when it leads every other by {}, one distinctive "
        "key's weight): ",
        top < detection_weight::decisive_lead ? "too little evidence" : "too close to tell",
        detection_weight::decisive_lead);
    constexpr std::size_t shown_candidates = 3;
    constexpr std::size_t shown_keys = 6;
    std::size_t candidates = 0;
    for (std::size_t c = 0; c < n && candidates < shown_candidates; ++c) {
      const std::size_t i = order[c];
      if (tally.ruled_out(i) || tally.score(i) <= 0) continue;
      fmt::format_to(std::back_inserter(out), "{}{} {} (", candidates == 0 ? "" : ", ",
                     platforms_[i]->name, tally.score(i));
      // The heaviest keys first: those are the ones that decided.
      std::vector<const detection_key*> counted;
      for (const detection_key* k : seen) {
        if (k->weight[i] > 0) counted.push_back(k);
      }
      std::stable_sort(counted.begin(), counted.end(),
                       [&](const detection_key* a, const detection_key* b) {
                         return a->weight[i] > b->weight[i];
                       });
      for (std::size_t j = 0; j < counted.size() && j < shown_keys; ++j) {
        fmt::format_to(std::back_inserter(out), "{}\"{}\" +{}", j == 0 ? "" : ", ", counted[j]->key,
                       counted[j]->weight[i]);
      }
      if (counted.size() > shown_keys) out += ", ...";
      out += ')';
      ++candidates;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!tally.ruled_out(i)) continue;
    for (const detection_key* k : seen) {
      if (((k->rules_out >> i) & 1u) == 0) continue;
      fmt::format_to(std::back_inserter(out),
                     "; {} is ruled out by \"{}\" (a key of its other resources, never of its "
                     "orders)",
                     platforms_[i]->name, k->key);
      break;
    }
  }
  return out;
}

namespace {

bool listed(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Whether `keys` (each once) make platform `i` lead every other by the
// decisive lead; else a sentence naming the nearest.
void expect_lead(const platform_detector& detector, std::size_t i,
                 const std::vector<std::string_view>& keys, std::string_view what,
                 std::vector<std::string>& problems) {
  detection_tally tally;
  for (std::string_view key : keys) {
    if (const detection_key* k = detector.find(key)) tally.add(*k);
  }
  const std::size_t n = detector.platforms().size();
  if (tally.leader(n, detection_weight::decisive_lead) == static_cast<int>(i)) return;
  const source_info& p = *detector.platforms()[i];
  std::size_t rival = i;
  for (std::size_t j = 0; j < n; ++j) {
    if (j != i && (rival == i || tally.score(j) > tally.score(rival))) rival = j;
  }
  problems.push_back(fmt::format(
      "{}'s {} do not make it lead by {}: {} scores {}{}{}", p.name, what,
      detection_weight::decisive_lead, p.name, tally.score(i),
      tally.ruled_out(i) ? " (ruled out)" : "",
      rival != i ? fmt::format(", {} {}", detector.platforms()[rival]->name, tally.score(rival))
                 : std::string()));
}

}  // namespace

std::vector<std::string> detection_ambiguities(std::span<const source_info* const> sources,
                                               std::span<const std::string_view> envelope_keys) {
  std::vector<std::string> problems;
  std::vector<const source_info*> orders;
  for (const source_info* s : sources) {
    if (s->marker_keys.empty())
      problems.push_back(fmt::format("{} has no distinctive key", s->name));
    if (s->kind == source_kind::order) orders.push_back(s);
  }
  for (std::size_t a = 0; a < sources.size(); ++a) {
    const source_info& p = *sources[a];
    for (std::string_view prefix : p.id_prefixes) {
      for (std::size_t b = a + 1; b < sources.size(); ++b) {
        if (listed(sources[b]->id_prefixes, prefix)) {
          problems.push_back(fmt::format("an id starting \"{}\" is distinctive for both {} and {}",
                                         prefix, p.name, sources[b]->name));
        }
      }
    }
    for (std::string_view key : p.marker_keys) {
      for (std::size_t b = a + 1; b < sources.size(); ++b) {
        if (listed(sources[b]->marker_keys, key)) {
          problems.push_back(fmt::format("\"{}\" is a distinctive key of both {} and {}", key,
                                         p.name, sources[b]->name));
        }
      }
      if (p.kind != source_kind::order) continue;
      if (listed(envelope_keys, key)) {
        problems.push_back(
            fmt::format("\"{}\", distinctive for {}, is a list envelope's key", key, p.name));
      }
      if (listed(p.not_order_keys, key)) {
        problems.push_back(
            fmt::format("\"{}\" is both distinctive for {} and rules it out", key, p.name));
      }
      for (const source_info* q : orders) {
        if (q == &p) continue;
        for (auto keys : {q->order_keys, q->shared_keys, q->not_order_keys}) {
          if (listed(keys, key)) {
            problems.push_back(fmt::format("\"{}\", distinctive for {}, is also a key {} weighs",
                                           key, p.name, q->name));
            break;
          }
        }
      }
    }
  }
  if (orders.empty() || orders.size() > max_detected_platforms) return problems;
  const platform_detector detector(orders, envelope_keys);
  for (std::size_t i = 0; i < orders.size(); ++i) {
    const source_info& p = *orders[i];
    std::vector<std::string_view> keys(p.marker_keys.begin(), p.marker_keys.end());
    expect_lead(detector, i, keys, "distinctive keys alone", problems);
    // Its orders carry every key it reads or shares, but none that rules it
    // out (Magento's order_map reads order_id only to reject an invoice).
    for (auto more : {p.order_keys, p.shared_keys}) {
      for (std::string_view key : more) {
        if (!listed(p.not_order_keys, key)) keys.push_back(key);
      }
    }
    expect_lead(detector, i, keys, "keys all together", problems);
  }
  return problems;
}

}  // namespace ordernorm::detail

// The object scan and the reports of --from auto, over a record's object.

namespace ordernorm::detail {
namespace {

// List envelopes that wrap orders; the value's type says whether it holds
// one order (object) or many (array). A document is an envelope only when it
// is not itself an order: no platform is picked, or the one picked does not
// carry that key in its orders (a Magento order has `items`).
// Magento's GET /V1/orders answers {"items":[...],"search_criteria":...};
// Squarespace {"result":[...],"pagination":...}; SFCC SCAPI {"data":[...]}
// and OCAPI order_search {"hits":[{"data":{order}}, ...]}; a GraphQL response
// {"data":{...},"errors":[...]} (records.cpp reads both keys of it).
constexpr std::array<std::string_view, 7> envelope_keys{
    {"orders", "order", "items", "result", "data", "hits", "errors"}};
// A GraphQL response's errors are no list of orders to stream.
constexpr std::string_view unstreamable_envelope_key = "errors";

// Whether the object is a list envelope: it has an envelope key, and the
// platform its keys pick (if any) does not carry that key in its orders.
bool envelope_wins(const detection_key* envelope, int leader) {
  return envelope != nullptr &&
         (leader < 0 || envelope->weight[static_cast<std::size_t>(leader)] == 0);
}

// The first keys of an object, for "what it saw" in detection errors.
std::string key_list(document_engine& engine, od::object& obj) {
  if (!engine.rewind(obj)) return "?";
  std::string out;
  std::size_t n = 0;
  for (auto field_result : obj) {
    od::field f;
    if (std::move(field_result).get(f)) break;
    std::string_view key;
    if (f.unescaped_key().get(key)) break;
    if (n == 8) {
      out += ", ...";
      break;
    }
    // A hostile key can be megabytes long: show its start only.
    constexpr std::size_t shown = 40;
    std::string_view head = key.substr(0, shown);
    while (head.size() < key.size() && !head.empty() &&
           (static_cast<unsigned char>(key[head.size()]) & 0xC0) == 0x80) {
      head.remove_suffix(1);
    }
    fmt::format_to(std::back_inserter(out), "{}\"{}{}\"", n == 0 ? "" : ", ", head,
                   head.size() < key.size() ? "..." : "");
    ++n;
  }
  return out.empty() ? "no keys" : "keys " + out;
}

}  // namespace

const platform_detector& order_detector() {
  static const platform_detector detector(order_platforms(), envelope_keys);
  return detector;
}

simdjson::error_code scan_object(od::object& obj, object_shape& out) {
  const platform_detector& detector = order_detector();
  const std::size_t platforms = detector.platforms().size();
  detection_tally tally;
  const detection_key* envelope = nullptr;
  for (auto field_result : obj) {
    od::field f;
    if (auto e = std::move(field_result).get(f)) return e;
    const detection_key* key = detector.find_raw(reinterpret_cast<const char*>(f.key().raw()));
    if (key == nullptr) continue;
    if (key->envelope && envelope == nullptr) envelope = key;
    if (!tally.add(*key)) continue;
    if (key == detector.id_key()) {
      if (const detection_key* v = detector.find_id_value(f.value().raw_json_token())) {
        tally.add(*v);
      }
    }
    if (tally.leader(platforms, detection_weight::settled_lead) >= 0) break;
  }
  const int leader = tally.leader(platforms, detection_weight::decisive_lead);
  if (leader >= 0) out.platform = detector.platforms()[static_cast<std::size_t>(leader)];
  if (envelope_wins(envelope, leader)) out.envelope_key = envelope->key;
  return simdjson::SUCCESS;
}

std::string_view streamable_envelope_key(std::string_view key) noexcept {
  for (std::string_view k : envelope_keys) {
    if (k == key && k != unstreamable_envelope_key) return k;
  }
  return {};
}

bool keys_make_an_envelope(std::span<const std::string_view> keys) {
  const platform_detector& detector = order_detector();
  detection_tally tally;
  const detection_key* envelope = nullptr;
  for (std::string_view k : keys) {
    const detection_key* key = detector.find(k);
    if (key == nullptr) continue;
    if (key->envelope && envelope == nullptr) envelope = key;
    tally.add(*key);
  }
  return envelope_wins(envelope,
                       tally.leader(detector.platforms().size(), detection_weight::decisive_lead));
}

std::string detection_report(document_engine& engine, od::object& obj) {
  std::vector<const detection_key*> seen;
  if (engine.rewind(obj)) {
    const platform_detector& detector = order_detector();
    for (auto field_result : obj) {
      od::field f;
      if (std::move(field_result).get(f)) break;
      const detection_key* key = detector.find_raw(reinterpret_cast<const char*>(f.key().raw()));
      if (key != nullptr && std::find(seen.begin(), seen.end(), key) == seen.end()) {
        seen.push_back(key);
        const detection_key* v =
            key == detector.id_key() ? detector.find_id_value(f.value().raw_json_token()) : nullptr;
        if (v != nullptr) seen.push_back(v);
      }
    }
    return fmt::format("{}; the object has {}", detector.explain(seen), key_list(engine, obj));
  }
  return fmt::format("the object has {}", key_list(engine, obj));
}

}  // namespace ordernorm::detail
