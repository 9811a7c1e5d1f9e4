/*
 * virbuffer.h: a growable string buffer for building XML and other text.
 *
 * A virBuffer starts zeroed (VIR_BUFFER_INITIALIZER) and allocates on first
 * use.  It remembers an indentation level: text added at the start of a line
 * is preceded by that many spaces, so nested XML formatters only adjust the
 * level and never count spaces themselves.
 */
#pragma once

#include <stdarg.h>
#include <glib.h>

typedef struct _virBuffer virBuffer;
struct _virBuffer {
    GString *str;
    int indent;
};

#define VIR_BUFFER_INITIALIZER { NULL, 0 }
/* A buffer for a child element: indented two more than its parent. */
#define VIR_BUFFER_INIT_CHILD(parentbuf) { NULL, (parentbuf)->indent + 2 }

/* "" for an empty buffer, never NULL for a valid buffer. */
const char *virBufferCurrentContent(virBuffer *buf);
/* The content, owned by the caller (NULL if nothing was added); the buffer
 * is left empty with indentation 0. */
char *virBufferContentAndReset(virBuffer *buf);
void virBufferFreeAndReset(virBuffer *buf);
size_t virBufferUse(const virBuffer *buf);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(virBuffer, virBufferFreeAndReset);

/* len < 0 means strlen(str).  A NULL str adds nothing. */
void virBufferAdd(virBuffer *buf, const char *str, int len);
void virBufferAddStr(virBuffer *buf, const char *str);
void virBufferAddChar(virBuffer *buf, char c);
/* Appends toadd's content (without re-indenting) and empties toadd. */
void virBufferAddBuffer(virBuffer *buf, virBuffer *toadd);
void virBufferAsprintf(virBuffer *buf, const char *format, ...)
    G_GNUC_PRINTF(2, 3);
void virBufferVasprintf(virBuffer *buf, const char *format, va_list ap)
    G_GNUC_PRINTF(2, 0);
/* Appends each string argument up to the terminating NULL. */
void virBufferStrcat(virBuffer *buf, ...) G_GNUC_NULL_TERMINATED;

#define virBufferAddLit(buf_, literal_) \
    virBufferAdd(buf_, "" literal_ "", sizeof(literal_) - 1)

/* format must contain one %s, which receives str escaped for XML text
 * and attribute values.  Nothing is added when str is NULL. */
void virBufferEscapeString(virBuffer *buf, const char *format,
                           const char *str);
/* Percent-encodes str for use in a URI query. */
void virBufferURIEncodeString(virBuffer *buf, const char *str);
/* Adds str quoted for a POSIX shell. */
void virBufferEscapeShell(virBuffer *buf, const char *str);

void virBufferAdjustIndent(virBuffer *buf, int indent);
void virBufferSetIndent(virBuffer *buf, int indent);
size_t virBufferGetIndent(const virBuffer *buf);
/* The indentation the next addition would receive: 0 mid-line. */
size_t virBufferGetEffectiveIndent(const virBuffer *buf);

/* Removes str from the end of the buffer if the buffer ends with it. */
void virBufferTrim(virBuffer *buf, const char *str);
/* Removes any trailing characters found in chars. */
void virBufferTrimChars(virBuffer *buf, const char *chars);
void virBufferTrimLen(virBuffer *buf, int len);
