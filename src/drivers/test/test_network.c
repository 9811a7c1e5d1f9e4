/*
 * test_network.c: the test driver's virtual networks: the default active
 * network "default", networks of node files, definition and removal,
 * start and stop with upstream's (lenient) state checks, lists with their
 * filters, autostart, and the network lifecycle events.  Ports and DHCP
 * leases are test_network_port.c's; stopping a network drops its ports.
 *
 * One mutex guards the whole network state: every slot is short.  Networks
 * live in a testObjList, found by name or uuid and listed in the order
 * they were added.
 */
#include "test_network.h"
#include "conf/network_update.h"
#include "conf/object_event_types.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The network every test:///default starts with (upstream's). */
static const char testDefaultNetworkXML[] =
    "<network>\n"
    "  <name>default</name>\n"
    "  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>\n"
    "  <bridge name='virbr0'/>\n"
    "  <forward/>\n"
    "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
    "    <dhcp>\n"
    "      <range start='192.168.122.2' end='192.168.122.254'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

static void
testNetFree(void *opaque)
{
    testNet *net = opaque;

    testNetPortsFree(net);
    virNetworkDefFree(net->def);
    virNetworkDefFree(net->newDef);
    g_free(net);
}

testNetworkState *
testNetworkStateNew(void)
{
    testNetworkState *st = g_new0(testNetworkState, 1);

    st->objs = testObjListNew(testNetFree);
    return st;
}

void
testNetworkStateFree(testNetworkState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    g_free(st);
}

/* ---- The network list ---- */

static testNet *
testNetFindByUUIDRaw(testNetworkState *st, const unsigned char *uuid)
{
    return testObjListFindByUUID(st->objs, uuid);
}

/* Puts a definition in place the way upstream's network objects do: a
 * live one saves the persistent configuration aside, a persistent one
 * waits in newDef while the network runs. */
static void
testNetAssign(testNet *net, virNetworkDef *def, bool live)
{
    if (live) {
        if (net->persistent && !net->newDef)
            net->newDef = net->def;
        else
            virNetworkDefFree(net->def);
        net->def = def;
        return;
    }
    virNetworkDefFree(net->newDef);
    net->newDef = NULL;
    if (net->active) {
        net->newDef = def;
    } else {
        virNetworkDefFree(net->def);
        net->def = def;
    }
    net->persistent = true;
}

/* Adds *def (stolen) or redefines the network of the same name and uuid.
 * live: the definition is the running one (createXML), which refuses a
 * network already active.  The conflicts are the network layer's errors
 * in upstream, hence their error domain. */
static testNet *
testNetAdd(testNetworkState *st, virNetworkDef **def, bool live)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testNet *net;

    if ((net = testNetFindByUUIDRaw(st, (*def)->uuid))) {
        if (strcmp(net->def->name, (*def)->name) != 0) {
            virReportErrorHelper(VIR_FROM_NETWORK, VIR_ERR_OPERATION_FAILED,
                                 __FILE__, __func__, __LINE__,
                                 "network '%s' is already defined with "
                                 "uuid %s", net->def->name,
                                 virUUIDFormat(net->def->uuid, uuidstr));
            return NULL;
        }
        if (live && net->active) {
            virReportErrorHelper(VIR_FROM_NETWORK, VIR_ERR_OPERATION_INVALID,
                                 __FILE__, __func__, __LINE__,
                                 "network is already active as '%s'",
                                 net->def->name);
            return NULL;
        }
        testNetAssign(net, g_steal_pointer(def), live);
        return net;
    }
    if ((net = testObjListFindByName(st->objs, (*def)->name))) {
        virReportErrorHelper(VIR_FROM_NETWORK, VIR_ERR_OPERATION_FAILED,
                             __FILE__, __func__, __LINE__,
                             "network '%s' already exists with uuid %s",
                             (*def)->name,
                             virUUIDFormat(net->def->uuid, uuidstr));
        return NULL;
    }

    net = g_new0(testNet, 1);
    testNetPortsInit(net);
    net->def = g_steal_pointer(def);
    net->persistent = !live;
    testObjListAdd(st->objs, net, net->def->name, net->def->uuid);
    return net;
}

static void
testNetRemove(testNetworkState *st, testNet *net)
{
    testObjListRemove(st->objs, net);
}

static testNet *
testNetFindByName(testNetworkState *st, const char *name)
{
    testNet *net = testObjListFindByName(st->objs, name);

    if (!net)
        virReportError(VIR_ERR_NO_NETWORK,
                       "no network with matching name '%s'", name);
    return net;
}

testNet *
testNetFindByUUID(testNetworkState *st, const unsigned char *uuid)
{
    testNet *net = testNetFindByUUIDRaw(st, uuid);

    if (!net) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virReportError(VIR_ERR_NO_NETWORK,
                       "no network with matching uuid '%s'",
                       virUUIDFormat(uuid, uuidstr));
    }
    return net;
}

static void
testNetQueueEvent(testDriver *driver, virNetworkDef *def, int type)
{
    virObjectEventStateQueue(driver->eventState,
                             virNetworkEventLifecycleNew(def->name, def->uuid,
                                                         type, 0));
}

static virNetworkPtr
testNetPtr(virConnectPtr conn, testNet *net)
{
    return virGetNetwork(conn, net->def->name, net->def->uuid);
}

/* ---- Loading ---- */

/* Loaded networks are persistent and running, as upstream's are. */
static int
testNetworkAddLoaded(testNetworkState *st, virNetworkDef **def)
{
    testNet *net;

    if (!(net = testNetAdd(st, def, false)))
        return -1;
    net->active = true;
    return 0;
}

int
testNetworkLoadDefault(testDriver *driver)
{
    g_autoptr(virNetworkDef) def = NULL;

    if (!(def = virNetworkDefParseString(testDefaultNetworkXML, 0)))
        return -1;
    return testNetworkAddLoaded(driver->networks, &def);
}

int
testNetworkLoadNode(testDriver *driver, xmlNodePtr root, const char *path)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "network", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virNetworkDef) def = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(nodes[i], path, "network", &doc)) ||
            !(def = virNetworkDefParseNode(node, 0)) ||
            testNetworkAddLoaded(driver->networks, &def) < 0) {
            testFileErrorContext(path, "network", i);
            return -1;
        }
    }
    return 0;
}

/* ---- Lookups and lists ---- */

static virNetworkPtr
testNetworkLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    TEST_NETWORK_LOCK(conn);
    testNet *net = testNetFindByUUID(st, uuid);

    return net ? testNetPtr(conn, net) : NULL;
}

static virNetworkPtr
testNetworkLookupByName(virConnectPtr conn, const char *name)
{
    TEST_NETWORK_LOCK(conn);
    testNet *net = testNetFindByName(st, name);

    return net ? testNetPtr(conn, net) : NULL;
}

static int
testNetworkCount(virConnectPtr conn, bool active)
{
    TEST_NETWORK_LOCK(conn);
    size_t i;
    int n = 0;

    for (i = 0; i < testObjListSize(st->objs); i++) {
        testNet *net = testObjListAt(st->objs, i);

        if (net->active == active)
            n++;
    }
    return n;
}

static int
testNetworkNames(virConnectPtr conn, bool active, char **const names,
                 int maxnames)
{
    TEST_NETWORK_LOCK(conn);
    size_t i;
    int n = 0;

    for (i = 0; i < testObjListSize(st->objs) && n < maxnames; i++) {
        testNet *net = testObjListAt(st->objs, i);

        if (net->active == active)
            names[n++] = g_strdup(net->def->name);
    }
    return n;
}

static int
testConnectNumOfNetworks(virConnectPtr conn)
{
    return testNetworkCount(conn, true);
}

static int
testConnectListNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    return testNetworkNames(conn, true, names, maxnames);
}

static int
testConnectNumOfDefinedNetworks(virConnectPtr conn)
{
    return testNetworkCount(conn, false);
}

static int
testConnectListDefinedNetworks(virConnectPtr conn, char **const names,
                               int maxnames)
{
    return testNetworkNames(conn, false, names, maxnames);
}

#define TEST_NETWORKS_FILTER_ALL \
    (VIR_CONNECT_LIST_NETWORKS_ACTIVE | \
     VIR_CONNECT_LIST_NETWORKS_INACTIVE | \
     VIR_CONNECT_LIST_NETWORKS_PERSISTENT | \
     VIR_CONNECT_LIST_NETWORKS_TRANSIENT | \
     VIR_CONNECT_LIST_NETWORKS_AUTOSTART | \
     VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART)

/* A filter pair keeps everything when neither bit is set. */
static bool
testNetworkFilterPair(unsigned int flags, unsigned int yes, unsigned int no,
                      bool value)
{
    if (!(flags & (yes | no)))
        return true;
    return value ? !!(flags & yes) : !!(flags & no);
}

static int
testConnectListAllNetworks(virConnectPtr conn, virNetworkPtr **nets,
                           unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    size_t i;

    virCheckFlags(TEST_NETWORKS_FILTER_ALL, -1);
    {
        TEST_NETWORK_LOCK(conn);

        found = g_ptr_array_new();
        for (i = 0; i < testObjListSize(st->objs); i++) {
            testNet *net = testObjListAt(st->objs, i);

            if (!testNetworkFilterPair(flags,
                                       VIR_CONNECT_LIST_NETWORKS_ACTIVE,
                                       VIR_CONNECT_LIST_NETWORKS_INACTIVE,
                                       net->active) ||
                !testNetworkFilterPair(flags,
                                       VIR_CONNECT_LIST_NETWORKS_PERSISTENT,
                                       VIR_CONNECT_LIST_NETWORKS_TRANSIENT,
                                       net->persistent) ||
                !testNetworkFilterPair(flags,
                                       VIR_CONNECT_LIST_NETWORKS_AUTOSTART,
                                       VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART,
                                       net->autostart))
                continue;
            g_ptr_array_add(found, testNetPtr(conn, net));
        }
    }
    if (nets) {
        g_ptr_array_add(found, NULL);
        *nets = (virNetworkPtr *)g_ptr_array_steal(found, NULL);
        return g_strv_length((char **)*nets);
    }
    for (i = 0; i < found->len; i++)
        virObjectUnref(g_ptr_array_index(found, i));
    return found->len;
}

static int
testNetworkIsActive(virNetworkPtr obj)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByUUID(st, obj->uuid);

    return net ? net->active : -1;
}

static int
testNetworkIsPersistent(virNetworkPtr obj)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByUUID(st, obj->uuid);

    return net ? net->persistent : -1;
}

/* ---- Lifecycle ---- */

static virNetworkPtr
testNetworkCreateXMLFlags(virConnectPtr conn, const char *xml,
                          unsigned int flags)
{
    g_autoptr(virNetworkDef) def = NULL;
    testNet *net;

    virCheckFlags(VIR_NETWORK_CREATE_VALIDATE, NULL);
    {
        TEST_NETWORK_LOCK(conn);

        if (!(def = virNetworkDefParseString(xml, flags)) ||
            !(net = testNetAdd(st, &def, true)))
            return NULL;
        net->active = true;
        testNetQueueEvent(driver, net->def, VIR_NETWORK_EVENT_STARTED);
        return testNetPtr(conn, net);
    }
}

static virNetworkPtr
testNetworkCreateXML(virConnectPtr conn, const char *xml)
{
    return testNetworkCreateXMLFlags(conn, xml, 0);
}

static virNetworkPtr
testNetworkDefineXMLFlags(virConnectPtr conn, const char *xml,
                          unsigned int flags)
{
    g_autoptr(virNetworkDef) def = NULL;
    testNet *net;

    virCheckFlags(VIR_NETWORK_DEFINE_VALIDATE, NULL);
    {
        TEST_NETWORK_LOCK(conn);

        if (!(def = virNetworkDefParseString(xml, flags)) ||
            !(net = testNetAdd(st, &def, false)))
            return NULL;
        /* The event names the definition just made. */
        testNetQueueEvent(driver, net->newDef ? net->newDef : net->def,
                          VIR_NETWORK_EVENT_DEFINED);
        return testNetPtr(conn, net);
    }
}

static virNetworkPtr
testNetworkDefineXML(virConnectPtr conn, const char *xml)
{
    return testNetworkDefineXMLFlags(conn, xml, 0);
}

static int
testNetworkUndefine(virNetworkPtr obj)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByName(st, obj->name);

    if (!net)
        return -1;
    if (net->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "Network '%s' is still running", obj->name);
        return -1;
    }
    virObjectEventStateQueue(driver->eventState,
                             virNetworkEventLifecycleNew(
                                 obj->name, obj->uuid,
                                 VIR_NETWORK_EVENT_UNDEFINED, 0));
    testNetRemove(st, net);
    return 0;
}

static int
testNetworkCreate(virNetworkPtr obj)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByName(st, obj->name);

    if (!net)
        return -1;
    if (net->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "Network '%s' is already running", obj->name);
        return -1;
    }
    net->active = true;
    testNetQueueEvent(driver, net->def, VIR_NETWORK_EVENT_STARTED);
    return 0;
}

/* Upstream's test driver stops a network that is not running without a
 * word, and keeps the live definition on show afterwards. */
static int
testNetworkDestroy(virNetworkPtr obj)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByName(st, obj->name);

    if (!net)
        return -1;
    /* the ports go with the running network, as upstream's do */
    testNetPortsDeleteAll(net);
    net->active = false;
    testNetQueueEvent(driver, net->def, VIR_NETWORK_EVENT_STOPPED);
    if (!net->persistent)
        testNetRemove(st, net);
    return 0;
}

static char *
testNetworkGetXMLDesc(virNetworkPtr obj, unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_NETWORK_LOCK(obj->conn);
        testNet *net = testNetFindByName(st, obj->name);

        return net ? virNetworkDefFormat(net->def, flags) : NULL;
    }
}

static char *
testNetworkGetBridgeName(virNetworkPtr obj)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByName(st, obj->name);

    if (!net)
        return NULL;
    if (!net->def->bridge) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "network '%s' does not have a bridge name.",
                       net->def->name);
        return NULL;
    }
    return g_strdup(net->def->bridge);
}

static int
testNetworkGetAutostart(virNetworkPtr obj, int *autostart)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByName(st, obj->name);

    if (!net)
        return -1;
    *autostart = net->autostart ? 1 : 0;
    return 0;
}

static int
testNetworkSetAutostart(virNetworkPtr obj, int autostart)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByName(st, obj->name);

    if (!net)
        return -1;
    net->autostart = autostart != 0;
    return 0;
}

/* ---- Updates ---- */

/* A definition through a format/parse cycle, as upstream copies one. */
static virNetworkDef *
testNetDefCopy(const virNetworkDef *def, unsigned int formatFlags)
{
    g_autofree char *xml = virNetworkDefFormat(def, formatFlags);

    return xml ? virNetworkDefParseString(xml, 0) : NULL;
}

/* The copy of def edited by one update, checked by another cycle. */
static virNetworkDef *
testNetDefUpdated(const virNetworkDef *def, unsigned int formatFlags,
                  unsigned int command, unsigned int section,
                  int parentIndex, const char *xml)
{
    g_autoptr(virNetworkDef) copy = testNetDefCopy(def, formatFlags);
    g_autoptr(virNetworkDef) check = NULL;

    if (!copy ||
        virNetworkDefUpdateSection(copy, command, section, parentIndex,
                                   xml) < 0 ||
        !(check = testNetDefCopy(copy, formatFlags)))
        return NULL;
    return g_steal_pointer(&copy);
}

#define testNetReportError(code, ...) \
    virReportErrorHelper(VIR_FROM_NETWORK, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

/* Upstream's test driver edits the live definition, the persistent one
 * or both, with no event. */
static int
testNetworkUpdate(virNetworkPtr obj, unsigned int command,
                  unsigned int section, int parentIndex, const char *xml,
                  unsigned int flags)
{
    g_autoptr(virNetworkDef) livedef = NULL;
    g_autoptr(virNetworkDef) configdef = NULL;

    virCheckFlags(VIR_NETWORK_UPDATE_AFFECT_LIVE |
                  VIR_NETWORK_UPDATE_AFFECT_CONFIG, -1);
    {
        TEST_NETWORK_LOCK(obj->conn);
        testNet *net = testNetFindByUUID(st, obj->uuid);

        if (!net)
            return -1;
        if (!(flags & (VIR_NETWORK_UPDATE_AFFECT_LIVE |
                       VIR_NETWORK_UPDATE_AFFECT_CONFIG)))
            flags |= net->active ? VIR_NETWORK_UPDATE_AFFECT_LIVE
                                 : VIR_NETWORK_UPDATE_AFFECT_CONFIG;

        if (!net->active && (flags & VIR_NETWORK_UPDATE_AFFECT_LIVE)) {
            testNetReportError(VIR_ERR_OPERATION_INVALID, "%s",
                               "network is not running");
            return -1;
        }
        if (flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) {
            if (!net->persistent) {
                testNetReportError(VIR_ERR_OPERATION_INVALID, "%s",
                                   "cannot change persistent config of a "
                                   "transient network");
                return -1;
            }
            /* a running network keeps its configuration apart from now */
            if (net->active && !net->newDef &&
                !(net->newDef = testNetDefCopy(net->def,
                                               VIR_NETWORK_XML_INACTIVE)))
                return -1;
        }

        if ((flags & VIR_NETWORK_UPDATE_AFFECT_LIVE) &&
            !(livedef = testNetDefUpdated(net->def, 0, command, section,
                                          parentIndex, xml)))
            return -1;
        if ((flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) &&
            !(configdef = testNetDefUpdated(
                  net->newDef ? net->newDef : net->def,
                  VIR_NETWORK_XML_INACTIVE, command, section, parentIndex,
                  xml)))
            return -1;

        if (configdef) {
            if (net->active) {
                virNetworkDefFree(net->newDef);
                net->newDef = g_steal_pointer(&configdef);
            } else {
                virNetworkDefFree(net->def);
                net->def = g_steal_pointer(&configdef);
            }
        }
        if (livedef) {
            virNetworkDefFree(net->def);
            net->def = g_steal_pointer(&livedef);
        }
        return 0;
    }
}

/* ---- Events ---- */

static int
testConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net,
                                   int eventID,
                                   virConnectNetworkEventGenericCallback cb,
                                   void *opaque, virFreeCallback freecb)
{
    testDriver *driver = conn->privateData;

    return virObjectEventStateRegisterID(
        driver->eventState, conn, VIR_EVENT_KIND_NETWORK, eventID,
        net ? net->uuid : NULL, NULL, (void (*)(void))cb, opaque, freecb,
        false);
}

static int
testConnectNetworkEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    testDriver *driver = conn->privateData;

    if (virObjectEventStateDeregisterID(driver->eventState, conn,
                                        callbackID) < 0)
        return -1;
    return 0;
}

virNetworkDriver testNetworkDriver = {
    .name = "Test",
    .connectNumOfNetworks = testConnectNumOfNetworks,
    .connectListNetworks = testConnectListNetworks,
    .connectNumOfDefinedNetworks = testConnectNumOfDefinedNetworks,
    .connectListDefinedNetworks = testConnectListDefinedNetworks,
    .connectListAllNetworks = testConnectListAllNetworks,
    .connectNetworkEventRegisterAny = testConnectNetworkEventRegisterAny,
    .connectNetworkEventDeregisterAny = testConnectNetworkEventDeregisterAny,
    .networkLookupByUUID = testNetworkLookupByUUID,
    .networkLookupByName = testNetworkLookupByName,
    .networkCreateXML = testNetworkCreateXML,
    .networkCreateXMLFlags = testNetworkCreateXMLFlags,
    .networkDefineXML = testNetworkDefineXML,
    .networkDefineXMLFlags = testNetworkDefineXMLFlags,
    .networkUndefine = testNetworkUndefine,
    .networkUpdate = testNetworkUpdate,
    .networkCreate = testNetworkCreate,
    .networkDestroy = testNetworkDestroy,
    .networkGetXMLDesc = testNetworkGetXMLDesc,
    .networkGetBridgeName = testNetworkGetBridgeName,
    .networkGetAutostart = testNetworkGetAutostart,
    .networkSetAutostart = testNetworkSetAutostart,
    .networkIsActive = testNetworkIsActive,
    .networkIsPersistent = testNetworkIsPersistent,
    .networkGetDHCPLeases = testNetworkGetDHCPLeases,
    .networkListAllPorts = testNetworkListAllPorts,
    .networkPortLookupByUUID = testNetworkPortLookupByUUID,
    .networkPortCreateXML = testNetworkPortCreateXML,
    .networkPortGetXMLDesc = testNetworkPortGetXMLDesc,
    .networkPortDelete = testNetworkPortDelete,
    .networkPortSetParameters = testNetworkPortSetParameters,
    .networkPortGetParameters = testNetworkPortGetParameters,
};

/* ---- For the domains ---- */

int
testNetworkGuestAddress(testDriver *driver, const char *name, size_t offset,
                        virDomainIPAddressPtr ipaddr)
{
    testNetworkState *st = driver->networks;
    TEST_OBJLIST_LOCK(st->objs);
    testNet *net;
    virNetworkIPDef *ip;
    virSocketAddr addr;

    if (!(net = testNetFindByName(st, name)))
        return -1;
    if (net->def->nips == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "network '%s' has no IP address", name);
        return -1;
    }
    ip = &net->def->ips[0];
    ipaddr->prefix = virSocketAddrGetIPPrefix(&ip->address, &ip->netmask,
                                              ip->prefix);
    /* The guests' addresses count up from the DHCP range, or from the
     * network's own address when it has none. */
    addr = ip->nranges > 0 ? ip->ranges[0].addr.start : ip->address;
    if (STREQ_NULLABLE(ip->family, "ipv6")) {
        ipaddr->type = VIR_IP_ADDR_TYPE_IPV6;
        addr.data.inet6.sin6_addr.s6_addr[15] += offset;
    } else {
        ipaddr->type = VIR_IP_ADDR_TYPE_IPV4;
        addr.data.inet4.sin_addr.s_addr =
            htonl(ntohl(addr.data.inet4.sin_addr.s_addr) + offset);
    }
    return (ipaddr->addr = virSocketAddrFormat(&addr)) ? 0 : -1;
}
