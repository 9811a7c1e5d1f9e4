/*
 * domain_audio.c: the <audio> device family.
 *
 * Each backend reads its own attributes on <audio>, <input> and <output>;
 * what another backend would read is left unconsumed, as upstream ignores
 * it too.
 */
#include "domain_audio.h"
#include "device_info.h"
#include "domain_graphics.h"
#include "domain_sound.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainAudioType, VIR_DOMAIN_AUDIO_TYPE_LAST,
              "none", "alsa", "coreaudio", "jack", "oss", "pulseaudio",
              "sdl", "spice", "file", "dbus");

VIR_ENUM_IMPL(virDomainAudioSDLDriver, VIR_DOMAIN_AUDIO_SDL_DRIVER_LAST,
              "", "esd", "alsa", "arts", "pulseaudio");

VIR_ENUM_IMPL(virDomainAudioFormat, VIR_DOMAIN_AUDIO_FORMAT_LAST,
              "", "u8", "s8", "u16", "s16", "u32", "s32", "f32");

static int
virDomainAudioIOCommonParseXML(xmlNodePtr node, virDomainAudioIO *io)
{
    xmlNodePtr settings = virXMLChild(node, "settings");

    if (virXMLPropTristateBool(node, "mixingEngine", VIR_XML_PROP_NONE,
                               &io->mixingEngine) < 0 ||
        virXMLPropTristateBool(node, "fixedSettings", VIR_XML_PROP_NONE,
                               &io->fixedSettings) < 0)
        return -1;

    if (io->fixedSettings == VIR_TRISTATE_BOOL_YES &&
        io->mixingEngine != VIR_TRISTATE_BOOL_YES) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "fixed audio settings requires mixing engine");
        return -1;
    }

    if (virXMLPropUInt(node, "voices", 10, VIR_XML_PROP_NONZERO,
                       &io->voices) < 0 ||
        virXMLPropUInt(node, "bufferLength", 10, VIR_XML_PROP_NONZERO,
                       &io->bufferLength) < 0)
        return -1;

    if (!settings)
        return 0;

    if (io->fixedSettings != VIR_TRISTATE_BOOL_YES) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "audio settings specified without fixed settings flag");
        return -1;
    }

    if (virXMLPropUInt(settings, "frequency", 10, VIR_XML_PROP_NONZERO,
                       &io->frequency) < 0 ||
        virXMLPropUInt(settings, "channels", 10, VIR_XML_PROP_NONZERO,
                       &io->channels) < 0 ||
        virXMLPropEnum(settings, "format", virDomainAudioFormatTypeFromString,
                       VIR_XML_PROP_NONZERO, (int *)&io->format) < 0)
        return -1;

    return 0;
}

/* The attributes of one direction that belong to backend type. */
static int
virDomainAudioIOBackendParseXML(xmlNodePtr node, virDomainAudioType type,
                                virDomainAudioIO *io)
{
    switch (type) {
    case VIR_DOMAIN_AUDIO_TYPE_ALSA:
        io->dev = virXMLPropString(node, "dev");
        break;
    case VIR_DOMAIN_AUDIO_TYPE_COREAUDIO:
    case VIR_DOMAIN_AUDIO_TYPE_SDL:
        if (virXMLPropUInt(node, "bufferCount", 10, VIR_XML_PROP_NONE,
                           &io->bufferCount) < 0)
            return -1;
        break;
    case VIR_DOMAIN_AUDIO_TYPE_JACK:
        io->serverName = virXMLPropString(node, "serverName");
        io->clientName = virXMLPropString(node, "clientName");
        io->connectPorts = virXMLPropString(node, "connectPorts");
        if (virXMLPropTristateBool(node, "exactName", VIR_XML_PROP_NONE,
                                   &io->exactName) < 0)
            return -1;
        break;
    case VIR_DOMAIN_AUDIO_TYPE_OSS:
        io->dev = virXMLPropString(node, "dev");
        if (virXMLPropTristateBool(node, "tryPoll", VIR_XML_PROP_NONE,
                                   &io->tryPoll) < 0 ||
            virXMLPropUInt(node, "bufferCount", 10, VIR_XML_PROP_NONE,
                           &io->bufferCount) < 0)
            return -1;
        break;
    case VIR_DOMAIN_AUDIO_TYPE_PULSEAUDIO:
        io->name = virXMLPropString(node, "name");
        io->streamName = virXMLPropString(node, "streamName");
        if (virXMLPropUInt(node, "latency", 10, VIR_XML_PROP_NONE,
                           &io->latency) < 0)
            return -1;
        break;
    case VIR_DOMAIN_AUDIO_TYPE_NONE:
    case VIR_DOMAIN_AUDIO_TYPE_SPICE:
    case VIR_DOMAIN_AUDIO_TYPE_FILE:
    case VIR_DOMAIN_AUDIO_TYPE_DBUS:
    case VIR_DOMAIN_AUDIO_TYPE_LAST:
        break;
    }
    return 0;
}

static int
virDomainAudioIOParseXML(xmlNodePtr node, virDomainAudioType type,
                         virDomainAudioIO *io)
{
    if (!node)
        return 0;
    if (virDomainAudioIOCommonParseXML(node, io) < 0 ||
        virDomainAudioIOBackendParseXML(node, type, io) < 0)
        return -1;
    return 0;
}

static int
virDomainAudioBackendParseXML(xmlNodePtr node, virDomainAudioDef *audio)
{
    int rc;

    switch (audio->type) {
    case VIR_DOMAIN_AUDIO_TYPE_OSS:
        if (virXMLPropTristateBool(node, "tryMMap", VIR_XML_PROP_NONE,
                                   &audio->tryMMap) < 0 ||
            virXMLPropTristateBool(node, "exclusive", VIR_XML_PROP_NONE,
                                   &audio->exclusive) < 0)
            return -1;
        if ((rc = virXMLPropInt(node, "dspPolicy", 10, VIR_XML_PROP_NONE,
                                &audio->dspPolicy)) < 0)
            return -1;
        if (rc > 0) {
            if (audio->dspPolicy < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "cannot parse 'dspPolicy' value '%i'",
                               audio->dspPolicy);
                return -1;
            }
            audio->dspPolicySet = true;
        }
        break;
    case VIR_DOMAIN_AUDIO_TYPE_PULSEAUDIO:
        audio->serverName = virXMLPropString(node, "serverName");
        break;
    case VIR_DOMAIN_AUDIO_TYPE_SDL:
        if (virXMLPropEnum(node, "driver",
                           virDomainAudioSDLDriverTypeFromString,
                           VIR_XML_PROP_NONZERO,
                           (int *)&audio->sdlDriver) < 0)
            return -1;
        break;
    case VIR_DOMAIN_AUDIO_TYPE_FILE:
        audio->path = virXMLPropString(node, "path");
        break;
    case VIR_DOMAIN_AUDIO_TYPE_NONE:
    case VIR_DOMAIN_AUDIO_TYPE_ALSA:
    case VIR_DOMAIN_AUDIO_TYPE_COREAUDIO:
    case VIR_DOMAIN_AUDIO_TYPE_JACK:
    case VIR_DOMAIN_AUDIO_TYPE_SPICE:
    case VIR_DOMAIN_AUDIO_TYPE_DBUS:
    case VIR_DOMAIN_AUDIO_TYPE_LAST:
        break;
    }
    return 0;
}

virDomainAudioDef *
virDomainAudioDefParseXML(xmlNodePtr node,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virDomainAudioDef) audio = g_new0(virDomainAudioDef, 1);

    if (virXMLPropEnum(node, "type", virDomainAudioTypeTypeFromString,
                       VIR_XML_PROP_REQUIRED, (int *)&audio->type) < 0 ||
        virXMLPropUInt(node, "id", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &audio->id) < 0 ||
        virXMLPropUInt(node, "timerPeriod", 10, VIR_XML_PROP_NONZERO,
                       &audio->timerPeriod) < 0)
        return NULL;

    if (virDomainAudioIOParseXML(virXMLChild(node, "input"), audio->type,
                                 &audio->input) < 0 ||
        virDomainAudioIOParseXML(virXMLChild(node, "output"), audio->type,
                                 &audio->output) < 0 ||
        virDomainAudioBackendParseXML(node, audio) < 0)
        return NULL;

    return g_steal_pointer(&audio);
}

static void
virDomainAudioIOBackendFormat(virBuffer *attrBuf, virDomainAudioType type,
                              const virDomainAudioIO *io)
{
    switch (type) {
    case VIR_DOMAIN_AUDIO_TYPE_ALSA:
        virBufferEscapeString(attrBuf, " dev='%s'", io->dev);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_COREAUDIO:
    case VIR_DOMAIN_AUDIO_TYPE_SDL:
        if (io->bufferCount)
            virBufferAsprintf(attrBuf, " bufferCount='%u'", io->bufferCount);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_JACK:
        virBufferEscapeString(attrBuf, " serverName='%s'", io->serverName);
        virBufferEscapeString(attrBuf, " clientName='%s'", io->clientName);
        virBufferEscapeString(attrBuf, " connectPorts='%s'",
                              io->connectPorts);
        virDomainTristateBoolAttrFormat(attrBuf, "exactName", io->exactName);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_OSS:
        virBufferEscapeString(attrBuf, " dev='%s'", io->dev);
        if (io->bufferCount)
            virBufferAsprintf(attrBuf, " bufferCount='%u'", io->bufferCount);
        virDomainTristateBoolAttrFormat(attrBuf, "tryPoll", io->tryPoll);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_PULSEAUDIO:
        virBufferEscapeString(attrBuf, " name='%s'", io->name);
        virBufferEscapeString(attrBuf, " streamName='%s'", io->streamName);
        if (io->latency)
            virBufferAsprintf(attrBuf, " latency='%u'", io->latency);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_NONE:
    case VIR_DOMAIN_AUDIO_TYPE_SPICE:
    case VIR_DOMAIN_AUDIO_TYPE_FILE:
    case VIR_DOMAIN_AUDIO_TYPE_DBUS:
    case VIR_DOMAIN_AUDIO_TYPE_LAST:
        break;
    }
}

static void
virDomainAudioIOFormat(virBuffer *childBuf, const char *name,
                       virDomainAudioType type, const virDomainAudioIO *io)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) ioChildBuf = VIR_BUFFER_INIT_CHILD(childBuf);

    virDomainTristateBoolAttrFormat(&attrBuf, "mixingEngine", io->mixingEngine);
    virDomainTristateBoolAttrFormat(&attrBuf, "fixedSettings",
                                    io->fixedSettings);
    if (io->voices)
        virBufferAsprintf(&attrBuf, " voices='%u'", io->voices);
    if (io->bufferLength)
        virBufferAsprintf(&attrBuf, " bufferLength='%u'", io->bufferLength);
    virDomainAudioIOBackendFormat(&attrBuf, type, io);

    /* With fixed settings, <settings> is written even when empty. */
    if (io->fixedSettings == VIR_TRISTATE_BOOL_YES) {
        g_auto(virBuffer) settingsBuf = VIR_BUFFER_INITIALIZER;

        if (io->frequency)
            virBufferAsprintf(&settingsBuf, " frequency='%u'", io->frequency);
        if (io->channels)
            virBufferAsprintf(&settingsBuf, " channels='%u'", io->channels);
        if (io->format)
            virBufferAsprintf(&settingsBuf, " format='%s'",
                              virDomainAudioFormatTypeToString(io->format));
        virXMLFormatElementEmpty(&ioChildBuf, "settings", &settingsBuf, NULL);
    }

    virXMLFormatElement(childBuf, name, &attrBuf, &ioChildBuf);
}

int
virDomainAudioDefFormat(virBuffer *buf,
                        const virDomainAudioDef *audio,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " id='%u' type='%s'", audio->id,
                      virDomainAudioTypeTypeToString(audio->type));
    if (audio->timerPeriod)
        virBufferAsprintf(&attrBuf, " timerPeriod='%u'", audio->timerPeriod);

    switch (audio->type) {
    case VIR_DOMAIN_AUDIO_TYPE_OSS:
        virDomainTristateBoolAttrFormat(&attrBuf, "tryMMap", audio->tryMMap);
        virDomainTristateBoolAttrFormat(&attrBuf, "exclusive",
                                        audio->exclusive);
        if (audio->dspPolicySet)
            virBufferAsprintf(&attrBuf, " dspPolicy='%d'", audio->dspPolicy);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_PULSEAUDIO:
        virBufferEscapeString(&attrBuf, " serverName='%s'",
                              audio->serverName);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_SDL:
        if (audio->sdlDriver)
            virBufferAsprintf(&attrBuf, " driver='%s'",
                              virDomainAudioSDLDriverTypeToString(
                                  audio->sdlDriver));
        break;
    case VIR_DOMAIN_AUDIO_TYPE_FILE:
        virBufferEscapeString(&attrBuf, " path='%s'", audio->path);
        break;
    case VIR_DOMAIN_AUDIO_TYPE_NONE:
    case VIR_DOMAIN_AUDIO_TYPE_ALSA:
    case VIR_DOMAIN_AUDIO_TYPE_COREAUDIO:
    case VIR_DOMAIN_AUDIO_TYPE_JACK:
    case VIR_DOMAIN_AUDIO_TYPE_SPICE:
    case VIR_DOMAIN_AUDIO_TYPE_DBUS:
    case VIR_DOMAIN_AUDIO_TYPE_LAST:
        break;
    }

    virDomainAudioIOFormat(&childBuf, "input", audio->type, &audio->input);
    virDomainAudioIOFormat(&childBuf, "output", audio->type, &audio->output);

    virXMLFormatElement(buf, "audio", &attrBuf, &childBuf);
    return 0;
}

static void
virDomainAudioIOClear(virDomainAudioIO *io)
{
    g_free(io->dev);
    g_free(io->serverName);
    g_free(io->clientName);
    g_free(io->connectPorts);
    g_free(io->name);
    g_free(io->streamName);
}

void
virDomainAudioDefFree(virDomainAudioDef *audio)
{
    if (!audio)
        return;
    virDomainAudioIOClear(&audio->input);
    virDomainAudioIOClear(&audio->output);
    g_free(audio->serverName);
    g_free(audio->path);
    g_free(audio);
}

/* An id of 0 refers to no backend. */
static int
virDomainAudioEnsureID(const virDomainDef *def, unsigned int id)
{
    size_t i;

    if (id == 0)
        return 0;
    for (i = 0; i < def->devices->naudios; i++) {
        if (def->devices->audios[i]->id == id)
            return 0;
    }
    virReportError(VIR_ERR_XML_ERROR, "no audio device with ID %u", id);
    return -1;
}

int
virDomainAudioDefsPostParse(virDomainDef *def,
                            unsigned int flags G_GNUC_UNUSED)
{
    const virDomainDevices *devs = def->devices;
    size_t i;
    size_t j;

    for (i = 0; i < devs->nsounds; i++) {
        if (virDomainAudioEnsureID(def, devs->sounds[i]->audioId) < 0)
            return -1;
    }
    for (i = 0; i < devs->ngraphics; i++) {
        if (devs->graphics[i]->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
            virDomainAudioEnsureID(def, devs->graphics[i]->audioId) < 0)
            return -1;
    }
    for (i = 0; i < devs->naudios; i++) {
        for (j = i + 1; j < devs->naudios; j++) {
            if (devs->audios[i]->id == devs->audios[j]->id) {
                virReportError(VIR_ERR_XML_ERROR,
                               "audio ID %u is used multiple times",
                               devs->audios[i]->id);
                return -1;
            }
        }
    }
    return 0;
}
