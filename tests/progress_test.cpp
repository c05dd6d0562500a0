// --progress never|auto|always, run as a user would: the line goes to
// standard error only, is cleared before anything else is written there,
// and changes neither the output nor the summary. Also --strict's flag.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::testing::read_file;

namespace {

const std::string cli = ORDERNORM_CLI;
const fs::path source_dir = ORDERNORM_SOURCE_DIR;
const std::string examples = (source_dir / "examples").string();
const std::string clear = "\r\033[K";

using result = ordernorm::testing::command_result;

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() /
          ("ordernorm_progress_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

// ctest runs these at the default -j and again at -j 1 (ORDERNORM_TEST_JOBS,
// tests/CMakeLists.txt): the flag goes after the subcommand.
std::string with_jobs(const std::string& args) {
  const char* jobs = std::getenv("ORDERNORM_TEST_JOBS");
  if (jobs == nullptr || *jobs == '\0') return args;
  const std::size_t command_end = args.find(' ');
  if (command_end == std::string::npos) return args;
  return args.substr(0, command_end) + " -j " + jobs + args.substr(command_end);
}

result run(const std::string& args) {
  return ordernorm::testing::run_shell(cli + " " + with_jobs(args));
}

// About 2.4 MB of Shopify orders, each a little different (distinct ids
// and an unmapped note), so that gzip cannot shrink them to nothing.
std::string many_orders() {
  const std::string text = read_file(source_dir / "examples" / "shopify-orders.ndjson");
  std::string line = text.substr(0, text.find('\n'));
  line.pop_back();  // its closing brace
  std::string out;
  std::uint32_t seed = 12345;
  for (int i = 0; i < 2000; ++i) {
    std::string note;
    for (int k = 0; k < 240; ++k) {
      seed = seed * 1103515245u + 12345u;
      note += "0123456789abcdef"[(seed >> 16) & 15];
    }
    out += line + ",\"note_not_mapped\":\"" + note + "\"}\n";
  }
  return out;
}

std::string size_text(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / 1e6);
  return buf;
}

// Standard error of a --progress run: progress lines, each drawn after a
// clear, then a last clear before what a run without it writes there.
void expect_progress_then(const std::string& err, const std::string& without) {
  ASSERT_EQ(err.rfind(clear, 0), 0u) << "starts with a progress line: " << err;
  const std::size_t last = err.rfind(clear);
  EXPECT_EQ(err.substr(last + clear.size()), without) << "cleared, then the same as without";
  EXPECT_NE(err.find(" records"), std::string::npos);
  EXPECT_EQ(err.substr(0, last).find('\n'), std::string::npos) << "one line, redrawn in place";
}

// Standard error with the progress lines taken out.
std::string without_progress(const std::string& err) {
  std::string stripped;
  for (std::size_t at = 0; at < err.size();) {
    if (err.compare(at, clear.size(), clear) == 0) {
      // A clear, then a progress line up to the next clear (or nothing).
      at += clear.size();
      const std::size_t next = err.find(clear, at);
      const std::size_t line_end = err.find('\n', at);
      if (next != std::string::npos && (line_end == std::string::npos || next < line_end)) {
        at = next;  // that was a progress line
      }
      continue;
    }
    stripped += err[at++];
  }
  return stripped;
}

TEST(Progress, AlwaysDrawsALineThenClearsItBeforeTheSummary) {
  const std::string input = temp_path("orders.ndjson");
  std::ofstream(input, std::ios::binary) << many_orders();
  const result never = run("convert --progress never " + input);
  const result always = run("convert --progress always " + input);
  EXPECT_EQ(always.status, 0);
  EXPECT_EQ(always.out, never.out) << "standard output is untouched";
  EXPECT_EQ(never.err, "ordernorm: 2000 records: 2000 converted, 0 rejected\n");
  expect_progress_then(always.err, never.err);
  // A regular file: its size is the total.
  EXPECT_NE(always.err.find(" of " + size_text(fs::file_size(input)) + " MB ("), std::string::npos)
      << always.err;

  // An output file is the same too.
  const std::string out_never = temp_path("never.ndjson");
  const std::string out_always = temp_path("always.ndjson");
  EXPECT_EQ(run("convert --progress=never -o " + out_never + " " + input).status, 0);
  EXPECT_EQ(run("convert --progress=always -o " + out_always + " " + input).status, 0);
  EXPECT_EQ(read_file(out_always), read_file(out_never));
  EXPECT_EQ(read_file(out_never), never.out);
  fs::remove(out_never);
  fs::remove(out_always);

  // From a pipe there is no total to show.
  const result piped = ordernorm::testing::run_shell("cat " + input + " | " + cli + " " +
                                                     with_jobs("convert --progress always"));
  EXPECT_EQ(piped.out, never.out);
  expect_progress_then(piped.err, never.err);
  EXPECT_EQ(piped.err.find(" of "), std::string::npos) << piped.err;
  fs::remove(input);
}

TEST(Progress, AutoWritesNothingWhenStandardErrorIsNotATerminal) {
  // Standard error is a file here: auto, the default, stays silent.
  const std::string input = examples + "/shopify-orders.ndjson";
  const result never = run("convert --progress never " + input);
  EXPECT_EQ(run("convert --progress auto " + input).err, never.err);
  EXPECT_EQ(run("convert " + input).err, never.err);
  EXPECT_EQ(run("track --progress auto " + input).err, run("track --progress never " + input).err);
  EXPECT_EQ(never.err.find('\r'), std::string::npos);
}

TEST(Progress, RejectsOnStandardErrorStartOnAClearedLine) {
  const std::string input = examples + "/shopify-with-bad-record.ndjson";
  const result never = run("convert --progress never " + input);
  const result always = run("convert --progress always " + input);
  EXPECT_EQ(always.status, 1);
  EXPECT_EQ(always.out, never.out);
  // Every message starts at the beginning of a line: after a newline or a
  // clear, never after progress text.
  for (std::size_t at = always.err.find("ordernorm: "); at != std::string::npos;
       at = always.err.find("ordernorm: ", at + 1)) {
    const bool after_clear =
        at >= clear.size() && always.err.compare(at - clear.size(), clear.size(), clear) == 0;
    EXPECT_TRUE(at == 0 || always.err[at - 1] == '\n' || after_clear) << always.err;
  }
  // Taking the progress lines out leaves what a run without it writes.
  EXPECT_EQ(without_progress(always.err), never.err);
}

TEST(Progress, CompressedInputCountsCompressedBytesAgainstTheFileSize) {
  const std::string input = temp_path("orders.ndjson.gz");
  const std::string text = many_orders();
  gzFile gz = gzopen(input.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  ASSERT_EQ(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);
  const std::uintmax_t size = fs::file_size(input);
  ASSERT_GT(size, 100000u);
  const result never = run("convert --progress never " + input);
  const result always = run("convert --progress always " + input);
  EXPECT_EQ(always.out, never.out);
  expect_progress_then(always.err, never.err);
  EXPECT_NE(always.err.find(" of " + size_text(size) + " MB ("), std::string::npos) << always.err;
  fs::remove(input);
}

TEST(Progress, BadValueIsAUsageErrorListingTheValues) {
  for (const char* args :
       {"convert --progress sometimes", "track --progress=yes", "convert --progress"}) {
    const result r = run(args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_NE(r.err.find("--progress is never, auto or always"), std::string::npos) << r.err;
  }
}

TEST(Progress, HelpNamesTheFlags) {
  for (const char* command : {"convert", "track"}) {
    const std::string help = run(std::string(command) + " --help").out;
    EXPECT_NE(help.find("--progress WHEN"), std::string::npos) << command;
    EXPECT_NE(help.find("--strict"), std::string::npos) << command;
  }
}

// The pipeline draws the line on the calling thread as it replays batches
// (bytes as the reading thread saw them): on 2 threads, with rejects across
// batch boundaries, standard output, the output files and the summary are
// the bytes of one thread without it.
TEST(Progress, OnTwoThreadsChangesNoOutputOfOneThreadWithout) {
  const std::string bad = read_file(source_dir / "examples" / "shopify-with-bad-record.ndjson");
  const std::string orders = many_orders();
  std::string text;
  std::size_t line = 0;
  for (std::size_t at = 0; at < orders.size(); ++line) {
    const std::size_t end = orders.find('\n', at) + 1;
    text.append(orders, at, end - at);
    if (line % 150 == 0) text += line % 300 == 0 ? bad : "[1,{\"x\":2},\"no\"]\n{\"id\":\n";
    at = end;
  }
  const std::string input = temp_path("mixed.ndjson");
  std::ofstream(input, std::ios::binary) << text;
  for (const char* command : {"convert", "track"}) {
    const std::string c = command;
    const result one =
        ordernorm::testing::run_shell(cli + " " + c + " --progress never -j 1 " + input);
    const result two =
        ordernorm::testing::run_shell(cli + " " + c + " --progress always -j 2 " + input);
    EXPECT_EQ(two.status, one.status) << c;
    EXPECT_EQ(two.out, one.out) << c;
    EXPECT_NE(two.err.find(clear), std::string::npos) << c << ": a progress line was drawn";
    EXPECT_EQ(without_progress(two.err), one.err) << c;

    const std::string out1 = temp_path("one.out");
    const std::string rej1 = temp_path("one.rejects");
    const std::string out2 = temp_path("two.out");
    const std::string rej2 = temp_path("two.rejects");
    const result files1 = ordernorm::testing::run_shell(
        cli + " " + c + " --progress never -j 1 -o " + out1 + " --rejects " + rej1 + " " + input);
    const result files2 = ordernorm::testing::run_shell(
        cli + " " + c + " --progress always -j 2 -o " + out2 + " --rejects " + rej2 + " " + input);
    EXPECT_EQ(files2.status, files1.status) << c;
    EXPECT_EQ(files1.out, "");
    EXPECT_EQ(files2.out, "");
    EXPECT_EQ(read_file(out2), read_file(out1)) << c;
    EXPECT_EQ(read_file(out1), one.out) << c;
    EXPECT_EQ(read_file(rej2), read_file(rej1)) << c;
    EXPECT_NE(read_file(rej1), "") << c;
    EXPECT_EQ(without_progress(files2.err), files1.err) << c << ": the summary";
    EXPECT_EQ(files2.err.rfind(clear + files1.err),
              files2.err.size() - clear.size() - files1.err.size())
        << c << ": the summary comes after the line is cleared";
    for (const std::string& f : {out1, rej1, out2, rej2}) fs::remove(f);
  }
  fs::remove(input);
}

TEST(StrictFlag, RejectsWhatTheDefaultSkips) {
  const std::string text = read_file(source_dir / "examples" / "shopify-orders.ndjson");
  std::string line = text.substr(0, text.find('\n'));
  line.pop_back();
  line += ",\"junk\":[1,2,tru,-x]}";
  const std::string input = temp_path("junk.ndjson");
  std::ofstream(input, std::ios::binary) << line << "\n";
  const result lax = run("convert " + input);
  EXPECT_EQ(lax.status, 0);
  const result strict = run("convert --strict " + input);
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(strict.out, "");
  EXPECT_NE(strict.err.find("record 1 (byte " + std::to_string(line.find("tru")) +
                            "): invalid_json: invalid JSON: bad literal 'tru'"),
            std::string::npos)
      << strict.err;
  EXPECT_EQ(run("convert --strict=yes " + input).status, 2);
  fs::remove(input);
}

}  // namespace
