/*
 * domain_memdev.h: the <memory> devices (DIMMs, NVDIMMs, virtio-mem) device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainMemoryDef {
    int placeholder;
};
