/* failwrite.c: an LD_PRELOAD shim that makes the disk "fill up" part-way through a save, to test
 * that saving is atomic (the previous file survives, the user is told).
 *
 * Environment:
 *   CCP_FAILWRITE_AFTER=N      after N bytes in total have been written (to the files below),
 *                              writes fail with ENOSPC; the write that crosses N is short, as on
 *                              a real full disk. Unset: the shim does nothing.
 *   CCP_FAILWRITE_MATCH=TEXT   only count and fail writes to files whose path contains TEXT
 *                              (found through /proc/self/fd, so a file opened as standard
 *                              output counts too); unset: every fd but 0, 1 and 2.
 *   CCP_FAILWRITE_FALLOCATE=1  also make fallocate() fail with ENOSPC when it would reserve past
 *                              N bytes. GLib reserves the whole length first where it can, and
 *                              a real full disk fails there, before any write; without this the
 *                              reservation passes so that the write path itself is tested.
 *
 * write, writev, pwrite(64), pwritev(64) and the fallocate family are covered: that is how GLib
 * writes files. stdio's internal writes and sendfile/splice/copy_file_range are not (the code
 * under test does not save with them).
 *
 * Test-only, not installed; plain libc so that it can be preloaded into anything.
 */
/* Meson builds with _FILE_OFFSET_BITS=64, which renames pwrite to pwrite64 and so on in the
 * headers; this file defines both names itself. */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

typedef ssize_t (*write_fn) (int, const void *, size_t);
typedef ssize_t (*writev_fn) (int, const struct iovec *, int);
typedef ssize_t (*pwrite_fn) (int, const void *, size_t, off_t);
typedef ssize_t (*pwritev_fn) (int, const struct iovec *, int, off_t);
typedef int (*fallocate_fn) (int, int, off_t, off_t);
typedef int (*posix_fallocate_fn) (int, off_t, off_t);

/* Exported so that no -Wmissing-prototypes warning is needed for the interposed functions. */
ssize_t write (int fd, const void *buf, size_t count);
ssize_t writev (int fd, const struct iovec *iov, int iovcnt);
ssize_t pwrite (int fd, const void *buf, size_t count, off_t offset);
ssize_t pwrite64 (int fd, const void *buf, size_t count, off64_t offset);
ssize_t pwritev (int fd, const struct iovec *iov, int iovcnt, off_t offset);
ssize_t pwritev64 (int fd, const struct iovec *iov, int iovcnt, off64_t offset);
int fallocate (int fd, int mode, off_t offset, off_t len);
int fallocate64 (int fd, int mode, off64_t offset, off64_t len);
int posix_fallocate (int fd, off_t offset, off_t len);
int posix_fallocate64 (int fd, off64_t offset, off64_t len);

/* Bytes written so far to matching files. The code under test saves from one thread; a plain
 * counter is enough for a test shim. */
static unsigned long long written;

static void *
next_symbol (const char *name)
{
  void *symbol = dlsym (RTLD_NEXT, name);

  if (symbol == NULL)
    abort ();
  return symbol;
}

/* The limit, or -1 when the shim is off. */
static long long
limit (void)
{
  const char *text = getenv ("CCP_FAILWRITE_AFTER");
  char *end = NULL;
  long long value;

  if (text == NULL || *text == '\0')
    return -1;
  value = strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < 0)
    return -1;
  return value;
}

static int
matches (int fd)
{
  const char *match = getenv ("CCP_FAILWRITE_MATCH");
  char link[64];
  char target[4096];
  ssize_t length;

  if (match == NULL || *match == '\0')
    return fd > 2;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  length = readlink (link, target, sizeof target - 1);
  if (length < 0)
    return 0;
  target[length] = '\0';
  return strstr (target, match) != NULL;
}

/* How many of count bytes may be written to fd now: count when the shim does not apply, -1 when
 * the "disk" is full. *counted says whether the bytes written must be added up. */
static long long
allowance (int     fd,
           size_t  count,
           int    *counted)
{
  long long max = limit ();

  *counted = 0;
  if (max < 0 || !matches (fd))
    return (long long) count;

  *counted = 1;
  if (written >= (unsigned long long) max)
    return count == 0 ? 0 : -1;
  if ((unsigned long long) count > (unsigned long long) max - written)
    return (long long) ((unsigned long long) max - written);
  return (long long) count;
}

static ssize_t
account (ssize_t result,
         int     counted)
{
  if (counted && result > 0)
    written += (unsigned long long) result;
  return result;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static write_fn real;
  int counted;
  long long allowed = allowance (fd, count, &counted);

  if (real == NULL)
    real = (write_fn) next_symbol ("write");
  if (allowed < 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return account (real (fd, buf, (size_t) allowed), counted);
}

static ssize_t
pwrite_common (const char *name,
               int         fd,
               const void *buf,
               size_t      count,
               off_t       offset)
{
  pwrite_fn real = (pwrite_fn) next_symbol (name);
  int counted;
  long long allowed = allowance (fd, count, &counted);

  if (allowed < 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return account (real (fd, buf, (size_t) allowed, offset), counted);
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      count,
        off_t       offset)
{
  return pwrite_common ("pwrite", fd, buf, count, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      count,
          off64_t     offset)
{
  return pwrite_common ("pwrite64", fd, buf, count, offset);
}

/* A vectored write that crosses the limit becomes one short plain write of the bytes that
 * still fit. */
static ssize_t
vector_common (const char         *name,
               int                 fd,
               const struct iovec *iov,
               int                 iovcnt,
               off_t               offset,
               int                 positioned)
{
  size_t total = 0;
  int counted;
  long long allowed;
  char *flat;
  size_t copied = 0;
  ssize_t result;

  for (int i = 0; i < iovcnt; i++)
    total += iov[i].iov_len;

  allowed = allowance (fd, total, &counted);
  if (allowed < 0)
    {
      errno = ENOSPC;
      return -1;
    }
  if ((size_t) allowed == total)
    {
      if (positioned)
        return account (((pwritev_fn) next_symbol (name)) (fd, iov, iovcnt, offset), counted);
      return account (((writev_fn) next_symbol (name)) (fd, iov, iovcnt), counted);
    }

  flat = malloc ((size_t) allowed + 1);
  if (flat == NULL)
    {
      errno = ENOMEM;
      return -1;
    }
  for (int i = 0; i < iovcnt && copied < (size_t) allowed; i++)
    {
      size_t part = iov[i].iov_len;

      if (part > (size_t) allowed - copied)
        part = (size_t) allowed - copied;
      memcpy (flat + copied, iov[i].iov_base, part);
      copied += part;
    }
  if (positioned)
    result = ((pwrite_fn) next_symbol ("pwrite")) (fd, flat, copied, offset);
  else
    result = ((write_fn) next_symbol ("write")) (fd, flat, copied);
  free (flat);
  return account (result, counted);
}

ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 iovcnt)
{
  return vector_common ("writev", fd, iov, iovcnt, 0, 0);
}

ssize_t
pwritev (int                 fd,
         const struct iovec *iov,
         int                 iovcnt,
         off_t               offset)
{
  return vector_common ("pwritev", fd, iov, iovcnt, offset, 1);
}

ssize_t
pwritev64 (int                 fd,
           const struct iovec *iov,
           int                 iovcnt,
           off64_t             offset)
{
  return vector_common ("pwritev64", fd, iov, iovcnt, offset, 1);
}

/* Whether reserving up to offset + len would go past the limit (only in fallocate mode). */
static int
reservation_fails (int   fd,
                   off_t offset,
                   off_t len)
{
  const char *mode = getenv ("CCP_FAILWRITE_FALLOCATE");
  long long max = limit ();
  unsigned long long left;

  if (mode == NULL || strcmp (mode, "1") != 0 || max < 0 || !matches (fd))
    return 0;
  left = written >= (unsigned long long) max ? 0 : (unsigned long long) max - written;
  return (unsigned long long) offset + (unsigned long long) len > left;
}

int
fallocate (int   fd,
           int   mode,
           off_t offset,
           off_t len)
{
  if (reservation_fails (fd, offset, len))
    {
      errno = ENOSPC;
      return -1;
    }
  return ((fallocate_fn) next_symbol ("fallocate")) (fd, mode, offset, len);
}

int
fallocate64 (int     fd,
             int     mode,
             off64_t offset,
             off64_t len)
{
  if (reservation_fails (fd, offset, len))
    {
      errno = ENOSPC;
      return -1;
    }
  return ((fallocate_fn) next_symbol ("fallocate64")) (fd, mode, offset, len);
}

int
posix_fallocate (int   fd,
                 off_t offset,
                 off_t len)
{
  if (reservation_fails (fd, offset, len))
    return ENOSPC;
  return ((posix_fallocate_fn) next_symbol ("posix_fallocate")) (fd, offset, len);
}

int
posix_fallocate64 (int     fd,
                   off64_t offset,
                   off64_t len)
{
  if (reservation_fails (fd, offset, len))
    return ENOSPC;
  return ((posix_fallocate_fn) next_symbol ("posix_fallocate64")) (fd, offset, len);
}
