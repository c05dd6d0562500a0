// The throwaway PostgreSQL cluster of the ctest fixture `postgres`
// (tests/postgres_cluster.sh, tests/CMakeLists.txt): its connection URL and
// password, as Postgres.ClusterSetup wrote them. A test that needs them is
// made with ordernorm_postgres_test, which requires the fixture, so that
// `ctest -R Name` starts the cluster first. Never a skip: without the files
// the test fails, saying how to get a cluster.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#ifndef ORDERNORM_POSTGRES_URL_FILE
#error "ORDERNORM_POSTGRES_URL_FILE: make the test with ordernorm_postgres_test"
#endif

namespace ordernorm::testing {

// The first line of a file the fixture wrote; fails the calling test (and
// returns "") when it is missing or empty.
inline std::string postgres_fixture_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) {
    ADD_FAILURE() << "no PostgreSQL cluster: " << file
                  << " is missing or empty. Run the test through ctest, which starts the "
                     "cluster first (the fixture `postgres`: ctest --test-dir build -R "
                     "<test>), or start one by hand: sh tests/postgres_cluster.sh setup "
                  << file.parent_path() << " \"$(pg_config --bindir)\"";
    return {};
  }
  return line;
}

// postgresql://ordernorm:PASSWORD@/ordernorm?host=SOCKET_DIR&port=5432
inline std::string postgres_url() { return postgres_fixture_line(ORDERNORM_POSTGRES_URL_FILE); }

// The password inside postgres_url(): what must never appear in a message.
inline std::string postgres_password() {
  return postgres_fixture_line(std::filesystem::path(ORDERNORM_POSTGRES_URL_FILE).parent_path() /
                               "password");
}

}  // namespace ordernorm::testing
