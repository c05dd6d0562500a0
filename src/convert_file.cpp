#include "ordernorm/convert_file.hpp"

namespace ordernorm {

file_conversion convert_documents(reader& in, converter& conv, order_sink& sink) {
  const std::uint64_t records = conv.records();
  const std::uint64_t converted = conv.converted();
  const std::uint64_t rejected = conv.rejected();
  document_view doc;
  while (in.next(doc)) {
    if (doc.problem != error_code::ok) {
      conv.reject_record(in.problem(doc), sink);
      continue;
    }
    conv.convert(doc, sink);
  }
  file_conversion out;
  out.records = conv.records() - records;
  out.converted = conv.converted() - converted;
  out.rejected = conv.rejected() - rejected;
  if (!in.ok()) out.failure = in.error();
  return out;
}

file_conversion convert_file(const std::string& path, order_sink& sink, const options& opts) {
  converter conv(opts);
  reader in = reader::open_file(path, reader_options_for(opts.limits));
  return convert_documents(in, conv, sink);
}

}  // namespace ordernorm
