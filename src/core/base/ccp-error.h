/* ccp-error.h: the core library's error domain. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CCP_ERROR (ccp_error_quark ())

typedef enum {
  CCP_ERROR_FAILED,          /* anything else */
  CCP_ERROR_NOT_REGULAR,     /* a directory, FIFO, device, socket, symlink loop */
  CCP_ERROR_TOO_LARGE,       /* bigger than the size a plan can sanely have */
  CCP_ERROR_EMPTY,           /* zero bytes */
  CCP_ERROR_ENCODING,        /* not UTF-8: invalid bytes, NUL bytes, UTF-16, compressed */
  CCP_ERROR_MALFORMED,       /* not well-formed XML, truncated */
  CCP_ERROR_FORBIDDEN,       /* DOCTYPE, entity, XInclude: refused on principle */
  CCP_ERROR_NOT_A_PLAN,      /* well-formed XML, but another root or namespace */
  CCP_ERROR_NEWER_VERSION,   /* made by a newer version of Creative Cities Plans */
  CCP_ERROR_DATA,            /* a shipped data file (vocabularies, registry) cannot be loaded */
  CCP_ERROR_FINAL,           /* the field plan is final (locked): reopen it first */
  CCP_ERROR_REVIEW,          /* a review that the state machine does not allow (ccp-cycle.h) */
} CcpError;

GQuark ccp_error_quark (void);

G_END_DECLS
