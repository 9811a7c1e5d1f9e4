/*
 * test_driver.c: the test driver's connections and registration.
 *
 * The driver claims the "test" scheme.  test:///default connects to the
 * built-in fake host, created on first use and shared by every
 * test:///default connection until the last one closes.  test:///PATH
 * is a host described by an XML file (test_file.c), private to its
 * connection.  The slots for the host itself are in test_host.c; every
 * other part fills its own slots (testRegister).
 */
#include "drivers/test/test_driver.h"
#include "util/viruri.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_driver");

static void testDriverDispose(void *obj);

const virClass testDriverClass = {
    .name = "testDriver",
    .size = sizeof(testDriver),
    .dispose = testDriverDispose,
};

/* The state behind test:///default, and the lock that makes "create it
 * or take a reference" and "drop the last reference and forget it" atomic
 * with respect to each other. */
static testDriver *defaultPrivconn;
static GMutex defaultLock;

/* The fake host of test:///default, with upstream's numbers: 3 GiB and
 * 16 CPUs at 1400 MHz, 2 NUMA nodes x 2 sockets x 2 cores x 2 threads. */
static const virNodeInfo defaultNodeInfo = {
    .model = TEST_MODEL,
    .memory = 3 * 1024 * 1024,
    .cpus = 16,
    .mhz = 1400,
    .nodes = 2,
    .sockets = 2,
    .cores = 2,
    .threads = 2,
};

#define TEST_DEFAULT_CELLS 2
#define TEST_DEFAULT_CELL_CPUS 8

static void
testDriverDispose(void *obj)
{
    testDriver *driver = obj;
    size_t i;
    size_t j;

    for (i = 0; i < driver->numCells; i++) {
        for (j = 0; j < driver->cells[i].numCpus; j++)
            g_free(driver->cells[i].cpus[j].siblings);
        g_free(driver->cells[i].cpus);
    }
    g_free(driver->cells);
    for (i = 0; i < driver->nauths; i++) {
        g_free(driver->auths[i].username);
        g_free(driver->auths[i].password);
    }
    g_free(driver->auths);
    testNetworkStateFree(driver->networks);
    testStorageStateFree(driver->storage);
    testInterfaceStateFree(driver->interfaces);
    testNodeDeviceStateFree(driver->nodedevs);
    testSecretStateFree(driver->secrets);
    testNWFilterStateFree(driver->nwfilters);
    virObjectEventStateFree(driver->eventState);
    virDomainObjListFree(driver->domains);
}

static testDriver *
testDriverNew(void)
{
    testDriver *driver = virObjectNew(&testDriverClass);

    driver->domains = virDomainObjListNew();
    driver->networks = testNetworkStateNew();
    driver->storage = testStorageStateNew();
    driver->interfaces = testInterfaceStateNew();
    driver->nodedevs = testNodeDeviceStateNew();
    driver->secrets = testSecretStateNew();
    driver->nwfilters = testNWFilterStateNew();
    driver->eventState = virObjectEventStateNew();
    driver->nextDomID = 1;
    return driver;
}

/* The host every test driver starts from; node files may change it. */
static void
testDriverInitHost(testDriver *driver)
{
    size_t i;

    driver->nodeInfo = defaultNodeInfo;

    /* Cell i has (i + 1) * 2 GiB of memory of which half is free, and
     * CPUs 8i..8i+7, one socket per cell, each CPU its own core. */
    driver->numCells = TEST_DEFAULT_CELLS;
    driver->cells = g_new0(testCell, driver->numCells);
    for (i = 0; i < driver->numCells; i++) {
        testCell *cell = &driver->cells[i];
        size_t j;

        cell->mem = (i + 1) * 2048 * 1024;
        cell->freeMem = (i + 1) * 1024 * 1024;
        cell->numCpus = TEST_DEFAULT_CELL_CPUS;
        cell->cpus = g_new0(testCellCPU, cell->numCpus);
        for (j = 0; j < cell->numCpus; j++) {
            unsigned int id = i * TEST_DEFAULT_CELL_CPUS + j;

            cell->cpus[j].id = id;
            cell->cpus[j].socket_id = i;
            cell->cpus[j].core_id = j;
            cell->cpus[j].siblings = g_strdup_printf("%u", id);
        }
    }
}

/* Builds the state of test:///default. */
static testDriver *
testDriverNewDefault(void)
{
    testDriver *driver = testDriverNew();

    testDriverInitHost(driver);
    if (testDomainsLoadDefault(driver) < 0 ||
        testNetworkLoadDefault(driver) < 0 ||
        testStorageLoadDefault(driver) < 0 ||
        testInterfaceLoadDefault(driver) < 0 ||
        testNodeDeviceLoadDefault(driver) < 0 ||
        testSecretLoadDefault(driver) < 0 ||
        testNWFilterLoadDefault(driver) < 0) {
        virObjectUnref(driver);
        return NULL;
    }
    return driver;
}

static virDrvOpenStatus
testOpenDefault(virConnectPtr conn)
{
    g_mutex_lock(&defaultLock);
    if (!defaultPrivconn && !(defaultPrivconn = testDriverNewDefault())) {
        g_mutex_unlock(&defaultLock);
        return VIR_DRV_OPEN_ERROR;
    }
    conn->privateData = virObjectRef(defaultPrivconn);
    g_mutex_unlock(&defaultLock);
    return VIR_DRV_OPEN_SUCCESS;
}

static virDrvOpenStatus
testOpenFromFile(virConnectPtr conn, const char *file,
                 virConnectAuthPtr auth)
{
    testDriver *driver = testDriverNew();

    testDriverInitHost(driver);
    if (testFileLoad(driver, file) < 0 ||
        testFileAuthenticate(driver, auth) < 0) {
        virObjectUnref(driver);
        return VIR_DRV_OPEN_ERROR;
    }
    conn->privateData = driver;
    return VIR_DRV_OPEN_SUCCESS;
}

static void
testDriverClose(testDriver *driver)
{
    g_mutex_lock(&defaultLock);
    if (!virObjectUnref(driver) && driver == defaultPrivconn)
        defaultPrivconn = NULL;
    g_mutex_unlock(&defaultLock);
}

static virDrvOpenStatus
testConnectOpen(virConnectPtr conn, virConnectAuthPtr auth,
                unsigned int flags)
{
    const char *path = conn->uri->path;

    virCheckFlags(VIR_CONNECT_RO, VIR_DRV_OPEN_ERROR);

    if (path[0] == '\0' || STREQ(path, "/")) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "testOpen: supply a path or use test:///default");
        return VIR_DRV_OPEN_ERROR;
    }

    VIR_DEBUG("opening test driver state '%s'", path);
    if (STREQ(path, "/default"))
        return testOpenDefault(conn);
    return testOpenFromFile(conn, path, auth);
}

static int
testConnectClose(virConnectPtr conn)
{
    testDriver *driver = g_steal_pointer(&conn->privateData);

    if (driver) {
        testDomainAutoDestroyRun(driver, conn);
        virObjectEventStateDeregisterConnection(driver->eventState, conn);
        testDriverClose(driver);
    }
    return 0;
}

static const char *
testConnectGetType(virConnectPtr conn G_GNUC_UNUSED)
{
    return "TEST";
}

static int
testConnectIsAlive(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}

static int
testConnectIsEncrypted(virConnectPtr conn G_GNUC_UNUSED)
{
    return 0;
}

static int
testConnectIsSecure(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}

/* Features that are properties of the RPC layer are never claimed by a
 * local driver; the ones every driver must claim are. */
static int
testConnectSupportsFeature(virConnectPtr conn G_GNUC_UNUSED, int feature)
{
    switch ((virDrvFeature)feature) {
    case VIR_DRV_FEATURE_TYPED_PARAM_STRING:
    case VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER:
    case VIR_DRV_FEATURE_FD_PASSING:
        return 1;
    case VIR_DRV_FEATURE_REMOTE:
    case VIR_DRV_FEATURE_PROGRAM_KEEPALIVE:
    case VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK:
    case VIR_DRV_FEATURE_REMOTE_EVENT_CALLBACK:
    case VIR_DRV_FEATURE_MIGRATION_V1:
    case VIR_DRV_FEATURE_MIGRATION_V2:
    case VIR_DRV_FEATURE_MIGRATION_V3:
    case VIR_DRV_FEATURE_MIGRATION_P2P:
    case VIR_DRV_FEATURE_MIGRATION_DIRECT:
    case VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION:
    case VIR_DRV_FEATURE_XML_MIGRATABLE:
    case VIR_DRV_FEATURE_MIGRATION_OFFLINE:
    case VIR_DRV_FEATURE_MIGRATION_PARAMS:
    default:
        return 0;
    }
}

/* The core slots; the other parts add theirs in testRegister(). */
static virHypervisorDriver testHypervisorDriver = {
    .name = "Test",
    .connectOpen = testConnectOpen,
    .connectClose = testConnectClose,
    .connectSupportsFeature = testConnectSupportsFeature,
    .connectGetType = testConnectGetType,
    .connectGetVersion = testConnectGetVersion,
    .connectGetHostname = testConnectGetHostname,
    .connectGetMaxVcpus = testConnectGetMaxVcpus,
    .connectGetCapabilities = testConnectGetCapabilities,
    .connectGetSysinfo = testConnectGetSysinfo,
    .connectIsAlive = testConnectIsAlive,
    .connectIsEncrypted = testConnectIsEncrypted,
    .connectIsSecure = testConnectIsSecure,
    .domainLookupByID = testDomainLookupByID,
    .domainLookupByName = testDomainLookupByName,
    .domainLookupByUUID = testDomainLookupByUUID,
    .connectNumOfDomains = testConnectNumOfDomains,
    .connectNumOfDefinedDomains = testConnectNumOfDefinedDomains,
    .connectListDomains = testConnectListDomains,
    .connectListDefinedDomains = testConnectListDefinedDomains,
    .connectListAllDomains = testConnectListAllDomains,
    .domainDefineXML = testDomainDefineXML,
    .domainDefineXMLFlags = testDomainDefineXMLFlags,
    .domainUndefine = testDomainUndefine,
    .domainUndefineFlags = testDomainUndefineFlags,
    .domainCreateXML = testDomainCreateXML,
    .domainCreate = testDomainCreate,
    .domainCreateWithFlags = testDomainCreateWithFlags,
    .domainDestroy = testDomainDestroy,
    .domainDestroyFlags = testDomainDestroyFlags,
    .domainShutdown = testDomainShutdown,
    .domainShutdownFlags = testDomainShutdownFlags,
    .domainReboot = testDomainReboot,
    .domainReset = testDomainReset,
    .domainSuspend = testDomainSuspend,
    .domainResume = testDomainResume,
    .domainGetInfo = testDomainGetInfo,
    .domainGetState = testDomainGetState,
    .domainGetXMLDesc = testDomainGetXMLDesc,
    .domainGetOSType = testDomainGetOSType,
    .domainGetMaxMemory = testDomainGetMaxMemory,
    .domainIsActive = testDomainIsActive,
    .domainIsPersistent = testDomainIsPersistent,
    .domainIsUpdated = testDomainIsUpdated,
    .domainGetAutostart = testDomainGetAutostart,
    .domainSetAutostart = testDomainSetAutostart,
    .domainGetMetadata = testDomainGetMetadata,
    .domainSetMetadata = testDomainSetMetadata,
    .connectDomainEventRegister = testConnectDomainEventRegister,
    .connectDomainEventDeregister = testConnectDomainEventDeregister,
    .connectDomainEventRegisterAny = testConnectDomainEventRegisterAny,
    .connectDomainEventDeregisterAny = testConnectDomainEventDeregisterAny,
    .nodeGetInfo = testNodeGetInfo,
    .nodeGetCellsFreeMemory = testNodeGetCellsFreeMemory,
    .nodeGetFreeMemory = testNodeGetFreeMemory,
    .nodeGetCPUStats = testNodeGetCPUStats,
    .nodeGetFreePages = testNodeGetFreePages,
    .nodeGetSecurityModel = testNodeGetSecurityModel,
    .nodeGetCPUMap = testNodeGetCPUMap,
};

static const char *testURISchemes[] = {"test", NULL};

static virConnectDriver testConnectDriver = {
    .localOnly = true,
    .uriSchemes = testURISchemes,
    .hypervisorDriver = &testHypervisorDriver,
    .networkDriver = &testNetworkDriver,
    .storageDriver = &testStorageDriver,
    .interfaceDriver = &testInterfaceDriver,
    .nodeDeviceDriver = &testNodeDeviceDriver,
    .secretDriver = &testSecretDriver,
    .nwfilterDriver = &testNWFilterDriver,
};

int
testRegister(void)
{
    testDomainSaveSlots(&testHypervisorDriver);
    testDomainTuneSlots(&testHypervisorDriver);
    testDomainStatsSlots(&testHypervisorDriver);
    testDomainDeviceSlots(&testHypervisorDriver);
    testDomainGuestSlots(&testHypervisorDriver);
    testDomainConsoleSlots(&testHypervisorDriver);
    testDomainBlockJobSlots(&testHypervisorDriver);
    testDomainSnapshotSlots(&testHypervisorDriver);
    testDomainCheckpointSlots(&testHypervisorDriver);
    testDomainMiscSlots(&testHypervisorDriver);
    testDomainGuestInfoSlots(&testHypervisorDriver);
    testDomainIOThreadSlots(&testHypervisorDriver);
    return virRegisterConnectDriver(&testConnectDriver, false);
}
