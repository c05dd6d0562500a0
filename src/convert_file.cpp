#include "ordernorm/convert_file.hpp"

#include "ordernorm/reader.hpp"

namespace ordernorm {

file_conversion convert_file(const std::string& path, order_sink& sink, const options& opts) {
  converter conv(opts);
  reader in = reader::open_file(path, reader_options_for(opts.limits));
  document_view doc;
  while (in.next(doc)) {
    if (doc.problem != error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
      continue;
    }
    conv.convert(doc, sink);
  }
  file_conversion out;
  out.records = conv.records();
  out.converted = conv.converted();
  out.rejected = conv.rejected();
  if (!in.ok()) out.failure = in.error();
  return out;
}

}  // namespace ordernorm
