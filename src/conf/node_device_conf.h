/*
 * node_device_conf.h: the <device> document describing one device of the
 * host (a PCI function, a USB device, a network interface, a SCSI host, a
 * mediated device, ...) through one or more typed <capability> elements.
 */
#pragma once

#include <stdbool.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virxml.h"

typedef enum {
    VIR_NODE_DEV_CAP_SYSTEM = 0,
    VIR_NODE_DEV_CAP_PCI_DEV,
    VIR_NODE_DEV_CAP_USB_DEV,
    VIR_NODE_DEV_CAP_USB_INTERFACE,
    VIR_NODE_DEV_CAP_NET,
    VIR_NODE_DEV_CAP_SCSI_HOST,
    VIR_NODE_DEV_CAP_SCSI_TARGET,
    VIR_NODE_DEV_CAP_SCSI,
    VIR_NODE_DEV_CAP_STORAGE,
    VIR_NODE_DEV_CAP_FC_HOST,
    VIR_NODE_DEV_CAP_VPORTS,
    VIR_NODE_DEV_CAP_SCSI_GENERIC,
    VIR_NODE_DEV_CAP_DRM,
    VIR_NODE_DEV_CAP_MDEV_TYPES,
    VIR_NODE_DEV_CAP_MDEV,
    VIR_NODE_DEV_CAP_CCW_DEV,
    VIR_NODE_DEV_CAP_CSS_DEV,
    VIR_NODE_DEV_CAP_VDPA,
    VIR_NODE_DEV_CAP_AP_CARD,
    VIR_NODE_DEV_CAP_AP_QUEUE,
    VIR_NODE_DEV_CAP_AP_MATRIX,
    VIR_NODE_DEV_CAP_VPD,
    VIR_NODE_DEV_CAP_LAST
} virNodeDevCapType;

typedef enum {
    VIR_NODE_DEV_CAP_NET_80203 = 0,
    VIR_NODE_DEV_CAP_NET_80211,
    VIR_NODE_DEV_CAP_NET_LAST  /* also: no subtype */
} virNodeDevNetCapType;

typedef enum {
    VIR_NODE_DEV_DRM_PRIMARY = 0,
    VIR_NODE_DEV_DRM_CONTROL,
    VIR_NODE_DEV_DRM_RENDER,
    VIR_NODE_DEV_DRM_LAST
} virNodeDevDRMType;

/* The features a <feature name> of a net capability may name. */
#define VIR_NODE_DEV_NET_FEATURE_LAST 14

VIR_ENUM_DECL(virNodeDevCap);
VIR_ENUM_DECL(virNodeDevNetCap);
VIR_ENUM_DECL(virNodeDevDRM);
VIR_ENUM_DECL(virNodeDevDevnode);
VIR_ENUM_DECL(virNodeDevNetFeature);
VIR_ENUM_DECL(virNodeDevIfState);
VIR_ENUM_DECL(virNodeDevPCIELinkSpeed);
VIR_ENUM_DECL(virNodeDevPCIHeader);

typedef struct {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
} virNodeDevPCIAddress;

typedef struct {
    char *id;
    char *name;
    char *device_api;
    unsigned int available_instances;
} virNodeDevMdevType;

typedef struct {
    size_t ntypes;
    virNodeDevMdevType *types;
} virNodeDevMdevTypes;

typedef struct {
    int port;           /* -1: absent */
    int speed;          /* virNodeDevPCIELinkSpeed, 0 absent */
    unsigned int width;
} virNodeDevPCIELink;

/* A vendor (V<idx>) or system (Y<idx>) specific VPD field. */
typedef struct {
    char idx;
    char *value;
} virNodeDevVPDCustom;

typedef struct {
    char *name;
    bool has_ro;
    char *change_level;
    char *manufacture_id;
    char *part_number;
    char *serial_number;
    size_t nro_vendor;
    virNodeDevVPDCustom *ro_vendor;
    bool has_rw;
    char *asset_tag;
    size_t nrw_vendor;
    virNodeDevVPDCustom *rw_vendor;
    size_t nrw_system;
    virNodeDevVPDCustom *rw_system;
} virNodeDevVPD;

typedef struct {
    char *product_name;
    char *hw_vendor;
    char *hw_version;
    char *hw_serial;
    unsigned char hw_uuid[16];
    char *fw_vendor;
    char *fw_version;
    char *fw_release_date;
} virNodeDevCapSystem;

typedef struct {
    int klass;          /* -1: absent */
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
    unsigned int product;
    unsigned int vendor;
    char *product_name;
    char *vendor_name;
    virNodeDevPCIAddress *physical_function;
    bool has_virt_functions;
    unsigned int max_virtual_functions;
    size_t num_virtual_functions;
    virNodeDevPCIAddress *virtual_functions;
    int hdrType;        /* virNodeDevPCIHeader, 0 unknown */
    bool has_mdev_types;
    virNodeDevMdevTypes mdev_types;
    virNodeDevVPD *vpd;
    bool has_iommu_group;
    unsigned int iommuGroupNumber;
    size_t nIommuGroupDevices;
    virNodeDevPCIAddress *iommuGroupDevices;
    int numa_node;      /* -1: absent */
    bool pcie;
    virNodeDevPCIELink *link_cap;
    virNodeDevPCIELink *link_sta;
} virNodeDevCapPCIDev;

typedef struct {
    unsigned int bus;
    unsigned int device;
    unsigned int vendor;
    unsigned int product;
    char *vendor_name;
    char *product_name;
} virNodeDevCapUSBDev;

typedef struct {
    unsigned int number;
    unsigned int klass;
    unsigned int subclass;
    unsigned int protocol;
    char *description;
} virNodeDevCapUSBIf;

typedef struct {
    char *ifname;
    char *address;
    unsigned int link_speed;
    int link_state;     /* virNodeDevIfState, 0 absent */
    unsigned int features;  /* bit per virNodeDevNetFeature */
    virNodeDevNetCapType subtype;
} virNodeDevCapNet;

typedef struct {
    unsigned int host;
    int unique_id;      /* -1: absent */
    bool fc_host;
    char *wwnn;
    char *wwpn;
    char *fabric_wwn;
    bool vport_ops;
    int max_vports;         /* live counts; not read back */
    int vports;
} virNodeDevCapSCSIHost;

typedef struct {
    char *name;
    bool fc_rport;
    char *rport;
    char *wwpn;
} virNodeDevCapSCSITarget;

typedef struct {
    unsigned int host;
    unsigned int bus;
    unsigned int target;
    unsigned int lun;
    char *type;
} virNodeDevCapSCSI;

typedef struct {
    char *block;
    char *bus;
    char *drive_type;
    char *model;
    char *vendor;
    char *serial;
    unsigned long long size;
    bool removable;
    bool media_available;
    bool hotpluggable;
    unsigned long long removable_media_size;
    char *media_label;
} virNodeDevCapStorage;

typedef struct {
    char *name;
    char *value;
} virNodeDevMdevAttr;

typedef struct {
    char *type;
    char *uuid;
    char *parent_addr;      /* set by the host driver; not read back */
    unsigned int iommuGroupNumber;
    size_t nattributes;
    virNodeDevMdevAttr *attributes;
} virNodeDevCapMdev;

typedef struct {
    unsigned int cssid;
    unsigned int ssid;
    unsigned int devno;
} virNodeDevCCWAddress;

typedef struct {
    unsigned int cssid;
    unsigned int ssid;
    unsigned int devno;
    virNodeDevCCWAddress *channel_dev_addr;  /* css only */
    bool has_mdev_types;
    virNodeDevMdevTypes mdev_types;
} virNodeDevCapCCW;

typedef struct {
    unsigned int ap_adapter;
    unsigned int ap_domain;
    bool has_mdev_types;
    virNodeDevMdevTypes mdev_types;
} virNodeDevCapAP;

typedef struct _virNodeDevCapsDef virNodeDevCapsDef;
struct _virNodeDevCapsDef {
    virNodeDevCapType type;
    union {
        virNodeDevCapSystem system;
        virNodeDevCapPCIDev pci_dev;
        virNodeDevCapUSBDev usb_dev;
        virNodeDevCapUSBIf usb_if;
        virNodeDevCapNet net;
        virNodeDevCapSCSIHost scsi_host;
        virNodeDevCapSCSITarget scsi_target;
        virNodeDevCapSCSI scsi;
        virNodeDevCapStorage storage;
        virNodeDevDRMType drm;
        virNodeDevCapMdev mdev;
        virNodeDevCapCCW ccw_dev;   /* ccw and css */
        virNodeDevCapAP ap;         /* ap_card, ap_queue, ap_matrix */
        char *vdpa_chardev;         /* host driver only */
    } data;
};

typedef struct _virNodeDeviceDef virNodeDeviceDef;
struct _virNodeDeviceDef {
    char *name;
    char *sysfs_path;
    char *devnode;
    size_t ndevlinks;
    char **devlinks;
    char *parent;
    char *parent_wwnn;
    char *parent_wwpn;
    char *parent_fabric_wwn;
    char *driver;           /* set by the host driver; not read back */
    size_t ncaps;
    virNodeDevCapsDef *caps;
};

typedef enum {
    VIR_NODE_DEVICE_PARSE_VALIDATE = 1 << 0,
} virNodeDeviceParseFlags;

void virNodeDeviceDefFree(virNodeDeviceDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDeviceDef, virNodeDeviceDefFree);

/* Parses a <device> document.  With create, the document asks for a new
 * device (virNodeDeviceCreateXML): it has no name yet ("new device") and
 * a scsi_host has no host number. */
virNodeDeviceDef *virNodeDeviceDefParseString(const char *xml, bool create,
                                              unsigned int flags);
/* The same for a <device> element of a larger document (a node file). */
virNodeDeviceDef *virNodeDeviceDefParseNode(xmlNodePtr root, bool create,
                                            unsigned int flags);
char *virNodeDeviceDefFormat(const virNodeDeviceDef *def);

/* Checks the parts of a PCI address read from attributes (a node
 * device's, or a storage adapter's parent's): all zero counts as absent,
 * others must be in range.  domcode is the error domain. */
int virNodeDevPCIAddressCheck(int domcode, unsigned int domain,
                              unsigned int bus, unsigned int slot,
                              unsigned int function);
