/*
 * libvirt-domain.c: the hand-written public entry points for domains that
 * are not migration.
 *
 * Every other domain call is generated from src/api/libvirt-domain.api.
 * Written here: statistics for a caller-built list of domains (each must
 * belong to the first one's connection, and the driver takes the count),
 * and the free helpers of the structs the guest-information calls return,
 * which call no driver.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("libvirt.domain");


int
virDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                      virDomainStatsRecordPtr **retStats,
                      unsigned int flags)
{
    virConnectPtr conn = NULL;
    unsigned int ndoms = 0;
    int ret;

    VIR_DEBUG("doms=%p, stats=0x%x, retStats=%p, flags=0x%x",
              (void *)doms, stats, (void *)retStats, flags);

    virResetLastError();

    virCheckNonNullArgGoto(doms, error);
    virCheckNonNullArgGoto(retStats, error);

    if (!*doms) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "doms array in %s must contain at least one domain",
                       __func__);
        goto error;
    }

    /* The first domain names the connection every other one must share. */
    virCheckDomainGoto(doms[0], error);
    conn = doms[0]->conn;

    if (!conn->driver || !conn->driver->domainListGetStats) {
        virReportUnsupportedError();
        goto error;
    }

    for (; doms[ndoms]; ndoms++) {
        virCheckDomainGoto(doms[ndoms], error);
        if (doms[ndoms]->conn != conn) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "domains in 'doms' array must belong to a single connection");
            goto error;
        }
    }

    ret = conn->driver->domainListGetStats(doms, ndoms, stats, retStats, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


void
virDomainStatsRecordListFree(virDomainStatsRecordPtr *stats)
{
    virDomainStatsRecordPtr *next;

    if (!stats)
        return;

    for (next = stats; *next; next++) {
        virTypedParamsFree((*next)->params, (*next)->nparams);
        virDomainFree((*next)->dom);
        g_free(*next);
    }
    g_free(stats);
}


/* ---- guest information lists ---- */


void
virDomainFSInfoFree(virDomainFSInfoPtr info)
{
    size_t i;

    if (!info)
        return;

    g_free(info->mountpoint);
    g_free(info->name);
    g_free(info->fstype);
    for (i = 0; i < info->ndevAlias; i++)
        g_free(info->devAlias[i]);
    g_free(info->devAlias);
    g_free(info);
}



void
virDomainIOThreadInfoFree(virDomainIOThreadInfoPtr info)
{
    if (!info)
        return;

    g_free(info->cpumap);
    g_free(info);
}



void
virDomainInterfaceFree(virDomainInterfacePtr iface)
{
    size_t i;

    if (!iface)
        return;

    g_free(iface->name);
    g_free(iface->hwaddr);
    for (i = 0; i < iface->naddrs; i++)
        g_free(iface->addrs[i].addr);
    g_free(iface->addrs);
    g_free(iface);
}

