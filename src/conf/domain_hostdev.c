/*
 * domain_hostdev.c: the <hostdev> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_hostdev.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainHostdevDef *
virDomainHostdevDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                            virDomainDef *def G_GNUC_UNUSED,
                            unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainHostdevDef, 1);
}

int
virDomainHostdevDefFormat(virBuffer *buf G_GNUC_UNUSED,
                          const virDomainHostdevDef *dev G_GNUC_UNUSED,
                          const virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainHostdevDefFree(virDomainHostdevDef *dev)
{
    g_free(dev);
}
