/*
 * domain_features.c: <features>.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_features.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainFeaturesDef *
virDomainFeaturesNew(void)
{
    return g_new0(virDomainFeaturesDef, 1);
}

void
virDomainFeaturesFree(virDomainFeaturesDef *part)
{
    g_free(part);
}

int
virDomainDefFeaturesParseXML(xmlNodePtr root G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefFeaturesPostParse(virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefFeaturesFormat(virBuffer *buf G_GNUC_UNUSED,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}
