/*
 * domain_hub.c: the <hub> device family.  A hub has only its type and the
 * common device information.
 */
#include "domain_hub.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainHub, VIR_DOMAIN_HUB_TYPE_LAST, "usb");

virDomainHubDef *
virDomainHubDefParseXML(xmlNodePtr node,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    g_autoptr(virDomainHubDef) hub = g_new0(virDomainHubDef, 1);
    g_autofree char *type = virXMLPropString(node, "type");
    int val;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing hub device type");
        return NULL;
    }
    if ((val = virDomainHubTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown hub device type '%s'", type);
        return NULL;
    }
    hub->type = val;

    if (virDomainDeviceInfoParseXML(node, &hub->info, flags) < 0)
        return NULL;

    return g_steal_pointer(&hub);
}

int
virDomainHubDefFormat(virBuffer *buf,
                      const virDomainHubDef *hub,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virDomainDeviceInfoFormat(&childBuf, &hub->info, flags);

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainHubTypeToString(hub->type));
    virXMLFormatElement(buf, "hub", &attrBuf, &childBuf);
    return 0;
}

void
virDomainHubDefFree(virDomainHubDef *hub)
{
    if (!hub)
        return;
    virDomainDeviceInfoClear(&hub->info);
    g_free(hub);
}
