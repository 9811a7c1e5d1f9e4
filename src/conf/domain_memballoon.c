/*
 * domain_memballoon.c: the <memballoon> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_memballoon.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainMemballoonDef *
virDomainMemballoonDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                               virDomainDef *def G_GNUC_UNUSED,
                               unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainMemballoonDef, 1);
}

int
virDomainMemballoonDefFormat(virBuffer *buf G_GNUC_UNUSED,
                             const virDomainMemballoonDef *dev G_GNUC_UNUSED,
                             const virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainMemballoonDefFree(virDomainMemballoonDef *dev)
{
    g_free(dev);
}
