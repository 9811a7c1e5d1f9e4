/*
 * datatypes.h: the public objects (virConnect, virDomain, ...) as the
 * library sees them.
 *
 * Each object is a virObject: reference counted, safe to share between
 * threads.  A child object holds a reference on its connection (or, for
 * snapshots, checkpoints and ports, on its parent) so a connection stays
 * alive while any object obtained from it does.  Drivers create objects with
 * the virGetXxx() constructors; the public virXxxFree() drops a reference.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"

typedef struct _virURI virURI;
typedef struct _virConnectDriver virConnectDriver;
typedef struct _virHypervisorDriver virHypervisorDriver;
typedef struct _virNetworkDriver virNetworkDriver;
typedef struct _virInterfaceDriver virInterfaceDriver;
typedef struct _virStorageDriver virStorageDriver;
typedef struct _virNodeDeviceDriver virNodeDeviceDriver;
typedef struct _virSecretDriver virSecretDriver;
typedef struct _virNWFilterDriver virNWFilterDriver;
typedef struct _virStreamDriver virStreamDriver;

extern const virClass virConnectClass;
extern const virClass virDomainClass;
extern const virClass virNetworkClass;
extern const virClass virNetworkPortClass;
extern const virClass virInterfaceClass;
extern const virClass virStoragePoolClass;
extern const virClass virStorageVolClass;
extern const virClass virNodeDeviceClass;
extern const virClass virSecretClass;
extern const virClass virNWFilterClass;
extern const virClass virNWFilterBindingClass;
extern const virClass virDomainSnapshotClass;
extern const virClass virDomainCheckpointClass;
extern const virClass virStreamClass;

/* Set in virConnect.flags for a read-only connection. */
#define VIR_CONNECT_RO (1 << 0)

typedef struct _virConnectCloseCallback virConnectCloseCallback;
struct _virConnectCloseCallback {
    virConnectCloseFunc callback;
    void *opaque;
    virFreeCallback freeCallback;
};

struct _virConnect {
    virObject parent;
    unsigned int flags;
    virURI *uri;

    /* Each object type may be served by a different driver. */
    virHypervisorDriver *driver;
    virNetworkDriver *networkDriver;
    virInterfaceDriver *interfaceDriver;
    virStorageDriver *storageDriver;
    virNodeDeviceDriver *nodeDeviceDriver;
    virSecretDriver *secretDriver;
    virNWFilterDriver *nwfilterDriver;

    /* The hypervisor driver's per-connection state. */
    void *privateData;

    /* Protected by the object lock. */
    virError err;
    virErrorFunc handler;
    void *userData;
    virConnectCloseCallback closeCallback;
};

struct _virDomain {
    virObject parent;
    virConnectPtr conn;
    char *name;
    int id;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virNetwork {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virNetworkPort {
    virObject parent;
    virNetworkPtr net;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virInterface {
    virObject parent;
    virConnectPtr conn;
    char *name;
    char *mac;
};

struct _virStoragePool {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    void *privateData;
    virFreeCallback privateDataFreeFunc;
};

struct _virStorageVol {
    virObject parent;
    virConnectPtr conn;
    char *pool;
    char *name;
    char *key;
    void *privateData;
    virFreeCallback privateDataFreeFunc;
};

struct _virNodeDevice {
    virObject parent;
    virConnectPtr conn;
    char *name;
    char *parentName;
};

struct _virSecret {
    virObject parent;
    virConnectPtr conn;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int usageType;
    char *usageID;
};

struct _virNWFilter {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virNWFilterBinding {
    virObject parent;
    virConnectPtr conn;
    char *portdev;
    char *filtername;
};

struct _virDomainSnapshot {
    virObject parent;
    virDomainPtr domain;
    char *name;
};

struct _virDomainCheckpoint {
    virObject parent;
    virDomainPtr domain;
    char *name;
};

struct _virStream {
    virObject parent;
    virConnectPtr conn;
    unsigned int flags;
    virStreamDriver *driver;
    void *privateData;
    virFreeCallback ff;
};

/* Constructors used by drivers.  They report an error and return NULL on
 * invalid arguments (a missing name, a NULL connection). */
virConnectPtr virGetConnect(void);
virDomainPtr virGetDomain(virConnectPtr conn, const char *name,
                          const unsigned char *uuid, int id);
virNetworkPtr virGetNetwork(virConnectPtr conn, const char *name,
                            const unsigned char *uuid);
virNetworkPortPtr virGetNetworkPort(virNetworkPtr net,
                                    const unsigned char *uuid);
virInterfacePtr virGetInterface(virConnectPtr conn, const char *name,
                                const char *mac);
virStoragePoolPtr virGetStoragePool(virConnectPtr conn, const char *name,
                                    const unsigned char *uuid,
                                    void *privateData,
                                    virFreeCallback freeFunc);
virStorageVolPtr virGetStorageVol(virConnectPtr conn, const char *pool,
                                  const char *name, const char *key,
                                  void *privateData, virFreeCallback freeFunc);
virNodeDevicePtr virGetNodeDevice(virConnectPtr conn, const char *name);
virSecretPtr virGetSecret(virConnectPtr conn, const unsigned char *uuid,
                          int usageType, const char *usageID);
virNWFilterPtr virGetNWFilter(virConnectPtr conn, const char *name,
                              const unsigned char *uuid);
virNWFilterBindingPtr virGetNWFilterBinding(virConnectPtr conn,
                                            const char *portdev,
                                            const char *filtername);
virDomainSnapshotPtr virGetDomainSnapshot(virDomainPtr domain,
                                          const char *name);
virDomainCheckpointPtr virGetDomainCheckpoint(virDomainPtr domain,
                                              const char *name);
virStreamPtr virGetStream(virConnectPtr conn);

/* The connection an object belongs to, whatever its type. */
#define VIR_OBJECT_CONN_Connect(o) (o)
#define VIR_OBJECT_CONN_Domain(o) ((o)->conn)
#define VIR_OBJECT_CONN_Network(o) ((o)->conn)
#define VIR_OBJECT_CONN_NetworkPort(o) ((o)->net->conn)
#define VIR_OBJECT_CONN_Interface(o) ((o)->conn)
#define VIR_OBJECT_CONN_StoragePool(o) ((o)->conn)
#define VIR_OBJECT_CONN_StorageVol(o) ((o)->conn)
#define VIR_OBJECT_CONN_NodeDevice(o) ((o)->conn)
#define VIR_OBJECT_CONN_Secret(o) ((o)->conn)
#define VIR_OBJECT_CONN_NWFilter(o) ((o)->conn)
#define VIR_OBJECT_CONN_NWFilterBinding(o) ((o)->conn)
#define VIR_OBJECT_CONN_DomainSnapshot(o) ((o)->domain->conn)
#define VIR_OBJECT_CONN_DomainCheckpoint(o) ((o)->domain->conn)
#define VIR_OBJECT_CONN_Stream(o) ((o)->conn)

/* Object checks run first by every entry point.  They report with
 * upstream's code and error domain and dispatch the error at once, since
 * there is no valid connection to attach it to. */
#define VIR_CHECK_OBJECT_RETURN(obj, valid, domcode, errcode, retval) \
    do { \
        if (!(valid)) { \
            virReportErrorHelper(domcode, errcode, __FILE__, __func__, \
                                 __LINE__, "%s", __func__); \
            virDispatchError(NULL); \
            return retval; \
        } \
    } while (0)
#define VIR_CHECK_OBJECT_GOTO(obj, valid, domcode, errcode, label) \
    do { \
        if (!(valid)) { \
            virReportErrorHelper(domcode, errcode, __FILE__, __func__, \
                                 __LINE__, "%s", __func__); \
            goto label; \
        } \
    } while (0)

#define VIR_CONN_VALID(c) virObjectIsClass((c), &virConnectClass)
#define VIR_DOMAIN_VALID(d) \
    (virObjectIsClass((d), &virDomainClass) && VIR_CONN_VALID((d)->conn))
#define VIR_NETWORK_VALID(n) \
    (virObjectIsClass((n), &virNetworkClass) && VIR_CONN_VALID((n)->conn))
#define VIR_NETWORK_PORT_VALID(p) \
    (virObjectIsClass((p), &virNetworkPortClass) && VIR_NETWORK_VALID((p)->net))
#define VIR_INTERFACE_VALID(i) \
    (virObjectIsClass((i), &virInterfaceClass) && VIR_CONN_VALID((i)->conn))
#define VIR_STORAGE_POOL_VALID(p) \
    (virObjectIsClass((p), &virStoragePoolClass) && VIR_CONN_VALID((p)->conn))
#define VIR_STORAGE_VOL_VALID(v) \
    (virObjectIsClass((v), &virStorageVolClass) && VIR_CONN_VALID((v)->conn))
#define VIR_NODE_DEVICE_VALID(d) \
    (virObjectIsClass((d), &virNodeDeviceClass) && VIR_CONN_VALID((d)->conn))
#define VIR_SECRET_VALID(s) \
    (virObjectIsClass((s), &virSecretClass) && VIR_CONN_VALID((s)->conn))
#define VIR_NWFILTER_VALID(f) \
    (virObjectIsClass((f), &virNWFilterClass) && VIR_CONN_VALID((f)->conn))
#define VIR_NWFILTER_BINDING_VALID(b) \
    (virObjectIsClass((b), &virNWFilterBindingClass) && VIR_CONN_VALID((b)->conn))
#define VIR_DOMAIN_SNAPSHOT_VALID(s) \
    (virObjectIsClass((s), &virDomainSnapshotClass) && VIR_DOMAIN_VALID((s)->domain))
#define VIR_DOMAIN_CHECKPOINT_VALID(c) \
    (virObjectIsClass((c), &virDomainCheckpointClass) && VIR_DOMAIN_VALID((c)->domain))
#define VIR_STREAM_VALID(s) \
    (virObjectIsClass((s), &virStreamClass) && VIR_CONN_VALID((s)->conn))

/* The connection check reports in the calling file's error domain, the
 * others in their object's own domain, as upstream does. */
#define virCheckConnectReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_CONN_VALID(o), VIR_FROM_THIS, VIR_ERR_INVALID_CONN, r)
#define virCheckConnectGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_CONN_VALID(o), VIR_FROM_THIS, VIR_ERR_INVALID_CONN, l)
#define virCheckDomainReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_DOMAIN_VALID(o), VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN, r)
#define virCheckDomainGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_DOMAIN_VALID(o), VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN, l)
#define virCheckNetworkReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_NETWORK_VALID(o), VIR_FROM_NETWORK, VIR_ERR_INVALID_NETWORK, r)
#define virCheckNetworkGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_NETWORK_VALID(o), VIR_FROM_NETWORK, VIR_ERR_INVALID_NETWORK, l)
#define virCheckNetworkPortReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_NETWORK_PORT_VALID(o), VIR_FROM_NETWORK, VIR_ERR_INVALID_NETWORK_PORT, r)
#define virCheckNetworkPortGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_NETWORK_PORT_VALID(o), VIR_FROM_NETWORK, VIR_ERR_INVALID_NETWORK_PORT, l)
#define virCheckInterfaceReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_INTERFACE_VALID(o), VIR_FROM_INTERFACE, VIR_ERR_INVALID_INTERFACE, r)
#define virCheckInterfaceGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_INTERFACE_VALID(o), VIR_FROM_INTERFACE, VIR_ERR_INVALID_INTERFACE, l)
#define virCheckStoragePoolReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_STORAGE_POOL_VALID(o), VIR_FROM_STORAGE, VIR_ERR_INVALID_STORAGE_POOL, r)
#define virCheckStoragePoolGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_STORAGE_POOL_VALID(o), VIR_FROM_STORAGE, VIR_ERR_INVALID_STORAGE_POOL, l)
#define virCheckStorageVolReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_STORAGE_VOL_VALID(o), VIR_FROM_STORAGE, VIR_ERR_INVALID_STORAGE_VOL, r)
#define virCheckStorageVolGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_STORAGE_VOL_VALID(o), VIR_FROM_STORAGE, VIR_ERR_INVALID_STORAGE_VOL, l)
#define virCheckNodeDeviceReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_NODE_DEVICE_VALID(o), VIR_FROM_NODEDEV, VIR_ERR_INVALID_NODE_DEVICE, r)
#define virCheckNodeDeviceGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_NODE_DEVICE_VALID(o), VIR_FROM_NODEDEV, VIR_ERR_INVALID_NODE_DEVICE, l)
#define virCheckSecretReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_SECRET_VALID(o), VIR_FROM_SECRET, VIR_ERR_INVALID_SECRET, r)
#define virCheckSecretGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_SECRET_VALID(o), VIR_FROM_SECRET, VIR_ERR_INVALID_SECRET, l)
#define virCheckNWFilterReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_NWFILTER_VALID(o), VIR_FROM_NWFILTER, VIR_ERR_INVALID_NWFILTER, r)
#define virCheckNWFilterGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_NWFILTER_VALID(o), VIR_FROM_NWFILTER, VIR_ERR_INVALID_NWFILTER, l)
#define virCheckNWFilterBindingReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_NWFILTER_BINDING_VALID(o), VIR_FROM_NWFILTER, VIR_ERR_INVALID_NWFILTER_BINDING, r)
#define virCheckNWFilterBindingGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_NWFILTER_BINDING_VALID(o), VIR_FROM_NWFILTER, VIR_ERR_INVALID_NWFILTER_BINDING, l)
#define virCheckDomainSnapshotReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_DOMAIN_SNAPSHOT_VALID(o), VIR_FROM_DOMAIN_SNAPSHOT, VIR_ERR_INVALID_DOMAIN_SNAPSHOT, r)
#define virCheckDomainSnapshotGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_DOMAIN_SNAPSHOT_VALID(o), VIR_FROM_DOMAIN_SNAPSHOT, VIR_ERR_INVALID_DOMAIN_SNAPSHOT, l)
#define virCheckDomainCheckpointReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_DOMAIN_CHECKPOINT_VALID(o), VIR_FROM_DOMAIN_CHECKPOINT, VIR_ERR_INVALID_DOMAIN_CHECKPOINT, r)
#define virCheckDomainCheckpointGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_DOMAIN_CHECKPOINT_VALID(o), VIR_FROM_DOMAIN_CHECKPOINT, VIR_ERR_INVALID_DOMAIN_CHECKPOINT, l)
#define virCheckStreamReturn(o, r) \
    VIR_CHECK_OBJECT_RETURN(o, VIR_STREAM_VALID(o), VIR_FROM_STREAMS, VIR_ERR_INVALID_STREAM, r)
#define virCheckStreamGoto(o, l) \
    VIR_CHECK_OBJECT_GOTO(o, VIR_STREAM_VALID(o), VIR_FROM_STREAMS, VIR_ERR_INVALID_STREAM, l)
