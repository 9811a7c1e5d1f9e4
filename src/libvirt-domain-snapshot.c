/*
 * libvirt-domain-snapshot.c: the hand-written public entry points for
 * domain snapshots.
 *
 * The rest of the snapshot API is generated from
 * src/api/libvirt-domain-snapshot.api; these few either need no driver
 * (the owning domain is stored in the object) or take a domain rather than
 * a snapshot yet report in the snapshot error domain.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT

VIR_LOG_INIT("libvirt.domain-snapshot");


virDomainSnapshotPtr
virDomainSnapshotCurrent(virDomainPtr domain, unsigned int flags)
{
    virConnectPtr conn;
    virDomainSnapshotPtr snap;

    VIR_DEBUG("dom=%p, flags=0x%x", (void *)domain, flags);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    conn = domain->conn;

    if (!conn->driver || !conn->driver->domainSnapshotCurrent) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(snap = conn->driver->domainSnapshotCurrent(domain, flags)))
        goto error;
    return snap;

 error:
    virDispatchError(conn);
    return NULL;
}


virDomainPtr
virDomainSnapshotGetDomain(virDomainSnapshotPtr snapshot)
{
    VIR_DEBUG("snapshot=%p", (void *)snapshot);

    virResetLastError();

    virCheckDomainSnapshotReturn(snapshot, NULL);

    /* Borrowed: the snapshot holds the reference. */
    return snapshot->domain;
}


virDomainSnapshotPtr
virDomainSnapshotGetParent(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virConnectPtr conn;
    virDomainSnapshotPtr parent;

    VIR_DEBUG("snapshot=%p, flags=0x%x", (void *)snapshot, flags);

    virResetLastError();

    virCheckDomainSnapshotReturn(snapshot, NULL);
    conn = snapshot->domain->conn;

    if (!conn->driver || !conn->driver->domainSnapshotGetParent) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(parent = conn->driver->domainSnapshotGetParent(snapshot, flags)))
        goto error;
    return parent;

 error:
    virDispatchError(conn);
    return NULL;
}
