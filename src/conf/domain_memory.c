/*
 * domain_memory.c: <maxMemory>, <memory>, <currentMemory>, <blkiotune>,
 * <memtune> and <memoryBacking>.  Sizes are read with their unit, kept in
 * KiB and always formatted with unit='KiB'.  Post-parse takes the memory
 * size from the NUMA cells when <memory> is missing, defaults the current
 * balloon size to it and checks the limits that depend on other sections.
 */
#include "domain_memory.h"
#include "device_info.h"
#include "domain_numa.h"
#include "domain_devices.h"
#include "domain_memdev.h"
#include "domain_vcpu.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainMemorySource, VIR_DOMAIN_MEMORY_SOURCE_LAST,
              "none", "file", "anonymous", "memfd");

VIR_ENUM_IMPL(virDomainMemoryAccess, VIR_DOMAIN_MEMORY_ACCESS_LAST,
              "default", "shared", "private");

VIR_ENUM_IMPL(virDomainMemoryAllocation, VIR_DOMAIN_MEMORY_ALLOCATION_LAST,
              "none", "immediate", "ondemand");

/* The largest byte count a size may have (off_t on 64-bit hosts). */
#define VIR_DOMAIN_MEMORY_MAX_BYTES ((unsigned long long)G_MAXINT64)

virDomainMemDef *
virDomainMemNew(void)
{
    virDomainMemDef *mem = g_new0(virDomainMemDef, 1);

    mem->hard_limit = VIR_DOMAIN_MEMORY_LIMIT_UNSET;
    mem->soft_limit = VIR_DOMAIN_MEMORY_LIMIT_UNSET;
    mem->swap_hard_limit = VIR_DOMAIN_MEMORY_LIMIT_UNSET;
    return mem;
}

void
virDomainMemFree(virDomainMemDef *mem)
{
    size_t i;

    if (!mem)
        return;
    for (i = 0; i < mem->nblkio_devices; i++)
        g_free(mem->blkio_devices[i].path);
    g_free(mem->blkio_devices);
    for (i = 0; i < mem->nhugepages; i++)
        virBitmapFree(mem->hugepages[i].nodemask);
    g_free(mem->hugepages);
    g_free(mem);
}

/* ---- Parsing ---- */

/* Upstream reads these values as XPath strings, where an empty element
 * is the same as a missing one. */
static bool
virDomainMemNodeIsEmpty(xmlNodePtr node, const char *valueattr)
{
    g_autofree char *content = NULL;

    if (!node || valueattr)
        return false;
    content = virXMLNodeContent(node);
    return !*content;
}

int
virDomainParseMemory(xmlNodePtr node, const char *valueattr,
                     const char *unitattr, bool required,
                     unsigned long long *mem)
{
    unsigned long long bytes;
    unsigned long long kib;
    int rc;

    *mem = 0;
    if (virDomainMemNodeIsEmpty(node, valueattr))
        node = NULL;
    if ((rc = virXMLParseScaledValue(node, valueattr, unitattr, 1024,
                                     VIR_DOMAIN_MEMORY_MAX_BYTES, required,
                                     &bytes)) <= 0)
        return rc;
    kib = (bytes + 1023) / 1024;
    if (kib >= (VIR_DOMAIN_MEMORY_MAX_BYTES + 1023) / 1024) {
        virReportError(VIR_ERR_OVERFLOW, "%s", "size value too large");
        return -1;
    }
    *mem = kib;
    return rc;
}

/* A limit absent stays unset; larger ones are cut down to the maximum. */
static int
virDomainParseMemoryLimit(xmlNodePtr node, unsigned long long *mem)
{
    unsigned long long bytes;
    unsigned long long kib;
    int rc;

    if (virDomainMemNodeIsEmpty(node, NULL))
        node = NULL;
    if ((rc = virXMLParseScaledValue(node, NULL, "unit", 1024,
                                     VIR_DOMAIN_MEMORY_LIMIT_UNSET << 10,
                                     false, &bytes)) < 0)
        return -1;
    if (rc == 0) {
        *mem = VIR_DOMAIN_MEMORY_LIMIT_UNSET;
        return 0;
    }
    kib = (bytes + 1023) / 1024;
    *mem = MIN(kib, VIR_DOMAIN_MEMORY_LIMIT_UNSET);
    return 0;
}

static int
virDomainMemParseSizes(xmlNodePtr root, virDomainMemDef *mem)
{
    xmlNodePtr node;

    node = virXMLChild(root, "memory");
    if (virDomainParseMemory(node, NULL, "unit", false,
                             &mem->total_memory) < 0)
        return -1;
    if (node &&
        virXMLPropTristateSwitch(node, "dumpCore", VIR_XML_PROP_NONE,
                                 &mem->dump_core) < 0)
        return -1;

    if (virDomainParseMemory(virXMLChild(root, "currentMemory"), NULL,
                             "unit", false, &mem->cur_balloon) < 0)
        return -1;

    node = virXMLChild(root, "maxMemory");
    if (virDomainParseMemory(node, NULL, "unit", false,
                             &mem->max_memory) < 0)
        return -1;
    if (node) {
        g_autofree char *slots = virXMLPropString(node, "slots");

        if (slots &&
            virStrToLong_uip(slots, NULL, 10, &mem->memory_slots) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Failed to parse memory slot count");
            return -1;
        }
    }
    return 0;
}

static int
virDomainBlkioDeviceParseUInt(xmlNodePtr node, const char *name,
                              const char *what, unsigned int *result)
{
    g_autofree char *str = virConfXMLChildNonEmpty(node, name);

    if (str && virStrToLong_ui(str, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "could not parse %s %s",
                       what, str);
        return -1;
    }
    return 0;
}

static int
virDomainBlkioDeviceParseULL(xmlNodePtr node, const char *name,
                             const char *what, unsigned long long *result)
{
    g_autofree char *str = virConfXMLChildNonEmpty(node, name);

    if (str && virStrToLong_ull(str, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "could not parse %s %s",
                       what, str);
        return -1;
    }
    return 0;
}

static int
virDomainBlkioDeviceParseXML(xmlNodePtr node, virDomainBlkioDevice *dev)
{
    g_autofree char *path = virConfXMLChildNonEmpty(node, "path");

    if (!path) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "missing per-device path");
        return -1;
    }
    if (virDomainBlkioDeviceParseUInt(node, "weight", "weight",
                                      &dev->weight) < 0 ||
        virDomainBlkioDeviceParseULL(node, "read_bytes_sec",
                                     "read bytes sec", &dev->rbps) < 0 ||
        virDomainBlkioDeviceParseULL(node, "write_bytes_sec",
                                     "write bytes sec", &dev->wbps) < 0 ||
        virDomainBlkioDeviceParseUInt(node, "read_iops_sec",
                                      "read iops sec", &dev->riops) < 0 ||
        virDomainBlkioDeviceParseUInt(node, "write_iops_sec",
                                      "write iops sec", &dev->wiops) < 0)
        return -1;
    dev->path = g_steal_pointer(&path);
    return 0;
}

static int
virDomainMemParseBlkiotune(xmlNodePtr root, virDomainMemDef *mem)
{
    xmlNodePtr node = virXMLChild(root, "blkiotune");
    g_autofree xmlNodePtr *devs = NULL;
    g_autofree char *weight = NULL;
    size_t ndevs;
    size_t i;

    if (!node)
        return 0;
    /* An unparsable weight is ignored, as upstream does. */
    weight = virConfXMLChildNonEmpty(node, "weight");
    if (weight && virStrToLong_ui(weight, NULL, 10, &mem->blkio_weight) < 0)
        mem->blkio_weight = 0;

    ndevs = virXMLChildren(node, "device", &devs);
    if (ndevs)
        mem->blkio_devices = g_new0(virDomainBlkioDevice, ndevs);
    for (i = 0; i < ndevs; i++) {
        if (virDomainBlkioDeviceParseXML(devs[i],
                                         &mem->blkio_devices[i]) < 0)
            return -1;
        mem->nblkio_devices++;
    }
    return 0;
}

static int
virDomainMemParseMemtune(xmlNodePtr root, virDomainMemDef *mem)
{
    xmlNodePtr node = virXMLChild(root, "memtune");

    if (!node)
        return 0;
    if (virDomainParseMemoryLimit(virXMLChild(node, "hard_limit"),
                                  &mem->hard_limit) < 0 ||
        virDomainParseMemoryLimit(virXMLChild(node, "soft_limit"),
                                  &mem->soft_limit) < 0 ||
        virDomainParseMemory(virXMLChild(node, "min_guarantee"), NULL,
                             "unit", false, &mem->min_guarantee) < 0 ||
        virDomainParseMemoryLimit(virXMLChild(node, "swap_hard_limit"),
                                  &mem->swap_hard_limit) < 0)
        return -1;
    return 0;
}

static int
virDomainHugepageParseXML(xmlNodePtr node, virDomainHugePage *page)
{
    g_autofree char *nodeset = NULL;

    if (virDomainParseMemory(node, "size", "unit", true, &page->size) < 0)
        return -1;
    if (!page->size) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "hugepage size can't be zero");
        return -1;
    }
    if ((nodeset = virXMLPropString(node, "nodeset"))) {
        if (virBitmapParse(nodeset, &page->nodemask,
                           VIR_DOMAIN_CPUMASK_LEN) < 0)
            return -1;
        if (virBitmapIsAllClear(page->nodemask)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid value of 'nodeset': %s", nodeset);
            return -1;
        }
    }
    return 0;
}

/* Reads attr of the child element name as a non-zero enum value. */
static int
virDomainMemParseBackingEnum(xmlNodePtr backing, const char *name,
                             const char *attr, int (*fromString)(const char *),
                             int *result)
{
    xmlNodePtr node = virXMLChild(backing, name);
    g_autofree char *str = NULL;

    if (!node || !(str = virXMLPropString(node, attr)))
        return 0;
    if ((*result = fromString(str)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown memoryBacking/%s/%s '%s'",
                       name, attr, str);
        return -1;
    }
    return 0;
}

static int
virDomainMemParseBacking(xmlNodePtr root, virDomainMemDef *mem)
{
    xmlNodePtr node = virXMLChild(root, "memoryBacking");
    xmlNodePtr child;
    int val = 0;

    if (!node)
        return 0;

    if (virDomainMemParseBackingEnum(node, "source", "type",
                                     virDomainMemorySourceTypeFromString,
                                     &val) < 0)
        return -1;
    mem->source = val;
    val = 0;
    if (virDomainMemParseBackingEnum(node, "access", "mode",
                                     virDomainMemoryAccessTypeFromString,
                                     &val) < 0)
        return -1;
    mem->access = val;
    val = 0;
    if (virDomainMemParseBackingEnum(node, "allocation", "mode",
                                     virDomainMemoryAllocationTypeFromString,
                                     &val) < 0)
        return -1;
    mem->allocation = val;

    if ((child = virXMLChild(node, "allocation"))) {
        g_autofree char *threads = virXMLPropString(child, "threads");

        if (threads &&
            virStrToLong_uip(threads, NULL, 10,
                             &mem->allocation_threads) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Failed to parse memory allocation threads");
            return -1;
        }
    }

    if ((child = virXMLChild(node, "hugepages"))) {
        g_autofree xmlNodePtr *pages = NULL;
        size_t npages = virXMLChildren(child, "page", &pages);
        size_t i;

        /* A bare <hugepages/> is one page of the default size. */
        mem->hugepages = g_new0(virDomainHugePage, MAX(npages, 1));
        if (!npages)
            mem->nhugepages = 1;
        for (i = 0; i < npages; i++) {
            if (virDomainHugepageParseXML(pages[i],
                                          &mem->hugepages[i]) < 0)
                return -1;
            mem->nhugepages++;
        }
    }

    mem->nosharepages = virXMLChild(node, "nosharepages") != NULL;
    mem->locked = virXMLChild(node, "locked") != NULL;
    mem->discard = virXMLChild(node, "discard") != NULL;
    return 0;
}

int
virDomainDefMemParseXML(xmlNodePtr root, virDomainDef *def,
                        unsigned int flags G_GNUC_UNUSED)
{
    if (virDomainMemParseSizes(root, def->mem) < 0 ||
        virDomainMemParseBacking(root, def->mem) < 0 ||
        virDomainMemParseBlkiotune(root, def->mem) < 0 ||
        virDomainMemParseMemtune(root, def->mem) < 0)
        return -1;
    return 0;
}

/* ---- Defaults and checks ---- */

/* The hugepages must name distinct existing guest NUMA nodes, and at
 * most one may go without a nodeset. */
static int
virDomainMemValidateHugepages(virDomainDef *def)
{
    virDomainMemDef *mem = def->mem;
    size_t nnodes = virDomainNumaGetNodeCount(def->numa);
    size_t i;
    size_t j;

    for (i = 0; i < mem->nhugepages; i++) {
        virDomainHugePage *page = &mem->hugepages[i];

        /* Without guest NUMA, a nodeset of just node 0 means all. */
        if (nnodes == 0 && page->nodemask &&
            virBitmapNextSetBit(page->nodemask, 0) < 0)
            g_clear_pointer(&page->nodemask, virBitmapFree);
    }

    for (i = 0; i < mem->nhugepages; i++) {
        virDomainHugePage *page = &mem->hugepages[i];
        ssize_t bit;

        for (j = 0; j < i; j++) {
            virDomainHugePage *other = &mem->hugepages[j];

            if (page->nodemask && other->nodemask &&
                virBitmapOverlaps(page->nodemask, other->nodemask)) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "nodeset attribute of hugepages of sizes %llu and %llu intersect",
                               page->size, other->size);
                return -1;
            }
            if (!page->nodemask && !other->nodemask) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "two master hugepages detected: %llu and %llu",
                               page->size, other->size);
                return -1;
            }
        }
        if (!page->nodemask)
            continue;
        bit = virBitmapNextSetBit(page->nodemask, (ssize_t)nnodes - 1);
        if (bit >= 0) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "hugepages: node %zd not found", bit);
            return -1;
        }
    }
    return 0;
}

int
virDomainDefMemPostParse(virDomainDef *def, unsigned int flags)
{
    virDomainMemDef *mem = def->mem;
    unsigned long long numaMemory = 0;
    unsigned long long hotplugMemory = 0;
    size_t i;
    size_t j;

    /* Memory devices are part of the total but not of the initial
     * memory. */
    for (i = 0; i < def->devices->nmems; i++)
        hotplugMemory += def->devices->mems[i]->size;

    if (mem->total_memory == 0 || (flags & VIR_DOMAIN_DEF_PARSE_ABI_UPDATE))
        numaMemory = virDomainNumaGetMemorySize(def->numa);
    if (numaMemory) {
        mem->total_memory = numaMemory + hotplugMemory;
    } else if (hotplugMemory > mem->total_memory) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Total size of memory devices exceeds the total memory size");
        return -1;
    }

    if (mem->total_memory - hotplugMemory == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Memory size must be specified via <memory> or in the <numa> configuration");
        return -1;
    }
    if (mem->cur_balloon == 0 || mem->cur_balloon > mem->total_memory)
        mem->cur_balloon = mem->total_memory;

    if ((mem->max_memory || mem->memory_slots) &&
        !(mem->max_memory && mem->memory_slots)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "both maximum memory size and memory slot count must be specified");
        return -1;
    }
    if (mem->max_memory && mem->max_memory < mem->total_memory) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "maximum memory size must be equal or greater than the actual memory size");
        return -1;
    }

    for (i = 0; i < mem->nblkio_devices; i++) {
        for (j = 0; j < i; j++) {
            if (g_str_equal(mem->blkio_devices[i].path,
                            mem->blkio_devices[j].path)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "duplicate blkio device path '%s'",
                               mem->blkio_devices[i].path);
                return -1;
            }
        }
    }
    return virDomainMemValidateHugepages(def);
}

/* ---- Formatting ---- */

static void
virDomainMemFormatBlkiotune(virBuffer *buf, const virDomainMemDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (mem->blkio_weight)
        virBufferAsprintf(&childBuf, "<weight>%u</weight>\n",
                          mem->blkio_weight);

    for (i = 0; i < mem->nblkio_devices; i++) {
        const virDomainBlkioDevice *dev = &mem->blkio_devices[i];
        g_auto(virBuffer) devBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

        /* A device with no tunable set says nothing. */
        if (!dev->weight && !dev->riops && !dev->wiops && !dev->rbps &&
            !dev->wbps)
            continue;
        virBufferEscapeString(&devBuf, "<path>%s</path>\n", dev->path);
        if (dev->weight)
            virBufferAsprintf(&devBuf, "<weight>%u</weight>\n", dev->weight);
        if (dev->riops)
            virBufferAsprintf(&devBuf,
                              "<read_iops_sec>%u</read_iops_sec>\n",
                              dev->riops);
        if (dev->wiops)
            virBufferAsprintf(&devBuf,
                              "<write_iops_sec>%u</write_iops_sec>\n",
                              dev->wiops);
        if (dev->rbps)
            virBufferAsprintf(&devBuf,
                              "<read_bytes_sec>%llu</read_bytes_sec>\n",
                              dev->rbps);
        if (dev->wbps)
            virBufferAsprintf(&devBuf,
                              "<write_bytes_sec>%llu</write_bytes_sec>\n",
                              dev->wbps);
        virXMLFormatElement(&childBuf, "device", NULL, &devBuf);
    }
    virXMLFormatElement(buf, "blkiotune", NULL, &childBuf);
}

static void
virDomainMemFormatLimit(virBuffer *buf, const char *name,
                        unsigned long long value)
{
    if (value < VIR_DOMAIN_MEMORY_LIMIT_UNSET)
        virBufferAsprintf(buf, "<%s unit='KiB'>%llu</%s>\n", name, value,
                          name);
}

static void
virDomainMemFormatMemtune(virBuffer *buf, const virDomainMemDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virDomainMemFormatLimit(&childBuf, "hard_limit", mem->hard_limit);
    virDomainMemFormatLimit(&childBuf, "soft_limit", mem->soft_limit);
    if (mem->min_guarantee)
        virBufferAsprintf(&childBuf,
                          "<min_guarantee unit='KiB'>%llu</min_guarantee>\n",
                          mem->min_guarantee);
    virDomainMemFormatLimit(&childBuf, "swap_hard_limit",
                            mem->swap_hard_limit);
    virXMLFormatElement(buf, "memtune", NULL, &childBuf);
}

static void
virDomainMemFormatHugepages(virBuffer *buf, const virDomainMemDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    /* The bare form stays bare. */
    if (mem->nhugepages != 1 || mem->hugepages[0].size != 0) {
        for (i = 0; i < mem->nhugepages; i++) {
            const virDomainHugePage *page = &mem->hugepages[i];

            virBufferAsprintf(&childBuf, "<page size='%llu' unit='KiB'",
                              page->size);
            if (page->nodemask) {
                g_autofree char *nodeset = virBitmapFormat(page->nodemask);

                virBufferAsprintf(&childBuf, " nodeset='%s'", nodeset);
            }
            virBufferAddLit(&childBuf, "/>\n");
        }
    }
    virXMLFormatElementEmpty(buf, "hugepages", NULL, &childBuf);
}

static void
virDomainMemFormatBacking(virBuffer *buf, const virDomainMemDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) allocBuf = VIR_BUFFER_INITIALIZER;

    if (mem->nhugepages)
        virDomainMemFormatHugepages(&childBuf, mem);
    if (mem->nosharepages)
        virBufferAddLit(&childBuf, "<nosharepages/>\n");
    if (mem->locked)
        virBufferAddLit(&childBuf, "<locked/>\n");
    if (mem->source)
        virBufferAsprintf(&childBuf, "<source type='%s'/>\n",
                          virDomainMemorySourceTypeToString(mem->source));
    if (mem->access)
        virBufferAsprintf(&childBuf, "<access mode='%s'/>\n",
                          virDomainMemoryAccessTypeToString(mem->access));
    if (mem->allocation)
        virBufferAsprintf(&allocBuf, " mode='%s'",
                          virDomainMemoryAllocationTypeToString(
                              mem->allocation));
    if (mem->allocation_threads > 0)
        virBufferAsprintf(&allocBuf, " threads='%u'",
                          mem->allocation_threads);
    virXMLFormatElement(&childBuf, "allocation", &allocBuf, NULL);
    if (mem->discard)
        virBufferAddLit(&childBuf, "<discard/>\n");
    virXMLFormatElement(buf, "memoryBacking", NULL, &childBuf);
}

int
virDomainDefMemFormat(virBuffer *buf, const virDomainDef *def,
                      unsigned int flags G_GNUC_UNUSED)
{
    const virDomainMemDef *mem = def->mem;

    /* <maxMemory> only says something with both parts set. */
    if (mem->max_memory && mem->memory_slots)
        virBufferAsprintf(buf,
                          "<maxMemory slots='%u' unit='KiB'>%llu</maxMemory>\n",
                          mem->memory_slots, mem->max_memory);

    virBufferAddLit(buf, "<memory");
    virDomainTristateSwitchAttrFormat(buf, "dumpCore", mem->dump_core);
    virBufferAsprintf(buf, " unit='KiB'>%llu</memory>\n", mem->total_memory);
    virBufferAsprintf(buf,
                      "<currentMemory unit='KiB'>%llu</currentMemory>\n",
                      mem->cur_balloon);

    virDomainMemFormatBlkiotune(buf, mem);
    virDomainMemFormatMemtune(buf, mem);
    virDomainMemFormatBacking(buf, mem);
    return 0;
}
