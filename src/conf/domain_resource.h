/*
 * domain_resource.h: <resource>: partition and fibre channel app id.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainResourceDef {
    int placeholder;
};
