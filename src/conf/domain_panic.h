/*
 * domain_panic.h: the <panic model> device family.
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"

typedef enum {
    VIR_DOMAIN_PANIC_MODEL_DEFAULT = 0,
    VIR_DOMAIN_PANIC_MODEL_ISA,
    VIR_DOMAIN_PANIC_MODEL_PSERIES,
    VIR_DOMAIN_PANIC_MODEL_HYPERV,
    VIR_DOMAIN_PANIC_MODEL_S390,
    VIR_DOMAIN_PANIC_MODEL_LAST
} virDomainPanicModel;
VIR_ENUM_DECL(virDomainPanicModel);

struct _virDomainPanicDef {
    virDomainPanicModel model;
    virDomainDeviceInfo info;
};
