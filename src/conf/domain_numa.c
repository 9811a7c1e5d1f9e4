/*
 * domain_numa.c: <numatune> and the NUMA cells that <cpu> describes.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_numa.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainNumaDef *
virDomainNumatuneNew(void)
{
    return g_new0(virDomainNumaDef, 1);
}

void
virDomainNumatuneFree(virDomainNumaDef *part)
{
    g_free(part);
}

int
virDomainDefNumatuneParseXML(xmlNodePtr root G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefNumatunePostParse(virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefNumatuneFormat(virBuffer *buf G_GNUC_UNUSED,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
