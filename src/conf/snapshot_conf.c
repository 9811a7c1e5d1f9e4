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

static void
virDomainSnapshotDiskDefClear(virDomainSnapshotDiskDef *disk)
{
    g_free(disk->name);
    virStorageSourceFree(disk->src);
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

/* Upstream hands its snapshot parse flags to the domain disk source
 * parser unchanged, where their bits read as domain flags: a redefinition
 * counts as status XML (tlsFromConfig=) and the driver's own file as
 * inactive (labelskip= ignored).  Keep that meaning. */
static unsigned int
virDomainSnapshotSourceParseFlags(unsigned int flags)
{
    unsigned int srcflags = 0;

    if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE)
        srcflags |= VIR_STORAGE_SOURCE_PARSE_STATUS;
    if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL)
        srcflags |= VIR_STORAGE_SOURCE_PARSE_INACTIVE;
    return srcflags;
}

static bool
virDomainSnapshotSourceIsRelative(const virStorageSource *src)
{
    switch (src->type) {
    case VIR_STORAGE_TYPE_FILE:
    case VIR_STORAGE_TYPE_BLOCK:
    case VIR_STORAGE_TYPE_DIR:
        return src->path && !g_path_is_absolute(src->path);
    default:
        return false;
    }
}

static int
virDomainSnapshotDiskDefParseXML(xmlNodePtr node,
                                 virDomainSnapshotDiskDef *disk,
                                 unsigned int flags)
{
    g_autoptr(virStorageSource) src = virStorageSourceNew();
    g_autofree char *name = NULL;
    xmlNodePtr cur;
    int type;

    if (!(name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing name from disk snapshot element");
        return -1;
    }
    if (virXMLPropEnumDefault(node, "snapshot",
                              virDomainSnapshotLocationTypeFromString,
                              VIR_XML_PROP_NONZERO, (int *)&disk->snapshot,
                              VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) < 0 ||
        virXMLPropEnumDefault(node, "type", virStorageTypeFromString,
                              VIR_XML_PROP_NONZERO, &type,
                              VIR_STORAGE_TYPE_FILE) < 0)
        return -1;
    src->type = type;
    /* a new image cannot be a directory or a pool volume */
    if (type == VIR_STORAGE_TYPE_VOLUME || type == VIR_STORAGE_TYPE_DIR) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unsupported disk snapshot type '%s'",
                       virStorageTypeToString(type));
        return -1;
    }

    if ((flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE) &&
        virXMLChild(node, "snapshotDeleteInProgress"))
        disk->snapshotDeleteInProgress = true;

    if ((cur = virXMLChild(node, "source")) &&
        virStorageSourceParseXML(cur, src,
                                 virDomainSnapshotSourceParseFlags(flags)) < 0)
        return -1;

    if ((cur = virXMLChild(node, "driver"))) {
        g_autofree char *driver = virXMLPropString(cur, "type");

        if (driver) {
            int format = virStorageFileFormatTypeFromString(driver);

            if (format <= 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown disk snapshot driver '%s'", driver);
                return -1;
            }
            src->format = format;
        }
        if (virStorageSourceParseMetadataCache(cur,
                                               &src->metadataCacheMaxSize) < 0)
            return -1;
    }

    if (virDomainSnapshotSourceIsRelative(src)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "disk snapshot image path '%s' must be absolute",
                       src->path);
        return -1;
    }

    if (disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT &&
        (src->path || src->format))
        disk->snapshot = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;

    disk->name = g_steal_pointer(&name);
    disk->src = g_steal_pointer(&src);
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

static int
virDomainSnapshotDiskDefFormat(virBuffer *buf,
                               const virDomainSnapshotDiskDef *disk)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virStorageSource *src = disk->src;

    if (!disk->name)
        return 0;
    virBufferEscapeString(&attrBuf, " name='%s'", disk->name);
    if (disk->snapshot > 0)
        virBufferAsprintf(&attrBuf, " snapshot='%s'",
                          virDomainSnapshotLocationTypeToString(disk->snapshot));
    if (disk->snapshotDeleteInProgress)
        virBufferAddLit(&childBuf, "<snapshotDeleteInProgress/>\n");

    /* only a disk naming a new image carries type, driver and source */
    if (src && (src->path || src->format)) {
        g_auto(virBuffer) drvAttr = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) drvChild = VIR_BUFFER_INIT_CHILD(&childBuf);

        virBufferAsprintf(&attrBuf, " type='%s'",
                          virStorageTypeToString(src->type));
        if (src->format > 0)
            virBufferAsprintf(&drvAttr, " type='%s'",
                              virStorageFileFormatTypeToString(src->format));
        virStorageSourceFormatMetadataCache(&drvChild,
                                            src->metadataCacheMaxSize);
        virXMLFormatElement(&childBuf, "driver", &drvAttr, &drvChild);
        /* upstream writes the source with no format flags: never the
         * cookies, always the labels */
        if (virStorageSourceFormatXML(&childBuf, src, "source", NULL, false,
                                      0, false, false) < 0)
            return -1;
    }
    virXMLFormatElement(buf, "disk", &attrBuf, &childBuf);
    return 0;
}

static int
virDomainSnapshotDisksFormat(virBuffer *buf, const virDomainSnapshotDef *def)
{
    size_t i;

    if (!def->ndisks)
        return 0;
    virBufferAddLit(buf, "<disks>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < def->ndisks; i++) {
        if (virDomainSnapshotDiskDefFormat(buf, &def->disks[i]) < 0)
            return -1;
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</disks>\n");
    return 0;
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
    if (virDomainSnapshotDisksFormat(&buf, def) < 0)
        return NULL;
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
