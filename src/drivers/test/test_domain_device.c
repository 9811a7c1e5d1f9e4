/*
 * test_domain_device.c: attaching, detaching and updating the disks,
 * interfaces, host devices and controllers of a test guest, live and in
 * its configuration, with the DEVICE_ADDED and DEVICE_REMOVED events of a
 * live change.
 *
 * Upstream's test driver (9.0) has none of these calls; ours follow the
 * QEMU driver's rules for finding devices and its error codes and words.
 * A device is added by parsing the definition again with it, so that it
 * gets the defaults, order and checks of a whole domain; a change is
 * committed only when it succeeded on every definition it affects.
 */
#include "test_driver.h"
#include "test_xmlopt.h"
#include "conf/domain_controller.h"
#include "conf/domain_device_parse.h"
#include "conf/domain_disk.h"
#include "conf/domain_hostdev.h"
#include "conf/domain_net.h"
#include "conf/object_event_types.h"
#include "util/virmacaddr.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_device");

typedef enum {
    TEST_DEVICE_ATTACH,
    TEST_DEVICE_DETACH,
    TEST_DEVICE_UPDATE,
} testDeviceAction;

static const char *const testDeviceActionNames[] = {
    "attach", "detach", "update",
};

static virDomainDeviceInfo *
testDeviceInfo(virDomainDeviceKind kind, void *data)
{
    switch (kind) {
    case VIR_DOMAIN_DEVICE_KIND_disk:
        return &((virDomainDiskDef *)data)->info;
    case VIR_DOMAIN_DEVICE_KIND_net:
        return &((virDomainNetDef *)data)->info;
    case VIR_DOMAIN_DEVICE_KIND_hostdev:
        return &((virDomainHostdevDef *)data)->info;
    case VIR_DOMAIN_DEVICE_KIND_controller:
        return &((virDomainControllerDef *)data)->info;
    default:
        return NULL;
    }
}

static bool
testHostdevSame(const virDomainHostdevDef *a, const virDomainHostdevDef *b)
{
    if (a->mode != b->mode)
        return false;
    if (a->mode == VIR_DOMAIN_HOSTDEV_MODE_CAPABILITIES)
        return a->capsType == b->capsType &&
               STREQ_NULLABLE(a->capsValue, b->capsValue);
    if (a->subsysType != b->subsysType)
        return false;
    switch (a->subsysType) {
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB:
        if (a->usbVendor || b->usbVendor)
            return a->usbVendor == b->usbVendor &&
                   a->usbProduct == b->usbProduct;
        return a->usbBus == b->usbBus && a->usbDevice == b->usbDevice;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI:
        return a->pciAddr.domain == b->pciAddr.domain &&
               a->pciAddr.bus == b->pciAddr.bus &&
               a->pciAddr.slot == b->pciAddr.slot &&
               a->pciAddr.function == b->pciAddr.function;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI:
        if (a->iscsi || b->iscsi)
            return a->iscsi && b->iscsi &&
                   STREQ_NULLABLE(a->iscsi->path, b->iscsi->path);
        return STREQ_NULLABLE(a->scsiAdapter, b->scsiAdapter) &&
               a->scsiBus == b->scsiBus && a->scsiTarget == b->scsiTarget &&
               a->scsiUnit == b->scsiUnit;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST:
        return STREQ_NULLABLE(a->wwpn, b->wwpn);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV:
        return STREQ(a->mdevUUID, b->mdevUUID);
    default:
        return false;
    }
}

/* The interface of def that net designates: by MAC address unless that
 * was generated, and by alias when both have one; -1 with QEMU's errors
 * when none or several match. */
static int
testNetIndex(const virDomainDef *def, const virDomainNetDef *net)
{
    virDomainDevices *devs = def->devices;
    char mac[VIR_MAC_STRING_BUFLEN];
    const char *macstr = "(<null>)";
    int found = -1;
    size_t i;

    if (!net->macGenerated)
        macstr = virDomainNetMacFormat(net->mac, mac);
    for (i = 0; i < devs->nnets; i++) {
        const virDomainNetDef *cur = devs->nets[i];

        if (!net->macGenerated &&
            memcmp(cur->mac, net->mac, VIR_MAC_BUFLEN) != 0)
            continue;
        if (net->info.alias && cur->info.alias &&
            STRNEQ(net->info.alias, cur->info.alias))
            continue;
        if (found >= 0) {
            if (!net->macGenerated)
                virReportError(VIR_ERR_OPERATION_FAILED,
                               "multiple devices matching MAC address %s "
                               "found", macstr);
            else
                virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                               "multiple matching devices found");
            return -1;
        }
        found = i;
    }
    if (found < 0)
        virReportError(VIR_ERR_DEVICE_MISSING,
                       "no device found at address '%s' matching MAC "
                       "address '%s' and alias '%s'", "(<null>)", macstr,
                       net->info.alias ? net->info.alias : "(<null>)");
    return found;
}

/* The index in def of the device dev designates, or -1: with an error
 * when reportMissing, silently otherwise. */
static int
testDeviceIndex(const virDomainDef *def, const virDomainDeviceDef *dev,
                bool reportMissing)
{
    size_t n = virDomainDefDeviceCount(def, dev->kind);
    size_t i;

    switch (dev->kind) {
    case VIR_DOMAIN_DEVICE_KIND_disk: {
        const virDomainDiskDef *disk = dev->data;
        int idx = virDomainDiskIndexByName(def, disk->dst, true);

        if (idx < 0 && reportMissing)
            virReportError(VIR_ERR_DEVICE_MISSING, "no target device %s",
                           disk->dst);
        return idx;
    }
    case VIR_DOMAIN_DEVICE_KIND_net:
        if (!reportMissing)
            return -1;
        return testNetIndex(def, dev->data);
    case VIR_DOMAIN_DEVICE_KIND_hostdev:
        for (i = 0; i < n; i++) {
            if (testHostdevSame(virDomainDefDeviceGet(def, dev->kind, i),
                                dev->data))
                return i;
        }
        break;
    case VIR_DOMAIN_DEVICE_KIND_controller: {
        const virDomainControllerDef *cont = dev->data;

        for (i = 0; i < n; i++) {
            const virDomainControllerDef *cur =
                virDomainDefDeviceGet(def, dev->kind, i);

            if (cur->type == cont->type &&
                (cont->idx < 0 || cur->idx == cont->idx))
                return i;
        }
        break;
    }
    default:
        break;
    }
    if (reportMissing)
        virReportError(VIR_ERR_DEVICE_MISSING, "%s",
                       "device not present in domain configuration");
    return -1;
}

/* Refuses a device that def already has, as QEMU words it. */
static int
testDeviceCheckNew(const virDomainDef *def, const virDomainDeviceDef *dev)
{
    if (dev->kind == VIR_DOMAIN_DEVICE_KIND_net)
        return 0;
    if (dev->kind == VIR_DOMAIN_DEVICE_KIND_controller &&
        ((virDomainControllerDef *)dev->data)->idx < 0)
        return 0;
    if (testDeviceIndex(def, dev, false) < 0)
        return 0;
    switch (dev->kind) {
    case VIR_DOMAIN_DEVICE_KIND_disk:
        virReportError(VIR_ERR_OPERATION_INVALID, "target %s already exists",
                       ((virDomainDiskDef *)dev->data)->dst);
        break;
    case VIR_DOMAIN_DEVICE_KIND_controller:
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "controller index='%d' already exists",
                       ((virDomainControllerDef *)dev->data)->idx);
        break;
    default:
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "device is already in the domain configuration");
        break;
    }
    return -1;
}

/* What the device events name a device by: its alias, else its target
 * or MAC address, else its element. */
static char *
testDeviceEventName(virDomainDeviceKind kind, void *data)
{
    virDomainDeviceInfo *info = testDeviceInfo(kind, data);
    char mac[VIR_MAC_STRING_BUFLEN];

    if (info && info->alias)
        return g_strdup(info->alias);
    if (kind == VIR_DOMAIN_DEVICE_KIND_disk)
        return g_strdup(((virDomainDiskDef *)data)->dst);
    if (kind == VIR_DOMAIN_DEVICE_KIND_net)
        return g_strdup(virDomainNetMacFormat(((virDomainNetDef *)data)->mac,
                                              mac));
    return g_strdup(virDomainDeviceKindToString(kind));
}

/* def with dev added; a new interface is named as at definition. */
static virDomainDef *
testDeviceAdd(const virDomainDef *def, const virDomainDeviceDef *dev,
              bool live)
{
    virDomainDef *ret = virDomainDefAddDevice(def, dev,
                                              testDriverDomainXMLOption(),
                                              !live);

    if (ret)
        testDomainGenerateIfnames(ret);
    return ret;
}

/* The definition def becomes when the action applies to it, or NULL with
 * an error; live says which kind of definition it is. */
static virDomainDef *
testDeviceApply(virDomainDef *def, const virDomainDeviceDef *dev,
                testDeviceAction action, bool live, char **eventName)
{
    g_autoptr(virDomainDef) copy = NULL;
    int idx = -1;

    switch (dev->kind) {
    case VIR_DOMAIN_DEVICE_KIND_disk:
    case VIR_DOMAIN_DEVICE_KIND_net:
        break;
    case VIR_DOMAIN_DEVICE_KIND_hostdev:
    case VIR_DOMAIN_DEVICE_KIND_controller:
        if (action != TEST_DEVICE_UPDATE)
            break;
        G_GNUC_FALLTHROUGH;
    default:
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                       "%s %s of device '%s' is not supported",
                       live ? "live" : "persistent",
                       testDeviceActionNames[action],
                       virDomainDeviceKindToString(dev->kind));
        return NULL;
    }

    if (action == TEST_DEVICE_ATTACH) {
        if (testDeviceCheckNew(def, dev) < 0)
            return NULL;
        *eventName = testDeviceEventName(dev->kind, dev->data);
        return testDeviceAdd(def, dev, live);
    }

    if (action == TEST_DEVICE_UPDATE &&
        dev->kind == VIR_DOMAIN_DEVICE_KIND_disk &&
        virDomainDiskIndexByName(def, ((virDomainDiskDef *)dev->data)->dst,
                                 true) < 0) {
        virReportError(VIR_ERR_INVALID_ARG, "target %s doesn't exist.",
                       ((virDomainDiskDef *)dev->data)->dst);
        return NULL;
    }
    if ((idx = testDeviceIndex(def, dev, true)) < 0 ||
        !(copy = virDomainDefCopy(def, testDriverDomainXMLOption(), !live)))
        return NULL;
    copy->id = def->id;
    *eventName = testDeviceEventName(dev->kind,
                                     virDomainDefDeviceGet(copy, dev->kind,
                                                           idx));
    virDomainDefDeviceRemove(copy, dev->kind, idx);
    if (action == TEST_DEVICE_DETACH)
        return g_steal_pointer(&copy);
    /* An update is the old device out and the new one in. */
    return testDeviceAdd(copy, dev, live);
}

static int
testDomainDeviceChange(virDomainPtr dom, const char *xml, const char *alias,
                       testDeviceAction action, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    const virDomainXMLOption *xmlopt = testDriverDomainXMLOption();
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virDomainDeviceDef) dev = NULL;
    g_autoptr(virDomainDef) newLive = NULL;
    g_autoptr(virDomainDef) newConfig = NULL;
    g_autofree char *liveName = NULL;
    g_autofree char *configName = NULL;
    virDomainDef *live;
    virDomainDef *config;

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjGetDefs(vm, flags, xmlopt, &live, &config) < 0)
        return -1;

    if (alias) {
        /* The alias picks the device out of whichever definition is
         * affected, the live one first. */
        virDomainDef *def = live ? live : config;
        virDomainDeviceKind kinds[] = {
            VIR_DOMAIN_DEVICE_KIND_disk, VIR_DOMAIN_DEVICE_KIND_net,
            VIR_DOMAIN_DEVICE_KIND_hostdev, VIR_DOMAIN_DEVICE_KIND_controller,
        };
        size_t k;
        size_t i;

        for (k = 0; k < G_N_ELEMENTS(kinds) && !dev; k++) {
            for (i = 0; i < virDomainDefDeviceCount(def, kinds[k]); i++) {
                void *data = virDomainDefDeviceGet(def, kinds[k], i);
                g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
                virDomainDeviceInfo *info = testDeviceInfo(kinds[k], data);
                g_autofree char *devxml = NULL;

                if (!info->alias || STRNEQ(info->alias, alias))
                    continue;
                /* Found: its XML designates it in the other definition. */
                switch (kinds[k]) {
#define FORMAT_ONE(Func, Type) \
                    if (virDomain##Func##DefFormat(&buf, (Type *)data, def, \
                                                   VIR_DOMAIN_DEF_FORMAT_INACTIVE) < 0) \
                        return -1; \
                    break;
                case VIR_DOMAIN_DEVICE_KIND_disk:
                    FORMAT_ONE(Disk, virDomainDiskDef)
                case VIR_DOMAIN_DEVICE_KIND_net:
                    FORMAT_ONE(Net, virDomainNetDef)
                case VIR_DOMAIN_DEVICE_KIND_hostdev:
                    FORMAT_ONE(Hostdev, virDomainHostdevDef)
                default:
                    FORMAT_ONE(Controller, virDomainControllerDef)
#undef FORMAT_ONE
                }
                devxml = virBufferContentAndReset(&buf);
                if (!(dev = virDomainDeviceDefParse(
                          devxml, def, xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE)))
                    return -1;
                break;
            }
        }
        if (!dev) {
            virReportError(VIR_ERR_DEVICE_MISSING,
                           "no device found with alias %s", alias);
            return -1;
        }
    } else if (!(dev = virDomainDeviceDefParse(xml, vm->def, xmlopt,
                                               VIR_DOMAIN_DEF_PARSE_INACTIVE))) {
        return -1;
    }

    if (config &&
        !(newConfig = testDeviceApply(config, dev, action, false,
                                      &configName)))
        return -1;
    if (live &&
        !(newLive = testDeviceApply(live, dev, action, true, &liveName)))
        return -1;

    /* Both succeeded: commit. */
    if (newConfig) {
        if (vm->newDef == config)
            vm->newDef = g_steal_pointer(&newConfig);
        else
            vm->def = g_steal_pointer(&newConfig);
        virDomainDefFree(config);
    }
    if (newLive) {
        vm->def = g_steal_pointer(&newLive);
        virDomainDefFree(live);
        if (action != TEST_DEVICE_UPDATE)
            virObjectEventStateQueue(driver->eventState,
                virDomainEventStringNew(action == TEST_DEVICE_ATTACH ?
                                        VIR_DOMAIN_EVENT_ID_DEVICE_ADDED :
                                        VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED,
                                        vm->def->name, vm->def->uuid,
                                        vm->def->id, liveName));
    }
    return 0;
}

static int
testDomainAttachDeviceFlags(virDomainPtr dom, const char *xml,
                            unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    return testDomainDeviceChange(dom, xml, NULL, TEST_DEVICE_ATTACH, flags);
}

static int
testDomainAttachDevice(virDomainPtr dom, const char *xml)
{
    return testDomainAttachDeviceFlags(dom, xml, VIR_DOMAIN_AFFECT_LIVE);
}

static int
testDomainDetachDeviceFlags(virDomainPtr dom, const char *xml,
                            unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    return testDomainDeviceChange(dom, xml, NULL, TEST_DEVICE_DETACH, flags);
}

static int
testDomainDetachDevice(virDomainPtr dom, const char *xml)
{
    return testDomainDetachDeviceFlags(dom, xml, VIR_DOMAIN_AFFECT_LIVE);
}

static int
testDomainDetachDeviceAlias(virDomainPtr dom, const char *alias,
                            unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    return testDomainDeviceChange(dom, NULL, alias, TEST_DEVICE_DETACH,
                                  flags);
}

static int
testDomainUpdateDeviceFlags(virDomainPtr dom, const char *xml,
                            unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_DEVICE_MODIFY_FORCE, -1);

    return testDomainDeviceChange(dom, xml, NULL, TEST_DEVICE_UPDATE,
                                  flags & ~VIR_DOMAIN_DEVICE_MODIFY_FORCE);
}

void
testDomainDeviceSlots(virHypervisorDriver *hv)
{
    hv->domainAttachDevice = testDomainAttachDevice;
    hv->domainAttachDeviceFlags = testDomainAttachDeviceFlags;
    hv->domainDetachDevice = testDomainDetachDevice;
    hv->domainDetachDeviceFlags = testDomainDetachDeviceFlags;
    hv->domainDetachDeviceAlias = testDomainDetachDeviceAlias;
    hv->domainUpdateDeviceFlags = testDomainUpdateDeviceFlags;
}
