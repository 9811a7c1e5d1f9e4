/*
 * virlog.h: the library's debug log.
 *
 * Each source file names its log module once with VIR_LOG_INIT("area.file");
 * LIBVIRT_LOG_FILTERS selects modules by name and LIBVIRT_LOG_OUTPUTS says
 * where lines go.  A disabled message costs one integer comparison: the
 * macros test the module's cached threshold before formatting anything.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

typedef enum {
    VIR_LOG_DEBUG = 1,
    VIR_LOG_INFO,
    VIR_LOG_WARN,
    VIR_LOG_ERROR,
} virLogPriority;

typedef struct _virLogSource virLogSource;
struct _virLogSource {
    const char *name;
    /* Lowest priority this module logs at; recomputed (and serial bumped)
     * whenever filters or the default priority change. */
    int threshold;
    unsigned int serial;
};

#define VIR_LOG_INIT(n) \
    static virLogSource virLogSelf G_GNUC_UNUSED = { \
        .name = "" n "", .threshold = 0, .serial = 0, \
    }

/* Slow path: refreshes the source's threshold when the configuration
 * serial changed, then tests it. */
bool virLogSourceEnabled(virLogSource *source, int priority);

void virLogMessage(virLogSource *source, int priority, const char *filename,
                   int linenr, const char *funcname, const char *fmt, ...)
    G_GNUC_PRINTF(6, 7);

/* The configuration serial; a source whose serial matches has a valid
 * cached threshold. */
extern unsigned int virLogConfigSerial;

#define VIR_LOG_ENABLED(src, prio) \
    ((src)->serial == g_atomic_int_get(&virLogConfigSerial) \
         ? (prio) >= (src)->threshold \
         : virLogSourceEnabled((src), (prio)))

#define VIR_LOG_WITH_PRIORITY(prio, ...) \
    do { \
        if (VIR_LOG_ENABLED(&virLogSelf, prio)) \
            virLogMessage(&virLogSelf, prio, __FILE__, __LINE__, __func__, \
                          __VA_ARGS__); \
    } while (0)

#define VIR_DEBUG(...) VIR_LOG_WITH_PRIORITY(VIR_LOG_DEBUG, __VA_ARGS__)
#define VIR_INFO(...) VIR_LOG_WITH_PRIORITY(VIR_LOG_INFO, __VA_ARGS__)
#define VIR_WARN(...) VIR_LOG_WITH_PRIORITY(VIR_LOG_WARN, __VA_ARGS__)
#define VIR_ERROR(...) VIR_LOG_WITH_PRIORITY(VIR_LOG_ERROR, __VA_ARGS__)

/* Reads LIBVIRT_DEBUG, LIBVIRT_LOG_FILTERS and LIBVIRT_LOG_OUTPUTS. */
void virLogSetFromEnv(void);
/* Programmatic configuration (the daemon's config file uses these).
 * Each returns -1 with an error reported on a malformed specification. */
int virLogSetDefaultPriority(int priority);
int virLogSetFilters(const char *filters);
int virLogSetOutputs(const char *outputs);
int virLogGetDefaultPriority(void);
/* How many outputs are configured; 0 means the stderr fallback. */
int virLogGetNbOutputs(void);
/* Parses "1".."4" or "debug"/"info"/"warning"/"error"; -1 if neither. */
int virLogParseDefaultPriority(const char *priority);
void virLogReset(void);
