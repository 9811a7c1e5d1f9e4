/*
 * domain_sound.h: the <sound> device family: emulated sound cards with
 * their HDA codecs and the <audio> backend they play through.
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"

typedef enum {
    VIR_DOMAIN_SOUND_CODEC_TYPE_DUPLEX,
    VIR_DOMAIN_SOUND_CODEC_TYPE_MICRO,
    VIR_DOMAIN_SOUND_CODEC_TYPE_OUTPUT,
    VIR_DOMAIN_SOUND_CODEC_TYPE_LAST
} virDomainSoundCodecType;
VIR_ENUM_DECL(virDomainSoundCodec);

typedef enum {
    VIR_DOMAIN_SOUND_MODEL_SB16,
    VIR_DOMAIN_SOUND_MODEL_ES1370,
    VIR_DOMAIN_SOUND_MODEL_PCSPK,
    VIR_DOMAIN_SOUND_MODEL_AC97,
    VIR_DOMAIN_SOUND_MODEL_ICH6,
    VIR_DOMAIN_SOUND_MODEL_ICH9,
    VIR_DOMAIN_SOUND_MODEL_USB,
    VIR_DOMAIN_SOUND_MODEL_ICH7,
    VIR_DOMAIN_SOUND_MODEL_LAST
} virDomainSoundModel;
VIR_ENUM_DECL(virDomainSoundModel);

struct _virDomainSoundDef {
    virDomainSoundModel model;
    virDomainSoundCodecType *codecs; /* only for the HDA models */
    size_t ncodecs;
    unsigned int audioId; /* 0: no <audio> */
    virDomainDeviceInfo info;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSoundDef, virDomainSoundDefFree);
