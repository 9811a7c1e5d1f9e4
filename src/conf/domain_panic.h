/*
 * domain_panic.h: the <panic> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainPanicDef {
    int placeholder;
};
