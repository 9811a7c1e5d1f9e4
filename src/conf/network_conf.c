/*
 * network_conf.c: parsing and formatting the <network> document.
 *
 * Checks and messages follow upstream's network parser: names may not
 * contain '/', addresses must agree with their family, DHCP ranges must
 * lie inside their network, and the forward mode decides which bridge
 * settings make sense.  Live-only state (connection counts) is written
 * unless VIR_NETWORK_XML_INACTIVE is given.  The <ip> and <dns> parts
 * live in network_ipdns.c.
 */
#include "network_conf.h"
#include "network_ipdns.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

VIR_ENUM_IMPL(virNetworkForward, VIR_NETWORK_FORWARD_LAST,
              "none", "nat", "route", "open", "bridge", "private", "vepa",
              "passthrough", "hostdev");
VIR_ENUM_IMPL(virNetworkBridgeMACTableManager,
              VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LAST,
              "default", "kernel", "libvirt");
VIR_ENUM_IMPL(virNetworkForwardHostdevDevice,
              VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_LAST,
              "none", "pci", "netdev");
VIR_ENUM_IMPL(virNetworkForwardDriverName,
              VIR_NETWORK_FORWARD_DRIVER_NAME_LAST,
              "default", "kvm", "vfio");
VIR_ENUM_IMPL(virNetworkDHCPLeaseTimeUnit,
              VIR_NETWORK_DHCP_LEASETIME_UNIT_LAST,
              "seconds", "minutes", "hours");

/* ---- Freeing ---- */

static void
virNetworkForwardDefClear(virNetworkForwardDef *def)
{
    size_t i;

    for (i = 0; i < def->npfs; i++)
        g_free(def->pfs[i].dev);
    g_free(def->pfs);
    for (i = 0; i < def->nifs; i++) {
        if (def->ifs[i].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
            g_free(def->ifs[i].device.dev);
    }
    g_free(def->ifs);
}

void
virPortGroupDefClear(virPortGroupDef *def)
{
    g_free(def->name);
    g_free(def->virtPortProfile);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    memset(def, 0, sizeof(*def));
}

void
virNetworkDefFree(virNetworkDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->bridge);
    g_free(def->bridgeZone);
    g_free(def->domain);
    virNetworkForwardDefClear(&def->forward);
    for (i = 0; i < def->nips; i++)
        virNetworkIPDefClear(&def->ips[i]);
    g_free(def->ips);
    for (i = 0; i < def->nroutes; i++)
        virNetDevIPRouteFree(def->routes[i]);
    g_free(def->routes);
    virNetworkDNSDefClear(&def->dns);
    g_free(def->virtPortProfile);
    for (i = 0; i < def->nPortGroups; i++)
        virPortGroupDefClear(&def->portGroups[i]);
    g_free(def->portGroups);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    virXMLNodeFreeDetached(def->metadata);
    g_free(def);
}

/* ---- Small helpers ---- */

int
virNetworkIPDefPrefix(const virNetworkIPDef *def)
{
    return virSocketAddrGetIPPrefix(&def->address, &def->netmask,
                                    def->prefix);
}

bool
virNetDevBandwidthSupportsFloor(int type)
{
    switch (type) {
    case VIR_NETWORK_FORWARD_NONE:
    case VIR_NETWORK_FORWARD_NAT:
    case VIR_NETWORK_FORWARD_ROUTE:
    case VIR_NETWORK_FORWARD_OPEN:
        return true;
    }
    return false;
}

virPortGroupDef *
virPortGroupFindByName(virNetworkDef *net, const char *name)
{
    size_t i;

    for (i = 0; i < net->nPortGroups; i++) {
        virPortGroupDef *pg = &net->portGroups[i];

        if (name ? g_str_equal(name, pg->name) : pg->isDefault)
            return pg;
    }
    return NULL;
}

int
virNetworkBandwidthVlanParseXML(xmlNodePtr parent,
                                virNetDevBandwidth **bandwidth,
                                unsigned int *class_id, bool allowFloor,
                                virNetDevVlan *vlan)
{
    xmlNodePtr node;

    if ((node = virXMLChild(parent, "bandwidth")) &&
        virNetDevBandwidthParse(bandwidth, class_id, node, allowFloor) < 0)
        return -1;
    if ((node = virXMLChild(parent, "vlan")) &&
        virNetDevVlanParse(node, vlan) < 0)
        return -1;
    return 0;
}

int
virNetworkPortOptionsParseXML(xmlNodePtr parent,
                              virTristateBool *isolatedPort)
{
    xmlNodePtr port = virXMLChild(parent, "port");

    *isolatedPort = VIR_TRISTATE_BOOL_ABSENT;
    if (!port)
        return 0;
    return virXMLPropTristateBool(port, "isolated", VIR_XML_PROP_NONE,
                                  isolatedPort);
}

void
virNetworkPortOptionsFormat(virTristateBool isolatedPort, virBuffer *buf)
{
    if (isolatedPort != VIR_TRISTATE_BOOL_ABSENT)
        virBufferAsprintf(buf, "<port isolated='%s'/>\n",
                          virTristateBoolTypeToString(isolatedPort));
}

/* ---- <portgroup> ---- */

int
virPortGroupParseXML(xmlNodePtr node, virPortGroupDef *def)
{
    g_autofree char *isDefault = NULL;
    xmlNodePtr child;

    if (!(def->name = virConfXMLPropNonEmpty(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing required name attribute in portgroup");
        return -1;
    }
    isDefault = virXMLPropString(node, "default");
    def->isDefault = isDefault && g_ascii_strcasecmp(isDefault, "yes") == 0;
    if (virXMLPropTristateBool(node, "trustGuestRxFilters", VIR_XML_PROP_NONE,
                               &def->trustGuestRxFilters) < 0)
        return -1;

    if ((child = virXMLChild(node, "virtualport")) &&
        !(def->virtPortProfile = virNetDevVPortProfileParse(child, 0)))
        return -1;
    return virNetworkBandwidthVlanParseXML(node, &def->bandwidth, NULL, false,
                                           &def->vlan);
}

/* ---- <forward> ---- */

/* Where upstream's messages place an element of <forward>. */
#define VIR_NET_WHERE_FORWARD "<forward> of"
#define VIR_NET_WHERE_NAT "<nat> in <forward> in"

static int
virNetworkForwardCheckSingle(const char *netName, size_t n, const char *name,
                             const char *where)
{
    if (n > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <%s> element is allowed in %s network %s",
                       name, where, netName);
        return -1;
    }
    return 0;
}

/* A required start or end attribute of the NAT <address>. */
static char *
virNetworkNatAddrAttr(const char *netName, xmlNodePtr node, const char *name)
{
    char *value = virXMLPropString(node, name);

    if (!value)
        virReportError(VIR_ERR_XML_ERROR,
                       "missing '%s' attribute in <address> element "
                       "in " VIR_NET_WHERE_NAT " network %s", name, netName);
    return value;
}

static int
virNetworkNatAddrParse(const char *netName, const char *value,
                       const char *name, virSocketAddr *addr)
{
    if (virSocketAddrParse(addr, value, AF_INET) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Bad ipv4 %s address '%s' in " VIR_NET_WHERE_NAT
                       " network '%s'", name, value, netName);
        return -1;
    }
    return 0;
}

static int
virNetworkForwardNatParseXML(const char *netName, xmlNodePtr node,
                             virNetworkForwardDef *def)
{
    g_autofree xmlNodePtr *addrs = NULL;
    g_autofree xmlNodePtr *ports = NULL;
    g_autofree char *start = NULL;
    g_autofree char *end = NULL;
    size_t naddrs;
    size_t nports;
    int rc;

    if (def->type != VIR_NETWORK_FORWARD_NAT) {
        virReportError(VIR_ERR_XML_ERROR,
                       "The <nat> element can only be used when <forward> "
                       "'mode' is 'nat' in network %s", netName);
        return -1;
    }
    if (virXMLPropTristateBool(node, "ipv6", VIR_XML_PROP_NONE,
                               &def->natIPv6) < 0)
        return -1;

    naddrs = virXMLChildren(node, "address", &addrs);
    if (virNetworkForwardCheckSingle(netName, naddrs, "address",
                                     VIR_NET_WHERE_NAT) < 0)
        return -1;
    if (naddrs == 1) {
        /* both attributes must be there before either is parsed */
        if (!(start = virNetworkNatAddrAttr(netName, addrs[0], "start")) ||
            !(end = virNetworkNatAddrAttr(netName, addrs[0], "end")))
            return -1;
        if (virNetworkNatAddrParse(netName, start, "start",
                                   &def->addr.start) < 0 ||
            virNetworkNatAddrParse(netName, end, "end", &def->addr.end) < 0)
            return -1;
        if (virSocketAddrGetRange(&def->addr.start, &def->addr.end,
                                  NULL, 0) < 0)
            return -1;
    }

    nports = virXMLChildren(node, "port", &ports);
    if (virNetworkForwardCheckSingle(netName, nports, "port",
                                     VIR_NET_WHERE_NAT) < 0)
        return -1;
    if (nports == 1) {
        rc = virConfXMLPropUIntRaw(ports[0], "start", &def->port.start);
        if (rc != 1 || def->port.start > 65535) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "Missing or invalid 'start' attribute in <port> "
                           "in <nat> in <forward> in network %s", netName);
            return -1;
        }
        rc = virConfXMLPropUIntRaw(ports[0], "end", &def->port.end);
        if (rc != 1 || def->port.end > 65535 ||
            def->port.end < def->port.start) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "Missing or invalid 'end' attribute in <port> in "
                           "<nat> in <forward> in network %s", netName);
            return -1;
        }
    }
    return 0;
}

static int
virNetworkForwardIfsParseXML(const char *netName, xmlNodePtr *ifNodes,
                             size_t nifNodes, char **forwardDev,
                             virNetworkForwardDef *def)
{
    size_t i;
    size_t j;

    def->ifs = g_new0(virNetworkForwardIfDef, MAX(nifNodes, 1));
    if (*forwardDev) {
        def->ifs[0].device.dev = g_steal_pointer(forwardDev);
        def->ifs[0].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV;
        def->nifs++;
    }

    for (i = 0; i < nifNodes; i++) {
        g_autofree char *dev = virXMLPropString(ifNodes[i], "dev");

        if (!dev) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Missing required dev attribute in <forward> "
                           "<interface> element of network %s", netName);
            return -1;
        }
        /* <forward dev='x'> repeats the first <interface dev='x'/> */
        if (i == 0 && def->nifs == 1) {
            if (!g_str_equal(dev, def->ifs[0].device.dev)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "<forward dev='%s'> must match first "
                               "<interface dev='%s'/> in network %s",
                               def->ifs[0].device.dev, dev, netName);
                return -1;
            }
            continue;
        }
        for (j = 0; j < i; j++) {
            if (g_strcmp0(def->ifs[j].device.dev, dev) == 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "interface '%s' can only be listed once in "
                               "network %s", dev, netName);
                return -1;
            }
        }
        def->ifs[i].device.dev = g_steal_pointer(&dev);
        def->ifs[i].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV;
        def->nifs++;
    }
    return 0;
}

static int
virNetworkForwardAddrsParseXML(const char *netName, xmlNodePtr *addrNodes,
                               size_t naddrs, virNetworkForwardDef *def)
{
    size_t i;
    size_t j;

    def->ifs = g_new0(virNetworkForwardIfDef, naddrs);
    for (i = 0; i < naddrs; i++) {
        g_autofree char *type = virXMLPropString(addrNodes[i], "type");
        virPCIDeviceAddress *addr = &def->ifs[i].device.pci;

        if (!type) {
            virReportError(VIR_ERR_XML_ERROR,
                           "missing address type in network %s", netName);
            return -1;
        }
        if ((def->ifs[i].type =
             virNetworkForwardHostdevDeviceTypeFromString(type)) < 0) {
            def->ifs[i].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NONE;
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown address type '%s' in network %s",
                           type, netName);
            return -1;
        }
        /* only PCI devices can be pooled */
        if (def->ifs[i].type != VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI) {
            def->ifs[i].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NONE;
            virReportError(VIR_ERR_XML_ERROR,
                           "unsupported address type '%s' in network %s",
                           type, netName);
            return -1;
        }
        if (virPCIDeviceAddressParseXML(addrNodes[i], addr) < 0)
            return -1;
        for (j = 0; j < i; j++) {
            const virPCIDeviceAddress *other = &def->ifs[j].device.pci;

            if (addr->domain == other->domain && addr->bus == other->bus &&
                addr->slot == other->slot &&
                addr->function == other->function) {
                virReportError(VIR_ERR_XML_ERROR,
                               "PCI device '%04x:%02x:%02x.%x' can only be "
                               "listed once in network %s",
                               addr->domain, addr->bus, addr->slot,
                               addr->function, netName);
                return -1;
            }
        }
        def->nifs++;
    }
    return 0;
}

static int
virNetworkForwardDefParseXML(const char *netName, xmlNodePtr node,
                             virNetworkForwardDef *def)
{
    g_autofree xmlNodePtr *ifNodes = NULL;
    g_autofree xmlNodePtr *addrNodes = NULL;
    g_autofree xmlNodePtr *pfNodes = NULL;
    g_autofree xmlNodePtr *natNodes = NULL;
    g_autofree char *type = virConfXMLPropNonEmpty(node, "mode");
    g_autofree char *managed = NULL;
    g_autofree char *driverName = NULL;
    g_autofree char *forwardDev = NULL;
    xmlNodePtr driver;
    size_t nifs;
    size_t naddrs;
    size_t npfs;
    size_t nnats;

    if (!type) {
        def->type = VIR_NETWORK_FORWARD_NAT;
    } else if ((def->type = virNetworkForwardTypeFromString(type)) < 0) {
        def->type = VIR_NETWORK_FORWARD_NONE;
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown forwarding type '%s'", type);
        return -1;
    }

    managed = virXMLPropString(node, "managed");
    def->managed = managed && g_ascii_strcasecmp(managed, "yes") == 0;

    if ((driver = virXMLChild(node, "driver")) &&
        (driverName = virConfXMLPropNonEmpty(driver, "name"))) {
        int name = virNetworkForwardDriverNameTypeFromString(driverName);

        if (name <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown forward <driver name='%s'/> in network %s",
                           driverName, netName);
            return -1;
        }
        def->driverName = name;
    }

    nifs = virXMLChildren(node, "interface", &ifNodes);
    naddrs = virXMLChildren(node, "address", &addrNodes);
    npfs = virXMLChildren(node, "pf", &pfNodes);
    nnats = virXMLChildren(node, "nat", &natNodes);

    if (virNetworkForwardCheckSingle(netName, nnats, "nat",
                                     VIR_NET_WHERE_FORWARD) < 0)
        return -1;
    if (nnats == 1 &&
        virNetworkForwardNatParseXML(netName, natNodes[0], def) < 0)
        return -1;

    forwardDev = virConfXMLPropNonEmpty(node, "dev");
    if (forwardDev && (naddrs > 0 || npfs > 0)) {
        /* upstream leaves the %s of this message unfilled */
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "the <forward> 'dev' attribute cannot be used when "
                       "<address> or <pf> sub-elements are present in "
                       "network %s");
        return -1;
    }

    if (nifs > 0 || forwardDev)
        return virNetworkForwardIfsParseXML(netName, ifNodes, nifs,
                                            &forwardDev, def);
    if (naddrs > 0)
        return virNetworkForwardAddrsParseXML(netName, addrNodes, naddrs, def);
    if (virNetworkForwardCheckSingle(netName, npfs, "pf",
                                     VIR_NET_WHERE_FORWARD) < 0)
        return -1;
    if (npfs == 1) {
        g_autofree char *dev = virXMLPropString(pfNodes[0], "dev");

        if (!dev) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Missing required dev attribute in <pf> element "
                           "of network '%s'", netName);
            return -1;
        }
        def->pfs = g_new0(virNetworkForwardPfDef, 1);
        def->pfs[0].dev = g_steal_pointer(&dev);
        def->npfs = 1;
    }
    return 0;
}

/* ---- <network> ---- */

static int
virNetworkDefParseIdentity(xmlNodePtr root, virNetworkDef *def)
{
    g_autofree char *uuid = NULL;
    g_autofree char *ipv6 = NULL;
    const char *bad;

    if (!(def->name = virConfXMLChildNonEmpty(root, "name"))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return -1;
    }
    if ((bad = strchr(def->name, '/'))) {
        virReportError(VIR_ERR_XML_DETAIL, "invalid char in name: %c", *bad);
        return -1;
    }

    if (!(uuid = virConfXMLChildNonEmpty(root, "uuid"))) {
        virUUIDGenerate(def->uuid);
    } else {
        if (virUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "malformed uuid element");
            return -1;
        }
        def->uuid_specified = true;
    }

    if ((ipv6 = virConfXMLPropNonEmpty(root, "ipv6"))) {
        if (STREQ(ipv6, "yes")) {
            def->ipv6nogw = true;
        } else if (!STREQ(ipv6, "no")) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid ipv6 setting '%s' in network '%s'",
                           ipv6, def->name);
            return -1;
        }
    }
    return virXMLPropTristateBool(root, "trustGuestRxFilters",
                                  VIR_XML_PROP_NONE,
                                  &def->trustGuestRxFilters);
}

static int
virNetworkDefParseBridge(xmlNodePtr root, virNetworkDef *def,
                         bool *stpGiven)
{
    xmlNodePtr bridge = virXMLChild(root, "bridge");
    g_autofree char *stp = NULL;
    g_autofree char *delay = NULL;
    g_autofree char *mtm = NULL;

    def->stp = true;
    *stpGiven = false;
    if (!bridge)
        return 0;

    def->bridge = virConfXMLPropNonEmpty(bridge, "name");
    def->bridgeZone = virConfXMLPropNonEmpty(bridge, "zone");
    if ((stp = virConfXMLPropNonEmpty(bridge, "stp"))) {
        *stpGiven = true;
        def->stp = !STREQ(stp, "off");
    }
    if ((delay = virConfXMLPropNonEmpty(bridge, "delay"))) {
        unsigned long long val;

        if (virStrToLong_ullp(delay, NULL, 10, &val) < 0 || val > G_MAXLONG) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid delay value in network '%s'", def->name);
            return -1;
        }
        def->delay = val;
    }
    if ((mtm = virConfXMLPropNonEmpty(bridge, "macTableManager")) &&
        (def->macTableManager =
         virNetworkBridgeMACTableManagerTypeFromString(mtm)) <= 0) {
        def->macTableManager = 0;
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid macTableManager setting '%s' in network '%s'",
                       mtm, def->name);
        return -1;
    }
    return 0;
}

static int
virNetworkDefParseMacMtu(xmlNodePtr root, virNetworkDef *def)
{
    xmlNodePtr mac = virXMLChild(root, "mac");
    xmlNodePtr mtu = virXMLChild(root, "mtu");
    g_autofree char *addr = virConfXMLPropNonEmpty(mac, "address");
    g_autofree char *size = virConfXMLPropNonEmpty(mtu, "size");

    if (addr) {
        if (virMacAddrParse(addr, &def->mac) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid bridge mac address '%s' in network '%s'",
                           addr, def->name);
            return -1;
        }
        if (virMacAddrIsMulticast(&def->mac)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid multicast bridge mac address '%s' in "
                           "network '%s'", addr, def->name);
            return -1;
        }
        def->mac_specified = true;
    }
    if (size && virStrToLong_ui(size, NULL, 10, &def->mtu) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid mtu size '%s' in network '%s'",
                       size, def->name);
        return -1;
    }
    return 0;
}

/* Every static route's gateway must be inside one of the networks the
 * bridge is on. */
static int
virNetworkDefCheckRouteGateways(virNetworkDef *def)
{
    size_t i;
    size_t j;

    for (i = 0; i < def->nroutes; i++) {
        virSocketAddr *gateway = &def->routes[i]->gateway;
        bool reachable = false;

        for (j = 0; j < def->nips && !reachable; j++) {
            virNetworkIPDef *ip = &def->ips[j];
            virSocketAddr net1 = { 0 };
            virSocketAddr net2 = { 0 };
            int prefix;

            if (VIR_SOCKET_ADDR_FAMILY(gateway) !=
                VIR_SOCKET_ADDR_FAMILY(&ip->address))
                continue;
            prefix = virNetworkIPDefPrefix(ip);
            if (virSocketAddrMaskByPrefix(&ip->address, prefix, &net1) < 0 ||
                virSocketAddrMaskByPrefix(gateway, prefix, &net2) < 0)
                continue;
            reachable = virSocketAddrEqual(&net1, &net2);
        }
        if (!reachable) {
            g_autofree char *gw = virSocketAddrFormat(gateway);

            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unreachable static route gateway '%s' specified "
                           "for network '%s'", gw, def->name);
            return -1;
        }
    }
    return 0;
}

/* What the forward mode rules out among the other settings. */
static int
virNetworkDefCheckForwardMode(virNetworkDef *def, bool stpGiven)
{
    const char *mode = virNetworkForwardTypeToString(def->forward.type);

    switch (def->forward.type) {
    case VIR_NETWORK_FORWARD_NONE:
        break;
    case VIR_NETWORK_FORWARD_ROUTE:
    case VIR_NETWORK_FORWARD_NAT:
    case VIR_NETWORK_FORWARD_OPEN:
        if (def->nips == 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s forwarding requested, but no IP address "
                           "provided for network '%s'", mode, def->name);
            return -1;
        }
        if (def->forward.nifs > 1) {
            virReportError(VIR_ERR_XML_ERROR,
                           "multiple forwarding interfaces specified for "
                           "network '%s', only one is supported", def->name);
            return -1;
        }
        if (def->forward.type == VIR_NETWORK_FORWARD_OPEN &&
            def->forward.nifs) {
            virReportError(VIR_ERR_XML_ERROR,
                           "forward dev not allowed for network '%s' with "
                           "forward mode='%s'", def->name, mode);
            return -1;
        }
        break;
    case VIR_NETWORK_FORWARD_PRIVATE:
    case VIR_NETWORK_FORWARD_VEPA:
    case VIR_NETWORK_FORWARD_PASSTHROUGH:
    case VIR_NETWORK_FORWARD_HOSTDEV:
        if (def->bridge) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge name not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->bridgeZone) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge zone not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->macTableManager) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge macTableManager setting not allowed in "
                           "%s mode (network '%s')", mode, def->name);
            return -1;
        }
        G_GNUC_FALLTHROUGH;
    case VIR_NETWORK_FORWARD_BRIDGE:
        if (def->delay || stpGiven || def->bridgeZone) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge delay/stp/zone options only allowed in "
                           "route, nat, and isolated mode, not in %s "
                           "(network '%s')", mode, def->name);
            return -1;
        }
        if (def->bridge && (def->forward.nifs || def->forward.npfs)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "A network with forward mode='%s' can specify a "
                           "bridge name or a forward dev, but not both "
                           "(network '%s')", mode, def->name);
            return -1;
        }
        break;
    }

    if (def->mtu && !virNetDevBandwidthSupportsFloor(def->forward.type)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "mtu size only allowed in open, route, nat, and "
                       "isolated mode, not in %s (network '%s')",
                       mode, def->name);
        return -1;
    }
    return 0;
}

static int
virNetworkDefParseLists(xmlNodePtr root, virNetworkDef *def)
{
    g_autofree xmlNodePtr *pgs = NULL;
    g_autofree xmlNodePtr *ips = NULL;
    g_autofree xmlNodePtr *routes = NULL;
    size_t npgs = virXMLChildren(root, "portgroup", &pgs);
    size_t nips = virXMLChildren(root, "ip", &ips);
    size_t nroutes = virXMLChildren(root, "route", &routes);
    size_t i;

    def->portGroups = g_new0(virPortGroupDef, npgs);
    for (i = 0; i < npgs; i++) {
        def->nPortGroups++;
        if (virPortGroupParseXML(pgs[i], &def->portGroups[i]) < 0)
            return -1;
    }

    def->ips = g_new0(virNetworkIPDef, nips);
    for (i = 0; i < nips; i++) {
        def->nips++;
        if (virNetworkIPDefParseXML(def->name, ips[i], &def->ips[i]) < 0)
            return -1;
    }

    def->routes = g_new0(virNetDevIPRoute *, nroutes);
    for (i = 0; i < nroutes; i++) {
        if (!(def->routes[i] = virNetDevIPRouteParseXML(def->name, routes[i])))
            return -1;
        def->nroutes++;
    }
    return virNetworkDefCheckRouteGateways(def);
}

virNetworkDef *
virNetworkDefParseNode(xmlNodePtr root, unsigned int flags)
{
    g_autoptr(virNetworkDef) def = g_new0(virNetworkDef, 1);
    xmlNodePtr node;
    bool stpGiven;

    if (virNetworkDefParseIdentity(root, def) < 0)
        return NULL;

    if ((node = virXMLChild(root, "domain"))) {
        def->domain = virXMLPropString(node, "name");
        if (virXMLPropTristateBool(node, "localOnly", VIR_XML_PROP_NONE,
                                   &def->domainLocalOnly) < 0)
            return NULL;
    }
    if (virNetworkBandwidthVlanParseXML(root, &def->bandwidth, NULL, false,
                                        &def->vlan) < 0 ||
        virNetworkPortOptionsParseXML(root, &def->isolatedPort) < 0)
        return NULL;
    if (virNetworkDefParseBridge(root, def, &stpGiven) < 0 ||
        virNetworkDefParseMacMtu(root, def) < 0)
        return NULL;
    if ((node = virXMLChild(root, "dns")) &&
        virNetworkDNSDefParseXML(def->name, node, &def->dns) < 0)
        return NULL;
    if ((node = virXMLChild(root, "virtualport")) &&
        !(def->virtPortProfile =
          virNetDevVPortProfileParse(node, VIR_VPORT_XML_REQUIRE_TYPE)))
        return NULL;
    if (virNetworkDefParseLists(root, def) < 0)
        return NULL;
    if ((node = virXMLChild(root, "forward")) &&
        virNetworkForwardDefParseXML(def->name, node, &def->forward) < 0)
        return NULL;
    if (virNetworkDefCheckForwardMode(def, stpGiven) < 0)
        return NULL;

    if ((node = virXMLChild(root, "metadata"))) {
        /* foreign namespaces are kept verbatim */
        virXMLNodeMarkSubtree(node);
        def->metadata = virXMLNodeCopyDetached(node);
    }

    if ((flags & VIR_NETWORK_DEFINE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;

    return g_steal_pointer(&def);
}

virNetworkDef *
virNetworkDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(network_definition)", "network")))
        return NULL;
    return virNetworkDefParseNode(xmlDocGetRootElement(doc), flags);
}

virNetworkDef *
virNetworkDefParseFile(const char *path, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseFileCtxt(VIR_FROM_THIS, path, "network")))
        return NULL;
    return virNetworkDefParseNode(xmlDocGetRootElement(doc), flags);
}

/* ---- Formatting ---- */

static void
virPortGroupDefFormat(virBuffer *buf, const virPortGroupDef *def)
{
    virBufferEscapeString(buf, "<portgroup name='%s'", def->name);
    if (def->isDefault)
        virBufferAddLit(buf, " default='yes'");
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, " trustGuestRxFilters='%s'",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    /* written open even without children, as upstream does */
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNetDevVlanFormat(&def->vlan, buf);
    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    virNetDevBandwidthFormat(def->bandwidth, 0, buf);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</portgroup>\n");
}

static void
virNetworkForwardNatFormat(virBuffer *buf, const virNetworkForwardDef *fwd)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (fwd->natIPv6)
        virBufferAsprintf(&attrBuf, " ipv6='%s'",
                          virTristateBoolTypeToString(fwd->natIPv6));
    if (VIR_SOCKET_ADDR_VALID(&fwd->addr.start)) {
        virNetworkFormatAddr(&childBuf, "<address start='%s'",
                             &fwd->addr.start);
        virNetworkFormatAddr(&childBuf, " end='%s'", &fwd->addr.end);
        virBufferAddLit(&childBuf, "/>\n");
    }
    if (fwd->port.start || fwd->port.end) {
        virBufferAsprintf(&childBuf, "<port start='%u'", fwd->port.start);
        if (fwd->port.end)
            virBufferAsprintf(&childBuf, " end='%u'", fwd->port.end);
        virBufferAddLit(&childBuf, "/>\n");
    }
    virXMLFormatElement(buf, "nat", &attrBuf, &childBuf);
}

static void
virNetworkForwardDefFormat(virBuffer *buf, const virNetworkDef *def,
                           unsigned int flags)
{
    const virNetworkForwardDef *fwd = &def->forward;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    bool inactive = flags & VIR_NETWORK_XML_INACTIVE;
    size_t i;

    if (fwd->type == VIR_NETWORK_FORWARD_NONE)
        return;

    /* the first interface doubles as dev= unless a pf is given */
    if (!fwd->npfs && fwd->nifs &&
        fwd->ifs[0].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
        virBufferEscapeString(&attrBuf, " dev='%s'", fwd->ifs[0].device.dev);
    virBufferAsprintf(&attrBuf, " mode='%s'",
                      virNetworkForwardTypeToString(fwd->type));
    if (fwd->type == VIR_NETWORK_FORWARD_HOSTDEV)
        virBufferAsprintf(&attrBuf, " managed='%s'",
                          fwd->managed ? "yes" : "no");

    if (fwd->driverName != VIR_NETWORK_FORWARD_DRIVER_NAME_DEFAULT)
        virBufferAsprintf(&childBuf, "<driver name='%s'/>\n",
                          virNetworkForwardDriverNameTypeToString(fwd->driverName));
    if (fwd->type == VIR_NETWORK_FORWARD_NAT)
        virNetworkForwardNatFormat(&childBuf, fwd);
    if (fwd->npfs)
        virBufferEscapeString(&childBuf, "<pf dev='%s'/>\n", fwd->pfs[0].dev);
    if (fwd->nifs && (!fwd->npfs || !inactive)) {
        for (i = 0; i < fwd->nifs; i++) {
            const virNetworkForwardIfDef *ifdef = &fwd->ifs[i];

            if (ifdef->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV) {
                virBufferEscapeString(&childBuf, "<interface dev='%s'",
                                      ifdef->device.dev);
                if (!inactive && ifdef->connections > 0)
                    virBufferAsprintf(&childBuf, " connections='%d'",
                                      ifdef->connections);
                virBufferAddLit(&childBuf, "/>\n");
            } else if (ifdef->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI) {
                virPCIDeviceAddressFormat(&childBuf, &ifdef->device.pci, true);
            }
        }
    }
    virXMLFormatElement(buf, "forward", &attrBuf, &childBuf);
}

static void
virNetworkBridgeFormat(virBuffer *buf, const virNetworkDef *def)
{
    /* L3 modes always have a bridge of their own, with stp and delay */
    bool hasbridge = virNetDevBandwidthSupportsFloor(def->forward.type);

    if (!hasbridge && !def->bridge && !def->macTableManager)
        return;
    virBufferAddLit(buf, "<bridge");
    virBufferEscapeString(buf, " name='%s'", def->bridge);
    virBufferEscapeString(buf, " zone='%s'", def->bridgeZone);
    if (hasbridge)
        virBufferAsprintf(buf, " stp='%s' delay='%lu'",
                          def->stp ? "on" : "off", def->delay);
    if (def->macTableManager)
        virBufferAsprintf(buf, " macTableManager='%s'",
                          virNetworkBridgeMACTableManagerTypeToString(
                              def->macTableManager));
    virBufferAddLit(buf, "/>\n");
}

int
virNetworkDefFormatBuf(virBuffer *buf, const virNetworkDef *def,
                       unsigned int flags)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    size_t i;

    virBufferAddLit(buf, "<network");
    if (!(flags & VIR_NETWORK_XML_INACTIVE) && def->connections > 0)
        virBufferAsprintf(buf, " connections='%d'", def->connections);
    if (def->ipv6nogw)
        virBufferAddLit(buf, " ipv6='yes'");
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, " trustGuestRxFilters='%s'",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    virBufferEscapeString(buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->uuid, uuidstr));
    if (def->metadata)
        virXMLFormatNode(buf, def->metadata);

    virNetworkForwardDefFormat(buf, def, flags);
    virNetworkBridgeFormat(buf, def);
    if (def->mtu)
        virBufferAsprintf(buf, "<mtu size='%u'/>\n", def->mtu);
    if (def->mac_specified) {
        char mac[VIR_MAC_STRING_BUFLEN];

        virBufferAsprintf(buf, "<mac address='%s'/>\n",
                          virMacAddrFormat(&def->mac, mac));
    }
    if (def->domain) {
        virBufferEscapeString(buf, "<domain name='%s'", def->domain);
        if (def->domainLocalOnly)
            virBufferAsprintf(buf, " localOnly='%s'",
                              virTristateBoolTypeToString(def->domainLocalOnly));
        virBufferAddLit(buf, "/>\n");
    }
    virNetworkDNSDefFormat(buf, &def->dns);
    virNetDevVlanFormat(&def->vlan, buf);
    virNetDevBandwidthFormat(def->bandwidth, 0, buf);
    virNetworkPortOptionsFormat(def->isolatedPort, buf);
    for (i = 0; i < def->nips; i++)
        virNetworkIPDefFormat(buf, &def->ips[i]);
    for (i = 0; i < def->nroutes; i++)
        virNetDevIPRouteFormat(buf, def->routes[i]);
    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    for (i = 0; i < def->nPortGroups; i++)
        virPortGroupDefFormat(buf, &def->portGroups[i]);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</network>\n");
    return 0;
}

char *
virNetworkDefFormat(const virNetworkDef *def, unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virNetworkDefFormatBuf(&buf, def, flags) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}
