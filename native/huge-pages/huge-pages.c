/*
 * advise(bytes, offset, length): asks Linux for transparent huge pages (madvise MADV_HUGEPAGE)
 * on the 2 MiB-aligned part of a Uint8Array's memory (over an ArrayBuffer or a SharedArrayBuffer)
 * not yet touched. Why: the solver arenas are
 * hundreds of MB written once each; with 4 KiB pages every first write is a page fault, and on
 * virtual machines whose faults are slow (about 10 µs measured on the CI kind) those faults cost
 * more than the solve. numpy advises its large arrays the same way. Returns the bytes advised (0
 * where the kernel refuses or the range holds no whole huge page).
 */
#define _DEFAULT_SOURCE
#include <node_api.h>
#include <stdint.h>
#include <sys/mman.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)

static napi_value advise(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_value result;
  void *data = NULL;
  size_t byteLength = 0;
  napi_typedarray_type type;
  napi_value arraybuffer;
  size_t byteOffset = 0;
  double offset = 0, length = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 3 ||
      napi_get_typedarray_info(env, argv[0], &type, &byteLength, &data, &arraybuffer, &byteOffset) != napi_ok ||
      type != napi_uint8_array ||
      napi_get_value_double(env, argv[1], &offset) != napi_ok ||
      napi_get_value_double(env, argv[2], &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "advise(uint8Array, offset, length)");
    return NULL;
  }
  double advised = 0;
  if (data && offset >= 0 && length > 0 && offset + length <= (double)byteLength) {
    uintptr_t from = ((uintptr_t)data + (uintptr_t)offset + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uintptr_t to = ((uintptr_t)data + (uintptr_t)offset + (uintptr_t)length) & ~(HUGE_PAGE - 1);
#ifdef MADV_HUGEPAGE
    if (to > from && madvise((void *)from, to - from, MADV_HUGEPAGE) == 0) advised = (double)(to - from);
#endif
  }
  napi_create_double(env, advised, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "advise", NAPI_AUTO_LENGTH, advise, NULL, &fn);
  napi_set_named_property(env, exports, "advise", fn);
  return exports;
}
