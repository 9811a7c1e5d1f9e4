/*
 * domain_conf.h: the domain definition, <domain> parsed into structs and
 * formatted back as upstream libvirt 9.0 formats it.
 *
 * The definition is a set of small parts, each owned by one file:
 *   domain_conf.c      the root element, identity, metadata, lifecycle
 *                      actions, flags and the order of the sections
 *   domain_memory.c    <maxMemory>, <memory>, <currentMemory>, <blkiotune>,
 *                      <memtune>, <memoryBacking>
 *   domain_vcpu.c      <vcpu>, <vcpus>, <iothreads>, <cputune>
 *   domain_numa.c      <numatune> and the NUMA cells of <cpu>
 *   domain_cpu.c       <cpu>
 *   domain_resource.c  <resource>
 *   domain_sysinfo.c   <sysinfo>
 *   domain_os.c        <bootloader>, <os>, <idmap>
 *   domain_features.c  <features>
 *   domain_clock.c     <clock>
 *   domain_pm.c        <pm>, <perf>
 *   domain_security.c  <seclabel>, <keywrap>, <launchSecurity>
 *   domain_namespace.c driver namespaces such as <qemu:commandline>
 *   domain_devices.c   <devices>: one file per device family (see there)
 * Each section file exposes virDomainDef<Section>ParseXML(root, def,
 * flags), reading its elements under the <domain> root, and
 * virDomainDef<Section>Format(buf, def, flags).
 */
#pragma once

#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virxml.h"

/* Parse flags (internal; public VIR_DOMAIN_DEFINE_* map onto them). */
typedef enum {
    /* The document describes a configuration: live-only state (id,
     * aliases, runtime paths) is ignored. */
    VIR_DOMAIN_DEF_PARSE_INACTIVE = 1 << 0,
    /* Reject elements and attributes no parser consumed. */
    VIR_DOMAIN_DEF_PARSE_VALIDATE = 1 << 1,
    /* The document is the driver's own status file. */
    VIR_DOMAIN_DEF_PARSE_STATUS = 1 << 2,
    /* Secrets in the document may be kept (they are never formatted
     * without VIR_DOMAIN_DEF_FORMAT_SECURE anyway). */
    VIR_DOMAIN_DEF_PARSE_ABI_UPDATE = 1 << 3,
} virDomainDefParseFlags;

/* Format flags: the public VIR_DOMAIN_XML_* values, so they pass
 * through unchanged, plus internal ones above them. */
typedef enum {
    VIR_DOMAIN_DEF_FORMAT_SECURE = 1 << 0,     /* VIR_DOMAIN_XML_SECURE */
    VIR_DOMAIN_DEF_FORMAT_INACTIVE = 1 << 1,   /* VIR_DOMAIN_XML_INACTIVE */
    VIR_DOMAIN_DEF_FORMAT_UPDATE_CPU = 1 << 2, /* VIR_DOMAIN_XML_UPDATE_CPU */
    VIR_DOMAIN_DEF_FORMAT_MIGRATABLE = 1 << 3, /* VIR_DOMAIN_XML_MIGRATABLE */
    VIR_DOMAIN_DEF_FORMAT_STATUS = 1 << 8,
} virDomainDefFormatFlags;

typedef enum {
    VIR_DOMAIN_VIRT_NONE = 0,
    VIR_DOMAIN_VIRT_QEMU,
    VIR_DOMAIN_VIRT_KQEMU,
    VIR_DOMAIN_VIRT_KVM,
    VIR_DOMAIN_VIRT_XEN,
    VIR_DOMAIN_VIRT_LXC,
    VIR_DOMAIN_VIRT_UML,
    VIR_DOMAIN_VIRT_OPENVZ,
    VIR_DOMAIN_VIRT_TEST,
    VIR_DOMAIN_VIRT_VMWARE,
    VIR_DOMAIN_VIRT_HYPERV,
    VIR_DOMAIN_VIRT_VBOX,
    VIR_DOMAIN_VIRT_PHYP,
    VIR_DOMAIN_VIRT_PARALLELS,
    VIR_DOMAIN_VIRT_BHYVE,
    VIR_DOMAIN_VIRT_VZ,
    VIR_DOMAIN_VIRT_HVF,
    VIR_DOMAIN_VIRT_LAST
} virDomainVirtType;
VIR_ENUM_DECL(virDomainVirt);

/* virDomainLifecycleAction is the public enum of libvirt-domain.h. */
VIR_ENUM_DECL(virDomainLifecycleAction);

typedef enum {
    VIR_DOMAIN_LOCK_FAILURE_DEFAULT = 0,
    VIR_DOMAIN_LOCK_FAILURE_POWEROFF,
    VIR_DOMAIN_LOCK_FAILURE_RESTART,
    VIR_DOMAIN_LOCK_FAILURE_PAUSE,
    VIR_DOMAIN_LOCK_FAILURE_IGNORE,
    VIR_DOMAIN_LOCK_FAILURE_LAST
} virDomainLockFailureAction;
VIR_ENUM_DECL(virDomainLockFailure);

typedef struct _virDomainDef virDomainDef;
typedef struct _virDomainXMLOption virDomainXMLOption;

/* The parts, each defined in its own header. */
typedef struct _virDomainMemDef virDomainMemDef;
typedef struct _virDomainVcpuSection virDomainVcpuSection;
typedef struct _virDomainNumaDef virDomainNumaDef;
typedef struct _virDomainCPUDef virDomainCPUDef;
typedef struct _virDomainResourceDef virDomainResourceDef;
typedef struct _virDomainSysinfoSection virDomainSysinfoSection;
typedef struct _virDomainOSDef virDomainOSDef;
typedef struct _virDomainFeaturesDef virDomainFeaturesDef;
typedef struct _virDomainClockDef virDomainClockDef;
typedef struct _virDomainPMDef virDomainPMDef;
typedef struct _virDomainSecurityDef virDomainSecurityDef;
typedef struct _virDomainNamespaceDef virDomainNamespaceDef;
typedef struct _virDomainDevices virDomainDevices;

struct _virDomainDef {
    virDomainVirtType virtType;
    int id; /* -1 when not running */
    unsigned char uuid[16];
    bool genidRequested;
    bool genidGenerated;
    unsigned char genid[16];
    char *name;
    char *title;
    char *description;
    xmlNodePtr metadata; /* a detached copy (virXMLNodeCopyDetached) */

    virDomainLifecycleAction onPoweroff;
    virDomainLifecycleAction onReboot;
    virDomainLifecycleAction onCrash;
    virDomainLockFailureAction onLockFailure;

    /* Each part is allocated by virDomainDefNew and never NULL. */
    virDomainMemDef *mem;
    virDomainVcpuSection *vcpu;
    virDomainNumaDef *numa;
    virDomainCPUDef *cpu; /* NULL when there is no <cpu> */
    virDomainResourceDef *resource; /* NULL when there is no <resource> */
    virDomainSysinfoSection *sysinfo;
    virDomainOSDef *os;
    virDomainFeaturesDef *features;
    virDomainClockDef *clock;
    virDomainPMDef *pm;
    virDomainSecurityDef *sec;
    virDomainNamespaceDef *ns;
    virDomainDevices *devices;
};

/* What a driver tells the parser about itself: post-parse defaults that
 * depend on the hypervisor (default architecture, machine type...).  A
 * NULL option means none. */
typedef struct _virDomainXMLNamespace virDomainXMLNamespace;
struct _virDomainXMLOption {
    /* Called after the generic parse and defaults; may fill in more
     * defaults or reject the definition (reporting an error). */
    int (*postParse)(virDomainDef *def, unsigned int parseFlags,
                     void *opaque);
    void *opaque;
    /* The driver's XML namespace (domain_namespace.h), or NULL; the
     * postParse callback applies it with virDomainDefNamespaceApply. */
    const virDomainXMLNamespace *ns;
};

virDomainDef *virDomainDefNew(void);
void virDomainDefFree(virDomainDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainDef, virDomainDefFree);

/* Parses a <domain> document.  Errors are reported in the
 * VIR_FROM_DOMAIN domain. */
virDomainDef *virDomainDefParseString(const char *xml,
                                      const virDomainXMLOption *xmlopt,
                                      unsigned int flags);
virDomainDef *virDomainDefParseFile(const char *path,
                                    const virDomainXMLOption *xmlopt,
                                    unsigned int flags);
/* Parses a <domain> element inside a larger document (snapshots, the
 * test driver's node files). */
virDomainDef *virDomainDefParseNode(xmlNodePtr root,
                                    const virDomainXMLOption *xmlopt,
                                    unsigned int flags);

/* Formats def; flags are virDomainDefFormatFlags.  NULL on error. */
char *virDomainDefFormat(const virDomainDef *def, unsigned int flags);
/* The same into buf at its indentation (for documents embedding one). */
int virDomainDefFormatBuf(virBuffer *buf, const virDomainDef *def,
                          unsigned int flags);

/* A deep copy, through the XML (as upstream's virDomainDefCopy). */
virDomainDef *virDomainDefCopy(const virDomainDef *def,
                               const virDomainXMLOption *xmlopt,
                               bool inactive);

/* <title>, <description> and the foreign-namespace elements of
 * <metadata>, as virDomainGetMetadata reads them: type is a
 * virDomainMetadataType, uri names the namespace of an ELEMENT.  NULL
 * with VIR_ERR_NO_DOMAIN_METADATA when absent. */
char *virDomainDefGetMetadata(const virDomainDef *def, int type,
                              const char *uri);
/* Sets or (metadata NULL or empty) removes one; an ELEMENT is parsed from
 * metadata and put in namespace uri with prefix key, replacing any
 * element of that namespace. */
int virDomainDefSetMetadata(virDomainDef *def, int type,
                            const char *metadata, const char *key,
                            const char *uri);
