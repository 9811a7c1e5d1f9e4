/*
 * domain_smartcard.h: the <smartcard> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainSmartcardDef {
    int placeholder;
};
