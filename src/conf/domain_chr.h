/*
 * domain_chr.h: the <serial>, <parallel>, <console> and <channel> device
 * family, and the character device source they share with <smartcard
 * mode='passthrough'>, <redirdev> and the egd backend of <rng>.
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"
#include "storage_source.h"

typedef enum {
    VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL = 0,
    VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL,
    VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE,
    VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL,
    VIR_DOMAIN_CHR_DEVICE_TYPE_LAST
} virDomainChrDeviceType;
VIR_ENUM_DECL(virDomainChrDevice);

typedef enum {
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_NONE = 0,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_USB,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_PCI,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_SPAPR_VIO,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_SYSTEM,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_SCLP,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA_DEBUG,
    VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_LAST
} virDomainChrSerialTargetType;
VIR_ENUM_DECL(virDomainChrSerialTarget);

typedef enum {
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_NONE = 0,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_ISA_SERIAL,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_USB_SERIAL,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_PCI_SERIAL,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_SPAPR_VTY,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_PL011,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_SCLPCONSOLE,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_SCLPLMCONSOLE,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_16550A,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_ISA_DEBUGCON,
    VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_LAST
} virDomainChrSerialTargetModel;
VIR_ENUM_DECL(virDomainChrSerialTargetModel);

typedef enum {
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_NONE = 0,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_GUESTFWD,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_XEN,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_LAST
} virDomainChrChannelTargetType;
VIR_ENUM_DECL(virDomainChrChannelTarget);

typedef enum {
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE = 0,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_XEN,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_UML,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_VIRTIO,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_LXC,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_OPENVZ,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SCLP,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SCLPLM,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_LAST
} virDomainChrConsoleTargetType;
VIR_ENUM_DECL(virDomainChrConsoleTarget);

typedef enum {
    VIR_DOMAIN_CHR_DEVICE_STATE_DEFAULT = 0,
    VIR_DOMAIN_CHR_DEVICE_STATE_CONNECTED,
    VIR_DOMAIN_CHR_DEVICE_STATE_DISCONNECTED,
    VIR_DOMAIN_CHR_DEVICE_STATE_LAST
} virDomainChrDeviceState;
VIR_ENUM_DECL(virDomainChrDeviceState);

/* The host side of a character device: the type= attribute. */
typedef enum {
    VIR_DOMAIN_CHR_TYPE_NULL = 0,
    VIR_DOMAIN_CHR_TYPE_VC,
    VIR_DOMAIN_CHR_TYPE_PTY,
    VIR_DOMAIN_CHR_TYPE_DEV,
    VIR_DOMAIN_CHR_TYPE_FILE,
    VIR_DOMAIN_CHR_TYPE_PIPE,
    VIR_DOMAIN_CHR_TYPE_STDIO,
    VIR_DOMAIN_CHR_TYPE_UDP,
    VIR_DOMAIN_CHR_TYPE_TCP,
    VIR_DOMAIN_CHR_TYPE_UNIX,
    VIR_DOMAIN_CHR_TYPE_SPICEVMC,
    VIR_DOMAIN_CHR_TYPE_SPICEPORT,
    VIR_DOMAIN_CHR_TYPE_NMDM,
    VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT,
    VIR_DOMAIN_CHR_TYPE_DBUS,
    VIR_DOMAIN_CHR_TYPE_LAST
} virDomainChrType;
VIR_ENUM_DECL(virDomainChr);

typedef enum {
    VIR_DOMAIN_CHR_TCP_PROTOCOL_RAW = 0,
    VIR_DOMAIN_CHR_TCP_PROTOCOL_TELNET,
    VIR_DOMAIN_CHR_TCP_PROTOCOL_TELNETS,
    VIR_DOMAIN_CHR_TCP_PROTOCOL_TLS,
    VIR_DOMAIN_CHR_TCP_PROTOCOL_LAST
} virDomainChrTcpProtocol;
VIR_ENUM_DECL(virDomainChrTcpProtocol);

typedef struct {
    virTristateBool enabled;
    unsigned int timeout;
} virDomainChrSourceReconnectDef;

typedef struct _virDomainChrSourceDef virDomainChrSourceDef;
struct _virDomainChrSourceDef {
    virDomainChrType type;
    /* pty, dev, file, pipe */
    char *path;
    virTristateSwitch append; /* file only */
    /* tcp; host and service are shared with udp's connect side */
    char *host;
    char *service;
    bool listen; /* tcp and unix: mode='bind' */
    virTristateBool haveTLS;
    virDomainChrTcpProtocol protocol;
    virDomainChrSourceReconnectDef reconnect; /* tcp and unix */
    /* udp's bind side (connect is host/service above) */
    char *bindHost;
    char *bindService;
    /* spiceport, dbus */
    char *channel;
    /* nmdm */
    char *master;
    char *slave;
    /* qemu-vdagent */
    virTristateBool clipboard;
    int mouse; /* 0 default, 1 server, 2 client */
    /* <log> */
    char *logfile;
    virTristateSwitch logappend;
    /* <seclabel> overrides inside <source> (serial, parallel, console
     * and channel only) */
    virSecurityDeviceLabelDef **seclabels;
    size_t nseclabels;
};

virDomainChrSourceDef *virDomainChrSourceDefNew(void);
void virDomainChrSourceDefFree(virDomainChrSourceDef *src);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainChrSourceDef,
                              virDomainChrSourceDefFree);

/* Sets src->type from the name in type; an unknown name is an error
 * (VIR_ERR_CONFIG_UNSUPPORTED). */
int virDomainChrSourceTypeParse(virDomainChrSourceDef *src, const char *type);

/* Reads the <source>, <log> and <protocol> children of node into src,
 * whose type the caller has set from its own type= attribute (each
 * device words that error its own way). */
int virDomainChrSourceDefParseXML(virDomainChrSourceDef *src,
                                  xmlNodePtr node, unsigned int flags);
/* Writes " type='...'" into attrBuf. */
void virDomainChrSourceDefFormatType(virBuffer *attrBuf,
                                     const virDomainChrSourceDef *src);
/* Writes the <source>, <protocol> and <log> children into buf. */
void virDomainChrSourceDefFormat(virBuffer *buf,
                                 const virDomainChrSourceDef *src,
                                 unsigned int flags);
/* Upstream's validation of a source: required attributes per type.  chr
 * is the owning <serial>/<channel>... or NULL for other devices. */
int virDomainChrSourceDefValidate(const virDomainChrSourceDef *src,
                                  const virDomainChrDef *chr);
bool virDomainChrSourceDefIsEqual(const virDomainChrSourceDef *a,
                                  const virDomainChrSourceDef *b);

struct _virDomainChrDef {
    virDomainChrDeviceType deviceType;
    int targetType; /* enum of the device type's target */
    virDomainChrSerialTargetModel targetModel;
    int port; /* serial, parallel, console; -1 until assigned */
    /* channel guestfwd */
    char *addr;
    unsigned int addrPort;
    /* channel virtio and xen */
    char *name;
    virDomainChrDeviceState state;
    virDomainChrSourceDef *source;
    virDomainDeviceInfo info;
};

virDomainChrDef *virDomainChrDefNew(virDomainChrDeviceType deviceType);
