/*
 * domain_redirdev.c: the <redirdev> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_redirdev.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainRedirdevDef *
virDomainRedirdevDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainRedirdevDef, 1);
}

int
virDomainRedirdevDefFormat(virBuffer *buf G_GNUC_UNUSED,
                           const virDomainRedirdevDef *dev G_GNUC_UNUSED,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainRedirdevDefFree(virDomainRedirdevDef *dev)
{
    g_free(dev);
}
