/*
 * netdev_iproute.h: a static <route> (family, address, netmask or
 * prefix, gateway, metric) as networks and domain interfaces declare
 * them.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virsocketaddr.h"

typedef struct _virNetDevIPRoute virNetDevIPRoute;
struct _virNetDevIPRoute {
    char *family;            /* "ipv4", "ipv6" or NULL */
    virSocketAddr address;   /* a network address */
    virSocketAddr netmask;   /* IPv4 only, instead of prefix */
    unsigned int prefix;
    bool has_prefix;
    virSocketAddr gateway;
    unsigned int metric;
    bool has_metric;
};

void virNetDevIPRouteFree(virNetDevIPRoute *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetDevIPRoute, virNetDevIPRouteFree);

/* Parses a <route> element; errorDetail (e.g. the network name) starts
 * every message.  NULL with VIR_ERR_XML_ERROR reported on failure. */
virNetDevIPRoute *virNetDevIPRouteParseXML(const char *errorDetail,
                                           xmlNodePtr node);
void virNetDevIPRouteFormat(virBuffer *buf, const virNetDevIPRoute *def);
