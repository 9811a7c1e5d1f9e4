/*
 * domain_iommu.h: the <iommu model> device family with its <driver>
 * switches.
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"

typedef enum {
    VIR_DOMAIN_IOMMU_MODEL_INTEL = 0,
    VIR_DOMAIN_IOMMU_MODEL_SMMUV3,
    VIR_DOMAIN_IOMMU_MODEL_VIRTIO,
    VIR_DOMAIN_IOMMU_MODEL_LAST
} virDomainIOMMUModel;
VIR_ENUM_DECL(virDomainIOMMUModel);

struct _virDomainIOMMUDef {
    virDomainIOMMUModel model;
    virTristateSwitch intremap;
    virTristateSwitch cachingMode;
    virTristateSwitch eim;
    virTristateSwitch iotlb;
    unsigned int awBits; /* 0: not set */
    virDomainDeviceInfo info;
};
