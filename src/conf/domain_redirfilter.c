/*
 * domain_redirfilter.c: the <redirfilter> device family: a list of
 * <usbdev class vendor product version allow> rules.  Unset fields match
 * anything; a filter without rules is not formatted.
 */
#include "domain_redirfilter.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* "JJ.MN" to BCD 0xJJMN; "JJ.M" means JJ.M0. */
static int
virDomainRedirFilterVersionParse(const char *version, int *result)
{
    unsigned int major, minor;
    char *end = NULL;

    if (virStrToLong_ui(version, &end, 10, &major) < 0 || *end != '.' ||
        virStrToLong_ui(end + 1, NULL, 10, &minor) < 0 ||
        major >= 100 || minor >= 100) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Cannot parse USB device version %s", version);
        return -1;
    }
    if (strlen(end + 1) == 1)
        minor *= 10;
    *result = (major / 10) << 12 | (major % 10) << 8 |
              (minor / 10) << 4 | (minor % 10);
    return 0;
}

static int
virDomainRedirFilterUSBDevParseXML(xmlNodePtr node,
                                   virDomainRedirFilterUSBDevDef *usbdev)
{
    g_autofree char *version = NULL;
    virTristateBool allow;

    usbdev->usbClass = -1;
    usbdev->vendor = -1;
    usbdev->product = -1;
    usbdev->version = -1;

    if (virXMLPropInt(node, "class", 0, VIR_XML_PROP_NONE,
                      &usbdev->usbClass) < 0)
        return -1;
    if (usbdev->usbClass != -1 && (usbdev->usbClass & ~0xFF)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid USB Class code 0x%x", usbdev->usbClass);
        return -1;
    }
    if (virXMLPropInt(node, "vendor", 0, VIR_XML_PROP_NONE,
                      &usbdev->vendor) < 0 ||
        virXMLPropInt(node, "product", 0, VIR_XML_PROP_NONE,
                      &usbdev->product) < 0)
        return -1;

    version = virXMLPropString(node, "version");
    if (version && strcmp(version, "-1") != 0 &&
        virDomainRedirFilterVersionParse(version, &usbdev->version) < 0)
        return -1;

    if (virXMLPropTristateBool(node, "allow", VIR_XML_PROP_REQUIRED,
                               &allow) < 0)
        return -1;
    usbdev->allow = allow == VIR_TRISTATE_BOOL_YES;
    return 0;
}

virDomainRedirFilterDef *
virDomainRedirFilterDefParseXML(xmlNodePtr node, virDomainDef *def,
                                unsigned int flags G_GNUC_UNUSED)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n;
    virDomainRedirFilterDef *dev;
    size_t i;

    if (def->devices->nredirfilters > 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "only one set of redirection filter rule is supported");
        return NULL;
    }
    n = virXMLChildren(node, "usbdev", &nodes);
    dev = g_new0(virDomainRedirFilterDef, 1);

    dev->usbdevs = g_new0(virDomainRedirFilterUSBDevDef, n);
    for (i = 0; i < n; i++) {
        if (virDomainRedirFilterUSBDevParseXML(nodes[i],
                                               &dev->usbdevs[i]) < 0) {
            virDomainRedirFilterDefFree(dev);
            return NULL;
        }
        dev->nusbdevs++;
    }
    return dev;
}

int
virDomainRedirFilterDefFormat(virBuffer *buf,
                              const virDomainRedirFilterDef *dev,
                              const virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    size_t i;

    if (dev->nusbdevs == 0)
        return 0;

    virBufferAddLit(buf, "<redirfilter>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < dev->nusbdevs; i++) {
        const virDomainRedirFilterUSBDevDef *usbdev = &dev->usbdevs[i];

        virBufferAddLit(buf, "<usbdev");
        if (usbdev->usbClass >= 0)
            virBufferAsprintf(buf, " class='0x%02X'", usbdev->usbClass);
        if (usbdev->vendor >= 0)
            virBufferAsprintf(buf, " vendor='0x%04X'", usbdev->vendor);
        if (usbdev->product >= 0)
            virBufferAsprintf(buf, " product='0x%04X'", usbdev->product);
        if (usbdev->version >= 0)
            virBufferAsprintf(buf, " version='%d.%02d'",
                              ((usbdev->version >> 12) & 0xf) * 10 +
                              ((usbdev->version >> 8) & 0xf),
                              ((usbdev->version >> 4) & 0xf) * 10 +
                              (usbdev->version & 0xf));
        virBufferAsprintf(buf, " allow='%s'/>\n",
                          usbdev->allow ? "yes" : "no");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</redirfilter>\n");
    return 0;
}

void
virDomainRedirFilterDefFree(virDomainRedirFilterDef *dev)
{
    if (!dev)
        return;
    g_free(dev->usbdevs);
    g_free(dev);
}
