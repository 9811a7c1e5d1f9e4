/*
 * domain_input.c: the <input> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_input.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainInputDef *
virDomainInputDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainInputDef, 1);
}

int
virDomainInputDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainInputDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainInputDefFree(virDomainInputDef *dev)
{
    g_free(dev);
}
