/*
 * domain_video.h: the <video> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainVideoDef {
    int placeholder;
};
