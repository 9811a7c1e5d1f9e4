/*
 * domain_audio.h: the <audio> device family: host audio backends that
 * sound cards and graphics refer to by id.
 */
#pragma once

#include "domain_devices.h"

typedef enum {
    VIR_DOMAIN_AUDIO_TYPE_NONE,
    VIR_DOMAIN_AUDIO_TYPE_ALSA,
    VIR_DOMAIN_AUDIO_TYPE_COREAUDIO,
    VIR_DOMAIN_AUDIO_TYPE_JACK,
    VIR_DOMAIN_AUDIO_TYPE_OSS,
    VIR_DOMAIN_AUDIO_TYPE_PULSEAUDIO,
    VIR_DOMAIN_AUDIO_TYPE_SDL,
    VIR_DOMAIN_AUDIO_TYPE_SPICE,
    VIR_DOMAIN_AUDIO_TYPE_FILE,
    VIR_DOMAIN_AUDIO_TYPE_DBUS,
    VIR_DOMAIN_AUDIO_TYPE_LAST
} virDomainAudioType;
VIR_ENUM_DECL(virDomainAudioType);

typedef enum {
    VIR_DOMAIN_AUDIO_SDL_DRIVER_DEFAULT,
    VIR_DOMAIN_AUDIO_SDL_DRIVER_ESD,
    VIR_DOMAIN_AUDIO_SDL_DRIVER_ALSA,
    VIR_DOMAIN_AUDIO_SDL_DRIVER_ARTS,
    VIR_DOMAIN_AUDIO_SDL_DRIVER_PULSEAUDIO,
    VIR_DOMAIN_AUDIO_SDL_DRIVER_LAST
} virDomainAudioSDLDriver;
VIR_ENUM_DECL(virDomainAudioSDLDriver);

typedef enum {
    VIR_DOMAIN_AUDIO_FORMAT_DEFAULT,
    VIR_DOMAIN_AUDIO_FORMAT_U8,
    VIR_DOMAIN_AUDIO_FORMAT_S8,
    VIR_DOMAIN_AUDIO_FORMAT_U16,
    VIR_DOMAIN_AUDIO_FORMAT_S16,
    VIR_DOMAIN_AUDIO_FORMAT_U32,
    VIR_DOMAIN_AUDIO_FORMAT_S32,
    VIR_DOMAIN_AUDIO_FORMAT_F32,
    VIR_DOMAIN_AUDIO_FORMAT_LAST
} virDomainAudioFormat;
VIR_ENUM_DECL(virDomainAudioFormat);

/* One direction (<input> or <output>): the settings every backend has,
 * then those only some backends read (see the .c for which). */
typedef struct _virDomainAudioIO virDomainAudioIO;
struct _virDomainAudioIO {
    virTristateBool mixingEngine;
    virTristateBool fixedSettings;
    unsigned int voices;
    unsigned int bufferLength;
    unsigned int frequency;   /* <settings>, only with fixedSettings */
    unsigned int channels;
    virDomainAudioFormat format;

    char *dev;                /* alsa, oss */
    unsigned int bufferCount; /* coreaudio, oss, sdl */
    virTristateBool tryPoll;  /* oss */
    char *serverName;         /* jack */
    char *clientName;
    char *connectPorts;
    virTristateBool exactName;
    char *name;               /* pulseaudio */
    char *streamName;
    unsigned int latency;
};

struct _virDomainAudioDef {
    virDomainAudioType type;
    unsigned int id;
    unsigned int timerPeriod;
    virDomainAudioIO input;
    virDomainAudioIO output;

    virTristateBool tryMMap;      /* oss */
    virTristateBool exclusive;
    bool dspPolicySet;
    int dspPolicy;
    char *serverName;             /* pulseaudio */
    virDomainAudioSDLDriver sdlDriver;
    char *path;                   /* file */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainAudioDef, virDomainAudioDefFree);
