/*
 * domain_memballoon.h: the <memballoon> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainMemballoonDef {
    int placeholder;
};
