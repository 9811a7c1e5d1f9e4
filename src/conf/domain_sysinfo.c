/*
 * domain_sysinfo.c: <sysinfo> blocks (smbios and fwcfg).
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_sysinfo.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainSysinfoSection *
virDomainSysinfoNew(void)
{
    return g_new0(virDomainSysinfoSection, 1);
}

void
virDomainSysinfoFree(virDomainSysinfoSection *part)
{
    g_free(part);
}

int
virDomainDefSysinfoParseXML(xmlNodePtr root G_GNUC_UNUSED,
                            virDomainDef *def G_GNUC_UNUSED,
                            unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefSysinfoPostParse(virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefSysinfoFormat(virBuffer *buf G_GNUC_UNUSED,
                          const virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
