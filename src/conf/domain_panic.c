/*
 * domain_panic.c: the <panic> device family, a guest crash notifier with
 * an optional model and address.
 */
#include "domain_panic.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainPanicModel, VIR_DOMAIN_PANIC_MODEL_LAST,
              "default", "isa", "pseries", "hyperv", "s390");

virDomainPanicDef *
virDomainPanicDefParseXML(xmlNodePtr node, virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags)
{
    g_autofree virDomainPanicDef *dev = g_new0(virDomainPanicDef, 1);
    g_autofree char *model = NULL;
    int val;

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0)
        return NULL;

    if ((model = virXMLPropString(node, "model"))) {
        if ((val = virDomainPanicModelTypeFromString(model)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown panic model '%s'", model);
            virDomainDeviceInfoClear(&dev->info);
            return NULL;
        }
        dev->model = val;
    }
    return g_steal_pointer(&dev);
}

int
virDomainPanicDefFormat(virBuffer *buf, const virDomainPanicDef *dev,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (dev->model != VIR_DOMAIN_PANIC_MODEL_DEFAULT)
        virBufferAsprintf(&attrBuf, " model='%s'",
                          virDomainPanicModelTypeToString(dev->model));
    /* Upstream writes a panic's info without the format flags. */
    virDomainDeviceInfoFormat(&childBuf, &dev->info, 0);
    virXMLFormatElement(buf, "panic", &attrBuf, &childBuf);
    return 0;
}

void
virDomainPanicDefFree(virDomainPanicDef *dev)
{
    if (!dev)
        return;
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
