/*
 * domain_graphics.h: the <graphics> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainGraphicsDef {
    int placeholder;
};
