/* ordernorm's C interface (C99): converts platform order JSON into the common
 * model's JSON, for callers that cannot use the C++ API (C, and languages
 * that bind to C). It is a thin layer over ordernorm::converter and
 * ordernorm::reader (include/ordernorm/): the same inputs give the same
 * orders, rejects and warnings as `ordernorm convert`.
 *
 *   static int print(void* user, const char* json, size_t size, const ordernorm_position* at) {
 *     (void)user; (void)size; (void)at;
 *     puts(json);
 *     return 0;  // go on
 *   }
 *   ...
 *   ordernorm_converter* conv;
 *   if (ordernorm_converter_new(NULL, &conv, NULL, 0) != ORDERNORM_OK) return 1;
 *   ordernorm_callbacks cb;
 *   ordernorm_callbacks_init(&cb);
 *   cb.on_order = print;
 *   ordernorm_status s = ordernorm_convert_file(conv, "orders.ndjson.gz", &cb);
 *   if (s != ORDERNORM_OK) fprintf(stderr, "%s\n", ordernorm_converter_message(conv));
 *   ordernorm_converter_free(conv);
 *
 * Errors: every function that can fail returns an ordernorm_status. No C++
 * exception and no C++ type crosses this interface; there is no global error
 * state (a failed call's message is kept by the converter, or written into
 * the caller's buffer by ordernorm_converter_new).
 *
 * Ownership: the caller owns everything it passes in (options, strings,
 * bytes, callbacks), and the library reads them only during the call (the
 * options' strings only during ordernorm_converter_new). A converter is
 * owned by the caller and released with ordernorm_converter_free. Every
 * pointer the library hands out during a callback (the order's JSON, a
 * message, a JSON pointer, the structs themselves) is owned by the library
 * and valid only until that callback returns: copy what you keep. The
 * strings of ordernorm_version, ordernorm_status_name and the code_name
 * members are static.
 *
 * Thread safety: a converter is used by one thread at a time; distinct
 * converters may run concurrently on different threads. ordernorm_version,
 * ordernorm_abi_version, ordernorm_status_name,
 * ordernorm_converter_options_init and ordernorm_callbacks_init may be
 * called from any thread.
 *
 * Re-entrancy: a callback must not call any function on the converter that
 * called it (it gets ORDERNORM_INVALID_ARGUMENT); other converters are
 * fine. Callbacks must return normally (no longjmp, no C++ exception).
 */
#ifndef ORDERNORM_H
#define ORDERNORM_H

#include <stddef.h>
#include <stdint.h>

/* The library is compiled with hidden visibility: a shared libordernorm
 * exports what is marked so, these functions among them. Its own macro, for
 * this header includes no C++ header (ordernorm/export.hpp). */
#if defined(__GNUC__) || defined(__clang__)
#define ORDERNORM_C_API __attribute__((visibility("default")))
#else
#define ORDERNORM_C_API
#endif

/* Incremented whenever a declaration here changes incompatibly; compare with
 * ordernorm_abi_version() to catch a header and a library that disagree. */
#define ORDERNORM_ABI_VERSION 2

#ifdef __cplusplus
extern "C" {
#endif

/* What a call returned, and a reject's code. The record codes have the names
 * and values of ordernorm::error_code (error.hpp) and the CLI's rejects
 * file; the last four belong to this interface. */
typedef enum ordernorm_status {
  ORDERNORM_OK = 0,
  ORDERNORM_INVALID_JSON = 1,
  ORDERNORM_WRONG_TYPE = 2,
  ORDERNORM_NOT_AN_OBJECT = 3,
  ORDERNORM_INVALID_MONEY = 4,
  ORDERNORM_MONEY_OUT_OF_RANGE = 5,
  ORDERNORM_INVALID_TIMESTAMP = 6,
  ORDERNORM_TIMESTAMP_OUT_OF_RANGE = 7,
  ORDERNORM_NAIVE_TIMESTAMP = 8,
  ORDERNORM_INVALID_NUMBER = 9,
  ORDERNORM_MISSING_FIELD = 10,
  ORDERNORM_UNKNOWN_PLATFORM = 11,
  ORDERNORM_UNSUPPORTED_PLATFORM = 12,
  ORDERNORM_PLATFORM_MISMATCH = 13,
  ORDERNORM_TRAILING_CONTENT = 14,
  ORDERNORM_SOURCE_ERROR = 15,
  ORDERNORM_MISSING_PARENT = 16,
  ORDERNORM_RECORD_TOO_LARGE = 17,
  ORDERNORM_DEPTH_LIMIT_EXCEEDED = 18,
  ORDERNORM_STRING_TOO_LONG = 19,
  /* The input could not be opened or read (a call's status only). */
  ORDERNORM_IO_ERROR = 20,
  /* A null pointer, an unknown source name, an unreadable as-of time, a
   * converter called from its own callback. */
  ORDERNORM_INVALID_ARGUMENT = 100,
  ORDERNORM_OUT_OF_MEMORY = 101,
  /* A callback returned non-zero: conversion stopped early. */
  ORDERNORM_STOPPED = 102,
  /* A failure inside the library that none of the above describes. */
  ORDERNORM_INTERNAL_ERROR = 103
} ordernorm_status;

/* A warning's kind: the names and values of ordernorm::warning_code
 * (common.hpp). */
typedef enum ordernorm_warning_code {
  ORDERNORM_WARNING_UNCLASSIFIED = 0,
  ORDERNORM_WARNING_UNEXPANDED_LINK = 1,
  ORDERNORM_WARNING_OTHER_CURRENCY = 2,
  ORDERNORM_WARNING_INEXACT_VALUE = 3,
  ORDERNORM_WARNING_SEVERAL_ADDRESSES = 4,
  ORDERNORM_WARNING_UNREADABLE_TIME = 5,
  ORDERNORM_WARNING_TIMES_DISAGREE = 6,
  ORDERNORM_WARNING_PRESENTMENT_MONEY = 7
} ordernorm_warning_code;

/* How a converter converts. Start from ordernorm_converter_options_init:
 * struct_size lets the struct grow, members only added at the end, while a
 * later library still accepts the sizes of earlier headers (this first one
 * accepts its own size only). A zero or null member means the default. */
typedef struct ordernorm_converter_options {
  size_t struct_size;        /* sizeof(ordernorm_converter_options) */
  const char* source;        /* "shopify", "woocommerce", ...; NULL or "auto" detects it per
                                document (the CLI's --from) */
  uint64_t max_record_bytes; /* 0: 256 MiB (--max-record-bytes) */
  uint64_t max_depth;        /* 0: 1024 (--max-depth) */
  uint64_t max_string_bytes; /* 0: 16 MiB (--max-string-bytes) */
  const char* as_of;         /* "now" for time-based rules, RFC 3339 ("2024-05-01T00:00:00Z");
                                NULL: none apply (--as-of) */
  int strict;                /* non-zero: reject records that are not valid JSON
                                throughout (--strict) */
} ordernorm_converter_options;

/* Where a record sits in its input. */
typedef struct ordernorm_position {
  uint64_t record;      /* 1-based number of the record in the input */
  uint64_t byte_offset; /* offset of the record's first byte */
} ordernorm_position;

/* Why a record was rejected, and where. */
typedef struct ordernorm_record_error {
  ordernorm_status code;
  const char* code_name;    /* "invalid_money", as in the CLI's rejects file */
  const char* message;      /* "expected a decimal amount, got \"12,50\"" */
  const char* json_pointer; /* RFC 6901, inside the record; "" for the record itself */
  uint64_t record;          /* 1-based number of the record in the input */
  uint64_t byte_offset;     /* offset of the offending value in the input */
} ordernorm_record_error;

/* Something a converted record lacks; the record still converts. Delivered
 * before that record's order. */
typedef struct ordernorm_record_warning {
  ordernorm_warning_code code;
  const char* code_name; /* "unexpanded_link" */
  const char* message;
  const char* json_pointer; /* inside the record */
  uint64_t record;          /* 1-based number of the record in the input */
  uint64_t byte_offset;     /* offset of the record's first byte */
} ordernorm_record_warning;

/* Receives the conversion's results, in input order. A null callback (or a
 * null ordernorm_callbacks pointer) ignores that kind of result. A callback
 * that returns non-zero stops the conversion: no callback follows, and the
 * call returns ORDERNORM_STOPPED. Start from ordernorm_callbacks_init:
 * struct_size lets the struct grow, as ordernorm_converter_options does. */
typedef struct ordernorm_callbacks {
  size_t struct_size; /* sizeof(ordernorm_callbacks) */
  void* user;         /* passed back to every callback */
  /* One normalized order as compact JSON: `size` bytes, followed by a NUL. */
  int (*on_order)(void* user, const char* json, size_t size, const ordernorm_position* at);
  int (*on_reject)(void* user, const ordernorm_record_error* error);
  int (*on_warning)(void* user, const ordernorm_record_warning* warning);
} ordernorm_callbacks;

/* Records of the converter's last input; records == converted + rejected. */
typedef struct ordernorm_counts {
  uint64_t records;
  uint64_t converted;
  uint64_t rejected;
} ordernorm_counts;

typedef struct ordernorm_converter ordernorm_converter;

/* The library's version ("0.1.0", ORDERNORM_VERSION); static. */
ORDERNORM_C_API const char* ordernorm_version(void);
/* The ORDERNORM_ABI_VERSION the library was built with. */
ORDERNORM_C_API int ordernorm_abi_version(void);
/* "invalid_money", "stopped", ...; "unknown" for a value not in the enum. */
ORDERNORM_C_API const char* ordernorm_status_name(ordernorm_status status);

/* Sets every member to its default and struct_size to sizeof *options. */
ORDERNORM_C_API void ordernorm_converter_options_init(ordernorm_converter_options* options);
/* Sets every member to NULL and struct_size to sizeof *callbacks. */
ORDERNORM_C_API void ordernorm_callbacks_init(ordernorm_callbacks* callbacks);

/* Creates a converter into *out (NULL options: every default). On failure
 * *out is NULL and, when message_size > 0, `message` receives why,
 * NUL-terminated and cut to fit (as snprintf). */
ORDERNORM_C_API ordernorm_status ordernorm_converter_new(const ordernorm_converter_options* options,
                                                         ordernorm_converter** out, char* message,
                                                         size_t message_size);
/* Releases a converter; NULL is ignored. */
ORDERNORM_C_API void ordernorm_converter_free(ordernorm_converter* converter);

/* Each call converts one input, numbering its records from 1, and delivers
 * every record to the callbacks as an order or a reject, never dropped.
 * Records rejected by the converter do not fail the call: it returns
 * ORDERNORM_OK, and the counts say how many were rejected. */

/* An input in memory, read exactly as a file of those bytes: NDJSON, RFC 7464
 * sequences, concatenated or pretty-printed documents, arrays and list
 * envelopes, gzip and zstd, Shopify bulk exports (stitched exactly, as from
 * a file). Plain bytes are read in place, and must not change during the
 * call; compressed ones are copied once into an anonymous memory file
 * (Linux: memfd_create). */
ORDERNORM_C_API ordernorm_status ordernorm_convert_bytes(ordernorm_converter* converter,
                                                         const char* data, size_t size,
                                                         const ordernorm_callbacks* callbacks);
/* A file, as `ordernorm convert` reads it; "-" is standard input. A file
 * that cannot be opened, or a read error, returns ORDERNORM_IO_ERROR (the
 * records before a read error are still delivered). */
ORDERNORM_C_API ordernorm_status ordernorm_convert_file(ordernorm_converter* converter,
                                                        const char* path,
                                                        const ordernorm_callbacks* callbacks);

/* The counts of the last input. After a stop, they include the records of
 * the stopping document converted after the stop but not delivered (a list
 * of orders is converted whole; an NDJSON line is one document). */
ORDERNORM_C_API ordernorm_counts ordernorm_converter_counts(const ordernorm_converter* converter);
/* Why the converter's last call failed, "" after a success. Owned by the
 * converter; valid until its next call. */
ORDERNORM_C_API const char* ordernorm_converter_message(const ordernorm_converter* converter);

#ifdef __cplusplus
}
#endif

#endif /* ORDERNORM_H */
