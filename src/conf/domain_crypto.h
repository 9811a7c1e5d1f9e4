/*
 * domain_crypto.h: the <crypto> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainCryptoDef {
    int placeholder;
};
