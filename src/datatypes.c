/*
 * datatypes.c: constructors and destructors of the public objects.
 *
 * Drivers build objects with virGetXxx(); each takes a reference on its
 * parent (the connection, or the domain / network for snapshots,
 * checkpoints and ports), released when the object is disposed.
 */
#include "datatypes.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt.datatypes");

static void virConnectDispose(void *obj);
static void virDomainDispose(void *obj);
static void virNetworkDispose(void *obj);
static void virNetworkPortDispose(void *obj);
static void virInterfaceDispose(void *obj);
static void virStoragePoolDispose(void *obj);
static void virStorageVolDispose(void *obj);
static void virNodeDeviceDispose(void *obj);
static void virSecretDispose(void *obj);
static void virNWFilterDispose(void *obj);
static void virNWFilterBindingDispose(void *obj);
static void virDomainSnapshotDispose(void *obj);
static void virDomainCheckpointDispose(void *obj);
static void virStreamDispose(void *obj);

#define VIR_DEFINE_CLASS(type) \
    const virClass type##Class = { \
        .name = #type, .size = sizeof(type), .dispose = type##Dispose, \
    }

VIR_DEFINE_CLASS(virConnect);
VIR_DEFINE_CLASS(virDomain);
VIR_DEFINE_CLASS(virNetwork);
VIR_DEFINE_CLASS(virNetworkPort);
VIR_DEFINE_CLASS(virInterface);
VIR_DEFINE_CLASS(virStoragePool);
VIR_DEFINE_CLASS(virStorageVol);
VIR_DEFINE_CLASS(virNodeDevice);
VIR_DEFINE_CLASS(virSecret);
VIR_DEFINE_CLASS(virNWFilter);
VIR_DEFINE_CLASS(virNWFilterBinding);
VIR_DEFINE_CLASS(virDomainSnapshot);
VIR_DEFINE_CLASS(virDomainCheckpoint);
VIR_DEFINE_CLASS(virStream);

/* Reports a missing or invalid constructor argument (a driver bug). */
#define CHECK_ARG(cond, what) \
    do { \
        if (!(cond)) { \
            virReportError(VIR_ERR_INTERNAL_ERROR, \
                           "cannot create object: %s is missing", what); \
            return NULL; \
        } \
    } while (0)

virConnectPtr
virGetConnect(void)
{
    return virObjectNew(&virConnectClass);
}

/* Closing the driver happens in virConnectClose when the last reference
 * goes; by the time the object is disposed only memory is left. */
static void
virConnectDispose(void *obj)
{
    virConnectPtr conn = obj;

    virResetError(&conn->err);
    if (conn->closeCallback.freeCallback)
        conn->closeCallback.freeCallback(conn->closeCallback.opaque);
    conn->uri = NULL;
}

virDomainPtr
virGetDomain(virConnectPtr conn, const char *name, const unsigned char *uuid,
             int id)
{
    virDomainPtr dom;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(name, "domain name");
    CHECK_ARG(uuid, "domain UUID");
    dom = virObjectNew(&virDomainClass);
    dom->conn = virObjectRef(conn);
    dom->name = g_strdup(name);
    memcpy(dom->uuid, uuid, VIR_UUID_BUFLEN);
    dom->id = id;
    return dom;
}

static void
virDomainDispose(void *obj)
{
    virDomainPtr dom = obj;

    g_free(dom->name);
    virObjectUnref(dom->conn);
}

virNetworkPtr
virGetNetwork(virConnectPtr conn, const char *name, const unsigned char *uuid)
{
    virNetworkPtr net;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(name, "network name");
    CHECK_ARG(uuid, "network UUID");
    net = virObjectNew(&virNetworkClass);
    net->conn = virObjectRef(conn);
    net->name = g_strdup(name);
    memcpy(net->uuid, uuid, VIR_UUID_BUFLEN);
    return net;
}

static void
virNetworkDispose(void *obj)
{
    virNetworkPtr net = obj;

    g_free(net->name);
    virObjectUnref(net->conn);
}

virNetworkPortPtr
virGetNetworkPort(virNetworkPtr net, const unsigned char *uuid)
{
    virNetworkPortPtr port;

    CHECK_ARG(VIR_NETWORK_VALID(net), "network");
    CHECK_ARG(uuid, "port UUID");
    port = virObjectNew(&virNetworkPortClass);
    port->net = virObjectRef(net);
    memcpy(port->uuid, uuid, VIR_UUID_BUFLEN);
    return port;
}

static void
virNetworkPortDispose(void *obj)
{
    virNetworkPortPtr port = obj;

    virObjectUnref(port->net);
}

virInterfacePtr
virGetInterface(virConnectPtr conn, const char *name, const char *mac)
{
    virInterfacePtr iface;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(name, "interface name");
    iface = virObjectNew(&virInterfaceClass);
    iface->conn = virObjectRef(conn);
    iface->name = g_strdup(name);
    /* Interfaces without a MAC (bridges being defined) get "". */
    iface->mac = g_strdup(mac ? mac : "");
    return iface;
}

static void
virInterfaceDispose(void *obj)
{
    virInterfacePtr iface = obj;

    g_free(iface->name);
    g_free(iface->mac);
    virObjectUnref(iface->conn);
}

virStoragePoolPtr
virGetStoragePool(virConnectPtr conn, const char *name,
                  const unsigned char *uuid, void *privateData,
                  virFreeCallback freeFunc)
{
    virStoragePoolPtr pool;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(name, "pool name");
    CHECK_ARG(uuid, "pool UUID");
    pool = virObjectNew(&virStoragePoolClass);
    pool->conn = virObjectRef(conn);
    pool->name = g_strdup(name);
    memcpy(pool->uuid, uuid, VIR_UUID_BUFLEN);
    pool->privateData = privateData;
    pool->privateDataFreeFunc = freeFunc;
    return pool;
}

static void
virStoragePoolDispose(void *obj)
{
    virStoragePoolPtr pool = obj;

    if (pool->privateDataFreeFunc)
        pool->privateDataFreeFunc(pool->privateData);
    g_free(pool->name);
    virObjectUnref(pool->conn);
}

virStorageVolPtr
virGetStorageVol(virConnectPtr conn, const char *pool, const char *name,
                 const char *key, void *privateData, virFreeCallback freeFunc)
{
    virStorageVolPtr vol;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(pool, "pool name");
    CHECK_ARG(name, "volume name");
    CHECK_ARG(key, "volume key");
    vol = virObjectNew(&virStorageVolClass);
    vol->conn = virObjectRef(conn);
    vol->pool = g_strdup(pool);
    vol->name = g_strdup(name);
    vol->key = g_strdup(key);
    vol->privateData = privateData;
    vol->privateDataFreeFunc = freeFunc;
    return vol;
}

static void
virStorageVolDispose(void *obj)
{
    virStorageVolPtr vol = obj;

    if (vol->privateDataFreeFunc)
        vol->privateDataFreeFunc(vol->privateData);
    g_free(vol->pool);
    g_free(vol->name);
    g_free(vol->key);
    virObjectUnref(vol->conn);
}

virNodeDevicePtr
virGetNodeDevice(virConnectPtr conn, const char *name)
{
    virNodeDevicePtr dev;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(name, "device name");
    dev = virObjectNew(&virNodeDeviceClass);
    dev->conn = virObjectRef(conn);
    dev->name = g_strdup(name);
    return dev;
}

static void
virNodeDeviceDispose(void *obj)
{
    virNodeDevicePtr dev = obj;

    g_free(dev->name);
    g_free(dev->parentName);
    virObjectUnref(dev->conn);
}

virSecretPtr
virGetSecret(virConnectPtr conn, const unsigned char *uuid, int usageType,
             const char *usageID)
{
    virSecretPtr secret;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(uuid, "secret UUID");
    secret = virObjectNew(&virSecretClass);
    secret->conn = virObjectRef(conn);
    memcpy(secret->uuid, uuid, VIR_UUID_BUFLEN);
    secret->usageType = usageType;
    secret->usageID = g_strdup(usageID ? usageID : "");
    return secret;
}

static void
virSecretDispose(void *obj)
{
    virSecretPtr secret = obj;

    g_free(secret->usageID);
    virObjectUnref(secret->conn);
}

virNWFilterPtr
virGetNWFilter(virConnectPtr conn, const char *name, const unsigned char *uuid)
{
    virNWFilterPtr filter;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(name, "filter name");
    CHECK_ARG(uuid, "filter UUID");
    filter = virObjectNew(&virNWFilterClass);
    filter->conn = virObjectRef(conn);
    filter->name = g_strdup(name);
    memcpy(filter->uuid, uuid, VIR_UUID_BUFLEN);
    return filter;
}

static void
virNWFilterDispose(void *obj)
{
    virNWFilterPtr filter = obj;

    g_free(filter->name);
    virObjectUnref(filter->conn);
}

virNWFilterBindingPtr
virGetNWFilterBinding(virConnectPtr conn, const char *portdev,
                      const char *filtername)
{
    virNWFilterBindingPtr binding;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    CHECK_ARG(portdev, "port device");
    CHECK_ARG(filtername, "filter name");
    binding = virObjectNew(&virNWFilterBindingClass);
    binding->conn = virObjectRef(conn);
    binding->portdev = g_strdup(portdev);
    binding->filtername = g_strdup(filtername);
    return binding;
}

static void
virNWFilterBindingDispose(void *obj)
{
    virNWFilterBindingPtr binding = obj;

    g_free(binding->portdev);
    g_free(binding->filtername);
    virObjectUnref(binding->conn);
}

virDomainSnapshotPtr
virGetDomainSnapshot(virDomainPtr domain, const char *name)
{
    virDomainSnapshotPtr snap;

    CHECK_ARG(VIR_DOMAIN_VALID(domain), "domain");
    CHECK_ARG(name, "snapshot name");
    snap = virObjectNew(&virDomainSnapshotClass);
    snap->domain = virObjectRef(domain);
    snap->name = g_strdup(name);
    return snap;
}

static void
virDomainSnapshotDispose(void *obj)
{
    virDomainSnapshotPtr snap = obj;

    g_free(snap->name);
    virObjectUnref(snap->domain);
}

virDomainCheckpointPtr
virGetDomainCheckpoint(virDomainPtr domain, const char *name)
{
    virDomainCheckpointPtr cp;

    CHECK_ARG(VIR_DOMAIN_VALID(domain), "domain");
    CHECK_ARG(name, "checkpoint name");
    cp = virObjectNew(&virDomainCheckpointClass);
    cp->domain = virObjectRef(domain);
    cp->name = g_strdup(name);
    return cp;
}

static void
virDomainCheckpointDispose(void *obj)
{
    virDomainCheckpointPtr cp = obj;

    g_free(cp->name);
    virObjectUnref(cp->domain);
}

virStreamPtr
virGetStream(virConnectPtr conn)
{
    virStreamPtr st;

    CHECK_ARG(VIR_CONN_VALID(conn), "connection");
    st = virObjectNew(&virStreamClass);
    st->conn = virObjectRef(conn);
    return st;
}

static void
virStreamDispose(void *obj)
{
    virStreamPtr st = obj;

    if (st->ff)
        st->ff(st->privateData);
    virObjectUnref(st->conn);
}
