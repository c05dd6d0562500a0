// A deterministic generator of realistic Shopify orders, for the benchmarks
// (bench_suite.cpp), the ordernorm_gen tool (gen_orders.cpp) and the test
// that one order gives one answer whichever API it came through
// (tests/shopify_shapes_test.cpp).
//
//   ordernorm_bench::shopify_generator gen(42);
//   std::string ndjson;
//   gen.append_ndjson(ndjson, 20'000'000);  // whole REST orders, one per line
//
// Each order is drawn once, as a description, and rendered in one of three
// shapes: Admin REST (append_order), a GraphQL Admin API Order node
// (append_graphql_order; shopify_graphql_pages below wraps nodes in query
// response pages) and Bulk Operation JSONL lines (append_bulk_order;
// shopify_bulk_export below, grouped or interleaved). Generators with the
// same seed draw the same orders in the same sequence whatever shape they
// write, and each shape carries the facts the converter maps (ids, number,
// times as instants, statuses, money, lines, people, shipments) the same way:
// what GraphQL says otherwise (gids, "#1001" names, UTC "Z" times, UPPER_CASE
// enums, "73.0" amounts, a list of tags) names the same values. The shapes'
// own variety is drawn from a second stream, so that the REST bytes of a
// seed are what they were before GraphQL and bulk existed.
//
// Same seed, same calls => the same bytes on every platform and compiler: the
// only randomness is splitmix64 below, and every number is formatted with
// integer arithmetic (no floating point, no <random> distributions, no clock).
// The output for N bytes is a prefix of the output for more bytes (not so
// for GraphQL pages, whose last page closes early, nor for interleaved bulk
// lines, whose last children are written at the end).
//
// The orders follow the shape and key order of real Admin REST payloads (API
// 2025-01, ../shared/conformance/shopify/order-2025-01-*.json), with about 10%
// in the older shape without the *_set money bags and current_* fields
// (order-python-api-2014.json, API versions before 2023-04). About 30% of the
// orders escape every non-ASCII character as \uXXXX (a surrogate pair for
// emoji), half of those also escape '/' as PHP's json_encode does; the rest
// carry raw UTF-8. GraphQL and bulk lines are raw UTF-8. Sources:
// ../shared/research/platforms-shopify-magento-bigcommerce.md §1 (§1.6 for
// GraphQL).
//
// Depends on the standard library only.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace ordernorm_bench {

// splitmix64 (Steele, Lea and Flood 2014; Vigna's public-domain reference code).
class splitmix64 {
 public:
  explicit constexpr splitmix64(std::uint64_t seed) noexcept : state_(seed) {}

  constexpr std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // In [0, n); the modulo bias (< n / 2^64) does not matter here.
  constexpr std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }
  // In [lo, hi].
  constexpr std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  constexpr bool percent(unsigned p) noexcept { return below(100) < p; }
  template <class T, std::size_t N>
  constexpr const T& pick(const T (&values)[N]) noexcept {
    return values[below(N)];
  }
  // An index drawn with the given weights.
  template <std::size_t N>
  constexpr std::size_t weighted(const unsigned (&weights)[N]) noexcept {
    unsigned total = 0;
    for (unsigned w : weights) total += w;
    auto r = static_cast<unsigned>(below(total));
    for (std::size_t i = 0; i < N; ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return N - 1;
  }

 private:
  std::uint64_t state_;
};

namespace shopify_data {

struct currency {
  std::string_view code;
  int decimals;
  std::int64_t per_usd_cent_x10000;  // minor units per US cent, times 10000
};
inline constexpr currency usd{"USD", 2, 10000};
inline constexpr currency eur{"EUR", 2, 9200};
inline constexpr currency gbp{"GBP", 2, 7900};
inline constexpr currency cad{"CAD", 2, 13600};
inline constexpr currency jpy{"JPY", 0, 15000};
inline constexpr currency kwd{"KWD", 3, 30700};

enum class locale : std::uint8_t { us, ca, gb, de, fr, jp, kw };

struct person {
  std::string_view first, last, first_ascii, last_ascii;
};
struct city {
  std::string_view name, province, province_code, zip;
  std::int64_t lat_e4, lng_e4;  // degrees times 10^4
};
struct region {
  std::string_view country, country_code, phone_prefix, language, tax_title;
  int tax_rate_bp;  // basis points; 0: no tax lines
  bool taxes_included;
  const person* people;
  std::size_t people_count;
  const city* cities;
  std::size_t city_count;
  const std::string_view* streets;
  std::size_t street_count;
  std::string_view carriers[3];
};

inline constexpr person us_people[] = {
    {"Bob", "Norman", "bob", "norman"},         {"Alice", "Nguyen", "alice", "nguyen"},
    {"José", "García", "jose", "garcia"},       {"Zoë", "O'Brien", "zoe", "obrien"},
    {"Renée", "Walker", "renee", "walker"},     {"Marcus", "Johnson", "marcus", "johnson"},
    {"Priya", "Patel", "priya", "patel"},       {"Chloé", "Martin", "chloe", "martin"},
    {"Dmitri", "Ivanov", "dmitri", "ivanov"},   {"Sarah", "Miller", "sarah", "miller"},
    {"Łukasz", "Nowak", "lukasz", "nowak"},     {"Emily", "Chen", "emily", "chen"},
    {"Nuria", "Núñez", "nuria", "nunez"},       {"Jamal", "Brooks", "jamal", "brooks"},
    {"Hannah", "Schmidt", "hannah", "schmidt"}, {"Søren", "Kierkegaard", "soren", "kierkegaard"},
};
inline constexpr person de_people[] = {
    {"Jürgen", "Müller", "juergen", "mueller"}, {"Anna", "Schneider", "anna", "schneider"},
    {"Lukas", "Weiß", "lukas", "weiss"},        {"Jörg", "Fischer", "joerg", "fischer"},
    {"Sophie", "Becker", "sophie", "becker"},   {"Günther", "Schäfer", "guenther", "schaefer"},
    {"Lea", "Hoffmann", "lea", "hoffmann"},     {"Maximilian", "Köhler", "max", "koehler"},
};
inline constexpr person fr_people[] = {
    {"François", "Dubois", "francois", "dubois"}, {"Hélène", "Lefèvre", "helene", "lefevre"},
    {"Léon", "Moreau", "leon", "moreau"},         {"Noël", "Girard", "noel", "girard"},
    {"Camille", "Laurent", "camille", "laurent"}, {"Jérôme", "Bonnet", "jerome", "bonnet"},
    {"Inès", "Rousseau", "ines", "rousseau"},     {"Théo", "Mercier", "theo", "mercier"},
};
inline constexpr person jp_people[] = {
    {"太郎", "山田", "taro", "yamada"},    {"花子", "佐藤", "hanako", "sato"},
    {"健", "鈴木", "ken", "suzuki"},       {"Yuki", "Tanaka", "yuki", "tanaka"},
    {"陽菜", "高橋", "hina", "takahashi"}, {"Haruto", "Itō", "haruto", "ito"},
};
inline constexpr person kw_people[] = {
    {"محمد", "العنزي", "mohammed", "alenezi"},     {"Fatima", "Al-Sabah", "fatima", "alsabah"},
    {"Ahmad", "Al-Mutairi", "ahmad", "almutairi"}, {"نورة", "الرشيد", "noura", "alrashid"},
    {"Yousef", "Al-Ajmi", "yousef", "alajmi"},
};
inline constexpr person gb_people[] = {
    {"Oliver", "Smith", "oliver", "smith"},     {"Amelia", "Jones", "amelia", "jones"},
    {"Harry", "Williams", "harry", "williams"}, {"Isla", "Brown", "isla", "brown"},
    {"Siobhán", "Murphy", "siobhan", "murphy"}, {"George", "Taylor", "george", "taylor"},
};

inline constexpr city us_cities[] = {
    {"Louisville", "Kentucky", "KY", "40202", 382527, -857585},
    {"Brooklyn", "New York", "NY", "11201", 406928, -739903},
    {"Austin", "Texas", "TX", "78701", 302672, -977431},
    {"San José", "California", "CA", "95113", 373382, -1218863},
    {"Seattle", "Washington", "WA", "98101", 476062, -1223321},
    {"Chicago", "Illinois", "IL", "60601", 418781, -876298},
    {"Denver", "Colorado", "CO", "80202", 397392, -1049903},
    {"Miami", "Florida", "FL", "33101", 257617, -801918},
    {"Portland", "Oregon", "OR", "97205", 455152, -1226784},
    {"Española", "New Mexico", "NM", "87532", 359911, -1060806},
};
inline constexpr city ca_cities[] = {
    {"Montréal", "Quebec", "QC", "H2X 1Y4", 455017, -735673},
    {"Toronto", "Ontario", "ON", "M5V 2T6", 436532, -793832},
    {"Vancouver", "British Columbia", "BC", "V6B 1A1", 492827, -1231207},
    {"Trois-Rivières", "Quebec", "QC", "G9A 5H7", 463432, -725430},
};
inline constexpr city gb_cities[] = {
    {"London", "England", "ENG", "SW1A 1AA", 515072, -1276},
    {"Edinburgh", "Scotland", "SCT", "EH1 1YZ", 559533, -31883},
    {"Manchester", "England", "ENG", "M1 1AE", 534808, -22426},
    {"Cardiff", "Wales", "WLS", "CF10 1EP", 514816, -31791},
};
inline constexpr city de_cities[] = {
    {"München", "Bavaria", "BY", "80331", 481351, 115820},
    {"Berlin", "Berlin", "BE", "10115", 525200, 134050},
    {"Köln", "North Rhine-Westphalia", "NW", "50667", 509375, 69603},
    {"Hamburg", "Hamburg", "HH", "20095", 535511, 99937},
    {"Düsseldorf", "North Rhine-Westphalia", "NW", "40213", 512277, 67735},
};
inline constexpr city fr_cities[] = {
    {"Paris", "", "", "75001", 488566, 23522},
    {"Lyon", "", "", "69002", 457640, 48357},
    {"Besançon", "", "", "25000", 472378, 60241},
    {"Nîmes", "", "", "30000", 438367, 43601},
};
inline constexpr city jp_cities[] = {
    {"渋谷区", "Tōkyō", "JP-13", "150-0002", 356620, 1397038},
    {"大阪市", "Ōsaka", "JP-27", "530-0001", 346937, 1355023},
    {"京都市", "Kyōto", "JP-26", "600-8216", 350116, 1357681},
    {"Sapporo", "Hokkaidō", "JP-01", "060-0001", 430618, 1413545},
};
inline constexpr city kw_cities[] = {
    {"Kuwait City", "Al Asimah", "KU", "13001", 293759, 479774},
    {"السالمية", "Hawalli", "HA", "22001", 293339, 480761},
    {"Al Jahra", "Al Jahra", "JA", "01000", 293375, 476581},
};

inline constexpr std::string_view us_streets[] = {
    "Chestnut Street", "Main St",  "Elm Avenue",  "Oak Drive",    "Sunset Blvd",
    "Maple Lane",      "Broadway", "Pine Street", "Calle Señora", "Lakeview Terrace"};
inline constexpr std::string_view ca_streets[] = {"Rue Sainte-Catherine", "Queen Street West",
                                                  "Rue de l'Église", "Granville Street"};
inline constexpr std::string_view gb_streets[] = {"Baker Street", "High Street", "Princes Street",
                                                  "Queen's Road"};
inline constexpr std::string_view de_streets[] = {"Hauptstraße", "Bahnhofstraße", "Königsallee",
                                                  "Schloßweg", "Gartenstraße"};
inline constexpr std::string_view fr_streets[] = {"Rue de Rivoli", "Avenue des Champs-Élysées",
                                                  "Rue Saint-Honoré", "Boulevard Haussmann"};
inline constexpr std::string_view jp_streets[] = {"道玄坂", "梅田", "四条通", "Kita 1-jō Nishi"};
inline constexpr std::string_view kw_streets[] = {"Block 3, Street 12", "شارع الخليج العربي",
                                                  "Salem Al Mubarak St"};

inline constexpr region regions[] = {
    // us
    {"United States",
     "US",
     "+1",
     "en",
     "State Tax",
     600,
     false,
     us_people,
     std::size(us_people),
     us_cities,
     std::size(us_cities),
     us_streets,
     std::size(us_streets),
     {"UPS", "USPS", "FedEx"}},
    // ca
    {"Canada",
     "CA",
     "+1",
     "en-CA",
     "GST",
     500,
     false,
     us_people,
     std::size(us_people),
     ca_cities,
     std::size(ca_cities),
     ca_streets,
     std::size(ca_streets),
     {"Canada Post", "Purolator", "UPS"}},
    // gb
    {"United Kingdom",
     "GB",
     "+44",
     "en-GB",
     "GB VAT",
     2000,
     true,
     gb_people,
     std::size(gb_people),
     gb_cities,
     std::size(gb_cities),
     gb_streets,
     std::size(gb_streets),
     {"Royal Mail", "DPD", "DHL Express"}},
    // de
    {"Germany",
     "DE",
     "+49",
     "de",
     "MwSt",
     1900,
     true,
     de_people,
     std::size(de_people),
     de_cities,
     std::size(de_cities),
     de_streets,
     std::size(de_streets),
     {"DHL Express", "DPD", "Hermes"}},
    // fr
    {"France",
     "FR",
     "+33",
     "fr",
     "TVA",
     2000,
     true,
     fr_people,
     std::size(fr_people),
     fr_cities,
     std::size(fr_cities),
     fr_streets,
     std::size(fr_streets),
     {"La Poste Colissimo", "Chronopost", "DHL Express"}},
    // jp
    {"Japan",
     "JP",
     "+81",
     "ja",
     "消費税",
     1000,
     true,
     jp_people,
     std::size(jp_people),
     jp_cities,
     std::size(jp_cities),
     jp_streets,
     std::size(jp_streets),
     {"Japan Post (EN)", "Yamato (EN)", "Sagawa (EN)"}},
    // kw
    {"Kuwait",
     "KW",
     "+965",
     "ar",
     "",
     0,
     false,
     kw_people,
     std::size(kw_people),
     kw_cities,
     std::size(kw_cities),
     kw_streets,
     std::size(kw_streets),
     {"Aramex", "DHL Express", "FedEx"}},
};

struct shop {
  std::string_view handle;  // <handle>.myshopify.com
  std::string_view order_prefix;
  std::int64_t shop_id;
  const currency* money;
  locale where;
  int std_offset_min, dst_offset_min;  // DST roughly April-October
  unsigned weight;
};
inline constexpr shop shops[] = {
    {"northwind-outfitters", "#", 54838000, &usd, locale::us, -300, -240, 30},
    {"acme-gadgets", "#", 61022714, &usd, locale::us, -480, -420, 25},
    {"prairie-coffee-co", "PC", 70155208, &usd, locale::us, -360, -300, 15},
    {"maple-and-oak", "#", 48213309, &cad, locale::ca, -300, -240, 4},
    {"london-tea-company", "LT-", 33870121, &gbp, locale::gb, 0, 60, 4},
    {"berliner-kaffeeroesterei", "#", 71402233, &eur, locale::de, 60, 120, 7},
    {"atelier-lumiere", "#", 66210457, &eur, locale::fr, 60, 120, 7},
    {"tokyo-zakka", "#", 80011235, &jpy, locale::jp, 540, 540, 5},
    {"kuwait-oud-house", "#", 59220018, &kwd, locale::kw, 180, 180, 3},
};

struct product {
  std::string_view title, vendor;
  std::string_view variants[3];  // "" ends the list; "Default Title" for none
  std::string_view sku;          // "" : no SKU
  std::int64_t usd_cents;
  int grams;
  bool gift_card;
};
inline constexpr product products[] = {
    {"IPod Touch 8GB", "Apple", {"Black", "White", "Space Grey"}, "IPOD2009", 19900, 567, false},
    {"Crème Brûlée Candle",
     "Maison Lumière",
     {"Small / Vanilla", "Large / Vanilla", ""},
     "CBC",
     2400,
     340,
     false},
    {"Gift Box 🎁", "Northwind", {"Standard", "Deluxe", ""}, "GIFTBOX", 3500, 900, false},
    {"Matcha Tea Set 抹茶",
     "Kyoto Tea Works",
     {"Default Title", "", ""},
     "MTS-01",
     6800,
     1200,
     false},
    {"Merino Wool Socks",
     "Northwind",
     {"M / Grey", "L / Navy", "XL / Black"},
     "MWS",
     1800,
     120,
     false},
    {"Leather Wallet", "Fjällräven", {"Brown", "Black", ""}, "LW", 5900, 150, false},
    {"Stainless Steel Water Bottle 750ml",
     "Hydro Co",
     {"Matte Black", "Seafoam", "Stone"},
     "SSB",
     3200,
     410,
     false},
    {"Hand-poured Soy Candle ☕ Espresso",
     "Maison Lumière",
     {"Default Title", "", ""},
     "HSC-ESP",
     2200,
     300,
     false},
    {"Bamboo Toothbrush (4-pack)", "GreenSmile", {"Soft", "Medium", ""}, "BT4", 1200, 80, false},
    {"Wireless Earbuds Pro", "Acme Audio", {"Black", "White", ""}, "WEP", 12900, 60, false},
    {"Yoga Mat – Extra Thick",
     "Zen Studio",
     {"Purple", "Ocean Blue", "Charcoal"},
     "YM-XT",
     4500,
     1800,
     false},
    {"Ceramic Pour-Over Dripper",
     "Prairie Coffee",
     {"White", "Speckled", ""},
     "CPD",
     2800,
     520,
     false},
    {"Linen Tea Towel \"Classic\"",
     "Atelier Lumière",
     {"Natural", "Indigo", ""},
     "LTT",
     1500,
     90,
     false},
    {"Kids' Rain Jacket",
     "Northwind",
     {"4T / Yellow", "6 / Red", "8 / Navy"},
     "KRJ",
     4900,
     380,
     false},
    {"Dried Mango Slices", "Sunny Snacks", {"200 g", "500 g", ""}, "DMS", 900, 220, false},
    {"Über Comfort Pillow", "Schlafgut", {"Standard", "King", ""}, "UCP", 7900, 1400, false},
    {"Gift Card", "Northwind", {"$25", "$50", "$100"}, "", 5000, 0, true},
    {"Backpack 20L", "Fjällräven", {"Forest Green", "Ochre", "Black"}, "BP20", 8900, 700, false},
    {"Smartphone Case",
     "Acme Audio",
     {"iPhone 15 / Clear", "Pixel 8 / Black", ""},
     "SPC",
     2500,
     40,
     false},
    {"Notebook A5 Dotted",
     "Papeterie Noël",
     {"Sage", "Blush", "Black"},
     "NB-A5D",
     1600,
     250,
     false},
    {"Olive Oil Extra Virgin 500ml",
     "Olivar",
     {"Default Title", "", ""},
     "OO500",
     1900,
     800,
     false},
    {"Swiss Chocolate 🍫 Assortment",
     "Chocolaterie Zoë",
     {"12 pcs", "24 pcs", ""},
     "SCA",
     3900,
     450,
     false},
    {"Perfume Oud Royal عود",
     "Kuwait Oud House",
     {"50 ml", "100 ml", ""},
     "OUD",
     15900,
     300,
     false},
    {"Hiking Boots",
     "Bergsteiger",
     {"42 / Brown", "44 / Brown", "39 / Grey"},
     "HB",
     16900,
     1500,
     false},
    {"Polarized Sunglasses", "Sol", {"Tortoise", "Black", ""}, "PSG", 7500, 45, false},
    {"Scented Bath Salts",
     "GreenSmile",
     {"Lavender", "Eucalyptus", "Rose"},
     "SBS",
     1400,
     600,
     false},
    {"USB-C Charger 65W", "Acme Audio", {"Default Title", "", ""}, "USBC65", 3900, 150, false},
    {"Café de Olla Blend",
     "Prairie Coffee",
     {"Whole Bean / 1 lb", "Ground / 1 lb", ""},
     "CDO",
     1700,
     454,
     false},
};

inline constexpr std::string_view notes[] = {
    "Please leave at the back door.\nGate code: \"4521\"",
    "Bitte beim Nachbarn abgeben – danke! 🙏",
    "Gift message: \"Happy birthday, Zoë!\" 🎂\nNo invoice in the box please.",
    "Invoice path C:\\Users\\orders\\2024\\gift.pdf",
    "お届けは午前中希望です。",
    "تغليف هدية من فضلك",
    "Ring twice\\n (that was a literal backslash-n) and wait.",
    "Fragile \u2014 contains glass.\r\nThanks!",
    "Tab\tseparated\tnote",
};
inline constexpr std::string_view tags[] = {
    "VIP",          "wholesale", "Léon",        "Noël", "repeat-customer", "gift", "éco",
    "subscription", "ギフト",    "🎁 gift-wrap", "b2b",  "influencer",
};
inline constexpr std::string_view attribute_names[] = {"gift_message", "delivery_date", "colour",
                                                       "custom engraving", "how_did_you_hear"};
inline constexpr std::string_view attribute_values[] = {
    "Happy Birthday", "2024-12-24",          "green",       "Für Oma ❤",
    "Instagram 📸", "Alles Gute zum 60.!", "Joyeux Noël", "誕生日おめでとう"};
inline constexpr std::string_view discount_codes[] = {"TENOFF",   "WELCOME15", "BFCM20",
                                                      "FREESHIP", "NOËL10",    "VIP25"};
inline constexpr std::string_view user_agents[] = {
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Mobile/15E148 Instagram 327.0.0.24.88",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.6367.82 Mobile Safari/537.36",
};
inline constexpr std::string_view accept_languages[] = {
    "en-US,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9", "ja-JP", "ar-KW,ar;q=0.9"};
inline constexpr std::string_view email_domains[] = {"example.com", "hostmail.com", "mail.example",
                                                     "web.de.example", "example.co.jp"};
inline constexpr std::string_view landing_sites[] = {"/", "/products/gift-box", "/collections/all",
                                                     "/?utm_source=newsletter&utm_medium=email",
                                                     "/blogs/news/holiday-guide"};
inline constexpr std::string_view referring_sites[] = {
    "https://www.google.com/", "https://www.instagram.com/", "", "https://duckduckgo.com/",
    "https://l.facebook.com/"};

}  // namespace shopify_data

// Builds compact JSON into a std::string. Keys are written as given (ASCII,
// never escaped, as Shopify writes them); string values are escaped per mode.
class json_builder {
 public:
  explicit json_builder(std::string& out) : out_(out) {}

  // ascii: escape every non-ASCII character as \uXXXX (surrogate pairs above
  // U+FFFF); slash: also escape '/' as "\/" (PHP json_encode); upper: hex digits in upper case.
  void set_mode(bool ascii, bool slash, bool upper) {
    ascii_ = ascii;
    slash_ = slash;
    hex_ = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  }

  void begin_object() {
    before_value();
    out_.push_back('{');
    push();
  }
  void end_object() {
    --depth_;
    out_.push_back('}');
  }
  void begin_array() {
    before_value();
    out_.push_back('[');
    push();
  }
  void end_array() {
    --depth_;
    out_.push_back(']');
  }
  void key(std::string_view k) {
    if (!first_[depth_]) out_.push_back(',');
    first_[depth_] = false;
    out_.push_back('"');
    out_.append(k);
    out_.append("\":");
    after_key_ = true;
  }

  void null() {
    before_value();
    out_.append("null");
  }
  void boolean(bool b) {
    before_value();
    out_.append(b ? "true" : "false");
  }
  void integer(std::int64_t v) {
    before_value();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    // (pointer, size), not append(buf, r.ptr): GCC 12 -O3 raises a false
    // -Wrestrict on the iterator overload once this is inlined into some callers.
    out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  }
  // A number token written as given ("0.06", "195.66").
  void number(std::string_view token) {
    before_value();
    out_.append(token);
  }
  void string(std::string_view utf8) {
    before_value();
    out_.push_back('"');
    for (std::size_t i = 0; i < utf8.size();) {
      const auto c = static_cast<unsigned char>(utf8[i]);
      if (c < 0x80) {
        escape_ascii(c);
        ++i;
        continue;
      }
      if (!ascii_) {
        out_.push_back(static_cast<char>(c));
        ++i;
        continue;
      }
      // The tables hold valid UTF-8 only.
      std::uint32_t cp;
      std::size_t n;
      if (c >= 0xF0) {
        cp = c & 0x07u;
        n = 4;
      } else if (c >= 0xE0) {
        cp = c & 0x0Fu;
        n = 3;
      } else {
        cp = c & 0x1Fu;
        n = 2;
      }
      for (std::size_t k = 1; k < n; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
      }
      i += n;
      if (cp >= 0x10000) {
        cp -= 0x10000;
        u_escape(0xD800 + (cp >> 10));
        u_escape(0xDC00 + (cp & 0x3FF));
      } else {
        u_escape(cp);
      }
    }
    out_.push_back('"');
  }

  // Key-value shorthands.
  void null(std::string_view k) {
    key(k);
    null();
  }
  void boolean(std::string_view k, bool b) {
    key(k);
    boolean(b);
  }
  void integer(std::string_view k, std::int64_t v) {
    key(k);
    integer(v);
  }
  void number(std::string_view k, std::string_view token) {
    key(k);
    number(token);
  }
  void string(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  // null when `v` is empty.
  void string_or_null(std::string_view k, std::string_view v) {
    key(k);
    if (v.empty()) {
      null();
    } else {
      string(v);
    }
  }
  void empty_array(std::string_view k) {
    key(k);
    begin_array();
    end_array();
  }
  void empty_object(std::string_view k) {
    key(k);
    begin_object();
    end_object();
  }

 private:
  void push() {
    ++depth_;
    first_[depth_] = true;
  }
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) {
      if (!first_[depth_]) out_.push_back(',');
      first_[depth_] = false;
    }
  }
  void escape_ascii(unsigned char c) {
    switch (c) {
      case '"':
        out_.append("\\\"");
        return;
      case '\\':
        out_.append("\\\\");
        return;
      case '\n':
        out_.append("\\n");
        return;
      case '\r':
        out_.append("\\r");
        return;
      case '\t':
        out_.append("\\t");
        return;
      case '/':
        out_.append(slash_ ? "\\/" : "/");
        return;
      default:
        if (c < 0x20) {
          u_escape(c);
        } else {
          out_.push_back(static_cast<char>(c));
        }
    }
  }
  void u_escape(std::uint32_t unit) {
    const char u[6] = {'\\',
                       'u',
                       hex_[(unit >> 12) & 15],
                       hex_[(unit >> 8) & 15],
                       hex_[(unit >> 4) & 15],
                       hex_[unit & 15]};
    out_.append(u, 6);
  }

  std::string& out_;
  std::array<bool, 32> first_{};
  std::size_t depth_ = 0;
  bool after_key_ = false;
  bool ascii_ = false;
  bool slash_ = false;
  const char* hex_ = "0123456789abcdef";
};

class shopify_generator {
 public:
  // The GraphQL and bulk shapes' own choices (name form, money text, which
  // lines escape '/') come from a second stream, so that drawing them leaves
  // the REST sequence, and so the REST bytes of a seed, as they always were.
  explicit shopify_generator(std::uint64_t seed)
      : rng_(seed), shape_rng_(seed ^ 0x5348'4150'4553'0015ull) {
    // Decorrelate nearby seeds, then start the shared sequences.
    for (int i = 0; i < 4; ++i) rng_.next();
    next_order_id_ = 5'400'000'000'000 + rng_.between(0, 99'999'999);
    next_line_id_ = 1'300'000'000'000 + rng_.between(0, 99'999'999);
    next_other_id_ = 2'100'000'000'000 + rng_.between(0, 99'999'999);
    clock_ = 1'677'628'800 + rng_.between(0, 86'400);  // 2023-03-01T00:00:00Z
  }

  // Appends one order (a bare order object, as a webhook body; no newline).
  void append_order(std::string& out) { write_rest(next_order(), out); }

  // Appends the same order as a GraphQL Admin API Order node (what a query's
  // edges[].node or nodes[] holds; no newline): camelCase, gids, UTC times,
  // *Set money bags, a lineItems connection, fulfillments as a plain list.
  void append_graphql_order(std::string& out) { write_graphql(next_order(), out); }

  // Appends the same order as Bulk Operation JSONL: the Order line (the
  // GraphQL node without lineItems), then one line per line item ending in
  // "__parentId"; each line ends in '\n'. Returns the number of lines.
  std::size_t append_bulk_order(std::string& out) { return write_bulk(next_order(), out); }

  // Appends NDJSON orders until `out` holds at least `total_bytes` bytes (the
  // last order crosses the limit). Returns the number of orders appended.
  std::size_t append_ndjson(std::string& out, std::size_t total_bytes) {
    std::size_t n = 0;
    while (out.size() < total_bytes) {
      append_order(out);
      out.push_back('\n');
      ++n;
    }
    return n;
  }

  std::uint64_t orders() const noexcept { return orders_; }
  // The id of the order appended last.
  std::int64_t last_order_id() const noexcept { return current_.id; }

 private:
  using currency = shopify_data::currency;
  using region = shopify_data::region;

  // ruby: GraphQL's Decimal text, trailing zeros dropped down to one
  // ("73.0", "12.5"), also for currencies without decimals ("1500.0").
  enum class money_style : std::uint8_t { exact, one_decimal, bare, ruby };

  struct item {
    const shopify_data::product* product;
    std::size_t variant;
    std::int64_t id, product_id, variant_id;
    std::int64_t quantity;
    std::int64_t price;     // unit, minor units of the shop currency
    std::int64_t discount;  // allocated to the line
    std::int64_t tax;
    int fulfillment;  // index into fulfillments, -1: unfulfilled
    bool has_properties;
    bool graphql_name_only;  // GraphQL: `name` without `title` (only where they are equal)
    bool bulk_slash;         // bulk: this line escapes '/'
  };
  struct fulfillment {
    std::int64_t id;
    std::string_view status, shipment_status, company;
    int tracking_count;
    std::int64_t created;
  };
  struct person_info {
    const shopify_data::person* who;
    const region* where;
    const shopify_data::city* town;
    std::string_view street;
    int house;
    std::int64_t phone;
    bool has_phone;
    bool has_company;
    bool has_address2;
    bool has_coordinates;
    std::int64_t lat_jitter, lng_jitter;
  };
  struct order {
    const shopify_data::shop* shop;
    const currency* money;
    const currency* presentment;
    const region* home;
    bool legacy, escape_ascii, escape_slash, upper_hex;
    money_style style;
    std::int64_t id, number, checkout_id, customer_id;
    std::int64_t created, updated, closed, cancelled;  // UTC seconds; 0: null
    int offset_min;
    std::string_view financial, fulfillment_status, cancel_reason;
    std::vector<item> items;
    std::vector<fulfillment> fulfillments;
    std::int64_t line_total, discount_total, subtotal, shipping, tax, total, refunded;
    std::int64_t shipping_lines[2];
    int shipping_line_count;
    int discount_code;  // -1: none
    int discount_percent;
    int tax_rate_bp;
    std::int64_t tokens[3];  // pseudo-random hex material
    bool has_customer, customer_email, customer_email_key, guest_email;
    bool has_billing, has_shipping, same_address;
    person_info buyer, recipient;
    int note;  // -1: null
    int tag_count, attribute_count;
    int tag_start, attribute_start;
    int client_details;  // -1: null
    int app;
    bool test;
    std::int64_t weight;
    // GraphQL and bulk only (drawn from shape_rng_).
    int graphql_name;      // 0: REST's name, 1: "HCDEV#1001", 2: "1001-A", 3: "#1001-R"
    bool graphql_scalars;  // totalPrice, subtotalPrice, totalTax, totalDiscounts as scalars
    bool graphql_exact;    // amounts as "73.00" rather than "73.0"
    bool graphql_edges;    // lineItems as {"edges":[{"node":...}]} rather than {"nodes":[...]}
    bool bulk_slash;       // bulk: the Order line escapes '/'
  };

  // -------------------------------------------------------------------------
  // Drawing

  // The next order's description, drawn once; every shape renders it.
  const order& next_order() {
    current_ = draw_order();
    draw_shapes(current_);
    ++orders_;
    return current_;
  }

  // What REST cannot say differently: GraphQL's and bulk's own variety.
  void draw_shapes(order& o) {
    static constexpr unsigned name_weights[] = {70, 15, 10, 5};
    o.graphql_name = static_cast<int>(shape_rng_.weighted(name_weights));
    o.graphql_scalars = shape_rng_.percent(4);
    o.graphql_exact = shape_rng_.percent(15);
    o.graphql_edges = shape_rng_.percent(50);
    o.bulk_slash = shape_rng_.percent(20);
    for (item& it : o.items) {
      // `name` is title + " - " + variant otherwise, and the model's title is
      // the product title: only a default-variant line can do without it.
      it.graphql_name_only =
          it.product->variants[it.variant] == "Default Title" && shape_rng_.percent(50);
      it.bulk_slash = shape_rng_.percent(20);
    }
  }

  order draw_order() {
    using namespace shopify_data;
    order o{};
    o.items.reserve(10);
    static constexpr unsigned shop_weights[] = {30, 25, 15, 4, 4, 7, 7, 5, 3};
    static_assert(std::size(shop_weights) == std::size(shops));
    o.shop = &shops[rng_.weighted(shop_weights)];
    o.money = o.shop->money;
    o.presentment = o.money;
    if (o.money == &usd && rng_.percent(12)) {
      static constexpr const currency* others[] = {&eur, &gbp, &cad};
      o.presentment = rng_.pick(others);
    }
    o.home = &regions[static_cast<std::size_t>(o.shop->where)];
    o.legacy = rng_.percent(10);
    o.escape_ascii = rng_.percent(30);
    o.escape_slash = o.escape_ascii && rng_.percent(50);
    o.upper_hex = rng_.percent(20);
    static constexpr unsigned style_weights[] = {94, 4, 2};
    o.style = static_cast<money_style>(rng_.weighted(style_weights));

    o.id = next_order_id_;
    next_order_id_ += rng_.between(1'000, 4'000'000);
    o.number = static_cast<std::int64_t>(orders_) + 1;
    o.checkout_id = rng_.percent(85) ? next_other_id_ + rng_.between(1, 999'999) : 0;
    o.customer_id = 6'900'000'000'000 + rng_.between(0, 99'999'999'999);
    clock_ += rng_.between(1, 600);
    o.created = clock_;
    o.offset_min = offset_at(*o.shop, o.created);
    for (std::int64_t& t : o.tokens) t = static_cast<std::int64_t>(rng_.next() >> 1);

    // Statuses, drawn over every value Shopify documents.
    static constexpr std::string_view financial[] = {
        "paid",     "pending", "authorized", "partially_paid", "partially_refunded",
        "refunded", "voided",  "expired"};
    static constexpr unsigned financial_weights[] = {55, 8, 8, 4, 8, 8, 6, 3};
    o.financial = financial[rng_.weighted(financial_weights)];
    const bool cancelled =
        (o.financial == "voided" || o.financial == "refunded") ? rng_.percent(60) : rng_.percent(3);
    if (cancelled) {
      static constexpr std::string_view reasons[] = {"customer",  "declined", "fraud",
                                                     "inventory", "other",    "staff"};
      o.cancel_reason = rng_.pick(reasons);
      o.fulfillment_status = rng_.percent(40) ? "restocked" : "";
    } else {
      static constexpr std::string_view statuses[] = {"fulfilled", "", "partial"};
      static constexpr unsigned weights[] = {55, 30, 15};
      o.fulfillment_status = statuses[rng_.weighted(weights)];
    }

    // Line items: most orders are small.
    static constexpr unsigned count_weights[] = {100, 44, 22, 12, 8, 6, 3, 2, 2, 1};
    const std::size_t count = rng_.weighted(count_weights) + 1;
    bool any_shipping = false;
    for (std::size_t i = 0; i < count; ++i) {
      item it{};
      const std::size_t p = rng_.below(std::size(products));
      it.product = &products[p];
      std::size_t variants = 0;
      while (variants < 3 && !it.product->variants[variants].empty()) ++variants;
      it.variant = rng_.below(variants);
      it.id = next_line_id_;
      next_line_id_ += rng_.between(1, 90'000);
      it.product_id = 7'010'000'000'000 + static_cast<std::int64_t>(p) * 7'919;
      it.variant_id = 44'100'000'000'000 + static_cast<std::int64_t>(p) * 104'729 +
                      static_cast<std::int64_t>(it.variant);
      static constexpr unsigned qty_weights[] = {70, 18, 6, 3, 2, 1};
      it.quantity = static_cast<std::int64_t>(rng_.weighted(qty_weights)) + 1;
      it.price = price_in(*o.money, it.product->usd_cents + 500 * it.variant);
      it.fulfillment = -1;
      it.has_properties = rng_.percent(8);
      any_shipping = any_shipping || !it.product->gift_card;
      o.weight += it.product->grams * it.quantity;
      o.line_total += it.price * it.quantity;
      o.items.push_back(it);
    }

    // Discounts: a percentage code over all lines, allocated line by line.
    o.discount_code =
        rng_.percent(20) ? static_cast<int>(rng_.below(std::size(discount_codes))) : -1;
    if (o.discount_code >= 0) {
      static constexpr int percents[] = {10, 15, 20, 25};
      o.discount_percent = rng_.pick(percents);
      for (item& it : o.items) {
        it.discount = it.price * it.quantity * o.discount_percent / 100;
        o.discount_total += it.discount;
      }
    }
    o.subtotal = o.line_total - o.discount_total;

    // Shipping.
    if (any_shipping && rng_.percent(95)) {
      o.shipping_line_count = rng_.percent(4) ? 2 : 1;
      for (int i = 0; i < o.shipping_line_count; ++i) {
        static constexpr std::int64_t fees[] = {0, 0, 499, 599, 990, 1450, 2500};
        o.shipping_lines[i] = price_in(*o.money, rng_.pick(fees));
        o.shipping += o.shipping_lines[i];
      }
    }

    // Tax: added on top (US, CA), or included in the prices (EU, GB, JP).
    const int rate = o.tax_rate_bp =
        o.home->tax_rate_bp + (o.home->tax_rate_bp != 0 && !o.home->taxes_included
                                   ? static_cast<int>(rng_.below(4)) * 25
                                   : 0);
    for (item& it : o.items) {
      const std::int64_t base = it.price * it.quantity - it.discount;
      it.tax = o.home->taxes_included ? base * rate / (10000 + rate) : base * rate / 10000;
      if (it.product->gift_card) it.tax = 0;
      o.tax += it.tax;
    }
    o.total = o.subtotal + o.shipping + (o.home->taxes_included ? 0 : o.tax);
    if (o.financial == "refunded") {
      o.refunded = o.total;
    } else if (o.financial == "partially_refunded") {
      o.refunded = o.items.front().price;
      if (o.refunded > o.total) o.refunded = o.total;
    }

    // Fulfillments: partial covers some lines, fulfilled covers all.
    if (o.fulfillment_status == "fulfilled" || o.fulfillment_status == "partial") {
      const std::size_t n = o.items.size();
      const std::size_t max_groups = n < 3 ? n : 3;
      static constexpr unsigned group_weights[] = {80, 15, 5};
      std::size_t groups = rng_.weighted(group_weights) + 1;
      if (groups > max_groups) groups = max_groups;
      const std::size_t covered =
          o.fulfillment_status == "partial" && n > 1 ? 1 + rng_.below(n - 1) : n;
      if (groups > covered) groups = covered;
      for (std::size_t g = 0; g < groups; ++g) o.fulfillments.push_back(draw_fulfillment(o, true));
      for (std::size_t i = 0; i < covered; ++i) {
        o.items[i].fulfillment = static_cast<int>(i < groups ? i : rng_.below(groups));
      }
    } else if (rng_.percent(10)) {
      // A fulfillment that never shipped anything.
      o.fulfillments.push_back(draw_fulfillment(o, false));
    }

    // Dates.
    o.updated = o.created + rng_.between(0, 3 * 86'400);
    for (const fulfillment& f : o.fulfillments) {
      if (f.created > o.updated) o.updated = f.created + rng_.between(0, 86'400);
    }
    if (cancelled) {
      o.cancelled = o.created + rng_.between(600, 5 * 86'400);
      if (o.cancelled > o.updated) o.updated = o.cancelled;
      if (rng_.percent(80)) o.closed = o.cancelled;
    } else if (o.fulfillment_status == "fulfilled" && o.financial == "paid" && rng_.percent(70)) {
      o.closed = o.updated;
    }

    // People.
    o.has_customer = rng_.percent(88);
    o.customer_email = rng_.percent(90);
    o.customer_email_key = rng_.percent(50);
    o.guest_email = rng_.percent(60);
    o.has_billing = rng_.percent(90);
    o.has_shipping = any_shipping && rng_.percent(92);
    o.same_address = rng_.percent(75);
    const region* buyer_region = o.home;
    if (rng_.percent(15)) buyer_region = &regions[rng_.below(std::size(regions))];
    o.buyer = draw_person(*buyer_region);
    o.recipient = o.same_address ? o.buyer : draw_person(*buyer_region);

    o.note = rng_.percent(15) ? static_cast<int>(rng_.below(std::size(notes))) : -1;
    static constexpr unsigned tag_weights[] = {50, 25, 15, 10};
    o.tag_count = static_cast<int>(rng_.weighted(tag_weights));
    o.tag_start = static_cast<int>(rng_.below(std::size(tags)));
    static constexpr unsigned attribute_weights[] = {70, 15, 10, 5};
    o.attribute_count = static_cast<int>(rng_.weighted(attribute_weights));
    o.attribute_start = static_cast<int>(rng_.below(std::size(attribute_names)));
    o.client_details = rng_.percent(80) ? static_cast<int>(rng_.below(std::size(user_agents))) : -1;
    o.app = static_cast<int>(rng_.below(4));
    o.test = rng_.percent(1);
    return o;
  }

  fulfillment draw_fulfillment(const order& o, bool shipped) {
    fulfillment f{};
    f.id = next_other_id_;
    next_other_id_ += rng_.between(1, 5'000'000);
    f.created = o.created + rng_.between(3'600, 4 * 86'400);
    if (shipped) {
      f.status = rng_.percent(97) ? "success" : "open";
      static constexpr std::string_view shipment[] = {"",
                                                      "delivered",
                                                      "in_transit",
                                                      "out_for_delivery",
                                                      "label_printed",
                                                      "label_purchased",
                                                      "confirmed",
                                                      "attempted_delivery",
                                                      "ready_for_pickup",
                                                      "failure"};
      static constexpr unsigned shipment_weights[] = {20, 35, 20, 5, 5, 5, 5, 2, 2, 1};
      f.shipment_status = shipment[rng_.weighted(shipment_weights)];
      static constexpr unsigned tracking_weights[] = {15, 70, 10, 5};
      f.tracking_count = static_cast<int>(rng_.weighted(tracking_weights));
    } else {
      static constexpr std::string_view dead[] = {"cancelled", "error", "failure"};
      f.status = rng_.pick(dead);
      f.tracking_count = rng_.percent(50) ? 1 : 0;
    }
    if (f.tracking_count > 0 && rng_.percent(95)) {
      f.company = o.home->carriers[rng_.below(3)];
    }
    return f;
  }

  person_info draw_person(const region& r) {
    person_info p{};
    p.who = &r.people[rng_.below(r.people_count)];
    p.where = &r;
    p.town = &r.cities[rng_.below(r.city_count)];
    p.street = r.streets[rng_.below(r.street_count)];
    p.house = static_cast<int>(rng_.between(1, 2400));
    p.phone = rng_.between(2'000'000'000, 9'899'999'999);
    p.has_phone = rng_.percent(70);
    p.has_company = rng_.percent(12);
    p.has_address2 = rng_.percent(25);
    p.has_coordinates = rng_.percent(80);
    p.lat_jitter = rng_.between(-500, 500);
    p.lng_jitter = rng_.between(-500, 500);
    return p;
  }

  static std::int64_t price_in(const currency& c, std::int64_t usd_cents) {
    std::int64_t minor = usd_cents * c.per_usd_cent_x10000 / 10000;
    if (c.decimals == 0) minor = minor / 10 * 10;  // JPY: whole tens
    if (c.decimals == 2 && minor % 100 == 0 && minor > 0 && c.code != "USD") minor -= 1;  // x.99
    return minor;
  }

  static int offset_at(const shopify_data::shop& s, std::int64_t utc) {
    const int month = civil(utc + s.std_offset_min * 60).month;
    return month >= 4 && month <= 10 ? s.dst_offset_min : s.std_offset_min;
  }

  // -------------------------------------------------------------------------
  // Formatting

  struct civil_time {
    std::int64_t year;
    unsigned month, day, hour, minute, second;
  };
  // Howard Hinnant's civil_from_days.
  static constexpr civil_time civil(std::int64_t seconds) {
    std::int64_t days = seconds / 86'400;
    std::int64_t rest = seconds % 86'400;
    if (rest < 0) {
      rest += 86'400;
      --days;
    }
    const std::int64_t z = days + 719'468;
    const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
    const auto doe = static_cast<unsigned>(z - era * 146'097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    return {y,
            m,
            d,
            static_cast<unsigned>(rest / 3600),
            static_cast<unsigned>(rest / 60 % 60),
            static_cast<unsigned>(rest % 60)};
  }

  // "2025-01-02T11:31:05-05:00"
  std::string_view time_text(std::int64_t utc, int offset_min) {
    const civil_time t = civil(utc + offset_min * 60);
    char* p = scratch_;
    p = digits(p, static_cast<std::uint64_t>(t.year), 4);
    *p++ = '-';
    p = digits(p, t.month, 2);
    *p++ = '-';
    p = digits(p, t.day, 2);
    *p++ = 'T';
    p = digits(p, t.hour, 2);
    *p++ = ':';
    p = digits(p, t.minute, 2);
    *p++ = ':';
    p = digits(p, t.second, 2);
    *p++ = offset_min < 0 ? '-' : '+';
    const int abs = offset_min < 0 ? -offset_min : offset_min;
    p = digits(p, static_cast<std::uint64_t>(abs / 60), 2);
    *p++ = ':';
    p = digits(p, static_cast<std::uint64_t>(abs % 60), 2);
    return {scratch_, static_cast<std::size_t>(p - scratch_)};
  }

  static char* digits(char* p, std::uint64_t v, int width) {
    for (int i = width - 1; i >= 0; --i) {
      p[i] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    return p + width;
  }

  // Minor units as Shopify's decimal text ("199.00", "1500", "12.345"), or
  // with the order's odd precision ("10.0", "5").
  std::string_view money_text(std::int64_t minor, int decimals, money_style style) {
    char* p = scratch_;
    if (minor < 0) {
      *p++ = '-';
      minor = -minor;
    }
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    p = std::to_chars(p, scratch_ + sizeof scratch_, minor / scale).ptr;
    if (decimals > 0) {
      char frac[20];  // up to 18 decimals
      digits(frac, static_cast<std::uint64_t>(minor % scale), decimals);
      int keep = decimals;
      if (style != money_style::exact) {
        while (keep > 0 && frac[keep - 1] == '0') --keep;
        if (keep == 0 && style != money_style::bare) keep = 1;
      }
      if (keep > 0) {
        *p++ = '.';
        for (int i = 0; i < keep; ++i) *p++ = frac[i];
      }
    } else if (style == money_style::ruby) {
      *p++ = '.';
      *p++ = '0';
    }
    return {scratch_, static_cast<std::size_t>(p - scratch_)};
  }

  std::string_view shop_money(const order& o, std::int64_t minor) {
    return money_text(minor, o.money->decimals, o.style);
  }

  // A JSON number with two decimals as Ruby writes floats ("195.66", "199.0").
  std::string_view float_text(std::int64_t hundredths) {
    std::string_view s = money_text(hundredths, 2, money_style::one_decimal);
    return s;
  }

  std::string_view hex_token(std::int64_t a, std::int64_t b, std::size_t length) {
    static constexpr char hex[] = "0123456789abcdef";
    auto x = static_cast<std::uint64_t>(a);
    auto y = static_cast<std::uint64_t>(b);
    for (std::size_t i = 0; i < length; ++i) {
      std::uint64_t& w = i < 16 ? x : y;
      scratch_[i] = hex[w & 15];
      w >>= 4;
    }
    return {scratch_, length};
  }

  std::string_view text_of(std::string_view a, std::string_view b = {}, std::string_view c = {},
                           std::string_view d = {}) {
    text_.clear();
    text_.append(a).append(b).append(c).append(d);
    return text_;
  }

  // `a` may view text_ itself (text_of's result).
  std::string_view text_with_number(std::string_view a, std::int64_t n, std::string_view b = {}) {
    if (a.data() != text_.data()) {
      text_.clear();
      text_.append(a);
    } else {
      text_.resize(a.size());
    }
    char buf[24];
    text_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    text_.append(b);
    return text_;
  }

  // -------------------------------------------------------------------------
  // Writing, in the key order of real Admin REST payloads.

  void money_set(json_builder& j, const order& o, std::string_view k, std::int64_t minor) {
    j.key(k);
    money_bag(j, o, minor);
  }
  void money_bag(json_builder& j, const order& o, std::int64_t minor) {
    j.begin_object();
    j.key("shop_money");
    j.begin_object();
    j.string("amount", shop_money(o, minor));
    j.string("currency_code", o.money->code);
    j.end_object();
    j.key("presentment_money");
    j.begin_object();
    std::int64_t presented = minor;
    if (o.presentment != o.money) {
      presented = minor * o.presentment->per_usd_cent_x10000 / o.money->per_usd_cent_x10000;
    }
    j.string("amount", money_text(presented, o.presentment->decimals, o.style));
    j.string("currency_code", o.presentment->code);
    j.end_object();
    j.end_object();
  }
  // A plain money field and, in the current shape, its *_set twin.
  void money_pair(json_builder& j, const order& o, std::string_view k, std::string_view set_k,
                  std::int64_t minor) {
    j.string(k, shop_money(o, minor));
    if (!o.legacy) money_set(j, o, set_k, minor);
  }

  void write_order(json_builder& j, const order& o) {
    using namespace shopify_data;
    const std::string_view store = o.shop->handle;
    const std::int64_t current_total = o.total - o.refunded;
    const std::int64_t current_subtotal =
        o.financial == "refunded" ? 0 : o.subtotal - (o.refunded < o.subtotal ? o.refunded : 0);
    const std::int64_t current_tax = o.financial == "refunded" ? 0 : o.tax;
    std::int64_t outstanding = 0;
    if (o.financial == "pending" || o.financial == "authorized") outstanding = o.total;
    if (o.financial == "partially_paid") outstanding = o.total / 2;
    static constexpr std::int64_t apps[] = {580111, 129785, 1354745, 755357713};
    const bool pos = apps[o.app] == 129785;

    j.begin_object();
    j.integer("id", o.id);
    j.string("admin_graphql_api_id", text_with_number("gid://shopify/Order/", o.id));
    j.integer("app_id", apps[o.app]);
    if (pos || o.client_details < 0) {
      j.null("browser_ip");
    } else {
      j.string("browser_ip", text_with_number("203.0.113.", o.tokens[0] % 250 + 1));
    }
    j.boolean("buyer_accepts_marketing", (o.tokens[1] & 1) != 0);
    j.string_or_null("cancel_reason", o.cancel_reason);
    if (o.cancelled != 0) {
      j.string("cancelled_at", time_text(o.cancelled, o.offset_min));
    } else {
      j.null("cancelled_at");
    }
    if (pos) {
      j.null("cart_token");
    } else {
      j.string("cart_token", hex_token(o.tokens[0], o.tokens[2], 32));
    }
    if (o.checkout_id != 0) {
      j.integer("checkout_id", o.checkout_id);
      j.string("checkout_token", hex_token(o.tokens[1], o.tokens[0], 32));
    } else {
      j.null("checkout_id");
      j.null("checkout_token");
    }
    write_client_details(j, o);
    if (o.closed != 0) {
      j.string("closed_at", time_text(o.closed, o.offset_min));
    } else {
      j.null("closed_at");
    }
    if (!o.legacy) {
      std::string_view code = hex_token(o.tokens[2], o.tokens[1], 9);
      for (std::size_t i = 0; i < code.size(); ++i) {
        char c = scratch_[i];
        scratch_[i] =
            c >= 'a' ? static_cast<char>(c - 'a' + 'A') : static_cast<char>('N' - (c - '0'));
      }
      j.string("confirmation_number", code);
    }
    j.boolean("confirmed", true);
    const bool any_email = o.has_customer || o.guest_email;
    if (any_email) {
      j.string("contact_email", email(o.buyer, o.customer_id));
    } else {
      j.null("contact_email");
    }
    j.string("created_at", time_text(o.created, o.offset_min));
    j.string("currency", o.money->code);
    if (!o.legacy) {
      money_pair(j, o, "current_subtotal_price", "current_subtotal_price_set", current_subtotal);
      j.null("current_total_additional_fees_set");
      money_pair(j, o, "current_total_discounts", "current_total_discounts_set",
                 o.financial == "refunded" ? 0 : o.discount_total);
      j.null("current_total_duties_set");
      money_pair(j, o, "current_total_price", "current_total_price_set", current_total);
      money_pair(j, o, "current_total_tax", "current_total_tax_set", current_tax);
    }
    j.string_or_null("customer_locale", o.client_details >= 0 ? o.home->language : "");
    j.null("device_id");
    write_discount_codes(j, o);
    j.boolean("duties_included", false);
    if (any_email) {
      j.string("email", email(o.buyer, o.customer_id));
    } else if (o.customer_email_key) {
      j.string("email", "");
    }
    j.boolean("estimated_taxes", false);
    j.string("financial_status", o.financial);
    j.string_or_null("fulfillment_status", o.fulfillment_status);
    if (o.legacy) {
      static constexpr std::string_view gateways[] = {"shopify_payments", "paypal", "manual",
                                                      "bogus"};
      j.string("gateway", gateways[o.tokens[2] % 4]);
    }
    if (pos) {
      j.null("landing_site");
      j.null("landing_site_ref");
    } else {
      j.string("landing_site", landing_sites[o.tokens[1] % std::size(landing_sites)]);
      j.null("landing_site_ref");
    }
    if (pos) {
      j.integer("location_id", 24'826'418);
    } else {
      j.null("location_id");
    }
    if (!o.legacy) {
      j.string("merchant_business_entity_id", "MTU0ODM4MDAwOQ");
      j.null("merchant_of_record_app_id");
    }
    j.string("name", text_with_number(o.shop->order_prefix, o.number + 1000));
    if (o.note >= 0) {
      j.string("note", notes[static_cast<std::size_t>(o.note)]);
    } else {
      j.null("note");
    }
    j.key("note_attributes");
    j.begin_array();
    for (int i = 0; i < o.attribute_count; ++i) {
      const std::size_t k = static_cast<std::size_t>(o.attribute_start + i);
      j.begin_object();
      j.string("name", attribute_names[k % std::size(attribute_names)]);
      j.string("value", attribute_values[(k * 3 + static_cast<std::size_t>(o.number)) %
                                         std::size(attribute_values)]);
      j.end_object();
    }
    j.end_array();
    j.integer("number", o.number);
    j.integer("order_number", o.number + 1000);
    {
      text_.clear();
      text_.append("https://").append(store).append(".myshopify.com/");
      char buf[24];
      text_.append(buf, std::to_chars(buf, buf + sizeof buf, o.shop->shop_id).ptr);
      text_.append("/orders/").append(hex_token(o.tokens[0], o.tokens[1], 32));
      text_.append("/authenticate?key=").append(hex_token(o.tokens[2], o.tokens[0], 32));
      j.string("order_status_url", text_);
    }
    if (!o.legacy) {
      j.null("original_total_additional_fees_set");
      j.null("original_total_duties_set");
    }
    j.key("payment_gateway_names");
    j.begin_array();
    if (o.tokens[2] % 5 == 0) j.string("gift_card");
    j.string(o.tokens[2] % 3 == 0 ? "paypal" : "shopify_payments");
    j.end_array();
    if (o.has_customer && o.buyer.has_phone) {
      j.string("phone", phone_text(o.buyer));
    } else {
      j.null("phone");
    }
    if (!o.legacy) j.null("po_number");
    j.string("presentment_currency", o.presentment->code);
    j.string("processed_at", time_text(o.created, o.offset_min));
    if (o.legacy) j.string("processing_method", pos ? "direct" : "checkout");
    j.null("reference");
    if (pos) {
      j.null("referring_site");
    } else {
      j.string("referring_site", referring_sites[o.tokens[0] % std::size(referring_sites)]);
    }
    j.null("source_identifier");
    static constexpr std::string_view sources[] = {"web", "pos", "1354745", "755357713"};
    j.string("source_name", sources[o.app]);
    j.null("source_url");
    money_pair(j, o, "subtotal_price", "subtotal_price_set", o.subtotal);
    {
      text_.clear();
      for (int i = 0; i < o.tag_count; ++i) {
        if (i != 0) text_.append(", ");
        text_.append(tags[static_cast<std::size_t>(o.tag_start + i) % std::size(tags)]);
      }
      j.string("tags", text_);
    }
    j.boolean("tax_exempt", false);
    j.key("tax_lines");
    j.begin_array();
    if (o.tax != 0) write_tax_line(j, o, o.tax);
    j.end_array();
    j.boolean("taxes_included", o.home->taxes_included);
    j.boolean("test", o.test);
    j.string("token", hex_token(o.tokens[1], o.tokens[2], 32));
    if (!o.legacy) {
      money_set(j, o, "total_cash_rounding_payment_adjustment_set", 0);
      money_set(j, o, "total_cash_rounding_refund_adjustment_set", 0);
    }
    money_pair(j, o, "total_discounts", "total_discounts_set", o.discount_total);
    money_pair(j, o, "total_line_items_price", "total_line_items_price_set", o.line_total);
    j.string("total_outstanding", shop_money(o, outstanding));
    money_pair(j, o, "total_price", "total_price_set", o.total);
    if (o.legacy) {
      j.string("total_price_usd",
               money_text(o.total * 10000 / o.money->per_usd_cent_x10000, 2, money_style::exact));
    } else {
      money_set(j, o, "total_shipping_price_set", o.shipping);
    }
    money_pair(j, o, "total_tax", "total_tax_set", o.tax);
    j.string("total_tip_received", shop_money(o, 0));
    j.integer("total_weight", o.weight);
    j.string("updated_at", time_text(o.updated, o.offset_min));
    if (pos) {
      j.integer("user_id", 7'201'112'345);
    } else {
      j.null("user_id");
    }
    write_address(j, "billing_address", o.has_billing, o.buyer, o.legacy);
    write_customer(j, o);
    write_discount_applications(j, o);
    j.key("fulfillments");
    j.begin_array();
    for (std::size_t f = 0; f < o.fulfillments.size(); ++f) write_fulfillment(j, o, f);
    j.end_array();
    j.key("line_items");
    j.begin_array();
    for (const item& it : o.items) write_line_item(j, o, it);
    j.end_array();
    if (!o.legacy) j.null("payment_terms");
    write_refunds(j, o);
    write_address(j, "shipping_address", o.has_shipping, o.recipient, o.legacy);
    write_shipping_lines(j, o);
    j.end_object();
  }

  void write_client_details(json_builder& j, const order& o) {
    j.key("client_details");
    if (o.client_details < 0) {
      j.null();
      return;
    }
    j.begin_object();
    j.string("accept_language",
             shopify_data::accept_languages[static_cast<std::size_t>(o.tokens[2]) %
                                            std::size(shopify_data::accept_languages)]);
    j.integer("browser_height", 720 + o.tokens[0] % 300);
    j.string("browser_ip", text_with_number("203.0.113.", o.tokens[0] % 250 + 1));
    j.integer("browser_width", 1280 + o.tokens[1] % 640);
    j.null("session_hash");
    j.string("user_agent", shopify_data::user_agents[static_cast<std::size_t>(o.client_details)]);
    j.end_object();
  }

  void write_discount_codes(json_builder& j, const order& o) {
    j.key("discount_codes");
    j.begin_array();
    if (o.discount_code >= 0) {
      j.begin_object();
      j.string("code", shopify_data::discount_codes[static_cast<std::size_t>(o.discount_code)]);
      j.string("amount", shop_money(o, o.discount_total));
      j.string("type", "percentage");
      j.end_object();
    }
    j.end_array();
  }

  void write_discount_applications(json_builder& j, const order& o) {
    j.key("discount_applications");
    j.begin_array();
    if (o.discount_code >= 0) {
      j.begin_object();
      j.string("target_type", "line_item");
      j.string("type", "discount_code");
      j.string("value", text_with_number("", o.discount_percent, ".0"));
      j.string("value_type", "percentage");
      j.string("allocation_method", "across");
      j.string("target_selection", "all");
      j.string("code", shopify_data::discount_codes[static_cast<std::size_t>(o.discount_code)]);
      j.end_object();
    }
    j.end_array();
  }

  void write_tax_line(json_builder& j, const order& o, std::int64_t amount) {
    j.begin_object();
    j.boolean("channel_liable", false);
    j.string("price", shop_money(o, amount));
    if (!o.legacy) money_set(j, o, "price_set", amount);
    const int rate = o.tax_rate_bp;
    // 600 -> 0.06, 1900 -> 0.19, 500 -> 0.05 (Ruby drops trailing zeros).
    std::string_view r = money_text(rate, 4, money_style::one_decimal);
    j.number("rate", r);
    j.string("title", o.home->tax_title);
    j.end_object();
  }

  std::string_view email(const person_info& p, std::int64_t n) {
    text_.clear();
    text_.append(p.who->first_ascii).append(".").append(p.who->last_ascii);
    char buf[24];
    text_.append(buf, std::to_chars(buf, buf + sizeof buf, n % 1000).ptr);
    text_.append("@").append(shopify_data::email_domains[static_cast<std::size_t>(n) %
                                                         std::size(shopify_data::email_domains)]);
    return text_;
  }

  std::string_view street_line(const person_info& p) {
    text_with_number("", p.house, " ");
    text_.append(p.street);
    return text_;
  }

  std::string_view phone_text(const person_info& p) {
    text_.clear();
    text_.append(p.where->phone_prefix);
    char buf[24];
    const auto* end = std::to_chars(buf, buf + sizeof buf, p.phone).ptr;
    const std::string_view d(buf, static_cast<std::size_t>(end - buf));
    switch (p.phone % 3) {
      case 0:  // "+1 502-459-2181"
        text_.append(" ").append(d.substr(0, 3)).append("-").append(d.substr(3, 3)).append("-");
        text_.append(d.substr(6));
        break;
      case 1:  // "+1(502)-459-2181"
        text_.append("(").append(d.substr(0, 3)).append(")-").append(d.substr(3, 3)).append("-");
        text_.append(d.substr(6));
        break;
      default:
        text_.append(d);
    }
    return text_;
  }

  void write_coordinate(json_builder& j, std::string_view k, std::int64_t e4, std::int64_t jitter,
                        bool legacy) {
    // Degrees with 7 decimals.
    std::int64_t v = e4 * 1000 + jitter * 37;
    std::string_view s = money_text(v, 7, money_style::one_decimal);
    if (legacy) {
      j.string(k, s);
    } else {
      j.number(k, s);
    }
  }

  void write_address(json_builder& j, std::string_view k, bool present, const person_info& p,
                     bool legacy) {
    j.key(k);
    if (!present) {
      j.null();
      return;
    }
    j.begin_object();
    j.string("first_name", p.who->first);
    j.string("address1", street_line(p));
    if (p.has_phone) {
      j.string("phone", phone_text(p));
    } else {
      j.null("phone");
    }
    j.string("city", p.town->name);
    j.string("zip", p.town->zip);
    j.string_or_null("province", p.town->province);
    j.string("country", p.where->country);
    j.string("last_name", p.who->last);
    if (p.has_address2) {
      j.string("address2", text_with_number("Apt ", p.house % 97 + 1));
    } else {
      j.string("address2", "");
    }
    if (p.has_company) {
      j.string("company", "Société Générale de Café");
    } else {
      j.null("company");
    }
    if (p.has_coordinates) {
      write_coordinate(j, "latitude", p.town->lat_e4, p.lat_jitter, legacy);
      write_coordinate(j, "longitude", p.town->lng_e4, p.lng_jitter, legacy);
    } else {
      j.null("latitude");
      j.null("longitude");
    }
    j.string("name", text_of(p.who->first, " ", p.who->last));
    j.string("country_code", p.where->country_code);
    j.string_or_null("province_code", p.town->province_code);
    j.end_object();
  }

  void write_customer(json_builder& j, const order& o) {
    j.key("customer");
    if (!o.has_customer) {
      j.null();
      return;
    }
    const person_info& p = o.buyer;
    j.begin_object();
    j.integer("id", o.customer_id);
    if (o.customer_email) {
      j.string("email", email(p, o.customer_id));
    } else if (o.customer_email_key) {
      j.null("email");
    }
    if (o.legacy) j.boolean("accepts_marketing", (o.tokens[1] & 1) != 0);
    const std::int64_t since = o.created - static_cast<std::int64_t>(o.tokens[0] % 40'000'000);
    j.string("created_at", time_text(since, o.offset_min));
    j.string("updated_at", time_text(o.created, o.offset_min));
    j.string("first_name", p.who->first);
    j.string("last_name", p.who->last);
    if (o.legacy) {
      j.integer("orders_count", o.tokens[2] % 12);
    }
    j.string("state", o.tokens[0] % 3 == 0 ? "enabled" : "disabled");
    if (o.legacy) {
      j.string("total_spent", shop_money(o, o.total * static_cast<std::int64_t>(o.tokens[2] % 12)));
      j.null("last_order_id");
    }
    j.null("note");
    j.boolean("verified_email", true);
    j.null("multipass_identifier");
    j.boolean("tax_exempt", false);
    if (p.has_phone) {
      j.string("phone", phone_text(p));
    } else {
      j.null("phone");
    }
    if (o.legacy) {
      j.string("tags", "");
      j.null("last_order_name");
    } else {
      j.key("email_marketing_consent");
      j.begin_object();
      j.string("state", (o.tokens[1] & 1) != 0 ? "subscribed" : "not_subscribed");
      j.string("opt_in_level", "single_opt_in");
      j.null("consent_updated_at");
      j.end_object();
      j.null("sms_marketing_consent");
      j.string("tags", o.tag_count > 0 ? shopify_data::tags[static_cast<std::size_t>(o.tag_start)]
                                       : std::string_view{});
    }
    j.string("currency", o.money->code);
    j.empty_array("tax_exemptions");
    j.string("admin_graphql_api_id", text_with_number("gid://shopify/Customer/", o.customer_id));
    j.key("default_address");
    j.begin_object();
    j.integer("id", o.customer_id + 1'000'000);
    j.integer("customer_id", o.customer_id);
    j.string("first_name", p.who->first);
    j.string("last_name", p.who->last);
    j.null("company");
    j.string("address1", street_line(p));
    j.string("address2", "");
    j.string("city", p.town->name);
    j.string_or_null("province", p.town->province);
    j.string("country", p.where->country);
    j.string("zip", p.town->zip);
    if (p.has_phone) {
      j.string("phone", phone_text(p));
    } else {
      j.null("phone");
    }
    j.string("name", text_of(p.who->first, " ", p.who->last));
    j.string_or_null("province_code", p.town->province_code);
    j.string("country_code", p.where->country_code);
    j.string("country_name", p.where->country);
    j.boolean("default", true);
    j.end_object();
    j.end_object();
  }

  std::string_view tracking_number(const fulfillment& f, int i) {
    const auto seed = static_cast<std::uint64_t>(f.id) * 2'654'435'761u + static_cast<unsigned>(i);
    const std::string_view carrier = f.company;
    text_.clear();
    char buf[24];
    if (carrier == "UPS") {
      text_.append("1Z").append(hex_token(static_cast<std::int64_t>(seed), 7, 16));
      for (char& c : text_) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    } else if (carrier == "Royal Mail") {
      text_.append("RM").append(buf,
                                std::to_chars(buf, buf + sizeof buf, seed % 1'000'000'000).ptr);
      text_.append("GB");
    } else {
      text_.append("9400").append(
          buf, std::to_chars(buf, buf + sizeof buf, seed % 10'000'000'000'000'000u).ptr);
    }
    return text_;
  }

  std::string_view tracking_url(const fulfillment& f, std::string_view number) {
    url_.clear();
    if (f.company == "UPS") {
      url_.append("https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=");
    } else if (f.company == "USPS") {
      url_.append("https://tools.usps.com/go/TrackConfirmAction?tLabels=");
    } else if (f.company == "FedEx") {
      url_.append("https://www.fedex.com/fedextrack/?trknbr=");
    } else if (f.company == "DHL Express") {
      url_.append("https://www.dhl.com/en/express/tracking.html?AWB=");
    } else if (f.company == "Royal Mail") {
      url_.append("https://www.royalmail.com/track-your-item#/tracking-results/");
    } else {
      url_.append("https://track.example/parcel?id=");
    }
    url_.append(number);
    return url_;
  }

  void write_fulfillment(json_builder& j, const order& o, std::size_t index) {
    const fulfillment& f = o.fulfillments[index];
    j.begin_object();
    j.integer("id", f.id);
    if (!o.legacy) {
      j.string("admin_graphql_api_id", text_with_number("gid://shopify/Fulfillment/", f.id));
    }
    j.string("created_at", time_text(f.created, o.offset_min));
    j.integer("location_id", 24'826'418);
    {
      text_.clear();
      text_.append(o.shop->order_prefix);
      char buf[24];
      text_.append(buf, std::to_chars(buf, buf + sizeof buf, o.number + 1000).ptr);
      text_.push_back('.');
      text_.append(buf, std::to_chars(buf, buf + sizeof buf, index + 1).ptr);
      j.string("name", text_);
    }
    j.integer("order_id", o.id);
    j.empty_object("origin_address");
    j.empty_object("receipt");
    j.string("service", "manual");
    j.string_or_null("shipment_status", f.shipment_status);
    j.string("status", f.status);
    j.string_or_null("tracking_company", f.company);
    // Numbers and URLs: written twice (the legacy single fields, then the
    // lists), so keep copies.
    std::string numbers[3], urls[3];
    for (int i = 0; i < f.tracking_count; ++i) {
      numbers[i] = tracking_number(f, i);
      urls[i] = tracking_url(f, numbers[i]);
    }
    j.string_or_null("tracking_number", f.tracking_count > 0 ? std::string_view(numbers[0]) : "");
    j.key("tracking_numbers");
    j.begin_array();
    for (int i = 0; i < f.tracking_count; ++i) j.string(numbers[i]);
    j.end_array();
    j.string_or_null("tracking_url", f.tracking_count > 0 ? std::string_view(urls[0]) : "");
    j.key("tracking_urls");
    j.begin_array();
    for (int i = 0; i < f.tracking_count; ++i) j.string(urls[i]);
    j.end_array();
    j.string("updated_at", time_text(f.created + 3'600, o.offset_min));
    j.key("line_items");
    j.begin_array();
    for (const item& it : o.items) {
      if (it.fulfillment == static_cast<int>(index)) write_line_item(j, o, it);
    }
    j.end_array();
    j.end_object();
  }

  void write_line_item(json_builder& j, const order& o, const item& it) {
    const shopify_data::product& p = *it.product;
    const std::string_view variant = p.variants[it.variant];
    const bool fulfilled = it.fulfillment >= 0;
    j.begin_object();
    j.integer("id", it.id);
    if (!o.legacy) {
      j.string("admin_graphql_api_id", text_with_number("gid://shopify/LineItem/", it.id));
      j.empty_array("attributed_staffs");
      j.integer("current_quantity", o.financial == "refunded" ? 0 : it.quantity);
    }
    j.integer("fulfillable_quantity", fulfilled || o.cancelled != 0 ? 0 : it.quantity);
    j.string("fulfillment_service", "manual");
    j.string_or_null("fulfillment_status", fulfilled ? "fulfilled" : "");
    j.boolean("gift_card", p.gift_card);
    j.integer("grams", p.grams);
    if (variant == "Default Title") {
      j.string("name", p.title);
    } else {
      j.string("name", text_of(p.title, " - ", variant));
    }
    j.string("price", shop_money(o, it.price));
    if (!o.legacy) money_set(j, o, "price_set", it.price);
    j.boolean("product_exists", it.product_id % 17 != 0);
    j.integer("product_id", it.product_id);
    j.key("properties");
    j.begin_array();
    if (it.has_properties) {
      j.begin_object();
      j.string("name", "Engraving");
      j.string("value", "Für Oma ❤ \"Love\"");
      j.end_object();
    }
    j.end_array();
    j.integer("quantity", it.quantity);
    j.boolean("requires_shipping", !p.gift_card);
    if (p.sku.empty()) {
      if (it.id % 2 == 0) {
        j.null("sku");
      } else {
        j.string("sku", "");
      }
    } else {
      j.string("sku",
               text_with_number(text_of(p.sku, "-"), static_cast<std::int64_t>(it.variant) + 1));
    }
    j.boolean("taxable", !p.gift_card);
    j.string("title", p.title);
    j.string("total_discount", shop_money(o, 0));
    if (!o.legacy) money_set(j, o, "total_discount_set", 0);
    j.integer("variant_id", it.variant_id);
    j.string_or_null("variant_inventory_management", p.gift_card ? "" : "shopify");
    j.string_or_null("variant_title", variant == "Default Title" ? "" : variant);
    j.string("vendor", p.vendor);
    j.key("tax_lines");
    j.begin_array();
    if (it.tax != 0) write_tax_line(j, o, it.tax);
    j.end_array();
    if (!o.legacy) j.empty_array("duties");
    j.key("discount_allocations");
    j.begin_array();
    if (it.discount != 0) {
      j.begin_object();
      j.string("amount", shop_money(o, it.discount));
      if (!o.legacy) money_set(j, o, "amount_set", it.discount);
      j.integer("discount_application_index", 0);
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }

  void write_refunds(json_builder& j, const order& o) {
    j.key("refunds");
    j.begin_array();
    if (o.refunded != 0) {
      const std::int64_t refund_id = o.id + 77;
      const std::int64_t at = o.updated;
      j.begin_object();
      j.integer("id", refund_id);
      j.string("admin_graphql_api_id", text_with_number("gid://shopify/Refund/", refund_id));
      j.string("created_at", time_text(at, o.offset_min));
      j.string_or_null("note", o.financial == "refunded" ? "Customer changed their mind" : "");
      j.integer("order_id", o.id);
      j.string("processed_at", time_text(at, o.offset_min));
      j.boolean("restock", o.fulfillment_status == "restocked");
      j.null("total_duties_set");
      j.integer("user_id", 7'201'112'345);
      j.empty_array("order_adjustments");
      j.key("transactions");
      j.begin_array();
      j.begin_object();
      j.integer("id", refund_id + 11);
      j.string("admin_graphql_api_id",
               text_with_number("gid://shopify/OrderTransaction/", refund_id + 11));
      j.string("amount", shop_money(o, o.refunded));
      j.null("authorization");
      j.string("created_at", time_text(at, o.offset_min));
      j.string("currency", o.money->code);
      j.null("device_id");
      j.null("error_code");
      j.string("gateway", "shopify_payments");
      j.string("kind", "refund");
      j.null("location_id");
      j.null("message");
      j.integer("order_id", o.id);
      j.integer("parent_id", refund_id + 5);
      j.string("payment_id", text_with_number("c", o.id, ".2"));
      j.string("processed_at", time_text(at, o.offset_min));
      j.empty_object("receipt");
      j.string("source_name", "1830279");
      j.string("status", "success");
      j.boolean("test", o.test);
      j.null("user_id");
      j.end_object();
      j.end_array();
      j.key("refund_line_items");
      j.begin_array();
      const item& first = o.items.front();
      j.begin_object();
      j.integer("id", first.id + 3);
      j.integer("line_item_id", first.id);
      j.null("location_id");
      j.integer("quantity", 1);
      j.string("restock_type", o.fulfillment_status == "restocked" ? "cancel" : "no_restock");
      // JSON numbers, unlike every other amount (quirk in the research notes).
      j.number("subtotal", float_text(first.price * 100 / pow10(o.money->decimals)));
      if (!o.legacy) money_set(j, o, "subtotal_set", first.price);
      j.number("total_tax",
               float_text(first.tax / first.quantity * 100 / pow10(o.money->decimals)));
      if (!o.legacy) money_set(j, o, "total_tax_set", first.tax / first.quantity);
      j.end_object();
      j.end_array();
      j.empty_array("duties");
      j.end_object();
    }
    j.end_array();
  }

  static constexpr std::int64_t pow10(int n) {
    std::int64_t v = 1;
    for (int i = 0; i < n; ++i) v *= 10;
    return v;
  }

  void write_shipping_lines(json_builder& j, const order& o) {
    j.key("shipping_lines");
    j.begin_array();
    static constexpr std::string_view titles[] = {"Standard Shipping", "Express", "Free Shipping",
                                                  "Retrait en magasin"};
    for (int i = 0; i < o.shipping_line_count; ++i) {
      const std::int64_t price = o.shipping_lines[i];
      const std::string_view title =
          price == 0 ? titles[2] : titles[static_cast<std::size_t>(o.tokens[i] & 1)];
      j.begin_object();
      j.integer("id", o.id / 2 + i);
      j.null("carrier_identifier");
      j.string("code", title);
      if (!o.legacy) {
        money_set(j, o, "current_discounted_price_set", price);
        j.string("discounted_price", shop_money(o, price));
        money_set(j, o, "discounted_price_set", price);
        j.boolean("is_removed", false);
      }
      j.null("phone");
      j.string("price", shop_money(o, price));
      if (!o.legacy) money_set(j, o, "price_set", price);
      j.null("requested_fulfillment_service_id");
      j.string("source", "shopify");
      j.string("title", title);
      j.empty_array("tax_lines");
      j.empty_array("discount_allocations");
      j.end_object();
    }
    j.end_array();
  }

  // -------------------------------------------------------------------------
  // The three shapes of one description.

  void write_rest(const order& o, std::string& out) {
    json_builder j(out);
    j.set_mode(o.escape_ascii, o.escape_slash, o.upper_hex);
    write_order(j, o);
  }

  void write_graphql(const order& o, std::string& out) {
    json_builder j(out);
    write_graphql_order(j, o, false);
  }

  std::size_t write_bulk(const order& o, std::string& out) {
    {
      json_builder j(out);
      j.set_mode(false, o.bulk_slash, false);
      write_graphql_order(j, o, true);
    }
    out.push_back('\n');
    for (const item& it : o.items) {
      json_builder j(out);
      j.set_mode(false, it.bulk_slash, false);
      write_graphql_line_item(j, o, it, true);
      out.push_back('\n');
    }
    return o.items.size() + 1;
  }

  // -------------------------------------------------------------------------
  // Writing, as the GraphQL Admin API answers a query for these fields (in
  // the query's order). Each fact the converter maps is the REST order's:
  // comments say where GraphQL cannot say it the REST way.

  std::string_view gid(std::string_view type, std::int64_t id) {
    text_.assign("gid://shopify/").append(type).push_back('/');
    char buf[24];
    text_.append(buf, std::to_chars(buf, buf + sizeof buf, id).ptr);
    return text_;
  }

  // "2024-05-11T13:49:17Z": GraphQL's DateTime is always UTC.
  std::string_view utc_text(std::int64_t utc) {
    std::string_view t = time_text(utc, 0);
    scratch_[t.size() - 6] = 'Z';  // "+00:00" -> "Z"
    return t.substr(0, t.size() - 5);
  }
  void utc_or_null(json_builder& j, std::string_view k, std::int64_t utc) {
    if (utc != 0) {
      j.string(k, utc_text(utc));
    } else {
      j.null(k);
    }
  }

  // "partially_refunded" -> "PARTIALLY_REFUNDED" (GraphQL enums).
  std::string_view upper(std::string_view v) {
    upper_.assign(v);
    for (char& c : upper_) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    return upper_;
  }

  std::string_view graphql_money(const order& o, const currency& c, std::int64_t minor) {
    return money_text(minor, c.decimals, o.graphql_exact ? money_style::exact : money_style::ruby);
  }
  // A MoneyBag: {"shopMoney":{...},"presentmentMoney":{...}}.
  void graphql_money_set(json_builder& j, const order& o, std::string_view k, std::int64_t minor) {
    j.key(k);
    j.begin_object();
    j.key("shopMoney");
    j.begin_object();
    j.string("amount", graphql_money(o, *o.money, minor));
    j.string("currencyCode", o.money->code);
    j.end_object();
    j.key("presentmentMoney");
    j.begin_object();
    std::int64_t presented = minor;
    if (o.presentment != o.money) {
      presented = minor * o.presentment->per_usd_cent_x10000 / o.money->per_usd_cent_x10000;
    }
    j.string("amount", graphql_money(o, *o.presentment, presented));
    j.string("currencyCode", o.presentment->code);
    j.end_object();
    j.end_object();
  }
  // A MoneyBag, or for the few orders of an older query its deprecated
  // scalar twin (shop money as a Decimal string).
  void graphql_money_field(json_builder& j, const order& o, std::string_view scalar_k,
                           std::string_view set_k, std::int64_t minor) {
    if (o.graphql_scalars) {
      j.string(scalar_k, graphql_money(o, *o.money, minor));
    } else {
      graphql_money_set(j, o, set_k, minor);
    }
  }

  // The REST name, or the other shop formats a name takes; its first run of
  // digits is always REST's order_number.
  std::string_view graphql_name(const order& o) {
    switch (o.graphql_name) {
      case 1:
        return text_with_number("HCDEV#", o.number + 1000);
      case 2:
        return text_with_number("", o.number + 1000, "-A");
      case 3:
        return text_with_number("#", o.number + 1000, "-R");
      default:
        return text_with_number(o.shop->order_prefix, o.number + 1000);
    }
  }

  void write_graphql_order(json_builder& j, const order& o, bool bulk) {
    using namespace shopify_data;
    j.begin_object();
    j.string("id", gid("Order", o.id));
    j.string("legacyResourceId", text_with_number("", o.id));  // UnsignedInt64: a string
    j.string("name", graphql_name(o));
    j.string("createdAt", utc_text(o.created));
    j.string("updatedAt", utc_text(o.updated));
    j.string("processedAt", utc_text(o.created));
    j.boolean("closed", o.closed != 0);
    utc_or_null(j, "closedAt", o.closed);
    utc_or_null(j, "cancelledAt", o.cancelled);
    j.string_or_null("cancelReason", o.cancel_reason.empty() ? "" : upper(o.cancel_reason));
    j.boolean("test", o.test);
    if (o.has_customer || o.guest_email) {
      j.string("email", email(o.buyer, o.customer_id));
    } else {
      j.null("email");
    }
    if (o.has_customer && o.buyer.has_phone) {
      j.string("phone", phone_text(o.buyer));
    } else {
      j.null("phone");
    }
    j.string("currencyCode", o.money->code);
    j.string("presentmentCurrencyCode", o.presentment->code);
    j.string("displayFinancialStatus", upper(o.financial));
    // REST's null fulfillment_status is UNFULFILLED; "partial" is
    // PARTIALLY_FULFILLED.
    std::string_view display = "UNFULFILLED";
    if (o.fulfillment_status == "partial") {
      display = "PARTIALLY_FULFILLED";
    } else if (!o.fulfillment_status.empty()) {
      display = upper(o.fulfillment_status);
    }
    j.string("displayFulfillmentStatus", display);
    j.boolean("confirmed", true);
    j.boolean("taxesIncluded", o.home->taxes_included);
    if (o.note >= 0) {
      j.string("note", notes[static_cast<std::size_t>(o.note)]);
    } else {
      j.null("note");
    }
    j.key("tags");  // a list, where REST has one comma-separated string
    j.begin_array();
    for (int i = 0; i < o.tag_count; ++i) {
      j.string(tags[static_cast<std::size_t>(o.tag_start + i) % std::size(tags)]);
    }
    j.end_array();
    j.key("customAttributes");
    j.begin_array();
    for (int i = 0; i < o.attribute_count; ++i) {
      const std::size_t k = static_cast<std::size_t>(o.attribute_start + i);
      j.begin_object();
      j.string("key", attribute_names[k % std::size(attribute_names)]);
      j.string("value", attribute_values[(k * 3 + static_cast<std::size_t>(o.number)) %
                                         std::size(attribute_values)]);
      j.end_object();
    }
    j.end_array();
    graphql_money_field(j, o, "subtotalPrice", "subtotalPriceSet", o.subtotal);
    graphql_money_field(j, o, "totalPrice", "totalPriceSet", o.total);
    graphql_money_field(j, o, "totalTax", "totalTaxSet", o.tax);
    graphql_money_field(j, o, "totalDiscounts", "totalDiscountsSet", o.discount_total);
    // REST without *_set has no total shipping but the sum of its
    // shipping_lines, which the converter takes: the same sum here. With no
    // shipping line that sum is no value at all, so the field is left out
    // (a query that did not ask for it) rather than given as 0.
    if (!o.legacy || o.shipping_line_count > 0) {
      graphql_money_set(j, o, "totalShippingPriceSet", o.shipping);
    }
    write_graphql_customer(j, o);
    write_graphql_address(j, "billingAddress", o.has_billing, o.buyer);
    write_graphql_address(j, "shippingAddress", o.has_shipping, o.recipient);
    if (!bulk) {
      // A connection: bulk exports write its nodes as lines of their own.
      j.key("lineItems");
      j.begin_object();
      j.key(o.graphql_edges ? "edges" : "nodes");
      j.begin_array();
      for (const item& it : o.items) {
        if (o.graphql_edges) {
          j.begin_object();
          j.key("node");
        }
        write_graphql_line_item(j, o, it, false);
        if (o.graphql_edges) j.end_object();
      }
      j.end_array();
      j.end_object();
    }
    j.key("fulfillments");  // a plain list, not a connection
    j.begin_array();
    for (std::size_t f = 0; f < o.fulfillments.size(); ++f) write_graphql_fulfillment(j, o, f);
    j.end_array();
    j.end_object();
  }

  void write_graphql_customer(json_builder& j, const order& o) {
    j.key("customer");
    if (!o.has_customer) {
      j.null();
      return;
    }
    const person_info& p = o.buyer;
    j.begin_object();
    j.string("id", gid("Customer", o.customer_id));
    j.string("firstName", p.who->first);
    j.string("lastName", p.who->last);
    // REST sometimes leaves the customer's email out, and the converter then
    // takes the order's, which is this same address; GraphQL always has it.
    j.string("email", email(p, o.customer_id));
    if (p.has_phone) {
      j.string("phone", phone_text(p));
    } else {
      j.null("phone");
    }
    j.end_object();
  }

  void write_graphql_address(json_builder& j, std::string_view k, bool present,
                             const person_info& p) {
    j.key(k);
    if (!present) {
      j.null();
      return;
    }
    j.begin_object();
    j.string("firstName", p.who->first);
    j.string("lastName", p.who->last);
    if (p.has_company) {
      j.string("company", "Société Générale de Café");
    } else {
      j.null("company");
    }
    j.string("address1", street_line(p));
    if (p.has_address2) {
      j.string("address2", text_with_number("Apt ", p.house % 97 + 1));
    } else {
      j.null("address2");
    }
    j.string("city", p.town->name);
    j.string_or_null("province", p.town->province);
    // Left out where REST's province_code is null: `province` alone.
    if (!p.town->province_code.empty()) j.string("provinceCode", p.town->province_code);
    j.string("zip", p.town->zip);
    j.string("country", p.where->country);
    j.string("countryCodeV2", p.where->country_code);
    if (p.has_phone) {
      j.string("phone", phone_text(p));
    } else {
      j.null("phone");
    }
    j.end_object();
  }

  void write_graphql_line_item(json_builder& j, const order& o, const item& it, bool bulk) {
    const shopify_data::product& p = *it.product;
    const std::string_view variant = p.variants[it.variant];
    j.begin_object();
    j.string("id", gid("LineItem", it.id));
    if (variant == "Default Title") {
      j.string("name", p.title);
    } else {
      j.string("name", text_of(p.title, " - ", variant));
    }
    if (!it.graphql_name_only) j.string("title", p.title);
    if (p.sku.empty()) {
      if (it.id % 2 == 0) {
        j.null("sku");
      } else {
        j.string("sku", "");
      }
    } else {
      j.string("sku",
               text_with_number(text_of(p.sku, "-"), static_cast<std::int64_t>(it.variant) + 1));
    }
    j.integer("quantity", it.quantity);
    j.string_or_null("variantTitle", variant == "Default Title" ? "" : variant);
    j.string("vendor", p.vendor);
    j.boolean("requiresShipping", !p.gift_card);
    graphql_money_set(j, o, "originalUnitPriceSet", it.price);
    j.key("variant");
    j.begin_object();
    j.string("id", gid("ProductVariant", it.variant_id));
    j.end_object();
    j.key("product");
    j.begin_object();
    j.string("id", gid("Product", it.product_id));
    j.end_object();
    if (bulk) j.string("__parentId", gid("Order", o.id));  // last, as Shopify writes it
    j.end_object();
  }

  void write_graphql_fulfillment(json_builder& j, const order& o, std::size_t index) {
    const fulfillment& f = o.fulfillments[index];
    j.begin_object();
    j.string("id", gid("Fulfillment", f.id));
    {
      text_.assign(o.shop->order_prefix);
      char buf[24];
      text_.append(buf, std::to_chars(buf, buf + sizeof buf, o.number + 1000).ptr);
      text_.push_back('.');
      text_.append(buf, std::to_chars(buf, buf + sizeof buf, index + 1).ptr);
      j.string("name", text_);
    }
    j.string("status", upper(f.status));
    // FulfillmentDisplayStatus: REST's shipment_status in upper case; null
    // where REST's is null.
    j.string_or_null("displayStatus", f.shipment_status.empty() ? "" : upper(f.shipment_status));
    j.string("createdAt", utc_text(f.created));
    j.string("updatedAt", utc_text(f.created + 3'600));
    // One entry per REST tracking_numbers[i] / tracking_urls[i].
    j.key("trackingInfo");
    j.begin_array();
    for (int i = 0; i < f.tracking_count; ++i) {
      j.begin_object();
      j.string_or_null("company", f.company);
      const std::string_view number = tracking_number(f, i);
      j.string("number", number);
      j.string("url", tracking_url(f, number));
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }

  splitmix64 rng_;
  splitmix64 shape_rng_;
  order current_{};
  std::uint64_t orders_ = 0;
  std::int64_t next_order_id_ = 0;
  std::int64_t next_line_id_ = 0;
  std::int64_t next_other_id_ = 0;
  std::int64_t clock_ = 0;
  char scratch_[64] = {};
  std::string text_;
  std::string url_;
  std::string upper_;
};

// GraphQL Admin API query responses for the same orders, one page a line:
//   {"data":{"orders":{"edges":[{"node":{...}},...],"pageInfo":{"hasNextPage":true,
//    "endCursor":"..."}}},"extensions":{"cost":{...}}}
// up to page_size orders a page; pages alternate between the `edges` form
// and the `nodes` form ({"nodes":[{...},...]}), both of which queries use.
//
//   ordernorm_bench::shopify_graphql_pages pages(42);
//   std::string out;
//   for (int i = 0; i < 120; ++i) pages.append_order(out);
//   pages.finish(out);  // three pages: 50, 50 and 20 orders
class shopify_graphql_pages {
 public:
  static constexpr std::size_t page_size = 50;

  explicit shopify_graphql_pages(std::uint64_t seed) : gen_(seed) {}

  // Appends the next order, opening a page first, or closing a full one
  // (with hasNextPage true, since an order follows) and opening the next.
  // Returns the bytes appended.
  std::size_t append_order(std::string& out) {
    const std::size_t before = out.size();
    if (in_page_ == page_size) close_page(out, true);
    if (in_page_ == 0) {
      edges_ = pages_ % 2 == 0;
      out.append(edges_ ? R"({"data":{"orders":{"edges":[)" : R"({"data":{"orders":{"nodes":[)");
    } else {
      out.push_back(',');
    }
    if (edges_) out.append(R"({"node":)");
    gen_.append_graphql_order(out);
    if (edges_) out.push_back('}');
    last_id_ = gen_.last_order_id();
    ++in_page_;
    return out.size() - before;
  }

  // Closes the last page (hasNextPage false). Nothing when no order was
  // appended: a query with no orders is not what this writes.
  void finish(std::string& out) {
    if (in_page_ != 0) close_page(out, false);
  }

 private:
  void close_page(std::string& out, bool has_next) {
    out.append(R"(],"pageInfo":{"hasNextPage":)");
    out.append(has_next ? "true" : "false");
    out.append(R"(,"endCursor":")");
    cursor(out);
    // Plausible costs (Shopify charges per object returned): 752 requested
    // for a full page, 2 + 12 per order returned.
    out.append(R"("}}},"extensions":{"cost":{"requestedQueryCost":752,"actualQueryCost":)");
    const std::size_t actual = 2 + in_page_ * 12;
    out.append(std::to_string(actual));
    out.append(R"(,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":)");
    out.append(std::to_string(2000 - actual));
    out.append(R"(,"restoreRate":100.0}}}})");
    out.push_back('\n');
    in_page_ = 0;
    ++pages_;
  }

  // Shopify's cursors are base64 of a small JSON object naming the last row.
  void cursor(std::string& out) const {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const std::string id = std::to_string(last_id_);
    const std::string plain = R"({"last_id":)" + id + R"(,"last_value":")" + id + "\"}";
    std::size_t i = 0;
    for (; i + 3 <= plain.size(); i += 3) {
      const unsigned v = static_cast<unsigned char>(plain[i]) << 16 |
                         static_cast<unsigned char>(plain[i + 1]) << 8 |
                         static_cast<unsigned char>(plain[i + 2]);
      for (int k = 18; k >= 0; k -= 6) out.push_back(alphabet[(v >> k) & 63]);
    }
    if (i < plain.size()) {
      const bool two = i + 1 < plain.size();
      const unsigned v = static_cast<unsigned char>(plain[i]) << 16 |
                         (two ? static_cast<unsigned char>(plain[i + 1]) << 8 : 0u);
      out.push_back(alphabet[(v >> 18) & 63]);
      out.push_back(alphabet[(v >> 12) & 63]);
      out.push_back(two ? alphabet[(v >> 6) & 63] : '=');
      out.push_back('=');
    }
  }

  shopify_generator gen_;
  std::size_t in_page_ = 0;
  std::uint64_t pages_ = 0;
  bool edges_ = true;
  std::int64_t last_id_ = 0;
};

// The same orders as a Bulk Operation's JSONL result: for each order its
// Order line (no lineItems), then a line per line item whose last member is
// "__parentId":"gid://shopify/Order/<n>". About 20% of the lines escape '/'
// ("gid:\/\/shopify\/Order\/1"), as some of Shopify's writers do.
//
// grouped: each order's line items follow it at once. interleaved: Shopify
// promises only that a child comes after its parent, so the child lines move
// later, among the next orders' lines, by this rule (deterministic from the
// seed, independent of the REST and GraphQL draws):
// - the first line item of order k is written right after the Order line of
//   order k + d, d drawn in 0..max_delay (0 a quarter of the time, else
//   uniform in 1..max_delay); each further line item of the same order
//   after order k + min(max_delay, d' + r), r in 0..2, d' its elder
//   sibling's delay, so siblings keep their order (the converter lists line
//   items in the order they come);
// - lines due after the same order come in the order they were drawn, after
//   that order's own Order line;
// - finish() writes the lines still due, in due order.
// So every child is at most max_delay orders after its parent, and the
// interleaved output is a permutation of the lines of the grouped one.
//
//   ordernorm_bench::shopify_bulk_export bulk(42, ordernorm_bench::bulk_layout::interleaved);
//   std::string out;
//   for (int i = 0; i < 1000; ++i) bulk.append_order(out);
//   bulk.finish(out);
enum class bulk_layout : std::uint8_t { grouped, interleaved };

class shopify_bulk_export {
 public:
  static constexpr std::uint64_t max_delay = 64;

  shopify_bulk_export(std::uint64_t seed, bulk_layout layout)
      : gen_(seed), delay_rng_(seed ^ 0x4255'4C4B'0000'0015ull), layout_(layout) {}

  // Appends the next order's lines (interleaved: its Order line and the
  // earlier orders' lines now due). Returns the bytes of this order's own
  // lines, written now or later, so that a byte budget picks the same orders
  // in both layouts.
  std::size_t append_order(std::string& out) {
    if (layout_ == bulk_layout::grouped) {
      const std::size_t before = out.size();
      gen_.append_bulk_order(out);
      return out.size() - before;
    }
    lines_.clear();
    gen_.append_bulk_order(lines_);
    const std::size_t parent_end = lines_.find('\n') + 1;
    out.append(lines_, 0, parent_end);
    std::uint64_t delay = 0;
    bool first = true;
    for (std::size_t at = parent_end; at < lines_.size();) {
      const std::size_t end = lines_.find('\n', at) + 1;
      if (first) {
        delay = delay_rng_.percent(25) ? 0 : 1 + delay_rng_.below(max_delay);
        first = false;
      } else {
        delay += delay_rng_.below(3);
        if (delay > max_delay) delay = max_delay;
      }
      due_[(index_ + delay) % due_.size()].append(lines_, at, end - at);
      at = end;
    }
    flush_due(out, index_);
    ++index_;
    return lines_.size();
  }

  // Writes the lines still due (interleaved only).
  void finish(std::string& out) {
    for (std::uint64_t k = index_; k < index_ + max_delay; ++k) flush_due(out, k);
  }

 private:
  void flush_due(std::string& out, std::uint64_t k) {
    std::string& lines = due_[k % due_.size()];
    out.append(lines);
    lines.clear();
  }

  shopify_generator gen_;
  splitmix64 delay_rng_;
  bulk_layout layout_;
  std::uint64_t index_ = 0;
  std::string lines_;
  // Lines due after order k wait in due_[k % (max_delay + 1)]: a slot is
  // written out before any later order can be due in it again.
  std::array<std::string, max_delay + 1> due_;
};

}  // namespace ordernorm_bench
