/*
 * domain_memballoon.h: the <memballoon> device family.
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"
#include "domain_virtio.h"

typedef enum {
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO = 0,
    VIR_DOMAIN_MEMBALLOON_MODEL_XEN,
    VIR_DOMAIN_MEMBALLOON_MODEL_NONE,
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_MEMBALLOON_MODEL_LAST
} virDomainMemballoonModel;
VIR_ENUM_DECL(virDomainMemballoonModel);

struct _virDomainMemballoonDef {
    virDomainMemballoonModel model;
    virTristateSwitch autodeflate;
    virTristateSwitch freePageReporting;
    int period; /* <stats period>, seconds; 0: none */
    virDomainVirtioOptions virtio;
    virDomainDeviceInfo info;
};
