/* ccp-writer-private.h: what the parts of the writer share: the pieces of markup, appended to
 * a CcpWriterBuffer, and the writing of a list of activities (ccp-writer-activities.c). */
#pragma once

#include "ccp-item-list.h"
#include "ccp-writer-buffer.h"

G_BEGIN_DECLS

/* Deep enough for every element of the format (a result's indicator is at level 7). */
#define WRITER_MAX_LEVEL 16

static inline void
writer_indent (CcpWriterBuffer *out,
               guint            level)
{
  static const char spaces[2 * WRITER_MAX_LEVEL + 1] = "                                ";

  g_assert (level <= WRITER_MAX_LEVEL);
  ccp_writer_buffer_append_len (out, spaces, 2 * level);
}

/* "<name" at its indent; attributes and the end of the tag follow. */
static inline void
writer_open_tag (CcpWriterBuffer *out,
                 guint            level,
                 const char      *name)
{
  writer_indent (out, level);
  ccp_writer_buffer_append_c (out, '<');
  ccp_writer_buffer_append (out, name);
}

/* Ends a start tag: "/>" for an element with no content, else ">". */
static inline void
writer_end_start_tag (CcpWriterBuffer *out,
                      gboolean         empty)
{
  if (empty)
    ccp_writer_buffer_append_literal (out, "/>\n");
  else
    ccp_writer_buffer_append_literal (out, ">\n");
}

/* name="value"; a NULL value leaves the attribute out. */
static inline void
writer_attribute (CcpWriterBuffer *out,
                  const char      *name,
                  const char      *value)
{
  if (value == NULL)
    return;

  ccp_writer_buffer_append_c (out, ' ');
  ccp_writer_buffer_append (out, name);
  ccp_writer_buffer_append_literal (out, "=\"");
  ccp_writer_buffer_append_attribute_value (out, value);
  ccp_writer_buffer_append_c (out, '"');
}

/* Ends the start tag of an element with its text and end tag, or as <name/> when the text is
 * empty. */
static inline void
writer_close_with_text (CcpWriterBuffer *out,
                        const char      *name,
                        const char      *text)
{
  if (text == NULL || *text == '\0')
    {
      ccp_writer_buffer_append_literal (out, "/>\n");
      return;
    }

  ccp_writer_buffer_append_c (out, '>');
  ccp_writer_buffer_append_text (out, text);
  ccp_writer_buffer_append_literal (out, "</");
  ccp_writer_buffer_append (out, name);
  ccp_writer_buffer_append_literal (out, ">\n");
}

static inline void
writer_end_element (CcpWriterBuffer *out,
                    guint            level,
                    const char      *name)
{
  writer_indent (out, level);
  ccp_writer_buffer_append_literal (out, "</");
  ccp_writer_buffer_append (out, name);
  ccp_writer_buffer_append_literal (out, ">\n");
}

/* <activities> with every activity of the list, or <activities/>: in a field plan each with
 * its <cities>. With a sink, out is flushed between activities. */
void _ccp_writer_write_activities (CcpWriterBuffer *out,
                                   guint            level,
                                   CcpItemList     *activities,
                                   gboolean         in_field_plan);

G_END_DECLS
