/*
 * domain_input.c: the <input> device family.
 *
 * Without bus= the bus follows the guest: PS/2 for mice and keyboards of
 * x86 HVM guests, Xen for Xen guests, and so on, as upstream decides.
 */
#include "domain_input.h"
#include "domain_os.h"
#include "device_path.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainInput, VIR_DOMAIN_INPUT_TYPE_LAST,
              "mouse", "tablet", "keyboard", "passthrough", "evdev");

VIR_ENUM_IMPL(virDomainInputBus, VIR_DOMAIN_INPUT_BUS_LAST,
              "ps2", "usb", "xen", "parallels", "virtio", "none");

VIR_ENUM_IMPL(virDomainInputModel, VIR_DOMAIN_INPUT_MODEL_LAST,
              "default", "virtio", "virtio-transitional",
              "virtio-non-transitional");

VIR_ENUM_IMPL(virDomainInputSourceGrab, VIR_DOMAIN_INPUT_SOURCE_GRAB_LAST,
              "default", "all");

VIR_ENUM_IMPL(virDomainInputSourceGrabToggle,
              VIR_DOMAIN_INPUT_SOURCE_GRAB_TOGGLE_LAST,
              "default", "ctrl-ctrl", "alt-alt", "shift-shift", "meta-meta",
              "scrolllock", "ctrl-scrolllock");

static virDomainInputBus
virDomainInputDefaultBus(virDomainInputType type, const virDomainDef *def)
{
    virArch arch = def->os->arch;
    bool x86 = arch == VIR_ARCH_NONE || arch == VIR_ARCH_I686 ||
               arch == VIR_ARCH_X86_64;
    bool s390 = arch == VIR_ARCH_S390 || arch == VIR_ARCH_S390X;

    switch (def->os->type) {
    case VIR_DOMAIN_OSTYPE_HVM:
        if ((type == VIR_DOMAIN_INPUT_TYPE_MOUSE ||
             type == VIR_DOMAIN_INPUT_TYPE_KBD) && x86)
            return VIR_DOMAIN_INPUT_BUS_PS2;
        if (s390 || type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH)
            return VIR_DOMAIN_INPUT_BUS_VIRTIO;
        if (type == VIR_DOMAIN_INPUT_TYPE_EVDEV)
            return VIR_DOMAIN_INPUT_BUS_NONE;
        return VIR_DOMAIN_INPUT_BUS_USB;
    case VIR_DOMAIN_OSTYPE_XEN:
    case VIR_DOMAIN_OSTYPE_XENPVH:
        return VIR_DOMAIN_INPUT_BUS_XEN;
    case VIR_DOMAIN_OSTYPE_LINUX:
    case VIR_DOMAIN_OSTYPE_EXE:
    case VIR_DOMAIN_OSTYPE_UML:
    case VIR_DOMAIN_OSTYPE_LAST:
        break;
    }
    if (def->virtType == VIR_DOMAIN_VIRT_VZ ||
        def->virtType == VIR_DOMAIN_VIRT_PARALLELS)
        return VIR_DOMAIN_INPUT_BUS_PARALLELS;
    /* Upstream leaves the first bus, PS/2, for other guests. */
    return VIR_DOMAIN_INPUT_BUS_PS2;
}

static int
virDomainInputSourceParseXML(xmlNodePtr source, virDomainInputDef *input)
{
    g_autofree char *evdev = NULL;

    if (input->type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH)
        evdev = virXMLPropString(source, "evdev");
    else if (input->type == VIR_DOMAIN_INPUT_TYPE_EVDEV)
        evdev = virXMLPropString(source, "dev");
    if (evdev)
        input->evdev = virDevicePathSanitize(evdev);

    if ((input->type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH ||
         input->type == VIR_DOMAIN_INPUT_TYPE_EVDEV) && !input->evdev) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing evdev path for input device");
        return -1;
    }

    if (input->type != VIR_DOMAIN_INPUT_TYPE_EVDEV)
        return 0;

    if (virXMLPropEnum(source, "grab", virDomainInputSourceGrabTypeFromString,
                       VIR_XML_PROP_NONZERO, (int *)&input->grab) < 0 ||
        virXMLPropEnum(source, "grabToggle",
                       virDomainInputSourceGrabToggleTypeFromString,
                       VIR_XML_PROP_NONZERO, (int *)&input->grabToggle) < 0 ||
        virXMLPropTristateSwitch(source, "repeat", VIR_XML_PROP_NONE,
                                 &input->repeat) < 0)
        return -1;

    return 0;
}

/* The bus and model combinations upstream accepts for the guest. */
static int
virDomainInputDefValidate(const virDomainInputDef *input,
                          const virDomainDef *def)
{
    const char *type = virDomainInputTypeToString(input->type);
    const char *bus = virDomainInputBusTypeToString(input->bus);
    bool mouseOrKbd = input->type == VIR_DOMAIN_INPUT_TYPE_MOUSE ||
                      input->type == VIR_DOMAIN_INPUT_TYPE_KBD;

    switch (def->os->type) {
    case VIR_DOMAIN_OSTYPE_HVM:
        if (input->bus == VIR_DOMAIN_INPUT_BUS_PS2 && !mouseOrKbd) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "ps2 bus does not support %s input device", type);
            return -1;
        }
        if (input->bus == VIR_DOMAIN_INPUT_BUS_XEN) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unsupported input bus %s", bus);
            return -1;
        }
        break;
    case VIR_DOMAIN_OSTYPE_XEN:
    case VIR_DOMAIN_OSTYPE_XENPVH:
        if (input->bus != VIR_DOMAIN_INPUT_BUS_XEN) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unsupported input bus %s", bus);
            return -1;
        }
        if (!mouseOrKbd) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "xen bus does not support %s input device", type);
            return -1;
        }
        break;
    case VIR_DOMAIN_OSTYPE_LINUX:
    case VIR_DOMAIN_OSTYPE_EXE:
    case VIR_DOMAIN_OSTYPE_UML:
    case VIR_DOMAIN_OSTYPE_LAST:
        if (def->virtType != VIR_DOMAIN_VIRT_VZ &&
            def->virtType != VIR_DOMAIN_VIRT_PARALLELS) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Input devices are not supported by this "
                           "virtualization driver.");
            return -1;
        }
        if (input->bus != VIR_DOMAIN_INPUT_BUS_PARALLELS) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "parallels containers don't support input bus %s",
                           bus);
            return -1;
        }
        if (!mouseOrKbd) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "parallels bus does not support %s input device",
                           type);
            return -1;
        }
        break;
    }

    if (input->type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH &&
        input->bus != VIR_DOMAIN_INPUT_BUS_VIRTIO) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "only bus 'virtio' is supported for 'passthrough' "
                       "input devices");
        return -1;
    }
    if (input->type == VIR_DOMAIN_INPUT_TYPE_EVDEV &&
        input->bus != VIR_DOMAIN_INPUT_BUS_NONE) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "input evdev doesn't support bus element");
        return -1;
    }
    if (input->model != VIR_DOMAIN_INPUT_MODEL_DEFAULT &&
        input->bus != VIR_DOMAIN_INPUT_BUS_VIRTIO) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "only bus 'virtio' is supported for input model '%s'",
                       virDomainInputModelTypeToString(input->model));
        return -1;
    }
    return 0;
}

virDomainInputDef *
virDomainInputDefParseXML(xmlNodePtr node,
                          virDomainDef *def,
                          unsigned int flags)
{
    g_autoptr(virDomainInputDef) input = g_new0(virDomainInputDef, 1);
    g_autofree char *type = virXMLPropString(node, "type");
    g_autofree char *bus = virXMLPropString(node, "bus");
    g_autofree char *model = virXMLPropString(node, "model");
    xmlNodePtr source;
    int val;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing input device type");
        return NULL;
    }
    if ((val = virDomainInputTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown input device type '%s'", type);
        return NULL;
    }
    input->type = val;

    if (model) {
        if ((val = virDomainInputModelTypeFromString(model)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown input model '%s'", model);
            return NULL;
        }
        input->model = val;
    }

    if (bus) {
        if ((val = virDomainInputBusTypeFromString(bus)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown input bus type '%s'", bus);
            return NULL;
        }
        input->bus = val;
    } else {
        input->bus = virDomainInputDefaultBus(input->type, def);
    }

    if (virDomainDeviceInfoParseXML(node, &input->info, flags) < 0)
        return NULL;
    if (input->bus == VIR_DOMAIN_INPUT_BUS_USB &&
        input->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        input->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Invalid address for a USB device");
        return NULL;
    }

    if ((source = virXMLChild(node, "source")) &&
        virDomainInputSourceParseXML(source, input) < 0)
        return NULL;

    if (virDomainVirtioOptionsParseXML(virXMLChild(node, "driver"),
                                       &input->virtio) < 0)
        return NULL;

    if (virDomainInputDefValidate(input, def) < 0)
        return NULL;

    return g_steal_pointer(&input);
}

int
virDomainInputDefFormat(virBuffer *buf,
                        const virDomainInputDef *input,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) sourceBuf = VIR_BUFFER_INITIALIZER;

    /* Older releases cannot take the implicit keyboard back. */
    if ((flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE) &&
        input->type == VIR_DOMAIN_INPUT_TYPE_KBD &&
        (input->bus == VIR_DOMAIN_INPUT_BUS_PS2 ||
         input->bus == VIR_DOMAIN_INPUT_BUS_XEN))
        return 0;

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainInputTypeToString(input->type));
    if (input->bus != VIR_DOMAIN_INPUT_BUS_NONE)
        virBufferAsprintf(&attrBuf, " bus='%s'",
                          virDomainInputBusTypeToString(input->bus));
    if (input->model)
        virBufferAsprintf(&attrBuf, " model='%s'",
                          virDomainInputModelTypeToString(input->model));

    virDomainVirtioOptionsFormat(&driverBuf, &input->virtio);
    virXMLFormatElement(&childBuf, "driver", &driverBuf, NULL);

    if (input->type == VIR_DOMAIN_INPUT_TYPE_EVDEV)
        virBufferEscapeString(&sourceBuf, " dev='%s'", input->evdev);
    else
        virBufferEscapeString(&sourceBuf, " evdev='%s'", input->evdev);
    if (input->grab)
        virBufferAsprintf(&sourceBuf, " grab='%s'",
                          virDomainInputSourceGrabTypeToString(input->grab));
    if (input->grabToggle)
        virBufferAsprintf(&sourceBuf, " grabToggle='%s'",
                          virDomainInputSourceGrabToggleTypeToString(
                              input->grabToggle));
    virDomainTristateSwitchAttrFormat(&sourceBuf, "repeat", input->repeat);
    virXMLFormatElement(&childBuf, "source", &sourceBuf, NULL);
    virDomainDeviceInfoFormat(&childBuf, &input->info, flags);

    virXMLFormatElement(buf, "input", &attrBuf, &childBuf);
    return 0;
}

void
virDomainInputDefFree(virDomainInputDef *input)
{
    if (!input)
        return;
    g_free(input->evdev);
    virDomainDeviceInfoClear(&input->info);
    g_free(input);
}
