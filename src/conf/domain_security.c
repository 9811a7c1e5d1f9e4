/*
 * domain_security.c: <seclabel>, <keywrap> and <launchSecurity>.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_security.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainSecurityDef *
virDomainSecurityNew(void)
{
    return g_new0(virDomainSecurityDef, 1);
}

void
virDomainSecurityFree(virDomainSecurityDef *part)
{
    g_free(part);
}

int
virDomainDefSecurityParseXML(xmlNodePtr root G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefSecurityPostParse(virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefSecurityFormat(virBuffer *buf G_GNUC_UNUSED,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
