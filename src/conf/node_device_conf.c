/*
 * node_device_conf.c: parsing and formatting node device <device>
 * documents.  The host's device drivers fill these from sysfs and udev;
 * users write them to create vHBAs (scsi_host with fc_host) and mediated
 * devices, so the parser follows upstream's rules for both uses.
 */
#include "node_device_conf.h"
#include "conf_xmlprop.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

VIR_ENUM_IMPL(virNodeDevCap,
              VIR_NODE_DEV_CAP_LAST,
              "system", "pci", "usb_device", "usb", "net", "scsi_host",
              "scsi_target", "scsi", "storage", "fc_host", "vports",
              "scsi_generic", "drm", "mdev_types", "mdev", "ccw", "css",
              "vdpa", "ap_card", "ap_queue", "ap_matrix", "vpd");

VIR_ENUM_IMPL(virNodeDevNetCap,
              VIR_NODE_DEV_CAP_NET_LAST,
              "80203", "80211");

VIR_ENUM_IMPL(virNodeDevDRM,
              VIR_NODE_DEV_DRM_LAST,
              "primary", "control", "render");

VIR_ENUM_IMPL(virNodeDevDevnode, 2,
              "dev", "link");

VIR_ENUM_IMPL(virNodeDevNetFeature,
              VIR_NODE_DEV_NET_FEATURE_LAST,
              "rx", "tx", "sg", "tso", "gso", "gro", "lro", "rxvlan",
              "txvlan", "ntuple", "rxhash", "rdma", "txudptnl", "switchdev");

/* The first value means "no state". */
VIR_ENUM_IMPL(virNodeDevIfState, 8,
              "", "unknown", "notpresent", "down", "lowerlayerdown",
              "testing", "dormant", "up");

VIR_ENUM_IMPL(virNodeDevPCIELinkSpeed, 7,
              "", "2.5", "5", "8", "16", "32", "64");

VIR_ENUM_IMPL(virNodeDevPCIHeader, 3,
              "endpoint", "pci-bridge", "cardbus-bridge");

/* ---- Freeing ---- */

static void
virNodeDevMdevTypesClear(virNodeDevMdevTypes *types)
{
    size_t i;

    for (i = 0; i < types->ntypes; i++) {
        g_free(types->types[i].id);
        g_free(types->types[i].name);
        g_free(types->types[i].device_api);
    }
    g_free(types->types);
}

static void
virNodeDevVPDCustomFree(virNodeDevVPDCustom *fields, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        g_free(fields[i].value);
    g_free(fields);
}

static void
virNodeDevVPDFree(virNodeDevVPD *vpd)
{
    if (!vpd)
        return;
    g_free(vpd->name);
    g_free(vpd->change_level);
    g_free(vpd->manufacture_id);
    g_free(vpd->part_number);
    g_free(vpd->serial_number);
    virNodeDevVPDCustomFree(vpd->ro_vendor, vpd->nro_vendor);
    g_free(vpd->asset_tag);
    virNodeDevVPDCustomFree(vpd->rw_vendor, vpd->nrw_vendor);
    virNodeDevVPDCustomFree(vpd->rw_system, vpd->nrw_system);
    g_free(vpd);
}

static void
virNodeDevCapsDefClear(virNodeDevCapsDef *cap)
{
    size_t i;

    switch (cap->type) {
    case VIR_NODE_DEV_CAP_SYSTEM:
        g_free(cap->data.system.product_name);
        g_free(cap->data.system.hw_vendor);
        g_free(cap->data.system.hw_version);
        g_free(cap->data.system.hw_serial);
        g_free(cap->data.system.fw_vendor);
        g_free(cap->data.system.fw_version);
        g_free(cap->data.system.fw_release_date);
        break;
    case VIR_NODE_DEV_CAP_PCI_DEV:
        g_free(cap->data.pci_dev.product_name);
        g_free(cap->data.pci_dev.vendor_name);
        g_free(cap->data.pci_dev.physical_function);
        g_free(cap->data.pci_dev.virtual_functions);
        virNodeDevMdevTypesClear(&cap->data.pci_dev.mdev_types);
        virNodeDevVPDFree(cap->data.pci_dev.vpd);
        g_free(cap->data.pci_dev.iommuGroupDevices);
        g_free(cap->data.pci_dev.link_cap);
        g_free(cap->data.pci_dev.link_sta);
        break;
    case VIR_NODE_DEV_CAP_USB_DEV:
        g_free(cap->data.usb_dev.vendor_name);
        g_free(cap->data.usb_dev.product_name);
        break;
    case VIR_NODE_DEV_CAP_USB_INTERFACE:
        g_free(cap->data.usb_if.description);
        break;
    case VIR_NODE_DEV_CAP_NET:
        g_free(cap->data.net.ifname);
        g_free(cap->data.net.address);
        break;
    case VIR_NODE_DEV_CAP_SCSI_HOST:
        g_free(cap->data.scsi_host.wwnn);
        g_free(cap->data.scsi_host.wwpn);
        g_free(cap->data.scsi_host.fabric_wwn);
        break;
    case VIR_NODE_DEV_CAP_SCSI_TARGET:
        g_free(cap->data.scsi_target.name);
        g_free(cap->data.scsi_target.rport);
        g_free(cap->data.scsi_target.wwpn);
        break;
    case VIR_NODE_DEV_CAP_SCSI:
        g_free(cap->data.scsi.type);
        break;
    case VIR_NODE_DEV_CAP_STORAGE:
        g_free(cap->data.storage.block);
        g_free(cap->data.storage.bus);
        g_free(cap->data.storage.drive_type);
        g_free(cap->data.storage.model);
        g_free(cap->data.storage.vendor);
        g_free(cap->data.storage.serial);
        g_free(cap->data.storage.media_label);
        break;
    case VIR_NODE_DEV_CAP_MDEV:
        g_free(cap->data.mdev.type);
        g_free(cap->data.mdev.uuid);
        g_free(cap->data.mdev.parent_addr);
        for (i = 0; i < cap->data.mdev.nattributes; i++) {
            g_free(cap->data.mdev.attributes[i].name);
            g_free(cap->data.mdev.attributes[i].value);
        }
        g_free(cap->data.mdev.attributes);
        break;
    case VIR_NODE_DEV_CAP_CCW_DEV:
    case VIR_NODE_DEV_CAP_CSS_DEV:
        g_free(cap->data.ccw_dev.channel_dev_addr);
        virNodeDevMdevTypesClear(&cap->data.ccw_dev.mdev_types);
        break;
    case VIR_NODE_DEV_CAP_AP_CARD:
    case VIR_NODE_DEV_CAP_AP_QUEUE:
    case VIR_NODE_DEV_CAP_AP_MATRIX:
        virNodeDevMdevTypesClear(&cap->data.ap.mdev_types);
        break;
    case VIR_NODE_DEV_CAP_VDPA:
        g_free(cap->data.vdpa_chardev);
        break;
    default:
        break;
    }
}

void
virNodeDeviceDefFree(virNodeDeviceDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->sysfs_path);
    g_free(def->devnode);
    for (i = 0; i < def->ndevlinks; i++)
        g_free(def->devlinks[i]);
    g_free(def->devlinks);
    g_free(def->parent);
    g_free(def->parent_wwnn);
    g_free(def->parent_wwpn);
    g_free(def->parent_fabric_wwn);
    g_free(def->driver);
    for (i = 0; i < def->ncaps; i++)
        virNodeDevCapsDefClear(&def->caps[i]);
    g_free(def->caps);
    g_free(def);
}

/* ---- Parsing helpers ---- */

/* A required number read from str (in base): "no <what> supplied for
 * '<dev>'" when str is absent or empty, "invalid <what> ..." when it is
 * malformed.  It goes to ui, or to ull when ui is NULL. */
static int
virNodeDevParseNumber(const char *str, int base, unsigned int *ui,
                      unsigned long long *ull, const virNodeDeviceDef *def,
                      const char *what)
{
    int rc;

    if (!str || !*str) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "no %s supplied for '%s'",
                       what, def->name);
        return -1;
    }
    if (ui)
        rc = virStrToLong_ui(str, NULL, base, ui);
    else
        rc = virStrToLong_ull(str, NULL, base, ull);
    if (rc < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "invalid %s supplied for '%s'",
                       what, def->name);
        return -1;
    }
    return 0;
}

/* A required unsigned number of a capability, in the text of child name. */
typedef struct {
    const char *name;
    unsigned int *value;
    const char *what;
} virNodeDevUIntField;

static int
virNodeDevParseUInts(xmlNodePtr parent, const virNodeDeviceDef *def,
                     const virNodeDevUIntField *fields, size_t nfields)
{
    size_t i;

    for (i = 0; i < nfields; i++) {
        g_autofree char *str = virConfXMLChildNonEmpty(parent, fields[i].name);

        if (virNodeDevParseNumber(str, 10, fields[i].value, NULL, def,
                                  fields[i].what) < 0)
            return -1;
    }
    return 0;
}

/* The <vendor id='0x...'> and <product id='0x...'> of a PCI or USB
 * device (bus names it in messages), with their names. */
static int
virNodeDevParseVendorProduct(xmlNodePtr parent, const virNodeDeviceDef *def,
                             const char *bus, unsigned int *vendor,
                             unsigned int *product, char **vendor_name,
                             char **product_name)
{
    const char *names[] = {"vendor", "product"};
    unsigned int *values[] = {vendor, product};
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        xmlNodePtr node = virXMLChild(parent, names[i]);
        g_autofree char *str = node ? virXMLPropString(node, "id") : NULL;
        g_autofree char *what = g_strdup_printf("%s %s ID", bus, names[i]);

        if (virNodeDevParseNumber(str, 16, values[i], NULL, def, what) < 0)
            return -1;
    }
    *vendor_name = virConfXMLChildNonEmpty(parent, "vendor");
    *product_name = virConfXMLChildNonEmpty(parent, "product");
    return 0;
}

/* virReportError for the caller's error domain */
#define virNodeDevPCIError(domcode, ...) \
    virReportErrorHelper(domcode, VIR_ERR_XML_ERROR, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

int
virNodeDevPCIAddressCheck(int domcode, unsigned int domain, unsigned int bus,
                          unsigned int slot, unsigned int function)
{
    /* An all-zero address counts as absent, as upstream has it. */
    if (!domain && !bus && !slot)
        return 0;
    if (bus > 0xFF) {
        virNodeDevPCIError(domcode,
                           "Invalid PCI address bus='0x%x', must be <= 0xFF",
                           bus);
        return -1;
    }
    if (slot > 0x1F) {
        virNodeDevPCIError(domcode,
                           "Invalid PCI address slot='0x%x', must be <= 0x1F",
                           slot);
        return -1;
    }
    if (function > 7) {
        virNodeDevPCIError(domcode,
                           "Invalid PCI address function=0x%x, must be <= 7",
                           function);
        return -1;
    }
    return 0;
}

static int
virNodeDevPCIAddressParseXML(xmlNodePtr node, virNodeDevPCIAddress *addr)
{
    virTristateSwitch multi;

    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE, &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE,
                       &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE,
                                 &multi) < 0)
        return -1;
    return virNodeDevPCIAddressCheck(VIR_FROM_THIS, addr->domain, addr->bus,
                                     addr->slot, addr->function);
}

static int
virNodeDevPCIAddressListParseXML(xmlNodePtr parent,
                                 virNodeDevPCIAddress **addrs, size_t *naddrs)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(parent, "address", &nodes);
    size_t i;

    *addrs = g_new0(virNodeDevPCIAddress, n);
    *naddrs = n;
    for (i = 0; i < n; i++) {
        if (virNodeDevPCIAddressParseXML(nodes[i], &(*addrs)[i]) < 0)
            return -1;
    }
    return 0;
}

static int
virNodeDevMdevTypesParseXML(xmlNodePtr node, virNodeDevMdevTypes *types)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "type", &nodes);
    size_t i;

    if (n == 0)
        return 0;
    /* Several mdev_types capabilities add up, as upstream's do. */
    types->types = g_renew(virNodeDevMdevType, types->types,
                           types->ntypes + n);
    memset(types->types + types->ntypes, 0, n * sizeof(*types->types));
    for (i = 0; i < n; i++) {
        virNodeDevMdevType *type = &types->types[types->ntypes++];
        g_autofree char *avail = NULL;

        if (!(type->id = virXMLPropString(nodes[i], "id"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing 'id' attribute for mediated device's <type> element");
            return -1;
        }
        type->device_api = virConfXMLChildNonEmpty(nodes[i], "deviceAPI");
        if (!type->device_api) {
            virReportError(VIR_ERR_XML_ERROR,
                           "missing device API for mediated device type '%s'",
                           type->id);
            return -1;
        }
        avail = virConfXMLChildNonEmpty(nodes[i], "availableInstances");
        if (!avail ||
            virStrToLong_ui(avail, NULL, 10, &type->available_instances) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "missing number of available instances for mediated device type '%s'",
                           type->id);
            return -1;
        }
        type->name = virConfXMLChildNonEmpty(nodes[i], "name");
    }
    return 0;
}

/* ---- Capabilities ---- */

static int
virNodeDevCapSystemParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                            virNodeDevCapSystem *sys)
{
    xmlNodePtr hw = virXMLChild(node, "hardware");
    xmlNodePtr fw = virXMLChild(node, "firmware");
    g_autofree char *uuid = NULL;

    sys->product_name = virConfXMLChildNonEmpty(node, "product");
    if (hw) {
        sys->hw_vendor = virConfXMLChildNonEmpty(hw, "vendor");
        sys->hw_version = virConfXMLChildNonEmpty(hw, "version");
        sys->hw_serial = virConfXMLChildNonEmpty(hw, "serial");
        uuid = virConfXMLChildNonEmpty(hw, "uuid");
    }
    if (!uuid) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no system UUID supplied for '%s'", def->name);
        return -1;
    }
    if (virUUIDParse(uuid, sys->hw_uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "malformed uuid element for '%s'", def->name);
        return -1;
    }
    if (fw) {
        sys->fw_vendor = virConfXMLChildNonEmpty(fw, "vendor");
        sys->fw_version = virConfXMLChildNonEmpty(fw, "version");
        sys->fw_release_date = virConfXMLChildNonEmpty(fw, "release_date");
    }
    return 0;
}

/* Sets (or replaces) field idx of a custom VPD field list. */
static void
virNodeDevVPDCustomSet(virNodeDevVPDCustom **fields, size_t *n, char idx,
                       char *value)
{
    size_t i;

    for (i = 0; i < *n; i++) {
        if ((*fields)[i].idx == idx) {
            g_free((*fields)[i].value);
            (*fields)[i].value = value;
            return;
        }
    }
    *fields = g_renew(virNodeDevVPDCustom, *fields, *n + 1);
    (*fields)[*n].idx = idx;
    (*fields)[*n].value = value;
    (*n)++;
}

/* Custom fields with a one-character index and a value; others are
 * skipped, as upstream skips them. */
static void
virNodeDevVPDCustomParseXML(xmlNodePtr node, const char *name,
                            virNodeDevVPDCustom **fields, size_t *n)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t count = virXMLChildren(node, name, &nodes);
    size_t i;

    for (i = 0; i < count; i++) {
        g_autofree char *index = virXMLPropString(nodes[i], "index");
        char *value;

        if (!index || strlen(index) != 1)
            continue;
        value = virXMLNodeContent(nodes[i]);
        if (!*value) {
            g_free(value);
            continue;
        }
        virNodeDevVPDCustomSet(fields, n, index[0], value);
    }
}

/* A later <fields> element's value replaces an earlier one's. */
static void
virNodeDevReplaceChild(char **dst, xmlNodePtr node, const char *name)
{
    g_free(*dst);
    *dst = virConfXMLChildNonEmpty(node, name);
}

static int
virNodeDevVPDParseXML(xmlNodePtr node, virNodeDevVPD **vpdret)
{
    g_autofree xmlNodePtr *fields = NULL;
    size_t n;
    size_t i;
    virNodeDevVPD *vpd = g_new0(virNodeDevVPD, 1);

    if (!(vpd->name = virConfXMLChildNonEmpty(node, "name"))) {
        virNodeDevVPDFree(vpd);
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Could not read a device name from the <name> element");
        return -1;
    }
    n = virXMLChildren(node, "fields", &fields);
    for (i = 0; i < n; i++) {
        g_autofree char *access = virXMLPropString(fields[i], "access");

        if (!access)
            continue;
        if (g_str_equal(access, "readonly")) {
            vpd->has_ro = true;
            virNodeDevReplaceChild(&vpd->change_level, fields[i],
                                   "change_level");
            virNodeDevReplaceChild(&vpd->manufacture_id, fields[i],
                                   "manufacture_id");
            virNodeDevReplaceChild(&vpd->serial_number, fields[i],
                                   "serial_number");
            virNodeDevReplaceChild(&vpd->part_number, fields[i], "part_number");
            virNodeDevVPDCustomParseXML(fields[i], "vendor_field",
                                        &vpd->ro_vendor, &vpd->nro_vendor);
        } else if (g_str_equal(access, "readwrite")) {
            vpd->has_rw = true;
            virNodeDevReplaceChild(&vpd->asset_tag, fields[i], "asset_tag");
            virNodeDevVPDCustomParseXML(fields[i], "vendor_field",
                                        &vpd->rw_vendor, &vpd->nrw_vendor);
            virNodeDevVPDCustomParseXML(fields[i], "system_field",
                                        &vpd->rw_system, &vpd->nrw_system);
        } else {
            virReportError(VIR_ERR_XML_ERROR,
                           "Unsupported VPD field access type specified %s",
                           access);
            virNodeDevVPDFree(vpd);
            return -1;
        }
    }
    virNodeDevVPDFree(*vpdret);
    *vpdret = vpd;
    return 0;
}

static int
virNodeDevPCIELinkParseXML(xmlNodePtr node, virNodeDevPCIELink **lnkret)
{
    virNodeDevPCIELink *lnk = g_new0(virNodeDevPCIELink, 1);

    *lnkret = lnk;
    lnk->port = -1;
    if (virXMLPropUInt(node, "width", 0, VIR_XML_PROP_REQUIRED,
                       &lnk->width) < 0 ||
        virXMLPropEnum(node, "speed", virNodeDevPCIELinkSpeedTypeFromString,
                       VIR_XML_PROP_NONE, &lnk->speed) < 0 ||
        virXMLPropInt(node, "port", 10, VIR_XML_PROP_NONE, &lnk->port) < 0)
        return -1;
    return 0;
}

static int
virNodeDevCapPCIDevCapParseXML(xmlNodePtr node, virNodeDevCapPCIDev *pci)
{
    g_autofree char *type = virXMLPropString(node, "type");

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing capability type");
        return -1;
    }
    if (g_str_equal(type, "phys_function")) {
        xmlNodePtr addr = virXMLChild(node, "address");

        g_free(pci->physical_function);
        pci->physical_function = g_new0(virNodeDevPCIAddress, 1);
        if (!addr) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing address in 'phys_function' capability");
            return -1;
        }
        return virNodeDevPCIAddressParseXML(addr, pci->physical_function);
    }
    if (g_str_equal(type, "virt_functions")) {
        g_autofree char *max = virXMLPropString(node, "maxCount");

        if (max &&
            virStrToLong_uip(max, NULL, 10, &pci->max_virtual_functions) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Malformed 'maxCount' parameter");
            return -1;
        }
        g_free(pci->virtual_functions);
        pci->has_virt_functions = true;
        return virNodeDevPCIAddressListParseXML(node, &pci->virtual_functions,
                                                &pci->num_virtual_functions);
    }
    if (g_str_equal(type, "mdev_types")) {
        pci->has_mdev_types = true;
        return virNodeDevMdevTypesParseXML(node, &pci->mdev_types);
    }
    if (g_str_equal(type, "vpd"))
        return virNodeDevVPDParseXML(node, &pci->vpd);
    /* A header type; the first one wins and unknown types are ignored. */
    {
        int hdr = virNodeDevPCIHeaderTypeFromString(type);

        if (hdr > 0 && !pci->hdrType)
            pci->hdrType = hdr;
    }
    return 0;
}

static int
virNodeDevCapPCIDevParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                            virNodeDevCapPCIDev *pci)
{
    g_autofree char *klass = virConfXMLChildNonEmpty(node, "class");
    const virNodeDevUIntField fields[] = {
        {"domain", &pci->domain, "PCI domain ID"},
        {"bus", &pci->bus, "PCI bus ID"},
        {"slot", &pci->slot, "PCI slot ID"},
        {"function", &pci->function, "PCI function ID"},
    };
    g_autofree xmlNodePtr *caps = NULL;
    g_autofree char *numa = NULL;
    xmlNodePtr cur;
    size_t ncaps;
    size_t i;

    pci->klass = -1;
    pci->numa_node = -1;
    if (klass &&
        (virStrToLong_i(klass, NULL, 16, &pci->klass) < 0 ||
         pci->klass > 0xffffff)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid PCI class supplied for '%s'", def->name);
        return -1;
    }
    if (virNodeDevParseUInts(node, def, fields, G_N_ELEMENTS(fields)) < 0 ||
        virNodeDevParseVendorProduct(node, def, "PCI", &pci->vendor,
                                     &pci->product, &pci->vendor_name,
                                     &pci->product_name) < 0)
        return -1;

    ncaps = virXMLChildren(node, "capability", &caps);
    for (i = 0; i < ncaps; i++) {
        if (virNodeDevCapPCIDevCapParseXML(caps[i], pci) < 0)
            return -1;
    }

    if ((cur = virXMLChild(node, "iommuGroup"))) {
        pci->has_iommu_group = true;
        if (virXMLPropUInt(cur, "number", 10, VIR_XML_PROP_REQUIRED,
                           &pci->iommuGroupNumber) < 0 ||
            virNodeDevPCIAddressListParseXML(cur, &pci->iommuGroupDevices,
                                             &pci->nIommuGroupDevices) < 0)
            return -1;
    }

    if ((cur = virXMLChild(node, "numa")) &&
        (numa = virXMLPropString(cur, "node")) && *numa &&
        virStrToLong_i(numa, NULL, 10, &pci->numa_node) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid NUMA node ID supplied for '%s'", def->name);
        return -1;
    }

    if ((cur = virXMLChild(node, "pci-express"))) {
        g_autofree xmlNodePtr *links = NULL;
        size_t nlinks = virXMLChildren(cur, "link", &links);

        pci->pcie = true;
        for (i = 0; i < nlinks; i++) {
            g_autofree char *validity = virXMLPropString(links[i], "validity");
            virNodeDevPCIELink **dst = NULL;

            if (g_strcmp0(validity, "cap") == 0 && !pci->link_cap)
                dst = &pci->link_cap;
            else if (g_strcmp0(validity, "sta") == 0 && !pci->link_sta)
                dst = &pci->link_sta;
            if (dst && virNodeDevPCIELinkParseXML(links[i], dst) < 0)
                return -1;
        }
    }
    return 0;
}

static int
virNodeDevCapUSBDevParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                            virNodeDevCapUSBDev *usb)
{
    const virNodeDevUIntField fields[] = {
        {"bus", &usb->bus, "USB bus number"},
        {"device", &usb->device, "USB device number"},
    };

    if (virNodeDevParseUInts(node, def, fields, G_N_ELEMENTS(fields)) < 0)
        return -1;
    return virNodeDevParseVendorProduct(node, def, "USB", &usb->vendor,
                                        &usb->product, &usb->vendor_name,
                                        &usb->product_name);
}

static int
virNodeDevCapUSBIfParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                           virNodeDevCapUSBIf *usb)
{
    const virNodeDevUIntField fields[] = {
        {"number", &usb->number, "USB interface number"},
        {"class", &usb->klass, "USB interface class"},
        {"subclass", &usb->subclass, "USB interface subclass"},
        {"protocol", &usb->protocol, "USB interface protocol"},
    };

    if (virNodeDevParseUInts(node, def, fields, G_N_ELEMENTS(fields)) < 0)
        return -1;
    usb->description = virConfXMLChildNonEmpty(node, "description");
    return 0;
}

static int
virNodeDevCapNetParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                         virNodeDevCapNet *net)
{
    g_autofree xmlNodePtr *features = NULL;
    size_t nfeatures;
    xmlNodePtr cur;
    size_t i;

    if (!(net->ifname = virConfXMLChildNonEmpty(node, "interface"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no network interface supplied for '%s'", def->name);
        return -1;
    }
    net->address = virConfXMLChildNonEmpty(node, "address");

    nfeatures = virXMLChildren(node, "feature", &features);
    for (i = 0; i < nfeatures; i++) {
        g_autofree char *name = virXMLPropString(features[i], "name");
        int val;

        if (!name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing network device feature name");
            return -1;
        }
        if ((val = virNodeDevNetFeatureTypeFromString(name)) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown network device feature '%s'", name);
            return -1;
        }
        net->features |= 1U << val;
    }

    net->subtype = VIR_NODE_DEV_CAP_NET_LAST;
    if ((cur = virXMLChild(node, "capability"))) {
        g_autofree char *type = virXMLPropString(cur, "type");
        int val;

        if (type) {
            if ((val = virNodeDevNetCapTypeFromString(type)) < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "invalid network type supplied for '%s'",
                               def->name);
                return -1;
            }
            net->subtype = val;
        }
    }

    if ((cur = virXMLChild(node, "link")) &&
        (virXMLPropEnum(cur, "state", virNodeDevIfStateTypeFromString,
                        VIR_XML_PROP_NONE, &net->link_state) < 0 ||
         virXMLPropUInt(cur, "speed", 10, VIR_XML_PROP_NONE,
                        &net->link_speed) < 0))
        return -1;
    return 0;
}

/* A random WWN with the QEMU OUI, for a vHBA created without one. */
static char *
virNodeDevRandomWWN(void)
{
    return g_strdup_printf("5001a4a%09" G_GINT64_MODIFIER "x",
                           (gint64)(g_random_double() * 68719476735.0));
}

/* One nested <capability> of the given type: 0 read, 1 of an unknown
 * type, -1 on error. */
typedef int (*virNodeDevSubCapParseFunc)(xmlNodePtr cap, const char *type,
                                         const virNodeDeviceDef *def,
                                         void *data);

/* The nested <capability> elements of scsi_host, scsi_target and storage:
 * each needs a type (missing names it in the message) that parse knows
 * (kind names the capability in the message). */
static int
virNodeDevSubCapsParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                          const char *missing, const char *kind,
                          virNodeDevSubCapParseFunc parse, void *data)
{
    g_autofree xmlNodePtr *caps = NULL;
    size_t ncaps = virXMLChildren(node, "capability", &caps);
    size_t i;

    for (i = 0; i < ncaps; i++) {
        g_autofree char *type = virXMLPropString(caps[i], "type");
        int rc;

        if (!type) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "missing %s for '%s'",
                           missing, def->name);
            return -1;
        }
        if ((rc = parse(caps[i], type, def, data)) < 0)
            return -1;
        if (rc > 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown %s capability type '%s' for '%s'",
                           kind, type, def->name);
            return -1;
        }
    }
    return 0;
}

static int
virNodeDevSCSIHostSubCapParseXML(xmlNodePtr cap, const char *type,
                                 const virNodeDeviceDef *def G_GNUC_UNUSED,
                                 void *data)
{
    virNodeDevCapSCSIHost *host = data;

    if (g_str_equal(type, "vport_ops")) {
        /* the counts come from the host, not from documents */
        host->vport_ops = true;
        g_free(virXMLChildContent(cap, "max_vports"));
        g_free(virXMLChildContent(cap, "vports"));
    } else if (g_str_equal(type, "fc_host")) {
        host->fc_host = true;
        g_free(host->wwnn);
        g_free(host->wwpn);
        g_free(host->fabric_wwn);
        if (!(host->wwnn = virConfXMLChildNonEmpty(cap, "wwnn")))
            host->wwnn = virNodeDevRandomWWN();
        if (!(host->wwpn = virConfXMLChildNonEmpty(cap, "wwpn")))
            host->wwpn = virNodeDevRandomWWN();
        host->fabric_wwn = virConfXMLChildNonEmpty(cap, "fabric_wwn");
    } else {
        return 1;
    }
    return 0;
}

static int
virNodeDevCapSCSIHostParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                              virNodeDevCapSCSIHost *host, bool create)
{
    host->unique_id = -1;
    if (!create) {
        const virNodeDevUIntField field = {
            "host", &host->host, "SCSI host ID"
        };
        g_autofree char *uid = NULL;

        if (virNodeDevParseUInts(node, def, &field, 1) < 0)
            return -1;
        if ((uid = virConfXMLChildNonEmpty(node, "unique_id")) &&
            virStrToLong_i(uid, NULL, 10, &host->unique_id) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "invalid unique_id supplied for '%s'", def->name);
            return -1;
        }
    }
    return virNodeDevSubCapsParseXML(node, def, "SCSI host capability type",
                                     "SCSI host",
                                     virNodeDevSCSIHostSubCapParseXML, host);
}

static int
virNodeDevSCSITargetSubCapParseXML(xmlNodePtr cap, const char *type,
                                   const virNodeDeviceDef *def, void *data)
{
    virNodeDevCapSCSITarget *target = data;

    if (!g_str_equal(type, "fc_remote_port"))
        return 1;
    target->fc_rport = true;
    g_free(target->rport);
    g_free(target->wwpn);
    target->wwpn = NULL;
    if (!(target->rport = virConfXMLChildNonEmpty(cap, "rport"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "missing rport name for '%s'", def->name);
        return -1;
    }
    if (!(target->wwpn = virConfXMLChildNonEmpty(cap, "wwpn"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "missing wwpn identifier for '%s'", def->name);
        return -1;
    }
    return 0;
}

static int
virNodeDevCapSCSITargetParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                                virNodeDevCapSCSITarget *target)
{
    if (!(target->name = virConfXMLChildNonEmpty(node, "target"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no target name supplied for '%s'", def->name);
        return -1;
    }
    return virNodeDevSubCapsParseXML(node, def,
                                     "type for SCSI target capability",
                                     "SCSI target",
                                     virNodeDevSCSITargetSubCapParseXML,
                                     target);
}

static int
virNodeDevCapSCSIParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                          virNodeDevCapSCSI *scsi)
{
    const virNodeDevUIntField fields[] = {
        {"host", &scsi->host, "SCSI host ID"},
        {"bus", &scsi->bus, "SCSI bus ID"},
        {"target", &scsi->target, "SCSI target ID"},
        {"lun", &scsi->lun, "SCSI LUN ID"},
    };

    if (virNodeDevParseUInts(node, def, fields, G_N_ELEMENTS(fields)) < 0)
        return -1;
    scsi->type = virConfXMLChildNonEmpty(node, "type");
    return 0;
}

static int
virNodeDevParseULL(xmlNodePtr parent, const char *name,
                   unsigned long long *value, const virNodeDeviceDef *def,
                   const char *what)
{
    g_autofree char *str = virConfXMLChildNonEmpty(parent, name);

    return virNodeDevParseNumber(str, 10, NULL, value, def, what);
}

static int
virNodeDevStorageSubCapParseXML(xmlNodePtr cap, const char *type,
                                const virNodeDeviceDef *def, void *data)
{
    virNodeDevCapStorage *st = data;
    g_autofree xmlNodePtr *avail = NULL;
    size_t navail;
    size_t j;

    if (g_str_equal(type, "hotpluggable")) {
        st->hotpluggable = true;
        return 0;
    }
    if (!g_str_equal(type, "removable"))
        return 1;

    st->removable = true;
    navail = virXMLChildren(cap, "media_available", &avail);
    for (j = 0; j < navail; j++) {
        g_autofree char *val = virXMLNodeContent(avail[j]);

        if (g_str_equal(val, "1"))
            st->media_available = true;
    }
    g_free(st->media_label);
    st->media_label = virConfXMLChildNonEmpty(cap, "media_label");
    if (virNodeDevParseULL(cap, "media_size", &st->removable_media_size, def,
                           "removable media size") < 0)
        return -1;
    /* formatted for existing media; output only */
    g_free(virXMLChildContent(cap, "logical_block_size"));
    g_free(virXMLChildContent(cap, "num_blocks"));
    return 0;
}

static int
virNodeDevCapStorageParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                             virNodeDevCapStorage *st)
{
    if (!(st->block = virConfXMLChildNonEmpty(node, "block"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no block device path supplied for '%s'", def->name);
        return -1;
    }
    st->bus = virConfXMLChildNonEmpty(node, "bus");
    st->drive_type = virConfXMLChildNonEmpty(node, "drive_type");
    st->model = virConfXMLChildNonEmpty(node, "model");
    st->vendor = virConfXMLChildNonEmpty(node, "vendor");
    st->serial = virConfXMLChildNonEmpty(node, "serial");

    if (virNodeDevSubCapsParseXML(node, def, "storage capability type",
                                  "storage", virNodeDevStorageSubCapParseXML,
                                  st) < 0)
        return -1;
    if (!st->removable &&
        virNodeDevParseULL(node, "size", &st->size, def, "size") < 0)
        return -1;
    /* output only, not kept (as upstream) */
    g_free(virXMLChildContent(node, "logical_block_size"));
    g_free(virXMLChildContent(node, "num_blocks"));
    return 0;
}

static int
virNodeDevCapMdevParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                          virNodeDevCapMdev *mdev)
{
    g_autofree xmlNodePtr *attrs = NULL;
    g_autofree char *uuid = NULL;
    xmlNodePtr cur;
    size_t nattrs;
    size_t i;

    if (!(cur = virXMLChild(node, "type")) ||
        !(mdev->type = virXMLPropString(cur, "id")) || !*mdev->type) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "missing type id attribute for '%s'", def->name);
        return -1;
    }
    if ((uuid = virConfXMLChildNonEmpty(node, "uuid"))) {
        unsigned char raw[VIR_UUID_BUFLEN];

        if (virUUIDParse(uuid, raw) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Invalid uuid '%s' for new mdev device", uuid);
            return -1;
        }
        mdev->uuid = g_new0(char, VIR_UUID_STRING_BUFLEN);
        virUUIDFormat(raw, mdev->uuid);
    }
    /* the parent's address is filled in by the host, not read */
    g_free(virXMLChildContent(node, "parent_addr"));
    if ((cur = virXMLChild(node, "iommuGroup"))) {
        g_autofree char *num = virXMLPropString(cur, "number");

        if (num && *num &&
            virStrToLong_ui(num, NULL, 10, &mdev->iommuGroupNumber) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "invalid iommuGroup number attribute for '%s'",
                           def->name);
            return -1;
        }
    }
    nattrs = virXMLChildren(node, "attr", &attrs);
    mdev->attributes = g_new0(virNodeDevMdevAttr, nattrs);
    for (i = 0; i < nattrs; i++) {
        g_autofree char *name = virXMLPropString(attrs[i], "name");
        g_autofree char *value = virXMLPropString(attrs[i], "value");

        /* upstream reports this but goes on without the attribute */
        if (!name || !*name || !value || !*value)
            continue;
        mdev->attributes[mdev->nattributes].name = g_steal_pointer(&name);
        mdev->attributes[mdev->nattributes++].value = g_steal_pointer(&value);
    }
    return 0;
}

/* A required number of a ccw, css or ap device in the text of child
 * name, in base (0: any C base), at most max. */
static int
virNodeDevParseValue(xmlNodePtr node, const char *name, int base,
                     unsigned int max, unsigned int *value,
                     const virNodeDeviceDef *def)
{
    g_autofree char *str = virConfXMLChildNonEmpty(node, name);

    if (!str) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "missing %s value for '%s'", name, def->name);
        return -1;
    }
    if (virStrToLong_uip(str, NULL, base, value) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "invalid %s value '%s' for '%s'", name, str, def->name);
        return -1;
    }
    if (*value > max) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "%s value '%s' is out of range for '%s'",
                       name, str, def->name);
        return -1;
    }
    return 0;
}

static int
virNodeDevCCWAddressParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                             unsigned int *cssid, unsigned int *ssid,
                             unsigned int *devno)
{
    /* devno is always hex; the ids take any C base */
    if (virNodeDevParseValue(node, "cssid", 0, UINT_MAX, cssid, def) < 0 ||
        virNodeDevParseValue(node, "ssid", 0, UINT_MAX, ssid, def) < 0 ||
        virNodeDevParseValue(node, "devno", 16, UINT_MAX, devno, def) < 0)
        return -1;
    return 0;
}

/* The nested <capability type='mdev_types'> of css and ap_matrix. */
static int
virNodeDevMdevTypesCapsParseXML(xmlNodePtr node, bool *has,
                                virNodeDevMdevTypes *types)
{
    g_autofree xmlNodePtr *caps = NULL;
    size_t ncaps = virXMLChildren(node, "capability", &caps);
    size_t i;

    for (i = 0; i < ncaps; i++) {
        g_autofree char *type = virXMLPropString(caps[i], "type");

        if (!type) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "Missing capability type");
            return -1;
        }
        if (g_str_equal(type, "mdev_types")) {
            *has = true;
            if (virNodeDevMdevTypesParseXML(caps[i], types) < 0)
                return -1;
        }
    }
    return 0;
}

/* A ccw device, or with css its mdev types and channel device too. */
static int
virNodeDevCapCCWParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                         virNodeDevCapCCW *ccw, bool css)
{
    xmlNodePtr cur;

    if (virNodeDevCCWAddressParseXML(node, def, &ccw->cssid, &ccw->ssid,
                                     &ccw->devno) < 0)
        return -1;
    if (!css)
        return 0;
    if (virNodeDevMdevTypesCapsParseXML(node, &ccw->has_mdev_types,
                                        &ccw->mdev_types) < 0)
        return -1;
    if ((cur = virXMLChild(node, "channel_dev_addr"))) {
        virNodeDevCCWAddress *addr = g_new0(virNodeDevCCWAddress, 1);

        ccw->channel_dev_addr = addr;
        if (virNodeDevCCWAddressParseXML(cur, def, &addr->cssid, &addr->ssid,
                                         &addr->devno) < 0)
            return -1;
    }
    return 0;
}

static int
virNodeDevCapAPParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                        virNodeDevCapsDef *cap)
{
    virNodeDevCapAP *ap = &cap->data.ap;

    if (cap->type == VIR_NODE_DEV_CAP_AP_MATRIX)
        return virNodeDevMdevTypesCapsParseXML(node, &ap->has_mdev_types,
                                               &ap->mdev_types);

    if (virNodeDevParseValue(node, "ap-adapter", 0, UINT_MAX,
                             &ap->ap_adapter, def) < 0)
        return -1;
    if (cap->type == VIR_NODE_DEV_CAP_AP_QUEUE &&
        virNodeDevParseValue(node, "ap-domain", 0, 255,
                             &ap->ap_domain, def) < 0)
        return -1;
    return 0;
}

static int
virNodeDevCapsDefParseXML(xmlNodePtr node, const virNodeDeviceDef *def,
                          virNodeDevCapsDef *cap, bool create)
{
    int type;
    g_autofree char *drm = NULL;

    if (virXMLPropEnum(node, "type", virNodeDevCapTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0)
        return -1;
    cap->type = type;

    switch (cap->type) {
    case VIR_NODE_DEV_CAP_SYSTEM:
        return virNodeDevCapSystemParseXML(node, def, &cap->data.system);
    case VIR_NODE_DEV_CAP_PCI_DEV:
        return virNodeDevCapPCIDevParseXML(node, def, &cap->data.pci_dev);
    case VIR_NODE_DEV_CAP_USB_DEV:
        return virNodeDevCapUSBDevParseXML(node, def, &cap->data.usb_dev);
    case VIR_NODE_DEV_CAP_USB_INTERFACE:
        return virNodeDevCapUSBIfParseXML(node, def, &cap->data.usb_if);
    case VIR_NODE_DEV_CAP_NET:
        return virNodeDevCapNetParseXML(node, def, &cap->data.net);
    case VIR_NODE_DEV_CAP_SCSI_HOST:
        return virNodeDevCapSCSIHostParseXML(node, def, &cap->data.scsi_host,
                                             create);
    case VIR_NODE_DEV_CAP_SCSI_TARGET:
        return virNodeDevCapSCSITargetParseXML(node, def,
                                               &cap->data.scsi_target);
    case VIR_NODE_DEV_CAP_SCSI:
        return virNodeDevCapSCSIParseXML(node, def, &cap->data.scsi);
    case VIR_NODE_DEV_CAP_STORAGE:
        return virNodeDevCapStorageParseXML(node, def, &cap->data.storage);
    case VIR_NODE_DEV_CAP_DRM:
        drm = virConfXMLChildNonEmpty(node, "type");
        if (!drm || (type = virNodeDevDRMTypeFromString(drm)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown drm type '%s' for '%s'",
                           NULLSTR(drm), def->name);
            return -1;
        }
        cap->data.drm = type;
        return 0;
    case VIR_NODE_DEV_CAP_MDEV:
        return virNodeDevCapMdevParseXML(node, def, &cap->data.mdev);
    case VIR_NODE_DEV_CAP_CCW_DEV:
    case VIR_NODE_DEV_CAP_CSS_DEV:
        return virNodeDevCapCCWParseXML(node, def, &cap->data.ccw_dev,
                                        cap->type == VIR_NODE_DEV_CAP_CSS_DEV);
    case VIR_NODE_DEV_CAP_AP_CARD:
    case VIR_NODE_DEV_CAP_AP_QUEUE:
    case VIR_NODE_DEV_CAP_AP_MATRIX:
        return virNodeDevCapAPParseXML(node, def, cap);
    /* Only the host's device driver makes these (upstream refuses them
     * in documents, though it formats them). */
    case VIR_NODE_DEV_CAP_VDPA:
    case VIR_NODE_DEV_CAP_MDEV_TYPES:
    case VIR_NODE_DEV_CAP_FC_HOST:
    case VIR_NODE_DEV_CAP_VPORTS:
    case VIR_NODE_DEV_CAP_SCSI_GENERIC:
    case VIR_NODE_DEV_CAP_VPD:
    case VIR_NODE_DEV_CAP_LAST:
        break;
    }
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "unknown capability type '%d' for '%s'",
                   cap->type, def->name);
    return -1;
}

static int
virNodeDeviceDefParseDevnodes(xmlNodePtr root, virNodeDeviceDef *def)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "devnode", &nodes);
    size_t i;

    def->devlinks = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        int type;

        if (virXMLPropEnum(nodes[i], "type", virNodeDevDevnodeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0)
            return -1;
        if (type == 0) {
            g_free(def->devnode);
            def->devnode = virXMLNodeContent(nodes[i]);
        } else {
            def->devlinks[def->ndevlinks++] = virXMLNodeContent(nodes[i]);
        }
    }
    return 0;
}

virNodeDeviceDef *
virNodeDeviceDefParseNode(xmlNodePtr root, bool create, unsigned int flags)
{
    g_autoptr(virNodeDeviceDef) def = g_new0(virNodeDeviceDef, 1);
    g_autofree xmlNodePtr *caps = NULL;
    xmlNodePtr node;
    size_t ncaps;
    size_t i;

    virXMLNodeMarkConsumed(root);

    if (create) {
        /* a new device is named by the driver */
        g_free(virXMLChildContent(root, "name"));
        def->name = g_strdup("new device");
    } else if (!(def->name = virConfXMLChildNonEmpty(root, "name"))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return NULL;
    }
    def->sysfs_path = virConfXMLChildNonEmpty(root, "path");
    if (virNodeDeviceDefParseDevnodes(root, def) < 0)
        return NULL;

    if ((node = virXMLChild(root, "parent"))) {
        g_autofree char *parent = virXMLNodeContent(node);

        if (*parent)
            def->parent = g_steal_pointer(&parent);
        def->parent_wwnn = virXMLPropString(node, "wwnn");
        def->parent_wwpn = virXMLPropString(node, "wwpn");
        def->parent_fabric_wwn = virXMLPropString(node, "fabric_wwn");
        if (def->parent_wwnn && !def->parent_wwpn) {
            virReportError(VIR_ERR_XML_ERROR,
                           "when providing parent wwnn='%s', the wwpn must also be provided",
                           def->parent_wwnn);
            return NULL;
        }
        if (!def->parent_wwnn && def->parent_wwpn) {
            virReportError(VIR_ERR_XML_ERROR,
                           "when providing parent wwpn='%s', the wwnn must also be provided",
                           def->parent_wwpn);
            return NULL;
        }
    }
    /* The driver in use is the host's to say: upstream formats it but
     * does not read it back. */
    if ((node = virXMLChild(root, "driver")))
        g_free(virXMLChildContent(node, "name"));

    ncaps = virXMLChildren(root, "capability", &caps);
    if (ncaps == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no device capabilities for '%s'", def->name);
        return NULL;
    }
    def->caps = g_new0(virNodeDevCapsDef, ncaps);
    for (i = 0; i < ncaps; i++) {
        /* counted first so that a failure frees what was parsed */
        def->ncaps++;
        if (virNodeDevCapsDefParseXML(caps[i], def, &def->caps[i], create) < 0)
            return NULL;
    }

    if ((flags & VIR_NODE_DEVICE_PARSE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virNodeDeviceDef *
virNodeDeviceDefParseString(const char *xml, bool create, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(node_device_definition)", "device")))
        return NULL;
    return virNodeDeviceDefParseNode(xmlDocGetRootElement(doc), create,
                                     flags);
}
