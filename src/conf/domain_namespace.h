/*
 * domain_namespace.h: driver XML namespaces, extra elements a driver
 * reads from its own namespace under <domain> (<qemu:commandline>,
 * <test:runstate>...).
 *
 * The generic parser keeps every namespaced child of <domain> aside; the
 * driver's post-parse callback then applies its namespace (the one in its
 * virDomainXMLOption) with virDomainDefNamespaceApply, which parses the
 * elements of that namespace and drops the others, as upstream does.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainXMLNamespace {
    const char *prefix;
    const char *uri;
    /* Parses the namespace's elements among the root's children nodes
     * (only those in uri are passed); *data stays NULL when there is
     * nothing to keep. */
    int (*parse)(xmlNodePtr *nodes, size_t nnodes, void **data);
    void (*free)(void *data);
    /* Writes the elements back; NULL when the driver never does. */
    int (*format)(virBuffer *buf, const void *data);
};

struct _virDomainNamespaceDef {
    /* the namespaced children of <domain>, as detached copies, until
     * a namespace is applied */
    xmlNodePtr *pending;
    size_t npending;
    const virDomainXMLNamespace *ns;
    void *data; /* the namespace's own struct, or NULL */
};

int virDomainDefNamespaceApply(virDomainDef *def,
                               const virDomainXMLNamespace *ns);

/* ---- The qemu driver's namespace ---- */

typedef enum {
    VIR_DOMAIN_QEMU_NS_OVERRIDE_NONE = 0,
    VIR_DOMAIN_QEMU_NS_OVERRIDE_STRING,
    VIR_DOMAIN_QEMU_NS_OVERRIDE_SIGNED,
    VIR_DOMAIN_QEMU_NS_OVERRIDE_UNSIGNED,
    VIR_DOMAIN_QEMU_NS_OVERRIDE_BOOL,
    VIR_DOMAIN_QEMU_NS_OVERRIDE_REMOVE,
    VIR_DOMAIN_QEMU_NS_OVERRIDE_LAST
} virDomainQemuNsOverrideType;
VIR_ENUM_DECL(virDomainQemuNsOverride);

typedef struct _virDomainQemuNsEnv virDomainQemuNsEnv;
struct _virDomainQemuNsEnv {
    char *name;
    char *value;
};

typedef struct _virDomainQemuNsProperty virDomainQemuNsProperty;
struct _virDomainQemuNsProperty {
    char *name;
    virDomainQemuNsOverrideType type;
    char *value;
};

typedef struct _virDomainQemuNsDeviceOverride virDomainQemuNsDeviceOverride;
struct _virDomainQemuNsDeviceOverride {
    char *alias;
    virDomainQemuNsProperty *frontend;
    size_t nfrontend;
};

typedef struct _virDomainQemuNsDef virDomainQemuNsDef;
struct _virDomainQemuNsDef {
    char **args;     /* NULL terminated, or NULL */
    virDomainQemuNsEnv *env;
    size_t nenv;
    char **capsadd;  /* NULL terminated, or NULL */
    char **capsdel;  /* NULL terminated, or NULL */
    virDomainQemuNsDeviceOverride *overrides;
    size_t noverrides;
    char *deprecationBehavior;
};

extern const virDomainXMLNamespace virDomainQemuXMLNamespace;

/* ---- The test driver's namespace ---- */

typedef struct _virDomainTestNsDef virDomainTestNsDef;
struct _virDomainTestNsDef {
    int runstate;        /* a virDomainState; running when not given */
    bool transient;
    bool hasManagedSave;
    xmlNodePtr *snapshots; /* <test:domainsnapshot>, detached copies */
    size_t nsnapshots;
};

extern const virDomainXMLNamespace virDomainTestXMLNamespace;
