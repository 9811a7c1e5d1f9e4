/*
 * domain_fs.c: the <filesystem> device family, read and written as
 * upstream libvirt 9.0 does, with its parse-time defaults and checks.
 */
#include "domain_fs.h"

#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainFS, VIR_DOMAIN_FS_TYPE_LAST,
              "mount", "block", "file", "template", "ram", "bind", "volume");
VIR_ENUM_IMPL(virDomainFSDriver, VIR_DOMAIN_FS_DRIVER_TYPE_LAST,
              "default", "path", "handle", "loop", "nbd", "ploop", "virtiofs");
VIR_ENUM_IMPL(virDomainFSAccessMode, VIR_DOMAIN_FS_ACCESSMODE_LAST,
              "", "passthrough", "mapped", "squash");
VIR_ENUM_IMPL(virDomainFSWrpolicy, VIR_DOMAIN_FS_WRPOLICY_LAST,
              "default", "immediate");
VIR_ENUM_IMPL(virDomainFSModel, VIR_DOMAIN_FS_MODEL_LAST,
              "default", "virtio", "virtio-transitional",
              "virtio-non-transitional");
VIR_ENUM_IMPL(virDomainFSMultidevs, VIR_DOMAIN_FS_MULTIDEVS_LAST,
              "default", "remap", "forbid", "warn");
VIR_ENUM_IMPL(virDomainFSCacheMode, VIR_DOMAIN_FS_CACHE_MODE_LAST,
              "default", "none", "always");
VIR_ENUM_IMPL(virDomainFSSandboxMode, VIR_DOMAIN_FS_SANDBOX_MODE_LAST,
              "default", "namespace", "chroot");


void
virDomainFSDefFree(virDomainFSDef *dev)
{
    if (!dev)
        return;
    g_free(dev->binary);
    g_free(dev->path);
    g_free(dev->sock);
    g_free(dev->pool);
    g_free(dev->volume);
    g_free(dev->dst);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainFSDef, virDomainFSDefFree);


static int
virDomainFSParseMode(xmlNodePtr node, const char *attr, unsigned int *mode)
{
    int rc = virXMLPropUInt(node, attr, 8, VIR_XML_PROP_NONE, mode);

    if (rc < 0)
        return -1;
    if (rc > 0 && *mode > 0777) {
        virReportError(VIR_ERR_XML_ERROR, "invalid %s: '0%o'", attr, *mode);
        return -1;
    }
    return 0;
}

static int
virDomainFSParseVirtiofs(xmlNodePtr node, xmlNodePtr driver,
                         virDomainFSDef *fs)
{
    xmlNodePtr binary = virXMLChild(node, "binary");
    g_autofree char *queue = driver ? virXMLPropString(driver, "queue") : NULL;
    xmlNodePtr cur;
    int val;

    if (queue && virStrToLong_ull(queue, NULL, 10, &fs->queue_size) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "cannot parse queue size '%s' for virtiofs", queue);
        return -1;
    }
    if (!binary)
        return 0;

    if ((cur = virXMLChild(binary, "thread_pool"))) {
        g_autofree char *size = virXMLPropString(cur, "size");

        if (size && virStrToLong_i(size, NULL, 10, &fs->thread_pool_size) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "cannot parse thread pool size '%s' for virtiofs",
                           size);
            return -1;
        }
    }

    {
        g_autofree char *path = virXMLPropString(binary, "path");

        if (path && *path)
            fs->binary = virDomainSanitizePath(path);
    }

    if (virXMLPropTristateSwitch(binary, "xattr", VIR_XML_PROP_NONE,
                                 &fs->xattr) < 0)
        return -1;

    if ((cur = virXMLChild(binary, "lock")) &&
        (virXMLPropTristateSwitch(cur, "posix", VIR_XML_PROP_NONE,
                                  &fs->posix_lock) < 0 ||
         virXMLPropTristateSwitch(cur, "flock", VIR_XML_PROP_NONE,
                                  &fs->flock) < 0))
        return -1;

    if ((cur = virXMLChild(binary, "cache"))) {
        if (virXMLPropEnum(cur, "mode", virDomainFSCacheModeTypeFromString,
                           VIR_XML_PROP_NONZERO, &val) < 0)
            return -1;
        fs->cache = val;
    }
    if ((cur = virXMLChild(binary, "sandbox"))) {
        if (virXMLPropEnum(cur, "mode", virDomainFSSandboxModeTypeFromString,
                           VIR_XML_PROP_NONZERO, &val) < 0)
            return -1;
        fs->sandbox = val;
    }
    return 0;
}


static int
virDomainFSParseSource(xmlNodePtr source, virDomainFSDef *fs,
                       char **usage, char **units)
{
    fs->sock = virXMLPropString(source, "socket");

    switch (fs->type) {
    case VIR_DOMAIN_FS_TYPE_MOUNT:
    case VIR_DOMAIN_FS_TYPE_BIND:
        fs->path = virXMLPropString(source, "dir");
        break;
    case VIR_DOMAIN_FS_TYPE_FILE:
        fs->path = virXMLPropString(source, "file");
        break;
    case VIR_DOMAIN_FS_TYPE_BLOCK:
        fs->path = virXMLPropString(source, "dev");
        break;
    case VIR_DOMAIN_FS_TYPE_TEMPLATE:
        fs->path = virXMLPropString(source, "name");
        break;
    case VIR_DOMAIN_FS_TYPE_RAM:
        *usage = virXMLPropString(source, "usage");
        *units = virXMLPropString(source, "units");
        break;
    case VIR_DOMAIN_FS_TYPE_VOLUME: {
        g_autofree char *pool = virXMLPropString(source, "pool");
        g_autofree char *volume = virXMLPropString(source, "volume");
        g_autofree char *mode = virXMLPropString(source, "mode");

        if (!pool && !volume)
            break;
        if (!pool || !volume) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'pool' and 'volume' must be specified together for 'pool' type source");
            return -1;
        }
        if (mode && virStorageSourcePoolModeTypeFromString(mode) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown source mode '%s' for volume type disk",
                           mode);
            return -1;
        }
        fs->pool = g_steal_pointer(&pool);
        fs->volume = g_steal_pointer(&volume);
        break;
    }
    case VIR_DOMAIN_FS_TYPE_LAST:
        break;
    }
    return 0;
}


virDomainFSDef *
virDomainFSDefParseXML(xmlNodePtr node,
                       virDomainDef *def G_GNUC_UNUSED,
                       unsigned int flags)
{
    g_autoptr(virDomainFSDef) fs = g_new0(virDomainFSDef, 1);
    g_autofree char *usage = NULL;
    g_autofree char *units = NULL;
    g_autofree char *format = NULL;
    xmlNodePtr driver;
    xmlNodePtr cur;
    int val;

    fs->thread_pool_size = -1;

    if (virXMLPropEnum(node, "type", virDomainFSTypeFromString,
                       VIR_XML_PROP_NONE, &val) < 0)
        return NULL;
    fs->type = val;
    if (virXMLPropEnum(node, "accessmode", virDomainFSAccessModeTypeFromString,
                       VIR_XML_PROP_NONE, &val) < 0)
        return NULL;
    fs->accessmode = val;
    if (virDomainFSParseMode(node, "fmode", &fs->fmode) < 0 ||
        virDomainFSParseMode(node, "dmode", &fs->dmode) < 0)
        return NULL;
    if (virXMLPropEnum(node, "model", virDomainFSModelTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    fs->model = val;
    if (virXMLPropEnum(node, "multidevs", virDomainFSMultidevsTypeFromString,
                       VIR_XML_PROP_NONE, &val) < 0)
        return NULL;
    fs->multidevs = val;

    if (((cur = virXMLChild(node, "space_hard_limit")) &&
         virXMLParseScaledValue(cur, NULL, "unit", 1, ULLONG_MAX, false,
                                &fs->space_hard_limit) < 0) ||
        ((cur = virXMLChild(node, "space_soft_limit")) &&
         virXMLParseScaledValue(cur, NULL, "unit", 1, ULLONG_MAX, false,
                                &fs->space_soft_limit) < 0))
        return NULL;

    if ((cur = virXMLChild(node, "source")) &&
        virDomainFSParseSource(cur, fs, &usage, &units) < 0)
        return NULL;

    if ((cur = virXMLChild(node, "target")))
        fs->dst = virXMLPropString(cur, "dir");
    if (fs->dst && !*fs->dst)
        g_clear_pointer(&fs->dst, g_free);

    if (virXMLChild(node, "readonly"))
        fs->readonly = true;

    if ((driver = virXMLChild(node, "driver"))) {
        if (virXMLPropEnum(driver, "type", virDomainFSDriverTypeFromString,
                           VIR_XML_PROP_NONE, &val) < 0)
            return NULL;
        fs->fsdriver = val;
        if (virXMLPropEnum(driver, "wrpolicy", virDomainFSWrpolicyTypeFromString,
                           VIR_XML_PROP_NONE, &val) < 0)
            return NULL;
        fs->wrpolicy = val;
        if ((format = virXMLPropString(driver, "format"))) {
            if ((val = virStorageFileFormatTypeFromString(format)) <= 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown driver format value '%s'", format);
                return NULL;
            }
            fs->format = val;
        }
        if (virDomainVirtioOptionsParseXML(driver, &fs->virtio) < 0)
            return NULL;
    }

    if (fs->fsdriver == VIR_DOMAIN_FS_DRIVER_TYPE_VIRTIOFS &&
        virDomainFSParseVirtiofs(node, driver, fs) < 0)
        return NULL;

    if (!fs->path && fs->type != VIR_DOMAIN_FS_TYPE_RAM &&
        fs->type != VIR_DOMAIN_FS_TYPE_VOLUME && !fs->sock) {
        if (fs->dst)
            virReportError(VIR_ERR_NO_SOURCE, "%s", fs->dst);
        else
            virReportError(VIR_ERR_NO_SOURCE, NULL);
        return NULL;
    }

    if (fs->type == VIR_DOMAIN_FS_TYPE_RAM) {
        if (!usage) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing 'usage' attribute for RAM filesystem");
            return NULL;
        }
        if (virStrToLong_ull(usage, NULL, 10, &fs->usage) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "cannot parse usage '%s' for RAM filesystem", usage);
            return NULL;
        }
        if (virScaleInteger(&fs->usage, units, 1024, ULLONG_MAX) < 0)
            return NULL;
    }

    if (virDomainDeviceInfoParseXML(node, &fs->info,
                                    flags | VIR_DOMAIN_DEVICE_INFO_BOOT) < 0)
        return NULL;

    /* post-parse default and upstream's validation */
    if (fs->accessmode == VIR_DOMAIN_FS_ACCESSMODE_DEFAULT && !fs->sock)
        fs->accessmode = VIR_DOMAIN_FS_ACCESSMODE_PASSTHROUGH;

    if (!fs->dst) {
        const char *source = fs->path ? fs->path : fs->sock;

        if (source)
            virReportError(VIR_ERR_NO_TARGET, "%s", source);
        else
            virReportError(VIR_ERR_NO_TARGET, NULL);
        return NULL;
    }
    if (fs->info.bootIndex &&
        fs->fsdriver != VIR_DOMAIN_FS_DRIVER_TYPE_VIRTIOFS) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "boot order is only supported for virtiofs");
        return NULL;
    }

    return g_steal_pointer(&fs);
}


int
virDomainFSDefFormat(virBuffer *buf,
                     const virDomainFSDef *fs,
                     const virDomainDef *def G_GNUC_UNUSED,
                     unsigned int flags)
{
    g_auto(virBuffer) driverAttrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) binaryAttrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) binaryBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(buf, "<filesystem type='%s'",
                      virDomainFSTypeToString(fs->type));
    if (fs->accessmode)
        virBufferAsprintf(buf, " accessmode='%s'",
                          virDomainFSAccessModeTypeToString(fs->accessmode));
    if (fs->model)
        virBufferAsprintf(buf, " model='%s'",
                          virDomainFSModelTypeToString(fs->model));
    if (fs->multidevs)
        virBufferAsprintf(buf, " multidevs='%s'",
                          virDomainFSMultidevsTypeToString(fs->multidevs));
    if (fs->fmode)
        virBufferAsprintf(buf, " fmode='%04o'", fs->fmode);
    if (fs->dmode)
        virBufferAsprintf(buf, " dmode='%04o'", fs->dmode);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferSetIndent(&binaryBuf, virBufferGetIndent(buf) + 2);

    if (fs->fsdriver) {
        virBufferAsprintf(&driverAttrBuf, " type='%s'",
                          virDomainFSDriverTypeToString(fs->fsdriver));
        if (fs->format)
            virBufferAsprintf(&driverAttrBuf, " format='%s'",
                              virStorageFileFormatTypeToString(fs->format));
        if (fs->wrpolicy)
            virBufferAsprintf(&driverAttrBuf, " wrpolicy='%s'",
                              virDomainFSWrpolicyTypeToString(fs->wrpolicy));
        if (fs->queue_size)
            virBufferAsprintf(&driverAttrBuf, " queue='%llu'", fs->queue_size);
    }

    if (fs->fsdriver == VIR_DOMAIN_FS_DRIVER_TYPE_VIRTIOFS) {
        g_auto(virBuffer) lockAttrBuf = VIR_BUFFER_INITIALIZER;

        virBufferEscapeString(&binaryAttrBuf, " path='%s'", fs->binary);
        virDomainTristateSwitchAttrFormat(&binaryAttrBuf, "xattr", fs->xattr);
        if (fs->cache)
            virBufferAsprintf(&binaryBuf, "<cache mode='%s'/>\n",
                              virDomainFSCacheModeTypeToString(fs->cache));
        if (fs->sandbox)
            virBufferAsprintf(&binaryBuf, "<sandbox mode='%s'/>\n",
                              virDomainFSSandboxModeTypeToString(fs->sandbox));
        virDomainTristateSwitchAttrFormat(&lockAttrBuf, "posix",
                                          fs->posix_lock);
        virDomainTristateSwitchAttrFormat(&lockAttrBuf, "flock", fs->flock);
        virXMLFormatElement(&binaryBuf, "lock", &lockAttrBuf, NULL);
        if (fs->thread_pool_size >= 0)
            virBufferAsprintf(&binaryBuf, "<thread_pool size='%d'/>\n",
                              fs->thread_pool_size);
    }

    virDomainVirtioOptionsFormat(&driverAttrBuf, &fs->virtio);
    virXMLFormatElement(buf, "driver", &driverAttrBuf, NULL);
    virXMLFormatElement(buf, "binary", &binaryAttrBuf, &binaryBuf);

    switch (fs->type) {
    case VIR_DOMAIN_FS_TYPE_MOUNT:
    case VIR_DOMAIN_FS_TYPE_BIND:
        if (fs->sock)
            virBufferEscapeString(buf, "<source socket='%s'/>\n", fs->sock);
        else
            virBufferEscapeString(buf, "<source dir='%s'/>\n", fs->path);
        break;
    case VIR_DOMAIN_FS_TYPE_BLOCK:
        virBufferEscapeString(buf, "<source dev='%s'/>\n", fs->path);
        break;
    case VIR_DOMAIN_FS_TYPE_FILE:
        virBufferEscapeString(buf, "<source file='%s'/>\n", fs->path);
        break;
    case VIR_DOMAIN_FS_TYPE_TEMPLATE:
        virBufferEscapeString(buf, "<source name='%s'/>\n", fs->path);
        break;
    case VIR_DOMAIN_FS_TYPE_RAM:
        virBufferAsprintf(buf, "<source usage='%llu' units='KiB'/>\n",
                          fs->usage / 1024);
        break;
    case VIR_DOMAIN_FS_TYPE_VOLUME:
        virBufferAddLit(buf, "<source");
        virBufferEscapeString(buf, " pool='%s'", fs->pool);
        virBufferEscapeString(buf, " volume='%s'", fs->volume);
        virBufferAddLit(buf, "/>\n");
        break;
    case VIR_DOMAIN_FS_TYPE_LAST:
        break;
    }

    virBufferEscapeString(buf, "<target dir='%s'/>\n", fs->dst);
    if (fs->readonly)
        virBufferAddLit(buf, "<readonly/>\n");

    virDomainDeviceInfoFormat(buf, &fs->info,
                              flags | VIR_DOMAIN_DEVICE_INFO_BOOT);

    if (fs->space_hard_limit)
        virBufferAsprintf(buf,
                          "<space_hard_limit unit='bytes'>%llu</space_hard_limit>\n",
                          fs->space_hard_limit);
    if (fs->space_soft_limit)
        virBufferAsprintf(buf,
                          "<space_soft_limit unit='bytes'>%llu</space_soft_limit>\n",
                          fs->space_soft_limit);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</filesystem>\n");
    return 0;
}
