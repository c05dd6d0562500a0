/* The C example from README.md, compiled and run as a test (in-tree and
 * against an installed package). Keep the two in sync. */
#include <ordernorm.h>
#include <stdio.h>

static int print_order(void* user, const char* json, size_t size, const ordernorm_position* at) {
  (void)user, (void)size, (void)at;
  puts(json); /* NUL-terminated, valid during the call only */
  return 0;   /* non-zero stops the conversion */
}

static int print_reject(void* user, const ordernorm_record_error* e) {
  (void)user;
  fprintf(stderr, "record %llu rejected at %s: %s (%s)\n", (unsigned long long)e->record,
          e->json_pointer, e->message, e->code_name);
  return 0;
}

int main(int argc, char** argv) {
  ordernorm_converter* conv;
  ordernorm_callbacks cb;
  ordernorm_callbacks_init(&cb);
  ordernorm_status status;
  char why[256];
  if (ordernorm_converter_new(NULL, &conv, why, sizeof why) != ORDERNORM_OK) { /* auto-detect */
    fprintf(stderr, "%s\n", why);
    return 2;
  }
  cb.on_order = print_order;
  cb.on_reject = print_reject;
  status = ordernorm_convert_file(conv, argc > 1 ? argv[1] : "-", &cb); /* gzip, zstd too */
  if (status != ORDERNORM_OK) fprintf(stderr, "%s\n", ordernorm_converter_message(conv));
  fprintf(stderr, "%llu converted, %llu rejected\n",
          (unsigned long long)ordernorm_converter_counts(conv).converted,
          (unsigned long long)ordernorm_converter_counts(conv).rejected);
  ordernorm_converter_free(conv);
  return status != ORDERNORM_OK ? 2 : 0;
}
