/*
 * domain_vsock.c: the <vsock> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_vsock.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainVsockDef *
virDomainVsockDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainVsockDef, 1);
}

int
virDomainVsockDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainVsockDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainVsockDefFree(virDomainVsockDef *dev)
{
    g_free(dev);
}
