/*
 * domain_vcpu.h: the virtual CPUs of a domain and how their threads run:
 * <vcpu>, the per-vCPU <vcpus> list, the I/O threads (<iothreads>,
 * <iothreadids>, <defaultiothread>) and the <cputune> scheduling, pinning
 * and bandwidth settings.
 */
#pragma once

#include "domain_sections.h"
#include "util/virbitmap.h"

/* Bits a cpuset attribute may address (upstream's VIR_DOMAIN_CPUMASK_LEN). */
#define VIR_DOMAIN_CPUMASK_LEN 16384
/* The most vCPUs or I/O threads a definition may ask for: each is
 * allocated, so a hostile count must not exhaust memory. */
#define VIR_DOMAIN_VCPUS_MAX VIR_DOMAIN_CPUMASK_LEN

typedef enum {
    VIR_DOMAIN_CPU_PLACEMENT_MODE_STATIC = 0,
    VIR_DOMAIN_CPU_PLACEMENT_MODE_AUTO,
    VIR_DOMAIN_CPU_PLACEMENT_MODE_LAST
} virDomainCpuPlacementMode;
VIR_ENUM_DECL(virDomainCpuPlacementMode);

typedef enum {
    VIR_PROC_POLICY_NONE = 0,
    VIR_PROC_POLICY_BATCH,
    VIR_PROC_POLICY_IDLE,
    VIR_PROC_POLICY_FIFO,
    VIR_PROC_POLICY_RR,
    VIR_PROC_POLICY_LAST
} virProcessSchedPolicy;
VIR_ENUM_DECL(virProcessSchedPolicy);

typedef struct _virDomainThreadSchedParam virDomainThreadSchedParam;
struct _virDomainThreadSchedParam {
    virProcessSchedPolicy policy;
    int priority; /* for fifo and rr */
};

typedef struct _virDomainVcpuDef virDomainVcpuDef;
struct _virDomainVcpuDef {
    bool online;
    virTristateBool hotpluggable;
    unsigned int order;
    virBitmap *cpumask; /* <vcpupin>, NULL when not pinned */
    virDomainThreadSchedParam sched;
};

typedef struct _virDomainIOThreadIDDef virDomainIOThreadIDDef;
struct _virDomainIOThreadIDDef {
    bool autofill; /* numbered by us, not listed in <iothreadids> */
    unsigned int iothread_id;
    int thread_pool_min; /* -1 when unset */
    int thread_pool_max;
    virBitmap *cpumask; /* <iothreadpin> */
    virDomainThreadSchedParam sched;
};

/* One <cachetune>/<memorytune> vCPU group (domain_resctrl.c). */
typedef struct _virDomainResctrlDef virDomainResctrlDef;

struct _virDomainVcpuSection {
    virDomainCpuPlacementMode placement_mode;
    virBitmap *cpumask; /* <vcpu cpuset> */
    virDomainVcpuDef **vcpus;
    size_t maxvcpus;
    bool individualvcpus; /* the <vcpus> list was given */

    virDomainIOThreadIDDef **iothreadids;
    size_t niothreadids;
    bool hasDefaultIOThread;
    int default_pool_min; /* -1 when unset */
    int default_pool_max;

    bool sharesSpecified;
    unsigned long long shares;
    unsigned long long period;
    long long quota;
    unsigned long long global_period;
    long long global_quota;
    unsigned long long emulator_period;
    long long emulator_quota;
    unsigned long long iothread_period;
    long long iothread_quota;
    virBitmap *emulatorpin;
    virDomainThreadSchedParam *emulatorsched;

    virDomainResctrlDef **resctrls;
    size_t nresctrls;
};

size_t virDomainDefGetVcpusMax(const virDomainDef *def);
/* The vCPUs online. */
size_t virDomainDefGetVcpus(const virDomainDef *def);
virDomainVcpuDef *virDomainDefGetVcpu(const virDomainDef *def, size_t i);
/* True when some vCPU or I/O thread is pinned (cpuset, vcpupin,
 * emulatorpin or iothreadpin). */
bool virDomainDefHasPinning(const virDomainDef *def);
/* The I/O thread of that id, or NULL; adding one that is new (numbered by
 * the caller, listed in <iothreadids>); removing one by id. */
virDomainIOThreadIDDef *virDomainDefIOThreadFind(const virDomainDef *def,
                                                 unsigned int id);
virDomainIOThreadIDDef *virDomainDefIOThreadAdd(virDomainDef *def,
                                                unsigned int id);
void virDomainDefIOThreadDel(virDomainDef *def, unsigned int id);
