/*
 * domain_crypto.c: the <crypto> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_crypto.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainCryptoDef *
virDomainCryptoDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                           virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainCryptoDef, 1);
}

int
virDomainCryptoDefFormat(virBuffer *buf G_GNUC_UNUSED,
                         const virDomainCryptoDef *dev G_GNUC_UNUSED,
                         const virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainCryptoDefFree(virDomainCryptoDef *dev)
{
    g_free(dev);
}
