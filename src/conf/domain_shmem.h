/*
 * domain_shmem.h: the <shmem> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainShmemDef {
    int placeholder;
};
