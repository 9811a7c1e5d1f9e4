/*
 * domain_rng.c: the <rng> device family: the model, an optional <rate
 * bytes period>, one <backend> (a host file for random, a character
 * device for egd, nothing for builtin), the virtio <driver> options and
 * the device's address.
 */
#include "domain_rng.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainRNGModel, VIR_DOMAIN_RNG_MODEL_LAST,
              "virtio", "virtio-transitional", "virtio-non-transitional");

VIR_ENUM_IMPL(virDomainRNGBackend, VIR_DOMAIN_RNG_BACKEND_LAST,
              "random", "egd", "builtin");

/* An unsigned attribute of <rate>; absent leaves *val alone. */
static int
virDomainRNGRateAttrParse(xmlNodePtr rate, const char *name,
                          unsigned int *val, const char *msg)
{
    g_autofree char *str = virXMLPropString(rate, name);

    if (str && virStrToLong_ui(str, NULL, 10, val) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", msg);
        return -1;
    }
    return 0;
}

static int
virDomainRNGBackendParseXML(virDomainRNGDef *dev, xmlNodePtr backend,
                            unsigned int flags)
{
    g_autofree char *model = virXMLPropString(backend, "model");
    g_autofree char *type = NULL;
    int val;

    if (!model) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing RNG device backend model");
        return -1;
    }
    if ((val = virDomainRNGBackendTypeFromString(model)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown RNG backend model '%s'", model);
        return -1;
    }
    dev->backend = val;

    switch (dev->backend) {
    case VIR_DOMAIN_RNG_BACKEND_RANDOM:
        dev->file = virXMLNodeContent(backend);
        /* An empty backend means the default device (upstream's
         * post-parse default). */
        if (!*dev->file)
            g_clear_pointer(&dev->file, g_free);
        if (!dev->file)
            dev->file = g_strdup("/dev/random");
        break;
    case VIR_DOMAIN_RNG_BACKEND_EGD:
        if (!(type = virXMLPropString(backend, "type"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing EGD backend type");
            return -1;
        }
        dev->chardev = virDomainChrSourceDefNew();
        if ((val = virDomainChrTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown backend type '%s' for egd", type);
            return -1;
        }
        dev->chardev->type = val;
        return virDomainChrSourceDefParseXML(dev->chardev, backend, flags);
    case VIR_DOMAIN_RNG_BACKEND_BUILTIN:
    case VIR_DOMAIN_RNG_BACKEND_LAST:
        break;
    }
    return 0;
}

virDomainRNGDef *
virDomainRNGDefParseXML(xmlNodePtr node, virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    virDomainRNGDef *dev = g_new0(virDomainRNGDef, 1);
    g_autofree char *model = virXMLPropString(node, "model");
    g_autofree xmlNodePtr *backends = NULL;
    xmlNodePtr rate;
    int val;

    if (!model) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing RNG device model");
        goto error;
    }
    if ((val = virDomainRNGModelTypeFromString(model)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown RNG model '%s'", model);
        goto error;
    }
    dev->model = val;

    if ((rate = virXMLChild(node, "rate"))) {
        unsigned int period = 0;

        if (virDomainRNGRateAttrParse(rate, "bytes", &dev->rate,
                                      "invalid RNG rate bytes value") < 0 ||
            virDomainRNGRateAttrParse(rate, "period", &period,
                                      "invalid RNG rate period value") < 0)
            goto error;
        /* The period only counts along with a rate. */
        if (dev->rate > 0)
            dev->period = period;
    }

    if (virXMLChildren(node, "backend", &backends) != 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one RNG backend is supported");
        goto error;
    }
    if (virDomainRNGBackendParseXML(dev, backends[0], flags) < 0)
        goto error;

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0)
        goto error;
    if (virDomainVirtioOptionsParseXML(virXMLChild(node, "driver"),
                                       &dev->virtio) < 0)
        goto error;
    if (dev->chardev && virDomainChrSourceDefValidate(dev->chardev, NULL) < 0)
        goto error;
    return dev;

 error:
    virDomainRNGDefFree(dev);
    return NULL;
}

int
virDomainRNGDefFormat(virBuffer *buf, const virDomainRNGDef *dev,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags)
{
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(buf, "<rng model='%s'>\n",
                      virDomainRNGModelTypeToString(dev->model));
    virBufferAdjustIndent(buf, 2);
    if (dev->rate) {
        virBufferAsprintf(buf, "<rate bytes='%u'", dev->rate);
        if (dev->period)
            virBufferAsprintf(buf, " period='%u'", dev->period);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAsprintf(buf, "<backend model='%s'",
                      virDomainRNGBackendTypeToString(dev->backend));
    switch (dev->backend) {
    case VIR_DOMAIN_RNG_BACKEND_RANDOM:
        virBufferEscapeString(buf, ">%s</backend>\n", dev->file);
        break;
    case VIR_DOMAIN_RNG_BACKEND_EGD:
        virDomainChrSourceDefFormatType(buf, dev->chardev);
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virDomainChrSourceDefFormat(buf, dev->chardev, flags);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</backend>\n");
        break;
    case VIR_DOMAIN_RNG_BACKEND_BUILTIN:
    case VIR_DOMAIN_RNG_BACKEND_LAST:
        virBufferAddLit(buf, "/>\n");
        break;
    }
    virDomainVirtioOptionsFormat(&driverBuf, &dev->virtio);
    virXMLFormatElement(buf, "driver", &driverBuf, NULL);
    virDomainDeviceInfoFormat(buf, &dev->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</rng>\n");
    return 0;
}

void
virDomainRNGDefFree(virDomainRNGDef *dev)
{
    if (!dev)
        return;
    g_free(dev->file);
    virDomainChrSourceDefFree(dev->chardev);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
