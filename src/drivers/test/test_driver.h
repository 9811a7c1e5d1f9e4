/*
 * test_driver.h: the test driver's shared state (test:///default).
 *
 * The test driver is an in-memory hypervisor for applications' test suites
 * and for our own: every test:///default connection in a process shares
 * one testDriver, so an action on one connection is seen on the others.
 * The pieces of the driver (host, and later domains, networks ...) live in
 * separate files and meet here.
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virobject.h"

/* The model reported by virNodeGetInfo and the capabilities. */
#define TEST_MODEL "i686"
#define TEST_EMULATOR "/usr/bin/test-hv"

typedef struct _testCellCPU testCellCPU;
struct _testCellCPU {
    unsigned int id;
    unsigned int socket_id;
    unsigned int core_id;
    char *siblings; /* CPU list, e.g. "0" or "0-1" */
};

/* One NUMA cell of the fake host.  Sizes in KiB. */
typedef struct _testCell testCell;
struct _testCell {
    unsigned long long mem;
    unsigned long long freeMem;
    size_t numCpus;
    testCellCPU *cpus;
};

typedef struct _testDriver testDriver;
struct _testDriver {
    /* Reference counted (one per connection) and locked as one. */
    virObject parent;

    virNodeInfo nodeInfo;
    size_t numCells;
    testCell *cells;
};

extern const virClass testDriverClass;

/* Called once by virInitialize(). */
int testRegister(void);

/* test_host.c: the host-level slots. */
int testNodeGetInfo(virConnectPtr conn, virNodeInfoPtr info);
char *testConnectGetCapabilities(virConnectPtr conn);
int testNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *freeMems,
                               int startCell, int maxCells);
unsigned long long testNodeGetFreeMemory(virConnectPtr conn);
char *testConnectGetSysinfo(virConnectPtr conn, unsigned int flags);
int testConnectGetMaxVcpus(virConnectPtr conn, const char *type);
char *testConnectGetHostname(virConnectPtr conn);
int testConnectGetVersion(virConnectPtr conn, unsigned long *hvVer);
int testNodeGetCPUStats(virConnectPtr conn, int cpuNum,
                        virNodeCPUStatsPtr params, int *nparams,
                        unsigned int flags);
int testNodeGetFreePages(virConnectPtr conn, unsigned int npages,
                         unsigned int *pages, int startCell,
                         unsigned int cellCount, unsigned long long *counts,
                         unsigned int flags);
int testNodeGetSecurityModel(virConnectPtr conn, virSecurityModelPtr secmodel);
int testNodeGetCPUMap(virConnectPtr conn, unsigned char **cpumap,
                      unsigned int *online, unsigned int flags);
