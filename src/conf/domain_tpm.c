/*
 * domain_tpm.c: the <tpm> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_tpm.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainTPMDef *
virDomainTPMDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainTPMDef, 1);
}

int
virDomainTPMDefFormat(virBuffer *buf G_GNUC_UNUSED,
                      const virDomainTPMDef *dev G_GNUC_UNUSED,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainTPMDefFree(virDomainTPMDef *dev)
{
    g_free(dev);
}
