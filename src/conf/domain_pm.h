/*
 * domain_pm.h: <pm> and <perf>.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainPMDef {
    int placeholder;
};
