/*
 * domain_memory.h: <maxMemory>, <memory>, <currentMemory>, <blkiotune>, <memtune> and <memoryBacking>.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainMemDef {
    int placeholder;
};
