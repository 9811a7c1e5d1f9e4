/*
 * domain_fs.c: the <filesystem> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_fs.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainFSDef *
virDomainFSDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                       virDomainDef *def G_GNUC_UNUSED,
                       unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainFSDef, 1);
}

int
virDomainFSDefFormat(virBuffer *buf G_GNUC_UNUSED,
                     const virDomainFSDef *dev G_GNUC_UNUSED,
                     const virDomainDef *def G_GNUC_UNUSED,
                     unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainFSDefFree(virDomainFSDef *dev)
{
    g_free(dev);
}
