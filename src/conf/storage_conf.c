/*
 * storage_conf.c: parsing and formatting storage pools and volumes.
 *
 * One table says, per pool type, which <source> parts the pool needs and
 * which format enums its pool and its volumes use; parser, formatter and
 * the capabilities document all consult it, as upstream does.  Empty
 * elements and attributes that upstream reads through XPath strings count
 * as absent here too.
 */
#include <limits.h>

#include "storage_conf.h"
#include "conf_xmlprop.h"
#include "node_device_conf.h"
#include "storage_pool_ns.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_ENUM_IMPL(virStoragePool, VIR_STORAGE_POOL_LAST,
              "dir", "fs", "netfs", "logical", "disk", "iscsi",
              "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster",
              "zfs", "vstorage");
VIR_ENUM_IMPL(virStoragePoolFormatFileSystem, VIR_STORAGE_POOL_FS_LAST,
              "auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf",
              "gfs", "gfs2", "vfat", "hfs+", "xfs", "ocfs2", "vmfs");
VIR_ENUM_IMPL(virStoragePoolFormatFileSystemNet, VIR_STORAGE_POOL_NETFS_LAST,
              "auto", "nfs", "glusterfs", "cifs");
VIR_ENUM_IMPL(virStoragePoolFormatDisk, VIR_STORAGE_POOL_DISK_LAST,
              "unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun",
              "lvm2");
VIR_ENUM_IMPL(virStoragePoolFormatLogical, VIR_STORAGE_POOL_LOGICAL_LAST,
              "unknown", "lvm2");
VIR_ENUM_IMPL(virStorageVol, VIR_STORAGE_VOL_LAST,
              "file", "block", "dir", "network", "netdir", "ploop");
VIR_ENUM_IMPL(virStorageVolFormatDisk, VIR_STORAGE_VOL_DISK_LAST,
              "none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm",
              "linux-raid", "extended");
VIR_ENUM_IMPL(virStorageVolFeature, VIR_STORAGE_VOL_FEATURE_LAST,
              "lazy_refcounts", "extended_l2");
VIR_ENUM_IMPL(virStorageAdapter, VIR_STORAGE_ADAPTER_TYPE_LAST,
              "default", "scsi_host", "fc_host");
VIR_ENUM_IMPL(virStorageVolDefRefreshAllocation,
              VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_LAST,
              "default", "capacity");

/* What a pool type's <source> must or may carry. */
enum {
    SRC_HOST = 1 << 0,
    SRC_DEVICE = 1 << 1,
    SRC_DIR = 1 << 2,
    SRC_ADAPTER = 1 << 3,
    SRC_NAME = 1 << 4,
    SRC_INITIATOR = 1 << 5,
    SRC_NETWORK = 1 << 6,   /* no local target */
};

typedef struct {
    int defaultFormat;
    int lastFormat;     /* values listed in the capabilities */
    const char *(*toString)(int format);
    int (*fromString)(const char *format);
} virStorageFormatOptions;

typedef struct {
    unsigned int flags;
    virStorageFormatOptions pool;
    virStorageFormatOptions vol;
} virStoragePoolTypeInfo;

/* "none" is not a format a volume may ask for. */
static int
virStorageVolFileFormatParse(const char *format)
{
    int ret = virStorageFileFormatTypeFromString(format);

    return ret == VIR_STORAGE_FILE_NONE ? -1 : ret;
}

#define FILE_VOLUMES \
    { VIR_STORAGE_FILE_RAW, VIR_STORAGE_FILE_LAST, \
      virStorageFileFormatTypeToString, virStorageVolFileFormatParse }

static const virStoragePoolTypeInfo poolTypeInfo[VIR_STORAGE_POOL_LAST] = {
    [VIR_STORAGE_POOL_DIR] = {
        .vol = FILE_VOLUMES,
    },
    [VIR_STORAGE_POOL_FS] = {
        .flags = SRC_DEVICE,
        .pool = { VIR_STORAGE_POOL_FS_AUTO, VIR_STORAGE_POOL_FS_LAST,
                  virStoragePoolFormatFileSystemTypeToString,
                  virStoragePoolFormatFileSystemTypeFromString },
        .vol = FILE_VOLUMES,
    },
    [VIR_STORAGE_POOL_NETFS] = {
        .flags = SRC_HOST | SRC_DIR,
        .pool = { VIR_STORAGE_POOL_NETFS_AUTO, VIR_STORAGE_POOL_NETFS_LAST,
                  virStoragePoolFormatFileSystemNetTypeToString,
                  virStoragePoolFormatFileSystemNetTypeFromString },
        .vol = FILE_VOLUMES,
    },
    [VIR_STORAGE_POOL_LOGICAL] = {
        .flags = SRC_NAME | SRC_DEVICE,
        .pool = { VIR_STORAGE_POOL_LOGICAL_LVM2,
                  VIR_STORAGE_POOL_LOGICAL_LAST,
                  virStoragePoolFormatLogicalTypeToString,
                  virStoragePoolFormatLogicalTypeFromString },
    },
    [VIR_STORAGE_POOL_DISK] = {
        .flags = SRC_DEVICE,
        .pool = { VIR_STORAGE_POOL_DISK_UNKNOWN, VIR_STORAGE_POOL_DISK_LAST,
                  virStoragePoolFormatDiskTypeToString,
                  virStoragePoolFormatDiskTypeFromString },
        .vol = { VIR_STORAGE_VOL_DISK_NONE, VIR_STORAGE_VOL_DISK_LAST,
                 virStorageVolFormatDiskTypeToString,
                 virStorageVolFormatDiskTypeFromString },
    },
    [VIR_STORAGE_POOL_ISCSI] = {
        .flags = SRC_HOST | SRC_DEVICE | SRC_INITIATOR,
    },
    [VIR_STORAGE_POOL_ISCSI_DIRECT] = {
        .flags = SRC_HOST | SRC_DEVICE | SRC_NETWORK | SRC_INITIATOR,
    },
    [VIR_STORAGE_POOL_SCSI] = {
        .flags = SRC_ADAPTER,
    },
    [VIR_STORAGE_POOL_MPATH] = {
        .flags = 0,
    },
    [VIR_STORAGE_POOL_RBD] = {
        .flags = SRC_HOST | SRC_NETWORK | SRC_NAME,
        /* upstream lists no values for rbd volumes in the capabilities */
        .vol = { VIR_STORAGE_FILE_RAW, 0,
                 virStorageFileFormatTypeToString,
                 virStorageVolFileFormatParse },
    },
    [VIR_STORAGE_POOL_SHEEPDOG] = {
        .flags = SRC_HOST | SRC_NETWORK | SRC_NAME,
    },
    [VIR_STORAGE_POOL_GLUSTER] = {
        .flags = SRC_HOST | SRC_NETWORK | SRC_NAME | SRC_DIR,
        .vol = FILE_VOLUMES,
    },
    [VIR_STORAGE_POOL_ZFS] = {
        .flags = SRC_NAME | SRC_DEVICE,
    },
    [VIR_STORAGE_POOL_VSTORAGE] = {
        .flags = SRC_NAME,
        .vol = FILE_VOLUMES,
    },
};

/* ---- Helpers ---- */

/* Folds repeated slashes and drops a trailing one; a leading "//" is
 * kept (POSIX gives it a meaning), URIs are left alone. */
static char *
virStorageSanitizePath(const char *path)
{
    const char *uri = strstr(path, "://");
    const char *cur = path;
    g_autofree char *clean = g_strdup(path);
    size_t idx = 0;

    if (uri && strchr(path, '/') > uri)
        return g_steal_pointer(&clean);

    if (cur[0] == '/' && cur[1] == '/' && cur[2] != '/') {
        idx = 2;
        cur += 2;
    }
    while (*cur) {
        if (*cur != '/') {
            clean[idx++] = *cur++;
            continue;
        }
        while (*++cur == '/')
            ;
        if (idx != 0 && *cur == '\0')
            break;
        clean[idx++] = '/';
    }
    clean[idx] = '\0';
    return g_steal_pointer(&clean);
}

/* Elements only a driver fills in: accepted in input but not read. */
static void
virStorageMarkOutputOnly(xmlNodePtr parent, const char *name)
{
    xmlNodePtr node = virXMLChild(parent, name);

    if (node)
        virXMLNodeMarkSubtree(node);
}

static void
virStoragePermsClear(virStoragePerms *perms)
{
    g_clear_pointer(&perms->label, g_free);
}

/* A number in <owner>/<group>: anything fitting a uid_t, or -1. */
static int
virStorageParseId(xmlNodePtr perms, const char *name, unsigned int *id)
{
    xmlNodePtr node = virXMLChild(perms, name);
    g_autofree char *str = NULL;
    long long val;

    *id = VIR_STORAGE_PERM_UNSET;
    if (!node)
        return 0;
    str = virXMLNodeContent(node);
    if (virStrToLong_ll(str, NULL, 10, &val) < 0 ||
        (val != -1 && (val < 0 || val > UINT_MAX))) {
        virReportError(VIR_ERR_XML_ERROR, "malformed %s element", name);
        return -1;
    }
    *id = (unsigned int) val;
    return 0;
}

static int
virStoragePermsParse(xmlNodePtr parent, virStoragePerms *perms)
{
    xmlNodePtr node = parent ? virXMLChild(parent, "permissions") : NULL;
    g_autofree char *mode = NULL;

    perms->mode = -1;
    perms->uid = VIR_STORAGE_PERM_UNSET;
    perms->gid = VIR_STORAGE_PERM_UNSET;
    if (!node)
        return 0;

    if ((mode = virConfXMLChildNonEmpty(node, "mode"))) {
        int tmp;

        if (virStrToLong_i(mode, NULL, 8, &tmp) < 0 || (tmp & ~0777)) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "malformed octal mode");
            return -1;
        }
        perms->mode = tmp;
    }
    if (virStorageParseId(node, "owner", &perms->uid) < 0 ||
        virStorageParseId(node, "group", &perms->gid) < 0)
        return -1;
    perms->label = virConfXMLChildNonEmpty(node, "label");
    return 0;
}

static void
virStoragePermsFormat(virBuffer *buf, const virStoragePerms *perms)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (perms->mode != -1)
        virBufferAsprintf(&childBuf, "<mode>0%o</mode>\n", perms->mode);
    if (perms->uid != VIR_STORAGE_PERM_UNSET)
        virBufferAsprintf(&childBuf, "<owner>%d</owner>\n", (int) perms->uid);
    if (perms->gid != VIR_STORAGE_PERM_UNSET)
        virBufferAsprintf(&childBuf, "<group>%d</group>\n", (int) perms->gid);
    virBufferEscapeString(&childBuf, "<label>%s</label>\n", perms->label);
    virXMLFormatElement(buf, "permissions", NULL, &childBuf);
}

/* Reads <format type=...> of node with a pool's or volume's table. */
static int
virStorageFormatParse(xmlNodePtr node, const virStorageFormatOptions *opts,
                      const char *what, int *format)
{
    g_autofree char *str = NULL;

    if (!opts->fromString)
        return 0;
    if (node)
        str = virConfXMLPropNonEmpty(virXMLChild(node, "format"), "type");
    if (!str) {
        *format = opts->defaultFormat;
        return 0;
    }
    if ((*format = opts->fromString(str)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown %s format type %s", what, str);
        return -1;
    }
    return 0;
}

/* ---- Pool source ---- */

static bool
virStorageValidateWWN(const char *wwn)
{
    const char *p = STRPREFIX(wwn, "0x") ? wwn + 2 : wwn;
    size_t i;

    for (i = 0; p[i] && g_ascii_isxdigit(p[i]); i++)
        ;
    if (i != 16 || p[i]) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Malformed wwn: %s", wwn);
        return false;
    }
    return true;
}

static int
virStorageAdapterParsePCI(xmlNodePtr node, virStorageAdapterDef *adapter)
{
    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE,
                       &adapter->pci_domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE,
                       &adapter->pci_bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE,
                       &adapter->pci_slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE,
                       &adapter->pci_function) < 0)
        return -1;

    return virNodeDevPCIAddressCheck(VIR_FROM_THIS, adapter->pci_domain,
                                     adapter->pci_bus, adapter->pci_slot,
                                     adapter->pci_function);
}

static int
virStorageAdapterParse(xmlNodePtr node, virStorageAdapterDef *adapter)
{
    xmlNodePtr parentaddr;
    int rc;

    if ((rc = virXMLPropEnum(node, "type", virStorageAdapterTypeFromString,
                             VIR_XML_PROP_NONZERO, (int *) &adapter->type)) < 0)
        return -1;

    if (rc == 0) {
        /* without a type only the old scsi_host 'name' form is allowed */
        g_autofree char *wwnn = virXMLPropString(node, "wwnn");
        g_autofree char *wwpn = virXMLPropString(node, "wwpn");
        g_autofree char *parent = virXMLPropString(node, "parent");

        if (wwnn || wwpn || parent) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Use of 'wwnn', 'wwpn', and 'parent' attributes "
                           "requires use of the adapter 'type'");
            return -1;
        }
        if (virXMLChild(node, "parentaddr")) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Use of 'parentaddr' element requires use of "
                           "the adapter 'type'");
            return -1;
        }
        if ((adapter->name = virXMLPropString(node, "name")))
            adapter->type = VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST;
        return 0;
    }

    if (adapter->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST) {
        if (virXMLPropTristateBool(node, "managed", VIR_XML_PROP_NONE,
                                   &adapter->managed) < 0)
            return -1;
        adapter->parent = virXMLPropString(node, "parent");
        adapter->parent_wwnn = virXMLPropString(node, "parent_wwnn");
        adapter->parent_wwpn = virXMLPropString(node, "parent_wwpn");
        adapter->parent_fabric_wwn = virXMLPropString(node,
                                                      "parent_fabric_wwn");
        adapter->wwpn = virXMLPropString(node, "wwpn");
        adapter->wwnn = virXMLPropString(node, "wwnn");
        return 0;
    }

    adapter->name = virXMLPropString(node, "name");
    if ((parentaddr = virXMLChild(node, "parentaddr"))) {
        xmlNodePtr addr = virXMLChild(parentaddr, "address");
        g_autofree char *uid = NULL;

        if (!addr) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing scsi_host PCI address element");
            return -1;
        }
        adapter->has_parent = true;
        if (virStorageAdapterParsePCI(addr, adapter) < 0)
            return -1;
        uid = virXMLPropString(parentaddr, "unique_id");
        if (!uid || virStrToLong_i(uid, NULL, 10, &adapter->unique_id) < 0 ||
            adapter->unique_id < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing or invalid scsi adapter 'unique_id' value");
            return -1;
        }
    }
    return 0;
}

static int
virStorageAdapterValidate(const virStorageAdapterDef *adapter)
{
    if (!adapter->type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source adapter");
        return -1;
    }
    if (adapter->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST) {
        if (!adapter->wwnn || !adapter->wwpn) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'wwnn' and 'wwpn' must be specified for adapter "
                           "type 'fchost'");
            return -1;
        }
        if (!virStorageValidateWWN(adapter->wwnn) ||
            !virStorageValidateWWN(adapter->wwpn))
            return -1;
        if (adapter->parent_wwnn && !adapter->parent_wwpn) {
            virReportError(VIR_ERR_XML_ERROR,
                           "when providing parent_wwnn='%s', the parent_wwpn "
                           "must also be provided", adapter->parent_wwnn);
            return -1;
        }
        if (!adapter->parent_wwnn && adapter->parent_wwpn) {
            virReportError(VIR_ERR_XML_ERROR,
                           "when providing parent_wwpn='%s', the parent_wwnn "
                           "must also be provided", adapter->parent_wwpn);
            return -1;
        }
        if ((adapter->parent_wwnn &&
             !virStorageValidateWWN(adapter->parent_wwnn)) ||
            (adapter->parent_wwpn &&
             !virStorageValidateWWN(adapter->parent_wwpn)) ||
            (adapter->parent_fabric_wwn &&
             !virStorageValidateWWN(adapter->parent_fabric_wwn)))
            return -1;
        return 0;
    }
    if (!adapter->name && !adapter->has_parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Either 'name' or 'parent' must be specified for the "
                       "'scsi_host' adapter");
        return -1;
    }
    if (adapter->name && adapter->has_parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Both 'name' and 'parent' cannot be specified for the "
                       "'scsi_host' adapter");
        return -1;
    }
    return 0;
}

static void
virStorageAdapterFormat(virBuffer *buf, const virStorageAdapterDef *adapter)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virStorageAdapterTypeToString(adapter->type));
    if (adapter->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST) {
        virBufferEscapeString(&attrBuf, " parent='%s'", adapter->parent);
        virBufferEscapeString(&attrBuf, " parent_wwnn='%s'",
                              adapter->parent_wwnn);
        virBufferEscapeString(&attrBuf, " parent_wwpn='%s'",
                              adapter->parent_wwpn);
        virBufferEscapeString(&attrBuf, " parent_fabric_wwn='%s'",
                              adapter->parent_fabric_wwn);
        if (adapter->managed)
            virBufferAsprintf(&attrBuf, " managed='%s'",
                              virTristateBoolTypeToString(adapter->managed));
        virBufferEscapeString(&attrBuf, " wwnn='%s'", adapter->wwnn);
        virBufferEscapeString(&attrBuf, " wwpn='%s'", adapter->wwpn);
    } else if (adapter->name) {
        virBufferEscapeString(&attrBuf, " name='%s'", adapter->name);
    } else {
        virBufferAsprintf(&childBuf, "<parentaddr unique_id='%d'>\n",
                          adapter->unique_id);
        virBufferAdjustIndent(&childBuf, 2);
        virBufferAsprintf(&childBuf,
                          "<address domain='0x%04x' bus='0x%02x' "
                          "slot='0x%02x' function='0x%d'/>\n",
                          adapter->pci_domain, adapter->pci_bus,
                          adapter->pci_slot, adapter->pci_function);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</parentaddr>\n");
    }
    virXMLFormatElement(buf, "adapter", &attrBuf, &childBuf);
}

static void
virStorageAdapterClear(virStorageAdapterDef *adapter)
{
    g_free(adapter->name);
    g_free(adapter->parent);
    g_free(adapter->parent_wwnn);
    g_free(adapter->parent_wwpn);
    g_free(adapter->parent_fabric_wwn);
    g_free(adapter->wwnn);
    g_free(adapter->wwpn);
}

static int
virStoragePoolSourceParseHosts(xmlNodePtr node, virStoragePoolSource *source)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "host", &nodes);
    size_t i;

    if (n == 0)
        return 0;
    source->hosts = g_new0(virStoragePoolSourceHost, n);
    source->nhost = n;
    for (i = 0; i < n; i++) {
        if (!(source->hosts[i].name = virXMLPropString(nodes[i], "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing storage pool host name");
            return -1;
        }
        if (virXMLPropInt(nodes[i], "port", 10, VIR_XML_PROP_NONE,
                          &source->hosts[i].port) < 0)
            return -1;
    }
    return 0;
}

static int
virStoragePoolSourceParseDevices(xmlNodePtr node,
                                 virStoragePoolSource *source)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "device", &nodes);
    size_t i;

    if (n == 0)
        return 0;
    source->devices = g_new0(virStoragePoolSourceDevice, n);
    for (i = 0; i < n; i++) {
        virStoragePoolSourceDevice *dev = &source->devices[i];

        if (!(dev->path = virXMLPropString(nodes[i], "path"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing storage pool source device path");
            return -1;
        }
        source->ndevice++;
        if (virXMLPropTristateBool(nodes[i], "part_separator",
                                   VIR_XML_PROP_NONE,
                                   &dev->part_separator) < 0)
            return -1;
    }
    return 0;
}

static int
virStoragePoolSourceParse(xmlNodePtr node, virStoragePoolSource *source,
                          virStoragePoolType type)
{
    const virStoragePoolTypeInfo *info = &poolTypeInfo[type];
    g_autofree char *dir = NULL;
    xmlNodePtr child;

    source->name = virConfXMLChildNonEmpty(node, "name");
    if (type == VIR_STORAGE_POOL_RBD && !source->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "element 'name' is mandatory for RBD pool");
        return -1;
    }

    if (virStorageFormatParse(node, &info->pool, "pool", &source->format) < 0)
        return -1;

    if (virStoragePoolSourceParseHosts(node, source) < 0)
        return -1;

    if ((child = virXMLChild(node, "initiator")))
        source->initiator_iqn =
            virConfXMLPropNonEmpty(virXMLChild(child, "iqn"), "name");

    if (virStoragePoolSourceParseDevices(node, source) < 0)
        return -1;

    if ((dir = virConfXMLPropNonEmpty(virXMLChild(node, "dir"), "path")))
        source->dir = virStorageSanitizePath(dir);
    /* gluster exports its root when no directory is given */
    if (!source->dir && type == VIR_STORAGE_POOL_GLUSTER)
        source->dir = g_strdup("/");

    if ((child = virXMLChild(node, "adapter")) &&
        virStorageAdapterParse(child, &source->adapter) < 0)
        return -1;

    if ((child = virXMLChild(node, "auth"))) {
        if (!(source->auth = virStorageAuthDefParse(child)))
            return -1;
        if (source->auth->authType == VIR_STORAGE_AUTH_TYPE_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "storage pool missing auth type");
            return -1;
        }
    }

    if ((source->protocolVer =
         virConfXMLPropNonEmpty(virXMLChild(node, "protocol"), "ver"))) {
        if (source->format != VIR_STORAGE_POOL_NETFS_NFS &&
            source->format != VIR_STORAGE_POOL_NETFS_AUTO) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "storage pool protocol ver unsupported for pool "
                           "type '%s'",
                           NULLSTR(virStoragePoolFormatFileSystemNetTypeToString(source->format)));
            return -1;
        }
        if (strchr(source->protocolVer, ',')) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "storage pool protocol ver '%s' must not contain ','",
                           source->protocolVer);
            return -1;
        }
    }

    source->vendor =
        virConfXMLPropNonEmpty(virXMLChild(node, "vendor"), "name");
    source->product =
        virConfXMLPropNonEmpty(virXMLChild(node, "product"), "name");
    return 0;
}

static void
virStoragePoolSourceClear(virStoragePoolSource *source)
{
    size_t i;

    for (i = 0; i < source->nhost; i++)
        g_free(source->hosts[i].name);
    g_free(source->hosts);
    for (i = 0; i < source->ndevice; i++) {
        g_free(source->devices[i].path);
        g_free(source->devices[i].freeExtents);
    }
    g_free(source->devices);
    g_free(source->dir);
    virStorageAdapterClear(&source->adapter);
    g_free(source->name);
    g_free(source->initiator_iqn);
    virStorageAuthDefFree(source->auth);
    g_free(source->protocolVer);
    g_free(source->vendor);
    g_free(source->product);
}

static int
virStoragePoolSourceFormat(virBuffer *buf, const virStoragePoolDef *def)
{
    const virStoragePoolTypeInfo *info = &poolTypeInfo[def->type];
    const virStoragePoolSource *src = &def->source;
    size_t i, j;

    virBufferAddLit(buf, "<source>\n");
    virBufferAdjustIndent(buf, 2);

    for (i = 0; (info->flags & SRC_HOST) && i < src->nhost; i++) {
        virBufferEscapeString(buf, "<host name='%s'", src->hosts[i].name);
        if (src->hosts[i].port)
            virBufferAsprintf(buf, " port='%d'", src->hosts[i].port);
        virBufferAddLit(buf, "/>\n");
    }

    for (i = 0; (info->flags & SRC_DEVICE) && i < src->ndevice; i++) {
        const virStoragePoolSourceDevice *dev = &src->devices[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

        virBufferEscapeString(&attrBuf, " path='%s'", dev->path);
        if (dev->part_separator)
            virBufferAsprintf(&attrBuf, " part_separator='%s'",
                              virTristateBoolTypeToString(dev->part_separator));
        for (j = 0; j < dev->nfreeExtent; j++)
            virBufferAsprintf(&childBuf,
                              "<freeExtent start='%llu' end='%llu'/>\n",
                              dev->freeExtents[j].start,
                              dev->freeExtents[j].end);
        virXMLFormatElement(buf, "device", &attrBuf, &childBuf);
    }

    if (info->flags & SRC_DIR)
        virBufferEscapeString(buf, "<dir path='%s'/>\n", src->dir);

    if ((info->flags & SRC_ADAPTER) &&
        (src->adapter.type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST ||
         src->adapter.type == VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST))
        virStorageAdapterFormat(buf, &src->adapter);

    if (info->flags & SRC_NAME)
        virBufferEscapeString(buf, "<name>%s</name>\n", src->name);

    if ((info->flags & SRC_INITIATOR) && src->initiator_iqn) {
        virBufferAddLit(buf, "<initiator>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<iqn name='%s'/>\n", src->initiator_iqn);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</initiator>\n");
    }

    if (info->pool.toString) {
        const char *format = info->pool.toString(src->format);

        if (!format) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown pool format number %d", src->format);
            return -1;
        }
        virBufferAsprintf(buf, "<format type='%s'/>\n", format);
    }

    if (src->auth)
        virStorageAuthDefFormat(buf, src->auth);

    virBufferEscapeString(buf, "<protocol ver='%s'/>\n", src->protocolVer);
    virBufferEscapeString(buf, "<vendor name='%s'/>\n", src->vendor);
    virBufferEscapeString(buf, "<product name='%s'/>\n", src->product);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</source>\n");
    return 0;
}

/* ---- Pools ---- */

void
virStoragePoolDefFree(virStoragePoolDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    virStoragePoolSourceClear(&def->source);
    g_free(def->target_path);
    virStoragePermsClear(&def->target_perms);
    for (i = 0; i < def->nnsopts; i++) {
        g_free(def->nsNames[i]);
        g_free(def->nsValues[i]);
    }
    g_free(def->nsNames);
    g_free(def->nsValues);
    g_free(def);
}

static int
virStoragePoolDefParseFeatures(xmlNodePtr root, virStoragePoolDef *def)
{
    xmlNodePtr features = virXMLChild(root, "features");
    xmlNodePtr cow = features ? virXMLChild(features, "cow") : NULL;
    virTristateBool val;
    int rc;

    if (!cow)
        return 0;
    if ((rc = virXMLPropTristateBool(cow, "state", VIR_XML_PROP_NONE,
                                     &val)) < 0)
        return -1;
    if (rc == 0)
        return 0;
    if (def->type != VIR_STORAGE_POOL_FS && def->type != VIR_STORAGE_POOL_DIR) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "cow feature may only be used for 'fs' and 'dir' pools");
        return -1;
    }
    def->cow = val;
    return 0;
}

static int
virStoragePoolDefParseRefresh(xmlNodePtr root, virStoragePoolDef *def)
{
    xmlNodePtr refresh = virXMLChild(root, "refresh");
    xmlNodePtr volume = refresh ? virXMLChild(refresh, "volume") : NULL;
    g_autofree char *alloc = virConfXMLPropNonEmpty(volume, "allocation");
    int val;

    if (!alloc)
        return 0;
    if ((val = virStorageVolDefRefreshAllocationTypeFromString(alloc)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown storage pool volume refresh allocation type %s",
                       alloc);
        return -1;
    }
    def->has_refresh = true;
    def->refresh_allocation = val;
    return 0;
}

static int
virStoragePoolDefParseTarget(xmlNodePtr root, virStoragePoolDef *def)
{
    xmlNodePtr target = virXMLChild(root, "target");
    g_autofree char *path = NULL;

    if (def->type == VIR_STORAGE_POOL_LOGICAL ||
        def->type == VIR_STORAGE_POOL_ZFS) {
        /* the path derives from the source; a given one is ignored */
        if (target)
            virXMLChild(target, "path");
    }
    if (def->type == VIR_STORAGE_POOL_LOGICAL) {
        path = g_strdup_printf("/dev/%s", def->source.name);
    } else if (def->type == VIR_STORAGE_POOL_ZFS) {
        path = g_strdup_printf("/dev/zvol/%s", def->source.name);
    } else if (!(path = virConfXMLChildNonEmpty(target, "path"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool target path");
        return -1;
    }
    def->target_path = virStorageSanitizePath(path);
    return virStoragePermsParse(target, &def->target_perms);
}

static virStoragePoolDef *
virStoragePoolDefParseNode(xmlNodePtr root, unsigned int flags)
{
    g_autoptr(virStoragePoolDef) def = g_new0(virStoragePoolDef, 1);
    const virStoragePoolTypeInfo *info;
    g_autofree char *uuid = NULL;
    xmlNodePtr source;
    int type;

    if (virXMLPropEnum(root, "type", virStoragePoolTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    def->type = type;
    info = &poolTypeInfo[type];

    if ((source = virXMLChild(root, "source"))) {
        if (virStoragePoolSourceParse(source, &def->source, def->type) < 0)
            return NULL;
    } else if (info->pool.fromString) {
        def->source.format = info->pool.defaultFormat;
    }

    def->name = virConfXMLChildNonEmpty(root, "name");
    if (!def->name && (info->flags & SRC_NAME))
        def->name = g_strdup(def->source.name);
    if (!def->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing pool source name element");
        return NULL;
    }
    if (strchr(def->name, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'",
                       def->name);
        return NULL;
    }

    if (!(uuid = virConfXMLChildNonEmpty(root, "uuid"))) {
        virUUIDGenerate(def->uuid);
    } else if (virUUIDParse(uuid, def->uuid) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed uuid element");
        return NULL;
    }

    if (virStoragePoolDefParseFeatures(root, def) < 0)
        return NULL;

    if ((info->flags & SRC_HOST) && !def->source.nhost) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source host name");
        return NULL;
    }
    if ((info->flags & SRC_DIR) && !def->source.dir) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source path");
        return NULL;
    }
    if ((info->flags & SRC_NAME) && !def->source.name)
        def->source.name = g_strdup(def->name);
    if ((info->flags & SRC_ADAPTER) &&
        virStorageAdapterValidate(&def->source.adapter) < 0)
        return NULL;
    if (info->flags == SRC_DEVICE && !def->source.ndevice) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source device name");
        return NULL;
    }

    if (!(info->flags & SRC_NETWORK) &&
        virStoragePoolDefParseTarget(root, def) < 0)
        return NULL;

    if (def->type == VIR_STORAGE_POOL_ISCSI_DIRECT &&
        !def->source.initiator_iqn) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "missing initiator IQN");
        return NULL;
    }

    if (virStoragePoolDefParseRefresh(root, def) < 0)
        return NULL;

    if (virStoragePoolNamespaceParse(root, def) < 0)
        return NULL;

    /* runtime figures are the driver's: read so validation accepts them */
    virStorageMarkOutputOnly(root, "capacity");
    virStorageMarkOutputOnly(root, "allocation");
    virStorageMarkOutputOnly(root, "available");

    if ((flags & VIR_STORAGE_POOL_DEFINE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;

    return g_steal_pointer(&def);
}

virStoragePoolDef *
virStoragePoolDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(storage_pool_definition)", "pool")))
        return NULL;
    return virStoragePoolDefParseNode(xmlDocGetRootElement(doc), flags);
}

char *
virStoragePoolDefFormat(const virStoragePoolDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferAsprintf(&buf, "<pool type='%s'",
                      virStoragePoolTypeToString(def->type));
    virStoragePoolNamespaceFormatNS(&buf, def);
    virBufferAddLit(&buf, ">\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->uuid, uuidstr));
    virBufferAsprintf(&buf, "<capacity unit='bytes'>%llu</capacity>\n",
                      def->capacity);
    virBufferAsprintf(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                      def->allocation);
    virBufferAsprintf(&buf, "<available unit='bytes'>%llu</available>\n",
                      def->available);

    if (def->cow) {
        virBufferAddLit(&buf, "<features>\n");
        virBufferAdjustIndent(&buf, 2);
        virBufferAsprintf(&buf, "<cow state='%s'/>\n",
                          virTristateBoolTypeToString(def->cow));
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</features>\n");
    }

    if (virStoragePoolSourceFormat(&buf, def) < 0)
        return NULL;

    /* network pools have no local target; upstream decides by type here */
    if (def->type != VIR_STORAGE_POOL_RBD &&
        def->type != VIR_STORAGE_POOL_SHEEPDOG &&
        def->type != VIR_STORAGE_POOL_GLUSTER &&
        def->type != VIR_STORAGE_POOL_ISCSI_DIRECT) {
        virBufferAddLit(&buf, "<target>\n");
        virBufferAdjustIndent(&buf, 2);
        virBufferEscapeString(&buf, "<path>%s</path>\n", def->target_path);
        virStoragePermsFormat(&buf, &def->target_perms);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</target>\n");
    }

    if (def->has_refresh) {
        virBufferAddLit(&buf, "<refresh>\n");
        virBufferAdjustIndent(&buf, 2);
        virBufferAsprintf(&buf, "<volume allocation='%s'/>\n",
                          virStorageVolDefRefreshAllocationTypeToString(def->refresh_allocation));
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</refresh>\n");
    }

    virStoragePoolNamespaceFormat(&buf, def);

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</pool>\n");
    return virBufferContentAndReset(&buf);
}

/* ---- Volumes ---- */

static void
virStorageVolTargetClear(virStorageVolTarget *target)
{
    g_free(target->path);
    virStoragePermsClear(&target->perms);
    virStorageEncryptionFree(target->encryption);
    g_free(target->compat);
}

void
virStorageVolDefFree(virStorageVolDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->key);
    for (i = 0; i < def->nextent; i++)
        g_free(def->extents[i].path);
    g_free(def->extents);
    virStorageVolTargetClear(&def->target);
    if (def->backingStore) {
        virStorageVolTargetClear(def->backingStore);
        g_free(def->backingStore);
    }
    g_free(def);
}

/* A child element with some text, or NULL (empty ones count as absent,
 * though still read). */
static xmlNodePtr
virStorageNonEmptyChild(xmlNodePtr parent, const char *name)
{
    xmlNodePtr node = virXMLChild(parent, name);
    g_autofree char *text = node ? virXMLNodeContent(node) : NULL;

    return text && *text ? node : NULL;
}

/* <capacity>/<allocation>: bytes after the unit, at most LLONG_MAX since
 * no file can be larger than off_t allows. */
static int
virStorageVolParseSize(xmlNodePtr node, unsigned long long *result)
{
    g_autofree char *val = virXMLNodeContent(node);
    g_autofree char *unit = virConfXMLPropNonEmpty(node, "unit");

    if (virStrToLong_ullp(val, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "malformed capacity element");
        return -1;
    }
    return virScaleInteger(result, unit, 1, LLONG_MAX);
}

/* compat is "<major>.<minor>" with numeric parts. */
static int
virStorageVolCheckCompat(const char *compat)
{
    g_auto(GStrv) version = NULL;
    unsigned int result;

    if (!compat)
        return 0;
    version = g_strsplit(compat, ".", 2);
    if (!version[0] || !version[1] ||
        virStrToLong_ui(version[0], NULL, 10, &result) < 0 ||
        virStrToLong_ui(version[1], NULL, 10, &result) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "forbidden characters in 'compat' attribute");
        return -1;
    }
    return 0;
}

static int
virStorageVolParseBacking(xmlNodePtr root, const virStoragePoolTypeInfo *info,
                          virStorageVolDef *def)
{
    xmlNodePtr node = virXMLChild(root, "backingStore");
    g_autofree char *path = virConfXMLChildNonEmpty(node, "path");
    virStorageVolTarget *backing;

    if (!path)
        return 0;
    backing = def->backingStore = g_new0(virStorageVolTarget, 1);
    backing->path = g_steal_pointer(&path);
    if (virStorageFormatParse(node, &info->vol, "volume",
                              &backing->format) < 0)
        return -1;
    return virStoragePermsParse(node, &backing->perms);
}

static int
virStorageVolParseTargetExtras(xmlNodePtr target, virStorageVolDef *def)
{
    xmlNodePtr node;

    if ((node = virXMLChild(target, "encryption")) &&
        !(def->target.encryption = virStorageEncryptionParseNode(node)))
        return -1;

    def->target.compat = virConfXMLChildNonEmpty(target, "compat");
    if (virStorageVolCheckCompat(def->target.compat) < 0)
        return -1;

    if (virXMLChild(target, "nocow"))
        def->target.nocow = true;

    if ((node = virXMLChild(target, "clusterSize")) &&
        virXMLParseScaledValue(node, NULL, "unit", 1, ULLONG_MAX, false,
                               &def->target.clusterSize) < 0)
        return -1;

    if ((node = virXMLChild(target, "features"))) {
        xmlNodePtr cur;

        if (!def->target.compat)
            def->target.compat = g_strdup("1.1");
        def->target.has_features = true;
        for (cur = virXMLFirstElement(node); cur;
             cur = virXMLNextElement(cur)) {
            int f = virStorageVolFeatureTypeFromString((const char *) cur->name);

            if (f < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unsupported feature %s",
                               (const char *) cur->name);
                return -1;
            }
            virXMLNodeMarkConsumed(cur);
            def->target.features[f] = true;
        }
    }
    return 0;
}

static virStorageVolDef *
virStorageVolDefParseNode(const virStoragePoolDef *pool, xmlNodePtr root,
                          unsigned int flags)
{
    const virStoragePoolTypeInfo *info = &poolTypeInfo[pool->type];
    g_autoptr(virStorageVolDef) def = g_new0(virStorageVolDef, 1);
    g_autofree char *type = NULL;
    xmlNodePtr node;
    xmlNodePtr target;

    if (!(def->name = virConfXMLChildNonEmpty(root, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing volume name element");
        return NULL;
    }
    def->key = virConfXMLChildNonEmpty(root, "key");

    if ((type = virConfXMLPropNonEmpty(root, "type"))) {
        int val = virStorageVolTypeFromString(type);

        if (val < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown volume type '%s'", type);
            return NULL;
        }
        def->type = val;
    }

    if (virStorageVolParseBacking(root, info, def) < 0)
        return NULL;

    node = virStorageNonEmptyChild(root, "capacity");
    if (node) {
        if (virStorageVolParseSize(node, &def->capacity) < 0)
            return NULL;
    } else if (!(flags & VIR_VOL_XML_PARSE_NO_CAPACITY) &&
               !((flags & VIR_VOL_XML_PARSE_OPT_CAPACITY) &&
                 def->backingStore)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing capacity element");
        return NULL;
    }

    node = virStorageNonEmptyChild(root, "allocation");
    if (node) {
        if (virStorageVolParseSize(node, &def->allocation) < 0)
            return NULL;
        def->has_allocation = true;
    } else {
        def->allocation = def->capacity;
    }

    target = virXMLChild(root, "target");
    def->target.path = virConfXMLChildNonEmpty(target, "path");
    if (virStorageFormatParse(target, &info->vol, "volume",
                              &def->target.format) < 0)
        return NULL;
    if (virStoragePermsParse(target, &def->target.perms) < 0)
        return NULL;

    if (target && virStorageVolParseTargetExtras(target, def) < 0)
        return NULL;

    /* output only: a refresh fills them in */
    virStorageMarkOutputOnly(root, "source");
    virStorageMarkOutputOnly(root, "physical");
    if (target)
        virStorageMarkOutputOnly(target, "timestamps");

    if ((flags & VIR_VOL_XML_PARSE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;

    return g_steal_pointer(&def);
}

virStorageVolDef *
virStorageVolDefParseString(const virStoragePoolDef *pool, const char *xml,
                            unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(storage_volume_definition)",
                                      "volume")))
        return NULL;
    return virStorageVolDefParseNode(pool, xmlDocGetRootElement(doc), flags);
}

static void
virStorageVolTimestampFormat(virBuffer *buf, const char *name,
                             const virStorageTimestamp *ts)
{
    if (ts->nsec < 0)
        return;
    virBufferAsprintf(buf, "<%s>%llu", name, (unsigned long long) ts->sec);
    if (ts->nsec)
        virBufferAsprintf(buf, ".%09ld", ts->nsec);
    virBufferAsprintf(buf, "</%s>\n", name);
}

static int
virStorageVolTargetFormat(virBuffer *buf, const virStoragePoolTypeInfo *info,
                          const virStorageVolTarget *target,
                          const char *element)
{
    size_t i;

    virBufferAsprintf(buf, "<%s>\n", element);
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<path>%s</path>\n", target->path);

    if (info->vol.toString) {
        const char *format = info->vol.toString(target->format);

        if (!format) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown volume format number %d", target->format);
            return -1;
        }
        virBufferAsprintf(buf, "<format type='%s'/>\n", format);
    }

    virStoragePermsFormat(buf, &target->perms);

    if (target->has_timestamps) {
        virBufferAddLit(buf, "<timestamps>\n");
        virBufferAdjustIndent(buf, 2);
        virStorageVolTimestampFormat(buf, "atime", &target->atime);
        virStorageVolTimestampFormat(buf, "mtime", &target->mtime);
        virStorageVolTimestampFormat(buf, "ctime", &target->ctime);
        virStorageVolTimestampFormat(buf, "btime", &target->btime);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</timestamps>\n");
    }

    if (target->encryption &&
        virStorageEncryptionFormat(buf, target->encryption) < 0)
        return -1;

    virBufferEscapeString(buf, "<compat>%s</compat>\n", target->compat);
    if (target->clusterSize > 0)
        virBufferAsprintf(buf, "<clusterSize unit='B'>%llu</clusterSize>\n",
                          target->clusterSize);

    if (target->has_features) {
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

        for (i = 0; i < VIR_STORAGE_VOL_FEATURE_LAST; i++) {
            if (target->features[i])
                virBufferAsprintf(&childBuf, "<%s/>\n",
                                  virStorageVolFeatureTypeToString(i));
        }
        /* an empty set is still written, as <features/> */
        virXMLFormatElementEmpty(buf, "features", NULL, &childBuf);
    }

    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
    return 0;
}

char *
virStorageVolDefFormat(const virStoragePoolDef *pool,
                       const virStorageVolDef *def)
{
    const virStoragePoolTypeInfo *info = &poolTypeInfo[pool->type];
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) sourceBuf = VIR_BUFFER_INITIALIZER;
    const char *thispath = NULL;
    size_t i;

    virBufferAsprintf(&buf, "<volume type='%s'>\n",
                      virStorageVolTypeToString(def->type));
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferEscapeString(&buf, "<key>%s</key>\n", def->key);

    /* extents come grouped by the device that holds them */
    virBufferSetIndent(&sourceBuf, 4);
    for (i = 0; i < def->nextent; i++) {
        const virStorageExtent *ext = &def->extents[i];

        if (!thispath || STRNEQ(thispath, ext->path)) {
            if (thispath)
                virBufferAddLit(&sourceBuf, "</device>\n");
            virBufferEscapeString(&sourceBuf, "<device path='%s'>\n",
                                  ext->path);
        }
        virBufferAdjustIndent(&sourceBuf, 2);
        virBufferAsprintf(&sourceBuf, "<extent start='%llu' end='%llu'/>\n",
                          ext->start, ext->end);
        virBufferAdjustIndent(&sourceBuf, -2);
        thispath = ext->path;
    }
    if (thispath)
        virBufferAddLit(&sourceBuf, "</device>\n");
    virXMLFormatElement(&buf, "source", NULL, &sourceBuf);

    virBufferAsprintf(&buf, "<capacity unit='bytes'>%llu</capacity>\n",
                      def->capacity);
    virBufferAsprintf(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                      def->allocation);
    if (def->physical)
        virBufferAsprintf(&buf, "<physical unit='bytes'>%llu</physical>\n",
                          def->physical);

    if (virStorageVolTargetFormat(&buf, info, &def->target, "target") < 0)
        return NULL;
    if (def->backingStore &&
        virStorageVolTargetFormat(&buf, info, def->backingStore,
                                  "backingStore") < 0)
        return NULL;

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</volume>\n");
    return virBufferContentAndReset(&buf);
}

/* ---- Capabilities ---- */

static void
virStoragePoolCapsFormatOptions(virBuffer *buf, const char *element,
                                const char *enumName,
                                const virStorageFormatOptions *opts)
{
    int i;

    if (!opts->toString)
        return;
    virBufferAsprintf(buf, "<%s>\n", element);
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<defaultFormat type='%s'/>\n",
                      opts->toString(opts->defaultFormat));
    virBufferAsprintf(buf, "<enum name='%s'>\n", enumName);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < opts->lastFormat; i++)
        virBufferAsprintf(buf, "<value>%s</value>\n", opts->toString(i));
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</enum>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
}

char *
virStoragePoolCapsFormat(const bool *supported)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    int i;

    virBufferAddLit(&buf, "<storagepoolCapabilities>\n");
    virBufferAdjustIndent(&buf, 2);
    for (i = 0; i < VIR_STORAGE_POOL_LAST; i++) {
        virBufferAsprintf(&buf, "<pool type='%s' supported='%s'>\n",
                          virStoragePoolTypeToString(i),
                          supported && supported[i] ? "yes" : "no");
        virBufferAdjustIndent(&buf, 2);
        virStoragePoolCapsFormatOptions(&buf, "poolOptions",
                                        "sourceFormatType",
                                        &poolTypeInfo[i].pool);
        virStoragePoolCapsFormatOptions(&buf, "volOptions",
                                        "targetFormatType",
                                        &poolTypeInfo[i].vol);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</pool>\n");
    }
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</storagepoolCapabilities>\n");
    return virBufferContentAndReset(&buf);
}
