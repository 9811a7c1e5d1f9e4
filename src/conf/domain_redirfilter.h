/*
 * domain_redirfilter.h: the <redirfilter> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainRedirFilterDef {
    int placeholder;
};
