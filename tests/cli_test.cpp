// The command line, run as a user would: exit codes, rejects file, formats,
// standard input, determinism; and the README's promises about it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::testing::read_file;

namespace {

const std::string cli = ORDERNORM_CLI;
const fs::path source_dir = ORDERNORM_SOURCE_DIR;

struct run_result {
  int status = -1;
  std::string out;
};

run_result run(const std::string& args) {
  run_result r;
  const std::string command = cli + " " + args;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / ("ordernorm_cli_test_" + name)).string();
}

std::size_t count_lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

const std::string examples = (source_dir / "examples").string();

TEST(Cli, ConvertsTheExamplesAndExitsZero) {
  const run_result r = run("convert " + examples + "/shopify-order.json " + examples +
                           "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 4u);
  EXPECT_NE(r.out.find("\"orderNumber\":\"1042\""), std::string::npos);
}

TEST(Cli, RejectedRecordGivesExitOneAndARejectsLine) {
  const std::string rejects = temp_path("rejects.ndjson");
  const run_result r = run("convert " + examples + "/shopify-with-bad-record.ndjson --rejects " +
                           rejects + " 2>/dev/null");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(count_lines(r.out), 1u) << "the good record still converts";
  EXPECT_EQ(read_file(rejects),
            "{\"input\":\"" + examples +
                "/shopify-with-bad-record.ndjson\",\"record\":1,\"offset\":133,\"pointer\":"
                "\"/total_price\",\"code\":\"invalid_money\",\"message\":\"expected a decimal "
                "amount, got \\\"12,50\\\"\"}\n");
  fs::remove(rejects);
}

TEST(Cli, RejectsGoToStandardErrorWithoutARejectsFile) {
  const run_result r =
      run("convert " + examples + "/shopify-with-bad-record.ndjson 2>&1 >/dev/null");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("record 1 (byte 133) at /total_price: invalid_money"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 records: 1 converted, 1 rejected"), std::string::npos) << r.out;
}

TEST(Cli, MissingInputFileIsExitTwo) {
  const run_result r = run("convert /nonexistent/orders.json 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("cannot open"), std::string::npos) << r.out;
}

TEST(Cli, UnknownOptionIsExitTwo) {
  EXPECT_EQ(run("convert --frm shopify 2>/dev/null").status, 2);
  EXPECT_EQ(run("convert --from amazon 2>/dev/null").status, 2);
  EXPECT_EQ(run("frobnicate 2>/dev/null").status, 2);
}

TEST(Cli, JsonFormatWritesOneArray) {
  const run_result r =
      run("convert --format json " + examples + "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.front(), '[');
  EXPECT_EQ(r.out.substr(r.out.size() - 2), "]\n");
  const ordernorm::testing::conversion back = ordernorm::testing::convert_text(r.out);
  EXPECT_EQ(back.records, 3u) << "the array holds three records";
}

TEST(Cli, ReadsStandardInput) {
  const run_result r = run("convert < " + examples + "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 3u);
  const run_result dash = run("convert - < " + examples + "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(dash.out, r.out);
}

TEST(Cli, SameInputGivesTheSameBytes) {
  const std::string args = "convert " + examples + "/shopify-order.json " + examples +
                           "/shopify-orders.ndjson 2>/dev/null";
  const run_result first = run(args);
  const run_result second = run(args);
  EXPECT_EQ(first.out, second.out);
  const run_result reference =
      run("convert --mapper reference " + examples + "/shopify-order.json " + examples +
          "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(reference.out, first.out);
}

TEST(Cli, HelpExplainsTheOptions) {
  const run_result main_help = run("--help");
  EXPECT_EQ(main_help.status, 0);
  EXPECT_NE(main_help.out.find("ordernorm convert"), std::string::npos);
  const run_result help = run("convert --help");
  EXPECT_EQ(help.status, 0);
  for (const char* word : {"--from", "--format", "--rejects", "-o FILE", "Exit status"}) {
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
  }
}

TEST(Cli, WritesToAnOutputFile) {
  const std::string out = temp_path("out.ndjson");
  const run_result r = run("convert -o " + out + " " + examples + "/shopify-orders.ndjson 2>&1");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(read_file(out)), 3u);
  fs::remove(out);
}

TEST(Cli, TrackPrintsEachShipmentWithTheEventThatDecided) {
  const std::string input =
      (source_dir / "tests" / "golden" / "malomo" / "seed_order_delivered.json").string();
  const run_result r = run("track " + input + " 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 1u);
  EXPECT_NE(r.out.find("\"status\":\"delivered\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"decidedBy\":3,\"rule\":\"delivered\"}"), std::string::npos) << r.out;
  const run_result explained = run("track --explain " + input + " 2>/dev/null");
  EXPECT_NE(explained.out.find("\"explain\":[{\"event\":0,\"from\":\"own status\""),
            std::string::npos)
      << explained.out;
}

TEST(Cli, TrackAsOfExpiresALabelNeverScanned) {
  const std::string label =
      R"({"tracking_code":"EZ1","carrier":"USPS","status":"pre_transit","tracking_details":)"
      R"([{"status":"pre_transit","status_detail":"label_created","datetime":"2024-01-02T10:00:00Z"}]})";
  const std::string file = temp_path("label.json");
  std::ofstream(file) << label;
  EXPECT_NE(run("track " + file + " 2>/dev/null").out.find("\"statusDetail\":\"label_created\""),
            std::string::npos);
  EXPECT_NE(run("track --as-of 2024-03-01T00:00:00Z " + file + " 2>/dev/null")
                .out.find("\"statusDetail\":\"expired\""),
            std::string::npos);
  EXPECT_EQ(run("track --as-of yesterday " + file + " 2>/dev/null").status, 2);
  fs::remove(file);
}

// Each limit has its flag; sizes take K/M/G; each gives its own code.
TEST(Cli, LimitFlagsSetTheLimitsAndNameTheirCodes) {
  const std::string file = temp_path("limits.ndjson");
  std::ofstream(file) << R"({"id":1,"financial_status":"paid","email":"a@example.com"})"
                      << "\n"
                      << R"({"id":2,"x":[[[[1]]]]})"
                      << "\n"
                      << R"({"id":3,"note":")" << std::string(3000, 'n') << "\"}\n";
  const run_result defaults = run("convert --from shopify " + file + " 2>/dev/null");
  EXPECT_EQ(defaults.status, 0);
  EXPECT_EQ(count_lines(defaults.out), 3u);

  const std::string rejects = temp_path("limits_rejects.ndjson");
  const run_result limited =
      run("convert --max-string-bytes 4 --max-depth 3 "
          "--max-record-bytes 2K --rejects " +
          rejects + " " + file + " 2>/dev/null");
  EXPECT_EQ(limited.status, 1);
  EXPECT_EQ(count_lines(limited.out), 0u);
  const std::string log = read_file(rejects);
  EXPECT_NE(log.find(R"("record":1,"offset":42,"pointer":"/email","code":"string_too_long")"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find(R"("record":2,"offset":73,"pointer":"","code":"depth_limit_exceeded")"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find(R"("record":3,"offset":82,"pointer":"","code":"record_too_large")"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("--max-record-bytes"), std::string::npos) << log;

  for (const char* bad : {"--max-depth 0", "--max-depth 4K", "--max-string-bytes 12X",
                          "--max-record-bytes", "--max-record-bytes -5"}) {
    EXPECT_EQ(run(std::string("convert ") + bad + " " + file + " 2>/dev/null").status, 2) << bad;
  }
  const run_result help = run("convert --help");
  for (const char* flag : {"--max-record-bytes", "--max-depth", "--max-string-bytes"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
  fs::remove(file);
  fs::remove(rejects);
}

// .ci/run must run the README's test command, word for word.
TEST(Readme, CiRunsTheReadmeTestCommand) {
  const std::string readme = read_file(source_dir / "README.md");
  const std::string ci = read_file(source_dir / ".ci" / "run");
  const std::string marker = "ctest --test-dir build --output-on-failure";
  const std::size_t end = readme.find(marker);
  ASSERT_NE(end, std::string::npos) << "README.md has no test command";
  const std::size_t begin = readme.rfind('\n', end) + 1;
  const std::string command = readme.substr(begin, end + marker.size() - begin);
  EXPECT_NE(ci.find(command + "\n"), std::string::npos) << command;
}

// ===========================================================================
// Input forms (issue 13): compressed files and standard input, jq's streams.
// Self-contained: its own helpers, nothing above depends on it.

// A zstd frame holding `text` in raw (stored) blocks, written by hand so
// that the test needs no zstd tool: magic, a frame header with a 128 KiB
// window, then blocks of at most 128 KiB, the last one flagged.
std::string zstd_stored(const std::string& text) {
  std::string out("\x28\xb5\x2f\xfd\x00\x38", 6);
  std::size_t at = 0;
  do {
    const std::size_t n = std::min<std::size_t>(text.size() - at, 128 << 10);
    const std::uint32_t header =
        static_cast<std::uint32_t>(n << 3) | (at + n == text.size() ? 1u : 0u);
    out += static_cast<char>(header & 0xff);
    out += static_cast<char>((header >> 8) & 0xff);
    out += static_cast<char>((header >> 16) & 0xff);
    out.append(text, at, n);
    at += n;
  } while (at < text.size());
  return out;
}

std::string cli_input_orders() {
  std::string text;
  for (int i = 1; i <= 3; ++i) {
    text += "{\n  \"id\": " + std::to_string(i) +
            ",\n  \"financial_status\": \"paid\",\n  \"total_price\": \"1.00\"\n}\n";
  }
  return text;
}

TEST(CliInput, ConvertsAGzipFile) {
  const std::string plain = temp_path("input.ndjson");
  std::ofstream(plain, std::ios::binary) << read_file(examples + "/shopify-orders.ndjson");
  ASSERT_EQ(std::system(("gzip -c " + plain + " > " + plain + ".gz").c_str()), 0);
  const run_result r = run("convert " + plain + ".gz 2>&1");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, run("convert " + plain + " 2>&1").out);
  EXPECT_NE(r.out.find("records: 3 converted"), std::string::npos) << r.out;
  fs::remove(plain);
  fs::remove(plain + ".gz");
}

TEST(CliInput, ConvertsZstdFromStandardInput) {
  const std::string packed = temp_path("input.zst");
  std::ofstream(packed, std::ios::binary) << zstd_stored(cli_input_orders());
  const run_result r = run("convert - < " + packed + " 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 3u) << r.out;
  // Through a pipe, as `cat x.zst | ordernorm convert -`.
  std::FILE* pipe =
      ::popen(("cat " + packed + " | " + cli + " convert - 2>/dev/null").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string piped;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) piped.append(buf, n);
  EXPECT_EQ(::pclose(pipe), 0);
  EXPECT_EQ(piped, r.out);
  fs::remove(packed);
}

TEST(CliInput, JqPrettyPrintedStreamGivesOneOrderPerDocument) {
  const std::string file = temp_path("pretty-stream.json");
  std::ofstream(file, std::ios::binary) << cli_input_orders();
  const run_result r = run("convert " + file + " 2>&1 >/dev/null");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("3 records: 3 converted, 0 rejected"), std::string::npos) << r.out;
  // The same as RS-delimited texts (jq --seq).
  const std::string orders = cli_input_orders();
  std::string seq;
  for (std::size_t at = 0, next; at < orders.size(); at = next) {
    next = orders.find("}\n", at) + 2;
    seq += '\x1e';
    seq.append(orders, at, next - at);
  }
  std::ofstream(file, std::ios::binary) << seq;
  EXPECT_NE(run("convert " + file + " 2>&1 >/dev/null").out.find("3 records: 3 converted"),
            std::string::npos);
  fs::remove(file);
}

TEST(CliInput, TruncatedCompressedInputExitsTwoWithTheOffset) {
  const std::string packed = temp_path("truncated.zst");
  const std::string whole = zstd_stored(cli_input_orders());
  const std::string cut = whole.substr(0, whole.size() - 10);
  std::ofstream(packed, std::ios::binary) << cut;
  const run_result r = run("convert " + packed + " 2>&1 >/dev/null");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("truncated zstd input"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("compressed byte " + std::to_string(cut.size())), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 records: 2 converted"), std::string::npos) << r.out;
  fs::remove(packed);
}

}  // namespace
