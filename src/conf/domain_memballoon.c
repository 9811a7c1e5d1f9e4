/*
 * domain_memballoon.c: the <memballoon> device family: model, deflate and
 * free page reporting switches, <stats period>, the virtio <driver>
 * options and the device's address.
 */
#include "domain_memballoon.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainMemballoonModel, VIR_DOMAIN_MEMBALLOON_MODEL_LAST,
              "virtio", "xen", "none", "virtio-transitional",
              "virtio-non-transitional");

virDomainMemballoonDef *
virDomainMemballoonDefParseXML(xmlNodePtr node, virDomainDef *def,
                               unsigned int flags)
{
    g_autofree virDomainMemballoonDef *dev =
        g_new0(virDomainMemballoonDef, 1);
    xmlNodePtr stats;
    int model;

    if (def->devices->nmemballoons > 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "only a single memory balloon device is supported");
        return NULL;
    }
    if (virXMLPropEnum(node, "model", virDomainMemballoonModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &model) < 0)
        return NULL;
    dev->model = model;
    if (virXMLPropTristateSwitch(node, "autodeflate", VIR_XML_PROP_NONE,
                                 &dev->autodeflate) < 0 ||
        virXMLPropTristateSwitch(node, "freePageReporting",
                                 VIR_XML_PROP_NONE,
                                 &dev->freePageReporting) < 0)
        return NULL;

    if ((stats = virXMLChild(node, "stats"))) {
        if (virXMLPropInt(stats, "period", 0, VIR_XML_PROP_NONE,
                          &dev->period) < 0)
            return NULL;
        /* A negative period turns the statistics off. */
        if (dev->period < 0)
            dev->period = 0;
    }

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0)
        return NULL;
    /* A balloon that is not there has no address. */
    if (dev->model == VIR_DOMAIN_MEMBALLOON_MODEL_NONE)
        virDomainDeviceInfoClear(&dev->info);

    if (virDomainVirtioOptionsParseXML(virXMLChild(node, "driver"),
                                       &dev->virtio) < 0) {
        virDomainDeviceInfoClear(&dev->info);
        return NULL;
    }
    return g_steal_pointer(&dev);
}

int
virDomainMemballoonDefFormat(virBuffer *buf,
                             const virDomainMemballoonDef *dev,
                             const virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(&attrBuf, " model='%s'",
                      virDomainMemballoonModelTypeToString(dev->model));
    virDomainTristateSwitchAttrFormat(&attrBuf, "autodeflate",
                                      dev->autodeflate);
    virDomainTristateSwitchAttrFormat(&attrBuf, "freePageReporting",
                                      dev->freePageReporting);
    if (dev->period)
        virBufferAsprintf(&childBuf, "<stats period='%d'/>\n", dev->period);
    virDomainDeviceInfoFormat(&childBuf, &dev->info, flags);
    virDomainVirtioOptionsFormat(&driverBuf, &dev->virtio);
    virXMLFormatElement(&childBuf, "driver", &driverBuf, NULL);
    virXMLFormatElement(buf, "memballoon", &attrBuf, &childBuf);
    return 0;
}

void
virDomainMemballoonDefFree(virDomainMemballoonDef *dev)
{
    if (!dev)
        return;
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
