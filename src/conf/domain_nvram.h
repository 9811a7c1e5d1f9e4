/*
 * domain_nvram.h: the <nvram> device family (pSeries NVRAM): only the
 * common device info.
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"

struct _virDomainNVRAMDef {
    virDomainDeviceInfo info;
};
