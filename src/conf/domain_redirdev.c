/*
 * domain_redirdev.c: the <redirdev> device family: the bus (usb), the
 * character device carrying the redirection, and the address and boot
 * order of the device.
 */
#include "domain_redirdev.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainRedirdevBus, VIR_DOMAIN_REDIRDEV_BUS_LAST, "usb");

virDomainRedirdevDef *
virDomainRedirdevDefParseXML(xmlNodePtr node,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags)
{
    virDomainRedirdevDef *dev = g_new0(virDomainRedirdevDef, 1);
    g_autofree char *bus = virXMLPropString(node, "bus");
    g_autofree char *type = virXMLPropString(node, "type");
    int val;

    dev->source = virDomainChrSourceDefNew();
    if (bus) {
        if ((val = virDomainRedirdevBusTypeFromString(bus)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown redirdev bus '%s'", bus);
            goto error;
        }
        dev->bus = val;
    }

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing type in redirdev");
        goto error;
    }
    if ((val = virDomainChrTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown redirdev character device type '%s'", type);
        goto error;
    }
    dev->source->type = val;

    if (virDomainChrSourceDefParseXML(dev->source, node, flags) < 0)
        goto error;
    /* A dbus redirection has a well-known default channel. */
    if (dev->source->type == VIR_DOMAIN_CHR_TYPE_DBUS && !dev->source->channel)
        dev->source->channel = g_strdup("org.qemu.usbredir");

    if (virDomainDeviceInfoParseXML(node, &dev->info,
                                    flags | VIR_DOMAIN_DEVICE_INFO_BOOT) < 0)
        goto error;
    if (dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Invalid address for a USB device");
        goto error;
    }
    if (virDomainChrSourceDefValidate(dev->source, NULL) < 0)
        goto error;
    return dev;

 error:
    virDomainRedirdevDefFree(dev);
    return NULL;
}

int
virDomainRedirdevDefFormat(virBuffer *buf, const virDomainRedirdevDef *dev,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags)
{
    virBufferAsprintf(buf, "<redirdev bus='%s'",
                      virDomainRedirdevBusTypeToString(dev->bus));
    virDomainChrSourceDefFormatType(buf, dev->source);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virDomainChrSourceDefFormat(buf, dev->source, flags);
    virDomainDeviceInfoFormat(buf, &dev->info,
                              flags | VIR_DOMAIN_DEVICE_INFO_BOOT);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</redirdev>\n");
    return 0;
}

void
virDomainRedirdevDefFree(virDomainRedirdevDef *dev)
{
    if (!dev)
        return;
    virDomainChrSourceDefFree(dev->source);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
