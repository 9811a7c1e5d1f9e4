/*
 * domain_security.h: <seclabel>, <keywrap> and <launchSecurity>.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainSecurityDef {
    int placeholder;
};
