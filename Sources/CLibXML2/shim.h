#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 pulls ICU headers that clash with Foundation's on clean builds.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
// libxml2 links zlib, whose crc32 checks the parts a spreadsheet's zip archive inflates to.
#include <zlib.h>
#include <stddef.h>
#include <stdint.h>

// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void clibxml2_free(void *p) { xmlFree(p); }

// libxml2 prints the errors no parser context claims (an encoding it cannot convert, a UCS-4
// byte order it does not support) through its generic handler, to stderr by default. The
// handler is variadic, which Swift cannot write, and per thread, so every thread that parses
// installs this silent one; the parsers' own handlers still collect every error they see.
static void clibxml2_discard_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}
static inline void clibxml2_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, clibxml2_discard_generic_error);
}

// zlib's CRC-32 over any number of bytes (its own length argument is 32 bits wide).
static inline uint32_t clibxml2_crc32(uint32_t crc, const void *bytes, size_t count) {
  const unsigned char *at = (const unsigned char *)bytes;
  uLong value = crc;
  while (count > 0) {
    uInt piece = count > (1u << 30) ? (1u << 30) : (uInt)count;
    value = crc32(value, at, piece);
    at += piece;
    count -= piece;
  }
  return (uint32_t)value;
}
#endif
