/*
 * test_other_args.c: the entry points, generated and hand-written, for
 * networks, interfaces, node devices, nwfilters, secrets, storage, streams
 * and the QEMU/LXC libraries.
 *
 * Each call is made with invalid objects and missing arguments and must
 * fail with upstream's error code and domain.  A private connection driver
 * ("vireofake://") supplies just the slots the checks need, and a stream
 * driver backed by a memory buffer exercises virStreamSendAll/RecvAll and
 * their sparse forms, including a failing handler aborting the stream.
 * Built from the library's objects so the internal constructors are at
 * hand.
 */
#include "test_args_fake.h"
#include "libvirt/libvirt-qemu.h"
#include "libvirt/libvirt-lxc.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* ---- the fake connection driver ---- */

static unsigned int fakeUpdateCommand;
static unsigned int fakeUpdateSection;
static int fakeParentCalls;

static int
fakeNetworkUpdate(virNetworkPtr net, unsigned int command,
                  unsigned int section, int parentIndex, const char *xml,
                  unsigned int flags)
{
    fakeUpdateCommand = command;
    fakeUpdateSection = section;
    return 0;
}

static virNetworkPtr
fakeNetworkLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    return virGetNetwork(conn, "fakenet", uuid);
}

static const char *
fakeNodeDeviceGetParent(virNodeDevicePtr dev)
{
    fakeParentCalls++;
    return g_strdup("computer");
}

static virHypervisorDriver fakeHypervisorDriver = {
    .name = "vireofake",
    .connectOpen = fakeConnectOpen,
    .connectClose = fakeConnectClose,
    .connectSupportsFeature = fakeSupportsFeature,
};

static virNetworkDriver fakeNetworkDriver = {
    .name = "vireofake",
    .networkUpdate = fakeNetworkUpdate,
    .networkLookupByUUID = fakeNetworkLookupByUUID,
};

static virNodeDeviceDriver fakeNodeDeviceDriver = {
    .name = "vireofake",
    .nodeDeviceGetParent = fakeNodeDeviceGetParent,
};

static const char *fakeSchemes[] = { "vireofake", NULL };

static virConnectDriver fakeConnectDriver = {
    .localOnly = true,
    .uriSchemes = fakeSchemes,
    .hypervisorDriver = &fakeHypervisorDriver,
    .networkDriver = &fakeNetworkDriver,
    .nodeDeviceDriver = &fakeNodeDeviceDriver,
};

/* ---- the fake stream driver: a memory buffer ---- */

typedef struct {
    GByteArray *data;     /* what was sent, or what is left to receive */
    size_t readpos;
    GArray *holes;        /* for RecvFlags: offsets where a hole starts */
    long long holeLen;    /* length of each hole */
    long long holesSent;  /* SendHole total */
    int aborts;
    int failRecv;
} fakeStream;

static fakeStream fs;

static void
fakeStreamReset(void)
{
    if (fs.data)
        g_byte_array_unref(fs.data);
    if (fs.holes)
        g_array_unref(fs.holes);
    memset(&fs, 0, sizeof(fs));
    fs.data = g_byte_array_new();
    fs.holes = g_array_new(FALSE, FALSE, sizeof(size_t));
}

static int
fakeStreamSend(virStreamPtr st, const char *data, size_t nbytes)
{
    /* Take at most 1000 bytes per call so callers must loop. */
    size_t n = MIN(nbytes, 1000);

    g_byte_array_append(fs.data, (const guint8 *)data, n);
    return n;
}

static int
fakeStreamRecvFlags(virStreamPtr st, char *data, size_t nbytes,
                    unsigned int flags)
{
    size_t left = fs.data->len - fs.readpos;
    size_t n;
    guint i;

    if (fs.failRecv) {
        virReportError(VIR_ERR_RPC, "%s", "fake stream broke");
        return -1;
    }
    if (flags & VIR_STREAM_RECV_STOP_AT_HOLE) {
        for (i = 0; i < fs.holes->len; i++) {
            if (g_array_index(fs.holes, size_t, i) == fs.readpos) {
                g_array_remove_index(fs.holes, i);
                return -3;
            }
            /* Stop before the next hole. */
            if (g_array_index(fs.holes, size_t, i) > fs.readpos)
                left = MIN(left, g_array_index(fs.holes, size_t, i) - fs.readpos);
        }
    }
    n = MIN(MIN(nbytes, left), 777);
    memcpy(data, fs.data->data + fs.readpos, n);
    fs.readpos += n;
    return n;
}

static int
fakeStreamRecv(virStreamPtr st, char *data, size_t nbytes)
{
    return fakeStreamRecvFlags(st, data, nbytes, 0);
}

static int
fakeStreamRecvHole(virStreamPtr st, long long *length, unsigned int flags)
{
    *length = fs.holeLen;
    return 0;
}

static int
fakeStreamSendHole(virStreamPtr st, long long length, unsigned int flags)
{
    fs.holesSent += length;
    return 0;
}

static int
fakeStreamAbort(virStreamPtr st)
{
    fs.aborts++;
    return 0;
}

static int
fakeStreamFinish(virStreamPtr st)
{
    return 0;
}

static virStreamDriver fakeStreamDriver = {
    .name = "vireofake",
    .streamSend = fakeStreamSend,
    .streamRecv = fakeStreamRecv,
    .streamRecvFlags = fakeStreamRecvFlags,
    .streamRecvHole = fakeStreamRecvHole,
    .streamSendHole = fakeStreamSendHole,
    .streamAbort = fakeStreamAbort,
    .streamFinish = fakeStreamFinish,
};

/* ---- helpers ---- */

/* ---- NULL / invalid objects ---- */

static void
testNullObjects(void)
{
    virConnectPtr conn = openFake(false);
    /* A valid object of the wrong class. */
    virNetworkPtr net = virGetNetwork(conn, "n", fakeUUID);
    virDomainPtr notdom = (virDomainPtr)net;
    size_t sz;
    long long len;

    ASSERT_ERR(virNetworkLookupByUUIDString(NULL, "x"), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_NETWORK);
    ASSERT_ERR(virNetworkUpdate(NULL, 1, 1, -1, "<x/>", 0), -1,
               VIR_ERR_INVALID_NETWORK, VIR_FROM_NETWORK);
    ASSERT_ERR(virConnectNetworkEventRegisterAny(NULL, NULL, 0, DUMMY_CB(virConnectNetworkEventGenericCallback), NULL, NULL), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_NETWORK);
    ASSERT_ERR(virNetworkPortGetNetwork(NULL), NULL,
               VIR_ERR_INVALID_NETWORK_PORT, VIR_FROM_NETWORK);
    ASSERT_ERR(virNetworkPortLookupByUUIDString(NULL, "x"), NULL,
               VIR_ERR_INVALID_NETWORK, VIR_FROM_NETWORK);
    virNetworkDHCPLeaseFree(NULL);

    ASSERT_ERR(virInterfaceGetMACString(NULL), NULL,
               VIR_ERR_INVALID_INTERFACE, VIR_FROM_INTERFACE);

    ASSERT_ERR(virNodeDeviceGetParent(NULL), NULL,
               VIR_ERR_INVALID_NODE_DEVICE, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceIsActive(NULL), -1,
               VIR_ERR_INVALID_NODE_DEVICE, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceCreateXML(NULL, "<x/>", 0), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceDefineXML(NULL, "<x/>", 0), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_NODEDEV);
    ASSERT_ERR(virConnectNodeDeviceEventRegisterAny(NULL, NULL, 0, NULL, NULL, NULL), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_NODEDEV);

    ASSERT_ERR(virNWFilterLookupByUUIDString(NULL, "x"), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_NWFILTER);
    ASSERT_ERR(virNWFilterBindingGetFilterName(NULL), NULL,
               VIR_ERR_INVALID_NWFILTER_BINDING, VIR_FROM_NWFILTER);
    ASSERT_ERR(virNWFilterBindingGetPortDev(NULL), NULL,
               VIR_ERR_INVALID_NWFILTER_BINDING, VIR_FROM_NWFILTER);

    ASSERT_ERR(virSecretGetUsageID(NULL), NULL,
               VIR_ERR_INVALID_SECRET, VIR_FROM_SECRET);
    ASSERT_ERR(virSecretGetUsageType(NULL), -1,
               VIR_ERR_INVALID_SECRET, VIR_FROM_SECRET);
    ASSERT_ERR(virSecretGetValue(NULL, &sz, 0), NULL,
               VIR_ERR_INVALID_SECRET, VIR_FROM_SECRET);
    ASSERT_ERR(virSecretLookupByUUIDString(NULL, "x"), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_SECRET);
    ASSERT_ERR(virConnectSecretEventRegisterAny(NULL, NULL, 0, NULL, NULL, NULL), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_SECRET);

    ASSERT_ERR(virStoragePoolLookupByUUIDString(NULL, "x"), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolGetKey(NULL), NULL,
               VIR_ERR_INVALID_STORAGE_VOL, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolCreateXMLFrom(NULL, "<x/>", NULL, 0), NULL,
               VIR_ERR_INVALID_STORAGE_POOL, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolDownload(NULL, NULL, 0, 0, 0), -1,
               VIR_ERR_INVALID_STORAGE_VOL, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolUpload(NULL, NULL, 0, 0, 0), -1,
               VIR_ERR_INVALID_STORAGE_VOL, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolResize(NULL, 1, 0), -1,
               VIR_ERR_INVALID_STORAGE_VOL, VIR_FROM_STORAGE);
    ASSERT_ERR(virConnectStoragePoolEventRegisterAny(NULL, NULL, 0, NULL, NULL, NULL), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_STORAGE);

    ASSERT_ERR(virStreamNew(NULL, 0), NULL, VIR_ERR_INVALID_CONN, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSend(NULL, "a", 1), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamRecv(NULL, (char *)&sz, 1), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamRecvFlags(NULL, (char *)&sz, 1, 0), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSendHole(NULL, 1, 0), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamRecvHole(NULL, &len, 0), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSendAll(NULL, NULL, NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamRecvAll(NULL, NULL, NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSparseSendAll(NULL, NULL, NULL, NULL, NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSparseRecvAll(NULL, NULL, NULL, NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamEventAddCallback(NULL, 0, NULL, NULL, NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamEventUpdateCallback(NULL, 0), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamEventRemoveCallback(NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamFinish(NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamAbort(NULL), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);

    ASSERT_ERR(virDomainQemuMonitorCommandWithFiles(NULL, "x", 0, NULL, NULL, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM);
    ASSERT_ERR(virDomainQemuMonitorCommandWithFiles(notdom, "x", 0, NULL, NULL, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM);
    ASSERT_ERR(virDomainQemuAttach(NULL, 1, 0), NULL, VIR_ERR_INVALID_CONN, VIR_FROM_NONE);
    ASSERT_ERR(virConnectDomainQemuMonitorEventRegister(NULL, NULL, NULL, NULL, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_NONE);

    ASSERT_ERR(virDomainLxcEnterCGroup(NULL, 0), -1, VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM);
    ASSERT_ERR(virDomainLxcEnterNamespace(NULL, 0, NULL, NULL, NULL, 1), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    ASSERT_ERR(virDomainLxcEnterNamespace(NULL, 0, NULL, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    ASSERT_ERR(virDomainLxcEnterSecurityLabel(NULL, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NONE);

    virObjectUnref(net);
    virConnectClose(conn);
}

/* ---- argument checks on valid objects ---- */

static void
testNetwork(void)
{
    virConnectPtr conn = openFake(false);
    virConnectPtr other = openFake(false);
    virConnectPtr ro = openFake(true);
    virNetworkPtr net = virGetNetwork(conn, "n", fakeUUID);
    virNetworkPtr othernet = virGetNetwork(other, "o", fakeUUID);
    virNetworkPtr ronet = virGetNetwork(ro, "r", fakeUUID);
    virNetworkPortPtr port = virGetNetworkPort(net, fakeUUID);
    virNetworkPtr found;
    virConnectNetworkEventGenericCallback cb = DUMMY_CB(virConnectNetworkEventGenericCallback);

    ASSERT_ERR(virNetworkLookupByUUIDString(conn, NULL), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    ASSERT_ERR(virNetworkLookupByUUIDString(conn, "not-a-uuid"), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "uuidstr in virNetworkLookupByUUIDString must be a valid UUID");
    found = virNetworkLookupByUUIDString(conn, "01020304-0506-0708-090a-0b0c0d0e0f10");
    g_assert_nonnull(found);
    g_assert_cmpstr(virNetworkGetName(found), ==, "fakenet");
    virNetworkFree(found);

    /* virNetworkUpdate: read-only is checked before xml. */
    ASSERT_ERR(virNetworkUpdate(ronet, 1, 2, -1, NULL, 0), -1, VIR_ERR_OPERATION_DENIED, VIR_FROM_NETWORK);
    ASSERT_ERR(virNetworkUpdate(net, 1, 2, -1, NULL, 0), -1, VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    fakeFeatures[VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER] = 0;
    g_assert_cmpint(virNetworkUpdate(net, 1, 2, -1, "<x/>", 0), ==, 0);
    g_assert_cmpuint(fakeUpdateCommand, ==, 2);
    g_assert_cmpuint(fakeUpdateSection, ==, 1);
    fakeFeatures[VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER] = 1;
    g_assert_cmpint(virNetworkUpdate(net, 1, 2, -1, "<x/>", 0), ==, 0);
    g_assert_cmpuint(fakeUpdateCommand, ==, 1);
    g_assert_cmpuint(fakeUpdateSection, ==, 2);
    /* A failing feature probe fails the call. */
    fakeFeatures[VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER] = -1;
    g_assert_cmpint(virNetworkUpdate(net, 1, 2, -1, "<x/>", 0), ==, -1);
    fakeFeatures[VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER] = 1;

    ASSERT_ERR(virConnectNetworkEventRegisterAny(conn, othernet, 0, cb, NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "network 'o' in virConnectNetworkEventRegisterAny must match connection");
    ASSERT_ERR(virConnectNetworkEventRegisterAny(conn, (virNetworkPtr)conn, 0, cb, NULL, NULL), -1,
               VIR_ERR_INVALID_NETWORK, VIR_FROM_NETWORK);
    ASSERT_ERR(virConnectNetworkEventRegisterAny(conn, net, 0, NULL, NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    ASSERT_ERR(virConnectNetworkEventRegisterAny(conn, net, -1, cb, NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    ASSERT_ERR(virConnectNetworkEventRegisterAny(conn, net, 99, cb, NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "eventID in virConnectNetworkEventRegisterAny must be less than 1");
    ASSERT_ERR(virConnectNetworkEventRegisterAny(conn, net, 0, cb, NULL, NULL), -1,
               VIR_ERR_NO_SUPPORT, VIR_FROM_NETWORK);

    g_assert_true(virNetworkPortGetNetwork(port) == net);
    ASSERT_ERR(virNetworkPortLookupByUUIDString(net, NULL), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);
    ASSERT_ERR(virNetworkPortLookupByUUIDString(net, "zz"), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK);

    {
        virNetworkDHCPLeasePtr lease = g_new0(virNetworkDHCPLease, 1);

        lease->iface = g_strdup("virbr0");
        lease->mac = g_strdup("52:54:00:00:00:01");
        virNetworkDHCPLeaseFree(lease);
    }

    virObjectUnref(port);
    virObjectUnref(net);
    virObjectUnref(othernet);
    virObjectUnref(ronet);
    virConnectClose(conn);
    virConnectClose(other);
    virConnectClose(ro);
}

static void
testOtherObjects(void)
{
    virConnectPtr conn = openFake(false);
    virConnectPtr other = openFake(false);
    virConnectPtr ro = openFake(true);
    virInterfacePtr iface = virGetInterface(conn, "eth0", "52:54:00:aa:bb:cc");
    virNodeDevicePtr dev = virGetNodeDevice(conn, "pci_0000_00_01_0");
    virNodeDevicePtr otherdev = virGetNodeDevice(other, "usb1");
    virNWFilterBindingPtr binding = virGetNWFilterBinding(conn, "vnet0", "clean-traffic");
    virSecretPtr secret = virGetSecret(conn, fakeUUID, VIR_SECRET_USAGE_TYPE_CEPH, "ceph-key");
    virSecretPtr rosecret = virGetSecret(ro, fakeUUID, VIR_SECRET_USAGE_TYPE_CEPH, "ceph-key");
    virSecretPtr othersecret = virGetSecret(other, fakeUUID, VIR_SECRET_USAGE_TYPE_NONE, NULL);
    virStoragePoolPtr pool = virGetStoragePool(conn, "default", fakeUUID, NULL, NULL);
    virStoragePoolPtr otherpool = virGetStoragePool(other, "p2", fakeUUID, NULL, NULL);
    virStorageVolPtr vol = virGetStorageVol(conn, "default", "v1", "/k/v1", NULL, NULL);
    virStorageVolPtr rovol = virGetStorageVol(ro, "default", "v2", "/k/v2", NULL, NULL);
    virStreamPtr otherst = virStreamNew(other, 0);
    virStreamPtr st = virStreamNew(conn, 0);
    virDomainPtr dom = virGetDomain(conn, "d", fakeUUID, 1);
    virDomainPtr otherdom = virGetDomain(other, "od", fakeUUID, 2);
    size_t sz;
    char *result = NULL;
    int infd = 0;

    g_assert_cmpstr(virInterfaceGetMACString(iface), ==, "52:54:00:aa:bb:cc");

    /* The parent is asked for once, then cached. */
    g_assert_cmpstr(virNodeDeviceGetParent(dev), ==, "computer");
    g_assert_cmpstr(virNodeDeviceGetParent(dev), ==, "computer");
    g_assert_cmpint(fakeParentCalls, ==, 1);
    ASSERT_ERR(virNodeDeviceIsActive(dev), -1, VIR_ERR_NO_SUPPORT, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceCreateXML(ro, NULL, 0), NULL, VIR_ERR_OPERATION_DENIED, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceCreateXML(conn, NULL, 0), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceCreateXML(conn, "<x/>", 0), NULL, VIR_ERR_NO_SUPPORT, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceDefineXML(ro, NULL, 0), NULL, VIR_ERR_OPERATION_DENIED, VIR_FROM_NODEDEV);
    ASSERT_ERR(virNodeDeviceDefineXML(conn, NULL, 0), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NODEDEV);
    ASSERT_ERR(virConnectNodeDeviceEventRegisterAny(conn, otherdev, 0, DUMMY_CB(virConnectNodeDeviceEventGenericCallback), NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NODEDEV);
    ASSERT_ERR(virConnectNodeDeviceEventRegisterAny(conn, dev, 0, NULL, NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NODEDEV);
    ASSERT_ERR(virConnectNodeDeviceEventRegisterAny(conn, dev, 2, DUMMY_CB(virConnectNodeDeviceEventGenericCallback), NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NODEDEV);

    ASSERT_ERR(virNWFilterLookupByUUIDString(conn, NULL), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NWFILTER);
    ASSERT_ERR(virNWFilterLookupByUUIDString(conn, "bad"), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NWFILTER);
    g_assert_cmpstr(virNWFilterBindingGetFilterName(binding), ==, "clean-traffic");
    g_assert_cmpstr(virNWFilterBindingGetPortDev(binding), ==, "vnet0");

    g_assert_cmpint(virSecretGetUsageType(secret), ==, VIR_SECRET_USAGE_TYPE_CEPH);
    g_assert_cmpstr(virSecretGetUsageID(secret), ==, "ceph-key");
    ASSERT_ERR(virSecretGetValue(rosecret, NULL, 0), NULL, VIR_ERR_OPERATION_DENIED, VIR_FROM_SECRET);
    ASSERT_ERR(virSecretGetValue(secret, NULL, 0), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_SECRET);
    ASSERT_ERR(virSecretGetValue(secret, &sz, 0), NULL, VIR_ERR_NO_SUPPORT, VIR_FROM_SECRET);
    ASSERT_ERR(virSecretLookupByUUIDString(conn, "bad"), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_SECRET);
    ASSERT_ERR(virConnectSecretEventRegisterAny(conn, othersecret, 0, DUMMY_CB(virConnectSecretEventGenericCallback), NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_SECRET);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "secret '01020304-0506-0708-090a-0b0c0d0e0f10' in virConnectSecretEventRegisterAny must match connection");
    ASSERT_ERR(virConnectSecretEventRegisterAny(conn, NULL, 2, DUMMY_CB(virConnectSecretEventGenericCallback), NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_SECRET);

    ASSERT_ERR(virStoragePoolLookupByUUIDString(conn, "bad"), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE);
    g_assert_cmpstr(virStorageVolGetKey(vol), ==, "/k/v1");
    ASSERT_ERR(virStorageVolCreateXMLFrom(pool, "<x/>", NULL, 0), NULL,
               VIR_ERR_INVALID_STORAGE_VOL, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolCreateXMLFrom(pool, NULL, vol, 0), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE);
    /* The clone source's read-only connection is enough to refuse. */
    ASSERT_ERR(virStorageVolCreateXMLFrom(pool, "<x/>", rovol, 0), NULL,
               VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolCreateXMLFrom(pool, "<x/>", vol, 0), NULL, VIR_ERR_NO_SUPPORT, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolDownload(vol, NULL, 0, 0, 0), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStorageVolDownload(vol, otherst, 0, 0, 0), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "stream in virStorageVolDownload must match connection of volume 'v1'");
    ASSERT_ERR(virStorageVolDownload(rovol, otherst, 0, 0, 0), -1, VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolDownload(vol, st, 0, 0, 0), -1, VIR_ERR_NO_SUPPORT, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolUpload(vol, otherst, 0, 0, 0), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolUpload(vol, NULL, 0, 0, 0), -1, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    ASSERT_ERR(virStorageVolResize(rovol, 0, 0), -1, VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE);
    ASSERT_ERR(virStorageVolResize(vol, 0, 0), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "capacity in virStorageVolResize cannot be zero without 'delta' or 'shrink' flags set");
    ASSERT_ERR(virStorageVolResize(vol, 0, VIR_STORAGE_VOL_RESIZE_SHRINK), -1, VIR_ERR_NO_SUPPORT, VIR_FROM_STORAGE);
    ASSERT_ERR(virConnectStoragePoolEventRegisterAny(conn, otherpool, 0, DUMMY_CB(virConnectStoragePoolEventGenericCallback), NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE);
    ASSERT_ERR(virConnectStoragePoolEventRegisterAny(conn, pool, -1, DUMMY_CB(virConnectStoragePoolEventGenericCallback), NULL, NULL), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE);

    /* libvirt-qemu */
    ASSERT_ERR(virDomainQemuMonitorCommandWithFiles(dom, NULL, 0, NULL, NULL, NULL, &result, 0), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    fakeFeatures[VIR_DRV_FEATURE_FD_PASSING] = 0;
    ASSERT_ERR(virDomainQemuMonitorCommandWithFiles(dom, "x", 1, &infd, NULL, NULL, &result, 0), -1,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_NONE);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "argument unsupported: fd passing is not supported by this connection");
    ASSERT_ERR(virDomainQemuMonitorCommandWithFiles(dom, "x", 0, NULL, NULL, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    ASSERT_ERR(virDomainQemuMonitorCommandWithFiles(dom, "x", 0, NULL, NULL, NULL, &result, 0), -1,
               VIR_ERR_NO_SUPPORT, VIR_FROM_NONE);
    ASSERT_ERR(virDomainQemuAttach(conn, 0, 0), NULL, VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    ASSERT_ERR(virDomainQemuAttach(ro, 123, 0), NULL, VIR_ERR_OPERATION_DENIED, VIR_FROM_NONE);
    ASSERT_ERR(virDomainQemuAttach(conn, 123, 0), NULL, VIR_ERR_NO_SUPPORT, VIR_FROM_NONE);
    ASSERT_ERR(virConnectDomainQemuMonitorEventRegister(conn, otherdom, NULL, DUMMY_CB(virConnectDomainQemuMonitorEventCallback), NULL, NULL, 0), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "domain 'od' in virConnectDomainQemuMonitorEventRegister must match connection");
    ASSERT_ERR(virConnectDomainQemuMonitorEventRegister(conn, dom, NULL, NULL, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    ASSERT_ERR(virConnectDomainQemuMonitorEventRegister(ro, NULL, NULL, DUMMY_CB(virConnectDomainQemuMonitorEventCallback), NULL, NULL, 0), -1,
               VIR_ERR_OPERATION_DENIED, VIR_FROM_NONE);

    /* libvirt-lxc */
    {
        virSecurityModel model;
        virSecurityLabel label;

        memset(&model, 0, sizeof(model));
        memset(&label, 0, sizeof(label));
        ASSERT_ERR(virDomainLxcEnterSecurityLabel(&model, NULL, NULL, 0), -1,
                   VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
        g_strlcpy(model.model, "none", sizeof(model.model));
        g_assert_cmpint(virDomainLxcEnterSecurityLabel(&model, &label, NULL, 0), ==, 0);
        g_strlcpy(model.model, "smack", sizeof(model.model));
        ASSERT_ERR(virDomainLxcEnterSecurityLabel(&model, &label, NULL, 0), -1,
                   VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_NONE);
        g_assert_cmpstr(virGetLastErrorMessage(), ==,
                        "argument unsupported: Security model smack cannot be entered");
    }
    ASSERT_ERR(virDomainLxcEnterCGroup(dom, 1), -1, VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
    {
        unsigned int nold = 99;
        int *old = NULL;
        int badfd = -1;

        /* Entering nothing fails and gives back the saved namespaces. */
        ASSERT_ERR(virDomainLxcEnterNamespace(dom, 0, &badfd, &nold, &old, 0), -1,
                   VIR_ERR_INVALID_ARG, VIR_FROM_NONE);
        g_assert_cmpuint(nold, ==, 0);
        g_assert_null(old);
        /* Negative descriptors are skipped: nothing to join, success. */
        g_assert_cmpint(virDomainLxcEnterNamespace(dom, 1, &badfd, NULL, NULL, 0), ==, 0);
    }

    virObjectUnref(iface);
    virObjectUnref(dev);
    virObjectUnref(otherdev);
    virObjectUnref(binding);
    virObjectUnref(secret);
    virObjectUnref(rosecret);
    virObjectUnref(othersecret);
    virObjectUnref(pool);
    virObjectUnref(otherpool);
    virObjectUnref(vol);
    virObjectUnref(rovol);
    virObjectUnref(dom);
    virObjectUnref(otherdom);
    virStreamFree(st);
    virStreamFree(otherst);
    virConnectClose(conn);
    virConnectClose(other);
    virConnectClose(ro);
}

/* ---- streams ---- */

#define PAYLOAD_SIZE 600000

typedef struct {
    size_t pos;
    size_t total;
    int failAt;   /* fail when this many calls have been made; 0 = never */
    int calls;
    GByteArray *sink;
    long long holes;
} streamCtx;

static char
payloadByte(size_t i)
{
    return (char)(i * 31 + 7);
}

static int
sourceFunc(virStreamPtr st, char *data, size_t nbytes, void *opaque)
{
    streamCtx *ctx = opaque;
    size_t n = MIN(nbytes, ctx->total - ctx->pos);
    size_t i;

    if (ctx->failAt && ++ctx->calls >= ctx->failAt)
        return -1;
    for (i = 0; i < n; i++)
        data[i] = payloadByte(ctx->pos + i);
    ctx->pos += n;
    return n;
}

static int
sinkFunc(virStreamPtr st, const char *data, size_t nbytes, void *opaque)
{
    streamCtx *ctx = opaque;

    if (ctx->failAt && ++ctx->calls >= ctx->failAt) {
        errno = ENOSPC;
        return -1;
    }
    g_byte_array_append(ctx->sink, (const guint8 *)data, nbytes);
    return nbytes;
}

static int
sinkHoleFunc(virStreamPtr st, long long length, void *opaque)
{
    streamCtx *ctx = opaque;

    ctx->holes += length;
    return 0;
}

/* The source is data [0, 1000), a hole of 5000, then data to the end. */
static int
sourceHoleFunc(virStreamPtr st, int *inData, long long *length, void *opaque)
{
    streamCtx *ctx = opaque;

    if (ctx->holes == 0 && ctx->pos == 1000) {
        *inData = 0;
        *length = 5000;
    } else {
        *inData = 1;
        *length = ctx->pos < 1000 ? 1000 - ctx->pos : ctx->total - ctx->pos;
    }
    return 0;
}

static int
sourceSkipFunc(virStreamPtr st, long long length, void *opaque)
{
    streamCtx *ctx = opaque;

    ctx->holes += length;
    return 0;
}

static virStreamPtr
newFakeStream(virConnectPtr conn, unsigned int flags)
{
    virStreamPtr st = virStreamNew(conn, flags);

    g_assert_nonnull(st);
    st->driver = &fakeStreamDriver;
    fakeStreamReset();
    return st;
}

static void
testStreams(void)
{
    virConnectPtr conn = openFake(false);
    virStreamPtr st;
    streamCtx ctx;
    size_t i;
    char buf[16];
    long long len = 0;

    /* A stream nothing was attached to. */
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virStreamAbort(st), ==, 0);
    ASSERT_ERR(virStreamSend(st, "x", 1), -1, VIR_ERR_NO_SUPPORT, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSend(st, NULL, 1), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamRecv(st, NULL, 1), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamRecvHole(st, NULL, 0), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamFinish(st), -1, VIR_ERR_NO_SUPPORT, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamEventAddCallback(st, 0, NULL, NULL, NULL), -1, VIR_ERR_NO_SUPPORT, VIR_FROM_STREAMS);
    virStreamFree(st);

    /* SendAll moves every byte, through short writes. */
    st = newFakeStream(conn, 0);
    memset(&ctx, 0, sizeof(ctx));
    ctx.total = PAYLOAD_SIZE;
    g_assert_cmpint(virStreamSendAll(st, sourceFunc, &ctx), ==, 0);
    g_assert_cmpuint(fs.data->len, ==, PAYLOAD_SIZE);
    for (i = 0; i < PAYLOAD_SIZE; i++)
        g_assert_cmpint(fs.data->data[i], ==, (guint8)payloadByte(i));
    g_assert_cmpint(fs.aborts, ==, 0);

    /* RecvAll reads it back through short reads. */
    memset(&ctx, 0, sizeof(ctx));
    ctx.sink = g_byte_array_new();
    g_assert_cmpint(virStreamRecvAll(st, sinkFunc, &ctx), ==, 0);
    g_assert_cmpuint(ctx.sink->len, ==, PAYLOAD_SIZE);
    g_assert_cmpmem(ctx.sink->data, ctx.sink->len, fs.data->data, fs.data->len);
    g_byte_array_unref(ctx.sink);
    g_assert_cmpint(virStreamFinish(st), ==, 0);
    virStreamFree(st);

    /* A failing source aborts the stream; errno 0 becomes EIO. */
    st = newFakeStream(conn, 0);
    memset(&ctx, 0, sizeof(ctx));
    ctx.total = PAYLOAD_SIZE;
    ctx.failAt = 2;
    ASSERT_ERR(virStreamSendAll(st, sourceFunc, &ctx), -1, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS);
    g_assert_nonnull(strstr(virGetLastErrorMessage(), "send handler failed"));
    g_assert_cmpint(virGetLastError()->int1, ==, EIO);
    g_assert_cmpint(fs.aborts, ==, 1);
    virStreamFree(st);

    /* A failing sink aborts the stream and keeps its errno. */
    st = newFakeStream(conn, 0);
    g_byte_array_set_size(fs.data, 5000);
    memset(&ctx, 0, sizeof(ctx));
    ctx.sink = g_byte_array_new();
    ctx.failAt = 3;
    ASSERT_ERR(virStreamRecvAll(st, sinkFunc, &ctx), -1, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS);
    g_assert_nonnull(strstr(virGetLastErrorMessage(), "recv handler failed"));
    g_assert_cmpint(virGetLastError()->int1, ==, ENOSPC);
    g_assert_cmpint(fs.aborts, ==, 1);
    g_byte_array_unref(ctx.sink);

    /* A failing stream aborts too, and its own error is what the caller
     * sees, not anything from the abort. */
    fs.failRecv = 1;
    memset(&ctx, 0, sizeof(ctx));
    ctx.sink = g_byte_array_new();
    ASSERT_ERR(virStreamRecvAll(st, sinkFunc, &ctx), -1, VIR_ERR_RPC, VIR_FROM_NONE);
    g_assert_cmpint(fs.aborts, ==, 2);
    g_byte_array_unref(ctx.sink);
    virStreamFree(st);

    /* Missing handlers and non-blocking streams are refused. */
    st = newFakeStream(conn, VIR_STREAM_NONBLOCK);
    ASSERT_ERR(virStreamSendAll(st, NULL, NULL), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSendAll(st, sourceFunc, &ctx), -1, VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "Requested operation is not valid: data sources cannot be used for non-blocking streams");
    ASSERT_ERR(virStreamRecvAll(st, sinkFunc, &ctx), -1, VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSparseRecvAll(st, sinkFunc, NULL, &ctx), -1, VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS);
    ASSERT_ERR(virStreamSparseSendAll(st, sourceFunc, sourceHoleFunc, NULL, &ctx), -1,
               VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS);
    virStreamFree(st);

    /* Sparse receive: the hole reaches the hole handler. */
    st = newFakeStream(conn, 0);
    g_byte_array_set_size(fs.data, 3000);
    {
        size_t at = 2000;

        g_array_append_val(fs.holes, at);
    }
    fs.holeLen = 4096;
    memset(&ctx, 0, sizeof(ctx));
    ctx.sink = g_byte_array_new();
    g_assert_cmpint(virStreamSparseRecvAll(st, sinkFunc, sinkHoleFunc, &ctx), ==, 0);
    g_assert_cmpuint(ctx.sink->len, ==, 3000);
    g_assert_cmpint(ctx.holes, ==, 4096);
    g_byte_array_unref(ctx.sink);
    g_assert_cmpint(virStreamRecvHole(st, &len, 0), ==, 0);
    g_assert_cmpint(len, ==, 4096);
    virStreamFree(st);

    /* Sparse send: data, a hole sent as a hole, then data. */
    st = newFakeStream(conn, 0);
    memset(&ctx, 0, sizeof(ctx));
    ctx.total = 20000;
    g_assert_cmpint(virStreamSparseSendAll(st, sourceFunc, sourceHoleFunc,
                                           sourceSkipFunc, &ctx), ==, 0);
    g_assert_cmpint(fs.holesSent, ==, 5000);
    g_assert_cmpint(ctx.holes, ==, 5000);
    g_assert_cmpuint(fs.data->len, ==, 20000);
    g_assert_cmpint(fs.aborts, ==, 0);
    g_assert_cmpint(virStreamRecv(st, buf, sizeof(buf)), ==, sizeof(buf));
    virStreamFree(st);

    virConnectClose(conn);
}

int
main(int argc, char **argv)
{
    if (fakeTestInit(&argc, &argv, &fakeConnectDriver, "vireofake:///") < 0)
        return 1;

    g_test_add_func("/other/null-objects", testNullObjects);
    g_test_add_func("/other/network", testNetwork);
    g_test_add_func("/other/objects", testOtherObjects);
    g_test_add_func("/other/streams", testStreams);
    return g_test_run();
}
