/*
 * domain_vsock.h: the <vsock model> device family with its <cid>.
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"
#include "domain_virtio.h"

typedef enum {
    VIR_DOMAIN_VSOCK_MODEL_DEFAULT = 0,
    VIR_DOMAIN_VSOCK_MODEL_VIRTIO,
    VIR_DOMAIN_VSOCK_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_VSOCK_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_VSOCK_MODEL_LAST
} virDomainVsockModel;
VIR_ENUM_DECL(virDomainVsockModel);

struct _virDomainVsockDef {
    virDomainVsockModel model;
    unsigned int guestCid; /* 0: not set */
    virTristateBool autoCid;
    virDomainVirtioOptions virtio;
    virDomainDeviceInfo info;
};
