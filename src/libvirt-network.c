/*
 * libvirt-network.c: the hand-written public entry points for virtual
 * networks.
 *
 * Every other network call is generated from src/api/libvirt-network.api.
 * Written here: virNetworkUpdate, which swaps two arguments back for old
 * daemons depending on a driver feature, and the DHCP lease free helper,
 * which calls no driver.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"

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
