/*
 * domain_os.h: <bootloader>, <os> in its three boot modes and the container form, <idmap>.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainOSDef {
    int placeholder;
};
