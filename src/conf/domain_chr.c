/*
 * domain_chr.c: the <serial>, <parallel>, <console> and <channel> device
 * family and the character device source (type=, <source>, <protocol>,
 * <log>) that other devices embed.  After all devices are parsed the
 * console/serial compatibility rules and default port numbers apply.
 */
#include <arpa/inet.h>

#include "domain_chr.h"
#include "domain_controller.h"
#include "domain_os.h"
#include "domain_redirdev.h"
#include "domain_smartcard.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainChrDevice, VIR_DOMAIN_CHR_DEVICE_TYPE_LAST,
              "parallel", "serial", "console", "channel");

VIR_ENUM_IMPL(virDomainChrSerialTarget, VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_LAST,
              "none", "isa-serial", "usb-serial", "pci-serial",
              "spapr-vio-serial", "system-serial", "sclp-serial",
              "isa-debug");

VIR_ENUM_IMPL(virDomainChrSerialTargetModel,
              VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_LAST,
              "none", "isa-serial", "usb-serial", "pci-serial", "spapr-vty",
              "pl011", "sclpconsole", "sclplmconsole", "16550a",
              "isa-debugcon");

VIR_ENUM_IMPL(virDomainChrChannelTarget,
              VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_LAST,
              "none", "guestfwd", "virtio", "xen");

VIR_ENUM_IMPL(virDomainChrConsoleTarget,
              VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_LAST,
              "none", "serial", "xen", "uml", "virtio", "lxc", "openvz",
              "sclp", "sclplm");

VIR_ENUM_IMPL(virDomainChrDeviceState, VIR_DOMAIN_CHR_DEVICE_STATE_LAST,
              "default", "connected", "disconnected");

VIR_ENUM_IMPL(virDomainChr, VIR_DOMAIN_CHR_TYPE_LAST,
              "null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp",
              "tcp", "unix", "spicevmc", "spiceport", "nmdm", "qemu-vdagent",
              "dbus");

VIR_ENUM_IMPL(virDomainChrTcpProtocol, VIR_DOMAIN_CHR_TCP_PROTOCOL_LAST,
              "raw", "telnet", "telnets", "tls");

/* The qemu-vdagent <mouse mode>: the same words as <graphics>' mouse
 * mode, kept here so the two files do not depend on each other. */
typedef enum {
    VIR_DOMAIN_CHR_VDAGENT_MOUSE_DEFAULT = 0,
    VIR_DOMAIN_CHR_VDAGENT_MOUSE_SERVER,
    VIR_DOMAIN_CHR_VDAGENT_MOUSE_CLIENT,
    VIR_DOMAIN_CHR_VDAGENT_MOUSE_LAST
} virDomainChrVdagentMouse;
VIR_ENUM_DECL(virDomainChrVdagentMouse);
VIR_ENUM_IMPL(virDomainChrVdagentMouse, VIR_DOMAIN_CHR_VDAGENT_MOUSE_LAST,
              "default", "server", "client");

typedef enum {
    VIR_DOMAIN_CHR_SOURCE_MODE_CONNECT = 0,
    VIR_DOMAIN_CHR_SOURCE_MODE_BIND,
    VIR_DOMAIN_CHR_SOURCE_MODE_LAST
} virDomainChrSourceMode;
VIR_ENUM_DECL(virDomainChrSourceMode);
VIR_ENUM_IMPL(virDomainChrSourceMode, VIR_DOMAIN_CHR_SOURCE_MODE_LAST,
              "connect", "bind");


/* ---- The source ---- */

virDomainChrSourceDef *
virDomainChrSourceDefNew(void)
{
    return g_new0(virDomainChrSourceDef, 1);
}

void
virDomainChrSourceDefFree(virDomainChrSourceDef *src)
{
    size_t i;

    if (!src)
        return;
    g_free(src->path);
    g_free(src->host);
    g_free(src->service);
    g_free(src->bindHost);
    g_free(src->bindService);
    g_free(src->channel);
    g_free(src->master);
    g_free(src->slave);
    g_free(src->logfile);
    for (i = 0; i < src->nseclabels; i++)
        virSecurityDeviceLabelDefFree(src->seclabels[i]);
    g_free(src->seclabels);
    g_free(src);
}

static int
virDomainChrSourceReconnectParseXML(virDomainChrSourceReconnectDef *def,
                                    xmlNodePtr source)
{
    xmlNodePtr cur = virXMLChild(source, "reconnect");

    if (!cur)
        return 0;
    if (virXMLPropTristateBool(cur, "enabled", VIR_XML_PROP_NONE,
                               &def->enabled) < 0)
        return -1;
    /* The timeout only means something when reconnecting. */
    if (def->enabled == VIR_TRISTATE_BOOL_YES &&
        virXMLPropUInt(cur, "timeout", 10, VIR_XML_PROP_REQUIRED,
                       &def->timeout) < 0)
        return -1;
    return 0;
}

static int
virDomainChrSourceModeParse(xmlNodePtr source, int *mode)
{
    return virXMLPropEnumDefault(source, "mode",
                                 virDomainChrSourceModeTypeFromString,
                                 VIR_XML_PROP_NONE, mode,
                                 VIR_DOMAIN_CHR_SOURCE_MODE_CONNECT);
}

/* One <source> of udp: each mode may be given once, later ones of the
 * same mode are ignored as upstream ignores them. */
static int
virDomainChrSourceParseUDP(virDomainChrSourceDef *src, xmlNodePtr source)
{
    int mode;

    if (virDomainChrSourceModeParse(source, &mode) < 0)
        return -1;
    if (mode == VIR_DOMAIN_CHR_SOURCE_MODE_CONNECT) {
        if (!src->host && !src->service) {
            src->host = virXMLPropString(source, "host");
            src->service = virXMLPropString(source, "service");
        }
    } else if (!src->bindHost && !src->bindService) {
        src->bindHost = virXMLPropString(source, "host");
        src->bindService = virXMLPropString(source, "service");
    }
    return 0;
}

static int
virDomainChrSourceParseVdagent(virDomainChrSourceDef *src,
                               xmlNodePtr source)
{
    xmlNodePtr cur;

    if ((cur = virXMLChild(source, "clipboard")) &&
        virXMLPropTristateBool(cur, "copypaste", VIR_XML_PROP_REQUIRED,
                               &src->clipboard) < 0)
        return -1;
    if ((cur = virXMLChild(source, "mouse")) &&
        virXMLPropEnum(cur, "mode", virDomainChrVdagentMouseTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &src->mouse) < 0)
        return -1;
    return 0;
}

static int
virDomainChrSourceParseOne(virDomainChrSourceDef *src, xmlNodePtr source,
                           unsigned int flags)
{
    int mode;

    switch (src->type) {
    case VIR_DOMAIN_CHR_TYPE_FILE:
        src->path = virXMLPropString(source, "path");
        return virXMLPropTristateSwitch(source, "append", VIR_XML_PROP_NONE,
                                        &src->append);
    case VIR_DOMAIN_CHR_TYPE_PTY:
        /* The pty path is runtime state, only taken from live XML. */
        if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
            src->path = virXMLPropString(source, "path");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        src->path = virXMLPropString(source, "path");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        if (virDomainChrSourceModeParse(source, &mode) < 0)
            return -1;
        src->listen = mode == VIR_DOMAIN_CHR_SOURCE_MODE_BIND;
        src->path = virXMLPropString(source, "path");
        return virDomainChrSourceReconnectParseXML(&src->reconnect, source);
    case VIR_DOMAIN_CHR_TYPE_UDP:
        return virDomainChrSourceParseUDP(src, source);
    case VIR_DOMAIN_CHR_TYPE_TCP:
        if (virDomainChrSourceModeParse(source, &mode) < 0)
            return -1;
        src->listen = mode == VIR_DOMAIN_CHR_SOURCE_MODE_BIND;
        src->host = virXMLPropString(source, "host");
        src->service = virXMLPropString(source, "service");
        if (virXMLPropTristateBool(source, "tls", VIR_XML_PROP_NONE,
                                   &src->haveTLS) < 0)
            return -1;
        return virDomainChrSourceReconnectParseXML(&src->reconnect, source);
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
        src->channel = virXMLPropString(source, "channel");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_NMDM:
        src->master = virXMLPropString(source, "master");
        src->slave = virXMLPropString(source, "slave");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
        return virDomainChrSourceParseVdagent(src, source);
    case VIR_DOMAIN_CHR_TYPE_NULL:
    case VIR_DOMAIN_CHR_TYPE_VC:
    case VIR_DOMAIN_CHR_TYPE_STDIO:
    case VIR_DOMAIN_CHR_TYPE_SPICEVMC:
    case VIR_DOMAIN_CHR_TYPE_LAST:
        break;
    }
    return 0;
}

int
virDomainChrSourceTypeParse(virDomainChrSourceDef *src, const char *type)
{
    int val;

    if ((val = virDomainChrTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown type presented to host for character device: %s",
                       type);
        return -1;
    }
    src->type = val;
    return 0;
}

int
virDomainChrSourceDefParseXML(virDomainChrSourceDef *src, xmlNodePtr node,
                              unsigned int flags)
{
    g_autofree xmlNodePtr *sources = NULL;
    size_t nsources = virXMLChildren(node, "source", &sources);
    g_autofree xmlNodePtr *logs = NULL;
    size_t nlogs;
    g_autofree xmlNodePtr *protocols = NULL;
    size_t nprotocols;
    size_t i;

    /* Only udp has a second <source>, for its other direction. */
    if (nsources > 1 && src->type != VIR_DOMAIN_CHR_TYPE_UDP) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one source element is allowed for character device");
        return -1;
    }
    if (nsources > 2) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only two source elements are allowed for character device");
        return -1;
    }
    for (i = 0; i < nsources; i++) {
        if (virDomainChrSourceParseOne(src, sources[i], flags) < 0)
            return -1;
    }

    nlogs = virXMLChildren(node, "log", &logs);
    if (nlogs > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one log element is allowed for character device");
        return -1;
    }
    if (nlogs == 1) {
        src->logfile = virXMLPropString(logs[0], "file");
        if (virXMLPropTristateSwitch(logs[0], "append", VIR_XML_PROP_NONE,
                                     &src->logappend) < 0)
            return -1;
    }

    nprotocols = virXMLChildren(node, "protocol", &protocols);
    if (nprotocols > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one protocol element is allowed for character device");
        return -1;
    }
    /* Other types than tcp silently ignore <protocol>, as upstream does. */
    if (nprotocols == 1 && src->type == VIR_DOMAIN_CHR_TYPE_TCP) {
        g_autofree char *prot = virXMLPropString(protocols[0], "type");
        int val;

        if (prot) {
            if ((val = virDomainChrTcpProtocolTypeFromString(prot)) < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Unknown protocol '%s'", prot);
                return -1;
            }
            src->protocol = val;
        }
    }
    return 0;
}

void
virDomainChrSourceDefFormatType(virBuffer *attrBuf,
                                const virDomainChrSourceDef *src)
{
    virBufferAsprintf(attrBuf, " type='%s'",
                      virDomainChrTypeToString(src->type));
}

static void
virDomainChrSourceReconnectFormat(virBuffer *buf,
                                  const virDomainChrSourceReconnectDef *def)
{
    if (def->enabled == VIR_TRISTATE_BOOL_ABSENT)
        return;
    virBufferAsprintf(buf, "<reconnect enabled='%s'",
                      virTristateBoolTypeToString(def->enabled));
    if (def->enabled == VIR_TRISTATE_BOOL_YES)
        virBufferAsprintf(buf, " timeout='%u'", def->timeout);
    virBufferAddLit(buf, "/>\n");
}

static void
virDomainChrSourceFormatUDP(virBuffer *buf, const char *mode,
                            const char *host, const char *service)
{
    if (!host && !service)
        return;
    virBufferAsprintf(buf, "<source mode='%s'", mode);
    virBufferEscapeString(buf, " host='%s'", host);
    virBufferEscapeString(buf, " service='%s'", service);
    virBufferAddLit(buf, "/>\n");
}

static void
virDomainChrSourceSeclabelsFormat(virBuffer *buf,
                                  const virDomainChrSourceDef *src,
                                  unsigned int flags)
{
    size_t i;

    for (i = 0; i < src->nseclabels; i++)
        virSecurityDeviceLabelDefFormat(buf, src->seclabels[i], flags);
}

void
virDomainChrSourceDefFormat(virBuffer *buf, const virDomainChrSourceDef *src,
                            unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    switch (src->type) {
    case VIR_DOMAIN_CHR_TYPE_PTY:
        /* A pty's path is only known while running. */
        if (!src->path || (flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
            break;
        G_GNUC_FALLTHROUGH;
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_FILE:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        virBufferEscapeString(&attrBuf, " path='%s'", src->path);
        if (src->type == VIR_DOMAIN_CHR_TYPE_FILE &&
            src->append != VIR_TRISTATE_SWITCH_ABSENT)
            virBufferAsprintf(&attrBuf, " append='%s'",
                              virTristateSwitchTypeToString(src->append));
        virDomainChrSourceSeclabelsFormat(&childBuf, src, flags);
        virXMLFormatElement(buf, "source", &attrBuf, &childBuf);
        break;
    case VIR_DOMAIN_CHR_TYPE_NMDM:
        virBufferEscapeString(buf, "<source master='%s' ", src->master);
        virBufferEscapeString(buf, "slave='%s'/>\n", src->slave);
        break;
    case VIR_DOMAIN_CHR_TYPE_UDP:
        virDomainChrSourceFormatUDP(buf, "bind", src->bindHost,
                                    src->bindService);
        virDomainChrSourceFormatUDP(buf, "connect", src->host, src->service);
        break;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        virBufferAsprintf(&attrBuf, " mode='%s' ",
                          src->listen ? "bind" : "connect");
        virBufferEscapeString(&attrBuf, "host='%s' ", src->host);
        virBufferEscapeString(&attrBuf, "service='%s'", src->service);
        virDomainTristateBoolAttrFormat(&attrBuf, "tls", src->haveTLS);
        virDomainChrSourceReconnectFormat(&childBuf, &src->reconnect);
        virXMLFormatElement(buf, "source", &attrBuf, &childBuf);
        virBufferAsprintf(buf, "<protocol type='%s'/>\n",
                          virDomainChrTcpProtocolTypeToString(src->protocol));
        break;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        if (!src->path)
            break;
        virBufferAsprintf(&attrBuf, " mode='%s'",
                          src->listen ? "bind" : "connect");
        virBufferEscapeString(&attrBuf, " path='%s'", src->path);
        virDomainChrSourceSeclabelsFormat(&childBuf, src, flags);
        virDomainChrSourceReconnectFormat(&childBuf, &src->reconnect);
        virXMLFormatElement(buf, "source", &attrBuf, &childBuf);
        break;
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
        virBufferEscapeString(buf, "<source channel='%s'/>\n", src->channel);
        break;
    case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
        if (src->clipboard != VIR_TRISTATE_BOOL_ABSENT)
            virBufferAsprintf(&childBuf, "<clipboard copypaste='%s'/>\n",
                              virTristateBoolTypeToString(src->clipboard));
        if (src->mouse != VIR_DOMAIN_CHR_VDAGENT_MOUSE_DEFAULT)
            virBufferAsprintf(&childBuf, "<mouse mode='%s'/>\n",
                              virDomainChrVdagentMouseTypeToString(src->mouse));
        virXMLFormatElement(buf, "source", &attrBuf, &childBuf);
        break;
    case VIR_DOMAIN_CHR_TYPE_NULL:
    case VIR_DOMAIN_CHR_TYPE_VC:
    case VIR_DOMAIN_CHR_TYPE_STDIO:
    case VIR_DOMAIN_CHR_TYPE_SPICEVMC:
    case VIR_DOMAIN_CHR_TYPE_LAST:
        break;
    }

    if (src->logfile) {
        virBufferEscapeString(buf, "<log file='%s'", src->logfile);
        virDomainTristateSwitchAttrFormat(buf, "append", src->logappend);
        virBufferAddLit(buf, "/>\n");
    }
}

static int
virDomainChrSourceValidateChannel(const char *name)
{
    const char *ok = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                     "0123456789_-.";

    if (!name) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Missing source channel attribute for char device");
        return -1;
    }
    if (strspn(name, ok) < strlen(name)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Invalid character in source channel for char device");
        return -1;
    }
    return 0;
}

static int
virDomainChrSourceMissing(const char *what)
{
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "Missing source %s attribute for char device", what);
    return -1;
}

/* tcp and unix sources: only a connecting end can reconnect. */
static int
virDomainChrSourceCheckReconnect(const virDomainChrSourceDef *src)
{
    if (src->listen && src->reconnect.enabled) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "chardev reconnect is possible only for connect mode");
        return -1;
    }
    return 0;
}

int
virDomainChrSourceDefValidate(const virDomainChrSourceDef *src,
                              const virDomainChrDef *chr)
{
    switch (src->type) {
    case VIR_DOMAIN_CHR_TYPE_FILE:
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        if (!src->path)
            return virDomainChrSourceMissing("path");
        break;
    case VIR_DOMAIN_CHR_TYPE_NMDM:
        if (!src->master != !src->slave) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Should define both master and slave path attributes for nmdm device");
            return -1;
        }
        break;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        if (!src->host)
            return virDomainChrSourceMissing("host");
        if (!src->service)
            return virDomainChrSourceMissing("service");
        if (virDomainChrSourceCheckReconnect(src) < 0)
            return -1;
        break;
    case VIR_DOMAIN_CHR_TYPE_UDP:
        if (!src->service)
            return virDomainChrSourceMissing("service");
        break;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        /* virtio and xen channels get a generated socket path. */
        if (!src->path &&
            !(chr && chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL &&
              (chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_XEN ||
               chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO)))
            return virDomainChrSourceMissing("path");
        if (virDomainChrSourceCheckReconnect(src) < 0)
            return -1;
        break;
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
        return virDomainChrSourceValidateChannel(src->channel);
    case VIR_DOMAIN_CHR_TYPE_NULL:
    case VIR_DOMAIN_CHR_TYPE_PTY:
    case VIR_DOMAIN_CHR_TYPE_VC:
    case VIR_DOMAIN_CHR_TYPE_STDIO:
    case VIR_DOMAIN_CHR_TYPE_SPICEVMC:
    case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
    case VIR_DOMAIN_CHR_TYPE_LAST:
        break;
    }
    return 0;
}

bool
virDomainChrSourceDefIsEqual(const virDomainChrSourceDef *a,
                             const virDomainChrSourceDef *b)
{
    if (a->type != b->type)
        return false;

    switch (a->type) {
    case VIR_DOMAIN_CHR_TYPE_FILE:
        return a->append == b->append && g_strcmp0(a->path, b->path) == 0;
    case VIR_DOMAIN_CHR_TYPE_PTY:
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        return g_strcmp0(a->path, b->path) == 0;
    case VIR_DOMAIN_CHR_TYPE_UDP:
        return g_strcmp0(a->bindHost, b->bindHost) == 0 &&
               g_strcmp0(a->bindService, b->bindService) == 0 &&
               g_strcmp0(a->host, b->host) == 0 &&
               g_strcmp0(a->service, b->service) == 0;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        return a->listen == b->listen && a->protocol == b->protocol &&
               g_strcmp0(a->host, b->host) == 0 &&
               g_strcmp0(a->service, b->service) == 0 &&
               a->reconnect.enabled == b->reconnect.enabled &&
               a->reconnect.timeout == b->reconnect.timeout;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        return a->listen == b->listen &&
               g_strcmp0(a->path, b->path) == 0 &&
               a->reconnect.enabled == b->reconnect.enabled &&
               a->reconnect.timeout == b->reconnect.timeout;
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
        return g_strcmp0(a->channel, b->channel) == 0;
    case VIR_DOMAIN_CHR_TYPE_NMDM:
        return g_strcmp0(a->master, b->master) == 0 &&
               g_strcmp0(a->slave, b->slave) == 0;
    case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
        return a->clipboard == b->clipboard && a->mouse == b->mouse;
    case VIR_DOMAIN_CHR_TYPE_NULL:
    case VIR_DOMAIN_CHR_TYPE_VC:
    case VIR_DOMAIN_CHR_TYPE_STDIO:
    case VIR_DOMAIN_CHR_TYPE_SPICEVMC:
    case VIR_DOMAIN_CHR_TYPE_LAST:
        break;
    }
    return true;
}


/* ---- The devices ---- */

virDomainChrDef *
virDomainChrDefNew(virDomainChrDeviceType deviceType)
{
    virDomainChrDef *chr = g_new0(virDomainChrDef, 1);

    chr->deviceType = deviceType;
    chr->port = -1;
    chr->source = virDomainChrSourceDefNew();
    return chr;
}

void
virDomainChrDefFree(virDomainChrDef *dev)
{
    if (!dev)
        return;
    virDomainChrSourceDefFree(dev->source);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev->addr);
    g_free(dev->name);
    g_free(dev);
}

/* The target type word for this device kind; NULL for parallel. */
static const char *
virDomainChrTargetTypeToString(const virDomainChrDef *chr)
{
    switch (chr->deviceType) {
    case VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL:
        return virDomainChrSerialTargetTypeToString(chr->targetType);
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE:
        return virDomainChrConsoleTargetTypeToString(chr->targetType);
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL:
        return virDomainChrChannelTargetTypeToString(chr->targetType);
    case VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL:
    case VIR_DOMAIN_CHR_DEVICE_TYPE_LAST:
        break;
    }
    return NULL;
}

static int
virDomainChrTargetTypeFromString(virDomainChrDeviceType deviceType,
                                 const char *str)
{
    switch (deviceType) {
    case VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL:
        return virDomainChrSerialTargetTypeFromString(str);
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE:
        return virDomainChrConsoleTargetTypeFromString(str);
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL:
        return virDomainChrChannelTargetTypeFromString(str);
    case VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL:
    case VIR_DOMAIN_CHR_DEVICE_TYPE_LAST:
        break;
    }
    /* Parallel ports have no target type: any word is ignored. */
    return 0;
}

static int
virDomainChrGuestfwdParse(virDomainChrDef *chr, xmlNodePtr target)
{
    g_autofree char *addr = virXMLPropString(target, "address");
    struct in_addr in4;
    struct in6_addr in6;
    char buf[INET_ADDRSTRLEN];

    if (!addr) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "guestfwd channel does not define a target address");
        return -1;
    }
    if (inet_pton(AF_INET6, addr, &in6) == 1) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "guestfwd channel only supports IPv4 addresses");
        return -1;
    }
    if (inet_pton(AF_INET, addr, &in4) != 1) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Cannot parse socket address '%s': Name or service not known",
                       addr);
        return -1;
    }
    chr->addr = g_strdup(inet_ntop(AF_INET, &in4, buf, sizeof(buf)));
    return virXMLPropUInt(target, "port", 10, VIR_XML_PROP_REQUIRED,
                          &chr->addrPort) < 0 ? -1 : 0;
}

static int
virDomainChrTargetParseXML(virDomainChrDef *chr, xmlNodePtr target,
                           unsigned int flags)
{
    g_autofree char *type = virXMLPropString(target, "type");
    g_autofree char *portStr = NULL;
    xmlNodePtr model = virXMLChild(target, "model");
    unsigned int port;

    if (type &&
        (chr->targetType = virDomainChrTargetTypeFromString(chr->deviceType,
                                                            type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown target type '%s' specified for character device",
                       type);
        return -1;
    }

    if (model) {
        g_autofree char *name = virXMLPropString(model, "name");
        int val;

        /* Only serial ports have a target model. */
        if (name && chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL) {
            if ((val = virDomainChrSerialTargetModelTypeFromString(name)) < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown target model '%s' specified for character device",
                               name);
                return -1;
            }
            chr->targetModel = val;
        }
    }

    if (chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL) {
        switch (chr->targetType) {
        case VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_GUESTFWD:
            return virDomainChrGuestfwdParse(chr, target);
        case VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO:
        case VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_XEN:
            chr->name = virXMLPropString(target, "name");
            /* The connection state is live-only. */
            if (chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO &&
                !(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE)) {
                int state;

                if (virXMLPropEnum(target, "state",
                                   virDomainChrDeviceStateTypeFromString,
                                   VIR_XML_PROP_NONZERO, &state) < 0)
                    return -1;
                chr->state = state;
            }
            break;
        }
        return 0;
    }

    if (!(portStr = virXMLPropString(target, "port")))
        return 0;
    if (virStrToLong_ui(portStr, NULL, 10, &port) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid port number: %s", portStr);
        return -1;
    }
    chr->port = port;
    return 0;
}

virDomainChrDef *
virDomainChrDefParseXML(xmlNodePtr node, virDomainDef *def,
                        unsigned int flags)
{
    virDomainChrDef *chr;
    g_autofree char *type = virXMLPropString(node, "type");
    xmlNodePtr target;
    xmlNodePtr source;
    int devType = virDomainChrDeviceTypeFromString((const char *)node->name);
    size_t i;

    chr = virDomainChrDefNew(devType);
    /* The legacy tty= is output only (it mirrors the live pty path);
     * upstream's schema allows it on input, where it means nothing. */
    g_free(virXMLPropString(node, "tty"));
    if (type) {
        if (virDomainChrSourceTypeParse(chr->source, type) < 0)
            goto error;
    } else {
        chr->source->type = VIR_DOMAIN_CHR_TYPE_PTY;
    }

    if ((target = virXMLChild(node, "target")) &&
        virDomainChrTargetParseXML(chr, target, flags) < 0)
        goto error;

    if (virDomainChrSourceDefParseXML(chr->source, node, flags) < 0)
        goto error;
    /* Only the character devices themselves take a label override,
     * from their (first) <source>. */
    if ((source = virXMLChild(node, "source")) &&
        virSecurityDeviceLabelDefParseList(source, &chr->source->seclabels,
                                           &chr->source->nseclabels,
                                           flags) < 0)
        goto error;

    if (chr->source->type == VIR_DOMAIN_CHR_TYPE_SPICEVMC &&
        chr->targetType != VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "spicevmc device type only supports virtio");
        goto error;
    }

    if (virDomainDeviceInfoParseXML(node, &chr->info, flags) < 0)
        goto error;

    if (chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL &&
        chr->targetType == VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_USB &&
        chr->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        chr->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "usb-serial requires address of usb type");
        goto error;
    }

    if (virDomainChrSourceDefValidate(chr->source, chr) < 0)
        goto error;

    switch (chr->deviceType) {
    case VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL:
        /* Parallel ports are numbered as they are read. */
        if (chr->port == -1) {
            int maxport = -1;

            for (i = 0; i < def->devices->nparallels; i++)
                maxport = MAX(maxport, def->devices->parallels[i]->port);
            chr->port = maxport + 1;
        }
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE:
        /* A console's port is its index, whatever the document says. */
        chr->port = def->devices->nconsoles;
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL:
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL:
    case VIR_DOMAIN_CHR_DEVICE_TYPE_LAST:
        break;
    }

    return chr;

 error:
    virDomainChrDefFree(chr);
    return NULL;
}

static void
virDomainChrTargetFormat(virBuffer *buf, const virDomainChrDef *chr,
                         unsigned int flags)
{
    const char *type = virDomainChrTargetTypeToString(chr);

    switch (chr->deviceType) {
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL:
        virBufferAsprintf(buf, "<target type='%s'", type);
        if (chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_GUESTFWD) {
            virBufferAsprintf(buf, " address='%s' port='%u'",
                              chr->addr, chr->addrPort);
        } else if (chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO ||
                   chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_XEN) {
            virBufferEscapeString(buf, " name='%s'", chr->name);
            if (chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO &&
                chr->state != VIR_DOMAIN_CHR_DEVICE_STATE_DEFAULT &&
                !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
                virBufferAsprintf(buf, " state='%s'",
                                  virDomainChrDeviceStateTypeToString(chr->state));
        }
        virBufferAddLit(buf, "/>\n");
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE:
        virBufferAsprintf(buf, "<target type='%s' port='%d'/>\n",
                          type, chr->port);
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL:
        virBufferAddLit(buf, "<target ");
        if (chr->targetType != VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_NONE)
            virBufferAsprintf(buf, "type='%s' ", type);
        virBufferAsprintf(buf, "port='%d'", chr->port);
        if (chr->targetModel == VIR_DOMAIN_CHR_SERIAL_TARGET_MODEL_NONE) {
            virBufferAddLit(buf, "/>\n");
            break;
        }
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virBufferAsprintf(buf, "<model name='%s'/>\n",
                          virDomainChrSerialTargetModelTypeToString(chr->targetModel));
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</target>\n");
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL:
        virBufferAsprintf(buf, "<target port='%d'/>\n", chr->port);
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_LAST:
        break;
    }
}

static bool virDomainChrDefIsHVM(const virDomainDef *def);

/* The serial port a console of a full machine stands for: console n of
 * type serial is written as a copy of serial port n. */
static const virDomainChrDef *
virDomainChrConsoleMirror(const virDomainChrDef *dev, const virDomainDef *def)
{
    const virDomainDevices *devs = def->devices;
    size_t i;

    if (!virDomainChrDefIsHVM(def) ||
        (dev->targetType != VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL &&
         dev->targetType != VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE))
        return NULL;
    for (i = 0; i < devs->nconsoles && i < devs->nserials; i++) {
        if (devs->consoles[i] == dev)
            return devs->serials[i];
    }
    return NULL;
}

int
virDomainChrDefFormat(virBuffer *buf, const virDomainChrDef *dev,
                      const virDomainDef *def, unsigned int flags)
{
    const char *element = virDomainChrDeviceTypeToString(dev->deviceType);
    virDomainChrDef mirror;

    if (dev->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE) {
        const virDomainChrDef *serial = virDomainChrConsoleMirror(dev, def);

        if (serial) {
            mirror = *serial;
            mirror.deviceType = VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE;
            mirror.targetType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
            dev = &mirror;
        }
    }

    virBufferAsprintf(buf, "<%s", element);
    virDomainChrSourceDefFormatType(buf, dev->source);
    /* The legacy tty= of the first console mirrors the live pty path. */
    if (dev->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE &&
        dev->port == 0 && dev->source->type == VIR_DOMAIN_CHR_TYPE_PTY &&
        !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
        virBufferEscapeString(buf, " tty='%s'", dev->source->path);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virDomainChrSourceDefFormat(buf, dev->source, flags);
    virDomainChrTargetFormat(buf, dev, flags);
    virDomainDeviceInfoFormat(buf, &dev->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
    return 0;
}


/* ---- After all devices are parsed ---- */

/* Whether the guest boots a full machine (os type hvm), where the first
 * console historically stands for the first serial port. */
static bool
virDomainChrDefIsHVM(const virDomainDef *def)
{
    return def->os->type == VIR_DOMAIN_OSTYPE_HVM;
}

static void
virDomainChrPrepend(virDomainChrDef ***list, size_t *n, virDomainChrDef *chr)
{
    *list = g_renew(virDomainChrDef *, *list, *n + 1);
    memmove(*list + 1, *list, *n * sizeof(**list));
    (*list)[0] = chr;
    (*n)++;
}

/* The first console of a full machine is an alias of the first serial
 * port: moved over to a serial port when there is none, and a serial
 * port without a console gets one pointing at it. */
static int
virDomainChrAddConsoleCompat(virDomainDef *def)
{
    virDomainDevices *devs = def->devices;
    size_t i;

    for (i = 1; i < devs->nconsoles; i++) {
        if (devs->consoles[i]->targetType ==
            VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "Only the first console can be a serial port");
            return -1;
        }
    }

    if (!virDomainChrDefIsHVM(def))
        return 0;

    if (devs->nconsoles > 0 &&
        (devs->consoles[0]->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL ||
         devs->consoles[0]->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE)) {
        virDomainChrDef *cons = devs->consoles[0];

        if (devs->nserials == 0) {
            cons->deviceType = VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL;
            cons->targetType = VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_NONE;
            cons->port = 0;
            devs->serials = g_new0(virDomainChrDef *, 1);
            devs->serials[devs->nserials++] = cons;
            devs->consoles[0] = NULL;
        } else if (!virDomainChrSourceDefIsEqual(devs->serials[0]->source,
                                                 cons->source)) {
            virDomainChrDefFree(cons);
            devs->consoles[0] = NULL;
        }

        if (!devs->consoles[0]) {
            devs->consoles[0] =
                virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE);
            devs->consoles[0]->targetType =
                VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
        }
        return 0;
    }

    if (devs->nserials > 0) {
        switch (devs->serials[0]->targetType) {
        case VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_NONE:
        case VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA:
        case VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_SPAPR_VIO:
        case VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_SYSTEM:
        case VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_SCLP: {
            virDomainChrDef *cons =
                virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE);

            cons->targetType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
            virDomainChrPrepend(&devs->consoles, &devs->nconsoles, cons);
            break;
        }
        default:
            /* pci, usb and isa-debug serial ports get no console. */
            break;
        }
    }
    return 0;
}

/* The next free port in list after the highest one. */
static void
virDomainChrAssignPorts(virDomainChrDef **list, size_t n)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        int maxport = -1;

        if (list[i]->port != -1)
            continue;
        for (j = 0; j < n; j++)
            maxport = MAX(maxport, list[j]->port);
        list[i]->port = maxport + 1;
    }
}

#define VIR_DOMAIN_CHR_MAX_ISA_SERIAL 4

/* ISA serial ports take the lowest free of the four ISA ports. */
static int
virDomainChrAssignIsaPorts(virDomainDevices *devs)
{
    bool used[VIR_DOMAIN_CHR_MAX_ISA_SERIAL] = { false };
    size_t count = 0;
    size_t i, j;

    for (i = 0; i < devs->nserials; i++) {
        virDomainChrDef *chr = devs->serials[i];

        if (chr->targetType != VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA)
            continue;
        if (count++ >= VIR_DOMAIN_CHR_MAX_ISA_SERIAL ||
            chr->port >= VIR_DOMAIN_CHR_MAX_ISA_SERIAL) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Maximum supported number of ISA serial ports is '%d'",
                           VIR_DOMAIN_CHR_MAX_ISA_SERIAL);
            return -1;
        }
        if (chr->port == -1)
            continue;
        if (used[chr->port]) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "target port '%d' already allocated", chr->port);
            return -1;
        }
        used[chr->port] = true;
    }

    for (i = 0; i < devs->nserials; i++) {
        virDomainChrDef *chr = devs->serials[i];

        if (chr->targetType != VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA ||
            chr->port != -1)
            continue;
        for (j = 0; j < VIR_DOMAIN_CHR_MAX_ISA_SERIAL; j++) {
            if (!used[j]) {
                chr->port = j;
                used[j] = true;
                break;
            }
        }
    }
    return 0;
}

/* The isa-debug port exists on x86 only (an architecture not chosen
 * yet is left to the driver's defaults). */
static int
virDomainChrCheckIsaDebug(const virDomainDef *def)
{
    virArch arch = def->os->arch;
    size_t i;

    if (arch == VIR_ARCH_NONE || arch == VIR_ARCH_I686 ||
        arch == VIR_ARCH_X86_64)
        return 0;
    for (i = 0; i < def->devices->nserials; i++) {
        if (def->devices->serials[i]->targetType ==
            VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA_DEBUG) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "isa-debug serial type only valid on x86 architecture");
            return -1;
        }
    }
    return 0;
}

/* Redirected USB devices need a USB controller that is not 'none'. */
static int
virDomainChrCheckRedirdevUSB(const virDomainDef *def)
{
    const virDomainDevices *devs = def->devices;
    size_t i;

    if (devs->nredirdevs == 0)
        return 0;
    for (i = 0; i < devs->ncontrollers; i++) {
        if (devs->controllers[i]->type == VIR_DOMAIN_CONTROLLER_TYPE_USB &&
            devs->controllers[i]->model != VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE)
            return 0;
    }
    virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                   "cannot add redirected USB device: USB is disabled for this domain");
    return -1;
}

int
virDomainChrDefsPostParse(virDomainDef *def,
                          unsigned int flags G_GNUC_UNUSED)
{
    virDomainDevices *devs = def->devices;
    size_t i;

    if (virDomainChrAddConsoleCompat(def) < 0)
        return -1;

    if (virDomainChrAssignIsaPorts(devs) < 0 ||
        virDomainChrCheckIsaDebug(def) < 0 ||
        virDomainChrCheckRedirdevUSB(def) < 0)
        return -1;

    for (i = 0; i < devs->nconsoles; i++) {
        if (devs->consoles[i]->targetType ==
            VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE)
            devs->consoles[i]->targetType =
                VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
    }

    virDomainChrAssignPorts(devs->serials, devs->nserials);
    virDomainChrAssignPorts(devs->parallels, devs->nparallels);
    virDomainChrAssignPorts(devs->consoles, devs->nconsoles);

    /* Not a character device, but the only other device default that
     * needs the whole device list. */
    virDomainSmartcardDefsAssignAddresses(def);
    return 0;
}
