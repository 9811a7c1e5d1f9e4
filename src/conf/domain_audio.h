/*
 * domain_audio.h: the <audio> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainAudioDef {
    int placeholder;
};
