/*
 * domain_resource.h: <resource>: the resource partition (cgroup) a
 * domain is placed in and its Fibre Channel application id.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainResourceDef {
    char *partition;
    char *appid; /* <fibrechannel appid> */
};
