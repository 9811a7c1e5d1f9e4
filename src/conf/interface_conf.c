/*
 * interface_conf.c: parsing and formatting the host <interface> document.
 *
 * Start mode, MTU and protocols belong to the top-level interface only;
 * the interfaces nested in a bridge or bond are parsed with the same
 * code but limited to the types their parent allows.  Values upstream
 * keeps as strings (MAC, bridge delay, vlan tag, addresses) are kept as
 * written.
 */
#include "interface_conf.h"
#include "conf_xmlprop.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_INTERFACE

/* Upstream caps the MTU of a host interface here. */
#define VIR_INTERFACE_MTU_MAX 100000

VIR_ENUM_IMPL(virInterface, VIR_INTERFACE_TYPE_LAST,
              "ethernet", "bridge", "bond", "vlan");
VIR_ENUM_IMPL(virInterfaceStartMode, VIR_INTERFACE_START_LAST,
              "", "none", "onboot", "hotplug");
VIR_ENUM_IMPL(virInterfaceBondMode, VIR_INTERFACE_BOND_LAST,
              "", "balance-rr", "active-backup", "balance-xor", "broadcast",
              "802.3ad", "balance-tlb", "balance-alb");
VIR_ENUM_IMPL(virInterfaceBondMiiCarrier, VIR_INTERFACE_BOND_MII_LAST,
              "", "ioctl", "netif");
VIR_ENUM_IMPL(virInterfaceBondArpValid, VIR_INTERFACE_BOND_ARP_LAST,
              "", "active", "backup", "all");
VIR_ENUM_IMPL(virInterfaceLinkState, VIR_INTERFACE_LINK_STATE_LAST,
              "", "unknown", "notpresent", "down", "lowerlayerdown",
              "testing", "dormant", "up");

static virInterfaceDef *virInterfaceDefParseXML(xmlNodePtr node,
                                                int parentType);
static void virInterfaceDefDevFormat(virBuffer *buf,
                                     const virInterfaceDef *def,
                                     int parentType);

static void
virInterfaceDefListFree(virInterfaceDef **list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        virInterfaceDefFree(list[i]);
    g_free(list);
}

void
virInterfaceDefFree(virInterfaceDef *def)
{
    size_t i;
    size_t j;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->mac);
    switch (def->type) {
    case VIR_INTERFACE_TYPE_BRIDGE:
        g_free(def->data.bridge.delay);
        virInterfaceDefListFree(def->data.bridge.itf, def->data.bridge.nbItf);
        break;
    case VIR_INTERFACE_TYPE_BOND:
        g_free(def->data.bond.target);
        virInterfaceDefListFree(def->data.bond.itf, def->data.bond.nbItf);
        break;
    case VIR_INTERFACE_TYPE_VLAN:
        g_free(def->data.vlan.tag);
        g_free(def->data.vlan.dev_name);
        break;
    }
    for (i = 0; i < def->nprotos; i++) {
        virInterfaceProtocolDef *proto = &def->protos[i];

        g_free(proto->family);
        g_free(proto->gateway);
        for (j = 0; j < proto->nips; j++)
            g_free(proto->ips[j].address);
        g_free(proto->ips);
    }
    g_free(def->protos);
    g_free(def);
}

/* ---- Parsing ---- */

/* An enum whose string for 0 is "" (absent), with upstream's message for
 * an unknown value. */
static int
virInterfaceParseNamedEnum(xmlNodePtr node, const char *name,
                           int (*fromString)(const char *),
                           const char *what, int *result)
{
    g_autofree char *value = virConfXMLPropNonEmpty(node, name);

    *result = 0;
    if (!value)
        return 0;
    if ((*result = fromString(value)) <= 0) {
        *result = 0;
        virReportError(VIR_ERR_XML_ERROR, "unknown %s %s", what, value);
        return -1;
    }
    return 0;
}

static int
virInterfaceDefParseTopLevel(xmlNodePtr node, virInterfaceDef *def)
{
    xmlNodePtr mtu = virXMLChild(node, "mtu");
    g_autofree char *size = virConfXMLPropNonEmpty(mtu, "size");

    if (virInterfaceParseNamedEnum(virXMLChild(node, "start"), "mode",
                                   virInterfaceStartModeTypeFromString,
                                   "interface startmode",
                                   &def->startmode) < 0)
        return -1;

    if (size) {
        if (virStrToLong_ui(size, NULL, 10, &def->mtu) < 0) {
            /* upstream fails here without a message of its own */
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "invalid mtu size '%s'", size);
            return -1;
        }
        if (def->mtu > VIR_INTERFACE_MTU_MAX) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "value of the 'size' attribute of 'mtu' element "
                           "must be at most 100000");
            return -1;
        }
    }
    return 0;
}

static int
virInterfaceDefParseProtocol(xmlNodePtr node, virInterfaceProtocolDef *proto)
{
    g_autofree xmlNodePtr *ips = NULL;
    xmlNodePtr child;
    size_t nips;
    size_t i;
    bool ipv6;

    if (!(proto->family = virXMLPropString(node, "family"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "protocol misses the family attribute");
        return -1;
    }
    if (STREQ(proto->family, "ipv6")) {
        ipv6 = true;
    } else if (STREQ(proto->family, "ipv4")) {
        ipv6 = false;
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "unsupported protocol family '%s'", proto->family);
        return -1;
    }

    proto->gateway = virConfXMLPropNonEmpty(virXMLChild(node, "route"),
                                              "gateway");
    if (ipv6 && virXMLChild(node, "autoconf"))
        proto->autoconf = true;

    proto->peerdns = -1;
    if ((child = virXMLChild(node, "dhcp"))) {
        virTristateBool peerdns;

        proto->dhcp = true;
        if (virXMLPropTristateBool(child, "peerdns", VIR_XML_PROP_NONE,
                                   &peerdns) < 0)
            return -1;
        if (peerdns != VIR_TRISTATE_BOOL_ABSENT)
            proto->peerdns = peerdns == VIR_TRISTATE_BOOL_YES;
    }

    nips = virXMLChildren(node, "ip", &ips);
    proto->ips = g_new0(virInterfaceIPDef, nips);
    for (i = 0; i < nips; i++) {
        virInterfaceIPDef *ip = &proto->ips[proto->nips++];

        /* without an address the prefix is not even looked at */
        if (!(ip->address = virXMLPropString(ips[i], "address")))
            continue;
        if (virXMLPropInt(ips[i], "prefix", 0, VIR_XML_PROP_NONE,
                          &ip->prefix) < 0)
            return -1;
    }
    return 0;
}

static int
virInterfaceDefParseProtocols(xmlNodePtr node, virInterfaceDef *def)
{
    g_autofree xmlNodePtr *protos = NULL;
    size_t n = virXMLChildren(node, "protocol", &protos);
    size_t i;

    def->protos = g_new0(virInterfaceProtocolDef, n);
    for (i = 0; i < n; i++) {
        if (virInterfaceDefParseProtocol(protos[i],
                                         &def->protos[def->nprotos++]) < 0)
            return -1;
    }
    return 0;
}

static int
virInterfaceDefParseChildren(xmlNodePtr node, int parentType,
                             virInterfaceDef ***list, size_t *n)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t count = virXMLChildren(node, "interface", &nodes);
    size_t i;

    *list = g_new0(virInterfaceDef *, count);
    for (i = 0; i < count; i++) {
        if (!((*list)[i] = virInterfaceDefParseXML(nodes[i], parentType)))
            return -1;
        (*n)++;
    }
    return 0;
}

static int
virInterfaceDefParseBridge(xmlNodePtr node, virInterfaceDef *def)
{
    virInterfaceBridgeDef *br = &def->data.bridge;
    g_autofree char *stp = virXMLPropString(node, "stp");

    br->stp = -1;
    if (stp && STREQ(stp, "on")) {
        br->stp = 1;
    } else if (stp && STREQ(stp, "off")) {
        br->stp = 0;
    } else if (stp) {
        /* upstream complains but then succeeds with the rest of the
         * bridge (delay, member interfaces) left out; do the same,
         * minus the stale message */
        return 0;
    }
    br->delay = virXMLPropString(node, "delay");

    return virInterfaceDefParseChildren(node, VIR_INTERFACE_TYPE_BRIDGE,
                                        &br->itf, &br->nbItf);
}

/* A bond monitor's number: an invalid one (or a missing required one)
 * fails with upstream's message. */
static int
virInterfaceBondPropInt(xmlNodePtr node, const char *name, bool required,
                        const char *message, int *result)
{
    int rc = virConfXMLPropIntRaw(node, name, result);

    if (rc == -2 || (required && rc != 1)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", message);
        return -1;
    }
    return 0;
}

static int
virInterfaceDefParseBond(xmlNodePtr node, virInterfaceDef *def)
{
    virInterfaceBondDef *bond = &def->data.bond;
    xmlNodePtr mon;

    if (virInterfaceParseNamedEnum(node, "mode",
                                   virInterfaceBondModeTypeFromString,
                                   "bonding mode", &bond->mode) < 0)
        return -1;
    if (virInterfaceDefParseChildren(node, VIR_INTERFACE_TYPE_BOND,
                                     &bond->itf, &bond->nbItf) < 0)
        return -1;

    if ((mon = virXMLChild(node, "miimon"))) {
        bond->monit = VIR_INTERFACE_BOND_MONIT_MII;
        if (virInterfaceBondPropInt(mon, "freq", true,
                                    "bond interface miimon freq missing or "
                                    "invalid", &bond->frequency) < 0 ||
            virInterfaceBondPropInt(mon, "downdelay", false,
                                    "bond interface miimon downdelay invalid",
                                    &bond->downdelay) < 0 ||
            virInterfaceBondPropInt(mon, "updelay", false,
                                    "bond interface miimon updelay invalid",
                                    &bond->updelay) < 0)
            return -1;
        return virInterfaceParseNamedEnum(mon, "carrier",
                                          virInterfaceBondMiiCarrierTypeFromString,
                                          "mii bonding carrier",
                                          &bond->carrier);
    }

    if ((mon = virXMLChild(node, "arpmon"))) {
        bond->monit = VIR_INTERFACE_BOND_MONIT_ARP;
        if (virInterfaceBondPropInt(mon, "interval", true,
                                    "bond interface arpmon interval missing "
                                    "or invalid", &bond->interval) < 0)
            return -1;
        if (!(bond->target = virConfXMLPropNonEmpty(mon, "target"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bond interface arpmon target missing");
            return -1;
        }
        return virInterfaceParseNamedEnum(mon, "validate",
                                          virInterfaceBondArpValidTypeFromString,
                                          "arp bonding validate",
                                          &bond->validate);
    }
    return 0;
}

static int
virInterfaceDefParseVlan(xmlNodePtr node, virInterfaceDef *def)
{
    if (!(def->data.vlan.tag = virConfXMLPropNonEmpty(node, "tag"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "vlan interface misses the tag attribute");
        return -1;
    }
    def->data.vlan.dev_name =
        virConfXMLPropNonEmpty(virXMLChild(node, "interface"), "name");
    if (!def->data.vlan.dev_name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "vlan interface misses name attribute");
        return -1;
    }
    return 0;
}

/* Which types may appear under parentType (LAST: the top level). */
static bool
virInterfaceTypeAllowed(int type, int parentType)
{
    switch (parentType) {
    case VIR_INTERFACE_TYPE_LAST:
        return true;
    case VIR_INTERFACE_TYPE_BOND:
        return type == VIR_INTERFACE_TYPE_ETHERNET;
    case VIR_INTERFACE_TYPE_BRIDGE:
        return type != VIR_INTERFACE_TYPE_BRIDGE;
    }
    return false;
}

static virInterfaceDef *
virInterfaceDefParseXML(xmlNodePtr node, int parentType)
{
    g_autoptr(virInterfaceDef) def = NULL;
    static const char *const sub[] = {
        [VIR_INTERFACE_TYPE_BRIDGE] = "bridge",
        [VIR_INTERFACE_TYPE_BOND] = "bond",
        [VIR_INTERFACE_TYPE_VLAN] = "vlan",
    };
    xmlNodePtr child;
    int type;

    if (virXMLPropEnum(node, "type", virInterfaceTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    if (!virInterfaceTypeAllowed(type, parentType)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "interface has unsupported type '%s'",
                       virInterfaceTypeToString(type));
        return NULL;
    }

    def = g_new0(virInterfaceDef, 1);
    def->type = type;
    if (!(def->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "interface has no name");
        return NULL;
    }

    if (parentType == VIR_INTERFACE_TYPE_LAST &&
        (virInterfaceDefParseTopLevel(node, def) < 0 ||
         virInterfaceDefParseProtocols(node, def) < 0))
        return NULL;

    /* a bridge has no link of its own */
    if (type != VIR_INTERFACE_TYPE_BRIDGE &&
        (child = virXMLChild(node, "link"))) {
        if (virXMLPropEnum(child, "state", virInterfaceLinkStateTypeFromString,
                           VIR_XML_PROP_NONE, &def->linkState) < 0 ||
            virXMLPropUInt(child, "speed", 10, VIR_XML_PROP_NONE,
                           &def->linkSpeed) < 0)
            return NULL;
    }

    if (type == VIR_INTERFACE_TYPE_ETHERNET) {
        def->mac = virConfXMLPropNonEmpty(virXMLChild(node, "mac"),
                                            "address");
        return g_steal_pointer(&def);
    }

    if (!(child = virXMLChild(node, sub[type]))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s interface misses the %s element",
                       sub[type], sub[type]);
        return NULL;
    }
    switch (type) {
    case VIR_INTERFACE_TYPE_BRIDGE:
        if (virInterfaceDefParseBridge(child, def) < 0)
            return NULL;
        break;
    case VIR_INTERFACE_TYPE_BOND:
        if (virInterfaceDefParseBond(child, def) < 0)
            return NULL;
        break;
    case VIR_INTERFACE_TYPE_VLAN:
        if (virInterfaceDefParseVlan(child, def) < 0)
            return NULL;
        break;
    }
    return g_steal_pointer(&def);
}

virInterfaceDef *
virInterfaceDefParseNode(xmlNodePtr root, unsigned int flags)
{
    g_autoptr(virInterfaceDef) def = NULL;

    if (!(def = virInterfaceDefParseXML(root, VIR_INTERFACE_TYPE_LAST)))
        return NULL;
    if ((flags & VIR_INTERFACE_DEFINE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virInterfaceDef *
virInterfaceDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(interface_definition)",
                                      "interface")))
        return NULL;
    return virInterfaceDefParseNode(xmlDocGetRootElement(doc), flags);
}

/* ---- Formatting ---- */

static void
virInterfaceBridgeFormat(virBuffer *buf, const virInterfaceDef *def)
{
    const virInterfaceBridgeDef *br = &def->data.bridge;
    size_t i;

    virBufferAddLit(buf, "<bridge");
    if (br->stp == 1)
        virBufferAddLit(buf, " stp='on'");
    else if (br->stp == 0)
        virBufferAddLit(buf, " stp='off'");
    virBufferEscapeString(buf, " delay='%s'", br->delay);
    /* written open even when empty, as upstream does */
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < br->nbItf; i++)
        virInterfaceDefDevFormat(buf, br->itf[i], VIR_INTERFACE_TYPE_BRIDGE);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</bridge>\n");
}

static void
virInterfaceBondFormat(virBuffer *buf, const virInterfaceDef *def)
{
    const virInterfaceBondDef *bond = &def->data.bond;
    size_t i;

    virBufferAddLit(buf, "<bond");
    if (bond->mode)
        virBufferAsprintf(buf, " mode='%s'",
                          virInterfaceBondModeTypeToString(bond->mode));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    if (bond->monit == VIR_INTERFACE_BOND_MONIT_MII) {
        virBufferAsprintf(buf, "<miimon freq='%d'", bond->frequency);
        if (bond->downdelay > 0)
            virBufferAsprintf(buf, " downdelay='%d'", bond->downdelay);
        if (bond->updelay > 0)
            virBufferAsprintf(buf, " updelay='%d'", bond->updelay);
        if (bond->carrier)
            virBufferAsprintf(buf, " carrier='%s'",
                              virInterfaceBondMiiCarrierTypeToString(bond->carrier));
        virBufferAddLit(buf, "/>\n");
    } else if (bond->monit == VIR_INTERFACE_BOND_MONIT_ARP) {
        virBufferAsprintf(buf, "<arpmon interval='%d'", bond->interval);
        virBufferEscapeString(buf, " target='%s'", bond->target);
        if (bond->validate)
            virBufferAsprintf(buf, " validate='%s'",
                              virInterfaceBondArpValidTypeToString(bond->validate));
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < bond->nbItf; i++)
        virInterfaceDefDevFormat(buf, bond->itf[i], VIR_INTERFACE_TYPE_BOND);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</bond>\n");
}

static void
virInterfaceVlanFormat(virBuffer *buf, const virInterfaceDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferEscapeString(&attrBuf, " tag='%s'", def->data.vlan.tag);
    virBufferEscapeString(&childBuf, "<interface name='%s'/>\n",
                          def->data.vlan.dev_name);
    virXMLFormatElementEmpty(buf, "vlan", &attrBuf, &childBuf);
}

static void
virInterfaceProtocolFormat(virBuffer *buf, const virInterfaceProtocolDef *proto)
{
    size_t i;

    virBufferEscapeString(buf, "<protocol family='%s'>\n", proto->family);
    virBufferAdjustIndent(buf, 2);
    if (proto->autoconf)
        virBufferAddLit(buf, "<autoconf/>\n");
    if (proto->dhcp) {
        if (proto->peerdns == 0)
            virBufferAddLit(buf, "<dhcp peerdns='no'/>\n");
        else if (proto->peerdns == 1)
            virBufferAddLit(buf, "<dhcp peerdns='yes'/>\n");
        else
            virBufferAddLit(buf, "<dhcp/>\n");
    }
    for (i = 0; i < proto->nips; i++) {
        if (!proto->ips[i].address)
            continue;
        virBufferEscapeString(buf, "<ip address='%s'", proto->ips[i].address);
        if (proto->ips[i].prefix != 0)
            virBufferAsprintf(buf, " prefix='%d'", proto->ips[i].prefix);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferEscapeString(buf, "<route gateway='%s'/>\n", proto->gateway);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</protocol>\n");
}

static void
virInterfaceDefDevFormat(virBuffer *buf, const virInterfaceDef *def,
                         int parentType)
{
    size_t i;

    virBufferAsprintf(buf, "<interface type='%s' ",
                      virInterfaceTypeToString(def->type));
    virBufferEscapeString(buf, "name='%s'", def->name);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    /* nested interfaces inherit these from the top level */
    if (parentType == VIR_INTERFACE_TYPE_LAST) {
        if (def->startmode)
            virBufferAsprintf(buf, "<start mode='%s'/>\n",
                              virInterfaceStartModeTypeToString(def->startmode));
        if (def->mtu)
            virBufferAsprintf(buf, "<mtu size='%u'/>\n", def->mtu);
        for (i = 0; i < def->nprotos; i++)
            virInterfaceProtocolFormat(buf, &def->protos[i]);
    }

    if (def->type != VIR_INTERFACE_TYPE_BRIDGE &&
        (def->linkSpeed || def->linkState)) {
        virBufferAddLit(buf, "<link");
        if (def->linkSpeed)
            virBufferAsprintf(buf, " speed='%u'", def->linkSpeed);
        if (def->linkState)
            virBufferAsprintf(buf, " state='%s'",
                              virInterfaceLinkStateTypeToString(def->linkState));
        virBufferAddLit(buf, "/>\n");
    }

    switch (def->type) {
    case VIR_INTERFACE_TYPE_ETHERNET:
        virBufferEscapeString(buf, "<mac address='%s'/>\n", def->mac);
        break;
    case VIR_INTERFACE_TYPE_BRIDGE:
        virInterfaceBridgeFormat(buf, def);
        break;
    case VIR_INTERFACE_TYPE_BOND:
        virInterfaceBondFormat(buf, def);
        break;
    case VIR_INTERFACE_TYPE_VLAN:
        virInterfaceVlanFormat(buf, def);
        break;
    }

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</interface>\n");
}

char *
virInterfaceDefFormat(const virInterfaceDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virInterfaceDefDevFormat(&buf, def, VIR_INTERFACE_TYPE_LAST);
    return virBufferContentAndReset(&buf);
}
