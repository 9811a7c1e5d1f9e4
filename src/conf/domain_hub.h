/*
 * domain_hub.h: the <hub> device family (USB hubs).
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"

typedef enum {
    VIR_DOMAIN_HUB_TYPE_USB,
    VIR_DOMAIN_HUB_TYPE_LAST
} virDomainHubType;
VIR_ENUM_DECL(virDomainHub);

struct _virDomainHubDef {
    virDomainHubType type;
    virDomainDeviceInfo info;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainHubDef, virDomainHubDefFree);
