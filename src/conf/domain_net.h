/*
 * domain_net.h: the <interface> device family: the guest's network
 * interfaces of every connection type, with their MAC address, host and
 * guest IP configuration, QoS, VLAN and virtual port settings, virtio
 * driver options and the common device information.
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"
#include "domain_virtio.h"
#include "netdev_bandwidth.h"
#include "netdev_iproute.h"
#include "netdev_vlan.h"
#include "netdev_vport.h"
#include "util/virsocketaddr.h"

typedef enum {
    VIR_DOMAIN_NET_TYPE_USER,
    VIR_DOMAIN_NET_TYPE_ETHERNET,
    VIR_DOMAIN_NET_TYPE_VHOSTUSER,
    VIR_DOMAIN_NET_TYPE_SERVER,
    VIR_DOMAIN_NET_TYPE_CLIENT,
    VIR_DOMAIN_NET_TYPE_MCAST,
    VIR_DOMAIN_NET_TYPE_NETWORK,
    VIR_DOMAIN_NET_TYPE_BRIDGE,
    VIR_DOMAIN_NET_TYPE_INTERNAL,
    VIR_DOMAIN_NET_TYPE_DIRECT,
    VIR_DOMAIN_NET_TYPE_HOSTDEV,
    VIR_DOMAIN_NET_TYPE_UDP,
    VIR_DOMAIN_NET_TYPE_VDPA,
    VIR_DOMAIN_NET_TYPE_NULL,
    VIR_DOMAIN_NET_TYPE_VDS,
    VIR_DOMAIN_NET_TYPE_LAST
} virDomainNetType;
VIR_ENUM_DECL(virDomainNet);

/* Known models; others are kept as a string (modelstr). */
typedef enum {
    VIR_DOMAIN_NET_MODEL_UNKNOWN,
    VIR_DOMAIN_NET_MODEL_NETFRONT,
    VIR_DOMAIN_NET_MODEL_RTL8139,
    VIR_DOMAIN_NET_MODEL_VIRTIO,
    VIR_DOMAIN_NET_MODEL_E1000,
    VIR_DOMAIN_NET_MODEL_E1000E,
    VIR_DOMAIN_NET_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_NET_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_NET_MODEL_USB_NET,
    VIR_DOMAIN_NET_MODEL_SPAPR_VLAN,
    VIR_DOMAIN_NET_MODEL_LAN9118,
    VIR_DOMAIN_NET_MODEL_SMC91C111,
    VIR_DOMAIN_NET_MODEL_VLANCE,
    VIR_DOMAIN_NET_MODEL_VMXNET,
    VIR_DOMAIN_NET_MODEL_VMXNET2,
    VIR_DOMAIN_NET_MODEL_VMXNET3,
    VIR_DOMAIN_NET_MODEL_AM79C970A,
    VIR_DOMAIN_NET_MODEL_AM79C973,
    VIR_DOMAIN_NET_MODEL_82540EM,
    VIR_DOMAIN_NET_MODEL_82545EM,
    VIR_DOMAIN_NET_MODEL_82543GC,
    VIR_DOMAIN_NET_MODEL_LAST
} virDomainNetModelType;
VIR_ENUM_DECL(virDomainNetModel);

typedef enum {
    VIR_DOMAIN_NET_DRIVER_TYPE_DEFAULT = 0,
    VIR_DOMAIN_NET_DRIVER_TYPE_QEMU,
    VIR_DOMAIN_NET_DRIVER_TYPE_VHOST,
    VIR_DOMAIN_NET_DRIVER_TYPE_LAST
} virDomainNetDriverType;
VIR_ENUM_DECL(virDomainNetDriver);

typedef enum {
    VIR_DOMAIN_NET_VIRTIO_TX_MODE_DEFAULT = 0,
    VIR_DOMAIN_NET_VIRTIO_TX_MODE_IOTHREAD,
    VIR_DOMAIN_NET_VIRTIO_TX_MODE_TIMER,
    VIR_DOMAIN_NET_VIRTIO_TX_MODE_LAST
} virDomainNetVirtioTxModeType;
VIR_ENUM_DECL(virDomainNetVirtioTxMode);

typedef enum {
    VIR_DOMAIN_NET_TEAMING_TYPE_NONE = 0,
    VIR_DOMAIN_NET_TEAMING_TYPE_PERSISTENT,
    VIR_DOMAIN_NET_TEAMING_TYPE_TRANSIENT,
    VIR_DOMAIN_NET_TEAMING_TYPE_LAST
} virDomainNetTeamingType;
VIR_ENUM_DECL(virDomainNetTeaming);

typedef enum {
    VIR_DOMAIN_NET_INTERFACE_LINK_STATE_DEFAULT = 0,
    VIR_DOMAIN_NET_INTERFACE_LINK_STATE_UP,
    VIR_DOMAIN_NET_INTERFACE_LINK_STATE_DOWN,
    VIR_DOMAIN_NET_INTERFACE_LINK_STATE_LAST
} virDomainNetInterfaceLinkState;
VIR_ENUM_DECL(virDomainNetInterfaceLinkState);

typedef enum {
    VIR_DOMAIN_NET_BACKEND_DEFAULT = 0,
    VIR_DOMAIN_NET_BACKEND_PASST,
    VIR_DOMAIN_NET_BACKEND_LAST
} virDomainNetBackendType;
VIR_ENUM_DECL(virDomainNetBackend);

typedef enum {
    VIR_DOMAIN_NET_PROTO_NONE = 0,
    VIR_DOMAIN_NET_PROTO_TCP,
    VIR_DOMAIN_NET_PROTO_UDP,
    VIR_DOMAIN_NET_PROTO_LAST
} virDomainNetProto;
VIR_ENUM_DECL(virDomainNetProto);

typedef enum {
    VIR_DOMAIN_NET_MAC_TYPE_DEFAULT = 0,
    VIR_DOMAIN_NET_MAC_TYPE_GENERATED,
    VIR_DOMAIN_NET_MAC_TYPE_STATIC,
    VIR_DOMAIN_NET_MAC_TYPE_LAST
} virDomainNetMacType;
VIR_ENUM_DECL(virDomainNetMacType);

typedef enum {
    VIR_NETDEV_MACVLAN_MODE_VEPA,
    VIR_NETDEV_MACVLAN_MODE_PRIVATE,
    VIR_NETDEV_MACVLAN_MODE_BRIDGE,
    VIR_NETDEV_MACVLAN_MODE_PASSTHRU,
    VIR_NETDEV_MACVLAN_MODE_LAST
} virNetDevMacVLanMode;
VIR_ENUM_DECL(virNetDevMacVLanMode);

#define VIR_MAC_BUFLEN 6
#define VIR_MAC_STRING_BUFLEN (VIR_MAC_BUFLEN * 3)

/* An <ip address family prefix peer>. */
typedef struct _virDomainNetIPAddr virDomainNetIPAddr;
struct _virDomainNetIPAddr {
    virSocketAddr address;
    virSocketAddr peer;
    unsigned int prefix;
};

/* The <ip> and <route> children of <interface> (guest side) or of its
 * <source> (host side). */
typedef struct _virDomainNetIPInfo virDomainNetIPInfo;
struct _virDomainNetIPInfo {
    virDomainNetIPAddr **ips;
    size_t nips;
    virNetDevIPRoute **routes;
    size_t nroutes;
};

typedef struct _virDomainNetPortForwardRange virDomainNetPortForwardRange;
struct _virDomainNetPortForwardRange {
    unsigned int start;
    unsigned int end;
    unsigned int to;
    virTristateBool exclude;
};

typedef struct _virDomainNetPortForward virDomainNetPortForward;
struct _virDomainNetPortForward {
    virDomainNetProto proto;
    virSocketAddr address;
    char *dev;
    virDomainNetPortForwardRange *ranges;
    size_t nRanges;
};

/* One <filterref><parameter name value/>. */
typedef struct _virDomainNetFilterParam virDomainNetFilterParam;
struct _virDomainNetFilterParam {
    char *name;
    char *value;
};

/* Offload switches of <driver><host/> and <driver><guest/>. */
typedef struct _virDomainNetOffloads virDomainNetOffloads;
struct _virDomainNetOffloads {
    virTristateSwitch csum;
    virTristateSwitch gso;   /* host only */
    virTristateSwitch tso4;
    virTristateSwitch tso6;
    virTristateSwitch ecn;
    virTristateSwitch ufo;
    virTristateSwitch mrg_rxbuf; /* host only */
};

struct _virDomainNetDef {
    virDomainNetType type;
    virTristateBool trustGuestRxFilters;

    unsigned char mac[VIR_MAC_BUFLEN];
    bool macGenerated;
    virDomainNetMacType macType;
    virTristateBool macCheck;

    virDomainNetModelType model;
    char *modelstr; /* a model outside the enum */

    /* <source>, by type */
    char *network;          /* network */
    char *portgroup;
    bool hasPortid;
    unsigned char portid[VIR_UUID_BUFLEN];
    char *brname;           /* bridge */
    char *linkdev;          /* direct */
    virNetDevMacVLanMode directMode;
    char *sockAddress;      /* server, client, mcast, udp */
    int sockPort;
    char *localAddress;     /* udp */
    int localPort;
    char *internalName;     /* internal */
    char *vhostuserPath;    /* vhostuser (unix sockets only) */
    bool vhostuserServer;
    virTristateBool reconnect;
    unsigned int reconnectTimeout;
    char *vdpaDev;          /* vdpa */
    unsigned char vdsSwitchId[VIR_UUID_BUFLEN]; /* vds */
    long long vdsPortId;
    char *vdsPortgroupId;
    long long vdsConnectionId;
    /* hostdev: the subsystem host device (its info is unused: the
     * interface's own is what gets parsed and formatted) */
    virDomainHostdevDef *hostdev;
    char *sourceDev;        /* user */

    virDomainNetIPInfo hostIP;
    virDomainNetIPInfo guestIP;
    virDomainNetPortForward **portForwards;
    size_t nPortForwards;

    virNetDevVPortProfile *virtPortProfile;
    virNetDevVlan vlan;
    virNetDevBandwidth *bandwidth;
    virTristateBool isolatedPort;

    char *ifname;
    virTristateBool managedTap;
    char *ifnameGuest;
    char *ifnameGuestActual;
    char *script;
    char *downscript;
    char *domainName;

    char *filter;
    virDomainNetFilterParam *filterParams;
    size_t nfilterParams;

    /* <driver> of virtio models */
    virDomainNetDriverType driverName;
    virDomainNetVirtioTxModeType txmode;
    virTristateSwitch ioeventfd;
    virTristateSwitch eventIdx;
    unsigned int queues;
    unsigned int rxQueueSize;
    unsigned int txQueueSize;
    virTristateSwitch rss;
    virTristateSwitch rssHashReport;
    virDomainNetOffloads host;
    virDomainNetOffloads guest;
    virDomainVirtioOptions virtio;

    virDomainNetBackendType backendType;
    char *backendTap;
    char *backendVhost;
    char *backendLogFile;

    virDomainNetInterfaceLinkState linkstate;
    virDomainNetTeamingType teaming;
    char *teamingPersistent;
    bool sndbufSpecified;
    unsigned long long sndbuf;
    unsigned int mtu;
    unsigned int coalesceRxFrames; /* 0: no <coalesce> */

    virDomainDeviceInfo info;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainNetDef, virDomainNetDefFree);

/* Formats mac as upstream does ("52:54:00:12:34:56") into buf. */
char *virDomainNetMacFormat(const unsigned char *mac, char *buf);

/* The interface whose MAC address (when device parses as one) or host
 * side name is device; NULL with upstream's INVALID_ARG otherwise. */
virDomainNetDef *virDomainNetFind(const virDomainDef *def,
                                  const char *device);
