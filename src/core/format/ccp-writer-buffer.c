/* ccp-writer-buffer.c: the growing text buffer of the writer (ccp-writer-buffer.h). */
#define G_LOG_DOMAIN "ccp-writer"

#include "config.h"

#include "ccp-writer-buffer.h"

void
ccp_writer_buffer_init (CcpWriterBuffer *self,
                        gsize            size,
                        CcpFileSink     *sink)
{
  self->size = MAX (size, 64);
  self->data = g_malloc (self->size);
  self->len = 0;
  self->sink = sink;
}

void
ccp_writer_buffer_clear (CcpWriterBuffer *self)
{
  g_clear_pointer (&self->data, g_free);
  self->len = self->size = 0;
}

void
ccp_writer_buffer_grow (CcpWriterBuffer *self,
                        gsize            extra)
{
  gsize size = MAX (self->size, 64);

  if (G_MAXSIZE - self->len <= extra)
    g_error ("The writer's buffer cannot grow past %" G_GSIZE_FORMAT " bytes", self->len);
  while (size - self->len < extra)
    size = size < G_MAXSIZE / 2 ? 2 * size : G_MAXSIZE;
  self->data = g_realloc (self->data, size);
  self->size = size;
}

gboolean
ccp_writer_buffer_flush (CcpWriterBuffer *self)
{
  gboolean ok;

  g_return_val_if_fail (self->sink != NULL, FALSE);

  /* A failed write is kept by the sink and reported at the end: the rest is dropped. */
  ok = ccp_file_sink_write (self->sink, self->data, self->len);
  self->len = 0;
  return ok;
}

GBytes *
ccp_writer_buffer_free_to_bytes (CcpWriterBuffer *self)
{
  gsize len = self->len;
  char *data;

  /* A NUL past the end, as g_string_free_to_bytes() gives. */
  ccp_writer_buffer_append_c (self, '\0');
  data = g_realloc (g_steal_pointer (&self->data), self->len);
  self->len = self->size = 0;
  return g_bytes_new_take (data, len);
}

void
ccp_writer_buffer_append_escaped (CcpWriterBuffer  *self,
                                  const char       *text,
                                  CcpMarkupContext  context)
{
  if (text == NULL)
    return;

  for (;;)
    {
      gsize n = ccp_markup_plain_length (text, context);
      const char *escape;
      gsize escape_length;

      ccp_writer_buffer_append_len (self, text, n);
      text += n;
      if (G_LIKELY (*text == '\0'))
        break;
      text += ccp_markup_escape_char (text, context, &escape, &escape_length);
      ccp_writer_buffer_append_len (self, escape, escape_length);
    }
}

void
ccp_writer_buffer_append_uint (CcpWriterBuffer *self,
                               guint            value)
{
  char digits[16];
  gsize n = sizeof digits;

  do
    {
      digits[--n] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  ccp_writer_buffer_append_len (self, digits + n, sizeof digits - n);
}
