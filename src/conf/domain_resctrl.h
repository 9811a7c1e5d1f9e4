/*
 * domain_resctrl.h: the resource control groups of <cputune>: cache
 * allocations (<cachetune>), memory bandwidth allocations (<memorytune>)
 * and their monitors, grouped by the set of vCPUs they apply to.
 */
#pragma once

#include "domain_vcpu.h"

typedef enum {
    VIR_CACHE_TYPE_BOTH = 0,
    VIR_CACHE_TYPE_CODE,
    VIR_CACHE_TYPE_DATA,
    VIR_CACHE_TYPE_LAST
} virCacheType;
VIR_ENUM_DECL(virCache);

typedef struct _virDomainResctrlCache virDomainResctrlCache;
struct _virDomainResctrlCache {
    unsigned int level;
    virCacheType type;
    unsigned int id;
    unsigned long long size; /* bytes */
};

typedef struct _virDomainResctrlMemBW virDomainResctrlMemBW;
struct _virDomainResctrlMemBW {
    unsigned int id;
    unsigned int bandwidth; /* percent */
};

typedef struct _virDomainResctrlMonitor virDomainResctrlMonitor;
struct _virDomainResctrlMonitor {
    bool membw; /* under <memorytune>, else <cachetune> */
    virBitmap *vcpus;
};

struct _virDomainResctrlDef {
    virBitmap *vcpus;
    char *id; /* the allocation's name: vcpus_<set> unless given */
    virDomainResctrlCache *caches; /* sorted by level, type, id */
    size_t ncaches;
    virDomainResctrlMemBW *membw; /* sorted by id */
    size_t nmembw;
    virDomainResctrlMonitor *monitors;
    size_t nmonitors;
};

void virDomainResctrlDefFree(virDomainResctrlDef *resctrl);

/* <cachetune> and <memorytune> elements under cputune. */
int virDomainCachetuneParseXML(xmlNodePtr node, virDomainVcpuSection *part,
                               unsigned int flags);
int virDomainMemorytuneParseXML(xmlNodePtr node, virDomainVcpuSection *part,
                                unsigned int flags);
/* All <cachetune> then all <memorytune> elements. */
void virDomainResctrlFormat(virBuffer *buf, const virDomainVcpuSection *part,
                            unsigned int flags);
