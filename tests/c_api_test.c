/* The C interface (include/ordernorm.h), compiled as C99: converts the
 * examples through files and through bytes and checks what README.md shows
 * for them. Prints each failed check and exits non-zero if any failed. */
#include <ordernorm.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ORDERNORM_EXAMPLES_DIR
#error "ORDERNORM_EXAMPLES_DIR must name examples/"
#endif

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

/* What the callbacks saw. The strings are copied: they live only during the
 * callback. */
typedef struct seen {
  int orders;
  int rejects;
  int warnings;
  int stop_after; /* on_order returns non-zero at this order (0: never) */
  char first_order[4096];
  ordernorm_position first_order_at;
  ordernorm_status reject_code;
  char reject_code_name[64];
  char reject_pointer[64];
  char reject_message[256];
  unsigned long long reject_record;
  unsigned long long reject_offset;
} seen;

static void copy(char* out, size_t out_size, const char* text) {
  strncpy(out, text, out_size - 1);
  out[out_size - 1] = '\0';
}

static int on_order(void* user, const char* json, size_t size, const ordernorm_position* at) {
  seen* s = (seen*)user;
  CHECK(json[size] == '\0');
  if (s->orders == 0) {
    copy(s->first_order, sizeof s->first_order, json);
    s->first_order_at = *at;
  }
  ++s->orders;
  return s->stop_after != 0 && s->orders == s->stop_after;
}

static int on_reject(void* user, const ordernorm_record_error* e) {
  seen* s = (seen*)user;
  if (s->rejects == 0) {
    s->reject_code = e->code;
    copy(s->reject_code_name, sizeof s->reject_code_name, e->code_name);
    copy(s->reject_pointer, sizeof s->reject_pointer, e->json_pointer);
    copy(s->reject_message, sizeof s->reject_message, e->message);
    s->reject_record = (unsigned long long)e->record;
    s->reject_offset = (unsigned long long)e->byte_offset;
  }
  ++s->rejects;
  return 0;
}

static int on_warning(void* user, const ordernorm_record_warning* w) {
  seen* s = (seen*)user;
  CHECK(w->code_name != NULL && w->message != NULL);
  ++s->warnings;
  return 0;
}

/* A callback that calls back into its own converter is refused. */
typedef struct reentry {
  ordernorm_converter* conv;
  ordernorm_status status;
} reentry;

static int on_order_reenter(void* user, const char* json, size_t size,
                            const ordernorm_position* at) {
  reentry* r = (reentry*)user;
  (void)json;
  (void)size;
  (void)at;
  r->status = ordernorm_convert_bytes(r->conv, "{}", 2, NULL);
  return 0;
}

static ordernorm_callbacks callbacks_for(seen* s) {
  ordernorm_callbacks cb;
  ordernorm_callbacks_init(&cb);
  cb.user = s;
  cb.on_order = on_order;
  cb.on_reject = on_reject;
  cb.on_warning = on_warning;
  return cb;
}

/* The whole file in memory (malloc'ed), for ordernorm_convert_bytes. */
static char* slurp(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  char* data = NULL;
  size_t used = 0, capacity = 0, n;
  if (f == NULL) return NULL;
  do {
    if (used == capacity) {
      char* grown;
      capacity = capacity == 0 ? 4096 : capacity * 2;
      grown = (char*)realloc(data, capacity);
      if (grown == NULL) break;
      data = grown;
    }
    n = fread(data + used, 1, capacity - used, f);
    used += n;
  } while (n > 0);
  fclose(f);
  *size = used;
  return data;
}

/* Converts examples/<name> through a file and through its bytes; both must
 * give `records` records, `converted` of them orders, the first order
 * holding `field`. */
static void check_example(ordernorm_converter* conv, const char* name, unsigned records,
                          unsigned converted, const char* field, seen* from_bytes) {
  char path[1024];
  int pass;
  snprintf(path, sizeof path, "%s/%s", ORDERNORM_EXAMPLES_DIR, name);
  for (pass = 0; pass < 2; ++pass) {
    seen s;
    ordernorm_callbacks cb;
    ordernorm_status status;
    ordernorm_counts counts;
    memset(&s, 0, sizeof s);
    cb = callbacks_for(&s);
    if (pass == 0) {
      status = ordernorm_convert_file(conv, path, &cb);
    } else {
      size_t size = 0;
      char* data = slurp(path, &size);
      CHECK(data != NULL);
      if (data == NULL) return;
      status = ordernorm_convert_bytes(conv, data, size, &cb);
      free(data);
    }
    if (status != ORDERNORM_OK) {
      fprintf(stderr, "%s (%s): %s: %s\n", name, pass == 0 ? "file" : "bytes",
              ordernorm_status_name(status), ordernorm_converter_message(conv));
    }
    CHECK(status == ORDERNORM_OK);
    CHECK(strcmp(ordernorm_converter_message(conv), "") == 0);
    counts = ordernorm_converter_counts(conv);
    CHECK(counts.records == records);
    CHECK(counts.converted == converted);
    CHECK(counts.rejected == records - converted);
    CHECK(s.orders == (int)converted);
    CHECK(s.rejects == (int)(records - converted));
    CHECK(strstr(s.first_order, field) != NULL);
    if (pass == 1 && from_bytes != NULL) *from_bytes = s;
  }
}

int main(void) {
  ordernorm_converter* conv = NULL;
  ordernorm_converter_options options;
  char message[256];
  ordernorm_status status;

  CHECK(ordernorm_version() != NULL && ordernorm_version()[0] != '\0');
  CHECK(ordernorm_abi_version() == ORDERNORM_ABI_VERSION);
  CHECK(strcmp(ordernorm_status_name(ORDERNORM_INVALID_MONEY), "invalid_money") == 0);
  CHECK(strcmp(ordernorm_status_name(ORDERNORM_STOPPED), "stopped") == 0);

  /* An unknown source is refused, saying which. */
  ordernorm_converter_options_init(&options);
  options.source = "shopifi";
  status = ordernorm_converter_new(&options, &conv, message, sizeof message);
  CHECK(status == ORDERNORM_INVALID_ARGUMENT);
  CHECK(conv == NULL);
  CHECK(strstr(message, "shopifi") != NULL);
  /* So is an as-of time that is not one. */
  ordernorm_converter_options_init(&options);
  options.as_of = "yesterday";
  CHECK(ordernorm_converter_new(&options, &conv, message, sizeof message) ==
        ORDERNORM_INVALID_ARGUMENT);
  CHECK(strstr(message, "yesterday") != NULL);

  ordernorm_converter_options_init(&options);
  options.source = "shopify";
  options.as_of = "2026-04-01T00:00:00Z";
  status = ordernorm_converter_new(&options, &conv, message, sizeof message);
  CHECK(status == ORDERNORM_OK);
  if (status != ORDERNORM_OK) {
    fprintf(stderr, "ordernorm_converter_new: %s\n", message);
    return 1;
  }

  /* What `ordernorm convert` says for the examples (README.md). */
  check_example(conv, "shopify-order.json", 1, 1, "\"remoteId\":\"5938450219334\"", NULL);
  check_example(conv, "shopify-orders.ndjson", 3, 3, "\"remoteId\":\"5938450219335\"", NULL);
  {
    /* README: record 1 rejected at offset 133, /total_price, invalid_money. */
    seen s;
    memset(&s, 0, sizeof s);
    check_example(conv, "shopify-with-bad-record.ndjson", 2, 1, "\"remoteId\":\"5938450219335\"",
                  &s);
    CHECK(s.reject_code == ORDERNORM_INVALID_MONEY);
    CHECK(strcmp(s.reject_code_name, "invalid_money") == 0);
    CHECK(s.reject_record == 1);
    CHECK(s.reject_offset == 133);
    CHECK(strcmp(s.reject_pointer, "/total_price") == 0);
    CHECK(strcmp(s.reject_message, "expected a decimal amount, got \"12,50\"") == 0);
    CHECK(s.first_order_at.record == 2);
  }

  {
    /* A non-zero return from on_order stops the conversion. */
    char path[1024];
    seen s;
    ordernorm_callbacks cb;
    memset(&s, 0, sizeof s);
    s.stop_after = 1;
    cb = callbacks_for(&s);
    snprintf(path, sizeof path, "%s/shopify-orders.ndjson", ORDERNORM_EXAMPLES_DIR);
    CHECK(ordernorm_convert_file(conv, path, &cb) == ORDERNORM_STOPPED);
    CHECK(s.orders == 1);
    CHECK(ordernorm_converter_counts(conv).records == 1);
  }

  {
    /* A missing file is an I/O error that names it; no callbacks at all is
     * allowed (counts only). */
    CHECK(ordernorm_convert_file(conv, "/nonexistent/orders.ndjson", NULL) == ORDERNORM_IO_ERROR);
    CHECK(strstr(ordernorm_converter_message(conv), "/nonexistent/orders.ndjson") != NULL);
    CHECK(ordernorm_convert_bytes(conv, "{\"id\":1", 7, NULL) == ORDERNORM_OK);
    CHECK(ordernorm_converter_counts(conv).rejected == 1);
    CHECK(ordernorm_convert_bytes(conv, NULL, 0, NULL) == ORDERNORM_OK);
    CHECK(ordernorm_converter_counts(conv).records == 0);
    CHECK(ordernorm_convert_file(conv, NULL, NULL) == ORDERNORM_INVALID_ARGUMENT);
  }

  {
    /* Callbacks not made by ordernorm_callbacks_init (a zeroed struct, or
     * another header's size) are refused with a message, never read. */
    seen s;
    ordernorm_callbacks cb;
    memset(&s, 0, sizeof s);
    cb = callbacks_for(&s);
    cb.struct_size = 0;
    CHECK(ordernorm_convert_bytes(conv, "{}", 2, &cb) == ORDERNORM_INVALID_ARGUMENT);
    CHECK(strstr(ordernorm_converter_message(conv), "ordernorm_callbacks_init") != NULL);
    cb.struct_size = sizeof cb + 8;
    CHECK(ordernorm_convert_bytes(conv, "{}", 2, &cb) == ORDERNORM_INVALID_ARGUMENT);
    CHECK(s.orders == 0 && s.rejects == 0);
  }

  {
    char path[1024];
    reentry r;
    ordernorm_callbacks cb;
    ordernorm_callbacks_init(&cb);
    r.conv = conv;
    r.status = ORDERNORM_OK;
    cb.user = &r;
    cb.on_order = on_order_reenter;
    snprintf(path, sizeof path, "%s/shopify-order.json", ORDERNORM_EXAMPLES_DIR);
    CHECK(ordernorm_convert_file(conv, path, &cb) == ORDERNORM_OK);
    CHECK(r.status == ORDERNORM_INVALID_ARGUMENT);
  }

  ordernorm_converter_free(conv);
  ordernorm_converter_free(NULL);
  if (failures != 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed (ordernorm %s)\n", ordernorm_version());
  return 0;
}
