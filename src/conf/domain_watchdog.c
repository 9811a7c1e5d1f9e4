/*
 * domain_watchdog.c: the <watchdog> device family: a model, the action
 * taken when the guest stops feeding it (reset by default) and the
 * device's address.
 */
#include "domain_watchdog.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainWatchdogModel, VIR_DOMAIN_WATCHDOG_MODEL_LAST,
              "i6300esb", "ib700", "diag288");

VIR_ENUM_IMPL(virDomainWatchdogAction, VIR_DOMAIN_WATCHDOG_ACTION_LAST,
              "reset", "shutdown", "poweroff", "pause", "dump", "none",
              "inject-nmi");

virDomainWatchdogDef *
virDomainWatchdogDefParseXML(xmlNodePtr node, virDomainDef *def,
                             unsigned int flags)
{
    g_autofree virDomainWatchdogDef *dev = g_new0(virDomainWatchdogDef, 1);
    g_autofree char *model = virXMLPropString(node, "model");
    g_autofree char *action = virXMLPropString(node, "action");
    int val;

    /* Upstream's own wording and code for a second one. */
    if (def->devices->nwatchdogs > 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "only a single watchdog device is supported");
        return NULL;
    }
    if (!model) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "watchdog must contain model name");
        return NULL;
    }
    if ((val = virDomainWatchdogModelTypeFromString(model)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown watchdog model '%s'", model);
        return NULL;
    }
    dev->model = val;

    if (action) {
        if ((val = virDomainWatchdogActionTypeFromString(action)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown watchdog action '%s'", action);
            return NULL;
        }
        dev->action = val;
    }

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&dev);
}

int
virDomainWatchdogDefFormat(virBuffer *buf, const virDomainWatchdogDef *dev,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " model='%s' action='%s'",
                      virDomainWatchdogModelTypeToString(dev->model),
                      virDomainWatchdogActionTypeToString(dev->action));
    virDomainDeviceInfoFormat(&childBuf, &dev->info, flags);
    virXMLFormatElement(buf, "watchdog", &attrBuf, &childBuf);
    return 0;
}

void
virDomainWatchdogDefFree(virDomainWatchdogDef *dev)
{
    if (!dev)
        return;
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
