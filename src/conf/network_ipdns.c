/*
 * network_ipdns.c: the <ip> (with its DHCP and TFTP settings) and <dns>
 * parts of the <network> document, split from network_conf.c to keep
 * each file readable.  Checks and messages follow upstream's.
 */
#include "network_ipdns.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

/* Characters allowed in DNS SRV protocol and service names ('.' is the
 * record's field separator). */
#define VIR_NETWORK_SRV_PROTOCOL_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/"
#define VIR_NETWORK_SRV_SERVICE_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*"
/* the DNS record limit less the RFC 2782 overhead */
#define VIR_NETWORK_SRV_SERVICE_MAX (512 - 30)

/* ---- Freeing ---- */

void
virNetworkDHCPHostDefClear(virNetworkDHCPHostDef *def)
{
    g_free(def->mac);
    g_free(def->id);
    g_free(def->name);
    g_free(def->lease);
    memset(def, 0, sizeof(*def));
}

void
virNetworkDNSHostDefClear(virNetworkDNSHostDef *def)
{
    g_strfreev(def->names);
    memset(def, 0, sizeof(*def));
}

void
virNetworkDNSSrvDefClear(virNetworkDNSSrvDef *def)
{
    g_free(def->domain);
    g_free(def->service);
    g_free(def->protocol);
    g_free(def->target);
    memset(def, 0, sizeof(*def));
}

void
virNetworkDNSTxtDefClear(virNetworkDNSTxtDef *def)
{
    g_free(def->name);
    g_free(def->value);
    memset(def, 0, sizeof(*def));
}

void
virNetworkIPDefClear(virNetworkIPDef *def)
{
    size_t i;

    g_free(def->family);
    for (i = 0; i < def->nranges; i++)
        g_free(def->ranges[i].lease);
    g_free(def->ranges);
    for (i = 0; i < def->nhosts; i++)
        virNetworkDHCPHostDefClear(&def->hosts[i]);
    g_free(def->hosts);
    g_free(def->tftproot);
    g_free(def->bootfile);
}

void
virNetworkDNSDefClear(virNetworkDNSDef *def)
{
    size_t i;

    for (i = 0; i < def->ntxts; i++)
        virNetworkDNSTxtDefClear(&def->txts[i]);
    g_free(def->txts);
    for (i = 0; i < def->nhosts; i++)
        virNetworkDNSHostDefClear(&def->hosts[i]);
    g_free(def->hosts);
    for (i = 0; i < def->nsrvs; i++)
        virNetworkDNSSrvDefClear(&def->srvs[i]);
    g_free(def->srvs);
    for (i = 0; i < def->nfwds; i++)
        g_free(def->forwarders[i].domain);
    g_free(def->forwarders);
}

/* ---- DHCP ---- */

static int
virNetworkDHCPLeaseParseXML(xmlNodePtr node,
                            virNetworkDHCPLeaseTimeDef **lease)
{
    unsigned long long expiry = 0;
    int unit;
    int rc;

    if ((rc = virXMLPropULongLong(node, "expiry", 0, VIR_XML_PROP_NONE,
                                  &expiry)) < 0)
        return -1;
    if (rc == 0)
        return 0;
    if (virXMLPropEnumDefault(node, "unit",
                              virNetworkDHCPLeaseTimeUnitTypeFromString,
                              VIR_XML_PROP_NONE, &unit,
                              VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES) < 0)
        return -1;

    /* dnsmasq's minimum is two minutes; 0 means infinite */
    if (expiry > 0 &&
        ((unit == VIR_NETWORK_DHCP_LEASETIME_UNIT_SECONDS && expiry < 120) ||
         (unit == VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES && expiry < 2))) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "The minimum lease time should be greater "
                       "than 2 minutes");
        return -1;
    }

    g_free(*lease);
    *lease = g_new0(virNetworkDHCPLeaseTimeDef, 1);
    (*lease)->expiry = expiry;
    (*lease)->unit = unit;
    return 0;
}

/* Every <lease> child is read; the last one wins. */
static int
virNetworkDHCPLeasesParseXML(xmlNodePtr node,
                             virNetworkDHCPLeaseTimeDef **lease)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "lease", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        if (virNetworkDHCPLeaseParseXML(nodes[i], lease) < 0)
            return -1;
    }
    return 0;
}

int
virNetworkDHCPRangeParseXML(const char *netName, virNetworkIPDef *ipdef,
                            xmlNodePtr node, virNetworkDHCPRangeDef *range)
{
    g_autofree char *start = virXMLPropString(node, "start");
    g_autofree char *end = NULL;

    if (!start) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing 'start' attribute in dhcp range for network '%s'",
                       netName);
        return -1;
    }
    if (virSocketAddrParse(&range->addr.start, start, AF_UNSPEC) < 0)
        return -1;
    if (!(end = virXMLPropString(node, "end"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing 'end' attribute in dhcp range for network '%s'",
                       netName);
        return -1;
    }
    if (virSocketAddrParse(&range->addr.end, end, AF_UNSPEC) < 0)
        return -1;
    if (virSocketAddrGetRange(&range->addr.start, &range->addr.end,
                              &ipdef->address,
                              virNetworkIPDefPrefix(ipdef)) < 0)
        return -1;
    return virNetworkDHCPLeasesParseXML(node, &range->lease);
}

int
virNetworkDHCPHostParseXML(const char *netName, virNetworkIPDef *ipdef,
                           xmlNodePtr node, virNetworkDHCPHostDef *host,
                           bool partial)
{
    g_autofree char *mac = virXMLPropString(node, "mac");
    g_autofree char *id = NULL;
    g_autofree char *name = NULL;
    g_autofree char *ip = NULL;
    bool ipv6 = VIR_SOCKET_ADDR_IS_FAMILY(&ipdef->address, AF_INET6);
    virSocketAddr inaddr = { 0 };

    if (mac) {
        virMacAddr addr;

        if (ipv6) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid to specify MAC address '%s' in network "
                           "'%s' IPv6 static host definition", mac, netName);
            return -1;
        }
        if (virMacAddrParse(mac, &addr) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Cannot parse MAC address '%s' in network '%s'",
                           mac, netName);
            return -1;
        }
        if (virMacAddrIsMulticast(&addr)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "expected unicast mac address, found multicast "
                           "'%s' in network '%s'", mac, netName);
            return -1;
        }
    }

    if ((id = virXMLPropString(node, "id"))) {
        const char *bad = id + strspn(id, "0123456789abcdefABCDEF:");

        if (*bad) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid character '%c' in id '%s' of network '%s'",
                           *bad, id, netName);
            return -1;
        }
    }

    name = virXMLPropString(node, "name");
    if (name && !g_ascii_isalnum(name[0])) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Cannot use host name '%s' in network '%s'",
                       name, netName);
        return -1;
    }

    ip = virXMLPropString(node, "ip");
    if (ip && virSocketAddrParse(&inaddr, ip, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid IP address in static host definition "
                       "for network '%s'", netName);
        return -1;
    }

    if (partial) {
        /* a search key needs only one of them */
        if (!(mac || name || ip)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "At least one of name, mac, or ip attribute "
                           "must be specified for static host definition "
                           "in network '%s' ", netName);
            return -1;
        }
    } else if (ipv6 && !(id || name)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Static host definition in IPv6 network '%s' "
                       "must have id or name attribute", netName);
        return -1;
    } else if (!ipv6 && !(mac || name)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Static host definition in IPv4 network '%s' "
                       "must have mac or name attribute", netName);
        return -1;
    }
    if (!ip && !partial) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing IP address in static host definition "
                       "for network '%s'", netName);
        return -1;
    }

    if (virNetworkDHCPLeasesParseXML(node, &host->lease) < 0)
        return -1;

    host->mac = g_steal_pointer(&mac);
    host->id = g_steal_pointer(&id);
    host->name = g_steal_pointer(&name);
    host->ip = inaddr;
    return 0;
}

static int
virNetworkDHCPParseXML(const char *netName, xmlNodePtr node,
                       virNetworkIPDef *def)
{
    xmlNodePtr cur;

    /* ranges, hosts and bootp interleave in document order */
    for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur)) {
        if (virXMLNodeNameEqual(cur, "range")) {
            virNetworkDHCPRangeDef range = { 0 };

            virXMLNodeMarkConsumed(cur);
            if (virNetworkDHCPRangeParseXML(netName, def, cur, &range) < 0) {
                g_free(range.lease);
                return -1;
            }
            def->ranges = g_renew(virNetworkDHCPRangeDef, def->ranges,
                                  def->nranges + 1);
            def->ranges[def->nranges++] = range;
        } else if (virXMLNodeNameEqual(cur, "host")) {
            virNetworkDHCPHostDef host = { 0 };

            virXMLNodeMarkConsumed(cur);
            if (virNetworkDHCPHostParseXML(netName, def, cur, &host,
                                           false) < 0) {
                virNetworkDHCPHostDefClear(&host);
                return -1;
            }
            def->hosts = g_renew(virNetworkDHCPHostDef, def->hosts,
                                 def->nhosts + 1);
            def->hosts[def->nhosts++] = host;
        } else if (virXMLNodeNameEqual(cur, "bootp") &&
                   VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            g_autofree char *file = NULL;
            g_autofree char *server = NULL;
            virSocketAddr inaddr = { 0 };

            virXMLNodeMarkConsumed(cur);
            if (!(file = virXMLPropString(cur, "file")))
                continue;
            server = virXMLPropString(cur, "server");
            if (server && virSocketAddrParse(&inaddr, server, AF_UNSPEC) < 0)
                return -1;
            g_free(def->bootfile);
            def->bootfile = g_steal_pointer(&file);
            def->bootserver = inaddr;
        }
    }
    return 0;
}

/* ---- <ip> ---- */

static int
virNetworkIPDefCheckFamily(const char *netName, virNetworkIPDef *def,
                           const char *address, const char *netmask)
{
    if (!def->family || g_str_equal(def->family, "ipv4")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "%s family specified for non-IPv4 address '%s' "
                           "in network '%s'",
                           def->family ? "ipv4" : "no", address, netName);
            return -1;
        }
        if (netmask) {
            if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Invalid netmask '%s' for address '%s' in "
                               "network '%s' (both must be IPv4)",
                               netmask, address, netName);
                return -1;
            }
            if (def->prefix > 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Network '%s' IP address cannot have both a "
                               "prefix and a netmask", netName);
                return -1;
            }
        } else if (def->prefix > 32) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv4 prefix '%u' in network '%s'",
                           def->prefix, netName);
            return -1;
        }
    } else if (g_str_equal(def->family, "ipv6")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET6)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Family 'ipv6' specified for non-IPv6 address "
                           "'%s' in network '%s'", address, netName);
            return -1;
        }
        if (netmask) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "netmask not allowed for IPv6 address '%s' in "
                           "network '%s'", address, netName);
            return -1;
        }
        if (def->prefix > 128) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv6 prefix '%u' in network '%s'",
                           def->prefix, netName);
            return -1;
        }
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "Unrecognized family '%s' in network '%s'",
                       def->family, netName);
        return -1;
    }
    return 0;
}

int
virNetworkIPDefParseXML(const char *netName, xmlNodePtr node,
                        virNetworkIPDef *def)
{
    g_autofree char *address = NULL;
    g_autofree char *netmask = NULL;
    xmlNodePtr dhcp;
    xmlNodePtr tftp;

    def->family = virConfXMLPropNonEmpty(node, "family");
    if (!(address = virConfXMLPropNonEmpty(node, "address"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing required address attribute in network '%s'",
                       netName);
        return -1;
    }
    if (virSocketAddrParse(&def->address, address, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid address '%s' in network '%s'",
                       address, netName);
        return -1;
    }
    netmask = virConfXMLPropNonEmpty(node, "netmask");
    if (netmask && virSocketAddrParse(&def->netmask, netmask, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid netmask '%s' in network '%s'",
                       netmask, netName);
        return -1;
    }
    if (virXMLPropUInt(node, "prefix", 10, VIR_XML_PROP_NONE,
                       &def->prefix) < 0 ||
        virXMLPropTristateBool(node, "localPtr", VIR_XML_PROP_NONE,
                               &def->localPTR) < 0)
        return -1;

    if (virNetworkIPDefCheckFamily(netName, def, address, netmask) < 0)
        return -1;

    if ((dhcp = virXMLChild(node, "dhcp")) &&
        virNetworkDHCPParseXML(netName, dhcp, def) < 0)
        return -1;

    if ((tftp = virXMLChild(node, "tftp"))) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported <tftp> element in an IPv6 element "
                           "in network '%s'", netName);
            return -1;
        }
        def->tftproot = virConfXMLPropNonEmpty(tftp, "root");
    }
    return 0;
}

/* ---- <dns> ---- */

int
virNetworkDNSHostParseXML(const char *netName, xmlNodePtr node,
                          virNetworkDNSHostDef *def, bool partial)
{
    g_autofree char *ip = virXMLPropString(node, "ip");
    g_autofree xmlNodePtr *names = NULL;
    size_t nnames;
    size_t i;

    if (!ip && !partial) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing IP address in network '%s' DNS HOST record",
                       netName);
        return -1;
    }
    if (ip && virSocketAddrParse(&def->ip, ip, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Invalid IP address in network '%s' DNS HOST record",
                       netName);
        return -1;
    }

    nnames = virXMLChildren(node, "hostname", &names);
    def->names = g_new0(char *, nnames + 1);
    for (i = 0; i < nnames; i++) {
        g_autofree char *name = NULL;

        /* an element without content is skipped, as upstream does */
        if (!names[i]->children)
            continue;
        name = virXMLNodeContent(names[i]);
        if (!name[0]) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "Missing hostname in network '%s' DNS HOST record",
                           netName);
            return -1;
        }
        def->names[def->nnames++] = g_steal_pointer(&name);
    }
    if (def->nnames == 0 && !partial) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing hostname in network '%s' DNS HOST record",
                       netName);
        return -1;
    }
    if (!ip && def->nnames == 0) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing ip and hostname in network '%s' DNS HOST "
                       "record", netName);
        return -1;
    }
    return 0;
}

static int
virNetworkDNSHostParseItem(const char *netName, xmlNodePtr node,
                           void *opaque)
{
    return virNetworkDNSHostParseXML(netName, node, opaque, false);
}

/* port, priority and weight need a target and must fit 16 bits (port
 * also may not be 0). */
static int
virNetworkDNSSrvParseNumber(const char *netName, xmlNodePtr node,
                            virNetworkDNSSrvDef *def, const char *name,
                            const char *invalidFmt, unsigned int min,
                            unsigned int *result)
{
    int rc = virConfXMLPropUIntRaw(node, name, result);

    if (rc == 1 && !def->target) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "DNS SRV %s attribute not permitted without target "
                       "for service '%s' in network '%s'",
                       name, def->service ? def->service : "(null)",
                       netName);
        return -1;
    }
    if (rc == -2 || (rc == 1 && (*result < min || *result > 65535))) {
        virReportError(VIR_ERR_XML_DETAIL, invalidFmt,
                       def->service ? def->service : "(null)", netName);
        return -1;
    }
    return 0;
}

static int
virNetworkDNSSrvCheckChars(const char *netName, const char *name,
                           const char *value, const char *allowed)
{
    if (strspn(value, allowed) < strlen(value)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "invalid character in %s attribute '%s' in DNS "
                       "SRV record of network '%s'", name, value, netName);
        return -1;
    }
    return 0;
}

int
virNetworkDNSSrvParseXML(const char *netName, xmlNodePtr node,
                         virNetworkDNSSrvDef *def, bool partial)
{
    if (!(def->service = virXMLPropString(node, "service")) && !partial) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required service attribute in DNS SRV "
                       "record of network '%s'", netName);
        return -1;
    }
    if (def->service) {
        if (strlen(def->service) > VIR_NETWORK_SRV_SERVICE_MAX) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "service attribute '%s' in network '%s' is too "
                           "long, limit is %d bytes", def->service, netName,
                           VIR_NETWORK_SRV_SERVICE_MAX);
            return -1;
        }
        if (virNetworkDNSSrvCheckChars(netName, "service", def->service,
                                       VIR_NETWORK_SRV_SERVICE_CHARS) < 0)
            return -1;
    }
    if (!(def->protocol = virXMLPropString(node, "protocol")) && !partial) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required protocol attribute in DNS SRV "
                       "record '%s' of network '%s'", def->service, netName);
        return -1;
    }
    if (def->protocol &&
        virNetworkDNSSrvCheckChars(netName, "protocol", def->protocol,
                                   VIR_NETWORK_SRV_PROTOCOL_CHARS) < 0)
        return -1;

    def->domain = virXMLPropString(node, "domain");
    def->target = virXMLPropString(node, "target");

    if (virNetworkDNSSrvParseNumber(netName, node, def, "port",
                                    "invalid DNS SRV port attribute for "
                                    "service '%s' in network '%s'",
                                    1, &def->port) < 0 ||
        virNetworkDNSSrvParseNumber(netName, node, def, "priority",
                                    "Invalid DNS SRV priority attribute for "
                                    "service '%s' in network '%s'",
                                    0, &def->priority) < 0 ||
        virNetworkDNSSrvParseNumber(netName, node, def, "weight",
                                    "invalid DNS SRV weight attribute for "
                                    "service '%s' in network '%s'",
                                    0, &def->weight) < 0)
        return -1;
    return 0;
}

static int
virNetworkDNSSrvParseItem(const char *netName, xmlNodePtr node, void *opaque)
{
    return virNetworkDNSSrvParseXML(netName, node, opaque, false);
}

int
virNetworkDNSTxtParseXML(const char *netName, xmlNodePtr node,
                         virNetworkDNSTxtDef *def, bool partial)
{

    if (!(def->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required name attribute in DNS TXT record "
                       "of network %s", netName);
        return -1;
    }
    if (strcspn(def->name, " ,") != strlen(def->name)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "prohibited character in DNS TXT record name '%s' "
                       "of network %s", def->name, netName);
        return -1;
    }
    if (!(def->value = virXMLPropString(node, "value")) && !partial) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required value attribute in DNS TXT record "
                       "named '%s' of network %s", def->name, netName);
        return -1;
    }
    return 0;
}

static int
virNetworkDNSTxtParseItem(const char *netName, xmlNodePtr node, void *opaque)
{
    return virNetworkDNSTxtParseXML(netName, node, opaque, false);
}

/* Parses every <name> child of node into a new array of itemSize items;
 * each is counted before it is parsed, so that the caller's clear also
 * frees a partly parsed one. */
static int
virNetworkDNSParseItems(const char *netName, xmlNodePtr node,
                        const char *name, size_t itemSize,
                        int (*parse)(const char *netName, xmlNodePtr node,
                                     void *item),
                        void **items, size_t *nitems)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, name, &nodes);
    size_t i;

    *items = g_malloc0_n(n, itemSize);
    for (i = 0; i < n; i++) {
        (*nitems)++;
        if (parse(netName, nodes[i], (char *)*items + i * itemSize) < 0)
            return -1;
    }
    return 0;
}

int
virNetworkDNSDefParseXML(const char *netName, xmlNodePtr node,
                         virNetworkDNSDef *def)
{
    g_autofree xmlNodePtr *fwds = NULL;
    size_t nfwds;
    size_t i;

    if (virXMLPropTristateBool(node, "enable", VIR_XML_PROP_NONE,
                               &def->enable) < 0 ||
        virXMLPropTristateBool(node, "forwardPlainNames", VIR_XML_PROP_NONE,
                               &def->forwardPlainNames) < 0)
        return -1;

    nfwds = virXMLChildren(node, "forwarder", &fwds);
    def->forwarders = g_new0(virNetworkDNSForwarder, nfwds);
    for (i = 0; i < nfwds; i++) {
        virNetworkDNSForwarder *fwd = &def->forwarders[i];
        g_autofree char *addr = virXMLPropString(fwds[i], "addr");

        if (addr && virSocketAddrParse(&fwd->addr, addr, AF_UNSPEC) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid forwarder IP address '%s' in network '%s'",
                           addr, netName);
            return -1;
        }
        fwd->domain = virXMLPropString(fwds[i], "domain");
        def->nfwds++;
        if (!(addr || fwd->domain)) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Invalid forwarder element, must contain at "
                           "least one of addr or domain");
            return -1;
        }
    }

    if (virNetworkDNSParseItems(netName, node, "host", sizeof(*def->hosts),
                                virNetworkDNSHostParseItem,
                                (void **)&def->hosts, &def->nhosts) < 0 ||
        virNetworkDNSParseItems(netName, node, "srv", sizeof(*def->srvs),
                                virNetworkDNSSrvParseItem,
                                (void **)&def->srvs, &def->nsrvs) < 0 ||
        virNetworkDNSParseItems(netName, node, "txt", sizeof(*def->txts),
                                virNetworkDNSTxtParseItem,
                                (void **)&def->txts, &def->ntxts) < 0)
        return -1;

    if (def->enable == VIR_TRISTATE_BOOL_NO &&
        (nfwds || def->nhosts || def->nsrvs || def->ntxts)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Extra data in disabled network '%s'", netName);
        return -1;
    }
    return 0;
}

/* ---- Formatting ---- */

void
virNetworkFormatAddr(virBuffer *buf, const char *fmt,
                     const virSocketAddr *addr)
{
    g_autofree char *str = NULL;

    if (!VIR_SOCKET_ADDR_VALID(addr) || !(str = virSocketAddrFormat(addr)))
        return;
    virBufferAsprintf(buf, fmt, str);
}

void
virNetworkDNSDefFormat(virBuffer *buf, const virNetworkDNSDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;
    size_t j;

    if (def->enable)
        virBufferAsprintf(&attrBuf, " enable='%s'",
                          virTristateBoolTypeToString(def->enable));
    if (def->forwardPlainNames)
        virBufferAsprintf(&attrBuf, " forwardPlainNames='%s'",
                          virTristateBoolTypeToString(def->forwardPlainNames));

    for (i = 0; i < def->nfwds; i++) {
        virBufferAddLit(&childBuf, "<forwarder");
        virBufferEscapeString(&childBuf, " domain='%s'",
                              def->forwarders[i].domain);
        virNetworkFormatAddr(&childBuf, " addr='%s'",
                             &def->forwarders[i].addr);
        virBufferAddLit(&childBuf, "/>\n");
    }
    for (i = 0; i < def->ntxts; i++) {
        virBufferEscapeString(&childBuf, "<txt name='%s'", def->txts[i].name);
        virBufferEscapeString(&childBuf, " value='%s'/>\n",
                              def->txts[i].value);
    }
    for (i = 0; i < def->nsrvs; i++) {
        const virNetworkDNSSrvDef *srv = &def->srvs[i];

        if (!srv->service || !srv->protocol)
            continue;
        virBufferEscapeString(&childBuf, "<srv service='%s'", srv->service);
        virBufferEscapeString(&childBuf, " protocol='%s'", srv->protocol);
        virBufferEscapeString(&childBuf, " domain='%s'", srv->domain);
        virBufferEscapeString(&childBuf, " target='%s'", srv->target);
        if (srv->port)
            virBufferAsprintf(&childBuf, " port='%u'", srv->port);
        if (srv->priority)
            virBufferAsprintf(&childBuf, " priority='%u'", srv->priority);
        if (srv->weight)
            virBufferAsprintf(&childBuf, " weight='%u'", srv->weight);
        virBufferAddLit(&childBuf, "/>\n");
    }
    for (i = 0; i < def->nhosts; i++) {
        g_autofree char *ip = virSocketAddrFormat(&def->hosts[i].ip);

        virBufferAsprintf(&childBuf, "<host ip='%s'>\n", ip);
        virBufferAdjustIndent(&childBuf, 2);
        for (j = 0; j < def->hosts[i].nnames; j++)
            virBufferEscapeString(&childBuf, "<hostname>%s</hostname>\n",
                                  def->hosts[i].names[j]);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</host>\n");
    }
    virXMLFormatElement(buf, "dns", &attrBuf, &childBuf);
}

static void
virNetworkDHCPLeaseFormat(virBuffer *buf,
                          const virNetworkDHCPLeaseTimeDef *lease)
{
    if (!lease->expiry)
        virBufferAddLit(buf, "<lease expiry='0'/>\n");
    else
        virBufferAsprintf(buf, "<lease expiry='%llu' unit='%s'/>\n",
                          lease->expiry,
                          virNetworkDHCPLeaseTimeUnitTypeToString(lease->unit));
}

static void
virNetworkDHCPFormat(virBuffer *buf, const virNetworkIPDef *def)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (!def->nranges && !def->nhosts)
        return;

    for (i = 0; i < def->nranges; i++) {
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) leaseBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

        virNetworkFormatAddr(&attrBuf, " start='%s'", &def->ranges[i].addr.start);
        virNetworkFormatAddr(&attrBuf, " end='%s'", &def->ranges[i].addr.end);
        if (def->ranges[i].lease)
            virNetworkDHCPLeaseFormat(&leaseBuf, def->ranges[i].lease);
        virXMLFormatElement(&childBuf, "range", &attrBuf, &leaseBuf);
    }
    for (i = 0; i < def->nhosts; i++) {
        const virNetworkDHCPHostDef *host = &def->hosts[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) leaseBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

        virBufferEscapeString(&attrBuf, " mac='%s'", host->mac);
        virBufferEscapeString(&attrBuf, " id='%s'", host->id);
        virBufferEscapeString(&attrBuf, " name='%s'", host->name);
        virNetworkFormatAddr(&attrBuf, " ip='%s'", &host->ip);
        if (host->lease)
            virNetworkDHCPLeaseFormat(&leaseBuf, host->lease);
        virXMLFormatElementEmpty(&childBuf, "host", &attrBuf, &leaseBuf);
    }
    if (def->bootfile) {
        virBufferEscapeString(&childBuf, "<bootp file='%s'", def->bootfile);
        virNetworkFormatAddr(&childBuf, " server='%s'", &def->bootserver);
        virBufferAddLit(&childBuf, "/>\n");
    }
    virBufferAddLit(buf, "<dhcp>\n");
    virBufferAddBuffer(buf, &childBuf);
    virBufferAddLit(buf, "</dhcp>\n");
}

void
virNetworkIPDefFormat(virBuffer *buf, const virNetworkIPDef *def)
{
    virBufferAddLit(buf, "<ip");
    virBufferEscapeString(buf, " family='%s'", def->family);
    virNetworkFormatAddr(buf, " address='%s'", &def->address);
    virNetworkFormatAddr(buf, " netmask='%s'", &def->netmask);
    if (def->prefix > 0)
        virBufferAsprintf(buf, " prefix='%u'", def->prefix);
    if (def->localPTR)
        virBufferAsprintf(buf, " localPtr='%s'",
                          virTristateBoolTypeToString(def->localPTR));
    /* upstream always writes <ip> open, even when empty */
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<tftp root='%s'/>\n", def->tftproot);
    virNetworkDHCPFormat(buf, def);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</ip>\n");
}

