// The smallest C++ consumer: one order in, its JSON out. Built as C++17
// (tests/CMakeLists.txt), so the public headers are checked to need no more.
#include <cstdio>
#include <ordernorm/ordernorm.hpp>
#include <string>

int main() {
  const auto r = ordernorm::convert_one(R"({"order":{"id":450789469,"financial_status":"paid"}})");
  if (!r) return std::fprintf(stderr, "%s\n", r.error().message.c_str()), 1;
  std::string json;
  ordernorm::write_json(*r, json);
  std::puts(json.c_str());
}
