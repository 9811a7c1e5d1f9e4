/*
 * domain_devices.c: <devices>, dispatched to the device families by
 * element name and formatted family by family in upstream's order.
 */
#include "domain_devices.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainDevices *
virDomainDevicesNew(void)
{
    return g_new0(virDomainDevices, 1);
}

void
virDomainDevicesFree(virDomainDevices *devices)
{
    size_t i;

    if (!devices)
        return;
    g_free(devices->emulator);
#define VIR_DOMAIN_DEVICE_FREE(field, plural, element, Type, Func) \
    for (i = 0; i < devices->n##plural; i++) \
        virDomain##Func##DefFree(devices->plural[i]); \
    g_free(devices->plural);
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_FREE)
#undef VIR_DOMAIN_DEVICE_FREE
    g_free(devices);
}

int
virDomainDeviceParseOne(xmlNodePtr node, virDomainDef *def,
                        unsigned int flags)
{
    virDomainDevices *devs = def->devices;
    const char *name = (const char *)node->name;

#define VIR_DOMAIN_DEVICE_PARSE(field, plural, element, Type, Func) \
    if (strcmp(name, element) == 0) { \
        Type *dev; \
        virXMLNodeMarkConsumed(node); \
        if (!(dev = virDomain##Func##DefParseXML(node, def, flags))) \
            return -1; \
        devs->plural = g_renew(Type *, devs->plural, devs->n##plural + 1); \
        devs->plural[devs->n##plural++] = dev; \
        return 0; \
    }
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_PARSE)
#undef VIR_DOMAIN_DEVICE_PARSE
    /* Unknown devices are dropped as upstream drops them; validation
     * reports them because they stay unconsumed. */
    return 0;
}

int
virDomainDefDevicesParseXML(xmlNodePtr root, virDomainDef *def,
                            unsigned int flags)
{
    xmlNodePtr devices = virXMLChild(root, "devices");
    xmlNodePtr cur;

    if (!devices)
        return 0;
    def->devices->emulator = virXMLChildContent(devices, "emulator");
    for (cur = devices->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE || cur->ns ||
            virXMLNodeNameEqual(cur, "emulator"))
            continue;
        if (virDomainDeviceParseOne(cur, def, flags) < 0)
            return -1;
    }
    return virDomainDefDevicesPostParse(def, flags);
}

int
virDomainDefDevicesPostParse(virDomainDef *def, unsigned int flags)
{
    if (virDomainDiskDefsPostParse(def, flags) < 0 ||
        virDomainChrDefsPostParse(def, flags) < 0 ||
        virDomainControllerDefsPostParse(def, flags) < 0)
        return -1;
    if (virDomainVideoDefsPostParse(def, flags) < 0)
        return -1;
    return virDomainAudioDefsPostParse(def, flags);
}

int
virDomainDefDevicesFormat(virBuffer *buf, const virDomainDef *def,
                          unsigned int flags)
{
    const virDomainDevices *devs = def->devices;
    size_t i;

    virBufferAddLit(buf, "<devices>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<emulator>%s</emulator>\n", devs->emulator);
#define VIR_DOMAIN_DEVICE_FORMAT(field, plural, element, Type, Func) \
    for (i = 0; i < devs->n##plural; i++) { \
        if (virDomain##Func##DefFormat(buf, devs->plural[i], def, flags) < 0) \
            return -1; \
    }
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_FORMAT)
#undef VIR_DOMAIN_DEVICE_FORMAT
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</devices>\n");
    return 0;
}
