/*
 * domain_video.c: the <video> device family.
 *
 * Besides parsing and formatting, the post-parse step orders adapters
 * (the primary one first) and fills in default video memory the way
 * upstream's generic post-parse does, so that the formatted document
 * shows the sizes upstream shows.
 */
#include "domain_video.h"
#include "domain_os.h"
#include "device_path.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainVideoBackend, VIR_DOMAIN_VIDEO_BACKEND_TYPE_LAST,
              "default", "qemu", "vhostuser");

VIR_ENUM_IMPL(virDomainVideo, VIR_DOMAIN_VIDEO_TYPE_LAST,
              "default", "vga", "cirrus", "vmvga", "xen", "vbox", "qxl",
              "parallels", "virtio", "gop", "none", "bochs", "ramfb");

VIR_ENUM_IMPL(virDomainVideoVGAConf, VIR_DOMAIN_VIDEO_VGACONF_LAST,
              "io", "on", "off");

static virDomainVideoDef *virDomainVideoDefNew(void);

static int
virDomainVideoAccelParseXML(xmlNodePtr node, virDomainVideoDef *video)
{
    g_autofree char *rendernode = virXMLPropString(node, "rendernode");

    if (virXMLPropTristateBool(node, "accel3d", VIR_XML_PROP_NONE,
                               &video->accel3d) < 0 ||
        virXMLPropTristateBool(node, "accel2d", VIR_XML_PROP_NONE,
                               &video->accel2d) < 0)
        return -1;
    if (rendernode)
        video->rendernode = virDevicePathSanitize(rendernode);

    if (!video->rendernode && !video->accel3d && !video->accel2d) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "missing values for acceleration");
        return -1;
    }
    video->hasAccel = true;
    return 0;
}

/* A memory size attribute of <model>, in KiB, without sign. */
static int
virDomainVideoSizeParseXML(xmlNodePtr model, const char *name,
                           virErrorNumber code, unsigned int *result)
{
    g_autofree char *str = virXMLPropString(model, name);

    if (!str)
        return 0;
    if (virStrToLong_uip(str, NULL, 10, result) < 0) {
        virReportError(code, "cannot parse video %s '%s'", name, str);
        return -1;
    }
    return 0;
}

static int
virDomainVideoModelParseXML(xmlNodePtr model, virDomainVideoDef *video)
{
    g_autofree char *type = virXMLPropString(model, "type");
    g_autofree char *primary = virXMLPropString(model, "primary");
    xmlNodePtr accel;
    xmlNodePtr res;
    int val;

    /* Upstream silently ignores a primary= that is neither yes nor no. */
    if (primary && STREQ(primary, "yes"))
        video->primary = true;

    if ((accel = virXMLChild(model, "acceleration")) &&
        virDomainVideoAccelParseXML(accel, video) < 0)
        return -1;

    if ((res = virXMLChild(model, "resolution"))) {
        if (virXMLPropUInt(res, "x", 10, VIR_XML_PROP_REQUIRED,
                           &video->resX) < 0 ||
            virXMLPropUInt(res, "y", 10, VIR_XML_PROP_REQUIRED,
                           &video->resY) < 0)
            return -1;
        video->hasResolution = true;
    }

    if (type) {
        if ((val = virDomainVideoTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown video model '%s'", type);
            return -1;
        }
        video->type = val;
    }

    if (virDomainVideoSizeParseXML(model, "ram", VIR_ERR_XML_ERROR,
                                   &video->ram) < 0 ||
        virDomainVideoSizeParseXML(model, "vram", VIR_ERR_XML_ERROR,
                                   &video->vram) < 0 ||
        virDomainVideoSizeParseXML(model, "vram64", VIR_ERR_XML_ERROR,
                                   &video->vram64) < 0 ||
        virDomainVideoSizeParseXML(model, "vgamem", VIR_ERR_XML_ERROR,
                                   &video->vgamem) < 0 ||
        virDomainVideoSizeParseXML(model, "heads", VIR_ERR_INTERNAL_ERROR,
                                   &video->heads) < 0)
        return -1;

    return 0;
}

virDomainVideoDef *
virDomainVideoDefParseXML(xmlNodePtr node,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags)
{
    g_autoptr(virDomainVideoDef) video = virDomainVideoDefNew();
    xmlNodePtr model = virXMLChild(node, "model");
    xmlNodePtr driver = virXMLChild(node, "driver");

    if (model && virDomainVideoModelParseXML(model, video) < 0)
        return NULL;

    if (driver) {
        if (virXMLPropEnum(driver, "name",
                           virDomainVideoBackendTypeFromString,
                           VIR_XML_PROP_NONZERO, (int *)&video->backend) < 0 ||
            virDomainVirtioOptionsParseXML(driver, &video->virtio) < 0 ||
            virXMLPropEnum(driver, "vgaconf",
                           virDomainVideoVGAConfTypeFromString,
                           VIR_XML_PROP_NONE, (int *)&video->vgaconf) < 0)
            return NULL;
    }

    if (virDomainDeviceInfoParseXML(node, &video->info, flags) < 0)
        return NULL;

    return g_steal_pointer(&video);
}

int
virDomainVideoDefFormat(virBuffer *buf,
                        const virDomainVideoDef *video,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) modelBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) modelChildBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

    virDomainVirtioOptionsFormat(&driverBuf, &video->virtio);
    if (video->vgaconf)
        virBufferAsprintf(&driverBuf, " vgaconf='%s'",
                          virDomainVideoVGAConfTypeToString(video->vgaconf));
    if (video->backend)
        virBufferAsprintf(&driverBuf, " name='%s'",
                          virDomainVideoBackendTypeToString(video->backend));
    virXMLFormatElement(&childBuf, "driver", &driverBuf, NULL);

    virBufferAsprintf(&modelBuf, " type='%s'",
                      virDomainVideoTypeToString(video->type));
    if (video->ram)
        virBufferAsprintf(&modelBuf, " ram='%u'", video->ram);
    if (video->vram)
        virBufferAsprintf(&modelBuf, " vram='%u'", video->vram);
    if (video->vram64)
        virBufferAsprintf(&modelBuf, " vram64='%u'", video->vram64);
    if (video->vgamem)
        virBufferAsprintf(&modelBuf, " vgamem='%u'", video->vgamem);
    if (video->heads)
        virBufferAsprintf(&modelBuf, " heads='%u'", video->heads);
    if (video->primary)
        virBufferAddLit(&modelBuf, " primary='yes'");

    if (video->hasAccel) {
        g_auto(virBuffer) accelBuf = VIR_BUFFER_INITIALIZER;

        if (video->accel3d)
            virBufferAsprintf(&accelBuf, " accel3d='%s'",
                              virTristateBoolTypeToString(video->accel3d));
        if (video->accel2d)
            virBufferAsprintf(&accelBuf, " accel2d='%s'",
                              virTristateBoolTypeToString(video->accel2d));
        virBufferEscapeString(&accelBuf, " rendernode='%s'",
                              video->rendernode);
        virXMLFormatElementEmpty(&modelChildBuf, "acceleration", &accelBuf,
                                 NULL);
    }
    if (video->hasResolution) {
        g_auto(virBuffer) resBuf = VIR_BUFFER_INITIALIZER;

        if (video->resX && video->resY)
            virBufferAsprintf(&resBuf, " x='%u' y='%u'",
                              video->resX, video->resY);
        virXMLFormatElementEmpty(&modelChildBuf, "resolution", &resBuf, NULL);
    }
    virXMLFormatElement(&childBuf, "model", &modelBuf, &modelChildBuf);
    virDomainDeviceInfoFormat(&childBuf, &video->info, flags);

    virBufferAddLit(buf, "<video>\n");
    virBufferAddBuffer(buf, &childBuf);
    virBufferAddLit(buf, "</video>\n");
    return 0;
}

/* A new adapter: upstream starts every one with a single head. */
static virDomainVideoDef *
virDomainVideoDefNew(void)
{
    virDomainVideoDef *video = g_new0(virDomainVideoDef, 1);

    video->heads = 1;
    return video;
}

void
virDomainVideoDefFree(virDomainVideoDef *video)
{
    if (!video)
        return;
    g_free(video->rendernode);
    virDomainDeviceInfoClear(&video->info);
    g_free(video);
}

/* Upstream's default video memory by adapter type, in KiB. */
static unsigned int
virDomainVideoDefaultRAM(const virDomainDef *def, virDomainVideoType type)
{
    switch (type) {
    case VIR_DOMAIN_VIDEO_TYPE_VGA:
    case VIR_DOMAIN_VIDEO_TYPE_CIRRUS:
    case VIR_DOMAIN_VIDEO_TYPE_VMVGA:
        if (def->virtType == VIR_DOMAIN_VIRT_VBOX)
            return 8 * 1024;
        if (def->virtType == VIR_DOMAIN_VIRT_VMWARE)
            return 4 * 1024;
        return 16 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_BOCHS:
        return 16 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_XEN:
        return 4 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_QXL:
        return 64 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_DEFAULT:
    case VIR_DOMAIN_VIDEO_TYPE_VBOX:
    case VIR_DOMAIN_VIDEO_TYPE_PARALLELS:
    case VIR_DOMAIN_VIDEO_TYPE_VIRTIO:
    case VIR_DOMAIN_VIDEO_TYPE_GOP:
    case VIR_DOMAIN_VIDEO_TYPE_NONE:
    case VIR_DOMAIN_VIDEO_TYPE_RAMFB:
    case VIR_DOMAIN_VIDEO_TYPE_LAST:
        break;
    }
    return 0;
}

static unsigned int
virDomainVideoRoundUpPow2(unsigned int value)
{
    unsigned int ret = 1;

    if (value == 0 || value > 1U << 31)
        return 0;
    while (ret < value)
        ret <<= 1;
    return ret;
}

static void
virDomainVideoDefApplyDefaults(virDomainVideoDef *video,
                               const virDomainDef *def)
{
    /* The model upstream's test driver picks for an unspecified adapter.
     * TODO: belongs to the driver's device post-parse, which our
     * virDomainXMLOption does not have yet. */
    if (video->type == VIR_DOMAIN_VIDEO_TYPE_DEFAULT) {
        if (def->os->type == VIR_DOMAIN_OSTYPE_XEN ||
            def->os->type == VIR_DOMAIN_OSTYPE_LINUX)
            video->type = VIR_DOMAIN_VIDEO_TYPE_XEN;
        else if (def->os->arch == VIR_ARCH_PPC64 ||
                 def->os->arch == VIR_ARCH_PPC64LE)
            video->type = VIR_DOMAIN_VIDEO_TYPE_VGA;
        else
            video->type = VIR_DOMAIN_VIDEO_TYPE_CIRRUS;
    }

    if (video->ram == 0 && video->type == VIR_DOMAIN_VIDEO_TYPE_QXL)
        video->ram = virDomainVideoDefaultRAM(def, video->type);
    if (video->vram == 0)
        video->vram = virDomainVideoDefaultRAM(def, video->type);
    video->ram = virDomainVideoRoundUpPow2(video->ram);
    video->vram = virDomainVideoRoundUpPow2(video->vram);
}

static int
virDomainVideoDefValidate(const virDomainVideoDef *video,
                          const virDomainDef *def)
{
    const char *bad = NULL;

    if (video->type == VIR_DOMAIN_VIDEO_TYPE_NONE &&
        def->devices->nvideos > 1) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "a 'none' video type must be the only video device "
                       "defined for the domain");
        return -1;
    }

    if (video->backend == VIR_DOMAIN_VIDEO_BACKEND_TYPE_VHOSTUSER) {
        if (video->type != VIR_DOMAIN_VIDEO_TYPE_VIRTIO) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "'vhostuser' driver is only supported with "
                           "'virtio' device");
            return -1;
        }
    } else if (video->rendernode) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "unsupported rendernode accel attribute without "
                       "'vhostuser'");
        return -1;
    }

    if (video->hasResolution && (video->resX == 0 || video->resY == 0)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "video resolution values must be greater than 0");
        return -1;
    }

    if (video->type != VIR_DOMAIN_VIDEO_TYPE_QXL) {
        if (video->ram)
            bad = "ram";
        else if (video->vram64)
            bad = "vram64";
        else if (video->vgamem)
            bad = "vgamem";
        if (bad) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "%s attribute only supported for video type qxl",
                           bad);
            return -1;
        }
    }

    if (video->type == VIR_DOMAIN_VIDEO_TYPE_RAMFB &&
        video->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "address not supported for video type ramfb");
        return -1;
    }

    if (video->type != VIR_DOMAIN_VIDEO_TYPE_VIRTIO &&
        virDomainVirtioOptionsCheckAbsent(&video->virtio) < 0)
        return -1;
    return 0;
}

int
virDomainVideoDefsPostParse(virDomainDef *def,
                            unsigned int flags G_GNUC_UNUSED)
{
    virDomainDevices *devs = def->devices;
    size_t nprimary = 0;
    size_t i;

    if (devs->nvideos == 0 && devs->ngraphics > 0) {
        devs->videos = g_new0(virDomainVideoDef *, 1);
        devs->videos[devs->nvideos++] = virDomainVideoDefNew();
    }
    if (devs->nvideos == 0)
        return 0;

    /* Upstream inserts each primary adapter at the front as it parses, so
     * the last one marked primary ends up first. */
    for (i = devs->nvideos; i-- > 0;) {
        if (devs->videos[i]->primary) {
            virDomainVideoDef *video = devs->videos[i];

            memmove(devs->videos + 1, devs->videos,
                    i * sizeof(*devs->videos));
            devs->videos[0] = video;
            break;
        }
    }
    for (i = 0; i < devs->nvideos; i++) {
        if (devs->videos[i]->primary)
            nprimary++;
    }
    if (nprimary > 1) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Only one primary video device is supported");
        return -1;
    }

    for (i = 0; i < devs->nvideos; i++)
        virDomainVideoDefApplyDefaults(devs->videos[i], def);

    if (devs->videos[0]->type == VIR_DOMAIN_VIDEO_TYPE_NONE) {
        /* Nothing upstream filled in is formatted for "none". */
        g_autoptr(virDomainVideoDef) old = devs->videos[0];

        devs->videos[0] = g_new0(virDomainVideoDef, 1);
        devs->videos[0]->type = VIR_DOMAIN_VIDEO_TYPE_NONE;
        devs->videos[0]->info.alias = g_steal_pointer(&old->info.alias);
    } else {
        devs->videos[0]->primary = true;
    }

    for (i = 0; i < devs->nvideos; i++) {
        if (virDomainVideoDefValidate(devs->videos[i], def) < 0)
            return -1;
    }
    return 0;
}
