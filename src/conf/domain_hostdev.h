/*
 * domain_hostdev.h: the <hostdev> device family: a host device (PCI, USB,
 * SCSI, vhost-scsi, mediated device, or for containers a block, character
 * or network device) handed to the guest.
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"
#include "storage_source.h"

typedef enum {
    VIR_DOMAIN_HOSTDEV_MODE_SUBSYS = 0,
    VIR_DOMAIN_HOSTDEV_MODE_CAPABILITIES,
    VIR_DOMAIN_HOSTDEV_MODE_LAST
} virDomainHostdevMode;
VIR_ENUM_DECL(virDomainHostdevMode);

typedef enum {
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB = 0,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST
} virDomainHostdevSubsysType;
VIR_ENUM_DECL(virDomainHostdevSubsys);

typedef enum {
    VIR_DOMAIN_HOSTDEV_CAPS_TYPE_STORAGE = 0,
    VIR_DOMAIN_HOSTDEV_CAPS_TYPE_MISC,
    VIR_DOMAIN_HOSTDEV_CAPS_TYPE_NET,
    VIR_DOMAIN_HOSTDEV_CAPS_TYPE_LAST
} virDomainHostdevCapsType;
VIR_ENUM_DECL(virDomainHostdevCaps);

typedef enum {
    VIR_DOMAIN_HOSTDEV_PCI_BACKEND_DEFAULT = 0,
    VIR_DOMAIN_HOSTDEV_PCI_BACKEND_KVM,
    VIR_DOMAIN_HOSTDEV_PCI_BACKEND_VFIO,
    VIR_DOMAIN_HOSTDEV_PCI_BACKEND_XEN,
    VIR_DOMAIN_HOSTDEV_PCI_BACKEND_TYPE_LAST
} virDomainHostdevSubsysPCIBackendType;
VIR_ENUM_DECL(virDomainHostdevSubsysPCIBackend);

typedef enum {
    VIR_DOMAIN_HOSTDEV_SCSI_PROTOCOL_TYPE_NONE = 0, /* "adapter" */
    VIR_DOMAIN_HOSTDEV_SCSI_PROTOCOL_TYPE_ISCSI,
    VIR_DOMAIN_HOSTDEV_SCSI_PROTOCOL_TYPE_LAST
} virDomainHostdevSCSIProtocolType;
VIR_ENUM_DECL(virDomainHostdevSubsysSCSIProtocol);

typedef enum {
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_HOST_PROTOCOL_TYPE_NONE = 0,
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_HOST_PROTOCOL_TYPE_VHOST,
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_HOST_PROTOCOL_TYPE_LAST
} virDomainHostdevSubsysSCSIHostProtocolType;
VIR_ENUM_DECL(virDomainHostdevSubsysSCSIHostProtocol);

typedef enum {
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_VHOST_MODEL_TYPE_DEFAULT = 0,
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_VHOST_MODEL_TYPE_VIRTIO,
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_VHOST_MODEL_TYPE_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_VHOST_MODEL_TYPE_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_HOSTDEV_SUBSYS_SCSI_VHOST_MODEL_TYPE_LAST
} virDomainHostdevSubsysSCSIVHostModelType;
VIR_ENUM_DECL(virDomainHostdevSubsysSCSIVHostModel);

typedef enum {
    VIR_DOMAIN_HOSTDEV_USB_GUEST_RESET_DEFAULT = 0,
    VIR_DOMAIN_HOSTDEV_USB_GUEST_RESET_OFF,
    VIR_DOMAIN_HOSTDEV_USB_GUEST_RESET_UNINITIALIZED,
    VIR_DOMAIN_HOSTDEV_USB_GUEST_RESET_ON,
    VIR_DOMAIN_HOSTDEV_USB_GUEST_RESET_LAST
} virDomainHostdevSubsysUSBGuestReset;
VIR_ENUM_DECL(virDomainHostdevSubsysUSBGuestReset);

typedef enum {
    VIR_MDEV_MODEL_TYPE_VFIO_PCI = 0,
    VIR_MDEV_MODEL_TYPE_VFIO_CCW,
    VIR_MDEV_MODEL_TYPE_VFIO_AP,
    VIR_MDEV_MODEL_TYPE_LAST
} virMediatedDeviceModelType;
VIR_ENUM_DECL(virMediatedDeviceModel);

typedef enum {
    VIR_DOMAIN_HOSTDEV_TEAMING_TYPE_NONE = 0,
    VIR_DOMAIN_HOSTDEV_TEAMING_TYPE_PERSISTENT,
    VIR_DOMAIN_HOSTDEV_TEAMING_TYPE_TRANSIENT,
    VIR_DOMAIN_HOSTDEV_TEAMING_TYPE_LAST
} virDomainHostdevTeamingType;
VIR_ENUM_DECL(virDomainHostdevTeaming);

struct _virDomainHostdevDef {
    virDomainHostdevMode mode;
    bool managed;
    bool readonly;  /* scsi */
    bool shareable; /* scsi */

    /* mode='subsystem' */
    virDomainHostdevSubsysType subsysType;
    /* usb: <source startupPolicy guestReset><vendor/><product/><address/> */
    int startupPolicy; /* virDomainStartupPolicy */
    virDomainHostdevSubsysUSBGuestReset guestReset;
    unsigned int usbVendor;
    unsigned int usbProduct;
    unsigned int usbBus;
    unsigned int usbDevice;
    /* pci: <driver name>, <source writeFiltering><address/> */
    virDomainHostdevSubsysPCIBackendType backend;
    virTristateBool writeFiltering;
    virPCIDeviceAddress pciAddr;
    /* scsi: sgio rawio, <source [protocol='iscsi' name]> */
    int sgio; /* virDomainDeviceSGIO */
    virTristateBool rawio;
    virDomainHostdevSCSIProtocolType scsiProtocol;
    char *scsiAdapter;
    unsigned int scsiBus;
    unsigned int scsiTarget;
    unsigned long long scsiUnit;
    virStorageSource *iscsi; /* path, hosts[0], auth, initiator */
    /* scsi_host: model, <source protocol='vhost' wwpn> */
    virDomainHostdevSubsysSCSIVHostModelType vhostModel;
    virDomainHostdevSubsysSCSIHostProtocolType vhostProtocol;
    char *wwpn;
    /* mdev: model display ramfb, <source><address uuid/></source> */
    virMediatedDeviceModelType mdevModel;
    virTristateSwitch display;
    virTristateSwitch ramfb;
    char mdevUUID[37];

    /* mode='capabilities': <block>, <char> or <interface> */
    virDomainHostdevCapsType capsType;
    char *capsValue;

    /* <teaming type persistent> */
    virDomainHostdevTeamingType teaming;
    char *teamingPersistent;

    virDomainDeviceInfo info; /* with <boot> and <rom> */
};

/* The subsystem part of a host device, shared with <interface type='hostdev'>:
 * @node is the element carrying managed=, sgio=, model=, <driver> and
 * <source>; @type the source kind, which the caller finds in its own place.
 * The formatter writes <driver> and <source>; @typedAddr adds the type= that
 * an interface's <source><address> carries. */
int virDomainHostdevSubsysParseXML(xmlNodePtr node, const char *type,
                                   virDomainHostdevDef *dev);
void virDomainHostdevSubsysFormat(virBuffer *buf,
                                  const virDomainHostdevDef *dev,
                                  unsigned int flags, bool typedAddr);

/* Assigns drive addresses to SCSI host devices and adds the SCSI
 * controllers they need (called from the controllers' post-parse, after
 * the disks got their addresses). */
int virDomainHostdevDefsPostParse(virDomainDef *def, unsigned int flags);
