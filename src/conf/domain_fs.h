/*
 * domain_fs.h: the <filesystem> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainFSDef {
    int placeholder;
};
