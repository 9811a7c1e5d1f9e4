/*
 * domain_shmem.c: the <shmem> device family: a named shared memory region
 * with a role, a <model type>, a <size>, an optional <server path> and
 * <msi vectors ioeventfd> (only with a server), and the device's address.
 */
#include "domain_shmem.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainShmemModel, VIR_DOMAIN_SHMEM_MODEL_LAST,
              "ivshmem", "ivshmem-plain", "ivshmem-doorbell");

VIR_ENUM_IMPL(virDomainShmemRole, VIR_DOMAIN_SHMEM_ROLE_LAST,
              "default", "master", "peer");

/* Collapses repeated slashes and drops a trailing one, as upstream's
 * path sanitising does; a leading "//" (but not "///") means something
 * in POSIX and is kept. */
static char *
virDomainShmemSanitizePath(const char *path)
{
    g_autofree char *clean = g_strdup(path);
    size_t len = strlen(clean);
    size_t i = 0, j = 0;

    if (len > 2 && clean[0] == '/' && clean[1] == '/' && clean[2] != '/')
        i = j = 2;
    for (; i < len; i++) {
        if (clean[i] == '/' && j > 0 && clean[j - 1] == '/')
            continue;
        clean[j++] = clean[i];
    }
    if (j > 1 && clean[j - 1] == '/')
        j--;
    clean[j] = '\0';
    return g_steal_pointer(&clean);
}

static int
virDomainShmemValidate(const virDomainShmemDef *dev)
{
    if (strchr(dev->name, '/')) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "shmem name cannot include '/' character");
        return -1;
    }
    if (strcmp(dev->name, ".") == 0 || strcmp(dev->name, "..") == 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "shmem name cannot be equal to '%s'", dev->name);
        return -1;
    }
    return 0;
}

virDomainShmemDef *
virDomainShmemDefParseXML(xmlNodePtr node, virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags)
{
    virDomainShmemDef *dev = g_new0(virDomainShmemDef, 1);
    xmlNodePtr child;
    int val;

    /* No <model> means the legacy ivshmem model. */
    if ((child = virXMLChild(node, "model"))) {
        if (virXMLPropEnum(child, "type", virDomainShmemModelTypeFromString,
                           VIR_XML_PROP_NONE, &val) < 0)
            goto error;
        dev->model = val;
    }

    if (!(dev->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "shmem element must contain 'name' attribute");
        goto error;
    }

    /* Upstream only knows roles for the newer models. */
    if (dev->model != VIR_DOMAIN_SHMEM_MODEL_IVSHMEM) {
        if (virXMLPropEnum(node, "role", virDomainShmemRoleTypeFromString,
                           VIR_XML_PROP_NONZERO, &val) < 0)
            goto error;
        dev->role = val;
    }

    if ((child = virXMLChild(node, "size")) &&
        virXMLParseScaledValue(child, NULL, "unit", 1, ULLONG_MAX, false,
                               &dev->size) < 0)
        goto error;

    if ((child = virXMLChild(node, "server"))) {
        g_autofree char *path = virXMLPropString(child, "path");

        dev->server = true;
        if (path)
            dev->serverPath = virDomainShmemSanitizePath(path);
    }

    if ((child = virXMLChild(node, "msi"))) {
        dev->msi = true;
        if (virXMLPropUInt(child, "vectors", 0, VIR_XML_PROP_NONE,
                           &dev->msiVectors) < 0 ||
            virXMLPropTristateSwitch(child, "ioeventfd", VIR_XML_PROP_NONE,
                                     &dev->msiIoeventfd) < 0)
            goto error;
    }
    if (dev->msi && !dev->server) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "msi option is only supported with a server");
        goto error;
    }

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0 ||
        virDomainShmemValidate(dev) < 0)
        goto error;
    return dev;

 error:
    virDomainShmemDefFree(dev);
    return NULL;
}

int
virDomainShmemDefFormat(virBuffer *buf, const virDomainShmemDef *dev,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    virBufferEscapeString(buf, "<shmem name='%s'", dev->name);
    if (dev->role != VIR_DOMAIN_SHMEM_ROLE_DEFAULT)
        virBufferAsprintf(buf, " role='%s'",
                          virDomainShmemRoleTypeToString(dev->role));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    virBufferAsprintf(buf, "<model type='%s'/>\n",
                      virDomainShmemModelTypeToString(dev->model));
    if (dev->size)
        virBufferAsprintf(buf, "<size unit='M'>%llu</size>\n",
                          dev->size >> 20);
    if (dev->server) {
        virBufferAddLit(buf, "<server");
        virBufferEscapeString(buf, " path='%s'", dev->serverPath);
        virBufferAddLit(buf, "/>\n");
    }
    if (dev->msi) {
        virBufferAddLit(buf, "<msi");
        if (dev->msiVectors)
            virBufferAsprintf(buf, " vectors='%u'", dev->msiVectors);
        virDomainTristateSwitchAttrFormat(buf, "ioeventfd", dev->msiIoeventfd);
        virBufferAddLit(buf, "/>\n");
    }
    virDomainDeviceInfoFormat(buf, &dev->info, flags);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</shmem>\n");
    return 0;
}

void
virDomainShmemDefFree(virDomainShmemDef *dev)
{
    if (!dev)
        return;
    g_free(dev->name);
    g_free(dev->serverPath);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
