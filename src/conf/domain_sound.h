/*
 * domain_sound.h: the <sound> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainSoundDef {
    int placeholder;
};
