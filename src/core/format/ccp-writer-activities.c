/* ccp-writer-activities.c: the <activities> of a plan or field plan, written by walking the
 * field table (ccp-activity-field.h) in its order, which is the schema's.
 *
 * The table is grouped once into the child elements of <activity> (the contiguous rows that
 * live in one element), and each row's value is fetched once per activity, for both whether
 * the element is written and what it holds.
 */
#define G_LOG_DOMAIN "ccp-writer"

#include "config.h"

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-writer-private.h"

/* One child element of <activity>: n contiguous rows of the table, the row of its text or
 * items (if any) first, then those of its attributes. */
typedef struct {
  const CcpActivityField *rows;
  guint                   n;
  gboolean                has_content;  /* rows[0] is the element's text or items */
  gboolean                always;       /* written even with no value */
  gboolean                per_city;     /* the rows of one element share alike */
} ElementRows;

#define MAX_ELEMENTS 64
#define MAX_ROWS_PER_ELEMENT 8

static struct {
  const CcpActivityField *attributes;   /* of <activity> itself: the first rows */
  guint                   n_attributes;
  ElementRows             elements[MAX_ELEMENTS];
  guint                   n_elements;
} layout;

static void
ensure_layout (void)
{
  static gsize done = 0;
  guint n_rows;
  const CcpActivityField *rows;

  if (!g_once_init_enter (&done))
    return;

  rows = ccp_activity_fields (&n_rows);
  layout.attributes = rows;
  while (layout.n_attributes < n_rows && rows[layout.n_attributes].element == NULL)
    layout.n_attributes++;
  for (guint i = 0; i < n_rows;)
    {
      ElementRows *element;
      guint n = 1;

      if (rows[i].element == NULL)
        {
          i++;
          continue;
        }
      while (i + n < n_rows && g_strcmp0 (rows[i + n].element, rows[i].element) == 0)
        n++;
      g_assert (layout.n_elements < MAX_ELEMENTS && n <= MAX_ROWS_PER_ELEMENT);
      element = &layout.elements[layout.n_elements++];
      element->rows = &rows[i];
      element->n = n;
      element->has_content = rows[i].attribute == NULL;
      element->per_city = rows[i].share == CCP_FIELD_SHARE_PER_CITY;
      for (guint j = 0; j < n; j++)
        element->always |= (rows[i + j].flags & CCP_FIELD_FLAGS_ALWAYS) != 0;
      i += n;
    }
  g_once_init_leave (&done, 1);
}

/* A row's value on one activity, fetched once. */
typedef struct {
  const char         *string;  /* a string, or a flag as "true"/"false" */
  const char * const *strv;    /* codes and texts */
  CcpItemList        *list;    /* the lists */
  gboolean            empty;   /* as ccp_activity_field_is_empty() */
} RowValue;

static void
fetch_value (const CcpActivityField *row,
             CcpActivity            *activity,
             RowValue               *value)
{
  value->string = NULL;
  value->strv = NULL;
  value->list = NULL;
  if (row->get_string != NULL)
    {
      value->string = row->get_string (activity);
      value->empty = *value->string == '\0';
    }
  else if (row->get_flag != NULL)
    {
      gboolean flag = row->get_flag (activity);

      value->string = flag ? "true" : "false";
      value->empty = !flag;
    }
  else if (row->get_strv != NULL)
    {
      value->strv = row->get_strv (activity);
      value->empty = value->strv == NULL || value->strv[0] == NULL;
    }
  else
    {
      /* Asking an activity without items for its list would make one: the writer is read
       * only (and runs on several threads). */
      value->empty = ccp_activity_peek_n_items (activity, row->get_list) == 0;
      value->list = value->empty ? NULL : row->get_list (activity);
    }
}

/* Codes as the file has them: joined by a space. */
static void
append_codes (CcpWriterBuffer    *out,
              const char * const *codes,
              CcpMarkupContext    context)
{
  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (i > 0)
        ccp_writer_buffer_append_c (out, ' ');
      ccp_writer_buffer_append_escaped (out, codes[i], context);
    }
}

static void
write_field_attribute (CcpWriterBuffer        *out,
                       const CcpActivityField *row,
                       const RowValue         *value)
{
  if ((row->flags & CCP_FIELD_FLAGS_IF_SET) && value->empty)
    return;
  if (value->string != NULL)
    {
      writer_attribute (out, row->attribute, value->string);
    }
  else if (row->type == CCP_FIELD_TYPE_CODES)
    {
      ccp_writer_buffer_append_c (out, ' ');
      ccp_writer_buffer_append (out, row->attribute);
      ccp_writer_buffer_append_literal (out, "=\"");
      if (value->strv != NULL)
        append_codes (out, value->strv, CCP_MARKUP_ATTRIBUTE);
      ccp_writer_buffer_append_c (out, '"');
    }
  /* Lists and texts have no attribute form. */
}

/* An item of a list field: its attributes, then its text or its child elements (the optional
 * ones left out when empty). */
static void
write_field_item (CcpWriterBuffer        *out,
                  guint                   level,
                  const CcpActivityField *row,
                  GObject                *item)
{
  const CcpItemField *text = NULL;
  gboolean has_children = FALSE;

  writer_open_tag (out, level, row->item);
  for (const CcpItemField *field = row->items; field->name != NULL; field++)
    {
      if (field->attribute != NULL)
        writer_attribute (out, field->attribute, field->get (item));
      else if (field->element != NULL)
        has_children = TRUE;
      else
        text = field;
    }

  if (!has_children)
    {
      writer_close_with_text (out, row->item, text != NULL ? text->get (item) : NULL);
      return;
    }

  ccp_writer_buffer_append_literal (out, ">\n");
  for (const CcpItemField *field = row->items; field->name != NULL; field++)
    {
      const char *value;

      if (field->element == NULL)
        continue;
      value = field->get (item);
      if ((value == NULL || *value == '\0') && ccp_activity_field_item_is_optional (row, field))
        continue;
      writer_open_tag (out, level + 1, field->element);
      writer_close_with_text (out, field->element, value);
    }
  writer_end_element (out, level, row->item);
}

/* Ends the start tag of a list field's element with its items and end tag; <name/> when it
 * has none. */
static void
close_with_items (CcpWriterBuffer        *out,
                  guint                   level,
                  const CcpActivityField *row,
                  const RowValue         *value)
{
  guint n;

  if (row->type == CCP_FIELD_TYPE_TEXTS)
    {
      const char * const *texts = value->strv;

      n = texts != NULL ? g_strv_length ((char **) texts) : 0;
      writer_end_start_tag (out, n == 0);
      for (guint i = 0; i < n; i++)
        {
          writer_open_tag (out, level + 1, row->item);
          writer_close_with_text (out, row->item, texts[i]);
        }
    }
  else
    {
      n = value->list != NULL ? ccp_item_list_get_n_items (value->list) : 0;
      writer_end_start_tag (out, n == 0);
      for (guint i = 0; i < n; i++)
        write_field_item (out, level + 1, row, ccp_item_list_peek (value->list, i));
    }
  if (n > 0)
    writer_end_element (out, level, row->element);
}

/* One child element of <activity>, written when a row says ALWAYS or when any of them has a
 * value. */
static void
write_field_element (CcpWriterBuffer   *out,
                     guint              level,
                     CcpActivity       *activity,
                     const ElementRows *element)
{
  const CcpActivityField *rows = element->rows;
  RowValue values[MAX_ROWS_PER_ELEMENT];
  gboolean write = element->always;

  for (guint i = 0; i < element->n; i++)
    {
      fetch_value (&rows[i], activity, &values[i]);
      write |= !values[i].empty;
    }
  if (!write)
    return;

  writer_open_tag (out, level, rows[0].element);
  for (guint i = element->has_content ? 1 : 0; i < element->n; i++)
    write_field_attribute (out, &rows[i], &values[i]);

  if (!element->has_content)
    {
      ccp_writer_buffer_append_literal (out, "/>\n");
    }
  else if (rows[0].item != NULL)
    {
      close_with_items (out, level, &rows[0], &values[0]);
    }
  else if (values[0].string != NULL)
    {
      writer_close_with_text (out, rows[0].element, values[0].string);
    }
  else
    {
      const char * const *codes = values[0].strv;

      /* Codes joined: nothing at all, or a single empty code, is the short form. */
      if (codes == NULL || codes[0] == NULL || (codes[1] == NULL && *codes[0] == '\0'))
        {
          ccp_writer_buffer_append_literal (out, "/>\n");
          return;
        }
      ccp_writer_buffer_append_c (out, '>');
      append_codes (out, codes, CCP_MARKUP_TEXT);
      ccp_writer_buffer_append_literal (out, "</");
      ccp_writer_buffer_append (out, rows[0].element);
      ccp_writer_buffer_append_literal (out, ">\n");
    }
}

/* The child elements of the activity's rows, in table order: only the per-city ones, or all
 * but them, or all. */
static void
write_field_elements (CcpWriterBuffer *out,
                      guint            level,
                      CcpActivity     *activity,
                      gboolean         per_city_only,
                      gboolean         skip_per_city)
{
  for (guint i = 0; i < layout.n_elements; i++)
    {
      const ElementRows *element = &layout.elements[i];

      if ((!per_city_only || element->per_city) && (!skip_per_city || !element->per_city))
        write_field_element (out, level, activity, element);
    }
}

/* Format 1.1: <city name= country= plan= activity=> with the city's per-city fields. */
static void
write_attribution (CcpWriterBuffer *out,
                   guint            level,
                   CcpAttribution  *attribution)
{
  gsize start;

  writer_open_tag (out, level, "city");
  writer_attribute (out, "name", ccp_attribution_get_city (attribution));
  writer_attribute (out, "country", ccp_attribution_get_country (attribution));
  writer_attribute (out, "plan", ccp_attribution_get_plan_id (attribution));
  writer_attribute (out, "activity", ccp_attribution_get_activity_id (attribution));
  ccp_writer_buffer_append_literal (out, ">\n");
  start = out->len;
  write_field_elements (out, level + 1, ccp_attribution_get_values (attribution), TRUE, FALSE);
  if (out->len == start)
    {
      /* No per-city value: <city .../> (the buffer is not flushed within an activity). */
      out->len = start - 2;
      ccp_writer_buffer_append_literal (out, "/>\n");
      return;
    }
  writer_end_element (out, level, "city");
}

static void
write_activity (CcpWriterBuffer *out,
                guint            level,
                CcpActivity     *activity,
                gboolean         in_field_plan)
{
  CcpItemList *attributions = ccp_activity_get_attributions (activity);
  guint n_cities = ccp_item_list_get_n_items (attributions);

  /* The rows of <activity>'s own attributes come first in the table. */
  writer_open_tag (out, level, "activity");
  for (guint i = 0; i < layout.n_attributes; i++)
    {
      RowValue value;

      fetch_value (&layout.attributes[i], activity, &value);
      write_field_attribute (out, &layout.attributes[i], &value);
    }
  ccp_writer_buffer_append_literal (out, ">\n");

  /* In a field plan the per-city fields are in each city's contribution (format 1.1). */
  write_field_elements (out, level + 1, activity, FALSE, in_field_plan && n_cities > 0);

  /* Attributions belong to field plans; a city plan that somehow has some keeps them rather
   * than losing them (the schema then flags the file). */
  if (in_field_plan || n_cities > 0)
    {
      writer_open_tag (out, level + 1, "cities");
      writer_end_start_tag (out, n_cities == 0);
      for (guint i = 0; i < n_cities; i++)
        write_attribution (out, level + 2, ccp_item_list_peek (attributions, i));
      if (n_cities > 0)
        writer_end_element (out, level + 1, "cities");
    }

  writer_end_element (out, level, "activity");
}

/* Large lists are written by chunks of CHUNK_SIZE activities in a thread pool, each into a
 * buffer of its own, while the calling thread writes the chunks done to out in order (and
 * writes the next chunks itself when no thread took them yet): the same bytes as one thread
 * gives, on every core. At most WINDOW chunks are pending, so at most WINDOW buffers are
 * held. The activities are only read (an activity's lists may be made on demand, by the one
 * thread that writes it). */
#define CHUNK_SIZE 64
#define MIN_PARALLEL (4 * CHUNK_SIZE)
#define MAX_THREADS 4

enum { CHUNK_QUEUED, CHUNK_TAKEN, CHUNK_DONE };

typedef struct {
  guint            first;
  guint            n;
  CcpWriterBuffer  buffer;
  gint             state;   /* atomic: CHUNK_* */
} Chunk;

typedef struct {
  CcpItemList *activities;
  guint        level;
  gboolean     in_field_plan;
  GMutex       mutex;
  GCond        cond;        /* a chunk is done */
} Job;

static void
write_chunk (Job   *job,
             Chunk *chunk)
{
  for (guint i = chunk->first; i < chunk->first + chunk->n; i++)
    write_activity (&chunk->buffer, job->level,
                    ccp_item_list_peek (job->activities, i), job->in_field_plan);
}

/* Whoever takes a chunk first (a thread of the pool or the caller) writes it. */
static gboolean
take_chunk (Chunk *chunk)
{
  return g_atomic_int_compare_and_exchange (&chunk->state, CHUNK_QUEUED, CHUNK_TAKEN);
}

static void
chunk_thread (gpointer data,
              gpointer user_data)
{
  Chunk *chunk = data;
  Job *job = user_data;

  if (!take_chunk (chunk))
    return;
  write_chunk (job, chunk);
  g_mutex_lock (&job->mutex);
  g_atomic_int_set (&chunk->state, CHUNK_DONE);
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static void
write_in_parallel (CcpWriterBuffer *out,
                   guint            level,
                   CcpItemList     *activities,
                   gboolean         in_field_plan,
                   guint            n_threads)
{
  guint n = ccp_item_list_get_n_items (activities);
  guint n_chunks = (n + CHUNK_SIZE - 1) / CHUNK_SIZE;
  guint window = MIN (2 * (n_threads + 1), n_chunks);
  g_autofree Chunk *chunks = g_new0 (Chunk, n_chunks);
  Job job = { activities, level, in_field_plan };
  GThreadPool *pool;

  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);
  pool = g_thread_pool_new (chunk_thread, &job, n_threads, FALSE, NULL);
  for (guint i = 0; i < n_chunks; i++)
    {
      chunks[i].first = i * CHUNK_SIZE;
      chunks[i].n = MIN (CHUNK_SIZE, n - chunks[i].first);
      chunks[i].state = CHUNK_QUEUED;
    }
  for (guint i = 0; i < window; i++)
    {
      ccp_writer_buffer_init (&chunks[i].buffer, 128 * 1024, NULL);
      g_thread_pool_push (pool, &chunks[i], NULL);
    }

  for (guint i = 0; i < n_chunks; i++)
    {
      Chunk *chunk = &chunks[i];

      if (take_chunk (chunk))
        {
          write_chunk (&job, chunk);
          g_atomic_int_set (&chunk->state, CHUNK_DONE);
        }
      else
        {
          /* Taken by a thread: rather than wait, write the next chunks no thread took yet (a
           * thread of the pool may not get a processor for a while on a busy machine). */
          for (guint j = i + 1; j < MIN (i + window, n_chunks); j++)
            {
              if (g_atomic_int_get (&chunk->state) == CHUNK_DONE)
                break;
              if (take_chunk (&chunks[j]))
                {
                  write_chunk (&job, &chunks[j]);
                  g_atomic_int_set (&chunks[j].state, CHUNK_DONE);
                }
            }
          g_mutex_lock (&job.mutex);
          while (g_atomic_int_get (&chunk->state) != CHUNK_DONE)
            g_cond_wait (&job.cond, &job.mutex);
          g_mutex_unlock (&job.mutex);
        }

      if (out->sink != NULL)
        {
          /* Straight to the sink, not copied into out first. */
          if (out->len > 0)
            ccp_writer_buffer_flush (out);
          ccp_file_sink_write (out->sink, chunk->buffer.data, chunk->buffer.len);
        }
      else
        {
          ccp_writer_buffer_append_len (out, chunk->buffer.data, chunk->buffer.len);
        }

      /* The buffer goes to the chunk WINDOW places on, which is handed to the pool. */
      if (i + window < n_chunks)
        {
          chunks[i + window].buffer = chunk->buffer;
          chunks[i + window].buffer.len = 0;
          chunk->buffer.data = NULL;
          g_thread_pool_push (pool, &chunks[i + window], NULL);
        }
      else
        {
          ccp_writer_buffer_clear (&chunk->buffer);
        }
    }

  /* Every chunk was written: what is left in the pool's queue are no-ops. */
  g_thread_pool_free (pool, FALSE, TRUE);
  g_cond_clear (&job.cond);
  g_mutex_clear (&job.mutex);
}

void
_ccp_writer_write_activities (CcpWriterBuffer *out,
                              guint            level,
                              CcpItemList     *activities,
                              gboolean         in_field_plan)
{
  guint n = ccp_item_list_get_n_items (activities);
  guint n_threads = MIN (g_get_num_processors () - 1, MAX_THREADS);

  ensure_layout ();

  writer_open_tag (out, level, "activities");
  writer_end_start_tag (out, n == 0);
  if (n >= MIN_PARALLEL && n_threads > 0)
    {
      write_in_parallel (out, level + 1, activities, in_field_plan, n_threads);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          write_activity (out, level + 1, ccp_item_list_peek (activities, i), in_field_plan);
          ccp_writer_buffer_flush_if_full (out);
        }
    }
  if (n > 0)
    writer_end_element (out, level, "activities");
}
