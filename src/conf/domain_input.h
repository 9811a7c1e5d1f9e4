/*
 * domain_input.h: the <input> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainInputDef {
    int placeholder;
};
