/*
 * domain_iommu.c: the <iommu> device family: the model, the <driver>
 * switches (intremap, caching_mode, eim, iotlb, aw_bits) and an address.
 */
#include "domain_iommu.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainIOMMUModel, VIR_DOMAIN_IOMMU_MODEL_LAST,
              "intel", "smmuv3", "virtio");

static int
virDomainIOMMUDriverParseXML(xmlNodePtr driver, virDomainIOMMUDef *dev)
{
    if (virXMLPropTristateSwitch(driver, "intremap", VIR_XML_PROP_NONE,
                                 &dev->intremap) < 0 ||
        virXMLPropTristateSwitch(driver, "caching_mode", VIR_XML_PROP_NONE,
                                 &dev->cachingMode) < 0 ||
        virXMLPropTristateSwitch(driver, "iotlb", VIR_XML_PROP_NONE,
                                 &dev->iotlb) < 0 ||
        virXMLPropTristateSwitch(driver, "eim", VIR_XML_PROP_NONE,
                                 &dev->eim) < 0 ||
        virXMLPropUInt(driver, "aw_bits", 10, VIR_XML_PROP_NONE,
                       &dev->awBits) < 0)
        return -1;
    return 0;
}

/* Upstream's validation: the driver switches are Intel's, and neither
 * Intel's nor SMMUv3 sit at a guest address. */
static int
virDomainIOMMUValidate(const virDomainIOMMUDef *dev)
{
    const char *model = virDomainIOMMUModelTypeToString(dev->model);

    if (dev->model != VIR_DOMAIN_IOMMU_MODEL_INTEL &&
        (dev->intremap || dev->cachingMode || dev->eim || dev->iotlb ||
         dev->awBits != 0)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "iommu model '%s' doesn't support additional attributes",
                       model);
        return -1;
    }
    if (dev->model != VIR_DOMAIN_IOMMU_MODEL_VIRTIO &&
        dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE) {
        virReportError(VIR_ERR_XML_ERROR, "iommu model '%s' can't have address",
                       model);
        return -1;
    }
    if (dev->eim == VIR_TRISTATE_SWITCH_ON &&
        dev->intremap != VIR_TRISTATE_SWITCH_ON) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "IOMMU eim requires interrupt remapping to be enabled");
        return -1;
    }
    return 0;
}

virDomainIOMMUDef *
virDomainIOMMUDefParseXML(xmlNodePtr node, virDomainDef *def,
                          unsigned int flags)
{
    g_autofree virDomainIOMMUDef *dev = NULL;
    xmlNodePtr driver;
    int model;

    if (def->devices->niommus > 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only a single IOMMU device is supported");
        return NULL;
    }
    dev = g_new0(virDomainIOMMUDef, 1);

    if (virXMLPropEnum(node, "model", virDomainIOMMUModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &model) < 0)
        return NULL;
    dev->model = model;
    if ((driver = virXMLChild(node, "driver")) &&
        virDomainIOMMUDriverParseXML(driver, dev) < 0)
        return NULL;
    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0)
        return NULL;
    if (virDomainIOMMUValidate(dev) < 0) {
        virDomainDeviceInfoClear(&dev->info);
        return NULL;
    }
    return g_steal_pointer(&dev);
}

int
virDomainIOMMUDefFormat(virBuffer *buf, const virDomainIOMMUDef *dev,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    virDomainTristateSwitchAttrFormat(&driverBuf, "intremap", dev->intremap);
    virDomainTristateSwitchAttrFormat(&driverBuf, "caching_mode",
                                      dev->cachingMode);
    virDomainTristateSwitchAttrFormat(&driverBuf, "eim", dev->eim);
    virDomainTristateSwitchAttrFormat(&driverBuf, "iotlb", dev->iotlb);
    if (dev->awBits > 0)
        virBufferAsprintf(&driverBuf, " aw_bits='%u'", dev->awBits);
    virXMLFormatElement(&childBuf, "driver", &driverBuf, NULL);
    /* Upstream writes the iommu's info without the format flags. */
    virDomainDeviceInfoFormat(&childBuf, &dev->info, 0);
    virBufferAsprintf(&attrBuf, " model='%s'",
                      virDomainIOMMUModelTypeToString(dev->model));
    virXMLFormatElement(buf, "iommu", &attrBuf, &childBuf);
    return 0;
}

void
virDomainIOMMUDefFree(virDomainIOMMUDef *dev)
{
    if (!dev)
        return;
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
