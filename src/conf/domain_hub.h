/*
 * domain_hub.h: the <hub> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainHubDef {
    int placeholder;
};
