/*
 * domain_chr.c: the <serial>, <parallel>, <console> and <channel> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_chr.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainChrDef *
virDomainChrDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainChrDef, 1);
}

int
virDomainChrDefFormat(virBuffer *buf G_GNUC_UNUSED,
                      const virDomainChrDef *dev G_GNUC_UNUSED,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainChrDefFree(virDomainChrDef *dev)
{
    g_free(dev);
}

int
virDomainChrDefsPostParse(virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
