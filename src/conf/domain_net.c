/*
 * domain_net.c: the <interface> device family.
 *
 * The connection type decides what <source> holds and which of
 * <virtualport> and <filterref> are accepted; the rest of the element is
 * common to all types.  A missing MAC address is generated with
 * upstream's 52:54:00 prefix.  The checks upstream makes when validating
 * a definition run at the end of the parse.
 */
#include "domain_net.h"
#include "device_path.h"
#include "domain_hostdev.h"
#include "util/virmacaddr.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainNet, VIR_DOMAIN_NET_TYPE_LAST,
              "user", "ethernet", "vhostuser", "server", "client", "mcast",
              "network", "bridge", "internal", "direct", "hostdev", "udp",
              "vdpa", "null", "vds");

VIR_ENUM_IMPL(virDomainNetModel, VIR_DOMAIN_NET_MODEL_LAST,
              "unknown", "netfront", "rtl8139", "virtio", "e1000", "e1000e",
              "virtio-transitional", "virtio-non-transitional", "usb-net",
              "spapr-vlan", "lan9118", "scm91c111", "vlance", "vmxnet",
              "vmxnet2", "vmxnet3", "Am79C970A", "Am79C973", "82540EM",
              "82545EM", "82543GC");

VIR_ENUM_IMPL(virDomainNetDriver, VIR_DOMAIN_NET_DRIVER_TYPE_LAST,
              "default", "qemu", "vhost");

VIR_ENUM_IMPL(virDomainNetVirtioTxMode, VIR_DOMAIN_NET_VIRTIO_TX_MODE_LAST,
              "default", "iothread", "timer");

VIR_ENUM_IMPL(virDomainNetTeaming, VIR_DOMAIN_NET_TEAMING_TYPE_LAST,
              "none", "persistent", "transient");

VIR_ENUM_IMPL(virDomainNetInterfaceLinkState,
              VIR_DOMAIN_NET_INTERFACE_LINK_STATE_LAST,
              "default", "up", "down");

VIR_ENUM_IMPL(virDomainNetBackend, VIR_DOMAIN_NET_BACKEND_LAST,
              "default", "passt");

VIR_ENUM_IMPL(virDomainNetProto, VIR_DOMAIN_NET_PROTO_LAST,
              "none", "tcp", "udp");

VIR_ENUM_IMPL(virDomainNetMacType, VIR_DOMAIN_NET_MAC_TYPE_LAST,
              "", "generated", "static");

VIR_ENUM_IMPL(virNetDevMacVLanMode, VIR_NETDEV_MACVLAN_MODE_LAST,
              "vepa", "private", "bridge", "passthrough");

/* vhostuser mode=: "" keeps 0 invalid for VIR_XML_PROP_NONZERO. */
typedef enum {
    VIR_DOMAIN_NET_VHOSTUSER_MODE_NONE,
    VIR_DOMAIN_NET_VHOSTUSER_MODE_CLIENT,
    VIR_DOMAIN_NET_VHOSTUSER_MODE_SERVER,
    VIR_DOMAIN_NET_VHOSTUSER_MODE_LAST
} virDomainNetVhostuserMode;
VIR_ENUM_DECL(virDomainNetVhostuserMode);
VIR_ENUM_IMPL(virDomainNetVhostuserMode, VIR_DOMAIN_NET_VHOSTUSER_MODE_LAST,
              "", "client", "server");

#define VIR_DOMAIN_NET_MODEL_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
#define VIR_DOMAIN_NET_FILTER_NAME_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
#define VIR_DOMAIN_NET_FILTER_VALUE_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:"

/* Target names the drivers generate; a config does not keep them. */
static const char *const virDomainNetGeneratedPrefixes[] = {
    "vnet", "macvtap", "macvlan",
};

char *
virDomainNetMacFormat(const unsigned char *mac, char *buf)
{
    g_snprintf(buf, VIR_MAC_STRING_BUFLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
               mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
    return buf;
}

/* Six hex bytes of one or two digits separated by colons. */
static int
virDomainNetMacParse(const char *str, unsigned char *mac)
{
    size_t i;

    for (i = 0; i < VIR_MAC_BUFLEN; i++) {
        char *end;
        unsigned long val;

        if (!g_ascii_isxdigit(*str))
            return -1;
        errno = 0;
        val = strtoul(str, &end, 16);
        if (end - str < 1 || end - str > 2 || errno != 0 || val > 0xff)
            return -1;
        mac[i] = val;
        if (i == 5)
            return *end <= ' ' ? 0 : -1;
        if (*end != ':')
            return -1;
        str = end + 1;
    }
    return -1;
}

static bool
virDomainNetIsVirtioModel(const virDomainNetDef *net)
{
    return net->model == VIR_DOMAIN_NET_MODEL_VIRTIO ||
           net->model == VIR_DOMAIN_NET_MODEL_VIRTIO_TRANSITIONAL ||
           net->model == VIR_DOMAIN_NET_MODEL_VIRTIO_NON_TRANSITIONAL;
}

static const char *
virDomainNetModelString(const virDomainNetDef *net)
{
    if (net->model)
        return virDomainNetModelTypeToString(net->model);
    return net->modelstr;
}

/* Known models match without regard to case (and "unknown" means none);
 * any other name made of safe characters is kept as given. */
static int
virDomainNetSetModel(virDomainNetDef *net, const char *model)
{
    size_t i;

    for (i = 0; i < VIR_DOMAIN_NET_MODEL_LAST; i++) {
        if (g_ascii_strcasecmp(virDomainNetModelTypeToString(i), model) == 0) {
            net->model = i;
            return 0;
        }
    }
    if (strspn(model, VIR_DOMAIN_NET_MODEL_CHARS) < strlen(model)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Model name contains invalid characters");
        return -1;
    }
    net->modelstr = g_strdup(model);
    return 0;
}

static void
virDomainNetIPInfoClear(virDomainNetIPInfo *info)
{
    size_t i;

    for (i = 0; i < info->nips; i++)
        g_free(info->ips[i]);
    g_free(info->ips);
    for (i = 0; i < info->nroutes; i++)
        virNetDevIPRouteFree(info->routes[i]);
    g_free(info->routes);
    memset(info, 0, sizeof(*info));
}

static virDomainNetIPAddr *
virDomainNetIPParseXML(xmlNodePtr node)
{
    g_autofree virDomainNetIPAddr *ip = NULL;
    g_autofree char *address = virXMLPropString(node, "address");
    g_autofree char *familyStr = NULL;
    g_autofree char *prefixStr = NULL;
    g_autofree char *peer = NULL;
    unsigned int prefix = 0;
    int family = AF_UNSPEC;

    if (!address) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing required address in <ip>");
        return NULL;
    }

    familyStr = virXMLPropString(node, "family");
    if (g_strcmp0(familyStr, "ipv4") == 0)
        family = AF_INET;
    else if (g_strcmp0(familyStr, "ipv6") == 0)
        family = AF_INET6;
    else
        family = strchr(address, ':') ? AF_INET6 : AF_INET;

    ip = g_new0(virDomainNetIPAddr, 1);
    if (virSocketAddrParseQuiet(&ip->address, address, family) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid address '%s' in <ip>", address);
        return NULL;
    }

    prefixStr = virXMLPropString(node, "prefix");
    if (prefixStr &&
        (virStrToLong_ui(prefixStr, NULL, 10, &prefix) < 0 ||
         (family == AF_INET6 && prefix > 128) ||
         (family == AF_INET && prefix > 32))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid prefix value '%s' in <ip>", prefixStr);
        return NULL;
    }
    ip->prefix = prefix;

    if ((peer = virXMLPropString(node, "peer")) &&
        virSocketAddrParseQuiet(&ip->peer, peer, family) < 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid peer '%s' in <ip>", peer);
        return NULL;
    }

    return g_steal_pointer(&ip);
}

/* The <ip> and <route> children of node; what names the side in the
 * messages of routes. */
static int
virDomainNetIPInfoParseXML(const char *what, xmlNodePtr node,
                           virDomainNetIPInfo *info)
{
    g_autofree xmlNodePtr *ipNodes = NULL;
    g_autofree xmlNodePtr *routeNodes = NULL;
    size_t nips = virXMLChildren(node, "ip", &ipNodes);
    size_t nroutes = virXMLChildren(node, "route", &routeNodes);
    size_t i;

    info->ips = g_new0(virDomainNetIPAddr *, nips);
    for (i = 0; i < nips; i++) {
        if (!(info->ips[info->nips] = virDomainNetIPParseXML(ipNodes[i])))
            return -1;
        info->nips++;
    }

    info->routes = g_new0(virNetDevIPRoute *, nroutes);
    for (i = 0; i < nroutes; i++) {
        if (!(info->routes[info->nroutes] =
              virNetDevIPRouteParseXML(what, routeNodes[i])))
            return -1;
        info->nroutes++;
    }
    return 0;
}

static int
virDomainNetRequireSource(const virDomainNetDef *net, xmlNodePtr source)
{
    if (!source) {
        virReportError(VIR_ERR_XML_ERROR,
                       "interface type='%s' requires a 'source' element",
                       virDomainNetTypeToString(net->type));
        return -1;
    }
    return 0;
}

static int
virDomainNetSocketSourceParseXML(virDomainNetDef *net, xmlNodePtr source)
{
    xmlNodePtr local;

    if (net->type == VIR_DOMAIN_NET_TYPE_SERVER)
        net->sockAddress = virXMLPropString(source, "address");
    else if (!(net->sockAddress = virXMLPropStringRequired(source, "address")))
        return -1;

    if (virXMLPropInt(source, "port", 10, VIR_XML_PROP_REQUIRED,
                      &net->sockPort) < 0)
        return -1;

    if (net->type != VIR_DOMAIN_NET_TYPE_UDP)
        return 0;

    if (!(local = virXMLChild(source, "local"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'<local>' element missing for 'udp' socket interface");
        return -1;
    }
    if (!(net->localAddress = virXMLPropStringRequired(local, "address")) ||
        virXMLPropInt(local, "port", 10, VIR_XML_PROP_REQUIRED,
                      &net->localPort) < 0)
        return -1;
    return 0;
}

static int
virDomainNetVhostuserSourceParseXML(virDomainNetDef *net, xmlNodePtr source)
{
    g_autofree char *type = virXMLPropStringRequired(source, "type");
    xmlNodePtr reconnect;
    int mode;

    if (!type)
        return -1;
    if (STRNEQ(type, "unix")) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Type='%s' unsupported for <interface type='vhostuser'>",
                       type);
        return -1;
    }
    if (!(net->vhostuserPath = virXMLPropStringRequired(source, "path")))
        return -1;
    if (virXMLPropEnum(source, "mode", virDomainNetVhostuserModeTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &mode) < 0)
        return -1;
    net->vhostuserServer = mode == VIR_DOMAIN_NET_VHOSTUSER_MODE_SERVER;

    if ((reconnect = virXMLChild(source, "reconnect"))) {
        if (virXMLPropTristateBool(reconnect, "enabled", VIR_XML_PROP_NONE,
                                   &net->reconnect) < 0)
            return -1;
        if (net->reconnect == VIR_TRISTATE_BOOL_YES &&
            virXMLPropUInt(reconnect, "timeout", 10, VIR_XML_PROP_REQUIRED,
                           &net->reconnectTimeout) < 0)
            return -1;
    }
    return 0;
}

/* A hostdev interface: the source kind is the type= of <source><address>,
 * or usb when there is a <vendor>; the rest is hostdev's own subsystem
 * parser, reading managed= and friends off the <interface> element. */
static int
virDomainNetHostdevSourceParseXML(virDomainNetDef *net, xmlNodePtr node,
                                  xmlNodePtr source)
{
    xmlNodePtr address = source ? virXMLChild(source, "address") : NULL;
    g_autofree char *addrtype = address ? virXMLPropString(address, "type")
                                        : NULL;

    if (!addrtype && source && virXMLChildCount(source, "vendor") > 0)
        addrtype = g_strdup("usb");

    net->hostdev = g_new0(virDomainHostdevDef, 1);
    net->hostdev->mode = VIR_DOMAIN_HOSTDEV_MODE_SUBSYS;
    return virDomainHostdevSubsysParseXML(node, addrtype, net->hostdev);
}

/* <source> by type; *vportFlags and *filterref say what else the type
 * accepts. */
static int
virDomainNetSourceParseXML(virDomainNetDef *net, xmlNodePtr node,
                           xmlNodePtr source, unsigned int flags,
                           unsigned int *vportFlags, bool *filterref)
{
    const unsigned int strictVport = VIR_VPORT_XML_GENERATE_MISSING_DEFAULTS |
                                     VIR_VPORT_XML_REQUIRE_ALL_ATTRIBUTES |
                                     VIR_VPORT_XML_REQUIRE_TYPE;

    switch (net->type) {
    case VIR_DOMAIN_NET_TYPE_NETWORK:
        if (virDomainNetRequireSource(net, source) < 0 ||
            !(net->network = virXMLPropStringRequired(source, "network")))
            return -1;
        net->portgroup = virXMLPropString(source, "portgroup");
        /* The port is allocated when the guest runs. */
        if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE)) {
            int rc = virXMLPropUUID(source, "portid", VIR_XML_PROP_NONE,
                                    net->portid);

            if (rc < 0)
                return -1;
            net->hasPortid = rc > 0;
        }
        *vportFlags = VIR_VPORT_XML_GENERATE_MISSING_DEFAULTS;
        *filterref = true;
        break;

    case VIR_DOMAIN_NET_TYPE_VDS:
        if (virDomainNetRequireSource(net, source) < 0 ||
            virXMLPropUUID(source, "switchid", VIR_XML_PROP_REQUIRED,
                           net->vdsSwitchId) < 0 ||
            virXMLPropLongLong(source, "portid", 0, VIR_XML_PROP_REQUIRED,
                               &net->vdsPortId) < 0 ||
            !(net->vdsPortgroupId = virXMLPropStringRequired(source,
                                                             "portgroupid")) ||
            virXMLPropLongLong(source, "connectionid", 0,
                               VIR_XML_PROP_REQUIRED,
                               &net->vdsConnectionId) < 0)
            return -1;
        break;

    case VIR_DOMAIN_NET_TYPE_INTERNAL:
        if (virDomainNetRequireSource(net, source) < 0 ||
            !(net->internalName = virXMLPropStringRequired(source, "name")))
            return -1;
        break;

    case VIR_DOMAIN_NET_TYPE_BRIDGE:
        if (virDomainNetRequireSource(net, source) < 0 ||
            !(net->brname = virXMLPropStringRequired(source, "bridge")))
            return -1;
        *vportFlags = strictVport;
        *filterref = true;
        break;

    case VIR_DOMAIN_NET_TYPE_DIRECT:
        if (virDomainNetRequireSource(net, source) < 0 ||
            !(net->linkdev = virXMLPropStringRequired(source, "dev")) ||
            virXMLPropEnumDefault(source, "mode",
                                  virNetDevMacVLanModeTypeFromString,
                                  VIR_XML_PROP_NONE, (int *)&net->directMode,
                                  VIR_NETDEV_MACVLAN_MODE_VEPA) < 0)
            return -1;
        *vportFlags = strictVport;
        break;

    case VIR_DOMAIN_NET_TYPE_ETHERNET:
        *filterref = true;
        break;

    case VIR_DOMAIN_NET_TYPE_VHOSTUSER:
        if (virDomainNetRequireSource(net, source) < 0 ||
            virDomainNetVhostuserSourceParseXML(net, source) < 0)
            return -1;
        break;

    case VIR_DOMAIN_NET_TYPE_VDPA:
        if (virDomainNetRequireSource(net, source) < 0 ||
            !(net->vdpaDev = virXMLPropStringRequired(source, "dev")))
            return -1;
        break;

    case VIR_DOMAIN_NET_TYPE_CLIENT:
    case VIR_DOMAIN_NET_TYPE_SERVER:
    case VIR_DOMAIN_NET_TYPE_MCAST:
    case VIR_DOMAIN_NET_TYPE_UDP:
        if (virDomainNetRequireSource(net, source) < 0 ||
            virDomainNetSocketSourceParseXML(net, source) < 0)
            return -1;
        break;

    case VIR_DOMAIN_NET_TYPE_HOSTDEV:
        if (virDomainNetHostdevSourceParseXML(net, node, source) < 0)
            return -1;
        *vportFlags = strictVport;
        break;

    case VIR_DOMAIN_NET_TYPE_USER:
        if (source)
            net->sourceDev = virXMLPropString(source, "dev");
        break;

    case VIR_DOMAIN_NET_TYPE_NULL:
    case VIR_DOMAIN_NET_TYPE_LAST:
        break;
    }
    return 0;
}

static int
virDomainNetFilterrefParseXML(virDomainNetDef *net, xmlNodePtr filterref)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n;
    size_t i;

    net->filter = virXMLPropString(filterref, "filter");
    n = virXMLChildren(filterref, "parameter", &nodes);
    net->filterParams = g_new0(virDomainNetFilterParam, n);
    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLPropString(nodes[i], "name");
        g_autofree char *value = virXMLPropString(nodes[i], "value");
        virDomainNetFilterParam *param;

        /* Upstream skips malformed parameters silently. */
        if (!name || name[strspn(name, VIR_DOMAIN_NET_FILTER_NAME_CHARS)] ||
            !value || !value[0] ||
            value[strspn(value, VIR_DOMAIN_NET_FILTER_VALUE_CHARS)])
            continue;
        param = &net->filterParams[net->nfilterParams++];
        param->name = g_steal_pointer(&name);
        param->value = g_steal_pointer(&value);
    }
    return 0;
}

static int
virDomainNetMacParseXML(virDomainNetDef *net, xmlNodePtr node)
{
    xmlNodePtr mac = virXMLChild(node, "mac");
    g_autofree char *address = NULL;

    if (mac) {
        if ((address = virXMLPropString(mac, "address"))) {
            if (virDomainNetMacParse(address, net->mac) < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "unable to parse mac address '%s'", address);
                return -1;
            }
            if (net->mac[0] & 1) {
                virReportError(VIR_ERR_XML_ERROR,
                               "expected unicast mac address, found "
                               "multicast '%s'", address);
                return -1;
            }
        }
        if (virXMLPropEnum(mac, "type", virDomainNetMacTypeTypeFromString,
                           VIR_XML_PROP_NONZERO, (int *)&net->macType) < 0 ||
            virXMLPropTristateBool(mac, "check", VIR_XML_PROP_NONE,
                                   &net->macCheck) < 0)
            return -1;
    }

    if (!address) {
        guint32 r = g_random_int();

        net->mac[0] = 0x52;
        net->mac[1] = 0x54;
        net->mac[2] = 0x00;
        net->mac[3] = r & 0xff;
        net->mac[4] = (r >> 8) & 0xff;
        net->mac[5] = (r >> 16) & 0xff;
        net->macGenerated = true;
    }
    return 0;
}

static int
virDomainNetOffloadsParseXML(xmlNodePtr node, bool host,
                             virDomainNetOffloads *off)
{
    if (!node)
        return 0;
    if (virXMLPropTristateSwitch(node, "csum", VIR_XML_PROP_NONE,
                                 &off->csum) < 0 ||
        (host && virXMLPropTristateSwitch(node, "gso", VIR_XML_PROP_NONE,
                                          &off->gso) < 0) ||
        virXMLPropTristateSwitch(node, "tso4", VIR_XML_PROP_NONE,
                                 &off->tso4) < 0 ||
        virXMLPropTristateSwitch(node, "tso6", VIR_XML_PROP_NONE,
                                 &off->tso6) < 0 ||
        virXMLPropTristateSwitch(node, "ecn", VIR_XML_PROP_NONE,
                                 &off->ecn) < 0 ||
        virXMLPropTristateSwitch(node, "ufo", VIR_XML_PROP_NONE,
                                 &off->ufo) < 0 ||
        (host && virXMLPropTristateSwitch(node, "mrg_rxbuf",
                                          VIR_XML_PROP_NONE,
                                          &off->mrg_rxbuf) < 0))
        return -1;
    return 0;
}

/* <driver>: the virtio options for every model, the rest only for virtio
 * models (a hostdev's driver name= is read with its source). */
static int
virDomainNetDriverParseXML(virDomainNetDef *net, xmlNodePtr driver)
{
    if (!driver)
        return 0;
    if (virDomainVirtioOptionsParseXML(driver, &net->virtio) < 0)
        return -1;
    if (net->type == VIR_DOMAIN_NET_TYPE_HOSTDEV ||
        !virDomainNetIsVirtioModel(net))
        return 0;

    if (virXMLPropEnum(driver, "name", virDomainNetDriverTypeFromString,
                       VIR_XML_PROP_NONZERO, (int *)&net->driverName) < 0 ||
        virXMLPropEnum(driver, "txmode",
                       virDomainNetVirtioTxModeTypeFromString,
                       VIR_XML_PROP_NONZERO, (int *)&net->txmode) < 0 ||
        virXMLPropTristateSwitch(driver, "ioeventfd", VIR_XML_PROP_NONE,
                                 &net->ioeventfd) < 0 ||
        virXMLPropTristateSwitch(driver, "event_idx", VIR_XML_PROP_NONE,
                                 &net->eventIdx) < 0 ||
        virXMLPropUInt(driver, "queues", 10, VIR_XML_PROP_NONE,
                       &net->queues) < 0)
        return -1;

    /* One queue is what every interface has anyway. */
    if (net->queues == 1)
        net->queues = 0;

    if (virXMLPropUInt(driver, "rx_queue_size", 10, VIR_XML_PROP_NONE,
                       &net->rxQueueSize) < 0 ||
        virXMLPropUInt(driver, "tx_queue_size", 10, VIR_XML_PROP_NONE,
                       &net->txQueueSize) < 0 ||
        virXMLPropTristateSwitch(driver, "rss", VIR_XML_PROP_NONE,
                                 &net->rss) < 0 ||
        virXMLPropTristateSwitch(driver, "rss_hash_report", VIR_XML_PROP_NONE,
                                 &net->rssHashReport) < 0 ||
        virDomainNetOffloadsParseXML(virXMLChild(driver, "host"), true,
                                     &net->host) < 0 ||
        virDomainNetOffloadsParseXML(virXMLChild(driver, "guest"), false,
                                     &net->guest) < 0)
        return -1;
    return 0;
}

static int
virDomainNetBackendParseXML(virDomainNetDef *net, xmlNodePtr backend)
{
    g_autofree char *tap = NULL;
    g_autofree char *vhost = NULL;

    if (!backend)
        return 0;
    tap = virXMLPropString(backend, "tap");
    vhost = virXMLPropString(backend, "vhost");

    if (virXMLPropEnum(backend, "type", virDomainNetBackendTypeFromString,
                       VIR_XML_PROP_NONZERO, (int *)&net->backendType) < 0)
        return -1;
    /* The installed release rejects passt in this element. */
    if (net->backendType == VIR_DOMAIN_NET_BACKEND_PASST) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': "
                       "'%s'.", "type", "backend", "passt");
        return -1;
    }
    net->backendLogFile = virXMLPropString(backend, "logFile");
    if (tap)
        net->backendTap = virDevicePathSanitize(tap);
    if (vhost && net->type != VIR_DOMAIN_NET_TYPE_HOSTDEV &&
        virDomainNetIsVirtioModel(net))
        net->backendVhost = virDevicePathSanitize(vhost);
    return 0;
}

static int
virDomainNetPortForwardParseXML(xmlNodePtr node, virDomainNetPortForward *pf)
{
    g_autofree xmlNodePtr *ranges = NULL;
    g_autofree char *address = NULL;
    size_t n;
    size_t i;

    if (virXMLPropEnum(node, "proto", virDomainNetProtoTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       (int *)&pf->proto) < 0)
        return -1;

    if ((address = virXMLPropString(node, "address")) &&
        virSocketAddrParseQuiet(&pf->address, address, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid address '%s' in <portForward>", address);
        return -1;
    }
    pf->dev = virXMLPropString(node, "dev");

    n = virXMLChildren(node, "range", &ranges);
    pf->ranges = g_new0(virDomainNetPortForwardRange, n);
    for (i = 0; i < n; i++) {
        virDomainNetPortForwardRange *range = &pf->ranges[i];

        if (virXMLPropUInt(ranges[i], "start", 10, VIR_XML_PROP_NONZERO,
                           &range->start) < 0 ||
            virXMLPropUInt(ranges[i], "end", 10, VIR_XML_PROP_NONZERO,
                           &range->end) < 0 ||
            virXMLPropUInt(ranges[i], "to", 10, VIR_XML_PROP_NONZERO,
                           &range->to) < 0 ||
            virXMLPropTristateBool(ranges[i], "exclude", VIR_XML_PROP_NONE,
                                   &range->exclude) < 0)
            return -1;
        pf->nRanges++;
    }
    return 0;
}

static int
virDomainNetPortForwardsParseXML(virDomainNetDef *net, xmlNodePtr node)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "portForward", &nodes);
    size_t i;

    net->portForwards = g_new0(virDomainNetPortForward *, n);
    for (i = 0; i < n; i++) {
        net->portForwards[i] = g_new0(virDomainNetPortForward, 1);
        net->nPortForwards++;
        if (virDomainNetPortForwardParseXML(nodes[i],
                                            net->portForwards[i]) < 0)
            return -1;
    }
    return 0;
}

/* The attribute named attr of the child element named child, or NULL. */
static char *
virDomainNetChildProp(xmlNodePtr node, const char *child, const char *attr)
{
    xmlNodePtr cur = virXMLChild(node, child);

    return cur ? virXMLPropString(cur, attr) : NULL;
}

/* <link>, <teaming>, <tune>, <mtu>, <coalesce> and <port>. */
static int
virDomainNetTuningParseXML(virDomainNetDef *net, xmlNodePtr node)
{
    g_autofree char *linkstate = virDomainNetChildProp(node, "link", "state");
    xmlNodePtr teaming = virXMLChild(node, "teaming");
    xmlNodePtr tune = virXMLChild(node, "tune");
    xmlNodePtr coalesce = virXMLChild(node, "coalesce");
    xmlNodePtr port = virXMLChild(node, "port");
    g_autofree char *mtu = virDomainNetChildProp(node, "mtu", "size");

    if (linkstate && linkstate[0]) {
        int state = virDomainNetInterfaceLinkStateTypeFromString(linkstate);

        if (state <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown interface link state '%s'", linkstate);
            return -1;
        }
        net->linkstate = state;
    }

    if (teaming) {
        g_autofree char *type = virXMLPropString(teaming, "type");
        g_autofree char *persistent = virXMLPropString(teaming, "persistent");

        if (type || persistent) {
            int val = type ? virDomainNetTeamingTypeFromString(type) : -1;

            if (val <= 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown teaming type '%s'", NULLSTR(type));
                return -1;
            }
            net->teaming = val;
            net->teamingPersistent = g_steal_pointer(&persistent);
        }
    }

    if (tune) {
        g_autofree char *sndbuf = virXMLChildContent(tune, "sndbuf");

        if (sndbuf) {
            if (virStrToLong_ull(sndbuf, NULL, 10, &net->sndbuf) < 0) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "sndbuf must be a positive integer");
                return -1;
            }
            net->sndbufSpecified = true;
        }
    }

    if (mtu && mtu[0] && virStrToLong_ui(mtu, NULL, 10, &net->mtu) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed mtu size");
        return -1;
    }

    if (coalesce) {
        xmlNodePtr rx = virXMLChild(coalesce, "rx");
        g_autofree char *max = rx ? virDomainNetChildProp(rx, "frames", "max")
                                  : NULL;
        unsigned long long val;

        if (max) {
            if (virStrToLong_ullp(max, NULL, 10, &val) < 0) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "cannot parse value '%s' for coalesce "
                               "parameter", max);
                return -1;
            }
            if (val > UINT32_MAX) {
                virReportError(VIR_ERR_OVERFLOW,
                               "value '%llu' is too big for coalesce "
                               "parameter, maximum is '%lu'",
                               val, (unsigned long)UINT32_MAX);
                return -1;
            }
            net->coalesceRxFrames = val;
        }
    }

    if (port &&
        virXMLPropTristateBool(port, "isolated", VIR_XML_PROP_NONE,
                               &net->isolatedPort) < 0)
        return -1;
    return 0;
}

static bool
virDomainNetIfnameIsGenerated(const char *ifname)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(virDomainNetGeneratedPrefixes); i++) {
        if (g_str_has_prefix(ifname, virDomainNetGeneratedPrefixes[i]))
            return true;
    }
    return false;
}

/* The checks upstream runs when validating a definition. */
static int
virDomainNetDefValidate(const virDomainNetDef *net)
{
    char macstr[VIR_MAC_STRING_BUFLEN];
    const char *type = virDomainNetTypeToString(net->type);

    virDomainNetMacFormat(net->mac, macstr);

    if ((net->hostIP.nroutes || net->hostIP.nips) &&
        net->type != VIR_DOMAIN_NET_TYPE_ETHERNET) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid attempt to set network interface host-side "
                       "IP route and/or address info on interface of type "
                       "'%s'. This is only supported on interfaces of type "
                       "'ethernet'", type);
        return -1;
    }
    if (net->managedTap == VIR_TRISTATE_BOOL_NO &&
        net->type != VIR_DOMAIN_NET_TYPE_ETHERNET) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unmanaged target dev is not supported on interfaces "
                       "of type '%s'", type);
        return -1;
    }

    if (net->teaming == VIR_DOMAIN_NET_TEAMING_TYPE_TRANSIENT &&
        !net->teamingPersistent) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "teaming persistent attribute must be set if teaming "
                       "type is 'transient'");
        return -1;
    }
    if (net->teaming != VIR_DOMAIN_NET_TEAMING_TYPE_TRANSIENT &&
        net->teamingPersistent) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "teaming persistent attribute not allowed if teaming "
                       "type is '%s'",
                       virDomainNetTeamingTypeToString(net->teaming));
        return -1;
    }

    if (net->isolatedPort == VIR_TRISTATE_BOOL_YES) {
        const virNetDevVPortProfile *vport = net->virtPortProfile;

        if (net->type != VIR_DOMAIN_NET_TYPE_NETWORK &&
            net->type != VIR_DOMAIN_NET_TYPE_BRIDGE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "interface %s - <port isolated='yes'/> is not "
                           "supported for network interfaces with type='%s'",
                           macstr, type);
            return -1;
        }
        if (vport && vport->virtPortType != VIR_NETDEV_VPORT_PROFILE_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "interface %s - <port isolated='yes'/> is not "
                           "supported for network interfaces with "
                           "virtualport type='%s'", macstr,
                           virNetDevVPortTypeToString(vport->virtPortType));
            return -1;
        }
    }

    if (!virDomainNetIsVirtioModel(net) &&
        virDomainVirtioOptionsCheckAbsent(&net->virtio) < 0)
        return -1;

    if (net->type == VIR_DOMAIN_NET_TYPE_VHOSTUSER) {
        if (!virDomainNetIsVirtioModel(net)) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Wrong or no <model> 'type' attribute specified "
                           "with <interface type='vhostuser'/>. vhostuser "
                           "requires the virtio-net* frontend");
            return -1;
        }
        if (net->vhostuserServer && net->reconnect == VIR_TRISTATE_BOOL_YES) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "'reconnect' attribute unsupported 'server' mode "
                           "for <interface type='vhostuser'>");
            return -1;
        }
    }
    return 0;
}

virDomainNetDef *
virDomainNetDefParseXML(xmlNodePtr node,
                        virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    g_autoptr(virDomainNetDef) net = g_new0(virDomainNetDef, 1);
    g_autofree char *model = NULL;
    xmlNodePtr source;
    xmlNodePtr cur;
    unsigned int vportFlags = 0;
    bool filterref = false;

    if (virXMLPropEnumDefault(node, "type", virDomainNetTypeFromString,
                              VIR_XML_PROP_NONE, (int *)&net->type,
                              VIR_DOMAIN_NET_TYPE_USER) < 0 ||
        virXMLPropTristateBool(node, "trustGuestRxFilters", VIR_XML_PROP_NONE,
                               &net->trustGuestRxFilters) < 0)
        return NULL;

    if ((model = virDomainNetChildProp(node, "model", "type")) &&
        virDomainNetSetModel(net, model) < 0)
        return NULL;

    if ((source = virXMLChild(node, "source")) &&
        virDomainNetIPInfoParseXML("interface host IP", source,
                                   &net->hostIP) < 0)
        return NULL;

    if (virDomainNetSourceParseXML(net, node, source, flags, &vportFlags,
                                   &filterref) < 0)
        return NULL;

    if ((cur = virXMLChild(node, "virtualport"))) {
        if (vportFlags == 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "<virtualport> element unsupported for "
                           "<interface type='%s'>",
                           virDomainNetTypeToString(net->type));
            return NULL;
        }
        if (!(net->virtPortProfile = virNetDevVPortProfileParse(cur,
                                                                vportFlags)))
            return NULL;
    }

    if ((cur = virXMLChild(node, "target"))) {
        net->ifname = virXMLPropString(cur, "dev");
        if (virXMLPropTristateBool(cur, "managed", VIR_XML_PROP_NONE,
                                   &net->managedTap) < 0)
            return NULL;
    }
    if ((cur = virXMLChild(node, "guest"))) {
        net->ifnameGuest = virXMLPropString(cur, "dev");
        net->ifnameGuestActual = virXMLPropString(cur, "actual");
    }
    net->script = virDomainNetChildProp(node, "script", "path");
    net->downscript = virDomainNetChildProp(node, "downscript", "path");
    net->domainName = virDomainNetChildProp(node, "backenddomain", "name");

    if (filterref && (cur = virXMLChild(node, "filterref")) &&
        virDomainNetFilterrefParseXML(net, cur) < 0)
        return NULL;

    if ((cur = virXMLChild(node, "bandwidth")) &&
        virNetDevBandwidthParse(&net->bandwidth, NULL, cur,
                                net->type == VIR_DOMAIN_NET_TYPE_NETWORK) < 0)
        return NULL;

    if ((cur = virXMLChild(node, "vlan")) &&
        virNetDevVlanParse(cur, &net->vlan) < 0)
        return NULL;

    if (virDomainNetMacParseXML(net, node) < 0)
        return NULL;

    if (virDomainDeviceInfoParseXML(node, &net->info,
                                    flags | VIR_DOMAIN_DEVICE_INFO_BOOT |
                                    VIR_DOMAIN_DEVICE_INFO_ROM) < 0)
        return NULL;

    if (virDomainNetIPInfoParseXML("guest interface", node,
                                   &net->guestIP) < 0 ||
        virDomainNetPortForwardsParseXML(net, node) < 0)
        return NULL;

    /* A config does not keep a target name the driver generated. */
    if (net->managedTap != VIR_TRISTATE_BOOL_NO && net->ifname &&
        (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
        virDomainNetIfnameIsGenerated(net->ifname))
        g_clear_pointer(&net->ifname, g_free);

    if (virDomainNetDriverParseXML(net, virXMLChild(node, "driver")) < 0 ||
        virDomainNetBackendParseXML(net, virXMLChild(node, "backend")) < 0 ||
        virDomainNetTuningParseXML(net, node) < 0)
        return NULL;

    if (virDomainNetDefValidate(net) < 0)
        return NULL;

    return g_steal_pointer(&net);
}

static void
virDomainNetIPInfoFormat(virBuffer *buf, const virDomainNetIPInfo *info)
{
    size_t i;

    for (i = 0; i < info->nips; i++) {
        const virDomainNetIPAddr *ip = info->ips[i];
        g_autofree char *addr = virSocketAddrFormat(&ip->address);

        virBufferAsprintf(buf, "<ip address='%s'", NULLSTR_EMPTY(addr));
        if (VIR_SOCKET_ADDR_IS_FAMILY(&ip->address, AF_INET6))
            virBufferAddLit(buf, " family='ipv6'");
        else if (VIR_SOCKET_ADDR_IS_FAMILY(&ip->address, AF_INET))
            virBufferAddLit(buf, " family='ipv4'");
        if (ip->prefix)
            virBufferAsprintf(buf, " prefix='%u'", ip->prefix);
        if (VIR_SOCKET_ADDR_VALID(&ip->peer)) {
            g_autofree char *peer = virSocketAddrFormat(&ip->peer);

            virBufferAsprintf(buf, " peer='%s'", NULLSTR_EMPTY(peer));
        }
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < info->nroutes; i++)
        virNetDevIPRouteFormat(buf, info->routes[i]);
}

/* <source> by type, with the host-side IP info inside. */
static void
virDomainNetSourceFormat(virBuffer *buf, const virDomainNetDef *net,
                         unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    switch (net->type) {
    case VIR_DOMAIN_NET_TYPE_NETWORK:
        virBufferEscapeString(&attrBuf, " network='%s'", net->network);
        virBufferEscapeString(&attrBuf, " portgroup='%s'", net->portgroup);
        if (net->hasPortid && !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
            virBufferAsprintf(&attrBuf, " portid='%s'",
                              virUUIDFormat(net->portid, uuidstr));
        break;
    case VIR_DOMAIN_NET_TYPE_VHOSTUSER:
        virBufferAddLit(&attrBuf, " type='unix'");
        virBufferEscapeString(&attrBuf, " path='%s'", net->vhostuserPath);
        virBufferAsprintf(&attrBuf, " mode='%s'",
                          net->vhostuserServer ? "server" : "client");
        if (net->reconnect) {
            virBufferAsprintf(&childBuf, "<reconnect enabled='%s'",
                              virTristateBoolTypeToString(net->reconnect));
            if (net->reconnect == VIR_TRISTATE_BOOL_YES)
                virBufferAsprintf(&childBuf, " timeout='%u'",
                                  net->reconnectTimeout);
            virBufferAddLit(&childBuf, "/>\n");
        }
        break;
    case VIR_DOMAIN_NET_TYPE_BRIDGE:
        virBufferEscapeString(&attrBuf, " bridge='%s'", net->brname);
        break;
    case VIR_DOMAIN_NET_TYPE_SERVER:
    case VIR_DOMAIN_NET_TYPE_CLIENT:
    case VIR_DOMAIN_NET_TYPE_MCAST:
    case VIR_DOMAIN_NET_TYPE_UDP:
        virBufferEscapeString(&attrBuf, " address='%s'", net->sockAddress);
        virBufferAsprintf(&attrBuf, " port='%d'", net->sockPort);
        if (net->type == VIR_DOMAIN_NET_TYPE_UDP) {
            virBufferEscapeString(&childBuf, "<local address='%s'",
                                  net->localAddress);
            virBufferAsprintf(&childBuf, " port='%d'/>\n", net->localPort);
        }
        break;
    case VIR_DOMAIN_NET_TYPE_INTERNAL:
        virBufferEscapeString(&attrBuf, " name='%s'", net->internalName);
        break;
    case VIR_DOMAIN_NET_TYPE_DIRECT:
        virBufferEscapeString(&attrBuf, " dev='%s'", net->linkdev);
        virBufferAsprintf(&attrBuf, " mode='%s'",
                          virNetDevMacVLanModeTypeToString(net->directMode));
        break;
    case VIR_DOMAIN_NET_TYPE_VDPA:
        virBufferEscapeString(&attrBuf, " dev='%s'", net->vdpaDev);
        break;
    case VIR_DOMAIN_NET_TYPE_VDS:
        virBufferAsprintf(&attrBuf, " switchid='%s'",
                          virUUIDFormat(net->vdsSwitchId, uuidstr));
        virBufferAsprintf(&attrBuf, " portid='%lld'", net->vdsPortId);
        virBufferEscapeString(&attrBuf, " portgroupid='%s'",
                              net->vdsPortgroupId);
        virBufferAsprintf(&attrBuf, " connectionid='%lld'",
                          net->vdsConnectionId);
        break;
    case VIR_DOMAIN_NET_TYPE_HOSTDEV:
        virDomainHostdevSubsysFormat(buf, net->hostdev, flags, true);
        return;
    case VIR_DOMAIN_NET_TYPE_ETHERNET:
    case VIR_DOMAIN_NET_TYPE_USER:
    case VIR_DOMAIN_NET_TYPE_NULL:
    case VIR_DOMAIN_NET_TYPE_LAST:
        /* A user interface shows its source dev only with passt. */
        break;
    }

    virDomainNetIPInfoFormat(&childBuf, &net->hostIP);
    virXMLFormatElement(buf, "source", &attrBuf, &childBuf);
}

static void
virDomainNetOffloadsFormat(virBuffer *attrBuf, const virDomainNetOffloads *off)
{
    const struct {
        const char *name;
        virTristateSwitch value;
    } opts[] = {
        { "csum", off->csum }, { "gso", off->gso }, { "tso4", off->tso4 },
        { "tso6", off->tso6 }, { "ecn", off->ecn }, { "ufo", off->ufo },
        { "mrg_rxbuf", off->mrg_rxbuf },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(opts); i++) {
        if (opts[i].value)
            virBufferAsprintf(attrBuf, " %s='%s'", opts[i].name,
                              virTristateSwitchTypeToString(opts[i].value));
    }
}

static void
virDomainNetDriverFormat(virBuffer *buf, const virDomainNetDef *net)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) hostBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) guestBuf = VIR_BUFFER_INITIALIZER;

    if (net->driverName)
        virBufferAsprintf(&attrBuf, " name='%s'",
                          virDomainNetDriverTypeToString(net->driverName));
    if (net->txmode)
        virBufferAsprintf(&attrBuf, " txmode='%s'",
                          virDomainNetVirtioTxModeTypeToString(net->txmode));
    virDomainTristateSwitchAttrFormat(&attrBuf, "ioeventfd", net->ioeventfd);
    virDomainTristateSwitchAttrFormat(&attrBuf, "event_idx", net->eventIdx);
    if (net->queues)
        virBufferAsprintf(&attrBuf, " queues='%u'", net->queues);
    if (net->rxQueueSize)
        virBufferAsprintf(&attrBuf, " rx_queue_size='%u'", net->rxQueueSize);
    if (net->txQueueSize)
        virBufferAsprintf(&attrBuf, " tx_queue_size='%u'", net->txQueueSize);
    virDomainTristateSwitchAttrFormat(&attrBuf, "rss", net->rss);
    virDomainTristateSwitchAttrFormat(&attrBuf, "rss_hash_report",
                                      net->rssHashReport);
    virDomainVirtioOptionsFormat(&attrBuf, &net->virtio);

    virDomainNetOffloadsFormat(&hostBuf, &net->host);
    virDomainNetOffloadsFormat(&guestBuf, &net->guest);
    virXMLFormatElement(&childBuf, "host", &hostBuf, NULL);
    virXMLFormatElement(&childBuf, "guest", &guestBuf, NULL);
    virXMLFormatElement(buf, "driver", &attrBuf, &childBuf);
}

static void
virDomainNetPortForwardsFormat(virBuffer *buf, const virDomainNetDef *net)
{
    size_t i;
    size_t j;

    for (i = 0; i < net->nPortForwards; i++) {
        const virDomainNetPortForward *pf = net->portForwards[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

        virBufferAsprintf(&attrBuf, " proto='%s'",
                          virDomainNetProtoTypeToString(pf->proto));
        if (VIR_SOCKET_ADDR_VALID(&pf->address)) {
            g_autofree char *addr = virSocketAddrFormat(&pf->address);

            virBufferAsprintf(&attrBuf, " address='%s'", NULLSTR_EMPTY(addr));
        }
        virBufferEscapeString(&attrBuf, " dev='%s'", pf->dev);

        for (j = 0; j < pf->nRanges; j++) {
            const virDomainNetPortForwardRange *range = &pf->ranges[j];
            g_auto(virBuffer) rangeBuf = VIR_BUFFER_INITIALIZER;

            if (range->start) {
                virBufferAsprintf(&rangeBuf, " start='%u'", range->start);
                if (range->end)
                    virBufferAsprintf(&rangeBuf, " end='%u'", range->end);
                if (range->to)
                    virBufferAsprintf(&rangeBuf, " to='%u'", range->to);
            }
            virDomainTristateBoolAttrFormat(&rangeBuf, "exclude",
                                            range->exclude);
            virXMLFormatElement(&childBuf, "range", &rangeBuf, NULL);
        }
        virXMLFormatElementEmpty(buf, "portForward", &attrBuf, &childBuf);
    }
}

static gint
virDomainNetFilterParamCompare(gconstpointer a, gconstpointer b)
{
    const virDomainNetFilterParam *pa = *(virDomainNetFilterParam *const *)a;
    const virDomainNetFilterParam *pb = *(virDomainNetFilterParam *const *)b;

    return strcmp(pa->name, pb->name);
}

/* Parameters come out sorted by name, values of one name in document
 * order, as upstream keeps them in a table. */
static void
virDomainNetFilterrefFormat(virBuffer *buf, const virDomainNetDef *net)
{
    g_autoptr(GPtrArray) sorted = g_ptr_array_new();
    size_t i;

    for (i = 0; i < net->nfilterParams; i++)
        g_ptr_array_add(sorted, &net->filterParams[i]);
    /* g_ptr_array_sort is a stable merge sort. */
    g_ptr_array_sort(sorted, virDomainNetFilterParamCompare);

    virBufferEscapeString(buf, "<filterref filter='%s'", net->filter);
    if (sorted->len == 0) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < sorted->len; i++) {
        const virDomainNetFilterParam *param = g_ptr_array_index(sorted, i);

        virBufferEscapeString(buf, "<parameter name='%s'", param->name);
        virBufferEscapeString(buf, " value='%s'/>\n", param->value);
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</filterref>\n");
}

int
virDomainNetDefFormat(virBuffer *buf,
                      const virDomainNetDef *net,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) targetBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) backendBuf = VIR_BUFFER_INITIALIZER;
    char macstr[VIR_MAC_STRING_BUFLEN];

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainNetTypeToString(net->type));
    if (net->type == VIR_DOMAIN_NET_TYPE_HOSTDEV && net->hostdev->managed)
        virBufferAddLit(&attrBuf, " managed='yes'");
    virDomainTristateBoolAttrFormat(&attrBuf, "trustGuestRxFilters",
                                    net->trustGuestRxFilters);

    virBufferAsprintf(&childBuf, "<mac address='%s'",
                      virDomainNetMacFormat(net->mac, macstr));
    if (net->macType)
        virBufferAsprintf(&childBuf, " type='%s'",
                          virDomainNetMacTypeTypeToString(net->macType));
    virDomainTristateBoolAttrFormat(&childBuf, "check", net->macCheck);
    virBufferAddLit(&childBuf, "/>\n");

    virDomainNetSourceFormat(&childBuf, net, flags);
    virNetDevVlanFormat(&net->vlan, &childBuf);
    virNetDevVPortProfileFormat(net->virtPortProfile, &childBuf);
    virNetDevBandwidthFormat(net->bandwidth, 0, &childBuf);
    if (net->isolatedPort)
        virBufferAsprintf(&childBuf, "<port isolated='%s'/>\n",
                          virTristateBoolTypeToString(net->isolatedPort));

    virDomainNetIPInfoFormat(&childBuf, &net->guestIP);
    virDomainNetPortForwardsFormat(&childBuf, net);

    virBufferEscapeString(&childBuf, "<script path='%s'/>\n", net->script);
    virBufferEscapeString(&childBuf, "<downscript path='%s'/>\n",
                          net->downscript);
    virBufferEscapeString(&childBuf, "<backenddomain name='%s'/>\n",
                          net->domainName);

    if (net->ifname &&
        (net->managedTap == VIR_TRISTATE_BOOL_NO ||
         !((flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) &&
           virDomainNetIfnameIsGenerated(net->ifname))))
        virBufferEscapeString(&targetBuf, " dev='%s'", net->ifname);
    virDomainTristateBoolAttrFormat(&targetBuf, "managed", net->managedTap);
    virXMLFormatElement(&childBuf, "target", &targetBuf, NULL);

    if (net->ifnameGuest || net->ifnameGuestActual) {
        virBufferAddLit(&childBuf, "<guest");
        virBufferEscapeString(&childBuf, " dev='%s'", net->ifnameGuest);
        virBufferEscapeString(&childBuf, " actual='%s'",
                              net->ifnameGuestActual);
        virBufferAddLit(&childBuf, "/>\n");
    }

    if (virDomainNetModelString(net)) {
        virBufferEscapeString(&childBuf, "<model type='%s'/>\n",
                              virDomainNetModelString(net));
        if (virDomainNetIsVirtioModel(net))
            virDomainNetDriverFormat(&childBuf, net);
    }

    if (net->backendType)
        virBufferAsprintf(&backendBuf, " type='%s'",
                          virDomainNetBackendTypeToString(net->backendType));
    virBufferEscapeString(&backendBuf, " tap='%s'", net->backendTap);
    virBufferEscapeString(&backendBuf, " vhost='%s'", net->backendVhost);
    virBufferEscapeString(&backendBuf, " logFile='%s'", net->backendLogFile);
    virXMLFormatElement(&childBuf, "backend", &backendBuf, NULL);

    if (net->filter)
        virDomainNetFilterrefFormat(&childBuf, net);

    if (net->sndbufSpecified) {
        virBufferAddLit(&childBuf, "<tune>\n");
        virBufferAdjustIndent(&childBuf, 2);
        virBufferAsprintf(&childBuf, "<sndbuf>%llu</sndbuf>\n", net->sndbuf);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</tune>\n");
    }

    if (net->teaming) {
        virBufferAsprintf(&childBuf, "<teaming type='%s'",
                          virDomainNetTeamingTypeToString(net->teaming));
        virBufferEscapeString(&childBuf, " persistent='%s'",
                              net->teamingPersistent);
        virBufferAddLit(&childBuf, "/>\n");
    }

    if (net->linkstate)
        virBufferAsprintf(&childBuf, "<link state='%s'/>\n",
                          virDomainNetInterfaceLinkStateTypeToString(
                              net->linkstate));
    if (net->mtu)
        virBufferAsprintf(&childBuf, "<mtu size='%u'/>\n", net->mtu);

    if (net->coalesceRxFrames) {
        virBufferAddLit(&childBuf, "<coalesce>\n");
        virBufferAdjustIndent(&childBuf, 2);
        virBufferAddLit(&childBuf, "<rx>\n");
        virBufferAdjustIndent(&childBuf, 2);
        virBufferAsprintf(&childBuf, "<frames max='%u'/>\n",
                          net->coalesceRxFrames);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</rx>\n");
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</coalesce>\n");
    }

    virDomainDeviceInfoFormat(&childBuf, &net->info,
                              flags | VIR_DOMAIN_DEVICE_INFO_BOOT |
                              VIR_DOMAIN_DEVICE_INFO_ROM);

    virXMLFormatElement(buf, "interface", &attrBuf, &childBuf);
    return 0;
}

void
virDomainNetDefFree(virDomainNetDef *net)
{
    size_t i;

    if (!net)
        return;
    g_free(net->modelstr);
    g_free(net->network);
    g_free(net->portgroup);
    g_free(net->brname);
    g_free(net->linkdev);
    g_free(net->sockAddress);
    g_free(net->localAddress);
    g_free(net->internalName);
    g_free(net->vhostuserPath);
    g_free(net->vdpaDev);
    g_free(net->vdsPortgroupId);
    g_free(net->sourceDev);
    virDomainNetIPInfoClear(&net->hostIP);
    virDomainNetIPInfoClear(&net->guestIP);
    for (i = 0; i < net->nPortForwards; i++) {
        g_free(net->portForwards[i]->dev);
        g_free(net->portForwards[i]->ranges);
        g_free(net->portForwards[i]);
    }
    g_free(net->portForwards);
    g_free(net->virtPortProfile);
    virNetDevVlanClear(&net->vlan);
    virNetDevBandwidthFree(net->bandwidth);
    g_free(net->ifname);
    g_free(net->ifnameGuest);
    g_free(net->ifnameGuestActual);
    g_free(net->script);
    g_free(net->downscript);
    g_free(net->domainName);
    g_free(net->filter);
    for (i = 0; i < net->nfilterParams; i++) {
        g_free(net->filterParams[i].name);
        g_free(net->filterParams[i].value);
    }
    g_free(net->filterParams);
    g_free(net->backendTap);
    g_free(net->backendVhost);
    g_free(net->backendLogFile);
    g_free(net->teamingPersistent);
    virDomainHostdevDefFree(net->hostdev);
    virDomainDeviceInfoClear(&net->info);
    g_free(net);
}

virDomainNetDef *
virDomainNetFind(const virDomainDef *def, const char *device)
{
    virDomainDevices *devs = def->devices;
    virMacAddr mac;
    bool isMac = virMacAddrParse(device, &mac) == 0;
    size_t i;

    for (i = 0; i < devs->nnets; i++) {
        virDomainNetDef *net = devs->nets[i];

        if (isMac ? memcmp(mac.addr, net->mac, VIR_MAC_BUFLEN) == 0
                  : STREQ_NULLABLE(net->ifname, device))
            return net;
    }
    virReportError(VIR_ERR_INVALID_ARG, "'%s' is not a known interface",
                   device);
    return NULL;
}
