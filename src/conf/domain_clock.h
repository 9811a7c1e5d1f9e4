/*
 * domain_clock.h: <clock> with its timers.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainClockDef {
    int placeholder;
};
