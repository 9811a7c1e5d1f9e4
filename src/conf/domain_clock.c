/*
 * domain_clock.c: <clock> with its timers.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_clock.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainClockDef *
virDomainClockNew(void)
{
    return g_new0(virDomainClockDef, 1);
}

void
virDomainClockFree(virDomainClockDef *part)
{
    g_free(part);
}

int
virDomainDefClockParseXML(xmlNodePtr root G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefClockPostParse(virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefClockFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
