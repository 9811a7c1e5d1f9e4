/*
 * domain_controller.h: the <controller> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainControllerDef {
    int placeholder;
};
