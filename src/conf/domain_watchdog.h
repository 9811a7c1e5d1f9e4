/*
 * domain_watchdog.h: the <watchdog> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainWatchdogDef {
    int placeholder;
};
