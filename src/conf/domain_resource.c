/*
 * domain_resource.c: <resource>: partition and fibre channel app id.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_resource.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainResourceDef *
virDomainResourceNew(void)
{
    return g_new0(virDomainResourceDef, 1);
}

void
virDomainResourceFree(virDomainResourceDef *part)
{
    g_free(part);
}

int
virDomainDefResourceParseXML(xmlNodePtr root G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefResourcePostParse(virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefResourceFormat(virBuffer *buf G_GNUC_UNUSED,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
