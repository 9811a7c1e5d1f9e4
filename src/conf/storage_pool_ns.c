/*
 * storage_pool_ns.c: the driver-owned option namespaces of storage pools,
 * <fs:mount_opts> of fs/netfs pools and <rbd:config_opts> of rbd pools.
 *
 * Upstream only understands them once the storage driver's backend has
 * registered its namespace, so they are off until a driver enables them;
 * matched by namespace URI, whatever prefix the document uses.
 */
#include "storage_pool_ns.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

#define STORAGE_FS_NS_URI "http://libvirt.org/schemas/storagepool/fs/1.0"
#define STORAGE_RBD_NS_URI "http://libvirt.org/schemas/storagepool/rbd/1.0"

static bool virStoragePoolNamespacesOn;

void
virStoragePoolNamespacesEnable(bool enable)
{
    virStoragePoolNamespacesOn = enable;
}

/* The namespace URI of a pool type's options, or NULL. */
static const char *
virStoragePoolNamespaceURI(virStoragePoolType type, const char **prefix)
{
    switch (type) {
    case VIR_STORAGE_POOL_FS:
    case VIR_STORAGE_POOL_NETFS:
        *prefix = "fs";
        return STORAGE_FS_NS_URI;
    case VIR_STORAGE_POOL_RBD:
        *prefix = "rbd";
        return STORAGE_RBD_NS_URI;
    default:
        return NULL;
    }
}

static bool
virStorageNodeInNamespace(xmlNodePtr node, const char *uri, const char *name)
{
    return node->ns && node->ns->href &&
           STREQ((const char *) node->ns->href, uri) &&
           STREQ((const char *) node->name, name);
}

/* One <fs:option name/> or <rbd:option name value/>. */
static int
virStoragePoolNamespaceParseOption(xmlNodePtr opt, bool rbd,
                                   virStoragePoolDef *def)
{
    g_autofree char *name = virXMLPropString(opt, "name");
    g_autofree char *value = NULL;
    size_t n = def->nnsopts;

    if (!name) {
        virReportError(VIR_ERR_XML_ERROR, "no %s option name specified",
                       rbd ? "rbd" : "fs mount");
        return -1;
    }
    if (rbd) {
        if (!*name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "empty rbd option name specified");
            return -1;
        }
        if (!(value = virXMLPropString(opt, "value"))) {
            virReportError(VIR_ERR_XML_ERROR,
                           "no rbd option value specified for name '%s'",
                           name);
            return -1;
        }
        if (!*value) {
            virReportError(VIR_ERR_XML_ERROR,
                           "empty rbd option value specified for name '%s'",
                           name);
            return -1;
        }
    }
    def->nsNames = g_renew(char *, def->nsNames, n + 1);
    def->nsValues = g_renew(char *, def->nsValues, n + 1);
    def->nsNames[n] = g_steal_pointer(&name);
    def->nsValues[n] = g_steal_pointer(&value);
    def->nnsopts++;
    return 0;
}

int
virStoragePoolNamespaceParse(xmlNodePtr root, virStoragePoolDef *def)
{
    const char *prefix;
    const char *uri = virStoragePoolNamespaceURI(def->type, &prefix);
    bool rbd = def->type == VIR_STORAGE_POOL_RBD;
    const char *wrapper = rbd ? "config_opts" : "mount_opts";
    xmlNodePtr cur;
    xmlNodePtr opt;

    if (!virStoragePoolNamespacesOn || !uri)
        return 0;
    for (cur = virXMLFirstElement(root); cur; cur = virXMLNextElement(cur)) {
        if (!virStorageNodeInNamespace(cur, uri, wrapper))
            continue;
        for (opt = virXMLFirstElement(cur); opt;
             opt = virXMLNextElement(opt)) {
            if (virStorageNodeInNamespace(opt, uri, "option") &&
                virStoragePoolNamespaceParseOption(opt, rbd, def) < 0)
                return -1;
        }
    }
    return 0;
}

void
virStoragePoolNamespaceFormat(virBuffer *buf, const virStoragePoolDef *def)
{
    const char *prefix;
    size_t i;

    if (!def->nnsopts || !virStoragePoolNamespaceURI(def->type, &prefix))
        return;
    virBufferAsprintf(buf, "<%s:%s>\n", prefix,
                      def->type == VIR_STORAGE_POOL_RBD ? "config_opts"
                                                         : "mount_opts");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < def->nnsopts; i++) {
        virBufferEscapeString(buf, "<%s:option", prefix);
        virBufferEscapeString(buf, " name='%s'", def->nsNames[i]);
        virBufferEscapeString(buf, " value='%s'", def->nsValues[i]);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s:%s>\n", prefix,
                      def->type == VIR_STORAGE_POOL_RBD ? "config_opts"
                                                         : "mount_opts");
}

void
virStoragePoolNamespaceFormatNS(virBuffer *buf, const virStoragePoolDef *def)
{
    const char *prefix;
    const char *uri = virStoragePoolNamespaceURI(def->type, &prefix);

    if (def->nnsopts && uri)
        virBufferAsprintf(buf, " xmlns:%s='%s'", prefix, uri);
}
