/*
 * domain_video.c: the <video> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_video.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainVideoDef *
virDomainVideoDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainVideoDef, 1);
}

int
virDomainVideoDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainVideoDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainVideoDefFree(virDomainVideoDef *dev)
{
    g_free(dev);
}
