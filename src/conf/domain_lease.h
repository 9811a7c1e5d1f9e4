/*
 * domain_lease.h: the <lease> device family: a lock manager resource
 * (lockspace, key, file and offset) the domain holds while it runs.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainLeaseDef {
    char *lockspace; /* may be empty */
    char *key;
    char *path;
    unsigned long long offset;
};
