/*
 * domain_capabilities_conf.h: the <domainCapabilities> document, what one
 * emulator/machine/arch/virt-type combination supports: OS firmware and
 * loaders, CPU modes, memory backing, the enum values of each device
 * family and the optional features (GIC, SEV, SGX, Hyper-V...).
 * Drivers fill the struct in code; the parser exists for tests.
 */
#pragma once

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "conf/domain_cpu.h"
#include "conf/domain_os.h"

/* A set of supported values of one of the domain XML's enums; only a
 * reported one is written (possibly empty). */
typedef struct _virDomainCapsEnum virDomainCapsEnum;
struct _virDomainCapsEnum {
    bool report;
    unsigned int values; /* bit i: the enum's value i is supported */
};

#define VIR_DOMAIN_CAPS_ENUM_SET(e, val) \
    do { (e).report = true; (e).values |= 1U << (val); } while (0)

/* The blocks made of supported='yes|no' and enums only, in the order
 * upstream writes them within their parent. */
typedef enum {
    VIR_DOMAIN_CAPS_BLOCK_OS = 0,         /* enum firmware */
    VIR_DOMAIN_CAPS_BLOCK_LOADER,         /* enums type, readonly, secure */
    VIR_DOMAIN_CAPS_BLOCK_MEMORY_BACKING, /* enum sourceType */
    VIR_DOMAIN_CAPS_BLOCK_DISK,           /* diskDevice, bus, model */
    VIR_DOMAIN_CAPS_BLOCK_GRAPHICS,       /* type */
    VIR_DOMAIN_CAPS_BLOCK_VIDEO,          /* modelType */
    VIR_DOMAIN_CAPS_BLOCK_HOSTDEV,        /* mode, startupPolicy, subsysType,
                                             capsType, pciBackend */
    VIR_DOMAIN_CAPS_BLOCK_RNG,            /* model, backendModel */
    VIR_DOMAIN_CAPS_BLOCK_FILESYSTEM,     /* driverType */
    VIR_DOMAIN_CAPS_BLOCK_TPM,            /* model, backendModel,
                                             backendVersion */
    VIR_DOMAIN_CAPS_BLOCK_REDIRDEV,       /* bus */
    VIR_DOMAIN_CAPS_BLOCK_CHANNEL,        /* type */
    VIR_DOMAIN_CAPS_BLOCK_GIC,            /* version */
    VIR_DOMAIN_CAPS_BLOCK_HYPERV,         /* features */
    VIR_DOMAIN_CAPS_BLOCK_LAST
} virDomainCapsBlockType;

#define VIR_DOMAIN_CAPS_BLOCK_MAX_ENUMS 5

typedef struct _virDomainCapsBlock virDomainCapsBlock;
struct _virDomainCapsBlock {
    virTristateBool supported; /* absent: the block is not written */
    virDomainCapsEnum enums[VIR_DOMAIN_CAPS_BLOCK_MAX_ENUMS];
};

/* The simple supported='yes|no' features */
typedef enum {
    VIR_DOMAIN_CAPS_FEATURE_IOTHREADS = 0,
    VIR_DOMAIN_CAPS_FEATURE_VMCOREINFO,
    VIR_DOMAIN_CAPS_FEATURE_GENID,
    VIR_DOMAIN_CAPS_FEATURE_BACKING_STORE_INPUT,
    VIR_DOMAIN_CAPS_FEATURE_BACKUP,
    VIR_DOMAIN_CAPS_FEATURE_S390_PV,
    VIR_DOMAIN_CAPS_FEATURE_LAST
} virDomainCapsFeature;
VIR_ENUM_DECL(virDomainCapsFeature);

typedef enum {
    VIR_DOMAIN_CAPS_CPU_USABLE_UNKNOWN = 0,
    VIR_DOMAIN_CAPS_CPU_USABLE_YES,
    VIR_DOMAIN_CAPS_CPU_USABLE_NO,
    VIR_DOMAIN_CAPS_CPU_USABLE_LAST
} virDomainCapsCPUUsable;
VIR_ENUM_DECL(virDomainCapsCPUUsable);

typedef struct _virDomainCapsCPUModel virDomainCapsCPUModel;
struct _virDomainCapsCPUModel {
    char *name;
    virDomainCapsCPUUsable usable;
    bool deprecated;
    char *vendor; /* NULL is written as 'unknown' */
};

typedef struct _virDomainCapsCPU virDomainCapsCPU;
struct _virDomainCapsCPU {
    bool hostPassthrough;
    virDomainCapsEnum hostPassthroughMigratable; /* virTristateSwitch */
    bool maximum;
    virDomainCapsEnum maximumMigratable;
    virCPUDef *hostModel; /* guest CPU, mode custom; NULL: unsupported */
    virDomainCapsCPUModel *models;
    size_t nmodels;
};

typedef struct _virDomainCapsSEV virDomainCapsSEV;
struct _virDomainCapsSEV {
    int cbitpos;
    int reducedPhysBits;
    int maxGuests;
    int maxESGuests;
    char *cpu0Id;
};

typedef struct _virDomainCapsSGXSection virDomainCapsSGXSection;
struct _virDomainCapsSGXSection {
    int node;
    unsigned long long size; /* KiB */
};

typedef struct _virDomainCapsSGX virDomainCapsSGX;
struct _virDomainCapsSGX {
    bool flc;
    bool sgx1;
    bool sgx2;
    unsigned long long sectionSize; /* KiB */
    virDomainCapsSGXSection *sections;
    size_t nsections;
};

typedef struct _virDomainCapsDef virDomainCapsDef;
struct _virDomainCapsDef {
    char *path;
    int virttype; /* virDomainVirtType */
    char *machine;
    virArch arch;
    int maxvcpus; /* 0: no <vcpu> */
    virTristateBool features[VIR_DOMAIN_CAPS_FEATURE_LAST];
    virDomainCapsBlock blocks[VIR_DOMAIN_CAPS_BLOCK_LAST];
    char **loaderValues; /* firmware paths listed under <loader> */
    size_t nloaderValues;
    virDomainCapsCPU cpu;
    virDomainCapsSEV *sev; /* NULL: <sev supported='no'/> */
    virDomainCapsSGX *sgx; /* NULL: <sgx supported='no'/> */
};

virDomainCapsDef *virDomainCapsDefNew(void);
void virDomainCapsDefFree(virDomainCapsDef *caps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainCapsDef, virDomainCapsDefFree);

/* The enum called name of a block (NULL when the block has none). */
virDomainCapsEnum *virDomainCapsBlockEnum(virDomainCapsDef *caps,
                                          virDomainCapsBlockType block,
                                          const char *name);

/* validate: reject elements and attributes no parser read */
virDomainCapsDef *virDomainCapsDefParseString(const char *xml, bool validate);
char *virDomainCapsDefFormat(const virDomainCapsDef *caps);
