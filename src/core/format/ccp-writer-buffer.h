/* ccp-writer-buffer.h: the growing text buffer the writer builds its output in.
 *
 * Cheaper than a GString for many small pieces: appends are inline (a bounds check and a
 * memcpy; a literal's length is known at compile time), text is escaped by runs
 * (ccp-markup.h), integers are formatted without printf. With a sink, the buffer is handed
 * to it in large blocks (ccp_writer_buffer_flush_if_full()) so a large document is never
 * held whole; the first failure of the sink is kept by the sink.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "ccp-file.h"
#include "ccp-markup.h"

G_BEGIN_DECLS

typedef struct {
  char        *data;
  gsize        len;
  gsize        size;
  CcpFileSink *sink;   /* NULL: the whole text stays in the buffer */
} CcpWriterBuffer;

/* What a buffer with a sink holds at most between flushes, about. */
#define CCP_WRITER_BUFFER_FLUSH_SIZE (256 * 1024)

void   ccp_writer_buffer_init          (CcpWriterBuffer  *self,
                                        gsize             size,
                                        CcpFileSink      *sink);
void   ccp_writer_buffer_clear         (CcpWriterBuffer  *self);
/* Makes room for extra more bytes. */
void   ccp_writer_buffer_grow          (CcpWriterBuffer  *self,
                                        gsize             extra);
/* Hands what the buffer holds to its sink and empties it; FALSE if the sink failed. */
gboolean ccp_writer_buffer_flush       (CcpWriterBuffer  *self);
/* The text as GBytes, NUL-terminated past its end; the buffer is left empty. */
GBytes *ccp_writer_buffer_free_to_bytes (CcpWriterBuffer *self);

void   ccp_writer_buffer_append_escaped (CcpWriterBuffer *self,
                                         const char      *text,
                                         CcpMarkupContext context);
void   ccp_writer_buffer_append_uint    (CcpWriterBuffer *self,
                                         guint            value);

static inline char *
ccp_writer_buffer_reserve (CcpWriterBuffer *self,
                           gsize            n)
{
  if (G_UNLIKELY (self->size - self->len < n))
    ccp_writer_buffer_grow (self, n);
  return self->data + self->len;
}

static inline void
ccp_writer_buffer_append_len (CcpWriterBuffer *self,
                              const char      *text,
                              gsize            n)
{
  memcpy (ccp_writer_buffer_reserve (self, n), text, n);
  self->len += n;
}

static inline void
ccp_writer_buffer_append (CcpWriterBuffer *self,
                          const char      *text)
{
  ccp_writer_buffer_append_len (self, text, strlen (text));
}

/* A string literal, its length known at compile time. */
#define ccp_writer_buffer_append_literal(self, literal) \
  ccp_writer_buffer_append_len ((self), "" literal, sizeof (literal) - 1)

static inline void
ccp_writer_buffer_append_c (CcpWriterBuffer *self,
                            char             c)
{
  *ccp_writer_buffer_reserve (self, 1) = c;
  self->len++;
}

/* Element text and attribute values, escaped. */
static inline void
ccp_writer_buffer_append_text (CcpWriterBuffer *self,
                               const char      *text)
{
  ccp_writer_buffer_append_escaped (self, text, CCP_MARKUP_TEXT);
}

static inline void
ccp_writer_buffer_append_attribute_value (CcpWriterBuffer *self,
                                          const char      *value)
{
  ccp_writer_buffer_append_escaped (self, value, CCP_MARKUP_ATTRIBUTE);
}

/* Flushes at a safe point of the document once the buffer holds enough. */
static inline void
ccp_writer_buffer_flush_if_full (CcpWriterBuffer *self)
{
  if (self->sink != NULL && self->len >= CCP_WRITER_BUFFER_FLUSH_SIZE)
    ccp_writer_buffer_flush (self);
}

G_END_DECLS
