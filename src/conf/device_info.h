/*
 * device_info.h: what every domain device has in common: its guest
 * <address>, its <alias>, and the optional <boot>, <rom>, <acpi> and
 * <master> children, parsed from a device element and formatted back
 * in upstream's order.
 *
 * Device structs embed a virDomainDeviceInfo by value:
 *
 *     struct _virDomainFooDef {
 *         ...
 *         virDomainDeviceInfo info;
 *     };
 *
 * The parser reads info with virDomainDeviceInfoParseXML(node, &foo->info,
 * flags | VIR_DOMAIN_DEVICE_INFO_BOOT ...) at the point where upstream does
 * (it only reads children of node, so the order does not matter to the
 * result), the formatter calls virDomainDeviceInfoFormat at the place in
 * the child list where upstream writes these elements (usually last), and
 * the free function calls virDomainDeviceInfoClear(&foo->info).
 */
#pragma once

#include "conf_xmlprop.h"

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"

/* Extra bits a device ORs into the domain parse or format flags it passes
 * down, to say which optional children the device supports.  They are
 * above every VIR_DOMAIN_DEF_PARSE_* and VIR_DOMAIN_DEF_FORMAT_* bit.
 * Without BOOT a <boot> child is not read (and so left unconsumed), the
 * same for ROM and <rom>. */
typedef enum {
    VIR_DOMAIN_DEVICE_INFO_BOOT = 1 << 20, /* <boot order= loadparm=> */
    VIR_DOMAIN_DEVICE_INFO_ROM = 1 << 21,  /* <rom bar= file= enabled=> */
} virDomainDeviceInfoFlags;

typedef enum {
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE = 0,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST
} virDomainDeviceAddressType;
VIR_ENUM_DECL(virDomainDeviceAddress);

/* <address type='pci' domain bus slot function multifunction> with an
 * optional <zpci uid fid/> child.  All zero (domain, bus, slot) means
 * "no address chosen yet" and is formatted as a bare <address type='pci'/>.
 * This struct is also used for host PCI addresses (hostdev and nvme
 * sources), which upstream formats without type=. */
typedef struct {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
    virTristateSwitch multi;
    bool zpciUidSet;
    bool zpciFidSet;
    unsigned int zpciUid;
    unsigned int zpciFid;
} virPCIDeviceAddress;

typedef struct {
    unsigned int controller;
    unsigned int bus;
    unsigned int target;
    unsigned int unit;
} virDomainDeviceDriveAddress;

typedef struct {
    unsigned int controller;
    unsigned int bus;
    unsigned int port;
} virDomainDeviceVirtioSerialAddress;

typedef struct {
    unsigned int controller;
    unsigned int slot;
} virDomainDeviceCcidAddress;

#define VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH 4
typedef struct {
    unsigned int bus;
    /* port='1.2.3': hub path, terminated by the first 0 */
    unsigned int port[VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH];
} virDomainDeviceUSBAddress;

typedef struct {
    unsigned long long reg;
    bool has_reg;
} virDomainDeviceSpaprVioAddress;

typedef struct {
    unsigned int cssid;
    unsigned int ssid;
    unsigned int devno;
    bool assigned; /* all three were given */
} virCCWDeviceAddress;

typedef struct {
    unsigned int iobase;
    unsigned int irq;
} virDomainDeviceISAAddress;

typedef struct {
    unsigned int slot;
    unsigned long long base;
} virDomainDeviceDimmAddress;

typedef enum {
    VIR_DOMAIN_CONTROLLER_MASTER_NONE = 0,
    VIR_DOMAIN_CONTROLLER_MASTER_USB,
} virDomainControllerMaster;

typedef struct _virDomainDeviceInfo virDomainDeviceInfo;
struct _virDomainDeviceInfo {
    char *alias;                      /* <alias name=> */
    virDomainDeviceAddressType type;  /* <address type=> */
    union {
        virPCIDeviceAddress pci;
        virDomainDeviceDriveAddress drive;
        virDomainDeviceVirtioSerialAddress vioserial;
        virDomainDeviceCcidAddress ccid;
        virDomainDeviceUSBAddress usb;
        virDomainDeviceSpaprVioAddress spaprvio;
        virCCWDeviceAddress ccw;
        virDomainDeviceISAAddress isa;
        virDomainDeviceDimmAddress dimm;
    } addr;
    /* <master startport=> of USB companion controllers */
    virDomainControllerMaster mastertype;
    unsigned int masterStartport;
    /* <rom> (devices parsed with VIR_DOMAIN_DEVICE_INFO_ROM) */
    virTristateSwitch rombar;
    virTristateBool romenabled;
    char *romfile;
    /* <boot> (devices parsed with VIR_DOMAIN_DEVICE_INFO_BOOT); 0: none */
    unsigned int bootIndex;
    char *loadparm; /* upper-cased as upstream stores it */
    /* <acpi index=>; 0: none */
    unsigned int acpiIndex;
};

/* Reads the <alias>, <master>, <boot> (with VIR_DOMAIN_DEVICE_INFO_BOOT in
 * flags), <rom> (with VIR_DOMAIN_DEVICE_INFO_ROM), <acpi> and <address>
 * children of devnode into info, which is cleared first.  flags are
 * VIR_DOMAIN_DEF_PARSE_* plus the bits above.  As upstream, an alias is
 * kept only for live parses (no VIR_DOMAIN_DEF_PARSE_INACTIVE) or when it
 * is a user alias ("ua-" followed by [A-Za-z0-9_-]); otherwise it is
 * dropped silently.  Returns 0, or -1 with an error reported (upstream's
 * code and wording) and info cleared. */
int virDomainDeviceInfoParseXML(xmlNodePtr devnode,
                                virDomainDeviceInfo *info,
                                unsigned int flags);

/* Writes, at buf's indentation and in upstream's order: <boot> (only with
 * VIR_DOMAIN_DEVICE_INFO_BOOT in flags), <alias>, <master>, <rom> (only
 * with VIR_DOMAIN_DEVICE_INFO_ROM), <acpi>, <address>.  Elements whose
 * fields are unset are left out.  flags are VIR_DOMAIN_DEF_FORMAT_* plus
 * the bits above. */
void virDomainDeviceInfoFormat(virBuffer *buf,
                               const virDomainDeviceInfo *info,
                               unsigned int flags);

/* Collapses repeated slashes and drops a trailing one (unlike
 * virDevicePathSanitize, a leading "//" is folded too and URIs get no
 * special treatment). */
char *virDomainSanitizePath(const char *path);

/* name='on|off' (or 'yes|no') into attrBuf unless the value is absent;
 * the many optional tri-state attributes of the domain XML. */
void virDomainTristateSwitchAttrFormat(virBuffer *attrBuf, const char *name,
                                       virTristateSwitch value);
void virDomainTristateBoolAttrFormat(virBuffer *attrBuf, const char *name,
                                     virTristateBool value);

/* Frees what info owns and resets it to "no address, nothing set"; info
 * itself is not freed (it is embedded). */
void virDomainDeviceInfoClear(virDomainDeviceInfo *info);

/* True when the PCI address has neither domain, bus nor slot set. */
bool virPCIDeviceAddressIsEmpty(const virPCIDeviceAddress *addr);

/* Reads domain/bus/slot/function/multifunction (and a <zpci> child) of an
 * address element such as a hostdev's <source><address>.  Rejects values
 * out of range as upstream (VIR_ERR_XML_ERROR).  0 or -1. */
int virPCIDeviceAddressParseXML(xmlNodePtr node, virPCIDeviceAddress *addr);

/* Writes "<address domain='0x0000' bus='0x00' slot='0x00' function='0x0'/>"
 * as upstream formats host PCI addresses (with type='pci' when withType). */
void virPCIDeviceAddressFormat(virBuffer *buf,
                               const virPCIDeviceAddress *addr,
                               bool withType);

/* Drive address attributes (controller bus target unit) of node; the
 * controller index is at most VIR_DOMAIN_DRIVE_CONTROLLER_MAX. */
#define VIR_DOMAIN_DRIVE_CONTROLLER_MAX 1024
int virDomainDeviceDriveAddressParseXML(xmlNodePtr node,
                                        virDomainDeviceDriveAddress *addr);
/* USB address attributes (bus, port='1.2') of node. */
int virDomainDeviceUSBAddressParseXML(xmlNodePtr node,
                                      virDomainDeviceUSBAddress *addr);
