/*
 * node_device_format.c: writing node device <device> documents, in
 * upstream's element order (the parser is in node_device_conf.c).
 */
#include "node_device_conf.h"
#include "util/viruuid.h"

/* An element with indented content: open is its whole start tag. */
static void
virNodeDevStart(virBuffer *buf, const char *open)
{
    virBufferAsprintf(buf, "%s\n", open);
    virBufferAdjustIndent(buf, 2);
}

/* Ends the element name that virNodeDevStart opened. */
static void
virNodeDevEnd(virBuffer *buf, const char *name)
{
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", name);
}

static void
virNodeDevPCIAddressFormat(virBuffer *buf, const virNodeDevPCIAddress *addr)
{
    virBufferAsprintf(buf,
                      "<address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%d'/>\n",
                      addr->domain, addr->bus, addr->slot, addr->function);
}

static void
virNodeDevMdevTypesFormat(virBuffer *buf, const virNodeDevMdevTypes *types)
{
    size_t i;

    if (types->ntypes == 0)
        return;
    virNodeDevStart(buf, "<capability type='mdev_types'>");
    for (i = 0; i < types->ntypes; i++) {
        const virNodeDevMdevType *type = &types->types[i];

        virBufferEscapeString(buf, "<type id='%s'>\n", type->id);
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<name>%s</name>\n", type->name);
        virBufferEscapeString(buf, "<deviceAPI>%s</deviceAPI>\n",
                              type->device_api);
        virBufferAsprintf(buf, "<availableInstances>%u</availableInstances>\n",
                          type->available_instances);
        virNodeDevEnd(buf, "type");
    }
    virNodeDevEnd(buf, "capability");
}

static void
virNodeDevVPDCustomFormat(virBuffer *buf, const char *element,
                          const virNodeDevVPDCustom *fields, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        virBufferAsprintf(buf, "<%s index='%c'>", element, fields[i].idx);
        virBufferEscapeString(buf, "%s", fields[i].value);
        virBufferAsprintf(buf, "</%s>\n", element);
    }
}

static void
virNodeDevVPDFormat(virBuffer *buf, const virNodeDevVPD *vpd)
{
    virNodeDevStart(buf, "<capability type='vpd'>");
    virBufferEscapeString(buf, "<name>%s</name>\n", vpd->name);
    if (vpd->has_ro) {
        virNodeDevStart(buf, "<fields access='readonly'>");
        virBufferEscapeString(buf, "<change_level>%s</change_level>\n",
                              vpd->change_level);
        virBufferEscapeString(buf, "<manufacture_id>%s</manufacture_id>\n",
                              vpd->manufacture_id);
        virBufferEscapeString(buf, "<part_number>%s</part_number>\n",
                              vpd->part_number);
        virBufferEscapeString(buf, "<serial_number>%s</serial_number>\n",
                              vpd->serial_number);
        virNodeDevVPDCustomFormat(buf, "vendor_field", vpd->ro_vendor,
                                  vpd->nro_vendor);
        virNodeDevEnd(buf, "fields");
    }
    if (vpd->has_rw) {
        virNodeDevStart(buf, "<fields access='readwrite'>");
        virBufferEscapeString(buf, "<asset_tag>%s</asset_tag>\n",
                              vpd->asset_tag);
        virNodeDevVPDCustomFormat(buf, "vendor_field", vpd->rw_vendor,
                                  vpd->nrw_vendor);
        virNodeDevVPDCustomFormat(buf, "system_field", vpd->rw_system,
                                  vpd->nrw_system);
        virNodeDevEnd(buf, "fields");
    }
    virNodeDevEnd(buf, "capability");
}

static void
virNodeDevPCIELinkFormat(virBuffer *buf, const virNodeDevPCIELink *lnk,
                         const char *validity)
{
    if (!lnk)
        return;
    virBufferAsprintf(buf, "<link validity='%s'", validity);
    if (lnk->port >= 0)
        virBufferAsprintf(buf, " port='%d'", lnk->port);
    if (lnk->speed)
        virBufferAsprintf(buf, " speed='%s'",
                          virNodeDevPCIELinkSpeedTypeToString(lnk->speed));
    virBufferAsprintf(buf, " width='%d'/>\n", lnk->width);
}

static void
virNodeDevProductVendorFormat(virBuffer *buf, const char *element,
                              unsigned int id, const char *name,
                              const char *emptyEnd)
{
    virBufferAsprintf(buf, "<%s id='0x%04x'", element, id);
    if (name) {
        virBufferEscapeString(buf, ">%s", name);
        virBufferAsprintf(buf, "</%s>\n", element);
    } else {
        virBufferAddStr(buf, emptyEnd);
    }
}

static void
virNodeDevCapPCIDevFormat(virBuffer *buf, const virNodeDevCapPCIDev *pci)
{
    size_t i;

    if (pci->klass >= 0)
        virBufferAsprintf(buf, "<class>0x%.6x</class>\n", pci->klass);
    virBufferAsprintf(buf, "<domain>%d</domain>\n", pci->domain);
    virBufferAsprintf(buf, "<bus>%u</bus>\n", pci->bus);
    virBufferAsprintf(buf, "<slot>%u</slot>\n", pci->slot);
    virBufferAsprintf(buf, "<function>%u</function>\n", pci->function);
    virNodeDevProductVendorFormat(buf, "product", pci->product,
                                  pci->product_name, "/>\n");
    virNodeDevProductVendorFormat(buf, "vendor", pci->vendor,
                                  pci->vendor_name, "/>\n");
    if (pci->physical_function) {
        virNodeDevStart(buf, "<capability type='phys_function'>");
        virNodeDevPCIAddressFormat(buf, pci->physical_function);
        virNodeDevEnd(buf, "capability");
    }
    if (pci->has_virt_functions) {
        virBufferAddLit(buf, "<capability type='virt_functions'");
        if (pci->max_virtual_functions)
            virBufferAsprintf(buf, " maxCount='%u'", pci->max_virtual_functions);
        if (pci->num_virtual_functions == 0) {
            virBufferAddLit(buf, "/>\n");
        } else {
            virBufferAddLit(buf, ">\n");
            virBufferAdjustIndent(buf, 2);
            for (i = 0; i < pci->num_virtual_functions; i++)
                virNodeDevPCIAddressFormat(buf, &pci->virtual_functions[i]);
            virNodeDevEnd(buf, "capability");
        }
    }
    if (pci->hdrType)
        virBufferAsprintf(buf, "<capability type='%s'/>\n",
                          virNodeDevPCIHeaderTypeToString(pci->hdrType));
    if (pci->has_mdev_types)
        virNodeDevMdevTypesFormat(buf, &pci->mdev_types);
    if (pci->vpd)
        virNodeDevVPDFormat(buf, pci->vpd);
    if (pci->nIommuGroupDevices) {
        virBufferAsprintf(buf, "<iommuGroup number='%d'>\n",
                          pci->iommuGroupNumber);
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < pci->nIommuGroupDevices; i++)
            virNodeDevPCIAddressFormat(buf, &pci->iommuGroupDevices[i]);
        virNodeDevEnd(buf, "iommuGroup");
    }
    if (pci->numa_node >= 0)
        virBufferAsprintf(buf, "<numa node='%d'/>\n", pci->numa_node);
    if (pci->pcie) {
        if (!pci->link_cap && !pci->link_sta) {
            virBufferAddLit(buf, "<pci-express/>\n");
        } else {
            virNodeDevStart(buf, "<pci-express>");
            virNodeDevPCIELinkFormat(buf, pci->link_cap, "cap");
            virNodeDevPCIELinkFormat(buf, pci->link_sta, "sta");
            virNodeDevEnd(buf, "pci-express");
        }
    }
}

static void
virNodeDevCapNetFormat(virBuffer *buf, const virNodeDevCapNet *net)
{
    size_t i;

    virBufferEscapeString(buf, "<interface>%s</interface>\n", net->ifname);
    virBufferEscapeString(buf, "<address>%s</address>\n", net->address);
    if (net->link_speed || net->link_state) {
        virBufferAddLit(buf, "<link");
        if (net->link_speed)
            virBufferAsprintf(buf, " speed='%u'", net->link_speed);
        if (net->link_state)
            virBufferAsprintf(buf, " state='%s'",
                              virNodeDevIfStateTypeToString(net->link_state));
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < VIR_NODE_DEV_NET_FEATURE_LAST; i++) {
        if (net->features & (1U << i))
            virBufferAsprintf(buf, "<feature name='%s'/>\n",
                              virNodeDevNetFeatureTypeToString(i));
    }
    if (net->subtype != VIR_NODE_DEV_CAP_NET_LAST)
        virBufferAsprintf(buf, "<capability type='%s'/>\n",
                          virNodeDevNetCapTypeToString(net->subtype));
}

static void
virNodeDevCapSCSIHostFormat(virBuffer *buf, const virNodeDevCapSCSIHost *host)
{
    virBufferAsprintf(buf, "<host>%d</host>\n", host->host);
    if (host->unique_id != -1)
        virBufferAsprintf(buf, "<unique_id>%d</unique_id>\n", host->unique_id);
    if (host->fc_host) {
        virNodeDevStart(buf, "<capability type='fc_host'>");
        virBufferEscapeString(buf, "<wwnn>%s</wwnn>\n", host->wwnn);
        virBufferEscapeString(buf, "<wwpn>%s</wwpn>\n", host->wwpn);
        virBufferEscapeString(buf, "<fabric_wwn>%s</fabric_wwn>\n",
                              host->fabric_wwn);
        virNodeDevEnd(buf, "capability");
    }
    if (host->vport_ops) {
        virNodeDevStart(buf, "<capability type='vport_ops'>");
        virBufferAsprintf(buf, "<max_vports>%d</max_vports>\n",
                          host->max_vports);
        virBufferAsprintf(buf, "<vports>%d</vports>\n", host->vports);
        virNodeDevEnd(buf, "capability");
    }
}

static void
virNodeDevCapStorageFormat(virBuffer *buf, const virNodeDevCapStorage *st)
{
    virBufferEscapeString(buf, "<block>%s</block>\n", st->block);
    virBufferEscapeString(buf, "<bus>%s</bus>\n", st->bus);
    virBufferEscapeString(buf, "<drive_type>%s</drive_type>\n",
                          st->drive_type);
    virBufferEscapeString(buf, "<model>%s</model>\n", st->model);
    virBufferEscapeString(buf, "<vendor>%s</vendor>\n", st->vendor);
    virBufferEscapeString(buf, "<serial>%s</serial>\n", st->serial);
    if (st->removable) {
        virNodeDevStart(buf, "<capability type='removable'>");
        virBufferAsprintf(buf, "<media_available>%d</media_available>\n",
                          st->media_available ? 1 : 0);
        virBufferAsprintf(buf, "<media_size>%llu</media_size>\n",
                          st->removable_media_size);
        virBufferEscapeString(buf, "<media_label>%s</media_label>\n",
                              st->media_label);
        virNodeDevEnd(buf, "capability");
    } else {
        virBufferAsprintf(buf, "<size>%llu</size>\n", st->size);
    }
    if (st->hotpluggable)
        virBufferAddLit(buf, "<capability type='hotpluggable'/>\n");
}

static void
virNodeDevCapMdevFormat(virBuffer *buf, const virNodeDevCapMdev *mdev)
{
    size_t i;

    virBufferEscapeString(buf, "<type id='%s'/>\n", mdev->type);
    virBufferEscapeString(buf, "<uuid>%s</uuid>\n", mdev->uuid);
    virBufferEscapeString(buf, "<parent_addr>%s</parent_addr>\n",
                          mdev->parent_addr);
    virBufferAsprintf(buf, "<iommuGroup number='%u'/>\n",
                      mdev->iommuGroupNumber);
    for (i = 0; i < mdev->nattributes; i++) {
        virBufferEscapeString(buf, "<attr name='%s'", mdev->attributes[i].name);
        virBufferEscapeString(buf, " value='%s'/>\n",
                              mdev->attributes[i].value);
    }
}

static void
virNodeDevCCWFormat(virBuffer *buf, unsigned int cssid, unsigned int ssid,
                    unsigned int devno)
{
    virBufferAsprintf(buf, "<cssid>0x%x</cssid>\n", cssid);
    virBufferAsprintf(buf, "<ssid>0x%x</ssid>\n", ssid);
    virBufferAsprintf(buf, "<devno>0x%04x</devno>\n", devno);
}

static void
virNodeDevCapFormat(virBuffer *buf, const virNodeDevCapsDef *cap)
{
    const virNodeDevCapSystem *sys = &cap->data.system;
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    switch (cap->type) {
    case VIR_NODE_DEV_CAP_SYSTEM:
        virBufferEscapeString(buf, "<product>%s</product>\n",
                              sys->product_name);
        virNodeDevStart(buf, "<hardware>");
        virBufferEscapeString(buf, "<vendor>%s</vendor>\n", sys->hw_vendor);
        virBufferEscapeString(buf, "<version>%s</version>\n", sys->hw_version);
        virBufferEscapeString(buf, "<serial>%s</serial>\n", sys->hw_serial);
        virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                          virUUIDFormat(sys->hw_uuid, uuidstr));
        virNodeDevEnd(buf, "hardware");
        virNodeDevStart(buf, "<firmware>");
        virBufferEscapeString(buf, "<vendor>%s</vendor>\n", sys->fw_vendor);
        virBufferEscapeString(buf, "<version>%s</version>\n", sys->fw_version);
        virBufferEscapeString(buf, "<release_date>%s</release_date>\n",
                              sys->fw_release_date);
        virNodeDevEnd(buf, "firmware");
        break;
    case VIR_NODE_DEV_CAP_PCI_DEV:
        virNodeDevCapPCIDevFormat(buf, &cap->data.pci_dev);
        break;
    case VIR_NODE_DEV_CAP_USB_DEV:
        virBufferAsprintf(buf, "<bus>%d</bus>\n", cap->data.usb_dev.bus);
        virBufferAsprintf(buf, "<device>%d</device>\n",
                          cap->data.usb_dev.device);
        /* upstream writes a space before the "/>" of these two */
        virNodeDevProductVendorFormat(buf, "product", cap->data.usb_dev.product,
                                      cap->data.usb_dev.product_name, " />\n");
        virNodeDevProductVendorFormat(buf, "vendor", cap->data.usb_dev.vendor,
                                      cap->data.usb_dev.vendor_name, " />\n");
        break;
    case VIR_NODE_DEV_CAP_USB_INTERFACE:
        virBufferAsprintf(buf, "<number>%d</number>\n",
                          cap->data.usb_if.number);
        virBufferAsprintf(buf, "<class>%d</class>\n", cap->data.usb_if.klass);
        virBufferAsprintf(buf, "<subclass>%d</subclass>\n",
                          cap->data.usb_if.subclass);
        virBufferAsprintf(buf, "<protocol>%d</protocol>\n",
                          cap->data.usb_if.protocol);
        virBufferEscapeString(buf, "<description>%s</description>\n",
                              cap->data.usb_if.description);
        break;
    case VIR_NODE_DEV_CAP_NET:
        virNodeDevCapNetFormat(buf, &cap->data.net);
        break;
    case VIR_NODE_DEV_CAP_SCSI_HOST:
        virNodeDevCapSCSIHostFormat(buf, &cap->data.scsi_host);
        break;
    case VIR_NODE_DEV_CAP_SCSI_TARGET:
        virBufferEscapeString(buf, "<target>%s</target>\n",
                              cap->data.scsi_target.name);
        if (cap->data.scsi_target.fc_rport) {
            virNodeDevStart(buf, "<capability type='fc_remote_port'>");
            virBufferEscapeString(buf, "<rport>%s</rport>\n",
                                  cap->data.scsi_target.rport);
            virBufferEscapeString(buf, "<wwpn>%s</wwpn>\n",
                                  cap->data.scsi_target.wwpn);
            virNodeDevEnd(buf, "capability");
        }
        break;
    case VIR_NODE_DEV_CAP_SCSI:
        virBufferAsprintf(buf, "<host>%d</host>\n", cap->data.scsi.host);
        virBufferAsprintf(buf, "<bus>%d</bus>\n", cap->data.scsi.bus);
        virBufferAsprintf(buf, "<target>%d</target>\n", cap->data.scsi.target);
        virBufferAsprintf(buf, "<lun>%d</lun>\n", cap->data.scsi.lun);
        virBufferEscapeString(buf, "<type>%s</type>\n", cap->data.scsi.type);
        break;
    case VIR_NODE_DEV_CAP_STORAGE:
        virNodeDevCapStorageFormat(buf, &cap->data.storage);
        break;
    case VIR_NODE_DEV_CAP_DRM:
        virBufferAsprintf(buf, "<type>%s</type>\n",
                          virNodeDevDRMTypeToString(cap->data.drm));
        break;
    case VIR_NODE_DEV_CAP_MDEV:
        virNodeDevCapMdevFormat(buf, &cap->data.mdev);
        break;
    case VIR_NODE_DEV_CAP_CCW_DEV:
        virNodeDevCCWFormat(buf, cap->data.ccw_dev.cssid,
                            cap->data.ccw_dev.ssid, cap->data.ccw_dev.devno);
        break;
    case VIR_NODE_DEV_CAP_CSS_DEV: {
        const virNodeDevCapCCW *ccw = &cap->data.ccw_dev;

        virNodeDevCCWFormat(buf, ccw->cssid, ccw->ssid, ccw->devno);
        if (ccw->channel_dev_addr) {
            virNodeDevStart(buf, "<channel_dev_addr>");
            virNodeDevCCWFormat(buf, ccw->channel_dev_addr->cssid,
                                ccw->channel_dev_addr->ssid,
                                ccw->channel_dev_addr->devno);
            virNodeDevEnd(buf, "channel_dev_addr");
        }
        if (ccw->has_mdev_types)
            virNodeDevMdevTypesFormat(buf, &ccw->mdev_types);
        break;
    }
    case VIR_NODE_DEV_CAP_VDPA:
        virBufferEscapeString(buf, "<chardev>%s</chardev>\n",
                              cap->data.vdpa_chardev);
        break;
    case VIR_NODE_DEV_CAP_AP_CARD:
    case VIR_NODE_DEV_CAP_AP_QUEUE:
        virBufferAsprintf(buf, "<ap-adapter>0x%02x</ap-adapter>\n",
                          cap->data.ap.ap_adapter);
        if (cap->type == VIR_NODE_DEV_CAP_AP_QUEUE)
            virBufferAsprintf(buf, "<ap-domain>0x%04x</ap-domain>\n",
                              cap->data.ap.ap_domain);
        break;
    case VIR_NODE_DEV_CAP_AP_MATRIX:
        if (cap->data.ap.has_mdev_types)
            virNodeDevMdevTypesFormat(buf, &cap->data.ap.mdev_types);
        break;
    default:
        break;
    }
}

char *
virNodeDeviceDefFormat(const virNodeDeviceDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    size_t i;

    virNodeDevStart(&buf, "<device>");
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferEscapeString(&buf, "<path>%s</path>\n", def->sysfs_path);
    virBufferEscapeString(&buf, "<devnode type='dev'>%s</devnode>\n",
                          def->devnode);
    for (i = 0; i < def->ndevlinks; i++)
        virBufferEscapeString(&buf, "<devnode type='link'>%s</devnode>\n",
                              def->devlinks[i]);
    virBufferEscapeString(&buf, "<parent>%s</parent>\n", def->parent);
    if (def->driver) {
        virBufferAddLit(&buf, "<driver>\n");
        virBufferEscapeString(&buf, "  <name>%s</name>\n", def->driver);
        virBufferAddLit(&buf, "</driver>\n");
    }
    for (i = 0; i < def->ncaps; i++) {
        virBufferAsprintf(&buf, "<capability type='%s'>\n",
                          virNodeDevCapTypeToString(def->caps[i].type));
        virBufferAdjustIndent(&buf, 2);
        virNodeDevCapFormat(&buf, &def->caps[i]);
        virNodeDevEnd(&buf, "capability");
    }
    virNodeDevEnd(&buf, "device");
    return virBufferContentAndReset(&buf);
}
