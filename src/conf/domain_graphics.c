/*
 * domain_graphics.c: the <graphics> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_graphics.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainGraphicsDef *
virDomainGraphicsDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainGraphicsDef, 1);
}

int
virDomainGraphicsDefFormat(virBuffer *buf G_GNUC_UNUSED,
                           const virDomainGraphicsDef *dev G_GNUC_UNUSED,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainGraphicsDefFree(virDomainGraphicsDef *dev)
{
    g_free(dev);
}
