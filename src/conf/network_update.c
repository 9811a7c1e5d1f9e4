/*
 * network_update.c: virNetworkUpdate's edit of one section of a network
 * definition: adding, removing or replacing a DHCP host or range, a DNS
 * host, TXT or SRV record, a forward interface or a portgroup.  The other
 * sections cannot be edited, as upstream's.  Checks, their order (which
 * decides the error reported when several apply) and messages follow
 * upstream's network layer.
 */
#include "network_update.h"
#include "network_ipdns.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

static int
virNetworkUpdateNoSupport(virNetworkDef *def, const char *section)
{
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                   "can't update '%s' section of network '%s'",
                   section, def->name);
    return -1;
}

static int
virNetworkUpdateUnknownCommand(unsigned int command)
{
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                   "unrecognized network update command code %d", command);
    return -1;
}

static int
virNetworkUpdateCheckName(virNetworkDef *def, xmlNodePtr node,
                          const char *name)
{
    if (!virXMLNodeNameEqual(node, name)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unexpected element <%s>, expecting <%s>, while "
                       "updating network '%s'",
                       (const char *)node->name, name, def->name);
        return -1;
    }
    return 0;
}

static bool
virNetworkUpdateIsAdd(unsigned int command)
{
    return command == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST ||
           command == VIR_NETWORK_UPDATE_COMMAND_ADD_LAST;
}

/* Where an added item goes in a list of n. */
static size_t
virNetworkUpdateAddPos(unsigned int command, size_t n)
{
    return command == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST ? 0 : n;
}

/* Inserts the item at item (of size bytes) at pos of *array of *n. */
static void
virNetworkUpdateInsert(void **array, size_t *n, size_t size, size_t pos,
                       const void *item)
{
    char *a = g_realloc_n(*array, *n + 1, size);

    memmove(a + (pos + 1) * size, a + pos * size, (*n - pos) * size);
    memcpy(a + pos * size, item, size);
    *array = a;
    (*n)++;
}

static void
virNetworkUpdateRemove(void *array, size_t *n, size_t size, size_t pos)
{
    char *a = array;

    memmove(a + pos * size, a + (pos + 1) * size, (*n - pos - 1) * size);
    (*n)--;
}

#define VIR_NETWORK_UPDATE_INSERT(array, n, pos, item) \
    virNetworkUpdateInsert((void **)&(array), &(n), sizeof(*(array)), pos, \
                           &(item))
#define VIR_NETWORK_UPDATE_REMOVE(array, n, pos) \
    virNetworkUpdateRemove(array, &(n), sizeof(*(array)), pos)

/* MAC addresses as written, compared by value. */
static bool
virNetworkUpdateMacEqual(const char *a, const char *b)
{
    virMacAddr ma;
    virMacAddr mb;

    if (!a || !b || virMacAddrParse(a, &ma) < 0 ||
        virMacAddrParse(b, &mb) < 0)
        return false;
    return virMacAddrCmp(&ma, &mb) == 0;
}

/* ---- <ip><dhcp> ---- */

/* The nth <ip> of family (AF_UNSPEC: of any). */
static virNetworkIPDef *
virNetworkUpdateIPByIndex(virNetworkDef *def, int family, size_t n)
{
    size_t i;

    for (i = 0; i < def->nips; i++) {
        if (family != AF_UNSPEC &&
            !VIR_SOCKET_ADDR_IS_FAMILY(&def->ips[i].address, family))
            continue;
        if (n-- == 0)
            return &def->ips[i];
    }
    return NULL;
}

/* The <ip> an update of its <dhcp> means: the one at parentIndex, or
 * (-1) the first with DHCP entries, else the first IPv4, else the first
 * IPv6 one. */
static virNetworkIPDef *
virNetworkUpdateDHCPParent(virNetworkDef *def, int parentIndex)
{
    virNetworkIPDef *ipdef = NULL;
    size_t i;

    if (parentIndex >= 0) {
        if (!(ipdef = virNetworkUpdateIPByIndex(def, AF_UNSPEC,
                                                parentIndex)))
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't update dhcp host entry - no <ip> "
                           "element found at index %d in network '%s'",
                           parentIndex, def->name);
        return ipdef;
    }

    for (i = 0; i < def->nips && !ipdef; i++) {
        if (def->ips[i].nranges || def->ips[i].nhosts)
            ipdef = &def->ips[i];
    }
    if (!ipdef)
        ipdef = virNetworkUpdateIPByIndex(def, AF_INET, 0);
    if (!ipdef)
        ipdef = virNetworkUpdateIPByIndex(def, AF_INET6, 0);
    if (!ipdef)
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "couldn't update dhcp host entry - no <ip> element "
                       "found in network '%s'", def->name);
    return ipdef;
}

/* DHCP may serve one address of each family only. */
static int
virNetworkUpdateCheckMultiDHCP(virNetworkDef *def, virNetworkIPDef *ipdef)
{
    int family = VIR_SOCKET_ADDR_FAMILY(&ipdef->address);
    size_t i;

    for (i = 0; i < def->nips; i++) {
        virNetworkIPDef *ip = &def->ips[i];

        if (ip == ipdef || !VIR_SOCKET_ADDR_IS_FAMILY(&ip->address, family))
            continue;
        if (ip->nranges || ip->nhosts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "dhcp is supported only for a single %s address "
                           "on each network",
                           family == AF_INET ? "IPv4" : "IPv6");
            return -1;
        }
    }
    return 0;
}

static bool
virNetworkUpdateHostMatchesAny(const virNetworkDHCPHostDef *key,
                               const virNetworkDHCPHostDef *host)
{
    return (key->mac && host->mac &&
            virNetworkUpdateMacEqual(key->mac, host->mac)) ||
           (VIR_SOCKET_ADDR_VALID(&key->ip) &&
            virSocketAddrEqual(&key->ip, &host->ip)) ||
           (key->name && STREQ_NULLABLE(key->name, host->name));
}

/* A removal's key matches when every attribute it gives does. */
static bool
virNetworkUpdateHostMatchesAll(const virNetworkDHCPHostDef *key,
                               const virNetworkDHCPHostDef *host)
{
    return (!key->mac || !host->mac ||
            virNetworkUpdateMacEqual(key->mac, host->mac)) &&
           (!key->name || STREQ_NULLABLE(key->name, host->name)) &&
           (!VIR_SOCKET_ADDR_VALID(&key->ip) ||
            virSocketAddrEqual(&key->ip, &host->ip));
}

static int
virNetworkUpdateDHCPHostEdit(virNetworkDef *def, virNetworkIPDef *ipdef,
                             unsigned int command, virNetworkDHCPHostDef *host)
{
    g_autofree char *ip = NULL;
    size_t i;

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        for (i = 0; i < ipdef->nhosts; i++) {
            if (virNetworkUpdateHostMatchesAny(host, &ipdef->hosts[i]))
                break;
        }
        if (i == ipdef->nhosts) {
            ip = virSocketAddrFormat(&host->ip);
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate an existing dhcp host entry "
                           "with \"mac='%s'\" \"name='%s'\" \"ip='%s'\" in "
                           "network '%s'",
                           host->mac ? host->mac : "unknown",
                           host->name ? host->name : "(null)",
                           ip ? ip : "unknown", def->name);
            return -1;
        }
        virNetworkDHCPHostDefClear(&ipdef->hosts[i]);
        ipdef->hosts[i] = *host;
        memset(host, 0, sizeof(*host));
        return 0;
    }

    if (virNetworkUpdateIsAdd(command)) {
        if (virNetworkUpdateCheckMultiDHCP(def, ipdef) < 0)
            return -1;
        for (i = 0; i < ipdef->nhosts; i++) {
            if (!virNetworkUpdateHostMatchesAny(host, &ipdef->hosts[i]))
                continue;
            ip = virSocketAddrFormat(&host->ip);
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing dhcp host entry in network "
                           "'%s' that matches \"<host mac='%s' name='%s' "
                           "ip='%s'/>\"",
                           def->name, host->mac ? host->mac : "unknown",
                           host->name ? host->name : "(null)",
                           ip ? ip : "unknown");
            return -1;
        }
        VIR_NETWORK_UPDATE_INSERT(ipdef->hosts, ipdef->nhosts,
                                  virNetworkUpdateAddPos(command,
                                                         ipdef->nhosts),
                                  *host);
        memset(host, 0, sizeof(*host));
        return 0;
    }

    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        for (i = 0; i < ipdef->nhosts; i++) {
            if (virNetworkUpdateHostMatchesAll(host, &ipdef->hosts[i]))
                break;
        }
        if (i == ipdef->nhosts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching dhcp host entry in "
                           "network '%s'", def->name);
            return -1;
        }
        virNetworkDHCPHostDefClear(&ipdef->hosts[i]);
        VIR_NETWORK_UPDATE_REMOVE(ipdef->hosts, ipdef->nhosts, i);
        return 0;
    }

    return virNetworkUpdateUnknownCommand(command);
}

static int
virNetworkUpdateDHCPHost(virNetworkDef *def, unsigned int command,
                         int parentIndex, xmlNodePtr node)
{
    /* looked up first: a wrong element name is the error that stays */
    virNetworkIPDef *ipdef = virNetworkUpdateDHCPParent(def, parentIndex);
    virNetworkDHCPHostDef host = { 0 };
    bool partial = command == VIR_NETWORK_UPDATE_COMMAND_DELETE;
    int ret;

    if (virNetworkUpdateCheckName(def, node, "host") < 0 || !ipdef)
        return -1;
    if (virNetworkDHCPHostParseXML(def->name, ipdef, node, &host,
                                   partial) < 0) {
        virNetworkDHCPHostDefClear(&host);
        return -1;
    }
    if (!partial && VIR_SOCKET_ADDR_FAMILY(&ipdef->address) !=
                    VIR_SOCKET_ADDR_FAMILY(&host.ip)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "the address family of a host entry IP must match "
                       "the address family of the dhcp element's parent");
        virNetworkDHCPHostDefClear(&host);
        return -1;
    }
    ret = virNetworkUpdateDHCPHostEdit(def, ipdef, command, &host);
    virNetworkDHCPHostDefClear(&host);
    return ret;
}

static int
virNetworkUpdateDHCPRange(virNetworkDef *def, unsigned int command,
                          int parentIndex, xmlNodePtr node)
{
    virNetworkIPDef *ipdef = virNetworkUpdateDHCPParent(def, parentIndex);
    virNetworkDHCPRangeDef range = { 0 };
    size_t i;

    if (virNetworkUpdateCheckName(def, node, "range") < 0 || !ipdef)
        return -1;
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "dhcp ranges cannot be modified, only added or "
                       "deleted");
        return -1;
    }
    if (virNetworkDHCPRangeParseXML(def->name, ipdef, node, &range) < 0) {
        g_free(range.lease);
        return -1;
    }
    if (VIR_SOCKET_ADDR_FAMILY(&ipdef->address) !=
        VIR_SOCKET_ADDR_FAMILY(&range.addr.start)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "the address family of a dhcp range must match the "
                       "address family of the dhcp element's parent");
        g_free(range.lease);
        return -1;
    }

    for (i = 0; i < ipdef->nranges; i++) {
        if (virSocketAddrEqual(&range.addr.start,
                               &ipdef->ranges[i].addr.start) &&
            virSocketAddrEqual(&range.addr.end, &ipdef->ranges[i].addr.end))
            break;
    }

    if (virNetworkUpdateIsAdd(command)) {
        if (virNetworkUpdateCheckMultiDHCP(def, ipdef) < 0) {
            g_free(range.lease);
            return -1;
        }
        if (i < ipdef->nranges) {
            g_autofree char *start = virSocketAddrFormat(&range.addr.start);
            g_autofree char *end = virSocketAddrFormat(&range.addr.end);

            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing dhcp range entry in "
                           "network '%s' that matches \"<range start='%s' "
                           "end='%s'/>\"",
                           def->name, start ? start : "unknown",
                           end ? end : "unknown");
            g_free(range.lease);
            return -1;
        }
        VIR_NETWORK_UPDATE_INSERT(ipdef->ranges, ipdef->nranges,
                                  virNetworkUpdateAddPos(command,
                                                         ipdef->nranges),
                                  range);
        return 0;
    }

    g_free(range.lease);
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (i == ipdef->nranges) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching dhcp range entry in "
                           "network '%s'", def->name);
            return -1;
        }
        g_free(ipdef->ranges[i].lease);
        VIR_NETWORK_UPDATE_REMOVE(ipdef->ranges, ipdef->nranges, i);
        return 0;
    }
    return virNetworkUpdateUnknownCommand(command);
}

/* ---- <forward><interface> and <portgroup> ---- */

static int
virNetworkUpdateForwardInterface(virNetworkDef *def, unsigned int command,
                                 xmlNodePtr node)
{
    virNetworkForwardDef *fwd = &def->forward;
    g_autofree char *dev = NULL;
    size_t i;

    if (virNetworkUpdateCheckName(def, node, "interface") < 0)
        return -1;
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "forward interface entries cannot be modified, only "
                       "added or deleted");
        return -1;
    }
    if (!(dev = virXMLPropString(node, "dev"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing dev attribute in <interface> element");
        return -1;
    }

    for (i = 0; i < fwd->nifs; i++) {
        if (fwd->ifs[i].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV &&
            STREQ(dev, fwd->ifs[i].device.dev))
            break;
    }

    if (virNetworkUpdateIsAdd(command)) {
        virNetworkForwardIfDef iface = { 0 };

        if (i < fwd->nifs) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing interface entry in network "
                           "'%s' that matches \"<interface dev='%s'>\"",
                           def->name, dev);
            return -1;
        }
        iface.type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV;
        iface.device.dev = g_steal_pointer(&dev);
        VIR_NETWORK_UPDATE_INSERT(fwd->ifs, fwd->nifs,
                                  virNetworkUpdateAddPos(command, fwd->nifs),
                                  iface);
        return 0;
    }

    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (i == fwd->nifs) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't find an interface entry in network "
                           "'%s' matching <interface dev='%s'>",
                           def->name, dev);
            return -1;
        }
        if (fwd->ifs[i].connections > 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "unable to delete interface '%s' in network "
                           "'%s'. It is currently being used  by %d "
                           "domains.",
                           dev, def->name, fwd->ifs[i].connections);
            return -1;
        }
        g_free(fwd->ifs[i].device.dev);
        VIR_NETWORK_UPDATE_REMOVE(fwd->ifs, fwd->nifs, i);
        return 0;
    }
    return virNetworkUpdateUnknownCommand(command);
}

static int
virNetworkUpdatePortGroupEdit(virNetworkDef *def, unsigned int command,
                              virPortGroupDef *pg)
{
    int foundName = -1;
    int foundDefault = -1;
    size_t i;

    for (i = 0; i < def->nPortGroups; i++) {
        if (STREQ(pg->name, def->portGroups[i].name))
            foundName = i;
        if (def->portGroups[i].isDefault)
            foundDefault = i;
    }
    if (foundName < 0 &&
        (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY ||
         command == VIR_NETWORK_UPDATE_COMMAND_DELETE)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "couldn't find a portgroup entry in network '%s' "
                       "matching <portgroup name='%s'>",
                       def->name, pg->name);
        return -1;
    }
    if (foundName >= 0 && virNetworkUpdateIsAdd(command)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "there is an existing portgroup entry in network "
                       "'%s' that matches \"<portgroup name='%s'>\"",
                       def->name, pg->name);
        return -1;
    }
    if (command != VIR_NETWORK_UPDATE_COMMAND_DELETE && pg->isDefault &&
        foundDefault >= 0 && foundDefault != foundName) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "a different portgroup entry in network '%s' is "
                       "already set as the default. Only one default is "
                       "allowed.", def->name);
        return -1;
    }

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virPortGroupDefClear(&def->portGroups[foundName]);
        def->portGroups[foundName] = *pg;
        memset(pg, 0, sizeof(*pg));
        return 0;
    }
    if (virNetworkUpdateIsAdd(command)) {
        VIR_NETWORK_UPDATE_INSERT(def->portGroups, def->nPortGroups,
                                  virNetworkUpdateAddPos(command,
                                                         def->nPortGroups),
                                  *pg);
        memset(pg, 0, sizeof(*pg));
        return 0;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        virPortGroupDefClear(&def->portGroups[foundName]);
        VIR_NETWORK_UPDATE_REMOVE(def->portGroups, def->nPortGroups,
                                  foundName);
        return 0;
    }
    return virNetworkUpdateUnknownCommand(command);
}

static int
virNetworkUpdatePortGroup(virNetworkDef *def, unsigned int command,
                          xmlNodePtr node)
{
    virPortGroupDef pg = { 0 };
    int ret = -1;

    if (virNetworkUpdateCheckName(def, node, "portgroup") == 0 &&
        virPortGroupParseXML(node, &pg) == 0)
        ret = virNetworkUpdatePortGroupEdit(def, command, &pg);
    virPortGroupDefClear(&pg);
    return ret;
}

/* ---- <dns> ---- */

static int
virNetworkUpdateDNSHostEdit(virNetworkDef *def, unsigned int command,
                            virNetworkDNSHostDef *host)
{
    virNetworkDNSDef *dns = &def->dns;
    bool isAdd = virNetworkUpdateIsAdd(command);
    size_t foundIdx = 0;
    int foundCt = 0;
    size_t i;
    size_t j;
    size_t k;

    for (i = 0; i < dns->nhosts; i++) {
        bool found = virSocketAddrEqual(&host->ip, &dns->hosts[i].ip);

        /* several addresses may share a name, so an addition checks the
         * address only */
        for (j = 0; !isAdd && !found && j < host->nnames; j++) {
            for (k = 0; !found && k < dns->hosts[i].nnames; k++)
                found = STREQ(host->names[j], dns->hosts[i].names[k]);
        }
        if (found) {
            foundCt++;
            foundIdx = i;
        }
    }

    if (isAdd) {
        if (foundCt > 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already at least one DNS HOST record "
                           "with a matching field in network %s", def->name);
            return -1;
        }
        VIR_NETWORK_UPDATE_INSERT(dns->hosts, dns->nhosts,
                                  virNetworkUpdateAddPos(command,
                                                         dns->nhosts),
                                  *host);
        memset(host, 0, sizeof(*host));
        return 0;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (foundCt == 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching DNS HOST record in "
                           "network %s", def->name);
            return -1;
        }
        if (foundCt > 1) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "multiple matching DNS HOST records were found "
                           "in network %s", def->name);
            return -1;
        }
        virNetworkDNSHostDefClear(&dns->hosts[foundIdx]);
        VIR_NETWORK_UPDATE_REMOVE(dns->hosts, dns->nhosts, foundIdx);
        return 0;
    }
    return virNetworkUpdateUnknownCommand(command);
}

static int
virNetworkUpdateDNSHost(virNetworkDef *def, unsigned int command,
                        xmlNodePtr node)
{
    virNetworkDNSHostDef host = { 0 };
    int ret = -1;

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "DNS HOST records cannot be modified, only added or "
                       "deleted");
        return -1;
    }
    if (virNetworkUpdateCheckName(def, node, "host") == 0 &&
        virNetworkDNSHostParseXML(def->name, node, &host,
                                  !virNetworkUpdateIsAdd(command)) == 0)
        ret = virNetworkUpdateDNSHostEdit(def, command, &host);
    virNetworkDNSHostDefClear(&host);
    return ret;
}

static bool
virNetworkUpdateSrvMatches(const virNetworkDNSSrvDef *key,
                           const virNetworkDNSSrvDef *srv)
{
    return (!key->domain || STREQ_NULLABLE(key->domain, srv->domain)) &&
           (!key->service || STREQ_NULLABLE(key->service, srv->service)) &&
           (!key->protocol || STREQ_NULLABLE(key->protocol, srv->protocol)) &&
           (!key->target || STREQ_NULLABLE(key->target, srv->target));
}

static int
virNetworkUpdateDNSSrvEdit(virNetworkDef *def, unsigned int command,
                           virNetworkDNSSrvDef *srv)
{
    virNetworkDNSDef *dns = &def->dns;
    size_t foundIdx = 0;
    int foundCt = 0;
    size_t i;

    for (i = 0; i < dns->nsrvs; i++) {
        if (virNetworkUpdateSrvMatches(srv, &dns->srvs[i])) {
            foundCt++;
            foundIdx = i;
        }
    }

    if (virNetworkUpdateIsAdd(command)) {
        if (foundCt > 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already at least one DNS SRV record "
                           "matching all specified fields in network %s",
                           def->name);
            return -1;
        }
        VIR_NETWORK_UPDATE_INSERT(dns->srvs, dns->nsrvs,
                                  virNetworkUpdateAddPos(command,
                                                         dns->nsrvs),
                                  *srv);
        memset(srv, 0, sizeof(*srv));
        return 0;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (foundCt == 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching DNS SRV record in "
                           "network %s", def->name);
            return -1;
        }
        if (foundCt > 1) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "multiple DNS SRV records matching all specified "
                           "fields were found in network %s", def->name);
            return -1;
        }
        virNetworkDNSSrvDefClear(&dns->srvs[foundIdx]);
        VIR_NETWORK_UPDATE_REMOVE(dns->srvs, dns->nsrvs, foundIdx);
        return 0;
    }
    return virNetworkUpdateUnknownCommand(command);
}

static int
virNetworkUpdateDNSSrv(virNetworkDef *def, unsigned int command,
                       xmlNodePtr node)
{
    virNetworkDNSSrvDef srv = { 0 };
    int ret = -1;

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "DNS SRV records cannot be modified, only added or "
                       "deleted");
        return -1;
    }
    if (virNetworkUpdateCheckName(def, node, "srv") == 0 &&
        virNetworkDNSSrvParseXML(def->name, node, &srv,
                                 !virNetworkUpdateIsAdd(command)) == 0)
        ret = virNetworkUpdateDNSSrvEdit(def, command, &srv);
    virNetworkDNSSrvDefClear(&srv);
    return ret;
}

static int
virNetworkUpdateDNSTxtEdit(virNetworkDef *def, unsigned int command,
                           virNetworkDNSTxtDef *txt)
{
    virNetworkDNSDef *dns = &def->dns;
    size_t i;

    for (i = 0; i < dns->ntxts; i++) {
        if (STREQ(txt->name, dns->txts[i].name))
            break;
    }

    if (virNetworkUpdateIsAdd(command)) {
        if (i < dns->ntxts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already a DNS TXT record with name "
                           "'%s' in network %s", txt->name, def->name);
            return -1;
        }
        VIR_NETWORK_UPDATE_INSERT(dns->txts, dns->ntxts,
                                  virNetworkUpdateAddPos(command,
                                                         dns->ntxts),
                                  *txt);
        memset(txt, 0, sizeof(*txt));
        return 0;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (i == dns->ntxts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching DNS TXT record in "
                           "network %s", def->name);
            return -1;
        }
        virNetworkDNSTxtDefClear(&dns->txts[i]);
        VIR_NETWORK_UPDATE_REMOVE(dns->txts, dns->ntxts, i);
        return 0;
    }
    return virNetworkUpdateUnknownCommand(command);
}

static int
virNetworkUpdateDNSTxt(virNetworkDef *def, unsigned int command,
                       xmlNodePtr node)
{
    virNetworkDNSTxtDef txt = { 0 };
    int ret = -1;

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "DNS TXT records cannot be modified, only added or "
                       "deleted");
        return -1;
    }
    if (virNetworkUpdateCheckName(def, node, "txt") == 0 &&
        virNetworkDNSTxtParseXML(def->name, node, &txt,
                                 !virNetworkUpdateIsAdd(command)) == 0)
        ret = virNetworkUpdateDNSTxtEdit(def, command, &txt);
    virNetworkDNSTxtDefClear(&txt);
    return ret;
}

/* ---- Entry point ---- */

int
virNetworkDefUpdateSection(virNetworkDef *def, unsigned int command,
                           unsigned int section, int parentIndex,
                           const char *xml)
{
    g_autoptr(xmlDoc) doc = NULL;
    xmlNodePtr node;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "network_update_xml", NULL)))
        return -1;
    node = xmlDocGetRootElement(doc);

    switch (section) {
    case VIR_NETWORK_SECTION_BRIDGE:
        return virNetworkUpdateNoSupport(def, "bridge");
    case VIR_NETWORK_SECTION_DOMAIN:
        return virNetworkUpdateNoSupport(def, "domain");
    case VIR_NETWORK_SECTION_IP:
        return virNetworkUpdateNoSupport(def, "ip");
    case VIR_NETWORK_SECTION_IP_DHCP_HOST:
        return virNetworkUpdateDHCPHost(def, command, parentIndex, node);
    case VIR_NETWORK_SECTION_IP_DHCP_RANGE:
        return virNetworkUpdateDHCPRange(def, command, parentIndex, node);
    case VIR_NETWORK_SECTION_FORWARD:
        return virNetworkUpdateNoSupport(def, "forward");
    case VIR_NETWORK_SECTION_FORWARD_INTERFACE:
        return virNetworkUpdateForwardInterface(def, command, node);
    case VIR_NETWORK_SECTION_FORWARD_PF:
        return virNetworkUpdateNoSupport(def, "forward pf");
    case VIR_NETWORK_SECTION_PORTGROUP:
        return virNetworkUpdatePortGroup(def, command, node);
    case VIR_NETWORK_SECTION_DNS_HOST:
        return virNetworkUpdateDNSHost(def, command, node);
    case VIR_NETWORK_SECTION_DNS_TXT:
        return virNetworkUpdateDNSTxt(def, command, node);
    case VIR_NETWORK_SECTION_DNS_SRV:
        return virNetworkUpdateDNSSrv(def, command, node);
    default:
        break;
    }
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                   "can't update unrecognized section of network");
    return -1;
}
