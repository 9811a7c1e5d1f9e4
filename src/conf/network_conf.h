/*
 * network_conf.h: the <network> document: a virtual network's identity,
 * how it forwards traffic (NAT, routing, a host bridge, direct or hostdev
 * pools), its bridge, DNS and DHCP settings, addresses, static routes,
 * portgroups and the default bandwidth/vlan/virtualport of its ports.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virmacaddr.h"
#include "util/virsocketaddr.h"
#include "device_info.h"
#include "netdev_bandwidth.h"
#include "netdev_iproute.h"
#include "netdev_vlan.h"
#include "netdev_vport.h"

typedef enum {
    VIR_NETWORK_FORWARD_NONE = 0,
    VIR_NETWORK_FORWARD_NAT,
    VIR_NETWORK_FORWARD_ROUTE,
    VIR_NETWORK_FORWARD_OPEN,
    VIR_NETWORK_FORWARD_BRIDGE,
    VIR_NETWORK_FORWARD_PRIVATE,
    VIR_NETWORK_FORWARD_VEPA,
    VIR_NETWORK_FORWARD_PASSTHROUGH,
    VIR_NETWORK_FORWARD_HOSTDEV,
    VIR_NETWORK_FORWARD_LAST
} virNetworkForwardType;

typedef enum {
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_DEFAULT = 0,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_KERNEL,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LIBVIRT,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LAST
} virNetworkBridgeMACTableManagerType;

typedef enum {
    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NONE = 0,
    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI,
    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV,
    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_LAST
} virNetworkForwardHostdevDeviceType;

typedef enum {
    VIR_NETWORK_FORWARD_DRIVER_NAME_DEFAULT = 0,
    VIR_NETWORK_FORWARD_DRIVER_NAME_KVM,
    VIR_NETWORK_FORWARD_DRIVER_NAME_VFIO,
    VIR_NETWORK_FORWARD_DRIVER_NAME_LAST
} virNetworkForwardDriverNameType;

typedef enum {
    VIR_NETWORK_DHCP_LEASETIME_UNIT_SECONDS = 0,
    VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES,
    VIR_NETWORK_DHCP_LEASETIME_UNIT_HOURS,
    VIR_NETWORK_DHCP_LEASETIME_UNIT_LAST
} virNetworkDHCPLeaseTimeUnitType;

VIR_ENUM_DECL(virNetworkForward);
VIR_ENUM_DECL(virNetworkBridgeMACTableManager);
VIR_ENUM_DECL(virNetworkForwardHostdevDevice);
VIR_ENUM_DECL(virNetworkForwardDriverName);
VIR_ENUM_DECL(virNetworkDHCPLeaseTimeUnit);

/* <lease expiry unit/>; expiry 0 means infinite. */
typedef struct _virNetworkDHCPLeaseTimeDef virNetworkDHCPLeaseTimeDef;
struct _virNetworkDHCPLeaseTimeDef {
    unsigned long long expiry;
    int unit;   /* virNetworkDHCPLeaseTimeUnitType */
};

typedef struct _virNetworkDHCPRangeDef virNetworkDHCPRangeDef;
struct _virNetworkDHCPRangeDef {
    virSocketAddrRange addr;
    virNetworkDHCPLeaseTimeDef *lease;
};

typedef struct _virNetworkDHCPHostDef virNetworkDHCPHostDef;
struct _virNetworkDHCPHostDef {
    char *mac;      /* kept as written */
    char *id;       /* DHCPv6 client id */
    char *name;
    virSocketAddr ip;
    virNetworkDHCPLeaseTimeDef *lease;
};

typedef struct _virNetworkDNSTxtDef virNetworkDNSTxtDef;
struct _virNetworkDNSTxtDef {
    char *name;
    char *value;
};

typedef struct _virNetworkDNSSrvDef virNetworkDNSSrvDef;
struct _virNetworkDNSSrvDef {
    char *domain;
    char *service;
    char *protocol;
    char *target;
    unsigned int port;
    unsigned int priority;
    unsigned int weight;
};

typedef struct _virNetworkDNSHostDef virNetworkDNSHostDef;
struct _virNetworkDNSHostDef {
    virSocketAddr ip;
    size_t nnames;
    char **names;
};

typedef struct _virNetworkDNSForwarder virNetworkDNSForwarder;
struct _virNetworkDNSForwarder {
    virSocketAddr addr;
    char *domain;
};

typedef struct _virNetworkDNSDef virNetworkDNSDef;
struct _virNetworkDNSDef {
    virTristateBool enable;
    virTristateBool forwardPlainNames;
    size_t ntxts;
    virNetworkDNSTxtDef *txts;
    size_t nhosts;
    virNetworkDNSHostDef *hosts;
    size_t nsrvs;
    virNetworkDNSSrvDef *srvs;
    size_t nfwds;
    virNetworkDNSForwarder *forwarders;
};

typedef struct _virNetworkIPDef virNetworkIPDef;
struct _virNetworkIPDef {
    char *family;           /* "ipv4", "ipv6" or NULL (ipv4) */
    virSocketAddr address;
    unsigned int prefix;    /* 0: use netmask or the natural prefix */
    virSocketAddr netmask;
    virTristateBool localPTR;

    size_t nranges;
    virNetworkDHCPRangeDef *ranges;
    size_t nhosts;
    virNetworkDHCPHostDef *hosts;

    char *tftproot;
    char *bootfile;
    virSocketAddr bootserver;
};

typedef struct _virNetworkForwardIfDef virNetworkForwardIfDef;
struct _virNetworkForwardIfDef {
    int type;   /* virNetworkForwardHostdevDeviceType */
    union {
        virPCIDeviceAddress pci;
        char *dev;
    } device;
    int connections; /* live: ports using this device */
};

typedef struct _virNetworkForwardPfDef virNetworkForwardPfDef;
struct _virNetworkForwardPfDef {
    char *dev;
    int connections;
};

typedef struct _virNetworkForwardDef virNetworkForwardDef;
struct _virNetworkForwardDef {
    int type;           /* virNetworkForwardType */
    bool managed;       /* hostdev mode */
    int driverName;     /* virNetworkForwardDriverNameType */

    size_t npfs;
    virNetworkForwardPfDef *pfs;
    size_t nifs;
    virNetworkForwardIfDef *ifs;

    /* <nat> */
    virSocketAddrRange addr;
    struct {
        unsigned int start;
        unsigned int end;
    } port;
    virTristateBool natIPv6;
};

typedef struct _virPortGroupDef virPortGroupDef;
struct _virPortGroupDef {
    char *name;
    bool isDefault;
    virNetDevVPortProfile *virtPortProfile;
    virNetDevBandwidth *bandwidth;
    virNetDevVlan vlan;
    virTristateBool trustGuestRxFilters;
};

typedef struct _virNetworkDef virNetworkDef;
struct _virNetworkDef {
    unsigned char uuid[VIR_UUID_BUFLEN];
    bool uuid_specified;
    char *name;
    int connections;    /* live: ports in use */

    char *bridge;
    char *bridgeZone;
    int macTableManager; /* virNetworkBridgeMACTableManagerType */
    char *domain;
    virTristateBool domainLocalOnly;
    unsigned long delay;
    bool stp;
    unsigned int mtu;
    virMacAddr mac;
    bool mac_specified;

    bool ipv6nogw;      /* ipv6='yes' */

    virNetworkForwardDef forward;

    size_t nips;
    virNetworkIPDef *ips;
    size_t nroutes;
    virNetDevIPRoute **routes;

    virNetworkDNSDef dns;
    virNetDevVPortProfile *virtPortProfile;

    size_t nPortGroups;
    virPortGroupDef *portGroups;
    virNetDevBandwidth *bandwidth;
    virNetDevVlan vlan;
    virTristateBool trustGuestRxFilters;
    virTristateBool isolatedPort;

    xmlNodePtr metadata; /* detached copy */
};

void virNetworkDefFree(virNetworkDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkDef, virNetworkDefFree);

/* Parse flags: VIR_NETWORK_DEFINE_VALIDATE rejects what no parser read. */
virNetworkDef *virNetworkDefParseString(const char *xml, unsigned int flags);
virNetworkDef *virNetworkDefParseFile(const char *path, unsigned int flags);
/* root is a <network> element of a document the caller keeps. */
virNetworkDef *virNetworkDefParseNode(xmlNodePtr root, unsigned int flags);

/* Format flags: VIR_NETWORK_XML_INACTIVE leaves out live state
 * (connection counts, a pf's expanded interface list). */
char *virNetworkDefFormat(const virNetworkDef *def, unsigned int flags);
int virNetworkDefFormatBuf(virBuffer *buf, const virNetworkDef *def,
                           unsigned int flags);

/* The effective prefix of an <ip>: its prefix, netmask or the natural
 * one of its address. */
int virNetworkIPDefPrefix(const virNetworkIPDef *def);
/* The portgroup called name, or the default one when name is NULL. */
virPortGroupDef *virPortGroupFindByName(virNetworkDef *net, const char *name);
/* One <portgroup> into def (zeroed by the caller, who clears it). */
int virPortGroupParseXML(xmlNodePtr node, virPortGroupDef *def);
void virPortGroupDefClear(virPortGroupDef *def);
/* Whether forward mode type allows a bandwidth floor on its ports. */
bool virNetDevBandwidthSupportsFloor(int type);

/* The optional <bandwidth> and <vlan> children a network, its portgroups
 * and its ports share (a floor only where allowFloor). */
int virNetworkBandwidthVlanParseXML(xmlNodePtr parent,
                                    virNetDevBandwidth **bandwidth,
                                    unsigned int *class_id, bool allowFloor,
                                    virNetDevVlan *vlan);
/* <port isolated='yes|no'/> as used by networks and domain interfaces. */
int virNetworkPortOptionsParseXML(xmlNodePtr parent,
                                  virTristateBool *isolatedPort);
void virNetworkPortOptionsFormat(virTristateBool isolatedPort,
                                 virBuffer *buf);
