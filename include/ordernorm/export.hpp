// ORDERNORM_API marks what the library exports. The library is compiled with
// hidden visibility, so that a shared libordernorm exports its API and
// nothing of the engine inside it (simdjson, fmt, the mappings).
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define ORDERNORM_API __attribute__((visibility("default")))
#else
#define ORDERNORM_API
#endif
// For what a class marked ORDERNORM_API holds but does not export (its
// private implementation, which would otherwise take the class's visibility).
#if defined(__GNUC__) || defined(__clang__)
#define ORDERNORM_LOCAL __attribute__((visibility("hidden")))
#else
#define ORDERNORM_LOCAL
#endif
