/*
 * domain_device_parse.c: one device on its own, as virDomainAttachDevice
 * and friends receive it: parsed through the same family dispatch as the
 * children of <devices>, and added to a definition through that
 * definition's XML, so that defaults, ordering, addresses and checks run
 * as they do for a whole domain.
 */
#include "domain_device_parse.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

static const char *const virDomainDeviceKindNames[] = {
#define VIR_DOMAIN_DEVICE_KIND_NAME(field, plural, element, Type, Func) \
    element,
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_KIND_NAME)
#undef VIR_DOMAIN_DEVICE_KIND_NAME
};

const char *
virDomainDeviceKindToString(virDomainDeviceKind kind)
{
    if (kind >= VIR_DOMAIN_DEVICE_KIND_LAST)
        return NULL;
    return virDomainDeviceKindNames[kind];
}

size_t
virDomainDefDeviceCount(const virDomainDef *def, virDomainDeviceKind kind)
{
    switch (kind) {
#define VIR_DOMAIN_DEVICE_KIND_COUNT(field, plural, element, Type, Func) \
    case VIR_DOMAIN_DEVICE_KIND_##field: \
        return def->devices->n##plural;
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_KIND_COUNT)
#undef VIR_DOMAIN_DEVICE_KIND_COUNT
    case VIR_DOMAIN_DEVICE_KIND_LAST:
        break;
    }
    return 0;
}

void *
virDomainDefDeviceGet(const virDomainDef *def, virDomainDeviceKind kind,
                      size_t i)
{
    switch (kind) {
#define VIR_DOMAIN_DEVICE_KIND_GET(field, plural, element, Type, Func) \
    case VIR_DOMAIN_DEVICE_KIND_##field: \
        return i < def->devices->n##plural ? def->devices->plural[i] : NULL;
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_KIND_GET)
#undef VIR_DOMAIN_DEVICE_KIND_GET
    case VIR_DOMAIN_DEVICE_KIND_LAST:
        break;
    }
    return NULL;
}

void
virDomainDefDeviceRemove(virDomainDef *def, virDomainDeviceKind kind,
                         size_t i)
{
    virDomainDevices *devs = def->devices;

    switch (kind) {
#define VIR_DOMAIN_DEVICE_KIND_REMOVE(field, plural, element, Type, Func) \
    case VIR_DOMAIN_DEVICE_KIND_##field: \
        if (i >= devs->n##plural) \
            return; \
        virDomain##Func##DefFree(devs->plural[i]); \
        memmove(devs->plural + i, devs->plural + i + 1, \
                (devs->n##plural - i - 1) * sizeof(devs->plural[0])); \
        devs->n##plural--; \
        return;
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_KIND_REMOVE)
#undef VIR_DOMAIN_DEVICE_KIND_REMOVE
    case VIR_DOMAIN_DEVICE_KIND_LAST:
        break;
    }
}

void
virDomainDeviceDefFree(virDomainDeviceDef *dev)
{
    if (!dev)
        return;
    virDomainDefFree(dev->holder);
    if (dev->doc)
        xmlFreeDoc(dev->doc);
    g_free(dev);
}

virDomainDeviceDef *
virDomainDeviceDefParse(const char *xml, const virDomainDef *def,
                        const virDomainXMLOption *xmlopt, unsigned int flags)
{
    g_autoptr(virDomainDeviceDef) dev = g_new0(virDomainDeviceDef, 1);
    xmlNodePtr node;
    size_t k;

    if (!(dev->doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                           "device_definition", NULL)))
        return NULL;
    node = xmlDocGetRootElement(dev->doc);

    /* The device is parsed alone into a copy of the domain without its
     * devices (the rest is the context some families read), then gets
     * the defaults and checks of the devices of a whole domain. */
    if (!(dev->holder = virDomainDefCopy(def, xmlopt, true)))
        return NULL;
    virDomainDevicesFree(dev->holder->devices);
    dev->holder->devices = virDomainDevicesNew();
    if (virDomainDeviceParseOne(node, dev->holder, flags) < 0)
        return NULL;
    for (k = 0; k < VIR_DOMAIN_DEVICE_KIND_LAST; k++) {
        if (virDomainDefDeviceCount(dev->holder, k) > 0)
            break;
    }
    if (k == VIR_DOMAIN_DEVICE_KIND_LAST) {
        virReportError(VIR_ERR_XML_ERROR, "unknown device type '%s'",
                       (const char *)node->name);
        return NULL;
    }
    dev->kind = k;
    dev->data = virDomainDefDeviceGet(dev->holder, k, 0);
    if (virDomainDefDevicesPostParse(dev->holder, flags) < 0)
        return NULL;
    return g_steal_pointer(&dev);
}

virDomainDef *
virDomainDefAddDevice(const virDomainDef *def, const virDomainDeviceDef *dev,
                      const virDomainXMLOption *xmlopt, bool inactive)
{
    unsigned int formatFlags = VIR_DOMAIN_DEF_FORMAT_SECURE;
    unsigned int parseFlags = 0;
    g_autofree char *xml = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    xmlNodePtr root;
    xmlNodePtr devices;
    xmlNodePtr copy;
    virDomainDef *ret;

    if (inactive) {
        formatFlags |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
        parseFlags |= VIR_DOMAIN_DEF_PARSE_INACTIVE;
    }
    if (!(xml = virDomainDefFormat(def, formatFlags)) ||
        !(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "domain_definition", "domain")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (!(devices = virXMLChild(root, "devices")))
        devices = xmlNewChild(root, NULL, BAD_CAST "devices", NULL);
    if (!devices ||
        !(copy = xmlDocCopyNode(xmlDocGetRootElement(dev->doc), doc, 1)) ||
        !xmlAddChild(devices, copy)) {
        virReportError(VIR_ERR_NO_MEMORY, NULL);
        return NULL;
    }
    if (!(ret = virDomainDefParseNode(root, xmlopt, parseFlags)))
        return NULL;
    ret->id = def->id;
    return ret;
}
