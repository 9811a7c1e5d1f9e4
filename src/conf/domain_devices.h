/*
 * domain_devices.h: the <devices> of a domain, one array per family.
 *
 * VIR_DOMAIN_DEVICE_FAMILIES lists the families in the order upstream
 * formats them; from that one list come the arrays of virDomainDevices,
 * the parse dispatch by element name, formatting and freeing.  Each family
 * lives in its own file (domain_<family>.c) and provides, with Type its
 * struct name and Func its function stem:
 *   Type *virDomain<Func>DefParseXML(xmlNodePtr node, virDomainDef *def,
 *                                     unsigned int flags);
 *   int virDomain<Func>DefFormat(virBuffer *buf, const Type *dev,
 *                                const virDomainDef *def,
 *                                unsigned int flags);
 *   void virDomain<Func>DefFree(Type *dev);
 * The four character-device elements share one family implementation.
 */
#pragma once

#include "domain_conf.h"

/* X(field, plural, element, Type, Func) */
#define VIR_DOMAIN_DEVICE_FAMILIES(X) \
    X(disk, disks, "disk", virDomainDiskDef, Disk) \
    X(controller, controllers, "controller", virDomainControllerDef, \
      Controller) \
    X(lease, leases, "lease", virDomainLeaseDef, Lease) \
    X(fs, fss, "filesystem", virDomainFSDef, FS) \
    X(net, nets, "interface", virDomainNetDef, Net) \
    X(smartcard, smartcards, "smartcard", virDomainSmartcardDef, Smartcard) \
    X(serial, serials, "serial", virDomainChrDef, Chr) \
    X(parallel, parallels, "parallel", virDomainChrDef, Chr) \
    X(console, consoles, "console", virDomainChrDef, Chr) \
    X(channel, channels, "channel", virDomainChrDef, Chr) \
    X(input, inputs, "input", virDomainInputDef, Input) \
    X(tpm, tpms, "tpm", virDomainTPMDef, TPM) \
    X(graphics, graphics, "graphics", virDomainGraphicsDef, Graphics) \
    X(sound, sounds, "sound", virDomainSoundDef, Sound) \
    X(audio, audios, "audio", virDomainAudioDef, Audio) \
    X(video, videos, "video", virDomainVideoDef, Video) \
    X(hostdev, hostdevs, "hostdev", virDomainHostdevDef, Hostdev) \
    X(redirdev, redirdevs, "redirdev", virDomainRedirdevDef, Redirdev) \
    X(redirfilter, redirfilters, "redirfilter", virDomainRedirFilterDef, \
      RedirFilter) \
    X(hub, hubs, "hub", virDomainHubDef, Hub) \
    X(watchdog, watchdogs, "watchdog", virDomainWatchdogDef, Watchdog) \
    X(memballoon, memballoons, "memballoon", virDomainMemballoonDef, \
      Memballoon) \
    X(rng, rngs, "rng", virDomainRNGDef, RNG) \
    X(nvram, nvrams, "nvram", virDomainNVRAMDef, NVRAM) \
    X(panic, panics, "panic", virDomainPanicDef, Panic) \
    X(shmem, shmems, "shmem", virDomainShmemDef, Shmem) \
    X(memory, mems, "memory", virDomainMemoryDef, Memory) \
    X(iommu, iommus, "iommu", virDomainIOMMUDef, IOMMU) \
    X(vsock, vsocks, "vsock", virDomainVsockDef, Vsock) \
    X(crypto, cryptos, "crypto", virDomainCryptoDef, Crypto)


/* The struct types; their bodies are in the family headers. */
typedef struct _virDomainChrDef virDomainChrDef;
typedef struct _virDomainDiskDef virDomainDiskDef;
typedef struct _virDomainControllerDef virDomainControllerDef;
typedef struct _virDomainLeaseDef virDomainLeaseDef;
typedef struct _virDomainFSDef virDomainFSDef;
typedef struct _virDomainNetDef virDomainNetDef;
typedef struct _virDomainSmartcardDef virDomainSmartcardDef;
typedef struct _virDomainInputDef virDomainInputDef;
typedef struct _virDomainTPMDef virDomainTPMDef;
typedef struct _virDomainGraphicsDef virDomainGraphicsDef;
typedef struct _virDomainSoundDef virDomainSoundDef;
typedef struct _virDomainAudioDef virDomainAudioDef;
typedef struct _virDomainVideoDef virDomainVideoDef;
typedef struct _virDomainHostdevDef virDomainHostdevDef;
typedef struct _virDomainRedirdevDef virDomainRedirdevDef;
typedef struct _virDomainRedirFilterDef virDomainRedirFilterDef;
typedef struct _virDomainHubDef virDomainHubDef;
typedef struct _virDomainWatchdogDef virDomainWatchdogDef;
typedef struct _virDomainMemballoonDef virDomainMemballoonDef;
typedef struct _virDomainRNGDef virDomainRNGDef;
typedef struct _virDomainNVRAMDef virDomainNVRAMDef;
typedef struct _virDomainPanicDef virDomainPanicDef;
typedef struct _virDomainShmemDef virDomainShmemDef;
typedef struct _virDomainMemoryDef virDomainMemoryDef;
typedef struct _virDomainIOMMUDef virDomainIOMMUDef;
typedef struct _virDomainVsockDef virDomainVsockDef;
typedef struct _virDomainCryptoDef virDomainCryptoDef;

#define VIR_DOMAIN_DEVICE_FIELDS(field, plural, element, Type, Func) \
    Type **plural; \
    size_t n##plural;

struct _virDomainDevices {
    char *emulator;
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_FIELDS)
};

#define VIR_DOMAIN_DEVICE_PROTOTYPES(field, plural, element, Type, Func) \
    Type *virDomain##Func##DefParseXML(xmlNodePtr node, virDomainDef *def, \
                                       unsigned int flags); \
    int virDomain##Func##DefFormat(virBuffer *buf, const Type *dev, \
                                   const virDomainDef *def, \
                                   unsigned int flags); \
    void virDomain##Func##DefFree(Type *dev);

VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_PROTOTYPES)

virDomainDevices *virDomainDevicesNew(void);
void virDomainDevicesFree(virDomainDevices *devices);

/* Parses one child element of <devices> and appends it to its family's
 * array in def (an element of no family is left alone: 0, nothing
 * added). */
int virDomainDeviceParseOne(xmlNodePtr node, virDomainDef *def,
                            unsigned int flags);
/* The defaults and checks that run once every device was parsed (the
 * family post-parse steps below, in their order). */
int virDomainDefDevicesPostParse(virDomainDef *def, unsigned int flags);
/* Parses <devices> under the domain root (absent is fine). */
int virDomainDefDevicesParseXML(xmlNodePtr root, virDomainDef *def,
                                unsigned int flags);
int virDomainDefDevicesFormat(virBuffer *buf, const virDomainDef *def,
                              unsigned int flags);

/* Cross-family defaults run after every device was parsed, such as the
 * console that mirrors the first serial port (in domain_chr.c). */
int virDomainChrDefsPostParse(virDomainDef *def, unsigned int flags);
/* Disk order, defaults and drive addresses (in domain_disk.c), then
 * controller order, indexes and implicit controllers (domain_controller.c,
 * after the other families). */
int virDomainDiskDefsPostParse(virDomainDef *def, unsigned int flags);
int virDomainControllerDefsPostParse(virDomainDef *def, unsigned int flags);
/* The implicit and primary video adapters (in domain_video.c). */
int virDomainVideoDefsPostParse(virDomainDef *def, unsigned int flags);
/* The audio ids sounds and graphics refer to (in domain_audio.c). */
int virDomainAudioDefsPostParse(virDomainDef *def, unsigned int flags);
