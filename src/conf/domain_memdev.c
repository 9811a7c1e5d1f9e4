/*
 * domain_memdev.c: the <memory> devices (DIMMs, NVDIMMs, virtio-mem) device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_memdev.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainMemoryDef *
virDomainMemoryDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                           virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainMemoryDef, 1);
}

int
virDomainMemoryDefFormat(virBuffer *buf G_GNUC_UNUSED,
                         const virDomainMemoryDef *dev G_GNUC_UNUSED,
                         const virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainMemoryDefFree(virDomainMemoryDef *dev)
{
    g_free(dev);
}
