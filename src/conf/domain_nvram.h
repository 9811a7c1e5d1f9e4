/*
 * domain_nvram.h: the <nvram> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainNVRAMDef {
    int placeholder;
};
