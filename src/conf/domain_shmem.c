/*
 * domain_shmem.c: the <shmem> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_shmem.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainShmemDef *
virDomainShmemDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainShmemDef, 1);
}

int
virDomainShmemDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainShmemDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainShmemDefFree(virDomainShmemDef *dev)
{
    g_free(dev);
}
