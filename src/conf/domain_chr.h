/*
 * domain_chr.h: the <serial>, <parallel>, <console> and <channel> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainChrDef {
    int placeholder;
};
