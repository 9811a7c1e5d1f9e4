/*
 * domain_iommu.c: the <iommu> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_iommu.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainIOMMUDef *
virDomainIOMMUDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainIOMMUDef, 1);
}

int
virDomainIOMMUDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainIOMMUDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainIOMMUDefFree(virDomainIOMMUDef *dev)
{
    g_free(dev);
}
