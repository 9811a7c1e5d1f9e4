/*
 * domain_vcpu.c: <vcpu>, <vcpus>, <iothreads>, <iothreadids>,
 * <defaultiothread> and <cputune>.  vCPUs are kept one struct each so that
 * pinning and scheduling can hang off them; I/O threads listed only by
 * count are numbered from 1, skipping the ids given explicitly.  The
 * section's parser also runs the <numatune> parser, which depends on the
 * vCPU placement.
 */
#include "domain_vcpu.h"
#include "device_info.h"
#include "domain_numa.h"
#include "domain_resctrl.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainCpuPlacementMode, VIR_DOMAIN_CPU_PLACEMENT_MODE_LAST,
              "static", "auto");

VIR_ENUM_IMPL(virProcessSchedPolicy, VIR_PROC_POLICY_LAST,
              "none", "batch", "idle", "fifo", "rr");

/* The cgroup bounds the values of <cputune> are checked against. */
#define VIR_CPUTUNE_SHARES_MIN 2ULL
#define VIR_CPUTUNE_SHARES_MAX 262144ULL
#define VIR_CPUTUNE_PERIOD_MIN 1000ULL
#define VIR_CPUTUNE_PERIOD_MAX 1000000ULL
#define VIR_CPUTUNE_QUOTA_MIN 1000LL
#define VIR_CPUTUNE_QUOTA_MAX 17592186044415LL

virDomainVcpuSection *
virDomainVcpuNew(void)
{
    virDomainVcpuSection *part = g_new0(virDomainVcpuSection, 1);

    part->default_pool_min = -1;
    part->default_pool_max = -1;
    return part;
}

static void
virDomainVcpuDefFree(virDomainVcpuDef *vcpu)
{
    if (!vcpu)
        return;
    virBitmapFree(vcpu->cpumask);
    g_free(vcpu);
}

static void
virDomainIOThreadIDDefFree(virDomainIOThreadIDDef *iothread)
{
    if (!iothread)
        return;
    virBitmapFree(iothread->cpumask);
    g_free(iothread);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainIOThreadIDDef,
                              virDomainIOThreadIDDefFree);

static virDomainIOThreadIDDef *
virDomainIOThreadIDDefNew(void)
{
    virDomainIOThreadIDDef *iothread = g_new0(virDomainIOThreadIDDef, 1);

    iothread->thread_pool_min = -1;
    iothread->thread_pool_max = -1;
    return iothread;
}

void
virDomainVcpuFree(virDomainVcpuSection *part)
{
    size_t i;

    if (!part)
        return;
    virBitmapFree(part->cpumask);
    for (i = 0; i < part->maxvcpus; i++)
        virDomainVcpuDefFree(part->vcpus[i]);
    g_free(part->vcpus);
    for (i = 0; i < part->niothreadids; i++)
        virDomainIOThreadIDDefFree(part->iothreadids[i]);
    g_free(part->iothreadids);
    virBitmapFree(part->emulatorpin);
    g_free(part->emulatorsched);
    for (i = 0; i < part->nresctrls; i++)
        virDomainResctrlDefFree(part->resctrls[i]);
    g_free(part->resctrls);
    g_free(part);
}

size_t
virDomainDefGetVcpusMax(const virDomainDef *def)
{
    return def->vcpu->maxvcpus;
}

size_t
virDomainDefGetVcpus(const virDomainDef *def)
{
    size_t i;
    size_t n = 0;

    for (i = 0; i < def->vcpu->maxvcpus; i++) {
        if (def->vcpu->vcpus[i]->online)
            n++;
    }
    return n;
}

virDomainVcpuDef *
virDomainDefGetVcpu(const virDomainDef *def, size_t i)
{
    if (i >= def->vcpu->maxvcpus)
        return NULL;
    return def->vcpu->vcpus[i];
}

bool
virDomainDefHasPinning(const virDomainDef *def)
{
    const virDomainVcpuSection *part = def->vcpu;
    size_t i;

    if (part->cpumask || part->emulatorpin)
        return true;
    for (i = 0; i < part->maxvcpus; i++) {
        if (part->vcpus[i]->cpumask)
            return true;
    }
    for (i = 0; i < part->niothreadids; i++) {
        if (part->iothreadids[i]->cpumask)
            return true;
    }
    return false;
}

static virDomainIOThreadIDDef *
virDomainIOThreadIDFind(const virDomainVcpuSection *part, unsigned int id)
{
    size_t i;

    for (i = 0; i < part->niothreadids; i++) {
        if (part->iothreadids[i]->iothread_id == id)
            return part->iothreadids[i];
    }
    return NULL;
}

virDomainIOThreadIDDef *
virDomainDefIOThreadFind(const virDomainDef *def, unsigned int id)
{
    return virDomainIOThreadIDFind(def->vcpu, id);
}

virDomainIOThreadIDDef *
virDomainDefIOThreadAdd(virDomainDef *def, unsigned int id)
{
    virDomainVcpuSection *part = def->vcpu;
    virDomainIOThreadIDDef *iothread = virDomainIOThreadIDDefNew();

    iothread->iothread_id = id;
    part->iothreadids = g_renew(virDomainIOThreadIDDef *, part->iothreadids,
                                part->niothreadids + 1);
    part->iothreadids[part->niothreadids++] = iothread;
    return iothread;
}

void
virDomainDefIOThreadDel(virDomainDef *def, unsigned int id)
{
    virDomainVcpuSection *part = def->vcpu;
    size_t i;

    for (i = 0; i < part->niothreadids; i++) {
        if (part->iothreadids[i]->iothread_id != id)
            continue;
        virDomainIOThreadIDDefFree(part->iothreadids[i]);
        memmove(part->iothreadids + i, part->iothreadids + i + 1,
                sizeof(*part->iothreadids) * (part->niothreadids - i - 1));
        part->niothreadids--;
        return;
    }
}

/* ---- Parsing ---- */

/* Parses a cpuset-like attribute value that must name something. */
static virBitmap *
virDomainVcpuParseCpuset(const char *str, const char *attr)
{
    g_autoptr(virBitmap) map = NULL;

    if (virBitmapParse(str, &map, VIR_DOMAIN_CPUMASK_LEN) < 0)
        return NULL;
    if (virBitmapIsAllClear(map)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid value of '%s': %s", attr, str);
        return NULL;
    }
    return g_steal_pointer(&map);
}

static int
virDomainVcpuParseCount(xmlNodePtr root, virDomainVcpuSection *part)
{
    xmlNodePtr node = virXMLChild(root, "vcpu");
    g_autofree xmlNodePtr *list = NULL;
    unsigned int maxvcpus = 1;
    unsigned int current = 1;
    size_t n;
    size_t i;

    if (node) {
        g_autofree char *content = virXMLNodeContent(node);
        g_autofree char *cpuset = NULL;
        int rc;
        int val;

        if (virStrToLong_ui(content, NULL, 10, &maxvcpus) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "maximum vcpus count must be an integer");
            return -1;
        }
        if (maxvcpus > VIR_DOMAIN_VCPUS_MAX) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "maximum vcpus count %u is more than %d",
                           maxvcpus, VIR_DOMAIN_VCPUS_MAX);
            return -1;
        }
        if ((rc = virXMLPropUInt(node, "current", 10, VIR_XML_PROP_NONE,
                                 &current)) < 0)
            return -1;
        if (rc == 0)
            current = maxvcpus;
        if (virXMLPropEnumDefault(node, "placement",
                                  virDomainCpuPlacementModeTypeFromString,
                                  VIR_XML_PROP_NONE, &val,
                                  VIR_DOMAIN_CPU_PLACEMENT_MODE_STATIC) < 0)
            return -1;
        part->placement_mode = val;
        /* With automatic placement the cpuset is ignored. */
        cpuset = virXMLPropString(node, "cpuset");
        if (cpuset && part->placement_mode != VIR_DOMAIN_CPU_PLACEMENT_MODE_AUTO &&
            !(part->cpumask = virDomainVcpuParseCpuset(cpuset, "cpuset")))
            return -1;
    }

    part->vcpus = g_new0(virDomainVcpuDef *, MAX(maxvcpus, 1));
    for (i = 0; i < maxvcpus; i++)
        part->vcpus[i] = g_new0(virDomainVcpuDef, 1);
    part->maxvcpus = maxvcpus;

    node = virXMLChild(root, "vcpus");
    n = node ? virXMLChildren(node, "vcpu", &list) : 0;
    if (n == 0) {
        if (current > maxvcpus) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "maximum vCPU count must not be less than current vCPU count");
            return -1;
        }
        for (i = 0; i < maxvcpus; i++)
            part->vcpus[i]->online = i < current;
        return 0;
    }

    /* The per-vCPU states, when given, win over the count. */
    part->individualvcpus = true;
    for (i = 0; i < n; i++) {
        virDomainVcpuDef *vcpu;
        virTristateBool state;
        unsigned int id;

        if (virXMLPropUInt(list[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &id) < 0)
            return -1;
        if (id >= maxvcpus) {
            virReportError(VIR_ERR_XML_ERROR,
                           "vcpu id '%u' is out of range of maximum vcpu count",
                           id);
            return -1;
        }
        vcpu = part->vcpus[id];
        if (virXMLPropTristateBool(list[i], "enabled", VIR_XML_PROP_REQUIRED,
                                   &state) < 0)
            return -1;
        vcpu->online = state == VIR_TRISTATE_BOOL_YES;
        if (virXMLPropTristateBool(list[i], "hotpluggable", VIR_XML_PROP_NONE,
                                   &vcpu->hotpluggable) < 0 ||
            virXMLPropUInt(list[i], "order", 10, VIR_XML_PROP_NONE,
                           &vcpu->order) < 0)
            return -1;
    }
    return 0;
}

static int
virDomainIOThreadPoolParse(xmlNodePtr node, int *min, int *max)
{
    if (virXMLPropInt(node, "thread_pool_min", 10, VIR_XML_PROP_NONNEGATIVE,
                      min) < 0 ||
        virXMLPropInt(node, "thread_pool_max", 10, VIR_XML_PROP_NONNEGATIVE,
                      max) < 0)
        return -1;
    return 0;
}

static int
virDomainVcpuParseIOThreads(xmlNodePtr root, virDomainVcpuSection *part)
{
    g_autofree char *count = virConfXMLChildNonEmpty(root, "iothreads");
    g_autofree xmlNodePtr *list = NULL;
    g_autoptr(virBitmap) free_ids = NULL;
    xmlNodePtr node;
    unsigned int iothreads = 0;
    ssize_t next = 0;
    size_t n = 0;
    size_t i;

    if (count && virStrToLong_uip(count, NULL, 10, &iothreads) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "invalid iothreads count '%s'",
                       count);
        return -1;
    }
    if (iothreads > VIR_DOMAIN_VCPUS_MAX) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "iothreads count %u is more than %d",
                       iothreads, VIR_DOMAIN_VCPUS_MAX);
        return -1;
    }

    if ((node = virXMLChild(root, "defaultiothread"))) {
        if (virDomainIOThreadPoolParse(node, &part->default_pool_min,
                                       &part->default_pool_max) < 0)
            return -1;
        part->hasDefaultIOThread = part->default_pool_min >= 0 ||
                                   part->default_pool_max >= 0;
    }

    if ((node = virXMLChild(root, "iothreadids")))
        n = virXMLChildren(node, "iothread", &list);
    iothreads = MAX(iothreads, n);
    part->iothreadids = g_new0(virDomainIOThreadIDDef *, MAX(iothreads, 1));

    for (i = 0; i < n; i++) {
        g_autoptr(virDomainIOThreadIDDef) iothread = virDomainIOThreadIDDefNew();

        if (virXMLPropUInt(list[i], "id", 10,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &iothread->iothread_id) < 0 ||
            virDomainIOThreadPoolParse(list[i], &iothread->thread_pool_min,
                                       &iothread->thread_pool_max) < 0)
            return -1;
        if (virDomainIOThreadIDFind(part, iothread->iothread_id)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "duplicate iothread id '%u' found",
                           iothread->iothread_id);
            return -1;
        }
        part->iothreadids[part->niothreadids++] = g_steal_pointer(&iothread);
    }

    if (part->niothreadids == iothreads)
        return 0;

    /* Number the remaining threads with the lowest ids not taken. */
    free_ids = virBitmapNew(iothreads + 1);
    virBitmapSetAll(free_ids);
    virBitmapClearBit(free_ids, 0);
    for (i = 0; i < part->niothreadids; i++)
        virBitmapClearBit(free_ids, part->iothreadids[i]->iothread_id);
    while (part->niothreadids < iothreads) {
        virDomainIOThreadIDDef *iothread;

        if ((next = virBitmapNextSetBit(free_ids, next)) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "failed to populate iothreadids");
            return -1;
        }
        iothread = virDomainIOThreadIDDefNew();
        iothread->iothread_id = next;
        iothread->autofill = true;
        part->iothreadids[part->niothreadids++] = iothread;
    }
    return 0;
}

/* Reads <name> under cputune as an unsigned or signed number. */
static int
virDomainCputuneParseULL(xmlNodePtr cputune, const char *name,
                         const char *what, unsigned long long *result,
                         bool *found)
{
    g_autofree char *str = virConfXMLChildNonEmpty(cputune, name);

    if (found)
        *found = str != NULL;
    if (str && virStrToLong_ull(str, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "can't parse cputune %s value",
                       what);
        return -1;
    }
    return 0;
}

static int
virDomainCputuneParseLL(xmlNodePtr cputune, const char *name,
                        const char *what, long long *result)
{
    g_autofree char *str = virConfXMLChildNonEmpty(cputune, name);

    if (str && virStrToLong_ll(str, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "can't parse cputune %s value",
                       what);
        return -1;
    }
    return 0;
}

static int
virDomainCputuneParseBandwidth(xmlNodePtr node, virDomainVcpuSection *part)
{
    if (virDomainCputuneParseULL(node, "shares", "shares", &part->shares,
                                 &part->sharesSpecified) < 0 ||
        virDomainCputuneParseULL(node, "period", "period", &part->period,
                                 NULL) < 0 ||
        virDomainCputuneParseLL(node, "quota", "quota", &part->quota) < 0 ||
        virDomainCputuneParseULL(node, "global_period", "global period",
                                 &part->global_period, NULL) < 0 ||
        virDomainCputuneParseLL(node, "global_quota", "global quota",
                                &part->global_quota) < 0 ||
        virDomainCputuneParseULL(node, "emulator_period", "emulator period",
                                 &part->emulator_period, NULL) < 0 ||
        virDomainCputuneParseLL(node, "emulator_quota", "emulator quota",
                                &part->emulator_quota) < 0 ||
        virDomainCputuneParseULL(node, "iothread_period", "iothread period",
                                 &part->iothread_period, NULL) < 0 ||
        virDomainCputuneParseLL(node, "iothread_quota", "iothread quota",
                                &part->iothread_quota) < 0)
        return -1;
    return 0;
}

static int
virDomainCputuneParseVcpuPin(xmlNodePtr node, virDomainVcpuSection *part)
{
    g_autofree char *cpuset = NULL;
    virDomainVcpuDef *vcpu;
    unsigned int id;

    if (virXMLPropUInt(node, "vcpu", 10, VIR_XML_PROP_REQUIRED, &id) < 0)
        return -1;
    cpuset = virXMLPropString(node, "cpuset");
    /* A pin for a vCPU that does not exist is ignored. */
    if (id >= part->maxvcpus)
        return 0;
    vcpu = part->vcpus[id];
    if (!cpuset) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing cpuset for vcpupin");
        return -1;
    }
    if (vcpu->cpumask) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "duplicate vcpupin for vcpu '%d'", id);
        return -1;
    }
    if (!(vcpu->cpumask = virDomainVcpuParseCpuset(cpuset, "cpuset")))
        return -1;
    return 0;
}

static int
virDomainCputuneParseIOThreadPin(xmlNodePtr node, virDomainVcpuSection *part)
{
    g_autofree char *cpuset = NULL;
    virDomainIOThreadIDDef *iothread;
    virBitmap *map;
    unsigned int id;

    if (virXMLPropUInt(node, "iothread", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &id) < 0)
        return -1;
    if (!(iothread = virDomainIOThreadIDFind(part, id))) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Cannot find 'iothread' : %u", id);
        return -1;
    }
    if (!(cpuset = virXMLPropString(node, "cpuset"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing cpuset for iothreadpin");
        return -1;
    }
    if (!(map = virDomainVcpuParseCpuset(cpuset, "cpuset")))
        return -1;
    if (iothread->cpumask) {
        virBitmapFree(map);
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "duplicate iothreadpin for same iothread '%u'", id);
        return -1;
    }
    iothread->cpumask = map;
    return 0;
}

static int
virDomainCputuneParseSchedAttrs(xmlNodePtr node,
                                virDomainThreadSchedParam *sched)
{
    int val;

    if (virXMLPropEnum(node, "scheduler", virProcessSchedPolicyTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &val) < 0)
        return -1;
    sched->policy = val;
    if ((sched->policy == VIR_PROC_POLICY_FIFO ||
         sched->policy == VIR_PROC_POLICY_RR) &&
        virXMLPropInt(node, "priority", 10, VIR_XML_PROP_REQUIRED,
                      &sched->priority) < 0)
        return -1;
    return 0;
}

/* <vcpusched vcpus='...'> or <iothreadsched iothreads='...'>: the
 * policy applies to every thread in the set, which must not already
 * have one. */
static int
virDomainCputuneParseThreadSched(xmlNodePtr node, virDomainVcpuSection *part,
                                 bool iothreads)
{
    const char *element = iothreads ? "iothreadsched" : "vcpusched";
    const char *attr = iothreads ? "iothreads" : "vcpus";
    g_autofree char *str = virXMLPropString(node, attr);
    g_autoptr(virBitmap) map = NULL;
    virDomainThreadSchedParam sched = { 0 };
    ssize_t next = -1;

    if (!str) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing attribute '%s' in element '%s'", attr,
                       element);
        return -1;
    }
    if (virBitmapParse(str, &map, VIR_DOMAIN_CPUMASK_LEN) < 0)
        return -1;
    if (virBitmapIsAllClear(map)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "'%s' scheduler bitmap '%s' is empty", attr, str);
        return -1;
    }
    if (virDomainCputuneParseSchedAttrs(node, &sched) < 0)
        return -1;

    while ((next = virBitmapNextSetBit(map, next)) >= 0) {
        virDomainThreadSchedParam *target;

        if (iothreads) {
            virDomainIOThreadIDDef *iothread =
                virDomainIOThreadIDFind(part, next);

            if (!iothread) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Cannot find 'iothread' : %zd", next);
                return -1;
            }
            target = &iothread->sched;
        } else {
            if ((size_t)next >= part->maxvcpus) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "vCPU '%zd' is not present in domain definition",
                               next);
                return -1;
            }
            target = &part->vcpus[next]->sched;
        }
        if (target->policy != VIR_PROC_POLICY_NONE) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "'%s' attributes '%s' must not overlap", element,
                           attr);
            return -1;
        }
        *target = sched;
    }
    return 0;
}

static int
virDomainVcpuParseCputune(xmlNodePtr root, virDomainVcpuSection *part,
                          unsigned int flags)
{
    xmlNodePtr cputune = virXMLChild(root, "cputune");
    g_autofree xmlNodePtr *list = NULL;
    size_t n;
    size_t i;

    if (!cputune)
        return 0;
    if (virDomainCputuneParseBandwidth(cputune, part) < 0)
        return -1;

    n = virXMLChildren(cputune, "vcpupin", &list);
    for (i = 0; i < n; i++) {
        if (virDomainCputuneParseVcpuPin(list[i], part) < 0)
            return -1;
    }
    g_clear_pointer(&list, g_free);

    n = virXMLChildren(cputune, "emulatorpin", &list);
    if (n > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one emulatorpin is supported");
        return -1;
    }
    if (n == 1) {
        g_autofree char *cpuset = virXMLPropString(list[0], "cpuset");

        if (!cpuset) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing cpuset for emulatorpin");
            return -1;
        }
        if (!(part->emulatorpin = virDomainVcpuParseCpuset(cpuset,
                                                           "cpuset")))
            return -1;
    }
    g_clear_pointer(&list, g_free);

    n = virXMLChildren(cputune, "iothreadpin", &list);
    for (i = 0; i < n; i++) {
        if (virDomainCputuneParseIOThreadPin(list[i], part) < 0)
            return -1;
    }
    g_clear_pointer(&list, g_free);

    n = virXMLChildren(cputune, "vcpusched", &list);
    for (i = 0; i < n; i++) {
        if (virDomainCputuneParseThreadSched(list[i], part, false) < 0)
            return -1;
    }
    g_clear_pointer(&list, g_free);

    n = virXMLChildren(cputune, "iothreadsched", &list);
    for (i = 0; i < n; i++) {
        if (virDomainCputuneParseThreadSched(list[i], part, true) < 0)
            return -1;
    }
    g_clear_pointer(&list, g_free);

    n = virXMLChildren(cputune, "emulatorsched", &list);
    if (n > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one emulatorsched is supported");
        return -1;
    }
    if (n == 1) {
        part->emulatorsched = g_new0(virDomainThreadSchedParam, 1);
        if (virDomainCputuneParseSchedAttrs(list[0],
                                            part->emulatorsched) < 0)
            return -1;
    }
    g_clear_pointer(&list, g_free);

    n = virXMLChildren(cputune, "cachetune", &list);
    for (i = 0; i < n; i++) {
        if (virDomainCachetuneParseXML(list[i], part, flags) < 0)
            return -1;
    }
    g_clear_pointer(&list, g_free);

    n = virXMLChildren(cputune, "memorytune", &list);
    for (i = 0; i < n; i++) {
        if (virDomainMemorytuneParseXML(list[i], part, flags) < 0)
            return -1;
    }
    return 0;
}

int
virDomainDefVcpuParseXML(xmlNodePtr root, virDomainDef *def,
                         unsigned int flags)
{
    if (virDomainVcpuParseCount(root, def->vcpu) < 0 ||
        virDomainVcpuParseIOThreads(root, def->vcpu) < 0 ||
        virDomainVcpuParseCputune(root, def->vcpu, flags) < 0)
        return -1;
    /* <numatune> depends on the placement read above. */
    return virDomainNumatuneParse(root, def, flags);
}

/* ---- Defaults and checks ---- */

static int
virDomainCputuneCheckPeriod(const char *name, unsigned long long value)
{
    if (value > 0 &&
        (value < VIR_CPUTUNE_PERIOD_MIN || value > VIR_CPUTUNE_PERIOD_MAX)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Value of cputune '%s' must be in range [%llu, %llu]",
                       name, VIR_CPUTUNE_PERIOD_MIN, VIR_CPUTUNE_PERIOD_MAX);
        return -1;
    }
    return 0;
}

static int
virDomainCputuneCheckQuota(const char *name, long long value)
{
    if (value > 0 &&
        (value < VIR_CPUTUNE_QUOTA_MIN || value > VIR_CPUTUNE_QUOTA_MAX)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Value of cputune '%s' must be in range [%llu, %llu]",
                       name, (unsigned long long)VIR_CPUTUNE_QUOTA_MIN,
                       (unsigned long long)VIR_CPUTUNE_QUOTA_MAX);
        return -1;
    }
    return 0;
}

static int
virDomainIOThreadPoolCheck(int min, int max)
{
    if (max == 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "thread_pool_max must be a positive integer");
        return -1;
    }
    if (min > max) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "thread_pool_min must be smaller or equal to thread_pool_max");
        return -1;
    }
    return 0;
}

int
virDomainDefVcpuPostParse(virDomainDef *def,
                          unsigned int flags G_GNUC_UNUSED)
{
    virDomainVcpuSection *part = def->vcpu;
    size_t i;

    for (i = 0; i < part->maxvcpus; i++) {
        virDomainVcpuDef *vcpu = part->vcpus[i];

        if (vcpu->hotpluggable == VIR_TRISTATE_BOOL_ABSENT) {
            vcpu->hotpluggable = vcpu->online ? VIR_TRISTATE_BOOL_NO
                                              : VIR_TRISTATE_BOOL_YES;
        } else if (vcpu->hotpluggable == VIR_TRISTATE_BOOL_NO &&
                   !vcpu->online) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "vcpu '%zu' is both offline and not hotpluggable",
                           i);
            return -1;
        }
    }

    if (part->shares > 0 &&
        (part->shares < VIR_CPUTUNE_SHARES_MIN ||
         part->shares > VIR_CPUTUNE_SHARES_MAX)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Value of cputune 'shares' must be in range [%llu, %llu]",
                       VIR_CPUTUNE_SHARES_MIN, VIR_CPUTUNE_SHARES_MAX);
        return -1;
    }
    if (virDomainCputuneCheckPeriod("period", part->period) < 0 ||
        virDomainCputuneCheckPeriod("global_period", part->global_period) < 0 ||
        virDomainCputuneCheckPeriod("emulator_period",
                                    part->emulator_period) < 0 ||
        virDomainCputuneCheckPeriod("iothread_period",
                                    part->iothread_period) < 0 ||
        virDomainCputuneCheckQuota("quota", part->quota) < 0 ||
        virDomainCputuneCheckQuota("global_quota", part->global_quota) < 0 ||
        virDomainCputuneCheckQuota("emulator_quota",
                                   part->emulator_quota) < 0 ||
        virDomainCputuneCheckQuota("iothread_quota",
                                   part->iothread_quota) < 0)
        return -1;

    for (i = 0; i < part->niothreadids; i++) {
        if (virDomainIOThreadPoolCheck(part->iothreadids[i]->thread_pool_min,
                                       part->iothreadids[i]->thread_pool_max) < 0)
            return -1;
    }
    if (part->hasDefaultIOThread &&
        virDomainIOThreadPoolCheck(part->default_pool_min,
                                   part->default_pool_max) < 0)
        return -1;
    return 0;
}

/* ---- Formatting ---- */

static int
virDomainVcpuFormatCount(virBuffer *buf, const virDomainDef *def)
{
    const virDomainVcpuSection *part = def->vcpu;
    size_t online = virDomainDefGetVcpus(def);
    size_t i;

    virBufferAsprintf(buf, "<vcpu placement='%s'",
                      virDomainCpuPlacementModeTypeToString(
                          part->placement_mode));
    if (part->cpumask && !virBitmapIsAllSet(part->cpumask)) {
        g_autofree char *cpuset = virBitmapFormat(part->cpumask);

        virBufferAsprintf(buf, " cpuset='%s'", cpuset);
    }
    if (online < part->maxvcpus)
        virBufferAsprintf(buf, " current='%zu'", online);
    virBufferAsprintf(buf, ">%zu</vcpu>\n", part->maxvcpus);

    if (!part->individualvcpus)
        return 0;
    virBufferAddLit(buf, "<vcpus>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < part->maxvcpus; i++) {
        const virDomainVcpuDef *vcpu = part->vcpus[i];

        virBufferAsprintf(buf, "<vcpu id='%zu' enabled='%s'", i,
                          vcpu->online ? "yes" : "no");
        virDomainTristateBoolAttrFormat(buf, "hotpluggable",
                                        vcpu->hotpluggable);
        if (vcpu->order != 0)
            virBufferAsprintf(buf, " order='%u'", vcpu->order);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</vcpus>\n");
    return 0;
}

static void
virDomainIOThreadPoolFormat(virBuffer *attrBuf, int min, int max)
{
    if (min >= 0)
        virBufferAsprintf(attrBuf, " thread_pool_min='%d'", min);
    if (max >= 0)
        virBufferAsprintf(attrBuf, " thread_pool_max='%d'", max);
}

static void
virDomainVcpuFormatIOThreads(virBuffer *buf, const virDomainVcpuSection *part)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) defaultBuf = VIR_BUFFER_INITIALIZER;
    bool listIds = false;
    size_t i;

    if (part->niothreadids > 0)
        virBufferAsprintf(buf, "<iothreads>%zu</iothreads>\n",
                          part->niothreadids);

    /* The ids are listed once any of them says more than the count. */
    for (i = 0; i < part->niothreadids; i++) {
        const virDomainIOThreadIDDef *iothread = part->iothreadids[i];

        if (!iothread->autofill || iothread->thread_pool_min >= 0 ||
            iothread->thread_pool_max >= 0)
            listIds = true;
    }
    if (listIds) {
        for (i = 0; i < part->niothreadids; i++) {
            const virDomainIOThreadIDDef *iothread = part->iothreadids[i];
            g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;

            virBufferAsprintf(&attrBuf, " id='%u'", iothread->iothread_id);
            virDomainIOThreadPoolFormat(&attrBuf, iothread->thread_pool_min,
                                        iothread->thread_pool_max);
            virXMLFormatElement(&childBuf, "iothread", &attrBuf, NULL);
        }
        virXMLFormatElement(buf, "iothreadids", NULL, &childBuf);
    }

    if (part->hasDefaultIOThread) {
        virDomainIOThreadPoolFormat(&defaultBuf, part->default_pool_min,
                                    part->default_pool_max);
        virXMLFormatElement(buf, "defaultiothread", &defaultBuf, NULL);
    }
}

static void
virDomainCputuneFormatSched(virBuffer *buf, const char *name,
                            const virDomainThreadSchedParam *sched,
                            size_t id, bool withId)
{
    if (sched->policy == VIR_PROC_POLICY_NONE)
        return;
    virBufferAsprintf(buf, "<%ssched", name);
    if (withId)
        virBufferAsprintf(buf, " %ss='%zu'", name, id);
    virBufferAsprintf(buf, " scheduler='%s'",
                      virProcessSchedPolicyTypeToString(sched->policy));
    if (sched->policy == VIR_PROC_POLICY_FIFO ||
        sched->policy == VIR_PROC_POLICY_RR)
        virBufferAsprintf(buf, " priority='%d'", sched->priority);
    virBufferAddLit(buf, "/>\n");
}

static void
virDomainCputuneFormatPin(virBuffer *buf, const char *prefix,
                          const virBitmap *map)
{
    g_autofree char *cpuset = virBitmapFormat(map);

    virBufferAsprintf(buf, "%s cpuset='%s'/>\n", prefix, cpuset);
}

static void
virDomainVcpuFormatCputune(virBuffer *buf, const virDomainVcpuSection *part,
                           unsigned int flags)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (part->sharesSpecified)
        virBufferAsprintf(&childBuf, "<shares>%llu</shares>\n", part->shares);
    if (part->period)
        virBufferAsprintf(&childBuf, "<period>%llu</period>\n", part->period);
    if (part->quota)
        virBufferAsprintf(&childBuf, "<quota>%lld</quota>\n", part->quota);
    if (part->global_period)
        virBufferAsprintf(&childBuf, "<global_period>%llu</global_period>\n",
                          part->global_period);
    if (part->global_quota)
        virBufferAsprintf(&childBuf, "<global_quota>%lld</global_quota>\n",
                          part->global_quota);
    if (part->emulator_period)
        virBufferAsprintf(&childBuf,
                          "<emulator_period>%llu</emulator_period>\n",
                          part->emulator_period);
    if (part->emulator_quota)
        virBufferAsprintf(&childBuf,
                          "<emulator_quota>%lld</emulator_quota>\n",
                          part->emulator_quota);
    if (part->iothread_period)
        virBufferAsprintf(&childBuf,
                          "<iothread_period>%llu</iothread_period>\n",
                          part->iothread_period);
    if (part->iothread_quota)
        virBufferAsprintf(&childBuf,
                          "<iothread_quota>%lld</iothread_quota>\n",
                          part->iothread_quota);

    for (i = 0; i < part->maxvcpus; i++) {
        g_autofree char *prefix = NULL;

        if (!part->vcpus[i]->cpumask)
            continue;
        prefix = g_strdup_printf("<vcpupin vcpu='%zu'", i);
        virDomainCputuneFormatPin(&childBuf, prefix, part->vcpus[i]->cpumask);
    }
    if (part->emulatorpin)
        virDomainCputuneFormatPin(&childBuf, "<emulatorpin",
                                  part->emulatorpin);
    for (i = 0; i < part->niothreadids; i++) {
        g_autofree char *prefix = NULL;

        if (!part->iothreadids[i]->cpumask)
            continue;
        prefix = g_strdup_printf("<iothreadpin iothread='%u'",
                                 part->iothreadids[i]->iothread_id);
        virDomainCputuneFormatPin(&childBuf, prefix,
                                  part->iothreadids[i]->cpumask);
    }

    if (part->emulatorsched)
        virDomainCputuneFormatSched(&childBuf, "emulator",
                                    part->emulatorsched, 0, false);
    for (i = 0; i < part->maxvcpus; i++)
        virDomainCputuneFormatSched(&childBuf, "vcpu",
                                    &part->vcpus[i]->sched, i, true);
    for (i = 0; i < part->niothreadids; i++)
        virDomainCputuneFormatSched(&childBuf, "iothread",
                                    &part->iothreadids[i]->sched,
                                    part->iothreadids[i]->iothread_id, true);
    virDomainResctrlFormat(&childBuf, part, flags);

    virXMLFormatElement(buf, "cputune", NULL, &childBuf);
}

int
virDomainDefVcpuFormat(virBuffer *buf, const virDomainDef *def,
                       unsigned int flags)
{
    if (virDomainVcpuFormatCount(buf, def) < 0)
        return -1;
    virDomainVcpuFormatIOThreads(buf, def->vcpu);
    virDomainVcpuFormatCputune(buf, def->vcpu, flags);
    return 0;
}
