/*
 * virconf.c: reading libvirt's configuration files.
 *
 * A small hand-written recursive-descent parser over the whole file held in
 * memory.  Errors name the file and the line, as in "libvirtd.conf:12:
 * expecting a value", so a user can find the mistake.  Comments are kept in
 * the entry list so a configuration written back keeps them.
 */
#include <limits.h>
#include <unistd.h>

#include "internal.h"
#include "virconf.h"
#include "virbuffer.h"

#define VIR_FROM_THIS VIR_FROM_CONF

VIR_LOG_INIT("util.conf");

/* Refuse absurd files instead of reading them whole. */
#define VIR_CONF_MAX_FILE_SIZE (10 * 1024 * 1024)

typedef struct _virConfEntry virConfEntry;
struct _virConfEntry {
    virConfEntry *next;
    char *name;         /* NULL for a standalone comment line */
    char *comment;
    virConfValue *value;
};

struct _virConf {
    char *filename;
    unsigned int flags;
    virConfEntry *entries;
};

typedef struct {
    const char *filename;
    const char *cur;
    const char *end;
    int line;
    virConf *conf;
} virConfParser;

#define IS_EOL(c) ((c) == '\n' || (c) == '\r')
#define IS_BLANK(c) ((c) == ' ' || (c) == '\t')

static void
virConfParseError(virConfParser *p, const char *what)
{
    if (p && p->filename)
        virReportError(VIR_ERR_CONF_SYNTAX, "%s:%d: %s", p->filename,
                       p->line, what);
    else
        virReportError(VIR_ERR_CONF_SYNTAX, "%s", what);
}

static char
virConfCur(virConfParser *p)
{
    return p->cur < p->end ? *p->cur : '\0';
}

static void
virConfNext(virConfParser *p)
{
    if (p->cur < p->end)
        p->cur++;
}

static void
virConfSkipBlanks(virConfParser *p)
{
    while (p->cur < p->end && IS_BLANK(*p->cur))
        p->cur++;
}

static void
virConfSkipBlanksAndEOL(virConfParser *p)
{
    while (p->cur < p->end && (IS_BLANK(*p->cur) || IS_EOL(*p->cur))) {
        if (*p->cur == '\n')
            p->line++;
        p->cur++;
    }
}

virConf *
virConfNew(void)
{
    virConf *conf = g_new0(virConf, 1);

    conf->filename = NULL;
    return conf;
}

void
virConfFreeValue(virConfValue *val)
{
    while (val) {
        virConfValue *next = val->next;

        virConfFreeValue(val->list);
        g_free(val->str);
        g_free(val);
        val = next;
    }
}

int
virConfFree(virConf *conf)
{
    virConfEntry *e;

    if (!conf)
        return 0;
    e = conf->entries;
    while (e) {
        virConfEntry *next = e->next;

        g_free(e->name);
        g_free(e->comment);
        virConfFreeValue(e->value);
        g_free(e);
        e = next;
    }
    g_free(conf->filename);
    g_free(conf);
    return 0;
}

static void
virConfAppendEntry(virConf *conf, char *name, virConfValue *value,
                   char *comment)
{
    virConfEntry *e = g_new0(virConfEntry, 1);
    virConfEntry **tail = &conf->entries;

    e->name = name;
    e->value = value;
    e->comment = comment;
    while (*tail)
        tail = &(*tail)->next;
    *tail = e;
}

static int
virConfParseNumber(virConfParser *p, long long *val)
{
    bool neg = false;
    unsigned long long l = 0;

    if (virConfCur(p) == '-') {
        neg = true;
        virConfNext(p);
    } else if (virConfCur(p) == '+') {
        virConfNext(p);
    }
    if (!g_ascii_isdigit(virConfCur(p))) {
        virConfParseError(p, "unterminated number");
        return -1;
    }
    /* Wraps silently on overflow, as upstream does. */
    while (g_ascii_isdigit(virConfCur(p))) {
        l = l * 10 + (unsigned long long)(virConfCur(p) - '0');
        virConfNext(p);
    }
    *val = neg ? -(long long)l : (long long)l;
    return 0;
}

/* A single-line quoted string ending with the quote character q. */
static char *
virConfParseQuoted(virConfParser *p, char q)
{
    const char *base;
    char *ret;

    virConfNext(p);
    base = p->cur;
    while (p->cur < p->end && *p->cur != q && !IS_EOL(*p->cur))
        p->cur++;
    if (virConfCur(p) != q) {
        virConfParseError(p, "unterminated string");
        return NULL;
    }
    ret = g_strndup(base, p->cur - base);
    virConfNext(p);
    return ret;
}

static char *
virConfParseString(virConfParser *p)
{
    const char *base;

    if (virConfCur(p) == '\'')
        return virConfParseQuoted(p, '\'');

    if (p->cur + 6 < p->end && strncmp(p->cur, "\"\"\"", 3) == 0) {
        char *ret;

        p->cur += 3;
        base = p->cur;
        while (p->cur + 2 < p->end && strncmp(p->cur, "\"\"\"", 3) != 0) {
            if (*p->cur == '\n')
                p->line++;
            p->cur++;
        }
        if (p->cur + 2 >= p->end || strncmp(p->cur, "\"\"\"", 3) != 0) {
            virConfParseError(p, "unterminated string");
            return NULL;
        }
        ret = g_strndup(base, p->cur - base);
        p->cur += 3;
        return ret;
    }

    if (virConfCur(p) == '"')
        return virConfParseQuoted(p, '"');

    /* LXC format: the rest of the line, trailing blanks excluded. */
    base = p->cur;
    while (p->cur < p->end && !IS_EOL(*p->cur))
        p->cur++;
    {
        const char *stop = p->cur;

        while (stop > base && IS_BLANK(stop[-1]))
            stop--;
        return g_strndup(base, stop - base);
    }
}

static virConfValue *virConfParseValue(virConfParser *p);

static virConfValue *
virConfParseList(virConfParser *p)
{
    virConfValue *head = NULL;
    virConfValue **tail = &head;
    virConfValue *ret;

    virConfNext(p); /* '[' */
    virConfSkipBlanksAndEOL(p);
    if (p->cur < p->end && *p->cur != ']') {
        if (!(*tail = virConfParseValue(p)))
            return NULL;
        tail = &(*tail)->next;
        virConfSkipBlanksAndEOL(p);
    }
    while (p->cur < p->end && *p->cur != ']') {
        if (*p->cur != ',') {
            virConfParseError(p, "expecting a separator in list");
            virConfFreeValue(head);
            return NULL;
        }
        virConfNext(p);
        virConfSkipBlanksAndEOL(p);
        if (virConfCur(p) == ']')
            break;
        if (!(*tail = virConfParseValue(p))) {
            virConfFreeValue(head);
            return NULL;
        }
        tail = &(*tail)->next;
        virConfSkipBlanksAndEOL(p);
    }
    if (virConfCur(p) != ']') {
        virConfParseError(p, "list is not closed with ]");
        virConfFreeValue(head);
        return NULL;
    }
    virConfNext(p);

    ret = g_new0(virConfValue, 1);
    ret->type = VIR_CONF_LIST;
    ret->list = head;
    return ret;
}

static virConfValue *
virConfParseValue(virConfParser *p)
{
    virConfValue *ret;
    char c;

    virConfSkipBlanks(p);
    if (p->cur >= p->end) {
        virConfParseError(p, "expecting a value");
        return NULL;
    }
    c = *p->cur;

    if (c == '"' || c == '\'' || (p->conf->flags & VIR_CONF_FLAG_LXC_FORMAT)) {
        char *str = virConfParseString(p);

        if (!str)
            return NULL;
        ret = g_new0(virConfValue, 1);
        ret->type = VIR_CONF_STRING;
        ret->str = str;
        return ret;
    }

    if (c == '[') {
        if (p->conf->flags & VIR_CONF_FLAG_VMX_FORMAT) {
            virConfParseError(p, "lists not allowed in VMX format");
            return NULL;
        }
        return virConfParseList(p);
    }

    if (g_ascii_isdigit(c) || c == '-' || c == '+') {
        long long l;

        if (p->conf->flags & VIR_CONF_FLAG_VMX_FORMAT) {
            virConfParseError(p, "numbers not allowed in VMX format");
            return NULL;
        }
        if (virConfParseNumber(p, &l) < 0)
            return NULL;
        ret = g_new0(virConfValue, 1);
        ret->type = c == '-' ? VIR_CONF_LLONG : VIR_CONF_ULLONG;
        ret->l = l;
        return ret;
    }

    virConfParseError(p, "expecting a value");
    return NULL;
}

static bool
virConfIsNameChar(virConfParser *p, char c)
{
    unsigned int flags = p->conf->flags;

    if (g_ascii_isalnum(c) || c == '_')
        return true;
    if ((flags & VIR_CONF_FLAG_VMX_FORMAT) && (c == ':' || c == '.' || c == '-'))
        return true;
    if ((flags & VIR_CONF_FLAG_LXC_FORMAT) && c == '.')
        return true;
    return false;
}

static char *
virConfParseName(virConfParser *p)
{
    const char *base;
    char c;

    virConfSkipBlanks(p);
    base = p->cur;
    c = virConfCur(p);
    if (!g_ascii_isalpha(c) &&
        !((p->conf->flags & VIR_CONF_FLAG_VMX_FORMAT) && c == '.')) {
        virConfParseError(p, "expecting a name");
        return NULL;
    }
    while (p->cur < p->end && virConfIsNameChar(p, *p->cur))
        p->cur++;
    return g_strndup(base, p->cur - base);
}

/* The text after '#' up to the end of the line. */
static char *
virConfParseCommentText(virConfParser *p)
{
    const char *base;

    virConfNext(p); /* '#' */
    base = p->cur;
    while (p->cur < p->end && !IS_EOL(*p->cur))
        p->cur++;
    return g_strndup(base, p->cur - base);
}

static int
virConfParseStatement(virConfParser *p)
{
    g_autofree char *name = NULL;
    virConfValue *value;
    char *comment = NULL;

    virConfSkipBlanksAndEOL(p);
    if (virConfCur(p) == '#') {
        virConfAppendEntry(p->conf, NULL, NULL, virConfParseCommentText(p));
        return 0;
    }
    if (!(name = virConfParseName(p)))
        return -1;
    virConfSkipBlanks(p);
    if (virConfCur(p) != '=') {
        virConfParseError(p, "expecting an assignment");
        return -1;
    }
    virConfNext(p);
    virConfSkipBlanks(p);
    if (!(value = virConfParseValue(p)))
        return -1;
    virConfSkipBlanks(p);
    if (virConfCur(p) == '#')
        comment = virConfParseCommentText(p);
    virConfAppendEntry(p->conf, g_steal_pointer(&name), value, comment);
    return 0;
}

static int
virConfParseSeparator(virConfParser *p)
{
    virConfSkipBlanks(p);
    if (p->cur >= p->end)
        return 0;
    if (IS_EOL(*p->cur)) {
        virConfSkipBlanksAndEOL(p);
    } else if (*p->cur == ';') {
        p->cur++;
        virConfSkipBlanksAndEOL(p);
    } else {
        virConfParseError(p, "expecting a separator");
        return -1;
    }
    return 0;
}

static virConf *
virConfParse(const char *filename, const char *content, size_t len,
             unsigned int flags)
{
    virConfParser p = {
        .filename = filename,
        .cur = content,
        .end = content + len,
        .line = 1,
    };

    p.conf = virConfNew();
    p.conf->filename = g_strdup(filename);
    p.conf->flags = flags;

    while (p.cur < p.end) {
        if (virConfParseStatement(&p) < 0 || virConfParseSeparator(&p) < 0) {
            virConfFree(p.conf);
            return NULL;
        }
    }
    return p.conf;
}

virConf *
virConfReadFile(const char *filename, unsigned int flags)
{
    g_autofree char *content = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize len = 0;

    VIR_DEBUG("filename=%s", NULLSTR(filename));

    if (!filename) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", __func__);
        return NULL;
    }
    if (!g_file_get_contents(filename, &content, &len, &gerr)) {
        int err = gerr->domain == G_FILE_ERROR ? EIO : 0;

        if (gerr->domain == G_FILE_ERROR) {
            switch (gerr->code) {
            case G_FILE_ERROR_NOENT: err = ENOENT; break;
            case G_FILE_ERROR_ACCES: err = EACCES; break;
            case G_FILE_ERROR_ISDIR: err = EISDIR; break;
            case G_FILE_ERROR_PERM: err = EPERM; break;
            default: break;
            }
        }
        virReportSystemErrorFull(VIR_FROM_NONE, err, __FILE__, __func__,
                                 __LINE__, "Failed to open file '%s'",
                                 filename);
        return NULL;
    }
    if (len > VIR_CONF_MAX_FILE_SIZE) {
        virReportSystemErrorFull(VIR_FROM_NONE, EFBIG, __FILE__, __func__,
                                 __LINE__, "Failed to read file '%s'",
                                 filename);
        return NULL;
    }
    return virConfParse(filename, content, len, flags);
}

virConf *
virConfReadString(const char *memory, unsigned int flags)
{
    if (!memory) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", __func__);
        return NULL;
    }
    return virConfParse("memory conf", memory, strlen(memory), flags);
}

virConfValue *
virConfGetValue(virConf *conf, const char *setting)
{
    virConfEntry *e;

    if (!conf)
        return NULL;
    for (e = conf->entries; e; e = e->next) {
        if (!e->name)
            continue;
        if (STREQ(e->name, setting) ||
            ((conf->flags & VIR_CONF_FLAG_VMX_FORMAT) &&
             g_ascii_strcasecmp(e->name, setting) == 0))
            return e->value;
    }
    return NULL;
}

virConfType
virConfGetValueType(virConf *conf, const char *setting)
{
    virConfValue *v = virConfGetValue(conf, setting);

    return v ? v->type : VIR_CONF_NONE;
}

int
virConfGetValueString(virConf *conf, const char *setting, char **value)
{
    virConfValue *v = virConfGetValue(conf, setting);

    if (!v)
        return 0;
    if (v->type != VIR_CONF_STRING) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a string for '%s' parameter",
                       conf->filename, setting);
        return -1;
    }
    g_free(*value);
    *value = g_strdup(v->str);
    return 1;
}

int
virConfGetValueStringList(virConf *conf, const char *setting,
                          bool compatString, char ***values)
{
    virConfValue *v = virConfGetValue(conf, setting);
    virConfValue *e;
    size_t n = 0;

    if (!v)
        return 0;

    if (v->type == VIR_CONF_LIST) {
        for (e = v->list; e; e = e->next) {
            if (e->type != VIR_CONF_STRING) {
                virReportError(VIR_ERR_CONF_SYNTAX,
                               "%s: expected a string list for '%s' parameter",
                               conf->filename, setting);
                return -1;
            }
            n++;
        }
        g_clear_pointer(values, g_strfreev);
        *values = g_new0(char *, n + 1);
        n = 0;
        for (e = v->list; e; e = e->next)
            (*values)[n++] = g_strdup(e->str);
        return 1;
    }

    if (v->type == VIR_CONF_STRING && compatString) {
        g_clear_pointer(values, g_strfreev);
        *values = g_new0(char *, 2);
        (*values)[0] = g_strdup(v->str);
        return 1;
    }

    g_clear_pointer(values, g_strfreev);
    if (compatString)
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a string or string list for '%s' parameter",
                       conf->filename, setting);
    else
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a string list for '%s' parameter",
                       conf->filename, setting);
    return -1;
}

int
virConfGetValueBool(virConf *conf, const char *setting, bool *value)
{
    virConfValue *v = virConfGetValue(conf, setting);

    if (!v)
        return 0;
    if (v->type != VIR_CONF_ULLONG) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a bool for '%s' parameter",
                       conf->filename, setting);
        return -1;
    }
    if ((unsigned long long)v->l > 1) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: value for '%s' parameter must be 0 or 1",
                       conf->filename, setting);
        return -1;
    }
    *value = v->l == 1;
    return 1;
}

/* The setting as a signed integer within [min, max]; rangefmt words the
 * range error in the caller's type. */
static int
virConfGetSigned(virConf *conf, const char *setting, long long min,
                 long long max, const char *rangetext, long long *value)
{
    virConfValue *v = virConfGetValue(conf, setting);

    if (!v)
        return 0;
    if (v->type != VIR_CONF_LLONG && v->type != VIR_CONF_ULLONG) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a signed integer for '%s' parameter",
                       conf->filename, setting);
        return -1;
    }
    if ((v->type == VIR_CONF_ULLONG &&
         (unsigned long long)v->l > (unsigned long long)max) ||
        (v->type == VIR_CONF_LLONG && (v->l < min || v->l > max))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: value for '%s' parameter must be in range %s",
                       conf->filename, setting, rangetext);
        return -1;
    }
    *value = v->l;
    return 1;
}

static int
virConfGetUnsigned(virConf *conf, const char *setting,
                   unsigned long long max, const char *rangetext,
                   unsigned long long *value)
{
    virConfValue *v = virConfGetValue(conf, setting);

    if (!v)
        return 0;
    if (v->type != VIR_CONF_ULLONG) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected an unsigned integer for '%s' parameter",
                       conf->filename, setting);
        return -1;
    }
    if ((unsigned long long)v->l > max) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: value for '%s' parameter must be in range %s",
                       conf->filename, setting, rangetext);
        return -1;
    }
    *value = (unsigned long long)v->l;
    return 1;
}

int
virConfGetValueInt(virConf *conf, const char *setting, int *value)
{
    g_autofree char *range = g_strdup_printf("%d:%d", INT_MIN, INT_MAX);
    long long l;
    int rc = virConfGetSigned(conf, setting, INT_MIN, INT_MAX, range, &l);

    if (rc == 1)
        *value = (int)l;
    return rc;
}

int
virConfGetValueSSizeT(virConf *conf, const char *setting, ssize_t *value)
{
    g_autofree char *range = g_strdup_printf("%zd:%zd", (ssize_t)G_MINSSIZE,
                                             (ssize_t)G_MAXSSIZE);
    long long l;
    int rc = virConfGetSigned(conf, setting, G_MINSSIZE, G_MAXSSIZE, range, &l);

    if (rc == 1)
        *value = (ssize_t)l;
    return rc;
}

int
virConfGetValueLLong(virConf *conf, const char *setting, long long *value)
{
    g_autofree char *range = g_strdup_printf("%lld:%lld", LLONG_MIN, LLONG_MAX);

    return virConfGetSigned(conf, setting, LLONG_MIN, LLONG_MAX, range, value);
}

int
virConfGetValueUInt(virConf *conf, const char *setting, unsigned int *value)
{
    g_autofree char *range = g_strdup_printf("0:%u", UINT_MAX);
    unsigned long long l;
    int rc = virConfGetUnsigned(conf, setting, UINT_MAX, range, &l);

    if (rc == 1)
        *value = (unsigned int)l;
    return rc;
}

int
virConfGetValueSizeT(virConf *conf, const char *setting, size_t *value)
{
    g_autofree char *range = g_strdup_printf("0:%zu", (size_t)G_MAXSIZE);
    unsigned long long l;
    int rc = virConfGetUnsigned(conf, setting, G_MAXSIZE, range, &l);

    if (rc == 1)
        *value = (size_t)l;
    return rc;
}

int
virConfGetValueULLong(virConf *conf, const char *setting,
                      unsigned long long *value)
{
    return virConfGetUnsigned(conf, setting, ULLONG_MAX, "", value);
}

int
virConfSetValue(virConf *conf, const char *setting, virConfValue **value)
{
    virConfEntry *e;

    if (*value && (*value)->type == VIR_CONF_STRING && !(*value)->str) {
        g_clear_pointer(value, virConfFreeValue);
        return -1;
    }
    for (e = conf->entries; e; e = e->next) {
        if (e->name && STREQ(e->name, setting)) {
            virConfFreeValue(e->value);
            e->value = g_steal_pointer(value);
            return 0;
        }
    }
    virConfAppendEntry(conf, g_strdup(setting), g_steal_pointer(value), NULL);
    return 0;
}

int
virConfWalk(virConf *conf, virConfWalkCallback callback, void *opaque)
{
    virConfEntry *e;

    if (!conf)
        return 0;
    for (e = conf->entries; e; e = e->next) {
        if (e->name && e->value && callback(e->name, e->value, opaque) < 0)
            return -1;
    }
    return 0;
}

static void
virConfFormatValue(virBuffer *buf, virConfValue *v)
{
    virConfValue *e;

    switch (v->type) {
    case VIR_CONF_LLONG:
    case VIR_CONF_ULLONG:
        virBufferAsprintf(buf, "%lld", v->l);
        break;
    case VIR_CONF_STRING:
        if (v->str && strchr(v->str, '\n'))
            virBufferAsprintf(buf, "\"\"\"%s\"\"\"", v->str);
        else if (v->str && strchr(v->str, '"'))
            virBufferAsprintf(buf, "'%s'", v->str);
        else
            virBufferAsprintf(buf, "\"%s\"", NULLSTR_EMPTY(v->str));
        break;
    case VIR_CONF_LIST:
        virBufferAddLit(buf, "[ ");
        for (e = v->list; e; e = e->next) {
            virConfFormatValue(buf, e);
            if (e->next)
                virBufferAddLit(buf, ", ");
        }
        virBufferAddLit(buf, " ]");
        break;
    case VIR_CONF_NONE:
    case VIR_CONF_LAST:
        break;
    }
}

char *
virConfFormat(virConf *conf)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    virConfEntry *e;

    for (e = conf->entries; e; e = e->next) {
        if (e->name) {
            virBufferAsprintf(&buf, "%s = ", e->name);
            virConfFormatValue(&buf, e->value);
            if (e->comment)
                virBufferAsprintf(&buf, " #%s", e->comment);
        } else if (e->comment) {
            virBufferAsprintf(&buf, "#%s", e->comment);
        }
        virBufferAddLit(&buf, "\n");
    }
    if (virBufferUse(&buf) == 0)
        return g_strdup("");
    return virBufferContentAndReset(&buf);
}

static char *
virConfConfigPath(const char *name)
{
    const char *xdg = g_getenv("XDG_CONFIG_HOME");

    if (geteuid() == 0)
        return g_strdup_printf("%s/libvirt/%s", SYSCONFDIR, name);
    /* Read the environment each time (GLib caches its answer) so a
     * process that changes XDG_CONFIG_HOME sees the new place. */
    if (xdg && *xdg)
        return g_strdup_printf("%s/libvirt/%s", xdg, name);
    return g_strdup_printf("%s/.config/libvirt/%s", g_get_home_dir(), name);
}

int
virConfLoadConfig(virConf **conf, const char *name)
{
    g_autofree char *path = virConfConfigPath(name);

    *conf = NULL;
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        return 0;
    VIR_DEBUG("Loading config file '%s'", path);
    if (!(*conf = virConfReadFile(path, 0)))
        return -1;
    return 0;
}

int
virConfLoadClientConfig(virConf **conf)
{
    return virConfLoadConfig(conf, "libvirt.conf");
}
