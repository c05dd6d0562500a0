// The command line, run as a user would: exit codes, rejects file, formats,
// standard input, determinism; outputs that never destroy data, warnings,
// the summary, conventions; and the README's promises about it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "ordernorm/version.hpp"

#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::testing::command_result;
using ordernorm::testing::read_file;
using ordernorm::testing::run_shell;
using ordernorm::testing::scratch_dir;

namespace {

const std::string cli = ORDERNORM_CLI;
const fs::path source_dir = ORDERNORM_SOURCE_DIR;

// `ordernorm <args>`: its status, standard output and standard error.
command_result run(const std::string& args) { return run_shell(cli + " " + args); }

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
  const command_result r = run("convert " + examples + "/shopify-order.json " + examples +
                               "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 4u);
  EXPECT_NE(r.out.find("\"orderNumber\":\"1042\""), std::string::npos);
}

TEST(Cli, RejectedRecordGivesExitOneAndARejectsLine) {
  const std::string rejects = temp_path("rejects.ndjson");
  const command_result r =
      run("convert " + examples + "/shopify-with-bad-record.ndjson --rejects " + rejects +
          " 2>/dev/null");
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
  const command_result r =
      run("convert " + examples + "/shopify-with-bad-record.ndjson 2>&1 >/dev/null");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("record 1 (byte 133) at /total_price: invalid_money"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 records: 1 converted, 1 rejected"), std::string::npos) << r.out;
}

TEST(Cli, MissingInputFileIsExitTwo) {
  const command_result r = run("convert /nonexistent/orders.json 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("cannot open"), std::string::npos) << r.out;
}

TEST(Cli, UnknownOptionIsExitTwo) {
  EXPECT_EQ(run("convert --frm shopify 2>/dev/null").status, 2);
  EXPECT_EQ(run("convert --from amazon 2>/dev/null").status, 2);
  EXPECT_EQ(run("frobnicate 2>/dev/null").status, 2);
}

TEST(Cli, JsonFormatWritesOneArray) {
  const command_result r =
      run("convert --format json " + examples + "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.front(), '[');
  EXPECT_EQ(r.out.substr(r.out.size() - 2), "]\n");
  const ordernorm::testing::conversion back = ordernorm::testing::convert_text(r.out);
  EXPECT_EQ(back.records, 3u) << "the array holds three records";
}

TEST(Cli, ReadsStandardInput) {
  const command_result r = run("convert < " + examples + "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 3u);
  const command_result dash = run("convert - < " + examples + "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(dash.out, r.out);
}

TEST(Cli, SameInputGivesTheSameBytes) {
  const std::string args = "convert " + examples + "/shopify-order.json " + examples +
                           "/shopify-orders.ndjson 2>/dev/null";
  const command_result first = run(args);
  const command_result second = run(args);
  EXPECT_EQ(first.out, second.out);
  const command_result reference =
      run("convert --mapper reference " + examples + "/shopify-order.json " + examples +
          "/shopify-orders.ndjson 2>/dev/null");
  EXPECT_EQ(reference.out, first.out);
}

TEST(Cli, HelpExplainsTheOptions) {
  const command_result main_help = run("--help");
  EXPECT_EQ(main_help.status, 0);
  EXPECT_NE(main_help.out.find("ordernorm convert"), std::string::npos);
  const command_result help = run("convert --help");
  EXPECT_EQ(help.status, 0);
  for (const char* word : {"--from", "--format", "--rejects", "-o FILE", "Exit status"}) {
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
  }
}

TEST(Cli, WritesToAnOutputFile) {
  const std::string out = temp_path("out.ndjson");
  const command_result r =
      run("convert -o " + out + " " + examples + "/shopify-orders.ndjson 2>&1");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(read_file(out)), 3u);
  fs::remove(out);
}

TEST(Cli, TrackPrintsEachShipmentWithTheEventThatDecided) {
  const std::string input =
      (source_dir / "tests" / "golden" / "malomo" / "seed_order_delivered.json").string();
  const command_result r = run("track " + input + " 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 1u);
  EXPECT_NE(r.out.find("\"status\":\"delivered\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"decidedBy\":3,\"rule\":\"delivered\"}"), std::string::npos) << r.out;
  const command_result explained = run("track --explain " + input + " 2>/dev/null");
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
  const command_result defaults = run("convert --from shopify " + file + " 2>/dev/null");
  EXPECT_EQ(defaults.status, 0);
  EXPECT_EQ(count_lines(defaults.out), 3u);

  const std::string rejects = temp_path("limits_rejects.ndjson");
  const command_result limited =
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
  const command_result help = run("convert --help");
  for (const char* flag : {"--max-record-bytes", "--max-depth", "--max-string-bytes"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
  fs::remove(file);
  fs::remove(rejects);
}

// ---------------------------------------------------------------------------
// Issue 13: outputs that never destroy data, warnings that can be routed and
// silenced, and the usual command-line conventions.

command_result run_both(const std::string& args) { return run_shell(cli + " " + args); }

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string copy_example(const scratch_dir& dir, const std::string& name) {
  const std::string to = dir / name;
  fs::copy_file(examples + "/" + name, to);
  return to;
}

using names = std::vector<std::string>;

// Two eBay orders: three unexpanded fulfillment links and one amount in
// another currency.
const std::string ebay_base =
    R"("orderId":"12-34567-89012","creationDate":"2024-03-01T10:00:00.000Z",)"
    R"("orderFulfillmentStatus":"NOT_STARTED","orderPaymentStatus":"PAID","lineItems":[]})";
const std::string ebay_with_warnings =
    R"({"fulfillmentHrefs":["https://api.ebay.com/f/1","https://api.ebay.com/f/2"],)"
    R"("pricingSummary":{"total":{"value":"25.0","currency":"USD"}},)" +
    ebay_base + "\n" +
    R"({"fulfillmentHrefs":["https://api.ebay.com/f/3"],"pricingSummary":{"total":)"
    R"({"value":"25.0","currency":"USD"},"deliveryCost":{"value":"5.0","currency":"EUR"}},)" +
    ebay_base + "\n";

TEST(SafeOutput, OutputNamingAnInputIsRefusedAndNothingTouched) {
  scratch_dir dir;
  const std::string input = copy_example(dir, "shopify-orders.ndjson");
  const std::string before = read_file(input);
  fs::create_symlink(input, dir / "link.ndjson");
  for (const std::string& output : {input, dir / "./shopify-orders.ndjson", dir / "link.ndjson"}) {
    for (const char* option : {"-o", "--rejects", "--warnings"}) {
      const command_result r = run_both("convert " + input + " " + option + " " + output);
      EXPECT_EQ(r.status, 2) << option << " " << output;
      EXPECT_EQ(r.out, "") << option << " " << output;
      EXPECT_NE(r.err.find("is the input " + input + ": refusing to overwrite an input"),
                std::string::npos)
          << r.err;
      EXPECT_EQ(read_file(input), before) << option << " " << output;
    }
  }
  EXPECT_EQ(dir.names(), (names{"link.ndjson", "shopify-orders.ndjson"}));

  // Standard output appended to the input would never end; standard input
  // is an input too.
  const command_result appended = run_shell(cli + " convert " + input + " >> " + input);
  EXPECT_EQ(appended.status, 2);
  EXPECT_NE(appended.err.find("-o - (standard output) is the input"), std::string::npos)
      << appended.err;
  const command_result from_stdin = run_shell(cli + " convert -o " + input + " < " + input);
  EXPECT_EQ(from_stdin.status, 2);
  EXPECT_EQ(read_file(input), before);
}

TEST(SafeOutput, SameFileForOutputAndRejectsIsRefused) {
  scratch_dir dir;
  const std::string input = examples + "/shopify-with-bad-record.ndjson";
  const std::string f = dir / "f.ndjson";
  // Not there yet: told apart by path.
  const command_result fresh = run_both("convert " + input + " -o " + f + " --rejects " + f);
  EXPECT_EQ(fresh.status, 2);
  EXPECT_EQ(fresh.err, "ordernorm: -o " + f + " and --rejects " + f +
                           " are the same file: refusing to write both into it\n");
  EXPECT_TRUE(dir.names().empty()) << "nothing created";

  // There already: told apart by device and inode, whatever the spelling.
  write_text(f, "keep me\n");
  for (const std::string& args :
       {"-o " + f + " --rejects " + dir / "./f.ndjson", "--rejects " + f + " --warnings " + f,
        "-o " + f + " --warnings " + f}) {
    EXPECT_EQ(run_both("convert " + input + " " + args).status, 2) << args;
    EXPECT_EQ(read_file(f), "keep me\n") << args;
  }
  EXPECT_EQ(dir.names(), (names{"f.ndjson"}));

  // Standard output twice would interleave too.
  const command_result stdout_twice = run_both("convert " + input + " --rejects -");
  EXPECT_EQ(stdout_twice.status, 2);
  EXPECT_EQ(stdout_twice.out, "");

  // A device is no file to protect: /dev/null takes both.
  const command_result discarded =
      run_both("convert " + input + " -o /dev/null --rejects /dev/null --warnings /dev/null");
  EXPECT_EQ(discarded.status, 1) << discarded.err;
}

TEST(SafeOutput, FailedRunKeepsTheExistingOutputFile) {
  scratch_dir dir;
  const std::string out = dir / "out.ndjson";
  const std::string rejects = dir / "rejects.ndjson";
  write_text(out, "yesterday's orders\n");
  write_text(rejects, "yesterday's rejects\n");
  // Reading /proc/self/mem at offset 0 fails (EIO) after the first input
  // has converted: a read error in the middle of the run.
  const command_result read_error =
      run_both("convert " + examples + "/shopify-with-bad-record.ndjson " + "/proc/self/mem -o " +
               out + " --rejects " + rejects);
  EXPECT_EQ(read_error.status, 2);
  EXPECT_NE(read_error.err.find("/proc/self/mem: read failed"), std::string::npos)
      << read_error.err;
  EXPECT_NE(read_error.err.find(out + " left as it was"), std::string::npos) << read_error.err;
  EXPECT_NE(read_error.err.find("ordernorm: 2 records: 1 converted, 1 rejected\n"),
            std::string::npos)
      << "the summary still says what was read: " << read_error.err;
  EXPECT_EQ(read_file(out), "yesterday's orders\n");
  EXPECT_EQ(read_file(rejects), "yesterday's rejects\n");
  EXPECT_EQ(dir.names(), (names{"out.ndjson", "rejects.ndjson"})) << "no temporary file left";

  // A write error on one output keeps the others as they were, even one
  // finished before it.
  const command_result full = run_both(
      "convert " + examples + "/shopify-with-bad-record.ndjson -o " + out + " --rejects /dev/full");
  EXPECT_EQ(full.status, 2);
  EXPECT_NE(full.err.find("cannot write /dev/full: No space left on device"), std::string::npos)
      << full.err;
  EXPECT_NE(full.err.find(out + " left as it was"), std::string::npos) << full.err;
  EXPECT_EQ(read_file(out), "yesterday's orders\n");
  EXPECT_EQ(dir.names(), (names{"out.ndjson", "rejects.ndjson"}));

  // An output that cannot be opened stops the run before any input is read.
  const command_result no_dir =
      run_both("convert " + examples + "/shopify-orders.ndjson -o " + dir / "no/such/dir.ndjson");
  EXPECT_EQ(no_dir.status, 2);
  EXPECT_EQ(no_dir.out, "");
  EXPECT_NE(no_dir.err.find("No such file or directory"), std::string::npos) << no_dir.err;
}

TEST(SafeOutput, RunWithRejectsReplacesTheFilesKeepingTheirMode) {
  scratch_dir dir;
  const std::string out = dir / "out.ndjson";
  const std::string rejects = dir / "rejects.ndjson";
  write_text(out, "old\n");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  // Exit 1 (some rejected) is a normal end: both files are replaced.
  const command_result r =
      run_shell("umask 022 && " + cli + " convert " + examples +
                "/shopify-with-bad-record.ndjson -o " + out + " --rejects " + rejects);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(count_lines(read_file(out)), 1u);
  EXPECT_NE(read_file(out).find("\"platform\":\"shopify\""), std::string::npos);
  EXPECT_NE(read_file(rejects).find("\"code\":\"invalid_money\""), std::string::npos);
  EXPECT_EQ(fs::status(out).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read)
      << "an existing file keeps its mode";
  EXPECT_EQ(fs::status(rejects).permissions(), fs::perms::owner_read | fs::perms::owner_write |
                                                   fs::perms::group_read | fs::perms::others_read)
      << "a new file gets 0666 less the umask, as opening it would give";
  EXPECT_EQ(dir.names(), (names{"out.ndjson", "rejects.ndjson"}));

  // Through a symbolic link, the file it names is replaced, not the link.
  fs::create_symlink(out, dir / "link.ndjson");
  EXPECT_EQ(
      run_both("convert " + examples + "/shopify-orders.ndjson -o " + dir / "link.ndjson").status,
      0);
  EXPECT_TRUE(fs::is_symlink(dir / "link.ndjson"));
  EXPECT_EQ(count_lines(read_file(out)), 3u);
}

TEST(SafeOutput, InterruptedRunLeavesNoTemporaryFile) {
  scratch_dir dir;
  const std::string out = dir / "out.ndjson";
  const std::string rejects = dir / "rejects.ndjson";
  write_text(out, "yesterday's orders\n");
  int input[2];
  ASSERT_EQ(::pipe(input), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(input[0], STDIN_FILENO);
    ::close(input[0]);
    ::close(input[1]);
    ::execl(cli.c_str(), "ordernorm", "convert", "-o", out.c_str(), "--rejects", rejects.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(input[0]);
  // Standard input stays open: the run waits for it, its temporary files made.
  for (int i = 0; i < 1000 && dir.names().size() < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(dir.names().size(), 3u) << "out.ndjson and two temporary files";
  ::kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ::close(input[1]);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
  EXPECT_EQ(dir.names(), (names{"out.ndjson"}));
  EXPECT_EQ(read_file(out), "yesterday's orders\n");
}

TEST(Warnings, WarningsFileHoldsEveryWarningWithItsCode) {
  scratch_dir dir;
  const std::string input = dir / "ebay.ndjson";
  write_text(input, ebay_with_warnings);
  const std::string warnings = dir / "warnings.ndjson";
  const command_result r = run_both("convert " + input + " --warnings " + warnings);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 2u) << "both orders convert";
  const std::string in = R"({"input":")" + input + R"(",)";
  EXPECT_EQ(
      read_file(warnings),
      in +
          R"("record":1,"offset":0,"pointer":"/fulfillmentHrefs/0","code":"unexpanded_link",)"
          R"("message":"fulfillmentHrefs[0] is an unexpanded link (https://api.ebay.com/f/1): )"
          R"(the order lacks that shipping fulfillment's shipment"})"
          "\n" +
          in +
          R"("record":1,"offset":0,"pointer":"/fulfillmentHrefs/1","code":"unexpanded_link",)"
          R"("message":"fulfillmentHrefs[1] is an unexpanded link (https://api.ebay.com/f/2): )"
          R"(the order lacks that shipping fulfillment's shipment"})"
          "\n" +
          in + R"("record":2,"offset":)" + std::to_string(ebay_with_warnings.find('\n') + 1) +
          R"(,"pointer":"/pricingSummary/deliveryCost","code":"other_currency",)"
          R"("message":"pricingSummary.deliveryCost is in EUR, not the order's currency USD: left out"})"
          "\n" +
          in + R"("record":2,"offset":)" + std::to_string(ebay_with_warnings.find('\n') + 1) +
          R"(,"pointer":"/fulfillmentHrefs/0","code":"unexpanded_link",)"
          R"("message":"fulfillmentHrefs[0] is an unexpanded link (https://api.ebay.com/f/3): )"
          R"(the order lacks that shipping fulfillment's shipment"})"
          "\n");
  EXPECT_EQ(r.err.find("warning:"), std::string::npos) << "none on standard error: " << r.err;
  EXPECT_NE(r.err.find("4 warnings"), std::string::npos) << "but counted: " << r.err;
}

TEST(Warnings, WithoutAFileWarningsGoToStandardErrorWithTheirCode) {
  scratch_dir dir;
  const std::string input = dir / "ebay.ndjson";
  write_text(input, ebay_with_warnings);
  const command_result r = run_both("convert " + input);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("ordernorm: " + input +
                       ": record 1 (byte 0) at /fulfillmentHrefs/0: warning: unexpanded_link: "
                       "fulfillmentHrefs[0] is an unexpanded link"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(count_lines(r.err), 5u) << "four warnings and the summary: " << r.err;
}

// Each platform's warnings carry a code (ordernorm::warning_code), shown
// on golden cases that warn. (Magento's and SFCC's quantity warnings are on
// their way out: fractional quantities are becoming exact decimals.)
TEST(Warnings, EachPlatformsWarningsNameTheirCode) {
  scratch_dir dir;
  const fs::path golden = source_dir / "tests" / "golden";
  const std::pair<const char*, const char*> cases[] = {
      {"bigcommerce/unexpanded_links_2012_escaped.json", "unexpanded_link"},
      {"bigcommerce/expanded_products_addresses_shipments.json", "several_addresses"},
      {"woocommerce/line_price_is_unit_price_before_discounts.json", "inexact_value"},
      {"squarespace/currency_disagreement_warned_not_rejected.json", "other_currency"},
  };
  for (const auto& [file, code] : cases) {
    const std::string warnings = dir / "warnings.ndjson";
    const command_result r =
        run_both("convert -q -o /dev/null --warnings " + warnings + " " + (golden / file).string());
    EXPECT_NE(r.status, 2) << file << ": " << r.err;
    const std::string log = read_file(warnings);
    EXPECT_NE(log.find(std::string(R"("code":")") + code + '"'), std::string::npos)
        << file << ": " << log;
    EXPECT_EQ(log.find("unclassified"), std::string::npos) << file << ": " << log;
  }
}

// The tracker's warnings reach --warnings and the summary with their codes.
TEST(Warnings, TrackerWarningsNameTheirCode) {
  scratch_dir dir;
  const std::string input = dir / "usps.ndjson";
  write_text(input,
             R"({"trackingNumber":"9401","trackingEvents":[{"eventCode":"01",)"
             R"("eventTimestamp":"2024-11-22T13:58:00","GMTTimestamp":"22/11/2024 18:58",)"
             R"("GMTOffset":"-05:00"}]})"
             "\n"
             R"({"trackingNumber":"9402","trackingEvents":[{"eventCode":"SF",)"
             R"("eventTimestamp":"2024-11-25T18:31:00","GMTTimestamp":"2024-11-26T00:32:00Z",)"
             R"("GMTOffset":"-06:00"}]})"
             "\n");
  const std::string warnings = dir / "warnings.ndjson";
  const command_result r = run_both("track --from usps --warnings " + warnings + " " + input);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count_lines(r.out), 2u);
  const std::string log = read_file(warnings);
  EXPECT_NE(log.find(R"("record":1,"offset":0,"pointer":"/trackingEvents/0/GMTTimestamp",)"
                     R"("code":"unreadable_time")"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find(R"("record":2,"offset":)"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("code":"times_disagree")"), std::string::npos) << log;
  EXPECT_EQ(count_lines(log), 2u) << log;
  EXPECT_EQ(r.err,
            "ordernorm: 2 documents: 2 shipments, 0 rejected; 2 warnings (1 unreadable_time, 1 "
            "times_disagree)\n");
}

TEST(Warnings, QuietStillReportsRejectsOnStderr) {
  scratch_dir dir;
  const std::string input = dir / "ebay.ndjson";
  write_text(input, ebay_with_warnings);
  const std::string bad = examples + "/shopify-with-bad-record.ndjson";
  const command_result quiet = run_both("convert --quiet " + input + " " + bad);
  EXPECT_EQ(quiet.status, 1);
  EXPECT_EQ(count_lines(quiet.out), 3u);
  EXPECT_EQ(quiet.err, "ordernorm: " + bad +
                           ": record 1 (byte 133) at /total_price: invalid_money: expected a "
                           "decimal amount, got \"12,50\"\n")
      << "the reject only: no warning, no summary";

  // With a rejects file (and -q, its short form) standard error stays empty;
  // a warnings file still gets every warning.
  const std::string rejects = dir / "rejects.ndjson";
  const std::string warnings = dir / "warnings.ndjson";
  const command_result silent = run_both("convert -q --rejects " + rejects + " --warnings " +
                                         warnings + " " + input + " " + bad);
  EXPECT_EQ(silent.status, 1);
  EXPECT_EQ(silent.err, "");
  EXPECT_EQ(count_lines(read_file(rejects)), 1u);
  EXPECT_EQ(count_lines(read_file(warnings)), 4u);

  // Errors are never quiet.
  const command_result missing = run_both("convert -q " + dir / "missing.json");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("No such file or directory"), std::string::npos);
}

TEST(Warnings, TrackTakesTheSameOutputsAndQuiet) {
  scratch_dir dir;
  const std::string input = dir / "delivered.json";
  fs::copy_file(source_dir / "tests" / "golden" / "malomo" / "seed_order_delivered.json", input);
  const std::string before = read_file(input);
  const command_result refused = run_both("track " + input + " --warnings=" + input);
  EXPECT_EQ(refused.status, 2);
  EXPECT_EQ(read_file(input), before);

  const std::string out = dir / "shipments.ndjson";
  const std::string warnings = dir / "warnings.ndjson";
  const command_result quiet =
      run_both("track -q -o " + out + " --warnings " + warnings + " " + input);
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(count_lines(read_file(out)), 1u);
  EXPECT_TRUE(fs::exists(warnings)) << "written, if empty";
}

TEST(Summary, SingularAndPlural) {
  scratch_dir dir;
  const std::string one = dir / "one.json";
  write_text(one, read_file(examples + "/shopify-order.json"));
  EXPECT_EQ(run_both("convert " + one).err, "ordernorm: 1 record: 1 converted, 0 rejected\n");
  EXPECT_EQ(run_both("convert " + examples + "/shopify-orders.ndjson").err,
            "ordernorm: 3 records: 3 converted, 0 rejected\n");

  const std::string ebay = dir / "ebay.ndjson";
  write_text(ebay, ebay_with_warnings.substr(ebay_with_warnings.find('\n') + 1));
  EXPECT_EQ(run_both("convert --warnings /dev/null --from=ebay " + ebay).err,
            "ordernorm: 1 record: 1 converted, 0 rejected; 2 warnings (1 unexpanded_link, 1 "
            "other_currency)\n");
  const std::string one_warning = dir / "one_warning.ndjson";
  write_text(one_warning,
             R"({"fulfillmentHrefs":["https://api.ebay.com/f/9"],)" + ebay_base + "\n");
  EXPECT_EQ(run_both("convert --warnings /dev/null " + one_warning).err,
            "ordernorm: 1 record: 1 converted, 0 rejected; 1 warning (1 unexpanded_link)\n");

  const std::string delivered =
      (source_dir / "tests" / "golden" / "malomo" / "seed_order_delivered.json").string();
  EXPECT_EQ(run_both("track " + delivered).err, "ordernorm: 1 document: 1 shipment, 0 rejected\n");
  // Every input's shipments count, not the last one's.
  EXPECT_EQ(run_both("track " + delivered + " " + delivered).err,
            "ordernorm: 2 documents: 2 shipments, 0 rejected\n");
}

TEST(Summary, CountsWarningsByCodeMostFrequentFirst) {
  scratch_dir dir;
  const std::string input = dir / "ebay.ndjson";
  write_text(input, ebay_with_warnings);
  const command_result r = run_both("convert --warnings " + dir / "w.ndjson" + " " + input + " " +
                                    examples + "/shopify-with-bad-record.ndjson");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.substr(r.err.rfind("ordernorm: ")),
            "ordernorm: 4 records: 3 converted, 1 rejected; 4 warnings (3 unexpanded_link, 1 "
            "other_currency)\n");
}

TEST(Summary, ComesAfterTheOutputIsFlushed) {
  const command_result r = run("convert --format json " + examples + "/shopify-orders.ndjson 2>&1");
  EXPECT_EQ(r.status, 0);
  const std::string summary = "]\nordernorm: 3 records: 3 converted, 0 rejected\n";
  ASSERT_GE(r.out.size(), summary.size());
  EXPECT_EQ(r.out.substr(r.out.size() - summary.size()), summary) << r.out;
}

TEST(Conventions, OptEqualsValue) {
  scratch_dir dir;
  const std::string input = examples + "/shopify-with-bad-record.ndjson";
  const command_result spaced = run_both(
      "convert --from shopify --format json --max-depth 64 "
      "--rejects " +
      dir / "a.ndjson" + " " + input);
  const command_result equals = run_both(
      "convert --from=shopify --format=json --max-depth=64 "
      "--rejects=" +
      dir / "b.ndjson" + " " + input);
  EXPECT_EQ(spaced.status, 1);
  EXPECT_EQ(equals.status, 1);
  EXPECT_EQ(equals.out, spaced.out);
  EXPECT_EQ(equals.out.front(), '[') << "--format=json took effect";
  EXPECT_EQ(read_file(dir / "b.ndjson"), read_file(dir / "a.ndjson"));
  EXPECT_EQ(count_lines(read_file(dir / "b.ndjson")), 1u);

  const command_result output =
      run_both("convert --output=" + dir / "c.ndjson" + " -o" + dir / "d.ndjson" + " " + examples +
               "/shopify-orders.ndjson");
  EXPECT_EQ(output.status, 0);
  EXPECT_FALSE(fs::exists(dir / "c.ndjson")) << "the last -o wins";
  EXPECT_EQ(count_lines(read_file(dir / "d.ndjson")), 3u) << "-oFILE, as getopt reads it";

  const command_result flag_value = run_both("track --explain=yes " + input);
  EXPECT_EQ(flag_value.status, 2);
  EXPECT_NE(flag_value.err.find("--explain takes no value"), std::string::npos) << flag_value.err;
  EXPECT_EQ(run_both("convert --from= " + input).status, 2);
  EXPECT_EQ(run_both("convert --warnings= " + input).status, 2);
}

TEST(Conventions, DoubleDashEndsOptions) {
  scratch_dir dir;
  fs::copy_file(examples + "/shopify-orders.ndjson", dir / "-2024-orders.ndjson");
  const std::string in_dir = "cd " + dir.path().string() + " && " + cli;
  const command_result without = run_shell(in_dir + " convert -2024-orders.ndjson");
  EXPECT_EQ(without.status, 2);
  EXPECT_NE(without.err.find("unknown option '-2024-orders.ndjson'"), std::string::npos);
  const command_result with = run_shell(in_dir + " convert -q -- -2024-orders.ndjson");
  EXPECT_EQ(with.status, 0) << with.err;
  EXPECT_EQ(count_lines(with.out), 3u);
  const command_result options_after =
      run_shell(in_dir + " convert -- --help < -2024-orders.ndjson");
  EXPECT_EQ(options_after.status, 2) << "--help after -- is a file";
  EXPECT_NE(options_after.err.find("cannot open --help: No such file or directory"),
            std::string::npos)
      << options_after.err;
  const command_result dash = run_shell(in_dir + " convert -- - < -2024-orders.ndjson");
  EXPECT_EQ(dash.status, 0) << "- is still standard input";
  EXPECT_EQ(dash.out, with.out);
}

TEST(Conventions, VersionEverywhere) {
  const std::string expected = std::string("ordernorm ") + ORDERNORM_VERSION + "\n";
  for (const char* args : {"-V", "--version", "version", "convert --version", "convert -V",
                           "track --version", "track -V", "convert --from shopify -V"}) {
    const command_result r = run_both(args);
    EXPECT_EQ(r.status, 0) << args;
    EXPECT_EQ(r.out, expected) << args;
    EXPECT_EQ(r.err, "") << args;
  }
}

TEST(Conventions, UnknownOptionSuggestsHelp) {
  const command_result top = run_both("--bogus");
  EXPECT_EQ(top.status, 2);
  EXPECT_EQ(top.err, "ordernorm: unknown option '--bogus'\nTry 'ordernorm --help'.\n");
  const command_result command = run_both("frobnicate");
  EXPECT_EQ(command.status, 2);
  EXPECT_EQ(command.err, "ordernorm: unknown command 'frobnicate'\nTry 'ordernorm --help'.\n");
  const command_result convert = run_both("convert --bogus");
  EXPECT_EQ(convert.status, 2);
  EXPECT_EQ(convert.err, "ordernorm: unknown option '--bogus'\nTry 'ordernorm convert --help'.\n");
  const command_result typo = run_both("convert --frm=shopify");
  EXPECT_EQ(typo.status, 2);
  EXPECT_EQ(typo.err,
            "ordernorm: unknown option '--frm=shopify' (did you mean --from?)\n"
            "Try 'ordernorm convert --help'.\n");
  EXPECT_NE(run_both("track --explian").err.find("(did you mean --explain?)"), std::string::npos);
  const command_result track = run_both("track --format json");
  EXPECT_EQ(track.status, 2);
  EXPECT_EQ(track.err, "ordernorm: unknown option '--format'\nTry 'ordernorm track --help'.\n");
}

TEST(Conventions, MissingFileSaysNoSuchFile) {
  const command_result r =
      run_both("convert " + examples + "/shopify-orders.ndjson /nonexistent/orders.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "ordernorm: cannot open /nonexistent/orders.json: No such file or directory\n");
  EXPECT_EQ(r.out, "") << "inputs are checked before any is read";
  const command_result track = run_both("track /nonexistent/shipments.json");
  EXPECT_EQ(track.status, 2);
  EXPECT_EQ(track.err,
            "ordernorm: cannot open /nonexistent/shipments.json: No such file or directory\n");
  const command_result directory = run_both("convert " + examples);
  EXPECT_EQ(directory.status, 2);
  EXPECT_EQ(directory.err, "ordernorm: cannot read " + examples + ": Is a directory\n");
}

TEST(Conventions, HelpShowsEveryOption) {
  for (const char* command : {"convert", "track"}) {
    const command_result help = run_both(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0);
    for (const char* word : {"-o FILE", "--rejects FILE", "--warnings FILE", "-q, --quiet",
                             "-V, --version", "--option=VALUE", "  --  "}) {
      EXPECT_NE(help.out.find(word), std::string::npos) << command << ": " << word;
    }
    EXPECT_EQ(run_both(std::string("help ") + command).out, help.out);
  }
  const command_result main_help = run_both("--help");
  for (const char* word : {"ordernorm -V, --version, version", "ordernorm help"}) {
    EXPECT_NE(main_help.out.find(word), std::string::npos) << word;
  }
}

// .ci/run must run the README's test command, word for word.
TEST(Readme, CiRunsTheReadmeTestCommand) {
  const std::string readme = read_file(source_dir / "README.md");
  const std::string ci = read_file(source_dir / ".ci" / "run");
  const std::string marker = "ctest --test-dir build --output-on-failure";
  const std::size_t end = readme.find(marker);
  ASSERT_NE(end, std::string::npos) << "README.md has no test command";
  // The whole line: flags may follow the marker (--no-tests=error).
  const std::size_t begin = readme.rfind('\n', end) + 1;
  const std::string command = readme.substr(begin, readme.find('\n', end) - begin);
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
  const command_result r = run("convert " + plain + ".gz 2>&1");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, run("convert " + plain + " 2>&1").out);
  EXPECT_NE(r.out.find("records: 3 converted"), std::string::npos) << r.out;
  fs::remove(plain);
  fs::remove(plain + ".gz");
}

TEST(CliInput, ConvertsZstdFromStandardInput) {
  const std::string packed = temp_path("input.zst");
  std::ofstream(packed, std::ios::binary) << zstd_stored(cli_input_orders());
  const command_result r = run("convert - < " + packed + " 2>/dev/null");
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
  const command_result r = run("convert " + file + " 2>&1 >/dev/null");
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
  const command_result r = run("convert " + packed + " 2>&1 >/dev/null");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("truncated zstd input"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("compressed byte " + std::to_string(cut.size())), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 records: 2 converted"), std::string::npos) << r.out;
  fs::remove(packed);
}

}  // namespace
