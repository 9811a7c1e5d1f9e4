/*
 * domain_lease.c: the <lease> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_lease.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainLeaseDef *
virDomainLeaseDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainLeaseDef, 1);
}

int
virDomainLeaseDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainLeaseDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainLeaseDefFree(virDomainLeaseDef *dev)
{
    g_free(dev);
}
