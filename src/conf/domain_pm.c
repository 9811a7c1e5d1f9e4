/*
 * domain_pm.c: <pm> and <perf>.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_pm.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainPMDef *
virDomainPMNew(void)
{
    return g_new0(virDomainPMDef, 1);
}

void
virDomainPMFree(virDomainPMDef *part)
{
    g_free(part);
}

int
virDomainDefPMParseXML(xmlNodePtr root G_GNUC_UNUSED,
                       virDomainDef *def G_GNUC_UNUSED,
                       unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefPMPostParse(virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefPMFormat(virBuffer *buf G_GNUC_UNUSED,
                     const virDomainDef *def G_GNUC_UNUSED,
                     unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
