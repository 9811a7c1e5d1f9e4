/*
 * domain_numa.h: guest NUMA: the cells that <cpu><numa> describes (their
 * vCPUs, memory, distances, caches and the interconnects between them)
 * and the host memory binding of <numatune>.  Both live in one struct,
 * as the per-cell binding of <numatune><memnode> refers to the cells.
 */
#pragma once

#include "domain_sections.h"
#include "domain_memory.h"
#include "util/virbitmap.h"

/* virDomainNumatuneMemMode is the public enum of libvirt-domain.h. */
VIR_ENUM_DECL(virDomainNumatuneMemMode);

typedef enum {
    VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT = 0,
    VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC,
    VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO,
    VIR_DOMAIN_NUMATUNE_PLACEMENT_LAST
} virDomainNumatunePlacement;
VIR_ENUM_DECL(virDomainNumatunePlacement);

typedef enum {
    VIR_NUMA_CACHE_ASSOCIATIVITY_NONE = 0,
    VIR_NUMA_CACHE_ASSOCIATIVITY_DIRECT,
    VIR_NUMA_CACHE_ASSOCIATIVITY_FULL,
    VIR_NUMA_CACHE_ASSOCIATIVITY_LAST
} virNumaCacheAssociativity;
VIR_ENUM_DECL(virNumaCacheAssociativity);

typedef enum {
    VIR_NUMA_CACHE_POLICY_NONE = 0,
    VIR_NUMA_CACHE_POLICY_WRITEBACK,
    VIR_NUMA_CACHE_POLICY_WRITETHROUGH,
    VIR_NUMA_CACHE_POLICY_LAST
} virNumaCachePolicy;
VIR_ENUM_DECL(virNumaCachePolicy);

typedef enum {
    VIR_MEMORY_LATENCY_NONE = 0,
    VIR_MEMORY_LATENCY_ACCESS,
    VIR_MEMORY_LATENCY_READ,
    VIR_MEMORY_LATENCY_WRITE,
    VIR_MEMORY_LATENCY_LAST
} virMemoryLatency;
VIR_ENUM_DECL(virMemoryLatency);

typedef struct _virNumaCache virNumaCache;
struct _virNumaCache {
    unsigned int level;
    virNumaCacheAssociativity associativity;
    virNumaCachePolicy policy;
    unsigned long long size; /* KiB */
    unsigned int line;       /* bytes */
};

typedef struct _virNumaInterconnect virNumaInterconnect;
struct _virNumaInterconnect {
    bool bandwidth; /* <bandwidth> (KiB per second), else <latency> */
    unsigned int initiator;
    unsigned int target;
    unsigned int cache;
    virMemoryLatency accessType;
    unsigned long long value;
};

typedef struct _virDomainNumaCell virDomainNumaCell;
struct _virDomainNumaCell {
    unsigned long long mem; /* KiB */
    virBitmap *cpumask;     /* the cell's vCPUs, NULL for none */
    virBitmap *nodeset;     /* <memnode>: host nodes, NULL when unbound */
    virDomainNumatuneMemMode mode;
    virDomainMemoryAccess memAccess;
    virTristateBool discard;
    unsigned int *distances; /* value per cell, 0 for none; NULL for none */
    virNumaCache *caches;
    size_t ncaches;
};

struct _virDomainNumaDef {
    /* <numatune><memory> */
    bool memSpecified;
    virBitmap *memNodeset;
    virDomainNumatuneMemMode memMode;
    virDomainNumatunePlacement memPlacement;

    virDomainNumaCell *cells;
    size_t ncells;
    virNumaInterconnect *interconnects;
    size_t ninterconnects;
};

size_t virDomainNumaGetNodeCount(const virDomainNumaDef *numa);
/* The memory of all cells, KiB. */
unsigned long long virDomainNumaGetMemorySize(const virDomainNumaDef *numa);

/* <cpu><numa>: called by the <cpu> parser with the <numa> element, and
 * by its formatter, which writes <numa> at buf's indentation. */
int virDomainNumaCellsParseXML(xmlNodePtr node, virDomainNumaDef *numa);
void virDomainNumaCellsFormat(virBuffer *buf, const virDomainNumaDef *numa);

/* <numatune>, parsed after the vCPUs (its default placement follows
 * theirs); called by the vCPU section parser. */
int virDomainNumatuneParse(xmlNodePtr root, virDomainDef *def,
                           unsigned int flags);
