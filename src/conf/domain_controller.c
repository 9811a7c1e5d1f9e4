/*
 * domain_controller.c: the <controller> device family, parsed and
 * formatted as upstream libvirt 9.0 does, and the controller bookkeeping
 * upstream does after parsing (order, indexes, implicit controllers).
 */
#include "domain_controller.h"

#include "domain_chr.h"
#include "domain_disk.h"
#include "domain_hostdev.h"
#include "domain_smartcard.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainController, VIR_DOMAIN_CONTROLLER_TYPE_LAST,
              "ide", "fdc", "scsi", "sata", "virtio-serial", "ccid", "usb",
              "pci", "xenbus", "isa");
VIR_ENUM_IMPL(virDomainControllerModelPCI, VIR_DOMAIN_CONTROLLER_MODEL_PCI_LAST,
              "pci-root", "pcie-root", "pci-bridge", "dmi-to-pci-bridge",
              "pcie-to-pci-bridge", "pcie-root-port",
              "pcie-switch-upstream-port", "pcie-switch-downstream-port",
              "pci-expander-bus", "pcie-expander-bus");
VIR_ENUM_IMPL(virDomainControllerPCIModelName,
              VIR_DOMAIN_CONTROLLER_PCI_MODEL_NAME_LAST,
              "none", "pci-bridge", "i82801b11-bridge", "ioh3420",
              "x3130-upstream", "xio3130-downstream", "pxb", "pxb-pcie",
              "pcie-root-port", "spapr-pci-host-bridge", "pcie-pci-bridge");
VIR_ENUM_IMPL(virDomainControllerModelSCSI,
              VIR_DOMAIN_CONTROLLER_MODEL_SCSI_LAST,
              "auto", "buslogic", "lsilogic", "lsisas1068", "vmpvscsi",
              "ibmvscsi", "virtio-scsi", "lsisas1078", "virtio-transitional",
              "virtio-non-transitional", "ncr53c90", "dc390", "am53c974");
VIR_ENUM_IMPL(virDomainControllerModelUSB, VIR_DOMAIN_CONTROLLER_MODEL_USB_LAST,
              "piix3-uhci", "piix4-uhci", "ehci", "ich9-ehci1", "ich9-uhci1",
              "ich9-uhci2", "ich9-uhci3", "vt82c686b-uhci", "pci-ohci",
              "nec-xhci", "qusb1", "qusb2", "qemu-xhci", "none");
VIR_ENUM_IMPL(virDomainControllerModelIDE, VIR_DOMAIN_CONTROLLER_MODEL_IDE_LAST,
              "piix3", "piix4", "ich6");
VIR_ENUM_IMPL(virDomainControllerModelVirtioSerial,
              VIR_DOMAIN_CONTROLLER_MODEL_VIRTIO_SERIAL_LAST,
              "virtio", "virtio-transitional", "virtio-non-transitional");


virDomainControllerDef *
virDomainControllerDefNew(virDomainControllerType type)
{
    virDomainControllerDef *cont = g_new0(virDomainControllerDef, 1);

    cont->type = type;
    cont->idx = -1;
    cont->model = -1;
    cont->ports = -1;
    cont->vectors = -1;
    cont->maxGrantFrames = -1;
    cont->maxEventChannels = -1;
    cont->chassisNr = -1;
    cont->chassis = -1;
    cont->port = -1;
    cont->busNr = -1;
    cont->targetIndex = -1;
    cont->numaNode = -1;
    return cont;
}


void
virDomainControllerDefFree(virDomainControllerDef *dev)
{
    if (!dev)
        return;
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainControllerDef, virDomainControllerDefFree);


/* The model names depend on the controller type: the model enum of each
 * type that has one; -1 (or NULL) for the others and unknown names. */
#define VIR_DOMAIN_CONTROLLER_MODELS(type, name) \
    [VIR_DOMAIN_CONTROLLER_TYPE_ ## type] = { \
        virDomainControllerModel ## name ## TypeFromString, \
        virDomainControllerModel ## name ## TypeToString }

static const struct {
    int (*fromString)(const char *model);
    const char *(*toString)(int model);
} virDomainControllerModels[VIR_DOMAIN_CONTROLLER_TYPE_LAST] = {
    VIR_DOMAIN_CONTROLLER_MODELS(SCSI, SCSI),
    VIR_DOMAIN_CONTROLLER_MODELS(USB, USB),
    VIR_DOMAIN_CONTROLLER_MODELS(PCI, PCI),
    VIR_DOMAIN_CONTROLLER_MODELS(IDE, IDE),
    VIR_DOMAIN_CONTROLLER_MODELS(VIRTIO_SERIAL, VirtioSerial),
};

#undef VIR_DOMAIN_CONTROLLER_MODELS


static int
virDomainControllerModelFromString(virDomainControllerType type,
                                   const char *model)
{
    if ((unsigned int)type >= VIR_DOMAIN_CONTROLLER_TYPE_LAST ||
        !virDomainControllerModels[type].fromString)
        return -1;
    return virDomainControllerModels[type].fromString(model);
}


static const char *
virDomainControllerModelToString(virDomainControllerType type, int model)
{
    if ((unsigned int)type >= VIR_DOMAIN_CONTROLLER_TYPE_LAST ||
        !virDomainControllerModels[type].toString)
        return NULL;
    return virDomainControllerModels[type].toString(model);
}


static int
virDomainControllerParseDriver(xmlNodePtr driver, virDomainControllerDef *cont)
{
    if (virXMLPropUInt(driver, "queues", 10, VIR_XML_PROP_NONE,
                       &cont->queues) < 0 ||
        virXMLPropUInt(driver, "cmd_per_lun", 10, VIR_XML_PROP_NONE,
                       &cont->cmd_per_lun) < 0 ||
        virXMLPropUInt(driver, "max_sectors", 10, VIR_XML_PROP_NONE,
                       &cont->max_sectors) < 0 ||
        virXMLPropTristateSwitch(driver, "ioeventfd", VIR_XML_PROP_NONE,
                                 &cont->ioeventfd) < 0 ||
        virXMLPropUInt(driver, "iothread", 10, VIR_XML_PROP_NONE,
                       &cont->iothread) < 0 ||
        virDomainVirtioOptionsParseXML(driver, &cont->virtio) < 0)
        return -1;
    return 0;
}


static int
virDomainControllerParsePCITarget(xmlNodePtr target,
                                  virDomainControllerDef *cont)
{
    if (virXMLPropInt(target, "chassisNr", 0, VIR_XML_PROP_NONNEGATIVE,
                      &cont->chassisNr) < 0 ||
        virXMLPropInt(target, "chassis", 0, VIR_XML_PROP_NONNEGATIVE,
                      &cont->chassis) < 0 ||
        virXMLPropInt(target, "port", 0, VIR_XML_PROP_NONNEGATIVE,
                      &cont->port) < 0 ||
        virXMLPropInt(target, "busNr", 0, VIR_XML_PROP_NONNEGATIVE,
                      &cont->busNr) < 0 ||
        virXMLPropTristateSwitch(target, "hotplug", VIR_XML_PROP_NONE,
                                 &cont->hotplug) < 0 ||
        virXMLPropInt(target, "index", 0, VIR_XML_PROP_NONNEGATIVE,
                      &cont->targetIndex) < 0)
        return -1;
    return 0;
}


virDomainControllerDef *
virDomainControllerDefParseXML(xmlNodePtr node,
                               virDomainDef *def G_GNUC_UNUSED,
                               unsigned int flags)
{
    g_autoptr(virDomainControllerDef) cont = NULL;
    g_autofree char *model = NULL;
    g_autofree xmlNodePtr *models = NULL;
    g_autofree xmlNodePtr *targets = NULL;
    size_t nmodels, ntargets;
    xmlNodePtr cur;
    int numaNode = -1;
    int val;

    if (virXMLPropEnum(node, "type", virDomainControllerTypeFromString,
                       VIR_XML_PROP_NONE, &val) < 0)
        return NULL;
    cont = virDomainControllerDefNew(val);

    if ((model = virXMLPropString(node, "model"))) {
        if ((cont->model = virDomainControllerModelFromString(cont->type,
                                                              model)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown model type '%s'", model);
            return NULL;
        }
    }

    if (virXMLPropInt(node, "index", 10, VIR_XML_PROP_NONNEGATIVE,
                      &cont->idx) < 0)
        return NULL;

    if ((cur = virXMLChild(node, "driver")) &&
        virDomainControllerParseDriver(cur, cont) < 0)
        return NULL;

    nmodels = virXMLChildren(node, "model", &models);
    if (nmodels > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Multiple <model> elements in controller definition not allowed");
        return NULL;
    }
    if (nmodels == 1 && cont->type == VIR_DOMAIN_CONTROLLER_TYPE_PCI) {
        if (virXMLPropEnum(models[0], "name",
                           virDomainControllerPCIModelNameTypeFromString,
                           VIR_XML_PROP_NONE, &val) < 0)
            return NULL;
        cont->modelName = val;
    }

    ntargets = virXMLChildren(node, "target", &targets);
    if (ntargets > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Multiple <target> elements in controller definition not allowed");
        return NULL;
    }
    if (ntargets == 1) {
        g_autofree char *numa = NULL;

        if (cont->type == VIR_DOMAIN_CONTROLLER_TYPE_PCI &&
            virDomainControllerParsePCITarget(targets[0], cont) < 0)
            return NULL;

        /* <node> is read whatever the type, as upstream does */
        if ((numa = virXMLChildContent(targets[0], "node")) && *numa &&
            (virStrToLong_i(numa, NULL, 10, &numaNode) < 0 || numaNode < 0)) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "invalid NUMA node in target");
            return NULL;
        }
    }

    /* a "none" USB controller has no address to speak of */
    if (!(cont->type == VIR_DOMAIN_CONTROLLER_TYPE_USB &&
          cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE) &&
        virDomainDeviceInfoParseXML(node, &cont->info, flags) < 0)
        return NULL;

    val = -1;
    if (virXMLPropInt(node, "ports", 10, VIR_XML_PROP_NONNEGATIVE, &val) < 0)
        return NULL;

    switch (cont->type) {
    case VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL:
        if (virXMLPropInt(node, "vectors", 10, VIR_XML_PROP_NONNEGATIVE,
                          &cont->vectors) < 0)
            return NULL;
        cont->ports = val;
        break;

    case VIR_DOMAIN_CONTROLLER_TYPE_USB: {
        /* ICH9 UHCI companions default to their usual first port */
        int startport = -1;

        if (cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_ICH9_UHCI1)
            startport = 0;
        else if (cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_ICH9_UHCI2)
            startport = 2;
        else if (cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_ICH9_UHCI3)
            startport = 4;
        if (startport != -1 &&
            cont->info.mastertype == VIR_DOMAIN_CONTROLLER_MASTER_NONE) {
            cont->info.mastertype = VIR_DOMAIN_CONTROLLER_MASTER_USB;
            cont->info.masterStartport = startport;
        }
        cont->ports = val;
        break;
    }

    case VIR_DOMAIN_CONTROLLER_TYPE_PCI:
        if ((cont->model == VIR_DOMAIN_CONTROLLER_MODEL_PCI_ROOT ||
             cont->model == VIR_DOMAIN_CONTROLLER_MODEL_PCIE_ROOT) &&
            (cur = virXMLChild(node, "pcihole64"))) {
            unsigned long long bytes;
            int rc;

            if ((rc = virXMLParseScaledValue(cur, NULL, "unit", 1024,
                                             1024ULL * ULONG_MAX, false,
                                             &bytes)) < 0)
                return NULL;
            cont->pcihole64 = rc == 1;
            cont->pcihole64size = (bytes + 1023) / 1024;
        }
        if (numaNode >= 0)
            cont->numaNode = numaNode;
        break;

    case VIR_DOMAIN_CONTROLLER_TYPE_XENBUS:
        if (virXMLPropInt(node, "maxGrantFrames", 10,
                          VIR_XML_PROP_NONNEGATIVE,
                          &cont->maxGrantFrames) < 0 ||
            virXMLPropInt(node, "maxEventChannels", 10,
                          VIR_XML_PROP_NONNEGATIVE,
                          &cont->maxEventChannels) < 0)
            return NULL;
        break;

    default:
        break;
    }

    return g_steal_pointer(&cont);
}


static void
virDomainControllerFormatPCI(virBuffer *buf, const virDomainControllerDef *cont,
                             unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    bool withName = cont->modelName != VIR_DOMAIN_CONTROLLER_PCI_MODEL_NAME_NONE;

    /* migratable XML of pSeries treats the default PHB name as absent */
    if (cont->model == VIR_DOMAIN_CONTROLLER_MODEL_PCI_ROOT &&
        cont->modelName == VIR_DOMAIN_CONTROLLER_PCI_MODEL_NAME_SPAPR_PCI_HOST_BRIDGE &&
        (flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE))
        withName = false;
    if (withName)
        virBufferAsprintf(buf, "<model name='%s'/>\n",
                          virDomainControllerPCIModelNameTypeToString(cont->modelName));

    if (cont->chassisNr != -1)
        virBufferAsprintf(&attrBuf, " chassisNr='%d'", cont->chassisNr);
    if (cont->chassis != -1)
        virBufferAsprintf(&attrBuf, " chassis='%d'", cont->chassis);
    if (cont->port != -1)
        virBufferAsprintf(&attrBuf, " port='0x%x'", cont->port);
    if (cont->busNr != -1)
        virBufferAsprintf(&attrBuf, " busNr='%d'", cont->busNr);
    if (cont->targetIndex != -1)
        virBufferAsprintf(&attrBuf, " index='%d'", cont->targetIndex);
    virDomainTristateSwitchAttrFormat(&attrBuf, "hotplug", cont->hotplug);
    if (cont->numaNode != -1)
        virBufferAsprintf(&childBuf, "<node>%d</node>\n", cont->numaNode);
    virXMLFormatElement(buf, "target", &attrBuf, &childBuf);
}


int
virDomainControllerDefFormat(virBuffer *buf,
                             const virDomainControllerDef *cont,
                             const virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;
    const char *model = NULL;

    if (cont->model != -1 &&
        !(model = virDomainControllerModelToString(cont->type, cont->model))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected model type %d",
                       cont->model);
        return -1;
    }

    virBufferAsprintf(&attrBuf, " type='%s' index='%d'",
                      virDomainControllerTypeToString(cont->type), cont->idx);
    virBufferEscapeString(&attrBuf, " model='%s'", model);

    switch (cont->type) {
    case VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL:
        if (cont->ports != -1)
            virBufferAsprintf(&attrBuf, " ports='%d'", cont->ports);
        if (cont->vectors != -1)
            virBufferAsprintf(&attrBuf, " vectors='%d'", cont->vectors);
        break;
    case VIR_DOMAIN_CONTROLLER_TYPE_USB:
        if (cont->ports != -1)
            virBufferAsprintf(&attrBuf, " ports='%d'", cont->ports);
        break;
    case VIR_DOMAIN_CONTROLLER_TYPE_XENBUS:
        if (cont->maxGrantFrames != -1)
            virBufferAsprintf(&attrBuf, " maxGrantFrames='%d'",
                              cont->maxGrantFrames);
        if (cont->maxEventChannels != -1)
            virBufferAsprintf(&attrBuf, " maxEventChannels='%d'",
                              cont->maxEventChannels);
        break;
    case VIR_DOMAIN_CONTROLLER_TYPE_PCI:
        virDomainControllerFormatPCI(&childBuf, cont, flags);
        break;
    default:
        break;
    }

    if (cont->queues)
        virBufferAsprintf(&driverBuf, " queues='%u'", cont->queues);
    if (cont->cmd_per_lun)
        virBufferAsprintf(&driverBuf, " cmd_per_lun='%u'", cont->cmd_per_lun);
    if (cont->max_sectors)
        virBufferAsprintf(&driverBuf, " max_sectors='%u'", cont->max_sectors);
    virDomainTristateSwitchAttrFormat(&driverBuf, "ioeventfd", cont->ioeventfd);
    if (cont->iothread)
        virBufferAsprintf(&driverBuf, " iothread='%u'", cont->iothread);
    virDomainVirtioOptionsFormat(&driverBuf, &cont->virtio);
    virXMLFormatElement(&childBuf, "driver", &driverBuf, NULL);

    virDomainDeviceInfoFormat(&childBuf, &cont->info, flags);

    if (cont->type == VIR_DOMAIN_CONTROLLER_TYPE_PCI && cont->pcihole64)
        virBufferAsprintf(&childBuf, "<pcihole64 unit='KiB'>%llu</pcihole64>\n",
                          cont->pcihole64size);

    virXMLFormatElement(buf, "controller", &attrBuf, &childBuf);
    return 0;
}


/* ---- after parsing ---- */

static bool
virDomainControllerExists(const virDomainDef *def,
                          virDomainControllerType type, int idx)
{
    size_t i;

    for (i = 0; i < def->devices->ncontrollers; i++) {
        if (def->devices->controllers[i]->type == type &&
            def->devices->controllers[i]->idx == idx)
            return true;
    }
    return false;
}


static int
virDomainControllerUnusedIndex(const virDomainDef *def,
                               virDomainControllerType type)
{
    int idx = 0;

    while (virDomainControllerExists(def, type, idx))
        idx++;
    return idx;
}


void
virDomainDefMaybeAddController(virDomainDef *def,
                               virDomainControllerType type, int idx)
{
    virDomainDevices *devs = def->devices;
    virDomainControllerDef *cont;

    if (idx >= 0 && virDomainControllerExists(def, type, idx))
        return;

    cont = virDomainControllerDefNew(type);
    cont->idx = idx >= 0 ? idx : virDomainControllerUnusedIndex(def, type);
    devs->controllers = g_renew(virDomainControllerDef *, devs->controllers,
                                devs->ncontrollers + 1);
    devs->controllers[devs->ncontrollers++] = cont;
}


/* Upstream's insertion: after the last controller of the same type, but
 * before one with a larger index, and a master before its companions. */
static void
virDomainControllerInsertSorted(virDomainControllerDef **list, size_t *n,
                                virDomainControllerDef *cont)
{
    ssize_t insertAt = -1;
    ssize_t i;

    for (i = (ssize_t)*n - 1; i >= 0; i--) {
        virDomainControllerDef *cur = list[i];

        if (cur->type != cont->type)
            continue;
        if (cont->idx == -1) {
            insertAt = i + 1;
            break;
        }
        if (cur->idx > cont->idx)
            insertAt = i;
        else if (cont->info.mastertype == VIR_DOMAIN_CONTROLLER_MASTER_NONE &&
                 cur->info.mastertype != VIR_DOMAIN_CONTROLLER_MASTER_NONE &&
                 cur->idx == cont->idx)
            insertAt = i;
        else if (insertAt == -1)
            insertAt = i + 1;
    }
    if (insertAt == -1)
        insertAt = *n;

    memmove(list + insertAt + 1, list + insertAt,
            (*n - insertAt) * sizeof(*list));
    list[insertAt] = cont;
    (*n)++;
}


static bool
virDomainControllerIsUSB2(const virDomainControllerDef *cont)
{
    return cont->type == VIR_DOMAIN_CONTROLLER_TYPE_USB &&
           (cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_ICH9_EHCI1 ||
            cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_ICH9_UHCI1 ||
            cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_ICH9_UHCI2 ||
            cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_ICH9_UHCI3);
}


/* Controllers without index= get the lowest free one, except that a USB2
 * companion following its group joins that group's index. */
static void
virDomainControllersAssignIndexes(virDomainDef *def)
{
    virDomainDevices *devs = def->devices;
    size_t i, j;

    for (i = 0; i < devs->ncontrollers; i++) {
        virDomainControllerDef *cont = devs->controllers[i];
        virDomainControllerDef *prev = NULL;

        if (cont->idx != -1)
            continue;

        if (i > 0 && virDomainControllerIsUSB2(cont)) {
            ssize_t p = (ssize_t)i - 1;

            while (p >= 0 &&
                   devs->controllers[p]->type != VIR_DOMAIN_CONTROLLER_TYPE_USB)
                p--;
            if (p >= 0 && virDomainControllerIsUSB2(devs->controllers[p]))
                prev = devs->controllers[p];
            for (j = 0; prev && j < devs->ncontrollers; j++) {
                virDomainControllerDef *other = devs->controllers[j];

                if (other->type == VIR_DOMAIN_CONTROLLER_TYPE_USB &&
                    other->idx == prev->idx && other->model == cont->model)
                    prev = NULL;
            }
            if (prev)
                cont->idx = prev->idx;
        }
        if (!prev)
            cont->idx = virDomainControllerUnusedIndex(def, cont->type);
    }
}


static int
virDomainControllerCheck(const virDomainControllerDef *cont)
{
    if (cont->type != VIR_DOMAIN_CONTROLLER_TYPE_PCI)
        return 0;

    if ((cont->model == VIR_DOMAIN_CONTROLLER_MODEL_PCI_ROOT ||
         cont->model == VIR_DOMAIN_CONTROLLER_MODEL_PCIE_ROOT) &&
        cont->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "pci-root and pcie-root controllers should not have an address");
        return -1;
    }
    if (cont->idx > 255) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "PCI controller index %d too high, maximum is 255",
                       cont->idx);
        return -1;
    }
    if (cont->targetIndex != -1) {
        if (cont->targetIndex > 30) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "PCI controller target index '%d' out of range - must be 0-30",
                           cont->targetIndex);
            return -1;
        }
        if ((cont->idx == 0) != (cont->targetIndex == 0)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "Only the PCI controller with index 0 can have target index 0, and vice versa");
            return -1;
        }
    }
    if (cont->chassisNr != -1 && (cont->chassisNr < 1 || cont->chassisNr > 255)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "PCI controller chassisNr '%d' out of range - must be 1-255",
                       cont->chassisNr);
        return -1;
    }
    if (cont->chassis > 255) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "PCI controller chassis '%d' out of range - must be 0-255",
                       cont->chassis);
        return -1;
    }
    if (cont->port > 255) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "PCI controller port '%d' out of range - must be 0-255",
                       cont->port);
        return -1;
    }
    if (cont->busNr != -1 && (cont->busNr < 1 || cont->busNr > 254)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "PCI controller busNr '%d' out of range - must be 1-254",
                       cont->busNr);
        return -1;
    }
    if (cont->numaNode >= 0 && cont->idx == 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "The PCI controller with index=0 can't be associated with a NUMA node");
        return -1;
    }
    return 0;
}


/* One controller per drive controller index used by the disks of bus. */
static void
virDomainControllersAddForDisks(virDomainDef *def,
                                virDomainControllerType type,
                                virDomainDiskBus bus)
{
    int max = -1;
    size_t i;

    for (i = 0; i < def->devices->ndisks; i++) {
        const virDomainDiskDef *disk = def->devices->disks[i];

        if (disk->bus == bus &&
            disk->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
            (int)disk->info.addr.drive.controller > max)
            max = disk->info.addr.drive.controller;
    }
    for (i = 0; (int)i <= max; i++)
        virDomainDefMaybeAddController(def, type, i);
}


/* SCSI host devices need their SCSI controllers too, of the model of the
 * highest existing one they use. */
static void
virDomainControllersAddForHostdevs(virDomainDef *def)
{
    virDomainDevices *devs = def->devices;
    int max = -1;
    int model = -1;
    size_t i, j;

    for (i = 0; i < devs->nhostdevs; i++) {
        const virDomainHostdevDef *dev = devs->hostdevs[i];
        int controller = dev->info.addr.drive.controller;

        if (dev->mode != VIR_DOMAIN_HOSTDEV_MODE_SUBSYS ||
            dev->subsysType != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI ||
            controller <= max)
            continue;
        max = controller;
        for (j = 0; j < devs->ncontrollers; j++) {
            const virDomainControllerDef *cont = devs->controllers[j];

            if (cont->type == VIR_DOMAIN_CONTROLLER_TYPE_SCSI &&
                cont->idx == controller && cont->model != -1)
                model = cont->model;
        }
    }
    for (i = 0; (int)i <= max; i++) {
        if (!virDomainControllerExists(def, VIR_DOMAIN_CONTROLLER_TYPE_SCSI, i)) {
            virDomainDefMaybeAddController(def, VIR_DOMAIN_CONTROLLER_TYPE_SCSI, i);
            devs->controllers[devs->ncontrollers - 1]->model = model;
        }
    }
}


/* The virtio-serial controller a virtio channel or console sits on: the
 * one its address names, else the first. */
static void
virDomainDefAddVirtioSerialFor(virDomainDef *def, const virDomainChrDef *chr)
{
    int idx = 0;

    if (chr->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL)
        idx = chr->info.addr.vioserial.controller;
    virDomainDefMaybeAddController(def,
                                   VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL,
                                   idx);
}


static void
virDomainControllersAddImplicit(virDomainDef *def)
{
    virDomainDevices *devs = def->devices;
    size_t i;

    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_SCSI,
                                    VIR_DOMAIN_DISK_BUS_SCSI);
    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_FDC,
                                    VIR_DOMAIN_DISK_BUS_FDC);
    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_IDE,
                                    VIR_DOMAIN_DISK_BUS_IDE);
    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_SATA,
                                    VIR_DOMAIN_DISK_BUS_SATA);

    /* virtio channels and consoles sit on a virtio-serial controller */
    for (i = 0; i < devs->nchannels; i++) {
        if (devs->channels[i]->targetType ==
            VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO)
            virDomainDefAddVirtioSerialFor(def, devs->channels[i]);
    }
    for (i = 0; i < devs->nconsoles; i++) {
        if (devs->consoles[i]->targetType ==
            VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_VIRTIO)
            virDomainDefAddVirtioSerialFor(def, devs->consoles[i]);
    }

    /* smartcards sit on a CCID controller; unaddressed ones get the next
     * slot of controller 0 */
    for (i = 0; i < devs->nsmartcards; i++) {
        virDomainSmartcardDef *card = devs->smartcards[i];
        int idx = 0;

        if (card->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID) {
            idx = card->info.addr.ccid.controller;
        } else if (card->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE) {
            int max = -1;
            size_t j;

            for (j = 0; j < devs->nsmartcards; j++) {
                const virDomainDeviceInfo *info = &devs->smartcards[j]->info;

                if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID &&
                    info->addr.ccid.controller == 0 &&
                    (int)info->addr.ccid.slot > max)
                    max = info->addr.ccid.slot;
            }
            card->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID;
            card->info.addr.ccid.controller = 0;
            card->info.addr.ccid.slot = max + 1;
        }
        virDomainDefMaybeAddController(def, VIR_DOMAIN_CONTROLLER_TYPE_CCID,
                                       idx);
    }

    virDomainControllersAddForHostdevs(def);
}


int
virDomainControllerDefsPostParse(virDomainDef *def, unsigned int flags)
{
    virDomainDevices *devs = def->devices;
    g_autofree virDomainControllerDef **parsed = devs->controllers;
    size_t nparsed = devs->ncontrollers;
    bool usbNone = false;
    bool usbOther = false;
    bool usbMaster = false;
    size_t i, j;

    devs->controllers = g_new0(virDomainControllerDef *, nparsed);
    devs->ncontrollers = 0;
    for (i = 0; i < nparsed; i++) {
        virDomainControllerDef *cont = parsed[i];

        if (cont->type == VIR_DOMAIN_CONTROLLER_TYPE_USB) {
            bool none = cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE;

            if (usbNone || (none && usbOther)) {
                virReportError(VIR_ERR_XML_DETAIL, "%s",
                               "Can't add another USB controller: USB is disabled for this domain");
                /* the rest are freed with the definition */
                for (j = i; j < nparsed; j++)
                    devs->controllers[devs->ncontrollers++] = parsed[j];
                return -1;
            }
            if (none)
                usbNone = true;
            else
                usbOther = true;
            if (cont->info.mastertype == VIR_DOMAIN_CONTROLLER_MASTER_NONE)
                usbMaster = true;
        }
        virDomainControllerInsertSorted(devs->controllers, &devs->ncontrollers,
                                        cont);
    }
    if (usbOther && !usbMaster) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "No master USB controller specified");
        return -1;
    }

    virDomainControllersAssignIndexes(def);

    for (i = 0; i < devs->ncontrollers; i++) {
        virDomainControllerDef *cont = devs->controllers[i];

        if (cont->iothread &&
            !(cont->type == VIR_DOMAIN_CONTROLLER_TYPE_SCSI &&
              (cont->model == VIR_DOMAIN_CONTROLLER_MODEL_SCSI_VIRTIO_SCSI ||
               cont->model == VIR_DOMAIN_CONTROLLER_MODEL_SCSI_VIRTIO_TRANSITIONAL ||
               cont->model == VIR_DOMAIN_CONTROLLER_MODEL_SCSI_VIRTIO_NON_TRANSITIONAL))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'iothread' attribute only supported for virtio scsi controllers");
            return -1;
        }
    }

    /* USB controllers may share an index (companions) */
    for (i = 0; i < devs->ncontrollers; i++) {
        const virDomainControllerDef *a = devs->controllers[i];

        if (a->type == VIR_DOMAIN_CONTROLLER_TYPE_USB)
            continue;
        for (j = 0; j < i; j++) {
            const virDomainControllerDef *b = devs->controllers[j];

            if (a->type == b->type && a->idx == b->idx) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Multiple '%s' controllers with index '%d'",
                               virDomainControllerTypeToString(a->type),
                               a->idx);
                return -1;
            }
        }
    }

    if (virDomainHostdevDefsPostParse(def, flags) < 0)
        return -1;
    virDomainControllersAddImplicit(def);

    for (i = 0; i < devs->ncontrollers; i++) {
        if (virDomainControllerCheck(devs->controllers[i]) < 0)
            return -1;
    }
    return 0;
}
