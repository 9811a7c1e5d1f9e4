/*
 * domain_hostdev.h: the <hostdev> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainHostdevDef {
    int placeholder;
};
