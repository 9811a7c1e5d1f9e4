/*
 * test_network_port.c: the ports of the test driver's networks and the
 * DHCP leases their guests hold.
 *
 * A port is allocated as upstream's network driver allocates one: the
 * portgroup's and the network's defaults filled in, a plug chosen by the
 * forward mode, the bandwidth floor checked against the network's inbound
 * QoS and given a class id, connection counts kept.  Nothing touches the
 * host.  There is no dnsmasq either: the leases are those of the running
 * domains' interfaces on the network, with the addresses
 * virDomainInterfaceAddresses reports for them.
 *
 * Ports live in their network (test_network.h) under the network list's
 * lock.  Errors of upstream's network object layer keep its error domain.
 */
#include "test_network.h"
#include "conf/domain_net.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define testNetConfError(code, ...) \
    virReportErrorHelper(VIR_FROM_NETWORK, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

/* Class ids 0 to 2 belong to the bridge's own queueing classes. */
#define TEST_NET_FIRST_CLASS_ID 3

static void
testNetPortFree(void *opaque)
{
    virNetworkPortDefFree(opaque);
}

void
testNetPortsInit(testNet *net)
{
    net->ports = testObjListNew(testNetPortFree);
    net->classIDs = g_hash_table_new(g_direct_hash, g_direct_equal);
}

void
testNetPortsFree(testNet *net)
{
    testObjListFree(net->ports);
    if (net->classIDs)
        g_hash_table_unref(net->classIDs);
}

static int
testNetCheckActive(testNet *net)
{
    if (!net->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "network '%s' is not active", net->def->name);
        return -1;
    }
    return 0;
}

/* ---- Bandwidth ---- */

static virNetDevBandwidth *
testNetBandwidthCopy(const virNetDevBandwidth *src)
{
    virNetDevBandwidth *dst = g_new0(virNetDevBandwidth, 1);

    if (src->in) {
        dst->in = g_new0(virNetDevBandwidthRate, 1);
        *dst->in = *src->in;
    }
    if (src->out) {
        dst->out = g_new0(virNetDevBandwidthRate, 1);
        *dst->out = *src->out;
    }
    return dst;
}

static unsigned long long
testNetBandwidthFloor(const virNetDevBandwidth *band)
{
    return band && band->in ? band->in->floor : 0;
}

/* Whether the port's new bandwidth fits the network: -1 with upstream's
 * error, 1 when no QoS is involved, 0 when a class must be kept. */
static int
testNetCheckBandwidth(testNet *net, const virNetDevBandwidth *band,
                      const virNetDevBandwidth *oldBand,
                      const virMacAddr *mac)
{
    virNetworkDef *def = net->def;
    const virNetDevBandwidth *netBand = def->bandwidth;
    unsigned long long sum = net->floorSum;
    char macstr[VIR_MAC_STRING_BUFLEN];

    virMacAddrFormat(mac, macstr);
    if (virNetDevBandwidthHasFloor(band) &&
        !virNetDevBandwidthSupportsFloor(def->forward.type)) {
        testNetConfError(VIR_ERR_OPERATION_UNSUPPORTED,
                         "Invalid use of 'floor' on interface with MAC "
                         "address %s - 'floor' is only supported for "
                         "interface type 'network' with forward type "
                         "'nat', 'route', 'open' or none", macstr);
        return -1;
    }
    if (virNetDevBandwidthHasFloor(band) && !(netBand && netBand->in)) {
        testNetConfError(VIR_ERR_OPERATION_UNSUPPORTED,
                         "Invalid use of 'floor' on interface with MAC "
                         "address %s - network '%s' has no inbound QoS set",
                         macstr, def->name);
        return -1;
    }
    if (!netBand || !netBand->in ||
        (!virNetDevBandwidthHasFloor(band) &&
         !virNetDevBandwidthHasFloor(oldBand)))
        return 1;

    sum = sum - testNetBandwidthFloor(oldBand) + testNetBandwidthFloor(band);
    if (netBand->in->peak) {
        if (sum > netBand->in->peak) {
            testNetConfError(VIR_ERR_OPERATION_INVALID,
                             "Cannot plug '%s' interface into '%s' because "
                             "new combined inbound floor=%llu would "
                             "overcommit peak=%llu on network '%s'",
                             macstr, NULLSTR(def->bridge), sum,
                             netBand->in->peak, def->name);
            return -1;
        }
    } else if (sum > netBand->in->average) {
        testNetConfError(VIR_ERR_OPERATION_INVALID,
                         "Cannot plug '%s' interface into '%s' because "
                         "new combined inbound floor=%llu would "
                         "overcommit average=%llu on network '%s'",
                         macstr, NULLSTR(def->bridge), sum,
                         netBand->in->average, def->name);
        return -1;
    }
    return 0;
}

static void
testNetPlugClass(testNet *net, const virNetDevBandwidth *band,
                 unsigned int *class_id)
{
    unsigned int id = TEST_NET_FIRST_CLASS_ID;

    while (g_hash_table_contains(net->classIDs, GUINT_TO_POINTER(id)))
        id++;
    g_hash_table_add(net->classIDs, GUINT_TO_POINTER(id));
    *class_id = id;
    net->floorSum += testNetBandwidthFloor(band);
}

static void
testNetUnplugClass(testNet *net, const virNetDevBandwidth *band,
                   unsigned int *class_id)
{
    unsigned long long floor = testNetBandwidthFloor(band);

    if (!*class_id || !net->def->bandwidth || !net->def->bandwidth->in)
        return;
    net->floorSum = net->floorSum > floor ? net->floorSum - floor : 0;
    g_hash_table_remove(net->classIDs, GUINT_TO_POINTER(*class_id));
    *class_id = 0;
}

static int
testNetPlugBandwidth(testNet *net, virNetworkPortDef *port)
{
    int rc = testNetCheckBandwidth(net, port->bandwidth, NULL, &port->mac);

    if (rc < 0)
        return -1;
    if (rc == 0)
        testNetPlugClass(net, port->bandwidth, &port->class_id);
    return 0;
}

/* ---- Allocation ---- */

static virNetworkForwardIfDef *
testNetForwardDevByName(virNetworkDef *def, const char *name)
{
    size_t i;

    for (i = 0; i < def->forward.nifs; i++) {
        virNetworkForwardIfDef *dev = &def->forward.ifs[i];

        if (dev->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV &&
            STREQ_NULLABLE(dev->device.dev, name))
            return dev;
    }
    return NULL;
}

static virNetworkForwardIfDef *
testNetForwardDevByPCI(virNetworkDef *def, const virPCIDeviceAddress *addr)
{
    size_t i;

    for (i = 0; i < def->forward.nifs; i++) {
        virNetworkForwardIfDef *dev = &def->forward.ifs[i];
        const virPCIDeviceAddress *pci = &dev->device.pci;

        if (dev->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI &&
            pci->domain == addr->domain && pci->bus == addr->bus &&
            pci->slot == addr->slot && pci->function == addr->function)
            return dev;
    }
    return NULL;
}

static virNetworkForwardIfDef *
testNetForwardDevUnused(virNetworkDef *def)
{
    size_t i;

    for (i = 0; i < def->forward.nifs; i++) {
        if (def->forward.ifs[i].connections == 0)
            return &def->forward.ifs[i];
    }
    return NULL;
}

static int
testNetPortVPortUnsupported(virNetworkPortDef *port, virNetworkDef *def,
                            const char *what)
{
    virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                   "<virtualport type='%s'> not supported for network "
                   "'%s' which uses %s",
                   virNetDevVPortTypeToString(
                       port->virtPortProfile->virtPortType),
                   def->name, what);
    return -1;
}

static bool
testNetPortVPortIs8021Q(virNetworkPortDef *port)
{
    int type = port->virtPortProfile->virtPortType;

    return type == VIR_NETDEV_VPORT_PROFILE_8021QBG ||
           type == VIR_NETDEV_VPORT_PROFILE_8021QBH;
}

static void
testNetPortNoDevError(virNetworkDef *def)
{
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "network '%s' requires exclusive access to interfaces, "
                   "but none are available", def->name);
}

/* The macvtap plug of the bridge-less bridge, private, vepa and
 * passthrough modes; *devp: the device taken. */
static int
testNetPortPlugDirect(virNetworkDef *def, virNetworkPortDef *port,
                      virNetworkForwardIfDef **devp)
{
    virNetworkForwardIfDef *dev = NULL;
    int type = def->forward.type;
    size_t i;

    port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_DIRECT;
    port->plug.direct.mode =
        virNetworkPortDirectModeTypeFromString(
            virNetworkForwardTypeToString(type));
    if (port->plug.direct.mode < 0)
        port->plug.direct.mode = VIR_NETWORK_PORT_DIRECT_MODE_BRIDGE;
    if (port->virtPortProfile && !testNetPortVPortIs8021Q(port))
        return testNetPortVPortUnsupported(port, def, "a macvtap device");
    if (def->forward.nifs == 0 && def->forward.npfs == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "network '%s' uses a direct mode, but has no "
                       "forward dev and no interface pool", def->name);
        return -1;
    }
    /* A pool given as a physical function would be read from the host:
     * the test driver has none. */
    if (def->forward.nifs > 0) {
        if (type == VIR_NETWORK_FORWARD_PASSTHROUGH ||
            (type == VIR_NETWORK_FORWARD_PRIVATE && port->virtPortProfile &&
             port->virtPortProfile->virtPortType ==
             VIR_NETDEV_VPORT_PROFILE_8021QBH)) {
            dev = testNetForwardDevUnused(def);
        } else {
            dev = &def->forward.ifs[0];
            for (i = 1; i < def->forward.nifs; i++) {
                if (def->forward.ifs[i].connections < dev->connections)
                    dev = &def->forward.ifs[i];
            }
        }
    }
    if (!dev) {
        testNetPortNoDevError(def);
        return -1;
    }
    port->plug.direct.linkdev = g_strdup(dev->device.dev);
    *devp = dev;
    return 0;
}

/* Chooses the plug of a new port by the network's forward mode. */
static int
testNetPortPlug(virNetworkDef *def, virNetworkPortDef *port,
                virNetworkForwardIfDef **devp)
{
    switch (def->forward.type) {
    case VIR_NETWORK_FORWARD_NONE:
    case VIR_NETWORK_FORWARD_NAT:
    case VIR_NETWORK_FORWARD_ROUTE:
    case VIR_NETWORK_FORWARD_OPEN:
        port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_NETWORK;
        port->plug.bridge.brname = g_strdup(def->bridge);
        port->plug.bridge.macTableManager = def->macTableManager;
        if (port->virtPortProfile)
            return testNetPortVPortUnsupported(port, def, "IP forwarding");
        return 0;

    case VIR_NETWORK_FORWARD_HOSTDEV: {
        virNetworkForwardIfDef *dev;

        port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI;
        if (!(dev = testNetForwardDevUnused(def))) {
            testNetPortNoDevError(def);
            return -1;
        }
        port->plug.hostdevpci.addr = dev->device.pci;
        port->plug.hostdevpci.driver = def->forward.driverName;
        port->plug.hostdevpci.managed =
            virTristateBoolFromBool(def->forward.managed);
        if (port->virtPortProfile && !testNetPortVPortIs8021Q(port))
            return testNetPortVPortUnsupported(
                port, def, "an SR-IOV Virtual Function via PCI passthrough");
        *devp = dev;
        return 0;
    }

    case VIR_NETWORK_FORWARD_BRIDGE:
        if (def->bridge) {
            port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE;
            port->plug.bridge.brname = g_strdup(def->bridge);
            port->plug.bridge.macTableManager = def->macTableManager;
            if (port->virtPortProfile &&
                port->virtPortProfile->virtPortType !=
                VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH)
                return testNetPortVPortUnsupported(port, def,
                                                   "a bridge device");
            return 0;
        }
        return testNetPortPlugDirect(def, port, devp);

    default:
        return testNetPortPlugDirect(def, port, devp);
    }
}

/* A new port: the defaults of its portgroup and network, a plug, the
 * bandwidth class, the connection counts. */
static int
testNetPortAllocate(testNet *net, virNetworkPortDef *port)
{
    virNetworkDef *def = net->def;
    virPortGroupDef *group = virPortGroupFindByName(def, port->group);
    virNetworkForwardIfDef *dev = NULL;

    if (!port->bandwidth && group && group->bandwidth)
        port->bandwidth = testNetBandwidthCopy(group->bandwidth);
    if (port->vlan.nTags == 0) {
        if (group && group->vlan.nTags > 0)
            virNetDevVlanCopy(&port->vlan, &group->vlan);
        else if (def->vlan.nTags > 0)
            virNetDevVlanCopy(&port->vlan, &def->vlan);
    }
    if (!port->trustGuestRxFilters) {
        if (group && group->trustGuestRxFilters)
            port->trustGuestRxFilters = group->trustGuestRxFilters;
        else
            port->trustGuestRxFilters = def->trustGuestRxFilters;
    }
    if (port->isolatedPort == VIR_TRISTATE_BOOL_ABSENT)
        port->isolatedPort = def->isolatedPort;
    /* The first virtualport found, where upstream merges their fields. */
    if (!port->virtPortProfile) {
        const virNetDevVPortProfile *vport =
            group && group->virtPortProfile ? group->virtPortProfile
                                            : def->virtPortProfile;

        if (vport) {
            port->virtPortProfile = g_new0(virNetDevVPortProfile, 1);
            *port->virtPortProfile = *vport;
        }
    }

    if (testNetPortPlug(def, port, &dev) < 0 ||
        testNetPlugBandwidth(net, port) < 0)
        return -1;
    if (virNetDevVPortProfileCheckComplete(port->virtPortProfile, true) < 0) {
        testNetUnplugClass(net, port->bandwidth, &port->class_id);
        return -1;
    }
    def->connections++;
    if (dev)
        dev->connections++;
    return 0;
}

/* A port that already has its plug (VIR_NETWORK_PORT_CREATE_RECLAIM):
 * checked against the network and counted. */
static int
testNetPortReclaim(testNet *net, virNetworkPortDef *port)
{
    virNetworkDef *def = net->def;
    virNetworkForwardIfDef *dev = NULL;
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    switch (port->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        if (!def->bridge) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Unexpectedly got a network port without a "
                           "network bridge");
            return -1;
        }
        break;

    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        if (!(dev = testNetForwardDevByName(def,
                                            port->plug.direct.linkdev))) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' doesn't have dev='%s' in use by "
                           "network port '%s'", def->name,
                           port->plug.direct.linkdev,
                           virUUIDFormat(port->uuid, uuidstr));
            return -1;
        }
        if (dev->connections > 0 &&
            (def->forward.type == VIR_NETWORK_FORWARD_PASSTHROUGH ||
             (def->forward.type == VIR_NETWORK_FORWARD_PRIVATE &&
              port->virtPortProfile &&
              port->virtPortProfile->virtPortType ==
              VIR_NETDEV_VPORT_PROFILE_8021QBH))) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' claims dev='%s' is already in use "
                           "by a different port", def->name,
                           port->plug.direct.linkdev);
            return -1;
        }
        break;

    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI: {
        const virPCIDeviceAddress *addr = &port->plug.hostdevpci.addr;

        if (!(dev = testNetForwardDevByPCI(def, addr))) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' doesn't have PCI device "
                           "%04x:%02x:%02x.%x in use by network port",
                           def->name, addr->domain, addr->bus, addr->slot,
                           addr->function);
            return -1;
        }
        if (dev->connections > 0 &&
            def->forward.type == VIR_NETWORK_FORWARD_HOSTDEV) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' claims the PCI device at "
                           "domain=%d bus=%d slot=%d function=%d is "
                           "already in use by a different network port",
                           def->name, addr->domain, addr->bus, addr->slot,
                           addr->function);
            return -1;
        }
        break;
    }
    }
    /* a reclaimed class id stays the port's */
    if (port->class_id) {
        g_hash_table_add(net->classIDs, GUINT_TO_POINTER(port->class_id));
        net->floorSum += testNetBandwidthFloor(port->bandwidth);
    }
    def->connections++;
    if (dev)
        dev->connections++;
    return 0;
}

/* Undoes the allocation of port. */
static void
testNetPortRelease(testNet *net, virNetworkPortDef *port)
{
    virNetworkDef *def = net->def;
    virNetworkForwardIfDef *dev = NULL;

    switch (port->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        testNetUnplugClass(net, port->bandwidth, &port->class_id);
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        dev = testNetForwardDevByName(def, port->plug.direct.linkdev);
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI:
        dev = testNetForwardDevByPCI(def, &port->plug.hostdevpci.addr);
        break;
    }
    if (dev && dev->connections > 0)
        dev->connections--;
    if (def->connections > 0)
        def->connections--;
}

void
testNetPortsDeleteAll(testNet *net)
{
    while (testObjListSize(net->ports) > 0) {
        virNetworkPortDef *port = testObjListAt(net->ports, 0);

        testNetPortRelease(net, port);
        testObjListRemove(net->ports, port);
    }
    g_hash_table_remove_all(net->classIDs);
    net->floorSum = 0;
}

/* ---- The port API ---- */

/* The port called uuid on the (found) network, NO_NETWORK_PORT when
 * absent. */
static virNetworkPortDef *
testNetPortFind(testNet *net, const unsigned char *uuid)
{
    virNetworkPortDef *port = testObjListFindByUUID(net->ports, uuid);

    if (!port) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        testNetConfError(VIR_ERR_NO_NETWORK_PORT,
                         "Network port with UUID %s does not exist",
                         virUUIDFormat(uuid, uuidstr));
    }
    return port;
}

/* The port behind obj on its running network, with upstream's checks in
 * upstream's order. */
static virNetworkPortDef *
testNetPortFromPtr(testNetworkState *st, virNetworkPortPtr obj,
                   testNet **netp)
{
    testNet *net = testNetFindByUUID(st, obj->net->uuid);
    virNetworkPortDef *port;

    if (!net || !(port = testNetPortFind(net, obj->uuid)) ||
        testNetCheckActive(net) < 0)
        return NULL;
    if (netp)
        *netp = net;
    return port;
}

virNetworkPortPtr
testNetworkPortLookupByUUID(virNetworkPtr obj, const unsigned char *uuid)
{
    TEST_NETWORK_LOCK(obj->conn);
    testNet *net = testNetFindByUUID(st, obj->uuid);

    if (!net || !testNetPortFind(net, uuid) || testNetCheckActive(net) < 0)
        return NULL;
    return virGetNetworkPort(obj, uuid);
}

virNetworkPortPtr
testNetworkPortCreateXML(virNetworkPtr obj, const char *xml,
                         unsigned int flags)
{
    g_autoptr(virNetworkPortDef) port = NULL;
    virNetworkPortDef *added;
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testNet *net;
    int rc;

    virCheckFlags(VIR_NETWORK_PORT_CREATE_RECLAIM |
                  VIR_NETWORK_PORT_CREATE_VALIDATE, NULL);
    {
        TEST_NETWORK_LOCK(obj->conn);

        if (!(net = testNetFindByUUID(st, obj->uuid)) ||
            !(port = virNetworkPortDefParseString(xml, flags)) ||
            testNetCheckActive(net) < 0)
            return NULL;

        if (port->plugtype == VIR_NETWORK_PORT_PLUG_TYPE_NONE &&
            (flags & VIR_NETWORK_PORT_CREATE_RECLAIM)) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Port reclaim requested but plug type is none");
            return NULL;
        }
        if (port->plugtype != VIR_NETWORK_PORT_PLUG_TYPE_NONE &&
            !(flags & VIR_NETWORK_PORT_CREATE_RECLAIM)) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Port reclaim not requested but plug type is "
                           "not none");
            return NULL;
        }

        /* the duplicate is found after the allocation, as upstream does */
        if (flags & VIR_NETWORK_PORT_CREATE_RECLAIM)
            rc = testNetPortReclaim(net, port);
        else
            rc = testNetPortAllocate(net, port);
        if (rc < 0)
            return NULL;
        if (testObjListFindByUUID(net->ports, port->uuid)) {
            testNetPortRelease(net, port);
            testNetConfError(VIR_ERR_NETWORK_PORT_EXIST,
                             "Network port with UUID %s already exists",
                             virUUIDFormat(port->uuid, uuidstr));
            return NULL;
        }
        added = g_steal_pointer(&port);
        testObjListAdd(net->ports, added, NULL, added->uuid);
        return virGetNetworkPort(obj, added->uuid);
    }
}

char *
testNetworkPortGetXMLDesc(virNetworkPortPtr obj, unsigned int flags)
{
    virNetworkPortDef *port;

    virCheckFlags(0, NULL);
    {
        TEST_NETWORK_LOCK(obj->net->conn);

        if (!(port = testNetPortFromPtr(st, obj, NULL)))
            return NULL;
        return virNetworkPortDefFormat(port);
    }
}

int
testNetworkPortDelete(virNetworkPortPtr obj, unsigned int flags)
{
    virNetworkPortDef *port;
    testNet *net;

    virCheckFlags(0, -1);
    {
        TEST_NETWORK_LOCK(obj->net->conn);

        if (!(port = testNetPortFromPtr(st, obj, &net)))
            return -1;
        testNetPortRelease(net, port);
        testObjListRemove(net->ports, port);
        return 0;
    }
}

int
testNetworkListAllPorts(virNetworkPtr obj, virNetworkPortPtr **ports,
                        unsigned int flags)
{
    testNet *net;
    size_t n;
    size_t i;

    virCheckFlags(0, -1);
    {
        TEST_NETWORK_LOCK(obj->conn);

        if (!(net = testNetFindByUUID(st, obj->uuid)) ||
            testNetCheckActive(net) < 0)
            return -1;
        n = testObjListSize(net->ports);
        if (!ports)
            return n;
        *ports = g_new0(virNetworkPortPtr, n + 1);
        for (i = 0; i < n; i++) {
            virNetworkPortDef *port = testObjListAt(net->ports, i);

            if (!((*ports)[i] = virGetNetworkPort(obj, port->uuid))) {
                while (i > 0)
                    virObjectUnref((*ports)[--i]);
                g_clear_pointer(ports, g_free);
                return -1;
            }
        }
        return n;
    }
}

/* The bandwidth typed parameters, each a VIR_TYPED_PARAM_UINT. */
static const struct {
    const char *name;
    bool in;
    size_t offset;
} testNetPortBandwidthParams[] = {
    { VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE, true,
      G_STRUCT_OFFSET(virNetDevBandwidthRate, average) },
    { VIR_NETWORK_PORT_BANDWIDTH_IN_PEAK, true,
      G_STRUCT_OFFSET(virNetDevBandwidthRate, peak) },
    { VIR_NETWORK_PORT_BANDWIDTH_IN_FLOOR, true,
      G_STRUCT_OFFSET(virNetDevBandwidthRate, floor) },
    { VIR_NETWORK_PORT_BANDWIDTH_IN_BURST, true,
      G_STRUCT_OFFSET(virNetDevBandwidthRate, burst) },
    { VIR_NETWORK_PORT_BANDWIDTH_OUT_AVERAGE, false,
      G_STRUCT_OFFSET(virNetDevBandwidthRate, average) },
    { VIR_NETWORK_PORT_BANDWIDTH_OUT_PEAK, false,
      G_STRUCT_OFFSET(virNetDevBandwidthRate, peak) },
    { VIR_NETWORK_PORT_BANDWIDTH_OUT_BURST, false,
      G_STRUCT_OFFSET(virNetDevBandwidthRate, burst) },
};

static const char *
testNetParamTypeName(int type)
{
    static const char *const names[] = {
        "unknown", "int", "uint", "llong", "ullong", "double", "boolean",
        "string",
    };

    return type > 0 && type < (int)G_N_ELEMENTS(names) ? names[type]
                                                         : names[0];
}

#define TEST_NET_RATE_FIELD(rate, offset) \
    (*(unsigned long long *)((char *)(rate) + (offset)))

/* The bandwidth params describe; names the port does not know are
 * ignored, as upstream ignores them. */
static virNetDevBandwidth *
testNetPortBandwidthFromParams(virTypedParameterPtr params, int nparams)
{
    g_autoptr(virNetDevBandwidth) band = g_new0(virNetDevBandwidth, 1);
    size_t i;
    int p;

    band->in = g_new0(virNetDevBandwidthRate, 1);
    band->out = g_new0(virNetDevBandwidthRate, 1);
    for (p = 0; p < nparams; p++) {
        for (i = 0; i < G_N_ELEMENTS(testNetPortBandwidthParams); i++) {
            if (STRNEQ(params[p].field, testNetPortBandwidthParams[i].name))
                continue;
            /* upstream reads any type as unsigned: refuse the others */
            if (params[p].type != VIR_TYPED_PARAM_UINT) {
                virReportError(VIR_ERR_INVALID_ARG,
                               "invalid type '%s' for parameter '%s', "
                               "expected '%s'",
                               testNetParamTypeName(params[p].type),
                               params[p].field, "uint");
                return NULL;
            }
            TEST_NET_RATE_FIELD(testNetPortBandwidthParams[i].in
                                ? band->in : band->out,
                                testNetPortBandwidthParams[i].offset) =
                params[p].value.ui;
        }
    }
    /* a direction needs an average (or, inbound, a floor) */
    if (!band->in->average && !band->in->floor)
        g_clear_pointer(&band->in, g_free);
    if (!band->out->average)
        g_clear_pointer(&band->out, g_free);
    return g_steal_pointer(&band);
}

int
testNetworkPortSetParameters(virNetworkPortPtr obj,
                             virTypedParameterPtr params, int nparams,
                             unsigned int flags)
{
    g_autoptr(virNetDevBandwidth) band = NULL;
    virNetworkPortDef *port;
    testNet *net;

    virCheckFlags(0, -1);
    {
        TEST_NETWORK_LOCK(obj->net->conn);
        unsigned long long oldFloor;
        unsigned long long newFloor;
        int rc;

        if (!(port = testNetPortFromPtr(st, obj, &net)) ||
            !(band = testNetPortBandwidthFromParams(params, nparams)))
            return -1;

        oldFloor = testNetBandwidthFloor(port->bandwidth);
        newFloor = testNetBandwidthFloor(band);
        if (oldFloor != newFloor) {
            if ((rc = testNetCheckBandwidth(net, band, port->bandwidth,
                                            &port->mac)) < 0)
                return -1;
            if (rc == 0) {
                if (oldFloor > 0 && newFloor > 0)
                    net->floorSum = net->floorSum - oldFloor + newFloor;
                else if (newFloor > 0)
                    testNetPlugClass(net, band, &port->class_id);
                else
                    testNetUnplugClass(net, port->bandwidth,
                                       &port->class_id);
            }
        }
        virNetDevBandwidthFree(port->bandwidth);
        port->bandwidth = g_steal_pointer(&band);
        return 0;
    }
}

static int
testNetPortAddRate(virTypedParameterPtr *params, int *nparams, int *max,
                   const virNetDevBandwidthRate *rate, bool in)
{
    size_t i;

    if (!rate)
        return 0;
    for (i = 0; i < G_N_ELEMENTS(testNetPortBandwidthParams); i++) {
        if (testNetPortBandwidthParams[i].in != in)
            continue;
        if (virTypedParamsAddUInt(params, nparams, max,
                                  testNetPortBandwidthParams[i].name,
                                  TEST_NET_RATE_FIELD(
                                      rate,
                                      testNetPortBandwidthParams[i].offset))
            < 0)
            return -1;
    }
    return 0;
}

int
testNetworkPortGetParameters(virNetworkPortPtr obj,
                             virTypedParameterPtr *params, int *nparams,
                             unsigned int flags)
{
    virNetworkPortDef *port;
    int max = 0;

    virCheckFlags(0, -1);
    *params = NULL;
    *nparams = 0;
    {
        TEST_NETWORK_LOCK(obj->net->conn);

        if (!(port = testNetPortFromPtr(st, obj, NULL)))
            return -1;
        if (port->bandwidth &&
            (testNetPortAddRate(params, nparams, &max, port->bandwidth->in,
                                true) < 0 ||
             testNetPortAddRate(params, nparams, &max, port->bandwidth->out,
                                false) < 0)) {
            virTypedParamsFree(*params, *nparams);
            *params = NULL;
            *nparams = 0;
            return -1;
        }
        return 0;
    }
}

/* ---- DHCP leases ---- */

typedef struct _testLeaseEntry testLeaseEntry;
struct _testLeaseEntry {
    int id;                     /* the domain's */
    size_t idx;                 /* the interface's */
    virNetworkDHCPLeasePtr lease;
};

typedef struct _testLeaseSearch testLeaseSearch;
struct _testLeaseSearch {
    testDriver *driver;
    const char *network;
    const char *bridge;
    const virMacAddr *mac;      /* the filter, or NULL */
    GArray *found;              /* testLeaseEntry */
    bool failed;
};

static void
testLeaseEntryClear(void *opaque)
{
    testLeaseEntry *entry = opaque;

    virNetworkDHCPLeaseFree(entry->lease);
}

static gint
testLeaseEntryCompare(gconstpointer a, gconstpointer b)
{
    const testLeaseEntry *x = a;
    const testLeaseEntry *y = b;

    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* One running domain (locked by the iteration): a lease for each of its
 * interfaces on the network. */
static void
testLeaseSearchDomain(virDomainObj *vm, void *opaque)
{
    testLeaseSearch *search = opaque;
    size_t i;

    if (search->failed || !virDomainObjIsActive(vm))
        return;
    for (i = 0; i < vm->def->devices->nnets; i++) {
        virDomainNetDef *iface = vm->def->devices->nets[i];
        char macstr[VIR_MAC_STRING_BUFLEN];
        virDomainIPAddress addr = { 0 };
        testLeaseEntry entry = { vm->def->id, i, NULL };
        virMacAddr mac;

        if (iface->type != VIR_DOMAIN_NET_TYPE_NETWORK ||
            !STREQ_NULLABLE(iface->network, search->network))
            continue;
        memcpy(mac.addr, iface->mac, VIR_MAC_BUFLEN);
        if (search->mac && virMacAddrCmp(&mac, search->mac) != 0)
            continue;
        if (testNetworkGuestAddress(search->driver, search->network,
                                    testDomainGuestNetOffset(vm, i),
                                    &addr) < 0) {
            search->failed = true;
            return;
        }
        entry.lease = g_new0(virNetworkDHCPLease, 1);
        entry.lease->iface = g_strdup(search->bridge);
        /* dnsmasq's mark of a lease that never expires */
        entry.lease->expirytime = 0;
        entry.lease->type = addr.type;
        entry.lease->mac = g_strdup(virMacAddrFormat(&mac, macstr));
        entry.lease->ipaddr = g_steal_pointer(&addr.addr);
        entry.lease->prefix = addr.prefix;
        entry.lease->hostname = g_strdup(vm->def->name);
        g_array_append_val(search->found, entry);
    }
}

int
testNetworkGetDHCPLeases(virNetworkPtr obj, const char *mac,
                         virNetworkDHCPLeasePtr **leases,
                         unsigned int flags)
{
    testDriver *driver = obj->conn->privateData;
    testNetworkState *st = driver->networks;
    g_autoptr(GArray) found = NULL;
    g_autofree char *name = NULL;
    g_autofree char *bridge = NULL;
    testLeaseSearch search = { 0 };
    virMacAddr filter;
    size_t i;

    virCheckFlags(0, -1);

    if (mac && virMacAddrParse(mac, &filter) < 0) {
        virReportError(VIR_ERR_INVALID_MAC, "%s", mac);
        return -1;
    }

    /* What the search needs, copied: the domains are locked before the
     * networks (see virDomainInterfaceAddresses). */
    {
        TEST_OBJLIST_LOCK(st->objs);
        testNet *net = testNetFindByUUID(st, obj->uuid);

        if (!net)
            return -1;
        /* No DHCP server runs on a stopped network, nor on one without a
         * range in the <ip> the guests' addresses come from. */
        if (!net->active || net->def->nips == 0 ||
            net->def->ips[0].nranges == 0)
            return 0;
        name = g_strdup(net->def->name);
        bridge = g_strdup(net->def->bridge);
    }

    found = g_array_new(FALSE, FALSE, sizeof(testLeaseEntry));
    g_array_set_clear_func(found, testLeaseEntryClear);
    search.driver = driver;
    search.network = name;
    search.bridge = bridge;
    search.mac = mac ? &filter : NULL;
    search.found = found;
    virDomainObjListForEach(driver->domains, testLeaseSearchDomain, &search);
    if (search.failed)
        return -1;

    if (leases) {
        g_array_sort(found, testLeaseEntryCompare);
        *leases = g_new0(virNetworkDHCPLeasePtr, found->len + 1);
        for (i = 0; i < found->len; i++) {
            testLeaseEntry *entry = &g_array_index(found, testLeaseEntry, i);

            (*leases)[i] = g_steal_pointer(&entry->lease);
        }
    }
    return found->len;
}
