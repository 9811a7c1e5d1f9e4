/*
 * domain_controller.c: the <controller> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_controller.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainControllerDef *
virDomainControllerDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                               virDomainDef *def G_GNUC_UNUSED,
                               unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainControllerDef, 1);
}

int
virDomainControllerDefFormat(virBuffer *buf G_GNUC_UNUSED,
                             const virDomainControllerDef *dev G_GNUC_UNUSED,
                             const virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainControllerDefFree(virDomainControllerDef *dev)
{
    g_free(dev);
}
