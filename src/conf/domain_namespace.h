/*
 * domain_namespace.h: driver namespaces such as <qemu:commandline>.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainNamespaceDef {
    int placeholder;
};
