/*
 * domain_disk.c: the <disk> device family, parsed and formatted as
 * upstream libvirt 9.0 does, plus the defaults and checks upstream applies
 * to disks after parsing (bus from the target name, drive addresses,
 * order of the disks).
 */
#include "domain_disk.h"

#include "domain_hostdev.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainDiskDevice, VIR_DOMAIN_DISK_DEVICE_LAST,
              "disk", "cdrom", "floppy", "lun");
VIR_ENUM_IMPL(virDomainDiskBus, VIR_DOMAIN_DISK_BUS_LAST,
              "none", "ide", "fdc", "scsi", "virtio", "xen", "usb", "uml",
              "sata", "sd");
VIR_ENUM_IMPL(virDomainDiskModel, VIR_DOMAIN_DISK_MODEL_LAST,
              "default", "virtio", "virtio-transitional",
              "virtio-non-transitional");
VIR_ENUM_IMPL(virDomainDiskCache, VIR_DOMAIN_DISK_CACHE_LAST,
              "default", "none", "writethrough", "writeback", "directsync",
              "unsafe");
VIR_ENUM_IMPL(virDomainDiskErrorPolicy, VIR_DOMAIN_DISK_ERROR_POLICY_LAST,
              "default", "stop", "report", "ignore", "enospace");
VIR_ENUM_IMPL(virDomainDiskIo, VIR_DOMAIN_DISK_IO_LAST,
              "default", "native", "threads", "io_uring");
VIR_ENUM_IMPL(virDomainDiskDiscard, VIR_DOMAIN_DISK_DISCARD_LAST,
              "default", "unmap", "ignore");
VIR_ENUM_IMPL(virDomainDiskDetectZeroes, VIR_DOMAIN_DISK_DETECT_ZEROES_LAST,
              "default", "off", "on", "unmap");
VIR_ENUM_IMPL(virDomainDeviceSGIO, VIR_DOMAIN_DEVICE_SGIO_LAST,
              "default", "filtered", "unfiltered");
VIR_ENUM_IMPL(virDomainStartupPolicy, VIR_DOMAIN_STARTUP_POLICY_LAST,
              "default", "mandatory", "requisite", "optional");
VIR_ENUM_IMPL(virDomainDiskTray, VIR_DOMAIN_DISK_TRAY_LAST,
              "closed", "open");
VIR_ENUM_IMPL(virDomainDiskGeometryTrans, VIR_DOMAIN_DISK_TRANS_LAST,
              "default", "none", "auto", "lba");
VIR_ENUM_IMPL(virDomainDiskMirrorState, VIR_DOMAIN_DISK_MIRROR_STATE_LAST,
              "none", "yes", "abort", "pivot");
VIR_ENUM_IMPL(virDomainDiskMirrorJob, VIR_DOMAIN_DISK_MIRROR_JOB_LAST,
              "", "", "copy", "", "active-commit", "");

/* SCSI inquiry field sizes */
#define DISK_VENDOR_LEN 8
#define DISK_PRODUCT_LEN 16

/* The iotune fields in upstream's output order, group_name aside. */
#define DISK_IOTUNE_FIELDS(X) \
    X(total_bytes_sec) X(read_bytes_sec) X(write_bytes_sec) \
    X(total_iops_sec) X(read_iops_sec) X(write_iops_sec) \
    X(total_bytes_sec_max) X(read_bytes_sec_max) X(write_bytes_sec_max) \
    X(total_iops_sec_max) X(read_iops_sec_max) X(write_iops_sec_max) \
    X(size_iops_sec)
#define DISK_IOTUNE_LENGTH_FIELDS(X) \
    X(total_bytes_sec_max_length) X(read_bytes_sec_max_length) \
    X(write_bytes_sec_max_length) X(total_iops_sec_max_length) \
    X(read_iops_sec_max_length) X(write_iops_sec_max_length)


void
virDomainDiskDefFree(virDomainDiskDef *dev)
{
    if (!dev)
        return;
    virStorageSourceFree(dev->src);
    g_free(dev->dst);
    g_free(dev->driverName);
    g_free(dev->blkdeviotune.group_name);
    g_free(dev->serial);
    g_free(dev->wwn);
    g_free(dev->vendor);
    g_free(dev->product);
    g_free(dev->domain_name);
    virStorageSourceFree(dev->mirror);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainDiskDef, virDomainDiskDefFree);


int
virDiskNameToIndex(const char *name)
{
    static const char *const prefixes[] = {
        "fd", "hd", "vd", "sd", "xvd", "ubd"
    };
    const char *ptr = NULL;
    int idx = 0;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        if (g_str_has_prefix(name, prefixes[i])) {
            ptr = name + strlen(prefixes[i]);
            break;
        }
    }
    if (!ptr || !g_ascii_islower(*ptr))
        return -1;

    /* bijective base 26: a..z, aa..zz, ... */
    for (i = 0; g_ascii_islower(*ptr); i++, ptr++)
        idx = (idx + (i < 1 ? 0 : 1)) * 26 + (*ptr - 'a');

    /* a partition number may follow */
    if (ptr[strspn(ptr, "0123456789")] != '\0')
        return -1;
    return idx;
}


/* ---- parsing ---- */

static int
virDomainDiskParseIotune(xmlNodePtr node, virDomainDiskDef *disk)
{
    xmlNodePtr iotune = virXMLChild(node, "iotune");
    virDomainBlockIoTuneInfo *tune = &disk->blkdeviotune;

    if (!iotune)
        return 0;

#define DISK_IOTUNE_PARSE(field) \
    { \
        g_autofree char *str = virConfXMLChildNonEmpty(iotune, #field); \
        if (str && virStrToLong_ullp(str, NULL, 10, &tune->field) < 0) { \
            virReportError(VIR_ERR_XML_ERROR, \
                           "disk iotune field '%s' must be an integer", \
                           #field); \
            return -1; \
        } \
    }
    DISK_IOTUNE_FIELDS(DISK_IOTUNE_PARSE)
    DISK_IOTUNE_LENGTH_FIELDS(DISK_IOTUNE_PARSE)
#undef DISK_IOTUNE_PARSE

    tune->group_name = virConfXMLChildNonEmpty(iotune, "group_name");
    return 0;
}


static int
virDomainDiskParseDriver(xmlNodePtr driver, virDomainDiskDef *disk)
{
    g_autofree char *format = NULL;
    int val;

    if (virDomainVirtioOptionsParseXML(driver, &disk->virtio) < 0)
        return -1;

    disk->driverName = virXMLPropString(driver, "name");

#define DISK_DRIVER_ENUM(attr, func, flag, field) \
    if (virXMLPropEnum(driver, attr, func, flag, &val) < 0) \
        return -1; \
    disk->field = val;

    DISK_DRIVER_ENUM("cache", virDomainDiskCacheTypeFromString,
                     VIR_XML_PROP_NONE, cachemode);
    DISK_DRIVER_ENUM("error_policy", virDomainDiskErrorPolicyTypeFromString,
                     VIR_XML_PROP_NONZERO, error_policy);
    DISK_DRIVER_ENUM("rerror_policy", virDomainDiskErrorPolicyTypeFromString,
                     VIR_XML_PROP_NONZERO, rerror_policy);
    /* a read cannot run out of space */
    if (disk->rerror_policy == VIR_DOMAIN_DISK_ERROR_POLICY_ENOSPACE) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid disk read error policy: '%s'",
                       virDomainDiskErrorPolicyTypeToString(disk->rerror_policy));
        return -1;
    }
    DISK_DRIVER_ENUM("io", virDomainDiskIoTypeFromString,
                     VIR_XML_PROP_NONZERO, iomode);
#undef DISK_DRIVER_ENUM

    if (virXMLPropTristateSwitch(driver, "ioeventfd", VIR_XML_PROP_NONE,
                                 &disk->ioeventfd) < 0 ||
        virXMLPropTristateSwitch(driver, "event_idx", VIR_XML_PROP_NONE,
                                 &disk->event_idx) < 0 ||
        virXMLPropTristateSwitch(driver, "copy_on_read", VIR_XML_PROP_NONE,
                                 &disk->copy_on_read) < 0)
        return -1;

    if (virXMLPropEnum(driver, "discard", virDomainDiskDiscardTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    disk->discard = val;

    if (virXMLPropUInt(driver, "iothread", 10, VIR_XML_PROP_NONZERO,
                       &disk->iothread) < 0)
        return -1;

    if (virXMLPropEnum(driver, "detect_zeroes",
                       virDomainDiskDetectZeroesTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    disk->detect_zeroes = val;

    if (virXMLPropUInt(driver, "queues", 10, VIR_XML_PROP_NONE,
                       &disk->queues) < 0 ||
        virXMLPropUInt(driver, "queue_size", 10, VIR_XML_PROP_NONE,
                       &disk->queue_size) < 0)
        return -1;

    /* the image format belongs to the source */
    if ((format = virXMLPropString(driver, "type"))) {
        if (strcmp(format, "aio") == 0) {
            /* old Xen spelling of raw */
            disk->src->format = VIR_STORAGE_FILE_RAW;
        } else if ((val = virStorageFileFormatTypeFromString(format)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown driver format value '%s'", format);
            return -1;
        } else {
            disk->src->format = val;
        }
    }

    return virStorageSourceParseMetadataCache(driver,
                                              &disk->src->metadataCacheMaxSize);
}


static int
virDomainDiskParseMirror(xmlNodePtr node, virDomainDiskDef *disk,
                         unsigned int flags)
{
    g_autofree char *job = virXMLPropString(node, "job");
    g_autofree char *type = virXMLPropString(node, "type");
    g_autofree char *format = NULL;
    g_autofree char *index = NULL;
    g_autofree char *ready = NULL;
    xmlNodePtr formatNode = virXMLChild(node, "format");
    xmlNodePtr source = NULL;
    int val;

    disk->mirrorJob = VIR_DOMAIN_DISK_MIRROR_JOB_COPY;
    if (job) {
        if ((val = virDomainDiskMirrorJobTypeFromString(job)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown mirror job type '%s'", job);
            return -1;
        }
        disk->mirrorJob = val;
    }

    if (type) {
        if (formatNode)
            format = virXMLPropString(formatNode, "type");
        if ((source = virXMLChild(node, "source")))
            index = virXMLPropString(source, "index");
    } else {
        if (disk->mirrorJob != VIR_DOMAIN_DISK_MIRROR_JOB_COPY) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "mirror without type only supported by copy job");
            return -1;
        }
        format = virXMLPropString(node, "format");
    }

    if (!(disk->mirror = virStorageSourceParseBase(type, format, index)))
        return -1;

    if (type) {
        if (!source) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "mirror requires source element");
            return -1;
        }
        if (virStorageSourceParseXML(source, disk->mirror, flags) < 0 ||
            virStorageSourceBackingStoreParse(node, disk->mirror, flags) < 0)
            return -1;
    } else if (!(disk->mirror->path = virXMLPropString(node, "file"))) {
        /* the old attribute-only style */
        virReportError(VIR_ERR_XML_ERROR, "%s", "mirror requires file name");
        return -1;
    }

    if ((ready = virXMLPropString(node, "ready"))) {
        if ((val = virDomainDiskMirrorStateTypeFromString(ready)) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown mirror ready state %s",
                           ready);
            return -1;
        }
        disk->mirrorState = val;
    }

    if (formatNode &&
        virStorageSourceParseMetadataCache(formatNode,
                                           &disk->mirror->metadataCacheMaxSize) < 0)
        return -1;
    return 0;
}


/* <source>, <readonly>, <shareable>, the disk-level <auth> and
 * <encryption>, and the backing chain. */
static int
virDomainDiskParseSource(xmlNodePtr node, virDomainDiskDef *disk,
                         unsigned int flags)
{
    virStorageSource *src = disk->src;
    xmlNodePtr cur;
    int val;

    if (virXMLPropEnumDefault(node, "type", virStorageTypeFromString,
                              VIR_XML_PROP_NONZERO, &val,
                              VIR_STORAGE_TYPE_FILE) < 0)
        return -1;
    src->type = val;

    if ((cur = virXMLChild(node, "source"))) {
        if (virStorageSourceParseXML(cur, src, flags) < 0)
            return -1;

        {
            /* read (so it counts as known) but only kept for live XML */
            g_autofree char *index = virXMLPropString(cur, "index");

            if (flags & VIR_STORAGE_SOURCE_PARSE_INACTIVE)
                g_clear_pointer(&index, g_free);
            if (index && virStrToLong_uip(index, NULL, 10, &src->id) < 0) {
                virReportError(VIR_ERR_XML_ERROR, "invalid disk index '%s'",
                               index);
                return -1;
            }
        }
    } else {
        /* no medium: whatever type= said, it is an empty file */
        src->type = VIR_STORAGE_TYPE_FILE;
    }

    if (virXMLChild(node, "readonly"))
        src->readonly = true;
    if (virXMLChild(node, "shareable"))
        src->shared = true;

    if ((cur = virXMLChild(node, "auth"))) {
        if (src->auth) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "an <auth> definition already found for disk source");
            return -1;
        }
        if (!(src->auth = virStorageAuthDefParse(cur)))
            return -1;
        disk->diskElementAuth = true;
    }

    if ((cur = virXMLChild(node, "encryption"))) {
        if (src->encryption) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "an <encryption> definition already found for disk source");
            return -1;
        }
        if (!(src->encryption = virStorageEncryptionParseNode(cur)))
            return -1;
        disk->diskElementEnc = true;
    }

    return virStorageSourceBackingStoreParse(node, src, flags);
}


static int
virDomainDiskParseTarget(xmlNodePtr node, virDomainDiskDef *disk)
{
    xmlNodePtr target = virXMLChild(node, "target");
    int val;

    if (!target)
        return 0;

    disk->dst = virXMLPropString(target, "dev");
    if (virXMLPropEnum(target, "bus", virDomainDiskBusTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    disk->bus = val;
    if (virXMLPropEnum(target, "tray", virDomainDiskTrayTypeFromString,
                       VIR_XML_PROP_NONE, &val) < 0)
        return -1;
    disk->tray_status = val;
    if (virXMLPropTristateSwitch(target, "removable", VIR_XML_PROP_NONE,
                                 &disk->removable) < 0 ||
        virXMLPropUInt(target, "rotation_rate", 10, VIR_XML_PROP_NONE,
                       &disk->rotation_rate) < 0)
        return -1;
    return 0;
}


virDomainDiskDef *
virDomainDiskDefParseXML(xmlNodePtr node,
                         virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags)
{
    g_autoptr(virDomainDiskDef) disk = g_new0(virDomainDiskDef, 1);
    xmlNodePtr cur;
    int val;

    disk->src = virStorageSourceNew();

    if (virDomainDiskParseSource(node, disk, flags) < 0)
        return NULL;

    if (virXMLPropEnumDefault(node, "device", virDomainDiskDeviceTypeFromString,
                              VIR_XML_PROP_NONE, &val,
                              VIR_DOMAIN_DISK_DEVICE_DISK) < 0)
        return NULL;
    disk->device = val;
    if (virXMLPropEnum(node, "model", virDomainDiskModelTypeFromString,
                       VIR_XML_PROP_NONE, &val) < 0)
        return NULL;
    disk->model = val;
    if (virXMLPropEnum(node, "snapshot",
                       virDomainSnapshotLocationTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    disk->snapshot = val;
    if (virXMLPropTristateBool(node, "rawio", VIR_XML_PROP_NONE,
                               &disk->rawio) < 0)
        return NULL;
    if (virXMLPropEnum(node, "sgio", virDomainDeviceSGIOTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    disk->sgio = val;

    if ((cur = virXMLChild(node, "source"))) {
        if (virXMLPropEnum(cur, "startupPolicy",
                           virDomainStartupPolicyTypeFromString,
                           VIR_XML_PROP_NONZERO, &val) < 0)
            return NULL;
        disk->startupPolicy = val;
    }

    if (virDomainDiskParseTarget(node, disk) < 0)
        return NULL;

    if ((cur = virXMLChild(node, "geometry"))) {
        if (virXMLPropUInt(cur, "cyls", 10, VIR_XML_PROP_NONE,
                           &disk->cylinders) < 0 ||
            virXMLPropUInt(cur, "heads", 10, VIR_XML_PROP_NONE,
                           &disk->heads) < 0 ||
            virXMLPropUInt(cur, "secs", 10, VIR_XML_PROP_NONE,
                           &disk->sectors) < 0 ||
            virXMLPropEnum(cur, "trans",
                           virDomainDiskGeometryTransTypeFromString,
                           VIR_XML_PROP_NONZERO, &val) < 0)
            return NULL;
        disk->trans = val;
    }

    if ((cur = virXMLChild(node, "blockio")) &&
        (virXMLPropUInt(cur, "logical_block_size", 10, VIR_XML_PROP_NONE,
                        &disk->logical_block_size) < 0 ||
         virXMLPropUInt(cur, "physical_block_size", 10, VIR_XML_PROP_NONE,
                        &disk->physical_block_size) < 0))
        return NULL;

    if ((cur = virXMLChild(node, "driver")) &&
        virDomainDiskParseDriver(cur, disk) < 0)
        return NULL;

    /* a block job's mirror is only meaningful for a running domain */
    if ((cur = virXMLChild(node, "mirror"))) {
        if (flags & VIR_STORAGE_SOURCE_PARSE_INACTIVE)
            virXMLNodeMarkSubtree(cur); /* known, but dropped */
        else if (virDomainDiskParseMirror(cur, disk, flags) < 0)
            return NULL;
    }

    if ((cur = virXMLChild(node, "transient"))) {
        disk->transient = true;
        if (virXMLPropTristateBool(cur, "shareBacking", VIR_XML_PROP_NONE,
                                   &disk->transientShareBacking) < 0)
            return NULL;
    }

    if (virDomainDiskParseIotune(node, disk) < 0)
        return NULL;

    if ((cur = virXMLChild(node, "backenddomain")))
        disk->domain_name = virXMLPropString(cur, "name");
    disk->serial = virConfXMLChildNonEmpty(node, "serial");
    disk->wwn = virConfXMLChildNonEmpty(node, "wwn");
    disk->vendor = virConfXMLChildNonEmpty(node, "vendor");
    disk->product = virConfXMLChildNonEmpty(node, "product");

    if (virDomainDeviceInfoParseXML(node, &disk->info,
                                    flags | VIR_DOMAIN_DEVICE_INFO_BOOT) < 0)
        return NULL;

    return g_steal_pointer(&disk);
}


/* ---- formatting ---- */

static void
virDomainDiskFormatDriver(virBuffer *buf, const virDomainDiskDef *disk)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferEscapeString(&attrBuf, " name='%s'", disk->driverName);
    if (disk->src->format > 0)
        virBufferAsprintf(&attrBuf, " type='%s'",
                          virStorageFileFormatTypeToString(disk->src->format));
    if (disk->cachemode)
        virBufferAsprintf(&attrBuf, " cache='%s'",
                          virDomainDiskCacheTypeToString(disk->cachemode));
    if (disk->error_policy)
        virBufferAsprintf(&attrBuf, " error_policy='%s'",
                          virDomainDiskErrorPolicyTypeToString(disk->error_policy));
    if (disk->rerror_policy)
        virBufferAsprintf(&attrBuf, " rerror_policy='%s'",
                          virDomainDiskErrorPolicyTypeToString(disk->rerror_policy));
    if (disk->iomode)
        virBufferAsprintf(&attrBuf, " io='%s'",
                          virDomainDiskIoTypeToString(disk->iomode));
    virDomainTristateSwitchAttrFormat(&attrBuf, "ioeventfd", disk->ioeventfd);
    virDomainTristateSwitchAttrFormat(&attrBuf, "event_idx", disk->event_idx);
    virDomainTristateSwitchAttrFormat(&attrBuf, "copy_on_read",
                                      disk->copy_on_read);
    if (disk->discard)
        virBufferAsprintf(&attrBuf, " discard='%s'",
                          virDomainDiskDiscardTypeToString(disk->discard));
    if (disk->iothread)
        virBufferAsprintf(&attrBuf, " iothread='%u'", disk->iothread);
    if (disk->detect_zeroes)
        virBufferAsprintf(&attrBuf, " detect_zeroes='%s'",
                          virDomainDiskDetectZeroesTypeToString(disk->detect_zeroes));
    if (disk->queues)
        virBufferAsprintf(&attrBuf, " queues='%u'", disk->queues);
    if (disk->queue_size)
        virBufferAsprintf(&attrBuf, " queue_size='%u'", disk->queue_size);
    virDomainVirtioOptionsFormat(&attrBuf, &disk->virtio);

    virStorageSourceFormatMetadataCache(&childBuf,
                                        disk->src->metadataCacheMaxSize);
    virXMLFormatElement(buf, "driver", &attrBuf, &childBuf);
}


static int
virDomainDiskFormatMirror(virBuffer *buf, const virDomainDiskDef *disk,
                          unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) formatAttrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) formatChildBuf = VIR_BUFFER_INIT_CHILD(&childBuf);
    const virStorageSource *mirror = disk->mirror;
    const char *format = NULL;

    if (!mirror || (flags & VIR_STORAGE_SOURCE_FORMAT_INACTIVE))
        return 0;

    if (mirror->format)
        format = virStorageFileFormatTypeToString(mirror->format);
    virBufferAsprintf(&attrBuf, " type='%s'",
                      virStorageTypeToString(mirror->type));
    /* the old attribute style too, for readers of copy jobs */
    if (mirror->type == VIR_STORAGE_TYPE_FILE &&
        disk->mirrorJob == VIR_DOMAIN_DISK_MIRROR_JOB_COPY) {
        virBufferEscapeString(&attrBuf, " file='%s'", mirror->path);
        virBufferEscapeString(&attrBuf, " format='%s'", format);
    }
    virBufferEscapeString(&attrBuf, " job='%s'",
                          virDomainDiskMirrorJobTypeToString(disk->mirrorJob));
    if (disk->mirrorState)
        virBufferAsprintf(&attrBuf, " ready='%s'",
                          virDomainDiskMirrorStateTypeToString(disk->mirrorState));

    virBufferEscapeString(&formatAttrBuf, " type='%s'", format);
    virStorageSourceFormatMetadataCache(&formatChildBuf,
                                        mirror->metadataCacheMaxSize);
    virXMLFormatElement(&childBuf, "format", &formatAttrBuf, &formatChildBuf);

    if (virStorageSourceFormatXML(&childBuf, mirror, "source", NULL, true,
                                  flags, false, false) < 0 ||
        virStorageSourceBackingStoreFormat(&childBuf, mirror, flags) < 0)
        return -1;

    virXMLFormatElement(buf, "mirror", &attrBuf, &childBuf);
    return 0;
}


static void
virDomainDiskFormatIotune(virBuffer *buf, const virDomainDiskDef *disk)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virDomainBlockIoTuneInfo *tune = &disk->blkdeviotune;

#define DISK_IOTUNE_FORMAT(field) \
    if (tune->field) \
        virBufferAsprintf(&childBuf, "<" #field ">%llu</" #field ">\n", \
                          tune->field);
    DISK_IOTUNE_FIELDS(DISK_IOTUNE_FORMAT)
    virBufferEscapeString(&childBuf, "<group_name>%s</group_name>\n",
                          tune->group_name);
    DISK_IOTUNE_LENGTH_FIELDS(DISK_IOTUNE_FORMAT)
#undef DISK_IOTUNE_FORMAT

    virXMLFormatElement(buf, "iotune", NULL, &childBuf);
}


static void
virDomainDiskFormatTarget(virBuffer *buf, const virDomainDiskDef *disk)
{
    virBufferEscapeString(buf, "<target dev='%s'", disk->dst);
    virBufferAsprintf(buf, " bus='%s'",
                      virDomainDiskBusTypeToString(disk->bus));
    if ((disk->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY ||
         disk->device == VIR_DOMAIN_DISK_DEVICE_CDROM) &&
        disk->tray_status != VIR_DOMAIN_DISK_TRAY_CLOSED)
        virBufferAsprintf(buf, " tray='%s'",
                          virDomainDiskTrayTypeToString(disk->tray_status));
    if (disk->bus == VIR_DOMAIN_DISK_BUS_USB &&
        disk->removable != VIR_TRISTATE_SWITCH_ABSENT)
        virBufferAsprintf(buf, " removable='%s'",
                          virTristateSwitchTypeToString(disk->removable));
    if (disk->rotation_rate)
        virBufferAsprintf(buf, " rotation_rate='%u'", disk->rotation_rate);
    virBufferAddLit(buf, "/>\n");
}


int
virDomainDiskDefFormat(virBuffer *buf,
                       const virDomainDiskDef *disk,
                       const virDomainDef *def G_GNUC_UNUSED,
                       unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virStorageSource *src = disk->src;

    if (src->type == VIR_STORAGE_TYPE_NONE ||
        src->type >= VIR_STORAGE_TYPE_LAST) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected disk type %d",
                       src->type);
        return -1;
    }

    virBufferAsprintf(&attrBuf, " type='%s' device='%s'",
                      virStorageTypeToString(src->type),
                      virDomainDiskDeviceTypeToString(disk->device));
    if (disk->model)
        virBufferAsprintf(&attrBuf, " model='%s'",
                          virDomainDiskModelTypeToString(disk->model));
    virDomainTristateBoolAttrFormat(&attrBuf, "rawio", disk->rawio);
    if (disk->sgio)
        virBufferAsprintf(&attrBuf, " sgio='%s'",
                          virDomainDeviceSGIOTypeToString(disk->sgio));
    /* snapshot='no' is implied by <readonly/> */
    if (disk->snapshot &&
        !(disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_NO && src->readonly))
        virBufferAsprintf(&attrBuf, " snapshot='%s'",
                          virDomainSnapshotLocationTypeToString(disk->snapshot));

    virDomainDiskFormatDriver(&childBuf, disk);

    if (src->auth && disk->diskElementAuth)
        virStorageAuthDefFormat(&childBuf, src->auth);

    if (virStorageSourceFormatXML(&childBuf, src, "source",
                                  disk->startupPolicy ?
                                  virDomainStartupPolicyTypeToString(disk->startupPolicy) :
                                  NULL,
                                  true, flags,
                                  disk->diskElementAuth,
                                  disk->diskElementEnc) < 0)
        return -1;

    if (virStorageSourceBackingStoreFormat(&childBuf, src, flags) < 0)
        return -1;

    virBufferEscapeString(&childBuf, "<backenddomain name='%s'/>\n",
                          disk->domain_name);

    if (disk->cylinders > 0 && disk->heads > 0 && disk->sectors > 0) {
        virBufferAsprintf(&childBuf, "<geometry cyls='%u' heads='%u' secs='%u'",
                          disk->cylinders, disk->heads, disk->sectors);
        if (disk->trans)
            virBufferAsprintf(&childBuf, " trans='%s'",
                              virDomainDiskGeometryTransTypeToString(disk->trans));
        virBufferAddLit(&childBuf, "/>\n");
    }

    if (disk->logical_block_size > 0 || disk->physical_block_size > 0) {
        virBufferAddLit(&childBuf, "<blockio");
        if (disk->logical_block_size > 0)
            virBufferAsprintf(&childBuf, " logical_block_size='%u'",
                              disk->logical_block_size);
        if (disk->physical_block_size > 0)
            virBufferAsprintf(&childBuf, " physical_block_size='%u'",
                              disk->physical_block_size);
        virBufferAddLit(&childBuf, "/>\n");
    }

    if (virDomainDiskFormatMirror(&childBuf, disk, flags) < 0)
        return -1;

    virDomainDiskFormatTarget(&childBuf, disk);
    virDomainDiskFormatIotune(&childBuf, disk);

    if (src->readonly)
        virBufferAddLit(&childBuf, "<readonly/>\n");
    if (src->shared)
        virBufferAddLit(&childBuf, "<shareable/>\n");
    if (disk->transient) {
        virBufferAddLit(&childBuf, "<transient");
        if (disk->transientShareBacking == VIR_TRISTATE_BOOL_YES)
            virBufferAddLit(&childBuf, " shareBacking='yes'");
        virBufferAddLit(&childBuf, "/>\n");
    }
    virBufferEscapeString(&childBuf, "<serial>%s</serial>\n", disk->serial);
    virBufferEscapeString(&childBuf, "<wwn>%s</wwn>\n", disk->wwn);
    virBufferEscapeString(&childBuf, "<vendor>%s</vendor>\n", disk->vendor);
    virBufferEscapeString(&childBuf, "<product>%s</product>\n", disk->product);

    if (src->encryption && disk->diskElementEnc &&
        virStorageEncryptionFormat(&childBuf, src->encryption) < 0)
        return -1;

    virDomainDeviceInfoFormat(&childBuf, &disk->info,
                              flags | VIR_DOMAIN_DEVICE_INFO_BOOT);

    /* status XML remembers where <auth>/<encryption> were written */
    if (flags & VIR_STORAGE_SOURCE_FORMAT_STATUS &&
        (disk->diskElementAuth || disk->diskElementEnc)) {
        virBufferAddLit(&childBuf, "<diskSecretsPlacement");
        if (disk->diskElementAuth)
            virBufferAddLit(&childBuf, " auth='true'");
        if (disk->diskElementEnc)
            virBufferAddLit(&childBuf, " enc='true'");
        virBufferAddLit(&childBuf, "/>\n");
    }

    virXMLFormatElement(buf, "disk", &attrBuf, &childBuf);
    return 0;
}


/* ---- after parsing ---- */

/* Where upstream inserts a newly parsed disk: after the last disk on the
 * same bus, or before the first one on that bus with a larger index. */
static void
virDomainDiskInsertSorted(virDomainDiskDef **disks, size_t *ndisks,
                          virDomainDiskDef *disk)
{
    ssize_t insertAt = -1;
    ssize_t i;

    for (i = (ssize_t)*ndisks - 1; i >= 0; i--) {
        if (disks[i]->bus != disk->bus)
            continue;
        if (disks[i]->dst && disk->dst &&
            virDiskNameToIndex(disks[i]->dst) > virDiskNameToIndex(disk->dst))
            insertAt = i;
        else if (insertAt == -1)
            insertAt = i + 1;
    }
    if (insertAt == -1)
        insertAt = *ndisks;

    memmove(disks + insertAt + 1, disks + insertAt,
            (*ndisks - insertAt) * sizeof(*disks));
    disks[insertAt] = disk;
    (*ndisks)++;
}


/* Whether a SCSI host device already sits at addr. */
static bool
virDomainDiskAddressUsedByHostdev(const virDomainDef *def,
                                  const virDomainDeviceDriveAddress *addr)
{
    size_t i;

    for (i = 0; i < def->devices->nhostdevs; i++) {
        const virDomainHostdevDef *dev = def->devices->hostdevs[i];
        const virDomainDeviceInfo *info = &dev->info;

        if (dev->mode == VIR_DOMAIN_HOSTDEV_MODE_SUBSYS &&
            dev->subsysType == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI &&
            info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
            info->addr.drive.controller == addr->controller &&
            info->addr.drive.bus == addr->bus &&
            info->addr.drive.target == addr->target &&
            info->addr.drive.unit == addr->unit)
            return true;
    }
    return false;
}


static int
virDomainDiskAssignAddress(const virDomainDef *def, virDomainDiskDef *disk)
{
    virDomainDeviceDriveAddress *addr = &disk->info.addr.drive;
    int idx = virDiskNameToIndex(disk->dst);

    if (idx < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Unknown disk name '%s' and no address specified",
                       disk->dst);
        return -1;
    }

    switch (disk->bus) {
    case VIR_DOMAIN_DISK_BUS_SCSI:
        /* narrow bus: 7 units per controller */
        disk->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
        addr->controller = idx / 7;
        addr->bus = 0;
        addr->unit = idx % 7;
        if (virDomainDiskAddressUsedByHostdev(def, addr)) {
            /* upstream's message lacks the closing quote */
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "using disk target name '%s' conflicts with SCSI host device address controller='%u' bus='%u' target='%u' unit='%u",
                           disk->dst, addr->controller, 0, 0, addr->unit);
            return -1;
        }
        break;
    case VIR_DOMAIN_DISK_BUS_IDE:
        /* 2 buses of 2 units per controller */
        disk->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
        addr->controller = idx / 4;
        addr->bus = (idx % 4) / 2;
        addr->unit = idx % 2;
        break;
    case VIR_DOMAIN_DISK_BUS_SATA:
        disk->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
        addr->controller = idx / 6;
        addr->bus = 0;
        addr->unit = idx % 6;
        break;
    case VIR_DOMAIN_DISK_BUS_FDC:
        disk->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
        addr->controller = idx / 2;
        addr->bus = 0;
        addr->unit = idx % 2;
        break;
    default:
        /* the other buses have no drive controllers */
        break;
    }
    return 0;
}


static void
virDomainDiskDefaults(virDomainDiskDef *disk)
{
    if (disk->dst && g_str_has_prefix(disk->dst, "ioemu:")) {
        /* old Xen spelling */
        char *dst = g_strdup(disk->dst + strlen("ioemu:"));

        g_free(disk->dst);
        disk->dst = dst;
    }

    if (disk->device == VIR_DOMAIN_DISK_DEVICE_CDROM)
        disk->src->readonly = true;

    if (disk->bus == VIR_DOMAIN_DISK_BUS_NONE) {
        disk->bus = VIR_DOMAIN_DISK_BUS_IDE;
        if (disk->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY)
            disk->bus = VIR_DOMAIN_DISK_BUS_FDC;
        else if (!disk->dst)
            ;
        else if (g_str_has_prefix(disk->dst, "sd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_SCSI;
        else if (g_str_has_prefix(disk->dst, "vd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_VIRTIO;
        else if (g_str_has_prefix(disk->dst, "xvd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_XEN;
        else if (g_str_has_prefix(disk->dst, "ubd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_UML;
    }

    if (disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT &&
        disk->src->readonly)
        disk->snapshot = VIR_DOMAIN_SNAPSHOT_LOCATION_NO;

    /* an iSCSI name without LUN means LUN 0 */
    if (disk->src->type == VIR_STORAGE_TYPE_NETWORK &&
        disk->src->protocol == VIR_STORAGE_NET_PROTOCOL_ISCSI &&
        disk->src->path && !strchr(disk->src->path, '/')) {
        char *path = g_strdup_printf("%s/0", disk->src->path);

        g_free(disk->src->path);
        disk->src->path = path;
    }

    if (disk->src->type == VIR_STORAGE_TYPE_NVME &&
        disk->src->nvmeManaged == VIR_TRISTATE_BOOL_ABSENT)
        disk->src->nvmeManaged = VIR_TRISTATE_BOOL_YES;

    /* vhost-user disks cannot be snapshotted */
    if (disk->src->type == VIR_STORAGE_TYPE_VHOST_USER &&
        disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT)
        disk->snapshot = VIR_DOMAIN_SNAPSHOT_LOCATION_NO;
}


static int
virDomainDiskCheckSource(const virStorageSource *src)
{
    static const char *const usages[] = {
        "none", "volume", "ceph", "iscsi", "tls", "vtpm"
    };

    for (; src; src = src->backingStore) {
        if (src->type == VIR_STORAGE_TYPE_NETWORK && src->auth) {
            const char *usage = src->auth->secrettype;
            size_t i;

            switch (src->protocol) {
            case VIR_STORAGE_NET_PROTOCOL_NBD:
            case VIR_STORAGE_NET_PROTOCOL_SHEEPDOG:
            case VIR_STORAGE_NET_PROTOCOL_GLUSTER:
            case VIR_STORAGE_NET_PROTOCOL_TFTP:
            case VIR_STORAGE_NET_PROTOCOL_VXHS:
            case VIR_STORAGE_NET_PROTOCOL_NFS:
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "authentication is not supported for protocol '%s'",
                               virStorageNetProtocolTypeToString(src->protocol));
                return -1;
            default:
                break;
            }

            for (i = 0; usage && i < G_N_ELEMENTS(usages); i++) {
                if (strcmp(usage, usages[i]) == 0)
                    break;
            }
            if (!usage || i == G_N_ELEMENTS(usages)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown secret type '%s'", NULLSTR(usage));
                return -1;
            }
            if ((src->protocol == VIR_STORAGE_NET_PROTOCOL_ISCSI &&
                 strcmp(usage, "iscsi") != 0) ||
                (src->protocol == VIR_STORAGE_NET_PROTOCOL_RBD &&
                 strcmp(usage, "ceph") != 0)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "invalid secret type '%s'", usage);
                return -1;
            }
        }

        if (src->encryption &&
            src->encryption->format == VIR_STORAGE_ENCRYPTION_FORMAT_LUKS &&
            src->encryption->cipherName) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "supplying <cipher> for domain disk definition is unnecessary");
            return -1;
        }

        if (src->type != VIR_STORAGE_TYPE_NETWORK &&
            src->protocol != VIR_STORAGE_NET_PROTOCOL_RBD) {
            if (src->snapshot) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "<snapshot> element is currently supported only with 'rbd' disks");
                return -1;
            }
            if (src->configFile) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "<config> element is currently supported only with 'rbd' disks");
                return -1;
            }
        }
    }
    return 0;
}


static bool
virDomainDiskSourceIsEmpty(const virStorageSource *src)
{
    switch (src->type) {
    case VIR_STORAGE_TYPE_NONE:
        return true;
    case VIR_STORAGE_TYPE_FILE:
    case VIR_STORAGE_TYPE_BLOCK:
    case VIR_STORAGE_TYPE_DIR:
        return !src->path;
    case VIR_STORAGE_TYPE_VOLUME:
        return !src->srcpoolPool;
    case VIR_STORAGE_TYPE_NETWORK:
        return src->protocol == VIR_STORAGE_NET_PROTOCOL_NONE;
    default:
        return false;
    }
}


static bool
virDomainDiskWWNIsValid(const char *wwn)
{
    const char *p = wwn;
    size_t i;

    if (g_str_has_prefix(p, "0x"))
        p += 2;
    for (i = 0; p[i]; i++) {
        if (!g_ascii_isxdigit(p[i]))
            break;
    }
    if (i != 16 || p[i]) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Malformed wwn: %s", wwn);
        return false;
    }
    return true;
}


static bool
virDomainDiskStringIsPrintable(const char *str)
{
    for (; *str; str++) {
        if (!g_ascii_isprint(*str))
            return false;
    }
    return true;
}


/* <vendor> and <product> end up in SCSI inquiry data: printable and no
 * longer than its fields. */
static int
virDomainDiskCheckInquiryString(const char *value, const char *what,
                                size_t maxlen)
{
    if (!value)
        return 0;
    if (!virDomainDiskStringIsPrintable(value)) {
        virReportError(VIR_ERR_XML_ERROR, "disk %s is not printable string",
                       what);
        return -1;
    }
    if (strlen(value) > maxlen) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "disk %s is more than %d characters", what,
                       (int)maxlen);
        return -1;
    }
    return 0;
}


/* The checks of upstream's disk validation that concern the XML alone. */
static int
virDomainDiskCheck(const virDomainDiskDef *disk)
{
    const virStorageSource *src = disk->src;
    const char *bus = virDomainDiskBusTypeToString(disk->bus);
    const virDomainBlockIoTuneInfo *t = &disk->blkdeviotune;

    if (!disk->dst) {
        if (src->srcpoolPool)
            virReportError(VIR_ERR_NO_TARGET, "pool = '%s', volume = '%s'",
                           src->srcpoolPool, src->srcpoolVolume);
        else if (src->path)
            virReportError(VIR_ERR_NO_TARGET, "%s", src->path);
        else
            virReportError(VIR_ERR_NO_TARGET, NULL);
        return -1;
    }

    if (virDomainDiskCheckSource(src) < 0)
        return -1;

    if (disk->sgio == VIR_DOMAIN_DEVICE_SGIO_UNFILTERED) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "unfiltered sgio is no longer supported");
        return -1;
    }

    if (disk->device == VIR_DOMAIN_DISK_DEVICE_LUN) {
        if (src->type == VIR_STORAGE_TYPE_NETWORK) {
            if (src->protocol != VIR_STORAGE_NET_PROTOCOL_ISCSI) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "disk device='lun' is not supported for protocol='%s'",
                               virStorageNetProtocolTypeToString(src->protocol));
                return -1;
            }
        } else if (src->type != VIR_STORAGE_TYPE_BLOCK &&
                   src->type != VIR_STORAGE_TYPE_VOLUME) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "disk device='lun' is only valid for block type disk source");
            return -1;
        }
        if (src->format != VIR_STORAGE_FILE_RAW &&
            src->format != VIR_STORAGE_FILE_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "disk device 'lun' must use 'raw' format");
            return -1;
        }
        if (src->hasSliceStorage) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "disk device 'lun' doesn't support storage slice");
            return -1;
        }
        if (src->encryption &&
            src->encryption->format != VIR_STORAGE_ENCRYPTION_FORMAT_DEFAULT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "disk device 'lun' doesn't support encryption");
            return -1;
        }
    } else {
        if (src->prManaged != VIR_TRISTATE_BOOL_ABSENT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "<reservations/> allowed only for lun devices");
            return -1;
        }
        if (disk->rawio != VIR_TRISTATE_BOOL_ABSENT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "rawio can be used only with device='lun'");
            return -1;
        }
        if (disk->sgio != VIR_DOMAIN_DEVICE_SGIO_DEFAULT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "sgio can be used only with device='lun'");
            return -1;
        }
    }

    if (t->total_bytes_sec && (t->read_bytes_sec || t->write_bytes_sec)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "total and read/write bytes_sec cannot be set at the same time");
        return -1;
    }
    if (t->total_iops_sec && (t->read_iops_sec || t->write_iops_sec)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "total and read/write iops_sec cannot be set at the same time");
        return -1;
    }
    if (t->total_bytes_sec_max &&
        (t->read_bytes_sec_max || t->write_bytes_sec_max)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "total and read/write bytes_sec_max cannot be set at the same time");
        return -1;
    }
    if (t->total_iops_sec_max &&
        (t->read_iops_sec_max || t->write_iops_sec_max)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "total and read/write iops_sec_max cannot be set at the same time");
        return -1;
    }

    if ((disk->bus == VIR_DOMAIN_DISK_BUS_IDE ||
         disk->bus == VIR_DOMAIN_DISK_BUS_FDC ||
         disk->bus == VIR_DOMAIN_DISK_BUS_SCSI ||
         disk->bus == VIR_DOMAIN_DISK_BUS_SATA) &&
        disk->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        disk->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid address type '%s' for the disk '%s' with the bus type '%s'",
                       virDomainDeviceAddressTypeToString(disk->info.type),
                       disk->dst, bus);
        return -1;
    }

    if (disk->bus != VIR_DOMAIN_DISK_BUS_VIRTIO) {
        if (disk->model != VIR_DOMAIN_DISK_MODEL_DEFAULT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk model '%s' not supported for bus '%s'",
                           virDomainDiskModelTypeToString(disk->model), bus);
            return -1;
        }
        if (disk->queues) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "queues attribute in disk driver element is only supported by virtio-blk");
            return -1;
        }
        if (disk->event_idx != VIR_TRISTATE_SWITCH_ABSENT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "disk event_idx mode supported only for virtio bus");
            return -1;
        }
        if (disk->ioeventfd != VIR_TRISTATE_SWITCH_ABSENT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "disk ioeventfd mode supported only for virtio bus");
            return -1;
        }
        if (virDomainVirtioOptionsCheckAbsent(&disk->virtio) < 0)
            return -1;
    }

    if (src->type == VIR_STORAGE_TYPE_NVME && src->nvmeNamespace == 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "NVMe namespace can't be zero");
        return -1;
    }

    if (disk->tray_status &&
        disk->device != VIR_DOMAIN_DISK_DEVICE_FLOPPY &&
        disk->device != VIR_DOMAIN_DISK_DEVICE_CDROM) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "tray is only valid for cdrom and floppy");
        return -1;
    }

    if (virDomainDiskCheckInquiryString(disk->vendor, "vendor",
                                        DISK_VENDOR_LEN) < 0 ||
        virDomainDiskCheckInquiryString(disk->product, "product",
                                        DISK_PRODUCT_LEN) < 0)
        return -1;

    if (disk->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY &&
        disk->bus != VIR_DOMAIN_DISK_BUS_FDC) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid bus type '%s' for floppy disk", bus);
        return -1;
    }
    if (disk->device != VIR_DOMAIN_DISK_DEVICE_FLOPPY &&
        disk->bus == VIR_DOMAIN_DISK_BUS_FDC) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid bus type '%s' for disk", bus);
        return -1;
    }

    if (disk->removable != VIR_TRISTATE_SWITCH_ABSENT &&
        disk->bus != VIR_DOMAIN_DISK_BUS_USB) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "removable is only valid for usb disks");
        return -1;
    }

    if (disk->startupPolicy) {
        if (src->type != VIR_STORAGE_TYPE_VOLUME &&
            src->type != VIR_STORAGE_TYPE_FILE &&
            src->type != VIR_STORAGE_TYPE_BLOCK &&
            src->type != VIR_STORAGE_TYPE_DIR) {
            virReportError(VIR_ERR_XML_ERROR,
                           "disk startupPolicy '%s' is not allowed for disk of '%s' type",
                           virDomainStartupPolicyTypeToString(disk->startupPolicy),
                           virStorageTypeToString(src->type));
            return -1;
        }
        if (disk->device != VIR_DOMAIN_DISK_DEVICE_CDROM &&
            disk->device != VIR_DOMAIN_DISK_DEVICE_FLOPPY &&
            disk->startupPolicy == VIR_DOMAIN_STARTUP_POLICY_REQUISITE) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "disk startupPolicy 'requisite' is allowed only for cdrom or floppy");
            return -1;
        }
    }

    if (disk->wwn && !virDomainDiskWWNIsValid(disk->wwn))
        return -1;

    if ((disk->device == VIR_DOMAIN_DISK_DEVICE_DISK ||
         disk->device == VIR_DOMAIN_DISK_DEVICE_LUN) &&
        !g_str_has_prefix(disk->dst, "hd") &&
        !g_str_has_prefix(disk->dst, "sd") &&
        !g_str_has_prefix(disk->dst, "vd") &&
        !g_str_has_prefix(disk->dst, "xvd") &&
        !g_str_has_prefix(disk->dst, "ubd")) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid harddisk device name: %s", disk->dst);
        return -1;
    }
    if (disk->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY &&
        !g_str_has_prefix(disk->dst, "fd")) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid floppy device name: %s", disk->dst);
        return -1;
    }

    /* only removable media may be absent */
    if (disk->device == VIR_DOMAIN_DISK_DEVICE_DISK &&
        virDomainDiskSourceIsEmpty(src)) {
        virReportError(VIR_ERR_NO_SOURCE, "%s", disk->dst);
        return -1;
    }
    return 0;
}


int
virDomainDiskDefsPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED)
{
    virDomainDevices *devs = def->devices;
    g_autofree virDomainDiskDef **parsed = devs->disks;
    size_t nparsed = devs->ndisks;
    size_t i, j;

    /* re-insert in document order the way upstream's parser does, with
     * the bus as written (before any default) */
    devs->disks = g_new0(virDomainDiskDef *, nparsed);
    devs->ndisks = 0;
    for (i = 0; i < nparsed; i++)
        virDomainDiskInsertSorted(devs->disks, &devs->ndisks, parsed[i]);

    for (i = 0; i < devs->ndisks; i++) {
        virDomainDiskDef *disk = devs->disks[i];

        /* the test driver (our only one) has no file descriptor passing */
        if (disk->src->fdgroup) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "driver does not support FD passing for disk '%s'",
                           NULLSTR(disk->dst));
            return -1;
        }
        virDomainDiskDefaults(disk);
        if (disk->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
            disk->dst && virDomainDiskAssignAddress(def, disk) < 0)
            return -1;
    }

    for (i = 0; i < devs->ndisks; i++) {
        if (virDomainDiskCheck(devs->disks[i]) < 0)
            return -1;
    }

    /* the same target twice */
    for (i = 0; i < devs->ndisks; i++) {
        for (j = i + 1; j < devs->ndisks; j++) {
            if (strcmp(devs->disks[i]->dst, devs->disks[j]->dst) == 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "target '%s' duplicated for disk sources '%s' and '%s'",
                               devs->disks[i]->dst,
                               NULLSTR(devs->disks[i]->src->path),
                               NULLSTR(devs->disks[j]->src->path));
                return -1;
            }
        }
    }
    return 0;
}

int
virDomainDiskIndexByName(const virDomainDef *def, const char *name,
                         bool allow_ambiguous)
{
    virDomainDevices *devs = def->devices;
    int found = -1;
    size_t i;

    /* A name without a leading slash is a target; a path names the
     * source, which must then match one disk only unless told
     * otherwise. */
    for (i = 0; i < devs->ndisks; i++) {
        virDomainDiskDef *disk = devs->disks[i];

        if (*name != '/') {
            if (STREQ_NULLABLE(disk->dst, name))
                return i;
        } else if (STREQ_NULLABLE(disk->src->path, name)) {
            if (allow_ambiguous)
                return i;
            if (found >= 0)
                return -1;
            found = i;
        }
    }
    return found;
}

virDomainDiskDef *
virDomainDiskByName(const virDomainDef *def, const char *name,
                    bool allow_ambiguous)
{
    int i = virDomainDiskIndexByName(def, name, allow_ambiguous);

    return i < 0 ? NULL : def->devices->disks[i];
}
