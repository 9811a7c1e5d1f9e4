/*
 * domain_rng.c: the <rng> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_rng.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainRNGDef *
virDomainRNGDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainRNGDef, 1);
}

int
virDomainRNGDefFormat(virBuffer *buf G_GNUC_UNUSED,
                      const virDomainRNGDef *dev G_GNUC_UNUSED,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainRNGDefFree(virDomainRNGDef *dev)
{
    g_free(dev);
}
