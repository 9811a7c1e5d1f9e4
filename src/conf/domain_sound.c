/*
 * domain_sound.c: the <sound> device family.
 *
 * Only the Intel HDA models (ich6, ich9) have <codec> children; upstream
 * leaves them unread on the other models, and so do we.
 */
#include "domain_sound.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainSoundCodec, VIR_DOMAIN_SOUND_CODEC_TYPE_LAST,
              "duplex", "micro", "output");

VIR_ENUM_IMPL(virDomainSoundModel, VIR_DOMAIN_SOUND_MODEL_LAST,
              "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb",
              "ich7");

static int
virDomainSoundCodecsParseXML(xmlNodePtr node, virDomainSoundDef *sound)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "codec", &nodes);
    size_t i;

    sound->codecs = g_new0(virDomainSoundCodecType, n);
    for (i = 0; i < n; i++) {
        g_autofree char *type = virXMLPropString(nodes[i], "type");
        int val;

        if (!type || (val = virDomainSoundCodecTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown codec type '%s'", NULLSTR(type));
            return -1;
        }
        sound->codecs[sound->ncodecs++] = val;
    }
    return 0;
}

virDomainSoundDef *
virDomainSoundDefParseXML(xmlNodePtr node,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags)
{
    g_autoptr(virDomainSoundDef) sound = g_new0(virDomainSoundDef, 1);
    xmlNodePtr audio;

    if (virXMLPropEnum(node, "model", virDomainSoundModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, (int *)&sound->model) < 0)
        return NULL;

    if ((sound->model == VIR_DOMAIN_SOUND_MODEL_ICH6 ||
         sound->model == VIR_DOMAIN_SOUND_MODEL_ICH9) &&
        virDomainSoundCodecsParseXML(node, sound) < 0)
        return NULL;

    if ((audio = virXMLChild(node, "audio")) &&
        virXMLPropUInt(audio, "id", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &sound->audioId) < 0)
        return NULL;

    if (virDomainDeviceInfoParseXML(node, &sound->info, flags) < 0)
        return NULL;

    return g_steal_pointer(&sound);
}

int
virDomainSoundDefFormat(virBuffer *buf,
                        const virDomainSoundDef *sound,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < sound->ncodecs; i++)
        virBufferAsprintf(&childBuf, "<codec type='%s'/>\n",
                          virDomainSoundCodecTypeToString(sound->codecs[i]));
    if (sound->audioId > 0)
        virBufferAsprintf(&childBuf, "<audio id='%u'/>\n", sound->audioId);
    virDomainDeviceInfoFormat(&childBuf, &sound->info, flags);

    virBufferAsprintf(&attrBuf, " model='%s'",
                      virDomainSoundModelTypeToString(sound->model));
    virXMLFormatElement(buf, "sound", &attrBuf, &childBuf);
    return 0;
}

void
virDomainSoundDefFree(virDomainSoundDef *sound)
{
    if (!sound)
        return;
    g_free(sound->codecs);
    virDomainDeviceInfoClear(&sound->info);
    g_free(sound);
}
