/*
 * domain_cpu.h: a CPU description: the guest <cpu> of a domain (mode,
 * match, check, model, vendor, topology, cache, features with policies and
 * the NUMA cells) and, through the same parser and formatter, the host
 * <cpu> of the capabilities (arch, model, vendor, microcode, signature,
 * counter, topology, features without policy).
 */
#pragma once

#include "domain_sections.h"

typedef enum {
    VIR_CPU_TYPE_HOST = 0,
    VIR_CPU_TYPE_GUEST,
    VIR_CPU_TYPE_AUTO, /* host when it has <arch>, else guest */
    VIR_CPU_TYPE_LAST
} virCPUType;

typedef enum {
    VIR_CPU_MODE_CUSTOM = 0,
    VIR_CPU_MODE_HOST_MODEL,
    VIR_CPU_MODE_HOST_PASSTHROUGH,
    VIR_CPU_MODE_MAXIMUM,
    VIR_CPU_MODE_LAST
} virCPUMode;
VIR_ENUM_DECL(virCPUMode);

typedef enum {
    VIR_CPU_MATCH_EXACT = 0,
    VIR_CPU_MATCH_MINIMUM,
    VIR_CPU_MATCH_STRICT,
    VIR_CPU_MATCH_LAST
} virCPUMatch;
VIR_ENUM_DECL(virCPUMatch);

typedef enum {
    VIR_CPU_CHECK_DEFAULT = 0,
    VIR_CPU_CHECK_NONE,
    VIR_CPU_CHECK_PARTIAL,
    VIR_CPU_CHECK_FULL,
    VIR_CPU_CHECK_LAST
} virCPUCheck;
VIR_ENUM_DECL(virCPUCheck);

typedef enum {
    VIR_CPU_FALLBACK_ALLOW = 0,
    VIR_CPU_FALLBACK_FORBID,
    VIR_CPU_FALLBACK_LAST
} virCPUFallback;
VIR_ENUM_DECL(virCPUFallback);

typedef enum {
    VIR_CPU_FEATURE_FORCE = 0,
    VIR_CPU_FEATURE_REQUIRE,
    VIR_CPU_FEATURE_OPTIONAL,
    VIR_CPU_FEATURE_DISABLE,
    VIR_CPU_FEATURE_FORBID,
    VIR_CPU_FEATURE_LAST
} virCPUFeaturePolicy;
VIR_ENUM_DECL(virCPUFeaturePolicy);

typedef enum {
    VIR_CPU_CACHE_MODE_EMULATE = 0,
    VIR_CPU_CACHE_MODE_PASSTHROUGH,
    VIR_CPU_CACHE_MODE_DISABLE,
    VIR_CPU_CACHE_MODE_LAST
} virCPUCacheMode;
VIR_ENUM_DECL(virCPUCacheMode);

typedef enum {
    VIR_CPU_MAX_PHYS_ADDR_MODE_EMULATE = 0,
    VIR_CPU_MAX_PHYS_ADDR_MODE_PASSTHROUGH,
    VIR_CPU_MAX_PHYS_ADDR_MODE_LAST
} virCPUMaxPhysAddrMode;
VIR_ENUM_DECL(virCPUMaxPhysAddrMode);

typedef struct _virCPUFeatureDef virCPUFeatureDef;
struct _virCPUFeatureDef {
    char *name;
    int policy; /* virCPUFeaturePolicy; -1 for a host CPU */
};

typedef struct _virDomainCPUDef virCPUDef;
struct _virDomainCPUDef {
    virCPUType type;
    int mode; /* virCPUMode; -1 for a host CPU */
    virCPUMatch match;
    virCPUCheck check;
    virTristateSwitch migratable;
    char *arch; /* host CPU only */
    char *model;
    char *vendor_id; /* guest only, 12 characters */
    virCPUFallback fallback;
    char *vendor;
    unsigned int microcodeVersion; /* host only; 0 when unknown */
    unsigned int sigFamily; /* host only; 0 when there is no signature */
    unsigned int sigModel;
    unsigned int sigStepping;
    bool hasTsc; /* host only: <counter name='tsc'> */
    unsigned long long tscFrequency;
    virTristateBool tscScaling;
    unsigned int sockets; /* 0 when there is no topology */
    unsigned int dies;
    unsigned int cores;
    unsigned int threads;
    bool hasCache;
    int cacheLevel; /* -1 when not given */
    virCPUCacheMode cacheMode;
    bool hasMaxPhysAddr;
    virCPUMaxPhysAddrMode maxPhysAddrMode;
    int maxPhysAddrBits; /* -1 when not given */
    virCPUFeatureDef *features;
    size_t nfeatures;
};

void virCPUDefFree(virCPUDef *cpu);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virCPUDef, virCPUDefFree);

/* Parses a <cpu> element as a CPU of the given type (AUTO decides from
 * the content).  Errors are reported in the VIR_FROM_CPU domain. */
virCPUDef *virCPUDefParseNode(xmlNodePtr node, virCPUType type);

/* The content of <cpu> without the element, its attributes, <arch> and
 * NUMA cells: model, vendor, microcode, signature, counter, topology,
 * cache, maxphysaddr and features, as the capabilities' host <cpu> and
 * the domain capabilities' host-model <mode> embed it.  A host CPU built
 * in code should keep mode VIR_CPU_MODE_CUSTOM (0) for its model and
 * vendor to be written; a parsed host CPU has mode -1, as upstream. */
void virCPUDefFormatContent(virBuffer *buf, const virCPUDef *cpu);

/* Writes <cpu> with its content at buf's indentation; numa (may be NULL)
 * adds the guest NUMA cells.  Nothing is written for an empty CPU. */
int virCPUDefFormatBuf(virBuffer *buf, const virCPUDef *cpu,
                       const virDomainNumaDef *numa);
