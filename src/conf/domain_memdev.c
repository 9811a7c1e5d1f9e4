/*
 * domain_memdev.c: the <memory> device family: the model, access and
 * discard, an NVDIMM's <uuid>, the backing <source> (page size, host
 * nodes, file path, alignment, pmem) and the guest <target> (size, NUMA
 * node, label, read-only, virtio-mem block and requested sizes), and
 * the device's address; with upstream's validation of each model.
 */
#include "domain_memdev.h"
#include "domain_numa.h"
#include "domain_os.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* Host NUMA node numbers accepted in a nodemask. */
#define VIR_DOMAIN_MEMDEV_NODEMASK_LEN 1024

/* Upstream falls back to this transparent huge page size (KiB) when the
 * host does not tell; it is the size on almost every architecture. */
#define VIR_DOMAIN_MEMDEV_THP_SIZE 2048

VIR_ENUM_IMPL(virDomainMemoryModel, VIR_DOMAIN_MEMORY_MODEL_LAST,
              "", "dimm", "nvdimm", "virtio-pmem", "virtio-mem", "sgx-epc");

/* A size child such as <pagesize unit='KiB'>; absent leaves 0. */
static int
virDomainMemdevSizeParse(xmlNodePtr parent, const char *name, bool required,
                         unsigned long long *val)
{
    xmlNodePtr node = virXMLChild(parent, name);

    if (!node) {
        if (!required)
            return 0;
        virReportError(VIR_ERR_XML_ERROR,
                       "missing element or attribute './%s'", name);
        return -1;
    }
    return virDomainParseMemory(node, NULL, "unit", required, val) < 0 ? -1 : 0;
}

static int
virDomainMemdevNodemaskParse(virDomainMemoryDef *mem, xmlNodePtr source)
{
    g_autofree char *mask = virXMLChildContent(source, "nodemask");

    if (!mask)
        return 0;
    if (virBitmapParse(mask, &mem->sourceNodes,
                       VIR_DOMAIN_MEMDEV_NODEMASK_LEN) < 0)
        return -1;
    if (virBitmapIsAllClear(mem->sourceNodes)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid value of 'nodemask': %s", mask);
        return -1;
    }
    return 0;
}

static int
virDomainMemdevSourceParse(virDomainMemoryDef *mem, xmlNodePtr source)
{
    switch (mem->model) {
    case VIR_DOMAIN_MEMORY_MODEL_DIMM:
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_MEM:
        if (virDomainMemdevSizeParse(source, "pagesize", false,
                                     &mem->pagesize) < 0)
            return -1;
        return virDomainMemdevNodemaskParse(mem, source);
    case VIR_DOMAIN_MEMORY_MODEL_NVDIMM:
        mem->path = virXMLChildContent(source, "path");
        if (virDomainMemdevSizeParse(source, "alignsize", false,
                                     &mem->alignsize) < 0)
            return -1;
        mem->pmem = virXMLChild(source, "pmem") != NULL;
        return 0;
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_PMEM:
        mem->path = virXMLChildContent(source, "path");
        return 0;
    case VIR_DOMAIN_MEMORY_MODEL_SGX_EPC:
        return virDomainMemdevNodemaskParse(mem, source);
    case VIR_DOMAIN_MEMORY_MODEL_NONE:
    case VIR_DOMAIN_MEMORY_MODEL_LAST:
        break;
    }
    return 0;
}

static int
virDomainMemdevTargetParse(virDomainMemoryDef *mem, xmlNodePtr target)
{
    g_autofree char *node = virXMLChildContent(target, "node");

    if (node && (virStrToLong_i(node, NULL, 10, &mem->targetNode) < 0 ||
                 mem->targetNode < 0)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "invalid value of memory device node");
        return -1;
    }

    if (virDomainMemdevSizeParse(target, "size", true, &mem->size) < 0)
        return -1;

    switch (mem->model) {
    case VIR_DOMAIN_MEMORY_MODEL_NVDIMM: {
        xmlNodePtr label = virXMLChild(target, "label");

        if (label && virDomainMemdevSizeParse(label, "size", false,
                                              &mem->labelsize) < 0)
            return -1;
        if (mem->labelsize && mem->labelsize < 128) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "nvdimm label must be at least 128KiB");
            return -1;
        }
        if (mem->labelsize >= mem->size) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "label size must be smaller than NVDIMM size");
            return -1;
        }
        mem->readonly = virXMLChild(target, "readonly") != NULL;
        break;
    }
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_MEM:
        if (virDomainMemdevSizeParse(target, "block", false,
                                     &mem->blocksize) < 0 ||
            virDomainMemdevSizeParse(target, "requested", false,
                                     &mem->requestedsize) < 0)
            return -1;
        break;
    case VIR_DOMAIN_MEMORY_MODEL_NONE:
    case VIR_DOMAIN_MEMORY_MODEL_DIMM:
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_PMEM:
    case VIR_DOMAIN_MEMORY_MODEL_SGX_EPC:
    case VIR_DOMAIN_MEMORY_MODEL_LAST:
        break;
    }
    return 0;
}

/* NVDIMM UUIDs and labels are a ppc64 (pSeries) matter. */
static bool
virDomainMemdevIsPPC64(const virDomainDef *def)
{
    return def->os->arch == VIR_ARCH_PPC64 || def->os->arch == VIR_ARCH_PPC64LE;
}

/* Upstream's validation of each model. */
static int
virDomainMemdevValidate(const virDomainMemoryDef *mem,
                        const virDomainDef *def)
{
    const char *model = virDomainMemoryModelTypeToString(mem->model);

    if (mem->targetNode != -1) {
        size_t nodes = virDomainNumaGetNodeCount(def->numa);

        if (nodes == 0) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "can't add memory backend as guest has no NUMA nodes configured");
            return -1;
        }
        if (mem->targetNode >= nodes) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "can't add memory backend for guest node '%d' as the guest has only '%zu' NUMA nodes configured",
                           mem->targetNode, nodes);
            return -1;
        }
    }

    switch (mem->model) {
    case VIR_DOMAIN_MEMORY_MODEL_NVDIMM:
        if (!mem->path) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "path is required for model 'nvdimm'");
            return -1;
        }
        if (mem->discard == VIR_TRISTATE_BOOL_YES) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "discard is not supported for nvdimms");
            return -1;
        }
        if (virDomainMemdevIsPPC64(def)) {
            if (mem->labelsize == 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "label size is required for NVDIMM device");
                return -1;
            }
        } else if (mem->hasUUID) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "UUID is not supported for NVDIMM device");
            return -1;
        }
        break;
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_PMEM:
        if (!mem->path) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "path is required for model '%s'", model);
            return -1;
        }
        if (mem->discard == VIR_TRISTATE_BOOL_YES) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "discard is not supported for model '%s'", model);
            return -1;
        }
        if (mem->access != VIR_DOMAIN_MEMORY_ACCESS_SHARED) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "shared access mode required for virtio-pmem device");
            return -1;
        }
        if (mem->targetNode != -1) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "virtio-pmem does not support NUMA nodes");
            return -1;
        }
        break;
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_MEM:
        if (mem->requestedsize > mem->size) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "requested size must be smaller than or equal to @size (%lluKiB)",
                           mem->size);
            return -1;
        }
        if (mem->blocksize & (mem->blocksize - 1)) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "block size must be a power of two");
            return -1;
        }
        if (mem->blocksize < VIR_DOMAIN_MEMDEV_THP_SIZE) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "block size too small, must be at least %lluKiB",
                           (unsigned long long)VIR_DOMAIN_MEMDEV_THP_SIZE);
            return -1;
        }
        if (mem->requestedsize % mem->blocksize != 0) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "requested size must be an integer multiple of block size");
            return -1;
        }
        break;
    case VIR_DOMAIN_MEMORY_MODEL_SGX_EPC:
        if (mem->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "memory device address is not supported for model '%s'",
                           model);
            return -1;
        }
        break;
    case VIR_DOMAIN_MEMORY_MODEL_DIMM:
    case VIR_DOMAIN_MEMORY_MODEL_NONE:
    case VIR_DOMAIN_MEMORY_MODEL_LAST:
        break;
    }
    return 0;
}

virDomainMemoryDef *
virDomainMemoryDefParseXML(xmlNodePtr node, virDomainDef *def,
                           unsigned int flags)
{
    virDomainMemoryDef *mem = g_new0(virDomainMemoryDef, 1);
    xmlNodePtr child;
    int val;

    mem->targetNode = -1;
    if (virXMLPropEnum(node, "model", virDomainMemoryModelTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &val) < 0)
        goto error;
    mem->model = val;
    if (virXMLPropEnum(node, "access", virDomainMemoryAccessTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        goto error;
    mem->access = val;
    if (virXMLPropTristateBool(node, "discard", VIR_XML_PROP_NONE,
                               &mem->discard) < 0)
        goto error;

    if (mem->model == VIR_DOMAIN_MEMORY_MODEL_NVDIMM) {
        g_autofree char *uuid = virXMLChildContent(node, "uuid");

        if (uuid) {
            if (virUUIDParse(uuid, mem->uuid) < 0) {
                virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                               "malformed uuid element");
                goto error;
            }
            mem->hasUUID = true;
        }
    }

    if ((child = virXMLChild(node, "source")) &&
        virDomainMemdevSourceParse(mem, child) < 0)
        goto error;

    if (!(child = virXMLChild(node, "target"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing <target> element for <memory> device");
        goto error;
    }
    if (virDomainMemdevTargetParse(mem, child) < 0)
        goto error;

    if (virDomainDeviceInfoParseXML(node, &mem->info, flags) < 0)
        goto error;

    /* Upstream's post-parse default: guest writes must reach the file. */
    if (mem->model == VIR_DOMAIN_MEMORY_MODEL_VIRTIO_PMEM &&
        mem->access == VIR_DOMAIN_MEMORY_ACCESS_DEFAULT)
        mem->access = VIR_DOMAIN_MEMORY_ACCESS_SHARED;
    /* pSeries NVDIMMs need a UUID; upstream makes up a random one. */
    if (mem->model == VIR_DOMAIN_MEMORY_MODEL_NVDIMM &&
        virDomainMemdevIsPPC64(def) && !mem->hasUUID) {
        virUUIDGenerate(mem->uuid);
        mem->hasUUID = true;
    }

    if (virDomainMemdevValidate(mem, def) < 0)
        goto error;
    return mem;

 error:
    virDomainMemoryDefFree(mem);
    return NULL;
}

static void
virDomainMemdevNodemaskFormat(virBuffer *buf, const virBitmap *nodes)
{
    g_autofree char *str = NULL;

    if (!nodes)
        return;
    str = virBitmapFormat(nodes);
    virBufferAsprintf(buf, "<nodemask>%s</nodemask>\n", str);
}

static void
virDomainMemdevSourceFormat(virBuffer *buf, const virDomainMemoryDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    switch (mem->model) {
    case VIR_DOMAIN_MEMORY_MODEL_DIMM:
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_MEM:
        virDomainMemdevNodemaskFormat(&childBuf, mem->sourceNodes);
        if (mem->pagesize)
            virBufferAsprintf(&childBuf,
                              "<pagesize unit='KiB'>%llu</pagesize>\n",
                              mem->pagesize);
        break;
    case VIR_DOMAIN_MEMORY_MODEL_NVDIMM:
        virBufferEscapeString(&childBuf, "<path>%s</path>\n", mem->path);
        if (mem->alignsize)
            virBufferAsprintf(&childBuf,
                              "<alignsize unit='KiB'>%llu</alignsize>\n",
                              mem->alignsize);
        if (mem->pmem)
            virBufferAddLit(&childBuf, "<pmem/>\n");
        break;
    case VIR_DOMAIN_MEMORY_MODEL_VIRTIO_PMEM:
        virBufferEscapeString(&childBuf, "<path>%s</path>\n", mem->path);
        break;
    case VIR_DOMAIN_MEMORY_MODEL_SGX_EPC:
        virDomainMemdevNodemaskFormat(&childBuf, mem->sourceNodes);
        break;
    case VIR_DOMAIN_MEMORY_MODEL_NONE:
    case VIR_DOMAIN_MEMORY_MODEL_LAST:
        break;
    }
    virXMLFormatElement(buf, "source", NULL, &childBuf);
}

static void
virDomainMemdevTargetFormat(virBuffer *buf, const virDomainMemoryDef *mem,
                            unsigned int flags)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&childBuf, "<size unit='KiB'>%llu</size>\n", mem->size);
    if (mem->targetNode >= 0)
        virBufferAsprintf(&childBuf, "<node>%d</node>\n", mem->targetNode);
    if (mem->labelsize) {
        g_auto(virBuffer) labelBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

        virBufferAsprintf(&labelBuf, "<size unit='KiB'>%llu</size>\n",
                          mem->labelsize);
        virXMLFormatElement(&childBuf, "label", NULL, &labelBuf);
    }
    if (mem->readonly)
        virBufferAddLit(&childBuf, "<readonly/>\n");
    if (mem->blocksize) {
        virBufferAsprintf(&childBuf, "<block unit='KiB'>%llu</block>\n",
                          mem->blocksize);
        virBufferAsprintf(&childBuf,
                          "<requested unit='KiB'>%llu</requested>\n",
                          mem->requestedsize);
        /* The plugged size is live state. */
        if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
            virBufferAsprintf(&childBuf,
                              "<current unit='KiB'>%llu</current>\n",
                              mem->currentsize);
    }
    virXMLFormatElement(buf, "target", NULL, &childBuf);
}

int
virDomainMemoryDefFormat(virBuffer *buf, const virDomainMemoryDef *dev,
                         const virDomainDef *def G_GNUC_UNUSED,
                         unsigned int flags)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferAsprintf(buf, "<memory model='%s'",
                      virDomainMemoryModelTypeToString(dev->model));
    if (dev->access != VIR_DOMAIN_MEMORY_ACCESS_DEFAULT)
        virBufferAsprintf(buf, " access='%s'",
                          virDomainMemoryAccessTypeToString(dev->access));
    virDomainTristateBoolAttrFormat(buf, "discard", dev->discard);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    if (dev->hasUUID)
        virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                          virUUIDFormat(dev->uuid, uuidstr));
    virDomainMemdevSourceFormat(buf, dev);
    virDomainMemdevTargetFormat(buf, dev, flags);
    virDomainDeviceInfoFormat(buf, &dev->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</memory>\n");
    return 0;
}

void
virDomainMemoryDefFree(virDomainMemoryDef *dev)
{
    if (!dev)
        return;
    virBitmapFree(dev->sourceNodes);
    g_free(dev->path);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
