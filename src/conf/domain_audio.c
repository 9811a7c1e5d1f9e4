/*
 * domain_audio.c: the <audio> device family.
 *
 * PLACEHOLDER: parses nothing and formats nothing yet.
 */
#include "domain_audio.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainAudioDef *
virDomainAudioDefParseXML(xmlNodePtr node G_GNUC_UNUSED,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    return g_new0(virDomainAudioDef, 1);
}

int
virDomainAudioDefFormat(virBuffer *buf G_GNUC_UNUSED,
                        const virDomainAudioDef *dev G_GNUC_UNUSED,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

void
virDomainAudioDefFree(virDomainAudioDef *dev)
{
    g_free(dev);
}
