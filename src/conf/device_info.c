/*
 * device_info.c: the parts every domain device shares (<address>, <alias>,
 * <boot>, <rom>, <acpi>, <master>), read from a device element and written
 * back as upstream libvirt 9.0 writes them.
 */
#include "device_info.h"

#include "domain_conf.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainDeviceAddress,
              VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST,
              "none", "pci", "drive", "virtio-serial", "ccid", "usb",
              "spapr-vio", "virtio-s390", "ccw", "virtio-mmio", "isa",
              "dimm", "unassigned");

#define USER_ALIAS_PREFIX "ua-"
#define USER_ALIAS_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"

/* s390 channel subsystem limits */
#define CCW_MAX_CSSID 0xfe
#define CCW_MAX_SSID 0x3
#define CCW_MAX_DEVNO 0xffff


/* Collapses repeated slashes and drops a trailing one; shared by the
 * ACPI table, sysinfo fw_cfg file and filesystem binary paths. */
char *
virDomainSanitizePath(const char *path)
{
    GString *out = g_string_new(NULL);
    const char *p;

    for (p = path; *p; p++) {
        if (*p == '/' && out->len > 0 && out->str[out->len - 1] == '/')
            continue;
        g_string_append_c(out, *p);
    }
    if (out->len > 1 && out->str[out->len - 1] == '/')
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}


void
virDomainTristateSwitchAttrFormat(virBuffer *attrBuf, const char *name,
                                  virTristateSwitch value)
{
    if (value != VIR_TRISTATE_SWITCH_ABSENT)
        virBufferAsprintf(attrBuf, " %s='%s'", name,
                          virTristateSwitchTypeToString(value));
}


void
virDomainTristateBoolAttrFormat(virBuffer *attrBuf, const char *name,
                                virTristateBool value)
{
    if (value != VIR_TRISTATE_BOOL_ABSENT)
        virBufferAsprintf(attrBuf, " %s='%s'", name,
                          virTristateBoolTypeToString(value));
}


void
virDomainDeviceInfoClear(virDomainDeviceInfo *info)
{
    g_clear_pointer(&info->alias, g_free);
    g_clear_pointer(&info->romfile, g_free);
    g_clear_pointer(&info->loadparm, g_free);
    memset(info, 0, sizeof(*info));
}


bool
virPCIDeviceAddressIsEmpty(const virPCIDeviceAddress *addr)
{
    return !(addr->domain || addr->bus || addr->slot);
}


static bool
virPCIDeviceAddressCheck(const virPCIDeviceAddress *addr)
{
    if (addr->bus > 0xFF) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address bus='0x%x', must be <= 0xFF",
                       addr->bus);
        return false;
    }
    if (addr->slot > 0x1F) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address slot='0x%x', must be <= 0x1F",
                       addr->slot);
        return false;
    }
    if (addr->function > 7) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address function=0x%x, must be <= 7",
                       addr->function);
        return false;
    }
    return true;
}


int
virPCIDeviceAddressParseXML(xmlNodePtr node, virPCIDeviceAddress *addr)
{
    xmlNodePtr zpci;
    int rc;

    memset(addr, 0, sizeof(*addr));

    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE,
                       &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE,
                       &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE,
                                 &addr->multi) < 0)
        return -1;

    /* an all-zero address means "pick one for me" and is not checked */
    if (!virPCIDeviceAddressIsEmpty(addr) && !virPCIDeviceAddressCheck(addr))
        return -1;

    if ((zpci = virXMLChild(node, "zpci"))) {
        if ((rc = virXMLPropUInt(zpci, "uid", 0, VIR_XML_PROP_NONE,
                                 &addr->zpciUid)) < 0)
            return -1;
        addr->zpciUidSet = rc > 0;
        if ((rc = virXMLPropUInt(zpci, "fid", 0, VIR_XML_PROP_NONE,
                                 &addr->zpciFid)) < 0)
            return -1;
        addr->zpciFidSet = rc > 0;
    }

    return 0;
}


void
virPCIDeviceAddressFormat(virBuffer *buf,
                          const virPCIDeviceAddress *addr,
                          bool withType)
{
    virBufferAsprintf(buf,
                      "<address %sdomain='0x%04x' bus='0x%02x' "
                      "slot='0x%02x' function='0x%d'/>\n",
                      withType ? "type='pci' " : "",
                      addr->domain, addr->bus, addr->slot, addr->function);
}


int
virDomainDeviceDriveAddressParseXML(xmlNodePtr node,
                                    virDomainDeviceDriveAddress *addr)
{
    memset(addr, 0, sizeof(*addr));

    if (virXMLPropUInt(node, "controller", 10, VIR_XML_PROP_NONE,
                       &addr->controller) < 0 ||
        virXMLPropUInt(node, "bus", 10, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "target", 10, VIR_XML_PROP_NONE,
                       &addr->target) < 0 ||
        virXMLPropUInt(node, "unit", 10, VIR_XML_PROP_NONE, &addr->unit) < 0)
        return -1;
    /* Every controller up to the one named is made implicitly: a hostile
     * index must not make billions of them. */
    if (addr->controller > VIR_DOMAIN_DRIVE_CONTROLLER_MAX) {
        virReportError(VIR_ERR_XML_ERROR,
                       "drive address controller %u is more than %d",
                       addr->controller, VIR_DOMAIN_DRIVE_CONTROLLER_MAX);
        return -1;
    }
    return 0;
}


int
virDomainDeviceUSBAddressParseXML(xmlNodePtr node,
                                  virDomainDeviceUSBAddress *addr)
{
    g_autofree char *port = virXMLPropString(node, "port");

    memset(addr, 0, sizeof(*addr));

    if (port) {
        char *cur = port;
        size_t i;
        bool ok = false;

        /* dotted hub path, at most VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH */
        for (i = 0; i < VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH; i++) {
            if (virStrToLong_uip(cur, &cur, 10, &addr->port[i]) < 0)
                break;
            if (*cur == '\0') {
                ok = true;
                break;
            }
            if (*cur == '.')
                cur++;
        }
        if (!ok) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Cannot parse <address> 'port' attribute");
            return -1;
        }
    }

    if (virXMLPropUInt(node, "bus", 10, VIR_XML_PROP_NONE, &addr->bus) < 0)
        return -1;
    return 0;
}


static int
virCCWDeviceAddressParseXML(xmlNodePtr node, virCCWDeviceAddress *addr)
{
    int hasCssid, hasSsid, hasDevno;

    memset(addr, 0, sizeof(*addr));

    if ((hasCssid = virXMLPropUInt(node, "cssid", 0, VIR_XML_PROP_NONE,
                                   &addr->cssid)) < 0 ||
        (hasSsid = virXMLPropUInt(node, "ssid", 0, VIR_XML_PROP_NONE,
                                  &addr->ssid)) < 0 ||
        (hasDevno = virXMLPropUInt(node, "devno", 0, VIR_XML_PROP_NONE,
                                   &addr->devno)) < 0)
        return -1;

    if (addr->cssid > CCW_MAX_CSSID || addr->ssid > CCW_MAX_SSID ||
        addr->devno > CCW_MAX_DEVNO) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid specification for virtio ccw address: "
                       "cssid='0x%x' ssid='0x%x' devno='0x%04x'",
                       addr->cssid, addr->ssid, addr->devno);
        return -1;
    }

    /* all three or none */
    if (hasCssid && hasSsid && hasDevno) {
        addr->assigned = true;
    } else if (hasCssid || hasSsid || hasDevno) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Invalid partial specification for virtio ccw address");
        return -1;
    }
    return 0;
}


static int
virDomainDeviceAddressParseXML(xmlNodePtr node, virDomainDeviceInfo *info)
{
    g_autofree char *type = virXMLPropString(node, "type");
    int rc;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No type specified for device address");
        return -1;
    }
    if ((rc = virDomainDeviceAddressTypeFromString(type)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown address type '%s'", type);
        return -1;
    }
    info->type = rc;

    switch (info->type) {
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI:
        return virPCIDeviceAddressParseXML(node, &info->addr.pci);

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE:
        return virDomainDeviceDriveAddressParseXML(node, &info->addr.drive);

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL:
        if (virXMLPropUInt(node, "controller", 10, VIR_XML_PROP_NONE,
                           &info->addr.vioserial.controller) < 0 ||
            virXMLPropUInt(node, "bus", 10, VIR_XML_PROP_NONE,
                           &info->addr.vioserial.bus) < 0 ||
            virXMLPropUInt(node, "port", 10, VIR_XML_PROP_NONE,
                           &info->addr.vioserial.port) < 0)
            return -1;
        return 0;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID:
        if (virXMLPropUInt(node, "controller", 10, VIR_XML_PROP_NONE,
                           &info->addr.ccid.controller) < 0 ||
            virXMLPropUInt(node, "slot", 10, VIR_XML_PROP_NONE,
                           &info->addr.ccid.slot) < 0)
            return -1;
        return 0;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB:
        return virDomainDeviceUSBAddressParseXML(node, &info->addr.usb);

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO:
        if ((rc = virXMLPropULongLong(node, "reg", 16, VIR_XML_PROP_NONE,
                                      &info->addr.spaprvio.reg)) < 0)
            return -1;
        info->addr.spaprvio.has_reg = rc > 0;
        return 0;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW:
        return virCCWDeviceAddressParseXML(node, &info->addr.ccw);

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA:
        if (virXMLPropUInt(node, "iobase", 16, VIR_XML_PROP_NONE,
                           &info->addr.isa.iobase) < 0 ||
            virXMLPropUInt(node, "irq", 16, VIR_XML_PROP_NONE,
                           &info->addr.isa.irq) < 0)
            return -1;
        return 0;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390:
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "virtio-s390 bus doesn't have an address");
        return -1;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM:
        if (virXMLPropUInt(node, "slot", 10, VIR_XML_PROP_REQUIRED,
                           &info->addr.dimm.slot) < 0 ||
            virXMLPropULongLong(node, "base", 16, VIR_XML_PROP_NONE,
                                &info->addr.dimm.base) < 0)
            return -1;
        return 0;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST:
        break;
    }
    return 0;
}


static int
virDomainDeviceBootParseXML(xmlNodePtr node, virDomainDeviceInfo *info)
{
    g_autofree char *raw = NULL;
    g_autofree char *loadparm = NULL;
    size_t len;

    if (virXMLPropUInt(node, "order", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &info->bootIndex) < 0)
        return -1;

    if (!(raw = virXMLPropString(node, "loadparm")))
        return 0;
    /* upstream checks (and quotes) the upper-cased value */
    loadparm = g_ascii_strup(raw, -1);

    len = strlen(loadparm);
    if (len == 0 || len > 8 || strspn(loadparm, " ") == len) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "loadparm value '%s' must be between 1 and 8 characters",
                       loadparm);
        return -1;
    }
    if (strspn(loadparm, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
               "abcdefghijklmnopqrstuvwxyz0123456789. ") != len) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid loadparm value '%s', expecting chars in set "
                       "of [a-zA-Z0-9.] and blank spaces", loadparm);
        return -1;
    }
    info->loadparm = g_steal_pointer(&loadparm);
    return 0;
}


static int
virDomainDeviceRomParseXML(xmlNodePtr node, virDomainDeviceInfo *info)
{
    if (virXMLPropTristateBool(node, "enabled", VIR_XML_PROP_NONE,
                               &info->romenabled) < 0 ||
        virXMLPropTristateSwitch(node, "bar", VIR_XML_PROP_NONE,
                                 &info->rombar) < 0)
        return -1;

    info->romfile = virXMLPropString(node, "file");

    if (info->romenabled == VIR_TRISTATE_BOOL_NO &&
        (info->rombar != VIR_TRISTATE_SWITCH_ABSENT || info->romfile)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "ROM tuning is not supported when ROM is disabled");
        return -1;
    }
    return 0;
}


static int
virDomainDeviceInfoParseChildren(xmlNodePtr devnode,
                                 virDomainDeviceInfo *info,
                                 unsigned int flags)
{
    xmlNodePtr node;

    if ((node = virXMLChild(devnode, "alias"))) {
        g_autofree char *alias = virXMLPropString(node, "name");

        /* configs keep only user aliases; the driver names the rest */
        if (alias &&
            (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) ||
             (STRPREFIX(alias, USER_ALIAS_PREFIX) &&
              strspn(alias, USER_ALIAS_CHARS) == strlen(alias))))
            info->alias = g_steal_pointer(&alias);
    }

    if ((node = virXMLChild(devnode, "master"))) {
        info->mastertype = VIR_DOMAIN_CONTROLLER_MASTER_USB;
        if (virXMLPropUInt(node, "startport", 10, VIR_XML_PROP_NONE,
                           &info->masterStartport) < 0)
            return -1;
    }

    if ((flags & VIR_DOMAIN_DEVICE_INFO_BOOT) &&
        (node = virXMLChild(devnode, "boot")) &&
        virDomainDeviceBootParseXML(node, info) < 0)
        return -1;

    if ((flags & VIR_DOMAIN_DEVICE_INFO_ROM) &&
        (node = virXMLChild(devnode, "rom")) &&
        virDomainDeviceRomParseXML(node, info) < 0)
        return -1;

    if ((node = virXMLChild(devnode, "acpi")) &&
        virXMLPropUInt(node, "index", 10, VIR_XML_PROP_NONZERO,
                       &info->acpiIndex) < 0)
        return -1;

    if ((node = virXMLChild(devnode, "address")) &&
        virDomainDeviceAddressParseXML(node, info) < 0)
        return -1;

    return 0;
}


int
virDomainDeviceInfoParseXML(xmlNodePtr devnode,
                            virDomainDeviceInfo *info,
                            unsigned int flags)
{
    virDomainDeviceInfoClear(info);
    if (virDomainDeviceInfoParseChildren(devnode, info, flags) < 0) {
        virDomainDeviceInfoClear(info);
        return -1;
    }
    return 0;
}


static void
virDomainDeviceAddressFormat(virBuffer *buf, const virDomainDeviceInfo *info)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainDeviceAddressTypeToString(info->type));

    switch (info->type) {
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI: {
        const virPCIDeviceAddress *pci = &info->addr.pci;

        if (!virPCIDeviceAddressIsEmpty(pci))
            virBufferAsprintf(&attrBuf,
                              " domain='0x%04x' bus='0x%02x' slot='0x%02x'"
                              " function='0x%d'",
                              pci->domain, pci->bus, pci->slot,
                              pci->function);
        virDomainTristateSwitchAttrFormat(&attrBuf, "multifunction",
                                          pci->multi);
        if (pci->zpciUidSet || pci->zpciFidSet)
            virBufferAsprintf(&childBuf, "<zpci uid='0x%.4x' fid='0x%.8x'/>\n",
                              pci->zpciUid, pci->zpciFid);
        break;
    }

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE:
        virBufferAsprintf(&attrBuf,
                          " controller='%u' bus='%u' target='%u' unit='%u'",
                          info->addr.drive.controller, info->addr.drive.bus,
                          info->addr.drive.target, info->addr.drive.unit);
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL:
        virBufferAsprintf(&attrBuf, " controller='%u' bus='%u' port='%u'",
                          info->addr.vioserial.controller,
                          info->addr.vioserial.bus,
                          info->addr.vioserial.port);
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID:
        virBufferAsprintf(&attrBuf, " controller='%u' slot='%u'",
                          info->addr.ccid.controller, info->addr.ccid.slot);
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB:
        virBufferAsprintf(&attrBuf, " bus='%u'", info->addr.usb.bus);
        if (info->addr.usb.port[0] != 0) {
            virBufferAddLit(&attrBuf, " port='");
            for (i = 0; i < VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH &&
                        info->addr.usb.port[i] != 0; i++)
                virBufferAsprintf(&attrBuf, "%s%u", i ? "." : "",
                                  info->addr.usb.port[i]);
            virBufferAddLit(&attrBuf, "'");
        }
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO:
        if (info->addr.spaprvio.has_reg)
            virBufferAsprintf(&attrBuf, " reg='0x%08llx'",
                              info->addr.spaprvio.reg);
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW:
        virBufferAsprintf(&attrBuf,
                          " cssid='0x%x' ssid='0x%x' devno='0x%04x'",
                          info->addr.ccw.cssid, info->addr.ccw.ssid,
                          info->addr.ccw.devno);
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA:
        if (info->addr.isa.iobase > 0)
            virBufferAsprintf(&attrBuf, " iobase='0x%x'",
                              info->addr.isa.iobase);
        if (info->addr.isa.irq > 0)
            virBufferAsprintf(&attrBuf, " irq='0x%x'", info->addr.isa.irq);
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM:
        virBufferAsprintf(&attrBuf, " slot='%u'", info->addr.dimm.slot);
        if (info->addr.dimm.base)
            virBufferAsprintf(&attrBuf, " base='0x%llx'",
                              info->addr.dimm.base);
        break;

    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST:
        break;
    }

    virXMLFormatElement(buf, "address", &attrBuf, &childBuf);
}


void
virDomainDeviceInfoFormat(virBuffer *buf,
                          const virDomainDeviceInfo *info,
                          unsigned int flags)
{
    if ((flags & VIR_DOMAIN_DEVICE_INFO_BOOT) && info->bootIndex) {
        virBufferAsprintf(buf, "<boot order='%u'", info->bootIndex);
        if (info->loadparm)
            virBufferAsprintf(buf, " loadparm='%s'", info->loadparm);
        virBufferAddLit(buf, "/>\n");
    }

    if (info->alias)
        virBufferEscapeString(buf, "<alias name='%s'/>\n", info->alias);

    if (info->mastertype == VIR_DOMAIN_CONTROLLER_MASTER_USB)
        virBufferAsprintf(buf, "<master startport='%u'/>\n",
                          info->masterStartport);

    if ((flags & VIR_DOMAIN_DEVICE_INFO_ROM) &&
        (info->romenabled || info->rombar || info->romfile)) {
        virBufferAddLit(buf, "<rom");
        virDomainTristateBoolAttrFormat(buf, "enabled", info->romenabled);
        virDomainTristateSwitchAttrFormat(buf, "bar", info->rombar);
        virBufferEscapeString(buf, " file='%s'", info->romfile);
        virBufferAddLit(buf, "/>\n");
    }

    if (info->acpiIndex)
        virBufferAsprintf(buf, "<acpi index='%u'/>\n", info->acpiIndex);

    /* virtio-s390 devices have no address of their own */
    if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE ||
        info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390)
        return;

    virDomainDeviceAddressFormat(buf, info);
}
