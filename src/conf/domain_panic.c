/*
 * domain_panic.c: the <panic> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_panic.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainPanicDef *
virDomainPanicDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainPanicDef, 1);
}

int
virDomainPanicDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainPanicDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainPanicDefFree(virDomainPanicDef *dev)
{
    g_free(dev);
}
