/*
 * domain_hub.c: the <hub> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_hub.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainHubDef *
virDomainHubDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainHubDef, 1);
}

int
virDomainHubDefFormat(virBuffer *buf G_GNUC_UNUSED,
                      const virDomainHubDef *dev G_GNUC_UNUSED,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainHubDefFree(virDomainHubDef *dev)
{
    g_free(dev);
}
