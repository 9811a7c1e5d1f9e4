/*
 * domain_capabilities_conf.c: formatting the <domainCapabilities> document
 * and reading it back.  Most of the document is blocks of <enum>s listing
 * values of the domain XML's own enums; one table describes them all, so
 * the formatter writes values in the enum's order as upstream does.
 */
#include "domain_capabilities_conf.h"
#include "conf/domain_conf.h"
#include "conf/domain_chr.h"
#include "conf/domain_disk.h"
#include "conf/domain_features.h"
#include "conf/domain_fs.h"
#include "conf/domain_graphics.h"
#include "conf/domain_hostdev.h"
#include "conf/domain_memory.h"
#include "conf/domain_redirdev.h"
#include "conf/domain_rng.h"
#include "conf/domain_tpm.h"
#include "conf/domain_video.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_CAPABILITIES

VIR_ENUM_IMPL(virDomainCapsFeature, VIR_DOMAIN_CAPS_FEATURE_LAST,
              "iothreads", "vmcoreinfo", "genid", "backingStoreInput",
              "backup", "s390-pv");

VIR_ENUM_IMPL(virDomainCapsCPUUsable, VIR_DOMAIN_CAPS_CPU_USABLE_LAST,
              "unknown", "yes", "no");

typedef struct {
    const char *name;
    const char *(*toString)(int);
    int (*fromString)(const char *);
} virDomainCapsEnumInfo;

typedef struct {
    const char *element;
    virDomainCapsEnumInfo enums[VIR_DOMAIN_CAPS_BLOCK_MAX_ENUMS];
} virDomainCapsBlockInfo;

#define ENUM_INFO(name, type) {name, type##TypeToString, type##TypeFromString}

static const virDomainCapsBlockInfo blockInfo[VIR_DOMAIN_CAPS_BLOCK_LAST] = {
    [VIR_DOMAIN_CAPS_BLOCK_OS] = {"os", {
        ENUM_INFO("firmware", virDomainOsDefFirmware)}},
    [VIR_DOMAIN_CAPS_BLOCK_LOADER] = {"loader", {
        ENUM_INFO("type", virDomainLoader),
        ENUM_INFO("readonly", virTristateBool),
        ENUM_INFO("secure", virTristateBool)}},
    [VIR_DOMAIN_CAPS_BLOCK_MEMORY_BACKING] = {"memoryBacking", {
        ENUM_INFO("sourceType", virDomainMemorySource)}},
    [VIR_DOMAIN_CAPS_BLOCK_DISK] = {"disk", {
        ENUM_INFO("diskDevice", virDomainDiskDevice),
        ENUM_INFO("bus", virDomainDiskBus),
        ENUM_INFO("model", virDomainDiskModel)}},
    [VIR_DOMAIN_CAPS_BLOCK_GRAPHICS] = {"graphics", {
        ENUM_INFO("type", virDomainGraphics)}},
    [VIR_DOMAIN_CAPS_BLOCK_VIDEO] = {"video", {
        ENUM_INFO("modelType", virDomainVideo)}},
    [VIR_DOMAIN_CAPS_BLOCK_HOSTDEV] = {"hostdev", {
        ENUM_INFO("mode", virDomainHostdevMode),
        ENUM_INFO("startupPolicy", virDomainStartupPolicy),
        ENUM_INFO("subsysType", virDomainHostdevSubsys),
        ENUM_INFO("capsType", virDomainHostdevCaps),
        ENUM_INFO("pciBackend", virDomainHostdevSubsysPCIBackend)}},
    [VIR_DOMAIN_CAPS_BLOCK_RNG] = {"rng", {
        ENUM_INFO("model", virDomainRNGModel),
        ENUM_INFO("backendModel", virDomainRNGBackend)}},
    [VIR_DOMAIN_CAPS_BLOCK_FILESYSTEM] = {"filesystem", {
        ENUM_INFO("driverType", virDomainFSDriver)}},
    [VIR_DOMAIN_CAPS_BLOCK_TPM] = {"tpm", {
        ENUM_INFO("model", virDomainTPMModel),
        ENUM_INFO("backendModel", virDomainTPMBackend),
        ENUM_INFO("backendVersion", virDomainTPMVersion)}},
    [VIR_DOMAIN_CAPS_BLOCK_REDIRDEV] = {"redirdev", {
        ENUM_INFO("bus", virDomainRedirdevBus)}},
    [VIR_DOMAIN_CAPS_BLOCK_CHANNEL] = {"channel", {
        ENUM_INFO("type", virDomainChr)}},
    [VIR_DOMAIN_CAPS_BLOCK_GIC] = {"gic", {
        ENUM_INFO("version", virGICVersion)}},
    [VIR_DOMAIN_CAPS_BLOCK_HYPERV] = {"hyperv", {
        ENUM_INFO("features", virDomainHyperv)}},
};

/* upstream names these enums after its struct fields */
static const virDomainCapsEnumInfo passthroughMigratableInfo =
    ENUM_INFO("hostPassthroughMigratable", virTristateSwitch);
static const virDomainCapsEnumInfo maximumMigratableInfo =
    ENUM_INFO("maximumMigratable", virTristateSwitch);

virDomainCapsDef *
virDomainCapsDefNew(void)
{
    return g_new0(virDomainCapsDef, 1);
}

void
virDomainCapsDefFree(virDomainCapsDef *caps)
{
    size_t i;

    if (!caps)
        return;
    g_free(caps->path);
    g_free(caps->machine);
    for (i = 0; i < caps->nloaderValues; i++)
        g_free(caps->loaderValues[i]);
    g_free(caps->loaderValues);
    virCPUDefFree(caps->cpu.hostModel);
    for (i = 0; i < caps->cpu.nmodels; i++) {
        g_free(caps->cpu.models[i].name);
        g_free(caps->cpu.models[i].vendor);
    }
    g_free(caps->cpu.models);
    if (caps->sev)
        g_free(caps->sev->cpu0Id);
    g_free(caps->sev);
    if (caps->sgx)
        g_free(caps->sgx->sections);
    g_free(caps->sgx);
    g_free(caps);
}

virDomainCapsEnum *
virDomainCapsBlockEnum(virDomainCapsDef *caps, virDomainCapsBlockType block,
                       const char *name)
{
    size_t i;

    for (i = 0; i < VIR_DOMAIN_CAPS_BLOCK_MAX_ENUMS; i++) {
        const char *cur = blockInfo[block].enums[i].name;

        if (cur && STREQ(cur, name))
            return &caps->blocks[block].enums[i];
    }
    return NULL;
}

/* ---- Formatting ---- */

static void
virDomainCapsEnumFormat(virBuffer *buf, const virDomainCapsEnum *e,
                        const virDomainCapsEnumInfo *info)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (!e->report)
        return;
    virBufferAsprintf(&attrBuf, " name='%s'", info->name);
    for (i = 0; i < sizeof(e->values) * CHAR_BIT; i++) {
        const char *val;

        if ((e->values & (1U << i)) && (val = info->toString(i)))
            virBufferAsprintf(&childBuf, "<value>%s</value>\n", val);
    }
    virXMLFormatElement(buf, "enum", &attrBuf, &childBuf);
}

/* Writes a block's opening tag and its enums; returns false when the
 * block is absent or unsupported, so it has no content to close. */
static bool
virDomainCapsBlockFormatOpen(virBuffer *buf, const virDomainCapsDef *caps,
                             virDomainCapsBlockType type)
{
    const virDomainCapsBlock *block = &caps->blocks[type];
    const virDomainCapsBlockInfo *info = &blockInfo[type];
    size_t i;

    if (block->supported == VIR_TRISTATE_BOOL_ABSENT)
        return false;
    if (block->supported == VIR_TRISTATE_BOOL_NO) {
        virBufferAsprintf(buf, "<%s supported='no'/>\n", info->element);
        return false;
    }
    virBufferAsprintf(buf, "<%s supported='yes'>\n", info->element);
    virBufferAdjustIndent(buf, 2);
    /* the loader lists its firmware paths before its enums */
    if (type == VIR_DOMAIN_CAPS_BLOCK_LOADER) {
        for (i = 0; i < caps->nloaderValues; i++)
            virBufferEscapeString(buf, "<value>%s</value>\n",
                                  caps->loaderValues[i]);
    }
    for (i = 0; i < VIR_DOMAIN_CAPS_BLOCK_MAX_ENUMS && info->enums[i].name; i++)
        virDomainCapsEnumFormat(buf, &block->enums[i], &info->enums[i]);
    return true;
}

static void
virDomainCapsBlockFormatClose(virBuffer *buf, virDomainCapsBlockType type)
{
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", blockInfo[type].element);
}

static void
virDomainCapsBlockFormat(virBuffer *buf, const virDomainCapsDef *caps,
                         virDomainCapsBlockType type)
{
    if (virDomainCapsBlockFormatOpen(buf, caps, type))
        virDomainCapsBlockFormatClose(buf, type);
}

static void
virDomainCapsSimpleFormat(virBuffer *buf, const char *name,
                          virTristateBool supported)
{
    if (supported == VIR_TRISTATE_BOOL_ABSENT)
        return;
    virBufferAsprintf(buf, "<%s supported='%s'/>\n", name,
                      virTristateBoolTypeToString(supported));
}

/* host-passthrough and maximum: a supported mode may list migratable */
static void
virDomainCapsCPUModeFormat(virBuffer *buf, int mode, bool supported,
                           const virDomainCapsEnum *migratable,
                           const virDomainCapsEnumInfo *info)
{
    virBufferAsprintf(buf, "<mode name='%s' supported='%s'",
                      virCPUModeTypeToString(mode), supported ? "yes" : "no");
    if (supported && migratable->report) {
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virDomainCapsEnumFormat(buf, migratable, info);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</mode>\n");
    } else {
        virBufferAddLit(buf, "/>\n");
    }
}

static void
virDomainCapsCPUFormat(virBuffer *buf, const virDomainCapsCPU *cpu)
{
    size_t i;

    virBufferAddLit(buf, "<cpu>\n");
    virBufferAdjustIndent(buf, 2);
    virDomainCapsCPUModeFormat(buf, VIR_CPU_MODE_HOST_PASSTHROUGH,
                               cpu->hostPassthrough,
                               &cpu->hostPassthroughMigratable,
                               &passthroughMigratableInfo);
    virDomainCapsCPUModeFormat(buf, VIR_CPU_MODE_MAXIMUM, cpu->maximum,
                               &cpu->maximumMigratable,
                               &maximumMigratableInfo);

    virBufferAsprintf(buf, "<mode name='%s' ",
                      virCPUModeTypeToString(VIR_CPU_MODE_HOST_MODEL));
    if (cpu->hostModel) {
        virBufferAddLit(buf, "supported='yes'>\n");
        virBufferAdjustIndent(buf, 2);
        virCPUDefFormatContent(buf, cpu->hostModel);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</mode>\n");
    } else {
        virBufferAddLit(buf, "supported='no'/>\n");
    }

    virBufferAsprintf(buf, "<mode name='%s' ",
                      virCPUModeTypeToString(VIR_CPU_MODE_CUSTOM));
    if (cpu->nmodels) {
        virBufferAddLit(buf, "supported='yes'>\n");
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < cpu->nmodels; i++) {
            const virDomainCapsCPUModel *model = &cpu->models[i];

            virBufferAsprintf(buf, "<model usable='%s'",
                              virDomainCapsCPUUsableTypeToString(model->usable));
            if (model->deprecated)
                virBufferAddLit(buf, " deprecated='yes'");
            virBufferEscapeString(buf, " vendor='%s'",
                                  model->vendor ? model->vendor : "unknown");
            virBufferEscapeString(buf, ">%s</model>\n", model->name);
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</mode>\n");
    } else {
        virBufferAddLit(buf, "supported='no'/>\n");
    }

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cpu>\n");
}

static void
virDomainCapsSEVFormat(virBuffer *buf, const virDomainCapsSEV *sev)
{
    if (!sev) {
        virBufferAddLit(buf, "<sev supported='no'/>\n");
        return;
    }
    virBufferAddLit(buf, "<sev supported='yes'>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<cbitpos>%d</cbitpos>\n", sev->cbitpos);
    virBufferAsprintf(buf, "<reducedPhysBits>%d</reducedPhysBits>\n",
                      sev->reducedPhysBits);
    virBufferAsprintf(buf, "<maxGuests>%d</maxGuests>\n", sev->maxGuests);
    virBufferAsprintf(buf, "<maxESGuests>%d</maxESGuests>\n",
                      sev->maxESGuests);
    virBufferEscapeString(buf, "<cpu0Id>%s</cpu0Id>\n", sev->cpu0Id);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</sev>\n");
}

static void
virDomainCapsSGXFormat(virBuffer *buf, const virDomainCapsSGX *sgx)
{
    size_t i;

    if (!sgx) {
        virBufferAddLit(buf, "<sgx supported='no'/>\n");
        return;
    }
    virBufferAddLit(buf, "<sgx supported='yes'>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<flc>%s</flc>\n", sgx->flc ? "yes" : "no");
    virBufferAsprintf(buf, "<sgx1>%s</sgx1>\n", sgx->sgx1 ? "yes" : "no");
    virBufferAsprintf(buf, "<sgx2>%s</sgx2>\n", sgx->sgx2 ? "yes" : "no");
    virBufferAsprintf(buf, "<section_size unit='KiB'>%llu</section_size>\n",
                      sgx->sectionSize);
    if (sgx->nsections) {
        virBufferAddLit(buf, "<sections>\n");
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < sgx->nsections; i++)
            virBufferAsprintf(buf,
                              "<section node='%d' size='%llu' unit='KiB'/>\n",
                              sgx->sections[i].node, sgx->sections[i].size);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</sections>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</sgx>\n");
}

static void
virDomainCapsFeaturesFormat(virBuffer *buf, const virDomainCapsDef *caps)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virDomainCapsBlockFormat(&childBuf, caps, VIR_DOMAIN_CAPS_BLOCK_GIC);
    /* iothreads is written at the top of the document instead */
    for (i = VIR_DOMAIN_CAPS_FEATURE_IOTHREADS + 1;
         i < VIR_DOMAIN_CAPS_FEATURE_LAST; i++)
        virDomainCapsSimpleFormat(&childBuf, virDomainCapsFeatureTypeToString(i),
                                  caps->features[i]);
    virDomainCapsSEVFormat(&childBuf, caps->sev);
    virDomainCapsSGXFormat(&childBuf, caps->sgx);
    virDomainCapsBlockFormat(&childBuf, caps, VIR_DOMAIN_CAPS_BLOCK_HYPERV);
    virXMLFormatElement(buf, "features", NULL, &childBuf);
}

char *
virDomainCapsDefFormat(const virDomainCapsDef *caps)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    int i;

    virBufferAddLit(&buf, "<domainCapabilities>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<path>%s</path>\n", caps->path);
    virBufferAsprintf(&buf, "<domain>%s</domain>\n",
                      virDomainVirtTypeToString(caps->virttype));
    virBufferEscapeString(&buf, "<machine>%s</machine>\n", caps->machine);
    virBufferAsprintf(&buf, "<arch>%s</arch>\n",
                      virArchTypeToString(caps->arch));
    if (caps->maxvcpus)
        virBufferAsprintf(&buf, "<vcpu max='%d'/>\n", caps->maxvcpus);
    virDomainCapsSimpleFormat(&buf, "iothreads",
                              caps->features[VIR_DOMAIN_CAPS_FEATURE_IOTHREADS]);

    if (virDomainCapsBlockFormatOpen(&buf, caps, VIR_DOMAIN_CAPS_BLOCK_OS)) {
        virDomainCapsBlockFormat(&buf, caps, VIR_DOMAIN_CAPS_BLOCK_LOADER);
        virDomainCapsBlockFormatClose(&buf, VIR_DOMAIN_CAPS_BLOCK_OS);
    }
    virDomainCapsCPUFormat(&buf, &caps->cpu);
    virDomainCapsBlockFormat(&buf, caps, VIR_DOMAIN_CAPS_BLOCK_MEMORY_BACKING);

    virBufferAddLit(&buf, "<devices>\n");
    virBufferAdjustIndent(&buf, 2);
    for (i = VIR_DOMAIN_CAPS_BLOCK_DISK; i <= VIR_DOMAIN_CAPS_BLOCK_CHANNEL; i++)
        virDomainCapsBlockFormat(&buf, caps, i);
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</devices>\n");

    virDomainCapsFeaturesFormat(&buf, caps);

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</domainCapabilities>\n");
    return virBufferContentAndReset(&buf);
}

/* ---- Parsing (for tests) ---- */

static int
virDomainCapsEnumParse(xmlNodePtr node, virDomainCapsEnum *e,
                       const virDomainCapsEnumInfo *info)
{
    g_autofree xmlNodePtr *values = NULL;
    size_t n, i;

    e->report = true;
    n = virXMLChildren(node, "value", &values);
    for (i = 0; i < n; i++) {
        g_autofree char *str = virXMLNodeContent(values[i]);
        int val = info->fromString(str);

        if (val < 0 || val >= (int)(sizeof(e->values) * CHAR_BIT)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid value '%s' in enum '%s'", str, info->name);
            return -1;
        }
        e->values |= 1U << val;
    }
    return 0;
}

/* The <enum>s of node; names not in the table are errors. */
static int
virDomainCapsEnumsParse(xmlNodePtr node, virDomainCapsEnum *enums,
                        const virDomainCapsEnumInfo *infos, size_t ninfos)
{
    g_autofree xmlNodePtr *list = NULL;
    size_t n, i, j;

    n = virXMLChildren(node, "enum", &list);
    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLPropStringRequired(list[i], "name");

        if (!name)
            return -1;
        for (j = 0; j < ninfos && infos[j].name; j++) {
            if (STREQ(infos[j].name, name))
                break;
        }
        if (j == ninfos || !infos[j].name) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown enum '%s' in element '%s'",
                           name, node->name);
            return -1;
        }
        if (virDomainCapsEnumParse(list[i], &enums[j], &infos[j]) < 0)
            return -1;
    }
    return 0;
}

static int
virDomainCapsBlockParse(xmlNodePtr parent, virDomainCapsDef *caps,
                        virDomainCapsBlockType type, xmlNodePtr *nodeRet)
{
    virDomainCapsBlock *block = &caps->blocks[type];
    xmlNodePtr node = virXMLChild(parent, blockInfo[type].element);

    if (nodeRet)
        *nodeRet = node;
    if (!node)
        return 0;
    if (virXMLPropTristateBool(node, "supported", VIR_XML_PROP_REQUIRED,
                               &block->supported) < 0)
        return -1;
    return virDomainCapsEnumsParse(node, block->enums, blockInfo[type].enums,
                                   VIR_DOMAIN_CAPS_BLOCK_MAX_ENUMS);
}

static int
virDomainCapsSimpleParse(xmlNodePtr parent, const char *name,
                         virTristateBool *supported)
{
    xmlNodePtr node = virXMLChild(parent, name);

    if (!node)
        return 0;
    return virXMLPropTristateBool(node, "supported", VIR_XML_PROP_REQUIRED,
                                  supported);
}

/* The host-model CPU sits in <mode>: the CPU parser wants a <cpu>, so it
 * reads a renamed copy without the mode's attributes. */
static int
virDomainCapsHostModelParse(xmlNodePtr mode, virDomainCapsCPU *cpu)
{
    xmlNodePtr copy = virXMLNodeCopyDetached(mode);

    xmlNodeSetName(copy, BAD_CAST "cpu");
    xmlUnsetProp(copy, BAD_CAST "name");
    xmlUnsetProp(copy, BAD_CAST "supported");
    /* A repeated host-model mode replaces the one before. */
    virCPUDefFree(cpu->hostModel);
    cpu->hostModel = virCPUDefParseNode(copy, VIR_CPU_TYPE_GUEST);
    virXMLNodeFreeDetached(copy);
    if (!cpu->hostModel)
        return -1;
    cpu->hostModel->mode = VIR_CPU_MODE_CUSTOM;
    virXMLNodeMarkSubtree(mode);
    return 0;
}

static int
virDomainCapsCPUParse(xmlNodePtr node, virDomainCapsCPU *cpu)
{
    g_autofree xmlNodePtr *modes = NULL;
    size_t n, i, j;

    n = virXMLChildren(node, "mode", &modes);
    for (i = 0; i < n; i++) {
        virTristateBool supported;
        bool yes;
        int mode;

        if (virXMLPropEnum(modes[i], "name", virCPUModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &mode) < 0 ||
            virXMLPropTristateBool(modes[i], "supported",
                                   VIR_XML_PROP_REQUIRED, &supported) < 0)
            return -1;
        yes = supported == VIR_TRISTATE_BOOL_YES;

        switch ((virCPUMode) mode) {
        case VIR_CPU_MODE_HOST_PASSTHROUGH:
            cpu->hostPassthrough = yes;
            if (virDomainCapsEnumsParse(modes[i],
                                        &cpu->hostPassthroughMigratable,
                                        &passthroughMigratableInfo, 1) < 0)
                return -1;
            break;
        case VIR_CPU_MODE_MAXIMUM:
            cpu->maximum = yes;
            if (virDomainCapsEnumsParse(modes[i], &cpu->maximumMigratable,
                                        &maximumMigratableInfo, 1) < 0)
                return -1;
            break;
        case VIR_CPU_MODE_HOST_MODEL:
            if (yes && virDomainCapsHostModelParse(modes[i], cpu) < 0)
                return -1;
            break;
        case VIR_CPU_MODE_CUSTOM: {
            g_autofree xmlNodePtr *models = NULL;
            size_t nmodels = virXMLChildren(modes[i], "model", &models);

            /* A repeated custom mode adds its models to the others'. */
            if (nmodels == 0)
                break;
            cpu->models = g_renew(virDomainCapsCPUModel, cpu->models,
                                  cpu->nmodels + nmodels);
            memset(cpu->models + cpu->nmodels, 0,
                   nmodels * sizeof(*cpu->models));
            for (j = 0; j < nmodels; j++) {
                virDomainCapsCPUModel *m = &cpu->models[cpu->nmodels++];
                virTristateBool deprecated;
                int usable;

                m->name = virXMLNodeContent(models[j]);
                m->vendor = virXMLPropString(models[j], "vendor");
                if (virXMLPropEnum(models[j], "usable",
                                   virDomainCapsCPUUsableTypeFromString,
                                   VIR_XML_PROP_REQUIRED, &usable) < 0 ||
                    virXMLPropTristateBool(models[j], "deprecated", 0,
                                           &deprecated) < 0)
                    return -1;
                m->usable = usable;
                m->deprecated = deprecated == VIR_TRISTATE_BOOL_YES;
            }
            break;
        }
        case VIR_CPU_MODE_LAST:
            break;
        }
    }
    return 0;
}

static int
virDomainCapsIntChild(xmlNodePtr node, const char *name, int *result)
{
    g_autofree char *str = virXMLChildContent(node, name);

    if (!str)
        return 0;
    if (virStrToLong_i(str, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value '%s' of element '%s'", str, name);
        return -1;
    }
    return 0;
}

static int
virDomainCapsYesNoChild(xmlNodePtr node, const char *name, bool *result)
{
    g_autofree char *str = virXMLChildContent(node, name);

    if (!str)
        return 0;
    if (STRNEQ(str, "yes") && STRNEQ(str, "no")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value '%s' of element '%s'", str, name);
        return -1;
    }
    *result = STREQ(str, "yes");
    return 0;
}

static int
virDomainCapsSEVParse(xmlNodePtr node, virDomainCapsDef *caps)
{
    virTristateBool supported;
    virDomainCapsSEV *sev;

    if (virXMLPropTristateBool(node, "supported", VIR_XML_PROP_REQUIRED,
                               &supported) < 0)
        return -1;
    if (supported != VIR_TRISTATE_BOOL_YES)
        return 0;
    sev = caps->sev = g_new0(virDomainCapsSEV, 1);
    if (virDomainCapsIntChild(node, "cbitpos", &sev->cbitpos) < 0 ||
        virDomainCapsIntChild(node, "reducedPhysBits",
                              &sev->reducedPhysBits) < 0 ||
        virDomainCapsIntChild(node, "maxGuests", &sev->maxGuests) < 0 ||
        virDomainCapsIntChild(node, "maxESGuests", &sev->maxESGuests) < 0)
        return -1;
    sev->cpu0Id = virXMLChildContent(node, "cpu0Id");
    return 0;
}

/* A size in KiB: the node's content, or its attribute valueattr. */
static int
virDomainCapsKiB(xmlNodePtr node, const char *valueattr,
                 unsigned long long *kib)
{
    if (virXMLParseScaledValue(node, valueattr, "unit", 1024, ULLONG_MAX,
                               true, kib) < 0)
        return -1;
    *kib /= 1024;
    return 0;
}

static int
virDomainCapsSGXParse(xmlNodePtr node, virDomainCapsDef *caps)
{
    virTristateBool supported;
    virDomainCapsSGX *sgx;
    xmlNodePtr sub;

    if (virXMLPropTristateBool(node, "supported", VIR_XML_PROP_REQUIRED,
                               &supported) < 0)
        return -1;
    if (supported != VIR_TRISTATE_BOOL_YES)
        return 0;
    sgx = caps->sgx = g_new0(virDomainCapsSGX, 1);
    if (virDomainCapsYesNoChild(node, "flc", &sgx->flc) < 0 ||
        virDomainCapsYesNoChild(node, "sgx1", &sgx->sgx1) < 0 ||
        virDomainCapsYesNoChild(node, "sgx2", &sgx->sgx2) < 0)
        return -1;
    if ((sub = virXMLChild(node, "section_size")) &&
        virDomainCapsKiB(sub, NULL, &sgx->sectionSize) < 0)
        return -1;
    if ((sub = virXMLChild(node, "sections"))) {
        g_autofree xmlNodePtr *list = NULL;
        size_t n = virXMLChildren(sub, "section", &list);
        size_t i;

        sgx->sections = g_new0(virDomainCapsSGXSection, n);
        for (i = 0; i < n; i++) {
            virDomainCapsSGXSection *s = &sgx->sections[sgx->nsections++];

            if (virXMLPropInt(list[i], "node", 10, VIR_XML_PROP_REQUIRED,
                              &s->node) < 0 ||
                virDomainCapsKiB(list[i], "size", &s->size) < 0)
                return -1;
        }
    }
    return 0;
}

static int
virDomainCapsFeaturesParse(xmlNodePtr node, virDomainCapsDef *caps)
{
    xmlNodePtr sub;
    size_t i;

    if (virDomainCapsBlockParse(node, caps, VIR_DOMAIN_CAPS_BLOCK_GIC,
                                NULL) < 0)
        return -1;
    for (i = VIR_DOMAIN_CAPS_FEATURE_IOTHREADS + 1;
         i < VIR_DOMAIN_CAPS_FEATURE_LAST; i++) {
        if (virDomainCapsSimpleParse(node, virDomainCapsFeatureTypeToString(i),
                                     &caps->features[i]) < 0)
            return -1;
    }
    if ((sub = virXMLChild(node, "sev")) && virDomainCapsSEVParse(sub, caps) < 0)
        return -1;
    if ((sub = virXMLChild(node, "sgx")) && virDomainCapsSGXParse(sub, caps) < 0)
        return -1;
    return virDomainCapsBlockParse(node, caps, VIR_DOMAIN_CAPS_BLOCK_HYPERV,
                                   NULL);
}

static int
virDomainCapsParseRoot(xmlNodePtr root, virDomainCapsDef *caps)
{
    g_autofree char *virttype = virXMLChildContent(root, "domain");
    g_autofree char *arch = virXMLChildContent(root, "arch");
    xmlNodePtr sub;
    xmlNodePtr os;
    int i;

    caps->path = virXMLChildContent(root, "path");
    caps->machine = virXMLChildContent(root, "machine");
    if (!virttype || (caps->virttype = virDomainVirtTypeFromString(virttype)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown virt type '%s'",
                       NULLSTR(virttype));
        return -1;
    }
    if (!arch || (caps->arch = virArchTypeFromString(arch)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown architecture '%s'",
                       NULLSTR(arch));
        return -1;
    }
    if ((sub = virXMLChild(root, "vcpu")) &&
        virXMLPropInt(sub, "max", 10, VIR_XML_PROP_REQUIRED |
                      VIR_XML_PROP_NONNEGATIVE, &caps->maxvcpus) < 0)
        return -1;
    if (virDomainCapsSimpleParse(root, "iothreads",
                                 &caps->features[VIR_DOMAIN_CAPS_FEATURE_IOTHREADS]) < 0)
        return -1;

    if (virDomainCapsBlockParse(root, caps, VIR_DOMAIN_CAPS_BLOCK_OS, &os) < 0)
        return -1;
    if (os) {
        xmlNodePtr loader;

        if (virDomainCapsBlockParse(os, caps, VIR_DOMAIN_CAPS_BLOCK_LOADER,
                                    &loader) < 0)
            return -1;
        if (loader) {
            g_autofree xmlNodePtr *values = NULL;
            size_t n = virXMLChildren(loader, "value", &values);
            size_t j;

            caps->loaderValues = g_new0(char *, n);
            for (j = 0; j < n; j++)
                caps->loaderValues[caps->nloaderValues++] =
                    virXMLNodeContent(values[j]);
        }
    }

    if ((sub = virXMLChild(root, "cpu")) &&
        virDomainCapsCPUParse(sub, &caps->cpu) < 0)
        return -1;
    if (virDomainCapsBlockParse(root, caps,
                                VIR_DOMAIN_CAPS_BLOCK_MEMORY_BACKING, NULL) < 0)
        return -1;
    if ((sub = virXMLChild(root, "devices"))) {
        for (i = VIR_DOMAIN_CAPS_BLOCK_DISK;
             i <= VIR_DOMAIN_CAPS_BLOCK_CHANNEL; i++) {
            if (virDomainCapsBlockParse(sub, caps, i, NULL) < 0)
                return -1;
        }
    }
    if ((sub = virXMLChild(root, "features")) &&
        virDomainCapsFeaturesParse(sub, caps) < 0)
        return -1;
    return 0;
}

virDomainCapsDef *
virDomainCapsDefParseString(const char *xml, bool validate)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virDomainCapsDef) caps = virDomainCapsDefNew();
    xmlNodePtr root;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(domain_capabilities)",
                                      "domainCapabilities")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (virDomainCapsParseRoot(root, caps) < 0)
        return NULL;
    if (validate && virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&caps);
}
