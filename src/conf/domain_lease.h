/*
 * domain_lease.h: the <lease> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainLeaseDef {
    int placeholder;
};
