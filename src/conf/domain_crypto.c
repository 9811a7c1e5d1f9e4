/*
 * domain_crypto.c: the <crypto> device family as libvirt 9.0 treats it:
 * an element it does not know, dropped on parse (and rejected by schema
 * validation), so nothing is ever formatted.
 */
#include "domain_crypto.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainCryptoDef *
virDomainCryptoDefParseXML(xmlNodePtr node,
                           virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags)
{
    virDomainCryptoDef *dev;

    if (flags & VIR_DOMAIN_DEF_PARSE_VALIDATE) {
        g_autofree char *path = virXMLNodePath(node);

        virReportError(VIR_ERR_XML_INVALID_SCHEMA,
                       "unexpected element '%s' at %s",
                       (const char *)node->name, path);
        return NULL;
    }
    dev = g_new0(virDomainCryptoDef, 1);
    dev->dropped = true;
    return dev;
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
