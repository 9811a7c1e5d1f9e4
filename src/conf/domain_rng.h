/*
 * domain_rng.h: the <rng> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainRNGDef {
    int placeholder;
};
