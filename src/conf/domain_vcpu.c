/*
 * domain_vcpu.c: <vcpu>, <vcpus>, <iothreads> and <cputune>.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_vcpu.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainVcpuSection *
virDomainVcpuNew(void)
{
    return g_new0(virDomainVcpuSection, 1);
}

void
virDomainVcpuFree(virDomainVcpuSection *part)
{
    g_free(part);
}

int
virDomainDefVcpuParseXML(xmlNodePtr root G_GNUC_UNUSED,
                         virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefVcpuPostParse(virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefVcpuFormat(virBuffer *buf G_GNUC_UNUSED,
                       const virDomainDef *def G_GNUC_UNUSED,
                       unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
