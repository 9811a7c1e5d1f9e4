/*
 * domain_redirdev.h: the <redirdev> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainRedirdevDef {
    int placeholder;
};
