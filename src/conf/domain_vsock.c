/*
 * domain_vsock.c: the <vsock> device family: the model, <cid auto
 * address> (auto defaults to "no" when an address is given, else "yes"),
 * the device's address and the virtio <driver> options.
 */
#include "domain_vsock.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainVsockModel, VIR_DOMAIN_VSOCK_MODEL_LAST,
              "default", "virtio", "virtio-transitional",
              "virtio-non-transitional");

virDomainVsockDef *
virDomainVsockDefParseXML(xmlNodePtr node, virDomainDef *def,
                          unsigned int flags)
{
    g_autofree virDomainVsockDef *dev = NULL;
    xmlNodePtr cid;
    int model;

    if (def->devices->nvsocks > 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only a single vsock device is supported");
        return NULL;
    }
    dev = g_new0(virDomainVsockDef, 1);

    if (virXMLPropEnum(node, "model", virDomainVsockModelTypeFromString,
                       VIR_XML_PROP_NONE, &model) < 0)
        return NULL;
    dev->model = model;

    if ((cid = virXMLChild(node, "cid"))) {
        if (virXMLPropUInt(cid, "address", 10, VIR_XML_PROP_NONZERO,
                           &dev->guestCid) < 0 ||
            virXMLPropTristateBool(cid, "auto", VIR_XML_PROP_NONE,
                                   &dev->autoCid) < 0)
            return NULL;
    }

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0)
        return NULL;
    if (virDomainVirtioOptionsParseXML(virXMLChild(node, "driver"),
                                       &dev->virtio) < 0) {
        virDomainDeviceInfoClear(&dev->info);
        return NULL;
    }

    if (dev->guestCid > 0 && dev->guestCid <= 2) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "guest CIDs must be >= 3");
        virDomainDeviceInfoClear(&dev->info);
        return NULL;
    }
    if (dev->model == VIR_DOMAIN_VSOCK_MODEL_DEFAULT &&
        virDomainVirtioOptionsCheckAbsent(&dev->virtio) < 0) {
        virDomainDeviceInfoClear(&dev->info);
        return NULL;
    }

    /* Upstream's post-parse default. */
    if (dev->autoCid == VIR_TRISTATE_BOOL_ABSENT)
        dev->autoCid = dev->guestCid != 0 ? VIR_TRISTATE_BOOL_NO :
                                            VIR_TRISTATE_BOOL_YES;
    return g_steal_pointer(&dev);
}

int
virDomainVsockDefFormat(virBuffer *buf, const virDomainVsockDef *dev,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) cidBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    if (dev->model != VIR_DOMAIN_VSOCK_MODEL_DEFAULT)
        virBufferAsprintf(&attrBuf, " model='%s'",
                          virDomainVsockModelTypeToString(dev->model));
    virDomainTristateBoolAttrFormat(&cidBuf, "auto", dev->autoCid);
    if (dev->guestCid != 0)
        virBufferAsprintf(&cidBuf, " address='%u'", dev->guestCid);
    virXMLFormatElement(&childBuf, "cid", &cidBuf, NULL);
    /* Upstream writes the vsock's info without the format flags. */
    virDomainDeviceInfoFormat(&childBuf, &dev->info, 0);
    virDomainVirtioOptionsFormat(&driverBuf, &dev->virtio);
    virXMLFormatElement(&childBuf, "driver", &driverBuf, NULL);
    virXMLFormatElement(buf, "vsock", &attrBuf, &childBuf);
    return 0;
}

void
virDomainVsockDefFree(virDomainVsockDef *dev)
{
    if (!dev)
        return;
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
