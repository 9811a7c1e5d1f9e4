/*
 * domain_memory.h: the memory of a domain: <maxMemory>, <memory>,
 * <currentMemory>, the block I/O tunables <blkiotune>, the memory limits
 * <memtune> and how guest memory is backed (<memoryBacking>).  Sizes are
 * kept in KiB, as upstream keeps them.
 */
#pragma once

#include "domain_sections.h"
#include "util/virbitmap.h"

/* A limit left unset (libvirt-domain.h's VIR_DOMAIN_MEMORY_PARAM_UNLIMITED). */
#define VIR_DOMAIN_MEMORY_LIMIT_UNSET \
    ((unsigned long long)VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)

typedef enum {
    VIR_DOMAIN_MEMORY_SOURCE_NONE = 0,
    VIR_DOMAIN_MEMORY_SOURCE_FILE,
    VIR_DOMAIN_MEMORY_SOURCE_ANONYMOUS,
    VIR_DOMAIN_MEMORY_SOURCE_MEMFD,
    VIR_DOMAIN_MEMORY_SOURCE_LAST
} virDomainMemorySource;
VIR_ENUM_DECL(virDomainMemorySource);

/* Also the memAccess of a NUMA cell. */
typedef enum {
    VIR_DOMAIN_MEMORY_ACCESS_DEFAULT = 0,
    VIR_DOMAIN_MEMORY_ACCESS_SHARED,
    VIR_DOMAIN_MEMORY_ACCESS_PRIVATE,
    VIR_DOMAIN_MEMORY_ACCESS_LAST
} virDomainMemoryAccess;
VIR_ENUM_DECL(virDomainMemoryAccess);

typedef enum {
    VIR_DOMAIN_MEMORY_ALLOCATION_NONE = 0,
    VIR_DOMAIN_MEMORY_ALLOCATION_IMMEDIATE,
    VIR_DOMAIN_MEMORY_ALLOCATION_ONDEMAND,
    VIR_DOMAIN_MEMORY_ALLOCATION_LAST
} virDomainMemoryAllocation;
VIR_ENUM_DECL(virDomainMemoryAllocation);

typedef struct _virDomainHugePage virDomainHugePage;
struct _virDomainHugePage {
    unsigned long long size; /* KiB; 0 for a bare <hugepages/> */
    virBitmap *nodemask;     /* guest NUMA nodes, NULL for all */
};

typedef struct _virDomainBlkioDevice virDomainBlkioDevice;
struct _virDomainBlkioDevice {
    char *path;
    unsigned int weight;
    unsigned int riops;
    unsigned int wiops;
    unsigned long long rbps;
    unsigned long long wbps;
};

struct _virDomainMemDef {
    unsigned long long max_memory; /* <maxMemory>, 0 when absent */
    unsigned int memory_slots;
    unsigned long long total_memory; /* <memory> */
    virTristateSwitch dump_core;
    unsigned long long cur_balloon;  /* <currentMemory> */

    unsigned int blkio_weight;
    virDomainBlkioDevice *blkio_devices;
    size_t nblkio_devices;

    /* VIR_DOMAIN_MEMORY_LIMIT_UNSET when not given */
    unsigned long long hard_limit;
    unsigned long long soft_limit;
    unsigned long long swap_hard_limit;
    unsigned long long min_guarantee; /* 0 when not given */

    virDomainHugePage *hugepages;
    size_t nhugepages;
    bool nosharepages;
    bool locked;
    virDomainMemorySource source;
    virDomainMemoryAccess access;
    virDomainMemoryAllocation allocation;
    unsigned int allocation_threads;
    bool discard;
};

/* Reads a size in KiB from node (its content, or attribute valueattr),
 * with unitattr as the unit, rejecting values beyond what a domain can
 * hold with VIR_ERR_OVERFLOW, as upstream does.  0 when absent and not
 * required. */
int virDomainParseMemory(xmlNodePtr node, const char *valueattr,
                         const char *unitattr, bool required,
                         unsigned long long *mem);
