/*
 * domain_net.c: the <interface> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_net.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainNetDef *
virDomainNetDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainNetDef, 1);
}

int
virDomainNetDefFormat(virBuffer *buf G_GNUC_UNUSED,
                      const virDomainNetDef *dev G_GNUC_UNUSED,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainNetDefFree(virDomainNetDef *dev)
{
    g_free(dev);
}
