/*
 * domain_resctrl.c: <cachetune> and <memorytune> under <cputune>.  Each
 * distinct set of vCPUs forms one group; a <memorytune> with exactly the
 * vCPUs of a <cachetune> joins its group, any other overlap is an error.
 * Groups are formatted as all their cache parts first, then all their
 * memory bandwidth parts, as upstream does.
 */
#include "domain_resctrl.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* The only cache level monitors exist for. */
#define VIR_RESCTRL_MONITOR_CACHE_LEVEL 3

VIR_ENUM_IMPL(virCache, VIR_CACHE_TYPE_LAST, "both", "code", "data");

void
virDomainResctrlDefFree(virDomainResctrlDef *resctrl)
{
    size_t i;

    if (!resctrl)
        return;
    virBitmapFree(resctrl->vcpus);
    g_free(resctrl->id);
    g_free(resctrl->caches);
    g_free(resctrl->membw);
    for (i = 0; i < resctrl->nmonitors; i++)
        virBitmapFree(resctrl->monitors[i].vcpus);
    g_free(resctrl->monitors);
    g_free(resctrl);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainResctrlDef, virDomainResctrlDefFree);

/* The vcpus attribute, limited to the vCPUs that exist. */
static virBitmap *
virDomainResctrlParseVcpus(xmlNodePtr node, const virDomainVcpuSection *part)
{
    g_autofree char *str = virXMLPropString(node, "vcpus");
    g_autoptr(virBitmap) map = NULL;
    g_autoptr(virBitmap) shrunk = NULL;
    ssize_t bit = -1;

    if (!str) {
        virReportError(VIR_ERR_XML_ERROR, "Missing %s attribute 'vcpus'",
                       (const char *)node->name);
        return NULL;
    }
    if (virBitmapParse(str, &map, VIR_DOMAIN_CPUMASK_LEN) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid %s attribute 'vcpus' value '%s'",
                       (const char *)node->name, str);
        return NULL;
    }
    shrunk = virBitmapNew(part->maxvcpus);
    while ((bit = virBitmapNextSetBit(map, bit)) >= 0 &&
           (size_t)bit < part->maxvcpus)
        virBitmapSetBit(shrunk, bit);
    return g_steal_pointer(&shrunk);
}

/* The group with exactly these vCPUs (NULL if none); partial overlaps
 * are errors. */
static int
virDomainResctrlFind(const virDomainVcpuSection *part, const virBitmap *vcpus,
                     virDomainResctrlDef **found)
{
    size_t i;

    *found = NULL;
    for (i = 0; i < part->nresctrls; i++) {
        if (virBitmapEqual(part->resctrls[i]->vcpus, vcpus)) {
            *found = part->resctrls[i];
            return 0;
        }
        if (virBitmapOverlaps(part->resctrls[i]->vcpus, vcpus)) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Overlapping vcpus in resctrls");
            return -1;
        }
    }
    return 0;
}

static virDomainResctrlDef *
virDomainResctrlNew(xmlNodePtr node, virBitmap *vcpus, unsigned int flags)
{
    virDomainResctrlDef *resctrl = g_new0(virDomainResctrlDef, 1);

    if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
        resctrl->id = virXMLPropString(node, "id");
    else
        g_free(virXMLPropString(node, "id"));
    if (!resctrl->id) {
        g_autofree char *set = virBitmapFormat(vcpus);

        resctrl->id = g_strdup_printf("vcpus_%s", set);
    }
    resctrl->vcpus = vcpus;
    return resctrl;
}

static bool
virDomainResctrlCacheCollides(const virDomainResctrlDef *resctrl,
                              unsigned int level, virCacheType type,
                              unsigned int id)
{
    size_t i;

    for (i = 0; i < resctrl->ncaches; i++) {
        const virDomainResctrlCache *c = &resctrl->caches[i];

        if (c->level != level || c->id != id)
            continue;
        /* 'both' excludes the other types of the same cache. */
        if (c->type == type || c->type == VIR_CACHE_TYPE_BOTH ||
            type == VIR_CACHE_TYPE_BOTH)
            return true;
    }
    return false;
}

static int
virDomainResctrlCacheCompare(const void *a, const void *b)
{
    const virDomainResctrlCache *x = a;
    const virDomainResctrlCache *y = b;

    if (x->level != y->level)
        return x->level < y->level ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return 0;
}

static int
virDomainResctrlParseCache(xmlNodePtr node, virDomainResctrlDef *resctrl)
{
    virDomainResctrlCache cache = { 0 };
    int val;

    if (virXMLPropUInt(node, "id", 10, VIR_XML_PROP_REQUIRED, &cache.id) < 0 ||
        virXMLPropUInt(node, "level", 10, VIR_XML_PROP_REQUIRED,
                       &cache.level) < 0 ||
        virXMLPropEnum(node, "type", virCacheTypeFromString,
                       VIR_XML_PROP_REQUIRED, &val) < 0)
        return -1;
    cache.type = val;
    if (virXMLParseScaledValue(node, "size", "unit", 1024, G_MAXUINT64, true,
                               &cache.size) < 0)
        return -1;
    if (virDomainResctrlCacheCollides(resctrl, cache.level, cache.type,
                                      cache.id)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Colliding cache allocations for cache level '%u' id '%u', type '%s'",
                       cache.level, cache.id,
                       virCacheTypeToString(cache.type));
        return -1;
    }
    resctrl->caches = g_renew(virDomainResctrlCache, resctrl->caches,
                              resctrl->ncaches + 1);
    resctrl->caches[resctrl->ncaches++] = cache;
    qsort(resctrl->caches, resctrl->ncaches, sizeof(*resctrl->caches),
          virDomainResctrlCacheCompare);
    return 0;
}

/* Monitors must lie within their group and not clash with each other. */
static int
virDomainResctrlCheckMonitor(const virDomainResctrlDef *resctrl,
                             const virDomainResctrlMonitor *monitor)
{
    bool emptyAlloc = resctrl->ncaches == 0 && resctrl->nmembw == 0;
    bool equalToGroup;
    bool overlapAny = false;
    bool overlapOther = false;
    ssize_t bit = -1;
    size_t i;

    if (virBitmapIsAllClear(monitor->vcpus)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "vcpus is empty");
        return -1;
    }
    while ((bit = virBitmapNextSetBit(monitor->vcpus, bit)) >= 0) {
        if (!virBitmapIsBitSet(resctrl->vcpus, bit)) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Monitor vcpus conflicts with allocation");
            return -1;
        }
    }
    equalToGroup = virBitmapEqual(monitor->vcpus, resctrl->vcpus);

    for (i = 0; i < resctrl->nmonitors; i++) {
        const virDomainResctrlMonitor *other = &resctrl->monitors[i];

        if (virBitmapEqual(monitor->vcpus, other->vcpus)) {
            if (monitor->membw != other->membw)
                continue;
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Identical vcpus found in same type monitors");
            return -1;
        }
        if (virBitmapOverlaps(monitor->vcpus, other->vcpus))
            overlapAny = true;
        if (equalToGroup || virBitmapEqual(other->vcpus, resctrl->vcpus))
            continue;
        if (virBitmapOverlaps(monitor->vcpus, other->vcpus))
            overlapOther = true;
    }
    if (overlapOther || (emptyAlloc && overlapAny)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "vcpus overlaps in resctrl groups");
        return -1;
    }
    return 0;
}

static int
virDomainResctrlParseMonitors(xmlNodePtr node, const virDomainVcpuSection *part,
                              virDomainResctrlDef *resctrl, bool membw,
                              size_t *added)
{
    g_autofree xmlNodePtr *list = NULL;
    size_t n = virXMLChildren(node, "monitor", &list);
    size_t i;

    *added = 0;
    for (i = 0; i < n; i++) {
        virDomainResctrlMonitor monitor = { .membw = membw };

        if (!membw) {
            unsigned int level;

            if (virXMLPropUInt(list[i], "level", 10, VIR_XML_PROP_REQUIRED,
                               &level) < 0)
                return -1;
            if (level != VIR_RESCTRL_MONITOR_CACHE_LEVEL) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Invalid monitor cache level '%d'", level);
                return -1;
            }
        }
        if (!(monitor.vcpus = virDomainResctrlParseVcpus(list[i], part)))
            return -1;
        if (virDomainResctrlCheckMonitor(resctrl, &monitor) < 0) {
            virBitmapFree(monitor.vcpus);
            return -1;
        }
        resctrl->monitors = g_renew(virDomainResctrlMonitor,
                                    resctrl->monitors, resctrl->nmonitors + 1);
        resctrl->monitors[resctrl->nmonitors++] = monitor;
        (*added)++;
    }
    return 0;
}

static void
virDomainResctrlAppend(virDomainVcpuSection *part, virDomainResctrlDef *resctrl)
{
    part->resctrls = g_renew(virDomainResctrlDef *, part->resctrls,
                             part->nresctrls + 1);
    part->resctrls[part->nresctrls++] = resctrl;
}

int
virDomainCachetuneParseXML(xmlNodePtr node, virDomainVcpuSection *part,
                           unsigned int flags)
{
    g_autoptr(virBitmap) vcpus = NULL;
    g_autoptr(virDomainResctrlDef) resctrl = NULL;
    g_autofree xmlNodePtr *list = NULL;
    virDomainResctrlDef *existing;
    size_t nmonitors;
    size_t n;
    size_t i;

    if (!(vcpus = virDomainResctrlParseVcpus(node, part)))
        return -1;
    /* A group of no existing vCPU is dropped. */
    if (virBitmapIsAllClear(vcpus)) {
        virXMLNodeMarkSubtree(node);
        return 0;
    }
    n = virXMLChildren(node, "cache", &list);
    if (virDomainResctrlFind(part, vcpus, &existing) < 0)
        return -1;
    if (existing) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Identical vcpus in cachetunes found");
        return -1;
    }

    resctrl = virDomainResctrlNew(node, g_steal_pointer(&vcpus), flags);
    for (i = 0; i < n; i++) {
        if (virDomainResctrlParseCache(list[i], resctrl) < 0)
            return -1;
    }
    if (virDomainResctrlParseMonitors(node, part, resctrl, false,
                                      &nmonitors) < 0)
        return -1;
    if (nmonitors == 0 && n == 0)
        return 0;
    virDomainResctrlAppend(part, g_steal_pointer(&resctrl));
    return 0;
}

int
virDomainMemorytuneParseXML(xmlNodePtr node, virDomainVcpuSection *part,
                            unsigned int flags)
{
    g_autoptr(virBitmap) vcpus = NULL;
    g_autoptr(virDomainResctrlDef) created = NULL;
    g_autofree xmlNodePtr *list = NULL;
    virDomainResctrlDef *resctrl;
    size_t nmonitors;
    size_t n;
    size_t i;
    size_t j;

    if (!(vcpus = virDomainResctrlParseVcpus(node, part)))
        return -1;
    if (virBitmapIsAllClear(vcpus)) {
        virXMLNodeMarkSubtree(node);
        return 0;
    }
    n = virXMLChildren(node, "node", &list);
    if (virDomainResctrlFind(part, vcpus, &resctrl) < 0)
        return -1;
    if (!resctrl) {
        created = virDomainResctrlNew(node, g_steal_pointer(&vcpus), flags);
        resctrl = created;
    }

    for (i = 0; i < n; i++) {
        virDomainResctrlMemBW bw;

        if (virXMLPropUInt(list[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &bw.id) < 0 ||
            virXMLPropUInt(list[i], "bandwidth", 10, VIR_XML_PROP_REQUIRED,
                           &bw.bandwidth) < 0)
            return -1;
        if (bw.bandwidth > 100) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Memory Bandwidth value exceeding 100 is invalid.");
            return -1;
        }
        for (j = 0; j < resctrl->nmembw && resctrl->membw[j].id < bw.id; j++)
            ;
        if (j < resctrl->nmembw && resctrl->membw[j].id == bw.id) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Memory Bandwidth already defined for node %u",
                           bw.id);
            return -1;
        }
        /* Kept sorted by node id. */
        resctrl->membw = g_renew(virDomainResctrlMemBW, resctrl->membw,
                                 resctrl->nmembw + 1);
        memmove(resctrl->membw + j + 1, resctrl->membw + j,
                (resctrl->nmembw - j) * sizeof(*resctrl->membw));
        resctrl->membw[j] = bw;
        resctrl->nmembw++;
    }

    if (virDomainResctrlParseMonitors(node, part, resctrl, true,
                                      &nmonitors) < 0)
        return -1;
    if (created && (nmonitors || n))
        virDomainResctrlAppend(part, g_steal_pointer(&created));
    return 0;
}

/* ---- Formatting ---- */

/* The largest binary unit that divides the byte count evenly. */
static unsigned long long
virDomainResctrlPrettySize(unsigned long long bytes, const char **unit)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB",
                                         "PiB" };
    size_t i = 0;

    if (bytes == 0) {
        *unit = "B";
        return 0;
    }
    while (i + 1 < G_N_ELEMENTS(units) && bytes % 1024 == 0) {
        bytes /= 1024;
        i++;
    }
    *unit = units[i];
    return bytes;
}

static void
virDomainResctrlFormatMonitors(virBuffer *buf, const virDomainResctrlDef *resctrl,
                               bool membw)
{
    size_t i;

    for (i = 0; i < resctrl->nmonitors; i++) {
        g_autofree char *vcpus = NULL;

        if (resctrl->monitors[i].membw != membw)
            continue;
        vcpus = virBitmapFormat(resctrl->monitors[i].vcpus);
        virBufferAddLit(buf, "<monitor ");
        if (!membw)
            virBufferAsprintf(buf, "level='%u' ",
                              VIR_RESCTRL_MONITOR_CACHE_LEVEL);
        virBufferAsprintf(buf, "vcpus='%s'/>\n", vcpus);
    }
}

static void
virDomainResctrlFormatOne(virBuffer *buf, const virDomainResctrlDef *resctrl,
                          bool membw, unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_autofree char *vcpus = NULL;
    size_t i;

    if (!membw) {
        for (i = 0; i < resctrl->ncaches; i++) {
            const virDomainResctrlCache *c = &resctrl->caches[i];
            const char *unit;
            unsigned long long size = virDomainResctrlPrettySize(c->size,
                                                                 &unit);

            virBufferAsprintf(&childBuf,
                              "<cache id='%u' level='%u' type='%s' size='%llu' unit='%s'/>\n",
                              c->id, c->level, virCacheTypeToString(c->type),
                              size, unit);
        }
    } else {
        for (i = 0; i < resctrl->nmembw; i++)
            virBufferAsprintf(&childBuf, "<node id='%u' bandwidth='%u'/>\n",
                              resctrl->membw[i].id,
                              resctrl->membw[i].bandwidth);
    }
    virDomainResctrlFormatMonitors(&childBuf, resctrl, membw);
    if (!virBufferUse(&childBuf))
        return;

    vcpus = virBitmapFormat(resctrl->vcpus);
    virBufferAsprintf(&attrBuf, " vcpus='%s'", vcpus);
    if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
        virBufferEscapeString(&attrBuf, " id='%s'", resctrl->id);
    virXMLFormatElement(buf, membw ? "memorytune" : "cachetune", &attrBuf,
                        &childBuf);
}

void
virDomainResctrlFormat(virBuffer *buf, const virDomainVcpuSection *part,
                       unsigned int flags)
{
    size_t i;

    for (i = 0; i < part->nresctrls; i++)
        virDomainResctrlFormatOne(buf, part->resctrls[i], false, flags);
    for (i = 0; i < part->nresctrls; i++)
        virDomainResctrlFormatOne(buf, part->resctrls[i], true, flags);
}
