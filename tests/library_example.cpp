// The library example from README.md, compiled and run as a test (in-tree
// and against an installed package). Keep the two in sync.
#include <ordernorm/ordernorm.hpp>

#include <cstdio>
#include <string>

// Receives each order (or reject) as it is converted.
struct print_orders : ordernorm::order_sink {
  void on_order(const ordernorm::order& o, const ordernorm::record_position&) override {
    std::string json;
    ordernorm::write_json(o, json);
    std::printf("%s\n", json.c_str());
  }
  void on_reject(const ordernorm::record_error& e, const ordernorm::record_position& at) override {
    std::printf("record %llu rejected at %s: %s\n", static_cast<unsigned long long>(at.index),
                e.json_pointer.c_str(), e.message.c_str());
  }
};

int main() {
  ordernorm::converter conv;  // platform detected per document
  print_orders sink;
  conv.convert(R"({"order":{"id":450789469,"order_number":1001,"financial_status":"paid",
                  "currency":"USD","total_price":"409.9","created_at":"2008-01-10T11:00:00-05:00"}})",
               sink);
  return conv.converted() == 1 && conv.rejected() == 0 ? 0 : 1;
}
