/*
 * domain_sound.c: the <sound> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_sound.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainSoundDef *
virDomainSoundDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainSoundDef, 1);
}

int
virDomainSoundDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainSoundDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainSoundDefFree(virDomainSoundDef *dev)
{
    g_free(dev);
}
