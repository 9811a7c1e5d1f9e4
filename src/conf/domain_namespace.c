/*
 * domain_namespace.c: driver namespaces such as <qemu:commandline>.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_namespace.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainNamespaceDef *
virDomainNamespaceNew(void)
{
    return g_new0(virDomainNamespaceDef, 1);
}

void
virDomainNamespaceFree(virDomainNamespaceDef *part)
{
    g_free(part);
}

int
virDomainDefNamespaceParseXML(xmlNodePtr root G_GNUC_UNUSED,
                              virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefNamespacePostParse(virDomainDef *def G_GNUC_UNUSED,
                               unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefNamespaceFormat(virBuffer *buf G_GNUC_UNUSED,
                            const virDomainDef *def G_GNUC_UNUSED,
                            unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainDefNamespaceFormatRootAttrs(virBuffer *buf G_GNUC_UNUSED,
                                     const virDomainDef *def G_GNUC_UNUSED)
{
}
