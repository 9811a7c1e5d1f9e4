/*
 * domain_numa.c: the guest NUMA cells of <cpu><numa> and the host memory
 * binding of <numatune>.  The cells are read by the <cpu> parser; the
 * binding after the vCPUs, as its default placement follows theirs.  Sizes
 * are KiB; distances are made symmetric when only one side is given.
 */
#include "domain_numa.h"
#include "device_info.h"
#include "domain_vcpu.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* ACPI SLIT distances. */
#define VIR_NUMA_LOCAL_DISTANCE 10
#define VIR_NUMA_UNREACHABLE 255

VIR_ENUM_IMPL(virDomainNumatuneMemMode, VIR_DOMAIN_NUMATUNE_MEM_LAST,
              "strict", "preferred", "interleave", "restrictive");

VIR_ENUM_IMPL(virDomainNumatunePlacement, VIR_DOMAIN_NUMATUNE_PLACEMENT_LAST,
              "default", "static", "auto");

VIR_ENUM_IMPL(virNumaCacheAssociativity, VIR_NUMA_CACHE_ASSOCIATIVITY_LAST,
              "none", "direct", "full");

VIR_ENUM_IMPL(virNumaCachePolicy, VIR_NUMA_CACHE_POLICY_LAST,
              "none", "writeback", "writethrough");

VIR_ENUM_IMPL(virMemoryLatency, VIR_MEMORY_LATENCY_LAST,
              "none", "access", "read", "write");

virDomainNumaDef *
virDomainNumatuneNew(void)
{
    return g_new0(virDomainNumaDef, 1);
}

void
virDomainNumatuneFree(virDomainNumaDef *numa)
{
    size_t i;

    if (!numa)
        return;
    virBitmapFree(numa->memNodeset);
    for (i = 0; i < numa->ncells; i++) {
        virBitmapFree(numa->cells[i].cpumask);
        virBitmapFree(numa->cells[i].nodeset);
        g_free(numa->cells[i].distances);
        g_free(numa->cells[i].caches);
    }
    g_free(numa->cells);
    g_free(numa->interconnects);
    g_free(numa);
}

size_t
virDomainNumaGetNodeCount(const virDomainNumaDef *numa)
{
    return numa ? numa->ncells : 0;
}

unsigned long long
virDomainNumaGetMemorySize(const virDomainNumaDef *numa)
{
    unsigned long long total = 0;
    size_t i;

    for (i = 0; numa && i < numa->ncells; i++)
        total += numa->cells[i].mem;
    return total;
}

/* ---- The cells ---- */

static int
virDomainNumaCellParseDistances(xmlNodePtr cellNode, virDomainNumaDef *numa,
                                unsigned int cur)
{
    xmlNodePtr node = virXMLChild(cellNode, "distances");
    g_autofree xmlNodePtr *siblings = NULL;
    size_t n;
    size_t i;

    if (!node)
        return 0;
    if (!(n = virXMLChildren(node, "sibling", &siblings))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "NUMA distances defined without siblings");
        return -1;
    }

    for (i = 0; i < n; i++) {
        unsigned int id;
        unsigned int value;
        unsigned int **mine = &numa->cells[cur].distances;
        unsigned int **theirs;

        if (virXMLPropUInt(siblings[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &id) < 0)
            return -1;
        if (id >= numa->ncells) {
            virReportError(VIR_ERR_XML_ERROR,
                           "'sibling_id %d' does not refer to a valid cell within NUMA 'cell id %d'",
                           id, cur);
            return -1;
        }
        if (virXMLPropUInt(siblings[i], "value", 10, VIR_XML_PROP_REQUIRED,
                           &value) < 0)
            return -1;
        if (value < VIR_NUMA_LOCAL_DISTANCE || value > VIR_NUMA_UNREACHABLE ||
            (id == cur && value != VIR_NUMA_LOCAL_DISTANCE) ||
            (id != cur && value == VIR_NUMA_LOCAL_DISTANCE)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "'value %d' is invalid for 'sibling id %d' under NUMA 'cell id %d'",
                           value, id, cur);
            return -1;
        }

        if (!*mine) {
            *mine = g_new0(unsigned int, numa->ncells);
            (*mine)[cur] = VIR_NUMA_LOCAL_DISTANCE;
        }
        (*mine)[id] = value;

        /* The other side gets the same distance unless it says its own. */
        theirs = &numa->cells[id].distances;
        if (!*theirs) {
            *theirs = g_new0(unsigned int, numa->ncells);
            (*theirs)[id] = VIR_NUMA_LOCAL_DISTANCE;
        }
        if (!(*theirs)[cur])
            (*theirs)[cur] = value;
    }
    return 0;
}

static int
virDomainNumaCellParseCaches(xmlNodePtr cellNode, virDomainNumaCell *cell,
                             unsigned int cur)
{
    g_autofree xmlNodePtr *list = NULL;
    size_t n = virXMLChildren(cellNode, "cache", &list);
    size_t i;

    cell->caches = g_new0(virNumaCache, MAX(n, 1));
    for (i = 0; i < n; i++) {
        virNumaCache *cache = &cell->caches[i];
        g_autofree char *level = virXMLPropString(list[i], "level");
        g_autofree char *assoc = NULL;
        g_autofree char *policy = NULL;
        g_autofree char *ignored = NULL;
        unsigned long long line;
        xmlNodePtr child;
        int val;

        if (!level) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Missing 'level' attribute in cache element for NUMA node %d",
                           cur);
            return -1;
        }
        if (virStrToLong_uip(level, NULL, 10, &cache->level) < 0 ||
            cache->level == 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid 'level' attribute in cache element for NUMA node %d",
                           cur);
            return -1;
        }
        if (!(assoc = virXMLPropString(list[i], "associativity"))) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Missing 'associativity' attribute in cache element for NUMA node %d",
                           cur);
            return -1;
        }
        if ((val = virNumaCacheAssociativityTypeFromString(assoc)) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid cache associativity '%s'", assoc);
            return -1;
        }
        cache->associativity = val;
        policy = virXMLPropString(list[i], "policy");
        if ((val = virNumaCachePolicyTypeFromString(policy)) < 0) {
            if (!policy)
                virReportError(VIR_ERR_XML_ERROR,
                               "Missing 'policy' attribute in cache element for NUMA node %d",
                               cur);
            else
                virReportError(VIR_ERR_XML_ERROR,
                               "Invalid cache policy '%s'", policy);
            return -1;
        }
        cache->policy = val;

        /* Upstream looks for the units of <size> and <line> in a child
         * element that does not exist, so their unit attributes are
         * ignored: size is always KiB and line bytes. */
        child = virXMLChild(list[i], "size");
        if (child)
            ignored = virXMLPropString(child, "unit");
        g_clear_pointer(&ignored, g_free);
        if (virDomainParseMemory(child, "value", NULL, true,
                                 &cache->size) < 0)
            return -1;
        child = virXMLChild(list[i], "line");
        if (child)
            ignored = virXMLPropString(child, "unit");
        if (virXMLParseScaledValue(child, "value", NULL, 1, G_MAXUINT64, true,
                                   &line) < 0)
            return -1;
        cache->line = line;
        cell->ncaches++;
    }
    return 0;
}

static int
virDomainNumaParseInterconnects(xmlNodePtr numaNode, virDomainNumaDef *numa)
{
    xmlNodePtr node = virXMLChild(numaNode, "interconnects");
    xmlNodePtr cur;
    size_t n = 0;

    if (!node)
        return 0;
    for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur))
        n++;
    numa->interconnects = g_new0(virNumaInterconnect, MAX(n, 1));

    for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur)) {
        virNumaInterconnect *l = &numa->interconnects[numa->ninterconnects];
        int val;

        if (virXMLNodeNameEqual(cur, "latency")) {
            if (virXMLPropULongLong(cur, "value", 10, VIR_XML_PROP_REQUIRED,
                                    &l->value) < 0)
                return -1;
        } else if (virXMLNodeNameEqual(cur, "bandwidth")) {
            l->bandwidth = true;
            if (virDomainParseMemory(cur, "value", "unit", true,
                                     &l->value) < 0)
                return -1;
        } else {
            /* Unknown kinds are left for validation to catch. */
            continue;
        }
        virXMLNodeMarkConsumed(cur);
        if (virXMLPropUInt(cur, "initiator", 10, VIR_XML_PROP_REQUIRED,
                           &l->initiator) < 0 ||
            virXMLPropUInt(cur, "target", 10, VIR_XML_PROP_REQUIRED,
                           &l->target) < 0 ||
            virXMLPropUInt(cur, "cache", 10, VIR_XML_PROP_NONE,
                           &l->cache) < 0 ||
            virXMLPropEnum(cur, "type", virMemoryLatencyTypeFromString,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &val) < 0)
            return -1;
        l->accessType = val;
        numa->ninterconnects++;
    }
    return 0;
}

int
virDomainNumaCellsParseXML(xmlNodePtr node, virDomainNumaDef *numa)
{
    g_autofree xmlNodePtr *list = NULL;
    size_t n = virXMLChildren(node, "cell", &list);
    size_t i;
    size_t j;

    if (n == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "NUMA topology defined without NUMA cells");
        return -1;
    }
    numa->cells = g_new0(virDomainNumaCell, n);
    numa->ncells = n;

    for (i = 0; i < n; i++) {
        virDomainNumaCell *cell;
        g_autofree char *cpus = NULL;
        unsigned int cur = i;
        int val;

        if (virXMLPropUInt(list[i], "id", 10, VIR_XML_PROP_NONE, &cur) < 0)
            return -1;
        if (cur >= n) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or ranges not starting from 0 are not allowed");
            return -1;
        }
        cell = &numa->cells[cur];
        if (cell->mem) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Duplicate NUMA cell info for cell id '%u'", cur);
            return -1;
        }

        if ((cpus = virXMLPropString(list[i], "cpus"))) {
            g_autoptr(virBitmap) map = NULL;

            if (virBitmapParse(cpus, &map, VIR_DOMAIN_CPUMASK_LEN) < 0)
                return -1;
            if (!virBitmapIsAllClear(map))
                cell->cpumask = g_steal_pointer(&map);
        }
        for (j = 0; j < n; j++) {
            if (j == cur || !numa->cells[j].cpumask || !cell->cpumask)
                continue;
            if (virBitmapOverlaps(numa->cells[j].cpumask, cell->cpumask)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "NUMA cells %u and %zu have overlapping vCPU ids",
                               cur, j);
                return -1;
            }
        }

        if (virDomainParseMemory(list[i], "memory", "unit", true,
                                 &cell->mem) < 0)
            return -1;
        if (virXMLPropEnum(list[i], "memAccess",
                           virDomainMemoryAccessTypeFromString,
                           VIR_XML_PROP_NONZERO, &val) < 0)
            return -1;
        cell->memAccess = val;
        if (virXMLPropTristateBool(list[i], "discard", VIR_XML_PROP_NONE,
                                   &cell->discard) < 0)
            return -1;
        if (virDomainNumaCellParseDistances(list[i], numa, cur) < 0 ||
            virDomainNumaCellParseCaches(list[i], cell, cur) < 0)
            return -1;
    }
    return virDomainNumaParseInterconnects(node, numa);
}

static void
virDomainNumaCellFormatCaches(virBuffer *buf, const virDomainNumaCell *cell)
{
    size_t i;

    for (i = 0; i < cell->ncaches; i++) {
        const virNumaCache *cache = &cell->caches[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

        virBufferAsprintf(&attrBuf, " level='%u'", cache->level);
        if (cache->associativity)
            virBufferAsprintf(&attrBuf, " associativity='%s'",
                              virNumaCacheAssociativityTypeToString(
                                  cache->associativity));
        if (cache->policy)
            virBufferAsprintf(&attrBuf, " policy='%s'",
                              virNumaCachePolicyTypeToString(cache->policy));
        virBufferAsprintf(&childBuf, "<size value='%llu' unit='KiB'/>\n",
                          cache->size);
        if (cache->line)
            virBufferAsprintf(&childBuf, "<line value='%u' unit='B'/>\n",
                              cache->line);
        virXMLFormatElement(buf, "cache", &attrBuf, &childBuf);
    }
}

static void
virDomainNumaFormatInterconnects(virBuffer *buf, const virDomainNumaDef *numa)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < numa->ninterconnects; i++) {
        const virNumaInterconnect *l = &numa->interconnects[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;

        virBufferAsprintf(&attrBuf, " initiator='%u' target='%u'",
                          l->initiator, l->target);
        if (l->cache > 0)
            virBufferAsprintf(&attrBuf, " cache='%u'", l->cache);
        virBufferAsprintf(&attrBuf, " type='%s' value='%llu'",
                          virMemoryLatencyTypeToString(l->accessType),
                          l->value);
        if (l->bandwidth)
            virBufferAddLit(&attrBuf, " unit='KiB'");
        virXMLFormatElement(&childBuf, l->bandwidth ? "bandwidth" : "latency",
                            &attrBuf, NULL);
    }
    virXMLFormatElement(buf, "interconnects", NULL, &childBuf);
}

void
virDomainNumaCellsFormat(virBuffer *buf, const virDomainNumaDef *numa)
{
    size_t i;
    size_t j;

    if (!numa || numa->ncells == 0)
        return;
    virBufferAddLit(buf, "<numa>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < numa->ncells; i++) {
        const virDomainNumaCell *cell = &numa->cells[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
        g_auto(virBuffer) distBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

        virBufferAsprintf(&attrBuf, " id='%zu'", i);
        if (cell->cpumask) {
            g_autofree char *cpus = virBitmapFormat(cell->cpumask);

            virBufferAsprintf(&attrBuf, " cpus='%s'", cpus);
        }
        virBufferAsprintf(&attrBuf, " memory='%llu' unit='KiB'", cell->mem);
        if (cell->memAccess)
            virBufferAsprintf(&attrBuf, " memAccess='%s'",
                              virDomainMemoryAccessTypeToString(
                                  cell->memAccess));
        virDomainTristateBoolAttrFormat(&attrBuf, "discard", cell->discard);

        for (j = 0; cell->distances && j < numa->ncells; j++) {
            if (cell->distances[j])
                virBufferAsprintf(&distBuf, "<sibling id='%zu' value='%u'/>\n",
                                  j, cell->distances[j]);
        }
        virXMLFormatElement(&childBuf, "distances", NULL, &distBuf);
        virDomainNumaCellFormatCaches(&childBuf, cell);
        virXMLFormatElement(buf, "cell", &attrBuf, &childBuf);
    }
    virDomainNumaFormatInterconnects(buf, numa);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</numa>\n");
}

/* ---- <numatune> ---- */

static int
virDomainNumatuneParseMemnodes(xmlNodePtr numatune, virDomainNumaDef *numa)
{
    g_autofree xmlNodePtr *list = NULL;
    size_t n = virXMLChildren(numatune, "memnode", &list);
    size_t i;

    if (n == 0)
        return 0;
    if (numa->memSpecified &&
        numa->memPlacement == VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Per-node binding is not compatible with automatic NUMA placement.");
        return -1;
    }
    if (numa->ncells == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Element 'memnode' is invalid without any guest NUMA cells");
        return -1;
    }

    for (i = 0; i < n; i++) {
        g_autofree char *nodeset = NULL;
        virDomainNumaCell *cell;
        unsigned int id;
        int val;

        if (virXMLPropUInt(list[i], "cellid", 10, VIR_XML_PROP_REQUIRED,
                           &id) < 0)
            return -1;
        if (id >= numa->ncells) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell");
            return -1;
        }
        cell = &numa->cells[id];
        if (cell->nodeset) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Multiple memnode elements with cellid %u", id);
            return -1;
        }
        if (virXMLPropEnumDefault(list[i], "mode",
                                  virDomainNumatuneMemModeTypeFromString,
                                  VIR_XML_PROP_NONE, &val,
                                  VIR_DOMAIN_NUMATUNE_MEM_STRICT) < 0)
            return -1;
        cell->mode = val;
        if (numa->memMode == VIR_DOMAIN_NUMATUNE_MEM_RESTRICTIVE &&
            cell->mode != VIR_DOMAIN_NUMATUNE_MEM_RESTRICTIVE) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'restrictive' mode is required in memnode element when mode is 'restrictive' in memory element");
            return -1;
        }
        if (!(nodeset = virXMLPropString(list[i], "nodeset"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing required nodeset attribute in memnode element");
            return -1;
        }
        if (virBitmapParse(nodeset, &cell->nodeset,
                           VIR_DOMAIN_CPUMASK_LEN) < 0)
            return -1;
        if (virBitmapIsAllClear(cell->nodeset)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid value of 'nodeset': %s", nodeset);
            return -1;
        }
    }
    return 0;
}

/* Settles the <memory> binding: mode defaults to strict, placement
 * follows the nodeset and the vCPU placement. */
static int
virDomainNumatuneSetMemory(virDomainNumaDef *numa, bool placementStatic,
                           int placement, int mode, virBitmap *nodeset)
{
    if (mode == -1 && placement == -1 && !nodeset)
        return 0;
    if (mode == -1)
        mode = VIR_DOMAIN_NUMATUNE_MEM_STRICT;
    if (placement == -1)
        placement = nodeset ? VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC
                            : VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT;
    numa->memMode = mode;
    numa->memNodeset = nodeset;

    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT)
        placement = (nodeset || placementStatic)
                    ? VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC
                    : VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO;
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC && !nodeset) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
        return -1;
    }
    /* Automatic placement picks the nodes itself. */
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO)
        g_clear_pointer(&numa->memNodeset, virBitmapFree);
    numa->memPlacement = placement;
    numa->memSpecified = true;
    return 0;
}

/* The cells may only name vCPUs that exist. */
static int
virDomainNumaCheckVcpus(const virDomainNumaDef *numa, size_t maxvcpus)
{
    size_t count = 0;
    ssize_t maxid = 0; /* even without cells, as upstream: no vCPU fails */
    size_t i;

    for (i = 0; i < numa->ncells; i++) {
        count += virBitmapCountBits(numa->cells[i].cpumask);
        maxid = MAX(maxid, virBitmapLastSetBit(numa->cells[i].cpumask));
    }
    if (count > maxvcpus) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Number of CPUs in <numa> exceeds the <vcpu> count");
        return -1;
    }
    if ((size_t)maxid >= maxvcpus) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "CPU IDs in <numa> exceed the <vcpu> count");
        return -1;
    }
    return 0;
}

int
virDomainNumatuneParse(xmlNodePtr root, virDomainDef *def,
                       unsigned int flags G_GNUC_UNUSED)
{
    virDomainNumaDef *numa = def->numa;
    virDomainVcpuSection *vcpu = def->vcpu;
    bool placementStatic =
        vcpu->placement_mode == VIR_DOMAIN_CPU_PLACEMENT_MODE_STATIC;
    g_autoptr(virBitmap) nodeset = NULL;
    xmlNodePtr numatune;
    xmlNodePtr node = NULL;
    int placement = -1;
    int mode = -1;

    if (virXMLChildCount(root, "numatune") > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one numatune is supported");
        return -1;
    }
    if ((numatune = virXMLChild(root, "numatune")))
        node = virXMLChild(numatune, "memory");

    if (!placementStatic && !node)
        placement = VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO;

    if (node) {
        g_autofree char *modestr = virXMLPropString(node, "mode");
        g_autofree char *placestr = virXMLPropString(node, "placement");
        g_autofree char *setstr = virXMLPropString(node, "nodeset");

        if (modestr &&
            (mode = virDomainNumatuneMemModeTypeFromString(modestr)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported NUMA memory tuning mode '%s'",
                           modestr);
            return -1;
        }
        if (placestr &&
            (placement = virDomainNumatunePlacementTypeFromString(placestr)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported NUMA memory placement mode '%s'",
                           placestr);
            return -1;
        }
        if (setstr) {
            if (virBitmapParse(setstr, &nodeset, VIR_DOMAIN_CPUMASK_LEN) < 0)
                return -1;
            if (virBitmapIsAllClear(nodeset)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Invalid value of 'nodeset': %s", setstr);
                return -1;
            }
        }
    }

    if (virDomainNumatuneSetMemory(numa, placementStatic, placement, mode,
                                   g_steal_pointer(&nodeset)) < 0)
        return -1;
    if (numatune && virDomainNumatuneParseMemnodes(numatune, numa) < 0)
        return -1;

    if (virDomainNumaCheckVcpus(numa, vcpu->maxvcpus) < 0)
        return -1;

    /* Memory placed automatically takes the vCPUs along unless they are
     * pinned. */
    if (numa->memSpecified &&
        numa->memPlacement == VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO &&
        !virDomainDefHasPinning(def))
        vcpu->placement_mode = VIR_DOMAIN_CPU_PLACEMENT_MODE_AUTO;
    return 0;
}

int
virDomainDefNumatuneParseXML(xmlNodePtr root G_GNUC_UNUSED,
                             virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    /* Both parts are read by others: the cells by the <cpu> parser, the
     * binding by the vCPU section (virDomainNumatuneParse). */
    return 0;
}

/* ---- Checks ---- */

static int
virDomainNumaValidate(const virDomainNumaDef *numa)
{
    size_t i;
    size_t j;

    for (i = 0; i < numa->ncells; i++) {
        const virDomainNumaCell *cell = &numa->cells[i];
        unsigned int seen = 0;

        for (j = 0; j < cell->ncaches; j++) {
            unsigned int level = cell->caches[j].level;

            if (level > 3) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "Ain't nobody heard of that much cache level");
                return -1;
            }
            if (seen & (1U << level)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Cache level '%u' already defined", level);
                return -1;
            }
            seen |= 1U << level;
        }
    }

    for (i = 0; i < numa->ninterconnects; i++) {
        const virNumaInterconnect *l = &numa->interconnects[i];

        if (l->initiator >= numa->ncells) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'initiator' refers to a non-existent NUMA node");
            return -1;
        }
        if (l->target >= numa->ncells) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'target' refers to a non-existent NUMA node");
            return -1;
        }
        if (!numa->cells[l->initiator].cpumask) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "NUMA nodes without CPUs can't be initiator");
            return -1;
        }
        if (l->cache > 0) {
            const virDomainNumaCell *target = &numa->cells[l->target];

            for (j = 0; j < target->ncaches; j++) {
                if (target->caches[j].level == l->cache)
                    break;
            }
            if (j == target->ncaches) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "'cache' refers to a non-existent NUMA node cache");
                return -1;
            }
        }
        for (j = 0; j < i; j++) {
            const virNumaInterconnect *ll = &numa->interconnects[j];

            if (l->bandwidth == ll->bandwidth &&
                l->initiator == ll->initiator && l->target == ll->target &&
                l->cache == ll->cache && l->accessType == ll->accessType) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "Duplicate info for NUMA latencies");
                return -1;
            }
            if (l->initiator != l->target && l->initiator == ll->target &&
                l->target == ll->initiator) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "Link already defined");
                return -1;
            }
        }
    }
    return 0;
}

int
virDomainDefNumatunePostParse(virDomainDef *def,
                              unsigned int flags G_GNUC_UNUSED)
{
    return virDomainNumaValidate(def->numa);
}

int
virDomainDefNumatuneFormat(virBuffer *buf, const virDomainDef *def,
                           unsigned int flags G_GNUC_UNUSED)
{
    const virDomainNumaDef *numa = def->numa;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (numa->memSpecified) {
        virBufferAsprintf(&childBuf, "<memory mode='%s'",
                          virDomainNumatuneMemModeTypeToString(numa->memMode));
        if (numa->memPlacement == VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC) {
            g_autofree char *nodeset = virBitmapFormat(numa->memNodeset);

            virBufferAsprintf(&childBuf, " nodeset='%s'", nodeset);
        } else if (numa->memPlacement) {
            virBufferAsprintf(&childBuf, " placement='%s'",
                              virDomainNumatunePlacementTypeToString(
                                  numa->memPlacement));
        }
        virBufferAddLit(&childBuf, "/>\n");
    }
    for (i = 0; i < numa->ncells; i++) {
        g_autofree char *nodeset = NULL;

        if (!numa->cells[i].nodeset)
            continue;
        nodeset = virBitmapFormat(numa->cells[i].nodeset);
        virBufferAsprintf(&childBuf,
                          "<memnode cellid='%zu' mode='%s' nodeset='%s'/>\n",
                          i,
                          virDomainNumatuneMemModeTypeToString(
                              numa->cells[i].mode),
                          nodeset);
    }
    virXMLFormatElement(buf, "numatune", NULL, &childBuf);
    return 0;
}
