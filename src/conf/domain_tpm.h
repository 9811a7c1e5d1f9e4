/*
 * domain_tpm.h: the <tpm> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainTPMDef {
    int placeholder;
};
