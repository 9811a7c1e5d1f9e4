/*
 * domain_redirdev.h: the <redirdev bus type> device family, a USB device
 * redirected over a character device.
 */
#pragma once

#include "device_info.h"
#include "domain_chr.h"

typedef enum {
    VIR_DOMAIN_REDIRDEV_BUS_USB = 0,
    VIR_DOMAIN_REDIRDEV_BUS_LAST
} virDomainRedirdevBus;
VIR_ENUM_DECL(virDomainRedirdevBus);

struct _virDomainRedirdevDef {
    virDomainRedirdevBus bus;
    virDomainChrSourceDef *source;
    virDomainDeviceInfo info; /* with <boot> */
};
