/*
 * networkport_conf.h: the <networkport> document: one guest interface's
 * port on a virtual network (its owner, MAC, QoS, vlan, virtualport) and,
 * once allocated, how it is plugged in on the host.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virmacaddr.h"
#include "device_info.h"
#include "netdev_bandwidth.h"
#include "netdev_vlan.h"
#include "netdev_vport.h"

typedef enum {
    VIR_NETWORK_PORT_PLUG_TYPE_NONE = 0,
    VIR_NETWORK_PORT_PLUG_TYPE_NETWORK,
    VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE,
    VIR_NETWORK_PORT_PLUG_TYPE_DIRECT,
    VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI,
    VIR_NETWORK_PORT_PLUG_TYPE_LAST
} virNetworkPortPlugType;

VIR_ENUM_DECL(virNetworkPortPlug);
/* The macvtap mode of a direct plug: the same values as the domain
 * interface's virNetDevMacVLanMode (vepa, private, bridge, passthrough). */
typedef enum {
    VIR_NETWORK_PORT_DIRECT_MODE_VEPA = 0,
    VIR_NETWORK_PORT_DIRECT_MODE_PRIVATE,
    VIR_NETWORK_PORT_DIRECT_MODE_BRIDGE,
    VIR_NETWORK_PORT_DIRECT_MODE_PASSTHROUGH,
    VIR_NETWORK_PORT_DIRECT_MODE_LAST
} virNetworkPortDirectMode;
VIR_ENUM_DECL(virNetworkPortDirectMode);

typedef struct _virNetworkPortDef virNetworkPortDef;
struct _virNetworkPortDef {
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *ownername;
    unsigned char owneruuid[VIR_UUID_BUFLEN];
    char *group;            /* portgroup */
    virMacAddr mac;

    virNetDevVPortProfile *virtPortProfile;
    virNetDevBandwidth *bandwidth;
    unsigned int class_id;  /* of the bandwidth floor */
    virNetDevVlan vlan;
    virTristateBool trustGuestRxFilters;
    virTristateBool isolatedPort;

    int plugtype;           /* virNetworkPortPlugType */
    union {
        struct {
            char *brname;
            int macTableManager;  /* virNetworkBridgeMACTableManagerType */
        } bridge;           /* network and bridge plugs */
        struct {
            char *linkdev;
            int mode;             /* virNetworkPortDirectMode */
        } direct;
        struct {
            virPCIDeviceAddress addr;
            int driver;           /* virNetworkForwardDriverNameType */
            virTristateBool managed;
        } hostdevpci;
    } plug;
};

void virNetworkPortDefFree(virNetworkPortDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkPortDef, virNetworkPortDefFree);

/* flags: VIR_NETWORK_PORT_CREATE_VALIDATE rejects what no parser read. */
virNetworkPortDef *virNetworkPortDefParseString(const char *xml,
                                               unsigned int flags);
virNetworkPortDef *virNetworkPortDefParseNode(xmlNodePtr root,
                                             unsigned int flags);
char *virNetworkPortDefFormat(const virNetworkPortDef *def);
void virNetworkPortDefFormatBuf(virBuffer *buf, const virNetworkPortDef *def);
