/*
 * domain_smartcard.c: the <smartcard> device family: a host reader, three
 * host certificates with an optional NSS database, or a character device
 * passed through to the guest, plus the device's address.
 */
#include "domain_smartcard.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainSmartcard, VIR_DOMAIN_SMARTCARD_TYPE_LAST,
              "host", "host-certificates", "passthrough");

static int
virDomainSmartcardCertsParseXML(virDomainSmartcardDef *dev, xmlNodePtr node)
{
    g_autofree xmlNodePtr *certs = NULL;
    xmlNodePtr database;
    size_t i;

    if (virXMLChildren(node, "certificate", &certs) !=
        VIR_DOMAIN_SMARTCARD_NUM_CERTIFICATES) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "host-certificates mode needs exactly three certificates");
        return -1;
    }
    for (i = 0; i < VIR_DOMAIN_SMARTCARD_NUM_CERTIFICATES; i++)
        dev->file[i] = virXMLNodeContent(certs[i]);

    if ((database = virXMLChild(node, "database"))) {
        dev->database = virXMLNodeContent(database);
        if (*dev->database != '/') {
            virReportError(VIR_ERR_XML_ERROR, "expecting absolute path: %s",
                           dev->database);
            return -1;
        }
    }
    return 0;
}

static int
virDomainSmartcardPassthroughParseXML(virDomainSmartcardDef *dev,
                                      xmlNodePtr node, unsigned int flags)
{
    g_autofree char *type = virXMLPropString(node, "type");

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "passthrough mode requires a character device type attribute");
        return -1;
    }
    dev->passthru = virDomainChrSourceDefNew();
    if (virDomainChrSourceTypeParse(dev->passthru, type) < 0)
        return -1;
    return virDomainChrSourceDefParseXML(dev->passthru, node, flags);
}

virDomainSmartcardDef *
virDomainSmartcardDefParseXML(xmlNodePtr node,
                              virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags)
{
    virDomainSmartcardDef *dev = g_new0(virDomainSmartcardDef, 1);
    int mode;

    if (virXMLPropEnum(node, "mode", virDomainSmartcardTypeFromString,
                       VIR_XML_PROP_REQUIRED, &mode) < 0)
        goto error;
    dev->type = mode;

    switch (dev->type) {
    case VIR_DOMAIN_SMARTCARD_TYPE_HOST:
    case VIR_DOMAIN_SMARTCARD_TYPE_LAST:
        break;
    case VIR_DOMAIN_SMARTCARD_TYPE_HOST_CERTIFICATES:
        if (virDomainSmartcardCertsParseXML(dev, node) < 0)
            goto error;
        break;
    case VIR_DOMAIN_SMARTCARD_TYPE_PASSTHROUGH:
        if (virDomainSmartcardPassthroughParseXML(dev, node, flags) < 0)
            goto error;
        break;
    }

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0)
        goto error;

    if (dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Controllers must use the 'ccid' address type");
        goto error;
    }
    if (dev->passthru && virDomainChrSourceDefValidate(dev->passthru, NULL) < 0)
        goto error;
    return dev;

 error:
    virDomainSmartcardDefFree(dev);
    return NULL;
}

int
virDomainSmartcardDefFormat(virBuffer *buf, const virDomainSmartcardDef *dev,
                            const virDomainDef *def G_GNUC_UNUSED,
                            unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    switch (dev->type) {
    case VIR_DOMAIN_SMARTCARD_TYPE_HOST:
    case VIR_DOMAIN_SMARTCARD_TYPE_LAST:
        break;
    case VIR_DOMAIN_SMARTCARD_TYPE_HOST_CERTIFICATES:
        for (i = 0; i < VIR_DOMAIN_SMARTCARD_NUM_CERTIFICATES; i++)
            virBufferEscapeString(&childBuf,
                                  "<certificate>%s</certificate>\n",
                                  dev->file[i]);
        virBufferEscapeString(&childBuf, "<database>%s</database>\n",
                              dev->database);
        break;
    case VIR_DOMAIN_SMARTCARD_TYPE_PASSTHROUGH:
        virDomainChrSourceDefFormat(&childBuf, dev->passthru, flags);
        break;
    }
    virDomainDeviceInfoFormat(&childBuf, &dev->info, flags);

    virBufferAsprintf(&attrBuf, " mode='%s'",
                      virDomainSmartcardTypeToString(dev->type));
    if (dev->type == VIR_DOMAIN_SMARTCARD_TYPE_PASSTHROUGH)
        virDomainChrSourceDefFormatType(&attrBuf, dev->passthru);
    virXMLFormatElement(buf, "smartcard", &attrBuf, &childBuf);
    return 0;
}

void
virDomainSmartcardDefsAssignAddresses(virDomainDef *def)
{
    virDomainDevices *devs = def->devices;
    size_t i, j;

    for (i = 0; i < devs->nsmartcards; i++) {
        virDomainDeviceInfo *info = &devs->smartcards[i]->info;
        int max = -1;

        if (info->type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE)
            continue;
        for (j = 0; j < devs->nsmartcards; j++) {
            const virDomainDeviceInfo *other = &devs->smartcards[j]->info;

            if (other->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID &&
                other->addr.ccid.controller == 0 &&
                (int)other->addr.ccid.slot > max)
                max = other->addr.ccid.slot;
        }
        info->type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID;
        info->addr.ccid.controller = 0;
        info->addr.ccid.slot = max + 1;
    }
}

void
virDomainSmartcardDefFree(virDomainSmartcardDef *dev)
{
    size_t i;

    if (!dev)
        return;
    for (i = 0; i < VIR_DOMAIN_SMARTCARD_NUM_CERTIFICATES; i++)
        g_free(dev->file[i]);
    g_free(dev->database);
    virDomainChrSourceDefFree(dev->passthru);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
