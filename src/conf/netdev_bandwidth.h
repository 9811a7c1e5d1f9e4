/*
 * netdev_bandwidth.h: the <bandwidth> element shared by networks,
 * portgroups, network ports and domain interfaces: an optional
 * <inbound> and <outbound> rate, each with average/peak/burst and (for
 * inbound only, and only where the caller allows it) a guaranteed floor.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"

typedef struct _virNetDevBandwidthRate virNetDevBandwidthRate;
struct _virNetDevBandwidthRate {
    unsigned long long average; /* kilobytes/s */
    unsigned long long peak;    /* kilobytes/s */
    unsigned long long floor;   /* kilobytes/s, inbound only */
    unsigned long long burst;   /* kilobytes */
};

typedef struct _virNetDevBandwidth virNetDevBandwidth;
struct _virNetDevBandwidth {
    virNetDevBandwidthRate *in;
    virNetDevBandwidthRate *out;
};

void virNetDevBandwidthFree(virNetDevBandwidth *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetDevBandwidth, virNetDevBandwidthFree);

/* Parses the <bandwidth> element node into *bandwidth (left NULL when it
 * holds neither <inbound> nor <outbound>).  class_id, when non-NULL,
 * receives the classID attribute (only live network ports and networks
 * have one); with class_id NULL that attribute is an error.  allowFloor
 * says whether inbound floor is acceptable in this context.
 * 0 on success, -1 with an error reported. */
int virNetDevBandwidthParse(virNetDevBandwidth **bandwidth,
                            unsigned int *class_id,
                            xmlNodePtr node,
                            bool allowFloor);

/* Writes <bandwidth> (with classID when class_id is non-zero) at buf's
 * indentation; nothing when def is NULL. */
void virNetDevBandwidthFormat(const virNetDevBandwidth *def,
                              unsigned int class_id,
                              virBuffer *buf);

/* True when def guarantees an inbound floor. */
bool virNetDevBandwidthHasFloor(const virNetDevBandwidth *def);
