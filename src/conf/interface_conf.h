/*
 * interface_conf.h: the host <interface> document (netcf/udev style
 * physical interface configuration): an ethernet, bridge, bond or vlan
 * device with its start mode, MTU, addressing protocols and, for the
 * composite types, the interfaces it is built from.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"

typedef enum {
    VIR_INTERFACE_TYPE_ETHERNET,
    VIR_INTERFACE_TYPE_BRIDGE,
    VIR_INTERFACE_TYPE_BOND,
    VIR_INTERFACE_TYPE_VLAN,
    VIR_INTERFACE_TYPE_LAST
} virInterfaceType;

typedef enum {
    VIR_INTERFACE_START_UNSPECIFIED = 0,
    VIR_INTERFACE_START_NONE,
    VIR_INTERFACE_START_ONBOOT,
    VIR_INTERFACE_START_HOTPLUG,
    VIR_INTERFACE_START_LAST
} virInterfaceStartMode;

typedef enum {
    VIR_INTERFACE_BOND_NONE = 0,
    VIR_INTERFACE_BOND_BALRR,
    VIR_INTERFACE_BOND_ABACKUP,
    VIR_INTERFACE_BOND_BALXOR,
    VIR_INTERFACE_BOND_BCAST,
    VIR_INTERFACE_BOND_8023AD,
    VIR_INTERFACE_BOND_BALTLB,
    VIR_INTERFACE_BOND_BALALB,
    VIR_INTERFACE_BOND_LAST
} virInterfaceBondMode;

typedef enum {
    VIR_INTERFACE_BOND_MONIT_NONE = 0,
    VIR_INTERFACE_BOND_MONIT_MII,
    VIR_INTERFACE_BOND_MONIT_ARP,
} virInterfaceBondMonit;

typedef enum {
    VIR_INTERFACE_BOND_MII_NONE = 0,
    VIR_INTERFACE_BOND_MII_IOCTL,
    VIR_INTERFACE_BOND_MII_NETIF,
    VIR_INTERFACE_BOND_MII_LAST
} virInterfaceBondMiiCarrier;

typedef enum {
    VIR_INTERFACE_BOND_ARP_NONE = 0,
    VIR_INTERFACE_BOND_ARP_ACTIVE,
    VIR_INTERFACE_BOND_ARP_BACKUP,
    VIR_INTERFACE_BOND_ARP_ALL,
    VIR_INTERFACE_BOND_ARP_LAST
} virInterfaceBondArpValid;

/* <link state>: 0 means not given. */
typedef enum {
    VIR_INTERFACE_LINK_STATE_NONE = 0,
    VIR_INTERFACE_LINK_STATE_UNKNOWN,
    VIR_INTERFACE_LINK_STATE_NOT_PRESENT,
    VIR_INTERFACE_LINK_STATE_DOWN,
    VIR_INTERFACE_LINK_STATE_LOWER_LAYER_DOWN,
    VIR_INTERFACE_LINK_STATE_TESTING,
    VIR_INTERFACE_LINK_STATE_DORMANT,
    VIR_INTERFACE_LINK_STATE_UP,
    VIR_INTERFACE_LINK_STATE_LAST
} virInterfaceLinkState;

VIR_ENUM_DECL(virInterface);
VIR_ENUM_DECL(virInterfaceStartMode);
VIR_ENUM_DECL(virInterfaceBondMode);
VIR_ENUM_DECL(virInterfaceBondMiiCarrier);
VIR_ENUM_DECL(virInterfaceBondArpValid);
VIR_ENUM_DECL(virInterfaceLinkState);

typedef struct _virInterfaceDef virInterfaceDef;

typedef struct {
    int stp;            /* 1 on, 0 off, -1 not given */
    char *delay;        /* kept as written */
    size_t nbItf;
    virInterfaceDef **itf;
} virInterfaceBridgeDef;

typedef struct {
    int mode;           /* virInterfaceBondMode */
    int monit;          /* virInterfaceBondMonit */
    int frequency;      /* miimon */
    int downdelay;
    int updelay;
    int carrier;        /* virInterfaceBondMiiCarrier */
    int interval;       /* arpmon */
    char *target;
    int validate;       /* virInterfaceBondArpValid */
    size_t nbItf;
    virInterfaceDef **itf;  /* ethernet interfaces only */
} virInterfaceBondDef;

typedef struct {
    char *tag;
    char *dev_name;
} virInterfaceVlanDef;

typedef struct {
    char *address;      /* NULL: an <ip> without address, not written */
    int prefix;
} virInterfaceIPDef;

typedef struct {
    char *family;       /* "ipv4" or "ipv6" */
    bool dhcp;
    int peerdns;        /* 1 yes, 0 no, -1 not given */
    bool autoconf;      /* ipv6 only */
    size_t nips;
    virInterfaceIPDef *ips;
    char *gateway;      /* of the first <route> */
} virInterfaceProtocolDef;

struct _virInterfaceDef {
    int type;           /* virInterfaceType */
    char *name;
    unsigned int mtu;
    char *mac;          /* ethernet only, kept as written */
    int startmode;      /* virInterfaceStartMode */
    unsigned int linkSpeed;
    int linkState;      /* virInterfaceLinkState */
    union {
        virInterfaceBridgeDef bridge;
        virInterfaceVlanDef vlan;
        virInterfaceBondDef bond;
    } data;
    size_t nprotos;
    virInterfaceProtocolDef *protos;
};

void virInterfaceDefFree(virInterfaceDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virInterfaceDef, virInterfaceDefFree);

/* flags: VIR_INTERFACE_DEFINE_VALIDATE rejects what no parser read. */
virInterfaceDef *virInterfaceDefParseString(const char *xml,
                                           unsigned int flags);
virInterfaceDef *virInterfaceDefParseNode(xmlNodePtr root,
                                         unsigned int flags);
char *virInterfaceDefFormat(const virInterfaceDef *def);
