/*
 * domain_iommu.h: the <iommu> device family.
 *
 * PLACEHOLDER: the struct is still to be written.
 */
#pragma once

#include "domain_devices.h"

struct _virDomainIOMMUDef {
    int placeholder;
};
