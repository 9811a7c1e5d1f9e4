/*
 * domain_features.h: <features>.
 *
 * PLACEHOLDER: the structs and code are still to be written.
 */
#pragma once

#include "domain_sections.h"

struct _virDomainFeaturesDef {
    int placeholder;
};
