/*
 * test_nodedev.c: the test driver's node devices: upstream's default tree
 * (the "computer" and its fibre channel SCSI hosts), devices of node
 * files, lists and counts by capability, lookups, and virtual HBAs made
 * and removed with their lifecycle events.
 *
 * Like upstream's test driver, a vHBA is a copy of "scsi_host11" named
 * "scsi_host12" that carries the WWNs asked for.  Every device exists on
 * the fake host, so every device is active.  One list mutex guards the
 * devices.
 */
#include "test_driver.h"
#include "test_objlist.h"
#include "conf/node_device_conf.h"
#include "conf/object_event_types.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The devices every test:///default starts with (upstream's). */
static const char *const testDefaultDevicesXML[] = {
    "<device>\n"
    "  <name>computer</name>\n"
    "  <capability type='system'>\n"
    "    <hardware>\n"
    "      <vendor>Libvirt</vendor>\n"
    "      <version>Test driver</version>\n"
    "      <serial>123456</serial>\n"
    "      <uuid>11111111-2222-3333-4444-555555555555</uuid>\n"
    "    </hardware>\n"
    "    <firmware>\n"
    "      <vendor>Libvirt</vendor>\n"
    "      <version>Test Driver</version>\n"
    "      <release_date>01/22/2007</release_date>\n"
    "    </firmware>\n"
    "  </capability>\n"
    "</device>\n",

    "<device>\n"
    "  <name>scsi_host1</name>\n"
    "  <parent>computer</parent>\n"
    "  <capability type='scsi_host'>\n"
    "    <host>1</host>\n"
    "    <unique_id>0</unique_id>\n"
    "    <capability type='fc_host'>\n"
    "      <wwnn>2000000012341234</wwnn>\n"
    "      <wwpn>1000000012341234</wwpn>\n"
    "      <fabric_wwn>2000000043214321</fabric_wwn>\n"
    "    </capability>\n"
    "    <capability type='vport_ops'>\n"
    "      <max_vports>127</max_vports>\n"
    "      <vports>1</vports>\n"
    "    </capability>\n"
    "  </capability>\n"
    "</device>\n",

    "<device>\n"
    "  <name>scsi_host2</name>\n"
    "  <parent>computer</parent>\n"
    "  <capability type='scsi_host'>\n"
    "    <host>2</host>\n"
    "    <unique_id>1</unique_id>\n"
    "    <capability type='fc_host'>\n"
    "      <wwnn>2000000056785678</wwnn>\n"
    "      <wwpn>1000000056785678</wwpn>\n"
    "      <fabric_wwn>2000000087658765</fabric_wwn>\n"
    "    </capability>\n"
    "    <capability type='vport_ops'>\n"
    "      <max_vports>127</max_vports>\n"
    "      <vports>0</vports>\n"
    "    </capability>\n"
    "  </capability>\n"
    "</device>\n",

    "<device>\n"
    "  <name>scsi_host11</name>\n"
    "  <parent>scsi_host1</parent>\n"
    "  <capability type='scsi_host'>\n"
    "    <host>11</host>\n"
    "    <unique_id>10</unique_id>\n"
    "    <capability type='fc_host'>\n"
    "      <wwnn>2000000034563456</wwnn>\n"
    "      <wwpn>1000000034563456</wwpn>\n"
    "      <fabric_wwn>2000000043214321</fabric_wwn>\n"
    "    </capability>\n"
    "  </capability>\n"
    "</device>\n",
};

/* The device a vHBA copies, and the name the copy gets (upstream's). */
#define TEST_VHBA_TEMPLATE "scsi_host11"
#define TEST_VHBA_NAME "scsi_host12"

/* The capability filters of virConnectListAllNodeDevices: bit n stands
 * for capability type n. */
#define TEST_NODEDEV_FILTERS_CAP ((1U << VIR_NODE_DEV_CAP_LAST) - 1)
#define TEST_NODEDEV_FILTERS_ACTIVE \
    (VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE | \
     VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE)

G_STATIC_ASSERT(VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD ==
                1U << VIR_NODE_DEV_CAP_VPD);
G_STATIC_ASSERT(VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST ==
                1U << VIR_NODE_DEV_CAP_FC_HOST);

typedef struct _testDev testDev;
struct _testDev {
    virNodeDeviceDef *def;
};

struct _testNodeDeviceState {
    testObjList *objs;          /* testDev by name, definition order */
};

static void
testDevFree(void *opaque)
{
    testDev *dev = opaque;

    virNodeDeviceDefFree(dev->def);
    g_free(dev);
}

testNodeDeviceState *
testNodeDeviceStateNew(void)
{
    testNodeDeviceState *st = g_new0(testNodeDeviceState, 1);

    st->objs = testObjListNew(testDevFree);
    return st;
}

void
testNodeDeviceStateFree(testNodeDeviceState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    g_free(st);
}

#define TEST_NODEDEV_LOCK(conn) \
    testDriver *driver G_GNUC_UNUSED = (conn)->privateData; \
    testObjList *devs = driver->nodedevs->objs; \
    TEST_OBJLIST_LOCK(devs)

/* ---- The device list ---- */

/* Adds *def (stolen) or replaces the definition of the device of that
 * name, as upstream's device list does. */
static testDev *
testDevAssign(testObjList *devs, virNodeDeviceDef **def)
{
    testDev *dev = testObjListFindByName(devs, (*def)->name);

    if (dev) {
        virNodeDeviceDefFree(dev->def);
        dev->def = g_steal_pointer(def);
        return dev;
    }
    dev = g_new0(testDev, 1);
    dev->def = g_steal_pointer(def);
    testObjListAdd(devs, dev, dev->def->name, NULL);
    return dev;
}

static testDev *
testDevFindByName(testObjList *devs, const char *name)
{
    return testObjListGetByName(devs, name, VIR_FROM_THIS,
                                VIR_ERR_NO_NODE_DEVICE, "node device");
}

/* Whether the device offers capability type: one of its own, or one its
 * capabilities imply (a SCSI host's fc_host and vport_ops, the mediated
 * device types of a PCI, CSS or AP matrix device, a PCI device's VPD). */
static bool
testDevHasCap(const virNodeDeviceDef *def, int type)
{
    size_t i;

    for (i = 0; i < def->ncaps; i++) {
        const virNodeDevCapsDef *cap = &def->caps[i];

        if ((int)cap->type == type)
            return true;
        switch (cap->type) {
        case VIR_NODE_DEV_CAP_PCI_DEV:
            if ((type == VIR_NODE_DEV_CAP_MDEV_TYPES &&
                 cap->data.pci_dev.has_mdev_types) ||
                (type == VIR_NODE_DEV_CAP_VPD && cap->data.pci_dev.vpd))
                return true;
            break;
        case VIR_NODE_DEV_CAP_SCSI_HOST:
            if ((type == VIR_NODE_DEV_CAP_FC_HOST &&
                 cap->data.scsi_host.fc_host) ||
                (type == VIR_NODE_DEV_CAP_VPORTS &&
                 cap->data.scsi_host.vport_ops))
                return true;
            break;
        case VIR_NODE_DEV_CAP_CSS_DEV:
        case VIR_NODE_DEV_CAP_AP_MATRIX:
            if (type == VIR_NODE_DEV_CAP_MDEV_TYPES &&
                (cap->type == VIR_NODE_DEV_CAP_CSS_DEV ?
                 cap->data.ccw_dev.has_mdev_types :
                 cap->data.ap.has_mdev_types))
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* The SCSI host capability of def that is a fibre channel HBA (with
 * vport: one that can make vports too), or NULL. */
static virNodeDevCapSCSIHost *
testDevFCHost(const virNodeDeviceDef *def, bool vport)
{
    size_t i;

    for (i = 0; i < def->ncaps; i++) {
        virNodeDevCapSCSIHost *host = &def->caps[i].data.scsi_host;

        if (def->caps[i].type == VIR_NODE_DEV_CAP_SCSI_HOST &&
            (vport ? host->vport_ops : host->fc_host))
            return host;
    }
    return NULL;
}

/* The node device layer's errors in upstream, hence their domain. */
#define testNodeDevError(code, ...) \
    virReportErrorHelper(VIR_FROM_NODEDEV, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

static virNodeDevCapSCSIHost *
testDevFCHostOrError(const virNodeDeviceDef *def)
{
    virNodeDevCapSCSIHost *host = testDevFCHost(def, false);

    if (!host)
        testNodeDevError(VIR_ERR_INTERNAL_ERROR, "%s",
                         "Device is not a fibre channel HBA");
    return host;
}

static bool
testDevIsVportParent(testDev *dev, const char *wwnn, const char *wwpn,
                     const char *fabric)
{
    virNodeDevCapSCSIHost *fc = testDevFCHost(dev->def, false);

    if (!fc || !testDevFCHost(dev->def, true))
        return false;
    if (wwnn)
        return g_strcmp0(fc->wwnn, wwnn) == 0 &&
               g_strcmp0(fc->wwpn, wwpn) == 0;
    return g_strcmp0(fc->fabric_wwn, fabric) == 0;
}

/* Checks that the parent a new vHBA names (by name, by its WWNs, by its
 * fabric, or else any vport capable device) can make vports, with the
 * node device layer's errors. */
static int
testDevCheckVportParent(testObjList *devs, const virNodeDeviceDef *def)
{
    testDev *parent = NULL;
    size_t i;

    if (def->parent) {
        parent = testObjListFindByName(devs, def->parent);
    } else {
        for (i = 0; i < testObjListSize(devs) && !parent; i++) {
            testDev *dev = testObjListAt(devs, i);

            if (def->parent_wwnn || def->parent_fabric_wwn) {
                if (testDevIsVportParent(dev, def->parent_wwnn,
                                         def->parent_wwpn,
                                         def->parent_fabric_wwn))
                    parent = dev;
            } else if (testDevHasCap(dev->def, VIR_NODE_DEV_CAP_VPORTS)) {
                parent = dev;
            }
        }
        if (!parent && !def->parent_wwnn && !def->parent_fabric_wwn) {
            testNodeDevError(VIR_ERR_INTERNAL_ERROR, "%s",
                             "Could not find any vport capable device");
            return -1;
        }
    }
    if (!parent) {
        testNodeDevError(VIR_ERR_INTERNAL_ERROR,
                         "Could not find parent device for '%s'", def->name);
        return -1;
    }
    if (!testDevFCHost(parent->def, true)) {
        testNodeDevError(VIR_ERR_INTERNAL_ERROR,
                         "Parent device %s is not capable of vport operations",
                         parent->def->name);
        return -1;
    }
    return 0;
}

/* ---- Loading ---- */

int
testNodeDeviceLoadDefault(testDriver *driver)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(testDefaultDevicesXML); i++) {
        g_autoptr(virNodeDeviceDef) def = NULL;

        if (!(def = virNodeDeviceDefParseString(testDefaultDevicesXML[i],
                                                false, 0)))
            return -1;
        testDevAssign(driver->nodedevs->objs, &def);
    }
    return 0;
}

int
testNodeDeviceLoadNode(testDriver *driver, xmlNodePtr root, const char *path)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "device", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virNodeDeviceDef) def = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(nodes[i], path, "device", &doc)) ||
            !(def = virNodeDeviceDefParseNode(node, false, 0))) {
            testFileErrorContext(path, "device", i);
            return -1;
        }
        testDevAssign(driver->nodedevs->objs, &def);
    }
    return 0;
}

/* ---- Lists and lookups ---- */

static bool
testDevMatchCapStr(void *obj, void *opaque)
{
    testDev *dev = obj;
    const char *cap = opaque;
    int type;

    if (!cap)
        return true;
    if ((type = virNodeDevCapTypeFromString(cap)) < 0)
        return false;
    return testDevHasCap(dev->def, type);
}

static const char *
testDevName(void *obj)
{
    testDev *dev = obj;

    return dev->def->name;
}

static int
testNodeNumOfDevices(virConnectPtr conn, const char *cap, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_NODEDEV_LOCK(conn);

        return testObjListCount(devs, testDevMatchCapStr, (void *)cap);
    }
}

static int
testNodeListDevices(virConnectPtr conn, const char *cap, char **const names,
                    int maxnames, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_NODEDEV_LOCK(conn);

        return testObjListNames(devs, testDevMatchCapStr, (void *)cap,
                                testDevName, names, maxnames);
    }
}

static virNodeDevicePtr
testDevPtr(virConnectPtr conn, testDev *dev)
{
    virNodeDevicePtr ret = virGetNodeDevice(conn, dev->def->name);

    if (ret)
        ret->parentName = g_strdup(dev->def->parent);
    return ret;
}

/* Every device of the test driver is active: the ACTIVE and INACTIVE
 * filters (which upstream's test driver refuses) keep all or none. */
static bool
testDevMatchFlags(testDev *dev, unsigned int flags)
{
    size_t type;

    if (flags & TEST_NODEDEV_FILTERS_CAP) {
        for (type = 0; type < VIR_NODE_DEV_CAP_LAST; type++) {
            if ((flags & (1U << type)) && testDevHasCap(dev->def, type))
                break;
        }
        if (type == VIR_NODE_DEV_CAP_LAST)
            return false;
    }
    if ((flags & TEST_NODEDEV_FILTERS_ACTIVE) &&
        !(flags & VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE))
        return false;
    return true;
}

static bool
testDevMatchListFlags(void *obj, void *opaque)
{
    return testDevMatchFlags(obj, *(unsigned int *)opaque);
}

static void *
testDevPublic(virConnectPtr conn, void *obj)
{
    return testDevPtr(conn, obj);
}

static int
testConnectListAllNodeDevices(virConnectPtr conn, virNodeDevicePtr **devices,
                              unsigned int flags)
{
    virCheckFlags(TEST_NODEDEV_FILTERS_CAP | TEST_NODEDEV_FILTERS_ACTIVE, -1);
    {
        TEST_NODEDEV_LOCK(conn);

        return testObjListExport(devs, conn, testDevMatchListFlags, &flags,
                                 testDevPublic, (void ***)devices);
    }
}

static virNodeDevicePtr
testNodeDeviceLookupByName(virConnectPtr conn, const char *name)
{
    TEST_NODEDEV_LOCK(conn);
    testDev *dev = testDevFindByName(devs, name);

    return dev ? testDevPtr(conn, dev) : NULL;
}

/* Upstream's test driver lacks this lookup; this is its node device
 * driver's, with an error of our own when nothing matches. */
static virNodeDevicePtr
testNodeDeviceLookupSCSIHostByWWN(virConnectPtr conn, const char *wwnn,
                                  const char *wwpn, unsigned int flags)
{
    size_t i;

    virCheckFlags(0, NULL);
    {
        TEST_NODEDEV_LOCK(conn);

        for (i = 0; i < testObjListSize(devs); i++) {
            testDev *dev = testObjListAt(devs, i);
            virNodeDevCapSCSIHost *fc = testDevFCHost(dev->def, false);

            if (fc && g_strcmp0(fc->wwnn, wwnn) == 0 &&
                g_strcmp0(fc->wwpn, wwpn) == 0)
                return testDevPtr(conn, dev);
        }
        virReportError(VIR_ERR_NO_NODE_DEVICE,
                       "no node device with matching wwnn '%s' and "
                       "wwpn '%s'", wwnn, wwpn);
        return NULL;
    }
}

static char *
testNodeDeviceGetXMLDesc(virNodeDevicePtr obj, unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_NODEDEV_LOCK(obj->conn);
        testDev *dev = testDevFindByName(devs, obj->name);

        return dev ? virNodeDeviceDefFormat(dev->def) : NULL;
    }
}

/* The slot hands over a new string (see virNodeDeviceGetParent). */
static const char *
testNodeDeviceGetParent(virNodeDevicePtr obj)
{
    TEST_NODEDEV_LOCK(obj->conn);
    testDev *dev = testDevFindByName(devs, obj->name);

    if (!dev)
        return NULL;
    if (!dev->def->parent) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "no parent for this device");
        return NULL;
    }
    return g_strdup(dev->def->parent);
}

/* The capabilities of the device itself: a SCSI host's fc_host and
 * vport_ops are not counted, as upstream's test driver counts. */
static int
testNodeDeviceNumOfCaps(virNodeDevicePtr obj)
{
    TEST_NODEDEV_LOCK(obj->conn);
    testDev *dev = testDevFindByName(devs, obj->name);

    return dev ? (int)dev->def->ncaps : -1;
}

static int
testNodeDeviceListCaps(virNodeDevicePtr obj, char **const names,
                       int maxnames)
{
    TEST_NODEDEV_LOCK(obj->conn);
    testDev *dev = testDevFindByName(devs, obj->name);
    int n;

    if (!dev)
        return -1;
    for (n = 0; n < maxnames && (size_t)n < dev->def->ncaps; n++)
        names[n] = g_strdup(virNodeDevCapTypeToString(dev->def->caps[n].type));
    return n;
}

/* ---- Virtual HBAs ---- */

/* The vHBA upstream's test driver makes: a copy of the template device
 * renamed, whose fibre channel WWNs are the ones asked for (a SCSI host
 * that is not one gets the next host number instead). */
static virNodeDeviceDef *
testDevMockVport(testObjList *devs, const char *wwnn, const char *wwpn)
{
    testDev *tmpl = testDevFindByName(devs, TEST_VHBA_TEMPLATE);
    g_autofree char *xml = NULL;
    g_autoptr(virNodeDeviceDef) def = NULL;
    size_t i;

    if (!tmpl)
        return NULL;
    if (!(xml = virNodeDeviceDefFormat(tmpl->def)) ||
        !(def = virNodeDeviceDefParseString(xml, false, 0)))
        return NULL;
    g_free(def->name);
    def->name = g_strdup(TEST_VHBA_NAME);
    for (i = 0; i < def->ncaps; i++) {
        virNodeDevCapSCSIHost *host = &def->caps[i].data.scsi_host;

        if (def->caps[i].type != VIR_NODE_DEV_CAP_SCSI_HOST)
            continue;
        if (host->fc_host) {
            g_free(host->wwnn);
            g_free(host->wwpn);
            host->wwnn = g_strdup(wwnn);
            host->wwpn = g_strdup(wwpn);
        } else {
            host->host++;
            host->unique_id++;
        }
    }
    return g_steal_pointer(&def);
}

static virNodeDevicePtr
testNodeDeviceCreateXML(virConnectPtr conn, const char *xml,
                        unsigned int flags)
{
    g_autoptr(virNodeDeviceDef) def = NULL;
    g_autoptr(virNodeDeviceDef) vhba = NULL;
    virNodeDevCapSCSIHost *fc;
    virNodeDevicePtr ret;
    testDev *dev;

    virCheckFlags(VIR_NODE_DEVICE_CREATE_XML_VALIDATE, NULL);
    {
        TEST_NODEDEV_LOCK(conn);

        if (!(def = virNodeDeviceDefParseString(
                  xml, true,
                  (flags & VIR_NODE_DEVICE_CREATE_XML_VALIDATE) ?
                  VIR_NODE_DEVICE_PARSE_VALIDATE : 0)) ||
            !(fc = testDevFCHostOrError(def)) ||
            testDevCheckVportParent(devs, def) < 0 ||
            !(vhba = testDevMockVport(devs, fc->wwnn, fc->wwpn)))
            return NULL;
        dev = testDevAssign(devs, &vhba);
        virObjectEventStateQueue(driver->eventState,
                                 virNodeDeviceEventLifecycleNew(
                                     dev->def->name,
                                     VIR_NODE_DEVICE_EVENT_CREATED, 0));
        /* The answer names the parent asked for, not the copy's. */
        if ((ret = virGetNodeDevice(conn, dev->def->name)))
            ret->parentName = g_strdup(def->parent);
        return ret;
    }
}

/* Removes a vHBA.  Upstream's test driver reports the errors below yet
 * answers success (and keeps the device); Vireo fails. */
static int
testNodeDeviceDestroy(virNodeDevicePtr obj)
{
    TEST_NODEDEV_LOCK(obj->conn);
    testDev *dev = testDevFindByName(devs, obj->name);

    if (!dev || !testDevFCHostOrError(dev->def))
        return -1;
    if (!testObjListFindByName(devs, dev->def->parent)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "cannot find parent '%s' definition",
                       NULLSTR(dev->def->parent));
        return -1;
    }
    virObjectEventStateQueue(driver->eventState,
                             virNodeDeviceEventLifecycleNew(
                                 obj->name, VIR_NODE_DEVICE_EVENT_DELETED, 0));
    testObjListRemove(devs, dev);
    return 0;
}

/* ---- Events ---- */

static int
testConnectNodeDeviceEventRegisterAny(
    virConnectPtr conn, virNodeDevicePtr dev, int eventID,
    virConnectNodeDeviceEventGenericCallback cb, void *opaque,
    virFreeCallback freecb)
{
    testDriver *driver = conn->privateData;

    return virObjectEventStateRegisterID(
        driver->eventState, conn, VIR_EVENT_KIND_NODE_DEVICE, eventID, NULL,
        dev ? dev->name : NULL, (void (*)(void))cb, opaque, freecb, false);
}

static int
testConnectNodeDeviceEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    testDriver *driver = conn->privateData;

    if (virObjectEventStateDeregisterID(driver->eventState, conn,
                                        callbackID) < 0)
        return -1;
    return 0;
}

virNodeDeviceDriver testNodeDeviceDriver = {
    .name = "Test",
    .connectListAllNodeDevices = testConnectListAllNodeDevices,
    .connectNodeDeviceEventRegisterAny = testConnectNodeDeviceEventRegisterAny,
    .connectNodeDeviceEventDeregisterAny =
        testConnectNodeDeviceEventDeregisterAny,
    .nodeNumOfDevices = testNodeNumOfDevices,
    .nodeListDevices = testNodeListDevices,
    .nodeDeviceLookupByName = testNodeDeviceLookupByName,
    .nodeDeviceLookupSCSIHostByWWN = testNodeDeviceLookupSCSIHostByWWN,
    .nodeDeviceGetXMLDesc = testNodeDeviceGetXMLDesc,
    .nodeDeviceGetParent = testNodeDeviceGetParent,
    .nodeDeviceNumOfCaps = testNodeDeviceNumOfCaps,
    .nodeDeviceListCaps = testNodeDeviceListCaps,
    .nodeDeviceCreateXML = testNodeDeviceCreateXML,
    .nodeDeviceDestroy = testNodeDeviceDestroy,
};
