/*
 * domain_cpu.c: <cpu>: mode, model, vendor, topology, features.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_cpu.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainCPUDef *
virDomainCPUNew(void)
{
    return g_new0(virDomainCPUDef, 1);
}

void
virDomainCPUFree(virDomainCPUDef *part)
{
    g_free(part);
}

int
virDomainDefCPUParseXML(xmlNodePtr root G_GNUC_UNUSED,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefCPUPostParse(virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefCPUFormat(virBuffer *buf G_GNUC_UNUSED,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
