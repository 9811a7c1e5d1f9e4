/*
 * domain_disk.c: the <disk> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_disk.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainDiskDef *
virDomainDiskDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                         virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainDiskDef, 1);
}

int
virDomainDiskDefFormat(virBuffer *buf G_GNUC_UNUSED,
                       const virDomainDiskDef *dev G_GNUC_UNUSED,
                       const virDomainDef *def G_GNUC_UNUSED,
                       unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainDiskDefFree(virDomainDiskDef *dev)
{
    g_free(dev);
}
