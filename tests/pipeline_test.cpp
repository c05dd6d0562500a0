// -j N: the ordered parallel pipeline (src/cli/pipeline.hpp) tells the
// output exactly what one thread tells it, whatever the number of jobs and
// wherever batches end; and the CLI's every output is byte-identical under
// -j 1, -j 2 and -j 7.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "generators.hpp"  // bench/: seeded orders of every platform
#include "pipeline_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using ordernorm::cli::pipeline_tuning;
using ordernorm::testing::convert_transcript;
using ordernorm::testing::read_file;
using ordernorm::testing::track_transcript;

namespace {

const fs::path source_dir = ORDERNORM_SOURCE_DIR;
const fs::path shared = ordernorm::testing::shared_dir(ORDERNORM_SHARED_DIR);

// Batches of one, two, three and five documents, of a few kilobytes, the
// default; with one batch per job in flight (the tightest backpressure) and
// two.
// Where two transcripts part: the line of each (a whole transcript is too
// long to read in a failure).
std::string first_difference(const std::string& got, const std::string& want) {
  std::size_t at = 0;
  while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
  const std::size_t line = want.rfind('\n', at) == std::string::npos ? 0 : want.rfind('\n', at) + 1;
  auto excerpt = [line](const std::string& s) { return s.substr(line, 300); };
  return "\n  got:  " + excerpt(got) + "\n  want: " + excerpt(want);
}

std::vector<pipeline_tuning> tunings() {
  std::vector<pipeline_tuning> all;
  for (std::size_t per_job : {1, 2}) {
    for (std::size_t docs : {1, 2, 3, 5}) all.push_back({std::size_t{1} << 20, docs, per_job});
    all.push_back({std::size_t{8} << 10, 1024, per_job});
    all.push_back({});
  }
  return all;
}

// Every run of `inputs` on 2 and 7 jobs, under every tuning, gives the
// transcript of one job.
void expect_same_on_all_jobs(const std::vector<std::string>& inputs,
                             const ordernorm::options& converting = {},
                             const ordernorm::reader_options& reading = {},
                             const ordernorm::order_filter* filter = nullptr, bool csv = false) {
  const std::string one = convert_transcript(inputs, 1, {}, converting, reading, filter, csv);
  for (unsigned jobs : {2u, 7u}) {
    for (const pipeline_tuning& t : tunings()) {
      const std::string many =
          convert_transcript(inputs, jobs, t, converting, reading, filter, csv);
      ASSERT_TRUE(many == one) << first_difference(many, one) << "\n"
                               << jobs << " jobs, batches of " << t.batch_documents
                               << " documents / " << t.batch_bytes << " bytes";
    }
  }
}

void expect_same_tracking_on_all_jobs(const std::vector<std::string>& inputs,
                                      const ordernorm::track_options& tracking) {
  const std::string one = track_transcript(inputs, 1, {}, tracking);
  for (unsigned jobs : {2u, 7u}) {
    for (const pipeline_tuning& t : tunings()) {
      const std::string many = track_transcript(inputs, jobs, t, tracking);
      ASSERT_TRUE(many == one) << first_difference(many, one) << "\n"
                               << jobs << " jobs, batches of " << t.batch_documents
                               << " documents / " << t.batch_bytes << " bytes";
    }
  }
}

// Per process: ctest runs each test as a process of its own, side by side.
std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() /
          ("ordernorm_pipeline_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> files_in(const fs::path& dir, std::string_view extension) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.ends_with(extension) &&
        !name.ends_with(".expected.ndjson")) {
      out.push_back(entry.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// NDJSON of generated orders of every platform in turn, with runs of
// rejected lines of every kind between them: a run's length and the kinds
// follow a fixed sequence, so runs of 1 to 40 (and one of `long_run`) fall
// across every batch boundary. Says which records (1-based) are the
// rejected lines.
struct mixed_dump {
  std::string text;
  std::vector<std::uint64_t> rejected;  // record numbers, ascending
  std::uint64_t records = 0;
};

constexpr std::size_t record_limit = 64 << 10;  // reader and converter, in these tests

mixed_dump make_mix(std::size_t orders, std::size_t long_run) {
  const std::string bad[] = {
      // invalid_money, a Shopify order
      R"({"id":1,"order_number":1,"financial_status":"paid","currency":"USD","total_price":"12,50"})",
      R"({"nothing":"of an order"})",  // unknown_platform
      R"({"id":7,"order_number":)",    // invalid_json
      "42",                            // not_an_object
      // record_too_large: the reader skips it
      R"({"id":8,"note":")" + std::string(record_limit + 10, 'x') + "\"}",
      R"([{"id":9},3])",  // an array: two records, both rejected
  };
  // A BigCommerce order with unexpanded links: three warnings.
  std::string warned = read_file(source_dir / "tests" / "golden" / "bigcommerce" /
                                 "unexpanded_links_2012_escaped.json");
  std::replace(warned.begin(), warned.end(), '\n', ' ');
  mixed_dump out;
  std::vector<std::unique_ptr<ordernorm_bench::order_generator>> gens;
  for (const auto& g : ordernorm_bench::generators()) gens.push_back(g.make(7));
  std::uint32_t lcg = 12345;
  auto next = [&lcg](std::uint32_t n) {
    lcg = lcg * 1103515245u + 12345u;
    return (lcg >> 16) % n;
  };
  std::size_t kind = 0;
  for (std::size_t i = 0; i < orders; ++i) {
    gens[i % gens.size()]->append_order(out.text);
    out.text += '\n';
    ++out.records;
    if (next(5) == 0) {
      out.text += warned + '\n';
      ++out.records;
    }
    const std::size_t run = i == orders / 2 ? long_run : (next(3) == 0 ? 1 + next(40) : 0);
    for (std::size_t r = 0; r < run; ++r) {
      const std::string& line = bad[kind++ % std::size(bad)];
      out.text += line;
      out.text += '\n';
      out.rejected.push_back(++out.records);
      if (line[0] == '[') out.rejected.push_back(++out.records);
    }
  }
  return out;
}

ordernorm::options limited_options() {
  ordernorm::options o;
  o.limits.max_record_bytes = record_limit;
  return o;
}

ordernorm::reader_options limited_reading() {
  return ordernorm::reader_options_for(limited_options().limits);
}

// The record numbers of the transcript's rejects.
std::vector<std::uint64_t> rejected_records(const std::string& transcript) {
  std::vector<std::uint64_t> out;
  std::size_t at = 0;
  while ((at = transcript.find("\nreject ", at)) != std::string::npos) {
    at += 8;
    out.push_back(std::stoull(transcript.substr(at, transcript.find(' ', at) - at)));
  }
  return out;
}

TEST(Pipeline, EveryExampleAsOneRunOfSeveralInputs) {
  const std::vector<std::string> inputs = files_in(source_dir / "examples", "");
  ASSERT_EQ(inputs.size(), 3u);
  expect_same_on_all_jobs(inputs);
  // And each alone, where record numbers start at 1.
  for (const std::string& input : inputs) expect_same_on_all_jobs({input});
}

TEST(Pipeline, EveryConformancePayload) {
  const fs::path dir = shared / "conformance";
  ORDERNORM_REQUIRE_PAYLOAD(dir / "shopify");
  std::vector<std::string> orders;
  for (const std::string& f : files_in(dir, ".json")) {
    if (f.find("/tracking/") == std::string::npos) orders.push_back(f);
  }
  for (const std::string& f : files_in(dir, ".jsonl")) orders.push_back(f);
  ASSERT_GT(orders.size(), 20u);
  expect_same_on_all_jobs(orders);
  for (const std::string& f : orders) expect_same_on_all_jobs({f});
}

TEST(Pipeline, EveryGoldenInput) {
  const std::vector<std::string> inputs = files_in(source_dir / "tests" / "golden", ".json");
  ASSERT_GT(inputs.size(), 40u);
  expect_same_on_all_jobs(inputs);
}

// Orders a filter leaves out are told in input order among the others,
// rejects and warnings, wherever the batches end.
TEST(Pipeline, FilteredOrdersAcrossBatchBoundaries) {
  std::vector<std::string> inputs = files_in(source_dir / "examples", "");
  for (const std::string& f : files_in(source_dir / "tests" / "golden", ".json")) {
    inputs.push_back(f);
  }
  ordernorm::order_filter filter;
  ASSERT_FALSE(ordernorm::add_filter_values(filter, ordernorm::filter_field::order_status,
                                            "Active,Shipped,Unknown"));
  const std::string one = convert_transcript(inputs, 1, {}, {}, {}, &filter);
  ASSERT_NE(one.find("\nfiltered "), std::string::npos) << "the filter leaves some out";
  ASSERT_NE(one.find("\norder "), std::string::npos) << "and keeps some";
  expect_same_on_all_jobs(inputs, {}, {}, &filter);
}

// Two texts per order (CSV rows and line items), each in input order.
TEST(Pipeline, CsvRowsAndLineItemsAcrossBatchBoundaries) {
  std::vector<std::string> inputs = files_in(source_dir / "examples", "");
  for (const std::string& f : files_in(source_dir / "tests" / "golden", ".json")) {
    inputs.push_back(f);
  }
  const std::string one = convert_transcript(inputs, 1, {}, {}, {}, nullptr, true);
  ASSERT_NE(one.find("\nsecond "), std::string::npos) << "some orders have line items";
  expect_same_on_all_jobs(inputs, {}, {}, nullptr, true);
  ordernorm::order_filter filter;
  ASSERT_FALSE(ordernorm::add_filter_values(filter, ordernorm::filter_field::currency, "USD"));
  expect_same_on_all_jobs(inputs, {}, {}, &filter, true);
}

TEST(Pipeline, BatchBoundariesInsideRunsOfRejects) {
  const mixed_dump mix = make_mix(160, 60);
  const std::string path = temp_path("mix.ndjson");
  write_file(path, mix.text);
  // What one thread reports, checked against how the input was made.
  const std::string one = convert_transcript({path}, 1, {}, limited_options(), limited_reading());
  EXPECT_EQ(rejected_records(one), mix.rejected);
  EXPECT_NE(one.find("\nwarning "), std::string::npos) << "unexpanded links warn";
  EXPECT_NE(one.find(" record_too_large "), std::string::npos);
  EXPECT_NE(one.find("totals " + std::to_string(mix.records) + ' ' +
                     std::to_string(mix.rejected.size()) + " 0\n"),
            std::string::npos);
  expect_same_on_all_jobs({path}, limited_options(), limited_reading());
  // Twice in one run: the second input numbers its records from 1 again.
  expect_same_on_all_jobs({path, path}, limited_options(), limited_reading());
  fs::remove(path);
}

TEST(Pipeline, MixAsAStreamOfDocumentsAndAsJsonSeq) {
  const mixed_dump mix = make_mix(60, 10);
  std::string seq;
  std::string stream;
  std::size_t begin = 0;
  while (begin < mix.text.size()) {
    const std::size_t end = mix.text.find('\n', begin);
    const std::string line = mix.text.substr(begin, end - begin);
    begin = end + 1;
    if (line.find(R"("id":7,)") != std::string::npos) continue;  // would swallow the rest
    seq += '\x1e' + line + '\n';
    stream += line + "\n\n";
  }
  const std::string seq_path = temp_path("mix.json-seq");
  const std::string stream_path = temp_path("mix.json");
  write_file(seq_path, seq);
  write_file(stream_path, stream);
  expect_same_on_all_jobs({seq_path, stream_path}, limited_options(), limited_reading());
  fs::remove(seq_path);
  fs::remove(stream_path);
}

// Lists larger than the reader's whole-document size are streamed element by
// element: each element is a document of its own in a batch.
TEST(Pipeline, StreamedListElementsAcrossBatches) {
  const mixed_dump mix = make_mix(80, 20);
  std::string array = "[";
  std::size_t begin = 0;
  while (begin < mix.text.size()) {
    const std::size_t end = mix.text.find('\n', begin);
    const std::string line = mix.text.substr(begin, end - begin);
    begin = end + 1;
    if (line.find(R"("id":7,)") != std::string::npos) continue;  // would swallow the rest
    if (array.size() > 1) array += ",\n";
    array += line;
  }
  array += "]\n";
  const std::string array_path = temp_path("list.json");
  const std::string envelope_path = temp_path("envelope.json");
  write_file(array_path, array);
  write_file(envelope_path, "{\"orders\":" + array + "}\n");
  ordernorm::reader_options reading = limited_reading();
  reading.whole_document_bytes = 4096;
  expect_same_on_all_jobs({array_path, envelope_path}, limited_options(), reading);
  fs::remove(array_path);
  fs::remove(envelope_path);
}

TEST(Pipeline, IoErrorMidInputComesAfterEveryRecordBeforeIt) {
  const mixed_dump mix = make_mix(120, 30);
  const std::string plain = temp_path("io.ndjson");
  const std::string gz = temp_path("io.ndjson.gz");
  write_file(plain, mix.text);
  ASSERT_EQ(std::system(("gzip -c " + plain + " > " + gz).c_str()), 0);
  const std::string packed = read_file(gz);
  write_file(gz, packed.substr(0, packed.size() / 2));  // cut mid-stream
  const std::vector<std::string> inputs = {plain, gz, "/nonexistent/orders.ndjson", plain};
  const std::string one = convert_transcript(inputs, 1, {}, limited_options(), limited_reading());
  // Some records of the cut input came before its failure, the next input
  // began after it, and the last one was read whole.
  const std::size_t failed = one.find("end " + gz + " failed: ");
  ASSERT_NE(failed, std::string::npos) << one.substr(0, 2000);
  EXPECT_NE(one.rfind("\norder ", failed), one.rfind("\nbegin " + gz, failed));
  EXPECT_NE(one.find("end /nonexistent/orders.ndjson failed: "), std::string::npos);
  EXPECT_NE(one.find(" io_failed\n"), std::string::npos);
  expect_same_on_all_jobs(inputs, limited_options(), limited_reading());
  fs::remove(plain);
  fs::remove(gz);
}

TEST(Pipeline, TrackEveryGoldenAndConformanceDocument) {
  std::vector<std::string> inputs = files_in(source_dir / "tests" / "golden_tracking", ".json");
  ASSERT_GT(inputs.size(), 10u);
  for (const std::string& f : files_in(shared / "conformance" / "tracking", ".json")) {
    inputs.push_back(f);
  }
  // Malomo orders (with scan events) and documents that are rejected.
  for (const std::string& f : files_in(source_dir / "tests" / "golden" / "malomo", ".json")) {
    inputs.push_back(f);
  }
  inputs.push_back((source_dir / "examples" / "shopify-orders.ndjson").string());
  ordernorm::track_options explain;
  explain.explain = true;
  expect_same_tracking_on_all_jobs(inputs, explain);
  expect_same_tracking_on_all_jobs(inputs, {});
}

// An output that holds the run still at its first order until released.
class stalled_output final : public ordernorm::cli::order_output {
 public:
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  std::uint64_t orders = 0;

  bool render(const ordernorm::order& o, std::string& out, std::string&) const override {
    ordernorm::write_json(o, out);
    return true;
  }
  void on_order(const ordernorm::order&, const ordernorm::record_position&) override { ++orders; }
  void on_rendered(std::string_view, std::string_view, const ordernorm::record_position&) override {
    std::unique_lock lock(mutex);
    released_cv.wait(lock, [this] { return released; });
    ++orders;
  }
  void on_reject(const ordernorm::record_error&, const ordernorm::record_position&) override {}
  void begin_input(std::string_view) override {}
  void end_input(std::string_view, const ordernorm::record_error*) override {}
};

// Backpressure: while the output does not move, the pipeline reads no more
// than its batches in flight (and the reader's window) hold, however much
// input is waiting in the pipe.
TEST(Pipeline, ReadsNoFurtherThanItsBatchesWhileTheOutputStalls) {
  const std::string fifo = temp_path("stall.fifo");
  fs::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string chunk;
  ordernorm_bench::find_generator("shopify")->make(3)->append_ndjson(chunk, 1 << 20);
  constexpr int chunks = 64;  // 64 MiB in all
  std::atomic<std::uint64_t> written{0};
  std::thread writer([&] {
    std::FILE* f = std::fopen(fifo.c_str(), "wb");
    if (f == nullptr) return;
    for (int i = 0; i < chunks; ++i) {
      std::fwrite(chunk.data(), 1, chunk.size(), f);
      written += chunk.size();
    }
    std::fclose(f);
  });
  stalled_output out;
  pipeline_tuning tuning;
  tuning.batch_bytes = 64 << 10;
  tuning.batches_per_job = 1;  // 2 jobs: 4 batches of 64 KiB and a bit
  ordernorm::cli::totals t;
  std::thread run([&] { t = ordernorm::cli::convert_inputs({fifo}, {}, {}, 2, out, tuning); });
  // Wait until the writer is blocked (nothing written for a while) or done.
  std::uint64_t seen = 0;
  do {
    seen = written;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  } while (written != seen);
  // Batches, the reader's 4 MiB window, the pipe and the writer's buffer.
  EXPECT_LT(seen, std::uint64_t{12} << 20) << "read " << seen << " bytes of a stalled run";
  {
    const std::lock_guard lock(out.mutex);
    out.released = true;
  }
  out.released_cv.notify_all();
  writer.join();
  run.join();
  EXPECT_EQ(written, chunk.size() * chunks);
  EXPECT_EQ(t.records, out.orders);
  EXPECT_GT(t.records, 0u);
  EXPECT_EQ(t.rejected, 0u);
  fs::remove(fifo);
}

// --- The CLI, byte for byte ---------------------------------------------

struct cli_run {
  int status = -1;
  std::string out, err, rejects, warnings;
  bool operator==(const cli_run&) const = default;
};

// Runs `ordernorm <args>` with -j `jobs`, stdout and stderr to files;
// `files` adds --rejects and --warnings files.
cli_run run_cli(const std::string& args, unsigned jobs, bool files) {
  const std::string out = temp_path("out"), err = temp_path("err");
  const std::string rejects = temp_path("rejects"), warnings = temp_path("warnings");
  for (const auto& f : {out, err, rejects, warnings}) fs::remove(f);
  std::string command = std::string(ORDERNORM_CLI) + " " + args + " -j " + std::to_string(jobs);
  if (files) command += " --rejects " + rejects + " --warnings " + warnings;
  command += " > " + out + " 2> " + err;
  cli_run r;
  const int status = std::system(command.c_str());
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  if (files) {
    r.rejects = read_file(rejects);
    r.warnings = read_file(warnings);
  }
  return r;
}

void expect_cli_same_on_all_jobs(const std::string& args) {
  for (bool files : {false, true}) {
    const cli_run one = run_cli(args, 1, files);
    ASSERT_FALSE(one.out.empty() && one.err.empty()) << args;
    for (unsigned jobs : {2u, 7u}) {
      const cli_run many = run_cli(args, jobs, files);
      EXPECT_EQ(many.status, one.status) << args << " -j " << jobs;
      EXPECT_TRUE(many.out == one.out) << first_difference(many.out, one.out) << "\n"
                                       << args << " -j " << jobs;
      EXPECT_TRUE(many.err == one.err) << first_difference(many.err, one.err) << "\n"
                                       << args << " -j " << jobs;
      EXPECT_TRUE(many.rejects == one.rejects)
          << first_difference(many.rejects, one.rejects) << "\n"
          << args << " -j " << jobs;
      EXPECT_TRUE(many.warnings == one.warnings)
          << first_difference(many.warnings, one.warnings) << "\n"
          << args << " -j " << jobs;
    }
  }
}

std::string joined(const std::vector<std::string>& files) {
  std::string out;
  for (const std::string& f : files) out += " '" + f + "'";
  return out;
}

TEST(CliJobs, ByteIdenticalOnExamplesGoldenAndConformance) {
  std::vector<std::string> inputs = files_in(source_dir / "examples", "");
  for (const std::string& f : files_in(source_dir / "tests" / "golden", ".json")) {
    inputs.push_back(f);
  }
  for (const std::string& f : files_in(shared / "conformance", ".json")) {
    if (f.find("/tracking/") == std::string::npos) inputs.push_back(f);
  }
  expect_cli_same_on_all_jobs("convert" + joined(inputs));
  expect_cli_same_on_all_jobs("convert --format json" + joined(inputs));
}

TEST(CliJobs, ByteIdenticalWithFilters) {
  std::vector<std::string> inputs = files_in(source_dir / "examples", "");
  for (const std::string& f : files_in(source_dir / "tests" / "golden", ".json")) {
    inputs.push_back(f);
  }
  const std::string filters = " --fulfillment-status unfulfilled,partial --currency USD,EUR";
  expect_cli_same_on_all_jobs("convert" + filters + joined(inputs));
  // The array's separators, with orders left out before, between and after.
  expect_cli_same_on_all_jobs("convert --format json --order-status Pending,Cancelled" +
                              joined(inputs));
  expect_cli_same_on_all_jobs("convert --created-after 2024-01-01 --updated-before 2026-01-01" +
                              joined(inputs));
}

// Both CSV files, with and without a filter, on 1, 2 and 7 threads.
TEST(CliJobs, ByteIdenticalCsvAndLineItems) {
  std::vector<std::string> inputs = files_in(source_dir / "examples", "");
  for (const std::string& f : files_in(source_dir / "tests" / "golden", ".json")) {
    inputs.push_back(f);
  }
  const std::string items = temp_path("items.csv");
  for (const std::string filter : {"", " --payment-status Paid"}) {
    const std::string args = "convert --format csv --line-items " + items + filter + joined(inputs);
    const cli_run one = run_cli(args, 1, true);
    const std::string one_items = read_file(items);
    ASSERT_GT(one_items.size(), 1000u) << args;
    for (unsigned jobs : {2u, 7u}) {
      const cli_run many = run_cli(args, jobs, true);
      EXPECT_TRUE(many == one) << first_difference(many.out, one.out) << "\n" << args;
      const std::string many_items = read_file(items);
      EXPECT_TRUE(many_items == one_items) << first_difference(many_items, one_items) << "\n"
                                           << args << " -j " << jobs;
    }
  }
  fs::remove(items);
}

// A run of 2500 rejects: the CLI's batches (1024 documents at most) end
// inside it; the orders cross the 1 MiB batch size too.
TEST(CliJobs, ByteIdenticalOnAMixWithLongRunsOfRejects) {
  const mixed_dump mix = make_mix(700, 2500);
  const std::string path = temp_path("cli-mix.ndjson");
  write_file(path, mix.text);
  const std::string limits = " --max-record-bytes 64K ";
  expect_cli_same_on_all_jobs("convert" + limits + path);
  expect_cli_same_on_all_jobs("convert -q --format json" + limits + path + " " + path);
  const cli_run one = run_cli("convert" + limits + path, 1, true);
  EXPECT_EQ(one.status, 1);
  EXPECT_NE(one.err.find(std::to_string(mix.records) +
                         " records: " + std::to_string(mix.records - mix.rejected.size()) +
                         " converted, " + std::to_string(mix.rejected.size()) + " rejected"),
            std::string::npos)
      << one.err;
  fs::remove(path);
}

TEST(CliJobs, TruncatedGzipMidInput) {
  const mixed_dump mix = make_mix(300, 40);
  const std::string plain = temp_path("cli-io.ndjson");
  const std::string gz = temp_path("cli-io.ndjson.gz");
  write_file(plain, mix.text);
  ASSERT_EQ(std::system(("gzip -c " + plain + " > " + gz).c_str()), 0);
  const std::string packed = read_file(gz);
  write_file(gz, packed.substr(0, packed.size() * 2 / 3));
  expect_cli_same_on_all_jobs("convert --max-record-bytes 64K " + plain + " " + gz + " " + plain);
  const cli_run one = run_cli("convert --max-record-bytes 64K " + plain + " " + gz, 1, false);
  EXPECT_EQ(one.status, 2);
  EXPECT_NE(one.err.find(gz + ": "), std::string::npos);
  fs::remove(plain);
  fs::remove(gz);
}

TEST(CliJobs, TrackByteIdentical) {
  std::vector<std::string> inputs = files_in(source_dir / "tests" / "golden_tracking", ".json");
  for (const std::string& f : files_in(shared / "conformance" / "tracking", ".json")) {
    inputs.push_back(f);
  }
  for (const std::string& f : files_in(source_dir / "tests" / "golden" / "malomo", ".json")) {
    inputs.push_back(f);
  }
  inputs.push_back((source_dir / "examples" / "shopify-orders.ndjson").string());
  expect_cli_same_on_all_jobs("track" + joined(inputs));
  expect_cli_same_on_all_jobs("track --explain" + joined(inputs));
}

TEST(CliJobs, JobsMustBeAPositiveNumber) {
  const std::string cli = ORDERNORM_CLI;
  const std::string input = (source_dir / "examples" / "shopify-order.json").string();
  for (const std::string bad :
       {"-j 0", "-j x", "-j -1", "--jobs=", "-j 1.5", "-j 99999", "-j", "--jobs 2k"}) {
    EXPECT_EQ(std::system((cli + " convert " + input + " " + bad + " >/dev/null 2>&1").c_str()),
              2 << 8)
        << bad;
  }
  for (const std::string good : {"-j 3", "-j3", "--jobs 3", "--jobs=3", "-j 1"}) {
    EXPECT_EQ(std::system((cli + " convert -q " + input + " " + good + " >/dev/null").c_str()), 0)
        << good;
    EXPECT_EQ(std::system((cli + " track -q " + input + " " + good + " >/dev/null 2>&1").c_str()),
              1 << 8)
        << good << " (a Shopify order is no tracking document)";
  }
  const std::string help = temp_path("help");
  for (const std::string command : {"convert", "track"}) {
    ASSERT_EQ(std::system((cli + " " + command + " --help > " + help).c_str()), 0);
    EXPECT_NE(read_file(help).find("-j, --jobs N"), std::string::npos) << command;
  }
  fs::remove(help);
}

}  // namespace
