/*
 * domain_cpu.c: <cpu>, for a guest (a domain's CPU) or a host (the
 * capabilities' CPU).  The two differ in what they may say: a guest has a
 * mode, match and check and its features carry a policy; a host names its
 * architecture, microcode, signature and TSC counter.  The guest NUMA
 * cells inside <cpu><numa> are handed to domain_numa.c.
 */
#include "domain_cpu.h"
#include "device_info.h"
#include "domain_numa.h"

#define VIR_FROM_THIS VIR_FROM_CPU

#define VIR_CPU_VENDOR_ID_LENGTH 12

VIR_ENUM_IMPL(virCPUMode, VIR_CPU_MODE_LAST,
              "custom", "host-model", "host-passthrough", "maximum");

VIR_ENUM_IMPL(virCPUMatch, VIR_CPU_MATCH_LAST,
              "exact", "minimum", "strict");

VIR_ENUM_IMPL(virCPUCheck, VIR_CPU_CHECK_LAST,
              "default", "none", "partial", "full");

VIR_ENUM_IMPL(virCPUFallback, VIR_CPU_FALLBACK_LAST,
              "allow", "forbid");

VIR_ENUM_IMPL(virCPUFeaturePolicy, VIR_CPU_FEATURE_LAST,
              "force", "require", "optional", "disable", "forbid");

VIR_ENUM_IMPL(virCPUCacheMode, VIR_CPU_CACHE_MODE_LAST,
              "emulate", "passthrough", "disable");

VIR_ENUM_IMPL(virCPUMaxPhysAddrMode, VIR_CPU_MAX_PHYS_ADDR_MODE_LAST,
              "emulate", "passthrough");

void
virCPUDefFree(virCPUDef *cpu)
{
    size_t i;

    if (!cpu)
        return;
    g_free(cpu->arch);
    g_free(cpu->model);
    g_free(cpu->vendor_id);
    g_free(cpu->vendor);
    for (i = 0; i < cpu->nfeatures; i++)
        g_free(cpu->features[i].name);
    g_free(cpu->features);
    g_free(cpu);
}

virDomainCPUDef *
virDomainCPUNew(void)
{
    virCPUDef *cpu = g_new0(virCPUDef, 1);

    cpu->type = VIR_CPU_TYPE_GUEST;
    cpu->cacheLevel = -1;
    cpu->maxPhysAddrBits = -1;
    return cpu;
}

void
virDomainCPUFree(virDomainCPUDef *part)
{
    virCPUDefFree(part);
}

/* ---- Parsing ---- */

static int
virCPUDefParseMode(xmlNodePtr node, virCPUDef *cpu)
{
    g_autofree char *mode = virXMLPropString(node, "mode");
    int rc;
    int val;

    if (mode) {
        if (cpu->type == VIR_CPU_TYPE_HOST) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "Attribute mode is only allowed for guest CPU");
            return -1;
        }
        if ((cpu->mode = virCPUModeTypeFromString(mode)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid mode attribute '%s'", mode);
            return -1;
        }
    } else {
        cpu->mode = cpu->type == VIR_CPU_TYPE_HOST ? -1 : VIR_CPU_MODE_CUSTOM;
    }

    if ((rc = virXMLPropTristateSwitch(node, "migratable", VIR_XML_PROP_NONE,
                                       &cpu->migratable)) < 0)
        return -1;
    if (rc > 0 && cpu->mode != VIR_CPU_MODE_HOST_PASSTHROUGH &&
        cpu->mode != VIR_CPU_MODE_MAXIMUM) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode");
        return -1;
    }

    if (cpu->type == VIR_CPU_TYPE_GUEST) {
        if (virXMLPropEnum(node, "match", virCPUMatchTypeFromString,
                           VIR_XML_PROP_NONE, &val) < 0)
            return -1;
        cpu->match = val;
        if (virXMLPropEnum(node, "check", virCPUCheckTypeFromString,
                           VIR_XML_PROP_NONE, &val) < 0)
            return -1;
        cpu->check = val;
    }
    return 0;
}

static int
virCPUDefParseHost(xmlNodePtr node, virCPUDef *cpu)
{
    xmlNodePtr child;
    g_autofree xmlNodePtr *counters = NULL;
    size_t ncounters;
    size_t i;

    cpu->arch = virConfXMLChildNonEmpty(node, "arch");
    if (!cpu->arch) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing CPU architecture");
        return -1;
    }

    if ((child = virXMLChild(node, "microcode"))) {
        g_autofree char *version = virXMLPropString(child, "version");

        if (version &&
            virStrToLong_ui(version, NULL, 10, &cpu->microcodeVersion) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "invalid microcode version");
            return -1;
        }
    }

    if ((child = virXMLChild(node, "signature"))) {
        if (virXMLPropUInt(child, "family", 10,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &cpu->sigFamily) < 0 ||
            virXMLPropUInt(child, "model", 10, VIR_XML_PROP_REQUIRED,
                           &cpu->sigModel) < 0 ||
            virXMLPropUInt(child, "stepping", 10, VIR_XML_PROP_REQUIRED,
                           &cpu->sigStepping) < 0)
            return -1;
    }

    ncounters = virXMLChildren(node, "counter", &counters);
    for (i = 0; i < ncounters; i++) {
        g_autofree char *name = virXMLPropString(counters[i], "name");

        if (!name || !g_str_equal(name, "tsc") || cpu->hasTsc)
            continue;
        if (virXMLPropULongLong(counters[i], "frequency", 10,
                                VIR_XML_PROP_REQUIRED,
                                &cpu->tscFrequency) < 0 ||
            virXMLPropTristateBool(counters[i], "scaling", VIR_XML_PROP_NONE,
                                   &cpu->tscScaling) < 0)
            return -1;
        cpu->hasTsc = true;
    }
    return 0;
}

static int
virCPUDefParseModel(xmlNodePtr node, virCPUDef *cpu)
{
    xmlNodePtr model = virXMLChild(node, "model");

    /* Empty text counts as no model, as upstream reads it. */
    if (model && !(cpu->model = virXMLNodeContent(model))[0])
        g_clear_pointer(&cpu->model, g_free);
    if (!cpu->model && cpu->type == VIR_CPU_TYPE_HOST) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing CPU model name");
        return -1;
    }

    /* fallback and vendor_id only mean something for a named model. */
    if (model && cpu->type == VIR_CPU_TYPE_GUEST &&
        cpu->mode != VIR_CPU_MODE_HOST_PASSTHROUGH &&
        cpu->mode != VIR_CPU_MODE_MAXIMUM) {
        g_autofree char *fallback = virXMLPropString(model, "fallback");
        g_autofree char *vendor_id = virXMLPropString(model, "vendor_id");
        int val;

        if (fallback) {
            if ((val = virCPUFallbackTypeFromString(fallback)) < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "Invalid fallback attribute");
                return -1;
            }
            cpu->fallback = val;
        }
        if (vendor_id) {
            if (strlen(vendor_id) != VIR_CPU_VENDOR_ID_LENGTH) {
                virReportError(VIR_ERR_XML_ERROR,
                               "vendor_id must be exactly %d characters long",
                               VIR_CPU_VENDOR_ID_LENGTH);
                return -1;
            }
            if (strchr(vendor_id, ',')) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "vendor id is invalid");
                return -1;
            }
            cpu->vendor_id = g_steal_pointer(&vendor_id);
        }
    }

    cpu->vendor = virConfXMLChildNonEmpty(node, "vendor");
    if (cpu->vendor && !cpu->model) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "CPU vendor specified without CPU model");
        return -1;
    }
    return 0;
}

static int
virCPUDefParseTopology(xmlNodePtr node, virCPUDef *cpu)
{
    xmlNodePtr topology = virXMLChild(node, "topology");
    int rc;

    if (!topology)
        return 0;
    if (virXMLPropUInt(topology, "sockets", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &cpu->sockets) < 0)
        return -1;
    if ((rc = virXMLPropUInt(topology, "dies", 10, VIR_XML_PROP_NONZERO,
                             &cpu->dies)) < 0)
        return -1;
    if (rc == 0)
        cpu->dies = 1;
    if (virXMLPropUInt(topology, "cores", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &cpu->cores) < 0 ||
        virXMLPropUInt(topology, "threads", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &cpu->threads) < 0)
        return -1;
    return 0;
}

static int
virCPUDefParseFeatures(xmlNodePtr node, virCPUDef *cpu)
{
    g_autofree xmlNodePtr *list = NULL;
    size_t n = virXMLChildren(node, "feature", &list);
    size_t i;
    size_t j;

    if (n == 0)
        return 0;
    if (!cpu->model && cpu->mode == VIR_CPU_MODE_CUSTOM) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Non-empty feature list specified without CPU model");
        return -1;
    }
    cpu->features = g_new0(virCPUFeatureDef, n);

    for (i = 0; i < n; i++) {
        g_autofree char *name = NULL;
        int policy = -1;

        if (cpu->type == VIR_CPU_TYPE_GUEST) {
            g_autofree char *str = virXMLPropString(list[i], "policy");

            policy = str ? virCPUFeaturePolicyTypeFromString(str)
                         : VIR_CPU_FEATURE_REQUIRE;
            if (policy < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "Invalid CPU feature policy");
                return -1;
            }
        }
        if (!(name = virXMLPropString(list[i], "name")) || !*name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Invalid CPU feature name");
            return -1;
        }
        for (j = 0; j < cpu->nfeatures; j++) {
            if (g_str_equal(name, cpu->features[j].name)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "CPU feature '%s' specified more than once",
                               name);
                return -1;
            }
        }
        cpu->features[cpu->nfeatures].name = g_steal_pointer(&name);
        cpu->features[cpu->nfeatures++].policy = policy;
    }
    return 0;
}

static int
virCPUDefParseCacheAndAddr(xmlNodePtr node, virCPUDef *cpu)
{
    xmlNodePtr child;
    int val;
    int rc;

    if (virXMLChildCount(node, "cache") > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "at most one CPU cache element may be specified");
        return -1;
    }
    if ((child = virXMLChild(node, "cache"))) {
        cpu->hasCache = true;
        if ((rc = virXMLPropInt(child, "level", 10, VIR_XML_PROP_NONNEGATIVE,
                                &cpu->cacheLevel)) < 0)
            return -1;
        if (rc == 1 && (cpu->cacheLevel < 1 || cpu->cacheLevel > 3)) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "invalid CPU cache level, must be in range [1,3]");
            return -1;
        }
        if (virXMLPropEnum(child, "mode", virCPUCacheModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &val) < 0)
            return -1;
        cpu->cacheMode = val;
    }

    if ((child = virXMLChild(node, "maxphysaddr"))) {
        cpu->hasMaxPhysAddr = true;
        if (virXMLPropEnum(child, "mode", virCPUMaxPhysAddrModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &val) < 0)
            return -1;
        cpu->maxPhysAddrMode = val;
        if (virXMLPropInt(child, "bits", 10, VIR_XML_PROP_NONNEGATIVE,
                          &cpu->maxPhysAddrBits) < 0)
            return -1;
    }
    return 0;
}

virCPUDef *
virCPUDefParseNode(xmlNodePtr node, virCPUType type)
{
    g_autoptr(virCPUDef) cpu = virDomainCPUNew();

    if (!virXMLNodeNameEqual(node, "cpu")) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "XML does not contain expected 'cpu' element");
        return NULL;
    }
    virXMLNodeMarkConsumed(node);

    if (type == VIR_CPU_TYPE_AUTO) {
        if (virXMLChildCount(node, "arch") > 0) {
            if (xmlHasProp(node, BAD_CAST "match")) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "'arch' element cannot be used inside 'cpu' element with 'match' attribute'");
                return NULL;
            }
            type = VIR_CPU_TYPE_HOST;
        } else {
            type = VIR_CPU_TYPE_GUEST;
        }
    }
    cpu->type = type;

    if (virCPUDefParseMode(node, cpu) < 0)
        return NULL;
    if (cpu->type == VIR_CPU_TYPE_HOST && virCPUDefParseHost(node, cpu) < 0)
        return NULL;
    if (virCPUDefParseModel(node, cpu) < 0 ||
        virCPUDefParseTopology(node, cpu) < 0 ||
        virCPUDefParseFeatures(node, cpu) < 0 ||
        virCPUDefParseCacheAndAddr(node, cpu) < 0)
        return NULL;
    return g_steal_pointer(&cpu);
}

int
virDomainDefCPUParseXML(xmlNodePtr root, virDomainDef *def,
                        unsigned int flags G_GNUC_UNUSED)
{
    xmlNodePtr node = virXMLChild(root, "cpu");
    xmlNodePtr numa;

    if (!node)
        return 0;
    if (!(def->cpu = virCPUDefParseNode(node, VIR_CPU_TYPE_GUEST)))
        return -1;
    if ((numa = virXMLChild(node, "numa")) &&
        virDomainNumaCellsParseXML(numa, def->numa) < 0)
        return -1;
    return 0;
}

int
virDomainDefCPUPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED)
{
    virCPUDef *cpu = def->cpu;
    unsigned long long total;

    if (!cpu)
        return 0;
    if (cpu->sockets) {
        total = (unsigned long long)cpu->sockets * cpu->dies;
        if (total > G_MAXUINT || (total *= cpu->cores) > G_MAXUINT ||
            (total *= cpu->threads) > G_MAXUINT) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "cpu topology results in more than %u cpus",
                           G_MAXUINT);
            return -1;
        }
    }
    if (cpu->mode == VIR_CPU_MODE_CUSTOM && !cpu->model &&
        cpu->check != VIR_CPU_CHECK_DEFAULT) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "check attribute specified for CPU with no model");
        return -1;
    }
    return 0;
}

/* ---- Formatting ---- */

static void
virCPUDefFormatAttrs(virBuffer *attrBuf, const virCPUDef *cpu)
{
    /* A guest CPU giving only topology, cache or NUMA has no mode. */
    if (cpu->type != VIR_CPU_TYPE_GUEST ||
        (cpu->mode == VIR_CPU_MODE_CUSTOM && !cpu->model))
        return;
    virBufferAsprintf(attrBuf, " mode='%s'",
                      virCPUModeTypeToString(cpu->mode));
    if (cpu->mode == VIR_CPU_MODE_CUSTOM)
        virBufferAsprintf(attrBuf, " match='%s'",
                          virCPUMatchTypeToString(cpu->match));
    if (cpu->check)
        virBufferAsprintf(attrBuf, " check='%s'",
                          virCPUCheckTypeToString(cpu->check));
    if ((cpu->mode == VIR_CPU_MODE_HOST_PASSTHROUGH ||
         cpu->mode == VIR_CPU_MODE_MAXIMUM) && cpu->migratable)
        virBufferAsprintf(attrBuf, " migratable='%s'",
                          virTristateSwitchTypeToString(cpu->migratable));
}

static void
virCPUDefFormatModel(virBuffer *buf, const virCPUDef *cpu)
{
    bool guest = cpu->type == VIR_CPU_TYPE_GUEST;
    bool formatModel = cpu->mode == VIR_CPU_MODE_CUSTOM ||
                       cpu->mode == VIR_CPU_MODE_HOST_MODEL;

    if (formatModel && (cpu->model || cpu->vendor_id)) {
        virBufferAddLit(buf, "<model");
        if (guest && cpu->model)
            virBufferAsprintf(buf, " fallback='%s'",
                              virCPUFallbackTypeToString(cpu->fallback));
        if (guest)
            virBufferEscapeString(buf, " vendor_id='%s'", cpu->vendor_id);
        if (cpu->model)
            virBufferEscapeString(buf, ">%s</model>\n", cpu->model);
        else
            virBufferAddLit(buf, "/>\n");
    }
    if (formatModel && cpu->vendor)
        virBufferEscapeString(buf, "<vendor>%s</vendor>\n", cpu->vendor);
}

static void
virCPUDefFormatHostInfo(virBuffer *buf, const virCPUDef *cpu)
{
    if (cpu->type != VIR_CPU_TYPE_HOST)
        return;
    if (cpu->microcodeVersion)
        virBufferAsprintf(buf, "<microcode version='%u'/>\n",
                          cpu->microcodeVersion);
    if (cpu->sigFamily)
        virBufferAsprintf(buf,
                          "<signature family='%u' model='%u' stepping='%u'/>\n",
                          cpu->sigFamily, cpu->sigModel, cpu->sigStepping);
    if (cpu->hasTsc) {
        virBufferAsprintf(buf, "<counter name='tsc' frequency='%llu'",
                          cpu->tscFrequency);
        virDomainTristateBoolAttrFormat(buf, "scaling", cpu->tscScaling);
        virBufferAddLit(buf, "/>\n");
    }
}

void
virCPUDefFormatContent(virBuffer *buf, const virCPUDef *cpu)
{
    size_t i;

    virCPUDefFormatModel(buf, cpu);
    virCPUDefFormatHostInfo(buf, cpu);

    if (cpu->sockets && cpu->dies && cpu->cores && cpu->threads)
        virBufferAsprintf(buf,
                          "<topology sockets='%u' dies='%u' cores='%u' threads='%u'/>\n",
                          cpu->sockets, cpu->dies, cpu->cores, cpu->threads);
    if (cpu->hasCache) {
        virBufferAddLit(buf, "<cache ");
        if (cpu->cacheLevel != -1)
            virBufferAsprintf(buf, "level='%d' ", cpu->cacheLevel);
        virBufferAsprintf(buf, "mode='%s'/>\n",
                          virCPUCacheModeTypeToString(cpu->cacheMode));
    }
    if (cpu->hasMaxPhysAddr) {
        virBufferAsprintf(buf, "<maxphysaddr mode='%s'",
                          virCPUMaxPhysAddrModeTypeToString(
                              cpu->maxPhysAddrMode));
        if (cpu->maxPhysAddrBits != -1)
            virBufferAsprintf(buf, " bits='%d'", cpu->maxPhysAddrBits);
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < cpu->nfeatures; i++) {
        const virCPUFeatureDef *feature = &cpu->features[i];

        if (cpu->type == VIR_CPU_TYPE_GUEST)
            virBufferEscapeString(buf, "<feature policy='%s'",
                                  virCPUFeaturePolicyTypeToString(
                                      feature->policy));
        else
            virBufferAddLit(buf, "<feature");
        virBufferEscapeString(buf, " name='%s'/>\n", feature->name);
    }
}

int
virCPUDefFormatBuf(virBuffer *buf, const virCPUDef *cpu,
                   const virDomainNumaDef *numa)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (!cpu)
        return 0;
    virCPUDefFormatAttrs(&attrBuf, cpu);
    if (cpu->type == VIR_CPU_TYPE_HOST && cpu->arch)
        virBufferEscapeString(&childBuf, "<arch>%s</arch>\n", cpu->arch);
    virCPUDefFormatContent(&childBuf, cpu);
    virDomainNumaCellsFormat(&childBuf, numa);
    virXMLFormatElement(buf, "cpu", &attrBuf, &childBuf);
    return 0;
}

int
virDomainDefCPUFormat(virBuffer *buf, const virDomainDef *def,
                      unsigned int flags G_GNUC_UNUSED)
{
    return virCPUDefFormatBuf(buf, def->cpu, def->numa);
}
