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
#include "conf/domain_devices.h"
#include "conf/object_event.h"
#include "conf/virdomainobj.h"
#include "util/virbitmap.h"
#include "util/virxml.h"

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

/* A user of a node file's <auth>; password NULL means none asked. */
typedef struct _testAuth testAuth;
struct _testAuth {
    char *username;
    char *password;
};

/* The state of each object kind, defined in its own file. */
typedef struct _testNetworkState testNetworkState;
typedef struct _testStorageState testStorageState;
typedef struct _testInterfaceState testInterfaceState;
typedef struct _testNodeDeviceState testNodeDeviceState;
typedef struct _testSecretState testSecretState;
typedef struct _testNWFilterState testNWFilterState;

typedef struct _testDriver testDriver;
struct _testDriver {
    /* Reference counted (one per connection) and locked as one. */
    virObject parent;

    virNodeInfo nodeInfo;
    size_t numCells;
    testCell *cells;

    testAuth *auths;
    size_t nauths;

    virDomainObjList *domains;
    testNetworkState *networks;
    testStorageState *storage;
    testInterfaceState *interfaces;
    testNodeDeviceState *nodedevs;
    testSecretState *secrets;
    testNWFilterState *nwfilters;
    gint nextDomID;
    virObjectEventState *eventState;
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

/* test_file.c: test:///PATH node files. */
int testFileLoad(testDriver *driver, const char *path);
int testFileAuthenticate(testDriver *driver, virConnectAuthPtr auth);
/* Puts the node file and the element (the idx-th of its kind, from 0) in
 * front of the message of the error just reported. */
void testFileErrorContext(const char *path, const char *element, size_t idx);
/* A node file's element itself, or the root (named rootname) of the
 * document its file= attribute names, relative to the node file at path;
 * that document is kept alive in *doc. */
xmlNodePtr testFileResolve(xmlNodePtr node, const char *path,
                           const char *rootname, xmlDocPtr *doc);

/* The state a domain has beyond its definition (upstream keeps it in the
 * domain object's private data): the guest clock of Get/SetTime, the
 * frozen file systems ("/" and "/boot") and the I/O threads' polling
 * parameters.  Made on first use; vm must be locked. */
typedef struct _testIOThreadInfo testIOThreadInfo;
struct _testIOThreadInfo {
    unsigned int iothread_id;
    unsigned long long poll_max_ns;
    unsigned int poll_grow;
    unsigned int poll_shrink;
};

typedef struct _testDomainObjPrivate testDomainObjPrivate;
struct _testDomainObjPrivate {
    bool frozen[2];
    long long seconds;
    unsigned int nseconds;
    GArray *iothreads; /* testIOThreadInfo */
};
testDomainObjPrivate *testDomainObjPrivateGet(virDomainObj *vm);

/* test_domain.c: domains. */
/* Errors upstream raises from its domain conf and hypervisor helpers,
 * which carry the DOMAIN error domain rather than the test driver's. */
#define testDomainConfError(code, ...) \
    virReportErrorHelper(VIR_FROM_DOMAIN, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

/* Shared by the domain parts: the locked, referenced object behind dom
 * (NO_DOMAIN reported when gone); the public object for vm; a lifecycle
 * event; the running state with a new id; and the stop that returns vm to
 * its configuration (a transient vm is removed and *vm set to NULL). */
virDomainObj *testDomObjFromDomain(virDomainPtr dom);
/* The same for a call that needs the domain running ("domain is not
 * running" otherwise). */
virDomainObj *testDomObjActive(virDomainPtr dom);
/* The same with the one definition flags select (LIVE, CONFIG or neither:
 * the current state) in *def; *live (if not NULL) tells whether it is the
 * live one.  Upstream's errors for the flags. */
virDomainObj *testDomObjWithDef(virDomainPtr dom, unsigned int flags,
                                virDomainDef **def, bool *live);
virDomainPtr testDomainPtr(virConnectPtr conn, virDomainObj *vm);
void testDomainQueueLifecycle(testDriver *driver, virDomainObj *vm, int type,
                              int detail);
/* A TUNABLE event of vm (params taken), as the QEMU driver sends for live
 * changes; and one for a CPU pinning named name (cputune.vcpupin0 ...). */
void testDomainQueueTunable(testDriver *driver, virDomainObj *vm,
                            virTypedParameterPtr params, int nparams);
void testDomainQueueTunablePin(testDriver *driver, virDomainObj *vm,
                               const char *name, const virBitmap *map);
void testDomainStartState(testDriver *driver, virDomainObj *vm, int reason);
/* Stops vm (locked): shut off, back to its configuration, but kept even
 * when transient (a snapshot's halt or revert). */
void testDomainStopKeep(testDriver *driver, virDomainObj *vm, int reason);
void testDomainShutdownState(testDriver *driver, virDomainObj **vm,
                             int reason);
/* testDomainShutdownState with upstream's STOPPED event (detail). */
void testDomainStop(testDriver *driver, virDomainObj **vm, int reason,
                    int detail);
/* Names interfaces without a target device "testnetN", as upstream. */
void testDomainGenerateIfnames(virDomainDef *def);
int testDomainsLoadDefault(testDriver *driver);
/* Adds def (taken) as a running definition, as createXML and restore do:
 * a defined domain keeps its configuration aside.  vm locked, referenced. */
virDomainObj *testDomainAddLive(testDriver *driver, virDomainDef **def);
/* Destroys the domains conn started with VIR_DOMAIN_START_AUTODESTROY
 * that still run; called when conn closes. */
void testDomainAutoDestroyRun(testDriver *driver, virConnectPtr conn);
/* Whether vm (locked) passes the virConnectListAllDomains flags given as
 * GUINT_TO_POINTER(flags). */
bool testDomainFilterAll(virDomainObj *vm, void *opaque);
/* Adds a loaded definition as a running persistent domain (takes *def). */
int testDomainAddLoaded(testDriver *driver, virDomainDef **def);
virDomainPtr testDomainLookupByID(virConnectPtr conn, int id);
virDomainPtr testDomainLookupByName(virConnectPtr conn, const char *name);
virDomainPtr testDomainLookupByUUID(virConnectPtr conn,
                                    const unsigned char *uuid);
int testConnectNumOfDomains(virConnectPtr conn);
int testConnectNumOfDefinedDomains(virConnectPtr conn);
int testConnectListDomains(virConnectPtr conn, int *ids, int maxids);
int testConnectListDefinedDomains(virConnectPtr conn, char **const names,
                                  int maxnames);
int testConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                              unsigned int flags);
virDomainPtr testDomainDefineXML(virConnectPtr conn, const char *xml);
virDomainPtr testDomainDefineXMLFlags(virConnectPtr conn, const char *xml,
                                      unsigned int flags);
int testDomainUndefine(virDomainPtr dom);
int testDomainUndefineFlags(virDomainPtr dom, unsigned int flags);
virDomainPtr testDomainCreateXML(virConnectPtr conn, const char *xml,
                                 unsigned int flags);
int testDomainCreate(virDomainPtr dom);
int testDomainCreateWithFlags(virDomainPtr dom, unsigned int flags);
int testDomainDestroy(virDomainPtr dom);
int testDomainDestroyFlags(virDomainPtr dom, unsigned int flags);
int testDomainShutdown(virDomainPtr dom);
int testDomainShutdownFlags(virDomainPtr dom, unsigned int flags);
int testDomainReboot(virDomainPtr dom, unsigned int flags);
int testDomainReset(virDomainPtr dom, unsigned int flags);
int testDomainSuspend(virDomainPtr dom);
int testDomainResume(virDomainPtr dom);
int testDomainGetInfo(virDomainPtr dom, virDomainInfoPtr info);
int testDomainGetState(virDomainPtr dom, int *state, int *reason,
                       unsigned int flags);
char *testDomainGetXMLDesc(virDomainPtr dom, unsigned int flags);
char *testDomainGetOSType(virDomainPtr dom);
unsigned long testDomainGetMaxMemory(virDomainPtr dom);
int testDomainIsActive(virDomainPtr dom);
int testDomainIsPersistent(virDomainPtr dom);
int testDomainIsUpdated(virDomainPtr dom);
int testDomainGetAutostart(virDomainPtr dom, int *autostart);
int testDomainSetAutostart(virDomainPtr dom, int autostart);
int testConnectDomainEventRegister(virConnectPtr conn,
                                   virConnectDomainEventCallback cb,
                                   void *opaque, virFreeCallback freecb);
int testConnectDomainEventDeregister(virConnectPtr conn,
                                     virConnectDomainEventCallback cb);
int testConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                      int eventID,
                                      virConnectDomainEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb);
int testConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID);
char *testDomainGetMetadata(virDomainPtr dom, int type, const char *uri,
                            unsigned int flags);
int testDomainSetMetadata(virDomainPtr dom, int type, const char *metadata,
                          const char *key, const char *uri,
                          unsigned int flags);

/* test_network.c and test_storage.c: each kind's state, its part of
 * test:///default, its part of a node file (root is <node>, path names
 * the file in messages), and its driver table. */
testNetworkState *testNetworkStateNew(void);
void testNetworkStateFree(testNetworkState *state);
int testNetworkLoadDefault(testDriver *driver);
int testNetworkLoadNode(testDriver *driver, xmlNodePtr root,
                        const char *path);
extern virNetworkDriver testNetworkDriver;
/* The address a guest's interface on network name gets: offset past the
 * start of the network's first DHCP range (or its own address), with the
 * network's prefix; NO_NETWORK when there is no such network. */
int testNetworkGuestAddress(testDriver *driver, const char *name,
                            size_t offset, virDomainIPAddressPtr ipaddr);
/* test_domain_guest.c: that offset for interface idx of the running vm,
 * shared by the guest's interface addresses and the network's leases. */
size_t testDomainGuestNetOffset(const virDomainObj *vm, size_t idx);
/* test_domain_guest.c: what the guest reports, shared with
 * virDomainGetGuestInfo (test_domain_guestinfo.c); vm is running. */
char *testDomainGuestHostname(virDomainObj *vm);
int testDomainGuestInterfaces(virConnectPtr conn, virDomainObj *vm,
                              virDomainInterfacePtr **ifaces);
int testDomainGuestFileSystems(virDomainObj *vm, virDomainFSInfoPtr **info);

testStorageState *testStorageStateNew(void);
void testStorageStateFree(testStorageState *state);
int testStorageLoadDefault(testDriver *driver);
int testStorageLoadNode(testDriver *driver, xmlNodePtr root,
                        const char *path);
extern virStorageDriver testStorageDriver;

/* The other parts of the hypervisor table, each filled by its own file:
 * save/restore and core dumps; memory, vCPU and tuning parameters;
 * statistics; device attach/detach/update; guest-agent style queries;
 * consoles and screenshots; block jobs; snapshots; checkpoints; the
 * smaller calls of no other part. */
void testDomainSaveSlots(virHypervisorDriver *hv);
void testDomainTuneSlots(virHypervisorDriver *hv);
void testDomainStatsSlots(virHypervisorDriver *hv);
void testDomainDeviceSlots(virHypervisorDriver *hv);
void testDomainGuestSlots(virHypervisorDriver *hv);
void testDomainConsoleSlots(virHypervisorDriver *hv);
/* test_domain_console.c: ends the console and channel streams of vm
 * (locked), which is stopping. */
void testDomainConsolesHangup(testDriver *driver, virDomainObj *vm);
void testDomainBlockJobSlots(virHypervisorDriver *hv);
void testDomainSnapshotSlots(virHypervisorDriver *hv);
void testDomainCheckpointSlots(virHypervisorDriver *hv);
void testDomainMiscSlots(virHypervisorDriver *hv);
void testDomainGuestInfoSlots(virHypervisorDriver *hv);
void testDomainIOThreadSlots(virHypervisorDriver *hv);
/* test_domain_stats.c: the domain's memory balloon, or NULL when it has
 * none (or one of model none). */
virDomainMemballoonDef *testDomainMemballoon(const virDomainDef *def);
/* test_domain_tune.c: what every "get parameters" call does around its
 * reader: with *nparams 0 it only tells their number n; otherwise read
 * fills the n values (zeroed; -1 with the error reported) from the
 * definition flags select, and the first *nparams of them are returned. */
typedef int (*testParamsReader)(const virDomainDef *def,
                                virTypedParameter *values,
                                const void *opaque);
int testParamsGet(virDomainPtr dom, virTypedParameterPtr params,
                  int *nparams, unsigned int flags, int n,
                  testParamsReader read, const void *opaque);
/* test_snapshot.c: the copy of a domain's definition a snapshot or
 * checkpoint keeps (inactive, migratable). */
virDomainDef *testMomentDomainCopy(const virDomainDef *def);
/* The <test:domainsnapshot> elements of a domain loaded from the node file
 * at path (file= relative to it), as upstream's test driver reads them. */
int testDomainSnapshotsLoad(virDomainObj *vm, const char *path);

/* The other object kinds, each in its own file, as networks and storage
 * above: state, default objects, node-file objects and table. */
testInterfaceState *testInterfaceStateNew(void);
void testInterfaceStateFree(testInterfaceState *state);
int testInterfaceLoadDefault(testDriver *driver);
int testInterfaceLoadNode(testDriver *driver, xmlNodePtr root,
                          const char *path);
extern virInterfaceDriver testInterfaceDriver;

testNodeDeviceState *testNodeDeviceStateNew(void);
void testNodeDeviceStateFree(testNodeDeviceState *state);
int testNodeDeviceLoadDefault(testDriver *driver);
int testNodeDeviceLoadNode(testDriver *driver, xmlNodePtr root,
                           const char *path);
extern virNodeDeviceDriver testNodeDeviceDriver;

testSecretState *testSecretStateNew(void);
void testSecretStateFree(testSecretState *state);
int testSecretLoadDefault(testDriver *driver);
int testSecretLoadNode(testDriver *driver, xmlNodePtr root,
                       const char *path);
extern virSecretDriver testSecretDriver;

testNWFilterState *testNWFilterStateNew(void);
void testNWFilterStateFree(testNWFilterState *state);
int testNWFilterLoadDefault(testDriver *driver);
int testNWFilterLoadNode(testDriver *driver, xmlNodePtr root,
                         const char *path);
extern virNWFilterDriver testNWFilterDriver;
