// Shopify Bulk Operation exports (issue 15): the reader's stitcher against
// the same orders given nested.
//
// The input describes orders: split at 0x1E, each order's bytes split at
// 0x1F into line items, each item's first byte a quantity knob and the rest
// its title. From that description the target writes
// - the nested form: one GraphQL order per line with its items in
//   "lineItems":{"nodes":[...]}, and
// - a bulk export of the same orders: order lines and LineItem child lines
//   with __parentId, each child delayed past up to 7 later order lines (the
//   knob byte says how far; always after its parent and its elder
//   siblings), slashes escaped in some gids;
// both as files (so that the reader's first pass runs). Checks: every
// order of the description comes out of the export, in order, and the
// export converts to exactly what the nested form converts to (orders, and
// rejects' codes and pointers; offsets differ by construction). The raw
// bytes of the input are also read as an export themselves: nothing
// crashes, and records == converted + rejected.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace {

struct item {
  std::uint8_t knob = 0;
  std::string title;
};

std::string json_string(std::string_view raw) {
  std::string out = "\"";
  for (unsigned char c : raw) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x80) {
      // Escaped, so that the text is valid JSON whatever the bytes.
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string gid(std::string_view type, std::size_t n, bool escaped) {
  std::string g = "gid://shopify/" + std::string(type) + "/" + std::to_string(n);
  if (!escaped) return "\"" + g + "\"";
  std::string out = "\"";
  for (char c : g) {
    if (c == '/') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string quantity(std::uint8_t knob) {
  // Mostly whole numbers; sometimes what the mapping must reject.
  switch (knob % 8) {
    case 6:
      return "\"x\"";
    case 7:
      return "-1.5";
    default:
      return std::to_string(knob % 6);
  }
}

std::string item_members(const item& it, std::size_t order, std::size_t index, bool escaped) {
  return "\"id\":" + gid("LineItem", order * 100 + index, escaped) +
         ",\"title\":" + json_string(it.title) + ",\"quantity\":" + quantity(it.knob);
}

std::string order_members(std::size_t order, bool escaped) {
  return "\"id\":" + gid("Order", order, escaped) + ",\"name\":\"#" + std::to_string(1000 + order) +
         "\",\"displayFinancialStatus\":\"PAID\"";
}

// Converts a file through the reader as the CLI does; returns the log of
// orders and of rejects without their offsets.
// Raw bytes may be a broken gzip or zstd stream: then `may_fail`.
std::string convert_file(const std::string& content, fuzz::recording_sink& sink,
                         bool may_fail = false) {
  fuzz::memory_file file(reinterpret_cast<const std::uint8_t*>(content.data()), content.size());
  ordernorm::options opts;
  opts.from = ordernorm::platform::shopify;
  ordernorm::converter conv(opts);
  ordernorm::reader in = ordernorm::reader::open_file("/proc/self/fd/" + std::to_string(file.fd()));
  ordernorm::document_view doc;
  std::string log;
  struct stripped final : ordernorm::order_sink {
    fuzz::recording_sink& inner;
    std::string& log;
    stripped(fuzz::recording_sink& i, std::string& l) : inner(i), log(l) {}
    void on_order(const ordernorm::order& o, const ordernorm::record_position& w) override {
      inner.on_order(o, w);
      log += "O " + inner.order_json.back() + "\n";
    }
    void on_reject(const ordernorm::record_error& e, const ordernorm::record_position& w) override {
      inner.on_reject(e, w);
      log += "R " + std::string(ordernorm::to_string(e.code)) + " " + e.json_pointer + "\n";
    }
  } out(sink, log);
  while (in.next(doc)) {
    if (doc.problem != ordernorm::error_code::ok) {
      conv.reject_record(in.problem(doc), out);
      continue;
    }
    conv.convert(doc, out);
  }
  fuzz::check(in.ok() || may_fail, "reading a memory file does not fail", in.error().message);
  fuzz::check_counts(conv, sink);
  return log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    // The raw bytes as an export: no crash, every record accounted for.
    fuzz::recording_sink raw;
    convert_file(std::string(reinterpret_cast<const char*>(data), size), raw, true);
  }

  FuzzedDataProvider provider(data, size);
  const std::string rest = provider.ConsumeRemainingBytesAsString();
  std::vector<std::vector<item>> orders;
  {
    std::string_view left(rest);
    while (!left.empty() && orders.size() < 64) {
      const std::size_t cut = left.find('\x1e');
      std::string_view order = left.substr(0, cut);
      auto& items = orders.emplace_back();
      while (!order.empty() && items.size() < 16) {
        const std::size_t item_cut = order.find('\x1f');
        const std::string_view bytes = order.substr(0, item_cut);
        if (!bytes.empty()) {
          items.push_back({static_cast<std::uint8_t>(bytes[0]), std::string(bytes.substr(1))});
        }
        if (item_cut == std::string_view::npos) break;
        order.remove_prefix(item_cut + 1);
      }
      if (cut == std::string_view::npos) break;
      left.remove_prefix(cut + 1);
    }
  }
  if (orders.empty()) return 0;

  std::string nested;
  // Bulk lines keyed by (the order line they follow, then arrival order).
  std::multimap<std::pair<std::size_t, std::size_t>, std::string> bulk_lines;
  std::size_t arrival = 0;
  for (std::size_t o = 0; o < orders.size(); ++o) {
    const bool escaped = (orders[o].empty() ? o : orders[o][0].knob) % 5 == 0;
    nested += "{" + order_members(o + 1, false) + ",\"lineItems\":{\"nodes\":[";
    bulk_lines.emplace(std::pair{o, arrival++}, "{" + order_members(o + 1, escaped) + "}");
    // Siblings keep their order (the export's only record of it): each
    // item comes at least as late as the one before.
    std::size_t delay = 0;
    for (std::size_t i = 0; i < orders[o].size(); ++i) {
      const item& it = orders[o][i];
      nested += (i == 0 ? "{" : ",{") + item_members(it, o + 1, i, false) + "}";
      delay = std::max<std::size_t>(delay, (it.knob >> 3) % 8);
      bulk_lines.emplace(std::pair{o + delay, arrival++},
                         "{" + item_members(it, o + 1, i, escaped) +
                             ",\"__parentId\":" + gid("Order", o + 1, escaped) + "}");
    }
    nested += "]}}\n";
  }
  std::string bulk;
  for (const auto& [key, line] : bulk_lines) bulk += line + "\n";

  fuzz::recording_sink from_nested;
  fuzz::recording_sink from_bulk;
  const std::string nested_log = convert_file(nested, from_nested);
  const std::string bulk_log = convert_file(bulk, from_bulk);
  fuzz::check(from_bulk.accepted.size() == orders.size(),
              "every order of the export comes out once", bulk_log + "\nexport:\n" + bulk);
  fuzz::check(bulk_log == nested_log, "a stitched export converts as its orders given nested",
              "stitched:\n" + bulk_log + "nested:\n" + nested_log + "export:\n" + bulk);
  return 0;
}
