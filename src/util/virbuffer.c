/*
 * virbuffer.c: the growable string buffer, a thin layer over GString.
 *
 * What it adds to GString is indentation (applied once per addition, when
 * the addition starts a line) and XML/URI/shell escaping helpers.
 */
#include "internal.h"
#include "virbuffer.h"

static void
virBufferInitialize(virBuffer *buf)
{
    if (!buf->str)
        buf->str = g_string_sized_new(64);
}

size_t
virBufferGetEffectiveIndent(const virBuffer *buf)
{
    if (buf->str && buf->str->len &&
        buf->str->str[buf->str->len - 1] != '\n')
        return 0;
    return buf->indent;
}

static void
virBufferApplyIndent(virBuffer *buf)
{
    size_t n = virBufferGetEffectiveIndent(buf);
    size_t i;

    for (i = 0; i < n; i++)
        g_string_append_c(buf->str, ' ');
}

const char *
virBufferCurrentContent(virBuffer *buf)
{
    if (!buf)
        return NULL;
    if (!buf->str || buf->str->len == 0)
        return "";
    return buf->str->str;
}

char *
virBufferContentAndReset(virBuffer *buf)
{
    char *str = NULL;

    if (!buf)
        return NULL;
    if (buf->str)
        str = g_string_free(buf->str, FALSE);
    buf->str = NULL;
    buf->indent = 0;
    return str;
}

void
virBufferFreeAndReset(virBuffer *buf)
{
    if (!buf)
        return;
    if (buf->str)
        g_string_free(buf->str, TRUE);
    buf->str = NULL;
    buf->indent = 0;
}

size_t
virBufferUse(const virBuffer *buf)
{
    if (!buf || !buf->str)
        return 0;
    return buf->str->len;
}

void
virBufferAdd(virBuffer *buf, const char *str, int len)
{
    if (!buf || !str)
        return;
    virBufferInitialize(buf);
    virBufferApplyIndent(buf);
    if (len < 0)
        g_string_append(buf->str, str);
    else
        g_string_append_len(buf->str, str, len);
}

void
virBufferAddStr(virBuffer *buf, const char *str)
{
    virBufferAdd(buf, str, -1);
}

void
virBufferAddChar(virBuffer *buf, char c)
{
    virBufferAdd(buf, &c, 1);
}

void
virBufferAddBuffer(virBuffer *buf, virBuffer *toadd)
{
    if (!toadd || !toadd->str)
        return;
    if (buf) {
        virBufferInitialize(buf);
        g_string_append_len(buf->str, toadd->str->str, toadd->str->len);
    }
    virBufferFreeAndReset(toadd);
}

void
virBufferVasprintf(virBuffer *buf, const char *format, va_list ap)
{
    if (!buf || !format)
        return;
    virBufferInitialize(buf);
    virBufferApplyIndent(buf);
    g_string_append_vprintf(buf->str, format, ap);
}

void
virBufferAsprintf(virBuffer *buf, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    virBufferVasprintf(buf, format, ap);
    va_end(ap);
}

void
virBufferStrcat(virBuffer *buf, ...)
{
    va_list ap;
    const char *str;

    if (!buf)
        return;
    va_start(ap, buf);
    while ((str = va_arg(ap, const char *)) != NULL)
        virBufferAdd(buf, str, -1);
    va_end(ap);
}

/* Control characters XML 1.0 cannot carry at all; upstream drops exactly
 * this set, so formatted documents stay byte-identical. */
static bool
virBufferIsDroppedChar(unsigned char c)
{
    return (c >= 0x01 && c <= 0x08) || (c >= 0x11 && c <= 0x19);
}

void
virBufferEscapeString(virBuffer *buf, const char *format, const char *str)
{
    g_autoptr(GString) escaped = NULL;
    const char *cur;

    if (!buf || !format || !str)
        return;

    escaped = g_string_sized_new(strlen(str) + 16);
    for (cur = str; *cur; cur++) {
        switch (*cur) {
        case '<':
            g_string_append(escaped, "&lt;");
            break;
        case '>':
            g_string_append(escaped, "&gt;");
            break;
        case '&':
            g_string_append(escaped, "&amp;");
            break;
        case '"':
            g_string_append(escaped, "&quot;");
            break;
        case '\'':
            g_string_append(escaped, "&apos;");
            break;
        default:
            if (!virBufferIsDroppedChar((unsigned char)*cur))
                g_string_append_c(escaped, *cur);
            break;
        }
    }
    virBufferAsprintf(buf, format, escaped->str);
}

void
virBufferURIEncodeString(virBuffer *buf, const char *str)
{
    if (!buf || !str)
        return;
    virBufferInitialize(buf);
    virBufferApplyIndent(buf);
    g_string_append_uri_escaped(buf->str, str, NULL, FALSE);
}

void
virBufferEscapeShell(virBuffer *buf, const char *str)
{
    const char *cur;

    if (!buf || !str)
        return;
    virBufferInitialize(buf);
    virBufferApplyIndent(buf);

    /* Strings made only of safe characters need no quoting. */
    if (*str && strcspn(str, "|&;()<>[]{}^$!'\"`\\*?~#= \t\n") == strlen(str)) {
        g_string_append(buf->str, str);
        return;
    }
    g_string_append_c(buf->str, '\'');
    for (cur = str; *cur; cur++) {
        if (*cur == '\'')
            g_string_append(buf->str, "'\\''");
        else
            g_string_append_c(buf->str, *cur);
    }
    g_string_append_c(buf->str, '\'');
}

void
virBufferAdjustIndent(virBuffer *buf, int indent)
{
    if (!buf)
        return;
    if (indent > 0 && buf->indent > G_MAXINT - indent)
        buf->indent = G_MAXINT;
    else if (indent < 0 && buf->indent < -indent)
        buf->indent = 0;
    else
        buf->indent += indent;
}

void
virBufferSetIndent(virBuffer *buf, int indent)
{
    if (buf)
        buf->indent = indent < 0 ? 0 : indent;
}

size_t
virBufferGetIndent(const virBuffer *buf)
{
    return buf->indent;
}

void
virBufferTrim(virBuffer *buf, const char *str)
{
    size_t len;

    if (!buf || !buf->str || !str)
        return;
    len = strlen(str);
    if (len > buf->str->len ||
        memcmp(buf->str->str + buf->str->len - len, str, len) != 0)
        return;
    g_string_truncate(buf->str, buf->str->len - len);
}

void
virBufferTrimChars(virBuffer *buf, const char *chars)
{
    gsize len;

    if (!buf || !buf->str || !chars)
        return;
    len = buf->str->len;
    while (len > 0 && strchr(chars, buf->str->str[len - 1]))
        len--;
    g_string_truncate(buf->str, len);
}

void
virBufferTrimLen(virBuffer *buf, int len)
{
    if (!buf || !buf->str || len < 0)
        return;
    if ((size_t)len > buf->str->len)
        len = buf->str->len;
    g_string_truncate(buf->str, buf->str->len - len);
}
