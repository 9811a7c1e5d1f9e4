/*
 * domain_input.h: the <input> device family: mice, tablets, keyboards,
 * virtio passthrough and evdev host devices.
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"
#include "domain_virtio.h"

typedef enum {
    VIR_DOMAIN_INPUT_TYPE_MOUSE,
    VIR_DOMAIN_INPUT_TYPE_TABLET,
    VIR_DOMAIN_INPUT_TYPE_KBD,
    VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH,
    VIR_DOMAIN_INPUT_TYPE_EVDEV,
    VIR_DOMAIN_INPUT_TYPE_LAST
} virDomainInputType;
VIR_ENUM_DECL(virDomainInput);

typedef enum {
    VIR_DOMAIN_INPUT_BUS_PS2,
    VIR_DOMAIN_INPUT_BUS_USB,
    VIR_DOMAIN_INPUT_BUS_XEN,
    VIR_DOMAIN_INPUT_BUS_PARALLELS,
    VIR_DOMAIN_INPUT_BUS_VIRTIO,
    VIR_DOMAIN_INPUT_BUS_NONE,
    VIR_DOMAIN_INPUT_BUS_LAST
} virDomainInputBus;
VIR_ENUM_DECL(virDomainInputBus);

typedef enum {
    VIR_DOMAIN_INPUT_MODEL_DEFAULT = 0,
    VIR_DOMAIN_INPUT_MODEL_VIRTIO,
    VIR_DOMAIN_INPUT_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_INPUT_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_INPUT_MODEL_LAST
} virDomainInputModel;
VIR_ENUM_DECL(virDomainInputModel);

typedef enum {
    VIR_DOMAIN_INPUT_SOURCE_GRAB_DEFAULT = 0,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_ALL,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_LAST
} virDomainInputSourceGrab;
VIR_ENUM_DECL(virDomainInputSourceGrab);

typedef enum {
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_DEFAULT = 0,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_CTRL_CTRL,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_ALT_ALT,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_SHIFT_SHIFT,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_META_META,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_SCROLLLOCK,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_CTRL_SCROLLLOCK,
    VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_LAST
} virDomainInputSourceGrabToggle;
VIR_ENUM_DECL(virDomainInputSourceGrabToggle);

struct _virDomainInputDef {
    virDomainInputType type;
    virDomainInputBus bus;
    virDomainInputModel model;
    char *evdev; /* <source evdev=> (passthrough) or dev= (evdev) */
    virDomainInputSourceGrab grab;
    virDomainInputSourceGrabToggle grabToggle;
    virTristateSwitch repeat;
    virDomainVirtioOptions virtio;
    virDomainDeviceInfo info;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainInputDef, virDomainInputDefFree);
