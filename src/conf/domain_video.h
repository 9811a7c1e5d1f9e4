/*
 * domain_video.h: the <video> device family: the emulated display
 * adapters with their memory sizes, acceleration and resolution.
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"
#include "domain_virtio.h"

typedef enum {
    VIR_DOMAIN_VIDEO_BACKEND_TYPE_DEFAULT = 0,
    VIR_DOMAIN_VIDEO_BACKEND_TYPE_QEMU,
    VIR_DOMAIN_VIDEO_BACKEND_TYPE_VHOSTUSER,
    VIR_DOMAIN_VIDEO_BACKEND_TYPE_LAST
} virDomainVideoBackendType;
VIR_ENUM_DECL(virDomainVideoBackend);

typedef enum {
    VIR_DOMAIN_VIDEO_TYPE_DEFAULT,
    VIR_DOMAIN_VIDEO_TYPE_VGA,
    VIR_DOMAIN_VIDEO_TYPE_CIRRUS,
    VIR_DOMAIN_VIDEO_TYPE_VMVGA,
    VIR_DOMAIN_VIDEO_TYPE_XEN,
    VIR_DOMAIN_VIDEO_TYPE_VBOX,
    VIR_DOMAIN_VIDEO_TYPE_QXL,
    VIR_DOMAIN_VIDEO_TYPE_PARALLELS,
    VIR_DOMAIN_VIDEO_TYPE_VIRTIO,
    VIR_DOMAIN_VIDEO_TYPE_GOP,
    VIR_DOMAIN_VIDEO_TYPE_NONE,
    VIR_DOMAIN_VIDEO_TYPE_BOCHS,
    VIR_DOMAIN_VIDEO_TYPE_RAMFB,
    VIR_DOMAIN_VIDEO_TYPE_LAST
} virDomainVideoType;
VIR_ENUM_DECL(virDomainVideo);

typedef enum {
    VIR_DOMAIN_VIDEO_VGACONF_IO = 0,
    VIR_DOMAIN_VIDEO_VGACONF_ON,
    VIR_DOMAIN_VIDEO_VGACONF_OFF,
    VIR_DOMAIN_VIDEO_VGACONF_LAST
} virDomainVideoVGAConf;
VIR_ENUM_DECL(virDomainVideoVGAConf);

struct _virDomainVideoDef {
    virDomainVideoType type;
    unsigned int ram;    /* KiB; the qxl ram bar */
    unsigned int vram;   /* KiB */
    unsigned int vram64; /* KiB */
    unsigned int vgamem; /* KiB */
    unsigned int heads;
    bool primary;

    bool hasAccel;       /* <acceleration> present */
    virTristateBool accel3d;
    virTristateBool accel2d;
    char *rendernode;

    bool hasResolution;
    unsigned int resX;
    unsigned int resY;

    virDomainVideoVGAConf vgaconf;
    virDomainVideoBackendType backend;
    virDomainVirtioOptions virtio;
    virDomainDeviceInfo info;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainVideoDef, virDomainVideoDefFree);

/* virDomainVideoDefsPostParse (declared in domain_devices.h) adds the
 * implicit adapter of a guest with graphics, puts the primary one first
 * and fills in default memory sizes. */
