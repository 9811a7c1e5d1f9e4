/*
 * driver.h: how drivers plug into the library.
 *
 * A connection driver claims URI schemes and supplies one table per object
 * type it serves (driver-tables.h, generated from the API description).
 * virConnectOpen() asks registered drivers in order until one accepts the
 * URI.  Object types a driver does not serve itself may be served by a
 * shared driver (network, storage, ... registered by a daemon), so one
 * connection can take its tables from several drivers.
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "driver-tables.h"

struct _virConnectDriver {
    /* Accepts only URIs without a host part (local drivers). */
    bool localOnly;
    /* NULL-terminated list of URI schemes this driver claims; NULL means it
     * decides in connectOpen itself (the remote driver). */
    const char **uriSchemes;
    virHypervisorDriver *hypervisorDriver;
    virInterfaceDriver *interfaceDriver;
    virNetworkDriver *networkDriver;
    virNodeDeviceDriver *nodeDeviceDriver;
    virNWFilterDriver *nwfilterDriver;
    virSecretDriver *secretDriver;
    virStorageDriver *storageDriver;
};

/* Stateful drivers (QEMU, network, storage ...) run inside a daemon; the
 * daemon initialises, reloads and cleans them up through these hooks. */
typedef int (*virStateInitialize)(bool privileged, const char *root,
                                  void *opaque);
typedef int (*virStateCleanup)(void);
typedef int (*virStateReload)(void);
typedef int (*virStateStop)(void);

typedef struct _virStateDriver virStateDriver;
struct _virStateDriver {
    const char *name;
    virStateInitialize stateInitialize;
    virStateCleanup stateCleanup;
    virStateReload stateReload;
    virStateStop stateStop;
};

int virRegisterConnectDriver(virConnectDriver *driver, bool setSharedDrivers);
int virRegisterStateDriver(virStateDriver *driver);
int virSetSharedNetworkDriver(virNetworkDriver *driver);
int virSetSharedInterfaceDriver(virInterfaceDriver *driver);
int virSetSharedNodeDeviceDriver(virNodeDeviceDriver *driver);
int virSetSharedNWFilterDriver(virNWFilterDriver *driver);
int virSetSharedSecretDriver(virSecretDriver *driver);
int virSetSharedStorageDriver(virStorageDriver *driver);

/* Registered drivers, in registration order (the probe order). */
size_t virConnectDriverCount(void);
virConnectDriver *virConnectDriverAt(size_t i);

int virStateInitializeAll(bool privileged, const char *root);
int virStateCleanupAll(void);
int virStateReloadAll(void);

/* True when conn's hypervisor driver supports the virDrvFeature. */
int virDrvSupportsFeature(virConnectPtr conn, int feature);

typedef enum {
    VIR_DRV_FEATURE_MIGRATION_V1 = 1,
    VIR_DRV_FEATURE_REMOTE = 2,
    VIR_DRV_FEATURE_MIGRATION_V2 = 3,
    VIR_DRV_FEATURE_MIGRATION_P2P = 4,
    VIR_DRV_FEATURE_MIGRATION_DIRECT = 5,
    VIR_DRV_FEATURE_MIGRATION_V3 = 6,
    VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION = 7,
    VIR_DRV_FEATURE_FD_PASSING = 8,
    VIR_DRV_FEATURE_TYPED_PARAM_STRING = 9,
    VIR_DRV_FEATURE_PROGRAM_KEEPALIVE = 10,
    VIR_DRV_FEATURE_XML_MIGRATABLE = 11,
    VIR_DRV_FEATURE_MIGRATION_OFFLINE = 12,
    VIR_DRV_FEATURE_MIGRATION_PARAMS = 13,
    VIR_DRV_FEATURE_REMOTE_EVENT_CALLBACK = 14,
    VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK = 15,
    VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER = 16,
} virDrvFeature;
