/*
 * domain_smartcard.c: the <smartcard> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_smartcard.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainSmartcardDef *
virDomainSmartcardDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                              virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainSmartcardDef, 1);
}

int
virDomainSmartcardDefFormat(virBuffer *buf G_GNUC_UNUSED,
                            const virDomainSmartcardDef *dev G_GNUC_UNUSED,
                            const virDomainDef *def G_GNUC_UNUSED,
                            unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainSmartcardDefFree(virDomainSmartcardDef *dev)
{
    g_free(dev);
}
