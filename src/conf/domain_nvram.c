/*
 * domain_nvram.c: the <nvram> device family, which carries nothing but
 * its address; it is always written, even empty.
 */
#include "domain_nvram.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

virDomainNVRAMDef *
virDomainNVRAMDefParseXML(xmlNodePtr node, virDomainDef *def,
                          unsigned int flags)
{
    virDomainNVRAMDef *dev;

    if (def->devices->nnvrams > 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "only a single nvram device is supported");
        return NULL;
    }
    dev = g_new0(virDomainNVRAMDef, 1);

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0) {
        g_free(dev);
        return NULL;
    }
    return dev;
}

int
virDomainNVRAMDefFormat(virBuffer *buf, const virDomainNVRAMDef *dev,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    virBufferAddLit(buf, "<nvram>\n");
    virBufferAdjustIndent(buf, 2);
    virDomainDeviceInfoFormat(buf, &dev->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</nvram>\n");
    return 0;
}

void
virDomainNVRAMDefFree(virDomainNVRAMDef *dev)
{
    if (!dev)
        return;
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
