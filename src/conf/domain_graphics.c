/*
 * domain_graphics.c: the <graphics> device family.
 *
 * VNC, RDP and SPICE listen somewhere: each <listen> child says where,
 * and the legacy listen= (and for VNC socket=) attribute of <graphics>
 * must agree with the first of them; a document with neither gets one
 * address listen.  The formatter writes that legacy attribute back.
 */
#include "domain_graphics.h"
#include "device_info.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainGraphics, VIR_DOMAIN_GRAPHICS_TYPE_LAST,
              "sdl", "vnc", "rdp", "desktop", "spice", "egl-headless",
              "dbus");

VIR_ENUM_IMPL(virDomainGraphicsListen, VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_LAST,
              "none", "address", "network", "socket");

VIR_ENUM_IMPL(virDomainGraphicsAuthConnected,
              VIR_DOMAIN_GRAPHICS_AUTH_CONNECTED_LAST,
              "default", "fail", "disconnect", "keep");

VIR_ENUM_IMPL(virDomainGraphicsVNCSharePolicy,
              VIR_DOMAIN_GRAPHICS_VNC_SHARE_LAST,
              "default", "allow-exclusive", "force-shared", "ignore");

VIR_ENUM_IMPL(virDomainGraphicsSpiceChannelName,
              VIR_DOMAIN_GRAPHICS_SPICE_CHANNEL_LAST,
              "main", "display", "inputs", "cursor", "playback", "record",
              "smartcard", "usbredir");

VIR_ENUM_IMPL(virDomainGraphicsSpiceChannelMode,
              VIR_DOMAIN_GRAPHICS_SPICE_CHANNEL_MODE_LAST,
              "any", "secure", "insecure");

VIR_ENUM_IMPL(virDomainGraphicsSpiceImageCompression,
              VIR_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_LAST,
              "default", "auto_glz", "auto_lz", "quic", "glz", "lz", "off");

VIR_ENUM_IMPL(virDomainGraphicsSpiceCompression,
              VIR_DOMAIN_GRAPHICS_SPICE_COMPRESSION_LAST,
              "default", "auto", "never", "always");

VIR_ENUM_IMPL(virDomainGraphicsSpiceStreamingMode,
              VIR_DOMAIN_GRAPHICS_SPICE_STREAMING_MODE_LAST,
              "default", "filter", "all", "off");

VIR_ENUM_IMPL(virDomainMouseMode, VIR_DOMAIN_MOUSE_MODE_LAST,
              "default", "server", "client");

static void
virDomainGraphicsListenDefClear(virDomainGraphicsListenDef *listen)
{
    g_free(listen->address);
    g_free(listen->network);
    g_free(listen->socket);
    memset(listen, 0, sizeof(*listen));
}

/* Sets *result from "yes"/"no"; anything else leaves it alone, as
 * upstream ignores such values for these legacy attributes. */
static void
virDomainGraphicsParseYesNo(const char *str, bool *result)
{
    if (g_strcmp0(str, "yes") == 0)
        *result = true;
    else if (g_strcmp0(str, "no") == 0)
        *result = false;
}

static int
virDomainGraphicsAuthParseXML(xmlNodePtr node, virDomainGraphicsAuthDef *auth,
                              virDomainGraphicsType type)
{
    g_autofree char *connected = virXMLPropString(node, "connected");
    g_autofree char *validTo = NULL;

    if (!(auth->passwd = virXMLPropString(node, "passwd")))
        return 0;

    if ((validTo = virXMLPropString(node, "passwdValidTo"))) {
        g_autoptr(GTimeZone) tz = g_time_zone_new_utc();
        g_autoptr(GDateTime) then = NULL;
        int year, mon, mday, hour, min, sec;
        char *tmp;

        if (virStrToLong_i(validTo, &tmp, 10, &year) < 0 || *tmp != '-' ||
            virStrToLong_i(tmp + 1, &tmp, 10, &mon) < 0 || *tmp != '-' ||
            virStrToLong_i(tmp + 1, &tmp, 10, &mday) < 0 || *tmp != 'T' ||
            virStrToLong_i(tmp + 1, &tmp, 10, &hour) < 0 || *tmp != ':' ||
            virStrToLong_i(tmp + 1, &tmp, 10, &min) < 0 || *tmp != ':' ||
            virStrToLong_i(tmp + 1, &tmp, 10, &sec) < 0 || *tmp != '\0' ||
            !(then = g_date_time_new(tz, year, mon, mday, hour, min, sec))) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "cannot parse password validity time '%s', "
                           "expect YYYY-MM-DDTHH:MM:SS", validTo);
            return -1;
        }
        auth->validTo = (time_t)g_date_time_to_unix(then);
        auth->expires = true;
    }

    if (connected) {
        int action = virDomainGraphicsAuthConnectedTypeFromString(connected);

        if (action <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown connected value %s", connected);
            return -1;
        }
        if (type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
            action != VIR_DOMAIN_GRAPHICS_AUTH_CONNECTED_KEEP) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "VNC supports connected='keep' only");
            return -1;
        }
        auth->connected = action;
    }
    return 0;
}

/* The legacy attribute compatAttr of <graphics> must agree with attr of
 * the first <listen>, and stands in for it when that is missing. */
static int
virDomainGraphicsListenMergeCompat(char **value, char **compat,
                                   const char *attr, const char *compatAttr)
{
    if (*value && *compat && STRNEQ(*value, *compat)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "graphics '%s' attribute '%s' must match "
                       "'%s' attribute of first listen element "
                       "(found '%s')", compatAttr, *compat, attr, *value);
        return -1;
    }
    if (!*value)
        *value = g_steal_pointer(compat);
    return 0;
}

/* One <listen>; parent is the <graphics> element for the first listen,
 * whose legacy attributes must agree with it, else NULL. */
static int
virDomainGraphicsListenParseXML(virDomainGraphicsListenDef *listen,
                                const virDomainGraphicsDef *graphics,
                                xmlNodePtr node, xmlNodePtr parent,
                                unsigned int flags)
{
    const char *gtype = virDomainGraphicsTypeToString(graphics->type);
    g_autofree char *address = virXMLPropString(node, "address");
    g_autofree char *network = virXMLPropString(node, "network");
    g_autofree char *socketPath = virXMLPropString(node, "socket");
    g_autofree char *autoGenerated = virXMLPropString(node, "autoGenerated");
    g_autofree char *addressCompat = NULL;
    g_autofree char *socketCompat = NULL;

    if (parent) {
        addressCompat = virXMLPropString(parent, "listen");
        socketCompat = virXMLPropString(parent, "socket");
    }

    if (virXMLPropEnum(node, "type", virDomainGraphicsListenTypeFromString,
                       VIR_XML_PROP_REQUIRED, (int *)&listen->type) < 0)
        return -1;

    if (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET ||
        listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE) {
        if (graphics->type != VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
            graphics->type != VIR_DOMAIN_GRAPHICS_TYPE_SPICE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "listen type '%s' is not available for graphics "
                           "type '%s'",
                           virDomainGraphicsListenTypeToString(listen->type),
                           gtype);
            return -1;
        }
    }

    if (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS &&
        virDomainGraphicsListenMergeCompat(&address, &addressCompat,
                                           "address", "listen") < 0)
        return -1;
    if (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET &&
        virDomainGraphicsListenMergeCompat(&socketPath, &socketCompat,
                                           "socket", "socket") < 0)
        return -1;

    /* The address a network resolved to is live state only. */
    if (address && address[0] &&
        (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
         (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK &&
          !(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))))
        listen->address = g_steal_pointer(&address);

    if (network && network[0]) {
        if (listen->type != VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'network' attribute is valid only for listen "
                           "type 'network'");
            return -1;
        }
        listen->network = g_steal_pointer(&network);
    }

    if (socketPath && socketPath[0]) {
        if (listen->type != VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'socket' attribute is valid only for listen "
                           "type 'socket'");
            return -1;
        }
        listen->socket = g_steal_pointer(&socketPath);
    }

    if (flags & VIR_DOMAIN_DEF_PARSE_STATUS) {
        int fromConfig = 0;

        if (virXMLPropInt(node, "fromConfig", 10, VIR_XML_PROP_NONE,
                          &fromConfig) < 0)
            return -1;
        listen->fromConfig = fromConfig != 0;
        if (autoGenerated) {
            if (STRNEQ(autoGenerated, "yes") && STRNEQ(autoGenerated, "no")) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Invalid autoGenerated value: %s",
                               autoGenerated);
                return -1;
            }
            listen->autoGenerated = STREQ(autoGenerated, "yes");
        }
    }

    if (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK &&
        !listen->network) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'network' attribute is required for listen type "
                       "'network'");
        return -1;
    }
    return 0;
}

static int
virDomainGraphicsListensParseXML(virDomainGraphicsDef *graphics,
                                 xmlNodePtr node, unsigned int flags)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "listen", &nodes);
    virDomainGraphicsListenDef compat = { 0 };
    g_autofree char *socketPath = NULL;
    virDomainGraphicsListenType first;
    size_t i;

    graphics->listens = g_new0(virDomainGraphicsListenDef, MAX(n, 1));
    for (i = 0; i < n; i++) {
        if (virDomainGraphicsListenParseXML(&graphics->listens[i], graphics,
                                            nodes[i], i == 0 ? node : NULL,
                                            flags) < 0) {
            virDomainGraphicsListenDefClear(&graphics->listens[i]);
            return -1;
        }
        graphics->nListens++;
    }

    /* The legacy attributes describe a listen of their own. */
    if (graphics->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC)
        socketPath = virXMLPropString(node, "socket");
    if (socketPath) {
        compat.type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET;
        compat.socket = g_steal_pointer(&socketPath);
    } else {
        compat.type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS;
        compat.address = virXMLPropString(node, "listen");
        if (compat.address && !compat.address[0])
            g_clear_pointer(&compat.address, g_free);
    }

    if (graphics->nListens == 0) {
        graphics->listens[graphics->nListens++] = compat;
        return 0;
    }

    /* A legacy socket= wins over a first address or network listen. */
    first = graphics->listens[0].type;
    if ((first == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
         first == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK) &&
        compat.type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET) {
        virDomainGraphicsListenDefClear(&graphics->listens[0]);
        graphics->listens[0] = compat;
        return 0;
    }
    virDomainGraphicsListenDefClear(&compat);
    return 0;
}

static int
virDomainGraphicsAudioParseXML(xmlNodePtr node, unsigned int *audioId)
{
    xmlNodePtr audio = virXMLChild(node, "audio");

    if (!audio)
        return 0;
    return virXMLPropUInt(audio, "id", 10,
                          VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                          audioId) < 0 ? -1 : 0;
}

/* The port attribute of VNC and RDP: -1 is the legacy spelling of
 * autoport. */
static int
virDomainGraphicsPortParseXML(xmlNodePtr node, virDomainGraphicsDef *graphics,
                              const char *what, unsigned int flags)
{
    g_autofree char *port = virXMLPropString(node, "port");

    if (!port) {
        graphics->port = 0;
        graphics->autoport = true;
        return 0;
    }
    if (virStrToLong_i(port, NULL, 10, &graphics->port) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "cannot parse %s port %s", what, port);
        return -1;
    }
    if (graphics->port == -1) {
        if (graphics->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
            (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
            graphics->port = 0;
        graphics->autoport = true;
    }
    return 0;
}

static int
virDomainGraphicsVNCParseXML(virDomainGraphicsDef *graphics, xmlNodePtr node,
                             unsigned int flags)
{
    g_autofree char *autoport = NULL;
    g_autofree char *websocketGenerated = NULL;

    if (virDomainGraphicsListensParseXML(graphics, node, flags) < 0 ||
        virDomainGraphicsPortParseXML(node, graphics, "vnc", flags) < 0)
        return -1;

    if ((autoport = virXMLPropString(node, "autoport"))) {
        virDomainGraphicsParseYesNo(autoport, &graphics->autoport);
        if (graphics->autoport && (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
            graphics->port = 0;
    }

    if (virXMLPropInt(node, "websocket", 10, VIR_XML_PROP_NONE,
                      &graphics->websocket) < 0)
        return -1;
    websocketGenerated = virXMLPropString(node, "websocketGenerated");
    virDomainGraphicsParseYesNo(websocketGenerated,
                                &graphics->websocketGenerated);

    if (virXMLPropEnum(node, "sharePolicy",
                       virDomainGraphicsVNCSharePolicyTypeFromString,
                       VIR_XML_PROP_NONE, (int *)&graphics->sharePolicy) < 0 ||
        virXMLPropTristateBool(node, "powerControl", VIR_XML_PROP_NONE,
                               &graphics->powerControl) < 0)
        return -1;

    graphics->keymap = virXMLPropString(node, "keymap");

    if (virDomainGraphicsAudioParseXML(node, &graphics->audioId) < 0 ||
        virDomainGraphicsAuthParseXML(node, &graphics->auth,
                                      graphics->type) < 0)
        return -1;
    return 0;
}

static int
virDomainGraphicsGLEnableParseXML(xmlNodePtr gl, virDomainGraphicsDef *graphics,
                                  bool rendernode)
{
    if (!gl)
        return 0;
    if (rendernode)
        graphics->rendernode = virXMLPropString(gl, "rendernode");
    return virXMLPropTristateBool(gl, "enable", VIR_XML_PROP_REQUIRED,
                                  &graphics->gl) < 0 ? -1 : 0;
}

static int
virDomainGraphicsFullscreenParseXML(virDomainGraphicsDef *graphics,
                                    xmlNodePtr node)
{
    virTristateBool fullscreen;

    if (virXMLPropTristateBool(node, "fullscreen", VIR_XML_PROP_NONE,
                               &fullscreen) < 0)
        return -1;
    virTristateBoolToBool(fullscreen, &graphics->fullscreen);
    graphics->display = virXMLPropString(node, "display");
    return 0;
}

static int
virDomainGraphicsRDPParseXML(virDomainGraphicsDef *graphics, xmlNodePtr node,
                             unsigned int flags)
{
    g_autofree char *autoport = virXMLPropString(node, "autoport");
    g_autofree char *replaceUser = virXMLPropString(node, "replaceUser");
    g_autofree char *multiUser = virXMLPropString(node, "multiUser");

    if (virDomainGraphicsListensParseXML(graphics, node, flags) < 0 ||
        virDomainGraphicsPortParseXML(node, graphics, "rdp", flags) < 0)
        return -1;

    if (STREQ_NULLABLE(autoport, "yes"))
        graphics->autoport = true;
    if (graphics->autoport && (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
        graphics->port = 0;
    graphics->replaceUser = STREQ_NULLABLE(replaceUser, "yes");
    graphics->multiUser = STREQ_NULLABLE(multiUser, "yes");
    return 0;
}

/* An optional child with one required enum attribute that may not be its
 * default value. */
static int
virDomainGraphicsSpiceEnumParseXML(xmlNodePtr node, const char *child,
                                   const char *attr,
                                   int (*strToInt)(const char *),
                                   int *result)
{
    xmlNodePtr cur = virXMLChild(node, child);

    if (!cur)
        return 0;
    return virXMLPropEnum(cur, attr, strToInt,
                          VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                          result) < 0 ? -1 : 0;
}

static int
virDomainGraphicsSpiceChannelsParseXML(virDomainGraphicsDef *graphics,
                                       xmlNodePtr node)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "channel", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        int name;
        int mode;

        if (virXMLPropEnum(nodes[i], "name",
                           virDomainGraphicsSpiceChannelNameTypeFromString,
                           VIR_XML_PROP_REQUIRED, &name) < 0 ||
            virXMLPropEnum(nodes[i], "mode",
                           virDomainGraphicsSpiceChannelModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &mode) < 0)
            return -1;
        graphics->channels[name] = mode;
    }
    return 0;
}

static int
virDomainGraphicsSpiceParseXML(virDomainGraphicsDef *graphics,
                               xmlNodePtr node, unsigned int flags)
{
    virTristateBool autoport;
    xmlNodePtr cur;

    if (virDomainGraphicsListensParseXML(graphics, node, flags) < 0)
        return -1;

    if (virXMLPropInt(node, "port", 10, VIR_XML_PROP_NONE,
                      &graphics->port) < 0 ||
        virXMLPropInt(node, "tlsPort", 10, VIR_XML_PROP_NONE,
                      &graphics->tlsPort) < 0 ||
        virXMLPropTristateBool(node, "autoport", VIR_XML_PROP_NONE,
                               &autoport) < 0)
        return -1;
    virTristateBoolToBool(autoport, &graphics->autoport);

    if (virXMLPropEnumDefault(node, "defaultMode",
                              virDomainGraphicsSpiceChannelModeTypeFromString,
                              VIR_XML_PROP_NONE, (int *)&graphics->defaultMode,
                              VIR_DOMAIN_GRAPHICS_SPICE_CHANNEL_MODE_ANY) < 0)
        return -1;

    /* Both ports -1 is the legacy spelling of autoport. */
    if (graphics->port == -1 && graphics->tlsPort == -1)
        graphics->autoport = true;
    if (graphics->autoport && (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE)) {
        graphics->port = 0;
        graphics->tlsPort = 0;
    }

    graphics->keymap = virXMLPropString(node, "keymap");

    if (virDomainGraphicsAuthParseXML(node, &graphics->auth,
                                      graphics->type) < 0 ||
        virDomainGraphicsSpiceChannelsParseXML(graphics, node) < 0)
        return -1;

    if (virDomainGraphicsSpiceEnumParseXML(node, "image", "compression",
            virDomainGraphicsSpiceImageCompressionTypeFromString,
            (int *)&graphics->image) < 0 ||
        virDomainGraphicsSpiceEnumParseXML(node, "jpeg", "compression",
            virDomainGraphicsSpiceCompressionTypeFromString,
            (int *)&graphics->jpeg) < 0 ||
        virDomainGraphicsSpiceEnumParseXML(node, "zlib", "compression",
            virDomainGraphicsSpiceCompressionTypeFromString,
            (int *)&graphics->zlib) < 0)
        return -1;

    if ((cur = virXMLChild(node, "playback")) &&
        virXMLPropTristateSwitch(cur, "compression", VIR_XML_PROP_REQUIRED,
                                 &graphics->playback) < 0)
        return -1;

    if (virDomainGraphicsSpiceEnumParseXML(node, "streaming", "mode",
            virDomainGraphicsSpiceStreamingModeTypeFromString,
            (int *)&graphics->streaming) < 0)
        return -1;

    if ((cur = virXMLChild(node, "clipboard")) &&
        virXMLPropTristateBool(cur, "copypaste", VIR_XML_PROP_REQUIRED,
                               &graphics->copypaste) < 0)
        return -1;

    if ((cur = virXMLChild(node, "filetransfer")) &&
        virXMLPropTristateBool(cur, "enable", VIR_XML_PROP_REQUIRED,
                               &graphics->filetransfer) < 0)
        return -1;

    if (virDomainGraphicsGLEnableParseXML(virXMLChild(node, "gl"), graphics,
                                          true) < 0 ||
        virDomainGraphicsSpiceEnumParseXML(node, "mouse", "mode",
            virDomainMouseModeTypeFromString,
            (int *)&graphics->mousemode) < 0)
        return -1;

    /* No ports and no autoport: SPICE listens nowhere, which upstream
     * spells as a listen of type none. */
    if (graphics->listens[0].type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS &&
        graphics->port == 0 && graphics->tlsPort == 0 &&
        !graphics->autoport) {
        g_clear_pointer(&graphics->listens[0].address, g_free);
        graphics->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE;
    }
    return 0;
}

static int
virDomainGraphicsDBusParseXML(virDomainGraphicsDef *graphics, xmlNodePtr node)
{
    virTristateBool p2p;

    if (virXMLPropTristateBool(node, "p2p", VIR_XML_PROP_NONE, &p2p) < 0)
        return -1;
    graphics->p2p = p2p == VIR_TRISTATE_BOOL_YES;
    graphics->address = virXMLPropString(node, "address");

    if (virDomainGraphicsGLEnableParseXML(virXMLChild(node, "gl"), graphics,
                                          true) < 0 ||
        virDomainGraphicsAudioParseXML(node, &graphics->audioId) < 0)
        return -1;

    if (graphics->p2p && graphics->address) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "D-Bus p2p with an address is not supported");
        return -1;
    }
    return 0;
}

virDomainGraphicsDef *
virDomainGraphicsDefParseXML(xmlNodePtr node,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags)
{
    g_autoptr(virDomainGraphicsDef) graphics = g_new0(virDomainGraphicsDef, 1);
    xmlNodePtr gl;
    int rc = 0;

    if (virXMLPropEnum(node, "type", virDomainGraphicsTypeFromString,
                       VIR_XML_PROP_REQUIRED, (int *)&graphics->type) < 0)
        return NULL;

    switch (graphics->type) {
    case VIR_DOMAIN_GRAPHICS_TYPE_VNC:
        rc = virDomainGraphicsVNCParseXML(graphics, node, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SDL:
        if ((rc = virDomainGraphicsFullscreenParseXML(graphics, node)) == 0) {
            graphics->xauth = virXMLPropString(node, "xauth");
            rc = virDomainGraphicsGLEnableParseXML(virXMLChild(node, "gl"),
                                                   graphics, false);
        }
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_RDP:
        rc = virDomainGraphicsRDPParseXML(graphics, node, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP:
        rc = virDomainGraphicsFullscreenParseXML(graphics, node);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SPICE:
        rc = virDomainGraphicsSpiceParseXML(graphics, node, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
        if ((gl = virXMLChild(node, "gl")))
            graphics->rendernode = virXMLPropString(gl, "rendernode");
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_DBUS:
        rc = virDomainGraphicsDBusParseXML(graphics, node);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_LAST:
        break;
    }
    if (rc < 0)
        return NULL;

    return g_steal_pointer(&graphics);
}

static void
virDomainGraphicsAuthFormat(virBuffer *attrBuf,
                            const virDomainGraphicsAuthDef *auth,
                            unsigned int flags)
{
    if (!auth->passwd)
        return;

    if (flags & VIR_DOMAIN_DEF_FORMAT_SECURE)
        virBufferEscapeString(attrBuf, " passwd='%s'", auth->passwd);

    if (auth->expires) {
        g_autoptr(GDateTime) then = NULL;
        g_autofree char *str = NULL;

        then = g_date_time_new_from_unix_utc(auth->validTo);
        str = g_date_time_format(then, "%Y-%m-%dT%H:%M:%S");

        virBufferAsprintf(attrBuf, " passwdValidTo='%s'", str);
    }

    if (auth->connected)
        virBufferAsprintf(attrBuf, " connected='%s'",
                          virDomainGraphicsAuthConnectedTypeToString(
                              auth->connected));
}

/* The legacy listen= attribute mirroring the first listen's address. */
static void
virDomainGraphicsListenAddrFormat(virBuffer *attrBuf,
                                  const virDomainGraphicsListenDef *listen,
                                  unsigned int flags)
{
    if ((flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE) && listen->fromConfig)
        return;
    if (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK &&
        (flags & (VIR_DOMAIN_DEF_FORMAT_INACTIVE |
                  VIR_DOMAIN_DEF_FORMAT_MIGRATABLE)))
        return;
    virBufferEscapeString(attrBuf, " listen='%s'", listen->address);
}

static void
virDomainGraphicsListenFormat(virBuffer *buf,
                              const virDomainGraphicsListenDef *listen,
                              unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainGraphicsListenTypeToString(listen->type));

    /* A network's resolved address is live state. */
    if (listen->address &&
        (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
         (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK &&
          !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))))
        virBufferEscapeString(&attrBuf, " address='%s'", listen->address);

    if (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK)
        virBufferEscapeString(&attrBuf, " network='%s'", listen->network);

    if (listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET &&
        !(listen->autoGenerated && (flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE)))
        virBufferEscapeString(&attrBuf, " socket='%s'", listen->socket);

    if (flags & VIR_DOMAIN_DEF_FORMAT_STATUS) {
        virBufferAsprintf(&attrBuf, " fromConfig='%d'", listen->fromConfig);
        virBufferAsprintf(&attrBuf, " autoGenerated='%s'",
                          listen->autoGenerated ? "yes" : "no");
    }

    virXMLFormatElementEmpty(buf, "listen", &attrBuf, NULL);
}

static void
virDomainGraphicsVNCFormatAttrs(virBuffer *attrBuf,
                                const virDomainGraphicsDef *graphics,
                                unsigned int flags)
{
    const virDomainGraphicsListenDef *listen = &graphics->listens[0];

    switch (listen->type) {
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET:
        /* Generated sockets and those from the driver's config stay out of
         * migratable documents. */
        if (!((listen->autoGenerated || listen->fromConfig) &&
              (flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE)))
            virBufferEscapeString(attrBuf, " socket='%s'", listen->socket);
        break;
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS:
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK:
        if (graphics->port &&
            (!graphics->autoport || !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE)))
            virBufferAsprintf(attrBuf, " port='%d'", graphics->port);
        else if (graphics->autoport)
            virBufferAddLit(attrBuf, " port='-1'");
        virBufferAsprintf(attrBuf, " autoport='%s'",
                          graphics->autoport ? "yes" : "no");

        if (graphics->websocketGenerated &&
            (flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
            virBufferAddLit(attrBuf, " websocket='-1'");
        else if (graphics->websocket)
            virBufferAsprintf(attrBuf, " websocket='%d'", graphics->websocket);
        if (flags & VIR_DOMAIN_DEF_FORMAT_STATUS)
            virBufferAsprintf(attrBuf, " websocketGenerated='%s'",
                              graphics->websocketGenerated ? "yes" : "no");

        virDomainGraphicsListenAddrFormat(attrBuf, listen, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE:
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_LAST:
        break;
    }

    virBufferEscapeString(attrBuf, " keymap='%s'", graphics->keymap);
    if (graphics->sharePolicy)
        virBufferAsprintf(attrBuf, " sharePolicy='%s'",
                          virDomainGraphicsVNCSharePolicyTypeToString(
                              graphics->sharePolicy));
    virDomainTristateBoolAttrFormat(attrBuf, "powerControl",
                                    graphics->powerControl);
    virDomainGraphicsAuthFormat(attrBuf, &graphics->auth, flags);
}

static void
virDomainGraphicsSpiceFormatAttrs(virBuffer *attrBuf,
                                  const virDomainGraphicsDef *graphics,
                                  unsigned int flags)
{
    const virDomainGraphicsListenDef *listen = &graphics->listens[0];

    switch (listen->type) {
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS:
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK:
        if (graphics->port)
            virBufferAsprintf(attrBuf, " port='%d'", graphics->port);
        if (graphics->tlsPort)
            virBufferAsprintf(attrBuf, " tlsPort='%d'", graphics->tlsPort);
        virBufferAsprintf(attrBuf, " autoport='%s'",
                          graphics->autoport ? "yes" : "no");
        virDomainGraphicsListenAddrFormat(attrBuf, listen, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE:
        /* Older releases know listening nowhere as autoport='no'. */
        if (flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE)
            virBufferAddLit(attrBuf, " autoport='no'");
        break;
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET:
        if ((flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE) && listen->fromConfig)
            virBufferAddLit(attrBuf, " autoport='yes'");
        break;
    case VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_LAST:
        break;
    }

    virBufferEscapeString(attrBuf, " keymap='%s'", graphics->keymap);
    if (graphics->defaultMode != VIR_DOMAIN_GRAPHICS_SPICE_CHANNEL_MODE_ANY)
        virBufferAsprintf(attrBuf, " defaultMode='%s'",
                          virDomainGraphicsSpiceChannelModeTypeToString(
                              graphics->defaultMode));
    virDomainGraphicsAuthFormat(attrBuf, &graphics->auth, flags);
}

static void
virDomainGraphicsSpiceFormatChildren(virBuffer *childBuf,
                                     const virDomainGraphicsDef *graphics)
{
    size_t i;

    for (i = 0; i < VIR_DOMAIN_GRAPHICS_SPICE_CHANNEL_LAST; i++) {
        if (graphics->channels[i] == VIR_DOMAIN_GRAPHICS_SPICE_CHANNEL_MODE_ANY)
            continue;
        virBufferAsprintf(childBuf, "<channel name='%s' mode='%s'/>\n",
                          virDomainGraphicsSpiceChannelNameTypeToString(i),
                          virDomainGraphicsSpiceChannelModeTypeToString(
                              graphics->channels[i]));
    }
    if (graphics->image)
        virBufferAsprintf(childBuf, "<image compression='%s'/>\n",
                          virDomainGraphicsSpiceImageCompressionTypeToString(
                              graphics->image));
    if (graphics->jpeg)
        virBufferAsprintf(childBuf, "<jpeg compression='%s'/>\n",
                          virDomainGraphicsSpiceCompressionTypeToString(
                              graphics->jpeg));
    if (graphics->zlib)
        virBufferAsprintf(childBuf, "<zlib compression='%s'/>\n",
                          virDomainGraphicsSpiceCompressionTypeToString(
                              graphics->zlib));
    if (graphics->playback)
        virBufferAsprintf(childBuf, "<playback compression='%s'/>\n",
                          virTristateSwitchTypeToString(graphics->playback));
    if (graphics->streaming)
        virBufferAsprintf(childBuf, "<streaming mode='%s'/>\n",
                          virDomainGraphicsSpiceStreamingModeTypeToString(
                              graphics->streaming));
    if (graphics->mousemode)
        virBufferAsprintf(childBuf, "<mouse mode='%s'/>\n",
                          virDomainMouseModeTypeToString(graphics->mousemode));
    if (graphics->copypaste)
        virBufferAsprintf(childBuf, "<clipboard copypaste='%s'/>\n",
                          virTristateBoolTypeToString(graphics->copypaste));
    if (graphics->filetransfer)
        virBufferAsprintf(childBuf, "<filetransfer enable='%s'/>\n",
                          virTristateBoolTypeToString(graphics->filetransfer));
}

/* <gl enable= rendernode=> of SPICE, D-Bus (and SDL without rendernode). */
static void
virDomainGraphicsGLFormat(virBuffer *childBuf,
                          const virDomainGraphicsDef *graphics)
{
    if (!graphics->gl)
        return;
    virBufferAsprintf(childBuf, "<gl enable='%s'",
                      virTristateBoolTypeToString(graphics->gl));
    virBufferEscapeString(childBuf, " rendernode='%s'", graphics->rendernode);
    virBufferAddLit(childBuf, "/>\n");
}

/* Whether the listen is left out of a migratable document. */
static bool
virDomainGraphicsListenSkip(const virDomainGraphicsDef *graphics,
                            const virDomainGraphicsListenDef *listen,
                            unsigned int flags)
{
    if (!(flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE))
        return false;
    if (listen->fromConfig)
        return true;
    /* Older releases take a user's VNC socket as the socket= attribute. */
    if (graphics->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
        listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET &&
        listen->socket && !listen->autoGenerated)
        return true;
    /* ... and SPICE listening nowhere as autoport='no'. */
    if (graphics->type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE &&
        listen->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE)
        return true;
    return false;
}

int
virDomainGraphicsDefFormat(virBuffer *buf,
                           const virDomainGraphicsDef *graphics,
                           const virDomainDef *def G_GNUC_UNUSED,
                           unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainGraphicsTypeToString(graphics->type));

    switch (graphics->type) {
    case VIR_DOMAIN_GRAPHICS_TYPE_VNC:
        virDomainGraphicsVNCFormatAttrs(&attrBuf, graphics, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SDL:
        virBufferEscapeString(&attrBuf, " display='%s'", graphics->display);
        virBufferEscapeString(&attrBuf, " xauth='%s'", graphics->xauth);
        if (graphics->fullscreen)
            virBufferAddLit(&attrBuf, " fullscreen='yes'");
        virDomainGraphicsGLFormat(&childBuf, graphics);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_RDP:
        if (graphics->port)
            virBufferAsprintf(&attrBuf, " port='%d'", graphics->port);
        else if (graphics->autoport)
            virBufferAddLit(&attrBuf, " port='0'");
        if (graphics->autoport)
            virBufferAddLit(&attrBuf, " autoport='yes'");
        if (graphics->replaceUser)
            virBufferAddLit(&attrBuf, " replaceUser='yes'");
        if (graphics->multiUser)
            virBufferAddLit(&attrBuf, " multiUser='yes'");
        virDomainGraphicsListenAddrFormat(&attrBuf, &graphics->listens[0],
                                          flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP:
        virBufferEscapeString(&attrBuf, " display='%s'", graphics->display);
        if (graphics->fullscreen)
            virBufferAddLit(&attrBuf, " fullscreen='yes'");
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SPICE:
        virDomainGraphicsSpiceFormatAttrs(&attrBuf, graphics, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
        if (graphics->rendernode)
            virBufferEscapeString(&childBuf, "<gl rendernode='%s'/>\n",
                                  graphics->rendernode);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_DBUS:
        if (graphics->p2p)
            virBufferAddLit(&attrBuf, " p2p='yes'");
        virBufferEscapeString(&attrBuf, " address='%s'", graphics->address);
        virDomainGraphicsGLFormat(&childBuf, graphics);
        if (graphics->audioId > 0)
            virBufferAsprintf(&childBuf, "<audio id='%u'/>\n",
                              graphics->audioId);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_LAST:
        break;
    }

    for (i = 0; i < graphics->nListens; i++) {
        if (!virDomainGraphicsListenSkip(graphics, &graphics->listens[i],
                                         flags))
            virDomainGraphicsListenFormat(&childBuf, &graphics->listens[i],
                                          flags);
    }

    if (graphics->type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE) {
        virDomainGraphicsSpiceFormatChildren(&childBuf, graphics);
        virDomainGraphicsGLFormat(&childBuf, graphics);
    }

    if (graphics->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
        graphics->audioId > 0)
        virBufferAsprintf(&childBuf, "<audio id='%u'/>\n", graphics->audioId);

    /* Upstream always writes VNC as an open and a close tag. */
    if (graphics->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
        virBufferUse(&childBuf) == 0) {
        virBufferAsprintf(buf, "<graphics%s>\n",
                          virBufferCurrentContent(&attrBuf));
        virBufferAddLit(buf, "</graphics>\n");
        return 0;
    }
    virXMLFormatElement(buf, "graphics", &attrBuf, &childBuf);
    return 0;
}

void
virDomainGraphicsDefFree(virDomainGraphicsDef *graphics)
{
    size_t i;

    if (!graphics)
        return;
    for (i = 0; i < graphics->nListens; i++)
        virDomainGraphicsListenDefClear(&graphics->listens[i]);
    g_free(graphics->listens);
    g_free(graphics->keymap);
    g_free(graphics->auth.passwd);
    g_free(graphics->display);
    g_free(graphics->xauth);
    g_free(graphics->rendernode);
    g_free(graphics->address);
    g_free(graphics);
}
