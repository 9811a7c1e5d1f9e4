/*
 * domain_crypto.h: the <crypto> device family.  Upstream libvirt 9.0 does
 * not know this device yet (it arrived in 9.1): the element is dropped,
 * so the struct holds nothing.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainCryptoDef {
    bool dropped; /* always true: kept only so the family has a type */
};
