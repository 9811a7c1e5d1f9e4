/*
 * capabilities_conf.h: the <capabilities> document, describing the host
 * (CPU, power management, NUMA topology, caches, security models) and the
 * guests a driver can run (OS type, architecture, emulators, machines).
 * Drivers fill the struct in code; the parser exists for tests.
 */
#pragma once

#include "internal.h"
#include "util/virbitmap.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "conf/domain_cpu.h"
#include "conf/domain_os.h"
#include "conf/domain_numa.h"

typedef enum {
    VIR_CAPS_PM_SUSPEND_MEM = 0,
    VIR_CAPS_PM_SUSPEND_DISK,
    VIR_CAPS_PM_SUSPEND_HYBRID,
    VIR_CAPS_PM_LAST
} virCapsHostPMTarget;
VIR_ENUM_DECL(virCapsHostPMTarget);

typedef enum {
    VIR_CAPS_CACHE_BOTH = 0,
    VIR_CAPS_CACHE_CODE,
    VIR_CAPS_CACHE_DATA,
    VIR_CAPS_CACHE_LAST
} virCapsCacheType;
VIR_ENUM_DECL(virCapsCacheType);

typedef enum {
    VIR_CAPS_GUEST_FEATURE_PAE = 0,
    VIR_CAPS_GUEST_FEATURE_NONPAE,
    VIR_CAPS_GUEST_FEATURE_IA64_BE,
    VIR_CAPS_GUEST_FEATURE_ACPI,
    VIR_CAPS_GUEST_FEATURE_APIC,
    VIR_CAPS_GUEST_FEATURE_CPUSELECTION,
    VIR_CAPS_GUEST_FEATURE_DEVICEBOOT,
    VIR_CAPS_GUEST_FEATURE_DISKSNAPSHOT,
    VIR_CAPS_GUEST_FEATURE_HAP,
    VIR_CAPS_GUEST_FEATURE_LAST
} virCapsGuestFeatureType;
VIR_ENUM_DECL(virCapsGuestFeature);

typedef struct _virCapsHostCellCPU virCapsHostCellCPU;
struct _virCapsHostCellCPU {
    unsigned int id;
    unsigned int socket_id;
    unsigned int die_id;
    unsigned int core_id;
    virBitmap *siblings; /* NULL: only the id is known */
};

typedef struct _virCapsHostCellPages virCapsHostCellPages;
struct _virCapsHostCellPages {
    unsigned int size; /* KiB */
    unsigned long long avail;
};

typedef struct _virCapsHostCellDistance virCapsHostCellDistance;
struct _virCapsHostCellDistance {
    unsigned int cellid;
    unsigned int value;
};

typedef struct _virCapsHostCell virCapsHostCell;
struct _virCapsHostCell {
    unsigned int num;
    unsigned long long mem; /* KiB; 0 when unknown */
    virCapsHostCellPages *pages;
    size_t npages;
    virCapsHostCellDistance *distances;
    size_t ndistances;
    virNumaCache *caches; /* memory side caches (HMAT) */
    size_t ncaches;
    virCapsHostCellCPU *cpus;
    size_t ncpus;
};

/* resctrl monitoring of a cache or of memory bandwidth */
typedef struct _virCapsHostMonitor virCapsHostMonitor;
struct _virCapsHostMonitor {
    bool isCache; /* level and reuseThreshold are meaningful */
    unsigned int level;
    unsigned int reuseThreshold;
    unsigned int maxMonitors;
    char **features;
    size_t nfeatures;
};

typedef struct _virCapsHostCacheControl virCapsHostCacheControl;
struct _virCapsHostCacheControl {
    unsigned long long granularity; /* bytes */
    unsigned long long min; /* bytes; 0 when absent */
    virCapsCacheType scope;
    unsigned int maxAllocs;
};

typedef struct _virCapsHostCacheBank virCapsHostCacheBank;
struct _virCapsHostCacheBank {
    unsigned int id;
    unsigned int level;
    virCapsCacheType type;
    unsigned long long size; /* bytes */
    virBitmap *cpus;
    virCapsHostCacheControl *controls;
    size_t ncontrols;
};

typedef struct _virCapsHostMemBWNode virCapsHostMemBWNode;
struct _virCapsHostMemBWNode {
    unsigned int id;
    virBitmap *cpus;
    unsigned int granularity;
    unsigned int min;
    unsigned int maxAllocs;
};

typedef struct _virCapsHostSecModelLabel virCapsHostSecModelLabel;
struct _virCapsHostSecModelLabel {
    char *type; /* virt type the base label applies to */
    char *label;
};

typedef struct _virCapsHostSecModel virCapsHostSecModel;
struct _virCapsHostSecModel {
    char *model;
    char *doi;
    virCapsHostSecModelLabel *labels;
    size_t nlabels;
};

typedef struct _virCapsHost virCapsHost;
struct _virCapsHost {
    bool hasUUID;
    unsigned char uuid[VIR_UUID_BUFLEN];
    virArch arch; /* VIR_ARCH_NONE when unknown */
    char **features; /* <features> of the host <cpu>: pae, vmx, ... */
    size_t nfeatures;
    virCPUDef *cpu; /* model, vendor, topology, ...; may be NULL */
    unsigned int *pagesSize; /* KiB */
    size_t npagesSize;
    unsigned int powerMgmt; /* bit set of virCapsHostPMTarget */
    bool iommu;
    bool offlineMigrate; /* <migration_features> is written */
    bool liveMigrate;
    char **migrateTrans;
    size_t nmigrateTrans;
    char *netprefix;
    virCapsHostCell *cells; /* <topology> is written when ncells > 0 */
    size_t ncells;
    bool hasTopology;
    virNumaInterconnect *interconnects; /* HMAT latencies and bandwidths */
    size_t ninterconnects;
    virCapsHostCacheBank *banks;
    size_t nbanks;
    virCapsHostMonitor *cacheMonitor;
    virCapsHostMemBWNode *memBWNodes;
    size_t nmemBWNodes;
    virCapsHostMonitor *memBWMonitor;
    virCapsHostSecModel *secModels;
    size_t nsecModels;
};

typedef struct _virCapsGuestMachine virCapsGuestMachine;
struct _virCapsGuestMachine {
    char *name;
    char *canonical;
    unsigned int maxCpus; /* 0 when unknown */
    bool deprecated;
};

/* What an emulator offers: the arch's default and each domain type's own */
typedef struct _virCapsGuestDomainInfo virCapsGuestDomainInfo;
struct _virCapsGuestDomainInfo {
    char *emulator;
    char *loader;
    virCapsGuestMachine *machines;
    size_t nmachines;
};

typedef struct _virCapsGuestDomain virCapsGuestDomain;
struct _virCapsGuestDomain {
    int type; /* virDomainVirtType */
    virCapsGuestDomainInfo info;
};

typedef struct _virCapsGuestFeature virCapsGuestFeature;
struct _virCapsGuestFeature {
    bool present;
    virTristateSwitch defaultOn;
    virTristateBool toggle;
};

typedef struct _virCapsGuest virCapsGuest;
struct _virCapsGuest {
    int ostype; /* virDomainOSType */
    virArch arch;
    int wordsize;
    virCapsGuestDomainInfo defaultInfo;
    virCapsGuestDomain *domains;
    size_t ndomains;
    virCapsGuestFeature features[VIR_CAPS_GUEST_FEATURE_LAST];
};

typedef struct _virCapsDef virCapsDef;
struct _virCapsDef {
    virCapsHost host;
    virCapsGuest *guests;
    size_t nguests;
};

virCapsDef *virCapsDefNew(void);
void virCapsDefFree(virCapsDef *caps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virCapsDef, virCapsDefFree);

/* Appends a guest / a domain type / a machine and returns it, zeroed. */
virCapsGuest *virCapsDefAddGuest(virCapsDef *caps, int ostype, virArch arch,
                                 int wordsize);
virCapsGuestDomain *virCapsGuestAddDomain(virCapsGuest *guest, int type);
virCapsHostCell *virCapsHostAddCell(virCapsHost *host, unsigned int num);

/* validate: reject elements and attributes no parser read */
virCapsDef *virCapsDefParseString(const char *xml, bool validate);
char *virCapsDefFormat(const virCapsDef *caps);
