/*
 * domain_net.h: the <interface> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainNetDef {
    int placeholder;
};
