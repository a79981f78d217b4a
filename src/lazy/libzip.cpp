// libzip, loaded on first use. Debian's libzip links OpenSSL's libcrypto (for AES archives),
// whose 3,400 symbol bindings every process would pay at start-up although only a DOCX build
// or a LinkedIn import touches a ZIP. This file defines the libzip functions Tailor calls; the
// first call opens the shared library with dlopen and each function forwards to the real one,
// so callers keep including <zip.h> and calling libzip as usual. If the library cannot be
// loaded, every function fails the way libzip reports failure (a null pointer or -1), and the
// messages say why (docs/performance.md, "Start-up").
#include <dlfcn.h>
#include <zip.h>

#include <cstring>
#include <mutex>

namespace {

void* library() {
  static void* handle = dlopen(TAILOR_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  return handle;
}

const char* load_failure() {
  static std::once_flag once;
  static char message[256];
  std::call_once(once, [] {
    const char* why = library() ? "" : dlerror();
    std::strncpy(message, "cannot load " TAILOR_LIBZIP_SONAME ": ", sizeof message - 1);
    std::strncat(message, why ? why : "unknown error", sizeof message - std::strlen(message) - 1);
  });
  return message;
}

/// The real function, or null if libzip cannot be loaded.
template <typename Fn>
Fn real(const char* name) {
  void* sym = library() ? dlsym(library(), name) : nullptr;
  return reinterpret_cast<Fn>(sym);
}

}  // namespace

// One forwarding definition per function: FAIL is what it returns without the library.
#define TAILOR_ZIP_FORWARD(ret, name, params, args, fail) \
  extern "C" ret name params {                            \
    static const auto fn = real<decltype(&name)>(#name);  \
    if (!fn) return fail;                                 \
    return fn args;                                       \
  }

TAILOR_ZIP_FORWARD(int, zip_close, (zip_t * z), (z), -1)
TAILOR_ZIP_FORWARD(void, zip_discard, (zip_t * z), (z), void())
TAILOR_ZIP_FORWARD(void, zip_error_fini, (zip_error_t * e), (e), void())
TAILOR_ZIP_FORWARD(void, zip_error_init, (zip_error_t * e), (e), void(std::memset(e, 0, sizeof *e)))
TAILOR_ZIP_FORWARD(const char*, zip_error_strerror, (zip_error_t * e), (e), load_failure())
TAILOR_ZIP_FORWARD(int, zip_fclose, (zip_file_t * f), (f), -1)
TAILOR_ZIP_FORWARD(zip_int64_t, zip_file_add,
                   (zip_t * z, const char* name, zip_source_t* s, zip_flags_t flags),
                   (z, name, s, flags), -1)
TAILOR_ZIP_FORWARD(int, zip_file_set_dostime,
                   (zip_t * z, zip_uint64_t i, zip_uint16_t time, zip_uint16_t date,
                    zip_flags_t flags),
                   (z, i, time, date, flags), -1)
TAILOR_ZIP_FORWARD(const char*, zip_file_strerror, (zip_file_t * f), (f), load_failure())
TAILOR_ZIP_FORWARD(zip_file_t*, zip_fopen, (zip_t * z, const char* name, zip_flags_t flags),
                   (z, name, flags), nullptr)
TAILOR_ZIP_FORWARD(zip_file_t*, zip_fopen_index, (zip_t * z, zip_uint64_t i, zip_flags_t flags),
                   (z, i, flags), nullptr)
TAILOR_ZIP_FORWARD(zip_int64_t, zip_fread, (zip_file_t * f, void* buf, zip_uint64_t n), (f, buf, n),
                   -1)
TAILOR_ZIP_FORWARD(zip_int64_t, zip_get_num_entries, (zip_t * z, zip_flags_t flags), (z, flags), -1)
TAILOR_ZIP_FORWARD(zip_t*, zip_open, (const char* path, int flags, int* error),
                   (path, flags, error), (error ? * error = ZIP_ER_INTERNAL : 0, nullptr))
TAILOR_ZIP_FORWARD(zip_t*, zip_open_from_source, (zip_source_t * s, int flags, zip_error_t* e),
                   (s, flags, e), nullptr)
TAILOR_ZIP_FORWARD(int, zip_set_file_compression,
                   (zip_t * z, zip_uint64_t i, zip_int32_t method, zip_uint32_t level),
                   (z, i, method, level), -1)
TAILOR_ZIP_FORWARD(zip_source_t*, zip_source_buffer,
                   (zip_t * z, const void* data, zip_uint64_t n, int free), (z, data, n, free),
                   nullptr)
TAILOR_ZIP_FORWARD(zip_source_t*, zip_source_buffer_create,
                   (const void* data, zip_uint64_t n, int free, zip_error_t* e), (data, n, free, e),
                   nullptr)
TAILOR_ZIP_FORWARD(int, zip_source_close, (zip_source_t * s), (s), -1)
TAILOR_ZIP_FORWARD(void, zip_source_free, (zip_source_t * s), (s), void())
TAILOR_ZIP_FORWARD(void, zip_source_keep, (zip_source_t * s), (s), void())
TAILOR_ZIP_FORWARD(int, zip_source_open, (zip_source_t * s), (s), -1)
TAILOR_ZIP_FORWARD(zip_int64_t, zip_source_read, (zip_source_t * s, void* buf, zip_uint64_t n),
                   (s, buf, n), -1)
TAILOR_ZIP_FORWARD(int, zip_stat, (zip_t * z, const char* name, zip_flags_t flags, zip_stat_t* st),
                   (z, name, flags, st), -1)
TAILOR_ZIP_FORWARD(int, zip_stat_index,
                   (zip_t * z, zip_uint64_t i, zip_flags_t flags, zip_stat_t* st),
                   (z, i, flags, st), -1)
TAILOR_ZIP_FORWARD(void, zip_stat_init, (zip_stat_t * st), (st),
                   void(std::memset(st, 0, sizeof *st)))
TAILOR_ZIP_FORWARD(const char*, zip_strerror, (zip_t * z), (z), load_failure())
