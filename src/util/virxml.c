/*
 * virxml.c: parsing documents, reading typed attributes with consumption
 * marks, and formatting elements.
 *
 * Consumption marks live in the libxml2 nodes' _private field, which the
 * library never touches on documents we parse ourselves.
 */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include "internal.h"
#include "viruuid.h"
#include "virxml.h"

#define VIR_FROM_THIS VIR_FROM_XML

#define VIR_XML_CONSUMED ((void *)1)

/* ---- Parsing documents ---- */

struct virXMLParserData {
    int domcode;
    bool reported;
};

/* Reports a fatal libxml2 error as upstream does: file or "at line N",
 * the message, the source line and a pointer under the column. */
static void
virXMLCatchError(void *ctx, const char *msg G_GNUC_UNUSED, ...)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct virXMLParserData *data;
    const xmlChar *cur;
    const xmlChar *base;
    const xmlChar *linestart;
    g_autoptr(GString) line = NULL;
    g_autoptr(GString) pointer = NULL;
    size_t col;
    size_t n;

    if (!ctxt || !ctxt->_private || !ctxt->input ||
        ctxt->lastError.level != XML_ERR_FATAL || !ctxt->lastError.message)
        return;
    data = ctxt->_private;
    if (data->reported)
        return;
    data->reported = true;

    cur = ctxt->input->cur;
    base = ctxt->input->base;
    while (cur > base && (*cur == '\n' || *cur == '\r'))
        cur--;
    while (cur > base && *cur != '\n' && *cur != '\r')
        cur--;
    if (*cur == '\n' || *cur == '\r')
        cur++;
    linestart = cur;
    col = ctxt->input->cur - linestart;

    line = g_string_new(NULL);
    while (*cur && *cur != '\n' && *cur != '\r')
        g_string_append_c(line, *cur++);
    pointer = g_string_new(NULL);
    for (n = 0; n < col && n < line->len; n++)
        g_string_append_c(pointer, line->str[n] == '\t' ? '\t' : '-');
    g_string_append_c(pointer, '^');

    /* upstream prints an empty line as "(null)" */
    if (line->len == 0)
        g_string_append(line, "(null)");

    if (ctxt->lastError.file) {
        virReportErrorHelper(data->domcode, VIR_ERR_XML_DETAIL, __FILE__,
                             __func__, __LINE__, "%s:%d: %s%s\n%s",
                             ctxt->lastError.file, ctxt->lastError.line,
                             ctxt->lastError.message, line->str,
                             pointer->str);
    } else {
        virReportErrorHelper(data->domcode, VIR_ERR_XML_DETAIL, __FILE__,
                             __func__, __LINE__, "at line %d: %s%s\n%s",
                             ctxt->lastError.line, ctxt->lastError.message,
                             line->str, pointer->str);
    }
}

static xmlDocPtr
virXMLParseHelper(int domcode, const char *path, const char *xml,
                  const char *url, const char *rootname)
{
    struct virXMLParserData data = {domcode, false};
    xmlParserCtxtPtr pctxt;
    xmlDocPtr doc;
    xmlNodePtr root;
    int opts = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS;

    if (!(pctxt = xmlNewParserCtxt()))
        g_error("out of memory creating an XML parser");
    pctxt->_private = &data;
    pctxt->sax->error = virXMLCatchError;
    pctxt->vctxt.error = NULL;

    if (path)
        doc = xmlCtxtReadFile(pctxt, path, NULL, opts);
    else
        doc = xmlCtxtReadDoc(pctxt, BAD_CAST xml, url, NULL, opts);
    xmlFreeParserCtxt(pctxt);

    if (!doc) {
        if (!data.reported)
            virReportErrorHelper(domcode, VIR_ERR_XML_ERROR, __FILE__,
                                 __func__, __LINE__,
                                 "failed to parse xml document '%s'",
                                 path ? path : NULLSTR(url));
        return NULL;
    }
    if (!(root = xmlDocGetRootElement(doc))) {
        virReportErrorHelper(domcode, VIR_ERR_INTERNAL_ERROR, __FILE__,
                             __func__, __LINE__, "%s", "missing root element");
        xmlFreeDoc(doc);
        return NULL;
    }
    /* Upstream reports a wrong root as the XML layer's own error. */
    if (rootname && !virXMLNodeNameEqual(root, rootname)) {
        virReportErrorHelper(VIR_FROM_XML, VIR_ERR_XML_ERROR, __FILE__, __func__,
                             __LINE__,
                             "expecting root element of '%s', not '%s'",
                             rootname, (const char *)root->name);
        xmlFreeDoc(doc);
        return NULL;
    }
    root->_private = VIR_XML_CONSUMED;
    return doc;
}

xmlDocPtr
virXMLParseStringCtxt(int domcode, const char *xml, const char *url,
                      const char *rootname)
{
    if (!xml) {
        virReportErrorHelper(domcode, VIR_ERR_INVALID_ARG, __FILE__, __func__,
                             __LINE__, "%s", "no XML document given");
        return NULL;
    }
    return virXMLParseHelper(domcode, NULL, xml, url, rootname);
}

/* The whole of a regular file of at most VIR_XML_FILE_MAX bytes, or NULL
 * with *why saying what is wrong: a device, a FIFO or an endless file
 * named in a document must not hang the reader. */
static char *
virXMLReadFile(const char *path, char **why)
{
    g_autofree char *content = NULL;
    size_t alloc;
    size_t len = 0;
    struct stat sb;
    int fd;

    if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
        *why = g_strdup(g_strerror(errno));
        return NULL;
    }
    if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
        *why = g_strdup("not a regular file");
        close(fd);
        return NULL;
    }
    /* The size stat gives is a hint: the file may grow while read. */
    alloc = MIN((size_t)sb.st_size, VIR_XML_FILE_MAX) + 1;
    content = g_new(char, alloc + 1);
    while (len <= VIR_XML_FILE_MAX) {
        ssize_t got;

        if (len == alloc) {
            alloc = MIN(alloc * 2, VIR_XML_FILE_MAX + 1);
            content = g_renew(char, content, alloc + 1);
        }
        got = read(fd, content + len, alloc - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *why = g_strdup(g_strerror(errno));
            close(fd);
            return NULL;
        }
        if (got == 0)
            break;
        len += got;
    }
    close(fd);
    if (len > VIR_XML_FILE_MAX) {
        *why = g_strdup_printf("larger than %d bytes", VIR_XML_FILE_MAX);
        return NULL;
    }
    content[len] = '\0';
    return g_steal_pointer(&content);
}

xmlDocPtr
virXMLParseFileCtxt(int domcode, const char *path, const char *rootname)
{
    g_autofree char *content = NULL;
    g_autofree char *why = NULL;

    /* Read it ourselves so a missing file gets a message saying why
     * rather than a libxml2 warning on stderr; the code stays upstream's. */
    if (!(content = virXMLReadFile(path, &why))) {
        virReportErrorHelper(domcode, VIR_ERR_XML_ERROR, __FILE__, __func__,
                             __LINE__, "failed to parse xml document '%s': %s",
                             path, why);
        return NULL;
    }
    return virXMLParseHelper(domcode, NULL, content, path, rootname);
}

/* ---- Walking elements ---- */

bool
virXMLNodeNameEqual(xmlNodePtr node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && !node->ns &&
           strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr
virXMLChild(xmlNodePtr parent, const char *name)
{
    xmlNodePtr cur;

    if (!parent)
        return NULL;
    for (cur = parent->children; cur; cur = cur->next) {
        if (virXMLNodeNameEqual(cur, name)) {
            cur->_private = VIR_XML_CONSUMED;
            return cur;
        }
    }
    return NULL;
}

size_t
virXMLChildren(xmlNodePtr parent, const char *name, xmlNodePtr **list)
{
    size_t n = virXMLChildCount(parent, name);
    size_t i = 0;
    xmlNodePtr cur;

    *list = NULL;
    if (n == 0)
        return 0;
    *list = g_new0(xmlNodePtr, n);
    for (cur = parent->children; cur; cur = cur->next) {
        if (virXMLNodeNameEqual(cur, name)) {
            cur->_private = VIR_XML_CONSUMED;
            (*list)[i++] = cur;
        }
    }
    return n;
}

size_t
virXMLChildCount(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    xmlNodePtr cur;

    if (!parent)
        return 0;
    for (cur = parent->children; cur; cur = cur->next) {
        if (virXMLNodeNameEqual(cur, name))
            n++;
    }
    return n;
}

xmlNodePtr
virXMLNextElement(xmlNodePtr node)
{
    for (node = node ? node->next : NULL; node; node = node->next) {
        if (node->type == XML_ELEMENT_NODE)
            return node;
    }
    return NULL;
}

xmlNodePtr
virXMLFirstElement(xmlNodePtr parent)
{
    xmlNodePtr cur;

    for (cur = parent ? parent->children : NULL; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE)
            return cur;
    }
    return NULL;
}

char *
virXMLNodeContent(xmlNodePtr node)
{
    xmlChar *content = xmlNodeGetContent(node);
    char *ret = g_strdup(content ? (const char *)content : "");

    xmlFree(content);
    return ret;
}

char *
virXMLChildContent(xmlNodePtr parent, const char *name)
{
    xmlNodePtr child = virXMLChild(parent, name);

    return child ? virXMLNodeContent(child) : NULL;
}

void
virXMLNodeMarkConsumed(xmlNodePtr node)
{
    if (node)
        node->_private = VIR_XML_CONSUMED;
}

void
virXMLNodeMarkSubtree(xmlNodePtr node)
{
    xmlNodePtr cur;
    xmlAttrPtr attr;

    if (!node || node->type != XML_ELEMENT_NODE)
        return;
    node->_private = VIR_XML_CONSUMED;
    for (attr = node->properties; attr; attr = attr->next)
        attr->_private = VIR_XML_CONSUMED;
    for (cur = node->children; cur; cur = cur->next)
        virXMLNodeMarkSubtree(cur);
}

char *
virXMLNodePath(xmlNodePtr node)
{
    xmlChar *path = xmlGetNodePath(node);
    char *ret = g_strdup(path ? (const char *)path : "?");

    xmlFree(path);
    return ret;
}

static xmlNodePtr
virXMLFindUnconsumed(xmlNodePtr node, xmlAttrPtr *badattr)
{
    xmlNodePtr cur;
    xmlAttrPtr attr;

    if (node->ns)
        return NULL;
    if (node->_private != VIR_XML_CONSUMED)
        return node;
    for (attr = node->properties; attr; attr = attr->next) {
        if (!attr->ns && attr->_private != VIR_XML_CONSUMED) {
            *badattr = attr;
            return node;
        }
    }
    for (cur = node->children; cur; cur = cur->next) {
        xmlNodePtr found;

        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if ((found = virXMLFindUnconsumed(cur, badattr)))
            return found;
    }
    return NULL;
}

int
virXMLCheckConsumed(int domcode, xmlNodePtr root)
{
    xmlAttrPtr badattr = NULL;
    xmlNodePtr bad = virXMLFindUnconsumed(root, &badattr);
    g_autofree char *path = NULL;

    if (!bad)
        return 0;
    path = virXMLNodePath(bad);
    if (badattr) {
        virReportErrorHelper(domcode, VIR_ERR_XML_INVALID_SCHEMA, __FILE__,
                             __func__, __LINE__,
                             "unexpected attribute '%s' at %s",
                             (const char *)badattr->name, path);
    } else {
        virReportErrorHelper(domcode, VIR_ERR_XML_INVALID_SCHEMA, __FILE__,
                             __func__, __LINE__,
                             "unexpected element '%s' at %s",
                             (const char *)bad->name, path);
    }
    return -1;
}

/* ---- Reading attributes ---- */

char *
virXMLPropString(xmlNodePtr node, const char *name)
{
    xmlAttrPtr attr;
    xmlChar *val;
    char *ret;

    if (!node || !(attr = xmlHasNsProp(node, BAD_CAST name, NULL)))
        return NULL;
    attr->_private = VIR_XML_CONSUMED;
    val = xmlNodeGetContent((xmlNodePtr)attr);
    ret = g_strdup(val ? (const char *)val : "");
    xmlFree(val);
    return ret;
}

void
virXMLPropIgnore(xmlNodePtr node, const char *name)
{
    xmlAttrPtr attr;

    if (node && (attr = xmlHasNsProp(node, BAD_CAST name, NULL)))
        attr->_private = VIR_XML_CONSUMED;
}

static int
virXMLPropMissing(xmlNodePtr node, const char *name, virXMLPropFlags flags)
{
    if (!(flags & VIR_XML_PROP_REQUIRED))
        return 0;
    virReportError(VIR_ERR_XML_ERROR,
                   "Missing required attribute '%s' in element '%s'", name,
                   (const char *)node->name);
    return -1;
}

char *
virXMLPropStringRequired(xmlNodePtr node, const char *name)
{
    char *ret = virXMLPropString(node, name);

    if (!ret)
        virXMLPropMissing(node, name, VIR_XML_PROP_REQUIRED);
    return ret;
}

int
virXMLPropEnumDefault(xmlNodePtr node, const char *name,
                      int (*strToInt)(const char *), virXMLPropFlags flags,
                      int *result, int defvalue)
{
    g_autofree char *tmp = NULL;
    int val;

    *result = defvalue;
    if (!(tmp = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    val = strToInt(tmp);
    if (val < 0 || ((flags & VIR_XML_PROP_NONZERO) && val == 0)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': "
                       "'%s'.",
                       name, (const char *)node->name, tmp);
        return -1;
    }
    *result = val;
    return 1;
}

int
virXMLPropEnum(xmlNodePtr node, const char *name,
               int (*strToInt)(const char *), virXMLPropFlags flags,
               int *result)
{
    return virXMLPropEnumDefault(node, name, strToInt, flags, result, 0);
}

int
virXMLPropTristateBool(xmlNodePtr node, const char *name,
                       virXMLPropFlags flags, virTristateBool *result)
{
    int val = 0;
    int rc = virXMLPropEnum(node, name, virTristateBoolTypeFromString,
                            flags | VIR_XML_PROP_NONZERO, &val);

    *result = val;
    return rc;
}

int
virXMLPropTristateSwitch(xmlNodePtr node, const char *name,
                         virXMLPropFlags flags, virTristateSwitch *result)
{
    int val = 0;
    int rc = virXMLPropEnum(node, name, virTristateSwitchTypeFromString,
                            flags | VIR_XML_PROP_NONZERO, &val);

    *result = val;
    return rc;
}

static int
virXMLPropNumberError(xmlNodePtr node, const char *name, const char *val,
                      const char *expected)
{
    virReportError(VIR_ERR_XML_ERROR,
                   "Invalid value for attribute '%s' in element '%s': '%s'. "
                   "Expected %s value",
                   name, (const char *)node->name, val, expected);
    return -1;
}

static int
virXMLPropZeroError(xmlNodePtr node, const char *name)
{
    virReportError(VIR_ERR_XML_ERROR,
                   "Invalid value for attribute '%s' in element '%s': Zero "
                   "is not permitted",
                   name, (const char *)node->name);
    return -1;
}

typedef enum {
    VIR_XML_NUM_INT,
    VIR_XML_NUM_UINT,
    VIR_XML_NUM_LLONG,
    VIR_XML_NUM_ULLONG,
} virXMLNumKind;

/* The one reader behind the four typed ones: parses, range-checks and
 * applies the flags with upstream's messages, then stores by kind. */
static int
virXMLPropNumber(xmlNodePtr node, const char *name, int base,
                 virXMLPropFlags flags, virXMLNumKind kind, void *result)
{
    g_autofree char *tmp = NULL;
    bool isSigned = kind == VIR_XML_NUM_INT || kind == VIR_XML_NUM_LLONG;
    long long sval = 0;
    unsigned long long uval = 0;

    if (!(tmp = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    if (isSigned) {
        if (virStrToLong_ll(tmp, NULL, base, &sval) < 0 ||
            (kind == VIR_XML_NUM_INT && (sval < INT_MIN || sval > INT_MAX)))
            return virXMLPropNumberError(node, name, tmp,
                                         kind == VIR_XML_NUM_INT
                                             ? "integer"
                                             : "long long integer");
        if ((flags & VIR_XML_PROP_NONNEGATIVE) && sval < 0)
            return virXMLPropNumberError(node, name, tmp, "non-negative");
    } else if (virStrToLong_ullp(tmp, NULL, base, &uval) < 0 ||
               (kind == VIR_XML_NUM_UINT && uval > UINT_MAX)) {
        return virXMLPropNumberError(node, name, tmp, "non-negative integer");
    }
    if ((flags & VIR_XML_PROP_NONZERO) && sval == 0 && uval == 0)
        return virXMLPropZeroError(node, name);
    switch (kind) {
    case VIR_XML_NUM_INT:
        *(int *)result = (int)sval;
        break;
    case VIR_XML_NUM_UINT:
        *(unsigned int *)result = (unsigned int)uval;
        break;
    case VIR_XML_NUM_LLONG:
        *(long long *)result = sval;
        break;
    case VIR_XML_NUM_ULLONG:
        *(unsigned long long *)result = uval;
        break;
    }
    return 1;
}

int
virXMLPropLongLong(xmlNodePtr node, const char *name, int base,
                   virXMLPropFlags flags, long long *result)
{
    return virXMLPropNumber(node, name, base, flags, VIR_XML_NUM_LLONG,
                            result);
}

int
virXMLPropInt(xmlNodePtr node, const char *name, int base,
              virXMLPropFlags flags, int *result)
{
    return virXMLPropNumber(node, name, base, flags, VIR_XML_NUM_INT,
                            result);
}

int
virXMLPropUInt(xmlNodePtr node, const char *name, int base,
               virXMLPropFlags flags, unsigned int *result)
{
    return virXMLPropNumber(node, name, base, flags, VIR_XML_NUM_UINT,
                            result);
}

int
virXMLPropULongLong(xmlNodePtr node, const char *name, int base,
                    virXMLPropFlags flags, unsigned long long *result)
{
    return virXMLPropNumber(node, name, base, flags, VIR_XML_NUM_ULLONG,
                            result);
}

int
virXMLPropUUID(xmlNodePtr node, const char *name, virXMLPropFlags flags,
               unsigned char *result)
{
    g_autofree char *tmp = NULL;
    unsigned char val[16];

    if (!(tmp = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    if (virUUIDParse(tmp, val) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': "
                       "'%s'. Expected UUID",
                       name, (const char *)node->name, tmp);
        return -1;
    }
    memcpy(result, val, sizeof(val));
    return 1;
}

int
virScaleInteger(unsigned long long *value, const char *suffix,
                unsigned long long scale, unsigned long long limit)
{
    if (!suffix || !*suffix) {
        if (!scale) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "invalid scale %llu",
                           scale);
            return -1;
        }
        suffix = "";
    } else if (g_ascii_strcasecmp(suffix, "b") == 0 ||
               g_ascii_strcasecmp(suffix, "byte") == 0 ||
               g_ascii_strcasecmp(suffix, "bytes") == 0) {
        scale = 1;
    } else {
        static const char prefixes[] = "kmgtpe";
        const char *pos = strchr(prefixes, g_ascii_tolower(suffix[0]));
        unsigned long long base;
        int power;

        if (!suffix[1] || g_ascii_strcasecmp(suffix + 1, "iB") == 0)
            base = 1024;
        else if (g_ascii_tolower(suffix[1]) == 'b' && !suffix[2])
            base = 1000;
        else
            pos = NULL;
        if (!pos || !suffix[0]) {
            virReportError(VIR_ERR_INVALID_ARG, "unknown suffix '%s'",
                           suffix);
            return -1;
        }
        scale = 1;
        for (power = 0; power <= pos - prefixes; power++)
            scale *= base;
    }
    if (*value && *value > limit / scale) {
        virReportError(VIR_ERR_OVERFLOW, "value too large: %llu%s", *value,
                       suffix);
        return -1;
    }
    *value *= scale;
    return 0;
}

int
virXMLParseScaledValue(xmlNodePtr node, const char *valueattr,
                       const char *unitattr, unsigned long long scale,
                       unsigned long long max, bool required,
                       unsigned long long *result)
{
    g_autofree char *str = NULL;
    g_autofree char *unit = NULL;
    unsigned long long bytes;

    *result = 0;
    if (node)
        str = valueattr ? virXMLPropString(node, valueattr)
                        : virXMLNodeContent(node);
    if (!str) {
        if (!required)
            return 0;
        virReportError(VIR_ERR_XML_ERROR, "missing element or attribute '%s'",
                       valueattr ? valueattr
                                 : node ? (const char *)node->name : "?");
        return -1;
    }
    if (virStrToLong_ullp(str, NULL, 10, &bytes) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value '%s' for element or attribute '%s'",
                       str, valueattr ? valueattr : (const char *)node->name);
        return -1;
    }
    if (unitattr)
        unit = virXMLPropString(node, unitattr);
    if (virScaleInteger(&bytes, unit, scale, max) < 0)
        return -1;
    *result = bytes;
    return 1;
}

/* ---- Strict number parsing ---- */

static int
virStrToLongCheck(const char *str, char *end, char **endp)
{
    if (end == str)
        return -1;
    if (endp) {
        *endp = end;
        return 0;
    }
    return *end ? -1 : 0;
}

int
virStrToLong_ll(const char *str, char **endp, int base, long long *result)
{
    char *end;
    long long val;

    errno = 0;
    val = g_ascii_strtoll(str, &end, base);
    if (errno || virStrToLongCheck(str, end, endp) < 0)
        return -1;
    *result = val;
    return 0;
}

int
virStrToLong_i(const char *str, char **endp, int base, int *result)
{
    long long val;

    if (virStrToLong_ll(str, endp, base, &val) < 0 || val < INT_MIN ||
        val > INT_MAX)
        return -1;
    *result = (int)val;
    return 0;
}

int
virStrToLong_ull(const char *str, char **endp, int base,
                 unsigned long long *result)
{
    char *end;
    unsigned long long val;

    errno = 0;
    val = g_ascii_strtoull(str, &end, base);
    if (errno || virStrToLongCheck(str, end, endp) < 0)
        return -1;
    *result = val;
    return 0;
}

int
virStrToLong_ullp(const char *str, char **endp, int base,
                  unsigned long long *result)
{
    const char *p = str;

    while (g_ascii_isspace(*p))
        p++;
    if (*p == '-')
        return -1;
    return virStrToLong_ull(str, endp, base, result);
}

int
virStrToLong_ui(const char *str, char **endp, int base, unsigned int *result)
{
    unsigned long long val;

    if (virStrToLong_ull(str, endp, base, &val) < 0 || val > UINT_MAX)
        return -1;
    *result = (unsigned int)val;
    return 0;
}

int
virStrToLong_uip(const char *str, char **endp, int base,
                 unsigned int *result)
{
    unsigned long long val;

    if (virStrToLong_ullp(str, endp, base, &val) < 0 || val > UINT_MAX)
        return -1;
    *result = (unsigned int)val;
    return 0;
}

/* ---- Formatting ---- */

static void
virXMLFormatElementInternal(virBuffer *buf, const char *name,
                            virBuffer *attrBuf, virBuffer *childBuf,
                            bool allowEmpty)
{
    bool noattrs = !attrBuf || virBufferUse(attrBuf) == 0;
    bool nochildren = !childBuf || virBufferUse(childBuf) == 0;

    if (!allowEmpty && noattrs && nochildren)
        return;
    virBufferAsprintf(buf, "<%s", name);
    if (!noattrs)
        virBufferAddBuffer(buf, attrBuf);
    if (nochildren) {
        virBufferAddLit(buf, "/>\n");
    } else {
        virBufferAddLit(buf, ">\n");
        virBufferAddBuffer(buf, childBuf);
        virBufferAsprintf(buf, "</%s>\n", name);
    }
    /* Emptied, but keeping their indentation so callers can reuse them. */
    if (attrBuf) {
        int indent = virBufferGetIndent(attrBuf);

        virBufferFreeAndReset(attrBuf);
        virBufferSetIndent(attrBuf, indent);
    }
    if (childBuf) {
        int indent = virBufferGetIndent(childBuf);

        virBufferFreeAndReset(childBuf);
        virBufferSetIndent(childBuf, indent);
    }
}

void
virXMLFormatElement(virBuffer *buf, const char *name, virBuffer *attrBuf,
                    virBuffer *childBuf)
{
    virXMLFormatElementInternal(buf, name, attrBuf, childBuf, false);
}

void
virXMLFormatElementEmpty(virBuffer *buf, const char *name,
                         virBuffer *attrBuf, virBuffer *childBuf)
{
    virXMLFormatElementInternal(buf, name, attrBuf, childBuf, true);
}

void
virXMLFormatNode(virBuffer *buf, xmlNodePtr node)
{
    xmlBufferPtr xmlbuf = xmlBufferCreate();
    int oldIndent = xmlIndentTreeOutput;
    g_auto(GStrv) lines = NULL;
    size_t i;

    xmlIndentTreeOutput = 1;
    xmlNodeDump(xmlbuf, node->doc, node, 0, 1);
    xmlIndentTreeOutput = oldIndent;
    /* Each dumped line goes through the buffer so it receives buf's
     * indentation; libxml2 indents nested lines relative to level 0. */
    lines = g_strsplit((const char *)xmlBufferContent(xmlbuf), "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (!lines[i][0])
            continue;
        virBufferAddStr(buf, lines[i]);
        virBufferAddChar(buf, '\n');
    }
    xmlBufferFree(xmlbuf);
}

xmlNodePtr
virXMLNodeCopyDetached(xmlNodePtr node)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr copy = xmlDocCopyNode(node, doc, 1);

    xmlDocSetRootElement(doc, copy);
    return copy;
}

void
virXMLNodeFreeDetached(xmlNodePtr node)
{
    if (node)
        xmlFreeDoc(node->doc);
}
