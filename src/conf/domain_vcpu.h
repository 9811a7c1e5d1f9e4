/*
 * domain_vcpu.h: <vcpu>, <vcpus>, <iothreads> and <cputune>.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainVcpuSection {
    int placeholder;
};
