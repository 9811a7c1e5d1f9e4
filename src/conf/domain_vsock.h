/*
 * domain_vsock.h: the <vsock> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainVsockDef {
    int placeholder;
};
