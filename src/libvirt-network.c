/*
 * libvirt-network.c: the hand-written public entry points for virtual
 * networks and their ports.
 *
 * Most network calls are generated from src/api/libvirt-network.api; the
 * ones here need more than the generator's pattern: UUID string parsing,
 * the argument-order quirk of virNetworkUpdate, event registration that
 * must check the object against the connection, and plain accessors.
 */
/* The event-ID range checks need the public enums' _LAST sentinels. */
#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

VIR_LOG_INIT("libvirt.network");


int
virNetworkUpdate(virNetworkPtr network, unsigned int command,
                 unsigned int section, int parentIndex, const char *xml,
                 unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("network=%p, command=%u, section=%u, parentIndex=%d, xml=%s, "
              "flags=0x%x", (void *)network, command, section, parentIndex,
              NULLSTR(xml), flags);

    virResetLastError();

    virCheckNetworkReturn(network, -1);
    conn = network->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(xml, error);

    if (conn->networkDriver && conn->networkDriver->networkUpdate) {
        int rc;
        int ret;

        /* The remote protocol shipped with command and section swapped;
         * a daemon that does not advertise the fix still expects them in
         * that order, so swap them back for it. */
        rc = virDrvSupportsFeature(conn,
                                   VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER);
        VIR_DEBUG("network update argument order feature: %d", rc);
        if (rc < 0)
            goto error;

        if (rc == 0)
            ret = conn->networkDriver->networkUpdate(network, section, command,
                                                     parentIndex, xml, flags);
        else
            ret = conn->networkDriver->networkUpdate(network, command, section,
                                                     parentIndex, xml, flags);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}

int
virConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net,
                                  int eventID,
                                  virConnectNetworkEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, net=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              (void *)conn, (void *)net, eventID, (void *)cb, opaque,
              (void *)freecb);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    if (net) {
        virCheckNetworkGoto(net, error);
        if (net->conn != conn) {
            virReportInvalidArg(net, "network '%s' in %s must match connection",
                                net->name, __func__);
            goto error;
        }
    }
    virCheckNonNullArgGoto(cb, error);
    virCheckNonNegativeArgGoto(eventID, error);

    if (eventID >= VIR_NETWORK_EVENT_ID_LAST) {
        virReportInvalidArg(eventID, "eventID in %s must be less than %d",
                            __func__, VIR_NETWORK_EVENT_ID_LAST);
        goto error;
    }

    if (conn->networkDriver &&
        conn->networkDriver->connectNetworkEventRegisterAny) {
        int ret = conn->networkDriver->connectNetworkEventRegisterAny(conn, net,
                                                                      eventID,
                                                                      cb, opaque,
                                                                      freecb);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}

void
virNetworkDHCPLeaseFree(virNetworkDHCPLeasePtr lease)
{
    VIR_DEBUG("lease=%p", (void *)lease);

    if (!lease)
        return;
    g_free(lease->iface);
    g_free(lease->mac);
    g_free(lease->iaid);
    g_free(lease->ipaddr);
    g_free(lease->hostname);
    g_free(lease->clientid);
    g_free(lease);
}

virNetworkPtr
virNetworkPortGetNetwork(virNetworkPortPtr port)
{
    VIR_DEBUG("port=%p", (void *)port);

    virResetLastError();

    virCheckNetworkPortReturn(port, NULL);

    /* Borrowed: the port holds the reference, as upstream documents. */
    return port->net;
}

virNetworkPortPtr
virNetworkPortLookupByUUIDString(virNetworkPtr net, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    VIR_DEBUG("net=%p, uuidstr=%s", (void *)net, NULLSTR(uuidstr));

    virResetLastError();

    virCheckNetworkReturn(net, NULL);
    virCheckNonNullArgGoto(uuidstr, error);

    if (virUUIDParse(uuidstr, uuid) < 0) {
        virReportInvalidArg(uuidstr, "uuidstr in %s must be a valid UUID",
                            __func__);
        goto error;
    }

    return virNetworkPortLookupByUUID(net, uuid);

 error:
    virDispatchError(net->conn);
    return NULL;
}
