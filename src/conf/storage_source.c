/*
 * storage_source.c: storage sources (<source> of disks, their backing
 * chains and mirrors) read from XML and written back as upstream libvirt
 * 9.0 writes them.
 */
#include "storage_source.h"

#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virStorage,
              VIR_STORAGE_TYPE_LAST,
              "none", "file", "block", "dir", "network", "volume", "nvme",
              "vhostuser");

VIR_ENUM_IMPL(virStorageFileFormat,
              VIR_STORAGE_FILE_LAST,
              "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
              "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed",
              "vmdk");

VIR_ENUM_IMPL(virStorageNetProtocol,
              VIR_STORAGE_NET_PROTOCOL_LAST,
              "none", "nbd", "rbd", "sheepdog", "gluster", "iscsi", "http",
              "https", "ftp", "ftps", "tftp", "ssh", "vxhs", "nfs");

VIR_ENUM_IMPL(virStorageNetHostTransport,
              VIR_STORAGE_NET_HOST_TRANS_LAST,
              "tcp", "unix", "rdma");

VIR_ENUM_IMPL(virStorageSourcePoolMode,
              VIR_STORAGE_SOURCE_POOL_MODE_LAST,
              "default", "host", "direct");

/* RFC 6265 forbids these in cookie names and values */
static const char cookieValueInvalidChars[] =
    "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F"
    " \",;\\";
static const char cookieNameInvalidChars[] = "()<>@:/[]?={}";


virStorageSource *
virStorageSourceNew(void)
{
    return g_new0(virStorageSource, 1);
}


void
virSecurityDeviceLabelDefFree(virSecurityDeviceLabelDef *def)
{
    if (!def)
        return;
    g_free(def->model);
    g_free(def->label);
    g_free(def);
}


void
virStorageSourceFree(virStorageSource *src)
{
    size_t i;

    if (!src)
        return;
    g_free(src->path);
    g_free(src->fdgroup);
    g_free(src->volume);
    g_free(src->query);
    g_free(src->tlsHostname);
    for (i = 0; i < src->nhosts; i++) {
        g_free(src->hosts[i].name);
        g_free(src->hosts[i].socket);
    }
    g_free(src->hosts);
    g_free(src->nfsUser);
    g_free(src->nfsGroup);
    g_free(src->snapshot);
    g_free(src->configFile);
    g_free(src->initiatorIqn);
    for (i = 0; i < src->ncookies; i++) {
        g_free(src->cookies[i]->name);
        g_free(src->cookies[i]->value);
        g_free(src->cookies[i]);
    }
    g_free(src->cookies);
    g_free(src->srcpoolPool);
    g_free(src->srcpoolVolume);
    g_free(src->vhostuserPath);
    g_free(src->prPath);
    for (i = 0; i < src->nseclabels; i++)
        virSecurityDeviceLabelDefFree(src->seclabels[i]);
    g_free(src->seclabels);
    virStorageAuthDefFree(src->auth);
    virStorageEncryptionFree(src->encryption);
    virStorageSourceFree(src->backingStore);
    g_free(src);
}


/* ---- security labels ---- */

int
virSecurityDeviceLabelDefParseList(xmlNodePtr node,
                                   virSecurityDeviceLabelDef ***list,
                                   size_t *nlist, unsigned int flags)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "seclabel", &nodes);
    virSecurityDeviceLabelDef **labels;
    size_t i, j;

    if (n == 0)
        return 0;

    labels = g_new0(virSecurityDeviceLabelDef *, n);
    for (i = 0; i < n; i++) {
        virSecurityDeviceLabelDef *def = g_new0(virSecurityDeviceLabelDef, 1);
        virTristateBool t;

        labels[i] = def;
        def->model = virXMLPropString(nodes[i], "model");
        for (j = 0; def->model && j < i; j++) {
            if (g_strcmp0(def->model, labels[j]->model) == 0) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "seclabel for model %s is already provided",
                               def->model);
                goto error;
            }
        }

        if (virXMLPropTristateBool(nodes[i], "relabel", VIR_XML_PROP_NONE,
                                   &t) < 0)
            goto error;
        def->relabel = t != VIR_TRISTATE_BOOL_NO;

        /* labelskip is state of a running domain: a config ignores it */
        if (flags & VIR_STORAGE_SOURCE_PARSE_INACTIVE) {
            virXMLPropIgnore(nodes[i], "labelskip");
        } else {
            if (virXMLPropTristateBool(nodes[i], "labelskip",
                                       VIR_XML_PROP_NONE, &t) < 0)
                goto error;
            def->labelskip = t == VIR_TRISTATE_BOOL_YES;
        }

        def->label = virConfXMLChildNonEmpty(nodes[i], "label");
        if (def->label && !def->relabel) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Cannot specify a label if relabelling is turned "
                           "off. model=%s", NULLSTR(def->model));
            goto error;
        }
    }

    *list = labels;
    *nlist = n;
    return 0;

 error:
    for (i = 0; i < n; i++)
        virSecurityDeviceLabelDefFree(labels[i]);
    g_free(labels);
    return -1;
}


void
virSecurityDeviceLabelDefFormat(virBuffer *buf,
                                const virSecurityDeviceLabelDef *def,
                                unsigned int flags)
{
    /* nothing worth keeping in a config */
    if ((flags & VIR_STORAGE_SOURCE_FORMAT_INACTIVE) &&
        !def->label && def->relabel)
        return;

    virBufferAddLit(buf, "<seclabel");
    virBufferEscapeString(buf, " model='%s'", def->model);
    if (def->labelskip)
        virBufferAddLit(buf, " labelskip='yes'");
    else
        virBufferAsprintf(buf, " relabel='%s'", def->relabel ? "yes" : "no");
    if (def->label) {
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<label>%s</label>\n", def->label);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</seclabel>\n");
    } else {
        virBufferAddLit(buf, "/>\n");
    }
}


/* ---- network sources ---- */

static int
virStorageSourceParseHost(xmlNodePtr node, virStorageNetHostDef *host)
{
    g_autofree char *transport = virXMLPropString(node, "transport");
    g_autofree char *port = NULL;
    int val;

    if (transport) {
        if ((val = virStorageNetHostTransportTypeFromString(transport)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown protocol transport type '%s'", transport);
            return -1;
        }
        host->transport = val;
    }

    host->socket = virXMLPropString(node, "socket");

    if (host->transport == VIR_STORAGE_NET_HOST_TRANS_UNIX) {
        if (!host->socket) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing socket for unix transport");
            return -1;
        }
        return 0;
    }

    if (host->socket) {
        virReportError(VIR_ERR_XML_ERROR,
                       "transport '%s' does not support socket attribute",
                       transport);
        return -1;
    }

    if (!(host->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing name for host");
        return -1;
    }

    if ((port = virXMLPropString(node, "port"))) {
        unsigned int p;

        if (virStrToLong_uip(port, NULL, 10, &p) < 0) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "failed to parse port number '%s'", port);
            return -1;
        }
        if (p > 65535) {
            virReportError(VIR_ERR_INVALID_ARG, "port '%s' out of range", port);
            return -1;
        }
        host->port = p;
    }
    return 0;
}


static unsigned int
virStorageSourceDefaultPort(virStorageNetProtocol protocol)
{
    switch (protocol) {
    case VIR_STORAGE_NET_PROTOCOL_HTTP:
        return 80;
    case VIR_STORAGE_NET_PROTOCOL_HTTPS:
        return 443;
    case VIR_STORAGE_NET_PROTOCOL_FTP:
        return 21;
    case VIR_STORAGE_NET_PROTOCOL_FTPS:
        return 990;
    case VIR_STORAGE_NET_PROTOCOL_TFTP:
        return 69;
    case VIR_STORAGE_NET_PROTOCOL_SHEEPDOG:
        return 7000;
    case VIR_STORAGE_NET_PROTOCOL_NBD:
        return 10809;
    case VIR_STORAGE_NET_PROTOCOL_SSH:
        return 22;
    case VIR_STORAGE_NET_PROTOCOL_ISCSI:
        return 3260;
    case VIR_STORAGE_NET_PROTOCOL_GLUSTER:
        return 24007;
    case VIR_STORAGE_NET_PROTOCOL_VXHS:
        return 9999;
    case VIR_STORAGE_NET_PROTOCOL_RBD:
    case VIR_STORAGE_NET_PROTOCOL_NFS:
    case VIR_STORAGE_NET_PROTOCOL_NONE:
    case VIR_STORAGE_NET_PROTOCOL_LAST:
        break;
    }
    return 0;
}


static int
virStorageSourceCookieCheck(const virStorageNetCookieDef *cookie)
{
    g_autofree char *val = g_strdup(cookie->value);
    const char *check = val;
    size_t len = strlen(val);

    if (!*cookie->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "cookie name must not be empty");
        return -1;
    }
    if (strpbrk(cookie->name, cookieValueInvalidChars) ||
        strpbrk(cookie->name, cookieNameInvalidChars)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "cookie name '%s' contains invalid characters",
                       cookie->name);
        return -1;
    }
    /* the value may be wrapped in double quotes; an unmatched one is
     * itself an invalid character below */
    if (val[0] == '"' && len >= 2 && val[len - 1] == '"') {
        val[len - 1] = '\0';
        check++;
    }
    if (strpbrk(check, cookieValueInvalidChars)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "value of cookie '%s' contains invalid characters",
                       cookie->name);
        return -1;
    }
    return 0;
}


static int
virStorageSourceParseCookies(xmlNodePtr node, virStorageSource *src)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "cookie", &nodes);
    size_t i, j;

    src->cookies = g_new0(virStorageNetCookieDef *, n);
    for (i = 0; i < n; i++) {
        virStorageNetCookieDef *cookie = g_new0(virStorageNetCookieDef, 1);

        src->cookies[src->ncookies++] = cookie;
        if (!(cookie->name = virXMLPropString(nodes[i], "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "missing cookie name");
            return -1;
        }
        cookie->value = virXMLNodeContent(nodes[i]);
        if (!*cookie->value) {
            virReportError(VIR_ERR_XML_ERROR, "missing value for cookie '%s'",
                           cookie->name);
            return -1;
        }
    }

    for (i = 0; i < src->ncookies; i++) {
        if (virStorageSourceCookieCheck(src->cookies[i]) < 0)
            return -1;
        for (j = i + 1; j < src->ncookies; j++) {
            if (strcmp(src->cookies[i]->name, src->cookies[j]->name) == 0) {
                virReportError(VIR_ERR_XML_ERROR, "duplicate cookie '%s'",
                               src->cookies[i]->name);
                return -1;
            }
        }
    }
    return 0;
}


/* An optional attribute holding an unsigned number; -1 when malformed. */
static int
virStorageSourceParseULL(xmlNodePtr parent, const char *element,
                         const char *attr, unsigned long long *value)
{
    xmlNodePtr node = virXMLChild(parent, element);
    g_autofree char *str = NULL;

    if (!node || !(str = virXMLPropString(node, attr)))
        return 0;
    if (virStrToLong_ullp(str, NULL, 10, value) < 0)
        return -1;
    return 0;
}


static int
virStorageSourceParseNetwork(xmlNodePtr node, virStorageSource *src,
                             unsigned int flags)
{
    virStorageNetProtocol proto;
    g_autofree xmlNodePtr *hosts = NULL;
    size_t nhosts;
    xmlNodePtr cur;
    size_t i;
    int val;

    if (virXMLPropEnum(node, "protocol", virStorageNetProtocolTypeFromString,
                       VIR_XML_PROP_REQUIRED, &val) < 0)
        return -1;
    src->protocol = proto = val;

    if (!(src->path = virXMLPropString(node, "name")) &&
        proto != VIR_STORAGE_NET_PROTOCOL_NBD) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing name for disk source");
        return -1;
    }

    if (virXMLPropTristateBool(node, "tls", VIR_XML_PROP_NONE,
                               &src->haveTLS) < 0)
        return -1;
    src->tlsHostname = virXMLPropString(node, "tlsHostname");

    if (flags & VIR_STORAGE_SOURCE_PARSE_STATUS) {
        int fromConfig = 0;

        if (virXMLPropInt(node, "tlsFromConfig", 10, VIR_XML_PROP_NONE,
                          &fromConfig) < 0)
            return -1;
        src->tlsFromConfig = fromConfig != 0;
    }

    /* rbd and gluster keep "pool/image" (volume/path) in one name= */
    if (src->path && (proto == VIR_STORAGE_NET_PROTOCOL_GLUSTER ||
                      proto == VIR_STORAGE_NET_PROTOCOL_RBD)) {
        char *slash = strchr(src->path, '/');

        if (!slash || slash == src->path) {
            virReportError(VIR_ERR_XML_ERROR,
                           "can't split path '%s' into pool name and image name",
                           src->path);
            return -1;
        }
        src->volume = g_strndup(src->path, slash - src->path);
        memmove(src->path, slash + 1, strlen(slash + 1) + 1);
    }

    if ((cur = virXMLChild(node, "snapshot")))
        src->snapshot = virXMLPropString(cur, "name");
    if ((cur = virXMLChild(node, "config")))
        src->configFile = virXMLPropString(cur, "file");

    if (proto == VIR_STORAGE_NET_PROTOCOL_HTTP ||
        proto == VIR_STORAGE_NET_PROTOCOL_HTTPS)
        src->query = virXMLPropString(node, "query");

    nhosts = virXMLChildren(node, "host", &hosts);
    if (nhosts > 0) {
        src->hosts = g_new0(virStorageNetHostDef, nhosts);
        src->nhosts = nhosts;
        for (i = 0; i < nhosts; i++) {
            if (virStorageSourceParseHost(hosts[i], &src->hosts[i]) < 0)
                return -1;
        }
    }

    if (proto == VIR_STORAGE_NET_PROTOCOL_NFS &&
        (cur = virXMLChild(node, "identity"))) {
        src->nfsUser = virXMLPropString(cur, "user");
        src->nfsGroup = virXMLPropString(cur, "group");
    }

    for (i = 0; i < src->nhosts; i++) {
        if (src->hosts[i].transport == VIR_STORAGE_NET_HOST_TRANS_TCP &&
            src->hosts[i].port == 0)
            src->hosts[i].port = virStorageSourceDefaultPort(proto);
    }

    if ((cur = virXMLChild(node, "initiator"))) {
        xmlNodePtr iqn = virXMLChild(cur, "iqn");

        if (iqn)
            src->initiatorIqn = virXMLPropString(iqn, "name");
    }

    if ((proto == VIR_STORAGE_NET_PROTOCOL_HTTPS ||
         proto == VIR_STORAGE_NET_PROTOCOL_FTPS) &&
        (cur = virXMLChild(node, "ssl")) &&
        virXMLPropTristateBool(cur, "verify", VIR_XML_PROP_NONE,
                               &src->sslverify) < 0)
        return -1;

    if ((proto == VIR_STORAGE_NET_PROTOCOL_HTTP ||
         proto == VIR_STORAGE_NET_PROTOCOL_HTTPS) &&
        (cur = virXMLChild(node, "cookies")) &&
        virStorageSourceParseCookies(cur, src) < 0)
        return -1;

    if (proto == VIR_STORAGE_NET_PROTOCOL_HTTP ||
        proto == VIR_STORAGE_NET_PROTOCOL_HTTPS ||
        proto == VIR_STORAGE_NET_PROTOCOL_FTP ||
        proto == VIR_STORAGE_NET_PROTOCOL_FTPS) {
        if (virStorageSourceParseULL(node, "readahead", "size",
                                     &src->readahead) < 0 ||
            virStorageSourceParseULL(node, "timeout", "seconds",
                                     &src->timeout) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "invalid readahead size or timeout");
            return -1;
        }
    }
    return 0;
}


static void
virStorageSourceFormatNetwork(virBuffer *attrBuf, virBuffer *childBuf,
                              const virStorageSource *src,
                              unsigned int flags)
{
    g_autofree char *name = NULL;
    size_t i;

    virBufferAsprintf(attrBuf, " protocol='%s'",
                      virStorageNetProtocolTypeToString(src->protocol));
    if (src->volume)
        name = g_strdup_printf("%s/%s", src->volume, src->path);
    virBufferEscapeString(attrBuf, " name='%s'", name ? name : src->path);
    virBufferEscapeString(attrBuf, " query='%s'", src->query);
    if (src->haveTLS != VIR_TRISTATE_BOOL_ABSENT &&
        !((flags & VIR_STORAGE_SOURCE_FORMAT_MIGRATABLE) && src->tlsFromConfig))
        virBufferAsprintf(attrBuf, " tls='%s'",
                          virTristateBoolTypeToString(src->haveTLS));
    virBufferEscapeString(attrBuf, " tlsHostname='%s'", src->tlsHostname);
    if (flags & VIR_STORAGE_SOURCE_FORMAT_STATUS)
        virBufferAsprintf(attrBuf, " tlsFromConfig='%d'", src->tlsFromConfig);

    for (i = 0; i < src->nhosts; i++) {
        const virStorageNetHostDef *host = &src->hosts[i];

        virBufferAddLit(childBuf, "<host");
        virBufferEscapeString(childBuf, " name='%s'", host->name);
        if (host->port)
            virBufferAsprintf(childBuf, " port='%u'", host->port);
        if (host->transport != VIR_STORAGE_NET_HOST_TRANS_TCP)
            virBufferAsprintf(childBuf, " transport='%s'",
                              virStorageNetHostTransportTypeToString(host->transport));
        virBufferEscapeString(childBuf, " socket='%s'", host->socket);
        virBufferAddLit(childBuf, "/>\n");
    }

    if (src->protocol == VIR_STORAGE_NET_PROTOCOL_NFS &&
        (src->nfsUser || src->nfsGroup)) {
        virBufferAddLit(childBuf, "<identity");
        virBufferEscapeString(childBuf, " user='%s'", src->nfsUser);
        virBufferEscapeString(childBuf, " group='%s'", src->nfsGroup);
        virBufferAddLit(childBuf, "/>\n");
    }

    virBufferEscapeString(childBuf, "<snapshot name='%s'/>\n", src->snapshot);
    virBufferEscapeString(childBuf, "<config file='%s'/>\n", src->configFile);

    if (src->initiatorIqn) {
        virBufferAddLit(childBuf, "<initiator>\n");
        virBufferAdjustIndent(childBuf, 2);
        virBufferEscapeString(childBuf, "<iqn name='%s'/>\n",
                              src->initiatorIqn);
        virBufferAdjustIndent(childBuf, -2);
        virBufferAddLit(childBuf, "</initiator>\n");
    }

    if (src->sslverify != VIR_TRISTATE_BOOL_ABSENT)
        virBufferAsprintf(childBuf, "<ssl verify='%s'/>\n",
                          virTristateBoolTypeToString(src->sslverify));

    /* cookies may hold session secrets */
    if ((flags & VIR_STORAGE_SOURCE_FORMAT_SECURE) && src->ncookies) {
        virBufferAddLit(childBuf, "<cookies>\n");
        virBufferAdjustIndent(childBuf, 2);
        for (i = 0; i < src->ncookies; i++) {
            virBufferEscapeString(childBuf, "<cookie name='%s'>",
                                  src->cookies[i]->name);
            virBufferEscapeString(childBuf, "%s</cookie>\n",
                                  src->cookies[i]->value);
        }
        virBufferAdjustIndent(childBuf, -2);
        virBufferAddLit(childBuf, "</cookies>\n");
    }

    if (src->readahead)
        virBufferAsprintf(childBuf, "<readahead size='%llu'/>\n",
                          src->readahead);
    if (src->timeout)
        virBufferAsprintf(childBuf, "<timeout seconds='%llu'/>\n",
                          src->timeout);
}


/* ---- the other source types ---- */

static int
virStorageSourceParseVolume(xmlNodePtr node, virStorageSource *src)
{
    g_autofree char *pool = virXMLPropString(node, "pool");
    g_autofree char *volume = virXMLPropString(node, "volume");
    g_autofree char *mode = virXMLPropString(node, "mode");
    int val;

    /* a cdrom or floppy may have no medium */
    if (!pool && !volume)
        return 0;
    if (!pool || !volume) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'pool' and 'volume' must be specified together for "
                       "'pool' type source");
        return -1;
    }
    if (mode) {
        if ((val = virStorageSourcePoolModeTypeFromString(mode)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown source mode '%s' for volume type disk",
                           mode);
            return -1;
        }
        src->srcpoolMode = val;
    }
    src->srcpoolPool = g_steal_pointer(&pool);
    src->srcpoolVolume = g_steal_pointer(&volume);
    return 0;
}


static int
virStorageSourceParseNVMe(xmlNodePtr node, virStorageSource *src)
{
    g_autofree char *type = virXMLPropString(node, "type");
    g_autofree char *ns = NULL;
    xmlNodePtr addr;

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'type' attribute to disk source");
        return -1;
    }
    if (strcmp(type, "pci") != 0) {
        virReportError(VIR_ERR_XML_ERROR, "unsupported source type '%s'",
                       type);
        return -1;
    }
    if (!(ns = virXMLPropString(node, "namespace"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'namespace' attribute to disk source");
        return -1;
    }
    if (virStrToLong_ull(ns, NULL, 10, &src->nvmeNamespace) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "malformed namespace '%s'", ns);
        return -1;
    }
    if (virXMLPropTristateBool(node, "managed", VIR_XML_PROP_NONE,
                               &src->nvmeManaged) < 0)
        return -1;
    if (!(addr = virXMLChild(node, "address"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "NVMe disk source is missing address");
        return -1;
    }
    return virPCIDeviceAddressParseXML(addr, &src->nvmeAddr);
}


static int
virStorageSourceParseVhostUser(xmlNodePtr node, virStorageSource *src)
{
    g_autofree char *type = virXMLPropString(node, "type");
    xmlNodePtr reconnect;

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'type' attribute for vhostuser disk source");
        return -1;
    }
    if (strcmp(type, "unix") != 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "invalid 'type' attribute for vhostuser disk source");
        return -1;
    }
    if (!(src->vhostuserPath = virXMLPropString(node, "path"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'path' attribute for vhostuser disk source");
        return -1;
    }
    if ((reconnect = virXMLChild(node, "reconnect"))) {
        if (virXMLPropTristateBool(reconnect, "enabled", VIR_XML_PROP_NONE,
                                   &src->reconnectEnabled) < 0)
            return -1;
        if (src->reconnectEnabled == VIR_TRISTATE_BOOL_YES &&
            virXMLPropUInt(reconnect, "timeout", 10, VIR_XML_PROP_REQUIRED,
                           &src->reconnectTimeout) < 0)
            return -1;
    }
    return 0;
}


static int
virStorageSourceParseReservations(xmlNodePtr node, virStorageSource *src)
{
    xmlNodePtr source = virXMLChild(node, "source");
    g_autofree char *type = NULL;
    g_autofree char *path = NULL;
    g_autofree char *mode = NULL;

    if (virXMLPropTristateBool(node, "managed", VIR_XML_PROP_REQUIRED,
                               &src->prManaged) < 0)
        return -1;

    if (source) {
        type = virXMLPropString(source, "type");
        path = virXMLPropString(source, "path");
        mode = virXMLPropString(source, "mode");
    }

    if (src->prManaged == VIR_TRISTATE_BOOL_NO || type || path || mode) {
        if (!type) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing connection type for <reservations/>");
            return -1;
        }
        if (!path) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing path for <reservations/>");
            return -1;
        }
        if (!mode) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing connection mode for <reservations/>");
            return -1;
        }
    }
    if (type && strcmp(type, "unix") != 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unsupported connection type for <reservations/>: %s",
                       type);
        return -1;
    }
    if (mode && strcmp(mode, "client") != 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unsupported connection mode for <reservations/>: %s",
                       mode);
        return -1;
    }
    src->prPath = g_steal_pointer(&path);
    return 0;
}


static int
virStorageSourceParseSlices(xmlNodePtr node, virStorageSource *src)
{
    xmlNodePtr slices = virXMLChild(node, "slices");
    g_autofree xmlNodePtr *list = NULL;
    size_t n, i;

    if (!slices)
        return 0;

    n = virXMLChildren(slices, "slice", &list);
    for (i = 0; i < n; i++) {
        g_autofree char *type = virXMLPropString(list[i], "type");
        g_autofree char *offset = NULL;
        g_autofree char *size = NULL;

        if (g_strcmp0(type, "storage") != 0 || src->hasSliceStorage)
            continue;

        offset = virXMLPropString(list[i], "offset");
        size = virXMLPropString(list[i], "size");
        if (!offset || !size) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing offset or size attribute of slice");
            return -1;
        }
        if (virStrToLong_ullp(offset, NULL, 10, &src->sliceOffset) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "malformed value '%s' of 'offset' attribute of slice",
                           offset);
            return -1;
        }
        if (virStrToLong_ullp(size, NULL, 10, &src->sliceSize) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "malformed value '%s' of 'size' attribute of slice",
                           size);
            return -1;
        }
        src->hasSliceStorage = true;
    }
    return 0;
}


int
virStorageSourceParseXML(xmlNodePtr node, virStorageSource *src,
                         unsigned int flags)
{
    xmlNodePtr cur;

    switch (src->type) {
    case VIR_STORAGE_TYPE_FILE:
        src->path = virXMLPropString(node, "file");
        src->fdgroup = virXMLPropString(node, "fdgroup");
        break;
    case VIR_STORAGE_TYPE_BLOCK:
        src->path = virXMLPropString(node, "dev");
        break;
    case VIR_STORAGE_TYPE_DIR:
        src->path = virXMLPropString(node, "dir");
        break;
    case VIR_STORAGE_TYPE_NETWORK:
        if (virStorageSourceParseNetwork(node, src, flags) < 0)
            return -1;
        break;
    case VIR_STORAGE_TYPE_VOLUME:
        if (virStorageSourceParseVolume(node, src) < 0)
            return -1;
        break;
    case VIR_STORAGE_TYPE_NVME:
        if (virStorageSourceParseNVMe(node, src) < 0)
            return -1;
        break;
    case VIR_STORAGE_TYPE_VHOST_USER:
        if (virStorageSourceParseVhostUser(node, src) < 0)
            return -1;
        break;
    case VIR_STORAGE_TYPE_NONE:
    case VIR_STORAGE_TYPE_LAST:
        virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected disk type %s",
                       NULLSTR(virStorageTypeToString(src->type)));
        return -1;
    }

    if ((cur = virXMLChild(node, "auth")) &&
        !(src->auth = virStorageAuthDefParse(cur)))
        return -1;

    if ((cur = virXMLChild(node, "encryption")) &&
        !(src->encryption = virStorageEncryptionParseNode(cur)))
        return -1;

    if ((cur = virXMLChild(node, "reservations")) &&
        virStorageSourceParseReservations(cur, src) < 0)
        return -1;

    if (virStorageSourceParseSlices(node, src) < 0)
        return -1;

    if (virSecurityDeviceLabelDefParseList(node, &src->seclabels,
                                           &src->nseclabels, flags) < 0)
        return -1;

    /* some applications write file='' for a cdrom without medium */
    if (src->path && !*src->path)
        g_clear_pointer(&src->path, g_free);

    return 0;
}


int
virStorageSourceFormatXML(virBuffer *buf, const virStorageSource *src,
                          const char *element, const char *startupPolicy,
                          bool attrIndex, unsigned int flags,
                          bool skipAuth, bool skipEnc)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    switch (src->type) {
    case VIR_STORAGE_TYPE_FILE:
        virBufferEscapeString(&attrBuf, " file='%s'", src->path);
        virBufferEscapeString(&attrBuf, " fdgroup='%s'", src->fdgroup);
        break;
    case VIR_STORAGE_TYPE_BLOCK:
        virBufferEscapeString(&attrBuf, " dev='%s'", src->path);
        break;
    case VIR_STORAGE_TYPE_DIR:
        virBufferEscapeString(&attrBuf, " dir='%s'", src->path);
        break;
    case VIR_STORAGE_TYPE_NETWORK:
        virStorageSourceFormatNetwork(&attrBuf, &childBuf, src, flags);
        break;
    case VIR_STORAGE_TYPE_VOLUME:
        if (src->srcpoolPool) {
            virBufferEscapeString(&attrBuf, " pool='%s'", src->srcpoolPool);
            virBufferEscapeString(&attrBuf, " volume='%s'", src->srcpoolVolume);
            if (src->srcpoolMode)
                virBufferAsprintf(&attrBuf, " mode='%s'",
                                  virStorageSourcePoolModeTypeToString(src->srcpoolMode));
        }
        break;
    case VIR_STORAGE_TYPE_NVME:
        virBufferAddLit(&attrBuf, " type='pci'");
        virDomainTristateBoolAttrFormat(&attrBuf, "managed", src->nvmeManaged);
        virBufferAsprintf(&attrBuf, " namespace='%llu'", src->nvmeNamespace);
        virPCIDeviceAddressFormat(&childBuf, &src->nvmeAddr, false);
        break;
    case VIR_STORAGE_TYPE_VHOST_USER:
        virBufferAddLit(&attrBuf, " type='unix'");
        virBufferEscapeString(&attrBuf, " path='%s'", src->vhostuserPath);
        if (src->reconnectEnabled != VIR_TRISTATE_BOOL_ABSENT) {
            virBufferAsprintf(&childBuf, "<reconnect enabled='%s'",
                              virTristateBoolTypeToString(src->reconnectEnabled));
            if (src->reconnectEnabled == VIR_TRISTATE_BOOL_YES)
                virBufferAsprintf(&childBuf, " timeout='%u'",
                                  src->reconnectTimeout);
            virBufferAddLit(&childBuf, "/>\n");
        }
        break;
    case VIR_STORAGE_TYPE_NONE:
    case VIR_STORAGE_TYPE_LAST:
        virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected disk type %d",
                       src->type);
        return -1;
    }

    if (src->hasSliceStorage) {
        virBufferAddLit(&childBuf, "<slices>\n");
        virBufferAdjustIndent(&childBuf, 2);
        virBufferAsprintf(&childBuf,
                          "<slice type='storage' offset='%llu' size='%llu'/>\n",
                          src->sliceOffset, src->sliceSize);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</slices>\n");
    }

    /* upstream keeps but never writes labels of network sources */
    if (src->type != VIR_STORAGE_TYPE_NETWORK) {
        for (i = 0; i < src->nseclabels; i++)
            virSecurityDeviceLabelDefFormat(&childBuf, src->seclabels[i],
                                            flags);
    }

    /* a volume's credentials live in its pool */
    if (src->auth && !skipAuth && src->type != VIR_STORAGE_TYPE_VOLUME)
        virStorageAuthDefFormat(&childBuf, src->auth);

    if (src->encryption && !skipEnc &&
        virStorageEncryptionFormat(&childBuf, src->encryption) < 0)
        return -1;

    if (src->prManaged != VIR_TRISTATE_BOOL_ABSENT) {
        virBufferAsprintf(&childBuf, "<reservations managed='%s'",
                          virTristateBoolTypeToString(src->prManaged));
        if (src->prPath &&
            (src->prManaged == VIR_TRISTATE_BOOL_NO ||
             !(flags & VIR_STORAGE_SOURCE_FORMAT_MIGRATABLE))) {
            virBufferAddLit(&childBuf, ">\n");
            virBufferAdjustIndent(&childBuf, 2);
            virBufferEscapeString(&childBuf,
                                  "<source type='unix' path='%s' mode='client'/>\n",
                                  src->prPath);
            virBufferAdjustIndent(&childBuf, -2);
            virBufferAddLit(&childBuf, "</reservations>\n");
        } else {
            virBufferAddLit(&childBuf, "/>\n");
        }
    }

    if (startupPolicy && src->type != VIR_STORAGE_TYPE_NETWORK)
        virBufferEscapeString(&attrBuf, " startupPolicy='%s'", startupPolicy);

    if (attrIndex && src->id != 0)
        virBufferAsprintf(&attrBuf, " index='%u'", src->id);

    virXMLFormatElement(buf, element, &attrBuf, &childBuf);
    return 0;
}


/* ---- backing chains ---- */

virStorageSource *
virStorageSourceParseBase(const char *type, const char *format,
                          const char *index)
{
    g_autoptr(virStorageSource) src = virStorageSourceNew();
    int val;

    src->type = VIR_STORAGE_TYPE_FILE;
    if (type) {
        if ((val = virStorageTypeFromString(type)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown storage source type '%s'", type);
            return NULL;
        }
        src->type = val;
    }
    if (format) {
        if ((val = virStorageFileFormatTypeFromString(format)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown storage source format '%s'", format);
            return NULL;
        }
        src->format = val;
    }
    if (index && virStrToLong_uip(index, NULL, 10, &src->id) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid storage source index '%s'", index);
        return NULL;
    }
    return g_steal_pointer(&src);
}


int
virStorageSourceParseMetadataCache(xmlNodePtr node, unsigned long long *bytes)
{
    xmlNodePtr cache = virXMLChild(node, "metadata_cache");
    xmlNodePtr maxsize;

    if (!cache || !(maxsize = virXMLChild(cache, "max_size")))
        return 0;
    if (virXMLParseScaledValue(maxsize, NULL, "unit", 1, ULLONG_MAX, false,
                               bytes) < 0)
        return -1;
    return 0;
}


void
virStorageSourceFormatMetadataCache(virBuffer *buf, unsigned long long bytes)
{
    if (bytes == 0)
        return;
    virBufferAddLit(buf, "<metadata_cache>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<max_size unit='bytes'>%llu</max_size>\n", bytes);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</metadata_cache>\n");
}


int
virStorageSourceBackingStoreParse(xmlNodePtr parent, virStorageSource *src,
                                  unsigned int flags)
{
    xmlNodePtr node = virXMLChild(parent, "backingStore");
    g_autoptr(virStorageSource) backing = NULL;
    g_autofree char *type = NULL;
    g_autofree char *format = NULL;
    g_autofree char *index = NULL;
    xmlNodePtr formatNode;
    xmlNodePtr source;

    if (!node)
        return 0;

    /* <backingStore/> ends the chain explicitly */
    if (!(type = virXMLPropString(node, "type"))) {
        src->backingStore = virStorageSourceNew();
        return 0;
    }

    /* index= is live state: read so that it counts as known, kept only
     * for live XML */
    index = virXMLPropString(node, "index");
    if (flags & VIR_STORAGE_SOURCE_PARSE_INACTIVE)
        g_clear_pointer(&index, g_free);

    if (!(formatNode = virXMLChild(node, "format")) ||
        !(format = virXMLPropString(formatNode, "type"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing disk backing store format");
        return -1;
    }
    if (!(source = virXMLChild(node, "source"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing disk backing store source");
        return -1;
    }
    if (!(backing = virStorageSourceParseBase(type, format, index)))
        return -1;
    if (virStorageSourceParseMetadataCache(formatNode,
                                           &backing->metadataCacheMaxSize) < 0)
        return -1;

    /* a backing image is never written to */
    backing->readonly = true;

    if (virStorageSourceParseXML(source, backing, flags) < 0 ||
        virStorageSourceBackingStoreParse(node, backing, flags) < 0)
        return -1;

    src->backingStore = g_steal_pointer(&backing);
    return 0;
}


int
virStorageSourceBackingStoreFormat(virBuffer *buf,
                                   const virStorageSource *src,
                                   unsigned int flags)
{
    const virStorageSource *backing = src->backingStore;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) formatChildBuf = VIR_BUFFER_INIT_CHILD(&childBuf);
    g_auto(virBuffer) formatAttrBuf = VIR_BUFFER_INITIALIZER;

    if (!backing)
        return 0;

    if (backing->type == VIR_STORAGE_TYPE_NONE) {
        virBufferAddLit(buf, "<backingStore/>\n");
        return 0;
    }

    if (backing->format <= 0 || backing->format >= VIR_STORAGE_FILE_LAST) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected disk backing store format %d",
                       backing->format);
        return -1;
    }

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virStorageTypeToString(backing->type));
    if (backing->id != 0)
        virBufferAsprintf(&attrBuf, " index='%u'", backing->id);

    virBufferAsprintf(&formatAttrBuf, " type='%s'",
                      virStorageFileFormatTypeToString(backing->format));
    virStorageSourceFormatMetadataCache(&formatChildBuf,
                                        backing->metadataCacheMaxSize);
    virXMLFormatElement(&childBuf, "format", &formatAttrBuf, &formatChildBuf);

    if (virStorageSourceFormatXML(&childBuf, backing, "source", NULL, false,
                                  flags, false, false) < 0 ||
        virStorageSourceBackingStoreFormat(&childBuf, backing, flags) < 0)
        return -1;

    virXMLFormatElement(buf, "backingStore", &attrBuf, &childBuf);
    return 0;
}

bool
virStorageSourceIsEmpty(const virStorageSource *src)
{
    switch (src->type) {
    case VIR_STORAGE_TYPE_FILE:
    case VIR_STORAGE_TYPE_BLOCK:
    case VIR_STORAGE_TYPE_DIR:
        return !src->path;
    case VIR_STORAGE_TYPE_NONE:
        return true;
    case VIR_STORAGE_TYPE_NETWORK:
        return src->protocol == VIR_STORAGE_NET_PROTOCOL_NONE;
    default:
        return false;
    }
}
