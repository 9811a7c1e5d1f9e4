/*
 * domain_cpu.h: <cpu>: mode, model, vendor, topology, features.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainCPUDef {
    int placeholder;
};
