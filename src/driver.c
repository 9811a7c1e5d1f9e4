/*
 * driver.c: the registry of connection and state drivers.
 *
 * Drivers register once, at library or daemon initialisation, before any
 * connection is opened; the tables are read-only afterwards, so lookups
 * take no lock.
 */
#include "driver.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt.driver");

#define MAX_DRIVERS 32

static virConnectDriver *connectDrivers[MAX_DRIVERS];
static size_t nconnectDrivers;
static virStateDriver *stateDrivers[MAX_DRIVERS];
static size_t nstateDrivers;

/* Tables registered by a daemon's stateful drivers, offered to every
 * connection whose own driver does not serve that object type. */
static virNetworkDriver *sharedNetworkDriver;
static virInterfaceDriver *sharedInterfaceDriver;
static virNodeDeviceDriver *sharedNodeDeviceDriver;
static virNWFilterDriver *sharedNWFilterDriver;
static virSecretDriver *sharedSecretDriver;
static virStorageDriver *sharedStorageDriver;

int
virRegisterConnectDriver(virConnectDriver *driver, bool setSharedDrivers)
{
    VIR_DEBUG("driver=%p name=%s", driver,
              driver->hypervisorDriver ? driver->hypervisorDriver->name : "?");
    if (nconnectDrivers >= MAX_DRIVERS) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "too many drivers, cannot register %s",
                       driver->hypervisorDriver->name);
        return -1;
    }
    connectDrivers[nconnectDrivers++] = driver;

    if (setSharedDrivers) {
        if (!driver->interfaceDriver)
            driver->interfaceDriver = sharedInterfaceDriver;
        if (!driver->networkDriver)
            driver->networkDriver = sharedNetworkDriver;
        if (!driver->nodeDeviceDriver)
            driver->nodeDeviceDriver = sharedNodeDeviceDriver;
        if (!driver->nwfilterDriver)
            driver->nwfilterDriver = sharedNWFilterDriver;
        if (!driver->secretDriver)
            driver->secretDriver = sharedSecretDriver;
        if (!driver->storageDriver)
            driver->storageDriver = sharedStorageDriver;
    }
    return 0;
}

size_t
virConnectDriverCount(void)
{
    return nconnectDrivers;
}

virConnectDriver *
virConnectDriverAt(size_t i)
{
    return i < nconnectDrivers ? connectDrivers[i] : NULL;
}

int
virRegisterStateDriver(virStateDriver *driver)
{
    if (nstateDrivers >= MAX_DRIVERS) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "too many state drivers, cannot register %s",
                       driver->name);
        return -1;
    }
    stateDrivers[nstateDrivers++] = driver;
    return 0;
}

#define VIR_DEFINE_SHARED_SETTER(Type, var) \
    int virSetShared##Type##Driver(vir##Type##Driver *driver) \
    { \
        if (var) { \
            virReportError(VIR_ERR_INTERNAL_ERROR, \
                           "a shared %s driver is already registered", #Type); \
            return -1; \
        } \
        var = driver; \
        return 0; \
    }

VIR_DEFINE_SHARED_SETTER(Network, sharedNetworkDriver)
VIR_DEFINE_SHARED_SETTER(Interface, sharedInterfaceDriver)
VIR_DEFINE_SHARED_SETTER(NodeDevice, sharedNodeDeviceDriver)
VIR_DEFINE_SHARED_SETTER(NWFilter, sharedNWFilterDriver)
VIR_DEFINE_SHARED_SETTER(Secret, sharedSecretDriver)
VIR_DEFINE_SHARED_SETTER(Storage, sharedStorageDriver)

int
virStateInitializeAll(bool privileged, const char *root)
{
    size_t i;

    for (i = 0; i < nstateDrivers; i++) {
        VIR_DEBUG("initializing state driver %s", stateDrivers[i]->name);
        if (stateDrivers[i]->stateInitialize &&
            stateDrivers[i]->stateInitialize(privileged, root, NULL) < 0)
            return -1;
    }
    return 0;
}

int
virStateCleanupAll(void)
{
    size_t i;
    int ret = 0;

    for (i = nstateDrivers; i > 0; i--) {
        if (stateDrivers[i - 1]->stateCleanup &&
            stateDrivers[i - 1]->stateCleanup() < 0)
            ret = -1;
    }
    return ret;
}

int
virStateReloadAll(void)
{
    size_t i;
    int ret = 0;

    for (i = 0; i < nstateDrivers; i++) {
        if (stateDrivers[i]->stateReload && stateDrivers[i]->stateReload() < 0)
            ret = -1;
    }
    return ret;
}

int
virDrvSupportsFeature(virConnectPtr conn, int feature)
{
    if (!conn->driver || !conn->driver->connectSupportsFeature)
        return 0;
    return conn->driver->connectSupportsFeature(conn, feature);
}
