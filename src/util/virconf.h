/*
 * virconf.h: libvirt's configuration file syntax.
 *
 * A file is a sequence of "name = value" statements separated by newlines
 * or ';', with '#' comments.  A value is a string ("..." or '...', or
 * """...""" spanning lines), an integer, or a bracketed list of values that
 * may span lines.  The client reads libvirt.conf with it (uri_default,
 * uri_aliases) and the daemons their own files.
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

typedef enum {
    VIR_CONF_NONE = 0,
    VIR_CONF_LLONG,     /* a negative integer */
    VIR_CONF_ULLONG,    /* a non-negative integer */
    VIR_CONF_STRING,
    VIR_CONF_LIST,
    VIR_CONF_LAST
} virConfType;

typedef enum {
    /* VMware .vmx files: names may hold ':', '.', '-'; strings only,
     * names compared without case. */
    VIR_CONF_FLAG_VMX_FORMAT = 1,
    /* LXC configs: names may hold '.', unquoted string values. */
    VIR_CONF_FLAG_LXC_FORMAT = 2,
} virConfFlags;

typedef struct _virConfValue virConfValue;
struct _virConfValue {
    virConfType type;
    virConfValue *next;     /* next element when inside a list */
    long long l;
    char *str;
    virConfValue *list;     /* first element of a list */
};

typedef struct _virConf virConf;

typedef int (*virConfWalkCallback)(const char *name, virConfValue *value,
                                   void *opaque);

virConf *virConfNew(void);
/* NULL with an error reported (VIR_ERR_CONF_SYNTAX "file:line: what" on a
 * syntax error, a system error if the file cannot be read). */
virConf *virConfReadFile(const char *filename, unsigned int flags);
virConf *virConfReadString(const char *memory, unsigned int flags);
int virConfFree(virConf *conf);
void virConfFreeValue(virConfValue *val);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virConf, virConfFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virConfValue, virConfFreeValue);

virConfValue *virConfGetValue(virConf *conf, const char *setting);
virConfType virConfGetValueType(virConf *conf, const char *setting);

/* The typed getters return 1 and set *value when the setting exists, 0
 * leaving *value alone when it does not, -1 with an error when it has the
 * wrong type or is out of range. */
int virConfGetValueString(virConf *conf, const char *setting, char **value);
/* compatString also accepts a single string, as a one-element list. */
int virConfGetValueStringList(virConf *conf, const char *setting,
                              bool compatString, char ***values);
int virConfGetValueBool(virConf *conf, const char *setting, bool *value);
int virConfGetValueInt(virConf *conf, const char *setting, int *value);
int virConfGetValueUInt(virConf *conf, const char *setting,
                        unsigned int *value);
int virConfGetValueSizeT(virConf *conf, const char *setting, size_t *value);
int virConfGetValueSSizeT(virConf *conf, const char *setting,
                          ssize_t *value);
int virConfGetValueLLong(virConf *conf, const char *setting,
                         long long *value);
int virConfGetValueULLong(virConf *conf, const char *setting,
                          unsigned long long *value);

/* Takes ownership of *value (and clears it), replacing any old value. */
int virConfSetValue(virConf *conf, const char *setting,
                    virConfValue **value);
int virConfWalk(virConf *conf, virConfWalkCallback callback, void *opaque);
/* The configuration written back out in the file syntax. */
char *virConfFormat(virConf *conf);

/* Reads the per-user (or, for root, the system) copy of the named client
 * configuration file.  *conf stays NULL when the file does not exist. */
int virConfLoadConfig(virConf **conf, const char *name);
/* virConfLoadConfig for "libvirt.conf". */
int virConfLoadClientConfig(virConf **conf);
