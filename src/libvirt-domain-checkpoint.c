/*
 * libvirt-domain-checkpoint.c: the hand-written public entry points for
 * domain checkpoints.
 *
 * The rest of the checkpoint API is generated from
 * src/api/libvirt-domain-checkpoint.api; these few either need no driver
 * (the owning domain is stored in the object) or take a domain rather than
 * a checkpoint yet report in the checkpoint error domain.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_CHECKPOINT

VIR_LOG_INIT("libvirt.domain-checkpoint");


virDomainPtr
virDomainCheckpointGetDomain(virDomainCheckpointPtr checkpoint)
{
    VIR_DEBUG("checkpoint=%p", (void *)checkpoint);

    virResetLastError();

    virCheckDomainCheckpointReturn(checkpoint, NULL);

    /* Borrowed: the checkpoint holds the reference. */
    return checkpoint->domain;
}


virDomainCheckpointPtr
virDomainCheckpointGetParent(virDomainCheckpointPtr checkpoint,
                             unsigned int flags)
{
    virConnectPtr conn;
    virDomainCheckpointPtr parent;

    VIR_DEBUG("checkpoint=%p, flags=0x%x", (void *)checkpoint, flags);

    virResetLastError();

    virCheckDomainCheckpointReturn(checkpoint, NULL);
    conn = checkpoint->domain->conn;

    if (!conn->driver || !conn->driver->domainCheckpointGetParent) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(parent = conn->driver->domainCheckpointGetParent(checkpoint, flags)))
        goto error;
    return parent;

 error:
    virDispatchError(conn);
    return NULL;
}


virDomainCheckpointPtr
virDomainCheckpointLookupByName(virDomainPtr domain, const char *name,
                                unsigned int flags)
{
    virConnectPtr conn;
    virDomainCheckpointPtr checkpoint;

    VIR_DEBUG("dom=%p, name=%s, flags=0x%x", (void *)domain, NULLSTR(name),
              flags);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    conn = domain->conn;

    virCheckNonNullArgGoto(name, error);

    if (!conn->driver || !conn->driver->domainCheckpointLookupByName) {
        virReportUnsupportedError();
        goto error;
    }
    checkpoint = conn->driver->domainCheckpointLookupByName(domain, name, flags);
    if (!checkpoint)
        goto error;
    return checkpoint;

 error:
    virDispatchError(conn);
    return NULL;
}
