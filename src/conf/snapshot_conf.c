/*
 * snapshot_conf.c: parsing and formatting <domainsnapshot>.
 *
 * A request to take a snapshot carries at most a name, a description and
 * where memory and disks go; a redefined snapshot also carries its state,
 * times, parent and the domain definitions it captured.
 */
#include "snapshot_conf.h"
#include "moment_conf.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT

VIR_ENUM_IMPL(virDomainSnapshotState,
              VIR_DOMAIN_SNAPSHOT_LAST,
              "nostate", "running", "blocked", "paused", "shutdown",
              "shutoff", "crashed", "pmsuspended", "disk-snapshot");

VIR_ENUM_IMPL(virDomainSnapshotLocation,
              VIR_DOMAIN_SNAPSHOT_LOCATION_LAST,
              "default", "no", "internal", "external", "manual");

VIR_ENUM_IMPL(virDomainSnapshotSrc,
              VIR_DOMAIN_SNAPSHOT_SRC_LAST,
              "none", "file", "block", "dir", "network", "volume", "nvme",
              "vhostuser");

VIR_ENUM_IMPL(virDomainSnapshotSrcFormat, 17,
              "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
              "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed",
              "vmdk");

VIR_ENUM_IMPL(virDomainSnapshotNetProtocol, 14,
              "none", "nbd", "rbd", "sheepdog", "gluster", "iscsi", "http",
              "https", "ftp", "ftps", "tftp", "ssh", "vxhs", "nfs");

VIR_ENUM_IMPL(virDomainSnapshotNetTransport, 3,
              "tcp", "unix", "rdma");

static void
virDomainSnapshotDiskDefClear(virDomainSnapshotDiskDef *disk)
{
    size_t i;

    g_free(disk->name);
    g_free(disk->path);
    for (i = 0; i < disk->nhosts; i++) {
        g_free(disk->hosts[i].name);
        g_free(disk->hosts[i].socket);
    }
    g_free(disk->hosts);
}

void
virDomainSnapshotDefFree(virDomainSnapshotDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->description);
    g_free(def->parent_name);
    g_free(def->memorysnapshotfile);
    for (i = 0; i < def->ndisks; i++)
        virDomainSnapshotDiskDefClear(&def->disks[i]);
    g_free(def->disks);
    virDomainDefFree(def->dom);
    virDomainDefFree(def->inactiveDom);
    g_free(def->domainUUID);
    if (def->cookie)
        virXMLNodeFreeDetached(def->cookie);
    g_free(def);
}

/* ---- Parsing ---- */

static int
virDomainSnapshotSourceParseXML(xmlNodePtr node,
                                virDomainSnapshotDiskDef *disk)
{
    switch (disk->type) {
    case VIR_DOMAIN_SNAPSHOT_SRC_FILE:
        disk->path = virXMLPropString(node, "file");
        break;
    case VIR_DOMAIN_SNAPSHOT_SRC_BLOCK:
        disk->path = virXMLPropString(node, "dev");
        break;
    case VIR_DOMAIN_SNAPSHOT_SRC_NETWORK: {
        g_autofree xmlNodePtr *hosts = NULL;
        size_t i;

        if (virXMLPropEnum(node, "protocol",
                           virDomainSnapshotNetProtocolTypeFromString,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &disk->protocol) < 0)
            return -1;
        disk->path = virXMLPropString(node, "name");
        disk->nhosts = virXMLChildren(node, "host", &hosts);
        disk->hosts = g_new0(virDomainSnapshotHost, disk->nhosts);
        for (i = 0; i < disk->nhosts; i++) {
            virDomainSnapshotHost *host = &disk->hosts[i];

            host->name = virXMLPropString(hosts[i], "name");
            if (virXMLPropUInt(hosts[i], "port", 10, VIR_XML_PROP_NONE,
                               &host->port) < 0 ||
                virXMLPropEnum(hosts[i], "transport",
                               virDomainSnapshotNetTransportTypeFromString,
                               VIR_XML_PROP_NONE, &host->transport) < 0)
                return -1;
            host->socket = virXMLPropString(hosts[i], "socket");
        }
        break;
    }
    default:
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unsupported disk snapshot source type '%s'",
                       virDomainSnapshotSrcTypeToString(disk->type));
        return -1;
    }
    return 0;
}

static int
virDomainSnapshotDiskDefParseXML(xmlNodePtr node,
                                 virDomainSnapshotDiskDef *disk,
                                 unsigned int flags)
{
    xmlNodePtr cur;
    int type;

    if (!(disk->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing name from disk snapshot element");
        return -1;
    }
    if (virXMLPropEnumDefault(node, "snapshot",
                              virDomainSnapshotLocationTypeFromString,
                              VIR_XML_PROP_NONZERO, (int *)&disk->snapshot,
                              VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) < 0 ||
        virXMLPropEnumDefault(node, "type", virDomainSnapshotSrcTypeFromString,
                              VIR_XML_PROP_NONZERO, &type,
                              VIR_DOMAIN_SNAPSHOT_SRC_FILE) < 0)
        return -1;
    disk->type = type;
    if (type == VIR_DOMAIN_SNAPSHOT_SRC_VOLUME ||
        type == VIR_DOMAIN_SNAPSHOT_SRC_DIR) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unsupported disk snapshot type '%s'",
                       virDomainSnapshotSrcTypeToString(type));
        return -1;
    }

    if ((flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE) &&
        virXMLChild(node, "snapshotDeleteInProgress"))
        disk->snapshotDeleteInProgress = true;

    if ((cur = virXMLChild(node, "source"))) {
        virXMLNodeMarkConsumed(cur);
        if (virDomainSnapshotSourceParseXML(cur, disk) < 0)
            return -1;
    }

    if ((cur = virXMLChild(node, "driver"))) {
        g_autofree char *driver = virXMLPropString(cur, "type");
        xmlNodePtr cache;

        virXMLNodeMarkConsumed(cur);
        if (driver &&
            (disk->format = virDomainSnapshotSrcFormatTypeFromString(driver)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown disk snapshot driver '%s'", driver);
            return -1;
        }
        if ((cache = virXMLChild(cur, "metadata_cache"))) {
            xmlNodePtr max;

            virXMLNodeMarkConsumed(cache);
            if ((max = virXMLChild(cache, "max_size")) &&
                virXMLParseScaledValue(max, NULL, "unit", 1, ULLONG_MAX, false,
                                       &disk->metadataCacheMaxSize) < 0)
                return -1;
        }
    }

    if (disk->path && type != VIR_DOMAIN_SNAPSHOT_SRC_NETWORK &&
        !g_path_is_absolute(disk->path)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "disk snapshot image path '%s' must be absolute",
                       disk->path);
        return -1;
    }

    if (disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT &&
        (disk->path || disk->format))
        disk->snapshot = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
    return 0;
}

static int
virDomainSnapshotParseRedefine(xmlNodePtr root, virDomainSnapshotDef *def,
                               const virDomainXMLOption *xmlopt,
                               unsigned int flags, bool *offline)
{
    bool validate = !!(flags & VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE);
    g_autofree char *state = NULL;
    xmlNodePtr node;

    if (virDomainMomentParseRedefine(root, VIR_FROM_THIS, "snapshot",
                                     &def->creationTime,
                                     &def->parent_name) < 0)
        return -1;

    if (!(state = virXMLChildContent(root, "state"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing state from existing snapshot");
        return -1;
    }
    if ((int)(def->state = virDomainSnapshotStateTypeFromString(state)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid state '%s' in domain snapshot XML", state);
        return -1;
    }
    *offline = def->state == VIR_DOMAIN_SNAPSHOT_SHUTOFF ||
               def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT;

    /* Old snapshots hold just <domain><uuid/></domain>, without a type. */
    if ((node = virXMLChild(root, "domain"))) {
        if (xmlHasProp(node, (const xmlChar *)"type")) {
            def->dom = virDomainMomentParseDomain(node, xmlopt, validate);
            if (!def->dom)
                return -1;
        } else {
            virXMLNodeMarkSubtree(node);
            def->domainUUID = virXMLChildContent(node, "uuid");
        }
    }
    if ((node = virXMLChild(root, "inactiveDomain")) &&
        !(def->inactiveDom = virDomainMomentParseDomain(node, xmlopt,
                                                        validate)))
        return -1;
    return 0;
}

static int
virDomainSnapshotParseMemory(xmlNodePtr root, virDomainSnapshotDef *def,
                             unsigned int flags, bool offline)
{
    xmlNodePtr node;

    if ((node = virXMLChild(root, "memory"))) {
        def->memorysnapshotfile = virXMLPropString(node, "file");
        if (virXMLPropEnumDefault(node, "snapshot",
                                  virDomainSnapshotLocationTypeFromString,
                                  VIR_XML_PROP_NONZERO, (int *)&def->memory,
                                  VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) < 0)
            return -1;
        if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_MANUAL) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'manual' memory snapshot mode not supported");
            return -1;
        }
    }

    if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) {
        if (def->memorysnapshotfile)
            def->memory = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
        else if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE)
            def->memory = offline ? VIR_DOMAIN_SNAPSHOT_LOCATION_NO :
                                    VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;
    }

    if (def->memorysnapshotfile &&
        def->memory != VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL) {
        virReportError(VIR_ERR_XML_ERROR,
                       "memory filename '%s' requires external snapshot",
                       def->memorysnapshotfile);
        return -1;
    }
    if (!def->memorysnapshotfile &&
        def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "external memory snapshots require a filename");
        return -1;
    }
    if (offline &&
        def->memory != VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT &&
        def->memory != VIR_DOMAIN_SNAPSHOT_LOCATION_NO) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "memory state cannot be saved with offline or disk-only snapshot");
        return -1;
    }
    if (def->memorysnapshotfile &&
        !g_path_is_absolute(def->memorysnapshotfile)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "memory snapshot file path (%s) must be absolute",
                       def->memorysnapshotfile);
        return -1;
    }
    return 0;
}

/* What only a redefinition reads. */
static const char *const virDomainSnapshotRedefineOnly[] = {
    "creationTime", "state", "parent", "domain", "inactiveDomain",
};

virDomainSnapshotDef *
virDomainSnapshotDefParseString(const char *xml,
                                const virDomainXMLOption *xmlopt,
                                unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virDomainSnapshotDef) def = g_new0(virDomainSnapshotDef, 1);
    bool offline = !!(flags & VIR_DOMAIN_SNAPSHOT_PARSE_OFFLINE);
    g_autofree xmlNodePtr *disks = NULL;
    xmlNodePtr root;
    xmlNodePtr node;
    size_t ndisks;
    size_t i;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml, "(domain_snapshot)",
                                      "domainsnapshot")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    virXMLNodeMarkConsumed(root);

    if (virDomainMomentParseName(root, VIR_FROM_THIS, "snapshot",
                                 !!(flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE),
                                 &def->name, &def->description) < 0)
        return NULL;

    if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE) {
        if (virDomainSnapshotParseRedefine(root, def, xmlopt, flags,
                                           &offline) < 0)
            return NULL;
    } else {
        virDomainMomentParseNew(root, &def->name, &def->creationTime,
                                virDomainSnapshotRedefineOnly,
                                G_N_ELEMENTS(virDomainSnapshotRedefineOnly));
    }

    if (virDomainSnapshotParseMemory(root, def, flags, offline) < 0)
        return NULL;

    ndisks = virDomainMomentDiskNodes(root, &disks);
    def->disks = g_new0(virDomainSnapshotDiskDef, ndisks);
    for (i = 0; i < ndisks; i++) {
        if (virDomainSnapshotDiskDefParseXML(disks[i],
                                             &def->disks[def->ndisks++],
                                             flags) < 0)
            return NULL;
    }

    if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL) {
        g_autofree char *active = virXMLChildContent(root, "active");
        int val;

        if (!active || virStrToLong_i(active, NULL, 10, &val) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Could not find 'active' element");
            return NULL;
        }
        def->current = val != 0;
    }

    /* Only a running domain's snapshot has a cookie worth keeping. */
    if (!offline && (node = virXMLChild(root, "cookie"))) {
        virXMLNodeMarkSubtree(node);
        def->cookie = virXMLNodeCopyDetached(node);
    }

    if ((flags & VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

/* ---- Formatting ---- */

static void
virDomainSnapshotSourceFormat(virBuffer *buf,
                              const virDomainSnapshotDiskDef *disk)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    switch (disk->type) {
    case VIR_DOMAIN_SNAPSHOT_SRC_FILE:
        virBufferEscapeString(&attrBuf, " file='%s'", disk->path);
        break;
    case VIR_DOMAIN_SNAPSHOT_SRC_BLOCK:
        virBufferEscapeString(&attrBuf, " dev='%s'", disk->path);
        break;
    case VIR_DOMAIN_SNAPSHOT_SRC_NETWORK:
        virBufferAsprintf(&attrBuf, " protocol='%s'",
                          virDomainSnapshotNetProtocolTypeToString(disk->protocol));
        virBufferEscapeString(&attrBuf, " name='%s'", disk->path);
        for (i = 0; i < disk->nhosts; i++) {
            const virDomainSnapshotHost *host = &disk->hosts[i];

            virBufferAddLit(&childBuf, "<host");
            virBufferEscapeString(&childBuf, " name='%s'", host->name);
            if (host->port)
                virBufferAsprintf(&childBuf, " port='%u'", host->port);
            if (host->transport)
                virBufferAsprintf(&childBuf, " transport='%s'",
                                  virDomainSnapshotNetTransportTypeToString(host->transport));
            virBufferEscapeString(&childBuf, " socket='%s'", host->socket);
            virBufferAddLit(&childBuf, "/>\n");
        }
        break;
    default:
        break;
    }
    virXMLFormatElement(buf, "source", &attrBuf, &childBuf);
}

static void
virDomainSnapshotDiskDefFormat(virBuffer *buf, const void *opaque)
{
    const virDomainSnapshotDiskDef *disk = opaque;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (!disk->name)
        return;
    virBufferEscapeString(&attrBuf, " name='%s'", disk->name);
    if (disk->snapshot > 0)
        virBufferAsprintf(&attrBuf, " snapshot='%s'",
                          virDomainSnapshotLocationTypeToString(disk->snapshot));
    if (disk->snapshotDeleteInProgress)
        virBufferAddLit(&childBuf, "<snapshotDeleteInProgress/>\n");

    if (disk->path || disk->format) {
        g_auto(virBuffer) drvAttr = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) drvChild = VIR_BUFFER_INIT_CHILD(&childBuf);

        virBufferAsprintf(&attrBuf, " type='%s'",
                          virDomainSnapshotSrcTypeToString(disk->type));
        if (disk->format > 0)
            virBufferAsprintf(&drvAttr, " type='%s'",
                              virDomainSnapshotSrcFormatTypeToString(disk->format));
        if (disk->metadataCacheMaxSize > 0) {
            g_auto(virBuffer) cacheChild = VIR_BUFFER_INIT_CHILD(&drvChild);

            virBufferAsprintf(&cacheChild,
                              "<max_size unit='bytes'>%llu</max_size>\n",
                              disk->metadataCacheMaxSize);
            virXMLFormatElement(&drvChild, "metadata_cache", NULL, &cacheChild);
        }
        virXMLFormatElement(&childBuf, "driver", &drvAttr, &drvChild);
        virDomainSnapshotSourceFormat(&childBuf, disk);
    }
    virXMLFormatElement(buf, "disk", &attrBuf, &childBuf);
}

/* The domain definition under another root name (<inactiveDomain>). */
static int
virDomainSnapshotFormatDomain(virBuffer *buf, const virDomainDef *dom,
                              const char *rootname, unsigned int flags)
{
    g_auto(virBuffer) tmp = VIR_BUFFER_INITIALIZER;
    g_autofree char *str = NULL;
    g_auto(GStrv) lines = NULL;
    size_t len;
    size_t i;

    if (g_str_equal(rootname, "domain"))
        return virDomainDefFormatBuf(buf, dom, flags);
    if (virDomainDefFormatBuf(&tmp, dom, flags) < 0)
        return -1;
    str = virBufferContentAndReset(&tmp);
    len = strlen(str);
    /* str is "<domain ...>...</domain>\n" at indentation 0 */
    if (!g_str_has_prefix(str, "<domain") ||
        !g_str_has_suffix(str, "</domain>\n")) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "unexpected domain formatting");
        return -1;
    }
    str[len - strlen("</domain>\n")] = '\0';
    virBufferAsprintf(buf, "<%s", rootname);
    /* each line again, now at buf's indentation */
    lines = g_strsplit(str + strlen("<domain"), "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (*lines[i])
            virBufferAsprintf(buf, "%s\n", lines[i]);
    }
    virBufferAsprintf(buf, "</%s>\n", rootname);
    return 0;
}

char *
virDomainSnapshotDefFormat(const virDomainSnapshotDef *def,
                           unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    bool secure = !!(flags & VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE);
    unsigned int domflags = virDomainMomentDomainFormatFlags(secure);

    virDomainMomentFormatBegin(&buf, "domainsnapshot", def->name,
                               def->description);
    if (def->state)
        virBufferAsprintf(&buf, "<state>%s</state>\n",
                          virDomainSnapshotStateTypeToString(def->state));
    virDomainMomentFormatParent(&buf, def->parent_name, def->creationTime);
    if (def->memory) {
        virBufferAsprintf(&buf, "<memory snapshot='%s'",
                          virDomainSnapshotLocationTypeToString(def->memory));
        virBufferEscapeString(&buf, " file='%s'", def->memorysnapshotfile);
        virBufferAddLit(&buf, "/>\n");
    }
    virDomainMomentFormatDisks(&buf, def->disks, def->ndisks,
                               sizeof(*def->disks),
                               virDomainSnapshotDiskDefFormat);
    if (def->dom) {
        if (virDomainDefFormatBuf(&buf, def->dom, domflags) < 0)
            return NULL;
    } else if (def->domainUUID) {
        virBufferAddLit(&buf, "<domain>\n");
        virBufferEscapeString(&buf, "  <uuid>%s</uuid>\n", def->domainUUID);
        virBufferAddLit(&buf, "</domain>\n");
    }
    if (def->inactiveDom &&
        virDomainSnapshotFormatDomain(&buf, def->inactiveDom, "inactiveDomain",
                                      domflags) < 0)
        return NULL;
    if (def->cookie)
        virXMLFormatNode(&buf, def->cookie);
    if (flags & VIR_DOMAIN_SNAPSHOT_FORMAT_INTERNAL)
        virBufferAsprintf(&buf, "<active>%d</active>\n", def->current ? 1 : 0);
    virDomainMomentFormatEnd(&buf, "domainsnapshot");
    return virBufferContentAndReset(&buf);
}
