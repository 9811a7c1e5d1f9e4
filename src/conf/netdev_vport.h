/*
 * netdev_vport.h: the <virtualport> element shared by networks,
 * portgroups, network ports and domain interfaces: the type of the
 * switch port (802.1Qbg, 802.1Qbh, Open vSwitch, MidoNet) and its
 * <parameters>, each of which only some types accept.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"

typedef enum {
    VIR_NETDEV_VPORT_PROFILE_NONE = 0,
    VIR_NETDEV_VPORT_PROFILE_8021QBG,
    VIR_NETDEV_VPORT_PROFILE_8021QBH,
    VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH,
    VIR_NETDEV_VPORT_PROFILE_MIDONET,
    VIR_NETDEV_VPORT_PROFILE_LAST
} virNetDevVPortProfileType;

VIR_ENUM_DECL(virNetDevVPort);

/* Longest profileid accepted, including the terminating NUL. */
#define VIR_NETDEV_VPORT_PROFILEID_BUFLEN 40

typedef struct _virNetDevVPortProfile virNetDevVPortProfile;
struct _virNetDevVPortProfile {
    int virtPortType;       /* virNetDevVPortProfileType */
    /* 802.1Qbg */
    uint8_t managerID;
    bool managerID_specified;
    uint32_t typeID;        /* 24 bits */
    bool typeID_specified;
    uint8_t typeIDVersion;
    bool typeIDVersion_specified;
    unsigned char instanceID[VIR_UUID_BUFLEN];
    bool instanceID_specified;
    /* 802.1Qbh and openvswitch ("" when unset) */
    char profileID[VIR_NETDEV_VPORT_PROFILEID_BUFLEN];
    /* openvswitch and midonet */
    unsigned char interfaceID[VIR_UUID_BUFLEN];
    bool interfaceID_specified;
};

typedef enum {
    /* Generate instanceid (802.1Qbg, untyped) and interfaceid
     * (openvswitch, untyped) when absent. */
    VIR_VPORT_XML_GENERATE_MISSING_DEFAULTS = 1 << 0,
    /* Every parameter the type needs must be present. */
    VIR_VPORT_XML_REQUIRE_ALL_ATTRIBUTES = 1 << 1,
    /* type= must be given. */
    VIR_VPORT_XML_REQUIRE_TYPE = 1 << 2,
} virNetDevVPortXMLFlags;

/* Parses the <virtualport> element node (flags: virNetDevVPortXMLFlags).
 * NULL with an error reported on failure. */
virNetDevVPortProfile *virNetDevVPortProfileParse(xmlNodePtr node,
                                                  unsigned int flags);

/* Writes <virtualport> at buf's indentation, with only the parameters
 * the type accepts; nothing for NULL or an untyped one without
 * parameters. */
void virNetDevVPortProfileFormat(const virNetDevVPortProfile *def,
                                 virBuffer *buf);

/* -1 (error reported) when a parameter the type needs is missing; with
 * generateMissing, a missing instanceid/interfaceid is generated instead
 * where the type allows. */
int virNetDevVPortProfileCheckComplete(virNetDevVPortProfile *def,
                                       bool generateMissing);
/* -1 (error reported) when a parameter the type does not accept is set. */
int virNetDevVPortProfileCheckNoExtras(const virNetDevVPortProfile *def);
/* True when both are NULL or equal. */
bool virNetDevVPortProfileEqual(const virNetDevVPortProfile *a,
                                const virNetDevVPortProfile *b);
