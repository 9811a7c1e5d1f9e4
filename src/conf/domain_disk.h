/*
 * domain_disk.h: the <disk> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainDiskDef {
    int placeholder;
};
