/*
 * domain_hostdev.c: the <hostdev> device family, read and written as
 * upstream libvirt 9.0 does, and the SCSI addresses upstream gives host
 * SCSI devices after parsing.
 */
#include "domain_hostdev.h"

#include "domain_disk.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainHostdevMode, VIR_DOMAIN_HOSTDEV_MODE_LAST,
              "subsystem", "capabilities");
VIR_ENUM_IMPL(virDomainHostdevSubsys, VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST,
              "usb", "pci", "scsi", "scsi_host", "mdev");
VIR_ENUM_IMPL(virDomainHostdevCaps, VIR_DOMAIN_HOSTDEV_CAPS_TYPE_LAST,
              "storage", "misc", "net");
VIR_ENUM_IMPL(virDomainHostdevSubsysPCIBackend,
              VIR_DOMAIN_HOSTDEV_PCI_BACKEND_TYPE_LAST,
              "default", "kvm", "vfio", "xen");
VIR_ENUM_IMPL(virDomainHostdevSubsysSCSIProtocol,
              VIR_DOMAIN_HOSTDEV_SCSI_PROTOCOL_TYPE_LAST,
              "adapter", "iscsi");
VIR_ENUM_IMPL(virDomainHostdevSubsysSCSIHostProtocol,
              VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_HOST_PROTOCOL_TYPE_LAST,
              "none", "vhost");
VIR_ENUM_IMPL(virDomainHostdevSubsysSCSIVHostModel,
              VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_VHOST_MODEL_TYPE_LAST,
              "default", "virtio", "virtio-transitional",
              "virtio-non-transitional");
VIR_ENUM_IMPL(virDomainHostdevSubsysUSBGuestReset,
              VIR_DOMAIN_HOSTDEV_USB_GUEST_RESET_LAST,
              "default", "off", "uninitialized", "on");
VIR_ENUM_IMPL(virMediatedDeviceModel, VIR_MDEV_MODEL_TYPE_LAST,
              "vfio-pci", "vfio-ccw", "vfio-ap");
VIR_ENUM_IMPL(virDomainHostdevTeaming, VIR_DOMAIN_HOSTDEV_TEAMING_TYPE_LAST,
              "none", "persistent", "transient");

/* a narrow SCSI bus: units 0-6, the controller is 7 */
#define HOSTDEV_SCSI_MAX_UNIT 7


void
virDomainHostdevDefFree(virDomainHostdevDef *dev)
{
    if (!dev)
        return;
    g_free(dev->scsiAdapter);
    virStorageSourceFree(dev->iscsi);
    g_free(dev->wwpn);
    g_free(dev->capsValue);
    g_free(dev->teamingPersistent);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainHostdevDef, virDomainHostdevDefFree);


static int
virDomainHostdevParseUSB(xmlNodePtr source, virDomainHostdevDef *dev)
{
    xmlNodePtr vendor = virXMLChild(source, "vendor");
    xmlNodePtr product = virXMLChild(source, "product");
    xmlNodePtr addr;
    virTristateBool autoAddress;
    int val;

    if (virXMLPropEnum(source, "startupPolicy",
                       virDomainStartupPolicyTypeFromString,
                       VIR_XML_PROP_NONZERO, &dev->startupPolicy) < 0)
        return -1;
    /* only kept in migratable status, which we never write */
    if (virXMLPropTristateBool(source, "autoAddress", VIR_XML_PROP_NONE,
                               &autoAddress) < 0)
        return -1;
    if (virXMLPropEnum(source, "guestReset",
                       virDomainHostdevSubsysUSBGuestResetTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    dev->guestReset = val;

    if (vendor) {
        if (virXMLPropUInt(vendor, "id", 0,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &dev->usbVendor) < 0)
            return -1;
        if (!product) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing product");
            return -1;
        }
    }
    if (product) {
        if (virXMLPropUInt(product, "id", 0, VIR_XML_PROP_REQUIRED,
                           &dev->usbProduct) < 0)
            return -1;
        if (!vendor) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing vendor");
            return -1;
        }
    }

    if ((addr = virXMLChild(source, "address")) &&
        (virXMLPropUInt(addr, "bus", 0, VIR_XML_PROP_REQUIRED,
                        &dev->usbBus) < 0 ||
         virXMLPropUInt(addr, "device", 0, VIR_XML_PROP_REQUIRED,
                        &dev->usbDevice) < 0))
        return -1;
    return 0;
}


static int
virDomainHostdevParseISCSI(xmlNodePtr source, virDomainHostdevDef *dev)
{
    g_autofree xmlNodePtr *hosts = NULL;
    size_t nhosts;
    xmlNodePtr cur;
    virStorageSource *src;

    dev->iscsi = src = virStorageSourceNew();
    src->type = VIR_STORAGE_TYPE_NETWORK;
    src->protocol = VIR_STORAGE_NET_PROTOCOL_ISCSI;

    if (!(src->path = virXMLPropString(source, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing iSCSI hostdev source path name");
        return -1;
    }

    nhosts = virXMLChildren(source, "host", &hosts);
    if (nhosts < 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing the host address for the iSCSI hostdev");
        return -1;
    }
    if (nhosts > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one source host address may be specified for the iSCSI hostdev");
        return -1;
    }
    src->hosts = g_new0(virStorageNetHostDef, 1);
    src->nhosts = 1;
    src->hosts[0].name = virXMLPropString(hosts[0], "name");
    {
        g_autofree char *port = virXMLPropString(hosts[0], "port");
        /* read as any network host; only name and port are kept */
        virXMLPropIgnore(hosts[0], "transport");
        if (port && virStrToLong_uip(port, NULL, 10, &src->hosts[0].port) < 0) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "failed to parse port number '%s'", port);
            return -1;
        }
        if (!src->hosts[0].name) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "missing name for host");
            return -1;
        }
    }

    if ((cur = virXMLChild(source, "auth"))) {
        const char *usage;

        if (!(src->auth = virStorageAuthDefParse(cur)))
            return -1;
        usage = src->auth->secrettype;
        if (!usage ||
            (strcmp(usage, "none") != 0 && strcmp(usage, "volume") != 0 &&
             strcmp(usage, "ceph") != 0 && strcmp(usage, "iscsi") != 0 &&
             strcmp(usage, "tls") != 0 && strcmp(usage, "vtpm") != 0)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "invalid secret type %s", NULLSTR(usage));
            return -1;
        }
        if (strcmp(usage, "iscsi") != 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "hostdev invalid secret type '%s'", usage);
            return -1;
        }
    }

    if ((cur = virXMLChild(source, "initiator")) &&
        (cur = virXMLChild(cur, "iqn")))
        src->initiatorIqn = virXMLPropString(cur, "name");

    /* like disks: a target without LUN means LUN 0 */
    if (!strchr(src->path, '/')) {
        char *path = g_strdup_printf("%s/0", src->path);

        g_free(src->path);
        src->path = path;
    }
    return 0;
}


static int
virDomainHostdevParseSCSI(xmlNodePtr source, virDomainHostdevDef *dev)
{
    g_autofree char *protocol = virXMLPropString(source, "protocol");
    xmlNodePtr addr;
    xmlNodePtr adapter;
    int val;

    if (protocol) {
        if ((val = virDomainHostdevSubsysSCSIProtocolTypeFromString(protocol)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown SCSI subsystem protocol '%s'", protocol);
            return -1;
        }
        dev->scsiProtocol = val;
    }

    if (dev->scsiProtocol == VIR_DOMAIN_HOSTDEV_SCSI_PROTOCOL_TYPE_ISCSI)
        return virDomainHostdevParseISCSI(source, dev);

    if (!(addr = virXMLChild(source, "address"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'address' must be specified for scsi hostdev source");
        return -1;
    }
    if (virXMLPropUInt(addr, "bus", 0, VIR_XML_PROP_REQUIRED,
                       &dev->scsiBus) < 0 ||
        virXMLPropUInt(addr, "target", 0, VIR_XML_PROP_REQUIRED,
                       &dev->scsiTarget) < 0 ||
        virXMLPropULongLong(addr, "unit", 0, VIR_XML_PROP_REQUIRED,
                            &dev->scsiUnit) < 0)
        return -1;

    if (!(adapter = virXMLChild(source, "adapter")) ||
        !(dev->scsiAdapter = virXMLPropString(adapter, "name")) ||
        !*dev->scsiAdapter) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'adapter' name must be specified for scsi hostdev source");
        return -1;
    }
    return 0;
}


static int
virDomainHostdevParseSCSIHost(xmlNodePtr source, virDomainHostdevDef *dev)
{
    g_autofree char *protocol = virXMLPropString(source, "protocol");
    const char *hex;
    size_t i;
    int val;

    if (!protocol) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing scsi_host subsystem protocol");
        return -1;
    }
    if ((val = virDomainHostdevSubsysSCSIHostProtocolTypeFromString(protocol)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Unknown scsi_host subsystem protocol '%s'", protocol);
        return -1;
    }
    dev->vhostProtocol = val;

    if (!(dev->wwpn = virXMLPropString(source, "wwpn"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing vhost-scsi hostdev source wwpn");
        return -1;
    }
    /* "naa." and a 16 digit WWN, optionally 0x-prefixed */
    if (!g_str_has_prefix(dev->wwpn, "naa.")) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed 'wwpn' value");
        return -1;
    }
    hex = dev->wwpn + 4;
    if (g_str_has_prefix(hex, "0x"))
        hex += 2;
    for (i = 0; hex[i] && g_ascii_isxdigit(hex[i]); i++)
        ;
    if (i != 16 || hex[i]) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed 'wwpn' value");
        return -1;
    }
    return 0;
}


static int
virDomainHostdevParseMdev(xmlNodePtr source, virDomainHostdevDef *dev)
{
    xmlNodePtr addr = virXMLChild(source, "address");
    g_autofree char *uuid = NULL;
    unsigned char raw[16];

    if (!addr) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Missing <address> element");
        return -1;
    }
    if (!(uuid = virXMLPropString(addr, "uuid"))) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Missing 'uuid' attribute for element <address>");
        return -1;
    }
    if (virUUIDParse(uuid, raw) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Cannot parse uuid attribute of element <address>");
        return -1;
    }
    virUUIDFormat(raw, dev->mdevUUID);
    return 0;
}


/* The <source> every subsystem and capabilities hostdev must have. */
static xmlNodePtr
virDomainHostdevSourceNode(xmlNodePtr node)
{
    xmlNodePtr source = virXMLChild(node, "source");

    if (!source)
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing <source> element in hostdev device");
    return source;
}


int
virDomainHostdevSubsysParseXML(xmlNodePtr node, const char *type,
                               virDomainHostdevDef *dev)
{
    g_autofree char *model = virXMLPropString(node, "model");
    g_autofree char *managed = virXMLPropString(node, "managed");
    xmlNodePtr source;
    xmlNodePtr driver;
    int val;
    int rc;

    /* upstream ignores a bad value here */
    dev->managed = g_strcmp0(managed, "yes") == 0;

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing source address type");
        return -1;
    }
    if ((val = virDomainHostdevSubsysTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown host device source address type '%s'", type);
        return -1;
    }
    dev->subsysType = val;

    if (!(source = virDomainHostdevSourceNode(node)))
        return -1;

    if (dev->subsysType != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB &&
        xmlHasProp(source, (const xmlChar *)"startupPolicy")) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Setting startupPolicy is only allowed for USB devices");
        return -1;
    }

    if ((rc = virXMLPropEnum(node, "sgio", virDomainDeviceSGIOTypeFromString,
                             VIR_XML_PROP_NONZERO, &dev->sgio)) < 0)
        return -1;
    if (rc > 0 && dev->subsysType != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "sgio is only supported for scsi host device");
        return -1;
    }
    if ((rc = virXMLPropTristateBool(node, "rawio", VIR_XML_PROP_NONE,
                                     &dev->rawio)) < 0)
        return -1;
    if (rc > 0 && dev->subsysType != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "rawio is only supported for scsi host device");
        return -1;
    }

    if (model && dev->subsysType != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV &&
        dev->subsysType != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST) {
        virReportError(VIR_ERR_XML_ERROR,
                       "'model' attribute in <hostdev> is only supported when type='%s'",
                       virDomainHostdevSubsysTypeToString(dev->subsysType));
        return -1;
    }
    if (dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST) {
        if (virXMLPropEnum(node, "model",
                           virDomainHostdevSubsysSCSIVHostModelTypeFromString,
                           VIR_XML_PROP_NONE, &val) < 0)
            return -1;
        dev->vhostModel = val;
    } else if (dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV) {
        if (virXMLPropEnum(node, "model", virMediatedDeviceModelTypeFromString,
                           VIR_XML_PROP_REQUIRED, &val) < 0)
            return -1;
        dev->mdevModel = val;
        if (virXMLPropTristateSwitch(node, "display", VIR_XML_PROP_NONE,
                                     &dev->display) < 0 ||
            virXMLPropTristateSwitch(node, "ramfb", VIR_XML_PROP_NONE,
                                     &dev->ramfb) < 0)
            return -1;
    }

    switch (dev->subsysType) {
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI: {
        xmlNodePtr addr;

        if (virXMLPropTristateBool(source, "writeFiltering", VIR_XML_PROP_NONE,
                                   &dev->writeFiltering) < 0)
            return -1;
        if ((addr = virXMLChild(source, "address")) &&
            virPCIDeviceAddressParseXML(addr, &dev->pciAddr) < 0)
            return -1;
        if ((driver = virXMLChild(node, "driver"))) {
            if (virXMLPropEnum(driver, "name",
                               virDomainHostdevSubsysPCIBackendTypeFromString,
                               VIR_XML_PROP_NONZERO, &val) < 0)
                return -1;
            dev->backend = val;
        }
        return 0;
    }
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB:
        return virDomainHostdevParseUSB(source, dev);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI:
        return virDomainHostdevParseSCSI(source, dev);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST:
        return virDomainHostdevParseSCSIHost(source, dev);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV:
        return virDomainHostdevParseMdev(source, dev);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST:
        break;
    }
    return 0;
}


static int
virDomainHostdevParseCaps(xmlNodePtr node, const char *type,
                          virDomainHostdevDef *dev)
{
    static const char *const elements[] = { "block", "char", "interface" };
    static const char *const missing[] = {
        "Missing <block> element in hostdev storage device",
        "Missing <char> element in hostdev character device",
        "Missing <interface> element in hostdev net device",
    };
    xmlNodePtr source;
    int val;

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing source address type");
        return -1;
    }
    if ((val = virDomainHostdevCapsTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown host device source address type '%s'", type);
        return -1;
    }
    dev->capsType = val;

    if (!(source = virDomainHostdevSourceNode(node)))
        return -1;
    dev->capsValue = virXMLChildContent(source, elements[dev->capsType]);
    if (!dev->capsValue || !*dev->capsValue) {
        virReportError(VIR_ERR_XML_ERROR, "%s", missing[dev->capsType]);
        return -1;
    }
    return 0;
}


virDomainHostdevDef *
virDomainHostdevDefParseXML(xmlNodePtr node,
                            virDomainDef *def G_GNUC_UNUSED,
                            unsigned int flags)
{
    g_autoptr(virDomainHostdevDef) dev = g_new0(virDomainHostdevDef, 1);
    g_autofree char *mode = virXMLPropString(node, "mode");
    g_autofree char *type = virXMLPropString(node, "type");
    g_autofree char *teamingType = NULL;
    xmlNodePtr cur;
    int val;

    if (mode) {
        if ((val = virDomainHostdevModeTypeFromString(mode)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown hostdev mode '%s'", mode);
            return NULL;
        }
        dev->mode = val;
    }

    if (dev->mode == VIR_DOMAIN_HOSTDEV_MODE_SUBSYS) {
        if (virDomainHostdevSubsysParseXML(node, type, dev) < 0)
            return NULL;
    } else if (virDomainHostdevParseCaps(node, type, dev) < 0) {
        return NULL;
    }

    if (virDomainDeviceInfoParseXML(node, &dev->info,
                                    flags | VIR_DOMAIN_DEVICE_INFO_BOOT |
                                    VIR_DOMAIN_DEVICE_INFO_ROM) < 0)
        return NULL;

    if (dev->mode == VIR_DOMAIN_HOSTDEV_MODE_SUBSYS &&
        dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI) {
        dev->readonly = virXMLChild(node, "readonly") != NULL;
        dev->shareable = virXMLChild(node, "shareable") != NULL;
    }

    if ((cur = virXMLChild(node, "teaming"))) {
        g_autofree char *persistent = virXMLPropString(cur, "persistent");

        teamingType = virXMLPropString(cur, "type");
        if (teamingType || persistent) {
            if (!teamingType ||
                (val = virDomainHostdevTeamingTypeFromString(teamingType)) <= 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown teaming type '%s'", NULLSTR(teamingType));
                return NULL;
            }
            dev->teaming = val;
            dev->teamingPersistent = g_steal_pointer(&persistent);
        }
    }

    return g_steal_pointer(&dev);
}


void
virDomainHostdevSubsysFormat(virBuffer *buf, const virDomainHostdevDef *dev,
                             unsigned int flags G_GNUC_UNUSED,
                             bool typedAddr)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    switch (dev->subsysType) {
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB:
        if (dev->startupPolicy)
            virBufferAsprintf(&attrBuf, " startupPolicy='%s'",
                              virDomainStartupPolicyTypeToString(dev->startupPolicy));
        if (dev->guestReset)
            virBufferAsprintf(&attrBuf, " guestReset='%s'",
                              virDomainHostdevSubsysUSBGuestResetTypeToString(dev->guestReset));
        if (dev->usbVendor) {
            virBufferAsprintf(&childBuf, "<vendor id='0x%.4x'/>\n", dev->usbVendor);
            virBufferAsprintf(&childBuf, "<product id='0x%.4x'/>\n", dev->usbProduct);
        }
        if (dev->usbBus || dev->usbDevice)
            virBufferAsprintf(&childBuf, "<address %sbus='%u' device='%u'/>\n",
                              typedAddr ? "type='usb' " : "",
                              dev->usbBus, dev->usbDevice);
        break;

    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI:
        virDomainTristateBoolAttrFormat(&attrBuf, "writeFiltering",
                                        dev->writeFiltering);
        if (dev->backend)
            virBufferAsprintf(buf, "<driver name='%s'/>\n",
                              virDomainHostdevSubsysPCIBackendTypeToString(dev->backend));
        virPCIDeviceAddressFormat(&childBuf, &dev->pciAddr, typedAddr);
        break;

    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI:
        if (dev->scsiProtocol == VIR_DOMAIN_HOSTDEV_SCSI_PROTOCOL_TYPE_ISCSI) {
            const virStorageSource *src = dev->iscsi;

            virBufferAsprintf(&attrBuf, " protocol='iscsi'");
            virBufferEscapeString(&attrBuf, " name='%s'", src->path);
            virBufferAddLit(&childBuf, "<host");
            virBufferEscapeString(&childBuf, " name='%s'", src->hosts[0].name);
            if (src->hosts[0].port)
                virBufferAsprintf(&childBuf, " port='%u'", src->hosts[0].port);
            virBufferAddLit(&childBuf, "/>\n");
            if (src->auth)
                virStorageAuthDefFormat(&childBuf, src->auth);
            if (src->initiatorIqn) {
                virBufferAddLit(&childBuf, "<initiator>\n");
                virBufferAdjustIndent(&childBuf, 2);
                virBufferEscapeString(&childBuf, "<iqn name='%s'/>\n",
                                      src->initiatorIqn);
                virBufferAdjustIndent(&childBuf, -2);
                virBufferAddLit(&childBuf, "</initiator>\n");
            }
        } else {
            virBufferEscapeString(&childBuf, "<adapter name='%s'/>\n",
                                  dev->scsiAdapter);
            virBufferAsprintf(&childBuf,
                              "<address %sbus='%u' target='%u' unit='%llu'/>\n",
                              typedAddr ? "type='scsi' " : "", dev->scsiBus,
                              dev->scsiTarget, dev->scsiUnit);
        }
        break;

    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST:
        virBufferAsprintf(&attrBuf, " protocol='%s'",
                          virDomainHostdevSubsysSCSIHostProtocolTypeToString(dev->vhostProtocol));
        virBufferEscapeString(&attrBuf, " wwpn='%s'", dev->wwpn);
        break;

    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV:
        virBufferAsprintf(&childBuf, "<address uuid='%s'/>\n", dev->mdevUUID);
        break;

    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST:
        break;
    }

    virXMLFormatElement(buf, "source", &attrBuf, &childBuf);
}


int
virDomainHostdevDefFormat(virBuffer *buf,
                          const virDomainHostdevDef *dev,
                          const virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags)
{
    bool subsys = dev->mode == VIR_DOMAIN_HOSTDEV_MODE_SUBSYS;

    virBufferAsprintf(buf, "<hostdev mode='%s' type='%s'",
                      virDomainHostdevModeTypeToString(dev->mode),
                      subsys ? virDomainHostdevSubsysTypeToString(dev->subsysType) :
                               virDomainHostdevCapsTypeToString(dev->capsType));
    if (subsys) {
        virBufferAsprintf(buf, " managed='%s'", dev->managed ? "yes" : "no");
        if (dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI) {
            if (dev->sgio)
                virBufferAsprintf(buf, " sgio='%s'",
                                  virDomainDeviceSGIOTypeToString(dev->sgio));
            virDomainTristateBoolAttrFormat(buf, "rawio", dev->rawio);
        }
        if (dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST &&
            dev->vhostModel)
            virBufferAsprintf(buf, " model='%s'",
                              virDomainHostdevSubsysSCSIVHostModelTypeToString(dev->vhostModel));
        if (dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV) {
            virBufferAsprintf(buf, " model='%s'",
                              virMediatedDeviceModelTypeToString(dev->mdevModel));
            virDomainTristateSwitchAttrFormat(buf, "display", dev->display);
            virDomainTristateSwitchAttrFormat(buf, "ramfb", dev->ramfb);
        }
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    if (subsys) {
        virDomainHostdevSubsysFormat(buf, dev, flags, false);
    } else {
        static const char *const elements[] = { "block", "char", "interface" };

        virBufferAddLit(buf, "<source>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferAsprintf(buf, "<%s>", elements[dev->capsType]);
        virBufferEscapeString(buf, "%s", dev->capsValue);
        virBufferAsprintf(buf, "</%s>\n", elements[dev->capsType]);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</source>\n");
    }

    if (dev->teaming) {
        virBufferAsprintf(buf, "<teaming type='%s'",
                          virDomainHostdevTeamingTypeToString(dev->teaming));
        virBufferEscapeString(buf, " persistent='%s'", dev->teamingPersistent);
        virBufferAddLit(buf, "/>\n");
    }

    if (dev->readonly)
        virBufferAddLit(buf, "<readonly/>\n");
    if (dev->shareable)
        virBufferAddLit(buf, "<shareable/>\n");

    virDomainDeviceInfoFormat(buf, &dev->info,
                              flags | VIR_DOMAIN_DEVICE_INFO_BOOT |
                              VIR_DOMAIN_DEVICE_INFO_ROM);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</hostdev>\n");
    return 0;
}


static bool
virDomainHostdevIsSCSI(const virDomainHostdevDef *dev)
{
    return dev->mode == VIR_DOMAIN_HOSTDEV_MODE_SUBSYS &&
           dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI;
}


static bool
virDomainHostdevDriveAddrEqual(const virDomainDeviceInfo *info,
                               const virDomainDeviceDriveAddress *addr)
{
    return info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
           info->addr.drive.controller == addr->controller &&
           info->addr.drive.bus == addr->bus &&
           info->addr.drive.target == addr->target &&
           info->addr.drive.unit == addr->unit;
}


static bool
virDomainHostdevSCSIAddrUsedByDisk(const virDomainDef *def,
                                   const virDomainDeviceDriveAddress *addr)
{
    size_t i;

    for (i = 0; i < def->devices->ndisks; i++) {
        const virDomainDiskDef *disk = def->devices->disks[i];

        if (disk->bus == VIR_DOMAIN_DISK_BUS_SCSI &&
            virDomainHostdevDriveAddrEqual(&disk->info, addr))
            return true;
    }
    return false;
}


static bool
virDomainHostdevSCSIAddrUsed(const virDomainDef *def,
                             const virDomainDeviceDriveAddress *addr)
{
    size_t i;

    if (virDomainHostdevSCSIAddrUsedByDisk(def, addr))
        return true;
    for (i = 0; i < def->devices->nhostdevs; i++) {
        const virDomainHostdevDef *dev = def->devices->hostdevs[i];

        if (virDomainHostdevIsSCSI(dev) &&
            virDomainHostdevDriveAddrEqual(&dev->info, addr))
            return true;
    }
    return false;
}


int
virDomainHostdevDefsPostParse(virDomainDef *def,
                              unsigned int flags G_GNUC_UNUSED)
{
    size_t i;

    for (i = 0; i < def->devices->nhostdevs; i++) {
        virDomainHostdevDef *dev = def->devices->hostdevs[i];
        virDomainDeviceDriveAddress *addr = &dev->info.addr.drive;

        if (dev->mode == VIR_DOMAIN_HOSTDEV_MODE_SUBSYS &&
            dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV &&
            dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
            ((dev->mdevModel == VIR_MDEV_MODEL_TYPE_VFIO_PCI &&
              dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI) ||
             (dev->mdevModel == VIR_MDEV_MODEL_TYPE_VFIO_CCW &&
              dev->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW))) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Unsupported address type '%s' with mediated device model '%s'",
                           virDomainDeviceAddressTypeToString(dev->info.type),
                           virMediatedDeviceModelTypeToString(dev->mdevModel));
            return -1;
        }

        if (!virDomainHostdevIsSCSI(dev))
            continue;

        /* the first free unit on bus 0 target 0 of the first controller
         * that has one */
        if (dev->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE) {
            virDomainDeviceDriveAddress next = { 0 };
            unsigned int unit = 0;

            for (;;) {
                next.unit = unit;
                if (!virDomainHostdevSCSIAddrUsed(def, &next))
                    break;
                if (++unit == HOSTDEV_SCSI_MAX_UNIT) {
                    unit = 0;
                    next.controller++;
                }
            }
            dev->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
            *addr = next;
        }

        if (virDomainHostdevSCSIAddrUsedByDisk(def, addr)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "SCSI host address controller='%u' bus='%u' target='%u' unit='%u' in use by a SCSI disk",
                           addr->controller, addr->bus, addr->target,
                           addr->unit);
            return -1;
        }
    }
    return 0;
}
