/*
 * netdev_iproute.c: parsing and formatting a static <route>.
 *
 * Both the destination and the gateway are required and must agree with
 * the family; the destination must be a network address under its
 * netmask or prefix.
 */
#include "netdev_iproute.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NONE

void
virNetDevIPRouteFree(virNetDevIPRoute *def)
{
    if (!def)
        return;
    g_free(def->family);
    g_free(def);
}

static int
virNetDevIPRouteCheckPrefix(const char *detail, const virNetDevIPRoute *def,
                            unsigned int max)
{
    if (def->prefix > max) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Invalid prefix %u specified in route "
                       "definition, must be 0 - %u", detail, def->prefix, max);
        return -1;
    }
    return 0;
}

static int
virNetDevIPRouteCheckIPv4(const char *detail, virNetDevIPRoute *def,
                          const char *address, const char *netmask)
{
    const char *wrong = NULL;

    if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET))
        wrong = "address";
    else if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->gateway, AF_INET))
        wrong = "gateway";
    if (wrong) {
        /* upstream names the address even when the gateway is wrong */
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: %s family specified for non-IPv4 %s '%s' "
                       "in route definition", detail,
                       def->family ? "IPv4" : "No", wrong, address);
        return -1;
    }
    if (netmask) {
        if (virSocketAddrParse(&def->netmask, netmask, AF_UNSPEC) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Bad netmask address '%s' in route definition",
                           detail, netmask);
            return -1;
        }
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Invalid netmask '%s' for address '%s' "
                           "(both must be IPv4)", detail, netmask, address);
            return -1;
        }
        if (def->has_prefix) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Route definition cannot have both "
                           "a prefix and a netmask", detail);
            return -1;
        }
    }
    return virNetDevIPRouteCheckPrefix(detail, def, 32);
}

static int
virNetDevIPRouteCheckIPv6(const char *detail, virNetDevIPRoute *def,
                          const char *address, const char *netmask,
                          const char *gateway)
{
    if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET6)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: ipv6 family specified for non-IPv6 address '%s' "
                       "in route definition", detail, address);
        return -1;
    }
    if (netmask) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Specifying netmask invalid for IPv6 address '%s' "
                       "in route definition", detail, address);
        return -1;
    }
    if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->gateway, AF_INET6)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: ipv6 specified for non-IPv6 gateway address '%s' "
                       "in route definition", detail, gateway);
        return -1;
    }
    return virNetDevIPRouteCheckPrefix(detail, def, 128);
}

virNetDevIPRoute *
virNetDevIPRouteParseXML(const char *errorDetail, xmlNodePtr node)
{
    g_autoptr(virNetDevIPRoute) def = g_new0(virNetDevIPRoute, 1);
    g_autofree char *address = NULL;
    g_autofree char *netmask = NULL;
    g_autofree char *gateway = NULL;
    virSocketAddr network;
    int rc;

    def->family = virXMLPropString(node, "family");
    address = virXMLPropString(node, "address");
    netmask = virXMLPropString(node, "netmask");
    gateway = virXMLPropString(node, "gateway");

    if ((rc = virXMLPropUInt(node, "prefix", 10, VIR_XML_PROP_NONE,
                             &def->prefix)) < 0)
        return NULL;
    def->has_prefix = rc == 1;
    if ((rc = virXMLPropUInt(node, "metric", 10, VIR_XML_PROP_NONZERO,
                             &def->metric)) < 0)
        return NULL;
    def->has_metric = rc == 1;

    if (!address) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required address attribute "
                       "in route definition", errorDetail);
        return NULL;
    }
    if (!gateway) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required gateway attribute "
                       "in route definition", errorDetail);
        return NULL;
    }
    if (virSocketAddrParse(&def->address, address, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad network address '%s' in route definition",
                       errorDetail, address);
        return NULL;
    }
    if (virSocketAddrParse(&def->gateway, gateway, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad gateway address '%s' in route definition",
                       errorDetail, gateway);
        return NULL;
    }

    if (!def->family || g_str_equal(def->family, "ipv4")) {
        if (virNetDevIPRouteCheckIPv4(errorDetail, def, address, netmask) < 0)
            return NULL;
    } else if (g_str_equal(def->family, "ipv6")) {
        if (virNetDevIPRouteCheckIPv6(errorDetail, def, address, netmask,
                                      gateway) < 0)
            return NULL;
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Unrecognized family '%s' in route definition",
                       errorDetail, def->family);
        return NULL;
    }

    if (netmask)
        rc = virSocketAddrMask(&def->address, &def->netmask, &network);
    else
        rc = virSocketAddrMaskByPrefix(&def->address, def->prefix, &network);
    if (rc < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: Error converting address '%s' to network-address "
                       "in route definition", errorDetail, address);
        return NULL;
    }
    if (!virSocketAddrEqual(&def->address, &network)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Address '%s' in route definition "
                       "is not a network address", errorDetail, address);
        return NULL;
    }
    return g_steal_pointer(&def);
}

void
virNetDevIPRouteFormat(virBuffer *buf, const virNetDevIPRoute *def)
{
    g_autofree char *address = virSocketAddrFormat(&def->address);
    g_autofree char *gateway = virSocketAddrFormat(&def->gateway);

    virBufferAddLit(buf, "<route");
    virBufferEscapeString(buf, " family='%s'", def->family);
    virBufferAsprintf(buf, " address='%s'", address);
    if (VIR_SOCKET_ADDR_VALID(&def->netmask)) {
        g_autofree char *netmask = virSocketAddrFormat(&def->netmask);

        virBufferAsprintf(buf, " netmask='%s'", netmask);
    }
    if (def->has_prefix)
        virBufferAsprintf(buf, " prefix='%u'", def->prefix);
    virBufferAsprintf(buf, " gateway='%s'", gateway);
    if (def->has_metric && def->metric > 0)
        virBufferAsprintf(buf, " metric='%u'", def->metric);
    virBufferAddLit(buf, "/>\n");
}
