/*
 * domain_redirfilter.c: the <redirfilter> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_redirfilter.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainRedirFilterDef *
virDomainRedirFilterDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                                virDomainDef *def G_GNUC_UNUSED,
                                unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainRedirFilterDef, 1);
}

int
virDomainRedirFilterDefFormat(virBuffer *buf G_GNUC_UNUSED,
                              const virDomainRedirFilterDef *dev G_GNUC_UNUSED,
                              const virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainRedirFilterDefFree(virDomainRedirFilterDef *dev)
{
    g_free(dev);
}
