/*
 * domain_watchdog.c: the <watchdog> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_watchdog.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainWatchdogDef *
virDomainWatchdogDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainWatchdogDef, 1);
}

int
virDomainWatchdogDefFormat(virBuffer *buf G_GNUC_UNUSED,
                           const virDomainWatchdogDef *dev G_GNUC_UNUSED,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainWatchdogDefFree(virDomainWatchdogDef *dev)
{
    g_free(dev);
}
