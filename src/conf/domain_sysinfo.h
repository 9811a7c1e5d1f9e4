/*
 * domain_sysinfo.h: <sysinfo> blocks (smbios and fwcfg).
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainSysinfoSection {
    int placeholder;
};
