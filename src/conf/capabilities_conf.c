/*
 * capabilities_conf.c: formatting the <capabilities> document and reading
 * it back.  The formatter writes what upstream writes, element for element
 * (including its blank lines between top-level blocks); the parser only
 * serves round-trip tests, so it is lenient about what upstream's drivers
 * would never produce.
 */
#include "capabilities_conf.h"
#include "conf/domain_conf.h"
#include "conf/domain_os.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_CAPABILITIES

VIR_ENUM_IMPL(virCapsHostPMTarget, VIR_CAPS_PM_LAST,
              "suspend_mem", "suspend_disk", "suspend_hybrid");

VIR_ENUM_IMPL(virCapsCacheType, VIR_CAPS_CACHE_LAST,
              "both", "code", "data");

VIR_ENUM_IMPL(virCapsGuestFeature, VIR_CAPS_GUEST_FEATURE_LAST,
              "pae", "nonpae", "ia64_be", "acpi", "apic", "cpuselection",
              "deviceboot", "disksnapshot", "hap");

static void
virCapsStringsFree(char **list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        g_free(list[i]);
    g_free(list);
}

static void
virCapsHostMonitorFree(virCapsHostMonitor *mon)
{
    if (!mon)
        return;
    virCapsStringsFree(mon->features, mon->nfeatures);
    g_free(mon);
}

static void
virCapsGuestDomainInfoClear(virCapsGuestDomainInfo *info)
{
    size_t i;

    g_free(info->emulator);
    g_free(info->loader);
    for (i = 0; i < info->nmachines; i++) {
        g_free(info->machines[i].name);
        g_free(info->machines[i].canonical);
    }
    g_free(info->machines);
}

static void
virCapsHostClear(virCapsHost *host)
{
    size_t i, j;

    virCapsStringsFree(host->features, host->nfeatures);
    virCPUDefFree(host->cpu);
    g_free(host->pagesSize);
    virCapsStringsFree(host->migrateTrans, host->nmigrateTrans);
    g_free(host->netprefix);
    for (i = 0; i < host->ncells; i++) {
        virCapsHostCell *cell = &host->cells[i];

        g_free(cell->pages);
        g_free(cell->distances);
        g_free(cell->caches);
        for (j = 0; j < cell->ncpus; j++)
            virBitmapFree(cell->cpus[j].siblings);
        g_free(cell->cpus);
    }
    g_free(host->cells);
    g_free(host->interconnects);
    for (i = 0; i < host->nbanks; i++) {
        virBitmapFree(host->banks[i].cpus);
        g_free(host->banks[i].controls);
    }
    g_free(host->banks);
    virCapsHostMonitorFree(host->cacheMonitor);
    for (i = 0; i < host->nmemBWNodes; i++)
        virBitmapFree(host->memBWNodes[i].cpus);
    g_free(host->memBWNodes);
    virCapsHostMonitorFree(host->memBWMonitor);
    for (i = 0; i < host->nsecModels; i++) {
        virCapsHostSecModel *sm = &host->secModels[i];

        g_free(sm->model);
        g_free(sm->doi);
        for (j = 0; j < sm->nlabels; j++) {
            g_free(sm->labels[j].type);
            g_free(sm->labels[j].label);
        }
        g_free(sm->labels);
    }
    g_free(host->secModels);
}

virCapsDef *
virCapsDefNew(void)
{
    return g_new0(virCapsDef, 1);
}

void
virCapsDefFree(virCapsDef *caps)
{
    size_t i, j;

    if (!caps)
        return;
    virCapsHostClear(&caps->host);
    for (i = 0; i < caps->nguests; i++) {
        virCapsGuest *guest = &caps->guests[i];

        virCapsGuestDomainInfoClear(&guest->defaultInfo);
        for (j = 0; j < guest->ndomains; j++)
            virCapsGuestDomainInfoClear(&guest->domains[j].info);
        g_free(guest->domains);
    }
    g_free(caps->guests);
    g_free(caps);
}

virCapsGuest *
virCapsDefAddGuest(virCapsDef *caps, int ostype, virArch arch, int wordsize)
{
    virCapsGuest *guest;

    caps->guests = g_renew(virCapsGuest, caps->guests, caps->nguests + 1);
    guest = &caps->guests[caps->nguests++];
    memset(guest, 0, sizeof(*guest));
    guest->ostype = ostype;
    guest->arch = arch;
    guest->wordsize = wordsize;
    return guest;
}

virCapsGuestDomain *
virCapsGuestAddDomain(virCapsGuest *guest, int type)
{
    virCapsGuestDomain *dom;

    guest->domains = g_renew(virCapsGuestDomain, guest->domains,
                             guest->ndomains + 1);
    dom = &guest->domains[guest->ndomains++];
    memset(dom, 0, sizeof(*dom));
    dom->type = type;
    return dom;
}

virCapsHostCell *
virCapsHostAddCell(virCapsHost *host, unsigned int num)
{
    virCapsHostCell *cell;

    host->cells = g_renew(virCapsHostCell, host->cells, host->ncells + 1);
    cell = &host->cells[host->ncells++];
    memset(cell, 0, sizeof(*cell));
    cell->num = num;
    host->hasTopology = true;
    return cell;
}

/* ---- Formatting ---- */

/* The largest binary unit that divides val evenly, as upstream prints
 * cache sizes. */
static unsigned long long
virCapsPrettySize(unsigned long long val, const char **unit)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"
    };
    size_t i = 0;

    while (i + 1 < G_N_ELEMENTS(units) && val && val % 1024 == 0) {
        val /= 1024;
        i++;
    }
    *unit = units[i];
    return val;
}

static void
virCapsFormatMonitor(virBuffer *buf, const virCapsHostMonitor *mon)
{
    size_t i;

    /* a monitor without features means no monitoring capability */
    if (!mon || !mon->nfeatures)
        return;
    virBufferAddLit(buf, "<monitor ");
    if (mon->isCache)
        virBufferAsprintf(buf, "level='%u' reuseThreshold='%u' ",
                          mon->level, mon->reuseThreshold);
    virBufferAsprintf(buf, "maxMonitors='%u'>\n", mon->maxMonitors);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < mon->nfeatures; i++)
        virBufferEscapeString(buf, "<feature name='%s'/>\n",
                              mon->features[i]);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</monitor>\n");
}

static void
virCapsFormatCellCPUs(virBuffer *buf, const virCapsHostCell *cell)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferAsprintf(&attrBuf, " num='%zu'", cell->ncpus);
    for (i = 0; i < cell->ncpus; i++) {
        const virCapsHostCellCPU *cpu = &cell->cpus[i];

        virBufferAsprintf(&childBuf, "<cpu id='%u'", cpu->id);
        if (cpu->siblings) {
            g_autofree char *siblings = virBitmapFormat(cpu->siblings);

            virBufferAsprintf(&childBuf,
                              " socket_id='%u' die_id='%u' core_id='%u'"
                              " siblings='%s'",
                              cpu->socket_id, cpu->die_id, cpu->core_id,
                              siblings);
        }
        virBufferAddLit(&childBuf, "/>\n");
    }
    virXMLFormatElement(buf, "cpus", &attrBuf, &childBuf);
}

static void
virCapsFormatNumaCache(virBuffer *buf, const virNumaCache *cache)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " level='%u'", cache->level);
    if (cache->associativity)
        virBufferAsprintf(&attrBuf, " associativity='%s'",
                          virNumaCacheAssociativityTypeToString(cache->associativity));
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

static void
virCapsFormatInterconnects(virBuffer *buf, const virCapsHost *host)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < host->ninterconnects; i++) {
        const virNumaInterconnect *l = &host->interconnects[i];

        virBufferAsprintf(&childBuf, "<%s initiator='%u' target='%u'",
                          l->bandwidth ? "bandwidth" : "latency",
                          l->initiator, l->target);
        if (l->cache > 0)
            virBufferAsprintf(&childBuf, " cache='%u'", l->cache);
        virBufferAsprintf(&childBuf, " type='%s' value='%llu'",
                          virMemoryLatencyTypeToString(l->accessType),
                          l->value);
        if (l->bandwidth)
            virBufferAddLit(&childBuf, " unit='KiB'");
        virBufferAddLit(&childBuf, "/>\n");
    }
    virXMLFormatElement(buf, "interconnects", NULL, &childBuf);
}

static void
virCapsFormatCellBody(virBuffer *buf, const virCapsHostCell *cell)
{
    g_auto(virBuffer) distBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t j;

    if (cell->mem)
        virBufferAsprintf(buf, "<memory unit='KiB'>%llu</memory>\n",
                          cell->mem);
    for (j = 0; j < cell->npages; j++)
        virBufferAsprintf(buf, "<pages unit='KiB' size='%u'>%llu</pages>\n",
                          cell->pages[j].size, cell->pages[j].avail);
    for (j = 0; j < cell->ndistances; j++) {
        /* a zero distance means unknown and is left out */
        if (!cell->distances[j].value)
            continue;
        virBufferAsprintf(&distBuf, "<sibling id='%u' value='%u'/>\n",
                          cell->distances[j].cellid,
                          cell->distances[j].value);
    }
    virXMLFormatElement(buf, "distances", NULL, &distBuf);
    for (j = 0; j < cell->ncaches; j++)
        virCapsFormatNumaCache(buf, &cell->caches[j]);
    virCapsFormatCellCPUs(buf, cell);
}

static void
virCapsFormatTopology(virBuffer *buf, const virCapsHost *host)
{
    size_t i;

    if (!host->hasTopology)
        return;
    virBufferAddLit(buf, "<topology>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<cells num='%zu'>\n", host->ncells);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < host->ncells; i++) {
        const virCapsHostCell *cell = &host->cells[i];

        virBufferAsprintf(buf, "<cell id='%u'>\n", cell->num);
        virBufferAdjustIndent(buf, 2);
        virCapsFormatCellBody(buf, cell);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</cell>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cells>\n");
    virCapsFormatInterconnects(buf, host);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</topology>\n");
}

/* Granularity and minimum share one unit: the finer of the two. */
static void
virCapsFormatCacheControl(virBuffer *buf, const virCapsHostCacheControl *ctl)
{
    const char *unit;
    const char *minUnit;
    unsigned long long gran = virCapsPrettySize(ctl->granularity, &unit);
    unsigned long long min = virCapsPrettySize(ctl->min, &minUnit);

    if (min) {
        unsigned long long granDiv = ctl->granularity / gran;
        unsigned long long minDiv = ctl->min / min;

        if (minDiv > granDiv) {
            min *= minDiv / granDiv;
        } else if (minDiv < granDiv) {
            unit = minUnit;
            gran *= granDiv / minDiv;
        }
    }
    virBufferAsprintf(buf, "<control granularity='%llu'", gran);
    if (min)
        virBufferAsprintf(buf, " min='%llu'", min);
    virBufferAsprintf(buf, " unit='%s' type='%s' maxAllocs='%u'/>\n",
                      unit, virCapsCacheTypeTypeToString(ctl->scope),
                      ctl->maxAllocs);
}

static void
virCapsFormatCache(virBuffer *buf, const virCapsHost *host)
{
    size_t i, j;

    if (!host->nbanks && !host->cacheMonitor)
        return;
    virBufferAddLit(buf, "<cache>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < host->nbanks; i++) {
        const virCapsHostCacheBank *bank = &host->banks[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
        g_autofree char *cpus = virBitmapFormat(bank->cpus);
        const char *unit;
        unsigned long long size = virCapsPrettySize(bank->size, &unit);

        virBufferAsprintf(&attrBuf,
                          " id='%u' level='%u' type='%s' size='%llu'"
                          " unit='%s' cpus='%s'",
                          bank->id, bank->level,
                          virCapsCacheTypeTypeToString(bank->type),
                          size, unit, cpus ? cpus : "");
        for (j = 0; j < bank->ncontrols; j++)
            virCapsFormatCacheControl(&childBuf, &bank->controls[j]);
        virXMLFormatElement(buf, "bank", &attrBuf, &childBuf);
    }
    virCapsFormatMonitor(buf, host->cacheMonitor);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cache>\n");
}

static void
virCapsFormatMemBW(virBuffer *buf, const virCapsHost *host)
{
    size_t i;

    if (!host->nmemBWNodes && !host->memBWMonitor)
        return;
    virBufferAddLit(buf, "<memory_bandwidth>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < host->nmemBWNodes; i++) {
        const virCapsHostMemBWNode *node = &host->memBWNodes[i];
        g_autofree char *cpus = virBitmapFormat(node->cpus);

        virBufferAsprintf(buf, "<node id='%u' cpus='%s'>\n",
                          node->id, cpus ? cpus : "");
        virBufferAdjustIndent(buf, 2);
        virBufferAsprintf(buf,
                          "<control granularity='%u' min='%u' maxAllocs='%u'/>\n",
                          node->granularity, node->min, node->maxAllocs);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</node>\n");
    }
    virCapsFormatMonitor(buf, host->memBWMonitor);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</memory_bandwidth>\n");
}

static void
virCapsFormatHost(virBuffer *buf, const virCapsHost *host)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    size_t i, j;

    /* nothing known about the host: no <host> at all */
    if (!host->hasUUID && !host->arch && !host->powerMgmt && !host->iommu)
        return;

    virBufferAddLit(buf, "<host>\n");
    virBufferAdjustIndent(buf, 2);
    if (host->hasUUID)
        virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                          virUUIDFormat(host->uuid, uuidstr));

    virBufferAddLit(buf, "<cpu>\n");
    virBufferAdjustIndent(buf, 2);
    if (host->arch)
        virBufferAsprintf(buf, "<arch>%s</arch>\n",
                          virArchTypeToString(host->arch));
    if (host->nfeatures) {
        virBufferAddLit(buf, "<features>\n");
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < host->nfeatures; i++)
            virBufferAsprintf(buf, "<%s/>\n", host->features[i]);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</features>\n");
    }
    if (host->cpu)
        virCPUDefFormatContent(buf, host->cpu);
    for (i = 0; i < host->npagesSize; i++)
        virBufferAsprintf(buf, "<pages unit='KiB' size='%u'/>\n",
                          host->pagesSize[i]);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cpu>\n");

    if (host->powerMgmt) {
        virBufferAddLit(buf, "<power_management>\n");
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < VIR_CAPS_PM_LAST; i++) {
            if (host->powerMgmt & (1U << i))
                virBufferAsprintf(buf, "<%s/>\n",
                                  virCapsHostPMTargetTypeToString(i));
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</power_management>\n");
    } else {
        virBufferAddLit(buf, "<power_management/>\n");
    }

    virBufferAsprintf(buf, "<iommu support='%s'/>\n",
                      host->iommu ? "yes" : "no");

    if (host->offlineMigrate) {
        virBufferAddLit(buf, "<migration_features>\n");
        virBufferAdjustIndent(buf, 2);
        if (host->liveMigrate)
            virBufferAddLit(buf, "<live/>\n");
        if (host->nmigrateTrans) {
            virBufferAddLit(buf, "<uri_transports>\n");
            virBufferAdjustIndent(buf, 2);
            for (i = 0; i < host->nmigrateTrans; i++)
                virBufferEscapeString(buf, "<uri_transport>%s</uri_transport>\n",
                                      host->migrateTrans[i]);
            virBufferAdjustIndent(buf, -2);
            virBufferAddLit(buf, "</uri_transports>\n");
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</migration_features>\n");
    }

    virBufferEscapeString(buf, "<netprefix>%s</netprefix>\n", host->netprefix);

    virCapsFormatTopology(buf, host);
    virCapsFormatCache(buf, host);
    virCapsFormatMemBW(buf, host);

    for (i = 0; i < host->nsecModels; i++) {
        const virCapsHostSecModel *sm = &host->secModels[i];

        virBufferAddLit(buf, "<secmodel>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<model>%s</model>\n",
                              sm->model ? sm->model : "");
        virBufferEscapeString(buf, "<doi>%s</doi>\n", sm->doi ? sm->doi : "");
        for (j = 0; j < sm->nlabels; j++) {
            virBufferEscapeString(buf, "<baselabel type='%s'>",
                                  sm->labels[j].type);
            virBufferEscapeString(buf, "%s</baselabel>\n",
                                  sm->labels[j].label);
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</secmodel>\n");
    }

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</host>\n\n");
}

static void
virCapsFormatMachines(virBuffer *buf, const virCapsGuestDomainInfo *info,
                      bool withDeprecated)
{
    size_t i;

    for (i = 0; i < info->nmachines; i++) {
        const virCapsGuestMachine *m = &info->machines[i];

        virBufferAddLit(buf, "<machine");
        virBufferEscapeString(buf, " canonical='%s'", m->canonical);
        if (m->maxCpus > 0)
            virBufferAsprintf(buf, " maxCpus='%u'", m->maxCpus);
        /* upstream marks deprecation only on the arch's own machines */
        if (withDeprecated && m->deprecated)
            virBufferAddLit(buf, " deprecated='yes'");
        virBufferEscapeString(buf, ">%s</machine>\n", m->name);
    }
}

static void
virCapsFormatGuestFeatures(virBuffer *buf, const virCapsGuest *guest)
{
    g_auto(virBuffer) featBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < VIR_CAPS_GUEST_FEATURE_LAST; i++) {
        const virCapsGuestFeature *feat = &guest->features[i];

        if (!feat->present)
            continue;
        virBufferAsprintf(&featBuf, "<%s", virCapsGuestFeatureTypeToString(i));
        if (feat->defaultOn)
            virBufferAsprintf(&featBuf, " default='%s'",
                              virTristateSwitchTypeToString(feat->defaultOn));
        if (feat->toggle)
            virBufferAsprintf(&featBuf, " toggle='%s'",
                              virTristateBoolTypeToString(feat->toggle));
        virBufferAddLit(&featBuf, "/>\n");
    }
    virXMLFormatElement(buf, "features", NULL, &featBuf);
}

static void
virCapsFormatGuest(virBuffer *buf, const virCapsGuest *guest)
{
    size_t i;

    virBufferAddLit(buf, "<guest>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<os_type>%s</os_type>\n",
                      virDomainOSTypeToString(guest->ostype));
    if (guest->arch)
        virBufferAsprintf(buf, "<arch name='%s'>\n",
                          virArchTypeToString(guest->arch));
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<wordsize>%d</wordsize>\n", guest->wordsize);
    virBufferEscapeString(buf, "<emulator>%s</emulator>\n",
                          guest->defaultInfo.emulator);
    virBufferEscapeString(buf, "<loader>%s</loader>\n",
                          guest->defaultInfo.loader);
    virCapsFormatMachines(buf, &guest->defaultInfo, true);

    for (i = 0; i < guest->ndomains; i++) {
        const virCapsGuestDomain *dom = &guest->domains[i];

        virBufferAsprintf(buf, "<domain type='%s'",
                          virDomainVirtTypeToString(dom->type));
        if (!dom->info.emulator && !dom->info.loader &&
            !dom->info.nmachines) {
            virBufferAddLit(buf, "/>\n");
            continue;
        }
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<emulator>%s</emulator>\n",
                              dom->info.emulator);
        virBufferEscapeString(buf, "<loader>%s</loader>\n", dom->info.loader);
        virCapsFormatMachines(buf, &dom->info, false);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</domain>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</arch>\n");

    virCapsFormatGuestFeatures(buf, guest);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</guest>\n\n");
}

char *
virCapsDefFormat(const virCapsDef *caps)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    size_t i;

    virBufferAddLit(&buf, "<capabilities>\n\n");
    virBufferAdjustIndent(&buf, 2);
    virCapsFormatHost(&buf, &caps->host);
    for (i = 0; i < caps->nguests; i++)
        virCapsFormatGuest(&buf, &caps->guests[i]);
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</capabilities>\n");
    return virBufferContentAndReset(&buf);
}

/* ---- Parsing (for tests) ---- */

static int
virCapsParseBitmap(xmlNodePtr node, const char *name, virBitmap **map)
{
    g_autofree char *str = virXMLPropStringRequired(node, name);

    if (!str)
        return -1;
    if (!(*map = virBitmapParseUnlimited(str))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value of attribute '%s' of element '%s': '%s'",
                       name, node->name, str);
        return -1;
    }
    return 0;
}

/* Child element names, as the host's <features> and power management
 * list them. */
static size_t
virCapsParseNames(xmlNodePtr parent, char ***names)
{
    xmlNodePtr cur;
    size_t n = 0;

    *names = NULL;
    for (cur = virXMLFirstElement(parent); cur; cur = virXMLNextElement(cur)) {
        virXMLNodeMarkConsumed(cur);
        *names = g_renew(char *, *names, n + 1);
        (*names)[n++] = g_strdup((const char *)cur->name);
    }
    return n;
}

static int
virCapsParseMonitor(xmlNodePtr node, virCapsHostMonitor **monitor)
{
    g_autofree xmlNodePtr *feats = NULL;
    virCapsHostMonitor *mon;
    size_t n, i;
    int rc;

    if (!node)
        return 0;
    mon = *monitor = g_new0(virCapsHostMonitor, 1);
    if ((rc = virXMLPropUInt(node, "level", 10, 0, &mon->level)) < 0 ||
        virXMLPropUInt(node, "reuseThreshold", 10, 0,
                       &mon->reuseThreshold) < 0 ||
        virXMLPropUInt(node, "maxMonitors", 10, VIR_XML_PROP_REQUIRED,
                       &mon->maxMonitors) < 0)
        return -1;
    mon->isCache = rc > 0;
    n = virXMLChildren(node, "feature", &feats);
    mon->features = g_new0(char *, n);
    for (i = 0; i < n; i++) {
        if (!(mon->features[i] = virXMLPropStringRequired(feats[i], "name")))
            return -1;
        mon->nfeatures++;
    }
    return 0;
}

static int
virCapsParseHostCPU(xmlNodePtr node, virCapsHost *host)
{
    g_autofree xmlNodePtr *pages = NULL;
    g_autofree char *arch = NULL;
    xmlNodePtr feats;
    size_t n, i;

    if ((feats = virXMLChild(node, "features")))
        host->nfeatures = virCapsParseNames(feats, &host->features);

    /* a probed host CPU brings model, vendor, topology...; the rest of
     * <cpu> is the host's arch and page sizes */
    if (virXMLChildCount(node, "model") > 0) {
        if (!(host->cpu = virCPUDefParseNode(node, VIR_CPU_TYPE_HOST)))
            return -1;
        host->cpu->mode = VIR_CPU_MODE_CUSTOM;
        arch = g_strdup(host->cpu->arch);
    } else {
        arch = virXMLChildContent(node, "arch");
    }
    if (arch && (host->arch = virArchTypeFromString(arch)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown architecture '%s'", arch);
        return -1;
    }

    n = virXMLChildren(node, "pages", &pages);
    host->pagesSize = g_new0(unsigned int, n);
    for (i = 0; i < n; i++) {
        g_autofree char *unit = virXMLPropString(pages[i], "unit");
        unsigned long long size = 0;

        if (virXMLPropULongLong(pages[i], "size", 10, VIR_XML_PROP_REQUIRED,
                                &size) < 0 ||
            virScaleInteger(&size, unit, 1024, UINT_MAX * 1024ULL) < 0)
            return -1;
        host->pagesSize[host->npagesSize++] = size / 1024;
    }
    return 0;
}

static int
virCapsParseNumaCaches(xmlNodePtr node, virCapsHostCell *cell)
{
    g_autofree xmlNodePtr *caches = NULL;
    size_t n, i;

    n = virXMLChildren(node, "cache", &caches);
    cell->caches = g_new0(virNumaCache, n);
    for (i = 0; i < n; i++) {
        virNumaCache *cache = &cell->caches[cell->ncaches++];
        unsigned long long line = 0;
        xmlNodePtr sub;
        int val;

        if (virXMLPropUInt(caches[i], "level", 10, VIR_XML_PROP_REQUIRED,
                           &cache->level) < 0)
            return -1;
        if (virXMLPropEnum(caches[i], "associativity",
                           virNumaCacheAssociativityTypeFromString, 0,
                           &val) < 0)
            return -1;
        cache->associativity = val;
        if (virXMLPropEnum(caches[i], "policy",
                           virNumaCachePolicyTypeFromString, 0, &val) < 0)
            return -1;
        cache->policy = val;
        if (!(sub = virXMLChild(caches[i], "size"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing element 'size' in NUMA cache");
            return -1;
        }
        if (virXMLParseScaledValue(sub, "value", "unit", 1024, ULLONG_MAX,
                                   true, &cache->size) < 0)
            return -1;
        cache->size /= 1024;
        if ((sub = virXMLChild(caches[i], "line"))) {
            if (virXMLParseScaledValue(sub, "value", "unit", 1, UINT_MAX,
                                       true, &line) < 0)
                return -1;
            cache->line = line;
        }
    }
    return 0;
}

static int
virCapsParseInterconnects(xmlNodePtr node, virCapsHost *host)
{
    xmlNodePtr cur;

    for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur)) {
        virNumaInterconnect *l;
        bool bandwidth = virXMLNodeNameEqual(cur, "bandwidth");
        int type;

        if (!bandwidth && !virXMLNodeNameEqual(cur, "latency"))
            continue;
        virXMLNodeMarkConsumed(cur);
        host->interconnects = g_renew(virNumaInterconnect, host->interconnects,
                                      host->ninterconnects + 1);
        l = &host->interconnects[host->ninterconnects++];
        memset(l, 0, sizeof(*l));
        l->bandwidth = bandwidth;
        if (virXMLPropUInt(cur, "initiator", 10, VIR_XML_PROP_REQUIRED,
                           &l->initiator) < 0 ||
            virXMLPropUInt(cur, "target", 10, VIR_XML_PROP_REQUIRED,
                           &l->target) < 0 ||
            virXMLPropUInt(cur, "cache", 10, 0, &l->cache) < 0 ||
            virXMLPropEnum(cur, "type", virMemoryLatencyTypeFromString,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &type) < 0)
            return -1;
        l->accessType = type;
        if (bandwidth) {
            if (virXMLParseScaledValue(cur, "value", "unit", 1024, ULLONG_MAX,
                                       true, &l->value) < 0)
                return -1;
            l->value /= 1024;
        } else if (virXMLPropULongLong(cur, "value", 10, VIR_XML_PROP_REQUIRED,
                                       &l->value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
virCapsParseCell(xmlNodePtr node, virCapsHost *host)
{
    g_autofree xmlNodePtr *pages = NULL;
    g_autofree xmlNodePtr *cpus = NULL;
    xmlNodePtr sub;
    virCapsHostCell *cell;
    unsigned int num = 0;
    size_t n, i;

    if (virXMLPropUInt(node, "id", 10, VIR_XML_PROP_REQUIRED, &num) < 0)
        return -1;
    cell = virCapsHostAddCell(host, num);

    if ((sub = virXMLChild(node, "memory")) &&
        virXMLParseScaledValue(sub, NULL, "unit", 1024, ULLONG_MAX, true,
                               &cell->mem) < 0)
        return -1;
    cell->mem /= 1024;

    n = virXMLChildren(node, "pages", &pages);
    cell->pages = g_new0(virCapsHostCellPages, n);
    for (i = 0; i < n; i++) {
        virCapsHostCellPages *p = &cell->pages[cell->npages++];
        g_autofree char *unit = virXMLPropString(pages[i], "unit");
        g_autofree char *avail = virXMLNodeContent(pages[i]);
        unsigned long long size = 0;

        if (virXMLPropULongLong(pages[i], "size", 10, VIR_XML_PROP_REQUIRED,
                                &size) < 0 ||
            virScaleInteger(&size, unit, 1024, UINT_MAX * 1024ULL) < 0)
            return -1;
        p->size = size / 1024;
        if (virStrToLong_ullp(avail, NULL, 10, &p->avail) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid number of pages '%s'", avail);
            return -1;
        }
    }

    if ((sub = virXMLChild(node, "distances"))) {
        g_autofree xmlNodePtr *sibs = NULL;

        n = virXMLChildren(sub, "sibling", &sibs);
        cell->distances = g_new0(virCapsHostCellDistance, n);
        for (i = 0; i < n; i++) {
            virCapsHostCellDistance *d = &cell->distances[cell->ndistances++];

            if (virXMLPropUInt(sibs[i], "id", 10, VIR_XML_PROP_REQUIRED,
                               &d->cellid) < 0 ||
                virXMLPropUInt(sibs[i], "value", 10, VIR_XML_PROP_REQUIRED,
                               &d->value) < 0)
                return -1;
        }
    }

    if (virCapsParseNumaCaches(node, cell) < 0)
        return -1;

    if ((sub = virXMLChild(node, "cpus"))) {
        unsigned int count;

        if (virXMLPropUInt(sub, "num", 10, 0, &count) < 0)
            return -1;
        n = virXMLChildren(sub, "cpu", &cpus);
        cell->cpus = g_new0(virCapsHostCellCPU, n);
        for (i = 0; i < n; i++) {
            virCapsHostCellCPU *cpu = &cell->cpus[cell->ncpus++];

            if (virXMLPropUInt(cpus[i], "id", 10, VIR_XML_PROP_REQUIRED,
                               &cpu->id) < 0)
                return -1;
            /* topology comes along with the siblings, or not at all */
            if (xmlHasProp(cpus[i], BAD_CAST "siblings")) {
                if (virXMLPropUInt(cpus[i], "socket_id", 10,
                                   VIR_XML_PROP_REQUIRED, &cpu->socket_id) < 0 ||
                    virXMLPropUInt(cpus[i], "die_id", 10, 0,
                                   &cpu->die_id) < 0 ||
                    virXMLPropUInt(cpus[i], "core_id", 10,
                                   VIR_XML_PROP_REQUIRED, &cpu->core_id) < 0 ||
                    virCapsParseBitmap(cpus[i], "siblings",
                                       &cpu->siblings) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

/* A size with its unit (B when absent), in bytes. */
static int
virCapsParseBytes(xmlNodePtr node, const char *name, const char *unit,
                  bool required, unsigned long long *bytes)
{
    int rc = virXMLPropULongLong(node, name, 10,
                                 required ? VIR_XML_PROP_REQUIRED : 0, bytes);

    if (rc <= 0)
        return rc;
    return virScaleInteger(bytes, unit, 1, ULLONG_MAX);
}

static int
virCapsParseCache(xmlNodePtr node, virCapsHost *host)
{
    g_autofree xmlNodePtr *banks = NULL;
    size_t n, i, j;

    n = virXMLChildren(node, "bank", &banks);
    host->banks = g_new0(virCapsHostCacheBank, n);
    for (i = 0; i < n; i++) {
        virCapsHostCacheBank *bank = &host->banks[host->nbanks++];
        g_autofree xmlNodePtr *ctls = NULL;
        g_autofree char *unit = virXMLPropString(banks[i], "unit");
        size_t nctls;
        int type;

        if (virXMLPropUInt(banks[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &bank->id) < 0 ||
            virXMLPropUInt(banks[i], "level", 10, VIR_XML_PROP_REQUIRED,
                           &bank->level) < 0 ||
            virXMLPropEnum(banks[i], "type", virCapsCacheTypeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0 ||
            virCapsParseBytes(banks[i], "size", unit, true, &bank->size) < 0 ||
            virCapsParseBitmap(banks[i], "cpus", &bank->cpus) < 0)
            return -1;
        bank->type = type;

        nctls = virXMLChildren(banks[i], "control", &ctls);
        bank->controls = g_new0(virCapsHostCacheControl, nctls);
        for (j = 0; j < nctls; j++) {
            virCapsHostCacheControl *ctl = &bank->controls[bank->ncontrols++];
            g_autofree char *cunit = virXMLPropString(ctls[j], "unit");

            if (virCapsParseBytes(ctls[j], "granularity", cunit, true,
                                  &ctl->granularity) < 0 ||
                virCapsParseBytes(ctls[j], "min", cunit, false,
                                  &ctl->min) < 0 ||
                virXMLPropEnum(ctls[j], "type",
                               virCapsCacheTypeTypeFromString,
                               VIR_XML_PROP_REQUIRED, &type) < 0 ||
                virXMLPropUInt(ctls[j], "maxAllocs", 10,
                               VIR_XML_PROP_REQUIRED, &ctl->maxAllocs) < 0)
                return -1;
            ctl->scope = type;
        }
    }
    return virCapsParseMonitor(virXMLChild(node, "monitor"),
                               &host->cacheMonitor);
}

static int
virCapsParseMemBW(xmlNodePtr node, virCapsHost *host)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n, i;

    n = virXMLChildren(node, "node", &nodes);
    host->memBWNodes = g_new0(virCapsHostMemBWNode, n);
    for (i = 0; i < n; i++) {
        virCapsHostMemBWNode *bw = &host->memBWNodes[host->nmemBWNodes++];
        xmlNodePtr ctl;

        if (virXMLPropUInt(nodes[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &bw->id) < 0 ||
            virCapsParseBitmap(nodes[i], "cpus", &bw->cpus) < 0)
            return -1;
        if ((ctl = virXMLChild(nodes[i], "control")) &&
            (virXMLPropUInt(ctl, "granularity", 10, VIR_XML_PROP_REQUIRED,
                            &bw->granularity) < 0 ||
             virXMLPropUInt(ctl, "min", 10, 0, &bw->min) < 0 ||
             virXMLPropUInt(ctl, "maxAllocs", 10, VIR_XML_PROP_REQUIRED,
                            &bw->maxAllocs) < 0))
            return -1;
    }
    return virCapsParseMonitor(virXMLChild(node, "monitor"),
                               &host->memBWMonitor);
}

static int
virCapsParseSecModels(xmlNodePtr node, virCapsHost *host)
{
    g_autofree xmlNodePtr *models = NULL;
    size_t n, i, j;

    n = virXMLChildren(node, "secmodel", &models);
    host->secModels = g_new0(virCapsHostSecModel, n);
    for (i = 0; i < n; i++) {
        virCapsHostSecModel *sm = &host->secModels[host->nsecModels++];
        g_autofree xmlNodePtr *labels = NULL;
        size_t nlabels;

        sm->model = virXMLChildContent(models[i], "model");
        if (!(sm->doi = virXMLChildContent(models[i], "doi")))
            sm->doi = g_strdup("");
        nlabels = virXMLChildren(models[i], "baselabel", &labels);
        sm->labels = g_new0(virCapsHostSecModelLabel, nlabels);
        for (j = 0; j < nlabels; j++) {
            virCapsHostSecModelLabel *l = &sm->labels[sm->nlabels++];

            if (!(l->type = virXMLPropStringRequired(labels[j], "type")))
                return -1;
            l->label = virXMLNodeContent(labels[j]);
        }
    }
    return 0;
}

static int
virCapsParseHost(xmlNodePtr node, virCapsHost *host)
{
    g_autofree xmlNodePtr *cells = NULL;
    g_autofree char *uuid = virXMLChildContent(node, "uuid");
    xmlNodePtr sub;
    size_t n, i;

    if (uuid) {
        if (virUUIDParse(uuid, host->uuid) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "malformed uuid '%s'", uuid);
            return -1;
        }
        host->hasUUID = true;
    }

    if ((sub = virXMLChild(node, "cpu")) && virCapsParseHostCPU(sub, host) < 0)
        return -1;

    if ((sub = virXMLChild(node, "power_management"))) {
        char **names = NULL;
        size_t nnames = virCapsParseNames(sub, &names);
        int bit = 0;

        for (i = 0; i < nnames && bit >= 0; i++) {
            if ((bit = virCapsHostPMTargetTypeFromString(names[i])) < 0)
                virReportError(VIR_ERR_XML_ERROR,
                               "unknown power management target '%s'",
                               names[i]);
            else
                host->powerMgmt |= 1U << bit;
        }
        virCapsStringsFree(names, nnames);
        if (bit < 0)
            return -1;
    }

    if ((sub = virXMLChild(node, "iommu"))) {
        virTristateBool support;

        if (virXMLPropTristateBool(sub, "support", 0, &support) < 0)
            return -1;
        host->iommu = support == VIR_TRISTATE_BOOL_YES;
    }

    if ((sub = virXMLChild(node, "migration_features"))) {
        xmlNodePtr trans;

        host->offlineMigrate = true;
        host->liveMigrate = virXMLChild(sub, "live") != NULL;
        if ((trans = virXMLChild(sub, "uri_transports"))) {
            g_autofree xmlNodePtr *list = NULL;

            n = virXMLChildren(trans, "uri_transport", &list);
            host->migrateTrans = g_new0(char *, n);
            for (i = 0; i < n; i++)
                host->migrateTrans[host->nmigrateTrans++] =
                    virXMLNodeContent(list[i]);
        }
    }

    host->netprefix = virXMLChildContent(node, "netprefix");

    if ((sub = virXMLChild(node, "topology"))) {
        xmlNodePtr cellsNode = virXMLChild(sub, "cells");

        host->hasTopology = true;
        if (cellsNode) {
            unsigned int count;

            if (virXMLPropUInt(cellsNode, "num", 10, 0, &count) < 0)
                return -1;
            n = virXMLChildren(cellsNode, "cell", &cells);
            for (i = 0; i < n; i++) {
                if (virCapsParseCell(cells[i], host) < 0)
                    return -1;
            }
        }
        if ((cellsNode = virXMLChild(sub, "interconnects")) &&
            virCapsParseInterconnects(cellsNode, host) < 0)
            return -1;
    }

    if ((sub = virXMLChild(node, "cache")) && virCapsParseCache(sub, host) < 0)
        return -1;
    if ((sub = virXMLChild(node, "memory_bandwidth")) &&
        virCapsParseMemBW(sub, host) < 0)
        return -1;
    return virCapsParseSecModels(node, host);
}

static int
virCapsParseDomainInfo(xmlNodePtr node, virCapsGuestDomainInfo *info)
{
    g_autofree xmlNodePtr *machines = NULL;
    size_t n, i;

    info->emulator = virXMLChildContent(node, "emulator");
    info->loader = virXMLChildContent(node, "loader");
    n = virXMLChildren(node, "machine", &machines);
    info->machines = g_new0(virCapsGuestMachine, n);
    for (i = 0; i < n; i++) {
        virCapsGuestMachine *m = &info->machines[info->nmachines++];
        virTristateBool deprecated;

        m->name = virXMLNodeContent(machines[i]);
        m->canonical = virXMLPropString(machines[i], "canonical");
        if (virXMLPropUInt(machines[i], "maxCpus", 10, 0, &m->maxCpus) < 0 ||
            virXMLPropTristateBool(machines[i], "deprecated", 0,
                                   &deprecated) < 0)
            return -1;
        m->deprecated = deprecated == VIR_TRISTATE_BOOL_YES;
    }
    return 0;
}

static int
virCapsParseGuest(xmlNodePtr node, virCapsDef *caps)
{
    g_autofree char *ostype = virXMLChildContent(node, "os_type");
    g_autofree xmlNodePtr *domains = NULL;
    virCapsGuest *guest;
    xmlNodePtr arch;
    xmlNodePtr feats;
    size_t n, i;
    int os;

    if (!ostype || (os = virDomainOSTypeFromString(ostype)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown OS type '%s'",
                       NULLSTR(ostype));
        return -1;
    }
    if (!virXMLChild(node, "arch")) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing <arch> in capabilities guest");
        return -1;
    }
    guest = virCapsDefAddGuest(caps, os, VIR_ARCH_NONE, 0);

    if ((arch = virXMLChild(node, "arch"))) {
        g_autofree char *name = virXMLPropString(arch, "name");
        g_autofree char *wordsize = virXMLChildContent(arch, "wordsize");

        /* Every guest <arch> names its architecture: the formatter
         * writes the element around its name. */
        if (!name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing architecture name in guest <arch>");
            return -1;
        }
        if ((guest->arch = virArchTypeFromString(name)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown architecture '%s'", name);
            return -1;
        }
        if (wordsize &&
            virStrToLong_i(wordsize, NULL, 10, &guest->wordsize) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid wordsize '%s'", wordsize);
            return -1;
        }
        if (virCapsParseDomainInfo(arch, &guest->defaultInfo) < 0)
            return -1;

        n = virXMLChildren(arch, "domain", &domains);
        for (i = 0; i < n; i++) {
            virCapsGuestDomain *dom;
            int type;

            if (virXMLPropEnum(domains[i], "type", virDomainVirtTypeFromString,
                               VIR_XML_PROP_REQUIRED, &type) < 0)
                return -1;
            dom = virCapsGuestAddDomain(guest, type);
            if (virCapsParseDomainInfo(domains[i], &dom->info) < 0)
                return -1;
        }
    }

    if ((feats = virXMLChild(node, "features"))) {
        xmlNodePtr cur;

        for (cur = virXMLFirstElement(feats); cur;
             cur = virXMLNextElement(cur)) {
            int f = virCapsGuestFeatureTypeFromString((const char *)cur->name);
            virCapsGuestFeature *feat;

            if (f < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "unknown guest feature '%s'", cur->name);
                return -1;
            }
            virXMLNodeMarkConsumed(cur);
            feat = &guest->features[f];
            feat->present = true;
            if (virXMLPropTristateSwitch(cur, "default", 0,
                                         &feat->defaultOn) < 0 ||
                virXMLPropTristateBool(cur, "toggle", 0, &feat->toggle) < 0)
                return -1;
        }
    }
    return 0;
}

virCapsDef *
virCapsDefParseString(const char *xml, bool validate)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virCapsDef) caps = virCapsDefNew();
    g_autofree xmlNodePtr *guests = NULL;
    xmlNodePtr root;
    xmlNodePtr host;
    size_t n, i;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml, "(capabilities)",
                                      "capabilities")))
        return NULL;
    root = xmlDocGetRootElement(doc);

    if ((host = virXMLChild(root, "host")) &&
        virCapsParseHost(host, &caps->host) < 0)
        return NULL;

    n = virXMLChildren(root, "guest", &guests);
    for (i = 0; i < n; i++) {
        if (virCapsParseGuest(guests[i], caps) < 0)
            return NULL;
    }

    if (validate && virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&caps);
}
