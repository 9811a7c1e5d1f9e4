/*
 * domain_numa.h: <numatune> and the NUMA cells that <cpu> describes.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainNumaDef {
    int placeholder;
};
