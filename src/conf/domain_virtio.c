/*
 * domain_virtio.c: the virtio options shared by the <driver> element of
 * disks, interfaces, inputs, video and other virtio devices.
 */
#include "internal.h"
#include "domain_virtio.h"
#include "device_info.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

int
virDomainVirtioOptionsParseXML(xmlNodePtr driver,
                               virDomainVirtioOptions *virtio)
{
    if (!driver)
        return 0;

    if (virXMLPropTristateSwitch(driver, "iommu", VIR_XML_PROP_NONE,
                                 &virtio->iommu) < 0 ||
        virXMLPropTristateSwitch(driver, "ats", VIR_XML_PROP_NONE,
                                 &virtio->ats) < 0 ||
        virXMLPropTristateSwitch(driver, "packed", VIR_XML_PROP_NONE,
                                 &virtio->packed) < 0 ||
        virXMLPropTristateSwitch(driver, "page_per_vq", VIR_XML_PROP_NONE,
                                 &virtio->page_per_vq) < 0)
        return -1;

    return 0;
}

void
virDomainVirtioOptionsFormat(virBuffer *attrBuf,
                             const virDomainVirtioOptions *virtio)
{
    virDomainTristateSwitchAttrFormat(attrBuf, "iommu", virtio->iommu);
    virDomainTristateSwitchAttrFormat(attrBuf, "ats", virtio->ats);
    virDomainTristateSwitchAttrFormat(attrBuf, "packed", virtio->packed);
    virDomainTristateSwitchAttrFormat(attrBuf, "page_per_vq",
                                      virtio->page_per_vq);
}

int
virDomainVirtioOptionsCheckAbsent(const virDomainVirtioOptions *virtio)
{
    const char *name = NULL;

    if (virtio->iommu)
        name = "iommu driver option";
    else if (virtio->ats)
        name = "ats driver option";
    else if (virtio->packed)
        name = "packed driver option";
    else if (virtio->page_per_vq)
        name = "page_per_vq option";

    if (name) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "%s is only supported for virtio devices", name);
        return -1;
    }
    return 0;
}
