/*
 * domain_nvram.c: the <nvram> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_nvram.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainNVRAMDef *
virDomainNVRAMDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainNVRAMDef, 1);
}

int
virDomainNVRAMDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainNVRAMDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainNVRAMDefFree(virDomainNVRAMDef *dev)
{
    g_free(dev);
}
