/*
 * domain_os.c: <bootloader>, <os> in its three boot modes and the container form, <idmap>.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_os.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainOSDef *
virDomainOSNew(void)
{
    return g_new0(virDomainOSDef, 1);
}

void
virDomainOSFree(virDomainOSDef *part)
{
    g_free(part);
}

int
virDomainDefOSParseXML(xmlNodePtr root G_GNUC_UNUSED,
                       virDomainDef *def G_GNUC_UNUSED,
                       unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefOSPostParse(virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefOSFormat(virBuffer *buf G_GNUC_UNUSED,
                     const virDomainDef *def G_GNUC_UNUSED,
                     unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
