/*
 * virlog.c: the library's debug log.
 *
 * Configuration is a default priority, a list of filters ("3:remote
 * 1:qemu": the first filter whose match string occurs in a module's name
 * sets that module's threshold) and a list of outputs (stderr, a file,
 * syslog, journald), each with its own minimum priority.  Every change bumps
 * virLogConfigSerial; each module caches its threshold with the serial it
 * was computed for, so the common disabled case never takes the lock.
 * Lines look like upstream's:
 *   "2023-01-16 10:20:30.123+0000: 4242: debug : func:12 : text"
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.log");

#define VIR_LOG_DEFAULT VIR_LOG_WARN
#define VIR_LOG_JOURNAL_SOCKET "/run/systemd/journal/socket"

typedef enum {
    VIR_LOG_TO_STDERR = 0,
    VIR_LOG_TO_SYSLOG,
    VIR_LOG_TO_FILE,
    VIR_LOG_TO_JOURNALD,

    VIR_LOG_TO_OUTPUT_LAST
} virLogDestination;

static const char *const virLogDestinationNames[] = {
    [VIR_LOG_TO_STDERR] = "stderr",
    [VIR_LOG_TO_SYSLOG] = "syslog",
    [VIR_LOG_TO_FILE] = "file",
    [VIR_LOG_TO_JOURNALD] = "journald",
};
G_STATIC_ASSERT(G_N_ELEMENTS(virLogDestinationNames) == VIR_LOG_TO_OUTPUT_LAST);

typedef struct _virLogFilter virLogFilter;
struct _virLogFilter {
    char *pattern; /* "*match*": upstream matches substrings via globs */
    int priority;
};

typedef struct _virLogOutput virLogOutput;
struct _virLogOutput {
    int priority;
    virLogDestination dest;
    char *name;     /* file path or syslog ident */
    int fd;         /* file or journald socket; -1 otherwise */
    bool announced; /* version and host lines written */
};

/* Starts above every source's initial 0 so the first check computes the
 * source's threshold. */
unsigned int virLogConfigSerial = 1;

/* Recursive: parsing reports errors, which may log. */
static GRecMutex virLogLock;
static int virLogDefaultPriority = VIR_LOG_DEFAULT;
static GPtrArray *virLogFilters; /* of virLogFilter */
static GPtrArray *virLogOutputs; /* of virLogOutput */
static gint virLogNbOutputs;
static char *virLogSyslogIdent;
static bool virLogStderrAnnounced;

/* The environment last applied by virLogSetFromEnv. */
static bool virLogEnvApplied;
static char *virLogEnvSeen[3];

static void
virLogFilterFree(gpointer data)
{
    virLogFilter *filter = data;

    g_free(filter->pattern);
    g_free(filter);
}

static void
virLogOutputFree(gpointer data)
{
    virLogOutput *output = data;

    if (!output)
        return;
    if (output->fd >= 0 && output->fd != STDERR_FILENO)
        close(output->fd);
    g_free(output->name);
    g_free(output);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virLogOutput, virLogOutputFree);

/* Callers hold virLogLock. */
static void
virLogBumpSerial(void)
{
    g_atomic_int_set(&virLogConfigSerial, virLogConfigSerial + 1);
}

static const char *
virLogPriorityString(int priority)
{
    switch (priority) {
    case VIR_LOG_DEBUG:
        return "debug";
    case VIR_LOG_INFO:
        return "info";
    case VIR_LOG_WARN:
        return "warning";
    case VIR_LOG_ERROR:
        return "error";
    }
    return "unknown";
}

static int
virLogPrioritySyslog(int priority)
{
    switch (priority) {
    case VIR_LOG_DEBUG:
        return LOG_DEBUG;
    case VIR_LOG_INFO:
        return LOG_INFO;
    case VIR_LOG_WARN:
        return LOG_WARNING;
    default:
        return LOG_ERR;
    }
}

bool
virLogSourceEnabled(virLogSource *source, int priority)
{
    int threshold;

    g_rec_mutex_lock(&virLogLock);
    if (source->serial != virLogConfigSerial) {
        size_t i;

        threshold = virLogDefaultPriority;
        for (i = 0; virLogFilters && i < virLogFilters->len; i++) {
            virLogFilter *filter = g_ptr_array_index(virLogFilters, i);

            if (g_pattern_match_simple(filter->pattern, source->name)) {
                threshold = filter->priority;
                break;
            }
        }
        source->threshold = threshold;
        /* Published last: a reader that sees the new serial sees the
         * threshold computed for it. */
        g_atomic_int_set(&source->serial, virLogConfigSerial);
    }
    threshold = source->threshold;
    g_rec_mutex_unlock(&virLogLock);
    return priority >= threshold;
}

static void
virLogTimestamp(char *buf, size_t buflen)
{
    gint64 now = g_get_real_time();
    time_t secs = now / G_USEC_PER_SEC;
    struct tm tm;

    if (!gmtime_r(&secs, &tm)) {
        buf[0] = '\0';
        return;
    }
    g_snprintf(buf, buflen, "%04d-%02d-%02d %02d:%02d:%02d.%03d+0000",
               tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
               tm.tm_min, tm.tm_sec, (int)((now % G_USEC_PER_SEC) / 1000));
}

/* "<tid>: <priority> : <func>:<line> : <text>\n"; the header-less form
 * (no function) is used for the version and host lines. */
static char *
virLogFormatLine(int priority, const char *funcname, int linenr,
                 const char *text)
{
    unsigned long long tid = (unsigned long long)syscall(SYS_gettid);

    if (funcname)
        return g_strdup_printf("%llu: %s : %s:%d : %s\n", tid,
                               virLogPriorityString(priority), funcname, linenr,
                               text);
    return g_strdup_printf("%llu: %s : %s\n", tid,
                           virLogPriorityString(priority), text);
}

static void
virLogWriteFd(int fd, const char *timestamp, const char *line)
{
    g_autofree char *full = g_strdup_printf("%s: %s", timestamp, line);
    const char *p = full;
    size_t left = strlen(full);

    while (left > 0) {
        ssize_t n = write(fd, p, left);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        left -= n;
    }
}

/* One journald field in the native protocol: "KEY=value\n", or, when the
 * value holds a newline, "KEY\n" + 64-bit little-endian length + value. */
static void
virLogJournalAdd(GString *buf, const char *key, const char *value)
{
    if (strchr(value, '\n')) {
        guint64 len = GUINT64_TO_LE((guint64)strlen(value));

        g_string_append(buf, key);
        g_string_append_c(buf, '\n');
        g_string_append_len(buf, (const char *)&len, sizeof(len));
    } else {
        g_string_append(buf, key);
        g_string_append_c(buf, '=');
    }
    g_string_append(buf, value);
    g_string_append_c(buf, '\n');
}

static bool
virLogWriteJournald(int fd, virLogSource *source, int priority,
                    const char *filename, int linenr, const char *funcname,
                    const char *text)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    g_autofree char *prio =
        g_strdup_printf("%d", virLogPrioritySyslog(priority));
    g_autofree char *line = g_strdup_printf("%d", linenr);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};

    if (fd < 0)
        return false;

    virLogJournalAdd(buf, "MESSAGE", text);
    virLogJournalAdd(buf, "PRIORITY", prio);
    /* RFC 5424 facility 3 is "daemon"; journald wants the raw number. */
    virLogJournalAdd(buf, "SYSLOG_FACILITY", "3");
    virLogJournalAdd(buf, "LIBVIRT_SOURCE", source->name);
    if (filename)
        virLogJournalAdd(buf, "CODE_FILE", filename);
    virLogJournalAdd(buf, "CODE_LINE", line);
    if (funcname)
        virLogJournalAdd(buf, "CODE_FUNC", funcname);

    g_strlcpy(sa.sun_path, VIR_LOG_JOURNAL_SOCKET, sizeof(sa.sun_path));
    return sendto(fd, buf->str, buf->len, MSG_NOSIGNAL, (struct sockaddr *)&sa,
                  sizeof(sa)) >= 0;
}

/* Callers hold virLogLock. */
static void
virLogEmit(virLogOutput *output, virLogSource *source, int priority,
           const char *filename, int linenr, const char *funcname,
           const char *timestamp, const char *text, const char *line)
{
    switch (output->dest) {
    case VIR_LOG_TO_STDERR:
    case VIR_LOG_TO_FILE:
        virLogWriteFd(output->fd, timestamp, line);
        break;
    case VIR_LOG_TO_SYSLOG:
        syslog(virLogPrioritySyslog(priority), "%s", line);
        break;
    case VIR_LOG_TO_JOURNALD:
        /* No journal on this host: stderr rather than losing the line. */
        if (!virLogWriteJournald(output->fd, source, priority, filename, linenr,
                                 funcname, text))
            virLogWriteFd(STDERR_FILENO, timestamp, line);
        break;
    case VIR_LOG_TO_OUTPUT_LAST:
        break;
    }
}

/* Each output starts with the library version and host name, so a log
 * file sent in a bug report says where it came from. */
static void
virLogAnnounce(virLogOutput *output, const char *timestamp)
{
    g_autofree char *version = NULL;
    g_autofree char *host = NULL;
    g_autofree char *line = NULL;

    version = g_strdup_printf("libvirt version: %d.%d.%d",
                              VIREO_API_VERSION_NUMBER / 1000000,
                              (VIREO_API_VERSION_NUMBER / 1000) % 1000,
                              VIREO_API_VERSION_NUMBER % 1000);
    host = g_strdup_printf("hostname: %s", g_get_host_name());

    line = virLogFormatLine(VIR_LOG_INFO, NULL, 0, version);
    if (output)
        virLogEmit(output, &virLogSelf, VIR_LOG_INFO, __FILE__, __LINE__,
                   __func__, timestamp, version, line);
    else
        virLogWriteFd(STDERR_FILENO, timestamp, line);
    g_free(line);

    line = virLogFormatLine(VIR_LOG_INFO, NULL, 0, host);
    if (output)
        virLogEmit(output, &virLogSelf, VIR_LOG_INFO, __FILE__, __LINE__,
                   __func__, timestamp, host, line);
    else
        virLogWriteFd(STDERR_FILENO, timestamp, line);
}

void
virLogMessage(virLogSource *source, int priority, const char *filename,
              int linenr, const char *funcname, const char *fmt, ...)
{
    int save_errno = errno;
    g_autofree char *text = NULL;
    g_autofree char *line = NULL;
    char timestamp[64];
    va_list ap;
    size_t i;

    if (!fmt || !VIR_LOG_ENABLED(source, priority))
        return;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    line = virLogFormatLine(priority, funcname, linenr, text);
    virLogTimestamp(timestamp, sizeof(timestamp));

    g_rec_mutex_lock(&virLogLock);
    if (virLogOutputs && virLogOutputs->len > 0) {
        for (i = 0; i < virLogOutputs->len; i++) {
            virLogOutput *output = g_ptr_array_index(virLogOutputs, i);

            if (priority < output->priority)
                continue;
            if (!output->announced) {
                output->announced = true;
                virLogAnnounce(output, timestamp);
            }
            virLogEmit(output, source, priority, filename, linenr, funcname,
                       timestamp, text, line);
        }
    } else {
        if (!virLogStderrAnnounced) {
            virLogStderrAnnounced = true;
            virLogAnnounce(NULL, timestamp);
        }
        virLogWriteFd(STDERR_FILENO, timestamp, line);
    }
    g_rec_mutex_unlock(&virLogLock);

    errno = save_errno;
}

int
virLogGetDefaultPriority(void)
{
    int ret;

    g_rec_mutex_lock(&virLogLock);
    ret = virLogDefaultPriority;
    g_rec_mutex_unlock(&virLogLock);
    return ret;
}

int
virLogGetNbOutputs(void)
{
    return g_atomic_int_get(&virLogNbOutputs);
}

int
virLogSetDefaultPriority(int priority)
{
    if (priority < VIR_LOG_DEBUG || priority > VIR_LOG_ERROR) {
        virReportError(
            VIR_ERR_INVALID_ARG,
            "Failed to set logging priority, argument '%u' is invalid",
            (unsigned int)priority);
        return -1;
    }
    g_rec_mutex_lock(&virLogLock);
    virLogDefaultPriority = priority;
    virLogBumpSerial();
    g_rec_mutex_unlock(&virLogLock);
    return 0;
}

int
virLogParseDefaultPriority(const char *priority)
{
    if (!priority)
        return -1;
    if (STREQ(priority, "1") || STREQ(priority, "debug"))
        return VIR_LOG_DEBUG;
    if (STREQ(priority, "2") || STREQ(priority, "info"))
        return VIR_LOG_INFO;
    if (STREQ(priority, "3") || STREQ(priority, "warning"))
        return VIR_LOG_WARN;
    if (STREQ(priority, "4") || STREQ(priority, "error"))
        return VIR_LOG_ERROR;

    virReportError(VIR_ERR_INVALID_ARG,
                   "Failed to set logging priority, argument '%s' is invalid",
                   priority);
    return -1;
}

/* Priorities in filter and output specifications: a digit 1..4. */
static int
virLogParsePriorityDigit(const char *str)
{
    guint64 value;

    if (!g_ascii_string_to_unsigned(str, 10, VIR_LOG_DEBUG, VIR_LOG_ERROR,
                                    &value, NULL))
        return -1;
    return (int)value;
}

static virLogFilter *
virLogParseFilter(const char *src)
{
    g_auto(GStrv) tokens = g_strsplit(src, ":", 0);
    const char *match;
    virLogFilter *filter;
    int priority;

    if (!tokens[0] || !tokens[1]) {
        virReportError(VIR_ERR_INVALID_ARG, "Malformed format for filter '%s'",
                       src);
        return NULL;
    }
    if ((priority = virLogParsePriorityDigit(tokens[0])) < 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid priority '%s' for filter '%s'", tokens[0], src);
        return NULL;
    }

    /* A leading '+' once asked for stack traces; accepted and ignored. */
    match = tokens[1];
    if (match[0] == '+')
        match++;
    if (!*match) {
        virReportError(VIR_ERR_INVALID_ARG, "Invalid match string '%s'",
                       tokens[1]);
        return NULL;
    }

    filter = g_new0(virLogFilter, 1);
    filter->priority = priority;
    filter->pattern = g_strdup_printf("*%s*", match);
    return filter;
}

int
virLogSetFilters(const char *filters)
{
    g_autoptr(GPtrArray) list =
        g_ptr_array_new_with_free_func(virLogFilterFree);
    g_auto(GStrv) specs = NULL;
    size_t i;

    if (filters) {
        specs = g_strsplit(filters, " ", 0);
        for (i = 0; specs[i]; i++) {
            virLogFilter *filter;

            if (!*specs[i])
                continue;
            if (!(filter = virLogParseFilter(specs[i])))
                return -1;
            g_ptr_array_add(list, filter);
        }
    }

    g_rec_mutex_lock(&virLogLock);
    if (virLogFilters)
        g_ptr_array_unref(virLogFilters);
    virLogFilters = g_steal_pointer(&list);
    virLogBumpSerial();
    g_rec_mutex_unlock(&virLogLock);
    return 0;
}

static int
virLogDestinationFromString(const char *str)
{
    size_t i;

    for (i = 0; i < VIR_LOG_TO_OUTPUT_LAST; i++) {
        if (STREQ(str, virLogDestinationNames[i]))
            return i;
    }
    return -1;
}

static virLogOutput *
virLogParseOutput(const char *src)
{
    g_auto(GStrv) tokens = g_strsplit(src, ":", 0);
    g_autoptr(virLogOutput) output = NULL;
    guint count = g_strv_length(tokens);
    int priority;
    int dest;

    if (count < 2) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Malformed format for log output '%s'", src);
        return NULL;
    }
    if ((priority = virLogParsePriorityDigit(tokens[0])) < 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid log priority '%s' for log output '%s'",
                       tokens[0], src);
        return NULL;
    }
    if ((dest = virLogDestinationFromString(tokens[1])) < 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid log destination '%s' for log output '%s'",
                       tokens[1], src);
        return NULL;
    }
    if (((dest == VIR_LOG_TO_STDERR || dest == VIR_LOG_TO_JOURNALD) &&
         count != 2) ||
        ((dest == VIR_LOG_TO_FILE || dest == VIR_LOG_TO_SYSLOG) &&
         count != 3)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Log output '%s' does not meet the format requirements "
                       "for destination type '%s'",
                       src, tokens[1]);
        return NULL;
    }

    output = g_new0(virLogOutput, 1);
    output->priority = priority;
    output->dest = dest;
    output->fd = -1;

    switch ((virLogDestination)dest) {
    case VIR_LOG_TO_STDERR:
        output->fd = STDERR_FILENO;
        break;
    case VIR_LOG_TO_SYSLOG:
        output->name = g_strdup(tokens[2]);
        break;
    case VIR_LOG_TO_FILE:
        output->name = g_canonicalize_filename(tokens[2], NULL);
        output->fd =
            open(output->name, O_CREAT | O_APPEND | O_WRONLY | O_CLOEXEC,
                 S_IRUSR | S_IWUSR);
        if (output->fd < 0) {
            virReportSystemError(errno, "failed to open %s", output->name);
            return NULL;
        }
        break;
    case VIR_LOG_TO_JOURNALD:
        /* A missing journal is not an error: lines then go to stderr. */
        output->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        break;
    case VIR_LOG_TO_OUTPUT_LAST:
        break;
    }
    return g_steal_pointer(&output);
}

int
virLogSetOutputs(const char *outputs)
{
    g_autoptr(GPtrArray) list = NULL;
    g_auto(GStrv) specs = NULL;
    const char *ident = NULL;
    size_t i;
    size_t j;

    /* Upstream falls back to a daemon-chosen default here; a library
     * has none, so an empty specification changes nothing. */
    if (!outputs || !*outputs)
        return 0;

    list = g_ptr_array_new_with_free_func(virLogOutputFree);
    specs = g_strsplit(outputs, " ", 0);
    for (i = 0; specs[i]; i++) {
        virLogOutput *output;

        if (!*specs[i])
            continue;
        if (!(output = virLogParseOutput(specs[i])))
            return -1;

        /* The last of two identical outputs wins, in its own position. */
        for (j = 0; j < list->len; j++) {
            virLogOutput *old = g_ptr_array_index(list, j);

            if (old->dest == output->dest &&
                STREQ_NULLABLE(old->name, output->name)) {
                g_ptr_array_remove_index(list, j);
                break;
            }
        }
        g_ptr_array_add(list, output);
    }

    for (i = 0; i < list->len; i++) {
        virLogOutput *output = g_ptr_array_index(list, i);

        if (output->dest == VIR_LOG_TO_SYSLOG)
            ident = output->name;
    }

    g_rec_mutex_lock(&virLogLock);
    if (virLogSyslogIdent && !ident) {
        closelog();
        g_clear_pointer(&virLogSyslogIdent, g_free);
    }
    if (ident && STRNEQ(NULLSTR_EMPTY(virLogSyslogIdent), ident)) {
        /* openlog keeps the pointer: the ident must outlive it. */
        char *old = virLogSyslogIdent;

        virLogSyslogIdent = g_strdup(ident);
        openlog(virLogSyslogIdent, 0, LOG_DAEMON);
        g_free(old);
    }
    if (virLogOutputs)
        g_ptr_array_unref(virLogOutputs);
    g_atomic_int_set(&virLogNbOutputs, (gint)list->len);
    virLogOutputs = g_steal_pointer(&list);
    g_rec_mutex_unlock(&virLogLock);
    return 0;
}

void
virLogReset(void)
{
    g_rec_mutex_lock(&virLogLock);
    g_clear_pointer(&virLogFilters, g_ptr_array_unref);
    g_clear_pointer(&virLogOutputs, g_ptr_array_unref);
    g_atomic_int_set(&virLogNbOutputs, 0);
    if (virLogSyslogIdent) {
        closelog();
        g_clear_pointer(&virLogSyslogIdent, g_free);
    }
    virLogDefaultPriority = VIR_LOG_DEFAULT;
    virLogEnvApplied = false;
    virLogBumpSerial();
    g_rec_mutex_unlock(&virLogLock);
}

void
virLogSetFromEnv(void)
{
    static const char *const names[] = {
        "LIBVIRT_DEBUG",
        "LIBVIRT_LOG_FILTERS",
        "LIBVIRT_LOG_OUTPUTS",
    };
    const char *values[G_N_ELEMENTS(names)];
    bool same = true;
    size_t i;

    g_rec_mutex_lock(&virLogLock);
    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        values[i] = g_getenv(names[i]);
        if (!virLogEnvApplied || g_strcmp0(values[i], virLogEnvSeen[i]) != 0)
            same = false;
    }
    /* Applying the same environment twice would reopen files and
     * repeat the version lines: only a changed environment is applied. */
    if (same) {
        g_rec_mutex_unlock(&virLogLock);
        return;
    }
    virLogEnvApplied = true;
    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        g_free(virLogEnvSeen[i]);
        virLogEnvSeen[i] = g_strdup(values[i]);
    }

    /* A bad setting leaves the error in the thread's slot and the rest
     * of the configuration still applied. */
    if (values[0] && *values[0]) {
        int priority = virLogParseDefaultPriority(values[0]);

        if (priority > 0)
            virLogSetDefaultPriority(priority);
    }
    if (values[1] && *values[1])
        virLogSetFilters(values[1]);
    if (values[2] && *values[2])
        virLogSetOutputs(values[2]);
    g_rec_mutex_unlock(&virLogLock);
}
