/*
 * domain_memory.c: <maxMemory>, <memory>, <currentMemory>, <blkiotune>, <memtune> and <memoryBacking>.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_memory.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainMemDef *
virDomainMemNew(void)
{
    return g_new0(virDomainMemDef, 1);
}

void
virDomainMemFree(virDomainMemDef *part)
{
    g_free(part);
}

int
virDomainDefMemParseXML(xmlNodePtr root G_GNUC_UNUSED,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefMemPostParse(virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefMemFormat(virBuffer *buf G_GNUC_UNUSED,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
